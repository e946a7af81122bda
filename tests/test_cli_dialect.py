"""`bkrc dialect`: the built-in dialect table printed, and a site table's changes to it.

The docs told a site to `cp bkrdsl/dialect/backup-manager-1.3.toml`, a path
that exists only in a source checkout: after `pip install` no command said
where the table was. `bkrc dialect > site-dialect.toml` is the way now, so
what it prints must be the packaged file itself, and an unedited copy must
compile what no `--dialect` compiles.
"""

from __future__ import annotations

import json
import random
import re

import pytest
from conftest import EXAMPLES, ROOT, run_cli

from bkrdsl.dialect import DIALECT_DIR, builtin_path

BUILTIN = DIALECT_DIR / "backup-manager-1.3.toml"


def printed_copy(tmp_path):
    table = tmp_path / "site-dialect.toml"
    table.write_bytes(run_cli(["dialect"], expect=0).stdout_bytes)
    return table


def test_dialect_prints_the_packaged_table_byte_for_byte():
    result = run_cli(["dialect"], expect=0)
    assert builtin_path() == BUILTIN
    assert result.stdout_bytes == BUILTIN.read_bytes()
    assert result.stderr == ""


def test_a_printed_copy_compiles_byte_identical_files(tmp_path):
    table = printed_copy(tmp_path)
    source = EXAMPLES / "prodssi.bkr"
    run_cli(["compile", source, "-o", tmp_path / "builtin"], expect=0)
    run_cli(["compile", source, "-o", tmp_path / "site", "--dialect", table], expect=0)

    def files(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    builtin, site = files(tmp_path / "builtin"), files(tmp_path / "site")
    assert len(builtin) > 10
    # every file but the manifest, which says which table made them: the same text
    # (sha256), read from a site's file rather than the built-in one
    mine, theirs = json.loads(builtin.pop("manifest.json")), json.loads(site.pop("manifest.json"))
    assert site == builtin
    assert (mine["dialect"]["table"], theirs["dialect"]["table"]) == ("built-in", "site")
    assert theirs["dialect"]["file"] == "site-dialect.toml"
    assert mine["dialect"]["sha256"] == theirs["dialect"]["sha256"]
    for key in ("table", "file"):
        del mine["dialect"][key], theirs["dialect"][key]
    assert mine == theirs


def test_changes_of_an_unedited_copy_are_none(tmp_path):
    table = printed_copy(tmp_path)
    result = run_cli(["dialect", "--changes", table], expect=0)
    assert result.stdout == f"{table}: no changes against the built-in table (IBM Backup and Restore Manager for z/VM 1.3)\n"
    document = json.loads(run_cli(["dialect", "--changes", table, "--format", "json"], expect=0).stdout)
    assert document["changes"] == [] and document["against"]["release"] == "1.3"
    # Versioned as every JSON document of bkrc is: it was the only one without.
    assert next(iter(document)) == "format_version" and document["format_version"] == "1"


def edited(tmp_path):
    """A site's copy with a value, a status, a note, a machine's storage and
    statement, a unit's devtype changed, and an entry added (misspelt)."""
    text = BUILTIN.read_text(encoding="utf-8")
    for old, new in [
        ('value = "autov"', 'value = "sequential"'),
        ('[entries.review_verb]\nvalue = "REVIEW {job}"\nstatus = "assumed"',
         '[entries.review_verb]\nvalue = "REVIEW {job}"\nstatus = "confirmed"'),
        ('[entries.template_comment]\nvalue = "*"\nstatus = "assumed"\nnote = "',
         '[entries.template_comment]\nvalue = "*"\nstatus = "assumed"\nnote = "Checked at our site. '),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    text += '\n[entries.disk_alocation]\nvalue = "sequential"\n'
    table = tmp_path / "site-dialect.toml"
    table.write_text(text, encoding="utf-8")
    return table


def test_changes_lists_each_value_status_and_note_a_site_changes(tmp_path):
    table = edited(tmp_path)
    result = run_cli(["dialect", "--changes", table], expect=0)
    assert result.stdout.splitlines() == [
        f"{table}: 4 changes in 4 items against the built-in table (IBM Backup and Restore Manager for z/VM 1.3)",
        'entry review_verb: status "assumed" -> "confirmed"',
        'entry template_comment: note: added "Checked at our site.", at its start',
        'entry disk_allocation: value "autov" -> "sequential"',
        'entry disk_alocation: an entry bkrc does not read (a misspelt name?): "sequential"',
    ]
    assert result.stderr == ""
    document = json.loads(run_cli(["dialect", "--changes", table, "--format", "json"], expect=0).stdout)
    assert document["table"] == str(table)
    assert document["changes"][0] == {
        "item": "entry review_verb", "field": "status", "builtin": "assumed", "site": "confirmed"
    }
    assert document["changes"][-1] == {
        "item": "entry disk_alocation", "field": "added", "builtin": None, "site": "sequential"
    }


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        # only "note changed" was said: what changed was in the JSON alone
        ("Assumed from the manual.", "Assumed from the manual. Checked on VMSYS1.",
         ['note: added "Checked on VMSYS1.", at its end']),
        ("The rc is 45 when the user is not logged on.", "The rc is 57 when the user is not logged on.",
         ['note: "45" -> "57", after "The rc is"']),
        ("Seen in APAR PM56778 and PH50490.", "Seen in APAR PH50490.",
         ['note: removed "PM56778 and", after "Seen in APAR"']),
        ("", "Checked at our site.", ['note "" -> "Checked at our site."']),
        ("a b c d e f g h i j", "A b C d E f G h I j",
         ['note was "a b c d e f g h i j"', 'note is "A b C d E f G h I j"']),
    ],
)
def test_a_changed_note_shows_what_changed(old, new, shown):
    from bkrdsl.dialect import load_dialect
    from bkrdsl.dialect.changes import Change, note_changes, text

    assert note_changes(old, new) == shown
    out = text([Change("entry review_verb", "note", old, new)], "site.toml", load_dialect())
    assert out.splitlines()[1:] == [f"entry review_verb: {line}" for line in shown]


