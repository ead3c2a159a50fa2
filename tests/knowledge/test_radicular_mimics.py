"""Radiculopathy mimics (issue 3): referral patterns of SI joint and hip pain that reach the back
or below the knee must not hand the case to a nerve root, while a true radicular picture (deficit,
positive straight-leg raise, paraesthesia) must stay spinal."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.types import Answer, Sex

Y, N = Answer.YES, Answer.NO


def top(assessor: Assessor, answers: dict[str, Answer], age: int, sex: Sex) -> str:
    return assessor.assess(Evidence(answers, age, sex)).ranking[0].condition


SI_JOINT = {
    "pain_deep_buttock": Y,
    "pain_low_back": Y,
    "pain_below_knee": Y,
    "si_tenderness": Y,
    "slr_positive": N,
}
ROOT_SIGNS = {
    "slr_positive": Y,
    "numbness_tingling": Y,
    "neuro_deficit_exam": Y,
    "pain_shooting_electric": Y,
}


def test_si_joint_pain_reaching_the_calf_stays_si_joint(assessor: Assessor) -> None:
    assert top(assessor, SI_JOINT, 40, Sex.FEMALE) == "sacroiliac_joint_dysfunction"


def test_calf_pain_with_root_signs_stays_radicular(assessor: Assessor) -> None:
    # Negative control: the same pain map with a dermatomal deficit and a positive SLR.
    assert top(assessor, SI_JOINT | ROOT_SIGNS, 40, Sex.FEMALE) == "lumbar_radiculopathy"


HIP = {"pain_deep_buttock": Y, "pain_low_back": Y, "hip_ir_limited": Y}


def test_back_pain_with_a_stiff_hip_stays_hip_osteoarthritis(assessor: Assessor) -> None:
    assert top(assessor, HIP, 62, Sex.MALE) == "hip_osteoarthritis"


def test_back_pain_with_a_stiff_hip_and_root_signs_stays_radicular(assessor: Assessor) -> None:
    # Negative control: classic dermatomal sciatica below the knee in the same older patient.
    sciatica = HIP | ROOT_SIGNS | {"pain_below_knee": Y}
    assert top(assessor, sciatica, 62, Sex.MALE) == "lumbar_radiculopathy"
