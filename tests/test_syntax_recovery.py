"""Syntax error recovery: one run reports each independent mistake once, in words a
z/VM programmer understands, and reads the rest of the file as the user meant it.

The MESSAGES table is the message catalogue as data: a snippet, the code, and a
piece of the message it must produce.
"""

from __future__ import annotations

import glob
from collections import Counter

import pytest
from conftest import ROOT

from bkrdsl import fixes
from bkrdsl.diagnostics.registry import REGISTRY, Code
from bkrdsl.fmt import format_source
from bkrdsl.source import Source
from bkrdsl.syntax import codes, read_module
from bkrdsl.syntax.build import build
from bkrdsl.syntax.messages import HYPHENATED_HOMES
from bkrdsl.syntax.parser import MAX_REPORTED, parse, parser
from bkrdsl.syntax.recovery import HYPHENATED_PLACES, OPENERS, Sim, grammar_facts


def diagnose(text: str):
    return parse(Source.of("t.bkr", text)).diagnostics


def one(text: str):
    found = diagnose(text)
    assert len(found) == 1, [f"{d.code} {d.span.line}:{d.span.column} {d.message}" for d in found]
    return found[0]


# snippet, code, (line, column), a piece of the message
# fmt: off
MESSAGES = [
    ("cluster A {\n  job J {\n    run on\n  }\n}\n", "BKR010", (3, 9), "expected a member name after `on`, found `}`"),
    ("cluster A {\n  job J {\n    run on\n    to tape\n  }\n}\n", "BKR010", (3, 9), "a member name after `on`, found the end of the line"),
    # a hyphenated keyword of the block after a statement that lacks its value: the value
    # missing, not the keyword misplaced (BKR013), as before any other keyword
    ("cluster A {\n  member M {\n    workers 2  description\n    private-volume P\n  }\n}\n", "BKR010", (3, 16),
     "expected a quoted text (\"...\") after `description`, found the end of the line"),
    ("cluster A {\n  member M {\n    workers 2  desc\n    private-volume P\n  }\n}\n", "BKR012", (3, 16),
     "write `description` followed by a quoted text"),
    # ... and on the same line as that keyword: the half-typed word's one error, not the
    # two words swapped (BKR004) nor the keyword's statement as an unquoted text (BKR010)
    ("cluster A {\n  member M {\n    desc private-volume P\n  }\n}\n", "BKR012", (3, 5),
     "write `description` followed by a quoted text"),
    ("cluster A {\n  member M {\n    workers 2  desc private-volume P\n  }\n}\n", "BKR012", (3, 16),
     "write `description` followed by a quoted text"),
    ("cluster A {\n\n  job AB {\n    backup G\n", "BKR005", (3, 10), "`{` opened at 3:10 is never closed"),
    ("cluster A {\n  member { workers 2 }\n}\n", "BKR010", (2, 3), "expected a member name after `member`"),
    ("cluster A {\n  member M { workers }\n}\n", "BKR010", (2, 14), "the number of worker machines after `workers`"),
    ("cluster A {\n  job J\n    backup G\n  }\n}\n", "BKR011", (2, 7), "expected `{` after `job J`, found the end of the line"),
    # a hyphenated keyword the block takes, first on the line after its name: the `{` missing,
    # not the keyword misplaced in the block around it (BKR013), as before `workers`
    ("cluster A {\n  member M\n    private-volume P\n  }\n  catalog local\n}\n", "BKR011", (2, 10),
     "expected `{` after `member M`, found the end of the line"),
    ("cluster A {\n  member M\n    job-suffix C }\n}\n", "BKR011", (2, 10),
     "expected `{` after `member M`, found the end of the line"),
    ("cluster A\n  shared-volume VMCOM1\n}\n", "BKR011", (1, 9), "expected `{` after `cluster A`, found the end of the line"),
    # ... and written without its hyphen: the one error, the `{` missing (the hyphen is
    # reported once the `{` is there), not the keyword misplaced and a `}` too many
    ("cluster A {\n  member M\n    job suffix C\n  }\n}\n", "BKR011", (2, 10),
     "expected `{` after `member M`, found `job suffix`"),
    ("cluster A {\n  member M\n    jobsuffix C\n    workers 2\n  }\n}\n", "BKR011", (2, 10),
     "expected `{` after `member M`, found `jobsuffix`"),
    ("cluster A {\n  member M\n    private  volume P }\n  catalog local\n}\n", "BKR011", (2, 10),
     "expected `{` after `member M`, found `private volume`"),
    ("cluster A\n  shared volume VMCOM1\n  catalog local\n}\n", "BKR011", (1, 9),
     "expected `{` after `cluster A`, found `shared volume`"),
    # the block named as its opening line is written
    ("single group G\n  U1\n}\n", "BKR011", (1, 14), "expected `{` after `single group G`, found `U1`"),
    ("cluster A {\n  identity group G\n    match X*\n  }\n}\n", "BKR011", (2, 18),
     "expected `{` after `identity group G`, found the end of the line"),
    ("cluster A {\n  expire on M\n    retain 30 days\n  }\n}\n", "BKR011", (2, 13),
     "expected `{` after `expire on M`, found the end of the line"),
    ("cluster A {\n  expire on each member\n    retain 30 days\n  }\n}\n", "BKR011", (2, 18),
     "expected `{` after `expire on each member`, found the end of the line"),
    ("cluster A {\n  expire on A,\n    B\n    retain 30 days\n  }\n}\n", "BKR011", (3, 5),
     "expected `{` after `expire on A, B`, found the end of the line"),
    # ... and on the block's line, as `workers` there: the settings without braces, or
    # words between the name and the `{`
    ("cluster A {\n  member M private-volume P\n}\n", "BKR011", (2, 12), "the settings of `member M` are written without braces"),
    ("cluster A {\n  member M job-suffix C { workers 2 }\n}\n", "BKR004", (2, 12),
     "`job-suffix C` cannot stand between `member M` and its `{`"),
    ("cluster A {\n  jbo J {\n  }\n}\n", "BKR012", (2, 3), "unknown keyword `jbo`; did you mean `job`?"),
    ("clustr A {\n}\n", "BKR012", (1, 1), "did you mean `cluster`?"),
    ("cluster A {\n  member M { wrkers 2 }\n}\n", "BKR012", (2, 14), "did you mean `workers`?"),
    ("cluster A {\n  job J { backup G incremntal }\n}\n", "BKR012", (2, 20), "did you mean `incremental`?"),
    ("cluster A {\n  job J { run on M dialy 01:00 }\n}\n", "BKR012", (2, 20), "did you mean `daily`?"),
    ("cluster A {\n  job J { to dsk }\n}\n", "BKR012", (2, 14), "did you mean `disk`?"),
    ("cluster A {\n  job J { enclude minidisk * 0191 }\n}\n", "BKR012", (2, 11),
     "unknown keyword `enclude`; did you mean `exclude` or `include`?"),
    ("cluster A {\n  frobnicate 3\n}\n", "BKR012", (2, 3), "`frobnicate` is not a keyword"),
    ('cluster A {\n  description "abc\n}\n', "BKR007", (2, 15), "not closed before the end of the line"),
    ('cluster A {\n  single group G { "CICSPRD }\n  job J { backup G full }\n}\n', "BKR007", (2, 20),
     "not closed before the end of the line"),
    ("cluster A {\n  expire on M { purge weekly 03:00 }\n}\n", "BKR010", (2, 30), "`weekly` needs a day of the week"),
    # A member given to `preview` or `purge`: they run on the expire block's member.
    ("cluster A {\n  expire on DEV1 {\n    preview on DEV2 daily 05:00\n    purge daily 06:00\n  }\n}\n", "BKR012",
     (3, 13), "preview and purge both run on the member of their block, `expire on DEV1`"),
    ("cluster A {\n  expire on M { purge on M, N weekly sun 03:00 }\n}\n", "BKR012", (2, 23),
     "write `purge weekly sun 03:00` to run it on `M`"),
    ("cluster A {\n  expire on M { preview on M daily 01:00 }\n}\n", "BKR012", (2, 25),
     "`on M` is said by the block, `expire on M`"),
    # A block on several members (a local catalog): preview and purge run on each of them.
    ("cluster A {\n  expire on each member { preview on DEV2 daily 05:00 }\n}\n", "BKR012", (2, 35),
     ("preview and purge run on each member, as their block says (`expire on each member`),"
      " not on `DEV2` alone")),
    ("cluster A {\n  expire on each member { preview on DEV2 daily 05:00 }\n}\n", "BKR012", (2, 35),
     "to run it on `DEV2` alone, give it a block of its own: `expire on DEV2 { preview daily 05:00 }`"),
    ("cluster A {\n  expire on each member { purge on DEV2 daily 05:00 }\n}\n", "BKR012", (2, 33),
     "list the other members here in place of `each member`: a member purges in one block only"),
    ("cluster A {\n  expire on M, N { preview on N daily 05:00 }\n}\n", "BKR012", (2, 28),
     "preview and purge run on each member their block names (`expire on M, N`), not on `N` alone"),
    ("cluster A {\n  expire on M, N { preview on N daily 05:00 }\n}\n", "BKR012", (2, 28),
     "write `preview daily 05:00` to run it on `M` and `N`;"),
    ("cluster A {\n  expire on each member { preview on each member daily 05:00 }\n}\n", "BKR012", (2, 35),
     "preview and purge run on each member the expire block names"),
    ("cluster A {\n  expire on M { purge weekly sun }\n}\n", "BKR010", (2, 30), "a time of day (HH:MM) after `weekly sun`"),
    ("cluster A {\n  expire on M { purge monthly 1 }\n}\n", "BKR010", (2, 31), "a time of day (HH:MM) after `monthly 1`"),
    # `monthly 1,`: a `monthly` takes one day, so its `,` is said so, not "commas separate the
    # names of one list (`on VMSYS1, VMSYS2`)"; the help writes the forms of the one day, and
    # how the statement gets a second day a month (a job each; a member purges on one schedule)
    ("cluster A {\n  expire on M {\n    purge monthly 1,\n    retain 9 days\n  }\n}\n", "BKR015", (3, 20),
     "a `,` cannot follow `monthly 1`: a `monthly` schedule runs on one day of the month, not a list"),
    ("cluster A {\n  expire on M {\n    purge monthly 1,\n    retain 9 days\n  }\n}\n", "BKR015", (3, 20),
     ("`purge monthly 1 HH:MM` (the day is its number, the month's last day, `purge monthly last-day HH:MM`, or a weekday, `purge monthly first|second|third|fourth|last DAY HH:MM`)\na member has one `purge` schedule, so to purge more than once a month,"
      " purge weekly: `purge weekly DAY HH:MM`")),
    ("cluster A {\n  job J { run on M monthly 1,\n  }\n}\n", "BKR015", (2, 29),
     "for a second day a month, write a second job, the same but for its `run`: `monthly N HH:MM`"),
    ("cluster A {\n  job J { run on M monthly first sun,\n  }\n}\n", "BKR015", (2, 37),
     "a `,` cannot follow `monthly first sun`"),
    ("cluster A {\n  job J { run on M monthly 1st, 02:00 }\n}\n", "BKR015", (2, 31),
     "remove the `,`: write `monthly 1 02:00`"),
    ("cluster A {\n  expire on M { preview monthly 1, 05:00 }\n}\n", "BKR015", (2, 34),
     "for a second day a month, write a second `expire` block for the member, with `preview monthly N 05:00`"),
    # `monthly 1,15`: the same, with the second day written
    ("cluster A {\n  expire on M { purge monthly 1,15 03:00 }\n}\n", "BKR004", (2, 31),
     ("keep one day, `purge monthly 1 03:00` (its number, the month's last day, `purge monthly last-day 03:00`, or a weekday, `purge monthly first|second|third|fourth|last DAY 03:00`); a member has one `purge` schedule")),
    ("cluster A {\n  expire on M { preview monthly 1,15 05:00 }\n}\n", "BKR004", (2, 33),
     "write a second `expire` block for the member, with `preview monthly 15 05:00`"),
    # ... and weekdays after an ordinal: one error for the days, not a `,` and a time too many
    ("cluster A {\n  job J { run on M monthly first sun,sat 02:00 }\n}\n", "BKR004", (2, 28),
     "write a job for each day, the same but for its `run`: `monthly first sun 02:00` and `monthly first sat 02:00`"),
    ("cluster A {\n  expire on M { purge monthly last sat, sun\n  }\n}\n", "BKR004", (2, 31),
     "a `monthly` schedule runs on one day of the month, not on several: `last sat, sun`"),
    ("cluster A {\n  job J { run on M monthly 1,15 02:00 }\n}\n", "BKR004", (2, 28),
     ("`monthly 1 02:00` and `monthly 15 02:00` (a schedule names one day: its number, the month's last day, `monthly last-day 02:00`, or a weekday, `monthly first|second|third|fourth|last DAY 02:00`)")),
    ("cluster A {\n  job J { run on M daily }\n}\n", "BKR010", (2, 20), "a time of day (HH:MM) after `daily`"),
    ("cluster A {\n  job J { run on M daily sun 02:00 }\n}\n", "BKR004", (2, 26), "`daily` takes only a time"),
    ("cluster A {\n  job J { run on M weekly sat sun 02:00 }\n}\n", "BKR004", (2, 31), "separated by commas"),
    ("cluster A {\n  job J { run on M hourly 02:00 }\n}\n", "BKR012", (2, 20),
     "unknown schedule `hourly`; a schedule is `daily`, `weekly`, `monthly` or `manual`"),
    ("cluster A {\n  expire on M { purge fortnightly sun 03:00 }\n}\n", "BKR012", (2, 23), "unknown schedule"),
    ("cluster A {\n  job J { run on M dayly 02:00 }\n}\n", "BKR012", (2, 20), "did you mean `daily`?"),
    ("cluster A {\n  job J { run on M weekly mon, 02:00 }\n}\n", "BKR004", (2, 30),
     "this `,` makes `02:00` one more day of the week after `mon`"),
    ("cluster A {\n  single group G { A, B }\n}\n", "BKR015", (2, 21), "`,` does not separate the user IDs of group `G`"),
    ("cluster A {\n  single group APPS {\n    - LINUX01\n    - LINUX02\n  }\n}\n", "BKR004", (3, 5),
     "`single group APPS { LINUX01 LINUX02 }`"),
    ("cluster A {\n  identity group G {\n    -TCPIP\n    - match TCP*  }\n}\n", "BKR004", (3, 5),
     "separated by blanks or newlines, without `-` bullets"),
    ("cluster A {\n  job J { run on M, daily 01:00 }\n}\n", "BKR010", (2, 19),
     "expected another member name after `on M,`"),
    # `weekly sun,` at the end of its line: a day is meant after the `,`, not "another name"
    ("cluster A {\n  expire on M {\n    purge weekly sun,\n    retain 9 days\n  }\n}\n", "BKR010", (3, 21),
     "expected another day of the week after `weekly sun,`, found the end of the line"),
    ("cluster A {\n  job J { run on M weekly sat, sun,\n  }\n}\n", "BKR010", (2, 35),
     "or remove the `,` and write the time: `weekly sat, sun HH:MM`"),
    ("cluster A {\n  job J { backup G,\n    run on M daily 01:00 }\n}\n", "BKR010", (2, 19),
     "expected another group name after `backup G,`"),
    ("single user A, B,\n", "BKR010", (1, 17), "expected another user ID after `user A, B,`"),
    # `weekly sun,mon`, the time missing: the days quoted as written, with their `,`
    ("cluster A {\n  expire on M {\n    purge weekly sun,mon\n    retain 9 days\n  }\n}\n", "BKR010", (3, 22),
     "expected a time of day (HH:MM) after `weekly sun,mon`"),
    ("cluster A {\n  job J { run on M weekly sat, sun }\n}\n", "BKR010", (2, 32),
     "write a time of day (HH:MM) after `weekly sat, sun`"),
    ("cluster A {\n  job J { backup , G }\n}\n", "BKR015", (2, 18), "a `,` cannot stand before the first group"),
    ("cluster A {\n  job J {\n    backup , G\n  }\n}\n", "BKR015", (3, 12), "a `,` cannot stand before the first group"),
    ("cluster A {\n  job J { run on M N }\n}\n", "BKR004", (2, 20), "a `,` is missing between `M` and `N`"),
    ("cluster A {\n  job J { backup full G }\n}\n", "BKR004", (2, 23), "the level comes after the groups"),
    ("cluster A {\n  member M { workers: 2 }\n}\n", "BKR014", (2, 21), "`:` between a keyword and its value"),
    ("cluster A {\n  member M { workers = 2 }\n}\n", "BKR014", (2, 22), "`=` between a keyword and its value"),
    ("cluster A {\n  member: DEV1\n  workers: 2\n}\n", "BKR014", (2, 3), "write `member DEV1 { workers 2 }`"),
    ("cluster A {\n  member: DEV1\n    workers: 2\n    private-volume: P1  # hers\n}\n", "BKR014",
     (2, 3), "write `member DEV1 { workers 2  private-volume P1 }`"),
    ("cluster A {\n  member M { workers 2; }\n}\n", "BKR003", (2, 23), "`;` is not needed"),
    ("cluster A {\n  job J { backup [G] }\n}\n", "BKR003", (2, 18), "lists are written without brackets"),
    ("cluster A {\n  single group G { LÖHNE }\n}\n", "BKR003", (2, 21), "the character `Ö` cannot appear here"),
    ("cluster A {\n  single group G { A\u00a0B }\n}\n", "BKR003", (2, 21), "non-breaking space"),
    ("cluster A {\n  single group G { A\x07 }\n}\n", "BKR003", (2, 21), "control character U+0007"),
    ("cluster A {\n  single group G { A\u3000B }\n}\n", "BKR003", (2, 21), "the space U+3000 (ideographic space)"),
    ("cluster A {\n  single group G { A\u2028B }\n}\n", "BKR003", (2, 21), "the space U+2028 (line separator)"),
    ("cluster A {\n* a CMS comment\n}\n", "BKR016", (2, 1), "`*` does not start a comment"),
    ("cluster A {\n  /* REXX style */\n}\n", "BKR016", (2, 3), "`/*` does not start a comment"),
    ("cluster A {\n  // C++ style\n}\n", "BKR016", (2, 3), "`//` does not start a comment"),
    ("cluster A {\n  -- SQL style\n}\n", "BKR016", (2, 3), "`--` does not start a comment"),
    ("cluster A {\n  description 'x'\n}\n", "BKR017", (2, 15), "single quotes"),
    ("cluster A {\n  description \u201cx\u201d\n}\n", "BKR017", (2, 15), "typographic quotes"),
    ("cluster A {\n  member M { workers 2 }\n}\n}\n", "BKR006", (4, 1), "this `}` closes nothing"),
    ("cluster A {\n  job J { backup G\n  job K { backup H }\n}\n", "BKR005", (3, 3), "`{` opened at 2:9 is not closed before `job`"),
    ("cluster A {\n  member M { workers 2\n    member N { workers 2 }\n  }\n}\n", "BKR013", (3, 5), "cannot appear inside a `member` block"),
    ("cluster A {\n  import std/zvm73\n}\n", "BKR013", (2, 3), "`import` cannot appear inside a `cluster` block"),
    ("job J {\n  backup G\n}\n", "BKR013", (1, 1), "`job` can only appear inside a `cluster { ... }` block"),
    ("cluster A {\n  run on M daily 01:00\n}\n", "BKR013", (2, 3), "`run` can only appear inside a `job { ... }` block"),
    ("cluster A {\n  expire on M { hold 35 days }\n}\n", "BKR012", (2, 17), "statements in an `expire` block start with"),
    ("cluster A {\n  expire on M {\n    member N { workers 2 }\n  }\n}\n", "BKR013", (3, 5),
     "cannot appear inside an `expire` block"),
    # `exclude` fits a member block too (its single-configuration jobs); `include` does not (BKR117)
    ("cluster A {\n  exclude minidisk L* 0200-02FF\n}\n", "BKR013", (2, 3),
     "`exclude` can only appear inside a `job { ... }` or `member { ... }` block"),
    ("cluster A {\n  exclude minidisk L* 0200-02FF\n}\n", "BKR013", (2, 3),
     "in a `member` block it applies to the single-configuration jobs pinned to that member"),
    ("cluster A {\n  include minidisk L* 0200-02FF\n}\n", "BKR013", (2, 3),
     "`include` can only appear inside a `job { ... }` blockput it inside a `job NAME { ... }` block"),
    ("cluster A {\n  group G { A }\n}\n", "BKR004", (2, 3), "expected `identity` or `single` before `group`"),
    ("cluster A {\n  tape manager\n}\n", "BKR004", (2, 8), "expected `local` or `shared` after `manager`"),
    ("cluster A {\n  catalog server S\n}\n", "BKR004", (2, 3), "expected `local` or `shared` after `catalog`"),
    ("cluster A {\n  job J { include minidisk all }\n}\n", "BKR010", (2, 28), "write `include minidisk * *` for every minidisk of every owner"),
    ("cluster A {\n  job J {\n    include minidisk all\n    to disk\n  }\n}\n", "BKR010", (3, 22), "`all` was read as the owner"),
    ("cluster A {\n  catalog shared sfs P server S\n}\n", "BKR004", (2, 18), "the catalog's SFS file pool follows the word `pool`"),
    ("cluster A {\n  catalog shared server S sfs P\n}\n", "BKR004", (2, 27), "write `pool P`"),
    ("cluster A {\n  job J { run each member }\n}\n", "BKR004", (2, 11), "expected `on` after `run`"),
    ("cluster A {\n  job J { to }\n}\n", "BKR004", (2, 11), "expected `disk` or `tape` after `to`"),
    ("cluster A {\n  { member M }\n}\n", "BKR004", (2, 3), "a block starts with its keyword and name"),
    ('"text"\n', "BKR004", (1, 1), "a quoted text can only follow `description`"),
    ("cluster: PROD\nmembers:\n  - A\n", "BKR009", (1, 1), "looks like YAML"),
    ('{"cluster": "PROD"}\n', "BKR009", (1, 1), "looks like JSON"),
    ("/* REXX */\nsay 'hi'\n", "BKR009", (1, 1), "looks like a REXX program"),
    # judged after blank and comment lines, and shown there (it was 1:1, an empty line)
    ("\n\n/* REXX */\nsay 'hi'\n", "BKR009", (3, 1), "looks like a REXX program"),
    ("# notes\n\ncluster: PROD\n", "BKR009", (3, 1), "looks like YAML"),
    ("<cluster name='A'/>\n", "BKR009", (1, 1), "looks like XML"),
    ("USER BKRADMIN PASSWORD 64M 128M G\n", "BKR009", (1, 1), "looks like a CP user directory"),
    ("* BKRBKUP job template\n* generated\nConfig X\n", "BKR009", (1, 1), "looks like a CMS file"),
    # a .bkr file begun with a `*` comment, as on CMS: the comment's error and its fix, not "a CMS file"
    ("* PRODSSI backups\ncluster A {\n}\n", "BKR016", (1, 1), "`*` does not start a comment"),
    ("* PRODSSI\n* backups\n\n  IMPORT std/zvm73\n", "BKR016", (1, 1), "`*` does not start a comment"),
    ("* PRODSSI backups\n# notes\nimport std/zvm73\n", "BKR016", (1, 1), "`*` does not start a comment"),
    ("* BKRBKUP job template\nclusterfoo\n", "BKR009", (1, 1), "looks like a CMS file"),
    ("cluster A {\n  member DEV1 DEV1 { workers 2 }\n}\n", "BKR004", (2, 15), "unexpected `DEV1` after `DEV1`: one word too many"),
    ("cluster A {\n  job J { run on on each member }\n}\n", "BKR004", (2, 18), "`on` is written twice"),
    ("cluster A {\n  member M { { workers 2 }\n}\n", "BKR004", (2, 14),
     "this `{` opens nothing: the file has one `{` more than `}`"),
    # it said "one `{` more" however many there were
    ("cluster A {\n  member M { { { workers 2 }\n}\n", "BKR004", (2, 14),
     "this `{` opens nothing: the file has 2 `{` more than `}`"),
    ("{{{\n", "BKR004", (1, 1), "the file has 3 `{` more than `}`"),
    ('cluster A {\n  job "NIGHTLY" { to tape }\n}\n', "BKR004", (2, 7), "names are written without quotes: `NIGHTLY`"),
    ("import\ncluster A {\n}\n", "BKR010", (1, 1), "expected a module path after `import`, found the end of the line"),
    ("single group G { A B\nidentity group H { C }\n", "BKR005", (2, 1), "`{` opened at 1:16 is not closed before `identity`"),
    # the body empty: the statement after it is the body's first word, with no user ID before it
    ("single group G {\nidentity group H { C }\n", "BKR005", (2, 1), "`{` opened at 1:16 is not closed before `identity`"),
    ("cluster A {\n  single group G {\n  job J { backup G full }\n}\n", "BKR005", (3, 3),
     "`{` opened at 2:18 is not closed before `job`"),
    # the first line that starts with a keyword, not the last: the lines between read as user IDs
    ("cluster A {\n  identity group G {\n  disk B 191 size 1 cyl\n  disk C 191 size 1 cyl\n  job J { backup G full }\n}\n",
     "BKR005", (3, 3), "`{` opened at 2:20 is not closed before `disk`"),
    ("cluster A {\n  disk BKRBKUP 191 size 10\n}\n", "BKR010", (2, 25), "a unit (cyl) after `size 10`"),
    ("cluster A {\n  expire on M { retain days }\n}\n", "BKR010", (2, 17), "a number of days after `retain`"),
    ("cluster A {\n  identity user TCPIP role\n}\n", "BKR010", (2, 23), "a role (backup-server"),
    # Keywords run together: read as keywords where no name may stand, as a name where one may.
    ("cluster A {\n  catalog sharedserver S\n}\n", "BKR012", (2, 11),
     "unknown keyword `sharedserver`; did you mean `shared server`?"),
    ("cluster A {\n  tapemanagershared catalog-node T on M\n}\n", "BKR012", (2, 3),
     "unknown keyword `tapemanagershared`; did you mean `tape manager shared`?"),
    ("cluster A {\n  job J { run oneach member }\n}\n", "BKR012", (2, 15), "did you mean `on each`?"),
    ("cluster A {\n  expire on M { retain 35 dayspurge daily 01:00 }\n}\n", "BKR012", (2, 27),
     "did you mean `days purge`?"),
    ("cluster A {\n  job J { run on eachmember }\n}\n", "BKR012", (2, 18),
     "unknown keyword `eachmember`; did you mean `each member`?"),
    ("cluster A {\n  job J { include minidisk * 0191\n    todisk pool P }\n}\n", "BKR012", (3, 5),
     "did you mean `to disk`?"),
    ("single user A\nsinglegroup G { B }\n", "BKR012", (2, 1), "did you mean `single group`?"),
    ("cluster A {\n  shared-volume V\n  catalogshared server S\n}\n", "BKR012", (3, 3),
     "did you mean `catalog shared`?"),
    ("cluster A {\n  catalog sharedserv S\n}\n", "BKR012", (2, 11), "did you mean `shared server`?"),
    ("cluster A {\n  job J { run on EACHMEM daily 01:00 }\n}\n", "BKR012", (2, 18),
     "did you mean `EACH MEMBER`?"),
    ("cluster A {\n  catalog sharedserverBKRSVSFS\n}\n", "BKR012", (2, 11),
     "did you mean `shared server BKRSVSFS`?"),
    ("cluster A {\n  catalog shared poolBKRPOOL\n}\n", "BKR012", (2, 18), "did you mean `pool BKRPOOL`?"),
    ("cluster A {\n  job J { run onVMSYS1 }\n}\n", "BKR012", (2, 15), "did you mean `on VMSYS1`?"),
    # A name and the keyword after it, in small letters, where the line reads on only so.
    ("cluster A {\n  catalog shared server BKRSVSFSpool P on M\n}\n", "BKR012", (2, 25),
     "`BKRSVSFSpool` is a name and a keyword run together; did you mean `BKRSVSFS pool`?"),
    # A keyword and its value, where a name is read but cannot stand, or after a hyphenated keyword.
    ("cluster A {\n  job J { run on M daily01:00 }\n}\n", "BKR012", (2, 20),
     "unknown keyword `daily01:00`; did you mean `daily 01:00`?"),
    ("identity user BKRWRK* roleworker\n", "BKR012", (1, 23), "did you mean `role worker`?"),
    ("cluster A {\n  member M { private-volume V job-suffixC }\n}\n", "BKR012", (2, 31),
     "did you mean `job-suffix C`?"),
    # A hyphenated keyword without its hyphen: one word, or two, where the keyword fits.
    ("cluster A {\n  member M { private-volume V jobsuffix C }\n}\n", "BKR012", (2, 31),
     "unknown keyword `jobsuffix`; did you mean `job-suffix`?"),
    ("cluster A {\n  member M { private-volume V job_suffix C }\n}\n", "BKR012", (2, 31),
     "unknown keyword `job_suffix`; did you mean `job-suffix`?"),
    ("cluster A {\n  member M { private volume V }\n}\n", "BKR012", (2, 14),
     "unknown keyword `private volume`; did you mean `private-volume`?"),
    ("cluster A {\n  member M { workers 2 job suffix C }\n}\n", "BKR012", (2, 24),
     "unknown keyword `job suffix`; did you mean `job-suffix`?"),
    ("cluster A {\n  shared volume V\n}\n", "BKR012", (2, 3), "did you mean `shared-volume`?"),
    ("cluster A {\n  shared-volume V shared volume W\n}\n", "BKR012", (2, 19), "did you mean `shared-volume`?"),
    ("cluster A {\n  tape manager shared catalog node T on M\n}\n", "BKR012", (2, 23),
     "unknown keyword `catalog node`; did you mean `catalog-node`?"),
    ("cluster A {\n  tape manager shared catalognode T on M\n}\n", "BKR012", (2, 23),
     "unknown keyword `catalognode`; did you mean `catalog-node`?"),
    ("cluster A {\n  tape manager shared catalogn-ode T on M\n}\n", "BKR012", (2, 23),
     "unknown keyword `catalogn-ode`; did you mean `catalog-node`?"),
    ("cluster A {\n  tape manager shared catalog-node T on M request dmm D\n}\n", "BKR012", (2, 43),
     "unknown keyword `request dmm`; did you mean `request-dmm`?"),
    # A hyphenated keyword, with or without its hyphen, where it does not belong.
    ("cluster A {\n  job suffix C\n}\n", "BKR013", (2, 3),
     "looks like `job-suffix` without its hyphen, but `job-suffix` cannot appear in a `cluster` block"),
    ("cluster A {\n  jobsuffix C\n}\n", "BKR013", (2, 3),
     "`jobsuffix` looks like `job-suffix` without its hyphen"),
    ("cluster A {\n  job-suffix C\n}\n", "BKR013", (2, 3), "`job-suffix` cannot appear in a `cluster` block"),
    ("jobsuffix C\n", "BKR013", (1, 1), "`job-suffix` cannot appear in the top level of a file"),
    ("cluster A {\n  member M { shared volume V }\n}\n", "BKR013", (2, 14),
     "`shared-volume` cannot appear in a `member` block"),
    ("cluster A {\n  shared-volume V private volume W\n}\n", "BKR013", (2, 19),
     "`private-volume` cannot appear in a `cluster` block"),
    ("cluster A {\n  shared-volume V jobsuffix C\n}\n", "BKR013", (2, 19),
     "`job-suffix` cannot appear in a `cluster` block"),
    ("cluster A {\n  catalog node T on M\n}\n", "BKR013", (2, 3),
     "`catalog-node` cannot appear in a `cluster` block outside `tape manager`"),
    ("cluster A {\n  member M { request_dmm D }\n}\n", "BKR013", (2, 14),
     "`request_dmm` looks like `request-dmm` without its hyphen, but `request-dmm` cannot appear in a"),
    ("cluster A {\n  job J { backup G job suffix C }\n}\n", "BKR013", (2, 20),
     "`job-suffix` cannot appear in a `job` block"),
    # One word after a whole statement.
    ("cluster A {\n  member M { workers 2 2 }\n}\n", "BKR004", (2, 24),
     "one word too many: the `workers` statement ends with `2`, and `2` starts no statement"),
    ("cluster A {\n  job J { backup G full now }\n}\n", "BKR004", (2, 25),
     "the `backup` statement ends with `full`, and `now` starts no statement"),
    ("cluster A {\n  catalog shared server S on M1 M2\n}\n", "BKR004", (2, 33),
     "the `catalog` statement ends with `M1`, and `M2` starts no statement"),
    ("single user A role admin x\n", "BKR004", (1, 26), "the `single user` statement ends with `admin`"),
    ("cluster A {\n  job J { run on &SYSNAME daily 02:00 }\n}\n", "BKR003", (2, 18), "no `&` variables"),
    ("cluster A {\n  member M { exclude minidisk 0192 }\n}\n", "BKR010", (2, 31), "`minidisk * 0192`"),
    ("cluster A {\n  member M workers=4 private-volume=P1\n}\n", "BKR014", (2, 12),
     "`member M { workers 4  private-volume P1 }`"),
    ("cluster A {\n  member M slot 1 { workers 4 }\n}\n", "BKR004", (2, 12), "`slot 1` cannot stand between"),
    ('import "std/zvm73"\n', "BKR004", (1, 8), "write `import std/zvm73`"),
    ("cluster A {\n  job J { include minidisk * 0100\u20130FFF }\n}\n", "BKR003", (2, 34), "write `-`"),
    ("cluster A {\n  job J { run on M weekly sat/sun 22:00 }\n}\n", "BKR003", (2, 30), "`sat,sun`"),
    ("cluster A {\n  member M { workers 1 }\n  retain 30 days\n}\n", "BKR013", (3, 3),
     "put it inside an `expire on MEMBER { ... }` block"),
    # A keyword abbreviated, as CP commands may be: the one keyword it abbreviates.
    ("cluster A {\n  job J { backup G incr }\n}\n", "BKR012", (2, 20), "did you mean `incremental`?"),
    ('cluster A {\n  member M { desc "x" }\n}\n', "BKR012", (2, 14), "did you mean `description`?"),
    # A word that abbreviates two keywords: the one that reads on, else both named.
    ("cluster A {\n  job J { backup G inc }\n}\n", "BKR012", (2, 20),
     "only `incremental` fits before `}`"),
    ("cluster A {\n  job J { backup G inc minidisk * 0191 }\n}\n", "BKR012", (2, 20),
     "only `include` fits before `minidisk`"),
    ("cluster A {\n  job J { backup G inc, H }\n}\n", "BKR012", (2, 20),
     "`inc` is ambiguous: it abbreviates `include` and `incremental`"),
    # A misspelt keyword that ends its statement: one error says the keyword and what follows it.
    ("cluster A {\n  job J { inc }\n}\n", "BKR012", (2, 11),
     "write `include` followed by `minidisk` or `sfs`: the statement ends after `inc`"),
    ("cluster A {\n  job J {\n    desc\n    to tape\n  }\n}\n", "BKR012", (3, 5),
     'write `description` followed by a quoted text ("...")'),
    ("cluster A {\n  job J { run on M dai }\n}\n", "BKR012", (2, 20),
     "write `daily` followed by a time of day (HH:MM)"),
    # Lines copied from a CP directory or a job template: the help gives the statement.
    ("cluster A {\n  USER LINUX01 LBYONLY 512M 2G G\n}\n", "BKR012", (2, 3), "`single user LINUX01`"),
    ("cluster A {\n  IDENTITY BKRBKUP X 64M 128M BG\n}\n", "BKR012", (2, 3), "`identity user BKRBKUP`"),
    ("cluster A {\n  MDISK 0191 3390 1000 10 VMCOM1 MR\n}\n", "BKR012", (2, 3),
     "`disk USERID 0191 size 10 cyl on VMCOM1 at 1000`"),
    ("cluster A {\n  SUBCONFIG BKRBUP-1\n}\n", "BKR012", (2, 3), "bkrc writes the BUILD ON statements"),
    ("cluster A {\n  job J {\n    INCLUDE MINIDISK LNX* = 0100 - 0FFF\n  }\n}\n", "BKR014", (3, 5),
     "`include minidisk LNX* 0100-0FFF`"),
    # the job's own name said (h5, stop 64: was "the name in `job NAME {`", for any setting)
    ("cluster A {\n  job J {\n    CONFIG BKR_Job_Name = J\n  }\n}\n", "BKR014", (3, 5), "`job J {` already"),
    # a setting no .bkr statement says: removed, the job's own lines named (h2, stop 66: was
    # "say it in the job block: the name in `job NAME {`, ...")
    ("cluster A {\n  job J {\n    CONFIG BKR_Job_Verbose = Yes\n  }\n}\n", "BKR014", (3, 5),
     "no `BKR_Job_Verbose` setting; bkrc writes the template's settings from the job's own lines (`job J {`)"),
]
# fmt: on


