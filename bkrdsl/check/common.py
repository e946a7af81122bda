"""What every rule family shares: name syntax, "did you mean", quoting names in messages.

The name rules live here, once, so that `names.py` (which reports invalid
names) and every other family (which must skip them, so that one bad name is
one diagnostic) agree on what is valid.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

from bkrdsl.ast import Cluster, Disk, Kind, Medium, Schedule, Scope, Selection
from bkrdsl.diagnostics import Edit, Fix
from bkrdsl.diagnostics.suggest import alternatives, tied_best, typing_slips
from bkrdsl.resolve.model import (
    DISK_UNIT_LIMITS,
    LAST_DAY,
    MAX_WORKERS,
    MONTH_END_DAYS,
    ORDINAL_DAYS,
    PATTERN_CHARS,
    Model,
    UserDef,
    UserList,
    is_pattern,
    parse_address,
    parse_disk_unit,
    parse_weekday,
)
from bkrdsl.source import Span
from bkrdsl.terminal import escaped

#: A message never prints more of a name than this (a 100,000-character
#: name is shown as its start and its length).
SHOWN_CHARS = 24

#: "Did you mean" compares names up to this length; longer ones are not worth it.
SUGGEST_MAX_LENGTH = 64
#: After this many look-ups in one run, unknown names get no suggestion, so a
#: file with thousands of typos against 50,000 users still checks quickly.
SUGGEST_BUDGET = 200

# Character sets, each with where it comes from.
#: CP user IDs: the USERID_CHARACTERS translate table (z/VM CP Commands and
#: Utilities Reference, "Restricted User IDs").
USER_ID_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@#$_-")
#: SSI member and cluster names: letters and digits. z/VM 7.2, SSI Statement: the
#: cluster name "can be up to eight alphanumeric characters", and a member's system
#: name "is the 1- to 8-character system name [...] The system name must be
#: alphanumeric" (no national characters, which a volser or user ID may hold).
SYSTEM_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
#: CMS file names and file types.
CMS_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789$#@+-:_")
#: DASD volume labels (volsers): up to 6 letters, digits and national characters.
VOLUME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@#$")
#: Characters whose EBCDIC code point differs between common code pages.
EBCDIC_VARIANT = frozenset("$#@!|\\[]{}^~`")

PATTERN_SET = frozenset(PATTERN_CHARS)


def selections_of(cluster: Cluster, medium: Medium) -> Iterator[Selection]:
    """Every `include`/`exclude` of one medium: the jobs', then the member blocks'."""
    return (s for _, s in block_selections_of(cluster, medium))


def block_selections_of(cluster: Cluster, medium: Medium) -> Iterator[tuple[str, Selection]]:
    """`selections_of`, each with the kind of block it is written in (`job`, `member`)."""
    for job in cluster.jobs:
        yield from (("job", s) for s in job.selections if s.medium is medium)
    for m in cluster.members:
        yield from (("member", s) for s in m.selections if s.medium is medium)


def line_in(span: Span, where: str) -> str:
    """How a help names the line of `span`: `line N` in the file `where`, the
    diagnostic's own, `FILE line N` in another (a module the diagnostic's file
    imports, or the file importing it), as BKR203's help does: a sysprog reading
    `(line 7)` under `--> site/common.bkr:3:1` opens site/common.bkr."""
    return f"line {span.line}" if span.file == where else f"{span.file} line {span.line}"


def shown(text: str) -> str:
    """A name for a message: itself when short, else its start and its length."""
    if len(text) <= SHOWN_CHARS:
        return text
    return f"{text[: SHOWN_CHARS - 4]}... ({len(text):,} characters)"


def quoted(text: str) -> str:
    """A name in backticks for a message: shortened (`shown`), and each character a
    terminal would act on written `<U+XXXX>` (`escaped`): a name may come from the
    command line (`bkrc show --user`, `bkrc init --member`), where anything can be typed."""
    return f"`{escaped(shown(text))}`"


def bad_chars(text: str, allowed: frozenset[str]) -> list[str]:
    """The distinct characters of `text` not in `allowed`, in order of appearance."""
    seen: dict[str, None] = {}
    for c in text:
        if c not in allowed and c not in seen:
            seen[c] = None
            if len(seen) == 3:
                break
    return list(seen)


def describe_chars(chars: Sequence[str]) -> str:
    return ", ".join(f"`{escaped(c)}`" for c in chars)


def article(what: str) -> str:
    """`a` or `an` before `what` (by sound: "an SFS file pool ID", "a z/VM user ID")."""
    return "an" if what[:1].lower() in "aeio" or what.startswith(("SFS", "IDENTITY")) else "a"


def _char_class(allowed: frozenset[str]) -> str:
    return "[" + re.escape("".join(sorted(allowed))) + "]"


@functools.lru_cache(maxsize=16)
def _all_allowed(allowed: frozenset[str]) -> re.Pattern:
    return re.compile(_char_class(allowed) + "+")


def name_problem(text: str, allowed: frozenset[str], max_len: int, what: str) -> str | None:
    """Why `text` is not a valid `what` (1-`max_len` characters from `allowed`), or None."""
    up = text.upper()
    # Every user ID passes through here several times: valid names take one C-speed match.
    if 0 < len(up) <= max_len and _all_allowed(allowed).fullmatch(up):
        return None
    a = article(what)
    if not up:
        return f"{a} {what} cannot be empty"
    bad = bad_chars(up, allowed)
    cannot_hold = f"contains {describe_chars(bad)}, which {a} {what} cannot hold"
    if len(up) > max_len:
        head = escaped(text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 4] + "...")
        if bad:  # both, the character first: `M4-PRV1` is too long only by its `-`
            return f"`{head}` {cannot_hold}, and is {len(up):,} characters long (at most {max_len})"
        return f"`{head}` is {len(up):,} characters long; {a} {what} has at most {max_len}"
    if bad:
        return f"{quoted(text)} {cannot_hold}"
    return None


def user_id_problem(text: str) -> str | None:
    return name_problem(text, USER_ID_CHARS, 8, "z/VM user ID")


def pattern_problem(text: str) -> str | None:
    """Why a user ID pattern (`*`, `%`, `?` wildcards) can never match a user ID, or None."""
    up = text.upper()
    bad = bad_chars(up, USER_ID_CHARS | PATTERN_SET)
    if bad:
        return f"pattern {quoted(text)} contains {describe_chars(bad)}, which no z/VM user ID holds"
    fixed = sum(1 for c in up if c != "*")
    if fixed > 8:
        return f"pattern {quoted(text)} needs at least {fixed:,} characters; a z/VM user ID has at most 8"
    return None


def valid_user_id(text: str) -> bool:
    return user_id_problem(text) is None


#: `Model.id_lines(kind)` when every ID is valid (possessive: nothing to backtrack
#: into, which makes the one pass over 10,000 IDs a third faster); and a match
#: (empty, but a match) at the start of an ID that is not valid.
_USER_ID = _char_class(USER_ID_CHARS) + "{1,8}"
_VALID_ID_LINES = re.compile(rf"(?:\n{_USER_ID}+)*+\n")
_NOT_A_USER_ID = re.compile(rf"(?!{_USER_ID}\Z)")


def invalid_user_defs(model: Model) -> Iterator[tuple[UserDef, str]]:
    """The declarations of the IDs `user_id_problem` rejects, each with its problem (see
    `invalid_user_entries`)."""
    for u, problem, _, _ in invalid_user_entries(model):
        yield u, problem


def invalid_user_entries(model: Model) -> Iterator[tuple[UserDef, str, UserList, int]]:
    """The declarations of the IDs `user_id_problem` rejects, each with its problem and
    its list and index there (the written word is the list's at that index: BKR301's
    help reads the words beside it), in the order of `user_defs`: one regex over all the IDs, and only when it finds
    one invalid, one C-speed match per ID. It makes the UserDefs of the invalid IDs
    alone, one at a time, and keeps none of them: a file of a million IDs CP refuses
    holds no set or list of them while the error limit counts them (the first
    hundred shown cost what a hundred cost)."""
    if all(_VALID_ID_LINES.fullmatch(model.id_lines(kind)) for kind in Kind):
        return
    for lst in model.user_lists:
        for i in itertools.compress(itertools.count(), map(_NOT_A_USER_ID.match, lst.ids)):
            problem = user_id_problem(lst.ids[i])
            if problem is not None:
                yield lst.def_at(i), problem, lst, i


def id_range(text: str) -> bool:
    """Whether `text` (upper case) is a range of user IDs written as a directory listing
    shows one, `LNXP01-LNXP40`, also one of 8 characters or fewer that CP would take
    for one ID (`A01-A40`, `-` being a user ID character): two sides of one `-`, of the
    same length, each the same start (not empty) and a number, the numbers different.
    A user ID with a `-` that is not so (`WEB-DB1`, `A1-A10`, `X1-Y2`) is no range."""
    first, dash, last = text.partition("-")
    if not dash or "-" in last or len(first) != len(last) or first == last:
        return False
    start = first.rstrip("0123456789")
    return bool(start) and start != first and last.rstrip("0123456789") == start


def valid_user_or_pattern(text: str) -> bool:
    if any(c in PATTERN_SET for c in text):
        return pattern_problem(text) is None
    # `A01-A40`: BKR301's range. Asked of every owner and ID a check reads: a word
    # without a `-` is no range, and is not upper-cased and parsed for it.
    return user_id_problem(text) is None and ("-" not in text or not id_range(text.upper()))


def system_name_problem(text: str, what: str = "member name") -> str | None:
    return name_problem(text, SYSTEM_NAME_CHARS, 8, what)


def cms_name_problem(text: str, what: str = "CMS file name") -> str | None:
    return name_problem(text, CMS_NAME_CHARS, 8, what)


def volume_problem(text: str) -> str | None:
    return name_problem(text, VOLUME_CHARS, 6, "volume label")


def variant_chars(text: str) -> list[str]:
    return sorted({c for c in text if c in EBCDIC_VARIANT})


# ------------------------------------------------------------ did you mean
#: Letters a name read off a listing or a screen may be typed with for the digits they
#: look like: O for 0, I and L for 1 (`VMSYSI` for VMSYS1).
_LOOK_ALIKE = str.maketrans("OIL", "011")


class Suggester:
    """difflib's closest matches, with a budget so that huge inputs stay fast."""

    def __init__(self) -> None:
        self.budget = SUGGEST_BUDGET

    def closest(self, word: str, candidates: Iterable[str], known: dict[str, tuple[str, ...]] | None = None) -> list[str]:
        """The candidates most like `word` (difflib's ratio, at least 0.6): one, or the
        two or three equally close, alphabetically (bkrdsl.diagnostics.suggest).
        Only a candidate within slips of `word` counts (`near_enough`): NEWGRP has
        EREP's ratio of 0.6, but is no misspelling of it. Where none or several are
        closest, the one candidate `word` is with a letter for the digit it looks like
        (`_LOOK_ALIKE`: `VMSYSI` for VMSYS1, among VMSYS1 to VMSYS4) is.

        `known` keeps the answers for these same candidates across runs, by word
        (`Directory.closest_users`: each analysis of `bkrc check --fix` asks the
        directory's thousands of IDs about the same missing users again). An answer
        found there costs the budget all the same, so what is suggested is the same
        with it or without."""
        word = word.upper()
        if len(word) > SUGGEST_MAX_LENGTH or self.budget <= 0:
            return []
        self.budget -= 1
        if known is not None and word in known:
            return list(known[word])
        # Names that differ in length by more than 3 are never "close" (cutoff 0.6
        # on names of at most 8 characters); filtering first keeps 50,000 users cheap.
        near = sorted({c for c in candidates if abs(len(c) - len(word)) <= 3})
        found = tied_best((-ratio, c) for c, ratio in _ratios(word, near, keep=near_enough) if ratio >= 0.6)
        if len(found) != 1:
            # `VMSYSI` is one letter from each of VMSYS1 to VMSYS4, and the one it looks like
            alike = [c for c in near if c != word and c.translate(_LOOK_ALIKE) == word.translate(_LOOK_ALIKE)]
            found = alike if len(alike) == 1 else found
        if known is not None:
            known[word] = tuple(found)
        return found


