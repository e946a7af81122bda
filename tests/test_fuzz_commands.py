"""Property test: every command answers a damaged real file, and both parsers alike.

A real file (an example, a CMS test cluster, a rule's case, a malformed file)
with random edits (lines and words deleted, duplicated, swapped; a number
changed, a name's case changed, a keyword put in, the file cut short, an
`import` of itself or a missing module, a `# bkrc: allow` comment, a name
renamed in one of its places only, a line, a block or the rest of a line
commented out, a block pasted from another file or copied and half edited, a
member's `subconfig` statement put in, pasted from the directory or mangled, a
brace, comma or quote deleted, doubled or turned, or a stray mark put in; CRLF line
ends, tabs, a byte-order mark, letters outside ASCII, long lines, blocks
repeated or nested deep) goes through `bkrc check`, `check --fix` (on a copy),
`compile` (into a new DIR and into one written before),
`fmt`, `show` and the language server's analysis under the fast parser and
under Lark, and bench/mutate.py's oracle holds: no traceback, the documented
exit codes, every diagnostic placed and helped, the same answers from both
parsers, nothing half written, `fmt` a fixed point that keeps the meaning, the
language server reporting what check does. CI draws a few derandomized cases;
`.ci/explore` more, and `python bench/mutate.py` thousands (docs/architecture.md,
"Property tests").
"""

from __future__ import annotations

import pytest
from conftest import bench_module
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

mutate = bench_module("mutate")
FOLDERS = mutate.origins()


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    work = tmp_path_factory.mktemp("mutate")
    return work, mutate.prepare(work)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_every_command_answers_a_mutated_file_alike_under_both_parsers(prepared, rnd):
    work, baseline = prepared
    origin = rnd.choice(rnd.choice(FOLDERS))
    text, edits = mutate.mutate(origin.read_text(encoding="utf-8"), rnd, name=origin.stem)
    case = mutate.Case(0, origin, text, edits)
    problems = mutate.check_case(case, work, baseline)
    assert not problems, f"{origin.name}: {edits}\n" + "\n".join(problems)


# stop 74, h5: the oracle lets `check --fix` run again apply the fix it held back
@pytest.mark.parametrize("which", ["fast", "lark"])
def test_the_oracle_lets_a_second_fix_apply_what_the_first_held_back(tmp_path, which):
    """examples/broken/prodssi.bkr: the first --fix spreads job SYSINC to every member
    (BKR221), which then warns BKR227 (its names shared) and holds that fix back; the
    second --fix applies it (docs/diagnostics.md), and a third changes nothing. The
    oracle called the second's change a failure (`bench/mutate.py --seed 50758`: 18
    of 165 cases, every one of them this)."""
    from conftest import EXAMPLES

    file = tmp_path / "prodssi.bkr"
    file.write_bytes((EXAMPLES / "broken" / "prodssi.bkr").read_bytes())
    problems, (_, _, stderr, _) = mutate.fix_problems(file, which)
    assert "1 held back (BKR227: run --fix again)" in stderr
    assert problems == []


# stop 76, h4: the allow edit puts `# bkrc: allow` comments in, mostly naming a warning the file gives
def test_the_allow_edit_names_the_warnings_the_file_gives(prepared):
    """No real file holds a `# bkrc: allow`, and no edit wrote one: the fuzz never saw
    an allow. The allow edit writes one (a code or name, mistyped, of an error...)
    trailing a line, on a line of its own, after a `}`, in a quoted text, or moves
    one; mostly naming a warning the unedited file gives, on its line, so that some
    are used. The oracle holds on such a case."""
    import random

    from conftest import ROOT

    origin = ROOT / "tests" / "data" / "rules" / "BKR227.fail.bkr"
    warned = mutate.warnings_of(origin)
    assert ("BKR227", 12) in warned
    texts = [
        mutate.mutate(
            origin.read_text(encoding="utf-8"), random.Random(k), edits=("allow comment",), warned=warned
        )
        for k in range(20)
    ]
    assert all("bkrc:" in text for text, _ in texts)
    from bkrdsl.pipeline import analyse

    used = [
        (text, edits)
        for text, edits in texts
        if any(
            a.diagnostic.code == "BKR227"
            for a in analyse(str(origin), text.encode("utf-8"), path=origin).allowed
        )
    ]
    assert used, [edits for _, edits in texts]
    work, baseline = prepared
    text, edits = used[0]
    problems = mutate.check_case(mutate.Case(0, origin, text, edits), work, baseline)
    assert not problems, "\n".join(problems)


