#!/usr/bin/env node
// What indentation VS Code gives a new line of a .bkr file, from the extension's
// language-configuration.json: its onEnterRules and indentationRules, matched with
// JavaScript's own regular expressions, as VS Code matches them.
//
//   node onenter.js -        a JSON array of texts on stdin
//
// Output: one list per text, one number per line: the columns of indentation VS Code
// gives that line when it is typed after the lines before it (Enter at the end of the
// line above, then the line's text; a line typed starting with `}` goes back one
// step, as decreaseIndentPattern says). The first line of a text: 0.
//
// The steps are VS Code's (src/vs/editor/common/languages/enterAction.ts and
// supports/onEnter.ts): the first onEnterRule whose beforeText (the line above, the
// cursor at its end) and previousLineText (the line above that) match gives the
// action, its removeText taken off the line's indentation before `indent` and
// appendText apply; without one, a line ending in `{` (or matching
// increaseIndentPattern) indents one step; otherwise the indentation stays.
'use strict';

const fs = require('fs');
const path = require('path');

const CONF = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'language-configuration.json'), 'utf8'));
const STEP = '  '; // the indentation unit of a .bkr file (tabSize 2, insertSpaces)

const regex = (r) => (typeof r === 'string' ? new RegExp(r) : new RegExp(r.pattern, r.flags));
const RULES = (CONF.onEnterRules || []).map((rule) => ({
  before: regex(rule.beforeText),
  previous: rule.previousLineText === undefined ? null : regex(rule.previousLineText),
  after: rule.afterText === undefined ? null : regex(rule.afterText),
  action: rule.action,
}));
const INCREASE = regex(CONF.indentationRules.increaseIndentPattern);
const DECREASE = regex(CONF.indentationRules.decreaseIndentPattern);

const leading = (line) => line.match(/^\s*/)[0];

function outdent(indentation) {
  return indentation.endsWith(STEP) ? indentation.slice(0, -STEP.length) : indentation.replace(/ {1,2}$/, '');
}

// The indentation of a new line typed after `before` (whose own previous line is `previous`).
function enter(previous, before) {
  for (const rule of RULES) {
    if (!rule.before.test(before)) continue;
    if (rule.after && !rule.after.test('')) continue;
    if (rule.previous && !rule.previous.test(previous)) continue;
    let indentation = leading(before);
    if (rule.action.removeText) indentation = indentation.slice(0, Math.max(0, indentation.length - rule.action.removeText));
    if (rule.action.indent === 'indent' || rule.action.indent === 'indentOutdent') indentation += STEP;
    else if (rule.action.indent === 'outdent') indentation = outdent(indentation);
    return leading(indentation + (rule.action.appendText || '')); // `## ` is text, not indentation
  }
  if (/\{\s*$/.test(before) || INCREASE.test(before)) return leading(before) + STEP;
  return leading(before);
}

function indents(text) {
  const lines = text.split(/\r?\n/);
  return lines.map((line, n) => {
    if (n === 0) return 0;
    let indentation = enter(n >= 2 ? lines[n - 2] : '', lines[n - 1]);
    if (DECREASE.test(line.trimStart())) indentation = outdent(indentation);
    return indentation.length;
  });
}

function main() {
  if (process.argv[2] !== '-') {
    process.stderr.write('usage: node onenter.js -   (a JSON array of texts on stdin)\n');
    process.exit(2);
  }
  const texts = JSON.parse(fs.readFileSync(0, 'utf8'));
  process.stdout.write(JSON.stringify(texts.map(indents)));
}

main();
