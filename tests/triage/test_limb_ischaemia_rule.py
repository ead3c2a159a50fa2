"""Acute limb ischaemia (ESVS 2020, the six Ps): a cold, pulseless leg with numbness or weakness
is an emergency; chronic arterial disease and single signs stay with the urgent vascular rules."""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.triage.rules import fired_red_flags
from hipdx.types import Answer, TriageLevel

FLAG = "vascular_acute_limb_ischaemia"


def fired(kb: KnowledgeBase, yes: list[str], age: int = 70) -> set[str]:
    return {f.id for f in fired_red_flags(kb, Evidence(dict.fromkeys(yes, Answer.YES), age))}


@pytest.mark.parametrize("neuro", ["numbness_tingling", "leg_weakness", "neuro_deficit_exam"])
def test_cold_pulseless_leg_with_a_neurological_sign_is_an_emergency(
    kb: KnowledgeBase, assessor: Assessor, neuro: str
) -> None:
    yes = ["pulse_abnormality", "cool_skin_leg", neuro, "pain_deep_buttock"]
    assert FLAG in fired(kb, yes)
    evidence = Evidence(dict.fromkeys(yes, Answer.YES), 70)
    assert assessor.assess(evidence).triage.level is TriageLevel.EMERGENCY


@pytest.mark.parametrize(
    "yes",
    [
        # Claudication with a cold, pulseless leg but no sensory loss or weakness: urgent.
        ["pulse_abnormality", "cool_skin_leg", "worse_walking_distance"],
        # Absent foot pulse with sciatica numbness, limb warm: not ischaemia.
        ["pulse_abnormality", "numbness_tingling", "pain_posterior_thigh"],
        # Years of claudication with neuropathy: chronic arterial disease.
        ["pulse_abnormality", "cool_skin_leg", "numbness_tingling", "duration_over_3_months"],
    ],
)
def test_single_signs_and_chronic_disease_are_not_acute_ischaemia(
    kb: KnowledgeBase, yes: list[str]
) -> None:
    assert FLAG not in fired(kb, yes)


def test_claudication_with_signs_stays_urgent(assessor: Assessor) -> None:
    yes = ["pulse_abnormality", "cool_skin_leg", "worse_walking_distance"]
    evidence = Evidence(dict.fromkeys(yes, Answer.YES), 70)
    assert assessor.assess(evidence).triage.level is TriageLevel.URGENT
