"""API: create, fetch and list assessments; read the audit log."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response
from starlette.concurrency import run_in_threadpool

from hipdx.store.models import AuditEntry
from hipdx.web.assessing import (
    assess_input,
    new_record,
    public_json,
    report_json,
    stored_public,
    summary_public,
)
from hipdx.web.deps import ActorDep, ContextDep, SettingsDep, StoreDep
from hipdx.web.schemas import AssessmentCreate, AssessmentList, AssessmentPublic

router = APIRouter(prefix="/api/v1", tags=["assessments"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "Unknown id"}}


@router.post(
    "/assessments",
    status_code=201,
    response_model=AssessmentPublic,
    responses={413: {"description": "Body too large"}},
)
async def create_assessment(body: AssessmentCreate, context: ContextDep) -> Response:
    """Assess a presentation (answers and/or free text) and keep the result."""
    if body.text:  # the text reader runs (and may first load) a language model: off the loop
        report = await run_in_threadpool(assess_input, context.assessor, context.settings, body)
    else:  # ~1 ms of CPU under the GIL: a worker thread would add hand-offs, no parallelism
        report = assess_input(context.assessor, context.settings, body)
    result = report_json(report)
    record = new_record("api", body, report, result)
    # The database may make it wait (another writer, a PostgreSQL round trip): off the loop.
    kept = await run_in_threadpool(context.store.create_assessment, new=record, actor=context.actor)
    # Written here, from the report's JSON as kept: the model was just built, so re-validating
    # it, or serialising it again, is wasted work.
    return Response(
        public_json(kept, body, result),
        status_code=201,
        media_type="application/json",
        headers={"Location": f"/api/v1/assessments/{kept.id}"},
    )


@router.get("/assessments")
def list_assessments(
    store: StoreDep,
    settings: SettingsDep,
    q: Annotated[str | None, Query(max_length=200, description="Search text")] = None,
    limit: Annotated[int | None, Query(ge=1, le=500)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> AssessmentList:
    """Past assessments, newest first, optionally matching `q`."""
    size = limit or settings.page_size
    page = store.list_assessments(query=q, limit=size, offset=offset)
    return AssessmentList(
        items=[summary_public(s) for s in page.items],
        total=page.total,
        limit=size,
        offset=offset,
        query=q,
    )


@router.get("/assessments/{assessment_id}", responses=NOT_FOUND)
def get_assessment(assessment_id: str, store: StoreDep, actor: ActorDep) -> AssessmentPublic:
    """A kept assessment, exactly as it was computed."""
    stored = store.get_assessment(assessment_id=assessment_id)
    if stored is None:
        raise HTTPException(404, f"no assessment {assessment_id!r}")
    store.record_event(
        actor=actor,
        action="assessment.view",
        target_type="assessment",
        target_id=assessment_id,
        detail={"format": "api"},
    )
    return stored_public(stored)


@router.get("/audit")
def audit_log(
    store: StoreDep,
    target: Annotated[str | None, Query(max_length=36)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[AuditEntry]:
    """The append-only audit log, oldest first, optionally about one record."""
    return store.list_audit(target_id=target, limit=limit)
