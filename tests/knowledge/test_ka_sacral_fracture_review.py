"""Session-10 likelihood review of sacral stress fracture: insufficiency fractures are diagnosed
days to weeks after the pain starts (mean 9 days, Schindler 2007; 24 days in an emergency series,
2017) and hurt on loading: rising, turning, stairs. Values and rationale:
docs/knowledge_review/serious_conditions.md."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y = Answer.YES
CONDITION = "sacral_stress_fracture"


def test_duration_links_follow_the_published_delays(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    short, long = links["duration_under_6_weeks"].p, links["duration_over_3_months"].p
    # Mean delays of 1-4 weeks: most present within six weeks, a minority after three months.
    assert 0.6 <= short <= 0.9
    assert 0.05 <= long <= 0.25
    assert short + long <= 1.0


def test_loading_links_sit_above_background_and_below_the_hop_test(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    for finding in ("worse_transitional", "worse_stairs"):
        assert kb.findings[finding].background * 1.5 <= links[finding].p < links["hop_test_pain"].p


def test_osteoporotic_woman_with_new_loading_pain_ranks_it_in_the_top_three(
    assessor: Assessor,
) -> None:
    # Typical insufficiency fracture: weeks of low back and buttock pain on loading and rising.
    answers = {
        "pain_low_back": Y,
        "pain_deep_buttock": Y,
        "osteoporosis": Y,
        "duration_under_6_weeks": Y,
        "worse_activity_better_rest": Y,
        "worse_transitional": Y,
    }
    assert CONDITION in ranked(assessor, answers, 79)[:3]


def test_chronic_neurogenic_claudication_is_not_a_fracture_first(assessor: Assessor) -> None:
    # Negative control: years of standing-provoked pain eased by sitting in an osteoporotic woman.
    answers = {
        "pain_low_back": Y,
        "pain_deep_buttock": Y,
        "osteoporosis": Y,
        "duration_over_3_months": Y,
        "worse_standing": Y,
        "relief_sitting_flexion": Y,
        "worse_walking_distance": Y,
    }
    assert ranked(assessor, answers, 76)[0] != CONDITION


def test_chronic_sacroiliac_pain_on_rising_is_not_a_fracture_first(assessor: Assessor) -> None:
    # Negative control: months of SI-region pain on rising with positive provocation tests.
    answers = {
        "pain_deep_buttock": Y,
        "pain_si_region": Y,
        "osteoporosis": Y,
        "duration_over_3_months": Y,
        "si_provocation_two_tests": Y,
        "worse_transitional": Y,
    }
    assert ranked(assessor, answers, 70)[0] != CONDITION
