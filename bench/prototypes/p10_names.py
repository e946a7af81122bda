# ruff: noqa: E501
# (each patch quotes the original lines exactly, long ones included)
"""check/common.py: name_problem answers valid names with one regex fullmatch (compiled once
per character set) before the character-by-character diagnosis, which only bad names need."""
from common import patch
F = "bkrdsl/check/common.py"
patch(F, '''def name_problem(text: str, allowed: frozenset[str], max_len: int, what: str) -> str | None:
    """Why `text` is not a valid `what` (1-`max_len` characters from `allowed`), or None."""
    up = text.upper()''', '''@functools.lru_cache(maxsize=16)
def _all_allowed(allowed: frozenset[str]) -> re.Pattern:
    return re.compile("[" + re.escape("".join(sorted(allowed))) + "]+")


def name_problem(text: str, allowed: frozenset[str], max_len: int, what: str) -> str | None:
    """Why `text` is not a valid `what` (1-`max_len` characters from `allowed`), or None."""
    up = text.upper()
    # Every user ID passes through here several times: valid names take one C-speed match.
    if 0 < len(up) <= max_len and _all_allowed(allowed).fullmatch(up):
        return None''')
patch(F, "import difflib\n", "import difflib\nimport functools\n")
