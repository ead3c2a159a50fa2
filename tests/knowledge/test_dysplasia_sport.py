"""Symptomatic hip dysplasia is a condition of active young women whose pain starts with sport
(dancers among periacetabular osteotomy patients, Novais 2018; source article 000). Sport
participation must not point away from dysplasia towards FAI or a muscle injury, while an acute
injury during a sprint stays a hamstring injury."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y = Answer.YES
SPORT = "sprint_sport_athlete"


def test_sport_is_common_in_dysplasia_but_below_fai_and_muscle_injury(kb: KnowledgeBase) -> None:
    p = kb.conditions["hip_dysplasia"].links[SPORT].p
    assert (
        kb.findings[SPORT].background
        < p
        <= kb.conditions["femoroacetabular_impingement"].links[SPORT].p
    )
    assert p < kb.conditions["hamstring_strain"].links[SPORT].p


def test_young_athlete_with_activity_related_hip_pain_ranks_dysplasia(assessor: Assessor) -> None:
    answers = {
        SPORT: Y,
        "pain_hip_localised": Y,
        "pain_bilateral": Y,
        "worse_walking_distance": Y,
        "duration_over_3_months": Y,
    }
    assert "hip_dysplasia" in ranked(assessor, answers, 19)[:2]


def test_sudden_thigh_pain_while_sprinting_stays_a_hamstring_injury(assessor: Assessor) -> None:
    # Negative control: the same athlete with an acute sprinting injury.
    answers = {
        SPORT: Y,
        "onset_sudden_during_sport": Y,
        "pain_posterior_thigh": Y,
        "duration_under_6_weeks": Y,
    }
    order = ranked(assessor, answers, 19)
    assert order[0] == "hamstring_strain"
    assert "hip_dysplasia" not in order[:3]
