"""Clinical direction of selected evidence links: each row is a published or source-article fact
that the likelihoods must keep (which condition a finding favours, and that features shared by
mimics do not point at one condition), plus the red flags that rest on them."""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, TriageLevel


def p(kb: KnowledgeBase, condition: str, finding: str) -> float:
    """P(finding | condition): the evidence link's p, else the finding's background."""
    link = next((x for x in kb.conditions[condition].evidence if x.finding == finding), None)
    return link.p if link else kb.findings[finding].background


# (finding, favoured condition, disfavoured condition, why)
FAVOURS = [
    (
        "onset_fall",
        "sacroiliac_joint_dysfunction",
        "axial_spondyloarthritis",
        "Chou 2004: 6/54 injection-proven SIJ pain began with a fall onto the buttock;"
        " axial SpA is insidious",
    ),
    (
        "stiffness_brief",
        "hip_osteoarthritis",
        "axial_spondyloarthritis",
        "ACR: OA stiffness lasts 60 minutes or less; inflammatory stiffness lasts longer",
    ),
    (
        "morning_stiffness",
        "axial_spondyloarthritis",
        "hip_osteoarthritis",
        "prolonged morning stiffness is inflammatory",
    ),
    (
        "difficulty_reaching_feet",
        "hip_osteoarthritis",
        "lumbar_spinal_stenosis",
        "lost hip flexion and rotation show first in putting on socks and shoes",
    ),
    (
        "worse_stairs",
        "proximal_hamstring_tendinopathy",
        "hamstring_contusion",
        "stairs and hills load the hamstring origin with the hip flexed",
    ),
    (
        "worse_sitting",
        "deep_gluteal_syndrome",
        "lumbar_spinal_stenosis",
        "sitting provokes sciatic entrapment and relieves neurogenic claudication (Suri 2010)",
    ),
    (
        "worse_sitting_hard_surface",
        "deep_gluteal_syndrome",
        "lumbar_radiculopathy",
        "direct buttock pressure (hard seat, wallet) aggravates deep gluteal entrapment",
    ),
    (
        "pain_persists_after_spinal_surgery",
        "deep_gluteal_syndrome",
        "lumbar_radiculopathy",
        "sciatic entrapment is the commonest re-diagnosis after failed lumbar care (Filler 2005)",
    ),
    (
        "pain_persists_after_spinal_surgery",
        "sacroiliac_joint_dysfunction",
        "lumbar_radiculopathy",
        "a third of persistent pain after lumbar fusion is SI joint pain (Maigne 2005)",
    ),
    (
        "bowel_defecation_pain",
        "pudendal_neuralgia",
        "deep_gluteal_syndrome",
        "pain triggered by defecation is a Nantes complementary criterion",
    ),
    (
        "night_pain",
        "malignancy",
        "pudendal_neuralgia",
        "Nantes: pudendal pain does not wake the patient; night pain suggests another cause",
    ),
    ("sepsis_signs", "bone_joint_infection", "lumbar_radiculopathy", "sepsis points to infection"),
    (
        "onset_fall",
        "bone_joint_infection",
        "lumbar_radiculopathy",
        "minor trauma precedes pyomyositis and septic sacroiliitis in young athletes",
    ),
    (
        "pregnancy_postpartum",
        "sacral_stress_fracture",
        "lumbar_radiculopathy",
        "sacral stress fractures occur in late pregnancy and after delivery",
    ),
    (
        "fadir_positive",
        "hip_dysplasia",
        "lumbar_radiculopathy",
        "impingement test positive in 97% of symptomatic dysplasia (Nunley 2011)",
    ),
]


@pytest.mark.parametrize(("finding", "higher", "lower", "why"), FAVOURS)
def test_finding_favours_condition(
    kb: KnowledgeBase, finding: str, higher: str, lower: str, why: str
) -> None:
    assert p(kb, higher, finding) > p(kb, lower, finding), why


# Features the sources give to several conditions: no single condition may carry an implied
# likelihood ratio (p / background) above `cap`.
SHARED = [
    ("worse_crossing_legs", 5.0),
    ("relief_standing_lying", 10.0),
    ("stiffness_brief", 3.0),
    ("difficulty_reaching_feet", 6.0),
    ("worse_stairs", 4.5),
    ("numbness_tingling", 6.0),
]


@pytest.mark.parametrize(("finding", "cap"), SHARED)
def test_shared_feature_points_at_no_single_condition(
    kb: KnowledgeBase, finding: str, cap: float
) -> None:
    background = kb.findings[finding].background
    linked = [c for c in kb.conditions.values() if any(x.finding == finding for x in c.evidence)]
    assert len(linked) >= 2, f"{finding} is shared, so it links several conditions"
    for condition in linked:
        assert p(kb, condition.id, finding) / background <= cap, (finding, condition.id)


@pytest.mark.parametrize(
    ("answers", "flag"),
    [
        ({"sepsis_signs": Answer.YES}, "infection_sepsis_signs"),
        (
            {"neuro_deficit_exam": Answer.YES, "onset_sudden_pop": Answer.YES},
            "sciatic_deficit_after_hamstring_injury",
        ),
        (
            {"progressive_neuro_deficit": Answer.YES, "imaging_hamstring_avulsion": Answer.YES},
            "progressive_deficit_after_hamstring_injury",
        ),
    ],
)
def test_emergency_flags(assessor: Assessor, answers: dict[str, Answer], flag: str) -> None:
    result = assessor.assess(Evidence(answers))
    assert flag in result.triage.red_flags
    assert result.triage.level is TriageLevel.EMERGENCY


def test_a_neuro_deficit_without_acute_hamstring_injury_is_not_an_emergency(
    assessor: Assessor,
) -> None:
    result = assessor.assess(Evidence({"neuro_deficit_exam": Answer.YES}))
    assert "sciatic_deficit_after_hamstring_injury" not in result.triage.red_flags


def test_forced_hip_flexion_with_straight_knee_is_urgent(assessor: Assessor) -> None:
    """The typical proximal hamstring avulsion mechanism asks for an urgent MRI (early repair)."""
    result = assessor.assess(Evidence({"onset_forced_flexion": Answer.YES}))
    assert "avulsion_forced_flexion_mechanism" in result.triage.red_flags
    assert result.triage.level is TriageLevel.URGENT
