from __future__ import annotations

import os

import pytest
from conftest import EXAMPLES, fifo_with_writer, run_cli
from test_compile_cli import GOOD


def test_version():
    result = run_cli(["--version"], expect=0)
    assert result.output.startswith("bkrc ")


def test_examples_check_clean():
    for path in sorted(EXAMPLES.glob("*.bkr")):
        run_cli(["check", path], expect=0)


def test_missing_file_is_one_line_exit_2(tmp_path):
    result = run_cli(["check", tmp_path / "nope.bkr"], expect=2)
    assert result.output.strip().count("\n") == 0
    assert "no such file" in result.output


@pytest.mark.parametrize("command", [["check"], ["show"], ["fmt"], ["fmt", "--check"], ["compile", "-o", "out"]])
def test_a_dangling_link_is_named_for_what_it_is(tmp_path, monkeypatch, command):
    """`no such file` for a name that `ls` shows: the file it links to was moved."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site.bkr").symlink_to("../moved/site.bkr")
    result = run_cli([command[0], "site.bkr", *command[1:]], expect=2)
    assert result.stderr == "bkrc: site.bkr: is a symbolic link to '../moved/site.bkr', which does not exist\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site.bkr"]


@pytest.mark.parametrize("command", [["check"], ["fmt"], ["fmt", "--check"]])
def test_standard_input_named_twice_is_a_usage_error(command):
    """The second `-` would read nothing: `check - -` reported an empty file (BKR110)."""
    result = run_cli([*command, "-", "-"], input=GOOD, expect=2)
    assert "'-' (standard input) is named more than once; it can be read only once" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "option", "given"),
    [
        (["compile", "GOOD", "-o", "a", "-o", "b"], "'-o' / '--output'", "twice ('a', then 'b')"),
        (["compile", "GOOD", "--output=a", "-ob", "-o", "c", "--dry-run"], "'-o' / '--output'",
         "3 times ('a', then 'b', then 'c')"),
        (["compile", "GOOD", "-o", "a", "--dialect", "x.toml", "--dialect", "y.toml"], "'--dialect'",
         "twice ('x.toml', then 'y.toml')"),
        (["init", "-", "--cluster", "A", "--cluster", "B", "--member", "M"], "'--cluster'", "twice"),
        (["init", "-", "--cluster", "A", "--member", "M", "--workers", "2", "--workers", "3"], "'--workers'",
         "twice"),
        (["init", "-", "--cluster", "A", "--member", "M", "--catalog-member", "M", "--catalog-member", "N"],
         "'--catalog-member'", "twice"),
        (["init", "-", "--cluster", "A", "--member", "M", "--purging-member", "M", "--purging-member", "M"],
         "'--purging-member'", "twice"),
        (["init", "-", "--cluster", "A", "--member", "M", "--stdlib", "x", "--stdlib", "y"], "'--stdlib'",
         "twice"),
        # docs/diagnostics.md: every option that takes one value, not only those that name a folder.
        (["check", "GOOD", "--format", "json", "--format", "sarif"], "'--format'",
         "twice ('json', then 'sarif')"),
        (["fmt", "--check", "GOOD", "--format", "json", "--format", "short"], "'--format'", "twice"),
        (["check", "GOOD", "--max-errors", "3", "--max-errors", "0"], "'--max-errors'",
         "twice ('3', then '0')"),
        (["compile", "GOOD", "-o", "a", "--color", "never", "--color", "always"], "'--color'", "twice"),
        (["show", "GOOD", "--format", "json", "--format", "text"], "'--format'", "twice"),
        (["highlight", "GOOD", "--format", "html", "--format", "svg"], "'--format'", "twice"),
    ],
)
def test_an_option_that_takes_one_value_given_twice_is_a_usage_error(tmp_path, monkeypatch, args, option, given):
    """Click keeps the last value: `compile -o a -o b` wrote (and swapped) b without
    a word, where a script that appends its own `-o` meant a."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.bkr").write_text(GOOD)
    args = ["good.bkr" if a == "GOOD" else a for a in args]
    result = run_cli(args, expect=2)
    assert f"Error: {option} is given {given}" in result.stderr
    assert "give it once" in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_every_option_that_takes_one_value_refuses_a_second():
    """docs/diagnostics.md: "An option that takes one value ... given twice is a
    usage error naming both". A new option gets `cls=OnceOption`, or `multiple=True`."""
    import click

    from bkrdsl.cli import cli
    from bkrdsl.cli.common import OnceOption

    ctx = click.Context(cli)
    last_wins = []
    for name in cli.list_commands(ctx):
        for param in cli.get_command(ctx, name).params:
            if not isinstance(param, click.Option) or param.is_flag or param.multiple or param.count:
                continue
            if not isinstance(param, OnceOption):
                last_wins.append(f"bkrc {name} {param.opts[0]}")
    assert last_wins == []


