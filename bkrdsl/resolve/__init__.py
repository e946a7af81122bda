"""AST to model: imports, name tables and the one resolved cluster model."""

from bkrdsl.resolve.loader import Program, default_search_path, load
from bkrdsl.resolve.model import Model, build_model

__all__ = ["Model", "Program", "build_model", "default_search_path", "load"]
