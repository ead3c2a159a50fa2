"""Next-question strategies: information gain matches the engine's, orders are pure and total."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from hipdx.engine.information import Likelihoods, information_gain
from hipdx.engine.model import FloatArray
from hipdx.interview import FixedOrder, InformationGain, RandomOrder

probabilities = st.floats(0.01, 0.99)


@settings(max_examples=60, deadline=None)
@given(
    weights=hnp.arrays(np.float64, 6, elements=st.floats(0.001, 1.0)),
    table=hnp.arrays(np.float64, (6, 5), elements=probabilities),
)
def test_information_gain_equals_the_engine_formula(weights: FloatArray, table: FloatArray) -> None:
    belief = weights / weights.sum()
    likelihoods = Likelihoods.independent(table, 1)
    ours = InformationGain()(belief[None, :], likelihoods, np.zeros(1, dtype=np.uint64))[0]
    assert np.allclose(ours, information_gain(belief, table), atol=1e-9)
    assert (ours >= -1e-12).all()


def test_information_gain_is_zero_for_a_finding_every_condition_shares() -> None:
    belief = np.array([[0.5, 0.3, 0.2]])
    table = np.array([[0.4, 0.9], [0.4, 0.1], [0.4, 0.5]])
    likelihoods = Likelihoods.independent(table, 1)
    gain = InformationGain()(belief, likelihoods, np.zeros(1, dtype=np.uint64))[0]
    assert abs(gain[0]) < 1e-12 and gain[1] > 0.1


def test_fixed_order_prefers_earlier_positions() -> None:
    table = Likelihoods.independent(np.full((3, 4), 0.5), 2)
    scores = FixedOrder()(np.ones((2, 3)) / 3, table, np.arange(2, dtype=np.uint64))
    assert (np.argsort(-scores, axis=1) == np.arange(4)).all()


def test_random_order_is_pure_and_differs_by_key_and_seed() -> None:
    belief, table = np.ones((3, 2)) / 2, Likelihoods.independent(np.full((2, 50), 0.5), 3)
    keys = np.array([0, 1, 2], dtype=np.uint64)
    first = RandomOrder(7)(belief, table, keys)
    assert np.array_equal(first, RandomOrder(7)(belief, table, keys))
    assert not np.array_equal(first[0], first[1])
    assert not np.array_equal(first, RandomOrder(8)(belief, table, keys))
    assert ((first >= 0) & (first < 1)).all()
    assert len(set(first[0].tolist())) == 50