#: An empty name for each FILE and folder bkrc takes (`"$UNSET"` in a script).
EMPTY_NAMES = [
    (["check", ""], "'FILES...'"),
    (["check", "GOOD", ""], "'FILES...'"),
    (["check", "-I", "", "GOOD"], "'-I' / '--include'"),
    (["check", "--dialect", "", "GOOD"], "'--dialect'"),
    (["check", "--directory", "", "GOOD"], "'--directory'"),
    (["fmt", "--check", ""], "'FILES...'"),
    (["show", ""], "'FILE'"),
    (["show", "GOOD", "-I", ""], "'-I' / '--include'"),
    (["show", "GOOD", "--directory", ""], "'--directory'"),
    (["highlight", ""], "'FILE'"),
    (["dialect", "--changes", ""], "'--changes'"),
    (["init", "", "--cluster", "C", "--member", "M"], "'FILE'"),
    (["init", "new.bkr", "--cluster", "C", "--directory", ""], "'--directory'"),
    (["compile", "", "-o", "out"], "'FILE'"),
    (["compile", "GOOD", "-o", ""], "'-o' / '--output'"),
    (["compile", "GOOD", "-o", "out", "--dialect", ""], "'--dialect'"),
    (["compile", "GOOD", "-o", "out", "--directory", ""], "'--directory'"),
    (["compile", "GOOD", "-o", "out", "--include", ""], "'-I' / '--include'"),
]


@pytest.mark.parametrize(("args", "param"), EMPTY_NAMES)
def test_an_empty_name_is_a_usage_error(tmp_path, monkeypatch, args, param):
    """`Path("")` is the current folder: `check ""` said `: is a directory`, `init ""`
    `: already exists`, `-o ""` named `.`, and `--dialect ""` compiled from the
    built-in table without a word."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.bkr").write_text(GOOD)
    result = run_cli(["good.bkr" if a == "GOOD" else a for a in args], expect=2)
    assert f"Error: Invalid value for {param}: '' is empty, and names no file or folder" in result.stderr
    assert result.stdout == "" and sorted(p.name for p in tmp_path.iterdir()) == ["good.bkr"]


#: `-I DIR` that names no folder to search, and what bkrc says of it.
NOT_FOLDERS = [
    ("nope", "folder 'nope' does not exist"),
    ("nope/deeper", "folder 'nope/deeper' does not exist"),
    ("good.bkr", "Directory 'good.bkr' is a file."),
    ("good.bkr/lib", "'good.bkr/lib' is not a folder: a file stands on its path"),
    ("dangling", "'dangling' is a symbolic link to 'gone', which does not exist"),
    ("loop", "'loop' is a loop of symbolic links"),
]


@pytest.mark.parametrize("command", [["check"], ["show"], ["compile", "-o", "out", "--dry-run"]])
@pytest.mark.parametrize(("folder", "said"), NOT_FOLDERS)
def test_an_include_folder_that_is_not_one_is_a_usage_error(tmp_path, monkeypatch, command, folder, said):
    """`-I lib` misspelt, or given from another folder, was searched for nothing:
    its imports were looked up elsewhere (BKRDSL_PATH) or failed as BKR101, the
    cause unsaid, and a cluster that imports nothing from it checked clean."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.bkr").write_text(GOOD)
    (tmp_path / "dangling").symlink_to("gone")
    (tmp_path / "loop").symlink_to("loop")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run_cli([command[0], "good.bkr", "-I", folder, *command[1:]], expect=2)
    assert f"Error: Invalid value for '-I' / '--include': {said}" in result.stderr
    assert result.stdout == "" and sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_include_folder_bkrc_may_not_reach_says_so(tmp_path, monkeypatch):
    """Not "does not exist": the folder may well be there, behind one bkrc may not enter."""
    from conftest import lock_folder

    (tmp_path / "good.bkr").write_text(GOOD)
    (tmp_path / "locked" / "lib").mkdir(parents=True)
    lock_folder(monkeypatch, tmp_path / "locked")
    result = run_cli(["check", tmp_path / "good.bkr", "-I", tmp_path / "locked" / "lib"], expect=2)
    assert "cannot be reached: permission denied (to enter a folder on its path)" in result.stderr


def test_an_include_folder_that_exists_is_searched(tmp_path, monkeypatch):
    """A symbolic link to a folder is one, and BKRDSL_PATH folders are not checked (as PATH's)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "extra.bkr").write_text("")
    (tmp_path / "link").symlink_to("lib")
    (tmp_path / "good.bkr").write_text("import extra\n" + GOOD)
    run_cli(["check", "good.bkr", "-I", "link"], expect=0)
    run_cli(["check", "good.bkr", "-I", "lib"], env={"BKRDSL_PATH": "nowhere"}, expect=0)


def test_every_file_and_folder_refuses_an_empty_name():
    """Each argument (a FILE; `explain`'s CODE is no name) and each option that takes
    a path has a case in EMPTY_NAMES: a new one gets `callback=named` and a case."""
    import click

    from bkrdsl.cli import cli

    covered = {(args[0], param) for args, param in EMPTY_NAMES}
    ctx = click.Context(cli)
    missing = []
    for name in cli.list_commands(ctx):
        for param in cli.get_command(ctx, name).params:
            takes_a_path = isinstance(param, click.Argument) or isinstance(param.type, click.Path)
            if takes_a_path and (name, param.get_error_hint(ctx)) not in covered and name != "explain":
                missing.append(f"bkrc {name} {param.get_error_hint(ctx)}")
    assert missing == []


def test_output_dash_is_not_standard_output(tmp_path, monkeypatch):
    """`-` is standard input or output elsewhere; `compile -o -` wrote a folder named `-`."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.bkr").write_text(GOOD)
    result = run_cli(["compile", "good.bkr", "-o", "-"], expect=2)
    assert "'-' is not standard output here" in result.stderr and "write './-'" in result.stderr
    assert not (tmp_path / "-").exists()
    run_cli(["compile", "good.bkr", "-o", "./-"], expect=0)
    assert (tmp_path / "-" / "manifest.json").is_file()


