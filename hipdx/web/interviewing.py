"""Drive an interview (hipdx.interview) over HTTP requests, keeping its state in the store.

The stored state is `InterviewState`: the engine's JSON-serialisable session plus what the web
adds (free texts given, findings read from them, and the stop once reached). A finished interview
keeps its final assessment as an ordinary stored assessment (origin `interview`), written in the
same transaction as the last answer.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from hipdx.assessment import Assessor
from hipdx.config import Settings
from hipdx.intake import build_evidence
from hipdx.interview import (
    InterviewSession,
    Mode,
    Question,
    Stop,
    answer,
    answer_checklist,
    answer_location,
    answer_screen,
    next_step,
    snapshot,
    start,
)
from hipdx.interview.session import list_members
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.store.base import ConflictError, NotFoundError, Store
from hipdx.store.models import NewAssessment, StoredInterview
from hipdx.web.assessing import new_record, report_json
from hipdx.web.errors import FieldErrors
from hipdx.web.rendering import ZONE_LABELS
from hipdx.web.report import TextRead, build_report
from hipdx.web.schemas import (
    AnsweredPublic,
    AssessmentBase,
    ChecklistItemPublic,
    ChecklistSectionPublic,
    InterviewAnswer,
    InterviewCreate,
    InterviewLinks,
    InterviewPublic,
    LeadingPublic,
    QuestionPublic,
    RedFlagNotice,
    StopPublic,
    ZoneOption,
)

LIVE_SHOWN = 6
"""Conditions in the live differential."""


class InterviewState(BaseModel):
    """What the store keeps for an interview."""

    model_config = ConfigDict(frozen=True)

    session: InterviewSession
    texts: tuple[str, ...] = ()
    read_from_text: tuple[TextRead, ...] = ()
    stop: StopPublic | None = None


def _check(assessor: Assessor, settings: Settings, setting: str | None, text: str | None) -> None:
    problems = []
    if setting is not None and setting not in {s.id for s in assessor.kb.demographics.settings}:
        problems.append(("setting", "unknown care setting"))
    if text is not None and len(text) > settings.max_text_chars:
        problems.append(("text", f"longer than {settings.max_text_chars} characters"))
    if problems:
        raise FieldErrors(problems)


def start_interview(
    *, assessor: Assessor, settings: Settings, store: Store, body: InterviewCreate, actor: str
) -> StoredInterview:
    """Open a new interview session and keep it."""
    _check(assessor, settings, body.setting, None)
    session = start(Mode(body.mode), setting=body.setting, age=body.age, sex=body.sex)
    return store.create_interview(
        state=InterviewState(session=session).model_dump(mode="json"), actor=actor
    )


def load(store: Store, interview_id: str) -> tuple[StoredInterview, InterviewState]:
    """A kept interview and its state.

    Raises:
        NotFoundError: no interview with that id.
    """
    stored = store.get_interview(interview_id=interview_id)
    if stored is None:
        raise NotFoundError(f"no interview {interview_id!r}")
    return stored, InterviewState.model_validate(stored.state)


def _check_checklist(assessor: Assessor, session: InterviewSession, body: InterviewAnswer) -> None:
    """Field messages for a tick list naming unknown sections, items not on it, or a "not sure"
    section that is not on it."""
    kb, lists = assessor.kb, body.checklist or []
    known = [i for i in lists if i in kb.screen_groups or i in kb.checklists]
    problems = [
        ("checklist", f"unknown screen group or checklist: {i}") for i in lists if i not in known
    ]
    if len(set(lists)) != len(lists):
        problems.append(("checklist", "a section is named twice"))
    items = {f for i in known for f in list_members(kb, session.mode, i)}
    problems += [
        ("ticked", f"not an item of this list: {f}") for f in body.ticked if f not in items
    ]
    problems += [
        ("unsure", f"not a section of this list: {i}") for i in body.unsure if i not in lists
    ]
    if problems:
        raise FieldErrors(problems)


def _apply(
    assessor: Assessor, state: InterviewState, body: InterviewAnswer
) -> tuple[InterviewState, dict[str, object]]:
    """The state after one step, and what to write in the audit line."""
    kb, session = assessor.kb, state.session
    detail: dict[str, object] = {}
    if body.zones is not None:
        session = answer_location(kb, session, body.zones)
        detail["zones"] = [z.value for z in body.zones]
    elif body.finding is not None:
        if body.finding not in kb.findings:
            raise FieldErrors([("finding", "unknown finding id")])
        session = answer(session, body.finding, body.answer)
        detail.update(finding=body.finding, answer=body.answer.value)
    elif body.checklist is not None:
        _check_checklist(assessor, session, body)
        session = answer_checklist(kb, session, body.checklist, body.ticked, body.unsure)
        detail.update(checklist=body.checklist, ticked=body.ticked, unsure=body.unsure)
    elif body.screen_group is not None:
        if body.screen_group not in kb.screen_groups:
            raise FieldErrors([("screen_group", "unknown screen group")])
        session = answer_screen(kb, session, body.screen_group, body.answer)
        detail.update(screen_group=body.screen_group, answer=body.answer.value)
    texts, reads = state.texts, state.read_from_text
    if body.text and body.text.strip():
        intake = build_evidence(session.answers, session.age, session.sex, body.text)
        new = [f for f in intake.read_from_text if f.finding not in session.answers]
        for found in new:
            session = answer(session, found.finding, found.value)
        updates: dict[str, object] = {}
        if session.age is None and intake.evidence.age is not None:
            updates["age"] = intake.evidence.age
        if session.sex is None and intake.evidence.sex is not None:
            updates["sex"] = intake.evidence.sex
        session = session.model_copy(update=updates) if updates else session
        texts = (*texts, body.text)
        reads = (
            *reads,
            *(
                TextRead(
                    finding=f.finding, value=f.value, span=f.span, text=f.text, method=f.method
                )
                for f in new
            ),
        )
        detail["text_findings"] = [f.finding for f in new]
    return state.model_copy(
        update={"session": session, "texts": texts, "read_from_text": reads}
    ), detail


def answer_interview(
    *,
    assessor: Assessor,
    settings: Settings,
    store: Store,
    interview_id: str,
    body: InterviewAnswer,
    actor: str,
) -> StoredInterview:
    """Apply one step; when the engine stops, keep the final assessment too.

    Raises:
        NotFoundError: no such interview.
        ConflictError: the interview changed since `body.revision`, or is finished.
        FieldErrors / InputError: bad finding, text too long or unreadable.
    """
    _check(assessor, settings, None, body.text)
    stored, state = load(store, interview_id)
    if state.stop is not None:
        raise ConflictError("this interview is finished; start a new one")
    revision = stored.revision if body.revision is None else body.revision
    state, detail = _apply(assessor, state, body)
    step = next_step(assessor, state.session)
    finished: NewAssessment | None = None
    action = "interview.answer"
    if isinstance(step, Stop):
        state = state.model_copy(
            update={
                "stop": StopPublic(
                    reason=step.reason.value,
                    message=step.message,
                    questions_asked=step.questions_asked,
                )
            }
        )
        session = state.session
        given = AssessmentBase(
            answers=dict(session.answers),
            age=session.age,
            sex=session.sex,
            text="\n\n".join(state.texts) or None,
            setting=session.setting,
        )
        report = build_report(assessor.kb, step.assessment, state.read_from_text)
        finished = new_record("interview", given, report, report_json(report))
        action = "interview.finish"
        detail["stop"] = step.reason.value
    return store.update_interview(
        interview_id=interview_id,
        revision=revision,
        state=state.model_dump(mode="json"),
        actor=actor,
        action=action,
        detail=detail,
        finished=finished,
    )


def _question(step: Question) -> QuestionPublic:
    return QuestionPublic(
        kind=step.kind.value,
        number=step.number,
        purpose=step.purpose.value,
        text=step.text,
        reason=step.reason,
        hint=step.hint,
        finding=step.finding,
        sections=[
            ChecklistSectionPublic(
                id=s.id,
                kind=s.kind.value,
                title=s.title,
                items=[
                    ChecklistItemPublic(finding=i.finding, text=i.text, detail=i.detail)
                    for i in s.items
                ],
                red_flags=list(s.red_flags),
            )
            for s in step.sections
        ],
        detail=step.detail,
        red_flags=list(step.red_flags),
        zones=[ZoneOption(zone=z.zone, label=ZONE_LABELS[z.zone], text=z.text) for z in step.zones],
    )


def _answered(kb: KnowledgeBase, session: InterviewSession) -> list[str]:
    """The findings answered through questions (not the body map), in order: single questions,
    then the items of each tick list."""
    listed = {
        f
        for page in session.pages
        for i in page
        if i in kb.screen_groups or i in kb.checklists
        for f in list_members(kb, session.mode, i)
    }
    return [*session.asked, *(f for f in session.answers if f in listed and f not in session.asked)]


def interview_public(assessor: Assessor, stored: StoredInterview) -> InterviewPublic:
    """Where a kept interview stands, with the next question and the live differential."""
    state = InterviewState.model_validate(stored.state)
    session, kb = state.session, assessor.kb
    question = None
    if state.stop is None:
        step = next_step(assessor, session)
        question = _question(step) if isinstance(step, Question) else None
    live = snapshot(assessor, session, shown=LIVE_SHOWN)
    flags = [r for r in live.triage.reasons if r.kind == "red_flag"]
    return InterviewPublic(
        id=stored.id,
        revision=stored.revision,
        created_at=stored.created_at,
        updated_at=stored.updated_at,
        actor=stored.actor,
        mode=session.mode.value,
        status="open" if state.stop is None else "finished",
        question=question,
        location=list(session.location) if session.location is not None else None,
        answered=[
            AnsweredPublic(
                finding=f,
                label=kb.findings[f].label if f in kb.findings else f,
                answer=session.answers[f],
            )
            for f in _answered(kb, session)
        ],
        questions_asked=session.questions_asked,
        differential=[
            LeadingPublic(condition=c.condition, name=c.name, probability=c.probability)
            for c in live.leading
        ],
        confidence=live.confidence,
        target=live.target,
        triage_level=live.triage.level,
        red_flags=[
            RedFlagNotice(
                id=r.ref,
                name=kb.red_flags[r.ref].name if r.ref in kb.red_flags else r.ref,
                urgency=r.level,
                patient=r.patient,
                clinician=r.clinician,
            )
            for r in flags
        ],
        texts=list(state.texts),
        stop=state.stop,
        assessment_id=stored.assessment_id,
        links=InterviewLinks(
            self=f"/api/v1/interviews/{stored.id}",
            html=f"/interview/{stored.id}",
            report=f"/assessments/{stored.assessment_id}" if stored.assessment_id else None,
        ),
    )
