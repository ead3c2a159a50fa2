"""Session-10 likelihood review of axial spondyloarthritis: clinical hip involvement in 24-36% of
ankylosing spondylitis (Vander Cruyssen 2010); inflammatory back pain does not improve with rest
and stiffens with sitting (Berlin criteria, Rudwaleit 2006); sacroiliitis makes FABER and the SI
stress tests painful. Values and rationale: docs/knowledge_review/serious_conditions.md."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y = Answer.YES
CONDITION = "axial_spondyloarthritis"


def test_hip_pain_sits_at_or_below_the_registry_rate(kb: KnowledgeBase) -> None:
    p = kb.conditions[CONDITION].links["pain_hip_localised"].p
    assert kb.findings["pain_hip_localised"].background < p <= 0.36  # 24-36% of AS


def test_faber_matches_the_sacroiliac_stress_tests(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    assert links["faber_posterior_pain"].p == links["si_provocation_two_tests"].p


def test_sitting_and_slump_follow_inflammatory_pain(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    assert links["worse_sitting"].p >= 1.5 * kb.findings["worse_sitting"].background
    assert links["slump_positive"].p == links["slr_positive"].p


def test_young_man_with_chronic_buttock_and_hip_pain_ranks_it_in_the_top_three(
    assessor: Assessor,
) -> None:
    # Chronic low back, buttock and hip pain from his twenties, worse sitting, FABER painful.
    answers = {
        "pain_low_back": Y,
        "pain_deep_buttock": Y,
        "pain_hip_localised": Y,
        "worse_sitting": Y,
        "faber_posterior_pain": Y,
        "duration_over_3_months": Y,
        "onset_before_40": Y,
    }
    assert CONDITION in ranked(assessor, answers, 28, Sex.MALE)[:3]


def test_catching_groin_pain_is_not_spondyloarthritis_first(assessor: Assessor) -> None:
    # Negative control: young hip with groin pain, catching and positive FADIR and FABER.
    answers = {
        "pain_hip_localised": Y,
        "pain_groin": Y,
        "faber_posterior_pain": Y,
        "fadir_positive": Y,
        "worse_sitting": Y,
        "onset_before_40": Y,
        "mechanical_symptoms": Y,
    }
    assert ranked(assessor, answers, 28)[0] != CONDITION
