"""The resolved cluster model: what the checker proves and the emitters write.

Built from the AST of the main file and every module it imports. Building never
fails and never reports: a duplicate is kept beside the first declaration, an
unknown reference resolves to None, an invalid number to None. The checker
turns each of those into a diagnostic; the emitters run only on a model the
checker passed, and read the derived names (per-member job names, SUBCONFIG
IDs, worker IDs) from here, so both agree by construction.
"""

from __future__ import annotations

import collections
import functools
import itertools
import re
import types
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import field
from typing import TYPE_CHECKING, NamedTuple

from bkrdsl import ast
from bkrdsl.ast import Kind
from bkrdsl.records import dataclass
from bkrdsl.resolve.patterns import (
    covers,
    literal_head,
    overlaps_in_part,
    pairs_that_may_share,
    shared_count,
    shared_id_outside,
)
from bkrdsl.source import Span

if TYPE_CHECKING:
    import datetime  # `_due_on`'s day; imported where used (`_longest_wait`)

#: Roles a user declaration may carry, and the kind each requires.
SERVICE_ROLES = {"backup-server", "catalog-server", "worker"}
SINGLE_ROLES = {"admin", "installation"}
ROLES = SERVICE_ROLES | SINGLE_ROLES

#: How diagnostics, directory comments and hovers name a product machine, by
#: its role (the roles above, which a declaration gives, and the roles of the
#: machines the catalog and Tape Manager statements name).
ROLE_TEXT = {
    "backup-server": "the backup server",
    "catalog-server": "the catalog server",
    "worker": "a worker machine",
    "admin": "the administrator",
    "installation": "the installation user",
    "catalog-sfs-server": "the catalog's SFS file pool server",
    "tape-catalog-node": "the Tape Manager catalog node",
    "tape-request-node": "the Tape Manager request node",
    "tape-catalog-dmm": "the Device Manager Machine of the Tape Manager catalog node",
    "tape-request-dmm": "the Device Manager Machine of the Tape Manager request nodes",
}

#: The size, in cylinders, bkrc suggests for a product machine's A-disk (its 191
#: minidisk), by role: in BKR253's help and fix, and in `bkrc init`'s starter.
#: README.md and examples/ write the same figures. They are starting points for a
#: CMS A-disk that holds a PROFILE EXEC and the machine's own files, not sizes
#: from IBM's Program Directory: a site writes its own in its `disk` statements.
A_DISK_CYLINDERS = {
    "backup-server": 10,
    "catalog-server": 10,
    "worker": 5,
    "admin": 10,
    "installation": 10,
    "catalog-sfs-server": 20,
    "tape-catalog-node": 10,
    "tape-request-node": 10,
    "tape-catalog-dmm": 10,
    "tape-request-dmm": 10,
}

PATTERN_CHARS = set("*%?")


def is_pattern(text: str) -> bool:
    # Three `in` scans: called once per user, so it is kept cheap for 50,000 users.
    return "*" in text or "%" in text or "?" in text


def pattern_body(pattern: str) -> str:
    """The regex source of a CP-style pattern: `*` any run of characters, `%` or `?` exactly one.

    Runs of `*` collapse to one `.*`: `A**B` means `A*B`, and a pattern of many
    stars cannot make the regex engine backtrack for long. `.` never matches a
    line end, which `id_scanner` relies on.
    """
    out: list[str] = []
    for c in pattern.upper():
        if c == "*":
            if not out or out[-1] != ".*":
                out.append(".*")
        else:
            out.append("." if c in "%?" else re.escape(c))
    return "".join(out)


#: `Model.user` scans the lists until it has read this many times the IDs declared,
#: then builds a table (building costs about as much as 10 such reads per ID).
_SCANS_PER_ID = 8
_PLACES = 1 << 32  # `Model.user`'s table: list number * _PLACES + place in the list


@functools.lru_cache(maxsize=4096)
def pattern_regex(pattern: str) -> re.Pattern:
    """A CP-style pattern (see `pattern_body`) as a regex that matches whole user IDs.

    Compiled once per pattern (clusters match tens of thousands of users against
    a handful of patterns).
    """
    return re.compile(pattern_body(pattern) + r"\Z")


def owner_takes_in(owner: str, user: str) -> bool:
    """Whether a selection's owner (an ID, a CP-style pattern or `*`) takes in user
    ID `user`: an include's selects it, an exclude's removes it."""
    return owner == "*" or pattern_regex(owner).match(user) is not None


def narrow_owners(owner: str, ids: list[str], patterns: list[str]) -> list[str]:
    """The owners an include record names: the users (`ids`) and `match` patterns
    (`patterns`) a job backs up that the include's `owner` selects.

    `*` selects them all. Otherwise: the job's IDs that `owner` matches, the
    job's patterns `owner` covers (LNX* covers LNXAPP*), and `owner` itself
    when one of the job's patterns covers it (LNXAPP* covers LNXAPP01).
    Covering is decided on the sets of IDs the patterns match (see
    `bkrdsl.resolve.patterns`), never by reading one pattern as an ID. A job
    pattern `owner` shares only some IDs with (LNX1* and LNX*1) is left out:
    no one pattern names just those IDs, and the checker refuses the include
    (BKR409). The templates write these; the checker warns when an include
    selects none (BKR406), so the two agree.
    """
    # A pattern given twice is one (`same` below holds spellings: a spelling met
    # twice would take itself for another way of writing it, and drop both).
    patterns = list(dict.fromkeys(patterns))
    if owner == "*":
        out = ids + patterns
    else:
        wanted = pattern_regex(owner)
        out = [i for i in ids if wanted.match(i)]
        out += [p for p in patterns if covers(owner, p)]
        if owner not in out and any(covers(p, owner) for p in patterns):
            out.append(owner)
        out = list(dict.fromkeys(out))
    if len(patterns) > 1:
        # Two groups may write one set of IDs two ways (LNX%* and LNX?*): one record.
        # Only patterns whose literal beginnings agree can cover each other: the
        # earlier ones each pattern is compared with (not all: a job of a
        # thousand patterns would make half a million pairs).
        earlier: dict[int, list[int]] = {}
        for i, j in pairs_that_may_share(patterns, patterns):
            if j < i:
                earlier.setdefault(i, []).append(j)
        same = set()
        for i, p in enumerate(patterns):
            if p not in same and any(
                covers(q, p) and covers(p, q) for q in (patterns[j] for j in earlier.get(i, ())) if q not in same
            ):
                same.add(p)
        if same:
            out = [o for o in out if o not in same]
    return out


def owners_in_part(owner: str, patterns: list[str], ids: list[str] = ()) -> list[tuple[str, str]]:
    """(pattern, an ID both match) for each of a job's `patterns` that include owner
    `owner` shares only some IDs with, when no pattern of the job covers `owner`
    (then `narrow_owners` writes `owner` itself and loses nothing).

    A pattern whose IDs shared with `owner` are all among the job's listed
    `ids` is left out: `narrow_owners` writes those IDs one by one (`LNX%%%01`
    in a job of `{LNXWEB01 match LNXWEB*}` shares only LNXWEB01 with LNXWEB*)."""
    if owner == "*" or any(covers(p, owner) for p in patterns):
        return []
    out = []
    mine = None  # the listed IDs `owner` matches, found once
    for p in patterns:
        example = overlaps_in_part(owner, p)
        if example is None:
            continue
        if ids:
            if mine is None:
                wanted = pattern_regex(owner)
                mine = [i for i in dict.fromkeys(ids) if wanted.match(i)]
            inside = pattern_regex(p)
            listed = frozenset(i for i in mine if inside.match(i))
            if listed:
                if len(listed) == shared_count(owner, p):
                    continue
                # An ID the templates do not write one by one shows what is lost.
                example = shared_id_outside(owner, p, listed) or example
        out.append((p, example))
    return out


def split_sfs_path(path: str) -> tuple[str, str, str] | None:
    """`POOL:USER.DIR...` as ("POOL:", "USER", ".DIR..."); None without a colon."""
    pool, colon, rest = path.partition(":")
    if not colon:
        return None
    user, dot, dirs = rest.partition(".")
    return pool + colon, user, dot + dirs


def narrow_sfs_path(path: str, ids: list[str], patterns: list[str]) -> list[str]:
    """The paths an SFS include record names: `path` once per owner `narrow_owners`
    gives its user part (`BKRPOOL:*.*` in a job of CICSPRD writes
    `BKRPOOL:CICSPRD.*`), so that an SFS include selects no other user's
    directories than a minidisk include would."""
    parts = split_sfs_path(path)
    if parts is None:
        return [path]
    pool, user, dirs = parts
    return [pool + owner + dirs for owner in narrow_owners(user, ids, patterns)]


def id_scanner(patterns: Iterable[str]) -> re.Pattern | None:
    """One regex that finds, in `Model.id_lines`, every ID of at most 8 characters
    that one of `patterns` matches (group 1 is the ID); None for no patterns.

    One C-speed scan over all the IDs replaces a match call per pattern and user.
    The patterns' literal beginnings are merged (`LNX*` and `LOG*` read `L` once),
    because the regex engine tries the alternatives of a group one after the
    other: 100 patterns that start with 5 letters cost 5 tests per ID, not 100.
    Longer IDs are not valid user IDs (BKR301) and are never matched; checking
    the length keeps a pattern of several `*` from backtracking over a long name.
    """
    branches = []
    for p in dict.fromkeys(patterns):
        up = p.upper()
        head = literal_head(up)
        if len(head) <= 8:
            rest = rf"(?=[^\n]{{0,{8 - len(head)}}}\n)" + pattern_body(up[len(head) :])
            branches.append((head, rest))
    if not branches:
        return None
    return re.compile(r"\n(" + _merged(branches) + r")(?=\n)")


def _merged(branches: list[tuple[str, str]]) -> str:
    """An alternation of (literal beginning, regex rest) that reads each shared beginning once."""
    out: list[str] = []
    by_first: dict[str, list[tuple[str, str]]] = {}
    for literal, rest in branches:
        if literal:
            by_first.setdefault(literal[0], []).append((literal[1:], rest))
        else:
            out.append(rest)
    for c, tails in by_first.items():
        inner = _merged(tails)
        out.append(re.escape(c) + (inner if len(tails) == 1 else f"(?:{inner})"))
    return "|".join(out)


