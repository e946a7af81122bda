"""Diagnostics: what went wrong, where, and how to fix it.

`Diagnostic` is a value; `registry` holds every code with its long explanation;
`render` turns a list of diagnostics into text, short, json, sarif or github output.
"""

from bkrdsl.diagnostics.core import MDISK_LINE, Diagnostic, Edit, Fix, Related, Severity, Slip, sort_key
from bkrdsl.diagnostics.registry import REGISTRY, Code, lookup, register

__all__ = [
    "MDISK_LINE", "REGISTRY", "Code", "Diagnostic", "Edit", "Fix", "Related", "Severity", "Slip", "lookup", "register",
    "sort_key",
]
