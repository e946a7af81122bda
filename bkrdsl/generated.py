"""What the generated files obey that the checks must know before any is generated.

Both consumers of the model read these: the emitters, which write the files,
and the checks, which report a `.bkr` file that would break them (BKR319, a
selection record over 72 columns; BKR328, a member whose folder would be the
cluster-wide one), and the dialect table, whose literal text is held to the
same characters. Neither consumer imports the other (docs/architecture.md, "Layers"),
so the facts live here, beside the model.
"""

from __future__ import annotations

#: The characters every common EBCDIC code page maps alike (domain.md "EBCDIC"): the
#: only ones a generated file holds, but for NAME_EXTRA inside names. The dialect table's
#: literal text is held to them too.
INVARIANT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 +<=>%&*\"'(),_-./:;?")

#: Longest line of any generated file (safe for F 80 records and every editor).
MAX_COLUMNS = 72

#: The last column of a CP source directory record that DIRECTXA reads: a
#: statement is in columns 1-71, columns 72-80 hold sequence numbers (z/VM CP
#: Planning and Administration, "Source Directory File Formats"). The site's
#: directory is read so (`bkrdsl.cpdirectory`), and every line of a generated
#: `ID DIRECT` file ends by it, comments too.
DIRECTORY_COLUMNS = 71

#: The folder of cluster-wide files (lower case: never a member's folder, which is upper
#: case, on a case-sensitive file system; a member CLUSTER shares it elsewhere, BKR328).
CLUSTER_FOLDER = "cluster"
