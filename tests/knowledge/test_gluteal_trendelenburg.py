"""Trendelenburg sign in gluteal tendinopathy: sensitivity 0.73 for gluteus medius tears in women
with greater trochanteric pain, where about half had a tear on MRI (Bird 2001), lower without a
tear, so the mixture is about 0.45-0.5. An abductor sign with lateral hip pain must keep the
tendon in the differential; in a young woman with groin pain and instability it is dysplasia."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y = Answer.YES
GT = "gluteal_tendinopathy"
SIGN = "trendelenburg"


def test_sign_between_tendinopathy_and_tear_sensitivity(kb: KnowledgeBase) -> None:
    link = kb.conditions[GT].links[SIGN]
    assert link.published is not None and link.published.sensitivity is not None
    assert 0.3 < link.p < link.published.sensitivity
    assert kb.conditions["hip_osteoarthritis"].links[SIGN].p < link.p


def test_lateral_hip_pain_with_a_trendelenburg_sign_ranks_the_tendon(assessor: Assessor) -> None:
    answers = {
        "pain_lateral_hip": Y,
        "pain_deep_buttock": Y,
        SIGN: Y,
        "pain_deep_ache": Y,
        "onset_gradual": Y,
    }
    assert GT in ranked(assessor, answers, 66, Sex.MALE)[:2]


def test_trendelenburg_with_groin_pain_and_instability_is_dysplasia(assessor: Assessor) -> None:
    # Negative control: the same sign in a young woman with groin pain and a giving-way hip.
    answers = {"pain_groin": Y, "hip_instability": Y, SIGN: Y, "worse_activity_better_rest": Y}
    order = ranked(assessor, answers, 22, Sex.FEMALE)
    assert order[0] == "hip_dysplasia"
    assert GT not in order[:3]
