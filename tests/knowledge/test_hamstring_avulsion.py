"""Proximal hamstring avulsion against strain: the prior ratio follows the published share of
total ruptures (Ekstrand 2012, 3% of imaged injuries), so the avulsion signs must carry the
ranking, and a plain strain must stay a strain."""

from __future__ import annotations

from functools import partial

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked as ranked_vignette

Y, N = Answer.YES, Answer.NO


ranked = partial(ranked_vignette, sex=Sex.MALE)


def test_sports_prior_keeps_avulsion_a_minority_of_acute_hamstring_injuries(
    kb: KnowledgeBase,
) -> None:
    avulsion = kb.conditions["proximal_hamstring_avulsion"].priors["sports_medicine"].value
    strain = kb.conditions["hamstring_strain"].priors["sports_medicine"].value
    assert 0.03 <= avulsion / (avulsion + strain) <= 0.15


def test_avulsion_signs_after_a_sprint_rank_avulsion_first(assessor: Assessor) -> None:
    # Sudden onset while sprinting, tender ischium, bruising and marked hamstring weakness.
    avulsion = {
        "onset_sudden_during_sport": Y,
        "sprint_sport_athlete": Y,
        "pain_posterior_thigh": Y,
        "ischial_tenderness": Y,
        "significant_bruising": Y,
        "hamstring_weakness": Y,
    }
    assert ranked(assessor, avulsion, 28)[0] == "proximal_hamstring_avulsion"


def test_grade_one_strain_stays_a_strain(assessor: Assessor) -> None:
    # Negative control: tightness while sprinting, tender mid-belly, no bruising, walking fine.
    strain = {
        "onset_sudden_during_sport": Y,
        "sprint_sport_athlete": Y,
        "pain_posterior_thigh": Y,
        "hamstring_belly_tenderness": Y,
        "significant_bruising": N,
        "inability_bear_weight": N,
    }
    assert ranked(assessor, strain, 24)[0] == "hamstring_strain"
