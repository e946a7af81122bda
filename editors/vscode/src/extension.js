// The bkr extension's entry point: start bkrc's language server when bkrc is on PATH.
//
// Highlighting and editing support come from the extension's static
// contributions and work without bkrc. When `bkrc` (or the command set in
// `bkr.server.path`) is found, this starts `bkrc lsp` over stdio through
// vscode-languageclient: diagnostics as you type, hover, completion, go to
// definition, references, rename, highlights, outline, workspace symbols,
// inlay hints, folding, formatting and quick fixes (docs/lsp.md).
'use strict';

const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

let client;

// The executable `command` resolves to, searching PATH as a shell would; null when absent.
function findOnPath(command, env = process.env, platform = process.platform) {
  const isExecutable = (file) => {
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) return false;
      if (platform === 'win32') return true;
      fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch (err) {
      return false;
    }
  };
  const extensions = platform === 'win32'
    ? ['', ...(env.PATHEXT || '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)]
    : [''];
  const candidates = (dir) => extensions.map((ext) => path.join(dir, command + ext));
  if (command.includes('/') || command.includes(path.sep)) {
    return candidates('').find(isExecutable) || null;
  }
  const dirs = (env.PATH || env.Path || '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const found = candidates(dir).find(isExecutable);
    if (found) return found;
  }
  return null;
}

// The language server's settings (docs/lsp.md), from the extension's: a value
// that is not one the server takes is left out, and the server's default holds.
function initializationOptions(config) {
  const options = { include: config.get('server.include') || [] };
  const maxFiles = config.get('server.maxWorkspaceFiles');
  if (Number.isInteger(maxFiles) && maxFiles >= 0) options.max_workspace_files = maxFiles;
  const dialect = config.get('server.dialect');
  if (typeof dialect === 'string' && dialect !== '') options.dialect = dialect;
  const directory = config.get('server.directory');
  if (typeof directory === 'string' && directory !== '') options.directory = directory;
  return options;
}

async function activate(context) {
  const config = vscode.workspace.getConfiguration('bkr');
  const command = config.get('server.path') || 'bkrc';
  const executable = findOnPath(command);
  if (!executable) {
    vscode.window.showInformationMessage(
      `bkr: \`${command}\` is not on PATH, so .bkr files get highlighting only. ` +
        'For diagnostics, hover, completion and formatting install bkrdsl from its clone ' +
        '(README.md\'s first command: .venv/bin/bkrc in the clone; docs/lsp.md, Install) ' +
        'and set bkr.server.path to that bkrc, or put it on PATH.',
    );
    return undefined;
  }
  let languageclient;
  try {
    languageclient = require('vscode-languageclient/node');
  } catch (err) {
    vscode.window.showErrorMessage(
      'bkr: the extension was installed without vscode-languageclient (run `npm install` in editors/vscode).',
    );
    return undefined;
  }
  const { LanguageClient, TransportKind } = languageclient;
  const serverOptions = { command: executable, args: ['lsp'], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'bkr' },
      { scheme: 'untitled', language: 'bkr' },
    ],
    initializationOptions: initializationOptions(config),
    // The `bkr` section, sent again (workspace/didChangeConfiguration) when a
    // setting changes: the server takes `bkr.server.directory` from it at once.
    synchronize: { configurationSection: 'bkr' },
  };
  client = new LanguageClient('bkr', 'bkr language server (bkrc lsp)', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => (client ? client.stop() : undefined) });
  await client.start();
  return client;
}

async function deactivate() {
  if (client) {
    const stopping = client.stop();
    client = undefined;
    await stopping;
  }
}

module.exports = { activate, deactivate, findOnPath, initializationOptions };
