"""Ischiofemoral impingement affects both hips in about a quarter of patients (Singer 2015
meta-analysis: 217 affected hips in 175 patients), so bilateral buttock pain with pain on hip
extension should keep it in view; bilateral pain on walking that eases with sitting stays spinal
stenosis."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y = Answer.YES
IFI = "ischiofemoral_impingement"


def test_bilateral_share_matches_the_meta_analysis(kb: KnowledgeBase) -> None:
    link = kb.conditions[IFI].links["pain_bilateral"]
    assert "lit_singer2015" in link.sources
    assert 0.2 <= link.p <= 0.35
    assert link.p < kb.conditions["lumbar_spinal_stenosis"].links["pain_bilateral"].p


def test_bilateral_extension_pain_keeps_ischiofemoral_impingement_in_the_top_three(
    assessor: Assessor,
) -> None:
    answers = {"pain_deep_buttock": Y, "pain_bilateral": Y, "worse_long_stride": Y}
    assert IFI in ranked(assessor, answers, 55)[:3]


def test_bilateral_neurogenic_claudication_stays_stenosis(assessor: Assessor) -> None:
    # Negative control: bilateral leg pain on walking, eased by sitting, in an older adult.
    answers = {
        "pain_deep_buttock": Y,
        "pain_bilateral": Y,
        "worse_walking_distance": Y,
        "relief_sitting_flexion": Y,
        "pain_low_back": Y,
    }
    order = ranked(assessor, answers, 72)
    assert order[0] == "lumbar_spinal_stenosis"
    assert IFI not in order[:3]
