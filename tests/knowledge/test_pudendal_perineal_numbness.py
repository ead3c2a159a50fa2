"""Perineal numbness is a Nantes complementary criterion for pudendal neuralgia (objective sensory
loss excludes it), so burning perineal pain on sitting described with numbness 'down there' ranks
pudendal neuralgia first; saddle numbness with bladder trouble or sciatica stays cauda equina, and
the red flag keeps the triage an emergency either way."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex, TriageLevel

Y = Answer.YES
PN, CES = "pudendal_neuralgia", "cauda_equina_syndrome"


def test_link_cites_the_nantes_criteria_and_stays_below_cauda_equina(kb: KnowledgeBase) -> None:
    link = kb.conditions[PN].links["saddle_anaesthesia"]
    assert "lit_labat2008" in link.sources
    assert 0.03 <= link.p < kb.conditions[CES].links["saddle_anaesthesia"].p
    assert (
        kb.conditions[PN].links["neuro_deficit_exam"].p
        < kb.findings["neuro_deficit_exam"].background
    )


def test_burning_sitting_perineal_pain_with_numbness_is_pudendal(assessor: Assessor) -> None:
    answers = {"pain_perineum": Y, "pain_burning": Y, "saddle_anaesthesia": Y, "worse_sitting": Y}
    result = assessor.assess(Evidence(answers, 45, Sex.FEMALE))
    assert result.ranking[0].condition == PN
    assert result.triage.level is TriageLevel.EMERGENCY


def test_saddle_numbness_with_bladder_or_sciatica_stays_cauda_equina(assessor: Assessor) -> None:
    # Negative controls: the cauda equina pictures keep cauda equina first.
    bladder = {
        "saddle_anaesthesia": Y,
        "urinary_retention_incontinence": Y,
        "pain_bilateral": Y,
        "pain_low_back": Y,
    }
    sciatica = {"saddle_anaesthesia": Y, "pain_low_back": Y, "pain_below_knee": Y}
    for answers, sex in [(bladder, Sex.FEMALE), (sciatica, Sex.MALE)]:
        result = assessor.assess(Evidence(answers, 45, sex))
        assert result.ranking[0].condition == CES
        assert result.triage.level is TriageLevel.EMERGENCY
