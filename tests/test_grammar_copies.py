"""The keyword sets the parsers, the messages, the language server and the formatter
read are the grammar's: bkrdsl/syntax/lexicon.py is generated from grammar/bkr.lark
(`python -m bkrdsl.keywords --write`), and each module's name for one of its sets is
that set.

Here: each set of lexicon.py against a reading of Lark's compiled rules of its own
(not `bkrdsl.keywords`'s), each copy against lexicon.py (a regex built from a set
matches exactly its words), and the drift check failing where the grammar or
lexicon.py changed without the other; and `--write` still running where lexicon.py
and homes.py are missing or stale (the generator imports no module it writes first).
"""

from __future__ import annotations

import ast
import itertools
import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

from bkrdsl import keywords
from bkrdsl.syntax import fast, lexicon, messages, recovery
from bkrdsl.syntax.parser import parser

LEXICON = ROOT / "bkrdsl" / "syntax" / "lexicon.py"


def _rules(lark) -> tuple[dict[str, str], dict[str, list[list[str]]]]:
    words = {t.name: t.pattern.value.lower() for t in lark.terminals if t.pattern.value[:1].isalpha()}
    rules: dict[str, list[list[str]]] = {}
    for rule in lark.rules:
        rules.setdefault(rule.origin.name, []).append([s.name for s in rule.expansion])
    return words, rules


WORDS, RULES = _rules(parser())


def _heads(*names: str) -> set[str]:
    """The keywords the rules `names` can start with (through the rules they start with)."""
    found, seen, todo = set(), set(), list(names)
    while todo:
        name = todo.pop()
        if name in WORDS:
            found.add(WORDS[name])
        elif name in RULES and name not in seen:
            seen.add(name)
            todo += [e[0] for e in RULES[name] if e]
    return found


def _alternatives(rule: str) -> set[str]:
    return {WORDS[e[0]] for e in RULES[rule]}


# ------------------------------------------------------------------ lexicon.py is the grammar's
def test_the_lexicon_is_fresh():
    assert LEXICON.read_text(encoding="utf-8") == keywords.lexicon_module()


def test_each_lexicon_set_is_what_the_grammar_says():
    blocks = {"cluster": "_cluster_item", "member": "_member_item", "job": "_job_item", "expire": "expire_item"}
    assert lexicon.KEYWORDS == set(WORDS.values()) == set(keywords.keywords())
    assert lexicon.BLOCK_STATEMENTS == {
        None: _heads("_item"),
        **{block: _heads(item) for block, item in blocks.items()},
        "group_decl": _heads("group_entry"),
    }
    assert lexicon.STATEMENT_KEYWORDS == set().union(*lexicon.BLOCK_STATEMENTS.values())
    assert lexicon.STATEMENT_KEYWORDS == set(keywords.statement_homes())  # what homes.py lists
    assert lexicon.KINDS == _alternatives("kind") == {"single", "identity"}
    assert lexicon.DECLARATIONS == {WORDS[e[1]] for r in ("user_decl", "group_decl") for e in RULES[r]}
    assert lexicon.SCOPES == _alternatives("scope")
    assert lexicon.CATALOG_OPTIONS == {WORDS[e[0]] for e in RULES["catalog_opt"]}
    assert lexicon.CATALOG_WAITS == {WORDS[e[0]] for e in RULES["catalog_opt"] if len(e) == 3}
    assert lexicon.TAPE_OPTIONS == {WORDS[e[0]] for e in RULES["tape_opt"]}
    assert lexicon.TAPE_ONE_NAME_OPTIONS == {WORDS[e[0]] for e in RULES["tape_opt"] if len(e) == 2}
    assert lexicon.LEVELS == _alternatives("level")
    assert lexicon.ACTIONS == _alternatives("action")
    assert lexicon.SELECTION_MEDIA == {WORDS[e[1]] for e in RULES["selection"]}
    assert lexicon.TARGET_MEDIA == _alternatives("medium")
    assert lexicon.SCHEDULES == {WORDS[e[0]] for e in RULES["schedule"]}
    assert lexicon.ORDINALS == _alternatives("ordinal")
    assert {name for name in vars(lexicon) if name.isupper()} == {name for name, _, _ in keywords.LEXICON}


def test_the_lexicon_is_written_sorted():
    """Deterministic output: each set's words in sorted order, the blocks too."""
    tree = ast.parse(LEXICON.read_text(encoding="utf-8"))
    sets = [node for node in ast.walk(tree) if isinstance(node, ast.Set)]
    assert len(sets) == len(keywords.LEXICON) - 1 + len(lexicon.BLOCK_STATEMENTS)
    for node in sets:
        words = [element.value for element in node.elts]
        assert words == sorted(words)
    assert list(lexicon.BLOCK_STATEMENTS)[1:] == sorted(b for b in lexicon.BLOCK_STATEMENTS if b)


