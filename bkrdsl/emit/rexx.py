"""The REXX EXECs of one member: BKRSUBMT, BKREXPIR and BKRSTART.

Pure functions `(model, member, source, dialect) -> str`, each text with
`IDENTITY_MARK` where the compile's identity goes; `cluster_execs` writes them
all and fills it in, and the compile command decides where the texts go. Each
EXEC:

* starts with a comment on line 1 that names the source file and says it is
  generated (CMS needs the comment to run the file as REXX), then names the
  compile that wrote it (`compile_identity`: a hash of every EXEC of the
  compile, the same in all of them), which `( VERSION` says too;
* answers `?` and HELP alone (`HELP_WORDS`) with what it does and how to
  call it, rc 0, before the member check: neither asks CP anything;
* sets `trace off`: CMS's default, TRACE N, would trace a command ending
  with a negative rc (-3) on the console besides the EXEC's own message;
* uses `ADDRESS COMMAND` and writes every CP action (SMSG, XAUTOLOG,
  SLEEP) as `'CP ...'`, so that no user synonym or EXEC of the same name can
  hijack it (an rc 0 with an error message cannot be seen there: a known
  limit, docs/rexx.md);
* reads CP's answer through DIAGRC(8, ...) only where it must (QUERY USERID,
  and BKRSTART's QUERY USER): routine `cpquery`, which gives the answer
  without a pipe or the program stack, and ends with rc 48 when no rc can
  be read from it;
* asks CP which member it runs on (QUERY USERID answers `userid AT member`)
  and refuses, with rc 40 and a message, to do anything on another member,
  and with rc 52 on a system that is no member of the cluster as the compile
  knows it (a member removed since: it says so, with the members);
* checks every return code and exits with it; -3 or 2147483647 too;
* says every line through one routine, TELL, that folds it to fit an
  80-column 3270 console (SAY_COLUMNS, 79: CMS wraps a longer line mid-word);
* writes only EBCDIC-invariant characters (`$ # @` only inside names), no
  `|` and no backslash at all, lines of at most 72 columns. Every piece of
  text comes through `bkrdsl.emit.quoting`.

Product verbs, the CP commands QUERY USERID, QUERY USER and XAUTOLOG, the rcs
of CP's refusals the EXECs act on (XAUTOLOG's not in the directory and
already logged on, SMSG's not receiving), and the CMS command with which
BKRSTART asks whether the catalog's file pool serves (QUERY FILEPOOL CONNECT,
and the rcs after which it stops asking) come from the dialect table; the
only commands this module spells out are CP's own `SLEEP`, with which BKRSTART
waits for the SFS server, and CMS's `SET CMSTYPE HT` and `SET CMSTYPE RT`,
which keep the file pool query's answers off AUTOLOG1's console (all but
the one asked again when BKRSTART gives up, whose message is its reason).
See docs/rexx.md.
"""

from __future__ import annotations

import hashlib

from bkrdsl.ast import Kind, Level, Scope, TargetMedium
from bkrdsl.dialect import CP_NOT_LOGGED_ON
from bkrdsl.emit.common import EXPIRE_EXEC, PROFILE_SNIPPET, SUBMIT_EXEC, Reading
from bkrdsl.emit.destination import goes_to
from bkrdsl.emit.quoting import (
    MAX_COLUMNS,
    invariant_text,
    is_emittable,
    lines_fit_rules,
    rexx_assign,
    rexx_comment,
    rexx_literal,
)
from bkrdsl.generated import (  # the EXECs' names live there: the syntax's helps name them too
    EXPIRE_FILE,
    INVARIANT,
    RC_ELSEWHERE,
    RC_MISSED,
    RC_NOT_MEMBER,
    RC_NOT_UP,
    RC_RECORD,
    RC_UNKNOWN,
    RC_UNREADABLE,
    RC_USAGE,
    RC_WRONG_MEMBER,
    SAY_COLUMNS,
    START_FILE,
    SUBMIT_FILE,
)
from bkrdsl.resolve.model import (
    DEFAULT_LOGON_WAIT,
    DEFAULT_POOL_WAIT,
    LOGON_POLL_SECONDS,
    POOL_POLL_SECONDS,
    CatalogModel,
    JobModel,
    MemberModel,
    Model,
    timing,
)

#: Stands for the compile's identity while the EXECs are written; `cluster_execs`
#: puts the identity in its place. `<U+` and no hex digit after it: quoting
#: never writes that (it writes a `<` that starts `<U+` as `<U+003C>`, and a
#: character made visible as `<U+` and hex digits), so the mark is only where
#: the emitters put it, raw, as code, never through quoting.
IDENTITY_MARK = "<U+IDNT>"
#: The identity: this many hex digits, upper case, of the sha256 of every EXEC
#: of the compile (docs/rexx.md, "Which compile wrote an EXEC").
IDENTITY_DIGITS = len(IDENTITY_MARK)

# The rcs the EXECs set themselves are bkrdsl.generated's (EXEC_RETURN_CODES),
# which the dialect table's CP rcs are checked against; CP_NOT_LOGGED_ON (45,
# HCP045E) is the dialect module's, and the other CP rcs the EXECs act on are
# entries of the table (`dialect.CP_RETURN_CODES`), so that a site corrects them.

#: How often BKRSTART asks whether the catalog's SFS server is logged on, then
#: whether its file pool serves (model.py, with the waits' defaults and bounds:
#: the `catalog` statement's `logon-wait` and `pool-wait` set how long).
POLL_SECONDS = LOGON_POLL_SECONDS
POOL_SECONDS = POOL_POLL_SECONDS
#: CP SLEEP: a CP command, not a product verb.
CP_SLEEP = f"SLEEP {POLL_SECONDS} SEC"
CP_POOL_SLEEP = f"SLEEP {POOL_SECONDS} SEC"


# ------------------------------------------------------------------ helpers
def _member_name(member: MemberModel | str) -> str:
    return member if isinstance(member, str) else member.name


#: Where `_header` puts the note on the assumed dialect entries the EXEC is
#: written from (`_Exec.text` writes it there, once the rest is written).
_ASSUMED_NOTE = object()


class _Exec:
    """Lines of one EXEC, checked against the CMS rules when finished; `dialect`
    is the EXEC's own reading of the table, which its header's note is made from."""

    def __init__(self, dialect: Reading) -> None:
        self.lines: list[str] = []
        self.dialect = dialect
        self._note_at: int | None = None

    def note_here(self) -> None:
        """The header's note on the assumed entries the EXEC read goes here (`text`)."""
        self._note_at = len(self.lines)

    def comment(self, text: str = "", indent: int = 0, hang: int = 0, free: str = "") -> None:
        """Comment lines of `text`, which holds names and bkrc's own words only (`$ # @`
        raw, as in the code that uses those names), then of `free` text (a description:
        `$ # @` mapped)."""
        self.lines.extend(rexx_comment(text, indent=indent, hang=hang, name=True, free=free))

    def code(self, *lines: str) -> None:
        self.lines.extend(lines)

    def assign(self, variable: str, text: str, *, name: bool = False, indent: int = 0) -> None:
        self.lines.extend(rexx_assign(variable, text, name=name, indent=indent))

    def text(self) -> str:
        return self.finish()[0]

    def finish(self) -> tuple[str, bool]:
        """The EXEC's text, checked against the CMS rules, and what `fits_rules`
        says of it without `$ # @` (names may hold them, so the text need not):
        the compile's CMS check takes that answer rather than reading every EXEC
        again (`checked_execs`)."""
        lines = self.lines
        if self._note_at is not None:
            # Made last, once every entry the EXEC is written from has been read.
            note = [line for paragraph in self.dialect.note() for line in rexx_comment(paragraph, name=True)]
            lines = [*lines[: self._note_at], *note, *lines[self._note_at :]]
        text = "\n".join(lines) + "\n"
        # Quoting guarantees this (`|` and backslash are not in the set either);
        # a failure here is a bug in this module. A line end inside a line breaks
        # it too (the lines joined without one hold one: a search in C, where
        # counting the text's line ends read it byte by byte); without one, the
        # lines' lengths are the text's (`lines_fit_rules`). The line walk only
        # names the line.
        whole = "\n" not in "".join(lines)
        strict = whole and lines_fit_rules(lines, text)
        if not (strict or (whole and lines_fit_rules(lines, text, names=True))):
            for number, line in enumerate(lines, 1):
                if not is_emittable(line) or "|" in line or "\\" in line:
                    raise ValueError(f"generated REXX line {number} breaks the CMS rules: {line!r}")
        return text, strict


def _header(out: _Exec, file: str, source: str, purpose: list) -> None:
    """Line 1: a comment naming the source and saying the file is generated.

    A path too long for line 1 is named there by its last part and given in
    full on the next lines; a file name too long even for that moves there too.
    """
    room = MAX_COLUMNS - len("/*  */")
    base = source.replace("\\", "/").rsplit("/", 1)[-1]
    for shown in (source, base):
        line = f"{file} EXEC, generated by bkrc from {shown}, do not edit."
        if len(invariant_text(line)) <= room:
            out.comment(line)
            if shown != source:
                out.comment(f"Source: {source}", hang=2)
            break
    else:
        out.comment(f"{file} EXEC, generated by bkrc, do not edit. Source:")
        out.comment(f"  {source}", hang=2)
    # Raw, not through quoting, which would write the mark's `<U+` otherwise.
    out.code(f"/* Compile {IDENTITY_MARK}: every EXEC of one compile, for every */",
             f"/* member, names the same; EXEC {file} ( VERSION says it. */")
    for paragraph in purpose:
        if paragraph is _ASSUMED_NOTE:
            out.note_here()
        elif isinstance(paragraph, tuple):  # (text, hanging indent of its later lines)
            out.comment(paragraph[0], hang=paragraph[1])
        else:
            out.comment(paragraph)


def _schedule_codes(schedule) -> tuple[str, str]:
    """(machine form for the DUE test, human form for listings) of a schedule,
    as the model reads it (`timing`).

    Machine forms: `HH:MM DAILY`, `HH:MM WEEKLY MON THU`, `HH:MM MONTHLY 15`,
    `HH:MM MONTHLY LAST-DAY`, `HH:MM MONTHLY FIRST SUN`, `MANUAL` (never due).
    """
    when = timing(schedule)
    if when.hhmm is None:
        return "MANUAL", "manual"
    machine = f"{when.hhmm} {when.frequency.upper()}"
    if when.frequency != "daily":
        machine += f" {' '.join(when.days)}"
    return machine, f"{when.label} {when.hhmm}"


def _job_summary(job: JobModel) -> str:
    """What LIST shows for a job: its description, else what it does."""
    if job.description:
        return job.description
    what = ", ".join(ref.word.upper for ref in job.refs) or "nothing"
    text = f"{job.level.value} backup of {what}"
    if job.target is not None:
        text += " to tape" if job.target.medium is TargetMedium.TAPE else " to disk"
        if job.target.pool is not None:  # a tape pool as much as a disk pool: the template names it
            text += f" pool {job.target.pool.upper}"
    return text


def _message(dialect, user: str, verb: str) -> str:
    """The CP command that sends `verb` to `user`: `SMSG BKRBKUP SUBMIT JOB`."""
    return f"{dialect['message_command']} {user} {verb}"


# ------------------------------------------------------------------ shared REXX routines
#: CP commands whose answer the EXEC reads go through DIAGRC(8, ...): CP's
#: rc as the first word of its first 16 characters, the answer from column
#: 17, each line ended by X'15'. The answer is then not on the console, so
#: `cpquery` shows it on a failure. Every other CP command stays `'CP ...'`
#: under ADDRESS COMMAND (docs/rexx.md).
_QUERY_ROUTINES = [
    "/* Asks CP through DIAGRC(8, ...); its answer goes to cpanswer, */",
    "/* lines ended by '15'x. Returns the rc: one of those in arg(2) */",
    "/* quietly, any other after showing CP's answer and the rc. No rc */",
    f"/* at all (an empty answer included) is shown and ends with rc {RC_UNREADABLE}. */",
    "cpquery: procedure expose me cpanswer",
    "  parse arg command, quiet",
    "  parse value diagrc(8, command) with whole",
    "  parse var whole cprc . 17 cpanswer",
    "  if isrc(cprc) then nop",
    "  else do",
    "    call tell me': CP' command 'gave no return code through DIAGRC.'",
    "    if whole == '' then call tell me': DIAGRC answered nothing.'",
    "    else call tell me': DIAGRC answered:' translate(whole, ' ', '15'x)",
    "    call tell me': its answer cannot be read: taken as failed,',",
    f"      'rc {RC_UNREADABLE}.'",
    "    cpanswer = ''",
    f"    return {RC_UNREADABLE}",
    "  end",
    "  if wordpos(cprc + 0, quiet) > 0 then return cprc",
    "  call showlines cpanswer",
    "  call tell me': CP' command 'failed, rc' cprc'.'",
    "  return cprc",
    "",
    "/* A whole number, as DIAGRC writes CP's rc: 0, -3, 2147483647. */",
    "isrc: procedure",
    "  parse arg n",
    "  if left(n, 1) == '-' then n = substr(n, 2)",
    "  return n <> '' & verify(n, '0123456789') = 0",
    "",
    "/* Shows CP's answer as CP would have: a line per '15'x. */",
    "showlines: procedure expose me",
    "  parse arg answer",
    "  do while answer <> ''",
    "    parse var answer line '15'x answer",
    "    call tell line",
    "  end",
    "  return",
]


#: TELL: every line an EXEC says goes through it (no `say` elsewhere), so that
#: it fits a 3270 console, SAY_COLUMNS wide; CMS would wrap a longer line
#: mid-word. It folds at the last blank within SAY_COLUMNS (that one blank is
#: dropped, runs of blanks stay); each later line starts as the first, with
#: `me':'` when the first does, its text 4 columns further in than the first's,
#: so it reads as a continuation (the lists' items are indented 2), but never
#: past half the line (a description may start with blanks). A word too
#: long for a line (operands typed as one) is cut where the line ends. Nothing
#: is lost: a line cut at a blank is shorter than SAY_COLUMNS, one cut in a
#: word as long, so the text comes back from the lines (tests/cms/invariants.py's
#: `folded` writes the rule down again, apart, for the tests).
_TELL_ROUTINE = [
    f"/* Says a line in lines of at most {SAY_COLUMNS} columns: a 3270 console */",
    "/* wraps a longer one mid-word. Folds at the last blank in it; */",
    "/* each later line starts as the first (me': when it does), 4 */",
    "/* columns further in, at most half the line in. A word longer */",
    "/* than a line is cut. */",
    "tell: procedure expose me",
    "  parse arg line",
    "  lead = ''",
    "  if left(line, length(me) + 1) == me':' then lead = me':'",
    "  text = substr(line, length(lead) + 1)",
    "  indent = length(text) - length(strip(text, 'L'))",
    f"  more = left(lead, min(length(lead) + indent + 4, {SAY_COLUMNS // 2}))",
    f"  do while length(line) > {SAY_COLUMNS}",
    f"    cut = lastpos(' ', line, {SAY_COLUMNS})",
    "    if cut > length(more) then do",
    "      say left(line, cut - 1)",
    "      line = insert(more, substr(line, cut + 1))",
    "    end",
    "    else do",
    f"      say left(line, {SAY_COLUMNS})",
    f"      line = insert(more, substr(line, {SAY_COLUMNS + 1}))",
    "    end",
    "  end",
    "  say line",
    "  return",
]


