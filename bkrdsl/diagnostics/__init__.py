"""Diagnostics: what went wrong, where, and how to fix it.

`Diagnostic` is a value; `registry` holds every code with its long explanation;
`render` turns a list of diagnostics into text, short, json, sarif or github output.
"""

from bkrdsl.diagnostics.core import Diagnostic, Edit, Fix, Related, Severity, sort_key
from bkrdsl.diagnostics.registry import REGISTRY, Code, lookup, register

__all__ = ["REGISTRY", "Code", "Diagnostic", "Edit", "Fix", "Related", "Severity", "lookup", "register", "sort_key"]
