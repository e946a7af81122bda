# ruff: noqa: E501
# (each patch quotes the original lines exactly, long ones included)
"""build.py: take line/column from Lark's tokens and meta instead of bisecting Source line starts."""
from common import patch
patch("bkrdsl/syntax/build.py", '''    def span_of(self, node) -> Span:
        if hasattr(node, "start_pos"):  # a Token
            start = node.start_pos or 0
            end = node.end_pos if node.end_pos is not None else start + len(str(node.value))
            return self.source.span(start, end)
        meta = node.meta
        if getattr(meta, "empty", True):
            return self.source.span(0, 0)
        return self.source.span(meta.start_pos, meta.end_pos)
''', '''    def span_of(self, node) -> Span:
        # Lark already counted lines and columns (1-based, in characters, the same
        # as Source.position): reuse them instead of two bisections per node.
        if hasattr(node, "start_pos"):  # a Token
            if node.end_pos is not None and node.line is not None and node.end_line is not None:
                return Span(self.name, node.line, node.column, node.end_line, node.end_column, node.start_pos, node.end_pos)
            start = node.start_pos or 0
            end = node.end_pos if node.end_pos is not None else start + len(str(node.value))
            return self.source.span(start, end)
        meta = node.meta
        if getattr(meta, "empty", True):
            return self.source.span(0, 0)
        return Span(self.name, meta.line, meta.column, meta.end_line, meta.end_column, meta.start_pos, meta.end_pos)
''')
patch("bkrdsl/syntax/build.py", '''        self.source = source
        self.docs''', '''        self.source = source
        self.name = source.name
        self.docs''')