def test_changes_lists_machines_and_units(tmp_path):
    from bkrdsl.dialect import load_dialect
    from bkrdsl.dialect.changes import changes, text

    builtin = load_dialect()
    worker = builtin.machines["worker"]
    site_text = BUILTIN.read_text(encoding="utf-8")
    first = worker.statements[0]
    section = site_text[site_text.index("[machines.worker]"):]
    section = section[: section.index("\n[", 1)]
    changed = section.replace(f'storage = "{worker.storage}"', 'storage = "1M"', 1).replace(
        json.dumps(first), json.dumps(first + " "), 1
    )
    assert changed != section
    site_text = site_text.replace(section, changed)
    site_file = tmp_path / "site.toml"
    site_file.write_text(site_text, encoding="utf-8")
    found = changes(builtin, load_dialect(path=str(site_file)))
    assert {(c.item, c.field) for c in found} == {("machines.worker", "storage"), ("machines.worker", "statements")}
    shown = text(found, "site.toml", builtin)
    assert f'machines.worker: storage "{worker.storage}" -> "1M"' in shown
    assert f"machines.worker: statement removed: {json.dumps(first)}" in shown
    assert f"machines.worker: statement added: {json.dumps(first + ' ')}" in shown


def test_a_table_bkrc_refuses_is_exit_2_with_its_place_in_the_table(tmp_path):
    table = tmp_path / "site-dialect.toml"
    text = BUILTIN.read_text(encoding="utf-8").replace('value = "autov"', 'value = "dirmaint"')
    table.write_text(text)
    result = run_cli(["dialect", "--changes", table], expect=2)
    assert result.stdout == ""
    line = text[: text.index('value = "dirmaint"')].count("\n") + 1
    assert result.stderr.startswith(
        "error[BKR601]: the dialect table cannot be used: entry disk_allocation: must be one of autov, sequential\n"
        f"   --> {table}:{line}:1\n"
    ), result.stderr
    assert result.stderr.endswith("1 error\n")
    missing = run_cli(["dialect", "--changes", tmp_path / "nope.toml"], expect=2)
    assert missing.stderr.startswith(f"bkrc: {tmp_path / 'nope.toml'}: no such file")


