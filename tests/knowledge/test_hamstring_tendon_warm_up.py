"""Tendon pain 'warms up': it eases a few minutes into exercise and is worse afterwards (Goom
2016), so a runner's sit-bone pain that improves once exercising is a tendinopathy, while
improvement with exercise among inflammatory back pain features stays axial spondyloarthritis."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y = Answer.YES
PHT = "proximal_hamstring_tendinopathy"
EXERCISE = "better_with_exercise"


def test_warm_up_above_background_and_below_inflammatory_pain(kb: KnowledgeBase) -> None:
    p = kb.conditions[PHT].links[EXERCISE].p
    axspa = kb.conditions["axial_spondyloarthritis"].links[EXERCISE].p
    assert kb.findings[EXERCISE].background < p < axspa


def test_runner_sit_bone_pain_easing_once_running_ranks_the_tendon(assessor: Assessor) -> None:
    answers = {"pain_sit_bone": Y, EXERCISE: Y, "worse_sitting": Y, "endurance_athlete": Y}
    assert ranked(assessor, answers, 38, Sex.FEMALE)[0] == PHT


def test_improvement_with_exercise_in_inflammatory_back_pain_stays_axial(
    assessor: Assessor,
) -> None:
    # Negative control: the same item with morning stiffness and second-half-night waking.
    answers = {
        "pain_low_back": Y,
        "pain_deep_buttock": Y,
        EXERCISE: Y,
        "morning_stiffness": Y,
        "night_waking_second_half": Y,
    }
    order = ranked(assessor, answers, 26, Sex.MALE)
    assert order[0] == "axial_spondyloarthritis"
    assert PHT not in order[:3]
