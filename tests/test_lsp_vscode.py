"""editors/vscode/src/extension.js: it starts `bkrc lsp` when bkrc is on PATH, and only then.

Node runs the extension with stand-ins for the `vscode` API and for
vscode-languageclient that record what the extension asks of them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from conftest import ROOT, require_tool

EXTENSION = ROOT / "editors" / "vscode" / "src" / "extension.js"

HARNESS = r"""
const Module = require('module');
const calls = [];
const settings = JSON.parse(process.env.BKR_SETTINGS || '{}');
const vscode = {
  workspace: { getConfiguration: (section) => ({ get: (key) => settings[section + '.' + key] }) },
  window: {
    showInformationMessage: (m) => calls.push(['info', m]),
    showErrorMessage: (m) => calls.push(['error', m]),
  },
};
class LanguageClient {
  constructor(id, name, server, client) { calls.push(['client', id, server, client]); }
  start() { calls.push(['start']); return Promise.resolve(); }
  stop() { calls.push(['stop']); return Promise.resolve(); }
}
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return vscode;
  if (request === 'vscode-languageclient/node') return { LanguageClient, TransportKind: { stdio: 0 } };
  return load.call(this, request, ...rest);
};
const extension = require(process.argv[2]);
const context = { subscriptions: [] };
extension.activate(context)
  .then(() => extension.deactivate())
  .then(() => console.log(JSON.stringify({ calls, subscriptions: context.subscriptions.length })));