# (stop 76, h4) the oracle's two allow properties: an allow sets aside what it covers,
# and the language server's *Allow* action allows its warning
_H4_SHARED = """\
import std/backup-manager
cluster PRODSSI {
  member VMSYS1 { workers 2 }
  member VMSYS2 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
  identity group SYSIDS { TCPIP }
  job SYSINC {%s
    backup SYSIDS incremental
    include minidisk * *
    to disk
    run on each member daily 01:00
  }
}
"""


@pytest.mark.parametrize("which", ["fast", "lark"])
def test_the_oracle_sees_an_allow_set_aside_what_it_does_not_cover(tmp_path, monkeypatch, which):
    """Taking a file's allows out must report what it reported and what they set aside:
    a collector that drops a warning without keeping it as allowed is seen."""
    from bkrdsl.diagnostics import allow

    file = tmp_path / "site.bkr"
    file.write_text(_H4_SHARED % "   # bkrc: allow BKR227 our own names", encoding="utf-8")
    with mutate.parser_selected(which):
        assert mutate.allow_problems(file) == []
        monkeypatch.setattr(allow.Allows, "take", lambda self, d: d.code == "BKR227")
        (problem,) = mutate.allow_problems(file)
    assert "taking the allows out" in problem and "BKR227" in problem.split("only without:")[1]


@pytest.mark.parametrize("which", ["fast", "lark"])
def test_the_oracle_sees_an_allow_action_that_allows_nothing(tmp_path, monkeypatch, which):
    """*Allow BKR227 on this line* must leave BKR227 set aside, and no BKR025-BKR027
    more: an action that writes its allow where it covers nothing is seen."""
    import random

    from bkrdsl.diagnostics import allow
    from bkrdsl.diagnostics.core import Fix

    file = tmp_path / "site.bkr"
    file.write_text(_H4_SHARED % "", encoding="utf-8")
    with mutate.parser_selected(which):
        assert mutate.allow_action_problems(file, random.Random(0)) == []

        def above_the_file(source, d, module, directives=()):
            return Fix.replace(f"Allow {d.code} on this line", source.span(0, 0), f"# bkrc: allow {d.code}\n")

        monkeypatch.setattr(allow, "allow_fix", above_the_file)
        problems = mutate.allow_action_problems(file, random.Random(0))
    assert len(problems) == 2, problems
    assert "leaves it reported" in problems[0] and "{'BKR027': [1]}" in problems[1]


