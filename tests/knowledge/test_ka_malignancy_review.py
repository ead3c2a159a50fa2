"""Session-10 likelihood review of malignancy: primary pelvic bone sarcomas present with buttock
(35%), hip (26%), groin (20%) and low back pain (21%), a mass (30%) and sciatica (29%) after a
median of six months (Wurtz 1999).
Values and rationale: docs/knowledge_review/serious_conditions.md."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y, N = Answer.YES, Answer.NO
CONDITION = "malignancy"


def test_hip_and_groin_pain_follow_the_pelvic_sarcoma_series(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    assert 0.2 <= links["pain_hip_localised"].p <= 0.35  # 26%, more with femoral metastases
    assert 0.15 <= links["pain_groin"].p <= 0.25  # 20%


def test_months_of_night_pain_in_buttock_hip_and_groin_rank_it_in_the_top_three(
    assessor: Assessor,
) -> None:
    # The Wurtz picture: buttock, hip and groin pain for months, at night, not settling; the pain
    # began in his fifties.
    answers = {
        "pain_deep_buttock": Y,
        "pain_hip_localised": Y,
        "pain_groin": Y,
        "duration_over_3_months": Y,
        "night_pain": Y,
        "no_improvement_one_month": Y,
        "onset_before_40": N,
    }
    assert CONDITION in ranked(assessor, answers, 55, Sex.MALE)[:3]


def test_stiff_arthritic_hip_is_not_malignancy_first(assessor: Assessor) -> None:
    # Negative control: hip and groin pain with brief stiffness, limited rotation, mechanical.
    answers = {
        "pain_hip_localised": Y,
        "pain_groin": Y,
        "stiffness_brief": Y,
        "hip_ir_limited": Y,
        "worse_activity_better_rest": Y,
        "duration_over_3_months": Y,
    }
    assert ranked(assessor, answers, 68)[0] != CONDITION
