"""hipdx.store re-exports its public API with a sorted __all__."""

from __future__ import annotations

import hipdx.store as package


def test_all_is_sorted_and_resolves() -> None:
    assert package.__all__ == sorted(package.__all__)
    for member in package.__all__:
        assert hasattr(package, member), member
