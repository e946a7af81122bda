"""Reads tests/cms/cases.txt: each case is one EXEC run and what it must do."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

CASES_FILE = Path(__file__).resolve().parent / "cases.txt"
EXECS = ("BKRSUBMT", "BKREXPIR", "BKRSTART")


@dataclass
class Case:
    line: int
    example: str
    member: str
    exec_name: str
    operands: str
    run_as: str = ""
    logged_on: list[str] = field(default_factory=list)
    fail: dict[str, int] = field(default_factory=dict)
    slow: dict[str, int] = field(default_factory=dict)
    smsg_off: list[str] = field(default_factory=list)
    not_in_directory: list[str] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)
    later: dict[str, int] = field(default_factory=dict)
    at: dict[str, str] = field(default_factory=dict)
    leaving: list[str] = field(default_factory=list)
    odd: dict[str, tuple[int | str, list[str]]] = field(default_factory=dict)
    pools: dict[str, tuple[str, int | str, int]] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    dialect: dict[str, str] = field(default_factory=dict)
    rc: int | None = None
    says: list[str] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        where = f"@{self.run_as}" if self.run_as and self.run_as != self.member else ""
        return f"L{self.line}-{self.example}-{self.member}-{self.exec_name}{where}-{self.operands or 'none'}"


class CaseError(ValueError):
    pass


def parse_cases(text: str) -> list[Case]:
    cases: list[Case] = []
    repeat: tuple[int, list[str]] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        if word == "case":
            parts = rest.split(None, 3)
            if len(parts) < 3 or parts[2] not in EXECS:
                raise CaseError(f"cases.txt:{number}: case EXAMPLE MEMBER EXEC [OPERANDS]")
            cases.append(Case(number, parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else ""))
            continue
        if not cases:
            raise CaseError(f"cases.txt:{number}: {word!r} before the first case")
        case = cases[-1]
        if word in ("CP", "CMS"):
            (repeat[1] if repeat else case.commands).append(line)
        elif word == "repeat":
            repeat = (int(rest), [])
        elif word == "end":
            if repeat is None:
                raise CaseError(f"cases.txt:{number}: end without repeat")
            case.commands.extend(repeat[1] * repeat[0])
            repeat = None
        elif word == "as":
            case.run_as = rest
        elif word == "up":
            case.logged_on.extend(rest.split())
        elif word == "fail":
            rc, _, prefix = rest.partition(" ")
            case.fail[prefix] = int(rc)
        elif word == "odd":
            rc, _, rest = rest.partition(" ")
            prefix, *lines = rest.split(" / ")
            case.odd[prefix.strip()] = (rc if rc == "none" else int(rc), lines)
        elif word == "nodir":
            case.not_in_directory.extend(rest.split())
        elif word == "ssi":
            case.elsewhere.extend(rest.split())
        elif word == "at":
            user, member = rest.split()
            case.at[user] = member
        elif word == "leaving":
            case.leaving.extend(rest.split())
        elif word == "smsgoff":
            case.smsg_off.extend(rest.split())
        elif word == "pool":
            pool, server, n, rc = rest.split()
            case.pools[pool] = (server, n if n == "never" else int(n), int(rc))
        elif word == "number":
            kind, rc = rest.split()
            case.numbers[kind] = int(rc)
        elif word == "dialect":
            key, _, value = rest.partition(" ")  # a value of several words too
            case.dialect[key] = value.strip()
        elif word == "later":
            user, n = rest.split()
            case.later[user] = int(n)
        elif word == "slow":
            user, n = rest.split()
            case.slow[user] = int(n)
        elif word == "rc":
            case.rc = int(rest)
        elif word == "says":
            case.says.append(raw.split("says ", 1)[1])
        else:
            raise CaseError(f"cases.txt:{number}: unknown line {line!r}")
    for case in cases:
        if case.rc is None:
            raise CaseError(f"cases.txt:{case.line}: the case gives no rc")
    return cases


def load_cases() -> list[Case]:
    return parse_cases(CASES_FILE.read_text(encoding="utf-8"))
