"""Session-10 likelihood review of gluteal and thigh compartment syndrome (the catalog condition
mixes the chronic exertional form with the acute form at an acute share of 0.35): localised
swelling is a classic presenting sign of the acute gluteal form (MacLean 2012) and 41% of acute
gluteal cases follow an operation (2022 review).
Values: docs/knowledge_review/serious_conditions.md."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y = Answer.YES
CONDITION = "chronic_exertional_compartment_syndrome"
ACUTE_SHARE = 0.35


def test_swelling_and_surgery_stay_within_the_acute_share(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    assert kb.findings["palpable_mass"].background < links["palpable_mass"].p <= ACUTE_SHARE
    surgery = links["recent_invasive_procedure"].p
    assert kb.findings["recent_invasive_procedure"].background < surgery <= ACUTE_SHARE * 0.41


def test_swollen_painful_buttock_after_hip_surgery_ranks_it_in_the_top_three(
    assessor: Assessor,
) -> None:
    # Acute gluteal form: constant buttock pain and swelling with numbness after surgery.
    answers = {
        "pain_deep_buttock": Y,
        "palpable_mass": Y,
        "numbness_tingling": Y,
        "recent_invasive_procedure": Y,
        "duration_under_6_weeks": Y,
        "pain_not_relieved_rest": Y,
    }
    assert CONDITION in ranked(assessor, answers, 45, Sex.MALE)[:3]


def test_slowly_growing_buttock_lump_is_not_compartment_syndrome_first(
    assessor: Assessor,
) -> None:
    # Negative control: months of a buttock lump with night pain in an older man.
    answers = {
        "pain_deep_buttock": Y,
        "palpable_mass": Y,
        "duration_over_3_months": Y,
        "night_pain": Y,
    }
    assert ranked(assessor, answers, 62, Sex.MALE)[0] != CONDITION
