"""Presentations behind the likelihood audit of issue 3: where each corrected link must move the
differential, and a negative control where the same feature must not move it."""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex, TriageLevel
from tests.knowledge.vignette import ranked

Y, N = Answer.YES, Answer.NO


def p(kb: KnowledgeBase, condition: str, finding: str) -> float:
    link = kb.conditions[condition].links.get(finding)
    return link.p if link else kb.findings[finding].background


# (condition, finding, low, high, why): links checked against their published range.
PUBLISHED_RANGE = [
    ("hip_osteoarthritis", "pain_below_knee", 0.22, 0.47, "Lesher 2008 22%, Khan 2004 47%"),
    ("hip_osteoarthritis", "pain_posterior_thigh", 0.2, 0.3, "Lesher 2008 posterior thigh 24%"),
    ("deep_gluteal_syndrome", "numbness_tingling", 0.4, 0.6, "paraesthesia in about half"),
    ("deep_gluteal_syndrome", "onset_fall", 0.05, 0.25, "25% after major trauma, Park 2016"),
    ("malignancy", "duration_over_3_months", 0.45, 0.7, "median 6 months to diagnosis"),
    ("sacroiliac_joint_dysfunction", "pain_low_back", 0.65, 0.8, "lower lumbar 72%, Slipman 2000"),
    ("sacroiliac_joint_dysfunction", "pain_below_knee", 0.2, 0.35, "below knee 28%, Slipman 2000"),
    ("hip_osteoarthritis", "pain_low_back", 0.4, 0.55, "49% before THA, Parvizi 2010"),
    ("sacroiliac_joint_dysfunction", "worse_standing", 0.2, 0.5, "PGP standing, Vleeming 2008"),
]


@pytest.mark.parametrize(("condition", "finding", "low", "high", "why"), PUBLISHED_RANGE)
def test_link_within_published_range(
    kb: KnowledgeBase, condition: str, finding: str, low: float, high: float, why: str
) -> None:
    assert low <= p(kb, condition, finding) <= high, why


def test_pain_below_the_knee_does_not_rule_out_hip_osteoarthritis(assessor: Assessor) -> None:
    hip = {
        "pain_groin": Y,
        "pain_deep_buttock": Y,
        "hip_ir_limited": Y,
        "worse_activity_better_rest": Y,
        "pain_below_knee": Y,
    }
    assert ranked(assessor, hip, 66, Sex.FEMALE)[0] == "hip_osteoarthritis"


def test_radicular_picture_stays_spinal_despite_hip_referral(assessor: Assessor) -> None:
    # Negative control: below-knee pain with root signs and a matching root on MRI.
    root = {
        "pain_below_knee": Y,
        "pain_shooting_electric": Y,
        "numbness_tingling": Y,
        "pain_low_back": Y,
        "slr_positive": Y,
        "mri_nerve_root_compression": Y,
    }
    ranking = ranked(assessor, root, 60, Sex.MALE)
    assert ranking[0] == "lumbar_radiculopathy"
    assert ranking.index("hip_osteoarthritis") > 2


SCIATICA = {
    "pain_deep_buttock": Y,
    "pain_posterior_thigh": Y,
    "pain_below_knee": Y,
    "numbness_tingling": Y,
    "worse_sitting": Y,
}


def test_sciatica_without_spinal_features_points_to_the_deep_gluteal_space(
    assessor: Assessor,
) -> None:
    answers = {**SCIATICA, "pain_low_back": N, "mri_nerve_root_compression": N}
    assert ranked(assessor, answers, 45, Sex.FEMALE)[0] == "deep_gluteal_syndrome"


def test_sciatica_with_spinal_features_stays_radicular(assessor: Assessor) -> None:
    # Negative control: the same leg symptoms with back pain, cough pain and a compressed root.
    answers = {
        **SCIATICA,
        "pain_low_back": Y,
        "worse_cough_sneeze": Y,
        "mri_nerve_root_compression": Y,
    }
    assert ranked(assessor, answers, 45, Sex.FEMALE)[0] == "lumbar_radiculopathy"


