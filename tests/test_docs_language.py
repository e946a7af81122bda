"""docs/language.md describes every word the language gives a meaning to, and
the characters a name is made of (there and in docs/editors.md) as the
grammar's NAME token has them.

Every keyword of grammar/bkr.lark (bkrdsl.keywords, read from the grammar's
own terminals), every role a `role` takes and every unit a `disk` size takes
is written on the page, in `inline code` or in a ```bkr block, as a word of
its own: a construct added to the grammar fails this test until the page
says what it means. (That each ```bkr block parses and checks as its marker
says is tests/test_docs_bkr_blocks.py; each keyword's one sentence,
docs/keywords.md, is tests/test_editors.py.)

Each block of cluster statements, tried as the page says (in a whole cluster,
in place of its statements of the same kind), checks clean or with the codes
its comments name.
"""

from __future__ import annotations

import re
import textwrap
from itertools import chain

import pytest
from conftest import ROOT, run_cli

from bkrdsl.keywords import keywords
from bkrdsl.pipeline import analyse
from bkrdsl.resolve.model import DISK_UNITS, ROLES
from bkrdsl.source import Source
from bkrdsl.syntax import read_module

PAGE = ROOT / "docs" / "language.md"
INLINE = re.compile(r"`([^`\n]+)`")
BLOCK = re.compile(r"^ *```bkr\n(.*?)^ *```", re.DOTALL | re.MULTILINE)


def shown_words(page: str) -> set[str]:
    """The words (lower case) of the page's inline code and ```bkr blocks, comments left out."""
    code = INLINE.findall(BLOCK.sub("", page))
    code += [re.sub(r"#[^\n]*", "", block) for block in BLOCK.findall(page)]
    return {w.lower() for text in code for w in re.findall(r"[A-Za-z0-9][\w-]*", text)}


def undescribed(page: str) -> list[str]:
    words = shown_words(page)
    wanted = [("keyword", k) for k in keywords()]
    wanted += [("role", r) for r in sorted(ROLES)]
    wanted += [("disk size unit", u.lower()) for u in sorted(DISK_UNITS)]
    return [f"{what} `{word}`" for what, word in wanted if word not in words]


def test_every_keyword_role_and_unit_is_on_the_language_page():
    assert undescribed(PAGE.read_text(encoding="utf-8")) == [], "describe these in docs/language.md"


@pytest.mark.parametrize(
    ("old", "new", "missing"),
    [
        ("`job-suffix S`", "`suffix S`", None),  # still written elsewhere on the page
        ("job-suffix", "suffix", "keyword `job-suffix`"),
        ("`installation`", "", "role `installation`"),
        ("`blocks`", "", "disk size unit `blocks`"),
    ],
)
def test_a_word_the_page_no_longer_shows_is_caught(old, new, missing):
    page = PAGE.read_text(encoding="utf-8")
    assert old in page
    found = undescribed(page.replace(old, new))
    assert found == ([missing] if missing else [])


def test_a_word_in_prose_or_a_comment_does_not_count():
    page = "`workers N`\n\nThe word job-suffix in prose.\n\n"
    page += "```bkr\nmember A { workers 2 }  # job-suffix C\n```\n"
    words = shown_words(page)
    assert {"workers", "member"} <= words and "job-suffix" not in words


def _characters(klass: str) -> set[str]:
    """The characters of a regex character class such as `[A-Za-z0-9$#@_+\\-:.]`."""
    import string

    return {c for c in string.printable if re.fullmatch(klass, c)}


def name_rule_problems(page: str) -> list[str]:
    """Where the page's sentence on names differs from the grammar's NAME token."""
    from bkrdsl.keywords import vocabulary

    v = vocabulary()
    start, chars = _characters(v.name_start), _characters(v.name_char) | _characters(v.name_start)
    sentence = (
        r"(?:\*\*Names and values\*\* are words|A name is a word) of `([^`]+)`,?\s+"
        r"(?:not\s+starting|that\s+does\s+not\s+start)\s+with\s+((?:`[^`]+`(?:,\s+|\s+or\s+)?)+)"
    )
    m = re.search(sentence, page)
    if m is None:
        return ["no sentence that says which characters a name is made of"]
    listed = set()
    for item in m.group(1).split():
        listed |= set(_characters(f"[{item}]") if re.fullmatch(r".-.", item) else item)
    not_first = set(re.findall(r"`([^`]+)`", m.group(2)))
    out = []
    if listed != chars:
        out.append(f"the page lists {sorted(listed - chars)} too many, {sorted(chars - listed)} too few")
    if not_first != chars - start:
        out.append(f"a name may not start with {sorted(chars - start)}; the page says {sorted(not_first)}")
    return out


