# ruff: noqa: E501
# (each patch quotes the original lines exactly, long ones included)
"""cli: pathlib imported when a file is read, and command modules imported only when their
command runs (a click Group that knows each command's module by name)."""
from common import patch
patch("bkrdsl/cli/common.py", "from pathlib import Path\n", "")
patch("bkrdsl/cli/common.py", '''    path = Path(arg)''', '''    from pathlib import Path  # here, not at the top: `bkrc --version` never needs it

    path = Path(arg)''')
patch("bkrdsl/cli/common.py", "def read_input(arg: str) -> tuple[str, bytes, Path | None]:", "def read_input(arg: str) -> tuple[str, bytes, \"Path | None\"]:")
patch("bkrdsl/cli/__init__.py", '''@click.group(context_settings={"help_option_names": ["-h", "--help"]})''', '''#: Each command's module: imported when the command runs or help lists it.
LAZY_COMMANDS = {
    "check": "check",
    "explain": "check",
    "rules": "check",
    "compile": "compile",
    "fmt": "fmt",
    "highlight": "highlight",
    "lsp": "lsp",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx, name):
        if name not in self.commands and name in LAZY_COMMANDS:
            import importlib

            module = importlib.import_module(f"bkrdsl.cli.{LAZY_COMMANDS[name]}")
            for command in module.COMMANDS:
                self.commands.setdefault(command.name, command)
        return super().get_command(ctx, name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})''')
patch("bkrdsl/cli/__init__.py", '''def _register() -> None:
    from bkrdsl.cli import check, compile, fmt, highlight, lsp

    for module in (check, compile, fmt, highlight, lsp):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()
''', "")
