# ruff: noqa: E501
# (each patch quotes the original lines exactly, long ones included)
"""parser.py: propagate_positions off; _without_keywords (already a full walk over a tree that
keeps every token) gives each tree the span of its first and last token instead."""
from common import patch
patch("bkrdsl/syntax/parser.py", "        propagate_positions=True,\n", "        propagate_positions=False,  # _without_keywords sets each tree's span\n")
patch("bkrdsl/syntax/parser.py", '''    from lark import Token, Tree

    children = [
        _without_keywords(c, kept) if isinstance(c, Tree) else c
        for c in tree.children
        if isinstance(c, Tree) or (isinstance(c, Token) and c.type in kept)
    ]
    return Tree(tree.data, children, tree.meta)''', '''    from lark import Tree
    from lark.tree import Meta

    children = []
    first = last = None
    for c in tree.children:
        if isinstance(c, Tree):
            c = _without_keywords(c, kept)
            if not c.meta.empty:
                first = first or c.meta
                last = c.meta
            children.append(c)
        else:
            if c.start_pos is not None:
                first = first or c
                last = c
            if c.type in kept:
                children.append(c)
    meta = Meta()
    if first is not None:
        meta.empty = False
        meta.line, meta.column, meta.start_pos = first.line, first.column, first.start_pos
        meta.end_line, meta.end_column, meta.end_pos = last.end_line, last.end_column, last.end_pos
    return Tree(tree.data, children, meta)''')
