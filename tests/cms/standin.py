"""A CMS/CP stand-in that runs generated EXECs unchanged under Regina REXX.

Regina's ADDRESS COMMAND runs a command as a program found on PATH, with the
command's words as its operands (no shell). So `'CP QUERY USER X'` runs
`tests/cms/bin/CP`, a REXX program that records the command and answers as
CP would; DIAGRC(8, ...) is an external function that Regina finds, under
its upper-case name, on REGINA_MACROS (`tests/cms/macros/DIAGRC.rexx`) and
that sends the command to the same CP stand-in. Regina splits a command's
operands as a shell would, dropping quotes; `tests/cms/command.c`, built
here with the C compiler and preloaded, hands the programs the command as
the EXEC wrote it, as CMS and CP receive it. See docs/rexx.md.

    cms = CmsStandIn(tmp_path)
    run = cms.run(text, "ALL", member="DEV1", logged_on=["BKRBKUP"],
                  fail={"SMSG BKRBKUP SUBMIT X": 57}, slow={"BKRSVSFS": 3},
                  answer=["autolog1  at  dev1"])
    run.rc, run.commands, run.stdout
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from bkrdsl.generated import SAY_COLUMNS

HERE = Path(__file__).resolve().parent
#: The stand-in's programs: CP, and CMS's QUERY (QUERY FILEPOOL CONNECT only)
#: and SET (SET CMSTYPE HT and RT only).
PROGRAMS = HERE / "bin"
MACROS = HERE / "macros"


def find_rexx() -> str | None:
    """The Regina interpreter: `rexx` (Debian's regina-rexx) or `regina`."""
    return shutil.which("rexx") or shutil.which("regina")


def find_cc() -> str | None:
    """The C compiler that builds tests/cms/command.c."""
    return shutil.which("cc") or shutil.which("gcc")


#: The CMS file DUE keeps its record in: `member BKRSUBMT A`, `member BKREXPIR A`.
RECORD_NAME = re.compile(r"\S+ (BKRSUBMT|BKREXPIR) A")

#: The LD_PRELOAD library that passes a command on as the EXEC wrote it.
COMMAND_SOURCE = HERE / "command.c"

#: The negative rcs a test may give a command (CMS's -3, "no such command"):
#: a process exits with 0 to 255 only, so command.c hands a negative rc on as
#: the status of a child ended by that signal, which Regina 3.6 reads as the
#: rc -n exactly for these (some other numbers it reads as -9).
CARRIED_NEGATIVE_RCS = range(-14, -2)


def _check_rcs(rcs) -> None:
    """Refuses a negative rc the stand-in cannot hand on to the EXEC."""
    for rc in rcs:
        if isinstance(rc, int) and rc < 0 and rc not in CARRIED_NEGATIVE_RCS:
            raise ValueError(f"the stand-in hands on a negative rc from -3 to -14 only, not {rc}")


@dataclass(frozen=True)
class Run:
    rc: int
    stdout: str
    stderr: str
    commands: list[str]  # every CP and CMS command issued, in order, as "CP ..." or "CMS ..."
    # DUE's records on the caller's A-disk after the run (`DEV1 BKRSUBMT A`: its text)
    records: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:  # shown by pytest when an assertion fails
        return (f"rc={self.rc}\n--- commands\n" + "\n".join(self.commands)
                + f"\n--- stdout\n{self.stdout}--- stderr\n{self.stderr}")


class CmsStandIn:
    """One scratch folder per stand-in; each `run` starts from a clean state."""

    def __init__(self, workdir: Path, rexx: str | None = None) -> None:
        self.rexx = rexx or find_rexx()
        if self.rexx is None:
            raise RuntimeError("Regina REXX (rexx) is not installed")
        cc = find_cc()
        if cc is None:
            raise RuntimeError("a C compiler (cc) is not installed: it builds tests/cms/command.c")
        self.workdir = Path(workdir)
        self.bin = self.workdir / "bin"
        self.bin.mkdir(parents=True, exist_ok=True)
        self.preload = self.workdir / "command.so"
        subprocess.run([cc, "-shared", "-fPIC", "-o", str(self.preload), str(COMMAND_SOURCE)], check=True)
        # Copies, so that the executable bit never depends on how the tree was checked out.
        for program in PROGRAMS.iterdir():
            copy = self.bin / program.name
            shutil.copyfile(program, copy)
            copy.chmod(copy.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        self.count = 0

    def run(
        self,
        exec_text: str,
        operands: str = "",
        *,
        member: str,
        userid: str = "AUTOLOG1",
        logged_on: tuple[str, ...] | list[str] = (),
        fail: dict[str, int] | None = None,
        slow: dict[str, int] | None = None,
        answer: list[str] | None = None,
        smsg_off: tuple[str, ...] | list[str] = (),
        not_in_directory: tuple[str, ...] | list[str] = (),
        elsewhere: tuple[str, ...] | list[str] = (),
        later: dict[str, int] | None = None,
        at: dict[str, str] | None = None,
        identity: tuple[str, ...] | list[str] = (),
        leaving: tuple[str, ...] | list[str] = (),
        odd: dict[str, tuple[int | str, list[str]]] | None = None,
        pools: dict[str, tuple[str, int | str, int]] | None = None,
        numbers: dict[str, int] | None = None,
        file_name: str = "TEST.EXEC",
        env: dict[str, str] | None = None,
        disk: Path | None = None,
        unwritable: tuple[str, ...] | list[str] = (),
    ) -> Run:
        """Run `exec_text` with `operands` as if on `member`; return rc, output and commands.

        `fail` makes a command that starts with its key fail with that rc (a
        CP command without its `CP`, or CMS's `QUERY FILEPOOL ...` or
        `SET CMSTYPE HT`/`RT`: a refused RT leaves HT set);
        `answer` replaces CP's answer to QUERY USERID, line by line; `smsg_off`
        names users logged on that take no SMSG (rc 57), `not_in_directory`
        users XAUTOLOG does not find (rc 53), `elsewhere` users logged on at
        another member of the SSI cluster only (QUERY USER: rc 0, `id - SSI`,
        while not logged on here; XAUTOLOG: rc 54, unless `identity` names
        it), `later` users that log on at another
        member while the EXEC runs (QUERY USER: not logged on n more times,
        then `id - SSI`; XAUTOLOG once n is 0: rc 54, unless `identity`
        names it); `at` gives the member at which such a user runs, which
        QUERY USER id AT ALL names (`id - DSC AT member`; without, it
        answers `id - SSI`, naming none); `identity` names the IDENTITY machines (an instance on
        each member: one logged on at another member does not stop XAUTOLOG
        here, as it does a single-configuration machine's); `leaving` users
        logged on here whose logoff is under way (QUERY USER finds no
        instance here: HCP045E, or `id - SSI` where `elsewhere` names it
        too; XAUTOLOG is refused as already logged on, rc 54); `odd` answers a command that
        starts with its key with exactly that rc and those lines (a CP that
        misbehaves: no answer, rc 0 with an error message, rc -3; rc "none":
        DIAGRC answers those lines with no rc before them); `pools` names
        file pools that do not serve at once, POOL: (server, n, rc): CMS's
        QUERY FILEPOOL CONNECT answers rc while the server is not logged on
        and n more times once it is (n "never": never serves); `numbers`
        gives CP's message number, and so its rc, for "nodir", "already"
        (XAUTOLOG of a user logged on) or "smsgoff" in place of 53, 54 or
        57 (a CP whose number is another; at most 255); `env` adds
        environment variables (a fake clock: LD_PRELOAD, BKR_FAKE_EPOCH; a
        library it preloads is preloaded with tests/cms/command.c).

        Any of these rcs may be negative, -3 to -14 (CMS's -3: no such
        command), for a command the EXEC issues under ADDRESS COMMAND as for
        one it asks through DIAGRC: the EXEC reads that rc itself
        (`CARRIED_NEGATIVE_RCS`; `fail` names CMS's QUERY FILEPOOL too).

        `disk` is the caller's A-disk, a folder kept across runs when a test
        gives the same one (else the run's own, new each time): the EXEC runs
        there, so the CMS file `DEV1 BKRSUBMT A` that DUE keeps its record
        in (REXX stream I/O, which Regina has as CMS REXX has) is the file
        of that name in it. `unwritable` names such files that cannot be
        written (a folder is put in their place: opening it to write fails
        whoever runs the tests, as a full or read-only disk fails on CMS)."""
        _check_rcs([*(fail or {}).values(), *(rc for rc, _ in (odd or {}).values()),
                    *(rc for _, _, rc in (pools or {}).values())])
        self.count += 1
        state = self.workdir / f"run{self.count}"
        state.mkdir()
        (state / "log").write_text("")
        (state / "up").write_text("".join(f"{u}\n" for u in logged_on))
        (state / "fail").write_text("".join(f"{rc} {cmd}\n" for cmd, rc in (fail or {}).items()))
        (state / "slow").write_text("".join(f"{u} {n}\n" for u, n in (slow or {}).items()))
        (state / "nodir").write_text("".join(f"{u}\n" for u in not_in_directory))
        (state / "ssi").write_text("".join(f"{u}\n" for u in elsewhere))
        (state / "later").write_text("".join(f"{u} {n}\n" for u, n in (later or {}).items()))
        (state / "at").write_text("".join(f"{u} {m}\n" for u, m in (at or {}).items()))
        (state / "identity").write_text("".join(f"{u}\n" for u in identity))
        (state / "leaving").write_text("".join(f"{u}\n" for u in leaving))
        (state / "smsgoff").write_text("".join(f"{u}\n" for u in smsg_off))
        (state / "odd").write_text("".join(
            "\t".join([str(rc), cmd, *lines]) + "\n" for cmd, (rc, lines) in (odd or {}).items()))
        (state / "numbers").write_text("".join(f"{kind} {rc}\n" for kind, rc in (numbers or {}).items()))
        (state / "answer").write_text("".join(f"{line}\n" for line in (answer or [])))
        (state / "pools").write_text("".join(
            f"{pool} {server} {n} {rc}\n" for pool, (server, n, rc) in (pools or {}).items()))
        program = state / file_name
        program.write_text(exec_text, encoding="ascii")
        disk = Path(disk) if disk is not None else state
        disk.mkdir(parents=True, exist_ok=True)
        for name in unwritable:
            (disk / name).mkdir(exist_ok=True)
        env = {
            "PATH": f"{self.bin}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
            "REGINA_MACROS": str(MACROS),
            "BKR_CMS_DIR": str(state),
            "BKR_CMS_MEMBER": member,
            "BKR_CMS_USERID": userid,
            "LANG": "C",
            **(env or {}),
            # Every ADDRESS COMMAND command through system(), which command.c
            # replaces: the CP and QUERY stand-ins read it as written.
            "REGINA_OPTIONS": "BROKEN_ADDRESS_COMMAND",
            "LD_PRELOAD": " ".join([str(self.preload), *(env or {}).get("LD_PRELOAD", "").split()]),
        }
        args = [self.rexx, str(program)] + ([operands] if operands else [])
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, check=False, cwd=disk)
        commands = (state / "log").read_text().splitlines()
        records = {path.name: path.read_text() for path in sorted(disk.iterdir())
                   if RECORD_NAME.fullmatch(path.name) and path.is_file()}
        run = Run(done.returncode, done.stdout, done.stderr, commands, records)
        # Every line an EXEC says fits an 80-column 3270 console, whatever the
        # names, the operands and CP's answers (docs/rexx.md): every run checks it.
        wide = [line for line in done.stdout.splitlines() if len(line) > SAY_COLUMNS]
        assert not wide, (f"lines longer than {SAY_COLUMNS} columns: {wide}", str(run))
        # CMSTYPE HT hides every line the EXEC says too: it brackets one CMS
        # command only, and every run ends with RT, whatever happened.
        for n, command in enumerate(commands):
            if command == "CMS SET CMSTYPE HT":
                assert commands[n + 2 : n + 3] == ["CMS SET CMSTYPE RT"], ("HT not undone at once", str(run))
        # Unless a test made SET CMSTYPE RT fail: then HT stays, as on CMS.
        cmstype = state / "cmstype"
        refused = any(key.upper().split()[:3] == ["SET", "CMSTYPE", "RT"] for key in (fail or {}))
        assert refused or not cmstype.exists() or cmstype.read_text().split() == ["RT"], (
            "run ends with CMSTYPE HT", str(run))
        return run
