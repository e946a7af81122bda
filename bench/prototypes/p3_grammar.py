# ruff: noqa: E501
# (each patch quotes the original lines exactly, long ones included)
"""grammar + build.py: a group's user IDs are bare NAME tokens in group_decl (no Tree and no
reduction-with-positions per user); `match` entries stay group_match trees. (fmt/layout.py,
which walks the parse tree, must then accept Token entries: not patched here.)"""
from common import patch
patch("grammar/bkr.lark", '''group_decl: kind "group"i NAME "{" group_entry* "}"
group_entry: NAME          -> group_user
           | "match"i NAME -> group_match''', '''group_decl: kind "group"i NAME "{" _group_entry* "}"
// A user ID stays a bare NAME token: groups hold thousands, and a tree per user
// costs more than the token itself.
_group_entry: NAME
            | group_match
group_match: "match"i NAME''')
patch("bkrdsl/syntax/build.py", '''        built = tuple(
            ast.GroupEntry(self.word(e.children[0]), e.data == "group_match", self.span_of(e)) for e in entries
        )''', '''        built = tuple(self.group_entry(e) for e in entries)''')
patch("bkrdsl/syntax/build.py", '''    def setting(self, tree, keyword: str) -> ast.Setting:''', '''    def group_entry(self, node) -> ast.GroupEntry:
        if hasattr(node, "type"):  # a bare NAME: the entry is the name itself, one span
            word = self.word(node)
            return ast.GroupEntry(word, False, word.span)
        return ast.GroupEntry(self.word(node.children[0]), True, self.span_of(node))

    def setting(self, tree, keyword: str) -> ast.Setting:''')
