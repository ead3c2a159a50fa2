"""Web fixtures: settings on a temporary SQLite file, apps on the in-memory store or SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hipdx.assessment import Assessor
from hipdx.config import Settings
from hipdx.store import MemoryStore
from hipdx.web import create_app


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(database_url=f"sqlite:///{tmp_path / 'hipdx.db'}", preload_nlp=False)


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def app(settings: Settings, store: MemoryStore, assessor: Assessor) -> FastAPI:
    """The app on the in-memory store (unit tests of routes and pages)."""
    return create_app(settings, store=store, assessor=assessor)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def sql_client(settings: Settings, assessor: Assessor) -> Iterator[TestClient]:
    """The app on a real SQLite file, migrated at start-up as in production."""
    app = create_app(settings, assessor=assessor)
    with TestClient(app) as test_client:
        yield test_client
    app.state.store.close()
