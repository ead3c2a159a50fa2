"""An infection emergency without fever: a worsening deficit with an infection risk factor
(spinal epidural abscess), and the look-alikes that must stay below emergency."""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.triage.rules import fired_red_flags
from hipdx.types import Answer, TriageLevel


def fired(kb: KnowledgeBase, yes: list[str], age: int | None = None) -> set[str]:
    return {f.id for f in fired_red_flags(kb, Evidence(dict.fromkeys(yes, Answer.YES), age))}


def level(assessor: Assessor, yes: list[str], age: int | None = None) -> TriageLevel:
    evidence = Evidence(dict.fromkeys(yes, Answer.YES), age)
    return assessor.assess(evidence).triage.level


@pytest.mark.parametrize(
    "risk", ["immunosuppression_or_ivdu", "recent_invasive_procedure", "recent_infection"]
)
def test_worsening_deficit_with_an_infection_risk_is_an_emergency(
    kb: KnowledgeBase, assessor: Assessor, risk: str
) -> None:
    yes = ["progressive_neuro_deficit", "pain_low_back", risk]
    assert "infection_risk_with_progressive_deficit" in fired(kb, yes, 50)
    assert level(assessor, yes, 50) is TriageLevel.EMERGENCY


@pytest.mark.parametrize(
    "yes",
    [
        # A worsening unilateral deficit without a risk factor: urgent (NICE CKS).
        ["progressive_neuro_deficit", "pain_posterior_thigh", "pain_below_knee"],
        # Diabetes with a stable reflex change: routine radiculopathy work-up, not this rule.
        ["immunosuppression_or_ivdu", "neuro_deficit_exam", "pain_posterior_thigh"],
    ],
)
def test_risk_rule_needs_a_worsening_deficit_and_a_risk(kb: KnowledgeBase, yes: list[str]) -> None:
    assert "infection_risk_with_progressive_deficit" not in fired(kb, yes, 50)


def test_worsening_deficit_without_risk_stays_urgent(assessor: Assessor) -> None:
    yes = ["progressive_neuro_deficit", "pain_posterior_thigh", "pain_below_knee"]
    assert level(assessor, yes, 50) is TriageLevel.URGENT