# ------------------------------------------------------------------ values
#: The ordinals of `monthly first sun 02:00`, in order, with the days of the month
#: each can fall on: the Nth weekday is in the Nth seven days; the last is in the
#: month's last seven, which a month of 28 to 31 days puts between the 22nd and
#: the 31st (what the checks that compare schedules assume of it).
ORDINALS = ("FIRST", "SECOND", "THIRD", "FOURTH", "LAST")
ORDINAL_DAYS = {
    "FIRST": range(1, 8),
    "SECOND": range(8, 15),
    "THIRD": range(15, 22),
    "FOURTH": range(22, 29),
    "LAST": range(22, 32),
}

#: `monthly last-day 23:00`: the month's last day, whichever of the 28th to the
#: 31st it is (the EXECs know each month's length; the checks that compare
#: schedules take it as any of `MONTH_END_DAYS`). One word, as the day of the
#: month (`monthly 15`) is, not `last day`, which would read as `monthly last DAY`
#: with a weekday that is none.
LAST_DAY = "LAST-DAY"
MONTH_END_DAYS = range(28, 32)

#: Weekday names as `weekly` accepts them (any case), Monday = 0.
WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
_WEEKDAY_FULL = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")

#: BKRSTART's waits on the catalog SFS server's home: how often it asks whether the
#: server is logged on, and whether its file pool serves (the pool takes longer:
#: the server still IPLs CMS and runs FILESERV START), and how long it waits for
#: each unless the `catalog` statement's `logon-wait` and `pool-wait` say.
LOGON_POLL_SECONDS = 2
POOL_POLL_SECONDS = 5
DEFAULT_LOGON_WAIT = 60
DEFAULT_POOL_WAIT = 180
#: The longest wait either statement takes: BKRSTART runs in AUTOLOG1's PROFILE
#: EXEC, which holds up the rest of the member's start-up until it returns.
MAX_WAIT_SECONDS = 3600
#: Time units of `logon-wait` and `pool-wait`: seconds in one.
WAIT_UNITS = {
    "SEC": 1,
    "SECS": 1,
    "SECOND": 1,
    "SECONDS": 1,
    "MIN": 60,
    "MINS": 60,
    "MINUTE": 60,
    "MINUTES": 60,
}


def wait_seconds(wait: ast.Wait) -> int | None:
    """The seconds a `logon-wait` or `pool-wait` states (`2 minutes` is 120), when its
    count is a whole number and its unit is known; whether the wait is one BKRSTART
    can keep is the checker's to say (BKR337)."""
    unit = WAIT_UNITS.get(wait.unit.text.upper())
    count = _int(wait.count)
    return None if unit is None or count is None else count * unit


#: Minidisk size units: cylinders (CKD/ECKD DASD) and 512-byte blocks (FBA DASD).
DISK_UNITS = {
    "CYL": "CYL",
    "CYLS": "CYL",
    "CYLINDER": "CYL",
    "CYLINDERS": "CYL",
    "BLK": "BLK",
    "BLKS": "BLK",
    "BLOCK": "BLK",
    "BLOCKS": "BLK",
}

_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})\Z")
_HEX = re.compile(r"[0-9A-Fa-f]{1,4}\Z")


def parse_time(text: str) -> int | None:
    """Minutes after midnight of `HH:MM` (00:00-23:59, a one-digit hour allowed), else None."""
    m = _TIME.match(text)
    if m is None:
        return None
    hours, minutes = int(m.group(1)), int(m.group(2))
    if hours > 23 or minutes > 59:
        return None
    return hours * 60 + minutes


def parse_weekday(text: str) -> int | None:
    """0 (Monday) .. 6 (Sunday) for `mon`..`sun` or a full day name, any case; else None."""
    up = text.upper()
    if up in WEEKDAYS:
        return WEEKDAYS.index(up)
    if up in _WEEKDAY_FULL:
        return _WEEKDAY_FULL.index(up)
    return None


def parse_address(text: str) -> int | None:
    """A virtual device address: 1-4 hexadecimal digits."""
    return int(text, 16) if _HEX.match(text) else None


#: CP's link modes, the LINK directory statement's mode operand (z/VM CP Planning and
#: Administration, "LINK Directory Statement"): read-only, read-only if no other user has
#: it in write mode, write, write unless another has it, multiple write and its two
#: conditional forms. A `link` statement gives one of these (BKR343).
LINK_MODES = ("R", "RR", "W", "WR", "M", "MR", "MW")


def parse_address_range(text: str) -> tuple[int, int] | None:
    """`*` (every address), `ADDR` or `ADDR-ADDR` as an inclusive (first, last); None when malformed.

    A reversed range comes back reversed (first > last): the checker reports it.
    """
    if text == "*":
        return (0, 0xFFFF)
    first, sep, last = text.partition("-")
    a = parse_address(first)
    if not sep:
        return (a, a) if a is not None else None
    b = parse_address(last)
    return (a, b) if a is not None and b is not None else None


def parse_disk_unit(text: str) -> str | None:
    """`CYL` or `BLK` for a unit as written (`cyl`, `cylinders`, `blk`, `blocks`...), else None."""
    return DISK_UNITS.get(text.upper())


def disk_size(disk: ast.Disk) -> tuple[str, str | None]:
    """A `disk` statement's size as compared: the count without leading zeros, the unit
    however spelt (`size 010 cylinders` is `size 10 cyl`)."""
    return (disk.size.text.lstrip("0") or "0", parse_disk_unit(disk.unit.text))


#: How many cylinders or blocks the largest volume of each unit has: no extent
#: reaches past them. A 3390 has at most 1,182,006 cylinders (an extended
#: address volume, 3390 Model A, of about 1 TB, the largest z/VM supports); an
#: FBA volume's blocks have 32-bit numbers (FBA channel programs address
#: blocks with a 4-byte number), so at most 2**32 of them.
DISK_UNIT_LIMITS = {"CYL": 1_182_006, "BLK": 2**32}


#: IBM's 3390 models by the cylinders each holds, as DirMaint's EXTENT CONTROL
#: lists them (its DEFAULTS section): a volume list's `3390-9` states 10,017
#: cylinders. A 3390 Model A (an extended address volume) has no one size:
#: state its cylinders (`262668-cyl`).
MODELS_3390 = {1: 1113, 2: 2226, 3: 3339, 9: 10017, 27: 32760, 54: 65520}


@dataclass(frozen=True)
class VolumeCapacity:
    """A volume's stated size: how many cylinders or blocks it has, and the word."""

    count: int
    unit: str  # CYL or BLK
    word: ast.Word

    @classmethod
    def stated(cls, word: ast.Word) -> VolumeCapacity | None:
        """The size a volume list's size word states, or None (BKR336's)."""
        size = parse_volume_size(word.text)
        return cls(*size, word) if size is not None else None

    @property
    def last(self) -> int:
        """The last cylinder or block a minidisk may reach (they count from 0)."""
        return self.count - 1

    @property
    def words(self) -> str:
        return "cylinders" if self.unit == "CYL" else "blocks"

    def described(self) -> str:
        """`3,339 cylinders (3390-3)`, or `262,668 cylinders` where the file states the count."""
        model = parse_disk_unit(self.word.text.partition("-")[2]) is None
        return f"{self.count:,} {self.words}" + (f" ({self.word.text})" if model else "")


def parse_volume_size(text: str) -> tuple[int, str] | None:
    """A size word's count and unit (`3390-9`: 10,017 CYL; `262668-cyl`: 262,668 CYL), or
    None when it states none (`volume_size_problem` says why)."""
    count, _, rest = text.partition("-")
    if count == "3390" and rest.isdigit() and len(rest) <= 3:
        cylinders = MODELS_3390.get(int(rest))
        return (cylinders, "CYL") if cylinders is not None else None
    unit = parse_disk_unit(rest)
    if unit is None or not count.isdigit() or len(count) > 10:
        return None
    number = int(count)
    return (number, unit) if 1 <= number <= DISK_UNIT_LIMITS[unit] else None


def volume_size_problem(text: str) -> str:
    """Why a size word (`ast.is_size_shaped`) states no size."""
    count, _, rest = text.partition("-")
    models = ", ".join(f"3390-{m}" for m in MODELS_3390)
    if count == "3390" and rest.isdigit():
        return f"`{text}` is no 3390 model bkrc knows the size of ({models})"
    if rest.isalnum() and parse_disk_unit(rest) is None and not rest.isalpha():
        return f"`{text}` is no 3390 model, the one device type bkrc knows the sizes of ({models})"
    unit = parse_disk_unit(rest)
    if unit is None:
        return f"`{text}` states no size: `{rest}` is neither a 3390 model nor a unit (cyl or blk)"
    words = "cylinders" if unit == "CYL" else "blocks"
    return f"`{text}` states {words} out of range: a volume has 1 to {DISK_UNIT_LIMITS[unit]:,} {words}"


# ------------------------------------------------------------------ schedules
@dataclass(frozen=True)
class Timing:
    """When a schedule (`run`, `preview`, `purge`) falls, as the EXECs read it.

    `frequency` is `daily`, `weekly`, `monthly` or `manual`; `days` the
    weekdays (`MON`..`SUN`) of a weekly schedule, the day of the month of a
    monthly one (`15`, or `LAST-DAY` for the month's last day), or its ordinal
    and weekday (`FIRST`, `SUN`) for the Nth (or last) weekday of the month; `minutes` after midnight, None for `manual`.
    A schedule the checker rejects (an invalid time or day) is `manual`: never
    due rather than wrong.
    """

    frequency: str
    days: tuple[str, ...] = ()
    minutes: int | None = None

    @property
    def hhmm(self) -> str | None:
        """`HH:MM`, two digits each; None for `manual`."""
        if self.minutes is None:
            return None
        return f"{self.minutes // 60:02d}:{self.minutes % 60:02d}"

    @property
    def label(self) -> str:
        """The schedule without its time, in lower case: `daily`, `weekly mon,thu`,
        `monthly 15`, `monthly last-day`, `monthly first sun`, `manual`."""
        if self.frequency == "weekly":
            return f"weekly {','.join(d.lower() for d in self.days)}"
        if self.frequency == "monthly":
            return f"monthly {' '.join(self.days).lower()}"
        return self.frequency


MANUAL = Timing("manual")


