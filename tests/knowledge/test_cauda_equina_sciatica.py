"""Cauda equina syndrome is announced by sciatica (all 14 disc cases in Shapiro 1993 had bilateral
sciatica), so buttock and posterior thigh pain must not count against it; the bladder, bowel and
saddle features still decide it, and plain sciatica stays radiculopathy with no emergency."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex, TriageLevel

Y = Answer.YES
CONDITION = "cauda_equina_syndrome"
SCIATICA = {"pain_posterior_thigh": Y, "pain_deep_buttock": Y, "pain_low_back": Y}


def test_sciatic_pain_is_at_least_as_likely_as_in_radiculopathy(kb: KnowledgeBase) -> None:
    ces = kb.conditions[CONDITION].links
    radicular = kb.conditions["lumbar_radiculopathy"].links
    for finding in SCIATICA:
        assert ces[finding].p >= radicular[finding].p - 0.05


def test_sciatica_with_urinary_retention_ranks_it_first(assessor: Assessor) -> None:
    answers = {**SCIATICA, "urinary_retention_incontinence": Y}
    result = assessor.assess(Evidence(answers, 40, Sex.MALE))
    assert result.ranking[0].condition == CONDITION


def test_plain_sciatica_does_not_suggest_it(assessor: Assessor) -> None:
    # Negative control: disc sciatica with no bladder, bowel or saddle feature.
    answers = {
        **SCIATICA,
        "worse_sitting": Y,
        "worse_cough_sneeze": Y,
        "pain_below_knee": Y,
        "slr_positive": Y,
    }
    result = assessor.assess(Evidence(answers, 40, Sex.MALE))
    assert result.ranking[0].condition == "lumbar_radiculopathy"
    probability = {r.condition: r.probability for r in result.ranking}[CONDITION]
    assert probability < 0.1
    assert result.triage.level is not TriageLevel.EMERGENCY
