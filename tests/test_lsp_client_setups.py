"""docs/lsp.md's client set-ups, run where a client can run here.

vim-lsp's `.vimrc` lines run in a headless Vim, with a stand-in for vim-lsp's
`lsp#register_server` that keeps what it is given; coc.nvim's `coc-settings.json`
and Helix's `languages.toml` are read as JSON and TOML, as those clients read
them. Neovim's Lua and Emacs's Lisp are read for their command, file type and
options only: no Neovim or Emacs runs in the tests. Every set-up must start the
same command with the same options, options the server reads, and that command,
given those options, must answer `initialize` and end with status 0 after
`shutdown` and `exit`, with no warning.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib

import pytest
from conftest import ROOT, require_tool
from lsp_inprocess import frame, read_replies

LSP_MD = (ROOT / "docs" / "lsp.md").read_text(encoding="utf-8")
VIM = ROOT / "editors" / "vim"
SERVER_SOURCE = (ROOT / "bkrdsl" / "lsp" / "server.py").read_text(encoding="utf-8")
#: The initialization options the server reads.
SERVER_OPTIONS = set(re.findall(r'\boptions\.get\("(\w+)"\)', SERVER_SOURCE))


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", LSP_MD, re.DOTALL | re.MULTILINE)


def _lua_table(text: str):
    """A Lua table of names, strings, numbers and tables, as Python: `{ "a", "b" }` a
    list, `{ include = {}, n = 2 }` a dict (an empty one a list, as the server takes
    `include`)."""
    text = re.sub(r"\b([A-Za-z_]\w*)\s*=", r'"\1":', text).replace("{}", "[]")
    return json.loads(re.sub(r"\{([^{}:]*)\}", r"[\1]", text))  # a table without keys is a list


def _elisp_plist(text: str) -> dict:
    """`(:include [] :max_workspace_files 2000)` as Python."""
    values = {"[]": []}
    return {k: values.get(v, int(v) if v.isdigit() else v) for k, v in re.findall(r":(\w+) (\[\]|\S+?)[ )]", text)}


def _neovim_setups() -> list[tuple[list[str], dict, list[str]]]:
    """(cmd, init_options, filetypes) of each Neovim block that starts the server."""
    found = []
    for block in _blocks("lua"):
        cmd = re.search(r"cmd = (\{[^}]*\})", block)
        if cmd is None:
            continue
        options = re.search(r"init_options = (\{(?:[^{}]|\{\})*\})", block)
        if "filetypes" in block:
            filetypes = _lua_table(re.search(r"filetypes = (\{[^}]*\})", block).group(1))
        else:  # vim.lsp.start in a FileType autocommand: the pattern is the file type
            filetypes = [re.search(r'pattern = "(\w+)"', block).group(1)]
        found.append((_lua_table(cmd.group(1)), _lua_table(options.group(1)), filetypes))
    return found


def _vim_lsp_block() -> str:
    (block,) = [b for b in _blocks("vim") if "lsp#register_server" in b]
    return block


def test_every_set_up_starts_bkrc_lsp_with_options_the_server_reads():
    neovim = _neovim_setups()
    assert len(neovim) == 3  # vim.lsp.config, vim.lsp.start, nvim-lspconfig
    assert all(b.count('vim.filetype.add({ extension = { bkr = "bkr" } })') for b in _blocks("lua")[:2])
    (coc_json,) = [b for b in _blocks("json") if '"languageserver"' in b]
    coc = json.loads(coc_json)["languageserver"]["bkrc"]
    (helix_toml,) = _blocks("toml")
    helix = tomllib.loads(helix_toml)
    (eglot,) = _blocks("elisp")
    eglot_server = re.search(r"'\(bkr-mode \. \((\"[^:]*?) :initializationOptions\s*(\(.*?\))\)\)", eglot, re.DOTALL)
    vim_lsp = _vim_lsp_block()
    setups = {
        **{f"neovim {n}": (cmd, options) for n, (cmd, options, _) in enumerate(neovim)},
        "coc.nvim": ([coc["command"], *coc["args"]], coc["initializationOptions"]),
        "helix": ([helix["language-server"]["bkrc"]["command"], *helix["language-server"]["bkrc"]["args"]],
                  helix["language-server"]["bkrc"]["config"]),
        "eglot": (re.findall(r'"(\w+)"', eglot_server.group(1)), _elisp_plist(eglot_server.group(2))),
        "vim-lsp": (json.loads(re.search(r"'cmd': \{server_info -> (\[.*?\])\}", vim_lsp).group(1).replace("'", '"')),
                    json.loads(re.search(r"'initialization_options': (\{.*\}),", vim_lsp).group(1).replace("'", '"'))),
    }
    expected = (["bkrc", "lsp"], {"include": [], "max_workspace_files": 2000})
    assert {name: setup for name, setup in setups.items() if setup != expected} == {}
    assert set(expected[1]) <= SERVER_OPTIONS
    # Each names the file type editors/vim gives `.bkr` files, and Helix the
    # TextMate scope of the VS Code extension's grammar.
    assert all(filetypes == ["bkr"] for _, _, filetypes in neovim)
    assert coc["filetypes"] == ["bkr"] and "'allowlist': ['bkr']" in vim_lsp
    (language,) = helix["language"]
    manifest = json.loads((ROOT / "editors" / "vscode" / "package.json").read_text(encoding="utf-8"))
    (grammar,) = manifest["contributes"]["grammars"]
    assert (language["name"], language["file-types"], language["language-servers"]) == ("bkr", ["bkr"], ["bkrc"])
    assert language["scope"] == grammar["scopeName"]
    assert "(add-to-list 'auto-mode-alist '(\"\\\\.bkr\\\\'\" . bkr-mode))" in eglot


def _bkrc_on_path(folder) -> dict:
    """An environment whose PATH finds `bkrc`, this checkout's, first."""
    folder.mkdir(exist_ok=True)
    bkrc = folder / "bkrc"
    bkrc.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m bkrdsl "$@"\n')
    bkrc.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"}