def test_directory_is_exit_2(tmp_path):
    result = run_cli(["check", tmp_path], expect=2)
    assert f"bkrc: {tmp_path}: no .bkr file in this folder or below it (hidden folders, " in result.output


# ------------------------------------------------------------------ a folder for FILE (check, fmt)
MINIMAL_TEXT = (EXAMPLES / "minimal.bkr").read_bytes()


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A repository: .bkr files at two depths, and what a search of it passes over."""
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "outside.bkr").write_bytes(b"")
    tmp_path = tmp_path / "repo"
    tmp_path.mkdir()
    monkeypatch.chdir(tmp_path)
    for name in ["clusters/prod.bkr", "clusters/b.bkr", "clusters/site/common.bkr", "clusters/z/a.bkr"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(MINIMAL_TEXT)
    (tmp_path / "clusters" / "notes.txt").write_text("not a .bkr file")
    # Passed over: a hidden folder, a hidden file (an editor's lock), a symbolic link to a folder.
    (tmp_path / "clusters" / ".git").mkdir()
    (tmp_path / "clusters" / ".git" / "old.bkr").write_bytes(b"")
    (tmp_path / "clusters" / ".#prod.bkr").write_bytes(b"")
    (tmp_path / "clusters" / "linked").symlink_to(tmp_path.parent / "elsewhere")
    return tmp_path


def test_a_folder_is_every_bkr_file_under_it_sorted_by_path(tree):
    """`bkrc check clusters/` was refused (`is a directory, not a .bkr file`, exit
    2), where a pipeline means every .bkr file of the repository's folder: they are
    checked, found at any depth, in path order (component by component, so that a
    folder's files come before a sibling `z/`'s whatever the locale)."""
    from bkrdsl.cli.common import expand_folders

    expected = ["clusters/b.bkr", "clusters/prod.bkr", "clusters/site/common.bkr", "clusters/z/a.bkr"]
    assert expand_folders(["clusters"]) == expected
    assert expand_folders(["clusters/"]) == expected
    assert expand_folders(["."]) == expected  # `.`: the names as the repository's root gives them
    assert expand_folders(["clusters/z", "-", "clusters/b.bkr"]) == ["clusters/z/a.bkr", "-", "clusters/b.bkr"]
    run_cli(["check", "clusters"], expect=0)  # the passed-over files are empty: BKR110 if read
    short = run_cli(["check", "--format", "short", "."], expect=0).stdout
    assert short == ""
    (tree / "clusters" / "z" / "a.bkr").write_bytes(b"")
    short = run_cli(["check", "--format", "short", "clusters"], expect=1).stdout
    assert short.startswith("clusters/z/a.bkr:1:1: error BKR110: "), short


def test_a_folder_bkrc_compile_wrote_is_not_searched(tree):
    """An output folder holds thousands of generated files and no .bkr file of the
    source; one found there (left by hand) is not read. Another tool's manifest.json
    does not make a folder bkrc's."""
    from bkrdsl.cli.common import expand_folders

    run_cli(["compile", "clusters/prod.bkr", "-o", "clusters/out"], expect=0)
    (tree / "clusters" / "out" / "stray.bkr").write_bytes(b"")
    (tree / "web").mkdir()
    (tree / "web" / "manifest.json").write_text('{"name": "a web app"}')
    (tree / "web" / "w.bkr").write_bytes(MINIMAL_TEXT)
    assert "clusters/out/stray.bkr" not in expand_folders(["."])
    assert "web/w.bkr" in expand_folders(["."])
    run_cli(["check", "."], expect=0)


def test_a_folder_without_a_bkr_file_is_exit_2_and_the_others_are_checked(tree):
    """A pipeline pointed at the wrong folder fails with a line that says why,
    rather than pass having checked nothing; the other FILEs are still checked,
    as when one FILE cannot be read."""
    (tree / "docs").mkdir()
    (tree / "docs" / "README.md").write_text("no bkr here")
    result = run_cli(["check", "docs", "clusters/b.bkr"], expect=2)
    assert result.stderr == (
        "bkrc: docs: no .bkr file in this folder or below it (hidden folders, node_modules, __pycache__,"
        " symbolic links to folders and bkrc compile's output folders are not searched)\n"
    )
    (tree / "clusters" / "b.bkr").write_bytes(b"")
    assert "BKR110" in run_cli(["check", "docs", "clusters/b.bkr"], expect=2).stdout


