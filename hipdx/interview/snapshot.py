"""The live picture of an interview: the leading conditions, how sure, and the triage so far."""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel, ConfigDict

from hipdx.assessment import Assessor
from hipdx.engine.information import settled_evidence
from hipdx.interview.session import InterviewSession
from hipdx.interview.stopping import StopRule
from hipdx.triage.rules import Triage, triage
from hipdx.types import ConditionId

SHOWN = 5
"""Leading conditions in a snapshot."""


class Leading(BaseModel):
    """One condition of the live differential."""

    model_config = ConfigDict(frozen=True)

    condition: ConditionId
    name: str
    probability: float


class Snapshot(BaseModel):
    """The differential so far, the confidence the stop rule is waiting for, and triage."""

    model_config = ConfigDict(frozen=True)

    leading: tuple[Leading, ...]
    confidence: float
    """Probability of the leading condition."""
    target: float
    """The confidence at which the interview may stop (the mode's stop rule)."""
    questions_asked: int
    triage: Triage


def snapshot(assessor: Assessor, session: InterviewSession, shown: int = SHOWN) -> Snapshot:
    """The live picture of `session`.

    Raises:
        InputError: the session names an unknown finding or setting.
    """
    evidence = settled_evidence(assessor.model, session.evidence)  # as next_step sees it
    probabilities = assessor.probabilities(evidence, session.setting)
    order = np.argsort(-probabilities, kind="stable")
    ranking = [(assessor.model.condition_ids[i], float(probabilities[i])) for i in order]
    leading = tuple(
        Leading(condition=c, name=assessor.kb.conditions[c].name, probability=p)
        for c, p in ranking[:shown]
    )
    return Snapshot(
        leading=leading,
        confidence=ranking[0][1],
        target=StopRule.for_mode(session.mode).confidence,
        questions_asked=session.questions_asked,
        triage=triage(assessor.kb, evidence, ranking),
    )