def _swap(old: str, new: str):
    """The table with the first `old` written `new`."""

    def slipped(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return slipped


def _without(name: str):
    """The table without entry `name`'s lines: its header to the next header."""

    def slipped(text: str) -> str:
        start = text.index(f"[entries.{name}]")
        return text[:start] + text[text.index("\n[", start) + 1 :]

    return slipped


#: A site's slips in its copy of the table (h7's second site): what the copy
#: says instead, the text the caret must mark on its line, and the help's words.
#: Before BKR601 each was one `bkrc:` line with no place, and a misspelt entry's
#: or key's line named only what was missing, not the misspelt name in the file.
TABLE_SLIPS = [
    ("a value key misspelt", _swap('value = "SMSG"', 'valeu = "SMSG"'), "valeu", "did you mean `value`?"),
    (
        "a status key misspelt",
        _swap('\nstatus = "confirmed"', '\nstauts = "confirmed"'),
        "stauts",
        "did you mean `status`?",
    ),
    (
        "a role's statements key misspelt",
        _swap("\nstatements = [", "\nstatement = ["),
        "statement",
        "did you mean `statements`?",
    ),
    (
        "an entry's name misspelt",
        _swap("[entries.review_verb]", "[entries.reveiw_verb]"),
        "[entries.reveiw_verb]",
        "did you mean `review_verb`?",
    ),
    (
        "an entry deleted",
        _without("review_verb"),
        "[entries.submit_verb]",
        "write `[entries.review_verb]` below this entry's lines",
    ),
    (
        "a character CMS's code pages do not share",
        _swap('value = "SUBMIT {job}"', 'value = "SUBMIT {job} \u00acNOW"'),
        "\u00ac",
        "generated files may only hold A-Z a-z 0-9 space and",
    ),
    (
        "a placeholder misspelt",
        _swap('value = "SUBMIT {job}"', 'value = "SUBMIT {jbo}"'),
        "{jbo}",
        "write one of the placeholders this entry takes: `{job}`",
    ),
    ("a status misspelt", _swap('status = "assumed"', 'status = "asumed"'), "asumed", 'write `status = "confirmed"`'),
    (
        "a machine's password of its own",
        _swap('password = "LBYONLY"', 'password = "SECRET1"'),
        'password = "*******"',
        "write LBYONLY (XAUTOLOG and LOGON BY), AUTOONLY",
    ),
    (
        "a device statement before a control statement, with link passwords",
        _swap('  "IPL CMS PARM AUTOCR",', '  "MDISK 0291 3390 1 10 VOL001 MR RSEC WSEC",\n  "IPL CMS PARM AUTOCR",'),
        "IPL CMS PARM AUTOCR",
        "move it above `MDISK 0291 3390 1 10 VOL001 MR **** ****`",
    ),
    ("a quote not closed", _swap('value = "SUBMIT {job}"', 'value = "SUBMIT {job}'), "\n", "correct it in the table"),
]


@pytest.mark.parametrize(("slip", "marked", "helps"), [s[1:] for s in TABLE_SLIPS], ids=[s[0] for s in TABLE_SLIPS])
@pytest.mark.parametrize("command", ["check", "compile", "changes"])
def test_a_slip_in_a_site_table_is_shown_where_it_is_with_a_caret_and_a_help(tmp_path, command, slip, marked, helps):
    text = slip(BUILTIN.read_text(encoding="utf-8"))
    table = tmp_path / "site-dialect.toml"
    table.write_text(text, encoding="utf-8")
    args = {
        "check": ["check", EXAMPLES / "minimal.bkr", "--dialect", table],
        "compile": ["compile", EXAMPLES / "minimal.bkr", "-o", tmp_path / "out", "--dialect", table],
        "changes": ["dialect", "--changes", table],
    }[command]
    result = run_cli(args, expect=2)
    err = result.stderr
    assert err.startswith("error[BKR601]: the dialect table cannot be used: "), err
    where = re.search(rf"--> {re.escape(str(table))}:(\d+):(\d+)\n", err)
    assert where, err
    number, column = int(where.group(1)), int(where.group(2))
    line = text.split("\n")[number - 1].replace("SECRET1", "*******")  # as the frame masks it
    line = line.replace("RSEC WSEC", "**** ****")
    frame = err.split("\n")
    shown = next(i for i, row in enumerate(frame) if row.endswith(f"| {line}") or row.endswith(f"|{line}") and not line)
    caret = frame[shown + 1]
    first = caret.index("^")
    width = len(caret.rstrip()) - first
    bar = frame[shown].index("|") + 2
    assert first - bar == column - 1, err
    picked = line[column - 1 : column - 1 + width] if marked != "\n" else "\n"
    if marked == "\n":  # TOML's own place: the end of the line that left its quote open
        assert column == len(line) + 1, err
    else:
        assert picked == marked, err
    assert f"= help: {helps}" in err or helps in err.split("= help: ", 1)[1], err
    assert err.endswith("\n1 error\n"), err
    # A password the site wrote there is never shown, in the frame or the message.
    assert "SECRET1" not in result.output and "RSEC" not in result.output, err
    assert result.stdout == "" or command == "check"
    assert not (tmp_path / "out").exists()


def test_a_copy_from_an_older_bkrc_is_told_where_the_new_entries_are(tmp_path):
    """A table that lacks an entry a newer bkrc reads names `bkrc dialect`, which
    prints the table to copy it from, wherever pip installed it."""
    text = BUILTIN.read_text(encoding="utf-8")
    start = text.index("[entries.address_low]")
    end = text.index("\n[", start + 1)
    table = tmp_path / "old-site-dialect.toml"
    table.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    result = run_cli(["dialect", "--changes", table], expect=2)
    assert result.stderr.startswith(
        "error[BKR601]: the dialect table cannot be used: missing entries: address_low (a table copied from an older bkrc"
    )
    assert f"which `bkrc dialect` prints: {BUILTIN})" in result.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["dialect", "--format", "json"], "--format is for --changes"),
        (["dialect", "--changes", "a.toml", "--changes", "b.toml"], "given twice"),
        (["dialect", "extra"], "unexpected extra argument"),
    ],
)
def test_usage_errors_are_exit_2(args, said):
    result = run_cli(args, expect=2)
    assert said in result.output
    assert "Traceback" not in result.output