@pytest.mark.parametrize(("text", "code", "where", "words"), MESSAGES, ids=[m[3][:40] for m in MESSAGES])
def test_message_catalogue(text, code, where, words):
    d = one(text)
    assert (d.code, (d.span.line, d.span.column)) == (code, where), d.message
    assert words in d.message + d.help
    assert d.help


def test_a_brace_after_a_whole_statement_that_reads_on_is_one_error():
    # `to disk` is whole; Lark would close the job at the `}` and find `pool` out of place.
    text = "cluster A {\n  job J {\n    to disk } pool P\n    run on M daily 01:00\n  }\n}\n"
    d = one(text)
    assert (d.code, d.span.line, d.span.column) == ("BKR006", 3, 13)
    assert d.fix is not None and d.fix.title == "Remove the `}`"
    # Two `}` too many: which goes is not certain, so no fix, but still one error each.
    found = diagnose(text + "}\n")
    assert [(f.code, f.span.line) for f in found] == [("BKR006", 3), ("BKR006", 7)]
    assert found[0].fix is None


def test_a_brace_too_many_with_no_word_after_it_is_no_internal_error():
    # Found by test_damaged_examples in CI: a control character after a `}` too many
    # left the brace check with no word to look at (IndexError).
    found = diagnose("cluster P \n  member V1 { workers 4 }\x1b\n  member V2 { workers 4 }\n}\n")
    assert found and all(d.code.startswith("BKR") for d in found)


