"""API: health, version, and the conditions and findings of the knowledge base."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse

from hipdx import __version__
from hipdx.errors import StoreError
from hipdx.types import FindingKind
from hipdx.web.deps import AssessorDep, StoreDep
from hipdx.web.schemas import ConditionPublic, FindingPublic, Health, Version

router = APIRouter(prefix="/api/v1", tags=["service and knowledge base"])
Record = TypeVar("Record")


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
def health(store: StoreDep) -> Health | JSONResponse:
    """Whether the service and its database answer."""
    try:
        store.check()
    except StoreError:
        return JSONResponse(
            Health(status="unavailable", database="unreachable").model_dump(), status_code=503
        )
    return Health(status="ok", database="ok")


@router.get("/version")
def version(assessor: AssessorDep) -> Version:
    """Package and knowledge-base versions."""
    return Version(version=__version__, kb_version=assessor.kb.version)


def _known(records: Mapping[str, Record], record_id: str, kind: str) -> Record:
    """The record with that id, or 404."""
    record = records.get(record_id)
    if record is None:
        raise HTTPException(404, f"no {kind} {record_id!r}")
    return record


@router.get("/conditions")
def list_conditions(assessor: AssessorDep) -> list[ConditionPublic]:
    """The conditions hipdx ranks."""
    return [ConditionPublic.model_validate(c) for c in assessor.kb.conditions.values()]


@router.get("/conditions/{condition_id}", responses={404: {"description": "Unknown id"}})
def get_condition(assessor: AssessorDep, condition_id: str) -> ConditionPublic:
    """One condition."""
    return ConditionPublic.model_validate(_known(assessor.kb.conditions, condition_id, "condition"))


@router.get("/findings")
def list_findings(assessor: AssessorDep, kind: FindingKind | None = None) -> list[FindingPublic]:
    """The findings hipdx asks about, optionally of one kind."""
    return [
        FindingPublic.model_validate(f)
        for f in assessor.kb.findings.values()
        if kind is None or f.kind is kind
    ]


@router.get("/findings/{finding_id}", responses={404: {"description": "Unknown id"}})
def get_finding(assessor: AssessorDep, finding_id: str) -> FindingPublic:
    """One finding."""
    return FindingPublic.model_validate(_known(assessor.kb.findings, finding_id, "finding"))
