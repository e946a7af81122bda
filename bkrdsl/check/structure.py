"""The shape of a compilation: one cluster, in the main file (BKR1xx)."""

from __future__ import annotations

from bkrdsl.check.registry import check
from bkrdsl.diagnostics import Related
from bkrdsl.diagnostics.registry import register
from bkrdsl.resolve.model import Model
from bkrdsl.source import Span

NO_CLUSTER = register(
    "BKR110",
    "no-cluster",
    "error",
    "the file describes no cluster",
    """
    The file given to `bkrc check` or `bkrc compile` must hold one
    `cluster NAME { ... }` block: that is what bkrc checks and compiles.
    Modules that only declare users and groups (like the standard library's)
    are imported by a cluster file, not compiled on their own.

    Failing example: a file that holds only `identity user TCPIP`.

    Fix: add the cluster, or check the file that imports this one.
    """,
)

MANY_CLUSTERS = register(
    "BKR111",
    "several-clusters",
    "error",
    "more than one cluster block",
    """
    One compilation describes one SSI cluster. A second `cluster` block, in the
    same file or in an imported module, would make every member, job and
    catalog ambiguous.

    Failing example: `prod.bkr` defines `cluster PRODSSI` and imports
    `./test.bkr`, which defines `cluster TESTSSI`.

    Fix: keep one cluster per file; share users and groups through a module
    without a cluster.
    """,
)


@check
def one_cluster(model: Model):
    if model.cluster is None:
        yield NO_CLUSTER(
            "this file describes no cluster",
            Span.point(model.main_file, 1, 1),
            help="add `cluster NAME { member ... }`, or check the cluster file that imports this module",
        )
        return
    first = model.cluster
    for other in model.clusters:
        if other is first:
            continue
        yield MANY_CLUSTERS(
            f"a second cluster `{other.name.upper}`: one compilation describes one cluster",
            other.name.span,
            related=(Related(first.name.span, f"cluster {first.name.upper} is declared here"),),
            help="keep one cluster per compilation; move shared users and groups into a module without a cluster",
        )