def test_keywords_run_together_are_mended_by_inserting_the_blank_only():
    # Found by test_damaged_examples: `includeminidisk#` was rewritten whole, and its
    # `#`, which starts a comment once the blank is in, was inside the fix's edit.
    text = "cluster C {\n  job J {\n    includeminidisk# * 0191\n  }\n}\n"
    found = [d for d in diagnose(text) if d.fix is not None]
    assert [d.code for d in found] == ["BKR012"]
    (edit,) = found[0].fix.edits
    at = text.index("minidisk")
    assert (edit.span.start, edit.span.end, edit.new_text) == (at, at, " ")


def test_a_stray_brace_is_one_error_and_later_errors_are_still_found():
    # The issue's case: an extra `}` closes the cluster early; `member` lands outside.
    text = (
        "cluster PRODSSI {\n"
        "  member VMSYS1 { workers 4 } }\n"
        "  member VMSYS2 { workers 4 }\n"
        "  job APPSFULL {\n"
        "    backup APPS full\n"
        "    run on\n"
        "  }\n"
        "  jbo SYSIN { backup SYSIDS }\n"
        "}\n"
    )
    found = diagnose(text)
    assert [(d.code, d.span.line) for d in found] == [("BKR013", 3), ("BKR010", 6), ("BKR012", 8)]
    misplaced = found[0]
    assert misplaced.message == "`member` can only appear inside a `cluster { ... }` block"
    (related,) = misplaced.related
    assert (related.span.line, related.span.column) == (2, 31)  # the `}` that closed the cluster
    assert "`cluster PRODSSI` was closed here" == related.label
    assert "one too many" in misplaced.help


def test_a_statement_after_its_block_closed_early_reopens_that_block():
    text = "cluster A {\n  job J {\n    backup G\n  }\n    run on M daily 01:00\n    to tape\n  }\n}\n"
    d = one(text)
    assert d.code == "BKR013" and "`job { ... }`" in d.message
    assert d.related[0].label == "`job J` was closed here"


def test_reopened_blocks_do_not_leave_a_brace_unclosed_at_the_end():
    # `run` outside its job, with balanced braces: no "never closed" at the end.
    d = one("cluster A {\n  job J { backup G }\n  run on M daily 01:00\n}\n")
    assert d.code == "BKR013"


def test_each_error_is_reported_once_however_long_the_run():
    assert [d.code for d in diagnose("cluster A {}\n" + "}" * 50 + "\n")] == ["BKR006"]
    assert [d.code for d in diagnose("cluster A { single group G { A" + ", " * 50 + "B } }\n")] == ["BKR015"]
    assert [d.code for d in diagnose("cluster A {\n" + "{" * 50 + "\n}\n")] == ["BKR004"]
    assert [d.code for d in diagnose("cluster A {\n  member M { workers ;;;;;;;; 2 }\n}\n")] == ["BKR003"]


@pytest.mark.parametrize(
    "slip",
    ["workers: 2", "workers = 2", "workers 2;", "workers ,2"],
)
def test_the_same_slip_in_statements_alike_is_reported_in_each(slip):
    # The parser stands in the same states at the third slip as at the second: only
    # the words read between them tell a new mistake from a cascade (the third and
    # later were dropped, unsaid and uncounted, so BKR008 never told of them either).
    text = "cluster A {\n" + "".join(f"  member M{n} {{ {slip} }}\n" for n in range(4)) + "}\n"
    assert [d.span.line for d in diagnose(text)] == [2, 3, 4, 5]


@pytest.mark.parametrize(
    "names",
    [
        "VMSYS1 daily 01:00 " + "CICSPRD " * 300,  # names after the schedule: no `,` mends them
        "VMSYS1 VMSYS2 " + "CICSPRD " * 300 + "daily 01:00",  # one run, then each name written twice
    ],
    ids=["after-the-schedule", "written-twice"],
)
def test_the_words_of_a_long_line_without_commas_are_weighed_once(monkeypatch, names):
    """Whether a word of a list without its `,` is a misspelt keyword is asked about
    the run once when a `,` is assumed: not for each re-reading the recovery tries
    (1,198 times for these 303 words), nor again for each name of the run written
    twice, whose `,`s were said missing already (5,812 times). A line of 2,000 such
    words took 25 seconds to check."""
    from bkrdsl.syntax import messages

    asked = []
    spelled = messages.did_you_mean
    monkeypatch.setattr(messages, "did_you_mean", lambda word, *a, **k: asked.append(word) or spelled(word, *a, **k))
    diagnose(f"cluster A {{\n  job J {{\n    backup G full\n    run on {names}\n  }}\n}}\n")
    assert len(asked) <= 2 * len(names.split())


@pytest.mark.parametrize(
    "template",
    ["cluster A {{\n  job J {{\n    backup G full\n    run on VM1 VM2 {names}\n  }}\n}}\n", "identity user {names}\n"],
    ids=["run-on", "identity-user"],
)
def test_a_long_line_of_names_costs_each_word_one_look_up(monkeypatch, template):
    """Each more name on a line without commas costs at most three look-ups among the
    keywords and no slip counting: the recovery's phrase end read the rest of the line
    at each error (a hundred errors, each the line's words again), and did_you_mean
    counted the slips between each name and some thirty keywords. 8,000 names took
    15.8 seconds to check (docs/performance.md)."""
    from bkrdsl.syntax import messages, recovery

    facts, asked, slips = recovery.grammar_facts, Counter(), Counter()

    class Counting(dict):
        def get(self, key, default=None):
            asked[key] += 1
            return super().get(key, default)

    def counted_facts(lark):
        real = facts(lark)
        return recovery.GrammarFacts(Counting(real.keywords), real.texts)

    monkeypatch.setattr(recovery, "grammar_facts", counted_facts)
    counted_slips = messages.typing_slips
    monkeypatch.setattr(messages, "typing_slips", lambda *a: slips.update(["counted"]) or counted_slips(*a))

    def cost(count: int) -> tuple[int, int, list[str]]:
        asked.clear()
        slips.clear()
        messages._closest_among.cache_clear()  # each word's slips counted afresh
        names = " ".join(f"U{i}X" for i in range(count))
        codes = [d.code for d in diagnose(template.format(names=names))]
        return sum(asked.values()), slips["counted"], codes

    asked_500, slips_500, codes_500 = cost(500)
    asked_2000, slips_2000, codes_2000 = cost(2000)
    assert codes_2000 == codes_500
    # 151,500 more before (each name a hundred times). Three at most per name: each is
    # read, its `,` assumed (Recovery.comma_assumed), and the lexer's NAME hook looks it
    # up twice (name_token, statement_after_reopened_group), the line's scan once
    # (_phrase_stops); until stop 65 the names after the 101st were a second error
    # and skipped unread, so one sufficed
    assert asked_2000 - asked_500 <= 3 * 1500
    assert slips_2000 == slips_500  # 46,000 more before (`identity user`)


def test_more_than_the_cap_ends_with_one_count_line():
    text = "cluster A {\n" + "  member { workers 2 }\n" * (MAX_REPORTED + 10) + "}\n"
    found = diagnose(text)
    assert len(found) == MAX_REPORTED + 1
    assert all(d.code == "BKR010" for d in found[:MAX_REPORTED])
    summary = found[-1]
    assert summary.code == codes.TOO_MANY.code
    assert summary.message == "10 more syntax errors not shown"
    assert summary.span.line == MAX_REPORTED + 2  # where the first hidden error is


def test_a_file_that_mostly_does_not_parse_stops_with_a_line_number():
    text = "cluster A {\n job J {\n" + ("run on , ; " * 10 + "\n") * 150 + "}\n}\n"
    found = diagnose(text)
    assert len(found) == MAX_REPORTED + 1
    assert found[-1].code == codes.TOO_MANY.code
    assert found[-1].message.startswith(f"stopped reading at line {found[-1].span.line}: ")
    assert "more syntax errors not shown" in found[-1].message


def test_words_spelled_like_keywords_are_still_names_in_group_bodies_and_lists():
    text = "single group G {\n  RUN\n  JOB\n  match MEMBER*\n}\nsingle user ON, EACH\ncluster JOB {\n  member RUN { workers 2 }\n}\n"
    assert diagnose(text) == []


