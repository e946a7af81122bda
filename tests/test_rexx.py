"""The REXX emitter and its quoting, without an interpreter: CMS rules, snapshots, properties.

What the EXECs do when run is tested under Regina in test_regina*.py.
"""

from __future__ import annotations

import copy
import dataclasses
import re

import pytest
from cms.generate import EMITTERS, example_members, example_model, example_names, generate, site_dialect
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from bkrdsl.ast import Kind
from bkrdsl.dialect import Dialect, Entry, load_dialect
from bkrdsl.emit.quoting import (
    INVARIANT,
    MAX_COLUMNS,
    decode_invariant,
    invariant_text,
    is_emittable,
    rexx_assign,
    rexx_comment,
    rexx_literal,
)
from bkrdsl.emit.rexx import IDENTITY_MARK, cluster_execs, compile_identity, expire_exec
from bkrdsl.pipeline import analyse

INVARIANT_ALPHABET = "".join(sorted(INVARIANT))


class RexxSnapshot(SingleFileSnapshotExtension):
    """One snapshot file per EXEC, stored as the REXX it is."""

    _write_mode = WriteMode.TEXT
    file_extension = "rexx"


# ------------------------------------------------------------------ quoting, as data
LITERALS = [
    ("", "''"),
    ("plain", "'plain'"),
    ("it's", "'it''s'"),
    ("''", "''''''"),
    ('say "hi"', "'say \"hi\"'"),
    ("a /* b */ c", "'a /* b */ c'"),
    ("$HOME", "'<U+0024>HOME'"),  # variant outside names
    ("a|b\\c", "'a<U+007C>b<U+005C>c'"),
    ("tab\there", "'tab<U+0009>here'"),
    ("line\nbreak", "'line<U+000A>break'"),
    ("caf\u00e9", "'caf<U+00E9>'"),
    ("<U+0041>", "'<U+003C>U+0041>'"),  # the escape itself stays reversible
    ("a < b", "'a < b'"),
]


@pytest.mark.parametrize(("text", "expected"), LITERALS)
def test_rexx_literal(text, expected):
    assert rexx_literal(text) == expected
    assert decode_invariant(invariant_text(text)) == text


def test_names_keep_dollar_hash_at():
    assert rexx_literal("SYS$#@1", name=True) == "'SYS$#@1'"
    assert rexx_literal("SYS$#@1") == "'SYS<U+0024><U+0023><U+0040>1'"
    assert rexx_literal("A|B", name=True) == "'A<U+007C>B'"


COMMENTS = [
    ("", ["/* */"]),
    ("plain", ["/* plain */"]),
    ("a */ b", ["/* a * / b */"]),
    ("a /* b", ["/* a / * b */"]),
    ("*/*/", ["/* * / * / */"]),
    ("/", ["/* / */"]),
    ("ends with *", ["/* ends with * */"]),
    ("x|y", ["/* x<U+007C>y */"]),
]


@pytest.mark.parametrize(("text", "expected"), COMMENTS)
def test_rexx_comment(text, expected):
    assert rexx_comment(text) == expected


def test_comment_names_keep_dollar_hash_at_and_free_text_does_not():
    assert rexx_comment("Jobs of member VM#B:", name=True) == ["/* Jobs of member VM#B: */"]
    assert rexx_comment("Jobs of member VM#B:") == ["/* Jobs of member VM<U+0023>B: */"]
    assert rexx_comment("PAY@1: ", name=True, free="$5 | night") == ["/* PAY@1: <U+0024>5 <U+007C> night */"]
    assert rexx_comment("A|B", name=True) == ["/* A<U+007C>B */"]


def _evaluate_assignment(variable: str, lines: list[str]) -> str:
    """What REXX assigns with `v = '...'` / `v = v'...'` lines (a tiny evaluator)."""
    value = None
    first = re.compile(rf"^\s*{re.escape(variable)} = '((?:[^']|'')*)'$")
    more = re.compile(rf"^\s*{re.escape(variable)} = {re.escape(variable)}'((?:[^']|'')*)'$")
    for line in lines:
        m = (first if value is None else more).match(line)
        assert m, line
        value = (value or "") + m.group(1).replace("''", "'")
    return value


TEXTS = st.one_of(
    st.text(),
    st.text(alphabet=INVARIANT_ALPHABET, max_size=400),
    st.lists(st.sampled_from(["'", '"', "/*", "*/", "*", "/", ";", ",", " ", "x", "<U+", "''"])).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(["text.1", "line", "v"]), st.sampled_from([0, 2, 6]))
def test_assignment_holds_the_text_exactly(text, variable, indent):
    lines = rexx_assign(variable, text, indent=indent)
    assert all(is_emittable(line) for line in lines), lines
    assert all(line.endswith("'") for line in lines), lines  # never a comma continuation
    assert decode_invariant(_evaluate_assignment(variable, lines)) == text


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from([0, 2]), st.sampled_from([0, 3, 11]))
def test_comments_cannot_open_or_close_early(text, indent, hang):
    for line in rexx_comment(text, indent=indent, hang=hang):
        assert is_emittable(line), line
        body = line.strip()
        assert body.startswith("/* ") and body.endswith("*/"), line
        inner = body[2:-2]
        assert "/*" not in inner and "*/" not in inner, line
        assert not line.rstrip().endswith(","), line


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_mapping_is_reversible_and_invariant(text):
    mapped = invariant_text(text)
    assert set(mapped) <= INVARIANT
    assert decode_invariant(mapped) == text
    if "<U+" not in text and set(text) <= INVARIANT:
        assert mapped == text


