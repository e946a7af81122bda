#!/bin/bash
# apply.sh DEST PATCH... : copy bkrdsl/, grammar/ and stdlib/ of this checkout to DEST (replacing
# it), link the rest, and apply the prototype patches in order. Then, for example:
#   PYTHONPATH=DEST python bench/run.py          # the benchmark on the prototype
#   python bench/prototypes/same.py DEST         # same ASTs, diagnostics and output as the tree
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dest=$1; shift
rm -rf "$dest"; mkdir -p "$dest"
cp -r "$root/bkrdsl" "$root/grammar" "$root/stdlib" "$dest/"
for d in docs examples editors README.md tests pyproject.toml bench; do ln -sfn "$root/$d" "$dest/$d"; done
for p in "$@"; do (cd "$here" && python "$(basename "$p")" "$dest") && echo "applied $p"; done
