"""Values: minidisk addresses and ranges, times, days, retention, counts, units, SFS paths (BKR310-BKR318), SFS file pools close to the catalog's (BKR339), volume sizes (BKR336), BKRSTART's waits (BKR337, BKR338), escapes in quoted texts (BKR019), a `link` statement's mode (BKR343)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from bkrdsl import ast
from bkrdsl.check.common import (
    Suggester,
    alternatives,
    block_selections_of,
    disk_int,
    listed,
    mean_fix,
    mean_help,
    quoted,
    selections_of,
    small_int,
    swapped_disk,
    valid_user_or_pattern,
)
from bkrdsl.check.registry import PARTIAL, check
from bkrdsl.diagnostics import Diagnostic, Edit, Fix, Related
from bkrdsl.diagnostics.registry import register
from bkrdsl.resolve.model import (
    DEFAULT_LOGON_WAIT,
    DEFAULT_POOL_WAIT,
    DISK_UNIT_LIMITS,
    DISK_UNITS,
    LAST_DAY,
    LINK_MODES,
    LOGON_POLL_SECONDS,
    MAX_WAIT_SECONDS,
    MAX_WORKERS,
    POOL_POLL_SECONDS,
    WAIT_UNITS,
    WEEKDAYS,
    Model,
    parse_address,
    parse_address_range,
    parse_disk_unit,
    parse_time,
    parse_volume_size,
    parse_weekday,
    volume_size_problem,
    worker_ids,
)
from bkrdsl.source import Span, span_through
from bkrdsl.syntax.fast import (  # the recovery's fixes read times as BKR313 does, sizes in bytes as BKR317
    BYTE_UNITS,
    BYTES_PER,
    day_after,
    size_in,
    time_meant,
)

INVALID_ADDRESS = register(
    "BKR310",
    "invalid-address",
    "error",
    "a minidisk address that is not 1-4 hexadecimal digits",
    """
    A minidisk's virtual device address is 1 to 4 hexadecimal digits (0-9,
    A-F): 191, 0191, 0A00. A selection takes addresses, ranges `FIRST-LAST`
    (inclusive) and `*` for every address; a `disk` statement takes one
    address, after the user ID: `disk 191 BKRBKUP` (the address first, as in
    some directory tools) is reported once as the two the wrong way round,
    with a fix that swaps them. So is a selection whose owner, a user ID or
    pattern, stands after an address where the owner goes (`exclude
    minidisk 0200-02FF LNX*`): one error for the statement, not BKR301 for
    the range read as a user ID as well; the owner is judged (BKR116,
    BKR406) once it stands first. (`*` after an address, `include minidisk
    0191 *`, is BKR406's or BKR116's, which write the line the right way.)
    So is every owner written in English with addresses after it (`exclude
    minidisk ALL 0190`, `include minidisk all all`), where the files declare
    no user ALL: the help and fix write `*` for it, and for an address so
    written (`include minidisk * *`; an exclude of every address, which
    would leave the job nothing, gets no fix). So is a selection whose
    owner was left out, a range of addresses in its place and addresses
    after it (`include minidisk 0191-01FF 0200`): one error, not BKR301 for
    the range read as a user ID nor BKR413 for an exclude it seems to miss,
    whose fix writes `*`, every user of the job, before the range. So is
    a four- or three-digit address in the owner's place, addresses after
    it, where no user or pattern the files declare is that address
    (`include minidisk 0191 0200`, `include minidisk 191 200`, as CP
    accepts it): a user called 0191 is far less likely than the
    owner left out, and the help says the files declare none. So is
    a word for "but not" among an include's addresses (`include minidisk *
    0191-01FF except 0195`, or `excluding`, `without`, `minus`): one error,
    not BKR312 for the addresses after it, whose fix writes them as the
    `exclude` statement they are, with the include's owner, on the next line.
    A range without its last address (`0191-`) is named for it: where an
    address follows after a blank (`0191- 0200`) the fix joins the two
    (`0191-0200`); alone, the help offers a range or the single address
    (`0191`), each a choice.
    A range whose addresses are joined as other tools join them (`0100:0FFF`,
    `0100..0FFF`) is named for it: the message writes it FIRST-LAST
    (`0100-0FFF`), and so does the fix (in reverse order, `0FFF:0100`, the
    right way round, but where that range would share addresses with
    another include of the owner's, as BKR311 says of a reversed range). A `.` alone is not
    read so: CP writes `0100.16` for sixteen devices from 0100. An address
    (in a selection or a `disk` statement) written with a slip that leaves
    no doubt, the letter O for the digit 0 beside other digits (`O191`, not
    `OFF`), zeros before its last four digits (`00191`) or C's prefix
    (`0x0191`), gets a help and fix that write it (`0191`), with its line;
    another word (`0G00`, `10000`) says what an address is.

    A selection's addresses run on over line breaks, so a word that starts a
    line after them and is neither an address nor a keyword (`exclude
    minidisk * 0190 019D 019E`, then `frobnicate`) is read as one more
    address; the writer most likely began a statement there that the block
    does not know. The error says both readings, and names the statements
    the block takes; the words after it on its line that are no addresses
    either (`frob 35 days`) are that one slip. (A keyword misspelt there,
    `exlude`, is BKR012's, and so is another block's, `keep 35 days`, where
    its line reads as that statement; another block's statement, `retain
    35 days`, is BKR013's.) A tape's own setting there, in a job, as JCL
    writes it (`density 6250`, `label SL`, `expdt 30`, `retpd 30`, in small
    letters), is one error for its line, which says so, whose help is the
    one the parsers give it on a line of its own elsewhere in a job: volume
    labels, density and retention are Tape Manager's configuration, and a
    job names its pool alone, `to tape pool NAME` (in a job that writes to
    disk: a disk pool takes none of them). An SFS selection's paths run on
    so too, and such a line there is BKR318's, with the same words.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * 0191 0G00 10000   # <- BKR310
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    `0G00` is not hexadecimal and `10000` has five digits.

    Fix: `include minidisk * 0191 0A00`.
    """,
)

REVERSED_RANGE = register(
    "BKR311",
    "reversed-range",
    "error",
    "an address range whose first address is above its last",
    """
    An address range `FIRST-LAST` covers the addresses from FIRST up to LAST.
    When FIRST is above LAST the range is empty, so the selection silently
    selects nothing (or excludes nothing).

    The fix writes the two addresses the other way round (`0100-0FFF`),
    for `bkrc check --fix` and the editor to apply. No fix is offered when
    the range so turned would share addresses with another `include` (or
    `exclude`) of the same owner in the block (BKR312): either an address
    was mistyped rather than the order (`0100-01FF 0200-0100`), and the help
    names the range it would overlap, or what it covers is to go too (`0191
    0FFF-0100`: write `0100-0FFF` and delete `0191`), which only the writer
    knows. Nor when the end has fewer digits than the start (`0100-0F`): as
    an editor checks each keystroke, that is an end being typed (`0100-0FFF`),
    or one cut short, and `0F-0100` would be a range of other addresses; the
    help says to write the end in full, or to turn the two round.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * 0FFF-0100   # <- BKR311
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `include minidisk * 0100-0FFF`.
    """,
)

OVERLAPPING_RANGES = register(
    "BKR312",
    "overlapping-ranges",
    "warning",
    "two address ranges of one owner overlap, or SFS paths are named twice, within a job's includes or excludes",
    """
    Two includes (or two excludes) of the same owner in one job that share
    addresses say the same thing twice. It is harmless for Backup Manager but
    usually a typo: one of the ranges was meant to be another. It is one
    warning for each statement and the one it overlaps, naming all the
    addresses they share (`0150` and `0151` in `include minidisk * 0150 0151`
    after `include minidisk * 0100-01FF`); a statement written twice (a line
    duplicated) is one warning that says so, at the second. An `include sfs`
    or `exclude sfs` that names the same paths as an earlier one of its block
    is that warning too; SFS paths that only overlap are not compared. One
    statement that names an address or a path twice (`include minidisk *
    0191 0191`, `include sfs BKRPOOL:CICSPRD.* BKRPOOL:CICSPRD.*`, in any
    case) says it is named twice: the template selects it once, and the
    repeat is usually a slip for another address or path. A
    statement whose owner `*` and first address are the other way round
    (`exclude minidisk 0190 * 019D`) is BKR406's, which writes it the right
    way: its `*` is not an address that overlaps the others. The help says
    the edit by its line: the line deleted where the earlier ranges cover
    every address it names (taking its one address out would leave
    `include minidisk *`, a syntax error), and the covered words taken out
    of it where they cover some; ranges that only overlap are the site's to
    correct.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * 0100-01FF
            include minidisk * 0150   # <- BKR312
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: delete the line `include minidisk * 0150`, whose one address
    `0100-01FF` includes already, or correct the range.
    """,
)

INVALID_TIME = register(
    "BKR313",
    "invalid-time",
    "error",
    "a time of day that is not HH:MM between 00:00 and 23:59",
    """
    Schedules (`daily`, `weekly`, `monthly`, expiry `preview` and `purge`)
    take a time of day as `HH:MM` on a 24-hour clock: 00:00 to 23:59 (a
    one-digit hour such as `2:00` is accepted). The generated EXECs and
    schedules compare times as written, so 24:00, 7:5 or 02:60 would never
    match. A time written another way that reads only one way (`2am`,
    `2pm`, `14h`, `22:00h`, `0200`, `2.30`, `noon`) is answered with the schedule to write,
    `daily 14:00` for `daily 2pm` (a `weekly` schedule's days written as one
    word, `mon-fri`, BKR314 too, one by one: `weekly mon,tue,wed,thu,fri
    22:00` for `weekly mon-fri 10pm`); so is one after a `@` glued to it, which
    stands for `at` (`daily @02:00`: the fix writes `02:00`). `24:00` is midnight, `00:00`: `daily 24:00`
    (or `daily midnight`) gets the fix that writes `00:00` (a weekly or monthly
    schedule's day would change with it: the help writes the day after where a
    schedule names it, `weekly sun 24:00` `weekly mon 00:00`; where none does,
    `monthly 31 24:00`, the 1st after a month of 31 days only, or `monthly 28
    24:00` to `monthly 30 24:00`, the next day's number or, in a month that
    short, the 1st, two choices, neither the same: `monthly 1 00:00`, as every
    month starts, and `monthly 31 00:00`, as the day written starts, a day
    earlier; `monthly first sun 24:00`, `monthly first sun 00:00`); a minute of one digit
    (`2:5`, also `2.5`, with `.` for `:`) gets a help with both readings, `daily
    02:05` and `daily 02:50`, each a choice (one where the figure is 0, `2:0`,
    which the fix writes, `02:00`), each
    time as `bkrc show` prints it, two digits to the hour; an hour and its `:`
    with no minutes (`daily 03:`, as a time stands while it is typed) gets
    "the minutes are missing after the `:`: write `daily 03:MM`, `daily 03:00`
    on the hour", `03:00` a choice. A time past the clock's
    end reads as the time it comes to, said in the help and offered as a choice,
    not a fix (either may be a slip of the keys): `2:60` is `03:00`, `25:00` the next day's `01:00`, the
    day after written where a schedule names it (`weekly sun 25:00` is `weekly mon
    01:00`, `monthly last-day 25:00` `monthly 1 01:00`; after `monthly first sun`
    or `monthly 28` to `monthly 31`, whose next day no schedule names, the help
    says to write a time of its day),
    also with `.` for `:` (`daily 25.00`), the help saying the `:` as well, and
    with a minute of one digit (`daily 25.5`: the next day's `01:05` or `01:50`);
    two days or more past it (`daily 48:00`), it has no reading: the help writes
    the statement with HH:MM for the time (`run on DEV1 daily HH:MM`), no mend.
    A time window where the start time goes (`daily 02:00-04:00`) gets the fix
    that writes its start, `daily 02:00`: a schedule gives when it starts, and
    what is scheduled runs until it is done.
    An hour alone (`daily 7`) is read on the 24-hour clock, `daily 07:00`, the
    help adding that 7 p.m. is `19:00`, and fixed only where no other reading
    is (`daily 14`, `daily 0`; `daily 12` is noon or midnight, `00:00`, each a
    choice, as `at 12` is); after `weekly` and a day, an hour from 0 to 7
    may be a day as a crontab numbers it (`weekly sat 7`), which the help
    writes too, `weekly sat,sun HH:MM`. A day of the week where the
    time goes, the time left off (`weekly fri sat`, `monthly first sun
    sat`), is a second day read as the time: the error says so, and its help
    writes the days with their `,` (`weekly fri,sat HH:MM`), or, as a
    `monthly` schedule names one day, the first with the time.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 24:00   # <- BKR313
          }
        }

    Fix: `run on VMSYS1 daily 00:00` (midnight is the start of a day).
    """,
)

INVALID_DAY = register(
    "BKR314",
    "invalid-day",
    "error",
    "a weekday name or day of the month that does not exist",
    """
    `weekly` takes weekday names separated by commas: `mon`, `tue`, `wed`,
    `thu`, `fri`, `sat`, `sun` or the full names (`monday` ...), in any case.
    `monthly` takes a day of the month from 1 to 31, its number alone, or
    `last-day`, the month's last day (`monthly last-day 23:00`): a day
    written as English writes it (`monthly 1st 02:00`) is one error whose fix
    writes the number (`monthly 1 02:00`; for the 29th to the 31st, `monthly
    31st 02:00`, its help says too that `monthly 31` skips the shorter months,
    BKR404, and that `monthly last-day 02:00` runs on each month's last day),
    and `monthly last day 23:00`, whose `day` is no weekday of `monthly last`,
    one whose fix writes `monthly last-day 23:00`; so does the one word spelt
    otherwise, `monthly lastday 23:00`, `last_day` or `last-dy`, or as other
    schedulers write it, cron's and Quartz's `monthly L 23:00`, `eom` or `end`
    (the help saying `L` is cron's). The Nth
    weekday as one word (`monthly first-sunday 02:00`, `last-sat`, `1st_sun`)
    is one error that says it is two words, whose fix writes them
    (`monthly first sun 02:00`, `monthly last sat 02:00`; without the time,
    the parser's BKR010 says both). Another word where the
    day goes (`monthly now 23:00`) gets a help that writes `monthly N 23:00`
    or `monthly last-day 23:00`. The day comes before
    the time: `weekly 22:00 sat` is one error, whose help (and fix) writes
    `weekly sat 22:00`. Several days are listed one by one: a range
    (`weekly mon-fri 02:00`, also `mon..fri`) and `weekdays` or `weekend`
    are one error each, whose fix writes the days (`mon,tue,wed,thu,fri`,
    `sat,sun`); a range runs on past Sunday (`fri-mon`), and days joined by
    `+` (`weekly sat+sun 02:00`) one error whose fix writes the `,`
    (`sat,sun`); where the time is no time of day too (BKR313), the help
    writes the time BKR313 writes for it (`weekly mon-fri 10pm`: `weekly
    mon,tue,wed,thu,fri 22:00`), or HH:MM (`now`). A range with a blank after its `-` and the time left off
    (`weekly mon- fri`, `mon-` read as a day and `fri` as the time) is one
    error, which says the time is missing, as the parser says of `weekly mon
    - fri` (BKR010): its help writes `weekly mon,tue,wed,thu,fri HH:MM`, no
    fix. A day by its number,
    as a crontab counts them (`weekly 7 02:00`), is one error whose help
    names the day (`weekly sun 02:00`: 0 and 7 are Sunday, 1 Monday), with
    no fix, since other counts start the week at Sunday; several numbers
    (`weekly 6,7 02:00`) are one error that names each, whose help names
    every day (`weekly sat,sun 02:00`); so are numbers without their `,`
    and without the time (`weekly 6 7`, the last read as the time), whose
    help writes `weekly sat,sun HH:MM` (with the time, `weekly 6 7 02:00`,
    BKR004). `monthly first sun
    02:00` (also `second`, `third`, `fourth`, `last`) takes one weekday, by
    name as `weekly` does; `monthly first 02:00 sun`, the time before the day,
    is one error whose fix writes `monthly first sun 02:00`. With the time
    left off, an ordinal the grammar does not take is read as the day of the
    month and the weekday as the time: `monthly 1st sun` is one error on
    `1st` whose fix writes `first` (its help `monthly first sun HH:MM`), and
    `monthly fifth sun` (or `5th`) one error that says not every month has a
    fifth Sunday, whose help writes `monthly last sun HH:MM`, without a fix;
    English after `weekly` (`weekly on monday`, `weekly every monday`) is
    read as the day `on` and the time `monday`: one error, whose help writes
    `weekly mon HH:MM`, without a fix (the time was not written). With the
    time, all are BKR004. The day left out before the time, and a word
    after it that is no time and no day (`purge weekly 03:00 retain`, the
    next statement begun on the line), reads the time as the day and the
    word as the time: one error, which says the day is missing (as BKR010
    does where no word follows), with no fix, not also BKR313 for the word.
    A retention where a `weekly` or `monthly` schedule has its day and its
    time (`purge weekly 35 days`, `purge monthly 5 weeks`) reads its number as
    the day and its unit as the time: one error for both, which says that the
    schedule needs its day, then its time (`weekly DAY HH:MM`), and that the
    retention is a statement of its own, `retain 35 days` (weeks counted in
    days); on a job's `run` line (`run on VMSYS1 weekly 35 days`), that a job
    keeps no retention, which is the expire block's. No fix, the day and the
    time being a choice; not also BKR313 for `days`, nor a crontab's Friday
    for `weekly 5 weeks`. With a word before the number (`purge weekly keep
    35 days`) the parser says the same (BKR004).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 weekly sun,thurs 02:00   # <- BKR314
          }
          job APPSINC  {
            backup APPS incremental
            include minidisk * *
            to disk
            run on VMSYS1 monthly 32 04:00   # <- BKR314
          }
        }

    Fix: `weekly sun,thu 02:00`; `monthly 1 04:00`.
    """,
)

INVALID_RETENTION = register(
    "BKR315",
    "invalid-retention",
    "error",
    "a retention period that is not a whole number of days from 1 to 36500",
    """
    `retain N days` in the expiry block says how long backups stay in the
    catalog before `EXPIRE (PURGE` removes them. N is a whole number of days
    from 1 to 36500 (100 years); 0 would purge every backup at the next
    expiry run. (bkrc writes the value into BKREXPIR's header only: how
    Backup Manager is told its retention could not be confirmed, so the
    EXEC sends none; keep the product's setting the same.)

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 0 days }   # <- BKR315
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `retain 35 days`.
    """,
)

INVALID_NUMBER = register(
    "BKR316",
    "invalid-number",
    "error",
    "a count or size that is not a whole number in its range",
    """
    Counts and sizes are whole numbers: `workers N` is 1 to 64, the most
    workers Backup Manager runs (IBM APAR PH50490: "64 workers, which is the
    max allowed"); a `disk` size is at least 1; a `disk ... at START` extent
    start is 0 or more. A minidisk fits on the largest volume of its unit: a
    3390 has at most 1,182,006 cylinders (an extended address volume, 3390
    Model A, about 1 TB, the largest z/VM supports), and an FBA volume's
    blocks have 32-bit numbers, so at most 4,294,967,296 of them; the extent
    (START and SIZE) ends on such a volume. A size written unit first
    (`size cyl 10`) is one error, whose fix writes `size 10 cyl`, not also
    BKR317 for `10` as a unit. Worker IDs written for the count, as a
    template or the directory names the machines (`workers BKRWRK04`,
    `workers BKRWRK01-BKRWRK04`), are the count of the last one: the fix
    writes `workers 4`, and bkrc names the workers BKRWRK01 to BKRWRK04 on
    every member.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 120 }   # <- BKR316
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `workers 12`.
    """,
)

UNKNOWN_UNIT = register(
    "BKR317",
    "unknown-disk-unit",
    "error",
    "a minidisk size unit other than cylinders or blocks",
    """
    A `disk` size is given in cylinders (`cyl`, `cyls`, `cylinders`) for
    CKD/ECKD DASD such as 3390, or in 512-byte blocks (`blk`, `blks`,
    `blocks`) for FBA DASD, as in the MDISK statement. A size in bytes, as
    storage is written (`size 10 MB`, `M`, `KB`, `GB`, binary as CP counts
    storage: 1 MB is 1,048,576 bytes), is said in both units, rounded up so
    the minidisk holds it: a 3390 cylinder formatted in 4 KB blocks (CMS
    FORMAT, Linux's dasdfmt: 180 a cylinder) holds 737,280 bytes (849,960
    unformatted), an FBA block 512, so 10 MB is 15 cylinders or 20,480
    blocks. Where the volumes the minidisk goes on say their kind (a stated
    size, `M1PRV1 3390-9`, or the unit the other minidisks on them are sized
    in, as BKR247 reads it) the fix writes that unit; else each is a choice.
    A size in tracks (`trk`, `tracks`) is counted in cylinders of 15 tracks,
    rounded up: the help writes `size 1 cyl` for `size 10 tracks` (it said
    to use `cyl`, which, for the word alone, made the minidisk 15 times the
    size written).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  private-volume M1PRV1 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          disk BKRBKUP 191 size 10 tracks   # <- BKR317
          disk BKRCATLG 191 size 10 cyl
          disk BKRWRK* 191 size 5 cyl
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `disk BKRBKUP 191 size 1 cyl`, 10 tracks in cylinders of 15,
    rounded up; or `size 10 cyl`, as BKRCATLG's, if cylinders were meant.
    """,
)

INVALID_SFS_PATH = register(
    "BKR318",
    "invalid-sfs-path",
    "error",
    "an SFS path that is not POOL:USER.DIR...",
    """
    An SFS selection names directories the way CMS does: the file pool, a
    colon, the owner's user ID, then the directory names, each after a dot
    (`BKRPOOL:CICSPRD.LOGS`). The file pool ID is 1 to 8 letters and digits
    starting with a letter, and must be there: a job runs on the backup
    server, whose default file pool is not the owner's. For a path without
    it (`CICSPRD.LOGS`) the help writes the pool of the statement's other
    paths, or else the one pool the cluster names, in front (a guess, so
    without a fix); where the path is the statement's last word and begins
    a file pool the cluster names (`include sfs B`, `BKRPOOL`, as an editor
    checks it while it is typed), the help says it is that pool, with its
    `:` to write. The user ID is 1 to
    8 user ID characters, each directory name 1 to 16 characters from A-Z
    0-9 `$ # @ + - : _`, at most 8 levels deep, none empty; the user ID and
    the directory names may hold the wildcards `*`, `%` and `?`. A path is
    one word: a blank after its `:` (`BKRPOOL: CICSPRD.*`) splits it into a
    pool without a user ID and a path without a pool, reported as one error
    whose fix removes the blank. So is a file pool the cluster names (the
    catalog's, or another path's), or one of z/VM's own (`VMSYS`, `VMPSFS`,
    `VMSYSU`, `VMSYSR`), written with a blank for its `:` (`BKRPOOL CICSPRD.*`,
    `VMSYSU JOHN.*`), whose fix writes the `:`; and a pool named nowhere
    else, before a path whose user ID holds a wildcard (`USERPOOL *.*`,
    `USERPOOL CICS*.LOGS`), where the pool's word is no user the files
    declare: such a path names no one user's directories. Before a path of
    one user's (`USERPOOL JOHN.*`) the two words are two paths, each
    without its pool. The word `pool` before a path, as the catalog names its
    pool, or CMS's `filepool` (`include sfs FILEPOOL BKRPOOL:CICSPRD.*`), is
    one error whose fix removes it. A path with no user ID
    after its `:` (`BKRPOOL:.*`) is reported as naming none. A `.` comes
    only before a directory name: CMS writes a file space's top directory
    with a `.` after the user ID (`BKRPOOL:CICSPRD.`), which a .bkr path
    does not (write the user ID alone, `BKRPOOL:CICSPRD`, or directories
    after it, `BKRPOOL:CICSPRD.*`; Backup Manager's SFS records are
    assumed, see compatibility.md); a `.` after the last directory name
    (`BKRPOOL:CICSPRD.LOGS.`) is one too many, and a fix removes it. A
    template's SFS record pasted (`INCLUDE SFS BKRPOOL:CICSPRD. * *`: a
    directory, then its files' name and type, `*`) is one error whose fix
    writes the directory alone (`BKRPOOL:CICSPRD`).
    A path whose user ID cannot be read (no pool, split, none after the
    `:`, or too long) is this error alone, also when it is the job's only
    include: not BKR116's "selects nothing" as well (whose user it names
    is judged once it is mended). A statement whose words are a minidisk
    owner and addresses (`include sfs * 0191`, `exclude sfs LINUX01
    0190-019F`) has `sfs` written for `minidisk`: one error for the
    statement, whose fix writes `minidisk`, not one for each word; and no
    BKR413 for the job's excludes until it is mended. Two or more words
    in a row after a path that read as prose, each with a small letter
    and no `:` or `.` (`include sfs BKRPOOL:MAINT.BKUP foo bar baz`), are
    more likely a comment written without its `#`, or another statement's
    words, than as many paths each without its pool: one error for the
    run, whose help says so, with no fix (which of the two it is is the
    user's to say). A word in capitals or with a `.` reads as a path, and
    so does a word alone after the paths (`logs`): one error for each,
    whose help writes the pool in front. A tape's own setting in small
    letters starting a line after a job's paths (`density 6250`, `label
    SL`) is one error for its line, which says so, with the help a line of
    its own gets elsewhere in a job (BKR310 says the same after minidisk
    addresses).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group CICS { CICSPRD }
          job CICSFULL {
            backup CICS full
            include sfs CICSPRD.LOGS BKRPOOL:CICSPRD..OLD   # <- BKR318
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `include sfs BKRPOOL:CICSPRD.LOGS BKRPOOL:CICSPRD.OLD`.
    """,
)

SFS_POOL_NEAR_MISS = register(
    "BKR339",
    "sfs-pool-near-miss",
    "warning",
    "an SFS path names a file pool the cluster does not declare, closest to the catalog's: a misspelling",
    """
    An SFS path names its file pool (`BKRPOOL:CICSPRD.*`). A site has other
    file pools than the catalog's (z/VM's own VMSYS, VMSYSU, VMSYSR and
    VMPSFS, and its own), so a pool the file does not declare is not an
    error. But one that is not declared anywhere (not a `catalog ... pool`,
    not a `to disk pool` or `to tape pool`, not one of z/VM's) and whose
    name is closest to the catalog's pool, not as close to any other
    declared pool, is most likely that pool misspelt (`BKRPOL:CICSPRD.*` beside `catalog
    shared server BKRSVSFS pool BKRPOOL`): the job then backs up nothing of
    that path, and Backup Manager says so only when it runs. "Closest" is
    that of every "did you mean" of bkrc (difflib's ratio, at least 0.6,
    one pool closest, not two or three as close), and then only a name one
    slip away from it is reported: one letter left out, added or changed, or
    two neighbours swapped (`BKRPOL`, `BKRPOOLL`, `BKRP0OL`). Pool names
    share their `POOL`, so a pool of the site's own such as `WEBPOOL` is
    close to BKRPOOL by that ratio, and not reported. A name that differs
    from the declared one only in its digits at the end (`BKRPOOL2`,
    `POOL1` beside `POOL2`) is taken as a pool of a numbered series, not a
    misspelling, and not reported either. The warning is at
    the pool's name, in an include or exclude of a job or of a member
    block, and its fix writes the declared pool's name. A path that is not
    POOL:USER.DIR is BKR318's, not this warning as well.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group CICS { CICSPRD }
          job CICSFULL {
            backup CICS full
            include sfs BKRPOL:CICSPRD.*   # <- BKR339
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `include sfs BKRPOOL:CICSPRD.*`.
    """,
)

UNKNOWN_ESCAPE = register(
    "BKR019",
    "unknown-escape",
    "warning",
    "a backslash in a quoted text before a character other than `\"` or `\\`",
    """
    In a quoted text (`description "..."`) a backslash makes the next
    character plain: `\\"` is a quote mark inside the text and `\\\\` a
    backslash. Those are the only escapes. Before any other character the
    backslash is dropped, so `\\t` is the letter `t`, not a tab, and the
    path `C:\\TEMP` comes out as `C:TEMP`. The generated files are CMS
    records of printable characters, which have no tabs or line breaks to
    give.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          description "copies of C:\\TEMP\\n, kept a week"
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: write `\\\\` for a backslash, and nothing for a tab or a new line:
    `description "copies of C:\\\\TEMP, kept a week"`.
    """,
)