def timing(schedule: ast.Schedule | None) -> Timing:
    """How the generated EXECs read a schedule (`MANUAL` for none at all)."""
    if schedule is None or schedule.frequency == "manual" or schedule.time is None:
        return MANUAL
    minutes = parse_time(schedule.time.text)
    if minutes is None:
        return MANUAL
    freq = schedule.frequency.lower()
    if freq == "daily":
        return Timing("daily", (), minutes)
    if freq == "weekly":
        days = [parse_weekday(d.text) for d in schedule.days]
        # a day named twice (`sun,sunday`: BKR416) runs once, and is said once
        return Timing("weekly", tuple(dict.fromkeys(WEEKDAYS[d] for d in days if d is not None)), minutes)
    if freq == "monthly" and schedule.ordinal is not None:
        weekday = parse_weekday(schedule.days[0].text) if schedule.days else None
        nth = schedule.ordinal.text.upper()
        if weekday is None or nth not in ORDINALS:
            return MANUAL
        return Timing("monthly", (nth, WEEKDAYS[weekday]), minutes)
    if freq == "monthly":
        day = schedule.days[0].text if schedule.days else ""
        if day.upper() == LAST_DAY:
            return Timing("monthly", (LAST_DAY,), minutes)
        if not day.isdigit():
            return MANUAL
        return Timing("monthly", (str(int(day)),), minutes)
    return MANUAL


def longest_wait(timings: Iterable[Timing]) -> int | None:
    """The longest time, in minutes, from one due minute of `timings` (all of them
    together, as one EXEC's table) to the next: how long after any moment the next
    one may be at the latest. None when none is ever due (`manual` alone).

    Each day is due as docs/rexx.md says DUE reads it: `monthly 31` not in shorter
    months (61 days from August's 31st to October's), `monthly first sun` on the
    Sunday of days 1 to 7 (35 days apart at most), `last` on the one with no other
    after it. Counted over the years 2001 to 2029, which hold every kind of year (each
    weekday of January 1st, leap or not) and of turn of the year."""
    return _longest_wait(tuple(dict.fromkeys(t for t in timings if t.minutes is not None)))


@functools.cache
def _longest_wait(timings: tuple[Timing, ...]) -> int | None:
    if not timings:
        return None
    # only `bkrc show` asks: imported here, not at every check's and compile's start
    import calendar
    import datetime

    first = datetime.date(2001, 1, 1).toordinal()
    # daily and weekly ones repeat each week: two of them hold every wait
    end = datetime.date(2030, 1, 1).toordinal() if any(t.frequency == "monthly" for t in timings) else first + 14
    due: list[int] = []
    for n in range(first, end):
        day = datetime.date.fromordinal(n)
        last = calendar.monthrange(day.year, day.month)[1]
        due += sorted((n - first) * 1440 + t.minutes for t in timings if t.minutes is not None and _due_on(t, day, last))
    return max((b - a for a, b in itertools.pairwise(due)), default=None)


def _due_on(t: Timing, day: datetime.date, last: int) -> bool:
    """Whether `t` is due on the date `day`, whose month has `last` days."""
    if t.frequency == "daily":
        return True
    weekday = WEEKDAYS[day.weekday()]
    if t.frequency == "weekly":
        return weekday in t.days
    if t.frequency != "monthly":
        return False
    if len(t.days) == 2:  # (ordinal, weekday): the Nth, or the last, weekday of the month
        nth, on = t.days
        return weekday == on and (day.day + 7 > last if nth == "LAST" else day.day in ORDINAL_DAYS[nth])
    return day.day == (last if t.days[0] == LAST_DAY else int(t.days[0]))


# ------------------------------------------------------------------ naming
def derived_job_name(job: str, suffix: str) -> str:
    """An IDENTITY job's member-unique name: the job name plus the member's suffix."""
    return job + suffix


def subconfig_id(user_id: str, ordinal: int) -> str:
    """The SUBCONFIG ID of `user_id` on the member numbered `ordinal`.

    IBM's convention is the ID plus `-n`. When that exceeds 8 characters the ID
    keeps its first characters and its last two: BKRWRK01 on member 1 is
    BKRW01-1, BKRCATLG is BKRCLG-1. An ID whose last digits are not at its end
    keeps those instead of its last two, since a worker's number lives there
    (the workers of `BKR*WRK`: BKR01WRK is BKRW01-1, BKR02WRK BKRW02-1). The
    checker proves the results distinct from each other and from every USER
    and IDENTITY ID.
    """
    suffix = f"-{ordinal}"
    if len(user_id) + len(suffix) <= 8:
        return user_id + suffix
    room = 8 - len(suffix)
    digits = _LAST_DIGITS.search(user_id)
    start = max(digits.start(), digits.end() - 2) if digits is not None else len(user_id)
    if start >= len(user_id) - 2:  # no digits, or the last two characters hold them
        return user_id[: room - 2] + user_id[-2:] + suffix
    kept = user_id[start : digits.end()]
    rest = user_id[: digits.end() - len(kept)] + user_id[digits.end() :]
    return rest[: room - len(kept)] + kept + suffix


#: The last run of digits in an ID.
_LAST_DIGITS = re.compile(r"[0-9]+(?=[^0-9]*\Z)")


#: The most worker machines one backup server runs: IBM APAR PH50490 (Backup
#: and Restore Manager, load balancing) says the old job naming "does not
#: support 64 workers, which is the max allowed".
MAX_WORKERS = 64


def worker_ids(pattern: str, count: int) -> tuple[str, ...]:
    """Worker machine IDs from the worker pattern: BKRWRK* and 3 -> BKRWRK01..BKRWRK03."""
    if "*" in pattern:
        return tuple(pattern.replace("*", f"{n:02d}", 1) for n in range(1, count + 1))
    return tuple(f"{pattern}{n:02d}" for n in range(1, count + 1))


# ------------------------------------------------------------------ users
@dataclass(frozen=True)
class UserDef:
    """One place that gives a user ID its kind: a `user` declaration or a group entry."""

    id: str
    kind: Kind
    role: str | None
    span: Span  # the name as written
    kind_span: Span  # the `single`/`identity` keyword that gives the kind
    origin: str  # "user" or "group NAME"
    module: str


@dataclass(frozen=True, eq=False)
class UserList:
    """The user IDs one statement declares: the names of a `user` statement or a
    group's entries (its `match` patterns are PatternDefs).

    A cluster may declare 50,000 users. The checker works on whole lists (set
    operations on `ids`, one regex over `Model.id_lines`), so the model keeps
    the IDs as strings and makes each list's UserDefs only when asked.
    """

    ids: tuple[str, ...]  # upper case, in the order written
    kind: Kind
    role: str | None
    kind_span: Span
    origin: str  # "user" or "group NAME"
    module: str
    decl: ast.UserDecl | ast.GroupDecl
    users_at: tuple[int, ...] | None  # which of the statement's names are IDs; None: all of them
    #: `ids` joined by line ends, as `_split_names` had them in hand (`Model.id_lines`
    #: joins these, not every ID again); None: not kept, joined when asked.
    text: str | None = None

    @functools.cached_property
    def defs(self) -> tuple[UserDef, ...]:
        if isinstance(self.decl, ast.UserDecl):
            words = self.decl.names
        else:
            words = tuple(e.word for e in self.decl.entries)
        if self.users_at is not None:
            words = tuple(words[i] for i in self.users_at)
        return tuple(
            UserDef(i, self.kind, self.role, w.span, self.kind_span, self.origin, self.module)
            for i, w in zip(self.ids, words)
        )

    def def_at(self, index: int) -> UserDef:
        """The UserDef of `ids[index]` alone, neither making nor keeping the others
        (`defs` keeps them all: a list of a million IDs CP refuses would hold a
        million UserDefs to report the first hundred)."""
        if "defs" in self.__dict__:
            return self.defs[index]
        at = index if self.users_at is None else self.users_at[index]
        if isinstance(self.decl, ast.UserDecl):
            word = self.decl.names[at]
        else:
            word = self.decl.entries[at].word
        return UserDef(
            self.ids[index], self.kind, self.role, word.span, self.kind_span, self.origin, self.module
        )


@dataclass(frozen=True)
class PatternDef:
    """A user declaration whose name is a pattern (`identity user BKRWRK* role worker`)."""

    pattern: str
    kind: Kind
    role: str | None
    span: Span
    kind_span: Span
    origin: str
    module: str

    def matches(self, user_id: str) -> bool:
        return bool(pattern_regex(self.pattern).match(user_id))

    @property
    def regex(self) -> re.Pattern:
        return pattern_regex(self.pattern)


@dataclass(frozen=True)
class Group:
    """A group, resolved: its user IDs and patterns, and where it was declared."""

    name: str
    kind: Kind
    users: tuple[str, ...]
    patterns: tuple[str, ...]
    decl: ast.GroupDecl
    module: str


# ------------------------------------------------------------------ cluster parts
@dataclass(frozen=True)
class MemberModel:
    """A member, resolved: its ordinal, workers, private volumes, job suffix and excludes."""

    name: str
    ordinal: int  # 1-based, in declaration order
    workers: int | None
    private_volumes: tuple[str, ...]
    job_suffix: str
    #: member-local excludes, added to the single-configuration jobs pinned to the
    #: member only (`Model.member_excludes`): an IDENTITY job's copies are alike (SSI rule 6)
    excludes: tuple[ast.Selection, ...]
    decl: ast.Member
    #: the SUBCONFIG names the site's directory already gives its machines' instances on
    #: this member (`subconfig BKRBKUP BKRBKU-1`), machine -> name: the first statement
    #: for a machine (a second is BKR115's); the compile writes these, `subconfig_id` the others
    subconfig_names: tuple[tuple[str, str], ...] = ()

    def subconfig_named(self, machine: str) -> str | None:
        """The SUBCONFIG name a `subconfig` statement gives `machine`'s instance here, or None."""
        for named, sub in self.subconfig_names:
            if named == machine:
                return sub
        return None

    def subconfig_of(self, machine: str) -> str:
        """The SUBCONFIG ID of `machine`'s instance on this member: the one the member's
        `subconfig` statement gives, else bkrc's own (`subconfig_id`: ID-n)."""
        return self.subconfig_named(machine) or subconfig_id(machine, self.ordinal)


@dataclass(frozen=True)
class KindsInDoubt:
    """The names whose kind is in doubt, each the subject of one error: the user IDs
    declared both single and identity (BKR203, BKR201 for a service machine), and
    the groups declared both ways (BKR321) or that declare such a user (the group's
    `single` or `identity` may be the word written the wrong way: `identity group
    SYSIDS { TCPIP }` written `single`). A check that judges a user by its kind
    (where its jobs run, which patterns may match it) leaves these to that error."""

    ids: frozenset[str]
    groups: frozenset[str]

    def __bool__(self) -> bool:
        return bool(self.ids or self.groups)

    def of_user(self, user: UserDef) -> bool:
        """Whether the kind of this declaration is in doubt: its ID's, or its group's."""
        return user.id in self.ids or (user.origin.startswith("group ") and user.origin.removeprefix("group ") in self.groups)

    def of_ref(self, ref: BackupRef) -> bool:
        """Whether the kind of what a `backup` name stands for is in doubt."""
        if ref.group is not None:
            return ref.group.name in self.groups
        return ref.user is not None and ref.user.id in self.ids