def test_keywords_run_together_are_read_as_the_keywords_meant():
    """After the error, the rest of the file reads as if the blank were there."""
    text = (
        "single user A\n"
        "singlegroup G { B }\n"
        "cluster C {\n"
        "  catalog sharedserv S pool P\n"
        "  job J {\n"
        "    include minidisk * 0191\n"
        "    excludeminidisk * 0190\n"
        "    run on eachmember daily 01:00\n"
        "  }\n"
        "}\n"
    )
    result = parse(Source.of("t.bkr", text))
    assert [(d.span.line, d.span.column) for d in result.diagnostics] == [(2, 1), (4, 11), (7, 5), (8, 12)]
    assert all(d.help.startswith("write `") for d in result.diagnostics)
    module = build(result)
    assert [g.name.text for g in module.groups] == ["G"]
    (cluster,) = module.clusters
    (catalog,) = cluster.catalogs
    assert catalog.scope.value == "shared"
    assert [w.text for w in catalog.server + catalog.pool] == ["S", "P"]
    (job,) = cluster.jobs
    assert [s.action.value for s in job.selections] == ["include", "exclude"]
    assert job.runs[0].placement.each_member and job.runs[0].schedule.frequency == "daily"


@pytest.mark.parametrize(
    ("text", "help_text"),
    [
        ("cluster A {\n  catalog sharedserver S\n}\n",
         "write `shared server`: a keyword ends at a blank, so two keywords need one between them"),
        ("cluster A {\n  job J { run on M daily01:00 }\n}\n",
         "write `daily 01:00`: a keyword ends at a blank"),
    ],
)
def test_keywords_run_together_say_what_to_write(text, help_text):
    assert one(text).help == help_text


@pytest.mark.parametrize(
    ("text", "help_text"),
    [
        ("cluster A {\n  member M { workers 2 2 }\n}\n", "remove `2`: write `workers 2`"),
        ("cluster A {\n  catalog shared server S on M1 M2\n}\n",
         "remove `M2`, as `on` takes one value: write `catalog shared server S on M1`"),
        ("cluster A {\n  job J { backup G, H full now }\n}\n",
         ("remove `now`: write `backup G, H full`; to back it up as well, list it before the level:"
          " `backup G, H, now full`")),
        ("cluster A {\n  member M { job suffix C }\n}\n", "write `job-suffix`: one word, with a hyphen"),
    ],
)
def test_a_word_too_many_or_a_missing_hyphen_says_what_to_write(text, help_text):
    assert one(text).help == help_text


@pytest.mark.parametrize(
    ("text", "help_text"),
    [
        ("cluster A {\n  job suffix C\n}\n",
         "write `job-suffix`, one word with a hyphen, in a `member` block: `member MEMBER { job-suffix C }`"),
        ("cluster A {\n  member M { private-volume V sharedvolume W }\n}\n",
         ("write `shared-volume`, one word with a hyphen, directly inside `cluster NAME { ... }`:"
          " `shared-volume VMCOM1`")),
        ("cluster A {\n  member M { catalog-node T on M }\n}\n",
         ("`catalog-node` belongs in the `tape manager` statement:"
          " `tape manager shared catalog-node TCTMM on M`")),
        # Two volume labels or the keyword, both read on: the help says how to list such labels.
        ("cluster A {\n  member M { private-volume V job suffix C }\n}\n",
         ("write `job-suffix`: one word, with a hyphen. If `JOB` and `SUFFIX` are volume labels, list them"
          " first, right after `private-volume`, where no keyword can stand: `private-volume JOB SUFFIX V C`")),
        ("cluster A {\n  shared-volume V shared volume W\n}\n",
         ("write `shared-volume`: one word, with a hyphen. If `SHARED` and `VOLUME` are volume labels, list"
          " them first, right after `shared-volume`, where no keyword can stand:"
          " `shared-volume SHARED VOLUME V W`")),
    ],
)
def test_a_misplaced_hyphenated_keyword_says_where_it_belongs(text, help_text):
    assert one(text).help == help_text


def test_a_hyphen_left_out_after_volume_labels_is_fixed_where_the_words_are_no_labels():
    # `job suffix C` after a member's volume labels: in small letters, as no volume label
    # is written (BKR021), the keyword is the clear reading, and the fix writes its hyphen
    # (there was none, so the editor offered no quick fix); `JOB SUFFIX C`, in capitals,
    # may be three labels: no fix, the help says how to list such labels.
    d = one("cluster A {\n  member M { private-volume V job suffix C }\n}\n")
    assert d.fix is not None and d.fix.title == "Write `job-suffix`"
    assert [(e.span.column, e.span.end_column, e.new_text) for e in d.fix.edits] == [(31, 41, "job-suffix")]
    assert one("cluster A {\n  member M { private-volume V JOB SUFFIX C }\n}\n").fix is None


@pytest.mark.parametrize(
    ("text", "example"),
    [
        # The file's first member, declared above (VMSYS1 was made up: a cluster may have none such).
        (("cluster A {\n  member ZA { workers 2 }\n  member ZB { workers 2 }\n  job J {\n    to tape\n"
          "    catalog-node TCTMM on ZB\n  }\n}\n"), "`tape manager shared catalog-node TCTMM on ZA`"),
        ("cluster A {\n  member ZA { workers 2 }\n  catalog-dmm TCDMM\n}\n", "catalog-node TCTMM on ZA"),
        ("cluster A {\n  member ZA { workers 2 }\n  job suffix C\n}\n", "`member ZA { job-suffix C }`"),
        # None read yet: a member by its placeholder, none made up.
        ("cluster A {\n  catalog-node TCTMM on ZA\n  member ZA { workers 2 }\n}\n",
         "`tape manager shared catalog-node TCTMM on MEMBER`"),
    ],
)
def test_a_misplaced_hyphenated_keyword_s_example_names_the_file_s_first_member(text, example):
    """BKR013's help for a misplaced `catalog-node` (`tape manager`'s options,
    `job-suffix`, `private-volume`) wrote `on VMSYS1` whatever the cluster's members:
    it names the first member read before it, or `MEMBER`."""
    (d,) = parse(Source.of("t.bkr", text)).diagnostics
    assert d.code == "BKR013" and example in d.help, d.help
    assert "VMSYS" not in d.help


def test_a_misplaced_hyphenated_keyword_is_skipped_with_its_values():
    text = (
        "cluster A {\n"
        "  job suffix C\n"
        "  jobsuffix D\n"
        "  member M { workers 2  catalog node T on M  private volume V }\n"
        "  shared-volume W private volume X\n"
        "}\n"
    )
    result = parse(Source.of("t.bkr", text))
    assert [(d.code, d.span.line, d.span.column) for d in result.diagnostics] == [
        ("BKR013", 2, 3),
        ("BKR013", 3, 3),
        ("BKR013", 4, 25),
        ("BKR012", 4, 46),
        ("BKR013", 5, 19),
    ]
    (cluster,) = build(result).clusters
    (member,) = cluster.members
    assert [(s.keyword, [w.text for w in s.values]) for s in member.settings] == [
        ("workers", ["2"]),
        ("private-volume", ["V"]),
    ]
    assert [[w.text for w in s.values] for s in cluster.settings if s.keyword == "shared-volume"] == [["W"]]


@pytest.mark.parametrize(
    "text",
    [
        # A list of volume labels that reads on only as labels: no keyword ends so.
        "cluster A {\n  member M { private-volume V SHARED VOLUME }\n}\n",
        "cluster A {\n  member M { private-volume V JOB SUFFIX }\n}\n",
        "cluster A {\n  member M { private-volume V JOB SUFFIX\n    workers 2 }\n}\n",
        "cluster A {\n  member M { private-volume V JOB SUFFIX C D }\n}\n",
        "cluster A {\n  shared-volume V SHARED VOLUME\n  member M { workers 2 }\n}\n",
        "cluster A {\n  shared-volume V shared volume\n}\n",
        # ... or where the keyword does not belong.
        "cluster A {\n  member M { private-volume V SHARED VOLUME W }\n}\n",
        # ... or first in the list, where no keyword can stand.
        "cluster A {\n  member M { private-volume JOB SUFFIX V C }\n}\n",
        "cluster A {\n  shared-volume SHARED VOLUME V W\n}\n",
        # A job called SUFFIX; user IDs in a group body; a DMM called CATALOG-DMM.
        "cluster A {\n  job suffix { backup G }\n}\n",
        "single group G { JOB SUFFIX SHARED VOLUME CATALOG NODE JOBSUFFIX }\n",
        "cluster A {\n  tape manager shared request-dmm catalog-dmm\n}\n",
    ],
)
def test_names_that_spell_a_hyphenated_keyword_without_its_hyphen_are_names(text):
    assert diagnose(text) == []


def test_volume_labels_that_spell_a_hyphenated_keyword_are_read_as_labels():
    text = "cluster A {\n  member M { private-volume V JOB SUFFIX }\n  shared-volume W SHARED VOLUME\n}\n"
    result = parse(Source.of("t.bkr", text))
    assert result.diagnostics == []
    (cluster,) = build(result).clusters
    assert [[w.upper for w in s.values] for s in cluster.members[0].settings] == [["V", "JOB", "SUFFIX"]]
    volumes = [[w.upper for w in s.values] for s in cluster.settings if s.keyword == "shared-volume"]
    assert volumes == [["W", "SHARED", "VOLUME"]]


def test_a_last_volume_label_that_spells_a_keyword_is_read_as_a_label():
    # The lexer reads `JOB` as the keyword; a `}`, the end of the file or a statement
    # on the next line shows the list ends there, so it is the last label.
    text = (
        "cluster A {\n"
        "  member M { private-volume V JOB }\n"
        "  member N { private-volume W disk\n    workers 2 }\n"
        "  shared-volume X MEMBER\n"
        "  shared-volume Y JOB\n"
        "  catalog shared server S pool P\n"
        "  shared-volume Z JOB\n"
        "  job J { to tape }\n"
        "}\n"
    )
    result = parse(Source.of("t.bkr", text))
    assert result.diagnostics == []
    (cluster,) = build(result).clusters
    assert [[w.upper for w in s.values] for s in cluster.members[0].settings] == [["V", "JOB"]]
    assert [[w.upper for w in s.values] for s in cluster.members[1].settings] == [["W", "DISK"], ["2"]]
    volumes = [[w.upper for w in s.values] for s in cluster.settings if s.keyword == "shared-volume"]
    assert volumes == [["X", "MEMBER"], ["Y", "JOB"], ["Z", "JOB"]]
    assert [job.name.upper for job in cluster.jobs] == ["J"]


def test_a_last_volume_label_before_a_misplaced_statement_is_a_label_and_the_statement_one_error():
    # `job-suffix C` belongs in a member block: the line still ends the list, so `JOB`
    # is the last label, not a job named `C`; the one slip is the misplaced line.
    text = "cluster A {\n  shared-volume V JOB\n  job-suffix C\n  catalog shared server S pool P\n}\n"
    d = one(text)
    assert (d.code, d.span.line, d.span.column) == ("BKR013", 3, 3)
    assert "`job-suffix` cannot appear in a `cluster` block" in d.message
    assert "member" in d.help


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a word follows on the line: `JOB X` may be the start of a misplaced statement
        ("cluster A {\n  member M { private-volume V JOB X }\n}\n", "BKR013"),
        # too long for a volume label
        ("cluster A {\n  member M { private-volume V workers }\n}\n", "BKR010"),
        # `job` alone on its line, where a job may start: a job without its name
        ("cluster A {\n  shared-volume V\n  job\n  catalog shared server S pool P\n}\n", "BKR010"),
    ],
)
def test_a_keyword_after_volume_labels_stays_a_keyword_when_not_surely_a_label(text, code):
    assert [d.code for d in diagnose(text)] == [code]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("brace", [" }", "\n  }"], ids=["brace-on-the-line", "brace-on-the-next"])
def test_a_closing_brace_on_a_line_read_as_labels_ends_the_list_and_is_no_word_of_it(monkeypatch, parser, brace):
    # `retain 30 days }` under a volume list: every word before the `}` could be a
    # label, so the line is three more labels (BKR021 warns), as with the `}` on
    # the next line; the `}` once counted as a word no label could be, and the
    # line was a misplaced `retain` (BKR013). The same in a group body and in the
    # cluster block's `shared-volume` list.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = (
        "cluster A {\n"
        "  member M { workers 2\n    private-volume V\n    retain 30 days" + brace + "\n"
        "  single group G { CICSPRD\n    identity user FOO" + brace + "\n"
        "  shared-volume W\n  purge manual" + brace.replace("  ", "") + "\n"
    )
    module, found = read_module(Source.of("t.bkr", text))
    assert found == []
    (cluster,) = module.clusters
    assert [[w.upper for w in s.values] for s in cluster.members[0].settings] == [["2"], ["V", "RETAIN", "30", "DAYS"]]
    assert [e.word.upper for e in cluster.groups[0].entries] == ["CICSPRD", "IDENTITY", "USER", "FOO"]
    volumes = [[w.upper for w in s.values] for s in cluster.settings if s.keyword == "shared-volume"]
    assert volumes == [["W", "PURGE", "MANUAL"]]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("run", "found", "labels"),
    [
        ("retain 30 days", [], ["V", "RETAIN", "30", "DAYS"]),  # every word a label: BKR021 (the checker)
        ("preview daily 01:00", [("BKR013", 4, 5)], ["V"]),  # `01:00` is no label: a misplaced statement
    ],
    ids=["labels", "misplaced"],
)
def test_a_line_that_ends_a_block_after_a_list_and_starts_the_next_reads_the_next_normally(
    monkeypatch, parser, run, found, labels
):
    # `retain 30 days } member X { ... }`: the `}` ends the list and the member block,
    # and `member X { ... }` after it on the line is read as it would be on a line of
    # its own. Only the words before the `}` are weighed as labels (reads_elsewhere),
    # never the next block's: `retain 30 days` is three more labels, `preview daily
    # 01:00` one error (BKR013) and nothing more. The same after a group body's IDs.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = (
        "cluster A {\n"
        "  member M { workers 2\n    private-volume V\n    " + run + " } member X { workers 2 private-volume X1 }\n"
        "  single group G { CICSPRD\n    identity user FOO } single group B { X2 }\n"
        "}\n"
    )
    module, diagnostics = read_module(Source.of("t.bkr", text))
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics] == found
    (cluster,) = module.clusters
    members = [(m.name.text, [[w.upper for w in s.values] for s in m.settings]) for m in cluster.members]
    assert members == [("M", [["2"], labels]), ("X", [["2"], ["X1"]])]
    groups = [(g.name.text, [e.word.upper for e in g.entries]) for g in cluster.groups]
    assert groups == [("G", ["CICSPRD", "IDENTITY", "USER", "FOO"]), ("B", ["X2"])]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_bkr021_marks_the_labels_before_the_brace_and_not_the_next_block(monkeypatch, parser):
    # The whole front end on the case above (a cluster that checks clean otherwise):
    # BKR021 at `retain`, its run `retain 30 days` alone; member X, after the `}` on
    # the line, is a member like any other (its volume X1, no warning).
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = (ROOT / "examples" / "minimal.bkr").read_text()
    assert "  member DEV2 { workers 2  private-volume D2PRV1 }\n" in text
    text = text.replace(
        "  member DEV2 { workers 2  private-volume D2PRV1 }\n",
        "  member DEV2 { workers 2\n    private-volume D2PRV1\n    retain 30 days }"
        " member DEV3 { workers 2 private-volume D3PRV1 }\n",
    )
    analysis = analyse("t.bkr", text.encode())
    warnings = [(d.code, d.span.line, d.span.column, d.span.end_column) for d in analysis.diagnostics]
    line = text.splitlines().index("    retain 30 days } member DEV3 { workers 2 private-volume D3PRV1 }") + 1
    assert ("BKR021", line, 5, 11) in warnings
    bkr021 = next(d for d in analysis.diagnostics if d.code == "BKR021")
    assert "`retain 30 days` is read as 3 more volumes of member `DEV2`" in bkr021.message
    assert [m.name for m in analysis.model.members] == ["DEV1", "DEV2", "DEV3"]