#: SFS: directory names of at most 16 characters, at most 8 levels below the top directory.
SFS_DIR_LENGTH = 16
SFS_DEPTH = 8
_SFS_POOL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_SFS_DIR_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789$#@+-:_*%?")
_USER_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@#$_-*%?")


#: A day of the week by its number, as a crontab counts them (`weekly 7 02:00`).
_CRONTAB_DAYS = {"0": "sun", "1": "mon", "2": "tue", "3": "wed", "4": "thu", "5": "fri", "6": "sat", "7": "sun"}


def _crontab_days(sched: ast.Schedule, numbered: list[ast.Word]) -> Diagnostic:
    """`weekly 7 02:00`, `weekly 6,7 02:00`: days by their numbers, as a crontab counts
    them. One error for all of them, at the numbers (from the first to the last when
    they share a line), whose help writes the schedule with every day named."""
    days = ",".join(dict.fromkeys(_CRONTAB_DAYS.get(d.text, d.text) for d in sched.days))  # 0 and 7: Sunday once
    meant = " ".join(p for p in ("weekly", days, sched.time and sched.time.text) if p)
    first, last = numbered[0], numbered[-1]
    if len(numbered) == 1:
        said = f"{quoted(first.text)} is not a day of the week"
    else:
        said = f"{listed([d.text for d in numbered], limit=len(numbered))} are not days of the week"
    return INVALID_DAY(
        f"{said}: `weekly` takes each day by name",
        span_through(first.span, last.span) if first.span.line == last.span.end_line else first.span,
        help=f"write `{meant}`, if the numbers count as a crontab's do (0 and 7 are Sunday, 1 is Monday)",
    )


def _crontab_day_read_as_time(sched: ast.Schedule) -> Diagnostic | None:
    """`weekly 6 7`: days as a crontab numbers them, without their `,` and without the
    time, so the last was read as the time. One error at the numbers, whose help names
    the days (not `weekly sat 7` with `7` not a time of day, two errors for one slip)."""
    if sched.frequency != "weekly" or sched.time is None or sched.time.text not in _CRONTAB_DAYS:
        return None
    if not sched.days or any(d.text not in _CRONTAB_DAYS for d in sched.days):
        return None
    from bkrdsl.syntax import messages  # the parser's words; loaded for a broken file only (test_startup)

    numbers = [d.text for d in sched.days] + [sched.time.text]
    first = sched.days[0]
    return INVALID_DAY(
        f"{messages.crontab_days_said(numbers)}: `weekly` takes each day by name, the days separated by"
        " commas, and the time of day (HH:MM) follows them",
        span_through(first.span, sched.time.span) if first.span.line == sched.time.span.end_line else first.span,
        help=f"write `weekly {messages.crontab_days_named(numbers)} HH:MM`, {messages.CRONTAB_COUNT}",
    )


def sfs_path_problem(text: str) -> str | None:
    """Why `text` is not an SFS path POOL:USER[.DIR...] (wildcards allowed after the pool), or None."""
    up = text.upper()
    pool, colon, rest = up.partition(":")
    if not colon:
        return f"SFS path {quoted(text)} names no file pool; write it POOL:USER.DIR"
    if not (1 <= len(pool) <= 8) or not pool[:1].isalpha() or set(pool) - _SFS_POOL_CHARS:
        return f"{quoted(pool)} is not an SFS file pool ID (1-8 letters and digits, starting with a letter)"
    user, *dirs = rest.split(".")
    if not user:
        return f"SFS path {quoted(text)} names no user ID after its `:`; write it POOL:USER.DIR"
    if len(user.replace("*", "")) > 8 or set(user) - _USER_CHARS:
        return f"{quoted(user)} in SFS path {quoted(text)} is not a user ID or user ID pattern"
    if len(dirs) > SFS_DEPTH:
        return f"SFS path {quoted(text)} is {len(dirs)} directories deep; SFS allows {SFS_DEPTH}"
    for d in dirs:
        if not d:
            return f"SFS path {quoted(text)} has an empty directory name"
        if len(d.replace("*", "")) > SFS_DIR_LENGTH or set(d) - _SFS_DIR_CHARS:
            return (
                f"{quoted(d)} in SFS path {quoted(text)} is not an SFS directory name"
                f" (1-{SFS_DIR_LENGTH} characters from A-Z 0-9 $ # @ + - : _)"
            )
    return None


MAX_RETAIN_DAYS = 36500


def _schedules(cluster: ast.Cluster) -> Iterator[tuple[str, ast.Schedule]]:
    """Each schedule, with its statement's words before it: `run on VMSYS1`,
    `run on each member`, `preview` or `purge`."""
    for job in cluster.jobs:
        for run in job.runs:
            if run.schedule is not None:
                where = run.placement
                members = "each member" if where.each_member else ", ".join(m.text for m in where.members)
                yield f"run on {members}", run.schedule
    for e in cluster.expires:
        for sched in e.previews:
            yield "preview", sched
        for sched in e.purges:
            yield "purge", sched