# ------------------------------------------------------------------ every EXEC of every example
def _all_execs():
    for example in example_names():
        for member in example_members(example):
            yield example, member, "BKRSUBMT"
            yield example, member, "BKRSTART"
        yield example, None, "BKREXPIR"


ALL_EXECS = list(_all_execs())


def _exec_text(example, member, exec_name):
    model = example_model(example)
    if member is None:
        (member,) = model.purging_members()
    return generate(model, member, exec_name, f"examples/{example}.bkr")


@pytest.mark.parametrize(("example", "member", "exec_name"), ALL_EXECS)
def test_exec_follows_the_cms_rules(example, member, exec_name):
    text = _exec_text(example, member, exec_name)
    lines = text.split("\n")
    assert text.endswith("\n") and lines[-1] == ""
    lines = lines[:-1]
    assert lines[0].startswith("/* ") and lines[0].endswith(" */")
    assert "generated by bkrc" in lines[0] and "do not edit" in lines[0]
    assert f"from {example}.bkr," in lines[0]
    assert lines[1] == f"/* Source: examples/{example}.bkr */"
    for number, line in enumerate(lines, 1):
        assert len(line) <= MAX_COLUMNS, (number, line)
        assert is_emittable(line), (number, line)
        assert "|" not in line and "\\" not in line, (number, line)
        assert line == line.rstrip(), (number, "trailing blanks")
    code = [line.strip() for line in lines if not line.lstrip().startswith("/*")]
    assert "address command" in code
    # A line that ends with a comma goes on on the next (`call tell me': ...',`
    # then `'...'`): the clause is the lines joined.
    code = " \n".join(code).replace(", \n", " ").split(" \n")
    # A command is a clause that is only an expression starting with a
    # literal: every one of them must be a CP command, but CMS's SET CMSTYPE
    # HT and RT, which BKRSTART issues around its file pool query alone.
    commands = [line for line in code if line.startswith("'")]
    assert commands, "no command at all"
    cmstype = ["'SET CMSTYPE HT'", "'SET CMSTYPE RT'"]
    assert all(line.startswith("'CP") or line in cmstype for line in commands), commands
    if any(line in cmstype for line in commands):
        assert exec_name == "BKRSTART", commands
        at = code.index("'SET CMSTYPE HT'")
        query = "p.i  /* a CMS command, issued as it is */"
        assert code[at : at + 4] == ["'SET CMSTYPE HT'", query, "asked = rc", "'SET CMSTYPE RT'"], code[at : at + 4]
        # Once more, without HT, only where SERVING gives up: CMS's message for
        # the answer it reports then reaches the console (docs/rexx.md).
        again = [n for n, line in enumerate(code) if line == query and n != at + 1]
        assert len(again) == 1 and code[again[0] - 1] == "stopped = (wordpos(asked + 0, final) > 0)", again
    # CP's answer is read through DIAGRC in one routine, `cpquery`, and only
    # for the queries (QUERY USERID, BKRSTART's QUERY USER): every CP action
    # stays `'CP ...'` above.
    assert text.count("diagrc(") == 1 and "diagrc(8, command)" in text
    assert "cpquery('QUERY USERID', 0)" in text
    if exec_name == "BKRSTART":
        assert "cpquery(q.i, '0 45')" in text and "'CP' q.i" not in text
    assert "==" in text  # names are compared strictly


@pytest.mark.parametrize(("example", "member", "exec_name"),
                         [e for e in ALL_EXECS if e[2] in ("BKRSUBMT", "BKREXPIR")])
def test_due_reads_its_operands_and_the_clock_in_one_routine(example, member, exec_name):
    """DUE's operands, and now's for those left off, are read in DUELIST only:
    the wrong member's DUEMISSED once read the clock and filled them in on its
    own too, so that changing one reading named another minute than the one
    found due (docs/rexx.md, "How an EXEC knows its member")."""
    text = _exec_text(example, member, exec_name)
    routines = re.split(r"\n(?=[a-z0-9]+: procedure)", text)
    readers = [r.split(":", 1)[0] for r in routines[1:] if "time(" in r or "date(" in r]
    assert readers == ["duelist"], readers
    assert text.count("time('L')") == 1


def _code(text: str) -> str:
    """An EXEC's REXX without its comments and string literals: what the interpreter runs."""
    return re.sub(r"'[^']*'", "''", re.sub(r"/\*.*?\*/", "", text))


def _rexx_md_names(after: str, before: str) -> set[str]:
    """The names docs/rexx.md's "What the EXECs ask of CMS REXX" lists between two phrases."""
    page = (ROOT / "docs" / "rexx.md").read_text(encoding="utf-8")
    listed = page.split(after, 1)[1].split(before, 1)[0]
    while re.search(r"\([^()]*\)", listed):  # what a parenthesis says of a name is not a name listed
        listed = re.sub(r"\([^()]*\)", "", listed)
    return {word for word in re.findall(r"`([A-Z]+)[^`]*`", listed)}


