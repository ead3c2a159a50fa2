"""Session-10 likelihood review of lumbar spinal stenosis: neurogenic claudication is buttock and
thigh pain, often aching or cramping, on walking or standing, eased by sitting or bending forward
and not by standing still (MSD manual; Suri 2010). Values and rationale:
docs/knowledge_review/serious_conditions.md."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y = Answer.YES
CONDITION = "lumbar_spinal_stenosis"


def test_rest_and_standing_relief_count_against_stenosis(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    for finding in ("pain_not_relieved_rest", "relief_standing_lying"):
        assert links[finding].p <= kb.findings[finding].background / 2


def test_cramping_and_hip_pain_sit_between_background_and_the_signature_conditions(
    kb: KnowledgeBase,
) -> None:
    links = kb.conditions[CONDITION].links
    cramping = links["pain_dull_cramping"].p
    vascular = kb.conditions["vascular_claudication"].links["pain_dull_cramping"].p
    assert kb.findings["pain_dull_cramping"].background * 1.5 <= cramping < vascular
    hip = links["pain_hip_localised"].p
    osteoarthritis = kb.conditions["hip_osteoarthritis"].links["pain_hip_localised"].p
    assert kb.findings["pain_hip_localised"].background * 1.5 <= hip < osteoarthritis


def test_bilateral_cramping_hip_pain_on_walking_ranks_it_in_the_top_three(
    assessor: Assessor,
) -> None:
    # Typical neurogenic claudication told as "hip" pain: walking-induced, cramping, eased sitting.
    answers = {
        "pain_hip_localised": Y,
        "pain_bilateral": Y,
        "worse_walking_distance": Y,
        "pain_dull_cramping": Y,
        "relief_sitting_flexion": Y,
    }
    assert CONDITION in ranked(assessor, answers, 72, Sex.MALE)[:3]


def test_sitting_pain_eased_by_standing_is_not_stenosis_first(assessor: Assessor) -> None:
    # Negative control: bilateral buttock pain provoked by sitting and relieved by standing.
    answers = {
        "pain_deep_buttock": Y,
        "pain_low_back": Y,
        "pain_bilateral": Y,
        "worse_sitting": Y,
        "relief_standing_lying": Y,
    }
    assert ranked(assessor, answers, 70)[0] != CONDITION


def test_stiff_painful_hip_with_walking_pain_is_not_stenosis_first(assessor: Assessor) -> None:
    # Negative control: hip pain with groin pain, brief stiffness and limited internal rotation.
    answers = {
        "pain_hip_localised": Y,
        "pain_groin": Y,
        "stiffness_brief": Y,
        "hip_ir_limited": Y,
        "worse_walking_distance": Y,
    }
    assert ranked(assessor, answers, 70)[0] != CONDITION
