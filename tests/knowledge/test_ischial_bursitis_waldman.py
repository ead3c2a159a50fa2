"""Ischial bursitis as Waldman's atlas describes it (lit_waldman_bursitis): pain over the ischial
tuberosity referred into the hamstring, often unable to lie on the affected side, a catching
sensation on hip flexion and extension, and pain on resisted hip extension and straight leg
raising. Descriptive only, so each link stays below the condition the feature is typical of."""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y = Answer.YES
BURSITIS = "ischial_bursitis"


@pytest.mark.parametrize(
    ("finding", "typical_of"),
    [
        ("worse_lying_on_side", "gluteal_tendinopathy"),
        ("mechanical_symptoms", "femoroacetabular_impingement"),
        ("worse_hip_extension", "ischiofemoral_impingement"),
        ("slr_positive", "lumbar_radiculopathy"),
        ("pain_posterior_thigh", "proximal_hamstring_tendinopathy"),
    ],
)
def test_waldman_features_are_linked_below_their_signature_condition(
    kb: KnowledgeBase, finding: str, typical_of: str
) -> None:
    link = kb.conditions[BURSITIS].links[finding]
    assert "lit_waldman_bursitis" in link.sources
    assert kb.findings[finding].background <= link.p < kb.conditions[typical_of].links[finding].p


def test_waldman_picture_ranks_ischial_bursitis(assessor: Assessor) -> None:
    answers = {
        "pain_sit_bone": Y,
        "pain_posterior_thigh": Y,
        "worse_lying_on_side": Y,
        "mechanical_symptoms": Y,
        "worse_hip_extension": Y,
    }
    assert BURSITIS in ranked(assessor, answers, 50)[:3]


def test_lateral_hip_pain_lying_on_side_stays_gluteal_tendinopathy(assessor: Assessor) -> None:
    # Negative control: side-lying pain over the trochanter is gluteal tendinopathy, not the bursa.
    answers = {"pain_lateral_hip": Y, "worse_lying_on_side": Y, "trochanter_tenderness": Y}
    order = ranked(assessor, answers, 55)
    assert order[0] == "gluteal_tendinopathy"
    assert BURSITIS not in order[:3]


def test_radicular_slr_stays_radiculopathy(assessor: Assessor) -> None:
    # Negative control: a positive SLR with pain below the knee is radicular, not bursal.
    answers = {"pain_deep_buttock": Y, "pain_below_knee": Y, "slr_positive": Y}
    order = ranked(assessor, answers, 45)
    assert order[0] == "lumbar_radiculopathy"
    assert BURSITIS not in order[:3]
