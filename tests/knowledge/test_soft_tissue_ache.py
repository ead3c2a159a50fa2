"""Deep somatic pain from tendons, bursae and compressed muscle is dull and aching (Bogduk 2009),
as the sources describe for the glute-hamstring junction (source 004), the ischiofemoral space
(source 000) and piriformis syndrome (Pande 2021). An aching quality sits between the deep joints
(0.7) and the root (0.3), so it no longer counts against the soft-tissue sources."""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y = Answer.YES
ACHE = "pain_deep_ache"
SOFT_TISSUE = (
    "gluteal_tendinopathy",
    "ischiofemoral_impingement",
    "proximal_hamstring_tendinopathy",
    "ischial_bursitis",
    "deep_gluteal_syndrome",
)


@pytest.mark.parametrize("condition", SOFT_TISSUE)
def test_ache_between_the_root_and_the_joints(kb: KnowledgeBase, condition: str) -> None:
    p = kb.conditions[condition].links[ACHE].p
    root = kb.conditions["lumbar_radiculopathy"].links[ACHE].p
    joint = kb.conditions["hip_osteoarthritis"].links[ACHE].p
    assert root < kb.findings[ACHE].background < p < joint


def test_aching_sit_bone_pain_ranks_hamstring_tendinopathy(assessor: Assessor) -> None:
    answers = {"pain_sit_bone": Y, ACHE: Y, "worse_sitting": Y, "worse_hamstring_stretch": Y}
    assert ranked(assessor, answers, 40)[0] == "proximal_hamstring_tendinopathy"


def test_aching_with_root_signs_stays_radicular(assessor: Assessor) -> None:
    # Negative control: an ache with shooting pain below the knee, back pain and a positive SLR.
    answers = {
        "pain_deep_buttock": Y,
        ACHE: Y,
        "pain_shooting_electric": Y,
        "pain_below_knee": Y,
        "slr_positive": Y,
        "pain_low_back": Y,
    }
    order = ranked(assessor, answers, 45)
    assert order[0] == "lumbar_radiculopathy"
    for condition in SOFT_TISSUE[:4]:
        assert condition not in order[:3]
