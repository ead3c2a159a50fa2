"""The `hipdx` command line: one thin command per task, in one module per area."""

from hipdx.cli import (  # noqa: F401  (register their commands)
    eval_commands,
    interop_commands,
    interview_commands,
    kb_commands,
    web_commands,
)
from hipdx.cli.app import main

__all__ = ["main"]
