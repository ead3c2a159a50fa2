"""Persistence of assessments, interview sessions and the audit log (SQLite or PostgreSQL)."""

from hipdx.errors import ConflictError, NotFoundError, StoreError
from hipdx.store.base import Store
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