def _guard_routine(dialect, member: str, where: list[str], expose: str = "", *,
                   caller: str, outside: tuple[str, ...] = ()) -> list[str]:
    """ONMEMBER: 0 on the member this EXEC was generated for, else rc 40
    (or that of a QUERY USERID that failed, or rc 48: `cpquery`).

    On another member it says where to run instead, after it names that member
    (`here`): `where`, lines that end with `return` (`_every_member`,
    `_some_members`), never an EXEC bkrc did not write. `expose`: more of the
    main program's variables those lines read (BKRSUBMT's `verb rest review`).

    On a system that is no member of the cluster as this compile knows it
    (`members`, `_identity_variables`: a member removed since, or a system
    outside the cluster) it says so, with the members, that a member added
    since has its own in a later compile, and that a member removed has the
    call of it to take out of `caller` (AUTOLOG1's PROFILE EXEC, the scheduler), rc
    52 (RC_NOT_MEMBER): no EXEC of this compile is the one to run there.
    `outside`: REXX lines said after that, before the return (BKREXPIR's
    DUE: what was due on the purging member at that minute)."""
    query = rexx_literal(dialect["query_userid"])
    head = []
    if len(f"    call tell me': CP' {query},") > MAX_COLUMNS:
        # A site's command too long to write where it is used: set once, split
        # over as many lines as it takes (its `asked =` line is shorter).
        head, query = rexx_assign("query", dialect["query_userid"], indent=2), "query"
    heading = [f"onmember: procedure expose me member compile cluster members{expose}"]
    while len(heading[-1]) > MAX_COLUMNS:  # continued, as REXX reads a clause's last comma
        cut = heading[-1].rindex(" ", 0, MAX_COLUMNS - 1)
        heading[-1:] = [heading[-1][:cut] + ",", "  " + heading[-1][cut + 1:]]
    return [
        *heading,
        *head,
        f"  asked = cpquery({query}, 0)",
        "  if asked = 0 then nop",
        "  else do",
        "    call tell me': this EXEC is for member' member'. Nothing done.'",
        "    return asked",
        "  end",
        "  parse value translate(cpanswer, ' ', '15'x) with line",
        "  parse upper var line caller at here .",
        "  if at == 'AT' & here <> '' then nop",
        "  else do",
        f"    call tell me': CP' {query},",
        "      'gave no member name:' strip(line)",
        "    call tell me': this EXEC is for member' member'. Nothing done.'",
        f"    return {RC_WRONG_MEMBER}",
        "  end",
        "  if here == member then return 0",
        "  call tell me': this EXEC is for member' member', not for' here'.'",
        "  if wordpos(here, members) > 0 then nop",
        "  else do",
        *rexx_assign("gone", f"take this call out of {caller} (the CHANGES.TXT of the compile "
                     "that removed it lists the steps).", indent=4),
        "    call tell me':' here 'is no member of cluster' cluster 'as compile',",
        "      compile 'knows it ('members'): bkrc wrote no' me 'for it; if',",
        "      'it was added since, install the one a later compile wrote for',",
        "      'it; if it was removed from the cluster,' gone 'Nothing done.'",
        *outside,
        f"    return {RC_NOT_MEMBER}",
        "  end",
        *where,
    ]


#: Where the call of an EXEC is, for the member guard to say on a system that
#: is no member of the cluster (`_guard_routine`): a member removed keeps it
#: until it is taken out there (CHANGES.TXT, docs/deploy.md).
_SCHEDULER = "the scheduler there"
#: RC_NOT_MEMBER as the headers' lists of return codes say it.
_NOT_MEMBER = "a system that is no member of the cluster (one removed since)"
_PROFILE_CALLER = "AUTOLOG1's PROFILE EXEC there"


def _every_member(model: Model, due: bool = False) -> list[str]:
    """The guard's last lines in an EXEC bkrc writes for every member (BKRSUBMT,
    BKRSTART), on another member of the cluster: the one of `here`. A system
    that is no member (a member removed since, a system outside the cluster)
    has none, and the guard says so before these lines (`_guard_routine`):
    every EXEC lists the members, since a member added changes every EXEC
    anyway (the compile it names, `cluster_execs`).
    `due` (BKRSUBMT): after a DUE, the jobs due on `here` at that minute, if
    any, and the command that sends them with the right EXEC (`duemissed`),
    since no later DUE sends them, or, when its operands name no minute, that
    no command can (`nominute`)."""
    why = f"bkrc writes one for each member of cluster {model.name}, none for another system."
    return [
        *rexx_assign("why", why, indent=2, name=True),
        "  call tell me': run the' me 'EXEC generated for' here'.' why,",
        "    'Nothing done.'",
        *(["  if verb == 'DUE' then call duemissed here, rest, review, 'jobs'"] if due else []),
        f"  return {RC_WRONG_MEMBER}",
    ]


#: DUE on another member (rc 40) whose operands name no minute (`duelist`'s
#: reason, `why`): said in one sentence instead of USAGE's text, which would tell
#: the operator to call this EXEC again, and which rc 24 goes with.
_ROUTINE_NOMINUTE = [
    "/* DUE on another member whose operands name no minute: what was */",
    "/* due cannot be told, so no command sends it. */",
    "nominute: procedure expose me",
    "  parse arg why, what",
    "  call tell me': its operands name no minute:' why 'The' what,",
    "    'due then cannot be told.'",
    "  return",
]

#: DUE on another member (the scheduler's call of another member's EXEC, left
#: on its disk), called every minute: what was due on the member it ran on at
#: that minute (`away.`, `awaysched.`: the cluster's other entries, placed by
#: member), and the command that sends it with the right EXEC, the date as
#: yyyymmdd, so that it holds after midnight too; nothing more at a minute when
#: nothing was due there, so that the console shows the refusal alone. The
#: minute is the one DUELIST read, the routine DUE itself uses: the operands
#: and now's defaults are read in that one place only (a second reading of the
#: clock here could name another minute than the one found due).
_ROUTINE_DUEMISSED = [
    "/* DUE on another member: what was due at that minute on the */",
    "/* member it ran on (away., awaysched.), and the command that */",
    "/* sends it with the right EXEC (if that member's own DUE did not */",
    "/* run then, its next one names it as missed, without sending */",
    "/* it); nothing when nothing was due there. The */",
    "/* minute is DUELIST's reading, as DUE's, the date as yyyymmdd. */",
    "/* Operands that name no minute: no command can, the wrong member */",
    "/* still what to fix first (rc 40, not USAGE's). */",
    "duemissed: procedure expose me compile job. sched. away. awaysched.",
    "  parse arg here, operands, review, what",
    "  bad = duelist(operands)",
    "  if bad == '' then nop",
    "  else do",
    "    call nominute bad, what",
    "    call tell me': correct the DUE operands of the caller too.'",
    "    return",
    "  end",
    "  last = monthdays(left(date, 6))",
    "  names = ''",
    "  do k = 1 to away.0",
    "    entry = away.k",
    "    parse var entry . pairs",
    "    do while pairs <> ''",
    "      parse var pairs there typed pairs",
    "      if there == here then nop",
    "      else iterate",
    "      if isdue(awaysched.k, now, day, dd + 0, last) then",
    "        names = names space(translate(typed, ' ', '\"'), 0)",
    "    end",
    "  end",
    "  if names == '' then return",
    "  command = 'EXEC' me 'DUE' now day date",
    "  if review then command = command '( REVIEW'",
    "  call tell me': due on' here 'at' now day date', not sent:'names'.'",
    "  call tell me': named by this EXEC, of compile' compile';',",
    "    'the EXEC on' here",
    "  call tell me': may be of another: EXEC' me '( VERSION there says.'",
    "  call tell me': no later DUE sends them. Once the right EXEC is in'",
    "  call tell me': place, send them with it:'",
    "  call tell me':  ' command",
    "  return",
]


def _some_members(member: str, homes: tuple[str, ...], why: str) -> list[str]:
    """The guard's last lines in an EXEC bkrc writes for `homes` only (BKREXPIR):
    the one of `here` when it is one of them, else `why` there is none. After a
    DUE (a scheduler's call), the minute's actions: on another of `homes`, those
    due there then, if any, and the command that sends them with its own EXEC
    (`duemissed`, from the `away.` table of their actions); elsewhere, what was
    due on `member` then and the command that sends it there (`expmissed`)."""
    others = [m for m in homes if m != member]
    lines = []
    if others:
        lines = [
            *rexx_assign("homes", " ".join(others), indent=2, name=True),
            "  if wordpos(here, homes) > 0 then do",
            "    call tell me': run the' me 'EXEC generated for' here'.',",
            "      'Nothing done.'",
            "    if verb == 'DUE' then call duemissed here, rest, 0, 'expiry actions'",
            f"    return {RC_WRONG_MEMBER}",
            "  end",
        ]
    return [
        *lines,
        *rexx_assign("why", why, indent=2, name=True),
        "  call tell me':' here why 'Nothing done.'",
        "  if verb == 'DUE' then call expmissed rest, here",
        f"  return {RC_WRONG_MEMBER}",
    ]


#: BKREXPIR's DUE on a member that has no BKREXPIR (a scheduler there calls the
#: purging member's EXEC, from a disk both see, or one that moved): its table is
#: the purging member's own, so it says what was due there at that minute, and,
#: since it may have been sent there all the same (that member's own caller),
#: sends the operator to check before sending it once, there; and, since that
#: caller's next DUE names it as missed too (rc 4), says that both name one
#: expiry. PURGE goes to one member only (SSI rule 5): never the command to
#: run here.
_ROUTINE_EXPMISSED = [
    "/* DUE on a member that has none: what was due on this EXEC's */",
    "/* member at that minute, and the command that sends it there, */",
    "/* once, if nothing ran BKREXPIR DUE there then. */",
    "expmissed: procedure expose me member compile job. sched.",
    "  parse arg operands, here",
    "  bad = duelist(operands)",
    "  if bad <> '' then call nominute bad, 'expiry actions'",
    "  else if todo == '' then",
    "    call tell me': nothing was due on' member 'at' now day date'.'",
    "  else do",
    "    names = ''",
    "    do k = 1 to words(todo)",
    "      j = word(todo, k)",
    "      names = names job.j",
    "    end",
    "    call tell me': due on' member 'at' now day date':'names'.'",
    "    call tell me': named by this EXEC, of compile' compile';',",
    "      'the EXEC on' member",
    "    call tell me': may be of another: EXEC' me '( VERSION there says.'",
    "    call tell me': if nothing ran EXEC' me 'DUE on' member 'then,',",
    "      'that was'",
    "    call tell me': not sent, and no later DUE sends it; the next DUE',",
    "      'on' member",
    f"    call tell me': may name it (rc {RC_MISSED}): the same one. Send it',",
    "      'once, on' member', with:'",
    "    call tell me':   EXEC' me 'DUE' now day date",
    "  end",
    "  call tell me': have the scheduler of' here 'not call' me'.'",
    "  return",
]


#: `( VERSION`: which compile wrote the EXEC (`cluster_execs`), for which member
#: of which cluster, from which source. It asks CP nothing, so that it answers
#: wherever the EXEC is (a disk several members or systems see).
_ROUTINE_VERSION = [
    "/* ( VERSION: the compile that wrote this EXEC, and for which */",
    "/* member; it asks CP nothing, so it answers on any system. */",
    "version: procedure expose me member compile cluster source",
    "  call tell me': compile' compile 'of cluster' cluster', for member',",
    "    member'.'",
    "  call tell me': generated by bkrc from' source'.'",
    "  return 0",
]


def _identity_variables(out: _Exec, model: Model, source: str) -> None:
    """What `_ROUTINE_VERSION`, the DUE on another member and the member guard
    say: the compile's identity (`IDENTITY_MARK` until `cluster_execs` fills it
    in), the cluster, its members as this compile knows them (the guard tells a
    member from a system that is none: a member removed since, `_guard_routine`),
    and the source as the header names it."""
    out.code(f"compile = '{IDENTITY_MARK}'")
    out.assign("cluster", model.name, name=True)
    out.assign("members", " ".join(m.name for m in model.members), name=True)
    out.assign("source", source)


#: The operands that ask an EXEC how to use it (`EXEC BKRSUBMT ?`, and HELP):
#: `_help_routine` answers, asking CP nothing.
HELP_WORDS = ("?", "HELP")


def _help_routine(what: list[str], exposed: str, lines: list[str]) -> list[str]:
    """HELP, for `?` and HELP (`HELP_WORDS`): what the EXEC does (`what`, REXX
    code lines of a `tell`, reading the variables `exposed`), then how to use
    it, rc 0; USAGE, for operands it cannot take, says why, then the same
    lines, rc 24 (`RC_USAGE`). Neither asks CP anything: they answer on any
    system, as `( VERSION` does."""
    out = [
        "/* ? or HELP: what it does and how to use it; asks CP nothing. */",
        f"help: procedure expose me{exposed}",
        *what,
        "  call uselines",
        "  return 0",
        "",
        "usage: procedure expose me",
        "  call tell me':' arg(1)",
        "  call uselines",
        f"  return {RC_USAGE}",
        "",
        "uselines: procedure expose me",
    ]
    for line in lines:
        out.extend(rexx_assign("line", line, indent=2))
        out.append("  call tell line")
    out.append("  return")
    return out


