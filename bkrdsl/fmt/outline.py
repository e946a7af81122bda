"""What the printer (layout.py) reads of a file that parsed cleanly, from either parser.

An `Outline` is the file's tokens (as written, each with its type), its
comments, and its statements: each statement a `Node` naming its grammar rule
and the offsets of its first and last token, a block's `Node` holding the
statements of its body. It also says which names are values written in lower
case (roles, days, size and time units) and where the day lists are (whose
commas take no space); and, for a volume list that runs on into words that read like a
statement (bkrdsl.syntax.runon, BKR021), which labels start its lines and which
are printed as written, so that the formatted file reads, and warns, as it did (a
list's first label spelled as a keyword that starts no statement, `shared`, too);
a group body that runs on so, or holds a keyword's phrase (`server BKRSVSFS`), is a
statement per line of its entries as written (`group_line`), its user IDs of such
runs printed as written; the line of its `{`, when it starts so, stays the `{`'s
(`group_head`); a group body's user ID spelled as a keyword that starts no
statement (`{ LINUX01 full }`) is printed as written too.

Two builders make the same outline of a file:

* `from_fast` from the fast parser's module and tokens
  (`bkrdsl.syntax.fast.read_tokens`): what `bkrc fmt` uses, without importing
  Lark, for every file the fast parser reads;
* `from_lark` from Lark's parse tree and token stream: the fallback, for the
  files the fast parser gives up on (rare constructs it leaves to Lark).

tests/test_fmt_outline.py checks that both give equal outlines, and the same
formatted text, for every file in the repository and for generated programs.
"""

from __future__ import annotations

import bisect
from itertools import pairwise

from bkrdsl import ast
from bkrdsl.records import dataclass
from bkrdsl.syntax.runon import (
    group_entry_lines,
    keyword_first,
    keyword_ids,
    line_starts,
    misspelt_runs,
    reads_like_statement,
    statement_like_runs,
)

#: Token types other than these are keywords (type `KEYWORD`).
TYPED = frozenset({"NAME", "IMPORT_PATH", "STRING", "LBRACE", "RBRACE", "COMMA"})
#: Statements with a `{ ... }` body, by rule name.
BLOCKS = frozenset({"cluster", "member", "group_decl", "expire", "job"})
#: Decls a doc comment (`##`) can document (bkrdsl.syntax.build.doc_for).
DOCUMENTED = frozenset({"cluster", "member", "group_decl", "user_decl", "job"})

_PUNCTUATION = {"{": "LBRACE", "}": "RBRACE", ",": "COMMA"}
#: The settings that list volume labels, by their keyword in the AST (in the grammar,
#: the rules `private_volume` and `shared_volume`).


@dataclass
class Tok:
    """A token of the file: its type, its text as written, and where it is."""

    type: str  # NAME, IMPORT_PATH, STRING, LBRACE, RBRACE, COMMA or KEYWORD
    text: str  # as written; layout.canonical_tokens gives the canonical spelling
    start: int
    end: int
    line: int
    end_line: int


@dataclass
class Note:
    """A comment: `#...` or a doc comment `##...`."""

    text: str  # trailing blanks removed
    start: int
    line: int
    is_doc: bool
    blank_before: bool = False  # an empty line separates it from the content before it


@dataclass(frozen=True)
class Node:
    """A statement: its grammar rule (grammar/bkr.lark), the offsets of the start of
    its first token and the end of its last; a block's body statements, in order."""

    kind: str
    start: int
    end: int
    children: tuple[Node, ...] = ()


