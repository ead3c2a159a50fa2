"""API: interview sessions (start, answer, the next question and the live differential)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from hipdx.web.deps import ActorDep, AssessorDep, SettingsDep, StoreDep
from hipdx.web.interviewing import answer_interview, interview_public, load, start_interview
from hipdx.web.schemas import InterviewAnswer, InterviewCreate, InterviewPublic

router = APIRouter(prefix="/api/v1", tags=["interviews"])
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Unknown interview"},
    409: {"description": "Stale revision, or the interview is finished"},
}


@router.post("/interviews", status_code=201)
def create_interview(
    body: InterviewCreate,
    response: Response,
    assessor: AssessorDep,
    settings: SettingsDep,
    store: StoreDep,
    actor: ActorDep,
) -> InterviewPublic:
    """Start an interview; the first question is the body map."""
    stored = start_interview(
        assessor=assessor, settings=settings, store=store, body=body, actor=actor
    )
    response.headers["Location"] = f"/api/v1/interviews/{stored.id}"
    return interview_public(assessor, stored)


@router.get("/interviews/{interview_id}", responses=ERRORS)
def get_interview(interview_id: str, assessor: AssessorDep, store: StoreDep) -> InterviewPublic:
    """Where the interview stands: the next question (or why it stopped) and the differential."""
    stored, _ = load(store, interview_id)
    return interview_public(assessor, stored)


@router.post("/interviews/{interview_id}/answers", responses=ERRORS)
def answer(
    interview_id: str,
    body: InterviewAnswer,
    assessor: AssessorDep,
    settings: SettingsDep,
    store: StoreDep,
    actor: ActorDep,
) -> InterviewPublic:
    """Answer the body map (`zones`), a finding (`finding`, `answer`) or a tick list
    (`checklist`, `ticked`, `unsure`), and/or add free text; returns the next step.

    When the interview stops, the final assessment is kept and linked (`links.report`).
    """
    stored = answer_interview(
        assessor=assessor,
        settings=settings,
        store=store,
        interview_id=interview_id,
        body=body,
        actor=actor,
    )
    return interview_public(assessor, stored)