_ROUTINES_COMMON_TEMPLATE = [
    "listall: procedure expose me member noun job. when. text.",
    "  if arg(1) == '' then nop",
    "  else return usage('LIST takes no operands.')",
    "  if job.0 = 0 then call tell me': no' noun 'on member' member'.'",
    "  do i = 1 to job.0",
    "    call tell left(job.i, 8) ' ' when.i",
    "    call tell left('', 10) text.i",
    "  end",
    "  return 0",
    "",
    "sendone: procedure expose me member server noun job. run. dry. review,",
    "  typed.{more}",
    "{away}",
    "  parse arg name extra",
    "  if name == '' then return usage('Name the' noun 'to run.')",
    "  if extra == '' then nop",
    "  else return usage('One' noun 'at a time, not' name extra'.')",
    "  do i = 1 to job.0",
    "    if job.i == name then return sendlist(i)",
    "  end",
    "  names = ''",
    "  do i = 1 to job.0",
    "    names = names job.i",
    "  end",
    "  if names == '' then names = ' none'",
    "  call tell me': no' noun name 'on member' member'.'",
    "  call tell me': member' member 'has:'names'.'",
    "{elsewhere}",
    f"  return {RC_UNKNOWN}",
    "",
    "senddue: procedure expose me member server noun job. run. dry.,",
    "  review sched. typed. kind. fulls. caller",
    "  bad = duelist(arg(1))",
    "  if bad == '' then nop",
    "  else return usage(bad)",
    "  /* Read off the clock, not ( REVIEW: the record of the last */",
    "  /* minute handled decides first (DUEGATE). */",
    "  gap = 0",
    "  gate = 'GO'",
    "  if words(arg(1)) = 0 & review = 0 then gate = duegate(date, now, day)",
    "  if gate == 'GO' then nop",
    "  else do",
    "    /* rc {rc_record}: the minute's entries are named, since after an */",
    "    /* ERASE the next DUE names no minute before its new record. */",
    "    if gate == {rc_record} & todo <> '' then call notsent todo",
    "    return gate",
    "  end",
    "  if todo == '' then call tell me': nothing due at' now 'on' day date'.'",
    "  sent = sendlist(todo)",
    "  if sent = 0 & gap then return {rc_missed}",
    "  return sent",
    "",
    "/* DUE read off the clock: the record of the last minute handled, */",
    "/* yyyymmdd hh:mm in the CMS file 'member me A' (one per EXEC and */",
    "/* member, on the caller's A-disk). That minute or one before it, */",
    "/* up to an hour (summer time's hour repeated): already handled, */",
    "/* nothing sent again. Minutes missed after it: what was due then */",
    "/* is named with the command that sends it (GAPLIST), not sent. */",
    "/* The record is written, and read back, before anything is sent: */",
    "/* GO, or the rc to end with, nothing sent. */",
    "duegate: procedure expose me member noun job. sched. typed. gap,",
    "  kind. fulls. caller",
    "  parse arg date, now, day",
    "  file = member me 'A'",
    "  kept = ''",
    "  if lines(file) > 0 then kept = linein(file)",
    "  call stream file, 'C', 'CLOSE'",
    "  if kept == '' then return firstdue(file, date now)",
    "  parse var kept kdate ktime .",
    "  /* Exactly yyyymmdd hh:mm, 14 characters: PUTDUE writes its */",
    "  /* line 1 over one of 14 (blanks padding it: ERASE the file). */",
    "  if stampok(kdate, ktime) & kept == kdate ktime then nop",
    "  else do",
    "    call tell me':' file 'holds' strip(left(kept, 20))', not the',",
    "      'last minute DUE handled (yyyymmdd hh:mm). Nothing sent.'",
    "    call tell me': ERASE' file 'to start a new record.'",
    "    return {rc_record}",
    "  end",
    "  diff = apart(kdate, ktime, date, now)",
    "  kday = dayname(kdate)",
    "  if diff <= 0 & diff >= -60 then do",
    "    call tell me': already handled' now 'on' day date': nothing sent.'",
    "    if diff < 0 then call tell me': the last minute handled is',",
    "      ktime 'on' kday kdate', ahead of the clock.'",
    "    return 0",
    "  end",
    "  if diff < 0 then do",
    "    call tell me': the last minute handled,' ktime 'on' kday kdate',',",
    "      'is more than an hour ahead of the clock. Nothing sent.'",
    "    /* Either may be wrong: the clock, or the record (written by a */",
    "    /* clock that was ahead). Each case gets its own line. */",
    "    call tell me': if the clock is wrong, set it right: until it',",
    "      'passes' ktime 'on' kday kdate', each DUE sends nothing',",
    "      '(rc {rc_record}) and names what is due.'",
    "    call tell me': if the clock is right, ERASE' file 'and call DUE',",
    "      'again.'",
    "    return {rc_record}",
    "  end",
    "  done = putdue(file, date now)",
    "  if done == 'GO' then nop",
    "  else return done",
    "  if diff > 1 then gap = gaplist(kdate, ktime, date, now, diff)",
    "  return 'GO'",
    "",
    "/* No record (the first DUE of this user, or after an ERASE): */",
    "/* started, and said so, with whose A-disk holds it. Each user's */",
    "/* DUE keeps its own: one called by another user than the site's */",
    "/* scheduler (an operator trying DUE) sends what it sends. */",
    "firstdue: procedure expose me caller",
    "  parse arg file, stamp",
    "  done = putdue(file, stamp)",
    "  if done == 'GO' then nop",
    "  else return done",
    "  call tell me': no record on the A-disk of' caller': DUE starts',",
    "    file'.'",
    "  call tell me': each user keeps a record of its own: DUE called by',",
    "    'another user'",
    "  call tell me': than the scheduler sends what it sends again. Try DUE',",
    "    'with ( REVIEW.'",
    "  return 'GO'",
    "",
    "/* Writes the record as the file's line 1 (LINEOUT with a line */",
    "/* number, over the 14 characters DUEGATE read, or in a new file: */",
    "/* no STREAM OPEN), then reads it back: a disk full, read-only or */",
    "/* not accessed fails here, before anything is sent. */",
    "putdue: procedure expose me",
    "  parse arg file, stamp",
    "  unsent = lineout(file, stamp, 1)",
    "  state = stream(file, 'S')",
    "  call stream file, 'C', 'CLOSE'",
    "  back = ''",
    "  if unsent = 0 then do",
    "    if lines(file) > 0 then back = linein(file)",
    "    call stream file, 'C', 'CLOSE'",
    "  end",
    "  if back == stamp then return 'GO'",
    "  call tell me': cannot write' stamp 'to' file '(state',",
    "    state'). Nothing sent.'",
    "  call tell me': make the A-disk writable, with room, then call',",
    "    'DUE again.'",
    "  return {rc_record}",
    "",
    "/* The entries due after the record's minute and before this one */",
    "/* (a week at most: 8 days of the table, not minute by minute), */",
    "/* by day and time, each with the command that sends it (and, of */",
    "/* a job, its level, kind.); over a week, the gap alone. 1 when */",
    "/* it names a gap, 0 when nothing was due in it (a caller that */",
    "/* calls at the jobs' times only). Then which lines can be left */",
    "/* (NEEDLESS). */",
    "gaplist: procedure expose me noun job. sched. typed. kind. fulls. caller",
    "  parse arg kdate, ktime, date, now, diff",
    "  if diff > 10081 then do",
    "    call tell me': no DUE by' caller 'for more than a week, after',",
    "      ktime 'on' dayname(kdate) kdate'. What was due then is not',",
    "      'listed.'",
    "    /* Nothing listed to send: where the list is, and the command. */",
    "    call tell me': EXEC' me 'lists the' noun's of this member: send',",
    "      'each that should still run, once: EXEC' me{byname} 'name'",
    "    return 1",
    "  end",
    "  n = 0",
    "  d = kdate",
    "  do while d <= date",
    "    wd = dayname(d)",
    "    last = monthdays(left(d, 6))",
    "    list = ''",
    "    do i = 1 to job.0",
    "      hhmm = word(sched.i, 1)",
    "      if isdue(sched.i, hhmm, wd, substr(d, 7) + 0, last) then nop",
    "      else iterate",
    "      if d hhmm >> kdate ktime & d hhmm << date now then",
    "        list = insort(list, hhmm'/'i)",
    "    end",
    "    do k = 1 to words(list)",
    "      n = n + 1",
    "      parse value word(list, k) with hhmm '/' j",
    "      at.n = hhmm wd d",
    "      of.n = j",
    "    end",
    "    d = nextday(d)",
    "  end",
    "  if n = 0 then return 0",
    "  call tell me': no DUE by' caller 'in the' diff - 1 'minutes after',",
    "    ktime 'on' dayname(kdate) kdate'.'",
    "  call tell me': due then, not sent: send each once with the',",
    "    'command after it:'",
    "  escaped = 0",
    "  do m = 1 to n",
    "    j = of.m",
    "    name = job.j",
    "    if symbol('typed.j') == 'VAR' then do",
    "      name = typed.j",
    "      escaped = 1",
    "    end",
    "    what = job.j",
    "    if symbol('kind.j') == 'VAR' then what = kind.j",
    "    call tell me':  ' at.m what': EXEC' me{byname} name",
    "  end",
    "  if escaped then call escnote",
    "  call needless n",
    "  return 1",
    "",
    "/* A line sent now backs up the disks as they are now, whatever */",
    "/* its minute: an entry listed again does once what its lines */",
    "/* would, and an incremental job less than a full job of the */",
    "/* same users (fulls.: those full jobs, the pair BKR417 checks) */",
    "/* listed too. Those lines can be left, said once per entry; */",
    "/* which to send stays the operator's: nothing is sent late. */",
    "needless: procedure expose me job. fulls. at. of.",
    "  parse arg n",
    "  do j = 1 to job.0",
    "    mine = 0",
    "    full = 0",
    "    do m = 1 to n",
    "      if of.m = j then do",
    "        mine = mine + 1",
    "        last = m",
    "      end",
    "      else if symbol('fulls.j') == 'VAR' then",
    "        if wordpos(of.m, fulls.j) > 0 then full = of.m",
    "    end",
    "    if mine = 0 then iterate",
    "    if full > 0 then",
    "      call tell me': the' job.j 'lines can be left: full job',",
    "        job.full', listed too, backs up the same users; send it first.'",
    "    else if mine > 1 then",
    "      call tell me': the' job.j 'lines before' at.last 'can be left:',",
    "        'sent now, each does what that one does.'",
    "  end",
    "  return",
    "",
    "/* Adds hh:mm/i to a list in time order, after those of its time. */",
    "insort: procedure",
    "  parse arg list, new",
    "  do k = 1 to words(list)",
    "    if left(word(list, k), 5) >> left(new, 5) then",
    "      return subword(list, 1, k - 1) new subword(list, k)",
    "  end",
    "  return list new",
    "",
    "/* Whether d t is a minute written yyyymmdd hh:mm. */",
    "stampok: procedure",
    "  parse arg d, t",
    "  if length(d) = 8 & verify(d, '0123456789') = 0 then nop",
    "  else return 0",
    "  parse var t hh ':' mm",
    "  if length(t) = 5 & digits2(hh) & length(mm) = 2 then nop",
    "  else return 0",
    "  if digits2(mm) then nop",
    "  else return 0",
    "  if hh <= 23 & mm <= 59 then nop",
    "  else return 0",
    "  month = substr(d, 5, 2)",
    "  if month >= 1 & month <= 12 then nop",
    "  else return 0",
    "  return substr(d, 7) >= 1 & substr(d, 7) <= monthdays(left(d, 6))",
    "",
    "/* Minutes from the first minute to the second (yyyymmdd, hh:mm). */",
    "apart: procedure",
    "  parse arg d1, t1, d2, t2",
    "  parse var t1 h1 ':' m1",
    "  parse var t2 h2 ':' m2",
    "  days = basedays(d2) - basedays(d1)",
    "  return days * 1440 + (h2 - h1) * 60 + m2 - m1",
    "",
    "/* Days from 1 January 0001 to yyyymmdd, counted as DATE('B') */",
    "/* counts them, in whole numbers: // 7 is 0 on a Monday. */",
    "basedays: procedure",
    "  parse arg y 5 m 7 d",
    "  y = y - 1",
    "  before = word('0 31 59 90 120 151 181 212 243 273 304 334', m + 0)",
    "  leap = m > 2 & monthdays((y + 1) * 100 + 2) = 29",
    "  return y * 365 + y % 4 - y % 100 + y % 400 + before + leap + d - 1",
    "",
    "dayname: procedure",
    "  return word('MON TUE WED THU FRI SAT SUN', basedays(arg(1)) // 7 + 1)",
    "",
    "/* The day after yyyymmdd. */",
    "nextday: procedure",
    "  parse arg d",
    "  if substr(d, 7) < monthdays(left(d, 6)) then return d + 1",
    "  if substr(d, 5, 2) < 12 then return (left(d, 6) + 1) * 100 + 1",
    "  return (left(d, 4) + 1) * 10000 + 101",
    "",
    "/* DUE's operands read (now's for those left off): the minute, as */",
    "/* now day dd, and the date as yyyymmdd; todo, the entries due */",
    "/* then. '', or why the operands name no minute. */",
    "duelist: procedure expose me job. sched. todo now day dd date",
    "  parse arg now day dd extra",
    "  if extra == '' then nop",
    "  else return 'DUE takes a time, a day and a date at most.'",
    "  /* One clause reads the clock once: time and date of one instant. */",
    "  /* TIME('L'): Regina's TIME() rounds 23:59:59.5 up to 00:00:00. */",
    "  parse value time('L') date('W') date('S') with clock weekday ymd .",
    "  if now == '' then now = left(clock, 5)",
    "  if day == '' then day = translate(left(weekday, 3))",
    "  if dd == '' then dd = ymd",
    "  /* Digits only: 1.0, +1 or 1E0 are numbers, but no time of day. */",
    "  parse var now hh ':' mm",
    "  ok = digits2(hh) & length(mm) = 2 & digits2(mm)",
    "  if ok then ok = hh <= 23 & mm <= 59",
    "  if ok then nop",
    "  else return 'DUE wants a time 00:00 to 23:59 as hh:mm, not' now'.'",
    "  if wordpos(day, 'MON TUE WED THU FRI SAT SUN') = 0 then",
    "    return 'DUE wants a day MON to SUN, not' day'.'",
    "  /* The date: a day of the month, in the month the clock is in, or */",
    "  /* yyyymmdd, whose month says how long it is (LAST, LAST-DAY). */",
    "  date = dd",
    "  ym = left(ymd, 6)",
    "  most = 31",
    "  long = length(dd) = 8 & verify(dd, '0123456789') = 0",
    "  if long then do",
    "    parse var date ym 7 dd",
    "    month = substr(ym, 5)",
    "    if month >= 1 & month <= 12 then most = monthdays(ym)",
    "    else return 'DUE wants a month 01 to 12 in yyyymmdd, not' date'.'",
    "  end",
    "  ok = digits2(dd)",
    "  if ok then ok = dd >= 1 & dd <= most",
    "  if ok then nop",
    "  else if long then",
    "    return 'DUE wants a date that exists, not' date': its month has',",
    "      most 'days.'",
    "  else return 'DUE wants a day 1 to 31 or yyyymmdd, not' date'.'",
    "  now = right(hh + 0, 2, '0')':'mm",
    "  date = left(ym, 6)right(dd + 0, 2, '0')",
    "  last = monthdays(ym)",
    "  todo = ''",
    "  do i = 1 to job.0",
    "    if isdue(sched.i, now, day, dd + 0, last) then todo = todo i",
    "  end",
    "  return ''",
    "",
    "digits2: procedure",
    "  parse arg n",
    "  return length(n) >= 1 & length(n) <= 2 & verify(n, '0123456789') = 0",
    "",
    "/* The number of days of month yyyymm: February's 29 in a year that */",
    "/* 4 divides, unless 100 does and 400 does not (2000 has, 2100 not). */",
    "monthdays: procedure",
    "  parse arg yyyy 5 mm",
    "  if mm = 2 then nop",
    "  else return word('31 28 31 30 31 30 31 31 30 31 30 31', mm)",
    "  if yyyy // 100 = 0 then return 28 + (yyyy // 400 = 0)",
    "  return 28 + (yyyy // 4 = 0)",
    "",
    "/* MONTHLY 15 is due on the 15th; MONTHLY LAST-DAY on the month's */",
    "/* last day; MONTHLY FIRST SUN on the Sunday of days 1 to 7, SECOND */",
    "/* on days 8 to 14 ...; LAST on the Sunday that has no other after */",
    "/* it in the month (dd + 7 past its last day). */",
    "isdue: procedure",
    "  parse arg hhmm freq days, now, day, dd, last",
    "  if hhmm == now then nop",
    "  else return 0",
    "  if freq == 'DAILY' then return 1",
    "  if freq == 'WEEKLY' then return wordpos(day, days) > 0",
    "  if freq == 'MONTHLY' then nop",
    "  else return 0",
    "  parse var days nth weekday .",
    "  if nth == 'LAST-DAY' then return dd = last",
    "  if weekday == '' then return nth = dd",
    "  if weekday == day then nop",
    "  else return 0",
    "  if nth == 'LAST' then return dd + 7 > last",
    "  return wordpos(nth, 'FIRST SECOND THIRD FOURTH') = (dd - 1) % 7 + 1",
    "",
    "send: procedure expose me member server run. dry. review",
    "  parse arg i",
    "  if review then command = dry.i",
    "  else command = run.i",
    "  'CP' command",
    "  if rc = 0 then do",
    "    call tell me': sent CP' command",
    "    return 0",
    "  end",
    "  sent = rc",
    "  call tell me': CP' command 'failed, rc' sent'.'",
    f"  if sent = {CP_NOT_LOGGED_ON} then do",
    "    call tell me':' server 'is not logged on at member' member'.'",
    "{start_it}",
    f"    call tell me': (at IPL, {START_FILE} on AUTOLOG1 starts it: its',",
    "      'console says why not)'",
    "  end",
    "  if sent = {not_receiving} then do",
    "    call tell me':' server 'is logged on at member' member,",
    "      'but does not'",
    "    call tell me': take messages now: its program is not',",
    "      'running or not ready'",
    "    call tell me': yet. See its console, then send what is listed',",
    "      'below.'",
    "  end",
    "  return sent",
    "",
    "/* Sends the entries its argument numbers, in order. At the first */",
    "/* failure it names what is left unsent, with the command that sends */",
    "/* each as typed at a terminal (typed.: a name with its logical */",
    "/* escapes). DUE will not send them again once their minute has */",
    "/* passed: its record says it was handled. */",
    "sendlist: procedure expose me member server job. run. dry. review,",
    "  typed.",
    "  parse arg todo",
    "  do k = 1 to words(todo)",
    "    call send word(todo, k)",
    "    if result = 0 then iterate",
    "    failed = result",
    "    call tell me': not sent: when the cause is fixed, send each',",
    "      'with:'",
    "    call commands subword(todo, k)",
    "    return failed",
    "  end",
    "  return 0",
    "",
    "/* DUE's minute not handled (its record unsound or not written): */",
    "/* the entries due in it, and the commands that send them. */",
    "notsent: procedure expose me job. typed. review now day date",
    "  parse arg todo",
    "  names = ''",
    "  do k = 1 to words(todo)",
    "    j = word(todo, k)",
    "    names = names job.j",
    "  end",
    "  call tell me': due at' now 'on' day date', not sent:'names'.'",
    "  call tell me': if the next DUE neither sends nor names them',",
    "    '(rc {rc_missed}), send each with:'",
    "  call commands todo",
    "  return",
    "",
    "/* The commands that send the entries its argument numbers, one a */",
    "/* line, as typed at a terminal (typed.: a name with its logical */",
    "/* escapes). */",
    "commands: procedure expose me job. typed. review",
    "  parse arg todo",
    "  escaped = 0",
    "  do n = 1 to words(todo)",
    "    j = word(todo, n)",
    "    name = job.j",
    "    if symbol('typed.j') == 'VAR' then do",
    "      name = typed.j",
    "      escaped = 1",
    "    end",
    "    line = me':   EXEC' me{byname} name",
    "    if review then line = line '( REVIEW'",
    "    call tell line",
    "  end",
    "  if escaped then call escnote",
    "  return",
    "",
    "/* Why a name is shown with a \" before characters the terminal */",
    "/* reads as line editing (BKR308). */",
    "escnote: procedure expose me",
    "  call tell me': type each \" as shown: without it, the',",
    "    'terminal reads'",
    "  call tell me': the character after it as a line end or a delete.'",
    "  return",
]