def test_fmt_check_of_a_folder_names_each_file_that_would_change(tree):
    """`bkrc fmt --check clusters/` was refused as `check`'s was; each file that
    would change is named, exit 1; `bkrc fmt clusters/` rewrites them, as Black's
    and gofmt's folders do."""
    (tree / "clusters" / "z" / "a.bkr").write_bytes(MINIMAL_TEXT.replace(b"\n  ", b"\n      ", 1))
    result = run_cli(["fmt", "--check", "clusters"], expect=1)
    assert result.stderr == "would reformat clusters/z/a.bkr\n"
    run_cli(["fmt", "clusters"], expect=0)
    assert (tree / "clusters" / "z" / "a.bkr").read_bytes() == MINIMAL_TEXT
    run_cli(["fmt", "--check", "clusters"], expect=0)
    assert (tree / "clusters" / ".git" / "old.bkr").read_bytes() == b""  # never read, never rewritten


def _files(top) -> dict:
    """Every file under `top` with its bytes (a temporary file left is one more)."""
    return {p: p.read_bytes() for p in sorted(top.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.mark.parametrize("command", [["check"], ["check", "--fix"], ["fmt"], ["fmt", "--check"], ["fmt", "--diff"]])
def test_a_folder_bkrc_cannot_list_is_exit_2_its_line_and_the_rest_read(tree, monkeypatch, command):
    """A folder under FILE that bkrc may not list (as root, chmod 000 does not stop
    the listing, so `os.scandir` refuses it here): its line, exit 2, no traceback;
    the files beside it are read, and fmt writes none (all are formatted already)."""
    import errno
    import os

    locked = os.path.join("clusters", "site")
    listing = os.scandir

    def scandir(path="."):
        if os.fspath(path) == locked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return listing(path)

    (tree / "clusters" / "site" / "common.bkr").write_bytes(MINIMAL_TEXT.replace(b"\n  ", b"\n      ", 1))
    before = _files(tree)
    monkeypatch.setattr(os, "scandir", scandir)
    result = run_cli([*command, "clusters"], expect=2)  # run_cli raises a traceback's exception
    said = "bkrc: clusters/site: cannot list the folder: Permission denied\n"
    # check --fix names the files it read, with nothing to fix, after the line.
    assert result.stderr == said if command != ["check", "--fix"] else result.stderr.startswith(said)
    assert result.stdout == ""
    assert _files(tree) == before


def test_a_folders_line_is_said_in_its_own_run_only(tree):
    """What `check DIR` says of a folder with no .bkr file was kept in a module's
    dict until the next folder was searched: `bkrc show DIR` in the same process
    (the tests', the language server's) said it too, for its folder that no search
    looked at. Each run now carries its own lines."""
    (tree / "docs").mkdir()
    assert "no .bkr file" in run_cli(["check", "docs"], expect=2).stderr
    assert run_cli(["show", "docs"], expect=2).stderr == "bkrc: docs: is a directory, not a .bkr file\n"


@pytest.fixture
def fifo_in_folder(tree):
    """clusters/pipe.bkr a FIFO with a writer waiting (conftest.fifo_with_writer)."""
    yield from fifo_with_writer(tree / "clusters" / "pipe.bkr", MINIMAL_TEXT)


@pytest.mark.parametrize("command", [["check"], ["fmt", "--check"], ["fmt", "--diff"]])
def test_a_fifo_or_a_device_found_in_a_folder_is_not_read(tree, fifo_in_folder, command):
    """`bkrc check clusters/` read a FIFO named .bkr found there, and waited for a
    writer for good (a pipeline that never ends); a link to a device was read too
    (/dev/null: an empty file, BKR110). Neither is read: its line, exit 2, the
    others checked, as a module that is a FIFO is refused (BKR103). A device is
    not read named as a FILE either: its line says so (h3, stop 64)."""
    (tree / "clusters" / "null.bkr").symlink_to("/dev/null")
    result = run_cli([*command, "clusters"], expect=2)
    because = (
        "not a regular file, and bkrc reads only the regular files of a folder"
        " (a FIFO would wait for a writer, a device may never end); name it as a FILE to read it\n"
    )
    assert result.stderr == (
        "bkrc: clusters/null.bkr: is a character device, not a .bkr file, and bkrc reads no source from one"
        " (a device holds none: /dev/null reads empty, /dev/zero never ends); name the .bkr file, or pipe its text"
        " to `-`\n"
        f"bkrc: clusters/pipe.bkr: is a FIFO (named pipe), {because}"
    )
    assert result.stdout == ""


def test_a_fifo_found_in_a_folder_is_still_read_when_named_alone(tree, fifo_in_folder):
    """Named as FILE, a FIFO is read (`bkrc check <(...)`), as before."""
    run_cli(["check", "clusters/pipe.bkr"], expect=0)


@pytest.mark.parametrize(
    ("command", "hint"), [(["fmt"], "to format it, read it as standard input: `bkrc fmt - < clusters/pipe.bkr`"),
                          (["check", "--fix"], "to check it, leave out --fix")]
)
def test_a_fifo_found_in_a_folder_by_a_command_that_rewrites_gets_the_rewrite_line(tree, fifo_in_folder, command, hint):
    """fmt and check --fix refused it already, saying what to do instead: unchanged."""
    result = run_cli([*command, "clusters"], expect=2)
    said = f"bkrc: clusters/pipe.bkr: is a FIFO (named pipe), not a regular file, and bkrc rewrites only files; {hint}\n"
    assert result.stderr.startswith(said) if command == ["check", "--fix"] else result.stderr == said


def test_the_command_list_shows_every_summary_whole():
    """`bkrc --help` lists each command with a one-line summary; one click had to
    cut (`Print the long explanation of a diagnostic CODE (e.g.`) reads as broken."""
    from bkrdsl.cli import LAZY_COMMANDS

    result = run_cli(["--help"], expect=0)
    listing = result.output.split("Commands:\n", 1)[1]
    lines = {line.split()[0]: line.split(None, 1)[1] for line in listing.splitlines() if line.strip()}
    assert sorted(lines) == sorted(LAZY_COMMANDS)
    for name, summary in lines.items():
        assert not summary.endswith("..."), (name, summary)
        assert summary.endswith("."), (name, summary)
        assert summary.count("(") == summary.count(")"), (name, summary)


def test_the_top_level_help_says_how_to_start():
    """`bkrc --help`, a newcomer's first command: how to start, `init` then `check` then
    `compile`, one command a line as click keeps a `\\b` block (it named none of them
    before the command list, and `init` only there, among ten)."""
    result = run_cli(["--help"], expect=0)
    head = result.output.split("Options:\n", 1)[0]
    assert "New to bkrc? Let `init` write a first file" in " ".join(head.split())
    steps = [line.strip() for line in head.splitlines() if line.strip().startswith("bkrc ")]
    assert steps == [
        "bkrc init mycluster.bkr --cluster PRODSSI --member VMSYS1 --member VMSYS2",
        "bkrc check mycluster.bkr",
        "bkrc compile mycluster.bkr -o out",
    ]


def test_explain_takes_a_code_as_people_write_it():
    """`bkrc explain 221` and `bkrc explain <the name bkrc rules shows>` as well as BKR221."""
    whole = run_cli(["explain", "BKR221"], expect=0).output
    assert whole.startswith("BKR221 (")
    for written in ("bkr221", "221", " 221 ", whole.split()[1].strip("(,")):
        assert run_cli(["explain", written], expect=0).output == whole, written
    assert run_cli(["explain", "4"], expect=0).output.startswith("BKR004 (")
    for unknown in ("9999", "BKR999", "no-such-rule"):
        assert "no diagnostic code" in run_cli(["explain", unknown], expect=2).output


def test_explain_of_a_keyword_says_what_the_keyword_means():
    """`bkrc explain purge`, a keyword where a code goes: said to be no code, as any
    word, and what the keyword means, in the sentence hover shows (it said only "no
    diagnostic code"); a word that is neither gets no such line."""
    from bkrdsl.keyword_docs import SUMMARIES

    said = run_cli(["explain", "Purge"], expect=2).stderr.splitlines()
    assert said == [
        "bkrc: no diagnostic code `Purge`; `bkrc rules` lists them all",
        f"bkrc: `purge` is a keyword (expire), not a code: {SUMMARIES['purge'][1]} (docs/keywords.md: every keyword)",
    ]
    assert len(run_cli(["explain", "purgee"], expect=2).stderr.splitlines()) == 1


# A usage error under a document format: the document still parses.
def _empty(document: dict, fmt: str) -> bool:
    return document["diagnostics"] == [] if fmt == "json" else document["runs"][0]["results"] == []


@pytest.mark.parametrize("fmt", ["json", "sarif"])
@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--format", "FMT", "--bogus", "FILE"], "No such option '--bogus'"),
        (["--bogus", "--format=FMT", "FILE"], "No such option '--bogus'"),  # before --format: never parsed
        (["--format", "FMT"], "Missing argument 'FILES...'"),
        (["--format", "FMT", "-", "-"], "named more than once"),
        (["--format", "FMT", "--max-errors", "many", "FILE"], "'many' is not a valid integer"),
        (["--format", "FMT", "--format", "FMT", "FILE"], "'--format' is given twice"),
        (["--format", "FMT", "-I", "MISSING", "FILE"], "does not exist"),
    ],
)
def test_a_usage_error_of_check_prints_the_empty_document(tmp_path, fmt, args, said):
    """`bkrc check --format json --bogus FILE` printed click's usage on standard
    error and nothing on standard output, where a program reads the JSON: the
    same empty document as for a FILE that cannot be read, the usage text on
    standard error, exit 2."""
    import json

    names = {"FMT": fmt, "FILE": str(EXAMPLES / "minimal.bkr"), "MISSING": str(tmp_path / "missing")}
    result = run_cli(["check", *(names.get(a, a.replace("FMT", fmt)) for a in args)], expect=2)
    document = json.loads(result.stdout)
    assert _empty(document, fmt)
    missing = json.loads(run_cli(["check", tmp_path / "missing.bkr", "--format", fmt], expect=2).stdout)
    if fmt == "sarif":  # the run failed, and says why: not a clean run's log
        (invocation,) = document["runs"][0].pop("invocations")
        assert invocation["executionSuccessful"] is False
        (note,) = invocation["toolExecutionNotifications"]
        assert note["level"] == "error" and note["message"]["text"].startswith("bkrc: usage error: ")
        assert said in note["message"]["text"]
        del missing["runs"][0]["invocations"]
    else:  # json says the same: the run failed, and bkrc's line
        (line,) = document.pop("failures")
        assert line.startswith("bkrc: usage error: ") and said in line
        assert missing.pop("failures") == [f"bkrc: {tmp_path / 'missing.bkr'}: no such file"]
    assert document == missing
    assert result.stderr.startswith("Usage: ") and " check [OPTIONS]" in result.stderr and said in result.stderr, result.stderr