# ------------------------------------------------------------------ each copy is lexicon's set
@pytest.mark.parametrize(
    ("copy", "grammar"),
    [
        (fast.KEYWORDS, lexicon.KEYWORDS),
        (fast.STATEMENT_KEYWORDS, lexicon.STATEMENT_KEYWORDS),
        (fast.ORDINALS, lexicon.ORDINALS),
        (fast._MEDIA, lexicon.SELECTION_MEDIA),
        (fast._SCHEDULES, lexicon.SCHEDULES),
        (fast._LEVELS, lexicon.LEVELS),
        (fast._SCOPES, lexicon.SCOPES),
        (fast._TARGET_MEDIA, lexicon.TARGET_MEDIA),
        (fast._CATALOG_OPTIONS, lexicon.CATALOG_OPTIONS),
        (fast._TAPE_OPTIONS, lexicon.TAPE_OPTIONS),
        (fast._KINDS, lexicon.DECLARATIONS),
        (fast._WAITS, lexicon.CATALOG_WAITS),
        (fast._LISTED_TAPE_OPTIONS, lexicon.TAPE_ONE_NAME_OPTIONS),
        (recovery._SCOPES, {w.upper() for w in lexicon.SCOPES}),
        (recovery.SCHEDULE_KEYWORDS, {w.upper() for w in lexicon.SCHEDULES}),
        (recovery._SELECTION_VERBS, lexicon.ACTIONS),
        (recovery._MEDIA_WORDS, lexicon.SELECTION_MEDIA),
        (recovery._ORDINAL_WORDS, lexicon.ORDINALS),
        (recovery._TAPE_OPTIONS, lexicon.TAPE_OPTIONS),
        # a block's own statement keywords, derived (recovery._statements_of_only), here by
        # hand: a keyword the grammar gives a block, or takes from one, fails this until
        # directory_block's reading of a body is thought over for it
        (recovery._MEMBER_WORDS, {"workers", "private-volume", "job-suffix", "subconfig"}),
        (recovery._JOB_WORDS, {"backup", "run", "to"}),
        # `link` (stop 83): directory_block does not take it for a cluster's, a CP LINK's word too
        (recovery._CLUSTER_WORDS, {"member", "catalog", "expire", "tape", "job", "shared-volume", "disk", "link"}),
        (messages.TAPE_OPTIONS, lexicon.TAPE_OPTIONS),
        (messages.CATALOG_OPTIONS, {"logon-wait", "pool-wait"}),
        (messages.SCHEDULE_WORDS - {"nightly", "hourly", "yearly"}, lexicon.SCHEDULES),
    ],
)
def test_each_copy_is_the_grammar_set(copy, grammar):
    assert copy == grammar


def test_the_block_openers_are_the_grammar_blocks():
    """recovery._OPENING_WORDS, derived from lexicon.py, are the token types of the first
    keywords of each grammar rule with a `{` (through `kind` for a group): the words
    `opener_written` and `opener_missing` find a block's opening line by."""
    blocks = {rule for rule, expansions in RULES.items() if any("LBRACE" in e for e in expansions)}
    firsts = _heads(*blocks)
    assert recovery._OPENING_WORDS == {name for name, word in WORDS.items() if word in firsts}
    assert recovery._OPENING_WORDS == {"CLUSTER", "MEMBER", "JOB", "EXPIRE", "SINGLE", "IDENTITY"}


def test_the_fast_parser_block_statements_are_the_grammar_blocks():
    assert list(fast.BLOCK_STATEMENTS) == [None, "cluster", "member", "job", "expire"]
    for block, words in fast.BLOCK_STATEMENTS.items():
        assert words == lexicon.BLOCK_STATEMENTS[block]


def test_the_language_server_and_formatter_sets():
    from bkrdsl.fmt import layout
    from bkrdsl.lsp import features

    assert features.STATEMENT_STARTS == lexicon.BLOCK_STATEMENTS["cluster"]
    assert layout._TAPE_OPTIONS == lexicon.TAPE_OPTIONS


@pytest.mark.parametrize(
    ("regex", "words", "group"),
    [
        (recovery._KIND_BEFORE, lexicon.KINDS, "{} "),
        (recovery._BLANKS_THEN_MEDIUM, lexicon.SELECTION_MEDIA, " {}"),
        (recovery._BLANKS_THEN_LEVEL, lexicon.LEVELS, " {}"),
        (recovery._TAPE_OPTION_BEFORE, lexicon.TAPE_ONE_NAME_OPTIONS, "{} TCTMM "),
    ],
)
def test_each_regex_built_from_a_set_matches_exactly_its_words(regex, words, group):
    """In any case, every word of the set, and no other keyword, nor a keyword it starts."""
    for word in sorted(lexicon.KEYWORDS | {w + "x" for w in words} | {w[:-1] for w in words}):
        for written in (word, word.upper()):
            found = regex.match(group.format(written))
            assert (found is not None and found.end() == len(group.format(written))) == (word in words), written


