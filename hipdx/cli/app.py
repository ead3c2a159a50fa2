"""The `hipdx` click group and what every command shares: error mapping and the console."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import click
from rich.console import Console

from hipdx.errors import InputError, KnowledgeBaseError

P = ParamSpec("P")
R = TypeVar("R")


class UserError(click.ClickException):
    """A problem with what the user gave us: exit code 2, one clear message, no traceback."""

    exit_code = 2


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Map hipdx errors to clean CLI failures."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except InputError as exc:
            raise UserError(str(exc)) from exc
        except KnowledgeBaseError as exc:
            raise click.ClickException(f"knowledge base error: {exc}") from exc

    return wrapper


def console() -> Console:
    return Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)


@click.group()
@click.version_option(package_name="hipdx")
def main() -> None:
    """hipdx: decision support for pain at the back of the hip. Not a diagnosis."""
