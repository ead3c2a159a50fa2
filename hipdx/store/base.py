"""The store interface every backend implements (its errors are in hipdx.errors).

`SqlStore` (hipdx.store.sql) keeps data in SQLite or PostgreSQL; `MemoryStore`
(hipdx.store.memory) is the in-memory fake for unit tests. Both pass the same contract tests.
Every write that changes data appends its audit line in the same transaction.
"""

from __future__ import annotations

from typing import Protocol

# The store's errors live in the one exception tree; re-exported for `hipdx.store.base` users.
from hipdx.errors import ConflictError as ConflictError
from hipdx.errors import NotFoundError as NotFoundError
from hipdx.errors import StoreError as StoreError
from hipdx.store.models import (
    AssessmentPage,
    AssessmentSummary,
    AuditEntry,
    JsonObject,
    NewAssessment,
    StoredAssessment,
    StoredInterview,
)


class Store(Protocol):
    """Persistence of assessments, interview sessions and the audit log."""

    def create_assessment(self, *, new: NewAssessment, actor: str) -> AssessmentSummary:
        """Keep an assessment and audit `assessment.create`."""
        ...

    def get_assessment(self, *, assessment_id: str) -> StoredAssessment | None:
        """The assessment with that id, or None."""
        ...

    def list_assessments(
        self, *, query: str | None = None, limit: int = 50, offset: int = 0
    ) -> AssessmentPage:
        """Newest first; `query` matches (case-insensitively) id, actor, headline, triage level
        and search text."""
        ...

    def create_interview(self, *, state: JsonObject, actor: str) -> StoredInterview:
        """Keep a new interview session and audit `interview.start`."""
        ...

    def get_interview(self, *, interview_id: str) -> StoredInterview | None:
        """The interview session with that id, or None."""
        ...

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
        """Replace the state of an interview read at `revision` and audit `action`.

        With `finished`, also keep that assessment (origin `interview`) and link it.

        Raises:
            NotFoundError: no interview with that id.
            ConflictError: the interview is no longer at `revision`.
        """
        ...

    def record_event(
        self, *, actor: str, action: str, target_type: str, target_id: str, detail: JsonObject
    ) -> None:
        """Append a line to the audit log (for reads and exports)."""
        ...

    def list_audit(self, *, target_id: str | None = None, limit: int = 100) -> list[AuditEntry]:
        """Audit lines, oldest first, optionally only those about one record."""
        ...

    def check(self) -> None:
        """Raise StoreError when the store cannot be reached."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...
