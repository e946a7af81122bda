"""Does a prototype change behaviour? Compares, for every example, test input and generated
cluster, the AST and diagnostics (repr digest) and the compiled files, between this checkout
and a prototype copy made by apply.sh.

    python bench/prototypes/same.py DEST
"""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r'''
import hashlib, sys, tempfile
from pathlib import Path
from click.testing import CliRunner
from bkrdsl.cli import cli
from bkrdsl.syntax.parser import parse
from bkrdsl.syntax.build import build
from bkrdsl.syntax.reader import decode
for name in sys.argv[1:]:
    f = Path(name)
    src, _ = decode(str(f), f.read_bytes())
    r = parse(src)
    ast = hashlib.sha256(repr((build(r), r.diagnostics)).encode()).hexdigest()[:12]
    with tempfile.TemporaryDirectory() as tmp:
        res = CliRunner().invoke(cli, ["compile", str(f), "-o", tmp + "/o"])
        h = hashlib.sha256(res.output.encode() if res.exit_code else b"")
        if res.exit_code == 0:
            for o in sorted(Path(tmp, "o").rglob("*")):
                if o.is_file():
                    h.update(str(o.relative_to(tmp)).encode()); h.update(o.read_bytes())
    print(f"{f.name} ast {ast} compile {res.exit_code} {h.hexdigest()[:12]}")
'''


def digests(pythonpath: str, files: list[str]) -> list[str]:
    env = dict(os.environ, PYTHONPATH=pythonpath)
    command = [sys.executable, "-c", PROBE, *files]
    out = subprocess.run(command, env=env, cwd="/", capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr)
    return out.stdout.splitlines()


def main() -> int:
    dest = sys.argv[1]
    sys.path.insert(0, str(ROOT / "bench"))
    import tempfile

    import generate

    with tempfile.TemporaryDirectory() as tmp:
        bench = [str(generate.write(n, Path(tmp))[0]) for n in (100, 1000, 10000)]
        folders = (ROOT / "examples", ROOT / "tests" / "data")
        files = sorted(str(p) for folder in folders for p in folder.rglob("*.bkr"))
        files += bench
        a, b = digests(str(ROOT), files), digests(dest, files)
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    for x, y in differ:
        print(f"- {x}\n+ {y}")
    print(f"{len(files) - len(differ)} of {len(files)} inputs identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
