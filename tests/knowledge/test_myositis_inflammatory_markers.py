"""Immature heterotopic bone is inflamed: CRP and ESR were raised in every acute-stage lesion after
spinal cord injury (Estrores 2004) and early lesions pass for pyomyositis (Choi 2012). Raised
markers in a firm, stiff thigh weeks after a fall therefore count for myositis ossificans as well
as for infection and tumour, while fever with raised markers still points to infection."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y, N = Answer.YES, Answer.NO
MO = "myositis_ossificans"
FINDING = "raised_inflammatory_markers"


def test_markers_count_for_myositis_but_less_than_for_infection_or_tumour(
    kb: KnowledgeBase,
) -> None:
    p = kb.conditions[MO].links[FINDING].p
    assert kb.findings[FINDING].background < p < 0.5
    for condition in ("bone_joint_infection", "malignancy"):
        assert kb.conditions[condition].links[FINDING].p > p


def test_stiff_firm_thigh_after_a_fall_with_raised_markers_ranks_myositis_first(
    assessor: Assessor,
) -> None:
    after_fall = {
        "onset_fall": Y,
        "knee_flexion_limited": Y,
        "palpable_mass": Y,
        FINDING: Y,
        "fever": N,
    }
    assert ranked(assessor, after_fall, 12)[0] == MO


def test_fever_with_raised_markers_and_a_lump_stays_infection(assessor: Assessor) -> None:
    # Negative control: no injury, fever.
    febrile = {"pain_posterior_thigh": Y, FINDING: Y, "fever": Y, "palpable_mass": Y}
    order = ranked(assessor, febrile, 12)
    assert order[0] == "bone_joint_infection"
    assert MO not in order[:2]