@pytest.mark.skipif(os.name == "nt", reason="POSIX executables")
def test_the_command_and_options_of_the_set_ups_start_the_server(tmp_path):
    # Helix's, taken as the set-ups' own (the test above holds them all alike).
    server = tomllib.loads(_blocks("toml")[0])["language-server"]["bkrc"]
    env = _bkrc_on_path(tmp_path / "bin")
    workspace = tmp_path / "site"
    workspace.mkdir()
    talk = frame(
        {"id": 1, "method": "initialize", "params": {"processId": None, "rootUri": workspace.as_uri(),
                                                     "capabilities": {}, "initializationOptions": server["config"]}},
        {"method": "initialized", "params": {}},
        {"id": 2, "method": "shutdown"},
        {"method": "exit"},
    )
    command = [shutil.which(server["command"], path=env["PATH"]), *server["args"]]
    done = subprocess.run(command, input=talk, capture_output=True, env=env, cwd=workspace, timeout=120, check=False)
    messages = read_replies(done.stdout)
    answers = {m["id"]: m for m in messages if "id" in m and "method" not in m}
    assert "capabilities" in answers[1]["result"] and answers[2]["result"] is None
    assert [m for m in messages if m.get("method") == "window/showMessage"] == []
    assert (done.returncode, done.stderr) == (0, b"")


@pytest.mark.skipif(os.name == "nt", reason="POSIX executables")
def test_the_vim_lsp_set_up_registers_bkrc_lsp_for_bkr_files(tmp_path):
    # The `.vimrc` lines, sourced in a headless Vim with editors/vim on the runtime
    # path and a stand-in for vim-lsp's lsp#register_server: on vim-lsp's
    # `User lsp_setup` they register `bkrc lsp` for the `bkr` file type with the
    # options, and a `.bkr` buffer gets the mappings the page lists.
    require_tool("BKRDSL_REQUIRE_VIM", shutil.which("vim") is not None, "vim")
    block = _vim_lsp_block()
    keys = re.findall(r"^autocmd FileType bkr nmap <buffer> (\S+) (<plug>\(lsp-[\w-]+\))", block, re.MULTILINE)
    assert len(keys) == 6
    stub = tmp_path / "stub" / "autoload"
    stub.mkdir(parents=True)
    (stub / "lsp.vim").write_text(
        "function! lsp#register_server(info) abort\n"
        "  let g:registered = add(get(g:, 'registered', []), a:info)\n"
        "endfunction\n",
        encoding="utf-8",
    )
    (tmp_path / "setup.vim").write_text(block, encoding="utf-8")
    out = tmp_path / "out.json"
    maps = ", ".join(f"{json.dumps(key)}: maparg({json.dumps(key)}, 'n')" for key, _ in keys)
    script = tmp_path / "run.vim"
    script.write_text(
        f"let &runtimepath = {json.dumps(str(VIM))} . ',' . {json.dumps(str(stub.parent))} . ',' . &runtimepath\n"
        "filetype plugin indent on\n"
        f"source {tmp_path / 'setup.vim'}\n"
        "doautocmd User lsp_setup\n"
        f"edit {tmp_path / 'prod.bkr'}\n"
        "let s:info = get(g:, 'registered', [{}])\n"
        "let s:found = {'filetype': &filetype, 'registered': len(s:info), 'name': get(s:info[0], 'name', ''),\n"
        "      \\ 'cmd': has_key(s:info[0], 'cmd') ? s:info[0].cmd({}) : [],\n"
        "      \\ 'allowlist': get(s:info[0], 'allowlist', []),\n"
        "      \\ 'options': get(s:info[0], 'initialization_options', {}),\n"
        f"      \\ 'maps': {{{maps}}}}}\n"
        f"call writefile([json_encode(s:found)], {json.dumps(str(out))})\n"
        "qall!\n",
        encoding="utf-8",
    )
    env = _bkrc_on_path(tmp_path / "bin")  # the block registers only when `bkrc` is executable
    subprocess.run(["vim", "-es", "-N", "-u", "NONE", "-i", "NONE", "-n", "-S", str(script)], cwd=tmp_path,
                   env=env, capture_output=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
    found = json.loads(out.read_text(encoding="utf-8"))
    assert found.pop("maps") == {key: plug.replace("<plug>", "<Plug>") for key, plug in keys}
    assert found == {
        "filetype": "bkr",
        "registered": 1,
        "name": "bkrc",
        "cmd": ["bkrc", "lsp"],
        "allowlist": ["bkr"],
        "options": {"include": [], "max_workspace_files": 2000},
    }
