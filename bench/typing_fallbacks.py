"""How often the fast parser gives up on the texts a user passes through while typing.

The fast parser (bkrdsl/syntax/fast.py) reads only texts it reads exactly as Lark
does; on any other it gives up and the whole file is parsed by Lark with its
recovery (about 2.5 s of processor time per MB). In an editor, every keystroke
re-reads the file, so each intermediate text that makes the fast parser give up
costs a Lark parse of the whole buffer.

For each example (examples/*.bkr) and each statement line (not blank, not only a
comment), the line is typed character by character into the file with the line
taken out (its blanks before the first word are typed too), and deleted again
from its end. Deleting from the end passes through the same texts as typing, so
the typing states are the distinct texts `before + line[:k] + after`,
k = 0 .. len(line) - 1 (the whole line is the example itself). For each state it
records whether the fast parser reads it, and where it gave up: the line of
fast.py that raised, with its comment (the reason), and the codes of the
diagnostics Lark reports there (a real error the fast parser cannot read), or
none (the fast parser was over-cautious: Lark reads it cleanly). The states
left to Lark are then counted by site and those codes together: a category
whose diagnostics one rule of the recovery gives is one the fast parser may
learn (docs/performance.md, "Typing: where the fast parser gives up").

    python bench/typing_fallbacks.py                 # share, the top reasons and categories
    python bench/typing_fallbacks.py --top 25        # more of each
    python bench/typing_fallbacks.py --examples examples/minimal.bkr
    python bench/typing_fallbacks.py --json          # the counts as JSON
    python bench/typing_fallbacks.py --list          # each state given up on: its line, Lark's diagnostics

`--keystrokes` times what the language server runs after each change instead
(`analyse_document`, then placing the diagnostics: bench/lsp_bench.py's re-check,
in process, no debounce) on bench/generate.py's cluster of `--users` users
(10,000: about 1,900 lines, 106 KB): two lines deep in it, of the job SGLINC1,
its `to disk pool BKUPPOOL` and its `description "Nightly incremental..."`, are
typed character by character, and each state is re-checked R times. It prints, per state, whether the fast parser read it and the
median time on the clock and of the processor, and the median over the states of
each kind. `--against DIR` runs the same in another checkout of bkrdsl (its
package on PYTHONPATH), interleaved, for a before/after:

    python bench/typing_fallbacks.py --keystrokes -r 5
    python bench/typing_fallbacks.py --keystrokes -r 5 --against /tmp/base

It never asserts; tests/test_fast_parser.py checks the contract on every state
(the fast parser reads a state only when Lark reads it without a diagnostic, and
then builds the very same AST).
"""

from __future__ import annotations

import argparse
import collections
import json
import linecache
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __name__ == "__main__" and "--checkout" not in sys.argv:
    sys.path.insert(0, str(HERE.parent))  # with --checkout, PYTHONPATH names the package

from bkrdsl.source import Source
from bkrdsl.syntax import fast

#: The lines typed in --keystrokes mode: a job's target and its description, deep in
#: the generated file, each the first line that starts so after TYPED_AFTER.
TYPED_LINES = ("    to disk pool BKUPPOOL", '    description "Nightly incremental')
TYPED_AFTER = "  job SGLINC1 {"


def statement_lines(text: str) -> list[int]:
    """Indexes of the lines worth typing: not blank, not only a comment."""
    return [k for k, line in enumerate(text.split("\n")) if line.strip() and not line.lstrip().startswith("#")]


def typing_states(text: str):
    """(line number, k, state text) for every text met typing each statement line
    character by character (and deleting it from its end: the same texts)."""
    lines = text.split("\n")
    for index in statement_lines(text):
        line = lines[index]
        for k in range(len(line)):
            yield index + 1, k, "\n".join([*lines[:index], line[:k], *lines[index + 1 :]])


