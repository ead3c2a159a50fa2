"""Sacroiliac joint pain refers into the lower extremity in half of block-confirmed patients and
below the knee in 28% (Slipman 2000): posterior thigh pain must not count against the joint, while
root signs with the same thigh pain still point to the spine."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y = Answer.YES
SIJ = "sacroiliac_joint_dysfunction"
THIGH = "pain_posterior_thigh"


def test_thigh_referral_between_below_knee_share_and_slipman_half(kb: KnowledgeBase) -> None:
    links = kb.conditions[SIJ].links
    assert links["pain_below_knee"].p < links[THIGH].p <= 0.5
    assert links[THIGH].p < kb.conditions["lumbar_radiculopathy"].links[THIGH].p


def test_si_region_pain_spreading_to_the_thigh_ranks_the_joint_first(assessor: Assessor) -> None:
    answers = {
        "pain_si_region": Y,
        "pain_deep_buttock": Y,
        THIGH: Y,
        "worse_transitional": Y,
        "si_tenderness": Y,
    }
    assert ranked(assessor, answers, 38)[0] == SIJ


def test_thigh_pain_with_root_signs_stays_radicular(assessor: Assessor) -> None:
    # Negative control: back and thigh pain with pain below the knee, paraesthesia and an SLR.
    answers = {
        "pain_low_back": Y,
        THIGH: Y,
        "pain_below_knee": Y,
        "numbness_tingling": Y,
        "slr_positive": Y,
        "worse_cough_sneeze": Y,
    }
    order = ranked(assessor, answers, 38)
    assert order[0] == "lumbar_radiculopathy"
    assert SIJ not in order[:3]
