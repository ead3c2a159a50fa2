"""Red flags against the guidelines: single strong features fire, combination rules need the
combination, and each rule has a presentation where it must stay silent."""

from __future__ import annotations

import pytest

from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.triage.rules import fired_red_flags
from hipdx.types import Answer


def fired(kb: KnowledgeBase, yes: list[str], age: int | None) -> set[str]:
    return {f.id for f in fired_red_flags(kb, Evidence(dict.fromkeys(yes, Answer.YES), age))}


@pytest.mark.parametrize(
    ("yes", "age", "flag"),
    [
        # Age over 50 with constant pain unrelieved by rest or treatment (Finucane 2020, CKS).
        (
            ["pain_not_relieved_rest", "duration_over_3_months"],
            54,
            "malignancy_non_mechanical_pain_over_50",
        ),
        # Age over 50 and systemically unwell (appetite and sleep disturbed, looks ill).
        (
            ["systemically_unwell", "pain_deep_buttock"],
            55,
            "malignancy_non_mechanical_pain_over_50",
        ),
        # AHCPR red-flag age under 20: constant pain that also wakes the patient.
        (["night_pain", "pain_not_relieved_rest"], 16, "malignancy_non_mechanical_pain_under_20"),
        # Failed a month of conservative care, plus night pain, at a red-flag age (Deyo 1988).
        (
            ["night_pain", "no_improvement_one_month"],
            56,
            "malignancy_night_pain_failed_care_over_50",
        ),
        (["night_pain", "no_improvement_one_month"], 15, "malignancy_non_mechanical_pain_under_20"),
        (["night_pain", "weight_loss"], 35, "malignancy_night_pain_plus"),
        # Measured weakness that also makes the leg give way or the foot catch (AHCPR major motor).
        (["neuro_deficit_exam", "leg_weakness"], 48, "motor_deficit_with_leg_weakness"),
        # A missing pulse with a low resting ABI, exertional trigger unrecorded.
        (["pulse_abnormality", "abi_abnormal"], 33, "vascular_arterial_signs_combined"),
        # Runner with low energy availability (IOC RED-S): bone stress injury until MRI.
        (
            ["low_energy_availability", "endurance_athlete", "pain_deep_buttock"],
            21,
            "fracture_low_energy_athlete",
        ),
        # Adolescent sprinter, sudden pain in the back of the upper thigh: apophyseal avulsion.
        (
            ["onset_sudden_during_sport", "pain_posterior_thigh"],
            14,
            "avulsion_adolescent_acute_sport_injury",
        ),
        # Bruise with painful sitting on the sit bone: two avulsion features at the origin.
        (
            ["significant_bruising", "worse_sitting", "pain_posterior_thigh"],
            58,
            "avulsion_significant_bruising",
        ),
        (["palpable_gap", "ischial_tenderness"], 40, "avulsion_palpable_gap"),
        (
            ["hamstring_weakness", "onset_sudden_during_sport", "worse_sitting"],
            30,
            "avulsion_acute_injury_marked_weakness",
        ),
        # Unable to bear weight with nothing muscular to explain it (fracture, septic joint).
        (["inability_bear_weight", "pain_deep_buttock"], 30, "fracture_inability_bear_weight"),
        (["palpable_mass"], 46, "malignancy_palpable_mass"),
    ],
)
def test_guideline_feature_fires(kb: KnowledgeBase, yes: list[str], age: int, flag: str) -> None:
    assert flag in fired(kb, yes, age)


@pytest.mark.parametrize(
    ("yes", "age"),
    [
        # Chronic pain at 23: poor sleep, "constantly tired", many treatments without relief.
        (
            [
                "night_pain",
                "pain_not_relieved_rest",
                "no_improvement_one_month",
                "duration_over_3_months",
                "pain_low_back",
            ],
            23,
        ),
        # Constant radicular pain in an older adult explained by root compression on MRI.
        (["pain_not_relieved_rest", "mri_nerve_root_compression", "neuro_deficit_exam"], 71),
        # Not better after treatment at 72, without night pain or constant pain.
        (["no_improvement_one_month", "pain_perineum"], 72),
        # Grade 1-2 strain: sprinting, bruising, pain-limited weakness, no sign at the origin.
        (
            [
                "onset_sudden_during_sport",
                "significant_bruising",
                "hamstring_weakness",
                "pain_posterior_thigh",
                "leg_weakness",
            ],
            34,
        ),
        # Bruising alone.
        (["significant_bruising", "pain_posterior_thigh"], 28),
        # A mid-thigh defect with weakness and a first day off the leg: a muscle strain.
        (
            ["palpable_gap", "hamstring_weakness", "inability_bear_weight", "pain_posterior_thigh"],
            25,
        ),
        # Lump that came up with a big bruise after a fall on the buttock: haematoma.
        (["palpable_mass", "significant_bruising", "onset_fall", "onset_direct_blow"], 32),
        # Young cyclist with exertional thigh pain and a post-exercise ABI drop: routine.
        (["cycling", "endurance_athlete", "worse_exertion_thigh", "abi_abnormal"], 18),
        # An isolated absent foot pulse.
        (["pulse_abnormality"], 40),
        # Reflex or sensory change on examination without functional weakness.
        (["neuro_deficit_exam", "numbness_tingling", "pain_below_knee"], 45),
        # Adult sprinter's sudden posterior thigh pain: an ordinary strain.
        (["onset_sudden_during_sport", "pain_posterior_thigh", "sprint_sport_athlete"], 25),
        # Runner without low energy availability.
        (["endurance_athlete", "training_increase", "pain_deep_buttock"], 21),
    ],
)
def test_presentation_without_the_guideline_combination_fires_nothing(
    kb: KnowledgeBase, yes: list[str], age: int
) -> None:
    assert fired(kb, yes, age) == set()


def test_every_red_flag_cites_published_evidence(kb: KnowledgeBase) -> None:
    for flag in kb.red_flags.values():
        kinds = {kb.sources[s].kind for s in flag.sources}
        assert kinds & {"guideline", "literature"}, flag.id