@dataclass
class Outline:
    """The file as the printer lays it out: tokens, comments and statements."""

    tokens: list[Tok]
    notes: list[Note]
    items: tuple[Node, ...]  # the file's statements
    documented: tuple[int, ...] = ()  # start offsets of the decls in DOCUMENTED, in order
    lower: frozenset[int] = frozenset()  # start offsets of names that are lower-case values
    day_lists: tuple[tuple[int, int], ...] = ()  # (start, end) of each day list, in order
    #: Start offsets of the labels that start a line of a volume list that runs on into
    #: words that read like a statement: the printer starts a line at each.
    line_starts: frozenset[int] = frozenset()
    #: Start offsets of the labels of such a list's runs that read like statements,
    #: printed as written (an upper-case `RETAIN` reads as meant: no warning).
    as_written: frozenset[int] = frozenset()


# ---------------------------------------------------------------- from the fast parser
def from_fast(module: ast.Module, raw_tokens: list[tuple[str, str, int, int]]) -> Outline:
    """The outline of a file `bkrdsl.syntax.fast.read_tokens` read: the AST's spans
    give each statement's extent, the tokens their types."""
    tokens = [  # no token spans lines
        Tok(
            type_ if type_ in TYPED else _PUNCTUATION.get(type_, "KEYWORD"),
            text,
            start,
            start + len(text),
            line,
            line,
        )
        for type_, text, start, line in raw_tokens
    ]
    notes = [
        Note(trimmed(text), span.start, span.line, text.startswith("##")) for span, text in module.comments
    ]
    walk = _Walk([t.start for t in tokens], [t.end for t in tokens], {t.start: t.line for t in tokens if t.type == "LBRACE"})
    items = [_node("import_stmt", i.span) for i in module.imports]
    items += [walk.user(u) for u in module.users]
    items += [walk.group(g) for g in module.groups]
    items += [walk.cluster(c) for c in module.clusters]
    return Outline(
        tokens,
        notes,
        _ordered(items),
        tuple(sorted(walk.documented)),
        frozenset(walk.lower),
        tuple(sorted(walk.day_lists)),
        frozenset(walk.line_starts),
        frozenset(walk.as_written),
    )


def _node(kind: str, span, children=()) -> Node:
    return Node(kind, span.start, span.end, tuple(children))


def _ordered(nodes) -> tuple[Node, ...]:
    return tuple(sorted(nodes, key=lambda n: n.start))


def _volumes_read_on(
    keyword_line: int, labels: list[tuple[str, int, int]], starts: set, written: set, block: str = "member"
) -> None:
    """Note the lines of a volume list, labels (text, line, start offset), that runs on
    into words that read like a statement: the start of each of its lines into
    `starts`, the labels of the runs into `written`; and a first label spelled as a
    keyword that starts no statement is written (`private-volume shared`, runon.keyword_first)
    into `written`, which BKR021 warns of too; so are the labels from one that is a
    statement keyword of the list's `block` misspelt (`wrkers 2`, `suffix D`:
    runon.misspelt_runs), whose list keeps its lines too."""
    if labels and keyword_first(labels[0][0]):
        written.add(labels[0][2])
    read = [(text, line) for text, line, _ in labels]
    runs = statement_like_runs(keyword_line, read)
    misspelt = [run for run, _ in misspelt_runs(read, runs, block)]
    if runs or misspelt:
        starts.update(labels[i][2] for i in line_starts(keyword_line, read))
        written.update(labels[i][2] for run in [*runs, *misspelt] for i in run)


def _addresses_read_on(owner_line: int, words: list[tuple[str, int, int]], starts: set, written: set) -> None:
    """Note the lines of a minidisk selection's addresses, words (text, line, start
    offset), that start with a word read as a statement's (`exclude minidisk * 0190`,
    then `frob 35 days`: ast.statement_lines_in_addresses, one BKR310 for the line): its
    first word into `starts`, so that the line stays its own, and the words of the line
    that are no addresses into `written`, as written (a tape's own setting, `density
    6250`, is one in small letters) and with no wrap before them."""
    lines = ast.statement_lines_in_addresses(owner_line, [(text, line) for text, line, _ in words])
    for first, end in lines.items():
        starts.add(words[first][2])
        written.update(words[i][2] for i in range(first, end) if not ast.address_written(words[i][0]))