def near_enough(word: str, candidate: str) -> bool:
    """Whether `candidate` is near enough to `word` to be offered for it: at most half
    the letters of the longer of the two added, dropped, changed or swapped (typing
    slips, as keywords count them: bkrdsl.diagnostics.suggest). A keyword allows one slip,
    two in a long one; a name may be written longer or shorter than the one meant
    (`VMSYS1` for VMSYS1XYZ, `THURS` for THU), so it allows more, but not a name most
    of whose letters differ: `NEWGRP` shares E, R and P with EREP (difflib's ratio
    0.6), four slips from it, and was offered as "did you mean `EREP`?"."""
    allowed = max(len(word), len(candidate)) // 2
    return typing_slips(word, candidate, allowed) <= allowed


def _ratios(word: str, candidates: list[str], keep=None) -> Iterator[tuple[str, float]]:
    """(candidate, difflib ratio) for the candidates that may be the closest to `word`
    (at least 0.6, as `difflib.get_close_matches` measures them): every one as close
    as the closest, and some less close, which `tied_best` drops. With `keep`, only
    the candidates `keep(word, candidate)` accepts.

    A candidate's `quick_ratio` is at least its ratio (the characters the two have in
    common, in any order, against those in the same order), and costs a fraction of
    it: the ratios are measured from the highest `quick_ratio` down, and stop at the
    first below the best ratio found, as neither it nor those after can be as close.
    A missing ID against 10,000 like IDs (`WAS00189`, `WAS00190`...) had its ratio
    measured with hundreds of them, a handful now."""
    import difflib  # here: only a name that resolves to nothing needs it

    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    bounded = []
    for c in candidates:
        matcher.set_seq1(c)
        if matcher.real_quick_ratio() >= 0.6 and (quick := matcher.quick_ratio()) >= 0.6:
            bounded.append((quick, c))
    bounded.sort(key=lambda pair: -pair[0])
    best = 0.6
    for quick, c in bounded:
        if quick < best:
            return
        matcher.set_seq1(c)
        ratio = matcher.ratio()
        if ratio < 0.6 or (keep is not None and not keep(word, c)):
            continue
        best = max(best, ratio)
        yield c, ratio


