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
        if path in ("manifest.json", "README.TXT"):  # README.TXT: written from no entry of the table
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
# to keep by hand. The tests below hold it to that from the outside: a file
# whose text changes with an entry's value names the entry, and a file that
# names an entry changes with it.

#: What a file depends on that no file's reading notes: the allocation, worked
#: out once per compile and shared with the checks, reads `disk_allocation`
#: (autov or sequential: a USER's or SUBCONFIG's MDISK form and extents).
MODEL_WIDE = {"disk_allocation"}
#: The compile ID every EXEC names: a hash of all of them, so one EXEC's change changes it in each.
COMPILE_ID = re.compile(r"(Compile |compile = ')[0-9A-F]{8}")


def _table_data() -> dict:
    import tomllib

    from bkrdsl.dialect import builtin_path

    data = tomllib.loads(builtin_path().read_text(encoding="utf-8"))
    for part in ("entries", "machines", "units"):
        for spec in data[part].values():
            spec["status"] = "assumed"
    return data


def _changed_one(text: str) -> list[str]:
    """Texts like `text` with one letter or digit changed (the first, then later ones):
    each a candidate the table may refuse (a CMS name, an upper-case command, a width)."""
    if text in ("autov", "sequential"):  # disk_allocation's choices
        return ["sequential" if text == "autov" else "autov"]
    out = []
    depth = 0
    for i, c in enumerate(text):
        depth += c == "{"
        depth -= c == "}"
        if depth == 0 and c.isalnum():
            other = {"9": "8", "Z": "Y", "z": "y"}.get(c) or chr(ord(c) + 1)
            out.append(text[:i] + other + text[i + 1 :])
    if out:
        return out
    # An indent, a comment mark, a layout of placeholders alone:
    return ["  "] if text == " " else [text + text[-1:], text + ".", text.replace(" ", "", 1)]


def _variants(data: dict, name: str):
    """Valid tables like `data`, `name`'s value changed (an entry, machines.ROLE, units.UNIT)."""
    import copy

    from bkrdsl.dialect import DialectError, parse_dialect

    part, _, key = name.rpartition(".")
    spec = data[part or "entries"][key]
    fields = {"entries": ("value",), "machines": ("storage", "classes"), "units": ("devtype",)}[part or "entries"]
    for field in fields:
        for value in _changed_one(spec[field]):
            changed = copy.deepcopy(data)
            changed[part or "entries"][key][field] = value
            try:
                yield parse_dialect(changed, f"{name} changed")
                return
            except DialectError:
                continue


def _written(model, table) -> dict[str, str]:
    from bkrdsl.emit.artifacts import emit_all

    # README.TXT is no file for z/VM: it holds no product syntax, only the other
    # files' names (a file type entry renames them) and places, and each of
    # those files names the entries it is written from.
    return {
        a.path: COMPILE_ID.sub(r"\g<1>XXXXXXXX", a.text) for a in emit_all(model, "x.bkr", table) if a.kind != "readme"
    }


def _models():
    from bkrdsl.pipeline import compile_source

    for path in sorted(EXAMPLES.glob("*.bkr")) + sorted((EXAMPLES.parent / "tests" / "cms" / "clusters").glob("*.bkr")):
        analysis, artifacts = compile_source(path.name, path.read_bytes(), path=path, search_path=(path.parent,))
        if artifacts:
            yield path.name, analysis.model


def test_a_file_names_each_assumed_entry_its_text_depends_on_and_no_other():
    from bkrdsl.dialect import parse_dialect

    data = _table_data()
    table = parse_dialect(data, "every entry assumed")
    names = [*table.entries, *(f"machines.{r}" for r in table.machines), *(f"units.{u}" for u in table.units)]
    variants = {name: next(_variants(data, name), None) for name in names}
    # Each can be changed: else the test would say nothing of it.
    assert [name for name, variant in variants.items() if variant is None] == []
    models = list(_models())
    assert len(models) >= 10
    for source, model in models:
        before = _written(model, table)
        named = {path: set(_named(text)) for path, text in before.items() if NOTE in text}
        assert set(named) == set(before), source  # every entry assumed: every file has the note
        for name, variant in variants.items():
            after = _written(model, variant)
            # A file type renames its files: compared by their place in the order of paths.
            for (path, text), (renamed, changed) in zip(before.items(), after.items(), strict=True):
                if name in MODEL_WIDE:
                    continue
                depends = (renamed, changed) != (path, text)
                assert depends == (name in named[path]), (source, path, name, "changes" if depends else "unchanged")


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
