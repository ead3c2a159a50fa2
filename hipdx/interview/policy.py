"""The interview policy: given where a batch of interviews stands, ask what next or stop.

The order of business, for every interview in the batch:

1. follow-ups of a red flag answered yes, at once;
2. the rest of the red-flag screen: in the `block` schedule right after the body map (the members
   of a group answered yes or don't know first, then the next grouped screening question in the
   groups' order, then the questions that settle flags with no screen item); in the `interleaved`
   schedule mixed with diagnostic questions, but finished by question `deadline`;
3. otherwise the strategy's best question, unless the stop rule closes the interview.

The strategy only orders the questions the safety rules leave open; it can never skip the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from hipdx.engine.model import DiagnosticModel, FloatArray
from hipdx.interview.bank import BoolArray, IntArray, Mode, QuestionBank
from hipdx.interview.screen import RedFlagTable, ScreenState, screen_state
from hipdx.interview.select import InformationGain, Strategy, UIntArray, expected_information_gain
from hipdx.interview.stopping import GO_ON, StopRule, stop_codes


class ScreenSchedule(StrEnum):
    """When the red-flag screen is asked."""

    BLOCK = "block"
    INTERLEAVED = "interleaved"


class Purpose(StrEnum):
    """Why a question is asked."""

    LOCATION = "location"
    FOLLOW_UP = "follow_up"
    SCREEN = "screen"
    SETTLE = "settle"
    DIAGNOSTIC = "diagnostic"


PURPOSES: tuple[Purpose, ...] = tuple(Purpose)
SCREEN_SCHEDULE = ScreenSchedule.BLOCK
"""The shipped schedule: safety first. Measured before the screen was grouped: on 10,000
simulated patients per mode
(benchmarks/interview.py) the block schedule finds the first red flag at question 6-7 (median;
p90 15) against 14 (p90 22) interleaved. Interleaving is about 0.5-0.8 points more accurate at
top-1, mostly because patients closed by an emergency red flag have then answered more diagnostic
questions first; the median number of questions is the same or lower with the block."""
SCREEN_DEADLINE = 24
"""Interleaved schedule: the whole screen is asked by this question number."""


@dataclass(frozen=True)
class Policy:
    """A strategy, a stop rule and a screen schedule."""

    strategy: Strategy
    stop: StopRule
    schedule: ScreenSchedule = SCREEN_SCHEDULE
    deadline: int = SCREEN_DEADLINE

    @classmethod
    def default(cls, mode: Mode) -> Policy:
        """The shipped policy: information gain, the mode's stop rule, the shipped schedule."""
        return cls(InformationGain(), StopRule.for_mode(mode))


@dataclass(frozen=True)
class BatchState:
    """N interviews after the body map, as arrays."""

    answers: NDArray[np.int8]
    """(N, F) over model columns: 1 yes, -1 no, 0 unknown or not asked."""
    asked: BoolArray
    """(N, K) over bank positions: the finding has an answer (body-map answers included)."""
    questions_asked: IntArray
    """(N,) questions asked so far, body map included."""
    age: IntArray
    """(N,) age in years, -1 when unknown."""
    keys: UIntArray
    """(N,) one key per interview, for strategies that need one (random order)."""
    expanded: BoolArray | None = None
    """(N, G) the screen group was answered yes or don't know (None: no group so answered)."""


@dataclass(frozen=True)
class Decision:
    """What each of N interviews does next."""

    position: IntArray
    """(N,) bank position to ask, -1 when stopping or asking a screen group."""
    group: IntArray
    """(N,) screen group to ask (index into the bank's groups), -1 when asking a finding or
    stopping."""
    stop: IntArray
    """(N,) STOP_REASONS code, GO_ON (-1) when asking."""
    purpose: IntArray
    """(N,) PURPOSES code of the question asked, -1 when stopping."""
    best_gain: FloatArray
    """(N,) largest expected information gain (bits) of an unasked question; +inf when the stop
    rule has no minimum gain (then it is not computed)."""
    screen: ScreenState


def _pick(scores: FloatArray, allowed: BoolArray) -> IntArray:
    masked = np.where(allowed, scores, -np.inf)
    choice: IntArray = masked.argmax(axis=1)
    return choice


def decide(
    policy: Policy,
    model: DiagnosticModel,
    bank: QuestionBank,
    flags: RedFlagTable,
    belief: FloatArray,
    state: BatchState,
) -> Decision:
    """The next question, or the stop reason, for every interview of a batch.

    Args:
        policy: strategy, stop rule and screen schedule.
        model: the diagnostic model.
        bank: the mode's askable findings.
        flags: the mode's red-flag rules.
        belief: (N, C) current posterior over conditions.
        state: the interviews so far.
    """
    table = model.p_yes[:, bank.columns]
    yes = state.answers[:, bank.columns] == 1
    screen = screen_state(flags, bank, yes, state.asked, state.age, state.expanded)
    available = ~state.asked
    best_gain = np.full(len(belief), np.inf)
    if np.isfinite(policy.stop.min_gain_bits):
        gain = expected_information_gain(belief, table)
        best_gain = np.where(available, gain, -np.inf).max(axis=1)
    codes = stop_codes(
        policy.stop,
        top_probability=belief.max(axis=1),
        best_gain=best_gain,
        questions_asked=state.questions_asked,
        can_ask=available.any(axis=1),
        screen_complete=screen.complete,
        emergency=screen.emergency,
    )

    allowed = available.copy()
    follow = screen.follow_up.any(axis=1)
    allowed[follow] = screen.follow_up[follow]
    has_groups = screen.groups.any(axis=1)
    rest = ~follow & ((screen.screen | screen.settle).any(axis=1) | has_groups)
    if policy.schedule is ScreenSchedule.INTERLEAVED:
        left = (screen.screen | screen.settle).sum(axis=1) + screen.groups.sum(axis=1)
        rest &= state.questions_asked + left >= policy.deadline
    has_screen = rest & screen.screen.any(axis=1)
    allowed[has_screen] = screen.screen[has_screen]
    ask_group = rest & ~has_screen & has_groups
    settle_only = rest & ~has_screen & ~has_groups
    allowed[settle_only] = screen.settle[settle_only]

    scores = policy.strategy(belief, table, state.keys)
    position = _pick(scores, allowed)
    first_group = screen.groups.argmax(axis=1) if bank.groups else np.zeros(len(belief), np.int64)
    group = np.where(ask_group, first_group, -1)
    rows = np.arange(len(position))
    purpose = np.full(len(position), PURPOSES.index(Purpose.DIAGNOSTIC), dtype=np.int64)
    for kind, mask in (
        (Purpose.SETTLE, screen.settle),
        (Purpose.SCREEN, screen.screen),
        (Purpose.FOLLOW_UP, screen.follow_up),
    ):
        purpose[mask[rows, position]] = PURPOSES.index(kind)
    purpose[ask_group] = PURPOSES.index(Purpose.SCREEN)
    stopping = codes != GO_ON
    position[stopping | ask_group] = -1
    group[stopping] = -1
    purpose[stopping] = -1
    return Decision(position, group, codes, purpose, best_gain, screen)