@pytest.mark.parametrize(
    ("text", "on_one_line"),
    [
        (
            "cluster A {\n  shared-volume V run\n  import catalog local\n}\n",
            "cluster A {\n  shared-volume V run import catalog local\n}\n",
        ),
        (
            "cluster A {\n  member M { private-volume V JOB\n    cluster B }\n}\n",
            "cluster A {\n  member M { private-volume V JOB cluster B }\n}\n",
        ),
    ],
)
def test_a_keyword_before_a_word_the_list_reads_on_with_is_read_as_on_one_line(text, on_one_line):
    # `import` and `cluster` start no statement of a block: on the line after a list
    # they are one more label, so the word before them is not the last label but
    # the keyword, as when the two lines are one, which is how `bkrc fmt` writes
    # them (it wrote `shared-volume V RUN IMPORT`, which then read otherwise: an
    # internal error; found by `.ci/explore 103`).
    # (what each found after `run`: the end of its line on two, `import` on one)
    found = [(d.code, d.message.rsplit(", found ", 1)[0]) for d in diagnose(text)]
    assert found and found == [(d.code, d.message.rsplit(", found ", 1)[0]) for d in diagnose(on_one_line)]
    assert format_source(Source.of("t.bkr", text)).text is None  # refused, with those errors


def test_each_hyphenated_keyword_has_its_place_and_an_example_that_parses():
    hyphenated = {word for word in grammar_facts(parser()).keywords if "-" in word}
    assert set(HYPHENATED_HOMES) == set(HYPHENATED_PLACES) == hyphenated
    for keyword, (_, example) in HYPHENATED_HOMES.items():
        place = Sim.start(parser())
        assert place.feeds(HYPHENATED_PLACES[keyword]), keyword
        assert place.fits([grammar_facts(parser()).keywords[keyword]]), keyword
        assert diagnose(f"cluster A {{\n  {example}\n}}\n") == [], keyword


def test_a_word_too_many_or_a_missing_hyphen_reads_on_as_meant():
    text = (
        "cluster A {\n"
        "  member M { workers 2 2  private-volume V jobsuffix C }\n"
        "  member N { private volume W  job suffix D }\n"
        "}\n"
    )
    result = parse(Source.of("t.bkr", text))
    assert [(d.code, d.span.line, d.span.column) for d in result.diagnostics] == [
        ("BKR004", 2, 24),
        ("BKR012", 2, 44),
        ("BKR012", 3, 14),
        ("BKR012", 3, 32),
    ]
    (cluster,) = build(result).clusters
    settings = [[(s.keyword, [w.text for w in s.values]) for s in m.settings] for m in cluster.members]
    assert settings == [
        [("workers", ["2"]), ("private-volume", ["V"]), ("job-suffix", ["C"])],
        [("private-volume", ["W"]), ("job-suffix", ["D"])],
    ]


def test_names_that_only_look_like_keywords_run_together_are_names():
    """A word is read as keywords only where those keywords fit: a volume TOTAPE, a
    member's volume RUNON, users in a group, a job called TODISK stay names; TODISK
    after an include's addresses, where `to disk` fits, is the one error."""
    text = (
        "cluster TAPEPOOL {\n"
        "  shared-volume VMCOM1 TOTAPE RUNONE\n"
        "  member VMSYS1 { private-volume M1PRV1 RUNON }\n"
        "  single group G { RUNONCE TODISK SINGLEU MATCHER }\n"
        "  job TODISK {\n"
        "    backup G full\n"
        "    include minidisk * 0191 TODISK pool DISKPOOL\n"
        "    run on EACHONE\n"
        "  }\n"
        "}\n"
    )
    for found in (diagnose(text), read_module(Source.of("t.bkr", text))[1]):
        assert [(d.code, d.span.line, d.span.column) for d in found] == [("BKR012", 7, 29)]
        assert "did you mean `TO DISK`?" in found[0].message


def test_every_syntax_code_explains_itself():
    syntax = [c for c in vars(codes).values() if isinstance(c, Code)]
    assert len(syntax) >= 18
    assert all(REGISTRY[c.code] is c for c in syntax)
    for code in syntax:
        assert len(code.explanation) > 200, code.code
        assert "Fix" in code.explanation or "fix" in code.explanation, code.code


def test_openers_open_their_block_where_it_belongs():
    # recovery.OPENERS must agree with the grammar: each opens its block in a cluster.
    start = Sim.start(parser())
    cluster = list(OPENERS["cluster"])
    assert start.fits(cluster + ["RBRACE", "$END"])
    for kind, opener in OPENERS.items():
        if kind != "cluster":
            assert start.fits(cluster + list(opener) + ["RBRACE", "RBRACE", "$END"]), kind


def test_the_tree_is_what_lark_builds_without_keywords():
    # The parser keeps keywords while parsing (for recovery) and drops them after:
    # the tree the AST builder, the formatter and the language server see is unchanged.
    from lark import Lark

    from bkrdsl.resources import grammar_path

    plain = Lark(
        grammar_path().read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        propagate_positions=True,
        maybe_placeholders=False,
    )
    files = sorted(glob.glob(str(ROOT / "examples" / "*.bkr")) + glob.glob(str(ROOT / "stdlib" / "*.bkr")))
    assert files
    for name in files:
        with open(name, encoding="utf-8") as handle:
            text = handle.read()
        ours = parse(Source.of(name, text))
        assert ours.ok, name
        assert ours.tree == plain.parse(text), name


def test_a_repaired_tree_still_builds_an_ast():
    text = "cluster A {\n  member { workers }\n  job J\n    run on\n  }\n  jbo K { to }\n"
    result = parse(Source.of("t.bkr", text))
    assert not result.ok
    module = build(result)
    assert module is not None and module.clusters
    for word in (w for c in module.clusters for m in c.members for w in [m.name]):
        assert 1 <= word.span.line <= result.source.line_count


def _shape(node):
    """An AST without its positions: what the file says, not where."""
    import dataclasses
    import enum

    from bkrdsl.source import Span

    if isinstance(node, Span):
        return None
    if dataclasses.is_dataclass(node):
        return (type(node).__name__, *(_shape(getattr(node, f.name)) for f in dataclasses.fields(node)))
    if isinstance(node, tuple | list):
        return tuple(_shape(n) for n in node)
    if isinstance(node, enum.Enum):
        return node.value
    return node


# Where in examples/prodssi.bkr a `}` too many goes: (text, the same with it).
STRAY_BRACES = [
    ("{ workers 4  private-volume M1PRV1 }", "{ workers 4 } private-volume M1PRV1 }"),
    ("{ workers 4  private-volume M1PRV1 }", "{ workers 4  private-volume M1PRV1 } }"),
    ("    workers 4\n    private-volume M2PRV1", "    workers 4 }\n    private-volume M2PRV1"),
    ("    private-volume M2PRV1\n", "    private-volume M2PRV1 }\n"),
    ("{ workers 2  private-volume M4PRV1 }", "{ workers 2  private-volume M4PRV1 } }"),
    ("  shared-volume VMCOM1\n", "  shared-volume VMCOM1 }\n"),
    ("    preview daily 01:00\n", "    preview daily 01:00 }\n"),
    ("request-dmm TRDMM\n", "request-dmm TRDMM }\n"),
    ("  disk BKRBKUP 191 size 10 cyl\n", "  disk BKRBKUP 191 size 10 cyl }\n"),
    ("single group LINUX { LNXWEB01 LNXWEB02", "single group LINUX { LNXWEB01 } LNXWEB02"),
    ("single group APPS { CICSPRD DB2PRD }", "single group APPS { CICSPRD DB2PRD } }"),
    ('"Weekly full backup of the Linux guests"', '"Weekly full backup of the Linux guests" }'),
    ("    backup APPS full\n", "    backup APPS full }\n"),
    ("    include sfs BKRPOOL:CICSPRD.*\n", "    include sfs BKRPOOL:CICSPRD.* }\n"),
    ("    run on VMSYS1 daily 02:00\n  }\n", "    run on VMSYS1 daily 02:00\n  } }\n"),
    ("    run on VMSYS1 daily 02:00\n  }\n", "    run on VMSYS1 daily 02:00 }\n  }\n"),
]


@pytest.mark.parametrize("clean,stray", STRAY_BRACES, ids=[s for _, s in STRAY_BRACES])
def test_a_stray_brace_is_one_error_and_the_file_reads_as_without_it(clean, stray):
    # BKR013's promise: one error, at the statement after the `}`, naming that `}`;
    # the statements after it are read in the block it closed, so the AST (and the
    # model, and the language server's answers) is the file's without it.
    text = (ROOT / "examples" / "prodssi.bkr").read_text()
    assert clean in text
    module, found = read_module(Source.of("p.bkr", text.replace(clean, stray, 1)))
    assert [d.code for d in found] == ["BKR013"], [f"{d.code} {d.span.line} {d.message}" for d in found]
    (related,) = found[0].related
    assert related.label.endswith("was closed here") and "one too many" in found[0].help
    assert _shape(module) == _shape(read_module(Source.of("p.bkr", text))[0])


def test_a_statement_after_the_cluster_s_own_brace_is_read_in_the_cluster():
    # Balanced braces: the `}` before `job` may be the cluster's own, but recovery
    # reads the job in the cluster, reopened (BKR013 says which to fix), not in a
    # cluster of its own; only a file without a cluster makes one, without a name.
    text = "cluster A {\n  member M { workers 1 }\n}\njob J {\n  backup G full\n}\n"
    module, found = read_module(Source.of("t.bkr", text))
    assert [d.code for d in found] == ["BKR013"]
    assert [c.name.text for c in module.clusters] == ["A"]
    assert [j.name.text for j in module.clusters[0].jobs] == ["J"]
    module, found = read_module(Source.of("t.bkr", "job J {\n  backup G full\n}\n"))
    assert [d.code for d in found] == ["BKR013"]
    assert [(c.name.text, [j.name.text for j in c.jobs]) for c in module.clusters] == [("", ["J"])]


def test_the_builder_knows_the_mark_of_a_reopened_block():
    from bkrdsl.syntax import build as builder
    from bkrdsl.syntax import recovery

    assert builder.REOPENED == recovery.REOPENED


def test_a_word_after_a_statement_whose_keyword_recovery_supplied_names_that_keyword():
    # `daily 01:00 02:00`: recovery reads a `preview` before `daily`; the second
    # error names the statement by its keyword, never as "the `` statement".
    # (`daily preview 01:00` is one error: the two words the other way round.)
    found = diagnose("cluster A {\n  expire on M { daily 01:00 02:00 }\n}\n")
    assert [d.code for d in found] == ["BKR004", "BKR004"]
    assert "``" not in found[1].message and "the `preview` statement" in found[1].message


def test_a_misspelt_keyword_that_ends_its_statement_is_one_error_without_a_fix():
    # `inc` alone: not also "expected `minidisk` or `sfs` after `inc`" at the same place;
    # writing `include` alone would not finish the statement, so there is no fix.
    d = one("cluster A {\n  job J { inc }\n  job K { backup G full }\n}\n")
    assert d.message == "unknown keyword `inc`; did you mean `include`?"
    assert d.fix is None
    # The next statement is still read: a mistake in it is reported too.
    found = diagnose("cluster A {\n  job J {\n    inc\n    run onn M daily 01:00\n  }\n}\n")
    assert [(f.code, f.span.line) for f in found] == [("BKR012", 3), ("BKR012", 4)]


def test_a_value_missing_after_a_misspelt_keyword_is_named_by_the_keyword_meant():
    # `weekli` is read as `weekly`: what is missing after `weekly sun` is a time, not "a name",
    # and the message names the keyword meant (its misspelling has its own BKR012).
    found = diagnose("cluster A {\n  job J { run on M1 weekli sun }\n}\n")
    assert [d.code for d in found] == ["BKR012", "BKR010"]
    assert found[1].message == "expected a time of day (HH:MM) after `weekly sun`, found `}`"
    assert found[1].help == "write a time of day (HH:MM) after `weekly sun`"
    # So after a list's `,`: a day of the week is missing, after `weekly sun,`.
    found = diagnose("cluster A {\n  job J { run on M1 weekli sun,\n  }\n}\n")
    assert [d.code for d in found] == ["BKR012", "BKR010"]
    assert found[1].message == "expected another day of the week after `weekly sun,`, found `}`"


@pytest.mark.parametrize(
    "text",
    [
        "cluster A {\n  job J {\n    backup G full\n    too disk pool X\n  }\n}\n",
        "cluster A {\n  job J { backup G full  too disk pool X }\n}\n",
    ],
)
def test_a_keyword_with_a_letter_too_many_is_one_error_with_a_fix(text):
    # Not `to` and a name `o`, then `disk` out of place: the word is the keyword meant.
    d = one(text)
    assert (d.code, d.message) == ("BKR012", "unknown keyword `too`; did you mean `to`?")
    assert d.fix is not None and d.fix.title == "Write `to`"
    assert (d.span.end - d.span.start) == 3


def _early_slip(ids: int) -> str:
    """A slip on line 2, `ids` user IDs, then a second mistake (a job without a name)."""
    body = "".join(f"    U{n:07d}\n" for n in range(ids))
    return "cluster A {\n  member M { workerz 2 }\n  single group G {\n" + body + "  }\n  job { }\n}\n"


def test_reading_stops_a_bounded_number_of_tokens_after_the_first_error(monkeypatch):
    """A file of millions of words with a slip near its start was read to its end,
    every token through recovery's hooks (some 3 s a megabyte), to find more syntax
    errors. After the first error the parse reads MAX_READ_AFTER_ERROR more tokens
    and ends the file there: one BKR008 says where, the blocks still open are
    closed in silence, and the tree keeps what was read. Tested by the tokens the
    parse read, through the default path (the fast parser gives up) and Lark's."""
    from bkrdsl.syntax import parser as lark_parser
    from bkrdsl.syntax.recovery import Recovery

    text = _early_slip(1000)
    whole = diagnose(text)
    assert [(d.code, d.span.line) for d in whole] == [("BKR012", 2), ("BKR010", 1005)]
    monkeypatch.setattr(lark_parser, "MAX_READ_AFTER_ERROR", 50)
    read = []
    check_token = Recovery.check_token

    def counted(self, tok):
        read.append(tok)
        return check_token(self, tok)

    monkeypatch.setattr(Recovery, "check_token", counted)
    module, found = read_module(Source.of("t.bkr", text))
    assert len(read) <= 20 + 50  # the 12 before the slip, then 50; not the 1,000 IDs
    assert [d.code for d in found] == ["BKR012", "BKR008"]
    assert found[0] == whole[0]
    stop = found[1]
    assert stop.span.line == read[-1].line + 1
    assert stop.message == (
        f"stopped reading at line {stop.span.line}: more than 50 words and signs follow"
        " the first syntax error"
    )
    assert stop.help == "fix the errors above and run bkrc again: it then reads the rest"
    (group,) = module.clusters[0].groups
    assert [e.word.upper for e in group.entries] == [f"U{n:07d}" for n in range(len(group.entries))]
    assert 40 <= len(group.entries) <= 50
    assert len(module.clusters[0].members) == 1