def test_the_builtin_functions_the_execs_call_are_those_rexx_md_lists():
    """docs/rexx.md: "Built-in functions: `ARG`, `DATE('W')`, ..., and `DIAGRC`"; "Not used: `DATATYPE`, ..."."""
    code = "\n".join(_code(_exec_text(*case)) for case in ALL_EXECS)
    routines = {label.upper() for label in re.findall(r"^([a-z]\w*):", code, re.MULTILINE)}
    called = {name.upper() for name in re.findall(r"\b([a-z]\w*)\(", code)} - routines
    assert called == _rexx_md_names("Built-in functions:", "Not used:")
    not_used = _rexx_md_names("Not used:", "What\nwas checked")
    assert {"DATATYPE", "EXECIO", "WAKEUP"} <= not_used
    words = {word.upper() for word in re.findall(r"[a-z]\w*", code)}
    assert words & not_used == set()


def _header_text(text: str) -> str:
    """The EXEC's opening comment lines, as one text."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("/*"):
            break
        lines.append(line.removeprefix("/*").removesuffix("*/").strip())
    return " ".join(lines)


def _listed_rcs(text: str) -> set[int]:
    """The return codes the header lists: `Return codes: 0 all started, 24 ..., else ...`."""
    listed = _header_text(text).split("Return codes: ", 1)[1].split(", else ", 1)[0]
    return {int(rc) for rc in re.findall(r"(?:^|, )(\d+) ", listed)}


def _returned_rcs(text: str) -> set[int]:
    """The return codes the code returns as literals (`return 44`, `exit 24`),
    but QUERYUSER's 45 for a machine logged on at another member only: its
    callers take 45 as "not logged on here" (XAUTOLOG, wait on), never as
    the EXEC's rc."""
    code = (re.sub(r"/\*.*?\*/", "", line) for line in text.splitlines())
    rcs, routine = set(), ""
    for line in code:
        routine = line.split(":", 1)[0] if re.match(r"\w+: procedure", line) else routine
        for rc in re.findall(r"\b(?:return|exit) (\d+)\s*$", line):
            if (routine, rc) != ("queryuser", "45"):
                rcs.add(int(rc))
    return rcs


def _local_catalog_model():
    from bkrdsl.pipeline import analyse

    text = (ROOT / "examples" / "minimal.bkr").read_text()
    shared = "catalog shared server BKRSVSFS pool BKRPOOL on DEV1"
    assert shared in text
    local = text.replace(shared, "catalog local server BKRSVSFS pool BKRPOOL")
    analysis = analyse("local.bkr", local.encode())
    assert analysis.ok, [d.code for d in analysis.diagnostics if d.is_error]
    return analysis.model


def _assigned(text: str, variable: str) -> str:
    """The text an EXEC sets `variable` to (`rexx_assign`'s lines: `v = '...'`, then
    `v = v'...'`), quotes undoubled."""
    pieces = re.findall(rf"^{variable} = (?:{variable})?'((?:[^']|'')*)'$", text, re.MULTILINE)
    return "".join(pieces).replace("''", "'")


@pytest.mark.parametrize(("example", "member", "exec_name"), ALL_EXECS)
def test_every_exec_knows_the_members_as_compiled(example, member, exec_name):
    """Stop 81: each EXEC lists the cluster's members as its compile knows them
    (a member added changes every EXEC anyway: the compile it names), its guard
    tells another member (rc 40) from a system that is none, a member removed
    since (rc 52), and its header lists rc 52."""
    text = _exec_text(example, member, exec_name)
    model = example_model(example)
    assert _assigned(text, "members") == " ".join(model.member_names)
    guard = text.split("\nonmember: ", 1)[1].split("\n\n", 1)[0]
    assert "if wordpos(here, members) > 0 then nop" in guard
    assert guard.index("return 52") < guard.rindex("return 40")
    assert 52 in _listed_rcs(text) and 52 in _returned_rcs(text)
    assert "52 a system that is no member of the cluster (one removed since)" in _header_text(text)


START_EXECS = [(example, member) for example, member, name in ALL_EXECS if name == "BKRSTART"]


@pytest.mark.parametrize(("example", "member"), [*START_EXECS, ("local", "DEV1"), ("local", "DEV2")])
def test_bkrstart_lists_the_rcs_it_can_return(example, member):
    # The header is the member's own: rc 44 (and the wait for the SFS server)
    # only on a member that starts the SFS server (its home; every member with a
    # local catalog), and every rc listed is one the code returns, and back.
    # The shared catalog's SFS server logged on at another member is no rc 36 on
    # its home: ELSEWHERE's 36 goes to START, which asks its pool (AWAY); only
    # another single-configuration machine (the Tape Manager catalog node) ends so.
    model = _local_catalog_model() if example == "local" else example_model(example)
    text = generate(model, member, "BKRSTART", f"{example}.bkr")
    waits = any(entry.wait for entry in model.start_order(member))
    kinds = model.product_machines()
    singles = [entry for entry in model.start_order(member) if kinds[entry.user][0] is Kind.SINGLE]
    others = any(not entry.wait for entry in singles)
    listed = _listed_rcs(text)
    returned = _returned_rcs(text) - ({36} if singles and not others and waits else set())
    assert listed == returned
    assert (44 in listed) == waits
    assert (36 in listed) == (others or (bool(singles) and not waits))  # one logged on elsewhere
    assert ("away(" in text) == any(entry.wait for entry in singles)  # the SFS server, single, on its home
    assert ("SFS server first" in _header_text(text)) == waits
    assert ("await(" in text) == waits