@pytest.mark.parametrize("fmt", ["json", "sarif"])
@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--format", "FMT", "FILE"], "Missing option '-o' / '--output'"),
        (["--bogus", "--format=FMT", "FILE", "-o", "OUT"], "No such option '--bogus'"),
        (["--format", "FMT", "--dry-run", "--check", "FILE", "-o", "OUT"], "cannot be used together"),
        (["--format", "FMT", "FILE", "-o", "-"], "'-' is not standard output here"),
    ],
)
def test_a_usage_error_of_compile_prints_the_empty_document_on_standard_error(tmp_path, fmt, args, said):
    """`bkrc compile`'s document is all of standard error (`2>diagnostics.json`),
    and its own lines go to standard output: so does click's usage text."""
    import json

    names = {"FMT": fmt, "FILE": str(EXAMPLES / "minimal.bkr"), "OUT": str(tmp_path / "out")}
    result = run_cli(["compile", *(names.get(a, a.replace("FMT", fmt)) for a in args)], expect=2)
    assert _empty(json.loads(result.stderr), fmt)
    assert result.stdout.startswith("Usage: ") and " compile [OPTIONS]" in result.stdout and said in result.stdout, result.stdout
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["--bogus", "FILE"],  # no format given
        ["--format", "text", "--bogus", "FILE"],
        ["--format", "yaml", "--bogus", "FILE"],  # not one the command takes
        ["--format", "json", "--format", "sarif", "FILE"],  # two: which one?
        ["--dialect", "--format", "json", "--bogus", "FILE"],  # `--format` is the table's name
        ["--bogus", "--", "--format", "json"],  # after `--`, FILEs
    ],
)
def test_a_usage_error_without_a_document_format_is_click_s_alone(args):
    result = run_cli(["check", *(str(EXAMPLES / "minimal.bkr") if a == "FILE" else a for a in args)], expect=2)
    assert result.stdout == ""
    assert result.stderr.startswith("Usage: ") and " check [OPTIONS]" in result.stderr


