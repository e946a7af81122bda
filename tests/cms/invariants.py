"""What every member's EXECs must do under the stand-in, for any checked cluster.

Each function runs generated EXECs with Regina (through `CmsStandIn`) and
asserts the SSI contract of issue 4: BKRSUBMT sends exactly the member's jobs
to its own backup server (all of them, one by name, or those due at a given
minute); BKRSTART starts the member's machines once each, in order; every
EXEC refuses to run on another member; expiry purges on the purging members
only. `exec_of(member, name)` gives the text of one EXEC.
The example tests (tests/test_regina.py) and the property over generated
clusters (tests/test_regina_properties.py) share them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable

from bkrdsl.ast import Scope
from bkrdsl.generated import SAY_COLUMNS
from bkrdsl.resolve.model import Model

from .standin import CmsStandIn

ExecOf = Callable[[str, str], str]


def folded(lines: Iterable[str], me: str = "BKRSUBMT") -> list[str]:
    """What an EXEC's routine TELL shows of `lines` on a console of SAY_COLUMNS + 1
    columns (docs/rexx.md, "Messages fit the console"), written here apart from
    the emitter's REXX: a line that fits as it is; a longer one cut at its last
    blank within SAY_COLUMNS columns (the blank dropped, so the line is shorter
    than SAY_COLUMNS), or after SAY_COLUMNS columns when no blank after the lead
    is there, the rest going on a line that starts with `me:` (when the first
    does) and the first's indent plus 4 blanks, at most half the line."""
    out = []
    for line in lines:
        lead = f"{me}:" if line.startswith(f"{me}:") else ""
        text = line[len(lead):]
        more = (lead + " " * (len(text) - len(text.lstrip(" ")) + 4))[:SAY_COLUMNS // 2]
        while len(line) > SAY_COLUMNS:
            cut = line.rfind(" ", 0, SAY_COLUMNS)
            if cut >= len(more):
                out.append(line[:cut])
                line = more + line[cut + 1:]
            else:
                out.append(line[:SAY_COLUMNS])
                line = more + line[SAY_COLUMNS:]
        out.append(line)
    return out


def unfolded(stdout: str, me: str) -> list[str]:
    """The lines an EXEC meant to say, `folded`'s lines joined again: a line that
    starts as the line before would go on (`me:` when that one has it, its indent
    plus 4 blanks, at most half the line) and then no blank continues it, after
    a blank unless the line before was cut in a word (SAY_COLUMNS long). Only
    for reading the tests' runs: a line of its own indented so would be taken
    as a continuation, and one that goes on with blanks is not."""
    out: list[str] = []
    more, last = None, ""
    for line in stdout.splitlines():
        if out and more is not None and line.startswith(more) and line[len(more):][:1] not in ("", " "):
            out[-1] += ("" if len(last) == SAY_COLUMNS else " ") + line[len(more):]
        else:
            out.append(line)
            lead = f"{me}:" if line.startswith(f"{me}:") else ""
            text = line[len(lead):]
            more = (lead + " " * (len(text) - len(text.lstrip(" ")) + 4))[:SAY_COLUMNS // 2]
        last = line
    return out


def servers(model: Model) -> list[str]:
    """The servers the EXECs send to, logged on: CP refuses SMSG to a user that is
    not (HCPMSG045E, rc 45), and so does the stand-in."""
    return [model.backup_server, model.catalog_server]


def assert_submit_all(cms: CmsStandIn, model: Model, exec_of: ExecOf, member: str) -> None:
    """BKRSUBMT ALL submits every job placed on the member, under its member name, to
    the member's own backup server, and nothing else."""
    expected = ["CP QUERY USERID"] + [
        f"CP SMSG {model.backup_server} SUBMIT {name}" for name, _ in member_jobs(model, member)
    ]
    run = cms.run(exec_of(member, "BKRSUBMT"), "ALL", member=member, logged_on=servers(model))
    assert (run.rc, run.commands) == (0, expected), run


def outsider(model: Model) -> str:
    """A system name that is no member of the cluster."""
    return next(n for n in ("OUTSIDE", "OUTSIDE1", "OUTSIDE2") if n not in model.member_names)


def compile_of(text: str) -> str:
    """The compile an EXEC names (`compile = '...'`)."""
    return re.search(r"^compile = '([0-9A-F]+)'$", text, re.MULTILINE).group(1)


def no_member(model: Model, exec_name: str, here: str, compile_id: str) -> str:
    """What an EXEC run on `here`, a system that is no member of the cluster as its
    compile knows it (a member removed since, or a system outside the cluster),
    says instead of where to run (rc 52): the members, that a member added since has
    its own in a later compile, and where a member removed has the call to take out:
    AUTOLOG1's PROFILE EXEC for BKRSTART, the scheduler for the others."""
    caller = "AUTOLOG1's PROFILE EXEC there" if exec_name == "BKRSTART" else "the scheduler there"
    return (f"{exec_name}: {here} is no member of cluster {model.name} as compile {compile_id} knows it"
            f" ({' '.join(model.member_names)}): bkrc wrote no {exec_name} for it; if it was added since,"
            " install the one a later compile wrote for it; if it was removed from"
            f" the cluster, take this call out of {caller} (the CHANGES.TXT of the compile that removed"
            " it lists the steps). Nothing done.")


def where_else(model: Model, exec_name: str, here: str) -> str:
    """What an EXEC run on `here`, another member than its own, says of where to run
    instead: the EXEC of its name generated for `here`; BKREXPIR, on a member that
    does not purge, that it has none. (A system that is no member: `no_member`.)"""
    assert here in model.member_names, here
    purging = model.purging_members()
    if exec_name != "BKREXPIR":  # written for every member: not listed in it
        return (f"{exec_name}: run the {exec_name} EXEC generated for {here}. bkrc writes one for each"
                f" member of cluster {model.name}, none for another system. Nothing done.")
    if here in purging:
        return f"{exec_name}: run the {exec_name} EXEC generated for {here}. Nothing done."
    where = f"member {purging[0]}" if len(purging) == 1 else f"members {', '.join(purging[:-1])} and {purging[-1]}"
    return f"{exec_name}: {here} has no BKREXPIR EXEC: expiry runs on {where} only. Nothing done."


#: The operands each EXEC is called with on another member or system, unless a
#: caller says others (`assert_refuses_other_members`'s `calls`).
REFUSED_CALLS = {"BKRSUBMT": "ALL", "BKREXPIR": "PURGE", "BKRSTART": ""}


def assert_refuses_other_members(
    cms: CmsStandIn, model: Model, exec_of: ExecOf, member: str, away: str | None = None,
    calls: dict[str, str] | None = None,
) -> None:
    """Every EXEC of `member` stops with rc 40 on any other member, and with rc 52
    on a system outside the cluster (a member removed since), having only asked CP
    where it runs; it names the EXEC to run there only where bkrc wrote one
    (`where_else`), and outside the cluster names the members instead
    (`no_member`). A DUE read off the clock there writes no record of a minute
    handled (docs/rexx.md). `away`: the system outside the cluster (`outsider`
    unless given); `calls`: each EXEC's operands there (REFUSED_CALLS's unless given;
    on the other members, REFUSED_CALLS's)."""
    execs = ["BKRSUBMT", "BKRSTART"] + (["BKREXPIR"] if member in model.purging_members() else [])
    others = [m.name for m in model.members if m.name != member]
    away = outsider(model) if away is None else away
    assert away not in model.member_names, away
    for exec_name in execs:
        text = exec_of(member, exec_name)
        for other in [*others, away]:
            operands = (calls or REFUSED_CALLS)[exec_name] if other == away else REFUSED_CALLS[exec_name]
            run = cms.run(text, operands, member=other, logged_on=servers(model))
            assert run.rc == (40 if other in others else 52), run
            assert run.commands == ["CP QUERY USERID"], run
            assert f"this EXEC is for member {member}, not for {other}." in run.stdout, run
            said = unfolded(run.stdout, exec_name)
            if other in others:
                assert where_else(model, exec_name, other) in said, run
                assert " is no member of cluster " not in run.stdout, run
            else:
                assert said[1:] == [no_member(model, exec_name, other, compile_of(text))], run
        if exec_name != "BKRSTART":
            for other, rc in [*((o, 40) for o in others[:1]), (away, 52)]:
                run = cms.run(text, "DUE", member=other, logged_on=servers(model))
                assert (run.rc, run.commands, run.records) == (rc, ["CP QUERY USERID"], {}), run


def assert_refused_outside(
    cms: CmsStandIn, model: Model, exec_of: ExecOf, member: str, away: str, calls: dict[str, str]
) -> None:
    """Each EXEC of `member`, called with `calls[its name]` on `away`, a system that is
    no member of the cluster, ends with rc 52 having only asked CP where it runs, and
    says the refusal and the members alone (`no_member`)."""
    assert away not in model.member_names, away
    execs = ["BKRSUBMT", "BKRSTART"] + (["BKREXPIR"] if member in model.purging_members() else [])
    for exec_name in execs:
        text = exec_of(member, exec_name)
        run = cms.run(text, calls[exec_name], member=away, logged_on=servers(model))
        assert (run.rc, run.commands) == (52, ["CP QUERY USERID"]), run
        said = unfolded(run.stdout, exec_name)
        assert said[0] == f"{exec_name}: this EXEC is for member {member}, not for {away}.", run
        assert said[1:] == [no_member(model, exec_name, away, compile_of(text))], run


def expiry_actions(model: Model, member: str) -> list[tuple[str, object]]:
    """(verb, schedule) of every expiry action the .bkr file gives `member`, read from
    the cluster's `expire` blocks as written (not from the model's ExpireModel, which
    the emitter reads): each preview of every block naming the member or `each
    member`, in source order, then each purge."""
    blocks = [
        b
        for b in model.cluster.expires
        if b.placement.each_member or member in {w.text.upper() for w in b.placement.members}
    ]
    return [("PREVIEW", s) for b in blocks for s in b.previews] + [
        ("PURGE", s) for b in blocks for s in b.purges
    ]


def assert_expiry_on_purging_members_only(cms: CmsStandIn, model: Model, exec_of: ExecOf) -> None:
    """Each purging member's BKREXPIR purges there, and refuses everywhere else; no
    member the .bkr file gives a preview lacks the EXEC that sends it."""
    purgers = model.purging_members()
    assert purgers, "a checked cluster has a purging member"
    for m in model.members:
        if any(verb == "PREVIEW" for verb, _ in expiry_actions(model, m.name)):
            assert m.name in purgers, f"{m.name} previews, but gets no BKREXPIR: the preview is lost"
    for purger in purgers:
        text = exec_of(purger, "BKREXPIR")
        for m in model.members:
            run = cms.run(text, "PURGE", member=m.name, logged_on=servers(model))
            if m.name == purger:
                purge = f"CP SMSG {model.catalog_server} EXPIRE (PURGE"
                assert (run.rc, run.commands) == (0, ["CP QUERY USERID", purge]), run
            else:
                assert (run.rc, run.commands) == (40, ["CP QUERY USERID"]), run
                assert where_else(model, "BKREXPIR", m.name) in unfolded(run.stdout, "BKREXPIR"), run


def assert_start_order(cms: CmsStandIn, model: Model, exec_of: ExecOf, member: str) -> None:
    """BKRSTART starts, once each and in this order: the catalog's SFS server (a shared
    catalog's on its home member only, a local catalog's on every member), BKRCATLG,
    BKRBKUP, the member's workers, then a shared Tape Manager's node (the catalog node
    on its member, the request node elsewhere)."""
    catalog, tape = model.catalog, model.tape
    expected = []
    sfs_here = catalog is not None and (catalog.scope is Scope.LOCAL or catalog.home == member)
    if sfs_here:
        expected.append(catalog.server)
    expected += [model.catalog_server, model.backup_server, *model.workers_of(model.member(member))]
    if tape is not None and tape.scope is Scope.SHARED:
        expected.append(tape.catalog_node if tape.catalog_member == member else tape.request_node)
    # The SFS server's file pool serves only once it is logged on, and only at the third query.
    pools = {catalog.pool: (catalog.server, 2, 55)} if sfs_here else None
    run = cms.run(exec_of(member, "BKRSTART"), member=member, pools=pools)
    assert run.rc == 0, run
    started = [c.split()[-1] for c in run.commands if c.startswith("CP XAUTOLOG ")]
    assert started == expected, run
    queried = [c.split()[-1] for c in run.commands if c.startswith("CP QUERY USER ")]
    assert list(dict.fromkeys(queried)) == expected, run  # each asked about before its XAUTOLOG
    asked = [n for n, c in enumerate(run.commands) if c.startswith("CMS QUERY FILEPOOL ")]
    if not sfs_here:
        assert asked == [], run  # no wait for a pool this member does not start
        return
    assert [run.commands[n] for n in asked] == [f"CMS QUERY FILEPOOL CONNECT {catalog.pool}:"] * 3, run
    # After the server logged on, before anything else is started.
    assert asked[0] > run.commands.index(f"CP XAUTOLOG {catalog.server}"), run
    assert asked[-1] < run.commands.index(f"CP QUERY USER {expected[1]}"), run
    # The pool never serves: the Backup Manager machines, which need it, are held
    # back (rc 44, each named as not started); a Tape Manager node, which does
    # not, is still started.
    if catalog.pool is None:
        return
    never = cms.run(exec_of(member, "BKRSTART"), member=member, pools={catalog.pool: (catalog.server, "never", 55)})
    assert never.rc == 44, never
    nodes = expected[len(expected) - 1 :] if tape is not None and tape.scope is Scope.SHARED else []
    started = [c.split()[-1] for c in never.commands if c.startswith("CP XAUTOLOG ")]
    assert started == [catalog.server, *nodes], never
    held = [u for u in expected[1:] if u not in nodes]
    said = unfolded(never.stdout, "BKRSTART")
    assert f"BKRSTART: not started on member {member}: {' '.join(held)}." in said, never


def member_jobs(model: Model, member: str) -> list[tuple[str, object]]:
    """(derived name, job) of every job placed on the member, in the EXEC's table order."""
    return [(name, job) for job in model.jobs for where, name in model.derived_names(job) if where == member]


DAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")


def _minute(hhmm: str) -> str:
    """`hh:mm` with its hour in two digits: `0:05` is `00:05`."""
    hours, minutes = hhmm.split(":")
    return f"{int(hours):02d}:{minutes}"


def is_due(schedule, hhmm: str, day: str, dd: int | str) -> bool:
    """Whether a schedule of the model falls on that minute: the oracle BKRSUBMT DUE
    and BKREXPIR DUE are held to. `manual` is never due. Both times may have a
    one-digit hour (`daily 0:00`, `DUE 0:00`), as the language and DUE take them.
    `dd` is the day of the month, or the date as `yyyymmdd` (as DUE takes it),
    whose month's length says which weekday is its last (`monthly last sun`) and
    which day (`monthly last-day`); a day alone will not do for those, it would be
    the clock's month."""
    if schedule is None or schedule.frequency == "manual" or schedule.time is None:
        return False
    if _minute(schedule.time.text) != _minute(hhmm):
        return False
    if schedule.frequency == "daily":
        return True
    if schedule.frequency == "weekly":
        return day in {d.text.upper()[:3] for d in schedule.days}  # `sun` or `sunday`
    date = str(dd)
    mday = int(date[6:]) if len(date) == 8 else int(date)
    if schedule.ordinal is None and schedule.days[0].text.lower() == "last-day":
        assert len(date) == 8, f"which day is the last depends on the month: give yyyymmdd, not {dd}"
        return mday == calendar.monthrange(int(date[:4]), int(date[4:6]))[1]
    if schedule.ordinal is None:
        return int(schedule.days[0].text) == mday  # monthly
    if schedule.days[0].text.upper()[:3] != day:
        return False
    nth = schedule.ordinal.text.lower()
    if nth == "last":
        assert len(date) == 8, f"which {day} is the last depends on the month: give yyyymmdd, not {dd}"
        length = calendar.monthrange(int(date[:4]), int(date[4:6]))[1]
        return mday + 7 > length
    return ["first", "second", "third", "fourth"].index(nth) == (mday - 1) // 7


def assert_due(
    cms: CmsStandIn, model: Model, exec_of: ExecOf, member: str, hhmm: str, day: str, dd: int
) -> None:
    """BKRSUBMT DUE hh:mm day dd submits exactly the member's jobs due at that minute,
    in table order, and nothing when none is; a minute named reads and writes no
    record of the last minute handled."""
    due = [
        name
        for name, job in member_jobs(model, member)
        if job.run and is_due(job.run.schedule, hhmm, day, dd)
    ]
    expected = ["CP QUERY USERID"] + [f"CP SMSG {model.backup_server} SUBMIT {name}" for name in due]
    run = cms.run(exec_of(member, "BKRSUBMT"), f"DUE {hhmm} {day} {dd}", member=member,
                  logged_on=servers(model))
    assert (run.rc, run.commands, run.records) == (0, expected, {}), run
    if not due:
        assert "nothing due at" in run.stdout, run


def assert_due_elsewhere(
    cms: CmsStandIn, model: Model, exec_of: ExecOf, member: str, here: str, hhmm: str, day: str, dd: int | str
) -> None:
    """`member`'s BKRSUBMT DUE hh:mm day dd, run on `here` (a scheduler's call of
    another member's EXEC), refuses with rc 40 and sends nothing; it names the
    jobs of `here` due at that minute, by the same oracle as `assert_due`, and
    the command that sends them with the right EXEC, or, when none was due
    there, says no more than the refusal. On a system outside the cluster (a
    member removed since) it refuses with rc 52 and says the refusal alone
    (`no_member`): it has no jobs."""
    due = [name for name, job in member_jobs(model, here) if job.run and is_due(job.run.schedule, hhmm, day, dd)]
    text = exec_of(member, "BKRSUBMT")
    run = cms.run(text, f"DUE {hhmm} {day} {dd}", member=here, logged_on=servers(model))
    said = unfolded(run.stdout, "BKRSUBMT")
    if here not in model.member_names:
        assert (run.rc, run.commands) == (52, ["CP QUERY USERID"]), run
        assert said[1:] == [no_member(model, "BKRSUBMT", here, compile_of(text))], run
        return
    assert (run.rc, run.commands) == (40, ["CP QUERY USERID"]), run
    if not due:
        assert not any("not sent:" in line or "EXEC BKRSUBMT DUE" in line for line in said), run
        return
    named = [line for line in said if line.startswith(f"BKRSUBMT: due on {here} at ")]
    assert len(named) == 1 and named[0].endswith(f", not sent: {' '.join(due)}."), run
    minute = named[0].removeprefix(f"BKRSUBMT: due on {here} at ").split(",")[0]
    assert said[-1] == f"BKRSUBMT:   EXEC BKRSUBMT DUE {minute}", run


#: BKRSUBMT's keywords: a job named like one is submitted with `JOB name`.
SUBMIT_KEYWORDS = ("LIST", "ALL", "DUE", "JOB")


#: What BKRSUBMT says after naming a command with CP's logical escape in it.
ESCAPE_NOTE = [
    'type each " as shown: without it, the terminal reads',
    "the character after it as a line end or a delete.",
]


def submit_command(name: str) -> str:
    """How a sysprog types the command that submits job `name` at a terminal: CP's
    logical escape `"` before each `#` and `@` (BKR308), JOB before a keyword."""
    typed = "".join(f'"{ch}' if ch in "#@" else ch for ch in name)
    return f"BKRSUBMT JOB {typed}" if name in SUBMIT_KEYWORDS else f"BKRSUBMT {typed}"


def where_it_runs(model: Model, member: str, name: str) -> list[str]:
    """What BKRSUBMT on `member` says after rc 28 for `name`, the oracle read off the
    model's placements: for each job with a copy named `name` on other members,
    where each runs, and its name here when it runs here too; for a job whose .bkr
    name is `name` and that runs here under another, its name here. (The .bkr
    name of a job that runs elsewhere only is its name there: the checker lets
    no job run on some members under names of their own, BKR220, BKR221.)"""
    lines = []
    for job in model.jobs:
        placed = model.derived_names(job)
        own = [n for where, n in placed if where == member]
        away = [(where, n) for where, n in placed if where != member]
        hits = [(where, n) for where, n in away if n == name]
        if not hits and (name != job.name or not own):
            continue
        for where, n in hits:
            lines += [f"{name} is a job of member {where}, not of {member}:", f"run {submit_command(n)} on {where}."]
        if own:
            lines += [f"on member {member}, job {job.name} is {own[0]}:", f"run {submit_command(own[0])}."]
    return lines


def assert_one_job_at_a_time(cms: CmsStandIn, model: Model, exec_of: ExecOf, member: str) -> None:
    """BKRSUBMT NAME submits that one job (REVIEW with `( REVIEW`); a job of another
    member is not on this one: rc 28, nothing sent, and it says where that job runs
    (and this member's name for a job run on each member), as does the .bkr name of
    a job named otherwise here or run elsewhere only."""
    text = exec_of(member, "BKRSUBMT")
    mine = [name for name, _ in member_jobs(model, member)]
    for name in mine:
        operand = f"JOB {name}" if name in SUBMIT_KEYWORDS else name.lower()  # ALL alone sends every job
        run = cms.run(text, operand, member=member, logged_on=servers(model))
        assert (run.rc, run.commands) == (
            0,
            ["CP QUERY USERID", f"CP SMSG {model.backup_server} SUBMIT {name}"],
        ), run
        run = cms.run(text, f"JOB {name} ( REVIEW", member=member, logged_on=servers(model))
        assert (run.rc, run.commands) == (
            0,
            ["CP QUERY USERID", f"CP SMSG {model.backup_server} REVIEW {name}"],
        ), run
    others = {n for m in model.members if m.name != member for n, _ in member_jobs(model, m.name)} - set(mine)
    sources = {job.name for job in model.jobs if model.derived_names(job)} - set(mine)
    for name in sorted(others | sources):
        run = cms.run(text, f"JOB {name}", member=member, logged_on=servers(model))
        assert (run.rc, run.commands) == (28, ["CP QUERY USERID"]), run
        where = where_it_runs(model, member, name)
        assert where, (name, member)  # each name asked for runs somewhere
        note = ESCAPE_NOTE if any('"' in line for line in where) else []
        assert run.stdout.splitlines() == folded(
            f"BKRSUBMT: {line}"
            for line in [f"no job {name} on member {member}.", f"member {member} has: {' '.join(mine) or 'none'}.",
                         *where, *note]
        ), run


def assert_expiry_due(
    cms: CmsStandIn, model: Model, exec_of: ExecOf, member: str, hhmm: str, day: str, dd: int
) -> None:
    """BKREXPIR DUE hh:mm day dd on a purging member sends the expiry actions its
    `expire` blocks schedule at that minute (every block naming the member): the
    previews first, in source order, then the purge."""
    expected = ["CP QUERY USERID"] + [
        f"CP SMSG {model.catalog_server} EXPIRE ({verb}"
        for verb, schedule in expiry_actions(model, member)
        if is_due(schedule, hhmm, day, dd)
    ]
    run = cms.run(exec_of(member, "BKREXPIR"), f"DUE {hhmm} {day} {dd}", member=member,
                  logged_on=servers(model))
    assert (run.rc, run.commands) == (0, expected), run


def assert_expiry_verbs(cms: CmsStandIn, model: Model, exec_of: ExecOf, member: str) -> None:
    """BKREXPIR PREVIEW (and PURGE) on a purging member sends the action once when the
    .bkr file gives the member one, in any of its `expire` blocks; else rc 28."""
    verbs = {verb for verb, _ in expiry_actions(model, member)}
    for verb in ("PREVIEW", "PURGE"):
        run = cms.run(exec_of(member, "BKREXPIR"), verb, member=member, logged_on=servers(model))
        if verb in verbs:
            sent = [f"CP SMSG {model.catalog_server} EXPIRE ({verb}"]
            assert (run.rc, run.commands) == (0, ["CP QUERY USERID", *sent]), run
        else:
            assert (run.rc, run.commands) == (28, ["CP QUERY USERID"]), run