@pytest.mark.parametrize(("example", "member"), [*START_EXECS, ("local", "DEV1"), ("local", "DEV2")])
def test_bkrstart_header_names_cms_only_where_it_issues_a_cms_command(example, member):
    # "else the rc of the first CP or CMS command that failed": its one CMS
    # command is the file pool query (p.i), issued only where it waits for a
    # pool to serve; every other member's BKRSTART issues CP commands alone,
    # and its header says so.
    model = _local_catalog_model() if example == "local" else example_model(example)
    text = generate(model, member, "BKRSTART", f"{example}.bkr")
    queries = bool(re.search(r"^\s+p\.i\b", _code(text), re.MULTILINE))
    pool = model.catalog is not None and model.catalog.pool is not None
    assert queries == (pool and any(entry.wait for entry in model.start_order(member)))
    header = _header_text(text)
    issuer = "CP or CMS" if queries else "CP"
    assert f"else the rc of the first {issuer} command that failed" in header


@pytest.mark.parametrize(("example", "member"), [*START_EXECS, ("local", "DEV1"), ("local", "DEV2")])
def test_bkrstart_says_which_machines_it_waits_for_only_where_it_waits(example, member):
    # w.i says whether machine i is waited for: an EXEC that waits for none
    # (a member that is not the catalog SFS server's home) sets, exposes and
    # tests no w. at all, nor stops starting the rest after a failure; nor does
    # it set p. and pool. (the file pool query) or ask on.i whether a machine
    # that failed is logged on: START fails there only when it is not.
    model = _local_catalog_model() if example == "local" else example_model(example)
    text = generate(model, member, "BKRSTART", f"{example}.bkr")
    waits = any(entry.wait for entry in model.start_order(member))
    assert bool(re.search(r"(?<![\w.])w\.", text)) == waits
    # Where a Tape Manager node starts after the machine waited for, a failure of
    # that machine holds back the Backup Manager machines only (n.i): the node,
    # which needs no file pool of theirs, is started all the same.
    node = any(entry.role.startswith("tape-") for entry in model.start_order(member))
    assert ("the others need" in text) == (waits and not node)
    assert ("the Backup Manager machines need" in text) == (waits and node)
    assert bool(re.search(r"(?<![\w.])n\.|\bheld\b", text)) == (waits and node)
    for stem in ("p", "pool", "on"):  # set, read or exposed (not prose's 'logged on.')
        used = rf"(?<![\w.]){stem}\.(?:i\b|\d| =)|^\w+: procedure expose .*(?<![\w.]){stem}\.(?: |$)"
        assert bool(re.search(used, text, re.MULTILINE)) == waits, stem
    assert ("its file pool not serving" in text) == waits


def test_every_member_gets_only_its_jobs():
    model = example_model("minimal")
    dev1 = generate(model, "DEV1", "BKRSUBMT")
    dev2 = generate(model, "DEV2", "BKRSUBMT")

    def table(text: str) -> tuple[list[str], list[str]]:
        """The jobs of an EXEC's table, and every job its commands submit (the
        other member's jobs are named only where rc 28 says where they run)."""
        return re.findall(r"^job\.\d+ = '(.*)'$", text, re.MULTILINE), re.findall(r"SUBMIT (\S+)'", text)

    assert table(dev1) == (["GUESTFUL", "SYSFU1"], ["GUESTFUL", "SYSFU1"])
    assert table(dev2) == (["SYSFU2"], ["SYSFU2"])


def test_expire_exec_only_for_the_purging_member():
    model = example_model("minimal")
    assert model.purging_members() == ("DEV1",)
    with pytest.raises(ValueError, match="DEV2 does not purge"):
        expire_exec(model, model.member("DEV2"), "minimal.bkr", load_dialect())


def test_expire_exec_says_what_it_knows_of_the_catalog():
    from bkrdsl.pipeline import analyse

    def header(text: str) -> str:
        analysis = analyse("nocat.bkr", text.encode())
        assert analysis.ok, [d.code for d in analysis.diagnostics]
        lines = generate(analysis.model, "VM1", "BKREXPIR").splitlines()
        return " ".join(line.strip("/* ") for line in lines[:10])

    base = (ROOT / "tests" / "data" / "rules" / "BKR213.fail-purges.bkr").read_text()
    undeclared = header(base)
    assert "does not say whether the members share one catalog" in undeclared
    assert "acts on the catalog of member" not in undeclared
    local = header(base.replace("  expire on", "  catalog local server BKRSVSFS pool BKRPOOL\n  expire on"))
    assert "It acts on the catalog of member VM1." in local


