"""The real databases: migrations match the tables, the audit log is append-only, URLs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.exc import DBAPIError

from hipdx.store import NewAssessment, SqlStore, StoreError
from hipdx.store.db import make_engine, migrate, normalise_url
from hipdx.store.tables import metadata


def _urls(tmp_path: Path, request: pytest.FixtureRequest, backend: str) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'db' / 'nested' / 'hipdx.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_migrations_create_exactly_the_tables(
    tmp_path: Path, request: pytest.FixtureRequest, backend: str
) -> None:
    engine = make_engine(_urls(tmp_path, request, backend))
    migrate(engine)
    migrate(engine)  # idempotent: a restart runs it again
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == "0001"
        assert compare_metadata(context, metadata) == []
    engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"],
)
def test_the_database_refuses_to_change_the_audit_log(
    tmp_path: Path, request: pytest.FixtureRequest, backend: str, statement: str
) -> None:
    store = SqlStore.open(_urls(tmp_path, request, backend))
    store.create_assessment(
        new=NewAssessment(
            origin="api",
            input={},
            kb_version="v",
            result={},
            headline="h",
            triage_level="routine",
            search_text="",
        ),
        actor="alice",
    )
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as connection:
        connection.execute(sa.text(statement))
    assert [e.actor for e in store.list_audit()] == ["alice"]
    store.close()


@pytest.mark.slow
def test_postgres_refuses_truncating_the_audit_log(postgres_url: str) -> None:
    store = SqlStore.open(postgres_url)
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as connection:
        connection.execute(sa.text("TRUNCATE audit_log"))
    store.close()


def test_data_survives_a_restart(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hipdx.db'}"
    first = SqlStore.open(url)
    started = first.create_interview(state={"step": 3}, actor="pat")
    first.close()
    second = SqlStore.open(url)
    assert second.get_interview(interview_id=started.id) == started
    second.close()


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg"),
        ("postgres://u@h/db", "postgresql+psycopg"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg"),
        ("sqlite:///x.db", "sqlite"),
    ],
)
def test_database_urls(url: str, driver: str) -> None:
    assert normalise_url(url).drivername == driver


def test_unreachable_database_fails_check(tmp_path: Path) -> None:
    store = SqlStore(make_engine("postgresql://nobody@127.0.0.1:1/none"))
    with pytest.raises(StoreError):
        store.check()


def test_workers_starting_together_migrate_once(tmp_path: Path) -> None:
    """Several uvicorn workers open the same new SQLite file at once (a lock serialises them)."""
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    code = "import sys; from hipdx.store import SqlStore; SqlStore.open(sys.argv[1]).check()"
    workers = [subprocess.Popen([sys.executable, "-c", code, url]) for _ in range(4)]
    assert [w.wait(timeout=120) for w in workers] == [0, 0, 0, 0]
    engine = make_engine(url)
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == "0001"
    engine.dispose()
