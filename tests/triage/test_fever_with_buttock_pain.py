"""Fever with new buttock, sacroiliac or hip pain is a suspected septic joint or deep infection
(an emergency); a fever beside months of pain, or with pain elsewhere, stays urgent."""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.types import Answer, TriageLevel

FLAG = "infection_fever_with_buttock_or_hip_pain"


def triaged(assessor: Assessor, yes: list[str], age: int = 40) -> tuple[TriageLevel, set[str]]:
    triage = assessor.assess(Evidence(dict.fromkeys(yes, Answer.YES), age)).triage
    return triage.level, set(triage.red_flags)


@pytest.mark.parametrize(
    "yes",
    [
        ["fever", "pain_deep_buttock"],
        ["fever", "pain_si_region", "duration_under_6_weeks"],
        ["fever", "pain_hip_localised", "pain_posterior_thigh"],
    ],
)
def test_fever_with_new_buttock_or_hip_pain_is_an_emergency(
    assessor: Assessor, yes: list[str]
) -> None:
    level, flags = triaged(assessor, yes)
    assert level is TriageLevel.EMERGENCY and FLAG in flags


@pytest.mark.parametrize(
    "yes",
    [
        # Years of buttock ache and a fever now: check for infection within a day, not at once.
        ["fever", "pain_deep_buttock", "duration_over_3_months", "morning_stiffness"],
        # A fever with posterior thigh pain only (a strain and a cold).
        ["fever", "pain_posterior_thigh", "onset_sudden_during_sport"],
    ],
)
def test_fever_beside_chronic_or_other_pain_is_not_this_flag(
    assessor: Assessor, yes: list[str]
) -> None:
    _, flags = triaged(assessor, yes, 30)
    assert FLAG not in flags and "infection_fever" in flags
