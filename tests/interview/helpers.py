"""Drive the one-session API with a synthetic patient, as the CLI and the web layer would.

On a tick list the patient ticks exactly the items they have, as in the simulator."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.engine.model import SEXES
from hipdx.interview import (
    InterviewSession,
    Mode,
    Policy,
    Question,
    QuestionKind,
    Stop,
    answer,
    answer_checklist,
    answer_location,
    next_step,
    start,
)
from hipdx.interview.cohort import Cohort
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Zone


def patient_zones(assessor: Assessor, cohort: Cohort, row: int) -> list[Zone]:
    """The zones a synthetic patient marks: those whose location finding is present."""
    kb, model = assessor.kb, assessor.model
    return [
        f.zone
        for f in kb.findings.values()
        if f.zone is not None and cohort.findings[row, model.finding_index[f.id]]
    ]


def sections(step: Question) -> list[str]:
    """The ids of a tick list's sections."""
    return [s.id for s in step.sections]


def reply(
    kb: KnowledgeBase, session: InterviewSession, step: Question, value: Answer
) -> InterviewSession:
    """Answer a finding `value`, or a tick list as if every item were `value` (yes ticks them
    all, no is "none of these", don't know is "not sure" throughout); not the body map."""
    if step.kind is QuestionKind.CHECKLIST:
        ticked = step.items if value is Answer.YES else ()
        unsure = sections(step) if value is Answer.UNKNOWN else []
        return answer_checklist(kb, session, sections(step), ticked, unsure)
    assert step.finding is not None
    return answer(session, step.finding, value)


def walk(
    assessor: Assessor,
    mode: Mode,
    cohort: Cohort,
    row: int,
    policy: Policy | None = None,
    setting: str | None = None,
) -> tuple[InterviewSession, list[Question], Stop]:
    """Interview patient `row` of `cohort` through next_step until it stops."""
    model = assessor.model
    session = start(
        mode,
        setting=setting,
        age=int(cohort.age[row]),
        sex=SEXES[int(cohort.sex[row])],
    )
    questions: list[Question] = []
    while True:
        step = next_step(assessor, session, policy)
        if isinstance(step, Stop):
            return session, questions, step
        questions.append(step)
        if step.kind is QuestionKind.LOCATION:
            session = answer_location(assessor.kb, session, patient_zones(assessor, cohort, row))
            continue
        if step.kind is QuestionKind.CHECKLIST:
            ticked = [f for f in step.items if cohort.findings[row, model.finding_index[f]]]
            session = answer_checklist(assessor.kb, session, sections(step), ticked)
            continue
        assert step.finding is not None
        present = cohort.findings[row, model.finding_index[step.finding]]
        session = answer(session, step.finding, Answer.YES if present else Answer.NO)
