"""Database engines from a URL (SQLite by default, PostgreSQL optional) and running migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from pydantic_core import from_json, to_json
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import StaticPool

from hipdx.store.models import JsonText
from hipdx.store.sqlite_file import WriterLock, in_memory, is_sqlite_file

MIGRATIONS = "hipdx.store:migrations"
MIGRATION_LOCK = 0x68697064  # "hipd": serialises start-up migrations of several PostgreSQL workers


def normalise_url(url: str) -> URL:
    """Parse a database URL; plain `postgresql://` and `postgres://` use psycopg 3."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _to_json(value: Any) -> str:
    """JSON columns are written by pydantic's serializer (several times faster than json);
    JSON text as it is."""
    return value if isinstance(value, JsonText) else to_json(value).decode()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Checkpoints are WalCheckpointer's job (hipdx.store.sqlite_file), off the request path;
    # SQLite still checkpoints when the last connection closes.
    cursor.execute("PRAGMA wal_autocheckpoint=0")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`; a SQLite file's folder is created if missing.

    In-memory SQLite (`sqlite://`) shares one connection so every session sees the same data.
    """
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        memory = in_memory(database)
        if not memory:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            parsed,
            json_serializer=_to_json,
            json_deserializer=from_json,
            connect_args={"check_same_thread": False},
            **({"poolclass": StaticPool} if memory else {}),
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(
        parsed, pool_pre_ping=True, json_serializer=_to_json, json_deserializer=from_json
    )


def alembic_config() -> Config:
    """Alembic configuration pointing at the migrations shipped in the package."""
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    return config


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """Serialise migrations of one SQLite file across processes (several uvicorn workers)."""
    if not is_sqlite_file(engine):
        yield
        return
    lock = WriterLock(engine.url.database or "")
    try:
        with lock:
            yield
    finally:
        lock.close()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the database schema up to `revision` (idempotent; safe with several workers)."""
    config = alembic_config()
    with _migration_lock(engine), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