def _group_body(
    name_line: int,
    entries: list[tuple[bool, str, int, int, int, int]],
    starts: set,
    written: set,
    brace_line: int | None,
) -> tuple[Node, ...]:
    """The statements of a group body, entries (whether a `match` pattern, text, line,
    start and end offsets, end line): one per entry; or, when the body runs on into words that
    read like a statement, or holds a keyword's phrase, one per line as written
    (`group_line`), with the start of each line into `starts` and the IDs of the runs
    into `written`; `brace_line` is the line of the body's `{`. An ID spelled as a
    keyword that starts no statement (`full`, runon.keyword_ids), which BKR021 warns of
    too, goes into `written` either way: in upper case it would be a user FULL, and the
    warning would go.

    A keyword's phrase (`{ Full Full  # ...`, `{ CICSPRD server BKRSVSFS  # ...`:
    runon.keyword_phrases) is the keyword and words after it on its line, one BKR021
    for them all, which leaves the catalog's server to no BKR208 besides: split one
    entry per line, it would be two warnings, or a warning and an error; and the
    same words on two lines (`{ Full` and `Full }`), joined on one, one warning where
    there were two. Which words after a keyword are its value is the checker's to
    say, so a body with an entry after such an ID keeps its lines, as one that runs
    on does; one whose only such ID is its last entry (`{ LINUX01 full }`) is laid
    out as any other."""
    read = group_entry_lines([(is_pattern, text, line) for is_pattern, text, line, *_ in entries])
    runs = statement_like_runs(name_line, read, group=True)
    keywords = keyword_ids(read, runs)
    written.update(entries[i][3] for i in keywords)
    phrase = any(i + 1 < len(entries) for i in keywords)
    if not runs and not phrase:
        return tuple(Node("group_match" if e[0] else "group_user", e[3], e[4]) for e in entries)
    firsts = line_starts(name_line, read, [end_line for *_, end_line in entries])
    # The body's first word reads like a statement (`single group G { private-volume`):
    # after the `{` it is a user ID, but first on a line of its own the parser reads it
    # as the statement misplaced in the group (BKR013), so its line stays the `{`'s,
    # the `{` alone on the line below the group's name or not (`identity group G` and
    # `{ shared-volume 0 }` below it). Only a word written on the `{`'s line and spelled
    # as a statement keyword: one being typed (`desc`, BKR021's `begun`) is a user ID
    # alone on its line, and a first word on a line below the `{` keeps its line
    # (indentation as you type reads bodies whose lines above were passed over so).
    head = (
        bool(runs) and runs[0].start == 0 and entries[0][2] == brace_line and reads_like_statement(entries[0][1])
    )
    starts.update(entries[i][3] for i in firsts if i or not head)
    written.update(entries[i][3] for run in runs for i in run if not entries[i][0])
    bounds = [0, *(i for i in firsts if i), len(entries)]
    lines = [Node("group_line", entries[a][3], entries[b - 1][4]) for a, b in pairwise(bounds) if a < b]
    if head:
        lines[0] = Node("group_head", lines[0].start, lines[0].end)
    return tuple(lines)