@check
def addresses(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    partial = PARTIAL.get()
    for kind, sel in block_selections_of(cluster, ast.Medium.MINIDISK):
        if partial and owner_undecided(sel, model):
            continue
        every = every_owner_meant(sel, model)
        if every:
            yield _every_owner(sel)  # `ALL ALL`: its one error; other addresses are judged as written
        owner = owner_after_addresses(sel)
        if owner is not None:
            yield _owner_after(sel, owner)
        if owner_left_out(sel, model):
            yield _owner_missing(sel, kind)
        excepted = except_word(sel)
        if excepted is not None:
            yield _except_in_include(sel, excepted)
        line = sel.owner.span.line if sel.owner is not None else sel.span.line
        said = None  # the line read as a statement, reported once (`_statement_read_as_address`)
        settings = tape_setting_lines(cluster, sel, kind)
        setting_end = 0
        for index, w in enumerate(sel.items):
            rng = parse_address_range(w.text)
            starts_line, line = w.span.line != line, w.span.line
            if index in settings:
                setting_end = settings[index][0]
                yield _tape_setting_read_as_items(sel, index, *settings[index])
            if index < setting_end:
                continue  # `density 6250` under the addresses: a tape's setting, said once
            if w is owner or (rng is None and line == said) or (every and w.text.lower() in _EVERY_WORDS):
                continue
            if excepted is not None and index == excepted:
                continue  # `except 0195`: said once, above
            if rng is None and starts_line and ast.STATEMENT_WORD.fullmatch(w.text):  # ast.statement_lines_in_addresses
                said = line
                yield _statement_read_as_address(sel, w, kind)
            elif rng is None and w.text.lower() in _EVERY_WORDS:
                yield _every_address(sel, w)
            elif rng is None:
                yield _range_joined_otherwise(w, cluster, sel) or _range_unended(sel, index) or _address_slip(
                    w, "address or range"
                ) or INVALID_ADDRESS(
                    f"{quoted(w.text)} is not a minidisk address or range",
                    w.span,
                    help="an address is 1-4 hex digits (0191); a range is FIRST-LAST (0100-0FFF); `*` is every address",
                )
            elif rng[0] > rng[1]:
                yield _reversed_range(cluster, sel, w, rng)
    for d in cluster.disks:
        if swapped_disk(d):
            span = span_through(d.user.span, d.address.span)
            meant = f"{d.address.text} {d.user.text}"
            yield INVALID_ADDRESS(
                f"`disk {d.user.text} {d.address.text}` has its address and user ID the wrong way round:"
                " the user ID comes first",
                span,
                help=f"write `disk {meant}`: the machine, then its minidisk's address",
                fix=Fix(
                    f"Write `{meant}`",
                    (Edit(d.user.span, d.address.text), Edit(d.address.span, d.user.text)),
                ),
            )
        elif parse_address(d.address.text) is None:
            yield _address_slip(d.address, "address") or INVALID_ADDRESS(
                f"{quoted(d.address.text)} is not a minidisk address",
                d.address.span,
                help="an address is 1-4 hex digits, e.g. 191 or 0191",
            )
    for setting in model.link_statements:
        parts = ast.link_parts(setting)
        for w in (parts[2], parts[3]) if parts is not None else ():
            if w is not None and w.text and parse_address(w.text) is None:
                yield _address_slip(w, "address") or INVALID_ADDRESS(
                    f"{quoted(w.text)} is not a virtual address",
                    w.span,
                    help="an address is 1-4 hex digits, as the owner's directory entry has it: e.g. 5E5 or 05E5",
                )


LINK_MODE_UNKNOWN = register(
    "BKR343",
    "unknown-link-mode",
    "error",
    "a `link` statement's mode is none of CP's link modes",
    """
    The last word of `link MACHINE OWNER VADDR [as VADDR2] MODE` is the
    mode of the LINK statement the compile writes in the machine's directory
    entry, one CP's LINK takes: `R` (read-only), `RR` (read-only, even where
    another user has the disk in write mode), `W` (write, if no other user
    has a link to it), `WR` (write, else read-only), `M` (multiple write, if
    no other user has it in write mode), `MR` (multiple write, else
    read-only) or `MW` (multiple write in any case). Another word would put a
    LINK into the entry that DIRECTXA or DirMaint refuses, so bkrc refuses
    it first. A product's code disk, which the machines only read, is
    usually linked `RR`.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          link BKRBKUP 5697J06C 05E5 RO   # <- BKR343
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: write one of CP's modes, `link BKRBKUP 5697J06C 05E5 RR`.
    """,
)

#: Words a sysprog writes for a link mode that CP spells otherwise: read-only is R (or
#: RR, which CP grants even where another user writes the disk), write W, multiple M.
_MODES_MEANT = {"RO": "RR", "READ": "RR", "WRITE": "W", "MULT": "M", "MULTI": "M"}


@check
def link_modes(model: Model):
    """BKR343 for a `link` statement whose mode CP does not take."""
    for setting in model.link_statements:
        parts = ast.link_parts(setting)
        if parts is None or not parts[4].text or parts[4].upper in LINK_MODES:
            continue
        mode = parts[4]
        meant = _MODES_MEANT.get(mode.upper) or next((m for m in LINK_MODES if m == mode.upper.rstrip("SE")), None)
        modes = ", ".join(f"`{m}`" for m in LINK_MODES)
        yield LINK_MODE_UNKNOWN(
            f"{quoted(mode.text)} is none of CP's link modes",
            mode.span,
            help=(f"did you mean `{meant}`? " if meant else "")
            + f"write one of CP's link modes, {modes}: `RR` reads a disk another user may write",
            fix=Fix(f"Write `{meant}`", (Edit(mode.span, meant),)) if meant else None,
        )


def _turned_shares(cluster: ast.Cluster, sel: ast.Selection, w: ast.Word, low: int, high: int) -> dict:
    """The addresses and ranges of `sel`'s block, of its action and owner, but `w`, that
    share addresses with `low`-`high` (range `w` turned round), each with whether that
    range covers it whole."""
    owner = sel.owner.upper if sel.owner is not None else None
    block = next((b.selections for b in (*cluster.jobs, *cluster.members) if sel in b.selections), [sel])
    shared = {}
    for s in block:
        if s.medium is not sel.medium or s.action is not sel.action:
            continue
        if (s.owner.upper if s.owner is not None else None) != owner:
            continue
        for o in s.items:
            r = parse_address_range(o.text) if o is not w else None
            if r is not None and r[0] <= r[1] and r[0] <= high and low <= r[1]:
                shared[o] = low <= r[0] and r[1] <= high
    return shared


def _reversed_range(cluster: ast.Cluster, sel: ast.Selection, w: ast.Word, rng: tuple[int, int]) -> Diagnostic:
    """BKR311 for `0FFF-0100`: the fix writes the file's own two addresses the other
    way round (`0100-0FFF`), the one range that covers both; but not where that range
    shares addresses with another of the block's `include`s (or `exclude`s) of the same
    owner (`include minidisk * 0100-01FF 0200-0100`): turned round, the range would say
    addresses twice (BKR312), so either one of the two addresses was mistyped, not the
    order, or the addresses it would cover whole are to go too (`0191 0FFF-0100`), which
    is the writer's to say."""
    first, _, last = w.text.partition("-")
    meant = f"{last}-{first}"
    message = f"address range `{w.text}` is reversed: {first} is above {last}, so it covers nothing"
    if len(last) < len(first):
        # `0100-0F`: an end with fewer digits than the start is most often one being
        # typed (`0100-0FFF`, as an editor checks each keystroke), or cut short; the
        # two turned round (`0F-0100`) is a range of other addresses: no fix.
        return REVERSED_RANGE(
            message,
            w.span,
            help=f"its end `{last}` has fewer digits than its start `{first}`: write the range's last address"
            f" in full, as its start is written; if the two are the wrong way round, write it `{meant}`",
        )
    shared = _turned_shares(cluster, sel, w, rng[1], rng[0])
    if shared:
        done = f"already {sel.action.value}d"
        named = _listed_words(list(shared))
        if all(shared.values()):  # `0191 0FFF-0100`: turned round, it says 0191 again
            help = f"write it `{meant}` and delete {named}, which it covers, or correct the address that was mistyped"
        else:
            help = f"correct the address that was mistyped: turned round, `{meant}` would share addresses with {named}, {done}"
        return REVERSED_RANGE(
            message, w.span, help=help, related=tuple(Related(o.span, f"{done} here") for o in shared)
        )
    return REVERSED_RANGE(message, w.span, help=f"write it `{meant}`", fix=Fix(f"Write `{meant}`", (Edit(w.span, meant),)))


def tape_setting_lines(cluster: ast.Cluster, selection: ast.Selection, kind: str) -> dict[int, tuple[int, str | None]]:
    """`density 6250` (or `label SL`, `expdt 30`, `retpd 30`) on a line of its own under
    a job's addresses or SFS paths, which run on over line breaks: the parsers read the
    line's words as more of them, but it is a tape's own setting, as JCL writes it (on a
    line of its own elsewhere in a job, the parsers' BKR012 says so:
    `messages.tape_setting`). By the index of the setting's word: (the index after the
    line's last word, the job's medium or None). A word in capitals (`LABEL`) may be a
    path without its pool, and is left to the path's check."""
    if kind != "job":
        return {}
    items = selection.items
    line = selection.owner.span.line if selection.owner is not None else selection.span.line
    found = {}
    for index, w in enumerate(items):
        starts_line, line = w.span.line != line, w.span.line
        if not starts_line or w.text == w.text.upper() or not w.text.isalpha():
            continue
        from bkrdsl.syntax import messages  # the parser's words; loaded for such a line only (test_startup)

        if not messages.tape_setting(w.text, kind):
            continue
        end = index + 1
        while end < len(items) and items[end].span.line == line:
            end += 1
        job = next((j for j in cluster.jobs if selection in j.selections), None)
        media = {t.medium.value for t in job.targets} if job is not None else set()
        found[index] = (end, media.pop() if len(media) == 1 else None)
    return found


def _tape_setting_read_as_items(selection: ast.Selection, index: int, end: int, medium: str | None) -> Diagnostic:
    """BKR310 (or BKR318, for SFS paths) once for a tape's setting on a line of its own
    under a selection's addresses or paths (`tape_setting_lines`): said as on a line of
    its own elsewhere in a job, whose help says it is Tape Manager's configuration (a
    disk pool's job: that a disk pool takes none), not an address or a path mistyped."""
    from bkrdsl.syntax import messages  # the parser's words; loaded for such a line only (test_startup)

    words = selection.items[index:end]
    written = " ".join(w.text for w in words)
    sfs = selection.medium is ast.Medium.SFS
    what = "SFS paths" if sfs else "minidisk addresses"
    code = INVALID_SFS_PATH if sfs else INVALID_ADDRESS
    return code(
        f"`{written}` is a tape's own setting, not more {what}: the {what.split()[-1]} of"
        f" `{selection.action.value} {selection.medium.value}` run on over line breaks",
        span_through(words[0].span, words[-1].span),
        help=messages.DISK_SETTINGS_HELP if medium == "disk" else messages.TAPE_SETTINGS_HELP,
    )


def _statement_read_as_address(sel: ast.Selection, w: ast.Word, kind: str) -> Diagnostic:
    """BKR310 at `w`, a word that starts a line after a selection's addresses
    (`exclude minidisk * 0190 019D 019E`, then `frobnicate`), no address and no
    keyword: the addresses run on over line breaks, so the parsers read it as one
    more, but the writer most likely began a statement there that the block does
    not know (a keyword misspelt there is BKR012's, `exlude`; a statement of another
    block, BKR013's: the parsers read those as keywords). Both readings are said;
    the words after it on its line that are no addresses either (`frob 35 days`)
    are this one slip, not reported again."""
    from bkrdsl.syntax.homes import STATEMENT_HOMES  # only for this error: not on a clean file's path

    statements = sorted(k for k, homes in STATEMENT_HOMES.items() if kind in homes)
    keywords = ", ".join(f"`{k}`" for k in statements[:-1]) + f" or `{statements[-1]}`"
    article = "a job" if kind == "job" else "a member block"
    return INVALID_ADDRESS(
        f"{quoted(w.text)} is not a minidisk address or range, and no statement of {article} starts with it",
        w.span,
        help=(
            f"the addresses of `{sel.action.value} minidisk` run on over line breaks, so a word that starts a line after"
            f" them is read as one more: if {quoted(w.text)} starts a statement, those of {article} start with"
            f" {keywords}\nif it is an address, write it as 1-4 hex digits (0191), a range FIRST-LAST"
            " (0100-0FFF) or `*`"
        ),
    )


#: Two addresses joined as other tools join a range (`0100:0FFF`, a range in some
#: languages' slices; `0100..0FFF`, in others): not CP's `0100.16`, a count of devices.
_RANGE_JOINED = re.compile(r"([0-9A-Fa-f]{1,4})(:|\.\.\.?)([0-9A-Fa-f]{1,4})")


def _range_joined_otherwise(w: ast.Word, cluster: ast.Cluster, sel: ast.Selection) -> Diagnostic | None:
    """BKR310 for a range whose addresses are joined by `:` or `..` (`0100:0FFF`): the
    range is meant, written FIRST-LAST (`0100-0FFF`), which the fix writes; in reverse
    order (`0FFF:0100`) the help and the fix write it the right way round, as
    REVERSED_RANGE's do, and as theirs, no fix where that range shares addresses with
    another of the block's (`_turned_shares`)."""
    m = _RANGE_JOINED.fullmatch(w.text)
    if m is None:
        return None
    first, joiner, last = m.groups()
    reversed_ = int(first, 16) > int(last, 16)
    meant = f"{last}-{first}" if reversed_ else f"{first}-{last}"
    message = f"{quoted(w.text)} is not a minidisk address or range: a range is written FIRST-LAST, `{meant}`"
    if reversed_:
        certain = not _turned_shares(cluster, sel, w, int(last, 16), int(first, 16))
        return INVALID_ADDRESS(
            message,
            w.span,
            help=f"write `{meant}`: a range joins its addresses with `-`, not `{joiner}`, the lower first",
            fix=Fix(f"Write `{meant}`", (Edit(w.span, meant),)) if certain else None,
        )
    return INVALID_ADDRESS(
        message,
        w.span,
        help=f"write `{meant}`: a range joins its addresses with `-`, not `{joiner}`",
        fix=Fix(f"Write `{meant}`", (Edit(w.span, meant),)),
    )


def _range_unended(sel: ast.Selection, index: int) -> Diagnostic | None:
    """BKR310 for a range without its last address (`0191-`): with an address after a
    blank on its line (`0191- 0200`), the range meant, which the fix writes joined
    (`0191-0200`); the last address written lower, the help alone, as a range turned
    round may cover other addresses of the block (`_reversed_range`). Alone, the help
    offers a range (its last address the next, as an example) or the single address,
    each a choice: which one is meant is the writer's."""
    w = sel.items[index]
    first = w.text[:-1]
    if not w.text.endswith("-") or parse_address(first) is None:
        return None
    after = sel.items[index + 1] if index + 1 < len(sel.items) else None
    if after is not None and after.span.line == w.span.line and parse_address(after.text) is not None:
        turned = parse_address(first) > parse_address(after.text)
        meant = f"{after.text}-{first}" if turned else f"{first}-{after.text}"
        message = f"{quoted(w.text)} is not a minidisk address or range: a range is written FIRST-LAST, `{meant}`"
        help = f"write `{meant}`: a range's two addresses are joined by `-`, with no blank after it"
        if turned:
            return INVALID_ADDRESS(message, w.span, help=f"{help}, the lower first")
        return INVALID_ADDRESS(
            message, w.span, help=help, fix=Fix.replace(f"Write `{meant}`", span_through(w.span, after.span), meant)
        )
    low = parse_address(first)
    example = f"{first}-{low + 1:0{len(first)}X}" if low < 0xFFFF else None
    ranged = f"write FIRST-LAST, e.g. `{example}`, or" if example else "write"
    return INVALID_ADDRESS(
        f"{quoted(w.text)} is not a minidisk address or range: the range has no last address",
        w.span,
        help=f"{ranged} the single address `{first}`",
        choices=tuple(Fix.replace(f"Write `{text}`", w.span, text) for text in (example, first) if text),
    )


def _address_meant(text: str) -> tuple[str, list[str]] | None:
    """The address (or FIRST-LAST range) a word that is none was written for, with what
    was changed, where the slip is certain: the letter O for the digit 0 beside other
    digits (`O191`; not `OFF`), zeros before four digits (`00191`), C's hexadecimal
    prefix (`0x0191`); else None."""
    parts, why = [], []
    for part in text.upper().split("-") if text.count("-") == 1 else [text.upper()]:
        if part.startswith("0X") and len(part) > 2:
            part = part[2:]
            why.append("without `0x` (an address is hexadecimal already)")
        if "O" in part and re.fullmatch(r"[0-9A-FO]*[0-9][0-9A-FO]*", part):
            part = part.replace("O", "0")
            why.append("with the digit 0, not the letter O")
        if len(part) > 4 and part[: len(part) - 4].strip("0") == "":
            part = part[-4:]
            why.append("without the zeros before its last 4 digits")
        if parse_address(part) is None:
            return None
        parts.append(part)
    return ("-".join(parts), list(dict.fromkeys(why))) if why else None


def _address_slip(w: ast.Word, what: str) -> Diagnostic | None:
    """BKR310 for a word that is an address but for a certain slip (`_address_meant`),
    with the help and fix that write the address."""
    found = _address_meant(w.text)
    if found is None:
        return None
    meant, why = found
    return INVALID_ADDRESS(
        f"{quoted(w.text)} is not a minidisk {what}",
        w.span,
        help=f"write `{meant}` for `{w.text}` (line {w.span.line}), {' and '.join(why)}: an address is 1-4 hex digits",
        fix=Fix(f"Write `{meant}`", (Edit(w.span, meant),)),
    )


#: An address or range where a minidisk selection's owner goes (`0190`, `0191-01FF`).
ADDRESS_LIKE = re.compile(r"[0-9][0-9A-F]{0,3}(?:-[0-9A-F]{1,4})?")


#: English for every minidisk, written where `minidisk` takes its owner (`include minidisk
#: all 0191`), as the parsers read it after `minidisk` alone (`messages._everything`).
_EVERY_WORDS = frozenset({"all", "every", "any"})


def every_owner_meant(selection: ast.Selection, model: Model) -> bool:
    """`include minidisk ALL ALL`, `exclude minidisk all 0190`: a minidisk selection whose
    owner is English for every owner, `*` meant, where the files declare no user so
    named (`ALL` may be a user ID; then it is one). BKR310 says it once, for the
    statement (`_every_owner`); whose the owner is is judged once it is `*` (BKR116,
    BKR406)."""
    owner = selection.owner
    return (
        selection.medium is ast.Medium.MINIDISK
        and owner is not None
        and bool(selection.items)
        and owner.text.lower() in _EVERY_WORDS
        and model.user(owner.upper) is None
    )


def owner_undecided(selection: ast.Selection, model: Model) -> bool:
    """Whether what BKR310 says of a minidisk selection turns on a declaration the
    files may hold but a syntax error may have lost: an owner that is English for
    every owner (`every_owner_meant`), or a three- or four-digit address in its place
    (`owner_left_out`), where no user or pattern the model holds is so named. The
    checks of a file with syntax errors (`registry.PARTIAL`) pass such a selection over."""
    owner = selection.owner
    if owner is None or selection.medium is not ast.Medium.MINIDISK:
        return False
    if owner.text.lower() not in _EVERY_WORDS and not _FOUR_DIGIT_ADDRESS.fullmatch(owner.upper):
        return False
    return model.user(owner.upper) is None and model.pattern_for(owner.upper) is None


def _every_owner(selection: ast.Selection) -> Diagnostic:
    """BKR310 for `every_owner_meant`: the help writes the statement with `*` for the
    owner (and for an address written as the word too, `ALL ALL`); the fix writes it,
    but not an exclude of every address, which would leave the job nothing."""
    owner, action = selection.owner, selection.action.value
    every = [i for i in selection.items if i.text.lower() in _EVERY_WORDS]
    addresses = ["*" if i in every else i.text for i in selection.items]
    meant = f"{action} minidisk * {' '.join(addresses)}"
    message = f"`minidisk` takes an owner, then addresses: {quoted(owner.text)} was read as the owner"
    if addresses == ["*"] and action == "exclude":
        return INVALID_ADDRESS(
            message,
            owner.span,
            label="read as the owner",
            help=(
                "write the owner, then the addresses to leave out, `*` for every owner:"
                " `exclude minidisk * 0190` leaves every owner's 0190 out (`exclude minidisk * *`"
                " would leave the job nothing to back up)"
            ),
        )
    help = f"write `{meant}`: `*` for every owner" + (", then `*` for every address" if every else "")
    edits = tuple(Edit(w.span, "*") for w in (owner, *every))
    return INVALID_ADDRESS(message, owner.span, label="read as the owner", help=help, fix=Fix(f"Write `{meant}`", edits))


def _every_address(selection: ast.Selection, w: ast.Word) -> Diagnostic:
    """BKR310 for `include minidisk * ALL`: English for every address (`all`, `every`,
    `any`, as a job template's `ALL` reads) where `*` is meant. The help writes the
    statement with `*`; the fix writes it where the word is the selection's only address
    of an `include` (an exclude of every address would leave the job nothing, one owner's
    every minidisk left out is a choice, and `*` beside other addresses would name them
    twice)."""
    action = selection.action.value
    owner = selection.owner.text if selection.owner is not None else "*"
    addresses = ["*" if i is w else i.text for i in selection.items]
    meant = f"{action} minidisk {owner} {' '.join(addresses)}"
    message = f"{quoted(w.text)} is not a minidisk address or range: every address is written `*`"
    if action == "exclude" and owner == "*":
        return INVALID_ADDRESS(
            message,
            w.span,
            help=f"write the addresses to leave out (`exclude minidisk {owner} 0190`): `exclude minidisk {owner} *`"
            " would leave the job nothing to back up",
        )
    if action == "exclude":
        # one owner's every minidisk left out is a choice the file may mean: no fix
        return INVALID_ADDRESS(
            message,
            w.span,
            help=f"write the addresses to leave out (`exclude minidisk {owner} 0190`), or `exclude minidisk {owner} *`"
            f" to leave out every minidisk of {owner}",
        )
    if len(selection.items) != 1:
        return INVALID_ADDRESS(message, w.span, help=f"remove {quoted(w.text)}, or write `{action} minidisk {owner} *`"
                               " alone for every address")
    return INVALID_ADDRESS(message, w.span, help=f"write `{meant}`", fix=Fix(f"Write `*` for {quoted(w.text)}", (Edit(w.span, "*"),)))


def owner_and_address_swapped(selection: ast.Selection) -> bool:
    """`exclude minidisk 0190 * 019D`: an address where the owner goes and `*`, the
    owner, among the addresses. BKR406 (or BKR116) says so, with the statement
    written the right way; its `*` is not an address that overlaps the others
    (BKR312)."""
    return (
        selection.owner is not None
        and ADDRESS_LIKE.fullmatch(selection.owner.upper) is not None
        and any(i.text == "*" for i in selection.items)
    )


def swapped_owner_fix(selection: ast.Selection) -> Fix | None:
    """The fix for `include minidisk 0191 *` (owner_and_address_swapped): `*` written
    before the addresses, the address where `*` stood (`0191 *` -> `* 0191`, `0190 019D
    *` -> `* 0190 019D`), where the owner and its addresses stand on one line; the
    selection then says what its help writes. None where a word of them is on another
    line (a comment may stand between), or `*` is written more than once."""
    owner, items = selection.owner, selection.items
    stars = [i for i in items if i.text == "*"]
    if len(stars) != 1 or any(i.span.line != owner.span.line for i in items):
        return None
    addresses = [owner.text.upper()] + [i.text.upper() for i in items if i is not stars[0]]
    meant = f"* {' '.join(addresses)}"
    return Fix(f"Write `{meant}`", (Edit(span_through(owner.span, items[-1].span), meant),))


def owner_after_addresses(selection: ast.Selection) -> ast.Word | None:
    """`exclude minidisk 0200-02FF LNX*`: an address or range where the owner goes and,
    among the addresses, one word that is no address but a user ID or pattern: the
    owner, written after. That word, else None (`*` there, `0190 * 019D`, is
    owner_and_address_swapped's). BKR310 says it once, for the statement; the range
    is not a user ID (BKR301), the pattern not an address, and the owner is judged
    (BKR116, BKR406) once the two are the right way round."""
    owner = selection.owner
    if selection.medium is not ast.Medium.MINIDISK or owner is None or not ADDRESS_LIKE.fullmatch(owner.upper):
        return None
    if any(i.text == "*" for i in selection.items):
        return None
    words = [i for i in selection.items if parse_address_range(i.text) is None]
    if len(words) != 1 or not valid_user_or_pattern(words[0].upper):
        return None
    return words[0]


#: A minidisk address as CP writes it, four hex digits, the first a digit (`0191`), or
#: three, as CP accepts it and reads it (`191`, `0191`).
_FOUR_DIGIT_ADDRESS = re.compile(r"[0-9][0-9A-F]{2,3}")


def owner_left_out(selection: ast.Selection, model: Model | None = None) -> bool:
    """`include minidisk 0191-01FF 0200`: the owner left out, its place taken by a range
    of addresses (no user ID: a range of hex addresses, not of IDs), every word after it
    an address or range too. BKR310 says it once, for the statement; the range is not a
    user ID (BKR301), and what the selection reaches (BKR116, BKR406, BKR413) is judged
    once the owner is written. With `model`, so is a four- or three-digit address in the
    owner's place (`include minidisk 0191 0200`, `191 200`) that no user or pattern the files declare
    names: a user called 0191 the job does not back up is far less likely than the
    owner left out (a user the files declare so is one, and BKR406 judges it)."""
    owner = selection.owner
    if selection.medium is not ast.Medium.MINIDISK or owner is None:
        return False
    if "-" not in owner.text:
        if (
            model is None
            or not _FOUR_DIGIT_ADDRESS.fullmatch(owner.upper)
            or model.user(owner.upper) is not None
            or model.pattern_for(owner.upper) is not None
        ):
            return False
    elif not ADDRESS_LIKE.fullmatch(owner.upper) or parse_address_range(owner.text) is None:
        return False
    return bool(selection.items) and all(
        i.text != "*" and parse_address_range(i.text) is not None for i in selection.items
    )


def _owner_missing(selection: ast.Selection, kind: str) -> Diagnostic:
    """BKR310 for a minidisk selection whose owner was left out (owner_left_out); the fix
    writes `*`: in a job, every user it backs up (on a member, every user of the
    member's single-configuration jobs), which `exclude 0190` is read as too. A
    narrower owner is the writer's choice, which the line does not show. `kind`, the
    block's (`job`, `member`)."""
    action, first = selection.action.value, selection.owner
    addresses = " ".join([first.text] + [i.text for i in selection.items])
    every = "every user of the job" if kind == "job" else "every user of the member's single-configuration jobs"
    ranged = "-" in first.text
    what = "an address range" if ranged else "an address"
    # `0191` alone could be a user ID: the help says why it is read as an address.
    unlike = "" if ranged else f"; {quoted(first.upper)} is no user the files declare"
    return INVALID_ADDRESS(
        f"the owner is missing: {quoted(first.text)} is {what}, and `minidisk` takes the owner"
        " (a user ID, `*`, or a pattern) first, then addresses",
        first.span,
        help=f"write `{action} minidisk * {addresses}` (`*`: {every}){unlike}",
        fix=Fix(f"Write `*` before `{first.text}`", (Edit(first.span, f"* {first.text}"),)),
    )


#: Words for "but not" between an include's addresses and those it leaves out
#: (`include minidisk * 0191-01FF except 0195`), as SQL and shell globs write them.
_EXCEPT_WORDS = frozenset({"except", "excluding", "without", "minus"})


def except_word(selection: ast.Selection) -> int | None:
    """`include minidisk * 0191-01FF except 0195`: the index in the items of a word for
    "but not" after an include's addresses, addresses after it to its line's end; else
    None. BKR310 says it once, writing the `exclude` statement meant; the addresses
    after it are not judged as included (BKR312)."""
    if selection.medium is not ast.Medium.MINIDISK or selection.action is not ast.Action.INCLUDE:
        return None
    if selection.owner is None or owner_after_addresses(selection) is not None or owner_left_out(selection):
        return None
    items = selection.items
    at = next((k for k, w in enumerate(items) if w.text.lower() in _EXCEPT_WORDS), None)
    if at is None or at == 0 or at == len(items) - 1:
        return None
    before, after = items[:at], items[at + 1 :]
    if any(parse_address_range(w.text) is None for w in (*before, *after)):
        return None
    if any(w.span.line != items[at].span.line for w in after):
        return None
    return at


def _except_in_include(selection: ast.Selection, at: int) -> Diagnostic:
    """BKR310 for an include's `except` (except_word): its help writes the include
    without it and the `exclude` statement of the addresses after it, with the same
    owner, which the fix writes on a line of its own below."""
    items, owner = selection.items, selection.owner
    word, before, after = items[at], items[:at], items[at + 1 :]
    include = f"include minidisk {owner.text} {' '.join(w.text for w in before)}"
    exclude = f"exclude minidisk {owner.text} {' '.join(w.text for w in after)}"
    indent = " " * (selection.span.column - 1)
    return INVALID_ADDRESS(
        f"{quoted(word.text)} is not written in an include: the addresses to leave out"
        " are an `exclude` statement of their own",
        span_through(word.span, after[-1].span),
        help=f"write `{include}`, then `{exclude}` on a line of its own",
        fix=Fix(
            f"Write `{exclude}` on a line of its own",
            (Edit(span_through(before[-1].span, after[-1].span), f"{before[-1].text}\n{indent}{exclude}"),),
        ),
    )


def _owner_after(selection: ast.Selection, owner: ast.Word) -> Diagnostic:
    """BKR310 for a minidisk selection whose owner stands after its addresses; a fix
    swaps the two when they are neighbours (`0200-02FF LNX*`)."""
    action, first = selection.action.value, selection.owner
    addresses = [first.text] + [i.text for i in selection.items if i is not owner]
    meant = f"{action} minidisk {owner.text} {' '.join(addresses)}"
    fix = None
    if selection.items[0] is owner:
        fix = Fix(
            f"Write `{owner.text} {first.text}`",
            (Edit(first.span, owner.text), Edit(owner.span, first.text)),
        )
    return INVALID_ADDRESS(
        f"{quoted(owner.text)} is the owner, written after the address {quoted(first.text)}:"
        " `minidisk` takes the owner first, then addresses",
        span_through(first.span, selection.items[-1].span),
        help=f"write `{meant}`",
        fix=fix,
    )


def _overlaps(selections: list[ast.Selection]) -> Iterator:
    """(word, earlier word) for each range that shares addresses with an earlier one."""
    ranges = []
    for sel in selections:
        for w in sel.items:
            rng = parse_address_range(w.text)
            if rng is not None and rng[0] <= rng[1]:
                ranges.append((rng[0], rng[1], w))
    ranges.sort(key=lambda r: (r[0], r[1], r[2].span.start))
    reach: tuple[int, object] | None = None  # (highest last so far, its word)
    for first, last, word in ranges:
        if reach is not None and first <= reach[0]:
            yield word, reach[1]
        if reach is None or last > reach[0]:
            reach = (last, word)


#: The words a size in tracks is written with (BKR317's help counts them in cylinders).
_TRACK_WORDS = frozenset({"TRK", "TRKS", "TRACK", "TRACKS"})


@check
def overlapping_ranges(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    blocks = [j.selections for j in cluster.jobs] + [m.selections for m in cluster.members]
    for selections in blocks:
        by_owner: dict[tuple, list[ast.Selection]] = {}
        for s in selections:
            if (
                s.medium is ast.Medium.MINIDISK
                and s.owner is not None
                and not owner_and_address_swapped(s)
                and owner_after_addresses(s) is None
                and except_word(s) is None  # `0191-01FF except 0195`: BKR310's
            ):
                by_owner.setdefault((s.action, s.owner.upper), []).append(s)
        yield from _sfs_repeats(selections)
        for (action, owner), sels in by_owner.items():
            whose = "" if owner == "*" else f" for {quoted(owner)}"
            for statement, first, words, earlier in _overlaps_by_statement(sels):
                if _repeats(statement, first):
                    yield _repeated(statement, first, words, whose, "addresses")
                    continue
                if statement is first and [w.upper for w in words] == [w.upper for w in earlier]:
                    # `include minidisk * 0191 0191`: not an overlap of another range
                    one = len(words) == 1
                    yield OVERLAPPING_RANGES(
                        f"{_listed_words(earlier)} {'is' if one else 'are'} named twice in this"
                        f" `{action.value}`{whose}; {'it is' if one else 'each is'} {action.value}d once",
                        span_through(words[0].span, words[-1].span),
                        related=tuple(Related(w.span, "named here first") for w in earlier),
                        help="name each address once, or write the address that was meant",
                    )
                    continue
                said = f"`{words[0].text}` overlaps" if len(words) == 1 else f"{_listed_words(words)} overlap"
                yield OVERLAPPING_RANGES(
                    f"{said} {_listed_words(earlier)}, already {action.value}d{whose}",
                    span_through(words[0].span, words[-1].span),
                    related=tuple(Related(w.span, "overlaps this") for w in earlier),
                    help=_overlap_help(statement, words, earlier, action.value),
                )


def _overlap_help(statement: ast.Selection, words: list, earlier: list, verb: str) -> str:
    """BKR312's help for addresses an earlier range of the block covers: the edit by its
    line. The help said "remove the addresses already covered, or correct the range";
    removed from `include minidisk * 0150`, its one address, the line read
    `include minidisk *` (a syntax error). Now: the line deleted where every address it
    names is covered, or the covered words taken out of it where some are. A range
    that only overlaps keeps the old words: which end is the slip is the site's."""
    spans = [r for r in (parse_address_range(w.text) for w in earlier) if r is not None]
    line = statement.span.line
    listed = _listed_words(earlier)

    def covered(w) -> bool:
        r = parse_address_range(w.text)
        return r is not None and any(a <= r[0] and r[1] <= b for a, b in spans)

    if all(covered(w) for w in words):
        if len(words) == len(statement.items):
            return f"delete the line (line {line}): {listed} {verb}s every address it names already"
        return f"take {_listed_words(words)} out of the line (line {line}): {listed} {verb}s {'it' if len(words) == 1 else 'them'} already"
    return "remove the addresses already covered, or correct the range"


def _sfs_repeats(selections: list[ast.Selection]) -> Iterator:
    """BKR312 for an `include sfs` or `exclude sfs` that names the paths of an earlier
    one of the block again (a line written twice), as for minidisk addresses; paths
    that only overlap (`POOL:APP.*` and `POOL:APP.LOGS`) are not compared."""
    first_of: dict[tuple, ast.Selection] = {}
    for s in selections:
        if s.medium is not ast.Medium.SFS or not s.items:
            continue
        yield from _sfs_named_twice(s)
        key = (s.action, tuple(w.upper for w in s.items))
        first = first_of.setdefault(key, s)
        if first is s:
            continue
        yield _repeated(s, first, list(s.items), "", "paths")


def _sfs_named_twice(s: ast.Selection) -> Iterator:
    """BKR312 for an SFS path one `include sfs` or `exclude sfs` names twice
    (`include sfs BKRPOOL:CICSPRD.* BKRPOOL:CICSPRD.*`): written once in the
    template, as a minidisk address named twice is (said once for the statement)."""
    first: dict[str, ast.Word] = {}
    # A path that is none (`include sfs * *`, `sfs` written for `minidisk`) is BKR318's.
    valid = [w for w in s.items if sfs_path_problem(w.text) is None]
    again = [w for w in valid if first.setdefault(w.upper, w) is not w]
    if not again:
        return
    keys = list(dict.fromkeys(w.upper for w in again))
    one = len(keys) == 1
    action = s.action.value
    yield OVERLAPPING_RANGES(
        f"{_listed_words([first[k] for k in keys])} {'is' if one else 'are'} named twice in this"
        f" `{action} sfs`; {'it is' if one else 'each is'} {action}d once",
        again[0].span,
        related=tuple(Related(first[k].span, "named here first") for k in keys),
        help="name each path once, or write the path that was meant",
    )


def _repeated(statement: ast.Selection, first: ast.Selection, words: list, whose: str, what: str) -> Diagnostic:
    """BKR312 for a selection that repeats an earlier one of its block (`what`: its
    addresses or paths; `whose`: ` for OWNER`, or empty)."""
    action = statement.action.value
    return OVERLAPPING_RANGES(
        f"this `{action}` repeats the one on line {first.span.line}:"
        f" {_listed_words(words)} {'is' if len(words) == 1 else 'are'} already {action}d{whose}",
        statement.span,
        related=(Related(first.span, "written here first"),),
        help=f"delete one of the two statements, or correct the {what} of this one",
    )


def _overlaps_by_statement(selections: list[ast.Selection]) -> list[tuple]:
    """`_overlaps`, once for each statement and the one it overlaps: (the statement,
    that one, its words that overlap, the words they overlap), the words in the order
    written. A line written twice (`exclude minidisk * 0190 019D 019E`) is one
    mistake, said once, not once for each of its addresses."""
    statement_of = {id(w): n for n, sel in enumerate(selections) for w in sel.items}
    pairs: dict[tuple[int, int], tuple[dict, dict]] = {}
    for word, earlier in _overlaps(selections):
        words, earliers = pairs.setdefault((statement_of[id(word)], statement_of[id(earlier)]), ({}, {}))
        words[id(word)] = word
        earliers[id(earlier)] = earlier
    return [
        (selections[n], selections[e], _in_order(words), _in_order(earliers))
        for (n, e), (words, earliers) in pairs.items()
    ]


def _repeats(statement: ast.Selection, first: ast.Selection) -> bool:
    """Whether `statement`, written after `first`, says the same addresses again."""
    return first.span.start < statement.span.start and [w.upper for w in statement.items] == [
        w.upper for w in first.items
    ]


def _in_order(words: dict) -> list:
    return sorted(words.values(), key=lambda w: w.span.start)


def _listed_words(words: list) -> str:
    """`0190`, `019D` and `019E`: words as written, as a message lists them."""
    return listed([w.text for w in words])


def schedule_text(sched: ast.Schedule, time: str | None = None) -> str:
    """The schedule as written, with `time` for its time (its own where None): `weekly
    sat,sun 14:00`, `monthly last sun 03:00`; a `weekly` schedule's days written as one
    word (`mon-fri`, `sat+sun`), which are BKR314 too, one by one (`weekly
    mon,tue,wed,thu,fri 22:00`), so that the line written checks. The one way the
    checks' helps write a schedule again."""
    if time is None:
        time = sched.time.text if sched.time is not None else ""
    days = ",".join(_days_listed(sched, d) for d in sched.days)
    ordinal = sched.ordinal.text if sched.ordinal is not None else ""
    return " ".join(part for part in (sched.frequency.lower(), ordinal, days, time) if part)


def _days_listed(sched: ast.Schedule, day) -> str:
    """A `weekly` schedule's day as BKR314's fix writes it: `mon-fri` one by one
    (`mon,tue,wed,thu,fri`), `sat+sun` with its `,`; any other as written."""
    if sched.frequency != "weekly" or sched.ordinal is not None or parse_weekday(day.text) is not None:
        return day.text
    listed = days_meant(day.text)
    if listed is not None:
        return listed
    joined = re.split(r"[+&]", day.text)
    return ",".join(joined) if len(joined) > 1 and all(parse_weekday(d) is not None for d in joined) else day.text


def _time_for_help(sched: ast.Schedule) -> str | None:
    """The time a help beside BKR314 writes: as written where it is a time of day, the
    one BKR313 writes for it (`10pm`: `22:00`), else HH:MM (`now`); None without one."""
    if sched.time is None:
        return None
    if parse_time(sched.time.text) is not None:
        return sched.time.text
    return time_meant(sched.time.text) or "HH:MM"


#: A time with a one-digit minute (`2:5`; with `.` for `:`, `2.5`, and past the clock's
#: end, `25.0`, `25:5`), midnight at the day's end (`24:00`), and HH:MM past the
#: clock's end (`25:00`, `2:60`; with `.` for `:`, `25.00`, as `time_meant` reads
#: `2.30` within the clock).
_ONE_DIGIT_MINUTE = re.compile(r"([0-9]{1,2})[:.]([0-9])")
_END_OF_DAY = re.compile(r"24:00?")
_PAST_THE_CLOCK = re.compile(r"([0-9]{1,2})[:.]([0-9]{2})")
#: A time window where a schedule's start time goes (`02:00-04:00`, `_time_out_of_clock`).
_TIME_WINDOW = re.compile(r"([0-9]{1,2}:[0-9]{2})-([0-9]{1,2}:[0-9]{2})")
_MINUTES_A_DAY = 24 * 60


def _one_digit_minute(text: str) -> tuple[int, list[str]] | None:
    """`2:5`, `2.5`, `25.5`: a time whose minutes are one figure, and the times it may
    mean (`_time_out_of_clock`): (the minutes past midnight its hour starts at, the
    times of day it comes to, five past and ten to, `02:05` and `02:50`, or one where
    the figure is 0, `02:00`). None for any other time."""
    found = _ONE_DIGIT_MINUTE.fullmatch(text)
    if found is None:
        return None
    hour, figure = int(found.group(1)), found.group(2)
    times = dict.fromkeys(f"{hour % 24:02d}:{minutes}" for minutes in (f"0{figure}", f"{figure}0"))
    return hour * 60, list(times)


def _day_after(sched: ast.Schedule, time: str) -> str | None:
    """The schedule that runs the day after `sched`'s days, at `time`: `daily` runs
    every day; a weekly or monthly schedule's day after is the syntax's reading of its
    days (`fast.day_after`, which the recovery's help for `weekly sun 25/00` writes
    too): `weekly sun` is followed by `weekly mon`, `monthly 14` by `monthly 15`,
    `monthly last-day` by `monthly 1`; none after `monthly 31` or `monthly first sun`."""
    if sched.frequency == "daily":
        return schedule_text(sched, time)
    if sched.ordinal is not None:
        return None
    # days as one word (`sat+sun`, `mon-fri`: BKR314 too) are their days
    return day_after(sched.frequency, [_days_listed(sched, w) for w in sched.days], time)


def _time_out_of_clock(sched: ast.Schedule, statement: str = "") -> tuple[str, Fix | None]:
    """The help (and the fix, where certain) for a time of day that is none, each help
    with a time that checks clean where the text gives one: `24:00` is midnight, `00:00`,
    which `daily` means the same way (a weekly or monthly schedule's day would change
    with it); `2:5` has one digit for its minutes, five past or ten to, which the text
    cannot tell; `2:60` is `03:00`, `25:00` the next day's `01:00` (a clock that runs on
    past midnight), said without a fix, as either may be a slip of the keys (`25.00`,
    `.` for `:`, the same, the help saying the `:` too, as for `25/00`). `@` before
    a time (`daily @02:00`, `@2am`) stands for `at`: the fix writes the time alone.
    A time two days or more past the clock's end (`daily 48:00`) has no reading: the
    help writes the statement (`statement`, its words before the schedule) with HH:MM
    for the time, which is the user's to say."""
    text = sched.time.text
    at_sign = text[1:] if text.startswith("@") else None
    meant = None if at_sign is None else (at_sign.zfill(5) if parse_time(at_sign) is not None else time_meant(at_sign))
    if meant is not None:
        # `daily @02:00`: `@` for `at`, which a schedule does not write either
        return (
            f"`@` stands for `at`, which a schedule does not write: write `{schedule_text(sched, meant)}`",
            Fix.replace(f"Write `{meant}`", sched.time.span, meant),
        )
    if text.lower() == "midnight" and sched.frequency != "daily":
        # `weekly sun midnight`: as Sunday starts or as it ends, which the text cannot tell
        starts = f"midnight is `00:00`, the start of a day: `{schedule_text(sched, '00:00')}` runs as the day starts"
        after = _day_after(sched, "00:00")
        if after is not None:
            return f"{starts}, `{after}` as it ends", None
        return f"{starts}; as it ends is the next day's `00:00`", None
    if _END_OF_DAY.fullmatch(text) or text.lower() == "midnight":
        if sched.frequency == "daily":
            meant = schedule_text(sched, "00:00")
            return (
                f"midnight is `00:00`, the start of the day: write `{meant}`",
                Fix.replace("Write `00:00`", sched.time.span, "00:00"),
            )
        after = _day_after(sched, "00:00")
        if after is not None:
            return f"midnight is `00:00`, the start of the day after: write `{after}`", None
        unnamed = _midnight_no_day_after(sched)
        if unnamed is not None:
            return unnamed[0], None  # `monthly 31 24:00`: no schedule's day; its choices
        return "midnight is `00:00`, the start of a day: write the next day's `00:00`", None
    found = _TIME_WINDOW.fullmatch(text)
    if found is not None and parse_time(found.group(1)) is not None and parse_time(found.group(2)) is not None:
        # `daily 02:00-04:00`: a window, where the schedule gives when the job starts
        start = found.group(1)
        help = (
            f"a schedule gives a start time, not a time window: write `{schedule_text(sched, start)}`;"
            f" what is scheduled starts at {start} and runs until it is done"
        )
        return help, Fix.replace(f"Write `{start}`", sched.time.span, start)
    one_digit = _one_digit_minute(text)
    if one_digit is not None and one_digit[0] < 2 * _MINUTES_A_DAY:
        # `2:5`: five past or ten to; `2:0`, one time (was two choices, the same); `.` for
        # `:` (`2.5`), which the help says too; past the clock's end (`25.5`, `25:0`),
        # as `25:00` is: the next day's time, the day after's schedule where its day changes
        start, times = one_digit
        colon = ", and the hour and the minutes are separated by `:`" if ":" not in text else ""
        if start < _MINUTES_A_DAY:
            written = " or ".join(f"`{schedule_text(sched, t)}`" for t in times)
            fix = Fix.replace(f"Write `{times[0]}`", sched.time.span, times[0]) if len(times) == 1 else None
            return f"the minutes have two digits{colon}: write {written}", fix
        said = " or ".join(f"`{t}`" for t in times)
        why = f"a 24-hour clock's hours are 00 to 23, and the minutes have two digits: `{text}` is the next day's {said}"
        after = [_day_after(sched, t) for t in times]
        if None in after:
            return (
                f"{why}, a day no `{sched.frequency}` schedule names{colon};"
                " write a time of this day, from `00:00` to `23:59`"
            ), None
        return f"{why}{colon}; write {' or '.join(f'`{a}`' for a in after)}", None
    found = _PAST_THE_CLOCK.fullmatch(text)
    minutes = None if found is None else int(found.group(1)) * 60 + int(found.group(2))
    if minutes is not None and minutes < 2 * _MINUTES_A_DAY:
        reading = f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"
        why = (
            "an hour's minutes are 00 to 59"
            if int(found.group(2)) > 59
            else "a 24-hour clock's hours are 00 to 23"
        )
        # `25.00`: the `:` too, as `daily 25/00` says it (messages.time_slashed_past)
        colon = ", and the hour and the minutes are separated by `:`" if ":" not in text else ""
        if minutes < _MINUTES_A_DAY:
            return f"{why}: `{text}` is `{reading}`{colon}; write `{schedule_text(sched, reading)}`", None
        after = _day_after(sched, reading)
        if after is not None:
            return f"{why}: `{text}` is the next day's `{reading}`{colon}; write `{after}`", None
        return (
            f"{why}: `{text}` is the next day's `{reading}`, a day no `{sched.frequency}` schedule names{colon};"
            f" write a time of this day, from `00:00` to `23:59`"
        ), None
    if text.isdigit() and len(text) <= 2 and int(text) <= 23:
        # `daily 7`: an hour alone, read on the 24-hour clock as `at 7` is (docs/language.md);
        # fixed only where no other reading is (13 to 23, 0), as `at 13` is
        hour = int(text)
        meant = schedule_text(sched, f"{hour:02d}:00")
        evening = f"; {hour} p.m. is `{hour + 12}:00`" if 1 <= hour <= 11 else ""
        if hour == 12:  # `daily 12`: noon, or midnight, as `at 12` is
            evening = "; midnight is `00:00`"
        crontab = ""
        if sched.frequency == "weekly" and text in _CRONTAB_DAYS and sched.days:
            # `weekly sat 7`: perhaps a day as a crontab numbers it, the time left off
            from bkrdsl.syntax import messages  # the parser's words; loaded for a broken file only

            days = messages.crontab_days_named([d.text for d in sched.days] + [text])
            crontab = f"; or, if `{text}` is a day as a crontab numbers it, `weekly {days} HH:MM`"
        certain = not evening and not crontab
        return (
            f"a time is HH:MM on a 24-hour clock, not an hour alone: write `{meant}`{evening}{crontab}",
            Fix.replace(f"Write `{hour:02d}:00`", sched.time.span, f"{hour:02d}:00") if certain else None,
        )
    whole = " ".join(p for p in (statement, schedule_text(sched, "HH:MM")) if p)
    if found is not None or one_digit is not None:
        # `daily 48:00`, `daily 49.5`: past the next day's end, which no slip of one key explains
        return (
            f"a 24-hour clock's hours are 00 to 23 and an hour's minutes 00 to 59: `{text}` is no time of"
            f" this day nor of the next; write `{whole}`, the time from 00:00 to 23:59"
        ), None
    hour = _HOUR_AND_COLON.fullmatch(text)
    if hour is not None:
        # `daily 03:`: the minutes still to be typed (or left out), the hour written; was
        # "write HH:MM on a 24-hour clock", where `03` and `03:0` got their time
        hh = f"{int(hour.group(1)):02d}"
        return (
            f"the minutes are missing after the `:`: write `{schedule_text(sched, hh + ':MM')}`,"
            f" `{schedule_text(sched, hh + ':00')}` on the hour"
        ), None
    return "write HH:MM on a 24-hour clock, from 00:00 to 23:59", None


#: A time of an hour of the clock and its `:`, the minutes not written (`03:`, `_time_out_of_clock`).
_HOUR_AND_COLON = re.compile(r"([01]?[0-9]|2[0-3]):")


def _midnight_no_day_after(sched: ast.Schedule) -> tuple[str, tuple[str, ...]] | None:
    """`monthly 31 24:00`, `monthly first sun 24:00`: the parser's words for midnight
    after a day whose day after no schedule names (`messages.midnight_no_day_after`:
    the help, and the schedules its choices write); None for any other schedule."""
    if not _END_OF_DAY.fullmatch(sched.time.text) or sched.frequency != "monthly":
        return None
    from bkrdsl.syntax import messages  # the parser's words; loaded for a broken file only

    days = ([sched.ordinal.text] if sched.ordinal is not None else []) + [d.text for d in sched.days]
    return messages.midnight_no_day_after(sched.time.text, sched.frequency, days)


def _time_choices(sched: ast.Schedule) -> tuple[Fix, ...]:
    """The times `_time_out_of_clock`'s help writes where there are two readings and no
    fix, each a choice (`Diagnostic.choices`; none preferred: which was meant is the
    site's): an hour alone of a 12-hour clock's morning, `daily 2` (`02:00`, or 2 p.m.,
    `14:00`), or 12 (`12:00`, or midnight, `00:00`), not where it may be a day as a crontab numbers it (`weekly sat 2`, whose
    third reading has no time); a minute of one figure, `daily 1:5` (`01:05`, `01:50`)."""
    text = sched.time.text
    one_digit = _one_digit_minute(text)
    if one_digit is not None and one_digit[0] < 2 * _MINUTES_A_DAY:
        # `2:5` (`02:05`, `02:50`), `25.5` (the next day's, with its day where it changes)
        start, times = one_digit
        if start < _MINUTES_A_DAY or sched.frequency == "daily":
            if len(times) == 1 and start < _MINUTES_A_DAY:
                return ()  # `2:0`: the fix writes `02:00`
            return tuple(Fix.replace(f"Write `{t}`", sched.time.span, t) for t in times)
        after = [_day_after(sched, t) for t in times]
        return () if None in after else tuple(Fix.replace(f"Write `{a}`", sched.span, a) for a in after)
    past = _PAST_THE_CLOCK.fullmatch(text)
    minutes = None if past is None else int(past.group(1)) * 60 + int(past.group(2))
    if minutes is not None and minutes < 2 * _MINUTES_A_DAY:
        # `daily 25:00`, `daily 2:60`: the time it comes to, which the help writes, a
        # choice (the keys may have slipped: `23:00`, `15:00`); the next day's written
        # with its day where the schedule's day changes (`weekly sun 25:00`: `weekly mon 01:00`)
        reading = f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"
        if minutes < _MINUTES_A_DAY or sched.frequency == "daily":
            return (Fix.replace(f"Write `{reading}`", sched.time.span, reading),)
        after = _day_after(sched, reading)
        if after is None:
            # `monthly 31 24:00`: `monthly 1 00:00` or `monthly 31 00:00`, neither the same
            unnamed = _midnight_no_day_after(sched)
            return () if unnamed is None else tuple(Fix.replace(f"Write `{s}`", sched.span, s) for s in unnamed[1])
        return (Fix.replace(f"Write `{after}`", sched.span, after),)
    hour = _HOUR_AND_COLON.fullmatch(text)
    if hour is not None:  # `daily 03:`: on the hour, the one time the help writes whole
        return (Fix.replace(f"Write `{int(hour.group(1)):02d}:00`", sched.time.span, f"{int(hour.group(1)):02d}:00"),)
    if text.isdigit() and len(text) <= 2 and 1 <= int(text) <= 12:
        if sched.frequency == "weekly" and text in _CRONTAB_DAYS and sched.days:
            return ()
        times = [f"{int(text):02d}:00", f"{(int(text) + 12) % 24:02d}:00"]
    else:
        return ()
    return tuple(Fix.replace(f"Write `{t}`", sched.time.span, t) for t in times)


def _day_read_as_time(sched: ast.Schedule) -> Diagnostic | None:
    """`weekly sun sat`, `monthly first sun sat`: a second day of the week, without
    its `,` (or where a monthly schedule names one), read as the time, and the time
    left off: one error that says so, not "`sat` is not a time of day" alone."""
    if sched.time is None or parse_weekday(sched.time.text) is None:
        return None
    second = sched.time.text
    days = ",".join(d.text for d in sched.days)
    if sched.frequency == "weekly":
        return INVALID_TIME(
            f"{quoted(second)} is a day of the week, read as the time: the days after `weekly` are separated"
            " by commas, and the time follows them",
            sched.time.span,
            help=f"write `weekly {days},{second} HH:MM`",
        )
    if sched.frequency == "monthly" and sched.ordinal is not None:
        ordinal = sched.ordinal.text.lower()
        return INVALID_TIME(
            f"{quoted(second)} is a second weekday, read as the time: a `monthly` schedule runs on one day"
            " of the month",
            sched.time.span,
            help=(
                f"write the time after one weekday: `monthly {ordinal} {days} HH:MM`; a second day a month"
                f" (`monthly {ordinal} {second.lower()} HH:MM`) is a schedule of its own"
            ),
        )
    return None


def _range_read_as_time(sched: ast.Schedule, statement: str) -> Diagnostic | None:
    """`weekly mon- fri`: a range of days with a blank after its `-`, the time left
    off, so the first day and the `-` were read as a day (`mon-`) and the last day as
    the time. One error for the range, as the parser gives `weekly mon - fri` (BKR010):
    the time said missing, the help writing the days one by one and HH:MM, no fix (was
    "`mon-` is not a day of the week", whose fix wrote `weekly mon fri`, then BKR313
    at `fri`, its help writing `weekly mon-,fri HH:MM`)."""
    if sched.frequency != "weekly" or sched.ordinal is not None or not sched.days or sched.time is None:
        return None
    last, time = sched.days[-1], sched.time
    if not last.text.endswith("-") or parse_weekday(time.text) is None or last.span.end_line != time.span.line:
        return None
    from bkrdsl.syntax import messages  # the parser's words; loaded for a broken file only (test_startup)

    days = messages.days_written_as_one(f"{last.text}{time.text}")
    if days is None:
        return None
    listed = ",".join(days)
    before = [d.text for d in sched.days[:-1]]
    of = "" if statement.startswith("run") else f"{statement} "
    return messages.days_range_spaced(
        f"{last.text} {time.text}", listed, ",".join([*before, listed]), None,
        span_through(last.span, time.span), True, of, code=INVALID_DAY,
    )


def _ordinal_read_as_day(sched: ast.Schedule) -> Diagnostic | None:
    """`monthly fifth sun`, `monthly 1st sun`: the time left off, an ordinal the
    grammar does not take was read as the day of the month and the weekday as the
    time. One error on the ordinal, as with the time (BKR004), its help with HH:MM."""
    if sched.frequency != "monthly" or sched.ordinal is not None or len(sched.days) != 1 or sched.time is None:
        return None
    nth, day = sched.days[0], sched.time
    if parse_weekday(day.text) is None:
        return None
    from bkrdsl.syntax import messages  # the parser's words; loaded for a broken file only (test_startup)

    if nth.text.lower() in messages.FIFTH_ORDINALS:
        return messages.monthly_fifth(nth.text, day.text, "HH:MM", nth.span, code=INVALID_DAY)
    if nth.text.lower() in messages.NUMBERED_ORDINALS:
        return messages.monthly_numbered_ordinal(nth.text, day.text, "HH:MM", nth.span, code=INVALID_DAY)
    return None


#: English's words before a day of the week: `weekly on monday`, `weekly every monday`.
_BEFORE_A_DAY = frozenset({"on", "every", "each"})


def _phrase_after_weekly(sched: ast.Schedule) -> Diagnostic | None:
    """`weekly on monday`, `weekly every monday`: English, the time left off, read as
    a day `on` and the time `monday`. One error, as with the time (BKR004, whose fix
    writes `weekly mon 22:00`), its help `weekly mon HH:MM` and no fix: the time was not
    written (were two errors, `on` fixed to `mon` and `monday` read as the time)."""
    if sched.frequency != "weekly" or len(sched.days) != 1 or sched.time is None:
        return None
    if sched.days[0].text.lower() not in _BEFORE_A_DAY:
        return None
    from bkrdsl.syntax import messages  # the parser's words; loaded for a broken file only (test_startup)

    if not messages.phrase_day(sched.time.text):
        return None
    written = f"{sched.frequency} {sched.days[0].text} {sched.time.text}"
    return messages.schedule_phrase(written, True, sched.span, certain=False, code=INVALID_DAY)


def _day_and_time_swapped(sched: ast.Schedule):
    """`weekly 22:00 sat`, `monthly 02:00 1` (or `last-day`), `monthly first 02:00 sun`: the time
    written before the day. One error for the two words, whose help writes them the
    other way round."""
    if sched.frequency not in ("weekly", "monthly") or len(sched.days) != 1 or sched.time is None:
        return None
    day, time = sched.days[0], sched.time
    if parse_time(day.text) is None and time_meant(day.text) is None:
        return None
    if sched.frequency == "weekly" or sched.ordinal is not None:
        is_day = parse_weekday(time.text) is not None
    else:
        n = small_int(time.text)
        is_day = (n is not None and 1 <= n <= 31) or time.text.upper() == LAST_DAY
    if not is_day:
        return None
    meant = schedule_text(replace(sched, days=(time,)), day.text)
    return INVALID_DAY(
        f"the time {quoted(day.text)} is written before the day {quoted(time.text)}",
        day.span,
        help=f"write the day first: `{meant}`",
        fix=Fix(f"Write `{meant}`", (Edit(day.span, time.text), Edit(time.span, day.text))),
    )


def _day_left_out(sched: ast.Schedule, statement: str) -> Diagnostic | None:
    """`weekly 03:00 retain`, `monthly 03:00 retain`, `monthly last 03:00 retain`: the
    day left out before the time, so the time was read as the day and the word after
    it (here the next statement's first, begun on the line) as the time. One error
    at the time, which says the day is missing, as the parser does where no word
    follows (BKR010), not "`03:00` is not a day" and "`retain` is not a time". No
    fix: no help writes a day nobody chose. A day or a time after it is the two
    written the other way round, or two times (_day_and_time_swapped, BKR313). The help
    writes the statement whole (`statement`, its words before the schedule)."""
    if sched.frequency not in ("weekly", "monthly") or len(sched.days) != 1 or sched.time is None:
        return None
    day, time = sched.days[0], sched.time
    if parse_time(day.text) is None or parse_time(time.text) is not None or time_meant(time.text) is not None:
        return None
    if parse_weekday(time.text) is not None:
        return None  # `monthly 02:00 sun`, the ordinal left out: the weekday's error says what it is
    from bkrdsl.syntax import messages  # the parser's words; loaded for a broken file only (test_startup)

    names = ([sched.ordinal.text] if sched.ordinal is not None else []) + [day.text]
    left_out = messages.day_left_out(sched.frequency, names, statement)
    if left_out is None:
        return None
    message, help, label = left_out
    return INVALID_DAY(
        f"{message}; {quoted(time.text)} after it was read as the time", day.span, help=help, label=label
    )


def _retention_read_as_day(sched: ast.Schedule, statement: str) -> Diagnostic | None:
    """`purge weekly 35 days`, `purge monthly 35 days`, `purge weekly 5 weeks`: a
    retention where a `weekly` or `monthly` schedule has its day and its time, its
    number read as the day and its unit as the time. One error at both (the day is
    what is wrong first), which says what the schedule needs there, its day, then its
    time, and that the retention is `retain 35 days`, a statement of its own (weeks
    counted in days), as the parser says where a word stands before the number
    (`purge weekly keep 35 days`, BKR004); not "`35` is not a day of the week" and
    "`days` is not a time of day" (BKR313), nor a crontab's Friday for `5`. In a
    job's `run` line (`statement`, the words before the schedule), a job keeps no
    retention: it is the expire block's. No fix: the day and the time are a choice."""
    if sched.frequency not in ("weekly", "monthly") or sched.ordinal is not None or len(sched.days) != 1:
        return None
    number, unit = sched.days[0], sched.time
    if (
        unit is None
        or not number.text.isdigit()
        or re.fullmatch(r"days?|weeks?", unit.text, re.IGNORECASE) is None
        or number.span.line != unit.span.line
    ):
        return None
    from bkrdsl.syntax import messages  # the parser's words; loaded for a broken file only (test_startup)

    days = int(number.text) * (7 if unit.text.lower().startswith("week") else 1)
    keyword, _, placement = statement.partition(" ")
    schedule = " ".join(part for part in (placement, sched.frequency) if part)  # `weekly`, `on VMSYS1 weekly`
    message, label, help = messages.retention_for_day_said(f"{number.text} {unit.text}", keyword, schedule, days)
    return INVALID_DAY(message, span_through(number.span, unit.span), label=label, help=help)


#: Days of the week as people name several at once: a range (`mon-fri`, `mon..fri`)
#: and English's two words for the working week and the weekend.
_DAY_RANGE = re.compile(r"([A-Za-z]+)(?:-|\.\.)([A-Za-z]+)")
_DAY_WORDS = {"WEEKDAY": (0, 4), "WEEKDAYS": (0, 4), "WEEKEND": (5, 6), "WEEKENDS": (5, 6)}


def days_meant(text: str) -> str | None:
    """The comma list `weekly` takes for days written as one word: `mon-fri` and
    `weekdays` are `mon,tue,wed,thu,fri`, `weekend` `sat,sun`; a range runs on past
    Sunday (`fri-mon`: `fri,sat,sun,mon`). None for anything else."""
    ends = _DAY_WORDS.get(text.upper())
    m = _DAY_RANGE.fullmatch(text)
    if ends is None and m is not None:
        first, last = parse_weekday(m.group(1)), parse_weekday(m.group(2))
        ends = None if first is None or last is None or first == last else (first, last)
    if ends is None:
        return None
    first, last = ends
    count = (last - first) % len(WEEKDAYS) + 1
    return ",".join(WEEKDAYS[(first + i) % len(WEEKDAYS)].lower() for i in range(count))


def _days_range(sched: ast.Schedule) -> tuple[int, int] | None:
    """The first and last day of a range of days of the month a `monthly` schedule names
    as its one day (`monthly 1-15 03:00`, `1..15`), where a schedule names one day
    (BKR314); None for any other schedule."""
    if sched.frequency != "monthly" or sched.ordinal is not None or len(sched.days) != 1:
        return None
    found = re.fullmatch(r"(\d{1,2})(?:-|\.\.)(\d{1,2})", sched.days[0].text)
    if found is None or not 1 <= int(found.group(1)) < int(found.group(2)) <= 31:
        return None
    return int(found.group(1)), int(found.group(2))


def _working_day(sched: ast.Schedule, day: ast.Word, statement: str) -> Diagnostic | None:
    """`monthly first weekday 03:00`, `monthly last workday 03:00`: the month's first (or
    last) working day, Monday to Friday, which no schedule names (was "`weekday` is not a
    day of the week", its help the weekdays). BKR314 at the word, its help the schedules
    that come nearest (`messages.working_day`), each a choice where the time is one (as
    BKR313 reads it); none without it."""
    from bkrdsl.syntax import messages  # the parser's words; loaded for a broken file only

    if sched.ordinal is None or messages.WORKING_DAY.fullmatch(f"{sched.ordinal.text} {day.text}") is None:
        return None
    time = None
    if sched.time is not None:
        time = sched.time.text if parse_time(sched.time.text) is not None else time_meant(sched.time.text)
    keyword = "" if statement.startswith("run") else f"{statement.split()[0]} "
    message, help, schedules = messages.working_day(sched.ordinal.text, time or "HH:MM", keyword)
    past = _clock_has_not(sched)
    if past is not None:  # `monthly first weekday 25:00`: said here, not as a second error
        help += f" ({past})"
    choices: tuple[Fix, ...] = ()
    if time is not None and sched.time is not None:
        whole = span_through(sched.ordinal.span, sched.time.span)
        choices = tuple(
            Fix.replace(f"Write `{s}`", whole, s.removeprefix(keyword).removeprefix("monthly ")) for s in schedules
        )
    return INVALID_DAY(f"{quoted(day.text)} is not a day of the week: {message}", day.span, help=help, choices=choices)


def _clock_has_not(sched: ast.Schedule) -> str | None:
    """What the day's BKR314 says of a schedule's time HH:MM no clock has (`monthly 32
    25:00`: "`25:00` is no hour of the day: ..."), said there, not as a second error
    (BKR313), and no mend (a time past 23:59 has no certain meaning); None for any other."""
    if sched.time is None or parse_time(sched.time.text) is not None:
        return None
    from bkrdsl.syntax import messages  # the parser's words; loaded for a broken file only

    return messages.clock_has_not(sched.time.text)


def _no_day_number(sched: ast.Schedule) -> bool:
    """`monthly 32 4am`, `monthly 0 4am`: a `monthly` schedule's one day a number no month
    has, whose BKR314 help writes the time as BKR313 reads it (`monthly N 04:00`)."""
    if sched.frequency != "monthly" or sched.ordinal is not None or len(sched.days) != 1:
        return False
    word = sched.days[0].text
    return word.isascii() and word.isdigit() and len(word) <= 9 and not 1 <= int(word) <= 31


def _month_day_meant(sched: ast.Schedule) -> str | None:
    """The day a `monthly` schedule's one day, written otherwise, means where BKR314's
    fix writes it: `1` for `1st` (to the 31st), `last-day` for `lastday`, `L` or `-1`
    (`messages.last_day_respelt`); None for any other schedule."""
    if sched.frequency != "monthly" or sched.ordinal is not None or len(sched.days) != 1:
        return None
    word = sched.days[0].text
    ordinal = _ORDINAL.fullmatch(word)
    if ordinal is not None and 1 <= int(ordinal.group(1)) <= 31:
        return str(int(ordinal.group(1)))
    from bkrdsl.syntax import messages  # the parser's words; loaded for a broken file only

    if word.upper() != LAST_DAY and messages.nth_weekday_as_one(word) is None and messages.last_day_respelt(word):
        return "last-day"
    return None


#: A day of the month as English writes it: `1st`, `2nd`, `3rd`, `15th`.
_ORDINAL = re.compile(r"0?([0-9]{1,2})(?:st|nd|rd|th)", re.IGNORECASE)


@check
def times_and_days(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    suggest = Suggester()
    day_names = [d.lower() for d in WEEKDAYS]
    for statement, sched in _schedules(cluster):
        swapped = (
            _retention_read_as_day(sched, statement)
            or _range_read_as_time(sched, statement)
            or _day_and_time_swapped(sched)
            or _day_left_out(sched, statement)
            or _ordinal_read_as_day(sched)
            or _phrase_after_weekly(sched)
            or _crontab_day_read_as_time(sched)
        )
        if swapped is not None:
            yield swapped
            continue
        if sched.time is not None and parse_time(sched.time.text) is None:
            meant = time_meant(sched.time.text)
            day = _day_read_as_time(sched)
            if day is not None:
                yield day
            elif (meant is not None or _clock_has_not(sched) is not None) and (
                _days_range(sched) is not None
                or _month_day_meant(sched) is not None
                or len(sched.days) == 1 and _working_day(sched, sched.days[0], statement) is not None
                or _no_day_number(sched)
            ):
                # `monthly 1-15 3am`, `monthly 1st 3am`, `monthly -1 3am`, `monthly first weekday
                # 3am`: said in the day's error, whose help writes `03:00` and whose fix (or
                # choices) writes it too (was a second error); `monthly 32 25:00`: the day's
                # error says the time is none, HH:MM, no mend
                pass
            elif meant is None:
                help, fix = _time_out_of_clock(sched, statement)
                yield INVALID_TIME(
                    f"{quoted(sched.time.text)} is not a time of day"
                    if sched.time.text.lower() != "midnight"
                    else f"{quoted(sched.time.text)} is not a .bkr time: a time is HH:MM on a 24-hour clock",
                    sched.time.span,
                    help=help,
                    fix=fix,
                    choices=() if fix is not None else _time_choices(sched),
                )
            else:
                yield INVALID_TIME(
                    f"{quoted(sched.time.text)} is not a .bkr time: a time is HH:MM on a 24-hour clock",
                    sched.time.span,
                    help=f"write `{schedule_text(sched, meant)}`",
                    fix=Fix.replace(f"Write `{meant}`", sched.time.span, meant),
                )
        if sched.frequency == "weekly" or sched.ordinal is not None:
            for w in sched.days:
                if parse_weekday(w.text) is None:
                    if (
                        sched.ordinal is not None
                        and sched.ordinal.text.upper() == "LAST"
                        and w.text.lower() == "day"
                        and sched.ordinal.span.line == w.span.line
                    ):
                        # `monthly last day 23:00`: the month's last day is one word
                        both = sched.ordinal.span._replace(end_column=w.span.end_column, end=w.span.end)
                        meant = " ".join(p for p in ("monthly last-day", sched.time and sched.time.text) if p)
                        yield INVALID_DAY(
                            "`monthly last` takes a day of the week: the month's last day is written"
                            " `monthly last-day`, one word",
                            w.span,
                            help=f"write `{meant}`",
                            fix=Fix.replace("Write `last-day`", both, "last-day"),
                        )
                        continue
                    listed = days_meant(w.text)
                    if listed is not None and sched.ordinal is None:
                        # `weekly mon-fri 22:00`: the days, one by one
                        days = ",".join(listed if d is w else d.text for d in sched.days)
                        meant = " ".join(p for p in ("weekly", days, _time_for_help(sched)) if p)
                        yield INVALID_DAY(
                            f"{quoted(w.text)} is not a day of the week: `weekly` takes each day by name",
                            w.span,
                            help=f"write `{meant}`, the days separated by commas",
                            fix=Fix.replace(f"Write `{listed}`", w.span, listed),
                        )
                        continue
                    joined = re.split(r"[+&]", w.text)
                    if len(joined) > 1 and sched.ordinal is None and all(parse_weekday(d) is not None for d in joined):
                        # `weekly sat+sun 02:00`: days joined by `+` (a name's character), not `,`
                        listed = ",".join(joined)
                        days = ",".join(listed if d is w else d.text for d in sched.days)
                        meant = " ".join(p for p in ("weekly", days, _time_for_help(sched)) if p)
                        yield INVALID_DAY(
                            f"{quoted(w.text)} is not a day of the week: the days of `weekly` are separated by commas",
                            w.span,
                            help=f"write `{meant}`",
                            fix=Fix.replace(f"Write `{listed}`", w.span, listed),
                        )
                        continue
                    if w.text in _CRONTAB_DAYS and sched.ordinal is None:
                        # `weekly 7 02:00`: a day by number, as a crontab writes it; another
                        # count starts at Sunday (Quartz: 1), so no fix writes the name.
                        # `weekly 6,7 02:00`: one slip, one error that names every number
                        numbered = [d for d in sched.days if d.text in _CRONTAB_DAYS]
                        if w is not numbered[0]:
                            continue
                        yield _crontab_days(sched, numbered)
                        continue
                    if sched.ordinal is not None and _working_day(sched, w, statement) is not None:
                        yield _working_day(sched, w, statement)
                        continue
                    close = suggest.closest(w.text, [d.upper() for d in day_names])
                    yield INVALID_DAY(
                        f"{quoted(w.text)} is not a day of the week"
                        + (f": `monthly {sched.ordinal.text.lower()}` takes one" if sched.ordinal else ""),
                        w.span,
                        help=mean_help(
                            [c.lower() for c in close], "use mon, tue, wed, thu, fri, sat or sun"
                        ),
                        fix=mean_fix([c.lower() for c in close], w.span),
                    )
        elif sched.frequency == "monthly":
            for w in sched.days:
                if w.text.upper() == LAST_DAY:  # `monthly last-day 23:00`: the month's last day
                    continue
                n = small_int(w.text)
                if n is None or not 1 <= n <= 31:
                    ordinal = _ORDINAL.fullmatch(w.text)
                    n = int(ordinal.group(1)) if ordinal is not None else None
                    time = sched.time.text if sched.time and parse_time(sched.time.text) is not None else "HH:MM"
                    read = time_meant(sched.time.text) if sched.time is not None and time == "HH:MM" else None
                    # a time written otherwise with a day respelt (`monthly 1st 3am`): both in one fix
                    also = () if read is None or sched.time is None else (Edit(sched.time.span, read),)
                    said = "" if read is None or sched.time is None else f", and `{read}` for `{sched.time.text}`"
                    time = read or time
                    past = _clock_has_not(sched)
                    none = f" ({past})" if past is not None else ""  # `monthly L 25:00`: said here, no fix
                    last_day = f"`monthly last-day {time}` runs on each month's last day"
                    if n is not None and 1 <= n <= 31:
                        # `monthly 1st 02:00`: the day as English writes it; the 29th to the 31st
                        # as BKR404 would say once the number is written
                        short = f"; it skips the months with fewer than {n} days (BKR404): {last_day}" if n > 28 else ""
                        # `monthly 1st 25:00`: the day and the time both (the help wrote `1`
                        # alone, never `monthly 1 HH:MM`)
                        write = f"`{n}`{said}" if past is None else f"`monthly {n} {time}`"
                        yield INVALID_DAY(
                            f"{quoted(w.text)} is not a day of the month: a day is its number alone",
                            w.span,
                            help=f"write {write}: `monthly {n}{' ' + read if read else ''}` runs on the"
                            f" {w.text.lower()}{short}{none}",
                            fix=Fix(f"Write `{n}`{said}", (Edit(w.span, str(n)), *also)) if past is None else None,
                        )
                        continue
                    from bkrdsl.syntax import messages  # the parser's words; loaded for a broken file only

                    joined = messages.nth_weekday_as_one(w.text)
                    if joined is not None and sched.ordinal is None and len(sched.days) == 1:
                        # `monthly first-sunday 02:00`, `monthly last-sat 02:00`: the Nth weekday of
                        # the month as one word (was "not a day of the month", the help writing
                        # `monthly N`; `last-sat`'s fix wrote `last-day`, the month's last day);
                        # without the time, the parser's error says it (messages.schedule_left_unfinished)
                        meant, named = joined
                        yield INVALID_DAY(
                            f"{quoted(w.text)} is not a day of the month: {messages.NTH_WEEKDAY_AS_TWO}",
                            w.span,
                            help=f"write `monthly {meant} {time}`, the month's {named}",
                            fix=Fix.replace(f"Write `{meant}`", w.span, meant),
                        )
                        continue
                    if messages.last_day_respelt(w.text):
                        # `monthly lastday 23:00`, `last_day`, `last-dy`: the one word, spelt otherwise;
                        # `monthly L 23:00`, `eom`, `end`: as other schedulers write it
                        yield INVALID_DAY(
                            f"{quoted(w.text)} is not a day of the month: the month's last day is written `last-day`",
                            w.span,
                            help=f"write `monthly last-day {time}`{messages.LAST_DAY_ELSEWHERE.get(w.text.lower(), '')}"
                            + (f" (`{sched.time.text}` is written `{read}`)" if read else "") + none,
                            fix=Fix(f"Write `last-day`{said}", (Edit(w.span, "last-day"), *also)) if past is None else None,
                        )
                        continue
                    span_of = _days_range(sched)
                    if span_of is not None:
                        # `monthly 1-7 03:00`: a range of days (the help was `monthly N`, the
                        # range unsaid); one day a schedule, or the week's weekday it spans;
                        # a time written otherwise (`3am`), as BKR313 reads it, said here
                        first, last = span_of
                        written = f" (`{sched.time.text}` is written `{read}`)" if read else none
                        yield INVALID_DAY(
                            f"{quoted(w.text)} is not a day of the month: a `monthly` schedule names one day, not a range",
                            w.span,
                            help=messages.month_range_help(first, last, time, (statement.split() or ["run"])[0]) + written,
                        )
                        continue
                    yield INVALID_DAY(
                        f"{quoted(w.text)} is not a day of the month",
                        w.span,
                        help=f"write `monthly N {time}`, N from 1 to 31, or `monthly last-day {time}` for the month's last day"
                        + (f" (`{sched.time.text}` is written `{read}`)" if read and sched.time is not None else none),
                    )


@check
def retention(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    for e in cluster.expires:
        for w in e.retains:
            n = small_int(w.text)
            if n is None or not 1 <= n <= MAX_RETAIN_DAYS:
                yield INVALID_RETENTION(
                    f"{quoted(w.text)} is not a retention period in days",
                    w.span,
                    help=f"retain a whole number of days from 1 to {MAX_RETAIN_DAYS}",
                )


def _workers_help(member: ast.Member, w: ast.Word) -> str:
    """BKR316's help for a worker count: too many (`workers 120`), the most written
    with its line; a count with a comment glued to it (`workers 4#x`) that ends its
    line, the blank before the `#` (not where the comment would take the block's `}`
    or a statement after it on the line); anything else, the range."""
    most = f"Backup Manager runs at most {MAX_WORKERS} workers (IBM APAR PH50490)"
    head, hash_, _ = w.text.partition("#")
    if w.text.isascii() and w.text.isdigit():
        return f"{most}: write `workers {MAX_WORKERS}` for `workers {w.text}` (line {w.span.line})"
    after = [x.span for x in (*member.settings, *member.selections) if x.span.line == w.span.line and x.span.end > w.span.end]
    ends_line = member.span.end_line > w.span.line and not after
    if ends_line and hash_ and head.isascii() and head.isdigit() and 1 <= int(head) <= MAX_WORKERS:
        return (
            "a `#` inside a word is part of it: if a comment follows, write a blank before the `#`:"
            f" `workers {head} #{w.text[len(head) + 1 :]}` (line {w.span.line})"
        )
    return f"{most}, so a member has 1 to {MAX_WORKERS}"


def _workers_named(model: Model, text: str) -> int | None:
    """The count meant by worker IDs written for `workers`: the last worker of
    `BKRWRK04` or `BKRWRK01-BKRWRK04` (the worker pattern's own IDs, two digits where
    its `*` stands), where it is from 1 to MAX_WORKERS; else None."""
    pattern = model.worker_pattern
    if pattern is None or pattern.count("*") != 1 or not pattern.endswith("*"):
        return None
    prefix = pattern[:-1]
    found = re.fullmatch(rf"(?:{re.escape(prefix)}(\d{{1,2}})-)?{re.escape(prefix)}(\d{{1,2}})", text.upper())
    if found is None:
        return None
    first, last = int(found[1] or 1), int(found[2])
    return last if first == 1 and 1 <= last <= MAX_WORKERS else None


def named_workers(model: Model, count: int) -> str:
    """`BKRWRK01` alone, or `BKRWRK01 to BKRWRK04`: the IDs `workers COUNT` gives."""
    ids = worker_ids(model.worker_pattern or "", count)
    return ids[0] if count == 1 else f"{ids[0]} to {ids[-1]}"


@check
def numbers(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    for m in cluster.members:
        for s in m.settings_named("workers"):
            for w in s.values:
                n = small_int(w.text)
                if n is None or n > MAX_WORKERS:
                    named = _workers_named(model, w.text)
                    if named is not None:
                        # `workers BKRWRK01-BKRWRK04`: the machines named, as a
                        # template or the directory names them, not counted (stop 83)
                        yield INVALID_NUMBER(
                            f"{quoted(w.text)} names {'worker machines' if '-' in w.text else 'a worker machine'}:"
                            " `workers` takes how many the member runs,"
                            f" from 1 to {MAX_WORKERS}",
                            w.span,
                            help=f"write `workers {named}`: bkrc names them {named_workers(model, named)}, the same"
                            " IDs on every member (the workers are IDENTITY users)",
                            fix=Fix.replace(f"Write `{named}`", w.span, str(named)),
                        )
                        continue
                    yield INVALID_NUMBER(
                        f"{quoted(w.text)} is not a worker count from 1 to {MAX_WORKERS}",
                        w.span,
                        help=_workers_help(m, w),
                    )
    suggest = Suggester()
    for d in cluster.disks:
        n = disk_int(d.size.text)
        swapped = n is None and parse_disk_unit(d.size.text) is not None and bool(disk_int(d.unit.text))
        if swapped:
            # `size cyl 10`: the unit and the number the other way round, one slip
            # (not a size that is no number and a unit that is none).
            written = f"{d.unit.text} {d.size.text}"
            yield INVALID_NUMBER(
                f"`size {d.size.text} {d.unit.text}` gives the unit before the number",
                span_through(d.size.span, d.unit.span),
                help=f"write the number, then the unit: `size {written}`",
                fix=Fix.replace(f"Write `{written}`", span_through(d.size.span, d.unit.span), written),
            )
        elif n is None or n == 0:
            yield INVALID_NUMBER(
                f"disk size {quoted(d.size.text)} is not a whole number of at least 1",
                d.size.span,
                help="give the size as a number of cylinders or blocks, e.g. `size 10 cyl`",
            )
        unit = None if swapped else parse_disk_unit(d.unit.text)
        if unit is None and not swapped and n and d.unit.text.upper() in BYTE_UNITS:
            yield _size_in_bytes(model, d, n)
        elif unit is None and not swapped:
            close = suggest.closest(d.unit.text, DISK_UNITS)
            help = mean_help([c.lower() for c in close], "use `cyl` (CKD DASD) or `blk` (FBA DASD)")
            if n and d.unit.text.upper() in _TRACK_WORDS and not close:
                # `size 10 tracks`: `cyl` for the word, as the help read, made it 15 times
                # the size; the tracks counted in cylinders instead, rounded up.
                help = (
                    f"write `size {-(-n // 15)} cyl` for `size {d.size.text} {d.unit.text}` (line {d.span.line}):"
                    " bkrc sizes CKD minidisks in cylinders, of 15 tracks (`blk` for FBA DASD)"
                )
            yield UNKNOWN_UNIT(
                f"{quoted(d.unit.text)} is not a minidisk size unit",
                d.unit.span,
                help=help,
                fix=mean_fix([c.lower() for c in close], d.unit.span),
            )
        start = disk_int(d.start.text) if d.start is not None else None
        if d.start is not None and start is None:
            yield INVALID_NUMBER(
                f"extent start {quoted(d.start.text)} is not a cylinder or block number",
                d.start.span,
                help="give the first cylinder (or block) of the extent as a whole number",
            )
        limit = DISK_UNIT_LIMITS.get(unit)
        if limit is None or not n:
            continue
        words, volume, why = _LARGEST[unit]
        if n > limit:
            yield INVALID_NUMBER(
                f"disk size {n:,} {words} is more than the largest {volume} holds ({limit:,} {words})",
                d.size.span,
                help=why,
            )
        elif start is not None and start + n > limit:
            yield INVALID_NUMBER(
                f"the extent {start:,}-{start + n - 1:,} ends past the last {words[:-1]} of the largest"
                f" {volume}, {words[:-1]} {limit - 1:,}",
                d.start.span,
                help=f"{why}; start it at {limit - n:,} at the latest",
            )


def _size_in_bytes(model: Model, d: ast.Disk, n: int) -> Diagnostic:
    """BKR317 for a size in bytes (`size 10 MB`): the help says it in cylinders or
    blocks, rounded up so the minidisk holds it; the fix writes the unit of the
    volumes it goes on where they say one (`members.volume_unit_of`), else each unit
    is a choice. A count past the largest volume gets no mend."""
    from bkrdsl.check.members import volume_unit_of  # members imports this module

    size = n * BYTE_UNITS[d.unit.text.upper()]
    counts = {unit: size_in(n, d.unit.text, unit) for unit in BYTES_PER}
    sized = span_through(d.size.span, d.unit.span)
    mends = {
        unit: Fix.replace(f"Write `{count} {unit.lower()}`", sized, f"{count} {unit.lower()}")
        for unit, count in counts.items()
        if count <= DISK_UNIT_LIMITS[unit]
    }
    said = f"`{d.size.text} {d.unit.text}` is {size:,} bytes"
    message = f"{quoted(d.unit.text)} is not a minidisk size unit: a size is in cylinders (`cyl`) or blocks (`blk`)"
    known = volume_unit_of(model, d)
    if known is not None:
        volume = "CKD (3390)" if known == "CYL" else "FBA"
        return UNKNOWN_UNIT(
            message,
            d.unit.span,
            help=f"write `size {counts[known]} {known.lower()}`: {said}, {_in_units(known, counts[known])} rounded"
            f" up, as the minidisk's volume is {volume}",
            fix=mends.get(known),
        )
    return UNKNOWN_UNIT(
        message,
        d.unit.span,
        help=f"write `size {counts['CYL']} cyl` on a CKD (3390) volume, or `size {counts['BLK']} blk` on an FBA one:"
        f" {said}, {_in_units('CYL', counts['CYL'])} or {_in_units('BLK', counts['BLK'])}, rounded up",
        choices=tuple(mends.values()),
    )


def _in_units(unit: str, count: int) -> str:
    """`15 cylinders of 737,280 bytes`, `20,480 blocks of 512`."""
    word = ("cylinder" if unit == "CYL" else "block") + ("s" if count != 1 else "")
    return f"{count:,} {word} of {BYTES_PER[unit]:,} bytes"


INVALID_VOLUME_SIZE = register(
    "BKR336",
    "invalid-volume-size",
    "error",
    "a word after a volume label that looks like a size but states none",
    """
    A volume list may state a volume's size right after its label: a 3390
    model, `3390-1`, `3390-2`, `3390-3`, `3390-9`, `3390-27` or `3390-54`
    (1,113 to 65,520 cylinders, as DirMaint's EXTENT CONTROL lists them), or
    a count and unit joined by `-`: `262668-cyl` (a 3390 Model A, an extended
    address volume, has no one size), `2097152-blk` (an FBA volume, 512-byte
    blocks). A size is one word, a number, a `-` and a word, so that no
    volume label reads as one: a label cannot hold a `-` (BKR305). bkrc
    checks the minidisks on a volume of a stated size against it (BKR254).
    Another model (`3390-5`, `3380-K`), a unit other than cylinders or blocks
    (`10017-trk`), or a count of 0 or past the largest volume states no
    size.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  private-volume M1PRV1 3390-5 }   # <- BKR336
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          disk BKRBKUP 191 size 10 cyl
          disk BKRCATLG 191 size 10 cyl
          disk BKRWRK* 191 size 5 cyl
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: the volume's model (`3390-9`), or its cylinders (`10017-cyl`).
    """,
)


@check
def volume_sizes(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    lists = [s for m in cluster.members for s in m.settings_named("private-volume")]
    lists += [s for s in cluster.settings if s.keyword == "shared-volume"]
    for setting in lists:
        for label, word in setting.sizes:
            if parse_volume_size(word.text) is None:
                yield INVALID_VOLUME_SIZE(
                    f"the size of `{label.upper}`: {volume_size_problem(word.text)}",
                    word.span,
                    help="state a 3390 model (`3390-3`, `3390-9`, `3390-27`, `3390-54`) or the count and"
                    " unit joined by `-` (`10017-cyl`, `2097152-blk`)",
                )


#: What BKR316 says of the largest volume of each unit (model.DISK_UNIT_LIMITS).
_LARGEST = {
    "CYL": (
        "cylinders",
        "3390",
        "a 3390 has at most 1,182,006 cylinders (an extended address volume, 3390 Model A, about 1 TB)",
    ),
    "BLK": (
        "blocks",
        "FBA volume",
        "FBA blocks have 32-bit numbers: a volume has at most 4,294,967,296 blocks",
    ),
}


def _split_after_colon(item, following) -> bool:
    """`BKRPOOL: CICSPRD.*`: a path ending at its pool's `:`, then, on its line, a word
    without a `:` that reads as the rest of that path (only blanks stand between two
    names on one line)."""
    return (
        following is not None
        and item.text.endswith(":")
        and item.text.count(":") == 1
        and ":" not in following.text
        and following.span.line == item.span.end_line
        and sfs_path_problem(item.text + following.text) is None
    )


#: A file pool ID (Recovery's `POOL USER.DIR`): 1 to 8 letters and digits, a letter first.
_POOL_ID = re.compile(r"[A-Za-z][A-Za-z0-9]{0,7}")


def _pool_without_colon(item, following, pools: set[str], model: Model) -> bool:
    """`BKRPOOL CICSPRD.*`: one of the file pools the cluster names (`pools`), or one
    of z/VM's own (`ZVM_FILE_POOLS`: `VMSYSU`), alone, then, on its line, a path without a pool that
    reads as the rest of the path with a `:` between them. So too a pool named nowhere
    else (`USERPOOL *.*`) before a path whose user ID holds a wildcard (`*.*`, `CICS*.LOGS`):
    such a path names no one user's directories, so it is no path of its own whose pool
    was left out, and the word before it, a pool ID no user of the file is declared as,
    is its pool (`USERPOOL JOHN.*` stays two paths, each without its pool)."""
    if (
        following is None
        or _POOL_ID.fullmatch(item.text) is None
        or ":" in following.text
        or following.span.line != item.span.end_line
        or sfs_path_problem(f"{item.text}:{following.text}") is not None
    ):
        return False
    pool = item.text.upper()
    if pool in pools or pool in ZVM_FILE_POOLS:
        return True
    user = following.text.split(".", 1)[0]
    return any(c in user for c in "*%?") and model.user(pool) is None and model.pattern_for(pool) is None


def _between(one, other) -> Span:
    """The span from the end of word `one` to the start of word `other` (the blanks between)."""
    return Span(
        one.span.file, one.span.end_line, one.span.end_column,
        other.span.line, other.span.column, one.span.end, other.span.start,
    )


def _up_to(one, other) -> Span:
    """The span from the start of word `one` to the start of word `other` (`one` and the blanks after it)."""
    return Span(
        one.span.file, one.span.line, one.span.column, other.span.line, other.span.column,
        one.span.start, other.span.start,
    )


#: Words for a file pool written before an SFS path: the catalog's `pool`, and CMS's
#: (`QUERY FILEPOOL`), which a sysprog writes as a template's field (stop 83).
_POOL_WORDS = frozenset({"pool", "filepool", "file-pool"})


def _pool_word_before_path(item, following, after, pools: set[str], model: Model) -> tuple[Diagnostic, int] | None:
    """`include sfs pool BKRPOOL:CICSPRD.*` (or `pool BKRPOOL CICSPRD.*`): the word `pool`
    (or CMS's `filepool`) before a path, as a catalog's file pool is named; a path names its pool before its `:`.
    One BKR318 whose fix removes the word (and writes the `:` a blank took), and the number
    of items after it that it covers (was "SFS path `pool` names no file pool", whose help
    wrote `BKRPOOL:pool`, and for `pool BKRPOOL CICSPRD.*` a second BKR318 whose fix kept
    `pool`)."""
    if following is None or item.text.lower() not in _POOL_WORDS or following.span.line != item.span.end_line:
        return None
    if ":" in following.text and sfs_path_problem(following.text) is None:
        whole, covered, last = following.text, 1, following
        edits = (Edit(_up_to(item, following), ""),)
    elif _pool_without_colon(following, after, pools, model):
        whole, covered, last = f"{following.text}:{after.text}", 2, after
        edits = (
            Edit(_up_to(item, following), ""),
            Edit(_between(following, after), ":"),
        )
    else:
        return None
    span = Span(
        item.span.file, item.span.line, item.span.column, last.span.end_line, last.span.end_column,
        item.span.start, last.span.end,
    )
    return INVALID_SFS_PATH(
        f"{quoted(item.text)} is not written before an SFS path: the path names its file pool before its `:`",
        span,
        help=f"remove `{item.text}`: write `{whole}`, the file pool, a `:` and the user ID in one word",
        fix=Fix(f"Write `{whole}`", edits),
    ), covered


def _pool_joined_with_dot(item, pools: set[str]) -> Diagnostic | None:
    """`BKRPOOL.CICSPRD.*`: a file pool the cluster names joined to the path's user ID
    with a `.` where CMS writes `:`. One BKR318 whose fix writes the `:` (was "names no
    file pool", whose help wrote `BKRPOOL:BKRPOOL.CICSPRD.*`)."""
    pool, dot, rest = item.text.partition(".")
    if not dot or ":" in item.text or pool.upper() not in pools or not rest:
        return None
    meant = f"{pool}:{rest}"
    if sfs_path_problem(meant) is not None or item.span.end - item.span.start != len(item.text):
        return None
    where = Span(
        item.span.file, item.span.line, item.span.column + len(pool), item.span.line, item.span.column + len(pool) + 1,
        item.span.start + len(pool), item.span.start + len(pool) + 1,
    )
    return INVALID_SFS_PATH(
        f"SFS path {quoted(item.text)} joins its file pool {quoted(pool.upper())} to the user ID with `.`:"
        " CMS writes POOL:USER.DIR",
        item.span,
        help=f"write `{meant}`: a `:` after the file pool, a `.` before each directory",
        fix=Fix.replace("Write `:` after the file pool", where, ":"),
    )


def _sfs_path_help(text: str, selection: ast.Selection, pools: set[str]) -> str:
    """The help for a malformed SFS path: for one without its file pool (`OPER1.*`),
    the path with the pool the statement's other paths name, or else the one pool
    the cluster names, when that reads as a path (a guess, so no fix), but where the
    statement's last word begins a file pool the cluster names (`include sfs B`, an
    editor checking each keystroke), that pool being typed; else how CMS writes a
    path."""
    general = "write the path as CMS does: POOL:USER.DIR.SUBDIR"
    if ":" in text:
        return general
    up = text.upper()
    begun = sorted(p for p in {p.upper() for p in pools} if p.startswith(up))
    if begun and up.isalnum() and selection.items[-1].text == text:
        # `include sfs B`, `BKRPOO`, `BKRPOOL`, the last word of the statement: a file
        # pool the cluster names being typed (not a path `BKRPOOL:B` to write)
        said = "is" if begun == [up] else f"begins {alternatives(begun)},"
        pool = "the file pool" if len(begun) == 1 else "file pools"
        return f"`{text}` {said} {pool} the cluster names: write a `:` after it, then the owner's user ID, `{begun[0]}:USER.DIR`"
    listed = {i.text.split(":", 1)[0].upper() for i in selection.items if ":" in i.text[1:]}
    where = "as the statement's other paths do" if len(listed) == 1 else "the file pool the cluster names"
    candidates = listed if len(listed) == 1 else pools
    if len(candidates) != 1:
        return f"name its file pool first, `POOL:{text}`, as CMS writes a path: POOL:USER.DIR.SUBDIR"
    (pool,) = candidates
    if sfs_path_problem(f"{pool}:{text}") is not None:
        return general
    return f"name its file pool first, `{pool}:{text}` if it is in {pool}, {where}"


def minidisk_written_as_sfs(selection: ast.Selection) -> bool:
    """`include sfs * 0191`, `exclude sfs LINUX01 0190-019F`: an SFS selection whose
    words read as a minidisk selection's, an owner (`*`, a user ID or a pattern, with
    no `:` or `.`) and then addresses or ranges (or `*`). `sfs` was written for
    `minidisk`: one BKR318 for the statement, not one for each word, and BKR413 does
    not judge the job's excludes against it (nor it, an exclude, against the job)."""
    if selection.medium is not ast.Medium.SFS or len(selection.items) < 2:
        return False
    owner, *addresses = (i.upper for i in selection.items)
    if owner != "*" and (":" in owner or "." in owner or not valid_user_or_pattern(owner)):
        return False
    # An address as written in a selection starts with a digit (`0191`, `0100-0FFF`):
    # `include sfs ABC DEF` is two paths without their pool, not an owner and `DEF`.
    return all(a == "*" or (ADDRESS_LIKE.fullmatch(a) and parse_address_range(a)) for a in addresses)


def _minidisk_as_sfs(selection: ast.Selection) -> Diagnostic:
    """BKR318 once for a minidisk selection written with `sfs`, with a fix that writes
    `minidisk` (the span from the statement's first word up to its owner is rewritten,
    when both are on one line)."""
    action = selection.action.value
    words = " ".join(i.text for i in selection.items)
    first, last = selection.items[0], selection.items[-1]
    start = selection.span
    fix = None
    if first.span.line == start.line:
        head = Span(start.file, start.line, start.column, first.span.line, first.span.column, start.start, first.span.start)
        fix = Fix.replace("Write `minidisk` for `sfs`", head, f"{action} minidisk ")
    return INVALID_SFS_PATH(
        f"`{action} sfs {words}` names a minidisk owner and addresses, not SFS paths",
        span_through(first.span, last.span),
        help=f"for minidisks write `{action} minidisk {words}`; an SFS path is POOL:USER.DIR",
        fix=fix,
    )


def _prose_run(selection: ast.Selection, start: int, end: int) -> Diagnostic:
    """BKR318 once for a run of words in small letters after an SFS selection's paths
    (ast.prose_after_paths)."""
    words = selection.items[start:end]
    text = " ".join(w.text for w in words)
    return INVALID_SFS_PATH(
        f"`{text}` after the SFS paths reads as words, not as {len(words)} more paths: each path names"
        " its file pool, POOL:USER.DIR",
        span_through(words[0].span, words[-1].span),
        help=f"if it is a comment, start it with `#`: `# {text}`; if the words are another statement's,"
        " write them on a line of their own",
    )


@check
def sfs_paths(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    # the file pools the cluster names: the catalog's, and those of its SFS paths
    catalog = model.catalog
    pools = {catalog.pool} if catalog is not None and catalog.pool else set()
    for selection in selections_of(cluster, ast.Medium.SFS):
        pools.update(i.text.split(":", 1)[0].upper() for i in selection.items if ":" in i.text[1:])
    for kind, selection in block_selections_of(cluster, ast.Medium.SFS):
        if minidisk_written_as_sfs(selection):
            yield _minidisk_as_sfs(selection)
            continue
        split = None
        skip = 0
        settings = tape_setting_lines(cluster, selection, kind)
        setting_end = 0
        prose = ast.prose_after_paths([item.text for item in selection.items])
        prose_end = 0
        for index, (item, following) in enumerate(zip(selection.items, [*selection.items[1:], None])):
            if index in settings:
                setting_end = settings[index][0]
                yield _tape_setting_read_as_items(selection, index, *settings[index])
            if index < setting_end:
                continue  # `density 6250` under the paths: a tape's setting, said once
            if index in prose:
                yield _prose_run(selection, index, prose[index])
                prose_end = prose[index]
            if index < prose_end:
                continue  # a word of a run of prose: reported with the run
            if split is not None:
                split = None
                continue  # the second half of a path a blank split: reported with the first
            if skip:
                skip -= 1
                continue  # a word of a path reported with the `pool` before it
            stars = _template_file_fields(selection.items, index)
            if stars:
                yield _sfs_template_record(item, selection.items[index + stars])
                skip = stars
                continue
            after = selection.items[index + 2] if index + 2 < len(selection.items) else None
            pool_word = _pool_word_before_path(item, following, after, pools, model)
            if pool_word is not None:
                diagnostic, skip = pool_word
                yield diagnostic
                continue
            if _pool_without_colon(item, following, pools, model):
                split = following
                gap = _between(item, following)
                whole = f"{item.text}:{following.text}"
                yield INVALID_SFS_PATH(
                    f"the file pool {quoted(item.text)} and the path {quoted(following.text)} are one SFS"
                    f" path, joined by `:`: {quoted(whole)}",
                    Span(
                        item.span.file, item.span.line, item.span.column,
                        following.span.end_line, following.span.end_column, item.span.start, following.span.end,
                    ),
                    help=f"write `{whole}`: the file pool, a `:` and the user ID are one word",
                    fix=Fix.replace("Write `:` after the file pool", gap, ":"),
                )
                continue
            if _split_after_colon(item, following):
                split = following
                gap = _between(item, following)
                whole = f"{item.text}{following.text}"
                yield INVALID_SFS_PATH(
                    f"a blank after the `:` splits the SFS path {quoted(whole)} in two",
                    Span(
                        item.span.file, item.span.line, item.span.column,
                        following.span.end_line,
                        following.span.end_column,
                        item.span.start,
                        following.span.end,
                    ),
                    help=f"write `{whole}`: the file pool, its `:` and the user ID are one word",
                    fix=Fix.replace("Remove the blank after the `:`", gap, ""),
                )
                continue
            if item.text.endswith(".") and sfs_path_problem(item.text[:-1]) is None:
                yield _sfs_path_ending_in_a_dot(item)
                continue
            dotted = _pool_joined_with_dot(item, pools)
            if dotted is not None:
                yield dotted
                continue
            problem = sfs_path_problem(item.text)
            if problem:
                yield INVALID_SFS_PATH(problem, item.span, help=_sfs_path_help(item.text, selection, pools))


#: The file pools z/VM itself supplies (IBM, z/VM CMS File Pool Planning,
#: Administration, and Operation, "File Pool Server Machines": VMSERVS owns VMSYS,
#: VMSERVP VMPSFS, VMSERVU VMSYSU, VMSERVR VMSYSR): never a misspelt pool of the file.
ZVM_FILE_POOLS = frozenset({"VMSYS", "VMPSFS", "VMSYSU", "VMSYSR"})


def declared_pools(model: Model) -> tuple[set[str], set[str]]:
    """The file pools the cluster's SFS paths may name without a warning: every
    pool the file declares (`catalog ... pool`, `to disk pool`, `to tape pool`)
    and z/VM's own; and of them the catalogs' SFS file pools, the ones BKR339
    suggests. A catalog's pool written with the `:` CMS writes before a path
    (`pool BKRPOOL:`, BKR306's, fixed to `BKRPOOL`) counts as the pool it names, so
    that the paths in it are not said to name another (was BKR339 "did you mean
    `BKRPOOL:`" at each)."""
    cluster = model.cluster
    catalog = {w.upper.removesuffix(":") for c in cluster.catalogs for w in c.pool}
    targets = {t.pool.upper for j in cluster.jobs for t in j.targets if t.pool is not None}
    return catalog | targets | ZVM_FILE_POOLS, catalog


def one_slip(one: str, other: str) -> bool:
    """Whether `one` is `other` with one letter left out, added, changed, or two
    neighbours swapped (`BKRPOL`, `BKRPOOLL`, `BKRP0OL`, `BKRPOLO` for BKRPOOL):
    a misspelling for certain. `WEBPOOL` is as close to BKRPOOL by "did you mean"
    (difflib's 0.71), and another pool."""
    if one == other or abs(len(one) - len(other)) > 1:
        return False
    if len(one) == len(other):
        diff = [i for i, (a, b) in enumerate(zip(one, other)) if a != b]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and one[diff[0]] == other[diff[1]] and one[diff[1]] == other[diff[0]]
        )
    short, long = sorted((one, other), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def numbered_alike(one: str, other: str) -> bool:
    """`BKRPOOL2` and `BKRPOOL`, `POOL1` and `POOL2`: names that differ only in
    digits at the end, a series of pools rather than a misspelling."""
    return one.rstrip("0123456789") == other.rstrip("0123456789")


@check
def sfs_pool_near_misses(model: Model):
    """BKR339: an SFS path's file pool the cluster does not declare, closest to the
    catalog's pool (bkrc's "did you mean": one closest, not a tie) of every declared one."""
    cluster = model.cluster
    if cluster is None:
        return
    known, catalog = declared_pools(model)
    if not catalog:
        return
    suggest = Suggester()
    asked: dict[str, str | None] = {}
    for selection in selections_of(cluster, ast.Medium.SFS):
        if minidisk_written_as_sfs(selection):
            continue  # BKR318
        for item in selection.items:
            span = item.span
            pool, colon, _ = item.text.partition(":")
            if not colon or sfs_path_problem(item.text) is not None or pool.upper() in known:
                continue  # a malformed path is BKR318's
            if span.line != span.end_line or span.end - span.start != len(item.text):
                continue  # not written as one plain word (a quoted path: its own error)
            up = pool.upper()
            if up not in asked:
                close = suggest.closest(up, known)  # the closest, ties included
                meant = close[0] if len(close) == 1 and close[0] in catalog else None
                certain = meant is not None and one_slip(up, meant) and not numbered_alike(up, meant)
                asked[up] = meant if certain else None
            meant = asked[up]
            if meant is None:
                continue
            where = span._replace(end_column=span.column + len(pool), end=span.start + len(pool))
            yield SFS_POOL_NEAR_MISS(
                f"file pool {quoted(up)} of SFS path {quoted(item.text)} is declared nowhere;"
                f" did you mean `{meant}`, the catalog's file pool?",
                where,
                help=f"write `{meant}{item.text[len(pool):]}`, the path in the catalog's pool; if {quoted(up)} is"
                " indeed another file pool of the site, leave the path as it is",
                fix=mean_fix([meant], where),
            )


def _template_file_fields(items: tuple[ast.Word, ...], index: int) -> int:
    """`BKRPOOL:CICSPRD. * *`: the number of `*` words (one or two) after the path at
    `index` on its line, the last of the selection, where the path names its pool and
    reads without a last `.`: a template's SFS record, its file name and type after the
    directory (0 where it is not one)."""
    item = items[index]
    if ":" not in item.text[1:] or sfs_path_problem(item.text.rstrip(".")) is not None:
        return 0
    rest = items[index + 1 :]
    if not 1 <= len(rest) <= 2 or any(w.text != "*" or w.span.line != item.span.line for w in rest):
        return 0
    return len(rest)


def _sfs_template_record(item: ast.Word, last: ast.Word) -> Diagnostic:
    """`include sfs BKRPOOL:CICSPRD. * *`, a Backup Manager template's SFS record pasted
    (the directory, CMS's top one with its `.`, then the files' name and type, `*`): one
    error, whose fix writes the directory alone, which selects its files."""
    bare = item.text.rstrip(".")
    written = Span(item.span.file, item.span.line, item.span.column, last.span.end_line, last.span.end_column,
                   item.span.start, last.span.end)
    which = "the user's top directory" if "." not in bare.partition(":")[2] else "the directory"
    return INVALID_SFS_PATH(
        f"SFS path {quoted(item.text)} and the `*` after it are a Backup Manager template's record: a directory,"
        " then its files' name and type",
        written,
        help=f"write `{bare}`, {which}, whose files a .bkr path selects all of (`{bare}.*` names the directories"
        " under it); bkrc writes the template",
        fix=Fix.replace(f"Write `{bare}`", written, bare),
    )


def _sfs_path_ending_in_a_dot(item: ast.Word) -> Diagnostic:
    """`BKRPOOL:LNXA*.`, `BKRPOOL:CICSPRD.LOGS.`: a path that would be valid without its
    last `.`. After the user ID alone it is CMS's way of writing a file space's top
    directory (`ACCESS VMSYSU:JOE. B`), which a .bkr path does not use: the user ID
    alone, or directories after the `.`, are both what the user may mean, so no fix.
    After a directory name the `.` is one too many, and the fix removes it."""
    bare = item.text[:-1]
    dot = Span(
        item.span.file, item.span.end_line, item.span.end_column - 1,
        item.span.end_line, item.span.end_column, item.span.end - 1, item.span.end,
    )
    if "." not in bare.partition(":")[2]:
        return INVALID_SFS_PATH(
            f"SFS path {quoted(item.text)} ends with a `.` after the user ID, as CMS writes a top directory",
            item.span,
            help=f"in a .bkr path a `.` comes only before a directory name: write the user ID alone, `{bare}`,"
            f" or directories after it, `{bare}.*`",
        )
    return INVALID_SFS_PATH(
        f"SFS path {quoted(item.text)} ends with a `.` that no directory name follows",
        item.span,
        help=f"write `{bare}`",
        fix=Fix.replace("Remove the last `.`", dot, ""),
    )


#: A backslash and what follows it in a quoted text: `\"` and `\\` are the escapes.
_ESCAPE = re.compile(r"\\(.)")


def _descriptions(cluster: ast.Cluster) -> Iterator[ast.Setting]:
    yield from (s for s in cluster.settings if s.keyword == "description")
    for member in cluster.members:
        yield from member.settings_named("description")
    for job in cluster.jobs:
        yield from job.descriptions


@check
def escapes(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    for setting in _descriptions(cluster):
        for word in setting.values:
            span = word.span
            for m in _ESCAPE.finditer(word.text, 1, max(1, len(word.text) - 1)):
                c = m.group(1)
                if c in "\\\"":
                    continue
                start = span.column + m.start()
                yield UNKNOWN_ESCAPE(
                    f"`\\{c}` is not an escape: the backslash is dropped and the text holds `{c}`"
                    if c.isprintable() and c != " "
                    else f"a backslash before U+{ord(c):04X} is not an escape: the backslash is dropped",
                    span._replace(
                        column=start,
                        end_column=start + 2,
                        start=span.start + m.start(),
                        end=span.start + m.end(),
                    ),
                    help="write `\\\\` for a backslash; `\\\"` is a quote mark, and there are no other escapes",
                )


INVALID_WAIT = register(
    "BKR337",
    "invalid-wait",
    "error",
    "a `logon-wait` or `pool-wait` BKRSTART cannot keep: not a whole number, 0, over 60 minutes, or not whole tries",
    """
    `logon-wait` and `pool-wait` on the `catalog` statement say how long
    BKRSTART, on the SFS server's home member, waits for the server to log
    on (by default 60 seconds) and then for its file pool to serve (by
    default 3 minutes), before it gives up with rc 44 and starts none of the
    other machines. BKRSTART asks every 2 seconds whether the server is
    logged on and every 5 seconds whether its pool serves, so a wait is a
    whole number of those tries: `logon-wait 45 seconds` is not (the fix
    writes 46 seconds, the next whole try), `pool-wait 2 minutes` is. A wait
    is at least one try and at most 60 minutes: BKRSTART runs in AUTOLOG1's
    PROFILE EXEC, which holds up the rest of the member's start-up until it
    returns.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL pool-wait 0 minutes   # <- BKR337
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `pool-wait 10 minutes`, or leave the statement out for the default.
    """,
)

UNKNOWN_WAIT_UNIT = register(
    "BKR338",
    "unknown-wait-unit",
    "error",
    "a `logon-wait` or `pool-wait` unit other than seconds or minutes",
    """
    A wait is given in seconds (`seconds`, `second`, `secs`, `sec`) or in
    minutes (`minutes`, `minute`, `mins`, `min`). A wait in hours is written
    in minutes (the fix does so: `1 hour` is `60 minutes`, the longest wait).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL logon-wait 3 minuts   # <- BKR338
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `logon-wait 3 minutes`.
    """,
)

#: Each wait's keyword, its default and how often BKRSTART asks (model.py).
_WAITS = (
    ("logon-wait", DEFAULT_LOGON_WAIT, LOGON_POLL_SECONDS),
    ("pool-wait", DEFAULT_POOL_WAIT, POOL_POLL_SECONDS),
)
_DIGITS = re.compile(r"[0-9]+")
#: Units of an hour: a wait in hours is written in minutes (BKR338's fix).
_HOURS = frozenset({"H", "HR", "HRS", "HOUR", "HOURS"})


def _minutes_or_seconds(seconds: int) -> str:
    """A wait as it is best written: `2 minutes`, `1 minute`, `46 seconds`."""
    count, unit = (seconds // 60, "minute") if seconds % 60 == 0 else (seconds, "second")
    return f"{count} {unit}{'' if count == 1 else 's'}"


def _unit_meant(text: str) -> list[str]:
    """The unit a misspelt one means, when the closest spellings are of one unit
    (`minuts`: `minute` and `minutes` are as close, both minutes)."""
    close = Suggester().closest(text, WAIT_UNITS)
    if len(close) == 1:
        return [close[0].lower()]
    units = {WAIT_UNITS[c] for c in close}
    return ["minutes" if 60 in units else "seconds"] if len(units) == 1 else []


def _wait_problem(wait: ast.Wait, keyword: str, default: int, interval: int) -> Diagnostic | None:
    """BKR337 or BKR338 for one `logon-wait` or `pool-wait`, or None when BKRSTART keeps it."""
    written = f"`{keyword} {wait.count.text} {wait.unit.text}`"
    # any count of digits: `99999999999 seconds` is too long, not "no whole number"
    count = int(wait.count.text) if _DIGITS.fullmatch(wait.count.text) else None
    unit = wait.unit.text.upper()
    first, last = wait.count.span, wait.unit.span
    both = span_through(first, last)
    if wait.count.text.upper() in WAIT_UNITS and small_int(wait.unit.text) is not None:
        meant = f"{wait.unit.text} {wait.count.text.lower()}"
        return INVALID_WAIT(
            f"{written}: the number comes before its unit",
            both,
            help=f"write `{keyword} {meant}`",
            fix=Fix.replace(f"Write `{meant}`", both, meant),
        )
    if unit not in WAIT_UNITS:
        if unit in _HOURS:
            seconds = count * 3600 if count is not None else None
            fits = seconds is not None and 0 < seconds <= MAX_WAIT_SECONDS
            minutes = _minutes_or_seconds(seconds) if fits else f"{MAX_WAIT_SECONDS // 60} minutes at most"
            return UNKNOWN_WAIT_UNIT(
                f"{quoted(wait.unit.text)} is not a unit `{keyword}` takes: a wait is in seconds or minutes",
                wait.unit.span,
                help=f"write `{keyword} {minutes}`" if fits else f"write the wait in minutes, {minutes}",
                fix=Fix.replace(f"Write `{minutes}`", both, minutes) if fits else None,
            )
        meant = _unit_meant(wait.unit.text)
        return UNKNOWN_WAIT_UNIT(
            f"{quoted(wait.unit.text)} is not a unit of time `{keyword}` takes",
            wait.unit.span,
            help=mean_help(meant, "use `seconds` or `minutes`"),
            fix=mean_fix(meant, wait.unit.span),
        )
    if count is None:
        return INVALID_WAIT(
            f"{quoted(wait.count.text)} is not a whole number of {wait.unit.text.lower()}",
            wait.count.span,
            help=f"write the wait as a number and its unit: `{keyword} {_minutes_or_seconds(default)}`",
        )
    seconds = count * WAIT_UNITS[unit]
    if seconds == 0:
        return INVALID_WAIT(
            f"{written} does not wait: BKRSTART would give up on the SFS server at once",
            wait.count.span,
            help=f"wait at least {interval} seconds, or leave `{keyword}` out for the default,"
            f" {_minutes_or_seconds(default)}",
        )
    if seconds > MAX_WAIT_SECONDS:
        return INVALID_WAIT(
            f"{written} is more than {MAX_WAIT_SECONDS // 60} minutes",
            wait.count.span,
            help=f"BKRSTART runs in AUTOLOG1's PROFILE EXEC and holds up the member's start-up:"
            f" wait at most {MAX_WAIT_SECONDS // 60} minutes",
        )
    if seconds % interval:
        tries = -(-seconds // interval) * interval
        return INVALID_WAIT(
            f"{written} is not a whole number of BKRSTART's {interval}-second tries",
            wait.count.span,
            help=f"BKRSTART asks every {interval} seconds: write `{keyword} {tries} seconds`",
            fix=Fix.replace(f"Write `{tries}`", wait.count.span, str(tries)),
        )
    return None


@check
def startup_waits(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    for catalog in cluster.catalogs:
        for (keyword, default, interval), waits in zip(_WAITS, (catalog.logon_waits, catalog.pool_waits)):
            for wait in waits:
                found = _wait_problem(wait, keyword, default, interval)
                if found is not None:
                    yield found
