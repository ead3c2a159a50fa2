"""The interview policy: given where a batch of interviews stands, ask what next or stop.

The order of business, for every interview in the batch:

1. follow-ups of a red flag answered yes, at once;
2. the rest of the red-flag screen: in the `block` schedule right after the body map (the members
   of a group answered "not sure" first, then the next screen tick list in the groups' order,
   then the questions that settle flags with no screen item); in the `interleaved` schedule mixed
   with diagnostic questions, but finished by question `deadline`;
3. otherwise the strategy's best question - a single finding, or a diagnostic checklist (a tick
   list, one question) when the strategy scores it higher - unless the stop rule closes the
   interview.

The screen's tick lists come in one of two layouts: one question per screen group, or every due
group that the same person answers on one page, a section per group (`ScreenLayout`). The
strategy only orders the questions the safety rules leave open; it can never skip the screen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from hipdx.engine.information import answer_likelihoods, settled_answers
from hipdx.engine.model import DiagnosticModel, FloatArray
from hipdx.interview.bank import BoolArray, IntArray, Mode, QuestionBank
from hipdx.interview.screen import RedFlagTable, ScreenState, screen_state
from hipdx.interview.select import (
    InformationGain,
    Strategy,
    UIntArray,
    answer_information_gain,
    checklist_information_gain,
)
from hipdx.interview.stopping import GO_ON, StopRule, stop_codes


class ScreenSchedule(StrEnum):
    """When the red-flag screen is asked."""

    BLOCK = "block"
    INTERLEAVED = "interleaved"


class ScreenLayout(StrEnum):
    """How the red-flag screen's tick lists are put to the person."""

    GROUPS = "groups"
    """One tick list per screen group."""
    ONE_PAGE = "one_page"
    """One tick list for every due group the same person answers (the patient's history groups;
    in clinician mode the examination group is a second page), a section per group."""


class Purpose(StrEnum):
    """Why a question is asked."""

    LOCATION = "location"
    FOLLOW_UP = "follow_up"
    SCREEN = "screen"
    SETTLE = "settle"
    DIAGNOSTIC = "diagnostic"


PURPOSES: tuple[Purpose, ...] = tuple(Purpose)
SCREEN_SCHEDULE = ScreenSchedule.BLOCK
"""The shipped schedule: safety first. On 10,000 simulated patients per mode (seed 20261121,
benchmarks/interview.py) the block schedule finds the first red flag at question 2 (median; p90 2
in patient mode, 4 in clinician mode) against 21 and 20 interleaved. Interleaving is 1.3 (patient)
and 0.7 (clinician) points more accurate at top-1, mostly because patients closed by an emergency
red flag have then answered more diagnostic questions first, but it asks a median of 22 and 24
questions against 7 and 9."""
SCREEN_DEADLINE = 24
"""Interleaved schedule: the whole screen is asked by this question number."""
SCREEN_LAYOUT = ScreenLayout.ONE_PAGE
"""The shipped layout: each group stays a titled section (fieldset) of the page. On 10,000
simulated patients per mode (seed 20261121, benchmarks/interview.py), with checklists, one page
asks a median of 7 questions in patient mode (p90 18) against 10 (p90 21) for one list per group,
and 9 (p90 25) against 12 (p90 28) in clinician mode, at the same accuracy (1.4 / 1.5 and 0.8 /
0.8 points of top-1 behind asking everything), the same items to read and every covered red flag
asked."""
CHECKLISTS = True
"""The shipped policy weighs diagnostic checklists against single questions. On the same
patients (screen on one page) they take the median from 12 questions (p90 35) to 7 (p90 18) in
patient mode and from 11 (p90 38) to 9 (p90 25) in clinician mode, and top-1 from 1.7 to 1.4 and
from 1.0 to 0.8 points behind asking everything; the patient reads more (a median of 47 items
against 27, 48 against 33), and a present item left unticked is read as no (see the careless
ticking figures in the benchmark)."""


@dataclass(frozen=True)
class Policy:
    """A strategy, a stop rule, a screen schedule and layout, and whether to use checklists."""

    strategy: Strategy
    stop: StopRule
    schedule: ScreenSchedule = SCREEN_SCHEDULE
    deadline: int = SCREEN_DEADLINE
    layout: ScreenLayout = SCREEN_LAYOUT
    checklists: bool = CHECKLISTS

    @classmethod
    def default(cls, mode: Mode) -> Policy:
        """The shipped policy: information gain, the mode's stop rule, the shipped screen."""
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
    """(N, G) the screen group's tick list was answered "not sure" (None: none was)."""
    checklists_asked: BoolArray | None = None
    """(N, D) the diagnostic checklist has been asked (None: none has)."""


