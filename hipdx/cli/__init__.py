"""The `hipdx` command line: one thin command per task, in one module per area."""

from hipdx.cli import eval_commands, kb_commands  # noqa: F401  (register their commands)
from hipdx.cli.app import main

__all__ = ["main"]
