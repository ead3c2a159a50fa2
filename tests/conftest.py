"""Shared fixtures: the shipped knowledge base and an assessor built from it, once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from hipdx.assessment import Assessor, default_assessor
from hipdx.knowledge.schema import KnowledgeBase

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CASES = Path(__file__).resolve().parent / "cases"

# No example database: examples saved against an older knowledge base replay as "flaky strategy"
# errors once the data changes, and every run should stand on its own seeds anyway.
settings.register_profile("hipdx", database=None)
settings.load_profile("hipdx")


@pytest.fixture(scope="session")
def assessor() -> Assessor:
    return default_assessor()


@pytest.fixture(scope="session")
def kb(assessor: Assessor) -> KnowledgeBase:
    return assessor.kb


@pytest.fixture(scope="session")
def catalog_ids() -> list[str]:
    """Condition ids of the shared benchmark catalog, which CI places beside the clone."""
    path = SHARED / "benchmark" / "conditions.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t")[0] for line in lines if line.strip()]
