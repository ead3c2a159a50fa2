"""Run cases through hipdx and collect predictions in the FORMAT.md output shape."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from hipdx.assessment import Assessment, Assessor
from hipdx.evaluation.cases import Case, Prediction, RankedProbability, ReadFinding
from hipdx.intake import Intake, build_evidence


def to_prediction(case_id: str, assessment: Assessment, intake: Intake | None = None) -> Prediction:
    """The prediction line for an assessment, with the findings read from text and their spans."""
    read = intake.read_from_text if intake is not None else ()
    return Prediction(
        id=case_id,
        ranking=[
            RankedProbability(condition=r.condition, probability=r.probability)
            for r in assessment.ranking
        ],
        triage=assessment.triage.level,
        red_flags=list(assessment.triage.red_flags),
        findings=[ReadFinding(finding=f.finding, value=f.value, span=f.span) for f in read],
    )


def assess_case(
    assessor: Assessor, case: Case, setting: str | None = None
) -> tuple[Intake, Assessment]:
    """Intake (answers win over text) and assessment of one case."""
    intake = build_evidence(case.answers, case.age, case.sex, case.text)
    return intake, assessor.assess(intake.evidence, setting)


def predict(
    assessor: Assessor,
    cases: Iterable[Case],
    setting: str | None = None,
    advance: Callable[[], None] = lambda: None,
) -> Iterator[Prediction]:
    """Predictions for `cases`, in order; `advance` is called after each (for progress bars)."""
    for case in cases:
        intake, assessment = assess_case(assessor, case, setting)
        yield to_prediction(case.id, assessment, intake)
        advance()