@pytest.mark.parametrize(
    ("line", "word", "statement", "options"),
    [
        # a Tape Manager library, which bkrc does not write
        ("  tape manager shared catalog-node TCTMM on M1 request-node TRTMM library ATL1\n", "library",
         "tape manager", "`catalog-dmm`, `catalog-node`, `request-dmm` or `request-node`"),
        ("  disk BKRBKUP 191 size 10 cyl volume VOL001\n", "volume", "disk", "`on`"),
    ],
)
def test_an_unknown_word_on_a_statement_s_line_names_its_keywords(line, word, statement, options):
    # Not only the keywords that start a statement: the word more likely meant to go on
    # with the statement on its line, so the help says what that statement takes there.
    d = one(f"cluster A {{\n  member M1 {{ workers 2 }}\n{line}}}\n")
    assert d.code == "BKR012"
    assert d.message == (
        f"`{word}` is not a keyword of the `{statement}` statement, nor one that starts a statement"
    )
    assert d.help.startswith(f"`{statement}` goes on only with {options} here; statements in a `cluster`")


def test_an_unknown_word_starting_a_line_names_only_the_statements():
    d = one("cluster A {\n  member M1 { workers 2 }\n  disk BKRBKUP 191 size 10 cyl\n  library ATL1\n}\n")
    assert d.message == "`library` is not a keyword; a statement must start with one"
    assert d.help.startswith("statements in a `cluster` block start with `catalog`")


def test_a_misspelt_keyword_after_names_without_commas_is_not_one_of_them():
    # `dialy` is reported as `daily` misspelt: the list the help writes stops before it
    # (and before the time), and two names get the fix that writes their `,`; the two
    # slips on one line are one error (h1, stop 65: were two), whose fix makes both mends.
    found = diagnose("cluster A {\n  job J {\n    run on M1 M2 dialy 02:00\n  }\n}\n")
    assert [(d.code, d.message) for d in found] == [
        ("BKR004", "a `,` is missing between `M1` and `M2`, and `dialy` is `daily` misspelt"),
    ]
    assert found[0].help.startswith(
        "separate the names of a list with commas: `M1, M2`; and write `daily`\nthe job then runs on each"
    )
    assert found[0].fix.title == "Write `M1, M2`, and write `daily`"


def test_members_before_a_block_s_brace_without_their_commas_are_a_list():
    # `expire on M1 M2 M3 {` is the list `on M1, M2, M3` with its commas missing;
    # `member M1 slot 1 {` stays words that cannot stand before the `{`, and a list
    # with a comma is named as written (`expire on M1, M2`, not `M1 , M2`).
    (d,) = diagnose("cluster A {\n  expire on M1 M2 M3 { purge daily 01:00 }\n}\n")
    assert (d.code, d.message) == ("BKR004", "commas are missing between `M1`, `M2` and `M3`")
    (d,) = diagnose("cluster A {\n  member M1 slot 1 { workers 2 }\n}\n")
    assert d.message == "`slot 1` cannot stand between `member M1` and its `{`"
    (d,) = diagnose("cluster A {\n  expire on M1, M2 daily { purge daily 01:00 }\n}\n")
    assert d.message == "`daily` cannot stand between `expire on M1, M2` and its `{`"


@pytest.mark.parametrize(
    ("kind", "member_block"), [("single", True), ("SINGLE", True), ("identity", False), ("Identity", False)]
)
def test_an_exclude_in_an_identity_group_is_not_sent_to_a_member_block(kind, member_block):
    # A member block's excludes end the single-configuration jobs pinned to the member
    # only (aac6792): an IDENTITY job's copies never get them (BKR414), so the help for
    # an exclude written in an identity group's body names the group's jobs alone.
    text = f"cluster A {{\n  {kind} group G {{ A\n    exclude minidisk A 0200-02FF\n  }}\n}}\n"
    for d in (one(text), *read_module(Source.of("t.bkr", text))[1]):
        assert d.code == "BKR013"
        assert d.help.startswith("move `exclude minidisk A 0200-02FF` into each job that backs up G")
        assert ("`member` block" in d.help) is member_block, d.help


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("text", "found", "settings"),
    [
        ("cluster A {\n  member M\n    job suffix C\n  }\n}\n", "job suffix", [("job-suffix", ["C"])]),
        ("cluster A {\n  member M\n    jobsuffix C\n    workers 2\n  }\n}\n", "jobsuffix",
         [("job-suffix", ["C"]), ("workers", ["2"])]),
        ("cluster A {\n  member M\n    private volume P }\n  catalog local\n}\n", "private volume",
         [("private-volume", ["P"])]),
        # ... its value missing, or quoted: still the one error (not also a job SUFFIX
        # without its `{`, BKR011 twice), whose help writes the statement as meant
        ("cluster A {\n  member M\n    job suffix\n  }\n}\n", "job suffix", [("job-suffix", [""])]),
        ("cluster A {\n  member M\n    jobsuffix\n    workers 2\n  }\n}\n", "jobsuffix",
         [("job-suffix", [""]), ("workers", ["2"])]),
        ('cluster A {\n  member M\n    job suffix "C"\n  }\n}\n', "job suffix", [("job-suffix", ["C"])]),
        # ... on the block's line (not `job-suffix` misplaced in the cluster, BKR013, and
        # the member's `}` then closing nothing, BKR006)
        ("cluster A {\n  member M job suffix C }\n}\n", "job suffix", [("job-suffix", ["C"])]),
        ("cluster A {\n  member M jobsuffix C\n  catalog local\n}\n", "jobsuffix", [("job-suffix", ["C"])]),
        # ... and the keyword spelt, its value missing: not also BKR010 for the value
        ("cluster A {\n  member M\n    job-suffix\n  }\n}\n", "job-suffix", [("job-suffix", [""])]),
        ("cluster A {\n  member M\n    job-suffix\n    workers 2\n  }\n}\n", "job-suffix",
         [("job-suffix", [""]), ("workers", ["2"])]),
    ],
)
def test_a_block_without_its_open_brace_before_a_keyword_without_its_hyphen_is_one_error(
    monkeypatch, parser, text, found, settings
):
    # `member M`, then `job suffix C` below: the `{` missing (BKR011), the keyword read
    # in the member as meant; it was read misplaced in the cluster (BKR013), and the
    # member's `}` then closed the cluster (BKR006) or `catalog` stood outside it.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    module, diagnostics = read_module(Source.of("t.bkr", text))
    said = "the end of the line" if found == "job-suffix" else f"`{found}`"  # a statement's keyword below
    assert [(d.code, d.message) for d in diagnostics] == [("BKR011", f"expected `{{` after `member M`, found {said}")]
    (cluster,) = module.clusters
    assert [(s.keyword, [w.text for w in s.values]) for s in cluster.members[0].settings] == settings


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("cluster A {\n  member M\n    job suffix C\n  }\n}\n", "job-suffix C"),
        ("cluster A {\n  member M\n    job suffix\n  }\n}\n", "job-suffix S"),
        ('cluster A {\n  member M\n    job suffix "C"  # the suffix\n  }\n}\n', "job-suffix C"),
        ("cluster A {\n  member M\n    private volume P Q\n  }\n}\n", "private-volume P Q"),
        ("cluster A {\n  member M job suffix C }\n}\n", "job-suffix C"),
    ],
)
def test_a_block_without_its_open_brace_before_a_keyword_without_its_hyphen_writes_both(
    monkeypatch, parser, text, meant
):
    # `member M`, then `job suffix C`: the help said "open the block with `{`" alone, and
    # the hyphen was reported only once the `{` was written; it writes both now
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, (diagnostic,) = read_module(Source.of("t.bkr", text))
    keyword = meant.split()[0]
    assert diagnostic.help == (
        f"open the block with `{{` after its name, and write `{keyword}` as one word, with its hyphen:"
        f" `member M {{ {meant} }}`"
    )


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("cluster A {\n  member M\n    job-suffix\n  }\n}\n", "job-suffix S"),
        ("cluster A {\n  member M\n    private-volume  # none yet\n    workers 2\n  }\n}\n", "private-volume VOL"),
    ],
)
def test_a_block_without_its_open_brace_before_a_setting_without_its_value_writes_both(
    monkeypatch, parser, text, meant
):
    # `member M`, then `job-suffix` alone below: BKR011 and BKR010 (the value), two errors
    # for one slip; the BKR011's help writes the block and the value now
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, (diagnostic,) = read_module(Source.of("t.bkr", text))
    keyword = meant.split()[0]
    assert diagnostic.help == (
        f"open the block with `{{` after its name, and give `{keyword}` its value: `member M {{ {meant} }}`"
    )


# stop 83, h7: docs/language.md, "The block's form": "its value missing (`job-suffix`
# alone: `member VMSYS3 { job-suffix S }`), which is then no second error". The parse
# said it once, but the check of one statement beside a syntax error then judged the
# empty word the recovery put in for the value: BKR304 "a job suffix cannot be empty"
# (BKR305 for a volume label), at the `}` or the next statement's first word.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "text",
    [
        "cluster A {\n  member M\n    job-suffix\n  }\n}\n",
        "cluster A {\n  member M job-suffix\n}\n",
        "cluster A {\n  member M\n    private-volume  # none yet\n    workers 2\n  }\n}\n",
    ],
)
def test_a_setting_whose_value_the_open_brace_error_gives_is_no_second_error(monkeypatch, parser, text):
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    found = [(d.code, d.span.line) for d in analyse("t.bkr", text.encode("utf-8")).diagnostics]
    assert found == [("BKR011", 2)]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("single group G\n  U1\n}\n", "single group G"),
        ("cluster A {\n  identity group G\n    match X*\n  }\n}\n", "identity group G"),
        ("cluster A {\n  expire on ZV\n    preview daily 01:00\n  }\n}\n", "expire on ZV"),
        ("cluster A {\n  expire on each member\n    retain 30 days\n  }\n}\n", "expire on each member"),
        ("cluster A {\n  expire on A, B\n    retain 30 days\n  }\n}\n", "expire on A, B"),
    ],
)
def test_a_block_without_its_open_brace_is_named_as_its_opening_line_is_written(monkeypatch, parser, text, title):
    # BKR011 named a group `group G` and an expire block `on ZV`, or "the block".
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, diagnostics = read_module(Source.of("t.bkr", text))
    assert [d.code for d in diagnostics] == ["BKR011"]
    assert diagnostics[0].message.startswith(f"expected `{{` after `{title}`, found ")


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cluster A {\n  expire\n  member M { workers 2 }\n}\n",
         ("BKR004", 2, 3, "expected `on` after `expire`, found the end of the line")),
        ("cluster A {\n  expire on\n  member M { workers 2 }\n}\n",
         ("BKR010", 2, 10, "expected a member name after `on`, found the end of the line")),
        ("cluster A {\n  shared-volume V1\n    expire\n    member M { workers 2 }\n  }\n",
         ("BKR004", 3, 5, "expected `on` after `expire`, found the end of the line")),
    ],
)
def test_an_unfinished_expire_above_a_member_line_leaves_the_member_block_whole(monkeypatch, parser, text, expected):
    # `expire` or `expire on`, then `member M {` on the next line: `member` starts its
    # line, so it is the statement keyword (docs/language.md), not `on each member`
    # with `M` a word too many and the member's `workers` in the expire block (BKR013).
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    module, diagnostics = read_module(Source.of("t.bkr", text))
    assert [(d.code, d.span.line, d.span.column, d.message) for d in diagnostics] == [expected]
    (cluster,) = module.clusters
    assert [m.name.text for m in cluster.members] == ["M"]
    assert [(s.keyword, [w.text for w in s.values]) for s in cluster.members[0].settings] == [("workers", ["2"])]
    assert len(cluster.expires) == 1


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cluster A {\n  job J {\n    run on\n  member M { workers 2 }\n}\n",
         [("BKR010", 3, 9, "expected a member name after `on`, found the end of the line")]),
        ("cluster A {\n  job J {\n    backup X\n    run\n  member M { workers 2 }\n}\n",
         [("BKR004", 4, 5, "expected `on` after `run`, found the end of the line")]),
        ("cluster A {\n  job J {\n    run on\n  }\n  member M { workers 2 }\n}\n",
         [("BKR010", 3, 9, "expected a member name after `on`, found `}`")]),
        # misplaced, its line's end is said as such (homed.py), not the next line's word
        ("cluster A {\n  run on\n  member M { workers 2 }\n}\n",
         [("BKR013", 2, 3, "`run` can only appear inside a `job { ... }` block"),
          ("BKR010", 2, 7, "expected a member name after `on`, found the end of the line")]),
    ],
)
def test_an_unfinished_run_above_a_member_line_leaves_the_member_block_whole(monkeypatch, parser, text, expected):
    # `run on` (or `run`) as a job's last line, its `}` missing, or misplaced in the
    # cluster, then `member M {`: `member` starts its line, so it is the statement
    # keyword (docs/language.md), not `run on each member` with `M` a word too many
    # (BKR012) and the cluster never closed (BKR005). The statement fits once the job
    # around `run` is closed: its `}` missing there, or never written (the job `run`
    # is read in, in the cluster).
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    module, diagnostics = read_module(Source.of("t.bkr", text))
    assert [(d.code, d.span.line, d.span.column, d.message) for d in diagnostics] == expected
    (cluster,) = module.clusters
    assert [m.name.text for m in cluster.members] == ["M"]
    assert [(s.keyword, [w.text for w in s.values]) for s in cluster.members[0].settings] == [("workers", ["2"])]


#: `expire on each` or `run on each` as the line above `member M {` (a job's `}` there or
#: missing): the `member` that would finish `on each member` opens the member block below.
EACH_ABOVE_MEMBER = [
    ("cluster A {\n  expire on each\n  member M { workers 2 }\n}\n", "expire", (2, 13)),
    ("cluster A {\n  expire on each  # all of them\n  member M {\n    workers 2\n  }\n}\n", "expire", (2, 13)),
    ("cluster A {\n  job J {\n    backup X\n    run on each\n  }\n  member M { workers 2 }\n}\n", None, None),
    ("cluster A {\n  job J {\n    backup X\n    run on each\n  member M { workers 2 }\n}\n", "run", (4, 12)),
    ("cluster A {\n  run on each\n  member M { workers 2 }\n}\n", "run", (2, 10)),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("text", "statement", "where"), EACH_ABOVE_MEMBER)
def test_an_unfinished_on_each_above_a_member_line_leaves_the_member_block_whole(
    monkeypatch, parser, text, statement, where
):
    # `member` starting the line after `on each`, before a name and `{`, opens the member
    # block (docs/language.md), not `on each member` with `M` a word too many (BKR004)
    # and `workers` then in an expire block (BKR013), or a job never closed (BKR005).
    # The unfinished statement is the one error (the misplaced `run`'s BKR013 first),
    # whose fix inserts `member` after `each`.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    module, diagnostics = read_module(Source.of("t.bkr", text))
    (cluster,) = module.clusters
    assert [m.name.text for m in cluster.members] == ["M"]
    assert [(s.keyword, [w.text for w in s.values]) for s in cluster.members[0].settings] == [("workers", ["2"])]
    if statement is None:  # the job's `}` ends `run on each`: as before
        assert [(d.code, d.message) for d in diagnostics] == [("BKR004", "expected `member` after `each`, found `}`")]
        return
    diagnostic = diagnostics[-1]
    assert [d.code for d in diagnostics] == (["BKR013", "BKR004"] if "  run" in text.split("\n")[1] else ["BKR004"])
    assert (diagnostic.span.line, diagnostic.span.column) == where
    assert diagnostic.message == "expected `member` after `each`, found `member M {`, a member block's opening line"
    assert diagnostic.help == (
        f"write `member` after `each`, on its line: `{statement} on each member`;"
        " a `member NAME {` line opens a member block"
    )
    fixed = fixes.apply(text, [diagnostic])
    assert "on each member\n" in fixed or "on each member  #" in fixed


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # `member` on the line of `each`: `on each member`, `M` a word too many, as before
        ("cluster A {\n  expire on each member M {\n    preview daily 01:00\n  }\n}\n", ["BKR004"]),
        # `member` below, not before a name and `{`: `on each member`, as before
        ("cluster A {\n  expire on each\n  member {\n    preview daily 01:00\n  }\n}\n", []),
        ("cluster A {\n  job J {\n    backup X\n    run on each\n    member daily 02:00\n  }\n}\n", []),
    ],
)
def test_on_each_with_member_not_opening_a_block_below_reads_as_before(monkeypatch, parser, text, codes):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    _, diagnostics = read_module(Source.of("t.bkr", text))
    assert [d.code for d in diagnostics] == codes


