"""All SQL of hipdx: keyword-only functions that take a session and return store models.

The two Core-only writers (`add_assessment`, `add_audit`) also take a bare connection: a session
costs more CPU than the insert on the hot path of POST /api/v1/assessments. They neither commit
nor roll back; the caller (`SqlStore`) owns the transaction, so a change and
its audit line land together or not at all.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hipdx.store.models import (
    AssessmentPage,
    AssessmentSummary,
    AuditEntry,
    JsonObject,
    NewAssessment,
    StoredAssessment,
    StoredInterview,
)
from hipdx.store.tables import AssessmentRow, AuditRow, InterviewRow, metadata

Executor = Session | sa.Connection
"""What a Core statement runs on: a session, or a bare connection inside a transaction."""

# Core INSERTs of the tables with the values as parameters: compiled once and cached, with no ORM
# bookkeeping and no per-call cache key over the values (a result is ~40 kB of JSON). Hot path of
# POST /api/v1/assessments.
INSERT_ASSESSMENT = sa.insert(metadata.tables[AssessmentRow.__tablename__])
INSERT_AUDIT = sa.insert(metadata.tables[AuditRow.__tablename__])


def _utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored moment is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _summary(row: AssessmentRow | sa.Row[Any]) -> AssessmentSummary:
    """The list fields of a whole row or of a row of just those columns."""
    return AssessmentSummary(
        id=row.id,
        created_at=_utc(row.created_at),
        actor=row.actor,
        origin=row.origin,
        kb_version=row.kb_version,
        headline=row.headline,
        triage_level=row.triage_level,
    )


def _assessment(row: AssessmentRow) -> StoredAssessment:
    return StoredAssessment(
        **_summary(row).model_dump(), input=dict(row.input), result=dict(row.result)
    )


def _interview(row: InterviewRow) -> StoredInterview:
    return StoredInterview(
        id=row.id,
        created_at=_utc(row.created_at),
        updated_at=_utc(row.updated_at),
        actor=row.actor,
        state=dict(row.state),
        revision=row.revision,
        assessment_id=row.assessment_id,
    )


def add_audit(
    session: Executor,
    *,
    at: datetime,
    actor: str,
    action: str,
    target_type: str,
    target_id: str,
    detail: JsonObject,
) -> None:
    """Append one audit line."""
    session.execute(
        INSERT_AUDIT,
        {
            "at": at,
            "actor": actor,
            "action": action,
            "target_type": target_type,
            "target_id": target_id,
            "detail": detail,
        },
    )


def list_audit(
    session: Session, *, target_id: str | None = None, limit: int = 100
) -> list[AuditEntry]:
    """Audit lines oldest first, optionally only those about `target_id`."""
    statement = sa.select(AuditRow).order_by(AuditRow.id).limit(limit)
    if target_id is not None:
        statement = statement.where(AuditRow.target_id == target_id)
    return [
        AuditEntry(
            id=row.id,
            at=_utc(row.at),
            actor=row.actor,
            action=row.action,
            target_type=row.target_type,
            target_id=row.target_id,
            detail=dict(row.detail),
        )
        for row in session.scalars(statement)
    ]


def add_assessment(
    session: Executor,
    *,
    assessment_id: str,
    at: datetime,
    actor: str,
    new: NewAssessment,
    detail: JsonObject,
) -> AssessmentSummary:
    """Insert an assessment row and its `assessment.create` audit line (`detail` after the
    origin)."""
    session.execute(
        INSERT_ASSESSMENT,
        {
            "id": assessment_id,
            "created_at": at,
            "actor": actor,
            "origin": new.origin,
            "kb_version": new.kb_version,
            "headline": new.headline,
            "triage_level": new.triage_level,
            "search_text": new.search_text,
            "input": new.input,
            "result": new.result,
        },
    )
    add_audit(
        session,
        at=at,
        actor=actor,
        action="assessment.create",
        target_type="assessment",
        target_id=assessment_id,
        detail={"origin": new.origin, **detail},
    )
    return AssessmentSummary.of_new(
        new, assessment_id=assessment_id, created_at=_utc(at), actor=actor
    )


def get_assessment(session: Session, *, assessment_id: str) -> StoredAssessment | None:
    """The assessment with that id, or None."""
    row = session.get(AssessmentRow, assessment_id)
    return None if row is None else _assessment(row)


def list_assessments(
    session: Session, *, query: str | None = None, limit: int = 50, offset: int = 0
) -> AssessmentPage:
    """Newest first, filtered by a case-insensitive substring of id, actor, headline, triage
    level or search text."""
    condition: sa.ColumnElement[bool] = sa.true()
    if query and query.strip():
        needle = query.strip().lower()
        condition = sa.or_(
            *(
                sa.func.lower(column).contains(needle, autoescape=True)
                for column in (
                    AssessmentRow.id,
                    AssessmentRow.actor,
                    AssessmentRow.headline,
                    AssessmentRow.triage_level,
                    AssessmentRow.search_text,
                )
            )
        )
    total = session.scalar(sa.select(sa.func.count()).select_from(AssessmentRow).where(condition))
    columns = [c for c in AssessmentRow.__table__.columns if c.name not in ("input", "result")]
    rows = session.execute(
        sa.select(*columns)
        .where(condition)
        .order_by(AssessmentRow.created_at.desc(), AssessmentRow.id)
        .limit(limit)
        .offset(offset)
    )
    return AssessmentPage(items=[_summary(row) for row in rows], total=total or 0)


def add_interview(
    session: Session, *, interview_id: str, at: datetime, actor: str, state: JsonObject
) -> StoredInterview:
    """Insert an interview session at revision 1 and its `interview.start` audit line."""
    row = InterviewRow(
        id=interview_id,
        created_at=at,
        updated_at=at,
        actor=actor,
        revision=1,
        state=state,
        assessment_id=None,
    )
    session.add(row)
    session.flush()
    add_audit(
        session,
        at=at,
        actor=actor,
        action="interview.start",
        target_type="interview",
        target_id=interview_id,
        detail={},
    )
    return _interview(row)


def get_interview(session: Session, *, interview_id: str) -> StoredInterview | None:
    """The interview session with that id, or None."""
    row = session.get(InterviewRow, interview_id)
    return None if row is None else _interview(row)


def update_interview(
    session: Session,
    *,
    interview_id: str,
    revision: int,
    at: datetime,
    state: JsonObject,
    assessment_id: str | None,
) -> StoredInterview | None:
    """Replace the state if the row is still at `revision`; None when it is not (or is gone)."""
    values: dict[str, object] = {"state": state, "updated_at": at, "revision": revision + 1}
    if assessment_id is not None:
        values["assessment_id"] = assessment_id
    result = session.execute(
        sa.update(InterviewRow)
        .where(InterviewRow.id == interview_id, InterviewRow.revision == revision)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:
        return None
    row = session.get(InterviewRow, interview_id, populate_existing=True)
    return None if row is None else _interview(row)
