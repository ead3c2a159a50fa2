"""Suspected-condition thresholds follow the threshold model, and deficit urgency follows NICE.

Each serious condition triggers triage when its posterior passes `suspected_above`. The thresholds
stand for a true probability of 5% (Pauker and Kassirer 1980) read on the model's scale, where the
power prior multiplies a rare condition's prior odds (to 2 decimals); a prior change without a
threshold review fails here.
"""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, TriageLevel

TRUE_THRESHOLD = 0.05
TOLERANCE = 0.006


def model_scale_threshold(kb: KnowledgeBase, condition_id: str) -> float:
    """The 5% decision threshold read on the flattened-prior scale of the default setting."""
    setting = kb.demographics.default_setting
    exponent = kb.demographics.prior_exponent.value
    priors = {c.id: c.priors[setting].value for c in kb.conditions.values()}
    raw = priors[condition_id] / sum(priors.values())
    flat = priors[condition_id] ** exponent / sum(p**exponent for p in priors.values())
    inflation = (flat / (1 - flat)) / (raw / (1 - raw))
    odds = TRUE_THRESHOLD / (1 - TRUE_THRESHOLD) * inflation
    return odds / (1 + odds)


def test_thresholds_follow_the_threshold_model(kb: KnowledgeBase) -> None:
    serious = [c for c in kb.conditions.values() if c.suspected_above is not None]
    assert serious
    for condition in serious:
        expected = model_scale_threshold(kb, condition.id)
        assert condition.suspected_above == pytest.approx(expected, abs=TOLERANCE), condition.id


def test_unilateral_foot_drop_is_urgent_not_emergency(assessor: Assessor) -> None:
    """NICE CKS sciatica: severe motor deficit, refer urgently; no CES feature, no emergency."""
    evidence = Evidence(
        dict.fromkeys(["leg_weakness", "neuro_deficit_exam", "duration_under_6_weeks"], Answer.YES),
        age=43,
    )
    triage = assessor.assess(evidence).triage
    assert triage.level is TriageLevel.URGENT
    assert "motor_deficit_with_leg_weakness" in triage.red_flags


def test_mild_deficit_without_felt_weakness_is_routine(assessor: Assessor) -> None:
    """A diminished reflex or 4/5 toe extensors on examination alone: routine radiculopathy."""
    yes = ["neuro_deficit_exam", "pain_deep_buttock", "pain_posterior_thigh", "slr_positive"]
    evidence = Evidence(dict.fromkeys(yes, Answer.YES), age=47)
    assert assessor.assess(evidence).triage.level is TriageLevel.ROUTINE


def test_tendinopathy_hip_abductor_weakness_is_not_a_neurological_deficit(
    assessor: Assessor,
) -> None:
    """Weak hip abductors with a Trendelenburg sign in gluteal tendinopathy: routine."""
    yes = ["pain_lateral_hip", "trendelenburg", "leg_weakness", "trochanter_tenderness"]
    triage = assessor.assess(Evidence(dict.fromkeys(yes, Answer.YES), age=75)).triage
    assert triage.level is TriageLevel.ROUTINE
    assert triage.red_flags == ()
