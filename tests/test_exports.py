"""The public API is re-exported with a sorted __all__."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = ["hipdx", "hipdx.engine", "hipdx.knowledge", "hipdx.triage", "hipdx.plans"]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_sorted_and_resolves(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__all__ == sorted(module.__all__)
    for member in module.__all__:
        assert hasattr(module, member), member
