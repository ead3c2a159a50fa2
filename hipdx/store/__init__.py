"""Persistence of assessments, interview sessions and the audit log (SQLite or PostgreSQL)."""

from hipdx.store.base import ConflictError, NotFoundError, Store, StoreError
from hipdx.store.memory import MemoryStore
from hipdx.store.models import (
    AssessmentPage,
    AssessmentSummary,
    AuditEntry,
    NewAssessment,
    StoredAssessment,
    StoredInterview,
)
from hipdx.store.sql import SqlStore

__all__ = [
    "AssessmentPage",
    "AssessmentSummary",
    "AuditEntry",
    "ConflictError",
    "MemoryStore",
    "NewAssessment",
    "NotFoundError",
    "SqlStore",
    "Store",
    "StoreError",
    "StoredAssessment",
    "StoredInterview",
]
