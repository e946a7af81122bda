"""Every file bkrc writes in syntax the dialect table marks assumed says so, in its header.

A system programmer deploys the job templates, EXECs, directory entries and
Tape Manager node definitions as they read them, without docs/compatibility.md
at hand: a keyword nobody could check against IBM's documentation must not
look as settled as `USER` does. Each file's opening comment names the assumed
entries it is written from (`Assumed product syntax: the dialect table's
entries ...`), and where to check and correct them; a site table that marks
them confirmed takes the note away (bkrdsl.emit.common.assumed_note).
"""

from __future__ import annotations

import re
import shutil

from conftest import EXAMPLES, run_cli

from bkrdsl.dialect import load_dialect

NOTE = "Assumed product syntax: the dialect table's "
#: The names a note lists: `entry x is` or `entries x, y and z are`.
NAMES = re.compile(r"Assumed product syntax: the dialect table's (?:entry|entries) (.*?) (?:is|are) assumed, not")


def _compiled(tmp_path, *extra):
    source = tmp_path / "prodssi.bkr"
    shutil.copy(EXAMPLES / "prodssi.bkr", source)
    out = tmp_path / "out"
    run_cli(["compile", source, "-o", out, *extra], expect=0)
    return {p.relative_to(out).as_posix(): p.read_text() for p in out.rglob("*") if p.is_file()}


def _header(text: str) -> str:
    """The opening comment, its comment marks taken off and its lines joined."""
    said = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("/*"):
            said.append(stripped.removeprefix("/*").removesuffix("*/").strip())
        elif stripped.startswith("*"):
            said.append(stripped.lstrip("*").strip())
        else:
            break
    return " ".join(said)


def _named(text: str) -> list[str]:
    """The entries the file's header names as assumed, in its order."""
    match = NAMES.search(_header(text))
    assert match is not None, _header(text)
    listed = match.group(1)
    if " and " not in listed:
        return [listed]
    most, last = listed.rsplit(" and ", 1)
    return [*most.split(", "), last]


def test_every_file_says_which_assumed_entries_it_follows(tmp_path):
    files = _compiled(tmp_path)
    dialect = load_dialect()
    known = {*dialect.entries, *(f"machines.{r}" for r in dialect.machines), *(f"units.{u}" for u in dialect.units)}
    for path, text in files.items():
        if path == "manifest.json":
            continue
        names = _named(text)
        assert names and set(names) <= known, (path, names)
    # What each names is what the file is written from.
    assert _named(files["VMSYS2/LNXFULL.TEMPLATE"]) == [
        "template_filetype", "template_comment", "job_name_setting", "job_type_setting", "job_type_full",
        "output_setting", "output_tape", "include_minidisk", "exclude_minidisk",
    ]
    assert "include_sfs" in _named(files["VMSYS1/APPSFULL.TEMPLATE"])
    assert "output_disk_pool" in _named(files["VMSYS1/APPSFULL.TEMPLATE"])
    assert _named(files["cluster/BKRSVSFS.DIRECT"]) == [
        "directory_filetype", "pool_scope_shared", "machines.catalog-sfs-server"
    ]
    # BKRSVSFS's 191 has its place (`at 1000`): no AUTOV; a worker's SUBCONFIG has AUTOV.
    assert "directory_mdisk_auto" not in _named(files["cluster/BKRSVSFS.DIRECT"])
    assert _named(files["cluster/BKRW01-1.DIRECT"]) == ["directory_filetype", "directory_mdisk_auto"]
    assert _named(files["VMSYS1/BKRSUBMT.EXEC"]) == ["message_not_receiving_rc", "submit_verb", "review_verb"]
    assert _named(files["VMSYS1/BKREXPIR.EXEC"]) == [
        "message_not_receiving_rc", "expire_preview_verb", "expire_purge_verb"
    ]
    # Only the SFS server's home waits for its file pool.
    assert "query_filepool_final_rcs" in _named(files["VMSYS1/BKRSTART.EXEC"])
    assert "query_filepool_final_rcs" not in _named(files["VMSYS2/BKRSTART.EXEC"])
    assert "tape_remote_operands" in _named(files["VMSYS2/TMNODES.CONFIG"])


def test_a_site_table_that_confirms_every_entry_takes_the_note_away(tmp_path):
    table = tmp_path / "site-dialect.toml"
    builtin = run_cli(["dialect"], expect=0).stdout
    assert 'status = "assumed"' in builtin
    table.write_text(builtin.replace('status = "assumed"', 'status = "confirmed"'))
    files = _compiled(tmp_path, "--dialect", table)
    assert [path for path, text in files.items() if NOTE in text] == []


def test_confirming_one_entry_drops_it_from_the_note(tmp_path):
    table = tmp_path / "site-dialect.toml"
    builtin = run_cli(["dialect"], expect=0).stdout
    entry = builtin.index("[entries.submit_verb]")
    status = builtin.index('status = "assumed"', entry)
    table.write_text(builtin[:status] + 'status = "confirmed"' + builtin[status + len('status = "assumed"') :])
    files = _compiled(tmp_path, "--dialect", table)
    assert _named(files["VMSYS1/BKRSUBMT.EXEC"]) == ["message_not_receiving_rc", "review_verb"]


# ------------------------------------------------------------------ by construction
# An emitter reads the table through the file's own Reading (bkrdsl.emit.common),
# and the header's note is made from what it read: no list of entries per file
# to keep by hand.

def test_a_read_after_the_note_is_made_is_refused():
    from bkrdsl.emit.common import Reading

    reads = Reading(load_dialect())
    assert reads["submit_verb"] == "SUBMIT {job}"
    assert reads.note() and "submit_verb" in reads.note()[0]
    try:
        reads["review_verb"]
    except RuntimeError as err:
        assert "review_verb read after the file's assumed note was made" in str(err)
    else:
        raise AssertionError("a read after the note went unnoticed")
    # Nothing to read the table by past the reading.
    assert not any(hasattr(reads, part) for part in ("entries", "machines", "units"))


def test_a_shared_piece_notes_what_it_read_in_every_file_that_holds_it():
    from bkrdsl.emit.common import Reading

    table, made, calls = load_dialect(), {}, []

    def make(reads):
        calls.append(1)
        return reads.text("include_sfs", path="P:U.")

    first, second = Reading(table), Reading(table)
    assert first.shared(made, "piece", make) == second.shared(made, "piece", make) == "INCLUDE SFS P:U."
    assert len(calls) == 1
    assert list(first.read) == list(second.read) == ["include_sfs"]
