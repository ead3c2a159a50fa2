"""Next-question strategies: callables that score every askable finding for a batch of interviews.

A strategy gets the current belief over conditions (N, C), the likelihood table of the askable
findings (C, K) and one integer key per interview, and returns (N, K) scores: the policy asks the
highest-scoring finding it is allowed to ask. Strategies are pure: the same inputs give the same
scores, including the random one, whose order is a hash of (seed, key, position).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from hipdx.engine.model import FloatArray

UIntArray = NDArray[np.uint64]
EPSILON = 1e-12


class Strategy(Protocol):
    """Scores askable findings; higher is asked first."""

    @property
    def name(self) -> str:
        """Short identifier used in reports."""
        ...

    def __call__(self, belief: FloatArray, table: FloatArray, keys: UIntArray) -> FloatArray:
        """(N, C) belief, (C, K) P(yes | condition), (N,) keys -> (N, K) scores."""
        ...


def binary_entropy(p: FloatArray) -> FloatArray:
    """Entropy in bits of a yes/no answer that is yes with probability `p` (elementwise)."""
    q = np.clip(p, EPSILON, 1.0 - EPSILON)
    result: FloatArray = -(q * np.log2(q) + (1.0 - q) * np.log2(1.0 - q))
    return result


def expected_information_gain(belief: FloatArray, table: FloatArray) -> FloatArray:
    """Expected entropy reduction of the differential from asking each finding, in bits.

    Computed as the mutual information between condition and answer,
    H(answer) - E_condition[H(answer | condition)], which equals
    `hipdx.engine.information.information_gain` but is two matrix products for a whole batch.

    Args:
        belief: (N, C) current probability of each condition.
        table: (C, K) P(yes | condition) of the candidate findings.

    Returns:
        (N, K) gains in bits.
    """
    gain: FloatArray = binary_entropy(belief @ table) - belief @ binary_entropy(table)
    return gain


@dataclass(frozen=True)
class InformationGain:
    """Ask the finding whose answer is expected to shrink the differential's entropy most.

    Measured against other criteria on 10,000 simulated patients per mode (seed 20261121, the
    shipped stop rule): the expected reduction in Bayes error (1 - max posterior) doubles the
    median number of questions (36 against 18 in patient mode, 38 against 20 in clinician mode),
    because until the differential is nearly settled no single answer is expected to change the
    leader, so most questions score zero; adding 0.05 x information gain to it as a tie-breaker
    gains 0.1-0.2 points of top-1 for one more question; the expected reduction in Gini impurity
    does no better. Asked without stopping, all of them reach the same top-1 at every question
    count within a point (patient mode, question 12: 68-69%; question 20: 79%).
    """

    name: str = "information_gain"

    def __call__(self, belief: FloatArray, table: FloatArray, keys: UIntArray) -> FloatArray:
        return expected_information_gain(belief, table)


@dataclass(frozen=True)
class FixedOrder:
    """Ask findings in knowledge-base order (a baseline)."""

    name: str = "fixed_order"

    def __call__(self, belief: FloatArray, table: FloatArray, keys: UIntArray) -> FloatArray:
        order = -np.arange(table.shape[1], dtype=np.float64)
        scores: FloatArray = np.broadcast_to(order, (belief.shape[0], table.shape[1])).copy()
        return scores


def _splitmix64(values: UIntArray) -> UIntArray:
    """The splitmix64 finaliser: a well-mixed 64-bit hash, vectorised (wrap-around intended)."""
    z = values + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    result: UIntArray = z ^ (z >> np.uint64(31))
    return result


@dataclass(frozen=True)
class RandomOrder:
    """Ask findings in a random order fixed per interview by (seed, key) (a baseline)."""

    seed: int
    name: str = "random_order"

    def __call__(self, belief: FloatArray, table: FloatArray, keys: UIntArray) -> FloatArray:
        width = table.shape[1]
        base = _splitmix64(np.asarray(keys, dtype=np.uint64) ^ _splitmix64(self._seed()))
        mixed = _splitmix64(
            base[:, None] * np.uint64(width) + np.arange(width, dtype=np.uint64)[None, :]
        )
        scores: FloatArray = (mixed >> np.uint64(11)).astype(np.float64) / float(2**53)
        return scores

    def _seed(self) -> UIntArray:
        return np.array([self.seed % 2**64], dtype=np.uint64)
