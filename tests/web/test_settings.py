"""Settings: defaults, the environment, production refusals, and docs/settings.md agreeing."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from hipdx.config import DEFAULT_DATABASE_URL, Settings, get_settings
from tests.conftest import REPO

DOCS = REPO / "docs" / "settings.md"


def _documented() -> dict[str, str]:
    """Setting name -> the section of docs/settings.md about it."""
    sections = re.split(r"^## ", DOCS.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]
    return {s.split("\n", 1)[0].strip(): s for s in sections}


def _shown(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


@pytest.mark.parametrize("name", list(Settings.model_fields))
def test_every_setting_is_documented_with_its_default(name: str) -> None:
    field = Settings.model_fields[name]
    assert field.description, f"{name} has no help text"
    section = _documented().get(f"HIPDX_{name.upper()}")
    assert section is not None, f"HIPDX_{name.upper()} missing from docs/settings.md"
    assert f"Default: `{_shown(field.default)}`" in section
    words = " ".join(section.split())
    assert " ".join(field.description.split()) in words


def test_docs_list_no_unknown_settings() -> None:
    known = {f"HIPDX_{name.upper()}" for name in Settings.model_fields}
    assert set(_documented()) <= known


def test_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIPDX_PORT", "9001")
    monkeypatch.setenv("HIPDX_DATABASE_URL", "sqlite:////tmp/x.db")
    get_settings.cache_clear()
    try:
        settings = get_settings()
        assert settings.port == 9001 and settings.database_url == "sqlite:////tmp/x.db"
        assert get_settings() is settings
    finally:
        get_settings.cache_clear()


def test_defaults_are_for_development() -> None:
    settings = Settings(_env_file=None)
    assert settings.environment == "development"
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.host == "127.0.0.1"


def test_production_refuses_the_default_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HIPDX_DATABASE_URL", raising=False)
    with pytest.raises(ValidationError, match="HIPDX_DATABASE_URL"):
        Settings(environment="production", _env_file=None)
    ok = Settings(environment="production", database_url="postgresql://db/hipdx")
    assert ok.environment == "production"


@pytest.mark.parametrize(("name", "value"), [("port", 0), ("max_body_bytes", 10), ("page_size", 0)])
def test_bad_values_are_refused(name: str, value: int) -> None:
    with pytest.raises(ValidationError):
        Settings.model_validate({name: value})
