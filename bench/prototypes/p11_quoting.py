# ruff: noqa: E501
# (each patch quotes the original lines exactly, long ones included)
"""emit/quoting.py: _tokens returns the characters at once when the text holds no `<U+` escape,
instead of trying the escape regex at every character."""
from common import patch
patch("bkrdsl/emit/quoting.py", '''    escape or one character. Keeping an escape whole keeps the listing readable."""
    out: list[str] = []''', '''    escape or one character. Keeping an escape whole keeps the listing readable."""
    if _ESCAPE_START not in text:  # the usual case: no escape, every piece is one character
        return list(text)
    out: list[str] = []''')
