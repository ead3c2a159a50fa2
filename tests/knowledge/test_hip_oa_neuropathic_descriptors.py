"""Hip osteoarthritis pain is neuropathic-like in part of patients: painDETECT 'possible' in 29%
and 'probable' in 9% (Zolio 2021 meta-analysis), and its items include burning and electric-shock
pain. A burning or shooting word must not veto the hip joint; root signs still decide for the
spine."""

from __future__ import annotations

from functools import partial

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked as ranked_vignette

Y = Answer.YES
OA = "hip_osteoarthritis"


ranked = partial(ranked_vignette, sex=Sex.MALE)


def test_descriptors_within_the_published_range(kb: KnowledgeBase) -> None:
    oa, root = kb.conditions[OA].links, kb.conditions["lumbar_radiculopathy"].links
    for finding in ("pain_burning", "pain_shooting_electric"):
        # Between the 9% 'probable' and 29% 'possible' prevalence, and below the root.
        assert 0.09 <= oa[finding].p <= 0.29
        assert oa[finding].p < root[finding].p


def test_aching_hip_that_burns_and_shoots_ranks_osteoarthritis(assessor: Assessor) -> None:
    answers = {
        "pain_hip_localised": Y,
        "pain_deep_ache": Y,
        "pain_burning": Y,
        "pain_shooting_electric": Y,
        "night_pain": Y,
    }
    assert OA in ranked(assessor, answers, 58)[:2]


def test_burning_shooting_leg_pain_with_root_signs_stays_radicular(assessor: Assessor) -> None:
    # Negative control: the same descriptors with back pain, pain below the knee and a positive SLR.
    answers = {
        "pain_low_back": Y,
        "pain_below_knee": Y,
        "pain_burning": Y,
        "pain_shooting_electric": Y,
        "numbness_tingling": Y,
        "slr_positive": Y,
    }
    order = ranked(assessor, answers, 66)
    assert order[0] == "lumbar_radiculopathy"
    assert OA not in order[:3]
