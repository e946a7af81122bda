"""What the generated files obey that the checks must know before any is generated.

Both consumers of the model read these: the emitters, which write the files,
and the checks, which report a `.bkr` file that would break them (BKR319, a
selection record over 72 columns; BKR328, a member whose folder would be the
cluster-wide one). Neither imports the other (docs/architecture.md, "Layers"),
so the facts live here, beside the model.
"""

from __future__ import annotations

#: Longest line of any generated file (safe for F 80 records and every editor).
MAX_COLUMNS = 72

#: The folder of cluster-wide files (lower case: never a member's folder, which is upper
#: case, on a case-sensitive file system; a member CLUSTER shares it elsewhere, BKR328).
CLUSTER_FOLDER = "cluster"
