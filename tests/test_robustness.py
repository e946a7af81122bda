"""Bad input gets a clear error and nothing else (issue 2).

Each input below must give coded diagnostics with a line and column, make
`bkrc check` exit 1, and never show a Python traceback; the few that are valid
(a byte-order mark, CRLF line ends, tabs) must check clean. The sizes are the
issue's own (100,000-deep nesting, a 5 MB line, a 100,000-character name); no
test asserts on time, but each runs in well under a second.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, run_cli

from bkrdsl.diagnostics.registry import load_all
from bkrdsl.diagnostics.render import render_text
from bkrdsl.pipeline import analyse

MINIMAL = (EXAMPLES / "minimal.bkr").read_bytes()


def rejected(tmp_path, data: bytes, name: str = "input.bkr"):
    """Write `data`, check it like a user would, and return the analysis; asserts the
    contract every bad input shares."""
    path = tmp_path / name
    path.write_bytes(data)
    result = run_cli(["check", "--format", "short", path], expect=1)
    assert "Traceback" not in result.output
    analysis = analyse(str(path), data, path=path)
    registry = load_all()
    assert analysis.diagnostics
    for d in analysis.diagnostics:
        assert d.code in registry
        assert d.span is not None and d.span.line >= 1 and d.span.column >= 1, d
        assert f"{d.span.line}:{d.span.column}: " in result.output
    return analysis


def codes_at(analysis) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in analysis.diagnostics]


# ------------------------------------------------------------------ bytes
def test_binary_data(tmp_path):
    data = b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4  # a gzip header and every byte
    # Both problems, in file order: gzip's 0x8B (not UTF-8) before the first NUL (h13, stop 70).
    assert [code for code, _, _ in codes_at(rejected(tmp_path, data))] == ["BKR002", "BKR001"]


def test_nul_bytes_say_where(tmp_path):
    data = b"cluster A {\n  member M {\x00 workers 2 }\n}\n"
    analysis = rejected(tmp_path, data)
    assert codes_at(analysis) == [("BKR001", 2, 13)]
    assert "line 2, column 13" in analysis.diagnostics[0].message


def test_utf16_is_binary(tmp_path):
    data = "cluster A {}\n".encode("utf-16")
    # Named as UTF-16 at 1:1 (h4, stop 66), no longer at the NUL after the mark and `c`.
    assert codes_at(rejected(tmp_path, data)) == [("BKR001", 1, 1)]


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b'cluster A {\n  description "Lohn\xe4mter"\n}\n', (2, 20)),  # Latin-1
        (b"\xef\xbb\xbfcluster A {\r\n  \xff\r\n}\r\n", (2, 3)),  # after a BOM and CRLF
        (b"# \xc3\n", (1, 3)),  # a sequence cut short
        (b"\xc1\xc2\xc3\xc4", (1, 1)),  # EBCDIC "ABCD", sent in binary mode
    ],
)
def test_invalid_utf8_says_where(tmp_path, data, where):
    analysis = rejected(tmp_path, data)
    assert codes_at(analysis) == [("BKR002", *where)]
    assert f"line {where[0]}, column {where[1]}" in analysis.diagnostics[0].message


# ------------------------------------------------------------------ accepted forms
def test_bom_and_crlf_are_accepted(tmp_path):
    data = b"\xef\xbb\xbf" + MINIMAL.replace(b"\n", b"\r\n")
    path = tmp_path / "crlf.bkr"
    path.write_bytes(data)
    result = run_cli(["check", path], expect=0)
    assert result.output == ""
    assert analyse(str(path), data, path=path).diagnostics == []


def numbered(data: bytes, line_end: bytes = b"\n") -> bytes:
    """`data` as a CMS file with sequence numbers: each line padded to column 72, then
    8 digits (lines longer than 72 cut: a CMS record holds no more)."""
    lines = data.decode().splitlines()
    return b"".join(f"{line[:72]:<72}{(n + 1) * 100:08d}".encode() + line_end for n, line in enumerate(lines))


@pytest.mark.parametrize("line_end", [b"\n", b"\r\n"])
def test_cms_sequence_numbers_are_one_error_whose_fix_strips_them(tmp_path, line_end):
    """A .bkr file kept on CMS with sequence numbers (columns 73-80 of every line):
    one BKR022 at the first number, not an error per line; `check --fix` removes
    them and the blanks before them, every other byte kept."""
    plain = b"".join(line[:72].rstrip() + b"\n" for line in MINIMAL.splitlines())
    analysis = rejected(tmp_path, numbered(plain, line_end))
    assert codes_at(analysis) == [("BKR022", 1, 73)]
    assert analysis.diagnostics[0].message.startswith("every line of the file ends in a sequence number in columns 73-80 (`00000100`)")
    path = tmp_path / "input.bkr"
    run_cli(["check", "--fix", path], expect=0)
    assert path.read_bytes() == plain.replace(b"\n", line_end)
    # A file some of whose lines are numbered is one too (see the h8 block below).
    some = numbered(plain).splitlines(keepends=True)
    some[3] = some[3][:72].rstrip() + b"\n"
    assert [d.code for d in analyse("some.bkr", b"".join(some)).diagnostics] == ["BKR022"]


def test_lone_cr_line_ends_are_accepted(tmp_path):
    path = tmp_path / "cr.bkr"
    path.write_bytes(MINIMAL.replace(b"\n", b"\r"))
    run_cli(["check", path], expect=0)


def test_tabs_are_blanks(tmp_path):
    path = tmp_path / "tabs.bkr"
    path.write_bytes(MINIMAL.replace(b"  ", b"\t"))
    run_cli(["check", path], expect=0)


def test_carets_line_up_under_tabs(tmp_path):
    data = b"cluster A {\n\tmember M {\t\twokers 2 }\n}\n"
    analysis = rejected(tmp_path, data)
    (d,) = analysis.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("BKR012", 2, 14)
    lines = render_text(analysis.diagnostics, analysis.sources).splitlines()
    source_line = next(line for line in lines if line.startswith("2 |"))
    caret_line = lines[lines.index(source_line) + 1]
    assert "\t" not in source_line
    start = caret_line.index("^")
    assert source_line[start : start + len("wokers")] == "wokers"
    assert caret_line[start:].startswith("^^^^^^ ") or caret_line[start:] == "^^^^^^"


# ------------------------------------------------------------------ sizes
def test_100000_deep_nesting(tmp_path):
    depth = 100_000
    analysis = rejected(tmp_path, b"cluster A {\n" + b"{" * depth + b"}" * depth + b"\n}\n")
    assert codes_at(analysis) == [("BKR004", 2, 1)]
    rejected(tmp_path, b"{" * depth)
    rejected(tmp_path, b"cluster A {" + b"{" * depth)
    rejected(tmp_path, b"}" * depth)


def test_a_5mb_line(tmp_path):
    analysis = rejected(tmp_path, b"cluster A { single group G { " + b"LINUX01 " * 650_000 + b"} }")
    (d,) = analysis.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("BKR018", 1, 1_000_001)
    assert "5,200,032 characters" in d.message
    text = render_text(analysis.diagnostics, analysis.sources)
    assert max(len(line) for line in text.splitlines()) < 200


def test_a_file_over_ten_megabytes(tmp_path):
    """BKR020: one error at the first character, the file not read further (no parse,
    no line index of 10 MB); the frame shows the start of line 1."""
    from bkrdsl.syntax.reader import MAX_FILE_SIZE

    assert MAX_FILE_SIZE == 10_000_000
    data = b"cluster A {\n" + b"  single group G { LINUX01 LINUX02 }\n" * 300_000 + b"}\n"
    analysis = rejected(tmp_path, data)
    assert codes_at(analysis) == [("BKR020", 1, 1)]
    (d,) = analysis.diagnostics
    assert f"the file holds {len(data):,} bytes; a .bkr file holds at most 10,000,000" == d.message
    text = render_text(analysis.diagnostics, analysis.sources)
    assert "1 | cluster A {\n" in text
    assert max(len(source.text) for source in analysis.sources.values()) < 1_000


@pytest.mark.parametrize("extra,codes", [(0, []), (1, ["BKR020"])])
def test_the_size_limit_is_on_the_bytes(monkeypatch, extra, codes):
    """A file of exactly MAX_FILE_SIZE bytes is read; one byte more is BKR020 (bytes,
    not characters: `é` is two)."""
    from bkrdsl.syntax import reader

    data = MINIMAL.replace(b"import std/zvm73\n", "import std/zvm73\n# \u00e9\n".encode(), 1)
    assert analyse("min.bkr", MINIMAL).diagnostics == [] and len(data) == len(MINIMAL) + 5
    monkeypatch.setattr(reader, "MAX_FILE_SIZE", len(data) - extra)
    assert [d.code for d in reader.decode("min.bkr", data)[1]] == codes


def test_an_imported_module_over_the_size_limit(tmp_path):
    """A module too large is BKR020 in that module, as any file bkrc reads."""
    (tmp_path / "big.bkr").write_bytes(b"single group G {\n" + b"  LINUX01\n" * 1_100_000 + b"}\n")
    main = tmp_path / "main.bkr"
    main.write_bytes(MINIMAL.replace(b"import std/zvm73\n", b"import std/zvm73\nimport ./big\n", 1))
    out = run_cli(["check", "--format", "short", main], expect=1).stdout
    assert out.splitlines()[0].startswith(f"{tmp_path / 'big.bkr'}:1:1: error BKR020: the file holds 11,")
    out = run_cli(["fmt", "--check", "--format", "short", tmp_path / "big.bkr"], expect=1)
    assert ": error BKR020: " in out.stderr


class _Recorded:
    """A file opened by the reader, whose reads say how many bytes they asked for."""

    def __init__(self, file, asked: list[int] | None) -> None:
        self.file, self.asked = file, asked

    def read(self, n: int = -1) -> bytes:
        if self.asked is not None:
            self.asked.append(n)
        return self.file.read(n)

    def fileno(self) -> int:
        return self.file.fileno()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.file.close()


@pytest.fixture
def two_gigabytes(tmp_path, monkeypatch):
    """A sparse file of 2 GB (it takes no disk) that starts like a cluster, and the
    sizes the reader's reads of it asked for. Reading any file whole (`Path.read_bytes`)
    fails the test: a file is known to be too large by its size, never by its bytes."""
    import builtins
    from pathlib import Path

    from bkrdsl.syntax import reader

    big = tmp_path / "big.bkr"
    with open(big, "wb") as f:
        f.write(b"cluster BIG {\n")
        f.truncate(2 * 1024**3)
    asked: list[int] = []

    def recorded(path, mode="rb"):
        return _Recorded(builtins.open(path, mode), asked if Path(path) == big else None)

    monkeypatch.setattr(reader, "open", recorded, raising=False)

    def whole(path):
        raise AssertionError(f"{path} read whole")

    monkeypatch.setattr(Path, "read_bytes", whole)
    return big, asked


def _bounded(asked: list[int]) -> bool:
    """The reads asked for a few bytes of the file: the start of its first line."""
    return bool(asked) and all(n >= 0 for n in asked) and sum(asked) <= 1_000


def test_a_sparse_file_of_two_gigabytes_is_known_by_its_size(two_gigabytes):
    big, asked = two_gigabytes
    out = run_cli(["check", "--format", "short", big], expect=1).stdout
    assert out.splitlines()[0] == (
        f"{big}:1:1: error BKR020: the file holds 2,147,483,648 bytes; a .bkr file holds at most 10,000,000"
    )
    assert _bounded(asked)
    for args in (["fmt", "--check"], ["fmt"], ["compile", "-o", big.parent / "out"]):
        asked.clear()
        result = run_cli([*args, "--format", "short", big], expect=1)
        assert ": error BKR020: the file holds 2,147,483,648 bytes" in result.output, args
        assert _bounded(asked), args
    asked.clear()
    result = run_cli(["highlight", big], expect=2)
    assert "the file holds 2,147,483,648 bytes" in result.output and _bounded(asked)


def test_an_imported_module_of_two_gigabytes(two_gigabytes):
    """An import, from `bkrc check` and from the language server (an unopened file)."""
    from bkrdsl.lsp.document import analyse_document
    from bkrdsl.lsp.workspace import Workspace
    from bkrdsl.syntax.reader import read_file

    big, asked = two_gigabytes
    text = MINIMAL.replace(b"import std/zvm73\n", b"import std/zvm73\nimport ./big\n", 1)
    main = big.parent / "main.bkr"
    main.write_bytes(text)
    out = run_cli(["check", "--format", "short", main], expect=1).stdout
    assert out.splitlines()[0].startswith(f"{big}:1:1: error BKR020: the file holds 2,147,483,648 bytes")
    assert _bounded(asked)
    asked.clear()
    doc = analyse_document(str(main), text.decode(), path=main)
    assert [d.code for d in doc.diagnostics if d.span.file == str(big)] == ["BKR020"]
    assert _bounded(asked)
    asked.clear()
    assert Workspace().document(big, (), lambda path: None, read_file) is None  # not .bkr source
    assert _bounded(asked)


class _Endless:
    """Standard input that never ends: each read gives all it asks for."""

    def __init__(self) -> None:
        self.given = 0

    def read(self, n: int = -1) -> bytes:
        assert n >= 0, "a read of everything never returns"
        self.given += n
        return b"#" * n


def test_standard_input_is_read_no_further_than_the_limit():
    from bkrdsl.syntax.reader import MAX_FILE_SIZE, decode, read_stream

    endless = _Endless()
    data = read_stream(endless)
    assert endless.given == MAX_FILE_SIZE + 1
    (d,) = decode("<stdin>", data)[1]
    assert d.code == "BKR020"
    assert d.message == "the input holds more than 10,000,000 bytes; a .bkr file holds at most 10,000,000"


def test_fmt_passes_a_too_large_standard_input_through_whole():
    """A filter never swallows its input: what was read up to the limit, then the rest."""
    data = b"cluster BIG {\n" + b"# a comment line\n" * 700_000
    assert len(data) > 10_000_000
    result = run_cli(["fmt", "-"], input=data, expect=1)
    assert result.stdout_bytes == data
    assert "error[BKR020]: the input holds more than 10,000,000 bytes" in result.stderr


@pytest.mark.parametrize(
    "line",
    [b"x = 1, " * 700, b"\xc3\xa9" * 4000, b"{ , } " * 800, b"job member run on { } " * 200, b'"' * 5000],
    ids=["assignments", "accented", "punctuation", "keywords", "quotes"],
)
def test_a_megabyte_of_junk_in_lines(tmp_path, line):
    lines = 1_000_000 // len(line)
    analysis = rejected(tmp_path, b"cluster A {\n" + (line + b"\n") * lines + b"}\n")
    assert len(analysis.diagnostics) <= 21


def test_a_100000_character_name(tmp_path):
    name = b"M" * 100_000
    data = b"cluster A {\n  member " + name + b" { workers 2 }\n  job J { backup " + name + b" }\n}\n"
    path = tmp_path / "long.bkr"
    path.write_bytes(data)
    result = run_cli(["check", path])
    assert result.exit_code in (0, 1)  # the name is the checker's to judge
    assert "Traceback" not in result.output
    assert len(result.output) < 20_000
    assert max((len(line) for line in result.output.splitlines()), default=0) < 400



def test_an_extent_start_of_5000_digits(tmp_path):
    # Python's int() refuses more than 4,300 digits: BKR251's test of the start
    # against the dialect's first cylinder raised ValueError (an internal error).
    line = b"disk BKRBKUP 191 size 10 cyl"
    assert line in MINIMAL
    data = MINIMAL.replace(line, line + b" on D1PRV1 at " + b"9" * 5000)
    analysis = rejected(tmp_path, data)
    assert [d.code for d in analysis.diagnostics] == ["BKR316"]
    assert "is not a cylinder or block number" in analysis.diagnostics[0].message

# ------------------------------------------------------------------ other text
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("cluster A {\n  frobnicate 3\n}\n", "BKR012"),
        ("cluster A {\n  member M { wokers 2 }\n}\n", "BKR012"),
        ("cluster PRODÜKTION {\n}\n", "BKR003"),
        ("cluster A {\n  single group G { LÖHNE GEHÄLTER }\n}\n", "BKR003"),
        ("cluster A {\n  member 成员 { workers 2 }\n}\n", "BKR003"),
        ("cluster:\n  name: PRODSSI\n  members: [VMSYS1, VMSYS2]\n", "BKR009"),
        ('{\n  "cluster": {"name": "PRODSSI"}\n}\n', "BKR009"),
        ("/* REXX */\nparse arg member\n'CP SMSG BKRBKUP SUBMIT' member\nexit rc\n", "BKR009"),
    ],
    ids=[
        "unknown-keyword",
        "misspelt-keyword",
        "umlaut-cluster",
        "umlaut-group",
        "cjk-member",
        "yaml",
        "json",
        "rexx",
    ],
)
def test_other_text_gets_coded_diagnostics(tmp_path, text, code):
    assert codes_at(rejected(tmp_path, text.encode()))[0][0] == code


# ------------------------------------------------------------------ files that cannot be read
def one_line_exit_2(result) -> None:
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("bkrc: ")


def test_missing_file(tmp_path):
    one_line_exit_2(run_cli(["check", tmp_path / "nope.bkr"]))


def test_directory(tmp_path):
    one_line_exit_2(run_cli(["check", tmp_path]))


def test_unreadable_file(tmp_path, monkeypatch):
    # The tests run as root, for whom chmod 000 changes nothing: make the read fail instead
    # (every file bkrc reads is opened by `reader.read_file`).
    import builtins

    from bkrdsl.syntax import reader

    path = tmp_path / "secret.bkr"
    path.write_bytes(MINIMAL)

    def refuse(file, mode="rb"):
        if file == path:
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, mode)

    monkeypatch.setattr(reader, "open", refuse, raising=False)
    result = run_cli(["check", path])
    one_line_exit_2(result)
    assert "permission denied" in result.stderr


def test_a_bad_file_among_good_ones_is_still_exit_2(tmp_path):
    good = tmp_path / "good.bkr"
    good.write_bytes(MINIMAL)
    result = run_cli(["check", tmp_path / "nope.bkr", good])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("spec", ["A" * 300, "./" + "A" * 300, "std/" + "A" * 300, "A/" * 3000 + "B"])
def test_an_import_too_long_for_a_file_name(tmp_path, spec):
    # The file system refuses the name (ENAMETOOLONG): a missing module, not an internal error.
    data = f"import {spec}\ncluster A {{\n}}\n".encode()
    assert codes_at(rejected(tmp_path, data))[0] == ("BKR101", 1, 1)


# --- h8 (stop 61)
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_sequence_numbers_on_some_lines_only_are_one_error_whose_fix_strips_them(tmp_path, parser, monkeypatch):
    """A file numbered by XEDIT (SET SERIAL ON), then lines added without numbers:
    one BKR022 for the file, at the first number, naming the numbered lines (was an
    error per numbered line, "one word too many ... `00000400` starts no statement",
    and on the `import` line a help writing `import std/backup-manager00000300`);
    its help writes the first line without its number, and `check --fix` removes
    the numbers and the blanks before them, every other byte kept."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    plain = (EXAMPLES / "prodssi.bkr").read_bytes()
    lines = plain.splitlines(keepends=True)
    for n in (2, 3, 5, 8, 9, 10):  # lines 3, 4, 6, 9, 10 and 11; the rest added later
        lines[n] = f"{lines[n].decode().rstrip():<72}{(n + 1) * 100:08d}\n".encode()
    analysis = rejected(tmp_path, b"".join(lines))
    assert codes_at(analysis) == [("BKR022", 3, 73)]
    (d,) = analysis.diagnostics
    assert d.message == (
        "6 lines (3, 4, 6, 9, 10 and 11) end in a sequence number in columns 73-80 (`00000300`),"
        " as lines of a CMS file numbered by XEDIT do: each would be read as one more word"
    )
    assert d.help == (
        "remove columns 73-80 from those lines (`bkrc check --fix` does; line 3 is then"
        " `import std/backup-manager`); keep the .bkr file without sequence numbers"
    )
    path = tmp_path / "input.bkr"
    run_cli(["check", "--fix", path], expect=0)
    assert path.read_bytes() == plain
    # One numbered line: the same error, said of the line.
    lines = plain.splitlines(keepends=True)
    lines[8] = f"{lines[8].decode().rstrip():<72}00000900\n".encode()
    (d,) = rejected(tmp_path, b"".join(lines)).diagnostics
    assert (d.code, d.span.line, d.span.column) == ("BKR022", 9, 73)
    assert d.message.startswith("line 9 ends in a sequence number in columns 73-80 (`00000900`), as a line of")
    assert "remove columns 73-80 from that line (`bkrc check --fix` does; line 9 is then `member VMSYS1 {" in d.help