def machine_meant(model: Model, suggest: Suggester, user: str, addresses: Iterable[int], machines) -> list[str]:
    """The product machines a `disk` for a user that is none of them (`user`, at
    `addresses`) may mean: the closest; of two or three equally close, those that
    no `disk` gives a minidisk at one of those addresses yet, when there are some
    (`disk TTCMM 191`, as close to TCTMM as to TRTMM and TCDMM, which have their
    191s: TCTMM). BKR332's "did you mean" and its fix, and BKR253, which counts
    the disk as that machine's A-disk, ask here: the one answer for both."""
    close = suggest.closest(user, list(machines))
    if len(close) > 1 and (free := without_disk_at(model, close, addresses)):
        return free
    return close


def star_left_out(model: Model, user: str) -> str | None:
    """The worker pattern (`BKRWRK*`) when `user` is that pattern with its last `*` left
    out (`disk BKRWRK 191 ...`), a name no machine has: BKR332 says so, its fix writing
    the `*`, and BKR253 counts the disk as the workers' A-disk (the one mistake)."""
    pattern = model.worker_pattern
    if pattern is None or not pattern.endswith("*") or pattern[:-1] != user or is_pattern(user):
        return None
    if any(user in model.workers_of(m) for m in model.members) or model.product_role(user) is not None:
        return None
    return pattern