class _Walk:
    """The AST's statements as nodes; notes the decls, lower-case values and day lists met."""

    def __init__(self, starts: list[int], ends: list[int], brace_lines: dict[int, int]):
        self.starts = starts
        self.ends = ends
        self.brace_lines = brace_lines
        self.braces = sorted(brace_lines)
        self.documented: list[int] = []
        self.lower: set[int] = set()
        self.day_lists: list[tuple[int, int]] = []
        self.line_starts: set[int] = set()
        self.as_written: set[int] = set()

    def _keyword_before(self, offset: int) -> int:
        """The start of the token before the one starting at `offset` (a keyword the
        AST keeps no span of: `preview`, `purge`, `retain`)."""
        return self.starts[bisect.bisect_left(self.starts, offset) - 1]

    def _documented(self, kind: str, span, children=()) -> Node:
        self.documented.append(span.start)
        return _node(kind, span, children)

    def schedule(self, schedule: ast.Schedule | None) -> None:
        if schedule is not None and schedule.frequency == "weekly":
            self.lower.update(day.span.start for day in schedule.days)
            self.day_lists.append((schedule.days[0].span.start, schedule.days[-1].span.end))
        if schedule is not None and schedule.ordinal is not None:  # `monthly first sun`
            self.lower.update(day.span.start for day in schedule.days)
        if schedule is not None and schedule.frequency == "monthly" and schedule.ordinal is None:
            # `monthly LAST-DAY`: the month's last day in small letters, as a weekday is
            self.lower.update(day.span.start for day in schedule.days if day.text.lower() == "last-day")

    def user(self, decl: ast.UserDecl) -> Node:
        if decl.role is not None:
            self.lower.add(decl.role.span.start)
        return self._documented("user_decl", decl.span)

    def group(self, decl: ast.GroupDecl) -> Node:
        entries = [(e.is_pattern, e.word.text, e.span.line, e.span.start, e.span.end, e.span.end_line) for e in decl.entries]
        brace = bisect.bisect_right(self.braces, decl.name.span.start)
        brace_line = self.brace_lines[self.braces[brace]] if brace < len(self.braces) else None
        body = _group_body(decl.name.span.line, entries, self.line_starts, self.as_written, brace_line)
        return self._documented("group_decl", decl.span, body)

    def selection(self, selection: ast.Selection) -> Node:
        if selection.medium is ast.Medium.MINIDISK:
            owner_line = selection.owner.span.line if selection.owner is not None else selection.span.line
            words = [(w.text, w.span.line, w.span.start) for w in selection.items]
            _addresses_read_on(owner_line, words, self.line_starts, self.as_written)
            return _node("minidisk_selection", selection.span)
        # words in small letters after the paths, a comment without its `#` (BKR318 for the
        # run): as written, as the warning reads them; in capitals each would be a path
        for start, end in ast.prose_after_paths([item.text for item in selection.items]).items():
            self.as_written.update(item.span.start for item in selection.items[start:end])
        return _node("sfs_selection", selection.span)

    def setting(self, setting: ast.Setting) -> Node:
        if setting.keyword in ast.VOLUME_LISTS:
            labels = [(w.text, w.span.line, w.span.start) for w in setting.written]
            block = "member" if setting.keyword == "private-volume" else "cluster"
            _volumes_read_on(setting.span.line, labels, self.line_starts, self.as_written, block)
            self.lower.update(s.size.span.start for s in setting.sizes)  # `25-cyl`, as `size 25 cyl`
        return _node(setting.keyword.replace("-", "_"), setting.span)

    def member(self, member: ast.Member) -> Node:
        body = [self.setting(s) for s in member.settings] + [self.selection(s) for s in member.selections]
        return self._documented("member", member.span, _ordered(body))

    def expire(self, expire: ast.Expire) -> Node:
        body = []
        for kind, schedules in (("expire_preview", expire.previews), ("expire_purge", expire.purges)):
            for schedule in schedules:
                self.schedule(schedule)
                body.append(Node(kind, self._keyword_before(schedule.span.start), schedule.span.end))
        for days in expire.retains:  # retain NAME days
            after = self.ends[bisect.bisect_left(self.starts, days.span.start) + 1]
            body.append(Node("expire_retain", self._keyword_before(days.span.start), after))
        return _node("expire", expire.span, _ordered(body))

    def job(self, job: ast.Job) -> Node:
        body = [_node("backup", b.span) for b in job.backups]
        body += [self.selection(s) for s in job.selections]
        body += [_node("target", t.span) for t in job.targets]
        for run in job.runs:
            self.schedule(run.schedule)
            body.append(_node("run", run.span))
        body += [self.setting(d) for d in job.descriptions]
        return self._documented("job", job.span, _ordered(body))

    def cluster(self, cluster: ast.Cluster) -> Node:
        body = [self.member(m) for m in cluster.members]
        for catalog in cluster.catalogs:
            self.lower.update(w.unit.span.start for w in (*catalog.logon_waits, *catalog.pool_waits))
            body.append(_node("catalog", catalog.span))
        body += [self.expire(e) for e in cluster.expires]
        body += [_node("tape", t.span) for t in cluster.tapes]
        body += [self.user(u) for u in cluster.users]
        body += [self.group(g) for g in cluster.groups]
        body += [self.job(j) for j in cluster.jobs]
        body += [self.setting(s) for s in cluster.settings]
        for disk in cluster.disks:
            self.lower.add(disk.unit.span.start)
            body.append(_node("disk", disk.span))
        return self._documented("cluster", cluster.span, _ordered(body))


