"""The compartment syndrome condition mixes the chronic exertional thigh form with the acute gluteal
or thigh form at an acute share of 0.35: published acute gluteal cases (139 in the 2022 review,
mean age 45, rhabdomyolysis in 94%, sciatic neuropathy in 74%) outnumber the chronic thigh reports.
So buttock pain after a long lie with a raised CK must reach the top three, while an exertional
runner keeps it first and ordinary sciatica never suggests it."""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y, N = Answer.YES, Answer.NO
CONDITION = "chronic_exertional_compartment_syndrome"
ACUTE_SHARE = 0.35


@pytest.mark.parametrize(
    ("finding", "acute_rate"),
    [
        ("raised_creatine_kinase", 0.94),
        ("neuro_deficit_exam", 0.74),
        ("prolonged_immobilisation", 0.76),
    ],
)
def test_acute_features_are_weighted_by_the_acute_share(
    kb: KnowledgeBase, finding: str, acute_rate: float
) -> None:
    # Never above the acute share of the published acute rate, never below the background.
    p = kb.conditions[CONDITION].links[finding].p
    assert kb.findings[finding].background < p <= ACUTE_SHARE * acute_rate + 0.05


def test_chronic_and_acute_durations_stay_consistent(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    assert links["duration_over_3_months"].p + links["duration_under_6_weeks"].p <= 1.0


def test_buttock_pain_after_a_long_lie_with_rhabdomyolysis_ranks_it_in_top_three(
    assessor: Assessor,
) -> None:
    found_down = {
        "pain_deep_buttock": Y,
        "prolonged_immobilisation": Y,
        "raised_creatine_kinase": Y,
        "duration_under_6_weeks": Y,
        "pain_not_relieved_rest": Y,
    }
    assert CONDITION in ranked(assessor, found_down, 45, Sex.MALE)[:3]


def test_exertional_runner_still_ranks_it_first(assessor: Assessor) -> None:
    runner = {
        "endurance_athlete": Y,
        "pain_posterior_thigh": Y,
        "worse_exertion_thigh": Y,
        "pain_dull_cramping": Y,
        "duration_over_3_months": Y,
        "pulse_abnormality": N,
    }
    assert ranked(assessor, runner, 24, Sex.MALE)[0] == CONDITION


def test_fresh_sciatica_with_foot_weakness_does_not_suggest_it(assessor: Assessor) -> None:
    # Negative control: a short history, buttock and leg pain and a deficit, but no long lie,
    # no muscle breakdown, no tense swelling.
    sciatica = {
        "pain_deep_buttock": Y,
        "pain_posterior_thigh": Y,
        "pain_below_knee": Y,
        "pain_low_back": Y,
        "duration_under_6_weeks": Y,
        "neuro_deficit_exam": Y,
        "slr_positive": Y,
    }
    assert CONDITION not in ranked(assessor, sciatica, 45, Sex.MALE)[:3]
