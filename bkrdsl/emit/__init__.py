"""Model to artifacts: one module per artifact kind, each a pure `model -> text` function.

Emitters never re-check: they run only on a model the checker passed. Every
product keyword, verb and field layout comes from a dialect table
(`dialects/*.toml`, read by `dialect.py`), never from code.
"""
