"""Two positive SI provocation tests (Laslett 2005, any 2 of 4: sensitivity 0.88, specificity
0.78) point to the sacroiliac joint when the full 3-of-5 cluster is not reported; they do not
outweigh a clear radicular picture."""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, FindingKind
from tests.knowledge.vignette import ranked

Y, N = Answer.YES, Answer.NO
FINDING = "si_provocation_two_tests"


def test_published_figures(kb: KnowledgeBase) -> None:
    finding = kb.findings[FINDING]
    assert finding.kind is FindingKind.EXAM
    assert finding.background == pytest.approx(1 - 0.78, abs=0.03)
    link = kb.conditions["sacroiliac_joint_dysfunction"].links[FINDING]
    assert 0.75 <= link.p <= 0.92
    assert 3 <= link.p / finding.background <= 5  # published LR+ 4.0


def test_a_lower_bar_than_the_cluster_is_reached_at_least_as_often(kb: KnowledgeBase) -> None:
    for condition in kb.conditions.values():
        two = condition.links.get(FINDING)
        cluster = condition.links.get("si_provocation_cluster")
        if two is not None and cluster is not None:
            assert two.p >= cluster.p, condition.id


def test_two_tests_with_buttock_and_back_pain_rank_the_sacroiliac_joint(
    assessor: Assessor,
) -> None:
    answers = {"pain_deep_buttock": Y, "pain_low_back": Y, FINDING: Y}
    assert "sacroiliac_joint_dysfunction" in ranked(assessor, answers, 45)[:3]


def test_two_tests_do_not_outweigh_a_radicular_picture(assessor: Assessor) -> None:
    # Negative control: dermatomal pain below the knee with a positive SLR stays radicular.
    answers = {
        "pain_deep_buttock": Y,
        "pain_below_knee": Y,
        "numbness_tingling": Y,
        "slr_positive": Y,
        FINDING: Y,
    }
    assert ranked(assessor, answers, 45)[0] == "lumbar_radiculopathy"


def test_negative_tests_lower_the_sacroiliac_joint(assessor: Assessor) -> None:
    answers = {"pain_deep_buttock": Y, "pain_low_back": Y}
    before = ranked(assessor, answers, 45).index("sacroiliac_joint_dysfunction")
    after = ranked(assessor, {**answers, FINDING: N}, 45).index("sacroiliac_joint_dysfunction")
    assert after > before
