"""A bruise where a direct blow landed is the contusion itself (source 003, Kary 2010): it does
not keep a contusion from self-care, while the same bruise without a blow, and every other
blocker after a blow, still call for a clinician; the array triage agrees."""

from __future__ import annotations

import numpy as np
import pytest

from hipdx.assessment import Assessor
from hipdx.batch.triage import compile_triage, fired, triage_levels
from hipdx.engine.evidence import Evidence, encode
from hipdx.knowledge.schema import KnowledgeBase, TriagePolicy
from hipdx.triage.rules import triage
from hipdx.types import Answer, TriageLevel

BLOW_AND_BRUISE = {
    "onset_direct_blow": Answer.YES,
    "pain_posterior_thigh": Answer.YES,
    "significant_bruising": Answer.YES,
    "duration_under_6_weeks": Answer.YES,
}


def level(assessor: Assessor, answers: dict[str, Answer]) -> TriageLevel:
    return assessor.assess(Evidence(answers, age=24)).triage.level


def test_bruise_after_a_direct_blow_is_self_care(assessor: Assessor) -> None:
    assert level(assessor, BLOW_AND_BRUISE) is TriageLevel.SELF_CARE


def test_bruise_without_a_blow_still_blocks(assessor: Assessor) -> None:
    answers = {**BLOW_AND_BRUISE, "onset_direct_blow": Answer.NO}
    result = assessor.assess(Evidence(answers, age=24)).triage
    assert result.level is TriageLevel.ROUTINE
    assert result.reasons[0].ref == "significant_bruising"


@pytest.mark.parametrize(
    "blocker", ["leg_weakness", "numbness_tingling", "injury_weeks_ago_worsening", "palpable_gap"]
)
def test_other_blockers_still_block_after_a_blow(assessor: Assessor, blocker: str) -> None:
    assert level(assessor, {**BLOW_AND_BRUISE, blocker: Answer.YES}) is not TriageLevel.SELF_CARE


def test_unable_to_bear_weight_after_a_blow_is_urgent(assessor: Assessor) -> None:
    answers = {**BLOW_AND_BRUISE, "inability_bear_weight": Answer.YES}
    assert level(assessor, answers) is TriageLevel.URGENT


def test_explanations_name_a_blocker_and_known_findings(kb: KnowledgeBase) -> None:
    policy = kb.triage_policy
    assert policy.self_care_explained_by == {"significant_bruising": ["onset_direct_blow"]}
    assert set(policy.self_care_explained_by) <= set(policy.self_care_not_when)


def test_array_triage_agrees_on_the_explained_bruise(assessor: Assessor) -> None:
    cases = [
        Evidence(BLOW_AND_BRUISE, age=24),
        Evidence({**BLOW_AND_BRUISE, "onset_direct_blow": Answer.NO}, age=24),
        Evidence({**BLOW_AND_BRUISE, "leg_weakness": Answer.YES}, age=24),
    ]
    model = assessor.model
    tables = compile_triage(assessor.kb, model)
    encoded = encode(model, cases)
    probabilities = np.stack([assessor.probabilities(e) for e in cases])
    ages = np.array([float(e.age or np.nan) for e in cases])
    flags = fired(tables, encoded.answers, ages)
    ranks = triage_levels(tables, probabilities, flags, encoded.answers)
    for evidence, rank, row in zip(cases, ranks, probabilities, strict=True):
        ranking = sorted(
            ((c, float(p)) for c, p in zip(model.condition_ids, row, strict=True)),
            key=lambda c: -c[1],
        )
        assert rank == triage(assessor.kb, evidence, ranking).level.rank


def test_policy_rejects_unknown_keys() -> None:
    with pytest.raises(ValueError, match="extra"):
        TriagePolicy.model_validate(
            {
                "self_care_min_probability": 0.6,
                "self_care_explained_by": {"significant_bruising": ["onset_direct_blow"]},
                "unexplained": [],
                "basis": "expert",
                "sources": ["expert_team"],
            }
        )