# ---------------------------------------------------------------- from Lark
def trimmed(comment: str) -> str:
    """A comment without its trailing blanks, but for a line or paragraph separator
    or a NEL among them and the blanks before it: BKR023 warns of one, whose fix the
    user applies; `bkrc fmt` changes layout only, and its output reports what its
    input reports."""
    text = comment.rstrip()
    if len(text) == len(comment) or comment.isascii():
        return text
    tail = comment[len(text) :]
    kept = max(tail.rfind("\u2028"), tail.rfind("\u2029"), tail.rfind("\x85"))
    return comment[: len(text) + kept + 1] if kept >= 0 else text


def from_lark(tree, raw_tokens, raw_comments) -> Outline:
    """The outline of a file Lark parsed without errors: its parse tree (keywords
    dropped, bkrdsl.syntax.parser), every token its lexer read, and its comments."""
    tokens = [
        Tok(
            t.type if t.type in TYPED else "KEYWORD", str(t.value), t.start_pos, t.end_pos, t.line, t.end_line
        )
        for t in raw_tokens
    ]
    notes = [Note(trimmed(str(c.value)), c.start_pos, c.line, c.type == "DOC_COMMENT") for c in raw_comments]
    brace_lines = {t.start: t.line for t in tokens if t.type == "LBRACE"}
    braces = sorted(brace_lines)
    lower: set[int] = set()
    day_lists: list[tuple[int, int]] = []
    starts: set[int] = set()
    written: set[int] = set()
    for node in tree.iter_subtrees():
        if node.data in ("private_volume", "shared_volume") and _placed(node):
            labels = [(str(t.value), t.line, t.start_pos) for t in node.children]
            _volumes_read_on(node.meta.line, labels, starts, written)
            sizes = ast.size_indexes([text for text, _, _ in labels])
            lower.update(labels[i][2] for i in sizes)
        elif node.data == "group_decl" and _placed(node):
            _group_body(
                _lark_name_line(node, braces, brace_lines),
                _lark_group_entries(node),
                starts,
                written,
                _lark_brace_line(node, braces, brace_lines),
            )
        elif node.data == "minidisk_selection" and _placed(node):
            names = [c for c in node.children if not hasattr(c, "data")]  # the owner, the addresses
            words = [(str(t.value), t.line, t.start_pos) for t in names[1:]]
            if names:
                _addresses_read_on(names[0].line, words, starts, written)  # as _Walk.selection
        elif node.data == "sfs_selection" and _placed(node):
            paths = [c for c in node.children if not hasattr(c, "data")]
            for start, end in ast.prose_after_paths([str(t.value) for t in paths]).items():
                written.update(t.start_pos for t in paths[start:end])  # as _Walk.selection
        elif node.data == "role":
            lower.add(node.children[0].start_pos)
        elif node.data == "weekly" and _placed(node.children[0]):
            days = node.children[0]
            lower.update(t.start_pos for t in days.children)
            day_lists.append((days.meta.start_pos, days.meta.end_pos))
        elif node.data == "monthly_weekday" and len(node.children) == 3 and node.children[1].start_pos is not None:
            lower.add(node.children[1].start_pos)  # `monthly first sun`: its day, as weekly's
        elif (
            node.data == "monthly"
            and len(node.children) == 2
            and node.children[0].start_pos is not None
            and str(node.children[0].value).lower() == "last-day"
        ):
            lower.add(node.children[0].start_pos)  # `monthly LAST-DAY`: as `monthly first SUN`'s day
        elif node.data == "disk" and len(node.children) >= 4 and not hasattr(node.children[3], "data"):
            # the statement, not `to disk`; its unit, unless it is one the recovery
            # assumed, which indentation as you type drops (`size 10 on VMSYS1`: then
            # the placement's subtree comes fourth)
            lower.add(node.children[3].start_pos)
        elif node.data in ("catalog_logon_wait", "catalog_pool_wait"):
            lower.add(node.children[1].start_pos)  # its unit, as a disk's: `logon-wait 2 minutes`
    documented = sorted(n.meta.start_pos for n in tree.iter_subtrees() if n.data in DOCUMENTED and _placed(n))
    items = tuple(_lark_node(c, braces, brace_lines) for c in _subtrees(tree))
    return Outline(
        tokens,
        notes,
        items,
        tuple(documented),
        frozenset(lower),
        tuple(sorted(day_lists)),
        frozenset(starts),
        frozenset(written),
    )