#: A shell command that copies the table from its folder in a source checkout.
COPY_FROM_CHECKOUT = re.compile(r"\b(?:cp|copy)\s+\S*bkrdsl/dialect/backup-manager", re.IGNORECASE)


def test_no_doc_or_help_text_copies_the_table_from_the_source_checkout():
    """`cp bkrdsl/dialect/backup-manager-1.3.toml` works in a clone only; the
    docs and BKR533's help say `bkrc dialect > site-dialect.toml`."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")), *sorted((ROOT / "bkrdsl").rglob("*.py"))]
    found = [str(p.relative_to(ROOT)) for p in pages if COPY_FROM_CHECKOUT.search(p.read_text(encoding="utf-8"))]
    assert found == []
    assert COPY_FROM_CHECKOUT.search("cp bkrdsl/dialect/backup-manager-1.3.toml site.toml")
    assert "bkrc dialect > site-dialect.toml" in (ROOT / "docs" / "compatibility.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "edit, made_by, entry",
    [
        # a machine role's free statements: an MDISK with a read and a write password
        (('  "LINK MAINT 019E 019E RR",\n]', '  "LINK MAINT 019E 019E RR",\n  "MDISK 0199 3390 1 10 VOLX MR RSECRET WSECRET",\n]', 1),
         "machines.backup-server.statements", "MDISK 0199 of BKRBKUP 2 link passwords"),
        # the template of the minidisks the disk statements place: a read password
        (('value = "MDISK {address} {devtype} {start} {size} {volume} {mode}"',
          'value = "MDISK {address} {devtype} {start} {size} {volume} {mode} RSECRET"', 1),
         "directory_mdisk (with disk_mode)", "link password after its mode"),
    ],
    ids=["statements", "directory_mdisk"],
)
def test_a_table_that_writes_a_link_password_is_refused_nothing_written(tmp_path, edit, made_by, entry):
    """bkrc writes no password (docs/security.md): an MDISK that a site table's
    statements or template give link passwords stops the compile as the table's own
    password would (exit 2, nothing written), naming the entry, never the password."""
    text = BUILTIN.read_text(encoding="utf-8")
    assert text.count(edit[0]) >= edit[2]
    table = tmp_path / "site-dialect.toml"
    table.write_text(text.replace(edit[0], edit[1], edit[2]), encoding="utf-8")
    result = run_cli(["compile", EXAMPLES / "prodssi.bkr", "-o", tmp_path / "out", "--dialect", table], expect=2)
    assert f"{table}: {made_by}: gives the" in result.stderr and entry in result.stderr
    assert "in plain text" in result.stderr and result.stderr.rstrip().endswith("nothing written")
    assert "SECRET" not in result.stderr + result.stdout
    assert not (tmp_path / "out").exists()


def test_a_table_text_holding_the_escape_s_opening_is_refused_nothing_written(tmp_path):
    """The generated files write a character outside the invariant set as `<U+XXXX>`,
    and so a `<` before `U+` as `<U+003C>` (emit/quoting.py). A site table's verb
    `SUBMIT {job} <U+` was sent to CP as `SMSG BKRBKUP SUBMIT APPSFULL <U+003C>U+`
    (tests/test_regina_quoting.py's property found it): the table is refused as it
    is loaded (exit 2, nothing written), naming the entry."""
    text = BUILTIN.read_text(encoding="utf-8")
    old = 'value = "SUBMIT {job}"'
    assert text.count(old) == 1
    table = tmp_path / "site-dialect.toml"
    table.write_text(text.replace(old, 'value = "SUBMIT {job} <U+"'), encoding="utf-8")
    result = run_cli(["compile", EXAMPLES / "prodssi.bkr", "-o", tmp_path / "out", "--dialect", table], expect=2)
    assert "entry submit_verb: 'SUBMIT {job} <U+' holds `<U+`, which the generated files write as" in result.stderr
    assert f"--> {table}:" in result.stderr
    assert not (tmp_path / "out").exists()


# --- h9 (stop 67)
def test_changes_write_no_character_a_terminal_acts_on(tmp_path):
    """A site's note holding a C1 control (U+009B, `ESC [` in one character) and a line
    separator (U+2028), which TOML takes raw: `--format json` wrote them raw
    (`json.dumps(..., ensure_ascii=False)` escapes C0 alone), and so did the text
    format's quoted values. Now both go through terminal.json_text, as check's json and
    sarif do: JSON's escape, the same string to a reader of the JSON."""
    note = "Checked \u009b2J at our site.\u2028Second line."
    text = BUILTIN.read_text(encoding="utf-8")
    old = '[entries.template_comment]\nvalue = "*"\nstatus = "assumed"\nnote = "'
    assert text.count(old) == 1
    table = tmp_path / "site-dialect.toml"
    table.write_text(text.replace(old, old + note + " "), encoding="utf-8")
    result = run_cli(["dialect", "--changes", table, "--format", "json"], expect=0)
    assert "\u009b" not in result.stdout and "\u2028" not in result.stdout
    assert "\\u009b2J" in result.stdout and "\\u2028" in result.stdout
    (change,) = json.loads(result.stdout)["changes"]
    assert change["site"].startswith(note + " ")
    shown = run_cli(["dialect", "--changes", table], expect=0).stdout
    assert "\u009b" not in shown and "\u2028" not in shown
    assert 'added "Checked \\u009b2J at our site. Second line."' in shown  # (words: U+2028 a blank)


def test_every_json_the_cli_writes_goes_through_one_function():
    """terminal.json_text is where bkrc writes JSON: no other module of bkrdsl calls
    json.dumps (the language server's JSON-RPC and the TextMate grammar file, not
    printed to a terminal or log, aside)."""
    calls = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "bkrdsl").rglob("*.py"))
        if path.name not in ("terminal.py", "keywords.py") and "lsp" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "json.dumps(" in line
    ]
    assert calls == []