@dataclass(frozen=True)
class BackupRef:
    """A name after `backup`: a group, or a single user by ID.

    A user ID that is not declared itself but matches a declared pattern
    (`match LNX*` covers `backup LNX05`) resolves through `pattern`.
    """

    word: ast.Word
    group: Group | None
    user: UserDef | None
    pattern: PatternDef | None = None

    @functools.cached_property
    def kinds(self) -> frozenset[Kind]:
        if self.group is not None:
            return frozenset({self.group.kind})
        if self.user is not None:
            return frozenset({self.user.kind})
        if self.pattern is not None:
            return frozenset({self.pattern.kind})
        return frozenset()

    @property
    def resolved(self) -> bool:
        return self.group is not None or self.user is not None or self.pattern is not None

    @property
    def kind_span(self) -> Span | None:
        """Where the kind of what this name backs up is declared (`single`/`identity` keyword)."""
        if self.group is not None:
            return self.group.decl.kind_span
        if self.user is not None:
            return self.user.kind_span
        if self.pattern is not None:
            return self.pattern.kind_span
        return None


@dataclass(frozen=True)
class JobModel:
    """A job, resolved: what it backs up, selects and targets, and the members it runs on."""

    name: str
    decl: ast.Job
    refs: tuple[BackupRef, ...]
    level: ast.Level
    includes: tuple[ast.Selection, ...]
    excludes: tuple[ast.Selection, ...]
    target: ast.Target | None
    run: ast.Run | None
    each_member: bool
    members: tuple[str, ...]  # where it runs: every member for `on each member`
    description: str | None

    @functools.cached_property
    def kinds(self) -> frozenset[Kind]:
        out: frozenset[Kind] = frozenset()
        for ref in self.refs:
            out |= ref.kinds
        return out

    @functools.cached_property
    def user_ids(self) -> tuple[str, ...]:
        """`Model.job_user_ids`: worked out once per job, since the checks and the
        templates each ask, and a large job lists thousands of IDs. It reads
        only the job's own (frozen) references."""
        out: dict[str, None] = {}
        for ref in self.refs:
            if ref.group is not None:
                out.update(dict.fromkeys(ref.group.users))
            elif ref.user is not None or ref.pattern is not None:
                out[ref.word.upper] = None
        return tuple(out)

    @property
    def kind(self) -> Kind | None:
        """The job's kind when all it backs up agrees; None when mixed or unknown."""
        kinds = self.kinds
        return next(iter(kinds)) if len(kinds) == 1 else None

    @property
    def derives_names(self) -> bool:
        """Whether the job gets a name per member (`SYSINC1`, `SYSINC2`): it runs on
        each member (or on several), and it is not a single-configuration job. A
        single job keeps its own name, also under `run on each member` in a cluster
        of one member; on several members it is BKR220's error, whose fix is one
        member, not other names."""
        return (self.each_member or len(set(self.members)) > 1) and self.kind is not Kind.SINGLE

    @property
    def takes_member_excludes(self) -> bool:
        """Whether a member block's excludes are added to the job's template on that
        member: only a single-configuration job's, the one job that runs there alone.
        Every member's copy of an IDENTITY job carries the same INCLUDE/EXCLUDE
        statements (SSI rule 6; BKR414 warns of a member's exclude that reaches its
        users); a job of mixed or unknown kind is an error of its own."""
        return self.kind is Kind.SINGLE


@dataclass(frozen=True)
class CatalogModel:
    """The catalog, resolved: its SFS server, file pool and the member that is the server's home."""

    scope: ast.Scope
    server: str | None
    server_span: Span | None
    pool: str | None
    home: str | None  # the member the SFS server logs on to
    decl: ast.Catalog
    #: BKRSTART's waits for the SFS server, seconds: to log on, for its pool to serve.
    logon_wait: int = DEFAULT_LOGON_WAIT
    pool_wait: int = DEFAULT_POOL_WAIT


@dataclass(frozen=True)
class ExpireModel:
    """Expiry, resolved: the members it runs on, its preview and purge schedules, the days kept."""

    each_member: bool
    members: tuple[str, ...]
    preview: ast.Schedule | None
    purge: ast.Schedule | None
    retain_days: int | None
    decl: ast.Expire


@dataclass(frozen=True)
class TapeModel:
    """Tape Manager, resolved: its catalog and request nodes and their Device Manager Machines."""

    scope: ast.Scope
    catalog_node: str | None
    catalog_node_span: Span | None
    catalog_member: str | None
    request_node: str | None
    request_node_span: Span | None
    catalog_dmm: str | None  # the catalog node's Device Manager Machine
    catalog_dmm_span: Span | None
    request_dmm: str | None  # the request nodes' Device Manager Machine
    request_dmm_span: Span | None
    decl: ast.Tape

    def machines(self) -> tuple[tuple[str, Span], ...]:
        """(ID, where it is named) of every machine the statement names: the
        catalog node, the request node, then their DMMs."""
        named = (
            (self.catalog_node, self.catalog_node_span),
            (self.request_node, self.request_node_span),
            (self.catalog_dmm, self.catalog_dmm_span),
            (self.request_dmm, self.request_dmm_span),
        )
        return tuple((name, span) for name, span in named if name is not None and span is not None)


@dataclass(frozen=True)
class TapeNode:
    """A shared Tape Manager machine bkrc writes a directory entry for."""

    id: str
    #: The dialect's machine role: "tape-catalog-node" or "tape-request-node"
    #: (the nodes' Tape Manager Machines), "tape-catalog-dmm" or "tape-request-dmm".
    role: str
    default: Kind  # its kind unless the .bkr file declares it
    members: tuple[str, ...]  # the members it runs on


class StartEntry(NamedTuple):
    """A machine BKRSTART starts: its ID, its role (a key of `ROLE_TEXT`), and
    whether BKRSTART waits until it is logged on (and, for the catalog's SFS
    server, until its file pool serves) before it starts the rest."""

    user: str
    role: str
    wait: bool


