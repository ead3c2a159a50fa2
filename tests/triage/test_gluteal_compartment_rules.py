"""Acute gluteal compartment syndrome: the combinations the literature names (muscle breakdown
with buttock pain or swelling; new pain or swelling after hours in one position or an operation;
a sciatic deficit beside a large haematoma) are emergencies, and their look-alikes (sore thighs
after a race, a myopathy, months of pain, long sitting, a bruise with tingling, a lump) are
not."""

from __future__ import annotations

import pytest

from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.triage.rules import fired_red_flags
from hipdx.types import Answer, TriageLevel


def emergencies(kb: KnowledgeBase, yes: list[str], age: int | None = None) -> set[str]:
    flags = fired_red_flags(kb, Evidence(dict.fromkeys(yes, Answer.YES), age))
    return {f.id for f in flags if f.urgency is TriageLevel.EMERGENCY}


@pytest.mark.parametrize(
    ("yes", "flag"),
    [
        # Passed out after drugs (not volunteered), buttock pain, CK up and renal failure.
        (["raised_creatine_kinase", "pain_deep_buttock"], "rhabdomyolysis_with_buttock_pain"),
        # Unresolving rhabdomyolysis, then a swollen, firm buttock.
        (
            ["raised_creatine_kinase", "palpable_mass", "duration_under_6_weeks"],
            "rhabdomyolysis_with_buttock_pain",
        ),
        # Found down after an overdose with a swollen buttock.
        (
            ["prolonged_immobilisation", "palpable_mass", "pain_deep_buttock"],
            "compartment_after_prolonged_immobilisation",
        ),
        # A fall onto the buttock, a big haematoma and foot-drop weakness on examination.
        (
            ["onset_fall", "significant_bruising", "neuro_deficit_exam", "pain_deep_buttock"],
            "sciatic_deficit_after_hamstring_injury",
        ),
        (
            ["significant_bruising", "progressive_neuro_deficit", "pain_posterior_thigh"],
            "progressive_deficit_after_hamstring_injury",
        ),
        # A tense, swollen buttock or thigh fires on its own.
        (["thigh_swelling_tense"], "acute_thigh_compartment_syndrome"),
        # Severe buttock pain from the end of an operation, nothing examined yet (Khalifa 2020).
        (
            ["prolonged_immobilisation", "pain_deep_buttock", "pain_below_knee"],
            "compartment_pain_after_prolonged_immobilisation",
        ),
        (
            ["prolonged_immobilisation", "pain_posterior_thigh", "duration_under_6_weeks"],
            "compartment_pain_after_prolonged_immobilisation",
        ),
        # The interview's yes to "did you lie in one position for hours before the pain?".
        (["prolonged_immobilisation"], "compartment_pain_after_prolonged_immobilisation"),
    ],
)
def test_named_combinations_are_emergencies(kb: KnowledgeBase, yes: list[str], flag: str) -> None:
    assert flag in emergencies(kb, yes, 45)


@pytest.mark.parametrize(
    "yes",
    [
        # Raised CK after a marathon with sore hamstrings: no buttock sign.
        ["raised_creatine_kinase", "pain_posterior_thigh", "endurance_athlete"],
        # Months of buttock ache with a raised CK: a myopathy, not a compartment syndrome.
        ["raised_creatine_kinase", "pain_deep_buttock", "duration_over_3_months"],
        # Months of buttock ache and a night lying still: the pain predates it.
        ["prolonged_immobilisation", "pain_deep_buttock", "duration_over_3_months"],
        # Buttock pain after long hours sitting at a desk or on a flight is not immobilisation.
        ["prolonged_sitting_occupation", "pain_deep_buttock", "worse_sitting"],
        # A bruise from a fall with tingling or felt weakness, no deficit on examination.
        ["onset_fall", "significant_bruising", "numbness_tingling", "pain_deep_buttock"],
        ["onset_direct_blow", "significant_bruising", "leg_weakness", "pain_posterior_thigh"],
        # A buttock lump without muscle breakdown or immobilisation.
        ["palpable_mass", "pain_deep_buttock"],
        # A radiculopathy with a deficit and no haematoma.
        ["neuro_deficit_exam", "pain_deep_buttock", "pain_below_knee", "slr_positive"],
    ],
)
def test_look_alikes_are_not_emergencies(kb: KnowledgeBase, yes: list[str]) -> None:
    assert not emergencies(kb, yes, 45)
