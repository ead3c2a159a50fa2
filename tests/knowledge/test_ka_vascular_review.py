"""Session-10 likelihood review of vascular claudication against the Edinburgh Claudication
Questionnaire (Leng 1992: in claudicants the pain never begins at rest (99.3%), comes on walking
uphill or hurrying (98.8%) and settles standing still) and the normal resting examination of
arterial claudication (Peach 2015).
Values and rationale: docs/knowledge_review/serious_conditions.md."""

from __future__ import annotations

from functools import partial

import pytest

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked as ranked_vignette

Y, N = Answer.YES, Answer.NO
CONDITION = "vascular_claudication"
ranked = partial(ranked_vignette, sex=Sex.MALE)


def test_rest_pain_sits_at_or_below_the_published_rate(kb: KnowledgeBase) -> None:
    # Pain beginning at rest in under 1% of claudicants; the link allows critical ischaemia.
    assert 0.005 <= kb.conditions[CONDITION].links["pain_not_relieved_rest"].p <= 0.05


def test_uphill_effort_links_sit_between_background_and_the_published_rate(
    kb: KnowledgeBase,
) -> None:
    for finding in ("worse_stairs", "worse_sprinting"):
        p = kb.conditions[CONDITION].links[finding].p
        assert kb.findings[finding].background * 1.5 <= p < 0.988


@pytest.mark.parametrize(
    "finding",
    [
        "worse_transitional",
        "slump_positive",
        "relief_spinal_injection",
        "faber_posterior_pain",
        "si_provocation_two_tests",
        "si_provocation_cluster",
        "si_tenderness",
        "sciatic_notch_tenderness",
    ],
)
def test_mechanical_and_neural_signs_count_against_ischaemic_pain(
    kb: KnowledgeBase, finding: str
) -> None:
    assert kb.conditions[CONDITION].links[finding].p <= kb.findings[finding].background / 2


def test_typical_walking_claudicant_ranks_it_in_the_top_three(assessor: Assessor) -> None:
    # Buttock and thigh pain after a set distance, worse on stairs, never at rest, in a smoker.
    answers = {
        "pain_deep_buttock": Y,
        "pain_posterior_thigh": Y,
        "worse_walking_distance": Y,
        "worse_stairs": Y,
        "pain_not_relieved_rest": N,
        "worse_sitting": N,
        "vascular_risk_factors": Y,
    }
    assert CONDITION in ranked(assessor, answers, 66)[:3]


def test_mechanical_buttock_pain_in_a_smoker_is_not_vascular_first(assessor: Assessor) -> None:
    # Negative control: pain on rising and walking with positive SI provocation and FABER.
    answers = {
        "pain_deep_buttock": Y,
        "pain_si_region": Y,
        "worse_transitional": Y,
        "worse_activity_better_rest": Y,
        "si_provocation_two_tests": Y,
        "faber_posterior_pain": Y,
        "vascular_risk_factors": Y,
    }
    assert ranked(assessor, answers, 66)[0] != CONDITION


def test_neurogenic_claudication_is_not_vascular_first(assessor: Assessor) -> None:
    # Negative control: standing-provoked bilateral leg pain eased by sitting, with numbness.
    answers = {
        "pain_low_back": Y,
        "pain_bilateral": Y,
        "worse_walking_distance": Y,
        "worse_standing": Y,
        "relief_sitting_flexion": Y,
        "numbness_tingling": Y,
    }
    assert ranked(assessor, answers, 70)[0] != CONDITION