@dataclass(frozen=True)
class Decision:
    """What each of N interviews does next."""

    position: IntArray
    """(N,) bank position to ask, -1 when stopping or asking a tick list."""
    group: IntArray
    """(N,) first screen group of the tick list to ask (index into the bank's groups), -1 when
    asking something else or stopping."""
    groups: BoolArray
    """(N, G) every screen group on that tick list (one, or several on one page)."""
    checklist: IntArray
    """(N,) diagnostic checklist to ask (index into the bank's checklists), -1 otherwise."""
    stop: IntArray
    """(N,) STOP_REASONS code, GO_ON (-1) when asking."""
    purpose: IntArray
    """(N,) PURPOSES code of the question asked, -1 when stopping."""
    best_gain: FloatArray
    """(N,) largest expected information gain (bits) of an unasked question or checklist; +inf
    when the stop rule has no minimum gain (then it is not computed)."""
    screen: ScreenState


def settled(model: DiagnosticModel, bank: QuestionBank, state: BatchState) -> BatchState:
    """`state` with the bank findings its answers settle recorded as answered (a no to any lump
    answers "is the lump growing?"; `hipdx.engine.information.settled_answers`)."""
    known = settled_answers(model, state.answers)
    added = (known != state.answers)[:, bank.columns]
    if not added.any():
        return state
    return replace(state, answers=known, asked=state.asked | added)


def askable(model: DiagnosticModel, bank: QuestionBank, state: BatchState) -> BoolArray:
    """(N, K) bank findings still worth a question: unanswered, not settled by the answers so
    far, and not implied by the known age (an onset before 40 at 30 would tell nothing)."""
    return _open(model, bank, settled(model, bank, state))


def _open(model: DiagnosticModel, bank: QuestionBank, state: BatchState) -> BoolArray:
    """`askable` for a state whose settled answers are already recorded."""
    known_age = np.where(state.age >= 0, state.age, np.nan).astype(np.float64)
    implied: BoolArray = model.implied_by_ages(known_age)[:, bank.columns]
    return ~state.asked & ~implied


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
    state = settled(model, bank, state)
    table = answer_likelihoods(model, state.answers, bank.columns)
    yes = state.answers[:, bank.columns] == 1
    screen = screen_state(flags, bank, yes, state.asked, state.age, state.expanded)
    available = _open(model, bank, state)  # `state` is settled above
    lists = _open_checklists(policy, bank, state)
    list_gain = None
    best_gain = np.full(len(belief), np.inf)
    if np.isfinite(policy.stop.min_gain_bits):
        gain = answer_information_gain(belief, table)
        best_gain = np.where(available, gain, -np.inf).max(axis=1)
        if lists.any():
            list_gain = checklist_information_gain(
                belief, table, bank.checklist_members, state.asked
            )
            best_gain = np.maximum(best_gain, np.where(lists, list_gain, -np.inf).max(axis=1))
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
    groups = _page(policy, bank, screen.groups, first_group) & ask_group[:, None]
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
    checklist = np.full(len(position), -1, dtype=np.int64)
    diagnostic = ~stopping & ~follow & ~rest & lists.any(axis=1)
    if diagnostic.any():
        if isinstance(policy.strategy, InformationGain) and list_gain is not None:
            list_scores = list_gain
        else:
            list_scores = policy.strategy.score_checklists(
                belief, table, bank.checklist_members, state.asked
            )
        list_scores = np.where(lists, list_scores, -np.inf)
        single = np.where(allowed, scores, -np.inf)[rows, position]
        best_list = list_scores.argmax(axis=1)
        take = diagnostic & (list_scores[rows, best_list] > single)
        checklist[take] = best_list[take]
    position[stopping | ask_group | (checklist >= 0)] = -1
    group[stopping] = -1
    groups[stopping] = False
    purpose[stopping] = -1
    return Decision(position, group, groups, checklist, codes, purpose, best_gain, screen)


def _open_checklists(policy: Policy, bank: QuestionBank, state: BatchState) -> BoolArray:
    """(N, D) checklists the policy may ask: not asked yet, two unasked members or more."""
    width = len(bank.checklists)
    if not policy.checklists or not width:
        return np.zeros((len(state.asked), width), dtype=np.bool_)
    unasked = (~state.asked).astype(np.float32) @ bank.checklist_members.T.astype(np.float32)
    open_: BoolArray = unasked >= 2.0
    if state.checklists_asked is not None:
        open_ &= ~state.checklists_asked
    return open_


def _page(policy: Policy, bank: QuestionBank, due: BoolArray, first: IntArray) -> BoolArray:
    """(N, G) the screen groups asked on one tick list with group `first`."""
    page = np.zeros_like(due)
    if not bank.groups:
        return page
    if policy.layout is ScreenLayout.GROUPS:
        page[np.arange(len(due)), first] = True
        return page
    exam = (bank.members & ~bank.patient).any(axis=1)
    same: BoolArray = due & (exam[None, :] == exam[first][:, None])
    return same