def test_every_table_bkrc_refuses_is_framed_without_a_crash(tmp_path):
    """BKR601's place is found in the table's text from the loader's message: a
    table edited at random (lines deleted, copied, a character changed, a line in
    capitals) that bkrc refuses is always framed, never an internal error (a
    seeded walk: the same 300 tables on every run)."""
    from bkrdsl.cli.common import refused_table
    from bkrdsl.dialect import DialectError, load_dialect

    lines = BUILTIN.read_text(encoding="utf-8").split("\n")
    rnd = random.Random(601)
    table = tmp_path / "site.toml"
    refused = 0
    for _ in range(300):
        edited = list(lines)
        for _ in range(rnd.randint(1, 3)):
            at = rnd.randrange(len(edited))
            draw = rnd.random()
            if draw < 0.3:
                del edited[at]
            elif draw < 0.5:
                edited.insert(at, edited[rnd.randrange(len(edited))])
            elif draw < 0.8 and edited[at]:
                k = rnd.randrange(len(edited[at]))
                typed = rnd.choice(["x", '"', "[", "]", "{", "}", "\u00ac", "", " ", "=", "\0", "\t", "#"])
                edited[at] = edited[at][:k] + typed + edited[at][k + 1 :]
            else:
                edited[at] = edited[at].upper()
        table.write_text("\n".join(edited), encoding="utf-8")
        try:
            load_dialect(path=str(table))
        except DialectError as err:
            refused += 1
            shown = refused_table(err)
            assert shown is not None and shown.startswith("error[BKR601]: "), shown
            assert f"--> {table}:" in shown and shown.endswith("\n1 error"), shown
    assert refused > 100


