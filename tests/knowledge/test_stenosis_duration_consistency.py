"""The two duration answers exclude each other, so their likelihoods must not sum above 1 for any
condition; for spinal stenosis, which builds over months to years, the unlinked under-six-weeks
background (0.35) with 0.75 for over three months did, and a chronic history was penalised. A
fresh sciatica with a positive SLR stays radiculopathy."""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex

Y, N = Answer.YES, Answer.NO
LSS = "lumbar_spinal_stenosis"


def duration_p(kb: KnowledgeBase, condition: str, finding: str) -> float:
    link = kb.conditions[condition].links.get(finding)
    return link.p if link is not None else kb.findings[finding].background


@pytest.mark.parametrize(
    "condition",
    sorted(
        [
            "lumbar_spinal_stenosis",
            "lumbar_radiculopathy",
            "hip_osteoarthritis",
            "sacroiliac_joint_dysfunction",
        ]
    ),
)
def test_exclusive_duration_answers_sum_to_at_most_one(kb: KnowledgeBase, condition: str) -> None:
    total = duration_p(kb, condition, "duration_under_6_weeks")
    total += duration_p(kb, condition, "duration_over_3_months")
    assert total <= 1.0


def test_chronic_neurogenic_claudication_stays_stenosis(assessor: Assessor) -> None:
    answers = {
        "pain_bilateral": Y,
        "worse_walking_distance": Y,
        "relief_sitting_flexion": Y,
        "duration_over_3_months": Y,
        "duration_under_6_weeks": N,
    }
    ranking = assessor.assess(Evidence(answers, 72, Sex.FEMALE)).ranking
    assert ranking[0].condition == LSS
    assert ranking[0].probability > 0.85


def test_fresh_sciatica_in_an_older_adult_stays_radiculopathy(assessor: Assessor) -> None:
    # Negative control: a new episode with a positive SLR is a root, not stenosis.
    answers = {
        "pain_deep_buttock": Y,
        "pain_below_knee": Y,
        "slr_positive": Y,
        "duration_under_6_weeks": Y,
        "duration_over_3_months": N,
    }
    ranking = [r.condition for r in assessor.assess(Evidence(answers, 72, Sex.MALE)).ranking]
    assert ranking[0] == "lumbar_radiculopathy"
    assert ranking.index(LSS) > 2
