"""Corticosteroid therapy was reported in about a quarter of published sacral insufficiency
fractures (24 of about 100, Yoder 2015) and in none of the fatigue fractures, so long-term steroids
count for a sacral fracture in an older woman with buttock pain on loading, but do not outweigh a
radicular picture."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y = Answer.YES
CONDITION = "sacral_stress_fracture"


def test_steroid_share_sits_below_the_insufficiency_fracture_share(kb: KnowledgeBase) -> None:
    p = kb.conditions[CONDITION].links["long_term_steroids"].p
    # Never above the share among insufficiency fractures (~0.24), well above the background.
    assert 3 * kb.findings["long_term_steroids"].background < p <= 0.24


def test_older_woman_on_steroids_with_loading_buttock_pain_ranks_it_in_top_three(
    assessor: Assessor,
) -> None:
    steroids = {"long_term_steroids": Y, "pain_deep_buttock": Y, "worse_activity_better_rest": Y}
    assert CONDITION in ranked(assessor, steroids, 67)[:3]


def test_steroid_user_with_a_radicular_picture_is_not_pointed_to_a_fracture(
    assessor: Assessor,
) -> None:
    # Negative control: leg pain below the knee, a positive SLR and numbness.
    radicular = {
        "long_term_steroids": Y,
        "pain_posterior_thigh": Y,
        "pain_below_knee": Y,
        "slr_positive": Y,
        "numbness_tingling": Y,
    }
    assert CONDITION not in ranked(assessor, radicular, 67)[:3]