# stop 80, h1: `--changes FILE --format json` prints a document in every run
@pytest.mark.parametrize("case", ["missing", "folder", "not UTF-8", "not TOML", "empty", "refused", "unreadable"])
def test_changes_as_json_of_a_table_it_cannot_read_prints_the_document_of_a_failed_run(tmp_path, monkeypatch, case):
    """A FILE missing, a folder, unreadable, not UTF-8, not TOML or a table bkrc
    refuses: standard output held nothing, which no JSON reader parses, where every
    other command prints the document of a run that failed. It is the command's own
    document, `changes` null (never `[]`, which reads as a table that changes
    nothing), `execution_successful` false and bkrc's line in `failures`; the line
    on standard error as before, exit 2."""
    import errno

    table = tmp_path / "site-dialect.toml"
    if case == "folder":
        table.mkdir()
    elif case == "not UTF-8":
        table.write_bytes(b'[dialect]\nproduct = "\xff"\n')
    elif case == "not TOML":
        table.write_text("[dialect\n")
    elif case == "empty":
        table.write_text("")
    elif case == "refused":
        table.write_text(BUILTIN.read_text(encoding="utf-8").replace('value = "autov"', 'value = "dirmaint"'))
    elif case == "unreadable":  # the tests run as root, whom chmod 000 does not stop
        import bkrdsl.dialect

        table.write_text(BUILTIN.read_text(encoding="utf-8"))

        def open_(file, *args, **kwargs):
            if str(file) == str(table):
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return open(file, *args, **kwargs)

        monkeypatch.setattr(bkrdsl.dialect, "open", open_, raising=False)
    result = run_cli(["dialect", "--changes", table, "--format", "json"], expect=2)
    document = json.loads(result.stdout)
    (line,) = document["failures"]
    assert line.startswith(f"bkrc: {table}: ")
    # On standard error, bkrc's line; a table bkrc reads and refuses is BKR601 there,
    # framed at its line with a caret and a help (h7, stop 80).
    if result.stderr.startswith("error[BKR601]: "):
        assert f"--> {table}:" in result.stderr
    else:
        assert result.stderr == line + "\n"
    assert document == {
        "format_version": "1",
        "table": str(table),
        "against": {"product": "IBM Backup and Restore Manager for z/VM", "release": "1.3"},
        "changes": None,
        "execution_successful": False,
        "failures": [line],
    }
    # The text format: standard error alone, as with json.
    text = run_cli(["dialect", "--changes", table], expect=2)
    assert (text.stdout, text.stderr) == ("", result.stderr)


def test_changes_as_json_interrupted_prints_the_document_of_a_failed_run(tmp_path, monkeypatch):
    """SIGTERM (a cancelled job) while the tables are read: `bkrc: terminated`, 143,
    and the document of a run that failed, as the other commands print it."""
    import signal

    import bkrdsl.dialect

    def terminated(*args, **kwargs):
        signal.raise_signal(signal.SIGTERM)

    monkeypatch.setattr(bkrdsl.dialect, "load_dialect", terminated)
    result = run_cli(["dialect", "--changes", printed_copy(tmp_path), "--format", "json"], expect=143)
    document = json.loads(result.stdout)
    assert document["changes"] is None and document["against"] is None
    assert document["execution_successful"] is False and document["failures"] == ["bkrc: terminated"]
    assert result.stderr == "bkrc: terminated\n"


def test_changes_as_json_of_a_table_it_reads_says_the_run_succeeded(tmp_path):
    document = json.loads(run_cli(["dialect", "--changes", edited(tmp_path), "--format", "json"], expect=0).stdout)
    assert document["execution_successful"] is True and document["failures"] == []
    assert len(document["changes"]) == 4
