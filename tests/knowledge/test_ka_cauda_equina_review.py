"""Session-10 likelihood review of cauda equina syndrome: the compressing lesion is usually a large
central disc, so the neural tension and lumbar movement signs of radiculopathy are present at
least as often (crossed SLR marks large herniations: 29% sensitive, Deville 2000), and CES also
follows spinal procedures (SBNS/BASS standards).
Values: docs/knowledge_review/serious_conditions.md."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y, N = Answer.YES, Answer.NO
CONDITION = "cauda_equina_syndrome"


def test_neural_tension_signs_follow_the_straight_leg_raise(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    assert 2 * kb.findings["slump_positive"].background <= links["slump_positive"].p
    assert links["slump_positive"].p <= links["slr_positive"].p
    radicular = kb.conditions["lumbar_radiculopathy"].links["crossed_slr"].p
    assert radicular <= links["crossed_slr"].p <= 0.3  # sensitivity 0.29 in surgical series


def test_movement_and_procedure_links_sit_above_background(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    for finding in ("lumbar_movement_reproduces", "recent_invasive_procedure"):
        assert links[finding].p >= 2 * kb.findings[finding].background


def test_bilateral_sciatica_with_crossed_signs_ranks_it_in_the_top_three(
    assessor: Assessor,
) -> None:
    # Incomplete CES before bladder change: bilateral sciatica with numbness and tension signs.
    answers = {
        "pain_low_back": Y,
        "pain_bilateral": Y,
        "pain_below_knee": Y,
        "crossed_slr": Y,
        "slump_positive": Y,
        "lumbar_movement_reproduces": Y,
        "numbness_tingling": Y,
    }
    assert CONDITION in ranked(assessor, answers, 42, Sex.MALE)[:3]


def test_one_sided_sciatica_with_tension_signs_is_not_cauda_equina_first(
    assessor: Assessor,
) -> None:
    # Negative control: unilateral sciatica with positive SLR, slump and movement signs.
    answers = {
        "pain_low_back": Y,
        "pain_below_knee": Y,
        "slr_positive": Y,
        "slump_positive": Y,
        "lumbar_movement_reproduces": Y,
        "pain_bilateral": N,
    }
    assert ranked(assessor, answers, 42, Sex.MALE)[0] != CONDITION
