"""What a question is expected to tell given the answers so far: a finding related to an answered
one (findings.yaml `implies`, `excludes`) is predicted from the pair's joint table, a settled one
tells nothing, and every other finding keeps the model's P(yes | condition)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence, encode
from hipdx.engine.information import (
    answer_likelihoods,
    information_gain,
    settled_answers,
    settled_evidence,
)
from hipdx.engine.model import DiagnosticModel, FloatArray
from hipdx.interview.select import answer_information_gain, checklist_information_gain
from hipdx.types import Answer

IMPLIES = ("mass_suspicious_features", "palpable_mass")
EXCLUDES = ("duration_over_3_months", "duration_under_6_weeks")
CONTROL = "pain_deep_buttock"
"""A finding in no relation."""
YES, NO = Answer.YES, Answer.NO


def _p(model: DiagnosticModel, finding: str) -> FloatArray:
    column: FloatArray = model.p_yes[:, model.finding_index[finding]]
    return column


def _belief(model: DiagnosticModel) -> FloatArray:
    belief: FloatArray = model.prior[model.setting_index(None)]
    return belief


def _gains(model: DiagnosticModel, answers: dict[str, Answer], asked: list[str]) -> FloatArray:
    """Expected information (bits) of each finding in `asked` after `answers`, at the prior."""
    codes = encode(model, [Evidence(answers)]).answers
    columns = np.array([model.finding_index[f] for f in asked], dtype=np.int64)
    likelihoods = answer_likelihoods(model, codes, columns)
    gains: FloatArray = answer_information_gain(_belief(model)[None, :], likelihoods)[0]
    return gains


def _by_hand(model: DiagnosticModel, p_yes: FloatArray) -> float:
    """Expected information of a yes/no answer that is yes with P `p_yes` (C,), at the prior."""
    return float(information_gain(_belief(model), p_yes[:, None])[0])


@pytest.mark.parametrize("parent_answer", [YES, NO, None], ids=["parent_yes", "parent_no", "none"])
def test_implied_child_is_valued_given_the_parent_answer(
    assessor: Assessor, parent_answer: Answer | None
) -> None:
    model = assessor.model
    parent, child = IMPLIES
    p_parent, p_child = _p(model, parent), _p(model, child)
    answers = {} if parent_answer is None else {parent: parent_answer}
    # P(lump | condition, suspicious lump) = 1; P(lump | condition, no suspicious lump) =
    # (P(lump) - P(suspicious lump)) / (1 - P(suspicious lump)); unanswered: the marginal.
    expected = {
        YES: 0.0,
        NO: _by_hand(model, (p_child - p_parent) / (1.0 - p_parent)),
        None: _by_hand(model, p_child),
    }[parent_answer]
    assert _gains(model, answers, [child])[0] == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize("child_answer", [YES, NO], ids=["child_yes", "child_no"])
def test_implying_parent_is_valued_given_the_child_answer(
    assessor: Assessor, child_answer: Answer
) -> None:
    model = assessor.model
    parent, child = IMPLIES
    p_parent, p_child = _p(model, parent), _p(model, child)
    # A lump: P(suspicious | lump) = P(suspicious) / P(lump); no lump: none can be suspicious.
    expected = _by_hand(model, p_parent / p_child) if child_answer is YES else 0.0
    gain = _gains(model, {child: child_answer}, [parent])[0]
    assert gain == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize("parent_answer", [YES, NO], ids=["parent_yes", "parent_no"])
def test_excluded_child_is_valued_given_the_parent_answer(
    assessor: Assessor, parent_answer: Answer
) -> None:
    model = assessor.model
    parent, child = EXCLUDES
    p_parent, p_child = _p(model, parent), _p(model, child)
    # Over 3 months rules out under 6 weeks; otherwise P(child) / (1 - P(parent)).
    expected = 0.0 if parent_answer is YES else _by_hand(model, p_child / (1.0 - p_parent))
    gain = _gains(model, {parent: parent_answer}, [child])[0]
    assert gain == pytest.approx(expected, abs=1e-9)


def test_an_unrelated_finding_keeps_its_value(assessor: Assessor) -> None:
    """Negative control: related answers leave every other finding's value as it was."""
    model = assessor.model
    alone = _gains(model, {}, [CONTROL])[0]
    assert alone == pytest.approx(_by_hand(model, _p(model, CONTROL)), abs=1e-12)
    for pair in (IMPLIES, EXCLUDES):
        for first, second in itertools.product([YES, NO], repeat=2):
            answers = {pair[0]: first} if first is YES else {pair[0]: NO, pair[1]: second}
            assert _gains(model, answers, [CONTROL])[0] == pytest.approx(alone, abs=1e-12)