def test_fix_of_standard_input_under_a_document_format_prints_the_empty_document():
    import json

    result = run_cli(["check", "--fix", "--format", "json", "-"], input="cluster X {\n}\n", expect=2)
    assert json.loads(result.stdout)["diagnostics"] == []
    assert result.stderr == "bkrc: --fix rewrites files; it cannot rewrite standard input\n"


@pytest.mark.parametrize("command", [["check"], ["show"], ["fmt"], ["compile", "-o", "out"]])
def test_a_file_named_without_its_bkr_is_pointed_at(tmp_path, monkeypatch, command):
    """`bkrc check mycluster`, as an `import` names a module: the file is mycluster.bkr."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mycluster.bkr").write_text(GOOD)
    result = run_cli([command[0], "mycluster", *command[1:]], expect=2)
    assert result.output == "bkrc: mycluster: no such file; did you mean `mycluster.bkr`?\n"
    result = run_cli([command[0], "other", *command[1:]], expect=2)
    assert result.output == "bkrc: other: no such file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mycluster.bkr"]


def test_compile_without_its_folder_says_what_to_give(tmp_path, monkeypatch):
    """`bkrc compile FILE` alone, as `bkrc check FILE` is typed: click's line, and what `-o` wants."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mycluster.bkr").write_text(GOOD)
    result = run_cli(["compile", "mycluster.bkr"], expect=2)
    assert result.output.splitlines()[-1] == (
        "Error: Missing option '-o' / '--output'."
        " Name the folder to write every member's files to, such as `-o out`: bkrc creates it."
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mycluster.bkr"]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["init", "-", "--cluster", "A\x1bB", "--member", "VM1"], "`A<U+001B>B` contains `<U+001B>`"),
        (["init", "-", "--cluster", "PROD", "--member", "VM\x071"], "`VM<U+0007>1` contains `<U+0007>`"),
        (["check", "a\x1b]0;x\x07.bkr"], "bkrc: a<U+001B>]0;x<U+0007>.bkr: no such file"),
        (["compile", "a\x1b[2J.bkr", "-o", "out"], "bkrc: a<U+001B>[2J.bkr: no such file"),
        (["show", "x.bkr", "--format", "json", "--format", "\x1bc"], "('json', then '<U+001B>c')"),
        (["show", "x.bkr", "--directory", "d\u202e.direct"], "bkrc: d<U+202E>.direct: no such file (the --directory file)"),
    ],
)
def test_a_control_character_typed_is_written_as_its_code_point(tmp_path, monkeypatch, args, said):
    """Every message line that says a value of the command line (a name, a FILE, an
    option's value) writes each character a terminal acts on rather than shows as
    `<U+XXXX>` (bkrdsl.terminal.escaped): `ESC ] 0 ; ... BEL` would retitle the
    terminal, `ESC [ 2 J` clear it (docs/security.md)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.bkr").write_text((EXAMPLES / "minimal.bkr").read_text())
    result = run_cli(args)
    assert result.exit_code != 0
    assert said in result.output
    assert not any(c in result.output for c in "\x1b\x07\u202e")


#: A file name with an OSC sequence that retitles the terminal (click strips only `ESC [`
#: styles from what it writes to a file, so the test sees the ESC and BEL raw).
_RETITLING = "e\x1b]0;pwned\x07x.bkr"
_RETITLING_SHOWN = "e<U+001B>]0;pwned<U+0007>x.bkr"


@pytest.mark.parametrize(
    "args, said",
    [
        (["init", _RETITLING, "--cluster", "P", "--member", "M1"], f"wrote {_RETITLING_SHOWN}; next:"),
        (["fmt", "."], f"reformatted {_RETITLING_SHOWN}"),
        (["fmt", "--check", "."], f"would reformat {_RETITLING_SHOWN}"),
        (["check", "--fix", "."], f"{_RETITLING_SHOWN}: 1 fix applied"),
    ],
    ids=["init", "fmt", "fmt-check", "check-fix"],
)
def test_a_file_name_that_would_retitle_the_terminal_is_written_as_its_code_points(tmp_path, monkeypatch, args, said):
    """The status lines of `bkrc init` (`wrote FILE`), `bkrc fmt` (`reformatted FILE`,
    `would reformat FILE`) and `bkrc check --fix` (`FILE: 1 fix applied ...`) wrote a
    FILE's name raw, while the diagnostics' `-->` lines write it through
    `terminal.escaped`: a file of a cloned repository named with `ESC ] 0 ; ... BEL`
    retitled the terminal of whoever ran `bkrc fmt .` there (and `ESC [ 2 J` cleared
    it). Now each writes the name as `<U+XXXX>` too (docs/security.md)."""
    monkeypatch.chdir(tmp_path)
    if args[0] != "init":
        slip = "daily at 01:00" if args[0] == "check" else "daily    01:00"  # a fix to apply, a file to reformat
        (tmp_path / _RETITLING).write_text((EXAMPLES / "minimal.bkr").read_text().replace("daily 01:00", slip, 1))
    result = run_cli(args)
    assert said in result.output, result.output
    assert not any(c in result.output for c in "\x1b\x07")


def test_bkrc_highlight_names_a_file_it_cannot_show_as_its_code_points(tmp_path, monkeypatch):
    """`bkrc highlight FILE` of a file holding a NUL byte (or too large, or UTF-16)
    wrote the FILE's name raw in its one line; now through terminal.escaped."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / _RETITLING).write_bytes(b"cluster X {\0}\n")
    result = run_cli(["highlight", _RETITLING], expect=2)
    assert f"bkrc: {_RETITLING_SHOWN}: contains a NUL byte" in result.output, result.output
    assert not any(c in result.output for c in "\x1b\x07")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")
