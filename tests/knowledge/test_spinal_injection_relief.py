"""Relief from an epidural or nerve-root injection (Ghahreman 2010: at least 50% relief at one
month in 54% after transforaminal steroid for radicular pain, 7-21% after control injections)
supports a spinal source; an injection that fails points, modestly, away from the spine."""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex

Y, N = Answer.YES, Answer.NO
FINDING = "relief_spinal_injection"
SCIATICA = {"pain_deep_buttock": Y, "pain_posterior_thigh": Y, "pain_low_back": Y}


def probability(assessor: Assessor, answers: dict[str, Answer], condition: str) -> float:
    result = assessor.assess(Evidence(answers, 50, Sex.MALE))
    return next(r.probability for r in result.ranking if r.condition == condition)


def test_published_relief_rates(kb: KnowledgeBase) -> None:
    assert kb.findings[FINDING].background == pytest.approx(0.15, abs=0.06)  # control arms
    radicular = kb.conditions["lumbar_radiculopathy"].links[FINDING]
    assert radicular.p == pytest.approx(0.54, abs=0.06)
    stenosis = kb.conditions["lumbar_spinal_stenosis"].links[FINDING].p
    assert kb.findings[FINDING].background < stenosis < radicular.p


def test_relief_supports_radiculopathy(assessor: Assessor) -> None:
    before = probability(assessor, SCIATICA, "lumbar_radiculopathy")
    after = probability(assessor, {**SCIATICA, FINDING: Y}, "lumbar_radiculopathy")
    assert after > before


def test_failed_epidural_moves_a_sitting_buttock_picture_towards_the_deep_gluteal_space(
    assessor: Assessor,
) -> None:
    answers = {**SCIATICA, "worse_sitting": Y, "sciatic_notch_tenderness": Y}
    before = probability(assessor, answers, "deep_gluteal_syndrome")
    after = probability(assessor, {**answers, FINDING: N}, "deep_gluteal_syndrome")
    assert after > before
    ranked = [r.condition for r in assessor.assess(Evidence({**answers, FINDING: N}, 50)).ranking]
    assert "deep_gluteal_syndrome" in ranked[:3]


def test_failed_epidural_does_not_overturn_a_clear_radicular_picture(assessor: Assessor) -> None:
    # Negative control: half of true radiculopathy fails an injection too.
    answers = {
        **SCIATICA,
        "pain_below_knee": Y,
        "numbness_tingling": Y,
        "slr_positive": Y,
        "neuro_deficit_exam": Y,
        FINDING: N,
    }
    result = assessor.assess(Evidence(answers, 45, Sex.MALE))
    assert result.ranking[0].condition == "lumbar_radiculopathy"