_ROUTINE_SENDALL = [
    "sendall: procedure expose me member server noun job. run. dry. review,",
    "  typed.",
    "  if arg(1) == '' then nop",
    "  else return usage('ALL takes no operands.')",
    "  if job.0 = 0 then call tell me': no' noun 'on member' member'.'",
    "  todo = ''",
    "  do i = 1 to job.0",
    "    todo = todo i",
    "  end",
    "  return sendlist(todo)",
]


def _start_it(dialect, server: str) -> str:
    """SEND's lines after CP's "not logged on" (rc 45): the commands that start
    the server, so the operator has them at hand, each on a line of its own to
    copy, a sentence set over as many lines as it takes. BKRSTART first, as
    deploy.md's "Running BKRSTART again by hand" runs it (AUTOLOG1's 191 linked
    read-only): a server down is most often the member's machines down
    (AUTOLOG1's run at IPL failed), and it starts those not logged on in their
    order, the catalog's before the backup server and its workers, where the
    dialect's XAUTOLOG of the server alone leaves it without them; that XAUTOLOG
    second, for the one machine logged off by hand."""
    said = [
        f"start it, and the machines it needs, with {START_FILE} from",
        "AUTOLOG1's 191 (it starts those not logged on, in order):",
        "  LINK AUTOLOG1 191 291 RR",
        "  ACCESS 291 Z",
        f"  EXEC {START_FILE}",
        f"or start it alone with CP {dialect.text('xautolog', user=server)}; then send what is listed below.",
    ]
    out = []
    for line in said:
        out += [*rexx_assign("said", line, indent=4, name=True), "    call tell me':' said"]
    return "\n".join(out)


def _routines_common(byname: str, dialect, server: str, *, elsewhere: bool = False) -> list[str]:
    """The routines BKRSUBMT and BKREXPIR share; `byname` is what the EXEC
    wants before a name to send that one entry (BKRSUBMT: ` 'JOB'`, since a
    job may be named like one of its keywords); SEND tells the dialect's rc
    for a server that takes no SMSG (`message_not_receiving_rc`), and, for
    one not logged on, the command that starts `server` (`_start_it`). With
    `elsewhere` (BKRSUBMT), SENDONE's rc 28 also says where the job asked for
    runs: routine ELSEWHERE (`_ROUTINES_ELSEWHERE`), which reads `away.`."""
    fills = {
        "{start_it}": _start_it(dialect, server),
        "{byname}": byname,
        "{not_receiving}": str(dialect.return_code("message_not_receiving_rc")),
        "{more}": "," if elsewhere else "",
        "{away}": "  away." if elsewhere else "",
        "{elsewhere}": "  call elsewhere name" if elsewhere else "",
        "{rc_missed}": str(RC_MISSED),
        "{rc_record}": str(RC_RECORD),
    }
    out = []
    for line in _ROUTINES_COMMON_TEMPLATE:
        if "{" not in line:  # a line without a `{` holds no mark: most are taken as they are
            out.append(line)
            continue
        filled = _filled(line, fills)
        if filled or not line.startswith("{"):  # a mark alone on its line may stand for none
            out.extend(filled.split("\n"))  # or for several
    return out


def _shared_routines(dialect: Reading, made: dict | None, byname: str, server: str, *, elsewhere: bool = False):
    """`_routines_common`, made once per compile for every EXEC that asks the same
    (`made`: `checked_execs`'s, which every member's BKRSUBMT shares, each asking
    with the same server and words): the lines depend on nothing else, and
    `Reading.shared` notes in each EXEC the entries making them read. Without
    `made` (one EXEC alone), made here."""
    if made is None:
        return _routines_common(byname, dialect, server, elsewhere=elsewhere)
    return dialect.shared(
        made,
        ("routines", byname, server, elsewhere),
        lambda reads: tuple(_routines_common(byname, reads, server, elsewhere=elsewhere)),
    )


def _filled(line: str, fills: dict[str, str]) -> str:
    for mark, text in fills.items():
        line = line.replace(mark, text)
    return line


#: CP's default logical line end and logical character delete (BKR308): typed
#: at a terminal, each needs the logical escape `"` before it to stay itself.
_LINE_EDITING = "#@"


def typed_at_terminal(name: str) -> str:
    """`name` as an operator types it at a z/VM terminal: `PAY"@1` for PAY@1.
    Names hold no `"` nor cent sign (system identifiers), so no other escape."""
    if "#" not in name and "@" not in name:
        return name  # the usual case (neither of _LINE_EDITING): two scans in C, no character read in Python
    return "".join(f'"{ch}' if ch in _LINE_EDITING else ch for ch in name)


def _shared_variables(out: _Exec, me: str, member: str, server: str, noun: str, entries: list[dict],
                      model: Model, source: str) -> None:
    """What BKRSUBMT and BKREXPIR set before their dispatcher: the variables the
    shared routines (`_routines_common`, `_ROUTINE_SENDALL`, `_ROUTINE_VERSION`)
    expose and read, and the table of what the EXEC sends (`_table`)."""
    out.code("trace off", "address command")
    _identity_variables(out, model, source)
    out.assign("me", me)
    out.assign("member", member, name=True)
    out.assign("server", server, name=True)
    out.assign("noun", noun)
    _table(out, entries)


def _pair_fulls(entries: list[dict], jobs: list[JobModel]) -> None:
    """For each incremental job of a member, the full jobs of the same member
    whose `backup` statements name the same groups and users (BKR417's pair:
    a restore starts from their full backup), as the 1-based numbers of their
    entries, for DUE's list of minutes missed to say which lines can be left
    (`needless`)."""
    def names(job: JobModel) -> tuple[str, ...]:
        return tuple(sorted(ref.word.text.upper() for ref in job.refs))

    for entry, job in zip(entries, jobs):
        if job.level is not Level.INCREMENTAL:
            continue
        fulls = [str(i) for i, other in enumerate(jobs, 1)
                 if other.level is Level.FULL and names(other) == names(job)]
        if fulls:
            entry["fulls"] = " ".join(fulls)


def _table(out: _Exec, entries: list[dict]) -> None:
    """The stems the routines read: job. run. dry. sched. when. text., and
    typed. for a name that is typed otherwise at a terminal (`typed_at_terminal`);
    of a job, kind. (its level) and fulls. (`_pair_fulls`)."""
    reviews = " (and the one that reviews it)" if any("dry" in e for e in entries) else ""
    levels = ("; of a job, its level (kind.), and of an incremental one the full jobs "
              "of the same users (fulls.)" if any("kind" in e for e in entries) else "")
    out.comment(f"The table: for each entry its name, the CP command that runs it{reviews}, "
                f"when it is due, and what LIST shows{levels}.")
    out.code(f"job.0 = {len(entries)}")
    for i, entry in enumerate(entries, 1):
        out.assign(f"job.{i}", entry["name"], name=True)
        if typed_at_terminal(entry["name"]) != entry["name"]:
            out.assign(f"typed.{i}", typed_at_terminal(entry["name"]), name=True)
        out.assign(f"run.{i}", entry["run"], name=True)
        if "dry" in entry:
            out.assign(f"dry.{i}", entry["dry"], name=True)
        out.assign(f"sched.{i}", entry["sched"])
        out.assign(f"when.{i}", entry["when"])
        out.assign(f"text.{i}", entry["text"], name=not entry.get("free", False))
        if "kind" in entry:
            out.assign(f"kind.{i}", entry["kind"])
        if "fulls" in entry:
            out.assign(f"fulls.{i}", entry["fulls"])


def _dispatcher(out: _Exec, *, review: bool, verbs: list[tuple[str, str]], fallback: str) -> None:
    """Parse the operands, check the member, run the chosen routine, exit with its rc."""
    # space(): a run of blanks (or trailing blanks) must not count as an operand.
    out.code("parse upper arg operands '(' opts", "operands = space(operands)",
             "parse var operands verb rest")
    # ( VERSION and ? (HELP) before the member check: they answer wherever
    # the EXEC is, asking CP nothing.
    version = [
        "if opts == 'VERSION' then",
        "  if operands == '' then exit version()",
        "  else exit usage('VERSION takes no operands.')",
    ]
    help_ = [
        f"if wordpos(verb, '{' '.join(HELP_WORDS)}') > 0 then",
        "  if rest == '' then exit help()",
        "  else exit usage(verb 'takes no operands.')",
    ]
    if review:
        out.code(
            "opts = space(translate(opts, ' ', ')'))",
            *version,
            "review = 0",
            "if opts == 'REVIEW' then review = 1",
            "else if opts == '' then nop",
            "else exit usage('Unknown option:' opts)",
            *help_,
        )
    else:
        out.code(
            "opts = space(translate(opts, ' ', ')'))",
            *version,
            "review = 0",
            "if opts == '' then nop",
            "else exit usage('Unknown option:' opts)",
            *help_,
        )
    out.code("call onmember", "if result <> 0 then exit result", "select")
    for verb, call in verbs:
        out.code(f"  when verb == '{verb}' then call {call}")
    out.code(f"  otherwise call {fallback}", "end", "exit result", "")


# ------------------------------------------------------------------ BKRSUBMT
#: DUE's operands, as BKRSUBMT's and BKREXPIR's headers explain them (senddue).
#: They are read in order: the ones left off at the end are now's.
_DUE_OPERANDS = (
    "hh:mm on a 24-hour clock, day MON to SUN, date a day of the month "
    "(1 to 31, of the month the clock is in) or yyyymmdd (a LAST weekday "
    "or LAST-DAY needs its month); operands left off at the end are now's"
)

#: BKRSUBMT's keywords: (operand, the routine it calls). A job named like one
#: is submitted with `JOB name`.
_SUBMIT_VERBS = [("", "listall rest"), ("LIST", "listall rest"), ("ALL", "sendall rest"),
                 ("DUE", "senddue rest"), ("JOB", "sendone rest")]

#: After rc 28 (no such job on this member), where the job asked for runs.
#: It tells, and submits nothing: another member's copy of a job run on each
#: member backs up that member's machines, not this one's (docs/rexx.md).
_ROUTINES_ELSEWHERE = [
    "/* Where the job asked for runs (away.: see the table). It tells */",
    "/* and submits nothing: another member's copy of a job run on */",
    "/* each member backs up that member's machines, not this one's. */",
    "elsewhere: procedure expose me member away.",
    "  parse arg name",
    "  escaped = 0",
    "  do k = 1 to away.0",
    "    entry = away.k",
    "    parse var entry source pairs",
    "    own = ''",
    "    hits = ''",
    "    do while pairs <> ''",
    "      parse var pairs there typed pairs",
    "      if there == member then own = typed",
    "      else if untyped(typed) == name then hits = hits there typed",
    "    end",
    "    /* Else only its .bkr name: said for the job's name here. */",
    "    if hits == '' then do",
    "      if name == source then nop",
    "      else iterate",
    "    end",
    "    do while hits <> ''",
    "      parse var hits there typed hits",
    "      call tell me':' name 'is a job of member' there',',",
    "        'not of' member':'",
    "      call tell me': run' submitting(typed) 'on' there'.'",
    "      if untyped(typed) == typed then nop",
    "      else escaped = 1",
    "    end",
    "    if own == '' then iterate",
    "    call tell me': on member' member', job' source 'is' untyped(own)':'",
    "    call tell me': run' submitting(own)'.'",
    "    if untyped(own) == own then nop",
    "    else escaped = 1",
    "  end",
    "  if escaped then call escnote",
    "  return",
    "",
    "/* The command that submits a job, its name as typed: JOB before */",
    "/* a name that is one of the keywords. */",
    "submitting: procedure expose me",
    "  parse arg typed",
    "  if wordpos(untyped(typed), '{keywords}') > 0 then",
    "    return me 'JOB' typed",
    "  return me typed",
    "",
    "/* A name as typed at a terminal without its escapes: the name. */",
    "untyped: procedure",
    "  return space(translate(arg(1), ' ', '\"'), 0)",
]


def _away(model: Model, member: str, rows: list[tuple[object, str, str]] | None = None) -> list[tuple[str, str]]:
    """BKRSUBMT's `away.` table, with each entry's schedule (`awaysched.`): for
    each job of the cluster that runs on another member or is named otherwise on
    `member` (a job run on each member: SYSINC1), its name in the .bkr file, then
    each member it runs on and its name there as typed at a terminal
    (`typed_at_terminal`), from `Model.derived_names`: `SYSINC VMSYS1 SYSINC1
    VMSYS2 SYSINC2`; and its schedule's machine form (`_schedule_codes`, one for
    every member it runs on). Jobs placed nowhere are left out. `rows`: the
    cluster's `_away_rows`, when the caller made them for every member."""
    if rows is None:
        rows = _away_rows(model)
    return [(entry, sched) for left_out, entry, sched in rows if left_out is not _NOWHERE and left_out != member]


#: `_away_rows`' mark of a job that no member's `away.` lists (one placed nowhere).
_NOWHERE = object()