@pytest.mark.parametrize("command", [["check"], ["fmt", "--check"]])
def test_a_fifo_found_in_a_folder_is_named_as_its_code_points(tmp_path, monkeypatch, command):
    """`bkrc check .` and `bkrc fmt .` name a FIFO they find and do not read: its name,
    a repository's file named to retitle the terminal, was written raw (the other lines
    of the folder search too: no .bkr file, too many or too deep folders, a folder that
    cannot be listed). Now through terminal.escaped (docs/security.md)."""
    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / _RETITLING)
    (tmp_path / "ok.bkr").write_text((EXAMPLES / "minimal.bkr").read_text())
    result = run_cli([*command, "."])
    assert f"bkrc: {_RETITLING_SHOWN}: is a FIFO (named pipe)" in result.output, result.output
    assert not any(c in result.output for c in "\x1b\x07")


# --- h3 (stop 65)
def test_node_modules_and_pycache_are_not_searched(tree):
    """`bkrc check .` searched `node_modules` and `__pycache__` (a web front end's
    thousands of folders), which the language server's workspace search passes
    over: now the command passes them over too."""
    from bkrdsl.cli.common import expand_folders

    for folder in ("node_modules/pkg", "__pycache__"):
        (tree / "clusters" / folder).mkdir(parents=True)
        (tree / "clusters" / folder / "x.bkr").write_bytes(b"")  # BKR110 if read
    assert expand_folders(["clusters"]) == [
        "clusters/b.bkr", "clusters/prod.bkr", "clusters/site/common.bkr", "clusters/z/a.bkr"
    ]
    run_cli(["check", "clusters"], expect=0)
    # named, a folder is searched whatever its name
    assert expand_folders(["clusters/node_modules"]) == ["clusters/node_modules/pkg/x.bkr"]