#: `to` last of a volume list, then a `}` the file has too many, then more of the block
#: (docs/language.md: a last label spelled like a keyword is a label when a `}`
#: follows it). The `}` is the one slip: it closes the block early, the statement after
#: it reopens the block (BKR013, naming the `}`), and `to` is one more label. Before,
#: `to` was read as a job's statement reopened around it, two errors at `to` (BKR013
#: and its destination missing, BKR004), or, with the next statement on the `}`'s line,
#: `to } disk U` as one `to disk` statement across the `}`, five errors.
TO_LABEL_BEFORE_STRAY_BRACE = [
    ("cluster A {\n  shared-volume V1 to }\n  disk U 191 size 1 cyl\n}\n", (3, 3), (2, 23)),
    ("cluster A {\n  shared-volume V1\n  to }\n  disk U 191 size 1 cyl\n}\n", (4, 3), (3, 6)),
    ("cluster A {\n  shared-volume V1 to } disk U 191 size 1 cyl\n}\n", (2, 25), (2, 23)),
    ("cluster A {\n  member M { private-volume P1 to } }\n  disk U 191 size 1 cyl\n}\n", (3, 3), (2, 37)),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("text", "where", "brace"), TO_LABEL_BEFORE_STRAY_BRACE)
def test_to_after_a_volume_label_before_a_brace_too_many_is_a_label(monkeypatch, parser, text, where, brace):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    module, diagnostics = read_module(Source.of("t.bkr", text))
    assert [(d.code, d.span.line, d.span.column, d.message) for d in diagnostics] == [
        ("BKR013", *where, "`disk` can only appear inside a `cluster { ... }` block")
    ]
    (related,) = diagnostics[0].related
    assert (related.span.line, related.span.column) == brace
    assert diagnostics[0].help == f"the `}}` at {brace[0]}:{brace[1]} is one too many and closed `cluster A` early: remove it"
    (cluster,) = module.clusters
    assert [d.user.text for d in cluster.disks] == ["U"]
    volumes = [w.text for s in cluster.settings for w in s.values] + [
        w.text for m in cluster.members for s in m.settings for w in s.values
    ]
    assert volumes[-1] == "to"


_JOB_HEAD = "cluster A {\n  member M { workers 2 }\n  job J {\n    backup X full\n"
_JOB_TAIL = "    to tape\n    run on M daily 01:00\n  }\n  job K {\n    backup Y full\n    to tape\n  }\n}\n"
#: A `member NAME {` opening line, with its settings or without, pasted into the middle
#: of a job without the member's `}`, the job's statements and `}` below it.
MEMBER_PASTED_UNCLOSED = [
    _JOB_HEAD + "    member N {\n      workers 2\n      private-volume P2\n" + _JOB_TAIL,
    _JOB_HEAD + "    member N {\n" + _JOB_TAIL,
    _JOB_HEAD + "    member N {\n      workers 2\n    exclude minidisk * 0190\n" + _JOB_TAIL,
    "cluster A {\n  member M { workers 2 }\n  job J {\n    member N {\n      workers 2\n"
    "    backup X full\n" + _JOB_TAIL,
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("text", MEMBER_PASTED_UNCLOSED)
def test_a_member_block_pasted_into_a_job_without_its_brace_is_one_error(monkeypatch, parser, text):
    # One error at the pasted `member`, the file's missing `}` the member's: not the
    # job's `}` missing before it (BKR005), each of the job's statements below then
    # misplaced in the member block (BKR013), and the job after it read as before.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    module, diagnostics = read_module(Source.of("t.bkr", text))
    line = text[: text.index("member N")].count("\n") + 1
    assert [(d.code, d.span.line, d.span.column, d.message) for d in diagnostics] == [
        ("BKR013", line, 5, "`member` cannot appear inside a `job` block")
    ]
    assert diagnostics[0].help == (
        "`member` belongs directly inside `cluster NAME { ... }`: move it out of `job J`, after its `}`,"
        " and close it with a `}` of its own: the `}` below it closes `job J`"
    )
    (cluster,) = module.clusters
    assert [m.name.text for m in cluster.members] == ["M"]
    assert [j.name.text for j in cluster.jobs] == ["J", "K"]
    job = cluster.jobs[0]
    assert [len(job.backups), len(job.targets), len(job.runs)] == [1, 1, 1]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_member_block_at_a_job_s_indentation_is_the_job_s_brace_missing(monkeypatch, parser):
    # The `member` line not indented under the job's: the job's `}` is missing before it
    # (BKR005), as before, also where a line the job takes (`exclude`) follows.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = "cluster A {\n  job J {\n    backup X\n  member N {\n    workers 2\n    exclude minidisk X 0191\n  }\n}\n"
    _, diagnostics = read_module(Source.of("t.bkr", text))
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics] == [("BKR005", 4, 3)]


@pytest.mark.parametrize(
    "typed",
    [
        "member",  # the name and the `{` to come
        "mem",  # the keyword half typed (BKR012, read as `member`)
        "job",
        "jo",
        "single group",
        "expire on",
        "job\n    backup G full",  # the name deleted from a block's opening line
        "member\n    workers 2",
        "expire on\n    retain 3 days",
    ],
)
def test_a_block_keyword_without_its_name_is_one_error_not_also_the_outer_brace(typed):
    # An editor's session: `member` typed on a new line of the cluster, whose `}` the
    # editor closed below it. The name and the `{` are read as written, and the `}`
    # closes that block: it is the cluster's, which was not also reported never closed
    # (BKR005 at the cluster's `{`, a line the user is not typing), as after `member M`
    # alone (BKR011, its `{` alone missing). Both front ends.
    text = f"cluster A {{\n  member M {{ workers 1 }}\n  {typed}\n}}\n"
    for found in (diagnose(text), read_module(Source.of("t.bkr", text))[1]):
        assert [(d.code, d.span.line) for d in found] == [(found[0].code, 3)], [d.message for d in found]
        assert found[0].code in ("BKR010", "BKR012")
    # the cluster's `}` really missing as well: as after `member M` alone, reported (once)
    # where a body follows, which the recovery reads in the block
    found = [d.code for d in diagnose(text[: -len("}\n")])]
    assert found.count("BKR005") == ("\n" in typed)


# --- h5 (stop 65)
def test_a_disk_statements_on_without_its_volume_asks_for_a_volume_label_not_a_member():
    # An editor's session: `disk BKRSVSFS 191 size 20 cyl on` typed, the cluster's `}`
    # below it (or the file's end, or the next statement). A `disk` statement's `on`
    # takes a volume label; it said "expected a member name after `on`", as a job's
    # `run on` does, and its help "write a member name after `on`". Both front ends.
    from bkrdsl.lsp.document import analyse_document

    head = (
        "import std/backup-manager\n\ncluster DEV {\n"
        "  member DEV1 { workers 1  private-volume D1PRV1 }\n"
        "  member DEV2 { workers 1  private-volume D2PRV1 }\n"
        "  shared-volume VMCOM1\n"
        "  catalog shared server BKRSVSFS pool BKRPOOL on DEV1\n"
    )
    for after in ("}\n", "", "  disk BKRBKUP 191 size 10 cyl\n}\n"):
        text = head + "  disk BKRSVSFS 191 size 20 cyl on\n" + after
        for found in (diagnose(text), read_module(Source.of("t.bkr", text))[1]):
            assert [(d.code, d.span.line, d.span.column) for d in found] == [("BKR010", 8, 33)], found
            assert found[0].message.startswith("expected a volume label after `on`, found "), found[0].message
            assert "member" not in found[0].message
            assert found[0].help == (
                "write a volume label after `on`: a shared volume (`VMCOM1`) for a single-configuration"
                " machine or a member's private volume (`D1PRV1`, `D2PRV1`) for an IDENTITY; or remove"
                " `on`: bkrc then places the disk"
            )
        # each reading the help offers checks: the shared volume for the catalog's SFS
        # server (single-configuration), a private one for the backup server (IDENTITY),
        # or `on` removed
        for disk, line in (("BKRSVSFS", "on VMCOM1"), ("BKRBKUP", "on D1PRV1"), ("BKRSVSFS", "")):
            mended = text.replace("BKRSVSFS 191 size 20 cyl on\n", f"{disk} 191 size 20 cyl {line}\n".replace(" \n", "\n"), 1)
            errors = [d for d in analyse_document("/ws/t.bkr", mended).diagnostics if d.severity.name == "ERROR"]
            if after == "}\n":
                assert errors == [], (disk, line, [(d.code, d.message) for d in errors])
    # a job's `run on` still asks for a member
    text = head + "  job J {\n    run on\n  }\n}\n"
    assert "expected a member name after `on`" in one(text).message


@pytest.mark.parametrize("typed", ["p", "po", "poo"])
@pytest.mark.parametrize("medium", ["disk", "tape"])
def test_pool_half_typed_after_the_medium_is_the_keyword_being_typed(typed, medium):
    # An editor's session: `to disk pool BKUPPOOL` typed letter by letter. At `to disk p`
    # the error read `p` as the pool's name, `pool` left out ("the pool's name follows
    # the word `pool`: `to disk pool p`"), and its quick fix, preferred, wrote that; at
    # `pool` it said the name is missing. A letter or two of an option in small letters
    # at its line's end are that keyword being typed (as `workers 2 p` is): BKR012 with
    # `pool`, no fix. Both front ends.
    text = f"cluster A {{\n  job J {{\n    to {medium} {typed}\n  }}\n}}\n"
    for found in (diagnose(text), read_module(Source.of("t.bkr", text))[1]):
        assert [(d.code, d.span.line, d.span.column) for d in found] == [("BKR012", 3, 13)], found
        assert found[0].message == f"unknown keyword `{typed}`; did you mean `pool`?"
        assert found[0].help == f"write `pool` followed by a pool name: the statement ends after `{typed}`"
        assert found[0].fix is None
    # a name in capitals, or a word with words after it, is still the pool's name, `pool` left out
    for line, fixed in ((f"to {medium} POO", f"to {medium} pool POO"), (f"to {medium} BKUPPOOL", f"to {medium} pool BKUPPOOL")):
        text = f"cluster A {{\n  job J {{\n    {line}\n  }}\n}}\n"
        for found in (diagnose(text), read_module(Source.of("t.bkr", text))[1]):
            assert [d.code for d in found] == ["BKR004"], found
            assert fixes.apply(text, found) == text.replace(line, fixed)


@pytest.mark.parametrize(("typed", "medium"), [("d", "disk"), ("di", "disk"), ("t", "tape"), ("ta", "tape")])
def test_a_medium_half_typed_after_to_is_not_read_as_a_pools_name(typed, medium):
    # An editor's session: `to disk` typed letter by letter. At `to d` and `to di` the
    # error's help read the letters as a pool's name ("write `to disk pool d` or `to
    # tape pool d`"); at `to dis` it is `disk` misspelt (BKR012). Now the letters are
    # the medium being typed, as `run on each m` is `member`'s: "write `disk` in place
    # of `d`". A pool's name written without its medium still gets the pool help.
    # Both front ends.
    text = f"cluster A {{\n  job J {{\n    to {typed}\n  }}\n}}\n"
    for found in (diagnose(text), read_module(Source.of("t.bkr", text))[1]):
        assert [(d.code, d.span.line) for d in found] == [("BKR004", 3)], found
        assert found[0].message == f"expected `disk` or `tape` after `to`, found `{typed}`"
        assert found[0].help == f"write `{medium}` in place of `{typed}`"
    text = "cluster A {\n  job J {\n    to BKUPPOOL\n  }\n}\n"
    for found in (diagnose(text), read_module(Source.of("t.bkr", text))[1]):
        assert found[0].help == "write `to disk pool BKUPPOOL` or `to tape pool BKUPPOOL`", found[0].help


@pytest.mark.parametrize(
    ("days", "help_text"),
    [
        ("sun,we", "did you mean `wed`? write `weekly sun,wed HH:MM`, the time of day on a 24-hour clock"),
        ("sun, we", "did you mean `wed`? write `weekly sun,wed HH:MM`, the time of day on a 24-hour clock"),
        ("sun,mon,fr", "did you mean `fri`? write `weekly sun,mon,fri HH:MM`, the time of day on a 24-hour clock"),
    ],
)
def test_the_last_day_of_a_list_half_typed_is_no_day_as_a_first_one_is(days, help_text):
    # An editor's session: `weekly sun,wed 21:00` typed. At `weekly su` the error says
    # `su` is no day; at `weekly sun,we` it read `we` as a day ("expected a time of day
    # (HH:MM) after `weekly sun,we`"). Now the last day is said as the first one is.
    # Both front ends.
    last = days.rsplit(",", 1)[1].strip()
    text = f"cluster A {{\n  job J {{\n    run on M weekly {days}\n  }}\n}}\n"
    for found in (diagnose(text), read_module(Source.of("t.bkr", text))[1]):
        assert [(d.code, d.span.line) for d in found] == [("BKR010", 3)], found
        assert found[0].message == f"`{last}` is not a day of the week, and the time of day (HH:MM) is missing after it"
        assert found[0].help == help_text
        assert text[found[0].span.start : found[0].span.end] == last
    # the days whole, the time alone is missing, as before
    text = "cluster A {\n  job J {\n    run on M weekly sun,wed\n  }\n}\n"
    assert one(text).message == "expected a time of day (HH:MM) after `weekly sun,wed`, found `}`"


# --- h3 (stop 65)
_PRODSSI = (ROOT / "examples" / "prodssi.bkr").read_text(encoding="utf-8")

#: A slip in examples/prodssi.bkr whose message says what was expected (the file as
#: written, as changed), and what `Diagnostic.expected` holds: set only where the
#: recovery read it ("expected `minidisk` or `sfs` after `include`"), now also after a
#: block's name, after a list's `,`, and before a word.
EXPECTED_SAID = [
    ("  job APPSFULL {", "  job APPSFULL", "BKR011", "`{`"),
    ("run on VMSYS1 daily 02:00", "run on VMSYS1,", "BKR010", "another member name"),
    ("purge weekly sun 03:00", "purge weekly sun,", "BKR010", "another day of the week"),
    ("backup APPS full", "backup APPS,", "BKR010", "another group name"),
    ("run on VMSYS1 daily 02:00", "on VMSYS1 daily 02:00", "BKR004", "`run`"),
    ("run on VMSYS1 daily 02:00", "on member VMSYS1 daily 02:00", "BKR004", "`run`"),
    ("run on VMSYS1 daily 02:00", "on all members daily 02:00", "BKR004", "`run`"),
    ("run on VMSYS1 daily 02:00", "on members each daily 02:00", "BKR004", "`run`"),
    ("catalog shared server", "shared server", "BKR004", "`catalog`"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "code", "expected"), EXPECTED_SAID, ids=[c[1] for c in EXPECTED_SAID])
