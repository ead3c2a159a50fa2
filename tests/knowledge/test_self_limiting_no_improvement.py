"""A cramp lets go within minutes and a thigh contusion disables for days to about three weeks
(Ryan 1991), so pain that has not improved after a month of rest or treatment counts against both
(source 004: seek care when self-care has not helped), at or below the strain rate and far below
myositis ossificans, whose hallmark it is."""

from __future__ import annotations

from functools import partial

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked as ranked_vignette

Y = Answer.YES
FINDING = "no_improvement_one_month"


ranked = partial(ranked_vignette, sex=Sex.MALE)


def test_self_limiting_conditions_rarely_fail_to_improve(kb: KnowledgeBase) -> None:
    strain = kb.conditions["hamstring_strain"].links[FINDING].p
    for condition in ("muscle_cramp", "hamstring_contusion"):
        p = kb.conditions[condition].links[FINDING].p
        assert p <= strain < kb.findings[FINDING].background
    assert kb.conditions["myositis_ossificans"].links[FINDING].p > 0.5


def test_crampy_exertional_thigh_pain_that_does_not_improve_is_not_called_a_cramp(
    assessor: Assessor,
) -> None:
    persisting = {
        "endurance_athlete": Y,
        "pain_dull_cramping": Y,
        "leg_weakness": Y,
        "pain_posterior_thigh": Y,
        FINDING: Y,
    }
    assert ranked(assessor, persisting, 30)[0] == "chronic_exertional_compartment_syndrome"


def test_a_cramp_late_in_a_race_stays_a_cramp(assessor: Assessor) -> None:
    # Negative control: the involuntary contraction itself, a few days ago, nothing persisting.
    acute = {
        "endurance_athlete": Y,
        "involuntary_contraction": Y,
        "pain_posterior_thigh": Y,
        "duration_under_6_weeks": Y,
    }
    assert ranked(assessor, acute, 40)[0] == "muscle_cramp"


def test_a_blow_that_has_not_settled_after_a_month_points_to_myositis_ossificans(
    assessor: Assessor,
) -> None:
    blow = {"sprint_sport_athlete": Y, "onset_direct_blow": Y, "pain_posterior_thigh": Y}
    assert ranked(assessor, blow, 22)[0] == "hamstring_contusion"
    assert ranked(assessor, {**blow, FINDING: Y}, 22)[0] == "myositis_ossificans"
