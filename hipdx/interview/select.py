"""Next-question strategies: callables that score every askable finding for a batch of interviews.

A strategy gets the current belief over conditions (N, C), the askable findings' likelihoods
given the answers so far (`hipdx.engine.information.Likelihoods`) and one integer key per
interview, and returns (N, K) scores: the policy asks the highest-scoring finding it is allowed to
ask. It also scores the diagnostic checklists (tick lists, each one question) on the same scale,
so the policy can weigh a checklist against a single question; the baselines never choose one.
Strategies are pure: the same inputs give the same scores, including the random one, whose order
is a hash of (seed, key, position).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from hipdx.engine.information import Likelihoods
from hipdx.engine.model import FloatArray

UIntArray = NDArray[np.uint64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
EPSILON = 1e-12


class Strategy(Protocol):
    """Scores askable findings; higher is asked first."""

    @property
    def name(self) -> str:
        """Short identifier used in reports."""
        ...

    def __call__(self, belief: FloatArray, table: Likelihoods, keys: UIntArray) -> FloatArray:
        """(N, C) belief, K candidates' likelihoods, (N,) keys -> (N, K) scores."""
        ...

    def score_checklists(
        self, belief: FloatArray, table: Likelihoods, members: BoolArray, asked: BoolArray
    ) -> FloatArray:
        """(N, C) belief, likelihoods, (D, K) checklist members, (N, K) answered -> (N, D)
        scores on the scale of `__call__` (-inf: never ask it)."""
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


def answer_information_gain(belief: FloatArray, likelihoods: Likelihoods) -> FloatArray:
    """`expected_information_gain` with each case's answers predicted given its answers so far
    (a finding related to an answered one from its conditional column; a settled one gains 0).

    Returns:
        (N, K) gains in bits.
    """
    gains = expected_information_gain(belief, likelihoods.table)
    chosen: FloatArray = np.take_along_axis(gains, likelihoods.variant, axis=1)
    return chosen


def _outcomes(width: int) -> FloatArray:
    """(2^width, width) every yes/no pattern of `width` findings, 1.0 for yes."""
    codes = np.arange(2**width)[:, None] >> np.arange(width)[None, :]
    patterns: FloatArray = (codes & 1).astype(np.float64)
    return patterns


def _pattern_likelihood(
    likelihoods: Likelihoods, positions: IntArray, used: IntArray
) -> FloatArray:
    """(C, 2^m) P(pattern | condition, answers so far) of the m candidates `positions` (each
    predicted from column `used` of the table); a related pair on the list counts jointly."""
    p = np.clip(likelihoods.table[:, used], EPSILON, 1.0 - EPSILON)
    patterns = _outcomes(len(positions))
    log_likelihood = np.log(p) @ patterns.T + np.log1p(-p) @ (1.0 - patterns.T)
    where = {int(k): i for i, k in enumerate(positions)}
    # Pattern states index the pair table: yes 0, no 1.
    states = (1.0 - patterns).astype(np.intp)
    for (parent, child), terms in zip(likelihoods.pairs, likelihoods.pair_terms, strict=True):
        if int(parent) in where and int(child) in where:
            a, b = where[int(parent)], where[int(child)]
            log_likelihood = log_likelihood + terms[states[:, a], states[:, b]].T
    likelihood: FloatArray = np.exp(log_likelihood)
    return likelihood


def _bits(probabilities: FloatArray) -> FloatArray:
    """-p log2 p elementwise (0 for p = 0)."""
    safe = np.where(probabilities > 0.0, probabilities, 1.0)
    result: FloatArray = -probabilities * np.log2(safe)
    return result


