"""Pain quality: a deep, dull ache is somatic (joint) pain and shooting pain is radicular (Bogduk
2009); hip osteoarthritis pain is a dull ache that becomes constant (Hawker 2008). An aching
quality should favour the deep joints, the hip as much as the sacroiliac joint, over the root."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y = Answer.YES
ACHE = "pain_deep_ache"


def test_joint_sources_ache_and_the_root_does_not(kb: KnowledgeBase) -> None:
    background = kb.findings[ACHE].background
    sij = kb.conditions["sacroiliac_joint_dysfunction"].links[ACHE].p
    hip_oa = kb.conditions["hip_osteoarthritis"].links[ACHE].p
    assert hip_oa == sij > background
    for hip in ("femoroacetabular_impingement", "hip_dysplasia"):
        assert background < kb.conditions[hip].links[ACHE].p <= hip_oa
    assert kb.conditions["lumbar_radiculopathy"].links[ACHE].p < background


def test_aching_groin_and_buttock_pain_in_an_older_adult_ranks_hip_osteoarthritis(
    assessor: Assessor,
) -> None:
    answers = {"pain_deep_buttock": Y, "pain_groin": Y, ACHE: Y, "worse_stairs": Y}
    assert "hip_osteoarthritis" in ranked(assessor, answers, 66)[:3]


def test_ache_does_not_pull_a_radicular_picture_to_the_hip(assessor: Assessor) -> None:
    # Negative control: aching with shooting pain below the knee and a positive SLR stays radicular.
    answers = {
        "pain_deep_buttock": Y,
        ACHE: Y,
        "pain_shooting_electric": Y,
        "pain_below_knee": Y,
        "slr_positive": Y,
    }
    order = ranked(assessor, answers, 45)
    assert order[0] == "lumbar_radiculopathy"
    assert "hip_osteoarthritis" not in order[:3]
