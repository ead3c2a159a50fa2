"""Two positive SI provocation tests are a lower bar than the full cluster, so under sacral
stress fracture and bone or joint infection they are at least as likely as the cluster."""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y = Answer.YES


@pytest.mark.parametrize("condition", ["sacral_stress_fracture", "bone_joint_infection"])
def test_two_tests_are_at_least_as_likely_as_the_cluster(kb: KnowledgeBase, condition: str) -> None:
    links = kb.conditions[condition].links
    assert links["si_provocation_two_tests"].p >= links["si_provocation_cluster"].p


def test_runner_with_sacral_tenderness_and_two_si_tests_ranks_fracture_first(
    assessor: Assessor,
) -> None:
    runner = {
        "endurance_athlete": Y,
        "pain_deep_buttock": Y,
        "sacral_tenderness": Y,
        "si_provocation_two_tests": Y,
    }
    assert ranked(assessor, runner, 24)[0] == "sacral_stress_fracture"


def test_two_si_tests_without_loading_history_stay_sacroiliac_pain(assessor: Assessor) -> None:
    # Negative control: no running, no sacral tenderness.
    sij = {"pain_deep_buttock": Y, "pain_si_region": Y, "si_provocation_two_tests": Y}
    top = ranked(assessor, sij, 45)
    assert top[0] == "sacroiliac_joint_dysfunction"
    assert "sacral_stress_fracture" not in top[:3]
