"""Runtime settings: one pydantic Settings class read from HIPDX_* environment variables or .env.

Each setting has its name, default and help text here, and an entry in docs/settings.md (a test
checks both agree). Nothing is built at import time: `get_settings()` reads the environment on
first use and caches the result; tests call `get_settings.cache_clear()` or pass their own
Settings to `create_app`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///hipdx.db"


class Settings(BaseSettings):
    """Settings of the web app, the store and `hipdx serve`."""

    model_config = SettingsConfigDict(
        env_prefix="HIPDX_", env_file=".env", extra="ignore", frozen=True
    )

    environment: Literal["development", "production"] = Field(
        default="development",
        description=(
            "`development` or `production`. Production refuses unsafe defaults: the database "
            "URL must be set explicitly."
        ),
    )
    database_url: str = Field(
        default=DEFAULT_DATABASE_URL,
        description=(
            "SQLAlchemy URL of the database. The default is a SQLite file `hipdx.db` in the "
            "working directory; use `postgresql://user:password@host/dbname` for PostgreSQL "
            "(driver psycopg 3, the `postgres` extra). Migrations run on start-up."
        ),
    )
    host: str = Field(
        default="127.0.0.1", description="Interface `hipdx serve` listens on by default."
    )
    port: int = Field(
        default=8000, ge=1, le=65535, description="Port `hipdx serve` listens on by default."
    )
    max_body_bytes: int = Field(
        default=65_536,
        ge=1024,
        description="Largest request body accepted, in bytes; larger bodies get 413.",
    )
    max_text_chars: int = Field(
        default=10_000,
        ge=1,
        description="Longest free-text description accepted in one request, in characters.",
    )
    actor_header: str = Field(
        default="X-Hipdx-Actor",
        min_length=1,
        description=(
            "Request header naming who acts, recorded in the audit log (`anonymous` when "
            "absent). Set it from an authenticating proxy; the app does not authenticate."
        ),
    )
    docs_enabled: bool = Field(
        default=True,
        description="Serve the OpenAPI schema and interactive docs at /openapi.json and /docs.",
    )
    preload_nlp: bool = Field(
        default=True,
        description=(
            "Load the free-text reader in the background at start-up, so the first request "
            "with text does not wait for it (when the `nlp` extra is installed)."
        ),
    )
    page_size: int = Field(
        default=50, ge=1, le=500, description="Past assessments shown per page of the list."
    )

    @model_validator(mode="after")
    def _refuse_unsafe_defaults(self) -> Settings:
        if self.environment == "production" and "database_url" not in self.model_fields_set:
            raise ValueError(
                "HIPDX_DATABASE_URL must be set explicitly when HIPDX_ENVIRONMENT=production"
            )
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings from the environment (and .env), read once and cached."""
    return Settings()
