"""Findings one another implies or excludes (findings.yaml `implies`, `excludes`) are scored as
the network with the parent finding as the child's second parent: one fact read twice counts
once, and every combination matches the joint probability written out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.engine.explain import explain
from hipdx.engine.model import FloatArray
from hipdx.interview.cohort import sample_cohort
from hipdx.types import Answer

IMPLIES = ("mass_suspicious_features", "palpable_mass")
EXCLUDES = ("duration_over_3_months", "duration_under_6_weeks")
YES, NO = Answer.YES, Answer.NO
CONTEXT = {"pain_deep_buttock": YES, "night_pain": NO}


def _posterior(assessor: Assessor, answers: dict[str, Answer]) -> FloatArray:
    return assessor.probabilities(Evidence({**CONTEXT, **answers}))


def _by_hand(assessor: Assessor, joint: FloatArray) -> FloatArray:
    """Posterior from the prior, the context findings and `joint` = P(parent, child | condition)
    written out for the combination under test."""
    model = assessor.model
    score: FloatArray = model.prior[model.setting_index(None)] * joint
    for finding, value in CONTEXT.items():
        p = model.p_yes[:, model.finding_index[finding]]
        score = score * (p if value is YES else 1.0 - p)
    normalised: FloatArray = score / score.sum()
    return normalised


def _p(assessor: Assessor, finding: str) -> FloatArray:
    column: FloatArray = assessor.model.p_yes[:, assessor.model.finding_index[finding]]
    return column


def test_the_pairs_are_declared(assessor: Assessor) -> None:
    findings = assessor.kb.findings
    assert IMPLIES[1] in findings[IMPLIES[0]].implies
    assert EXCLUDES[1] in findings[EXCLUDES[0]].excludes


@pytest.mark.parametrize(
    ("pair", "child_answer"), [(IMPLIES, YES), (EXCLUDES, NO)], ids=["implied", "excluded"]
)
def test_a_child_answer_its_parent_entails_adds_nothing(
    assessor: Assessor, pair: tuple[str, str], child_answer: Answer
) -> None:
    parent, child = pair
    alone = _posterior(assessor, {parent: YES})
    both = _posterior(assessor, {parent: YES, child: child_answer})
    assert np.allclose(both, alone)
    # Negative control: the child alone still moves the differential.
    assert not np.allclose(_posterior(assessor, {child: child_answer}), _posterior(assessor, {}))


@pytest.mark.parametrize(
    ("pair", "child_answer"), [(IMPLIES, NO), (EXCLUDES, YES)], ids=["implied", "excluded"]
)
def test_a_contradicted_child_is_ignored_and_the_parent_stands(
    assessor: Assessor, pair: tuple[str, str], child_answer: Answer
) -> None:
    parent, child = pair
    both = _posterior(assessor, {parent: YES, child: child_answer})
    assert np.allclose(both, _posterior(assessor, {parent: YES}))


def test_implies_parent_absent_child_present_matches_the_joint(assessor: Assessor) -> None:
    parent, child = IMPLIES
    # P(no suspicious lump, a lump | condition) = P(lump) - P(suspicious lump).
    joint = _p(assessor, child) - _p(assessor, parent)
    expected = _by_hand(assessor, joint)
    assert np.allclose(_posterior(assessor, {parent: NO, child: YES}), expected)


def test_implies_both_absent_matches_the_joint(assessor: Assessor) -> None:
    parent, child = IMPLIES
    expected = _by_hand(assessor, 1.0 - _p(assessor, child))
    assert np.allclose(_posterior(assessor, {parent: NO, child: NO}), expected)


def test_excludes_both_absent_matches_the_joint(assessor: Assessor) -> None:
    parent, child = EXCLUDES
    # Neither over 3 months nor under 6 weeks: the probability left between them.
    joint = 1.0 - _p(assessor, parent) - _p(assessor, child)
    expected = _by_hand(assessor, joint)
    got = _posterior(assessor, {parent: NO, child: NO})
    assert np.allclose(got, expected)
    # The independent product would differ: the pair term is doing the work.
    naive = (1.0 - _p(assessor, parent)) * (1.0 - _p(assessor, child))
    assert not np.allclose(got, _by_hand(assessor, naive))


def test_explanation_leaves_out_the_entailed_child(assessor: Assessor) -> None:
    evidence = Evidence({EXCLUDES[0]: YES, EXCLUDES[1]: NO})
    for condition in assessor.model.condition_ids:
        shown = explain(assessor.model, assessor.kb, evidence, condition)
        items = {c.item for c in (*shown.supporting, *shown.opposing)}
        assert EXCLUDES[1] not in items
    # Negative control: answered alone, the shorter duration explains acute conditions.
    alone = explain(assessor.model, assessor.kb, Evidence({EXCLUDES[1]: NO}), "hamstring_strain")
    assert EXCLUDES[1] in {c.item for c in alone.opposing}


def test_synthetic_patients_respect_the_relations(assessor: Assessor) -> None:
    model = assessor.model
    cohort = sample_cohort(model, 40_000, np.random.default_rng(7))
    column = model.finding_index
    lump, suspicious = (cohort.findings[:, column[f]] for f in (IMPLIES[1], IMPLIES[0]))
    short, long = (cohort.findings[:, column[f]] for f in (EXCLUDES[1], EXCLUDES[0]))
    assert not (suspicious & ~lump).any()
    assert not (short & long).any()
    # Each child keeps its marginal P(child | condition): here, duration under 6 weeks in the
    # commonest condition of the cohort.
    common = np.bincount(cohort.condition).argmax()
    among = cohort.condition == common
    expected = model.p_yes[common, column[EXCLUDES[1]]]
    assert abs(short[among].mean() - expected) < 0.03
