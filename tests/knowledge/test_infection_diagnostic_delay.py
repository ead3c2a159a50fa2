"""Vertebral osteomyelitis is diagnosed a mean 45 days after the first symptoms (SD 50, up to 280;
2017 cohort of 88) and brucellar or tuberculous spondylitis after months (Eren Gok 2014), so a
history longer than six weeks must not rule out a bone infection that fever and inflammatory
markers point to; months of mechanical pain without them must not suggest it."""

from __future__ import annotations

from functools import partial

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked as ranked_vignette

Y, N = Answer.YES, Answer.NO
CONDITION = "bone_joint_infection"


ranked = partial(ranked_vignette, sex=Sex.MALE)


def test_durations_reflect_the_diagnostic_delay(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    acute, chronic = links["duration_under_6_weeks"].p, links["duration_over_3_months"].p
    # Most still present within six weeks, some after three months; the two exclude each other.
    assert 0.5 < acute < 0.86
    assert chronic < kb.findings["duration_over_3_months"].background
    assert acute + chronic <= 1.0


def test_two_months_of_back_pain_with_fever_and_raised_markers_keeps_it_in_top_three(
    assessor: Assessor,
) -> None:
    answers = {
        "pain_low_back": Y,
        "pain_deep_buttock": Y,
        "duration_under_6_weeks": N,
        "fever": Y,
        "raised_inflammatory_markers": Y,
    }
    assert CONDITION in ranked(assessor, answers, 64)[:3]


def test_months_of_mechanical_pain_without_fever_do_not_suggest_it(assessor: Assessor) -> None:
    # Negative control: chronic activity-related pain, no fever or markers.
    answers = {
        "pain_low_back": Y,
        "pain_deep_buttock": Y,
        "duration_over_3_months": Y,
        "worse_activity_better_rest": Y,
        "night_pain": Y,
    }
    assert CONDITION not in ranked(assessor, answers, 64)[:3]