# stop 77, h4: the rename edit renames a name in one place only, or everywhere but one
def test_the_rename_edit_renames_a_name_in_one_place_or_everywhere_but_one(prepared):
    """A sysprog renames member DEV1 in its block and not in `run on DEV1` (or a
    search-and-replace misses one place): no edit did that, since `name case` only
    changes a name's case and the word edits delete, repeat or swap words. The rename
    edit changes one of a name's places, or all but one, to a name made from it
    (`DEV2`, `DEV1` typed `EDV1`...) or another of the file's names; keywords, quoted
    text and comments stay. The oracle holds on a member renamed in its block only."""
    import random
    import re

    from conftest import EXAMPLES

    origin = EXAMPLES / "minimal.bkr"
    text = origin.read_text(encoding="utf-8")
    tokens = re.compile(r'"[^"\n]*"|#[^\n]*|[^\s{}]+')
    before = tokens.findall(text)
    hows = set()
    member_block_only = None
    for k in range(60):
        renamed, what = mutate._rename_edit(text, random.Random(k))
        after = tokens.findall(renamed)
        assert len(after) == len(before), what
        changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
        (name,) = {before[i] for i in changed}
        assert re.fullmatch(r"[A-Z][A-Z0-9]*", name), what
        places = [i for i, t in enumerate(before) if t == name]
        assert len(places) > 1 and set(changed) <= set(places), what
        assert len(changed) in (1, len(places) - 1), what
        hows.add(("only at" in what, what.split("(")[1].split(")")[0]))
        if name == "DEV1" and changed == [before.index("member") + 1] and member_block_only is None:
            member_block_only = renamed, [what]
    assert {only for only, _ in hows} == {True, False}
    assert {how for _, how in hows} >= {"number changed", "letters swapped", "another of the file's names"}
    assert member_block_only is not None
    renamed, edits = member_block_only
    assert "run on DEV1 daily" in renamed and "member DEV1 " not in renamed
    work, baseline = prepared
    problems = mutate.check_case(mutate.Case(0, origin, renamed, edits), work, baseline)
    assert not problems, "\n".join(problems)
    drawn = [mutate.mutate(text, random.Random(k), edits=("rename name",))[1] for k in range(5)]
    assert all(what.startswith("rename ") for edits in drawn for what in edits)
    assert "rename name" in mutate.EDITS


# stop 78, h7: the comment-out edit takes a line, a block or the rest of a line out of service
def test_the_comment_out_edit_comments_out_a_line_a_block_or_the_rest_of_a_line(prepared):
    """A sysprog takes a job or a member out of service for a night by commenting it
    out, `#` at the lines' indentation as an editor's *toggle comment* writes it, or
    `*` and `/* ... */` from CMS and REXX habit, and sometimes forgets the block's `}`
    line: no edit did that (a `#` came only in an allow comment or as a letter). The
    comment-out edit marks a line, a block inside the cluster (with or without its
    `}` line) or the rest of a line from one of its words; no line is added or lost,
    and a marked line is the line as it was once its mark is taken out. The oracle
    holds on a job commented out whole."""
    import random
    import re

    from conftest import EXAMPLES

    origin = EXAMPLES / "minimal.bkr"
    text = origin.read_text(encoding="utf-8")
    before = text.split("\n")
    hows, marks = set(), set()
    job_out = None
    for k in range(80):
        changed, what = mutate._comment_edit(text, random.Random(k))
        after = changed.split("\n")
        assert len(after) == len(before), what
        differ = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
        mark = re.search(r"with '(.*)'$", what).group(1)
        marks.add(mark)
        how = re.match(r"comment out (block but its \}|block|line)", what).group(1)
        how = "rest of line" if " from " in what else how
        hows.add(how)
        if how.startswith("block"):
            assert len(differ) > 1 and before[differ[0]].rstrip().endswith("{"), what
            assert (before[differ[-1]].strip() == "}") == (how == "block"), what
        else:
            assert len(differ) == 1, what
        for i in differ:
            unmarked = re.sub(re.escape(mark) + " ?", "", after[i], count=1).removesuffix(" */")
            assert unmarked.strip() == before[i].strip(), (what, after[i])
        if (
            job_out is None
            and how == "block"
            and mark == "#"
            and before[differ[0]].strip().startswith("job ")
        ):
            job_out = changed, [what]
    assert hows == {"line", "block", "block but its }", "rest of line"}, hows
    assert marks == {"#", "*", "/*"}, marks
    assert job_out is not None
    work, baseline = prepared
    problems = mutate.check_case(mutate.Case(0, origin, job_out[0], job_out[1]), work, baseline)
    assert not problems, "\n".join(problems)
    drawn = [mutate.mutate(text, random.Random(k), edits=("comment out",))[1] for k in range(5)]
    assert all(what.startswith("comment out ") for edits in drawn for what in edits)
    assert "comment out" in mutate.EDITS


