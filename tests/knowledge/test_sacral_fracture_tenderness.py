"""Tenderness 'over the SI joint' also lies over a sacral alar fracture, so it counts modestly
for the fracture without taking sacroiliac joint pain's place as its strongest pointer."""

from __future__ import annotations

from functools import partial

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked as ranked_vignette

Y = Answer.YES


ranked = partial(ranked_vignette, age=30)


def test_si_tenderness_favours_sacroiliac_pain_more_than_fracture(kb: KnowledgeBase) -> None:
    fracture = kb.conditions["sacral_stress_fracture"].links["si_tenderness"].p
    sij = kb.conditions["sacroiliac_joint_dysfunction"].links["si_tenderness"].p
    assert kb.findings["si_tenderness"].background < fracture < sij


def test_runner_with_si_tenderness_and_a_painful_hop_ranks_fracture_first(
    assessor: Assessor,
) -> None:
    runner = {
        "endurance_athlete": Y,
        "training_increase": Y,
        "pain_deep_buttock": Y,
        "si_tenderness": Y,
        "hop_test_pain": Y,
    }
    assert ranked(assessor, runner)[0] == "sacral_stress_fracture"


def test_si_tenderness_with_provocation_tests_stays_sacroiliac_pain(assessor: Assessor) -> None:
    # Negative control: no loading pain or training change, positive SI provocation cluster.
    sij = {
        "pain_deep_buttock": Y,
        "pain_low_back": Y,
        "si_tenderness": Y,
        "si_provocation_cluster": Y,
    }
    assert ranked(assessor, sij)[0] == "sacroiliac_joint_dysfunction"
