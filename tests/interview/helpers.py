"""Drive the one-session API with a synthetic patient, as the CLI and the web layer would.

A grouped screening question is answered yes when any of its members is present, as in the
simulator."""

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
    answer_location,
    answer_screen,
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


def reply(
    kb: KnowledgeBase, session: InterviewSession, step: Question, value: Answer
) -> InterviewSession:
    """Answer a finding or grouped screening question `value` (not the body map)."""
    if step.kind is QuestionKind.SCREEN_GROUP:
        assert step.screen_group is not None
        return answer_screen(kb, session, step.screen_group, value)
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
        if step.kind is QuestionKind.SCREEN_GROUP:
            assert step.screen_group is not None
            any_present = any(cohort.findings[row, model.finding_index[f]] for f in step.members)
            value = Answer.YES if any_present else Answer.NO
            session = answer_screen(assessor.kb, session, step.screen_group, value)
            continue
        assert step.finding is not None
        present = cohort.findings[row, model.finding_index[step.finding]]
        session = answer(session, step.finding, Answer.YES if present else Answer.NO)
