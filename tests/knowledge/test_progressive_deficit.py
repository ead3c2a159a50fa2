"""A progressing deficit favours cauda equina only about as much as leg weakness does among
suspected CES (lit_ces_mri_review, LR+ 2.4): a one-sided progressing root deficit stays
radiculopathy first, while sphincter and saddle features still make CES first."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex

Y, N = Answer.YES, Answer.NO
ROOT = {
    "pain_below_knee": Y,
    "numbness_tingling": Y,
    "leg_weakness": Y,
    "neuro_deficit_exam": Y,
    "progressive_neuro_deficit": Y,
}


def probabilities(assessor: Assessor, answers: dict[str, Answer]) -> dict[str, float]:
    ranking = assessor.assess(Evidence(answers, 45, Sex.MALE)).ranking
    return {r.condition: r.probability for r in ranking}


def test_progression_ratio_matches_weakness_among_suspected_ces(kb: KnowledgeBase) -> None:
    ces = kb.conditions["cauda_equina_syndrome"].links["progressive_neuro_deficit"].p
    root = kb.conditions["lumbar_radiculopathy"].links["progressive_neuro_deficit"].p
    assert 1.5 <= ces / root <= 4


def test_one_sided_progressing_deficit_stays_radiculopathy(assessor: Assessor) -> None:
    answers = {**ROOT, "pain_bilateral": N, "saddle_anaesthesia": N}
    probs = probabilities(assessor, answers)
    assert max(probs, key=probs.get) == "lumbar_radiculopathy"
    # Below the posterior at which CES is suspected and triaged as an emergency.
    assert (
        probs["cauda_equina_syndrome"]
        < assessor.kb.conditions["cauda_equina_syndrome"].suspected_above
    )


def test_saddle_numbness_and_retention_still_make_ces_first(assessor: Assessor) -> None:
    answers = {**ROOT, "saddle_anaesthesia": Y, "urinary_retention_incontinence": Y}
    probs = probabilities(assessor, answers)
    assert max(probs, key=probs.get) == "cauda_equina_syndrome"
    assert probs["cauda_equina_syndrome"] >= 0.3