def _away_rows(model: Model) -> list[tuple[object, str, str]]:
    """For each job of the cluster, the member whose `away.` leaves it out (the one
    it runs on alone under its own name; None: no member, `_NOWHERE`: every
    member), its `away.` entry and its schedule's machine form (`_away`). Made once
    per compile, not once per member (`identified_execs`): all but which member
    leaves a job out is the same on every member (docs/performance.md, "Stop 71:
    the compile stage")."""
    rows: list[tuple[object, str, str]] = []
    for job in model.jobs:
        placed = model.derived_names(job)
        if not placed:
            rows.append((_NOWHERE, "", ""))
            continue
        wheres = {where for where, _ in placed}
        own = len(wheres) == 1 and all(name == job.name for _, name in placed)
        entry = " ".join([job.name, *(f"{where} {typed_at_terminal(name)}" for where, name in placed)])
        rows.append((placed[0][0] if own else None, entry, _schedule_codes(job.run.schedule if job.run else None)[0]))
    return rows


def _away_table(out: _Exec, away: list[tuple[str, str]]) -> None:
    """`away.` and `awaysched.` (`_away`, or BKREXPIR's other purging members)."""
    out.code(f"away.0 = {len(away)}")
    for i, (entry, sched) in enumerate(away, 1):
        out.assign(f"away.{i}", entry, name=True)
        out.assign(f"awaysched.{i}", sched)


def submit_exec(
    model: Model, member: MemberModel | str, source: str, dialect, *, away_rows: list | None = None
) -> str:
    """BKRSUBMT EXEC: submits this member's jobs to this member's backup server.
    `away_rows`: the cluster's `_away_rows`, made once for every member's EXEC."""
    return _submit_exec(model, member, source, dialect, away_rows=away_rows).text()


def _submit_exec(
    model: Model, member: MemberModel | str, source: str, dialect, *, away_rows: list | None = None,
    made: dict | None = None,
) -> _Exec:
    dialect = Reading(dialect)  # the EXEC's own: its header names what it read
    name = _member_name(member)
    server = model.backup_server or "BKRBKUP"
    jobs = model.member_jobs(name)
    entries = []
    for job_name, job in jobs:
        sched, when = _schedule_codes(job.run.schedule if job.run else None)
        entries.append(
            {
                "name": job_name,
                "run": _message(dialect, server, dialect.text("submit_verb", job=job_name)),
                "dry": _message(dialect, server, dialect.text("review_verb", job=job_name)),
                "sched": sched,
                "when": when,
                "text": _job_summary(job),
                "free": bool(job.description),  # as _job_summary: else names and bkrc's words
                "source_job": job.name,
                "kind": job.level.value,
            }
        )
    _pair_fulls(entries, [job for _, job in jobs])

    out = _Exec(dialect)
    _header(
        out,
        SUBMIT_FILE,
        source,
        [
            (f"Submits the backup jobs of member {name} of cluster {model.name} "
             f"to the member's own backup server {server}. It asks CP which "
             "member it runs on and refuses to run on any other member."),
            (f"Put it on {goes_to(model, SUBMIT_EXEC, name)} (the site's "
             "scheduler or an operator): docs/deploy.md, BKRSUBMT EXEC."),
            _ASSUMED_NOTE,
            "",
            "BKRSUBMT                lists this member's jobs (or: LIST)",
            "BKRSUBMT name           submits one job (or: JOB name)",
            "BKRSUBMT ALL            submits every job of this member",
            "BKRSUBMT ?              says how to use it (or: HELP)",
            (("BKRSUBMT DUE hh:mm day date  submits the jobs due at that "
              f"minute: {_DUE_OPERANDS}, so DUE alone submits what is due now; "
              "nothing calls it by itself: have the site's scheduler run EXEC "
              "BKRSUBMT DUE every minute. DUE alone keeps the last minute it "
              f"handled in the file {name} BKRSUBMT A on the caller's A-disk: "
              "that minute is not sent again, and a minute missed is named"), 24),
            "Add ( REVIEW to send the review (dry-run) form instead.",
            (f"Return codes: 0 done, {RC_USAGE} bad operands, {RC_UNKNOWN} no such job "
             "on this member (it says where that job runs, or its name here), "
             f"{RC_WRONG_MEMBER} wrong member, {RC_NOT_MEMBER} {_NOT_MEMBER}, {RC_UNREADABLE} CP's answer to "
             f"QUERY USERID unreadable, {RC_MISSED} DUE named jobs of minutes "
             f"missed, {RC_RECORD} DUE's record not written or not sound (nothing "
             "sent; that minute's jobs named), else the rc of the CP "
             "command that failed. ALL and DUE stop at the first command that fails; "
             "a failed send lists the jobs left unsent, each with the command that sends it."),
            "",
            f"Jobs of member {name}:" if entries else f"No job runs on member {name}.",
        ],
    )
    for entry in entries:
        origin = ""
        if entry["name"] != entry["source_job"]:
            origin = f" (job {entry['source_job']}, one per member)"
        head = f"  {entry['name']:<8} {entry['when']}{origin}: "
        if entry["free"]:
            out.comment(head, hang=11, free=entry["text"])
        else:
            out.comment(head + entry["text"], hang=11)
    _shared_variables(out, SUBMIT_FILE, name, server, "job", entries, model, source)
    away = _away(model, name, away_rows)
    out.comment("Where the jobs this member lacks run, for rc 28 to say, and when, "
                "for a DUE on another member: for each job run on another member "
                "or named otherwise here, its name in the .bkr file, then each "
                "member and the job's name there, as typed at a terminal; "
                "awaysched., its schedule.")
    _away_table(out, away)
    out.code("")
    _dispatcher(out, review=True, verbs=_SUBMIT_VERBS, fallback="sendone operands")
    out.code(*_guard_routine(dialect, name, _every_member(model, due=True),
                             " caller verb rest review job. sched. away. awaysched.",
                             caller=_SCHEDULER), "",
             *_ROUTINE_DUEMISSED, "", *_ROUTINE_NOMINUTE, "", *_QUERY_ROUTINES, "", *_TELL_ROUTINE, "")
    out.code(*_shared_routines(dialect, made, " 'JOB'", server, elsewhere=True), "")
    # HELP too: a job named HELP is sent with JOB HELP (`?` names no job).
    keywords = " ".join([*(verb for verb, _ in _SUBMIT_VERBS if verb), "HELP"])
    out.code(*(_filled(line, {"{keywords}": keywords}) for line in _ROUTINES_ELSEWHERE), "")
    out.code(*_ROUTINE_SENDALL, "", *_ROUTINE_VERSION, "")
    out.code(
        *_help_routine(
            [
                "  call tell me': submits the backup jobs of member' member,",
                "    'of cluster' cluster 'to its backup server' server';',",
                "    'it runs on member' member 'only.'",
            ],
            " member cluster server",
            [
                "Use: BKRSUBMT, BKRSUBMT LIST, BKRSUBMT ALL, BKRSUBMT name,",
                "     BKRSUBMT JOB name or BKRSUBMT DUE hh:mm day date, each",
                "     optionally followed by ( REVIEW; date: dd or yyyymmdd;",
                "     BKRSUBMT ( VERSION says which compile wrote it",
            ],
        )
    )
    return out


# ------------------------------------------------------------------ BKREXPIR
#: Each expiry action: its verb's key in the dialect table, and what it does.
_EXPIRE_VERBS = {
    "PREVIEW": ("expire_preview_verb", "lists what a purge would remove"),
    "PURGE": ("expire_purge_verb", "removes expired backups from the catalog"),
}


def expire_exec(model: Model, member: MemberModel | str, source: str, dialect) -> str:
    """BKREXPIR EXEC, for the purging member only: EXPIRE (PREVIEW and (PURGE."""
    return _expire_exec(model, member, source, dialect).text()


def _expire_exec(model: Model, member: MemberModel | str, source: str, dialect, *, made: dict | None = None) -> _Exec:
    dialect = Reading(dialect)  # the EXEC's own: its header names what it read
    name = _member_name(member)
    if name not in model.purging_members():
        raise ValueError(f"member {name} does not purge the catalog: it gets no {EXPIRE_FILE} EXEC")
    server = model.catalog_server or "BKRCATLG"
    # Every block that names this member: its previews (one per block, in source
    # order) and its purge (BKR211 allows one) all belong in this one EXEC.
    blocks = model.expires_on(name)
    shared = model.catalog is not None and model.catalog.scope is Scope.SHARED
    entries = []
    for verb, schedule in model.expire_actions(name):
        key, text = _EXPIRE_VERBS[verb]
        sched, when = _schedule_codes(schedule)
        entries.append(
            {"name": verb, "run": _message(dialect, server, dialect[key]), "sched": sched,
             "when": when, "text": text}
        )
    verbs = list(dict.fromkeys(e["name"] for e in entries))
    texts = {e["name"]: e["text"] for e in entries}
    retain_days = next((e.retain_days for e in blocks if e.purge is not None and e.retain_days is not None),
                       None)
    # bkrc sends no retention: how Backup Manager is told it could not be
    # confirmed (docs/compatibility.md), so the header says what to compare.
    retain = (
        f" The .bkr file keeps backups {retain_days} days; EXPIRE sends no retention: "
        "check that Backup Manager's own retention setting says the same."
        if retain_days is not None
        else ""
    )
    if shared:
        scope = f"The catalog is shared: EXPIRE acts on the jobs of every member, so it runs on {name} only."
    elif model.catalog is not None:
        scope = f"It acts on the catalog of member {name}."
    else:
        # BKR213: the .bkr file does not say; the EXEC must not claim either.
        scope = (
            "The .bkr file does not say whether the members share one catalog: if they do,"
            " EXPIRE acts on the jobs of every member, and one member only may run it."
        )
    out = _Exec(dialect)
    _header(
        out,
        EXPIRE_FILE,
        source,
        [
            (f"Runs catalog expiry for cluster {model.name}: sends EXPIRE "
             f"to the catalog server {server} of member {name}. {scope} It asks "
             f"CP which member it runs on and refuses to run on any other member.{retain}"),
            (f"Put it on {goes_to(model, EXPIRE_EXEC, name)}: docs/deploy.md, "
             "BKREXPIR EXEC."),
            _ASSUMED_NOTE,
            "",
            "BKREXPIR                shows what is configured (or: LIST)",
            *(f"BKREXPIR {verb:<14} {texts[verb]}" for verb in verbs),
            "BKREXPIR ?              says how to use it (or: HELP)",
            (("BKREXPIR DUE hh:mm day date  runs what is due at that minute, "
              f"PREVIEW first: {_DUE_OPERANDS}; nothing calls it by itself: have "
              "the site's scheduler run EXEC BKREXPIR DUE every minute. DUE "
              "alone keeps the last minute it handled in the file "
              f"{name} BKREXPIR A on the caller's A-disk: that minute is not sent "
              "again, and a minute missed is named"), 24),
            (f"Return codes: 0 done, {RC_USAGE} bad operands, {RC_UNKNOWN} no such "
             f"expiry action on this member (it lists those it has), {RC_WRONG_MEMBER} wrong member, "
             f"{RC_NOT_MEMBER} {_NOT_MEMBER}, {RC_UNREADABLE} CP's answer to "
             f"QUERY USERID unreadable, {RC_MISSED} DUE named actions of minutes "
             f"missed, {RC_RECORD} DUE's record not written or not sound (nothing "
             "sent; that minute's actions named), else the rc of the CP "
             "command that failed. DUE stops at the first command that fails; a "
             "failed send lists the actions left unsent, each with the command that sends it."),
            "",
            *(f"  {e['name']} {e['when']}" for e in entries),
        ],
    )
    _shared_variables(out, EXPIRE_FILE, name, server, "expiry action", entries, model, source)
    purging = model.purging_members()
    if len(purging) > 1:
        out.comment("The other purging members' expiry actions, for a DUE on one of "
                    "them to say what was due there: each action, its member and "
                    "the action again; awaysched., its schedule.")
        _away_table(out, [(f"{verb} {other} {verb}", _schedule_codes(schedule)[0])
                          for other in purging if other != name
                          for verb, schedule in model.expire_actions(other)])
    out.code("")
    _dispatcher(
        out,
        review=False,
        verbs=[("", "listall rest"), ("LIST", "listall rest"), ("DUE", "senddue rest")],
        fallback="sendone operands",
    )
    where = f"member {purging[0]}" if len(purging) == 1 else f"members {', '.join(purging[:-1])} and {purging[-1]}"
    nowhere = f"has no {EXPIRE_FILE} EXEC: expiry runs on {where} only."
    several = [*_ROUTINE_DUEMISSED, ""] if len(purging) > 1 else []
    more = " away. awaysched." if len(purging) > 1 else ""
    # A removed member's scheduler may have been the purge's caller (the purge moved
    # off it in the same compile): on DUE, what was due on the purging member then.
    out.code(*_guard_routine(dialect, name, _some_members(name, purging, nowhere), f" caller verb rest job. sched.{more}",
                             caller=_SCHEDULER, outside=("    if verb == 'DUE' then call expmissed rest, here",)),
             "",
             *several, *_ROUTINE_EXPMISSED, "", *_ROUTINE_NOMINUTE, "", *_QUERY_ROUTINES, "", *_TELL_ROUTINE, "")
    out.code(*_shared_routines(dialect, made, "", server), "", *_ROUTINE_VERSION, "")
    usage = "Use: BKREXPIR, BKREXPIR LIST, " + ", ".join(f"BKREXPIR {verb}" for verb in verbs)
    what = [
        "  call tell me': runs catalog expiry for cluster' cluster': sends',",
        "    'EXPIRE to the catalog server' server 'of member' member';',",
        "    'it runs on member' member 'only.'",
    ]
    out.code(*_help_routine(what, " member cluster server",
                            [usage + ",", "     or BKREXPIR DUE hh:mm day date (date: dd or yyyymmdd);",
                             "     BKREXPIR ( VERSION says which compile wrote it"]))
    return out


# ------------------------------------------------------------------ BKRSTART
def _start_order(model: Model, member: str) -> list[tuple[str, str, bool, str | None]]:
    """(user ID, why, wait until logged on, file pool to wait for) in the order
    AUTOLOG1 starts them (`Model.start_order`): the catalog's SFS server is
    waited for until its pool serves, the others are not waited for."""
    shared = model.catalog is not None and model.catalog.scope is Scope.SHARED
    why = dict(_START_WHY)
    if not shared:
        why["catalog-sfs-server"] = "this member's catalog SFS file pool server"
    pool = model.catalog.pool if model.catalog is not None else None
    return [
        (entry.user, why[entry.role], entry.wait, pool if entry.role == "catalog-sfs-server" else None)
        for entry in model.start_order(member)
    ]


#: How BKRSTART's comments name each machine it starts, by role.
_START_WHY = {
    "catalog-sfs-server": "the catalog's SFS file pool server, single-configuration, logged on here only",
    "catalog-server": "the catalog server",
    "backup-server": "the backup server",
    "worker": "a worker",
    "tape-catalog-node": "the Tape Manager catalog node",
    "tape-request-node": "the Tape Manager request node",
}


