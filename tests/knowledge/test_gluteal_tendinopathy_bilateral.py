"""Greater trochanteric pain is bilateral in about a third of cases (MOST cohort, Segal 2007: 8.5%
bilateral and 15.0% unilateral in women, 1.9% and 6.6% in men), so lateral pain in both hips with
trochanteric tenderness stays gluteal tendinopathy; bilateral leg pain on walking that eases with
sitting stays spinal stenosis."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex

Y = Answer.YES
GT = "gluteal_tendinopathy"


def probabilities(assessor: Assessor, answers: dict[str, Answer], age: int) -> dict[str, float]:
    ranking = assessor.assess(Evidence(answers, age, Sex.FEMALE)).ranking
    return {r.condition: r.probability for r in ranking}


def test_bilateral_share_matches_the_cohort(kb: KnowledgeBase) -> None:
    link = kb.conditions[GT].links["pain_bilateral"]
    assert "lit_segal2007" in link.sources
    assert 0.2 <= link.p <= 0.4
    assert link.p < kb.conditions["lumbar_spinal_stenosis"].links["pain_bilateral"].p


def test_lateral_pain_in_both_hips_with_trochanteric_tenderness_is_gluteal(
    assessor: Assessor,
) -> None:
    answers = {"pain_lateral_hip": Y, "pain_bilateral": Y, "trochanter_tenderness": Y}
    p = probabilities(assessor, answers, 58)
    assert max(p, key=p.__getitem__) == GT


def test_bilateral_neurogenic_claudication_stays_stenosis(assessor: Assessor) -> None:
    # Negative control: both legs on walking, eased by sitting, in an older adult.
    answers = {
        "pain_bilateral": Y,
        "worse_walking_distance": Y,
        "relief_sitting_flexion": Y,
        "pain_low_back": Y,
    }
    p = probabilities(assessor, answers, 72)
    assert p["lumbar_spinal_stenosis"] > 0.9
    assert p[GT] < 0.05
