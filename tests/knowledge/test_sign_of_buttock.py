"""Cyriax's sign of the buttock (lit_cyriax_buttock) points to serious pathology behind the hip
(infection, tumour, sacral fracture) without choosing between them; a negative sign changes
nothing for benign pictures."""

from __future__ import annotations

from functools import partial

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, FindingKind, Sex
from tests.knowledge.vignette import ranked as ranked_vignette

Y, N = Answer.YES, Answer.NO
SERIOUS = ("bone_joint_infection", "malignancy", "sacral_stress_fracture")


ranked = partial(ranked_vignette, sex=Sex.MALE)


def test_sign_is_a_red_flag_examination_finding(kb: KnowledgeBase) -> None:
    finding = kb.findings["sign_of_the_buttock"]
    assert finding.kind is FindingKind.EXAM
    assert finding.screen_group == "red_flag_examination"
    assert "lit_cyriax_buttock" in finding.sources


def test_sign_raises_only_the_serious_conditions(kb: KnowledgeBase) -> None:
    background = kb.findings["sign_of_the_buttock"].background
    for condition in kb.conditions.values():
        link = condition.links.get("sign_of_the_buttock")
        p = background if link is None else link.p
        if condition.id in SERIOUS:
            assert p / background >= 5, condition.id
        else:
            assert p <= background, condition.id


def test_positive_sign_with_night_pain_puts_tumour_and_infection_first(
    assessor: Assessor,
) -> None:
    answers = {"pain_deep_buttock": Y, "night_pain": Y, "sign_of_the_buttock": Y}
    assert set(ranked(assessor, answers, 70)[:2]) == {"malignancy", "bone_joint_infection"}


def test_fever_decides_infection_over_tumour(assessor: Assessor) -> None:
    answers = {"pain_deep_buttock": Y, "fever": Y, "sign_of_the_buttock": Y}
    assert ranked(assessor, answers, 40)[0] == "bone_joint_infection"


def test_negative_sign_leaves_a_hip_osteoarthritis_picture_alone(assessor: Assessor) -> None:
    # Negative control: a capsular picture with the sign tested and absent stays osteoarthritis.
    oa = {"pain_deep_buttock": Y, "pain_groin": Y, "hip_ir_limited": Y}
    result = assessor.assess(Evidence({**oa, "sign_of_the_buttock": N}, 68, Sex.MALE))
    assert result.ranking[0].condition == "hip_osteoarthritis"
    serious = {r.condition: r.probability for r in result.ranking if r.condition in SERIOUS}
    assert all(p < 0.05 for p in serious.values())