@dataclass
class Model:
    """One cluster, resolved. Lists keep every declaration, duplicates included.

    Users are kept per declaring statement (`user_lists`): the checker answers
    most questions about tens of thousands of users with set operations and
    regex scans over their IDs, and `user_defs` (one object per declaration) is
    made only when something asks for it.
    """

    cluster: ast.Cluster | None
    main_file: str
    modules: tuple[ast.Module, ...]
    clusters: tuple[ast.Cluster, ...]  # every cluster block seen (one is right)
    user_lists: tuple[UserList, ...]  # explicit `user` statements first, then groups
    pattern_defs: tuple[PatternDef, ...]
    groups: tuple[Group, ...]
    members: tuple[MemberModel, ...]
    jobs: tuple[JobModel, ...]
    catalogs: tuple[CatalogModel, ...]
    expires: tuple[ExpireModel, ...]
    tapes: tuple[TapeModel, ...]
    settings: tuple[ast.Setting, ...]
    disks: tuple[ast.Disk, ...] = ()
    _groups: dict[str, list[Group]] = field(default_factory=dict, repr=False)
    _members: dict[str, MemberModel] = field(default_factory=dict, repr=False)
    _lines: dict[Kind, str] = field(default_factory=dict, repr=False)
    # `user`'s table of first places, built once scans have cost more than it:
    _first_place: dict[str, int] | None = field(default=None, repr=False, compare=False)
    _ids_scanned: int = field(default=0, repr=False, compare=False)
    _naming: dict[frozenset[str], tuple[Group, ...]] = field(default_factory=dict, repr=False, compare=False)
    #: The minidisks placed by each dialect table (`bkrdsl.allocation.allocate`), kept
    #: here so that the checks and the emitters of one compile work them out once.
    allocations: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for g in self.groups:
            self._groups.setdefault(g.name, []).append(g)
        for m in self.members:
            self._members.setdefault(m.name, m)

    # -- users: IDs for the checker's set operations, UserDefs made on demand
    @functools.cached_property
    def user_defs(self) -> tuple[UserDef, ...]:
        """Every user declaration: explicit `user` statements first, then group entries."""
        return tuple(itertools.chain.from_iterable(lst.defs for lst in self.user_lists))

    @functools.cached_property
    def user_ids(self) -> tuple[str, ...]:
        """The ID of every user declaration, in the order of `user_defs` (repeats included)."""
        return tuple(itertools.chain.from_iterable(lst.ids for lst in self.user_lists))

    @functools.cached_property
    def _declared(self) -> frozenset[str]:
        return frozenset(itertools.chain.from_iterable(lst.ids for lst in self.user_lists))

    @functools.cached_property
    def declared_alone(self) -> frozenset[str]:
        """The IDs a `user` statement declares alone (`single user BKRSVSFS`): the ones
        whose kind one keyword gives (BKR510's fix rewrites it). Worked out once: the
        checks ask it of each of a directory's thousands of users."""
        return frozenset(lst.ids[0] for lst in self.user_lists if lst.origin == "user" and len(lst.ids) == 1)

    @functools.cached_property
    def _id_count(self) -> int:
        return sum(len(lst.ids) for lst in self.user_lists)

    @functools.cached_property
    def repeated_ids(self) -> frozenset[str]:
        """The IDs declared more than once (by two statements, or twice in one)."""
        if len(self._declared) == sum(len(lst.ids) for lst in self.user_lists):
            return frozenset()
        return frozenset(i for i, n in collections.Counter(self.user_ids).items() if n > 1)

    def id_lines(self, kind: Kind) -> str:
        """Every user ID declared with `kind` on a line of its own, with a line end
        before and after each. One regex over this text (see `id_scanner`) finds the
        IDs a pattern or a rule picks out among tens of thousands, without a
        Python-level loop per user. (Names hold no line ends.)"""
        text = self._lines.get(kind)
        if text is None:
            # Each list's IDs were joined once already, as the model split its names.
            ids = "\n".join(
                "\n".join(lst.ids) if lst.text is None else lst.text
                for lst in self.user_lists
                if lst.kind is kind and lst.ids
            )
            text = self._lines[kind] = f"\n{ids}\n" if ids else "\n"
        return text

    def find_ids(self, scanner: re.Pattern | None, kind: Kind | None = None) -> set[str]:
        """The IDs declared with `kind` (or with any kind) that a regex over `id_lines`
        finds, its group 1 being the ID (see `id_scanner`)."""
        if scanner is None:
            return set()
        found: set[str] = set()
        for k in Kind if kind is None else (kind,):
            found.update(scanner.findall(self.id_lines(k)))
        return found

    def groups_naming_any(self, ids: frozenset[str]) -> tuple[Group, ...]:
        """The groups, in order, that declare one of `ids` (upper case): worked out once
        per set asked for, so that the checks that look for a group's IDs spelled as
        keywords (BKR021, and BKR309's and BKR341's, BKR208's and BKR416's reading of its runs,
        `runon.RUN_LABELS`) read each group's thousands of IDs once, not once each."""
        found = self._naming.get(ids)
        if found is None:
            found = self._naming[ids] = tuple(g for g in self.groups if not ids.isdisjoint(g.users))
        return found

    def ids_holding(self, chars: str) -> set[str]:
        """The declared IDs that hold one of `chars` (`$#@`: the names whose EBCDIC
        code point differs between code pages). A character no ID holds costs one
        C-speed `in` test over `id_lines`."""
        line = re.compile(r"\n([^\n]*[" + re.escape(chars) + r"][^\n]*)(?=\n)")
        found: set[str] = set()
        for kind in Kind:
            text = self.id_lines(kind)
            if any(c in text for c in chars):
                found.update(line.findall(text))
        return found

    def defs_of(self, ids: set[str] | frozenset[str]) -> Iterator[UserDef]:
        """The declarations of `ids`, in the order of `user_defs`. Only the lists that
        hold one of them make their UserDefs, so reporting a few users stays cheap."""
        if not ids:
            return
        for lst in self.user_lists:
            if not ids.isdisjoint(lst.ids):
                yield from (u for u in lst.defs if u.id in ids)

    def role_defs(self) -> Iterator[UserDef]:
        """The user declarations that give a role, in the order of `user_defs`."""
        for lst in self.user_lists:
            if lst.role is not None:
                yield from lst.defs

    @functools.cached_property
    def _roles(self) -> dict[str, list[UserDef]]:
        out: dict[str, list[UserDef]] = {}
        for u in self.role_defs():
            out.setdefault(u.role, []).append(u)
        return out

    # -- look-ups
    @property
    def name(self) -> str:
        return self.cluster.name.upper if self.cluster else "?"

    def user(self, user_id: str) -> UserDef | None:
        """A user's first declaration.

        The lists are scanned in order (in C: a few calls, as a check makes, cost
        next to nothing) until the scans have read more IDs than `_SCANS_PER_ID`
        times the IDs declared; then a table from each ID to its first place is
        built once (about 2 ms for 10,000 users, so never for a few calls) and
        used from then on. A caller that asks for every user (the language
        server's workspace symbols: 15,000 calls took 0.5 s) pays for the table,
        not for a scan per user. The answer is the same either way."""
        up = user_id.upper()
        if up not in self._declared:
            return None
        if self._first_place is not None:
            k, i = divmod(self._first_place[up], _PLACES)
            return self.user_lists[k].defs[i]
        for lst in self.user_lists:
            self._ids_scanned += len(lst.ids)
            if up in lst.ids:
                found = lst.defs[lst.ids.index(up)]
                if self._ids_scanned > _SCANS_PER_ID * self._id_count:
                    # Strings to ints only: the garbage collector does not track such
                    # a dict (with a tuple a user, every later collection walked them).
                    table: dict[str, int] = {}
                    for k, other in enumerate(self.user_lists):
                        for i, uid in enumerate(other.ids):
                            table.setdefault(uid, k * _PLACES + i)
                    self._first_place = table  # whole, or not yet: a reader sees no half table
                return found
        return None  # pragma: no cover - `_declared` holds exactly the lists' IDs

    def user_defs_of(self, user_id: str) -> list[UserDef]:
        up = user_id.upper()
        if up not in self._declared:
            return []
        if up not in self.repeated_ids:
            return [self.user(up)]
        return list(self.defs_of({up}))

    def group(self, name: str) -> Group | None:
        found = self._groups.get(name.upper())
        return found[0] if found else None

    @functools.cached_property
    def kinds_in_doubt(self) -> KindsInDoubt:
        """The users and groups declared both single and identity: the one place the
        checks that judge a name by its kind learn to leave it to that error."""
        ids: frozenset[str] = frozenset()
        if self.repeated_ids:
            kinds: dict[str, set[Kind]] = {}
            for u in self.defs_of(self.repeated_ids):
                kinds.setdefault(u.id, set()).add(u.kind)
            ids = frozenset(i for i, k in kinds.items() if len(k) > 1)
        groups = {name for name, same in self._groups.items() if len({g.kind for g in same}) > 1}
        groups.update(u.origin.removeprefix("group ") for u in self.defs_of(ids) if u.origin.startswith("group "))
        return KindsInDoubt(ids, frozenset(groups))

    def member(self, name: str) -> MemberModel | None:
        return self._members.get(name.upper())

    def member_excludes(self, job: JobModel, member: str) -> tuple[ast.Selection, ...]:
        """The excludes of `member`'s block that its template of `job` ends with:
        all of them for a single-configuration job, none for an IDENTITY job's copy
        (`JobModel.takes_member_excludes`). The one answer the templates write, the
        coverage checks weigh and `bkrc show` prints."""
        local = self.member(member)
        return local.excludes if local is not None and job.takes_member_excludes else ()

    @property
    def member_names(self) -> tuple[str, ...]:
        return tuple(self._members)

    def pattern_for(self, user_id: str) -> PatternDef | None:
        """The first declared pattern that matches `user_id`."""
        up = user_id.upper()
        by_head = self._patterns_by_head
        # Only the patterns whose literal beginning begins `up` can match: found by
        # its prefixes (at most 9), not by trying each pattern, which grew with the
        # patterns times the IDs asked (a site directory's thousands, BKR510).
        # Of those, only the prefixes as long as some pattern's literal beginning are
        # looked up (`_head_lengths`: a site's patterns have a few lengths between them).
        tried = sorted(k for n in self._head_lengths if n <= len(up) for k in by_head.get(up[:n], ()))
        for k in tried:
            p = self.pattern_defs[k]
            if p.regex.match(up):
                return p
        return None

    @functools.cached_property
    def _head_lengths(self) -> tuple[int, ...]:
        """The lengths of the declared patterns' literal beginnings (`_patterns_by_head`'s keys), each once."""
        return tuple(sorted({len(head) for head in self._patterns_by_head}))

    @functools.cached_property
    def _patterns_by_head(self) -> dict[str, list[int]]:
        """Each literal beginning of a declared pattern -> the places of its patterns in `pattern_defs`."""
        out: dict[str, list[int]] = {}
        for k, p in enumerate(self.pattern_defs):
            out.setdefault(literal_head(p.pattern), []).append(k)
        return out

    def job_user_ids(self, job: JobModel) -> tuple[str, ...]:
        """The user IDs a job backs up by name: its groups' IDs and the users named directly.

        Users a group covers only through a `match` pattern are not listed: only
        the directory knows them.
        """
        known = job.__dict__.get("user_ids")
        if known is not None:
            return known
        groups = [ref.group for ref in job.refs]
        if not self.repeated_ids and None not in groups and len({id(g) for g in groups}) == len(groups):
            # No ID is declared twice, so distinct groups hold distinct IDs, each
            # once: their lists joined are what `JobModel.user_ids` would find,
            # without a dictionary of thousands of IDs. Kept where it keeps its own.
            known = job.__dict__["user_ids"] = tuple(itertools.chain.from_iterable(g.users for g in groups))
            return known
        return job.user_ids

    def job_patterns(self, job: JobModel) -> tuple[str, ...]:
        """The `match` patterns of the groups a job backs up, each once, as `job_user_ids`
        gives each ID once: a group named twice (`backup NETIDS, CICS, LINUXP` written
        twice, BKR412 or BKR118) or a pattern two groups write alike is one pattern,
        which `narrow_owners` would otherwise take for two ways of writing one set of
        IDs and drop both (an include's `LNXP*` then "matches none of the users",
        BKR406, beside the one mistake)."""
        return tuple(dict.fromkeys(p for ref in job.refs if ref.group is not None for p in ref.group.patterns))

    def include_owners(self, job: JobModel) -> tuple[tuple[str, ...], ...]:
        """Per include of `job`, in its order, whom the template's records name:
        a minidisk include's owners (`narrow_owners`), an SFS include's paths
        (`narrow_sfs_path`), each once. The one answer the templates write, the
        checker judges (BKR406's coverage) and `bkrc show` prints; empty for an
        include that selects none of the job's users. Worked out once per job:
        the checks, and each member's copy of an IDENTITY job's template, ask again."""
        known = self._include_owners.get(id(job))
        if known is not None:
            return known[1]
        ids = list(self.job_user_ids(job))
        patterns = list(dict.fromkeys(self.job_patterns(job)))
        # The job's IDs are each once (`job_user_ids`), and hold no wildcard: when every
        # pattern holds one, no pattern is an ID either, and `*`'s owners (the IDs,
        # then the patterns) are each once already, not thousands to make unique again.
        distinct = all(map(is_pattern, patterns))
        out = []
        for selection in job.includes:
            if selection.medium is ast.Medium.MINIDISK:
                owner = selection.owner.upper if selection.owner is not None else "*"
                owners = narrow_owners(owner, ids, patterns)
                if owner == "*" and distinct:
                    out.append(tuple(owners))
                    continue
            else:  # SFS: each path's user part, narrowed the same way
                owners = [p for item in selection.items for p in narrow_sfs_path(item.upper, ids, patterns)]
            out.append(tuple(dict.fromkeys(owners)))
        self._include_owners[id(job)] = (job, tuple(out))  # the job kept, so its id stays its own
        return self._include_owners[id(job)][1]

    @functools.cached_property
    def _include_owners(self) -> dict[int, tuple[JobModel, tuple[tuple[str, ...], ...]]]:
        return {}

    @property
    def private_volumes(self) -> dict[str, str]:
        """Every member's private volumes: volume -> member (the first member that names it)."""
        out: dict[str, str] = {}
        for m in self.members:
            for v in m.private_volumes:
                out.setdefault(v, m.name)
        return out

    # Several checks and emitters ask for the product's machines: each list is
    # worked out once, on first use (after `build_model` has filled the model in).
    def service_machines(self) -> tuple[tuple[str, tuple[MemberModel, ...]], ...]:
        """The IDENTITY machines bkrc writes directory entries for, each with the members it runs on.

        The backup server and the catalog server run on every member; worker
        BKRWRKnn runs on the members whose `workers` count reaches nn.
        """
        return self._service_machines

    @functools.cached_property
    def _service_machines(self) -> tuple[tuple[str, tuple[MemberModel, ...]], ...]:
        members = tuple(self._members.values())
        # Each machine's members by name, in order: a member is placed once, found in
        # O(1) (a list's `in` compares whole members: quadratic in a cluster's members).
        out: dict[str, dict[str, MemberModel]] = {}
        for machine in (self.backup_server, self.catalog_server):
            if machine is not None and machine not in out:
                out[machine] = {m.name: m for m in members}
        for m in members:
            for worker in self.workers_of(m):
                out.setdefault(worker, {}).setdefault(m.name, m)
        return tuple((machine, tuple(ms.values())) for machine, ms in out.items())

    def subconfigs(self) -> tuple[tuple[str, MemberModel, str], ...]:
        """(machine, member, SUBCONFIG ID) for every member an IDENTITY product
        machine runs on, as the directory writes them: the service machines,
        then the others declared or implied IDENTITY (a local catalog's SFS
        server, an IDENTITY administrator) and the Tape Manager's request node
        and its DMM.
        A machine written as a USER entry has no SUBCONFIG."""
        out = []
        for machine, (_, kind, members) in self._machine_table.items():
            if kind is not Kind.IDENTITY:
                continue
            for name in members:
                m = self.member(name)
                if m is not None:  # an unknown member (BKR330) has no number
                    out.append((machine, m, m.subconfig_of(machine)))
        return tuple(out)

    def tape_nodes(self) -> tuple[TapeNode, ...]:
        """The shared Tape Manager's machines, each with the members it runs on.

        Only for `tape manager shared` with a catalog node (whose `on MEMBER`
        the grammar requires): the catalog node's Tape Manager Machine,
        single-configuration, on that member; then the request node's, an
        IDENTITY, on every other member, since each of them asks the catalog
        node for tapes (left out when there is no other member). The same
        members the TMNODES files and BKRSTART name. Then each node's Device
        Manager Machine when the statement names one (`catalog-dmm`,
        `request-dmm`): on the same members as its node, with the same default
        kind, and only when that node is written. After the nodes, so that
        naming a DMM moves no entry already written.
        """
        tape = self.tape
        if tape is None or tape.scope is not ast.Scope.SHARED or tape.catalog_member is None:
            return ()
        requesters = tuple(m for m in self.member_names if m != tape.catalog_member)
        # An unknown member (BKR330) runs nothing: an IDENTITY node declared so gets no SUBCONFIG there.
        on = (tape.catalog_member,) if self.member(tape.catalog_member) is not None else ()
        catalog = (Kind.SINGLE, on) if tape.catalog_node is not None else None
        request = (Kind.IDENTITY, requesters) if tape.request_node is not None and requesters else None
        out = []
        for machine, role, node in (
            (tape.catalog_node, "tape-catalog-node", catalog),
            (tape.request_node, "tape-request-node", request),
            (tape.catalog_dmm, "tape-catalog-dmm", catalog),
            (tape.request_dmm, "tape-request-dmm", request),
        ):
            if machine is not None and node is not None:
                out.append(TapeNode(machine, role, *node))
        return tuple(out)

    def product_machines(self) -> Mapping[str, tuple[Kind, tuple[str, ...]]]:
        """Every machine bkrc writes a directory entry for: ID -> (kind, members it runs on).

        The service machines (IDENTITY unless declared otherwise) run on the
        members `service_machines` says; the catalog's SFS server, the
        administrator and the installation user are single-configuration unless
        declared otherwise (a single-configuration machine lists no members);
        then the shared Tape Manager's machines (`tape_nodes`).

        Made once per model and shared by every caller (the checks and the
        emitters ask about a hundred times a compile, `per_member_placement`
        once per address of a machine), so it is read-only.
        """
        return self._product_machines

    @functools.cached_property
    def _product_machines(self) -> Mapping[str, tuple[Kind, tuple[str, ...]]]:
        return types.MappingProxyType(
            {machine: (kind, members) for machine, (_, kind, members) in self._machine_table.items()}
        )

    def machine_roles(self) -> dict[str, str]:
        """The same machines, in the same order: ID -> its role, which names its
        defaults in the dialect table (`backup-server`, `worker`, `admin`, ...)."""
        return {machine: role for machine, (role, _, _) in self._machine_table.items()}

    @functools.cached_property
    def _machine_table(self) -> dict[str, tuple[str, Kind, tuple[str, ...]]]:
        """ID -> (role, kind, members), each machine once, under its first role."""
        out: dict[str, tuple[str, Kind, tuple[str, ...]]] = {}

        def add(machine: str | None, role: str, default: Kind, members: tuple[str, ...]) -> None:
            if machine is None or machine in out:
                return
            kind = self.kind_of(machine) or default
            out[machine] = (role, kind, members if kind is Kind.IDENTITY else ())

        named = {self.backup_server: "backup-server", self.catalog_server: "catalog-server"}
        for machine, members in self.service_machines():
            add(machine, named.get(machine, "worker"), Kind.IDENTITY, tuple(m.name for m in members))
        add(self.catalog.server if self.catalog else None, "catalog-sfs-server", Kind.SINGLE, self.member_names)
        add(self.admin, "admin", Kind.SINGLE, self.member_names)
        add(self.installation_user, "installation", Kind.SINGLE, self.member_names)
        for node in self.tape_nodes():
            add(node.id, node.role, node.default, node.members)
        return out

    def disk_owners(self, disk: ast.Disk, machines: dict | None = None) -> tuple[str, ...]:
        """The product machines a `disk` statement gives a minidisk: its user, or every
        machine its pattern (`disk BKRWRK* ...`) matches."""
        return self._machines_named(disk.user.upper, machines)

    def _machines_named(self, name: str, machines=None) -> tuple[str, ...]:
        """The product machines `name` names (`disk_owners`, `link_owners`): the machine,
        or every machine a pattern (`BKRWRK*`) matches; none for another name."""
        ids = list(machines if machines is not None else self.product_machines())
        if is_pattern(name):
            rx = pattern_regex(name)
            return tuple(m for m in ids if rx.match(m))
        return (name,) if name in ids else ()

    # -- the CP LINKs the `link` statements give the product machines
    @functools.cached_property
    def link_statements(self) -> tuple[ast.Setting, ...]:
        """The cluster's `link` statements, in the order written."""
        return tuple(s for s in self.settings if s.keyword == "link")

    def link_owners(self, word: ast.Word, machines=None) -> tuple[str, ...]:
        """The product machines a `link` statement's first word names: the machine, or
        every machine its pattern (`link BKRWRK* ...`) matches, as `disk_owners`."""
        return self._machines_named(word.upper, machines)

    @functools.cached_property
    def _links(self) -> dict[str, tuple[str, ...]]:
        """Machine -> the LINK statements its entry keeps, each `LINK OWNER VADDR VADDR2
        MODE` with the addresses in four digits, in the order written; a statement cut
        short, or with an address or mode CP does not take (BKR310, BKR343), gives none,
        and a second one at an address already linked (BKR115) none either."""
        machines = self.product_machines()
        out: dict[str, dict[int, str]] = {}
        for setting in self.link_statements:
            parts = ast.link_parts(setting)
            if parts is None:
                continue
            machine, owner, vaddr, target, mode = parts
            source = parse_address(vaddr.text)
            at = parse_address(target.text) if target is not None else source
            if source is None or at is None or mode.upper not in LINK_MODES or not owner.text:
                continue
            line = f"LINK {owner.upper} {source:04X} {at:04X} {mode.upper}"
            for m in self.link_owners(machine, machines):
                out.setdefault(m, {}).setdefault(at, line)
        return {m: tuple(lines.values()) for m, lines in out.items()}

    def links_of(self, machine: str) -> tuple[str, ...]:
        """The LINK statements the `link` statements give `machine`'s directory entry."""
        return self._links.get(machine, ())

    # -- one machine's minidisk at one address, placed member by member
    @functools.cached_property
    def disks_at(self) -> dict[tuple[str, int], tuple[ast.Disk, ...]]:
        """(machine, address) -> the `disk` statements that give the machine a minidisk
        at that address, in the order written (a pattern's statement counts for each
        machine it matches). More than one is BKR324's question: see `per_member_placement`."""
        machines = self.product_machines()
        out: dict[tuple[str, int], list[ast.Disk]] = {}
        for disk in self.disks:
            addr = parse_address(disk.address.text)
            if addr is None:
                continue
            for owner in self.disk_owners(disk, machines) or (disk.user.upper,):
                out.setdefault((owner, addr), []).append(disk)
        return {key: tuple(disks) for key, disks in out.items()}

    def per_member_placement(self, machine: str, disks: Sequence[ast.Disk]) -> bool:
        """Whether several `disk` statements for one address of `machine` place its
        instances member by member, the way a site without DirMaint gives every
        instance a fixed extent (`disk BKRBKUP 191 size 10 cyl on M1PRV1 at 100`, then
        the same `on M2PRV1 at 100`): the machine is IDENTITY, every statement names
        the private volume of another member, and all give the minidisk one size in
        one unit (it is one minidisk of the IDENTITY, whichever member runs it)."""
        kind = self.product_machines().get(machine, (self.kind_of(machine), ()))[0]
        if len(disks) < 2 or kind is not Kind.IDENTITY:
            return False
        private = self.private_volumes
        members = [private.get(d.volume.upper) if d.volume is not None else None for d in disks]
        sizes = {disk_size(d) for d in disks}
        return None not in members and len(set(members)) == len(members) and len(sizes) == 1

    def places_instance(self, disk: ast.Disk, machine: str, member: str) -> bool:
        """Whether `disk` is the statement that gives `machine`'s instance on `member`
        its minidisk at the disk's address. One statement gives every instance its
        own; of statements placing the instances member by member
        (`per_member_placement`), the one on the member's private volume places that
        member's, and the first gives the members no statement names theirs."""
        addr = parse_address(disk.address.text)
        disks = self.disks_at.get((machine, addr), (disk,)) if addr is not None else (disk,)
        if not self.per_member_placement(machine, disks):
            return True
        private = self.private_volumes
        own = next((d for d in disks if private.get(d.volume.upper) == member), disks[0])
        return own is disk

    def kind_of(self, user_id: str) -> Kind | None:
        """A user's kind: its first declaration, else the first pattern that matches it,
        else the kind its place in the cluster implies (see `implied_kind`)."""
        found = self.user(user_id)
        if found is not None:
            return found.kind
        pattern = self.pattern_for(user_id)
        if pattern is not None:
            return pattern.kind
        return self.implied_kind(user_id)

    def implied_kind(self, user_id: str) -> Kind | None:
        """The kind of a machine the cluster names without declaring it.

        A shared catalog's SFS server runs once (single); a local catalog's server
        on every member (identity). A Tape Manager catalog node and its DMM are
        single, the request nodes and their DMM identity. bkrc writes the
        directory entries that way.
        """
        known = self.__dict__.get("_implied")
        if known is None or known[0] is not self.catalogs or known[1] is not self.tapes:
            # Worked out once for the catalogs and tapes the model holds (BKR510 asks it of
            # each of a directory's undeclared IDs), again when they are set (`resolve`).
            known = self.__dict__["_implied"] = (self.catalogs, self.tapes, self._implied_kinds())
        return known[2].get(user_id.upper())

    def _implied_kinds(self) -> dict[str, Kind]:
        """ID -> `implied_kind`: the catalog's server first, then the Tape Manager's
        machines in the order they are named (the first of an ID named twice counts)."""
        out: dict[str, Kind] = {}
        for t in self.tapes[:1]:
            named = (
                (t.catalog_node, Kind.SINGLE),
                (t.request_node, Kind.IDENTITY),
                (t.catalog_dmm, Kind.SINGLE),
                (t.request_dmm, Kind.IDENTITY),
            )
            out.update((name, kind) for name, kind in reversed(named) if name is not None)
        for c in self.catalogs[:1]:
            if c.server is not None:
                out[c.server] = Kind.SINGLE if c.scope is ast.Scope.SHARED else Kind.IDENTITY
        return out

    # -- the product's machines, by role
    def role_users(self, role: str) -> list[UserDef]:
        return list(self._roles.get(role, ()))

    def role_id(self, role: str) -> str | None:
        """The ID of the first user declared with `role`, the one the generated files
        name (a second is BKR206's); None when no user holds it."""
        found = self._roles.get(role)
        return found[0].id if found else None

    def role_patterns(self, role: str) -> list[PatternDef]:
        return [p for p in self.pattern_defs if p.role == role]

    def product_role(self, user_id: str) -> str | None:
        """The Backup Manager role a user ID holds: `backup-server`, `catalog-server`,
        `admin` or `installation` when declared with it, `worker` when it is one of
        the members' workers; else None."""
        for role in ("backup-server", "catalog-server", "admin", "installation"):
            if any(u.id == user_id for u in self.role_users(role)):
                return role
        if any(user_id in self.workers_of(m) for m in self.members):
            return "worker"
        return None

    @property
    def backup_server(self) -> str | None:
        return self.role_id("backup-server")

    @property
    def catalog_server(self) -> str | None:
        return self.role_id("catalog-server")

    @property
    def admin(self) -> str | None:
        return self.role_id("admin")

    @property
    def installation_user(self) -> str | None:
        return self.role_id("installation")

    @property
    def worker_pattern(self) -> str | None:
        found = self.role_patterns("worker")
        if found:
            return found[0].pattern
        return self.role_id("worker")

    def workers_of(self, member: MemberModel) -> tuple[str, ...]:
        pattern = self.worker_pattern
        if pattern is None or not member.workers:
            return ()
        if not is_pattern(pattern):  # a single declared worker ID
            return (pattern,)
        # A count past MAX_WORKERS is BKR316's; the other checks see the most a member
        # runs (`workers 999999999` would make a billion worker IDs).
        return worker_ids(pattern, min(member.workers, MAX_WORKERS))

    @property
    def catalog(self) -> CatalogModel | None:
        return self.catalogs[0] if self.catalogs else None

    @property
    def expire(self) -> ExpireModel | None:
        return self.expires[0] if self.expires else None

    @property
    def tape(self) -> TapeModel | None:
        return self.tapes[0] if self.tapes else None

    def purging_members(self) -> tuple[str, ...]:
        out: list[str] = []
        for e in self.expires:
            if e.purge is None:
                continue
            for m in self.member_names if e.each_member else e.members:
                if m not in out:
                    out.append(m)
        return tuple(out)

    def expires_on(self, member: str) -> tuple[ExpireModel, ...]:
        """Every `expire` block that names `member` (or runs on each member), in
        source order: the purging member's BKREXPIR carries all their schedules."""
        return tuple(e for e in self.expires if member in e.members)

    def expire_actions(self, member: str) -> tuple[tuple[str, ast.Schedule], ...]:
        """(`PREVIEW` or `PURGE`, its schedule) of every expiry action the purging
        member `member` runs, in its BKREXPIR's order: the previews of the blocks
        that name it, then their purges (`expires_on`); empty on any other member."""
        if member not in self.purging_members():
            return ()
        blocks = self.expires_on(member)
        actions = [("PREVIEW", e.preview) for e in blocks] + [("PURGE", e.purge) for e in blocks]
        return tuple((verb, schedule) for verb, schedule in actions if schedule is not None)

    def member_jobs(self, member: str) -> tuple[tuple[str, JobModel], ...]:
        """(name on this member, job) for every job placed on `member`, in source
        order: the templates written in its folder and its BKRSUBMT's table."""
        return tuple(
            (name, job) for job in self.jobs for where, name in self.derived_names(job) if where == member
        )

    def start_order(self, member: str) -> tuple[StartEntry, ...]:
        """What BKRSTART starts on `member`, in order: the catalog's SFS server
        first (a shared catalog's on its home member only, a local catalog's on
        every member; BKRSTART waits until it is logged on and its file pool
        serves), then the catalog server, the backup server, the member's
        workers, then a shared Tape Manager's node (the catalog node on its
        member, the request node elsewhere)."""
        order: list[StartEntry] = []
        catalog = self.catalog
        here = catalog is not None and (catalog.scope is not ast.Scope.SHARED or catalog.home == member)
        if here and catalog.server:
            order.append(StartEntry(catalog.server, "catalog-sfs-server", True))
        if self.catalog_server:
            order.append(StartEntry(self.catalog_server, "catalog-server", False))
        if self.backup_server:
            order.append(StartEntry(self.backup_server, "backup-server", False))
        found = self.member(member)
        for worker in self.workers_of(found) if found is not None else ():
            order.append(StartEntry(worker, "worker", False))
        tape = self.tape
        if tape is not None and tape.scope is ast.Scope.SHARED:
            # A local Tape Manager has no nodes: names on its statement write nothing
            # (BKR235). The node's Tape Manager Machine only: bkrc assumes it starts the node's
            # other machines (its DMM, an LMM), as IBM describes for the LMM.
            if tape.catalog_node and tape.catalog_member == member:
                order.append(StartEntry(tape.catalog_node, "tape-catalog-node", False))
            elif tape.request_node and tape.catalog_member != member:
                order.append(StartEntry(tape.request_node, "tape-request-node", False))
        return tuple(order)

    @functools.cached_property
    def job_names_used(self) -> collections.Counter[str]:
        """Each job name in capitals, with how many times the jobs use it: each job's own
        name, and the names on its members of each job that runs (`derived_names`).
        Made once per model, for the checks that look for a name no other job uses
        (a job's own uses taken away), rather than gathering every job's names again
        for each job they rename."""
        used: collections.Counter[str] = collections.Counter()
        for job in self.jobs:
            used[job.name.upper()] += 1
            if job.run is not None:
                used.update(n.upper() for _, n in self.derived_names(job))
        return used

    def derived_names(self, job: JobModel) -> tuple[tuple[str, str], ...]:
        """(member, job name on that member): the derived name of a job that runs on
        each member, its own name for a single-configuration job or one pinned to one
        member (see `JobModel.derives_names`)."""
        if not job.derives_names:
            return tuple((m, job.name) for m in job.members)
        out = []
        for name in job.members:
            member = self.member(name)
            suffix = member.job_suffix if member is not None else "?"
            out.append((name, derived_job_name(job.name, suffix)))
        return tuple(out)

    @functools.cached_property
    def volume_sizes(self) -> dict[str, VolumeCapacity]:
        """The volumes whose size a volume list states: label -> its size (the first
        stated, where a label has two; a word that states none is BKR336's)."""
        out: dict[str, VolumeCapacity] = {}
        cluster = self.cluster
        if cluster is None:
            return out
        lists = [s for m in cluster.members for s in m.settings if s.keyword == "private-volume"]
        lists += [s for s in cluster.settings if s.keyword == "shared-volume"]
        for setting in lists:
            for label, word in setting.sizes:
                capacity = VolumeCapacity.stated(word)
                if capacity is not None:
                    out.setdefault(label.upper, capacity)
        return out

    @property
    def shared_volumes(self) -> tuple[str, ...]:
        return tuple(w.upper for s in self.settings if s.keyword == "shared-volume" for w in s.values)

    def setting(self, keyword: str) -> ast.Setting | None:
        for s in self.settings:
            if s.keyword == keyword:
                return s
        return None


