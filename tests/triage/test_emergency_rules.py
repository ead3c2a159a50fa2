"""Emergency rules for dangerous mimics: each fires on its guideline presentation and stays
silent on the look-alike it must not call an emergency."""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.triage.rules import fired_red_flags
from hipdx.types import Answer, TriageLevel


def fired(kb: KnowledgeBase, yes: list[str], age: int | None) -> set[str]:
    return {f.id for f in fired_red_flags(kb, Evidence(dict.fromkeys(yes, Answer.YES), age))}


@pytest.mark.parametrize(
    ("yes", "age", "flag"),
    [
        # Found down after an overdose, sciatic deficit in the leg (Henson 2009; 2022 review).
        (
            ["prolonged_immobilisation", "pain_deep_buttock", "neuro_deficit_exam"],
            23,
            "compartment_after_prolonged_immobilisation",
        ),
        # Weakness and raised CK after heroin use: rhabdomyolysis of a compartment syndrome.
        (
            ["raised_creatine_kinase", "neuro_deficit_exam", "leg_weakness"],
            55,
            "rhabdomyolysis_with_deficit",
        ),
        # Bilateral radiculopathy of recent onset with weakness (GIRFT, SBNS/BASS).
        (
            ["pain_bilateral", "neuro_deficit_exam", "leg_weakness", "duration_under_6_weeks"],
            54,
            "ces_recent_bilateral_motor_deficit",
        ),
        # A deficit getting worse with symptoms in both legs: evolving cauda equina syndrome.
        (
            ["progressive_neuro_deficit", "pain_bilateral", "leg_weakness"],
            38,
            "ces_progressive_bilateral_deficit",
        ),
        # Recent erectile failure with a deficit in acute sciatica.
        (
            ["sexual_dysfunction", "neuro_deficit_exam", "duration_under_6_weeks"],
            44,
            "ces_sexual_dysfunction_with_deficit",
        ),
        (
            ["sexual_dysfunction", "progressive_neuro_deficit"],
            44,
            "ces_sexual_dysfunction_progressive_deficit",
        ),
    ],
)
def test_emergency_rule_fires(kb: KnowledgeBase, yes: list[str], age: int, flag: str) -> None:
    assert flag in fired(kb, yes, age)
    assert kb.red_flags[flag].urgency is TriageLevel.EMERGENCY


@pytest.mark.parametrize(
    ("yes", "age"),
    [
        # Months of buttock pain, then a long lie: no deficit, raised CK or tense limb, and the
        # pain predates it (new pain after immobilisation is an emergency on its own).
        (["prolonged_immobilisation", "pain_deep_buttock", "duration_over_3_months"], 35),
        # Raised CK after a marathon with cramps and sore thighs, no deficit.
        (["raised_creatine_kinase", "involuntary_contraction", "endurance_athlete"], 35),
        # Leriche triad: longstanding erectile failure, buttock claudication, diabetic sensory loss.
        (
            [
                "sexual_dysfunction",
                "worse_walking_distance",
                "vascular_risk_factors",
                "neuro_deficit_exam",
                "pain_deep_buttock",
            ],
            58,
        ),
        # Pudendal neuralgia: chronic sexual pain without a deficit.
        (["sexual_dysfunction", "pain_perineum", "duration_over_3_months"], 35),
    ],
)
def test_look_alike_fires_no_emergency(kb: KnowledgeBase, yes: list[str], age: int) -> None:
    emergencies = {
        f for f in fired(kb, yes, age) if kb.red_flags[f].urgency is TriageLevel.EMERGENCY
    }
    assert emergencies == set()


def test_chronic_bilateral_stenosis_with_weakness_is_urgent_not_emergency(
    assessor: Assessor,
) -> None:
    """Months of bilateral leg symptoms with a deficit: the urgent motor rule, not CES."""
    evidence = Evidence(
        dict.fromkeys(
            [
                "pain_bilateral",
                "neuro_deficit_exam",
                "leg_weakness",
                "duration_over_3_months",
                "worse_walking_distance",
            ],
            Answer.YES,
        ),
        age=72,
    )
    triage = assessor.assess(evidence).triage
    assert "ces_recent_bilateral_motor_deficit" not in triage.red_flags
    assert triage.level is TriageLevel.URGENT


def test_leriche_triad_ranks_vascular_above_cauda_equina(assessor: Assessor) -> None:
    """Erectile failure with buttock claudication in a smoker is aorto-iliac disease first."""
    evidence = Evidence(
        dict.fromkeys(
            [
                "sexual_dysfunction",
                "worse_walking_distance",
                "vascular_risk_factors",
                "pain_deep_buttock",
                "pulse_abnormality",
            ],
            Answer.YES,
        ),
        age=58,
    )
    result = assessor.assess(evidence)
    assert result.ranking[0].condition == "vascular_claudication"
    assert result.triage.level is TriageLevel.URGENT
