"""Neurogenic claudication is pain brought on by walking or standing and eased by rest (Suri
2010: LR- 0.23, implied sensitivity about 0.8), so 'worse with activity, better with rest' is
common in lumbar spinal stenosis and must not by itself point an older adult to the hip joint;
with groin pain and a stiff, limited hip it stays osteoarthritis."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y = Answer.YES
LSS = "lumbar_spinal_stenosis"
PATTERN = "worse_activity_better_rest"


def test_pattern_matches_the_walking_item_and_stays_below_the_hip(kb: KnowledgeBase) -> None:
    links = kb.conditions[LSS].links
    assert kb.findings[PATTERN].background < links[PATTERN].p <= links["worse_walking_distance"].p
    assert links[PATTERN].p < kb.conditions["hip_osteoarthritis"].links[PATTERN].p


def test_older_adult_with_bilateral_walking_leg_pain_ranks_stenosis(assessor: Assessor) -> None:
    answers = {
        "pain_low_back": Y,
        "pain_posterior_thigh": Y,
        PATTERN: Y,
        "worse_walking_distance": Y,
        "pain_bilateral": Y,
    }
    assert ranked(assessor, answers, 72)[0] == LSS


def test_activity_pain_with_groin_pain_and_a_stiff_hip_stays_osteoarthritis(
    assessor: Assessor,
) -> None:
    # Negative control: the same pattern with hip-joint features.
    answers = {
        "pain_groin": Y,
        "pain_hip_localised": Y,
        PATTERN: Y,
        "hip_ir_limited": Y,
        "stiffness_brief": Y,
    }
    order = ranked(assessor, answers, 70)
    assert order[0] == "hip_osteoarthritis"
    assert LSS not in order[:2]