# ------------------------------------------------------------------ building
def _stated_wait(waits: tuple[ast.Wait, ...], default: int, interval: int) -> int:
    """The first wait stated, in seconds, when BKRSTART can keep it (a whole number of
    `interval`s up to MAX_WAIT_SECONDS); else `default` (the checker says why)."""
    seconds = wait_seconds(waits[0]) if waits else None
    if seconds is None or not 0 < seconds <= MAX_WAIT_SECONDS or seconds % interval:
        return default
    return seconds


def _int(word: ast.Word | None) -> int | None:
    if word is None or not word.text.isdigit() or len(word.text) > 9:
        return None
    return int(word.text)


def _unquote(word: ast.Word) -> str:
    body = word.text[1:-1] if len(word.text) >= 2 else ""
    return re.sub(r"\\(.)", r"\1", body)


def description_of(settings: Iterable[ast.Setting]) -> str | None:
    """The text of a block's first `description` (a cluster's or a member's), unquoted."""
    found = next((s for s in settings if s.keyword == "description" and s.values), None)
    return _unquote(found.values[0]) if found is not None else None


def _split_names(
    texts: list[str] | tuple[str, ...], marked: list[bool]
) -> tuple[tuple[str, ...], tuple[int, ...] | None, list[int], str]:
    """Split a statement's names into user IDs and patterns (marked `match NAME`,
    or holding a wildcard): the IDs upper-cased, their positions (None when every
    name is an ID), the positions of the patterns, and the IDs joined by line ends
    (`UserList.text`: the text this function reads them by, kept for `id_lines`).

    A group may list thousands of users, so whole-list operations (compress, join)
    do the work; only a list that holds a bare wildcard is read name by name.
    """
    at = list(itertools.compress(range(len(texts)), marked)) if True in marked else []
    keep = [True] * len(texts)
    for i in at:
        keep[i] = False
    users = list(itertools.compress(texts, keep)) if at else texts
    joined = "\n".join(users)
    if is_pattern(joined):
        at = [i for i, t in enumerate(texts) if not keep[i] or is_pattern(t)]
        for i in at:
            keep[i] = False
        users = list(itertools.compress(texts, keep))
        joined = "\n".join(users)
    # Names are usually written in upper case already: one comparison, no upper() per name.
    # (Upper case maps each character alone, so the joined text's is the IDs' joined.)
    upper = joined.upper()
    ids = tuple(users) if upper == joined else tuple(map(str.upper, users))
    return ids, tuple(itertools.compress(range(len(texts)), keep)) if at else None, at, upper