# stop 79, h8: the paste edit pastes a block of another file, or copies one and half edits it
def test_the_paste_edit_pastes_another_files_block_or_a_copy_half_edited(prepared):
    """A sysprog writes a new job by copying one and editing the copy, and forgets a
    place (`run on` still names the first member, or the job's name is kept), or
    pastes a block from another cluster's file with that cluster's names: no edit did
    that (`repeat block` repeats a block unchanged, `rename name` renames a name where
    it already is). The paste edit puts in a block's lines in one piece below one of the
    file's blocks: another real file's lines as they were (re-indented), or a copy of
    one of the file's blocks with its name changed or kept and one other name changed
    or none. The oracle holds on a job copied, renamed and half edited."""
    import random
    import re
    from pathlib import Path

    from conftest import EXAMPLES, ROOT

    origin = EXAMPLES / "minimal.bkr"
    text = origin.read_text(encoding="utf-8")
    before = text.split("\n")
    tokens = re.compile(r'"[^"\n]*"|#[^\n]*|[^\s{}]+')
    forms = set()
    job_copied = None
    for k in range(60):
        pasted, what = mutate._paste_edit(text, random.Random(k), origin.stem)
        after = pasted.split("\n")
        added = len(after) - len(before)
        assert added > 0, what
        at = next(i for i, (a, b) in enumerate(zip(before + [None], after)) if a != b)
        assert after[:at] + after[at + added :] == before, what  # the lines put in are one piece
        block = after[at : at + added]
        if what.startswith("paste "):
            forms.add("another file")
            first, last, other = re.match(r"paste lines (\d+) to (\d+) of (\S+) after", what).groups()
            theirs = (ROOT / other).read_text(encoding="utf-8").split("\n")[int(first) - 1 : int(last)]
            assert [line.strip() for line in block] == [line.strip() for line in theirs], what
            assert Path(other).stem != origin.stem, what
            continue
        first, last = (int(n) for n in re.match(r"copy lines (\d+) to (\d+) below them", what).groups())
        assert at == last, what
        was = tokens.findall("\n".join(before[first - 1 : last]))
        now = tokens.findall("\n".join(block))
        assert len(now) == len(was), what
        changed = [i for i, (a, b) in enumerate(zip(was, now)) if a != b]
        assert len(changed) <= 2, what
        kept = "its name kept" in what
        forms.add("copy, its name kept" if kept else "copy, renamed")
        if not kept and len(changed) == 2 and was[0] == "job" and job_copied is None:
            job_copied = pasted, [what]
    assert forms == {"another file", "copy, its name kept", "copy, renamed"}, forms
    assert job_copied is not None
    work, baseline = prepared
    problems = mutate.check_case(mutate.Case(0, origin, job_copied[0], job_copied[1]), work, baseline)
    assert not problems, "\n".join(problems)
    drawn = [mutate.mutate(text, random.Random(k), edits=("paste block",))[1] for k in range(5)]
    assert all(what.startswith(("paste ", "copy ")) for edits in drawn for what in edits)
    assert "paste block" in mutate.EDITS


