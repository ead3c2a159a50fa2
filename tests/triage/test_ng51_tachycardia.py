"""NICE NG51 tiers for a fast pulse: a rate over 130 (or hypotension, mottling, new confusion) is
a high-risk sign of sepsis and an emergency on its own; a rate of 91-130 or a tachycardia written
without a rate is a moderate-risk finding that needs a second criterion beside it."""

from __future__ import annotations

import pytest

from hipdx.assessment import default_assessor
from hipdx.engine.evidence import Evidence
from hipdx.intake import build_evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.triage.rules import fired_red_flags
from hipdx.types import Answer, TriageLevel


def read(text: str, age: int | None = None) -> tuple[dict[str, Answer], TriageLevel, set[str]]:
    """Findings read, triage level and red flags for one text (default assessor)."""
    intake = build_evidence(None, age, None, text)
    result = default_assessor().assess(intake.evidence)
    readings = {f.finding: f.value for f in intake.read_from_text}
    return readings, result.triage.level, set(result.triage.red_flags)


@pytest.mark.parametrize(
    "text",
    [
        "Buttock pain. HR 140, BP 85/50.",
        "Hip pain; tachycardic at 150.",
        "Buttock pain, skin mottled and new confusion.",
    ],
)
def test_high_risk_signs_are_sepsis_signs(text: str) -> None:
    readings, level, flags = read(text)
    assert readings.get("sepsis_signs") is Answer.YES
    assert "infection_sepsis_signs" in flags
    assert level is TriageLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "Buttock pain for 2 days, he was tachycardic.",
        "Buttock pain for 2 days. HR 110.",
        "Hip pain after a fall. Pulse 124.",
    ],
)
def test_a_lone_fast_pulse_is_moderate_risk_not_sepsis(text: str) -> None:
    readings, level, flags = read(text)
    assert readings.get("tachycardia") is Answer.YES
    assert "sepsis_signs" not in readings
    assert "infection_sepsis_signs" not in flags
    assert level is not TriageLevel.EMERGENCY


def test_fast_pulse_with_fever_still_reads_fever_and_a_systemic_finding() -> None:
    readings, level, flags = read("Hip pain, tachycardic at 105 with fever 38.9.")
    assert readings.get("fever") is Answer.YES
    assert readings.get("tachycardia") is Answer.YES
    assert "sepsis_signs" not in readings
    assert "infection_fever_with_risk_or_signs" in flags
    assert level is TriageLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "History of supraventricular tachycardia; buttock pain for 3 months.",
        "Peak heart rate 185 on the treadmill test.",
        "Blood pressure 150/90, pulse 88.",
    ],
)
def test_a_rhythm_diagnosis_an_exercise_rate_or_a_normal_pulse_is_no_tachycardia(
    text: str,
) -> None:
    readings, _, _ = read(text)
    assert "tachycardia" not in readings
    assert "sepsis_signs" not in readings


def fired(kb: KnowledgeBase, yes: list[str], age: int | None) -> set[str]:
    return {f.id for f in fired_red_flags(kb, Evidence(dict.fromkeys(yes, Answer.YES), age))}


@pytest.mark.parametrize(
    "second",
    [
        "raised_inflammatory_markers",
        "raised_white_cell_count",
        "immunosuppression_or_ivdu",
        "recent_invasive_procedure",
    ],
)
def test_tachycardia_with_a_second_ng51_criterion_is_an_emergency(
    kb: KnowledgeBase, second: str
) -> None:
    assert "infection_tachycardia_with_second_criterion" in fired(
        kb, ["tachycardia", "pain_low_back", second], 58
    )


@pytest.mark.parametrize(
    "other",
    [
        # pain or anxiety: no infection feature beside the pulse
        ["pain_deep_buttock", "onset_sudden_during_sport"],
        ["pain_low_back", "duration_under_6_weeks"],
        ["pain_posterior_thigh", "significant_bruising"],
    ],
)
def test_tachycardia_alone_fires_no_red_flag(kb: KnowledgeBase, other: list[str]) -> None:
    assert fired(kb, ["tachycardia", *other], 35) == set()


@pytest.mark.parametrize(
    ("age", "rate", "expect"),
    [
        # NG51 tables 1 and 2: a child's normal rate is faster, so the bands move with age.
        (4, 125, set()),
        (4, 135, {"tachycardia"}),
        (4, 145, {"tachycardia", "sepsis_signs"}),
        (9, 100, set()),
        (9, 110, {"tachycardia"}),
        (9, 120, {"tachycardia", "sepsis_signs"}),
        # 12 and over: the adult lines (over 90, over 130).
        (40, 110, {"tachycardia"}),
        (40, 135, {"tachycardia", "sepsis_signs"}),
    ],
)
def test_heart_rate_is_read_against_the_ng51_band_for_the_age(
    age: int, rate: int, expect: set[str]
) -> None:
    readings, _, _ = read(f"A {age}-year-old with hip pain for 2 days. HR {rate}.")
    assert {f for f in ("tachycardia", "sepsis_signs") if readings.get(f) is Answer.YES} == expect


def test_a_form_age_sets_the_band_when_the_text_gives_none() -> None:
    """The age of a form field reaches the heart-rate bands: 135 is high risk at 40, not at 3."""
    child, _, _ = read("Hip pain for 2 days, limping. HR 135.", age=3)
    adult, _, _ = read("Hip pain for 2 days, limping. HR 135.", age=40)
    assert child.get("sepsis_signs") is not Answer.YES and child.get("tachycardia") is Answer.YES
    assert adult.get("sepsis_signs") is Answer.YES