def test_product_verbs_come_from_the_dialect():
    base = load_dialect()
    entries = dict(base.entries)
    for key, value in {
        "message_command": "MSGNOH",
        "submit_verb": "RUNJOB {job} NOW",
        "review_verb": "CHECKJOB {job}",
        "expire_preview_verb": "EXPIRE PREVIEW",
        "expire_purge_verb": "EXPIRE PURGE",
        "xautolog": "XAUTOLOG {user} SYNC",
        "query_user": "QUERY USERS {user}",
        "query_userid": "QUERY USERID *",
    }.items():
        entries[key] = Entry(key, value, "assumed", "")
    dialect = Dialect(base.release, base.product, entries)
    model = example_model("minimal")
    submit = generate(model, "DEV1", "BKRSUBMT", dialect=dialect)
    assert "'MSGNOH BKRBKUP RUNJOB GUESTFUL NOW'" in submit
    assert "'MSGNOH BKRBKUP CHECKJOB GUESTFUL'" in submit
    assert "SMSG" not in submit and "SUBMIT" not in submit.replace("BKRSUBMT", "")
    assert "cpquery('QUERY USERID *', 0)" in submit
    expire = generate(model, "DEV1", "BKREXPIR", dialect=dialect)
    assert "'MSGNOH BKRCATLG EXPIRE PREVIEW'" in expire and "(PURGE" not in expire
    start = generate(model, "DEV1", "BKRSTART", dialect=dialect)
    assert "'XAUTOLOG BKRSVSFS SYNC'" in start and "'QUERY USERS BKRSVSFS'" in start


def test_bkrstart_keeps_72_columns_with_a_member_name_of_8_characters():
    # The member's name in what BKRSTART says of a single-configuration machine
    # logged on at another member (the shared catalog's SFS server, homed on
    # the first member): `not here on DEVELOP1, where the .bkr'` ran to column
    # 73, and compile stopped with an internal error (found by .ci/explore 211).
    from bkrdsl.pipeline import analyse

    text = (ROOT / "examples" / "minimal.bkr").read_text().replace("DEV1", "DEVELOP1")
    analysis = analyse("long.bkr", text.encode())
    assert analysis.ok, [d.code for d in analysis.diagnostics if d.is_error]
    lines = generate(analysis.model, "DEVELOP1", "BKRSTART", "long.bkr").splitlines()
    assert "elsewhere: procedure expose me m. w. el. qa. where." in lines  # w.: the SFS server goes on to AWAY; where.: its member
    assert [line for line in lines if len(line) > MAX_COLUMNS or not is_emittable(line)] == []


SOURCES = [
    # (source, line 1 after the EXEC's name, the line after it or None)
    ("prod.bkr", "generated by bkrc from prod.bkr, do not edit. */", None),
    ("/some/very/long/path/" + "deeply/" * 12 + "prod.bkr",
     "generated by bkrc from prod.bkr, do not edit. */", "/* Source: /some/very/long/path/deeply/"),
    ("a cluster definition with a very long file name indeed.bkr",
     "generated by bkrc, do not edit. Source: */", "/*   a cluster definition with a very long"),
]


@pytest.mark.parametrize(("source", "first", "second"), SOURCES)
def test_long_descriptions_and_paths_stay_within_72_columns(source, first, second):
    model = copy.copy(example_model("minimal"))
    text = "A description that is far too long for one line, " * 6 + "with 'quotes' and /* comment marks */"
    model.jobs = tuple(dataclasses.replace(j, description=text) for j in model.jobs)
    for exec_name in ("BKRSUBMT", "BKREXPIR", "BKRSTART"):
        lines = generate(model, "DEV1", exec_name, source=source).splitlines()
        assert all(is_emittable(line) for line in lines)
        assert lines[0] == f"/* {exec_name} EXEC, {first}"
        if second is not None:
            assert lines[1].startswith(second), lines[1]


# What the header writes for a source outside the invariant set: `bkrc compile`
# names the base name alone, `_` for each such character (source_label); the
# emitter, given any text, writes each such character as `<U+XXXX>` and never
# lets the text close the comment or pass column 72.
ODD_SOURCES = [
    # (path as given to bkrc, what the header names)
    ("we~ird[dir]\u00e4/cl\u00fcster.bkr", "cl_ster.bkr"),
    ("we~ird[dir]\u00e4/cl\u00fcster~[x]\u00e9-with-a-long-name.bkr", "cl_ster__x__-with-a-long-name.bkr"),
    ("C:\\Users\\j\u00f6rg\\[prod] ssi.bkr", "_prod__ssi.bkr"),
    ("/tmp/" + "\u00e9" * 60 + ".bkr", "..." + "_" * 33 + ".bkr"),
]


@pytest.mark.parametrize(
    ("path", "named"),
    [
        ("/dev/fd/63", "<pipe>"),  # bash's `<(cmd)`
        ("/proc/self/fd/12", "<pipe>"),  # zsh's
        ("/proc/4242/fd/7", "<pipe>"),
        ("/proc/thread-self/fd/9", "<pipe>"),
        ("/dev/stdin", "<stdin>"),
        ("/dev/fd/0", "<stdin>"),
        ("<stdin>", "<stdin>"),  # `-`, as read_input names it
        ("site/63", "63"),  # a file named 63 is its name
        ("/dev/fd/x", "x"),
    ],
)
def test_a_file_descriptor_is_named_by_what_it_reads_not_its_number(path, named):
    """The number in /dev/fd/N is the shell's choice (bash 63, zsh 12): the label
    says what the source was read from, so that the files are the same from
    every shell."""
    from bkrdsl.emit.common import source_label

    assert source_label(path) == named