"""


def run(tmp_path, path_dirs, settings=None):
    require_tool("BKRDSL_REQUIRE_NODE", shutil.which("node") is not None, "node")
    harness = tmp_path / "harness.js"
    harness.write_text(HARNESS)
    env = dict(
        os.environ, PATH=os.pathsep.join(str(d) for d in path_dirs), BKR_SETTINGS=json.dumps(settings or {})
    )
    node = shutil.which("node")
    out = subprocess.run(
        [node, str(harness), str(EXTENSION)], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(out.stdout)


def fake_bkrc(folder, name="bkrc"):
    folder.mkdir(exist_ok=True)
    exe = folder / name
    exe.write_text("#!/bin/sh\nexit 0\n")
    exe.chmod(0o755)
    return exe


@pytest.mark.skipif(os.name == "nt", reason="POSIX executables")
def test_starts_bkrc_lsp_over_stdio_when_bkrc_is_on_path(tmp_path):
    exe = fake_bkrc(tmp_path / "bin")
    found = run(tmp_path, [tmp_path / "empty", tmp_path / "bin"], {"bkr.server.include": ["/site"]})
    client, start, stop = found["calls"]
    assert client[0:2] == ["client", "bkr"]
    assert client[2] == {"command": str(exe), "args": ["lsp"], "transport": 0}
    assert client[3]["documentSelector"][0] == {"scheme": "file", "language": "bkr"}
    assert client[3]["initializationOptions"] == {"include": ["/site"]}
    # The `bkr` section is sent again when it changes (the server takes `directory` from it).
    assert client[3]["synchronize"] == {"configurationSection": "bkr"}
    assert start == ["start"] and stop == ["stop"]
    assert found["subscriptions"] == 1


@pytest.mark.skipif(os.name == "nt", reason="POSIX executables")
def test_highlighting_only_without_bkrc(tmp_path):
    not_executable = tmp_path / "bin" / "bkrc"
    not_executable.parent.mkdir()
    not_executable.write_text("")  # present but not executable: not a command
    found = run(tmp_path, [tmp_path / "bin"])
    ((kind, message),) = found["calls"]
    assert kind == "info" and "`bkrc` is not on PATH" in message
    # bkrdsl is installed from its clone: `pip install bkrdsl` would install whatever
    # a package index holds under that name (tests/test_docs_cli.py).
    # README.md's first command installs it into .venv, which is on no PATH.
    assert ".venv/bin/bkrc in the clone" in message and "bkr.server.path" in message
    assert "pip install bkrdsl" not in message


@pytest.mark.skipif(os.name == "nt", reason="POSIX executables")
def test_the_server_command_can_be_configured(tmp_path):
    exe = fake_bkrc(tmp_path / "opt", "bkrc-dev")
    found = run(tmp_path, [], {"bkr.server.path": str(exe)})
    assert found["calls"][0][2]["command"] == str(exe)


@pytest.mark.skipif(os.name == "nt", reason="POSIX executables")
@pytest.mark.parametrize(
    "setting,passed",
    [(500, 500), (0, 0), (-1, None), (2.5, None), ("many", None)],
    ids=["500", "0", "negative", "fraction", "text"],
)
def test_the_most_workspace_files_setting_is_passed_to_the_server(tmp_path, setting, passed):
    # bkr.server.maxWorkspaceFiles becomes the server's max_workspace_files; a
    # value the server would not take is left out, so the server's default holds.
    fake_bkrc(tmp_path / "bin")
    found = run(tmp_path, [tmp_path / "bin"], {"bkr.server.maxWorkspaceFiles": setting})
    options = found["calls"][0][3]["initializationOptions"]
    expected = {"include": []} if passed is None else {"include": [], "max_workspace_files": passed}
    assert options == expected


@pytest.mark.skipif(os.name == "nt", reason="POSIX executables")
@pytest.mark.parametrize(
    "setting,passed",
    [("/site/seq.toml", "/site/seq.toml"), ("", None), (7, None)],
    ids=["path", "empty", "number"],
)
def test_the_dialect_setting_is_passed_to_the_server(tmp_path, setting, passed):
    # bkr.server.dialect becomes the server's dialect; empty (the default) or not
    # text, it is left out, and the server checks with the built-in table.
    fake_bkrc(tmp_path / "bin")
    found = run(tmp_path, [tmp_path / "bin"], {"bkr.server.dialect": setting})
    options = found["calls"][0][3]["initializationOptions"]
    assert options == ({"include": []} if passed is None else {"include": [], "dialect": passed})


@pytest.mark.skipif(os.name == "nt", reason="POSIX executables")
@pytest.mark.parametrize(
    "setting,passed",
    [("/site/USER.DIRECT", "/site/USER.DIRECT"), ("", None), (7, None)],
    ids=["path", "empty", "number"],
)
def test_the_directory_setting_is_passed_to_the_server(tmp_path, setting, passed):
    # bkr.server.directory becomes the server's directory; empty (the default) or
    # not text, it is left out, and nothing is checked against a directory.
    fake_bkrc(tmp_path / "bin")
    found = run(tmp_path, [tmp_path / "bin"], {"bkr.server.directory": setting})
    options = found["calls"][0][3]["initializationOptions"]
    assert options == ({"include": []} if passed is None else {"include": [], "directory": passed})


#: The extension's own start, with `vscode` stood in for and vscode-languageclient's
#: LanguageClient replaced by what it does for an `Executable` over stdio (its
#: lib/node/main.js: `args.push('--stdio')`, then `cp.spawn`), spoken to with the
#: vscode-jsonrpc the extension's lock file installs: the server's answers to the
#: options and the `bkr` section the extension sends, as VS Code would carry them.
SESSION = r"""
const Module = require('module');
const cp = require('child_process');
const path = require('path');
const settings = JSON.parse(process.env.BKR_SETTINGS || '{}');
const extensionDir = path.dirname(path.dirname(process.argv[2]));
const rpc = require(require.resolve('vscode-jsonrpc/node', { paths: [extensionDir] }));
const report = { published: [] };
let started;
class LanguageClient {
  constructor(id, name, server, client) {
    const args = [...server.args];
    if (server.transport === 0) args.push('--stdio');
    report.spawned = [path.basename(server.command), ...args];
    const child = cp.spawn(server.command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = rpc.createMessageConnection(
      new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
    const waiters = [];
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      report.published.push(params.diagnostics.map((d) => d.code));
      waiters.splice(0).forEach((w) => w());
    });
    connection.onNotification('window/showMessage', (params) => { report.shown = params.message; });
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    // The next diagnostics published; none within a minute fails the session.
    const diagnostics = () => new Promise((resolve, reject) => {
      const late = setTimeout(() => reject(new Error('no diagnostics published')), 60000);
      waiters.push(() => { clearTimeout(late); resolve(); });
    });
    started = async () => {
      const init = await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        // VS Code takes CodeAction literals: quick fixes are announced to it.
        capabilities: { textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } },
        initializationOptions: client.initializationOptions,
      });
      report.capabilities = Object.keys(init.capabilities).sort();
      await connection.sendNotification('initialized', {});
      const language = client.documentSelector[0].language;
      const text = process.env.BKR_TEXT;
      const shown = diagnostics();
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: process.env.BKR_URI, languageId: language, version: 1, text } });
      await shown;
      // A change of bkr.server.directory: the client sends the `bkr` section again.
      const again = diagnostics();
      await connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { [client.synchronize.configurationSection]: { server: { directory: process.env.BKR_DIRECTORY } } } });
      await again;
      // Semantic tokens as VS Code asks for them after a change: a delta on the last
      // answer, told from whole tokens as vscode-languageclient tells them (its
      // lib/common/semanticTokens.js: vscode-languageserver-protocol's `SemanticTokens.is`),
      // its edits spliced into the integers held.
      const protocol = require(require.resolve('vscode-languageserver-protocol', { paths: [extensionDir] }));
      const doc = { uri: process.env.BKR_URI };
      const first = await connection.sendRequest('textDocument/semanticTokens/full', { textDocument: doc });
      const start = { line: 0, character: 0 };
      await connection.sendNotification('textDocument/didChange', { textDocument: { ...doc, version: 2 },
        contentChanges: [{ range: { start, end: start }, text: process.env.BKR_TYPED }] });
      const delta = await connection.sendRequest('textDocument/semanticTokens/full/delta',
        { textDocument: doc, previousResultId: first.resultId });
      const held = [...first.data];
      for (const edit of delta.edits) held.splice(edit.start, edit.deleteCount, ...(edit.data || []));
      const whole = await connection.sendRequest('textDocument/semanticTokens/full', { textDocument: doc });
      report.tokens = { whole: protocol.SemanticTokens.is(first), delta: protocol.SemanticTokens.is(delta),
        edits: delta.edits.length, applied: JSON.stringify(held) === JSON.stringify(whole.data) };
      await connection.sendRequest('shutdown');
      const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
      await connection.sendNotification('exit');
      report.status = await exited;
      connection.dispose();
    };
  }
  start() { return started(); }
  stop() { return Promise.resolve(); }
}
const vscode = {
  workspace: { getConfiguration: (section) => ({ get: (key) => settings[section + '.' + key] }) },
  window: { showInformationMessage: () => {}, showErrorMessage: () => {} },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return vscode;
  if (request === 'vscode-languageclient/node') return { LanguageClient, TransportKind: { stdio: 0 } };
  return load.call(this, request, ...rest);
};
require(process.argv[2]).activate({ subscriptions: [] })
  .then(() => console.log(JSON.stringify(report)), (e) => { console.error(e); process.exit(1); });
