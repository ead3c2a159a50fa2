"""Ischiofemoral impingement affects mostly middle-aged women (series means about 50; Singer
2015, Barros 2019): onset before 40 is less common than in the background, so a later onset no
longer counts against it relative to the younger hip conditions."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y, N = Answer.YES, Answer.NO
IFI = "ischiofemoral_impingement"
ONSET = "onset_before_40"


def test_onset_before_40_below_background_and_above_the_older_conditions(kb: KnowledgeBase) -> None:
    p = kb.conditions[IFI].links[ONSET].p
    assert kb.conditions["hip_osteoarthritis"].links[ONSET].p < p < kb.findings[ONSET].background
    assert p < kb.conditions["femoroacetabular_impingement"].links[ONSET].p


def test_middle_aged_long_stride_buttock_pain_ranks_ischiofemoral(assessor: Assessor) -> None:
    answers = {
        "pain_deep_buttock": Y,
        "worse_long_stride": Y,
        "worse_hip_extension": Y,
        ONSET: N,
        "duration_over_3_months": Y,
    }
    assert ranked(assessor, answers, 52)[0] == IFI


def test_young_onset_groin_pain_on_flexion_is_not_ischiofemoral(assessor: Assessor) -> None:
    # Negative control: an anterior, flexion-provoked hip pain with onset in the twenties.
    answers = {
        "pain_deep_buttock": Y,
        "pain_groin": Y,
        "worse_deep_squat": Y,
        "fadir_positive": Y,
        ONSET: Y,
    }
    assert IFI not in ranked(assessor, answers, 28)[:3]