@pytest.mark.parametrize(("path", "named"), ODD_SOURCES, ids=["folder", "long", "windows", "accents"])
def test_a_source_outside_the_invariant_set_is_named_by_its_label(path, named):
    from bkrdsl.emit.common import source_label

    assert source_label(path) == named
    for exec_name in ("BKRSUBMT", "BKREXPIR", "BKRSTART"):
        lines = generate(example_model("minimal"), "DEV1", exec_name, source=source_label(path)).splitlines()
        if len(named) <= 14:
            assert lines[0] == f"/* {exec_name} EXEC, generated by bkrc from {named}, do not edit. */"
        else:
            assert lines[:2] == [f"/* {exec_name} EXEC, generated by bkrc, do not edit. Source: */", f"/*   {named} */"]
        assert all(is_emittable(line) for line in lines)


@pytest.mark.parametrize(
    "source",
    [
        "we~ird[dir]\u00e4/cl\u00fcster~[x]\u00e9-with-a-long-name.bkr",
        "\u00e9" * 70 + ".bkr",
        "a */ b /* c.bkr",
        "*/" * 40,
        "'" * 80,
        "x\ny~.bkr",
    ],
    ids=["odd-folder-long-name", "accents", "comment-marks", "closers", "quotes", "line-end"],
)
def test_any_source_text_keeps_the_header_one_closed_comment_a_line(source):
    for exec_name in ("BKRSUBMT", "BKREXPIR", "BKRSTART"):
        lines = generate(example_model("minimal"), "DEV1", exec_name, source=source).splitlines()
        assert lines[0].startswith(f"/* {exec_name} EXEC, generated by bkrc")
        header = lines[: next(n for n, line in enumerate(lines) if "Backup Manager" in line or "jobs" in line)]
        for line in header:
            assert line.startswith("/* ") and line.endswith(" */") and line.count("*/") == 1, line
            assert line.count("/*") == 1 and is_emittable(line), line


def test_output_is_deterministic():
    model = example_model("minimal")
    for exec_name in EMITTERS:
        assert generate(model, "DEV1", exec_name) == generate(model, "DEV1", exec_name)


# ------------------------------------------------------------------ the compile's identity
IDENTITY_LINE = re.compile(r"^/\* Compile ([0-9A-F]{8}): every EXEC of one compile, for every \*/$", re.MULTILINE)
IDENTITY_VARIABLE = re.compile(r"^compile = '([0-9A-F]{8})'$", re.MULTILINE)


def _identities(execs) -> set[str]:
    found = set()
    for _member, _file, text in execs:
        (header,), (variable,) = IDENTITY_LINE.findall(text), IDENTITY_VARIABLE.findall(text)
        assert header == variable, text[:400]
        found.add(header)
    return found


@pytest.mark.parametrize("example", example_names())
def test_every_exec_of_a_compile_names_one_identity_a_hash_of_them_all(example):
    """docs/rexx.md, "Which compile wrote an EXEC": each EXEC names one
    identity, in its header and its variable, the same in every EXEC of every
    member; it is the hash of the EXECs with the mark in its place (so it is
    no constant, and nothing else goes into it), and no mark is left."""
    model = example_model(example)
    execs = cluster_execs(model, f"{example}.bkr", load_dialect())
    (identity,) = _identities(execs)
    assert all(IDENTITY_MARK not in text for _, _, text in execs)
    marked = [(m, f, text.replace(identity, IDENTITY_MARK)) for m, f, text in execs]
    assert compile_identity(marked) == identity
    expected = [(m.name, f) for m in model.members
                for f in ("BKRSUBMT", "BKREXPIR", "BKRSTART")
                if f != "BKREXPIR" or m.name in model.purging_members()]
    assert [(m, f) for m, f, _ in execs] == expected


def test_the_identity_is_the_same_run_to_run_and_changes_with_any_exec():
    """The same model, name and dialect give the same identity (no clock); a
    change to what one EXEC carries (a job's schedule, on one member; the
    source's name; a dialect verb) gives every EXEC another."""
    dialect = load_dialect()
    model = example_model("prodssi")
    first = _identities(cluster_execs(model, "prodssi.bkr", dialect))
    assert _identities(cluster_execs(example_model("prodssi"), "prodssi.bkr", dialect)) == first
    text = (ROOT / "examples" / "prodssi.bkr").read_text(encoding="utf-8")
    assert "run on each member daily 03:30" in text
    later = analyse("prodssi.bkr", text.replace("run on each member daily 03:30",
                                                "run on each member daily 03:45").encode())
    assert later.ok
    others = [
        _identities(cluster_execs(later.model, "prodssi.bkr", dialect)),
        _identities(cluster_execs(model, "prodssi2.bkr", dialect)),
        _identities(cluster_execs(model, "prodssi.bkr", site_dialect({"submit_verb": "SUBMIT JOB {job}"}))),
    ]
    for other in others:
        assert len(other) == 1 and other != first


# ------------------------------------------------------------------ snapshots
MINIMAL_EXECS = [("DEV1", "BKRSUBMT"), ("DEV2", "BKRSUBMT"), ("DEV1", "BKREXPIR"),
                 ("DEV1", "BKRSTART"), ("DEV2", "BKRSTART")]


@pytest.mark.parametrize(("member", "exec_name"), MINIMAL_EXECS, ids=[f"{m}-{e}" for m, e in MINIMAL_EXECS])
def test_minimal_snapshot(snapshot, member, exec_name):
    text = generate(example_model("minimal"), member, exec_name, "minimal.bkr")
    assert text == snapshot(extension_class=RexxSnapshot)


