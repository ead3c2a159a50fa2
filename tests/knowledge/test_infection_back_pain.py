"""Low back pain belongs to bone and joint infection: vertebral osteomyelitis and infectious
sacroiliitis present with it (about 86% and 36/39), so it must not count against infection."""

from __future__ import annotations

from functools import partial

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked as ranked_vignette

Y, N = Answer.YES, Answer.NO


ranked = partial(ranked_vignette, sex=Sex.MALE)


def test_low_back_pain_in_infection_lies_within_published_rates(kb: KnowledgeBase) -> None:
    # Between a septic hip (rarely) and vertebral osteomyelitis (~0.86, Mylona 2009), and at
    # least the background so that back pain no longer counts against a spinal infection.
    p = kb.conditions["bone_joint_infection"].links["pain_low_back"].p
    assert kb.findings["pain_low_back"].background <= p <= 0.86


def test_febrile_young_man_with_back_and_buttock_pain_keeps_infection_in_top_three(
    assessor: Assessor,
) -> None:
    febrile = {
        "pain_low_back": Y,
        "pain_deep_buttock": Y,
        "fever": Y,
        "nsaid_good_response": N,
    }
    assert "bone_joint_infection" in ranked(assessor, febrile, 25)[:3]


def test_afebrile_mechanical_back_and_buttock_pain_does_not_suggest_infection(
    assessor: Assessor,
) -> None:
    # Negative control: the same pain without fever, eased by rest.
    mechanical = {
        "pain_low_back": Y,
        "pain_deep_buttock": Y,
        "fever": N,
        "worse_activity_better_rest": Y,
    }
    assert "bone_joint_infection" not in ranked(assessor, mechanical, 25)[:3]