#: START's line that sends the SFS server logged on at another member to AWAY:
#: only where a single-configuration machine is started (`apart`). ELSEWHERE says
#: so in el.i, not by its rc alone: a CP command that failed with the same number
#: (XAUTOLOG, QUERY USER) is no machine found at another member.
_START_AWAY = "  if el.i & w.i then return away(i)"
#: START, only where a machine's file pool is waited for (`_SERVING`): elsewhere
#: the main loop calls LOGON, since a machine that failed there is never on.
_START_SERVED = [
    "/* 0 when the machine is logged on and, for the catalog's SFS */",
    "/* server, its file pool serves; on.i says whether it is logged on. */",
    "start: procedure expose me member m. q. x. w. s. p. pool. final,",
    "  on. xa. xf. el. qa. where. halted",
    "  parse arg i",
    "  up = logon(i)",
    "  on.i = (up = 0)",
    "  if on.i then return serving(i)",
    _START_AWAY,
    "  return up",
]
#: LOGON, QUERYUSER and MEANWHILE: every machine goes through them. The line
#: `_AWAITED` marks is LOGON's only where a machine is waited for (`_AWAIT`);
#: the line `_APART` marks is MEANWHILE's only where a single-configuration
#: machine is started (`_queryuser`).
_AWAITED = "  if w.i then return await(i)"
_APART = "  if el.i then return asked"
def _logon(dialect) -> list[str]:
    """LOGON: QUERY USER, then XAUTOLOG a machine not logged on here. Of
    XAUTOLOG's refusals (the dialect's rcs) already logged on goes to
    MEANWHILE, not in the directory says to load the entries."""
    return [
        "logon: procedure expose me member m. q. x. w. s. xa. xf. el. qa.,",
        "  where. halted",
        "  parse arg i",
        "  asked = queryuser(i)",
        "  if asked = 0 then do",
        "    call tell me':' m.i 'is already logged on.'",
        "    return 0",
        "  end",
        f"  if asked = {CP_NOT_LOGGED_ON} then nop",
        "  else return asked",
        "  'CP' x.i",
        "  if rc = 0 then nop",
        "  else do",
        "    failed = rc",
        f"    if failed = {dialect.return_code('xautolog_already_logged_on_rc')} then return meanwhile(i)",
        "    call tell me': CP' x.i 'failed, rc' failed'.'",
        f"    if failed = {dialect.return_code('xautolog_not_in_directory_rc')} then do",
        "      call tell me':' m.i 'is not in the CP directory of',",
        "        'member' member'.'",
        "      call tell me': load the entries bkrc wrote, then run' me,",
        "        'again.'",
        "    end",
        # Any other refusal of CP's (a positive rc: its message's number) may
        # be for authority, whose number was not found: the summary says what
        # to do once, for every machine so refused (`_START_REFUSED`).
        "    else if failed > 0 then xf.i = 1",
        "    return failed",
        "  end",
        # CP's XAUTOLOG returns once the logon is under way: "started" says
        # no more than that, and the EXEC says so (only the SFS server is waited
        # for until it is logged on, AWAIT). XA.i lets the summary tell a machine
        # started from one left alone, and one started yet not logged on.
        "  xa.i = 1",
        "  call tell me': started' m.i '(XAUTOLOG accepted).'",
        _AWAITED,
        "  return 0",
    ]


#: MEANWHILE's lines for the machine waited for (the SFS server), where one is:
#: refused as already logged on yet not logged on here, it may be logging on,
#: started by another BKRSTART whose AWAIT is in CP SLEEP (two at once, AUTOLOG1's
#: and an operator's) or an operator's XAUTOLOG, so it is waited for as one this
#: BKRSTART started (AWAIT), not failed as "its logoff may be under way" with
#: every Backup Manager machine held back (stop 80).
_MEANWHILE_AWAITED = [
    "  if w.i & asked = {not_on} then do",
    "    call tell me': CP' x.i 'was refused as already logged on, yet CP',",
    "      q.i 'answers that it is not logged on here: its logon',",
    "      'may be under way (another BKRSTART, or an XAUTOLOG by an',",
    "      'operator), or its logoff.'",
    "    return await(i)",
    "  end",
]


def _meanwhile(dialect, waits: bool = False) -> list[str]:
    """MEANWHILE, after LOGON and QUERYUSER (`_queryuser`); `already` is CP's
    rc for XAUTOLOG of a user already logged on (at most four digits: the
    comment's first line stays within 72 columns). `waits`: a machine is waited
    for (`_MEANWHILE_AWAITED`)."""
    already = dialect.return_code("xautolog_already_logged_on_rc")
    awaited = [line.replace("{not_on}", str(CP_NOT_LOGGED_ON)) for line in _MEANWHILE_AWAITED] if waits else []
    return [
        f"/* CP refused XAUTOLOG as already logged on (rc {already}): logged */",
        "/* on since the query (another BKRSTART, an operator) is what */",
        "/* XAUTOLOG was for, when QUERY USER now says so. Any other rc */",
        "/* says nothing of the kind: it is not asked about again. */",
        "meanwhile: procedure expose me m. q. x. s. w. el. qa. where. halted",
        "  parse arg i",
        "  asked = queryuser(i)",
        "  if asked = 0 then do",
        "    call tell me':' m.i 'was logged on meanwhile: left alone.'",
        "    return 0",
        "  end",
        _APART,
        *awaited,
        f"  call tell me': CP' x.i 'failed, rc {already}.'",
        f"  if asked = {CP_NOT_LOGGED_ON} then do",
        "    call tell me': yet CP' q.i 'answers that it is not logged on here:'",
        "    call tell me': its logoff may be under way.'",
        "  end",
        f"  return {already}",
    ]


def _queryuser(dialect, apart: bool, member: str, served: bool = False, example: str = "BKRBKUP") -> list[str]:
    """QUERYUSER: CP's answer to QUERY USER read in one place, with the form
    the dialect gives (`query_user_elsewhere`, `- SSI`) for a machine logged
    on at another member of the SSI cluster only. That is not logged on here:
    an IDENTITY machine's instance there is not this member's, so it is
    started. A single-configuration machine (s.i) runs at one member at a
    time; where BKRSTART starts one (`apart`), ELSEWHERE ends it with
    RC_ELSEWHERE rather than XAUTOLOG it or wait for it, and says that it
    belongs on `member` (a member name: letters and digits, BKR302); but where
    the machine waited for is the SFS server whose file pool START asks (`served`),
    that one goes on to AWAY instead (`_away_routine`). Its comment shows CP's
    answer for `example`, a machine BKRSTART starts on the member (the site's
    backup server, not IBM's BKRBKUP where the cluster names another), its ID
    padded to 8 as CP writes it."""
    elsewhere = " ".join(dialect["query_user_elsewhere"].upper().split())
    literal, away = rexx_literal(elsewhere), []
    if len(f"  if wordpos({literal}, rest) = 1 then nop") > MAX_COLUMNS:
        # A site's form too long for the line it is compared on: set once, split.
        away, literal = rexx_assign("away", elsewhere, indent=2), "away"
    exposed = "me m. q. s. w. el. qa. where." if apart else "me m. q."
    single = f", or {RC_ELSEWHERE} for a single-configuration machine (ELSEWHERE)" if apart else ""
    lines = [
        *rexx_comment(
            f"QUERY USER: 0 logged on here, {CP_NOT_LOGGED_ON} not, else a failure it has shown. "
            f"Logged on is rc 0 with the machine's user ID first in CP's answer ({example:<8} - DSC); "
            f"any other answer is rc {RC_UNREADABLE}. Logged on at another member only "
            f"({example:<8} {elsewhere}) is not logged on here: rc {CP_NOT_LOGGED_ON}{single}.",
            width=MAX_COLUMNS - 4,
        ),
        f"queryuser: procedure expose {exposed}",
        "  parse arg i",
        f"  asked = cpquery(q.i, '0 {CP_NOT_LOGGED_ON}')",
        "  if asked = 0 then nop",
        "  else return asked",
        *away,
        "  parse upper var cpanswer user rest '15'x",
        "  if user == m.i then nop",
        "  else do",
        "    call showlines cpanswer",
        "    call tell me': CP' q.i 'answered rc 0 without naming' m.i'.'",
        "    call tell me': its answer cannot be read: taken as failed,',",
        f"      'rc {RC_UNREADABLE}.'",
        f"    return {RC_UNREADABLE}",
        "  end",
        f"  if wordpos({literal}, rest) = 1 then nop",
        "  else return 0",
    ]
    if not apart:
        return [*lines, f"  return {CP_NOT_LOGGED_ON}"]
    return [
        *lines,
        "  if s.i then return elsewhere(i)",
        f"  return {CP_NOT_LOGGED_ON}",
        "",
        "/* A single-configuration machine runs at one member at a time: */",
        "/* logged on at another, XAUTOLOG cannot start it here. el.i */",
        "/* says it was found there (its rc is one CP could give too). */",
        "elsewhere: procedure expose me m. w. el. qa. where.",
        "  parse arg i",
        "  el.i = 1",
        "  there = whereis(i)",
        # Kept for AWAY, which names the member in its advice ('' when CP named none).
        *(["  where.i = there"] if served else []),
        "  if there == '' then do",
        "    call tell me':' m.i 'is logged on at another member of the',",
        "      'SSI cluster'",
        # The member's name on a line of its own words: a name of 8 characters
        # (the most a system identifier has) must keep the line to 72 columns.
        f"    call tell me': (CP does not say which), not here on {member},'",
        "    call tell me': where the .bkr file starts it. It is',",
        "      'single-configuration,'",
        "    call tell me': logged on at one member at a time: XAUTOLOG',",
        "      'cannot start'",
        "    call tell me': it here while it runs there.'",
        *(f"  {line}" for line in (_AWAY_SAID if served else [])),
        "    call tell me': FORCE it off where it runs, then run' me,",
        "      'again; or,'",
        "    call tell me': if it belongs there, fix the member the .bkr',",
        "      'file names'",
        "    call tell me': for it, and load what bkrc writes.'",
        f"    return {RC_ELSEWHERE}",
        "  end",
        # CP named the member (WHEREIS): say it, and the command that forces
        # the machine off there, on a line of its own to copy.
        "  call tell me':' m.i 'is logged on at member' there 'of the SSI',",
        "    'cluster,'",
        f"  call tell me': not here on {member}, where the .bkr file starts',",
        "    'it. It is'",
        "  call tell me': single-configuration, logged on at one member at',",
        "    'a time:'",
        "  call tell me': XAUTOLOG cannot start it here while it runs there.'",
        *(_AWAY_SAID if served else []),
        "  call tell me': FORCE it off there, from a class A user:'",
        "  call tell me':   CP AT' there 'CMD FORCE' m.i",
        "  call tell me': then, once it is logged off, run' me 'again; or,',",
        "    'if it'",
        "  call tell me': belongs on' there', fix the member the .bkr file',",
        "    'names'",
        "  call tell me': for it, and load what bkrc writes.'",
        f"  return {RC_ELSEWHERE}",
        "",
        "/* The member CP's QUERY USER ... AT ALL (qa.i) names for machine */",
        "/* i, logged on at another member: the word after AT on a line */",
        "/* that starts with its user ID, a member name (letters and */",
        "/* digits, 8 at most) not this one; '' when it names none. */",
        "whereis: procedure expose me m. qa.",
        "  parse arg i",
        "  if cpquery(qa.i, 0) = 0 then nop",
        "  else return ''",
        "  do while cpanswer <> ''",
        "    parse upper var cpanswer line '15'x cpanswer",
        "    if word(line, 1) == m.i then nop",
        "    else iterate",
        "    at = wordpos('AT', line)",
        "    if at = 0 then iterate",
        "    there = word(line, at + 1)",
        "    if there == '' then iterate",
        "    if length(there) > 8 then iterate",
        "    if verify(there, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') = 0",
        "      then nop",
        "    else iterate",
        f"    if there == '{member}' then iterate",
        "    return there",
        "  end",
        "  return ''",
    ]


#: ELSEWHERE's line for the machine waited for (the shared catalog's SFS server on its
#: home, the one single-configuration machine that is): AWAY, from START, asks its file
#: pool instead of giving the advice for a machine that belongs here.
_AWAY_SAID = [f"  if w.i then return {RC_ELSEWHERE}"]


def _away_routine() -> list[str]:
    """AWAY: the shared catalog's SFS server logged on at another member (moved
    there, for this member's maintenance, say) is still the one server of the one
    file pool: the catalog is not split. The machines here need its file pool, not
    its place: once the pool serves from here (SERVING), they are started, and the
    server is left where it runs (XAUTOLOG here could not start it anyway). Its pool
    not serving from here holds them back, with SERVING's rc."""
    return [
        "/* The catalog's SFS server logged on at another member is still */",
        "/* the one server of the one file pool: no second catalog. The */",
        "/* machines here need its pool, not its place: they start once */",
        "/* the pool serves from here; the server is left where it runs. */",
        "away: procedure expose me m. p. pool. final halted qa. where.",
        "  parse arg i",
        "  call tell me': its file pool' pool.i 'is asked from here instead.'",
        "  asked = serving(i)",
        "  if halted then return asked",
        "  if asked = 0 then do",
        "    call tell me': file pool' pool.i 'serves: the machines that',",
        "      'need it'",
        "    call tell me': are started here;' m.i 'is left where it runs.'",
        "    return 0",
        "  end",
        # Where it runs, as ELSEWHERE found it (where.i): the operator here is
        # told the member to look at, and the command that frees its home.
        "  if where.i == '' then do",
        "    call tell me': start its file pool where' m.i 'runs (CP' qa.i,",
        "      'says where), or FORCE it off there; then run' me 'again.'",
        "    return asked",
        "  end",
        "  call tell me': start its file pool on member' where.i', where' m.i,",
        "    'runs,'",
        "  call tell me': or FORCE it off there, from a class A user:'",
        "  call tell me':   CP AT' where.i 'CMD FORCE' m.i",
        "  call tell me': then, once it is logged off, run' me 'again: it',",
        "    'starts'",
        "  call tell me':' m.i 'here, on its home.'",
        "  return asked",
    ]


def _await(seconds: int) -> list[str]:
    """AWAIT: waits up to `seconds` (a whole number of POLL_SECONDS) for a machine
    to log on (rc RC_NOT_UP when it does not in time)."""
    return [
        "await: procedure expose me m. q. s. w. el. qa. where. halted",
        "  parse arg i",
        f"  call tell me': waiting up to {seconds} seconds for' m.i 'to log on.'",
        f"  do try = 1 to {seconds // POLL_SECONDS}",
        f"    'CP {CP_SLEEP}'",
        "    if rc = 0 then nop",
        # Two commas: the first parts the arguments, the second continues the line.
        f"    else return slept(rc, '{CP_SLEEP}', m.i 'to log on',,",
        "      'XAUTOLOG' m.i 'was accepted: CP' q.i 'says whether it',",
        "      'is logged on now.')",
        "    asked = queryuser(i)",
        # Said, so that "started" above is never the last word on it.
        "    if asked = 0 then",
        f"      call tell me':' m.i 'is logged on, after' try * {POLL_SECONDS} 'seconds.'",
        f"    if asked = {CP_NOT_LOGGED_ON} then nop",
        "    else return asked",
        "  end",
        f"  call tell me':' m.i 'is not logged on {seconds} seconds after XAUTOLOG.'",
        # The wait is the .bkr file's to set: an edit here would be drift,
        # and the next compile refuses to overwrite it.
        # CP accepted the XAUTOLOG, so no message of CP's says more: what the
        # operator can do now comes first, the sysprog's remedy after it.
        "  call tell me': ask CP QUERY USER' m.i'; once it is logged on,'",
        "  call tell me': run' me 'again. If it needs longer after each IPL,'",
        "  call tell me': raise logon-wait in the catalog statement of the'",
        "  call tell me': .bkr file and compile it again.'",
        f"  return {RC_NOT_UP}",
    ]


