"""Chronic exertional compartment syndrome hurts only with exercise and settles within minutes to
half an hour (Fraipont 2003, Buerba 2019), so no pain when seated fits it as well as it fits
vascular claudication."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y = Answer.YES
CONDITION = "chronic_exertional_compartment_syndrome"


def test_pain_free_sitting_is_as_usual_as_in_vascular_claudication(kb: KnowledgeBase) -> None:
    compartment = kb.conditions[CONDITION].links["pain_free_sitting"].p
    vascular = kb.conditions["vascular_claudication"].links["pain_free_sitting"].p
    assert kb.findings["pain_free_sitting"].background < compartment <= vascular


def test_runner_whose_thigh_pain_goes_at_rest_ranks_compartment_syndrome_first(
    assessor: Assessor,
) -> None:
    runner = {
        "endurance_athlete": Y,
        "pain_posterior_thigh": Y,
        "pain_deep_ache": Y,
        "worse_exertion_thigh": Y,
        "worse_activity_better_rest": Y,
        "pain_free_sitting": Y,
        "duration_over_3_months": Y,
    }
    assert ranked(assessor, runner, 22, Sex.FEMALE)[0] == CONDITION


def test_older_walker_eased_by_sitting_is_not_compartment_syndrome(assessor: Assessor) -> None:
    # Negative control: neurogenic claudication, eased by sitting and flexion.
    walker = {
        "pain_deep_buttock": Y,
        "worse_walking_distance": Y,
        "relief_sitting_flexion": Y,
        "pain_free_sitting": Y,
    }
    assert CONDITION not in ranked(assessor, walker, 70, Sex.MALE)[:3]
