"""A low-energy fall onto the buttocks is how a fragility fracture of the sacrum often begins in
older people, so it must count for the fracture rather than only for sacroiliac joint pain."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y, N = Answer.YES, Answer.NO


def test_a_fall_onto_the_buttocks_is_within_the_falls_that_precede_the_fracture(
    kb: KnowledgeBase,
) -> None:
    links = kb.conditions["sacral_stress_fracture"].links
    assert kb.findings["pelvic_trauma"].background < links["pelvic_trauma"].p
    # A fall onto the buttocks is one kind of fall.
    assert links["pelvic_trauma"].p <= links["onset_fall"].p


def test_older_woman_after_a_fall_onto_the_buttocks_keeps_sacral_fracture_in_top_three(
    assessor: Assessor,
) -> None:
    fall = {
        "duration_under_6_weeks": Y,
        "onset_fall": Y,
        "pelvic_trauma": Y,
        "pain_posterior_thigh": Y,
        "neuro_deficit_exam": N,
    }
    assert "sacral_stress_fracture" in ranked(assessor, fall, 72, Sex.FEMALE)[:3]


def test_young_man_after_a_fall_onto_the_buttocks_is_not_suspected_of_a_sacral_fracture(
    assessor: Assessor,
) -> None:
    # Negative control: the same fall in a 28-year-old man, no bone fragility.
    fall = {
        "duration_under_6_weeks": Y,
        "onset_fall": Y,
        "pelvic_trauma": Y,
        "pain_deep_buttock": Y,
    }
    assert "sacral_stress_fracture" not in ranked(assessor, fall, 28, Sex.MALE)[:3]
