# ruff: noqa: E501
# (each patch quotes the original lines exactly, long ones included)
"""pipeline.py: no cyclic garbage collection while the front end builds its (acyclic) objects."""
from common import patch
patch("bkrdsl/pipeline.py", '''    kwargs = {"reader": reader} if reader is not None else {}
    program = load(''', '''    import gc

    # The front end allocates hundreds of thousands of tokens, trees and AST nodes
    # and frees none of them as cycles: the collector's full passes over an ever
    # larger heap only cost time (a third of check at 50,000 users). Restored on exit.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _analyse(name, data, path=path, search_path=search_path, reader=reader)
    finally:
        if enabled:
            gc.enable()


def _analyse(name, data, *, path, search_path, reader) -> Analysis:
    kwargs = {"reader": reader} if reader is not None else {}
    program = load(''')