# stop 81, h5: the punctuation edit deletes, doubles or turns a brace, a comma or a quote, or puts a stray mark in
def test_the_punctuation_edit_slips_a_brace_a_comma_or_a_quote(prepared):
    """No edit touched the language's punctuation: `_WORD` takes no `{`, `}`, `,` or
    `"`, so a word edit never deleted a job's `{` or a list's comma, and no edit typed
    a `;` after a statement or `workers = 4` (a `}` went only with its whole line, a
    quote only with its text). The punctuation edit deletes, doubles or turns one of
    those marks outside a comment, or puts a mark of STRAY in at a word's edge (against
    it or a blank away); it changes that one place only. The oracle holds on a job
    whose `{` was deleted."""
    import random
    import re

    from conftest import EXAMPLES

    origin = EXAMPLES / "minimal.bkr"
    text = origin.read_text(encoding="utf-8")
    comments = [m.span() for m in re.finditer(r"#[^\n]*", text)]
    hows, put = set(), set()
    job_opened = None
    for k in range(120):
        changed, what = mutate._punctuation_edit(text, random.Random(k))
        how, at = re.search(r"(deleted|doubled|turned|put in)(?: '.')? at (\d+)$", what).groups()
        at = int(at)
        hows.add(how)
        assert not any(a <= at < b for a, b in comments), what  # never in a comment
        if how == "put in":
            mark = re.match(r"punctuation '(.*)' put in", what).group(1).replace("\\\\", "\\")
            assert changed == text[:at] + mark + text[at:], what
            assert mark.strip() in mutate.STRAY, what
            put.add(mark.strip())
            continue
        assert text[at] in mutate.PUNCTUATION, what
        if how == "deleted":
            assert changed == text[:at] + text[at + 1 :], what
        elif how == "doubled":
            assert changed == text[:at] + text[at] + text[at:], what
        else:
            assert text[at] in "{}" and changed == text[:at] + "{}"[text[at] == "{"] + text[at + 1 :], what
        if how == "deleted" and text[at] == "{" and text[:at].endswith("job SYSFU ") and job_opened is None:
            job_opened = changed, [what]
    assert hows == {"deleted", "doubled", "turned", "put in"}, hows
    assert len(put) >= 6 and {";", "="} <= put, put
    assert job_opened is not None
    work, baseline = prepared
    problems = mutate.check_case(mutate.Case(0, origin, job_opened[0], job_opened[1]), work, baseline)
    assert not problems, "\n".join(problems)
    drawn = [mutate.mutate(text, random.Random(k), edits=("punctuation",))[1] for k in range(5)]
    assert all(what.startswith("punctuation ") for edits in drawn for what in edits)
    assert "punctuation" in mutate.EDITS


# stop 82, h4: the subconfig edit writes or mangles a member's `subconfig` statement
def test_the_subconfig_edit_writes_a_members_subconfig_as_a_sysprog_does(prepared):
    """`subconfig MACHINE NAME` (new at stop 81) is in no example, only in five rule
    cases: no edit wrote one, so the fuzz hardly read one. The subconfig edit puts one
    into a member block as a sysprog copies it off the CP directory (the site's name,
    bkrc's own, `BKRBKUP-1` unshortened, another member's number, a single-configuration
    machine, no name...), pastes the directory's own line there (`BUILD ON VM1 USING
    SUBCONFIG BKRBKU-1`), or mangles one of the file's (its keyword mistyped, its words
    the other way round, its name left out, an `=`, copied unchanged into another
    member, moved into another member or out of the member blocks). It touches no line
    but those; the oracle holds on a statement copied unchanged into another member
    (BKR242) and on one put into a member written on one line."""
    import random
    import re

    from conftest import EXAMPLES, ROOT

    origin = ROOT / "tests" / "data" / "rules" / "BKR242.fail-subconfig-given-twice.bkr"
    text = origin.read_text(encoding="utf-8")
    untouched = [line for line in text.split("\n") if "sub" not in line.lower()]
    hows = set()
    copied = None
    for k in range(80):
        changed, what = mutate._subconfig_edit(text, random.Random(k))
        assert changed != text, what
        how = re.match(
            r"(put in|directory line|subconfig's keyword|subconfig's machine and name|subconfig's name left out"
            r"|subconfig with an '='|subconfig at line \d+ (?:copied|moved) into|subconfig at line \d+ moved out)",
            what,
        )
        assert how, what
        hows.add(re.sub(r"line \d+ ", "", how.group()))
        # only subconfig statements change (and the lines a statement is moved off or onto)
        assert [line for line in changed.split("\n") if "sub" not in line.lower()] == untouched, what
        if how.group().startswith(("put in", "directory line")):
            statement = re.search(r"'([^']*)'", what).group(1)
            lines = changed.split("\n")
            added = [i for i, line in enumerate(lines) if line.strip() == statement]
            assert added and "\n".join(lines[: added[0]] + lines[added[0] + 1 :]) == text, what
        if "copied into member VM1" in what and copied is None:
            copied = changed, [what]
    assert len(hows) == 9, hows
    # a file whose members are written on one line: a statement goes in before the `}`
    minimal = EXAMPLES / "minimal.bkr"
    one_line = minimal.read_text(encoding="utf-8")
    put = None
    for k in range(40):
        changed, what = mutate._subconfig_edit(one_line, random.Random(k))
        if what.startswith("put in 'subconfig "):
            statement, member = re.match(r"put in '([^']*)' in member (\w+)", what).groups()
            written = (
                f"  member {member} {{ workers 2  private-volume {member[0]}{member[-1]}PRV1  {statement} }}"
            )
            assert written in changed.split("\n"), what
            put = changed, [what]
            break
    assert put is not None and copied is not None
    work, baseline = prepared
    for origin_, (changed, edits) in ((origin, copied), (minimal, put)):
        problems = mutate.check_case(mutate.Case(0, origin_, changed, edits), work, baseline)
        assert not problems, "\n".join(problems)
    # a file without a member block gets one where a statement starts
    changed, what = mutate._subconfig_edit("single user LINUX01\n", random.Random(0))
    assert "subconfig BKRBKUP BKRBKU-1" in changed.split("\n") and "no member block" in what
    drawn = [mutate.mutate(text, random.Random(k), edits=("subconfig",))[1] for k in range(5)]
    assert all(
        what.startswith(("put in", "directory line", "subconfig")) for edits in drawn for what in edits
    )
    assert "subconfig" in mutate.EDITS