@pytest.mark.parametrize(
    ("answers", "settled"),
    [
        ({IMPLIES[0]: YES}, {IMPLIES[1]: YES}),
        ({IMPLIES[1]: NO}, {IMPLIES[0]: NO}),
        ({EXCLUDES[0]: YES}, {EXCLUDES[1]: NO}),
        ({EXCLUDES[1]: YES}, {EXCLUDES[0]: NO}),
        # Negative controls: these answers leave the partner open.
        ({IMPLIES[0]: NO}, {}),
        ({IMPLIES[1]: YES}, {}),
        ({EXCLUDES[0]: NO}, {}),
        ({CONTROL: YES}, {}),
    ],
)
def test_settled_answers_follow_from_the_relation_and_change_nothing(
    assessor: Assessor, answers: dict[str, Answer], settled: dict[str, Answer]
) -> None:
    model = assessor.model
    evidence = Evidence({CONTROL: YES, **answers})
    completed = settled_evidence(model, evidence)
    assert dict(completed.answers) == {**evidence.answers, **settled}
    assert np.allclose(
        assessor.probabilities(completed), assessor.probabilities(evidence), atol=1e-12
    )


def test_settled_answers_leave_every_answer_given(assessor: Assessor) -> None:
    model = assessor.model
    codes = encode(model, [Evidence({IMPLIES[0]: YES, IMPLIES[1]: NO})]).answers
    # A contradiction in the record is the engine's to weigh, not the interview's to rewrite.
    assert np.array_equal(settled_answers(model, codes), codes)


def _pattern_gain(belief: FloatArray, joint: FloatArray) -> float:
    """I(condition; pattern) from P(pattern | condition) `joint` (C, patterns)."""
    marginal = belief @ joint
    ratio = np.where(joint > 0.0, joint, 1.0) / np.where(marginal > 0.0, marginal, 1.0)
    return float(np.sum(belief[:, None] * joint * np.log2(ratio)))


def test_a_checklist_counts_a_related_pair_jointly(assessor: Assessor) -> None:
    model = assessor.model
    parent, child = IMPLIES
    members = [parent, child, CONTROL]
    columns = np.array([model.finding_index[f] for f in members], dtype=np.int64)
    likelihoods = answer_likelihoods(model, np.zeros((1, len(model.finding_ids)), np.int8), columns)
    p_parent, p_child, p_other = (_p(model, f) for f in members)
    # P(suspicious, lump): yes-yes P(suspicious), yes-no 0, no-yes P(lump) - P(suspicious),
    # no-no 1 - P(lump); the unrelated third member multiplies in.
    pair = [p_parent, np.zeros_like(p_parent), p_child - p_parent, 1.0 - p_child]
    joint = np.stack([cell * other for cell in pair for other in (p_other, 1.0 - p_other)], 1)
    belief = _belief(model)
    gain = checklist_information_gain(
        belief[None, :], likelihoods, np.ones((1, 3), np.bool_), np.zeros((1, 3), np.bool_)
    )
    assert gain[0, 0] == pytest.approx(_pattern_gain(belief, joint), abs=1e-9)


@pytest.mark.parametrize("side", ["parent", "child"])
@pytest.mark.parametrize("value", [1, -1], ids=["yes", "no"])
def test_settled_answers_are_exactly_the_certain_predictions(
    assessor: Assessor, side: str, value: int
) -> None:
    """For every relation, one answer settles the partner iff the partner's predicted
    P(yes | condition, answer) is 0 or 1 for every condition."""
    model = assessor.model
    for parent, child in zip(model.relation_parent, model.relation_child, strict=True):
        answered, partner = (parent, child) if side == "parent" else (child, parent)
        answers = np.zeros((1, len(model.finding_ids)), np.int8)
        answers[0, answered] = value
        likelihoods = answer_likelihoods(model, answers, np.array([partner], dtype=np.int64))
        predicted = likelihoods.table[:, likelihoods.variant[0, 0]]
        settled = settled_answers(model, answers)[0, partner]
        assert settled == (1 if (predicted == 1.0).all() else -1 if (predicted == 0.0).all() else 0)