# ------------------------------------------------------------------ messages.py's wording has every keyword
# Its tables of wording by keyword are written by hand (what follows a keyword, what a
# part of a statement is), as English; their keys are the grammar's keywords of a role,
# so that a keyword added to the grammar fails here until it has its words, rather than
# going without (a generic "a name"). messages.KEYWORD_PLACES and HYPHENATED_HOMES are
# held to theirs in tests/test_syntax_slips.py and tests/test_syntax_recovery.py.
_VALUE_TOKENS = {"NAME", "STRING", "IMPORT_PATH"}


def _after_keyword(symbols: set[str]) -> dict[str, set[str]]:
    """The keywords right before one of `symbols` in a rule, and the symbol(s) there."""
    found: dict[str, set[str]] = {}
    for expansions in RULES.values():
        for e in expansions:
            for here, then in itertools.pairwise(e):
                if here in WORDS and then in symbols:
                    found.setdefault(WORDS[here], set()).add(then)
    return found


def test_what_follows_each_keyword_is_worded():
    """messages.FOLLOWERS says what every keyword the grammar puts a value right after
    (a name, a quoted text, a module path) waits for, and `,` what the next name of a
    list is."""
    valued = {k for k, after in keywords.keyword_followers().items() if _VALUE_TOKENS & set(after)}
    worded = {keyword for keyword, _ in messages.FOLLOWERS}
    assert worded - {","} == valued
    assert "," in worded


def test_what_one_more_name_of_a_list_is_worded():
    """messages.LIST_ITEMS: the keywords the grammar puts a list of names right after
    (`name_list`), and `monthly`, which takes none, for a list written after it."""
    assert set(_after_keyword({"name_list"})) == {"backup", "on", "user", "weekly"}
    assert set(messages.LIST_ITEMS) == set(_after_keyword({"name_list"})) | {"monthly"}


def test_what_each_value_token_is_worded():
    """messages.TERMINAL_TEXTS names every token of the grammar that is no keyword, no
    sign and not skipped (a name, a text, a path), and the end of the file."""
    lark = parser()
    skipped = set(lark.lexer_conf.ignore)
    values = {t.name for t in lark.terminals if t.name not in WORDS and t.pattern.type != "str"} - skipped
    assert set(messages.TERMINAL_TEXTS) == values | {"$END"}


def test_what_each_keyword_that_starts_no_statement_starts_is_worded():
    """messages._PART_WHAT (`daily`: a schedule) is worded for each keyword that starts
    no statement and has no hyphen, the words KEYWORD_PLACES says the place of."""
    assert set(messages._PART_WHAT) == {k for k in lexicon.KEYWORDS - lexicon.STATEMENT_KEYWORDS if "-" not in k}
    assert set(messages._PART_WHAT) == set(messages.KEYWORD_PLACES)


def test_the_numbers_a_keyword_takes_are_worded():
    """messages.COUNTS: every keyword whose value is a number (followers.KEYWORD_VALUES,
    the grammar's keywords with keywords.VALUE_KINDS); UNIT_AFTER_COUNT: those of them
    whose number the grammar puts a word after (`size 10 cyl`, `retain 35 days`), with
    that word's token type; WAIT_TRIES: the catalog's waits."""
    from bkrdsl.syntax.followers import KEYWORD_VALUES

    assert set(messages.COUNTS) == {k for k, kind in KEYWORD_VALUES.items() if kind == "number"}
    units = {
        WORDS[e[i]]: e[i + 2]
        for expansions in RULES.values()
        for e in expansions
        for i in range(len(e) - 2)
        if WORDS.get(e[i]) in messages.COUNTS and e[i + 1] == "NAME"
    }
    assert messages.UNIT_AFTER_COUNT == units
    assert set(messages.WAIT_TRIES) == lexicon.CATALOG_WAITS


def test_the_tape_options_that_name_a_machine_only_are_worded():
    """messages._TAPE_MEMBERS says where the machine of each `tape manager` option that
    takes one name runs (`request-node TRTMM on VMSYS2`: takes no member)."""
    assert set(messages._TAPE_MEMBERS) == lexicon.TAPE_ONE_NAME_OPTIONS