def test_nth_weekday_table_snapshot(snapshot):
    """tests/cms/clusters/nthday.bkr: the schedules of `monthly first sun 02:00` ...
    `monthly last sat 22:00` in the EXEC's table (`02:00 MONTHLY FIRST SUN`), with
    the listing's `monthly first sun 02:00`; tests/test_regina.py runs them."""
    model = example_model("nthday")
    text = generate(model, "SYSA", "BKRSUBMT", "nthday.bkr") + generate(model, "SYSA", "BKREXPIR", "nthday.bkr")
    table = "\n".join(line for line in text.splitlines() if line.startswith(("sched.", "when.")))
    assert "sched.1 = '02:00 MONTHLY FIRST SUN'" in table
    assert table == snapshot


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='AZ09$#@_-"', max_size=10))
def test_a_name_is_typed_at_a_terminal_as_each_of_its_characters_is(name):
    """`typed_at_terminal` takes a name without `#` or `@` as it is (two scans in C);
    the answer is the character-by-character definition's: the logical escape `"`
    before each `#` and `@`, every other character as it is."""
    from bkrdsl.emit.rexx import typed_at_terminal

    assert typed_at_terminal(name) == "".join(f'"{ch}' if ch in "#@" else ch for ch in name)


@pytest.mark.parametrize("name", ["caf\u00e9.bkr", "\u00c5ngstr\u00f6m.bkr", "\u0130stanbul.bkr", "site/r\u00e9seau.bkr"])
def test_a_source_name_is_labelled_alike_composed_or_decomposed(name):
    """`café.bkr` typed (é one character, NFC) or completed by a macOS shell (e
    and a combining accent, NFD) names the same file: the label was `caf_.bkr`
    for one and `cafe_.bkr` for the other, so the same source gave files that
    differ in every header and in manifest.json."""
    import unicodedata

    from bkrdsl.emit.common import source_label

    composed = unicodedata.normalize("NFC", name)
    decomposed = unicodedata.normalize("NFD", name)
    assert composed != decomposed
    assert source_label(decomposed) == source_label(composed)
    assert source_label("caf\u00e9.bkr") == "caf_.bkr"


# --- h13 (stop 68)
def test_bkrstart_names_a_tape_manager_node_as_no_backup_manager_machine():
    """BKRSTART's header and help name what it starts: where it starts a Tape
    Manager node, the Backup Manager and Tape Manager machines, not a node
    counted among "the Backup Manager machines"."""
    with_node = example_exec_text("prodssi", "VMSYS1")
    assert "/* Starts the Backup Manager and Tape Manager machines of member */" in with_node
    assert "Starts the Backup Manager machines" not in with_node
    assert "starts the Backup Manager and Tape Manager'," in with_node
    without = example_exec_text("minimal", "DEV1")
    assert "/* Starts the Backup Manager machines of member DEV1 of cluster" in without
    assert "Tape Manager" not in without


def example_exec_text(example: str, member: str) -> str:
    return generate(example_model(example), member, "BKRSTART", f"{example}.bkr")


# stop 70, h6: el. (a machine ELSEWHERE found at another member) only where one can be
@pytest.mark.parametrize(("example", "member"), [*START_EXECS, ("local", "DEV1"), ("local", "DEV2")])
def test_bkrstart_keeps_el_only_where_it_starts_a_single_configuration_machine(example, member):
    # ELSEWHERE sets el.i, and START, MEANWHILE and both summaries read it, not
    # its rc 36, which a failing CP command could give too. An EXEC that starts
    # no single-configuration machine has no ELSEWHERE, so no el. at all.
    model = _local_catalog_model() if example == "local" else example_model(example)
    text = generate(model, member, "BKRSTART", f"{example}.bkr")
    kinds = model.product_machines()
    apart = any(kinds.get(entry.user, (None,))[0] is Kind.SINGLE for entry in model.start_order(member))
    assert bool(re.search(r"(?<![\w.])el\.", text)) == apart
    assert ("elsewhere: procedure" in text) == apart
    assert "= 36" not in text  # no rc taken for "found at another member"


# stop 71, h12: BKRSUBMT's away. rows made once per compile, not once per member
def _brute_away(model, member):
    """`_away` as stop 70 wrote it: every job read again for each member."""
    from bkrdsl.emit.rexx import _schedule_codes, typed_at_terminal

    out = []
    for job in model.jobs:
        placed = model.derived_names(job)
        if all(where == member and name == job.name for where, name in placed):
            continue
        entry = " ".join([job.name, *(f"{where} {typed_at_terminal(name)}" for where, name in placed)])
        out.append((entry, _schedule_codes(job.run.schedule if job.run else None)[0]))
    return out


@pytest.mark.parametrize("example", ["prodssi", "spreadssi", "bank", "lnxssi", "minimal"])
def test_away_rows_read_each_job_once_per_compile(example, monkeypatch):
    from bkrdsl.emit import rexx

    model = example_model(example)
    rows = rexx._away_rows(model)
    for member in model.member_names:
        assert rexx._away(model, member, rows) == _brute_away(model, member) == rexx._away(model, member)
    # The work: each job's schedule read for its own entries (one per member it
    # runs on) and once for every member's away. (stop 70: once per member).
    seen = []
    real = rexx._schedule_codes
    monkeypatch.setattr(rexx, "_schedule_codes", lambda schedule: seen.append(id(schedule)) or real(schedule))
    cluster_execs(model, f"{example}.bkr", load_dialect())
    placed = [job for job in model.jobs if job.run is not None and model.derived_names(job)]
    assert placed and len(model.member_names) > 1 or example == "minimal"
    for job in placed:
        assert seen.count(id(job.run.schedule)) == len(model.derived_names(job)) + 1, job.name


