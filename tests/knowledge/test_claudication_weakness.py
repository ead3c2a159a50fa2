"""Exercise-induced arterial flow limitation gives thigh pain, cramping and loss of power at high
effort (iliac endofibrosis, Peach 2015), so exertional weakness must count for the vascular cause
in a cyclist, while weakness with sciatica and numbness stays radicular."""

from __future__ import annotations

from functools import partial

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked as ranked_vignette

Y = Answer.YES
CONDITION = "vascular_claudication"


ranked = partial(ranked_vignette, sex=Sex.MALE)


def test_weakness_sits_below_the_radicular_and_compartment_rates(kb: KnowledgeBase) -> None:
    p = kb.conditions[CONDITION].links["leg_weakness"].p
    assert kb.findings["leg_weakness"].background < p
    assert p <= kb.conditions["lumbar_radiculopathy"].links["leg_weakness"].p


def test_cyclist_with_exertional_thigh_pain_and_weakness_ranks_it_in_top_three(
    assessor: Assessor,
) -> None:
    cyclist = {
        "cycling": Y,
        "worse_exertion_thigh": Y,
        "leg_weakness": Y,
        "duration_over_3_months": Y,
    }
    assert CONDITION in ranked(assessor, cyclist, 37)[:3]


def test_weakness_with_sciatica_and_numbness_is_not_vascular(assessor: Assessor) -> None:
    # Negative control: a radicular picture.
    sciatica = {
        "leg_weakness": Y,
        "numbness_tingling": Y,
        "pain_below_knee": Y,
        "pain_posterior_thigh": Y,
        "pain_low_back": Y,
    }
    assert CONDITION not in ranked(assessor, sciatica, 50)[:3]