def _subtrees(tree):
    """The statements of `tree` that have a place in the text (`_placed`)."""
    return [c for c in tree.children if hasattr(c, "data") and _placed(c)]


def _placed(tree) -> bool:
    """Whether `tree` holds a token of the text. A tree of a file read whole always
    does; the language server's indentation as you type (`fmt.ontype`) drops the
    tokens the parser's recovery assumed, and a statement made of those only
    (`expir{e on VMSYS1 {`: an `expire` the recovery put in) is left with no
    position, and nothing to lay out."""
    return not tree.meta.empty


def _lark_group_entries(tree) -> list[tuple[bool, str, int, int, int, int]]:
    """A group_decl's entries as `_group_body` reads them."""
    return [
        (e.data == "group_match", str(e.children[0].value), e.meta.line, e.meta.start_pos, e.meta.end_pos, e.meta.end_line)
        for e in _subtrees(tree)
        if e.data in ("group_user", "group_match")
    ]


def _lark_name_line(group, braces: list[int], brace_lines: dict[int, int]) -> int:
    """The line of a group_decl's name. A name the parser's recovery assumed
    (`single group { TCPIP`) Lark puts at the group's `{`, and indentation as you
    type (`fmt.ontype`) drops such a token (see `_placed`): the `{`'s line then."""
    name = group.children[1] if len(group.children) > 1 else None
    if name is not None and not hasattr(name, "data"):  # a token, not an entry's subtree
        return name.line
    return brace_lines[braces[bisect.bisect_left(braces, group.meta.start_pos)]]


def _lark_brace_line(group, braces: list[int], brace_lines: dict[int, int]) -> int | None:
    """The line of a group_decl's `{` (the first after its start)."""
    index = bisect.bisect_left(braces, group.meta.start_pos)
    return brace_lines[braces[index]] if index < len(braces) else None


def _lark_node(tree, braces: list[int], brace_lines: dict[int, int]) -> Node:
    """A statement of the tree; a block's children are the statements after its `{`."""
    start, end = tree.meta.start_pos, tree.meta.end_pos
    if tree.data == "group_decl":
        body = _group_body(
            _lark_name_line(tree, braces, brace_lines),
            _lark_group_entries(tree),
            set(),
            set(),
            _lark_brace_line(tree, braces, brace_lines),
        )
        return Node(tree.data, start, end, body)
    if tree.data not in BLOCKS:
        return Node(tree.data, start, end)
    brace = braces[bisect.bisect_left(braces, start)]
    body = [_lark_node(c, braces, brace_lines) for c in _subtrees(tree) if c.meta.start_pos > brace]
    return Node(tree.data, start, end, tuple(body))
