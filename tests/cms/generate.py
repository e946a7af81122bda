"""The EXECs under test, generated from examples/*.bkr (and tests/cms/clusters/*.bkr)
through the real front end."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from bkrdsl.ast import Kind
from bkrdsl.dialect import DEFAULT_RELEASE, DIALECT_DIR, load_dialect, parse_dialect
from bkrdsl.emit.rexx import cluster_execs, expire_exec, profile_snippet, submit_exec
from bkrdsl.pipeline import analyse
from bkrdsl.resolve.model import Model

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent.parent / "examples"
#: Clusters made for these tests (edge cases the examples do not have).
TEST_CLUSTERS = HERE / "clusters"
EMITTERS = {"BKRSUBMT": submit_exec, "BKREXPIR": expire_exec, "BKRSTART": profile_snippet}


def example_names() -> list[str]:
    """Every example, then the clusters made for these tests."""
    return sorted(p.stem for p in EXAMPLES.glob("*.bkr")) + sorted(p.stem for p in TEST_CLUSTERS.glob("*.bkr"))


def cluster_path(name: str) -> Path:
    """examples/NAME.bkr, else tests/cms/clusters/NAME.bkr."""
    path = EXAMPLES / f"{name}.bkr"
    return path if path.exists() else TEST_CLUSTERS / f"{name}.bkr"


@functools.cache
def _analysis(name: str):
    path = cluster_path(name)
    return analyse(f"{name}.bkr", path.read_bytes(), path=path)


def example_members(name: str) -> list[str]:
    """The member names of examples/NAME.bkr (for parametrising; no check required)."""
    model = _analysis(name).model
    return [m.name for m in model.members] if model is not None else []


def example_model(name: str) -> Model:
    """The checked model of examples/NAME.bkr (the emitters only ever see a clean one)."""
    analysis = _analysis(name)
    assert analysis.ok, [f"{d.code} {d.message}" for d in analysis.diagnostics if d.is_error]
    return analysis.model


def identity_machines(model: Model) -> list[str]:
    """The model's IDENTITY machines (an instance on each member): the CP
    stand-in starts one here even while another member runs one, and refuses
    XAUTOLOG of any other user logged on at another member."""
    return sorted(user for user, (kind, _) in model.product_machines().items() if kind is Kind.IDENTITY)


def example_identity(name: str) -> list[str]:
    """The IDENTITY machines of examples/NAME.bkr (`identity_machines`)."""
    return identity_machines(example_model(name))


def generate(model: Model, member: str, exec_name: str, source: str = "test.bkr", dialect=None) -> str:
    """The EXEC as `bkrc compile` writes it: the cluster's EXECs are written
    together (`cluster_execs`), since each names the identity of them all."""
    execs = cluster_execs(model, source, dialect or load_dialect())
    found = [text for m, file, text in execs if (m, file) == (member, exec_name)]
    if not found:  # as the emitter refuses it (BKREXPIR on a member that does not purge)
        return EMITTERS[exec_name](model, model.member(member), source, dialect or load_dialect())
    return found[0]


def example_exec(example: str, member: str, exec_name: str, dialect=None) -> str:
    return generate(example_model(example), member, exec_name, f"{example}.bkr", dialect)


def site_dialect(values: dict[str, str]):
    """The built-in table with these entries' values corrected, as a site's copy
    passed with `--dialect` (validated as one: `parse_dialect`); None without any."""
    if not values:
        return None
    data = tomllib.loads((DIALECT_DIR / f"backup-manager-{DEFAULT_RELEASE}.toml").read_text(encoding="utf-8"))
    for key, value in values.items():
        data["entries"][key]["value"] = value
    return parse_dialect(data, "site-dialect.toml")