#: SLEPT, where a machine is waited for: CP's SLEEP failed, so no wait can be
#: kept. It is said as what it is (CP's SLEEP and its rc), with what is known of
#: the machine waited for, and BKRSTART stops: `halted` ends the main loop, which
#: starts nothing more and lists the rest as not started (`_START_HALTED`). Before,
#: the failure read as the SFS server "started, yet not logged on here", a claim
#: nobody had checked, and a Tape Manager node was still started after it.
_SLEPT = [
    "/* CP SLEEP failed (its rc, arg 1): BKRSTART cannot wait, so it */",
    "/* stops; halted tells the main loop to start nothing more. */",
    "slept: procedure expose me halted",
    "  parse arg failed, command, what, known",
    "  halted = 1",
    "  call tell me': CP' command 'failed, rc' failed'.'",
    "  call tell me': without it' me 'cannot wait for' what', so it',",
    "    'stops here and starts nothing more.'",
    "  call tell me':' known",
    "  return failed",
]


#: The rcs by which CMS says it did not take a command at all: -3, no such
#: command, and 24, operands it refuses (the dialect table's note on
#: query_filepool_final_rcs, which lists them; assumed there).
CMS_REFUSED_RCS = ("-3", "24")


def _not_taken(key: str) -> list[str]:
    """NOTTAKEN: after the command the dialect entry `key` made failed (rc as its
    argument), when CMS did not take it (CMS_REFUSED_RCS), the entry that made
    it and how a site corrects it: bkrc's table, not the site's system, may be
    what is wrong (docs/compatibility.md lists each entry's sources)."""
    return [
        "/* After a command a dialect entry made failed: when CMS did not */",
        "/* take it, the entry, which a site table corrects. */",
        "nottaken: procedure expose me",
        f"  if wordpos(arg(1) + 0, '{' '.join(CMS_REFUSED_RCS)}') = 0 then return",
        f"  call tell me': CMS did not take it ({' or '.join(CMS_REFUSED_RCS)}: no such command or',",
        f"    'operands refused). bkrc wrote it from entry {key} of its',",
        "    'dialect table: if CMS here takes it otherwise, correct the',",
        "    'entry in a site table (bkrc compile --dialect,',",
        "    'docs/compatibility.md) and compile again.'",
        "  return",
    ]


#: SERVING's line that sends the operator to the SFS server's console; where the
#: server may be found at another member (AWAY), the member ELSEWHERE found it at.
_SERVING_CONSOLE = [
    "  call tell me': see its console (FILESERV START). If it needs',",
    "    'longer,'",
]
_SERVING_CONSOLE_THERE = [
    "  if where.i == '' then",
    "    call tell me': see its console (FILESERV START). If it needs',",
    "      'longer,'",
    "  else do",
    "    call tell me':' m.i 'runs on member' where.i': see its console',",
    "      'there'",
    "    call tell me': (FILESERV START). If it needs longer,'",
    "  end",
]


def _serving(seconds: int, apart: bool = False) -> list[str]:
    """SERVING: waits up to `seconds` (a whole number of POOL_SECONDS) for a
    machine's file pool to serve (rc RC_NOT_UP when it does not in time). Each
    query is bracketed by CMSTYPE HT and RT, which keep its answer off the
    console (HT's rc is not checked: CMS refusing it only shows the answer, and
    its own message for it; RT refused ends the wait with its rc, since HT
    may still hide every line said next); when it gives up (the bound, or an rc in final), it asks once more
    under RT, so that CMS's own message for the answer it reports is shown."""
    return [
        "/* Logged on is not serving: the SFS server still IPLs CMS and */",
        "/* starts its file pool. Asks the pool (p.i) until it answers rc 0; */",
        "/* an rc in final (the command cannot work) ends the wait at once, */",
        "/* any other rc is taken as not serving yet. */",
        "serving: procedure expose me m. p. pool. final halted"
        + (" where." if apart else ""),
        "  parse arg i",
        "  if p.i == '' then return 0",
        "  what = 'file pool' pool.i 'of' m.i",
        "  waited = 0",
        f"  do try = 0 to {seconds // POOL_SECONDS}",
        "    if try > 0 then do",
        f"      'CP {CP_POOL_SLEEP}'",
        "      if rc = 0 then nop",
        f"      else return slept(rc, '{CP_POOL_SLEEP}', what 'to serve',,",
        "        m.i 'is logged on:' p.i 'says whether its pool serves now.')",
        f"      waited = waited + {POOL_SECONDS}",
        "    end",
        "    /* Its answer (the users connected, or CMS's message) is kept */",
        "    /* off AUTOLOG1's console: CMSTYPE HT for the query alone, RT */",
        "    /* again before anything is said, whatever its rc. */",
        "    'SET CMSTYPE HT'",
        "    p.i  /* a CMS command, issued as it is */",
        "    asked = rc",
        "    'SET CMSTYPE RT'",
        "    if rc <> 0 then do",
        "      /* RT refused: CMSTYPE may still be HT, which hides every */",
        "      /* line said from now on: no more queries under HT; the */",
        "      /* wait ends with this rc, which the caller sees. */",
        "      typed = rc",
        "      call tell me': SET CMSTYPE RT failed, rc' typed'.'",
        "      call tell me': CMSTYPE may still be HT, which hides these',",
        "        'lines.'",
        "      return typed",
        "    end",
        "    if asked = 0 then do",
        "      if waited > 0 then",
        "        call tell me':' what 'serves, after' waited 'seconds.'",
        "      return 0",
        "    end",
        "    if wordpos(asked + 0, final) > 0 then leave",
        "    if try = 0 then",
        f"      call tell me': waiting up to {seconds} seconds for' what 'to serve.'",
        "  end",
        "  /* Given up: asked once more under RT, so that CMS's own words */",
        "  /* on why (its message) reach the console; that answer is the */",
        "  /* one said, and passed on. */",
        "  stopped = (wordpos(asked + 0, final) > 0)",
        "  p.i  /* a CMS command, issued as it is */",
        "  asked = rc",
        "  if asked = 0 then do",
        "    if waited > 0 then",
        "      call tell me':' what 'serves, after' waited 'seconds.'",
        "    return 0",
        "  end",
        "  if stopped then do",
        "    call tell me':' p.i 'failed, rc' asked'.'",
        "    call tell me': it cannot tell whether' what 'serves.'",
        "    call nottaken asked",
        "    return asked",
        "  end",
        "  call tell me':' what 'does not serve after' waited 'seconds:'",
        "  call tell me': its last answer to' p.i 'was rc' asked'.'",
        *(_SERVING_CONSOLE_THERE if apart else _SERVING_CONSOLE),
        "  call tell me': raise pool-wait in the catalog statement of the .bkr'",
        "  call tell me': file and compile it again.'",
        "  call nottaken asked",
        f"  return {RC_NOT_UP}",
    ]


#: BKRSTART's main loop, where a machine's file pool is waited for (`_START_SERVED`).
_START_LOOP_SERVED = [
    "  call start i",
    "  if result = 0 then iterate",
    "  if first = 0 then first = result",
    "  /* Logged on, its file pool not serving: started, not ready. */",
    "  if on.i then nop",
    _START_LOOP_THERE := "  else if el.i then nop",
    "  else if xa.i then late = late m.i",
    "  else down = down m.i",
]
#: Elsewhere LOGON returns 0 once the machine is logged on: one that failed is down.
_START_LOOP_LOGGED_ON = [
    "  call logon i",
    "  if result = 0 then iterate",
    "  if first = 0 then first = result",
    "  down = down m.i",
]
#: The same where a machine is waited for without a file pool: one XAUTOLOG
#: started that did not log on in time is not "not started".
_START_LOOP_AWAITED = [
    *_START_LOOP_LOGGED_ON[:-1],
    "  if xa.i then late = late m.i",
    "  else down = down m.i",
]


def _start_loop(served: bool, waits: bool, apart: bool) -> list[str]:
    """BKRSTART's main loop for one machine. Where a single-configuration machine
    is started (`apart`), one ELSEWHERE found logged on at another member (el.i)
    is neither started nor "not started": the summary names it apart (`_START_THERE`)."""
    if served:
        loop = [line for line in _START_LOOP_SERVED if apart or line != _START_LOOP_THERE]
    else:
        loop = _START_LOOP_AWAITED if waits else _START_LOOP_LOGGED_ON
        if apart:
            # What the loop does with a machine that failed, after `if el.i then nop`.
            first, *rest = loop[3:]
            loop = [*loop[:3], "  if el.i then nop", f"  else {first.strip()}", *rest]
    # After `if first = 0 then first = result`: a failed SLEEP stops it here.
    return [*loop[:3], *_START_HALTED, *loop[3:]] if waits else loop


#: After the main loop, where a single-configuration machine is started: the
#: machines ELSEWHERE found logged on at another member, named in either summary.
_START_THERE = [
    "/* el.i: found logged on at another member, so left there. */",
    "there = ''",
    "do i = 1 to m.0",
    "  if el.i then there = there m.i",
    "end",
]
#: The summary's line for them, after a failure too: left there, not "not
#: started" (run again, BKRSTART would not start them either while they run there).
_START_THERE_SAID = [
    "if there == '' then nop",
    "else call tell me': found logged on at another member, left',",
    "  'there:'there'.'",
]
#: After a failure, the machines whose XAUTOLOG CP refused with an rc BKRSTART
#: reads no cause from (not "not in directory", not "already logged on"): CP's
#: message above each says why, and an issuer without authority is the cause
#: a first run meets (AUTOLOG1 of class G only, no XAUTOLOG statement in the
#: entries bkrc writes). The number of that refusal was not found, so the
#: remedy is said once, for them all, under the condition of CP's message.
_START_REFUSED = [
    "/* xf.i: CP refused XAUTOLOG of machine i for a cause its message */",
    "/* says; if for authority, what the caller needs. */",
    "refused = ''",
    "do i = 1 to m.0",
    "  if xf.i then refused = refused m.i",
    "end",
    "if refused == '' then nop",
    "else do",
    "  call tell me': if CP refused XAUTOLOG above for authority:',",
    "    caller 'needs privilege class A or B, or an XAUTOLOG' caller,",
    "    'statement in the directory entry of:'refused'. bkrc writes',",
    "    'their entries without one: add it to their statements in a',",
    "    'site dialect table (docs/deploy.md, BKRSTART EXEC).'",
    "end",
]
#: BKRSTART's summary when every machine is up: how many it started, how
#: many it found logged on.
_START_DONE = [
    "  fresh = 0",
    "  do i = 1 to m.0",
    "    fresh = fresh + xa.i",
    "  end",
    "  call tell me': done:' fresh 'started,' m.0 - fresh,",
    "    'already logged on.'",
]
#: The same where the SFS server may be found logged on at another member
#: (AWAY): neither started nor logged on here, it is named apart, as found
#: there (`_START_THERE`), not counted as started or already logged on.
_START_DONE_AWAY = [
    "  fresh = 0",
    "  do i = 1 to m.0",
    "    if el.i then nop",
    "    else fresh = fresh + xa.i",
    "  end",
    "  call tell me': done:' fresh 'started,' m.0 - fresh - words(there),",
    "    'already logged on.'",
    *(f"  {line}" for line in _START_THERE_SAID),
]
#: BKRSTART's main loop, right after a machine failed, where one is waited for:
#: CP's SLEEP failed (`_SLEPT`), so nothing more is started or asked; the machine
#: waited for is neither "not started" nor "started, yet not logged on" (SLEPT
#: said what is known of it), the rest are not started.
_START_HALTED = [
    "  if halted then do",
    "    do j = i + 1 to m.0",
    "      down = down m.j",
    "    end",
    "    leave",
    "  end",
]
#: BKRSTART's main loop, after a machine failed, where one is waited for.
_START_NONE_AFTER = [
    "  if w.i then do",
    "    /* The others need it first: start none of them. */",
    "    do j = i + 1 to m.0",
    "      down = down m.j",
    "    end",
    "    /* Not asked either: on a run by hand they may be logged on. */",
    "    if i < m.0 then do",
    "      call tell me': the others need' m.i 'first: none of them',",
    "        'was started.'",
    "      call tell me': nor asked: those already logged on, if any, run',",
    "        'on as they are.'",
    "    end",
    "    leave",
    "  end",
]


#: BKRSTART's main loop, after a machine failed, where one is waited for and
#: a machine that does not need it (a Tape Manager node) starts after it.
_START_HELD_AFTER = [
    "  if w.i then do",
    "    /* The Backup Manager machines need it first: start none of them. */",
    "    /* The Tape Manager node does not: it is still started. */",
    "    held = 1",
    "    call tell me': the Backup Manager machines need' m.i,",
    "      'first: none of them'",
    "    call tell me': was started. The Tape Manager node does not',",
    "      'need it: it is'",
    "    call tell me': started all the same.'",
    "    /* Not asked either: on a run by hand they may be logged on. */",
    "    call tell me': nor asked: those already logged on, if any, run',",
    "      'on as they are.'",
    "  end",
]
#: BKRSTART's main loop, first: a machine that needs the one that failed is
#: not started (n.i), where some machine does not need it.
_START_HELD_BACK = [
    "  if held & n.i then do",
    "    down = down m.i",
    "    iterate",
    "  end",
]


def _needs_waited(model: Model, member: str) -> list[bool]:
    """For each machine BKRSTART starts on `member`, whether it needs the one it
    waits for (the catalog's SFS server and its file pool): the Backup Manager
    machines do; a Tape Manager node keeps its own catalog and does not, so it
    is started after the SFS server failed (the catalog node is what every
    request node needs)."""
    return [not entry.role.startswith("tape-") for entry in model.start_order(member)]


def _holds_back(order, needs: list[bool]) -> bool:
    """Whether BKRSTART, after the machine it waits for failed, starts some
    machine still (one that does not need it) rather than none."""
    return _waits(order) and not all(needs)


def _start_machines(model: Model, member: str) -> str:
    """What BKRSTART starts on `member`, as its header and help name them: a
    Tape Manager node is no Backup Manager machine."""
    tape = any(entry.role.startswith("tape-") for entry in model.start_order(member))
    return "Backup Manager and Tape Manager machines" if tape else "Backup Manager machines"


def _start_steps(model: Model, member: str) -> str:
    """What BKRSTART starts on `member`, in `Model.start_order`'s order, as its
    header says it: the SFS server only where it is started, and waited for."""
    entries = model.start_order(member)
    catalog = model.catalog
    steps = []
    for entry in entries:
        if entry.role == "catalog-sfs-server":
            shared = catalog.scope is Scope.SHARED
            whose = "the catalog's SFS server" if shared else "this member's catalog SFS server"
            home = "its home is this member; " if shared else ""
            steps.append(f"{whose} first ({home}it waits {_until(catalog)})")
    servers = [_START_NOUN[e.role] for e in entries if e.role in ("catalog-server", "backup-server")]
    workers = sum(e.role == "worker" for e in entries)
    servers += ["the workers" if workers > 1 else "the worker"] if workers else []
    if servers:
        steps.append(servers[0] if len(servers) == 1 else ", ".join(servers[:-1]) + " and " + servers[-1])
    steps += [_START_NOUN[e.role] for e in entries if e.role.startswith("tape-")]
    return ", then ".join(steps)


def _until(catalog: CatalogModel) -> str:
    """How long BKRSTART waits for the catalog's SFS server, as its header says it:
    how long only where the `catalog` statement sets a wait other than the
    default (the `say` lines always state it), so an EXEC without is as it was."""
    pool = catalog.pool is not None
    if catalog.logon_wait == DEFAULT_LOGON_WAIT and (not pool or catalog.pool_wait == DEFAULT_POOL_WAIT):
        return "until it is logged on" + (" and its file pool serves" if pool else "")
    served = f" and up to {catalog.pool_wait} seconds until its file pool serves" if pool else ""
    return f"up to {catalog.logon_wait} seconds until it is logged on{served}"


#: How BKRSTART's header names the machines it starts, by role.
_START_NOUN = {
    "catalog-server": "the catalog server",
    "backup-server": "the backup server",
    "tape-catalog-node": "the Tape Manager catalog node",
    "tape-request-node": "the Tape Manager request node",
}


