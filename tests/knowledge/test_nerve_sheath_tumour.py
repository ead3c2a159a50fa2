"""A Tinel sign over a lump on the sciatic nerve marks a nerve sheath tumour (Telera 2020), the
tumour that passes longest for lumbar sciatica; a lump without it after a blow stays an injury."""

from __future__ import annotations

from functools import partial

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked as ranked_vignette

Y, N = Answer.YES, Answer.NO


ranked = partial(ranked_vignette, sex=Sex.MALE)


def test_tinel_over_a_mass_is_rare_outside_tumours(kb: KnowledgeBase) -> None:
    background = kb.findings["mass_tinel_sign"].background
    tumour = kb.conditions["malignancy"].links["mass_tinel_sign"].p
    # A minority sign of the whole tumour category, yet rare in everything else.
    assert background <= 0.005
    assert 0.02 <= tumour <= 0.3
    assert tumour / background >= 20


SCIATICA_WITH_A_LUMP = {
    "pain_shooting_electric": Y,
    "pain_posterior_thigh": Y,
    "pain_below_knee": Y,
    "duration_over_3_months": Y,
    "palpable_mass": Y,
}


def test_sciatica_with_a_lump_that_reproduces_it_on_tapping_ranks_tumour_in_top_three(
    assessor: Assessor,
) -> None:
    answers = {**SCIATICA_WITH_A_LUMP, "mass_tinel_sign": Y}
    assert "malignancy" in ranked(assessor, answers, 46)[:3]


def test_a_haematoma_after_a_kick_without_tinel_sign_stays_an_injury(assessor: Assessor) -> None:
    # Negative control: a lump after a direct blow, tapping it sends nothing down the leg.
    kicked = {
        "onset_direct_blow": Y,
        "sprint_sport_athlete": Y,
        "pain_posterior_thigh": Y,
        "palpable_mass": Y,
        "significant_bruising": Y,
        "mass_tinel_sign": N,
    }
    assert "malignancy" not in ranked(assessor, kicked, 24)[:3]