def hash_glued_machines(model: Model) -> dict[str, tuple[str, Span, str]]:
    """The machines the `catalog` or `tape manager` statement names with a `#` inside
    the name, whose part before the `#` is what a `disk` statement names and no
    machine is: `request-dmm TRDMM#x` beside `disk TRDMM 191 ...`, a comment written
    without its blank (or a `#` typed into the name the `disk` does not have). ID ->
    (the `disk`'s user, where the statement names the machine, which statement).
    A name CP refuses (`BKRSVSFS#x`, 10 characters) is BKR301's alone. One slip, one diagnostic: BKR332 says it, at the `disk` left for no machine, its
    help naming the `#`; BKR308 leaves that name's `#` to it."""
    named: list[tuple[str, Span, str]] = []
    catalog, tape = model.catalog, model.tape
    if catalog is not None and catalog.server is not None and catalog.server_span is not None:
        named.append((catalog.server, catalog.server_span, "`catalog`"))
    if tape is not None:
        named += [(machine, span, "`tape manager`") for machine, span in tape.machines()]
    named = [n for n in named if "#" in n[0]]
    if not named:
        return {}
    machines = model.product_machines()
    users = {d.user.upper for d in model.disks}
    out = {}
    for machine, span, statement in named:
        head = machine[: machine.index("#")]
        if head and head in users and head not in machines and valid_user_id(machine):  # else BKR301's
            out[machine] = (head, span, statement)
    return out


def without_disk_at(model: Model, machines: Iterable[str], addresses: Iterable[int]) -> list[str]:
    """The machines no `disk` gives a minidisk at one of `addresses` yet."""
    wanted = set(addresses)
    return [m for m in machines if not any((m, a) in model.disks_at for a in wanted)]


def begun_by(word: str, candidates: Iterable[str]) -> list[str]:
    """The candidates that `word` begins and is shorter than, alphabetically, when one to
    three do (four or more: none, as "did you mean" names none of four equally close):
    a name being typed, `S` or `SY` for SYSTEM, which difflib's ratio finds no match for
    until a third letter (`SYS`). BKR330's and BKR331's helps say the word begins them."""
    up = word.upper()
    found = sorted({c for c in candidates if len(c) > len(up) and c.startswith(up)})
    return found if len(found) <= 3 else []


def mean_help(suggestions: Sequence[str], otherwise: str) -> str:
    if suggestions:
        return f"did you mean {alternatives(suggestions)}?"
    return otherwise


def unknown_member_help(
    close: Sequence[str], members: Iterable[str], *, every: str = "", declare: str = "", named: bool = False
) -> str:
    """BKR330's help, one wording wherever a name is not one of the cluster's members
    (`run on`, `expire on`, `catalog ... on` and `catalog-node ... on` in the file;
    `bkrc show --member`; `bkrc init`'s `--catalog-member` and `--purging-member`): "did you
    mean" the closest members when some are close, `every` (what `each member`
    would say, where it fits: `run on all`, the `run on` of an IDENTITY job), then
    the members, unless "did you mean" names them all or `named` says `every` does;
    `declare`: in the file, the name, and how to declare it a member instead, when no
    member is close."""
    members = list(members)
    said = [every] if every else []
    if set(close) != set(members) and not named:
        said.append(f"the members are {', '.join(members) or 'none yet'}")
    if declare and not close:
        said.append(f"declare it with `member {declare} {{ ... }}`")
    rest = "; ".join(said)
    return f"did you mean {alternatives(close)}?{' ' if rest else ''}{rest}" if close else rest


def mean_fix(suggestions: Sequence[str], span: Span) -> Fix | None:
    """The fix for a "did you mean" (`span`: the one word it is about): write the
    suggestion, when there is exactly one; two or three equally close are a choice."""
    if len(suggestions) != 1:
        return None
    return Fix.replace(f"Replace with `{suggestions[0]}`", span, suggestions[0])


def holds_comment(model: Model, span: Span) -> bool:
    """Whether a comment stands inside `span`: a fix that rewrote it would drop it."""
    for module in model.modules:
        if module.file == span.file:
            return any(span.start <= where.start < span.end for where, _ in module.comments)
    return False


def volume_span(model, volume: str):
    """Where a volume is declared: a member's `private-volume` or the cluster's `shared-volume`."""
    cluster = model.cluster
    for m in cluster.members:
        for s in m.settings_named("private-volume"):
            for w in s.values:
                if w.upper == volume:
                    return w.span
    for s in cluster.settings:
        if s.keyword == "shared-volume":
            for w in s.values:
                if w.upper == volume:
                    return w.span
    return cluster.name.span


_INT = re.compile(r"[0-9]{1,9}\Z")


def small_int(text: str) -> int | None:
    """A non-negative integer of at most 9 digits, else None."""
    return int(text) if _INT.match(text) else None


_DISK_INT = re.compile(r"[0-9]{1,10}\Z")


def disk_int(text: str) -> int | None:
    """A cylinder or block number or count: a non-negative integer of at most 10
    digits (an FBA volume's blocks go up to 2**32, ten digits), else None."""
    return int(text) if _DISK_INT.match(text) else None


def swapped_disk(disk) -> bool:
    """`disk 191 BKRBKUP size 10 cyl`: the address written first, then the user ID.
    The first word is an address starting with a digit, as addresses are written, and
    the second no address but a user ID (or pattern). One check reports it (BKR310);
    the others read the statement as meant (`disk_read`), so it is one error."""
    return (
        disk.user.text[:1].isdigit()
        and parse_address(disk.user.text) is not None
        and parse_address(disk.address.text) is None
        and valid_user_or_pattern(disk.address.upper)
    )