def give_up_site(source: Source) -> str | None:
    """None when the fast parser reads the text, else the line of fast.py that gave
    up (function, line number, its source line)."""
    try:
        parser = fast._Parser(source)
        parser.module()
        parser.reported(source)  # as fast.read_reported: the diagnostics it gives, if any
    except fast.GiveUp:
        frame = traceback.extract_tb(sys.exc_info()[2])[-1]
        code = linecache.getline(frame.filename, frame.lineno).strip()
        return f"{frame.name}:{frame.lineno}: {code}"
    return None


def lark_codes(source: Source) -> tuple[str, ...]:
    """The codes of the syntax diagnostics the Lark path reports for the text, in order."""
    from bkrdsl.syntax.parser import parse

    return tuple(d.code for d in parse(source).diagnostics)


def list_states(paths: list[Path]) -> None:
    """Print each state the fast parser gives up on: where, the typed line (the
    cursor at its end) and Lark's diagnostics there."""
    from bkrdsl.syntax.parser import parse

    for path in paths:
        for line, k, state in typing_states(path.read_text()):
            source = Source.of(path.name, state)
            site = give_up_site(source)
            if site is None:
                continue
            print(f"{path.name}:{line}:{k + 1}  {site.split(': ', 1)[0]}  {state.split(chr(10))[line - 1]!r}")
            for d in parse(source).diagnostics:
                print(f"    {d.code} {d.span.line}:{d.span.column} {d.message}")


def survey(paths: list[Path]) -> dict:
    """Counts over every typing state of the files."""
    states = fell_back = clean_fallbacks = 0
    reasons: collections.Counter = collections.Counter()
    clean_reasons: collections.Counter = collections.Counter()
    categories: collections.Counter = collections.Counter()  # (site, Lark's codes)
    per_file = {}
    for path in paths:
        text = path.read_text()
        file_states = file_fell = 0
        for _line, _k, state in typing_states(text):
            source = Source.of(path.name, state)
            file_states += 1
            site = give_up_site(source)
            if site is None:
                continue
            file_fell += 1
            reasons[site] += 1
            codes = lark_codes(source)
            categories[f"{site.split(': ', 1)[0]} {' '.join(codes) or '(none)'}"] += 1
            if not codes:
                clean_fallbacks += 1
                clean_reasons[site] += 1
        per_file[path.name] = (file_fell, file_states)
        states += file_states
        fell_back += file_fell
    return {
        "states": states,
        "fell_back": fell_back,
        "clean_fallbacks": clean_fallbacks,
        "per_file": per_file,
        "reasons": reasons.most_common(),
        "clean_reasons": clean_reasons.most_common(),
        "categories": categories.most_common(),
    }


def typed_line_states(text: str) -> list[tuple[str, str]]:
    """(what is typed of the line, the text) met typing each of TYPED_LINES."""
    lines = text.split("\n")
    after = lines.index(TYPED_AFTER)
    out = []
    for start in TYPED_LINES:
        index = next(k for k in range(after, len(lines)) if lines[k].startswith(start))
        line = lines[index]
        out += [(line[:k], "\n".join([*lines[:index], line[:k], *lines[index + 1 :]])) for k in range(len(line))]
    return out