def test_the_schedules_and_ordinals_are_worded():
    """messages._SCHEDULE_EXAMPLES writes each schedule's form but `daily`'s, the
    fallback (`daily HH:MM`) where it is read; _ORDINAL_DAYS the day of the month of each
    ordinal (`monthly first 02:00`); _NTH and NUMBERED_ORDINALS read English into them."""
    assert set(messages._SCHEDULE_EXAMPLES) == lexicon.SCHEDULES - {"daily"}
    assert set(messages._ORDINAL_DAYS) == lexicon.ORDINALS
    assert lexicon.ORDINALS <= set(messages._NTH)
    assert set(messages._NTH.values()) == lexicon.ORDINALS
    assert set(messages.NUMBERED_ORDINALS.values()) <= lexicon.ORDINALS


def test_each_scope_left_out_is_advised():
    """messages._SCOPE_ADVICE: after each keyword the grammar puts a scope after."""
    assert {key.split("`")[1] for key in messages._SCOPE_ADVICE} == set(_after_keyword({"scope"}))
    assert set(_after_keyword({"scope"})) == {"catalog", "manager"}


# ------------------------------------------------------------------ the drift check can fail
def test_the_drift_check_notices_an_edited_lexicon(tmp_path):
    for rel, text in keywords.generated_files().items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert keywords.stale_files(tmp_path) == []
    lexicon_file = tmp_path / keywords.LEXICON_PATH
    lexicon_file.write_text(lexicon_file.read_text(encoding="utf-8").replace('"local", ', ""), encoding="utf-8")
    assert keywords.stale_files(tmp_path) == [keywords.LEXICON_PATH]


def test_the_drift_check_notices_a_grammar_change(monkeypatch, tmp_path):
    """A grammar with one more scope (`global`) makes the checked-in lexicon.py stale:
    `--check` says so and fails, as it would after an edit of grammar/bkr.lark."""
    from lark import Lark

    import bkrdsl.syntax.parser as parser_module

    grammar = (ROOT / "grammar" / "bkr.lark").read_text(encoding="utf-8")
    changed = grammar.replace('| "local"i -> local', '| "local"i -> local\n     | "global"i -> global_')
    assert changed != grammar
    altered = Lark(changed, parser="lalr", lexer="contextual", maybe_placeholders=False, keep_all_tokens=True)
    for cached in (keywords._grammar_lark, keywords._grammar_rules, keywords._grammar_keywords, keywords.vocabulary):
        cached.cache_clear()
    monkeypatch.setattr(parser_module, "parser", lambda: altered)
    try:
        assert "global" in keywords.lexicon()["SCOPES"]
        assert keywords.stale_files(ROOT) == [keywords.LEXICON_PATH]
        assert keywords.main(["--check"]) == 1
    finally:
        for cached in (keywords._grammar_lark, keywords._grammar_rules, keywords._grammar_keywords, keywords.vocabulary):
            cached.cache_clear()


# ------------------------------------------------------------------ --write needs no module it writes
def _copy_of_the_generator(tmp_path):
    for folder in ("bkrdsl", "grammar", "editors", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def _generator(root, *args):
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "bkrdsl.keywords", *args], check=False, cwd=root, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize("damage", ["missing", "stale"])
def test_write_runs_where_lexicon_and_homes_are_missing_or_stale(tmp_path, damage):
    root = _copy_of_the_generator(tmp_path)
    syntax = root / "bkrdsl" / "syntax"
    expected = {name: (syntax / name).read_text(encoding="utf-8") for name in ("lexicon.py", "homes.py")}
    if damage == "missing":
        for name in expected:
            (syntax / name).unlink()
    else:  # a set the parsers import left out, a statement's homes out of date
        lex = expected["lexicon.py"]
        (syntax / "lexicon.py").write_text(lex[: lex.index("\n#: The ordinals")] + "\n", encoding="utf-8")
        (syntax / "homes.py").write_text(expected["homes.py"].replace('    "workers": ("member",),\n', ""), encoding="utf-8")
    checked = _generator(root, "--check")
    assert checked.returncode == 1 and "lexicon.py is stale" in checked.stderr, checked.stderr
    written = _generator(root, "--write")
    assert written.returncode == 0, written.stderr
    assert {name: (syntax / name).read_text(encoding="utf-8") for name in expected} == expected
    assert _generator(root, "--check").returncode == 0


def test_list_into_a_reader_that_has_gone_ends_141_without_a_traceback():
    """`python -m bkrdsl.keywords --list | head`: a pipe whose reader has closed
    (here before the first write, so that the write fails on every run) ends the
    tool with 141, as bkrc does, and no BrokenPipeError traceback."""
    read, write = os.pipe()
    os.close(read)
    try:
        run = subprocess.run(
            [sys.executable, "-m", "bkrdsl.keywords", "--list"],
            cwd=ROOT, stdout=write, stderr=subprocess.PIPE, timeout=120, check=False,
        )
    finally:
        os.close(write)
    assert (run.returncode, run.stderr) == (141, b"")
