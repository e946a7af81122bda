"""Synthetic SSI clusters for the benchmark: the same data as a .bkr file and as YAML.

A cluster has 4 members and N users split into `single` groups (Linux guests,
application servers) and `identity` groups (service machines that run on every
member), 50 to 200 users each, some with a `match` pattern for IDs only the
directory knows. Jobs: per member, a weekly full and a nightly incremental of
that member's share of the single groups (pinned to the member), plus a full to
tape and an incremental of every identity group `on each member`. It has a
shared catalog, expiry on one member, Tape Manager and product minidisks, like
examples/prodssi.bkr, and imports std/backup-manager.

Everything is drawn from `random.Random(seed)`, so a size and a seed always give
byte-identical files. The generated .bkr checks clean (`bkrc check`, exit 0).

    python bench/generate.py --sizes 100 1000 --out /tmp/bench-data
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

SIZES = (100, 1_000, 10_000, 50_000)
MEMBERS = ("VMSYS1", "VMSYS2", "VMSYS3", "VMSYS4")
#: Share of the users that are single-configuration (Linux guests dominate real clusters).
SINGLE_SHARE = 0.7
GROUP_SIZE = (50, 200)
#: One group in PATTERN_EVERY also covers a `match` pattern (IDs only the directory knows).
PATTERN_EVERY = 4
#: User ID prefixes (3 characters, then a 5-digit number: 8 characters in all).
SINGLE_PREFIXES = ("LNX", "WAS", "DBS", "CIC", "MQS")
IDENTITY_PREFIXES = ("SVC", "TCP", "PRF", "OPS")
WIDTH = 72


def _group_sizes(total: int, rng: random.Random) -> list[int]:
    """Sizes of 50 to 200 that add up to `total` (a smaller last group when fewer are left)."""
    sizes = []
    left = total
    while left > 0:
        size = min(rng.randint(*GROUP_SIZE), left)
        sizes.append(size)
        left -= size
    return sizes


def _groups(kind: str, total: int, prefixes: tuple[str, ...], tag: str, rng: random.Random) -> list[dict]:
    counters = dict.fromkeys(prefixes, 0)
    groups = []
    for index, size in enumerate(_group_sizes(total, rng), start=1):
        prefix = prefixes[rng.randrange(len(prefixes))]
        first = counters[prefix]
        counters[prefix] += size
        users = [f"{prefix}{n:05d}" for n in range(first + 1, first + size + 1)]
        # `Z` never follows the prefix in an explicit ID, so the pattern covers only
        # users that are not listed (it overlaps no other group and no other kind).
        patterns = [f"{prefix}Z{index:03d}*"] if index % PATTERN_EVERY == 0 else []
        groups.append({"name": f"{tag}{index:04d}", "kind": kind, "users": users, "patterns": patterns})
    return groups


def _selection(medium: str, owner: str | None, values: list[str]) -> dict:
    return {"medium": medium, "owner": owner, "values": values}


def _single_jobs(groups: list[dict]) -> list[dict]:
    """Per member: a weekly full and a nightly incremental of its share of the single groups."""
    jobs = []
    for m, member in enumerate(MEMBERS, start=1):
        share = [g["name"] for g in groups[m - 1 :: len(MEMBERS)]]
        if not share:
            continue
        def common(share=share, member=member):  # bound now: called in this round only
            # Fresh objects per job: shared ones would become YAML anchors and aliases.
            return {
                "backup": list(share),
                "include": [_selection("minidisk", "*", ["0100-0FFF"])],
                # 0300: the guests' V-DISK swap bench/directory.py writes (BKR516), empty at logon
                "exclude": [_selection("minidisk", "*", ["0190", "019D", "019E", "0300"])],
                "run": {"each_member": False, "member": member},
            }

        jobs.append(
            common()
            | {
                "name": f"SGLFULL{m}",
                "description": f"Weekly full backup of the guests that run on {member}",
                "level": "full",
                "target": {"medium": "tape", "pool": None},
                "schedule": {"kind": "weekly", "days": ["sat"], "time": "22:00"},
            }
        )
        jobs.append(
            common()
            | {
                "name": f"SGLINC{m}",
                "description": f"Nightly incremental of the guests that run on {member}",
                "level": "incremental",
                "target": {"medium": "disk", "pool": "BKUPPOOL"},
                "schedule": {"kind": "daily", "days": [], "time": "23:30"},
            }
        )
    return jobs


def _identity_jobs(groups: list[dict]) -> list[dict]:
    """A full to tape and an incremental of every identity group, one job per member."""
    if not groups:
        return []
    names = [g["name"] for g in groups]

    def common():
        return {
            "backup": list(names),
            "include": [_selection("minidisk", "*", ["0191", "0200-02FF"])],
            "exclude": [],
            "run": {"each_member": True, "member": None},
        }

    return [
        common()
        | {
            "name": "IDFUL",
            "description": "Service machines, full, one job per member",
            "level": "full",
            "target": {"medium": "tape", "pool": None},
            "schedule": {"kind": "weekly", "days": ["sun"], "time": "04:00"},
        },
        common()
        | {
            "name": "IDINC",
            "description": "Service machines, incremental, one job per member",
            "level": "incremental",
            "target": {"medium": "disk", "pool": "BKUPPOOL"},
            "schedule": {"kind": "daily", "days": [], "time": "03:30"},
        },
    ]


def generate(users: int, seed: int = 1) -> dict:
    """The cluster as plain data (what both writers below render)."""
    rng = random.Random(f"bkrdsl-bench-{seed}-{users}")
    single_total = round(users * SINGLE_SHARE)
    single = _groups("single", single_total, SINGLE_PREFIXES, "SGL", rng)
    identity = _groups("identity", users - single_total, IDENTITY_PREFIXES, "IDG", rng)
    members = [
        {
            "name": name,
            "workers": 4 if m <= 2 else 2,
            "private_volumes": [f"M{m}PRV1"],
            "excludes": [_selection("minidisk", "LNX*", ["0192"])] if m == 3 else [],
        }
        for m, name in enumerate(MEMBERS, start=1)
    ]
    return {
        "cluster": "BENCHSSI",
        "description": f"Synthetic benchmark cluster: {users} users, seed {seed}",
        "users": users,
        "members": members,
        "shared_volumes": ["VMCOM1"],
        "catalog": {"scope": "shared", "server": "BKRSVSFS", "pool": "BKRPOOL", "on": MEMBERS[0]},
        "expire": {
            "on": MEMBERS[0],
            "preview": {"kind": "daily", "days": [], "time": "01:00"},
            "purge": {"kind": "weekly", "days": ["sun"], "time": "03:00"},
            "retain_days": 35,
        },
        "tape": {"scope": "shared", "catalog_node": "TCTMM", "on": MEMBERS[0], "request_node": "TRTMM"},
        "disks": [
            {"user": "BKRBKUP", "address": "191", "size": 10, "unit": "cyl", "volume": None, "at": None},
            {"user": "BKRCATLG", "address": "191", "size": 10, "unit": "cyl", "volume": None, "at": None},
            {"user": "BKRWRK*", "address": "191", "size": 5, "unit": "cyl", "volume": None, "at": None},
            {
                "user": "BKRSVSFS",
                "address": "191",
                "size": 20,
                "unit": "cyl",
                "volume": "VMCOM1",
                "at": "1000",
            },
            # Every machine bkrc writes an entry for starts CMS: each needs its A-disk (BKR253).
            *(
                {"user": user, "address": "191", "size": 10, "unit": "cyl", "volume": None, "at": None}
                for user in ("BKRADMIN", "5697J06C", "TCTMM", "TRTMM")
            ),
        ],
        "groups": single + identity,
        "jobs": _single_jobs(single) + _identity_jobs(identity),
    }


# ------------------------------------------------------------------ .bkr
def _wrapped(head: str, words: list[str], indent: str) -> list[str]:
    """`head` then `words`, filled to WIDTH columns, continuation lines indented."""
    lines, line = [], head
    for piece in words:
        if len(line) + 1 + len(piece) > WIDTH and line.strip() != head.strip():
            lines.append(line)
            line = indent + piece
        else:
            line = f"{line} {piece}" if line else piece
    lines.append(line)
    return lines


def _schedule(s: dict) -> str:
    if s["kind"] == "weekly":
        return f"weekly {','.join(s['days'])} {s['time']}"
    return f"{s['kind']} {s['time']}"


def _select(action: str, s: dict) -> str:
    owner = f" {s['owner']}" if s["owner"] else ""
    return f"{action} {s['medium']}{owner} {' '.join(s['values'])}"


def _job_bkr(job: dict) -> list[str]:
    target = job["target"]["medium"] + (f" pool {job['target']['pool']}" if job["target"]["pool"] else "")
    run = "each member" if job["run"]["each_member"] else job["run"]["member"]
    out = [f"  job {job['name']} {{", f'    description "{job["description"]}"']
    names = [f"{g}," for g in job["backup"][:-1]] + [job["backup"][-1], job["level"]]
    out += _wrapped("    backup", names, "      ")
    out += [f"    {_select('include', s)}" for s in job["include"]]
    out += [f"    {_select('exclude', s)}" for s in job["exclude"]]
    out += [f"    to {target}", f"    run on {run} {_schedule(job['schedule'])}", "  }"]
    return out


def to_bkr(data: dict) -> str:
    """The cluster as a .bkr file, laid out the way a person would write it."""
    out = [
        f"## Synthetic benchmark cluster: {data['users']} users on {len(data['members'])} members.",
        "## Generated by bench/generate.py; regenerate rather than edit.",
        "import std/backup-manager",
        "",
        f"cluster {data['cluster']} {{",
        f'  description "{data["description"]}"',
        "",
    ]
    for m in data["members"]:
        body = [f"workers {m['workers']}", f"private-volume {' '.join(m['private_volumes'])}"]
        body += [_select("exclude", s) for s in m["excludes"]]
        one_line = f"  member {m['name']} {{ {'  '.join(body)} }}"
        if len(one_line) <= WIDTH:
            out.append(one_line)
        else:
            out += [f"  member {m['name']} {{"] + [f"    {b}" for b in body] + ["  }"]
    out.append(f"  shared-volume {' '.join(data['shared_volumes'])}")
    c = data["catalog"]
    out.append("  ## The catalog's SFS file pool server: single, so one catalog serves every member.")
    out.append(f"  single user {c['server']}")
    out.append(f"  catalog {c['scope']} server {c['server']} pool {c['pool']} on {c['on']}")
    e = data["expire"]
    out += [
        f"  expire on {e['on']} {{",
        f"    preview {_schedule(e['preview'])}",
        f"    purge {_schedule(e['purge'])}",
        f"    retain {e['retain_days']} days",
        "  }",
    ]
    t = data["tape"]
    nodes = f"catalog-node {t['catalog_node']} on {t['on']} request-node {t['request_node']}"
    out.append(f"  tape manager {t['scope']} {nodes}")
    for d in data["disks"]:
        place = f" on {d['volume']} at {d['at']}" if d["volume"] else ""
        out.append(f"  disk {d['user']} {d['address']} size {d['size']} {d['unit']}{place}")
    for g in data["groups"]:
        out.append("")
        out.append(f"  ## {len(g['users'])} {g['kind']}-configuration users.")
        out.append(f"  {g['kind']} group {g['name']} {{")
        words = g["users"] + [f"match {p}" for p in g["patterns"]]
        out += _wrapped("   ", words, "    ")
        out.append("  }")
    for job in data["jobs"]:
        out.append("")
        out += _job_bkr(job)
    out.append("}")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ YAML
def to_yaml(data: dict) -> str:
    """The same cluster as YAML, as a site without bkrc might keep it."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, sort_keys=False, default_flow_style=False, width=WIDTH)


def write(users: int, folder: Path, seed: int = 1) -> tuple[Path, Path]:
    """Write `bench-N.bkr` and `bench-N.yaml` into `folder`; return both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    data = generate(users, seed)
    bkr = folder / f"bench-{users}.bkr"
    yml = folder / f"bench-{users}.yaml"
    bkr.write_text(to_bkr(data), encoding="utf-8")
    yml.write_text(to_yaml(data), encoding="utf-8")
    return bkr, yml


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="numbers of users")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    args = ap.parse_args(argv)
    for n in args.sizes:
        bkr, yml = write(n, args.out, args.seed)
        print(f"{bkr} ({bkr.stat().st_size:,} bytes)  {yml} ({yml.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
