"""A sweep of slips a z/VM system programmer makes writing .bkr for the first time,
coming from CP directories, DirMaint, REXX, Backup Manager job templates and YAML:
words the other way round, CP directory lines in a group body, `=` and `:` after
keywords, quotes, other languages' comments, commas missing or doubled, ranges
and times written another way. Each damages examples/prodssi.bkr in one place
and must give exactly one diagnostic, with its code, at the place of the slip.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_message_width import too_long

from bkrdsl.fixes import apply_edits
from bkrdsl.pipeline import analyse
from bkrdsl.syntax.fast import KEYWORDS, STATEMENT_KEYWORDS
from bkrdsl.syntax.messages import DISK_UNIT_WORDS, GENERIC_HELP, KEYWORD_PLACES, STATEMENT_HOMES

ROOT = Path(__file__).resolve().parent.parent
BASE = (ROOT / "examples" / "prodssi.bkr").read_text(encoding="utf-8")

#: A job pasted into job SYSIN before its `}`, at a job's indentation.
PASTED_JOB = (
    "    run on each member daily 03:30\n  job SYSFU {\n    backup SYSIDS full\n    to tape\n"
    "    run on each member weekly sun 04:00\n  }\n  }"
)

# what was done, what the clean file says, what the user wrote instead, the one diagnostic
# fmt: off
SLIPS = [
    ('swap single group', '  single group APPS {', '  group single APPS {', "BKR004 45:3"),
    ('swap identity group', '  identity group SYSIDS {', '  group identity SYSIDS {', "BKR004 47:3"),
    ('swap member name', '  member VMSYS2 {', '  VMSYS2 member {', "BKR004 10:3"),
    ('swap job name', '  job APPSFULL {', '  APPSFULL job {', "BKR004 68:3"),
    ('swap level', 'backup APPS full', 'backup full APPS', "BKR004 69:17"),
    ('swap minidisk include', 'include minidisk * 0191-01FF', 'minidisk include * 0191-01FF', "BKR004 70:5"),
    ('swap to disk', '    to disk pool BKUPPOOL\n    run on VMSYS1', '    disk to pool BKUPPOOL\n    run on VMSYS1', "BKR004 73:5"),
    ('swap disk pool', '    to disk pool BKUPPOOL\n    run on VMSYS1', '    to pool disk BKUPPOOL\n    run on VMSYS1', "BKR004 73:8"),
    ('swap pool name', '    to disk pool BKUPPOOL\n    run on VMSYS1', '    to disk BKUPPOOL pool\n    run on VMSYS1', "BKR004 73:13"),
    ('swap run on', 'run on VMSYS1 daily 02:00', 'on run VMSYS1 daily 02:00', "BKR004 74:5"),
    ('swap on member', 'run on VMSYS1 daily 02:00', 'run VMSYS1 on daily 02:00', "BKR004 74:9"),
    ('swap daily time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 02:00 daily', "BKR012 74:19"),
    ('swap weekly day', 'run on VMSYS2 weekly sat 22:00', 'run on VMSYS2 sat weekly 22:00', "BKR012 55:19"),
    ('swap each member', 'run on each member daily 03:30', 'run on member each daily 03:30', "BKR004 82:12"),
    ('swap catalog shared', 'catalog shared server', 'shared catalog server', "BKR004 20:3"),
    ('swap tape manager', 'tape manager shared', 'manager tape shared', "BKR004 26:3"),
    ('swap manager shared', 'tape manager shared', 'tape shared manager', "BKR004 26:8"),
    ('swap retain days', 'retain 35 days', 'retain days 35', "BKR004 24:12"),
    ('swap workers number', '{ workers 4  private-volume M1PRV1 }', '{ 4 workers  private-volume M1PRV1 }', "BKR004 9:19"),
    ('swap server name', 'server BKRSVSFS pool', 'BKRSVSFS server pool', "BKR004 20:18"),
    ('swap expire on', 'expire on VMSYS1 {', 'on expire VMSYS1 {', "BKR004 21:3"),
    ('swap single user', '  single group APPS { CICSPRD DB2PRD }', '  user single CICSPRD\n  single group APPS { CICSPRD DB2PRD }', "BKR004 45:3"),
    ('swap size unit', 'disk BKRBKUP 191 size 10 cyl', 'disk BKRBKUP 191 10 size cyl', "BKR004 31:20"),
    ('swap purge weekly', 'purge weekly sun 03:00', 'weekly purge sun 03:00', "BKR004 23:5"),
    ('cp user in group', '{ CICSPRD DB2PRD }', '{\n    CICSPRD\n    USER LINUX01 XXXXXXXX 512M 1G G\n    DB2PRD\n  }', "BKR012 47:5"),
    ('cp mdisk in group', '{ CICSPRD DB2PRD }', '{\n    CICSPRD\n    MDISK 0191 3390 1000 10 VMCOM1 MR\n    DB2PRD\n  }', "BKR012 47:5"),
    ('cp identity in group', '{ TCPIP FTPSERVE }', '{\n    TCPIP\n    IDENTITY FTPSERVE XXXXXXXX 32M 64M G\n  }', "BKR012 49:5"),
    ('cp subconfig block', 'member VMSYS2 {', 'subconfig VMSYS2 {', "BKR012 10:3"),
    ('cp user first in group', '{ CICSPRD DB2PRD }', '{ USER CICSPRD NOLOG 64M 128M G\n    DB2PRD }', "BKR012 45:23"),
    ('missing unit', 'disk BKRBKUP 191 size 10 cyl', 'disk BKRBKUP 191 size 10', "BKR010 31:25"),
    # a selection's medium alone on its line: its `include` or `exclude` left out is the one
    # error (was a second, its owner and addresses missing, at the same word)
    ('minidisk alone after a member\'s labels', '{ workers 4  private-volume M1PRV1 }', '{ workers 4  private-volume M1PRV1\n    minidisk\n  }', "BKR004 10:5"),
    ('minidisk alone after workers', '{ workers 4  private-volume M1PRV1 }', '{ workers 4\n    minidisk\n  }', "BKR004 10:5"),
    ('minidisk alone first in a member', '{ workers 4  private-volume M1PRV1 }', '{\n    minidisk\n    workers 4  private-volume M1PRV1 }', "BKR004 10:5"),
    ('minidisk alone after addresses', '    include minidisk * 0191\n    to disk', '    include minidisk * 0191\n    minidisk\n    to disk', "BKR004 64:5"),
    ('minidisk alone first in a job', '    include minidisk * 0191\n    to disk', '    minidisk\n    include minidisk * 0191\n    to disk', "BKR004 63:5"),
    ('sfs alone after sfs paths', '    include sfs BKRPOOL:CICSPRD.*', '    include sfs BKRPOOL:CICSPRD.*\n    sfs', "BKR004 73:5"),
    # BKRSTART's waits on the catalog line: a unit missing, swapped, misspelt, in hours
    ('missing wait unit', 'pool BKRPOOL on VMSYS1\n', 'pool BKRPOOL on VMSYS1 logon-wait 5\n', "BKR010 20:68"),
    ('swap wait unit', 'pool BKRPOOL on VMSYS1\n', 'pool BKRPOOL on VMSYS1 logon-wait minutes 5\n', "BKR337 20:68"),
    ('logonwait', 'pool BKRPOOL on VMSYS1\n', 'pool BKRPOOL on VMSYS1 logonwait 5 minutes\n', "BKR012 20:57"),
    ('logon wait', 'pool BKRPOOL on VMSYS1\n', 'pool BKRPOOL on VMSYS1 logon wait 5 minutes\n', "BKR012 20:57"),
    ('wait in hours', 'pool BKRPOOL on VMSYS1\n', 'pool BKRPOOL on VMSYS1 pool-wait 1 hour\n', "BKR338 20:69"),
    ('wait unit misspelt', 'pool BKRPOOL on VMSYS1\n', 'pool BKRPOOL on VMSYS1 pool-wait 5 minuts\n', "BKR338 20:69"),
    ('wait of no whole tries', 'pool BKRPOOL on VMSYS1\n', 'pool BKRPOOL on VMSYS1 logon-wait 45 seconds\n', "BKR337 20:68"),
    ('wait in a member block', '{ workers 4  private-volume M1PRV1 }', '{ workers 4  pool-wait 5 minutes  private-volume M1PRV1 }', "BKR013 9:30"),
    ('wait off the catalog line', '  tape manager shared', '  logon-wait 2 minutes\n  tape manager shared', "BKR013 26:3"),
    # a statement's keyword half typed alone on its line, as it is typed (the fast parser reads these)
    ('half typed retain', '    retain 35 days\n', '    retai\n', "BKR012 24:5"),
    ('half typed description', '    description "System machines, one job per member"\n', '    descri\n', "BKR012 78:5"),
    ('keep for retain alone', '    retain 35 days\n', '    keep\n', "BKR012 24:5"),
    ('one letter of a job statement', '    backup APPS full\n', '    b\n', "BKR012 69:5"),
    ('two letters of a cluster statement', '  disk BKRBKUP 191 size 10 cyl\n', '  di\n', "BKR012 31:3"),
    ('missing size kw', 'disk BKRBKUP 191 size 10 cyl', 'disk BKRBKUP 191 10 cyl', "BKR004 31:20"),
    # an expire block's statement after a job's list of SFS paths or minidisk addresses:
    # misplaced, as `workers 3` there is, not three more paths or addresses
    ('retain after sfs paths', '    include sfs BKRPOOL:CICSPRD.*\n', '    include sfs BKRPOOL:CICSPRD.*\n    retain 30 days\n', "BKR013 73:5"),
    ('preview after sfs paths', '    include sfs BKRPOOL:CICSPRD.*\n', '    include sfs BKRPOOL:CICSPRD.*\n    preview daily 01:00\n', "BKR013 73:5"),
    ('purge after sfs paths', '    include sfs BKRPOOL:CICSPRD.*\n', '    include sfs BKRPOOL:CICSPRD.*\n    purge weekly sun 03:00\n', "BKR013 73:5"),
    ('retain after addresses', '    include minidisk * 0191\n    to disk', '    include minidisk * 0191\n    retain 30 days\n    to disk', "BKR013 64:5"),
    ('purge after addresses', 'empty at logon\n    to tape', 'empty at logon\n    purge weekly sun 03:00\n    to tape', "BKR013 54:5"),
    ('extent for at', 'on VMCOM1 at 1000', 'on VMCOM1 extent 1000', "BKR012 34:43"),
    # where the disk starts, as CP's MDISK writes it: `on VOLUME at START` meant
    ('extent without its volume', 'cyl on VMCOM1 at 1000', 'cyl extent 1000', "BKR012 34:33"),
    ('start alone after the size', 'cyl on VMCOM1 at 1000', 'cyl 1000', "BKR004 34:33"),
    ('start after the volume without at', 'on VMCOM1 at 1000', 'on VMCOM1 1000', "BKR004 34:43"),
    ('start before the volume', 'cyl on VMCOM1 at 1000', 'cyl 1000 on VMCOM1', "BKR004 34:33"),
    ('extent before the volume', 'cyl on VMCOM1 at 1000', 'cyl extent 1000 on VMCOM1', "BKR004 34:33"),
    ('keyword again at the line end', 'backup APPS full', 'backup APPS full backup', "BKR004 69:22"),
    ('equals workers', '{ workers 4  private-volume M1PRV1 }', '{ workers=4  private-volume M1PRV1 }', "BKR014 9:26"),
    ('equals pool', 'to disk pool BKUPPOOL\n    run on VMSYS1', 'to disk pool=BKUPPOOL\n    run on VMSYS1', "BKR014 73:17"),
    ('equals retain', 'retain 35 days', 'retain = 35 days', "BKR014 24:12"),
    ('equals description', 'description "Weekly full', 'description = "Weekly full', "BKR014 50:17"),
    ('colon after member', 'member VMSYS2 {', 'member: VMSYS2 {', "BKR014 10:9"),
    ('equals after member', 'member VMSYS2 {', 'member VMSYS2 = {', "BKR014 10:17"),
    ('colon after backup', 'backup APPS full', 'backup: APPS full', "BKR014 69:11"),
    ('colon after run', 'run on VMSYS1 daily 02:00', 'run: on VMSYS1 daily 02:00', "BKR014 74:8"),  # was BKR003, "the character `:` cannot appear here"
    ('quoted member', 'member VMSYS2 {', 'member "VMSYS2" {', "BKR004 10:10"),
    ('quoted pool', 'to disk pool BKUPPOOL\n    run on VMSYS1', 'to disk pool "BKUPPOOL"\n    run on VMSYS1', "BKR004 73:18"),
    ('single quoted group entry', '{ CICSPRD DB2PRD }', "{ 'CICSPRD' DB2PRD }", "BKR017 45:23"),
    ('semicolon end', 'backup APPS full', 'backup APPS full;', "BKR003 69:21"),
    ('semicolon after brace', 'run on VMSYS1 daily 02:00\n  }', 'run on VMSYS1 daily 02:00\n  };', "BKR003 75:4"),
    ('// comment end', 'backup APPS full', 'backup APPS full  // nightly', "BKR016 69:23"),
    ('/* */ comment end', 'backup APPS full', 'backup APPS full  /* nightly */', "BKR016 69:23"),
    ('/* */ comment line', '  job APPSFULL {', '  /* application servers */\n  job APPSFULL {', "BKR016 68:3"),
    ('-- comment', 'backup APPS full', 'backup APPS full  -- nightly', "BKR016 69:23"),
    ('comma missing members', 'run on each member daily 03:30', 'run on VMSYS1 VMSYS2 VMSYS3 VMSYS4 daily 03:30', "BKR004 82:19"),
    ('comma doubled members', 'run on each member daily 03:30', 'run on VMSYS1,, VMSYS2, VMSYS3, VMSYS4 daily 03:30', "BKR015 82:19"),
    ('comma trailing backup', 'backup APPS full', 'backup APPS, full', "BKR331 69:18"),
    ('comma in weekly doubled', 'weekly sat 22:00', 'weekly sat,,sun 22:00', "BKR015 55:30"),
    ('comma in private-volume', 'private-volume M1PRV1 }', 'private-volume M1PRV1, M1PRV2 }', "BKR015 9:51"),
    ('comma in exclude', 'exclude minidisk * 0190 019D 019E', 'exclude minidisk * 0190, 019D, 019E', "BKR015 53:28"),
    ('comma in shared-volume', 'shared-volume VMCOM1', 'shared-volume VMCOM1, VMCOM2', "BKR015 18:23"),
    # the catalog's pool written with the `:` CMS writes before a path: its one error, not
    # also BKR339 at each path in that pool ("did you mean `BKRPOOL:`")
    ('pool with its colon', 'pool BKRPOOL on VMSYS1', 'pool BKRPOOL: on VMSYS1', "BKR306 20:39"),
    # a `,` after a whole statement before its block's `}`, as at the end of its line
    ('comma before the brace', 'private-volume M1PRV1 }', 'private-volume M1PRV1, }', "BKR015 9:51"),
    ('time window', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily 02:00 to 04:00', "BKR004 74:31"),
    ('time window in expire', 'preview daily 01:00', 'preview daily 01:00 to 02:00', "BKR004 22:25"),
    ('time 02.00', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily 02.00', "BKR313 74:25"),
    ('weekly sun-sat', 'weekly sat 22:00', 'weekly mon-fri 22:00', "BKR314 55:26"),
    ('address with 0x', 'exclude minidisk * 0190 019D 019E', 'exclude minidisk * 0x190 019D 019E', "BKR310 53:24"),
    ('range with colon', 'include minidisk * 0100-0FFF', 'include minidisk * 0100:0FFF', "BKR310 52:24"),
    ('range with two dots', 'include minidisk * 0100-0FFF', 'include minidisk * 0100..0FFF', "BKR310 52:24"),
    ('range with colon in a member', 'exclude minidisk LNX* 0192', 'exclude minidisk LNX* 0192:0193', "BKR310 13:27"),
    ('range spaced', 'include minidisk * 0100-0FFF', 'include minidisk * 0100 - 0FFF', "BKR004 52:24"),
    ('range with to', 'include minidisk * 0100-0FFF', 'include minidisk * 0100 to 0FFF', "BKR004 52:24"),
    ('addr 5 digits', 'include minidisk * 0191\n    to disk', 'include minidisk * 00191\n    to disk', "BKR310 63:24"),
    ('mdisk instead of minidisk', 'include minidisk * 0191-01FF', 'include mdisk * 0191-01FF', "BKR012 70:13"),
    ('minidisks plural', 'include minidisk * 0191-01FF', 'include minidisks * 0191-01FF', "BKR012 70:13"),
    ('retain without days', 'retain 35 days', 'retain 35', "BKR004 24:12"),
    ('retain 35d', 'retain 35 days', 'retain 35d', "BKR004 24:12"),
    ('retain 5 weeks', 'retain 35 days', 'retain 5 weeks', "BKR004 24:14"),
    # a count with a minus sign, which no name starts with: one error that says the range
    # (was "unexpected `-1`; expected a name"), the statement read on with its `days`
    ('retain a negative count', 'retain 35 days', 'retain -1 days', "BKR004 24:12"),
    ('workers a negative count', '{ workers 4  private-volume M1PRV1 }', '{ workers -1  private-volume M1PRV1 }', "BKR004 9:27"),
    ('disk size a negative count', 'disk BKRBKUP 191 size 10 cyl', 'disk BKRBKUP 191 size -10 cyl', "BKR004 31:25"),
    ('extent start a negative count', 'cyl on VMCOM1 at 1000', 'cyl on VMCOM1 at -5', "BKR004 34:46"),
    ('logon-wait a negative count', 'pool BKRPOOL on VMSYS1', 'pool BKRPOOL on VMSYS1 logon-wait -3 minutes', "BKR004 20:68"),
    ('pool-wait a negative count', 'pool BKRPOOL on VMSYS1', 'pool BKRPOOL on VMSYS1 pool-wait -300 seconds', "BKR004 20:67"),
    # a negative size with its unit run on (was "unexpected `-10cyl`; expected a name")
    ('disk size a negative count, its unit run on', 'disk BKRBKUP 191 size 10 cyl', 'disk BKRBKUP 191 size -10cyl', "BKR004 31:25"),
    # letters run on to a negative number that takes no unit (was "expected a name")
    ('workers a negative count, letters run on', '{ workers 4  private-volume M1PRV1 }', '{ workers -4x  private-volume M1PRV1 }', "BKR004 9:27"),
    ('extent start a negative count, a unit run on', 'cyl on VMCOM1 at 1000', 'cyl on VMCOM1 at -5cyl', "BKR004 34:46"),
    # a `,` after a selection's owner ending its line (was the generic BKR015)
    ('comma after the owner ends the line', 'exclude minidisk * 0190 019D 019E\n    include sfs', 'exclude minidisk *,\n    include sfs', "BKR015 71:23"),
    # a retention on a purge line without `retain` (was a word too many at `35` and at `days`)
    ('retention on the purge line, retain left out', 'purge weekly sun 03:00', 'purge weekly sun 03:00 35 days', "BKR004 23:28"),
    ('retention for the purge time', 'purge weekly sun 03:00', 'purge weekly sun keep 35 days', "BKR004 23:22"),
    ('retention after a word on the purge line', 'purge weekly sun 03:00', 'purge weekly sun 03:00 for 35 days', "BKR012 23:28"),
    ('retention for the weekly day and time', 'purge weekly sun 03:00', 'purge weekly keep 35 days', "BKR004 23:18"),
    # the number where the time goes, the day part whole (was a word too many at `days`,
    # whose help wrote `purge daily 35`), and read as the day, which the checker says
    # (was BKR314 and BKR313)
    ('retention for the daily purge time', 'purge weekly sun 03:00', 'purge daily 35 days', "BKR004 23:17"),
    ('retention for the purge time after its days', 'purge weekly sun 03:00', 'purge weekly sun,sat 35 days', "BKR004 23:26"),
    ('retention read as the weekly purge day and time', 'purge weekly sun 03:00', 'purge weekly 35 days', "BKR314 23:18"),
    # in a job's `run` line (was a word too many, or BKR314 and BKR313)
    ('retention for the run time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily 35 days', "BKR004 74:25"),
    ('retention in words for the run time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily keep 35 days', "BKR004 74:25"),
    ('retention for the run day and time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 weekly keep 35 days', "BKR004 74:26"),
    ('retention read as the weekly run day and time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 weekly 35 days', "BKR314 74:26"),
    # after the run's time (was a word too many at `35` and at `days`, the generic BKR012
    # at `for`, "did you mean `retain`?" at `keep`, whose fix wrote a `retain` the job
    # cannot hold, and BKR013 at `retain`)
    ('retention after the run time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily 02:00 35 days', "BKR004 74:31"),
    ('retention after a word after the run time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily 02:00 for 35 days', "BKR004 74:31"),
    ('retention in words after the run time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily 02:00 keep 35 days', "BKR004 74:31"),
    ('retain after the run time', 'run on each member daily 03:30', 'run on each member weekly sun 04:00 retain 35 days', "BKR004 82:41"),
    # a keyword of another block, misspelt or in other words, on a line of its own in a
    # job (was "did you mean `retain`?" whose fix wrote a `retain` the job cannot hold)
    ('retention in words on its line in a job', '    run on VMSYS1 daily 02:00\n', '    run on VMSYS1 daily 02:00\n    keep 35 days\n', "BKR012 75:5"),
    ('retain misspelt on its line in a job', '    run on VMSYS1 daily 02:00\n', '    run on VMSYS1 daily 02:00\n    retian 35 days\n', "BKR012 75:5"),
    ('expire in other words in a job', '    run on VMSYS1 daily 02:00\n', '    run on VMSYS1 daily 02:00\n    expiration\n', "BKR012 75:5"),
    # ... and at the top level of the file, where `retain` would give BKR013 too (was
    # "did you mean `retain`?" whose fix `bkrc check --fix` refused)
    ('retention in words at the top level', 'import std/zvm73\n', 'import std/zvm73\nkeep 35 days\n', "BKR012 5:1"),
    ('job misspelt at the top level', 'import std/zvm73\n', 'import std/zvm73\njbo X {\n  backup APPS full\n}\n', "BKR012 5:1"),
    # ... cut short, or a list, the cluster on the line after it (was a second error at the
    # cluster: "expected `days` after `35`", or the cluster's name read into the list)
    ('retention in words cut short at the top level', 'import std/zvm73\n', 'import std/zvm73\nkeep 35\n', "BKR012 5:1"),
    ('match misspelt at the top level', 'import std/zvm73\n', 'import std/zvm73\nmtach LNX*\n', "BKR012 5:1"),
    ('match at the top level', 'import std/zvm73\n', 'import std/zvm73\nmatch LNX*\n', "BKR013 5:1"),
    # a retention cut short after the run's time, its unit or its number too left out:
    # the one BKR004 of `retain 35 days` there (was BKR013 at `retain`, BKR012 at `keep`)
    ('retain without days after the run time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily 02:00 retain 35', "BKR004 74:31"),
    ('retain alone after the run time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily 02:00 retain', "BKR004 74:31"),
    ('keep alone after the run time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily 02:00 keep  # a month', "BKR004 74:31"),
    ('retain without days after the run time, the brace after', '    run on VMSYS1 daily 02:00\n  }',
     '    run on VMSYS1 daily 02:00 retain 35 }', "BKR004 74:31"),
    # the day left out, then a word that is no time read as the time: one error for the
    # day (was BKR314 for `03:00` as a day and BKR313 for `retain` as a time)
    ('purge weekly without its day, retain begun on its line', 'purge weekly sun 03:00', 'purge weekly 03:00 retain', "BKR314 23:18"),
    ('workers missing number', '{ workers 4  private-volume M1PRV1 }', '{ workers  private-volume M1PRV1 }', "BKR010 9:19"),
    ('job name too long quoted desc', 'description "System machines, one job per member"', 'description System machines', "BKR010 78:17"),
    ('incremental as incr', 'backup SYSIDS incremental', 'backup SYSIDS incr', "BKR012 79:19"),
    ('level differential', 'backup APPS full', 'backup APPS differential', "BKR004 69:17"),
    ('to tape pool missing name', '    to tape\n    run on each', '    to tape pool\n    run on each', "BKR010 81:13"),
    ('purge for expire, brace on the next line', '  expire on VMSYS1 {', '  purge on VMSYS1\n  {', "BKR004 21:3"),
    ('schedule without run, on without member', 'run on VMSYS1 daily 02:00', 'daily 02:00 on', "BKR004 74:5"),
    ('keyword doubled before its value', 'private-volume M3PRV1', 'private-volume private-volume M3PRV1', "BKR004 15:45"),
    ('catalog server keyword left out', 'catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1', 'catalog shared BKRSVSFS',
     "BKR004 20:18"),
    ('private-volume keyword left out', 'workers 2  private-volume M4PRV1', 'workers 2 VAPRV1', "BKR004 16:29"),
    ('tape pool without to or name', '    to tape\n    run on each', '    tape pool\n    run on each', "BKR004 81:5"),
    ('run at', 'run on VMSYS1 daily 02:00', 'run at VMSYS1 daily 02:00', "BKR004 74:5"),
    ('run on member kw', 'run on VMSYS1 daily 02:00', 'run on member VMSYS1 daily 02:00', "BKR004 74:12"),
    ('yaml list in private-volume', 'private-volume M1PRV1 }', 'private-volume: [M1PRV1] }', "BKR014 9:44"),
    # a group's `}` forgotten, its body empty or not: not a `{` too many at the next block
    ('empty single group unclosed', '  single group APPS { CICSPRD DB2PRD }', '  single group APPS {', "BKR005 47:3"),
    ('empty identity group unclosed before a job', '  identity group SYSIDS { TCPIP FTPSERVE }', '  identity group SYSIDS {',
     "BKR005 49:3"),
    ('empty identity group unclosed before disks', '  disk BKRBKUP 191 size 10 cyl',
     '  identity group SYSX {\n  disk BKRBKUP 191 size 10 cyl', "BKR005 32:3"),
    ('empty member block unclosed', '  member VMSYS1 { workers 4  private-volume M1PRV1 }', '  member VMSYS1 {', "BKR005 10:3"),
    # a job pasted into another before its `}`, the braces balanced: misplaced, not a `}`
    # missing there and another closing nothing at the end
    ('job pasted inside a job', '    run on each member daily 03:30\n  }',
     PASTED_JOB, "BKR013 83:3"),
    ('description keyword deleted', '    description "Weekly full', '    "Weekly full', "BKR004 50:5"),
    ('description text over two lines', '"Weekly full backup of the Linux guests"',
     '"Weekly full backup"\n    "of the Linux guests"', "BKR004 51:5"),
    ('job opening line deleted', '  job APPSFULL {\n', '\n', "BKR013 69:5"),
    # a group, a member or expire block pasted into a group body (or a group into a member
    # block) before its `}`, the braces balanced: misplaced there, not a `}` missing before
    # it and the cluster closed by the group's own `}`
    ('group pasted inside a group', '  single group APPS { CICSPRD DB2PRD }',
     '  single group APPS {\n    CICSPRD DB2PRD\n  identity group SYSIDS2 { TCPIP2 }\n  }', "BKR013 47:3"),
    ('group pasted first inside a group', '  single group APPS { CICSPRD DB2PRD }',
     '  single group APPS {\n  identity group SYSIDS2 {\n    TCPIP2\n  }\n  }', "BKR013 46:3"),
    ('member pasted inside a group', '  single group APPS { CICSPRD DB2PRD }',
     '  single group APPS {\n    CICSPRD DB2PRD\n  member VMSYS5 { workers 2 }\n  }', "BKR013 47:3"),
    ('expire pasted inside a group', '  single group APPS { CICSPRD DB2PRD }',
     '  single group APPS {\n    CICSPRD DB2PRD\n  expire on VMSYS2 { retain 5 days }\n  }', "BKR013 47:3"),
    ('group pasted inside a member', '  member VMSYS4 { workers 2  private-volume M4PRV1 }',
     '  member VMSYS4 {\n    workers 2  private-volume M4PRV1\n  identity group SYSIDS2 { TCPIP2 }\n  }', "BKR013 18:3"),
    # ... on the body's own line, after its user IDs
    ('group pasted inside a group on its line', '  single group APPS { CICSPRD DB2PRD }',
     '  single group APPS { CICSPRD identity group X { T } }', "BKR013 45:31"),
    ('member pasted inside a group on its line', '  single group APPS { CICSPRD DB2PRD }',
     '  single group APPS { CICSPRD DB2PRD member VMSYS5 { workers 2 } }', "BKR013 45:38"),
    # ... with its `}` copied twice, the file's only `}` too many: one error, not also
    # the group's own `}` closing nothing and the cluster closed early
    ('group pasted inside a group with its } twice', '  single group APPS { CICSPRD DB2PRD }',
     '  single group APPS {\n    CICSPRD DB2PRD\n  identity group SYSIDS2 { TCPIP2 } }\n  }', "BKR013 47:3"),
    ('group pasted on a group line with its } twice', '  single group APPS { CICSPRD DB2PRD }',
     '  single group APPS { CICSPRD identity group X { T } } }', "BKR013 45:31"),
    ('member pasted inside a group with its } twice', '  single group APPS { CICSPRD DB2PRD }',
     '  single group APPS {\n    CICSPRD DB2PRD\n  member VMSYS5 { workers 2 } }\n  }', "BKR013 47:3"),
    ('group pasted inside a member with its } twice', '  member VMSYS4 { workers 2  private-volume M4PRV1 }',
     '  member VMSYS4 {\n    workers 2  private-volume M4PRV1\n  identity group SYSIDS2 { TCPIP2 } }\n  }', "BKR013 18:3"),
    ('job pasted inside a job with its } twice', '    run on each member daily 03:30\n  }',
     PASTED_JOB.replace("  }\n  }", "  } }\n  }"), "BKR013 83:3"),
    ('job pasted inside a job with its } twice below', '    run on each member daily 03:30\n  }',
     PASTED_JOB.replace("  }\n  }", "  }\n  }\n  }"), "BKR013 83:3"),
    ('job pasted inside a job with its } twice below a comment', '    run on each member daily 03:30\n  }',
     PASTED_JOB.replace("  }\n  }", "  }  # weekly\n  }\n  }"), "BKR013 83:3"),
    # its `}` forgotten before a group pasted on its line: the `}` is missing before that
    ('group not closed before a group on its line', '  single group APPS { CICSPRD DB2PRD }',
     '  single group APPS { CICSPRD identity group X { T }', "BKR005 45:31"),
    ('missing closing job brace', '    run on VMSYS1 daily 02:00\n  }\n', '    run on VMSYS1 daily 02:00\n\n', "BKR005 77:3"),
    ('job name with dot', '  job APPSFULL {', '  job APPS.FULL {', "BKR303 68:7"),
    ('group with colon', '  single group APPS {', '  single group APPS: {', "BKR014 45:20"),
    ('group entries with equals', '{ CICSPRD DB2PRD }', '{ users = CICSPRD DB2PRD }', "BKR003 45:29"),
    ('match with quotes', 'match LNXAPP*', 'match "LNXAPP*"', "BKR004 43:57"),
    ('match regex', 'match LNXAPP*', 'match LNXAPP.*', "BKR301 43:57"),
    ('catalog server =', 'catalog shared server BKRSVSFS', 'catalog shared server=BKRSVSFS', "BKR014 20:24"),
    ('description single', 'description "Nightly', "description 'Nightly", "BKR017 61:17"),
    ('dirmaint style', '  single group APPS { CICSPRD DB2PRD }', '  DIRM ADD CICSPRD\n  single group APPS { CICSPRD DB2PRD }', "BKR012 45:3"),
    ('rexx say', '  single group APPS { CICSPRD DB2PRD }', "  say 'hello'\n  single group APPS { CICSPRD DB2PRD }", "BKR012 45:3"),
    ('rexx if', '  single group APPS { CICSPRD DB2PRD }', '  if rc <> 0 then exit\n  single group APPS { CICSPRD DB2PRD }', "BKR012 45:3"),
    ('yaml job', '  job APPSFULL {', '  job: APPSFULL {', "BKR014 68:6"),
    ('cluster name quoted', 'cluster PRODSSI {', 'cluster "PRODSSI" {', "BKR004 6:9"),
    ('on each members', 'run on each member daily 03:30', 'run on each members daily 03:30', "BKR004 82:12"),
    ('every member', 'run on each member daily 03:30', 'run on every member daily 03:30', "BKR004 82:12"),
    ('expire on each', 'expire on VMSYS1 {', 'expire on each {', "BKR004 21:13"),
    ('backup group kw', 'backup APPS full', 'backup group APPS full', "BKR004 69:12"),
    ('backup users kw', 'backup APPS full', 'backup users APPS full', "BKR004 69:12"),
    ('backup user kw', 'backup APPS full', 'backup user CICSPRD full', "BKR004 69:12"),
    ('backup group kw no level', 'backup APPS full', 'backup group APPS', "BKR004 69:12"),
    ('include owner missing', 'include minidisk * 0191-01FF 0200', 'include minidisk 0191-01FF', "BKR010 70:22"),
    ('exclude sfs no pool', 'include sfs BKRPOOL:CICSPRD.*', 'include sfs CICSPRD.*', "BKR318 72:17"),
    ('tape without manager', 'tape manager shared catalog-node', 'tape shared catalog-node', "BKR004 26:3"),
    ('catalog-node missing on', 'catalog-node TCTMM on VMSYS1', 'catalog-node TCTMM VMSYS1', "BKR004 26:36"),
    ('job-suffix =', '    workers 4\n    private-volume M2PRV1', '    workers 4\n    job-suffix = C\n    private-volume M2PRV1', "BKR014 12:16"),
    ('private volumes plural', 'private-volume M2PRV1', 'private-volumes M2PRV1', "BKR012 12:5"),
    ('disk size 10cyl', 'disk BKRBKUP 191 size 10 cyl', 'disk BKRBKUP 191 size 10cyl', "BKR010 31:25"),
    ('disk size 10M', 'disk BKRBKUP 191 size 10 cyl', 'disk BKRBKUP 191 size 10M', "BKR010 31:25"),
    ('disk size 10 MB', 'disk BKRBKUP 191 size 10 cyl', 'disk BKRBKUP 191 size 10 MB', "BKR317 31:28"),
    ('disk 0191 3390', 'disk BKRBKUP 191 size 10 cyl', 'disk BKRBKUP 191 3390 size 10 cyl', "BKR004 31:20"),
    ('shared-volume 2 words', 'shared-volume VMCOM1', 'shared volume VMCOM1', "BKR012 18:3"),
    ('retain 35d', 'retain 35 days', 'retain 35d', "BKR004 24:12"),
    ('member body without braces', 'member VMSYS4 { workers 2  private-volume M4PRV1 }',
     'member VMSYS4 workers 2 private-volume M4PRV1', "BKR011 16:17"),
    # a group's users on its line without the braces: one BKR011, not BKR004 at the next `{` (stop 34)
    ('group body without braces', '  single group APPS { CICSPRD DB2PRD }', '  single group APPS CICSPRD DB2PRD', "BKR011 45:21"),
    ('group body with match without braces', 'single group LINUX { LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }',
     'single group LINUX LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP*', "BKR011 43:22"),
    ('identity group body without braces', '  identity group SYSIDS { TCPIP FTPSERVE }',
     '  identity group SYSIDS TCPIP FTPSERVE', "BKR011 47:25"),
    ('sfs blank after colon', 'include sfs BKRPOOL:CICSPRD.*', 'include sfs BKRPOOL: CICSPRD.*', "BKR318 72:17"),
    ('minidisk for disk', 'disk BKRBKUP 191 size 10 cyl', 'minidisk BKRBKUP 191 size 10 cyl', "BKR004 31:3"),
    ('disk address first', 'disk BKRBKUP 191 size 10 cyl', 'disk 191 BKRBKUP size 10 cyl', "BKR310 31:8"),
    ('pool single quoted', 'pool BKRPOOL on', "pool 'BKRPOOL' on", "BKR017 20:39"),
    ('include for import', 'import std/zvm73', 'include std/zvm73', "BKR004 4:1"),
    ('import backslash', 'import std/zvm73', 'import std\\zvm73', "BKR003 4:11"),
    ('single user group', '  single group APPS {', '  single user group APPS {', "BKR004 45:10"),
    ('identity user group', '  identity group SYSIDS {', '  identity user group SYSIDS {', "BKR004 47:12"),
    ('schedule before on', 'run on VMSYS1 daily 02:00', 'run daily 02:00 on VMSYS1', "BKR004 74:9"),
    ('schedule before on, member missing', 'run on VMSYS1 daily 02:00', 'run daily 02:00 on', "BKR004 74:9"),
    ('catalog-node member first', 'catalog-node TCTMM on VMSYS1', 'catalog-node on VMSYS1 TCTMM', "BKR004 26:36"),
    ('cron schedule', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 0 2 * * *', "BKR012 74:19"),
    ('cron schedule no match', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 */5 * * * *', "BKR012 74:19"),
    ('cron weekday range', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 0 2 * * 1-5', "BKR012 74:19"),
    ('cron weekday list', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 0 2 * * 1,3,5', "BKR012 74:19"),
    ('members joined by and', 'run on each member daily 03:30', 'run on VMSYS1 and VMSYS2 and VMSYS3 and VMSYS4 daily 03:30', "BKR004 82:19"),
    ('last member joined by and', 'run on each member daily 03:30', 'run on VMSYS1, VMSYS2, VMSYS3 and VMSYS4 daily 03:30', "BKR004 82:35"),
    ('members joined by &', 'run on each member daily 03:30', 'run on VMSYS1 & VMSYS2 & VMSYS3 & VMSYS4 daily 03:30', "BKR004 82:19"),
    ('groups joined by and', 'backup APPS full', 'backup APPS and LINUX full', "BKR004 69:17"),
    ('days joined by &', 'weekly sat 22:00', 'weekly sat & sun 22:00', "BKR004 55:30"),
    ('sfs pool with a blank', 'include sfs BKRPOOL:CICSPRD.*', 'include sfs BKRPOOL CICSPRD.*', "BKR318 72:17"),
    ('sfs no user', 'include sfs BKRPOOL:CICSPRD.*', 'include sfs BKRPOOL:.*', "BKR318 72:17"),
    ('level weekly', 'backup APPS full', 'backup APPS weekly', "BKR004 69:17"),
    ('level daily', 'backup SYSIDS incremental', 'backup SYSIDS daily', "BKR004 79:19"),
    ('level nightly', 'backup APPS full', 'backup APPS nightly', "BKR004 69:17"),
    ('level weekly with its schedule', 'backup APPS full', 'backup APPS weekly sun 02:00', "BKR004 69:17"),
    ('level complete', 'backup APPS full', 'backup APPS complete', "BKR004 69:17"),
    ('level full and incremental', 'backup APPS full', 'backup APPS full incremental', "BKR004 69:22"),
    ('medium tape and disk', '    to disk pool BKUPPOOL\n    run on VMSYS1', '    to tape disk\n    run on VMSYS1', "BKR004 73:13"),
    ('medium disk or tape', '    to disk pool BKUPPOOL\n    run on VMSYS1', '    to disk or tape pool BKUPPOOL\n    run on VMSYS1',
     "BKR004 73:16"),
    ('level keyword', 'backup APPS full', 'backup APPS level full', "BKR004 69:17"),
    ('level type=', 'backup APPS full', 'backup APPS type=full', "BKR004 69:17"),
    ('sfs user quoted', 'include sfs BKRPOOL:CICSPRD.*', 'include sfs BKRPOOL:"CICSPRD".*', "BKR004 72:25"),
    ('and before the level', 'backup APPS full', 'backup APPS and full', "BKR004 69:17"),
    ('& before the level', 'backup APPS full', 'backup APPS & full', "BKR004 69:17"),
    ('AND before the level', 'backup APPS full', 'backup APPS AND full', "BKR004 69:17"),
    ('and before the level after a list', 'backup APPS full', 'backup APPS, LINUX and full', "BKR004 69:24"),
    ('and before the level on the next line', 'backup APPS full', 'backup APPS and\n    full', "BKR004 69:17"),
    ('comma and before the level', 'backup APPS full', 'backup APPS, and full', "BKR004 69:18"),
    ('and in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD and DB2PRD }', "BKR004 45:31"),
    ('& in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD & DB2PRD }', "BKR004 45:31"),
    ('and starting a line of a group body', '{ CICSPRD DB2PRD }', '{\n    CICSPRD\n    and DB2PRD\n  }', "BKR004 47:5"),
    ('range with thru', 'include minidisk * 0191-01FF', 'include minidisk * 0191 thru 01FF', "BKR004 70:24"),
    ('range with THROUGH', 'include minidisk * 0191-01FF', 'include minidisk * 0191 THROUGH 01FF', "BKR004 70:24"),
    ('second level on its own line', 'backup APPS full', 'backup APPS full\n    incremental', "BKR004 70:5"),
    ('level again on its own line', 'backup APPS full', 'backup APPS full\n    full', "BKR004 70:5"),
    ('cp user entry for a member block', 'member VMSYS2 {', 'USER VMSYS2 {', "BKR012 10:3"),
    ('cp identity entry for a member block', 'member VMSYS2 {', 'IDENTITY VMSYS2 {', "BKR012 10:3"),
    ('cp user entry for a job block', '  job APPSFULL {', '  USER APPSFULL {', "BKR012 68:3"),
    ('cp user entry for a group block', '  single group APPS {', '  USER APPS {', "BKR012 45:3"),
    ('cp user entry for the cluster block', 'cluster PRODSSI {', 'USER PRODSSI {', "BKR012 6:1"),
    ('retain days and weeks', 'retain 35 days', 'retain 35 days 4 weeks', "BKR004 24:20"),
    ('retain months', 'retain 35 days', 'retain 1 month', "BKR004 24:14"),
    ('owner written before the owner', 'include minidisk * 0191-01FF', 'include minidisk owner * 0191-01FF', "BKR004 70:22"),
    ('user written before the owner', 'exclude minidisk * 0190', 'exclude minidisk user * 0190', "BKR004 53:22"),
    ('owner written for the owner', 'include minidisk * 0191-01FF', 'include minidisk owner 0191-01FF', "BKR004 70:22"),
    ('import path with a blank', 'import std/zvm73', 'import std/zvm 73', "BKR004 4:8"),
    ('import path with a blank after /', 'import std/zvm73', 'import std/ zvm73', "BKR004 4:8"),
    ('import path with a blank, no such module', 'import std/zvm73', 'import std/zvm 99', "BKR004 4:8"),
    ('two paths after one import', 'import std/zvm73', 'import std/zvm73 std/backup-manager', "BKR004 4:18"),
    # a keyword written twice in a row: the second goes
    ('block keyword twice: member', 'member VMSYS2 {', 'member member VMSYS2 {', 'BKR004 10:10'),
    ('block keyword twice: job', '  job APPSFULL {', '  job job APPSFULL {', 'BKR004 68:7'),
    ('block keyword twice: cluster', 'cluster PRODSSI {', 'cluster cluster PRODSSI {', 'BKR004 6:9'),
    ('statement keyword twice: backup', 'backup APPS full', 'backup backup APPS full', 'BKR004 69:12'),
    ('statement keyword twice: include', 'include minidisk * 0191-01FF', 'include include minidisk * 0191-01FF', 'BKR004 70:13'),
    ('statement keyword twice: exclude', 'exclude minidisk * 0190', 'exclude exclude minidisk * 0190', 'BKR004 53:13'),
    ('statement keyword twice: single', '  single group APPS {', '  single single group APPS {', 'BKR004 45:10'),
    ('statement keyword twice: group', '  single group APPS {', '  single group group APPS {', 'BKR004 45:16'),
    ('statement keyword twice: identity', '  identity group SYSIDS {', '  identity identity group SYSIDS {', 'BKR004 47:12'),
    ('statement keyword twice: run', 'run on VMSYS1 daily 02:00', 'run run on VMSYS1 daily 02:00', 'BKR004 74:9'),
    ('statement keyword twice: expire', '  expire on VMSYS1 {', '  expire expire on VMSYS1 {', 'BKR004 21:10'),
    ('statement keyword twice: catalog', 'catalog shared server', 'catalog catalog shared server', 'BKR004 20:11'),
    ('statement keyword twice: tape', 'tape manager shared', 'tape tape manager shared', 'BKR004 26:8'),
    ('statement keyword twice: to', '    to disk pool BKUPPOOL', '    to to disk pool BKUPPOOL', 'BKR004 64:8'),
    ('statement keyword twice: purge', 'purge weekly sun', 'purge purge weekly sun', 'BKR004 23:11'),
    ('statement keyword twice: preview', 'preview daily 01:00', 'preview preview daily 01:00', 'BKR004 22:13'),
    ('statement keyword twice: import', 'import std/zvm73', 'import import std/zvm73', 'BKR004 4:8'),
    ('keyword twice: minidisk', 'include minidisk * 0191-01FF', 'include minidisk minidisk * 0191-01FF', 'BKR004 70:22'),
    ('keyword twice: sfs', 'include sfs BKRPOOL', 'include sfs sfs BKRPOOL', 'BKR004 72:17'),
    ('keyword twice: sfs, a keyword next', 'include sfs BKRPOOL:CICSPRD.*', 'include sfs sfs backup APPS', 'BKR004 72:17'),
    ('keyword twice: minidisk, a keyword next', 'include minidisk * 0191-01FF', 'include minidisk minidisk backup APPS', 'BKR004 70:22'),
    ('keyword twice: daily', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily daily 02:00', 'BKR004 74:25'),
    ('keyword twice: each', 'run on each member daily 03:30', 'run on each each member daily 03:30', 'BKR004 82:17'),
    ('keyword twice: catalog-node', 'catalog-node TCTMM', 'catalog-node catalog-node TCTMM', 'BKR004 26:36'),
    # `and` or `&` after a list's `,`
    ('and after a comma, before a name', 'backup APPS full', 'backup APPS, and LINUX full', 'BKR004 69:18'),
    ('and after a comma without a blank', 'backup APPS full', 'backup APPS,and LINUX full', 'BKR004 69:17'),
    ('and after a spaced comma', 'backup APPS full', 'backup APPS , and LINUX full', 'BKR004 69:19'),
    ('& after a comma, before a name', 'backup APPS full', 'backup APPS, & LINUX full', 'BKR004 69:18'),
    ('and after a comma, no level', 'backup APPS full', 'backup APPS, and LINUX', 'BKR004 69:18'),
    ('& after a comma before the level', 'backup APPS full', 'backup APPS, LINUX, & full', 'BKR004 69:25'),
    ('and after a comma at the end of the line', 'backup APPS full', 'backup APPS, LINUX, and', 'BKR004 69:25'),
    ('and between two commas', 'backup APPS full', 'backup APPS, and, LINUX full', 'BKR004 69:18'),
    ('and between two commas among members', 'run on VMSYS1 daily 02:00', 'run on VMSYS1, and, VMSYS2 daily 02:00', 'BKR004 74:20'),
    ('and between two commas of an expire', 'expire on VMSYS1 {', 'expire on VMSYS1, and, VMSYS2 {', 'BKR004 21:21'),
    ('and between two commas among days', 'weekly sat 22:00', 'weekly sat, and, sun 22:00', 'BKR004 55:31'),
    ('and after a comma among members', 'run on each member daily 03:30', 'run on VMSYS1, and VMSYS2, VMSYS3, VMSYS4 daily 03:30', 'BKR004 82:20'),
    # names of a list separated by `;`
    ('semicolon between groups', 'backup APPS full', 'backup APPS; LINUX full', "BKR003 69:16"),
    ('semicolons between members', 'run on each member daily 03:30', 'run on VMSYS1; VMSYS2; VMSYS3; VMSYS4 daily 03:30',
     "BKR003 82:18"),
    ('semicolon between days', 'weekly sat 22:00', 'weekly sat;sun 22:00', "BKR003 55:29"),
    # the expire block's member given again to `preview` or `purge`
    ('purge on the block member', 'purge weekly sun 03:00', 'purge on VMSYS1 weekly sun 03:00', 'BKR012 23:11'),
    ('purge on the block member, no schedule', 'purge weekly sun 03:00', 'purge on VMSYS1', 'BKR012 23:11'),
    ('preview on the block member, no schedule', 'preview daily 01:00', 'preview on VMSYS1', 'BKR012 22:13'),
    ('purge on another member, no schedule', 'purge weekly sun 03:00', 'purge on VMSYS2', 'BKR012 23:11'),
    # a schedule without its values, the next statement on the line below
    ('purge weekly without day and time, retain below', 'purge weekly sun 03:00', 'purge weekly', "BKR010 23:11"),
    # words after a whole statement that start with a statement's keyword, but make none
    # a statement in a block that does not take it, where none around it does
    ('workers in an expire block', '    retain 35 days', '    workers 3\n    retain 35 days', "BKR013 24:5"),
    ('workers in a job block', '    backup APPS full', '    backup APPS full\n    workers 3', "BKR013 70:5"),
    ('unit twice', 'disk BKRBKUP 191 size 10 cyl', 'disk BKRBKUP 191 size 10 cyl cyl', "BKR004 31:32"),
    ('purge after preview', 'purge weekly sun 03:00', 'purge weekly sun 03:00 after preview', "BKR004 23:28"),
    ('member name like a keyword on the next line', 'member VMSYS2 {', 'member\n  backup {', "BKR010 11:3"),
    ('member name like a keyword in capitals on the next line', 'member VMSYS2 {', 'member\n  BACKUP {', "BKR010 11:3"),
    ('job name like a keyword on the next line', '  job APPSFULL {', '  job\n  run {', "BKR010 69:3"),
    ('group name like a keyword on the next line', '  single group APPS {', '  single group\n  include {', "BKR010 46:3"),
    ('weekly days without commas', 'weekly sat 22:00', 'weekly sat sun 22:00', "BKR004 55:30"),
    ('three weekly days without commas', 'weekly sat 22:00', 'weekly fri sat sun 22:00', "BKR004 55:30"),
    ('weekly days without commas in expire', 'preview daily 01:00', 'preview weekly sat sun 01:00', "BKR004 22:24"),
    ('monthly without its day', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly 02:00', "BKR010 74:27"),
    ('catalog on each member', 'pool BKRPOOL on VMSYS1', 'pool BKRPOOL on each member', "BKR010 20:50"),
    ('catalog on each member mid-line', 'server BKRSVSFS pool BKRPOOL on VMSYS1', 'server BKRSVSFS on each member pool BKRPOOL', "BKR010 20:37"),
    ('catalog-node on each member', 'catalog-node TCTMM on VMSYS1', 'catalog-node TCTMM on each member', "BKR010 26:45"),
    ('disk at without on', 'disk BKRBKUP 191 size 10 cyl', 'disk BKRBKUP 191 size 10 cyl at 1000', "BKR004 31:32"),
    ('* comment after a statement', 'backup APPS full', 'backup APPS full   * nightly', "BKR016 69:24"),
    ('* comment after a block', 'member VMSYS4 { workers 2  private-volume M4PRV1 }',
     'member VMSYS4 { workers 2  private-volume M4PRV1 }  * fourth member', "BKR016 16:55"),
    ('hourly alone', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 hourly', "BKR012 74:19"),
    ('time zone after the time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily 02:00 EST', "BKR004 74:31"),
    ('time zone after a purge time', 'purge weekly sun 03:00', 'purge weekly sun 03:00 UTC', "BKR004 23:28"),
    ('two units', 'disk BKRBKUP 191 size 10 cyl', 'disk BKRBKUP 191 size 10 cyl blk', "BKR004 31:32"),
    # a CP link mode after a disk, as an MDISK statement ends: not a volume whose `on` is missing
    ('link mode after a disk', 'disk BKRBKUP 191 size 10 cyl', 'disk BKRBKUP 191 size 10 cyl MR', "BKR004 31:32"),
    # a `,` after a day read as the time; a sentence's `.`; `each` after a member's count
    ('weekly days, the comma after the second', 'weekly sat 22:00', 'weekly fri sat, sun 22:00', "BKR004 55:30"),
    ('full stop after a statement', 'retain 35 days', 'retain 35 days.', "BKR003 24:19"),
    # ... read by the lexer as a name's last character: not a name too long, nor a time that is none
    ('full stop after a pool name', 'to disk pool BKUPPOOL\n    run on VMSYS2', 'to disk pool BKUPPOOL.\n    run on VMSYS2',
     "BKR003 64:26"),
    ('full stop after a time', 'daily 23:30', 'daily 23:30.', "BKR003 65:30"),
    ('full stop after a level', 'backup LINUX full', 'backup LINUX full.', "BKR003 51:22"),
    ('full stop after a volume label', 'shared-volume VMCOM1', 'shared-volume VMCOM1.', "BKR003 18:23"),
    ('full stop after an address range', 'include minidisk * 0191-01FF 0200', 'include minidisk * 0191-01FF.',
     "BKR003 70:33"),
    ('full stop before the block\'s brace', '{ workers 4  private-volume M1PRV1 }', '{ workers 4  private-volume M1PRV1. }',
     "BKR003 9:51"),
    # a group body holds user IDs, not statements: the ID's `.` is one a user ID cannot hold
    ('full stop in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD DB2PRD. }', "BKR301 45:31"),
    # a YAML-style `:` after the catalog's server: BKR301, not also a `disk` for no machine (BKR332)
    ('colon after the catalog server', 'catalog shared server BKRSVSFS', 'catalog shared server BKRSVSFS:', "BKR301 20:25"),
    # an SFS path's `.`, CMS's top directory: BKR318 says what to write
    ('SFS top directory', 'include sfs BKRPOOL:CICSPRD.*', 'include sfs BKRPOOL:CICSPRD.', "BKR318 72:17"),
    ('workers each', '{ workers 4  private-volume M1PRV1 }', '{ workers 4 each  private-volume M1PRV1 }', "BKR004 9:29"),
    ('keyword after a whole statement', 'backup APPS full', 'backup APPS full each', "BKR004 69:22"),
    # `each member` after a disk's `on`, which names a volume
    ('disk on each member', 'disk BKRBKUP 191 size 10 cyl', 'disk BKRBKUP 191 size 10 cyl on each member', "BKR010 31:35"),
    ('disk on each member at', 'disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000',
     'disk BKRSVSFS 191 size 20 cyl on each member at 1000', "BKR010 34:36"),
    # `member` left out after `each`; a day of the month written as English writes it
    ('each without member', 'run on each member daily 03:30', 'run on each daily 03:30', "BKR004 82:12"),
    ('monthly 1st', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly 1st 02:00', "BKR314 74:27"),
    # a block's `}` missing before a hyphenated keyword at the block's indentation: one error, not also
    # "`shared-volume` cannot appear in a `member` block"
    ('member brace missing before shared-volume', 'member VMSYS4 { workers 2  private-volume M4PRV1 }',
     'member VMSYS4 { workers 2  private-volume M4PRV1', "BKR005 18:3"),
    ('member brace missing before shared-volume, body on lines', 'member VMSYS4 { workers 2  private-volume M4PRV1 }',
     'member VMSYS4 {\n    workers 2\n    private-volume M4PRV1', "BKR005 20:3"),
    # ... indented as the member's statements are: the file lacks that `}`, so it is still the one error
    ('member brace missing before an indented shared-volume', 'member VMSYS4 { workers 2  private-volume M4PRV1 }\n\n  shared',
     'member VMSYS4 { workers 2  private-volume M4PRV1\n\n    shared', "BKR005 18:5"),
    ('member brace missing before an indented catalog', 'M4PRV1 }\n\n  shared-volume VMCOM1\n\n  catalog',
     'M4PRV1\n\n    catalog', "BKR005 18:5"),
    # a `shared-volume` inside a member block its `}` closes: that is the slip
    ('shared-volume inside a member block', 'member VMSYS4 { workers 2  private-volume M4PRV1 }\n\n  shared-volume VMCOM1\n',
     'member VMSYS4 {\n    workers 2\n    shared-volume VMCOM1\n  }\n', "BKR013 18:5"),
    # a catalog's or Tape Manager's scope starting a line of a member, job or expire block,
    # alone or before its statement's keyword: misplaced there (was BKR004 "`shared`
    # cannot appear here", whose help named no place)
    ('scope alone in a job', '    backup APPS full\n', '    backup APPS full\n    shared\n', "BKR013 70:5"),
    ('catalog shared swapped in a member', '    workers 4\n    private-volume M2PRV1\n',
     '    workers 4\n    shared catalog server BKRSVSFS pool BKRPOOL on VMSYS1\n    private-volume M2PRV1\n', "BKR013 12:5"),
    ('tape manager shared swapped in a job', '    backup APPS full\n', '    backup APPS full\n    shared tape manager\n',
     "BKR013 70:5"),
    ('local scope in an expire block', '    preview daily 01:00\n', '    local\n    preview daily 01:00\n', "BKR013 22:5"),
    ('shared-volume in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD DB2PRD\n    shared-volume VMCOM2 }', "BKR013 46:5"),
    # a statement of the cluster, or of several blocks, in a block that takes it not: its help
    # names where it belongs (was "move it to the block it belongs in (see docs/language.md)")
    ('disk in a job', '    run on VMSYS1 daily 02:00\n', '    run on VMSYS1 daily 02:00\n    disk BKRBKUP 191 size 10 cyl\n', "BKR013 75:5"),
    ('disk in a member block', '    workers 4\n', '    workers 4\n    disk BKRBKUP 191 size 10 cyl\n', "BKR013 12:5"),
    ('description in the expire block', '    retain 35 days\n', '    retain 35 days\n    description "x"\n', "BKR013 25:5"),
    ('description in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD DB2PRD\n    description "x" }', "BKR013 46:5"),
    ('cluster in a job', '    run on VMSYS1 daily 02:00\n', '    run on VMSYS1 daily 02:00\n    cluster TESTSSI { }\n', "BKR013 75:5"),
    # a `,` after a whole statement at the end of its line, as if the list went on
    ('comma after a schedule', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily 02:00,', "BKR015 74:30"),
    ('comma after the addresses', 'include minidisk * 0100-0FFF', 'include minidisk * 0100-0FFF,', "BKR015 52:33"),
    ('comma after the shared volumes', 'shared-volume VMCOM1', 'shared-volume VMCOM1,', "BKR015 18:23"),
    # two times after a schedule: one time, not a value whose keyword (`backup`) is missing
    ('two times', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily 02:00 14:00', "BKR004 74:31"),
    ('two times in a purge', 'purge weekly sun 03:00', 'purge weekly sun 03:00 04:00', "BKR004 23:28"),
    # a day after the schedule's time, as English adds it: not `run` misspelt
    ('day after a daily time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 daily 02:00 sun', "BKR004 74:19"),
    ('day after a weekly time', 'run on VMSYS2 weekly sat 22:00', 'run on VMSYS2 weekly sat 22:00 sun', "BKR004 55:19"),
    # several days of the month: `monthly` takes one, whatever separates them
    ('monthly days in English with a comma', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly 1st,15th 02:00', "BKR004 74:27"),
    ('monthly days with a comma', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly 1,15 02:00', "BKR004 74:27"),
    ('monthly days with a blank', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly 1 15 02:00', "BKR004 74:27"),
    ('monthly days in English with a blank', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly 1st 15th 02:00', "BKR004 74:27"),
    # three days: one error (it was said twice, at the third day and again at the time),
    # and without the time, or in English, the days still (not "remove `3`: write
    # `monthly 1 2`", nor `3rd` as no statement's keyword)
    ('monthly three days with blanks', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly 1 2 3 02:00', "BKR004 74:27"),
    ('monthly four days with blanks', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly 1 2 3 4 02:00', "BKR004 74:27"),
    ('monthly three days, no time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly 1 2 3', "BKR004 74:27"),
    ('monthly three days in English', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly 1st 2nd 3rd 02:00', "BKR004 74:27"),
    ('monthly three purge days', 'purge weekly sun 03:00', 'purge monthly 1 2 3 03:00', "BKR004 23:19"),
    ('monthly purge days', 'purge weekly sun 03:00', 'purge monthly 1,15 03:00', "BKR004 23:19"),
    # and without their time: the days still, not a `,` that cannot appear, nor a time missing
    ('monthly days with a comma, no time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly 1,15', "BKR004 74:27"),
    ('monthly purge days, no time', 'purge weekly sun 03:00', 'purge monthly 1st, 15th  # twice', "BKR004 23:19"),
    # weekdays after an ordinal, separated by a blank: one error for the days, as with
    # a `,` (not `02:00` without its keyword, after `sat` read as the time)
    ('monthly weekdays with a blank', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly first sun sat 02:00', "BKR004 74:27"),
    ('monthly purge weekdays with a blank', 'purge weekly sun 03:00', 'purge monthly last sun sat 03:00', "BKR004 23:19"),
    ('monthly preview weekdays with a blank', 'preview daily 01:00', 'preview monthly first sun sat 01:00  # twice', "BKR004 22:21"),
    # ... and a third day, or a `,` after the day read as the time: the statement was
    # whole before it, and still the one error for the days (not `mon` or `,` alone)
    ('monthly three weekdays with blanks', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly first sun sat mon 02:00', "BKR004 74:27"),
    ('monthly three weekdays, no time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly first sun sat mon', "BKR004 74:27"),
    ('monthly weekdays, a comma after the second', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly first sun sat, mon 02:00', "BKR004 74:27"),
    ('monthly days, a comma after the second', 'purge weekly sun 03:00', 'purge monthly 1 15, 20 03:00', "BKR004 23:19"),
    # a `,` where a monthly schedule's day, or its weekday, goes; or two after the day:
    # one error at the `,`, not a time without its day too
    ('monthly comma for the day', 'purge weekly sun 03:00', 'purge monthly ,', "BKR015 23:19"),
    ('monthly comma for the day, a time', 'purge weekly sun 03:00', 'purge monthly , 03:00', "BKR015 23:19"),
    ('monthly comma for the weekday', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly last,', "BKR015 74:31"),
    ('monthly comma for the weekday, a time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly last, 02:00', "BKR015 74:31"),
    ('monthly comma before the weekday, no time', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 monthly last,sun', "BKR015 74:31"),
    ('monthly two commas', 'preview daily 01:00', 'preview monthly 1,, 01:00', "BKR015 22:22"),
    # ... and in the other schedules: a `,` where the time or the first day goes, or one
    # too many after a day of `weekly` (not `,` and a time without its day, or no time)
    ('daily comma for the time', 'purge weekly sun 03:00', 'purge daily , 03:00', "BKR015 23:17"),
    ('weekly comma for the day', 'purge weekly sun 03:00', 'purge weekly , 03:00', "BKR015 23:18"),
    ('weekly comma for the day, no time', 'run on VMSYS2 weekly sat 22:00', 'run on VMSYS2 weekly , sat', "BKR015 55:26"),
    ('weekly two commas before the time', 'run on VMSYS2 weekly sat 22:00', 'run on VMSYS2 weekly sat,, 22:00', "BKR015 55:29"),
    ('weekly two commas, blanks', 'run on VMSYS2 weekly sat 22:00', 'run on VMSYS2 weekly sat ,, 22:00', "BKR015 55:30"),
    ('weekly two commas between days, no time', 'purge weekly sun 03:00', 'purge weekly sat, ,sun', "BKR015 23:23"),
    # signs that separate a list elsewhere, between the entries of a group body: one error for the body
    ('semicolons in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD; DB2PRD; }', "BKR003 45:30"),
    # a name of a list written twice in a row: one name, not two whose `,` is missing
    ('member written twice', 'run on VMSYS1 daily 02:00', 'run on VMSYS1 VMSYS1 daily 02:00', "BKR004 74:19"),
    ('group written twice', 'backup APPS full', 'backup APPS APPS full', "BKR004 69:17"),
    # ... and names after it without their `,`: said in the same error
    ('member written twice, the next without its comma', 'run on VMSYS1 daily 02:00',
     'run on VMSYS1 VMSYS1 VMSYS2 daily 02:00', "BKR004 74:19"),
    ('expire member written twice, the next without its comma', 'expire on VMSYS1 {',
     'expire on VMSYS1 VMSYS1 VMSYS2 {', "BKR004 21:20"),
    # a word written as keywords are, after a list of volume labels: a statement's word, not a label
    ('hyphenated word after private volumes', 'private-volume M1PRV1 }',
     'private-volume M1PRV1 tape-drives 2 }', "BKR012 9:52"),
    ('hyphenated word below shared volumes', 'shared-volume VMCOM1', 'shared-volume VMCOM1\n  tape-drives 2',
     "BKR012 19:3"),
    ('misspelt hyphenated keyword after private volumes', 'private-volume M1PRV1 }',
     'private-volume M1PRV1 job-sufix C }', "BKR012 9:52"),
    # a keyword that starts no statement, in small letters after volume labels: no label
    # (was read as the label SHARED, silently; BKR305 when too long for one, `incremental`)
    ('scope after private volumes', 'private-volume M1PRV1 }', 'private-volume M1PRV1 shared }', "BKR004 9:52"),
    ('scope after shared volumes', 'shared-volume VMCOM1', 'shared-volume VMCOM1 local', "BKR004 18:24"),
    ('level after private volumes', 'private-volume M1PRV1 }', 'private-volume M1PRV1 incremental }', "BKR004 9:52"),
    ('on after shared volumes', 'shared-volume VMCOM1', 'shared-volume VMCOM1 on VMSYS1', "BKR004 18:24"),
    ('schedule word below private volumes', '    private-volume M2PRV1\n', '    private-volume M2PRV1\n    daily\n',
     "BKR004 13:5"),
    ('sfs alone below private volumes', '    private-volume M2PRV1\n', '    private-volume M2PRV1\n    sfs\n', "BKR004 13:5"),
    ('scope between labels', 'private-volume M1PRV1 }', 'private-volume M1PRV1 shared M1PRV2 }', "BKR004 9:52"),
    # ... `shared catalog` after them, the two words the other way round: misplaced, one error
    ('catalog shared swapped below private volumes', '    private-volume M2PRV1\n',
     '    private-volume M2PRV1\n    shared catalog server BKRSVSFS pool BKRPOOL on VMSYS1\n', "BKR013 13:5"),
    # ... and alone below the cluster's labels, `shared-volume` being typed
    ('shared alone below shared volumes', '  shared-volume VMCOM1\n', '  shared-volume VMCOM1\n  shared\n', "BKR012 19:3"),
    # English `onto` for `on`: not `on` and a name `to`
    ('onto for a disk\'s on', 'size 20 cyl on VMCOM1', 'size 20 cyl onto VMCOM1', "BKR012 34:33"),
    ('onto for run on', 'run on VMSYS1 daily 02:00', 'run onto VMSYS1 daily 02:00', "BKR012 74:9"),
    ('commas in a group body', '{ LNXWEB01 LNXWEB02 LNXDB01', '{ LNXWEB01, LNXWEB02, LNXDB01,', "BKR015 43:32"),
    # `run on` run together the other way round, or with a `-` for its blank (`to disk` too)
    ('onrun for run on', 'run on VMSYS1 daily 02:00', 'onrun VMSYS1 daily 02:00', "BKR012 74:5"),
    ('hyphen for run on', 'run on VMSYS1 daily 02:00', 'run-o VMSYS1 daily 02:00', "BKR012 74:5"),
    ('hyphen for to disk', '    to disk pool BKUPPOOL\n    run on VMSYS1', '    to-d pool BKUPPOOL\n    run on VMSYS1', "BKR012 73:5"),
    # a statement's part in a group body, whose words can be no user IDs: one error, not
    # BKR021 and BKR301 (`02:00`), BKR309 (`10`, `0191`), or BKR204, BKR231 and BKR411
    # for `*` read as a pattern that matches every user
    ('schedule in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD DB2PRD\n    daily 02:00\n  }', "BKR013 46:5"),
    ('schedule between a group\'s IDs', '{ CICSPRD DB2PRD }', '{ CICSPRD weekly sun 02:00 DB2PRD }', "BKR013 45:31"),
    ('disk size in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD DB2PRD\n    size 10 cyl\n  }', "BKR013 46:5"),
    ('disk start in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD at 100 DB2PRD }', "BKR013 45:31"),
    ('selection without include in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD DB2PRD\n    minidisk * 0191\n  }', "BKR013 46:5"),
    ('sfs path in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD sfs POOL:USER.DIR DB2PRD }', "BKR013 45:31"),
    ('wait in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD DB2PRD\n    30 seconds\n  }', "BKR013 46:5"),
    # ... whose words may be IDs: BKR021's reading, one warning for the phrase (was one
    # per keyword, and BKR208 at `BKRSVSFS`, the catalog's server read as a user too)
    ('catalog server in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD DB2PRD\n    shared server BKRSVSFS\n  }', "BKR021 46:5"),
    ('each member in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD DB2PRD\n    each member\n  }', "BKR021 46:5"),
    ('tape scope in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD manager shared DB2PRD }', "BKR021 45:31"),
    # a unit or a day of the week, read silently as a user CYL or a label CYL before
    ('unit in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD DB2PRD\n    cyl\n  }', "BKR021 46:5"),
    ('day in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD sun DB2PRD }', "BKR021 45:31"),
    ('unit after a member\'s labels', 'private-volume M1PRV1 }', 'private-volume M1PRV1 blocks }', "BKR004 9:52"),
    ('day after a member\'s labels', 'private-volume M1PRV1 }', 'private-volume M1PRV1 sun }', "BKR004 9:52"),
    ('size after a member\'s labels', 'private-volume M1PRV1 }', 'private-volume M1PRV1 size 10 cyl }', "BKR004 9:52"),
    ('schedule after a member\'s labels', 'private-volume M1PRV1 }', 'private-volume M1PRV1 monthly first sun 02:00 }', "BKR004 9:52"),
    # a group declared in a group body or after a member's labels, its kind left out
    # (was the generic "this `{` has neither", and BKR004 at `group` after labels)
    ('group in a group body', '{ CICSPRD DB2PRD }', '{ CICSPRD DB2PRD\n    group TESTERS { TEST01 }\n  }', "BKR013 46:5"),
    ('group after a member\'s labels', 'private-volume M1PRV1 }', 'private-volume M1PRV1 group TESTERS { TEST01 } }', "BKR013 9:52"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "schedule"),
    [
        # the schedule written, kept; without its values, its form: never a member, a day
        # or a time nobody wrote (each said `run on VMSYS1 weekly sun 02:00`)
        ("weekly sun 02:00", "weekly sun 02:00"),
        ("weekly sat, sun 22:00", "weekly sat,sun 22:00"),
        ("weekly", "weekly DAY HH:MM"),
        ("weekly sat", "weekly sat HH:MM"),
        ("daily", "daily HH:MM"),
        ("monthly", "monthly N HH:MM"),
        ("nightly", "daily HH:MM"),
    ],
)
def test_a_schedule_written_as_the_level_says_where_the_schedule_goes(written, schedule, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("backup APPS full", f"backup APPS {written}", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.help == (
        "write `backup APPS full` or `backup APPS incremental`; the schedule goes after the members"
        f" in `run`: `run on MEMBER {schedule}`"
    )
    assert found.fix is None


#: A keyword misspelt (or in other words) on a line of its own in a job, the one meant
#: a statement of another block: (written, its message, its help). No fix: the keyword
#: written there would give BKR013.
OTHER_BLOCK_MEANT = [
    ("keep 35 days", "unknown keyword `keep`; did you mean `retain`?",
     "`retain` belongs in an `expire on MEMBER { ... }` block: move it there"),
    ("retian 35 days", "unknown keyword `retian`; did you mean `retain`?",
     "`retain` belongs in an `expire on MEMBER { ... }` block: move it there"),
    ("expiration", "unknown keyword `expiration`; did you mean `expire`?",
     "`expire` belongs directly inside `cluster NAME { ... }`: move it out of `job APPSFULL`, after its `}`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "message", "help"), OTHER_BLOCK_MEANT, ids=[w for w, _, _ in OTHER_BLOCK_MEANT])
def test_a_keyword_of_another_block_meant_in_a_job_says_where_it_belongs(written, message, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    run on VMSYS1 daily 02:00\n"
    text = BASE.replace(clean, f"{clean}    {written}\n", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.message, found.help, found.fix) == ("BKR012", message, help, None)
    assert [r.label for r in found.related] == ["`job APPSFULL` starts here"]


#: ... at the top level of the file, after the imports: no block is open, and the one
#: keyword meant would give BKR013 there too. (written, its message, its help)
OTHER_BLOCK_MEANT_AT_TOP = [
    ("keep 35 days", "unknown keyword `keep`; did you mean `retain`?",
     "`retain` belongs in an `expire on MEMBER { ... }` block: move it there"),
    ("jbo APPSFULL {\n  backup APPS full\n}", "unknown keyword `jbo`; did you mean `job`?",
     "`job` belongs directly inside `cluster NAME { ... }`: move it there"),
    ('discription "x"', "unknown keyword `discription`; did you mean `description`?",
     "`description` belongs in a `cluster NAME { ... }`, `job NAME { ... }` or `member NAME { ... }` block: move it there"),
    # alone, the statement unfinished: one error, not "write `retain` followed by a number
    # of days", which wrote it where it cannot stand
    ("keep", "unknown keyword `keep`; did you mean `retain`?",
     "`retain` belongs in an `expire on MEMBER { ... }` block: move it there"),
    ("catalg", "unknown keyword `catalg`; did you mean `catalog`?",
     "`catalog` belongs directly inside `cluster NAME { ... }`: move it there"),
    # cut short, the cluster on the line after it: one error, not "expected `days` after
    # `35`, found `cluster`" besides, whose fix wrote `days` and left it where it stood
    ("keep 35", "unknown keyword `keep`; did you mean `retain`?",
     "`retain` belongs in an `expire on MEMBER { ... }` block: move it there"),
    ("purg weekly sun", "unknown keyword `purg`; did you mean `purge`?",
     "`purge` belongs in an `expire on MEMBER { ... }` block: move it there"),
    # a list, read in the block it belongs in: it ends with its line, and the cluster below
    # it is read as written (was `cluster PRODSSI` two more names of the list, then "a
    # block starts with its keyword and name, as in `job NAME {`; this `{` has neither")
    ("mtach LNX*", "unknown keyword `mtach`; did you mean `match`?",
     "`match` belongs in a `group NAME { ... }` block: move it there"),
    ("shared-volum VMCOM2", "unknown keyword `shared-volum`; did you mean `shared-volume`?",
     "`shared-volume` belongs directly inside `cluster NAME { ... }`: `shared-volume VMCOM1`"),
    ("private-volum M5PRV1", "unknown keyword `private-volum`; did you mean `private-volume`?",
     "`private-volume` belongs in a `member NAME { ... }` block: move it there"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "message", "help"), OTHER_BLOCK_MEANT_AT_TOP, ids=[w.split("\n")[0] for w, _, _ in OTHER_BLOCK_MEANT_AT_TOP]
)
def test_a_keyword_of_a_block_meant_at_the_top_level_says_where_it_belongs(written, message, help, parser, monkeypatch):
    # was "did you mean `retain`?" with a fix that wrote `retain`, which gave BKR013
    # (`bkrc check --fix`: "not applied: ... would give BKR013")
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "import std/zvm73\n"
    text = BASE.replace(clean, f"{clean}{written}\n", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR012", 5, 1)
    assert (found.message, found.help, found.fix, found.related) == (message, help, None, ())


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "fixed"),
    [("cluster PRODSSI {", "clustr PRODSSI {", "cluster PRODSSI {"),
     ("import std/zvm73", "improt std/zvm73", "import std/zvm73"),
     ("import std/zvm73\n", "import std/zvm73\nsinlge user LNXTEST\n", "import std/zvm73\nsingle user LNXTEST\n")],
    ids=["clustr", "improt", "sinlge"],
)
def test_a_keyword_misspelt_at_the_top_level_that_starts_a_statement_there_is_still_fixed(
    clean, written, fixed, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.code == "BKR012" and found.fix is not None
    assert apply_edits(text, found.fix.edits) == BASE.replace(clean, fixed, 1)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["keep 35 days", "retian 35 days"])
def test_a_retention_misspelt_in_the_expire_block_is_still_fixed(written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("retain 35 days", written, 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.code == "BKR012" and found.help == "write `retain`"
    assert found.fix is not None
    fixed = apply_edits(text, found.fix.edits)
    assert fixed == BASE


#: A hyphenated keyword typed up to its hyphen or a little past it, alone on a line
#: after a list: a job's minidisk addresses or SFS paths, a member's or the cluster's
#: volume labels. (after, the word typed, the one BKR012's message)
HYPHENATED_TYPED = [
    ("    exclude minidisk LNX* 0192  # the", "job-s", "unknown keyword `job-s`; did you mean `job-suffix`?"),
    ("    exclude minidisk LNX* 0192  # the", "job-", "unknown keyword `job-`; did you mean `job-suffix`?"),
    ("    private-volume M2PRV1", "private-", "unknown keyword `private-`; did you mean `private-volume`?"),
    ("  shared-volume VMCOM1", "job-", "unknown keyword `job-`; did you mean `job-suffix`?"),
    ("    include minidisk * 0100-0FFF", "shared-vo", "unknown keyword `shared-vo`; did you mean `shared-volume`?"),
    ("    include minidisk * 0100-0FFF", "private-vo", "unknown keyword `private-vo`; did you mean `private-volume`?"),
    ("    include minidisk * 0100-0FFF", "logon-w", "`logon-w` is not a keyword; a statement must start with one"),
    ("    include minidisk * 0191\n", "job-s", "unknown keyword `job-s`; did you mean `job-suffix`?"),
    ("    include sfs BKRPOOL:CICSPRD.*", "job-s", "unknown keyword `job-s`; did you mean `job-suffix`?"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("after", "typed", "message"), HYPHENATED_TYPED, ids=[f"{a.split()[0]} {t}" for a, t, _ in HYPHENATED_TYPED])
def test_a_hyphenated_keyword_typed_alone_after_a_list_is_that_keyword_begun(after, typed, message, parser, monkeypatch):
    # `job-s` alone on the line after a job's addresses was read as one more address
    # (BKR310 from `bkrc check` only), after volume labels `job-` as one more label
    # (BKR305): no address, path or label is written as keywords are (`fa-fb` is an
    # address range, below), so it is a statement's first word being typed (BKR012),
    # and a word typed up to its hyphen begins the keyword it is typed as, `job-suffix`
    # (not `job`, one slip from `job-`).
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    start = BASE.index(after)
    end = BASE.index("\n", start) + 1
    indent = after[: len(after) - len(after.lstrip())]
    text = BASE[:end] + f"{indent}{typed}\n" + BASE[end:]
    line = BASE.count("\n", 0, end) + 1
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.span.line, found.span.column, found.message) == ("BKR012", line, len(indent) + 1, message)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_an_address_range_of_hex_letters_after_addresses_is_still_one(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("    include minidisk * 0100-0FFF\n", "    include minidisk * 0100-0FFF\n    fa-fb\n", 1)
    assert [d.code for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics] == []


#: A keyword typed on past its first part where Lark's contextual lexer reads no name,
#: after a job's `description "..."`: (the word typed, the one BKR012's message).
KEYWORD_TYPED_ON = [
    ("job-s", "unknown keyword `job-s`; did you mean `job-suffix`?"),
    ("job-", "unknown keyword `job-`; did you mean `job-suffix`?"),
    ("job-suffi", "unknown keyword `job-suffi`; did you mean `job-suffix`?"),
    ("tape-d", "unknown keyword `tape-d`; did you mean `tape`?"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("typed", "message"), KEYWORD_TYPED_ON, ids=[t for t, _ in KEYWORD_TYPED_ON])
def test_a_keyword_typed_on_past_its_hyphen_after_a_description_is_one_word(typed, message, parser, monkeypatch):
    # The lexer read the keyword `job` of `job-s` and left `-s`: "`job` cannot appear
    # inside a `job` block" (BKR013), where elsewhere `job-s` is one word being typed,
    # `job-suffix` begun (BKR012). A keyword alone there is still misplaced.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    after = '    description "Weekly full backup of the Linux guests"\n'
    text = BASE.replace(after, f"{after}    {typed}\n", 1)
    line = BASE.count("\n", 0, BASE.index(after)) + 2
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.span.line, found.span.column, found.span.end_column, found.message) == (
        "BKR012", line, 5, 5 + len(typed), message
    )
    alone = analyse("prodssi.bkr", BASE.replace(after, f"{after}    job\n", 1).encode("utf-8")).diagnostics
    assert [(d.code, d.message) for d in alone] == [("BKR013", "`job` cannot appear inside a `job` block")]


#: A hyphenated keyword typed up to its hyphen or past it, alone on its line in a group
#: body, first in it or after its user IDs: (the body as written, the one BKR012's
#: line, column and message). Was BKR021 (`job-s`, a user JOB-S "not a keyword being
#: typed") or silent (`logon-w`, a user LOGON-W) first in the body: no user ID is
#: written as keywords are, small letters joined by a hyphen, as after a list's names.
HYPHENATED_IN_GROUP = [
    ("{\n    job-s\n    CICSPRD DB2PRD }", 46, 5, "unknown keyword `job-s`; did you mean `job-suffix`?"),
    ("{ CICSPRD\n    job-s\n    DB2PRD }", 46, 5, "unknown keyword `job-s`; did you mean `job-suffix`?"),
    ("{\n    job-\n    CICSPRD DB2PRD }", 46, 5, "unknown keyword `job-`; did you mean `job-suffix`?"),
    ("{ CICSPRD DB2PRD\n    job-s  # typed\n  }", 46, 5, "unknown keyword `job-s`; did you mean `job-suffix`?"),
    ("{\n    logon-w\n    CICSPRD DB2PRD }", 46, 5, "`logon-w` is not a keyword; a statement must start with one"),
    ("{ CICSPRD\n    request-\n    DB2PRD }", 46, 5, "`request-` is not a keyword; a statement must start with one"),
    ("{\n    shared-v\n    CICSPRD DB2PRD }", 46, 5, "unknown keyword `shared-v`; did you mean `shared-volume`?"),
    # two keywords typed with a `-` for their blank (`to disk`, `run on`), as in a job
    # (stop 45: read as user IDs `TO-D`, `RUN-O`, silently)
    ("{\n    to-d\n    CICSPRD DB2PRD }", 46, 5, "unknown keyword `to-d`; did you mean `to disk`?"),
    ("{ CICSPRD\n    run-o\n    DB2PRD }", 46, 5, "unknown keyword `run-o`; did you mean `run on`?"),
    ("{\n    to-disk\n    CICSPRD DB2PRD }", 46, 5, "unknown keyword `to-disk`; did you mean `to disk`?"),
    # ... and before the body's `}` on its line, as alone (stop 45: `private-v }` was
    # BKR021, a user PRIVATE-V, and BKR301, 9 characters, for one word being typed)
    ("{ CICSPRD DB2PRD\n    private-v }", 46, 5, "unknown keyword `private-v`; did you mean `private-volume`?"),
    ("{\n    job-s }", 46, 5, "unknown keyword `job-s`; did you mean `job-suffix`?"),
    ("{\n    to-d }", 46, 5, "unknown keyword `to-d`; did you mean `to disk`?"),
    ("{ CICSPRD DB2PRD\n    descripti }", 46, 5, "unknown keyword `descripti`; did you mean `description`?"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("body", "line", "column", "message"), HYPHENATED_IN_GROUP, ids=[b for b, *_ in HYPHENATED_IN_GROUP])
def test_a_hyphenated_keyword_typed_alone_in_a_group_body_is_that_keyword_begun(body, line, column, message, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("{ CICSPRD DB2PRD }", body, 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.span.line, found.span.column, found.message) == ("BKR012", line, column, message)


#: The names of a list that blanks separate, separated by commas as `run on`'s members
#: are: (the clean text, as written, the first `,`'s line and column, what the list holds,
#: the statement as meant). One error for the line's commas, whose fix removes them, and
#: the names after them are the list's. Was the generic BKR015 ("commas separate the
#: names of one list (`on VMSYS1, VMSYS2`)", which these lists are too), the rest of the
#: line skipped.
COMMAS_IN_LISTS = [
    ("private-volume M1PRV1 }", "private-volume M1PRV1, M1PRV2 }", (9, 51),
     "the volume labels of `private-volume`", "private-volume M1PRV1 M1PRV2"),
    ("private-volume M1PRV1 }", "private-volume M1PRV1,M1PRV2,M1PRV3 }", (9, 51),
     "the volume labels of `private-volume`", "private-volume M1PRV1 M1PRV2 M1PRV3"),
    ("  shared-volume VMCOM1\n", "  shared-volume VMCOM1 , VMCOM2  # both 3390-9\n", (18, 24),
     "the volume labels of `shared-volume`", "shared-volume VMCOM1 VMCOM2"),
    ("exclude minidisk * 0190 019D 019E\n", "exclude minidisk * 0190, 019D, 019E\n", (71, 28),
     "the minidisk addresses of a selection", "exclude minidisk * 0190 019D 019E"),
    ("exclude minidisk * 0190 019D 019E\n", "exclude minidisk * 0190,019D,019E\n", (71, 28),
     "the minidisk addresses of a selection", "exclude minidisk * 0190 019D 019E"),
    ("include sfs BKRPOOL:CICSPRD.*\n", "include sfs BKRPOOL:CICSPRD.*, BKRPOOL:CICSPRD.DATA\n", (72, 34),
     "the SFS paths of a selection", "include sfs BKRPOOL:CICSPRD.* BKRPOOL:CICSPRD.DATA"),
    # right after the owner, where the first address must come (was the generic BKR015,
    # whose help spoke of `on VMSYS1, VMSYS2`, the rest of the line skipped)
    ("exclude minidisk * 0190 019D 019E\n", "exclude minidisk *, 0190 019D 019E\n", (71, 23),
     "the owner and the addresses of a minidisk selection", "exclude minidisk * 0190 019D 019E"),
    ("exclude minidisk * 0190 019D 019E\n", "exclude minidisk *,0190,019D,019E\n", (71, 23),
     "the owner and the addresses of a minidisk selection", "exclude minidisk * 0190 019D 019E"),
]


#: A YAML `:` (or a `=`) after a statement's keyword, the keyword that goes on with
#: the statement after it: (clean, written, the sign's line and column, the statement
#: the help writes). BKR014, as `workers: 4` is (was BKR003, "the character `:` cannot
#: appear here", with a help that wrote `workers 4`; and `to: tape` below a selection's
#: addresses BKR004, `to` left out, whose fix wrote `to: to tape`).
SIGN_BEFORE_KEYWORD = [
    ("run on VMSYS1 daily 02:00", "run: on VMSYS1 daily 02:00", (74, 8), "run on VMSYS1 daily 02:00"),
    ("run on VMSYS1 daily 02:00", "run : on VMSYS1 daily 02:00", (74, 9), "run on VMSYS1 daily 02:00"),
    ("expire on VMSYS1 {", "expire: on VMSYS1 {", (21, 9), "expire on VMSYS1 {"),
    ("tape manager shared", "tape: manager shared", (26, 7), "tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM"),
    ("    include minidisk * 0191\n    to tape\n    run on each member daily",
     "    include minidisk * 0191\n    to: tape\n    run on each member daily", (81, 7), "to tape"),
    ("    to disk pool BKUPPOOL\n    run on VMSYS1", "    to = disk pool BKUPPOOL\n    run on VMSYS1", (73, 8),
     "to disk pool BKUPPOOL"),
    # ... first on the line below a list of volume labels, where `catalog:` was one more
    # label and the rest of the line three errors, none of them the `:`
    ("catalog shared server", "catalog: shared server", (20, 10), "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "at", "meant"), SIGN_BEFORE_KEYWORD, ids=[s[1] for s in SIGN_BEFORE_KEYWORD])
def test_a_yaml_colon_between_a_statement_s_keywords_is_one_error_whose_fix_removes_it(
    clean, written, at, meant, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR014", *at)
    sign = text.splitlines()[at[0] - 1][at[1] - 1]
    assert found.message == f"`{sign}` between a keyword and its value is not .bkr syntax"
    assert found.help == f"write `{meant}`: a blank, not `{sign}`, after the keyword"
    fixed = apply_edits(text, found.fix.edits)
    assert fixed == BASE


#: A `=` or a YAML `:` between a keyword and its value where the statement is not the
#: clean file's (`job-suffix = C` added) or goes on past the sign's keyword (`to disk
#: pool: BKUPPOOL`): (clean, written, the sign's line and column, what the help writes).
#: BKR014, its help writing the statement with the value the user wrote (was "write the
#: value after the keyword with a blank between them, e.g. `workers 4`", whatever the
#: keyword). The rest: `test_a_sign_before_a_keyword_s_value_gets_a_help_that_writes_the_statement`.
SIGN_BEFORE_A_VALUE_AT = [
    ("    workers 4\n    private-volume M2PRV1", "    workers 4\n    job-suffix = C\n    private-volume M2PRV1",
     (12, 16), "job-suffix C"),
    ("to disk pool BKUPPOOL\n    run on VMSYS1", "to disk pool: BKUPPOOL\n    run on VMSYS1", (73, 17), "to disk pool BKUPPOOL"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "at", "meant"), SIGN_BEFORE_A_VALUE_AT, ids=[s[1] for s in SIGN_BEFORE_A_VALUE_AT])
def test_a_sign_between_a_keyword_and_its_value_gets_a_help_that_writes_them(clean, written, at, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR014", *at)
    sign = text.splitlines()[at[0] - 1][at[1] - 1]
    assert found.help == f"write `{meant}`: a blank, not `{sign}`, after the keyword"


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "help"),
    [
        # was 'quote text with straight double quotes: description "..."'
        ("description 'Weekly full backup'", 'write `description "Weekly full backup"`: a text is quoted with straight double quotes'),
        ("description \u201cWeekly full backup\u201d  # typed in a word processor",
         'write `description "Weekly full backup"`: a text is quoted with straight double quotes'),
        # the text the user meant is not sure: the words after the quote are in it, or not
        ("description 'the guests' CMS disks\"", 'quote text with straight double quotes: description "..."'),
    ],
)
def test_a_text_in_other_quotes_gets_a_help_that_writes_it_in_double_quotes(written, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace('description "Weekly full backup of the Linux guests"', written, 1)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.span.line, found.help) == ("BKR017", 50, help)


#: `on` left out before what follows it, no member named: (clean, written, the help).
#: The help names the file's members (was "write `on MEMBER`, the member it runs on,
#: after `run`", a placeholder where the file has the names).
ON_LEFT_OUT = [
    ("run on VMSYS1 daily 02:00", "run daily 02:00", "after `run`"),
    ("expire on VMSYS1 {", "expire {", "after `expire`"),
    ("catalog-node TCTMM on VMSYS1", "catalog-node TCTMM", "after `TCTMM`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "after"), ON_LEFT_OUT, ids=[o[1] for o in ON_LEFT_OUT])
def test_on_left_out_gets_a_help_that_names_the_file_s_members(clean, written, after, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    (found,) = [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.is_error]
    assert found.message.startswith(f"expected `on` {after}")
    assert found.help == (
        f"write `on` and the member it runs on {after}: `on VMSYS1`, `on VMSYS2`, `on VMSYS3` or `on VMSYS4`"
    )


#: Several members named in one `member` block's head, as a list: one error that says a
#: block declares one member, and whose help writes a block for each (was "`VMSYS5` cannot
#: stand between `member VMSYS1` and its `{`", whose help, `write `member VMSYS1 {``,
#: dropped the others; with commas, BKR015 with the help of lists and group bodies).
MEMBERS_IN_ONE_HEAD = [
    ("member VMSYS1 VMSYS5 {", "BKR004", (9, 17),
     "a `member` block declares one member: `VMSYS5` after `member VMSYS1` cannot stand before its `{`",
     ("write a block for each member, one below the other: `member VMSYS1 { workers 4 private-volume M1PRV1 }`"
      " and `member VMSYS5 { workers 4 private-volume M1PRV1 }`")),
    ("member VMSYS1 VMSYS5 VMSYS6 {", "BKR004", (9, 17),
     "a `member` block declares one member: `VMSYS5` and `VMSYS6` after `member VMSYS1` cannot stand before its `{`",
     ("write a block for each member, one below the other: `member VMSYS1 { workers 4 private-volume M1PRV1 }`,"
      " `member VMSYS5 { workers 4 private-volume M1PRV1 }` and `member VMSYS6 { workers 4 private-volume M1PRV1 }`")),
    ("member VMSYS1, VMSYS5, VMSYS6 {", "BKR015", (9, 16),
     "a `,` cannot appear here: a `member` block declares one member",
     "write `member VMSYS1 { ... }`, and a block of its own for each other member below it"),
    # the keyword in the plural: the same one error, which says it too (was BKR012, whose
    # help read `members` as `member` followed by a name `s`, then BKR004 for the others)
    ("members VMSYS1 VMSYS5 VMSYS6 {", "BKR004", (9, 3),
     ("`members` is no keyword: a `member` block declares one member, and `VMSYS5` and `VMSYS6`"
      " after `VMSYS1` cannot stand before its `{`"),
     ("write a block for each member, one below the other: `member VMSYS1 { workers 4 private-volume M1PRV1 }`,"
      " `member VMSYS5 { workers 4 private-volume M1PRV1 }` and `member VMSYS6 { workers 4 private-volume M1PRV1 }`")),
    ("members VMSYS1 {", "BKR012", (9, 3),
     "unknown keyword `members`; did you mean `member`?",
     "write `member VMSYS1 { workers 4 private-volume M1PRV1 }`: a `member` block declares one member"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "code", "at", "message", "help"), MEMBERS_IN_ONE_HEAD, ids=[m[0] for m in MEMBERS_IN_ONE_HEAD])
def test_members_named_in_one_block_s_head_are_one_error_whose_help_writes_a_block_each(
    written, code, at, message, help, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("member VMSYS1 {", written, 1)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.span.line, found.span.column) == (code, *at)
    assert (found.message, found.help) == (message, help)
    if written == "members VMSYS1 {":  # one reading: the fix writes `member`
        assert apply_edits(text, found.fix.edits) == BASE


#: The catalog's member named with another word where its `on` is due: one error whose
#: help writes the line with `on` and whose fix writes `on` (was, for `member`, BKR011
#: "expected `{` after `member VMSYS1`", a member block read; for `at`, BKR004 "`at`
#: starts no statement: it gives where a disk starts"; for `in`, BKR012 "`in` is not a
#: keyword of the `catalog` statement").
CATALOG_MEMBER_WORDS = [("member", "BKR004"), ("MEMBER", "BKR004"), ("at", "BKR004"), ("in", "BKR012")]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("word", "code"), CATALOG_MEMBER_WORDS)
def test_the_catalog_s_member_named_with_another_word_than_on_is_one_error_whose_fix_writes_on(
    word, code, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("pool BKRPOOL on VMSYS1", f"pool BKRPOOL {word} VMSYS1", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.span.line, found.span.column) == (code, 20, 47)
    assert found.message == f"the catalog names its member with `on`, not `{word}`"
    assert found.help == "write `catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1`"
    assert apply_edits(text, found.fix.edits) == BASE


#: A tape device type on a job's `to tape` line, where a pool's name would be read with
#: `pool` left out: one error that says what the number is, whose fix removes it (was
#: "the pool's name follows the word `pool`", whose help wrote `to tape pool 3590`).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("device", ["3590", "3592", "3490", "3480"])
@pytest.mark.parametrize("comment", ["", "  # the drives"])
def test_a_tape_device_type_on_the_to_tape_line_is_no_pool(device, comment, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    to tape\n    run on VMSYS2 weekly"
    text = BASE.replace(clean, f"    to tape {device}{comment}\n    run on VMSYS2 weekly", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR004", 54, 13)
    assert found.message == (
        f"`{device}` is a tape device type, not a pool: Tape Manager picks the drives a job's `to tape` writes to"
    )
    assert found.help == "write `to tape`, or `to tape pool NAME` to name a Tape Manager pool"
    assert apply_edits(text, found.fix.edits) == BASE.replace(clean, f"    to tape{comment}\n    run on VMSYS2 weekly", 1)


#: ... also before the line's pool (`to tape 3590 pool TAPEPOOL`): the one error, whose
#: help writes the line without the number (was "the pool's name follows the word
#: `pool`", its fix `to tape pool 3590 pool TAPEPOOL`, then "`pool` starts no statement").
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["3590 pool TAPEPOOL", "3592 POOL TAPEPOOL", "3490 pool TAPEPOOL  # the drives"])
def test_a_tape_device_type_before_the_pool_is_one_error_whose_help_writes_the_pool(written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    to tape\n    run on VMSYS2 weekly"
    text = BASE.replace(clean, f"    to tape {written}\n    run on VMSYS2 weekly", 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    device = written.split()[0]
    assert (found.code, found.span.line, found.span.column) == ("BKR004", 54, 13)
    assert found.message == (
        f"`{device}` is a tape device type, not a pool: Tape Manager picks the drives a job's `to tape` writes to"
    )
    assert found.help == "write `to tape pool TAPEPOOL`, without the device type"
    fixed = apply_edits(text, found.fix.edits)
    assert fixed == BASE.replace(clean, f"    to tape {written[len(device) + 1 :]}\n    run on VMSYS2 weekly", 1)
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


#: A disk device type on a job's `to disk` line (`to disk 3390`, `to disk 3390 pool X`):
#: one error that says it is no pool, whose fix removes it, its help writing the line
#: with the pool the file's other `to disk` line names (was "the pool's name follows the
#: word `pool`", whose help wrote `to disk pool 3390`; before the pool, that error and
#: "`pool` starts no statement").
DISK_DEVICE_TYPES = [
    ("3390", "write `to disk`, or `to disk pool BKUPPOOL` to name a disk pool", "to disk"),
    ("3380  # the DASD", "write `to disk`, or `to disk pool BKUPPOOL` to name a disk pool", "to disk  # the DASD"),
    ("3390-9", "write `to disk`, or `to disk pool BKUPPOOL` to name a disk pool", "to disk"),
    ("9336", "write `to disk`, or `to disk pool BKUPPOOL` to name a disk pool", "to disk"),
    ("FBA", "write `to disk`, or `to disk pool BKUPPOOL` to name a disk pool", "to disk"),
    ("3390 pool BKUPPOOL", "write `to disk pool BKUPPOOL`, without the device type", "to disk pool BKUPPOOL"),
    ("3390 POOL OTHER  # x", "write `to disk pool OTHER`, without the device type", "to disk POOL OTHER  # x"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "help", "fixed"), DISK_DEVICE_TYPES, ids=[d[0] for d in DISK_DEVICE_TYPES])
def test_a_disk_device_type_on_the_to_disk_line_is_no_pool(written, help, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    to disk pool BKUPPOOL\n    run on VMSYS2"
    text = BASE.replace(clean, f"    to disk {written}\n    run on VMSYS2", 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    device = written.split()[0]
    assert (found.code, found.span.line, found.span.column) == ("BKR004", 64, 13)
    assert found.message == (
        f"`{device}` is a disk device type, not a pool: a job's `to disk` names its disk pool with `pool NAME`"
    )
    assert found.help == help
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == BASE.replace(clean, f"    {fixed}\n    run on VMSYS2", 1)
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


#: ... with no other `to disk pool` in the file, the help names none.
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_disk_device_type_s_help_names_no_pool_where_the_file_has_none(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("to disk pool BKUPPOOL", "to tape", 2).replace("    to tape\n    run on VMSYS2 daily", "    to disk 3390\n    run on VMSYS2 daily", 1)
    assert "to disk 3390" in text and "to disk pool" not in text
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.help == "write `to disk`, or `to disk pool NAME` to name a disk pool"


#: A tape device type on a `to disk` line (`to disk 3590`): `to tape` likely meant, one
#: error that says so, no fix, as the line says `disk` too (was "the pool's name follows
#: the word `pool`", whose help wrote `to disk pool 3590`).
TAPE_TYPES_ON_DISK = [
    ("3590", "write `to tape` to back the job up to tape, or `to disk pool BKUPPOOL` to keep it on disk"),
    ("3592  # drives", "write `to tape` to back the job up to tape, or `to disk pool BKUPPOOL` to keep it on disk"),
    ("3590 pool TAPEPOOL",
     "write `to tape pool TAPEPOOL` to back the job up to tape, or `to disk pool TAPEPOOL` to keep it on disk"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "help"), TAPE_TYPES_ON_DISK, ids=[t[0] for t in TAPE_TYPES_ON_DISK])
def test_a_tape_device_type_on_the_to_disk_line_says_to_tape(written, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    to disk pool BKUPPOOL\n    run on VMSYS2"
    text = BASE.replace(clean, f"    to disk {written}\n    run on VMSYS2", 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    device = written.split()[0]
    assert (found.code, found.span.line, found.span.column) == ("BKR004", 64, 13)
    assert found.message == f"`{device}` is a tape device type, not a disk pool: a job that writes to tape says `to tape`"
    assert (found.help, found.fix) == (help, None)
    assert too_long(found, analysis.sources) == []
    for meant in re.findall(r"`(to [^`]*)`", help):
        fixed = text.replace(f"to disk {written.split('  #')[0]}", meant, 1)
        assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == [], meant


#: A `weekly` schedule's days written as one word (`mon-fri`, `sat+sun`) and its time
#: no time of day (`now`, `10pm`, `2:5`): BKR314 and BKR313, each help writing a line
#: that checks, the days one by one and the time BKR313 writes (was BKR314's help
#: writing the time as it was, `weekly mon,tue,wed,thu,fri now`, and BKR313's the
#: range, `weekly mon-fri 22:00`).
RANGE_AND_TIME = [
    ("weekly mon-fri now", [
        ("BKR314", "write `weekly mon,tue,wed,thu,fri HH:MM`, the days separated by commas"),
        ("BKR313", "write HH:MM on a 24-hour clock, from 00:00 to 23:59"),
    ]),
    ("weekly mon-fri 10pm", [
        ("BKR314", "write `weekly mon,tue,wed,thu,fri 22:00`, the days separated by commas"),
        ("BKR313", "write `weekly mon,tue,wed,thu,fri 22:00`"),
    ]),
    ("weekly mon-fri 2:5", [
        ("BKR314", "write `weekly mon,tue,wed,thu,fri HH:MM`, the days separated by commas"),
        ("BKR313", "the minutes have two digits: write `weekly mon,tue,wed,thu,fri 02:05` or `weekly mon,tue,wed,thu,fri 02:50`"),
    ]),
    ("weekly sat+sun 10pm", [
        ("BKR314", "write `weekly sat,sun 22:00`"),
        ("BKR313", "write `weekly sat,sun 22:00`"),
    ]),
    # the day after, for a time past the clock's end, of each day (was "a day no `weekly`
    # schedule names")
    ("weekly sat+sun 25:00", [
        ("BKR314", "write `weekly sat,sun HH:MM`"),
        ("BKR313", "a 24-hour clock's hours are 00 to 23: `25:00` is the next day's `01:00`; write `weekly sun,mon 01:00`"),
    ]),
    ("weekly mon-fri 24:00", [
        ("BKR314", "write `weekly mon,tue,wed,thu,fri HH:MM`, the days separated by commas"),
        ("BKR313", "midnight is `00:00`, the start of the day after: write `weekly tue,wed,thu,fri,sat 00:00`"),
    ]),
]


@pytest.mark.parametrize(("written", "expected"), RANGE_AND_TIME, ids=[r[0] for r in RANGE_AND_TIME])
def test_a_range_of_days_and_a_time_that_is_none_get_helps_that_each_check(written, expected):
    clean = "run on VMSYS2 weekly sat 22:00"
    text = BASE.replace(clean, f"run on VMSYS2 {written}", 1)
    assert text != BASE
    found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert [(d.code, d.help) for d in found] == expected
    for d in found:
        for meant in re.findall(r"`(weekly [^`]*)`", d.help):
            if "HH:MM" not in meant:
                fixed = text.replace(f"run on VMSYS2 {written}", f"run on VMSYS2 {meant}", 1)
                assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == [], meant


#: A range of days with blanks about its `-` in a schedule written in English
#: (`weekly sat, mon -wed 10pm`, `weekly mon - wed at 10pm`): the help writes each day
#: of the range (was its first and last alone, `weekly sat,mon 22:00`, `weekly mon,wed
#: 22:00`, the days between dropped).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("weekly sat, mon -wed 10pm", "weekly sat,mon,tue,wed 22:00"),
        ("weekly mon - wed at 10pm", "weekly mon,tue,wed 22:00"),
        ("weekly mon- thu at 10pm", "weekly mon,tue,wed,thu 22:00"),
    ],
)
def test_a_spaced_range_in_an_english_schedule_is_each_of_its_days(written, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "run on VMSYS2 weekly sat 22:00"
    text = BASE.replace(clean, f"run on VMSYS2 {written}", 1)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.help.startswith(f"write `{meant}`"), found.help
    fixed = BASE.replace(clean, f"run on VMSYS2 {meant}", 1)
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []


#: `monthly last-day` written in English (`at` before the time): the help writes the
#: month's last day (was `monthly 1 22:00`, the first day).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["monthly last-day at 22:00", "monthly last-day at 10pm"])
def test_monthly_last_day_in_english_is_the_month_s_last_day(written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "run on VMSYS2 weekly sat 22:00"
    text = BASE.replace(clean, f"run on VMSYS2 {written}", 1)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.help.startswith("write `monthly last-day 22:00`"), found.help
    fixed = BASE.replace(clean, "run on VMSYS2 monthly last-day 22:00", 1)
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []


#: A disk device type on a `to tape` line (`to tape 3390`, `to tape FBA`): `to disk`
#: likely meant, or a device type written where a tape job needs none; one error that
#: says so, no fix, as the line says `tape` too (was "the pool's name follows the word
#: `pool`", whose help wrote `to tape pool 3390`; before the pool, that error and
#: "`pool` starts no statement").
DISK_TYPES_ON_TAPE = [
    ("3390", "write `to tape` to back the job up to tape (Tape Manager picks the drives), or `to disk pool BKUPPOOL` to keep it on disk"),
    ("3390-9  # drives", "write `to tape` to back the job up to tape (Tape Manager picks the drives), or `to disk pool BKUPPOOL` to keep it on disk"),
    ("FBA", "write `to tape` to back the job up to tape (Tape Manager picks the drives), or `to disk pool BKUPPOOL` to keep it on disk"),
    ("3390 pool TAPEPOOL",
     "write `to tape pool TAPEPOOL` to back the job up to tape (Tape Manager picks the drives), or `to disk pool BKUPPOOL` to keep it on disk"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "help"), DISK_TYPES_ON_TAPE, ids=[t[0] for t in DISK_TYPES_ON_TAPE])
def test_a_disk_device_type_on_the_to_tape_line_says_to_disk(written, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    to tape\n    run on VMSYS2 weekly"
    text = BASE.replace(clean, f"    to tape {written}\n    run on VMSYS2 weekly", 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    device = written.split()[0]
    assert (found.code, found.span.line, found.span.column) == ("BKR004", 54, 13)
    assert found.message == f"`{device}` is a disk device type, not a tape pool: a job that backs up to disk says `to disk`"
    assert (found.help, found.fix) == (help, None)
    assert too_long(found, analysis.sources) == []
    for meant in re.findall(r"`(to [^`]*)`", help):
        fixed = text.replace(f"to tape {written.split('  #')[0]}", meant, 1)
        assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == [], meant


#: A job's kind of backup written as a setting on a line of its own (`type full`;
#: `kind`, `level`, `mode`): one error that says it follows the groups on the `backup`
#: line; a fix only where the job's one `backup` line has no level (was, for `type`,
#: "did you mean `tape`?", whose help moved `tape` out of the job; for the others,
#: "`backup` is missing before `level`", whose help wrote `backup level`).
LEVEL_AS_SETTING = [
    ("    backup APPS\n    type full\n", "write `backup APPS full`, and remove this line", True),
    ("    type full\n    backup APPS\n", "write `backup APPS full`, and remove this line", True),
    ("    backup APPS\n    mode full\n", "write `backup APPS full`, and remove this line", True),
    ("    backup APPS full\n    type full\n", "the job's `backup APPS full` says it already: remove this line", False),
    ("    backup APPS full\n    level full\n", "the job's `backup APPS full` says it already: remove this line", False),
    ("    backup APPS incremental\n    kind full  # weekly\n",
     "write `backup APPS full` on the job's `backup` line, and remove this line", False),
    ("    type full\n", "write `backup GROUP full`, the groups to back up before the kind of backup", False),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "help", "fixed"), LEVEL_AS_SETTING, ids=[w.strip() for w, _, _ in LEVEL_AS_SETTING])
def test_a_job_s_kind_of_backup_written_as_a_setting_says_it_follows_the_groups(written, help, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("    backup APPS full\n", written, 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    word = next(w for w in ("type", "kind", "level", "mode") if f"    {w} full" in written)
    line = 69 + written.split("\n").index(f"    {word} full" + ("  # weekly" if "weekly" in written else ""))
    assert (found.code, found.span.line, found.span.column) == ("BKR012", line, 5)
    assert found.message == (
        f"`{word}` is not a keyword: a job's kind of backup, `full`, follows the groups on its `backup` line"
    )
    assert found.help == help
    if fixed:
        assert apply_edits(text, found.fix.edits) == BASE
    else:
        assert found.fix is None


#: Days written as one word where a schedule starts, `weekly` left out: one error that
#: says `weekly` is missing, whose help and fix write the days one by one after `weekly`,
#: the time kept (was the help of every schedule's forms, `daily 22:00, `weekly
#: DAY[,DAY...] 22:00`, ...; `sun 02:00` and `mon,thu 02:00` were answered so already;
#: then "unknown schedule `mon-fri`", no fix). With `at` before the time (`mon-fri at
#: 22:00`), the same error, which says `at` too (was "a `,` is missing between `VMSYS1`
#: and `mon-fri`", its fix making the days a member, then BKR012 at `at 22:00`).
DAYS_WITHOUT_WEEKLY = [
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 mon-fri 02:00", (74, 19), "mon-fri", "weekly mon,tue,wed,thu,fri 02:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 Mon-Sat 02:00", (74, 19), "Mon-Sat", "weekly mon,tue,wed,thu,fri,sat 02:00"),
    ("purge weekly sun 03:00", "purge sat-sun 03:00", (23, 11), "sat-sun", "purge weekly sat,sun 03:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 mon-fri at 22:00", (74, 19), "mon-fri", "weekly mon,tue,wed,thu,fri 22:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 sat-sun  at 22:00  # weekend", (74, 19), "sat-sun", "weekly sat,sun 22:00"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "at", "word", "meant"), DAYS_WITHOUT_WEEKLY, ids=[d[1] for d in DAYS_WITHOUT_WEEKLY])
def test_days_written_as_one_word_without_weekly_get_weekly_and_the_days(clean, written, at, word, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR012", *at)
    assert found.message == (
        f"`{word}` names days of the week, and `weekly` is missing before them: a schedule starts with how often it runs"
        + ("; the time follows without `at`" if " at " in written else "")
    )
    assert found.help == f"write `{meant}`: `weekly` takes each day by name, the days separated by commas"
    line = meant if clean.startswith("purge") else f"run on VMSYS1 {meant}"
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == BASE.replace(clean, line + "  # weekend" * ("#" in written), 1)
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


#: A selection's medium left out in job LNXFULL: the help writes the line with it where
#: the words say which, a line that checks (was "write `minidisk` or `sfs` after
#: `include`", which, written literally, made `include minidisk all minidisks`); where
#: they do not, the statement's two forms.
MEDIUM_LEFT_OUT = [
    ("include minidisk * 0100-0FFF", "include all minidisks", (52, 5), "all",
     "write `include minidisk * *`: `minidisk` after `include`, then `* *`, every address of every owner"),
    # `minidisk` a keyword: one error as for `minidisks` (was `all` one word too many, then
    # the owner and addresses missing after `minidisk`, BKR010)
    ("include minidisk * 0100-0FFF", "include all minidisk", (52, 5), "all",
     "write `include minidisk * *`: `minidisk` after `include`, then `* *`, every address of every owner"),
    ("include minidisk * 0100-0FFF", "include every disk  # the lot", (52, 5), "every",
     "write `include minidisk * *`: `minidisk` after `include`, then `* *`, every address of every owner"),
    ("include minidisk * 0191-01FF 0200", "include all minidisk", (70, 5), "all",
     "write `include minidisk * *`: `minidisk` after `include`, then `* *`, every address of every owner"),
    ("exclude minidisk * 0190 019D 019E 0300", "exclude 0190", (53, 5), "0190",
     ("write `exclude minidisk * 0190`: `minidisk` after `exclude`, then the owner, `*` for every owner,"
      " then the addresses")),
    ("exclude minidisk * 0190 019D 019E 0300", "exclude 0190 019D 019E 0300", (53, 5), "0190",
     ("write `exclude minidisk * 0190 019D 019E 0300`: `minidisk` after `exclude`, then the owner, `*` for"
      " every owner, then the addresses")),
    ("include minidisk * 0100-0FFF", "include LNX* 0100-0FFF", (52, 5), "LNX*",
     "write `include minidisk LNX* 0100-0FFF`: `minidisk` or `sfs` comes right after `include`"),
    ("include minidisk * 0191", "include LNX* 0191  # CMS disks", (63, 5), "LNX*",
     "write `include minidisk LNX* 0191`: `minidisk` or `sfs` comes right after `include`"),
    ("include sfs BKRPOOL:CICSPRD.*", "include BKRPOOL:CICSPRD.*", (72, 5), "BKRPOOL:CICSPRD.*",
     "write `include sfs BKRPOOL:CICSPRD.*`: `minidisk` or `sfs` comes right after `include`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "at", "found", "help"), MEDIUM_LEFT_OUT, ids=[m[1] for m in MEDIUM_LEFT_OUT])
def test_a_selection_s_medium_left_out_gets_a_help_that_writes_a_line_that_checks(
    clean, written, at, found, help, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (diag,) = analysis.diagnostics
    action = written.split()[0]
    assert (diag.code, diag.span.line, diag.span.column) == ("BKR004", *at)
    assert diag.message == f"expected `minidisk` or `sfs` after `{action}`, found `{found}`"
    assert diag.help == help
    assert too_long(diag, analysis.sources) == []
    meant = re.match(r"write `([^`]*)`", diag.help).group(1)
    assert analyse("prodssi.bkr", BASE.replace(clean, meant, 1).encode("utf-8")).diagnostics == []
    # every minidisk, addresses alone (every owner's), an owner and addresses, SFS
    # paths: one reading, the fix writes the help's line over the statement's words (a
    # comment after them kept), and the file checks (was no fix but for `* *`)
    assert diag.fix is not None and diag.fix.title == f"Write `{meant}`"
    fixed = apply_edits(text, diag.fix.edits)
    assert fixed == BASE.replace(clean, written.replace(written.split("#")[0].rstrip(), meant), 1)
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_selection_s_medium_left_out_whose_owner_looks_like_an_address_gets_no_fix(parser, monkeypatch):
    """`include 0191 *`: user 0191's every minidisk, as the help reads it, or address
    0191 of every owner's, the words the wrong way round: no fix."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("include minidisk * 0191", "include 0191 *", 1)
    (diag,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (diag.code, diag.span.line, diag.span.column) == ("BKR004", 63, 5)
    assert diag.help == "write `include minidisk 0191 *`: `minidisk` or `sfs` comes right after `include`"
    assert diag.fix is None


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["exclude all minidisk", "exclude all minidisks"])
def test_every_minidisk_excluded_its_medium_left_out_is_one_error_without_a_fix(written, parser, monkeypatch):
    """`exclude all minidisk` in member VMSYS2: one error, whose help writes `exclude
    minidisk * *`, but no fix: excluding every minidisk leaves the jobs nothing (BKR407)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("exclude minidisk LNX* 0192", written, 1)
    (diag,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (diag.code, diag.span.line, diag.span.column) == ("BKR004", 13, 5)
    assert diag.help == "write `exclude minidisk * *`: `minidisk` after `exclude`, then `* *`, every address of every owner"
    assert diag.fix is None


#: Every SFS directory, its medium before `sfs` (`include all sfs`, `sfs` a keyword): one
#: error, the medium left out, whose help writes `include sfs BKRPOOL:*.*`, the catalog's
#: file pool, if the directories are there, without a fix (was "`all sfs` has its two
#: words the wrong way round", whose help and fix wrote `include sfs all`, BKR318).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["include all sfs", "include every SFS  # CICS's files", "include each sfs"])
def test_every_sfs_directory_with_its_medium_after_the_word_for_every_gets_the_whole_pool_s_path(
    written, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "include sfs BKRPOOL:CICSPRD.*"
    text = BASE.replace(clean, written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (diag,) = analysis.diagnostics
    every = written.split()[1]
    assert (diag.code, diag.span.line, diag.span.column) == ("BKR004", 72, 5)
    assert diag.message == f"expected `minidisk` or `sfs` after `include`, found `{every}`"
    assert diag.help == (
        "write `include sfs BKRPOOL:*.*` if the directories are in BKRPOOL: `sfs` after `include`,"
        " then paths POOL:USER.DIR, `*.*` every directory of the job's users"
    )
    assert diag.fix is None
    assert too_long(diag, analysis.sources) == []
    assert analyse("prodssi.bkr", BASE.replace(clean, "include sfs BKRPOOL:*.*", 1).encode("utf-8")).diagnostics == []


def test_every_sfs_directory_where_the_file_names_no_catalog_pool_gets_the_pool_s_place():
    from bkrdsl.source import Span
    from bkrdsl.syntax import codes as syntax_codes
    from bkrdsl.syntax.messages import catalog_pool, medium_left_out

    assert catalog_pool(BASE) == "BKRPOOL"
    assert catalog_pool("cluster C {\n  catalog local\n}\n") is None
    diag = syntax_codes.SYNTAX("expected `minidisk` or `sfs` after `exclude`, found `all`", Span("f", 1, 1, 1, 8, 0, 7))
    assert medium_left_out(diag, "exclude", " all sfs", None).help == (
        "write `sfs` after `exclude`, then paths POOL:USER.DIR: `exclude sfs POOL:*.*` is every directory"
        " of the job's users in POOL"
    )


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["include all", "include everything", "include LINUX01"])
def test_a_selection_s_medium_left_out_where_its_words_say_not_which_gets_the_statement_s_forms(
    written, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("include minidisk * 0100-0FFF", written, 1)
    (diag,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (diag.code, diag.span.line, diag.span.column) == ("BKR004", 52, 5)
    assert diag.help == (
        "write `minidisk` or `sfs` after `include`: `include minidisk OWNER ADDRESS...` or `include sfs POOL:USER.DIR...`"
    )


#: A level written before the groups in job LNXFULL: the help writes the line with the
#: level last, the groups as written (was "`backup LINUX ... full`", its `...` left in,
#: and only the first group); where other words follow, the statement's form.
LEVEL_FIRST = [
    ("backup full LINUX", "move `full` to the end of the line: `backup LINUX full`"),
    ("backup FULL LINUX  # weekly", "move `FULL` to the end of the line: `backup LINUX full`"),
    ("backup full LINUX APPS", "move `full` to the end of the line: `backup LINUX, APPS full`"),
    ("backup full LINUX, APPS", "move `full` to the end of the line: `backup LINUX, APPS full`"),
    ("backup full LINUX incremental", "move `full` after the groups: `backup GROUP[, GROUP...] full`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "moved"), LEVEL_FIRST, ids=[w for w, _ in LEVEL_FIRST])
def test_a_level_written_before_the_groups_gets_a_help_that_writes_the_line_with_it_last(
    written, moved, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("backup LINUX full", written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (diag,) = analysis.diagnostics
    level = written.split()[1]
    assert (diag.code, diag.span.line, diag.span.column) == ("BKR004", 51, 17)
    assert diag.message == f"`{level}` is read as a group name here: the level comes after the groups"
    assert diag.help == f"{moved}; if `{level}` names a group, put a `,` after it"
    assert too_long(diag, analysis.sources) == []
    if written == "backup full LINUX":
        meant = re.search(r"`(backup [^`]*)`", diag.help).group(1)
        assert analyse("prodssi.bkr", BASE.replace("backup LINUX full", meant, 1).encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "at", "what", "meant"), COMMAS_IN_LISTS, ids=[c[1] for c in COMMAS_IN_LISTS])
def test_commas_in_a_list_that_blanks_separate_are_one_error_whose_fix_removes_them(
    clean, written, at, what, meant, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR015", *at)
    assert found.message == f"`,` does not separate {what}: they are separated by blanks"
    assert found.help.endswith(f": write `{meant}`")
    assert too_long(found, analysis.sources) == []
    fixed = apply_edits(text, found.fix.edits)
    assert meant in fixed
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "at", "help"),
    [
        # was "`02:00` has no keyword before it ...: write its keyword before it: `backup 02:00`"
        ("run on VMSYS1 daily 02:00", "run on VMSYS1 manual 02:00", (74, 26),
         ("write `run on VMSYS1 manual`, without the time: the job is sent by hand, when you choose; or, to run"
         " it at 02:00, say how often: `run on VMSYS1 daily 02:00`")),
        ("purge weekly sun 03:00", "purge manual 03:00", (23, 18),
         ("write `purge manual`, without the time: the work is sent by hand, when you choose; or, to run it at"
         " 03:00, say how often: `purge daily 03:00`")),
    ],
)
def test_a_time_after_manual_says_manual_takes_none(clean, written, at, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    time = written.split()[-1]
    assert (found.code, found.span.line, found.span.column) == ("BKR004", *at)
    assert found.message == f"`manual` takes no time: `{time}` cannot follow it"
    assert (found.help, found.fix) == (help, None)
    assert too_long(found, analysis.sources) == []


#: A member after a `tape manager` option that names a machine only, as `catalog-node
#: TCTMM on VMSYS1` names its member: (as written, the option, its `on ...`, where the
#: machine runs). One error whose fix removes `on ...`; was BKR004 "expected `expire`
#: before `on`", an expire block opened there, and the next line's option misplaced (BKR013).
TAPE_OPTION_MEMBERS = [
    ("request-node TRTMM on VMSYS2", "request-node TRTMM", "on VMSYS2", "the request nodes run on every member but the catalog node's"),
    ("catalog-dmm TCDMM on VMSYS1 request-dmm TRDMM", "catalog-dmm TCDMM", "on VMSYS1",
     "the catalog node's DMM runs on the catalog node's member"),
    ("catalog-dmm TCDMM request-dmm TRDMM on each member", "request-dmm TRDMM", "on each member",
     "the request nodes' DMM runs on the request nodes' members"),
    ("catalog-dmm TCDMM request-dmm TRDMM on", "request-dmm TRDMM", "on",
     "the request nodes' DMM runs on the request nodes' members"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "option", "on", "runs"), TAPE_OPTION_MEMBERS, ids=[t[0] for t in TAPE_OPTION_MEMBERS])
def test_a_member_after_a_tape_option_but_the_catalog_node_is_one_error_whose_fix_removes_it(
    written, option, on, runs, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = written.replace(f" {on}", "", 1)
    assert clean in BASE
    text = BASE.replace(clean, written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert found.code == "BKR004"
    assert text[found.span.start : found.span.end] == on
    assert found.message == f"`{option}` takes no member: only the catalog node names one, `catalog-node NAME on MEMBER`"
    assert found.help == f"remove `{on}`: {runs}"
    assert too_long(found, analysis.sources) == []
    assert apply_edits(text, found.fix.edits) == BASE


#: An option of `tape manager` or `catalog` in full, in small letters first on a line of a
#: group body (after the users, as the statement is pasted into the wrong block): that
#: option misplaced, said where it belongs as in a member or job block, skipped with its
#: values, one error. Was BKR301 (`CATALOG-NODE` is 12 characters long), a user ID, with
#: its values read as more users (BKR208 for TCTMM, BKR309 for `2`).
OPTIONS_IN_GROUP = [
    ("{ CICSPRD DB2PRD\n    catalog-node TCTMM on VMSYS1\n  }", "catalog-node", "tape manager"),
    ("{\n    catalog-node X on\n    CICSPRD DB2PRD\n  }", "catalog-node", "tape manager"),
    ("{ CICSPRD\n    catalog-node\n    DB2PRD }", "catalog-node", "tape manager"),
    ("{ CICSPRD DB2PRD\n    request-node TRTMM\n  }", "request-node", "tape manager"),
    ("{ CICSPRD DB2PRD\n    catalog-dmm TCDMM }", "catalog-dmm", "tape manager"),
    ("{ CICSPRD DB2PRD\n    request-dmm TRDMM  # the request node's DMM\n  }", "request-dmm", "tape manager"),
    ("{ CICSPRD DB2PRD\n    logon-wait 2 minutes\n  }", "logon-wait", "catalog"),
    ("{\n    pool-wait 2 minutes\n    CICSPRD DB2PRD }", "pool-wait", "catalog"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("body", "option", "statement"), OPTIONS_IN_GROUP, ids=[b for b, *_ in OPTIONS_IN_GROUP])
def test_an_option_in_full_in_a_group_body_says_where_it_belongs(body, option, statement, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("{ CICSPRD DB2PRD }", body, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR013", 46, 5)
    assert found.message == f"`{option}` cannot appear in a `group` block"
    assert found.help.startswith(f"`{option}` belongs in the `{statement}` statement: `{statement} shared ")
    assert too_long(found, analysis.sources) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "body", ["{\n    CATALOG-NODE\n    CICSPRD }", "{ CICSPRD catalog-node }"]
)
def test_an_option_in_capitals_or_after_a_user_in_a_group_body_is_still_a_user_id(body, parser, monkeypatch):
    # In capitals, or after another ID on its line, it is read as the ID it is written as
    # (too long for one: BKR301), as a statement keyword is
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("{ CICSPRD DB2PRD }", body, 1)
    found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert [d.code for d in found] == ["BKR301"]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "body", ["{\n    JOB-S\n    CICSPRD DB2PRD }", "{\n    job-s CICSPRD DB2PRD }", "{\n    to-x\n    CICSPRD }"]
)
def test_a_hyphenated_word_not_alone_or_in_capitals_in_a_group_body_is_still_a_user_id(body, parser, monkeypatch):
    # In capitals it is written as user IDs are; with other IDs after it on its line it
    # is one of them (BKR021 warns at `job-s` in small letters there); `to-x` begins no
    # hyphenated keyword, nor two keywords with a `-` for their blank (`to-d`, `to
    # disk`, is one since stop 45): all three read as user IDs, never as a keyword being
    # typed.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("{ CICSPRD DB2PRD }", body, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    assert [d.code for d in analysis.diagnostics if d.code.startswith("BKR0") and d.code != "BKR021"] == []
    (apps,) = [g for g in analysis.program.main.clusters[0].groups if g.name.text == "APPS"]
    assert body.split()[1].upper() in [e.word.text.upper() for e in apps.entries]


#: A statement's keyword, `-` and the start of the one keyword that fits after it, as
#: `run on`, `to disk` are typed with a `-` for the blank: (the clean line, the line
#: written, the word's line, the keywords meant). Was BKR004 "unexpected `-o`" at the
#: `-`, or, after a selection's addresses, "`to-d` is not a keyword".
HYPHEN_FOR_BLANK = [
    ("run on VMSYS1 daily 02:00", "run-o VMSYS1 daily 02:00", 74, "run on"),
    ("run on VMSYS1 daily 02:00", "run-on VMSYS1 daily 02:00", 74, "run on"),
    ("run on VMSYS1 daily 02:00", "run- VMSYS1 daily 02:00", 74, "run on"),
    ("run on each member daily 03:30", "run-o each member daily 03:30", 82, "run on"),
    ("    to disk pool BKUPPOOL\n    run on VMSYS1", "    to-d pool BKUPPOOL\n    run on VMSYS1", 73, "to disk"),
    ("    to tape\n    run on each member daily 03:30", "    to-t\n    run on each member daily 03:30", 81, "to tape"),
    ("    to disk pool BKUPPOOL\n    run on VMSYS2", "    to-disk pool BKUPPOOL\n    run on VMSYS2", 64, "to disk"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "line", "meant"), HYPHEN_FOR_BLANK, ids=[w.split()[0] + w.split()[1] for _, w, _, _ in HYPHEN_FOR_BLANK])
def test_a_hyphen_for_the_blank_after_a_statement_keyword_is_one_word_meant_as_two(clean, written, line, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    word = written.split()[0]
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.span.line, found.span.column, found.span.end_column) == ("BKR012", line, 5, 5 + len(word))
    assert found.message == f"unknown keyword `{word}`; did you mean `{meant}`?"
    assert found.help == f"write `{meant}`: two keywords are separated by a blank; a `-` joins the parts of one keyword"
    assert _fix_writes(found) == meant
    fixed = text[: found.span.start] + meant + text[found.span.end :]
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "line"),
    [
        ("  job APPSFULL {\n", "  job APPSFULL {\n    run-o VMSYS1 daily 02:00\n", 69),
        ("    backup APPS full\n", "    backup APPS full\n    to-d\n", 70),
        ("    exclude minidisk * 0190 019D 019E\n", "    exclude minidisk * 0190 019D 019E\n    to-d\n", 72),
    ],
)
def test_a_hyphen_for_the_blank_is_one_word_first_in_a_job_after_a_statement_or_addresses(clean, written, line, parser, monkeypatch):
    # First in the job, after `backup`, and after a selection's addresses (where the
    # lexer reads the word whole, a name: word_after_addresses) alike.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert clean in BASE
    text = BASE.replace(clean, written, 1)
    found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    word = written.split("\n")[-2].split()[0]
    assert [(d.code, d.span.line, d.span.column, d.message.split(";")[0]) for d in found if d.code.startswith("BKR0")] == [
        ("BKR012", line, 5, f"unknown keyword `{word}`")
    ]


#: Keywords written without their blank where the statement stops right after them:
#: (the clean line, the line written, the word's line and column, the keywords meant,
#: what must follow). One error at the word, which says both; no fix (writing the
#: keywords does not finish the statement). Was two: the BKR012 and a BKR010 whose
#: column was inside the word ("expected a member name after `on`").
GLUED_UNFINISHED = [
    ("  expire on VMSYS1 {\n", "  onexpire\n  expire on VMSYS1 {\n", 21, 3, "expire on", "a member name"),
    ("  single group APPS {", "  onexpire\n  single group APPS {", 45, 3, "expire on", "a member name"),
    ("  single group APPS {", "  expireon\n  single group APPS {", 45, 3, "expire on", "a member name"),
    ("    run on VMSYS1 daily 02:00\n", "    runon\n", 74, 5, "run on", "a member name"),
    ("    run on VMSYS1 daily 02:00\n", "    onrun\n", 74, 5, "run on", "a member name"),
    ("    run on VMSYS1 daily 02:00\n", "    run-o\n", 74, 5, "run on", "a member name"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "line", "column", "meant", "need"), GLUED_UNFINISHED, ids=[g[1].split()[0] + str(g[2]) for g in GLUED_UNFINISHED])
def test_keywords_run_together_alone_are_one_error_that_says_what_follows(clean, written, line, column, meant, need, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    word = written.split("\n")[0].split()[0]
    found = [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code.startswith("BKR0")]
    assert [(d.code, d.span.line, d.span.column, d.span.end_column) for d in found] == [
        ("BKR012", line, column, column + len(word))
    ]
    assert found[0].message.endswith(f"; did you mean `{meant}`?")
    assert found[0].help == f"write `{meant}` followed by {need}: the statement ends after `{word}`"
    assert found[0].fix is None


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "meant"),
    [
        ("run on VMSYS1 daily 02:00", "onrun VMSYS1 daily 02:00", "run on"),
        ("run on VMSYS1 daily 02:00", "ONRUN VMSYS1 daily 02:00", "RUN ON"),
        ("run on each member daily 03:30", "onrun each member daily 03:30", "run on"),
        ("run on VMSYS2 weekly sat 22:00", "onrun VMSYS2 weekly sat 22:00", "run on"),
    ],
)
def test_on_glued_before_run_is_run_on_the_other_way_round(clean, written, meant, parser, monkeypatch):
    # `onrun VMSYS1 ...`, as `onexpire VMSYS1 {` below a catalog's `on VMSYS1`: where
    # no name may stand the lexer reads the whole word a name, "not a keyword; a
    # statement must start with one". It is `run on` run together the other way round:
    # one error whose fix writes it, the job's `run` read as written so.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    word = written.split()[0]
    assert (found.code, found.span.column, found.span.end_column) == ("BKR012", 5, 5 + len(word))
    assert found.message == f"unknown keyword `{word}`; did you mean `{meant}`?"
    assert found.help == f"write `{meant}`: the statement starts with `{meant.split()[0]}`, and a keyword ends at a blank"
    assert _fix_writes(found) == meant
    fixed = text[: found.span.start] + meant + text[found.span.end :]
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []
    line = found.span.line
    (job,) = [j for j in analysis.program.main.clusters[0].jobs if j.span.line <= line <= j.span.end_line]
    assert [r.span.start for r in job.runs] == [found.span.start]


def _fix_writes(found):
    """The text `found`'s fix writes, its one edit's; None when it has no fix."""
    if found.fix is None:
        return None
    (edit,) = found.fix.edits
    return edit.new_text


def _keywords_doubled() -> list[tuple[str, str]]:
    """Each keyword of the base file where it first stands outside comments and texts,
    written twice in a row: (the keyword, the text)."""
    import re

    from bkrdsl.syntax.parser import parser
    from bkrdsl.syntax.recovery import grammar_facts

    keywords = set(grammar_facts(parser()).keywords)
    found, seen = [], set()
    for m in re.finditer(r"[A-Za-z][A-Za-z-]*", BASE):
        word, line = m.group(), BASE[BASE.rfind("\n", 0, m.start()) + 1 : m.start()]
        if word.lower() not in keywords or word.lower() in seen or "#" in line or line.count('"') % 2:
            continue
        seen.add(word.lower())
        found.append((word, f"{BASE[: m.end()]} {word}{BASE[m.end() :]}"))
    return found


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["  onexpire VMSYS1 {", "  onexpire    VMSYS1 {", "  ONEXPIRE VMSYS1 {"])
def test_on_glued_to_a_statement_keyword_is_that_statement_the_other_way_round(written, parser, monkeypatch):
    # `onexpire VMSYS1 {` on the line after `catalog ... on VMSYS1`: the contextual
    # lexer, which takes no NAME after that `on NAME`, reads `on` and `expire`, with
    # no blank between them. Not `on expire` (two words swapped would split the one
    # word and crashed: .ci/explore seed 40014, tests/test_syntax_region.py), nor a
    # BKR004 at its `{` too: `expire on`, run together the other way round, one error
    # whose fix writes it, the expire block read as written so.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("  expire on VMSYS1 {", written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    word = written.split()[0]
    meant = "EXPIRE ON" if word.isupper() else "expire on"
    assert (found.code, found.span.line, found.span.column, found.span.end_column) == ("BKR012", 21, 3, 11)
    assert found.message == f"unknown keyword `{word}`; did you mean `{meant}`?"
    assert found.help == f"write `{meant}`: the statement starts with `{meant.split()[0]}`, and a keyword ends at a blank"
    assert _fix_writes(found) == meant
    fixed = text[: found.span.start] + meant + text[found.span.end :]
    assert not analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics
    (read,) = analysis.program.main.clusters[0].expires
    assert read.span.start == found.span.start  # the block starts at the word
    assert [w.text for w in read.placement.members] == ["VMSYS1"]
    assert (len(read.previews), len(read.purges), [w.text for w in read.retains]) == (1, 1, ["35"])


@pytest.mark.parametrize(("word", "text"), _keywords_doubled(), ids=[w for w, _ in _keywords_doubled()])
def test_a_keyword_written_twice_is_one_error_whose_fix_removes_the_second(word, text):
    # block keywords (`member member VMSYS2 {`), statement keywords (`backup backup APPS`,
    # `include include minidisk`) and the words inside a statement alike
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.message) == ("BKR004", f"`{word}` is written twice")
    assert found.fix is not None and found.fix.title == f"Remove the second `{word}`"
    (edit,) = found.fix.edits
    assert text[: edit.span.start] + edit.new_text + text[edit.span.end :] == BASE


def test_the_keywords_doubled_are_every_keyword_of_the_base():
    assert {"member", "job", "cluster", "backup", "include", "single", "match", "import"} <= {
        w for w, _ in _keywords_doubled()
    }


def test_the_sweep_is_wide():
    assert len(SLIPS) >= 60


@pytest.mark.parametrize(("slip", "clean", "written", "expected"), SLIPS, ids=[s[0] for s in SLIPS])
def test_one_slip_gives_one_diagnostic_at_its_place(slip, clean, written, expected):
    assert BASE.count(clean) >= 1, clean
    text = BASE.replace(clean, written, 1)
    found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    got = [f"{d.code} {d.span.line}:{d.span.column}" for d in found]
    assert got == [expected], "\n".join(f"{d.code} {d.span.line}:{d.span.column} {d.message}" for d in found)


# a number with its unit written on to it: the message names the run-on word, and
# the help what to write (not "write a unit after `size 10cyl`")
UNITS_RUN_ON = [
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 10cyl",
     "`10cyl` is a size and its unit run together; did you mean `size 10 cyl`?", "Write `10 cyl`"),
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 10BLOCKS",
     "`10BLOCKS` is a size and its unit run together; did you mean `size 10 BLOCKS`?", "Write `10 BLOCKS`"),
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 10M",
     "`10M` is not a size bkrc knows: a minidisk is sized in cylinders or blocks", None),
    ("retain 35 days", "retain 35d",
     "`35d` is a number of days and its unit run together; did you mean `retain 35 days`?", "Write `35 days`"),
    ("pool BKRPOOL on VMSYS1\n", "pool BKRPOOL on VMSYS1 pool-wait 10mins\n",
     "`10mins` is a time and its unit run together; did you mean `pool-wait 10 mins`?", "Write `10 mins`"),
    ("pool BKRPOOL on VMSYS1\n", "pool BKRPOOL on VMSYS1 Logon-Wait 2h\n",
     "`2h` is not a time bkrc knows: a wait is in seconds or minutes", None),
]


@pytest.mark.parametrize(("clean", "written", "message", "fix"), UNITS_RUN_ON, ids=[u[1] for u in UNITS_RUN_ON])
def test_a_unit_run_on_to_its_number_is_named(clean, written, message, fix):
    text = BASE.replace(clean, written, 1)
    assert text != BASE, f"{clean!r} is not in examples/prodssi.bkr"
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.message == message
    assert (found.fix.title if found.fix else None) == fix
    if found.fix is None and "size" in written:
        assert "`size N cyl`" in found.help and "`size N blk`" in found.help
    if found.fix is None and "wait" in written.lower():
        assert "`logon-wait N seconds`" in found.help and "`logon-wait N minutes`" in found.help


# a count with a minus sign: what the count may be, in the checks' own bounds, and the
# form, in the help; no fix (no number is chosen for the user)
# fmt: off
NEGATIVE_COUNTS = [
    ("retain 35 days", "retain -1 days", (24, 12),
     "`-1` is not a number of days: `retain` takes a whole number from 1 to 36500",
     "write `retain N days`, N from 1 to 36500"),
    ("retain 35 days", "retain -35", (24, 12),
     "`-35` is not a number of days: `retain` takes a whole number from 1 to 36500",
     "write `retain N days`, N from 1 to 36500"),
    ("{ workers 4  private-volume M1PRV1 }", "{ workers -1  private-volume M1PRV1 }", (9, 27),
     "`-1` is not a worker count: `workers` takes a whole number from 1 to 64", "write `workers N`, N from 1 to 64"),
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size -10 cyl", (31, 25),
     "`-10` is not a disk size: `size` takes a whole number of at least 1",
     "write `size N cyl`, N from 1 to 1,182,006, or `size N blk`, N from 1 to 4,294,967,296"),
    ("disk TRDMM 191 size 10 cyl", "disk TRDMM 191 size -2048 blocks", (40, 23),
     "`-2048` is not a disk size: `size` takes a whole number of at least 1",
     "write `size N cyl`, N from 1 to 1,182,006, or `size N blk`, N from 1 to 4,294,967,296"),
    ("cyl on VMCOM1 at 1000", "cyl on VMCOM1 at -5", (34, 46),
     "`-5` is not an extent start: `at` takes a whole number of 0 or more, the extent's first cylinder or block",
     "write `on VOLUME at START`, START from 0: a cylinder up to 1,182,005, a block up to 4,294,967,295"),
    ("pool BKRPOOL on VMSYS1", "pool BKRPOOL on VMSYS1 logon-wait -3 minutes", (20, 68),
     "`-3` is not a wait: `logon-wait` waits from 2 seconds to 60 minutes, in whole 2-second tries",
     "write `logon-wait N seconds`, N a multiple of 2 up to 3600, or `logon-wait N minutes`, N from 1 to 60"),
    ("pool BKRPOOL on VMSYS1", "pool BKRPOOL on VMSYS1 pool-wait -300 seconds", (20, 67),
     "`-300` is not a wait: `pool-wait` waits from 5 seconds to 60 minutes, in whole 5-second tries",
     "write `pool-wait N seconds`, N a multiple of 5 up to 3600, or `pool-wait N minutes`, N from 1 to 60"),
    # the unit run on to the number: the unit is a word of its own too, and the help
    # writes the form of the unit written; the statement read on (`on VMCOM1 at 1000`)
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size -10cyl", (31, 25),
     "`-10cyl` is not a disk size: `size` takes a whole number of at least 1, and its unit is a word of its own",
     "write `size N cyl`, N from 1 to 1,182,006: the number without `-`, then a blank before `cyl`"),
    ("disk BKRSVSFS 191 size 20 cyl", "disk BKRSVSFS 191 size -20blocks", (34, 26),
     "`-20blocks` is not a disk size: `size` takes a whole number of at least 1, and its unit is a word of its own",
     "write `size N blk`, N from 1 to 4,294,967,296: the number without `-`, then a blank before `blk`"),
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size -10M", (31, 25),
     "`-10M` is not a disk size: `size` takes a whole number of at least 1, and its unit is a word of its own",
     ("write `size N cyl`, N from 1 to 1,182,006, or `size N blk`, N from 1 to 4,294,967,296: the number"
     " without `-`, then a blank before the unit")),
    ("retain 35 days", "retain -35days", (24, 12),
     ("`-35days` is not a number of days: `retain` takes a whole number from 1 to 36500, and its unit is a word"
     " of its own"),
     "write `retain N days`, N from 1 to 36500: the number without `-`, then a blank before `days`"),
    ("pool BKRPOOL on VMSYS1", "pool BKRPOOL on VMSYS1 pool-wait -5min logon-wait 2 minutes", (20, 67),
     ("`-5min` is not a wait: `pool-wait` waits from 5 seconds to 60 minutes, in whole 5-second tries, and its"
     " unit is a word of its own"),
     ("write `pool-wait N seconds`, N a multiple of 5 up to 3600, or `pool-wait N minutes`, N from 1 to 60: the"
     " number without `-`, then a blank before `min`")),
    # letters run on to the number of a keyword that takes no unit: it takes none, and the
    # statement is read on (`private-volume M1PRV1` after `workers -4x`)
    ("{ workers 4  private-volume M1PRV1 }", "{ workers -4x  private-volume M1PRV1 }", (9, 27),
     "`-4x` is not a worker count: `workers` takes a whole number from 1 to 64, without a unit",
     "write `workers N`, N from 1 to 64; the number without `-` and without `x`"),
    ("cyl on VMCOM1 at 1000", "cyl on VMCOM1 at -5cyl", (34, 46),
     ("`-5cyl` is not an extent start: `at` takes a whole number of 0 or more, the extent's first cylinder or"
     " block, without a unit"),
     ("write `on VOLUME at START`, START from 0: a cylinder up to 1,182,005, a block up to 4,294,967,295; the"
     " number without `-` and without `cyl`")),
    # the number read on: the wait after it is read as written, and is no error of its own
    ("pool BKRPOOL on VMSYS1", "pool BKRPOOL on VMSYS1 Logon-Wait -3 MINUTES pool-wait 15 minutes", (20, 68),
     "`-3` is not a wait: `logon-wait` waits from 2 seconds to 60 minutes, in whole 2-second tries",
     "write `logon-wait N seconds`, N a multiple of 2 up to 3600, or `logon-wait N minutes`, N from 1 to 60"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "at", "message", "help"), NEGATIVE_COUNTS, ids=[n[1] for n in NEGATIVE_COUNTS])
def test_a_negative_count_says_the_whole_numbers_it_may_be(clean, written, at, message, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR004", *at)
    assert (found.message, found.help, found.fix) == (message, help, None)
    assert too_long(found, analysis.sources) == []


# a `,` after a minidisk selection's owner, last on its line: what is missing after it
# (was the generic BKR015, "a `,` cannot appear here", whose help spoke of `on VMSYS1,
# VMSYS2` and group entries); with the addresses on the next line, the `,` between the
# owner and them, which a fix removes
# fmt: off
OWNER_COMMAS = [
    ("exclude minidisk * 0190 019D 019E\n    include sfs", "exclude minidisk *,\n    include sfs", (71, 23),
     "no address after `exclude minidisk *,`: a list never ends with `,`",
     ("a selection's owner and its addresses are separated by blanks: write `exclude minidisk * 0191 0100-01FF`,"
     " or `exclude minidisk * *` for every minidisk of the users it matches"), None),
    ("include minidisk * 0191\n    to disk", "include minidisk TCPIP,  # the stack\n    to disk", (63, 27),
     "no address after `include minidisk TCPIP,`: a list never ends with `,`",
     ("a selection's owner and its addresses are separated by blanks: write `include minidisk TCPIP 0191"
     " 0100-01FF`, or `include minidisk TCPIP *` for every minidisk of TCPIP"), None),
    ("exclude minidisk * 0190 019D 019E\n    include sfs", "exclude minidisk *,\n      0190 019D 019E\n    include sfs", (71, 23),
     "`,` does not separate the owner and the addresses of a minidisk selection: they are separated by blanks",
     "remove the `,`; write the names separated by blanks", "exclude minidisk *\n      0190 019D 019E\n    include sfs"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "at", "message", "help", "fixed"), OWNER_COMMAS, ids=[o[1] for o in OWNER_COMMAS])
def test_a_comma_after_a_selection_s_owner_at_the_line_s_end_says_what_is_missing(
    clean, written, at, message, help, fixed, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR015", *at)
    assert (found.message, found.help) == (message, help)
    assert found.label == ("the addresses are missing after this `,`" if fixed is None else None)
    if fixed is None:
        assert found.fix is None  # without the `,`, the selection has no address either
    else:
        repaired = apply_edits(text, found.fix.edits)
        assert repaired == BASE.replace(clean, fixed, 1)
        assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


# a retention written on a purge's or a preview's line without `retain`: one error (was
# "one word too many" at the number and again at `days`); after the time, `retain` left
# out, which the fix writes; where the time goes, the time missing too, and no fix
# fmt: off
RETENTIONS = [
    ("purge weekly sun 03:00\n    retain 35 days", "purge weekly sun 03:00 35 days", (23, 28),
     ("`35 days` has no keyword: the `purge` statement ends with its time, and a retention is a statement of its"
     " own, `retain 35 days`"),
     ("write `retain` before the number: `purge weekly sun 03:00 retain 35 days`, or `retain 35 days` on a line"
     " of its own"), "purge weekly sun 03:00 retain 35 days"),
    ("purge weekly sun 03:00\n    retain 35 days", "purge weekly sun 03:00  5 weeks  # five", (23, 29),
     ("`5 weeks` has no keyword: the `purge` statement ends with its time, and a retention is a statement of its"
     " own, `retain 35 days`"),
     ("write it as a retention in days: `purge weekly sun 03:00 retain 35 days`, or `retain 35 days` on a line of"
     " its own"), "purge weekly sun 03:00  retain 35 days  # five"),
    ("preview daily 01:00\n    purge weekly sun 03:00\n    retain 35 days",
     "preview daily 01:00 35 days\n    purge weekly sun 03:00", (22, 25),
     ("`35 days` has no keyword: the `preview` statement ends with its time, and a retention is a statement of its"
     " own, `retain 35 days`"),
     ("write `retain` before the number: `preview daily 01:00 retain 35 days`, or `retain 35 days` on a line of"
     " its own"), "preview daily 01:00 retain 35 days\n    purge weekly sun 03:00"),
    ("purge weekly sun 03:00\n    retain 35 days", "purge weekly sun keep 35 days", (23, 22),
     ("`keep 35 days` is not part of `purge`: `purge weekly sun` needs its time (HH:MM) there, and a retention is"
     " a statement of its own, `retain 35 days`"),
     "write the time, then the retention: `purge weekly sun HH:MM` and `retain 35 days`", None),
    ("purge weekly sun 03:00\n    retain 35 days\n  }", "purge monthly first sun keep for 5 weeks }", (23, 29),
     ("`keep for 5 weeks` is not part of `purge`: `purge monthly first sun` needs its time (HH:MM) there, and a"
     " retention is a statement of its own, `retain 35 days`"),
     "write the time, then the retention: `purge monthly first sun HH:MM` and `retain 35 days`", None),
    ("purge weekly sun 03:00\n    retain 35 days", "purge daily older than 35 days", (23, 17),
     ("`older than 35 days` is not part of `purge`: `purge daily` needs its time (HH:MM) there, and a retention"
     " is a statement of its own, `retain 35 days`"),
     "write the time, then the retention: `purge daily HH:MM` and `retain 35 days`", None),
    # where a `weekly` or `monthly` schedule has its day and its time (`keep` read as the
    # day, `35` as the time): both missing, which the error says (was a word too many at
    # `days`, whose help wrote `purge weekly keep 35`)
    ("purge weekly sun 03:00\n    retain 35 days", "purge weekly keep 35 days", (23, 18),
     ("`keep 35 days` is not part of `purge`: `purge weekly` needs its day, then its time (`weekly DAY HH:MM`)"
     " there, and a retention is a statement of its own, `retain 35 days`"),
     "write the day and the time, then the retention: `purge weekly DAY HH:MM` and `retain 35 days`", None),
    ("purge weekly sun 03:00\n    retain 35 days\n  }", "purge monthly for 5 weeks  # five\n  }", (23, 19),
     ("`for 5 weeks` is not part of `purge`: `purge monthly` needs its day, then its time (`monthly N HH:MM`)"
     " there, and a retention is a statement of its own, `retain 35 days`"),
     "write the day and the time, then the retention: `purge monthly N HH:MM` and `retain 35 days`", None),
    # the number and its unit where the time goes, the day part whole (`35` read as the
    # time): the time missing, as for `keep` there (was a word too many at `days`, whose
    # help wrote `purge daily 35`)
    ("purge weekly sun 03:00\n    retain 35 days", "purge daily 35 days", (23, 17),
     ("`35 days` is not part of `purge`: `purge daily` needs its time (HH:MM) there, and a retention is a statement"
     " of its own, `retain 35 days`"),
     "write the time, then the retention: `purge daily HH:MM` and `retain 35 days`", None),
    ("purge weekly sun 03:00\n    retain 35 days", "purge weekly sun, sat 35 days  # sat too", (23, 27),
     ("`35 days` is not part of `purge`: `purge weekly sun, sat` needs its time (HH:MM) there, and a retention is a"
     " statement of its own, `retain 35 days`"),
     "write the time, then the retention: `purge weekly sun, sat HH:MM` and `retain 35 days`", None),
    ("purge weekly sun 03:00\n    retain 35 days", "purge monthly 1 35 days", (23, 21),
     ("`35 days` is not part of `purge`: `purge monthly 1` needs its time (HH:MM) there, and a retention is a"
     " statement of its own, `retain 35 days`"),
     "write the time, then the retention: `purge monthly 1 HH:MM` and `retain 35 days`", None),
    ("preview daily 01:00\n    purge weekly sun 03:00\n    retain 35 days",
     "preview daily 5 weeks\n    purge weekly sun 03:00", (22, 19),
     ("`5 weeks` is not part of `preview`: `preview daily` needs its time (HH:MM) there, and a retention is a"
     " statement of its own, `retain 35 days`"),
     "write the time, then the retention: `preview daily HH:MM` and `retain 35 days`", None),
    # in a job's `run` line: what the schedule needs there, and that a job keeps no
    # retention, which is the expire block's (was a word too many, at `35` and `days`)
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 35 days", (74, 25),
     ("`35 days` is not part of `run`: `run on VMSYS1 daily` needs its time (HH:MM) there, and a job keeps no"
     " retention: how long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("write the time: `run on VMSYS1 daily HH:MM`; to keep backups 35 days, write `retain 35 days` in the expire"
     " block"), None),
    ("run on each member daily 03:30", "run on each member monthly first sun 5 weeks", (82, 42),
     ("`5 weeks` is not part of `run`: `run on each member monthly first sun` needs its time (HH:MM) there, and a"
     " job keeps no retention: how long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("write the time: `run on each member monthly first sun HH:MM`; to keep backups 35 days, write `retain 35"
     " days` in the expire block"), None),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly sat keep for 5 weeks  # five", (55, 30),
     ("`keep for 5 weeks` is not part of `run`: `run on VMSYS2 weekly sat` needs its time (HH:MM) there, and a job"
     " keeps no retention: how long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("write the time: `run on VMSYS2 weekly sat HH:MM`; to keep backups 35 days, write `retain 35 days` in the"
     " expire block"), None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly keep 35 days", (74, 26),
     ("`keep 35 days` is not part of `run`: `run on VMSYS1 weekly` needs its day, then its time (`weekly DAY"
     " HH:MM`) there, and a job keeps no retention: how long backups stay in the catalog is the expire block's"
     " `retain 35 days`"),
     ("write the day and the time: `run on VMSYS1 weekly DAY HH:MM`; to keep backups 35 days, write `retain 35"
     " days` in the expire block"), None),
    # after the run's time, with or without a word before the number (`keep` was "did you
    # mean `retain`?", whose fix wrote a `retain` the job cannot hold, BKR013): one error
    # for the words and the retention, no fix (moving it to the expire block is a choice)
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 35 days", (74, 31),
     ("`35 days` is not part of `run`: the `run` statement ends with its time, and a job keeps no retention: how"
     " long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("remove `35 days`: write `run on VMSYS1 daily 02:00`; to keep backups 35 days, write `retain 35 days` in the"
     " expire block"), None),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly sat 22:00  5 weeks  # five", (55, 37),
     ("`5 weeks` is not part of `run`: the `run` statement ends with its time, and a job keeps no retention: how"
     " long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("remove `5 weeks`: write `run on VMSYS2 weekly sat 22:00`; to keep backups 35 days, write `retain 35 days` in"
     " the expire block"), None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 for 35 days", (74, 31),
     ("`for 35 days` is not part of `run`: the `run` statement ends with its time, and a job keeps no retention:"
     " how long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("remove `for 35 days`: write `run on VMSYS1 daily 02:00`; to keep backups 35 days, write `retain 35 days` in"
     " the expire block"), None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 keep 35 days", (74, 31),
     ("`keep 35 days` is not part of `run`: the `run` statement ends with its time, and a job keeps no retention:"
     " how long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("remove `keep 35 days`: write `run on VMSYS1 daily 02:00`; to keep backups 35 days, write `retain 35 days` in"
     " the expire block"), None),
    ("run on each member daily 03:30\n  }", "run on each member weekly sun 04:00 retain 35 days }", (82, 41),
     ("`retain 35 days` is not part of `run`: the `run` statement ends with its time, and a job keeps no"
     " retention: how long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("remove `retain 35 days`: write `run on each member weekly sun 04:00`; to keep backups 35 days, write `retain"
     " 35 days` in the expire block"), None),
    # ... cut short, its unit or its number too not written (was BKR013 at `retain`, "`retain`
    # cannot appear inside a `job` block", and "did you mean `retain`?" at `keep`)
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 retain 35", (74, 31),
     ("`retain 35` is not part of `run`: the `run` statement ends with its time, and a job keeps no retention:"
     " how long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("remove `retain 35`: write `run on VMSYS1 daily 02:00`; to keep backups 35 days, write `retain 35 days` in"
     " the expire block"), None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 retain", (74, 31),
     ("`retain` is not part of `run`: the `run` statement ends with its time, and a job keeps no retention:"
     " how long backups stay in the catalog is the expire block's `retain N days`"),
     ("remove `retain`: write `run on VMSYS1 daily 02:00`; to keep backups N days, write `retain N days` in"
     " the expire block"), None),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly sat 22:00 keep  # a month", (55, 36),
     ("`keep` is not part of `run`: the `run` statement ends with its time, and a job keeps no retention:"
     " how long backups stay in the catalog is the expire block's `retain N days`"),
     ("remove `keep`: write `run on VMSYS2 weekly sat 22:00`; to keep backups N days, write `retain N days` in"
     " the expire block"), None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 retian 35", (74, 31),
     ("`retian 35` is not part of `run`: the `run` statement ends with its time, and a job keeps no retention:"
     " how long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("remove `retian 35`: write `run on VMSYS1 daily 02:00`; to keep backups 35 days, write `retain 35 days` in"
     " the expire block"), None),
    # ... after `manual`, which has no time: the statement ends with it, the same one error
    # (was BKR013 at `retain`, "did you mean `retain`?" at `keep`, a word too many at `35`
    # and again at `days`)
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 manual retain 35 days", (74, 26),
     ("`retain 35 days` is not part of `run`: the `run` statement ends with `manual`, and a job keeps no"
     " retention: how long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("remove `retain 35 days`: write `run on VMSYS1 manual`; to keep backups 35 days, write `retain 35 days` in"
     " the expire block"), None),
    ("run on each member daily 03:30\n  }", "run on each member manual retain 35 days }", (82, 31),
     ("`retain 35 days` is not part of `run`: the `run` statement ends with `manual`, and a job keeps no"
     " retention: how long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("remove `retain 35 days`: write `run on each member manual`; to keep backups 35 days, write `retain 35 days`"
     " in the expire block"), None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 manual 5 weeks  # five", (74, 26),
     ("`5 weeks` is not part of `run`: the `run` statement ends with `manual`, and a job keeps no retention: how"
     " long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("remove `5 weeks`: write `run on VMSYS1 manual`; to keep backups 35 days, write `retain 35 days` in the"
     " expire block"), None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 manual keep 35 days", (74, 26),
     ("`keep 35 days` is not part of `run`: the `run` statement ends with `manual`, and a job keeps no retention:"
     " how long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("remove `keep 35 days`: write `run on VMSYS1 manual`; to keep backups 35 days, write `retain 35 days` in"
     " the expire block"), None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 manual retain 30", (74, 26),
     ("`retain 30` is not part of `run`: the `run` statement ends with `manual`, and a job keeps no retention:"
     " how long backups stay in the catalog is the expire block's `retain 30 days`"),
     ("remove `retain 30`: write `run on VMSYS1 manual`; to keep backups 30 days, write `retain 30 days` in"
     " the expire block"), None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 manual retain", (74, 26),
     ("`retain` is not part of `run`: the `run` statement ends with `manual`, and a job keeps no retention:"
     " how long backups stay in the catalog is the expire block's `retain N days`"),
     ("remove `retain`: write `run on VMSYS1 manual`; to keep backups N days, write `retain N days` in"
     " the expire block"), None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 MANUAL keep", (74, 26),
     ("`keep` is not part of `run`: the `run` statement ends with `MANUAL`, and a job keeps no retention:"
     " how long backups stay in the catalog is the expire block's `retain N days`"),
     ("remove `keep`: write `run on VMSYS1 MANUAL`; to keep backups N days, write `retain N days` in"
     " the expire block"), None),
    # the statement's keyword in capitals: the same error (was "`retain 35 days` has no
    # keyword: the `RUN` statement ...", whose fix wrote `retain 35 days` where it stood)
    ("run on VMSYS1 daily 02:00", "RUN on VMSYS1 daily 02:00 retain 35 days", (74, 31),
     ("`retain 35 days` is not part of `run`: the `run` statement ends with its time, and a job keeps no"
     " retention: how long backups stay in the catalog is the expire block's `retain 35 days`"),
     ("remove `retain 35 days`: write `RUN on VMSYS1 daily 02:00`; to keep backups 35 days, write `retain 35 days`"
     " in the expire block"), None),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "at", "message", "help", "fixed"), RETENTIONS, ids=[r[1] for r in RETENTIONS])
def test_a_retention_on_a_purge_line_is_one_error(clean, written, at, message, help, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR004", *at)
    assert (found.message, found.help) == (message, help)
    if fixed is None:
        assert found.fix is None  # the time is missing: no fix writes one nobody chose
    else:
        repaired = apply_edits(text, found.fix.edits)
        assert repaired == BASE.replace(clean, fixed, 1)
        assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


# a retention where a `weekly` or `monthly` schedule has its day and its time, without
# a word before it: it parses, its number the day and its unit the time, and the
# checker says what the parser says where a word stands before the number, as one
# BKR314 (was BKR314, "`35` is not a day of the week", and BKR313 for `days`)
# fmt: off
RETENTIONS_READ_AS_DAYS = [
    ("purge weekly sun 03:00", "purge weekly 35 days", (23, 18),
     ("`35 days` is not part of `purge`: `purge weekly` needs its day, then its time (`weekly DAY HH:MM`) there,"
     " and a retention is a statement of its own, `retain 35 days`"),
     "write the day and the time, then the retention: `purge weekly DAY HH:MM` and `retain 35 days`"),
    ("purge weekly sun 03:00", "purge monthly 35 days", (23, 19),
     ("`35 days` is not part of `purge`: `purge monthly` needs its day, then its time (`monthly N HH:MM`) there,"
     " and a retention is a statement of its own, `retain 35 days`"),
     "write the day and the time, then the retention: `purge monthly N HH:MM` and `retain 35 days`"),
    # `5` is no crontab's Friday here (was "write `weekly fri weeks`")
    ("purge weekly sun 03:00", "purge weekly 5 weeks", (23, 18),
     ("`5 weeks` is not part of `purge`: `purge weekly` needs its day, then its time (`weekly DAY HH:MM`) there,"
     " and a retention is a statement of its own, `retain 35 days`"),
     "write the day and the time, then the retention: `purge weekly DAY HH:MM` and `retain 35 days`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly 35 days", (74, 26),
     ("`35 days` is not part of `run`: `run on VMSYS1 weekly` needs its day, then its time (`weekly DAY HH:MM`)"
     " there, and a job keeps no retention: how long backups stay in the catalog is the expire block's `retain 35"
     " days`"),
     ("write the day and the time: `run on VMSYS1 weekly DAY HH:MM`; to keep backups 35 days, write `retain 35"
     " days` in the expire block")),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "at", "message", "help"), RETENTIONS_READ_AS_DAYS, ids=[r[1] for r in RETENTIONS_READ_AS_DAYS]
)
def test_a_retention_read_as_a_day_and_a_time_is_one_error(clean, written, at, message, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR314", *at)
    assert found.span.end_column - found.span.column == len(" ".join(written.split()[-2:]))  # the number and unit
    assert (found.message, found.help) == (message, help)
    assert found.fix is None  # the day and the time are a choice
    assert too_long(found, analysis.sources) == []


# a retention after a purge's or a preview's time, a word no keyword starts where its
# `retain` goes (was the generic BKR012 "`for` is not a keyword"): as `keep` is "did you
# mean `retain`?", the error says the retention is `retain 35 days`, and with one word
# the fix writes `retain` for it (weeks counted in days); with more, no fix
# fmt: off
RETENTION_WORDS = [
    ("purge weekly sun 03:00\n    retain 35 days", "purge weekly sun 03:00 for 35 days", (23, 28),
     ("`for` is not a keyword: a retention after `purge weekly sun 03:00` is a statement of its own, `retain 35"
     " days`"),
     "write `retain` for `for`: `purge weekly sun 03:00 retain 35 days`", "purge weekly sun 03:00 retain 35 days"),
    ("preview daily 01:00\n    purge weekly sun 03:00\n    retain 35 days",
     "preview daily 01:00 for 35 days\n    purge weekly sun 03:00", (22, 25),
     "`for` is not a keyword: a retention after `preview daily 01:00` is a statement of its own, `retain 35 days`",
     "write `retain` for `for`: `preview daily 01:00 retain 35 days`",
     "preview daily 01:00 retain 35 days\n    purge weekly sun 03:00"),
    ("purge weekly sun 03:00\n    retain 35 days", "purge weekly sun 03:00  for 5 weeks  # five", (23, 29),
     ("`for` is not a keyword: a retention after `purge weekly sun 03:00` is a statement of its own, `retain 35"
     " days`"),
     "write `retain 35 days` for `for 5 weeks`: `purge weekly sun 03:00 retain 35 days`",
     "purge weekly sun 03:00  retain 35 days  # five"),
    ("purge weekly sun 03:00\n    retain 35 days\n  }", "purge weekly sun 03:00 for about 35 days }", (23, 28),
     ("`for about 35 days` has no keyword: a retention after `purge weekly sun 03:00` is a statement of its own,"
     " `retain 35 days`"),
     ("write `retain 35 days` for `for about 35 days`: `purge weekly sun 03:00 retain 35 days`, or `retain 35"
     " days` on a line of its own"), None),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "at", "message", "help", "fixed"), RETENTION_WORDS, ids=[r[1] for r in RETENTION_WORDS]
)
def test_a_word_before_a_retention_on_a_purge_line_points_to_retain(
    clean, written, at, message, help, fixed, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR012", *at)
    assert (found.message, found.help) == (message, help)
    if fixed is None:
        assert found.fix is None  # which of the words is the slip is a guess
    else:
        repaired = apply_edits(text, found.fix.edits)
        assert repaired == BASE.replace(clean, fixed, 1)
        assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


def test_a_retention_s_number_after_the_time_alone_is_still_a_word_too_many():
    """Not a retention: `35` with no unit after it (nor `35 cyl`) stays one word too many."""
    for written in ("purge weekly sun 03:00 35", "purge weekly sun 03:00 35 cyl"):
        found = analyse("prodssi.bkr", BASE.replace("purge weekly sun 03:00", written, 1).encode()).diagnostics
        assert found and all("retention" not in d.message for d in found), written


def test_the_syntax_knows_the_counts_the_checks_know():
    from bkrdsl.check.values import MAX_RETAIN_DAYS
    from bkrdsl.resolve.model import (
        DISK_UNIT_LIMITS,
        LOGON_POLL_SECONDS,
        MAX_WAIT_SECONDS,
        MAX_WORKERS,
        POOL_POLL_SECONDS,
    )
    from bkrdsl.syntax import messages
    from bkrdsl.syntax.fast import KEYWORDS

    assert messages.RETAIN_DAYS_MOST == MAX_RETAIN_DAYS
    assert messages.WORKERS_MOST == MAX_WORKERS
    assert {unit.upper(): most for unit, most in messages.DISK_UNIT_MOST.items()} == DISK_UNIT_LIMITS
    assert messages.WAIT_SECONDS_MOST == MAX_WAIT_SECONDS
    assert messages.WAIT_TRIES == {"logon-wait": LOGON_POLL_SECONDS, "pool-wait": POOL_POLL_SECONDS}
    # each a keyword of the grammar, as the recovery finds it before the number
    assert set(messages.COUNTS) <= KEYWORDS


def test_the_syntax_knows_the_units_the_model_knows():
    from bkrdsl.resolve.model import DISK_UNITS, WAIT_UNITS
    from bkrdsl.syntax.messages import DISK_UNIT_WORDS, WAIT_UNIT_WORDS

    assert DISK_UNIT_WORDS == {unit.lower() for unit in DISK_UNITS}
    assert WAIT_UNIT_WORDS == {unit.lower() for unit in WAIT_UNITS}


def test_the_syntax_knows_the_days_the_model_knows():
    from bkrdsl.resolve.model import parse_weekday
    from bkrdsl.syntax.fast import DAYS

    assert all(parse_weekday(day) is not None for day in DAYS)
    assert {parse_weekday(day) for day in DAYS} == set(range(7))
    assert len(DAYS) == 14  # each day short and whole


# the message is the point: each says what is wrong in the words of the slip, not
# "a `,` is missing" or "`VMSYS1` is not a keyword"
#: The help of a word where a cluster statement starts that is no keyword the cluster takes.
CLUSTER_STARTS = (
    "statements in a `cluster` block start with `catalog`, `description`, `disk`, `expire`, `identity`,"
    " `job`, `member`, `shared-volume`, `single`, `tape`"
)

EXPLAINED = [
    # one or two letters (`tape` retyped): not `to` nor `run`, keywords of a job one slip away
    ("  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n", "  t\n",
     "`t` is not a keyword; a statement must start with one"),
    ("  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n", "  ru\n",
     "`ru` is not a keyword; a statement must start with one"),
    ("backup APPS full", "backup APPS differential",
     "`differential` is not a backup level bkrc knows: a job backs up `full` or `incremental`"),
    ("run on VMSYS1 daily 02:00", "run on member VMSYS1 daily 02:00",
     "`member` is written only in `on each member`: after `on`, name the members themselves"),
    ("backup APPS full", "backup group APPS full",
     "`group` is not written in a `backup` statement: `backup` names the groups themselves"),
    ("expire on VMSYS1 {", "on expire VMSYS1 {",
     "`on expire` has its two words the wrong way round: `expire` comes before `on`"),
    ("member VMSYS4 { workers 2  private-volume M4PRV1 }", "member VMSYS4 workers 2 private-volume M4PRV1",
     "the settings of `member VMSYS4` are written without braces: a block's body goes inside `{ }`"),
    ("include sfs BKRPOOL:CICSPRD.*", "include sfs BKRPOOL: CICSPRD.*",
     "a blank after the `:` splits the SFS path `BKRPOOL:CICSPRD.*` in two"),
    ("disk BKRBKUP 191 size 10 cyl", "disk 191 BKRBKUP size 10 cyl",
     "`disk 191 BKRBKUP` has its address and user ID the wrong way round: the user ID comes first"),
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP size 191 10 cyl",
     "`size 191` has its two words the wrong way round: `191` comes before `size`"),
    ("run on VMSYS2 weekly sat 22:00", "run on weekly VMSYS2 sat 22:00",
     "`weekly VMSYS2` has its two words the wrong way round: `VMSYS2` comes before `weekly`"),
    ("run on VMSYS2 weekly sat 22:00", "run on weekly VMSYS2 mon,tue 22:00",
     "`weekly VMSYS2` has its two words the wrong way round: `VMSYS2` comes before `weekly`"),
    ("{ workers 4  private-volume M1PRV1 }", "{ workers 4  M1PRV1 private-volume }",
     "`M1PRV1 private-volume` has its two words the wrong way round: `private-volume` comes before `M1PRV1`"),
    ("{ workers 4  private-volume M1PRV1 }", "{ workers 4  M1PRV1 private-volume  job-suffix A }",
     "`M1PRV1 private-volume` has its two words the wrong way round: `private-volume` comes before `M1PRV1`"),
    ("{ workers 4  private-volume M1PRV1 }", "{ workers 4 5 private-volume M1PRV1 }",
     "one word too many: the `workers` statement ends with `4`, and `5` starts no statement"),
    # a value left out before its keyword is that: not the words after the keyword swapped
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP size 10 cyl",
     "expected the minidisk's virtual address (e.g. 191) after `disk BKRBKUP`, found `size`"),
    ("run on VMSYS2 weekly sat 22:00", "run on weekly sat 22:00",
     "expected a member name after `on`, found `weekly`"),
    # a selection's `include` or `exclude` left out, after a selection: not one more address
    ("    exclude minidisk * 0190 019D 019E\n    include sfs",
     "    minidisk * 0190 019D 019E\n    include sfs", "expected `exclude` or `include` before `minidisk`"),
    ("    exclude minidisk * 0190 019D 019E\n    include sfs",
     "    exclude minidisk * 0190 019D 019E\n    sfs", "expected `exclude` or `include` before `sfs`"),
    ("    exclude minidisk LNX* 0192", "    minidisk LNX* 0192", "expected `exclude` or `include` before `minidisk`"),
    ("pool BKRPOOL on", "pool 'BKRPOOL' on", "names are written without quotes: `BKRPOOL`, not `'BKRPOOL'`"),
    ("  single group APPS {", "  single user group APPS {",
     "`user` and `group` are both written: `single user` declares users, `single group` a group"),
    ("  identity group SYSIDS {", "  identity user group SYSIDS {",
     "`user` and `group` are both written: `identity user` declares users, `identity group` a group"),
    ("run on VMSYS1 daily 02:00", "run daily 02:00 on VMSYS1",
     "the schedule comes after the members the job runs on, not before them"),
    ("run on each member daily 03:30", "run on VMSYS1 and VMSYS2 and VMSYS3 and VMSYS4 daily 03:30",
     "`and` does not join the names of a list: they are separated by commas"),
    ("backup APPS full", "backup APPS & LINUX full",
     "`&` does not join the names of a list: they are separated by commas"),
    ("include minidisk * 0100-0FFF", "include minidisk * 0100 to 0FFF",
     "a range of minidisk addresses is written FIRST-LAST: `0100-0FFF`, not `0100 to 0FFF`"),
    ("backup APPS full", "backup APPS full incremental",
     "a `backup` line has one level: `full` or `incremental`, not both"),
    ("to disk pool BKUPPOOL", "to disk or tape pool BKUPPOOL",
     "a job writes to one medium: `to disk` or `to tape`, not both"),
    ("disk BKRBKUP 191 size 10 cyl", "minidisk BKRBKUP 191 size 10 cyl",
     "a machine's minidisk is declared with `disk`, not `minidisk`"),
    ("backup APPS full", "backup users APPS full",
     "`users` is not written in a `backup` statement: `backup` names the groups and users themselves"),
    ("import std/zvm73", "include std/zvm73",
     "a module is read with `import`, not `include`: `include` selects what a job backs up"),
    ("backup APPS full", "backup APPS type=full",
     "the level follows the groups without a keyword: `type` is not written before `full`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 to 04:00",
     "a schedule gives a start time, not a time window: `to 04:00` cannot follow `02:00`"),
    ("preview daily 01:00", "preview daily 01:00 to 02:00",
     "a schedule gives a start time, not a time window: `to 02:00` cannot follow `01:00`"),
    ("include sfs BKRPOOL:CICSPRD.*", "include sfs BKRPOOL CICSPRD.*",
     "the file pool `BKRPOOL` and the path `CICSPRD.*` are one SFS path, joined by `:`: `BKRPOOL:CICSPRD.*`"),
    ("run on VMSYS1 daily 02:00", "run daily 02:00 on",
     "the schedule comes after the members the job runs on, and no member follows `on`"),
    ("catalog-node TCTMM on VMSYS1", "catalog-node on VMSYS1 TCTMM",
     "the catalog node's machine comes right after `catalog-node`, then `on` and its member"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 0 2 * * *",
     "`0 2 * * *` is a crontab schedule; a .bkr schedule is `daily`, `weekly`, `monthly` or `manual`"),
    ("include sfs BKRPOOL:CICSPRD.*", "include sfs BKRPOOL:.*",
     "SFS path `BKRPOOL:.*` names no user ID after its `:`; write it POOL:USER.DIR"),
    ("backup APPS full", "backup APPS weekly",
     "`weekly` is a schedule, not a backup level: a job backs up `full` or `incremental`"),
    ("backup APPS full", "backup APPS nightly",
     "`nightly` is a schedule, not a backup level: a job backs up `full` or `incremental`"),
    ("backup APPS full", "backup APPS complete",
     "`complete` is not a backup level bkrc knows: a job backs up `full` or `incremental`"),
    ("include sfs BKRPOOL:CICSPRD.*", 'include sfs BKRPOOL:"CICSPRD".*',
     'the user ID in an SFS path is written without quotes: `BKRPOOL:CICSPRD.*`, not `BKRPOOL:"CICSPRD".*`'),
    ("include sfs BKRPOOL:CICSPRD.*", 'include sfs BKRPOOL:"CICS PRD".*',
     'an SFS path is written without quotes: `BKRPOOL:"CICS PRD".*` is not one path'),
    ("backup APPS full", "backup APPS and full",
     "`and` does not join the groups to their level: `full` follows the groups by itself"),
    ("{ CICSPRD DB2PRD }", "{ CICSPRD and DB2PRD }",
     "`and` does not join the user IDs of group `APPS`: they are separated by blanks alone"),
    ("include minidisk * 0191-01FF", "include minidisk * 0191 thru 01FF",
     "a range of minidisk addresses is written FIRST-LAST: `0191-01FF`, not `0191 thru 01FF`"),
    ("backup APPS full", "backup APPS full\n    incremental",
     "a `backup` line has one level: `full` or `incremental`, not both"),
    ("member VMSYS2 {", "USER VMSYS2 {", "`USER` starts a user's entry in a CP directory, not a .bkr block"),
    ("retain 35 days", "retain 35 days 4 weeks",
     "`retain` gives one number of days: `4 weeks` cannot follow `35 days`"),
    ("retain 35 days", "retain 5 weeks", "`retain` counts days, not weeks: 5 weeks is `retain 35 days`"),
    ("include minidisk * 0191-01FF", "include minidisk owner * 0191-01FF",
     "`owner` is not written in a selection: the owner follows `minidisk` by itself"),
    ("import std/zvm73", "import std/zvm 73", "a module path is one word: `std/zvm 73` has a blank inside"),
    ("include minidisk * 0191-01FF 0200", "include minidisk owner 0191-01FF",
     ("`owner` stands where the owner goes: `include minidisk` is followed by the owner's user ID or pattern,"
      " then the addresses")),
    ("import std/zvm73", "import std/zvm73 std/backup-manager",
     "one `import` reads one module: `std/backup-manager` needs an `import` of its own"),
    ("backup APPS full", "backup APPS, LINUX and full",
     "`and` does not join the groups to their level: `full` follows the groups by itself"),
    ("backup APPS full", "backup APPS full\n    full", "`full` is written twice"),
    ("backup APPS full", "backup APPS and\n    full",
     "`and` does not join the groups to their level: `full` follows the groups by itself"),
    ("backup APPS full", "backup APPS, and full",
     "`and` does not join the groups to their level: `full` follows the groups by itself"),
    ("retain 35 days", "retain 1 month", "`retain` counts days, not months: write the time in days"),
    ("private-volume M2PRV1", "private-volume private-volume M2PRV1", "`private-volume` is written twice"),
    ("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "catalog shared BKRSVSFS",
     ("`BKRSVSFS` has no keyword before it: the `catalog` statement ends with `shared`,"
      " and a value follows the keyword it belongs to")),
    ("  expire on VMSYS1 {", "  purge on VMSYS1\n  {",
     "an expiry block starts with `expire`, not `purge`: `purge` goes inside it"),
    ("run on VMSYS1 daily 02:00", "daily 02:00 on",
     "a schedule is part of the `run` statement: `run` is missing, and no member follows `on`"),
    ("    to tape\n    run on each", "    tape pool\n    run on each",
     "a job's destination starts with `to`, and `pool` is followed by the pool's name: `to tape pool NAME`"),
    ("member VMSYS2 {", "member member VMSYS2 {", "`member` is written twice"),
    ("backup APPS full", "backup backup APPS full", "`backup` is written twice"),
    ("  single group APPS {", "  single single group APPS {", "`single` is written twice"),
    ("include minidisk * 0191-01FF", "include include minidisk * 0191-01FF", "`include` is written twice"),
    ("import std/zvm73", "import import std/zvm73", "`import` is written twice"),
    ("backup APPS full", "backup APPS, and LINUX full",
     "`and` does not join the names of a list: the `,` before it separates them already"),
    ("backup APPS full", "backup APPS, & LINUX full",
     "`&` does not join the names of a list: the `,` before it separates them already"),
    ("backup APPS full", "backup APPS, LINUX, and", "the list of groups ends with `, and`: no name follows `and`"),
    ("purge weekly sun 03:00", "purge weekly",
     "expected a day of the week and a time (DAY HH:MM) after `weekly`, found the end of the line"),
    ("backup APPS full", "backup APPS; LINUX full",
     "`;` does not separate the names of a list: they are separated by commas"),
    ("purge weekly sun 03:00", "purge on VMSYS1",
     "`purge` needs a schedule, not a member: `on VMSYS1` is said by the block, `expire on VMSYS1`"),
    ("purge weekly sun 03:00", "purge on VMSYS2",
     ("`purge` needs a schedule, not a member: it runs on the member of its block, `expire on VMSYS1`,"
      " not on `VMSYS2`")),
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 10 cyl cyl",
     "the unit `cyl` is written twice: a size has one unit"),
    ("purge weekly sun 03:00", "purge weekly sun 03:00 after preview",
     "2 words too many: the `purge` statement ends with `03:00`, and `after preview` starts no statement"),
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 10 cyl blk",
     "a size has one unit, but this one has two: `cyl` and `blk`"),
    ("member VMSYS2 {", "member\n  backup {",
     "`backup` starts its line, so it reads as the keyword `backup`, not as the name after `member`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly 02:00",
     "`monthly` needs a day of the month before the time `02:00`"),
    ("catalog-node TCTMM on VMSYS1", "catalog-node TCTMM on each member",
     "`catalog-node` names one member after `on`: `each member` is written only in `run` and `expire`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 hourly",
     "unknown schedule `hourly`; a schedule is `daily`, `weekly`, `monthly` or `manual`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 EST",
     "a schedule's time has no time zone: `EST` cannot follow it"),
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 10 cyl on each member",
     "a disk's `on` names the volume it is on, not members: `each member` is written only in `run` and `expire`"),
    ("member VMSYS4 { workers 2  private-volume M4PRV1 }", "member VMSYS4 { workers 2  private-volume M4PRV1",
     "`{` opened at 16:17 is not closed before `shared-volume`"),
    ("retain 35 days", "retain 35 days.",
     "`.` does not end a statement: a statement ends where the next keyword begins"),
    ("{ workers 4  private-volume M1PRV1 }", "{ workers 4 each  private-volume M1PRV1 }",
     "`each` is not written after `workers 4`: a member block gives that member's own workers"),
    ("backup APPS full", "backup APPS full each",
     "one word too many: the `backup` statement ends with `full`, and `each` starts no statement"),
    ("weekly sat 22:00", "weekly fri sat, sun 22:00",
     "the days after `weekly` are separated by commas: `sat` was read as the time"),
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 10 cyl MR",
     "`MR` is a CP link mode: bkrc writes each minidisk's MDISK statement, link mode included"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 VMSYS1 daily 02:00",
     "`VMSYS1` is written twice in a row: a list names each of its names once"),
    ("{ CICSPRD DB2PRD }", "{ CICSPRD; DB2PRD; }",
     "`;` does not separate the user IDs of group `APPS`: they are separated by blanks or new lines"),
    ("{ CICSPRD DB2PRD }", "{ CICSPRD, DB2PRD }",
     "`,` does not separate the user IDs of group `APPS`: they are separated by blanks or new lines"),
    # not "`tape-drives` is 11 characters long; a volume label has at most 6"
    ("private-volume M1PRV1 }", "private-volume M1PRV1 tape-drives 2 }",
     "`tape-drives` is not a keyword; a statement must start with one"),
    ("private-volume M1PRV1 }", "private-volume M1PRV1 job-sufix C }",
     "unknown keyword `job-sufix`; did you mean `job-suffix`?"),
    ("    retain 35 days\n", "    retai\n", "unknown keyword `retai`; did you mean `retain`?"),
    ("    purge weekly sun 03:00\n", "    p\n", "`p` is not a keyword; a statement must start with one"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly 1,15 02:00",
     "a `monthly` schedule runs on one day of the month, not on several: `1,15`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly 1,15",
     "a `monthly` schedule runs on one day of the month, not on several: `1,15`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly first sun sat 02:00",
     "a `monthly` schedule runs on one day of the month, not on several: `first sun sat`"),
    ("purge weekly sun 03:00", "purge monthly ,",
     "a `,` cannot follow `monthly`: the day of the month goes there, and a `monthly` schedule names one day"),
    ("purge weekly sun 03:00", "purge monthly last,",
     "a `,` cannot follow `monthly last`: one weekday goes there, and a `monthly` schedule names one day"),
    ("purge weekly sun 03:00", "purge monthly 1,, 03:00",
     "a `,` cannot follow `monthly 1`: a `monthly` schedule runs on one day of the month, not a list"),
    ("purge weekly sun 03:00", "purge daily , 03:00",
     "a `,` cannot follow `daily`: a `daily` schedule takes its time alone"),
    # two days and no time: the second read as the time, said so (not "`sat` is not a time")
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly fri sat",
     ("`sat` is a day of the week, read as the time: the days after `weekly` are separated by commas,"
      " and the time follows them")),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly first sun sat",
     "`sat` is a second weekday, read as the time: a `monthly` schedule runs on one day of the month"),
    ("purge weekly sun 03:00", "purge weekly , sun 03:00",
     "a `,` cannot follow `weekly`: the days of the week go there, then the time"),
    ("purge weekly sun 03:00", "purge weekly sat,,sun 03:00",
     "a `,` too many after `sat`: the days of `weekly` are separated by one `,`"),
    ("purge weekly sun 03:00", "purge weekly sat,, 03:00",
     "no day follows the commas after `sat`: the days of `weekly` are separated by commas, the time by a blank"),
    # not a group name missing after it, found on the next line
    ("backup APPS full", "backup APPS full backup",
     "`backup` is written again after the whole `backup APPS full`, with nothing after it"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 14:00", "the `run` statement's schedule has one time: `14:00` cannot follow `02:00`"),
    # another frequency: not "did you mean `weekly`", whose fix ran the job twice as often
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 biweekly sat 22:00",
     "unknown schedule `biweekly`; a schedule is `daily`, `weekly`, `monthly` or `manual`"),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 biweekly",
     "unknown schedule `biweekly`; a schedule is `daily`, `weekly`, `monthly` or `manual`"),
    ("purge weekly sun 03:00", "purge biweekly",
     "unknown schedule `biweekly`; a schedule is `daily`, `weekly`, `monthly` or `manual`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 weekly sun 04:00",
     "a `run` statement has one schedule: `weekly sun 04:00` follows `daily 02:00`"),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 yearly feb 31 22:00",
     ("unknown schedule `yearly`; a schedule is `daily`, `weekly`, `monthly` or `manual`,"
      " and none names a month (`feb`)")),
    # a date: an unknown schedule, not daily's
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on 2026-02-31 22:00",
     ("`on 2026-02-31 22:00` is not a .bkr schedule: a schedule starts with how often it runs:"
      " `daily`, `weekly`, `monthly` or `manual`, and none names a date (`2026-02-31`)")),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 2026-02-31 22:00",
     ("unknown schedule `2026-02-31`; a schedule is `daily`, `weekly`, `monthly` or `manual`,"
      " and none names a date")),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00,",
     "a `,` ends no statement: a list never ends with `,`, and the statement is whole without it"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 sun",
     "a day cannot follow the time: `daily` runs every day, so `sun` after `02:00` says nothing"),
    # a label written as a site's naming scheme writes it: the `-` named, not only the length
    ("private-volume M4PRV1", "private-volume M4-PRV1",
     "`M4-PRV1` contains `-`, which a volume label cannot hold, and is 7 characters long (at most 6)"),
    ("private-volume M4PRV1", "private-volume M4-PRV1 M4PRV2",
     "`M4-PRV1` contains `-`, which a volume label cannot hold, and is 7 characters long (at most 6)"),
    # words in small letters after the SFS paths, a comment without its `#`: one error for
    # the run (was BKR318 "SFS path `foo` names no file pool" for each word)
    ("include sfs BKRPOOL:CICSPRD.*", "include sfs BKRPOOL:CICSPRD.* foo bar baz",
     ("`foo bar baz` after the SFS paths reads as words, not as 3 more paths: each path names its file pool,"
      " POOL:USER.DIR")),
]


@pytest.mark.parametrize(("clean", "written", "message"), EXPLAINED, ids=[e[1] for e in EXPLAINED])
def test_the_slip_is_named_for_what_it_is(clean, written, message):
    text = BASE.replace(clean, written, 1)
    assert text != BASE, f"{clean!r} is not in examples/prodssi.bkr"
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.message == message


def test_minidisk_and_sfs_in_a_group_body_are_still_user_ids(monkeypatch):
    """A line that starts with `minidisk` or `sfs` after a statement's list is a selection
    whose action is left out; in a group body, it is a user ID like any other. In small
    letters it is a keyword that starts no statement read as a user ID: the checker's
    BKR021 warning, no syntax error."""
    text = BASE.replace(
        "  single group APPS { CICSPRD DB2PRD }", "  single group APPS {\n    CICSPRD DB2PRD\n    MINIDISK\n    sfs\n  }", 1
    )
    assert "MINIDISK" in text
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    assert [(d.code, d.message) for d in analysis.diagnostics] == [
        ("BKR021", "`sfs` is read as one more user of group `APPS`: `SFS`")
    ]
    assert {"MINIDISK", "SFS"} <= set(next(g for g in analysis.model.groups if g.name == "APPS").users)
    # also after the body's `match` patterns, with either parser (test_fast_parser's
    # generated `single group 0 { match 0 match 0` + newline + `minidisk }` found it)
    text = BASE.replace(
        "  single group APPS { CICSPRD DB2PRD }", "  single group APPS { CICSPRD DB2PRD  match CICS*\n    MINIDISK\n  }", 1
    )
    assert "MINIDISK" in text
    for parser in ("fast", "lark"):
        monkeypatch.setenv("BKRDSL_PARSER", parser)
        assert analyse("prodssi.bkr", text.encode("utf-8")).diagnostics == [], parser


# The help says what to write, and, where the slip's word may be a name, how to write that name.

#: What the help for a schedule in English says after the schedule it writes, on a line of its own.
FORMS = ("\na schedule is `daily HH:MM`, `weekly DAY[,DAY...] HH:MM`, `monthly N HH:MM`,"
         " `monthly last-day HH:MM`, `monthly first|second|third|fourth|last DAY HH:MM` or `manual`,"
         " on a 24-hour clock")
#: What a help that writes a job for each time adds when the jobs may run on one day
#: (at one level, BKR405 or BKR410 would warn of them; docs/rules/BKR405.md).
ONE_DAY = ("; they may run on the same day, the second copying the same data again at one level:"
           " make it `incremental`, or BKR405 warns (BKR410 for IDENTITY users)")
LAST_DAY = ("write `monthly last-day 22:00`, the month's last day, whichever of the 28th to the 31st it is"
            + FORMS)
DAY_31 = ("write `monthly 31 22:00`, which does not run in months with fewer than 31 days (BKR404), or"
          " `monthly 28 22:00`, a day every month has" + FORMS)
TWO_DAYS = ("write a job for each day, the same but for its `run`: `monthly 1 22:00` and `monthly 15 22:00`"
            " (a schedule names one day: its number, the month's last day, `monthly last-day 22:00`, or a weekday, `monthly first|second|third|fourth|last DAY 22:00`)")

HELPED = [
    # a cluster statement half typed down to one or two letters (`tape manager ...` retyped,
    # its continuation line below): no keyword of another block one slip away (`to`, `run`),
    # which would read a job there and misplace the `catalog-dmm` line; the block's statements,
    # as for `c`, `m`, `j`, `e`, and the continuation skipped with the word
    ("  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n", "  t\n", CLUSTER_STARTS),
    ("  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n", "  c\n", CLUSTER_STARTS),
    ("  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n", "  o\n", CLUSTER_STARTS),
    ("  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n", "  ru\n", CLUSTER_STARTS),
    # a keyword half typed before the next statement: the keyword, and what it needs
    ('    description "System machines, one job per member"\n', "    descri\n",
     'write `description` followed by a quoted text ("..."): the statement ends after `descri`'),
    # ... and the next statement written on after it: not the two words swapped (BKR004),
    # nor that statement as the description's unquoted text (BKR010)
    ("    private-volume M2PRV1\n", "    desc private-volume M2PRV1\n",
     'write `description` followed by a quoted text ("..."): the statement ends after `desc`'),
    ("    workers 4\n", "    desc workers 4\n",
     'write `description` followed by a quoted text ("..."): the statement ends after `desc`'),
    ("{ workers 4  private-volume M1PRV1 }", "{ workers 4  desc private-volume M1PRV1 }",
     'write `description` followed by a quoted text ("..."): the statement ends after `desc`'),
    ("    workers 4\n", "    worke private-volume M2PRV2\n",
     "write `workers` followed by the number of worker machines: the statement ends after `worke`"),
    ("    purge weekly sun 03:00\n", "    p\n", "statements in an `expire` block start with `preview`, `purge`, `retain`"),
    ("    include sfs BKRPOOL:CICSPRD.*\n", "    include sfs BKRPOOL:CICSPRD.*\n    retain 30 days\n",
     "`retain` belongs in an `expire on MEMBER { ... }` block: move it there"),
    ("on VMCOM1 at 1000", "on VMCOM1 extent 1",
     "write `at 1`: the first cylinder of the extent follows `at`"),
    # times out of the clock after an edit: what to write, not only HH:MM
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 24:00",
     "midnight is `00:00`, the start of the day: write `daily 00:00`"),
    ("purge weekly sun 03:00", "purge weekly sun 24:00",
     "midnight is `00:00`, the start of the day after: write `weekly mon 00:00`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 2:5",
     "the minutes have two digits: write `daily 02:05` or `daily 02:50`"),
    # past the clock's end: the time it reads as, on its day (were "write HH:MM on a 24-hour clock")
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 25:00",
     "a 24-hour clock's hours are 00 to 23: `25:00` is the next day's `01:00`; write `daily 01:00`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 2:60",
     "an hour's minutes are 00 to 59: `2:60` is `03:00`; write `daily 03:00`"),
    ("purge weekly sun 03:00", "purge weekly sun 25:00",
     "a 24-hour clock's hours are 00 to 23: `25:00` is the next day's `01:00`; write `weekly mon 01:00`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly last-day 24:00",
     "midnight is `00:00`, the start of the day after: write `monthly 1 00:00`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly first sun 25:00",
     ("a 24-hour clock's hours are 00 to 23: `25:00` is the next day's `01:00`, a day no `monthly` schedule"
      " names; write a time of this day, from `00:00` to `23:59`")),
    # the `}` above lines up with its block: the line that opened this one may be gone
    ("  job APPSFULL {\n", "\n",
     ("if the line that opened its block was deleted, write it back above `backup`: `job NAME {`;"
      " else the `}` that closed `job LNXINC` is one too many: remove it")),
    ("    run on each member daily 03:30\n  }",
     PASTED_JOB,
     "`job` belongs directly inside `cluster NAME { ... }`: move it out of `job SYSIN`, after its `}`"),
    ("  single group APPS { CICSPRD DB2PRD }",
     "  single group APPS {\n    CICSPRD DB2PRD\n  identity group SYSIDS2 { TCPIP2 }\n  }",
     "declare users and groups outside other blocks: move it out of `group APPS`, after its `}`"),
    ("  single group APPS { CICSPRD DB2PRD }",
     "  single group APPS {\n    CICSPRD DB2PRD\n  member VMSYS5 { workers 2 }\n  }",
     # the file's own block, moved below the group's `}` (h4, stop 69)
     "`member` belongs directly inside `cluster NAME { ... }`: move `member VMSYS5 { workers 2 }` below `group APPS`'s `}` (line 48)"),
    ("  member VMSYS4 { workers 2  private-volume M4PRV1 }",
     "  member VMSYS4 {\n    workers 2  private-volume M4PRV1\n  identity group SYSIDS2 { TCPIP2 }\n  }",
     "declare users and groups outside other blocks: move it out of `member VMSYS4`, after its `}`"),
    ("  single group APPS { CICSPRD DB2PRD }",
     "  single group APPS {\n    CICSPRD DB2PRD\n  identity group SYSIDS2 { TCPIP2 } }\n  }",
     ("declare users and groups outside other blocks: move it out of `group APPS`, after its `}`;"
      " the `}` at 47:37 is one too many: remove it")),
    ("    run on each member daily 03:30\n  }", PASTED_JOB.replace("  }\n  }", "  }\n  }\n  }"),
     ("`job` belongs directly inside `cluster NAME { ... }`: move it out of `job SYSIN`, after its `}`;"
      " the `}` at 88:3 is one too many: remove it")),
    ("  single group APPS { CICSPRD DB2PRD }", "  single group APPS { CICSPRD identity group X { T }",
     "add `}` to end `group APPS` before `identity`"),
    ("cyl on VMCOM1 at 1000", "cyl extent 1000",
     "write the volume in its place, `on VOLUME at 1000`, or remove `extent 1000` and leave the extent to be allocated"),
    ("cyl on VMCOM1 at 1000", "cyl 1000",
     "write the volume and `at` before it, `on VOLUME at 1000`, or remove `1000` and leave the extent to be allocated"),
    # a second pool: one too many for `pool`, not a value whose keyword (`backup`) was left out
    ("to disk pool BKUPPOOL\n    run on VMSYS1", "to disk pool BKUPPOOL BKUPPOL2\n    run on VMSYS1",
     "remove `BKUPPOL2`, as `pool` takes one value: write `to disk pool BKUPPOOL`"),
    ("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1",
     "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1 VMSYS2",
     "remove `VMSYS2`, as `on` takes one value: write `catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1`"),
    ("backup APPS full", "backup APPS AND full",
     ("write `backup APPS full`: the level follows the last group, with nothing between;"
      " if `AND` is a group, put a `,` before it: `backup APPS, AND full`")),
    ("{ CICSPRD DB2PRD }", "{ CICSPRD and DB2PRD }",
     ("remove `and`: write `CICSPRD DB2PRD`; a user whose ID is AND is written as CP writes it,"
      " in capitals: `AND`")),
    ("member VMSYS2 {", "USER VMSYS2 {",
     "write `member VMSYS2 {`: its settings are a member's; bkrc writes the directory entries"),
    ("workers 2  private-volume M4PRV1", "workers 2 VAPRV1",
     ("write its keyword before it: `job-suffix VAPRV1` or `private-volume VAPRV1`;"
      " or, if it is one word too many, remove it: `workers 2`")),
    ("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "catalog shared BKRSVSFS",
     ("write its keyword before it: `on BKRSVSFS`, `pool BKRSVSFS` or `server BKRSVSFS`;"
      " or, if it is one word too many, remove it: `catalog shared`")),
    ("cluster PRODSSI {", "USER PRODSSI {",
     "write `cluster PRODSSI {`: it holds the cluster's members and jobs; bkrc writes the directory entries"),
    ("  single group APPS {", "  USER APPS {",
     ("write `single group APPS {`: it lists user IDs, and USER makes them single-configuration users;"
      " bkrc writes the directory entries")),
    ("retain 35 days", "retain 35 days 4 weeks",
     "keep `retain 35 days`, or, if the two add up, write `retain 63 days`"),
    ("include minidisk * 0191-01FF 0200", "include minidisk owner * 0191-01FF",
     ("write `include minidisk * 0191-01FF`, the owner's user ID or pattern right after `minidisk`;"
      " a user whose ID is OWNER is written as CP writes it, in capitals")),
    ("backup APPS full", "backup APPS, and LINUX full", "remove `and`: write `APPS, LINUX`"),
    ("    retain 35 days", "    workers 3\n    retain 35 days",
     "`workers` belongs in a `member NAME { ... }` block: move it there"),
    ("purge weekly sun 03:00", "purge on VMSYS1",
     ("write the schedule in place of `on VMSYS1`: `purge daily HH:MM`, `purge weekly DAY[,DAY...] HH:MM`,"
      " `purge monthly N HH:MM`, `purge monthly last-day HH:MM`, `purge monthly first|second|third|fourth|last"
      " DAY HH:MM` or `purge manual`")),
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 10 cyl blk",
     ("keep the unit of the volume the disk is on: `disk BKRBKUP 191 size 10 cyl` or"
      " `disk BKRBKUP 191 size 10 blk` (cylinders on a 3390, 512-byte blocks on an FBA volume)")),
    ("  single group APPS {", "  single group\n  include {",
     "write a name spelled like a keyword on the line of `single group`: `single group include {`"),
    # the help keeps the user's time (it said `weekly sat, sun 03:00` whatever the time)
    ("preview daily 01:00", "preview weekly sat sun 01:00", "write `weekly sat,sun 01:00`"),
    ("weekly sat 22:00", "weekly fri sat sun 22:00", "write `weekly fri,sat,sun 22:00`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly 02:00",
     ("write the day, from 1 to 31, before the time: `run on VMSYS1 monthly 1 02:00` runs on the 1st,"
     " `run on VMSYS1 monthly last-day 02:00` on each month's last day")),
    # the day missing before the time: DAY, not `sun`, a day nobody wrote; the statement whole
    ("purge weekly sun 03:00", "purge weekly 03:00", "write `purge weekly DAY 03:00` (days: sun mon tue wed thu fri sat)"),
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 10 cyl at 1000",
     ("write the volume before it, `on VOLUME at 1000`, or remove `at 1000`"
      " and leave the extent to be allocated")),
    # not "see docs/language.md", nor a list `backup APPS, each full` that `each` cannot be in
    ("retain 35 days", "retain 35 days.", "remove the `.`: write `retain 35 days`"),
    ("{ workers 4  private-volume M1PRV1 }", "{ workers 4 each  private-volume M1PRV1 }",
     "remove `each`: write `workers 4`"),
    ("backup APPS full", "backup APPS full each", "remove `each`: write `backup APPS full`"),
    ("weekly sat 22:00", "weekly fri sat, sun 22:00", "write `weekly fri,sat,sun 22:00`"),
    # not `on MR`: a link mode is no volume
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 10 cyl MR", "remove `MR`: write `disk BKRBKUP 191 size 10 cyl`"),
    # not "write one statement per line": a group body holds entries, not statements
    ("{ CICSPRD DB2PRD }", "{ CICSPRD; DB2PRD; }", "remove each `;`: write `single group APPS { CICSPRD DB2PRD }`"),
    ("{ CICSPRD DB2PRD }", "{ CICSPRD,DB2PRD }", "remove the `,`: write `single group APPS { CICSPRD DB2PRD }`"),
    # English `onto` for `on`: what the lexer made of it, not `on to`
    ("size 20 cyl on VMCOM1", "size 20 cyl onto VMCOM1",
     "write `on`: bkrc reads `onto` as `on` followed by a name `to`"),
    # several days of the month: a job for each, not `backup 02:00` nor a `,` that cannot appear
    # ... and a schedule's one day, each way it is written
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly 1st,15th 02:00",
     ("write a job for each day, the same but for its `run`: `monthly 1 02:00` and `monthly 15 02:00`"
      " (a schedule names one day: its number, the month's last day, `monthly last-day 02:00`, or a weekday, `monthly first|second|third|fourth|last DAY 02:00`)")),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly 1 15 02:00",
     ("write a job for each day, the same but for its `run`: `monthly 1 02:00` and `monthly 15 02:00`"
      " (a schedule names one day: its number, the month's last day, `monthly last-day 02:00`, or a weekday, `monthly first|second|third|fourth|last DAY 02:00`)")),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly 1 2 3 02:00",
     ("write a job for each day, the same but for its `run`: `monthly 1 02:00` and `monthly 2 02:00` and `monthly 3 02:00`"
      " (a schedule names one day: its number, the month's last day, `monthly last-day 02:00`, or a weekday, `monthly first|second|third|fourth|last DAY 02:00`)")),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly 1 2 3",
     ("write a job for each day, the same but for its `run`: `monthly 1 HH:MM` and `monthly 2 HH:MM` and `monthly 3 HH:MM`"
      " (a schedule names one day: its number, the month's last day, `monthly last-day HH:MM`, or a weekday, `monthly first|second|third|fourth|last DAY HH:MM`)")),
    # not "or purge more often: `weekly DAY 03:00`" alone: a member has one purge schedule
    ("purge weekly sun 03:00", "purge monthly 1 15 03:00",
     ("keep one day, `purge monthly 1 03:00` (its number, the month's last day, `purge monthly last-day 03:00`, or a weekday, `purge monthly first|second|third|fourth|last DAY 03:00`); a member has one `purge` schedule, so to purge more than once a"
      " month, purge weekly: `purge weekly DAY 03:00`")),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly 1,15",
     ("write a job for each day, the same but for its `run`: `monthly 1 HH:MM` and `monthly 15 HH:MM`"
      " (a schedule names one day: its number, the month's last day, `monthly last-day HH:MM`, or a weekday, `monthly first|second|third|fourth|last DAY HH:MM`)")),
    # `monthly 1,` at the end of its line: not "commas separate the names of one list (`on
    # VMSYS1, VMSYS2`)", which says nothing of a schedule's day
    ("purge weekly sun 03:00", "purge monthly 1,",
     ("write the time after the day, without the `,`: `purge monthly 1 HH:MM` (the day is its number, the month's last day, `purge monthly last-day HH:MM`, or a weekday, `purge monthly first|second|third|fourth|last DAY HH:MM`)\na member has one `purge`"
      " schedule, so to purge more than once a month, purge weekly: `purge weekly DAY HH:MM`")),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly 1, 02:00",
     ("remove the `,`: write `monthly 1 02:00`; for a second day a month, write a second job, the same but"
      " for its `run`: `monthly N 02:00`")),
    # a `,` where the day goes, or the weekday: not "commas separate the names of one list",
    # but what a monthly schedule takes there
    ("purge weekly sun 03:00", "purge monthly ,",
     ("write the day after `monthly`, then the time: `purge monthly N HH:MM`, N the day of the month from 1 to 31 (1 to 28 is in every month), `purge monthly last-day HH:MM` for its last day, or `purge monthly first|second|third|fourth|last DAY HH:MM` for a weekday of the month")),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly last, 02:00",
     ("write the weekday after `last`, then the time, without the `,`: `monthly last DAY 02:00` (DAY is one"
      " of mon, tue, wed, thu, fri, sat, sun)\nthe one day is `monthly N 02:00`, N the day of the month from 1 to 31 (1 to 28 is in every month), `monthly last-day 02:00` for its last day, or `monthly first|second|third|fourth|last DAY 02:00` for a weekday of the month")),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly ,15",
     "write the time after the day, without the `,`: `monthly 15 HH:MM`"),
    ("purge weekly sun 03:00", "purge monthly 1,, 03:00",
     ("remove the `,`: write `purge monthly 1 03:00`; a member has one `purge` schedule, so to purge more than"
      " once a month, purge weekly: `purge weekly DAY 03:00`")),
    ("purge weekly sun 03:00", "purge weekly ,",
     "write `purge weekly DAY[,DAY...] HH:MM` (days: sun mon tue wed thu fri sat)"),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly sat,,sun 22:00",
     "remove it: write `weekly sat,sun 22:00`"),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly sat,, 22:00",
     "remove them: write `weekly sat 22:00`"),
    ("purge weekly sun 03:00", "purge daily ,", "write `purge daily HH:MM`"),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly fri sat", "write `weekly fri,sat HH:MM`"),
    ("purge weekly sun 03:00", "purge monthly last sun sat",
     ("write the time after one weekday: `monthly last sun HH:MM`; a second day a month"
      " (`monthly last sat HH:MM`) is a schedule of its own")),
    # not "write its keyword before it: `backup 14:00`"
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 14:00",
     "write a job for each time, the same but for its `run`: `run on VMSYS1 daily 02:00` and `run on VMSYS1 daily 14:00`"
     + ONE_DAY),
    ("purge weekly sun 03:00", "purge weekly sun 03:00 04:00", "keep one time: `purge weekly sun 03:00`"),
    # `on` left out before the member: the statement written with it, not `on MEMBER`
    ("expire on VMSYS1 {", "expire VMSYS1 {", "write `expire on VMSYS1`"),
    ("run on VMSYS2 daily 23:30", "run VMSYS2 daily 23:30", "write `run on VMSYS2`"),
    # a second schedule on the `run` line: not "`run` is missing, and so is the member"
    ("run on VMSYS2 daily 23:30", "run on VMSYS2 daily 23:30 weekly sun 01:00",
     ("keep one, or write a job for each schedule, the same but for its name and its `run`:"
      " `run on VMSYS2 daily 23:30` and `run on VMSYS2 weekly sun 01:00`" + ONE_DAY)),
    # a schedule by the year: not "commas are missing between `VMSYS2`, `yearly`, `feb`...",
    # whose fix made the words members, nor `monthly 31 03:00`, the line's time dropped
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 yearly feb 28 22:00",
     ("for a job run once a year, or a few times, write `manual` and submit it by hand when it is due;"
      " `monthly 1 22:00` runs it every month")),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 annually jan 1 22:00",
     ("for a job run once a year, or a few times, write `manual` and submit it by hand when it is due;"
      " `monthly 1 22:00` runs it every month")),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 fortnightly 1 22:00",
     "write `monthly 1 22:00`, or `manual` for a job submitted only by hand"),
    # a schedule by the year without its date: the same help as with it, not `daily 22:00`
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 yearly 22:00",
     ("for a job run once a year, or a few times, write `manual` and submit it by hand when it is due;"
      " `monthly 1 22:00` runs it every month")),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 annually 22:00",
     ("for a job run once a year, or a few times, write `manual` and submit it by hand when it is due;"
      " `monthly 1 22:00` runs it every month")),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 yearly",
     ("for a job run once a year, or a few times, write `manual` and submit it by hand when it is due;"
      " `monthly 1 HH:MM` runs it every month")),
    # a run on one day: `manual`, submitted that day, not `daily 22:00`, which runs it every day
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on 2026-02-31 22:00",
     ("a schedule names no date: for a job run on one day only, write `manual` and submit it by hand"
      " that day, at 22:00; `daily 22:00` runs it every day")),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 2026-02-28 22:00",
     ("a schedule names no date: for a job run on one day only, write `manual` and submit it by hand"
      " that day, at 22:00; `daily 22:00` runs it every day")),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 once on 28.02.2026 at 22:00",
     ("a schedule names no date: for a job run on one day only, write `manual` and submit it by hand"
      " that day, at 22:00; `daily 22:00` runs it every day")),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on feb 28 22:00",
     ("a schedule names no date: for a job run on one day only, write `manual` and submit it by hand"
      " that day, at 22:00; `daily 22:00` runs it every day")),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on 2026-02-28",
     ("a schedule names no date: for a job run on one day only, write `manual` and submit it by hand"
      " that day; `daily HH:MM` runs it every day")),
    # the same of a purge or a preview: sent by hand with BKREXPIR, not a job submitted
    ("purge weekly sun 03:00", "purge on 2026-02-28 03:00",
     ("a schedule names no date: for a purge on one day only, write `purge manual` and send it by hand"
      " (`EXEC BKREXPIR PURGE`) that day, at 03:00; `purge daily 03:00` runs it every day")),
    ("purge weekly sun 03:00", "purge annually",
     ("for a purge once a year, or a few times, write `purge manual` and send it by hand"
      " (`EXEC BKREXPIR PURGE`) when it is due; `purge monthly 1 HH:MM` runs it every month")),
    ("preview daily 01:00", "preview yearly 01:00",
     ("for a preview once a year, or a few times, write `preview manual` and send it by hand"
      " (`EXEC BKREXPIR PREVIEW`) when it is due; `preview monthly 1 01:00` runs it every month")),
    # a day of the month written as an ordinal: `monthly`, that day, the time kept, not `daily 22:00`,
    # which would run the job every day; no fix (the user may have meant one day only)
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the 1st at 22:00", "write `monthly 1 22:00`" + FORMS),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the 15th 22:00", "write `monthly 15 22:00`" + FORMS),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every 2nd at 22:00", "write `monthly 2 22:00`" + FORMS),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 3rd 22:00", "write `monthly 3 22:00`" + FORMS),
    # without its time: one error too (was `run` missing before `on`, and a `,` between `the` and `1st`)
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the 1st", "write `monthly 1 HH:MM` (the time of day is missing)" + FORMS),
    ("purge weekly sun 03:00", "purge on the 1st at 03:00", "write `monthly 1 03:00`" + FORMS),
    # a day some months lack: the help says so (BKR404 would warn of `monthly 31`)
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the 31st at 22:00", DAY_31),
    # so with the month named: no fix writing `monthly 31 22:00`, which BKR404 then warns of
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the 31st of the month at 22:00", DAY_31),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 monthly on the 31st at 22:00", DAY_31),
    # two days a month: no schedule runs twice a month (`daily 22:00` runs every day): a job each
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the 1st and 15th at 22:00", TWO_DAYS),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the 1st and 15th of the month at 22:00", TWO_DAYS),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 monthly on the 1st and 15th at 22:00", TWO_DAYS),
    ("purge weekly sun 03:00", "purge on the 1st and 15th at 03:00",
     ("keep one day, `purge monthly 1 03:00` (its number, the month's last day, `purge monthly last-day 03:00`, or a weekday, `purge monthly first|second|third|fourth|last DAY 03:00`); a member has one `purge` schedule, so to purge more than once a"
      " month, purge weekly: `purge weekly DAY 03:00`")),
    # a day no month has: said so, not `daily 22:00`
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the 32nd at 22:00",
     "no month has a 32nd day: write `monthly N 22:00` with a day from 1 to 28, which every month has" + FORMS),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the 32nd",
     "no month has a 32nd day: write `monthly N HH:MM` with a day from 1 to 28, which every month has" + FORMS),
    # the Nth weekday of the month: `monthly first sun`, not `weekly sun` (every Sunday)
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the first sunday at 22:00",
     "write `monthly first sun 22:00`" + FORMS),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every first sunday at 22:00",
     "write `monthly first sun 22:00`" + FORMS),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the 2nd tuesday at 22:00",
     "write `monthly second tue 22:00`" + FORMS),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the last friday at 22:00",
     "write `monthly last fri 22:00`" + FORMS),
    # without its time: HH:MM, not 02:00, a time nobody wrote
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the first sunday",
     "write `monthly first sun HH:MM` (the time of day is missing)" + FORMS),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the fifth sunday at 22:00",
     "write `monthly last sun 22:00` (not every month has a fifth `sun`: `last` is its fourth or fifth)" + FORMS),
    ("purge weekly sun 03:00", "purge on the last sunday at 03:00", "write `monthly last sun 03:00`" + FORMS),
    # `every second tuesday` may be every other week, which no schedule is
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every second tuesday at 22:00",
     ("write `monthly second tue 22:00` for the month's second `tue` (no schedule runs every other week:"
      " `weekly tue 22:00` runs every `tue`)" + FORMS)),
    # every other week, day or month: no schedule is (`daily 22:00` ran the job every day)
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every other week at 22:00",
     ("no schedule runs every other week: `weekly DAY 22:00` runs every week; for a job run every other"
      " week, write `manual` and submit it by hand when it is due" + FORMS)),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every two weeks on saturday at 22:00",
     ("no schedule runs every other week: `weekly sat 22:00` runs every week; for a job run every other"
      " week, write `manual` and submit it by hand when it is due" + FORMS)),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every other saturday at 22:00",
     ("no schedule runs every other week: `weekly sat 22:00` runs every week; for a job run every other"
      " week, write `manual` and submit it by hand when it is due" + FORMS)),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every second week at 22:00",
     ("no schedule runs every other week: `weekly DAY 22:00` runs every week; for a job run every other"
      " week, write `manual` and submit it by hand when it is due" + FORMS)),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every other day at 22:00",
     ("no schedule runs every other day: `daily 22:00` runs every day; for a job run every other"
      " day, write `manual` and submit it by hand when it is due" + FORMS)),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every other month at 22:00",
     ("no schedule runs every other month: `monthly N 22:00` runs every month; for a job run every other"
      " month, write `manual` and submit it by hand when it is due" + FORMS)),
    ("purge weekly sun 03:00", "purge every other week at 03:00",
     ("no schedule runs every other week: `weekly DAY 03:00` runs every week; for a purge every other"
      " week, write `purge manual` and send it by hand (`EXEC BKREXPIR PURGE`) when it is due" + FORMS)),
    # two weekdays a month: a job each, as `monthly first sun,sat 22:00` is told
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the first and third sunday at 22:00",
     ("write a job for each day, the same but for its `run`: `monthly first sun 22:00` and"
      " `monthly third sun 22:00` (a schedule names one day of the month)")),
    # the fourth and the last Sunday may be one day: the help says what the two jobs meet
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the fourth and last sunday at 22:00",
     ("write a job for each day, the same but for its `run`: `monthly fourth sun 22:00` and"
      " `monthly last sun 22:00` (a schedule names one day of the month)" + ONE_DAY)),
    # the last day: `monthly last-day` (fixed where the month is named: tests/test_month_end.py)
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the last day at 22:00", LAST_DAY),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 on the last day of the month at 22:00", LAST_DAY),
    # a name twice in a row, then names without their `,`: the list as it is meant
    # (in job SYSIN, of IDENTITY users: in APPSFULL, of single-configuration users, one
    # member is written since h1, stop 68)
    ("run on each member daily 03:30", "run on VMSYS1 VMSYS1 VMSYS2 VMSYS3 daily 03:30",
     ("remove the second `VMSYS1`, and separate the names of the list with commas: `VMSYS1, VMSYS2, VMSYS3`"
      "\nthe job then runs on each member listed: one of single-configuration users runs on one member (BKR220),"
      " one of IDENTITY users on every member (BKR221)")),
    # a list where the statement names one member: not "commas separate the names of one
    # list (`on VMSYS1, VMSYS2`)", the very list it refuses (a new user's slip)
    ("pool BKRPOOL on VMSYS1", "pool BKRPOOL on VMSYS1, VMSYS2",
     "`catalog ... on` names the member the catalog's server runs on, one member: write `on VMSYS1` alone"),
    ("catalog-node TCTMM on VMSYS1", "catalog-node TCTMM on VMSYS1, VMSYS2",
     ("`catalog-node ... on` names the member the Tape Manager catalog node logs on to, one member:"
      " write `on VMSYS1` alone")),
    # a list that blanks separate: the list as meant (was "commas separate the names of
    # one list (`on VMSYS1, VMSYS2`)", which such a list is too)
    ("private-volume M1PRV1 }", "private-volume M1PRV1, M1PRV2 }", "remove the `,`: write `private-volume M1PRV1 M1PRV2`"),
]


@pytest.mark.parametrize(("clean", "written", "help"), HELPED, ids=[h[1] for h in HELPED])
def test_the_help_says_what_to_write(clean, written, help):
    text = BASE.replace(clean, written, 1)
    assert text != BASE, f"{clean!r} is not in examples/prodssi.bkr"
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert found.help == help
    assert too_long(found, analysis.sources) == []  # the text renderer shows every line whole


#: examples/prodssi.bkr's `tape manager` statement, both its lines.
TAPE_STATEMENT = (
    "tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n"
    "                      catalog-dmm TCDMM request-dmm TRDMM"
)
#: A scope left out: the help says which one an SSI cluster wants, not only that one
#: of the two is missing (SSI rules 4 and 7); no fix, as `local` is a choice too.
SCOPE_LEFT_OUT = [
    ("catalog shared server", "catalog server",
     "expected `local` or `shared` after `catalog`, found `server`",
     ("write `shared` after `catalog`: one catalog for the whole cluster, the choice recommended for an SSI"
      " cluster (`local` keeps one catalog per member)")),
    # alone on its line before the next statement: the fast parser reads this one itself
    ("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "catalog",
     "expected `local` or `shared` after `catalog`, found the end of the line",
     ("write `shared` after `catalog`: one catalog for the whole cluster, the choice recommended for an SSI"
      " cluster (`local` keeps one catalog per member)")),
    (TAPE_STATEMENT, "tape manager",
     "expected `local` or `shared` after `manager`, found the end of the line",
     ("write `shared` after `manager`: backups to tape need Tape Manager's catalog shared by the cluster"
      " (with `local`, bkrc writes no Tape Manager nodes)")),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "message", "help"), SCOPE_LEFT_OUT, ids=[s[1] for s in SCOPE_LEFT_OUT])
def test_a_scope_left_out_gets_the_one_an_ssi_cluster_wants(clean, written, message, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert BASE.count(clean) == 1, clean
    analysis = analyse("prodssi.bkr", BASE.replace(clean, written).encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help, found.fix) == ("BKR004", message, help, None)
    assert too_long(found, analysis.sources) == []


#: A tape statement's member with no catalog node before it: one error at `on MEMBER`
#: that shows the node's form (was `manager`, the scope or `expire` said missing, then
#: a block's `{` after `on VMSYS1`); no fix, the node's machine name being the site's.
TAPE_MEMBER_ALONE = [
    "tape on VMSYS1",
    "tape manager on VMSYS1",
    "tape manager shared on VMSYS1",
    "tape shared on VMSYS1",
    "tape manager local on VMSYS1",
    "tape manager shared on VMSYS1 request-node TRTMM",
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", TAPE_MEMBER_ALONE)
def test_a_tape_statement_s_member_without_its_node_shows_the_node_s_form(written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(TAPE_STATEMENT, written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.fix) == ("BKR004", None)
    assert found.message == (
        "`on VMSYS1` in a `tape manager` statement names the member the Tape Manager catalog node logs on to:"
        " write it after the node, `catalog-node NAME on VMSYS1`"
    )
    line = text.splitlines()[found.span.line - 1]
    assert line[found.span.column - 1 : found.span.end_column - 1] == "on VMSYS1"
    assert found.help.startswith("write `catalog-node NAME on VMSYS1` after `tape manager shared`")
    assert ("`request-node NAME` for the other members" in found.help) == ("request-node" not in written)
    assert too_long(found, analysis.sources) == []


#: A schedule as another scheduler writes it: one error over all of it, whose fix writes
#: the schedule (was a member CRON whose `,` is missing and a quoted text out of place;
#: a character `=` and a time with seconds).
OTHER_SCHEDULERS = [
    ('cron "0 2 * * *"', "daily 02:00"),
    ("cron \"0 2 * * 1-5\"", "weekly mon,tue,wed,thu,fri 02:00"),
    ("schedule: 0 22 * * 6", "weekly sat 22:00"),
    ("==/==/== 02:00:00", "daily 02:00"),
    ("==/01/== 23:30:00", "monthly 1 23:30"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "meant"), OTHER_SCHEDULERS, ids=[w for w, _ in OTHER_SCHEDULERS])
def test_a_schedule_as_another_scheduler_writes_it_is_one_error(written, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("run on VMSYS1 daily 02:00", f"run on VMSYS1 {written}", 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.fix.title) == ("BKR012", f"Write `{meant}`")
    assert found.help.startswith(f"write `{meant}`")
    line = text.splitlines()[found.span.line - 1]
    assert line[found.span.column - 1 : found.span.end_column - 1] == written
    assert too_long(found, analysis.sources) == []


#: A schedule in a help: the first one written in backquotes after `write`.
_HELP_SCHEDULE = re.compile(r"write `((?:daily|weekly|monthly) [^`]*)`")


@pytest.mark.parametrize(
    "time", ["1:5", "2:5", "25:00", "2:60", "23:60", "24:00", "0100", "1am", "01.00", "1h", "11pm", "midnight"]
)
@pytest.mark.parametrize("schedule", ["daily", "weekly sun", "monthly 14", "monthly last-day"])
def test_a_time_no_clock_has_gets_one_error_whose_help_writes_a_time_that_checks_clean(time, schedule):
    """`daily 1:5`, `weekly sun 25:00`: one BKR313, whose help writes a schedule with a
    time in the form `bkrc fmt` keeps and `bkrc show` prints, HH:MM (`01:05`, not `1:05`),
    and that schedule, written in its place, checks without an error."""
    clean = "run on VMSYS1 daily 02:00"
    text = BASE.replace(clean, f"run on VMSYS1 {schedule} {time}", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.code == "BKR313"
    meant = _HELP_SCHEDULE.search(found.help or "")
    if time == "midnight" and schedule != "daily":
        meant = re.search(r"`((?:weekly|monthly) [^`]*)` runs as the day starts", found.help)
    assert meant is not None, found.help
    assert re.search(r" [0-9]{2}:[0-9]{2}$", meant.group(1)), meant.group(1)
    fixed = analyse("prodssi.bkr", BASE.replace(clean, f"run on VMSYS1 {meant.group(1)}", 1).encode("utf-8"))
    # no error; a warning that it meets the purge's time (BKR403, `03:00`) is the site's to weigh
    assert [d.code for d in fixed.diagnostics if d.severity.value == "error"] == []


#: Slips whose help lists the forms of a `monthly` schedule, alone or among every schedule's.
FORMS_LISTED = [
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly 32"),
    ("purge weekly sun 03:00", "purge monthly ,"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly , 02:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly last,"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 hourly"),
    ("purge weekly sun 03:00", "purge hourly 03:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 * * * * *"),
    ("purge weekly sun 03:00", "purge on VMSYS1"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 every day at 01:00"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written"), FORMS_LISTED, ids=[w for _, w in FORMS_LISTED])
def test_every_help_that_lists_monthly_s_forms_lists_the_same_three(clean, written, parser, monkeypatch):
    """`monthly N`, `monthly last-day` and `monthly first|...|last DAY`, in every help
    that lists the forms (`monthly` alone listed two, `hourly` and `purge on VMSYS1` one)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    for form in ("monthly N ", "monthly last-day ", "monthly first|second|third|fourth|last DAY "):
        assert form in found.help, (form, found.help)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "help", "fixed"),
    [
        # the 29th to the 31st as English writes them: the number, and what BKR404 would say of it
        ("monthly 31st 01:00",
         ("write `31`: `monthly 31` runs on the 31st; it skips the months with fewer than 31 days (BKR404):"
          " `monthly last-day 01:00` runs on each month's last day"), "31"),
        ("monthly 1st 01:00", "write `1`: `monthly 1` runs on the 1st", "1"),
        # the month's last day spelt otherwise (was "use a day from 1 to 31, or `last-day` ...")
        ("monthly lastday 23:00", "write `monthly last-day 23:00`", "last-day"),
        ("monthly last_day 23:00", "write `monthly last-day 23:00`", "last-day"),
        ("monthly lastdy 23:00", "write `monthly last-day 23:00`", "last-day"),
        ("monthly eom 23:00", "write `monthly N 23:00`, N from 1 to 31, or `monthly last-day 23:00` for the month's last day",
         None),
    ],
)
def test_a_day_of_the_month_written_otherwise_gets_the_schedule_to_write(written, help, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("run on VMSYS1 daily 02:00", f"run on VMSYS1 {written}", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.help, _fix_writes(found)) == ("BKR314", help, fixed)


def test_a_short_month_s_help_writes_no_time_no_clock_has():
    """`monthly 31 25:00`: BKR404's help wrote `monthly last-day 25:00`; BKR313 says the time."""
    text = BASE.replace("run on VMSYS1 daily 02:00", "run on VMSYS1 monthly 31 25:00", 1)
    found = {d.code: d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics}
    assert sorted(found) == ["BKR313", "BKR404"]
    assert "`monthly last-day HH:MM`" in found["BKR404"].help


@pytest.mark.parametrize(
    "written",
    [
        "on the 1st at 22:00", "every 15th 22:00", "on the last day at 22:00", "on the 31st at 22:00",
        "on the 31st of the month at 22:00", "on the 1st and 15th at 22:00", "on the 32nd at 22:00",
        "on the first sunday at 22:00", "every first sunday at 22:00", "on the last friday at 22:00",
        "on the fifth sunday at 22:00",
    ],
)
def test_a_day_of_the_month_in_english_is_not_fixed(written):
    # `on the 1st` may be one day only (`manual`), or every month: the help says
    # `monthly`, nothing is written for the user; never `daily 22:00` (it was, for `last day`,
    # `1st and 15th`, `32nd`), nor `weekly sun 22:00` for the first Sunday (its fix wrote it),
    # nor `monthly 31 22:00` for `the 31st of the month`, which BKR404 warns of
    text = BASE.replace("run on VMSYS2 weekly sat 22:00", f"run on VMSYS2 {written}", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.fix) == ("BKR012", None)
    said = found.help.split("\n")[0].split(";")[0]  # the advice, before the forms on the next line
    assert "monthly" in found.help and "daily" not in said and "weekly" not in said


@pytest.mark.parametrize(
    "written",
    ["every other week at 22:00", "every other day at 22:00", "every 2 weeks at 22:00", "on alternate days at 22:00"],
)
def test_every_other_week_is_no_schedule(written):
    # no schedule runs every other week, day or month: the help says so, and no fix
    # writes one that runs twice as often (`daily 22:00` was the help)
    text = BASE.replace("run on VMSYS2 weekly sat 22:00", f"run on VMSYS2 {written}", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.fix) == ("BKR012", None)
    assert found.help.startswith("no schedule runs every other ")


@pytest.mark.parametrize(
    ("written", "help", "fix"),
    [
        # an ordinal in words, no weekday: the day of the month (`daily 22:00` was the help)
        ("on the first at 22:00", "write `monthly 1 22:00`" + FORMS, None),
        ("on the fifteenth at 22:00", "write `monthly 15 22:00`" + FORMS, None),
        ("on the twenty-first at 22:00", "write `monthly 21 22:00`" + FORMS, None),
        # the month named: its day, not the 1st (`monthly 1` was the help), fixed as `the 2nd of the month` is
        ("on the second day of the month at 22:00", "write `monthly 2 22:00`" + FORMS, "monthly 2 22:00"),
        ("on the third of the month at 22:00", "write `monthly 3 22:00`" + FORMS, "monthly 3 22:00"),
    ],
)
def test_a_day_of_the_month_in_words_is_its_number(written, help, fix):
    text = BASE.replace("run on VMSYS2 weekly sat 22:00", f"run on VMSYS2 {written}", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.help) == ("BKR012", help)
    assert (found.fix.edits[0].new_text if found.fix else None) == fix


@pytest.mark.parametrize(
    ("written", "help"),
    [
        # an ordinal in words without the time: one error, the help the one with a time
        # gets, the time missing said (was `run` missing before `on`, `monthly` missing
        # before `first`, and a name expected after `first`)
        ("on the first", "write `monthly 1 HH:MM` (the time of day is missing)"),
        ("on the fifteenth", "write `monthly 15 HH:MM` (the time of day is missing)"),
        ("on the first of the month", "write `monthly 1 HH:MM` (the time of day is missing)"),
        ("on the second day of the month", "write `monthly 2 HH:MM` (the time of day is missing)"),
        # and so in figures (was `monthly 1 02:00`, a time nobody wrote)
        ("on the 1st", "write `monthly 1 HH:MM` (the time of day is missing)"),
        ("on the 15th", "write `monthly 15 HH:MM` (the time of day is missing)"),
    ],
)
def test_a_day_of_the_month_without_its_time_is_one_error(written, help):
    text = BASE.replace("run on VMSYS2 weekly sat 22:00", f"run on VMSYS1 {written}", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.help, found.fix) == ("BKR012", help + FORMS, None)
    assert found.message.startswith(f"`{written}` is not a .bkr schedule")


#: Said after a schedule in English written without its time.
MISSING = " (the time of day is missing)"
MONTHLY_FORMS = "(a schedule names one day: its number, the month's last day, `monthly last-day HH:MM`, or a weekday, `monthly first|second|third|fourth|last DAY HH:MM`)"
PURGE_TWO_DAYS = (
    "keep one day, `purge monthly 1 HH:MM` (its number, the month's last day, `purge monthly last-day HH:MM`, or a weekday, `purge monthly first|second|third|fourth|last DAY HH:MM`); a member has one `purge` schedule, so to purge more than once a month, purge weekly:"
    " `purge weekly DAY HH:MM`; the time of day is missing"
)
#: Every form of a schedule but `manual`, each with `time`, `keyword` before it: the list every help writes.
def _every(time: str = "HH:MM", keyword: str = "") -> str:
    return (
        f"`{keyword}daily {time}`, `{keyword}weekly DAY[,DAY...] {time}`, `{keyword}monthly N {time}`,"
        f" `{keyword}monthly last-day {time}` or `{keyword}monthly first|second|third|fourth|last DAY {time}`"
    )


EVERY = _every()


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "help"),
    [
        # a schedule in English without its time: HH:MM, no fix (each wrote 02:00, a time
        # nobody gave, in the help of a `write ...`)
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 on the 1st and 15th",
         (f"write a job for each day, the same but for its `run`: `monthly 1 HH:MM` and `monthly 15 HH:MM`"
         f" {MONTHLY_FORMS}; the time of day is missing")),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 on the 1st, 15th",
         (f"write a job for each day, the same but for its `run`: `monthly 1 HH:MM` and `monthly 15 HH:MM`"
         f" {MONTHLY_FORMS}; the time of day is missing")),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 on the first and fifteenth",
         (f"write a job for each day, the same but for its `run`: `monthly 1 HH:MM` and `monthly 15 HH:MM`"
         f" {MONTHLY_FORMS}; the time of day is missing")),
        ("purge weekly sun 03:00", "purge on the 1st and 15th", PURGE_TWO_DAYS),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 every monday", "write `weekly mon HH:MM`" + MISSING + FORMS),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 on mondays", "write `weekly mon HH:MM`" + MISSING + FORMS),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 every weekday",
         "write `weekly mon,tue,wed,thu,fri HH:MM`" + MISSING + FORMS),
        ("purge weekly sun 03:00", "purge every sunday", "write `weekly sun HH:MM`" + MISSING + FORMS),
        # days joined by a `,`: one error (was `mon` read as `monthly` misspelt, whose fix wrote
        # it, a `,` that cannot appear, and a time missing after `monthly thu`)
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 mon,thu", "write `weekly mon,thu HH:MM`" + MISSING + FORMS),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 every day", "write `daily HH:MM`" + MISSING + FORMS),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 nightly", "write `daily HH:MM`" + MISSING + FORMS),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 every night", "write `daily HH:MM`" + MISSING + FORMS),
        # not members whose `,`s are missing (`VMSYS1, every, morning`, the fix writing them)
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 every morning", "write `daily HH:MM`" + MISSING + FORMS),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 on the last sunday of the month",
         "write `monthly last sun HH:MM`" + MISSING + FORMS),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 on the first and third sunday",
         ("write a job for each day, the same but for its `run`: `monthly first sun HH:MM` and `monthly third sun"
         " HH:MM` (a schedule names one day of the month); the time of day is missing")),
        # said once, inside the help's own parentheses, not a second pair after them
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 on the fifth sunday",
         "write `monthly last sun HH:MM` (not every month has a fifth `sun`: `last` is its fourth or fifth;"
         " the time of day is missing)" + FORMS),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 every second tuesday",
         "write `monthly second tue HH:MM` for the month's second `tue` (no schedule runs every other week:"
         " `weekly tue HH:MM` runs every `tue`; the time of day is missing)" + FORMS),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 every other week",
         "no schedule runs every other week: `weekly DAY HH:MM` runs every week; for a job run every other week,"
         " write `manual` and submit it by hand when it is due" + FORMS),
        # the time written, how often not: `daily` the likeliest, not the only one
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 at 2am",
         "write `daily 02:00` to run it every day, or `weekly DAY 02:00` or `monthly N 02:00` (how often it runs"
         " is not said)" + FORMS),
        # a schedule bkrc lacks, and a crontab line that says none: the forms, not `weekly sun 02:00`
        # `hourly`: more than once a day, said as for `every hour` (the forms alone were said)
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 hourly",
         (f"a schedule runs once a day at most; a job for each time of day runs it more often: write {EVERY}, or `manual` for a job"
         " submitted only by hand")),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 hourly 22:00",
         f"a schedule runs once a day at most; a job for each time of day runs it more often: write {_every('22:00')}, or `manual` for a job submitted only by hand"),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 fortnightly",
         f"write {EVERY}, or `manual` for a job submitted only by hand"),
        # `purge hourly`: BKR012 with either parser (the fast one said "expected `daily`...")
        # a purge's help speaks of a purge: `purge manual`, sent with BKREXPIR (was "`manual` for
        # a job submitted only by hand")
        ("purge weekly sun 03:00", "purge hourly",
         (f"a schedule runs once a day at most: write {_every(keyword='purge ')}, or `purge manual`"
          " for a purge sent only by hand (`EXEC BKREXPIR PURGE`)")),
        ("purge weekly sun 03:00", "purge hourly 03:00",
         (f"a schedule runs once a day at most: write {_every('03:00', 'purge ')}, or `purge manual`"
          " for a purge sent only by hand (`EXEC BKREXPIR PURGE`)")),
        ("preview daily 01:00", "preview fortnightly",
         (f"write {_every(keyword='preview ')}, or"
          " `preview manual` for a preview sent only by hand (`EXEC BKREXPIR PREVIEW`)")),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 * * * * *",
         ("write `daily HH:MM`, `weekly DAY[,DAY...] HH:MM`, `monthly N HH:MM`, `monthly last-day HH:MM`,"
          " `monthly first|second|third|fourth|last DAY HH:MM` or `manual`, one time each")),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS1 2026-02-28",
         ("a schedule names no date: for a job run on one day only, write `manual` and submit it by hand that day;"
         " `daily HH:MM` runs it every day")),
    ],
)
def test_a_schedule_without_its_time_gets_no_time_nobody_wrote(clean, written, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.help, found.fix) == ("BKR012", help, None)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "message"),
    [
        # English after `weekly`, the time left off: one error, its help `weekly mon HH:MM`, no
        # fix (were two: `on` not a day, whose fix wrote `mon`, and `monday` read as the time)
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly on monday",
         "`weekly on monday` is not a .bkr schedule: the days follow without `on`"),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly every monday",
         "`weekly every monday` is not a .bkr schedule: a schedule is written in a fixed form"),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly on mondays",
         "`weekly on mondays` is not a .bkr schedule: the days follow without `on`"),
        ("purge weekly sun 03:00", "purge weekly on mon",
         "`weekly on mon` is not a .bkr schedule: the days follow without `on`"),
    ],
)
def test_weekly_on_a_day_without_its_time_is_one_error(clean, written, message, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.message, found.help, found.fix) == (
        "BKR314", message, "write `weekly mon HH:MM`" + MISSING + FORMS, None
    )


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["weekly on monday 22:00", "weekly every monday 22:00", "weekly every monday at 10pm"])
def test_weekly_on_a_day_with_its_time_is_fixed(written, parser, monkeypatch):
    # every value written: the fix writes them (BKR004, as `weekly on sun 03:00`)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("run on VMSYS2 weekly sat 22:00", f"run on VMSYS2 {written}", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.help) == ("BKR004", "write `weekly mon 22:00`" + FORMS)
    (edit,) = found.fix.edits
    assert edit.new_text == "weekly mon 22:00"


#: What the help says of an hour written alone after `at`.
def _hour(hour: int, afternoon: str = "") -> str:
    return f" (`at {hour}` read on a 24-hour clock, as a schedule's time is{afternoon})"


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "code", "help", "fixed"),
    [
        # an hour alone is a time written, not one missing (the help said "the time of day is
        # missing"): read on a 24-hour clock, and no fix where 2 may be 2 in the afternoon
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every day at 2", "BKR012",
         "write `daily 02:00`" + _hour(2, "; 2 in the afternoon is `14:00`") + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily at 2", "BKR004",
         "write `daily 02:00`" + _hour(2, "; 2 in the afternoon is `14:00`") + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every sunday at 3", "BKR012",
         "write `weekly sun 03:00`" + _hour(3, "; 3 in the afternoon is `15:00`") + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every day at 12", "BKR012",
         "write `daily 12:00`" + _hour(12, "; midnight is `00:00`") + FORMS, None),
        # one reading only: the fix writes it
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every day at 22", "BKR012",
         "write `daily 22:00`" + _hour(22) + FORMS, "daily 22:00"),
        ("purge weekly sun 03:00", "purge every day at 0", "BKR012", "write `daily 00:00`" + _hour(0) + FORMS, "daily 00:00"),
        # `at` and the hour, nothing of how often: a schedule too (was BKR004 "`at` cannot
        # appear here", its help "see docs/language.md"), as `at 02:00` is
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 at 2", "BKR012",
         "write `daily 02:00`" + _hour(2, "; 2 in the afternoon is `14:00`") + " to run it every day, or"
         " `weekly DAY 02:00` or `monthly N 02:00` (how often it runs is not said)" + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 at 14", "BKR012",
         "write `daily 14:00`" + _hour(14) + " to run it every day, or `weekly DAY 14:00` or `monthly N 14:00`"
         " (how often it runs is not said)" + FORMS, None),
    ],
)
def test_an_hour_alone_after_at_is_read_on_a_24_hour_clock(clean, written, code, help, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.help) == (code, help)
    phrase = written.removeprefix("run on VMSYS2 ").removeprefix("purge ")
    assert found.message.startswith(f"`{phrase}` is not a .bkr schedule"), found.message
    assert _fix_writes(found) == fixed


#: What the help says of a time after `at` written another way than HH:MM.
def _read(written: str, time: str, afternoon: str = "") -> str:
    return f" (`at {written}` read as `{time}` on a 24-hour clock, as a schedule's time is{afternoon})"


#: What the help adds when how often is not said.
def _how_often(time: str) -> str:
    return f" to run it every day, or `weekly DAY {time}` or `monthly N {time}` (how often it runs is not said)"


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "code", "help", "fixed"),
    [
        # an hour no day has: said so, HH:MM written (were "`at` cannot appear here", help
        # "see docs/language.md", and "the time of day is missing" where it was written)
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 at 30", "BKR012",
         "write `daily HH:MM` (`30` is no hour of the day: a 24-hour clock's hours are 00 to 23)"
         + _how_often("HH:MM") + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every day at 25", "BKR012",
         "write `daily HH:MM` (`25` is no hour of the day: a 24-hour clock's hours are 00 to 23)" + FORMS, None),
        # `o'clock`, `14h`, `14.00`, `1400` after `at` (each was "`at` cannot appear here")
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 at 2 o'clock", "BKR012",
         "write `daily 02:00`" + _read("2 o'clock", "02:00", "; 2 in the afternoon is `14:00`") + _how_often("02:00")
         + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 at 14h", "BKR012",
         "write `daily 14:00`" + _read("14h", "14:00") + _how_often("14:00") + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 at 1400", "BKR012",
         "write `daily 14:00`" + _read("1400", "14:00") + _how_often("14:00") + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 at 14.00", "BKR012",
         "write `daily 14:00`" + _read("14.00", "14:00") + _how_often("14:00") + FORMS, None),
        # how often said, one reading: the fix writes it
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every day at 14h30", "BKR012",
         "write `daily 14:30`" + _read("14h30", "14:30") + FORMS, "daily 14:30"),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every sunday at 0200", "BKR012",
         "write `weekly sun 02:00`" + _read("0200", "02:00") + FORMS, "weekly sun 02:00"),
        # inside a schedule, after its keyword (was "one word too many", its help `daily at`,
        # or "`14.00` has no keyword before it", its help `backup 14.00`)
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily at 14h", "BKR004",
         "write `daily 14:00`" + _read("14h", "14:00") + FORMS, "daily 14:00"),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly sat at 14.00", "BKR004",
         "write `weekly sat 14:00`" + _read("14.00", "14:00") + FORMS, "weekly sat 14:00"),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every day at 2.30", "BKR012",
         "write `daily 02:30`" + _read("2.30", "02:30", "; 2 in the afternoon is `14:30`") + FORMS, None),
        # HH:MM no clock has after `at`: said so, HH:MM written (the help wrote `daily 25:00`
        # and `daily 02:60`); minutes of one figure (were "one word too many", whose help
        # wrote `run on VMSYS2 daily at`, or "`at` cannot appear here")
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily at 25:00", "BKR004",
         "write `daily HH:MM` (`25:00` is no hour of the day: a 24-hour clock's hours are 00 to 23)" + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 at 25:00", "BKR012",
         "write `daily HH:MM` (`25:00` is no hour of the day: a 24-hour clock's hours are 00 to 23)"
         + _how_often("HH:MM") + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily at 02:60", "BKR004",
         "write `daily HH:MM` (`02:60` is no time of day: an hour's minutes are 00 to 59)" + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 at 02:60", "BKR012",
         "write `daily HH:MM` (`02:60` is no time of day: an hour's minutes are 00 to 59)"
         + _how_often("HH:MM") + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily at 2.75", "BKR004",
         "write `daily HH:MM` (`2.75` is no time of day: an hour's minutes are 00 to 59)" + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily at 2.5", "BKR004",
         "write `daily HH:MM` (`2.5` is no time of day: the minutes have two figures, HH:MM)" + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 at 2.5", "BKR012",
         "write `daily HH:MM` (`2.5` is no time of day: the minutes have two figures, HH:MM)"
         + _how_often("HH:MM") + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily at 2:5", "BKR004",
         "write `daily HH:MM` (`2:5` is no time of day: the minutes have two figures, HH:MM)" + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly sun at 2:5", "BKR004",
         "write `weekly sun HH:MM` (`2:5` is no time of day: the minutes have two figures, HH:MM)" + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 at 2:5", "BKR012",
         "write `daily HH:MM` (`2:5` is no time of day: the minutes have two figures, HH:MM)"
         + _how_often("HH:MM") + FORMS, None),
        # am or pm after minutes written so: read with them (`2:5pm` was read as `5pm`,
        # the help writing `daily 17:00`; `2.30pm` was "`at` cannot appear here")
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily at 2:5pm", "BKR004",
         "write `daily HH:MM` (`2:5pm` is no time of day: the minutes have two figures, HH:MM)" + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every day at 2.30pm", "BKR012",
         "write `daily 14:30`" + _read("2.30pm", "14:30") + FORMS, "daily 14:30"),
    ],
)
def test_a_time_after_at_written_otherwise_is_read_as_hh_mm(
    clean, written, code, help, fixed, parser, monkeypatch
):
    """A time after `at` written otherwise than HH:MM, or no time of day: one error whose
    help a system programmer can act on, no time nobody wrote, a fix only where one reading is."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.help) == (code, help)
    phrase = written.removeprefix("run on VMSYS2 ").removeprefix("preview ")
    assert found.message.startswith(f"`{phrase}` is not a .bkr schedule"), found.message
    assert _fix_writes(found) == fixed


#: The help of a schedule that runs more than once a day, in a `run`.
MORE_THAN_DAILY = (
    "a schedule runs once a day at most: write a job for each time of day, the same but for its `run`,"
    " each `daily HH:MM`; they may run on the same day, the second copying the same data again at one"
    " level: make it `incremental`, or BKR405 warns (BKR410 for IDENTITY users)" + FORMS
)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "code", "help"),
    [
        # a time each: a job for each, each time kept (the help wrote `weekly mon,fri 02:00`,
        # Friday's 03:00 dropped, and `daily 02:00` for `daily 02:00 and 14:00`)
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly mon 02:00 and fri 03:00", "BKR004",
         "write a job for each time, the same but for its `run`: `weekly mon 02:00` and `weekly fri 03:00`" + FORMS),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily 02:00 and 14:00", "BKR004",
         "write a job for each time, the same but for its `run`: `daily 02:00` and `daily 14:00`" + ONE_DAY + FORMS),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every day at 2am and 2pm", "BKR012",
         "write a job for each time, the same but for its `run`: `daily 02:00` and `daily 14:00`" + ONE_DAY + FORMS),
        ("preview daily 01:00", "preview daily 01:00 and 13:00", "BKR004",
         "a member has one `preview` schedule: keep one, `preview daily 01:00` or `preview daily 13:00`" + FORMS),
        # more than once a day (`twice a day` was three errors, members whose `,`s are
        # missing; `every 6 hours` wrote `monthly 6 HH:MM`, the 6th of the month)
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 twice a day", "BKR012",
         "a schedule runs once a day at most: write a job for each time of day, the same but for its `run`,"
         " each `daily HH:MM`" + ONE_DAY + FORMS),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every 6 hours", "BKR012",
         "a schedule runs once a day at most: write a job for each time of day, the same but for its `run`,"
         " each `daily HH:MM`" + ONE_DAY + FORMS),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every hour", "BKR012",
         "a schedule runs once a day at most: write a job for each time of day, the same but for its `run`,"
         " each `daily HH:MM`" + ONE_DAY + FORMS),
        ("purge weekly sun 03:00", "purge every 6 hours", "BKR012",
         "a schedule runs once a day at most, and a member has one `purge`: write `purge daily HH:MM`" + FORMS),
        # a count of times (`4 times a day` was three errors, members whose `,`s are
        # missing), and more than once a day after a schedule's keyword or time (`times`,
        # `a` or `twice` was "not a keyword; a statement must start with one")
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 4 times a day", "BKR012", MORE_THAN_DAILY),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 three times a day", "BKR012", MORE_THAN_DAILY),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 3 times per day at 02:00", "BKR012", MORE_THAN_DAILY),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily 4 times a day", "BKR004", MORE_THAN_DAILY),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily twice a day", "BKR004", MORE_THAN_DAILY),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily 02:00 twice a day", "BKR004", MORE_THAN_DAILY),
        ("purge weekly sun 03:00", "purge 4 times a day", "BKR012",
         "a schedule runs once a day at most, and a member has one `purge`: write `purge daily HH:MM`" + FORMS),
    ],
)
def test_several_times_or_more_than_once_a_day_get_a_job_for_each_time(clean, written, code, help, parser, monkeypatch):
    """A schedule runs once a day at most, at one time: several times, or more than
    once a day, is one error whose help writes a job for each time as written, no fix."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.help, found.fix) == (code, help, None)
    phrase = written.removeprefix("run on VMSYS2 ").removeprefix("preview ").removeprefix("purge ")
    assert found.message.startswith(f"`{phrase}` is not a .bkr schedule"), found.message


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "message", "help", "fixed"),
    [
        # noon and midnight in words (were "not a time of day", help "write HH:MM ...")
        ("daily noon", "`noon` is not a .bkr time: a time is HH:MM on a 24-hour clock", "write `daily 12:00`", "12:00"),
        ("weekly sun noon", "`noon` is not a .bkr time: a time is HH:MM on a 24-hour clock",
         "write `weekly sun 12:00`", "12:00"),
        ("daily midnight", "`midnight` is not a .bkr time: a time is HH:MM on a 24-hour clock",
         "midnight is `00:00`, the start of the day: write `daily 00:00`", "00:00"),
        # as Sunday starts or as it ends: no fix
        ("weekly sun midnight", "`midnight` is not a .bkr time: a time is HH:MM on a 24-hour clock",
         ("midnight is `00:00`, the start of a day: `weekly sun 00:00` runs as the day starts, `weekly mon 00:00`"
         " as it ends"), None),
        ("monthly 1 midnight", "`midnight` is not a .bkr time: a time is HH:MM on a 24-hour clock",
         ("midnight is `00:00`, the start of a day: `monthly 1 00:00` runs as the day starts, `monthly 2 00:00`"
          " as it ends"), None),
        ("monthly first sun midnight", "`midnight` is not a .bkr time: a time is HH:MM on a 24-hour clock",
         ("midnight is `00:00`, the start of a day: `monthly first sun 00:00` runs as the day starts; as it ends"
          " is the next day's `00:00`"), None),
    ],
)
def test_noon_and_midnight_in_words_are_written_as_times(written, message, help, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("run on VMSYS2 weekly sat 22:00", f"run on VMSYS2 {written}", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.message, found.help) == ("BKR313", message, help)
    assert _fix_writes(found) == fixed


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "message"),
    [
        # the time missing after the Nth weekday: said as after `weekly mon` (was "expected a
        # name after `sun`"), and `monthly last` alone
        ("monthly last sun", "expected a time of day (HH:MM) after `monthly last sun`, found `}`"),
        ("monthly first sun", "expected a time of day (HH:MM) after `monthly first sun`, found `}`"),
        ("monthly last", "expected a day of the week and a time (DAY HH:MM) after `last`, found `}`"),
    ],
)
def test_the_nth_weekday_of_the_month_without_its_time_says_the_time_is_missing(written, message, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("run on VMSYS2 weekly sat 22:00", f"run on VMSYS1 {written}", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.message, found.fix) == ("BKR010", message, None)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "at", "help"),
    [
        # the weekday left out after the ordinal, so the time was read as the day: said so,
        # with the two schedules meant (was "expected a time of day (HH:MM) after `monthly
        # last 20:00`", the time right there)
        ("run on each member monthly last-day 20:00", "run on each member monthly last 20:00", (92, 37),
         ("write `run on each member monthly last DAY 20:00` (days: sun mon tue wed thu fri sat), or `monthly last-day 20:00`"
         " for the month's last day")),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 monthly first 22:00", (55, 33),
         ("write `run on VMSYS2 monthly first DAY 22:00` (days: sun mon tue wed thu fri sat), or `monthly 1 22:00`"
         " for the month's first day")),
        ("purge weekly sun 03:00", "purge monthly second 03:00", (23, 26),
         ("write `purge monthly second DAY 03:00` (days: sun mon tue wed thu fri sat), or `monthly 2 03:00`"
         " for the month's second day")),
    ],
)
def test_the_nth_weekday_without_its_day_says_the_day_is_missing(clean, written, at, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    nth, time = written.split()[-2:]
    assert (found.code, found.span.line, found.span.column) == ("BKR010", *at)
    assert found.message == f"`monthly {nth}` needs a day of the week before the time `{time}`"
    assert (found.help, found.fix) == (help, None)
    assert too_long(found, analysis.sources) == []


@pytest.mark.parametrize(
    "written", ["every 2 weeks", "every two weeks", "every other week", "every 2 months", "every two weeks on saturday"]
)
def test_every_other_week_without_a_time_is_no_schedule(written):
    # without a time it went another way: "unknown schedule `every`" with the help
    # `monthly 2 02:00` (`every 2 weeks`), or missing commas and `to` for `two`
    text = BASE.replace("run on VMSYS2 weekly sat 22:00", f"run on VMSYS2 {written}", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.fix) == ("BKR012", None)
    assert found.help.startswith("no schedule runs every other "), found.help


def test_weekly_on_the_first_sunday_is_the_months_first_sunday():
    # `weekly` written, but `the first sunday` is once a month: the help says
    # `monthly first sun`, with no fix (the user may have meant every Sunday)
    text = BASE.replace("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly on the first sunday at 22:00", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.fix) == ("BKR004", None)
    assert found.help == "write `monthly first sun 22:00`" + FORMS


@pytest.mark.parametrize(
    ("clean", "written"),
    [
        # `AND`, `OWNER` in capitals, as CP writes user IDs, are user IDs (a z/VM user ID
        # may be AND): the group holds three users, the selection's owner is OWNER
        ("{ CICSPRD DB2PRD }", "{ CICSPRD AND DB2PRD }"),
        ("include minidisk * 0191-01FF", "include minidisk OWNER * 0191-01FF"),
        # `and` first in a group body joins nothing
        ("{ CICSPRD DB2PRD }", "{ and CICSPRD DB2PRD }"),
    ],
)
def test_a_word_in_capitals_is_a_name(clean, written):
    text = BASE.replace(clean, written, 1)
    assert not [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code < "BKR100"]


# A `#` starts a comment only where a token starts: at a line's start, after a blank,
# after `{`, `}`, `,` or a text. Inside a word it is part of the word (docs/language.md,
# `SYS#1`, `BKRPOOL:CICS*.*#`), also where a keyword is due: `days#keep` is one word,
# no keyword, whichever parser reads it. The error says so, and its fix writes the
# blank that makes the rest of the line the comment meant.
AFTER_HASH = ": a comment needs a blank before its `#`, which inside a word is part of the word"
HASH_IN_A_KEYWORD = [
    # (the clean text, what the user wrote, the word, the line and column, the help)
    ("retain 35 days", "retain 35 days#keep a month", "days#keep", "24:15", "write `days #keep a month`" + AFTER_HASH),
    # in capitals too (keywords are read in any case), and before a doc comment's `##`
    ("retain 35 days", "retain 35 DAYS## a doc comment", "DAYS##", "24:15", "write `DAYS ## a doc comment`" + AFTER_HASH),
    # where the state also takes a name (a backup's level after its groups)
    ("backup APPS full", "backup APPS full#weekly full", "full#weekly", "69:17", "write `full #weekly full`" + AFTER_HASH),
]


@pytest.mark.parametrize(("clean", "written", "word", "at", "help"), HASH_IN_A_KEYWORD, ids=[h[1] for h in HASH_IN_A_KEYWORD])
def test_a_hash_inside_a_keyword_is_part_of_the_word(clean, written, word, at, help):
    text = BASE.replace(clean, written, 1)
    assert text != BASE, clean
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert f"{found.code} {found.span.line}:{found.span.column}" == f"BKR012 {at}", found.message
    start = found.span.start
    assert text[start : found.span.end] == word
    head = word[: word.index("#")]
    assert found.message == f"unknown keyword `{word}`; did you mean `{head.lower()}` and a comment?"
    assert found.help == help
    # its fix inserts the blank: the `#` then starts the comment that was meant
    (edit,) = found.fix.edits
    assert (edit.span.start, edit.span.end, edit.new_text) == (start + len(head), start + len(head), " ")
    fixed = text[: edit.span.start] + " " + text[edit.span.start :]
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize(
    ("clean", "written", "word"),
    [
        # `catalog shared#x server BKRSVSFS ...`: the line names its server and pool, not
        # "the shared catalog names no SFS server and no pool" (BKR212), as when the
        # rest of the line was read as a comment. Whether it is one is not certain: the
        # words after the word read on after `shared`, and are read so. No fix.
        ("catalog shared server", "catalog shared#x server", "shared#x"),
        ("    retain 35 days", "    retain#keep 35 days", "retain#keep"),
        ("run on each member daily 03:30", "run on each#x member daily 03:30", "each#x"),
        ("job APPSFULL {", "job#x APPSFULL {", "job#x"),
        # first on its line after a list of addresses, where the word would be one more
        # address: the statement the line starts, not "a job's destination starts with
        # `to`" (BKR004) nor BKR310 for `exclude#x` and `minidisk` as addresses
        # (bench/cascades.py, a comment without a blank)
        ("    to disk pool BKUPPOOL", "    to#x disk pool BKUPPOOL", "to#x"),
        ("    exclude minidisk * 0190", "    exclude#x minidisk * 0190", "exclude#x"),
    ],
)
def test_a_hash_inside_a_keyword_before_words_that_read_on_has_no_fix(clean, written, word):
    text = BASE.replace(clean, written, 1)
    assert text != BASE, clean
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert text[found.span.start : found.span.end] == word
    assert found.code == "BKR012" and found.fix is None
    assert found.message == f"unknown keyword `{word}`: a `#` inside a word is part of the word"
    head = word[: word.index("#")]
    assert found.help == (
        f"write `{head}` alone if the words after it belong to the statement; a comment needs a blank before its `#`"
    )


#: A keyword with a `#` right after it, the rest of its line the comment meant, on a line
#: of its own: the statement ends right after the keyword. (the clean text, what the user
#: wrote, the line and column, the help)
# fmt: off
HASH_THEN_NOTHING = [
    ("  member VMSYS2 {", "  catalog## notes\n  member VMSYS2 {", (10, 3),
     ("write `catalog` followed by `local` or `shared`, then the comment with a blank before its `#` (`## notes`):"
      " inside a word a `#` is part of the word, and the statement ends after `catalog`")),
    ("  member VMSYS2 {", "  catalog#notes\n  member VMSYS2 {", (10, 3),
     ("write `catalog` followed by `local` or `shared`, then the comment with a blank before its `#` (`#notes`):"
      " inside a word a `#` is part of the word, and the statement ends after `catalog`")),
    ('  description "Production', '  description## x\n  description "Production', (7, 3),
     ('write `description` followed by a quoted text ("..."), then the comment with a blank before its `#`'
      " (`## x`): inside a word a `#` is part of the word, and the statement ends after `description`")),
    ("    run on VMSYS1 daily 02:00", "    run## notes\n    run on VMSYS1 daily 02:00", (74, 5),
     ("write `run` followed by `on`, then the comment with a blank before its `#` (`## notes`): inside a word a"
      " `#` is part of the word, and the statement ends after `run`")),
    # words of prose after it, read as the statement's values as they read on after the
    # keyword, but the line ends before the statement does (was "write `retain` alone if
    # the words after it belong to the statement", and "expected `days` after `notes`")
    ("    retain 35 days", "    retain## notes\n    retain 35 days", (24, 5),
     ("write `retain` followed by a number of days, then the comment with a blank before its `#` (`## notes`):"
      " inside a word a `#` is part of the word, and the statement ends after `retain`")),
    ("  member VMSYS2 {", "  disk## the disks\n  member VMSYS2 {", (10, 3),
     ("write `disk` followed by the user ID that owns the minidisk, then the comment with a blank before its `#`"
      " (`## the disks`): inside a word a `#` is part of the word, and the statement ends after `disk`")),
]
# fmt: on


@pytest.mark.parametrize(("clean", "written", "at", "help"), HASH_THEN_NOTHING, ids=[h[1].split()[0] for h in HASH_THEN_NOTHING])
def test_a_hash_inside_a_keyword_alone_on_its_line_is_one_error(clean, written, at, help):
    # was the BKR012 with its fix (the blank before `#`, which left `catalog` alone) and
    # "expected `local` or `shared` after `catalog`, found `catalog`" at the next line's
    # statement besides
    text = BASE.replace(clean, written, 1)
    assert text != BASE, clean
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    word = written.split()[0]
    head = word[: word.index("#")]
    assert (found.code, found.span.line, found.span.column) == ("BKR012", *at)
    assert text[found.span.start : found.span.end] == word
    assert found.message == f"unknown keyword `{word}`; did you mean `{head}` and a comment?"
    assert (found.help, found.fix) == (help, None)
    assert too_long(found, analysis.sources) == []


@pytest.mark.parametrize(
    ("clean", "written"),
    [
        # `workers## 2`, `retain## 30 days`: the words after the word read on after the
        # keyword and finish the statement: one error, no fix, as above
        ("    workers 4\n", "    workers## 2\n    workers 4\n"),
        ("    retain 35 days\n", "    retain## 30 days\n    retain 35 days\n"),
    ],
)
def test_a_hash_inside_a_keyword_before_its_value_on_its_own_line_is_one_error(clean, written):
    text = BASE.replace(clean, written, 1)
    assert text != BASE, clean
    found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert [(d.code, d.fix) for d in found] == [("BKR012", None)]


@pytest.mark.parametrize(
    ("clean", "written"),
    [
        # `}`, `{` and `,` end a token: a `#` right after one starts a comment
        ("    retain 35 days\n  }", "    retain 35 days\n  }#expiry"),
        ("expire on VMSYS1 {", "expire on VMSYS1 {#expiry"),
        ("{ TCPIP FTPSERVE }", "{ TCPIP FTPSERVE }# z/VM's own"),
        # ... and so does a blank, and a text's closing quote
        ("retain 35 days", "retain 35 days #keep"),
        ('"Weekly full backup of the Linux guests"', '"Weekly full backup of the Linux guests"#x'),
        # inside a name, a path or a user ID, `#` is part of the word
        ("include sfs BKRPOOL:CICSPRD.*", "include sfs BKRPOOL:CICS*.*#"),
        ("{ CICSPRD DB2PRD }", "{ CICSPRD DB2PRD CICS$#@ }"),
    ],
)
def test_a_hash_after_a_token_end_starts_a_comment_and_inside_a_value_is_kept(clean, written):
    text = BASE.replace(clean, written, 1)
    assert text != BASE, clean
    assert not [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code < "BKR100"]


def test_a_hash_inside_a_name_where_a_name_is_due_is_still_one_word():
    # `catalog on VMSYS1 shared#remark`: one word too many, the same word as elsewhere
    text = BASE.replace("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "catalog on VMSYS1 shared#remark")
    found = [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code < "BKR100"]
    assert any("`shared#remark`" in d.message for d in found), [d.message for d in found]


@pytest.mark.parametrize(
    ("written", "help", "meant"),
    [
        ("monthly 1,1 02:00", "name it once: `monthly 1 02:00`", "monthly 1 02:00"),
        ("monthly 15th,15 02:00", "name it once: `monthly 15 02:00`", "monthly 15 02:00"),
        ("monthly first sun,sunday 02:00", "name it once: `monthly first sun 02:00`", "monthly first sun 02:00"),
        ("monthly 1,1", "name it once, then the time: `monthly 1 HH:MM`", None),
    ],
)
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_monthly_day_written_twice_is_named_once(written, help, meant, parser, monkeypatch):
    """`monthly 1,1 02:00` named one day twice, and the help said to write "a job for
    each day": `monthly 1 02:00` and `monthly 1 02:00`. It says the day is the same,
    and (with the time) its fix writes it once."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("run on VMSYS1 daily 02:00", f"run on VMSYS1 {written}", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert "names the same day twice" in found.message, found.message
    assert found.help == help
    if meant is None:
        assert found.fix is None
        return
    (edit,) = found.fix.edits
    fixed = text[: edit.span.start] + edit.new_text + text[edit.span.end :]
    assert f"run on VMSYS1 {meant}\n" in fixed
    assert not [d for d in analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics if d.is_error]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("identity user SITEADM role admin role admin", "identity user SITEADM role admin"),
        ("identity user SITEADM role admin ROLE Admin", "identity user SITEADM role admin"),
        ("single user SITEADM role admin role installation", None),
    ],
)
def test_a_role_given_twice_is_said_so(written, fixed, parser, monkeypatch):
    # "`role` cannot appear here", whose help told the file's layout; now the second
    # `role` is named, and deleted when it gives the same role again
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("import std/zvm73\n", f"import std/zvm73\n{written}\n", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    kind = written.split()[0]
    assert found.code == "BKR004"
    assert found.message == f"a second `role` in the `{kind} user` statement"
    assert found.related[0].label == "the first `role` is here"
    if fixed is None:
        assert found.fix is None and found.help.startswith("a user has one `role`")
    else:
        (edit,) = found.fix.edits
        line = written[: edit.span.column - 1] + edit.new_text + written[edit.span.end_column - 1 :]
        assert line == fixed


#: A keyword being typed, a letter or two in small letters, where a name of a list or
#: a minidisk address may also stand (stop 40's editor journey): `backup LINUX f`, on
#: its way to `full`, said "a `,` is missing between `LINUX` and `f`" (its fix writing
#: `LINUX, f`) until `ful`; `ex`, on its way to `exclude` on the line after a minidisk
#: selection, was one more address (BKR310). (clean, written, code, message, fix title)
BEING_TYPED = [
    ("backup APPS full", "backup APPS f", "BKR012", "unknown keyword `f`; did you mean `full`?", "Write `full`"),
    ("backup APPS full", "backup APPS fu", "BKR012", "unknown keyword `fu`; did you mean `full`?", "Write `full`"),
    ("backup APPS full", "backup APPS i", "BKR012", "unknown keyword `i`; did you mean `incremental`?",
     "Write `incremental`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 we", "BKR012",
     "unknown keyword `we`; did you mean `weekly`?", None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 ma", "BKR012", "unknown keyword `ma`; did you mean `manual`?",
     "Write `manual`"),
    # a word that begins several options is one of them being typed (`manual` or
    # `monthly`), not a member `m` whose `,` is missing (was BKR004, its fix `VMSYS1, m`)
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 m", "BKR012",
     "unknown keyword `m`; did you mean `manual` or `monthly`?", None),
    # a name in capitals is one: its `,` missing
    ("backup APPS full", "backup APPS F", "BKR004", "a `,` is missing between `APPS` and `F`", "Write `APPS, F`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 M", "BKR004", "a `,` is missing between `VMSYS1` and `M`",
     "Write `VMSYS1, M`"),
    # after a minidisk selection's addresses, first on its line: a statement's first word
    ("019E\n    include sfs", "019E\n    ex\n    include sfs",
     "BKR012", "`ex` is not a keyword; a statement must start with one", None),
    ("0191\n    to disk pool BKUPPOOL\n    run on VMSYS2", "0191\n    exc\n    to disk pool BKUPPOOL\n    run on VMSYS2",
     "BKR012", "unknown keyword `exc`; did you mean `exclude`?", None),
    ("0200\n    exclude", "0200\n    t\n    exclude", "BKR012", "unknown keyword `t`; did you mean `to`?", None),
    # ... also, of three letters or more, another block's keyword, as where a statement
    # starts (was BKR310, "`ret` is not a minidisk address or range")
    ("0200\n    exclude", "0200\n    ret\n    exclude", "BKR012", "unknown keyword `ret`; did you mean `retain`?",
     None),
    # ... and after a member's volume labels (a label is written in capitals): was read
    # silently as one more label, `EX`
    ("M2PRV1\n    exclude", "M2PRV1\n    ex\n    exclude", "BKR012",
     "`ex` is not a keyword; a statement must start with one", None),
    ("    exclude minidisk LNX* 0192  # the Linux guests' scratch disks are not worth keeping\n",
     "    exc\n", "BKR012", "unknown keyword `exc`; did you mean `exclude`?", None),
    ("M2PRV1\n    exclude", "M2PRV1\n    wor\n    exclude", "BKR012",
     "unknown keyword `wor`; did you mean `workers`?", None),
    ("M2PRV1\n    exclude", "M2PRV1\n    desc\n    exclude", "BKR012",
     "unknown keyword `desc`; did you mean `description`?", None),
    # ... and after the cluster's (`shared-volume VMCOM1`), a cluster statement begun, or
    # of three letters or more any statement's, as where a statement starts (there, before
    # `catalog`, `exc` is `exclude` too): was read silently as one more label, `EX`,
    # `EXC`, `CA`. No fix where the keyword meant starts no statement of the block the
    # word stands in (`exclude` here, `retain` and `purge` in a job, `description` in a
    # group body): it would give BKR013, where the help says the statement belongs
    ("VMCOM1\n", "VMCOM1\n  ex\n", "BKR012", "`ex` is not a keyword; a statement must start with one", None),
    ("VMCOM1\n", "VMCOM1\n  exc\n", "BKR012", "unknown keyword `exc`; did you mean `exclude`?", None),
    ("VMCOM1\n", "VMCOM1\n  excl\n", "BKR012", "unknown keyword `excl`; did you mean `exclude`?",
     None),
    ("VMCOM1\n\n", "VMCOM1\n\n  ca\n", "BKR012", "`ca` is not a keyword; a statement must start with one", None),
    ("VMCOM1\n\n", "VMCOM1\n\n  catal\n", "BKR012", "unknown keyword `catal`; did you mean `catalog`?", None),
    # ... and after an SFS selection's paths (a path names its pool): was BKR318, "SFS
    # path `ex` names no file pool"
    ("CICSPRD.*\n", "CICSPRD.*\n    ex\n", "BKR012", "`ex` is not a keyword; a statement must start with one", None),
    ("CICSPRD.*\n", "CICSPRD.*\n    exc\n", "BKR012", "unknown keyword `exc`; did you mean `exclude`?", None),
    ("CICSPRD.*\n", "CICSPRD.*\n    de\n", "BKR012", "`de` is not a keyword; a statement must start with one", None),
    ("CICSPRD.*\n", "CICSPRD.*\n    pur\n", "BKR012", "unknown keyword `pur`; did you mean `purge`?", None),
    # ... and a statement keyword in full there, which the state after an address reads
    # as none (not one of a job's, `match`, `cluster`): its statement, misplaced, as where
    # a statement starts (was one more address or path, silently: BKR310, BKR318 later)
    ("0200\n    exclude", "0200\n    match\n    exclude", "BKR013", "`match` cannot appear inside a `job` block",
     None),
    ("0200\n    exclude", "0200\n    cluster\n    exclude", "BKR013",
     "`cluster` cannot appear inside a `job` block", None),
    ("0200\n    exclude", "0200\n    cluster X {\n    exclude", "BKR013",
     "`cluster` cannot appear inside a `job` block", None),
    ("0200\n    exclude", "0200\n    retain\n    exclude", "BKR013",
     "`retain` cannot appear inside a `job` block", None),
    ("CICSPRD.*\n", "CICSPRD.*\n    match\n", "BKR013", "`match` cannot appear inside a `job` block", None),
    ("CICSPRD.*\n", "CICSPRD.*\n    import\n", "BKR013", "`import` cannot appear inside a `job` block", None),
    # ... and in a group body, `match` begun alone on its line: a user ID is written in
    # capitals (was the user `MA`, silently)
    ("APPS { CICSPRD DB2PRD }", "APPS {\n    CICSPRD\n    ma\n  }", "BKR012",
     "`ma` is not a keyword; a statement must start with one", None),
    ("APPS { CICSPRD DB2PRD }", "APPS {\n    mat\n    CICSPRD DB2PRD\n  }", "BKR012",
     "unknown keyword `mat`; did you mean `match`?", "Write `match`"),
    # ... and any statement keyword begun, too long for a user ID (was BKR301, "`DESCRIPTI`
    # is 9 characters long": misleading while typing `description`)
    ("APPS { CICSPRD DB2PRD }", "APPS {\n    CICSPRD\n    descripti\n  }", "BKR012",
     "unknown keyword `descripti`; did you mean `description`?", None),
    ("APPS { CICSPRD DB2PRD }", "APPS {\n    CICSPRD\n    private-vol\n    DB2PRD\n  }", "BKR012",
     "unknown keyword `private-vol`; did you mean `private-volume`?", None),
    # after a whole statement on its line, a letter or two that begin one of the block's
    # statements or the statement's options (stop 45): was BKR004 "`p` has no keyword
    # before it" until the third letter (`pri`), when BKR012 took over
    ("{ workers 4  private-volume M1PRV1 }", "{\n    workers 4  p\n  }", "BKR012",
     "unknown keyword `p`; did you mean `private-volume`?", None),
    ("{ workers 4  private-volume M1PRV1 }", "{ workers 4  p }", "BKR012",
     "unknown keyword `p`; did you mean `private-volume`?", None),
    ("{ workers 4  private-volume M1PRV1 }", "{ workers 4  d }", "BKR012",
     "unknown keyword `d`; did you mean `description`?", None),
    ("run on each member daily 03:30", "run on each member d", "BKR012", "unknown keyword `d`; did you mean `daily`?",
     None),
    ("run on each member daily 03:30", "run on each member da", "BKR012",
     "unknown keyword `da`; did you mean `daily`?", None),
    ("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "catalog shared s", "BKR012",
     "unknown keyword `s`; did you mean `server`?", None),
    # ... a word that begins none of them is still a value without its keyword
    ("{ workers 4  private-volume M1PRV1 }", "{\n    workers 4  da\n  }", "BKR004",
     ("`da` has no keyword before it: the `workers` statement ends with `4`, and a value follows the keyword it"
     " belongs to"), None),
    ("run on each member daily 03:30", "run on each member p", "BKR004",
     ("`p` has no keyword before it: the `run` statement ends with `member`, and a value follows the keyword it"
     " belongs to"), None),
    # `shared` alone where a cluster statement starts, as `shared-volume` is typed: read
    # as `share` and `shared-` are, not "expected `catalog` before `shared`" (BKR004)
    ("  expire on VMSYS1 {", "  shared\n  expire on VMSYS1 {", "BKR012",
     "`shared` is not a keyword here; did you mean `shared-volume`?", None),
    ("  expire on VMSYS1 {", "  share\n  expire on VMSYS1 {", "BKR012",
     "unknown keyword `share`; did you mean `shared-volume`?", None),
    ("  expire on VMSYS1 {", "  shared-\n  expire on VMSYS1 {", "BKR012",
     "unknown keyword `shared-`; did you mean `shared-volume`?", None),
    # ... but with an option only the catalog takes after it (`shared server BKRSVSFS
    # ...`, on the line after the cluster's labels), `catalog` left out, as where no
    # labels are above it (was BKR012 "did you mean `shared-volume`?", whose fix wrote
    # `shared-volume server ...`), whose fix inserts `catalog` (was no fix)
    ("  catalog shared server", "  shared server", "BKR004", "expected `catalog` before `shared`", "Insert `catalog`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "code", "message", "fix"), BEING_TYPED, ids=[b[1] for b in BEING_TYPED])
def test_a_keyword_being_typed_is_read_as_one(clean, written, code, message, fix, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert BASE.count(clean) == 1, clean
    text = BASE.replace(clean, written)
    found = [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code < "BKR1"]
    assert [(d.code, d.message, d.fix.title if d.fix else None) for d in found] == [(code, message, fix)]


#: After several names without their `,`, an option begun last on the line is that
#: option being typed, as after one name (`backup APPS f`), not one more name the `,`
#: error names and its fix writes (was "commas are missing between `APPS`, `LINUX`
#: and `f`", its fix `APPS, LINUX, f`). (clean, written, [(code, message, fix title)])
BEGUN_AFTER_NAMES = [
    ("backup APPS full", "backup APPS LINUX f", [
        ("BKR004", "a `,` is missing between `APPS` and `LINUX`", "Write `APPS, LINUX`"),
        ("BKR012", "unknown keyword `f`; did you mean `full`?", "Write `full`"),
    ]),
    ("backup APPS full", "backup APPS LINUX SYSIDS fu", [
        ("BKR004", "commas are missing between `APPS`, `LINUX` and `SYSIDS`", "Write `APPS, LINUX, SYSIDS`"),
        ("BKR012", "unknown keyword `fu`; did you mean `full`?", "Write `full`"),
    ]),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 VMSYS2 we", [
        # a job of single-configuration users: each member a choice, no `,` fix (h1, stop 67)
        ("BKR004", "a `,` is missing between `VMSYS1` and `VMSYS2`", None),
        ("BKR012", "unknown keyword `we`; did you mean `weekly`?", None),
    ]),
    # ... also after a name written twice (its help named `VMSYS1, we`)
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 VMSYS1 we", [
        ("BKR004", "`VMSYS1` is written twice in a row: a list names each of its names once",
         "Remove the second `VMSYS1`"),
        ("BKR012", "unknown keyword `we`; did you mean `weekly`?", None),
    ]),
    # a name in capitals is one, its `,` missing too
    ("backup APPS full", "backup APPS LINUX F", [
        ("BKR004", "commas are missing between `APPS`, `LINUX` and `F`", "Write `APPS, LINUX, F`"),
    ]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "expected"), BEGUN_AFTER_NAMES, ids=[b[1] for b in BEGUN_AFTER_NAMES])
def test_an_option_begun_after_names_without_commas_is_none_of_them(clean, written, expected, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert BASE.count(clean) == 1, clean
    found = [d for d in analyse("prodssi.bkr", BASE.replace(clean, written).encode("utf-8")).diagnostics if d.code < "BKR1"]
    assert [(d.code, d.message, d.fix.title if d.fix else None) for d in found] == expected


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("second", "note"),
    [
        # one backup split over days: the two jobs are no BKR405, the help says nothing more
        ("run on VMSYS2 weekly sun 01:00", ""),
        # a day both run: the second copies the same data again, which BKR405 warns of
        ("run on VMSYS2 daily 14:00", ONE_DAY),
        # `manual`: its user picks the day
        ("run on VMSYS2", ""),
    ],
)
def test_a_second_run_statement_s_help_says_when_its_two_jobs_meet(second, note, parser, monkeypatch):
    """BKR115's help for a second `run` writes two jobs, the same but for their `run`:
    when they may run on one day, it says the second copies the same data again (at one
    level, BKR405's warning), so that following the help leads into no silent warning."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "run on VMSYS2 weekly sat 22:00"
    text = BASE.replace(clean, f"{clean}\n    {second}", 1)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.code == "BKR115"
    assert found.help.endswith("write two jobs, the same but for their names and their `run`" + note), found.help


#: A statement of the cluster block, or its scope, in another block: (the clean text,
#: the text written, the one BKR013's message and help). Each says where it belongs.
CLUSTER_ONLY_ELSEWHERE = [
    ("    backup APPS full\n", "    backup APPS full\n    shared catalog server BKRSVSFS pool BKRPOOL on VMSYS1\n",
     "`shared` cannot appear inside a `job` block",
     ("`shared` is a catalog's scope, written after `catalog`: `catalog shared ...` belongs directly inside"
     " `cluster NAME { ... }`: move it out of `job APPSFULL`, after its `}`")),
    ("    backup APPS full\n", "    backup APPS full\n    shared tape manager\n",
     "`shared` cannot appear inside a `job` block",
     ("`shared` is Tape Manager's scope, written after `tape manager`: `tape manager shared ...` belongs directly"
     " inside `cluster NAME { ... }`: move it out of `job APPSFULL`, after its `}`")),
    ("    workers 4\n", "    workers 4\n    local\n",
     "`local` cannot appear inside a `member` block",
     ("`local` is the scope of a catalog or of Tape Manager, written in `catalog local ...` or `tape manager"
     " local ...`, statements that belong directly inside `cluster NAME { ... }`: write it there, not in `member VMSYS2`")),
    # the statements themselves (these read well already)
    ("    workers 4\n", "    workers 4\n    catalog shared server BKRSVSFS pool BKRPOOL on VMSYS2\n",
     "`catalog` cannot appear inside a `member` block",
     # a second catalog, not as the cluster's says it: which is meant is the user's (h4, stop 69)
     ("the cluster has `catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1` already (line 21): keep the one"
      " meant, directly inside `cluster NAME { ... }`, and remove the other")),
    ("    workers 4\n", "    workers 4\n    shared-volume VMCOM2\n",
     "`shared-volume` cannot appear in a `member` block",
     # the file's own line moved below the block's `}`, a fix (was the example `shared-volume VMCOM1`; h4, stop 69)
     "`shared-volume` belongs directly inside `cluster NAME { ... }`: move `shared-volume VMCOM2` below `member VMSYS2`'s `}` (line 15)"),
    # in a group body (was "move it to the block it belongs in (see docs/language.md)")
    ("{ CICSPRD DB2PRD }", "{ CICSPRD DB2PRD\n    shared-volume VMCOM2 }",
     "`shared-volume` cannot appear inside a `group` block",
     "`shared-volume` belongs directly inside `cluster NAME { ... }`: move it out of `group APPS`, after its `}`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "message", "help"), CLUSTER_ONLY_ELSEWHERE, ids=[c[1].split()[-2] for c in CLUSTER_ONLY_ELSEWHERE]
)
def test_a_cluster_statement_or_its_scope_elsewhere_says_where_it_belongs(clean, written, message, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert clean in BASE
    text = BASE.replace(clean, written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == ("BKR013", message, help)
    assert too_long(found, analysis.sources) == []
    assert_moved_out_clean(text, found)


def assert_moved_out_clean(text: str, found) -> None:
    """A statement of the cluster alone written in a block: no fix, or one that moves it
    below the block's `}` (or removes it, where the cluster has it already written
    alike), after which the file checks clean (h4, stop 69)."""
    if found.fix is not None:
        assert found.fix.title.startswith(("Move", "Remove the second"))
        assert analyse("prodssi.bkr", apply_edits(text, found.fix.edits).encode()).diagnostics == []


#: A statement of the cluster, or of several blocks, in a block that does not take it:
#: its help says where it belongs, derived from the grammar as the message's (was "move
#: it to the block it belongs in (see docs/language.md)"). (clean, written, message, help)
# fmt: off
HOMES_NAMED = [
    ("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    disk BKRBKUP 191 size 10 cyl\n",
     "`disk` cannot appear inside a `job` block",
     # the cluster has it already, written alike: removed (was "move it out of `job APPSFULL`", no fix; h4, stop 69)
     "`disk BKRBKUP 191 size 10 cyl` is written directly inside `cluster NAME { ... }` already (line 31): remove it here"),
    ("    workers 4\n", "    workers 4\n    disk BKRBKUP 191 size 10 cyl\n",
     "`disk` cannot appear inside a `member` block",
     "`disk BKRBKUP 191 size 10 cyl` is written directly inside `cluster NAME { ... }` already (line 32): remove it here"),
    ("    retain 35 days\n", "    retain 35 days\n    disk BKRBKUP 191 size 10 cyl\n",
     "`disk` cannot appear inside an `expire` block",
     "`disk BKRBKUP 191 size 10 cyl` is written directly inside `cluster NAME { ... }` already (line 32): remove it here"),
    ("    retain 35 days\n", '    retain 35 days\n    description "Expiry on VMSYS1"\n',
     "`description` cannot appear inside an `expire` block",
     "`description` belongs in a `cluster NAME { ... }`, `job NAME { ... }` or `member NAME { ... }` block: move it there"),
    ("{ CICSPRD DB2PRD }", '{ CICSPRD DB2PRD\n    description "CICS and DB2" }',
     "`description` cannot appear inside a `group` block",
     "`description` belongs in a `cluster NAME { ... }`, `job NAME { ... }` or `member NAME { ... }` block: move it there"),
    ("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    cluster TESTSSI { }\n",
     "`cluster` cannot appear inside a `job` block",
     ("a file holds one `cluster NAME { ... }` block, at its top level, never inside `job APPSFULL`: move what this"
     " one holds into the cluster around it, or to a file of its own")),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "message", "help"), HOMES_NAMED,
    ids=[f"{m.split()[0]} {m.split()[-2]}" for _, _, m, _ in HOMES_NAMED],
)
def test_a_statement_in_a_block_that_takes_it_not_says_where_it_belongs(clean, written, message, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert clean in BASE
    text = BASE.replace(clean, written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == ("BKR013", message, help)
    assert too_long(found, analysis.sources) == []
    assert_moved_out_clean(text, found)


#: A whole statement for each statement keyword (STATEMENT_KEYWORDS).
STATEMENT_OF = {
    "backup": "backup APPS full", "catalog": "catalog local", "cluster": "cluster TESTSSI { }",
    "description": 'description "x"', "disk": "disk BKRBKUP 191 size 10 cyl", "exclude": "exclude minidisk * 0190",
    "expire": "expire on VMSYS2 { retain 30 days }", "identity": "identity group TESTIDS { TCPIP }",
    "import": "import std/zvm73", "include": "include minidisk * 0191", "job": "job TESTJOB { backup APPS full }",
    "job-suffix": "job-suffix C", "match": "match LNX*", "member": "member VMSYS5 { workers 2 }",
    "preview": "preview daily 01:00", "private-volume": "private-volume M5PRV1", "purge": "purge weekly sun 03:00",
    "retain": "retain 35 days", "run": "run on VMSYS1 daily 02:00", "shared-volume": "shared-volume VMCOM2",
    "single": "single user LNXTEST", "tape": "tape manager local", "to": "to disk pool BKUPPOOL", "workers": "workers 2",
}
#: Where each is written: on a line of its own at the end of a block, or after the imports.
PLACES = {
    "top level": ("import std/zvm73\n", "import std/zvm73\n{}\n"),
    "cluster": ("  tape manager shared", "  {}\n  tape manager shared"),
    "member": ("    workers 4\n", "    workers 4\n    {}\n"),
    "expire": ("    retain 35 days\n", "    retain 35 days\n    {}\n"),
    "job": ("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    {}\n"),
    "group": ("{ CICSPRD DB2PRD }", "{{ CICSPRD DB2PRD\n    {}\n  }}"),
    # where the block's names go on: after a member's labels on their line, between
    # a group body's user IDs on theirs
    "member labels": ("{ workers 4  private-volume M1PRV1 }", "{{ workers 4  private-volume M1PRV1 {} }}"),
    "group line": ("{ CICSPRD DB2PRD }", "{{ CICSPRD {} DB2PRD }}"),
}


def test_every_statement_keyword_has_a_sample():
    assert set(STATEMENT_OF) == set(STATEMENT_KEYWORDS)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("place", PLACES)
def test_no_statement_in_the_wrong_block_is_sent_to_the_docs(place, parser, monkeypatch):
    # Every statement keyword, in every kind of block: where it is misplaced, the help
    # says where it goes, never "move it to the block it belongs in (see
    # docs/language.md)" (`disk` and `description` in a job or an expire block, `cluster`
    # in any block, got it), nor the generic "see docs/language.md for the constructs
    # allowed here" (`import std/zvm73` and `cluster TESTSSI { }` in a group body or
    # after a member's labels, and the `{` a line below `match LNX*` outside a group,
    # got it); nor BKR021's "move it to the block it belongs in" at a statement read as
    # more labels of a member's list (`retain 35 days` after them on their line).
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean, written = PLACES[place]
    sent = []
    for keyword, statement in sorted(STATEMENT_OF.items()):
        text = BASE.replace(clean, written.format(statement), 1)
        for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics:
            if "block it belongs in" in (d.help or "") or d.help == GENERIC_HELP:
                sent.append(f"{keyword}: {d.code} {d.message} | {d.help}")
    assert sent == []


#: Each keyword of the grammar that starts no statement, with a plausible rest of its
#: statement after it (`role worker`), written where a statement starts.
NO_STATEMENT_OF = {
    "at": "at 100", "catalog-dmm": "catalog-dmm TCDMM", "catalog-node": "catalog-node TCTMM on VMSYS1",
    "daily": "daily 02:00", "days": "days", "each": "each member", "first": "first sun 02:00",
    "fourth": "fourth sun 02:00", "full": "full", "group": "group GRP { A }", "incremental": "incremental APPS",
    "last": "last sun", "local": "local", "logon-wait": "logon-wait 2 minutes", "manager": "manager shared",
    "manual": "manual", "minidisk": "minidisk * 0191", "monthly": "monthly first sun 02:00", "on": "on VMSYS1",
    "pool": "pool BKUPPOOL", "pool-wait": "pool-wait 10 minutes", "request-dmm": "request-dmm TRDMM",
    "request-node": "request-node TRTMM", "role": "role worker", "second": "second mon 02:00",
    "server": "server BKRSVSFS", "sfs": "sfs POOL:USER.DIR", "shared": "shared server BKRSVSFS",
    "size": "size 10 cyl", "third": "third tue 02:00", "user": "user LNXTEST", "weekly": "weekly sun 02:00",
}  # fmt: skip


def test_every_keyword_that_starts_no_statement_has_a_sample():
    from bkrdsl.keywords import keywords

    assert set(NO_STATEMENT_OF) == set(keywords()) - STATEMENT_KEYWORDS


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("place", ["top level", "cluster", "member", "expire", "job"])
def test_a_keyword_that_starts_no_statement_where_one_starts_is_one_error_that_says_what_it_is(place, parser, monkeypatch):
    # Every keyword that starts no statement, alone and with the rest of its statement,
    # on a line of its own in each kind of block: one error, whose help is not the
    # generic "see docs/language.md for the constructs allowed here" ("`role` cannot
    # appear here" was) nor any pointer to the docs ("write `catalog` before `shared`
    # (see docs/language.md)" was), and no second error for the rest of its line
    # (`each member` in the cluster was also BKR010 "expected a member name after
    # `member`"; `on VMSYS1` there, BKR011 "expected `{` after `on VMSYS1`"). A slip
    # further down is still reported.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    later = BASE.replace("    backup SYSIDS full\n", "    bakup SYSIDS full\n", 1)
    assert later != BASE
    line = later.split("\n").index("    bakup SYSIDS full") + 2  # one line written above it
    clean, written = PLACES[place]
    column = next(line.index("{}") for line in written.split("\n") if "{}" in line) + 1
    wrong = []
    for keyword, statement in sorted(NO_STATEMENT_OF.items()):
        for words in dict.fromkeys([statement, keyword]):
            text = later.replace(clean, written.format(words), 1)
            found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
            got = [(d.code, d.span.line) for d in found]
            first = found[0] if found else None
            if (
                len(got) != 2
                or got[1] != ("BKR012", line)
                or first.help == GENERIC_HELP
                or "docs/language.md" in (first.help or "")
                or first.span.column != column
            ):
                wrong.append(f"{words}: " + "; ".join(f"{d.code} {d.span.line}:{d.span.column} {d.message} | {d.help}" for d in found))
    assert wrong == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("place", "words", "message", "help"),
    [
        ("cluster", "shared server BKRSVSFS", "expected `catalog` before `shared`", "write `catalog shared server BKRSVSFS`"),
        ("cluster", "local", "expected `catalog` before `local`", "write `catalog local`"),
        ("cluster", "manager shared", "expected `tape` before `manager`", "write `tape manager shared`"),
        ("cluster", "on VMSYS1", "expected `expire` before `on`", "write `expire on VMSYS1 { ... }`"),
        ("cluster", "user LNXTEST", "expected `identity` or `single` before `user`",
         "write `identity user LNXTEST` or `single user LNXTEST`"),
        ("top level", "group GRP { A }", "expected `identity` or `single` before `group`",
         "write `identity group GRP { ... }` or `single group GRP { ... }`"),
        ("job", "on VMSYS1  # nightly", "expected `run` before `on`", "write `run on VMSYS1`"),
        ("expire", "daily 02:00", "expected `preview` or `purge` before `daily`",
         "write `preview daily 02:00` or `purge daily 02:00`"),
        ("member", "minidisk * 0191", "expected `exclude` or `include` before `minidisk`",
         "write `exclude minidisk * 0191` or `include minidisk * 0191`"),
        ("cluster", "role worker", "`role` starts no statement: it is written in a declaration: `single user ID role ROLE`",
         "write the whole statement it belongs to, which starts with `identity` or `single`"),
        ("cluster", "each member", ("`each` starts no statement: it is written in `on each member`, after `run` in a job or"
         " after `expire`"), "write the whole statement it belongs to, which starts with `expire`"),
        ("cluster", "at 100", ("`at` starts no statement: it gives where a disk starts on its volume:"
         " `disk USER 191 size 10 cyl on VOLUME at START`"), "write the whole statement it belongs to, which starts with `disk`"),
        ("job", "full APPS", "`full` starts no statement: it is a backup's level: `backup GROUP full`, in a job",
         "write the whole statement it belongs to, which starts with `backup`"),
        ("expire", "days", "`days` starts no statement: it is written in `retain N days`, in an `expire` block",
         "write the whole statement it belongs to, which starts with `retain`"),
        ("member", "days", "`days` starts no statement: it is written in `retain N days`, in an `expire` block",
         ("statements in a `member` block start with `description`, `exclude`, `include`, `job-suffix`,"
         " `private-volume`, `workers`")),
    ],
)
def test_a_keyword_that_starts_no_statement_says_the_statement_it_belongs_to(place, words, message, help, parser, monkeypatch):
    # The keyword one statement keyword left out before it would take: that keyword
    # missing, the help the statement written out with the line's words (was "write
    # `catalog` before `shared` (see docs/language.md)"); one that more words are
    # missing before: what it is and where it is written, and the statement of this
    # block that takes it, if one does (was "`role` cannot appear here | see
    # docs/language.md for the constructs allowed here"). No fix where more than one
    # keyword may be meant, or more are missing: what was meant is the writer's to
    # say; where the one keyword makes the line a statement, a fix inserts it
    # (test_the_one_keyword_left_out_that_makes_the_line_a_statement_is_inserted).
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean, written = PLACES[place]
    text = BASE.replace(clean, written.format(words), 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == ("BKR004", message, help)
    if found.fix is not None:
        inserted, at = found.fix.edits[0].new_text, text.index(written.format(words)) + written.index("{}")
        assert help.startswith(f"write `{inserted}") and " or " not in help
        assert apply_edits(text, found.fix.edits) == text[:at] + inserted + text[at:]
    else:
        assert message.startswith("`") or " or " in message or "{ ... }" in help
    assert too_long(found, analysis.sources) == []


#: A statement's one keyword left out where a statement starts, which written before
#: the line's first word makes it a whole statement: (the statement as written, the
#: line, the message, the help, the text the fix inserts).
ONE_KEYWORD_LEFT_OUT = [
    # each was the error with its help alone, no fix
    ("  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM",
     "  shared catalog-node TCTMM on VMSYS1 request-node TRTMM",
     "expected `tape manager` before `shared`",
     "write `tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM`", "tape manager "),
    ("  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "  shared server BKRSVSFS pool BKRPOOL on VMSYS1",
     "expected `catalog` before `shared`", "write `catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1`",
     "catalog "),
    ("  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM",
     "  manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM", "expected `tape` before `manager`",
     "write `tape manager shared catalog-node ...`", "tape "),
    ("    run on VMSYS1 daily 02:00", "    on VMSYS1 daily 02:00  # nightly", "expected `run` before `on`",
     "write `run on VMSYS1 daily 02:00`", "run "),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "message", "help_", "inserted"),
    ONE_KEYWORD_LEFT_OUT,
    ids=[w.strip() for _, w, *_ in ONE_KEYWORD_LEFT_OUT],
)
def test_the_one_keyword_left_out_that_makes_the_line_a_statement_is_inserted(
    clean, written, message, help_, inserted, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == ("BKR004", message, help_)
    assert found.fix.title == f"Insert `{inserted.strip()}`"
    fixed = apply_edits(text, found.fix.edits)
    at = BASE.index(clean) + len(written) - len(written.lstrip())  # the line's first word
    assert fixed == text[:at] + inserted + text[at:]
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written"),
    [
        # cut short: `tape manager` makes no whole statement of it
        ("  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n                      catalog-dmm TCDMM request-dmm TRDMM",
         "  shared catalog-node TCTMM"),
        ("  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "  shared server BKRSVSFS pool"),
    ],
)
def test_a_keyword_left_out_that_makes_no_whole_statement_is_not_inserted(clean, written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found[0].message.startswith("expected `") and all(d.fix is None for d in found)


#: A job's statement whose words are all on its line, a word or a run of them written
#: before the statement's keyword or in another place: (the statement in APPSFULL as
#: written, the message, the line in its one order that makes it a statement).
REORDERED = [
    ("backup APPS full", "full backup APPS", ("`full` starts no statement: it is a backup's level: `backup GROUP full`,"
     " in a job"), "backup APPS full"),
    ("backup APPS full", "incremental backup APPS, LINUX  # nightly", ("`incremental` starts no statement: it is a"
     " backup's level: `backup GROUP incremental`, in a job"), "backup APPS, LINUX incremental"),
    ("run on VMSYS1 daily 02:00", "on VMSYS1 run daily 02:00", "expected `run` before `on`", "run on VMSYS1 daily 02:00"),
    ("run on VMSYS1 daily 02:00", "on VMSYS1, VMSYS2 run weekly sun 02:00", "expected `run` before `on`",
     "run on VMSYS1, VMSYS2 weekly sun 02:00"),
    ("run on VMSYS1 daily 02:00", "on each member run daily 02:00", "expected `run` before `on`",
     "run on each member daily 02:00"),
    ("run on VMSYS1 daily 02:00", "daily 02:00 run on VMSYS1", ("a schedule is part of the `run` statement, after the"
     " members the job runs on"), "run on VMSYS1 daily 02:00"),
    ("to disk pool BKUPPOOL", "to pool BKUPPOOL disk", "`to` names the medium before the pool", "to disk pool BKUPPOOL"),
    ("to disk pool BKUPPOOL", "to pool BKUPPOOL tape  # offsite", "`to` names the medium before the pool",
     "to tape pool BKUPPOOL"),
    # two words out of place: no one move, but one order of the line's words
    ("to disk pool BKUPPOOL", "to BKUPPOOL pool disk", "`to` names the medium before the pool", "to disk pool BKUPPOOL"),
    # on the line after `include sfs BKRPOOL:CICSPRD.*`: the statement, not two more SFS paths
    ("to disk pool BKUPPOOL", "pool BKUPPOOL to disk", ("`pool` starts no statement: it names the catalog's file"
     " pool, `catalog shared pool POOL`, or a job's, `to disk pool NAME`"), "to disk pool BKUPPOOL"),
    ("run on VMSYS1 daily 02:00", "VMSYS1 run on daily 02:00", ("`VMSYS1` starts no statement: a statement starts"
     " with its keyword, and `run` is later on the line"), "run on VMSYS1 daily 02:00"),
    # in the expire block, before APPSFULL
    ("retain 35 days", "35 days retain", ("`35` starts no statement: a statement starts with its keyword, and"
     " `retain` is later on the line"), "retain 35 days"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "message", "meant"), REORDERED, ids=[w for _, w, _, _ in REORDERED])
def test_a_statement_s_words_out_of_order_are_one_error_whose_fix_writes_them_in_order(
    clean, written, message, meant, parser, monkeypatch
):
    # was "write the whole statement it belongs to, which starts with `backup`" (`full
    # backup APPS`), two errors with the help `run on VMSYS1 run daily 02:00` (`on
    # VMSYS1 run daily 02:00`), the help `run on VMSYS1 daily 02:00 run` (`daily 02:00
    # run on VMSYS1`), and two errors, the second "a job has one destination" (`to pool
    # BKUPPOOL disk`): the statement's keyword is on the line, and one order alone of
    # the line's words makes it a statement, so the fix is certain
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    job = BASE[BASE.index("  job APPSFULL {") :]
    job = job[: job.index("  }\n")] if clean in job else BASE
    text = BASE.replace(job, job.replace(clean, written, 1), 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == ("BKR004", message, f"write `{meant}`")
    assert found.fix is not None
    fixed = apply_edits(text, found.fix.edits)
    assert fixed == BASE.replace(job, job.replace(clean, written.replace(written.split("  #")[0], meant), 1), 1)
    assert too_long(found, analysis.sources) == []


@pytest.mark.parametrize(
    "written",
    [
        # two words too many inside: no order of the others makes it a statement
        "on VMSYS1 run right now daily 02:00",
        "on VMSYS1 run now daily so 02:00",
        # a word too many inside, but both media: which is meant is the writer's
        "to BKUPPOOL now pool disk tape",
        "to pool BKUPPOOL",  # the medium not on the line: a choice
        "to pool BKUPPOOL disk tape",  # both media, either the word too many: a choice
    ],
)
def test_words_no_one_order_makes_a_statement_of_get_no_fix(written):
    job = BASE[BASE.index("  job APPSFULL {") :]
    job = job[: job.index("  }\n")]
    clean = "run on VMSYS1 daily 02:00" if written.startswith("on") else "to disk pool BKUPPOOL"
    text = BASE.replace(job, job.replace(clean, written, 1), 1)
    found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found and all(d.fix is None for d in found)


#: Lines whose words parse in an order but for their values' shapes (the grammar reads
#: any name as a day or a time): (the statement as written, the line, its place).
MISSHAPED_ORDERS = [
    # was `write `run on VMSYS1 weekly now sun``, its fix that, then "one word too many"
    # at `02:00`, a time left out after `sun` read as one (with the time, `now` is a
    # word too many inside: OUT_OF_ORDER_WITH_A_WORD_INSIDE)
    ("run on VMSYS1 daily 02:00", "on VMSYS1 run weekly now sun", "expected `run` before `on`",
     "a statement starts with its keyword: write `run` first, then its words in order after it (docs/language.md)"),
    # was `write `run on VMSYS1 daily now``: `now` no time
    ("run on VMSYS1 daily 02:00", "on VMSYS1 run daily now", "expected `run` before `on`",
     "a statement starts with its keyword: write `run` first, then its words in order after it (docs/language.md)"),
    # was `write `retain now days``: `now` no number
    ("retain 35 days", "days retain now",
     "`days` starts no statement: it is written in `retain N days`, in an `expire` block",
     "write the whole statement it belongs to, which starts with `retain`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "message", "help_"), MISSHAPED_ORDERS, ids=[w for _, w, *_ in MISSHAPED_ORDERS])
def test_an_order_whose_values_are_not_shaped_for_their_places_is_no_fix(
    clean, written, message, help_, parser, monkeypatch
):
    # an order of the line's words counts as the statement meant only where each value
    # has its place's shape too (a time HH:MM last in a schedule, days after `weekly`,
    # a number after `retain`): one error, no fix, not a fix that writes a nonsense
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.message, found.help, found.fix) == ("BKR004", message, help_, None)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("on VMSYS1 run weekly sun 02:00", "run on VMSYS1 weekly sun 02:00"),
        ("on VMSYS1 run monthly first sun 02:00", "run on VMSYS1 monthly first sun 02:00"),
        ("on VMSYS1 run monthly 15 02:00", "run on VMSYS1 monthly 15 02:00"),
        ("on VMSYS1 run weekly sat,sun 02:00", "run on VMSYS1 weekly sat, sun 02:00"),
    ],
)
def test_an_order_whose_values_are_shaped_for_their_places_is_fixed(written, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("run on VMSYS1 daily 02:00", written, 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.message, found.help) == ("BKR004", "expected `run` before `on`", f"write `{meant}`")
    assert apply_edits(text, found.fix.edits) == text.replace(written, meant, 1)


#: A job's statement out of order with words too many after it, in APPSFULL: (the
#: statement as written, the line, the error's message, the line in order, the words
#: too many, the second error's message).
OUT_OF_ORDER_THEN_MORE = [
    ("run on VMSYS1 daily 02:00", "on VMSYS1 run daily 02:00 now", "expected `run` before `on`",
     "run on VMSYS1 daily 02:00", "now",
     "one word too many: the `run` statement ends with `02:00`, and `now` starts no statement"),
    # was one error, "write `run` first, then its words in order after it", no fix
    ("run on VMSYS1 daily 02:00", "on VMSYS1 run daily 02:00 now now", "expected `run` before `on`",
     "run on VMSYS1 daily 02:00", "now now",
     "2 words too many: the `run` statement ends with `02:00`, and `now now` starts no statement"),
    ("run on VMSYS1 daily 02:00", "on VMSYS1 run weekly sun 02:00 now now now  # nightly",
     "expected `run` before `on`", "run on VMSYS1 weekly sun 02:00", "now now now",
     "3 words too many: the `run` statement ends with `02:00`, and `now now now` starts no statement"),
    # was "expected `disk` or `tape` after `to`, found `BKUPPOOL`" (two choices, no fix), then
    # "one word too many" at `pool`, whose help wrote `to BKUPPOOL`
    ("to disk pool BKUPPOOL", "to BKUPPOOL pool disk now", "`to` names the medium before the pool",
     "to disk pool BKUPPOOL", "now",
     "one word too many: the `to` statement ends with `BKUPPOOL`, and `now` starts no statement"),
    ("to disk pool BKUPPOOL", "to BKUPPOOL pool disk now now", "`to` names the medium before the pool",
     "to disk pool BKUPPOOL", "now now",
     "2 words too many: the `to` statement ends with `BKUPPOOL`, and `now now` starts no statement"),
    ("to disk pool BKUPPOOL", "to pool BKUPPOOL tape now now", "`to` names the medium before the pool",
     "to tape pool BKUPPOOL", "now now",
     "2 words too many: the `to` statement ends with `BKUPPOOL`, and `now now` starts no statement"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "message", "meant", "extra", "too_many"),
    OUT_OF_ORDER_THEN_MORE,
    ids=[w for _, w, *_ in OUT_OF_ORDER_THEN_MORE],
)
def test_words_out_of_order_then_words_too_many_are_two_errors_each_help_in_order(
    clean, written, message, meant, extra, too_many, parser, monkeypatch
):
    # was three errors, the first with the help `write `run on VMSYS1 run daily 02:00
    # now``, a `run` written again where it is on the line, then "expected `on` after
    # `run`, found `daily`", then `now` one word too many, "write `run daily 02:00`":
    # the line's words but the fewest last ones make a statement in one order, whose fix
    # writes it; the last are one word or words too many after it, without a fix (they
    # may be another slip's)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    job = BASE[BASE.index("  job APPSFULL {") :]
    job = job[: job.index("  }\n")]
    text = BASE.replace(job, job.replace(clean, written, 1), 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    order, more = analysis.diagnostics
    assert (order.code, order.message, order.help) == ("BKR004", message, f"write `{meant}`")
    line = written.split("  #")[0]
    assert apply_edits(text, order.fix.edits) == text.replace(line, line.replace(line[: -len(extra) - 1], meant), 1)
    assert (more.code, more.message, more.help, more.fix) == ("BKR004", too_many, f"remove `{extra}`: write `{meant}`", None)
    assert text[more.span.start : more.span.end] == extra
    assert [too_long(d, analysis.sources) for d in analysis.diagnostics] == [[], []]


#: A job's statement out of order with one word too many inside it, in APPSFULL: (the
#: statement as written, the line, the error's message, the line in order without
#: the word, the word).
OUT_OF_ORDER_WITH_A_WORD_INSIDE = [
    # each was one error, "write `run` first, then its words in order after it", no fix
    ("run on VMSYS1 daily 02:00", "on VMSYS1 run weekly now sun 02:00", "expected `run` before `on`",
     "run on VMSYS1 weekly sun 02:00", "now"),
    ("run on VMSYS1 daily 02:00", "on VMSYS1 run weekly sun now 02:00", "expected `run` before `on`",
     "run on VMSYS1 weekly sun 02:00", "now"),
    ("run on VMSYS1 daily 02:00", "on VMSYS1 run daily now 02:00  # nightly", "expected `run` before `on`",
     "run on VMSYS1 daily 02:00", "now"),
    ("run on VMSYS1 daily 02:00", "on VMSYS1 run now daily 02:00", "expected `run` before `on`",
     "run on VMSYS1 daily 02:00", "now"),
    ("run on VMSYS1 daily 02:00", "on VMSYS1, VMSYS2 run Now monthly first sun 02:00",
     "expected `run` before `on`", "run on VMSYS1, VMSYS2 monthly first sun 02:00", "Now"),
    # was "expected `disk` or `tape` after `to`, found `BKUPPOOL`" (two choices, no fix),
    # then "one word too many" at `now`, whose help wrote `to BKUPPOOL`
    ("to disk pool BKUPPOOL", "to BKUPPOOL now pool disk", "`to` names the medium before the pool",
     "to disk pool BKUPPOOL", "now"),
    ("to disk pool BKUPPOOL", "to now BKUPPOOL pool disk", "`to` names the medium before the pool",
     "to disk pool BKUPPOOL", "now"),
    ("to disk pool BKUPPOOL", "to pool BKUPPOOL now tape  # offsite", "`to` names the medium before the pool",
     "to tape pool BKUPPOOL", "now"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "message", "meant", "extra"),
    OUT_OF_ORDER_WITH_A_WORD_INSIDE,
    ids=[w for _, w, *_ in OUT_OF_ORDER_WITH_A_WORD_INSIDE],
)
def test_words_out_of_order_with_a_word_too_many_inside_are_two_errors_the_fix_without_it(
    clean, written, message, meant, extra, parser, monkeypatch
):
    # where no order of the line's words makes a statement, nor of all but its last
    # ones, but one of all but a word between them that no statement has a place for
    # (no keyword, no value's shape, no name in capitals) does: the order's error, whose
    # fix writes it without the word, and the word's, as after a statement out of order
    # (test_words_out_of_order_then_words_too_many_are_two_errors_each_help_in_order)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    job = BASE[BASE.index("  job APPSFULL {") :]
    job = job[: job.index("  }\n")]
    text = BASE.replace(job, job.replace(clean, written, 1), 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    order, word = analysis.diagnostics
    assert (order.code, order.message, order.help) == ("BKR004", message, f"write `{meant}`")
    line = written.split("  #")[0]
    assert apply_edits(text, order.fix.edits) == text.replace(line, meant, 1)
    name = meant.split()[0]
    assert (word.code, word.message, word.help, word.fix) == (
        "BKR004", f"one word too many: the `{name}` statement has no place for `{extra}`",
        f"remove `{extra}`: write `{meant}`", None,
    )
    assert word.span.start == text.index(line) + line.index(f" {extra} ") + 1
    assert text[word.span.start : word.span.end] == extra
    assert [too_long(d, analysis.sources) for d in analysis.diagnostics] == [[], []]


def _to_line_as(written: str) -> str:
    """BASE with job APPSFULL's `to disk pool BKUPPOOL` line written as `written`."""
    return BASE.replace("    to disk pool BKUPPOOL\n    run on VMSYS1", f"    {written}\n    run on VMSYS1", 1)


def _in_appsfull(clean: str, written: str) -> str:
    """BASE with `clean`, a line of its job APPSFULL, written as `written`."""
    job = BASE[BASE.index("  job APPSFULL {") :]
    job = job[: job.index("  }\n")]
    return BASE.replace(job, job.replace(clean, written, 1), 1)


#: A job's statement read only with words the recovery supplied (its medium and `pool`,
#: `on`), then a word (or words) too many: (the statement as written, the line, the
#: second error's message, its help). Each help wrote the words before as the statement
#: (`to BKUPPOOL`, `to now`, `run VMSYS1 daily 02:00`), which does not check, and a
#: repeat's fix removed it (`to now pool disk`, `to BKUPPOOL`), which does not either.
SUPPLIED_THEN_MORE = [
    ("to disk pool BKUPPOOL", "to BKUPPOOL now pool disk tape",
     "one word too many: the `to` statement ends with `BKUPPOOL`, and `now` starts no statement",
     "remove `now`; the `to` statement is written `to disk pool NAME` or `to tape pool NAME`"),
    ("to disk pool BKUPPOOL", "to now now pool disk",
     "one word too many: the `to` statement ends with `now`, and `now` starts no statement",
     "remove `now`; the `to` statement is written `to disk pool NAME` or `to tape pool NAME`"),
    ("to disk pool BKUPPOOL", "to BKUPPOOL BKUPPOOL",
     "one word too many: the `to` statement ends with `BKUPPOOL`, and `BKUPPOOL` starts no statement",
     "remove `BKUPPOOL`; the `to` statement is written `to disk pool NAME` or `to tape pool NAME`"),
    ("to disk pool BKUPPOOL", "to pool BKUPPOOL now",
     "one word too many: the `to` statement ends with `BKUPPOOL`, and `now` starts no statement",
     "remove `now`; the `to` statement is written `to disk pool NAME` or `to tape pool NAME`"),
    ("to disk pool BKUPPOOL", "to BKUPPOOL now now",
     "2 words too many: the `to` statement ends with `BKUPPOOL`, and `now now` starts no statement",
     "remove `now now`; the `to` statement is written `to disk pool NAME` or `to tape pool NAME`"),
    ("run on VMSYS1 daily 02:00", "run VMSYS1 daily 02:00 now",
     "one word too many: the `run` statement ends with `02:00`, and `now` starts no statement",
     "remove `now`; the `run` statement is written `run on MEMBER daily HH:MM` (or another schedule)"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "message", "help"), SUPPLIED_THEN_MORE, ids=[w for _, w, *_ in SUPPLIED_THEN_MORE]
)
def test_a_word_too_many_after_words_read_with_supplied_ones_says_how_the_statement_is_written(
    clean, written, message, help, parser, monkeypatch
):
    # the words before it make no statement as written: a help that wrote them would
    # write code that does not check, and a fix that removed the repeat would leave it
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _in_appsfull(clean, written)
    first, extra = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert first.code == "BKR004"
    assert (extra.code, extra.message, extra.help, extra.fix) == ("BKR004", message, help, None)


#: A job's schedule written first, then `run on ...`, with a word too many inside the
#: line: (the line, the line in order without the word, the word). Each was one error
#: whose help and fix wrote the line with the word kept (`run on VMSYS1 daily now
#: 01:00`), which does not check.
SCHEDULE_FIRST_WITH_A_WORD_INSIDE = [
    ("daily now 01:00 run on VMSYS1", "run on VMSYS1 daily 01:00", "now"),
    ("daily 01:00 now run on VMSYS1", "run on VMSYS1 daily 01:00", "now"),
    ("weekly sun now 01:00 run on VMSYS1  # nightly", "run on VMSYS1 weekly sun 01:00", "now"),
    # the word last on the line, after the members: the same two errors (was a fix that
    # wrote `run on VMSYS1 daily 01:00 now`, and "the `run` statement ends with `01:00`")
    ("daily 01:00 run on VMSYS1 now", "run on VMSYS1 daily 01:00", "now"),
    ("weekly sun 01:00 run on VMSYS1 now  # nightly", "run on VMSYS1 weekly sun 01:00", "now"),
    # two such words last: the same, one error for both (was a fix that wrote `run on
    # VMSYS1 daily 01:00 now now`, which does not check)
    ("daily 01:00 run on VMSYS1 now now", "run on VMSYS1 daily 01:00", "now now"),
    ("weekly sun 01:00 run on VMSYS1 now please  # nightly", "run on VMSYS1 weekly sun 01:00", "now please"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "meant", "extra"), SCHEDULE_FIRST_WITH_A_WORD_INSIDE, ids=[w for w, *_ in SCHEDULE_FIRST_WITH_A_WORD_INSIDE]
)
def test_a_schedule_first_with_a_word_too_many_inside_is_two_errors_the_fix_without_it(
    written, meant, extra, parser, monkeypatch
):
    # as `on VMSYS1 run daily now 02:00` (test_words_out_of_order_with_a_word_too_many_inside_...)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _in_appsfull("run on VMSYS1 daily 02:00", written)
    order, word = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (order.code, order.message, order.help) == (
        "BKR004", "a schedule is part of the `run` statement, after the members the job runs on", f"write `{meant}`"
    )
    line = written.split("  #")[0]
    fixed = apply_edits(text, order.fix.edits)
    assert fixed == text.replace(line, meant, 1)
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []
    count = "one word" if " " not in extra else f"{len(extra.split())} words"
    assert (word.code, word.message, word.help, word.fix) == (
        "BKR004", f"{count} too many: the `run` statement has no place for `{extra}`",
        f"remove `{extra}`: write `{meant}`", None,
    )
    assert text[word.span.start : word.span.end] == extra


#: A job's schedule written first, then the members without a `,` between them: one
#: error, the order's, whose help writes the line in order with the commas and says
#: them missing, as `run on VMSYS1 VMSYS2 daily 01:00` is read (was a help and a fix
#: that dropped `VMSYS2`, `run on VMSYS1 daily 01:00`, then "one word too many" at it).
#: (the line, the line meant, what the help says is missing)
SCHEDULE_FIRST_COMMA_MISSING = [
    ("daily 01:00 run on VMSYS1 VMSYS2", "run on VMSYS1, VMSYS2 daily 01:00",
     "a `,` is missing between `VMSYS1` and `VMSYS2`"),
    ("daily 01:00 on VMSYS1 VMSYS2", "run on VMSYS1, VMSYS2 daily 01:00",
     "a `,` is missing between `VMSYS1` and `VMSYS2`"),
    ("weekly sun 01:00 run on VMSYS1 VMSYS2 VMSYS3  # nightly", "run on VMSYS1, VMSYS2, VMSYS3 weekly sun 01:00",
     "commas are missing between `VMSYS1`, `VMSYS2` and `VMSYS3`"),
    ("daily 01:00 run on VMSYS1, VMSYS2 VMSYS3", "run on VMSYS1, VMSYS2, VMSYS3 daily 01:00",
     "a `,` is missing between `VMSYS2` and `VMSYS3`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "meant", "missing"), SCHEDULE_FIRST_COMMA_MISSING, ids=[w for w, *_ in SCHEDULE_FIRST_COMMA_MISSING]
)
def test_a_schedule_first_then_members_without_their_comma_is_one_error_that_keeps_every_member(
    written, meant, missing, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    # in job SYSIN, of IDENTITY users (since h1, stop 68: in a job of single-configuration
    # users, such as APPSFULL, the fix writes one member, test_h1_68_*)
    text = BASE.replace("run on each member daily 03:30", written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == (
        "BKR004", "a schedule is part of the `run` statement, after the members the job runs on",
        f"write `{meant}`: {missing}" + H4_RUNS_ON_EACH,  # what the job then does (h4, stop 63)
    )
    fixed = apply_edits(text, found.fix.edits)
    assert fixed == text.replace(written.split("  #")[0], meant, 1)
    # as `run on VMSYS1 VMSYS2 daily 01:00` fixed: the job, for IDENTITY users, then runs
    # on some members, which the check says (every member named is the user's to weigh)
    assert [d.code for d in analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics] == ["BKR221"]
    assert too_long(found, analysis.sources) == []


#: The same, then words no statement has a place for last on the line: the order's
#: error, whose help and fix keep every member (was a help and a fix that dropped
#: `VMSYS2`, `run on VMSYS1 daily 01:00`, then "2 words too many" at `VMSYS2 now`), then
#: theirs, as after `daily 01:00 run on VMSYS1 now`: (the line, the line meant, what the
#: help says is missing, the words too many).
SCHEDULE_FIRST_COMMA_MISSING_THEN_A_WORD = [
    ("daily 01:00 run on VMSYS1 VMSYS2 now", "run on VMSYS1, VMSYS2 daily 01:00",
     "a `,` is missing between `VMSYS1` and `VMSYS2`", "now"),
    ("weekly sun 01:00 on VMSYS1, VMSYS2 VMSYS3 now  now  # nightly", "run on VMSYS1, VMSYS2, VMSYS3 weekly sun 01:00",
     "a `,` is missing between `VMSYS2` and `VMSYS3`", "now  now"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "meant", "missing", "extra"),
    SCHEDULE_FIRST_COMMA_MISSING_THEN_A_WORD,
    ids=[w for w, *_ in SCHEDULE_FIRST_COMMA_MISSING_THEN_A_WORD],
)
def test_a_schedule_first_then_members_without_their_comma_and_a_word_too_many_keeps_every_member(
    written, meant, missing, extra, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    # in job SYSIN, of IDENTITY users (since h10, stop 68: in a job of single-configuration
    # users, such as APPSFULL, the fix writes one member and its help says the words too
    # many, one error, test_h10_68_*)
    text = BASE.replace("run on each member daily 03:30", written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    order, word = analysis.diagnostics
    assert (order.code, order.message, order.help) == (
        "BKR004", "a schedule is part of the `run` statement, after the members the job runs on",
        f"write `{meant}`: {missing}" + H4_RUNS_ON_EACH,  # what the job then does (h4, stop 63)
    )
    fixed = apply_edits(text, order.fix.edits)
    assert fixed == text.replace(written.split("  #")[0], meant, 1)
    assert [d.code for d in analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics] == ["BKR221"]
    said = " ".join(extra.split())
    count = "one word" if " " not in said else f"{len(said.split())} words"
    assert (word.code, word.message, word.help, word.fix) == (
        "BKR004", f"{count} too many: the `run` statement has no place for `{said}`",
        f"remove `{said}`: write `{meant}`", None,
    )
    assert text[word.span.start : word.span.end] == extra
    assert too_long(order, analysis.sources) == too_long(word, analysis.sources) == []


#: A `weekly` schedule written first whose days are a range (as one word, or with blanks
#: around its `-`): one error, the order's, whose help and fix write the line in order
#: with the days one by one (was a help that gave the statement's form, no fix; for
#: `mon- fri`, a help and a fix writing `run on mon- weekly fri 22:00`, then "one word
#: too many" at `VMSYS1`); without the time, the help writes HH:MM, no fix: (the line,
#: the line meant, whether it is fixed).
SCHEDULE_FIRST_DAYS_RANGE = [
    ("weekly mon-fri 22:00 run on VMSYS1", "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00", True),
    ("weekly mon - fri 22:00 run on VMSYS1", "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00", True),
    ("weekly mon- fri 22:00 run on VMSYS1  # office days", "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00", True),
    ("weekly sat, mon -wed 22:00 on VMSYS1", "run on VMSYS1 weekly sat,mon,tue,wed 22:00", True),
    ("weekly mon- fri run on VMSYS1", "run on VMSYS1 weekly mon,tue,wed,thu,fri HH:MM", False),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "meant", "fixed"), SCHEDULE_FIRST_DAYS_RANGE, ids=[w for w, *_ in SCHEDULE_FIRST_DAYS_RANGE])
def test_a_schedule_first_with_a_range_of_days_is_one_error_that_writes_the_days(
    written, meant, fixed, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _in_appsfull("run on VMSYS1 daily 02:00", written)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    missing = "" if fixed else " (the time of day is missing)"
    assert (found.code, found.message, found.help) == (
        "BKR004", "a schedule is part of the `run` statement, after the members the job runs on",
        f"write `{meant}`{missing}: `weekly` takes each day by name, the days separated by commas",
    )
    assert text[found.span.start : found.span.end] == written.split("  #")[0]
    if not fixed:
        assert found.fix is None
    else:
        repaired = apply_edits(text, found.fix.edits)
        assert repaired == text.replace(written.split("  #")[0], meant, 1)
        assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


#: A `weekly` schedule whose days are a range written after `run`, before the members
#: (`run weekly mon- fri 22:00 on VMSYS1`): one error, as `run daily 22:00 on VMSYS1` is,
#: whose help and fix write the line in order with the days one by one (was "expected
#: `on` after `run`", then "`22:00` has no keyword before it", its help writing `backup
#: 22:00`); without the time, HH:MM, no fix: (the line, the line meant, whether fixed).
RUN_SCHEDULE_FIRST_DAYS_RANGE = [
    ("run weekly mon- fri 22:00 on VMSYS1", "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00", True),
    ("run weekly mon-fri 22:00 on VMSYS1", "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00", True),
    ("run weekly mon - fri 22:00 on VMSYS1  # office days", "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00", True),
    ("run weekly sat, mon -wed 22:00 on VMSYS1", "run on VMSYS1 weekly sat,mon,tue,wed 22:00", True),
    ("run weekly mon- fri on VMSYS1", "run on VMSYS1 weekly mon,tue,wed,thu,fri HH:MM", False),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "meant", "fixed"), RUN_SCHEDULE_FIRST_DAYS_RANGE, ids=[w for w, *_ in RUN_SCHEDULE_FIRST_DAYS_RANGE])
def test_run_with_a_range_of_days_before_its_members_is_one_error_that_writes_the_days(
    written, meant, fixed, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _in_appsfull("run on VMSYS1 daily 02:00", written)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    missing = "" if fixed else " (the time of day is missing)"
    assert (found.code, found.message, found.help) == (
        "BKR004", "the schedule comes after the members the job runs on, not before them",
        f"write `{meant}`{missing}: `weekly` takes each day by name, the days separated by commas",
    )
    assert text[found.span.start : found.span.end] == written.split("  #")[0].removeprefix("run ")
    if not fixed:
        assert found.fix is None
    else:
        repaired = apply_edits(text, found.fix.edits)
        assert repaired == text.replace(written.split("  #")[0], meant, 1)
        assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


#: Members named after `each member`, which names every member already: one error,
#: whose help writes the line on every member and on the members named, no fix (IDENTITY
#: users run on each member, single users on one: which is meant is the writer's). Was,
#: in order, "`VMSYS2` has no keyword before it", its help writing `daily VMSYS2`; with
#: the schedule first, the order's error, its fix writing `run on each member daily
#: 01:00` and leaving `VMSYS2`, then "one word too many" at it. (the line written in job
#: SYSIN for `run on each member daily 03:30`, the message, what the span covers, the
#: members named)
NAMES_AFTER_EACH_MEMBER = [
    ("run on each member VMSYS2 daily 03:30",
     "`each member` names every member already: `VMSYS2` after it has no place in the `run` statement",
     "VMSYS2", "VMSYS2", "daily 03:30"),
    ("run on each member VMSYS2, VMSYS3 weekly sun 03:30  # nightly",
     "`each member` names every member already: `VMSYS2` and `VMSYS3` after it have no place in the `run` statement",
     "VMSYS2, VMSYS3", "VMSYS2, VMSYS3", "weekly sun 03:30"),
    ("daily 03:30 run on each member VMSYS2",
     ("a schedule is part of the `run` statement, after the members the job runs on, and `each member` names"
      " every member already: `VMSYS2` after it has no place there"),
     "daily 03:30 run on each member VMSYS2", "VMSYS2", "daily 03:30"),
    ("daily 03:30 on each member VMSYS2 VMSYS3",
     ("a schedule is part of the `run` statement, after the members the job runs on, and `each member` names"
      " every member already: `VMSYS2` and `VMSYS3` after it have no place there"),
     "daily 03:30 on each member VMSYS2 VMSYS3", "VMSYS2, VMSYS3", "daily 03:30"),
    # without a schedule, as `run on each member` reads (was the same "no keyword before it")
    ("run on each member VMSYS2  # nightly",
     "`each member` names every member already: `VMSYS2` after it has no place in the `run` statement",
     "VMSYS2", "VMSYS2", ""),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "message", "covered", "names", "schedule"), NAMES_AFTER_EACH_MEMBER, ids=[w for w, *_ in NAMES_AFTER_EACH_MEMBER]
)
def test_members_named_after_each_member_are_one_error_whose_help_writes_both_readings(
    written, message, covered, names, schedule, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("run on each member daily 03:30", written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    every, named = (" ".join(filter(None, (placed, schedule))) for placed in ("run on each member", f"run on {names}"))
    that = "that member" if "," not in names else "those members"
    assert (found.code, found.message, found.fix) == ("BKR004", message, None)
    assert found.help == f"write `{every}` to run on every member, or `{named}` to run on {that}"
    assert text[found.span.start : found.span.end] == covered
    # each line the help writes reads: on every member, job SYSIN's (IDENTITY users) is clean
    assert analyse("prodssi.bkr", BASE.replace("run on each member daily 03:30", every, 1).encode()).diagnostics == []
    read = analyse("prodssi.bkr", BASE.replace("run on each member daily 03:30", named, 1).encode())
    assert [d.code for d in read.diagnostics if d.code < "BKR100"] == []
    assert too_long(found, analysis.sources) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_schedule_first_whose_words_make_no_statement_in_order_has_no_fix(parser, monkeypatch):
    # `daily now 01:00 on VMSYS1`, `run` left out too: `run on VMSYS1 daily now 01:00`
    # does not check, and no order of the line's words has `run` to start it
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _in_appsfull("run on VMSYS1 daily 02:00", "daily now 01:00 on VMSYS1")
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.message, found.fix) == (
        "BKR004", "a schedule is part of the `run` statement, after the members the job runs on", None
    )
    assert found.help == (
        "write `run on` and the members first, then the schedule: the `run` statement is written"
        " `run on MEMBER daily HH:MM` (or another schedule)"
    )


#: Words too many after a statement written in order, to the end of its line: (the
#: statement as written, the line, the words too many, the message).
IN_ORDER_THEN_MORE = [
    # each was BKR012, "`now` is not a keyword; a statement must start with one"
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 now now", "now now",
     "2 words too many: the `run` statement ends with `02:00`, and `now now` starts no statement"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly sun 02:00 now now now  # nightly", "now now now",
     "3 words too many: the `run` statement ends with `02:00`, and `now now now` starts no statement"),
    ("backup APPS full", "backup APPS full right now", "right now",
     "2 words too many: the `backup` statement ends with `full`, and `right now` starts no statement"),
    ("retain 35 days", "retain 35 days or so", "or so",
     "2 words too many: the `retain` statement ends with `days`, and `or so` starts no statement"),
    ("purge weekly sun 03:00", "purge weekly sun 03:00 right now", "right now",
     "2 words too many: the `purge` statement ends with `03:00`, and `right now` starts no statement"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "extra", "message"), IN_ORDER_THEN_MORE, ids=[w for _, w, *_ in IN_ORDER_THEN_MORE])
def test_words_too_many_after_a_statement_in_order_are_said_as_after_one_out_of_order(
    clean, written, extra, message, parser, monkeypatch
):
    # as `on VMSYS1 run daily 02:00 now now` says them (its second error), and as
    # `purge weekly sun 03:00 after preview` does: not "`now` is not a keyword"
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    meant = written.split("  #")[0][: -len(extra) - 1]
    assert (found.code, found.message, found.help, found.fix) == ("BKR004", message, f"remove `{extra}`: write `{meant}`", None)
    assert text[found.span.start : found.span.end] == extra
    assert too_long(found, analysis.sources) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written"),
    [
        # the statement goes on with an option, whose keyword may be left out
        ("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1 now now"),
        # names in capitals: groups the list may have been meant to go on with
        ("backup APPS full", "backup APPS full LINUX TEST"),
        # a time: a value out of place
        ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 03:00 now"),
    ],
)
def test_words_after_a_statement_that_may_be_its_values_are_not_words_too_many(clean, written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found and not any("words too many" in d.message for d in found)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_keyword_missing_before_a_word_is_not_written_again_where_it_is_on_the_line(parser, monkeypatch):
    # was "write `run on VMSYS1 run daily 02:00 now now`", then two errors more for
    # the words after `run` (that line now reads in order but its last words: two
    # errors, test_words_out_of_order_then_words_too_many_are_two_errors_each_help_in_order):
    # where no order of the line's words (nor of all but its last ones) makes a
    # statement, writing `run` again before them makes none either
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("    run on VMSYS1 daily 02:00\n  }", "    on VMSYS1 run right now daily 02:00\n  }", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.message, found.fix) == ("BKR004", "expected `run` before `on`", None)
    assert found.help == (
        "a statement starts with its keyword: write `run` first, then its words in order after it (docs/language.md)"
    )


#: A statement written where it does not belong, its one statement keyword left out,
#: over lines as `bkrc fmt` breaks a long one (`Recovery.goes_on_below`): the place, the
#: lines, and the (line, column) of each error, one line after the cluster's `}` (95)
#: or the job's `run` line (75).
OVER_LINES = [
    # the lines below go on with the first's statement: one error, at the first
    ("top level", "shared server BKRSVSFS\n                pool BKRPOOL on VMSYS1", [(95, 1)]),
    ("top level", "shared server BKRSVSFS\npool BKRPOOL\non VMSYS1", [(95, 1)]),
    ("top level", "manager shared\n                    catalog-node TCTMM on VMSYS1", [(95, 1)]),
    ("top level", "local\nserver BKRSVSFS", [(95, 1)]),
    ("job", "user LNXTEST\n      role worker", [(75, 5)]),
    # a statement below is read as written (`retain`: BKR013), so is a line the first's
    # statement does not read on with whole (`daily` after a catalog's `on VMSYS1`), a
    # line after a blank one, one with a comment, and one that is a slip of its own, its
    # keyword left out (`daily 02:00` in an expire block, `preview` or `purge`)
    ("top level", "shared server BKRSVSFS\npool BKRPOOL\nretain 35 days", [(95, 1), (97, 1)]),
    ("top level", "shared server BKRSVSFS\non VMSYS1 daily 02:00", [(95, 1), (96, 1)]),
    ("top level", "shared server BKRSVSFS\n\npool BKRPOOL", [(95, 1), (97, 1)]),
    ("top level", "shared server BKRSVSFS\npool BKRPOOL  # the pool", [(95, 1), (96, 1)]),
    ("expire", "on VMSYS1\n    daily 02:00", [(25, 5), (26, 5)]),
    ("job", "size 10 cyl\n    each member", [(75, 5), (76, 5)]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("place", "lines", "errors"), OVER_LINES, ids=[f"{p}: {w}" for p, w, _ in OVER_LINES])
def test_the_lines_of_a_statement_its_keyword_left_out_are_one_error(place, lines, errors, parser, monkeypatch):
    # was an error a line (`pool` starts no statement, `catalog-node` cannot appear in
    # the top level): the first line's error says what the word is and where it is
    # written, and the fix of that line is the fix of the lines below too
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    if place == "top level":
        text = BASE + lines + "\n"
    else:
        clean, written = PLACES[place]
        text = BASE.replace(clean, written.format(lines), 1)
    found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert [(d.span.line, d.span.column) for d in found] == errors, [f"{d.code} {d.message}" for d in found]
    assert found[0].code == "BKR004"


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("unit", sorted(DISK_UNIT_WORDS))
def test_a_disk_unit_where_a_statement_starts_is_said_to_be_one(unit, parser, monkeypatch):
    # `cyl`, `blocks`: no keyword of the grammar (the `disk` statement reads its unit
    # as a name), alone where a statement starts: BKR012, whose help says first what
    # the word is, a unit of a disk's size, and how a `disk` writes it.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean, written = PLACES["cluster"]
    text = BASE.replace(clean, written.format(f"{unit} 10"), 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR012", 26, 3)
    assert found.help.startswith(
        f"`{unit}` is a unit of a disk's size, which a `disk` statement writes after its number:"
        " `disk USER 191 size 10 cyl` (cylinders) or `size 2000 blk` (512-byte blocks)\nstatements in a `cluster` block"
    )
    assert too_long(found, analysis.sources) == []


def one_letter_slips(word: str) -> list[str]:
    """`word` with one letter left out, or two side by side swapped (not at a hyphen's
    side: `private-volum`, not `privatevolume`)."""
    slips = set()
    for i in range(len(word)):
        slips.add(word[:i] + word[i + 1 :])
        slips.add(word[:i] + word[i + 1 : i + 2] + word[i : i + 1] + word[i + 2 :])
    return sorted(s for s in slips - {word} if len(s) > 1 and "-" not in (s[0], s[-1]) and "--" not in s)


#: The statements the top level of the file takes: written there, their keyword misspelt
#: is fixed, and what they lack is a slip of its own.
TOP_LEVEL_STATEMENTS = ("cluster", "identity", "import", "single")


def test_a_statement_of_a_block_at_the_top_level_is_one_error_and_the_cluster_is_read():
    # Every statement keyword of a block, as written and misspelt by a letter, at the top
    # level of the file after the imports, with its statement's words, whole and without
    # the last (`keep 35`, `purge weekly sun`, `match LNX*`): one error at it (BKR012 or
    # BKR013, which say where it belongs), the statement's own slips on its line as its
    # home says them (homed.py: `retain 35`'s missing `days`, found the end of the
    # line), and the cluster after it read as written, a slip in it still reported. Was
    # an error at the cluster: "expected `days` after `35`, found `cluster`" (its fix
    # wrote `days`), or, after a list (`match`, `shared-volume`, `private-volume`),
    # `cluster PRODSSI` read as two more names and "a block starts with its keyword and
    # name" at its `{`, the cluster lost.
    later = BASE.replace("    workers 4\n", "    wrkers 4\n", 1)
    assert later != BASE
    line = later.split("\n").index("    wrkers 4") + 2  # one line written above it
    cascades = []
    for keyword, statement in sorted(STATEMENT_OF.items()):
        if keyword in TOP_LEVEL_STATEMENTS:
            continue
        words = statement.split()[1:]
        cut = [] if "{" in words else words[:-1]
        for written in [keyword, *one_letter_slips(keyword)]:
            for rest in dict.fromkeys([" ".join(words), " ".join(cut)]):
                text = later.replace("import std/zvm73\n", f"import std/zvm73\n{written} {rest}\n", 1)
                found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
                got = [(d.code, d.span.line) for d in found]
                own = [d for d in found[1:-1] if d.span.line == 5 and d.span.column > 1 and "`cluster`" not in d.message]
                if (
                    len(got) != 2 + len(own)
                    or got[0][1] != 5
                    or got[0][0] not in ("BKR012", "BKR013")
                    or got[-1] != ("BKR012", line)
                ):
                    cascades.append(f"{written} {rest}: " + "; ".join(f"{d.code} {d.span.line}:{d.span.column} {d.message}" for d in found))
    assert cascades == []


#: Blocks, and statements of a block, written first at the top level in
#: test_two_statements_of_blocks_at_the_top_level_are_an_error_each.
TOP_LEVEL_FIRSTS = ("member", "job", "expire", "workers", "retain", "match")


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_two_statements_of_blocks_at_the_top_level_are_an_error_each(parser, monkeypatch):
    # A block (`member VMSYS5 { workers 2 }`, a job, an expire block) or a statement of
    # one, at the top level after the imports, then every statement on the line below
    # it: each misplaced statement is its own BKR013, and the cluster after them is
    # read as written, a slip in it still reported. Was one error, at the first: the
    # cluster reopened for it took a `job`, `expire`, `disk` or `description` below as
    # its own, the job reopened for `backup` a second `backup`; or "`backup` cannot
    # appear here" (BKR004) after `workers 2`. A group or a user declared there (`single
    # group`, `identity group`, `single user`) is the top level's own: no error.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    later = BASE.replace("    workers 4\n", "    wrkers 4\n", 1)
    line = later.split("\n").index("    wrkers 4") + 3  # two lines written above it
    wrong = []
    for first in TOP_LEVEL_FIRSTS:
        for keyword, statement in sorted(STATEMENT_OF.items()):
            if keyword in ("cluster", "import"):
                continue
            text = later.replace("import std/zvm73\n", f"import std/zvm73\n{STATEMENT_OF[first]}\n{statement}\n", 1)
            found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
            second = [] if keyword in TOP_LEVEL_STATEMENTS else [("BKR013", 6, 1)]
            if [(d.code, d.span.line, d.span.column) for d in found] != [("BKR013", 5, 1), *second, ("BKR012", line, 5)]:
                wrong.append(f"{first}, {keyword}: " + "; ".join(f"{d.code} {d.span.line}:{d.span.column} {d.message}" for d in found))
    assert wrong == []


#: A statement of the top level of the file where a block's names go on, read as names
#: up to the path's `/` or the block's `{` (was BKR004 "unexpected `/zvm73`; expected
#: `match`, `}` or a name", or "this `{` has neither", with the generic help), and
#: `match` outside a group, whose reopened group read the lines below as patterns (was
#: BKR004 at the next `{` besides): one BKR013 that says where it belongs.
#: (clean, written, at, message, help)
# fmt: off
IMPORT_HELP = "put `import` lines at the top of the file, before the cluster"
TOP_LEVEL_IN_BLOCKS = [
    ("{ workers 4  private-volume M1PRV1 }", "{ workers 4  private-volume M1PRV1 import std/zvm73 }", (9, 52),
     "`import` cannot appear inside a `member` block", IMPORT_HELP),
    ("{ CICSPRD DB2PRD }", "{\n    CICSPRD\n    import std/zvm73\n    DB2PRD\n  }", (47, 5),
     "`import` cannot appear inside a `group` block", IMPORT_HELP),
    ("{ CICSPRD DB2PRD }", "{ CICSPRD import std/zvm73 DB2PRD }", (45, 31),
     "`import` cannot appear inside a `group` block", IMPORT_HELP),
    ("{ TCPIP FTPSERVE }", "{ TCPIP FTPSERVE\n    IMPORT std/zvm73\n  }", (48, 5),
     "`IMPORT` cannot appear inside a `group` block", IMPORT_HELP),
    ("    retain 35 days\n", "    retain 35 days import std/zvm73\n", (24, 20),
     "`import` cannot appear inside an `expire` block", IMPORT_HELP),
    ("    include minidisk * 0191-01FF 0200\n", "    include minidisk * 0191-01FF 0200\n    import std/zvm73\n", (71, 5),
     "`import` cannot appear inside a `job` block", IMPORT_HELP),
    ("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n  import std/zvm73\n", (19, 3),
     "`import` cannot appear inside a `cluster` block", IMPORT_HELP),
    ("{ workers 4  private-volume M1PRV1 }", "{ workers 4  private-volume M1PRV1 cluster TESTSSI { } }", (9, 52),
     "`cluster` cannot appear inside a `member` block",
     ("a file holds one `cluster NAME { ... }` block, at its top level, never inside `member VMSYS1`: move what"
      " this one holds into the cluster around it, or to a file of its own")),
    ("{ CICSPRD DB2PRD }", "{\n    CICSPRD\n    cluster TESTSSI { }\n    DB2PRD\n  }", (47, 5),
     "`cluster` cannot appear inside a `group` block",
     ("a file holds one `cluster NAME { ... }` block, at its top level, never inside `group APPS`: move what"
      " this one holds into the cluster around it, or to a file of its own")),
    ("  tape manager shared", "  match LNX*\n  tape manager shared", (26, 3),
     "`match` can only appear inside a `group { ... }` block", "put it inside a `group NAME { ... }` block"),
    ("import std/zvm73\n", "import std/zvm73\nmatch LNX*\n", (5, 1),
     "`match` can only appear inside a `group { ... }` block", "put it inside a `group NAME { ... }` block"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "at", "message", "help"), TOP_LEVEL_IN_BLOCKS, ids=[r[1].strip() for r in TOP_LEVEL_IN_BLOCKS]
)
def test_a_statement_of_the_top_level_where_names_go_on_says_where_it_belongs(
    clean, written, at, message, help, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert clean in BASE
    text = BASE.replace(clean, written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, (found.span.line, found.span.column), found.message, found.help, found.fix) == (
        "BKR013", at, message, help, None
    )
    assert too_long(found, analysis.sources) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written"),
    [
        # no path: two names, as language.md's "a word no block starts" has it
        ("{ CICSPRD DB2PRD }", "{ CICSPRD DB2PRD\n    IMPORT X\n  }"),
        ("{ CICSPRD DB2PRD }", "{ CICSPRD DB2PRD\n    CLUSTER X\n  }"),
        ("{ workers 4  private-volume M1PRV1 }", "{ workers 4  private-volume M1PRV1 IMPORT }"),
    ],
)
def test_a_top_level_keyword_without_its_path_or_brace_is_still_a_name(clean, written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    assert [d.code for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code < "BKR1"] == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("keyword", sorted(KEYWORD_PLACES))
def test_a_keyword_after_volume_labels_is_said_to_be_none(keyword, parser, monkeypatch):
    # Every keyword that starts no statement, in small letters after a member's label:
    # one error that says what the word is and where it is written, the label read on
    # without it. In capitals it is a label (`SHARED`).
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("private-volume M1PRV1 }", f"private-volume M1PRV1 {keyword} }}", 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR004", 9, 52)
    assert found.message == (
        f"`{keyword}` is a keyword, not a volume label: `private-volume` lists volume labels, which are written in capitals"
    )
    assert found.help.startswith(f"`{keyword}` {KEYWORD_PLACES[keyword]}.")
    assert found.fix is None
    assert too_long(found, analysis.sources) == []
    (member,) = [m for m in analysis.program.main.clusters[0].members if m.name.text == "VMSYS1"]
    assert [w.text for s in member.settings if s.keyword == "private-volume" for w in s.values] == ["M1PRV1"]
    upper = BASE.replace("private-volume M1PRV1 }", f"private-volume M1PRV1 {keyword.upper()} }}", 1)
    assert [d.code for d in analyse("prodssi.bkr", upper.encode("utf-8")).diagnostics if d.code < "BKR1"] == []


def test_the_keywords_placed_are_those_that_start_no_statement():
    from bkrdsl.syntax.fast import KEYWORD_PLACE_WORDS, KEYWORDS, STATEMENT_KEYWORDS

    assert set(KEYWORD_PLACES) == {k for k in KEYWORDS - STATEMENT_KEYWORDS if "-" not in k}
    assert set(KEYWORD_PLACES) == KEYWORD_PLACE_WORDS


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("keyword", sorted(KEYWORD_PLACES))
def test_a_keyword_first_in_a_volume_list_is_read_as_a_label_and_warned_of(keyword, parser, monkeypatch):
    # The same words first in the list, where the statement needs a label: read as one
    # (it was, silently), with BKR021's warning that says where the keyword is written;
    # one too long for a label is BKR305's alone. In capitals it is a label, unwarned.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("private-volume M1PRV1 }", f"private-volume {keyword} }}", 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    found = [d for d in analysis.diagnostics if d.code < "BKR1" or d.code == "BKR305"]
    (member,) = [m for m in analysis.program.main.clusters[0].members if m.name.text == "VMSYS1"]
    assert [w.text for s in member.settings if s.keyword == "private-volume" for w in s.values] == [keyword]
    if len(keyword) > 6:
        assert [(d.code, d.span.line, d.span.column) for d in found] == [("BKR305", 9, 45)]
        return
    (warned,) = found
    assert (warned.code, warned.severity, warned.span.line, warned.span.column) == ("BKR021", "warning", 9, 45)
    assert warned.message == (
        f"`{keyword}` is read as a volume of member `VMSYS1`'s `private-volume` list: `{keyword.upper()}`"
    )
    assert warned.help.startswith(f"`{keyword}` {KEYWORD_PLACES[keyword]}.")
    assert warned.help.endswith(f"write it so: `{keyword.upper()}`")
    assert too_long(warned, analysis.sources) == []
    upper = BASE.replace("private-volume M1PRV1 }", f"private-volume {keyword.upper()} }}", 1)
    assert [d.code for d in analyse("prodssi.bkr", upper.encode("utf-8")).diagnostics if d.code < "BKR1"] == []


#: A statement's keyword first in each volume list, a label after it on its line:
#: (the text replaced, the list written with `{keyword}`, where the keyword is, owner).
_STATEMENT_FIRST = [
    ("private-volume M1PRV1 }", "private-volume {keyword} M1PRV1 }", (9, 45), "member `VMSYS1`'s `private-volume`"),
    ("  shared-volume VMCOM1\n", "  shared-volume {keyword} VMCOM1\n", (18, 17), "cluster `PRODSSI`'s `shared-volume`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "at", "owner"), _STATEMENT_FIRST, ids=["private", "shared"])
@pytest.mark.parametrize("keyword", sorted(k for k in STATEMENT_KEYWORDS if "-" not in k))
def test_a_statement_keyword_first_in_a_volume_list_is_warned_of_as_its_first_label(
    keyword, clean, written, at, owner, parser, monkeypatch
):
    # `shared-volume job VMCOM5`: read as the list's labels JOB and VMCOM5, warned of at
    # `job` as a keyword first in the list is (was "`job VMCOM5` is read as 2 more
    # volumes", the run's words for labels after others), its help quoting the line,
    # whose words are labels too; one too long for a label is BKR305's alone.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    label = written.split()[-2] if clean.startswith("private") else written.split()[-1]
    text = BASE.replace(clean, written.replace("{keyword}", keyword), 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    found = [d for d in analysis.diagnostics if d.code < "BKR1" or d.code == "BKR305"]
    if len(keyword) > 6:
        assert [(d.code, d.span.line, d.span.column) for d in found] == [("BKR305", *at)]
        return
    (warned,) = found
    assert (warned.code, warned.severity, warned.span.line, warned.span.column) == ("BKR021", "warning", *at)
    assert warned.message == f"`{keyword}` is read as a volume of {owner} list: `{keyword.upper()}`"
    assert warned.help == (
        f"the list needs a label first, so `{keyword}` is read as one, and the words after it on its line as"
        f" labels too: if `{keyword} {label}` is a statement, move it to the block it belongs in; if these are"
        f" volumes, write them in upper case, as volume labels are written: `{keyword.upper()} {label}`"
    )
    assert too_long(warned, analysis.sources) == []
    upper = BASE.replace(clean, written.replace("{keyword}", keyword.upper()), 1)
    assert [d.code for d in analyse("prodssi.bkr", upper.encode("utf-8")).diagnostics if d.code < "BKR1"] == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "first", "run"),
    [
        # the first line the list's own, the next one that starts so too a run of more volumes
        ("{ workers 4\n    private-volume retain 30 days\n    purge manual\n  }", (10, 20), (11, 5)),
        # alone in the list: the first label, its help for one word (on a line of its
        # own below the keyword, `job` starts a statement: BKR010, the label missing)
        ("{ workers 4\n    private-volume Job\n  }", (10, 20), None),
    ],
)
def test_a_statement_keyword_first_leaves_the_lines_after_it_their_own_run(written, first, run, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("{ workers 4  private-volume M1PRV1 }", written, 1)
    assert text != BASE
    found = [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code == "BKR021"]
    assert [(d.span.line, d.span.column) for d in found] == [first, *([run] if run else [])]
    assert " a volume of member `VMSYS1`'s" in found[0].message
    if run:
        assert found[1].message.startswith("`purge manual` is read as 2 more volumes of member `VMSYS1`'s")
    else:
        assert found[0].help.endswith("if a volume is labelled JOB, write it so: `JOB`")


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "at"),
    [
        ("{ workers 4  private-volume M1PRV1 }", "{ workers 4  private-volume Days M1PRV1 }", (9, 45)),
        ("{ workers 4  private-volume M1PRV1 }", "{ workers 4\n    private-volume\n    shared\n  }", (11, 5)),
        ("  shared-volume VMCOM1\n", "  shared-volume on VMCOM1\n", (18, 17)),
    ],
)
def test_a_keyword_first_in_a_list_is_warned_of_wherever_the_list_starts(clean, written, at, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert [(d.code, d.span.line, d.span.column) for d in found if d.code < "BKR1"] == [("BKR021", *at)]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_statement_read_as_labels_is_still_bkr021s(parser, monkeypatch):
    # `retain 30 days` under a member's labels: a statement's line read as three labels,
    # the warning BKR021 (its `days` is no keyword written as a label on its own)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("    private-volume M2PRV1\n", "    private-volume M2PRV1\n    retain 30 days\n", 1)
    assert [(d.code, d.span.line, d.span.column) for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics] == [
        ("BKR021", 13, 5)
    ]


#: A minidisk range joined as other tools join one: (written, the range it means,
#: whether the fix writes it). Was BKR310's generic help, "an address is 1-4 hex digits
#: ...", which did not say the `:` was the slip. A `.` alone is CP's count of devices
#: (`0100.16`), no range: the generic message.
RANGES_JOINED = [
    ("0100:0FFF", "0100-0FFF", True),
    ("0100..0FFF", "0100-0FFF", True),
    ("0100...0FFF", "0100-0FFF", True),
    ("0FFF:0100", "0100-0FFF", True),  # turned round, as BKR311's fix does (h3, stop 65)
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "meant", "fixed"), RANGES_JOINED, ids=[r[0] for r in RANGES_JOINED])
def test_a_range_joined_otherwise_is_named_with_its_form(written, meant, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("include minidisk * 0100-0FFF", f"include minidisk * {written}", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    joiner = written.strip("0123456789ABCDEF")
    assert (found.code, found.span.line, found.span.column) == ("BKR310", 52, 24)
    assert found.message == f"`{written}` is not a minidisk address or range: a range is written FIRST-LAST, `{meant}`"
    assert found.help.startswith(f"write `{meant}`: a range joins its addresses with `-`, not `{joiner}`")
    assert _fix_writes(found) == (meant if fixed else None)
    if fixed:
        assert apply_edits(text, found.fix.edits) == BASE


def test_a_count_of_devices_is_not_read_as_a_range():
    text = BASE.replace("include minidisk * 0100-0FFF", "include minidisk * 0100.0FFF", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.message, found.fix) == ("BKR310", "`0100.0FFF` is not a minidisk address or range", None)


#: After a member's volume labels, what is still one more label: a word in capitals, or
#: one in small letters that begins no statement of a member block (`t`: `tape` and `to`
#: are other blocks'), or that is not first on its line.
STILL_LABELS = ["M2PRV1\n    EX", "M2PRV1\n    M2PRV2", "M2PRV1\n    t", "M2PRV1\n    x", "M2PRV1 ex"]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", STILL_LABELS)
def test_a_label_after_a_members_labels_is_still_one(written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("M2PRV1\n", written + "\n", 1)
    assert [d.code for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code < "BKR1"] == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "code", "help", "fixed"),
    [
        # the days left out (`every day except sunday at 02:00` wrote `weekly sun 02:00`,
        # the one day the job was not to run, with a fix; `daily except sun` was "unknown
        # keyword `sun`; did you mean `run`?", `daily except sat,sun 02:00` "one word too many")
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 every day except sunday at 02:00", "BKR012",
         "write `weekly mon,tue,wed,thu,fri,sat 02:00`" + FORMS, "weekly mon,tue,wed,thu,fri,sat 02:00"),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily except sun 02:00", "BKR004",
         "write `weekly mon,tue,wed,thu,fri,sat 02:00`" + FORMS, "weekly mon,tue,wed,thu,fri,sat 02:00"),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily except sat,sun 02:00", "BKR004",
         "write `weekly mon,tue,wed,thu,fri 02:00`" + FORMS, "weekly mon,tue,wed,thu,fri 02:00"),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 daily except sun", "BKR004",
         "write `weekly mon,tue,wed,thu,fri,sat HH:MM` (the time of day is missing)" + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 except sunday", "BKR012",
         "write `weekly mon,tue,wed,thu,fri,sat HH:MM` (the time of day is missing)" + FORMS, None),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekdays except fri at 22:00", "BKR012",
         "write `weekly mon,tue,wed,thu 22:00`" + FORMS, "weekly mon,tue,wed,thu 22:00"),
        ("purge weekly sun 03:00", "purge daily except sun 03:00", "BKR004",
         "write `weekly mon,tue,wed,thu,fri,sat 03:00`" + FORMS, "weekly mon,tue,wed,thu,fri,sat 03:00"),
    ],
)
def test_the_days_a_schedule_leaves_out_are_read_as_the_other_days(clean, written, code, help, fixed, parser, monkeypatch):
    """`daily except sun`: a schedule names the days it runs on; the help writes the
    other days, `weekly mon,...,sat`, fixed where the time is written."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.help) == (code, help)
    phrase = written.removeprefix("run on VMSYS2 ").removeprefix("purge ")
    assert found.message == f"`{phrase}` is not a .bkr schedule: a schedule names the days it runs on, not those it leaves out"
    assert _fix_writes(found) == fixed


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "message", "help"),
    [
        # the day and the time missing: the form, no day nor time nobody chose (the
        # message and help wrote `sun 03:00` and `1 04:00`)
        ("weekly", "expected a day of the week and a time (DAY HH:MM) after `weekly`, found `}`",
         ("write `weekly DAY HH:MM`: the day by name, `mon` to `sun` (several with commas, `mon,thu`), then the"
         " time of day on a 24-hour clock")),
        ("monthly", "expected a day of the month and a time (N HH:MM) after `monthly`, found `}`",
         ("write `monthly N HH:MM`, N the day of the month from 1 to 31 (1 to 28 is in every month),"
          " `monthly last-day HH:MM` for its last day, or `monthly first|second|third|fourth|last DAY HH:MM`"
          " for a weekday of the month")),
        ("monthly last", "expected a day of the week and a time (DAY HH:MM) after `last`, found `}`",
         "write `monthly last DAY HH:MM`: the day by name, `mon` to `sun`, then the time of day"),
        # a day no week or month has, the time missing after it: both said at once (was
        # "expected a time of day (HH:MM) after `monthly 32`", the day said wrong only
        # once the time was written)
        ("monthly 32", "`32` is not a day of the month, and the time of day (HH:MM) is missing after it",
         ("write `monthly N HH:MM`, N the day of the month from 1 to 31 (1 to 28 is in every month),"
          " `monthly last-day HH:MM` for its last day, or `monthly first|second|third|fourth|last DAY HH:MM`"
          " for a weekday of the month")),
        ("monthly 0", "`0` is not a day of the month, and the time of day (HH:MM) is missing after it",
         ("write `monthly N HH:MM`, N the day of the month from 1 to 31 (1 to 28 is in every month),"
          " `monthly last-day HH:MM` for its last day, or `monthly first|second|third|fourth|last DAY HH:MM`"
          " for a weekday of the month")),
        ("weekly su", "`su` is not a day of the week, and the time of day (HH:MM) is missing after it",
         "did you mean `sun`? write `weekly sun HH:MM`, the time of day on a 24-hour clock"),
        ("weekly mon-fri", ("`mon-fri` is not a day of the week: `weekly` takes each day by name, and the time of"
         " day (HH:MM) is missing after it"), "write `weekly mon,tue,wed,thu,fri HH:MM`, the days separated by commas"),
        ("weekly weekend", ("`weekend` is not a day of the week: `weekly` takes each day by name, and the time of"
         " day (HH:MM) is missing after it"), "write `weekly sat,sun HH:MM`, the days separated by commas"),
        # days as a crontab numbers them, the time missing: the days named, the time HH:MM
        # (was "expected a time of day (HH:MM) after `weekly 6,7`", the numbers unsaid)
        ("weekly 6,7", ("`6` and `7` are not days of the week: `weekly` takes each day by name, and the time of"
         " day (HH:MM) is missing after the days"),
         ("write `weekly sat,sun HH:MM`, if the numbers count as a crontab's do (0 and 7 are Sunday, 1 is Monday),"
          " then the time of day on a 24-hour clock")),
        ("weekly 7", ("`7` is not a day of the week: `weekly` takes each day by name, and the time of"
         " day (HH:MM) is missing after it"),
         ("write `weekly sun HH:MM`, if the numbers count as a crontab's do (0 and 7 are Sunday, 1 is Monday),"
          " then the time of day on a 24-hour clock")),
        ("weekly mon, 5", ("`5` is not a day of the week: `weekly` takes each day by name, and the time of"
         " day (HH:MM) is missing after the days"),
         ("write `weekly mon,fri HH:MM`, if the numbers count as a crontab's do (0 and 7 are Sunday, 1 is Monday),"
          " then the time of day on a 24-hour clock")),
        ("weekly sat+sun", ("`sat+sun` is not a day of the week: `weekly` takes each day by name, and the time of"
         " day (HH:MM) is missing after it"), "write `weekly sat,sun HH:MM`, the days separated by commas"),
        # a day it has: the time alone is missing, as before
        ("monthly 31", "expected a time of day (HH:MM) after `monthly 31`, found `}`",
         "write a time of day (HH:MM) after `monthly 31`"),
        ("weekly Sun", "expected a time of day (HH:MM) after `weekly Sun`, found `}`",
         "write a time of day (HH:MM) after `weekly Sun`"),
    ],
)
def test_a_schedule_left_unfinished_gets_its_form(written, message, help, parser, monkeypatch):
    """`weekly` or `monthly` without its day and time: one BKR010 whose help writes the
    schedule's form; a day no week or month has before the missing time is said too."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("run on VMSYS2 weekly sat 22:00", f"run on VMSYS2 {written}", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.message, found.help, found.fix) == ("BKR010", message, help, None)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("right", "wrong", "code", "message", "help", "fixed"),
    [
        # a `,` between two statements, as a list of settings is written elsewhere (was "a `,`
        # cannot appear here", its help about group entries, without a fix)
        ("{ workers 4  private-volume M1PRV1 }", "{ workers 4, private-volume M1PRV1 }", "BKR015",
         "a `,` cannot separate two statements: `private-volume` starts one of its own",
         "statements are separated by blanks or new lines alone: remove the `,`", "{ workers 4 private-volume M1PRV1 }"),
        # days joined by `+` (was "`sat+sun` is not a day of the week", its help the seven days)
        ("weekly sat 22:00", "weekly sat+sun 22:00", "BKR314",
         "`sat+sun` is not a day of the week: the days of `weekly` are separated by commas",
         "write `weekly sat,sun 22:00`", "weekly sat,sun 22:00"),
    ],
)
def test_a_newcomer_s_separator_is_named_and_fixed(right, wrong, code, message, help, fixed, parser, monkeypatch):
    """Slips of a first file: one error each, which names the separator the language
    takes, and whose fix writes it."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(right, wrong, 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.message, found.help) == (code, message, help)
    repaired = apply_edits(text, found.fix.edits)
    assert fixed in repaired
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


#: After the cluster's volume labels, and in a group body, what is still a name: a word
#: in capitals, one in small letters that begins no statement keyword that fits (`x`,
#: `ta` is `tape`'s but `to` a job's: see BEING_TYPED for `ex`), or in a group body no
#: `match` (`mas`), or that is not alone on its line (`ma CICSTST`).
STILL_NAMES = [
    ("VMCOM1\n", "VMCOM1\n  EX\n"),
    ("VMCOM1\n", "VMCOM1\n  x\n"),
    ("VMCOM1\n", "VMCOM1 ex\n"),
    ("APPS { CICSPRD DB2PRD }", "APPS {\n    CICSPRD\n    MA\n  }"),
    ("APPS { CICSPRD DB2PRD }", "APPS {\n    CICSPRD\n    mas\n  }"),
    ("APPS { CICSPRD DB2PRD }", "APPS {\n    CICSPRD\n    ma CICSTST\n  }"),
    ("APPS { CICSPRD DB2PRD }", "APPS { CICSPRD ma }"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written"), STILL_NAMES, ids=[w for _c, w in STILL_NAMES])
def test_a_name_where_a_keyword_may_be_begun_is_still_one(clean, written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert BASE.count(clean) == 1, clean
    text = BASE.replace(clean, written)
    assert [d.code for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code < "BKR1"] == []


#: A word that starts a line after a selection's addresses, no address and no keyword:
#: the list runs on over line breaks, so it is read as one more address, but most likely
#: a statement the block does not know was begun. BKR310 says both readings, once for
#: its line (was "`frobnicate` is not a minidisk address or range", its help about
#: addresses alone; `frob 35 days`, two BKR310s). (clean, written, at, message, block)
JOB_ADDRESSES = "    exclude minidisk * 0190 019D 019E\n    include sfs"
# fmt: off
READ_AS_ADDRESS = [
    (JOB_ADDRESSES, "    exclude minidisk * 0190 019D 019E\n    frobnicate\n    include sfs", (72, 5), "frobnicate", "job"),
    (JOB_ADDRESSES, "    exclude minidisk * 0190 019D 019E\n    frob 35 days\n    include sfs", (72, 5), "frob", "job"),
    # `retain` meant, but no retention reads on: no statement of another block either
    (JOB_ADDRESSES, "    exclude minidisk * 0190 019D 019E\n    keep\n    include sfs", (72, 5), "keep", "job"),
    (JOB_ADDRESSES, "    exclude minidisk * 0190 019D 019E\n    FROB 0191\n    include sfs", (72, 5), "FROB", "job"),
    ("    include minidisk * 0191\n    to disk", "    include minidisk * 0191\n    zz\n    to disk", (64, 5), "zz", "job"),
    ("    exclude minidisk LNX* 0192  #", "    exclude minidisk LNX* 0192\n    frobnicate  #", (14, 5), "frobnicate", "member"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "at", "word", "block"), READ_AS_ADDRESS, ids=[r[3] for r in READ_AS_ADDRESS])
def test_a_word_that_starts_a_line_after_addresses_says_both_readings(clean, written, at, word, block, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert clean in BASE
    text = BASE.replace(clean, written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    article = "a job" if block == "job" else "a member block"
    assert (found.code, (found.span.line, found.span.column), found.fix) == ("BKR310", at, None)
    assert found.message == f"`{word}` is not a minidisk address or range, and no statement of {article} starts with it"
    taken = sorted(k for k, homes in STATEMENT_HOMES.items() if block in homes)
    statements = " or ".join(", ".join(f"`{k}`" for k in taken).rsplit(", ", 1))
    assert f"if `{word}` starts a statement, those of {article} start with {statements}\nif it is an address" in found.help
    assert too_long(found, analysis.sources) == []


#: A keyword misspelt, or in other words, on the line after a list of addresses or SFS
#: paths, whose statement only another block takes: BKR012 as after the block's other
#: statements, no fix, its help where the statement belongs (was BKR310, or BKR318, at
#: each word of the line read as more of the list). (clean, written, at, message, help)
# fmt: off
MEANT_ELSEWHERE_AFTER_LIST = [
    (JOB_ADDRESSES, "    exclude minidisk * 0190 019D 019E\n    keep 35 days\n    include sfs", (72, 5),
     "unknown keyword `keep`; did you mean `retain`?",
     "`retain` belongs in an `expire on MEMBER { ... }` block: move it there"),
    (JOB_ADDRESSES, "    exclude minidisk * 0190 019D 019E\n    wrokers 2\n    include sfs", (72, 5),
     "unknown keyword `wrokers`; did you mean `workers`?", "`workers` belongs in a `member NAME { ... }` block: move it there"),
    ("    include sfs BKRPOOL:CICSPRD.*\n", "    include sfs BKRPOOL:CICSPRD.*\n    retian 35 days\n", (73, 5),
     "unknown keyword `retian`; did you mean `retain`?",
     "`retain` belongs in an `expire on MEMBER { ... }` block: move it there"),
    ("    exclude minidisk LNX* 0192", "    exclude minidisk LNX* 0192\n    bakup APPS full", (14, 5),
     "unknown keyword `bakup`; did you mean `backup`?", "`backup` belongs in a `job NAME { ... }` block: move it there"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "at", "message", "help"), MEANT_ELSEWHERE_AFTER_LIST,
    ids=[r[1].split("\n")[1].split()[0] for r in MEANT_ELSEWHERE_AFTER_LIST],
)
def test_another_block_s_keyword_misspelt_after_a_list_says_where_it_belongs(
    clean, written, at, message, help, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert clean in BASE
    text = BASE.replace(clean, written, 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, (found.span.line, found.span.column), found.message, found.help, found.fix) == (
        "BKR012", at, message, help, None
    )


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("exlude minidisk * 0191", "exclude"),
        ("too disk pool BKUPPOOL", "to"),
        ("rnu on VMSYS1 daily 01:00", "run"),
        ("bakup APPS full", "backup"),
    ],
)
def test_a_job_keyword_misspelt_after_addresses_is_still_fixed(written, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(JOB_ADDRESSES, f"    exclude minidisk * 0190 019D 019E\n    {written}\n    include sfs", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR012", 72, 5)
    assert found.message.endswith(f"did you mean `{meant}`?")
    assert found.fix is not None


@pytest.mark.parametrize("written", ["0191", "019D-019E", "*"])
def test_an_address_on_the_line_after_addresses_is_still_one(written):
    text = BASE.replace(JOB_ADDRESSES, f"    exclude minidisk * 0190\n    {written}\n    include sfs", 1)
    assert [d.code for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code == "BKR310"] == []


def test_the_homes_the_checker_names_are_the_grammar_s():
    # STATEMENT_HOMES (BKR021's and BKR310's helps, which have no parser at hand),
    # generated from the grammar's rules (bkrdsl.keywords.statement_homes, written to
    # bkrdsl/syntax/homes.py), say what the recovery derives from the parser's states
    # (Recovery.other_blocks, BKR013's), in the same order
    from lark import Token

    from bkrdsl.keywords import statement_homes
    from bkrdsl.syntax.parser import parser
    from bkrdsl.syntax.recovery import Recovery, Sim, grammar_facts

    lark = parser()
    keywords = grammar_facts(lark).keywords
    derived = {k: Recovery.other_blocks(Sim.start(lark), Token(keywords[k], k), "") for k in STATEMENT_KEYWORDS}
    assert statement_homes() == derived
    assert STATEMENT_HOMES == derived


def test_the_keywords_followed_by_a_value_are_the_grammar_s():
    # KEYWORD_VALUES (bkrdsl/syntax/followers.py, generated: the checker has no parser at
    # hand) names every keyword the grammar puts a name after, and only those: a keyword
    # added to the grammar with a value after it fails here until VALUE_KINDS classifies it
    from bkrdsl.keywords import VALUE_KINDS, keyword_followers, keyword_values
    from bkrdsl.syntax.followers import KEYWORD_VALUES

    named = {k for k, after in keyword_followers().items() if "NAME" in after}
    assert set(VALUE_KINDS) == named
    assert keyword_values() == KEYWORD_VALUES
    assert set(KEYWORD_VALUES.values()) <= {"name", "pattern", "number", "time", "day", "path"}


def test_what_follows_a_keyword_is_read_from_the_grammar_s_rules():
    # through the part a keyword ends (`first`: the ordinal of `monthly ordinal NAME NAME`,
    # `single`: a declaration's kind), to the statement's end (`full`: "")
    from bkrdsl.keywords import keyword_followers

    followers = keyword_followers()
    assert set(followers) == KEYWORDS
    assert followers["first"] == ("NAME",)
    assert followers["single"] == ("group", "user")
    assert followers["include"] == ("minidisk", "sfs")
    assert followers["on"] == ("NAME", "each")
    assert followers["full"] == ("",)
    assert followers["manager"] == ("local", "shared")
    assert followers["description"] == ("STRING",)
    assert followers["disk"] == ("", "NAME", "pool")  # a statement's owner; `to disk`, `to disk pool P`
    assert followers["shared"][:2] == ("", "catalog-dmm")  # an option may follow, or none


@pytest.mark.parametrize("followers", [{"frobnicate": ("NAME",)}, {"at": ("",)}], ids=["unclassified", "no value"])
def test_a_keyword_the_value_kinds_do_not_match_stops_the_generator(monkeypatch, followers):
    # a keyword the grammar puts a name after that VALUE_KINDS leaves out (one added to
    # the grammar), or one it classifies that takes no name: `--write` and `--check` refuse
    from bkrdsl import keywords

    changed = {**keywords.keyword_followers(), **followers}
    monkeypatch.setattr(keywords, "keyword_followers", lambda: changed)
    with pytest.raises(ValueError, match=next(iter(followers))):
        keywords.keyword_values()


def test_the_keywords_whose_name_in_a_group_body_is_the_slip_s():
    # the keywords that start no statement and take a name (not a number, a time, a day,
    # a path): their one name after them in a group body is part of the BKR021, not a
    # user (runon.keyword_phrases); from KEYWORD_VALUES, no longer from FOLLOWERS' words
    from bkrdsl.check.declarations import _takes_value

    assert _takes_value() == {"group", "minidisk", "on", "pool", "role", "server", "user"}


#: A statement read as more names of a list (BKR021): its help says where the statement
#: belongs, as BKR013's does (was "move it to the block it belongs in" after a member's
#: labels, and "move it out of the group, after its `}`" in a group body, for a job's
#: `backup` too); one name, in the singular (was "if these are user IDs, write them").
#: (clean, written, the help's start after the run, its end)
# fmt: off
READ_AS_NAMES = [
    ("{ workers 4  private-volume M1PRV1 }", "{ workers 4  private-volume M1PRV1 retain 35 days }",
     ("the list runs on to the `}` or to a statement a member block takes: if `retain 35 days` is a statement,"
     " `retain` belongs in an `expire on MEMBER { ... }` block: move it there; if these are volumes, write them")),
    ("    private-volume M2PRV1\n", "    private-volume M2PRV1\n    expire\n",
     ("the list runs on to the `}` or to a statement a member block takes: if `expire` is a statement, `expire`"
     " belongs directly inside `cluster NAME { ... }`: move it out of `member VMSYS2`, after its `}`; if this is a"
     " volume, write it")),
    ("{ CICSPRD DB2PRD }", "{ CICSPRD DB2PRD\n    workers 2\n  }",
     ("the group body holds user IDs to its `}`: if `workers 2` is a statement, `workers` belongs in a `member NAME"
     " { ... }` block: move it there; if these are user IDs, write them")),
    ("{ CICSPRD DB2PRD }", "{ CICSPRD DB2PRD\n    identity user FOO\n  }",
     ("the group body holds user IDs to its `}`: if `identity user FOO` is a statement, move it out of the group,"
     " after its `}`; if these are user IDs, write them")),
    ("{ CICSPRD DB2PRD }", "{ CICSPRD DB2PRD\n    single\n  }",
     ("the group body holds user IDs to its `}`: if `single` is a statement, move it out of the group, after its"
     " `}`; if this is a user ID, write it")),
]
# fmt: on


@pytest.mark.parametrize(("clean", "written", "help"), READ_AS_NAMES, ids=[r[1].split()[-2] for r in READ_AS_NAMES])
def test_a_statement_read_as_more_names_says_where_it_belongs(clean, written, help):
    assert clean in BASE
    text = BASE.replace(clean, written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = [d for d in analysis.diagnostics if d.code == "BKR021"]
    assert found.help.startswith(help)
    assert too_long(found, analysis.sources) == []


#: A keyword that starts no statement, or a value's word, as a slip writes it where a
#: list's names go on: alone, or with the words it takes after it (KEYWORD_PLACES, and
#: every unit and day of the week alone, VALUE_PLACE_WORDS).
PLACED_SAMPLES = {
    "shared": "shared server BKRSVSFS", "local": "local", "manager": "manager shared",
    "server": "server BKRSVSFS", "pool": "pool BKUPPOOL", "on": "on VMSYS1", "each": "each member",
    "at": "at 100", "size": "size 10 cyl", "days": "days", "full": "full", "incremental": "incremental",
    "daily": "daily 02:00", "weekly": "weekly sun 02:00", "monthly": "monthly first sun 02:00",
    "manual": "manual", "first": "first sun 02:00", "second": "second mon 02:00", "third": "third tue",
    "fourth": "fourth wed 02:00", "last": "last sun", "user": "user LNXTEST", "group": "group GRP { A }",
    "role": "role worker", "minidisk": "minidisk * 0191", "sfs": "sfs POOL:USER.DIR",
}  # fmt: skip
#: The places of PLACES where a list's names go on (group bodies, a member's labels).
LIST_PLACES = ("group", "group line", "member labels")


def test_every_keyword_placed_has_a_sample():
    from bkrdsl.syntax.fast import KEYWORD_PLACE_WORDS

    assert set(PLACED_SAMPLES) == KEYWORD_PLACE_WORDS == set(KEYWORD_PLACES)


@pytest.mark.parametrize("place", LIST_PLACES)
def test_a_keyword_or_a_value_where_names_go_on_is_one_slip_said_for_what_it_is(place, monkeypatch):
    # Every keyword that starts no statement, with the words it takes, and every unit
    # and day of the week alone, in a group body (on a line of its own, between the IDs
    # of a line) and after a member's labels: exactly one diagnostic, the same with
    # both parsers, whose help is neither the generic one nor a pointer to the docs.
    # Was: nothing at all for `cyl` or `blocks` (a user CYL, a label BLOCKS); BKR021
    # and BKR301 for `daily 02:00`, BKR309 for `size 10 cyl`, BKR204, BKR231 and BKR411
    # for `minidisk * 0191` (`*` a pattern); BKR021 and BKR208 for `server BKRSVSFS`;
    # a warning per keyword of `manager shared`; "this `{` has neither", sent to
    # docs/language.md, for `group GRP { A }`.
    from bkrdsl.syntax.fast import VALUE_PLACE_WORDS

    clean, written = PLACES[place]
    samples = {**PLACED_SAMPLES, **{word: word for word in sorted(VALUE_PLACE_WORDS - set(PLACED_SAMPLES))}}
    wrong = []
    for word, sample in sorted(samples.items()):
        text = BASE.replace(clean, written.format(sample), 1)
        said = {}
        for parser in ("fast", "lark"):
            monkeypatch.setenv("BKRDSL_PARSER", parser)
            analysis = analyse("prodssi.bkr", text.encode("utf-8"))
            said[parser] = [(d.code, d.span.line, d.span.column, d.message, d.help) for d in analysis.diagnostics]
            if parser == "fast":
                wrong += [f"{sample}: {d.code} too long" for d in analysis.diagnostics if too_long(d, analysis.sources)]
        found = said["fast"]
        if found != said["lark"]:
            wrong.append(f"{sample}: the parsers differ: {found} / {said['lark']}")
        if len(found) != 1:
            wrong.append(f"{sample}: {len(found)} diagnostics: " + "; ".join(f"{d[0]} {d[3]}" for d in found))
        wrong += [f"{sample}: {d[0]} {d[4]}" for d in found if d[4] == GENERIC_HELP or "docs/language.md" in (d[4] or "")]
    assert wrong == []


#: (place, what is written there, the one diagnostic's code and message)
# fmt: off
PARTS_WHERE_NAMES_GO = [
    ("group", "daily 02:00", "BKR013", "`daily 02:00` is a schedule, not user IDs: a group lists user IDs only"),
    ("group line", "size 10 cyl", "BKR013", "`size 10 cyl` is a disk's size, not user IDs: a group lists user IDs only"),
    ("group", "at 100", "BKR013", "`at 100` is where a disk starts on its volume, not user IDs: a group lists user IDs only"),
    ("group", "minidisk * 0191", "BKR013", "`minidisk * 0191` is a selection, not user IDs: a group lists user IDs only"),
    ("group line", "sfs POOL:USER.DIR", "BKR013", "`sfs POOL:USER.DIR` is a selection, not user IDs: a group lists user IDs only"),
    ("group", "30 seconds", "BKR013", "`30 seconds` is a wait, not user IDs: a group lists user IDs only"),
    ("group", "shared server BKRSVSFS", "BKR021",
     "`shared server BKRSVSFS` is read as 3 more users of group `APPS`: `SHARED`, `SERVER` and `BKRSVSFS`"),
    ("group", "each member", "BKR021", "`each member` is read as 2 more users of group `APPS`: `EACH` and `MEMBER`"),
    ("group", "blocks", "BKR021", "`blocks` is read as one more user of group `APPS`: `BLOCKS`"),
    ("member labels", "cyl", "BKR004",
     "`cyl` is a unit, not a volume label: `private-volume` lists volume labels, which are written in capitals"),
    ("member labels", "size 10 cyl", "BKR004",
     "`size 10 cyl` is a disk's size, not volume labels: `private-volume` lists volume labels, which are written in capitals"),
    ("group", "group GRP { A }", "BKR013",
     "`group GRP { ... }` declares a group inside `single group APPS`: groups are declared in the cluster block"),
    ("member labels", "group GRP { A }", "BKR013",
     "`group GRP { ... }` declares a group inside `member VMSYS1`: groups are declared in the cluster block"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("place", "written", "code", "message"), PARTS_WHERE_NAMES_GO, ids=[f"{r[0]}: {r[1]}" for r in PARTS_WHERE_NAMES_GO])
def test_a_statement_s_part_where_names_go_on_says_what_was_written(place, written, code, message, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean, line = PLACES[place]
    analysis = analyse("prodssi.bkr", BASE.replace(clean, line.format(written), 1).encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.fix) == (code, message, None)
    apps = next(g for g in analysis.program.main.clusters[0].groups if g.name.text == "APPS")
    users = [e.word.text for e in apps.entries]
    if code == "BKR013" and place != "member labels":
        # its words are skipped: no user `02:00`, no pattern `*` (the IDs around it kept)
        assert users == ["CICSPRD", "DB2PRD"]
    elif code == "BKR021":
        assert users[2:] == written.split()  # read as users, as before, and warned of


#: A retention written after a volume list's labels, on their line or the line below,
#: `retain` another word (`keep`, `retian`) or left out: (the list, what is written,
#: the column it starts at on its line).
# fmt: off
RETENTIONS_AFTER_LABELS = [
    ("    private-volume M2PRV1\n", "    private-volume M2PRV1\n    keep 35 days\n", "keep 35 days", (13, 5)),
    ("    private-volume M2PRV1\n", "    private-volume M2PRV1\n    retian 35 days  # a month\n", "retian 35 days", (13, 5)),
    ("    private-volume M2PRV1\n", "    private-volume M2PRV1 keep 35 days\n", "keep 35 days", (12, 27)),
    ("    private-volume M2PRV1\n", "    private-volume M2PRV1 35 days\n", "35 days", (12, 27)),
    ("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n  keep 35 days\n", "keep 35 days", (19, 3)),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "text", "written", "at"), RETENTIONS_AFTER_LABELS, ids=[r[1].strip() for r in RETENTIONS_AFTER_LABELS])
def test_a_retention_after_volume_labels_is_one_error_that_says_what_was_written(clean, text, written, at, parser, monkeypatch):
    # `keep 35 days` on the line below a member's `private-volume M2PRV1`: `keep` and
    # `35` were read as two more labels, and the one error was at `days` ("`days` is a
    # keyword, not a volume label"), which said nothing of what was written. As for
    # `size 10 cyl` there: one error over its words, a retention, written in an expire
    # block with `retain`; no fix (it is to be moved). Labels in capitals are labels.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    (found,) = analyse("prodssi.bkr", BASE.replace(clean, text, 1).encode("utf-8")).diagnostics
    keyword = clean.split()[0]
    assert (found.code, (found.span.line, found.span.column), found.span.end - found.span.start) == ("BKR004", at, len(written))
    assert found.message == (
        f"`{written}` is a retention, not volume labels: `{keyword}` lists volume labels, which are written in capitals"
    )
    assert found.help.startswith("a retention is written `retain 35 days`, in an `expire` block: write it there, out of the list")
    assert found.fix is None
    # `private-volume 35 days`: its one label is `35`, so `days` alone is the slip
    indent = clean[: len(clean) - len(clean.lstrip())]
    only = analyse("prodssi.bkr", BASE.replace(clean, f"{indent}{keyword} 35 days\n", 1).encode("utf-8"))
    assert [(d.code, d.message.split(":")[0]) for d in only.diagnostics] == [("BKR004", "`days` is a keyword, not a volume label")]


def test_a_keyword_s_value_read_as_a_user_is_not_also_the_catalog_s_server_taken():
    # `server BKRSVSFS` in a group body: the group has a user BKRSVSFS, the catalog's
    # server's ID, which BKR208 said besides BKR021. One slip: BKR021 alone. The same
    # ID as a user of its own, not after a keyword, is still BKR208's.
    text = BASE.replace("{ CICSPRD DB2PRD }", "{ CICSPRD server BKRSVSFS DB2PRD }", 1)
    assert [d.code for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics] == ["BKR021"]
    text = BASE.replace("{ CICSPRD DB2PRD }", "{ CICSPRD BKRSVSFS DB2PRD }", 1)
    assert [d.code for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics] == ["BKR208"]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "body",
    [
        # in capitals, or where every word may be an ID, a keyword's words stay user IDs
        "{ CICSPRD DAILY 0200 }",
        "{ CICSPRD SIZE CYL }",
        # a statement's line below a group whose `}` is missing is that slip's (BKR005)
        "{ CICSPRD\n  disk BKRBKUP 191 size 10 cyl",
    ],
)
def test_a_statement_s_part_is_only_where_its_words_can_be_no_ids(body, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("{ CICSPRD DB2PRD }", body, 1)
    assert "BKR013" not in [d.code for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "column"),
    [
        ("  shared-volume VMCOM1\n  manager shared catalog-node TCTMM on VMSYS1\n", 3),
        ("  shared-volume VMCOM1 VMCOM2\n  manager local  # the local catalog\n", 3),
        (("  shared-volume VMCOM1\n  manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n"
          "                      catalog-dmm TCDMM request-dmm TRDMM\n"), 3),
    ],
)
def test_tape_left_out_below_the_cluster_s_volume_labels_is_one_error(written, column, parser, monkeypatch):
    # `manager shared ...` on the line after `shared-volume VMCOM1`: Tape Manager's
    # statement, its `tape` left out, as where any cluster statement starts (was
    # "`manager shared catalog-node` is a scope, not volume labels" and "`on` is a
    # keyword, not a volume label": two errors)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    tape = BASE[BASE.index("  tape manager shared") : BASE.index("\n\n  ## Every machine")] + "\n"
    text = BASE.replace(tape, "").replace("  shared-volume VMCOM1\n", written, 1)
    found = [d for d in analyse("prodssi.bkr", text.encode()).diagnostics if d.is_error]
    line = text[: text.index("\n  manager")].count("\n") + 2
    assert [(d.code, d.span.line, d.span.column, d.message) for d in found] == [
        ("BKR004", line, column, "expected `tape` before `manager`")
    ]
    assert found[0].help.startswith("write `tape manager ")


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_manager_in_a_member_s_volume_list_is_still_a_misplaced_scope(parser, monkeypatch):
    # A member takes no `tape`: `manager shared` below its labels is said as before
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("    private-volume M2PRV1\n", "    private-volume M2PRV1\n    manager shared\n", 1)
    found = [d for d in analyse("prodssi.bkr", text.encode()).diagnostics if d.is_error]
    assert [(d.code, d.message.split(":")[0]) for d in found] == [
        ("BKR004", "`manager shared` is a scope, not volume labels")
    ]


#: Tape Manager's statement, `tape manager` left out: (the example's line it is written
#: after, that line and the statement).
# fmt: off
TAPE_MANAGER_LEFT_OUT = [
    ("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n  shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n"),
    ("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n  local catalog-node TCTMM on VMSYS1 request-node TRTMM\n"),
    ("  shared-volume VMCOM1\n", ("  shared-volume VMCOM1\n  shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n"
                                  "                      catalog-dmm TCDMM request-dmm TRDMM\n")),
    ("  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n",
     "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n  shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written"), TAPE_MANAGER_LEFT_OUT)
def test_tape_manager_left_out_before_its_scope_is_one_error(clean, written, parser, monkeypatch):
    # `shared catalog-node TCTMM on VMSYS1 request-node TRTMM` on the line after the
    # cluster's `shared-volume VMCOM1` was BKR012 "`shared` is not a keyword here; did
    # you mean `shared-volume`?" and BKR013 at `request-node`; where a cluster statement
    # starts, "expected `catalog` before `shared`" and BKR013 at `catalog-node`. An
    # option only Tape Manager takes on its line: `tape manager` left out, one error
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    tape = BASE[BASE.index("  tape manager shared") : BASE.index("\n\n  ## Every machine")] + "\n"
    text = BASE.replace(tape, "").replace(clean, written, 1)
    found = [d for d in analyse("prodssi.bkr", text.encode()).diagnostics if d.is_error]
    at = text.index(written) + len(clean)
    scope = text[at + 2 : text.index(" ", at + 2)]
    line = text[:at].count("\n") + 1
    assert [(d.code, d.span.line, d.span.column, d.message) for d in found] == [
        ("BKR004", line, 3, f"expected `tape manager` before `{scope}`")
    ]
    assert found[0].help == f"write `tape manager {scope} catalog-node TCTMM on VMSYS1 request-node TRTMM`"


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("scope", ["shared", "local"])
@pytest.mark.parametrize(
    "clean", ["  shared-volume VMCOM1\n", "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n"],
    ids=["below the labels", "where a statement starts"],
)
def test_tape_manager_left_out_before_a_line_cut_short_is_said_as_where_no_labels_are_above(
    clean, scope, parser, monkeypatch
):
    # `shared catalog-node TCTMM`, cut short, on the line after `shared-volume VMCOM1`:
    # the errors it gets where a cluster statement starts, no labels above: `tape
    # manager` left out, then the catalog node's `on` missing, each at its word, as
    # `tape manager shared catalog-node TCTMM` written whole gets the second alone
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    tape = BASE[BASE.index("  tape manager shared") : BASE.index("\n\n  ## Every machine")] + "\n"
    written = f"  {scope} catalog-node TCTMM\n"
    text = BASE.replace(tape, "").replace(clean, clean + written, 1)
    found = [d for d in analyse("prodssi.bkr", text.encode()).diagnostics if d.is_error]
    line = text[: text.index(written)].count("\n") + 1
    end = len(written) - len("TCTMM\n") + 1
    on = ("BKR004", line, end, "expected `on` after `TCTMM`, found the end of the line",
          "write `on` and the member it runs on after `TCTMM`: `on VMSYS1`, `on VMSYS2`, `on VMSYS3` or `on VMSYS4`",
          None)  # fmt: skip
    assert [(d.code, d.span.line, d.span.column, d.message, d.help, d.fix) for d in found] == [
        ("BKR004", line, 3, f"expected `tape manager` before `{scope}`",
         f"write `tape manager {scope} catalog-node TCTMM`", None),
        on,
    ]  # fmt: skip
    whole = text.replace(written, f"  tape manager {scope} catalog-node TCTMM\n", 1)
    found = [d for d in analyse("prodssi.bkr", whole.encode()).diagnostics if d.is_error]
    assert [(d.code, d.span.line, d.span.column, d.message, d.help, d.fix) for d in found] == [
        (*on[:2], on[2] + len("tape manager "), *on[3:])
    ]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("  shared-volum VMCOM2\n", "unknown keyword `shared-volum`; did you mean `shared-volume`?"),
        ("  shared VMCOM2\n", "`shared` is not a keyword here; did you mean `shared-volume`?"),
        ("  shared\n", "`shared` is not a keyword here; did you mean `shared-volume`?"),
    ],
)
def test_shared_volume_misspelt_below_the_cluster_s_labels_is_still_said_so(written, message, parser, monkeypatch):
    # no option of Tape Manager's on the line: `shared-volume` misspelt or half typed
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n" + written, 1)
    found = [d for d in analyse("prodssi.bkr", text.encode()).diagnostics if d.is_error]
    assert [(d.code, d.message) for d in found] == [("BKR012", message)]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("scope", ["shared", "local"])
def test_catalog_left_out_below_the_cluster_s_labels_is_one_error(scope, parser, monkeypatch):
    # `shared server BKRSVSFS pool BKRPOOL on VMSYS1` on the line after the cluster's
    # `shared-volume VMCOM1` was BKR012 "did you mean `shared-volume`?", whose fix wrote
    # `shared-volume server ...`; an option only the catalog takes on its line: `catalog`
    # left out, as where a cluster statement starts
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    catalog = "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n"
    assert catalog in BASE
    written = f"  {scope} server BKRSVSFS pool BKRPOOL on VMSYS1\n"
    text = BASE.replace(catalog, "").replace("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n" + written, 1)
    found = [d for d in analyse("prodssi.bkr", text.encode()).diagnostics if d.is_error]
    line = text[: text.index(written)].count("\n") + 1
    assert [(d.code, d.span.line, d.span.column, d.message) for d in found] == [
        ("BKR004", line, 3, f"expected `catalog` before `{scope}`")
    ]
    assert found[0].help == f"write `catalog {scope} server BKRSVSFS pool BKRPOOL on VMSYS1`"


#: A block opened as a CP directory opens an entry, its body a job's or a member's, outside
#: the cluster block, where neither can be: one BKR012 that says where it goes, the block
#: stepped over. `to tape` and `run on each member` are a job's lines: they once made the
#: body a cluster's (`write cluster NIGHTLY {`, and BKR013 for its `backup`), and with
#: `to disk` it was "expected `identity` or `single` before `USER`" and a `{` with no name.
DIRECTORY_BLOCKS_OUTSIDE = [
    ("USER NIGHTLY {\n  backup ALL full\n  to tape pool P\n  run on DEV1 daily 01:00\n}\n", "job"),
    ("USER NIGHTLY {\n  backup ALL full\n  to disk pool P\n  run on each member daily 01:00\n}\n", "job"),
    ("IDENTITY NIGHTLY {\n  backup ALL full\n}\n", "job"),
    ("USER NIGHTLY {\n  workers 2\n}\ncluster C {\n  member NIGHTLY { }\n}\n", "member"),
    ("single user A\nidentity NIGHTLY {\n  workers 2\n  private-volume V1\n}\nsingle user B\n", "member"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("text", "meant"), DIRECTORY_BLOCKS_OUTSIDE, ids=[t.split("\n")[1].strip() for t, _ in DIRECTORY_BLOCKS_OUTSIDE])
def test_a_directory_entry_s_block_outside_the_cluster_is_one_error_that_says_where_it_goes(text, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    found = [d for d in analyse("t.bkr", text.encode()).diagnostics if d.is_error]
    entry = re.search(r"^(USER|IDENTITY|identity) NIGHTLY", text, re.MULTILINE)
    line = text[: entry.start()].count("\n") + 1
    assert [(d.code, d.span.line, d.span.column, d.message) for d in found] == [
        ("BKR012", line, 1, f"`{entry.group(1)}` starts a user's entry in a CP directory, not a .bkr block")
    ]
    why = "its statements are a job's" if meant == "job" else "its settings are a member's"
    assert found[0].help == (
        f"{why}: write it as `{meant} NIGHTLY {{ ... }}` inside the `cluster NAME {{ ... }}` block;"
        " bkrc writes the directory entries"
    )
    assert found[0].fix is None  # the block moves: no edit in place makes it right


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_directory_entry_s_block_of_disks_is_the_cluster(parser, monkeypatch):
    # `disk` opens a cluster's statement: the body is the cluster's (it was read as a group)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = "USER PRODSSI {\n  disk BKRBKUP 191 size 10 cyl\n}\n"
    found = [d for d in analyse("t.bkr", text.encode()).diagnostics if d.is_error]
    assert [(d.code, d.help) for d in found] == [
        ("BKR012", "write `cluster PRODSSI {`: it holds the cluster's members and jobs; bkrc writes the directory entries")
    ]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "what"),
    [
        ("catalog-dmm request-dmm TRDMM", "the catalog node's Device Manager Machine (DMM) name after `catalog-dmm`"),
        ("catalog-dmm TCDMM request-dmm", "the request nodes' Device Manager Machine (DMM) name after `request-dmm`"),
    ],
)
def test_a_dmm_s_name_missing_says_which_machine_is_due(written, what, parser, monkeypatch):
    # was "expected a name after `catalog-dmm`" (messages.FOLLOWERS had no entry for the DMMs)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "catalog-dmm TCDMM request-dmm TRDMM"
    assert clean in BASE
    found = [d for d in analyse("prodssi.bkr", BASE.replace(clean, written, 1).encode()).diagnostics if d.is_error]
    assert [d.code for d in found] == ["BKR010"]
    assert found[0].message.startswith(f"expected {what}, found "), found[0].message


# a tape's own setting on the `to` line, as JCL writes it: one BKR012 whose help says it
# is Tape Manager's configuration, as on a line of its own (was two BKR004s, one whose
# help wrote `to tape pool density`); the fix removes the setting
# fmt: off
TAPE_SETTINGS_ON_TO = [
    ("to tape density 6250", "density", "density 6250", 13, "to tape"),
    ("to tape expdt 30", "expdt", "expdt 30", 13, "to tape"),
    ("to tape label SL", "label", "label SL", 13, "to tape"),
    ("to tape   retpd 30  # JCL", "retpd", "retpd 30", 15, "to tape  # JCL"),
    ("to tape density 6250 label SL", "density", "density 6250 label SL", 13, "to tape"),
    ("to tape pool BKUPPOOL density 6250", "density", "density 6250", 27, "to tape pool BKUPPOOL"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "word", "setting", "column", "fixed"), TAPE_SETTINGS_ON_TO, ids=[t[0] for t in TAPE_SETTINGS_ON_TO])
def test_a_tape_setting_on_the_to_line_is_one_error_that_says_whose_it_is(
    written, word, setting, column, fixed, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _to_line_as(written)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR012", 73, column)
    assert found.message == f"`{word}` is not a keyword of the `to` statement: `{setting}` is a tape's own setting"
    assert found.help == (
        "a tape's volume labels, density and retention are Tape Manager's own configuration, not a job's"
        f" (docs/language.md, tape): a job names its tape pool alone, `to tape pool NAME`\n"
        f"remove `{setting}`: write `{fixed.split('  #')[0]}`"
    )
    assert "pool density" not in found.help
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == _to_line_as(fixed)
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


# a `*` and words after a statement, as CMS files write a comment: BKR016, whose fix writes
# `#`, after an expire block's statement and a schedule as after `workers 4` (was BKR012,
# "`*` is not a keyword", where the word after it reads as an address, `a`; and BKR004,
# "... is not a .bkr schedule", after a schedule)
# fmt: off
STAR_COMMENTS_AFTER = [
    ("    workers 4\n", "    workers 4  * four\n", (11, 16)),
    ("    retain 35 days\n", "    retain 35 days * a month\n", (24, 20)),
    ("    preview daily 01:00\n", "    preview daily 01:00 * every day\n", (22, 25)),
    ("    purge weekly sun 03:00\n", "    purge weekly sun 03:00 * a week\n", (23, 28)),
    ("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00 * every night\n", (74, 31)),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "at"), STAR_COMMENTS_AFTER, ids=[s[1].strip() for s in STAR_COMMENTS_AFTER])
def test_a_star_and_words_after_a_statement_is_a_comment_whose_fix_writes_a_hash(clean, written, at, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR016", *at)
    assert found.message == "`*` does not start a comment in a .bkr file"
    assert found.help == "start a comment that ends a line with `#` (a `*` line is a comment in CMS files and job templates only)"
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == text.replace(written, written.replace(" * ", " # "), 1)
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


# the same settings on a `to disk` line: one BKR012 whose help says a disk pool takes
# none of them and writes `to disk` (or `to disk pool P`), its fix removing the setting
# (was the tape's help, "a job names its tape pool alone", after a pool; without one, two
# BKR004s, one whose help wrote `to disk pool density`)
# fmt: off
TAPE_SETTINGS_ON_TO_DISK = [
    ("to disk pool P density 6250", "density", "density 6250", 20, "to disk pool P"),
    ("to disk density 6250", "density", "density 6250", 13, "to disk"),
    ("to disk pool P label BKP001", "label", "label BKP001", 20, "to disk pool P"),
    ("to disk expdt 30  # JCL", "expdt", "expdt 30", 13, "to disk  # JCL"),
    ("to disk pool BKUPPOOL retpd 30 density 6250", "retpd", "retpd 30 density 6250", 27, "to disk pool BKUPPOOL"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "word", "setting", "column", "fixed"), TAPE_SETTINGS_ON_TO_DISK, ids=[t[0] for t in TAPE_SETTINGS_ON_TO_DISK]
)
def test_a_tape_setting_on_a_to_disk_line_says_a_disk_pool_takes_none(
    written, word, setting, column, fixed, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _to_line_as(written)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR012", 73, column)
    assert found.message == (
        f"`{word}` is not a keyword of the `to` statement: `{setting}` is a tape's own setting, not a disk pool's"
    )
    assert found.help == (
        "a disk pool takes none of a tape's settings (volume labels, density, retention period):"
        " a job names its disk pool alone, `to disk pool NAME`, and how long backups stay in the"
        " catalog is the `expire` block's `retain` (docs/language.md, tape)\n"
        f"remove `{setting}`: write `{fixed.split('  #')[0]}`"
    )
    assert "tape pool" not in found.help and "pool density" not in found.help
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == _to_line_as(fixed)
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("medium", "kept"), [("tape", "to tape pool BKUPPOOL"), ("disk", "to disk pool BKUPPOOL")])
def test_a_tape_setting_on_the_to_line_keeps_a_hash_inside_its_words(medium, kept, parser, monkeypatch):
    """`label BKP#01`: a `#` inside a word is the word's (a volume label may hold one),
    not a comment's start, so the setting is the whole label; and no fix may drop a
    `#` (Recovery.drops_hash), so there is none (was "`label BKP` is a tape's own
    setting", its fix writing `to tape pool BKUPPOOL#01`)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _to_line_as(f"{kept} label BKP#01  # JCL")
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.code == "BKR012"
    assert found.message.startswith("`label` is not a keyword of the `to` statement: `label BKP#01` is a tape's own setting")
    assert found.help.endswith(f"\nremove `label BKP#01`: write `{kept}`")
    assert found.fix is None


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["to disk retain 30 days", "to tape pool BKUPPOOL retain 30 days", "to disk pool BKUPPOOL retain 30 days"])
def test_a_retention_on_the_to_line_is_the_expire_block_s_retain(written, parser, monkeypatch):
    """`retain` on a job's `to` line, as JCL's RETPD: not one of a tape's own settings
    (TAPE_SETTINGS), but the `expire` block's statement written in a job, BKR013, whose
    help says where it goes, on either medium (no fix: moving it is the user's call)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _to_line_as(written)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.span.column) == ("BKR013", 5 + written.index("retain"))
    assert found.message == "`retain` cannot appear inside a `job` block"
    assert found.help == "`retain` belongs in an `expire on MEMBER { ... }` block: move it there"
    assert found.fix is None


# a tape's own setting on a line of its own in a job whose destination is a disk pool,
# above the `to disk` line or under it: the help says a disk pool takes none of them, as
# on the `to disk` line (was the tape's help, "a job names its tape pool alone, `to tape
# pool NAME`"); no fix, as on a tape job's line. A tape job keeps the tape's help.
# fmt: off
APPSFULL_TO = "    to disk pool BKUPPOOL\n    run on VMSYS1"
TAPE_SETTINGS_IN_A_DISK_JOB = [
    (APPSFULL_TO, "    to disk pool BKUPPOOL\n    density 6250\n    run on VMSYS1", "density", 74),
    (APPSFULL_TO, "    to disk pool BKUPPOOL\n    label BKP001\n    run on VMSYS1", "label", 74),
    (APPSFULL_TO, "    to disk pool BKUPPOOL\n    retpd 30  # a month\n    run on VMSYS1", "retpd", 74),
    (APPSFULL_TO, "    to disk pool BKUPPOOL\n    density\n    run on VMSYS1", "density", 74),  # the fast parser reads it
    (APPSFULL_TO, "    to disk\n    expdt 99365\n    run on VMSYS1", "expdt", 74),
    ("    backup APPS full\n", "    backup APPS full\n    density 6250\n", "density", 70),  # above `to disk`
    ("    backup APPS full\n", "    backup APPS full\n    label\n", "label", 70),
    ("    to disk pool BKUPPOOL\n    run on VMSYS2", "    to disk pool BKUPPOOL  # LNXINC\n    label SL\n    run on VMSYS2", "label", 65),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "word", "line"), TAPE_SETTINGS_IN_A_DISK_JOB, ids=[t[1].split("\n")[1].strip() + f"-{t[3]}" for t in TAPE_SETTINGS_IN_A_DISK_JOB]
)
def test_a_tape_setting_on_its_own_line_in_a_disk_job_says_a_disk_pool_takes_none(
    clean, written, word, line, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR012", line, 5)
    assert found.message == f"`{word}` is not a keyword; a statement must start with one"
    assert found.help == (
        "a disk pool takes none of a tape's settings (volume labels, density, retention period):"
        " a job names its disk pool alone, `to disk pool NAME`, and how long backups stay in the"
        " catalog is the `expire` block's `retain` (docs/language.md, tape)"
    )
    assert found.fix is None
    assert too_long(found, analysis.sources) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("setting", ["density 6250", "label"])
def test_a_tape_setting_on_its_own_line_in_a_tape_job_keeps_the_tape_s_help(setting, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    to tape\n    run on VMSYS2"  # LNXFULL
    text = BASE.replace(clean, f"    to tape\n    {setting}\n    run on VMSYS2", 1)
    assert text != BASE
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.span.line) == ("BKR012", 55)
    assert found.help.endswith("a job names its tape pool alone, `to tape pool NAME`"), found.help


@pytest.mark.parametrize(
    ("body", "medium"),
    [
        ("{\n  to disk pool P\n  label SL\n}", "disk"),
        ("{ to disk\n  label SL\n}", "disk"),  # right after the `{`
        ("{\n  label SL\n  TO DISK POOL P\n}", "disk"),  # below the setting, keywords in any case
        ("{\n  to tape  # not to disk\n  label SL\n}", "tape"),  # a comment's words are none
        ('{\n  description "to disk"\n  to tape\n}', "tape"),  # nor a text's
        ("{\n  to disk pool P\n  to tape\n}", None),  # both: none said
        ("{\n  label SL\n}\njob K {\n  to disk\n}", None),  # another job's
        ("{\n  label SL\n  run on M to disk\n}", None),  # `to` not first on its line
    ],
)
def test_job_medium_reads_the_job_s_to_lines_alone(body, medium):
    from bkrdsl.syntax.messages import job_medium

    text = f"job J {body}"
    assert job_medium(text, text.index("{")) == medium


# a retention after a job's whole `to` statement, words before its number: one BKR012
# that says a job keeps no retention and the expire block's `retain 30 days` says it, as
# after a `run` line's time, and as there no fix, which would drop the days meant (was, after
# a pool, the generic BKR012 listing the job's statements, or for `keep` "did you mean
# `retain`?"; without one, BKR004 reading `for` as the pool's name, `pool` left out, its
# fix writing `to tape pool for`, then a word too many for `30` and for `days`)
# fmt: off
RETENTIONS_ON_TO = [
    ("to disk pool BKUPPOOL for 30 days", "for", "for 30 days", 30, "to disk pool BKUPPOOL"),
    ("to tape for 30 days", "for", "for 30 days", 30, "to tape"),
    ("to tape pool BKUPPOOL for 30 days", "for", "for 30 days", 30, "to tape pool BKUPPOOL"),
    ("to disk keep 30 days", "keep", "keep 30 days", 30, "to disk"),
    ("to disk retention 30 days", "retention", "retention 30 days", 30, "to disk"),
    ("to disk pool BKUPPOOL keep 30 days", "keep", "keep 30 days", 30, "to disk pool BKUPPOOL"),
    ("to tape pool BKUPPOOL for 5 weeks", "for", "for 5 weeks", 35, "to tape pool BKUPPOOL"),
    ("to disk pool BKUPPOOL  for about 30 days  # a month", "for", "for about 30 days", 30, "to disk pool BKUPPOOL  # a month"),
    ("TO DISK FOR 30 DAYS", "FOR", "FOR 30 DAYS", 30, "TO DISK"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "word", "retention", "days", "fixed"), RETENTIONS_ON_TO, ids=[t[0] for t in RETENTIONS_ON_TO])
def test_a_retention_after_the_to_statement_points_at_the_expire_block_s_retain(
    written, word, retention, days, fixed, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _to_line_as(written)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR012", 73, 5 + written.index(word))
    assert found.span.end_column == 5 + written.index(word) + len(retention)
    assert found.message == (
        f"`{word}` is not a keyword of the `to` statement: `{retention}` is a retention, which a job does not keep:"
        f" how long backups stay in the catalog is the expire block's `retain {days} days`"
    )
    kept = fixed.split("  #")[0]
    assert found.help == (
        f"remove `{retention}`: write `{kept}`; to keep backups {days} days, write `retain {days} days` in the expire block"
    )
    assert found.fix is None
    repaired = _to_line_as(fixed)  # the help, applied
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


# the same retention without a word before its number: one BKR004, as after a `run`
# line's time (`run on VMSYS1 daily 02:00 30 days`), no fix (was, after a pool, a word too
# many at `30` and again at `days`; without one, `30` read as the pool's name, `pool` left
# out, its fix writing `to tape pool 30`, then a word too many at `days`)
BARE_RETENTIONS_ON_TO = [
    ("to disk pool BKUPPOOL 30 days", "30 days", 30, "to disk pool BKUPPOOL"),
    ("to tape 30 days", "30 days", 30, "to tape"),
    ("to tape pool BKUPPOOL 5 weeks  # a month", "5 weeks", 35, "to tape pool BKUPPOOL  # a month"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "retention", "days", "fixed"), BARE_RETENTIONS_ON_TO, ids=[t[0] for t in BARE_RETENTIONS_ON_TO])
def test_a_bare_retention_after_the_to_statement_points_at_the_expire_block_s_retain(
    written, retention, days, fixed, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _to_line_as(written)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR004", 73, 5 + written.index(retention))
    assert found.span.end_column == 5 + written.index(retention) + len(retention)
    kept = fixed.split("  #")[0]
    assert found.message == (
        f"`{retention}` is not part of `to`: the `to` statement ends with `{kept.split()[-1]}`, and a job keeps no"
        f" retention: how long backups stay in the catalog is the expire block's `retain {days} days`"
    )
    assert found.help == (
        f"remove `{retention}`: write `{kept}`; to keep backups {days} days, write `retain {days} days` in the expire block"
    )
    assert found.fix is None
    assert analyse("prodssi.bkr", _to_line_as(fixed).encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


#: A YAML `:` (or a `=`) between a keyword and its value, anywhere in its statement: the
#: help writes the statement without it, as for `run: on VMSYS1 daily 02:00` (was "write
#: the value after the keyword with a blank between them, e.g. `workers 4`", whatever the
#: keyword): (the clean text, the text written, the statement the help writes).
SIGN_BEFORE_VALUE = [
    ("retain 35 days", "retain: 35 days", "retain 35 days"),
    ("retain 35 days", "retain = 35 days  # a month", "retain 35 days"),
    ("{ workers 4  private-volume M1PRV1 }", "{ workers: 4  private-volume M1PRV1 }", "workers 4"),
    ("{ workers 4  private-volume M1PRV1 }", "{ workers=4  private-volume M1PRV1 }", "workers 4"),
    ("preview daily 01:00", "preview: daily 01:00", "preview daily 01:00"),
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size: 10 cyl", "disk BKRBKUP 191 size 10 cyl"),
    ("description \"Weekly full", "description = \"Weekly full", "description \"Weekly full backup of the Linux guests\""),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "meant"), SIGN_BEFORE_VALUE, ids=[s[1] for s in SIGN_BEFORE_VALUE])
def test_a_sign_before_a_keyword_s_value_gets_a_help_that_writes_the_statement(clean, written, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    sign = ":" if ":" in written else "="
    assert found.code == "BKR014"
    assert found.message == f"`{sign}` between a keyword and its value is not .bkr syntax"
    assert found.help == f"write `{meant}`: a blank, not `{sign}`, after the keyword"
    assert meant in BASE  # the help writes the clean file's statement
    assert analyse("prodssi.bkr", apply_edits(text, found.fix.edits).encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


#: A range of days with blanks around its `-` after `weekly`: one error, as `weekly
#: mon-fri 22:00` (BKR314) and `weekly mon-fri` (BKR010) are, whose help writes the days
#: one by one, fixed where the time is written (was "unexpected `-`; expected `,` or a
#: name", its help docs/language.md): (the clean text, the text written, the code, the
#: message, the help, the line the fix writes or None).
DAYS_RANGE_SPACED = [
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly mon - fri 22:00", "BKR004",
     "`mon - fri` is not a day of the week: `weekly` takes each day by name",
     "write `weekly mon,tue,wed,thu,fri 22:00`, the days separated by commas", "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly monday - friday 22:00  # office days", "BKR004",
     "`monday - friday` is not a day of the week: `weekly` takes each day by name",
     "write `weekly mon,tue,wed,thu,fri 22:00`, the days separated by commas", "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly sat, mon - wed 22:00", "BKR004",
     "`mon - wed` is not a day of the week: `weekly` takes each day by name",
     "write `weekly sat,mon,tue,wed 22:00`, the days separated by commas", "run on VMSYS1 weekly sat, mon,tue,wed 22:00"),
    ("purge weekly sun 03:00", "purge weekly sat - sun 03:00", "BKR004",
     "`sat - sun` is not a day of the week: `weekly` takes each day by name",
     "write `purge weekly sat,sun 03:00`, the days separated by commas", "purge weekly sat,sun 03:00"),
    # a blank on one side of the `-` alone: the same (`mon- fri 22:00` was "`22:00` has no
    # keyword before it", its help writing `backup 22:00`, `mon-` read as a day, `fri` as
    # the time)
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly mon- fri 22:00", "BKR004",
     "`mon- fri` is not a day of the week: `weekly` takes each day by name",
     "write `weekly mon,tue,wed,thu,fri 22:00`, the days separated by commas", "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly mon -fri 22:00", "BKR004",
     "`mon -fri` is not a day of the week: `weekly` takes each day by name",
     "write `weekly mon,tue,wed,thu,fri 22:00`, the days separated by commas", "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly sat, mon- wed 22:00  # late", "BKR004",
     "`mon- wed` is not a day of the week: `weekly` takes each day by name",
     "write `weekly sat,mon,tue,wed 22:00`, the days separated by commas", "run on VMSYS1 weekly sat, mon,tue,wed 22:00"),
    ("purge weekly sun 03:00", "purge weekly sat- sun 03:00", "BKR004",
     "`sat- sun` is not a day of the week: `weekly` takes each day by name",
     "write `purge weekly sat,sun 03:00`, the days separated by commas", "purge weekly sat,sun 03:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly mon - fri", "BKR010",
     "`mon - fri` is not a day of the week: `weekly` takes each day by name, and the time of day (HH:MM) is missing after it",
     "write `weekly mon,tue,wed,thu,fri HH:MM`, the days separated by commas", None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly mon -fri", "BKR010",
     "`mon -fri` is not a day of the week: `weekly` takes each day by name, and the time of day (HH:MM) is missing after it",
     "write `weekly mon,tue,wed,thu,fri HH:MM`, the days separated by commas", None),
    # a blank after the `-` alone and no time: `mon-` read as a day and `fri` as the time,
    # which parses, so the checker's (was BKR314 "`mon-` is not a day of the week", its fix
    # writing `weekly mon fri`, then BKR313 at `fri`, its help writing `weekly mon-,fri HH:MM`)
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly mon- fri", "BKR314",
     "`mon- fri` is not a day of the week: `weekly` takes each day by name, and the time of day (HH:MM) is missing after it",
     "write `weekly mon,tue,wed,thu,fri HH:MM`, the days separated by commas", None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly sat, mon- wed  # late", "BKR314",
     "`mon- wed` is not a day of the week: `weekly` takes each day by name, and the time of day (HH:MM) is missing after it",
     "write `weekly sat,mon,tue,wed HH:MM`, the days separated by commas", None),
    ("purge weekly sun 03:00", "purge weekly sat- sun", "BKR314",
     "`sat- sun` is not a day of the week: `weekly` takes each day by name, and the time of day (HH:MM) is missing after it",
     "write `purge weekly sat,sun HH:MM`, the days separated by commas", None),
    # a word where the time goes, last on the line (`now`): the same one error, which says
    # it is no time, its help writing the line with HH:MM, no fix (was "`now` has no
    # keyword before it", its help writing `backup now`; `mon - fri now`, "unexpected `-`")
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly mon- fri now", "BKR004",
     "`mon- fri` is not a day of the week: `weekly` takes each day by name, and `now` is not a time of day",
     ("write `run on VMSYS1 weekly mon,tue,wed,thu,fri HH:MM`: the days separated by commas, then the time of day"
      " on a 24-hour clock"), None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly mon - fri now  # office days", "BKR004",
     "`mon - fri` is not a day of the week: `weekly` takes each day by name, and `now` is not a time of day",
     ("write `run on VMSYS1 weekly mon,tue,wed,thu,fri HH:MM`: the days separated by commas, then the time of day"
      " on a 24-hour clock"), None),
    ("purge weekly sun 03:00", "purge weekly sat- sun soon", "BKR004",
     "`sat- sun` is not a day of the week: `weekly` takes each day by name, and `soon` is not a time of day",
     "write `purge weekly sat,sun HH:MM`: the days separated by commas, then the time of day on a 24-hour clock", None),
    # without `weekly`, as `mon-fri 22:00` there, whose fix writes it (was a help and a fix
    # that wrote `weekly mon,fri 22:00`, Tuesday to Thursday dropped; then no fix)
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 mon - fri 22:00", "BKR012",
     "`mon - fri` names days of the week, and `weekly` is missing before them: a schedule starts with how often it runs",
     "write `weekly mon,tue,wed,thu,fri 22:00`: `weekly` takes each day by name, the days separated by commas",
     "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00"),
    # its dash a typographic one (U+2013, pasted from a document): the same (was a help
    # writing `weekly mon,fri 22:00`, Tuesday to Thursday dropped, and no word of the dash)
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 mon \u2013 fri 22:00", "BKR012",
     "`mon \u2013 fri` names days of the week, and `weekly` is missing before them: a schedule starts with how often it runs",
     "write `weekly mon,tue,wed,thu,fri 22:00`: `weekly` takes each day by name, the days separated by commas",
     "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 mon\u2013fri 22:00", "BKR012",
     "`mon\u2013fri` names days of the week, and `weekly` is missing before them: a schedule starts with how often it runs",
     "write `weekly mon,tue,wed,thu,fri 22:00`: `weekly` takes each day by name, the days separated by commas",
     "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 mon - fri", "BKR012",
     "`mon - fri` names days of the week, and `weekly` is missing before them: a schedule starts with how often it runs",
     ("write `weekly mon,tue,wed,thu,fri HH:MM` (the time of day is missing): `weekly` takes each day by name,"
      " the days separated by commas"), None),
    # days as one word without `weekly` and without the time: the time said missing, no fix
    # (was "a `,` is missing between `VMSYS1` and `Monday-Friday`", its fix making the days
    # a member, BKR330; `purge sat-sun`, "expected `daily`, ... after `purge`")
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 Monday-Friday", "BKR012",
     "`Monday-Friday` names days of the week, and `weekly` is missing before them: a schedule starts with how often it runs",
     ("write `weekly mon,tue,wed,thu,fri HH:MM` (the time of day is missing): `weekly` takes each day by name,"
      " the days separated by commas"), None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 mon-fri  # office days", "BKR012",
     "`mon-fri` names days of the week, and `weekly` is missing before them: a schedule starts with how often it runs",
     ("write `weekly mon,tue,wed,thu,fri HH:MM` (the time of day is missing): `weekly` takes each day by name,"
      " the days separated by commas"), None),
    ("purge weekly sun 03:00", "purge sat-sun", "BKR012",
     "`sat-sun` names days of the week, and `weekly` is missing before them: a schedule starts with how often it runs",
     ("write `purge weekly sat,sun HH:MM` (the time of day is missing): `weekly` takes each day by name,"
      " the days separated by commas"), None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "code", "message", "help", "fixed"), DAYS_RANGE_SPACED, ids=[d[1] for d in DAYS_RANGE_SPACED])
def test_a_range_of_days_spaced_or_without_weekly_and_time_gets_the_days_one_by_one(
    clean, written, code, message, help, fixed, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == (code, message, help)
    words = written.split("  #")[0].split()
    first = next(w for w in words[1:] if w.lower() not in ("on", "vmsys1", "weekly", "sat,"))
    assert found.span.start == text.index(written) + written.index(f" {first}") + 1
    if fixed is None:
        assert found.fix is None
    else:
        repaired = apply_edits(text, found.fix.edits)
        assert repaired == text.replace(written.split("  #")[0], fixed, 1)
        assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


#: A range of days after `weekly` whose dash is a typographic one (U+2013, U+2014, pasted
#: from a document): one error, the character's (BKR003), which says `weekly` takes no
#: range, its help writing the line with the days one by one and its fix writing them
#: over the range where the time is written; without the time, HH:MM, no fix (was
#: BKR003, its help writing `-`, then "`22:00` has no keyword before it", its help
#: writing `backup 22:00`): (the clean text, the text written, the line the help
#: writes, the line the fix writes or None).
DAYS_RANGE_TYPOGRAPHIC = [
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly mon \u2013 fri 22:00",
     "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00", "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly mon\u2013fri 22:00  # office days",
     "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00", "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly sat, mon \u2014 wed 22:00",
     "run on VMSYS1 weekly sat, mon,tue,wed 22:00", "run on VMSYS1 weekly sat, mon,tue,wed 22:00"),
    ("purge weekly sun 03:00", "purge weekly sat \u2013 sun 03:00", "purge weekly sat,sun 03:00", "purge weekly sat,sun 03:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly mon \u2013 fri", "run on VMSYS1 weekly mon,tue,wed,thu,fri HH:MM", None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "meant", "fixed"), DAYS_RANGE_TYPOGRAPHIC, ids=[d[1] for d in DAYS_RANGE_TYPOGRAPHIC])
def test_a_range_of_days_with_a_typographic_dash_is_one_error_that_writes_the_days(
    clean, written, meant, fixed, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    dash = next(c for c in written if c in "\u2013\u2014")
    missing = "" if fixed else " (the time of day is missing)"
    assert (found.code, found.message, found.help) == (
        "BKR003",
        f"the dash U+{ord(dash):04X} cannot appear here, and `weekly` takes no range of days: it takes each day by name",
        (f"write `{meant}`{missing}, the days separated by commas; typographic dashes come from text pasted out of a"
         " word processor or a web page"),
    )
    assert text[found.span.start : found.span.end] == dash
    if fixed is None:
        assert found.fix is None
    else:
        repaired = apply_edits(text, found.fix.edits)
        assert repaired == text.replace(written.split("  #")[0], fixed, 1)
        assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


#: A range of days (or days joined by `+`) in a schedule written in English, `at` before
#: its time: one error whose help writes the days one by one (was `daily 22:00`, the
#: days dropped): (the line written for `run on VMSYS1 daily 02:00`, the code, the
#: schedule the help writes).
DAYS_RANGE_IN_A_PHRASE = [
    ("run on VMSYS1 weekly mon-fri at 22:00", "BKR004", "weekly mon,tue,wed,thu,fri 22:00"),
    ("run on VMSYS1 weekly sat+sun at 22:00  # weekend", "BKR004", "weekly sat,sun 22:00"),
    ("run on VMSYS1 every mon-fri at 22:00", "BKR012", "weekly mon,tue,wed,thu,fri 22:00"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "code", "meant"), DAYS_RANGE_IN_A_PHRASE, ids=[d[0] for d in DAYS_RANGE_IN_A_PHRASE])
def test_a_range_of_days_in_a_schedule_phrase_keeps_its_days(written, code, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("run on VMSYS1 daily 02:00", written, 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.code == code
    assert found.help.startswith(f"write `{meant}`\n")
    clean = BASE.replace("run on VMSYS1 daily 02:00", f"run on VMSYS1 {meant}", 1)
    assert analyse("prodssi.bkr", clean.encode("utf-8")).diagnostics == []


#: `pool` left out of a job's `to` line, then words no statement has a place for: the
#: pool's error, whose fix writes the line with `pool` and without them, then theirs,
#: whose help writes it too (was a fix that wrote `to disk pool BKUPPOOL now`, which does
#: not check, and a help that gave the statement's form, `to disk pool NAME` or `to tape
#: pool NAME`, as if the medium were unwritten): (the line, the line meant, the words).
POOL_LEFT_OUT_THEN_MORE = [
    ("to disk BKUPPOOL now", "to disk pool BKUPPOOL", "now"),
    ("to tape BKUPPOOL now  # offsite", "to tape pool BKUPPOOL", "now"),
    ("to disk BKUPPOOL now now", "to disk pool BKUPPOOL", "now now"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "meant", "extra"), POOL_LEFT_OUT_THEN_MORE, ids=[p[0] for p in POOL_LEFT_OUT_THEN_MORE])
def test_pool_left_out_then_a_word_too_many_the_fix_and_help_write_the_line(written, meant, extra, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _to_line_as(written)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    pool, word = analysis.diagnostics
    medium = meant.split()[1]
    assert (pool.code, pool.message, pool.help) == (
        "BKR004", f"the pool's name follows the word `pool`: `{meant}`",
        f"write `{meant}`, or `to {medium}` to name no pool",
    )
    line = written.split("  #")[0]
    fixed = apply_edits(text, pool.fix.edits)
    assert fixed == text.replace(line, meant, 1)
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []
    count = "one word" if " " not in extra else f"{len(extra.split())} words"
    assert (word.code, word.message, word.help, word.fix) == (
        "BKR004", f"{count} too many: the `to` statement ends with `BKUPPOOL`, and `{extra}` starts no statement",
        f"remove `{extra}`: write `{meant}`", None,
    )
    assert [too_long(d, analysis.sources) for d in analysis.diagnostics] == [[], []]


#: A tape's own setting on a line of its own under a job's addresses or SFS paths, which
#: run on over line breaks: one error for the line, with the help the line gets on its
#: own elsewhere in a job (was BKR318 for `density` and again for `6250`, each "names no
#: file pool", or BKR310, "no statement of a job starts with it").
TAPE_SETTING_UNDER_A_LIST = [
    # LNXFULL writes to tape
    ("    exclude minidisk * 0190 019D 019E 0300  # 0300: each guest's V-DISK swap, empty at logon\n",
     "    exclude minidisk * 0190 019D 019E 0300\n    include sfs BKRPOOL:LNXWEB01.*\n    density 6250\n",
     "BKR318 55:5", "`density 6250` is a tape's own setting, not more SFS paths: the paths of `include sfs`", "tape"),
    ("    include minidisk * 0100-0FFF\n", "    include minidisk * 0100-0FFF\n    density 6250\n",
     "BKR310 53:5", ("`density 6250` is a tape's own setting, not more minidisk addresses: the addresses of"
                     " `include minidisk`"), "tape"),
    ("    include minidisk * 0100-0FFF\n", "    include minidisk * 0191\n    label SL  # standard labels\n",
     "BKR310 53:5", "`label SL` is a tape's own setting, not more minidisk addresses", "tape"),
    # APPSFULL writes to a disk pool
    ("    include sfs BKRPOOL:CICSPRD.*\n", "    include sfs BKRPOOL:CICSPRD.*\n    density 6250\n",
     "BKR318 73:5", "`density 6250` is a tape's own setting, not more SFS paths", "disk"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "at", "message", "medium"),
    TAPE_SETTING_UNDER_A_LIST,
    ids=[f"{t[1].split(chr(10))[-2].strip()} {t[2]}" for t in TAPE_SETTING_UNDER_A_LIST],
)
def test_a_tape_setting_under_a_job_s_addresses_or_paths_is_one_error_that_says_whose_it_is(
    clean, written, at, message, medium, parser, monkeypatch
):
    from bkrdsl.syntax.messages import DISK_SETTINGS_HELP, TAPE_SETTINGS_HELP

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (diag,) = analysis.diagnostics
    assert f"{diag.code} {diag.span.line}:{diag.span.column}" == at
    assert diag.message.startswith(message)
    assert diag.help == (DISK_SETTINGS_HELP if medium == "disk" else TAPE_SETTINGS_HELP)
    assert too_long(diag, analysis.sources) == []
    # the help's own line, for comparison: a line of its own elsewhere in the job
    alone = BASE.replace(clean, "    density 6250\n" + clean, 1)
    (own,) = analyse("prodssi.bkr", alone.encode("utf-8")).diagnostics
    assert own.help == diag.help


def test_a_tape_setting_in_capitals_under_paths_is_left_a_path_and_one_in_a_member_block_an_address():
    """`LABEL` in capitals may be a path without its pool (BKR318 as before); in a member
    block, where no tape is written, the address's own error (BKR310) as before."""
    text = BASE.replace("    include sfs BKRPOOL:CICSPRD.*\n", "    include sfs BKRPOOL:CICSPRD.*\n    LABEL\n", 1)
    (diag,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert diag.code == "BKR318" and "names no file pool" in diag.message
    text = BASE.replace("exclude minidisk LNX* 0192", "exclude minidisk LNX* 0192\n    density 6250", 1)
    (diag,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert diag.code == "BKR310" and "no statement of a member block starts with it" in diag.message


#: Commas between a statement's values, which blanks separate: one error for the line's
#: commas, whose help writes it without them and whose fix removes them (a `disk` line
#: was the generic BKR015 at each `,`, "a `,` cannot appear here"; a selection's
#: addresses and its owner were one error already).
COMMAS_BETWEEN_VALUES = [
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP, 191, size 10 cyl", "31:15",
     "`,` does not separate the values of a `disk` statement: they are separated by blanks",
     "remove each `,`: write `disk BKRBKUP 191 size 10 cyl`"),
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191, size 10 cyl", "31:19",
     "`,` does not separate the values of a `disk` statement: they are separated by blanks",
     "remove the `,`: write `disk BKRBKUP 191 size 10 cyl`"),
    ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP,191,size,10,cyl  # A-disk", "31:15",
     "`,` does not separate the values of a `disk` statement: they are separated by blanks",
     "remove each `,`: write `disk BKRBKUP 191 size 10 cyl`"),
    ("disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000", "disk BKRSVSFS, 191, size 20 cyl, on VMCOM1, at 1000", "34:16",
     "`,` does not separate the values of a `disk` statement: they are separated by blanks",
     "remove each `,`: write `disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000`"),
    # other statements whose values take no list (was the generic BKR015, "a `,` cannot
    # appear here", whose help spoke of `on VMSYS1, VMSYS2` and group entries, no fix)
    ("retain 35 days", "retain 35, days", "24:14",
     "`,` does not separate the values of a `retain` statement: they are separated by blanks",
     "remove the `,`: write `retain 35 days`"),
    ("    workers 4\n    private-volume M2PRV1", "    workers, 4\n    private-volume M2PRV1", "11:12",
     "`,` does not separate the values of a `workers` statement: they are separated by blanks",
     "remove the `,`: write `workers 4`"),
    ("purge weekly sun 03:00", "purge, weekly sun 03:00", "23:10",
     "`,` does not separate the values of a `purge` statement: they are separated by blanks",
     "remove the `,`: write `purge weekly sun 03:00`"),
    ("to disk pool BKUPPOOL\n    run on VMSYS2", "to disk pool, BKUPPOOL\n    run on VMSYS2", "64:17",
     "`,` does not separate the values of a `to` statement: they are separated by blanks",
     "remove the `,`: write `to disk pool BKUPPOOL`"),
    ("to disk pool BKUPPOOL\n    run on VMSYS2", "to disk, pool BKUPPOOL  # the pool\n    run on VMSYS2", "64:12",
     "`,` does not separate the values of a `to` statement: they are separated by blanks",
     "remove the `,`: write `to disk pool BKUPPOOL`"),
    ("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "catalog shared, server BKRSVSFS, pool BKRPOOL on VMSYS1",
     "20:17", "`,` does not separate the values of a `catalog` statement: they are separated by blanks",
     "remove each `,`: write `catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1`"),
    ("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "catalog shared server BKRSVSFS pool, BKRPOOL on VMSYS1",
     "20:38", "`,` does not separate the values of a `catalog` statement: they are separated by blanks",
     "remove the `,`: write `catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1`"),
    ("tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM",
     "tape manager shared, catalog-node TCTMM on VMSYS1, request-node TRTMM", "26:22",
     "`,` does not separate the values of a `tape manager` statement: they are separated by blanks",
     "remove each `,`: write `tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM`"),
    # a `description`'s `,` before its text (was BKR010 "found `,` without quotes",
    # its help writing `description ","`)
    ('description "Weekly full backup of the Linux guests"', 'description, "Weekly full backup of the Linux guests"',
     "50:16", "`,` does not separate the values of a `description` statement: they are separated by blanks",
     'remove the `,`: write `description "Weekly full backup of the Linux guests"`'),
    ('description "Weekly full backup of the Linux guests"', 'description,"Weekly full backup of the Linux guests"',
     "50:16", "`,` does not separate the values of a `description` statement: they are separated by blanks",
     'remove the `,`: write `description "Weekly full backup of the Linux guests"`'),
    ("include minidisk * 0191-01FF 0200", "include minidisk * 0191-01FF, 0200", "70:33",
     "`,` does not separate the minidisk addresses of a selection: they are separated by blanks",
     "remove the `,`: write `include minidisk * 0191-01FF 0200`"),
    ("exclude minidisk * 0190 019D 019E\n    include sfs", "exclude minidisk *, 0190 019D 019E\n    include sfs", "71:23",
     "`,` does not separate the owner and the addresses of a minidisk selection: they are separated by blanks",
     "remove the `,`: write `exclude minidisk * 0190 019D 019E`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "at", "message", "help"), COMMAS_BETWEEN_VALUES, ids=[c[1] for c in COMMAS_BETWEEN_VALUES]
)
def test_commas_between_a_statement_s_values_are_one_error_whose_fix_removes_them(
    clean, written, at, message, help, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (diag,) = analysis.diagnostics
    assert (diag.code, f"{diag.span.line}:{diag.span.column}") == ("BKR015", at)
    assert diag.message == message
    assert diag.help == help
    assert too_long(diag, analysis.sources) == []
    fixed = apply_edits(text, diag.fix.edits)
    assert fixed == BASE.replace(clean, re.sub(", ?", " ", written), 1)
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []


#: ... a `description`'s text with a `,` of its own, or too long for the help to write:
#: the one error, its fix removing the `,` before the text alone.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("text_written", "help"),
    [
        ('"Weekly, full"  # guests', 'remove the `,`: write `description "Weekly, full"`'),
        ('"Weekly full backup of every Linux guest of the cluster, each member"',
         "remove the `,`, and write the values separated by blanks"),
    ],
)
def test_a_comma_before_a_description_s_text_is_one_error_whose_fix_removes_it(text_written, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = 'description "Weekly full backup of the Linux guests"'
    text = BASE.replace(clean, f"description , {text_written}", 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (diag,) = analysis.diagnostics
    assert (diag.code, diag.span.line, diag.span.column, diag.help) == ("BKR015", 50, 17, help)
    fixed = apply_edits(text, diag.fix.edits)
    assert fixed == BASE.replace(clean, f"description {text_written}", 1)
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []


#: A `to tape` line's pool after a `,` (the job's `to tape` is whole before it).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["to tape pool, SCRATCH", "to tape, pool SCRATCH"])
def test_commas_on_a_to_tape_line_are_one_error_whose_fix_removes_them(written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    to tape\n    run on VMSYS2 weekly"
    text = BASE.replace(clean, f"    {written}\n    run on VMSYS2 weekly", 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (diag,) = analysis.diagnostics
    assert (diag.code, diag.span.line, diag.span.column) == ("BKR015", 54, written.index(",") + 5)
    assert diag.message == "`,` does not separate the values of a `to` statement: they are separated by blanks"
    assert diag.help == "remove the `,`: write `to tape pool SCRATCH`"
    fixed = apply_edits(text, diag.fix.edits)
    assert fixed == BASE.replace(clean, "    to tape pool SCRATCH\n    run on VMSYS2 weekly", 1)
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []


#: A `,` between a block's name and its `{` (`member VMSYS1, {`): one error whose fix
#: removes it (was, for `member`, "a `member` block declares one member", its help
#: writing a block for each other member; else the generic BKR015, no fix). Where the
#: block takes a list (`expire on VMSYS1, {`) or names a second member after the `,`,
#: as before.
BRACE_COMMAS = [
    ("member VMSYS1 {", "member VMSYS1, {", "9:16", "member VMSYS1"),
    ("job LNXFULL {", "job LNXFULL , {  # weekly", "49:15", "job LNXFULL"),
    ("single group APPS {", "single group APPS,{", "45:20", "single group APPS"),
    ("cluster PRODSSI {", "cluster PRODSSI, {", "6:16", "cluster PRODSSI"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "at", "head"), BRACE_COMMAS, ids=[b[1] for b in BRACE_COMMAS])
def test_a_comma_before_a_block_s_brace_is_one_error_whose_fix_removes_it(clean, written, at, head, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (diag,) = analysis.diagnostics
    assert (diag.code, f"{diag.span.line}:{diag.span.column}") == ("BKR015", at)
    assert diag.message == f"a `,` cannot stand before the `{{`: `{head}` opens its block with `{{` alone"
    assert diag.help == f"remove the `,`: write `{head} {{`"
    assert too_long(diag, analysis.sources) == []
    fixed = apply_edits(text, diag.fix.edits)
    assert fixed == BASE.replace(clean, written.replace(" ,", ",").replace(",{", ", {").replace(", {", " {"), 1)
    assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_comma_before_a_second_member_s_name_still_says_a_member_block_declares_one(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("member VMSYS1 {", "member VMSYS1, VMSYS2 {", 1)
    (diag,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert diag.message == "a `,` cannot appear here: a `member` block declares one member"


#: A `disk` line's commas and a second slip (`size: 10 cyl`, `size` or the unit left
#: out): the commas' one error, whose help writes no line (the line is no statement
#: without them alone) and whose fix removes them, then the slip's own error, as
#: without the commas, its help writing the line without them; the fixes together
#: make the line one that checks, where the slip's error has a fix (was the generic
#: BKR015, "a `,` cannot appear here", at each `,`, no fix; with `size` left out after
#: a `,`, `191, 10 cyl`, that error alone; BKR014's help wrote the commas).
COMMAS_AND_A_SLIP = [
    ("disk BKRBKUP, 191, size: 10 cyl", "BKR014", "31:26",
     "write `disk BKRBKUP 191 size 10 cyl`: a blank, not `:`, after the keyword", "disk BKRBKUP 191 size 10 cyl"),
    ("disk BKRBKUP,191,size=10,cyl", "BKR014", "31:24",
     "write `disk BKRBKUP 191 size 10 cyl`: a blank, not `=`, after the keyword", "disk BKRBKUP 191 size 10 cyl"),
    ("disk BKRBKUP, 0191 10 cyl", "BKR004", "31:22", "write `size` after `0191`", "disk BKRBKUP 0191 size 10 cyl"),
    ("disk BKRBKUP 191, 10 cyl", "BKR004", "31:21", "write `size` after `191`", "disk BKRBKUP 191 size 10 cyl"),
    ("disk BKRBKUP, 191, siz 10 cyl", "BKR012", "31:22", "write `size`", "disk BKRBKUP 191 size 10 cyl"),
    ("disk BKRBKUP, 191, size 10", "BKR010", "31:27", "write a unit (cyl) after `size 10`", None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "code", "at", "help", "meant"), COMMAS_AND_A_SLIP, ids=[c[0] for c in COMMAS_AND_A_SLIP])
def test_commas_between_a_disk_s_values_and_a_second_slip_are_two_errors_whose_fixes_agree(
    written, code, at, help, meant, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("disk BKRBKUP 191 size 10 cyl", written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    commas, slip = analysis.diagnostics
    many = written.count(",") > 1
    assert (commas.code, commas.span.line, commas.span.column) == ("BKR015", 31, written.index(",") + 3)
    assert commas.message == "`,` does not separate the values of a `disk` statement: they are separated by blanks"
    them = "each `,`" if many else "the `,`"
    assert commas.help == f"remove {them}, and write the values separated by blanks"
    assert (slip.code, f"{slip.span.line}:{slip.span.column}", slip.help) == (code, at, help)
    assert not [quoted for quoted in re.findall(r"`[^`]*`", slip.message + slip.help) if "," in quoted]
    for diag in (commas, slip):
        assert too_long(diag, analysis.sources) == []
    edits = tuple(e for d in (commas, slip) if d.fix is not None for e in d.fix.edits)
    fixed = apply_edits(text, edits)
    if meant is not None:
        assert fixed == BASE.replace("disk BKRBKUP 191 size 10 cyl", meant, 1)
        assert analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics == []
    else:
        assert "disk BKRBKUP 191 size 10\n" in fixed
        assert [d.code for d in analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics] == [code]


#: The catalog's scope written after its options, not right after `catalog`: one error at
#: the scope, whose help writes the line with it moved, and whose fix moves it (was
#: "expected `local` or `shared` after `catalog`", whose help wrote `shared`, then
#: "expected `catalog` before `shared`", whose help wrote a second catalog statement,
#: `catalog shared on VMSYS1`): (the line, the help's line, the line the fix writes or None).
SCOPE_AFTER_OPTIONS = [
    ("catalog server BKRSVSFS pool BKRPOOL shared on VMSYS1", "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1",
     "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"),
    ("catalog server BKRSVSFS shared pool BKRPOOL on VMSYS1  # the cluster's", "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1",
     "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1  # the cluster's"),
    ("catalog server BKRSVSFS pool BKRPOOL on VMSYS1 Shared", "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1",
     "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"),
    ("catalog server BKRSVSFS pool BKRPOOL local", "catalog local server BKRSVSFS pool BKRPOOL",
     "catalog local server BKRSVSFS pool BKRPOOL"),
    # a local catalog's server runs on every member: `on` is left out of the help, no fix
    ("catalog server BKRSVSFS pool BKRPOOL on VMSYS1 local",
     "catalog local server BKRSVSFS pool BKRPOOL`: a local catalog's server runs on every member, so `on VMSYS1` does nothing",
     None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "meant", "fixed"), SCOPE_AFTER_OPTIONS, ids=[s[0] for s in SCOPE_AFTER_OPTIONS])
def test_a_catalog_scope_after_its_options_is_one_error_whose_fix_moves_it(written, meant, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"
    text = BASE.replace(clean, written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    scope = next(w for w in written.split() if w.lower() in ("shared", "local"))
    assert (found.code, found.message, found.help) == (
        "BKR004", f"the catalog's scope, `{scope}`, comes right after `catalog`", f"write `{meant}`" if fixed else f"write `{meant}",
    )
    assert (found.span.line, found.span.column) == (20, 3 + written.index(scope))
    if fixed is None:
        assert found.fix is None
    else:
        repaired = apply_edits(text, found.fix.edits)
        assert repaired == text.replace(written, fixed, 1)
        after = analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics
        assert [d.code for d in after if d.code < "BKR100"] == []
    assert too_long(found, analysis.sources) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_pool_named_shared_is_no_scope_after_the_options(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "catalog server BKRSVSFS pool SHARED", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.message == "expected `local` or `shared` after `catalog`, found `server`"


#: Every minidisk written in English where `minidisk` takes its owner, in capitals too
#: and with an address after it: one error at the word, whose help writes the statement
#: with `*` (was, for `ALL` alone, "expected a minidisk address or range after `minidisk
#: ALL`"; for `ALL ALL`, BKR116 and BKR310 for the second `ALL`; for `ALL 0190`, BKR406,
#: the job backing up no user ALL): (the clean line, the line written, its code, the
#: help's line or the help, the line the fix writes or None).
EXCLUDE_EVERY_HELP = (
    "write the owner, then the addresses to leave out, `*` for every owner: `exclude minidisk * 0190` leaves every"
    " owner's 0190 out (`exclude minidisk * *` would leave the job nothing to back up)"
)
EVERY_OWNER_IN_ENGLISH = [
    ("    include minidisk * 0191\n    to disk", "    include minidisk ALL\n    to disk", "BKR010",
     "write `include minidisk * *` for every minidisk of every owner: `*` for the owner, then `*` for the addresses",
     "    include minidisk * *\n    to disk"),
    ("    include minidisk * 0191\n    to disk", "    include minidisk all\n    to disk", "BKR010",
     "write `include minidisk * *` for every minidisk of every owner: `*` for the owner, then `*` for the addresses",
     "    include minidisk * *\n    to disk"),
    ("    exclude minidisk * 0190 019D 019E\n", "    exclude minidisk ALL\n", "BKR010",
     EXCLUDE_EVERY_HELP, None),
    ("    include minidisk * 0191\n    to disk", "    include minidisk ALL ALL\n    to disk", "BKR310",
     "write `include minidisk * *`: `*` for every owner, then `*` for every address", "    include minidisk * *\n    to disk"),
    ("    include minidisk * 0191\n    to disk", "    include minidisk all all\n    to disk", "BKR310",
     "write `include minidisk * *`: `*` for every owner, then `*` for every address", "    include minidisk * *\n    to disk"),
    ("    exclude minidisk * 0190 019D 019E\n", "    exclude minidisk ALL 019D\n", "BKR310",
     "write `exclude minidisk * 019D`: `*` for every owner", "    exclude minidisk * 019D\n"),
    ("    exclude minidisk * 0190 019D 019E\n", "    exclude minidisk all 0190 019D\n", "BKR310",
     "write `exclude minidisk * 0190 019D`: `*` for every owner", "    exclude minidisk * 0190 019D\n"),
    ("    exclude minidisk * 0190 019D 019E\n", "    exclude minidisk ALL ALL\n", "BKR310",
     EXCLUDE_EVERY_HELP, None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "code", "help", "fixed"), EVERY_OWNER_IN_ENGLISH, ids=[e[1].split("\n")[0].strip() for e in EVERY_OWNER_IN_ENGLISH])
def test_every_owner_in_english_is_one_error_whose_help_writes_a_star(clean, written, code, help, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    # APPSFULL's lines (its exclude) or LNXINC's (its include): once, in that job
    text = BASE.replace(clean, written, 1) if "exclude" in clean else BASE.replace(
        "    include minidisk * 0191\n    to disk pool", written.replace("to disk", "to disk pool"), 1
    )
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    owner = written.split()[2]
    assert (found.code, found.message, found.help) == (
        code, f"`minidisk` takes an owner, then addresses: `{owner}` was read as the owner", help,
    )
    line = written.split("\n")[0]
    assert found.span.line == text[: text.index(line)].count("\n") + 1
    if fixed is None:
        assert found.fix is None
    else:
        repaired = apply_edits(text, found.fix.edits)
        assert repaired == text.replace(line, fixed.split("\n")[0], 1)
        assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "code", "message"),
    [
        ("include minidisk ALL", "BKR010",
         "expected a minidisk address or range (0191, 0100-01FF or *) after `minidisk ALL`, found the end of the line"),
        ("include minidisk ALL 0300", None, None),
    ],
)
def test_a_user_named_all_is_the_owner_all(written, code, message, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("single group APPS { CICSPRD DB2PRD }", "single group APPS { CICSPRD DB2PRD ALL }", 1)
    text = text.replace("    include minidisk * 0191-01FF 0200\n", f"    include minidisk * 0191-01FF 0200\n    {written}\n", 1)
    found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert [(d.code, d.message) for d in found] == ([(code, message)] if code else [])


# ------------------------------------------------------------------------------------
# Stop 61, helper h4: a sweep of slips in statements other than `run`, `disk`,
# `description` and a member block's commas (catalog, tape manager, expire, selections,
# groups, import, a job's `backup` and `to`). Each is (the clean text, the text written,
# the one diagnostic's code, message and help, the line its fix writes or None).


def _one_slip(clean: str, written: str) -> tuple[str, object]:
    """examples/prodssi.bkr with `clean` written as `written` once, and its analysis."""
    assert BASE.count(clean) >= 1, clean
    text = BASE.replace(clean, written, 1)
    return text, analyse("prodssi.bkr", text.encode("utf-8"))


def _assert_one_error(text, analysis, code, message, help, fixed):
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == (code, message, help)
    if fixed is None:
        assert found.fix is None
    else:
        repaired = apply_edits(text, found.fix.edits)
        assert fixed in repaired.split("\n"), repaired
        assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


# fmt: off
H4_DESTINATIONS = [
    # a word for `to` before a job's medium (was: after SFS paths, the fix wrote `on to tape`,
    # `on` read as one more path; after a `backup` line, "expected `run` before `on`", help `run on tape`)
    ("    to disk pool BKUPPOOL\n    run on VMSYS1", "    on tape\n    run on VMSYS1", "BKR004",
     "a job's destination starts with `to`, not `on`: `to tape`", "write `to tape`, or `to tape pool NAME`",
     "    to tape"),
    ("    to disk pool BKUPPOOL\n    run on VMSYS1", "    into disk pool BKUPPOOL\n    run on VMSYS1", "BKR004",
     "a job's destination starts with `to`, not `into`: `to disk`", "write `to disk pool BKUPPOOL`",
     "    to disk pool BKUPPOOL"),
    ("    include minidisk * 0191\n    to tape\n    run on each member daily 03:30",
     "    on tape\n    include minidisk * 0191\n    run on each member daily 03:30", "BKR004",
     "a job's destination starts with `to`, not `on`: `to tape`", "write `to tape`, or `to tape pool NAME`",
     "    to tape"),
    ("    include minidisk * 0191\n    to tape\n    run on each member daily 03:30",
     "    ON DISK POOL BKUPPOOL\n    include minidisk * 0191\n    run on each member daily 03:30", "BKR004",
     "a job's destination starts with `to`, not `ON`: `to disk`", "write `to disk pool BKUPPOOL`",
     "    to DISK POOL BKUPPOOL"),
    # the medium in the plural: one error (was a second, "the pool's name follows the word
    # `pool`: `to tape pool s`", whose fix wrote `to tapepool s`)
    ("    to disk pool BKUPPOOL\n    run on VMSYS1", "    to tapes\n    run on VMSYS1", "BKR012",
     "unknown keyword `tapes`; did you mean `tape`?", "write `tape`: bkrc reads `tapes` as `tape` followed by a name `s`",
     "    to tape"),
    ("    to disk pool BKUPPOOL\n    run on VMSYS1", "    to disks pool BKUPPOOL\n    run on VMSYS1", "BKR012",
     "unknown keyword `disks`; did you mean `disk`?", "write `disk`: bkrc reads `disks` as `disk` followed by a name `s`",
     "    to disk pool BKUPPOOL"),
    # `member` between `on` and the member's name (was, for `expire`, a `,` missing between
    # `member` and `VMSYS1`, whose fix named a member MEMBER; for the catalog and the catalog
    # node, "expected a member name after `on`" and a `member` block, two or three errors)
    ("  expire on VMSYS1 {", "  expire on member VMSYS1 {", "BKR004",
     "`member` is not written after `on`: `on` is followed by the member's name itself",
     "write `expire on VMSYS1 {`, or `expire on each member {` to expire on every member", "  expire on VMSYS1 {"),
    ("  expire on VMSYS1 {", "  EXPIRE ON MEMBERS VMSYS1 {", "BKR004",
     "`MEMBERS` is not written after `on`: `on` is followed by the member's name itself",
     "write `expire on VMSYS1 {`, or `expire on each member {` to expire on every member", "  EXPIRE ON VMSYS1 {"),
    ("pool BKRPOOL on VMSYS1\n", "pool BKRPOOL on member VMSYS1\n", "BKR004",
     "`member` is not written after `on`: `on` is followed by the member's name itself",
     "write `on VMSYS1`: `catalog` names one member after `on`",
     "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"),
    ("catalog-node TCTMM on VMSYS1", "catalog-node TCTMM on member VMSYS1", "BKR004",
     "`member` is not written after `on`: `on` is followed by the member's name itself",
     "write `on VMSYS1`: `catalog-node` names one member after `on`",
     "  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "code", "message", "help", "fixed"), H4_DESTINATIONS, ids=[s[1].strip() for s in H4_DESTINATIONS]
)
def test_h4_a_destination_or_member_written_in_english_is_one_error_whose_fix_checks(
    clean, written, code, message, help, fixed, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    _assert_one_error(text, analysis, code, message, help, fixed)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h4_the_medium_in_the_plural_before_pool_without_its_name_is_two_errors(parser, monkeypatch):
    # `to tapes pool`: the plural, and the pool's name missing (was "`s pool` has its two words
    # the wrong way round", whose fix wrote `to tapepool s`)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("    to disk pool BKUPPOOL\n    run on VMSYS1", "    to tapes pool\n    run on VMSYS1")
    assert [(d.code, d.message) for d in analysis.diagnostics] == [
        ("BKR012", "unknown keyword `tapes`; did you mean `tape`?"),
        ("BKR010", "expected a pool name after `pool`, found the end of the line"),
    ]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "message", "help", "fixed"),
    [
        # the line names its pool already: the name after `sfs` is the server (the fix wrote
        # `pool BKRSVSFS`, a second `pool`: BKR115, BKR212)
        ("catalog shared sfs BKRSVSFS pool BKRPOOL on VMSYS1", "the catalog's SFS server follows the word `server`, not `sfs`",
         "write `server BKRSVSFS`: the file pool's server follows `server`, the file pool itself `pool`",
         "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"),
        ("catalog shared pool BKRPOOL sfs BKRSVSFS on VMSYS1", "the catalog's SFS server follows the word `server`, not `sfs`",
         "write `server BKRSVSFS`: the file pool's server follows `server`, the file pool itself `pool`",
         "catalog shared pool BKRPOOL server BKRSVSFS on VMSYS1"),
        # the line names its server: the name after `sfs` is the pool, as before
        ("catalog shared server BKRSVSFS sfs BKRPOOL on VMSYS1", "the catalog's SFS file pool follows the word `pool`, not `sfs`",
         "write `pool BKRPOOL`; the file pool's server follows `server`: `catalog shared server BKRSVSFS pool BKRPOOL`",
         "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"),
    ],
)
def test_h4_sfs_before_the_catalog_s_server_is_written_server(written, message, help, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", written)
    _assert_one_error(text, analysis, "BKR004", message, help, f"  {fixed}")


# fmt: off
H4_SFS_PATHS = [
    # `pool` before a path, as the catalog names its file pool (was "SFS path `pool` names no
    # file pool", whose help wrote `BKRPOOL:pool`; with the pool apart from its path, a second
    # BKR318 whose fix kept `pool`)
    ("    include sfs pool BKRPOOL:CICSPRD.*",
     "`pool` is not written before an SFS path: the path names its file pool before its `:`",
     "remove `pool`: write `BKRPOOL:CICSPRD.*`, the file pool, a `:` and the user ID in one word",
     "    include sfs BKRPOOL:CICSPRD.*"),
    ("    include sfs pool BKRPOOL CICSPRD.*",
     "`pool` is not written before an SFS path: the path names its file pool before its `:`",
     "remove `pool`: write `BKRPOOL:CICSPRD.*`, the file pool, a `:` and the user ID in one word",
     "    include sfs BKRPOOL:CICSPRD.*"),
    # the file pool joined to the user ID with `.` (was "names no file pool", whose help wrote
    # `BKRPOOL:BKRPOOL.CICSPRD.*`)
    ("    include sfs BKRPOOL.CICSPRD.*",
     "SFS path `BKRPOOL.CICSPRD.*` joins its file pool `BKRPOOL` to the user ID with `.`: CMS writes POOL:USER.DIR",
     "write `BKRPOOL:CICSPRD.*`: a `:` after the file pool, a `.` before each directory",
     "    include sfs BKRPOOL:CICSPRD.*"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "message", "help", "fixed"), H4_SFS_PATHS, ids=[s[0].strip() for s in H4_SFS_PATHS])
def test_h4_an_sfs_path_written_with_pool_or_a_dot_is_one_error_whose_fix_checks(
    written, message, help, fixed, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("    include sfs BKRPOOL:CICSPRD.*", written)
    _assert_one_error(text, analysis, "BKR318", message, help, fixed)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h4_a_path_of_a_pool_named_nowhere_joined_with_a_dot_is_still_a_path_without_its_pool(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("    include sfs BKRPOOL:CICSPRD.*", "    include sfs OTHER.CICSPRD.*")
    (found,) = analysis.diagnostics
    assert found.message == "SFS path `OTHER.CICSPRD.*` names no file pool; write it POOL:USER.DIR"


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "message", "help", "fixed"),
    [
        # a word between `retain` and its number (was "unexpected `35` after `for`: one word too
        # many", whose help removed the number)
        ("    retain for 35 days", "`for` is not written after `retain`: the number of days follows `retain` itself",
         "write `retain 35 days`", "    retain 35 days"),
        ("    RETAIN KEEP 35 DAYS", "`KEEP` is not written after `retain`: the number of days follows `retain` itself",
         "write `retain 35 days`", "    RETAIN 35 DAYS"),
        ("    retain for 5 weeks", "`for` is not written after `retain`, and `retain` counts days, not weeks",
         "write `retain 35 days`", "    retain 35 days"),
    ],
)
def test_h4_a_word_between_retain_and_its_number_is_one_error_whose_fix_removes_it(
    written, message, help, fixed, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("    retain 35 days", written)
    _assert_one_error(text, analysis, "BKR004", message, help, fixed)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("example", "clean", "written"),
    [
        # a YAML `:` after the file's first `import`, .bkr statements below it: one BKR014 whose fix
        # removes it (was BKR009, "this looks like YAML, not a .bkr file", and the file read no further)
        ("prodssi.bkr", "import std/backup-manager", "import: std/backup-manager"),
        ("prodssi.bkr", "import std/backup-manager", "import = std/backup-manager"),
        ("with-site.bkr", "import ./site/common", "import: ./site/common"),
    ],
)
def test_h4_a_colon_after_the_first_import_is_one_bkr014_not_yaml(example, clean, written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    path = ROOT / "examples" / example
    text = path.read_text(encoding="utf-8").replace(clean, written, 1)
    analysis = analyse(example, text.encode("utf-8"), path=path)
    (found,) = analysis.diagnostics
    sign = written.split()[0][-1] if written.split()[0][-1] == ":" else "="
    assert (found.code, found.message) == ("BKR014", f"`{sign}` between a keyword and its value is not .bkr syntax")
    assert found.help == f"write `{clean}`: a blank, not `{sign}`, after the keyword"
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == path.read_text(encoding="utf-8")


def test_h4_a_file_of_yaml_keys_is_still_yaml():
    for text in ("cluster: PROD\nmembers:\n  - A\n", "# notes\n\ncluster: PROD\n", "import: std/zvm73\ncluster: X\n"):
        assert analyse("x.bkr", text.encode("utf-8")).diagnostics[0].code == "BKR009", text


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["import std/backup-manager, std/zvm73", "import std/backup-manager,std/zvm73"])
def test_h4_modules_listed_with_a_comma_after_one_import_are_one_error_whose_fix_splits_them(written, parser, monkeypatch):
    # was BKR015, "a `,` cannot appear here", without a fix
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("import std/backup-manager\nimport std/zvm73", written)
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == (
        "BKR004",
        "one `import` reads one module: `std/zvm73` needs an `import` of its own",
        "write each module on its own line: `import std/backup-manager`, then `import std/zvm73`",
    )
    assert apply_edits(text, found.fix.edits) == BASE


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "help", "fixed"),
    [
        # `group` left out before a group's name and `{` (the help said "write `group` or `user`
        # after `single`", without a fix; the `{` says which; alone on its line, `single g` may
        # be `group` half typed, and keeps that help)
        ("  single group LINUX {", "  single LINUX {", "write `single group LINUX {`: a `{` opens a group's list of users",
         "  single group LINUX { LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }"),
    ],
)
def test_h4_a_declaration_without_group_or_user_is_fixed_as_its_brace_says(clean, written, help, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    name = fixed.split()[2]
    message = f"expected `group` or `user` after `single`, found `{name}`"
    _assert_one_error(text, analysis, "BKR004", message, help, fixed)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "level"),
    [("backup SYSIDS --incremental", "incremental"), ("backup SYSIDS -incremental", "incremental"),
     ("backup SYSIDS --level=incremental", "incremental"), ("backup APPS --FULL", "full")],
)
def test_h4_a_level_written_as_an_option_is_one_error_whose_fix_writes_the_level(written, level, parser, monkeypatch):
    # was, for `--`, BKR016 whose fix made the level a comment (`#incremental`: the job a full one)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    group, option = written.split()[1:]
    text, analysis = _one_slip(f"    backup {group} {level}", f"    {written}")
    message = f"`{option}` is written `{level}` in .bkr: the level follows the groups as a word of its own"
    _assert_one_error(text, analysis, "BKR004", message, f"write `backup {group} {level}`", f"    backup {group} {level}")


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("word", "code"), [("at", "BKR004"), ("member", "BKR004"), ("in", "BKR012")])
def test_h4_the_catalog_node_s_member_named_with_another_word_is_one_error_whose_fix_writes_on(
    word, code, parser, monkeypatch
):
    # was "expected `on` after `TCTMM`, found `at`", its help naming every member, without a fix
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("catalog-node TCTMM on VMSYS1", f"catalog-node TCTMM {word} VMSYS1")
    _assert_one_error(
        text, analysis, code, f"the catalog node names its member with `on`, not `{word}`",
        "write `catalog-node TCTMM on VMSYS1`", "  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM",
    )


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "sign"),
    [
        # a `=` (or YAML's `:`) after each keyword of one statement: one BKR014 whose help writes
        # the statement without any and whose fix removes them all (was one BKR014 for each, each
        # help writing the line with the others still there)
        ("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "catalog shared server=BKRSVSFS pool=BKRPOOL on=VMSYS1", "="),
        ("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "catalog shared server: BKRSVSFS pool: BKRPOOL on VMSYS1", ":"),
        ("catalog-node TCTMM on VMSYS1 request-node TRTMM", "catalog-node = TCTMM on VMSYS1 request-node = TRTMM", "="),
    ],
)
def test_h4_a_sign_after_each_keyword_of_a_statement_is_one_error_whose_fix_removes_them_all(
    clean, written, sign, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    line = next(n for n in BASE.split("\n") if clean in n).strip()
    _assert_one_error(
        text, analysis, "BKR014", f"`{sign}` between a keyword and its value is not .bkr syntax",
        f"write `{line}`: a blank, not `{sign}`, after the keyword", f"  {line}",
    )

# --- h1 (session 61): slips a z/VM system programmer makes, found last session -------------

#: A `weekly` schedule written first whose days are a range, then `run on` and members
#: without their `,`: one error, whose help and fix write the line in order, the days
#: one by one and the `,` between the members (was the statement's form, no fix).
SCHEDULE_FIRST_RANGE_COMMAS = [
    ("weekly mon-fri 22:00 run on VMSYS1 VMSYS2", "run on VMSYS1, VMSYS2 weekly mon,tue,wed,thu,fri 22:00",
     "; a `,` is missing between `VMSYS1` and `VMSYS2`"),
    ("weekly mon - fri 22:00 run on VMSYS1 VMSYS2 VMSYS3", "run on VMSYS1, VMSYS2, VMSYS3 weekly mon,tue,wed,thu,fri 22:00",
     "; commas are missing between `VMSYS1`, `VMSYS2` and `VMSYS3`"),
    ("weekly mon-fri 22:00 on VMSYS1, VMSYS2 VMSYS3", "run on VMSYS1, VMSYS2, VMSYS3 weekly mon,tue,wed,thu,fri 22:00",
     "; a `,` is missing between `VMSYS2` and `VMSYS3`"),
    ("weekly mon-fri run on VMSYS1 VMSYS2", "run on VMSYS1, VMSYS2 weekly mon,tue,wed,thu,fri HH:MM",
     "; a `,` is missing between `VMSYS1` and `VMSYS2`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "meant", "said"), SCHEDULE_FIRST_RANGE_COMMAS, ids=[c[0] for c in SCHEDULE_FIRST_RANGE_COMMAS])
def test_a_weekly_range_first_with_members_without_commas_is_one_error(written, meant, said, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("run on VMSYS2 daily 23:30", written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    missing = " (the time of day is missing)" if meant.endswith("HH:MM") else ""
    assert (found.code, found.message, found.help) == (
        "BKR004",
        "a schedule is part of the `run` statement, after the members the job runs on",
        f"write `{meant}`{missing}: `weekly` takes each day by name, the days separated by commas{said}"
        + H4_RUNS_ON_EACH,  # what the job then does (h4, stop 63)
    )
    if missing:
        assert found.fix is None
    else:
        repaired = apply_edits(text, found.fix.edits)
        assert repaired == text.replace(written, meant, 1)
        # a job of single users on several members: BKR220, no syntax error
        assert [d.code for d in analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics] == ["BKR220"]


#: Days without `weekly`, then words no statement has a place for after the time: the
#: days' one BKR012 and its fix, then the words' own error, as after `daily 01:00` (was
#: "a `,` is missing between `VMSYS1` and `mon-fri`", its fix making the days a member,
#: then BKR012 at `at 22:00 now`): (the clean line, the line written, the line meant, the
#: days' message's end, the schedule their help writes, the words' message and help).
DAYS_WITHOUT_WEEKLY_THEN_WORDS = [
    ("run on VMSYS2 daily 23:30", "run on VMSYS1 mon-fri at 22:00 now", "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00",
     "; the time follows without `at`", "weekly mon,tue,wed,thu,fri 22:00",
     "one word too many: the `run` statement ends with `22:00`, and `now` starts no statement",
     "remove `now`: write `run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00`"),
    ("run on VMSYS2 daily 23:30", "run on VMSYS1 mon-fri 22:00 now now", "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00",
     "", "weekly mon,tue,wed,thu,fri 22:00",
     "2 words too many: the `run` statement ends with `22:00`, and `now now` starts no statement",
     "remove `now now`: write `run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00`"),
    ("purge weekly sun 03:00", "purge mon-fri at 03:00 now", "purge weekly mon,tue,wed,thu,fri 03:00",
     "; the time follows without `at`", "purge weekly mon,tue,wed,thu,fri 03:00",
     "one word too many: the `purge` statement ends with `03:00`, and `now` starts no statement",
     "remove `now`: write `purge weekly mon,tue,wed,thu,fri 03:00`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "meant", "at", "schedule", "message", "help"),
    DAYS_WITHOUT_WEEKLY_THEN_WORDS,
    ids=[c[1] for c in DAYS_WITHOUT_WEEKLY_THEN_WORDS],
)
def test_days_without_weekly_then_a_word_too_many_are_two_errors(
    clean, written, meant, at, schedule, message, help, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    days, extra = analysis.diagnostics
    assert (days.code, days.message, days.help) == (
        "BKR012",
        "`mon-fri` names days of the week, and `weekly` is missing before them: a schedule starts with how often it runs" + at,
        f"write `{schedule}`: `weekly` takes each day by name, the days separated by commas",
    )
    assert (extra.code, extra.message, extra.help, extra.fix) == ("BKR004", message, help, None)
    line = text[: text.index(written)].count("\n") + 1
    assert (extra.span.line, extra.span.column) == (line, text.split("\n")[line - 1].index(" now") + 2)
    # the days' fix writes the schedule, the words too many left for their own error
    repaired = apply_edits(text, days.fix.edits)
    assert repaired == text.replace(written, meant + written[written.index(" now") :], 1)
    assert not [d for d in analyse("prodssi.bkr", text.replace(written, meant, 1).encode("utf-8")).diagnostics if d.code < "BKR1"]
    assert too_long(days, analysis.sources) == [] and too_long(extra, analysis.sources) == []


#: A `,` between `description` and its text, which is not closed on its line either: the
#: comma's BKR015, its fix removing it and its help writing the line with both mended,
#: then the text's own BKR007, as without the comma (was BKR010 "found `,` without
#: quotes", its help writing `description ","`, the text's error unsaid).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ('description, "Weekly full backup of the Linux guests', 'description "Weekly full backup of the Linux guests"'),
        ('description,"Weekly full backup', 'description "Weekly full backup"'),
        ('description , "Weekly full backup   ', 'description "Weekly full backup"'),
    ],
)
def test_a_comma_before_a_text_not_closed_is_two_errors_whose_helps_agree(written, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace('description "Weekly full backup of the Linux guests"', written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    comma, unclosed = analysis.diagnostics
    assert (comma.code, comma.message, comma.help) == (
        "BKR015",
        "`,` does not separate the values of a `description` statement: they are separated by blanks",
        f"remove the `,`: write `{meant}`",
    )
    assert (unclosed.code, unclosed.message) == ("BKR007", "this text is not closed before the end of the line")
    assert unclosed.span.column == text.split("\n")[unclosed.span.line - 1].index('"') + 1
    repaired = apply_edits(text, comma.fix.edits)
    assert repaired == text.replace(written, written.replace(" ,", ",").replace(", ", ",").replace(",", " "), 1)
    assert [d.code for d in analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics] == ["BKR007"]
    assert too_long(comma, analysis.sources) == []


#: A `,` between a statement's values in a block written on one line: the error it gets
#: on a line of its own, its help writing the statement alone and its fix removing its
#: `,`s (was the generic BKR015, "a `,` cannot appear here", whose help spoke of `on
#: VMSYS1, VMSYS2` and group entries, no fix): (the clean line, the line written, the
#: statement, its line meant).
EXPIRE_ONE_LINE = "expire on VMSYS1 {\n    preview daily 01:00\n    purge weekly sun 03:00\n    retain 35 days\n  }"
COMMAS_IN_ONE_LINE_BLOCKS = [
    ("member VMSYS1 { workers 4  private-volume M1PRV1 }", "member VMSYS1 { workers, 4  private-volume M1PRV1 }",
     "workers", "workers 4"),
    ("member VMSYS1 { workers 4  private-volume M1PRV1 }", "member VMSYS1 { private-volume M1PRV1  workers, 4 }",
     "workers", "workers 4"),
    ("member VMSYS1 { workers 4  private-volume M1PRV1 }", "member VMSYS1 { workers 4  private-volume, M1PRV1 }",
     "private-volume", "private-volume M1PRV1"),
    (EXPIRE_ONE_LINE, "expire on VMSYS1 { preview daily 01:00  purge weekly sun 03:00  retain 35, days }",
     "retain", "retain 35 days"),
    (EXPIRE_ONE_LINE, "expire on VMSYS1 { preview, daily 01:00  purge weekly sun 03:00  retain 35 days }",
     "preview", "preview daily 01:00"),
    (EXPIRE_ONE_LINE, "expire on VMSYS1 { preview daily 01:00  purge, weekly sun 03:00  retain 35 days }",
     "purge", "purge weekly sun 03:00"),
    (BASE[BASE.index("job APPSFULL {") : BASE.index("  }", BASE.index("job APPSFULL {")) + 3],
     "job APPSFULL { backup APPS full  include minidisk * 0191  to disk, pool BKUPPOOL  run on VMSYS1 daily 02:00 }",
     "to", "to disk pool BKUPPOOL"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "statement", "meant"), COMMAS_IN_ONE_LINE_BLOCKS, ids=[c[1] for c in COMMAS_IN_ONE_LINE_BLOCKS])
def test_a_comma_between_values_in_a_one_line_block_is_that_statement_s(clean, written, statement, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1)
    assert text != BASE
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == (
        "BKR015",
        f"`,` does not separate the values of a `{statement}` statement: they are separated by blanks",
        f"remove the `,`: write `{meant}`",
    )
    line = text[: text.index(written)].count("\n") + 1
    assert (found.span.line, found.span.column) == (line, text.split("\n")[line - 1].index(",") + 1)
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == text.replace(written, written.replace(", ", " "), 1)
    assert not [d for d in analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics if d.code < "BKR1"]


#: A `disk` line with a word missing besides `size`, or its address: one error whose help
#: writes the whole statement, a word not written a placeholder it names, a fix only for
#: the size after its unit (was "write `size` after `0191`", or the address "after `disk
#: BKRBKUP`", no fix): (the line written, its code and message's end, the help, the line
#: the fix writes or None).
#: What a help says of a `disk` line's unit not written.
UNIT_NOT_WRITTEN = "the unit is not written: `cyl` counts cylinders of a 3390, `blk` 512-byte blocks of an FBA volume"
DISK_WORD_MISSING = [
    ("disk BKRBKUP 0191 10", "BKR004", "expected `size` after `0191`, found `10`",
     f"write `disk BKRBKUP 0191 size 10 cyl` ({UNIT_NOT_WRITTEN})", None),
    ("disk BKRBKUP 0191 on VMCOM1", "BKR004", "expected `size` after `0191`, found `on`",
     f"write `disk BKRBKUP 0191 size N cyl on VMCOM1` (N, its size in cylinders; {UNIT_NOT_WRITTEN})", None),
    ("disk BKRBKUP 0191 10 on VMCOM1", "BKR004", "expected `size` after `0191`, found `10`",
     f"write `disk BKRBKUP 0191 size 10 cyl on VMCOM1` ({UNIT_NOT_WRITTEN})", None),
    ("disk BKRBKUP 191 cyl", "BKR004", "expected `size` after `191`, found `cyl`",
     "write `disk BKRBKUP 191 size N cyl` (N, its size in cylinders)", None),
    ("disk BKRBKUP 0191 cyl 10", "BKR004", "expected `size` after `0191`, found `cyl`",
     "write `disk BKRBKUP 0191 size 10 cyl`", "disk BKRBKUP 0191 size 10 cyl"),
    ("disk BKRBKUP 191 10 cyl", "BKR004", "expected `size` after `191`, found `10`",
     "write `disk BKRBKUP 191 size 10 cyl`", "disk BKRBKUP 191 size 10 cyl"),
    ("disk BKRBKUP size 10 cyl", "BKR010", "expected the minidisk's virtual address (e.g. 191) after `disk BKRBKUP`, found `size`",
     "write `disk BKRBKUP ADDR size 10 cyl` (ADDR, the minidisk's virtual address, such as 191)", None),
    # as it is typed, and a word no `disk` line takes: the help says the word missing
    ("disk BKRBKUP 191", "BKR004", "expected `size` after `191`, found the end of the line", "write `size` after `191`", None),
    ("disk BKRBKUP 191 c", "BKR004", "expected `size` after `191`, found `c`", "write `size` after `191`", None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "code", "message", "help", "fixed"), DISK_WORD_MISSING, ids=[c[0] for c in DISK_WORD_MISSING])
def test_a_disk_line_with_a_word_missing_gets_a_help_that_writes_it_whole(written, code, message, help, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("disk BKRBKUP 191 size 10 cyl", written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == (code, message, help)
    assert too_long(found, analysis.sources) == []
    if fixed is None:
        assert found.fix is None
    else:
        repaired = apply_edits(text, found.fix.edits)
        assert repaired == text.replace(written, fixed, 1)
        assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    # the line the help writes, its placeholders filled in, reads (`on VMCOM1`: an
    # IDENTITY's minidisk on a shared volume is BKR244, no syntax error)
    line = help.split("`")[1].replace(" ADDR ", " 191 ").replace(" N ", " 10 ")
    if line.startswith("disk "):
        found = analyse("prodssi.bkr", text.replace(written, line, 1).encode("utf-8")).diagnostics
        assert [d.code for d in found] == (["BKR244"] if " on " in line else [])


# --- h5 (stop 60): slips in a group body, a declaration's kind, `backup users`, a job's
# YAML head and an import's dots


def _one_error_fixed(text: str, parser: str, monkeypatch) -> tuple:
    """The one diagnostic of `text` under `parser`, and the text its fix writes (None
    without a fix), which must check clean of syntax errors."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert too_long(found, analysis.sources) == []
    if found.fix is None:
        return found, None
    repaired = apply_edits(text, found.fix.edits)
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    return found, repaired


#: An English word for `match` before a pattern in a group body (was read silently as a
#: user ID, MATCHES, the group then backing up a user it never meant).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("word", ["matches", "pattern", "like", "matching"])
def test_an_english_word_for_match_in_a_group_is_match_misspelt(word, parser, monkeypatch):
    text = BASE.replace("match LNXAPP*", f"{word} LNXAPP*", 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.message, found.help) == (
        "BKR012",
        f"unknown keyword `{word}`; did you mean `match`? A group's pattern is written after `match`",
        f"write `match LNXAPP*`; a user whose ID is {word.upper()} is written as CP writes it, in capitals: `{word.upper()}`",
    )
    assert repaired == BASE


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_an_english_word_for_match_in_capitals_or_before_an_id_is_a_user(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    for written in ("PATTERN LNXAPP*", "like LNXAPP01"):
        text = BASE.replace("match LNXAPP*", written, 1)
        assert [d.code for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code < "BKR1"] == []


#: `match: LNXAPP*` (was BKR301, "`MATCH:` contains `:`", its help writing no pattern).
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_colon_after_match_in_a_group_is_bkr014(parser, monkeypatch):
    text = BASE.replace("match LNXAPP*", "match: LNXAPP*", 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.message, found.help) == (
        "BKR014",
        "`:` between a keyword and its value is not .bkr syntax",
        "write `match LNXAPP*`: a blank, not `:`, after the keyword",
    )
    assert repaired == BASE


#: A declaration's kind word in the plural before a group's name and `{` (was, for
#: `users`, BKR012 "did you mean `user`?" and BKR004 at the `{`, the fix writing `identity
#: user SYSIDS {`, which still failed): one BKR012 whose help and fix write `group`.
KIND_PLURALS = [
    ("identity group SYSIDS {", "identity users SYSIDS {", "users",
     "unknown keyword `users`; did you mean `group`? The `{` after `SYSIDS` opens a group",
     "write `identity group SYSIDS {`: a group lists its users between `{` and `}`; `identity user` declares users without braces"),
    ("single group APPS {", "single users APPS {", "users",
     "unknown keyword `users`; did you mean `group`? The `{` after `APPS` opens a group",
     "write `single group APPS {`: a group lists its users between `{` and `}`; `single user` declares users without braces"),
    ("identity group SYSIDS {", "identity groups SYSIDS {", "groups",
     "unknown keyword `groups`; did you mean `group`?",
     "write `identity group SYSIDS {`: a declaration's `group` is written in the singular"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "word", "message", "help"), KIND_PLURALS, ids=[c[1] for c in KIND_PLURALS])
def test_a_declaration_s_kind_in_the_plural_before_a_brace_is_group(clean, written, word, message, help, parser, monkeypatch):
    text = BASE.replace(clean, written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.message, found.help) == ("BKR012", message, help)
    line = text[: text.index(written)].count("\n") + 1
    assert (found.span.line, found.span.column) == (line, text.split("\n")[line - 1].index(word) + 1)
    assert repaired == BASE


#: `users` before the user IDs a job backs up, the IDs without their `,` (was BKR004 at
#: `users`, its help `backup CICSPRD` dropping DB2PRD, and a second BKR004 for the `,`):
#: one error whose help and fix write every ID, with the level.
BACKUP_KIND_WORDS = [
    ("backup users CICSPRD DB2PRD full", "write `backup CICSPRD, DB2PRD full`: the names separated by commas",
     "backup CICSPRD, DB2PRD full"),
    ("backup users CICSPRD, DB2PRD full", "write `backup CICSPRD, DB2PRD full`", "backup CICSPRD, DB2PRD full"),
    ("backup users CICSPRD DB2PRD", "write `backup CICSPRD, DB2PRD`, the names separated by commas, with the level after it",
     "backup CICSPRD, DB2PRD"),
    ("backup group APPS full", "write `backup APPS full`", "backup APPS full"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "help", "fixed"), BACKUP_KIND_WORDS, ids=[c[0] for c in BACKUP_KIND_WORDS])
def test_a_kind_word_before_a_backup_s_names_is_one_error_naming_them_all(written, help, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("backup APPS full", written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    word = written.split()[1]
    named = "the groups and users" if word == "users" else "the groups"
    assert (found.code, found.message, found.help) == (
        "BKR004",
        f"`{word}` is not written in a `backup` statement: `backup` names {named} themselves",
        help,
    )
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == text.replace(written, fixed, 1)
    # the users named by themselves, their group backed up by no job: BKR408's warning
    assert [d.code for d in analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics] == (
        [] if "APPS" in fixed else ["BKR408"]
    )


#: A block's head written as YAML writes one, `job APPSFULL:` over its body and `}` (was
#: BKR011 "expected `{` after `job APPSFULL:`", no fix): the fix writes the `{` where the
#: file has the body's `}`; without it, the help says to close the block, and no fix.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("head", ["job APPSFULL", "member VMSYS2"])
def test_a_block_s_head_with_a_yaml_colon_gets_its_brace(head, parser, monkeypatch):
    text = BASE.replace(f"{head} {{", f"{head}:", 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.message, found.help) == (
        "BKR011", f"`{head}:` opens its block with a YAML `:`; a .bkr block opens with `{{`", f"write `{head} {{`"
    )
    assert repaired == BASE
    start = BASE.index("job APPSFULL {")
    close = BASE.index("  }\n", start)
    unclosed = BASE[:start] + "job APPSFULL:" + BASE[start + len("job APPSFULL {") : close] + BASE[close + 4 :]
    found, repaired = _one_error_fixed(unclosed, parser, monkeypatch)
    assert (found.code, found.help, repaired) == (
        "BKR011", "write `job APPSFULL {`, and close the block with `}` after its last statement", None
    )


#: The standard library's module joined to its folder by a `.` (was BKR101 with no
#: hint): "did you mean `std/backup-manager`?", the fix writing that path.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["std.backup-manager", "STD.BACKUP-MANAGER"])
def test_an_import_with_a_dot_for_its_slash_is_the_library_s_module(written, parser, monkeypatch):
    text = BASE.replace("import std/backup-manager", f"import {written}", 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert found.code == "BKR101"
    assert found.help.split("\n")[0] == (
        "did you mean `std/backup-manager`? a module's path separates its folder from its name with `/`,"
        " not `.`: write `import std/backup-manager`"
    )
    assert repaired == BASE

# --- h6 (stop 60)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "level", "fixed"),
    [("backup SYSIDS -- incremental", "incremental", "backup SYSIDS incremental"),
     ("backup APPS --  full  # nightly", "full", "backup APPS full  # nightly")],
)
def test_h6_a_level_after_a_spaced_double_dash_is_the_level_not_a_comment(written, level, fixed, parser, monkeypatch):
    # was BKR016, "`--` does not start a comment", whose fix made `# incremental` a
    # comment: the job a full one, the level lost without a word
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    group = written.split()[1]
    option = written.split("#")[0].split(maxsplit=2)[2].rstrip()
    text, analysis = _one_slip(f"    backup {group} {level}", f"    {written}")
    message = f"`{option}` is written `{level}` in .bkr: the level follows the groups as a word of its own"
    _assert_one_error(text, analysis, "BKR004", message, f"write `backup {group} {level}`", f"    {fixed}")


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h6_a_sentence_after_a_spaced_double_dash_stays_a_comment_slip(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("    backup APPS full", "    backup APPS -- incremental backups of the apps")
    assert [(d.code, d.message) for d in analysis.diagnostics] == [
        ("BKR016", "`--` does not start a comment in a .bkr file")
    ]


#: The schedule between `run` and `on`, the members without their `,` (was three BKR004s:
#: "expected `on` after `run`", "expected `run` before `on`", "a `,` is missing"):
#: (the line written, the line the help and the fix write, what the help says after it).
H6_SCHEDULE_FIRST_COMMAS = [
    ("run daily 22:00 on VMSYS1 VMSYS2", "run on VMSYS1, VMSYS2 daily 22:00",
     ": a `,` is missing between `VMSYS1` and `VMSYS2`"),
    ("run weekly mon-fri 22:00 on VMSYS1 VMSYS2", "run on VMSYS1, VMSYS2 weekly mon,tue,wed,thu,fri 22:00",
     ": `weekly` takes each day by name, the days separated by commas; a `,` is missing between `VMSYS1` and `VMSYS2`"),
    ("run daily 22:00 on VMSYS1, VMSYS2 VMSYS3", "run on VMSYS1, VMSYS2, VMSYS3 daily 22:00",
     ": a `,` is missing between `VMSYS2` and `VMSYS3`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "meant", "said"), H6_SCHEDULE_FIRST_COMMAS, ids=[c[0] for c in H6_SCHEDULE_FIRST_COMMAS])
def test_h6_a_schedule_before_members_without_their_commas_is_one_error(written, meant, said, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    # in job SYSIN, of IDENTITY users (since h1, stop 68: in a job of single-configuration
    # users, such as APPSFULL, the fix writes one member, test_h1_68_*)
    text, analysis = _one_slip("    run on each member daily 03:30", f"    {written}")
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == (
        "BKR004", "the schedule comes after the members the job runs on, not before them",
        f"write `{meant}`{said}" + H4_RUNS_ON_EACH,  # what the job then does (h4, stop 63)
    )
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == text.replace(written, meant, 1)
    # SYSIDS is IDENTITY: on some members it is BKR221, no syntax error
    assert not [d for d in analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics if d.code < "BKR1"]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h6_a_member_after_days_without_weekly_gets_lines_that_check(parser, monkeypatch):
    # was "remove `VMSYS2`, as `mon-fri` takes one value: write `run on VMSYS1 mon-fri 22:00`",
    # a line that is BKR012 again
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    written = "run on VMSYS1 mon-fri 22:00 VMSYS2"
    text, analysis = _one_slip("    run on VMSYS1 daily 02:00", f"    {written}")
    days, member = analysis.diagnostics
    assert days.code == "BKR012"
    listed = "run on VMSYS1, VMSYS2 weekly mon,tue,wed,thu,fri 22:00"
    alone = "run on VMSYS1 weekly mon,tue,wed,thu,fri 22:00"
    assert (member.code, member.message, member.help, member.fix) == (
        "BKR004",
        "`VMSYS2` comes after the schedule: the members the job runs on are written before it",
        f"write `{listed}` to run it there too, or remove `VMSYS2`: `{alone}`",
        None,
    )
    assert (member.span.line, member.span.column) == (74, 33)
    assert too_long(member, analysis.sources) == []
    for line in (listed, alone):
        found = analyse("prodssi.bkr", text.replace(written, line, 1).encode("utf-8")).diagnostics
        assert not [d for d in found if d.code < "BKR1"]


#: A minidisk selection's owner left out, a range of addresses in its place (was BKR301,
#: "`0191-01FF` is 9 characters long", its help a pattern of user IDs, and BKR413 at the
#: job's exclude): (the line as prodssi writes it, as written, what the `*` stands for).
H6_OWNER_LEFT_OUT = [
    ("include minidisk * 0191-01FF 0200", "include minidisk 0191-01FF 0200", "every user of the job"),
    ("include minidisk * 0191-01FF 0200", "include minidisk 191-1FF 200", "every user of the job"),
    ("exclude minidisk LNX* 0192 ", "exclude minidisk 0192-0193 0200 ",
     "every user of the member's single-configuration jobs"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "every"), H6_OWNER_LEFT_OUT, ids=[c[1] for c in H6_OWNER_LEFT_OUT])
def test_h6_a_minidisk_owner_left_out_is_one_error_whose_fix_writes_every_owner(clean, written, every, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    action, _, first, *rest = written.split()
    meant = f"{action} minidisk * {' '.join([first, *rest])}"
    message = (
        f"the owner is missing: `{first}` is an address range, and `minidisk` takes the owner"
        " (a user ID, `*`, or a pattern) first, then addresses"
    )
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == ("BKR310", message, f"write `{meant}` (`*`: {every})")
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == text.replace(written, f"{meant} " if written.endswith(" ") else meant, 1)
    # a member's exclude of every owner: BKR414's warning, which the block's own owner was spared
    left = [d.code for d in analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics]
    assert left == ([] if every.endswith("job") else ["BKR414"])


#: A word for "but not" among an include's addresses (was BKR310 "`except` is not a minidisk
#: address or range", then BKR312 "`0195` overlaps `0191-01FF`, already included").
H6_EXCEPT = [
    ("include minidisk * 0191-01FF except 0195", "except", "include minidisk * 0191-01FF", "exclude minidisk * 0195"),
    ("include minidisk * 0191-01FF 0200 EXCLUDING 0195 0197", "EXCLUDING", "include minidisk * 0191-01FF 0200",
     "exclude minidisk * 0195 0197"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "word", "include", "exclude"), H6_EXCEPT, ids=[c[0] for c in H6_EXCEPT])
def test_h6_except_in_an_include_is_one_error_whose_fix_writes_the_exclude(written, word, include, exclude, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("    include minidisk * 0191-01FF 0200", f"    {written}")
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == (
        "BKR310",
        f"`{word}` is not written in an include: the addresses to leave out are an `exclude` statement of their own",
        f"write `{include}`, then `{exclude}` on a line of its own",
    )
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == text.replace(written, f"{include}\n    {exclude}", 1)
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


#: A statement's values, more than one, in quotes (was "names are written without quotes",
#: no fix, then "expected `days` after `35 days`, found `}`").
H6_QUOTED_VALUES = [
    ("retain 35 days", 'retain "35 days"'),
    ("disk BKRBKUP 191 size 10 cyl", 'disk BKRBKUP 191 size "10 cyl"'),
    ("backup APPS full", 'backup "APPS full"'),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written"), H6_QUOTED_VALUES, ids=[c[1] for c in H6_QUOTED_VALUES])
def test_h6_values_in_quotes_are_one_error_whose_fix_removes_them(clean, written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    quoted = written[written.index('"') :]
    message = f"a statement's values are written without quotes: `{quoted[1:-1]}`, not `{quoted}`"
    help = f"remove the quotes: write `{clean}`; only the text after `description` is quoted"
    line = next(line for line in text.split("\n") if written in line)
    _assert_one_error(text, analysis, "BKR004", message, help, line.replace(written, clean))


# --- h1 (stop 61)

#: A minidisk selection's owner left out, an address in its place (was BKR406's
#: warning "`0191` stands where the owner goes", and BKR413 at the job's exclude): (the line
#: as prodssi writes it, as written, what the `*` stands for).
H1_ADDRESS_FOR_OWNER = [
    ("include minidisk * 0191\n    to disk", "include minidisk 0191 0200\n    to disk", "every user of the job"),
    ("exclude minidisk LNX* 0192 ", "exclude minidisk 0192 0193 ", "every user of the member's single-configuration jobs"),
    # h8: three-digit addresses, as CP accepts `191` for `0191` (was BKR116, "job `LNXINC`
    # selects nothing to back up", or BKR406's warning)
    ("include minidisk * 0191\n    to disk", "include minidisk 191 200\n    to disk", "every user of the job"),
    ("include minidisk * 0191\n    to disk", "include minidisk 191 0200\n    to disk", "every user of the job"),
    ("exclude minidisk LNX* 0192 ", "exclude minidisk 192 193 ", "every user of the member's single-configuration jobs"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "every"), H1_ADDRESS_FOR_OWNER, ids=[c[1] for c in H1_ADDRESS_FOR_OWNER])
def test_h1_an_address_for_the_owner_is_one_error_whose_fix_writes_every_owner(
    clean, written, every, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    line = written.split("\n")[0].rstrip()
    action, _, first, *rest = line.split()
    meant = f"{action} minidisk * {' '.join([first, *rest])}"
    message = (
        f"the owner is missing: `{first}` is an address, and `minidisk` takes the owner"
        " (a user ID, `*`, or a pattern) first, then addresses"
    )
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == (
        "BKR310", message, f"write `{meant}` (`*`: {every}); `{first}` is no user the files declare"
    )
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == text.replace(line, meant, 1)
    left = [d.code for d in analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics]
    assert left == ([] if every.endswith("job") else ["BKR414"])


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("user", "address"), [("0191", "0200"), ("191", "200")])
def test_h1_an_address_like_owner_the_files_declare_is_the_user(user, address, parser, monkeypatch):
    # a user called 0191 (or 191) in the job's group: the selection is its, as written
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("single group LINUX { LNXWEB01", f"single group LINUX {{ {user} LNXWEB01", 1)
    text = text.replace("include minidisk * 0191\n    to disk", f"include minidisk {user} {address}\n    to disk", 1)
    found = [d.code for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics]
    assert "BKR310" not in found and "BKR406" not in found


#: Values in quotes and a word after them (was "names are written without quotes", no fix,
#: then "expected `days` after `35 days`, found `now`", whose help wrote `days` for `now`):
#: (the clean line, the line written, the statement's name, its last word).
H1_QUOTED_VALUES_AND_A_WORD = [
    ("retain 35 days", 'retain "35 days" now', "retain", "days"),
    ("backup APPS full", 'backup "APPS full" now', "backup", "full"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "name", "last"), H1_QUOTED_VALUES_AND_A_WORD, ids=[c[1] for c in H1_QUOTED_VALUES_AND_A_WORD])
def test_h1_values_in_quotes_and_a_word_after_them_are_two_errors_that_agree(
    clean, written, name, last, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    quotes, word = analysis.diagnostics
    quoted = written[written.index('"') : written.rindex('"') + 1]
    assert (quotes.code, quotes.message, quotes.help) == (
        "BKR004",
        f"a statement's values are written without quotes: `{quoted[1:-1]}`, not `{quoted}`",
        f"remove the quotes: write `{clean}`; only the text after `description` is quoted",
    )
    assert (word.code, word.message) == (
        "BKR004", f"one word too many: the `{name}` statement ends with `{last}`, and `now` starts no statement"
    )
    assert word.help.startswith(f"remove `now`: write `{clean}`")
    assert word.fix is None
    for found in (quotes, word):
        assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, quotes.fix.edits)
    assert repaired == text.replace(written, f"{clean} now", 1)
    assert analyse("prodssi.bkr", text.replace(written, clean, 1).encode("utf-8")).diagnostics == []


#: A user ID in quotes in a group body (was "a quoted text can only follow `description`",
#: its help "see docs/language.md", no fix): (the clean text, the text written).
H1_QUOTED_GROUP_ENTRIES = [
    ("single group APPS { CICSPRD DB2PRD }", 'single group APPS { "CICSPRD" DB2PRD }'),
    ("single group APPS { CICSPRD DB2PRD }", 'single group APPS {\n    "CICSPRD"\n    DB2PRD\n  }'),
    ("LNXDB01  match", 'LNXDB01 "LNXDB02" match'),
    ("identity group SYSIDS { TCPIP FTPSERVE }", 'identity group SYSIDS { TCPIP "FTPSERVE" }'),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written"), H1_QUOTED_GROUP_ENTRIES, ids=[c[1] for c in H1_QUOTED_GROUP_ENTRIES])
def test_h1_a_quoted_user_id_in_a_group_body_is_one_error_whose_fix_removes_the_quotes(
    clean, written, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    quoted = re.search(r'"[^"]*"', written).group()
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == (
        "BKR004",
        f"names are written without quotes: `{quoted[1:-1]}`, not `{quoted}`",
        "remove the quotes; only the text after `description` is quoted",
    )
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == text.replace(quoted, quoted[1:-1], 1)
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_a_two_quoted_user_ids_in_a_group_body_are_an_error_each(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("single group APPS { CICSPRD DB2PRD }", 'single group APPS {\n    "CICSPRD"\n    "DB2PRD"\n  }')
    assert [(d.code, d.message, d.fix is not None) for d in analysis.diagnostics] == [
        ("BKR004", 'names are written without quotes: `CICSPRD`, not `"CICSPRD"`', True),
        ("BKR004", 'names are written without quotes: `DB2PRD`, not `"DB2PRD"`', True),
    ]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ['"full"', '"CICS PRD"', '"LNXAPP*"'])
def test_h1_a_quoted_keyword_or_text_in_a_group_body_stays_a_stray_text(written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("single group APPS { CICSPRD DB2PRD }", f"single group APPS {{ CICSPRD {written} }}")
    assert [(d.code, d.message, d.fix) for d in analysis.diagnostics] == [
        ("BKR004", 'a quoted text can only follow `description`: `description "..."`', None)
    ]


#: A member's settings as `key=value` without its braces (was the same help, no fix).
H1_SETTINGS_WITHOUT_BRACES = [
    ("member VMSYS1 { workers 4  private-volume M1PRV1 }", "member VMSYS1 workers=4 private-volume=M1PRV1"),
    ("member VMSYS3 { workers 2  private-volume M3PRV1 }", "member VMSYS3 workers = 2 private-volume = M3PRV1"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written"), H1_SETTINGS_WITHOUT_BRACES, ids=[c[1] for c in H1_SETTINGS_WITHOUT_BRACES])
def test_h1_settings_as_key_value_without_braces_get_a_fix_writing_the_block(clean, written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    title = " ".join(written.split()[:2])
    settings = written[len(title) + 1 :]
    message = (
        f"`{settings}` is written as `key=value` after `{title}`: a block's settings go"
        " inside `{ }`, a blank between keyword and value"
    )
    _assert_one_error(text, analysis, "BKR014", message, f"write `{clean}`", f"  {clean}")


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_settings_whose_key_is_no_keyword_get_no_fix(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("member VMSYS3 { workers 2  private-volume M3PRV1 }", "member VMSYS3 workers=2 frob=M3PRV1")
    (found,) = analysis.diagnostics
    assert (found.code, found.fix) == ("BKR014", None)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_two_key_value_settings_in_a_block_each_write_their_own_statement(parser, monkeypatch):
    # the first's help was `write `workers 4 private-volume=M1PRV1``, the `=` kept
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "member VMSYS1 { workers 4  private-volume M1PRV1 }"
    text, analysis = _one_slip(clean, "member VMSYS1 { workers=4 private-volume=M1PRV1 }")
    assert [(d.code, d.help) for d in analysis.diagnostics] == [
        ("BKR014", "write `workers 4`: a blank, not `=`, after the keyword"),
        ("BKR014", "write `private-volume M1PRV1`: a blank, not `=`, after the keyword"),
    ]
    edits = tuple(e for d in analysis.diagnostics for e in d.fix.edits)
    repaired = apply_edits(text, edits)
    assert "  member VMSYS1 { workers 4 private-volume M1PRV1 }" in repaired.split("\n")
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


#: More English words for `match` before a pattern in a group body (`mask`, `filter`,
#: `select` were read silently as user IDs MASK, FILTER, SELECT of the group; `users-like`
#: was BKR301, "`USERS-LIKE` is 10 characters long").
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("word", ["mask", "filter", "select", "users-like", "glob", "wildcard"])
def test_h1_more_english_words_for_match_in_a_group_are_match_misspelt(word, parser, monkeypatch):
    text = BASE.replace("match LNXAPP*", f"{word} LNXAPP*", 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    # a word longer than a user ID may be (`users-like`) is no user's: the help says nothing of one
    user = f"; a user whose ID is {word.upper()} is written as CP writes it, in capitals: `{word.upper()}`"
    assert (found.code, found.message, found.help) == (
        "BKR012",
        f"unknown keyword `{word}`; did you mean `match`? A group's pattern is written after `match`",
        "write `match LNXAPP*`" + (user if len(word) <= 8 else ""),
    )
    assert repaired == BASE


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["MATCH LNXAPP*", "Match LNXAPP*", "mask LNXAPP01", "SELECT LNXAPP*", "filter\n    LNXAPP*"])
def test_h1_match_in_capitals_and_a_word_for_it_before_an_id_read_as_written(written, parser, monkeypatch):
    # `MATCH` is the keyword (keywords are read in any case); `mask LNXAPP01`, `SELECT`
    # in capitals, or a pattern on the next line: user IDs, as `like LNXAPP01` is
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("match LNXAPP*", written, 1)
    assert analyse("prodssi.bkr", text.encode("utf-8")).diagnostics == []


# --- h3 (stop 61)

#: A CP directory LINK statement pasted into a .bkr file: one BKR012 for its line, whose help
#: writes the job's exclude for the linking user's address (was, after volume labels, nothing:
#: `LINK MAINT 0190 0191 RR` read silently as five more labels; after a selection's addresses,
#: BKR310 and BKR312; in a group body, BKR203, BKR309, BKR416; elsewhere the generic BKR012).
#: (the line as prodssi writes it, as written, the message's end, the address excluded)
H3_LINKS = [
    ("    private-volume M2PRV1\n", "    private-volume M2PRV1\n    LINK MAINT 0190 0191 RR\n", ".bkr statement", "0191"),
    ("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n  LINK MAINT 019D 019D RR  # x\n", ".bkr statement", "019D"),
    ("    exclude minidisk * 0190 019D 019E\n", "    exclude minidisk * 0190 019D 019E\n    LINK MAINT 0190 0190 RR\n",
     ".bkr statement", "0190"),
    ("  disk TRDMM 191 size 10 cyl\n", "  disk TRDMM 191 size 10 cyl\n  LINK MAINT 0190 0190 RR\n", ".bkr statement", "0190"),
    ("{ CICSPRD DB2PRD }", "{\n    CICSPRD\n    LINK MAINT 0190 0190 RR\n    DB2PRD\n  }", "user ID of the group", "0190"),
    ("{ CICSPRD DB2PRD }", "{ LINK MAINT 0190 0190 RR\n    DB2PRD }", "user ID of the group", "0190"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "what", "address"), H3_LINKS, ids=[c[1].strip() for c in H3_LINKS])
def test_h3_a_directory_link_is_one_error_that_writes_the_exclude(clean, written, what, address, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert (found.code, found.message) == ("BKR012", f"`LINK` is a CP directory statement, not a {what}")
    assert found.help.startswith("remove the line: ")
    assert found.help.endswith(f"a job leaves a user's link out of its backups with `exclude minidisk * {address}`")
    # h2 (stop 65): a LINK line alone on its line, no comment after it, is removed by the fix
    row = next(row for row in text.split("\n") if "LINK" in row)
    if row.strip().startswith("LINK") and "#" not in row:
        repaired = apply_edits(text, found.fix.edits)
        assert "LINK" not in repaired and analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
    else:
        assert found.fix is None
    assert too_long(found, analysis.sources) == []
    line = next(n for n, row in enumerate(text.split("\n"), 1) if "LINK" in row)
    assert found.span.line == line


#: A volume label, a user ID or an address that is LINK is still one where the line is no
#: LINK statement (`private-volume M2PRV1 LINK`, a user LINK in a group).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written"),
    [("    private-volume M2PRV1\n", "    private-volume M2PRV1\n    LINK\n"), ("{ CICSPRD DB2PRD }", "{ CICSPRD\n    LINK DB2PRD }")],
)
def test_h3_link_as_a_name_stays_a_name(clean, written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip(clean, written)
    assert [d.code for d in analysis.diagnostics if d.code < "BKR1"] == []


#: The heading of a job template's selection records (`FUNCTION MEDIATYPE OWNER VDEV ...`), or
#: `FUNCTION` with a word after it: one BKR012 that says what the line is (was BKR004, "`FUNCTION
#: BACKUP` has its two words the wrong way round", its fix writing `BACKUP FUNCTION`, a group
#: FUNCTION; "`backup` is missing before `FUNCTION`", its fix `backup FUNCTION FULL`; the
#: generic BKR012; after addresses, BKR310).
H3_HEADINGS = [
    ("    backup APPS full\n", "    backup APPS full\n    FUNCTION MEDIATYPE OWNER VDEV VOLUME DEVTYPE START END\n"),
    ("    backup APPS full\n", "    backup APPS full\n    FUNCTION BACKUP\n"),
    ("    backup APPS full\n", "    backup APPS full\n    FUNCTION FULL\n"),
    ("    backup APPS full\n", "    FUNCTION INCREMENTAL\n    backup APPS full\n"),
    ("    exclude minidisk * 0190 019D 019E\n", "    exclude minidisk * 0190 019D 019E\n    FUNCTION MEDIATYPE OWNER VDEV\n"),
    ("    include sfs BKRPOOL:CICSPRD.*\n", "    include sfs BKRPOOL:CICSPRD.*\n    FUNCTION MEDIATYPE\n"),
    ("    private-volume M2PRV1\n", "    private-volume M2PRV1\n    FUNCTION BACKUP\n"),
    ("  shared-volume VMCOM1\n", "  FUNCTION MEDIATYPE OWNER\n  shared-volume VMCOM1\n"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written"), H3_HEADINGS, ids=[c[1].strip() for c in H3_HEADINGS])
def test_h3_a_template_heading_is_one_error_that_says_what_it_is(clean, written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == (
        "BKR012",
        "`FUNCTION` heads a Backup Manager template's selection records, not a .bkr statement",
        (
            "remove the line: a job selects with `include minidisk OWNER ADDR...` and says its level"
            " in `backup GROUP full`, its medium in `to disk` or `to tape`; bkrc writes the template"
        ),
    )
    # a heading of column names alone gets a fix removing it (h8, below); `FUNCTION BACKUP` none
    level = written.split("FUNCTION")[1].split()[0] in ("BACKUP", "FULL", "INCREMENTAL")
    assert (found.fix is None) == level
    assert too_long(found, analysis.sources) == []
    assert found.span.line == next(n for n, row in enumerate(text.split("\n"), 1) if "FUNCTION" in row)


#: A user FUNCTION in a group body is still a user ID.
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_a_user_named_function_stays_a_user(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("{ CICSPRD DB2PRD }", "{ CICSPRD\n    FUNCTION DB2PRD }")
    assert [d.code for d in analysis.diagnostics if d.code < "BKR1"] == []


#: A REXX comment closed on its line, nothing after it (`/* a month */` after a statement, on a
#: line of its own, or first in the file, as an EXEC's first line must be): BKR016, whose fix now
#: writes `#` for the `/*` and removes the `*/` (was no fix; first in the file, BKR009 "this looks
#: like a REXX program", the file read no further, where .bkr statements follow it).
H3_REXX_COMMENTS = [
    ("    retain 35 days\n", "    retain 35 days  /* a month */\n", "    retain 35 days  # a month"),
    ("    backup APPS full\n", "    /* the applications */\n    backup APPS full\n", "    # the applications"),
    ("## Production", "/* REXX */\n## Production", "# REXX"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "fixed"), H3_REXX_COMMENTS, ids=[c[2].strip() for c in H3_REXX_COMMENTS])
def test_h3_a_rexx_comment_on_its_line_is_fixed_to_a_hash_comment(clean, written, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    _assert_one_error(
        text, analysis, "BKR016", "`/*` does not start a comment in a .bkr file",
        "start a comment with `#`; it runs to the end of the line", fixed,
    )


#: One that runs on past its line, or has words after its `*/`, gets no fix: its end is
#: the user's to remove; a file that is REXX is still BKR009.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "written",
    ["    /* the applications\n       and more */\n    backup APPS full\n", "    /* a */ backup APPS full\n",
     "/* backups of\n   PRODSSI */\n## Production"],
)
def test_h3_a_rexx_comment_past_its_line_has_no_fix(written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "## Production" if written.endswith("## Production") else "    backup APPS full\n"
    _, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert (found.code, found.fix) == ("BKR016", None)


def test_h3_a_rexx_program_is_still_one():
    (found,) = analyse("x.bkr", b'/* REXX */\nsay "hello"\nexit\n').diagnostics
    assert found.code == "BKR009"


# --- h4 (stop 61)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "written",
    [
        "catalog catalog catalog server BKRSVSFS shared pool BKRPOOL on VMSYS1",
        # (`catalog catalog catalog catalog shared server ...`, its scope where it goes, is
        # no scope error at all now, but one "written four times": test_h9_a_keyword_written_three_times_is_one_error)
    ],
)
def test_h4_a_scope_after_catalog_written_again_is_one_error(written, parser, monkeypatch):
    """The recovery met the scope after the options again after each `catalog`, and
    reported it once per `catalog` (`bench/mutate.py --seed 50720 --case 126`: the
    language server, which does not merge a file's diagnostics, showed it 20 times)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", written)
    said = [(d.code, d.span.start, d.message) for d in analysis.diagnostics]
    assert len(said) == len(set(said)), said
    scope = [d for d in analysis.diagnostics if d.message == "the catalog's scope, `shared`, comes right after `catalog`"]
    assert len(scope) == 1
    assert text[scope[0].span.start : scope[0].span.end] == "shared"


# --- h9 (stop 61)


# fmt: off
H9_RUNS = [
    # a keyword written three times or more in a row, nothing but blanks between
    ("catalog shared server", "catalog catalog catalog shared server", "catalog", "three times",
     "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"),
    ("catalog shared server", "catalog catalog catalog catalog shared server", "catalog", "four times",
     "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"),
    ("catalog shared server", "catalog shared shared shared server", "shared", "three times",
     "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"),
    ("job APPSFULL {", "job job job APPSFULL {", "job", "three times", "  job APPSFULL {"),
    ("member VMSYS2 {", "member member member VMSYS2 {", "member", "three times", "  member VMSYS2 {"),
    ("backup APPS full", "backup backup backup APPS full", "backup", "three times", "    backup APPS full"),
    ("run on VMSYS1 daily 02:00", "run run run on VMSYS1 daily 02:00", "run", "three times",
     "    run on VMSYS1 daily 02:00"),
    ("run on VMSYS1 daily 02:00", "run on on on VMSYS1 daily 02:00", "on", "three times",
     "    run on VMSYS1 daily 02:00"),
    ("include minidisk * 0191-01FF", "include include include minidisk * 0191-01FF", "include", "three times",
     "    include minidisk * 0191-01FF 0200"),
    ("include minidisk * 0191-01FF", "include minidisk minidisk minidisk * 0191-01FF", "minidisk", "three times",
     "    include minidisk * 0191-01FF 0200"),
    ("to disk pool BKUPPOOL\n    run on VMSYS1", "to to to disk pool BKUPPOOL\n    run on VMSYS1", "to", "three times",
     "    to disk pool BKUPPOOL"),
    ("retain 35 days", "retain retain retain 35 days", "retain", "three times", "    retain 35 days"),
    ("single group APPS {", "single single single group APPS {", "single", "three times",
     "  single group APPS { CICSPRD DB2PRD }"),
    ("expire on VMSYS1 {", "expire on on on VMSYS1 {", "on", "three times", "  expire on VMSYS1 {"),
    ("workers 4\n", "workers workers workers 4\n", "workers", "three times", "    workers 4"),
    ("tape manager shared", "tape tape tape manager shared", "tape", "three times",
     "  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM"),
    ("disk BKRBKUP 191", "disk disk disk BKRBKUP 191", "disk", "three times", "  disk BKRBKUP 191 size 10 cyl"),
    ("cluster PRODSSI {", "cluster cluster cluster PRODSSI {", "cluster", "three times", "cluster PRODSSI {"),
    ("private-volume M2PRV1", "private-volume private-volume private-volume M2PRV1", "private-volume",
     "three times", "    private-volume M2PRV1"),
    ("preview daily 01:00", "preview preview preview daily 01:00", "preview", "three times",
     "    preview daily 01:00"),
    ("server BKRSVSFS pool", "server server server BKRSVSFS pool", "server", "three times",
     "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"),
    ('description "Weekly', 'description description description "Weekly', "description", "three times",
     '    description "Weekly full backup of the Linux guests"'),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "word", "times", "fixed"), H9_RUNS)
def test_h9_a_keyword_written_three_times_is_one_error(clean, written, word, times, fixed, parser, monkeypatch):
    """A keyword written over and over (a paste doubled twice, a key held) is one
    error at its second, over the repeats, whose fix removes them all: was one
    "written twice" per repeat, or "expected `on` after `run`, found `run`" for the
    first then "written twice" for the last, or (`catalog catalog catalog shared`)
    "written twice" at the third and the scope said misplaced, its help writing
    `catalog shared catalog catalog server ...`; `backup backup backup APPS` and
    `server server server B` read clean as a group and a server BACKUP, SERVER."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    _assert_one_error(
        text, analysis, "BKR004", f"`{word}` is written {times} in a row",
        f"remove the {3 if times == 'four times' else 2} after the first: write `{word}` once", fixed,
    )
    (found,) = analysis.diagnostics
    at = [m.start() for m in re.finditer(rf"(?<!\S){re.escape(word)}(?!\S)", written)]
    assert found.span.start == text.index(written) + at[1]
    assert text[found.span.start : found.span.end].split() == [word] * (2 if times == "three times" else 3)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "written",
    [
        "catalog catalog server BKRSVSFS shared",
        "catalog catalog catalog server BKRSVSFS shared",
        "catalog CATALOG catalog server BKRSVSFS shared",
    ],
)
def test_h9_a_scope_after_catalog_written_again_is_written_once(written, parser, monkeypatch):
    """`catalog` written again, the scope after the options: the one error at the
    scope wrote the repeats in its help, `catalog shared catalog catalog server ...`,
    and its fix left them; both now leave them out."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("catalog shared server BKRSVSFS", written)
    _assert_one_error(
        text, analysis, "BKR004", "the catalog's scope, `shared`, comes right after `catalog`",
        "write `catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1`",
        "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1",
    )
    (found,) = analysis.diagnostics
    assert found.fix.title == "Move `shared` after `catalog`, and remove the `catalog` written again"


# fmt: off
H9_BELOW = [
    # a statement's keyword alone on its line, then the line typed again whole below it
    ("backup APPS full", "backup\n    backup APPS full", "backup", "backup APPS full", "    backup APPS full"),
    ("backup APPS full", "backup\n\n    backup APPS full", "backup", "backup APPS full", "    backup APPS full"),
    ("job APPSFULL {", "job\n  job APPSFULL {", "job", "job APPSFULL {", "  job APPSFULL {"),
    ("member VMSYS2 {", "member\n  member VMSYS2 {", "member", "member VMSYS2 {", "  member VMSYS2 {"),
    ("run on VMSYS1 daily 02:00", "run\n    run on VMSYS1 daily 02:00", "run", "run on VMSYS1 daily 02:00",
     "    run on VMSYS1 daily 02:00"),
    ("retain 35 days", "retain\n    retain 35 days", "retain", "retain 35 days", "    retain 35 days"),
    ("workers 4\n", "workers\n    workers 4\n", "workers", "workers 4", "    workers 4"),
    ("catalog shared server", "catalog\n  catalog shared server", "catalog",
     "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"),
    ("to disk pool BKUPPOOL\n    run on VMSYS1", "to\n    to disk pool BKUPPOOL\n    run on VMSYS1", "to",
     "to disk pool BKUPPOOL", "    to disk pool BKUPPOOL"),
    ("single group APPS {", "single\n  single group APPS {", "single", "single group APPS { CICSPRD DB2PRD }",
     "  single group APPS { CICSPRD DB2PRD }"),
    ("expire on VMSYS1 {", "expire\n  expire on VMSYS1 {", "expire", "expire on VMSYS1 {", "  expire on VMSYS1 {"),
    ("disk BKRBKUP 191", "disk\n  disk BKRBKUP 191", "disk", "disk BKRBKUP 191 size 10 cyl",
     "  disk BKRBKUP 191 size 10 cyl"),
    ("import std/zvm73", "import\nimport std/zvm73", "import", "import std/zvm73", "import std/zvm73"),
    # read as one statement across the line end: was "`include minidisk` has its two words
    # the wrong way round", its fix writing `minidisk include`
    ("include minidisk * 0191-01FF", "include\n    include minidisk * 0191-01FF", "include",
     "include minidisk * 0191-01FF 0200", "    include minidisk * 0191-01FF 0200"),
    ("exclude minidisk * 0190 019D 019E\n    include", "exclude\n    exclude minidisk * 0190 019D 019E\n    include",
     "exclude", "exclude minidisk * 0190 019D 019E", "    exclude minidisk * 0190 019D 019E"),
    ("include sfs BKRPOOL", "include\n    include sfs BKRPOOL", "include", "include sfs BKRPOOL:CICSPRD.*",
     "    include sfs BKRPOOL:CICSPRD.*"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "word", "statement", "fixed"), H9_BELOW)
def test_h9_a_keyword_alone_then_its_line_below_is_written_twice(
    clean, written, word, statement, fixed, parser, monkeypatch
):
    """The keyword typed, Enter, then the whole line typed again: was the first cut
    short, "expected a group name after `backup`, found the end of the line", whose
    help asked for a group there; now the keyword written twice, at the second,
    whose help writes the line once and whose fix joins the two."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    _assert_one_error(
        text, analysis, "BKR004", f"`{word}` is written twice: alone on its line, then again on the next",
        f"remove the `{word}` alone on the line above: write `{statement}`", fixed,
    )
    (found,) = analysis.diagnostics
    assert found.span.start == text.index(written) + written.rindex(word)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "written", ["backup  # a comment\n    backup APPS full", "backup\n    job APPS full", "backup APPS\n    backup APPS full"]
)
def test_h9_a_keyword_cut_short_above_another_line_is_still_cut_short(written, parser, monkeypatch):
    """Not the same keyword alone with nothing but blanks before the next: said as before."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip("backup APPS full", written)
    assert all("written twice" not in d.message for d in analysis.diagnostics)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "name", "times", "fixed"),
    [
        ("backup APPS full", "backup APPS APPS APPS full", "APPS", "three times", "    backup APPS full"),
        ("backup APPS full", "backup APPS APPS APPS APPS full", "APPS", "four times", "    backup APPS full"),
        ("run on VMSYS1 daily 02:00", "run on VMSYS1 VMSYS1 VMSYS1 daily 02:00", "VMSYS1", "three times",
         "    run on VMSYS1 daily 02:00"),
        ("expire on VMSYS1 {", "expire on VMSYS1 VMSYS1 VMSYS1 {", "VMSYS1", "three times", "  expire on VMSYS1 {"),
    ],
)
def test_h9_a_name_written_three_times_is_one_error(clean, written, name, times, fixed, parser, monkeypatch):
    """A list's name written over and over: was "written twice" whose help wrote the
    list with its commas, `APPS, APPS`, and whose fix wrote that, then "written
    twice" again at the last; now one error over the repeats, whose fix removes them."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    count = 2 if times == "three times" else 3
    _assert_one_error(
        text, analysis, "BKR004", f"`{name}` is written {times} in a row: a list names each of its names once",
        f"remove the {count} after the first; if other names were meant, write each after a `,`", fixed,
    )
    (found,) = analysis.diagnostics
    assert text[found.span.start : found.span.end].split() == [name] * count


# --- h8 (stop 61)

#: Values in quotes and two words or more after them (was "expected `days` after `35 days`,
#: found `now`", "names are written without quotes" without a fix, and "expected `days` after
#: `now`, found `please`", its help "write `days` in place of `please`"): as h1's one word,
#: the quotes' BKR004 and its fix, and "2 words too many", whose help writes the line without
#: the quotes. (the clean line, the line written, the statement's name, its last word, the words)
H8_QUOTED_VALUES_AND_WORDS = [
    ("retain 35 days", 'retain "35 days" now please', "retain", "days", "now please"),
    ("retain 35 days", 'retain "35 days" now please do  # x', "retain", "days", "now please do"),
    ("backup APPS full", 'backup "APPS full" now please', "backup", "full", "now please"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "name", "last", "words"), H8_QUOTED_VALUES_AND_WORDS, ids=[c[1] for c in H8_QUOTED_VALUES_AND_WORDS]
)
def test_h8_values_in_quotes_and_words_after_them_are_two_errors_that_agree(
    clean, written, name, last, words, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    quotes, extra = analysis.diagnostics
    quoted = written[written.index('"') : written.rindex('"') + 1]
    assert (quotes.code, quotes.message, quotes.help) == (
        "BKR004",
        f"a statement's values are written without quotes: `{quoted[1:-1]}`, not `{quoted}`",
        f"remove the quotes: write `{clean}`; only the text after `description` is quoted",
    )
    count = len(words.split())
    assert (extra.code, extra.message, extra.help) == (
        "BKR004",
        f"{count} words too many: the `{name}` statement ends with `{last}`, and `{words}` starts no statement",
        f"remove `{words}`: write `{clean}`",
    )
    for found in (quotes, extra):
        assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, quotes.fix.edits)
    assert repaired == text.replace(quoted, quoted[1:-1], 1)
    assert analyse("prodssi.bkr", text.replace(written, clean, 1).encode("utf-8")).diagnostics == []


#: A member's settings as `key=value` without braces, a key no statement of the block starts
#: with (was the help writing `member VMSYS1 { workers 4  frob M3PRV1 }`, a block that does not
#: check): the help names the key and writes the block with the other settings only, or none
#: where there are none; no fix. (as written, the block the help writes, the keys named)
H8_MEMBER_STARTS = "`description`, `exclude`, `include`, `job-suffix`, `private-volume`, `workers`"
H8_SETTINGS_WITH_AN_UNKNOWN_KEY = [
    ("member VMSYS1 workers=4 frob=M3PRV1", "member VMSYS1 { workers 4 }", "`frob` is no setting"),
    ("member VMSYS1 workers=4 frob=X private-volume=M1PRV1", "member VMSYS1 { workers 4  private-volume M1PRV1 }",
     "`frob` is no setting"),
    ("member VMSYS1 workers=4 frob=1 nix=2", "member VMSYS1 { workers 4 }", "`frob` and `nix` are no settings"),
    ("member VMSYS1 frob=M3PRV1", None, "`frob` is no setting"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "block", "named"), H8_SETTINGS_WITH_AN_UNKNOWN_KEY, ids=[c[0] for c in H8_SETTINGS_WITH_AN_UNKNOWN_KEY])
def test_h8_settings_with_a_key_no_statement_starts_with_write_only_the_known_ones(
    written, block, named, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "member VMSYS1 { workers 4  private-volume M1PRV1 }"
    _, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert (found.code, found.fix) == ("BKR014", None)
    assert found.message.endswith("is written as `key=value` after `member VMSYS1`: a block's settings go"
                                  " inside `{ }`, a blank between keyword and value")
    assert too_long(found, analysis.sources) == []
    reason = f"{named} of a `member` block, whose statements start with {H8_MEMBER_STARTS}"
    assert found.help == (f"write `{block}`; {reason}" if block else reason)
    if block:
        # the block the help writes reads: only what the member then lacks is said
        left = analyse("prodssi.bkr", BASE.replace(clean, block, 1).encode("utf-8")).diagnostics
        assert [d.code for d in left if d.code < "BKR1"] == []


#: A whole record of a job template's columns pasted in (OWNER, VDEV, then VOLUME, DEVTYPE,
#: START and END), each column after the address `*`: the .bkr selection the record makes,
#: written by the help and the fix, as `INCLUDE MINIDISK CICSPRD = 0191` gets (was the generic
#: help "write the selection without `=`, as in `include minidisk * 0191`", no fix).
#: (h2, stop 66: a record whose addresses the job's own selection of its kind and owner
#: takes in, or shares, is no longer written, its selection then BKR312's: the rows name
#: an owner or an address APPSFULL's own lines do not, `* *` and `* 0190` being those.)
H8_TEMPLATE_RECORDS = [
    ("INCLUDE MINIDISK DB2PRD = * * = * *", "include minidisk DB2PRD *"),
    ("INCLUDE MINIDISK LNX* = 0100 - 01FF * = * *  # the guests", "include minidisk LNX* 0100-01FF  # the guests"),
    ("EXCLUDE MINIDISK * = 0195 * = * *", "exclude minidisk * 0195"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "fixed"), H8_TEMPLATE_RECORDS, ids=[c[0] for c in H8_TEMPLATE_RECORDS])
def test_h8_a_whole_template_record_is_written_as_its_selection(written, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    include minidisk * 0191-01FF 0200\n"
    text, analysis = _one_slip(clean, f"    {written}\n{clean}")
    (found,) = analysis.diagnostics
    meant = fixed.split("  #")[0]
    assert (found.code, found.message, found.help) == (
        "BKR014",
        f"`{written.split()[0]}` starts a Backup Manager template record, not a .bkr statement",
        f"write `{meant}`: the owner, then addresses or ranges, without `=`; bkrc writes the template",
    )
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == text.replace(written, fixed, 1)
    assert [d.code for d in analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics if d.code < "BKR1"] == []


#: A record whose columns after the address select more (a volume, a device type): the help
#: writes its owner and addresses and says what the .bkr selection leaves out; no fix.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "meant", "columns"),
    [
        ("INCLUDE MINIDISK * = * VMCOM1 = 3390 * *", "include minidisk * *", "VMCOM1 = 3390 * *"),
        ("EXCLUDE MINIDISK MAINT = 0190 * = 3390 * *  # x", "exclude minidisk MAINT 0190", "* = 3390 * *"),
    ],
)
def test_h8_a_template_record_that_selects_by_volume_gets_a_help_without_a_fix(written, meant, columns, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    include minidisk * 0191-01FF 0200\n"
    _, analysis = _one_slip(clean, f"    {written}\n{clean}")
    (found,) = analysis.diagnostics
    assert (found.code, found.fix) == ("BKR014", None)
    assert found.help == (
        f"write `{meant}`, its owner and addresses: a .bkr selection does not select by the record's"
        f" other columns (`{columns}`); bkrc writes the template"
    )
    assert too_long(found, analysis.sources) == []


#: The heading of a template's selection records on a line of its own, column names alone
#: (`FUNCTION MEDIATYPE OWNER VDEV ...`): h3's BKR012, now with a fix removing the line (it
#: carries no value). `FUNCTION BACKUP` (a level), a comment after the heading, or a heading
#: after a statement on its line keep no fix.
H8_HEADINGS_REMOVED = [c for c in H3_HEADINGS if c[1].split("FUNCTION")[1].split()[0] == "MEDIATYPE"]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written"), H8_HEADINGS_REMOVED, ids=[c[1].strip() for c in H8_HEADINGS_REMOVED])
def test_h8_a_template_heading_alone_on_its_line_is_removed_by_the_fix(clean, written, parser, monkeypatch):
    text = BASE.replace(clean, written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.fix.title) == ("BKR012", "Remove the line")
    assert repaired == BASE


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "written",
    [
        "    backup APPS full\n    FUNCTION BACKUP\n",
        "    backup APPS full\n    FUNCTION MEDIATYPE OWNER VDEV  # the columns\n",
        "    backup APPS full\n    FUNCTION MEDIATYPE OWNER VDEV FULL\n",
    ],
)
def test_h8_a_template_heading_with_more_on_its_line_keeps_no_fix(written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("    backup APPS full\n", written)
    (found,) = analysis.diagnostics
    assert (found.code, found.fix) == ("BKR012", None)


# --- h1 (stop 62)

#: A CP directory USER or IDENTITY line on the line below volume labels whose words cannot all
#: be labels: one BKR012 for the line, as the whole entry (`USER LNXWEB XXXXXXXX 512M 1G G`)
#: already was (was: `USER LNXWEB01` BKR305, "`LNXWEB01` is 8 characters long; a volume label
#: has at most 6"; `USER LNXWEB XXXXXXXX` BKR305 at the password; `USER LNXWEB 512M` and
#: `USER LNXWEB NOLOG` nothing at all, read silently as three more volumes).
#: (the line as prodssi writes it, the line pasted below it, the help's end)
H1_ENTRIES = [
    ("    private-volume M2PRV1\n", "    USER LNXWEB01\n",
     "a job backs up the users of a group: list `LNXWEB01` in a `single group`"),
    ("    private-volume M2PRV1\n", "    USER LNXWEB01  # the web server\n",
     "a job backs up the users of a group: list `LNXWEB01` in a `single group`"),
    ("    private-volume M2PRV1\n", "    USER LNXWEB_1\n",
     "a job backs up the users of a group: list `LNXWEB_1` in a `single group`"),
    ("    private-volume M2PRV1\n", "    USER LNXWEB XXXXXXXX\n",
     "a .bkr file does not hold passwords, storage or privilege classes"),
    ("    private-volume M2PRV1\n", "    USER LNXWEB 512M\n",
     "a .bkr file does not hold passwords, storage or privilege classes"),
    ("    private-volume M2PRV1\n", "    USER LNXWEB NOLOG\n",
     "a .bkr file does not hold passwords, storage or privilege classes"),
    ("  shared-volume VMCOM1\n", "  user lnxweb nopass\n",
     "a .bkr file does not hold passwords, storage or privilege classes"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "pasted", "end"), H1_ENTRIES, ids=[c[1].strip() for c in H1_ENTRIES])
def test_h1_a_directory_entry_below_volume_labels_is_one_error(clean, pasted, end, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, clean + pasted)
    (found,) = analysis.diagnostics
    word = pasted.split()[0]
    assert (found.code, found.message) == ("BKR012", f"`{word}` starts a CP directory entry, not a .bkr statement")
    user = pasted.split()[1].upper()
    assert found.help.startswith(f"declare the user by its kind: `single user {user}` for a USER entry")
    assert found.help.endswith(end)
    assert found.fix is None
    assert too_long(found, analysis.sources) == []
    assert found.span.line == text.split("\n").index(pasted.rstrip("\n")) + 1


#: Words that may all be volume labels stay labels, as a volume USER may be (`USER LNXWEB`,
#: `USER LNXWEB G`: the volumes USER, LNXWEB and G), and so does a line of labels after them.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("pasted", ["    USER LNXWEB\n", "    USER LNXWEB G\n", "    USER\n", "    USER01 M2PRV2\n"])
def test_h1_user_and_words_that_may_be_labels_stay_labels(pasted, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("    private-volume M2PRV1\n", "    private-volume M2PRV1\n" + pasted)
    # read as labels, no error; `USER LNXWEB` warned of since h4 (stop 63): BKR021, still labels
    assert [d.code for d in analysis.diagnostics if d.code < "BKR1" and d.code != "BKR021"] == []


#: A job template's selection heading (`FUNCTION MEDIATYPE OWNER VDEV ...`, column names only)
#: on a line of a group body: one BKR012, whose fix removes the line where it holds nothing
#: else (was: FUNCTION, OWNER, VDEV ... read as user IDs, and BKR301 at `MEDIATYPE`, 9 characters).
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_a_template_heading_in_a_group_body_is_one_error_whose_fix_removes_it(parser, monkeypatch):
    text = BASE.replace("{ CICSPRD DB2PRD }", "{\n    FUNCTION MEDIATYPE OWNER VDEV VOLUME DEVTYPE START END\n    CICSPRD DB2PRD }", 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.message, found.help) == (
        "BKR012",
        "`FUNCTION` heads a Backup Manager template's selection records, not a user ID of the group",
        ("remove it: a group lists user IDs only; a job selects with `include minidisk OWNER ADDR...`,"
        " and bkrc writes the template"),
    )
    assert (found.span.line, found.span.column) == (text.split("\n").index("    FUNCTION MEDIATYPE OWNER VDEV VOLUME DEVTYPE START END") + 1, 5)
    assert repaired == BASE.replace("{ CICSPRD DB2PRD }", "{\n    CICSPRD DB2PRD }", 1)
    # Right after the `{` on the group's line: the same error, no fix (the line holds the group).
    text = BASE.replace("{ CICSPRD DB2PRD }", "{ FUNCTION MEDIATYPE OWNER\n    CICSPRD DB2PRD }", 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, repaired) == ("BKR012", None)


#: A job template's selection record in a group body: one BKR014, not two (was BKR013, "`include`
#: cannot appear inside a `group` block", and BKR014, "`INCLUDE` starts a Backup Manager template
#: record"). A record of every disk (`= *`, its other columns `*`) says who, as a group does: its
#: fix writes the owner as the group's entry, `match LNXDB*` (an ID alone), the job's `include`
#: selecting the disks; one of some addresses is a job's selection too, and gets no fix.
#: (the group as prodssi writes it, the record, the help, the line the fix writes or None)
H1_RECORDS = [
    ("{ LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }", "INCLUDE MINIDISK LNXDB* = * * = * *",
     ("write `match LNXDB*`: the record selects every disk of its owner, whom a group lists; each job that"
     " backs up LINUX selects the disks (`include minidisk LNXDB* *`)"), "    match LNXDB*  # from LNXFULL"),
    ("{ CICSPRD DB2PRD }", "INCLUDE MINIDISK CICSTST = *",
     ("write `CICSTST`: the record selects every disk of its owner, whom a group lists; each job that"
     " backs up APPS selects the disks (`include minidisk CICSTST *`)"), "    CICSTST  # from LNXFULL"),
    ("{ LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }", "INCLUDE MINIDISK LNXAPP* = 0191",
     ("a group lists the record's owner, `match LNXAPP*`; each job that backs up LINUX selects its disks,"
     " `include minidisk LNXAPP* 0191`; bkrc writes the template"), None),
    ("{ LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }", "INCLUDE MINIDISK * = * * = * *",
     "move it into each job that backs up LINUX as `include minidisk * *`; a group lists user IDs only", None),
    ("{ LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }", "EXCLUDE MINIDISK * = 0190",
     ("move it into each job that backs up LINUX as `exclude minidisk * 0190`, or into a `member` block"
     " for its single-configuration jobs; a group lists user IDs only"), None),
    ("{ TCPIP FTPSERVE }", "EXCLUDE MINIDISK * = 0190 - 019F",
     ("move it into each job that backs up SYSIDS as `exclude minidisk * 0190-019F`; a group lists"
     " user IDs only"), None),
    ("{ CICSPRD DB2PRD }", "INCLUDE SFS BKRPOOL:CICS* = *",
     ("remove it: a group lists user IDs only; write the selection in each job that backs up APPS without"
     " `=`, as in `include sfs POOL:USER.DIR`; bkrc writes the template"), None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "record", "help", "fixed"), H1_RECORDS, ids=[c[1] for c in H1_RECORDS])
def test_h1_a_template_record_in_a_group_body_is_one_error(clean, record, help, fixed, parser, monkeypatch):
    text = BASE.replace(clean, "{\n    " + record + "  # from LNXFULL\n    " + clean[2:], 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    word = record.split()[0]
    assert (found.code, found.message, found.help) == (
        "BKR014", f"`{word}` starts a Backup Manager template record, not a user ID of the group", help
    )
    assert found.span.line == text.split("\n").index("    " + record + "  # from LNXFULL") + 1
    if fixed is None:
        assert repaired is None
    else:
        assert fixed in repaired.split("\n")


# --- h2 (stop 62)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("last", "said"),
    [
        ("  catalog S", "expected `local` or `shared` after `catalog`, found `S`"),
        ("  catalog Sh", "expected `local` or `shared` after `catalog`, found `Sh`"),
        ("  CATALOG SH", "expected `local` or `shared` after `CATALOG`, found `SH`"),
        ("  disk BKRBKUP 191 S", "expected `size` after `191`, found `S`"),
        ("  job J {\n    include M", "expected `minidisk` or `sfs` after `include`, found `M`"),
    ],
)
def test_h2_a_keyword_begun_in_capitals_at_the_end_of_the_file_is_one_error(last, said, parser, monkeypatch):
    """A keyword's first letter or two in capitals, the last word of the file (a file
    typed on CMS, or Caps Lock on): keywords are case-insensitive and no name stands
    there, so it is the keyword being typed, one error as in small letters (stop 61);
    was a second on the letters read as a value of a keyword never written ("expected
    the minidisk's virtual address (e.g. 191) after `disk S`, found the end of the file")."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = "cluster DEV {\n" + last
    (found,) = analyse("dev.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.message) == ("BKR004", said)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "word", "times"),
    [
        ("import import import std/zvm73", "import", "three times"),
        ("import import import import std/zvm73", "import", "four times"),
        ("IMPORT IMPORT IMPORT std/zvm73", "IMPORT", "three times"),
    ],
)
def test_h2_import_written_three_times_is_one_error(written, word, times, parser, monkeypatch):
    """`import import import std/zvm73` read clean as two imports, the first of a module
    IMPORT (BKR101 "cannot find module `import`", its help the paths searched): now, as
    any keyword written three times in a row (stop 61), one error at the second, over the
    repeats, whose fix removes them."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("import std/zvm73", written)
    _assert_one_error(
        text, analysis, "BKR004", f"`{word}` is written {times} in a row",
        f"remove the {3 if times == 'four times' else 2} after the first: write `{word}` once", f"{word} std/zvm73",
    )
    (found,) = analysis.diagnostics
    assert text[found.span.start : found.span.end].split() == [word] * (2 if times == "three times" else 3)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["import import std/zvm73", "import import std/backup-manager"])
def test_h2_import_written_twice_is_one_error(written, parser, monkeypatch):
    """Twice, before either module path: "written twice", whose fix removes the second."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = written.replace("import ", "", 1)
    text, analysis = _one_slip(clean, written)
    _assert_one_error(text, analysis, "BKR004", "`import` is written twice", "remove the second `import`", clean)


LNXSSI = (ROOT / "examples" / "lnxssi.bkr").read_text(encoding="utf-8")


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "times"),
    [
        ("backup LINUX LINUX LINUX CMSSVC incremental", "three times"),
        ("backup LINUX LINUX LINUX LINUX CMSSVC incremental", "four times"),
    ],
)
def test_h2_a_name_written_three_times_then_another_is_one_error(written, times, parser, monkeypatch):
    """`backup LINUX LINUX LINUX CMSSVC incremental`: a group written over and over,
    then another without its `,`: was two errors, "written twice" whose help wrote the
    list `LINUX, LINUX, CMSSVC` with no fix, then "written twice" again at the last,
    whose fix left `LINUX CMSSVC` without its `,`. Now one error over the repeats,
    whose help writes the list once with its commas and whose fix writes it."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "backup LINUX, CMSSVC incremental"
    text = LNXSSI.replace(clean, written, 1)
    analysis = analyse("lnxssi.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    count = 2 if times == "three times" else 3
    assert (found.code, found.message, found.help) == (
        "BKR004",
        f"`LINUX` is written {times} in a row: a list names each of its names once",
        f"remove the {count} after the first, and separate the names of the list with commas: `LINUX, CMSSVC`",
    )
    assert text[found.span.start : found.span.end].split() == ["LINUX"] * count
    assert found.fix.title == "Write `LINUX, CMSSVC`"
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == LNXSSI
    assert analyse("lnxssi.bkr", repaired.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "listed", "fixed"),
    [
        ("backup APPS full", "backup APPS APPS APPS LINUX full", "APPS, LINUX", "    backup APPS, LINUX full"),
        # (`expire on VMSYS1 VMSYS1 VMSYS1 VMSYS2 {`: below prodssi's `catalog shared`, one member, h3 stop 64)
        ("run on each member daily 03:30", "run on VMSYS1 VMSYS1 VMSYS1 VMSYS2 daily 03:30", "VMSYS1, VMSYS2",
         "    run on VMSYS1, VMSYS2 daily 03:30"),
        # (of two names or more after the run, the fix writes each `,` too since h1, stop 68,
        # as missing_comma's does: was no fix)
        ("backup APPS full", "backup APPS APPS APPS LINUX SYSIDS full", "APPS, LINUX, SYSIDS", "    backup APPS, LINUX, SYSIDS full"),
    ],
)
def test_h2_a_name_written_three_times_then_others_is_one_syntax_error(clean, written, listed, fixed, parser, monkeypatch):
    """The same in the other lists (`run on`, `expire on`); of two names or more after
    the run, the help writes the list and so does the fix (as after a name written twice).
    The file the fix writes reads clean (what it then says of the names is the checks')."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    name = listed.split(",")[0]
    assert (found.code, found.message, found.help) == (
        "BKR004",
        f"`{name}` is written three times in a row: a list names each of its names once",
        f"remove the 2 after the first, and separate the names of the list with commas: `{listed}`"
        + (H4_RUNS_ON_EACH if written.startswith("run") else ""),  # what the job then does (h4, stop 63)
    )
    assert too_long(found, analysis.sources) == []
    if fixed is None:
        assert found.fix is None
        return
    repaired = apply_edits(text, found.fix.edits)
    assert fixed in repaired.split("\n")
    assert [d.code for d in analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics if d.code < "BKR1"] == []


# fmt: off
H2_RUN_BELOW = [
    # a statement's keyword written again after itself alone on its line, then the line
    # typed whole below it
    ("include minidisk * 0191\n    to disk", "include include\n    include minidisk * 0191\n    to disk", "include",
     "twice", "include minidisk * 0191", "    include minidisk * 0191"),
    ("include minidisk * 0191\n    to disk", "include include include\n    include minidisk * 0191\n    to disk",
     "include", "three times", "include minidisk * 0191", "    include minidisk * 0191"),
    ("include minidisk * 0191\n    to disk", "include include\n\n    include minidisk * 0191\n    to disk", "include",
     "twice", "include minidisk * 0191", "    include minidisk * 0191"),
    ("include minidisk * 0191\n    to disk", "INCLUDE include\n    include minidisk * 0191\n    to disk", "include",
     "twice", "include minidisk * 0191", "    INCLUDE minidisk * 0191"),
    ("include sfs BKRPOOL", "include include\n    include sfs BKRPOOL", "include", "twice",
     "include sfs BKRPOOL:CICSPRD.*", "    include sfs BKRPOOL:CICSPRD.*"),
    ("exclude minidisk * 0190 019D 019E\n    include", "exclude exclude\n    exclude minidisk * 0190 019D 019E\n    include",
     "exclude", "twice", "exclude minidisk * 0190 019D 019E", "    exclude minidisk * 0190 019D 019E"),
    ("job APPSFULL {", "job job\n  job APPSFULL {", "job", "twice", "job APPSFULL {", "  job APPSFULL {"),
    ("member VMSYS2 {", "member member\n  member VMSYS2 {", "member", "twice", "member VMSYS2 {", "  member VMSYS2 {"),
    ("run on VMSYS1 daily 02:00", "run run\n    run on VMSYS1 daily 02:00", "run", "twice",
     "run on VMSYS1 daily 02:00", "    run on VMSYS1 daily 02:00"),
    ("retain 35 days", "retain retain\n    retain 35 days", "retain", "twice", "retain 35 days", "    retain 35 days"),
    ("catalog shared server", "catalog catalog\n  catalog shared server", "catalog", "twice",
     "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"),
    ("to disk pool BKUPPOOL\n    run on VMSYS1", "to to\n    to disk pool BKUPPOOL\n    run on VMSYS1", "to", "twice",
     "to disk pool BKUPPOOL", "    to disk pool BKUPPOOL"),
    ("workers 4\n", "workers workers\n    workers 4\n", "workers", "twice", "workers 4", "    workers 4"),
    ("single group APPS {", "single single\n  single group APPS {", "single", "twice",
     "single group APPS { CICSPRD DB2PRD }", "  single group APPS { CICSPRD DB2PRD }"),
    ("disk BKRBKUP 191", "disk disk\n  disk BKRBKUP 191", "disk", "twice", "disk BKRBKUP 191 size 10 cyl",
     "  disk BKRBKUP 191 size 10 cyl"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "word", "on_line", "statement", "fixed"), H2_RUN_BELOW)
def test_h2_a_keyword_twice_on_its_line_then_its_line_below_is_one_error(
    clean, written, word, on_line, statement, fixed, parser, monkeypatch
):
    """`include include`, then `include minidisk * 0191` below: was two errors, "expected
    `minidisk` or `sfs` after `include`, found `include`" and "`include minidisk` has its
    two words the wrong way round", whose fix wrote `minidisk include` (or, for `run run`,
    "expected `on` after `run`, found `run`" and "`run` is written again after the whole
    `run`"; for `job job`, "expected `{` after `job job`"). Now one error at the word
    below, as stop 61's keyword alone above its line (`_again_below`), whose fix joins
    the lines as the one below is written."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    run = written.split("\n")[0]
    times = "three times" if on_line == "twice" else "four times"
    _assert_one_error(
        text, analysis, "BKR004", f"`{word}` is written {times}: {on_line} on its line, then again on the next",
        f"remove the `{run}` on the line above: write `{statement}`", fixed,
    )
    (found,) = analysis.diagnostics
    below = written.index("\n" + " " * (len(fixed) - len(fixed.lstrip())) + word) + 1
    assert found.span.start == text.index(written) + below + len(fixed) - len(fixed.lstrip())
    assert found.fix.title == f"Remove the `{run}` on the line above"


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "written",
    [
        "include include  # a comment\n    include minidisk * 0191",
        "include include\n    exclude minidisk * 0191",
        "include include minidisk\n    include minidisk * 0191",
    ],
)
def test_h2_a_keyword_twice_on_its_line_above_another_line_is_said_as_before(written, parser, monkeypatch):
    """Not a run of one keyword alone on its line, then that keyword first on the next."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip("include minidisk * 0191\n    to disk", written + "\n    to disk")
    assert analysis.diagnostics
    assert all("on its line, then again" not in d.message for d in analysis.diagnostics)


# --- h6 (stop 62)

#: A CP directory IDENTITY line with a user ID after it in a member, job or expire block, where
#: the keyword `identity` declares nothing: one BKR012 for the line, as `USER LNXWEB01` below
#: labels is (was: BKR004 "expected `group` or `user` after `IDENTITY`" and BKR013 "`IDENTITY`
#: cannot appear inside a `member` block"; with a password, BKR013 alone, its help "written whole:
#: `IDENTITY group XXXXXXXX { ... }`", the password read as a group's name).
#: (the line as prodssi writes it, the line pasted below it, the help's end)
H6_IDENTITIES = [
    ("    private-volume M2PRV1\n", "    IDENTITY TCPIP\n",
     "a job backs up the users of a group: list `TCPIP` in an `identity group`"),
    ("    private-volume M2PRV1\n", "    IDENTITY TCPIP  # the stack\n",
     "a job backs up the users of a group: list `TCPIP` in an `identity group`"),
    ("    private-volume M2PRV1\n", "    identity tcpip\n",
     "a job backs up the users of a group: list `TCPIP` in an `identity group`"),
    ("    workers 4\n", "    IDENTITY TCPIP\n",
     "a job backs up the users of a group: list `TCPIP` in an `identity group`"),
    ("    private-volume M2PRV1\n", "    IDENTITY TCPIP XXXXXXXX\n",
     "a .bkr file does not hold passwords, storage or privilege classes"),
    ("    private-volume M2PRV1\n", "    IDENTITY TCPIP 32M\n",
     "a .bkr file does not hold passwords, storage or privilege classes"),
    ("    private-volume M2PRV1\n", "    IDENTITY TCPIP NOLOG\n",
     "a .bkr file does not hold passwords, storage or privilege classes"),
    ("    to tape\n    run on VMSYS2", "    IDENTITY TCPIP\n",
     "a job backs up the users of a group: list `TCPIP` in an `identity group`"),
    ("    retain 35 days\n", "    IDENTITY TCPIP XXXXXXXX\n",
     "a .bkr file does not hold passwords, storage or privilege classes"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "pasted", "end"), H6_IDENTITIES, ids=[c[0].split()[0] + " " + c[1].strip() for c in H6_IDENTITIES])
def test_h6_an_identity_entry_in_a_member_job_or_expire_block_is_one_error(clean, pasted, end, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    first, _, rest = clean.partition("\n")
    text, analysis = _one_slip(clean, first + "\n" + pasted + rest)
    (found,) = analysis.diagnostics
    word = pasted.split()[0]
    assert (found.code, found.message) == ("BKR012", f"`{word}` starts a CP directory entry, not a .bkr statement")
    assert found.help == (
        "declare the user by its kind: `identity user TCPIP` for an IDENTITY entry (multiconfiguration); " + end
    )
    assert found.fix is None
    assert too_long(found, analysis.sources) == []
    assert (found.span.line, found.span.column) == (text.split("\n").index(pasted.rstrip("\n")) + 1, 5)


#: The entry with the block's `}` on its line leaves the `}` to close the block: one error (was,
#: after `workers 2`, the `}` skipped with the line: BKR005 for the cluster's `{`, and BKR013 at
#: each `member`, `expire` and `job` after it, read inside the member).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("entry", ["IDENTITY TCPIP", "USER LINUX01 XXXXXXXX 512M 1G G", "IDENTITY TCPIP XXXXXXXX 32M 64M G"])
def test_h6_a_directory_entry_before_the_blocks_brace_is_one_error(entry, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "  member VMSYS3 { workers 2  private-volume M3PRV1 }"
    _, analysis = _one_slip(clean, f"  member VMSYS3 {{ workers 2\n    {entry} }}\n  member VMSYS9 {{ workers 2 }}")
    (found,) = [d for d in analysis.diagnostics if d.code < "BKR1"]
    assert (found.code, found.span.line, found.span.column) == ("BKR012", 16, 5)
    assert found.message.endswith("starts a CP directory entry, not a .bkr statement")


#: `identity user TCPIP` or `IDENTITY` alone in a member block is a declaration out of place, not
#: a CP directory entry: BKR013, as it was.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("pasted", ["    IDENTITY user TCPIP\n", "    identity group SYSIDS\n", "    IDENTITY\n"])
def test_h6_an_identity_declaration_in_a_member_block_stays_misplaced(pasted, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("    private-volume M2PRV1\n", "    private-volume M2PRV1\n" + pasted)
    assert [d.code for d in analysis.diagnostics][:1] == ["BKR013"]
    assert not any("CP directory" in d.message for d in analysis.diagnostics)


#: Where a job runs said as a job template or English says it, `on member VMSYS1` on a line of
#: the job: one BKR004 at `on`, whose help and fix write `run on VMSYS1 ...` (was two: "expected
#: `run` before `on`", its help writing `run on member VMSYS1`, itself an error, and BKR004 at
#: `member`). (the line written for `run on VMSYS1 daily 02:00`, the line the fix writes)
H6_ON_MEMBER = [
    ("on member VMSYS1 daily 02:00", "    run on VMSYS1 daily 02:00"),
    ("on member VMSYS1", "    run on VMSYS1"),  # manual
    ("on member VMSYS1  # the first member", "    run on VMSYS1  # the first member"),
    ("ON MEMBER VMSYS1 DAILY 02:00", "    run on VMSYS1 DAILY 02:00"),
    ("on member VMSYS1 weekly sun 02:00", "    run on VMSYS1 weekly sun 02:00"),
    ("on member VMSYS1 daily 02:00\n  }", "    run on VMSYS1 daily 02:00 }"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "fixed"), H6_ON_MEMBER, ids=[c[0].split("\n")[0] for c in H6_ON_MEMBER])
def test_h6_on_member_for_run_on_is_one_error_whose_fix_writes_run_on(written, fixed, parser, monkeypatch):
    clean = "run on VMSYS1 daily 02:00"
    if written.endswith("}"):
        clean, written = clean + "\n  }", written.replace("\n  }", " }")
    text = BASE.replace(clean, written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    word = written.split()[1]
    assert (found.code, found.message) == (
        "BKR004", f"expected `run` before `on`, and `{word}` is not written before the member's name"
    )
    meant = fixed.split("#")[0].rstrip(" }").strip()
    assert found.help == (
        f"write `{meant}`: `on` takes the members' names alone (`member` is written only in `on each member`)"
    )
    assert (found.span.line, found.span.column) == (74, 5)
    assert fixed in repaired.split("\n")


#: Where the rest of the line is no schedule (`at 02:00`), the help writes `run on VMSYS1 ...`,
#: no fix, and the line reads on as `run on VMSYS1`: the schedule's own error follows.
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h6_on_member_before_no_schedule_reads_on_as_run_on(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("run on VMSYS1 daily 02:00", "on member VMSYS1 at 02:00")
    first, schedule = analysis.diagnostics
    assert (first.code, first.fix, first.span.column) == ("BKR004", None, 5)
    assert first.help.startswith("write `run on VMSYS1 ...`: ")
    assert (schedule.code, schedule.span.column) == ("BKR012", 22)
    assert schedule.help.startswith("write `daily 02:00`")


#: A member's name typed with a letter for the digit it looks like, `VMSYSI` for VMSYS1: one
#: letter from each of VMSYS1 to VMSYS4, so "did you mean" named none (help: "the members are
#: VMSYS1, VMSYS2, VMSYS3, VMSYS4; declare it with `member VMSYSI { ... }`"); now VMSYS1, whose
#: fix writes it. `VMSYS5` looks like none of them: the members, and how to declare it.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["VMSYSI", "vmsysl", "VMSYSl"])
def test_h6_a_member_typed_with_a_letter_for_its_digit_is_that_member(written, parser, monkeypatch):
    text = BASE.replace("run on VMSYS1 daily 02:00", f"run on {written} daily 02:00", 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.message, found.help) == (
        "BKR330", f"unknown member `{written.upper()}`",
        "did you mean `VMSYS1`? the members are VMSYS1, VMSYS2, VMSYS3, VMSYS4",
    )
    assert repaired == BASE


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h6_a_member_like_none_is_answered_with_the_members(parser, monkeypatch):
    text = BASE.replace("run on VMSYS1 daily 02:00", "run on VMSYS5 daily 02:00", 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.help, repaired) == (
        "BKR330", "the members are VMSYS1, VMSYS2, VMSYS3, VMSYS4; declare it with `member VMSYS5 { ... }`", None
    )


# --- h8 (stop 62)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "times", "on_line", "fixed"),
    [
        ("import std/zvm73\n", "import import\nimport std/zvm73\n", "three times", "twice", "import std/zvm73"),
        ("import std/zvm73\n", "import import import\nimport std/zvm73\n", "four times", "three times", "import std/zvm73"),
        ("import std/zvm73\n", "import import\n\nimport std/zvm73\n", "three times", "twice", "import std/zvm73"),
        ("    backup APPS full", "    backup backup\n    backup APPS full", "three times", "twice", "    backup APPS full"),
        ("    backup APPS full", "    BACKUP BACKUP\n    backup APPS full", "three times", "twice", "    BACKUP APPS full"),
    ],
)
def test_h8_a_keyword_read_as_its_own_value_then_again_below_is_one_error(
    clean, written, times, on_line, fixed, parser, monkeypatch
):
    """`import import`, then `import std/zvm73` (or `backup backup`, then `backup APPS
    full`) read clean, as a module `import` (BKR101, "cannot find module `import`") or a
    group BACKUP (BKR331); `import import import` above it was the one error below and
    BKR101 besides. Now one syntax error at the word below, as `include include` then
    `include minidisk * 0191` (`_run_again_below`), whose fix joins the lines."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    word = fixed.split()[0]
    run = " ".join(written.split("\n")[0].split())
    _assert_one_error(
        text, analysis, "BKR004", f"`{word.lower()}` is written {times}: {on_line} on its line, then again on the next",
        f"remove the `{run}` on the line above: write `{' '.join(clean.split())}`", fixed,
    )
    (found,) = analysis.diagnostics
    assert too_long(found, analysis.sources) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written"),
    [
        ("    backup APPS full", "    backup BACKUP\n    backup APPS full"),  # a group BACKUP, as CP writes names
        ("    backup APPS full", "    backup BACKUP full\n    backup APPS full"),
        ("    backup APPS full", "    backup backup  # a comment\n    backup APPS full"),
        ("    backup APPS full", "    backup backup\n    include minidisk * 0191\n    backup APPS full"),
    ],
)
def test_h8_a_group_named_like_its_keyword_above_the_keyword_is_read_as_before(clean, written, parser, monkeypatch):
    """Not the line typed again below: a name in capitals after the keyword in small
    letters (a group BACKUP), a level or a comment after it, or another statement
    below. No syntax error (the checks say what they say of a group BACKUP)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip(clean, written)
    assert [d.code for d in analysis.diagnostics if d.code < "BKR1"] == []
    said = [d.message for d in analysis.diagnostics if d.code == "BKR331"]
    # in small letters, no group BACKUP declared: the keyword twice, BKR331 says (stop 64)
    assert said == [
        "`BACKUP` is neither a group nor a declared user" if "BACKUP" in written
        else "`backup` is written twice, with no group name after it"
    ]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "word", "times"),
    [
        ("import import import\n", "import", "three times"),
        ("import import import import\n", "import", "four times"),
        ("IMPORT IMPORT IMPORT  # std/zvm73 was meant\n", "IMPORT", "three times"),
    ],
)
def test_h8_import_written_three_times_without_a_path_is_one_error(written, word, times, parser, monkeypatch):
    """`import import import` with nothing after it on its line was two errors: BKR101
    for a module `import`, and "`import` is written again after the whole `import
    import`", whose help wrote `import import`. Now one error over the repeats, which
    says the path is missing too; no fix (no module is known), and no module `import`."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("import std/zvm73\n", "import std/zvm73\n" + written)
    (found,) = analysis.diagnostics
    count = 3 if times == "four times" else 2
    assert (found.code, found.message, found.help) == (
        "BKR004",
        f"`{word}` is written {times} in a row, with no module path after it",
        (  # stop 64: the modules, as `import import`'s help lists them
            f"remove the {count} after the first, and write a module path after the first: the standard library has"
            " `std/backup-manager`, `std/zvm-common`, `std/zvm72`, `std/zvm73`, `std/zvm74`"
        ),
    )
    assert found.fix is None
    assert text[found.span.start : found.span.end].split() == [word] * count
    assert too_long(found, analysis.sources) == []
    # the path written after the first, the repeats removed: the file reads clean
    line = written.split("\n")[0]
    mended = text.replace(line, f"{word} std/backup-manager", 1)
    assert analyse("prodssi.bkr", mended.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "words", "value", "line"),
    [
        ("    workers 4\n", "    workers 4#four as planned\n", "as planned", "4#four", "workers 4 #four as planned"),
        ("    workers 4\n", "    workers 4#four planned\n", "planned", "4#four", "workers 4 #four planned"),
        ("    workers 4\n", "    workers 4# as planned\n", "as planned", "4#", "workers 4 # as planned"),
        ("to disk pool BKUPPOOL\n    run on VMSYS1", "to disk pool BKUPPOOL#x as planned\n    run on VMSYS1",
         "as planned", "BKUPPOOL#x", "to disk pool BKUPPOOL #x as planned"),
    ],
)
def test_h8_a_comment_glued_to_a_value_then_words_is_said_so(clean, written, words, value, line, parser, monkeypatch):
    """`workers 4#four as planned`: was "2 words too many", whose help wrote `workers
    4#four`, itself an error (BKR316: a `#` inside a word is part of it). Now the help
    says to write a blank before the `#`, as BKR316's does, and the fix writes it: the
    file then reads clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == (
        "BKR004",
        f"`{words}` starts no statement: a `#` inside a word is part of it, so `{value}` is one word",
        f"if a comment follows, write a blank before the `#`: `{line}`",
    )
    assert text[found.span.start : found.span.end] == words
    assert found.fix.title == "Write a blank before `#`"
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert line in repaired
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "written",
    [
        "to disk pool SYS#1 as planned\n    run on VMSYS1",  # a name with a `#`, as CP writes IDs
        "to disk pool sys#x as planned\n    run on VMSYS1",
    ],
)
def test_h8_a_name_with_a_hash_then_words_is_not_a_comment_glued(written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip("to disk pool BKUPPOOL\n    run on VMSYS1", written)
    assert analysis.diagnostics
    assert all("blank before the `#`" not in (d.help or "") for d in analysis.diagnostics)


# --- h3 (stop 63)

#: Where an IDENTITY job runs said as English says it, `each member` the other way round
#: and `run` left out: one error at `on`, whose help and fix write `run on each member ...`
#: (was two: "expected `run` before `on`", its help writing `run on member each ...`, and
#: the two words the wrong way round at `member`, whose fix left `run` out). A time
#: written another way, the fix writes as BKR313's does. (as written, the line fixed)
H3_MEMBER_EACH = [
    ("on member each daily 03:30", "    run on each member daily 03:30"),
    ("ON MEMBER EACH DAILY 03:30", "    run on EACH MEMBER DAILY 03:30"),
    ("on member each daily 03:30  # every member", "    run on each member daily 03:30  # every member"),
    ("on member each daily 3:30am", "    run on each member daily 03:30"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "fixed"), H3_MEMBER_EACH, ids=[c[0] for c in H3_MEMBER_EACH])
def test_h3_on_member_each_in_a_job_is_one_error_whose_fix_writes_run_on_each_member(written, fixed, parser, monkeypatch):
    text = BASE.replace("run on each member daily 03:30", written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    member, each = written.split()[1:3]
    meant = fixed.split("#")[0].strip()
    assert (found.code, found.message, found.help) == (
        "BKR004",
        f"expected `run` before `on`, and `{member} {each}` has its two words the wrong way round",
        f"write `{meant}`: `{each}` comes before `{member}`",
    )
    assert (found.span.line, found.span.column) == (82, 5)
    assert fixed in repaired.split("\n")


#: Where a job runs said again after its `run` statement's schedule (`on member VMSYS1`,
#: as a job template adds it): one error over the repeat, whose fix removes it (was two:
#: "expected `run` before `on`", its help writing `run on member VMSYS1`, and BKR004 at
#: `member`; after `each member`, "the days follow without `on`", whose fix wrote `daily
#: 02:00 member`). (the clean line, the repeat written after it, where it starts)
H3_PLACEMENT_AGAIN = [
    ("run on VMSYS1 daily 02:00", " on member VMSYS1", 31, "`VMSYS1`"),
    ("run on VMSYS1 daily 02:00", " on VMSYS1", 31, "`VMSYS1`"),
    ("run on VMSYS1 daily 02:00", "  ON MEMBER VMSYS1", 32, "`VMSYS1`"),
    ("run on VMSYS2 weekly sat 22:00", " on member VMSYS2", 36, "`VMSYS2`"),
    ("run on each member daily 03:30", " on each member", 36, "every member"),
    ("run on each member monthly last-day 20:00", " on each member", 47, "every member"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "again", "column", "named"), H3_PLACEMENT_AGAIN, ids=[c[0] + c[1] for c in H3_PLACEMENT_AGAIN])
def test_h3_where_a_job_runs_said_again_after_its_schedule_is_one_error_whose_fix_removes_it(
    clean, again, column, named, parser, monkeypatch
):
    text = BASE.replace(clean, clean + again, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    placement = " ".join(clean.split()[:4 if "each" in clean else 3])
    assert (found.code, found.message, found.help) == (
        "BKR004",
        f"`{again.strip()}` says again where the job runs: `{placement}` names {named} already",
        f"remove it: write `{clean}`",
    )
    assert found.span.column == column
    assert repaired == BASE


#: Naming other members than the statement does, which is meant is the site's: the help
#: writes the line on either, its two choices (`Diagnostic.choices`), no fix; each
#: choice gives a file with no syntax error, the first the file as it was.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("again", "moved"),
    [(" on member VMSYS3", "run on VMSYS3 daily 02:00"), (" on each member", "run on each member daily 02:00")],
)
def test_h3_other_members_named_again_after_the_schedule_are_two_choices(again, moved, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00" + again)
    (found,) = analysis.diagnostics
    assert (found.code, found.fix) == ("BKR004", None)
    assert found.message == f"`{again.strip()}` says again where the job runs, and not as `run on VMSYS1` says it"
    assert found.help == (
        f"write `run on VMSYS1 daily 02:00` or `{moved}`: a `run` statement names its members once, after `run on`"
    )
    assert too_long(found, analysis.sources) == []
    assert [c.title for c in found.choices] == ["Write `run on VMSYS1 daily 02:00`", f"Write `{moved}`"]
    kept, other = (apply_edits(text, c.edits) for c in found.choices)
    assert kept == BASE
    assert other == BASE.replace("run on VMSYS1 daily 02:00", moved, 1)
    assert [d.code for d in analyse("prodssi.bkr", other.encode("utf-8")).diagnostics if d.code < "BKR1"] == []


#: `on member VMSYS1 daily 2am`: the fix wrote `run on VMSYS1 daily 2am`, then BKR313
#: with a fix of its own. Now the one fix writes the time as BKR313's would: the file
#: checks clean after it. (the clean line, as written)
H3_TIMES = [
    ("run on VMSYS1 daily 02:00", "on member VMSYS1 daily 2am"),
    ("run on VMSYS1 daily 02:00", "on member VMSYS1 daily 2AM"),
    ("run on VMSYS1 daily 02:00", "on member VMSYS1 daily 0200"),
    ("run on VMSYS1 daily 02:00", "on member VMSYS1 daily 2:00am  # nightly"),
    ("run on VMSYS2 weekly sat 22:00", "on member VMSYS2 weekly sat 10pm"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written"), H3_TIMES, ids=[c[1] for c in H3_TIMES])
def test_h3_on_member_with_a_time_written_otherwise_is_one_fix_that_checks(clean, written, parser, monkeypatch):
    text = BASE.replace(clean, written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert found.message == "expected `run` before `on`, and `member` is not written before the member's name"
    assert found.help.startswith(f"write `{clean}`: ")
    assert found.fix.title == f"Write `{clean}`"
    assert repaired == (BASE if "#" not in written else BASE.replace(clean, clean + "  # nightly", 1))


#: `run on member VMSYS1 daily 02:00`: the help's two readings, `member` removed or `each
#: member`, were words only, which no editor offered. Now its choices (`Diagnostic.choices`,
#: which the language server offers each of), no fix: which is meant is the site's. Each
#: gives a file with no syntax error, the first the file as it was. After a `,` list
#: (`member VMSYS1, VMSYS2`), `each member` cannot stand for the first name: one choice.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "titles"),
    [
        ("run on member VMSYS1 daily 02:00", ["Write `on VMSYS1`", "Write `on each member`"]),
        ("run on MEMBER VMSYS1 daily 02:00", ["Write `on VMSYS1`", "Write `on each member`"]),
        ("run on member  VMSYS1", ["Write `on VMSYS1`", "Write `on each member`"]),
        ("run on member VMSYS1, VMSYS2 daily 02:00", ["Write `on VMSYS1`"]),
    ],
)
def test_h3_member_before_the_member_s_name_offers_each_reading(written, titles, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("run on VMSYS1 daily 02:00", written)
    (found,) = analysis.diagnostics
    assert (found.code, found.fix) == ("BKR004", None)
    assert found.help == "write `on VMSYS1` to run on that member, or `on each member` to run on every member"
    assert [c.title for c in found.choices] == titles
    fixed = [apply_edits(text, c.edits) for c in found.choices]
    assert fixed[0] == BASE.replace("run on VMSYS1 daily 02:00", " ".join(written.replace("member", "").replace("MEMBER", "").split()), 1)
    if len(fixed) > 1:
        assert fixed[1] == BASE.replace("run on VMSYS1 daily 02:00", written.replace("member  VMSYS1", "each member").replace("member VMSYS1", "each member").replace("MEMBER VMSYS1", "each member"), 1)
    for after in fixed:
        assert [d.code for d in analyse("prodssi.bkr", after.encode("utf-8")).diagnostics if d.code < "BKR1"] == []


#: A comment glued to a statement's last value with the block's `}` after it on the line
#: (`{ workers 4#four as planned }`): was the generic "`as` is not a keyword" (BKR012), as
#: a blank before the `#` alone would put the `}` in the comment. Now the error `workers
#: 4#four as planned` alone gets, whose help and fix write the `}` before the comment: the
#: `}` kept, closing its block, and the file checks clean. (h8's test above named this
#: case as no comment glued, "the comment would take the `}`"; it is in this one now.)
H3_GLUED_BRACE = [
    ("{ workers 4  private-volume M1PRV1 }", "{ private-volume M1PRV1  workers 4#four as planned }",
     "as planned", "4#four", "workers 4 } #four as planned"),
    ("{ workers 2  private-volume M3PRV1 }", "{ private-volume M3PRV1  workers 2#two as planned }  # VMSYS3",
     "as planned", "2#two", "workers 2 } #two as planned"),
    ("run on VMSYS1 daily 02:00\n  }", "run on VMSYS1 daily 02:00#nightly as agreed }",
     "as agreed", "02:00#nightly", "run on VMSYS1 daily 02:00 } #nightly as agreed"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "words", "value", "line"), H3_GLUED_BRACE, ids=[c[1] for c in H3_GLUED_BRACE])
def test_h3_a_comment_glued_before_the_block_s_brace_keeps_the_brace(clean, written, words, value, line, parser, monkeypatch):
    text = BASE.replace(clean, written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.message, found.help) == (
        "BKR004",
        f"`{words}` starts no statement: a `#` inside a word is part of it, so `{value}` is one word",
        f"if a comment follows, write a blank before the `#`, and the `}}` before the comment: `{line}`",
    )
    assert text[found.span.start : found.span.end] == words
    assert found.fix.title == "Write a blank and the `}` before `#`"
    (fixed,) = [row for row in repaired.split("\n") if line in row]
    assert fixed.rstrip().endswith(line) or fixed.endswith("  # VMSYS3")


#: The schedule written before the members, with `member` before them, `at` before the
#: time or the time written another way: one error whose fix writes the line in order,
#: as `run daily 02:00 on VMSYS1`'s does, and the file checks clean (was three errors for
#: `on member VMSYS1`, "expected `on` after `run`" whose choices checked no better, then
#: the two of `on member VMSYS1`; two for `daily at 02:00`; for `2am`, a fix writing
#: `daily 2am`, then BKR313). (as written, what the help says after the line)
H3_SCHEDULE_FIRST = [
    ("run daily 02:00 on member VMSYS1", ": `member` is written only in `on each member`"),
    ("run daily 2am on VMSYS1", ""),
    ("run daily at 02:00 on VMSYS1", ": the time follows without `at`"),
    ("run daily at 2am on member VMSYS1  # nightly",
     ": `member` is written only in `on each member`; the time follows without `at`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "said"), H3_SCHEDULE_FIRST, ids=[c[0] for c in H3_SCHEDULE_FIRST])
def test_h3_a_schedule_before_member_with_more_slips_is_one_error_whose_fix_checks(written, said, parser, monkeypatch):
    text = BASE.replace("run on VMSYS1 daily 02:00", written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.message, found.help) == (
        "BKR004",
        "the schedule comes after the members the job runs on, not before them",
        f"write `run on VMSYS1 daily 02:00`{said}",
    )
    assert repaired == (BASE if "#" not in written else BASE.replace("daily 02:00\n", "daily 02:00  # nightly\n", 1))


#: A range of days with `at` keeps its two errors (no order of the words a fix could
#: write has days where `weekly` takes them): not a fix that leaves `mon-fri`.
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_a_days_range_with_at_before_the_members_gets_no_fix_that_leaves_the_range(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("run on VMSYS1 daily 02:00", "run weekly mon-fri at 22:00 on VMSYS1")
    assert all("weekly mon-fri 22:00`" not in (d.help or "") for d in analysis.diagnostics)


#: Members said again after the schedule joined by `and`, as English lists them: the one
#: error, whose second choice writes them with their `,` (was two: "expected `run` before
#: `on`", then `and` for `,`, whose fix left the repeat).
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_members_said_again_with_and_are_the_one_error(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 on VMSYS1 and VMSYS2")
    (found,) = analysis.diagnostics
    assert found.message == "`on VMSYS1 and VMSYS2` says again where the job runs, and not as `run on VMSYS1` says it"
    assert [c.title for c in found.choices] == [
        "Write `run on VMSYS1 daily 02:00`", "Write `run on VMSYS1, VMSYS2 daily 02:00`",
    ]
    assert apply_edits(text, found.choices[0].edits) == BASE


#: Two times joined by a `,` (`daily 02:00,14:00`), as a list of times is written
#: elsewhere: the error two times get without it (`daily 02:00 14:00`), at the second, a
#: job for each (was the generic "a `,` cannot appear here", whose help spoke of member
#: lists and group entries). (clean, as written, the statement kept, the help's end)
H3_TIMES_BY_COMMA = [
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00,14:00", "run", "02:00", "14:00", 31),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00, 14:00  # twice", "run", "02:00", "14:00", 32),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly sat 22:00,23:30", "run", "22:00", "23:30", 36),
    ("preview daily 01:00", "preview daily 01:00,13:00", "preview", "01:00", "13:00", 25),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "keyword", "first", "second", "column"), H3_TIMES_BY_COMMA, ids=[c[1] for c in H3_TIMES_BY_COMMA])
def test_h3_two_times_joined_by_a_comma_are_two_times(clean, written, keyword, first, second, column, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.fix) == (
        "BKR004", f"the `{keyword}` statement's schedule has one time: `{second}` cannot follow `{first}`", None,
    )
    assert found.span.column == column and text[found.span.start : found.span.end] == second
    if keyword == "run":
        assert found.help.startswith(f"write a job for each time, the same but for its `run`: `{clean}` and ")
    else:
        assert found.help == f"keep one time: `{clean}`"
    assert too_long(found, analysis.sources) == []


#: A time window where a schedule's time goes (`daily 02:00-04:00`): BKR313's help wrote
#: "write HH:MM on a 24-hour clock", no fix; now it says a schedule gives a start time
#: and writes the start, and its fix gives the file back. A window whose end is no time
#: (`02:00-25:00`) keeps the help it had. (clean, as written, the schedule written)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "schedule"),
    [
        ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00-04:00", "daily 02:00"),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly sat 22:00-23:30", "weekly sat 22:00"),
        ("purge weekly sun 03:00", "purge weekly sun 03:00-04:00", "weekly sun 03:00"),
    ],
)
def test_h3_a_time_window_for_the_time_is_its_start(clean, written, schedule, parser, monkeypatch):
    text = BASE.replace(clean, written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    window = written.split()[-1]
    start = schedule.split()[-1]
    assert (found.code, found.message, found.help) == (
        "BKR313",
        f"`{window}` is not a time of day",
        (
            f"a schedule gives a start time, not a time window: write `{schedule}`;"
            f" what is scheduled starts at {start} and runs until it is done"
        ),
    )
    assert repaired == BASE


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_a_window_whose_end_is_no_time_keeps_its_help(parser, monkeypatch):
    text = BASE.replace("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00-25:00", 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.help, repaired) == ("BKR313", "write HH:MM on a 24-hour clock, from 00:00 to 23:59", None)


#: `member each` after a schedule written first (`run daily 03:30 on member each`): the
#: one error `run daily 03:30 on each member` gets, whose help says the words' order
#: too and whose fix writes `run on each member daily 03:30` (was three: "expected `on`
#: after `run`", then "expected `run` before `on`", then the two words the wrong way round).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("run daily 03:30 on member each", ": `each` comes before `member`"),
        ("run daily at 3:30am on member each", ": `each` comes before `member`; the time follows without `at`"),
    ],
)
def test_h3_member_each_after_a_schedule_written_first_is_one_error(written, said, parser, monkeypatch):
    text = BASE.replace("run on each member daily 03:30", written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.message, found.help) == (
        "BKR004",
        "the schedule comes after the members the job runs on, not before them",
        f"write `run on each member daily 03:30`{said}",
    )
    assert repaired == BASE


#: Where the rest of the line is no schedule (`on member each at 02:00`), the help writes
#: `run on each member ...`, no fix, and the line reads on as `run on each member`: the
#: schedule's own error follows, as after `on member VMSYS1 at 02:00` (was "one word too
#: many: the `run` statement ends with `member`, and `each` starts no statement").
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_on_member_each_before_no_schedule_reads_on_as_run_on_each_member(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("run on each member daily 03:30", "on member each at 03:30")
    first, schedule = analysis.diagnostics
    assert (first.code, first.fix, first.span.column) == ("BKR004", None, 5)
    assert first.help == "write `run on each member ...`: `each` comes before `member`"
    assert (schedule.code, schedule.span.column) == ("BKR012", 20)
    assert schedule.help.startswith("write `daily 03:30`")


#: The time after `at` right after `run`, then the members, then how often, as English says
#: it (`run at 02:00 on VMSYS1 daily`): one error, as `run daily at 02:00 on VMSYS1`'s,
#: whose fix writes `run on VMSYS1 daily 02:00` (was "expected `on` after `run`, found
#: `at`", whose choices inserted `on VMSYS1` before the words, which read no better).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written"),
    [
        ("run on VMSYS1 daily 02:00", "run at 02:00 on VMSYS1 daily"),
        ("run on VMSYS1 daily 02:00", "run at 2am on VMSYS1 daily"),
        ("run on VMSYS2 weekly sat 22:00", "run at 10pm on VMSYS2 weekly sat"),
    ],
)
def test_h3_the_time_after_at_before_the_members_is_one_error_whose_fix_checks(clean, written, parser, monkeypatch):
    text = BASE.replace(clean, written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.message, found.help) == (
        "BKR004",
        "the schedule comes after the members the job runs on, not before them",
        f"write `{clean}`: the time follows without `at`",
    )
    assert repaired == BASE


# --- h4 (stop 63)

#: A CP directory IDENTITY line at cluster level, where `identity` declares: the user ID where its
#: `group` or `user` is wanted, alone or with what CP writes after it (a storage size, NOLOG),
#: is one BKR012 with the help it gets in a member, job or expire block (was BKR004 "expected
#: `group` or `user` after `IDENTITY`", help "write `group` or `user` after `IDENTITY`"; with
#: `32M` or `NOLOG` after it, "write `user` in place of `TCPIP`", whose fix declared a user 32M).
#: (the line as prodssi writes it, the line pasted below it, the help's end)
H4_CLUSTER_IDENTITIES = [
    ("  shared-volume VMCOM1\n", "  IDENTITY TCPIP\n",
     "a job backs up the users of a group: list `TCPIP` in an `identity group`"),
    ("  shared-volume VMCOM1\n", "  IDENTITY TCPIP  # the stack\n",
     "a job backs up the users of a group: list `TCPIP` in an `identity group`"),
    ("  shared-volume VMCOM1\n", "  identity tcpip\n",
     "a job backs up the users of a group: list `TCPIP` in an `identity group`"),
    ("  shared-volume VMCOM1\n", "  IDENTITY TCPIP 32M\n",
     "a .bkr file does not hold passwords, storage or privilege classes"),
    ("  shared-volume VMCOM1\n", "  IDENTITY TCPIP NOLOG\n",
     "a .bkr file does not hold passwords, storage or privilege classes"),
    ("import std/zvm73\n", "IDENTITY TCPIP\n",
     "a job backs up the users of a group: list `TCPIP` in an `identity group`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "pasted", "end"), H4_CLUSTER_IDENTITIES, ids=[c[1].strip() for c in H4_CLUSTER_IDENTITIES]
)
def test_h4_an_identity_entry_at_cluster_level_is_one_error(clean, pasted, end, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, clean + pasted)
    (found,) = analysis.diagnostics
    word = pasted.split()[0]
    assert (found.code, found.message) == ("BKR012", f"`{word}` starts a CP directory entry, not a .bkr statement")
    assert found.help == (
        "declare the user by its kind: `identity user TCPIP` for an IDENTITY entry (multiconfiguration); " + end
    )
    assert found.fix is None
    assert too_long(found, analysis.sources) == []
    column = len(pasted) - len(pasted.lstrip()) + 1
    assert (found.span.line, found.span.column) == (text.split("\n").index(pasted.rstrip("\n")) + 1, column)


#: Where a declaration reads the line better it stays the declaration's error: `group` or `user`
#: misspelt or being typed, a pattern, names listed, a role (`user` left out before them).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "pasted",
    ["  identity usr TCPIP\n", "  identity us\n", "  identity gr\n", "  identity BKRWRK* role worker\n",
     "  IDENTITY TCPIP, FTPSERVE\n", "  identity TCPIP role worker\n", "  IDENTITY\n"],
)
def test_h4_an_identity_declaration_at_cluster_level_is_no_entry(pasted, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n" + pasted)
    assert analysis.diagnostics
    assert not any("CP directory" in d.message for d in analysis.diagnostics)


#: A job template's selection record after the group body's user IDs on their line (not first on
#: it, as in h1's stop 62 cases): the same one BKR014 and, for a record of every disk, the same fix
#: writing its owner as the group's entry (was two errors: BKR013 "`include` cannot appear inside
#: a `group` block", then BKR014 "`INCLUDE` starts a Backup Manager template record, not a .bkr
#: statement", whose help wrote `include minidisk LNXDB* *`, a job's statement, and no fix).
#: (the group as prodssi writes it, as written with the record, the help, the line the fix writes)
H4_RECORDS_AFTER_IDS = [
    ("{ LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }",
     "{ LNXWEB01 LNXWEB02 INCLUDE MINIDISK LNXDB* = * * = * *\n    match LNXAPP* }",
     ("write `match LNXDB*`: the record selects every disk of its owner, whom a group lists; each job that"
      " backs up LINUX selects the disks (`include minidisk LNXDB* *`)"),
     "  single group LINUX { LNXWEB01 LNXWEB02 match LNXDB*"),
    ("{ LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }",
     "{\n    LNXWEB01 LNXWEB02 INCLUDE MINIDISK LNXDB* = * * = * *  # from LNXFULL\n    match LNXAPP* }",
     ("write `match LNXDB*`: the record selects every disk of its owner, whom a group lists; each job that"
      " backs up LINUX selects the disks (`include minidisk LNXDB* *`)"),
     "    LNXWEB01 LNXWEB02 match LNXDB*  # from LNXFULL"),
    ("{ LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }",
     "{ LNXWEB01 LNXWEB02 match LNXAPP* INCLUDE MINIDISK LNXDB* = * * = * * }",
     ("write `match LNXDB*`: the record selects every disk of its owner, whom a group lists; each job that"
      " backs up LINUX selects the disks (`include minidisk LNXDB* *`)"),
     "  single group LINUX { LNXWEB01 LNXWEB02 match LNXAPP* match LNXDB* }"),
    ("{ CICSPRD DB2PRD }", "{ CICSPRD INCLUDE MINIDISK DB2PRD = * }",
     ("write `DB2PRD`: the record selects every disk of its owner, whom a group lists; each job that"
      " backs up APPS selects the disks (`include minidisk DB2PRD *`)"),
     "  single group APPS { CICSPRD DB2PRD }"),
    ("{ LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }",
     "{ LNXWEB01 LNXWEB02 INCLUDE MINIDISK LNXDB* = 0191\n    match LNXAPP* }",
     ("a group lists the record's owner, `match LNXDB*`; each job that backs up LINUX selects its disks,"
      " `include minidisk LNXDB* 0191`; bkrc writes the template"), None),
    ("{ LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }",
     "{ LNXWEB01 LNXWEB02 EXCLUDE MINIDISK * = 0190\n    match LNXAPP* }",
     ("move it into each job that backs up LINUX as `exclude minidisk * 0190`, or into a `member` block"
      " for its single-configuration jobs; a group lists user IDs only"), None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "help", "fixed"), H4_RECORDS_AFTER_IDS, ids=[c[1].split("\n")[0] for c in H4_RECORDS_AFTER_IDS]
)
def test_h4_a_template_record_after_user_ids_on_a_group_line_is_one_error(clean, written, help, fixed, parser, monkeypatch):
    text = BASE.replace(clean, written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    word = next(w for w in ("INCLUDE", "EXCLUDE") if w in written)
    assert (found.code, found.message, found.help) == (
        "BKR014", f"`{word}` starts a Backup Manager template record, not a user ID of the group", help
    )
    assert text[found.span.start : found.span.end] == word
    if fixed is None:
        assert repaired is None
    else:
        assert fixed in repaired.split("\n"), repaired


#: A job's members written without their `,`: the fix writes the list, and the file it writes
#: meets BKR220 (a job of single-configuration users on more than one member) or BKR221 (one of
#: IDENTITY users on some members only), which the help now says (was "separate the names of a
#: list with commas: `VMSYS1, VMSYS2`" alone, the checks' error a surprise after `check --fix`).
#: The fix stays: which members were meant, and the users' kind, are not the parser's to say.
#: (the line as prodssi writes it, as written, the help's start, the code the fixed file meets)
H4_MEMBERS_WITHOUT_COMMAS = [
    # (`run on VMSYS1 VMSYS2 daily 02:00` in a job of single-configuration users: each
    # member a choice since h1, stop 67: test_h1_67_members_without_commas_in_a_job_on_one_member)
    ("run on each member daily 03:30", "run on VMSYS1 VMSYS2 daily 03:30",
     "separate the names of a list with commas: `VMSYS1, VMSYS2`", "BKR221"),
    # (these three in a job of single-configuration users: one member the fix, else each a
    # choice since h1, stop 68: test_h1_68_a_doubled_or_late_member_list_in_a_job_on_one_member)
    ("run on each member daily 03:30", "run on VMSYS1 VMSYS1 VMSYS2 daily 03:30",
     "remove the second `VMSYS1`, and separate the names of the list with commas: `VMSYS1, VMSYS2`", "BKR221"),
    ("run on each member daily 03:30", "run daily 03:30 on VMSYS1 VMSYS2",
     "write `run on VMSYS1, VMSYS2 daily 03:30`: a `,` is missing between `VMSYS1` and `VMSYS2`", "BKR221"),
    ("run on each member daily 03:30", "daily 03:30 run on VMSYS1 VMSYS2",
     "write `run on VMSYS1, VMSYS2 daily 03:30`: a `,` is missing between `VMSYS1` and `VMSYS2`", "BKR221"),
]

H4_RUNS_ON_EACH = (
    "\nthe job then runs on each member listed: one of single-configuration users runs on one member"
    " (BKR220), one of IDENTITY users on every member (BKR221)"
)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "start", "then"), H4_MEMBERS_WITHOUT_COMMAS, ids=[c[1] for c in H4_MEMBERS_WITHOUT_COMMAS]
)
def test_h4_a_jobs_members_without_commas_say_what_the_job_then_does(clean, written, start, then, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert found.code == "BKR004"
    assert found.help == start + H4_RUNS_ON_EACH
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert [d.code for d in analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics] == [then]


#: Other lists without their `,` say nothing of a job's members: a group list, an expire
#: block's members, and a job of IDENTITY users listing every member (the help's rule holds).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written"),
    [
        ("backup APPS full", "backup APPS LINUX full"),
        ("expire on VMSYS1 {", "expire on VMSYS1 VMSYS2 {"),
        ("expire on VMSYS1 {", "expire on VMSYS1 VMSYS1 VMSYS2 {"),
    ],
)
def test_h4_other_lists_without_commas_say_nothing_of_members(clean, written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert "BKR220" not in found.help and found.fix is not None


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h4_every_member_listed_for_identity_users_checks_clean(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("run on each member daily 03:30", "run on VMSYS1 VMSYS2 VMSYS3 VMSYS4 daily 03:30")
    (found,) = analysis.diagnostics
    assert found.help.endswith(H4_RUNS_ON_EACH)
    repaired = apply_edits(text, found.fix.edits)
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


#: A CP directory statement's line pasted below a volume list's labels whose words may all be
#: labels (`USER LNXWEB` below `private-volume M2PRV1`): read, as before, as more volumes, but
#: no longer silently (h1 kept `USER LNXWEB` as labels, stop 62): BKR021, the list read on into
#: what reads as another language's statement, at its first word, whose help says what the
#: .bkr file writes for it, or where volumes so named are written (after a label, on its line).
#: (the list's line as prodssi writes it, the line pasted below it, the help's middle)
H4_DIRECTORY_BELOW_LABELS = [
    ("    private-volume M2PRV1\n", "    USER LNXWEB\n", "member `VMSYS2`'s `private-volume`", "M2PRV1",
     ("is a CP directory USER entry, list `LNXWEB` in a `single group` instead (`single user LNXWEB`"
      " declares it single-configuration): a job backs up the users of a group")),
    ("    private-volume M2PRV1\n", "    USER LNXWEB G  # the web server\n", "member `VMSYS2`'s `private-volume`",
     "M2PRV1",
     ("is a CP directory USER entry, list `LNXWEB` in a `single group` instead (`single user LNXWEB`"
      " declares it single-configuration): a job backs up the users of a group")),
    ("  shared-volume VMCOM1\n", "  USER LNXWEB\n", "cluster `PRODSSI`'s `shared-volume`", "VMCOM1",
     ("is a CP directory USER entry, list `LNXWEB` in a `single group` instead (`single user LNXWEB`"
      " declares it single-configuration): a job backs up the users of a group")),
    ("    private-volume M2PRV1\n", "    LINK MAINT\n", "member `VMSYS2`'s `private-volume`", "M2PRV1",
     ("is a line of a CP directory entry, remove it: a .bkr file holds no LINK statements, and bkrc writes"
      " the entries of its own machines")),
    ("    private-volume M2PRV1\n", "    IPL CMS\n", "member `VMSYS2`'s `private-volume`", "M2PRV1",
     ("is a line of a CP directory entry, remove it: a .bkr file holds no IPL statements, and bkrc writes"
      " the entries of its own machines")),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "pasted", "owner", "before", "meant"), H4_DIRECTORY_BELOW_LABELS,
    ids=[c[1].strip() for c in H4_DIRECTORY_BELOW_LABELS],
)
def test_h4_a_directory_line_below_volume_labels_is_warned_of(clean, pasted, owner, before, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, clean + pasted)
    (found,) = analysis.diagnostics
    line = pasted.split("#")[0].strip()
    words = line.split()
    block = "a member block" if "member" in owner else "the cluster block"
    assert (found.code, found.message) == (
        "BKR021",
        f"`{line}` is read as {len(words)} more volumes of {owner} list: "
        + (" and ".join(f"`{w}`" for w in words) if len(words) == 2 else "`USER`, `LNXWEB` and `G`")
        + "; the line reads as a CP directory entry's",
    )
    assert found.help == (
        f"the list runs on to the `}}` or to a statement {block} takes: if `{line}` {meant}\nif these are volumes,"
        f" write them after `{before}`, on its line, where no directory entry's line starts: `{before} {line}`"
    )
    assert found.label == f"a volume label here, not CP's {words[0]} statement"
    assert text[found.span.start : found.span.end] == words[0]
    assert found.span.line == text.split("\n").index(pasted.rstrip("\n")) + 1
    assert too_long(found, analysis.sources) == []
    # the volumes written as the help says, after the label on its line: no warning
    written = text.replace(f"{before}\n{pasted.split(words[0])[0]}{words[0]}", f"{before} {words[0]}", 1)
    assert written != text
    assert analyse("prodssi.bkr", written.encode("utf-8")).diagnostics == []


#: The user listed in a `single group` instead, as the help says: the file checks clean.
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h4_the_user_of_a_directory_line_listed_in_a_group_checks_clean(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    listed = BASE.replace("LNXDB01  match", "LNXDB01 LNXWEB  match", 1)
    assert analyse("prodssi.bkr", listed.encode("utf-8")).diagnostics == []


#: No warning where the words are volumes as written: a directory word alone on its line (a
#: volume USER), after another label on its line, on the list's own line, or the list's first
#: label (`private-volume` alone on its line above it).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written"),
    [
        ("    private-volume M2PRV1\n", "    private-volume M2PRV1\n    USER\n"),
        ("    private-volume M2PRV1\n", "    private-volume M2PRV1\n    M2PRV2 USER LNXWEB\n"),
        ("    private-volume M2PRV1\n", "    private-volume M2PRV1 USER LNXWEB\n"),
        ("    private-volume M2PRV1\n", "    private-volume\n      USER LNXWEB\n"),
        ("  shared-volume VMCOM1\n", "  shared-volume VMCOM1 LINK MAINT\n"),
    ],
)
def test_h4_directory_words_that_are_volumes_as_written_are_not_warned_of(clean, written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip(clean, written)
    assert analysis.diagnostics == []


#: `bkrc fmt` keeps such a list's lines as written, as a BKR021 run's, so the formatted file warns
#: as its input did (it would join `USER LNXWEB` to the line above, where no warning is).
def test_h4_fmt_keeps_a_directory_line_below_labels_on_its_line():
    from bkrdsl.fmt import format_text

    text = BASE.replace("    private-volume M2PRV1\n", "    private-volume M2PRV1\n    USER LNXWEB\n", 1)
    formatted = format_text(text, "prodssi.bkr")
    assert "                   USER LNXWEB" in formatted.split("\n")
    (found,) = analyse("prodssi.bkr", formatted.encode("utf-8")).diagnostics
    assert found.code == "BKR021" and found.message.startswith("`USER LNXWEB` is read as 2 more volumes")


# --- h2 (stop 63)

# fmt: off
#: A statement's keyword written over with nothing after it on its line but a comment or
#: its block's `}` (and not first on the next line: the stop 62 cases above). (the clean
#: line, the line written for it, what the one error says is missing, the help's end: the
#: keyword alone's own help, and what the help done writes after the first)
H2_RUNS_UNFINISHED = [
    ("    workers 4\n", "    workers workers\n", "number of worker machines",
     "write the number of worker machines after `workers`", " 4"),
    ("    workers 4\n", "    workers workers  # four, as planned\n", "number of worker machines",
     "write the number of worker machines after `workers`", " 4"),
    ("    workers 4\n", "    workers workers workers\n", "number of worker machines",
     "write the number of worker machines after `workers`", " 4"),
    ("    private-volume M2PRV1\n", "    private-volume private-volume\n", "volume label",
     "write a volume label after `private-volume`", " M2PRV1"),
    ("  member VMSYS3 { workers 2  private-volume M3PRV1 }", "  member VMSYS3 { workers 2  private-volume private-volume }",
     "volume label", "write a volume label after `private-volume`", " M3PRV1"),
    # (`workers workers  private-volume M3PRV1`, not at the end of its line: one error too since stop 64, H2S64_RUNS_THEN_A_WORD)
    ("  shared-volume VMCOM1\n", "  shared-volume shared-volume\n", "volume label",
     "write a volume label after `shared-volume`", " VMCOM1"),
    ("    retain 35 days\n", "    retain retain\n", "number of days", "write a number of days after `retain`", " 35 days"),
    ("    include minidisk * 0191-01FF 0200\n", "    include include include\n", "`minidisk` or `sfs`",
     "write `minidisk` or `sfs` after `include`: `include minidisk OWNER ADDRESS...` or `include sfs POOL:USER.DIR...`", " minidisk * 0191-01FF 0200"),
    ("    include minidisk * 0191-01FF 0200\n", "    include include\n", "`minidisk` or `sfs`",
     "write `minidisk` or `sfs` after `include`: `include minidisk OWNER ADDRESS...` or `include sfs POOL:USER.DIR...`", " minidisk * 0191-01FF 0200"),
    ("    exclude minidisk * 0190 019D 019E\n    include sfs", "    exclude exclude\n    include sfs", "`minidisk` or `sfs`",
     "write `minidisk` or `sfs` after `exclude`: `exclude minidisk OWNER ADDRESS...` or `exclude sfs POOL:USER.DIR...`", " minidisk * 0190 019D 019E"),
    ("    run on VMSYS1 daily 02:00\n", "    run run\n", "`on`",
     "write `on` and the member it runs on after `run`: `on VMSYS1`, `on VMSYS2`, `on VMSYS3` or `on VMSYS4`", " on VMSYS1 daily 02:00"),
    ("    run on VMSYS1 daily 02:00\n  }", "    run run run }", "`on`",
     "write `on` and the member it runs on after `run`: `on VMSYS1`, `on VMSYS2`, `on VMSYS3` or `on VMSYS4`", " on VMSYS1 daily 02:00"),
    ("    backup APPS full\n", "    backup backup backup\n", "group name", "write a group name after `backup`", " APPS full"),
    ("  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n", "  catalog catalog\n", "`local` or `shared`",
     ("write `shared` after `catalog`: one catalog for the whole cluster, the choice recommended for an SSI cluster"
      " (`local` keeps one catalog per member)"), " shared server BKRSVSFS pool BKRPOOL on VMSYS1"),
    ("  expire on VMSYS1 {\n", "  expire expire\n", "`on`",
     "write `on` and the member it runs on after `expire`: `on VMSYS1`, `on VMSYS2`, `on VMSYS3` or `on VMSYS4`", " on VMSYS1 {"),
    ("    preview daily 01:00\n", "    preview preview\n", "`daily`, `manual`, `monthly` or `weekly`",
     "write `daily`, `manual`, `monthly` or `weekly` after `preview`", " daily 01:00"),
    ("  single group APPS { CICSPRD DB2PRD }\n", "  single single\n", "`group` or `user`",
     "write `group` or `user` after `single`", " group APPS { CICSPRD DB2PRD }"),
    ("  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n                      catalog-dmm TCDMM request-dmm TRDMM\n",
     "  tape tape\n", "`manager`", "write `manager` after `tape`", " manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM catalog-dmm TCDMM request-dmm TRDMM"),
    ("    to disk pool BKUPPOOL\n    run on VMSYS1", "    to to\n    run on VMSYS1", "`disk` or `tape`",
     "write `disk` or `tape` after `to`", " disk pool BKUPPOOL"),
    ("  single group APPS { CICSPRD DB2PRD }\n", "  single group APPS {\n    CICSPRD DB2PRD\n    match match\n  }\n",
     "user ID pattern such as LNX*", "write a user ID pattern such as LNX* after `match`", " APP*"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "missing", "said", "value"), H2_RUNS_UNFINISHED, ids=[c[1].strip() for c in H2_RUNS_UNFINISHED]
)
def test_h2_a_keyword_written_over_with_nothing_after_it_is_one_error(clean, written, missing, said, value, parser, monkeypatch):
    """`workers workers` alone on its line: was two errors, the number missing after the
    first and "`workers` is written twice", whose fix left the number missing; `include
    include include`, three ("expected `minidisk` or `sfs` after `include`, found
    `include`" twice, then "written again after the whole `include`", whose help wrote
    `include`); `backup backup backup`, one whose help wrote `backup backup` (a group
    BACKUP); `exclude exclude` above `include sfs ...`, two (the words below "the wrong
    way round"); `match match` at the end of its line read clean as a pattern MATCH. Now
    one error over the repeats, which says what is missing after the first and whose
    help is the keyword alone's after "remove the second"; no fix (the value meant is
    not known). The help done, the repeats removed and a value written after the
    first, the file reads clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    if missing is None:
        assert analysis.diagnostics
        assert all(", with no " not in d.message for d in analysis.diagnostics)
        return
    (found,) = analysis.diagnostics
    repeats = text[found.span.start : found.span.end].split()
    word = repeats[0]
    assert repeats == [word] * len(repeats) and word in written
    repeated, removed = ("twice", f"the second `{word}`") if len(repeats) == 1 else ("three times in a row", "the 2 after the first")
    assert (found.code, found.message, found.help) == (
        "BKR004",
        f"`{word}` is written {repeated}, with no {missing} after it",
        f"remove {removed}, and {said}",
    )
    assert found.fix is None
    assert too_long(found, analysis.sources) == []
    first_end = len(text[: found.span.start].rstrip(" \t"))
    assert text[first_end - len(word) : first_end] == word
    mended = text[:first_end] + value + text[found.span.end :]
    assert analyse("prodssi.bkr", mended.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h2_catalog_written_twice_offers_each_scope_over_the_repeat(parser, monkeypatch):
    """`catalog catalog`: the help's two scopes are its choices, as for `catalog` alone,
    each written over the second `catalog` (was inserted after the first, which left
    `catalog shared catalog`)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n"
    text, analysis = _one_slip(clean, "  catalog catalog server BKRSVSFS pool BKRPOOL on VMSYS1\n")
    text, analysis = _one_slip(clean, "  catalog catalog\n")
    (found,) = analysis.diagnostics
    assert [c.title for c in found.choices] == ["Insert `shared`", "Insert `local`"]
    chosen = [apply_edits(text, c.edits) for c in found.choices]
    assert [t.split("\n")[19] for t in chosen] == ["  catalog shared", "  catalog local"]
    # each reads clean of syntax errors (what the checks then say of the catalog is theirs: BKR212)
    assert [d.code for t in chosen for d in analyse("prodssi.bkr", t.encode()).diagnostics if d.code < "BKR1"] == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "codes"),
    [
        # a group BACKUP, as CP writes names: the checks say it (`backup backup`, in small
        # letters, the keyword twice since stop 64: BKR331 says so, test_h2s64_backup_written_twice_is_said_so)
        ("    backup APPS full", "    backup BACKUP", ["BKR331"]),
        ("    backup APPS full", "    backup BACKUP backup", ["BKR004"]),  # a group BACKUP, then `backup` again
        ("  single group APPS { CICSPRD DB2PRD }", "  single group APPS { CICSPRD match match }", []),
    ],
)
def test_h2_a_value_spelled_as_its_keyword_is_read_as_before(clean, written, codes, parser, monkeypatch):
    """Twice, a keyword whose value may be the word (a group BACKUP; `match match }`, a
    pattern before the group's `}`, as the fast parser reads it) is not said to be
    written over."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip(clean, written)
    assert [d.code for d in analysis.diagnostics][:1] == codes
    assert all(", with no " not in d.message.replace("with nothing", "") for d in analysis.diagnostics)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["import import", "IMPORT IMPORT  # zvm73 was meant"])
def test_h2_import_written_twice_without_a_path_is_one_error(written, parser, monkeypatch):
    """`import import` alone: was "cannot find module `import`", its help the file
    searched for. No module `import` found, it is the keyword twice and the path not
    written: one BKR101 at the second that says so, whose help lists the standard
    library's modules; no fix (which one is meant is not known). The path written for
    the second, the file reads clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("import std/zvm73\n", "import std/zvm73\n" + written + "\n")
    (found,) = analysis.diagnostics
    word = written.split()[1]
    assert (found.code, found.message) == ("BKR101", f"`{word}` is written twice, with no module path after it")
    assert found.help.startswith(
        f"remove the second `{word}`, and write a module path after the first: the standard library has"
        " `std/backup-manager`, `std/zvm-common`, `std/zvm72`, `std/zvm73`, `std/zvm74`\n"
        f"searched for a module `{word}`, in order:\n"
    )
    assert found.fix is None
    assert text[found.span.start : found.span.end] == word
    assert too_long(found, analysis.sources) == []
    mended = text[: found.span.start] + "std/backup-manager" + text[found.span.end :]
    assert analyse("prodssi.bkr", mended.encode("utf-8")).diagnostics == []


MINIMAL = (ROOT / "examples" / "minimal.bkr").read_text(encoding="utf-8")


def test_h2_import_import_reads_a_module_import_where_there_is_one(tmp_path):
    """A module `import` beside the file is what `import import` imports: no error."""
    (tmp_path / "import.bkr").write_text("## a module named as the keyword\n", encoding="utf-8")
    main = tmp_path / "main.bkr"
    main.write_text(MINIMAL.replace("import std/zvm73\n", "import std/zvm73\nimport import\n"), encoding="utf-8")
    assert analyse(str(main), main.read_bytes(), path=main).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("users", ["CICSPRD DB2PRD", "CICSPRD DB2PRD CICSPRD"])
def test_h2_a_keyword_written_over_in_a_group_body_is_one_warning(users, parser, monkeypatch):
    """`include include include` alone on a line of a group body: read as user IDs, as
    any word there is (BKR021), but was a second warning, BKR416 "names `INCLUDE`
    twice", and BKR021's help wrote `INCLUDE INCLUDE INCLUDE`, which names it three
    times. Now BKR021 alone says it, and its help writes the ID once. A user the group
    really names twice (`CICSPRD`) is still BKR416's, whose fix removes that one alone."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "  single group APPS { CICSPRD DB2PRD }"
    text, analysis = _one_slip(clean, "  single group APPS {\n    " + users + "\n    include include include\n  }")
    found = [d for d in analysis.diagnostics if d.code == "BKR021"]
    assert [d.code for d in analysis.diagnostics] == ["BKR416"] * users.endswith("CICSPRD") + ["BKR021"]
    (found,) = found
    assert found.message == "`include include include` is read as 3 more users of group `APPS`: `INCLUDE`, `INCLUDE` and `INCLUDE`"
    assert found.help.endswith("; if this is a user ID, write it once in upper case, as user IDs are written: `INCLUDE`")
    assert too_long(found, analysis.sources) == []
    if users.endswith("CICSPRD"):
        (twice,) = [d for d in analysis.diagnostics if d.code == "BKR416"]
        assert twice.message == "group `APPS` names `CICSPRD` twice; the group holds it once"
        text = apply_edits(text, twice.fix.edits)
    # the help done: the ID written once, in upper case
    mended = text.replace("include include include", "INCLUDE")
    assert analyse("prodssi.bkr", mended.encode("utf-8")).diagnostics == []


# fmt: off
#: A statement's keyword written over, then its values without the word it takes first:
#: (the clean line, the line written, what is missing, the help's end, the line the fix
#: writes, or None: no fix, the line the help done writes then)
H2_RUNS_THEN_VALUES = [
    ("    run on VMSYS1 daily 02:00\n", "    run run VMSYS1 daily 02:00\n", "`on`",
     "write `run on VMSYS1`", "    run on VMSYS1 daily 02:00"),
    ("    run on VMSYS1 daily 02:00\n", "    run run run VMSYS1 daily 02:00\n", "`on`",
     "write `run on VMSYS1`", "    run on VMSYS1 daily 02:00"),
    ("  expire on VMSYS1 {\n", "  expire expire VMSYS1 {\n", "`on`", "write `expire on VMSYS1`", "  expire on VMSYS1 {"),
    ("  single group APPS { CICSPRD DB2PRD }\n", "  single single APPS { CICSPRD DB2PRD }\n", "`group` or `user`",
     "write `single group APPS {`: a `{` opens a group's list of users", "  single group APPS { CICSPRD DB2PRD }"),
    ("  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n", "  catalog catalog server BKRSVSFS pool BKRPOOL on VMSYS1\n",
     "`local` or `shared`",
     ("write `shared` after `catalog`: one catalog for the whole cluster, the choice recommended for an SSI cluster"
      " (`local` keeps one catalog per member)"), None),
    ("    include minidisk * 0191-01FF 0200\n", "    include include * 0191-01FF 0200\n", "`minidisk` or `sfs`",
     "write `minidisk` or `sfs` after `include`: `include minidisk OWNER ADDRESS...` or `include sfs POOL:USER.DIR...`", None),
    ("  tape manager shared catalog-node", "  tape tape shared catalog-node", "`manager`", "write `manager` after `tape`", None),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "missing", "said", "fixed"), H2_RUNS_THEN_VALUES, ids=[c[1].strip() for c in H2_RUNS_THEN_VALUES]
)
def test_h2_a_keyword_written_over_then_values_without_its_next_word_is_one_error(
    clean, written, missing, said, fixed, parser, monkeypatch
):
    """`run run VMSYS1 daily 02:00`: was two errors, "expected `on` after `run`, found
    `run`" (its help the members, its choices inserting `on VMSYS1` after the first
    `run`, which left the second), then "expected `on` after `run`, found `VMSYS1`",
    whose fix inserted `on` and left the second `run` (`include include * 0191`, the
    same; `run run run VMSYS1`, three). Now one error over the repeats that says what
    is missing after the first, whose help is the first's own, and whose fix, where the
    first's error had one, removes the repeats and makes that one edit: the file then
    reads clean. Without a fix, the help done (the repeats removed, the word written
    after the first) reads clean too."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    repeats = text[found.span.start : found.span.end].split()
    word = repeats[0]
    repeated, removed = ("twice", f"the second `{word}`") if len(repeats) == 1 else ("three times in a row", "the 2 after the first")
    assert (found.code, found.message, found.help) == (
        "BKR004", f"`{word}` is written {repeated}, with no {missing} after it", f"remove {removed}, and {said}"
    )
    assert too_long(found, analysis.sources) == []
    if fixed is None:
        assert found.fix is None
        first_end = len(text[: found.span.start].rstrip(" \t"))
        mended = text[:first_end] + " " + clean.split()[1] + text[found.span.end :]
        assert [d.code for d in analyse("prodssi.bkr", mended.encode("utf-8")).diagnostics if d.code < "BKR1"] == []
        return
    assert found.fix.title.startswith(f"Remove {removed.replace('the 2 after the first', f'the repeated `{word}`')} and insert")
    repaired = apply_edits(text, found.fix.edits)
    assert fixed in repaired.split("\n")
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


# --- h5 (stop 63)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("place", "written", "warned"),
    [
        ("group line", "Full P%Q", "`Full` is read as one more user of group `APPS`: `FULL`"),
        ("group", "full APX*", "`full` is read as one more user of group `APPS`: `FULL`"),
        ("group", "daily lnx?", "`daily` is read as one more user of group `APPS`: `DAILY`"),
    ],
)
def test_h5_a_keyword_then_a_pattern_in_a_group_body_is_read_as_entries(place, written, warned, parser, monkeypatch):
    """`single group A { A Full P%Q A }` (found by the fmt property test_generated_files,
    `BKRDSL_HYPOTHESIS=explore --hypothesis-seed=202612057`): a word in small letters that
    a keyword spells, then a pattern, in a group body, was BKR013 "`Full P%Q` is a
    backup's level, not user IDs", the pattern skipped, since a pattern counted as a
    word no user ID is (`fast.misplaced_in_group`). A pattern is an entry a group lists:
    the words are read as entries, as `server BKRSVSFS` is, with BKR021's warning."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean, line = PLACES[place]
    analysis = analyse("prodssi.bkr", BASE.replace(clean, line.format(written), 1).encode("utf-8"))
    assert [(d.code, d.message) for d in analysis.diagnostics] == [("BKR021", warned)]
    apps = next(g for g in analysis.program.main.clusters[0].groups if g.name.text == "APPS")
    assert written.split() == [e.word.text for e in apps.entries if e.word.text not in ("CICSPRD", "DB2PRD")]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h5_the_file_the_fmt_property_found_formats(parser, monkeypatch):
    """The text test_generated_files drew: it reads without a syntax error, so `bkrc fmt`
    lays it out (it refused it, with BKR013)."""
    from bkrdsl.fmt import format_source
    from bkrdsl.source import Source

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    done = format_source(Source.of("gen.bkr", "single group A { A Full P%Q A }"))
    assert done.text is not None, done.diagnostics


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "message"),
    [
        # a pattern that matches every user, or one too long for any ID, is still no entry
        ("full *", "`full *` is a backup's level, not user IDs: a group lists user IDs only"),
        ("full LNXAPPLICATION*", "`full LNXAPPLICATION*` is a backup's level, not user IDs: a group lists user IDs only"),
        # an owner pattern before addresses: the addresses are no entries
        ("minidisk LNX* 0191", "`minidisk LNX* 0191` is a selection, not user IDs: a group lists user IDs only"),
    ],
)
def test_h5_a_keyword_then_no_entry_in_a_group_body_stays_misplaced(written, message, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean, line = PLACES["group"]
    analysis = analyse("prodssi.bkr", BASE.replace(clean, line.format(written), 1).encode("utf-8"))
    assert [(d.code, d.message) for d in analysis.diagnostics] == [("BKR013", message)]


# --- lead (stop 63)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["IDENTITY TCPIP FTPSERVE", "single LNXWEB03 LNXWEB04"])
def test_a_name_where_group_or_user_goes_is_not_replaced_by_the_keyword(written, parser, monkeypatch):
    """`IDENTITY TCPIP XXXXXXXX` (a directory line with its password): the recovery reads
    `user` in place of TCPIP, the one keyword that lets the line's next word fit; its fix
    wrote `IDENTITY user XXXXXXXX`, declaring the password (or FTPSERVE) and losing the
    user. A word that cannot be the keyword mistyped gets the help, no fix."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "  identity group SYSIDS { TCPIP FTPSERVE }\n"
    assert clean in BASE
    analysis = analyse("prodssi.bkr", BASE.replace(clean, f"{clean}  {written}\n", 1).encode("utf-8"))
    (d,) = analysis.diagnostics
    name = written.split()[1]
    assert (d.code, d.fix) == ("BKR004", None)
    if written.startswith("IDENTITY"):  # h2 (stop 65): a password or a second user, both said, each a choice
        assert d.help.startswith("a CP directory's IDENTITY line names one user and its password")
        return
    assert d.help == f"write `user` before `{name}` if it is a name, or in its place"


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_keyword_cut_short_where_only_it_fits_is_still_replaced(parser, monkeypatch):
    """`single grp APPS2 {`: `grp` is `group` with letters left out: the fix writes it."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "  single group APPS { CICSPRD DB2PRD }\n"
    text = BASE.replace(clean, f"{clean}  single grp APPS2 {{ CICSTST }}\n", 1)
    (d,) = [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code == "BKR004"]
    assert d.help == "write `group` in place of `grp`" and d.fix is not None
    fixed = apply_edits(text, d.fix.edits)
    assert "  single group APPS2 { CICSTST }\n" in fixed
    assert [x.code for x in analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics if x.code < "BKR100"] == []


# --- h2 (stop 64)

# fmt: off
#: A statement's keyword written over, then a word the first does not take, where the
#: first's own error is said at that word (not at the first) or is no "expected ..."
#: one: (the clean line, the line written, what is missing, the help's end, the
#: choices' titles, the line the first choice writes, or None: no choice, and the
#: word written over the repeat then)
H2S64_RUNS_THEN_A_WORD = [
    ("    to disk pool BKUPPOOL\n", "    to to pool BKUPPOOL\n", "`disk` or `tape`",
     "write `to disk pool BKUPPOOL` or `to tape pool BKUPPOOL`",
     ["Remove the second `to` and insert `disk`", "Remove the second `to` and insert `tape`"], "    to disk pool BKUPPOOL"),
    ("    to disk pool BKUPPOOL\n", "    to to to pool BKUPPOOL\n", "`disk` or `tape`",
     "write `to disk pool BKUPPOOL` or `to tape pool BKUPPOOL`",
     ["Remove the repeated `to` and insert `disk`", "Remove the repeated `to` and insert `tape`"], "    to disk pool BKUPPOOL"),
    ("    to disk pool BKUPPOOL\n", "    to to BKUPPOOL\n", "`disk` or `tape`",
     "write `to disk pool BKUPPOOL` or `to tape pool BKUPPOOL`", [], None),
    ("    preview daily 01:00\n", "    preview preview 01:00\n", "`daily`, `manual`, `monthly` or `weekly`",
     "write `daily 01:00` to run it every day, or `weekly DAY 01:00` or `monthly N 01:00` (how often it runs is not said)",
     [], "daily"),
    ("    retain 35 days\n", "    retain retain days\n", "number of days", "write a number of days after `retain`", [], "35"),
    ("  member VMSYS3 { workers 2  private-volume M3PRV1 }", "  member VMSYS3 { workers workers  private-volume M3PRV1 }",
     "number of worker machines", "write the number of worker machines after `workers`", [], "2"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "missing", "said", "titles", "fixed"), H2S64_RUNS_THEN_A_WORD, ids=[c[1].strip() for c in H2S64_RUNS_THEN_A_WORD]
)
def test_h2s64_a_keyword_written_over_then_a_word_it_does_not_take_is_one_error(
    clean, written, missing, said, titles, fixed, parser, monkeypatch
):
    """`to to pool BKUPPOOL`: was two errors, "`to` is written twice", whose fix removed
    the second and left the next ("`to` names the medium before the pool"), then that
    one at `pool`; `preview preview 01:00`, "written twice", then BKR012 "`01:00` is not
    a .bkr schedule"; `retain retain days` and `workers workers  private-volume M3PRV1`,
    the value missing at the first, then "written twice" at the second, whose fix left
    it missing. Now one error over the repeats that says what the first lacks, whose
    help is the first's own error's, and whose choices (`to`'s media) each remove the
    repeats too: the first choice, or the help done (the value written over the
    repeats), reads clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    repeats = text[found.span.start : found.span.end].split()
    word = repeats[0]
    repeated, removed = ("twice", f"the second `{word}`") if len(repeats) == 1 else ("three times in a row", "the 2 after the first")
    assert (found.code, found.message) == ("BKR004", f"`{word}` is written {repeated}, with no {missing} after it")
    assert found.help.startswith(f"remove {removed}, and {said}")
    assert found.fix is None
    assert [c.title for c in found.choices] == titles
    assert too_long(found, analysis.sources) == []
    if titles:
        chosen = [apply_edits(text, c.edits) for c in found.choices]
        assert fixed in chosen[0].split("\n")
        assert analyse("prodssi.bkr", chosen[0].encode("utf-8")).diagnostics == []
        assert [d.code for t in chosen for d in analyse("prodssi.bkr", t.encode()).diagnostics if d.code < "BKR1"] == []
    elif fixed is not None:
        mended = text[: found.span.start] + fixed + text[found.span.end :]
        assert analyse("prodssi.bkr", mended.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "written", ["    backup backup\n", "    backup backup  # the group later\n", "    backup backup full\n", "    Backup backup\n"]
)
def test_h2s64_backup_written_twice_is_said_so(written, parser, monkeypatch):
    """`backup backup` alone: was BKR331 "`BACKUP` is neither a group nor a declared
    user", whose fix wrote `backup BKRBKUP` (a machine, no group: more errors). No group
    BACKUP declared, it is the keyword written twice, as `backup backup backup` is:
    BKR331 says so, and its help names the groups declared, the one no job backs up
    first, each offered in place of the second `backup`; that one chosen, the file
    checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("    backup APPS full\n", written)
    (found,) = analysis.diagnostics
    word = written.split()[0]
    assert (found.code, found.message, found.help) == (
        "BKR331",
        "`backup` is written twice, with no group name after it",
        (
            "remove the second `backup`, and write a group name after the first: the groups declared are `APPS`, `LINUX`"
            " and `SYSIDS`; no job backs up `APPS`"
        ),
    )
    assert text[found.span.start : found.span.end] == "backup" and word in ("backup", "Backup")
    assert found.fix is None
    assert [c.title for c in found.choices] == ["Write `APPS`", "Write `LINUX`", "Write `SYSIDS`"]
    assert too_long(found, analysis.sources) == []
    chosen = apply_edits(text, found.choices[0].edits)
    assert analyse("prodssi.bkr", chosen.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h2s64_backup_backup_names_a_group_backup_where_one_is_declared(parser, monkeypatch):
    """A group BACKUP declared, `backup backup` backs it up: no error. `backup BACKUP`,
    in capitals as CP writes a name, is a name still (BKR331 as before)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("single group APPS {", "single group BACKUP {").replace("backup APPS full", "backup backup full")
    assert analyse("prodssi.bkr", text.encode("utf-8")).diagnostics == []
    _text, analysis = _one_slip("    backup APPS full\n", "    backup BACKUP\n")
    assert [d.message for d in analysis.diagnostics] == ["`BACKUP` is neither a group nor a declared user"]


# fmt: off
#: A selection's action alone on its line, then the next selection below starting with
#: the other action (the line written for the clean one, the action left unfinished)
H2S64_ACTION_THEN_SELECTION = [
    ("    exclude\n    include sfs", "exclude"),
    ("    exclude  # later\n    include sfs", "exclude"),
    ("    exclude\n\n    include sfs", "exclude"),
    ("    EXCLUDE\n    include sfs", "EXCLUDE"),
    ("    include\n    exclude sfs", "include"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "action"), H2S64_ACTION_THEN_SELECTION)
def test_h2s64_an_action_alone_above_the_next_selection_is_unfinished(written, action, parser, monkeypatch):
    """`exclude` alone on its line above `include sfs BKRPOOL:CICSPRD.*`: was "`include
    sfs` has its two words the wrong way round", whose fix wrote `sfs include` (a path
    INCLUDE: BKR318, BKR413). It is the `exclude` statement unfinished, as before any
    other statement: "expected `minidisk` or `sfs` after `exclude`, found the end of the
    line", the keyword alone's help, no fix; the line below read as written."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("    exclude minidisk * 0190 019D 019E\n    include sfs", written)
    (found,) = analysis.diagnostics
    low = action.lower()
    assert (found.code, found.message, found.help) == (
        "BKR004",
        f"expected `minidisk` or `sfs` after `{action}`, found the end of the line",
        f"write `minidisk` or `sfs` after `{low}`: `{low} minidisk OWNER ADDRESS...` or `{low} sfs POOL:USER.DIR...`",
    )
    assert found.fix is None and text[found.span.start : found.span.end] == action
    # the help done: what the action selects written after it (and the line below as written)
    mended = text[: found.span.end] + " minidisk * 0190 019D 019E" + text[found.span.end :]
    assert [d.code for d in analyse("prodssi.bkr", mended.encode("utf-8")).diagnostics if d.code < "BKR1"] == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written"),
    [
        ("    workers 4\n", "    workers workers\n"),
        ("    include minidisk * 0191-01FF 0200\n", "    include include\n"),
        ("    run on VMSYS1 daily 02:00\n", "    run run VMSYS1 daily 02:00\n"),
        ("  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n", "  catalog catalog\n"),
        ("    retain 35 days\n", "    retain retain days\n"),
    ],
)
def test_h2s64_what_the_first_expects_is_data_not_its_message(clean, written, parser, monkeypatch):
    """The error a keyword written over gets alone ("expected `minidisk` or `sfs` after
    `include`, found ...") is said in the run's one error from what it carries
    (`Diagnostic.expected`), not read back out of its message (was a regex on "expected
    X after"): reworded, the one error is the same."""
    from bkrdsl.syntax import messages

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, plain = _one_slip(clean, written)

    def reworded(make):
        def made(*args, **kwargs):
            diag = make(*args, **kwargs)
            return diag if diag.expected is None else type(diag)(**{
                **{f: getattr(diag, f) for f in diag.__dataclass_fields__}, "message": "REWORDED " + diag.message[::-1]
            })
        return made

    for name in ("missing_value", "missing_other", "word_for_keyword"):
        monkeypatch.setattr(messages, name, reworded(getattr(messages, name)))
    _text, analysis = _one_slip(clean, written)
    (found,) = plain.diagnostics
    assert ", with no " in found.message
    assert [(d.code, d.message, d.help, d.fix, d.choices) for d in analysis.diagnostics] == [
        (found.code, found.message, found.help, found.fix, found.choices)
    ]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "machine"),
    [
        ("  disk BKRBKUP 191 size 10 cyl\n", "BKRBKUP"),
        ("  disk BKRWRK* 191 size 5 cyl\n", "BKRWRK*"),
        ("  disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000\n", "BKRSVSFS"),
    ],
)
def test_h2s64_disk_written_twice_is_said_so(clean, machine, parser, monkeypatch):
    """`disk disk 191 size 10 cyl`: was two diagnostics, BKR332 "`disk` for `DISK`,
    which is not one of the product's machines" (its help the machines bkrc writes
    entries for) and BKR253 for the machine that then has no A-disk. Now one, BKR332
    "`disk` is written twice, with no user ID after it", whose help names the machine
    no `disk` gives a 191 (the workers by their pattern), offered as a choice over the
    second `disk`; chosen, the file checks clean. `disk DISK` in capitals is a user
    DISK still."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, clean.replace(machine, "disk", 1))
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == (
        "BKR332",
        "`disk` is written twice, with no user ID after it",
        (
            "remove the second `disk`, and write the ID of the machine it is for after the first:"
            f" no `disk` gives `{machine}` a minidisk at 191"
        ),
    )
    assert found.fix is None and [c.title for c in found.choices] == [f"Write `{machine}`"]
    assert too_long(found, analysis.sources) == []
    chosen = apply_edits(text, found.choices[0].edits)
    assert chosen == BASE
    assert analyse("prodssi.bkr", chosen.encode("utf-8")).diagnostics == []
    _text, capitals = _one_slip(clean, clean.replace(machine, "DISK", 1))
    assert sorted(d.code for d in capitals.diagnostics) == ["BKR253", "BKR332"]
# --- h1 (stop 64)

#: More than two times, or a second time written another way, after a schedule's time,
#: joined by commas or blanks (`daily 02:00,14:00,20:00`, `daily 02:00,2pm`, `daily 02:00
#: 14:00 20:00`, `daily 02:00 2pm`): the error two times get, at the times after the
#: first, its help writing a job for each, each time as BKR313 reads it (`2pm`: 14:00).
#: Were BKR015's generic "a `,` cannot appear here" (its help of member lists and group
#: entries), "`14:00` is not a keyword", and "remove `2pm`", the second time lost.
#: (clean, as written, what follows the first time, the times the help writes)
H1_MORE_TIMES = [
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00,14:00,20:00", "14:00,20:00", ["14:00", "20:00"]),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00, 14:00, 20:00  # thrice", "14:00, 20:00", ["14:00", "20:00"]),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00,2pm", "2pm", ["14:00"]),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00,2pm,10pm", "2pm,10pm", ["14:00", "22:00"]),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 14:00 20:00", "14:00 20:00", ["14:00", "20:00"]),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:00 2pm", "2pm", ["14:00"]),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly sat 22:00,23:30,01:00", "23:30,01:00", ["23:30", "01:00"]),
    ("preview daily 01:00", "preview daily 01:00,13:00,1pm", "13:00,1pm", ["13:00", "13:00"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "after", "times"), H1_MORE_TIMES, ids=[c[1] for c in H1_MORE_TIMES])
def test_h1_more_times_after_a_schedule_s_time_are_a_job_each(clean, written, after, times, parser, monkeypatch):
    from bkrdsl.syntax.messages import ONE_DAY_NOTE

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    keyword, first = clean.split()[0], clean.split()[-1]
    assert (found.code, found.message, found.fix) == (
        "BKR004", f"the `{keyword}` statement's schedule has one time: `{after}` cannot follow `{first}`", None,
    )
    assert text[found.span.start : found.span.end] == after
    schedule = clean[: -len(first)]
    if keyword == "run":
        if len(times) == 1:
            jobs = f"`{clean}` and `{schedule}{times[0]}`"
        else:
            jobs = f"`{clean}`, and the same at " + " and at ".join(f"`{t}`" for t in times)
        assert found.help == f"write a job for each time, the same but for its `run`: {jobs}" + ONE_DAY_NOTE
        for time in times:  # each job the help writes checks
            job = BASE.replace(clean, f"{schedule}{time}", 1)
            assert [d.code for d in analyse("prodssi.bkr", job.encode("utf-8")).diagnostics if d.code < "BKR1"] == []
    else:
        assert found.help == f"keep one time: `{clean}`"
    assert too_long(found, analysis.sources) == []


#: Times listed after a schedule's time that end in a word no time is keep the errors they
#: had: no job is written for a word that is not one.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["run on VMSYS1 daily 02:00,14:00,now", "run on VMSYS1 daily 02:00 14:00 now"])
def test_h1_times_then_a_word_no_time_is_not_a_job_each(written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("run on VMSYS1 daily 02:00", written)
    assert all("a job for each time" not in (d.help or "") for d in analysis.diagnostics)


#: A range of days after `run`, before the members, with `at` before the time, or the
#: time written another way (`run weekly mon-fri at 22:00 on VMSYS1`): one error, as
#: without `at`, whose fix writes the line in order, the days one by one (`weekly` takes
#: each day by name) and the time as BKR313 reads it; the file checks clean (was two:
#: "expected `on` after `run`", whose choices inserted `on VMSYS1` before the words and
#: checked no better, then the schedule's own error, no fix). (as written, the help's end)
H1_RANGE_AT_FIRST = [
    ("run weekly mon-fri at 22:00 on VMSYS2", "; the time follows without `at`"),
    ("run weekly mon - fri at 22:00 on VMSYS2", "; the time follows without `at`"),
    ("run weekly mon-fri at 10pm on VMSYS2", "; the time follows without `at`"),
    ("run weekly mon-fri 10pm on VMSYS2", ""),
    ("RUN WEEKLY MON-FRI AT 22:00 ON VMSYS2", "; the time follows without `AT`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "said"), H1_RANGE_AT_FIRST, ids=[c[0] for c in H1_RANGE_AT_FIRST])
def test_h1_a_days_range_with_at_before_the_members_is_one_error_whose_fix_checks(written, said, parser, monkeypatch):
    text = BASE.replace("run on VMSYS2 weekly sat 22:00", written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    on, weekly = ("ON", "WEEKLY") if written.isupper() else ("on", "weekly")
    meant = f"{on} VMSYS2 {weekly} mon,tue,wed,thu,fri 22:00"
    assert (found.code, found.message, found.help) == (
        "BKR004",
        "the schedule comes after the members the job runs on, not before them",
        f"write `run {meant}`: `weekly` takes each day by name, the days separated by commas{said}",
    )
    assert (found.span.line, found.span.column) == (55, 5 + len(written.split()[0]) + 1)
    assert repaired == BASE.replace("run on VMSYS2 weekly sat 22:00", f"{written.split()[0]} {meant}", 1)


#: The time after `at` before the members, and how often it runs not said (`run at 02:00
#: on VMSYS1`): one error, whose one choice (`Diagnostic.choices`, no fix: how often is
#: the site's) writes `daily`, the likeliest, and gives a file that checks clean; the
#: help names `weekly` and `monthly` too (was "expected `on` after `run`, found `at`",
#: whose choices inserted `on VMSYS1` or another member before `at`, and the files they
#: wrote each had an error: `at 02:00 on VMSYS1` is no schedule). (clean, as written)
H1_TIME_FIRST_NO_OFTEN = [
    ("run on VMSYS1 daily 02:00", "run at 02:00 on VMSYS1"),
    ("run on VMSYS1 daily 02:00", "run at 2am on VMSYS1"),
    ("run on VMSYS1 daily 02:00", "run AT 2:00 on VMSYS1  # nightly"),
    ("run on each member daily 03:30", "run at 03:30 on each member"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written"), H1_TIME_FIRST_NO_OFTEN, ids=[c[1] for c in H1_TIME_FIRST_NO_OFTEN])
def test_h1_the_time_before_the_members_without_how_often_is_one_error_whose_choice_checks(
    clean, written, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    members, time = " ".join(clean.split()[1:-2]), clean.split()[-1]
    at = written.split()[1]
    assert (found.code, found.message, found.fix) == (
        "BKR004", "the schedule comes after the members the job runs on, and starts with how often it runs", None,
    )
    assert found.help == (
        f"write `{clean}` to run it every day, or `run {members} weekly DAY {time}` or `monthly N {time}`"
        f" (how often it runs is not said); the time follows without `{at}`"
    )
    assert found.span.column == 9
    assert [c.title for c in found.choices] == [f"Write `{members} daily {time}`"]
    chosen = apply_edits(text, found.choices[0].edits)
    assert chosen == (BASE if "#" not in written else BASE.replace(clean, clean + "  # nightly", 1))
    assert analyse("prodssi.bkr", chosen.encode("utf-8")).diagnostics == []
    assert too_long(found, analysis.sources) == []


#: The same after the members (`run on VMSYS1 at 02:00`, `preview at 01:00`): BKR012's
#: help as it was, and now its one choice, `daily`, which gives a file that checks (was
#: no fix, no choice). Not where the hour alone may be the afternoon's (`at 2`), nor
#: where more words follow (`at 02:00 now`). (clean, as written, the choice's title)
H1_AT_TIME_ALONE = [
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 at 02:00", "Write `daily 02:00`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 at 2am", "Write `daily 02:00`"),
    ("run on each member daily 03:30", "run on each member at 03:30", "Write `daily 03:30`"),
    ("preview daily 01:00", "preview at 01:00", "Write `daily 01:00`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 at 2", None),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 at 02:00 now", None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "title"), H1_AT_TIME_ALONE, ids=[c[1] for c in H1_AT_TIME_ALONE])
def test_h1_at_a_time_alone_after_the_members_offers_daily(clean, written, title, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert (found.code, found.fix) == ("BKR012", None)
    assert "(how often it runs is not said)" in found.help
    assert [c.title for c in found.choices] == ([title] if title else [])
    if title:
        chosen = apply_edits(text, found.choices[0].edits)
        assert chosen == BASE


#: `members each` for `each member`, `run` left out (`on members each daily 02:00`): the
#: one error `on member each daily 02:00` gets, whose help says the plural too and whose
#: fix writes `run on each member daily 02:00`, the file then clean (was two: "expected
#: `run` before `on`", its help writing `run on members each daily 02:00`, then `each daily
#: 02:00` no schedule, whose fix wrote `on members daily 02:00`, which checked no better).
H1_MEMBERS_EACH = [
    ("on members each daily 03:30", "    run on each member daily 03:30"),
    ("ON MEMBERS EACH DAILY 03:30", "    run on EACH MEMBER DAILY 03:30"),
    ("on members each daily 3:30am  # every member", "    run on each member daily 03:30  # every member"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "fixed"), H1_MEMBERS_EACH, ids=[c[0] for c in H1_MEMBERS_EACH])
def test_h1_on_members_each_in_a_job_is_one_error_whose_fix_writes_run_on_each_member(written, fixed, parser, monkeypatch):
    text = BASE.replace("run on each member daily 03:30", written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    members, each = written.split()[1:3]
    meant = fixed.split("#")[0].strip()
    assert (found.code, found.message, found.help) == (
        "BKR004",
        f"expected `run` before `on`, and `{members} {each}` has its two words the wrong way round",
        f"write `{meant}`: `{each}` comes before `{members}`, and `{members}` is written `{members[:6]}`",
    )
    assert (found.span.line, found.span.column) == (82, 5)
    assert fixed in repaired.split("\n")


#: A schedule in English after `run`, before the members (`run nightly 02:00 on VMSYS1`,
#: `run every day at 02:00 on VMSYS1`): one error, as `run daily 02:00 on VMSYS1`'s, whose
#: help says how the phrase is written and whose fix writes the line in order, the file
#: then clean (was two: "expected `on` after `run`", whose choices inserted `on VMSYS1`
#: before the phrase and checked no better, then the phrase's BKR012; for `weekly on sun
#: at 22:00`, "unexpected `weekly`", whose help removed it). (clean, as written, the phrase)
H1_PHRASE_FIRST = [
    ("run on VMSYS1 daily 02:00", "run nightly 02:00 on VMSYS1", "nightly 02:00"),
    ("run on VMSYS1 daily 02:00", "run every day at 02:00 on VMSYS1", "every day at 02:00"),
    ("run on VMSYS1 daily 02:00", "run each day 2am on VMSYS1  # nightly", "each day 2am"),
    ("run on VMSYS2 weekly sat 22:00", "run every saturday at 10pm on VMSYS2", "every saturday at 10pm"),
    ("run on VMSYS2 weekly sat 22:00", "run weekly on sat at 22:00 on VMSYS2", "weekly on sat at 22:00"),
    ("run on each member daily 03:30", "run every day at 3:30am on each member", "every day at 3:30am"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "phrase"), H1_PHRASE_FIRST, ids=[c[1] for c in H1_PHRASE_FIRST])
def test_h1_a_schedule_in_english_before_the_members_is_one_error_whose_fix_checks(
    clean, written, phrase, parser, monkeypatch
):
    text = BASE.replace(clean, written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    schedule = " ".join(clean.split()[4 if "each" in clean else 3 :])
    assert (found.code, found.message, found.help) == (
        "BKR004",
        "the schedule comes after the members the job runs on, not before them",
        f"write `{clean}`: `{phrase}` is written `{schedule}`",
    )
    assert found.span.column == 9
    assert repaired == (BASE if "#" not in written else BASE.replace(clean, clean + "  # nightly", 1))


#: "expected `on` after `run`" offers to insert `on VMSYS1` (or another member) only where
#: the line's words then make the statement, and each such choice gives a file that
#: checks; not where `on` and the members follow already, or the words are no schedule
#: (`run every day at 2`, `run at 02:00 on`: were offered, each file then with an error;
#: `run every day at 2 on VMSYS1` is now one error of its own, h1 stop 65's; `run every
#: day at 2` now offers each member with each reading of the hour, each file clean, h1
#: stop 66's). (as written, whether it is offered)
H1_ON_CHOICES = [
    ("run daily 02:00", True),
    ("run weekly sat 22:00", True),
    ("run every day at 2", True),
    ("run at 02:00 on", False),
    ("run nightly 02:00 on VMSYS1 now", False),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "offered"), H1_ON_CHOICES, ids=[c[0] for c in H1_ON_CHOICES])
def test_h1_on_left_out_after_run_offers_only_members_that_make_a_statement(written, offered, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("run on VMSYS1 daily 02:00", written)
    (found,) = [d for d in analysis.diagnostics if d.message.startswith("expected `on` after `run`")]
    assert bool(found.choices) == offered
    for choice in found.choices:
        chosen = apply_edits(text, choice.edits)
        assert [d.code for d in analyse("prodssi.bkr", chosen.encode("utf-8")).diagnostics if d.code < "BKR1"] == []


#: A range of days with `at` before the time, after the members (`run on VMSYS1 weekly
#: mon-fri at 22:00`, `mon - fri`, `every mon-fri at 10pm`): the help wrote `weekly
#: mon,tue,wed,thu,fri 22:00`, no fix (as `weekly weekdays at 22:00` had one); now its fix
#: writes it, the file then clean (messages.certain_schedule reads a range as its days).
H1_RANGE_AT_AFTER = [
    "run on VMSYS2 weekly mon-fri at 22:00",
    "run on VMSYS2 weekly mon - fri at 22:00",
    "run on VMSYS2 WEEKLY MON-FRI AT 22:00",
    "run on VMSYS2 every mon-fri at 10pm",
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", H1_RANGE_AT_AFTER)
def test_h1_a_days_range_with_at_after_the_members_is_fixed(written, parser, monkeypatch):
    text = BASE.replace("run on VMSYS2 weekly sat 22:00", written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert found.help.startswith("write `weekly mon,tue,wed,thu,fri 22:00`")
    assert found.fix.title == "Write `weekly mon,tue,wed,thu,fri 22:00`"
    assert repaired == BASE.replace("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly mon,tue,wed,thu,fri 22:00", 1)


#: Times joined by `&` or `;` after a schedule's time (`daily 02:00 & 14:00`, `daily
#: 02:00;14:00`): the error two times get, its help writing a job for each (were BKR003,
#: "the character `&` cannot appear here", its help of z/VM names and `&` variables, and
#: "`;` is not needed", whose fix left `daily 02:00 14:00`, an error still). A `;` that
#: ends the line, or an `&` before a word no time is, keeps its BKR003.
H1_TIMES_JOINED = [
    ("run on VMSYS1 daily 02:00 & 14:00", "14:00", ["14:00"]),
    ("run on VMSYS1 daily 02:00;14:00", "14:00", ["14:00"]),
    ("run on VMSYS1 daily 02:00 & 2pm & 20:00", "2pm & 20:00", ["14:00", "20:00"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "after", "times"), H1_TIMES_JOINED, ids=[c[0] for c in H1_TIMES_JOINED])
def test_h1_times_joined_by_an_ampersand_or_semicolon_are_a_job_each(written, after, times, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("run on VMSYS1 daily 02:00", written)
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.fix) == (
        "BKR004", f"the `run` statement's schedule has one time: `{after}` cannot follow `02:00`", None,
    )
    assert text[found.span.start : found.span.end] == after
    assert found.help.startswith("write a job for each time, the same but for its `run`: `run on VMSYS1 daily 02:00`")
    assert all(f"`{t}`" in found.help or f"daily {t}`" in found.help for t in times)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["run on VMSYS1 daily 02:00;", "run on VMSYS1 daily 02:00 & now"])
def test_h1_a_semicolon_or_ampersand_before_no_time_keeps_its_error(written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("run on VMSYS1 daily 02:00", written)
    assert [d.code for d in analysis.diagnostics] == ["BKR003"]


#: `run` left out and `each member` written otherwise (`on all members daily 03:30`, `on
#: each members ...`, `on every member ...`): one error at `on`, whose help and fix write
#: `run on each member daily 03:30`, the file then clean (was two: "expected `run` before
#: `on`", its help `run on all members daily 03:30`, and "`all members` is written `each
#: member`", whose fix left `run` out). (as written, the line fixed)
H1_EVERY_MEMBER = [
    ("on all members daily 03:30", "    run on each member daily 03:30"),
    ("on each members daily 03:30", "    run on each member daily 03:30"),
    ("on every member daily 3:30am", "    run on each member daily 03:30"),
    ("on both members daily 03:30  # both", "    run on each member daily 03:30  # both"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "fixed"), H1_EVERY_MEMBER, ids=[c[0] for c in H1_EVERY_MEMBER])
def test_h1_on_all_members_in_a_job_is_one_error_whose_fix_writes_run_on_each_member(written, fixed, parser, monkeypatch):
    text = BASE.replace("run on each member daily 03:30", written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.message, found.help) == (
        "BKR004",
        f"expected `run` before `on`, and `{' '.join(written.split()[1:3])}` is written `each member`",
        "write `run on each member daily 03:30`: one job per member, named with the member's suffix",
    )
    assert (found.span.line, found.span.column) == (82, 5)
    assert fixed in repaired.split("\n")


#: `run on members each daily 03:30`: `each member` the other way round and plural. One
#: error, as `run on member each ...`'s, whose fix writes `each member`, the file then
#: clean (was `each daily 03:30` no schedule, BKR012, whose fix wrote `run on members daily
#: 03:30`, then BKR330: no member MEMBERS).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["run on members each daily 03:30", "run on MEMBERS EACH daily 03:30"])
def test_h1_members_each_after_run_on_is_one_error_whose_fix_writes_each_member(written, parser, monkeypatch):
    text = BASE.replace("run on each member daily 03:30", written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    members, each = written.split()[2:4]
    assert (found.code, found.message, found.fix.title) == (
        "BKR004",
        f"`{members} {each}` has its two words the wrong way round: `{each}` comes before `{members}`",
        "Write `each member`",
    )
    assert repaired == BASE


#: How often right after `run`, then the members, then the time (`run daily on VMSYS1 at
#: 02:00`, `run weekly sat on VMSYS2 10pm`): one error, as `run daily 02:00 on VMSYS1`'s,
#: whose fix writes the line in order, the file then clean (was two: "unexpected `daily`
#: after `run`", whose help removed it, then the time's BKR012, whose choice checked no
#: better). (clean, as written, what the help says after the line)
H1_OFTEN_AROUND = [
    ("run on VMSYS1 daily 02:00", "run daily on VMSYS1 at 02:00", ": the time follows without `at`"),
    ("run on VMSYS1 daily 02:00", "run daily on VMSYS1 02:00", ""),
    ("run on VMSYS2 weekly sat 22:00", "run weekly sat on VMSYS2 at 10pm", ": the time follows without `at`"),
    ("run on each member daily 03:30", "run daily on each member at 03:30", ": the time follows without `at`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "said"), H1_OFTEN_AROUND, ids=[c[1] for c in H1_OFTEN_AROUND])
def test_h1_how_often_before_the_members_and_the_time_after_is_one_error_whose_fix_checks(
    clean, written, said, parser, monkeypatch
):
    text = BASE.replace(clean, written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.message, found.help) == (
        "BKR004", "the schedule comes after the members the job runs on, not before them", f"write `{clean}`{said}",
    )
    assert repaired == BASE


#: The schedule before the members with more times than one (`run daily 02:00,14:00 on
#: VMSYS1`): one error that says both, whose help writes a job for each time, each line in
#: order, as two times after the members get (was two: "expected `on` after `run`", whose
#: choices inserted `on VMSYS1` before the words, then BKR015's generic "a `,` cannot
#: appear here"). No fix: which time, or a job each, is the site's. (clean, as written, the
#: times after the first)
H1_TIMES_FIRST = [
    ("run on VMSYS1 daily 02:00", "run daily 02:00,14:00 on VMSYS1", ["14:00"]),
    ("run on VMSYS1 daily 02:00", "run daily 02:00 2pm on VMSYS1", ["14:00"]),
    ("run on VMSYS2 weekly sat 22:00", "run weekly sat 22:00, 23:30 on VMSYS2", ["23:30"]),
    ("run on each member daily 03:30", "run daily 03:30 & 15:30 & 20:00 on each member", ["15:30", "20:00"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "times"), H1_TIMES_FIRST, ids=[c[1] for c in H1_TIMES_FIRST])
def test_h1_a_schedule_with_more_times_before_the_members_is_one_error(clean, written, times, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.fix) == (
        "BKR004", "the schedule comes after the members the job runs on, not before them, and has one time", None,
    )
    schedule = clean.rsplit(" ", 1)[0]
    if len(times) == 1:
        jobs = f"`{clean}` and `{schedule} {times[0]}`"
    else:
        jobs = f"`{clean}`, and the same at " + " and at ".join(f"`{t}`" for t in times)
    assert found.help.startswith(f"write a job for each time, the same but for its `run`: {jobs}")
    assert found.span.column == 9
    assert too_long(found, analysis.sources) == []


#: A schedule written first with `at` before its time, then `run on` and the members
#: (`daily at 02:00 run on VMSYS1`, `weekly mon-fri at 22:00 run on VMSYS2`): one error,
#: as without `at`, whose help says `at` too and whose fix writes the line in order, the
#: file then clean (was the error's generic help, the `run` statement's form, no fix).
H1_AT_SCHEDULE_FIRST = [
    ("run on VMSYS1 daily 02:00", "daily at 02:00 run on VMSYS1", "run on VMSYS1 daily 02:00", ""),
    ("run on VMSYS1 daily 02:00", "daily at 2am on VMSYS1", "run on VMSYS1 daily 02:00", ""),
    ("run on VMSYS2 weekly sat 22:00", "weekly mon-fri at 22:00 run on VMSYS2",
     "run on VMSYS2 weekly mon,tue,wed,thu,fri 22:00", ": `weekly` takes each day by name, the days separated by commas"),
    ("run on each member daily 03:30", "daily at 03:30 run on each member", "run on each member daily 03:30", ""),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "meant", "days"), H1_AT_SCHEDULE_FIRST, ids=[c[1] for c in H1_AT_SCHEDULE_FIRST])
def test_h1_a_schedule_first_with_at_is_one_error_whose_fix_checks(clean, written, meant, days, parser, monkeypatch):
    text = BASE.replace(clean, written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    said = f"{days}; the time follows without `at`" if days else ": the time follows without `at`"
    assert (found.code, found.message, found.help) == (
        "BKR004", "a schedule is part of the `run` statement, after the members the job runs on", f"write `{meant}`{said}",
    )
    assert repaired == BASE.replace(clean, meant, 1)


#: A schedule in English first on a line of a job, then `run on` (or `on`) and the members
#: (`nightly 02:00 run on VMSYS1`, `every day at 02:00 on VMSYS1`, `at 02:00 daily on
#: VMSYS1`): the error a schedule written first gets, its help saying how the phrase is
#: written, its fix writing the statement, the file then clean (was "`nightly` is not a
#: keyword", its help the block's statements; for `at`, "`at` starts no statement: it
#: gives where a disk starts"). (clean, as written, the phrase)
H1_PHRASE_WITHOUT_RUN = [
    ("run on VMSYS1 daily 02:00", "nightly 02:00 run on VMSYS1", "nightly 02:00"),
    ("run on VMSYS1 daily 02:00", "every day at 02:00 on VMSYS1", "every day at 02:00"),
    ("run on VMSYS1 daily 02:00", "at 2am daily run on VMSYS1", "at 2am daily"),
    ("run on VMSYS2 weekly sat 22:00", "every saturday at 10pm run on VMSYS2", "every saturday at 10pm"),
    ("run on each member daily 03:30", "every day at 03:30 on each member", "every day at 03:30"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "phrase"), H1_PHRASE_WITHOUT_RUN, ids=[c[1] for c in H1_PHRASE_WITHOUT_RUN])
def test_h1_a_schedule_in_english_first_then_the_members_is_one_error_whose_fix_checks(
    clean, written, phrase, parser, monkeypatch
):
    text = BASE.replace(clean, written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    schedule = " ".join(clean.split()[4 if "each" in clean else 3 :])
    assert (found.code, found.message, found.help) == (
        "BKR004",
        "a schedule is part of the `run` statement, after the members the job runs on",
        f"write `{clean}`: `{phrase}` is written `{schedule}`",
    )
    assert found.span.column == 5
    assert repaired == BASE


# --- h3 (stop 64)

#: A CP directory IDENTITY line in the cluster block or at the top of the file with its
#: password as CP shows one hidden (`XXXXXXXX`, `*****`: one character four times or more,
#: which no user ID is), or with a storage size further on: the one BKR012 `IDENTITY TCPIP`
#: and `IDENTITY TCPIP 32M` get, whose help says a .bkr file holds no passwords (was BKR004
#: "expected `group` or `user` after `IDENTITY`, found `TCPIP`", help "write `user` before
#: `TCPIP` if it is a name, or in its place", the password taken for a second user ID).
H3_IDENTITY_WITH_PASSWORDS = [
    ("  shared-volume VMCOM1\n", "  IDENTITY TCPIP XXXXXXXX\n"),
    ("  shared-volume VMCOM1\n", "  IDENTITY TCPIP XXXXXXXX  # the stack\n"),
    ("  shared-volume VMCOM1\n", "  identity tcpip xxxxxxxx\n"),
    ("  shared-volume VMCOM1\n", "  IDENTITY TCPIP ***** 256M 256M ABG\n"),
    ("  shared-volume VMCOM1\n", "  IDENTITY TCPIP TCPPW 32M 64M G\n"),
    ("import std/zvm73\n", "IDENTITY TCPIP XXXXXXXX\n"),
    ("    workers 4\n", "    IDENTITY TCPIP XXXXXXXX\n"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "pasted"), H3_IDENTITY_WITH_PASSWORDS, ids=[c[1].strip() for c in H3_IDENTITY_WITH_PASSWORDS])
def test_h3_an_identity_entry_with_its_password_at_cluster_level_is_one_error(clean, pasted, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, clean + pasted)
    (found,) = analysis.diagnostics
    word = pasted.split()[0]
    assert (found.code, found.message) == ("BKR012", f"`{word}` starts a CP directory entry, not a .bkr statement")
    assert found.help == (
        "declare the user by its kind: `identity user TCPIP` for an IDENTITY entry (multiconfiguration);"
        " a .bkr file does not hold passwords, storage or privilege classes"
    )
    assert found.fix is None
    assert too_long(found, analysis.sources) == []
    column = len(pasted) - len(pasted.lstrip()) + 1
    assert (found.span.line, found.span.column) == (text.split("\n").index(pasted.rstrip("\n")) + 1, column)


#: Two user IDs there, `user` left out, stay the declaration's slip (the lead's stop 63 case).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("pasted", ["  IDENTITY TCPIP FTPSERVE\n", "  IDENTITY TCPIP XXX\n", "  identity TCPIP role worker\n"])
def test_h3_two_ids_after_identity_stay_a_declarations_slip(pasted, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n" + pasted)
    assert analysis.diagnostics
    assert not any("CP directory" in d.message for d in analysis.diagnostics)


#: `run on member VMSYS2` in LNXFULL, its choice "Write `on each member`" taken: the job of
#: single-configuration users on every member is BKR220, whose help said `run on VMSYS1`,
#: the cluster's first member, where LNXINC backs the same group up from VMSYS2 (the fix
#: then BKR411's error, the users backed up from two members). It names VMSYS2 now, the
#: member the group's other jobs run on, and its fix writes it: the file as it was.
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_each_member_chosen_for_a_single_job_points_back_to_its_groups_member(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("run on VMSYS2 weekly sat 22:00", "run on member VMSYS2 weekly sat 22:00")
    (found,) = analysis.diagnostics
    chosen = next(c for c in found.choices if c.title == "Write `on each member`")
    each = apply_edits(text, chosen.edits)
    analysis = analyse("prodssi.bkr", each.encode("utf-8"))
    (placed,) = analysis.diagnostics
    assert placed.code == "BKR220"
    assert placed.help.startswith(
        "run it on one member: write `run on VMSYS2` for `run on each member` (line 55), the member `LNXINC` backs"
        " up `LINUX` from: a single-configuration user is backed up from one member (BKR411); "
    )
    assert [r.label for r in placed.related][-1] == "`LNXINC` runs on VMSYS2"
    assert too_long(placed, analysis.sources) == []
    assert apply_edits(each, placed.fix.edits) == BASE


#: A list of members, or two jobs of the group on one member, point back the same way; a
#: group no other job backs up, or whose other jobs run on several members, gets the
#: cluster's first member, as before, and no fix (which member is a choice).
@pytest.mark.parametrize(
    ("edits", "member", "fixed"),
    [
        ([("run on VMSYS2 weekly sat 22:00", "run on VMSYS1, VMSYS3 weekly sat 22:00")], "VMSYS2", True),
        ([("run on VMSYS1 daily 02:00", "run on each member daily 02:00")], "VMSYS1", False),
        ([("run on VMSYS2 weekly sat 22:00", "run on each member weekly sat 22:00"),
          ("run on VMSYS2 daily 23:30", "run on VMSYS3 daily 23:30"),
          ("backup APPS full", "backup APPS, LINUX full")], "VMSYS1", False),
    ],
)
def test_h3_bkr220_names_the_member_of_the_groups_other_jobs_where_one(edits, member, fixed):
    text = BASE
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (placed,) = [d for d in analysis.diagnostics if d.code == "BKR220"]
    assert placed.help.startswith(f"run it on one member: write `run on {member}` for "), placed.help
    assert (placed.fix is not None) == fixed
    if fixed:
        assert apply_edits(text, placed.fix.edits) == BASE


#: An `expire` block's members without their `,` below `catalog shared ... on VMSYS1`: the
#: list the commas make is BKR211's error (a shared catalog is purged from one member only),
#: which the fix led to unannounced (h4, stop 63: "separate the names of a list with commas").
#: The help says so, and the fix writes the one member BKR211 and BKR215 want: the one the
#: catalog's server logs on to, listed or not. (as written, the help's start, the line fixed)
H3_EXPIRE_MEMBERS = [
    ("expire on VMSYS1 VMSYS2 {", "", "  expire on VMSYS1 {"),
    ("expire on VMSYS2 VMSYS1 {", "", "  expire on VMSYS1 {"),
    ("expire on VMSYS1 VMSYS2 VMSYS3 {", "", "  expire on VMSYS1 {"),
    ("expire on VMSYS3, VMSYS1 VMSYS2 {", "", "  expire on VMSYS1 {"),
    ("expire on VMSYS3 VMSYS2 {", "", "  expire on VMSYS1 {"),
    ("expire on VMSYS1 VMSYS1 VMSYS2 {", "remove the second `VMSYS1`; ", "  expire on VMSYS1 {"),
    ("expire on VMSYS1 VMSYS1 VMSYS1 VMSYS2 {", "remove the 2 after the first; ", "  expire on VMSYS1 {"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "start", "fixed"), H3_EXPIRE_MEMBERS, ids=[c[0] for c in H3_EXPIRE_MEMBERS])
def test_h3_expire_members_without_commas_of_a_shared_catalog_are_one_member(written, start, fixed, parser, monkeypatch):
    text = BASE.replace("expire on VMSYS1 {", written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    names = [n for n in re.split(r"[\s,]+", written.removeprefix("expire on ").removesuffix(" {")) if n]
    listed = ", ".join(dict.fromkeys(names))
    assert found.code == "BKR004"
    assert found.help == (
        f"{start}a list would need its commas, `{listed}`, but the cluster's catalog is shared, and a shared"
        " catalog is purged from one member only (BKR211): write `expire on VMSYS1`, the member the catalog's"
        " server logs on to (BKR215)"
    )
    assert found.fix.title == "Write `expire on VMSYS1`"
    assert fixed in repaired.split("\n")
    assert repaired == BASE


#: Without `on MEMBER` on the catalog line, the first member listed (BKR211's choice).
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_expire_members_of_a_shared_catalog_without_its_member_keep_the_first(parser, monkeypatch):
    clean = BASE.replace("pool BKRPOOL on VMSYS1", "pool BKRPOOL", 1)
    text = clean.replace("expire on VMSYS1 {", "expire on VMSYS3 VMSYS2 {", 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert found.help.endswith("a shared catalog is purged from one member only (BKR211): write `expire on VMSYS3`")
    assert "  expire on VMSYS3 {" in repaired.split("\n")


#: Above the catalog (or without one), the parser has not read its scope: the fix writes the
#: commas, and the help says what the block then does; below `catalog local`, a list is what
#: local catalogs take: the commas alone.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("where", ["after", "local"])
def test_h3_expire_members_without_commas_elsewhere_get_the_list(where, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    catalog = "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n"
    if where == "after":
        clean = BASE.replace(catalog, "", 1).replace("  tape manager shared", catalog + "  tape manager shared", 1)
    else:
        clean = BASE.replace(catalog, "  catalog local server BKRSVSFS pool BKRPOOL\n", 1)
    text = clean.replace("expire on VMSYS1 {", "expire on VMSYS1 VMSYS2 {", 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (found,) = [d for d in analysis.diagnostics if d.code < "BKR100"]
    then = (
        "\nthe block then expires on each member listed, as local catalogs do: a shared catalog is purged from"
        " one member only (BKR211)"
    )
    assert found.help == "separate the names of a list with commas: `VMSYS1, VMSYS2`" + (then if where == "after" else "")
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert "  expire on VMSYS1, VMSYS2 {" in repaired.split("\n")
    codes = [d.code for d in analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics]
    assert ("BKR211" in codes) == (where == "after"), codes


#: An include record of every owner in a group body with a user ID after its columns: the
#: help said to move `include minidisk * *` into the jobs, the ID not named. The ID is the
#: group's entry, whether meant as the record's owner (its third field, OWNER) or as the
#: body's next ID: the help says which field, and for a record of every disk the fix writes
#: `match LNXDB*` (or the ID alone) over the record and the ID, as for the ID in its place.
#: (the group as written, the help's end, the line the fix writes or None)
H3_ID_AFTER_RECORD = [
    ("{ LNXWEB01 LNXWEB02 LNXDB01\n    INCLUDE MINIDISK * = * * = * * LNXDB*\n    match LNXAPP* }",
     ("write `match LNXDB*`: the record selects every disk, and a group lists its owner; each job that backs up"
      " LINUX selects the disks (`include minidisk LNXDB* *`)"), "    match LNXDB*"),
    ("{ LNXWEB01 LNXWEB02\n    INCLUDE MINIDISK * = * * = * * LNXDB01  # from LNXFULL\n    match LNXAPP* }",
     ("write `LNXDB01`: the record selects every disk, and a group lists its owner; each job that backs up"
      " LINUX selects the disks (`include minidisk LNXDB01 *`)"), "    LNXDB01  # from LNXFULL"),
    ("{ LNXWEB01 LNXWEB02 INCLUDE MINIDISK * = * LNXDB01\n    match LNXAPP* }",
     ("write `LNXDB01`: the record selects every disk, and a group lists its owner; each job that backs up"
      " LINUX selects the disks (`include minidisk LNXDB01 *`)"), "  single group LINUX { LNXWEB01 LNXWEB02 LNXDB01"),
    ("{ LNXWEB01 LNXWEB02 LNXDB01\n    INCLUDE MINIDISK * = 0191-01FF LNXDB*\n    match LNXAPP* }",
     ("a group lists it, `match LNXDB*`; each job that backs up LINUX selects its disks,"
      " `include minidisk LNXDB* 0191-01FF`; bkrc writes the template"), None),
    ("{ LNXWEB01 LNXWEB02 LNXDB01\n    INCLUDE MINIDISK * 0191 = * LNXDB*\n    match LNXAPP* }",
     ("a group lists it, `match LNXDB*`; each job that backs up LINUX selects its disks"
      " (`include minidisk LNXDB* ADDR...`); bkrc writes the template"), None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "end", "fixed"), H3_ID_AFTER_RECORD, ids=[c[0].split("INCLUDE")[1].split("\n")[0] for c in H3_ID_AFTER_RECORD])
def test_h3_a_user_id_after_a_records_columns_in_a_group_is_its_entry(written, end, fixed, parser, monkeypatch):
    text = BASE.replace("{ LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }", written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    owner = re.search(r"(LNXDB\S*)\s*(?:#.*)?\n?\s*(?:match|$)", written.split("INCLUDE", 1)[1]).group(1)
    assert (found.code, found.message) == (
        "BKR014", "`INCLUDE` starts a Backup Manager template record, not a user ID of the group"
    )
    assert found.help == (
        f"`{owner}`, after the record's columns, is the user ID: a record names it in its third field, OWNER,"
        f" where `*` is every user; {end}"
    )
    if fixed is None:
        assert repaired is None
    else:
        assert fixed in repaired.split("\n"), repaired


#: Where the word after the columns is none of a user's (an address, a volume among the
#: columns), or the record is an exclude, the help is as before.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("record", "help"),
    [
        ("INCLUDE MINIDISK * = * * = * * 0191", "move it into each job that backs up LINUX as `include minidisk * *`"),
        ("EXCLUDE MINIDISK * = * * = * * LNXDB*", "move it into each job that backs up LINUX as `exclude minidisk * *`"),
        ("INCLUDE MINIDISK * = * VMCOM1 LNXDB*", ("remove it: a group lists user IDs only; write the selection in"
         " each job that backs up LINUX without `=`, as in `include minidisk OWNER ADDR...`")),
    ],
)
def test_h3_no_user_id_after_a_records_columns_is_said_as_before(record, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("LNXDB01  match", f"LNXDB01\n    {record}\n    match", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.code == "BKR014" and found.help.startswith(help), found.help


# --- h4 (stop 64)
_SCHEDULE_AND_RETAIN = "    purge weekly sun 03:00\n    retain 35 days\n"


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("schedule", "retained", "codes"),
    [
        # a hyphenated keyword as `retain`'s value, under a schedule whose day is left out
        ("purge weekly 03:00", "retain job-suffix days", ["BKR010"]),
        ("purge weekly 03:00", "retain private-volume days", ["BKR010"]),
        ("purge weekly 03:00 retain job-suffix days", None, ["BKR010"]),
        ("purge weekly sun, 03:00", "retain job-suffix days", ["BKR004"]),
        # written without its hyphen: each slip's own error, as each alone gives it
        ("purge weekly 03:00", "retain job suffix days", ["BKR010", "BKR013"]),
    ],
)
def test_h4_a_keyword_after_a_statement_read_as_a_time_is_no_misplaced_keyword(
    schedule, retained, codes, parser, monkeypatch
):
    """`purge weekly 06:00` + newline + `retain job-suffix days` (found by
    tests/test_fast_parser.py::test_damaged_examples, `BKRDSL_HYPOTHESIS=explore
    BKRDSL_HYPOTHESIS_SCALE=2 --hypothesis-seed=202612058`): the time read as the day,
    `retain` was read as the time, and Lark's recovery reported `job-suffix` as
    misplaced in the `expire` block (BKR013), the missing day unsaid, where the fast
    parser said BKR010. `retain` is the next statement's keyword (as before `retain 35
    days`): the one error is the day left out, and `job-suffix` is `retain`'s value."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    lines = f"    {schedule}\n" + (f"    {retained}\n" if retained else "")
    text = BASE.replace(_SCHEDULE_AND_RETAIN, lines, 1)
    assert text != BASE
    found = [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.is_error]
    assert [d.code for d in found] == codes
    if codes[0] == "BKR010":
        assert found[0].message == "`weekly` needs a day of the week before the time `03:00`"
    # each slip alone gives the same error: the schedule's
    alone = BASE.replace(_SCHEDULE_AND_RETAIN, f"    {schedule.split(' retain')[0]}\n    retain 35 days\n", 1)
    (first,) = [d for d in analyse("prodssi.bkr", alone.encode("utf-8")).diagnostics if d.is_error]
    assert (first.code, first.message, first.help) == (found[0].code, found[0].message, found[0].help)


# --- h5 (stop 64)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "read", "meant"),
    [
        # a member's setting in other words, or misspelt, after its labels on their line:
        # read as more volumes, silently (a newcomer's `suffix D`, its jobs still named 3)
        ("private-volume M3PRV1  suffix C", "suffix C", "job-suffix C"),
        ("private-volume M3PRV1  worker 2", "worker 2", "workers 2"),
        ("private-volume M3PRV1  wrkers 2", "wrkers 2", "workers 2"),
        ("private-volume M3PRV1 M3PRV2  exclud minidisk", "exclud MINIDISK", None),
        # on a line of its own below the labels, `suffix` (no keyword's start) too
        ("private-volume M3PRV1\n    suffix C\n ", "suffix C", "job-suffix C"),
    ],
)
def test_a_member_setting_misspelt_after_its_labels_is_warned_of(written, read, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "member VMSYS3 { workers 2  private-volume M3PRV1 }"
    assert clean in BASE
    if meant is None:  # `exclud minidisk`: `minidisk` in small letters is no label (BKR004)
        written = written.replace("minidisk", "MINIDISK")
        meant = "exclude MINIDISK"
    text = BASE.replace(clean, "member VMSYS3 { workers 2  " + written + " }", 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    found = [d for d in analysis.diagnostics if d.code < "BKR100"]
    (d,) = [d for d in found if d.code == "BKR021"]
    assert [x.code for x in found] == ["BKR021"]
    assert d.message.startswith(f"`{read}` is read as 2 more volumes of member `VMSYS3`'s `private-volume` list")
    assert f"write `{meant}`" in d.help and f"`{read.upper()}`" in d.help
    assert too_long(d, analysis.sources) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["M3PRV2 m3prv3", "M3PRV2 spare", "RETAIN", "SUFFIX C", "Suffix C"])
def test_labels_that_mean_no_member_setting_are_not_warned_of(written, parser, monkeypatch):
    """Labels in capitals, or in small letters that are no member setting misspelt, read
    as written, without a warning: only a statement keyword of the block is weighed."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "member VMSYS3 { workers 2  private-volume M3PRV1 }"
    text = BASE.replace(clean, f"member VMSYS3 {{ workers 2  private-volume M3PRV1 {written} }}", 1)
    assert [d.code for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code == "BKR021"] == []


#: A job template's header settings in job APPSFULL (`backup APPS full`, `to disk pool
#: BKUPPOOL`), its own line taken out where the setting stands for it: the help, and the
#: job's lines the fix gives (None: no fix).
TEMPLATE_SETTINGS = [
    # the level, its `backup` line without one (`full` by default, not said)
    ("    backup APPS full\n", "    backup APPS\n    CONFIG BKR_Job_Type = INCREMENTAL\n",
     "write `backup APPS incremental`, and remove this line", "    backup APPS incremental\n"),
    ("    backup APPS full\n", "    backup APPS full\n    CONFIG BKR_Job_Type = FULL\n",
     "the job's `backup APPS full` says it already: remove this line", "    backup APPS full\n"),
    ("    backup APPS full\n", "    backup APPS full\n    config bkr_job_type = incremental\n",
     "write `backup APPS incremental` on the job's `backup` line, and remove this line", None),
    # the name
    ("    backup APPS full\n", "    CONFIG BKR_Job_Name = APPSFULL\n    backup APPS full\n",
     "the job's name is in `job APPSFULL {` already: remove this line", "    backup APPS full\n"),
    ("    backup APPS full\n", "    CONFIG BKR_Job_Name = APPSDAY\n    backup APPS full\n",
     ("a job is named in its head: write `job APPSDAY {` for `job APPSFULL {` to name it APPSDAY, and remove"
      " this line"), None),
    # the target
    ("    to disk pool BKUPPOOL\n", "    CONFIG BKR_Output_Spec = DISK BKUPPOOL\n",
     "write `to disk pool BKUPPOOL`", "    to disk pool BKUPPOOL\n"),
    ("    to disk pool BKUPPOOL\n", "    CONFIG BKR_Output_Spec = TAPE  * weekly\n", "write `to tape`", "    to tape\n"),
    ("    to disk pool BKUPPOOL\n", "    CONFIG BKR_Output_Spec = TAPE  # weekly\n", "write `to tape`", "    to tape  # weekly\n"),
    ("    to disk pool BKUPPOOL\n", "    to disk pool BKUPPOOL\n    CONFIG BKR_Output_Spec = TAPE\n",
     "the job's `to disk` says its backups go to disk: keep one, `to disk` or `to tape`", None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "help", "fixed"), TEMPLATE_SETTINGS)
def test_a_template_setting_in_a_job_is_said_with_the_jobs_words(clean, written, help, fixed, parser, monkeypatch):
    """`CONFIG BKR_Job_Type = FULL` in a job: the help wrote no word of the job's
    ("say it in the job block: the name in `job NAME {`, ..."), and no fix; now it
    writes the job's own statement, and the fix where one reading is."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    job = BASE[BASE.index("  job APPSFULL {") :]
    job = job[: job.index("  }\n") + 4]
    assert clean in job
    text = BASE.replace(job, job.replace(clean, written, 1), 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (d,) = analysis.diagnostics
    word = written.split()[written.split().index("=") - 2]
    assert (d.code, d.message) == ("BKR014", f"`{word}` starts a Backup Manager template setting, not a .bkr statement")
    assert d.help == help + "; bkrc writes the template's settings"
    assert too_long(d, analysis.sources) == []
    if fixed is None:
        assert d.fix is None
        return
    mended = apply_edits(text, d.fix.edits)
    assert mended == BASE.replace(job, job.replace(clean, fixed, 1), 1)
    assert [x.code for x in analyse("prodssi.bkr", mended.encode("utf-8")).diagnostics if x.code < "BKR100"] == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "message", "help", "fixed"),
    [
        ("retain 840 hours", "`retain` counts days, not hours: 840 hours is `retain 35 days`", "write `retain 35 days`",
         "retain 35 days"),
        ("retain 24 hrs", "`retain` counts days, not hours: 24 hrs is `retain 1 days`", "write `retain 1 days`",
         "retain 1 days"),
        ("retain 36 HOURS", "`retain` counts whole days, not hours: 36 HOURS is 1 day and 12 hours",
         "write `retain 2 days` to keep every backup at least 36 hours, or `retain 1 days`", None),
        ("retain 12 hour", "`retain` counts whole days, not hours: 12 hour is less than a day",
         "write `retain 1 days` to keep every backup at least 12 hours", None),
    ],
)
def test_a_retention_in_hours_is_said_in_days(written, message, help, fixed, parser, monkeypatch):
    """`retain 840 hours`: the help was "write `days` before `hours` if it is a name, or in
    its place", as if `hours` were a name; now as for weeks, the days it makes, and the fix
    where they are whole."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("retain 35 days", written, 1)
    (d,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (d.code, d.message, d.help) == ("BKR004", message, help)
    if fixed is None:
        assert d.fix is None
        return
    mended = apply_edits(text, d.fix.edits)
    assert mended == BASE.replace("retain 35 days", fixed, 1)
    assert [x.code for x in analyse("prodssi.bkr", mended.encode("utf-8")).diagnostics if x.code < "BKR100"] == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_the_worker_patterns_star_left_out_of_a_disk_is_one_error_whose_fix_writes_it(parser, monkeypatch):
    """`disk BKRWRK 191 size 5 cyl`, the `*` of `BKRWRK*` left out: it was BKR332 "a
    worker machine ... no member runs that many workers", and BKR253 besides, whose fix
    added a second `disk BKRWRK* 191 ...` and left the first, still BKR332. Now one
    error, whose fix writes the `*`, and the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "  disk BKRWRK* 191 size 5 cyl\n"
    assert clean in BASE
    text = BASE.replace(clean, "  disk BKRWRK 191 size 5 cyl\n", 1)
    (d,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (d.code, d.message) == (
        "BKR332",
        ("`disk` for `BKRWRK`, which is no machine: the worker machines are `BKRWRK*` (BKRWRK01, BKRWRK02, ...),"
         " a pattern with its `*`"),
    )
    assert d.help == "write `BKRWRK*` for `BKRWRK`: the `disk` then gives every worker its minidisk"
    mended = apply_edits(text, d.fix.edits)
    assert mended == BASE
    assert analyse("prodssi.bkr", mended.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "word", "meant"),
    [
        ("  member VMSYS3 {", "  system VMSYS3 {", "system", "member"),
        ("  member VMSYS3 {", "  SYSTEM VMSYS3 {", "SYSTEM", "member"),
        ("cluster PRODSSI {", "ssi PRODSSI {", "ssi", "cluster"),
    ],
)
def test_zvms_word_for_a_member_or_the_cluster_is_the_keyword(clean, written, word, meant, parser, monkeypatch):
    """`system VMSYS3 {`: an SSI member is a system to z/VM (its SYSTEM CONFIG system
    identifier); it was "`system` is not a keyword", the statements listed, no fix. Now
    BKR012 "did you mean `member`?", whose fix writes it and the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert clean in BASE
    text = BASE.replace(clean, written, 1)
    analysis = analyse("prodssi.bkr", text.encode("utf-8"))
    (d,) = analysis.diagnostics
    assert (d.code, d.message, d.help) == ("BKR012", f"unknown keyword `{word}`; did you mean `{meant}`?", f"write `{meant}`")
    mended = apply_edits(text, d.fix.edits)
    assert mended == BASE
    assert analyse("prodssi.bkr", mended.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "head"),
    [
        ("  job APPSFULL {\n", "  job APPSFULL\n", "job APPSFULL"),
        ("  job APPSFULL {\n", "  job APPSFULL  # nightly\n", "job APPSFULL"),
        ("cluster PRODSSI {\n", "cluster PRODSSI\n", "cluster PRODSSI"),
        ("  expire on VMSYS1 {\n", "  expire on VMSYS1\n", "expire on VMSYS1"),
        ("  member VMSYS2 {\n", "  member VMSYS2\n", "member VMSYS2"),
    ],
)
def test_a_blocks_brace_left_out_over_its_body_and_close_is_fixed(clean, written, head, parser, monkeypatch):
    """`job APPSFULL` over its body and `}`: the help was "open the block with `{` after
    its name, and close it with `}`" (its `}` is there), no fix; where the file has one
    `}` more than `{`s, as `job APPSFULL:` gets (_colon_for_brace), the help writes the
    head with its `{` and the fix writes it."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert clean in BASE
    text = BASE.replace(clean, written, 1)
    (d,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (d.code, d.help) == ("BKR011", f"write `{head} {{`: its body and its `}}` follow")
    mended = apply_edits(text, d.fix.edits)
    assert mended == BASE.replace(clean, written.replace(head, head + " {", 1), 1)
    assert analyse("prodssi.bkr", mended.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_blocks_brace_left_out_with_no_close_too_many_gets_no_fix(parser, monkeypatch):
    """`job APPSFULL` with its `}` left out too: the braces balance, the `{` is not the
    one reading, and the help stays as it was, without a fix."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    job = BASE[BASE.index("  job APPSFULL {\n") :]
    job = job[: job.index("  }\n") + 4]
    text = BASE.replace(job, job.replace("  job APPSFULL {\n", "  job APPSFULL\n").replace("  }\n", ""), 1)
    found = [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code == "BKR011"]
    assert [(d.help, d.fix) for d in found] == [("open the block with `{` after its name, and close it with `}`", None)]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "help"),
    [
        # the example was the docs' own: `job-suffix C`, `private-volume M1PRV1`, `member NAME`
        ("  job-suffix D\n", "`job-suffix` belongs in a `member` block: `member VMSYS1 { job-suffix D }`"),
        ("  job suffix D\n", "write `job-suffix`, one word with a hyphen, in a `member` block: `member VMSYS1 { job-suffix D }`"),
        ("  private-volume M5PRV1 M5PRV2\n",
         "`private-volume` belongs in a `member` block: `member VMSYS1 { private-volume M5PRV1 M5PRV2 }`"),
        ("  workers 6  # six\n", "put it inside a `member` block, as in `member VMSYS1 { workers 6 }`"),
        # no value a member block's example could write: as before
        ("  workers\n", "put it inside a `member NAME { ... }` block"),
        ("  private-volume M5PRV1 3390-9\n", "`private-volume` belongs in a `member` block: `member VMSYS1 { private-volume M1PRV1 }`"),
    ],
)
def test_a_member_setting_in_the_cluster_block_is_shown_with_its_own_values(written, help, parser, monkeypatch):
    """`workers 6`, `job-suffix D` or `private-volume M5PRV1` in the cluster block, as a
    newcomer writes a member's settings beside the members: the help's example wrote the
    docs' values (`job-suffix C`, `M1PRV1`) or none (`member NAME { ... }`); now the line's
    own, in the file's first member's block."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "  shared-volume VMCOM1\n"
    assert clean in BASE
    text = BASE.replace(clean, clean + written, 1)
    (d,) = [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code < "BKR100"]
    assert (d.code, d.help) == ("BKR013", help)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written"),
    [
        ("pool BKRPOOL on VMSYS1", "pool BKRPOOL on each member"),
        ("catalog-node TCTMM on VMSYS1", "catalog-node TCTMM on each member"),
    ],
)
def test_each_member_where_one_member_is_named_offers_the_files_members(clean, written, parser, monkeypatch):
    """`catalog shared ... on each member`: the help wrote `on VMSYS1` whatever the file's
    members; now the file's first two (`on VMSYS1 or `on VMSYS2` here, where they are)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(clean, written, 1).replace("VMSYS1", "ZVMA").replace("VMSYS2", "ZVMB")
    (d,) = [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code < "BKR100"]
    assert (d.code, d.help) == ("BKR010", "write one member's name after `on`: `on ZVMA` or `on ZVMB`")


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "help"),
    [
        # the file's other jobs write to one disk pool: the help names it, no fix (a choice)
        ("    to disk pool\n", ("write the pool's name after `pool`: `to disk pool BKUPPOOL`, as the file's other jobs,"
         " or `to disk` to name none")),
        ("    to disk pool  # which?\n", ("write the pool's name after `pool`: `to disk pool BKUPPOOL`, as the file's"
         " other jobs, or `to disk` to name none")),
        # no other job names a tape pool: none made up
        ("    to tape pool\n", "write a pool name after `pool`"),
    ],
)
def test_a_destination_pool_left_unnamed_offers_the_files_pool(written, help, parser, monkeypatch):
    """`to disk pool` with its name left out: the help was "write a pool name after
    `pool`", where the file's other jobs name one disk pool, BKUPPOOL."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    job = BASE[BASE.index("  job APPSFULL {") :]
    job = job[: job.index("  }\n") + 4]
    text = BASE.replace(job, job.replace("    to disk pool BKUPPOOL\n", written, 1), 1)
    (d,) = [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code < "BKR100"]
    assert (d.code, d.help, d.fix) == ("BKR010", help, None)


# --- h1 (stop 65)


def _clean_after(text: str, mend) -> str:
    """`text` with `mend` (a fix or a choice) applied, which must check clean."""
    mended = apply_edits(text, mend.edits)
    assert analyse("prodssi.bkr", mended.encode("utf-8")).diagnostics == [], mend.title
    return mended


#: A schedule in English before the members whose time is an hour alone (`run every day
#: at 2 on VMSYS1`): one error, as with HH:MM, its help writing the 24-hour clock's
#: reading and the afternoon's (or midnight's, for 12), each a choice whose file checks,
#: no fix; an hour that has one reading (`at 14`) gets the fix (was two: "expected `on`
#: after `run`", then "`day at 2 on VMSYS1` is not a .bkr schedule"). (clean, as written,
#: the schedules written, in the choices' order)
H1_65_HOUR_FIRST = [
    ("run on VMSYS1 daily 02:00", "run every day at 2 on VMSYS1", ["daily 02:00", "daily 14:00"]),
    ("run on VMSYS2 weekly sat 22:00", "run every saturday at 10 on VMSYS2", ["weekly sat 10:00", "weekly sat 22:00"]),
    ("run on VMSYS1 daily 02:00", "run every day at 12 on VMSYS1", ["daily 12:00", "daily 00:00"]),
    ("run on VMSYS1 daily 02:00", "run every day at 14 on VMSYS1", ["daily 14:00"]),
    # at night, 12 is midnight alone (h1, stop 68)
    ("run on VMSYS1 daily 02:00", "run nightly at 12 on VMSYS1", ["daily 00:00"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "schedules"), H1_65_HOUR_FIRST, ids=[c[1] for c in H1_65_HOUR_FIRST])
def test_h1_65_an_hour_alone_before_the_members_is_one_error_with_both_readings(
    clean, written, schedules, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    member = clean.split()[2]
    phrase = written.rsplit(" on ", 1)[0][4:]
    assert (found.code, found.message) == ("BKR004", "the schedule comes after the members the job runs on, not before them")
    assert found.help.startswith(f"write `run on {member} {schedules[0]}`: `{phrase}` is written `{schedules[0]}`")
    assert too_long(found, analysis.sources) == []
    meant = [f"run on {member} {s}" for s in schedules]
    if len(schedules) == 1:
        assert found.choices == ()
        assert _clean_after(text, found.fix) == BASE.replace(clean, meant[0], 1)
        return
    assert found.fix is None
    assert found.help.endswith(f"is `{schedules[1].split()[-1]}`: write `{meant[1]}`")
    assert [c.title for c in found.choices] == [f"Write `{m[4:]}`" for m in meant]
    for choice, line in zip(found.choices, meant):
        assert _clean_after(text, choice) == BASE.replace(clean, line, 1)


#: The days of a schedule in English after `run on`, read as the members, then the
#: members after a second `on` (`run on sun at 22:00 on VMSYS1`): one error, as `run
#: weekly sun 22:00 on VMSYS1`'s, whose fix writes `run on VMSYS1 weekly sun 22:00`, the
#: file then clean (was "`at 22:00 on VMSYS1` is not a .bkr schedule", `sun` read silently
#: as a member, no fix). (as written, the line fixed)
H1_65_DAYS_AS_MEMBERS = [
    ("run on sun at 22:00 on VMSYS1", "run on VMSYS1 weekly sun 22:00"),
    ("run on sunday 22:00 on VMSYS1", "run on VMSYS1 weekly sun 22:00"),
    ("run on sat,sun at 10pm on VMSYS1", "run on VMSYS1 weekly sat,sun 22:00"),
    ("RUN ON SUN AT 22:00 ON VMSYS1  # weekly", "RUN on VMSYS1 weekly sun 22:00  # weekly"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "fixed"), H1_65_DAYS_AS_MEMBERS, ids=[c[0] for c in H1_65_DAYS_AS_MEMBERS])
def test_h1_65_days_after_run_on_then_the_members_is_one_error_whose_fix_checks(written, fixed, parser, monkeypatch):
    text = BASE.replace("run on VMSYS1 daily 02:00", written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    phrase = written.split("#")[0].strip()[4:].rsplit(" ", 2)[0]
    schedule = fixed.split("#")[0].strip().split(" ", 3)[3]
    assert (found.code, found.message, found.help) == (
        "BKR004",
        "the schedule comes after the members the job runs on, not before them",
        f"write `run on VMSYS1 {schedule}`: `{phrase}` is written `{schedule}`",
    )
    assert (found.span.line, found.span.column) == (74, 9)
    assert repaired == BASE.replace("run on VMSYS1 daily 02:00", fixed, 1)


#: A schedule written another way alone on a line of a job, `run on` and the member left
#: out (`nightly at 01:00`, `daily at 01:00`, `every day at 01:00`, `weekly mon-fri
#: 22:00`): one error whose help names the file's members and writes the schedule as it
#: is written. The `run` the file allows is written: a job of single-configuration users
#: runs on one member, each a choice (none preferred: which is the site's), or the fix
#: where its users' other jobs run on one (LNXINC: LNXFULL's VMSYS2); a job of IDENTITY
#: users on each member, the fix. Each file checks clean (was "`nightly` is not a keyword",
#: its help the block's statements; for `daily at 01:00`, two errors, the `at`'s and
#: "`run` is missing", no fix). (clean, as written, the schedule, the runs written)
H1_65_RUN_LEFT_OUT = [
    ("run on VMSYS1 daily 02:00", "nightly at 01:00", "daily 01:00", [f"run on VMSYS{n} daily 01:00" for n in (1, 2, 3, 4)]),
    ("run on VMSYS1 daily 02:00", "daily at 01:00", "daily 01:00", [f"run on VMSYS{n} daily 01:00" for n in (1, 2, 3, 4)]),
    ("run on VMSYS1 daily 02:00", "every day at 1am  # nightly", "daily 01:00",
     [f"run on VMSYS{n} daily 01:00" for n in (1, 2, 3, 4)]),
    ("run on VMSYS1 daily 02:00", "weekly mon-fri 22:00", "weekly mon,tue,wed,thu,fri 22:00",
     [f"run on VMSYS{n} weekly mon,tue,wed,thu,fri 22:00" for n in (1, 2, 3, 4)]),
    ("run on VMSYS2 daily 23:30", "nightly at 23:30", "daily 23:30", ["run on VMSYS2 daily 23:30"]),
    ("run on each member daily 03:30", "every night at 3:30am", "daily 03:30", ["run on each member daily 03:30"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "schedule", "runs"), H1_65_RUN_LEFT_OUT, ids=[c[1] for c in H1_65_RUN_LEFT_OUT])
def test_h1_65_a_schedule_written_otherwise_without_run_on_writes_the_run_the_file_allows(
    clean, written, schedule, runs, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    phrase = written.split("#")[0].strip()
    assert (found.code, found.message) == (
        "BKR004", "a schedule is part of the `run` statement: `run` is missing, and so is the member the job runs on",
    )
    assert found.help.endswith(f"; `{phrase}` is written `{schedule}`")
    assert found.span.column == 5
    assert too_long(found, analysis.sources) == []
    comment = "  # nightly" if "#" in written else ""
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert [m.title for m in mends] == [f"Write `{run}`" for run in runs]
    assert found.prefer_choice is False
    if len(runs) > 1:
        assert found.fix is None
        assert "`on VMSYS1`, `on VMSYS2`, `on VMSYS3` or `on VMSYS4`" in found.help
    for mend, run in zip(mends, runs):
        assert _clean_after(text, mend) == BASE.replace(clean, run + comment, 1)


#: The same in a file of two members (examples/minimal.bkr): the two members, a choice each.
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_65_nightly_without_run_on_in_a_two_member_cluster_offers_each(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    base = (ROOT / "examples" / "minimal.bkr").read_text(encoding="utf-8")
    text = base.replace("run on DEV1 daily 01:00", "nightly at 01:00", 1)
    (found,) = analyse("minimal.bkr", text.encode("utf-8")).diagnostics
    assert found.help == (
        "write `run on MEMBER daily 01:00` with the member it runs on, `on DEV1` or `on DEV2`: the job backs up"
        " single-configuration users; `nightly at 01:00` is written `daily 01:00`"
    )
    for choice, member in zip(found.choices, ("DEV1", "DEV2"), strict=True):
        mended = apply_edits(text, choice.edits)
        assert mended == base.replace("run on DEV1", f"run on {member}", 1)
        assert analyse("minimal.bkr", mended.encode("utf-8")).diagnostics == []


#: `run` and a schedule written another way, the members left out (`run weekly mon-fri
#: 22:00`, `run nightly at 01:00`): one error, "expected `on` after `run`", whose help
#: says how the schedule is written and whose choices write a member and it, each file
#: clean (were *Insert `on VMSYS1`* ..., whose files kept the schedule's error, and so
#: dropped; for `nightly at 01:00`, a second error at `at 01:00`).
H1_65_RUN_WITHOUT_MEMBERS = [
    ("run weekly mon-fri 22:00", "weekly mon,tue,wed,thu,fri 22:00"),
    ("run nightly at 01:00", "daily 01:00"),
    ("run every day at 14", "daily 14:00"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "schedule"), H1_65_RUN_WITHOUT_MEMBERS, ids=[c[0] for c in H1_65_RUN_WITHOUT_MEMBERS])
def test_h1_65_run_with_a_schedule_written_otherwise_and_no_members_offers_choices_that_check(
    written, schedule, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("run on VMSYS1 daily 02:00", written)
    (found,) = analysis.diagnostics
    said = written.split("#")[0].strip()[4:]
    assert (found.code, found.message, found.fix) == ("BKR004", f"expected `on` after `run`, found `{written.split()[1]}`", None)
    assert found.help == (
        "write `on` and the member it runs on after `run`: `on VMSYS1`, `on VMSYS2`, `on VMSYS3` or `on VMSYS4`;"
        f" `{said}` is written `{schedule}`"
    )
    assert [c.title for c in found.choices] == [f"Write `on VMSYS{n} {schedule}`" for n in (1, 2, 3, 4)]
    for n, choice in enumerate(found.choices, 1):
        assert _clean_after(text, choice) == BASE.replace("run on VMSYS1 daily 02:00", f"run on VMSYS{n} {schedule}", 1)


#: Where the words after `run` read as they are once `on VMSYS1` is inserted (`run weekly
#: sunday 22:00`: `sunday` is a day's name `weekly` takes), the choices insert it, the
#: words kept as written.
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_65_run_with_a_schedule_that_reads_keeps_its_insert_choices(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("run on VMSYS1 daily 02:00", "run weekly sunday 22:00")
    (found,) = analysis.diagnostics
    assert [c.title for c in found.choices] == [f"Insert `on VMSYS{n}`" for n in (1, 2, 3, 4)]


#: Two slips on one line, a word written twice or a list's `,` missing, then a word
#: written twice or a keyword misspelt (not one half typed last on its line, which
#: typing goes on from): one error that says both, whose fix (or each choice) mends both,
#: the file then clean (were two, each fix leaving the other's error).
H1_65_TWO_SLIPS = [
    ("purge weekly sun 03:00", "purge purge weekly weekly sun 03:00",
     "`purge` is written twice, and `weekly` is written twice",
     "remove the second `purge`; and remove the second `weekly`", ["purge weekly sun 03:00"]),
    ("to disk pool BKUPPOOL\n    run on VMSYS1", "to to pool pool BKUPPOOL\n    run on VMSYS1",
     "`to` is written twice, with no `disk` or `tape` after it, and `pool` is written twice",
     "remove the second `to`, and write `to disk pool BKUPPOOL` or `to tape pool BKUPPOOL`; and remove the second `pool`",
     ["to disk pool BKUPPOOL\n    run on VMSYS1", "to tape pool BKUPPOOL\n    run on VMSYS1"]),
    # an IDENTITY job on every member: the list the fix writes checks
    ("run on each member daily 03:30", "run on VMSYS1 VMSYS2 VMSYS3 VMSYS4 dayly 03:30",
     "commas are missing between `VMSYS1`, `VMSYS2`, `VMSYS3` and `VMSYS4`, and `dayly` is `daily` misspelt",
     "separate the names of a list with commas: `VMSYS1, VMSYS2, VMSYS3, VMSYS4`; and write `daily`",
     ["run on VMSYS1, VMSYS2, VMSYS3, VMSYS4 daily 03:30"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "message", "help", "lines"), H1_65_TWO_SLIPS, ids=[c[1] for c in H1_65_TWO_SLIPS])
def test_h1_65_two_slips_on_a_line_are_one_error_whose_mend_does_both(
    clean, written, message, help, lines, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help.split("\n")[0]) == ("BKR004", message, help)
    assert too_long(found, analysis.sources) == []
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert len(mends) == len(lines)
    for mend, line in zip(mends, lines):
        assert _clean_after(text, mend) == BASE.replace(clean, line, 1)


#: The members' `,` missing and `daily` misspelt in a job of single-configuration users
#: (`run on VMSYS1 VMSYS2 dayly 02:00`): one error; such a job runs on one member (the
#: `,`s would give BKR220), so each member with `daily` is a choice, each file clean (was
#: the fix writing the list and `daily`, whose file met BKR220; h1, stop 67).
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_65_members_without_commas_and_a_misspelt_schedule_are_one_error(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("run on VMSYS1 daily 02:00", "run on VMSYS1 VMSYS2 dayly 02:00")
    (found,) = analysis.diagnostics
    assert found.message == "a `,` is missing between `VMSYS1` and `VMSYS2`, and `dayly` is `daily` misspelt"
    assert "(on each it would copy the same data on each, BKR220)" in found.help
    assert found.fix is None
    for choice, member in zip(found.choices, ("VMSYS1", "VMSYS2"), strict=True):
        assert _clean_after(text, choice) == BASE.replace("run on VMSYS1 daily 02:00", f"run on {member} daily 02:00", 1)


#: A time with two readings and no fix (BKR313): an hour alone of the morning's (`daily
#: 2`: `02:00`, or 2 p.m., `14:00`) or a minute of one figure (`daily 1:5`: `01:05` or
#: `01:50`): the help's two readings are now each a choice, whose file checks (was the
#: help alone). Not where the hour may be a day as a crontab numbers it (`weekly sat 2`,
#: whose third reading has no time), nor where there is one reading (`daily 14`: the fix).
H1_65_TIME_CHOICES = [
    ("run on VMSYS1 daily 2", ["02:00", "14:00"]),
    ("run on VMSYS2 weekly sat 10", ["10:00", "22:00"]),
    ("run on VMSYS1 daily 1:5", ["01:05", "01:50"]),
    ("run on VMSYS1 weekly sat 2", []),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "times"), H1_65_TIME_CHOICES, ids=[c[0] for c in H1_65_TIME_CHOICES])
def test_h1_65_a_time_of_two_readings_offers_each(written, times, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "run on VMSYS2 weekly sat 22:00" if "VMSYS2" in written else "run on VMSYS1 daily 02:00"
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert (found.code, found.fix) == ("BKR313", None)
    assert [c.title for c in found.choices] == [f"Write `{t}`" for t in times]
    for choice, time in zip(found.choices, times):
        assert _clean_after(text, choice) == BASE.replace(clean, f"{written.rsplit(' ', 1)[0]} {time}", 1)


#: A schedule's keyword misspelt and its time (or days) written another way after it
#: (`run on VMSYS1 dialy 2am`, `wekly sunday 22:00`): the one error's help and fix write
#: the schedule whole, the file then clean (was *Write `daily`*, whose file then met
#: BKR313 at `2am`). Where the rest reads as written, the fix writes the keyword alone.
H1_65_RESPELT = [
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 dialy 2am", "dialy", "daily", "daily 02:00"),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 wekly mon-fri 22:00", "wekly", "weekly", "weekly mon,tue,wed,thu,fri 22:00"),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 wekly sat 10pm  # late", "wekly", "weekly", "weekly sat 22:00"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1 dialy 02:00", "dialy", "daily", "daily"),
    ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 wekly saturday 22:00", "wekly", "weekly", "weekly"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "typed", "keyword", "meant"), H1_65_RESPELT, ids=[c[1] for c in H1_65_RESPELT])
def test_h1_65_a_misspelt_schedule_keyword_s_fix_writes_the_schedule_whole(
    clean, written, typed, keyword, meant, parser, monkeypatch
):
    text = BASE.replace(clean, written, 1)
    found, repaired = _one_error_fixed(text, parser, monkeypatch)
    assert (found.code, found.message, found.help) == (
        "BKR012", f"unknown keyword `{typed}`; did you mean `{keyword}`?", f"write `{meant}`",
    )
    comment = "  # late" if "#" in written else ""
    if meant == keyword:
        assert repaired == BASE.replace(clean, written.replace(typed, keyword), 1)
    elif "mon-fri" in written:
        assert repaired == BASE.replace(clean, f"run on VMSYS2 {meant}", 1)
    else:
        assert repaired == BASE.replace(clean, clean + comment, 1)


#: The same, no member named after the days (`run on sun at 22:00`): one error that says
#: the day is no member, whose choices write each of the file's members and the schedule,
#: each file clean (was "`at 22:00` is not a .bkr schedule", whose choice wrote `run on sun
#: daily 22:00`, then BKR330: no member SUN). (as written, what the message names, the
#: schedule)
H1_65_DAYS_ALONE = [
    ("run on sun at 22:00", "`sun` is a day of the week, not a member the job runs on", "weekly sun 22:00"),
    ("run on saturday 21:00  # late", "`saturday` is a day of the week, not a member the job runs on", "weekly sat 21:00"),
    ("run on sat,sun at 9pm", "`sat,sun` are days of the week, not members the job runs on", "weekly sat,sun 21:00"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "message", "schedule"), H1_65_DAYS_ALONE, ids=[c[0] for c in H1_65_DAYS_ALONE])
def test_h1_65_days_after_run_on_and_no_member_offers_each_member(written, message, schedule, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("run on VMSYS1 daily 02:00", written)
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.fix) == ("BKR004", message, None)
    assert found.help.startswith(f"write `run on MEMBER {schedule}` with the member's name, `on VMSYS1`, ")
    assert too_long(found, analysis.sources) == []
    comment = "  # late" if "#" in written else ""
    assert len(found.choices) == 4
    for n, choice in enumerate(found.choices, 1):
        assert _clean_after(text, choice) == BASE.replace("run on VMSYS1 daily 02:00", f"run on VMSYS{n} {schedule}{comment}", 1)
# --- h2 (stop 65)
def _errors(text: str) -> list:
    return [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.is_error]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["    BACKUP BACKUP\n", "    BACKUP BACKUP FULL\n"])
def test_h2s65_backup_written_twice_in_capitals_is_said_so(written, parser, monkeypatch):
    """`BACKUP BACKUP`, a line typed in capitals as on CMS: was BKR331 "`BACKUP` is neither
    a group nor a declared user", "did you mean `BKRBKUP`?" (a machine: BKR222). With the
    keyword in capitals too, the name in capitals is the keyword again, as `backup backup`
    is; the groups are offered, and the one chosen checks clean. (`backup BACKUP`, the
    keyword in small letters, is a group BACKUP still: test_h8_...)"""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("    backup APPS full\n", written)
    (found,) = analysis.diagnostics
    assert (found.code, found.message) == ("BKR331", "`BACKUP` is written twice, with no group name after it")
    assert found.help.startswith("remove the second `backup`, and write a group name after the first")
    assert [c.title for c in found.choices] == ["Write `APPS`", "Write `LINUX`", "Write `SYSIDS`"]
    chosen = apply_edits(text, found.choices[0].edits)
    assert analyse("prodssi.bkr", chosen.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("where", ["  shared-volume VMCOM1\n", "cluster PRODSSI {\n"])
def test_h2s65_identity_entry_or_two_users_says_both_readings(where, parser, monkeypatch):
    """`IDENTITY TCPIP FTPSERVE` in the cluster block or above it: was BKR004 with "write
    `user` before `TCPIP` if it is a name, or in its place". A password and a second ID
    cannot be told apart: the help says both readings, each a choice, and each chosen
    leaves no error."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace(where, ("" if where.startswith(" ") else "IDENTITY TCPIP FTPSERVE\n") + where
                        + ("  IDENTITY TCPIP FTPSERVE\n" if where.startswith(" ") else ""), 1)
    (found,) = _errors(text)
    assert (found.code, found.message) == ("BKR004", "expected `group` or `user` after `IDENTITY`, found `TCPIP`")
    assert found.help == (
        "a CP directory's IDENTITY line names one user and its password: write `identity user TCPIP`, since a"
        " .bkr file holds no passwords; if `FTPSERVE` is a second user, write `identity user TCPIP, FTPSERVE`"
    )
    assert found.fix is None
    assert [c.title for c in found.choices] == ["Write `identity user TCPIP`", "Write `identity user TCPIP, FTPSERVE`"]
    assert too_long(found, analyse("prodssi.bkr", text.encode("utf-8")).sources) == []
    for choice in found.choices:
        assert _errors(apply_edits(text, choice.edits)) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h2s65_mdisk_autov_line_reads_its_size_and_volume(parser, monkeypatch):
    """`MDISK 0191 3390 AUTOV 10 VMCOM1 MR`, as bkrc compile writes a disk without `at`:
    the help wrote `size N`; now the line's size and volume."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n\n  MDISK 0191 3390 AUTOV 10 VMCOM1 MR\n")
    (found,) = analysis.diagnostics
    assert (found.code, found.help) == (
        "BKR012",
        ("give a machine a minidisk with `disk USERID 0191 size 10 cyl on VMCOM1`, USERID its user ID;"
        " bkrc writes the MDISK statement"),
    )


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("    LNXWEB01\n    USER LNXDB02 XXXXXXXX 64M 128M G\n", "    LNXWEB01\n    LNXDB02\n"),
        ("    LNXWEB01\n    USER LNXDB02 XXXXXXXX 64M 128M G  # db\n", "    LNXWEB01\n    LNXDB02  # db\n"),
    ],
)
def test_h2s65_user_entry_in_a_single_group_is_fixed_to_its_id(written, fixed, parser, monkeypatch):
    """A CP directory USER line pasted into a `single` group: the help said to list the
    ID alone, without a fix; the entry's kind the group's, the fix writes it, and the
    file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "  single group LINUX { LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }"
    text, analysis = _one_slip(clean, clean.replace("{ LNXWEB01 ", "{\n" + written + "    "))
    (found,) = analysis.diagnostics
    assert found.code == "BKR012" and found.help.startswith("list the user ID alone, `LNXDB02`")
    repaired = apply_edits(text, found.fix.edits)
    assert fixed in repaired
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h2s65_user_entry_in_an_identity_group_gets_no_fix(parser, monkeypatch):
    """Of the other kind, the user is the site's to move: the help says so, no fix."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip("{ TCPIP FTPSERVE }", "{\n    TCPIP\n    USER LNXDB02 XXXXXXXX 64M 128M G\n  }")
    (found,) = analysis.diagnostics
    assert found.code == "BKR012" and found.fix is None


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "message", "help"),
    [
        ("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    SMSG BKRBKUP SUBMIT X\n",
         "`SMSG` is a CP command, not a .bkr statement: a .bkr file describes the jobs, it sends none",
         ("remove the line: `bkrc compile` writes each member's BKRSUBMT EXEC, which sends BKRBKUP the member's"
         " jobs (`EXEC BKRSUBMT APPSFULL` submits job APPSFULL, `EXEC BKRSUBMT DUE` every job due)")),
        ("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    CP SMSG BKRBKUP SUBMIT APPSFULL\n",
         "`SMSG` is a CP command, not a .bkr statement: a .bkr file describes the jobs, it sends none",
         ("remove the line: `bkrc compile` writes each member's BKRSUBMT EXEC, which sends BKRBKUP the member's"
         " jobs (`EXEC BKRSUBMT APPSFULL` submits job APPSFULL, `EXEC BKRSUBMT DUE` every job due)")),
        ("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    LINK MAINT 0190 0190 RR\n",
         "`LINK` is a CP directory statement, not a .bkr statement",
         ("remove the line: bkrc writes the links of the entries it writes; a job leaves a user's link out of its"
         " backups with `exclude minidisk * 0190`")),
        ("{ CICSPRD DB2PRD }", "{\n    CICSPRD\n    LINK MAINT 0190 0190 RR\n    DB2PRD\n  }",
         "`LINK` is a CP directory statement, not a user ID of the group",
         ("remove the line: a group lists user IDs only; a job leaves a user's link out of its backups with"
         " `exclude minidisk * 0190`")),
    ],
)
def test_h2s65_cp_commands_and_links_pasted_in_a_body_are_removed(clean, written, message, help, parser, monkeypatch):
    """`SMSG BKRBKUP SUBMIT X` in a job: was "`SMSG` is not a keyword", its help the job's
    statements; now what it is, the EXEC bkrc compile writes that sends the jobs (named as
    it names it), and a fix that removes the line. A LINK line's help said to remove it,
    without a fix; now with one. The fixed file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == ("BKR012", message, help)
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    pasted = next(line for line in written.split("\n") if line.strip().startswith(("SMSG", "CP", "LINK")))
    assert pasted not in repaired and repaired.count("\n") == text.count("\n") - 1
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h2s65_a_cp_line_with_a_comment_is_not_removed(parser, monkeypatch):
    """A comment after the line is the site's words: no fix removes them."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    SMSG BKRBKUP SUBMIT APPSFULL  # at 2\n")
    (found,) = analysis.diagnostics
    assert found.code == "BKR012" and found.fix is None


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "written",
    [
        "    expire on VMSYS1 VMSYS2\n    {\n      retain 35 days\n    }\n",
        "    expire on VMSYS1 VMSYS2 {\n      retain 35 days\n    }\n",
        "    expire on VMSYS1, VMSYS2\n    {\n      retain 35 days\n    }\n",
        "    expire on VMSYS1, VMSYS2 {\n      retain 35 days\n    }\n",
    ],
)
def test_h2s65_expire_block_of_two_members_in_a_group_body_is_one_error(written, parser, monkeypatch):
    """An expire block of two members pasted into a group body: was "a block starts with
    its keyword and name ...; this `{` has neither" (BKR004, the members without their
    comma), or with the comma, BKR015 "`,` does not separate the user IDs", whose fix
    removed the expire list's comma, and that BKR004. Now the one error `expire on VMSYS1
    {` gets there, BKR013, the expire block misplaced."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip("{ TCPIP FTPSERVE }", "{\n    TCPIP FTPSERVE\n" + written + "  }")
    (found,) = analysis.diagnostics
    assert (found.code, found.message) == ("BKR013", "`expire` cannot appear inside a `group` block")
    assert found.fix is None


# fmt: off
H2S65_PASTED = [
    # (the line, in the APPSFULL job, its code, message and help; the fix removes it, or writes the line)
    ("IPL CMS PARM AUTOCR", "BKR012", "`IPL` is a CP directory statement, not a .bkr statement",
     ("remove the line: bkrc writes the directory entries of the Backup Manager machines (`bkrc compile`); the"
     " entries of the users a job backs up stay in the site's directory"), None),
    ("CONSOLE 0009 3215 T", "BKR012", "`CONSOLE` is a CP directory statement, not a .bkr statement",
     ("remove the line: bkrc writes the directory entries of the Backup Manager machines (`bkrc compile`); the"
     " entries of the users a job backs up stay in the site's directory"), None),
    ("CP XAUTOLOG BKRBKUP", "BKR012",
     "`XAUTOLOG` is a CP command, not a .bkr statement: a .bkr file describes the machines, it starts none",
     ("remove the line: `bkrc compile` writes each member's BKRSTART EXEC, which logs on the Backup Manager"
     " machines in their order; AUTOLOG1's PROFILE EXEC calls it, `'EXEC BKRSTART'`"), None),
    ("'CP XAUTOLOG BKRBKUP'", "BKR012",
     "`XAUTOLOG` is a CP command, not a .bkr statement, in quotes as a REXX EXEC passes it on",
     ("remove the line: `bkrc compile` writes each member's BKRSTART EXEC, which logs on the Backup Manager"
     " machines in their order; AUTOLOG1's PROFILE EXEC calls it, `'EXEC BKRSTART'`"), None),
    ("'SMSG BKRBKUP SUBMIT X'", "BKR012",
     "`SMSG` is a CP command, not a .bkr statement, in quotes as a REXX EXEC passes it on",
     ("remove the line: `bkrc compile` writes each member's BKRSUBMT EXEC, which sends BKRBKUP the member's"
     " jobs (`EXEC BKRSUBMT APPSFULL` submits job APPSFULL, `EXEC BKRSUBMT DUE` every job due)"), None),
    ("ACCESS 191 A", "BKR012",
     "`ACCESS` is a CMS command, not a .bkr statement: a .bkr file describes the backups, it runs none",
     ("remove the line: `bkrc compile` writes the EXECs each member runs, BKRSTART to start the Backup Manager"
     " machines and BKRSUBMT to submit the jobs"), None),
    ("EXEC BKRSUBMT APPSFULL", "BKR012",
     "`EXEC` is a CMS command, not a .bkr statement: BKRSUBMT EXEC is written by `bkrc compile`",
     ("remove the line: run `EXEC BKRSUBMT APPSFULL` on the member (or have its scheduler run it); a .bkr file"
     " says what the EXECs do, not when they run"), None),
    ("EXCLUDE MINIDISK DB2PRD * = * *", "BKR014",
     "`EXCLUDE` starts a Backup Manager template record, not a .bkr statement",
     ("write `exclude minidisk DB2PRD *`: the owner, then addresses or ranges, without `=`; bkrc writes the"
     " template"), "    exclude minidisk DB2PRD *"),
    ("CONFIG BKR_OUTPUT_SPEC = CMS", "BKR014",
     "`CONFIG` starts a Backup Manager template setting, not a .bkr statement",
     ("the job's `to disk` says where its backups go: remove this line (`CMS` is no medium a job names, `to disk`"
     " or `to tape`); bkrc writes the template's settings"), None),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("line", "code", "message", "help", "fixed"), H2S65_PASTED)
def test_h2s65_pasted_exec_and_directory_lines_in_a_job(line, code, message, help, fixed, parser, monkeypatch):
    """Lines a system programmer brings from a CP directory entry, AUTOLOG1's PROFILE EXEC
    or a job template, pasted into a job: were "`IPL` is not a keyword; a statement must
    start with one" with the job's statements for help (IPL, CONSOLE, XAUTOLOG, ACCESS,
    EXEC), BKR017 "single quotes do not quote text" (a REXX line's command in quotes), or a
    template's help of no shape of the line ("as in `include minidisk * 0191`", an
    EXCLUDE record's VDEV without its `=`; an output spec of no medium). Now one error that
    says what the line is and what bkrc writes for it, whose fix removes the line (or
    writes the selection), after which the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    run on VMSYS1 daily 02:00\n"
    text, analysis = _one_slip(clean, f"{clean}    {line}\n")
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == (code, message, help)
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == (BASE if fixed is None else BASE.replace(clean, f"{clean}{fixed}\n", 1))
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("line", ["ipl cms", "IPL", "'IPL CMS' extra", "'SAY HELLO'"])
def test_h2s65_lines_not_of_those_shapes_are_read_as_before(line, parser, monkeypatch):
    """A word in small letters, a statement word alone, text after the quotes, a command
    not among those: the errors they had (no line removed for them)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    run on VMSYS1 daily 02:00\n"
    _text, analysis = _one_slip(clean, f"{clean}    {line}\n")
    assert all(d.fix is None or d.fix.title != "Remove the line" for d in analysis.diagnostics)


# --- h3 (stop 65)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["wrkers 2", "worker 2", "wor 2"])
def test_a_workers_statement_read_on_as_volumes_is_not_also_a_member_without_workers(written, parser, monkeypatch):
    """`private-volume ZDPRV1 wrkers 2`, the member's only `workers`: BKR021 (the
    statement read as volumes, its help writing `workers 2`) and BKR241 (no workers)
    were two reports of one slip; now the BKR021 one alone. Written `workers 2`, as
    its help says, the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "member VMSYS3 { workers 2  private-volume M3PRV1 }"
    assert clean in BASE
    text = BASE.replace(clean, f"member VMSYS3 {{ private-volume M3PRV1 {written} }}", 1)
    found = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert [d.code for d in found] == ["BKR021"]
    assert "write `workers 2`" in found[0].help
    mended = BASE.replace(clean, "member VMSYS3 { private-volume M3PRV1 workers 2 }", 1)
    assert analyse("prodssi.bkr", mended.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_member_with_another_setting_read_on_still_runs_no_workers(parser, monkeypatch):
    """`suffix C` read on: the member's workers are left out still, BKR241 as before."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "member VMSYS3 { workers 2  private-volume M3PRV1 }"
    text = BASE.replace(clean, "member VMSYS3 { private-volume M3PRV1 suffix C }", 1)
    assert sorted(d.code for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics) == ["BKR021", "BKR241"]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_range_joined_otherwise_and_reversed_that_would_overlap_gets_no_fix(parser, monkeypatch):
    """`0300:01A0` beside `0191-01FF`: turned round, `01A0-0300` shares addresses with
    it (BKR312), so an address may be the slip, not the order: no fix, as BKR311's."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = BASE.replace("include minidisk * 0191-01FF 0200", "include minidisk * 0191-01FF 0300:01A0", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.code == "BKR310" and found.fix is None
    assert found.help.startswith("write `01A0-0300`")


# --- h4 (stop 65)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("count", [101, 102, 150, 2000])
def test_a_long_run_of_names_without_commas_is_one_error(count, parser, monkeypatch):
    """`run on VMSYS1 VMSYS2 VMSYS1 ...`, more than a hundred names without their `,`s,
    on one line (found by hand: 10,000 members on a `run on` line): the 102nd name was
    a second error ("`VMSYS2` has no keyword before it", or BKR012 further on), each
    name's `,` being assumed by re-reading the list, which looks back 200 tokens only;
    now one BKR004 for the run, whose fix, applied, leaves no syntax error."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "run on VMSYS1 daily 02:00"
    names = " ".join(["VMSYS1", "VMSYS2"] * (count // 2) + ["VMSYS1"] * (count % 2))
    text = BASE.replace(clean, f"run on {names} daily 02:00", 1)
    found = [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code < "BKR1"]
    assert [(d.code, d.message.split(" between ")[0]) for d in found] == [("BKR004", "commas are missing")]
    # a job of single-configuration users runs on one member: each a choice (h1, stop 67)
    assert [c.title for c in found[0].choices] == ["Write `VMSYS1`", "Write `VMSYS2`"]
    fixed = apply_edits(text, found[0].choices[0].edits)
    assert "run on VMSYS1 daily 02:00" in fixed
    assert [d.code for d in analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics if d.code < "BKR1"] == []
# --- h1 (stop 66)


#: examples/minimal.bkr, a cluster of two members, DEV1 and DEV2.
MINIMAL = (ROOT / "examples" / "minimal.bkr").read_text(encoding="utf-8")


def _minimal_slip(clean: str, written: str, parser: str, monkeypatch) -> tuple[str, object]:
    """examples/minimal.bkr with `clean` written as `written` once, under `parser`."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert clean in MINIMAL, clean
    text = MINIMAL.replace(clean, written, 1)
    return text, analyse("minimal.bkr", text.encode("utf-8"))


def _minimal_mended(text: str, mend) -> str:
    """`text` with `mend` (a fix or a choice) applied, which must check clean."""
    mended = apply_edits(text, mend.edits)
    assert analyse("minimal.bkr", mended.encode("utf-8")).diagnostics == [], mend.title
    return mended


#: An hour alone of 12 after the schedule (`daily 12`): noon or midnight, as `at 12` is,
#: so no fix but a choice of each, `12:00` and `00:00`, each file clean (was the fix
#: *Write `12:00`*, midnight not said).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("schedule", ["daily", "weekly sat", "monthly 1"])
def test_h1_66_an_hour_of_twelve_alone_is_noon_or_midnight_each_a_choice(schedule, parser, monkeypatch):
    clean = "run on DEV1 daily 01:00"
    text, analysis = _minimal_slip(clean, f"run on DEV1 {schedule} 12", parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert (found.code, found.fix) == ("BKR313", None)
    assert found.help.endswith(f"write `{schedule} 12:00`; midnight is `00:00`")
    assert [c.title for c in found.choices] == ["Write `12:00`", "Write `00:00`"]
    for choice, time in zip(found.choices, ("12:00", "00:00"), strict=True):
        assert _minimal_mended(text, choice) == MINIMAL.replace(clean, f"run on DEV1 {schedule} {time}", 1)


#: A job's kind of backup after its `run` line's schedule (`run on DEV1 daily 01:00
#: full`): one error that says the level goes on the job's `backup` line (docs/language.md,
#: job), whose fix writes it there where that line has none and removes it from the `run`
#: line, or only removes it where that line says it already; where that line says the
#: other level, which is meant is the site's: a choice of each (was "one word too many",
#: its fix dropping the level unsaid). (the backup line, the run line written, the lines
#: each mend writes)
H1_66_LEVEL_ON_RUN = [
    ("backup GUESTS", "run on DEV1 daily 01:00 full", [("backup GUESTS full", "run on DEV1 daily 01:00")]),
    ("backup GUESTS full", "run on DEV1 daily 01:00 full", [("backup GUESTS full", "run on DEV1 daily 01:00")]),
    ("backup GUESTS full", "run on DEV1 daily 01:00 incremental  # nightly",
     [("backup GUESTS incremental", "run on DEV1 daily 01:00  # nightly"),
      ("backup GUESTS full", "run on DEV1 daily 01:00  # nightly")]),
    ("backup GUESTS", "RUN ON DEV1 WEEKLY SUN 01:00 INCREMENTAL", [("backup GUESTS incremental", "RUN ON DEV1 WEEKLY SUN 01:00")]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("backup", "written", "lines"), H1_66_LEVEL_ON_RUN, ids=[f"{c[0]}/{c[1]}" for c in H1_66_LEVEL_ON_RUN])
def test_h1_66_a_level_after_the_run_line_s_schedule_goes_on_the_backup_line(backup, written, lines, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    base = MINIMAL.replace("backup GUESTS full", backup, 1)
    text = base.replace("run on DEV1 daily 01:00", written, 1)
    analysis = analyse("minimal.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    level = written.split("#")[0].split()[-1]
    assert (found.code, found.message) == (
        "BKR004", f"`{level}` is a job's kind of backup, which follows the groups on its `backup` line, not the schedule",
    )
    assert (found.span.line, found.span.column) == (30, written.index(level) + 5)
    assert found.help.endswith(f"remove `{level}` from the `run` line: `{lines[0][1].split('  #')[0]}`")
    assert too_long(found, analysis.sources) == []
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert len(mends) == len(lines)
    for mend, (backup_line, run_line) in zip(mends, lines):
        mended = MINIMAL.replace("backup GUESTS full", backup_line, 1).replace("run on DEV1 daily 01:00", run_line, 1)
        assert _minimal_mended(text, mend) == mended


#: `@` for `at` before a schedule's time (`daily @ 01:00`): one error at `@` whose fix
#: removes it, the file then clean (was "one word too many ... remove `01:00`", whose
#: help wrote `run on DEV1 daily @`, `@` read as the time); a time written another way
#: after it is written HH:MM, and an hour alone has its two readings, each a choice;
#: glued to the time (`@01:00`), BKR313's fix writes the time. (as written, code, the
#: schedules each mend writes)
H1_66_AT_SIGN = [
    ("run on DEV1 daily @ 01:00", "BKR004", ["daily 01:00"]),
    ("run on DEV1 weekly sat,sun @ 22:00  # weekends", "BKR004", ["weekly sat,sun 22:00"]),
    ("run on DEV1 monthly first sun @ 22:00", "BKR004", ["monthly first sun 22:00"]),
    ("run on DEV1 daily @ 3", "BKR004", ["daily 03:00", "daily 15:00"]),
    ("run on DEV1 daily @ 12", "BKR004", ["daily 12:00", "daily 00:00"]),
    ("run on DEV1 daily @ 15", "BKR004", ["daily 15:00"]),
    ("run on DEV1 daily @ 1am", "BKR004", ["daily 01:00"]),
    ("run on DEV1 weekly sat,sun @ 10pm", "BKR004", ["weekly sat,sun 22:00"]),
    ("run on DEV1 daily @01:00", "BKR313", ["daily 01:00"]),
    ("run on DEV1 daily @1am", "BKR313", ["daily 01:00"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "code", "schedules"), H1_66_AT_SIGN, ids=[c[0] for c in H1_66_AT_SIGN])
def test_h1_66_an_at_sign_before_a_schedule_s_time_is_one_error_whose_mend_checks(
    written, code, schedules, parser, monkeypatch
):
    clean = "run on DEV1 daily 01:00"
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert found.code == code
    assert "`@`" in found.message + (found.help or "")
    assert too_long(found, analysis.sources) == []
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert len(mends) == len(schedules)
    comment = "  # weekends" if "#" in written else ""
    for mend, schedule in zip(mends, schedules):
        assert _minimal_mended(text, mend) == MINIMAL.replace(clean, f"run on DEV1 {schedule}{comment}", 1)


#: The same in an expire block (`purge weekly sun @ 06:00`): the fix writes `weekly sun 06:00`.
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_66_an_at_sign_in_a_purge_schedule_is_one_error_whose_fix_checks(parser, monkeypatch):
    text, analysis = _minimal_slip("purge weekly sun 06:00", "purge weekly sun @ 06:00", parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert (found.code, found.help) == ("BKR004", "write `weekly sun 06:00`")
    assert _minimal_mended(text, found.fix) == MINIMAL


#: A schedule's keyword misspelt and `at` (or `@`) before the time (`dialy at 01:00`): one
#: error, the keyword's, whose fix writes the schedule whole (was two: "`dialy at 01:00`
#: is not a .bkr schedule" too, at the same word); with an hour alone after `at`, its two
#: readings, each a choice (was *Write `daily`*, whose file then had `daily at 2`'s error).
H1_66_RESPELT_AT = [
    ("run on DEV1 dialy at 01:00", "dialy", ["daily 01:00"]),
    ("run on DEV1 dialy @ 01:00", "dialy", ["daily 01:00"]),
    ("run on DEV1 wekly sat,sun at 1am", "wekly", ["weekly sat,sun 01:00"]),
    ("run on DEV1 dialy at 3", "dialy", ["daily 03:00", "daily 15:00"]),
    ("run on DEV1 dialy @ 3", "dialy", ["daily 03:00", "daily 15:00"]),
    ("run on DEV1 dialy at 12", "dialy", ["daily 12:00", "daily 00:00"]),
    ("run on DEV1 wekly sun at 14", "wekly", ["weekly sun 14:00"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "typed", "schedules"), H1_66_RESPELT_AT, ids=[c[0] for c in H1_66_RESPELT_AT])
def test_h1_66_a_misspelt_schedule_keyword_and_at_before_the_time_are_one_error(
    written, typed, schedules, parser, monkeypatch
):
    clean = "run on DEV1 daily 01:00"
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert (found.code, found.message.split(";")[0]) == ("BKR012", f"unknown keyword `{typed}`")
    assert found.help.startswith(f"write `{schedules[0]}`")
    assert too_long(found, analysis.sources) == []
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert [m.title for m in mends] == [f"Write `{s}`" for s in schedules]
    for mend, schedule in zip(mends, schedules):
        assert _minimal_mended(text, mend) == MINIMAL.replace(clean, f"run on DEV1 {schedule}", 1)


#: The same in an expire block (`purge wekly sun at 06:00`).
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_66_a_misspelt_purge_schedule_and_at_are_one_error(parser, monkeypatch):
    text, analysis = _minimal_slip("purge weekly sun 06:00", "purge wekly sun at 06:00", parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert (found.code, found.help) == ("BKR012", "write `weekly sun 06:00`")
    assert _minimal_mended(text, found.fix) == MINIMAL


#: `run` and a schedule in English whose time is an hour alone, the members left out
#: (`run every day at 3`): one error, "expected `on` after `run`", whose help says both
#: readings of the hour and whose choices write each member with each, every file clean
#: (was two errors, the second "`day at 3` is not a .bkr schedule", and no choices).
H1_66_HOUR_WITHOUT_MEMBERS = [
    ("run every day at 3", "every", "daily 03:00", "3 in the afternoon: `daily 15:00`", ["daily 03:00", "daily 15:00"]),
    # (`nightly at 12` is midnight alone since h1, stop 68: test_h1_68_an_hour_at_night_has_one_reading)
    ("run every day at 12  # late", "every", "daily 12:00", "midnight: `daily 00:00`", ["daily 12:00", "daily 00:00"]),
    ("run every saturday at 10", "every", "weekly sat 10:00", "10 in the afternoon: `weekly sat 22:00`",
     ["weekly sat 10:00", "weekly sat 22:00"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "found_word", "schedule", "other", "schedules"), H1_66_HOUR_WITHOUT_MEMBERS,
    ids=[c[0] for c in H1_66_HOUR_WITHOUT_MEMBERS],
)
def test_h1_66_run_with_an_hour_alone_and_no_members_offers_each_member_and_reading(
    written, found_word, schedule, other, schedules, parser, monkeypatch
):
    clean = "run on DEV1 daily 01:00"
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    said = written.split("#")[0].strip()[4:]
    assert (found.code, found.message, found.fix) == ("BKR004", f"expected `on` after `run`, found `{found_word}`", None)
    assert found.help == (
        f"write `on` and the member it runs on after `run`: `on DEV1` or `on DEV2`; `{said}` is written `{schedule}`,"
        f" the hour read on a 24-hour clock ({other})"
    )
    assert too_long(found, analysis.sources) == []
    runs = [f"on {m} {s}" for s in schedules for m in ("DEV1", "DEV2")]
    assert [c.title for c in found.choices] == [f"Write `{r}`" for r in runs]
    comment = "  # late" if "#" in written else ""
    for choice, run in zip(found.choices, runs, strict=True):
        assert _minimal_mended(text, choice) == MINIMAL.replace(clean, f"run {run}{comment}", 1)


#: In examples/prodssi.bkr, four members: eight choices, each file clean.
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_66_run_every_day_at_2_without_members_in_four_members(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "run on VMSYS1 daily 02:00"
    text, analysis = _one_slip(clean, "run every day at 2")
    (found,) = analysis.diagnostics
    runs = [f"run on VMSYS{n} daily {t}" for t in ("02:00", "14:00") for n in (1, 2, 3, 4)]
    assert len(found.choices) == len(runs)
    for choice, run in zip(found.choices, runs):
        assert _clean_after(text, choice) == BASE.replace(clean, run, 1)


#: Two slips on a line said in one error (`purge purge weekly weekly sun 06:00`): the
#: caret marks the first, and the second is marked too, a related place labelled with
#: what it is (was the first's caret alone, the second slip unmarked).
H1_66_TWO_SLIPS_MARKED = [
    ("purge weekly sun 06:00", "purge purge weekly weekly sun 06:00", (18, 11), (18, 24), "`weekly` is written twice"),
    ("run on DEV1 daily 01:00", "run on DEV1 DEV2 dayly 01:00", (30, 17), (30, 22), "`dayly` is `daily` misspelt"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "first", "second", "label"), H1_66_TWO_SLIPS_MARKED,
                         ids=[c[1] for c in H1_66_TWO_SLIPS_MARKED])
def test_h1_66_two_slips_in_one_error_mark_both(clean, written, first, second, label, parser, monkeypatch):
    from bkrdsl.diagnostics.render import render_one_text

    _, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert (found.span.line, found.span.column) == first
    (related,) = found.related
    assert ((related.span.line, related.span.column), related.label) == (second, label)
    shown = render_one_text(found, analysis.sources)
    marks = [line for line in shown.splitlines() if set(line.split("|")[-1].strip().split(" ")[0]) <= {"-"} and "-" in line]
    assert marks and marks[0].endswith(label)


#: `all members` (`every member`, `each members`) in a job of single-configuration users:
#: `each member` would be BKR220 (the same data copied on each member), so no such fix:
#: the member its users' other jobs run on, the fix (LNXINC: VMSYS2), else each member a
#: choice, every file clean (was the fix *Write `each member`*, whose file met BKR220). A
#: job of IDENTITY users keeps the fix `each member`. (base, clean, written, lines)
H1_66_ALL_MEMBERS = [
    ("min", "run on DEV1 daily 01:00", "run on all members daily 01:00", ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("min", "run on DEV1 daily 01:00", "run on each members daily 01:00", ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("min", "run on each member daily 02:00", "run on all members daily 02:00", ["run on each member daily 02:00"]),
    ("prod", "run on VMSYS2 daily 23:30", "run on every member daily 23:30", ["run on VMSYS2 daily 23:30"]),
    ("prod", "run on VMSYS1 daily 02:00", "run on all members daily 02:00", [f"run on VMSYS{n} daily 02:00" for n in (1, 2, 3, 4)]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("base", "clean", "written", "lines"), H1_66_ALL_MEMBERS, ids=[f"{c[0]}: {c[2]}" for c in H1_66_ALL_MEMBERS])
def test_h1_66_all_members_in_a_job_of_single_users_writes_one_member(base, clean, written, lines, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    original = MINIMAL if base == "min" else BASE
    text = original.replace(clean, written, 1)
    analysis = analyse("x.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert found.code == "BKR004"
    assert ("single-configuration" in found.message) == ("each member" not in lines[0])
    assert too_long(found, analysis.sources) == []
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert len(mends) == len(lines)
    for mend, line in zip(mends, lines):
        mended = apply_edits(text, mend.edits)
        assert mended == original.replace(clean, line, 1)
        assert analyse("x.bkr", mended.encode("utf-8")).diagnostics == []


#: English for every member alone after `run on` (`run on all daily 01:00`, BKR330): in a
#: job of IDENTITY users the fix writes `each member`; of single-configuration users, which
#: run on one member (`each member` would be BKR220, as the help said to write), each
#: member a choice; every file clean (was the help alone, no fix nor choice).
H1_66_ALL_ALONE = [
    ("run on each member daily 02:00", "run on all daily 02:00", ["run on each member daily 02:00"]),
    ("run on DEV1 daily 01:00", "run on all daily 01:00", ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("run on DEV1 daily 01:00", "run on BOTH daily 01:00", ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "lines"), H1_66_ALL_ALONE, ids=[c[1] for c in H1_66_ALL_ALONE])
def test_h1_66_all_alone_after_run_on_is_mended_by_the_job_s_users(clean, written, lines, parser, monkeypatch):
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert found.code == "BKR330"
    assert too_long(found, analysis.sources) == []
    if len(lines) == 1:
        assert found.help.startswith("to name every member, write `each member`")
    else:
        assert found.help.startswith("a job of single-configuration users runs on one member: write `run on DEV1` or")
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert len(mends) == len(lines)
    for mend, line in zip(mends, lines):
        assert _minimal_mended(text, mend) == MINIMAL.replace(clean, line, 1)


# --- h2 (stop 66)
def _choices_check_clean(text: str, found) -> None:
    """Each of `found`'s choices (or its fix), applied to `text`, leaves no diagnostic."""
    for choice in found.choices or (found.fix,):
        assert analyse("prodssi.bkr", apply_edits(text, choice.edits).encode("utf-8")).diagnostics == [], choice.title


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "titles"),
    [
        ("{\n    IDENTITY TCPIP FTPSERVE\n  }", ["Write `TCPIP`", "Write `TCPIP FTPSERVE`"]),
        ("{\n    TCPIP\n    IDENTITY TCPIP FTPSERVE\n  }", ["Remove the line", "Write `FTPSERVE`"]),
        ("{\n    IDENTITY TCPIP FTPSERVE  # from USER DIRECT\n  }", ["Write `TCPIP`", "Write `TCPIP FTPSERVE`"]),
    ],
)
def test_h2s66_identity_entry_or_two_users_in_a_group_body_says_both_readings(written, titles, parser, monkeypatch):
    """`IDENTITY TCPIP FTPSERVE` on a line of an identity group's body: was read as three
    user IDs, IDENTITY among them, silently (or BKR416 where TCPIP is listed). As where
    a declaration goes (h2, stop 65), FTPSERVE may be the entry's password or a second
    user: one BKR012, the help says both, each a choice that writes the IDs the body
    does not list yet (or removes the line), after which the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("{ TCPIP FTPSERVE }", written)
    (found,) = analysis.diagnostics
    assert (found.code, found.message) == ("BKR012", "`IDENTITY` starts a CP directory entry, not a user ID of the group")
    assert found.help.startswith("a CP directory's IDENTITY line names one user and its password")
    assert "FTPSERVE` is a second user" in found.help
    assert found.fix is None and [c.title for c in found.choices] == titles
    assert too_long(found, analysis.sources) == []
    _choices_check_clean(text, found)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h2s66_identity_line_in_a_single_group_says_the_kind_without_choices(parser, monkeypatch):
    """Of the other kind, the users are the site's to move: the readings and the kind
    are said, nothing offered."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip("{ CICSPRD DB2PRD }", "{\n    CICSPRD\n    IDENTITY TCPIP FTPSERVE\n  }")
    (found,) = analysis.diagnostics
    assert found.code == "BKR012" and found.fix is None and not found.choices
    assert found.help.endswith("an IDENTITY entry makes them identity users, and this group's users are single")


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h2s66_user_entry_after_a_leading_word_in_a_group_body(parser, monkeypatch):
    """`LNXDB2 USER LNXDB02 XXXXXXXX 64M 128M G`, a directory line with a label or
    sequence word before it, in a single group: was read as seven user IDs, silently.
    Now one BKR012 at `USER`, whose help says both readings of the word before it (a
    label, or a user), each a choice, after which the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "  single group LINUX { LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }"
    text, analysis = _one_slip(clean, clean[:-2] + "\n    LNXDB2 USER LNXDB02 XXXXXXXX 64M 128M G\n  }")
    (found,) = analysis.diagnostics
    assert (found.code, found.span.column) == ("BKR012", 12)
    assert found.help == (
        "list the user ID alone, `LNXDB02`: a .bkr file does not hold passwords, storage or privilege classes;"
        " `LNXDB2` before the entry is read as a user ID too: remove it if it is a label, or list"
        " `LNXDB2 LNXDB02` if it is a user"
    )
    assert [c.title for c in found.choices] == ["Write `LNXDB02`", "Write `LNXDB2 LNXDB02`"]
    assert too_long(found, analysis.sources) == []
    _choices_check_clean(text, found)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("command", "how"),
    [
        ("SMSG BKRBKUP SUBMIT X", ""),
        ("SMSG BKRBKUP SUBMIT APPSFULL", " (`EXEC BKRSUBMT APPSFULL` submits job APPSFULL, `EXEC BKRSUBMT DUE` every job due)"),
        ("CP SMSG BKRBKUP SUBMIT APPSFULL", " (`EXEC BKRSUBMT APPSFULL` submits job APPSFULL, `EXEC BKRSUBMT DUE` every job due)"),
    ],
)
def test_h2s66_smsg_below_a_members_labels_is_the_command(command, how, parser, monkeypatch):
    """`SMSG BKRBKUP SUBMIT X` on the line below `private-volume M1PRV1`: was read as
    more volume labels (BKR305, `BKRBKUP` 7 characters). Now the SMSG error of a job's
    body (h2, stop 65), naming the job only where the file has one so named, and its
    fix removes the line; the file then checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "{ workers 4  private-volume M1PRV1 }"
    text, analysis = _one_slip(clean, f"{{ workers 4  private-volume M1PRV1\n    {command}\n  }}")
    (found,) = analysis.diagnostics
    assert (found.code, found.message) == (
        "BKR012", "`SMSG` is a CP command, not a .bkr statement: a .bkr file describes the jobs, it sends none"
    )
    assert found.help == f"remove the line: `bkrc compile` writes each member's BKRSUBMT EXEC, which sends BKRBKUP the member's jobs{how}"
    _choices_check_clean(text, found)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h2s66_smsg_words_that_may_all_be_labels_are_read_as_labels(parser, monkeypatch):
    """`SMSG BKRSRV X` below the labels may be three more labels: read so, as before."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip("{ workers 4  private-volume M1PRV1 }", "{ workers 4  private-volume M1PRV1\n    SMSG BKRSRV X\n  }")
    assert all(d.code != "BKR012" for d in analysis.diagnostics)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h2s66_exclude_record_of_a_user_the_job_does_not_back_up_is_removed(parser, monkeypatch):
    """`EXCLUDE MINIDISK MAINT * = * *` in job APPSFULL, which backs up APPS (CICSPRD,
    DB2PRD): its fix wrote `exclude minidisk MAINT *`, after which the file met BKR406
    (the exclude excludes nothing). Now the help says so, and the fix removes the line;
    the file then checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    run on VMSYS1 daily 02:00\n"
    text, analysis = _one_slip(clean, f"{clean}    EXCLUDE MINIDISK MAINT * = * *\n")
    (found,) = analysis.diagnostics
    assert (found.code, found.help) == (
        "BKR014",
        ("remove the line: the job backs up APPS, which does not list `MAINT`, so `exclude minidisk MAINT ...`"
        " would leave nothing out (BKR406); bkrc writes the template"),
    )
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == BASE
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("EXCLUDE MINIDISK DB2PRD * = * *", "    exclude minidisk DB2PRD *"),  # one of the job's users
        ("EXCLUDE MINIDISK CICS* * = * *", None),  # a pattern: as before (no BKR014 change)
    ],
)
def test_h2s66_exclude_record_of_the_jobs_users_is_written_as_before(line, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    run on VMSYS1 daily 02:00\n"
    text, analysis = _one_slip(clean, f"{clean}    {line}\n")
    (found,) = [d for d in analysis.diagnostics if d.code == "BKR014"] or [None]
    if fixed is not None:
        assert fixed in apply_edits(text, found.fix.edits).split("\n")
    else:
        assert found is None or "remove the line" not in found.help


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h2s66_include_record_of_a_user_the_job_does_not_back_up_gets_no_fix(parser, monkeypatch):
    """`INCLUDE MINIDISK MAINT = 0191 * *`: written, it selects nothing (BKR406); the help
    says to list MAINT in the job's group, no fix."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    run on VMSYS1 daily 02:00\n"
    _text, analysis = _one_slip(clean, f"{clean}    INCLUDE MINIDISK MAINT = 0191 * *\n")
    (found,) = analysis.diagnostics
    assert found.fix is None
    assert found.help == (
        "write `include minidisk MAINT 0191`, and list `MAINT` in APPS: the job backs up APPS, whose users the"
        " include selects from (BKR406)"
    )


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "code", "fixed"),
    [
        # SYSIN's one include: BKR116, its note the address where the owner goes
        ("    include minidisk * 0191\n    to tape\n    run on each member daily 03:30",
         "    include minidisk 0191 *\n    to tape\n    run on each member daily 03:30",
         "BKR116", "    include minidisk * 0191"),
        # an exclude: BKR406
        ("exclude minidisk * 0190 019D 019E 0300", "exclude minidisk 0190 * 019D 019E 0300",
         "BKR406", "    exclude minidisk * 0190 019D 019E 0300  # 0300: each guest's V-DISK swap, empty at logon"),
    ],
)
def test_h2s66_address_where_the_owner_goes_gets_its_fix(clean, written, code, fixed, parser, monkeypatch):
    """`include minidisk 0191 *`: the help wrote `include minidisk * 0191`, with no fix
    (`bkrc check --fix` left it to the hand); now the fix writes it, after which the
    file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert found.code == code and found.help.startswith("write `")
    repaired = apply_edits(text, found.fix.edits)
    assert fixed in repaired.split("\n")
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written"),
    [
        # its addresses on the next line (a comment may stand between)
        ("exclude minidisk * 0190 019D 019E 0300", "exclude minidisk 0190\n      * 019D 019E 0300"),
        # a member's exclude: `*` there is every user of the member's single jobs, which
        # BKR414 then asks of its identity jobs too: the help's alone
        ("exclude minidisk LNX* 0192", "exclude minidisk 0192 *"),
    ],
)
def test_h2s66_address_where_the_owner_goes_gets_no_fix_elsewhere(clean, written, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert found.code == "BKR406" and found.fix is None


# fmt: off
H2S66_PASTED = [
    # (the line, its message; the help's start) wherever it is pasted: each one BKR012,
    # whose fix removes the line, after which the file checks clean
    ("MDISK 0300 FB-512 V-DISK 128000 MR", "`MDISK` is a CP directory statement",
     ("remove the line: a V-DISK is in storage, emptied at logoff, and bkrc writes no MDISK for it; a job leaves"
     " each user's 0300 out of its backups with `exclude minidisk * 0300`")),
    ("POOL LNXPOOL 8", "`POOL` is a CP directory statement",
     "remove the line: a .bkr file lists a pool's users by their IDs' prefix, `match LNXPOOL*` in"),
    ("PROFILE LNXDFLT", "`PROFILE` is a CP directory statement",
     ("remove the line: profile LNXDFLT is the site's directory's, whose users' entries stay there; bkrc writes"
     " the entries of the Backup Manager machines (`bkrc compile`)")),
    ("INCLUDE PROFILE LNXDFLT", "`INCLUDE PROFILE` is a CP directory statement",
     ("remove the line: profile LNXDFLT is the site's directory's, whose users' entries stay there; bkrc writes"
     " the entries of the Backup Manager machines (`bkrc compile`)")),
    ("ADDRESS COMMAND", "`ADDRESS` is a REXX instruction",
     ("remove the line: `bkrc compile` writes the EXECs each member runs, BKRSTART to start the Backup Manager"
     " machines and BKRSUBMT to submit the jobs")),
]
H2S66_PLACES = [
    # (the clean text, the text with the line `{L}`): a group body, a job, a member below
    # its labels, the cluster block below `shared-volume`'s label
    ("{ CICSPRD DB2PRD }", "{\n    CICSPRD\n    {L}\n    DB2PRD\n  }"),
    ("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    {L}\n"),
    ("{ workers 4  private-volume M1PRV1 }", "{\n    workers 4\n    private-volume M1PRV1\n    {L}\n  }"),
    ("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n  {L}\n"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written"), H2S66_PLACES)
@pytest.mark.parametrize(("line", "message", "help"), H2S66_PASTED)
def test_h2s66_directory_and_rexx_lines_pasted_anywhere_are_removed(clean, written, line, message, help, parser, monkeypatch):
    """Lines of a CP directory (a V-DISK's MDISK, a POOL, a PROFILE entry, its INCLUDE
    PROFILE) or of a PROFILE EXEC (`ADDRESS COMMAND`): in a group body they were read as
    user IDs, silently (PROFILE, INCLUDE PROFILE, ADDRESS) or BKR309 at `8`; below a list
    of volume labels, as labels (BKR305 twice); in a job, "`ADDRESS` is not a keyword"
    with the job's statements, BKR004 "expected `minidisk` or `sfs` after `INCLUDE`", or
    a `disk USERID 0300 size N blk` for a V-DISK (bkrc writes none). Now one BKR012 that
    says what the line is, and a fix that removes it, after which the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written.replace("{L}", line))
    (found,) = analysis.diagnostics
    assert found.code == "BKR012" and found.message.startswith(message)
    assert found.help.startswith(help)
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert line not in repaired
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("line", ["POOL LNXPL 8", "pool LNXPOOL 8", "profile LNXDFLT", "ADDRESS"])
def test_h2s66_words_that_may_be_labels_or_users_are_read_as_before(line, parser, monkeypatch):
    """Below a member's labels, `POOL LNXPL 8` may be three more labels; in small letters
    or alone, the words are no directory's or EXEC's: no line removed for them."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip(H2S66_PLACES[2][0], H2S66_PLACES[2][1].replace("{L}", line))
    assert all(d.fix is None or d.fix.title != "Remove the line" for d in analysis.diagnostics)


# fmt: off
H2S66_RECORDS = [
    # (the line pasted into job APPSFULL, its help; the line's fix removes it, or None)
    ("INCLUDE MINIDISK * = 0191 * *",
     ("remove the line: the job's `include minidisk * 0191-01FF 0200` selects its disks already; bkrc writes the"
     " template"), True),
    ("EXCLUDE MINIDISK * = 0190 * *",
     ("remove the line: the job's `exclude minidisk * 0190 019D 019E` leaves out its disks already; bkrc writes"
     " the template"), True),
    ("INCLUDE MINIDISK * = 0100 - 0FFF * *",
     ("write the record without `=`, as `include minidisk * 0100-0FFF`, but with none of the addresses the job's"
     " `include minidisk * 0191-01FF 0200` selects already (BKR312); bkrc writes the template"), False),
    ("MEDIA_TYPE = DISK",
     ("the job's `to disk` says where its backups go already: remove this line; bkrc writes the template's"
     " settings"), True),
    ("CONFIG BKR_JOB_TOKEN = APPSFULL",
     ("remove the line: a .bkr job has no `BKR_JOB_TOKEN` setting; bkrc writes the template's settings from the"
     " job's own lines (`job APPSFULL {`, `backup APPS full`, `to disk`)"), True),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("line", "help", "removed"), H2S66_RECORDS)
def test_h2s66_template_lines_the_job_says_already(line, help, removed, parser, monkeypatch):
    """A template's record of addresses the job selects already (its fix wrote the
    selection, after which the file met BKR312, and BKR413 for an exclude), one that
    shares some of them (no fix now), `MEDIA_TYPE = DISK` ("`MEDIA_TYPE` is not a
    keyword", the job's statements for help) and a header setting no .bkr statement
    says (`CONFIG BKR_JOB_TOKEN`: a help of `job NAME {`, `backup GROUP full`): one
    error each, whose help says it with the job's own lines, and whose fix, where one
    is, removes the line, after which the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    run on VMSYS1 daily 02:00\n"
    text, analysis = _one_slip(clean, f"{clean}    {line}\n")
    (found,) = analysis.diagnostics
    assert found.code == "BKR014" and found.help == help
    assert too_long(found, analysis.sources) == []
    if not removed:
        assert found.fix is None
        return
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == BASE
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written"), H2S66_PLACES)
def test_h2s66_build_on_line_is_removed(clean, written, parser, monkeypatch):
    """`BUILD ON VMSYS1 USING SUBCONFIG X-1`: its help said to remove the line, without
    a fix; now the fix removes it, after which the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    line = "BUILD ON VMSYS1 USING SUBCONFIG X-1"
    text, analysis = _one_slip(clean, written.replace("{L}", line))
    (found,) = analysis.diagnostics
    assert found.code == "BKR012" and found.help.startswith("remove the line")
    repaired = apply_edits(text, found.fix.edits)
    assert line not in repaired
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("SMSG BKRBKUP SUBMIT APPSFULL", "SMSG"),
        ("CP SMSG BKRBKUP SUBMIT APPSFULL", "SMSG"),
        ("XAUTOLOG BKRBKUP", "XAUTOLOG"),
        ("CP XAUTOLOG BKRBKUP", "XAUTOLOG"),
    ],
)
def test_h2s66_cp_command_in_a_group_body_is_the_command(line, word, parser, monkeypatch):
    """`SMSG BKRBKUP SUBMIT APPSFULL` on a line of a group body: was read as four user
    IDs, BKR201 saying the backup server BKRBKUP is declared single; `XAUTOLOG BKRBKUP`
    the same. Now the command's error, as in a job, and a fix removing the line, after
    which the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("{ CICSPRD DB2PRD }", "{\n    CICSPRD\n    " + line + "\n    DB2PRD\n  }")
    (found,) = analysis.diagnostics
    assert found.code == "BKR012" and found.message.startswith(f"`{word}` is a CP command")
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == BASE.replace("{ CICSPRD DB2PRD }", "{\n    CICSPRD\n    DB2PRD\n  }", 1)
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("line", ["CP", "CP DB2TEST", "SMSG"])
def test_h2s66_words_of_a_command_alone_in_a_group_body_are_users(line, parser, monkeypatch):
    """`CP`, `SMSG` alone, or `CP` before an ID: users, as before (the parsers agree)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip("{ CICSPRD DB2PRD }", "{\n    CICSPRD\n    " + line + "\n    DB2PRD\n  }")
    assert all(d.code != "BKR012" for d in analysis.diagnostics)

# --- h6 (stop 66)


#: `run on all` in a job of single-configuration users (BKR330): the help names each
#: member once, in the `run on` lines it offers (was "...; the members are DEV1, DEV2"
#: after them, the same names again); of IDENTITY users, whose help names no member, the
#: members are still listed.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "listed"), [
    ("run on DEV1 daily 01:00", "run on all daily 01:00", False),
    ("run on each member daily 02:00", "run on all daily 02:00", True),
])
def test_h6_66_run_on_all_names_the_members_once(clean, written, listed, parser, monkeypatch):
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert found.code == "BKR330"
    assert found.help.count("DEV2") == 1
    assert found.help.endswith("; the members are DEV1, DEV2") == listed
    for mend in [found.fix] if found.fix is not None else found.choices:
        _minimal_mended(text, mend)


#: A job's `run on` list ending in a `,` before the schedule (`run on DEV1, daily 02:00`):
#: removing the `,` gave a file that did not check where the list then left out members
#: an IDENTITY job runs on (BKR221) or named several for a job of single-configuration
#: users (BKR220). Now the mend follows the job's users: of IDENTITY users, the fix
#: writes the members not listed after the `,`; of single-configuration users, the fix
#: writes the member their other jobs run on, else each member listed is a choice; where
#: the list is whole without it, the fix still removes the `,`, the help writing the list
#: (was "remove the trailing `,`, or add the member name that should follow it").
#: (base, clean, as written, help, the lines each mend writes)
H6_66_RUN_ON_COMMA = [
    ("min", "run on each member daily 02:00", "run on DEV1, daily 02:00",
     ("a job of IDENTITY users runs on every member (on some, BKR221): write the other member after the `,`:"
     " `run on DEV1, DEV2`, or `run on each member`"), ["run on DEV1, DEV2 daily 02:00"]),
    ("min", "run on each member daily 02:00", "run on DEV2 ,daily 02:00  # both",
     ("a job of IDENTITY users runs on every member (on some, BKR221): write the other member after the `,`:"
     " `run on DEV2, DEV1`, or `run on each member`"), ["run on DEV2, DEV1 daily 02:00  # both"]),
    ("min", "run on each member daily 02:00", "run on DEV1, DEV2, daily 02:00",
     "remove the trailing `,`: `run on DEV1, DEV2`", ["run on DEV1, DEV2 daily 02:00"]),
    ("min", "run on DEV1 daily 01:00", "run on DEV1, daily 01:00", "remove the trailing `,`: `run on DEV1`",
     ["run on DEV1 daily 01:00"]),
    ("min", "run on DEV1 daily 01:00", "run on DEV1, DEV2, daily 01:00",
     ("a job of single-configuration users runs on one member: write `run on DEV1` or `run on DEV2`"
     " (on each it would copy the same data on each, BKR220)"), ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("prod", "run on each member daily 03:30", "run on VMSYS1, VMSYS3, daily 03:30",
     ("a job of IDENTITY users runs on every member (on some, BKR221): write the other members after the `,`:"
     " `run on VMSYS1, VMSYS3, VMSYS2, VMSYS4`, or `run on each member`"),
     ["run on VMSYS1, VMSYS3, VMSYS2, VMSYS4 daily 03:30"]),
    ("prod", "run on VMSYS2 daily 23:30", "run on VMSYS1, VMSYS2, daily 23:30",
     ("a job of single-configuration users runs on one member: write `run on VMSYS1` or `run on VMSYS2`"
     " (on each it would copy the same data on each, BKR220); the other jobs of its users run on VMSYS2"),
     ["run on VMSYS2 daily 23:30"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("base", "clean", "written", "help", "lines"), H6_66_RUN_ON_COMMA,
                         ids=[f"{c[0]}: {c[2]}" for c in H6_66_RUN_ON_COMMA])
def test_h6_66_a_comma_ending_a_run_on_list_is_mended_by_the_job_s_users(
    base, clean, written, help, lines, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    original = MINIMAL if base == "min" else BASE
    assert clean in original
    text = original.replace(clean, written, 1)
    analysis = analyse("x.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert found.code == "BKR010"
    assert found.message.startswith("expected another member name after `on ")
    assert found.help == help
    assert too_long(found, analysis.sources) == []
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert len(mends) == len(lines)
    for mend, line in zip(mends, lines, strict=True):
        mended = apply_edits(text, mend.edits)
        assert mended == original.replace(clean, line, 1)
        assert analyse("x.bkr", mended.encode("utf-8")).diagnostics == []


#: The next word glued to the `,` (`run on DEV1,DEV2,daily 01:00`): each mend keeps a blank before it.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "lines"), [
    ("run on each member daily 02:00", "run on DEV1,daily 02:00", ["run on DEV1, DEV2 daily 02:00"]),
    ("run on DEV1 daily 01:00", "run on DEV1,daily 01:00", ["run on DEV1 daily 01:00"]),
    ("run on DEV1 daily 01:00", "run on DEV1,DEV2,daily 01:00", ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
])
def test_h6_66_a_comma_glued_to_the_schedule_keeps_a_blank(clean, written, lines, parser, monkeypatch):
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert [_minimal_mended(text, mend) for mend in mends] == [MINIMAL.replace(clean, line, 1) for line in lines]


#: `monthly last` (or `first`...) with its weekday left out, the time read as the day
#: (`monthly last 01:00`): the help's day written in full, `monthly last-day 01:00`
#: (`monthly 1` for `first`), is a choice whose file checks; the weekday meant, the other
#: reading, no mend can know, so no fix (was the help alone, no fix nor choice).
H6_66_ORDINAL_LEFT = [
    ("run on DEV1 daily 01:00", "run on DEV1 monthly last 01:00", "run on DEV1 monthly last-day 01:00"),
    ("run on DEV1 daily 01:00", "run on DEV1 MONTHLY FIRST 01:00", "run on DEV1 MONTHLY 1 01:00"),
    ("run on each member daily 02:00", "run on each member monthly last   02:00  # eom",
     "run on each member monthly last-day   02:00  # eom"),
    ("purge weekly sun 06:00", "purge monthly last 06:00", "purge monthly last-day 06:00"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "line"), H6_66_ORDINAL_LEFT, ids=[c[1] for c in H6_66_ORDINAL_LEFT])
def test_h6_66_monthly_last_without_its_weekday_offers_the_last_day(clean, written, line, parser, monkeypatch):
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    nth = written.split()[-2 if "#" not in written else -4]
    assert (found.code, found.fix) == ("BKR010", None)
    assert found.message.startswith(f"`monthly {nth.lower()}` needs a day of the week before the time")
    day = "last-day" if nth.lower() == "last" else "1"
    (choice,) = found.choices
    assert choice.title == f"Write `monthly {day} {line.split()[-1] if '#' not in line else line.split()[-3]}`"
    assert f"`monthly {day} " in found.help
    assert _minimal_mended(text, choice) == MINIMAL.replace(clean, line, 1)


#: Members joined by `and` or `&` in a job of single-configuration users (`run on DEV1 and
#: DEV2 daily 01:00`, also after the `,`): writing the `,` gave BKR220, the job on two
#: members; such a job runs on one: the help says so, and the member its users' other jobs
#: run on is the fix (LNXINC: VMSYS2), else each member listed a choice, every file clean
#: (was the fix *Replace `and` with `,`*). A job of IDENTITY users keeps the `,` fix.
H6_66_RUN_ON_JOINED = [
    ("min", "run on DEV1 daily 01:00", "run on DEV1 and DEV2 daily 01:00", ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("min", "run on DEV1 daily 01:00", "run on DEV2 & DEV1 daily 01:00", ["run on DEV2 daily 01:00", "run on DEV1 daily 01:00"]),
    ("min", "run on DEV1 daily 01:00", "run on DEV1, and DEV2 daily 01:00", ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("min", "run on each member daily 02:00", "run on DEV1 and DEV2 daily 02:00", ["run on DEV1, DEV2 daily 02:00"]),
    ("prod", "run on VMSYS2 daily 23:30", "run on VMSYS1 and VMSYS2 daily 23:30", ["run on VMSYS2 daily 23:30"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("base", "clean", "written", "lines"), H6_66_RUN_ON_JOINED,
                         ids=[f"{c[0]}: {c[2]}" for c in H6_66_RUN_ON_JOINED])
def test_h6_66_members_joined_by_and_in_a_job_on_one_member(base, clean, written, lines, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    original = MINIMAL if base == "min" else BASE
    text = original.replace(clean, written, 1)
    analysis = analyse("x.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert found.code == "BKR004"
    one = "each member" not in clean
    assert found.help.startswith("a job of single-configuration users runs on one member: write `run on ") == one
    assert too_long(found, analysis.sources) == []
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert len(mends) == len(lines)
    for mend, line in zip(mends, lines, strict=True):
        mended = apply_edits(text, mend.edits)
        assert mended == original.replace(clean, line, 1)
        assert analyse("x.bkr", mended.encode("utf-8")).diagnostics == []


#: The same with the time on a 12-hour clock (`monthly last 1am`, `weekly 10pm`): one error
#: that says the day is missing, its help writing the time on a 24-hour clock, and after an
#: ordinal the choice writes both (was "expected a time of day (HH:MM) after `monthly last
#: 1am`, found `}`", a help that wrote it again, and for `weekly 10pm` "`10pm` is not a day
#: of the week"). (as written, the help's end, the line the choice writes, if any)
H6_66_TWELVE_HOUR_DAY_LEFT = [
    ("run on DEV1 monthly last 1am",
     "or `monthly last-day 01:00` for the month's last day; `1am` is `01:00` on a 24-hour clock",
     "run on DEV1 monthly last-day 01:00"),
    ("run on DEV1 monthly first 10pm  # x",
     "or `monthly 1 22:00` for the month's first day; `10pm` is `22:00` on a 24-hour clock",
     "run on DEV1 monthly 1 22:00  # x"),
    ("run on DEV1 weekly 10pm",
     "write `run on DEV1 weekly DAY 22:00` (days: sun mon tue wed thu fri sat); `10pm` is `22:00` on a 24-hour clock",
     "run on DEV1 weekly sun 22:00"),
    # (the 1st and the last day a choice each since h1, stop 68)
    ("run on DEV1 monthly 1am", ("`run on DEV1 monthly 1 01:00` runs on the 1st, `run on DEV1 monthly last-day 01:00`"
     " on each month's last day; `1am` is `01:00` on a 24-hour clock"), "run on DEV1 monthly 1 01:00"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "help", "line"), H6_66_TWELVE_HOUR_DAY_LEFT, ids=[c[0] for c in H6_66_TWELVE_HOUR_DAY_LEFT])
def test_h6_66_a_day_left_out_before_a_twelve_hour_time(written, help, line, parser, monkeypatch):
    clean = "run on DEV1 daily 01:00"
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    time = written.split("#")[0].split()[-1]
    assert (found.code, found.fix) == ("BKR010", None)
    assert found.message.endswith(f"needs a day of the {'week' if 'monthly 1am' not in written else 'month'} before the time `{time}`")
    assert found.help.endswith(help)
    assert too_long(found, analysis.sources) == []
    # weekly: each day (h1, stop 67); monthly N: the 1st and the last day (h1, stop 68)
    assert len(found.choices) == (0 if line is None else 7 if "weekly" in written else 2 if "monthly 1am" in written else 1)
    if line is not None:
        assert _minimal_mended(text, found.choices[0]) == MINIMAL.replace(clean, line, 1)


#: A time past the clock's end (`daily 25:00`, `daily 2:60`): the help wrote the time it
#: comes to with no mend; it is now a choice (not a fix: the keys may have slipped), the
#: next day's written with its day where the schedule's day changes, every file clean;
#: where no schedule names that day (`monthly first sun 25:00`), none.
H6_66_PAST_THE_CLOCK = [
    ("run on DEV1 daily 25:00", "run on DEV1 daily 01:00"),
    ("run on DEV1 daily 2:60", "run on DEV1 daily 03:00"),
    ("run on DEV1 weekly sun 25:00  # x", "run on DEV1 weekly mon 01:00  # x"),
    ("run on DEV1 WEEKLY SAT,SUN 25:30", "run on DEV1 weekly sun,mon 01:30"),
    ("run on DEV1 monthly last-day 25:00", "run on DEV1 monthly 1 01:00"),
    ("run on DEV1 weekly sat 24:00", "run on DEV1 weekly sun 00:00"),
    ("run on DEV1 monthly first sun 25:00", None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "line"), H6_66_PAST_THE_CLOCK, ids=[c[0] for c in H6_66_PAST_THE_CLOCK])
def test_h6_66_a_time_past_the_clock_s_end_offers_the_time_it_comes_to(written, line, parser, monkeypatch):
    clean = "run on DEV1 daily 01:00"
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert (found.code, found.fix) == ("BKR313", None)
    assert len(found.choices) == (line is not None)
    if line is not None:
        assert f"write `{line.split(' DEV1 ')[1].split('  #')[0]}`" in found.help
        assert _minimal_mended(text, found.choices[0]) == MINIMAL.replace(clean, line, 1)


#: A job's members ending with `and` before the schedule (`run on DEV1 and daily 02:00`):
#: was "a `,` is missing between `DEV1` and `and`", whose fix wrote `DEV1, and` (BKR330,
#: no member AND). Now one error that says the list ends with `and`; in a job of IDENTITY
#: users the fix writes the members not listed, in one of single-configuration users
#: listing several each is a choice, else the fix removes `and`; every file clean.
H6_66_RUN_ON_ENDS_AND = [
    ("min", "run on each member daily 02:00", "run on DEV1 and daily 02:00", ["run on DEV1, DEV2 daily 02:00"]),
    ("min", "run on DEV1 daily 01:00", "run on DEV1 and daily 01:00", ["run on DEV1 daily 01:00"]),
    ("min", "run on DEV1 daily 01:00", "run on DEV1, DEV2 and daily 01:00", ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("prod", "run on each member daily 03:30", "run on VMSYS1, VMSYS2 and weekly sun 03:30",
     ["run on VMSYS1, VMSYS2, VMSYS3, VMSYS4 weekly sun 03:30"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("base", "clean", "written", "lines"), H6_66_RUN_ON_ENDS_AND,
                         ids=[f"{c[0]}: {c[2]}" for c in H6_66_RUN_ON_ENDS_AND])
def test_h6_66_members_ending_with_and_before_the_schedule(base, clean, written, lines, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    original = MINIMAL if base == "min" else BASE
    text = original.replace(clean, written, 1)
    analysis = analyse("x.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.message) == ("BKR004", "the list of members ends with `and`: no member's name follows it")
    at = text.index(written) + written.index(" and ") + 1
    assert (found.span.start, found.span.end) == (at, at + 3)
    assert too_long(found, analysis.sources) == []
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert len(mends) == len(lines)
    for mend, line in zip(mends, lines, strict=True):
        mended = apply_edits(text, mend.edits)
        assert mended == original.replace(clean, line, 1)
        assert analyse("x.bkr", mended.encode("utf-8")).diagnostics == []


# --- h6 (stop 67)
#: A job's `run` with its members left out before the schedule, as a newcomer writes it
#: (`run daily 03:30`, `run on daily 03:30`): the help and fix the job's users allow. A
#: job of IDENTITY users runs on each member, which the fix writes (was, after `run`, a
#: choice of each member, each then BKR221; after `on`, "write a member name after `on`",
#: no name); one of single-configuration users whose other jobs run on one member runs
#: there too (the group's name in another case than its declaration's is the group);
#: else each member is a choice. (clean, as written, the help, the line the fix writes or
#: None, the choices' titles)
H6_67_RUN_MEMBERS_LEFT_OUT = [
    ("run on each member daily 03:30", "run daily 03:30",
     "write `on each member` after `run`: the job backs up IDENTITY users, one job per member",
     "    run on each member daily 03:30", []),
    ("run on each member daily 03:30", "run on daily 03:30",
     "write `each member` after `on`: the job backs up IDENTITY users, one job per member",
     "    run on each member daily 03:30", []),
    ("run on VMSYS2 daily 23:30", "run on daily 23:30",
     "write `VMSYS2` after `on`: the job backs up single-configuration users, whose other jobs run on VMSYS2",
     "    run on VMSYS2 daily 23:30", []),
    ("backup LINUX incremental\n    include minidisk * 0191\n    to disk pool BKUPPOOL\n    run on VMSYS2 daily 23:30",
     "backup linux incremental\n    include minidisk * 0191\n    to disk pool BKUPPOOL\n    run daily 23:30",
     "write `on VMSYS2` after `run`: the job backs up single-configuration users, whose other jobs run on VMSYS2",
     "    run on VMSYS2 daily 23:30", []),
    ("run on VMSYS1 daily 02:00", "run on daily 02:00",
     ("write the member it runs on after `on`, `VMSYS1`, `VMSYS2`, `VMSYS3` or `VMSYS4`: the job backs up"
      " single-configuration users, backed up from one member (BKR220)"),
     None, [f"Insert `VMSYS{n}`" for n in (1, 2, 3, 4)]),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "help", "fixed", "choices"), H6_67_RUN_MEMBERS_LEFT_OUT, ids=[c[1].split("\n")[-1] for c in H6_67_RUN_MEMBERS_LEFT_OUT]
)
def test_h6_67_a_runs_members_left_out_get_what_the_jobs_users_allow(clean, written, help, fixed, choices, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert found.help == help
    assert too_long(found, analysis.sources) == []
    assert [c.title for c in found.choices] == choices
    if fixed is None:
        assert found.fix is None
        for choice in found.choices:
            _clean_after(text, choice)
    else:
        mended = _clean_after(text, found.fix)
        assert fixed in mended.split("\n")


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h6_67_run_on_with_no_member_at_its_lines_end_names_the_files_members(parser, monkeypatch):
    # `run on`, then the job's `}`, as it is typed: the help named no member ("write a
    # member name after `on`"); both front ends read it, so it names the file's members.
    # Since h2 (stop 68) both read the job's users from the text (`messages.job_home_of`):
    # of IDENTITY users the fix writes `each member` (test_h2_68_run_cut_short_...); of
    # single-configuration users whose other jobs run nowhere, each member is a choice.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    for clean, help in (
        ("run on each member daily 03:30", "write `each member` after `on`: the job backs up IDENTITY users, one job per member"),
        ("run on VMSYS1 daily 02:00", "write the member it runs on after `on`, `VMSYS1`, `VMSYS2`, `VMSYS3` or `VMSYS4`"),
    ):
        _, analysis = _one_slip(clean, "run on")
        (found,) = analysis.diagnostics
        assert found.message == "expected a member name after `on`, found `}`"
        assert found.help.startswith(help)
    # an `on` of another statement keeps its own help (an `expire on`'s names the member
    # its shared catalog is purged from: test_h8_67_expire_on_with_no_member_...)
    _, analysis = _one_slip("expire on VMSYS1 {", "expire on\n  {")
    assert [d.help for d in analysis.diagnostics] == [
        (
            "write `VMSYS1` after `on`: the cluster's catalog is shared, purged from one member only (BKR211),"
            " the one its server logs on to (BKR215)"
        )
    ]


#: A job template's setting where no job's body is open (the job's `{` left out above it,
#: `job APPSFULL` alone on its line): the help says the setting's own value as a job
#: block says it (was the three forms, `to disk pool NAME` also for `= TAPE`).
H6_67_SETTING_OUTSIDE_A_JOB = [
    ("CONFIG BKR_Output_Spec = TAPE", "say it in the job block: the target, `to tape`"),
    ("CONFIG BKR_Output_Spec = DISK BKUPPOOL", "say it in the job block: the target, `to disk pool BKUPPOOL`"),
    ("CONFIG BKR_Job_Type = INCREMENTAL", "say it in the job block: the level on its `backup` line, `backup GROUP incremental`"),
    ("CONFIG BKR_Job_Name = APPSDAY", "say it in the job block: the name in its head, `job APPSDAY {`"),
    # the number of workers is a member's, not a job's: its help names the members' own
    # `workers` (h2, stop 67), here as anywhere else
    ("CONFIG BKR_Job_Workers = 2",
     ("a member says how many worker machines it runs, with `workers N` in its block (`workers 4` in VMSYS1 and"
     " VMSYS2, `workers 2` in VMSYS3 and VMSYS4): write `workers 2` in the blocks of the members meant, and remove"
     " this line")),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("line", "help"), H6_67_SETTING_OUTSIDE_A_JOB, ids=[c[0] for c in H6_67_SETTING_OUTSIDE_A_JOB])
def test_h6_67_a_template_setting_below_a_job_without_its_brace_says_its_value(line, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("  job APPSFULL {\n    backup APPS full\n", f"  job APPSFULL\n    backup APPS full\n    {line}\n")
    found = [d for d in analysis.diagnostics if d.code == "BKR014"]
    assert [d.help for d in found] == [help + "; bkrc writes the template's settings"]
    assert too_long(found[0], analysis.sources) == []
    assert [d.code for d in analysis.diagnostics] == ["BKR011", "BKR014"]


#: A group's kind written after its name, as some write a declaration (`group SYSIDS
#: identity {`): one error whose fix writes the kind first, the group read with that kind
#: (was two errors: the kind missing before `group`, whose help wrote `single group SYSIDS
#: identity { ... }`, the other kind and the line's own, then "`identity` cannot stand
#: between `group SYSIDS` and its `{`"). (clean, as written, the line fixed)
H6_67_KIND_AFTER_NAME = [
    ("identity group SYSIDS {", "group SYSIDS identity {", "identity group SYSIDS"),
    ("single group APPS {", "group APPS single {", "single group APPS"),
    ("single group APPS {", "group APPS SINGLE {", "SINGLE group APPS"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "meant"), H6_67_KIND_AFTER_NAME, ids=[c[1] for c in H6_67_KIND_AFTER_NAME])
def test_h6_67_a_groups_kind_after_its_name_is_one_error_whose_fix_moves_it(clean, written, meant, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    kind = written.split()[2]
    assert (found.code, found.message, found.help) == (
        "BKR004", f"a declaration starts with its kind: `{kind}` comes before `group`, not after the name", f"write `{meant}`"
    )
    mended = _clean_after(text, found.fix)
    assert mended == BASE.replace(clean, f"{meant} {{", 1)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h6_67_a_group_without_its_kind_still_offers_each(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip("single group APPS {", "group APPS {")
    (found,) = analysis.diagnostics
    assert found.help == "write `identity group APPS { ... }` or `single group APPS { ... }`"
    assert [c.title for c in found.choices] == ["Insert `identity`", "Insert `single`"]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h6_67_a_users_kind_after_its_name_is_one_error_whose_fix_moves_it(parser, monkeypatch):
    # as docs/language.md says of `user OPSADMIN single` (the line holds no brace: Recovery.reordered)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "  single group APPS { CICSPRD DB2PRD }\n"
    text, analysis = _one_slip(clean, clean + "  user OPSADMIN single\n")
    (found,) = analysis.diagnostics
    assert (found.code, found.help) == ("BKR004", "write `single user OPSADMIN`")
    assert _clean_after(text, found.fix) == BASE.replace(clean, clean + "  single user OPSADMIN\n", 1)


# --- h2 (stop 67)
def _h2s67_one_fix_checks(name: str, text: str, found) -> str:
    """`found`'s fix applied to `text`: the file then checks clean; the text it makes."""
    repaired = apply_edits(text, found.fix.edits)
    assert analyse(name, repaired.encode("utf-8")).diagnostics == [], found.fix.title
    return repaired


MINIMAL = (ROOT / "examples" / "minimal.bkr").read_text(encoding="utf-8")


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("base", "clean", "written", "said"),
    [
        # a group body, the cluster block: prodssi's jobs write `to disk pool BKUPPOOL`
        (BASE, "{ CICSPRD DB2PRD }", "{\n    CICSPRD\n    MEDIA_TYPE = DISK\n    DB2PRD\n  }",
         "as job LNXINC's `to disk pool BKUPPOOL`"),
        (BASE, "  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n  MEDIA_TYPE = DISK\n",
         "as job LNXINC's `to disk pool BKUPPOOL`"),
        (BASE, "  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n  MEDIA_TYPE = TAPE\n", "as job LNXFULL's `to tape`"),
        (MINIMAL, "  disk BKRCATLG 191 size 10 cyl\n", "  disk BKRCATLG 191 size 10 cyl\n  MEDIA_TYPE = DISK\n",
         "as job GUESTFUL's `to disk pool BKUPPOOL`"),
        (MINIMAL, "  disk BKRCATLG 191 size 10 cyl\n", "  disk BKRCATLG 191 size 10 cyl\n  MEDIA_TYPE = TAPE\n",
         "`to tape` in its block"),
    ],
)
def test_h2s67_media_type_outside_a_job_says_the_files_target(base, clean, written, said, parser, monkeypatch):
    """`MEDIA_TYPE = DISK` in a group body or the cluster block: its help was a
    placeholder (`to disk pool NAME`), with no fix. Now the help says how the file's
    own jobs write the target (their disk pool), and the fix removes the line, after
    which the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = base.replace(clean, written, 1)
    name = "prodssi.bkr" if base is BASE else "minimal.bkr"
    analysis = analyse(name, text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert found.code == "BKR014"
    assert found.help == f"remove the line: a job says where its backups go, {said}; bkrc writes the template's settings"
    assert too_long(found, analysis.sources) == []
    assert "MEDIA_TYPE" not in _h2s67_one_fix_checks(name, text, found)


# fmt: off
H2S67_WORKERS = [
    # (base, clean, written, help, the line the fix leaves, or None: no fix)
    # in a job: its `run on` member's `workers`
    (BASE, "    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    CONFIG BKR_Job_Workers = 4\n",
     "remove the line: member VMSYS1's `workers 4` says how many worker machines it runs already", ""),
    (BASE, "    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    CONFIG BKR_Job_Workers = 6\n",
     ("write `workers 6` for member VMSYS1's `workers 4` (line 9), and remove this line: a member says how many worker"
     " machines it runs"), "  member VMSYS1 { workers 6  private-volume M1PRV1 }"),
    # in a member block
    (BASE, "{ workers 4  private-volume M1PRV1 }", "{\n    workers 4\n    private-volume M1PRV1\n    CONFIG BKR_Job_Workers = 6\n  }",
     ("write `workers 6` for the member's `workers 4` (line 10), and remove this line: a member says how many worker"
     " machines it runs"), "    workers 6"),
    (BASE, "{ workers 4  private-volume M1PRV1 }", "{\n    private-volume M1PRV1\n    CONFIG BKR_Job_Workers = 4\n  }",
     "write `workers 4`: a member says how many worker machines it runs", "    workers 4"),
    # the cluster block, every member the same (minimal.bkr); prodssi's members differ: no fix
    (MINIMAL, "  disk BKRCATLG 191 size 10 cyl\n", "  disk BKRCATLG 191 size 10 cyl\n  CONFIG BKR_Job_Workers = 2\n",
     "remove the line: each member's `workers 2` says how many worker machines it runs already", ""),
    (BASE, "{ CICSPRD DB2PRD }", "{\n    CICSPRD\n    CONFIG BKR_Job_Workers = 4\n    DB2PRD\n  }",
     ("a member says how many worker machines it runs, with `workers N` in its block (`workers 4` in VMSYS1 and"
     " VMSYS2, `workers 2` in VMSYS3 and VMSYS4): write `workers 4` in the blocks of the members meant, and remove"
     " this line"), None),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("base", "clean", "written", "help", "line"), H2S67_WORKERS)
def test_h2s67_job_workers_setting_is_the_members_workers(base, clean, written, help, line, parser, monkeypatch):
    """`CONFIG BKR_Job_Workers = 4` in a job, a member, the cluster block or a group
    body: its help was a job's placeholders (`job NAME {`, `backup GROUP full`, `to disk
    pool NAME`). Now the help says the members' own `workers` statements, and where the
    member meant is known the fix removes the line (the member says the number already)
    or writes the number in its `workers` (or for the line); the file then checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = base.replace(clean, written, 1)
    name = "prodssi.bkr" if base is BASE else "minimal.bkr"
    analysis = analyse(name, text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.help) == ("BKR014", f"{help}; bkrc writes the template's settings")
    assert too_long(found, analysis.sources) == []
    if line is None:
        assert found.fix is None
        return
    repaired = _h2s67_one_fix_checks(name, text, found)
    assert "CONFIG" not in repaired
    assert line == "" or line in repaired.split("\n")


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("line", ["EXIT", "EXIT 0", "RETURN", "RETURN 0"])
@pytest.mark.parametrize(
    ("base", "clean"), [(BASE, "    run on VMSYS1 daily 02:00\n"), (MINIMAL, "    run on DEV1 daily 01:00\n")]
)
def test_h2s67_rexx_exit_in_a_job_is_removed(base, clean, line, parser, monkeypatch):
    """`EXIT` (`EXIT 0`, `RETURN`), an EXEC's last line, alone in a job: was "`EXIT` is
    not a keyword" with the job's statements (`RETURN`: "did you mean `retain`?"). Now
    the REXX instruction's error, and a fix removing the line; the file then checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = base.replace(clean, f"{clean}    {line}\n", 1)
    name = "prodssi.bkr" if base is BASE else "minimal.bkr"
    analysis = analyse(name, text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.message) == (
        "BKR012", f"`{line.split()[0]}` is a REXX instruction, not a .bkr statement: a .bkr file describes the backups, it runs none"
    )
    assert found.help.startswith("remove the line")
    assert _h2s67_one_fix_checks(name, text, found) == base


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h2s67_exit_in_small_letters_stays_no_keyword(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    exit\n")
    (found,) = analysis.diagnostics
    assert "REXX" not in found.message


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("base", "clean", "written", "path"),
    [
        (BASE, "    include sfs BKRPOOL:CICSPRD.*\n", "    INCLUDE SFS BKRPOOL:CICSPRD. * *\n", "BKRPOOL:CICSPRD"),
        (BASE, "    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    include sfs BKRPOOL:CICSPRD.LOGS *\n",
         "BKRPOOL:CICSPRD.LOGS"),
        (MINIMAL, "    include minidisk * *\n", "    include minidisk * *\n    INCLUDE SFS BKRPOOL:LINUX01. * *\n",
         "BKRPOOL:LINUX01"),
    ],
)
def test_h2s67_sfs_template_record_is_one_error_whose_fix_writes_the_path(base, clean, written, path, parser, monkeypatch):
    """`INCLUDE SFS BKRPOOL:CICSPRD. * *`, a template's SFS record (the top directory,
    then the files' name and type): was three BKR318, the `.` and each `*` naming no
    pool. Now one, whose fix writes the directory alone; the file then checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = base.replace(clean, written, 1)
    name = "prodssi.bkr" if base is BASE else "minimal.bkr"
    analysis = analyse(name, text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert found.code == "BKR318" and found.help.startswith(f"write `{path}`")
    assert too_long(found, analysis.sources) == []
    repaired = _h2s67_one_fix_checks(name, text, found)
    assert f"SFS {path}\n" in repaired.upper().replace("INCLUDE SFS", "SFS")


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("base", "clean", "written", "command", "role"),
    [
        (BASE, "{ CICSPRD DB2PRD }", "{\n    CICSPRD\n    SMSG BKRBKUP\n    DB2PRD\n  }", "SMSG BKRBKUP", "the backup server"),
        (BASE, "{ CICSPRD DB2PRD }", "{\n    SMSG BKRWRK01\n    CICSPRD DB2PRD\n  }", "SMSG BKRWRK01", "a worker machine"),
        (MINIMAL, "{ LINUX01 LINUX02 }", "{ LINUX01\n    CP SMSG BKRBKUP\n    LINUX02 }", "CP SMSG BKRBKUP", "the backup server"),
        (MINIMAL, "{ LINUX01 LINUX02 }", "{ LINUX01\n    SMSG BKRCATLG\n    LINUX02 }", "SMSG BKRCATLG", "the catalog server"),
    ],
)
def test_h2s67_smsg_to_a_service_machine_in_a_group_body_is_the_command(base, clean, written, command, role, parser, monkeypatch):
    """`SMSG BKRBKUP` alone on a line of a single group's body: was read as two users,
    BKR201 saying the backup server is declared single ("declare it `identity`", which
    would back BKRBKUP up). Now one error that says the line is a CP command, and a fix
    removing it, after which the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = base.replace(clean, written, 1)
    name = "prodssi.bkr" if base is BASE else "minimal.bkr"
    analysis = analyse(name, text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert found.code == "BKR201" and found.message.startswith(f"`{command}` is a CP command, not users of group")
    assert found.message.endswith(f"is {role}")
    assert found.help.startswith("remove the line: a .bkr file describes the jobs, it sends none")
    assert too_long(found, analysis.sources) == []
    repaired = _h2s67_one_fix_checks(name, text, found)
    assert command not in repaired


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "head"),
    [
        # SMSG a user the file declares elsewhere too: the users, as before
        ("{\n    CICSPRD\n    SMSG BKRBKUP\n  }\n  single group MORE { SMSG }", "`BKRBKUP` is the backup server"),
        # more users on the line: as before
        ("{\n    CICSPRD SMSG BKRBKUP\n  }", "`BKRBKUP` is the backup server"),
        # a comment on the line: the command, no fix
        ("{\n    CICSPRD\n    SMSG BKRBKUP  # from PROFILE EXEC\n  }", "`SMSG BKRBKUP` is a CP command"),
    ],
)
def test_h2s67_smsg_users_kept_where_the_file_says_so(written, head, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip("{ CICSPRD DB2PRD }", written)
    found = [d for d in analysis.diagnostics if d.code == "BKR201"]
    assert len(found) == 1 and found[0].message.startswith(head)
    assert found[0].fix is None


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h2s67_a_group_of_a_user_smsg_checks_clean(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip("{ CICSPRD DB2PRD }", "{\n    CICSPRD\n    SMSG DB2PRD\n  }")
    assert analysis.diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        # MAINT, in none of the imported APPS's users: removed (was `exclude minidisk MAINT *`, BKR406)
        ("EXCLUDE MINIDISK MAINT * = * *", None),
        # DB2PRD, one of them: written, as where the file declares the group
        ("EXCLUDE MINIDISK DB2PRD * = * *", "    exclude minidisk DB2PRD *"),
    ],
)
def test_h2s67_exclude_record_reads_an_imported_group(line, fixed, parser, monkeypatch, tmp_path):
    """The case of test_h2s66_exclude_record_of_a_user_the_job_does_not_back_up_is_removed
    with job APPSFULL's group APPS declared in a module the file imports: the fix read
    group bodies from the file's text alone, could not tell, and wrote `exclude minidisk
    MAINT *`, after which the file met BKR406. Now the groups of the modules read tell
    it, and the fix removes the line; the file then checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    (tmp_path / "appgroups.bkr").write_text("single group APPS { CICSPRD DB2PRD }\n", encoding="utf-8")
    clean = BASE.replace("import std/zvm73\n", "import std/zvm73\nimport ./appgroups\n", 1).replace(
        "  single group APPS { CICSPRD DB2PRD }\n", "", 1
    )
    main = tmp_path / "main.bkr"
    assert analyse(str(main), clean.encode("utf-8"), path=main).diagnostics == []
    text = clean.replace("    run on VMSYS1 daily 02:00\n", f"    run on VMSYS1 daily 02:00\n    {line}\n", 1)
    (found,) = analyse(str(main), text.encode("utf-8"), path=main).diagnostics
    assert found.code == "BKR014"
    repaired = apply_edits(text, found.fix.edits)
    if fixed is None:
        assert found.help.startswith("remove the line: the job backs up APPS, which does not list `MAINT`")
        assert repaired == clean
    else:
        assert fixed in repaired.split("\n")
    assert analyse(str(main), repaired.encode("utf-8"), path=main).diagnostics == []


# fmt: off
H2S67_PLACES = [
    # (the clean text, the text with the line `{L}`): a group body, a job, a member, the
    # cluster block after a statement, the cluster block below `shared-volume`'s label
    ("{ CICSPRD DB2PRD }", "{\n    CICSPRD\n    {L}\n    DB2PRD\n  }"),
    ("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    {L}\n"),
    ("{ workers 4  private-volume M1PRV1 }", "{\n    workers 4\n    {L}\n    private-volume M1PRV1\n  }"),
    ("  disk TRDMM 191 size 10 cyl\n", "  disk TRDMM 191 size 10 cyl\n  {L}\n"),
    ("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n  {L}\n"),
]
H2S67_PASTED = [
    # (the line, its message's start, the places (H2S67_PLACES' indexes) it is checked in)
    ("SPOOL CONS * START", "`SPOOL` is a CP directory statement", (0, 1, 2, 3, 4)),
    ("IPL CMS PARM AUTOCR", "`IPL` is a CP directory statement", (0, 1, 2, 3)),  # below labels: may be labels (BKR021)
    ("MACHINE ESA 4", "`MACHINE` is a CP directory statement", (0, 1, 2, 3, 4)),
    ("CONSOLE 009 3215 T", "`CONSOLE` is a CP directory statement", (0, 1, 2, 3, 4)),
    ("OPTION MAXCONN 128", "`OPTION` is a CP directory statement", (0, 1, 2, 3, 4)),
    ("ACCESS 191 A", "`ACCESS` is a CMS command", (0, 1, 2, 3)),  # below labels: may be labels
    ("Q USERID", "`Q` is a CP command, QUERY shortened", (1, 2, 3)),  # in a group: users Q and USERID
    ("CP QUERY USER BKRBKUP", "`QUERY` is a CP command", (1, 2, 3, 4)),
    ("*DVHOPT LGN0001 LOG1 RCM1 SMC1 NPW1 LNK0 IPL0 PRI0 CRC1", "`*DVHOPT` is DirMaint's options line", (0, 4)),
    ("LINK MAINT 0190 0190 RR", "`LINK` is a CP directory statement", (0, 1, 2, 3, 4)),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("line", "message", "places"), H2S67_PASTED)
def test_h2s67_more_pasted_lines_are_one_error_whose_fix_removes_them(line, message, places, parser, monkeypatch):
    """Lines a system programmer pastes from a directory entry, a PROFILE EXEC or a
    console: in a group body `SPOOL CONS * START` was read as users and a pattern `*`
    (BKR231 twice, BKR204, BKR411), `IPL CMS PARM AUTOCR` silently, `MACHINE ESA 4`,
    `CONSOLE 009 3215 T`, `OPTION MAXCONN 128` and `ACCESS 191 A` as BKR309 (an ID of
    digits), `*DVHOPT ...` silently; below a member's or the cluster's labels BKR305 with
    a label's help (`SPOOL CONS * START`: BKR021 and BKR305); `Q USERID` in a block
    "`Q` is not a keyword". Now one error that says what the line is, whose fix removes
    it, after which the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    for place in places:
        clean, written = H2S67_PLACES[place]
        text, analysis = _one_slip(clean, written.replace("{L}", line))
        (found,) = analysis.diagnostics
        assert found.code == "BKR012" and found.message.startswith(message), (place, found.message)
        assert too_long(found, analysis.sources) == []
        repaired = apply_edits(text, found.fix.edits)
        assert line not in repaired
        assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == [], place


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("line", ["IPL CMS", "OPTION LNKNOPAS", "NAMESAVE", "ACCESS BKRDISK", "Q USERID", "MACHINE"])
def test_h2s67_directory_words_that_may_be_users_stay_users(line, parser, monkeypatch):
    """In a group body, a directory statement's or command's words that may all be user
    IDs (no operand of digits or of no ID's shape, no `PARM`, no architecture after
    MACHINE) are read as users, as before: the group checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip(H2S67_PLACES[0][0], H2S67_PLACES[0][1].replace("{L}", line))
    assert analysis.diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("place", "line", "help", "fixed"),
    [
        # a job: the record with CMS's sequence number in columns 73-80 is the record
        (1, "INCLUDE MINIDISK CICSPRD = * * = * *" + " " * 36 + "00003000", None, "    include minidisk CICSPRD *"),
        (1, "INCLUDE MINIDISK * = 0191 * *" + " " * 43 + "00001000",
         "remove the line: the job's `include minidisk * 0191-01FF 0200` selects its disks already", None),
        # outside a job, its selection written there would be another error: no fix
        (3, "INCLUDE MINIDISK * = 0191 * *", "move it into the job blocks that select so, as `include minidisk * 0191`:",
         None),
        (2, "EXCLUDE MINIDISK * = 0190 * *", ("move it into the job blocks that select so, as `exclude minidisk * 0190`"
         " (an exclude of named owners may stay in the member block"), None),
        (2, "EXCLUDE MINIDISK LNX* = 0192 * *", None, "    exclude minidisk LNX* 0192"),
    ],
)
def test_h2s67_template_record_with_sequence_number_or_outside_a_job(place, line, help, fixed, parser, monkeypatch):
    """`INCLUDE MINIDISK ... 00001000`, a template's record with its sequence number:
    was the record of no shape ("as in `include minidisk * 0191`", no fix). A record in
    the cluster block, or an include (or `*`'s exclude) in a member: its fix wrote the
    selection there, after which the file met BKR013, BKR117 or BKR414. Now the
    sequence number is no field, and outside a job the help says where the selection
    goes, with no fix; a member's exclude of named owners keeps its fix."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean, written = H2S67_PLACES[place]
    text, analysis = _one_slip(clean, written.replace("{L}", line))
    (found,) = analysis.diagnostics
    assert found.code == "BKR014"
    if help is not None:
        assert found.help.startswith(help)
    if fixed is None and not (help or "").startswith("remove the line"):
        assert found.fix is None
        return
    repaired = apply_edits(text, found.fix.edits)
    if fixed is not None:
        assert fixed in repaired.split("\n")
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


# --- lead (stop 67): h2's and h6's helps for a template setting outside a job's body, side
# by side. Below `job APPSFULL` whose `{` is left out (BKR011) the setting is that job's,
# and its help says it in the job's block (h6); in a group body or the cluster block, where
# no job is being written, the help names the file's own jobs' target and the fix removes
# the line (h2). (The merge had let h2's win below a job head too.)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("between", ["", "    backup APPS full\n", "    # the nightly one\n\n    backup APPS full\n"])
def test_lead_67_a_setting_below_a_job_without_its_brace_is_that_jobs(between, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, analysis = _one_slip(
        "  job APPSFULL {\n    backup APPS full\n",
        f"  job APPSFULL\n{between}    CONFIG BKR_Output_Spec = TAPE\n    backup APPS full\n",
    )
    found = [d for d in analysis.diagnostics if d.code == "BKR014"]
    assert [d.help for d in found] == ["say it in the job block: the target, `to tape`; bkrc writes the template's settings"]
    assert found[0].fix is None


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_lead_67_a_setting_in_a_group_body_after_a_closed_job_names_the_files_jobs(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("single group APPS { CICSPRD DB2PRD }",
                               "single group APPS {\n    CONFIG BKR_Output_Spec = TAPE\n    CICSPRD DB2PRD }")
    (found,) = analysis.diagnostics
    assert found.help.startswith("remove the line: a job says where its backups go, as job ")
    assert _clean_after(text, found.fix) == BASE.replace("{ CICSPRD DB2PRD }", "{\n    CICSPRD DB2PRD }", 1)


# --- h5 (stop 67)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "message", "label", "title"),
    [
        ("LINUX01 , ; LINUX02", "`,` and `;` do not separate", "the first of 2 signs", "Remove each `,` and `;`"),
        ("LINUX01; LINUX02,", "`;` and `,` do not separate", "the first of 2 signs", "Remove each `;` and `,`"),
        ("LINUX01, LINUX02,", "`,` does not separate", "the first `,` of 2", "Remove each `,`"),
    ],
    ids=["comma-then-semicolon", "semicolon-then-comma", "commas"],
)
def test_h5_67_a_group_body_with_both_signs_names_both(written, message, label, title, parser, monkeypatch):
    """`{ LINUX01 , ; LINUX02 }`: one error for the body's signs, which named the first's
    character alone ("the first `,` of 2", "Remove each `,`") over a `,` and a `;`;
    both are named now. The fix removes both, and the file then checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = MINIMAL.replace("{ LINUX01 LINUX02 }", f"{{ {written} }}", 1)
    analysis = analyse("x.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert found.message == f"{message} the user IDs of group `GUESTS`: they are separated by blanks or new lines"
    assert found.label == label
    assert found.fix.title == title
    assert too_long(found, analysis.sources) == []
    mended = apply_edits(text, found.fix.edits)
    assert mended == MINIMAL
    assert analyse("x.bkr", mended.encode("utf-8")).diagnostics == []


# --- h7 (stop 67)
#: `each` being typed alone after the `run on` of a job of single-configuration users
#: (`run on eac`, no schedule yet): BKR330's help said "write `run on each member`" and
#: its one choice, *Write `each member`*, gave BKR220 (the same data copied on each
#: member). As for `run on all`, such a job runs on one member: the member its users'
#: other jobs run on (LNXINC's users: LNXFULL's VMSYS2) is the choice, else each member
#: is one; every file clean. A job of IDENTITY users keeps *Write `each member`*.
#: (base, clean, as typed, the help's start, the lines each choice writes)
H7_67_EACH_TYPED = [
    ("min", "run on DEV1 daily 01:00", "run on eac",
     ("`eac` begins the keyword `each`, but a job of single-configuration users runs on one member: write `run on DEV1`"
     " or `run on DEV2` (on each member it would copy the same data on each, BKR220)"),
     ["run on DEV1", "run on DEV2"]),
    ("prod", "run on VMSYS2 daily 23:30", "run on ea",
     ("`ea` begins the keyword `each`, but a job of single-configuration users runs on one member (on each member it"
     " would copy the same data on each, BKR220): write `run on VMSYS2`, where its users' other job `LNXFULL` runs;"
     " the members are VMSYS1, VMSYS2, VMSYS3, VMSYS4"),
     ["run on VMSYS2"]),
    ("prod", "run on VMSYS1 daily 02:00", "run on e",
     ("`e` begins the keyword `each`, but a job of single-configuration users runs on one member: write `run on VMSYS1`,"
     " `run on VMSYS2`, `run on VMSYS3` or `run on VMSYS4`"),
     ["run on VMSYS1", "run on VMSYS2", "run on VMSYS3", "run on VMSYS4"]),
    ("min", "run on each member daily 02:00", "run on eac",
     "`eac` begins the keyword `each`: write `run on each member`", ["run on each member"]),
    # `run on all` (h1, stop 66) offered each member: now the member its users' other jobs run on
    ("prod", "run on VMSYS2 daily 23:30", "run on all daily 23:30",
     ("a job of single-configuration users runs on one member (on each member it would copy the same data on each,"
     " BKR220): write `run on VMSYS2`, where its users' other job `LNXFULL` runs"),
     ["run on VMSYS2 daily 23:30"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("base", "clean", "typed", "help", "lines"), H7_67_EACH_TYPED,
                         ids=[f"{c[0]}: {c[1]} as {c[2]}" for c in H7_67_EACH_TYPED])
def test_h7_67_each_typed_in_a_job_on_one_member_offers_its_member(base, clean, typed, help, lines, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    original = MINIMAL if base == "min" else BASE
    text = original.replace(clean, typed, 1)
    analysis = analyse("x.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert found.code == "BKR330" and found.fix is None
    assert found.help.startswith(help), found.help
    assert too_long(found, analysis.sources) == []
    written = ["each member" if "each member" in line else line.split()[2] for line in lines]
    assert [c.title for c in found.choices] == [f"Write `{w}`" for w in written]
    for choice, line in zip(found.choices, lines, strict=True):
        mended = apply_edits(text, choice.edits)
        assert mended == original.replace(clean, line, 1)
        assert analyse("x.bkr", mended.encode("utf-8")).diagnostics == [], choice.title


# --- h1 (stop 67)


#: The same with `AND` in capitals (`run on DEV1 AND daily 01:00`) where no member AND is
#: declared: one error that says the list ends with `AND`, mended as for `and`, every file
#: clean (was "a `,` is missing between `DEV1` and `AND`", whose fix wrote `DEV1, AND`:
#: BKR330, no member AND). (clean, as written, the lines each mend writes)
H1_67_RUN_ON_ENDS_AND_CAPS = [
    ("run on DEV1 daily 01:00", "run on DEV1 AND daily 01:00", ["run on DEV1 daily 01:00"]),
    ("run on each member daily 02:00", "run on DEV1 AND daily 02:00", ["run on DEV1, DEV2 daily 02:00"]),
    ("run on DEV1 daily 01:00", "run on DEV1, DEV2 AND weekly sun 01:00",
     ["run on DEV1 weekly sun 01:00", "run on DEV2 weekly sun 01:00"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "lines"), H1_67_RUN_ON_ENDS_AND_CAPS, ids=[c[1] for c in H1_67_RUN_ON_ENDS_AND_CAPS])
def test_h1_67_members_ending_with_and_in_capitals_before_the_schedule(clean, written, lines, parser, monkeypatch):
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert (found.code, found.message) == ("BKR004", "the list of members ends with `AND`: no member's name follows it")
    assert too_long(found, analysis.sources) == []
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert [_minimal_mended(text, mend) for mend in mends] == [MINIMAL.replace(clean, line, 1) for line in lines]


#: A member AND declared: `run on DEV1 AND daily 02:00` is still its `,` missing, whose fix checks.
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_67_a_declared_member_and_keeps_its_missing_comma(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    three = MINIMAL.replace(
        "  member DEV2 { workers 2  private-volume D2PRV1 }",
        "  member DEV2 { workers 2  private-volume D2PRV1 }\n  member AND { workers 2  private-volume D3PRV1 }", 1,
    )
    clean = "run on each member daily 02:00"
    text = three.replace(clean, "run on DEV1, DEV2 AND daily 02:00", 1)
    (found,) = analyse("x.bkr", text.encode("utf-8")).diagnostics
    assert (found.code, found.message) == ("BKR004", "a `,` is missing between `DEV2` and `AND`")
    mended = apply_edits(text, found.fix.edits)
    assert mended == three.replace(clean, "run on DEV1, DEV2, AND daily 02:00", 1)
    assert analyse("x.bkr", mended.encode("utf-8")).diagnostics == []


#: A `weekly` schedule's day left out (`weekly 22:00`, `weekly 10pm`, `purge weekly 07:00`):
#: the help writes the statement whole with the file's names (`run on DEV1 weekly DAY
#: 22:00`; was `weekly DAY 22:00`), and each day of the week is a choice (which day is
#: the user's to say: no fix), each file clean (was no mend).
H1_67_WEEKLY_DAY_LEFT = [
    ("run on DEV1 daily 01:00", "run on DEV1 weekly 22:00", "run on DEV1 weekly DAY 22:00", "run on DEV1 weekly {} 22:00"),
    ("run on DEV1 daily 01:00", "run on DEV1 weekly 10pm  # x", "run on DEV1 weekly DAY 22:00", "run on DEV1 weekly {} 22:00  # x"),
    ("purge weekly sun 06:00", "purge weekly 07:00", "purge weekly DAY 07:00", "purge weekly {} 07:00"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "said", "line"), H1_67_WEEKLY_DAY_LEFT, ids=[c[1] for c in H1_67_WEEKLY_DAY_LEFT])
def test_h1_67_weekly_without_its_day_offers_each_day(clean, written, said, line, parser, monkeypatch):
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert (found.code, found.fix) == ("BKR010", None)
    assert found.help.startswith(f"write `{said}` (days: sun mon tue wed thu fri sat)")
    assert too_long(found, analysis.sources) == []
    days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    assert [c.title for c in found.choices] == [f"Write `weekly {d} {said.split()[-1]}`" for d in days]
    for choice, day in zip(found.choices, days, strict=True):
        assert _minimal_mended(text, choice) == MINIMAL.replace(clean, line.format(day), 1)


#: A schedule's day and time written as one word (`monthly last sun01:00`, `weekly
#: sat,sun01:00`, `monthly last-day01:00`): one error that says so, whose fix writes the
#: blank, the file then clean (was "expected a time of day (HH:MM) after `monthly last
#: sun01:00`", the time right there, or "`sun01:00` is not a day of the week", each with
#: a help that wrote the form alone). (clean, as written, the help's statement, the line fixed)
H1_67_DAY_GLUED_TO_TIME = [
    ("run on DEV1 daily 01:00", "run on DEV1 monthly last sun01:00", "run on DEV1 monthly last sun 01:00"),
    ("run on DEV1 daily 01:00", "run on DEV1 weekly sun01:00", "run on DEV1 weekly sun 01:00"),
    ("run on DEV1 daily 01:00", "run on DEV1 weekly sat,sun01:00", "run on DEV1 weekly sat,sun 01:00"),
    ("run on DEV1 daily 01:00", "run on DEV1 MONTHLY FIRST SUN01:00  # x", "run on DEV1 MONTHLY FIRST SUN 01:00"),
    ("run on DEV1 daily 01:00", "run on DEV1 monthly last-day01:00", "run on DEV1 monthly last-day 01:00"),
    ("purge weekly sun 06:00", "purge weekly sun06:00", "purge weekly sun 06:00"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "meant"), H1_67_DAY_GLUED_TO_TIME, ids=[c[1] for c in H1_67_DAY_GLUED_TO_TIME])
def test_h1_67_a_day_glued_to_its_time_is_one_error_whose_fix_writes_the_blank(clean, written, meant, parser, monkeypatch):
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    word = written.split("#")[0].split()[-1].split(",")[-1]
    assert (found.code, found.message) == (
        "BKR010", f"`{word}` is a day and a time written as one word: the time was read as part of the day",
    )
    assert found.help == f"write a blank between the day and the time: `{meant}`"
    assert too_long(found, analysis.sources) == []
    comment = "  # x" if "#" in written else ""
    assert _minimal_mended(text, found.fix) == MINIMAL.replace(clean, meant + comment, 1)


#: A time two days or more past the clock's end (`daily 48:00`, `weekly sun 99:99`): no
#: reading (not the time it comes to, as for `25:00`), so no mend, but the help says why
#: and writes the statement with the file's names and HH:MM for the time (was "write
#: HH:MM on a 24-hour clock, from 00:00 to 23:59" alone).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "said"), [
    ("run on DEV1 daily 01:00", "run on DEV1 daily 48:00", "run on DEV1 daily HH:MM"),
    ("run on DEV1 daily 01:00", "run on DEV1 weekly sun 99:99", "run on DEV1 weekly sun HH:MM"),
    ("run on each member daily 02:00", "run on each member monthly 1 48:00", "run on each member monthly 1 HH:MM"),
    ("purge weekly sun 06:00", "purge weekly sun 50:00", "purge weekly sun HH:MM"),
])
def test_h1_67_a_time_two_days_past_the_clock_writes_the_statement(clean, written, said, parser, monkeypatch):
    _, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    time = written.split()[-1]
    assert (found.code, found.message, found.fix, found.choices) == ("BKR313", f"`{time}` is not a time of day", None, ())
    assert found.help == (
        f"a 24-hour clock's hours are 00 to 23 and an hour's minutes 00 to 59: `{time}` is no time of"
        f" this day nor of the next; write `{said}`, the time from 00:00 to 23:59"
    )
    assert too_long(found, analysis.sources) == []


#: A job's members without their `,` in a job of single-configuration users (`run on DEV1
#: DEV2 daily 01:00`): such a job runs on one member, so the `,` the fix wrote gave BKR220;
#: now the help says to write one, and the member its users' other jobs run on is the fix
#: (LNXINC: VMSYS2), else each member listed a choice, every file clean (as h6's `and`). A
#: job of IDENTITY users keeps the `,` fix. (base, clean, as written, the lines each mend writes)
H1_67_RUN_ON_WITHOUT_COMMAS = [
    ("min", "run on DEV1 daily 01:00", "run on DEV1 DEV2 daily 01:00", ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("min", "run on DEV1 daily 01:00", "run on DEV2 DEV1 weekly sun 01:00  # x",
     ["run on DEV2 weekly sun 01:00  # x", "run on DEV1 weekly sun 01:00  # x"]),
    ("min", "run on DEV1 daily 01:00", "run on DEV1 DEV2 DEV1 daily 01:00", ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("min", "run on each member daily 02:00", "run on DEV1 DEV2 daily 02:00", ["run on DEV1, DEV2 daily 02:00"]),
    ("prod", "run on VMSYS2 daily 23:30", "run on VMSYS1 VMSYS2 daily 23:30", ["run on VMSYS2 daily 23:30"]),
    ("prod", "run on VMSYS1 daily 02:00", "run on VMSYS1 VMSYS3 daily 02:00", ["run on VMSYS1 daily 02:00", "run on VMSYS3 daily 02:00"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("base", "clean", "written", "lines"), H1_67_RUN_ON_WITHOUT_COMMAS,
                         ids=[f"{c[0]}: {c[2]}" for c in H1_67_RUN_ON_WITHOUT_COMMAS])
def test_h1_67_members_without_commas_in_a_job_on_one_member(base, clean, written, lines, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    original = MINIMAL if base == "min" else BASE
    text = original.replace(clean, written, 1)
    analysis = analyse("x.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert (found.code, found.message.split(" between ")[0]) == ("BKR004", "a `,` is missing" if written.count("DEV") < 3 else "commas are missing")
    one = "each member" not in clean
    assert found.help.startswith("a job of single-configuration users runs on one member: write `run on ") == one
    assert found.help.count("`run on DEV1`") <= 1
    assert too_long(found, analysis.sources) == []
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert len(mends) == len(lines)
    for mend, line in zip(mends, lines, strict=True):
        mended = apply_edits(text, mend.edits)
        assert mended == original.replace(clean, line, 1)
        assert analyse("x.bkr", mended.encode("utf-8")).diagnostics == []


#: A schedule's day left out and a retention after its time (`run on DEV1 monthly last
#: 10pm retain 5 days`, `weekly 22:00 retain 5 days`): `retain` was read as the time and
#: `5`, `days` were "one word too many" each, two errors whose helps wrote `... retain`.
#: Now one error, at the time, that says both, its help writing the statement with DAY
#: and where the retention goes; its choices write the day and remove the retention, each
#: file clean. (as written, the choices' schedules; None: no choice)
H1_67_DAY_LEFT_RETAIN = [
    ("run on DEV1 monthly last 10pm retain 5 days", ["monthly last-day 22:00"]),
    ("run on DEV1 MONTHLY FIRST 01:00 RETAIN 2 WEEKS", ["MONTHLY 1 01:00"]),
    ("run on DEV1 weekly 22:00 retain 5 days", [f"weekly {d} 22:00" for d in ("sun", "mon", "tue", "wed", "thu", "fri", "sat")]),
    ("run on DEV1 monthly 22:00 retain 5 days", ["monthly 1 22:00", "monthly last-day 22:00"]),  # (h1, stop 68)
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "schedules"), H1_67_DAY_LEFT_RETAIN, ids=[c[0] for c in H1_67_DAY_LEFT_RETAIN])
def test_h1_67_a_day_left_out_and_a_retention_after_the_time_are_one_error(written, schedules, parser, monkeypatch):
    clean = "run on DEV1 daily 01:00"
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    retention = " ".join(written.split()[-3:])
    days = 14 if "WEEKS" in written else 5
    assert (found.code, found.fix) == ("BKR010", None)
    assert found.message.endswith(f"before the time `{written.split()[-4]}`, and `{retention}` after it is not part of `run`:"
                                  " a job keeps no retention")
    assert found.help.startswith("write ") and "`run on DEV1 " in found.help
    assert found.help.endswith(f"; to keep backups {days} days, write `retain {days} days` in the expire block")
    assert too_long(found, analysis.sources) == []
    assert [c.title for c in found.choices] == [f"Write `{s.lower()}`, and remove `{retention}`" for s in schedules]
    for choice, schedule in zip(found.choices, schedules, strict=True):
        assert _minimal_mended(text, choice) == MINIMAL.replace(clean, f"run on DEV1 {schedule}", 1)


#: A job's time on a 12-hour clock and a retention after it (`run on DEV1 daily 10pm
#: retain 5 days`): one error that says the retention is no part of `run`, its help
#: writing the line on a 24-hour clock (was BKR013, "`retain` cannot appear inside a `job`
#: block", a help that said to move it, the time's error unsaid).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "line"), [
    ("run on DEV1 daily 10pm retain 5 days", "run on DEV1 daily 22:00"),
    ("run on DEV1 weekly sun 1am retain 5 days", "run on DEV1 weekly sun 01:00"),
])
def test_h1_67_a_twelve_hour_time_then_a_retention_on_a_run_line(written, line, parser, monkeypatch):
    text, analysis = _minimal_slip("run on DEV1 daily 01:00", written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert (found.code, found.message.split(":")[0]) == ("BKR004", "`retain 5 days` is not part of `run`")
    assert found.help == (
        f"remove `retain 5 days`: write `{line}`; to keep backups 5 days, write `retain 5 days` in the expire block"
    )
    assert analyse("minimal.bkr", text.replace(written, line).encode("utf-8")).diagnostics == []


#: A date where a `monthly` schedule's day goes (`monthly 31/0`, `monthly 1/15 01:00`):
#: one error that says so, its help writing the statement with the day alone (HH:MM where
#: the time is not written); with the time, each number that may be a day is a choice (the
#: date's order, day or month first, the file cannot tell), each file clean but for
#: BKR404's warning on day 31 (the day the user wrote, which some months do not have).
#: Was "unexpected `/0`; expected a name", "see docs/language.md". (as written, the
#: help's statements, the days each choice writes)
H1_67_DATE_FOR_DAY = [
    ("run on DEV1 monthly 31/0", ["run on DEV1 monthly 31 HH:MM"], []),
    ("run on DEV1 monthly 31/0 01:00", ["run on DEV1 monthly 31 01:00"], ["31"]),
    ("run on DEV1 monthly 1/15 01:00", ["run on DEV1 monthly 1 01:00", "run on DEV1 monthly 15 01:00"], ["1", "15"]),
    ("run on DEV1 monthly 12/25 01:00  # x", ["run on DEV1 monthly 12 01:00", "run on DEV1 monthly 25 01:00"], ["12", "25"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "said", "days"), H1_67_DATE_FOR_DAY, ids=[c[0] for c in H1_67_DATE_FOR_DAY])
def test_h1_67_a_date_for_a_monthly_day_is_one_error(written, said, days, parser, monkeypatch):
    clean = "run on DEV1 daily 01:00"
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    date = written.split()[4]
    assert (found.code, found.fix) == ("BKR004", None)
    assert found.message == f"`{date}` is a date: a `monthly` schedule takes the day of the month alone, from 1 to 31"
    assert found.help.endswith(" or ".join(f"`{s}`" for s in said))
    assert too_long(found, analysis.sources) == []
    assert [c.title for c in found.choices] == [f"Write `{d}`" for d in days]
    for choice, day in zip(found.choices, days, strict=True):
        mended = apply_edits(text, choice.edits)
        assert mended == text.replace(date, day, 1)
        codes = [d.code for d in analyse("minimal.bkr", mended.encode("utf-8")).diagnostics]
        assert codes == (["BKR404"] if day == "31" else [])


#: Members after a `purge` or `preview` schedule in an `expire` block (`purge daily 06:00
#: on DEV1`), as a `run` line names them: one error that says an expiry runs on its
#: block's members; naming the block's, the fix removes them; naming others, removing them
#: is a choice (which is meant is the user's), the help saying where they are written;
#: each file clean (was "`on` starts no statement", its help listing the block's statements).
H1_67_EXPIRY_PLACED = [
    ("purge weekly sun 06:00", "purge daily 06:00 on DEV1", "purge daily 06:00", True),
    ("purge weekly sun 06:00", "PURGE WEEKLY SUN 06:00 ON DEV1  # x", "PURGE WEEKLY SUN 06:00  # x", True),
    ("preview daily 05:00", "preview daily 05:00 on DEV1", "preview daily 05:00", True),
    ("purge weekly sun 06:00", "purge weekly sun 06:00 on DEV2", "purge weekly sun 06:00", False),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "line", "same"), H1_67_EXPIRY_PLACED, ids=[c[1] for c in H1_67_EXPIRY_PLACED])
def test_h1_67_members_after_an_expiry_schedule_are_its_block_s(clean, written, line, same, parser, monkeypatch):
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    again = " ".join(written.split("#")[0].split()[-2:])
    keyword = written.split()[0].lower()
    assert (found.code, found.message) == (
        "BKR004", f"`{again}` is not part of `{keyword}`: an expiry runs on its block's members, `expire on DEV1`",
    )
    assert found.help.startswith(f"remove `{again}`: write `{line.split('  #')[0]}`")
    assert too_long(found, analysis.sources) == []
    assert (found.fix is not None) == same
    mends = [found.fix] if same else list(found.choices)
    (mend,) = mends
    assert _minimal_mended(text, mend) == MINIMAL.replace(clean, line, 1)


#: A time written with `/` for `:` (`daily 01/00`, `weekly sun 22/30`, `purge weekly sun
#: 06/00`): one error whose fix writes HH:MM, as BKR313's for `01.00`, its help the
#: statement (was "unexpected `/00`", "see docs/language.md").
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "line"), [
    ("run on DEV1 daily 01:00", "run on DEV1 daily 01/00", "run on DEV1 daily 01:00"),
    ("run on DEV1 daily 01:00", "run on DEV1 daily 1/00", "run on DEV1 daily 01:00"),
    ("run on DEV1 daily 01:00", "run on DEV1 weekly sun 22/30  # x", "run on DEV1 weekly sun 22:30  # x"),
    ("run on DEV1 daily 01:00", "run on DEV1 monthly 1 01/00", "run on DEV1 monthly 1 01:00"),
    ("purge weekly sun 06:00", "purge weekly sun 06/00", "purge weekly sun 06:00"),
])
def test_h1_67_a_time_written_with_a_slash_is_one_error_whose_fix_writes_hh_mm(clean, written, line, parser, monkeypatch):
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    time = written.split("#")[0].split()[-1]
    assert (found.code, found.message) == ("BKR004", f"`{time}` is not a .bkr time: a time is HH:MM on a 24-hour clock")
    assert found.help == f"write `{line.split('  #')[0]}`: the hour and the minutes are separated by `:`"
    assert _minimal_mended(text, found.fix) == MINIMAL.replace(clean, line, 1)


#: `twice daily` (`3 times daily`) after `run on`, as `twice a day` is: "no schedule runs
#: twice daily", its help a job for each time of day (was "write `daily HH:MM` (the time
#: of day is missing)", which runs once).
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("often", ["twice daily", "3 times daily"])
def test_h1_67_twice_daily_says_no_schedule_runs_so(often, parser, monkeypatch):
    _, analysis = _minimal_slip("run on DEV1 daily 01:00", f"run on DEV1 {often}", parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert (found.code, found.message) == ("BKR012", f"`{often}` is not a .bkr schedule: no schedule runs {often}")
    assert found.help.startswith("a schedule runs once a day at most: write a job for each time of day")


# --- h8 (stop 67)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["expire on {", "expire on\n  {"])
def test_h8_67_expire_on_with_no_member_writes_the_shared_catalogs_member(written, parser, monkeypatch):
    # `expire on {`, its member left out: the help said "write a member name after `on`",
    # naming none. A shared catalog is purged from one member, the one its server logs
    # on to (BKR211, BKR215): the fix writes it, and the file then checks clean.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("expire on VMSYS1 {", written)
    (found,) = analysis.diagnostics
    assert (found.code, found.message) == ("BKR010", "expected a member name after `on`, found `{`")
    assert found.help == (
        "write `VMSYS1` after `on`: the cluster's catalog is shared, purged from one member only (BKR211),"
        " the one its server logs on to (BKR215)"
    )
    assert too_long(found, analysis.sources) == []
    assert found.choices == ()
    assert _clean_after(text, found.fix) == text.replace("expire on", "expire on VMSYS1", 1)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h8_67_expire_on_with_no_member_below_a_local_catalog_writes_each_member(parser, monkeypatch):
    # below a local catalog each member purges its own (one member alone: BKR214 for the
    # others): the fix writes `each member`, and the file checks clean. Of a catalog not
    # read before the block, each member is a choice.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    local = BASE.replace("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1", "catalog local server BKRSVSFS pool BKRPOOL", 1)
    local = local.replace("disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000", "disk BKRSVSFS 191 size 20 cyl", 1)
    assert analyse("prodssi.bkr", local.replace("expire on VMSYS1", "expire on each member", 1).encode()).diagnostics == []
    text = local.replace("expire on VMSYS1 {", "expire on {", 1)
    (found,) = analyse("prodssi.bkr", text.encode()).diagnostics
    assert found.help == (
        "write `each member` after `on`: each member has its own local catalog, which one that purges none keeps for ever (BKR214)"
    )
    assert _clean_after(text, found.fix) == local.replace("expire on VMSYS1", "expire on each member", 1)
    # the catalog statement below the block: was not read there, each member a choice,
    # three of them then BKR215; since h2 (stop 68) the file's text is read, and the fix
    # writes the member its server logs on to
    text = BASE.replace("  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n", "", 1).replace("expire on VMSYS1 {", "expire on {", 1)
    text = text.replace("  tape manager", "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n  tape manager", 1)
    (found,) = analyse("prodssi.bkr", text.encode()).diagnostics
    assert found.help == (
        "write `VMSYS1` after `on`: the cluster's catalog is shared, purged from one member only (BKR211),"
        " the one its server logs on to (BKR215)"
    )
    assert found.choices == ()
    _clean_after(text, found.fix)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "meant"),
    [
        ("include minidisk * 0100-0FFF", "include 0100-0FFF minidisk *", "minidisk * 0100-0FFF"),
        ("include minidisk * 0191-01FF 0200", "include 0191-01FF minidisk * 0200", "minidisk * 0191-01FF"),
    ],
)
def test_h8_67_an_address_before_minidisk_is_swapped_with_its_owner(clean, written, meant, parser, monkeypatch):
    # `include 0100-0FFF minidisk *`: the swap's fix wrote `minidisk 0100-0FFF *`, the range
    # then read as the owner (BKR301), and `--fix` applied it. Now the fix writes the
    # owner first, then the addresses, and the file checks clean.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert found.code == "BKR004"
    assert found.help == f"write `{meant}`: after `minidisk` its owner, then the addresses"
    assert too_long(found, analysis.sources) == []
    assert _clean_after(text, found.fix) == BASE.replace(clean, clean, 1)
    # an address, not an owner, after `minidisk`: no order the file's words make checks, no fix
    first = written.split()[1]
    _, analysis = _one_slip(clean, f"include {first} minidisk 0300")
    (found,) = analysis.diagnostics
    assert (found.code, found.fix) == ("BKR004", None)
    assert found.help == f"write `minidisk OWNER {first}`: the owner, `*` for every owner, then the addresses"


# --- h9 (stop 67)
# fmt: off
H9S67_SMSG_IDENTITY = [
    # (base, the identity group's body, as written, the command, the machine's role)
    (BASE, "{ TCPIP FTPSERVE }", "{\n    TCPIP\n    SMSG BKRBKUP\n    FTPSERVE\n  }", "SMSG BKRBKUP", "the backup server"),
    (BASE, "{ TCPIP FTPSERVE }", "{\n    CP SMSG BKRBKUP\n    TCPIP FTPSERVE\n  }", "CP SMSG BKRBKUP", "the backup server"),
    (BASE, "{ TCPIP FTPSERVE }", "{ TCPIP FTPSERVE\n    SMSG BKRWRK01\n  }", "SMSG BKRWRK01", "a worker machine"),
    (MINIMAL, "{ TCPIP }", "{ TCPIP\n    SMSG BKRCATLG\n  }", "SMSG BKRCATLG", "the catalog server"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("base", "clean", "written", "command", "role"), H9S67_SMSG_IDENTITY)
def test_h9s67_smsg_to_a_service_machine_in_an_identity_group_is_the_command(
    base, clean, written, command, role, parser, monkeypatch
):
    """`SMSG BKRBKUP` alone on a line of an IDENTITY group's body: both words IDENTITY
    users, it checked clean, BKRBKUP (a service machine) one of the users the group's
    jobs back up. Now BKR201's error for the command, as in a single group's body (h2),
    whose fix removes the line, after which the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = base.replace(clean, written, 1)
    name = "prodssi.bkr" if base is BASE else "minimal.bkr"
    analysis = analyse(name, text.encode("utf-8"))
    (found,) = analysis.diagnostics
    group = "SYSIDS" if base is BASE else "SYSTEM"
    assert found.code == "BKR201"
    assert found.message == f"`{command}` is a CP command, not users of group {group}: {command.split()[-1]} is {role}"
    assert found.help.startswith("remove the line: a .bkr file describes the jobs, it sends none")
    assert too_long(found, analysis.sources) == []
    repaired = _h2s67_one_fix_checks(name, text, found)
    assert repaired == text.replace(f"\n    {command}", "", 1)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        # a user SMSG the file declares elsewhere: the users, as before
        ("{\n    TCPIP\n    SMSG BKRBKUP\n    FTPSERVE\n  }\n  identity user SMSG", None),
        # more users on the line: as before
        ("{\n    TCPIP SMSG BKRBKUP\n    FTPSERVE\n  }", None),
        # a user after SMSG that is no service machine: as before
        ("{\n    TCPIP\n    SMSG FTPSERVE\n  }", None),
        # a comment on the line: the command, no fix
        ("{\n    TCPIP\n    SMSG BKRBKUP  # from PROFILE EXEC\n    FTPSERVE\n  }", False),
    ],
)
def test_h9s67_smsg_in_an_identity_group_kept_where_the_file_says_so(written, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip("{ TCPIP FTPSERVE }", written)
    if fixed is None:
        assert analysis.diagnostics == []
        return
    (found,) = analysis.diagnostics
    assert found.code == "BKR201" and found.message.startswith("`SMSG BKRBKUP` is a CP command")
    assert found.fix is None


# the places H2S67_PLACES names, and an expire block
H9S67_PLACES = [*H2S67_PLACES[1:], ("    preview daily 01:00\n", "    preview daily 01:00\n    {L}\n")]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("line", ["NAMESAVE", "MACHINE", "NAMESAVE  # from the directory", "NAMESAVE CMS"])
@pytest.mark.parametrize("place", range(len(H9S67_PLACES)))
def test_h9s67_directory_statement_alone_in_a_block_is_removed(line, place, parser, monkeypatch):
    """`NAMESAVE` alone (a CP directory statement's word in capitals, its operands left
    behind) in a job, member, expire or cluster block, or below labels it cannot be one
    of, was "`NAMESAVE` is not a keyword", with the block's keywords as help (below
    labels: BKR305, 8 characters long). Now the directory statement's error, whose fix
    removes the line (none with a comment on it), after which the file checks clean. In
    a group body it stays a user (test_h2s67_directory_words_that_may_be_users_stay_users)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean, written = H9S67_PLACES[place]
    text, analysis = _one_slip(clean, written.replace("{L}", line))
    word = line.split()[0]  # (below labels: 7 or 8 characters, which no label is)
    (found,) = analysis.diagnostics
    assert found.code == "BKR012" and found.message == f"`{word}` is a CP directory statement, not a .bkr statement"
    assert found.help.startswith("remove the line: bkrc writes the directory entries")
    assert too_long(found, analysis.sources) == []
    if "#" in line:
        assert found.fix is None
        return
    assert _clean_after(text, found.fix) == text.replace(f"\n{' ' * (found.span.column - 1)}{line}", "", 1)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("line", ["namesave", "Namesave"])
def test_h9s67_directory_word_not_in_capitals_stays_no_keyword(line, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip(*(w.replace("{L}", line) for w in H9S67_PLACES[0]))
    (found,) = analysis.diagnostics
    assert found.code == "BKR012" and found.message == f"`{line}` is not a keyword; a statement must start with one"


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("line", ["*dvhopt LGN0001 LOG1 RCM1", "*DvhOpt", "*Dvhopt LGN0001  # kept"])
@pytest.mark.parametrize("place", [0, 1, 2])
def test_h9s67_dirmaint_options_not_in_capitals_say_what_they_are(line, place, parser, monkeypatch):
    """`*dvhopt ...` (not in DirMaint's capitals, which are BKR012's error whose fix
    removes the line) in a job, member or the cluster block: BKR016, a `*` comment, whose
    fix writes `#` for the `*`; its help said only that a `*` line is a CMS file's comment.
    Now it says the line is DirMaint's directory control statement; the fix, applied,
    gives a file that checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean, written = H9S67_PLACES[place]
    text, analysis = _one_slip(clean, written.replace("{L}", line))
    (found,) = analysis.diagnostics
    assert found.code == "BKR016"
    word = line.split()[0]
    assert found.help == (
        f"start a comment with `#` (`{word}` is DirMaint's directory control statement, a comment to CP;"
        " DirMaint keeps it in the site's directory)"
    )
    assert too_long(found, analysis.sources) == []
    assert f"#{line[1:]}" in _clean_after(text, found.fix)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("place", [0, 2])  # a job, the cluster block
def test_h9s67_a_directory_word_that_begins_a_keyword_stays_its_slip(place, parser, monkeypatch):
    """`SHARE` alone (CP's SHARE, and `shared-volume` typed in capitals): "did you mean
    `shared-volume`?", as before; not the directory statement's error."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _text, analysis = _one_slip(*(w.replace("{L}", "SHARE") for w in H9S67_PLACES[place]))
    (found,) = analysis.diagnostics
    assert found.code == "BKR012" and found.message == "unknown keyword `SHARE`; did you mean `shared-volume`?"


# --- h2 (stop 68)
#: `run` or `run on` cut short at its line's end in a job (the job's `}`, or the next
#: statement on the line below), as a newcomer stops typing: the fix writes the members
#: the job's users allow, as for `run daily 03:30` (h6, stop 67), a `run` without a
#: schedule being `manual`, and the help says where the schedule goes. Was: the members
#: named, no fix, in either parser (the fast parser did not know the users' kind).
#: Job LNXFULL's users' other job, LNXINC, is written below it: its member is found too
#: (was: only the jobs above were read). (clean, as written, the help's start, the line fixed)
H2_68_RUN_CUT_SHORT = [
    ("run on each member daily 03:30", "run",
     ("write `on each member` after `run`: the job backs up IDENTITY users, one job per member;"
     " its schedule follows, `run on each member daily HH:MM`, or none for a job submitted by hand"),
     "    run on each member"),
    ("run on each member daily 03:30", "run on",
     ("write `each member` after `on`: the job backs up IDENTITY users, one job per member;"
     " its schedule follows, `run on each member daily HH:MM`, or none for a job submitted by hand"),
     "    run on each member"),
    ("run on VMSYS2 weekly sat 22:00", "run",
     ("write `on VMSYS2` after `run`: the job backs up single-configuration users, whose other jobs run on VMSYS2;"
     " its schedule follows, `run on VMSYS2 daily HH:MM`, or none for a job submitted by hand"),
     "    run on VMSYS2"),
    ("    to tape\n    run on VMSYS2 weekly sat 22:00", "    run on\n    to tape",
     ("write `VMSYS2` after `on`: the job backs up single-configuration users, whose other jobs run on VMSYS2;"
     " its schedule follows, `run on VMSYS2 daily HH:MM`, or none for a job submitted by hand"),
     "    run on VMSYS2"),
    ("run on each member daily 03:30\n  }", "run }",
     ("write `on each member` after `run`: the job backs up IDENTITY users, one job per member;"
     " its schedule follows, `run on each member daily HH:MM`, or none for a job submitted by hand"),
     "    run on each member }"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "help", "fixed"), H2_68_RUN_CUT_SHORT, ids=[f"{c[1]!r}-{c[3].split()[-1]}" for c in H2_68_RUN_CUT_SHORT])
def test_h2_68_run_cut_short_gets_the_members_its_users_allow(clean, written, help, fixed, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert found.help == help
    assert found.choices == ()
    assert too_long(found, analysis.sources) == []
    assert fixed in _clean_after(text, found.fix).split("\n")


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h2_68_run_cut_short_of_single_users_run_nowhere_else_offers_each_member(parser, monkeypatch):
    # APPSFULL's users have no other job: each member is a choice, each file then clean
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("run on VMSYS1 daily 02:00", "run on")
    (found,) = analysis.diagnostics
    assert found.fix is None
    assert [c.title for c in found.choices] == [f"Insert `VMSYS{n}`" for n in (1, 2, 3, 4)]
    for choice in found.choices:
        _clean_after(text, choice)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["run on weekly sat 22:00", "run weekly sat 22:00"])
def test_h2_68_a_jobs_home_is_read_from_its_users_other_job_below_it(written, parser, monkeypatch):
    # LNXFULL (line 55) is the first job of LINUX; LNXINC, below it, runs on VMSYS2. The
    # recovery read the jobs above only: a choice of each member. Now the fix writes VMSYS2.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip("run on VMSYS2 weekly sat 22:00", written)
    (found,) = analysis.diagnostics
    assert found.help.endswith("the job backs up single-configuration users, whose other jobs run on VMSYS2")
    assert found.choices == ()
    assert _clean_after(text, found.fix) == BASE


#: An expire block written without its `{` and `}` (`expire on VMSYS1`, then its statements,
#: then the cluster's next statement): one error whose fix writes both braces, and the file
#: checks clean (was "open the block with `{` after its name", no fix); with its member left
#: out too (`expire on`), the fix writes the member the catalog is purged from with them
#: (was "write a member name after `on`"), also where the catalog statement is below the block.
H2_68_EXPIRE_BODY = "\n    preview daily 01:00\n    purge weekly sun 03:00\n    retain 35 days  # five weeks"
H2_68_EXPIRE_BLOCK = "expire on VMSYS1 {\n    preview daily 01:00\n    purge weekly sun 03:00\n    retain 35 days\n  }"


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("head", ["expire on VMSYS1", "expire on"])
@pytest.mark.parametrize("catalog_below", [False, True])
def test_h2_68_an_expire_block_without_its_braces_gets_them_written(head, catalog_below, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    base = BASE.replace("  retain 35 days\n", "  retain 35 days  # five weeks\n", 1)
    catalog = "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n"
    if catalog_below:
        base = base.replace(catalog, "", 1).replace("  tape manager", catalog + "  tape manager", 1)
    clean = H2_68_EXPIRE_BLOCK.replace("retain 35 days", "retain 35 days  # five weeks")
    assert analyse("prodssi.bkr", base.encode()).diagnostics == []
    text = base.replace(clean, head + H2_68_EXPIRE_BODY, 1)
    analysis = analyse("prodssi.bkr", text.encode())
    (found,) = analysis.diagnostics
    assert too_long(found, analysis.sources) == []
    assert found.choices == ()
    if head == "expire on VMSYS1":
        assert found.code == "BKR011"
        assert found.help == (
            "the block's `{` and `}` are left out: write `expire on VMSYS1 {`, and `}` below its last statement, `retain 35 days`"
        )
    else:
        assert found.code == "BKR010"
        assert found.help.startswith(
            "write `expire on VMSYS1 {`, and `}` below its last statement, `retain 35 days`:"
            " the block's member and its braces are left out; the cluster's catalog is shared"
        )
    mended = apply_edits(text, found.fix.edits)
    assert mended == base


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("where", ["    preview daily 01:00\n", "    retain 35 days\n"])
def test_h2_68_the_files_catalog_inside_its_expire_block_is_moved_below_it(where, parser, monkeypatch):
    # a newcomer writes the catalog with its expiry: BKR013 said "move it out of
    # `expire`, after its `}`", no fix. The file's one catalog statement: the help writes
    # it and the `}`'s line, and the fix moves it there; the file then checks clean.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    catalog = "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n"
    moved = BASE.replace(catalog, "", 1).replace("  }\n  tape manager", "  }\n" + catalog + "  tape manager", 1)
    assert analyse("prodssi.bkr", moved.encode()).diagnostics == []
    text = BASE.replace(catalog, "", 1).replace(where, (where + "  " + catalog) if where.startswith("    retain") else ("  " + catalog + where), 1)
    analysis = analyse("prodssi.bkr", text.encode())
    (found,) = analysis.diagnostics
    assert (found.code, found.message) == ("BKR013", "`catalog` cannot appear inside an `expire` block")
    assert found.help == (
        "`catalog` belongs directly inside `cluster NAME { ... }`: move"
        " `catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1` below `expire`'s `}` (line 25)"
    )
    assert too_long(found, analysis.sources) == []
    assert apply_edits(text, found.fix.edits) == moved




# --- h1 (stop 68)

#: A job's members written with one doubled and their `,`s left out (`run on DEV1 DEV1
#: DEV2 daily 01:00`), or after the schedule (`run daily 01:00 on DEV1 DEV2`, `daily 01:00
#: run on DEV1 DEV2`), in a job of single-configuration users: such a job runs on one
#: member, so the `,` fix gave BKR220; now the help writes the job on each member listed
#: and the fix writes the member its users' other jobs run on (prodssi's LNXINC: VMSYS2),
#: else each member listed is a choice, every file clean (as h1's `run on DEV1 DEV2`, stop
#: 67). A job of IDENTITY users keeps the `,` fix, the doubled member removed, also before
#: more than one name (was no fix). (base, clean, as written, the lines each mend writes)
H1_68_ON_ONE_MEMBER = [
    ("min", "run on DEV1 daily 01:00", "run on DEV1 DEV1 DEV2 daily 01:00", ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("min", "run on DEV1 daily 01:00", "run on DEV1 DEV1 DEV1 DEV2 daily 01:00",
     ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("min", "run on DEV1 daily 01:00", "run daily 01:00 on DEV1 DEV2", ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("min", "run on DEV1 daily 01:00", "run daily 01:00 on DEV2 DEV1  # x",
     ["run on DEV2 daily 01:00  # x", "run on DEV1 daily 01:00  # x"]),
    ("min", "run on DEV1 daily 01:00", "daily 01:00 run on DEV1 DEV2", ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("prod", "run on VMSYS2 daily 23:30", "run on VMSYS2 VMSYS2 VMSYS1 daily 23:30", ["run on VMSYS2 daily 23:30"]),
    ("prod", "run on VMSYS2 daily 23:30", "run daily 23:30 on VMSYS1 VMSYS2", ["run on VMSYS2 daily 23:30"]),
    ("prod", "run on VMSYS2 daily 23:30", "daily 23:30 run on VMSYS1 VMSYS2", ["run on VMSYS2 daily 23:30"]),
    ("prod", "run on VMSYS1 daily 02:00", "run on VMSYS1 VMSYS1 VMSYS2 daily 02:00",
     ["run on VMSYS1 daily 02:00", "run on VMSYS2 daily 02:00"]),
    ("prod", "run on VMSYS1 daily 02:00", "run daily 02:00 on VMSYS1 VMSYS2", ["run on VMSYS1 daily 02:00", "run on VMSYS2 daily 02:00"]),
    # IDENTITY: the `,` fix, every member listed
    ("min", "run on each member daily 02:00", "run on DEV1 DEV1 DEV2 daily 02:00", ["run on DEV1, DEV2 daily 02:00"]),
    ("min", "run on each member daily 02:00", "run daily 02:00 on DEV1 DEV2", ["run on DEV1, DEV2 daily 02:00"]),
    ("prod", "run on each member daily 03:30", "run on VMSYS1 VMSYS1 VMSYS2 VMSYS3 VMSYS4 daily 03:30",
     ["run on VMSYS1, VMSYS2, VMSYS3, VMSYS4 daily 03:30"]),
    ("prod", "run on each member daily 03:30", "run on VMSYS1 VMSYS1 VMSYS1 VMSYS2 VMSYS3 VMSYS4 daily 03:30",
     ["run on VMSYS1, VMSYS2, VMSYS3, VMSYS4 daily 03:30"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("base", "clean", "written", "lines"), H1_68_ON_ONE_MEMBER,
                         ids=[f"{c[0]}: {c[2]}" for c in H1_68_ON_ONE_MEMBER])
def test_h1_68_a_doubled_or_late_member_list_in_a_job_on_one_member(base, clean, written, lines, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    original = MINIMAL if base == "min" else BASE
    text = original.replace(clean, written, 1)
    analysis = analyse("x.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert found.code == "BKR004"
    one = "each member" not in clean
    said = "a job of single-configuration users runs on one member: write "
    assert found.help.startswith(said) == one
    if one:
        # each member listed once, written with the schedule where the schedule came first
        members = list(dict.fromkeys(w for w in written.split("#")[0].split() if w[-1].isdigit() and ":" not in w))
        first = written.split()[0] != "run" or written.split()[1] != "on"
        schedule = " ".join(clean.split()[3:])
        shown = [f"`run on {m} {schedule}`" if first else f"`run on {m}`" for m in members]
        assert found.help.startswith(said + " or ".join(shown) + " (on each it would copy the same data on each, BKR220)")
        assert found.help.endswith("; the other jobs of its users run on VMSYS2") == (len(lines) == 1)
    assert too_long(found, analysis.sources) == []
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert len(mends) == len(lines)
    for mend, line in zip(mends, lines, strict=True):
        mended = apply_edits(text, mend.edits)
        assert mended == original.replace(clean, line, 1)
        assert analyse("x.bkr", mended.encode("utf-8")).diagnostics == []


#: A `monthly` schedule's day left out before its time (`monthly 22:00`): the help wrote
#: `monthly 1 22:00` alone, with no mend; now it writes the statement with the 1st and
#: with the month's last day (`last-day`, the day words `monthly` takes besides a number),
#: each a choice, every file clean (no fix: which day is the user's to say). `weekly
#: 22:00` keeps the days of the week only: `daily 22:00` would run the job seven times as
#: often as the `weekly` written, which no choice offers (as `biweekly` is never `weekly`).
H1_68_MONTH_DAY_LEFT = [
    ("run on DEV1 daily 01:00", "run on DEV1 monthly 22:00", "run on DEV1 monthly {} 22:00"),
    ("run on DEV1 daily 01:00", "run on DEV1 MONTHLY 10pm  # x", "run on DEV1 MONTHLY {} 22:00  # x"),
    ("run on each member daily 02:00", "run on each member monthly 23:00", "run on each member monthly {} 23:00"),
    ("purge weekly sun 06:00", "purge monthly 06:00", "purge monthly {} 06:00"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "line"), H1_68_MONTH_DAY_LEFT, ids=[c[1] for c in H1_68_MONTH_DAY_LEFT])
def test_h1_68_a_months_day_left_out_offers_the_first_and_the_last_day(clean, written, line, parser, monkeypatch):
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    time = line.split("#")[0].split()[-1]
    lead = " ".join(written.split()[: written.lower().split().index("monthly")])
    assert (found.code, found.fix) == ("BKR010", None)
    assert found.help.startswith(
        f"write the day, from 1 to 31, before the time: `{lead} monthly 1 {time}` runs on the 1st,"
        f" `{lead} monthly last-day {time}` on each month's last day"
    )
    assert too_long(found, analysis.sources) == []
    assert [c.title for c in found.choices] == [f"Write `monthly {d} {time}`" for d in ("1", "last-day")]
    for choice, day in zip(found.choices, ("1", "last-day"), strict=True):
        assert _minimal_mended(text, choice) == MINIMAL.replace(clean, line.format(day), 1)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_68_a_weeks_day_left_out_offers_no_daily_schedule(parser, monkeypatch):
    _text, analysis = _minimal_slip("run on DEV1 daily 01:00", "run on DEV1 weekly 22:00", parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert [c.title for c in found.choices] == [f"Write `weekly {d} 22:00`" for d in ("sun", "mon", "tue", "wed", "thu", "fri", "sat")]


#: A time with `/` for `:` whose hour no clock has (`daily 25/00`): was "unexpected `/00`",
#: the generic help. Now one error that says the hour is past 23, whose help writes the
#: statement: for a `daily` schedule the next day's time it comes to, a choice (not a
#: fix, as for `25:00`: the keys may have slipped), the file then clean; for a weekly or
#: monthly one, whose day would change with it, and past the next day, HH:MM, no mend.
H1_68_SLASHED_PAST = [
    ("run on DEV1 daily 01:00", "run on DEV1 daily 25/00", "run on DEV1 daily 01:00"),
    ("purge weekly sun 06:00", "purge daily 30/15  # x", "purge daily 06:15  # x"),
    ("run on DEV1 daily 01:00", "run on DEV1 weekly sun 25/00", None),
    ("run on DEV1 daily 01:00", "run on DEV1 daily 49/00", None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "line"), H1_68_SLASHED_PAST, ids=[c[1] for c in H1_68_SLASHED_PAST])
def test_h1_68_a_slashed_time_past_the_clock_says_its_hour(clean, written, line, parser, monkeypatch):
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    time = written.split("#")[0].split()[-1]
    lead = " ".join(written.split("#")[0].split()[:-1])
    assert (found.code, found.fix) == ("BKR004", None)
    assert found.message == f"`{time}` is not a time of day: a time is HH:MM on a 24-hour clock, its hours 00 to 23"
    assert text[found.span.start : found.span.end] == time
    assert too_long(found, analysis.sources) == []
    if line is None:
        assert found.choices == ()
        assert found.help.startswith(f"write `{lead} HH:MM`, the time from 00:00 to 23:59")
    else:
        meant = line.split("#")[0].split()[-1]
        assert found.help == (
            f"write `{lead} {meant}`: `{time}` would be the next day's `{meant}`, and the hour and the minutes"
            " are separated by `:`"
        )
        (choice,) = found.choices
        assert _minimal_mended(text, choice) == MINIMAL.replace(clean, line, 1)


#: A date where a `monthly` schedule's time goes, a blank before its `/` (`monthly 31 /0`,
#: `monthly 1 /15 03:00`): was "unexpected `/0`; expected a name", the generic help. Now
#: the error `monthly 31/0` gets (a date where the day goes), its help writing
#: the statement with each number that may be the day; with the time written, each a
#: choice, the file then clean; without it, HH:MM and no mend.
H1_68_DATE_WITH_A_BLANK = [
    ("run on DEV1 monthly 31 /0", "`run on DEV1 monthly 31 HH:MM`", []),
    ("run on DEV1 monthly 31 /01", "`run on DEV1 monthly 31 HH:MM` or `run on DEV1 monthly 1 HH:MM`", []),
    ("run on DEV1 monthly 1 /15 03:00", "`run on DEV1 monthly 1 03:00` or `run on DEV1 monthly 15 03:00`", ["1", "15"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "said", "days"), H1_68_DATE_WITH_A_BLANK, ids=[c[0] for c in H1_68_DATE_WITH_A_BLANK])
def test_h1_68_a_date_with_a_blank_where_the_time_goes(written, said, days, parser, monkeypatch):
    clean = "run on DEV1 daily 01:00"
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    date = " ".join(written.split()[4:6])
    assert (found.code, found.fix) == ("BKR004", None)
    assert found.message == f"`{date}` is a date: a `monthly` schedule takes the day of the month alone, from 1 to 31"
    assert found.help == f"write the day alone{'' if days else ', then the time'}: {said}"
    assert too_long(found, analysis.sources) == []
    assert len(found.choices) == len(days)
    for choice, day in zip(found.choices, days, strict=True):
        assert _minimal_mended(text, choice) == MINIMAL.replace(clean, f"run on DEV1 monthly {day} 03:00", 1)


#: An hour alone after `at` in a schedule said to be at night (`every night at 2`,
#: `nightly at 11`): read on the 24-hour clock, its help said 2 in the afternoon is
#: `14:00`, no mend, and `at 11` was `daily 11:00`, the morning. At night an hour has one
#: reading: 1 to 5 the morning's, 7 to 11 the evening's (`23:00`), 12 midnight (`00:00`);
#: the fix writes it, every file clean. 6 may start or end a night: both, no fix, as
#: before. (as written, the schedule the fix writes, None: no fix)
H1_68_NIGHT_HOURS = [
    ("run on DEV1 every night at 3", "run on DEV1 daily 03:00"),
    ("run on DEV1 every night at 11  # x", "run on DEV1 daily 23:00  # x"),
    ("run on DEV1 Every Night at 12", "run on DEV1 daily 00:00"),
    ("run on DEV1 nightly at 9", "run on DEV1 daily 21:00"),
    ("purge nightly at 4", "purge daily 04:00"),
    ("run every night at 10 on DEV1", "run on DEV1 daily 22:00"),
    ("run on DEV1 every night at 6", None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "line"), H1_68_NIGHT_HOURS, ids=[c[0] for c in H1_68_NIGHT_HOURS])
def test_h1_68_an_hour_at_night_has_one_reading(written, line, parser, monkeypatch):
    clean = "purge weekly sun 06:00" if written.startswith("purge") else "run on DEV1 daily 01:00"
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    hour = int(written.split("#")[0].split(" at ")[1].split()[0])
    assert too_long(found, analysis.sources) == []
    if line is None:
        assert found.fix is None
        assert "6 in the afternoon is `18:00`" in found.help
        return
    time = line.split("#")[0].split()[-1]
    assert f"{hour} in the afternoon" not in found.help
    assert f"`at {hour}` at night is `{time}`" in found.help or f"is written `daily {time}`" in found.help
    assert found.choices == ()
    assert _minimal_mended(text, found.fix) == MINIMAL.replace(clean, line, 1)


#: The Nth weekday of the month written as one word (`monthly first-sunday 02:00`, as a
#: product template or a form may name it): "not a day of the month", whose help wrote
#: `monthly N 03:00`; `monthly last-sat 03:00` had a fix that wrote `last-day`, the month's
#: last day, not its last Saturday. Now one BKR314 that says it is two words, whose fix
#: writes them, every file clean; `monthly lastday` keeps its `last-day` fix.
H1_68_ORDINAL_WEEKDAY_JOINED = [
    ("run on DEV1 daily 01:00", "run on DEV1 monthly first-sunday 03:00", "first sun", "first Sunday"),
    ("run on DEV1 daily 01:00", "run on DEV1 monthly last-sat 03:00  # x", "last sat", "last Saturday"),
    ("run on DEV1 daily 01:00", "run on DEV1 monthly 1st_sun 03:00", "first sun", "first Sunday"),
    ("run on DEV1 daily 01:00", "run on DEV1 MONTHLY LastFriday 03:00", "last fri", "last Friday"),
    ("purge weekly sun 06:00", "purge monthly second-tue 06:00", "second tue", "second Tuesday"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "meant", "said"), H1_68_ORDINAL_WEEKDAY_JOINED,
                         ids=[c[1] for c in H1_68_ORDINAL_WEEKDAY_JOINED])
def test_h1_68_the_nth_weekday_as_one_word_is_written_as_two(clean, written, meant, said, parser, monkeypatch):
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    word = written.split("#")[0].split()[-2]
    time = written.split("#")[0].split()[-1]
    assert (found.code, found.message) == (
        "BKR314", f"`{word}` is not a day of the month: the Nth weekday of the month is written as two words"
    )
    assert found.help == f"write `monthly {meant} {time}`, the month's {said}"
    assert too_long(found, analysis.sources) == []
    assert _minimal_mended(text, found.fix) == MINIMAL.replace(clean, written.replace(word, meant), 1)


#: A schedule in English alone on a job's line, `run on` left out, whose time is an hour
#: alone of one reading (`every night at 3`, `every day at 14`): was "`every` is not a
#: keyword", the block's statements its help. Now the error `every day at 03:00` gets:
#: its help names the members, and its mends write the `run` the job's users allow,
#: every file clean. (clean, as written, the lines the mends write)
H1_68_HOUR_ALONE_WITHOUT_RUN = [
    ("run on DEV1 daily 01:00", "every night at 3", ["run on DEV1 daily 03:00", "run on DEV2 daily 03:00"]),
    ("run on DEV1 daily 01:00", "every night at 11  # late", ["run on DEV1 daily 23:00  # late", "run on DEV2 daily 23:00  # late"]),
    ("run on DEV1 daily 01:00", "every day at 14", ["run on DEV1 daily 14:00", "run on DEV2 daily 14:00"]),
    ("run on each member daily 02:00", "every night at 3", ["run on each member daily 03:00"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "lines"), H1_68_HOUR_ALONE_WITHOUT_RUN, ids=[c[1] for c in H1_68_HOUR_ALONE_WITHOUT_RUN])
def test_h1_68_an_hour_alone_of_one_reading_without_run(clean, written, lines, parser, monkeypatch):
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    schedule = lines[0].split("#")[0].split()[-2:]
    assert found.code == "BKR004"
    assert found.message.startswith("a schedule is part of the `run` statement: `run` is missing")
    assert found.help.endswith(f"`{written.split('  #')[0]}` is written `{' '.join(schedule)}`")
    assert too_long(found, analysis.sources) == []
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert len(mends) == len(lines)
    for mend, line in zip(mends, lines, strict=True):
        assert _minimal_mended(text, mend) == MINIMAL.replace(clean, line, 1)


# --- h7 (stop 68)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written"),
    [
        ("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00  *DVHOPT LGN0001 LOG1 RCM1\n"),
        # a comment after it stays
        ("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00 *DVHOPT LGN0001 LOG1  # pasted\n"),
        # the member's `}` after it stays
        ("{ workers 2  private-volume M3PRV1 }", "{ private-volume M3PRV1  workers 2 *DVHOPT LGN0001 }"),
        ("    retain 35 days\n", "    retain 35 days *DVHOPT LGN0001 LOG1\n"),
        ("    to disk pool BKUPPOOL\n    run on VMSYS1", "    to disk pool BKUPPOOL *DVHOPT LGN0001\n    run on VMSYS1"),
    ],
)
def test_h7s68_dirmaint_options_after_a_statement_is_one_error_whose_fix_removes_them(
    clean, written, parser, monkeypatch
):
    """`run on VMSYS1 daily 02:00  *DVHOPT LGN0001 LOG1`: DirMaint's options line pasted
    after a statement on its line was "`*DVHOPT` is not a keyword" with the block's
    keywords, no fix (on a line of its own it is the DirMaint error, h2's). Now that
    error, its fix removing `*DVHOPT` and its operands (a comment or a `}` after them
    stays), after which the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert found.code == "BKR012"
    assert found.message == "`*DVHOPT` is DirMaint's options line of a directory entry, not words of a .bkr statement"
    assert text[found.span.start : found.span.end] == "*DVHOPT"
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert "DVHOPT" not in repaired
    assert ("# pasted" in repaired) == ("# pasted" in written)
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


# fmt: off
H7S68_BELOW = [
    # (the clean text, the text with the lines `{L}`): below `shared-volume VMCOM1`'s
    # label, below a member's `private-volume`, below a job's addresses
    ("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n  {L}\n"),
    ("{ workers 4  private-volume M1PRV1 }", "{\n    workers 4\n    private-volume M1PRV1\n    {L}\n  }"),
    ("    include minidisk * 0191-01FF 0200\n", "    include minidisk * 0191-01FF 0200\n    {L}\n"),
]
H7S68_PASTED = [
    ("IPL CMS PARM AUTOCR", "`IPL` is a CP directory statement"),
    ("ACCESS 191 A", "`ACCESS` is a CMS command"),
    ("Q USERID", "`Q` is a CP command, QUERY shortened"),
    ("EXIT", "`EXIT` is a REXX instruction"),
    ("EXIT 0", "`EXIT` is a REXX instruction"),
    ("RETURN", "`RETURN` is a REXX instruction"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("line", "message"), H7S68_PASTED)
@pytest.mark.parametrize("place", range(len(H7S68_BELOW)))
def test_h7s68_a_pasted_line_below_a_list_is_the_error_it_is_alone(place, line, message, parser, monkeypatch):
    """Below a list of volume labels (or a job's addresses), `IPL CMS PARM AUTOCR`,
    `ACCESS 191 A`, `Q USERID`, `EXIT`, `EXIT 0` and `RETURN` were read as more labels,
    silently (IPL: BKR021, no fix; after addresses BKR310, no fix), since each word may
    be a label. Their shape says what they are (a REXX instruction, a CP QUERY, an
    ACCESS of an address as a file mode, IPL's PARM): now the error each is alone,
    whose fix removes the line, after which the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean, written = H7S68_BELOW[place]
    text, analysis = _one_slip(clean, written.replace("{L}", line))
    (found,) = analysis.diagnostics
    assert found.code == "BKR012" and found.message.startswith(message), found.message
    assert too_long(found, analysis.sources) == []
    assert apply_edits(text, found.fix.edits) == BASE.replace(clean, written.replace("    {L}\n", "").replace("  {L}\n", ""), 1)
    assert analyse("prodssi.bkr", apply_edits(text, found.fix.edits).encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("line", "message"), [*H7S68_PASTED, ("", "")])
@pytest.mark.parametrize(
    ("clean", "written"),
    [
        ("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    BKRBKUP:\n    {L}\n"),
        ("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n  START:\n  {L}\n"),
        ("  disk TRDMM 191 size 10 cyl\n", "  disk TRDMM 191 size 10 cyl\n  BKRBKUP:\n  {L}\n"),
    ],
)
def test_h7s68_a_rexx_label_line_and_the_line_below_it_are_each_one_error(
    clean, written, line, message, parser, monkeypatch
):
    """`BKRBKUP:` pasted from an EXEC, a REXX label alone on its line: in a block it was
    "`BKRBKUP:` is not a keyword" (no fix), and the EXEC's line below it was not
    reported; below a volume list it was one more label (BKR305 at check, once the
    line below was mended). Now "a REXX label", whose fix removes the line, and the
    line below is its own error as where it stands alone: fixing both leaves the file
    clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    written = written.replace("{L}", line) if line else re.sub(r" *\{L\}\n", "", written)
    text, analysis = _one_slip(clean, written)
    label, *below = analysis.diagnostics
    assert label.code == "BKR012" and label.message.startswith(f"`{written.split()[-1 - len(line.split())]}` is a REXX label")
    assert len(below) == (1 if line else 0)
    for found in below:
        assert found.code == "BKR012" and found.message.startswith(message)
    repaired = text
    for found in sorted(analysis.diagnostics, key=lambda d: d.span.start, reverse=True):
        repaired = apply_edits(repaired, found.fix.edits)
    assert repaired == BASE


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("line", ["Q", "EXIT2", "ACCESS", "ACCESS A", "exit", "RETURN X"])
def test_h7s68_words_below_labels_that_may_be_labels_stay_labels(line, parser, monkeypatch):
    """Below `shared-volume VMCOM1`, words of no pasted line's shape stay labels, as
    before (the file checks clean): a label `Q`, `EXIT2`, `ACCESS` or `ACCESS A`, and
    `exit` in small letters."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean, written = H7S68_BELOW[0]
    _text, analysis = _one_slip(clean, written.replace("{L}", line))
    assert [d.code for d in analysis.diagnostics] in ([], ["BKR305"])
    assert all("REXX" not in d.message and "CP command" not in d.message for d in analysis.diagnostics)


# a member's head, a job's head, written over two lines or with a comment in it
H7S68_SPLIT_MEMBER = BASE.replace(
    "  member VMSYS1 { workers 4  private-volume M1PRV1 }",
    "  member VMSYS1  # the first\n  {\n    workers 4\n    private-volume M1PRV1\n  }",
)
H7S68_SPLIT_JOBS = BASE.replace("  job LNXINC {", "  job LNXINC   # nightly\n  {").replace(
    "  job LNXFULL {", "  job LNXFULL\n  {"
)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("base", "line", "help", "fixed"),
    [
        (H7S68_SPLIT_MEMBER, "CONFIG BKR_Job_Workers = 4",
         "remove the line: member VMSYS1's `workers 4` says how many worker machines it runs already", None),
        (H7S68_SPLIT_MEMBER, "CONFIG BKR_Job_Workers = 6",
         "write `workers 6` for member VMSYS1's `workers 4` (line 11), and remove this line", "    workers 6\n"),
    ],
)
def test_h7s68_the_workers_help_reads_a_member_head_written_over_two_lines(base, line, help, fixed, parser, monkeypatch):
    """`CONFIG BKR_Job_Workers = N` in APPSFULL (`run on VMSYS1`): the help found the
    members' `workers` with a regex over `member NAME {` on one line, so a head
    written `member VMSYS1  # the first`, then `{`, was missed, and the help fell back
    to "write `workers N` in its block", no fix. The members are now read as the
    scanner reads the blocks: the help and fix are those of a one-line head, and the
    file then checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "    run on VMSYS1 daily 02:00\n"
    text = base.replace(clean, f"{clean}    {line}\n", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.help.startswith(help), found.help
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == (base if fixed is None else base.replace("    workers 4\n", fixed, 1))
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("line", "said"),
    [("MEDIA_TYPE = DISK", "as job LNXINC's `to disk pool BKUPPOOL`"), ("MEDIA_TYPE = TAPE", "as job LNXFULL's `to tape`")],
)
def test_h7s68_the_target_help_reads_a_job_head_written_over_two_lines(line, said, parser, monkeypatch):
    """`MEDIA_TYPE = DISK` in the cluster block: the help names a job's own `to` line,
    found with a regex over `job NAME {` on one line; LNXINC's and LNXFULL's heads
    written over two lines (a comment in one) were missed, and the help named the next
    job's (APPSFULL's) or fell back. Now read as the scanner reads the blocks."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean = "  shared-volume VMCOM1\n"
    text = H7S68_SPLIT_JOBS.replace(clean, f"{clean}  {line}\n", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert f"a job says where its backups go, {said};" in found.help, found.help
    repaired = apply_edits(text, found.fix.edits)
    assert repaired == H7S68_SPLIT_JOBS
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []
# --- h10 (stop 68)

#: The schedule-first lines of a job of single-configuration users whose members'
#: `,`s are left out and whose line has something else written another way: `at`
#: before the time (`daily at 01:00 run on DEV1 DEV2`), a word too many after the
#: members (`... DEV1 DEV2 now`), a range of days (`run weekly mon-fri 22:00 on DEV1
#: DEV2`). They kept the `,` fix, whose file met BKR220; now, as `run daily 01:00 on
#: DEV1 DEV2` (h1, stop 68), one error whose help writes the line on each member and
#: says the rest, its fix the member the users' other jobs run on (prodssi's LNXINC:
#: VMSYS2), else each a choice, every file clean. (base, clean, as written, what the
#: help says after BKR220, the lines each mend writes)
H10_68_ON_ONE_MEMBER = [
    ("min", "run on DEV1 daily 01:00", "daily at 01:00 run on DEV1 DEV2", "\nthe time follows without `at`",
     ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("min", "run on DEV1 daily 01:00", "daily 01:00 run on DEV1 DEV2 now",
     "\nthe `run` statement has no place for `now`", ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ("min", "run on DEV1 daily 01:00", "daily 01:00 run on DEV2 DEV1 now now",
     "\nthe `run` statement has no place for `now now`", ["run on DEV2 daily 01:00", "run on DEV1 daily 01:00"]),
    ("min", "run on DEV1 daily 01:00", "run weekly mon-fri 22:00 on DEV1 DEV2",
     "\n`weekly` takes each day by name, the days separated by commas",
     ["run on DEV1 weekly mon,tue,wed,thu,fri 22:00", "run on DEV2 weekly mon,tue,wed,thu,fri 22:00"]),
    ("prod", "run on VMSYS2 daily 23:30", "daily at 23:30 run on VMSYS1 VMSYS2",
     "; the other jobs of its users run on VMSYS2\nthe time follows without `at`", ["run on VMSYS2 daily 23:30"]),
    ("prod", "run on VMSYS2 daily 23:30", "daily 23:30 run on VMSYS1 VMSYS2 now",
     "; the other jobs of its users run on VMSYS2\nthe `run` statement has no place for `now`",
     ["run on VMSYS2 daily 23:30"]),
    ("prod", "run on VMSYS2 daily 23:30", "run weekly mon-fri 22:00 on VMSYS1 VMSYS2",
     "; the other jobs of its users run on VMSYS2\n`weekly` takes each day by name, the days separated by commas",
     ["run on VMSYS2 weekly mon,tue,wed,thu,fri 22:00"]),
    ("prod", "run on VMSYS2 daily 23:30", "run weekly mon-fri at 10pm on VMSYS1 VMSYS2",
     ("; the other jobs of its users run on VMSYS2\n`weekly` takes each day by name, the days separated by commas;"
      " the time follows without `at`"), ["run on VMSYS2 weekly mon,tue,wed,thu,fri 22:00"]),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("base", "clean", "written", "said", "lines"), H10_68_ON_ONE_MEMBER,
                         ids=[f"{c[0]}: {c[2]}" for c in H10_68_ON_ONE_MEMBER])
def test_h10_68_a_late_member_list_written_another_way_in_a_job_on_one_member(
    base, clean, written, said, lines, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    original = MINIMAL if base == "min" else BASE
    text = original.replace(clean, written, 1)
    analysis = analyse("x.bkr", text.encode("utf-8"))
    (found,) = analysis.diagnostics
    assert found.code == "BKR004"
    shown = " or ".join(f"`{line}`" for line in dict.fromkeys(
        f"run on {m} {' '.join(lines[0].split()[3:])}" for m in written.split() if m[-1].isdigit() and ":" not in m
    ))
    assert found.help == (
        f"a job of single-configuration users runs on one member: write {shown}"
        f" (on each it would copy the same data on each, BKR220){said}"
    )
    assert too_long(found, analysis.sources) == []
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert len(mends) == len(lines)
    for mend, line in zip(mends, lines, strict=True):
        mended = apply_edits(text, mend.edits)
        assert mended == original.replace(clean, line, 1)
        assert analyse("x.bkr", mended.encode("utf-8")).diagnostics == []


#: A time with `.` for `:` whose hour no clock has (`daily 25.00`): was BKR313's generic
#: "write HH:MM on a 24-hour clock" (the check read a time past the clock with `:`
#: only). Now what `daily 25/00` and `daily 25:00` get: the help says the hour is past 23,
#: the next day's time it comes to and the `:`, and writes the schedule, a choice (the
#: keys may have slipped), the file then clean; a weekly schedule's day after, as for
#: `weekly sun 25:00`; past the next day, HH:MM and no mend. (clean, as written, what the
#: help says, the line the choice writes)
H10_68_DOTTED_PAST = [
    ("run on DEV1 daily 01:00", "run on DEV1 daily 25.00",
     ("a 24-hour clock's hours are 00 to 23: `25.00` is the next day's `01:00`, and the hour and the minutes"
     " are separated by `:`; write `daily 01:00`"), "run on DEV1 daily 01:00"),
    ("purge weekly sun 06:00", "purge daily 30.15  # x",
     ("a 24-hour clock's hours are 00 to 23: `30.15` is the next day's `06:15`, and the hour and the minutes"
     " are separated by `:`; write `daily 06:15`"), "purge daily 06:15  # x"),
    ("run on DEV1 daily 01:00", "run on DEV1 weekly sun 25.30",
     ("a 24-hour clock's hours are 00 to 23: `25.30` is the next day's `01:30`, and the hour and the minutes"
     " are separated by `:`; write `weekly mon 01:30`"), "run on DEV1 weekly mon 01:30"),
    ("run on DEV1 daily 01:00", "run on DEV1 daily 2.60",
     ("an hour's minutes are 00 to 59: `2.60` is `03:00`, and the hour and the minutes are separated by `:`;"
     " write `daily 03:00`"), "run on DEV1 daily 03:00"),
    ("run on DEV1 daily 01:00", "run on DEV1 daily 49.00",
     ("a 24-hour clock's hours are 00 to 23 and an hour's minutes 00 to 59: `49.00` is no time of this day nor"
     " of the next; write `run on DEV1 daily HH:MM`, the time from 00:00 to 23:59"), None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "help", "line"), H10_68_DOTTED_PAST, ids=[c[1] for c in H10_68_DOTTED_PAST])
def test_h10_68_a_dotted_time_past_the_clock_says_its_hour(clean, written, help, line, parser, monkeypatch):
    text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help, found.fix) == (
        "BKR313", f"`{written.split()[-1] if '#' not in written else written.split()[2]}` is not a time of day",
        help, None,
    )
    assert too_long(found, analysis.sources) == []
    if line is None:
        assert found.choices == ()
        return
    (choice,) = found.choices
    assert _minimal_mended(text, choice) == MINIMAL.replace(clean, line, 1)


#: The Nth weekday of the month written as one word, the time left out (`monthly
#: first-sunday`, `monthly last-sat`): was "expected a time of day after `monthly
#: last-sat`", then, the time written, BKR314 that the two are words apart (h1, stop 68):
#: two steps. Now one error that says both, its help writing the two words and HH:MM,
#: no mend (no time nobody gave); the help's line, its time written, checks clean.
#: `monthly lastday` is not one (`last-day`). (clean, as written, the day as written,
#: the two words, the day's name)
H10_68_NTH_WEEKDAY_NO_TIME = [
    ("run on DEV1 daily 01:00", "run on DEV1 monthly first-sunday", "first-sunday", "first sun", "first Sunday"),
    ("run on DEV1 daily 01:00", "run on DEV1 monthly last-sat", "last-sat", "last sat", "last Saturday"),
    ("run on DEV1 daily 01:00", "run on DEV1 MONTHLY 1st_sun  # x", "1st_sun", "first sun", "first Sunday"),
    ("purge weekly sun 06:00", "purge monthly LastFriday", "LastFriday", "last fri", "last Friday"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "day", "two", "named"), H10_68_NTH_WEEKDAY_NO_TIME,
                         ids=[c[1] for c in H10_68_NTH_WEEKDAY_NO_TIME])
def test_h10_68_the_nth_weekday_as_one_word_without_the_time_is_one_step(
    clean, written, day, two, named, parser, monkeypatch
):
    _text, analysis = _minimal_slip(clean, written, parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help, found.fix, found.choices) == (
        "BKR010",
        (f"`{day}` is not a day of the month: the Nth weekday of the month is written as two words,"
        " and the time of day (HH:MM) is missing after it"),
        f"write `monthly {two} HH:MM`, the month's {named}, then the time of day on a 24-hour clock",
        None, (),
    )
    assert too_long(found, analysis.sources) == []
    # the help's line with a time written checks clean
    words = written.split()
    keyword = words[words.index(day) - 1]
    line = written.replace(f"{keyword} {day}", f"{keyword} {two} 03:00", 1)
    assert analyse("minimal.bkr", MINIMAL.replace(clean, line, 1).encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h10_68_the_months_last_day_as_one_word_without_the_time_is_no_weekday(parser, monkeypatch):
    _text, analysis = _minimal_slip("run on DEV1 daily 01:00", "run on DEV1 monthly lastday", parser, monkeypatch)
    (found,) = analysis.diagnostics
    assert "weekday" not in found.help and found.code == "BKR010"


# --- h12 (stop 68)
H12S68_GROUPS = [
    # (the clean group, the group with its users on a line and the lines `{L}` below them)
    ("  single group APPS { CICSPRD DB2PRD }", "  single group APPS {\n    CICSPRD DB2PRD\n{L}  }"),
    ("  identity group SYSIDS { TCPIP FTPSERVE }", "  identity group SYSIDS {\n    TCPIP FTPSERVE\n{L}  }"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("lines", "messages"),
    [
        ([], []),
        (["Q USERID"], ["`Q` is a CP command, QUERY shortened, not a user ID of the group"]),
        (["QUERY USERID"], ["`QUERY` is a CP command, not a user ID of the group"]),
        (["EXIT"], ["`EXIT` is a REXX instruction, not a user ID of the group"]),
        (["EXIT 0"], ["`EXIT` is a REXX instruction, not a user ID of the group"]),
        (["RETURN"], ["`RETURN` is a REXX instruction, not a user ID of the group"]),
        # an EXEC's routine: its query, a blank line, its last line
        (["Q USERID", "", "EXIT 0"],
         ["`Q` is a CP command, QUERY shortened", "`EXIT` is a REXX instruction, not a user ID of the group"]),
        (["ACCESS 191 A", "RETURN"], ["`ACCESS` is a CMS command", "`RETURN` is a REXX instruction"]),
    ],
)
@pytest.mark.parametrize("place", range(len(H12S68_GROUPS)))
def test_h12s68_a_rexx_label_in_a_group_body_and_the_exec_lines_below_it(place, lines, messages, parser, monkeypatch):
    """`BKRBKUP:` pasted from an EXEC into a group body, alone on its line, was read as a
    user (BKR301 at check: `:` in a user ID, no fix), and `Q USERID`, `EXIT`, `EXIT 0`
    or `RETURN` below it as more users (silently; `0`: BKR309). As below volume labels
    (h7): the label is "a REXX label", and each line below it of an EXEC's shape its own
    error, each fix removing its line; all fixed, the group lists its users and the
    file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean, written = H12S68_GROUPS[place]
    body = "".join(f"    {line}\n" if line else "\n" for line in ["BKRBKUP:", *lines])
    text, analysis = _one_slip(clean, written.replace("{L}", body))
    label, *below = analysis.diagnostics
    assert label.code == "BKR012"
    assert label.message.startswith("`BKRBKUP:` is a REXX label, not a user ID of the group"), label.message
    assert [d.code for d in below] == ["BKR012"] * len(messages)
    for found, message in zip(below, messages):
        assert found.message.startswith(message), found.message
    for found in analysis.diagnostics:
        assert too_long(found, analysis.sources) == []
    repaired = text
    for found in sorted(analysis.diagnostics, key=lambda d: d.span.start, reverse=True):
        repaired = apply_edits(repaired, found.fix.edits)
    # a blank line between them stays
    assert repaired == BASE.replace(clean, written.replace("{L}", "\n" * lines.count("")), 1)
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "lines",
    [
        ["EXIT"],  # no label above: a user EXIT, as h2's tests have it
        ["Q USERID"],  # users Q and USERID
        ["BKRBKUP:", "CICSUSR", "EXIT"],  # a user between: EXIT is a user too
        ["BKRBKUP:", "EXIT2"],
        ["BKRBKUP:", "Q"],
        ["BKRBKUP:", "RETURN X"],
    ],
)
def test_h12s68_words_in_a_group_body_that_may_be_users_stay_users(lines, parser, monkeypatch):
    """In a group body `EXIT` and `Q USERID` are users unless a REXX label's line is above
    them (only lines reported as pasted between), and below one, words of no EXEC
    line's shape (`EXIT2`, `Q`, `RETURN X`) stay users: with the label's line removed
    (its fix), the file reads as it does without it."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean, written = H12S68_GROUPS[0]
    body = "".join(f"    {line}\n" for line in lines)
    text, analysis = _one_slip(clean, written.replace("{L}", body))
    labels = [d for d in analysis.diagnostics if "REXX label" in d.message]
    assert len(labels) == (1 if "BKRBKUP:" in lines else 0)
    rest = [d for d in analysis.diagnostics if d not in labels]
    assert all(d.code != "BKR012" for d in rest), [d.message for d in rest]
    repaired = apply_edits(text, labels[0].fix.edits) if labels else text
    without = BASE.replace(clean, written.replace("{L}", body.replace("    BKRBKUP:\n", "")), 1)
    assert repaired == without
    assert [d.code for d in rest] == [d.code for d in analyse("prodssi.bkr", without.encode("utf-8")).diagnostics]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written"),
    [
        # after volume labels (BKR305 twice before), a comment after them kept
        ("  shared-volume VMCOM1\n", "  shared-volume VMCOM1 *DVHOPT LGN0001 LOG1 RCM1\n"),
        ("  shared-volume VMCOM1\n", "  shared-volume VMCOM1  *DVHOPT LGN0001  # pasted\n"),
        # a member's labels, its `}` after them kept
        ("{ workers 2  private-volume M3PRV1 }", "{ workers 2  private-volume M3PRV1 *DVHOPT LGN0001 }"),
        # after addresses (BKR310 twice before) and an SFS path
        ("    include minidisk * 0191-01FF 0200\n", "    include minidisk * 0191-01FF 0200 *DVHOPT LGN0001\n"),
        ("    include sfs BKRPOOL:CICSPRD.*\n", "    include sfs BKRPOOL:CICSPRD.* *DVHOPT LGN0001\n"),
        # after a group body's users (silent before)
        ("  single group APPS { CICSPRD DB2PRD }", "  single group APPS { CICSPRD DB2PRD *DVHOPT LGN0001 LOG1 }"),
    ],
)
def test_h12s68_dirmaint_options_after_a_list_is_one_error_whose_fix_removes_them(clean, written, parser, monkeypatch):
    """`shared-volume VMCOM1 *DVHOPT LGN0001 LOG1`: DirMaint's options line pasted after a
    list's names on its line was read as more names: two BKR305 after volume labels,
    two BKR310 after addresses, nothing in a group body. Now the one error h7 made for
    it after a statement, its fix removing `*DVHOPT` and its operands (a comment or a
    `}` after them stays), after which the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, analysis = _one_slip(clean, written)
    (found,) = analysis.diagnostics
    assert found.code == "BKR012"
    assert found.message == "`*DVHOPT` is DirMaint's options line of a directory entry, not words of a .bkr statement"
    assert text[found.span.start : found.span.end] == "*DVHOPT"
    assert too_long(found, analysis.sources) == []
    repaired = apply_edits(text, found.fix.edits)
    assert "DVHOPT" not in repaired
    assert ("# pasted" in repaired) == ("# pasted" in written)
    assert repaired.replace("  # pasted", "") == BASE
    assert analyse("prodssi.bkr", repaired.encode("utf-8")).diagnostics == []


H12S68_LNXINC = (
    "  job LNXINC {\n    description \"Nightly incremental of the Linux guests' CMS disks\"\n"
    "    backup LINUX incremental\n    include minidisk * 0191\n    to disk pool BKUPPOOL\n"
    "    run on VMSYS2 daily 23:30\n  }"
)
H12S68_LINUX = "  single group LINUX { LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }\n"
H12S68_HOMES = [
    # LNXINC, LINUX's other job, written on one line
    BASE.replace(H12S68_LNXINC, "  job LNXINC { backup LINUX incremental  include minidisk * 0191  to disk pool BKUPPOOL"
                 "  run on VMSYS2 daily 23:30 }", 1),
    # LINUX declared after APPS on APPS's line (not first on its line)
    BASE.replace(H12S68_LINUX, "", 1).replace(
        "  single group APPS { CICSPRD DB2PRD }\n",
        "  single group APPS { CICSPRD DB2PRD }  single group LINUX { LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }\n", 1
    ),
    # both, and LNXINC's list and `run on` with a comment between their words
    BASE.replace(H12S68_LINUX, "", 1).replace(
        "  single group APPS { CICSPRD DB2PRD }\n",
        "  single group APPS { CICSPRD DB2PRD }  single group LINUX { LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }\n", 1
    ).replace(H12S68_LNXINC, "  job LNXINC { backup LINUX incremental  include minidisk * 0191  to disk pool BKUPPOOL  run on  # nightly\n"
              "    VMSYS2 daily 23:30 }", 1),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("written", ["run weekly sat 22:00", "run on weekly sat 22:00"])
@pytest.mark.parametrize("place", range(len(H12S68_HOMES)))
def test_h12s68_a_jobs_home_is_read_from_a_job_on_one_line_or_a_declaration_after_another(
    place, written, parser, monkeypatch
):
    """LNXFULL's `run on VMSYS2` written without its member: its home is the member
    LINUX's other job, LNXINC, runs on (h2's job_home_of). That was read line by line,
    so LNXINC written on one line (its `run on` not first on a line), or LINUX declared
    after another declaration on its line, was missed: a choice of each member, no fix.
    Read as the scanner reads the file, the fix writes VMSYS2 and the file checks
    clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    base = H12S68_HOMES[place]
    assert analyse("prodssi.bkr", base.encode("utf-8")).diagnostics == []
    text = base.replace("run on VMSYS2 weekly sat 22:00", written, 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert found.help.endswith("the job backs up single-configuration users, whose other jobs run on VMSYS2"), found.help
    assert found.choices == ()
    assert apply_edits(text, found.fix.edits) == base


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h12s68_a_job_on_one_line_cut_short_at_run_reads_its_own_backup(parser, monkeypatch):
    """LNXFULL written on one line, `run }` at its end: its users (LINUX, single) are read
    from its own `backup` on the line, and their other job's member written."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    lnxfull = BASE[BASE.index("  job LNXFULL {") : BASE.index("  }\n", BASE.index("  job LNXFULL {")) + 3]
    one_line = "  job LNXFULL { backup LINUX full  include minidisk * 0100-0FFF  to tape  run on VMSYS2 }"
    base = BASE.replace(lnxfull, one_line, 1)
    assert analyse("prodssi.bkr", base.encode("utf-8")).diagnostics == []
    text = base.replace("run on VMSYS2 }", "run }", 1)
    (found,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert "whose other jobs run on VMSYS2" in found.help, found.help
    assert apply_edits(text, found.fix.edits) == base


# --- h4 (stop 69)

#: docs/language.md's first cluster, whole (its seven steps): the base of h4's cases.
#: Its jobs' names have at most five characters where its users are IDENTITY ones.
H4S69_LAB = """\
import std/backup-manager
import std/zvm73

cluster LABSSI {
  member LAB1 { workers 2  private-volume L1PRV1 }
  member LAB2 { workers 2  private-volume L2PRV1 }
  disk BKRBKUP 191 size 10 cyl
  disk BKRCATLG 191 size 10 cyl
  disk BKRWRK* 191 size 5 cyl
  single group GUESTS { LINUX01 LINUX02 }
  identity group SYSTEM { TCPIP }
  job GUESTFUL {
    backup GUESTS full
    include minidisk * *
    exclude minidisk * 0190 019D 019E
    to disk pool BKUPPOOL
    run on LAB1 daily 01:00
  }
  job SYSFU {
    backup SYSTEM full
    include minidisk * 0191
    to disk pool BKUPPOOL
    run on each member daily 02:00
  }
  shared-volume LABCOM
  catalog shared server BKRSVSFS pool BKRPOOL on LAB1
  disk BKRSVSFS 191 size 20 cyl
  disk BKRADMIN 191 size 10 cyl
  disk 5697J06C 191 size 10 cyl
  expire on LAB1 {
    preview daily 05:00
    purge weekly sun 06:00
    retain 30 days
  }
}
"""

#: The lab with Tape Manager, whole: its statement and its machines' disks.
H4S69_TAPE = H4S69_LAB.replace(
    "  disk 5697J06C 191 size 10 cyl\n",
    "  disk 5697J06C 191 size 10 cyl\n"
    "  tape manager shared catalog-node TCTMM on LAB1 request-node TRTMM catalog-dmm TCDMM request-dmm TRDMM\n"
    "  disk TCTMM 191 size 10 cyl\n  disk TRTMM 191 size 10 cyl\n  disk TCDMM 191 size 10 cyl\n  disk TRDMM 191 size 10 cyl\n",
)

#: A statement of the cluster alone written in a block, as the file's only one of its
#: kind: (base, its lines, the block's line it was written below, the block's `}` line
#: it goes below, the block's title in the help). Was "move it out of X, after its
#: `}`" with no fix (`shared-volume`: the example `shared-volume VMCOM1`); a `catalog`
#: line with a comment got the help but no fix (`Recovery.drops_hash`).
H4S69_MOVED = [
    ("lab", "  catalog shared server BKRSVSFS pool BKRPOOL on LAB1  # the catalog\n",
     "    retain 30 days\n", "  expire on LAB1", "`expire`"),
    ("lab", "  catalog shared server BKRSVSFS pool BKRPOOL on LAB1  # the catalog\n",
     "  expire on LAB1 {\n", "  expire on LAB1", "`expire`"),
    ("lab", "  disk BKRADMIN 191 size 10 cyl\n", "    backup GUESTS full\n", "  job GUESTFUL", "`job GUESTFUL`"),
    ("lab", "  disk BKRADMIN 191 size 10 cyl  # the administrator's A-disk\n", "    preview daily 05:00\n",
     "  expire on LAB1", "`expire`"),
    ("lab", "  shared-volume LABCOM\n", "    retain 30 days\n", "  expire on LAB1", "`expire`"),
    ("lab", "  shared-volume LABCOM\n", "    include minidisk * 0191\n", "  job SYSFU", "`job SYSFU`"),
    ("lab", "  member LAB2 { workers 2  private-volume L2PRV1 }\n", "    run on LAB1 daily 01:00\n",
     "  job GUESTFUL", "`job GUESTFUL`"),
    ("lab", "  member LAB2 {\n    workers 2\n    private-volume L2PRV1\n  }\n", "    run on LAB1 daily 01:00\n",
     "  job GUESTFUL", "`job GUESTFUL`"),
    ("tape", "  tape manager shared catalog-node TCTMM on LAB1 request-node TRTMM catalog-dmm TCDMM request-dmm TRDMM\n",
     "    backup SYSTEM full\n", "  job SYSFU", "`job SYSFU`"),
]


def _h4s69_block_close(text: str, head: str) -> int:
    """The offset just after the line of the `}` that closes the block `head` starts."""
    at = text.index(head)
    return text.index("\n  }\n", at) + len("\n  }\n")


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("base", "statement", "below", "head", "title"), H4S69_MOVED,
                         ids=[f"{c[1].split()[0]} below {c[2].strip()}" for c in H4S69_MOVED])
def test_h4s69_a_statement_of_the_cluster_in_a_block_is_moved_below_its_brace(
    base, statement, below, head, title, parser, monkeypatch
):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    whole = {"lab": H4S69_LAB, "tape": H4S69_TAPE}[base]
    plain = re.sub(r"  #.*", "", statement)  # the cluster's own line, the comment aside
    if plain not in whole:  # the member written over four lines
        whole = whole.replace("  member LAB2 { workers 2  private-volume L2PRV1 }\n", plain, 1)
    without = whole.replace(plain, "", 1)
    at = _h4s69_block_close(without, head)
    clean = without[:at] + statement + without[at:]
    assert analyse("lab.bkr", clean.encode()).diagnostics == []
    inside = "".join("  " + row + "\n" for row in statement.rstrip("\n").split("\n"))
    text = without.replace(below, below + inside, 1)
    analysis = analyse("lab.bkr", text.encode())
    (found,) = analysis.diagnostics
    keyword = statement.split()[0]
    assert (found.code, found.span.line) == ("BKR013", text[: text.index(inside)].count("\n") + 1)
    words = " ".join(statement.split("#")[0].split())
    shown = f"{words.split('{')[0]}{{ ... }}" if "\n    " in statement else words
    close = text[: _h4s69_block_close(text, head)].count("\n")
    assert found.help == (
        f"`{keyword}` belongs directly inside `cluster NAME {{ ... }}`: move `{shown}` below {title}'s `}}` (line {close})"
    )
    assert too_long(found, analysis.sources) == []
    assert found.fix.title == f"Move `{keyword}` below the block"
    assert apply_edits(text, found.fix.edits) == clean


#: The statement moved out would be one too many (BKR115, BKR322, BKR324, BKR325): the
#: cluster has it already. Written alike, the help and its fix remove it; otherwise the
#: help names the other and its line, no fix. (statement, the block's line it is below,
#: the cluster's line it repeats, the help)
H4S69_TWICE = [
    ("    disk BKRBKUP 191 size 10 cyl\n", "    backup GUESTS full\n",
     "`disk BKRBKUP 191 size 10 cyl` is written directly inside `cluster NAME { ... }` already (line 7): remove it here"),
    ("    catalog shared server BKRSVSFS pool BKRPOOL on LAB1\n", "    retain 30 days\n",
     ("`catalog shared server BKRSVSFS pool BKRPOOL on LAB1` is written directly inside `cluster NAME { ... }`"
      " already (line 26): remove it here")),
    ("    shared-volume LABCOM\n", "    run on each member daily 02:00\n",
     "`shared-volume LABCOM` is written directly inside `cluster NAME { ... }` already (line 26): remove it here"),
    ("    member LAB2 { workers 2  private-volume L2PRV1 }\n", "    run on LAB1 daily 01:00\n",
     ("`member LAB2 { workers 2 private-volume L2PRV1 }` is written directly inside `cluster NAME { ... }` already"
      " (line 6): remove it here")),
    ("    disk BKRBKUP 0191 size 12 cyl  # bigger\n", "    backup GUESTS full\n",
     ("the cluster has `disk BKRBKUP 191 size 10 cyl` already (line 7): keep the one meant, directly inside"
      " `cluster NAME { ... }`, and remove the other")),
    ("    catalog local server BKRSVSFS pool BKRPOOL\n", "    retain 30 days\n",
     ("the cluster has `catalog shared server BKRSVSFS pool BKRPOOL on LAB1` already (line 26): keep the one meant,"
      " directly inside `cluster NAME { ... }`, and remove the other")),
    ("    member LAB2 { workers 3  private-volume L2PRV1 }\n", "    run on LAB1 daily 01:00\n",
     ("the cluster has `member LAB2 { workers 2 private-volume L2PRV1 }` already (line 6): keep the one meant,"
      " directly inside `cluster NAME { ... }`, and remove the other")),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("statement", "below", "help"), H4S69_TWICE, ids=[c[0].strip() for c in H4S69_TWICE])
def test_h4s69_a_statement_the_cluster_has_already_is_removed_or_weighed(statement, below, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = H4S69_LAB.replace(below, below + statement, 1)
    analysis = analyse("lab.bkr", text.encode())
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.help) == ("BKR013", text[: text.index(statement)].count("\n") + 1, help)
    assert too_long(found, analysis.sources) == []
    if help.endswith("remove it here"):
        assert found.fix.title == f"Remove the second `{statement.split()[0]}`"
        assert apply_edits(text, found.fix.edits) == H4S69_LAB
    else:
        assert found.fix is None and found.choices == ()


#: A CP QUERY an EXEC holds, pasted into a group body with CP's own prefix (`CP Q
#: USERID`: was read as three users, CP, Q and USERID, silently), or anywhere in single
#: quotes as a REXX EXEC passes it on (was BKR017, "quote text with straight double
#: quotes: description "..."""): one error, as `Q USERID` below a REXX label, whose fix
#: removes the line. (where: the group body or a job; the line; the word the message names)
H4S69_CP_QUERY = [
    ("group", "CP Q USERID", "`Q` is a CP command, QUERY shortened, not a user ID of the group"),
    ("group", "CP QUERY USERID", "`QUERY` is a CP command, not a user ID of the group"),
    ("group", "CP Q USER BKRBKUP", "`Q` is a CP command, QUERY shortened, not a user ID of the group"),
    ("group", "'CP Q USERID'", "`Q` is a CP command, QUERY shortened, not a .bkr statement, in quotes as a REXX EXEC passes it on"),
    ("group", "'CP QUERY USERID'", "`QUERY` is a CP command, not a .bkr statement, in quotes as a REXX EXEC passes it on"),
    ("job", "'CP Q USERID'", "`Q` is a CP command, QUERY shortened, not a .bkr statement, in quotes as a REXX EXEC passes it on"),
    ("job", "'Q USERID'", "`Q` is a CP command, QUERY shortened, not a .bkr statement, in quotes as a REXX EXEC passes it on"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("where", "line", "message"), H4S69_CP_QUERY, ids=[f"{c[0]}: {c[1]}" for c in H4S69_CP_QUERY])
def test_h4s69_a_cp_query_in_a_group_body_or_in_quotes_is_one_error(where, line, message, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    if where == "group":
        clean = H4S69_LAB.replace("  single group GUESTS { LINUX01 LINUX02 }\n", "  single group GUESTS {\n    LINUX01 LINUX02\n  }\n")
        below = "    LINUX01 LINUX02\n"
    else:
        clean, below = H4S69_LAB, "    run on LAB1 daily 01:00\n"
    assert analyse("lab.bkr", clean.encode()).diagnostics == []
    text = clean.replace(below, f"{below}    {line}\n", 1)
    analysis = analyse("lab.bkr", text.encode())
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("BKR012", text[: text.index(line)].count("\n") + 1, 5)
    assert found.message == message + ("" if line[0] == "'" else ": a .bkr file describes the machines, it asks CP nothing")
    assert found.help.startswith("remove the line: the EXECs `bkrc compile` writes ask CP what they need themselves")
    assert too_long(found, analysis.sources) == []
    assert apply_edits(text, found.fix.edits) == clean


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("line", ["CP", "CP Q", "CICSPRD CP Q USERID", "cp q userid"])
def test_h4s69_words_of_a_group_body_that_may_be_users_stay_users(line, parser, monkeypatch):
    # `CP` alone or with one word after it, after a user on its line, or in small letters:
    # as before, users (BKR021 warns of small letters)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = H4S69_LAB.replace("  single group GUESTS { LINUX01 LINUX02 }\n", f"  single group GUESTS {{\n    LINUX01 LINUX02\n    {line}\n  }}\n")
    assert not [d for d in analyse("lab.bkr", text.encode()).diagnostics if d.is_error]


#: A REXX label in a group body not alone on its line in capitals: with the EXEC's
#: instruction after it (`BKRBKUP: EXIT`), after the body's users (`LINUX03 BKRBKUP:`),
#: or in small or mixed letters (`bkrbkup:`, `Start:`). Each was read as a user, BKR301
#: at check ("contains `:`"), no fix; now h7's and h12's label error, BKR012, whose fix
#: removes the line (or the label alone, the users before it kept), and an EXEC's line
#: below a label in small letters its own error. Also in a job (was "`BKRBKUP:` is not a
#: keyword", its help the job's statements). (where, the lines written, each error's line
#: and word, the lines left by the fixes)
H4S69_LABELS = [
    ("group", "    BKRBKUP: EXIT\n", [(12, "`BKRBKUP:` is a REXX label")], ""),
    ("group", "    BKRBKUP: EXIT 0\n", [(12, "`BKRBKUP:` is a REXX label")], ""),
    ("group", "    BKRBKUP: Q USERID\n", [(12, "`BKRBKUP:` is a REXX label")], ""),
    ("group", "    LINUX03 BKRBKUP:\n", [(12, "`BKRBKUP:` is a REXX label")], "    LINUX03\n"),
    ("group", "    bkrbkup:\n", [(12, "`bkrbkup:` is a REXX label")], ""),
    ("group", "    Start:\n", [(12, "`Start:` is a REXX label")], ""),
    ("group", "    bkrbkup:\n    EXIT\n", [(12, "`bkrbkup:` is a REXX label"), (13, "`EXIT` is a REXX instruction")], ""),
    ("job", "    BKRBKUP: EXIT\n", [(18, "`BKRBKUP:` is a REXX label")], ""),
    ("job", "    bkrbkup:\n", [(18, "`bkrbkup:` is a REXX label")], ""),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("where", "lines", "errors", "left"), H4S69_LABELS, ids=[f"{c[0]}: {c[1].strip()}" for c in H4S69_LABELS])
def test_h4s69_a_rexx_label_not_alone_in_capitals_is_the_label_error(where, lines, errors, left, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    if where == "group":
        base = H4S69_LAB.replace("  single group GUESTS { LINUX01 LINUX02 }\n", "  single group GUESTS {\n    LINUX01 LINUX02\n  }\n")
        below = "    LINUX01 LINUX02\n"
    else:
        base, below = H4S69_LAB, "    run on LAB1 daily 01:00\n"
    text = base.replace(below, below + lines, 1)
    analysis = analyse("lab.bkr", text.encode())
    found = analysis.diagnostics
    assert [(d.code, d.span.line, d.message.split(",")[0]) for d in found] == [("BKR012", n, m) for n, m in errors]
    assert all(too_long(d, analysis.sources) == [] for d in found)
    mended = apply_edits(text, [e for d in found for e in d.fix.edits])
    assert mended == base.replace(below, below + left, 1)
    assert [d.code for d in analyse("lab.bkr", mended.encode()).diagnostics] == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("lines", "code"), [
    ("    BKRBKUP: LINUX03\n", "BKR301"), ("    match: LNX*\n", "BKR014"), ("    LINUX03 BKRBKUP: LINUX04\n", "BKR301"),
    ("    LINUX03 run:\n", "BKR301"),
])
def test_h4s69_a_colon_word_in_a_group_body_that_is_no_label_line_stays_as_it_was(lines, code, parser, monkeypatch):
    # a label with users after it, `match:` (match_colon's), a label between users, a
    # keyword with a colon after users: as before (the fast parser now gives every word
    # ending in `:` in a group body to Lark)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    base = H4S69_LAB.replace("  single group GUESTS { LINUX01 LINUX02 }\n", "  single group GUESTS {\n    LINUX01 LINUX02\n" + lines + "  }\n")
    assert [d.code for d in analyse("lab.bkr", base.encode()).diagnostics] == [code]


#: `run each member daily 03:00` (`on` left out) in a job of single-configuration users:
#: was "write `on` and the member it runs on after `run`: `on LAB1` or `on LAB2`", no fix
#: (h11's each_after_run left it alone, as `on each member` would be BKR220). Now `on` and
#: the member are written over `each member`: the member the users' other job runs on as
#: the fix, else each member a choice; the file then checks clean. (the job's other
#: job written too, the `run` line as written, the help)
H4S69_EACH_SINGLE = [
    (False, "    run each member daily 03:00\n",
     ("write the member it runs on for `each member`, `on LAB1` or `on LAB2`: the job backs up single-configuration"
     " users, backed up from one member (BKR220)")),
    (False, "    run\n    each member daily 03:00\n",
     ("write the member it runs on for `each member`, `on LAB1` or `on LAB2`: the job backs up single-configuration"
     " users, backed up from one member (BKR220)")),
    (True, "    run each member daily 03:00  # nightly\n",
     ("write `on LAB1` for `each member`: the job backs up single-configuration users, whose other jobs run on LAB1,"
     " backed up from one member (BKR220)")),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("other", "written", "help"), H4S69_EACH_SINGLE, ids=[c[1].strip() + f" {c[0]}" for c in H4S69_EACH_SINGLE])
def test_h4s69_run_each_member_of_single_users_gets_their_member(other, written, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    base = H4S69_LAB
    if other:  # GUESTS' incremental job, the line slipped in it; GUESTFUL runs on LAB1
        base = base.replace("  job SYSFU {", "  job GUESTI {\n    backup GUESTS incremental\n    include minidisk * *\n"
                            "    to disk pool BKUPPOOL\n    run on LAB1 daily 03:00\n  }\n  job SYSFU {", 1)
        line = "    run on LAB1 daily 03:00\n"
        text = base.replace(line, written, 1)
    else:
        line = "    run on LAB1 daily 01:00\n"
        text = base.replace(line, written, 1)
    assert analyse("lab.bkr", base.encode()).diagnostics == []
    analysis = analyse("lab.bkr", text.encode())
    (found,) = analysis.diagnostics
    assert (found.code, found.message, found.help) == ("BKR004", "expected `on` after `run`, found `each`", help)
    assert too_long(found, analysis.sources) == []
    mends = [found.fix] if found.fix is not None else list(found.choices)
    assert [m.title for m in mends] == (["Write `on LAB1`"] if other else ["Write `on LAB1`", "Write `on LAB2`"])
    for mend in mends:
        mended = apply_edits(text, mend.edits)
        assert analyse("lab.bkr", mended.encode()).diagnostics == [], mended
    if other:
        assert apply_edits(text, found.fix.edits) == base.replace(line, "    run on LAB1 daily 03:00  # nightly\n", 1)


#: An expire block written without its `{` and `}` (h2's, stop 68) that holds a line of
#: no statement of the cluster: its body read on over it (a member's `workers 2`
#: misplaced there, `keep 30 days` for `retain`), the `}` written below the body's last
#: line (was below the line before it: the statements after it left outside the block,
#: each BKR013 once the fix was applied). Where a statement of the cluster stands between
#: the block's statements (`catalog ...` between `preview` and `purge`), where the `}`
#: goes is not known: no fix (was a `}` above `purge`). (the body written, the
#: diagnostics, the codes once every fix is applied)
H4S69_EXPIRE_BODY = [
    ("    preview daily 05:00\n    purge weekly sun 06:00\n    workers 2\n    retain 30 days\n",
     [("BKR011", True), ("BKR013", False)], ["BKR013"]),
    ("    preview daily 05:00\n    purge weekly sun 06:00\n    keep 30 days\n", [("BKR011", True), ("BKR012", True)], []),
    (("    preview daily 05:00\n    catalog shared server BKRSVSFS pool BKRPOOL on LAB1\n    purge weekly sun 06:00\n"
     "    retain 30 days\n"), [("BKR011", False), ("BKR013", False)], None),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("body", "found", "after"), H4S69_EXPIRE_BODY, ids=["workers", "keep", "catalog"])
def test_h4s69_an_expire_block_without_braces_reads_its_body_over_a_misplaced_line(body, found, after, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    block = "  expire on LAB1 {\n    preview daily 05:00\n    purge weekly sun 06:00\n    retain 30 days\n  }\n"
    base = H4S69_LAB
    if "catalog" in body:
        base = base.replace("  catalog shared server BKRSVSFS pool BKRPOOL on LAB1\n", "", 1)
    text = base.replace(block, "  expire on LAB1\n" + body, 1)
    analysis = analyse("lab.bkr", text.encode())
    assert [(d.code, d.fix is not None) for d in analysis.diagnostics] == found
    assert all(too_long(d, analysis.sources) == [] for d in analysis.diagnostics)
    if after is None:
        return
    head = analysis.diagnostics[0]
    last = body.rstrip("\n").split("\n")[-1].strip()
    assert head.help == f"the block's `{{` and `}}` are left out: write `expire on LAB1 {{`, and `}}` below its last statement, `{last}`"
    mended = apply_edits(text, [e for d in analysis.diagnostics if d.fix for e in d.fix.edits])
    assert "  expire on LAB1 {\n" in mended and mended.endswith("\n  }\n}\n")
    # the misplaced line, now inside the block, is that block's error (BKR013 `workers` in `expire`)
    assert [d.code for d in analyse("lab.bkr", mended.encode()).diagnostics if d.code != "BKR218"] == after


#: A newcomer's walk through docs/language.md's first cluster, pasting from the CP
#: directory (USER DIRECT): `INCLUDE IBMDFLT`, a user entry taking in its profile as a
#: directory writes it (PROFILE left out), was BKR004 "expected `minidisk` or `sfs` after
#: `INCLUDE`" in a job, member or the cluster (in the cluster also BKR013 and BKR010), and
#: two users in a group body; the file's first line `DIRECTORY 0123 3390 VMRES` was
#: "`DIRECTORY` is not a keyword". Now each is the CP directory statement's error, whose
#: fix removes the line. (the line the slip goes below, the slip, the message's start)
H4S69_USER_DIRECT = [
    ("    include minidisk * 0191\n", "    INCLUDE IBMDFLT\n", "`INCLUDE` is a CP directory statement, not a .bkr statement"),
    ("  member LAB1 { workers 2  private-volume L1PRV1 }\n", "  INCLUDE IBMDFLT\n",
     "`INCLUDE` is a CP directory statement, not a .bkr statement"),
    ("    LINUX01 LINUX02\n", "    INCLUDE IBMDFLT\n", "`INCLUDE` is a CP directory statement, not a user ID of the group"),
    ("    preview daily 05:00\n", "    INCLUDE PROFILE IBMDFLT\n", "`INCLUDE PROFILE` is a CP directory statement, not a .bkr statement"),
    ("import std/zvm73\n", "DIRECTORY 0123 3390 VMRES\n", "`DIRECTORY` is a CP directory statement, not a .bkr statement"),
    ("  disk BKRBKUP 191 size 10 cyl\n", "  DIRECTORY 0123 3390 VMRES\n", "`DIRECTORY` is a CP directory statement, not a .bkr statement"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("below", "line", "message"), H4S69_USER_DIRECT, ids=[f"{c[1].strip()} below {c[0].strip()}" for c in H4S69_USER_DIRECT])
def test_h4s69_a_user_direct_line_is_the_directory_statements_error(below, line, message, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    base = H4S69_LAB.replace("  single group GUESTS { LINUX01 LINUX02 }\n", "  single group GUESTS {\n    LINUX01 LINUX02\n  }\n")
    assert analyse("lab.bkr", base.encode()).diagnostics == []
    text = base.replace(below, below + line, 1)
    analysis = analyse("lab.bkr", text.encode())
    (found,) = analysis.diagnostics
    assert (found.code, found.span.line, found.message) == ("BKR012", text[: text.index(line)].count("\n") + 1, message)
    assert found.help.startswith("remove the line: ")
    assert too_long(found, analysis.sources) == []
    assert apply_edits(text, found.fix.edits) == base


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("line", "code"), [("    INCLUDE MINIDISK\n", "BKR010"), ("    include ibmdflt\n", "BKR004")])
def test_h4s69_an_include_of_a_selection_stays_the_selections_error(line, code, parser, monkeypatch):
    # `INCLUDE MINIDISK`, its owner and addresses left out, and `include` in small letters:
    # the selection's, as before
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = H4S69_LAB.replace("    include minidisk * 0191\n", line + "    include minidisk * 0191\n", 1)
    assert [d.code for d in analyse("lab.bkr", text.encode()).diagnostics] == [code]


#: The walk's step 3 and 2 written with a sign for the block's `{`, its braces left
#: out: `single group GUESTS = LINUX01 LINUX02` was BKR003 "the character `=` cannot
#: appear here" (its help `workers 4`), `single group GUESTS: LINUX01 LINUX02` a help
#: writing `single group GUESTS: { ... }`, whose fix left the `:` (BKR014). Now one
#: error, the body without braces, whose fix writes `{` for the sign and `}` after it.
#: (the clean line, as written, the message's middle)
H4S69_SIGN_FOR_BRACE = [
    ("  single group GUESTS { LINUX01 LINUX02 }", "  single group GUESTS = LINUX01 LINUX02",
     "the users of `single group GUESTS` are written without braces, a `=` for the `{`"),
    ("  single group GUESTS { LINUX01 LINUX02 }", "  single group GUESTS : LINUX01 LINUX02",
     "the users of `single group GUESTS` are written without braces, a `:` for the `{`"),
    ("  single group GUESTS { LINUX01 LINUX02 }", "  single group GUESTS: LINUX01 LINUX02",
     "the users of `single group GUESTS` are written without braces, a `:` for the `{`"),
    ("  identity group SYSTEM { TCPIP }", "  identity group SYSTEM = TCPIP  # the stack",
     "the users of `identity group SYSTEM` are written without braces, a `=` for the `{`"),
    ("  member LAB2 { workers 2  private-volume L2PRV1 }", "  member LAB2 = workers 2  private-volume L2PRV1",
     "the settings of `member LAB2` are written without braces, a `=` for the `{`"),
    ("  member LAB2 { workers 2  private-volume L2PRV1 }", "  member LAB2: workers 2  private-volume L2PRV1",
     "the settings of `member LAB2` are written without braces, a `:` for the `{`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "message"), H4S69_SIGN_FOR_BRACE, ids=[c[1].strip() for c in H4S69_SIGN_FOR_BRACE])
def test_h4s69_a_block_body_after_a_sign_for_its_brace_gets_the_braces(clean, written, message, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = H4S69_LAB.replace(clean, written, 1)
    analysis = analyse("lab.bkr", text.encode())
    (found,) = analysis.diagnostics
    assert (found.code, found.message) == ("BKR011", message + ": a block's body goes inside `{ }`")
    assert found.help == f"write `{clean.strip()}`"
    assert too_long(found, analysis.sources) == []
    expected = H4S69_LAB.replace(clean, clean + written[len(written.split("#")[0].rstrip()):], 1) if "#" in written else H4S69_LAB
    assert apply_edits(text, found.fix.edits) == expected


#: The walk's step 4 written as a user declared with braces: `identity user SYSTEM {
#: TCPIP }` (a group meant) and `single user LINUX03 { }` were BKR004 "a block starts
#: with its keyword and name ...; this `{` has neither", help "see docs/language.md". Now
#: one error that says a user declaration takes no braces: with users inside, its fix
#: writes `group` for `user`; empty, it removes them. (clean, as written, the help)
H4S69_USER_BRACES = [
    ("  identity group SYSTEM { TCPIP }", "  identity user SYSTEM { TCPIP }",
     "write `identity group SYSTEM { TCPIP }` to declare the group SYSTEM of them"),
    ("  identity group SYSTEM {\n    TCPIP\n  }", "  identity user SYSTEM {\n    TCPIP\n  }",
     "write `identity group SYSTEM { TCPIP }` to declare the group SYSTEM of them"),
    ("  single user LINUX03", "  single user LINUX03 { }",
     "write `single user LINUX03`; a group's users go in braces, `single group NAME { ... }`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "help"), H4S69_USER_BRACES, ids=[c[1].split("{")[0].strip() + (" {...}" if "TCPIP" in c[1] else " {}") + str(i) for i, c in enumerate(H4S69_USER_BRACES)])
def test_h4s69_a_user_declared_with_braces_is_said_so(clean, written, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    anchor = "  identity group SYSTEM { TCPIP }"
    base = H4S69_LAB.replace(anchor, clean, 1) if "SYSTEM" in clean else H4S69_LAB.replace(anchor, anchor + "\n" + clean, 1)
    text = base.replace(clean, written, 1)
    analysis = analyse("lab.bkr", text.encode())
    (found,) = analysis.diagnostics
    assert (found.code, found.help) == ("BKR004", help)
    assert found.message.startswith(f"`{' '.join(written.split()[:3])}` declares one user, and takes no `{{ }}` after it")
    assert too_long(found, analysis.sources) == []
    mended = apply_edits(text, found.fix.edits)
    assert [d.code for d in analyse("lab.bkr", mended.encode()).diagnostics] == [d.code for d in analyse("lab.bkr", base.encode()).diagnostics]
    if "SYSTEM" in clean:
        assert analyse("lab.bkr", mended.encode()).diagnostics == []
    else:
        assert mended == base