# stop 83, h6: a run ends with how many cases drew each edit kind (which `--only` to run next)
def test_a_run_says_how_many_cases_drew_each_edit_kind(monkeypatch, capsys):
    """Stop 83's brief asked for a seed of the edit kind the runs had drawn least, and
    the runs did not say: each case's kinds had to be found again by replaying its
    draws. A case now keeps its edits' kinds, recorded without drawing a random number
    more (every seed's cases stay the ones the tool drew before), and a run ends with
    the number of cases that drew each kind, fewest first, kinds never drawn at 0."""
    import random
    import re
    from collections import Counter

    for number in range(12):
        c = mutate.case(50793, number, FOLDERS)
        assert len(c.kinds) == len(c.edits) and set(c.kinds) <= set(mutate.EDITS)
        # the draws of a case made without recording its kinds (as before stop 83)
        rnd = random.Random(f"50793/{number}")
        origin = rnd.choice(rnd.choice(FOLDERS))
        gentle = rnd.random() < 0.3
        text, edits = mutate.mutate(
            origin.read_text(encoding="utf-8"),
            rnd,
            gentle=gentle,
            name=origin.stem,
            warned=mutate.warnings_of(origin),
        )
        assert (c.origin, c.text, c.edits) == (origin, text, edits)
        if gentle:
            assert set(c.kinds) <= set(mutate.GENTLE)
    assert set(mutate.case(50796, 0, FOLDERS, ("paste block",)).kinds) == {"paste block"}

    monkeypatch.setattr(mutate, "check_case", lambda *args, **kwargs: [])  # the draws alone
    assert mutate.main(["--seed", "50793", "--cases", "30"]) == 0
    last = capsys.readouterr().out.strip().split("\n")[-1]
    drew = Counter({kind: 0 for kind in mutate.EDITS})
    for number in range(30):
        drew.update(set(mutate.case(50793, number, FOLDERS).kinds))
    counted = dict(re.findall(r"([a-zA-Z -]+?) (\d+)(?:, |$)", last.split(": ", 1)[1]))
    assert last.startswith("cases by edit kind, fewest first: ")
    assert {kind: int(n) for kind, n in counted.items()} == dict(drew)
    assert [int(n) for n in counted.values()] == sorted(drew.values())
    assert mutate.drawn_by_kind(Counter({"tab": 2, "truncate": 0, "delete line": 2})) == (
        "truncate 0, delete line 2, tab 2"
    )
