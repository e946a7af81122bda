"""Codes for problems found while reading and parsing a file (BKR0xx)."""

from bkrdsl.diagnostics.registry import register

BINARY = register(
    "BKR001",
    "binary-input",
    "error",
    "the file holds binary data, not text",
    """
    A .bkr file is text. This file contains a NUL byte or other control
    characters that never appear in text, so it is probably a binary file (a
    VMARC archive, a packed file, a disk image) or a file saved in a text encoding
    that is not UTF-8, such as UTF-16.

    Failing example: a file that starts with the bytes `00 00 FE FF`.

    Fix: pass the .bkr source, or convert it to UTF-8 (for example with
    `iconv -f UTF-16 -t UTF-8`).
    """,
)

BAD_UTF8 = register(
    "BKR002",
    "invalid-utf8",
    "error",
    "the file is not valid UTF-8",
    """
    bkrc reads .bkr files as UTF-8 (a byte-order mark is allowed and ignored).
    The byte at the reported line and column does not start a valid UTF-8
    sequence. Files copied from z/VM in binary mode are EBCDIC; files saved by
    some Windows editors are in a legacy code page such as cp1252.

    Failing example: a comment with `é` saved in Latin-1 (byte E9).

    Fix: transfer the file from z/VM in text (ASCII) mode, or convert it:
    `iconv -f CP1252 -t UTF-8 old.bkr > new.bkr`.
    """,
)

BAD_CHARACTER = register(
    "BKR003",
    "unexpected-character",
    "error",
    "a character that cannot appear here",
    """
    The lexer met a character that no .bkr token can start with. z/VM names use
    only A-Z, 0-9 and `$ # @ _ - + : .`; patterns add `*`, `%` and `?`; text
    with any other character belongs inside a "quoted description". Non-ASCII
    letters are not allowed in names: CP and CMS cannot store them.

    Failing example:

        single group PAYROLL { LOHN-ÄMTER }

    Fix: spell the name with the characters z/VM accepts (`LOHNAMT`), or
    quote free text in a `description "..."`.
    """,
)

SYNTAX = register(
    "BKR004",
    "syntax-error",
    "error",
    "the text does not follow the .bkr grammar here",
    """
    The parser met a word or symbol where the grammar expects something else.
    The message says what was expected, in the language's own terms. One
    mistake can hide its neighbours for a moment: bkrc skips to the next
    statement and carries on, so every independent syntax error in a file is
    reported in one run.

    Failing example:

        member VMSYS1 { workers }

    Fix: give the missing value: `member VMSYS1 { workers 4 }`.
    See docs/language.md for every construct with an example.
    """,
)

UNCLOSED = register(
    "BKR005",
    "unclosed-brace",
    "error",
    "a `{` is never closed",
    """
    Every block (`cluster`, `member`, `group`, `job`, `expire`) opens with `{`
    and must close with `}`. The file ended while a block was still open.

    Failing example:

        cluster PRODSSI {
          member VMSYS1 { workers 4 }

    Fix: add the `}` where the block ends.
    """,
)

UNMATCHED_CLOSE = register(
    "BKR006",
    "unmatched-brace",
    "error",
    "a `}` with no `{` to close",
    """
    A closing brace appears where no block is open, usually because a block was
    closed twice or its opening line was deleted.

    Failing example:

        member VMSYS1 { workers 4 } }

    Fix: remove the extra `}`, or restore the block's opening line.
    """,
)

UNTERMINATED_STRING = register(
    "BKR007",
    "unterminated-string",
    "error",
    "a quoted string is not closed on its line",
    """
    A description string starts with `"` and must end with `"` on the same line.
    Use `\\"` for a quote inside the string.

    Failing example:

        description "Nightly backup of the Linux guests

    Fix: close the string: `description "Nightly backup of the Linux guests"`.
    """,
)

TOO_MANY = register(
    "BKR008",
    "too-many-errors",
    "error",
    "more syntax errors than are worth listing",
    """
    After the first errors, the rest of a badly damaged file is summarised in
    one line with a count, so the first (usually the real) mistakes stay on the
    screen. Fix the errors shown and run bkrc again.
    """,
)

WRONG_LANGUAGE = register(
    "BKR009",
    "not-bkr",
    "error",
    "the file looks like another language, not .bkr",
    """
    The text reads like YAML, JSON, XML or a REXX program rather than the .bkr
    language, so bkrc was probably pointed at the wrong file, or a generated
    EXEC or template was passed instead of its source.

    Failing example: a file whose first line is `/* REXX */`.

    Fix: pass the cluster's .bkr file. A .bkr file starts with `import`,
    `cluster`, `single` or `identity`, and `#` starts a comment.
    """,
)

EXPECTED_NAME = register(
    "BKR010",
    "expected-name",
    "error",
    "a keyword is missing the name or value that must follow it",
    """
    Keywords such as `member`, `job`, `on`, `workers` and `daily` are always
    followed by a name or a value. The parser found a keyword, a brace or the
    end of the file instead.

    Failing example:

        run on daily 02:00

    Fix: write what the keyword needs: `run on VMSYS1 daily 02:00`.
    """,
)