def disk_reported(model: Model, disk) -> bool:
    """Whether an earlier check already reports what a `disk` statement gives: its size
    no count of at least 1 within the largest volume, or its unit none (BKR316, BKR317),
    a volume the cluster does not declare (BKR333, or the label's own problem), or no
    product machine (BKR332, BKR310). Checks comparing statements (BKR324) leave such a
    statement out, so one slip is one diagnostic."""
    size, unit = disk_int(disk.size.text), parse_disk_unit(disk.unit.text)
    if not size or unit is None or size > DISK_UNIT_LIMITS[unit]:
        return True
    if disk.volume is not None and disk.volume.upper not in (*model.private_volumes, *model.shared_volumes):
        return True
    return swapped_disk(disk) or not model.disk_owners(disk)


def workers_reported(member) -> bool:
    """Whether an earlier check reports how many workers `member` (a `MemberModel`)
    runs: none (no `workers` statement, or `workers 0`: BKR241) or a count that is
    none from 1 to MAX_WORKERS (`workers 99`, `workers 4#x`: BKR316). The count
    meant is unknown then, so the checks that count the member's workers (BKR252 for
    a worker's minidisk on its private volume, BKR253 for the workers' A-disks)
    leave that member alone: one slip, one diagnostic."""
    settings = member.decl.settings_named("workers")
    if not settings or not settings[0].values:
        return True
    n = small_int(settings[0].values[0].text)
    return n is None or not 1 <= n <= MAX_WORKERS


def missing_private_volumes(model: Model) -> dict[str, tuple[str, ...]]:
    """The volumes no statement declares that are a member's private volume left out
    with its declaration, each with the member it belongs to: () for a member no
    block declares (its `member` block deleted: BKR330 for the member's name), or the
    one member that declares no private volume (its `private-volume` deleted: BKR245,
    which names the volume). Such a volume is named by IDENTITY machines' minidisks
    only, placed member by member (bank.bkr), every statement for one of them beside
    statements on the other members' private volumes, and the members those leave
    without one are that member or none. BKR333 leaves such a volume to that error: one
    slip, one diagnostic. A label mistyped (`on PARPV1` for PRODA's `PAPRV1`) leaves
    its own member without a statement, and stays BKR333."""
    placed = _placed_beside(model)
    if not placed:
        return {}
    lacking = {m.name for m in model.members if not m.private_volumes}
    unknown_member = any(model.member(w.upper) is None for w in model.cluster.member_references())
    return {
        volume: tuple(uncovered)
        for volume, (uncovered, _disks) in placed.items()
        if (not uncovered and unknown_member) or (len(uncovered) == 1 and uncovered <= lacking)
    }


def retired_private_volumes(model: Model) -> dict[str, list[Disk]]:
    """The volumes no statement declares that only a retired member's private volume
    can be, each with its `disk` statements: every one of them places an IDENTITY
    machine's minidisk that a statement on the private volume of each member the
    machine runs on places already, and every member's name is known (BKR330's
    choice applied, the member's block gone with its volume: bank.bkr without PRODA's
    `PAPRV1`). Those statements place instances no member has: BKR333's help and fix
    delete them. Not a volume some member is left without a statement by (a label
    mistyped: `missing_private_volumes`)."""
    placed = _placed_beside(model)
    if not placed or any(model.member(w.upper) is None for w in model.cluster.member_references()):
        return {}
    return {volume: disks for volume, (uncovered, disks) in placed.items() if not uncovered}


def _placed_beside(model: Model) -> dict[str, tuple[set[str], list[Disk]]]:
    """Each volume no statement declares whose `disk` statements each place an IDENTITY
    machine's minidisk that statements on other volumes place too, with the members
    those (on members' private volumes) leave without one, and the statements."""
    cluster = model.cluster
    if cluster is None:
        return {}
    known = set(model.private_volumes) | set(model.shared_volumes)
    by_volume: dict[str, list[Disk]] = {}
    for d in model.disks:
        if d.volume is not None and d.volume.upper not in known and volume_problem(d.volume.text) is None:
            by_volume.setdefault(d.volume.upper, []).append(d)
    if not by_volume:
        return {}
    machines = model.product_machines()
    found = {}
    for volume, disks in by_volume.items():
        uncovered: set[str] = set()
        for d in disks:
            addr = parse_address(d.address.text)
            owners = model.disk_owners(d, machines) if addr is not None else ()
            if not owners or any(machines[m][0] is not Kind.IDENTITY for m in owners):
                break
            for machine in owners:
                others = [o for o in model.disks_at.get((machine, addr), ()) if o.volume is not None and o.volume.upper != volume]
                if not others:
                    break
                covered = {model.private_volumes.get(o.volume.upper) for o in others}
                uncovered.update(m for m in machines[machine][1] if m not in covered)
            else:
                continue
            break
        else:
            found[volume] = (uncovered, disks)
    return found


def disk_read(disk):
    """`disk` as meant: its user ID and address back in their places when swapped."""
    if not swapped_disk(disk):
        return disk
    return dataclasses.replace(disk, user=disk.address, address=disk.user)


def disk_written_twice(disk) -> bool:
    """`disk disk 191 size 10 cyl`: the keyword written again where the machine's ID
    goes, in small letters (a user DISK is written in capitals, as CP writes it):
    BKR332 says so (`declarations._disk_twice`), and BKR253 leaves it to it."""
    return disk.user.text.lower() == "disk" and not disk.user.text.isupper()


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def first_few(parts: Sequence[str], limit: int = 4) -> str:
    """`A, B, C, D and 2 more`: the first `limit` parts as they are, and how many more
    (a message that names only some must say there are others)."""
    more = f" and {len(parts) - limit:,} more" if len(parts) > limit else ""
    return ", ".join(parts[:limit]) + more


