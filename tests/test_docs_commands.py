"""Every `python -m bkrdsl...` the repository tells someone to run names a module that runs.

The generated pages, the docstrings and the tests' failure messages name the
maintainers' tools by their module (`python -m bkrdsl.check.docs`); a module
moved (`bkrdsl.emit.compat` became `bkrdsl.dialect.compat`) leaves every
mention of the old name pointing at nothing, which `python -m` answers with
"No module named" only when someone follows it.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess

from conftest import ROOT

#: `python -m NAME`, also broken across a line as prose wraps it.
COMMAND = re.compile(r"python3?\s+-m\s+(bkrdsl(?:\.\w+)*)")


def tracked_text_files() -> list:
    names = subprocess.run(
        ["git", "ls-files", "-z", "--", "*.md", "*.py", "*.toml", ".ci/*", "bench/*"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    return [ROOT / name for name in sorted(set(names)) if name and (ROOT / name).is_file()]


def runs_as_main(module: str) -> bool:
    """What `python -m module` needs: a module with a `__main__` guard, or a package with `__main__.py`."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return False
    if spec.submodule_search_locations is not None:
        return importlib.util.find_spec(f"{module}.__main__") is not None
    with open(spec.origin, encoding="utf-8") as source:
        return 'if __name__ == "__main__"' in source.read()


def test_every_python_m_command_named_runs():
    named: dict[str, set[str]] = {}
    for path in tracked_text_files():
        for module in COMMAND.findall(path.read_text(encoding="utf-8", errors="replace")):
            named.setdefault(module.rstrip("."), set()).add(path.relative_to(ROOT).as_posix())
    assert "bkrdsl.dialect.compat" in named  # the scan reads what it must
    broken = {module: sorted(files) for module, files in sorted(named.items()) if not runs_as_main(module)}
    assert broken == {}, "these name a module `python -m` cannot run: name where it lives now"
