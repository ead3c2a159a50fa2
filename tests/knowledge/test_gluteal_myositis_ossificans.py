"""The buttock is one of the commonest sites of myositis ossificans (with thigh and arm), so a
buttock lump after trauma must not count against it; buttock pain without a lump still does not
suggest it."""

from __future__ import annotations

from functools import partial

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked as ranked_vignette

Y, N = Answer.YES, Answer.NO


ranked = partial(ranked_vignette, sex=Sex.MALE)


def test_buttock_and_thigh_sites_share_the_lesions(kb: KnowledgeBase) -> None:
    links = kb.conditions["myositis_ossificans"].links
    buttock, thigh = links["pain_deep_buttock"].p, links["pain_posterior_thigh"].p
    # Both sites are common; neither is near certain once the other is allowed for.
    assert 0.25 <= buttock <= 0.5
    assert 0.5 <= thigh <= 0.8


def test_recent_buttock_lump_keeps_myositis_ossificans_in_top_three(assessor: Assessor) -> None:
    lump = {"pain_deep_buttock": Y, "palpable_mass": Y, "duration_under_6_weeks": Y}
    assert "myositis_ossificans" in ranked(assessor, lump, 35)[:3]


def test_buttock_pain_without_a_lump_does_not_suggest_myositis_ossificans(
    assessor: Assessor,
) -> None:
    # Negative control: buttock pain running down the leg, no lump, no injury.
    sciatic = {
        "pain_deep_buttock": Y,
        "pain_posterior_thigh": Y,
        "pain_shooting_electric": Y,
        "palpable_mass": N,
    }
    assert "myositis_ossificans" not in ranked(assessor, sciatic, 35)[:3]
