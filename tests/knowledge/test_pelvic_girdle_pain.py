"""Pregnancy-related pelvic girdle pain (European guidelines, Vleeming 2008) ranks as sacroiliac
joint pain, while standing-provoked pain in older adults stays neurogenic claudication and a
postpartum sacral fracture with its own signs stays a fracture."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y = Answer.YES


def test_pregnancy_is_a_strong_pointer_to_pelvic_girdle_pain(kb: KnowledgeBase) -> None:
    # Point prevalence about 20% in pregnant women against a background of 0.04.
    link = kb.conditions["sacroiliac_joint_dysfunction"].links["pregnancy_postpartum"]
    assert 0.15 <= link.p <= 0.3
    assert link.p / kb.findings["pregnancy_postpartum"].background >= 4


def test_guideline_picture_of_pelvic_girdle_pain_ranks_sacroiliac_first(
    assessor: Assessor,
) -> None:
    # Buttock pain radiating into the posterior thigh; standing and sitting endurance reduced.
    pgp = {
        "pregnancy_postpartum": Y,
        "pain_deep_buttock": Y,
        "pain_posterior_thigh": Y,
        "worse_standing": Y,
        "worse_sitting": Y,
    }
    assert ranked(assessor, pgp, 35, Sex.FEMALE)[0] == "sacroiliac_joint_dysfunction"


def test_standing_pain_in_an_older_man_stays_neurogenic_claudication(assessor: Assessor) -> None:
    # Negative control: the standing link must not pull SIJ pain over spinal stenosis.
    stenosis = {
        "pain_deep_buttock": Y,
        "pain_low_back": Y,
        "worse_standing": Y,
        "relief_sitting_flexion": Y,
    }
    assert ranked(assessor, stenosis, 67, Sex.MALE)[0] == "lumbar_spinal_stenosis"


def test_postpartum_sacral_fracture_signs_stay_a_fracture(assessor: Assessor) -> None:
    # Negative control: postpartum, but focal sacral tenderness and a painful hop test.
    fracture = {
        "pregnancy_postpartum": Y,
        "pain_deep_buttock": Y,
        "sacral_tenderness": Y,
        "hop_test_pain": Y,
    }
    assert ranked(assessor, fracture, 32, Sex.FEMALE)[0] == "sacral_stress_fracture"