def keystroke_costs(users: int, rounds: int) -> list[dict]:
    """Per typing state of TYPED_LINE in the generated cluster: whether the fast
    parser read it, and the median re-check time (clock and processor), in ms."""
    import importlib.util
    import statistics
    import tempfile
    import time

    from bkrdsl.lsp import features
    from bkrdsl.lsp.document import analyse_document

    spec = importlib.util.spec_from_file_location("bench_generate", HERE / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    with tempfile.TemporaryDirectory() as folder:
        path, _yaml = generate.write(users, Path(folder))
        reader = getattr(fast, "read_reported", fast.read)  # a checkout from before it: read
        states = typed_line_states(path.read_text())
        analyse_document(str(path), states[0][1], path=path)  # warm: imports, Lark's tables
        out = []
        for typed, state in states:
            clock, cpu = [], []
            for _ in range(rounds):
                start, start_cpu = time.perf_counter(), time.process_time()
                features.placed(analyse_document(str(path), state, path=path))
                clock.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            read = reader(Source.of(str(path), state)) is not None
            median_ms, median_cpu_ms = statistics.median(clock) * 1000, statistics.median(cpu) * 1000
            out.append({"typed": typed, "fast": read, "ms": median_ms, "cpu_ms": median_cpu_ms})
    return out


def _keystroke_report(label: str, costs: list[dict]) -> None:
    import statistics

    print(f"{label}: {sum(c['fast'] for c in costs)} of {len(costs)} states read by the fast parser")
    for c in costs:
        where = "fast" if c["fast"] else "lark"
        print(f"  {c['typed'][-40:]!r:44} {where}  {c['ms']:7.1f} ms  cpu {c['cpu_ms']:7.1f} ms")
    for kind, read in (("fast", True), ("lark", False)):
        chosen = [c for c in costs if c["fast"] is read]
        if chosen:
            ms = statistics.median(c["ms"] for c in chosen)
            cpu = statistics.median(c["cpu_ms"] for c in chosen)
            print(f"  median of the {len(chosen)} {kind} states: {ms:.1f} ms, cpu {cpu:.1f} ms")


def _keystrokes_in(checkout: Path | None, users: int, rounds: int) -> list[dict]:
    """keystroke_costs here, or in another checkout's package (a process of its own)."""
    import os
    import subprocess

    if checkout is None:
        return keystroke_costs(users, rounds)
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    command = [sys.executable, __file__, "--checkout", "--keystrokes", "--users", str(users), "-r", str(rounds), "--json"]
    return json.loads(subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", nargs="*", type=Path, default=sorted((HERE.parent / "examples").glob("*.bkr")))
    ap.add_argument("--top", type=int, default=12, help="how many give-up reasons to list")
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    ap.add_argument("--list", action="store_true", help="list each state given up on, with Lark's diagnostics")
    ap.add_argument("--keystrokes", action="store_true", help="time the language server's re-check of each state")
    ap.add_argument("--users", type=int, default=10_000, help="size of the generated cluster (--keystrokes)")
    ap.add_argument("-r", "--rounds", type=int, default=5, help="re-checks of each state (--keystrokes)")
    ap.add_argument("--against", type=Path, help="another checkout of bkrdsl to time too (--keystrokes)")
    ap.add_argument("--checkout", action="store_true", help=argparse.SUPPRESS)  # bkrdsl from PYTHONPATH
    args = ap.parse_args(argv)
    if args.keystrokes:
        if args.json:
            print(json.dumps(keystroke_costs(args.users, args.rounds)))
            return 0
        if args.against is not None:
            _keystroke_report(f"{args.against}", _keystrokes_in(args.against.resolve(), args.users, args.rounds))
        _keystroke_report("this checkout", keystroke_costs(args.users, args.rounds))
        return 0
    if args.list:
        list_states(args.examples)
        return 0
    result = survey(args.examples)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    share = result["fell_back"] / result["states"] if result["states"] else 0.0
    print(f"typing states: {result['states']}, fast parser gave up on {result['fell_back']} ({share:.1%})")
    print(f"  of which Lark reads without a diagnostic: {result['clean_fallbacks']}")
    for name, (fell, total) in result["per_file"].items():
        print(f"  {name}: {fell}/{total}")
    print("most frequent give-up sites (count, Lark-clean count, site):")
    clean = dict(result["clean_reasons"])
    for site, count in result["reasons"][: args.top]:
        print(f"  {count:6d} {clean.get(site, 0):6d}  {site}")
    print("most frequent categories (count, site and the codes of Lark's diagnostics):")
    for category, count in result["categories"][: args.top]:
        print(f"  {count:6d}  {category}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
