"""Session-10 likelihood review of bone and joint infection: infectious sacroiliitis presents with
lumbogluteal pain (36/39), painful SI stressing, fever in only 16/39 and leukocytosis in 15/39
(Hermet 2012); pyogenic vertebral osteomyelitis has neurological deficits in 32% (Mylona 2009).
Values and rationale: docs/knowledge_review/serious_conditions.md."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y, N = Answer.YES, Answer.NO
CONDITION = "bone_joint_infection"


def test_white_cell_count_is_often_normal_in_adults(kb: KnowledgeBase) -> None:
    # Leukocytosis in 38% of infectious sacroiliitis; children's septic hips run higher.
    assert 0.3 <= kb.conditions[CONDITION].links["raised_white_cell_count"].p <= 0.55


def test_deficits_sit_below_the_spinal_rate_and_match_malignancy(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    for finding in ("neuro_deficit_exam", "leg_weakness"):
        # Half or less of the 32% of vertebral osteomyelitis, above the background.
        assert kb.findings[finding].background < links[finding].p <= 0.16
    tumour = kb.conditions["malignancy"].links
    assert links["neuro_deficit_exam"].p == tumour["neuro_deficit_exam"].p
    assert links["leg_weakness"].p == tumour["leg_weakness"].p


def test_faber_matches_the_sacroiliac_stress_tests(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    assert links["faber_posterior_pain"].p == links["si_provocation_cluster"].p


def test_afebrile_septic_sacroiliitis_ranks_it_in_the_top_three(assessor: Assessor) -> None:
    # Hermet's typical patient: weeks of lumbogluteal pain, cannot walk, painful SI stressing,
    # raised CRP with a normal white count and no fever.
    answers = {
        "pain_low_back": Y,
        "pain_deep_buttock": Y,
        "inability_bear_weight": Y,
        "faber_posterior_pain": Y,
        "si_provocation_two_tests": Y,
        "raised_inflammatory_markers": Y,
        "raised_white_cell_count": N,
        "fever": N,
        "duration_under_6_weeks": Y,
    }
    assert CONDITION in ranked(assessor, answers, 38)[:3]


def test_chronic_mechanical_sacroiliac_pain_is_not_infection_first(assessor: Assessor) -> None:
    # Negative control: months of SI-region pain with positive FABER and SI tests, normal CRP.
    answers = {
        "pain_deep_buttock": Y,
        "pain_si_region": Y,
        "faber_posterior_pain": Y,
        "si_provocation_two_tests": Y,
        "duration_over_3_months": Y,
        "raised_inflammatory_markers": N,
    }
    assert ranked(assessor, answers, 38)[0] != CONDITION


def test_afebrile_radiculopathy_with_weakness_is_not_infection_first(assessor: Assessor) -> None:
    # Negative control: sciatica with weakness, a deficit and a positive SLR, no fever.
    answers = {
        "pain_low_back": Y,
        "pain_below_knee": Y,
        "leg_weakness": Y,
        "neuro_deficit_exam": Y,
        "slr_positive": Y,
        "fever": N,
    }
    assert ranked(assessor, answers, 45, Sex.MALE)[0] != CONDITION
