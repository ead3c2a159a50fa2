"""Vascular claudication is a chronic complaint (iliac endofibrosis is diagnosed a median of 36
months after the first symptoms), so months of exertional thigh pain count for it and a fresh
complaint counts against it."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y, N = Answer.YES, Answer.NO


def test_claudication_durations_are_chronic_and_consistent(kb: KnowledgeBase) -> None:
    links = kb.conditions["vascular_claudication"].links
    chronic, acute = links["duration_over_3_months"].p, links["duration_under_6_weeks"].p
    assert chronic > kb.findings["duration_over_3_months"].background
    assert acute < kb.findings["duration_under_6_weeks"].background
    # The two durations exclude each other.
    assert chronic + acute <= 1.0


def test_endurance_runner_with_months_of_exertional_thigh_pain_keeps_claudication_in_top_three(
    assessor: Assessor,
) -> None:
    runner = {
        "onset_before_40": N,
        "endurance_athlete": Y,
        "duration_over_3_months": Y,
        "duration_under_6_weeks": N,
        "worse_exertion_thigh": Y,
        "vascular_risk_factors": N,
    }
    assert "vascular_claudication" in ranked(assessor, runner, 51, Sex.FEMALE)[:3]


def test_a_fresh_exertional_thigh_pain_in_a_young_runner_is_not_claudication(
    assessor: Assessor,
) -> None:
    # Negative control: the same exertional thigh pain, but weeks old in a 30-year-old.
    fresh = {
        "endurance_athlete": Y,
        "duration_under_6_weeks": Y,
        "worse_exertion_thigh": Y,
        "pain_posterior_thigh": Y,
    }
    assert "vascular_claudication" not in ranked(assessor, fresh, 30, Sex.MALE)[:3]
