# ruff: noqa: E501
# (each patch quotes the original lines exactly, long ones included)
"""kinds.py: patterns_of_other_kind skips, with one set look-up, every user whose first
characters start no pattern's literal prefix, before trying the alternation of all patterns."""
from common import patch
patch("bkrdsl/check/kinds.py", '''        regex = _combined(patterns)
        if regex is None:
            continue
        hits: dict[int, list[UserDef]] = {}
        seen: set[str] = set()
        for u in model.user_defs:
            if u.kind is kind or u.id in seen or len(u.id) > 8:
                continue
            m = regex.match(u.id)''', '''        regex = _combined(patterns)
        if regex is None:
            continue
        # The alternation costs time per pattern for every user; most users cannot
        # match any pattern, and the first characters of the literal prefixes
        # (before the first wildcard) tell them apart with one set look-up.
        prefixes = [re.split(r"[*%?]", p.pattern, maxsplit=1)[0] for p in patterns]
        width = min(len(x) for x in prefixes)
        heads = {x[:width] for x in prefixes}
        hits: dict[int, list[UserDef]] = {}
        seen: set[str] = set()
        for u in model.user_defs:
            if u.kind is kind or u.id in seen or len(u.id) > 8:
                continue
            if width and u.id[:width] not in heads:
                continue
            m = regex.match(u.id)''')
