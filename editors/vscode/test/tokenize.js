#!/usr/bin/env node
// Tokenize .bkr text with VS Code's own TextMate engine (vscode-textmate on
// vscode-oniguruma) and the extension's grammar, and print the scopes as JSON.
//
//   node tokenize.js FILE|DIR...         one entry per .bkr file (a DIR: its *.bkr files)
//   node tokenize.js -                   a JSON array of texts on stdin, one entry per text
//   node tokenize.js --fail-on-invalid FILE|DIR...
//                                        print nothing; exit 1 if any token is invalid.*
//
// Output: [{"name": ..., "lines": [[[start, end, [scope, ...]], ...], ...]}, ...]
// with one list of tokens per line; start and end count UTF-16 code units, as VS Code does.
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const GRAMMAR = path.join(__dirname, '..', 'syntaxes', 'bkr.tmLanguage.json');

async function loadGrammar() {
  const wasmPath = path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm');
  const wasm = fs.readFileSync(wasmPath);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.bkr' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null,
  });
  const grammar = await registry.loadGrammar('source.bkr');
  if (!grammar) throw new Error(`cannot load ${GRAMMAR}`);
  return grammar;
}

function tokenize(grammar, text) {
  let state = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => [t.startIndex, Math.min(t.endIndex, line.length), t.scopes]);
  });
}

function expand(args) {
  const files = [];
  for (const arg of args) {
    if (fs.statSync(arg).isDirectory()) {
      for (const name of fs.readdirSync(arg).sort()) {
        if (name.endsWith('.bkr')) files.push(path.join(arg, name));
      }
    } else {
      files.push(arg);
    }
  }
  return files;
}

async function main(argv) {
  const failOnInvalid = argv[0] === '--fail-on-invalid';
  const args = failOnInvalid ? argv.slice(1) : argv;
  const grammar = await loadGrammar();
  let inputs;
  if (args.length === 1 && args[0] === '-') {
    inputs = JSON.parse(fs.readFileSync(0, 'utf8')).map((text, i) => ({ name: `<text ${i}>`, text }));
  } else {
    inputs = expand(args).map((file) => ({ name: file, text: fs.readFileSync(file, 'utf8') }));
  }
  const results = inputs.map(({ name, text }) => ({ name, lines: tokenize(grammar, text) }));
  if (!failOnInvalid) {
    process.stdout.write(JSON.stringify(results) + '\n');
    return 0;
  }
  let bad = 0;
  for (const { name, lines } of results) {
    lines.forEach((tokens, i) => {
      for (const [start, , scopes] of tokens) {
        if (scopes.some((s) => s.startsWith('invalid.'))) {
          console.error(`${name}:${i + 1}:${start + 1}: ${scopes.join(' ')}`);
          bad += 1;
        }
      }
    });
  }
  console.error(`${results.length} files tokenized, ${bad} invalid tokens`);
  return bad ? 1 : 0;
}

// Set the exit code rather than calling process.exit(), which would cut a large
// JSON answer short when stdout is a pipe.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exitCode = 2;
  },
);
