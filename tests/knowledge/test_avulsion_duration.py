"""Missed proximal hamstring avulsions present late: 684 of 1530 surgical repairs were chronic
(2022 meta-analysis), so the avulsion's two duration likelihoods leave room for a history beyond
six weeks and three months, and a sporting injury months ago with sit-bone tenderness still
points to an avulsion rather than a tendinopathy of gradual onset."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y, N = Answer.YES, Answer.NO
AVULSION = "proximal_hamstring_avulsion"


def test_duration_likelihoods_are_consistent_with_the_chronic_share(kb: KnowledgeBase) -> None:
    links = kb.conditions[AVULSION].links
    short, long = links["duration_under_6_weeks"].p, links["duration_over_3_months"].p
    assert short + long <= 1
    # Between the acute share of repairs (846/1530) and a mostly acute presentation.
    assert 846 / 1530 <= short <= 0.8
    assert 0.1 <= long <= 1 - 846 / 1530


def test_kicking_injury_months_ago_with_sit_bone_tenderness_ranks_the_avulsion(
    assessor: Assessor,
) -> None:
    chronic = {
        "sprint_sport_athlete": Y,
        "onset_sudden_during_sport": Y,
        "duration_over_3_months": Y,
        "duration_under_6_weeks": N,
        "pain_posterior_thigh": Y,
        "ischial_tenderness": Y,
    }
    assert AVULSION in ranked(assessor, chronic, 17, Sex.MALE)[:3]


def test_gradual_sit_bone_pain_in_a_runner_stays_a_tendinopathy(assessor: Assessor) -> None:
    # Negative control: months of pain without an injury.
    gradual = {
        "endurance_athlete": Y,
        "onset_gradual": Y,
        "duration_over_3_months": Y,
        "pain_sit_bone": Y,
        "worse_sitting": Y,
        "ischial_tenderness": Y,
    }
    order = ranked(assessor, gradual, 35, Sex.FEMALE)
    assert order[0] == "proximal_hamstring_tendinopathy"
    assert AVULSION not in order[:3]
