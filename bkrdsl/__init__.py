"""bkrdsl: describe the backups of a z/VM SSI cluster once, compile every member's files."""

__version__ = "0.1.0"
