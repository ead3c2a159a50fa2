"""A finding the patient's age already implies (onset before 40 in a 30-year-old) adds nothing."""

from __future__ import annotations

import numpy as np
import pytest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence, encode
from hipdx.engine.explain import explain
from hipdx.types import Answer, Sex

ONSET = "onset_before_40"
BASE = {"pain_low_back": Answer.YES, "morning_stiffness": Answer.YES}


def test_onset_before_40_declares_its_age_bound(assessor: Assessor) -> None:
    assert assessor.kb.findings[ONSET].implied_by_age_below == 40


@pytest.mark.parametrize("value", [Answer.YES, Answer.NO])
def test_implied_finding_leaves_the_ranking_unchanged_below_the_bound(
    assessor: Assessor, value: Answer
) -> None:
    without = Evidence(BASE, age=30, sex=Sex.MALE)
    with_onset = without.with_answers({ONSET: value})
    assert np.array_equal(assessor.probabilities(with_onset), assessor.probabilities(without))
    assert [r.condition for r in assessor.assess(with_onset).ranking] == [
        r.condition for r in assessor.assess(without).ranking
    ]


@pytest.mark.parametrize("age", [None, 45])
def test_implied_finding_still_counts_when_age_unknown_or_above_the_bound(
    assessor: Assessor, age: int | None
) -> None:
    # Negative control: a 45-year-old whose pain began at 25, or no age at all.
    without = Evidence(BASE, age=age, sex=Sex.MALE)
    with_onset = without.with_answers({ONSET: Answer.YES})
    before, after = assessor.probabilities(without), assessor.probabilities(with_onset)
    spa = assessor.model.condition_index["axial_spondyloarthritis"]
    oa = assessor.model.condition_index["hip_osteoarthritis"]
    assert after[spa] > before[spa]
    assert after[oa] < before[oa]


def test_encoding_keeps_other_answers_and_the_age(assessor: Assessor) -> None:
    model = assessor.model
    encoded = encode(model, [Evidence({**BASE, ONSET: Answer.YES}, age=39)])
    assert encoded.answers[0, model.finding_index[ONSET]] == 0
    assert encoded.answers[0, model.finding_index["pain_low_back"]] == 1
    assert encoded.age_band[0] == model.age_band_index(39)


def test_explanation_leaves_out_the_implied_finding(assessor: Assessor) -> None:
    def items(age: int) -> set[str]:
        evidence = Evidence({**BASE, ONSET: Answer.YES}, age=age)
        found = explain(assessor.model, assessor.kb, evidence, "axial_spondyloarthritis")
        return {c.item for c in (*found.supporting, *found.opposing)}

    assert ONSET not in items(30)
    assert ONSET in items(45)
