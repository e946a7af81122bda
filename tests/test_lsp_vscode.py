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
    assert kind == "info" and "`bkrc` is not on PATH" in message and "pip install bkrdsl" in message


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