def _waits(order: list[tuple[str, str, bool, str | None]]) -> bool:
    """Whether BKRSTART waits for a machine (the SFS server, on its home)."""
    return any(wait for _, _, wait, _ in order)


def _served(order: list[tuple[str, str, bool, str | None]]) -> bool:
    """Whether BKRSTART also waits for that machine's file pool to serve."""
    return any(wait and pool for _, _, wait, pool in order)


def _start_codes(
    order: list[tuple[str, str, bool, str | None]],
    apart: bool,
    already: int,
    held: bool = False,
    others_apart: bool = True,
) -> str:
    """BKRSTART's return codes, as its header lists them: those its code can
    return (`_start_routines`), the waits' rc only where it waits, and
    RC_ELSEWHERE only where it starts a single-configuration machine;
    `already` is the dialect's rc for XAUTOLOG of a user already logged on,
    with which MEANWHILE ends; `held`, whether a Tape Manager node is started
    after the SFS server failed (`_holds_back`); `others_apart`, whether a
    single-configuration machine other than the SFS server waited for is started
    (the Tape Manager catalog node): only that one ends with RC_ELSEWHERE where
    the server's file pool is asked (AWAY)."""
    waits, served = _waits(order), _served(order)
    # The SFS server logged on at another member is not this rc where its file pool is
    # asked (AWAY): it is up when the pool serves from here, else SERVING's rc.
    away = apart and served
    up = " (the SFS server: or at another member, its file pool serving here)" if away else ""
    codes = [f"0 all started{up}, {RC_USAGE} operands given (it takes none)"]
    if apart and not (away and not others_apart):
        codes.append(f"{RC_ELSEWHERE} a single-configuration machine logged on at another member")
    codes.append(f"{RC_WRONG_MEMBER} wrong member")
    if waits:
        late = "did not log on" + (", or its file pool did not serve," if served else "") + " in time"
        codes.append(f"{RC_NOT_UP} the SFS server {late}")
    codes.append(f"{RC_UNREADABLE} CP's answer to a query unreadable")
    codes.append(f"{RC_NOT_MEMBER} {_NOT_MEMBER}")
    codes.append(
        f"{already} XAUTOLOG refused as already logged on yet QUERY USER finds no machine"
    )
    still = "the others are still started" + (", except after the SFS server failed" if waits else "")
    if held:
        still = (
            "the others are still started, except the Backup Manager machines after the SFS server"
            " failed: the Tape Manager node is started all the same"
        )
    # The one CMS command BKRSTART issues is the file pool query: where it asks
    # no pool, every command it issues is CP's.
    issuer = "CP or CMS" if served else "CP"
    return (
        f"Return codes: {', '.join(codes)}, else the rc of the first {issuer} command "
        f"that failed ({still}). On a failure it names the machines it did not "
        "start; run it again once the cause is fixed."
    )


def _unexposed(lines: list[str], stems: tuple[str, ...]) -> list[str]:
    """Routines' lines whose PROCEDURE exposes none of `stems`: `w.` where no
    machine is waited for, `s.` where none is single-configuration."""
    out, exposing = [], False
    for line in lines:
        continued = exposing
        if exposing or " procedure expose " in line:
            # A continued list's comma is no part of its last stem's word.
            comma = "," if line.endswith(",") else ""
            words = line.removesuffix(",").split(" ")
            line = " ".join(word for word in words if word not in stems) + comma
        if continued and not line.strip():
            # Every stem of the continuation line left out: the list ends above.
            out[-1] = out[-1].rstrip(",")
            exposing = False
            continue
        # An expose list continued on the next line (a trailing comma).
        exposing = line.endswith(",") and (exposing or " procedure expose " in line)
        out.append(line)
    return out


def _start_routines(
    order: list[tuple[str, str, bool, str | None]],
    catalog: CatalogModel | None,
    dialect,
    *,
    apart: bool,
    member: str,
) -> list[str]:
    """BKRSTART's routines: AWAIT only where a machine is waited for, START and
    SERVING only where its file pool is too, ELSEWHERE only where a
    single-configuration machine is started (`apart`), so that the EXEC holds
    no rc it cannot return (and its header lists none: `_start_codes`). Only
    the catalog's SFS server is waited for: `catalog` says how long."""
    waits, served = _waits(order), _served(order)
    out = [*(line for line in _START_SERVED if apart or line != _START_AWAY), ""] if served else []
    out += [line for line in _logon(dialect) if waits or line != _AWAITED]
    # CP's answer in QUERYUSER's comment, for a machine of this member's: its backup server.
    backup = _START_WHY["backup-server"]
    example = next((user for user, why, _, _ in order if why == backup), order[0][0] if order else "BKRBKUP")
    out += ["", *_queryuser(dialect, apart, member, served, example), ""]
    out += [line for line in _meanwhile(dialect, waits) if apart or line != _APART]
    out += ["", *_await(catalog.logon_wait), "", *_SLEPT] if waits else []
    out += ["", *_serving(catalog.pool_wait, apart), "", *_not_taken("query_filepool")] if served else []
    out += ["", *_away_routine()] if served and apart else []
    unused = (() if waits else ("w.", "halted")) + (() if apart else ("s.", "el.", "qa."))
    # where.: ELSEWHERE keeps the member it found for AWAY, which only the SFS
    # server's home has (its pool waited for, a single-configuration machine).
    unused += () if served and apart else ("where.",)
    return _unexposed(out, unused)


def _single_configuration(model: Model, order: list[tuple[str, str, bool, str | None]]) -> list[bool]:
    """For each machine BKRSTART starts, whether it is single-configuration
    (a USER entry, `Model.product_machines`): one logged on at another member
    cannot be started here."""
    kinds = model.product_machines()
    return [kinds.get(user, (Kind.IDENTITY,))[0] is Kind.SINGLE for user, _, _, _ in order]


def profile_snippet(model: Model, member: MemberModel | str, source: str, dialect) -> str:
    """BKRSTART EXEC: what AUTOLOG1's PROFILE EXEC starts on this member, in order."""
    return _profile_snippet(model, member, source, dialect).text()


def _profile_snippet(model: Model, member: MemberModel | str, source: str, dialect) -> _Exec:
    dialect = Reading(dialect)  # the EXEC's own: its header names what it read
    name = _member_name(member)
    order = _start_order(model, name)
    singles = _single_configuration(model, order)
    apart = any(singles)
    needs = _needs_waited(model, name)
    held = _holds_back(order, needs)
    catalog = model.catalog
    home = catalog.home if catalog is not None and catalog.scope is Scope.SHARED and catalog.server else None
    elsewhere = ""
    if home not in (None, name):
        elsewhere = f" The catalog's SFS server is started on member {home}, its home."
    out = _Exec(dialect)
    _header(
        out,
        START_FILE,
        source,
        [
            (f"Starts the {_start_machines(model, name)} of member {name} of cluster "
             f"{model.name}: {_start_steps(model, name)}.{elsewhere} "
             "A machine that is already logged on is left alone. It asks CP which "
             "member it runs on and refuses to run on any other member."),
            _ASSUMED_NOTE,
            "",
            (f"Put it on {goes_to(model, PROFILE_SNIPPET, name)} and call "
             "it from AUTOLOG1's PROFILE EXEC there (AUTOLOG1 needs privilege "
             "class A or B, or an XAUTOLOG statement naming it in each "
             "machine's entry: docs/deploy.md, BKRSTART EXEC):"),
            f"  'EXEC {START_FILE}'",
            _start_codes(
                order,
                apart,
                dialect.return_code("xautolog_already_logged_on_rc"),
                held,
                any(single and not wait for (_, _, wait, _), single in zip(order, singles, strict=True)),
            ),
        ],
    )
    out.code("trace off", "address command")
    _identity_variables(out, model, source)
    out.assign("me", START_FILE)
    out.assign("member", name, name=True)
    waits, served = _waits(order), _served(order)
    if served:
        out.comment("rcs of the file pool query that end the wait for it at once:")
        out.assign("final", dialect["query_filepool_final_rcs"])
    out.code(f"m.0 = {len(order)}", *(["p. = ''", "pool. = ''"] if served else []))
    for i, ((user, why, wait, pool), single, need) in enumerate(zip(order, singles, needs, strict=True), 1):
        up = f", must be up{f' and its file pool {pool} serving' if pool else ''} before the rest."
        out.comment(f"{i}. {user}: {why}" + (up if wait else "."), hang=3)
        out.assign(f"m.{i}", user, name=True)
        out.assign(f"q.{i}", dialect.text("query_user", user=user), name=True)
        out.assign(f"x.{i}", dialect.text("xautolog", user=user), name=True)
        if waits:
            out.code(f"w.{i} = {1 if wait else 0}")
        if apart:
            out.code(f"s.{i} = {1 if single else 0}")
        if single:
            # Asked only of a single-configuration machine found at another member (WHEREIS).
            out.assign(f"qa.{i}", dialect.text("query_user_at_all", user=user), name=True)
        if held:
            out.code(f"n.{i} = {1 if need and not wait else 0}")
        if wait and pool:
            out.assign(f"pool.{i}", pool, name=True)
            out.assign(f"p.{i}", dialect.text("query_filepool", pool=pool), name=True)
    out.code(
        "",
        "/* ( VERSION alone: which compile wrote it; ? or HELP alone: how */",
        "/* to use it. Neither asks CP anything. */",
        "parse upper arg operands '(' opts",
        "if space(translate(opts, ' ', ')')) == 'VERSION' then",
        "  if words(operands) = 0 then exit version()",
        "if space(arg(1)) == '?' then exit help()",
        "if space(translate(arg(1))) == 'HELP' then exit help()",
        "/* Blanks are no operands: 'EXEC BKRSTART' opts, with opts empty. */",
        "if words(arg(1)) = 0 then nop",
        "else exit usage('it takes no operands, not' strip(arg(1))'.')",
        "call onmember",
        "if result <> 0 then exit result",
        "first = 0",
        "down = ''",
        *(["late = ''", "halted = 0"] if waits else []),
        "/* xa.i: CP accepted XAUTOLOG of machine i (started). */",
        "xa. = 0",
        "xf. = 0",
        *(["/* el.i: ELSEWHERE found machine i at another member. */", "el. = 0"] if apart else []),
        *(["/* where.i: the member it found it at, where CP names one. */", "where. = ''"]
          if served and apart else []),
        *(["held = 0"] if held else []),
        "do i = 1 to m.0",
        *(_START_HELD_BACK if held else []),
        *_start_loop(served, waits, apart),
        *(_START_HELD_AFTER if held else _START_NONE_AFTER if waits else []),
        "end",
        *(_START_THERE if apart else []),
        "if first = 0 then do",
        "  /* How many it started, how many it left alone: run again by */",
        "  /* hand after AUTOLOG1, 0 started. */",
        *(_START_DONE_AWAY if served and apart else _START_DONE),
        "  exit 0",
        "end",
        "/* Say what is missing, and how to finish the start-up. */",
        *(["if late == '' then nop",
           "else call tell me': started, yet not logged on here:'late'.'"] if waits else []),
        "if down == '' then nop",
        "else call tell me': not started on member' member':'down'.'",
        *_START_REFUSED,
        *(_START_THERE_SAID if apart else []),
        "call tell me': fix the cause shown above, then run EXEC' me 'again.'",
        "call tell me': it starts only the machines that are not logged on.'",
        "exit first",
        "",
    )
    what = [
        "  call tell me': starts the Backup Manager machines of member',",
        "    member 'of cluster' cluster', those not logged on yet;',",
        "    'it runs on member' member 'only.'",
    ]
    if _start_machines(model, name) != "Backup Manager machines":
        what = [
            "  call tell me': starts the Backup Manager and Tape Manager',",
            "    'machines of member' member 'of cluster' cluster', those not',",
            "    'logged on yet; it runs on member' member 'only.'",
        ]
    # `caller`, the user that runs it (QUERY USERID's first word): named in what
    # it needs to XAUTOLOG the machines (`_START_REFUSED`).
    out.code(*_guard_routine(dialect, name, _every_member(model), " caller", caller=_PROFILE_CALLER), "",
             *_QUERY_ROUTINES, "",
             *_TELL_ROUTINE, "",
             *_ROUTINE_VERSION, "",
             *_help_routine(what, " member cluster",
                            [f"Use: {START_FILE} (no operands), from the PROFILE EXEC of AUTOLOG1 on",
                             f"     member {name}; or {START_FILE} ( VERSION: which compile wrote it."]), "")
    out.code(*_start_routines(order, model.catalog, dialect, apart=apart, member=name))
    return out


def compile_identity(execs: list[tuple[str, str, str]]) -> str:
    """The identity of a compile's EXECs: the first IDENTITY_DIGITS hex digits,
    upper case, of the sha256 of every (member, file, text), in order, each text
    with `IDENTITY_MARK` where the identity goes. The same EXECs give the same
    identity, run to run; any change to any EXEC of any member gives another."""
    digest = hashlib.sha256()
    for member, file, text in execs:
        for part in (member, file, text):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
    return digest.hexdigest()[:IDENTITY_DIGITS].upper()


def cluster_execs(model: Model, source: str, dialect) -> list[tuple[str, str, str]]:
    """`identified_execs` without the identity."""
    return identified_execs(model, source, dialect)[0]


def identified_execs(model: Model, source: str, dialect) -> tuple[list[tuple[str, str, str]], str]:
    """Every EXEC of the cluster, (member, file, text), by member, then BKRSUBMT,
    BKREXPIR (purging members only) and BKRSTART, each naming the compile's
    identity (`compile_identity`): the emitters write `IDENTITY_MARK` where it
    goes, and its place is filled in once all are written, so that every EXEC
    of one compile names the same identity (docs/rexx.md, "Which compile wrote
    an EXEC"), and that identity, which manifest.json records too."""
    execs, identity = checked_execs(model, source, dialect)
    return [(member, file, text) for member, file, text, _ in execs], identity


def checked_execs(model: Model, source: str, dialect) -> tuple[list[tuple[str, str, str, bool | None]], str]:
    """`identified_execs`, each EXEC with what `fits_rules` says of its text (no
    `$ # @` allowed), as its writer found it (`_Exec.finish`): the identity's
    characters, as many as the mark's and as plain, change no line's length
    and no answer, so the compile's CMS check need not read the EXECs again.
    None where that would not hold (an identity of other characters)."""
    purging = model.purging_members()
    execs = []
    away_rows = _away_rows(model)
    made: dict = {}  # the lines several EXECs share (`_shared_routines`)
    for member in model.members:
        submit = _submit_exec(model, member, source, dialect, away_rows=away_rows, made=made)
        execs.append((member.name, SUBMIT_FILE, *submit.finish()))
        if member.name in purging:
            expire = _expire_exec(model, member, source, dialect, made=made)
            execs.append((member.name, EXPIRE_FILE, *expire.finish()))
        execs.append((member.name, START_FILE, *_profile_snippet(model, member, source, dialect).finish()))
    identity = compile_identity([(member, file, text) for member, file, text, _ in execs])
    # The identity takes the mark's place character for character, both of invariant
    # characters: every line keeps its length, and `fits_rules` its answer.
    kept = len(identity) == len(IDENTITY_MARK) and INVARIANT.issuperset(identity + IDENTITY_MARK)
    return [
        (member, file, text.replace(IDENTITY_MARK, identity), fits if kept else None)
        for member, file, text, fits in execs
    ], identity


__all__ = [
    "checked_execs", "cluster_execs", "compile_identity", "expire_exec", "identified_execs", "profile_snippet",
    "submit_exec",
]
