"""The editor packages: one source of truth, no drift, and each package complete.

The highlighting itself (golden tokens in every engine) is tested in
test_highlight.py; here: the keyword list really is the grammar's, the
generated files are fresh (and the check would notice if they were not), the VS
Code extension folder has what `vsce package` and VS Code need, and the Vim
ftplugin, indent and folding work in a real, headless Vim.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, require_tool
from test_highlight import vim_run

VSCODE = ROOT / "editors" / "vscode"
VIM = ROOT / "editors" / "vim"


# ------------------------------------------------------------------ one source of truth
def test_generated_files_are_fresh():
    """Fails when grammar/bkr.lark or bkrdsl/keywords.py changed without regenerating:
    run `python -m bkrdsl.keywords --write`."""
    from bkrdsl.keywords import main, stale_files

    assert stale_files(ROOT) == []
    assert main(["--check"]) == 0


def test_the_drift_check_notices_an_edit(tmp_path):
    from bkrdsl.keywords import generated_files, stale_files

    for rel, text in generated_files().items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert stale_files(tmp_path) == []
    vim = tmp_path / "editors/vim/syntax/bkr.vim"
    vim.write_text(vim.read_text(encoding="utf-8").replace(" workers", ""), encoding="utf-8")
    assert stale_files(tmp_path) == ["editors/vim/syntax/bkr.vim"]


def test_generated_files_say_so():
    grammar = json.loads((VSCODE / "syntaxes" / "bkr.tmLanguage.json").read_text(encoding="utf-8"))
    assert "python -m bkrdsl.keywords --write" in grammar["comment"] and "do not edit" in grammar["comment"]
    head = (VIM / "syntax" / "bkr.vim").read_text(encoding="utf-8").splitlines()[:5]
    assert any("python -m bkrdsl.keywords --write" in line and "do not edit" in line for line in head)


def _grammar_literals() -> set[str]:
    """The string literals of the rules of grammar/bkr.lark, read as plain text (outside
    comments and the regexes of terminal definitions)."""
    text = (ROOT / "grammar" / "bkr.lark").read_text(encoding="utf-8")
    lines = [line.split("//", 1)[0] for line in text.splitlines()]
    code = "\n".join(line for line in lines if not re.match(r"\s*[A-Z_][A-Z_0-9]*(\.\d+)?\s*:", line))
    return set(re.findall(r'"((?:[^"\\]|\\.)*)"i?', code))


def test_keywords_are_the_grammar_literals():
    """An independent reading of the grammar's text finds the same keywords as Lark's terminals."""
    from bkrdsl.keywords import vocabulary

    v = vocabulary()
    name = re.compile(v.word)
    literals = _grammar_literals()
    assert set(v.keywords) == {s.lower() for s in literals if name.fullmatch(s)}
    assert set(v.punctuation) == {s for s in literals if not name.fullmatch(s)}
    assert {"cluster", "member", "job", "group", "shared-volume", "catalog-node"} <= set(v.keywords)


def test_keywords_are_case_insensitive_in_the_grammar():
    from bkrdsl.keywords import case_insensitive_keywords

    assert case_insensitive_keywords()


def test_every_generated_file_lists_every_keyword():
    from bkrdsl.keywords import keywords

    vim = (VIM / "syntax" / "bkr.vim").read_text(encoding="utf-8")
    tm = (VSCODE / "syntaxes" / "bkr.tmLanguage.json").read_text(encoding="utf-8")
    vim_words = set()
    for line in vim.splitlines():
        if line.startswith("syn keyword "):
            vim_words |= {w for w in line.split()[3:] if "=" not in w and w not in ("skipwhite", "skipnl", "skipempty", "contained")}
    assert vim_words == set(keywords())
    for word in keywords():
        assert re.escape(word).replace("\\", "\\\\") in tm, word


def test_list_followers_are_what_the_fast_parser_reads_after_a_list():
    """The highlighters' keywords after a name list (the grammar's FOLLOW set) are the
    words bkrdsl's own parser reads as keywords there: a weekly schedule's time is
    coloured as both parsers read it."""
    from bkrdsl.keywords import list_followers
    from bkrdsl.syntax.fast import LIST

    assert set(list_followers()) == set(LIST.keywords)


def test_context_keywords_are_grammar_keywords():
    from bkrdsl.keywords import context_keywords, keywords

    assert context_keywords() <= set(keywords())


def test_declaring_keywords_follow_the_grammar():
    """`KEYWORD NAME {` in a grammar rule is exactly what DECLARES lists (a new block
    construct must get a kind for its name)."""
    from bkrdsl.keywords import DECLARES
    from bkrdsl.syntax.parser import parser

    lark = parser()
    literal = {t.name: t.pattern.value.lower() for t in lark.terminals}
    found = set()
    for rule in lark.rules:
        names = [s.name for s in rule.expansion]
        for a, b, c in zip(names, names[1:], names[2:]):
            if b == "NAME" and c == "LBRACE" and a in literal:
                found.add(literal[a])
    assert found == set(DECLARES)


def test_volume_lists_follow_the_grammar():
    """`KEYWORD NAME+` as a statement of a block is exactly what VOLUME_LISTS lists, with
    that block; the statements that end such a list in the highlighters are the block's
    as the fast parser lists them (an independent reading of Lark's parse table)."""
    from bkrdsl.keywords import VOLUME_LISTS, block_statements
    from bkrdsl.syntax.fast import BLOCK_STATEMENTS
    from bkrdsl.syntax.parser import parser

    lark = parser()
    literal = {t.name: t.pattern.value.lower() for t in lark.terminals}
    expansions: dict[str, list[list[str]]] = {}
    for rule in lark.rules:
        expansions.setdefault(rule.origin.name, []).append([s.name for s in rule.expansion])
    names_plus = {o for o, alts in expansions.items() if sorted(alts) == sorted([["NAME"], [o, "NAME"]])}
    blocks = {alt[0]: o[1:].removesuffix("_item") for o, alts in expansions.items() if o.endswith("_item") for alt in alts}
    found = {
        literal[alt[0]]: blocks.get(origin)
        for origin, alts in expansions.items()
        for alt in alts
        if len(alt) == 2 and alt[0] in literal and alt[1] in names_plus
    }
    assert found == VOLUME_LISTS
    for block in VOLUME_LISTS.values():
        assert set(block_statements(block)) == BLOCK_STATEMENTS[block]


def test_name_shapes_come_from_the_grammar():
    from bkrdsl.keywords import vocabulary
    from bkrdsl.syntax.parser import parser

    terminals = {t.name: t.pattern.value for t in parser().terminals}
    v = vocabulary()
    assert v.word == terminals["NAME"]
    assert v.import_path == terminals["IMPORT_PATH"]


def test_keyword_list_cli(capsys):
    from bkrdsl.keywords import keywords, main

    assert main(["--list"]) == 0
    assert capsys.readouterr().out.split() == list(keywords())
    assert main(["--bogus"]) == 2


# ------------------------------------------------------------------ VS Code
def _json(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_vscode_manifest():
    pkg = _json(VSCODE / "package.json")
    for key in ("name", "displayName", "description", "version", "publisher", "license", "repository", "engines"):
        assert pkg.get(key), key
    assert re.fullmatch(r"\^\d+\.\d+\.\d+", pkg["engines"]["vscode"])
    assert pkg["main"] == "./src/extension.js"
    assert "onLanguage:bkr" in pkg["activationEvents"]
    assert pkg["dependencies"]["vscode-languageclient"].startswith("^9")
    (language,) = pkg["contributes"]["languages"]
    assert language["id"] == "bkr" and language["extensions"] == [".bkr"]
    assert (VSCODE / language["configuration"]).is_file()
    (grammar,) = pkg["contributes"]["grammars"]
    assert grammar["language"] == "bkr"
    assert _json(VSCODE / grammar["path"])["scopeName"] == grammar["scopeName"] == "source.bkr"
    for name in ("README.md", "CHANGELOG.md", "LICENSE"):
        assert (VSCODE / name).is_file(), name
    assert "Apache License" in (VSCODE / "LICENSE").read_text(encoding="utf-8")
    assert "test/**" in (VSCODE / ".vscodeignore").read_text(encoding="utf-8").split()


def test_editors_md_names_the_oldest_vscode_the_extension_runs_on():
    """editors.md's fix-all on save gives `"explicit"`, VS Code 1.85's value, and
    `true` for the versions before it that `engines` still admits: the page names
    that oldest version, which must be the manifest's."""
    oldest = _json(VSCODE / "package.json")["engines"]["vscode"].lstrip("^").rsplit(".", 1)[0]
    page = " ".join((ROOT / "docs" / "editors.md").read_text(encoding="utf-8").split())
    assert f"the extension runs on {oldest} and later" in page
    assert '`true` in place of `"explicit"` before VS Code 1.85' in page


def test_vscode_asks_the_server_to_indent_as_you_type():
    # The server answers textDocument/onTypeFormatting, but VS Code asks only with
    # editor.formatOnType on, off by default: the extension turns it on for .bkr.
    from bkrdsl.lsp import features

    assert features.TYPED_TRIGGERS[0] == "\n"
    defaults = _json(VSCODE / "package.json")["contributes"]["configurationDefaults"]
    assert defaults["[bkr]"]["editor.formatOnType"] is True


def test_the_docs_name_the_vsix_the_manifest_packages():
    """`vsce package` writes NAME-VERSION.vsix, and a symlinked extension folder is
    PUBLISHER.NAME-VERSION: the install lines of the docs name what package.json makes."""
    pkg = _json(VSCODE / "package.json")
    vsix, folder = f"{pkg['name']}-{pkg['version']}.vsix", f"{pkg['publisher']}.{pkg['name']}-{pkg['version']}"
    pages = [ROOT / "README.md", ROOT / "docs" / "editors.md", VSCODE / "README.md"]
    wrong = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        wrong += [f"{page.name}: {n}" for n in re.findall(r"[\w.-]+\.vsix", text) if n != vsix]
        wrong += [f"{page.name}: {n}" for n in re.findall(r"extensions/([\w.-]+)", text) if n != folder]
    assert wrong == [], f"the manifest packages {vsix}"
    assert vsix in (ROOT / "README.md").read_text(encoding="utf-8")


def test_each_link_the_docs_make_has_its_folder_made_first():
    """`ln -s SRC ~/.vscode/extensions/NAME` fails with "No such file or directory"
    where the folder is not there yet (VS Code not started since it was installed,
    or a Vim without ~/.vim/pack): the block that links makes it first, as each
    page's Vim lines do (editors/vscode/README.md's did not). And it is `ln -sfn`:
    typed a second time, `ln -s` follows the link it made before and makes one
    inside the clone (editors/vim/vim, editors/vscode/vscode, on which `vsce
    package` then fails with EISDIR)."""
    pages = [ROOT / "README.md", ROOT / "docs" / "editors.md", VSCODE / "README.md"]
    missing = []
    for page in pages:
        for block in re.findall(r"^```sh\n(.*?)^```", page.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL):
            made = set()
            for command in re.split(r"\n|&&", block):
                words = command.split("#", 1)[0].split()
                if words[:2] == ["mkdir", "-p"]:
                    made.update(w.rstrip("/") for w in words[2:])
                elif words[:1] == ["ln"]:
                    if words[1] != "-sfn":
                        missing.append(f"{page.relative_to(ROOT)}: not `ln -sfn`: {command.strip()}")
                    folder = words[-1].rsplit("/", 1)[0]
                    if folder not in made:
                        missing.append(f"{page.relative_to(ROOT)}: {command.strip()}")
    assert missing == []


def test_vscode_settings_the_extension_reads_are_declared():
    # VS Code lists a setting in its Settings screen, and accepts it in
    # settings.json without a warning, only when the manifest declares it.
    declared = _json(VSCODE / "package.json")["contributes"]["configuration"]["properties"]
    source = (VSCODE / "src" / "extension.js").read_text(encoding="utf-8")
    section = re.search(r"getConfiguration\('([\w.]+)'\)", source).group(1)
    read = {f"{section}.{key}" for key in re.findall(r"config\.get\('([\w.]+)'\)", source)}
    assert read == {
        "bkr.server.path",
        "bkr.server.include",
        "bkr.server.maxWorkspaceFiles",
        "bkr.server.dialect",
        "bkr.server.directory",
    }
    assert read == set(declared)
    assert declared["bkr.server.path"]["default"] == "bkrc"
    assert declared["bkr.server.include"]["type"] == "array"
    from bkrdsl.lsp.workspace import MAX_FILES

    most = declared["bkr.server.maxWorkspaceFiles"]
    assert (most["type"], most["default"], most["minimum"]) == ("integer", MAX_FILES, 0)
    docs = (ROOT / "docs" / "lsp.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in docs for name in declared)


def test_every_client_setup_in_the_docs_shows_the_language_server_s_settings():
    # The initialization options the server reads, in the table of docs/lsp.md
    # and in each editor's example of how to pass them (Neovim, Vim with vim-lsp,
    # coc.nvim), so that a Vim user finds `max_workspace_files` where the
    # `include` of their setup is.
    server = (ROOT / "bkrdsl" / "lsp" / "server.py").read_text(encoding="utf-8")
    options = set(re.findall(r'options\.get\("(\w+)"\)', server))
    assert options == {"include", "debounce_ms", "max_workspace_files", "dialect", "directory"}
    docs = (ROOT / "docs" / "lsp.md").read_text(encoding="utf-8")
    table = {m for m in re.findall(r"^\| `(\w+)` \|", docs, re.MULTILINE)}
    assert options <= table
    setup = r"""(?:init_options|'initialization_options'|"initializationOptions")\W*[=:] *\{[^\n]*"""
    passing = re.findall(setup, docs)
    assert len(passing) >= 3
    for line in passing:
        assert "include" in line and "max_workspace_files" in line, line
    editors = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    assert "max_workspace_files" in editors


def test_vscode_lock_files_pin_what_the_manifests_ask_for():
    for folder, wanted in ((VSCODE, {"vscode-languageclient"}), (VSCODE / "test", {"vscode-textmate", "vscode-oniguruma"})):
        pkg, lock = _json(folder / "package.json"), _json(folder / "package-lock.json")
        assert set(pkg["dependencies"]) == wanted
        assert lock["packages"][""]["dependencies"] == pkg["dependencies"]
        for dep in wanted:
            assert lock["packages"][f"node_modules/{dep}"]["version"]


def test_language_configuration():
    from bkrdsl.keywords import vocabulary

    conf = _json(VSCODE / "language-configuration.json")
    assert conf["comments"] == {"lineComment": "#"}
    assert conf["brackets"] == [["{", "}"]]
    pairs = {(p["open"], p["close"]) for p in conf["autoClosingPairs"]}
    assert {("{", "}"), ('"', '"')} <= pairs
    assert ["{", "}"] in conf["surroundingPairs"]
    start, end = (re.compile(conf["folding"]["markers"][k]) for k in ("start", "end"))
    assert start.search("  # region members") and end.search("  # endregion")
    assert not start.search("  member VMSYS1 {")
    # A z/VM name is one word, exactly as the grammar's NAME spells it.
    assert conf["wordPattern"] == vocabulary().word
    increase = re.compile(conf["indentationRules"]["increaseIndentPattern"])
    assert increase.search("  member VMSYS3 {") and increase.search("job A {   # nightly")
    assert increase.search("  job A#1 {   # a name may hold #")
    assert not increase.search("  member VMSYS1 { workers 4 }") and not increase.search('# {')


def _code(line: str) -> str:
    """A line without its strings and its comment (a `#` where a name cannot continue)."""
    line = re.sub(r'"(?:[^"\\]|\\.)*"?', '""', line)
    return re.sub(r"(?:^|(?<=[^A-Za-z0-9$#@_*%?+\-:.]))#.*$", "", line)


def _vscode_indents(texts: list[str]) -> list[list[int]]:
    import subprocess

    require_tool("BKRDSL_REQUIRE_NODE", shutil.which("node") is not None, "node")
    proc = subprocess.run(
        ["node", str(VSCODE / "test" / "onenter.js"), "-"],
        input=json.dumps(texts), capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_vscode_indents_new_lines_as_bkrc_fmt_does():
    """Enter in VS Code (language-configuration.json, run by editors/vscode/test/onenter.js
    with node's regular expressions) gives each line of a canonical file the indentation
    `bkrc fmt` gives it: a line in a block one step per open brace; a line after one that
    ends in a comma, under the list's first value; the line after a list's second line
    that ends the statement, back at the statement's. Not checked (docs/editors.md says
    why): the other continuation lines and the lines after a statement of three lines or more."""
    examples = sorted(ROOT.glob("examples/*.bkr"))
    samples = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in examples}
    samples |= {"FILLED": FILLED, "COMMENTED": COMMENTED}
    got = dict(zip(samples, _vscode_indents(list(samples.values()))))
    checked = {"block": 0, "after a comma": 0, "after a list's second line": 0}
    problems = []
    for name, text in samples.items():
        lines = text.split("\n")
        # Whether each line stands at its block's own indentation (not a continuation line).
        at_block = []
        depth = 0
        for line in lines:
            code = _code(line)
            own = 2 * (depth - (1 if line.lstrip().startswith("}") else 0))
            at_block.append(bool(line.strip()) and len(line) - len(line.lstrip()) == own)
            depth += code.count("{") - code.count("}")
        for n in range(1, len(lines)):
            line, above = lines[n], lines[n - 1]
            if not line.strip() or not above.strip():
                continue
            if _code(above).rstrip().endswith(","):
                kind = "after a comma"
            elif n >= 2 and at_block[n - 2] and not at_block[n - 1] and _code(lines[n - 2]).rstrip().endswith(","):
                kind = "after a list's second line"
            elif at_block[n] and at_block[n - 1]:
                kind = "block"
            else:
                continue
            checked[kind] += 1
            want = len(line) - len(line.lstrip())
            if got[name][n] != want:
                problems.append(f"{name}:{n + 1}: VS Code {got[name][n]}, bkrc fmt {want} ({kind}): {line.strip()}")
    assert not problems, "\n".join(problems)
    assert all(count >= 3 for count in checked.values()), checked


def test_textmate_grammar_scopes_are_the_kinds():
    from bkrdsl.keywords import KINDS

    text = (VSCODE / "syntaxes" / "bkr.tmLanguage.json").read_text(encoding="utf-8")
    used = set(re.findall(r'"name": "([a-z.\-]+\.bkr)"', text))
    assert used == {k.textmate for k in KINDS if k.textmate}


# ------------------------------------------------------------------ Vim
VIM_EDITING = r"""
set nocompatible
let &runtimepath = g:bkr_rtp . ',' . &runtimepath
filetype plugin indent on
syntax on
let s:out = []
for s:file in readfile(g:bkr_list)
  execute 'edit ' . fnameescape(s:file)
  let s:r = {'file': s:file, 'filetype': &filetype, 'commentstring': &l:commentstring,
        \ 'comments': &l:comments, 'indentexpr': &l:indentexpr,
        \ 'undo_ftplugin': get(b:, 'undo_ftplugin', ''), 'undo_indent': get(b:, 'undo_indent', ''),
        \ 'style': [&l:shiftwidth, &l:expandtab, &l:softtabstop]}
  " Folding: every open brace of a block starts a fold.
  setlocal foldmethod=syntax
  let s:r.foldlevels = map(range(1, line('$')), 'foldlevel(v:val)')
  " Indenting: flatten the file, then let the indent script rebuild it, with
  " the ftplugin's own shiftwidth and expandtab, as a fresh Vim has them.
  silent! %s/^\s\+//
  silent normal! gg=G
  let s:r.reindented = getline(1, '$')
  " Undoing the ftplugin and indent settings restores the defaults.
  execute b:undo_ftplugin
  execute b:undo_indent
  let s:r.after_undo = [&l:commentstring, &l:indentexpr, &l:iskeyword, &l:shiftwidth, &l:expandtab]
  call add(s:out, s:r)
  bwipeout!
endfor
call writefile([json_encode(s:out)], g:bkr_out)
qall!
"""

BRACES_IN_TEXT = """\
cluster C {
  description "a { that does not open"   # nor does this {
  member M1 {
    workers 2
  }
  single group G { A  B }
  job A#1 {   # a name may hold #
    run on M1 daily 01:00
  }
}
"""

#: Statements `bkrc fmt` fills over several lines (docs/fmt.md, "Long lists"): each
#: continuation line aligned under the first value of its list; the line after it
#: back at the statement's own indent; and a group's IDs, filled one level in ("Groups")
#: (canonical: test_the_filled_sample_is_canonical).
FILLED = """\
import std/backup-manager
identity user TCPIP, FTPSERVE, SMTP, LPSERVE, PORTMAP, REXECD, RXAGENT1, SNMPD,
              SNMPQE, VMNFS, MPROUTE, LDAPSRV, UFTD role worker
cluster PROD {
  member VMSYS1 {
    workers 2
    private-volume M1PRV1 M1PRV2 M1PRV3 M1PRV4 M1PRV5 M1PRV6 M1PRV7 M1PRV8
                   M1PRV9
    exclude minidisk * 0190
  }
  member VMSYS3 {
    private-volume M3PRV1
    exclude minidisk * 0192
  }
  expire on VMSYS1, VMSYS2, VMSYS3, VMSYS1, VMSYS2, VMSYS3, VMSYS1, VMSYS2,
            VMSYS3, VMSYS1 {
    purge weekly sun 03:00
    retain 35 days
  }
  expire on VMSYS1, VMSYS2, VMSYS3, VMSYS4, VMSYS5, VMSYS6, VMSYS7, VMSYS8,
            VMSYS9A {}  # later
  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM
                      catalog-dmm TCDMM request-dmm TRDMM
  single group LINUX {
    LNXWEB01 LNXWEB02 LNXWEB03 LNXWEB04 LNXWEB05 LNXWEB06 LNXWEB07 LNXWEB08
    LNXDB01 LNXDB02  match LNXAPP*
  }
  job J {
    backup LINUX, LINUX, LINUX, LINUX, LINUX, LINUX, LINUX, LINUX, LINUX, LINUX,
           LINUX full
    include minidisk * 0190 0191 0192 0193 0194 0195 0196 0197 0198 0199 019A
                       019B 019C 019D 019E 019F
    include sfs BKRPOOL:CICSPRD.* BKRPOOL:DB2PRD.* BKRPOOL:LNXWEB01.*
                BKRPOOL:LNX02.*
    to disk
    run on VMSYS1, VMSYS2, VMSYS3, VMSYS1, VMSYS2, VMSYS3, VMSYS1, VMSYS2,
           VMSYS3 weekly mon,tue,wed,thu,fri,sat,sun 02:00
  }
}
"""


#: Statements `bkrc fmt` breaks at a comment (docs/fmt.md, "Comments"): a list goes on
#: under its first value, comment lines too; a statement without a list (or whose
#: list has not started) four spaces further in, a block's `{` too; the entries of a
#: group body with comments between them are not continuation lines (canonical:
#: test_the_filled_sample_is_canonical).
COMMENTED = """\
import std/backup-manager
identity user TCPIP, FTPSERVE, SMTP, LPSERVE, PORTMAP, REXECD, RXAGENT1, SNMPD,
              SNMPQE,
              # the NFS server
              VMNFS, MPROUTE,  # routing
              LDAPSRV role worker
single user  # the installation user
    5697J06C, BKRADMIN
cluster PROD {
  member VMSYS1 {
    workers 2
    private-volume M1PRV1 M1PRV2  # the first two
                   M1PRV3
  }
  member VMSYS2  # the second member
      {          # its body
    workers 2
  }
  expire on VMSYS1,  # the purging member
            VMSYS2 {
    purge weekly sun 03:00
    retain 35 days
  }
  tape manager shared               # one catalog
      catalog-node TCTMM on VMSYS1  # the catalog node
      request-node TRTMM catalog-dmm TCDMM request-dmm TRDMM
  single group LINUX {
    LNXWEB01  # web
    LNXWEB02
    # the database
    LNXDB01  match LNXAPP*
  }
  job J {  # not a group body, though its comment says group
    backup LINUX,  # the guests
           LINUX full
    include minidisk * 0190 0191 0192 0193 0194 0195 0196 0197 0198 0199 019A
                       # the CMS system disks
                       019B 019C 019D 019E 019F
    exclude  # nothing of the owner
        minidisk * 0191
    to disk
    run on VMSYS1  # the member with the tape drives
        daily 02:00
  }
}
"""

@pytest.fixture(scope="module")
def vim_editing(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("vim-editing")
    extra = tmp / "braces.bkr"
    extra.write_text(BRACES_IN_TEXT, encoding="utf-8")
    filled = tmp / "filled.bkr"
    filled.write_text(FILLED, encoding="utf-8")
    commented = tmp / "commented.bkr"
    commented.write_text(COMMENTED, encoding="utf-8")
    files = [*sorted(ROOT.glob("examples/*.bkr")), extra, filled, commented]
    return {r["file"]: r for r in vim_run(files, tmp, VIM_EDITING)}


def test_vim_ftplugin(vim_editing):
    for r in vim_editing.values():
        assert r["filetype"] == "bkr"
        assert r["commentstring"] == "# %s"
        assert r["comments"] == ":##,:#"
        assert "commentstring<" in r["undo_ftplugin"] and "iskeyword<" in r["undo_ftplugin"]
        assert r["after_undo"][0] != "# %s"  # back to Vim's default
        # bkrc fmt's layout, two spaces a level and no tabs, without a line in the vimrc
        # (Vim's own: 8 and tabs, so that `=` wrote tabs where bkrc fmt writes 2 spaces)
        assert r["style"] == [2, 1, 2]
        assert r["after_undo"][3:] == [8, 0]


@pytest.mark.parametrize("sample", [FILLED, COMMENTED], ids=["filled", "commented"])
def test_the_filled_sample_is_canonical(sample):
    from bkrdsl.fmt import format_text

    assert format_text(sample) == sample


def test_vim_indent_rebuilds_the_examples(vim_editing):
    for file, r in vim_editing.items():
        assert r["indentexpr"].startswith("GetBkrIndent(")
        original = Path(file).read_text(encoding="utf-8").splitlines()
        assert r["reindented"] == original, file
        assert r["after_undo"][1] == ""


def test_vim_indent_knows_the_statement_keywords():
    """A line that starts with another word continues a statement broken by a comment
    (editors/vim/indent/bkr.vim): its list is the fast parser's."""
    from bkrdsl.syntax.fast import STATEMENT_KEYWORDS

    text = (VIM / "indent" / "bkr.vim").read_text(encoding="utf-8")
    (starts,) = re.findall(r"^let s:starts = '\\c\^\\s\*\\%\((.*?)\\\)", text, re.MULTILINE)
    assert set(starts.split("\\|")) == STATEMENT_KEYWORDS


def test_vim_folds_blocks(vim_editing):
    r = vim_editing[str(ROOT / "examples" / "prodssi.bkr")]
    lines = Path(r["file"]).read_text(encoding="utf-8").splitlines()
    level = dict(zip(lines, r["foldlevels"]))
    assert level["cluster PRODSSI {"] == 1
    assert level["    workers 4"] == 2  # inside member VMSYS2 { ... }
    assert level["import std/backup-manager"] == 0


def test_vim_ftdetect_is_a_plain_autocommand():
    text = (VIM / "ftdetect" / "bkr.vim").read_text(encoding="utf-8")
    assert re.search(r"^autocmd BufNewFile,BufRead \*\.bkr setfiletype bkr$", text, re.MULTILINE)


def test_vim_files_load_without_errors(tmp_path):
    """Loading a .bkr file with every runtime file of the package leaves no error message."""
    import subprocess

    require_tool("BKRDSL_REQUIRE_VIM", shutil.which("vim") is not None, "vim")
    out = tmp_path / "messages.txt"
    script = tmp_path / "load.vim"
    script.write_text(
        "set nocompatible\n"
        f"let &runtimepath = {json.dumps(str(VIM))} . ',' . &runtimepath\n"
        "filetype plugin indent on\nsyntax on\n"
        f"edit {ROOT / 'examples' / 'prodssi.bkr'}\n"
        f"redir! > {out}\nmessages\nredir END\nqall!\n",
        encoding="utf-8",
    )
    subprocess.run(["vim", "-es", "-N", "-u", "NONE", "-i", "NONE", "-n", "-S", str(script)],
                   capture_output=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
    assert not re.search(r"E\d+:", out.read_text(encoding="utf-8"))


def test_vim_recommended_style_can_be_turned_off(tmp_path):
    """`let g:bkr_recommended_style = 0` keeps the user's own shiftwidth and tabs
    (docs/editors.md), as Vim's own ftplugins for Python and YAML do."""
    import subprocess

    require_tool("BKRDSL_REQUIRE_VIM", shutil.which("vim") is not None, "vim")
    out = tmp_path / "style.txt"
    script = tmp_path / "style.vim"
    script.write_text(
        "set nocompatible\n"
        f"let &runtimepath = {json.dumps(str(VIM))} . ',' . &runtimepath\n"
        "filetype plugin indent on\nset shiftwidth=4 noexpandtab\n"
        "let g:bkr_recommended_style = 0\n"
        f"edit {ROOT / 'examples' / 'prodssi.bkr'}\n"
        f"call writefile([&filetype . ' ' . &l:shiftwidth . ' ' . &l:expandtab], {json.dumps(str(out))})\n"
        "qall!\n",
        encoding="utf-8",
    )
    subprocess.run(["vim", "-es", "-N", "-u", "NONE", "-i", "NONE", "-n", "-S", str(script)],
                   capture_output=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
    assert out.read_text(encoding="utf-8").split() == ["bkr", "4", "0"]


# ------------------------------------------------------------------ docs
DOCS = ROOT / "docs" / "editors.md"


def test_docs_table_names_every_kind():
    from bkrdsl.keywords import KINDS

    text = DOCS.read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"`{kind.pygments}`" in text, kind.name
        if kind.textmate:
            assert f"`{kind.textmate}`" in text, kind.name
        for group in filter(None, kind.vim):
            assert f"`{group}`" in text, kind.name


@pytest.mark.parametrize("doc", [DOCS, VSCODE / "README.md"], ids=lambda p: str(p.relative_to(ROOT)))
def test_docs_examples_highlight_cleanly(doc):
    from pygments.token import Error, Generic

    from bkrdsl.highlight import tokenize

    blocks = re.findall(r"^```bkr\n(.*?)^```", doc.read_text(encoding="utf-8"), re.DOTALL | re.MULTILINE)
    assert blocks
    for block in blocks:
        assert not [v for _, t, v in tokenize(block) if t in (Error, Generic.Error)]


def _doc_vim_lines(page: str) -> list[str]:
    """The `autocmd FileType bkr setlocal ...` lines of a docs page's ```vim blocks."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    blocks = re.findall(r"^```vim\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.startswith("autocmd FileType bkr setlocal")]


def test_the_vim_lines_the_docs_show_run_bkrc(tmp_path):
    """Without an LSP client: docs/lsp.md's `makeprg` puts each diagnostic of
    `bkrc check --format short` in the quickfix list at its line and column,
    and docs/fmt.md's `formatprg` makes `gggqG` write what `bkrc fmt` writes."""
    import os
    import subprocess
    import sys

    from bkrdsl.fmt import format_text
    from bkrdsl.pipeline import analyse

    require_tool("BKRDSL_REQUIRE_VIM", shutil.which("vim") is not None, "vim")
    (make,) = _doc_vim_lines("lsp.md")
    (formatprg,) = _doc_vim_lines("fmt.md")
    broken, messy = tmp_path / "broken.bkr", tmp_path / "messy.bkr"
    broken.write_text((ROOT / "examples" / "broken" / "prodssi.bkr").read_text(encoding="utf-8"), encoding="utf-8")
    messy.write_text("cluster   C{member VMSYS1{workers 2}\n  }\n", encoding="utf-8")
    out = tmp_path / "out.json"
    script = tmp_path / "doc.vim"
    script.write_text(
        f"let &runtimepath = {json.dumps(str(VIM))} . ',' . &runtimepath\n"
        f"filetype plugin indent on\n{make}\n{formatprg}\n"
        f"edit {broken}\nsilent make\n"
        "let s:found = map(getqflist(), {_, e -> [e.lnum, e.col, e.valid, e.text]})\n"
        f"edit {messy}\nsilent normal! gggqG\n"
        f"call writefile([json_encode({{'quickfix': s:found, 'formatted': getline(1, '$')}})], {json.dumps(str(out))})\n"
        "qall!\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    subprocess.run(["vim", "-es", "-N", "-u", "NONE", "-i", "NONE", "-n", "-S", str(script)], cwd=tmp_path, env=env,
                   capture_output=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
    result = json.loads(out.read_text(encoding="utf-8"))
    analysis = analyse("broken.bkr", broken.read_bytes(), path=broken)
    expected = sorted([d.span.line, d.span.column, 1] for d in analysis.diagnostics)
    assert len(expected) == 12 and sorted(entry[:3] for entry in result["quickfix"]) == expected
    assert result["quickfix"][0][3].startswith(("error BKR", "warning BKR"))
    assert result["formatted"] == format_text(messy.read_text(encoding="utf-8")).splitlines()


def test_gf_on_an_import_path_opens_the_module_beside_the_file(tmp_path):
    """editors.md: the ftplugin makes `gf` on a relative import path (`./site/common`)
    open `site/common.bkr` beside the file, whatever Vim's working folder; a path
    without `./` (`site/common`) alike."""
    import subprocess

    require_tool("BKRDSL_REQUIRE_VIM", shutil.which("vim") is not None, "vim")
    main = tmp_path / "prod" / "main.bkr"
    (tmp_path / "prod" / "site").mkdir(parents=True)
    main.write_text("import ./site/common\nimport site/common\n", encoding="utf-8")
    (tmp_path / "prod" / "site" / "common.bkr").write_text("single group WEB { HTTPD }\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    out = tmp_path / "out.json"
    script = tmp_path / "gf.vim"
    script.write_text(
        f"let &runtimepath = {json.dumps(str(VIM))} . ',' . &runtimepath\n"
        "filetype plugin indent on\n"
        "let s:opened = []\n"
        "for s:line in [1, 2]\n"
        f"  edit {main}\n"
        "  call cursor(s:line, len('import ') + 4)\n"
        "  try | normal! gf\n"
        "  catch | call add(s:opened, v:exception) | continue | endtry\n"
        "  call add(s:opened, expand('%:p'))\n"
        "endfor\n"
        f"call writefile([json_encode(s:opened)], {json.dumps(str(out))})\n"
        "qall!\n",
        encoding="utf-8",
    )
    subprocess.run(["vim", "-es", "-N", "-u", "NONE", "-i", "NONE", "-n", "-S", str(script)], cwd=tmp_path / "elsewhere",
                   capture_output=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
    module = str(tmp_path / "prod" / "site" / "common.bkr")
    assert json.loads(out.read_text(encoding="utf-8")) == [module, module]


# --- h6 (stop 68)
def test_h6s68_every_keyword_the_grammar_puts_a_value_after_is_a_context_of_the_highlighters():
    """A keyword the grammar puts a name after has that name placed by the highlighters
    (a value, a list, a slot...), so a word spelled like a keyword there is not coloured
    as one: `retain`, `logon-wait` and `pool-wait` were left to the plain keywords."""
    from bkrdsl.keywords import VALUE_PAIRS, _rule_keywords, context_keywords, keyword_values

    assert set(keyword_values()) <= context_keywords()
    assert set(VALUE_PAIRS) == _rule_keywords("catalog_opt", values=2)


# stop 82, h7: docs/editors.md followed in Vim, a new line typed after a comment line
def test_vim_continues_a_comment_line_as_editors_md_says(tmp_path):
    """docs/editors.md: a new line after a comment line (`o`, or Enter at its end)
    starts with the comment's `# `, the ftplugin's formatoptions `r` and `o`, and
    `setlocal formatoptions-=ro` in an after/ftplugin file keeps Vim from writing
    it, the new line at the statement's indentation. The page said only that such
    a line "starts a statement": typed as a statement, it was a comment."""
    import subprocess

    require_tool("BKRDSL_REQUIRE_VIM", shutil.which("vim") is not None, "vim")
    said = " ".join(DOCS.read_text(encoding="utf-8").split())
    assert "it starts with `# ` (`## ` after a doc comment)" in said
    assert "`setlocal formatoptions-=ro` in `~/.vim/after/ftplugin/bkr.vim`" in said
    source = tmp_path / "typed.bkr"
    after = tmp_path / "after"
    (after / "ftplugin").mkdir(parents=True)
    (after / "ftplugin" / "bkr.vim").write_text("setlocal formatoptions-=ro\n", encoding="utf-8")
    got = {}
    for name, extra, keys in (
        ("o", "", "3Gobackup LINUX full"),
        ("enter", "", "3GA\\<CR>backup LINUX full"),
        ("doc", "", "4Gomore"),
        ("after", f" . ',' . {json.dumps(str(after))}", "3Gobackup LINUX full"),
    ):
        source.write_text("cluster X {\n  job J {\n    # the guests\n    ## says\n  }\n}\n", encoding="utf-8")
        out = tmp_path / f"{name}.txt"
        script = tmp_path / f"{name}.vim"
        script.write_text(
            "set nocompatible\n"
            f"let &runtimepath = {json.dumps(str(VIM))} . ',' . &runtimepath{extra}\n"
            "filetype plugin indent on\nsyntax on\n"
            f"edit {source}\n"
            f'execute "normal! {keys}\\<Esc>"\n'
            f"call writefile(getline(1, '$'), {json.dumps(str(out))})\nqall!\n",
            encoding="utf-8",
        )
        subprocess.run(["vim", "-es", "-N", "-u", "NONE", "-i", "NONE", "-n", "-S", str(script)],
                       capture_output=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
        got[name] = out.read_text(encoding="utf-8").splitlines()
    assert got["o"][3] == got["enter"][3] == "    # backup LINUX full"
    assert got["doc"][4] == "    ## more"
    assert got["after"][3] == "    backup LINUX full"
