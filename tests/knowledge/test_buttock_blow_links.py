"""A blow to the back of the hip lands on the buttock as often as on the thigh: contusions outside
contact sport follow a fall onto the backside or an edge (the direct-blow finding names the
buttock), and a proximal hamstring avulsion tears from the ischial tuberosity under the lower
buttock. So buttock pain and a fall onto the buttocks must count for them, while a fragility fall
stays a fracture and a slow-onset buttock ache stays tendinopathy."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y = Answer.YES


def test_buttock_links_sit_between_background_and_thigh_rates(kb: KnowledgeBase) -> None:
    contusion = kb.conditions["hamstring_contusion"].links
    avulsion = kb.conditions["proximal_hamstring_avulsion"].links
    background = kb.findings["pain_deep_buttock"].background
    assert contusion["pain_deep_buttock"].p < contusion["pain_posterior_thigh"].p
    assert background < avulsion["pain_deep_buttock"].p < avulsion["pain_sit_bone"].p
    # A fall onto the buttocks is one kind of fall.
    assert contusion["pelvic_trauma"].p <= contusion["onset_fall"].p


def test_bruised_buttock_after_a_fall_onto_a_step_ranks_contusion_in_top_three(
    assessor: Assessor,
) -> None:
    fall = {"onset_fall": Y, "pelvic_trauma": Y, "significant_bruising": Y, "pain_deep_buttock": Y}
    assert "hamstring_contusion" in ranked(assessor, fall, 45, Sex.FEMALE)[:3]


def test_osteoporotic_fall_onto_the_buttocks_stays_a_fracture(assessor: Assessor) -> None:
    # Negative control: an 80-year-old with osteoporosis who cannot bear weight.
    fall = {
        "onset_fall": Y,
        "pelvic_trauma": Y,
        "pain_deep_buttock": Y,
        "inability_bear_weight": Y,
        "osteoporosis": Y,
    }
    ranking = ranked(assessor, fall, 80, Sex.FEMALE)
    assert ranking[0] == "sacral_stress_fracture"
    assert "hamstring_contusion" not in ranking[:3]


def test_sudden_pop_in_the_buttock_with_bruising_ranks_avulsion_first(assessor: Assessor) -> None:
    pop = {
        "onset_sudden_pop": Y,
        "onset_forced_flexion": Y,
        "pain_deep_buttock": Y,
        "significant_bruising": Y,
    }
    assert ranked(assessor, pop, 40, Sex.MALE)[0] == "proximal_hamstring_avulsion"


def test_slow_onset_buttock_ache_in_a_runner_is_not_an_avulsion(assessor: Assessor) -> None:
    # Negative control: months of gradual buttock pain worse on sitting.
    ache = {
        "onset_gradual": Y,
        "pain_deep_buttock": Y,
        "endurance_athlete": Y,
        "worse_sitting": Y,
        "duration_over_3_months": Y,
    }
    assert "proximal_hamstring_avulsion" not in ranked(assessor, ache, 35, Sex.FEMALE)[:3]
