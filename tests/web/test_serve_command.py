"""`hipdx serve` hands the app factory and the options to uvicorn."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner

from hipdx.cli import main
from hipdx.config import get_settings


@pytest.fixture
def calls(
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[list[tuple[tuple[Any, ...], dict[str, Any]]]]:
    seen: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: seen.append((a, k)))
    get_settings.cache_clear()
    yield seen
    get_settings.cache_clear()


def test_serve_defaults(calls: list[tuple[tuple[Any, ...], dict[str, Any]]]) -> None:
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 0, result.output
    ((args, kwargs),) = calls
    assert args == ("hipdx.web.app:build_app",)
    assert kwargs["factory"] is True
    assert (kwargs["host"], kwargs["port"], kwargs["reload"]) == ("127.0.0.1", 8000, False)


def test_serve_options(calls: list[tuple[tuple[Any, ...], dict[str, Any]]]) -> None:
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", "9000", "--reload"])
    assert result.exit_code == 0, result.output
    kwargs = calls[0][1]
    assert (kwargs["host"], kwargs["port"], kwargs["reload"]) == ("0.0.0.0", 9000, True)


def test_serve_reads_the_environment(
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIPDX_PORT", "8123")
    assert CliRunner().invoke(main, ["serve"]).exit_code == 0
    assert calls[0][1]["port"] == 8123


def test_serve_refuses_bad_settings(
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIPDX_ENVIRONMENT", "production")
    monkeypatch.delenv("HIPDX_DATABASE_URL", raising=False)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code != 0 and "HIPDX_DATABASE_URL" in result.output
    assert calls == []
