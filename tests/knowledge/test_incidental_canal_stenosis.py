"""Central canal stenosis on MRI is common without symptoms at the age hip osteoarthritis and
gluteal tendinopathy present (Ishimoto 2013: severe stenosis in 30% at a mean age of 66, 17.5% of
them symptomatic; Kalichman 2009: absolute stenosis in 19% at 60-69), so a scan showing it should
not by itself overrule a lateral hip picture; with neurogenic claudication it stays stenosis."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y = Answer.YES
MRI = "mri_canal_stenosis"


def test_incidental_rates_sit_between_the_background_and_stenosis(kb: KnowledgeBase) -> None:
    background = kb.findings[MRI].background
    stenosis = kb.conditions["lumbar_spinal_stenosis"].links[MRI].p
    for condition in ("hip_osteoarthritis", "gluteal_tendinopathy"):
        link = kb.conditions[condition].links[MRI]
        assert "lit_ishimoto2013" in link.sources
        assert background < link.p <= 0.3 < stenosis


def test_trochanteric_picture_with_an_incidental_scan_stays_gluteal_tendinopathy(
    assessor: Assessor,
) -> None:
    answers = {
        "pain_lateral_hip": Y,
        "trochanter_tenderness": Y,
        "worse_lying_on_side": Y,
        "pain_low_back": Y,
        MRI: Y,
    }
    assert ranked(assessor, answers, 70)[0] == "gluteal_tendinopathy"


def test_neurogenic_claudication_with_a_stenotic_scan_stays_stenosis(assessor: Assessor) -> None:
    # Negative control: the scan with walking-induced leg pain eased by sitting is stenosis.
    answers = {
        "pain_low_back": Y,
        "pain_posterior_thigh": Y,
        "worse_walking_distance": Y,
        "relief_sitting_flexion": Y,
        MRI: Y,
    }
    result = assessor.assess(Evidence(answers, 70, Sex.FEMALE))
    assert result.ranking[0].condition == "lumbar_spinal_stenosis"
    assert result.ranking[0].probability > 0.8