# stop 74, h1: DUE's record rests on no STREAM command IBM's text does not show.
# IBM's z/VM 7.2 REXX/VM User's Guide ("Accessing Data within a Stream") shows a
# minidisk file opened with `OPEN TEXT lineend 15` and closed with `CLOSE`, and
# says LINEIN and LINEOUT take a position; the REXX/VM Reference's list of OPEN's
# options (REPLACE?) was not found (docs/compatibility.md, "The record DUE keeps").
# So the record is written by LINEOUT at line 1 and only `CLOSE` is ever sent.
_STREAM_CALL = re.compile(r"\bstream\(?\s*file,\s*'([A-Z])'(?:,\s*'([^']*)')?")


def _due_execs():
    for example in ("minimal", "prodssi", "bank"):
        model = example_model(example)
        for member in model.member_names:
            purges = member in model.purging_members()
            for exec_name in ("BKRSUBMT", "BKREXPIR")[: 1 + purges]:
                yield generate(model, member, exec_name, f"{example}.bkr")


def test_due_s_record_sends_stream_close_only_and_writes_with_lineout_at_line_1():
    texts = list(_due_execs())
    assert len(texts) > 4
    for text in texts:
        uses = _STREAM_CALL.findall(text)
        # Every stream( in the code is one of these (no other form slips by the pattern).
        assert len(uses) == len(re.findall(r"\bstream\b", text)), uses
        assert set(uses) == {("C", "CLOSE"), ("S", "")}, uses
        assert "OPEN" not in " ".join(command for _, command in uses)
        writes = re.findall(r"\blineout\([^)]*\)", text)
        assert writes == ["lineout(file, stamp, 1)"], writes


# stop 77, h7: the routines every member's BKRSUBMT shares made once per compile
@pytest.mark.parametrize("example", ["prodssi", "spreadssi", "bank", "lnxssi", "minimal"])
def test_shared_routines_made_once_per_compile_each_exec_as_written_alone(example, monkeypatch):
    from bkrdsl.emit import rexx

    model, dialect = example_model(example), load_dialect()
    made: dict = {}
    for member in model.member_names:
        # Each EXEC is the one written alone, its header's note included: making the
        # lines once, each EXEC still notes the entries they read.
        alone = rexx._submit_exec(model, member, f"{example}.bkr", dialect).text()
        assert rexx._submit_exec(model, member, f"{example}.bkr", dialect, made=made).text() == alone
        if member in model.purging_members():
            alone = rexx._expire_exec(model, member, f"{example}.bkr", dialect).text()
            assert rexx._expire_exec(model, member, f"{example}.bkr", dialect, made=made).text() == alone
    # The work: one making for BKRSUBMT (the same server and words on every member),
    # one for BKREXPIR (stop 76: one per EXEC, every member's BKRSUBMT again).
    calls = []
    real = rexx._routines_common
    monkeypatch.setattr(rexx, "_routines_common", lambda *a, **k: calls.append(a) or real(*a, **k))
    cluster_execs(model, f"{example}.bkr", dialect)
    assert len(model.member_names) > 1
    assert len(calls) == 1 + bool(model.purging_members()), calls


def test_shared_routines_note_what_making_them_read_in_every_exec():
    from bkrdsl.emit import rexx
    from bkrdsl.emit.common import Reading

    dialect = load_dialect()
    made: dict = {}
    first, second = Reading(dialect), Reading(dialect)
    lines = rexx._shared_routines(first, made, " 'JOB'", "BKRBKUP", elsewhere=True)
    assert list(lines) == rexx._routines_common(" 'JOB'", Reading(dialect), "BKRBKUP", elsewhere=True)
    assert rexx._shared_routines(second, made, " 'JOB'", "BKRBKUP", elsewhere=True) is lines
    assert list(first.read) == list(second.read) == ["xautolog", "message_not_receiving_rc"]
    assert dialect.entries["message_not_receiving_rc"].status == "assumed"  # so the header's note names it


# stop 77, h10: the header names DUE's record by the file the EXEC writes (h1's J4)
def test_the_header_names_due_s_record_by_the_file_name_the_exec_writes():
    """Each BKRSUBMT and BKREXPIR header called DUE's record "the file member
    BKRSUBMT A", IBM's placeholder, while the EXEC knows its member: ZVMB's writes
    `ZVMB BKRSUBMT A` (`file = member me 'A'`), the name deploy.md's rc-32 row
    has the operator ERASE. The header now writes that name, the one the code's
    `member` and `me` make, on every member of every example."""
    texts = list(_due_execs())
    assert len(texts) > 4
    for text in texts:
        code = text.splitlines()
        member = re.search(r"^member = '([^']*)'$", text, re.MULTILINE).group(1)
        me = re.search(r"^me = '([^']*)'$", text, re.MULTILINE).group(1)
        assert "  file = member me 'A'" in code
        header = " ".join(
            line.strip()[2:-2].strip() for line in code[: code.index("trace off")] if line.startswith("/*")
        )
        header = " ".join(header.split())
        assert f"handled in the file {member} {me} A on the caller's A-disk" in header, header
        assert "file member" not in header