def listed(items: Sequence[str], limit: int = 4) -> str:
    """`A`, `B` and `C`; long lists end with "and N more"."""
    names = [f"`{shown(i)}`" for i in items[:limit]]
    if len(items) > limit:
        return ", ".join(names) + f" and {len(items) - limit:,} more"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def server_written_as_home(model: Model):
    """`catalog shared on BKRSVSFS pool BKRPOOL`: a shared catalog without its
    `server` whose `on` names no member is the server written after `on` (the
    design brief's own wording). The word, or None. BKR212 says so, and BKR330
    and BKR332 (a `disk` for that server) leave the word alone."""
    for cat in model.catalogs[:1]:
        if cat.server is None and cat.scope is Scope.SHARED and len(cat.decl.home) == 1:
            word = cat.decl.home[0]
            if model.member(word.upper) is None:
                return word
    return None


def server_disk_unnamed(model: Model) -> Disk | None:
    """The `disk` statement of the shared catalog's SFS server, where the `catalog`
    statement does not name it: names no server (BKR212) or names one of Backup
    Manager's own machines (BKR217), and one user ID, and one only, has `disk`
    statements without being a product machine, a declared user or close to a machine's
    ID (`disk BKRSVSFS 191 ...` beside `catalog shared pool BKRPOOL`). Its first `disk`
    statement, or None. BKR212's and BKR217's helps name that user the server, and
    BKR332 leaves its `disk` statements to them (one slip, one error)."""
    cat = model.catalogs[0] if model.catalogs else None
    if cat is None or cat.scope is not Scope.SHARED or model.cluster is None:
        return None
    if cat.server is not None and model.product_role(cat.server) is None:
        return None
    if cat.server is None and server_written_as_home(model) is not None:
        return None
    machines = model.product_machines()
    suggest = Suggester()
    found: dict[str, Disk] = {}
    for d in model.disks:
        user = d.user.upper
        if user in machines or is_pattern(user) or not valid_user_id(user) or model.user_defs_of(user):
            continue
        found.setdefault(user, d)
    if len(found) != 1:
        return None
    (user, disk), = found.items()
    return None if suggest.closest(user, list(machines)) else disk


def add_disk_statements(model: Model, statements: Sequence[str], beside: Sequence[Disk] = ()) -> Fix:
    """The fix that adds `disk` statements (BKR253's A-disk, BKR520's minidisk the
    directory has): each on a line of its own in the cluster block, after the last
    of `beside` (the machine's own `disk` statements, where a sysprog looks for
    them), else after the block's last `disk` statement, past a comment on that
    statement's line; else where docs/language.md's cluster synopsis and the
    examples put them, after the statements that set the cluster up (its
    `description`, members, `shared-volume`, catalog, expiry and Tape Manager,
    `_SET_UP`), before its groups and jobs; else before the block's `}`;
    indented as the statements around it."""
    cluster = model.cluster
    file = cluster.span.file
    title = f"Add `{statements[0]}`" if len(statements) == 1 else f"Add {len(statements)} `disk` statements"
    disks = [d.span for d in beside if d.span.file == file] or [d.span for d in model.disks if d.span.file == file]
    if not disks:
        # (a disk written before the members is rare: after the last statement of the set-up)
        disks = [n.span for part in _SET_UP for n in getattr(cluster, part) if n.span.file == file]
    if disks:
        return Fix(title, (statements_after(model, max(disks, key=lambda s: s.end), statements),))
    # The block's `}` is its last character: a syntax error would have stopped the checks.
    end = cluster.span
    brace = Span(file, end.end_line, end.end_column - 1, end.end_line, end.end_column - 1, end.end - 1, end.end - 1)
    if brace.column > 1:  # `  }`: the statements take the brace's indentation, the brace a new line
        indent = " " * (brace.column - 1)
        text = "".join(f"{s}\n{indent}" for s in statements)
    else:
        inside = [m.span.column for m in cluster.members] or [3]
        text = "".join(f"{' ' * (min(inside) - 1)}{s}\n" for s in statements)
    return Fix(title, (Edit(brace, text),))


#: The parts of a cluster block written before its `disk` statements (docs/language.md's
#: synopsis: `description`, members, catalog, expiry, Tape Manager, `shared-volume`).
_SET_UP = ("members", "settings", "catalogs", "expires", "tapes")


def statements_after(model: Model, statement: Span, statements: Sequence[str]) -> Edit:
    """The edit that adds `statements`, each on a line of its own, after the statement
    at `statement` (past a comment on its last line), indented as it is."""
    comments = next((m.comments for m in model.modules if m.file == statement.file), ())
    after = next((c for c, _ in comments if c.line == statement.end_line and c.start >= statement.end), statement)
    at = Span(statement.file, after.end_line, after.end_column, after.end_line, after.end_column, after.end, after.end)
    return Edit(at, "".join("\n" + " " * (statement.column - 1) + s for s in statements))


#: The columns `bkrc fmt` writes a block on one line within (`fmt.layout.WIDTH`; the checks
#: do not import the formatter: tests/test_subconfig_names.py holds the two equal).
FMT_WIDTH = 80
#: The indentation `bkrc fmt` adds for a block's statements (`fmt.layout.INDENT`).
FMT_INDENT = "  "