@pytest.mark.parametrize("page", [PAGE, ROOT / "docs" / "editors.md"], ids=lambda p: p.name)
def test_the_characters_of_a_name_are_the_grammars(page):
    assert name_rule_problems(page.read_text(encoding="utf-8")) == []


def test_a_wrong_character_list_is_caught():
    page = PAGE.read_text(encoding="utf-8")
    assert name_rule_problems(page.replace("_ * % ? + - : .`", "_ * % + - : .`", 1)) != []
    assert name_rule_problems(page.replace("`+`, `-`, `:` or `.`", "`+`, `-` or `:`", 1)) != []


# Each ```bkr block of the page marked `fragment in cluster` is a cluster's
# statements. The page says how to try one: in a whole cluster, in place of its
# statements of the same kind. Done so in examples/prodssi.bkr, it must check
# as the page says: clean, or with exactly the codes its comments name
# (`# the volumes RETAIN, 30 and DAYS: BKR021`). tests/test_docs_bkr_blocks.py
# only parses such a block.
HOST = ROOT / "examples" / "prodssi.bkr"
IN_CLUSTER = re.compile(r"<!-- bkrc: fragment in cluster -->\n *```bkr\n(.*?)^ *```", re.DOTALL | re.MULTILINE)


def statements(cluster):
    """(key, span) of each statement of a cluster block: a fragment's statement
    takes the place of the host's statements of its key."""
    return list(
        chain(
            ((("member", m.name.upper), m.span) for m in cluster.members),
            ((("catalog",), c.span) for c in cluster.catalogs),
            ((("expire", *sorted(w.upper for w in e.placement.members)), e.span) for e in cluster.expires),
            ((("tape",), t.span) for t in cluster.tapes),
            ((("group", g.name.upper), g.span) for g in cluster.groups),
            ((("job", j.name.upper), j.span) for j in cluster.jobs),
            ((("disk", d.user.upper, d.address.text.lstrip("0")), d.span) for d in cluster.disks),
            (((s.keyword,), s.span) for s in cluster.settings),
        )
    )


def in_a_cluster(fragment: str) -> str:
    """examples/prodssi.bkr with the fragment's statements in place of its own of the same kind."""
    host = HOST.read_text(encoding="utf-8")
    (cluster,) = read_module(Source.of(HOST.name, host))[0].clusters
    (wrapped,) = read_module(Source.of("fragment.bkr", "cluster F {\n" + fragment + "}\n"))[0].clusters
    replaced = {key for key, _ in statements(wrapped)}
    for _, span in sorted((s for s in statements(cluster) if s[0] in replaced), key=lambda s: -s[1].start):
        host = host[: span.start] + host[span.end :]
    close = host.rindex("}")  # the cluster's
    return host[:close] + fragment + host[close:]


def codes_found(text: str) -> list[str]:
    return sorted({d.code for d in analyse(HOST.name, text.encode("utf-8"), path=HOST).diagnostics})