def _user_defs(
    modules: tuple[ast.Module, ...],
) -> tuple[list[UserList], list[PatternDef], list[Group], frozenset[str]]:
    """The user lists (explicit `user` statements first), the patterns, the groups,
    and every ID the lists declare (`Model._declared`)."""
    explicit: list[UserList] = []
    listed: list[UserList] = []
    patterns: list[PatternDef] = []
    groups: list[Group] = []

    def take(decls_users, decls_groups, module: str) -> None:
        for d in decls_users:
            role = d.role.text.lower() if d.role else None
            ids, users_at, at, text = _split_names([w.text for w in d.names], [])
            for i in at:
                w = d.names[i]
                patterns.append(PatternDef(w.upper, d.kind, role, w.span, d.kind_span, "user", module))
            explicit.append(UserList(ids, d.kind, role, d.kind_span, "user", module, d, users_at, text))
        for g in decls_groups:
            origin = f"group {g.name.upper}"
            ids, users_at, at, text = _split_names(*g.entry_texts())
            for i in at:
                w = g.entries[i].word
                patterns.append(PatternDef(w.upper, g.kind, None, w.span, g.kind_span, origin, module))
            listed.append(UserList(ids, g.kind, None, g.kind_span, origin, module, g, users_at, text))
            pats = tuple(p.pattern for p in patterns[len(patterns) - len(at) :])
            # A pattern named twice (BKR416) is one pattern of the group; an ID, below.
            groups.append(Group(g.name.upper, g.kind, ids, tuple(dict.fromkeys(pats)), g, module))

    # The reverse of the load order (`loader.Program.modules`: the main file, then
    # the imports depth first, each module where it is first imported): the main
    # file's declarations come last, and each imported module's after those of
    # the modules first read through it (std/zvm-common's before std/zvm73's).
    # It is no library-before-site order: `import std/zvm73` above
    # `import ./site/common` puts the site's declarations before the library's,
    # below it after. The first declaration, else the first pattern that matches,
    # gives a user's kind (`Model.kind_of`), so where a site's module and the
    # library give an ID two kinds, which is first follows the import order; the
    # checks that report it at the site's declaration whichever is imported
    # first (BKR202's note, BKR203, BKR204) sort for it themselves.
    for module in reversed(modules):
        take(module.users, module.groups, module.file)
        for c in module.clusters:
            take(c.users, c.groups, module.file)
    # An explicit `user` declaration is the authority for a user's kind; group
    # entries that only mention an already-declared user come after it.
    lists = explicit + listed
    # An ID a group names twice (BKR416) is one user of the group. Only where some
    # ID is declared twice can a group name one twice: the set of every ID, which
    # the checks read anyway (`Model._declared`, handed on), says so without a
    # dictionary of each group's thousands of IDs in every run.
    declared = frozenset(itertools.chain.from_iterable(lst.ids for lst in lists))
    if len(declared) != sum(len(lst.ids) for lst in lists):
        groups = [
            Group(g.name, g.kind, tuple(dict.fromkeys(g.users)), g.patterns, g.decl, g.module) for g in groups
        ]
    return lists, patterns, groups, declared