def into_one_line_member(decl, added: Sequence[str], replaced: Sequence[Edit] = ()) -> list[Edit]:
    """The edits that write the statements `added` into a member block written on one
    line (`decl`), with the edits `replaced` inside its statements (a longer name, a
    word for another), as `bkrc fmt` lays the block out: after its last statement, two
    spaces apart, where the line still fits in `FMT_WIDTH` columns (its trailing
    comment aside, as fmt counts); else the block one statement a line, indented as
    fmt indents them, its `}` on a line of its own, which keeps the comment that
    followed the block. So too where the block holds an `exclude`, which fmt never
    writes on the block's line, or its last statement ends in a word spelled like a
    keyword (`private-volume M1PRV1 JOB`), which only a `}` or a line's end may follow.
    The fixes that add to a member block use it (BKR225's `job-suffix`, BKR529's
    `subconfig`): `member VMSYS1 { workers 2  private-volume M1PRV1  subconfig BKRBKUP
    BKRBKU-1 ... }` ran past the 80th column, and `bkrc fmt` then broke it."""
    from itertools import pairwise

    from bkrdsl.syntax.fast import KEYWORDS

    spans = sorted((item.span for item in (*decl.settings, *decl.selections)), key=lambda span: span.start)
    first, last, file = spans[0], spans[-1], decl.span.file
    indent = " " * (decl.span.column - 1)
    inline = (
        len(indent)
        + len(f"member {decl.name.text} {{ ")
        + sum(span.end - span.start + 2 for span in spans)
        + sum(len(text) + 2 for text in added)  # its separators, and ` }` after the last
        + sum(len(edit.new_text) - (edit.span.end - edit.span.start) for edit in replaced)
    )
    items = sorted((*decl.settings, *decl.selections), key=lambda item: item.span.start)
    words = getattr(items[-1], "written", None) or ()
    keyword_last = bool(added) and bool(words) and words[-1].text.lower() in KEYWORDS
    if not decl.selections and inline <= FMT_WIDTH and not keyword_last:
        if not added:
            return list(replaced)
        at = Span(file, last.end_line, last.end_column, last.end_line, last.end_column, last.end, last.end)
        return [*replaced, Edit(at, "".join(f"  {text}" for text in added))]
    inner = indent + FMT_INDENT
    name = decl.name.span
    edits = [Edit(Span(file, name.end_line, name.end_column, first.line, first.column, name.end, first.start), " {\n" + inner)]
    for before, after in pairwise(spans):
        gap = Span(file, before.end_line, before.end_column, after.line, after.column, before.end, after.start)
        edits.append(Edit(gap, "\n" + inner))
    end = decl.span
    closing = Span(file, last.end_line, last.end_column, end.end_line, end.end_column, last.end, end.end)
    edits.append(Edit(closing, "".join(f"\n{inner}{text}" for text in added) + f"\n{indent}}}"))
    return [*replaced, *edits]


def delete_repeats(
    model: Model, spans: list[Span], what: str, blocks: dict | None = None, first: Span | None = None
) -> Fix | None:
    """The fix that deletes the repeated blocks at `spans`, each from the end of the
    statement before it, so that its line goes with it; None where a comment stands
    in what it would delete (but one `first`, the block kept, holds written alike: a
    block pasted whole again, its comments with it, loses nothing), or no statement
    of its own block stands before it.
    `blocks`: as `statement_ends_before` keeps it, shared by a check's calls (thousands
    of repeated jobs each sorting the cluster's statements again is quadratic)."""
    edits = []
    if blocks is None:
        blocks = {}  # each block's statements in the order they end, worked out once for all `spans`
    for span in spans:
        before = statement_ends_before(model, span, blocks)
        if before is None:
            return None
        cut = Span(span.file, before.end_line, before.end_column, span.end_line, span.end_column, before.end, span.end)
        if holds_comment(model, cut) and not _comments_kept(model, cut, first):
            return None
        edits.append(Edit(cut, ""))
    title = f"Delete the repeated `{what}`" if len(spans) == 1 else f"Delete the {len(spans)} repeated `{what}`"
    return Fix(title, tuple(edits))


def delete_statements(model: Model, spans: Sequence[Span], title: str) -> Fix | None:
    """The fix that deletes the statements at `spans`, each with its line: from the
    end of what ends last before it (a statement, or a comment on a line above) to
    its end, with the comment after it on its line; statements next to one another
    in one cut. None where one is not first on its line (a statement before it there)."""
    module = next((m for m in model.modules if spans and m.file == spans[0].file), None)
    if module is None or any(s.file != module.file for s in spans):
        return None
    comments = [c for c, _ in module.comments]
    blocks: dict = {}
    cuts: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        before = statement_ends_before(model, span, blocks)
        if before is None or before.end_line >= span.line:
            return None
        above = [c for c in comments if before.end <= c.start and c.end <= span.start]
        if above:
            before = max(above, key=lambda c: c.end)
        end = next((c for c in comments if c.line == span.end_line and c.start >= span.end), span)
        cut = Span(span.file, before.end_line, before.end_column, end.end_line, end.end_column, before.end, end.end)
        if cuts and cuts[-1].end == cut.start:  # the one before deleted too: one cut
            last = cuts.pop()
            cut = Span(span.file, last.line, last.column, cut.end_line, cut.end_column, last.start, cut.end)
        cuts.append(cut)
    return Fix(title, tuple(Edit(cut, "") for cut in cuts)) if cuts else None


