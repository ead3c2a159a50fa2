"""`MemoryStore`: the in-memory fake of the Store interface, for unit tests."""

from __future__ import annotations

import threading
from datetime import datetime

from hipdx.errors import ConflictError, NotFoundError
from hipdx.store.models import (
    AssessmentPage,
    AssessmentSummary,
    AuditEntry,
    JsonObject,
    NewAssessment,
    StoredAssessment,
    StoredInterview,
)
from hipdx.store.sql import Clock, new_id, utc_now


class MemoryStore:
    """Keeps everything in dicts; behaves like SqlStore (checked by the same contract tests)."""

    def __init__(self, clock: Clock = utc_now) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._assessments: dict[str, StoredAssessment] = {}
        self._search: dict[str, str] = {}
        self._interviews: dict[str, StoredInterview] = {}
        self._audit: list[AuditEntry] = []

    def _append(
        self,
        at: datetime,
        actor: str,
        action: str,
        target_type: str,
        target_id: str,
        detail: JsonObject,
    ) -> None:
        self._audit.append(
            AuditEntry(
                id=len(self._audit) + 1,
                at=at,
                actor=actor,
                action=action,
                target_type=target_type,
                target_id=target_id,
                detail=dict(detail),
            )
        )

    def _add_assessment(
        self, at: datetime, actor: str, new: NewAssessment, detail: JsonObject
    ) -> AssessmentSummary:
        """Keep `new` and audit `assessment.create` (`detail` after the origin)."""
        assessment_id = new_id()
        stored = StoredAssessment.from_new(
            new, assessment_id=assessment_id, created_at=at, actor=actor
        )
        self._assessments[assessment_id] = stored
        self._search[assessment_id] = new.search_text
        self._append(
            at,
            actor,
            "assessment.create",
            "assessment",
            assessment_id,
            {"origin": new.origin, **detail},
        )
        return AssessmentSummary.of_new(
            new, assessment_id=assessment_id, created_at=at, actor=actor
        )

    def create_assessment(self, *, new: NewAssessment, actor: str) -> AssessmentSummary:
        with self._lock:
            return self._add_assessment(self._clock(), actor, new, {"kb_version": new.kb_version})

    def get_assessment(self, *, assessment_id: str) -> StoredAssessment | None:
        return self._assessments.get(assessment_id)

    def list_assessments(
        self, *, query: str | None = None, limit: int = 50, offset: int = 0
    ) -> AssessmentPage:
        needle = (query or "").strip().lower()

        def matches(a: StoredAssessment) -> bool:
            fields = (a.id, a.actor, a.headline, a.triage_level, self._search[a.id])
            return not needle or any(needle in f.lower() for f in fields)

        found = sorted(
            (a for a in self._assessments.values() if matches(a)),
            key=lambda a: a.id,
        )
        found.sort(key=lambda a: a.created_at, reverse=True)
        items = [
            AssessmentSummary(**a.model_dump(exclude={"input", "result"}))
            for a in found[offset : offset + limit]
        ]
        return AssessmentPage(items=items, total=len(found))

    def create_interview(self, *, state: JsonObject, actor: str) -> StoredInterview:
        with self._lock:
            now, interview_id = self._clock(), new_id()
            self._interviews[interview_id] = StoredInterview(
                id=interview_id,
                created_at=now,
                updated_at=now,
                actor=actor,
                state=dict(state),
                revision=1,
                assessment_id=None,
            )
            self._append(now, actor, "interview.start", "interview", interview_id, {})
            return self._interviews[interview_id]

    def get_interview(self, *, interview_id: str) -> StoredInterview | None:
        return self._interviews.get(interview_id)

    def update_interview(
        self,
        *,
        interview_id: str,
        revision: int,
        state: JsonObject,
        actor: str,
        action: str,
        detail: JsonObject,
        finished: NewAssessment | None = None,
    ) -> StoredInterview:
        with self._lock:
            now = self._clock()
            known = self._interviews.get(interview_id)
            if known is None:
                raise NotFoundError(f"no interview {interview_id!r}")
            if known.revision != revision:
                raise ConflictError(f"interview {interview_id!r} changed since revision {revision}")
            assessment_id = known.assessment_id
            if finished is not None:
                kept = self._add_assessment(now, actor, finished, {"interview": interview_id})
                assessment_id = kept.id
            updated = known.model_copy(
                update={
                    "state": dict(state),
                    "updated_at": now,
                    "revision": revision + 1,
                    "assessment_id": assessment_id,
                }
            )
            self._interviews[interview_id] = updated
            self._append(now, actor, action, "interview", interview_id, detail)
            return updated

    def record_event(
        self, *, actor: str, action: str, target_type: str, target_id: str, detail: JsonObject
    ) -> None:
        with self._lock:
            self._append(self._clock(), actor, action, target_type, target_id, detail)

    def list_audit(self, *, target_id: str | None = None, limit: int = 100) -> list[AuditEntry]:
        return [e for e in self._audit if target_id is None or e.target_id == target_id][:limit]

    def check(self) -> None:
        return None

    def close(self) -> None:
        return None
