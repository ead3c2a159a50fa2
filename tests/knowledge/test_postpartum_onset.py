"""Onset timing separates the pregnancy-related causes of buttock and low back pain: 65% of
pregnancy-related sacral stress fractures began after delivery (Wu 2021), while pelvic girdle
pain mostly begins during the pregnancy. Pain that began after a delivery keeps the fracture in
the differential; pain that began during the pregnancy does not."""

from __future__ import annotations

from functools import partial

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked as ranked_vignette

Y, N = Answer.YES, Answer.NO
FRACTURE = "sacral_stress_fracture"
FINDING = "onset_after_delivery"
PAIN = {"pregnancy_postpartum": Y, "pain_low_back": Y, "pain_deep_buttock": Y}


ranked = partial(ranked_vignette, age=36)


def test_postpartum_onset_share_follows_the_published_cases(kb: KnowledgeBase) -> None:
    links = kb.conditions[FRACTURE].links
    # 65% of the pregnancy-related fractures, which are themselves links["pregnancy_postpartum"].
    assert links[FINDING].p <= 0.65 * links["pregnancy_postpartum"].p + 1e-9
    assert links[FINDING].p > kb.findings[FINDING].background


def test_pain_that_began_after_delivery_keeps_the_fracture_in_the_top_three(
    assessor: Assessor,
) -> None:
    assert FRACTURE in ranked(assessor, {**PAIN, FINDING: Y})[:3]


def test_pain_that_began_during_pregnancy_is_pelvic_girdle_pain(assessor: Assessor) -> None:
    # Negative control: the same pain, begun during the pregnancy.
    order = ranked(assessor, {**PAIN, FINDING: N})
    assert order[0] == "sacroiliac_joint_dysfunction"
    assert FRACTURE not in order[:3]
