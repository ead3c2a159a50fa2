"""The `hipdx` command line: one thin command per task, in one module per area."""

from hipdx.cli import kb_commands  # noqa: F401  (registers its commands on `main`)
from hipdx.cli.app import main

__all__ = ["main"]
