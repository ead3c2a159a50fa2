"""The interview package re-exports its public API with a sorted __all__."""

from __future__ import annotations

import hipdx.interview


def test_all_is_sorted_and_resolves() -> None:
    assert hipdx.interview.__all__ == sorted(hipdx.interview.__all__)
    for member in hipdx.interview.__all__:
        assert hasattr(hipdx.interview, member), member
