"""Fixtures for interop tests: the web app with an in-memory store, and spec payloads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hipdx.assessment import Assessor
from hipdx.config import Settings
from hipdx.interop.fhir_client import InMemoryFhirReader
from hipdx.store.memory import MemoryStore
from hipdx.web.app import create_app

PAYLOADS = Path(__file__).resolve().parent / "payloads"


def payload(name: str) -> Any:
    """A JSON request or resource from tests/interop/payloads/."""
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def client(assessor: Assessor) -> TestClient:
    app = create_app(Settings(), store=MemoryStore(), assessor=assessor)
    app.state.fhir_reader = InMemoryFhirReader({})  # no network: missing prefetch reads as empty
    return TestClient(app)