def build_model(modules: list[ast.Module] | tuple[ast.Module, ...]) -> Model:
    """Resolve names across the main module (first) and everything it imports."""
    modules = tuple(modules)
    main = modules[0] if modules else None
    clusters = tuple(c for m in modules for c in m.clusters)
    cluster = main.clusters[0] if main and main.clusters else (clusters[0] if clusters else None)

    user_lists, pattern_defs, groups, declared = _user_defs(modules)

    members: list[MemberModel] = []
    seen_members: set[str] = set()
    if cluster is not None:
        for member in cluster.members:
            name = member.name.upper
            ordinal = len(seen_members) + (0 if name in seen_members else 1)
            seen_members.add(name)
            workers = member.settings_named("workers")
            suffix = member.settings_named("job-suffix")
            volumes = tuple(w.upper for s in member.settings_named("private-volume") for w in s.values)
            named: dict[str, str] = {}
            for given in member.settings_named("subconfig"):
                if len(given.values) == 2 and given.values[0].text and given.values[1].text:
                    named.setdefault(given.values[0].upper, given.values[1].upper)
            members.append(
                MemberModel(
                    name=name,
                    ordinal=ordinal,
                    workers=_int(workers[0].values[0]) if workers and workers[0].values else None,
                    private_volumes=volumes,
                    job_suffix=suffix[0].values[0].upper if suffix and suffix[0].values else str(ordinal),
                    excludes=tuple(s for s in member.selections if s.action is ast.Action.EXCLUDE),
                    decl=member,
                    subconfig_names=tuple(named.items()),
                )
            )

    partial = Model(
        cluster=cluster,
        main_file=main.file if main else "",
        modules=modules,
        clusters=clusters,
        user_lists=tuple(user_lists),
        pattern_defs=tuple(pattern_defs),
        groups=tuple(groups),
        members=tuple(members),
        jobs=(),
        catalogs=(),
        expires=(),
        tapes=(),
        settings=cluster.settings if cluster else (),
        disks=cluster.disks if cluster else (),
    )
    partial.__dict__["_declared"] = declared  # made for the groups above: not made twice
    if cluster is None:
        return partial

    member_names = partial.member_names
    jobs = []
    for job in cluster.jobs:
        refs = []
        for backup in job.backups:
            for word in backup.groups:
                group = partial.group(word.upper)
                user = None if group is not None else partial.user(word.upper)
                pattern = None
                if group is None and user is None and not is_pattern(word.text) and len(word.text) <= 8:
                    pattern = partial.pattern_for(word.upper)
                refs.append(BackupRef(word, group, user, pattern))
        # A `backup` line without a level is `full` (docs/language.md), each line on
        # its own; lines that disagree are BKR118's error.
        level = (job.backups[0].level or ast.Level.FULL) if job.backups else ast.Level.FULL
        run = job.runs[0] if job.runs else None
        each = bool(run and run.placement.each_member)
        placed = member_names if each else tuple(w.upper for w in run.placement.members) if run else ()
        jobs.append(
            JobModel(
                name=job.name.upper,
                decl=job,
                refs=tuple(refs),
                level=level,
                includes=tuple(s for s in job.selections if s.action is ast.Action.INCLUDE),
                excludes=tuple(s for s in job.selections if s.action is ast.Action.EXCLUDE),
                target=job.targets[0] if job.targets else None,
                run=run,
                each_member=each,
                members=placed,
                description=_unquote(job.descriptions[0].values[0])
                if job.descriptions and job.descriptions[0].values
                else None,
            )
        )

    expires = tuple(
        ExpireModel(
            each_member=e.placement.each_member,
            # a member named twice in the list (BKR416) expires there once
            members=member_names
            if e.placement.each_member
            else tuple(dict.fromkeys(w.upper for w in e.placement.members)),
            preview=e.previews[0] if e.previews else None,
            purge=e.purges[0] if e.purges else None,
            retain_days=_int(e.retains[0]) if e.retains else None,
            decl=e,
        )
        for e in cluster.expires
    )

    catalogs = []
    for c in cluster.catalogs:
        home = c.home[0].upper if c.home else None
        if home is None and c.scope is ast.Scope.SHARED:
            # The SFS server's home defaults to the purging member, else the first member.
            purgers = [m for e in expires if e.purge is not None for m in e.members]
            home = purgers[0] if purgers else (member_names[0] if member_names else None)
        catalogs.append(
            CatalogModel(
                scope=c.scope,
                server=c.server[0].upper if c.server else None,
                server_span=c.server[0].span if c.server else None,
                pool=c.pool[0].upper if c.pool else None,
                home=home,
                decl=c,
                logon_wait=_stated_wait(c.logon_waits, DEFAULT_LOGON_WAIT, LOGON_POLL_SECONDS),
                pool_wait=_stated_wait(c.pool_waits, DEFAULT_POOL_WAIT, POOL_POLL_SECONDS),
            )
        )

    tapes = []
    for t in cluster.tapes:
        cat = t.catalog_nodes[0] if t.catalog_nodes else None
        req = t.request_nodes[0] if t.request_nodes else None
        cat_dmm = t.catalog_dmms[0] if t.catalog_dmms else None
        req_dmm = t.request_dmms[0] if t.request_dmms else None
        tapes.append(
            TapeModel(
                scope=t.scope,
                catalog_node=cat.name.upper if cat else None,
                catalog_node_span=cat.name.span if cat else None,
                catalog_member=cat.member.upper if cat and cat.member else None,
                request_node=req.name.upper if req else None,
                request_node_span=req.name.span if req else None,
                catalog_dmm=cat_dmm.name.upper if cat_dmm else None,
                catalog_dmm_span=cat_dmm.name.span if cat_dmm else None,
                request_dmm=req_dmm.name.upper if req_dmm else None,
                request_dmm_span=req_dmm.name.span if req_dmm else None,
                decl=t,
            )
        )

    partial.jobs = tuple(jobs)
    partial.expires = expires
    partial.catalogs = tuple(catalogs)
    partial.tapes = tuple(tapes)
    return partial