"""


def _have_jsonrpc() -> bool:
    """The extension's own npm packages (vscode-languageclient and its vscode-jsonrpc),
    installed from its lock file as .ci/run does; here, once, when npm is there."""
    if shutil.which("node") is None:
        return False
    folder = EXTENSION.parent.parent
    if not (folder / "node_modules" / "vscode-jsonrpc").is_dir() and shutil.which("npm"):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=folder,
                       capture_output=True, timeout=600, check=False)
    return (folder / "node_modules" / "vscode-jsonrpc").is_dir()


@pytest.mark.skipif(os.name == "nt", reason="POSIX executables")
def test_the_server_the_extension_starts_answers_as_vscode_speaks_to_it(tmp_path):
    # What the extension asks vscode-languageclient to start (`bkrc lsp`, and the
    # `--stdio` the library adds), with the options it passes (a max_workspace_files
    # of 0: no warning of the workspace's other files), answers over VS Code's own
    # JSON-RPC: the document's diagnostics, then, when bkr.server.directory changes,
    # those against the site's directory, a semantic tokens delta after a keystroke
    # (VS Code's client takes it for one, and it applies), and status 0 after
    # shutdown and exit.
    import sys

    require_tool("BKRDSL_REQUIRE_NODE", _have_jsonrpc(), "node with editors/vscode's npm packages")
    folder = tmp_path / "bin"
    folder.mkdir()
    bkrc = folder / "bkrc"
    bkrc.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m bkrdsl "$@"\n')
    bkrc.chmod(0o755)
    harness = tmp_path / "session.js"
    harness.write_text(SESSION)
    cluster = ROOT / "examples" / "prodssi.bkr"
    slips = ROOT / "examples" / "broken" / "prodssi-slips.direct"
    env = dict(
        os.environ,
        PATH=f"{folder}{os.pathsep}{os.environ.get('PATH', '')}",
        BKR_SETTINGS=json.dumps({"bkr.server.maxWorkspaceFiles": 0}),
        BKR_URI=cluster.as_uri(),
        BKR_TEXT=cluster.read_text(encoding="utf-8"),
        BKR_DIRECTORY=str(slips),
        BKR_TYPED="# typed\n",
    )
    out = subprocess.run([shutil.which("node"), str(harness), str(EXTENSION)], capture_output=True, text=True,
                         env=env, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert found["spawned"] == ["bkrc", "lsp", "--stdio"]
    announced = {"hoverProvider", "completionProvider", "renameProvider", "codeActionProvider"}
    assert announced | {"documentRangeFormattingProvider"} <= set(found["capabilities"])  # Format Selection
    clean, against_directory = found["published"][:2]  # (then the keystroke's, perhaps)
    assert clean == []
    assert against_directory and all(code.startswith("BKR5") for code in against_directory)
    assert found["tokens"] == {"whole": True, "delta": False, "edits": 1, "applied": True}
    assert "shown" not in found
    assert found["status"] == 0


def test_the_extension_s_readme_and_changelog_name_every_setting():
    # Each setting the manifest declares is named where a user of the extension
    # reads about it: its README and its CHANGELOG (the latter left out
    # `bkr.server.directory`).
    manifest = json.loads((EXTENSION.parent.parent / "package.json").read_text(encoding="utf-8"))
    declared = manifest["contributes"]["configuration"]["properties"]
    for page in ("README.md", "CHANGELOG.md"):
        text = (EXTENSION.parent.parent / page).read_text(encoding="utf-8")
        assert [name for name in declared if f"`{name}`" not in text] == [], page


def test_the_extension_s_readme_and_changelog_name_the_fix_all_action():
    # The server announces `source.fixAll` beside the quick fixes
    # (tests/test_lsp_clients.py); a user of the extension reads of it, and of
    # the setting that runs it on save, where the quick fixes are named.
    for page in ("README.md", "CHANGELOG.md"):
        text = " ".join((EXTENSION.parent.parent / page).read_text(encoding="utf-8").split())
        assert "`source.fixAll`" in text or '{"source.fixAll": "explicit"}' in text, page
        assert "bkrc check --fix" in text, page
