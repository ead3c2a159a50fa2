"""Proximal claudication from common or internal iliac disease is felt in the lower back, hip,
buttock or thigh (Mahe 2015), so a patient who calls it 'hip pain' brought on by walking, with
vascular risk factors, must keep the vascular cause in view; an arthritic hip must not."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y = Answer.YES
CONDITION = "vascular_claudication"


def test_hip_pain_is_more_likely_than_background_but_below_buttock_pain(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    background = kb.findings["pain_hip_localised"].background
    assert background < links["pain_hip_localised"].p < links["pain_deep_buttock"].p


def test_walking_hip_pain_with_vascular_risk_factors_ranks_it_in_top_three(
    assessor: Assessor,
) -> None:
    walker = {
        "pain_hip_localised": Y,
        "worse_walking_distance": Y,
        "vascular_risk_factors": Y,
        "duration_over_3_months": Y,
    }
    assert CONDITION in ranked(assessor, walker, 60)[:3]


def test_arthritic_hip_stays_osteoarthritis(assessor: Assessor) -> None:
    # Negative control: groin pain, stiffness and lost internal rotation.
    hip = {
        "pain_hip_localised": Y,
        "pain_groin": Y,
        "hip_ir_limited": Y,
        "worse_walking_distance": Y,
        "morning_stiffness": Y,
    }
    ranking = ranked(assessor, hip, 68)
    assert ranking[0] == "hip_osteoarthritis"
    assert CONDITION not in ranking[:2]