def test_what_a_message_says_is_expected_is_the_diagnostic_s_data(clean, written, code, expected, parser, monkeypatch):
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", "lark" if parser == "lark" else "")
    text = _PRODSSI.replace(clean, written, 1)
    (d,) = [d for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code < "BKR100"]
    assert d.code == code and d.expected == expected
    assert d.message.startswith(f"expected {expected} ")


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_every_expected_x_after_or_before_message_of_the_fixtures_carries_x(parser, monkeypatch):
    """Every "expected X after `W`" and "expected X before `W`" that the malformed and
    rule fixtures get carries X as its `expected`: no reader need find it in the text."""
    import re

    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", "lark" if parser == "lark" else "")
    said = re.compile(r"expected (.+?) (?:after|before) `")
    found = []
    for path in sorted(glob.glob(str(ROOT / "tests" / "data" / "malformed" / "*.bkr"))):
        with open(path, "rb") as file:
            text = file.read()
        for d in analyse(path, text).diagnostics:
            if (m := said.match(d.message)) is not None:
                found.append((path, d.message, d.expected, m.group(1)))
    assert len(found) > 10
    assert [f for f in found if f[2] != f[3]] == []


# --- h10 (stop 67)
_MINIMAL = (ROOT / "examples" / "minimal.bkr").read_text(encoding="utf-8")
_ALL_PAIRED = "remove them: every other `{` and `}` of the file pair up"

#: A run of `}` that close nothing (examples/minimal.bkr, its text `clean` written
#: `written`): how many the run holds (None: one, said as before), the file's count of
#: `}` more than `{`, the fix's title, the help, and the file as the fix leaves it
#: (None: as before the slip), which checks clean.
CLOSE_RUNS = [
    # after the cluster's own `}`: on one line, one a line, apart with a comment after
    ("}\n", "}\n}}}\n", 3, 3, "Remove the 3 `}`", _ALL_PAIRED, None),
    ("}\n", "}\n}\n}\n}\n", 3, 3, "Remove the 3 `}`", _ALL_PAIRED, None),
    ("}\n", "}\n} }  }  # three too many\n", 3, 3, "Remove the 3 `}`", _ALL_PAIRED, "}\n  # three too many\n"),
    ("}\n", "}\n" + "}\n" * 10_000, 10_000, 10_000, "Remove the 10,000 `}`", _ALL_PAIRED, None),
    # in the middle, the first of the line closing the cluster early: it goes too
    ("  job SYSFU {", "  }}}\n  job SYSFU {", 2, 3, "Remove the 3 `}`",
     ("remove them and the `}` before them, which closed `cluster DEVSSI` early: every other `{` and `}` of the file"
      " pair up"), None),
    ("  job SYSFU {", "  }}\n  job SYSFU {", None, 2, "Remove the 2 `}`",
     "remove it and the `}` before it, which closed `cluster DEVSSI` early: every other `{` and `}` of the file pair up",
     None),
    # after a job's last statement: the job's `}`, the cluster's, then two too many
    ("daily 02:00\n  }\n}\n", "daily 02:00 }}}}\n", 2, 2, "Remove the 2 `}`", _ALL_PAIRED, "daily 02:00 }}\n"),
]


def _last(clean: str, written: str) -> str:
    """examples/minimal.bkr with its last `clean` written `written`."""
    at = _MINIMAL.rindex(clean)
    return _MINIMAL[:at] + written + _MINIMAL[at + len(clean) :]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("clean", "written", "run", "surplus", "title", "help_text", "mended"), CLOSE_RUNS, ids=range(len(CLOSE_RUNS))
)
def test_a_run_of_braces_that_close_nothing_says_how_many_and_its_fix_removes_them(
    clean, written, run, surplus, title, help_text, mended, parser, monkeypatch
):
    # A run of `}` too many (a bad merge, a paste) was one BKR006, "this `}` closes
    # nothing", whose help said "remove it" without a fix, where BKR004 says how many `{`
    # the file has too many. It now says how many the run holds and the file's count,
    # and where removing them pairs every brace, its fix removes them all.
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _last(clean, written)
    (d,) = analyse("minimal.bkr", text.encode("utf-8")).diagnostics
    assert d.code == "BKR006"
    assert d.message == (
        "this `}` closes nothing" if run is None else f"these {run:,} `}}` close nothing: the file has {surplus:,} `}}` more than `{{`"
    )
    assert d.help == help_text
    assert d.fix is not None and d.fix.title == title
    (edit,) = d.fix.edits
    fixed = text[: edit.span.start] + edit.new_text + text[edit.span.end :]
    assert fixed == (_MINIMAL if mended is None else _last(clean, mended))
    assert analyse("minimal.bkr", fixed.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "text",
    [
        # `}` too many in two places: the run at the end is two of three too many, and no
        # removal of the run alone pairs every brace
        _MINIMAL.replace("    backup SYSTEM full\n", "    backup SYSTEM full }\n", 1) + "}}\n",
        # ... or one of two: removing it with the cluster's own `}` before it pairs every
        # brace, but the `}` too many is the job's, above (BKR013 says so)
        _MINIMAL.replace("    backup SYSTEM full\n", "    backup SYSTEM full }\n", 1) + "}\n",
    ],
    ids=["run", "one"],
)
def test_a_run_of_braces_whose_removal_leaves_braces_unpaired_has_no_fix(text, parser, monkeypatch):
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    found = [d for d in analyse("minimal.bkr", text.encode("utf-8")).diagnostics if d.code == "BKR006"]
    assert found and all(d.fix is None for d in found), found


#: examples/minimal.bkr with a control character (or a BOM past the file's start)
#: before each of its lines.
def _before_each_line(char: str) -> str:
    return "".join(char + line for line in _MINIMAL.splitlines(keepends=True))


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("char", ["\x01", "\ufeff", "\x1a"])
def test_a_control_character_before_each_line_is_an_error_on_each_line_and_the_cluster_is_read(
    char, parser, monkeypatch
):
    # A control character before each line (a file transferred in binary, a BOM before
    # each of many files pasted into one) was reported on line 1 and 5 only: the
    # recovery skipped the word after it with it (`import`, `cluster`, so the file was
    # "a module"), and a second one where no token was read since (a comment line) was
    # taken for a cascade. Now each is an error (up to the cap), whose fix removes it,
    # and the words after them are read: fixed, the file checks clean.
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _before_each_line(char)
    found = analyse("minimal.bkr", text.encode("utf-8")).diagnostics
    # a BOM at the file's start is no error (the file is read without it)
    first = 2 if char == "\ufeff" else 1
    said, (more,) = found[:-1], found[-1:]
    assert [(d.code, d.span.line, d.span.column) for d in said] == [
        ("BKR003", line, 1) for line in range(first, first + MAX_REPORTED)
    ]
    assert more.code == "BKR008"  # more than are worth listing
    assert all(d.fix is not None and d.fix.title == "Remove the control character" for d in said)
    assert fixes.fix_all(text, "minimal.bkr", lambda t: analyse("minimal.bkr", t.encode("utf-8"))).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("where", ["cluster DEVSSI {", "import std/zvm73", "  job SYSFU {", "    retain 30 days"])
def test_a_control_character_before_a_word_leaves_the_word_read(where, parser, monkeypatch):
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _MINIMAL.replace(where, "\x01\x02" + where.lstrip(), 1)
    (d,) = analyse("minimal.bkr", text.encode("utf-8")).diagnostics
    assert d.code == "BKR003" and d.message == "the control character U+0001 cannot appear in a .bkr file"
    assert d.fix is not None and d.fix.title == "Remove the control characters"
    (edit,) = d.fix.edits
    fixed = text[: edit.span.start] + edit.new_text + text[edit.span.end :]
    assert fixed == _MINIMAL.replace(where, where.lstrip(), 1)
    if where == where.lstrip():
        assert fixed == _MINIMAL


# --- h7 (stop 68)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "extra", "lines"),
    [
        # h10's case: a `{` written twice after a job's head, `}}` pasted at the end
        ("  job SYSFU { {\n", "}}\n", "line 33"),
        ("  job SYSFU {\n  {\n", "}\n}\n", "line 34"),
        ("  job SYSFU { {\n", "}  }\n", "line 33"),
    ],
)
def test_h7s68_a_brace_run_whose_fix_would_leave_a_bare_open_brace_removes_it_too(
    written, extra, lines, parser, monkeypatch
):
    """`job SYSFU { {`, and `}}` at the file's end: BKR004 at the second `{` (opens
    nothing, no fix) and BKR006 at the last `}`, whose fix removed that `}`: the
    braces then paired (the bare `{` took one), and BKR004 was left, with no fix.
    Now BKR006's help says the `{` opens nothing, and its fix removes it with the `}`
    it took: the file is the clean one again."""
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _MINIMAL.replace("  job SYSFU {\n", written, 1) + extra
    found = analyse("minimal.bkr", text.encode("utf-8")).diagnostics
    assert [d.code for d in found] == ["BKR004", "BKR006"]
    closes = found[-1]
    assert f"the `{{` on {lines}, which opens nothing (BKR004)" in closes.help
    assert closes.fix.title.endswith(f"and the `{{` on {lines}")
    fixed = fixes.apply_edits(text, closes.fix.edits)
    assert fixed == _MINIMAL
    assert analyse("minimal.bkr", fixed.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h7s68_a_bare_open_brace_whose_removal_leaves_braces_unpaired_keeps_the_fix_as_before(parser, monkeypatch):
    """`job SYSFU { {` and one `}` at the end: the braces pair up already (the `{`'s
    block closed by it), and BKR004 alone is said, as before."""
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _MINIMAL.replace("  job SYSFU {\n", "  job SYSFU { {\n", 1) + "}\n"
    assert [d.code for d in analyse("minimal.bkr", text.encode("utf-8")).diagnostics] == ["BKR004"]


# stop 70, h13: brace counts in BKR004/BKR006 written with a thousands separator
# BKR006 said "these 100000 `}`" where BKR018 writes 1,000,000 and bkrc's other
# counts use a separator: every count of `{` or `}` is now written so.
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_long_run_of_braces_is_counted_with_a_thousands_separator(parser, monkeypatch):
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _MINIMAL + "}\n" * 1_500
    (d,) = analyse("minimal.bkr", text.encode("utf-8")).diagnostics
    assert (d.code, d.message, d.label) == (
        "BKR006", "these 1,500 `}` close nothing: the file has 1,500 `}` more than `{`", "the first of 1,500")
    assert d.fix is not None and d.fix.title == "Remove the 1,500 `}`"
    (edit,) = d.fix.edits
    fixed = text[: edit.span.start] + edit.new_text + text[edit.span.end :]
    assert fixed == _MINIMAL and analyse("minimal.bkr", fixed.encode("utf-8")).diagnostics == []
    opened = _MINIMAL.replace("  job SYSFU {\n", "  job SYSFU {\n" + "{" * 1_500 + "\n", 1)
    first = analyse("minimal.bkr", opened.encode("utf-8")).diagnostics[0]
    assert (first.code, first.message) == ("BKR004", "this `{` opens nothing: the file has 1,500 `{` more than `}`")


# stop 71, h14: a `}` missing at the file's end, a doubled `{`, `;` typed for `}`
# h3 (stop 71): each said what is wrong and offered no fix. Where the file's
# indentation shows where the block ends, the fix writes the `}` (or removes the
# doubled `{`); where it does not, no fix, and the help says why.
_H14_JOB_END = "    run on each member daily 02:00\n  }\n}\n"


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("ending", "title"),
    [
        # the cluster's `}` left out: its last line is the job's `}`, at the cluster's body indentation
        ("    run on each member daily 02:00\n  }\n", "Insert `}` to end `cluster DEVSSI`"),
        ("    run on each member daily 02:00\n  }\n\n\n", "Insert `}` to end `cluster DEVSSI`"),
        # the job's and the cluster's
        ("    run on each member daily 02:00\n", "Insert `}` to end `job SYSFU` and `cluster DEVSSI`"),
    ],
)
def test_h14s71_a_brace_missing_at_the_end_the_indentation_shows_gets_a_fix(ending, title, parser, monkeypatch):
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _MINIMAL.replace(_H14_JOB_END, ending, 1)
    assert text != _MINIMAL
    (d,) = analyse("minimal.bkr", text.encode("utf-8")).diagnostics
    assert d.code == "BKR005" and d.fix is not None and d.fix.title == title
    assert "no fix" not in d.help and d.choices == ()
    fixed = fixes.apply_edits(text, d.fix.edits)
    assert fixed.rstrip("\n") + "\n" == _MINIMAL
    assert analyse("minimal.bkr", fixed.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h14s71_a_brace_missing_where_a_brace_does_not_line_up_gets_no_fix_and_the_help_says_why(parser, monkeypatch):
    """The job's `}` written at the cluster's indentation, the cluster's left out: which
    `}` is missing is the parser's guess (the job's `}` may be the cluster's)."""
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _MINIMAL.replace(_H14_JOB_END, "    run on each member daily 02:00\n}\n", 1)
    (d,) = analyse("minimal.bkr", text.encode("utf-8")).diagnostics
    assert d.code == "BKR005" and d.fix is None and len(d.choices) == 1
    assert d.help.endswith(
        "; no fix: the `}` on line 38 does not line up with the line of a `{` it would close,"
        " so the indentation does not show where a block ends"
    )


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "edited"),
    [("  job SYSFU { {\n", "  job SYSFU {\n"), ("  job SYSFU {\n  {\n", "  job SYSFU {\n")],
)
def test_h14s71_a_doubled_open_brace_gets_a_fix_removing_it(written, edited, parser, monkeypatch):
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _MINIMAL.replace("  job SYSFU {\n", written, 1)
    (d,) = analyse("minimal.bkr", text.encode("utf-8")).diagnostics
    assert (d.code, d.message) == ("BKR004", "this `{` opens nothing: the file has one `{` more than `}`")
    assert d.fix is not None and d.fix.title == "Remove the doubled `{`"
    fixed = fixes.apply_edits(text, d.fix.edits)
    assert fixed == _MINIMAL
    assert analyse("minimal.bkr", fixed.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h14s71_a_doubled_open_brace_the_indentation_does_not_place_gets_no_fix_and_the_help_says_why(
    parser, monkeypatch
):
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _MINIMAL.replace("  job SYSFU {\n", "  job SYSFU { {\n", 1).replace(
        "    to disk pool BKUPPOOL\n    run on each", "  to disk pool BKUPPOOL\n    run on each", 1)
    found = analyse("minimal.bkr", text.encode("utf-8")).diagnostics
    (d,) = [d for d in found if d.code == "BKR004"]
    assert d.fix is None
    assert "; no fix: without it, line 36 is not indented inside the block opened on line 33" in d.help
    two = _MINIMAL.replace("  job SYSFU {\n", "  job SYSFU { { {\n", 1)
    first = analyse("minimal.bkr", two.encode("utf-8")).diagnostics[0]
    assert first.fix is None and "no fix: the file has 2 `{` more than `}`" in first.help


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("comment", ["", "  # the members"])
def test_h14s71_a_semicolon_typed_for_a_closing_brace_is_said_at_the_semicolon(comment, parser, monkeypatch):
    """`member DEV1 { workers 2 ;`: was BKR003 for the `;` and BKR005 blaming the
    cluster (the next line's `}` closed the member); now one error at the `;`, whose
    fix writes `}`."""
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    line = "  member DEV1 { workers 2  private-volume D1PRV1 }\n"
    text = _MINIMAL.replace(line, line[:-2] + ";" + comment + "\n", 1)
    (d,) = analyse("minimal.bkr", text.encode("utf-8")).diagnostics
    assert d.code == "BKR005" and (d.span.line, d.span.column) == (9, 50)
    assert d.message == "`;` where the `}` of `member DEV1` is due: the block opened on this line is never closed"
    assert d.fix is not None and d.fix.title == "Write `}`"
    fixed = fixes.apply_edits(text, d.fix.edits)
    assert fixed == _MINIMAL.replace(line, line[:-1] + comment + "\n", 1)
    assert analyse("minimal.bkr", fixed.encode("utf-8")).diagnostics == []