def checklist_information_gain(
    belief: FloatArray, likelihoods: Likelihoods, members: BoolArray, asked: BoolArray
) -> FloatArray:
    """Expected entropy reduction of the differential from one tick list per checklist, in bits.

    A tick list answers every unasked member at once, so its gain is the mutual information
    between the condition and the whole pattern of ticks, H(pattern) - E_condition[H(pattern |
    condition)], over the 2^m patterns of the m unasked members (m <= 8). Members are independent
    given the condition except a related pair (findings.yaml `implies`, `excludes`), which counts
    jointly, and each member is predicted given the answers so far (`Likelihoods`). Members
    already answered add nothing. Without any unasked member the gain is 0.

    Args:
        belief: (N, C) current probability of each condition.
        likelihoods: the askable findings' likelihoods for the N cases.
        members: (D, K) the findings each checklist lists.
        asked: (N, K) the finding has an answer.

    Returns:
        (N, D) gains in bits.
    """
    gains = np.zeros((len(belief), len(members)))
    for d, row in enumerate(members):
        positions = np.flatnonzero(row)
        used = np.where(~asked[:, positions], likelihoods.variant[:, positions], -1)
        # Interviews sharing the unasked members and how each is predicted share the patterns.
        shapes, inverse = np.unique(used, axis=0, return_inverse=True)
        for s, shape in enumerate(shapes):
            open_ = shape >= 0
            if not open_.any():
                continue
            rows = np.flatnonzero(inverse.reshape(-1) == s)
            likelihood = _pattern_likelihood(likelihoods, positions[open_], shape[open_])
            marginal = belief[rows] @ likelihood
            given = belief[rows] @ _bits(likelihood).sum(axis=1)
            gains[rows, d] = _bits(marginal).sum(axis=1) - given
    return gains


def _never(belief: FloatArray, members: BoolArray) -> FloatArray:
    scores: FloatArray = np.full((len(belief), len(members)), -np.inf)
    return scores


@dataclass(frozen=True)
class InformationGain:
    """Ask the finding whose answer is expected to shrink the differential's entropy most.

    Measured against other criteria before tick lists, on 10,000 simulated patients per mode (seed
    20261121, the shipped stop rule): the expected reduction in Bayes error (1 - max posterior)
    doubles the median number of questions (36 against 18 in patient mode, 38 against 20 in
    clinician mode), because until the differential is nearly settled no single answer is expected
    to change the leader, so most questions score zero; adding 0.05 x information gain to it as a
    tie-breaker gains 0.1-0.2 points of top-1 for one more question; the expected reduction in Gini
    impurity does no better. Asked without stopping, all of them reach the same top-1 at every
    question count within a point (patient mode, question 12: 68-69%; question 20: 79%).
    """

    name: str = "information_gain"

    def __call__(self, belief: FloatArray, table: Likelihoods, keys: UIntArray) -> FloatArray:
        return answer_information_gain(belief, table)

    def score_checklists(
        self, belief: FloatArray, table: Likelihoods, members: BoolArray, asked: BoolArray
    ) -> FloatArray:
        return checklist_information_gain(belief, table, members, asked)


@dataclass(frozen=True)
class FixedOrder:
    """Ask findings in knowledge-base order (a baseline)."""

    name: str = "fixed_order"

    def __call__(self, belief: FloatArray, table: Likelihoods, keys: UIntArray) -> FloatArray:
        order = -np.arange(table.width, dtype=np.float64)
        scores: FloatArray = np.broadcast_to(order, (belief.shape[0], table.width)).copy()
        return scores

    def score_checklists(
        self, belief: FloatArray, table: Likelihoods, members: BoolArray, asked: BoolArray
    ) -> FloatArray:
        return _never(belief, members)


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

    def __call__(self, belief: FloatArray, table: Likelihoods, keys: UIntArray) -> FloatArray:
        width = table.width
        base = _splitmix64(np.asarray(keys, dtype=np.uint64) ^ _splitmix64(self._seed()))
        mixed = _splitmix64(
            base[:, None] * np.uint64(width) + np.arange(width, dtype=np.uint64)[None, :]
        )
        scores: FloatArray = (mixed >> np.uint64(11)).astype(np.float64) / float(2**53)
        return scores

    def score_checklists(
        self, belief: FloatArray, table: Likelihoods, members: BoolArray, asked: BoolArray
    ) -> FloatArray:
        return _never(belief, members)

    def _seed(self) -> UIntArray:
        return np.array([self.seed % 2**64], dtype=np.uint64)
