"""Deep gluteal syndrome: a chronic entrapment (mean symptom duration 14 months in Park 2016)
that presents among patients with low back or buttock pain and sciatica (Singh 2013); what is
absent is the lumbar sign, not the back-pain complaint (Barton 1991)."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y = Answer.YES
DGS = "deep_gluteal_syndrome"
ROOT = "lumbar_radiculopathy"


def test_back_pain_complaint_is_background_but_the_lumbar_sign_stays_rare(
    kb: KnowledgeBase,
) -> None:
    dgs, root = kb.conditions[DGS].links, kb.conditions[ROOT].links
    assert dgs["pain_low_back"].p == kb.findings["pain_low_back"].background
    assert dgs["pain_low_back"].p < root["pain_low_back"].p
    assert (
        dgs["lumbar_movement_reproduces"].p < kb.findings["lumbar_movement_reproduces"].background
    )


def test_chronicity_within_the_published_range(kb: KnowledgeBase) -> None:
    links = kb.conditions[DGS].links
    # Below the surgical series (all over 12 months), above the background.
    assert kb.findings["duration_over_3_months"].background < links["duration_over_3_months"].p
    assert links["duration_over_3_months"].p < 0.9
    assert links["duration_under_6_weeks"].p < kb.findings["duration_under_6_weeks"].background


def test_chronic_sitting_buttock_pain_with_back_pain_keeps_deep_gluteal_in_the_top_two(
    assessor: Assessor,
) -> None:
    answers = {
        "pain_deep_buttock": Y,
        "pain_low_back": Y,
        "pain_posterior_thigh": Y,
        "worse_sitting": Y,
        "duration_over_3_months": Y,
    }
    assert DGS in ranked(assessor, answers, 42)[:2]


def test_acute_back_and_leg_pain_with_a_lumbar_sign_stays_radicular(assessor: Assessor) -> None:
    # Negative control: the same complaint, acute and reproduced by lumbar movement.
    answers = {
        "pain_deep_buttock": Y,
        "pain_low_back": Y,
        "pain_posterior_thigh": Y,
        "worse_sitting": Y,
        "duration_under_6_weeks": Y,
        "lumbar_movement_reproduces": Y,
    }
    order = ranked(assessor, answers, 42)
    assert order[0] == ROOT
    assert order.index(DGS) >= 2