def codes_named(fragment: str) -> list[str]:
    """The codes the fragment's comments name."""
    return sorted(set(re.findall(r"#[^\n]*?\b(BKR\d{3})\b", fragment)))


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize(
    "fragment", IN_CLUSTER.findall(PAGE.read_text(encoding="utf-8")), ids=lambda f: f.split("\n")[0][:40]
)
def test_a_cluster_fragment_checks_in_a_cluster_as_the_page_says(fragment, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    fragment = textwrap.dedent(fragment)
    assert codes_found(in_a_cluster(fragment)) == codes_named(fragment)


def test_a_fragment_that_no_longer_checks_as_the_page_says_is_caught():
    clean = "member VMSYS3 { workers 2  private-volume M3PRV1  job-suffix C }\n"
    wrong = clean.replace("job-suffix C", "job-suffix 1")  # VMSYS1's suffix: BKR225
    assert codes_found(in_a_cluster(clean)) == codes_named(clean) == []
    assert codes_found(in_a_cluster(wrong)) == ["BKR225"] != codes_named(wrong)
    assert codes_named(wrong + "# job-suffix 1: BKR225\n") == ["BKR225"]


# "Why `exclude minidisk * 0190 019D 019E`" on the page: the examples and the
# README's cluster, which people copy, follow it in what they compile to. A
# template whose includes reach 0190, 019D or 019E excludes those three for
# every owner (the links to MAINT's CMS disks); none excludes 0191 for every
# owner while an include reaches it (the users' own A-disks).
LINKED = (0x190, 0x19D, 0x19E)
RECORD = re.compile(r"^(INCLUDE|EXCLUDE) MINIDISK (\S+) = ([0-9A-F]{4}) - ([0-9A-F]{4})$", re.MULTILINE)


def readme_cluster() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return next(b for b in BLOCK.findall(readme) if "cluster " in b)


def selection_slips(template: str) -> list[str]:
    """What a template's minidisk records do against the page's advice."""
    records = [(verb, owner, int(first, 16), int(last, 16)) for verb, owner, first, last in RECORD.findall(template)]

    def reached(verb: str, address: int, owner: str | None = None) -> bool:
        return any(v == verb and first <= address <= last and owner in (None, o) for v, o, first, last in records)

    slips = [f"{a:04X} not excluded for every owner" for a in LINKED
             if reached("INCLUDE", a) and not reached("EXCLUDE", a, "*")]
    if reached("INCLUDE", 0x191) and reached("EXCLUDE", 0x191, "*"):
        slips.append("0191, every user's A-disk, excluded for every owner")
    return slips


def compiled_templates(name: str, text: str) -> dict[str, str]:
    from bkrdsl.pipeline import compile_source

    analysis, artifacts = compile_source(name, text.encode("utf-8"), path=ROOT / "examples" / name)
    assert artifacts is not None, [d.message for d in analysis.diagnostics if d.is_error]
    return {a.path: a.text for a in artifacts if a.path.endswith(".TEMPLATE")}


@pytest.mark.parametrize(
    "name", [p.name for p in sorted((ROOT / "examples").glob("*.bkr"))] + ["README.md"]
)
def test_the_examples_exclude_the_cms_links_and_keep_the_a_disks(name):
    text = readme_cluster() if name == "README.md" else (ROOT / "examples" / name).read_text(encoding="utf-8")
    found = {path: slips for path, t in compiled_templates(name, text).items() if (slips := selection_slips(t))}
    assert found == {}


def test_a_template_against_the_advice_is_caught():
    head = "CONFIG BKR_Job_Type = FULL\n"
    good = head + "INCLUDE MINIDISK LNX* = 0000 - FFFF\n" + "".join(
        f"EXCLUDE MINIDISK * = {a:04X} - {a:04X}\n" for a in LINKED)
    assert selection_slips(good) == []
    assert selection_slips(head + "INCLUDE MINIDISK TCPIP = 0191 - 0191\n") == []
    assert selection_slips(head + "INCLUDE MINIDISK TCPIP = 0000 - FFFF\n") == [
        "0190 not excluded for every owner", "019D not excluded for every owner", "019E not excluded for every owner"]
    assert selection_slips(head + "INCLUDE MINIDISK PAY* = 0000 - FFFF\nEXCLUDE MINIDISK * = 0190 - 019F\n") == [
        "0191, every user's A-disk, excluded for every owner"]


# The page's paragraph on times and schedules written otherwise (stop 41's
# BKR313, BKR004 and BKR012 helps): each schedule it names, in place of
# prodssi.bkr's `daily 02:00`, gets the code, the help and the fix (or none)
# the page says. (page's words, schedule tried, code, help holds, fixed)
SCHEDULES = [
    ("`daily noon` is `daily 12:00`", "daily noon", "BKR313", "`daily 12:00`", True),
    ("`daily midnight` `daily\n  00:00`", "daily midnight", "BKR313", "`daily 00:00`", True),
    ("weekly or monthly schedule's midnight", "weekly sun midnight", "BKR313", "`weekly mon 00:00`", False),
    ("`weekly mon 02:00 and fri 03:00`", "weekly mon 02:00 and fri 03:00", "BKR004",
     "`weekly mon 02:00` and `weekly fri 03:00`", False),
    ("`daily 02:00 and\n  14:00`", "daily 02:00 and 14:00", "BKR004", "`daily 02:00` and `daily 14:00`", False),
    ("`twice a day`", "twice a day", "BKR012", "a job for each time of day", False),
    ("`every 6 hours`", "every 6 hours", "BKR012", "a job for each time of day", False),
    ("`every hour`", "every hour", "BKR012", "a job for each time of day", False),
    ("`at 2 o'clock`", "daily at 2 o'clock", "BKR004", "`daily 02:00`", False),
    ("`at 14h`", "every day at 14h", "BKR012", "`daily 14:00`", True),
    ("`at 14.00`", "daily at 14.00", "BKR004", "`daily 14:00`", True),
    ("`at 1400` are `14:00`", "every day at 1400", "BKR012", "`daily 14:00`", True),
    ("(`at 30`", "at 30", "BKR012", "`30` is no hour", False),
    ("`every day at 25`", "every day at 25", "BKR012", "`25` is no hour", False),
    ("`every day at 13` to `at 23`", "every day at 13", "BKR012", "`daily 13:00`", True),
    ("(`at 25:00`", "at 25:00", "BKR012", "`25:00` is no hour", False),
    ("`daily at 02:60`", "daily at 02:60", "BKR004", "`02:60` is no time of day", False),
    ("`at 2.75`)", "at 2.75", "BKR012", "`2.75` is no time of day", False),
    ("(`daily at\n  2:5`", "daily at 2:5", "BKR004", "`2:5` is no time of day: the minutes have two figures", False),
    ("`at 2.5`)", "at 2.5", "BKR012", "`2.5` is no time of day: the minutes have two figures", False),
    ("`daily except sun 02:00`", "daily except sun 02:00", "BKR004", "`weekly mon,tue,wed,thu,fri,sat 02:00`", True),
    ("`every day\n  except sunday at 02:00`", "every day except sunday at 02:00", "BKR012",
     "`weekly mon,tue,wed,thu,fri,sat 02:00`", True),
    ("`daily except sun`", "daily except sun", "BKR004", "`weekly mon,tue,wed,thu,fri,sat HH:MM`", False),
    ("`weekly` or `monthly` alone", "weekly", "BKR010", "`weekly DAY HH:MM`", False),
    ("`weekly` or `monthly` alone", "monthly", "BKR010", "`monthly N HH:MM`", False),
    ("(`weekly su`", "weekly su", "BKR010", "`weekly sun HH:MM`", False),
    ("`weekly\n  mon-fri`", "weekly mon-fri", "BKR010", "`weekly mon,tue,wed,thu,fri HH:MM`", False),
    ("Days without `weekly`, `mon-fri 02:00`", "mon-fri 02:00", "BKR012", "`weekly mon,tue,wed,thu,fri 02:00`", True),
    ("`monthly 32`)", "monthly 32", "BKR010", "`monthly N HH:MM`, N the day of the month from 1 to 31", False),
    ("`monthly N HH:MM`, `monthly last-day HH:MM` and `monthly\n  first|second", "monthly", "BKR010", "`monthly last-day HH:MM` for its last day", False),
    ("`hourly` alone is said to run once a day at most", "hourly", "BKR012", "a schedule runs once a day at most", False),
    ("`4 times a day`", "4 times a day", "BKR012", "a job for each time of day", False),
    ("`daily 4 times a day`", "daily 4 times a day", "BKR004", "a job for each time of day", False),
    ("`daily 02:00 twice a day`", "daily 02:00 twice a day", "BKR004", "a job for each time of day", False),
]


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize(("said", "schedule", "code", "help", "fixed"), SCHEDULES, ids=[s[1] for s in SCHEDULES])
def test_a_schedule_written_otherwise_is_answered_as_the_page_says(said, schedule, code, help, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert said in PAGE.read_text(encoding="utf-8")
    host = HOST.read_text(encoding="utf-8")
    assert host.count("run on VMSYS1 daily 02:00\n") == 1
    text = host.replace("run on VMSYS1 daily 02:00\n", f"run on VMSYS1 {schedule}\n")
    (found,) = analyse(HOST.name, text.encode("utf-8"), path=HOST).diagnostics
    assert (found.code, help in (found.help or ""), found.fix is not None) == (code, True, fixed)


# --- h2 (stop 68)
# "A first cluster in five minutes": its first ```bkr block is a whole file, each
# later one goes inside the cluster block before its `}`. Built so, step by step,
# each file checks with exactly the codes its step's comments name (the last one
# clean), under either parser, and the last one compiles.
WALK = re.compile(r"^## A first cluster in five minutes\n(.*?)^## ", re.DOTALL | re.MULTILINE)


def first_cluster_steps(page: str) -> list[str]:
    """Each step's file of the page's walk, as the page says to build it."""
    blocks = BLOCK.findall(WALK.search(page).group(1))
    files = [blocks[0]]
    for block in blocks[1:]:
        close = files[-1].rindex("}")
        files.append(files[-1][:close] + "\n" + block + files[-1][close:])
    return files


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_the_first_cluster_walk_checks_step_by_step_as_the_page_says(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    steps = first_cluster_steps(PAGE.read_text(encoding="utf-8"))
    assert len(steps) == 7
    for n, text in enumerate(steps, 1):
        said = sorted(set(re.findall(r"\bBKR\d{3}\b", BLOCK.findall(WALK.search(PAGE.read_text(encoding="utf-8")).group(1))[n - 1])))
        found = analyse("lab.bkr", text.encode("utf-8"), path=ROOT / "lab.bkr").diagnostics
        assert sorted({d.code for d in found}) == said, f"step {n}"
        assert not any(d.is_error for d in found), f"step {n}"
    from bkrdsl.pipeline import compile_source

    for text in (steps[0], steps[-1]):
        analysis, artifacts = compile_source("lab.bkr", text.encode("utf-8"), path=ROOT / "lab.bkr")
        assert artifacts, [d.message for d in analysis.diagnostics]


# stop 82, h7: the walk typed as the page says, step 1's compile and step 7's into one `out`
def test_the_first_cluster_walk_compiled_twice_into_out_says_what_the_page_says(tmp_path, monkeypatch):
    """Step 1: "`bkrc compile -o out lab.bkr` writes its files already"; step 7:
    `bkrc check` and `bkrc fmt --check` quiet, and `bkrc compile lab.bkr -o out`,
    into step 1's `out`, warns that LAB2 is new there and writes `out/CHANGES.TXT`,
    as step 7 says (it said nothing of either: a newcomer met an unexplained
    warning about a first install); into a new folder, no CHANGES.TXT."""
    page = PAGE.read_text(encoding="utf-8")
    walk = " ".join(WALK.search(page).group(1).split())
    steps = first_cluster_steps(page)
    monkeypatch.chdir(tmp_path)
    lab = tmp_path / "lab.bkr"
    lab.write_text(steps[0], encoding="utf-8")
    assert "`bkrc compile -o out lab.bkr` writes its files already" in walk
    run_cli(["compile", "-o", "out", "lab.bkr"], expect=0)
    assert not (tmp_path / "out" / "CHANGES.TXT").exists()
    lab.write_text(steps[-1], encoding="utf-8")
    assert run_cli(["check", "lab.bkr"], expect=0).output == ""
    assert run_cli(["fmt", "--check", "lab.bkr"], expect=0).output == ""
    result = run_cli(["compile", "lab.bkr", "-o", "out"], expect=0)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("bkrc: warning:")]
    assert len(warnings) == 1 and warnings[0].startswith("bkrc: warning: member LAB2, new to out since its last compile, ")
    assert "`bkrc: warning: member LAB2, new to out since its last compile, ...`" in walk
    assert (tmp_path / "out" / "CHANGES.TXT").is_file() and "keeps the warning in `out/CHANGES.TXT`" in walk
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"LAB1", "LAB2", "cluster"}
    run_cli(["compile", "lab.bkr", "-o", "fresh"], expect=0)
    assert not (tmp_path / "fresh" / "CHANGES.TXT").exists() and "a compile into a new folder writes none" in walk
    assert run_cli(["show", "lab.bkr"], expect=0).output.startswith("cluster LABSSI (lab.bkr): members LAB1 LAB2\n")


def test_a_walk_step_that_no_longer_checks_as_said_is_caught():
    page = PAGE.read_text(encoding="utf-8").replace("  # nothing purges the catalog yet, BKR210\n", "", 1)
    steps = first_cluster_steps(page)
    found = analyse("lab.bkr", steps[5].encode("utf-8"), path=ROOT / "lab.bkr").diagnostics
    assert [d.code for d in found] == ["BKR210"]  # the page would no longer name it
