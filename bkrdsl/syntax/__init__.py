"""Text to tree to AST: reading, parsing with recovery, and building the AST."""

from bkrdsl.syntax.parser import ParseResult, parse, parser

__all__ = ["ParseResult", "parse", "parser"]