def _comments_kept(model: Model, cut: Span, first: Span | None) -> bool:
    """Whether every comment inside `cut` is written alike (its words) in `first`: the
    block kept says it still, so deleting `cut` drops nothing (delete_repeats)."""
    if first is None:
        return False
    module = next((m for m in model.modules if m.file == cut.file), None)
    if module is None or first.file != cut.file:
        return False
    kept = {" ".join(text.split()) for where, text in module.comments if first.start <= where.start < first.end}
    return all(
        " ".join(text.split()) in kept for where, text in module.comments if cut.start <= where.start < cut.end
    )


def statement_ends_before(model: Model, span: Span, blocks: dict | None = None) -> Span | None:
    """The statement that ends last before `span` in the block that holds it (the
    cluster's, or the file's top level), or None; of two that end there, the first
    declared. `blocks` keeps each block's statements sorted by where they end
    between calls: a member repeated thousands of times is then looked up, not
    each repeat's block scanned again (which made `check` quadratic in them)."""
    module = next((m for m in model.modules if m.file == span.file), None)
    if module is None:
        return None
    cluster = next((c for c in module.clusters if c.span.start <= span.start < c.span.end), None)
    key = (span.file, cluster.span.start if cluster is not None else None)
    known = None if blocks is None else blocks.get(key)
    if known is None:
        if cluster is not None:
            parts = (cluster.members, cluster.catalogs, cluster.expires, cluster.tapes, cluster.users, cluster.groups)
            spans = [n.span for part in (*parts, cluster.jobs, cluster.settings, cluster.disks) for n in part]
        else:
            spans = [n.span for part in (module.imports, module.users, module.groups, module.clusters) for n in part]
        # By end, and of those ending alike the first declared last: bisect takes it.
        order = sorted(range(len(spans)), key=lambda i: (spans[i].end, -i))
        known = ([spans[i].end for i in order], [spans[i] for i in order])
        if blocks is not None:
            blocks[key] = known
    ends, ordered = known
    at = bisect.bisect_right(ends, span.start)
    return ordered[at - 1] if at else None


# ------------------------------------------------------------------ schedules
def schedule_days(s: Schedule):
    """What days a schedule runs: "all", a frozenset of weekdays, ("month", n),
    ("nth", weekday, days of the month it may fall on), ("end", days of the month
    it may fall on) or None. The Nth weekday falls in the Nth seven days of the
    month (`first` 1-7, `second` 8-14 ...), the last in the 22nd to the 31st
    (`ORDINAL_DAYS`); the month's last day (`monthly last-day`) on the 28th to the
    31st, any weekday (`MONTH_END_DAYS`)."""
    if s.frequency == "daily":
        return "all"
    if s.frequency == "weekly":
        days = [parse_weekday(w.text) for w in s.days]
        return None if any(d is None for d in days) else frozenset(days)
    if s.frequency == "monthly" and s.ordinal is not None:
        weekday = parse_weekday(s.days[0].text) if s.days else None
        dates = ORDINAL_DAYS.get(s.ordinal.text.upper())
        return None if weekday is None or dates is None else ("nth", weekday, frozenset(dates))
    if s.frequency == "monthly" and s.days and s.days[0].text.upper() == LAST_DAY:
        return ("end", frozenset(MONTH_END_DAYS))
    if s.frequency == "monthly":
        n = small_int(s.days[0].text) if s.days else None
        return ("month", n) if n is not None and 1 <= n <= 31 else None
    return None  # manual


def may_share_a_day(a, b) -> bool:
    """Whether two schedules' days (`schedule_days`) may be one day; False when either is
    None (`manual`, or not read), which the checks comparing times leave out."""
    if a is None or b is None:
        return False
    if a == "all" or b == "all":
        return True
    if isinstance(a, frozenset) and isinstance(b, frozenset):
        return bool(a & b)
    if isinstance(b, tuple) and b[0] == "end":
        a, b = b, a
    if isinstance(a, tuple) and a[0] == "end":
        # the month's last day is the 28th to the 31st, on any weekday
        if isinstance(b, frozenset) or b[0] == "end":
            return True
        if b[0] == "month":
            return b[1] in a[1]  # `monthly 31` meets it in 31-day months, `monthly 28` in February
        return bool(a[1] & b[2])  # the fourth or the last weekday may be the month's last day
    if isinstance(b, tuple) and b[0] == "nth":
        a, b = b, a
    if isinstance(a, tuple) and a[0] == "nth":
        _, weekday, dates = a
        if isinstance(b, frozenset):
            return weekday in b
        if b[0] == "month":
            return b[1] in dates  # a day of the month falls on every weekday some month
        return weekday == b[1] and bool(dates & b[2])  # the fourth and the last may be one day
    if isinstance(a, tuple) and isinstance(b, tuple):
        return a == b
    return True  # a day of the month falls on every weekday some month


def schedules_may_meet(one: Schedule | None, two: Schedule | None) -> bool:
    """Whether two schedules (None: a `run` without one) may run on one day
    (`may_share_a_day`): `monthly 1` and `monthly 15`, `weekly sat` and `weekly sun`,
    `monthly first sun` and `monthly third sun` never do; `daily` meets every
    schedule, `weekly sun` meets `monthly first sun`, the fourth and the last Sunday
    may be one day, and so may the month's last day (`monthly last-day`) and
    `monthly 28` to `31`, a weekday or the fourth or last Sunday. `manual` (submitted any day) and a schedule not read (its own
    error) meet every schedule."""
    a, b = (schedule_days(s) if s is not None else None for s in (one, two))
    return a is None or b is None or may_share_a_day(a, b)