def test_fall_onto_the_buttock_keeps_deep_gluteal_entrapment_in_view(assessor: Assessor) -> None:
    answers = {**SCIATICA, "onset_fall": Y, "pain_low_back": N}
    assert "deep_gluteal_syndrome" in ranked(assessor, answers, 38, Sex.FEMALE)[:2]


def test_blow_to_the_thigh_is_still_a_contusion(assessor: Assessor) -> None:
    # Negative control: a direct blow with a thigh bruise is a muscle injury, not an entrapment.
    answers = {
        "onset_direct_blow": Y,
        "pain_posterior_thigh": Y,
        "significant_bruising": Y,
        "hamstring_belly_tenderness": Y,
        "sprint_sport_athlete": Y,
    }
    ranking = ranked(assessor, answers, 22, Sex.MALE)
    assert ranking[0] == "hamstring_contusion"
    assert ranking.index("deep_gluteal_syndrome") > 2


def test_months_of_unrelenting_pain_favour_tumour_over_infection(assessor: Assessor) -> None:
    # Of the two causes of constant night pain, months of progression point to a tumour.
    def odds(answers: dict[str, Answer]) -> float:
        share = {r.condition: r.probability for r in assessor.assess(Evidence(answers, 62)).ranking}
        return share["malignancy"] / share["bone_joint_infection"]

    base = {"pain_not_relieved_rest": Y, "night_pain": Y, "pain_deep_buttock": Y}
    assert odds({**base, "duration_over_3_months": Y}) > 4 * odds(base)


def test_months_of_mechanical_hip_pain_stay_osteoarthritis(assessor: Assessor) -> None:
    # Negative control: long duration alone must not make a mechanical hip a tumour.
    answers = {
        "duration_over_3_months": Y,
        "worse_activity_better_rest": Y,
        "pain_groin": Y,
        "hip_ir_limited": Y,
    }
    result = assessor.assess(Evidence(answers, 68, Sex.FEMALE))
    share = {r.condition: r.probability for r in result.ranking}
    assert result.ranking[0].condition == "hip_osteoarthritis"
    assert share["malignancy"] < 0.02


def test_buttock_claudication_after_failed_decompression_suggests_iliac_disease(
    assessor: Assessor,
) -> None:
    answers = {
        "worse_walking_distance": Y,
        "relief_standing_still": Y,
        "pain_deep_buttock": Y,
        "pain_persists_after_spinal_surgery": Y,
        "pulse_abnormality": Y,
    }
    assert ranked(assessor, answers, 68, Sex.MALE)[0] == "vascular_claudication"


def test_radicular_pain_after_failed_surgery_does_not_suggest_iliac_disease(
    assessor: Assessor,
) -> None:
    # Negative control: persisting sciatica with root signs after surgery.
    answers = {
        "pain_persists_after_spinal_surgery": Y,
        "pain_below_knee": Y,
        "numbness_tingling": Y,
        "slr_positive": Y,
        "pain_shooting_electric": Y,
    }
    ranking = ranked(assessor, answers, 55, Sex.MALE)
    assert ranking.index("vascular_claudication") > 2


def test_exertional_thigh_pain_settling_on_stopping_fits_compartment_syndrome(
    assessor: Assessor,
) -> None:
    # A young endurance athlete with normal pulses: compartment syndrome, routine care.
    answers = {
        "endurance_athlete": Y,
        "worse_exertion_thigh": Y,
        "pain_dull_cramping": Y,
        "relief_standing_still": Y,
        "pulse_abnormality": N,
    }
    result = assessor.assess(Evidence(answers, 24))
    assert result.ranking[0].condition == "chronic_exertional_compartment_syndrome"
    assert result.triage.level is not TriageLevel.EMERGENCY


def test_relief_on_standing_still_does_not_point_an_older_claudicant_to_the_compartment(
    assessor: Assessor,
) -> None:
    # Negative control: walking-distance claudication with absent pulses in a 70-year-old smoker.
    answers = {
        "worse_walking_distance": Y,
        "relief_standing_still": Y,
        "vascular_risk_factors": Y,
        "pulse_abnormality": Y,
    }
    ranking = ranked(assessor, answers, 70, Sex.MALE)
    assert ranking[0] == "vascular_claudication"
    assert ranking.index("chronic_exertional_compartment_syndrome") > 2
