"""Session-11 pair review (D-A): a typical presentation of each member of a mimic pair, as the
mimic literature describes it, ranks that member above the other (both directions). Tables and
sources: docs/knowledge_review (D-A pair tables)."""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y, N = Answer.YES, Answer.NO

VIGNETTES = {
    # Insufficiency fracture (Grasland 1996; Schindler 2007): an old woman, weeks of low back and
    # buttock pain without trauma, limping, tender over the SI joint, FABER positive.
    "sacral_insufficiency_over_si_joint": (
        78,
        Sex.FEMALE,
        {
            "pain_low_back": Y,
            "pain_deep_buttock": Y,
            "duration_under_6_weeks": Y,
            "pelvic_trauma": N,
            "antalgic_gait": Y,
            "si_tenderness": Y,
            "faber_posterior_pain": Y,
        },
        "sacral_stress_fracture",
        "sacroiliac_joint_dysfunction",
    ),
    # SI joint pain (Cohen 2013; Laslett 2005): months of pain beside the PSIS, worse rising and
    # sitting, three provocation tests positive, walking normally.
    "si_joint_over_sacral_fracture": (
        46,
        Sex.FEMALE,
        {
            "pain_si_region": Y,
            "pain_deep_buttock": Y,
            "duration_over_3_months": Y,
            "worse_transitional": Y,
            "worse_sitting": Y,
            "si_provocation_cluster": Y,
            "antalgic_gait": N,
        },
        "sacroiliac_joint_dysfunction",
        "sacral_stress_fracture",
    ),
    # Tumour along the sciatic nerve (Bickels 1999): constant, progressive buttock and leg pain
    # unrelieved by rest, a failed piriformis injection.
    "tumour_sciatica_over_deep_gluteal": (
        56,
        Sex.FEMALE,
        {
            "pain_deep_buttock": Y,
            "pain_posterior_thigh": Y,
            "duration_over_3_months": Y,
            "pain_progressive": Y,
            "pain_not_relieved_rest": Y,
            "night_pain": Y,
            "relief_piriformis_injection": N,
        },
        "malignancy",
        "deep_gluteal_syndrome",
    ),
    # Deep gluteal syndrome: sitting pain, notch tenderness, a piriformis injection that helped.
    "deep_gluteal_over_tumour": (
        44,
        Sex.FEMALE,
        {
            "pain_deep_buttock": Y,
            "pain_posterior_thigh": Y,
            "worse_sitting": Y,
            "sciatic_notch_tenderness": Y,
            "pain_progressive": N,
            "relief_piriformis_injection": Y,
        },
        "deep_gluteal_syndrome",
        "malignancy",
    ),
    # Metastasis vs infection: a cancer history and months of progressive pain, no fever.
    "tumour_over_infection": (
        68,
        Sex.MALE,
        {
            "pain_deep_buttock": Y,
            "history_of_cancer": Y,
            "pain_progressive": Y,
            "duration_over_3_months": Y,
            "weight_loss": Y,
            "fever": N,
        },
        "malignancy",
        "bone_joint_infection",
    ),
    # Infection: days of fever and worsening pain in a drug user, raised white cells.
    "infection_over_tumour": (
        34,
        Sex.MALE,
        {
            "pain_deep_buttock": Y,
            "fever": Y,
            "duration_under_6_weeks": Y,
            "immunosuppression_or_ivdu": Y,
            "raised_white_cell_count": Y,
            "antalgic_gait": Y,
        },
        "bone_joint_infection",
        "malignancy",
    ),
    # Myositis ossificans (Devilbiss 2018): a kick weeks ago, a firm growing lump, stiff knee.
    "myositis_over_sarcoma": (
        19,
        Sex.MALE,
        {
            "onset_direct_blow": Y,
            "injury_weeks_ago_worsening": Y,
            "palpable_mass": Y,
            "knee_flexion_limited": Y,
            "pain_posterior_thigh": Y,
        },
        "myositis_ossificans",
        "malignancy",
    ),
    # Soft-tissue sarcoma: a large growing lump with no injury (Scottish referral guidelines).
    "sarcoma_over_myositis": (
        52,
        Sex.MALE,
        {
            "palpable_mass": Y,
            "mass_suspicious_features": Y,
            "onset_direct_blow": N,
            "onset_sudden_during_sport": N,
            "pain_posterior_thigh": Y,
        },
        "malignancy",
        "myositis_ossificans",
    ),
    # Avulsion (Colosimo): forced hip flexion with the knee straight, a pop, bruising, sit-bone
    # pain, weak knee flexion, a stiff-legged gait.
    "avulsion_over_strain": (
        47,
        Sex.MALE,
        {
            "onset_forced_flexion": Y,
            "onset_sudden_pop": Y,
            "significant_bruising": Y,
            "pain_sit_bone": Y,
            "hamstring_weakness": Y,
            "antalgic_gait": Y,
        },
        "proximal_hamstring_avulsion",
        "hamstring_strain",
    ),
    # Strain: a sprinter pulls up with mid-thigh pain, tender muscle belly.
    "strain_over_avulsion": (
        22,
        Sex.MALE,
        {
            "onset_sudden_during_sport": Y,
            "sprint_sport_athlete": Y,
            "pain_posterior_thigh": Y,
            "hamstring_belly_tenderness": Y,
            "pain_sit_bone": N,
        },
        "hamstring_strain",
        "proximal_hamstring_avulsion",
    ),
    # Axial SpA (Rudwaleit 2006): Berlin items and HLA-B27 in a young man.
    "axial_spa_over_si_joint": (
        27,
        Sex.MALE,
        {
            "pain_deep_buttock": Y,
            "duration_over_3_months": Y,
            "morning_stiffness": Y,
            "better_with_exercise": Y,
            "pain_alternating_buttock": Y,
            "hla_b27_positive": Y,
        },
        "axial_spondyloarthritis",
        "sacroiliac_joint_dysfunction",
    ),
    # SI joint pain after pregnancy: provocation tests and a block that relieved it.
    "si_joint_over_axial_spa": (
        38,
        Sex.FEMALE,
        {
            "pain_si_region": Y,
            "pregnancy_postpartum": Y,
            "worse_transitional": Y,
            "si_provocation_cluster": Y,
            "relief_si_block": Y,
            "morning_stiffness": N,
        },
        "sacroiliac_joint_dysfunction",
        "axial_spondyloarthritis",
    ),
}


@pytest.mark.parametrize("name", sorted(VIGNETTES))
def test_typical_member_ranks_above_its_mimic(assessor: Assessor, name: str) -> None:
    age, sex, answers, winner, loser = VIGNETTES[name]
    order = ranked(assessor, answers, age, sex)
    assert order.index(winner) < order.index(loser), order[:5]