@pytest.mark.parametrize(
    "line",
    [
        "  member VMSYS1 { workers 4  private-volume M1PRV1 }" + " " * 19 + "x00000900",  # not after a blank
        "  member VMSYS1 { workers 4  private-volume M1PRV1 }" + " " * 20 + "0000090",  # 7 digits
        "  member VMSYS1 { workers 4  private-volume M1PRV1 }" + " " * 21 + "000009001",  # past column 80
    ],
)
def test_a_number_not_in_columns_73_to_80_after_blanks_is_no_sequence_number(line):
    plain = (EXAMPLES / "prodssi.bkr").read_text()
    data = plain.replace("  member VMSYS1 { workers 4  private-volume M1PRV1 }", line).encode()
    assert "BKR022" not in {d.code for d in analyse("some.bkr", data).diagnostics}


# --- h1 (stop 62)
#: A numbered line whose text fills column 72, its number touching it (`...M2PRV1` to column
#: 72, then `00001300`): in a file with lines numbered after blanks it is one of them, named by
#: BKR022 and stripped by its fix (was left out: the error named the other lines only, and
#: after `check --fix` the file still held its number, read as part of the word before it).
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_number_touching_the_text_is_one_of_the_numbered_lines(tmp_path, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    plain = (EXAMPLES / "prodssi.bkr").read_bytes()
    lines = plain.splitlines(keepends=True)
    lines[2] = f"{lines[2].decode().rstrip():<72}00000300\n".encode()
    touching = "    private-volume M2PRV1  # " + "x" * 43  # to column 72
    assert len(touching) == 72 and b"    private-volume M2PRV1\n" == lines[11]
    lines[11] = f"{touching}00001200\n".encode()
    analysis = rejected(tmp_path, b"".join(lines))
    (d,) = analysis.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("BKR022", 3, 73)
    assert d.message.startswith("2 lines (3 and 12) end in a sequence number in columns 73-80 (`00000300`)")
    path = tmp_path / "input.bkr"
    run_cli(["check", "--fix", path], expect=0)
    assert path.read_bytes() == plain.replace(b"    private-volume M2PRV1\n", f"{touching}\n".encode(), 1)


#: Every line numbered, some of them touching their text: the one BKR022 of a file numbered
#: throughout, whose fix strips every number (as before: no blank is needed there).
def test_every_line_numbered_some_touching_their_text(tmp_path):
    plain = b"".join(line[:72].rstrip() + b"\n" for line in MINIMAL.splitlines())
    lines = numbered(plain).splitlines(keepends=True)
    lines[1] = b"#" * 72 + lines[1][72:]
    analysis = rejected(tmp_path, b"".join(lines))
    assert codes_at(analysis) == [("BKR022", 1, 73)]
    path = tmp_path / "input.bkr"
    run_cli(["check", "--fix", path], expect=0)
    expected = plain.splitlines(keepends=True)
    expected[1] = b"#" * 72 + b"\n"
    assert path.read_bytes() == b"".join(expected)


# --- h4 (stop 66)
@pytest.mark.parametrize(
    ("encoding", "said", "iconv"),
    [
        ("utf-16", "UTF-16 (little-endian, it starts with its byte-order mark)", "UTF-16"),
        ("utf-16-le", "UTF-16 (little-endian, without a byte-order mark)", "UTF-16LE"),
        ("utf-16-be", "UTF-16 (big-endian, without a byte-order mark)", "UTF-16BE"),
        ("utf-32", "UTF-32 (little-endian, it starts with its byte-order mark)", "UTF-32"),
        ("utf-32-be", "UTF-32 (big-endian, without a byte-order mark)", "UTF-32BE"),
    ],
)
def test_a_file_in_utf16_or_utf32_is_named_so_and_its_help_converts_it(tmp_path, encoding, said, iconv):
    """A .bkr file saved as "Unicode" is one BKR001 at 1:1 that names its encoding
    (not "a NUL byte at line 1, column 4": the mark's bytes and `#` read as UTF-8),
    whose help is the iconv command for the file; converted so, it checks clean."""
    data = MINIMAL.decode("utf-8").encode(encoding)
    analysis = rejected(tmp_path, data, "minimal.bkr")
    (d,) = analysis.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("BKR001", 1, 1)
    assert d.message == f"the file is {said}, not UTF-8: a .bkr file is read as UTF-8"
    path = tmp_path / "minimal.bkr"
    assert f"`iconv -f {iconv} -t UTF-8 {path} > {tmp_path / 'minimal.utf8.bkr'}`" in d.help
    (tmp_path / "minimal.utf8.bkr").write_bytes(data.decode(encoding).removeprefix("\ufeff").encode("utf-8"))
    assert analyse("minimal.utf8.bkr", (tmp_path / "minimal.utf8.bkr").read_bytes()).diagnostics == []


def test_a_nul_in_a_file_that_is_no_utf16_is_still_said_where_it_is(tmp_path):
    # ASCII, then NULs: not every other byte, so no UTF-16 (a binary file, a NUL typed)
    data = b"cluster A {\x00\x00\x00\x00\x00\x00\x00\x00}\n"
    assert codes_at(rejected(tmp_path, data)) == [("BKR001", 1, 12)]



# --- h5 (stop 67)
def _calls_to_read(text: str) -> int:
    """How many Python function calls reading `text` takes, its second reading (the
    first warms the imports and the Lark parser): a count, not a time, so that a test
    of how the work grows with the file is as steady as the code."""
    import sys

    from bkrdsl.source import Source
    from bkrdsl.syntax import read_module

    read_module(Source.of("input.bkr", text))
    calls = 0

    def profile(frame, event, arg):
        nonlocal calls
        calls += event == "call"

    sys.setprofile(profile)
    try:
        read_module(Source.of("input.bkr", text))
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_errors_after_a_long_body_are_read_in_linear_work(parser, monkeypatch):
    """A line of errors after many others in one block (`workers = 1`, one line per
    setting pasted from another tool): at each, the recovery asked which tokens of the
    statement under way stand on the error's line (`line_tail`) and what the last real
    token read was (`last_real_token`), and found out by walking every token of the
    block body read so far, so that N such lines took N² steps: 10,000 of them took
    15 s to report 20 errors (the parse stops after some 1,000). Doubling the lines
    now doubles the work, under either parser (the fast one hands such a file to Lark)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    base = MINIMAL.decode()

    def pasted(lines: int) -> str:
        settings = "".join(f"  workers = {i}\n" for i in range(lines))
        return base.replace("  job GUESTFUL {", settings + "  job GUESTFUL {")

    small, large = _calls_to_read(pasted(200)), _calls_to_read(pasted(400))
    assert large < 2.2 * small, (small, large)


def _calls_to_check(text: str) -> int:
    """How many Python function calls `analyse` of `text` takes, its second (as
    `_calls_to_read`)."""
    import sys

    analyse("input.bkr", text.encode())
    calls = 0

    def profile(frame, event, arg):
        nonlocal calls
        calls += event == "call"

    sys.setprofile(profile)
    try:
        analyse("input.bkr", text.encode())
    finally:
        sys.setprofile(None)
    return calls


def test_thousands_of_jobs_each_missing_its_statements_are_checked_in_linear_work():
    """Jobs written as `job J1 { backup NOSUCH1 full }`, each without a `to`, a `run`
    and an `include` (a generated file, a bad merge): the help of each job's BKR113
    walked every job of the cluster for the targets they write to, BKR114's and
    BKR116's looked the job up among all the resolved jobs, so that 5,000 such jobs
    took 30 s (10,000, 80 s) to check. Doubling the jobs now doubles the work, and
    the helps say what they said (the other jobs' targets, the member to run on)."""
    base = MINIMAL.decode()

    def jobs(n: int) -> str:
        broken = "".join(f"  job J{i} {{ backup NOSUCH{i} full }}\n  job K{i} {{ backup GUESTS }}\n" for i in range(n))
        return base.replace("  job GUESTFUL {", broken + "  job GUESTFUL {")

    small, large = _calls_to_check(jobs(200)), _calls_to_check(jobs(400))
    assert large < 2 * small, (small, large)
    diagnostics = analyse("input.bkr", jobs(1).encode()).diagnostics
    helps = {(d.span.line, d.code): d.help for d in diagnostics}
    assert helps[25, "BKR113"] == (
        "add `to disk pool BKUPPOOL` (like `GUESTFUL` and `SYSFU`) or `to tape`, which needs a"
        " `tape manager shared` statement"
    )
    assert helps[26, "BKR114"].startswith("add `run on DEV1`, where `GUESTFUL` backs up `GUESTS`, then when")


# --- h10 (stop 67)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("layout", ["}\n", "} "])
def test_a_run_of_braces_that_close_nothing_is_read_in_linear_work(parser, layout, monkeypatch):
    """A run of `}` too many after the cluster's (10,000 of them from a bad merge) is
    one BKR006 that counts them and whose fix removes them all: the braces of the file
    are counted once, so doubling the run at most doubles the work, Python's calls and
    the built-in ones both counted."""
    import sys

    from bkrdsl.source import Source
    from bkrdsl.syntax import read_module

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    base = MINIMAL.decode()

    def calls(n: int) -> int:
        text = base + layout * n
        _, (d,) = read_module(Source.of("input.bkr", text))
        assert d.code == "BKR006" and d.fix is not None and d.fix.title == f"Remove the {n:,} `}}`"
        count = 0

        def profile(frame, event, arg):
            nonlocal count
            count += event in ("call", "c_call")

        sys.setprofile(profile)
        try:
            read_module(Source.of("input.bkr", text))
        finally:
            sys.setprofile(None)
        return count

    small, large = calls(2_000), calls(4_000)
    assert large < 2.2 * small, (small, large)


# --- h4 (stop 68)


def test_h4s68_bkr005_at_the_end_scans_for_a_brace_as_the_text_without_quotes_and_comments_reads():
    # BKR005 for a block the file ends inside (`messages.never_closed`) asks whether a
    # `{` or `}` follows the block's outside quotes and comments (`_body_indented`):
    # it took the text of the whole rest of the file without them (`_TEXT_OR_COMMENT`,
    # 4.6 ms at 10,000 users, at every keystroke typed at the end of a file left open).
    # A scan that stops at the first such brace answers the same: every text of these
    # characters up to 6 long, and every tail of the examples.
    import itertools

    from bkrdsl.syntax import messages

    def before(text: str) -> bool:
        return any(c in messages._TEXT_OR_COMMENT.sub("", text) for c in "{}")

    def now(text: str) -> bool:
        return any(m.group() in "{}" for m in messages._BRACE_OR_TEXT_OR_COMMENT.finditer(text))

    for size in range(7):
        for chars in itertools.product(' \n"\\#{a', repeat=size):
            text = "".join(chars)
            assert now(text) == before(text), repr(text)
    for path in sorted(EXAMPLES.glob("*.bkr")):
        text = path.read_text()
        for start in range(0, len(text), 97):
            assert now(text[start:]) == before(text[start:]), (path.name, start)


# --- h5 (stop 68)
def test_thousands_of_members_are_checked_in_linear_work():
    """A cluster of thousands of members (a generated file, a member block pasted in a
    loop: BKR240 says a cluster has at most 8): each worker's members were collected in a
    list and each member looked for in it with `in`, which compares whole members, so
    that 5,000 members took 17 s to check and 10,000 took 68 s. Doubling the members now
    doubles the work."""
    base = MINIMAL.decode()

    def members(n: int) -> str:
        block = "".join(f"  member M{i:07d} {{ workers 1  private-volume V{i:05d} }}\n" for i in range(n))
        return base.replace("  member DEV1 {", block + "  member DEV1 {")

    small, large = _calls_to_check(members(300)), _calls_to_check(members(600))
    assert large < 2.2 * small, (small, large)


def test_thousands_of_jobs_of_one_group_are_checked_in_linear_work():
    """Thousands of jobs that back up one group (a job generated per day or per
    disk, a block pasted in a loop): each pair of them was listed before any was
    compared, so that 5,000 such jobs made twelve million pairs and took more than
    five minutes (10,000, fifty million, and the memory with them). Each job is now
    compared with the earlier ones only until one backs up its users, the one its
    warning names: doubling the jobs doubles the work, and the warnings are as
    before, each job's against the first."""
    base = MINIMAL.decode()

    def jobs(n: int) -> str:
        more = "".join(
            f"  job J{i:04d} {{\n    backup GUESTS full\n    include minidisk * *\n    to disk pool BKUPPOOL\n"
            f"    run on DEV{1 + i % 2} daily {10 + i // 60:02d}:{i % 60:02d}\n  }}\n"
            for i in range(n)
        )
        return base.replace("  job SYSFU {", more + "  job SYSFU {")

    small, large = _calls_to_check(jobs(150)), _calls_to_check(jobs(300))
    assert large < 2.2 * small, (small, large)
    said = [(d.code, d.span.line, d.message) for d in analyse("input.bkr", jobs(3).encode()).diagnostics]
    same = "backs up single-configuration users that job `GUESTFUL` also backs up at the same level (full)"
    assert said == [
        ("BKR405", 34, f"job `J0000` {same}: `LINUX01`, `LINUX02`"),
        (
            "BKR411",
            40,
            (
                "job `J0001` on `DEV2` backs up single-configuration users that job `GUESTFUL` also backs up on"
                " `DEV1`, which splits their backups between the two members: `LINUX01`, `LINUX02`"
            ),
        ),
        ("BKR405", 46, f"job `J0002` {same}: `LINUX01`, `LINUX02`"),
    ]


def test_thousands_of_jobs_at_one_minute_are_checked_in_linear_work():
    """Thousands of jobs that start at one minute on one member (BKR402 for each):
    the help of each, which looks for a free hour to start it at, read every job's
    run, so that 2,000 such jobs took over a minute to check. It now reads the jobs
    that start at each hour it tries: doubling the jobs doubles the work, and the
    help says what it said."""
    base = MINIMAL.decode()

    def jobs(n: int) -> str:
        more = "".join(
            f"  single group G{i:04d} {{ U{i:04d} }}\n  job J{i:04d} {{\n    backup G{i:04d} full\n"
            "    include minidisk * *\n    to disk pool BKUPPOOL\n    run on DEV1 daily 03:00\n  }\n"
            for i in range(n)
        )
        return base.replace("  job SYSFU {", more + "  job SYSFU {")

    small, large = _calls_to_check(jobs(150)), _calls_to_check(jobs(300))
    assert large < 2.2 * small, (small, large)
    helps = {d.message: d.help for d in analyse("input.bkr", jobs(2).encode()).diagnostics if d.code == "BKR402"}
    assert helps["jobs `J0000` and `J0001` both start at 03:00 on `DEV1`: that member's backup server gets both at once"] == (
        "stagger them: write `run on DEV1 daily 04:00` for `run on DEV1 daily 03:00` (line 45), so that J0001"
        " starts when J0000 is usually done"
    )


def test_thousands_of_groups_declared_twice_are_checked_in_linear_work():
    """Thousands of groups each declared twice (a module pasted in twice): each
    BKR321's fix, which deletes the repeat from the end of the statement before it,
    sorted every statement of the file again to find that statement. The sort is
    now made once for the check: doubling the groups doubles the work, and the fix
    deletes what it deleted."""
    base = MINIMAL.decode()

    def groups(n: int) -> str:
        more = "".join(f"  single group G{i:04d} {{ U{i:04d} }}\n  single group g{i:04d} {{ U{i:04d} }}\n" for i in range(n))
        return base.replace("  job GUESTFUL {", more + "  job GUESTFUL {")

    small, large = _calls_to_check(groups(300)), _calls_to_check(groups(600))
    assert large < 2.2 * small, (small, large)
    (d,) = [d for d in analyse("input.bkr", groups(1).encode()).diagnostics if d.code == "BKR321"]
    assert d.fix is not None and [(e.span.line, e.span.column, e.new_text) for e in d.fix.edits] == [(25, 31, "")]


def test_thousands_of_jobs_declared_twice_are_checked_in_linear_work():
    """Thousands of jobs each declared twice, the second in small letters (BKR323):
    the help of each looked for a free name by gathering every job's names again,
    and its fix sorted every statement of the cluster again, so that 5,000 such
    pairs took over three minutes. Both are now worked out once: doubling the jobs
    doubles the work, and the help names the same free name."""
    base = MINIMAL.decode()

    def jobs(n: int) -> str:
        job = "  job {} {{\n    backup GUESTS full\n    include minidisk * *\n    to disk pool BKUPPOOL\n    run on DEV1 daily {}\n  }}\n"
        more = "".join(job.format(f"J{i:04d}", "03:00") + job.format(f"j{i:04d}", "04:00") for i in range(n))
        return base.replace("  job SYSFU {", more + "  job SYSFU {")

    small, large = _calls_to_check(jobs(150)), _calls_to_check(jobs(300))
    assert large < 2.2 * small, (small, large)
    (d,) = [d for d in analyse("input.bkr", jobs(1).encode()).diagnostics if d.code == "BKR323"]
    assert d.help == "rename it: write `job J0000F` for `job j0000` (line 39), named J0000F on DEV1"


def _lines_to_check(text: str) -> int:
    """How many lines of Python `analyse` of `text` runs, its second (as `_calls_to_check`):
    the lines, not the calls, where the work that grows runs in a comprehension, one call."""
    import sys

    analyse("input.bkr", text.encode())
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        count += event == "line"
        return trace

    sys.settrace(trace)
    try:
        analyse("input.bkr", text.encode())
    finally:
        sys.settrace(None)
    return count


def test_thousands_of_disks_at_one_place_are_checked_in_linear_work():
    """Thousands of `disk` statements that place a minidisk at one place of one volume
    (`at 100` pasted with each): BKR246's help of each, the first free start after the
    extents it overlaps, read every extent of the volume again, so that 10,000 such
    statements took over four minutes to check. A start found is now kept for the
    volume: doubling the statements doubles the work, and the help says what it said."""
    base = MINIMAL.decode()

    def disks(n: int) -> str:
        more = "  shared-volume VMCOM1\n" + "".join(
            f"  disk BKRBKUP {0x200 + i:04X} size 10 cyl on VMCOM1 at 100\n" for i in range(n)
        )
        return base.replace("  catalog shared", more + "  catalog shared")

    small, large = _lines_to_check(disks(300)), _lines_to_check(disks(600))
    assert large < 2.2 * small, (small, large)
    helps = [d.help for d in analyse("input.bkr", disks(3).encode()).diagnostics if d.code == "BKR246"]
    assert helps == [
        f"write `at 110` for `at 100` (line {n}): BKRBKUP 0200 ends at 109, and 110-119 is free on `VMCOM1`;"
        " or leave out `at 100`, and bkrc places it"
        for n in (17, 18)
    ], helps


def test_thousands_of_full_and_incremental_jobs_of_one_group_are_checked_in_linear_work():
    """Thousands of full and incremental jobs of one group (BKR417 compares each
    incremental's includes with its full jobs'): each incremental gathered every full
    job of the group and their includes again. They are now gathered once for each
    group and members: doubling the jobs doubles the work, and an incremental that
    selects what no full job does is still told so."""
    base = MINIMAL.decode()

    def jobs(n: int, address: str = "*") -> str:
        job = "  job {} {{\n    backup APPS {}\n    include minidisk * {}\n    to disk pool BKUPPOOL\n    run on DEV1 daily {}\n  }}\n"
        more = "  single group APPS { APP01 }\n" + "".join(
            job.format(f"F{i:04d}", "full", "0191", f"{i // 60 % 24:02d}:{i % 60:02d}")
            + job.format(f"I{i:04d}", "incremental", address, f"{i // 60 % 24:02d}:{i % 60:02d}")
            for i in range(n)
        )
        return base.replace("  job SYSFU {", more + "  job SYSFU {")

    small, large = _lines_to_check(jobs(150, "0191")), _lines_to_check(jobs(300, "0191"))
    assert large < 2.2 * small, (small, large)
    codes = [d.code for d in analyse("input.bkr", jobs(2, "0200").encode()).diagnostics]
    assert codes.count("BKR417") == 2, codes


# --- h7 (stop 69)
def _identity_jobs(n: int, shared: str = "") -> str:
    """Minimal.bkr with `n` more IDENTITY jobs, each backing up a group of its own
    (`shared`: a user each group also holds)."""
    more = "".join(
        f"  identity group S{i:04d} {{ U{i:04d}{shared} }}\n  job I{i:04d} {{\n    backup S{i:04d} full\n"
        f"    include minidisk * 0191\n    to disk pool BKUPPOOL\n    run on each member daily {10 + i // 60:02d}:{i % 60:02d}\n  }}\n"
        for i in range(n)
    )
    return MINIMAL.decode().replace("  job SYSFU {", more + "  job SYSFU {")


def test_thousands_of_identity_jobs_sharing_no_users_are_checked_in_linear_work():
    """Thousands of IDENTITY jobs, each of its own group (a job generated per
    service machine): BKR410 compared each with every earlier one, so that 4,000
    such jobs took over three minutes to check. As BKR405 does, each is now
    compared only with the earlier jobs of a group, pattern or repeated ID in
    common: doubling the jobs doubles the work, and jobs that do share a user
    are still told so, each against the first."""
    small, large = _calls_to_check(_identity_jobs(150)), _calls_to_check(_identity_jobs(300))
    assert large < 2.2 * small, (small, large)
    said = [(d.code, d.span.line, d.message) for d in analyse("input.bkr", _identity_jobs(3, " TCPIP").encode()).diagnostics]
    assert said == [
        (
            "BKR410",
            line,
            f"job `{name}` backs up IDENTITY users that job `I0000` also backs up (full) on `DEV1` and `DEV2`: `TCPIP`",
        )
        for name, line in (("I0001", 42), ("I0002", 49), ("SYSFU", 55))
    ], said


def _disks_on_vmcom1(disks: list[tuple[str, str, int, int]]) -> str:
    """Minimal.bkr with a shared volume VMCOM1 and these (user, address, start, size) `disk` statements on it."""
    more = "  shared-volume VMCOM1\n" + "".join(
        f"  disk {user} {address} size {size} cyl on VMCOM1 at {start}\n" for user, address, start, size in disks
    )
    return MINIMAL.decode().replace("  catalog shared", more + "  catalog shared")


def test_a_staircase_of_disks_is_checked_in_linear_work():
    """Thousands of `disk` statements each a cylinder further on the volume than the
    last, so that each overlaps the one before and reaches past it: BKR246's help of
    each, the first free start after the extents it overlaps, read every extent of
    the volume after it again, once per extent it stepped over, so that 1,000 such
    statements took over two minutes to check. A step taken is now kept with the start
    it leads to: doubling the statements doubles the work, and the help says what it
    said (the free start is after the last extent of the staircase)."""

    def stairs(n: int) -> str:
        return _disks_on_vmcom1([("BKRBKUP", f"{0x200 + i:04X}", 100 + i, 10) for i in range(n)])

    small, large = _lines_to_check(stairs(150)), _lines_to_check(stairs(300))
    assert large < 2.2 * small, (small, large)
    helps = [d.help for d in analyse("input.bkr", stairs(3).encode()).diagnostics if d.code == "BKR246"]
    assert helps == [
        f"write `at {free}` for `at {start}` (line {line}): BKRBKUP {other} ends at {end}, and {free}-{free + 9} is"
        f" free on `VMCOM1`; or leave out `at {start}`, and bkrc places it"
        for start, line, other, end, free in ((101, 17, "0200", 109, 112), (102, 18, "0201", 110, 111))
    ], helps


def test_bkr246_helps_name_the_first_free_start_after_the_extents_overlapped():
    """BKR246's free start, worked out once per step for the volume, is the first start
    from the end of the furthest extent before it at which the disk meets no other
    extent: checked against every start tried, on random volumes (a worker pattern's
    statement is an extent per worker, which its help leaves out)."""
    import random
    import re

    rng = random.Random(69)
    for _ in range(40):
        disks = [
            ("BKRWRK*" if rng.random() < 0.1 else "BKRBKUP", f"{0x200 + i:04X}", rng.randrange(0, 60), rng.randrange(1, 12))
            for i in range(rng.randrange(2, 14))
        ]
        extents = [(start, start + size, address) for _, address, start, size in disks]
        for d in analyse("input.bkr", _disks_on_vmcom1(disks).encode()).diagnostics:
            if d.code != "BKR246" or not d.help.startswith("write `at "):
                continue
            free, ends = re.match(r"write `at (\d+)`.* ends at (\d+), and \d+-\d+ is free", d.help).groups()
            address = re.match(r"\S+ (\S+) \(", d.message).group(1)
            start, end, _ = next(e for e in extents if e[2] == address)
            size = end - start
            first = next(
                x
                for x in range(int(ends) + 1, 1000)
                if all(not (a < x + size and x < b) for a, b, other in extents if other != address)
            )
            assert int(free) == first, (disks, d.message, d.help)


def _full_and_incremental(full: list[str], incremental: list[str]) -> str:
    """Minimal.bkr with a group APPS { APP01 APP02 }, a full job F and an incremental job
    I of it, whose minidisk includes are `full` and `incremental` (owner and addresses)."""
    more = (
        "  single group APPS { APP01 APP02 }\n"
        + "".join(
            f"  job {name} {{\n    backup APPS {level}\n"
            + "".join(f"    include minidisk {sel}\n" for sel in sels)
            + f"    to disk pool BKUPPOOL\n    run on DEV1 daily {at}\n  }}\n"
            for name, level, sels, at in (("F", "full", full, "03:00"), ("I", "incremental", incremental, "04:00"))
        )
    )
    return MINIMAL.decode().replace("  job SYSFU {", more + "  job SYSFU {")


def test_thousands_of_includes_no_full_include_reaches_are_checked_in_linear_work():
    """An incremental job of thousands of minidisk includes, none of which its full
    job's thousands of includes reach (BKR417 for each): each was compared with every
    include of the full job, so that 2,500 of each took over four minutes to check.
    The full job's includes are now merged into ranges per owner once: doubling the
    includes doubles the work, and each unreached include is still told so."""

    def jobs(n: int) -> str:
        return _full_and_incremental([f"* {0x1000 + i:04X}" for i in range(n)], [f"* {0x8000 + i:04X}" for i in range(n)])

    small, large = _lines_to_check(jobs(200)), _lines_to_check(jobs(400))
    assert large < 2.2 * small, (small, large)
    lines = [d.span.line for d in analyse("input.bkr", jobs(3).encode()).diagnostics if d.code == "BKR417"]
    assert lines == [44, 45, 46], lines


def test_bkr417_is_said_of_the_includes_no_include_of_the_full_job_reaches():
    """Which includes of an incremental job BKR417 says no full include reaches, on
    random includes of owners `*`, IDs and patterns (the full job's merged per owner):
    those whose owner may share a user with no full include's whose addresses meet."""
    import random

    from bkrdsl.resolve.patterns import shared_id

    owners = ["*", "APP01", "APP02", "APP0*", "APP%2", "APP1*"]
    rng = random.Random(69)

    def include() -> tuple[str, list[tuple[int, int]]]:
        ranges = []
        for _ in range(rng.randrange(1, 3)):
            a = rng.randrange(0x100, 0x140)
            ranges.append((a, a + rng.randrange(0, 6)))
        return rng.choice(owners), ranges

    def written(owner: str, ranges) -> str:
        return owner + " " + " ".join(f"{a:04X}" if a == b else f"{a:04X}-{b:04X}" for a, b in ranges)

    checked = 0
    for _ in range(30):
        full = [include() for _ in range(rng.randrange(1, 6))]
        incremental = [include() for _ in range(rng.randrange(1, 6))]
        text = _full_and_incremental([written(*s) for s in full], [written(*s) for s in incremental])
        said = [d.span.line for d in analyse("input.bkr", text.encode()).diagnostics if d.code == "BKR417"]
        first = text.splitlines().index("    backup APPS incremental") + 2
        expected = [
            first + k
            for k, (owner, ranges) in enumerate(incremental)
            if not any(
                (o == "*" or owner == "*" or shared_id(o, owner) is not None)
                and any(a <= d and c <= b for a, b in ranges for c, d in theirs)
                for o, theirs in full
            )
        ]
        assert said == expected, text
        checked += len(expected)
    assert checked > 10, checked


# --- h10 (stop 69)
def _cluster_with(more: str) -> str:
    """Minimal.bkr with `more` (groups and jobs) before its IDENTITY job SYSFU."""
    return MINIMAL.decode().replace("  job SYSFU {", more + "  job SYSFU {")


def _job_of(name: str, backup: str, level: str, where: str, minute: int, includes=("* 0191",), excludes=()) -> str:
    return (
        f"  job {name} {{\n    backup {backup} {level}\n"
        + "".join(f"    include minidisk {s}\n" for s in includes)
        + "".join(f"    exclude minidisk {s}\n" for s in excludes)
        + f"    to disk pool BKUPPOOL\n    run on {where} daily {minute // 60:02d}:{minute % 60:02d}\n  }}\n"
    )


def _jobs_sharing_nothing(shape: str, n: int) -> str:
    """`n` jobs that back up no user in common, of one of four shapes: IDENTITY or
    single-configuration jobs that each name a user directly (`backup U0001`), and
    IDENTITY or single-configuration jobs of a group each, beside a job whose
    group's pattern matches a declared ID (`match TCPI*`, TCPIP; `match LINUX0*`)."""
    kind, how = shape.split("-")
    where = "each member" if kind == "identity" else "DEV1"
    if how == "direct":
        more = f"  {kind} group ALL {{ " + " ".join(f"U{i:04d}" for i in range(n)) + " }\n"
        more += "".join(_job_of(f"J{i:04d}", f"U{i:04d}", "full", where, 600 + i) for i in range(n))
    else:
        pattern = "TCPI*" if kind == "identity" else "LINUX0*"
        more = f"  {kind} group PATS {{ match {pattern} }}\n" + _job_of("PATS", "PATS", "full", where, 540)
        more += "".join(
            f"  {kind} group G{i:04d} {{ U{i:04d} }}\n" + _job_of(f"J{i:04d}", f"G{i:04d}", "full", where, 600 + i)
            for i in range(n)
        )
    return _cluster_with(more)


@pytest.mark.parametrize("shape", ["identity-direct", "identity-pattern", "single-direct", "single-pattern"])
def test_thousands_of_jobs_naming_users_directly_or_beside_a_pattern_are_checked_in_linear_work(shape):
    """Thousands of jobs that each name a user directly (`backup U0001`), or of a
    group each where one group's pattern matches a declared ID (`match TCPI*`, and
    TCPIP is SYSTEM's): BKR410 and BKR405 compared each job with every earlier one
    in these cases (1,000 IDENTITY jobs of a user each: 16 s to check). The
    earlier jobs are now found through the users they name and the patterns that
    match those: doubling the jobs doubles the work."""
    small, large = _calls_to_check(_jobs_sharing_nothing(shape, 150)), _calls_to_check(_jobs_sharing_nothing(shape, 300))
    assert large < 2.2 * small, (small, large)


def test_jobs_naming_users_directly_or_by_a_pattern_are_told_of_the_first_job_they_share_with():
    """The users a job names directly, its groups hold and its patterns match are
    still found in common with the first earlier job that backs them up."""
    more = (
        "  identity group NETS { match TCPI* }\n"
        "  identity group OWN { U0001 }\n"
        + _job_of("NETS", "NETS", "full", "each member", 600)
        + _job_of("OWN", "OWN", "full", "each member", 601)
        + _job_of("TCP", "TCPIP", "full", "each member", 602)
        + _job_of("U1", "U0001", "full", "each member", 603)
        + _job_of("LNX", "LINUX02", "full", "DEV1", 604)
    )
    said = [
        (d.code, d.message)
        for d in analyse("input.bkr", _cluster_with(more).encode()).diagnostics
        if d.code in ("BKR405", "BKR410")
    ]
    assert said == [
        (
            "BKR410",
            "job `TCP` backs up IDENTITY users that job `NETS` also backs up (full) on `DEV1` and `DEV2`: `TCPIP`",
        ),
        ("BKR410", "job `U1` backs up IDENTITY users that job `OWN` also backs up (full) on `DEV1` and `DEV2`: `U0001`"),
        (
            "BKR405",
            (
                "job `LNX` backs up single-configuration users that job `GUESTFUL` also backs up at the same level"
                " (full): `LINUX02`"
            ),
        ),
        (
            "BKR410",
            "job `SYSFU` backs up IDENTITY users that job `NETS` also backs up (full) on `DEV1` and `DEV2`: `TCPIP`",
        ),
    ], said


def test_bkr405_and_bkr410_say_what_comparing_every_pair_of_jobs_says(monkeypatch):
    """On random clusters of groups that share IDs, patterns, and jobs that name
    users directly, at both levels, on one member or each: BKR405, BKR410 and
    BKR411 as when each job is compared with every earlier one."""
    import random

    from bkrdsl.check import coverage

    rng = random.Random(69)
    ids = [f"U{i:02d}" for i in range(1, 9)]
    patterns = ["U0*", "U%1", "U0%", "V*", "U*2"]

    def cluster() -> str:
        more = ""
        for kind in ("identity", "single"):
            groups = [f"{kind[0].upper()}G{g}" for g in range(rng.randrange(1, 4))]
            for g in groups:
                entries = rng.sample(ids, rng.randrange(0, 4)) + [f"match {p}" for p in rng.sample(patterns, rng.randrange(0, 2))]
                more += f"  {kind} group {g} {{ {' '.join(entries) or ids[0]} }}\n"
            for j in range(rng.randrange(2, 7)):
                refs = rng.sample(groups + ids, rng.randrange(1, 3))
                where = rng.choice(["DEV1", "DEV2"] + (["each member"] if kind == "identity" else []))
                level = rng.choice(["full", "full", "incremental"])
                includes = rng.choice([("* 0191",), ("* *",), ("U0* 0191", "* 0200")])
                excludes = rng.choice([(), (), ("U01 0191",)])
                more += _job_of(f"{kind[0].upper()}J{j}", ", ".join(refs), level, where, rng.randrange(60, 120), includes, excludes)
        return _cluster_with(more)

    def said(text: str) -> list[tuple[str, int, str]]:
        found = analyse("input.bkr", text.encode()).diagnostics
        return [(d.code, d.span.line, d.message) for d in found if d.code in ("BKR405", "BKR410", "BKR411")]

    told = 0
    for _ in range(60):
        text = cluster()
        indexed = said(text)
        with monkeypatch.context() as m:
            m.setattr(coverage, "_earlier_naming_users_in_common", lambda *args: range)
            assert said(text) == indexed, text
        told += len(indexed)
    assert told > 40, told


def _includes_and_excludes(n: int) -> str:
    """Minimal.bkr with a full job F of `n` minidisk includes and an incremental job I
    of `n` includes F does not reach and `n` excludes, each taking half of one
    include out, of owners `*`, an ID and a pattern (BKR417 for each include of I)."""
    owners = ("APP01", "APP0*", "*")
    more = "  single group APPS { APP01 APP02 }\n"
    more += _job_of("F", "APPS", "full", "DEV1", 180, [f"APP0* {0x1000 + i:04X}" for i in range(n)])
    more += _job_of(
        "I",
        "APPS",
        "incremental",
        "DEV1",
        240,
        [f"{owners[i % 3]} {0x8000 + 2 * i:04X}-{0x8001 + 2 * i:04X}" for i in range(n)],
        [f"{(*owners, 'APP02')[i % 4]} {0x8000 + 2 * i:04X}" for i in range(n)],
    )
    return _cluster_with(more)


def _includes_excluded_whole(n: int) -> str:
    """Minimal.bkr with a full job F of `n` minidisk includes, each of which its
    excludes remove whole: one wide exclude, `* 8000-FFFF`, and `n` narrow ones
    (BKR415 for each include, naming the excludes that meet it)."""
    more = "  single group APPS { APP01 APP02 }\n"
    more += _job_of(
        "F",
        "APPS",
        "full",
        "DEV1",
        180,
        ["* 0191"] + [f"* {0x8000 + 2 * i:04X}-{0x8001 + 2 * i:04X}" for i in range(n)],
        ["* 8000-FFFF"] + [f"* {0x8000 + 4 * i:04X}" for i in range(n)],
    )
    return _cluster_with(more)


@pytest.mark.parametrize("shape", ["unreached", "excluded"])
def test_thousands_of_includes_and_excludes_of_a_job_are_checked_in_linear_work(shape):
    """A job of thousands of minidisk includes and thousands of excludes: BKR415
    and BKR417 read every exclude again for each include (whether they remove all
    of it), and BKR413 every include again for each exclude (whether it removes
    anything), so that 1,000 of each took 15 s to check. The excludes are now read
    once per job, their ranges merged per owner (and, for an include they do
    remove whole, searched for the ones that meet it), and the includes' ranges
    merged once: doubling both doubles the work. Each include of I that F does not
    reach is still told so, and each include removed whole by which excludes."""
    make = _includes_and_excludes if shape == "unreached" else _includes_excluded_whole
    small, large = _lines_to_check(make(200)), _lines_to_check(make(400))
    assert large < 2.2 * small, (small, large)
    said = [(d.code, d.span.line, d.message) for d in analyse("input.bkr", make(3).encode()).diagnostics]
    if shape == "unreached":
        assert [(code, line) for code, line, _ in said] == [("BKR417", 44), ("BKR417", 45), ("BKR417", 46)], said
        return
    wide = "`exclude minidisk * 8000-FFFF`"
    assert [(line, message) for code, line, message in said if code == "BKR415"] == [
        (
            37 + i,
            f"`include minidisk * {0x8000 + 2 * i:04X}-{0x8001 + 2 * i:04X}` selects nothing that job `F` backs up: "
            + (f"{wide} and `exclude minidisk * {0x8000 + 2 * i:04X}` remove" if i != 1 else f"{wide} removes")
            + " all of it",
        )
        for i in range(3)
    ], said


def test_bkr413_bkr415_and_bkr417_say_what_reading_every_exclude_for_each_include_says(monkeypatch):
    """BKR413, BKR415, BKR417 and BKR407 on random jobs of minidisk and SFS includes
    and excludes of owners `*`, IDs and patterns, as when each include is compared
    with every exclude and each exclude with every include (the checks before the
    excludes and includes were read once per job, kept here)."""
    import random

    from bkrdsl import ast
    from bkrdsl.check import coverage as c

    def removers(inc, excludes):
        # `_removers` as it was: every exclude read for each include.
        if c._owner_unread(inc):
            return []
        same = [x for x in excludes if x.medium is inc.medium and not c._owner_unread(x)]
        if inc.medium is ast.Medium.SFS:
            paths = [i.upper for i in inc.items]
            if not paths or any(c.sfs_path_problem(p) for p in paths):
                return []
            found = [x for x in same if any(c._path_covers(w.upper, p) for w in x.items for p in paths)]
            if not all(any(c._path_covers(w.upper, p) for x in found for w in x.items) for p in paths):
                return []
            return found
        ranges = c.selection_ranges(inc)
        if not ranges:
            return []
        owner = inc.owner.upper if inc.owner is not None else "*"
        found = []
        for x in same:
            removed = c.selection_ranges(x)
            x_owner = x.owner.upper if x.owner is not None else "*"
            if removed and c._owner_covers(x_owner, owner) and c._ranges_meet(removed, ranges):
                found.append((x, removed))
        if not found or not c._covered(ranges, [r for _, rs in found for r in rs]):
            return []
        return [x for x, _ in found]

    class EveryExclude:
        def __init__(self, excludes):
            self.excludes = list(excludes)

        def removers(self, inc):
            return removers(inc, self.excludes)

    def every_include(exclude, read):
        # `_nothing_removed` as it was, over the includes themselves (`every_read` passes them).
        same = [i for i in read.addresses if i.medium is exclude.medium]
        if not same:
            return f"the job includes no {c._medium_words(exclude.medium)}"
        if exclude.medium is not ast.Medium.MINIDISK:
            return None
        removed = c.selection_ranges(exclude)
        selected = [c.selection_ranges(i) for i in same]
        if removed is None or None in selected or any(c._ranges_meet(removed, r) for r in selected):
            return None
        return "none of its addresses is among those the job's minidisk includes select"

    read_once = c._includes_read

    def every_read(model, job):
        return read_once(model, job)._replace(addresses=job.includes)

    rng = random.Random(69)
    owners = ["*", "APP01", "APP02", "APP0*", "APP%2", "APP1*"]

    def selection() -> str:
        if rng.random() < 0.15:
            return "sfs " + " ".join(
                f"BKRPOOL:{rng.choice(['*', 'APP01', 'APP0*'])}.{rng.choice(['DATA', 'LOGS', '*'])}"
                for _ in range(rng.randrange(1, 3))
            )
        ranges = []
        for _ in range(rng.randrange(1, 3)):
            a = rng.randrange(0x100, 0x130)
            b = a + rng.randrange(0, 6)
            ranges.append(f"{a:04X}" if a == b else f"{a:04X}-{b:04X}")
        return f"minidisk {rng.choice(owners)} " + " ".join(ranges)

    def job(name: str, level: str, minute: int) -> str:
        includes = [selection() for _ in range(rng.randrange(1, 6))]
        excludes = [selection() for _ in range(rng.randrange(0, 7))]
        return (
            f"  job {name} {{\n    backup APPS {level}\n"
            + "".join(f"    include {s}\n" for s in includes)
            + "".join(f"    exclude {s}\n" for s in excludes)
            + f"    to disk pool BKUPPOOL\n    run on DEV1 daily {minute // 60:02d}:{minute % 60:02d}\n  }}\n"
        )

    codes = ("BKR407", "BKR413", "BKR415", "BKR417")

    def said(text: str) -> list[tuple[str, int, str, str]]:
        found = analyse("input.bkr", text.encode()).diagnostics
        return [(d.code, d.span.line, d.message, d.help) for d in found if d.code in codes]

    told: dict[str, int] = dict.fromkeys(codes, 0)
    for _ in range(80):
        text = _cluster_with("  single group APPS { APP01 APP02 }\n" + job("F", "full", 180) + job("I", "incremental", 240))
        once = said(text)
        with monkeypatch.context() as m:
            m.setattr(c, "_Removers", EveryExclude)
            m.setattr(c, "_nothing_removed", every_include)
            m.setattr(c, "_includes_read", every_read)
            assert said(text) == once, text
        for code, *_ in once:
            told[code] += 1
    assert told["BKR407"] >= 1 and min(told[code] for code in codes[1:]) >= 20, told


# stop 70, h1: check paths still quadratic on hostile files
def _excludes_of_other_owners(n: int, pattern: bool) -> str:
    """Minimal.bkr with a job of a group of `n` users and `n` excludes of owners that
    are none of them (`Z00001` or `Z00001*`, BKR406 each), at addresses its include
    does not select (so that BKR413 asks whether the owner is one of its users)."""
    more = "  single group BIG { " + " ".join(f"B{i:05d}" for i in range(n)) + " }\n"
    star = "*" if pattern else ""
    more += _job_of("F", "BIG", "full", "DEV1", 180, ["* 0191"], [f"Z{i:05d}{star} {0x9000 + i:04X}" for i in range(n)])
    return _cluster_with(more)


def test_thousands_of_excludes_of_owners_a_large_group_does_not_hold_are_checked_in_linear_work(monkeypatch):
    """BKR413 asked of each exclude whether its owner is one of the job's users
    (`_owner_not_backed_up`) by making a set of the job's IDs again, and of an
    owner pattern BKR413 and BKR406 matched it against each ID: a group of
    thousands of users and thousands of such excludes were quadratic. The job's
    users are now read once per job, and a pattern is searched for among the IDs
    that start with its literal beginning: its IDs are asked for once, and
    doubling both doubles the lines run. Each exclude is still BKR406's alone."""
    from bkrdsl.resolve.model import Model

    small, large = _lines_to_check(_excludes_of_other_owners(200, True)), _lines_to_check(_excludes_of_other_owners(400, True))
    assert large < 2.2 * small, (small, large)
    asked = 0
    ids_of = Model.job_user_ids

    def counted(self, job):
        nonlocal asked
        asked += 1
        return ids_of(self, job)

    monkeypatch.setattr(Model, "job_user_ids", counted)
    calls = []
    for n in (200, 400):
        asked = 0
        analyse("input.bkr", _excludes_of_other_owners(n, False).encode())
        calls.append(asked)
    assert calls[1] - calls[0] < 20, calls
    for pattern in (False, True):
        said = [(d.code, d.span.line, d.message) for d in analyse("input.bkr", _excludes_of_other_owners(3, pattern).encode()).diagnostics]
        star = "*" if pattern else ""
        owner = "owner pattern `Z{:05d}*` matches none of the users job `F` backs up" if pattern else "job `F` does not back up `Z{:05d}`"
        assert said == [("BKR406", 37 + i, owner.format(i) + ", so this exclude selects nothing") for i in range(3)], (star, said)


def _job_of_selections(includes, excludes, name: str = "F") -> str:
    """Minimal.bkr with job `name` of group APPS (APP01, APP02) of these includes and
    excludes, written whole (`minidisk * 1000`, `sfs BKRPOOL:APP01.DATA`)."""
    return _cluster_with(
        "  single group APPS { APP01 APP02 }\n"
        f"  job {name} {{\n    backup APPS full\n"
        + "".join(f"    include {s}\n" for s in includes)
        + "".join(f"    exclude {s}\n" for s in excludes)
        + "    to disk pool BKUPPOOL\n    run on DEV1 daily 03:00\n  }\n"
    )


def _each_removed_by_its_own(n: int, medium: str) -> str:
    """A job of `n` includes, each of which its own exclude removes whole (BKR407):
    minidisk addresses of owner `*`, or SFS directories of APP01 and APP02
    removed by excludes of owners `*`, `APP0*` and the user itself."""
    if medium == "minidisk":
        return _job_of_selections([f"minidisk * {0x1000 + i:04X}" for i in range(n)], [f"minidisk * {0x1000 + i:04X}" for i in range(n)])
    owners = ("*", "APP0*", "APP01", "APP02")
    return _job_of_selections(
        [f"sfs BKRPOOL:APP0{1 + i % 2}.D{i:05d}" for i in range(n)],
        [f"sfs BKRPOOL:{owners[i % 4]}.D{i:05d}" for i in range(n)],
    )


@pytest.mark.parametrize("medium", ["minidisk", "sfs"])
def test_a_job_whose_every_include_its_own_exclude_removes_is_checked_in_linear_work(medium):
    """BKR407's help names the exclude whose deletion alone leaves something of
    every include (`_excludes_all_help`): it read the excludes but one, and every
    include again, for each of the job's excludes, and an SFS include's paths
    were compared with every SFS exclude's: 1,000 minidisk pairs took 9 s to
    check, 1,000 SFS pairs 75 s. The excludes each include needs alone are now
    found in one reading (`_needed_alone`), and an SFS path is compared with the
    exclude paths that may remove it only (`_ExcludedPaths`): doubling the
    pairs doubles the lines run. The help says what it said."""
    small, large = _lines_to_check(_each_removed_by_its_own(200, medium)), _lines_to_check(_each_removed_by_its_own(400, medium))
    assert large < 2.2 * small, (small, large)
    first = "minidisk * 1000" if medium == "minidisk" else "sfs BKRPOOL:*.D00000"
    inc_first = "minidisk * 1000" if medium == "minidisk" else "sfs BKRPOOL:APP01.D00000"
    second = "minidisk * 1001" if medium == "minidisk" else "sfs BKRPOOL:APP0*.D00001"
    inc_second = "minidisk * 1001" if medium == "minidisk" else "sfs BKRPOOL:APP02.D00001"
    helps = {}
    for n in (1, 2, 4):
        (d,) = [d for d in analyse("input.bkr", _each_removed_by_its_own(n, medium).encode()).diagnostics if d.code == "BKR407"]
        helps[n] = d.help
    assert helps[1] == (
        f"delete `exclude {first}` (line 37): it takes out all that `include {inc_first}` (line 36) selects;"
        " or widen the include to what the excludes leave"
    ), helps
    assert helps[2] == (
        f"delete `exclude {first}` (line 38) and `exclude {second}` (line 39): they take out all that"
        f" `include {inc_first}` (line 36) and `include {inc_second}` (line 37) select; or widen the include to what the excludes leave"
    ), helps
    assert helps[4] == "narrow the exclude, or widen the include", helps


def test_bkr407s_help_names_the_excludes_deleting_every_other_exclude_named(monkeypatch):
    """`_needed_alone` against what its every-exclude reading found (the excludes
    but one read again for each of the job's excludes, kept here), on random jobs
    of minidisk and SFS includes and excludes of owners `*`, IDs and patterns,
    overlapping ranges, excludes written twice and includes copied as excludes."""
    import random

    from bkrdsl.check import coverage as c

    rng = random.Random(70)
    owners = ["*", "APP01", "APP02", "APP0*", "APP%2", "APP1*"]

    def selection() -> str:
        if rng.random() < 0.3:
            return "sfs " + " ".join(
                f"BKRPOOL:{rng.choice(['*', 'APP01', 'APP02', 'APP0*'])}.{rng.choice(['DATA', 'LOGS', '*'])}"
                for _ in range(rng.randrange(1, 3))
            )
        ranges = []
        for _ in range(rng.randrange(1, 3)):
            a = rng.randrange(0x100, 0x110)
            b = a + rng.randrange(0, 5)
            ranges.append(f"{a:04X}" if a == b else f"{a:04X}-{b:04X}")
        return f"minidisk {rng.choice(owners)} " + " ".join(ranges)

    needed_alone = c._needed_alone
    compared = {"told": 0, "named": 0}

    def both(excludes, own, includes, written):
        found = needed_alone(excludes, own, includes, written)

        def leaves_each(deleted) -> bool:
            kept = c._removals([x for x in excludes if all(x is not e for e in deleted)])
            return not any(c._include_removed(i, o, kept) for i, o in zip(includes, written))

        every = [e for e in own if leaves_each([e])]
        assert [id(e) for e in found] == [id(e) for e in every], ([c._selection_text(e) for e in found], [c._selection_text(e) for e in every])
        compared["told"] += 1
        compared["named"] += bool(every)
        return found

    monkeypatch.setattr(c, "_needed_alone", both)
    for _ in range(300):
        includes = [selection() for _ in range(rng.randrange(1, 4))]
        excludes = (list(includes) if rng.random() < 0.5 else []) + [selection() for _ in range(rng.randrange(0, 5))]
        rng.shuffle(excludes)
        analyse("input.bkr", _job_of_selections(includes, excludes).encode())
    assert compared["told"] >= 100 and compared["named"] >= 30, compared


def test_sfs_exclude_paths_found_for_a_path_are_those_that_remove_it():
    """`_ExcludedPaths.covering` asks only the exclude paths that may remove a path
    (of its pool and depth; without wildcards, of its owner or directories): the
    same as asking every one of them (`_path_covers`), on random paths with
    wildcards in owners and directories, other pools, depths and malformed ones."""
    import random

    from bkrdsl.check import coverage as c

    rng = random.Random(70)

    def path() -> str:
        if rng.random() < 0.05:
            return rng.choice(["APP01.DATA", "BKRPOOL:", "BKRPOOL:APP01", ":APP01.DATA"])
        pool = rng.choice(["BKRPOOL:", "BKRPOOL:", "OTHER:"])
        owner = rng.choice(["*", "APP01", "APP02", "APP0*", "APP%2", "A*1"])
        dirs = "".join("." + rng.choice(["DATA", "LOGS", "*", "D%TA", "L*"]) for _ in range(rng.randrange(0, 3)))
        return pool + owner + dirs

    asked = found = 0
    for _ in range(300):
        excludes = [path() for _ in range(rng.randrange(0, 8))]
        index = c._ExcludedPaths(excludes)
        for _ in range(6):
            p = path()
            every = [k for k, x in enumerate(excludes) if c._path_covers(x, p)]
            assert index.covering(p) == every, (p, excludes)
            asked += 1
            found += bool(every)
    assert found > 200, (asked, found)


@pytest.mark.parametrize("shape", ["apart", "own"])
def test_thousands_of_sfs_includes_and_sfs_excludes_are_checked_in_linear_work(shape):
    """Thousands of SFS includes beside thousands of SFS excludes: BKR415
    (`_Removers.removers`) and BKR407 (`_path_removed`) compared each include
    path with every exclude path (1,000 of each, each include removed by its own
    exclude: 30 s to check). Only the exclude paths that may remove a path are
    compared with it now: doubling both doubles the lines run. Excludes of
    another user's directories remove nothing; each include removed by its own
    exclude is still BKR415's, naming it."""

    def job(n: int) -> str:
        includes = [f"sfs BKRPOOL:APP01.D{i:05d}" for i in range(n)] + ["minidisk * 0191"]
        other = "APP02" if shape == "apart" else "APP01"
        return _job_of_selections(includes, [f"sfs BKRPOOL:{other}.D{i:05d}" for i in range(n)])

    small, large = _lines_to_check(job(200)), _lines_to_check(job(400))
    assert large < 2.2 * small, (small, large)
    said = [(d.code, d.span.line, d.message) for d in analyse("input.bkr", job(3).encode()).diagnostics]
    if shape == "apart":
        assert said == [], said
        return
    assert said == [
        (
            "BKR415",
            36 + i,
            (
                f"`include sfs BKRPOOL:APP01.D{i:05d}` selects nothing that job `F` backs up:"
                f" `exclude sfs BKRPOOL:APP01.D{i:05d}` removes all of it"
            ),
        )
        for i in range(3)
    ], said


def _jobs_of_star_patterns(kind: str, n: int, patterns=()) -> str:
    """`n` jobs of `kind`, each of a group of one pattern that starts with `*`
    (`match *Q0001`), sharing no user; then a job for each of `patterns`."""
    where = "each member" if kind == "identity" else "DEV1"
    pats = [f"*Q{i:04d}" for i in range(n)] + list(patterns)
    more = "".join(f"  {kind} group G{i:04d} {{ match {p} }}\n" for i, p in enumerate(pats))
    more += "".join(_job_of(f"J{i:04d}", f"G{i:04d}", "full", where, 300 + i % 600) for i in range(len(pats)))
    return _cluster_with(more)


@pytest.mark.parametrize("kind", ["single", "identity"])
def test_thousands_of_jobs_of_patterns_starting_with_a_star_are_checked_in_linear_work(kind):
    """BKR405 and BKR410 pair jobs whose patterns may share an ID through the
    patterns' literal beginnings (`pairs_that_may_share`): patterns that start
    with `*` have none, so every pair of them was tried (1,000 jobs of
    `match *Q0001`, `*Q0002`, ...: 59 s to check). Their literal ends are
    asked as well now, through the ends where the beginnings are empty:
    doubling the jobs doubles the lines run. Jobs whose patterns do share users
    are still told so."""
    small, large = _lines_to_check(_jobs_of_star_patterns(kind, 150)), _lines_to_check(_jobs_of_star_patterns(kind, 300))
    assert large < 2.2 * small, (small, large)
    code, told = ("BKR405", "single-configuration users") if kind == "single" else ("BKR410", "IDENTITY users")
    said = [
        (d.code, d.message.split(" that ")[0], d.message.rsplit(": ", 1)[1])
        for d in analyse("input.bkr", _jobs_of_star_patterns(kind, 2, ["*0001", "*Q*"]).encode()).diagnostics
        if d.code in ("BKR405", "BKR410")
    ]
    assert said == [
        (code, f"job `J0002` backs up {told}", "pattern `*Q0001`"),
        (code, f"job `J0003` backs up {told}", "pattern `*Q0000`"),
    ], said


# stop 70, h13: a file with a NUL and bytes that are not UTF-8 gets both errors
# It said the NUL only (BKR001), and BKR002 came after the NUL was removed: two
# problems, each with its own cause and fix, now said at once, each at its first
# place, in file order, with either parser (the reader runs before both).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("data", "found"), [
    (b"cluster X {\n  # a\x00b\n  # \xff\n}\n", [("BKR001", 2, 6), ("BKR002", 3, 5)]),
    (b"cluster X {\n  # \xe9\xff\n  # a\x00b\x00\n}\n", [("BKR002", 2, 5), ("BKR001", 3, 6)]),
    (b"\x00\xff" * 1000, [("BKR001", 1, 1), ("BKR002", 1, 2)]),
    # one kind alone: one error, as before
    (b"cluster X {\n  # a\x00b\x00\n}\n", [("BKR001", 2, 6)]),
    (b"cluster X {\n  # \xff\xfe\n}\n", [("BKR002", 2, 5)]),
])
def test_a_nul_and_bytes_not_utf8_are_each_said_once(data, found, parser, monkeypatch):
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    said = analyse("x.bkr", data).diagnostics
    assert [(d.code, d.span.line, d.span.column) for d in said] == found
    assert all(d.help and d.fix is None for d in said)


