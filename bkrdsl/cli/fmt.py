"""Placeholder module: its command is registered when the feature lands."""

COMMANDS: list = []
