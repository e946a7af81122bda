# ruff: noqa: E501
# (each patch quotes the original lines exactly, long ones included)
"""fmt/layout.py: accept the bare NAME tokens that p3_grammar puts in group bodies."""
from common import patch
F = "bkrdsl/fmt/layout.py"
patch(F, '''    def token_range(self, node) -> tuple[int, int]:
        """Indexes of the first and last token inside a tree node."""
        starts = self.layout.starts
        first = bisect.bisect_left(starts, node.meta.start_pos)
        last = bisect.bisect_left(starts, node.meta.end_pos) - 1
        return first, last''', '''    def token_range(self, node) -> tuple[int, int]:
        """Indexes of the first and last token inside a tree node (or of a bare token)."""
        starts = self.layout.starts
        where = node if _is_token(node) else node.meta
        first = bisect.bisect_left(starts, where.start_pos)
        last = bisect.bisect_left(starts, where.end_pos) - 1
        return first, last''')
patch(F, '''def _children(tree):
    return [c for c in tree.children if hasattr(c, "data")]
''', '''def _children(tree):
    return [c for c in tree.children if hasattr(c, "data")]


def _is_token(node) -> bool:
    return not hasattr(node, "data")


def _data(node) -> str | None:
    """A tree's rule name; None for a bare token (a user ID in a group body)."""
    return getattr(node, "data", None)
''')
patch(F, '''            if node.data in DOCUMENTED:
                self.guard_doc(first)''', '''            if _data(node) in DOCUMENTED:
                self.guard_doc(first)''')
patch(F, '''    def item(self, node, indent: str) -> None:
        if node.data in BLOCKS:''', '''    def item(self, node, indent: str) -> None:
        if _data(node) in BLOCKS:''')
patch(F, '''        body = [c for c in _children(node) if c.meta.start_pos > toks[brace].start]''', '''        entries = node.children if node.data == "group_decl" else _children(node)
        body = [
            c
            for c in entries
            if (c.start_pos if _is_token(c) else c.meta.start_pos) > toks[brace].start
        ]''')
patch(F, '''                        "  " if entry.data == "group_match" or body[n - 1].data == "group_match" else " "''', '''                        "  " if _data(entry) == "group_match" or _data(body[n - 1]) == "group_match" else " "''')