def test_bkrc_check_says_both_errors_of_a_file_with_a_nul_and_a_bad_byte(tmp_path):
    path = tmp_path / "both.bkr"
    path.write_bytes(b"cluster X {\n  # a\x00b\n  # \xff\n}\n")
    out = run_cli(["check", path], expect=1).output
    assert "error[BKR001]: the file contains a NUL byte at line 2, column 6" in out
    assert f" --> {path}:3:5" in out and "error[BKR002]: byte 0xFF at line 3, column 5" in out
    assert out.rstrip().endswith("2 errors"), out


# stop 71, h1: a job's few owner patterns are searched for in its IDs unsorted
def test_a_few_owner_patterns_are_searched_for_without_sorting_the_job_ids():
    """`_JobUsers.any_matched_by` (BKR413, BKR414, BKR406's owners) searched for
    every pattern among the job's IDs sorted, their line ends counted in a
    Python loop: the bench file's two searches in jobs of thousands of users
    paid for the sort each (stop 70's 2.7%). The first `_SEARCHES` patterns are
    searched for in the IDs as they come, the next among those that start with
    their literal beginning (the hostile files' thousands of patterns); the
    answers are those of matching each ID, before and after the switch."""
    from bkrdsl.check.coverage import _SEARCHES, _JobUsers
    from bkrdsl.resolve.model import pattern_regex

    ids = (*(f"B{i:05d}" for i in range(3000, 0, -1)), "LNX01", "APP7", "QZ")
    owners = ["Z*", "B0000%", "*7", "LNX*", "B01*", "Q%", "*", "B%%%%%", "APP?", "LNX0*1", "A*", "XYZ*", "B3*", "B30001"]
    users = _JobUsers(ids, [])
    for n, owner in enumerate(owners * 2):
        assert users.any_matched_by(owner) == any(pattern_regex(owner).match(i) for i in ids), owner
        assert (users._sorted is None) == (n < _SEARCHES), n
    assert not _JobUsers((), []).any_matched_by("*")