def test_a_folder_with_more_folders_below_it_than_a_search_enters_is_exit_2_and_none_checked(tree, monkeypatch):
    """`bkrc check /tmp` (or `~`, `/`) walked every folder below it, however many:
    the search is bounded as the language server's is (20,000 folders, here 1). Past
    that the FILE is one that cannot be read: its line says to name the folder the
    .bkr files are in, none of its files is checked (not some, as if they were all),
    and the other FILEs still are."""
    from bkrdsl import source

    monkeypatch.setattr(source, "MAX_FOLDERS", 1)
    (tree / "clusters" / "z" / "a.bkr").write_bytes(b"")  # BKR110 if read
    result = run_cli(["check", "--format", "short", "clusters", "clusters/b.bkr"], expect=2)
    assert result.stderr == (
        "bkrc: clusters: more than 1 folders below it, more than bkrc searches for .bkr files (hidden folders,"
        " node_modules, __pycache__, symbolic links to folders and bkrc compile's output folders are not"
        " searched): name the folder they are in, or the files\n"
    )
    assert result.stdout == ""
    run_cli(["check", "clusters/site", "clusters/z"], expect=1)  # named nearer, they are
    monkeypatch.setattr(source, "MAX_FOLDERS", 2)  # site and z
    run_cli(["check", "clusters"], expect=1)


def test_a_folder_deeper_than_a_search_goes_is_said_and_the_others_are_checked(tree, monkeypatch):
    from bkrdsl import source

    monkeypatch.setattr(source, "MAX_DEPTH", 2)
    (tree / "clusters" / "z" / "y" / "x").mkdir(parents=True)
    (tree / "clusters" / "z" / "y" / "x" / "deep.bkr").write_bytes(b"")  # BKR110 if read
    (tree / "clusters" / "z" / "y" / "two.bkr").write_bytes(MINIMAL_TEXT)  # 2 levels below: read
    result = run_cli(["check", "clusters"], expect=2)
    assert result.stderr == (
        "bkrc: clusters/z/y/x: more than 2 folders below clusters, deeper than bkrc searches for .bkr files:"
        " name it to check the files under it\n"
    )
    assert "BKR110" not in result.stdout
    run_cli(["check", "clusters/z/y/x"], expect=1)  # named, it is searched


def _remove_nested(top) -> None:
    """Remove folder `top`, a chain of folders `a` however deep, without recursing
    (shutil.rmtree, and so pytest's clean-up of old temporary folders, recurses once
    a level: left behind, the tree would make every later run's clean-up fail)."""
    import os

    here = os.getcwd()
    os.chdir(top)
    depth = 0
    while os.path.isdir("a"):
        os.chdir("a")
        depth += 1
    for name in os.listdir("."):
        os.unlink(name)
    for _ in range(depth):
        os.chdir("..")
        os.rmdir("a")
    os.chdir(here)
    os.rmdir(top)


def test_a_tree_nested_deeper_than_python_recurses_is_no_internal_error(tmp_path, monkeypatch):
    """A folder 1,100 levels deep made `bkrc check` end in a RecursionError (Python's
    os.walk recurses once a level), told as an internal error; the language server's
    workspace search likewise. Now the search stops 100 levels down, and says so."""
    import os
    from pathlib import Path

    from bkrdsl.lsp.workspace import bkr_files

    monkeypatch.chdir(tmp_path)
    try:
        for _ in range(11):  # 11 x 100 levels, made 100 at a time (os.makedirs recurses too)
            Path("a/" * 100).mkdir(parents=True)
            os.chdir("a/" * 100)
        Path("x.bkr").write_bytes(b"")
        os.chdir(tmp_path)
        result = run_cli(["check", "a"], expect=2)
        assert "internal error" not in result.output
        assert result.stderr.startswith("bkrc: a/a/a/") and "more than 100 folders below a," in result.stderr
        found = bkr_files([tmp_path / "a"])
        assert found.capped and found.files == []
    finally:
        os.chdir(tmp_path)
        _remove_nested(tmp_path / "a")


# --- h4 (stop 66)
@pytest.mark.parametrize("command", [["check"], ["show"], ["fmt"], ["fmt", "--check"], ["compile", "-o", "out"]])
def test_a_loop_of_symbolic_links_is_named_for_what_it_is(tmp_path, monkeypatch, command):
    """`cannot read: Too many levels of symbolic links`, the system's words, for a
    FILE whose links name each other: said as `-I`'s folder says it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.bkr").symlink_to("b.bkr")
    (tmp_path / "b.bkr").symlink_to("a.bkr")
    result = run_cli([command[0], "a.bkr", *command[1:]], expect=2)
    assert result.stderr == "bkrc: a.bkr: is a loop of symbolic links, which ends at no file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bkr", "b.bkr"]



def test_a_module_that_is_a_broken_or_looping_link_is_named_so_among_the_places_searched(tmp_path, monkeypatch):
    """`import ./a` where a.bkr is a loop of links, `import ./d` where d.bkr links to a
    file moved away: BKR101's "searched" list says what each is, not only its name,
    which `ls` shows there."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.bkr").symlink_to("b.bkr")
    (tmp_path / "b.bkr").symlink_to("a.bkr")
    (tmp_path / "d.bkr").symlink_to("gone.bkr")
    (tmp_path / "c.bkr").write_text(GOOD.replace("cluster", "import ./a\nimport ./d\ncluster", 1))
    result = run_cli(["check", "c.bkr"], expect=1)
    assert "a.bkr (a loop of symbolic links, which ends at no file)" in result.output
    assert "d.bkr (a symbolic link to 'gone.bkr', which does not exist)" in result.output
