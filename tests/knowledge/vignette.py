"""Ranking a clinical vignette, shared by the knowledge tests."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.types import Answer, Sex


def ranked(
    assessor: Assessor, answers: dict[str, Answer], age: int, sex: Sex = Sex.FEMALE
) -> list[str]:
    """Condition ids, most probable first, for a vignette of answers, age and sex."""
    return [r.condition for r in assessor.assess(Evidence(answers, age, sex)).ranking]
