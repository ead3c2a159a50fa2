"""API: health, version, and the conditions and findings of the knowledge base."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse

from hipdx import __version__
from hipdx.store.base import StoreError
from hipdx.types import FindingKind
from hipdx.web.deps import AssessorDep, StoreDep
from hipdx.web.schemas import CodePublic, ConditionPublic, FindingPublic, Health, Version

router = APIRouter(prefix="/api/v1", tags=["service and knowledge base"])


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


def _condition(assessor: AssessorDep, condition_id: str) -> ConditionPublic:
    c = assessor.kb.conditions.get(condition_id)
    if c is None:
        raise HTTPException(404, f"no condition {condition_id!r}")
    return ConditionPublic(
        id=c.id,
        name=c.name,
        description_patient=c.description_patient,
        description_clinician=c.description_clinician,
        triage_when_suspected=c.triage_when_suspected,
        serious=c.serious,
        icd10=[CodePublic(code=x.code, display=x.display) for x in c.icd10],
        snomed=[CodePublic(code=x.code, display=x.display) for x in c.snomed],
        sources=list(c.sources),
    )


@router.get("/conditions")
def list_conditions(assessor: AssessorDep) -> list[ConditionPublic]:
    """The conditions hipdx ranks."""
    return [_condition(assessor, c) for c in assessor.kb.conditions]


@router.get("/conditions/{condition_id}", responses={404: {"description": "Unknown id"}})
def get_condition(assessor: AssessorDep, condition_id: str) -> ConditionPublic:
    """One condition."""
    return _condition(assessor, condition_id)


def _finding(assessor: AssessorDep, finding_id: str) -> FindingPublic:
    f = assessor.kb.findings.get(finding_id)
    if f is None:
        raise HTTPException(404, f"no finding {finding_id!r}")
    return FindingPublic(
        id=f.id,
        kind=f.kind,
        label=f.label,
        clinician=f.clinician,
        question=f.question,
        zone=f.zone,
        screen=f.screen,
        sources=list(f.sources),
    )


@router.get("/findings")
def list_findings(assessor: AssessorDep, kind: FindingKind | None = None) -> list[FindingPublic]:
    """The findings hipdx asks about, optionally of one kind."""
    return [
        _finding(assessor, f.id)
        for f in assessor.kb.findings.values()
        if kind is None or f.kind is kind
    ]


@router.get("/findings/{finding_id}", responses={404: {"description": "Unknown id"}})
def get_finding(assessor: AssessorDep, finding_id: str) -> FindingPublic:
    """One finding."""
    return _finding(assessor, finding_id)
