"""Red flags for recent bilateral sciatica, fever with back pain and sacral load injury, each
with the look-alike it must leave alone."""

from __future__ import annotations

import pytest

from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.triage.rules import fired_red_flags
from hipdx.types import Answer, TriageLevel


def fired(kb: KnowledgeBase, yes: list[str], age: int) -> set[str]:
    return {f.id for f in fired_red_flags(kb, Evidence(dict.fromkeys(yes, Answer.YES), age))}


@pytest.mark.parametrize(
    ("yes", "flag", "level"),
    [
        # GIRFT / SBNS-BASS: bilateral sciatica of recent onset, before any deficit is measured.
        (
            ["pain_bilateral", "numbness_tingling", "duration_under_6_weeks", "pain_low_back"],
            "ces_recent_bilateral_radicular_symptoms",
            TriageLevel.EMERGENCY,
        ),
        # Back pain with fever: spinal infection until proven otherwise (Davis 2004).
        (["fever", "pain_low_back"], "infection_fever_with_spinal_pain", TriageLevel.EMERGENCY),
        # Runner after a mileage increase, tender over the sacroiliac region (Fredericson 2003).
        (
            ["training_increase", "si_tenderness", "pain_deep_buttock", "endurance_athlete"],
            "fracture_sacral_tenderness_after_load_increase",
            TriageLevel.URGENT,
        ),
    ],
)
def test_rule_fires(kb: KnowledgeBase, yes: list[str], flag: str, level: TriageLevel) -> None:
    assert flag in fired(kb, yes, 40)
    assert kb.red_flags[flag].urgency is level


@pytest.mark.parametrize(
    ("yes", "flag"),
    [
        # Months of bilateral numbness on walking: neurogenic claudication, not CES.
        (
            ["pain_bilateral", "numbness_tingling", "duration_over_3_months"],
            "ces_recent_bilateral_radicular_symptoms",
        ),
        # Recent unilateral sciatica with tingling.
        (
            ["numbness_tingling", "duration_under_6_weeks", "pain_below_knee"],
            "ces_recent_bilateral_radicular_symptoms",
        ),
        # Recent alternating buttock pain without nerve symptoms (axial spondyloarthritis).
        (
            ["pain_bilateral", "pain_deep_buttock", "duration_under_6_weeks", "morning_stiffness"],
            "ces_recent_bilateral_radicular_symptoms",
        ),
        # Fever with buttock pain but no back pain stays with the urgent fever rule.
        (["fever", "pain_deep_buttock"], "infection_fever_with_spinal_pain"),
        # Back pain without fever.
        (["pain_low_back", "night_pain"], "infection_fever_with_spinal_pain"),
        # Athlete with SI tenderness and no change in load: SI joint or spondyloarthritis.
        (
            ["si_tenderness", "pain_deep_buttock", "sprint_sport_athlete"],
            "fracture_sacral_tenderness_after_load_increase",
        ),
        # Training increase with hamstring-origin pain, nothing over the sacrum.
        (
            ["training_increase", "pain_sit_bone", "worse_sitting"],
            "fracture_sacral_tenderness_after_load_increase",
        ),
    ],
)
def test_look_alike_does_not_fire(kb: KnowledgeBase, yes: list[str], flag: str) -> None:
    assert flag not in fired(kb, yes, 40)


def test_fever_with_months_of_buttock_pain_stays_urgent(kb: KnowledgeBase) -> None:
    # New buttock pain with a fever is an emergency (test_fever_with_buttock_pain.py).
    flags = fired(kb, ["fever", "pain_deep_buttock", "duration_over_3_months"], 45)
    assert "infection_fever" in flags
    assert all(kb.red_flags[f].urgency is TriageLevel.URGENT for f in flags)


def test_sign_of_the_buttock_is_urgent_and_limited_straight_leg_raise_is_not(
    kb: KnowledgeBase,
) -> None:
    """Cyriax's sign marks serious pathology; a painful straight-leg raise alone is sciatica."""
    assert "sign_of_the_buttock" in fired(kb, ["sign_of_the_buttock", "night_pain"], 77)
    assert kb.red_flags["sign_of_the_buttock"].urgency is TriageLevel.URGENT
    assert "sign_of_the_buttock" not in fired(kb, ["slr_positive", "pain_deep_buttock"], 77)
