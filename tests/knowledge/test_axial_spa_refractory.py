"""Axial spondyloarthritis: inflammatory back pain does not improve with rest (ASAS item) and is
treated as mechanical pain for years first (pooled mean diagnostic delay 6.7 years, Zhao 2021), so
failure of a month of rest or physiotherapy is common in it."""

from __future__ import annotations

from functools import partial

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked as ranked_vignette

Y = Answer.YES
AXSPA = "axial_spondyloarthritis"
REFRACTORY = "no_improvement_one_month"


ranked = partial(ranked_vignette, sex=Sex.MALE)


def test_refractory_course_is_common_but_not_a_red_flag_level(kb: KnowledgeBase) -> None:
    p = kb.conditions[AXSPA].links[REFRACTORY].p
    assert kb.findings[REFRACTORY].background < p <= kb.conditions["malignancy"].links[REFRACTORY].p


def test_young_man_with_refractory_chronic_back_and_buttock_pain_ranks_axial_spa(
    assessor: Assessor,
) -> None:
    answers = {
        "pain_low_back": Y,
        "pain_deep_buttock": Y,
        "onset_before_40": Y,
        "onset_gradual": Y,
        "duration_over_3_months": Y,
        REFRACTORY: Y,
    }
    assert ranked(assessor, answers, 26)[0] == AXSPA


def test_refractory_sit_bone_pain_stays_a_hamstring_tendinopathy(assessor: Assessor) -> None:
    # Negative control: a failed month of treatment does not make local sitting pain inflammatory.
    answers = {
        "pain_deep_buttock": Y,
        "pain_sit_bone": Y,
        "worse_sitting": Y,
        "duration_over_3_months": Y,
        REFRACTORY: Y,
    }
    assert ranked(assessor, answers, 26)[0] == "proximal_hamstring_tendinopathy"
