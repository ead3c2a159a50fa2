"""CDS Hooks 2.0 endpoints: discovery, the hipdx services and feedback (hipdx.interop.cds_*)."""

from __future__ import annotations

import logging
from datetime import date

from fastapi import APIRouter, HTTPException, Request

from hipdx.errors import InputError
from hipdx.interop.cds_hooks import CDSRequest, CDSResponse, Discovery, Feedback
from hipdx.interop.cds_services import (
    ORDER_SELECT,
    PATIENT_VIEW,
    SERVICES,
    discovery,
    order_select,
    patient_view,
    resolve_prefetch,
)
from hipdx.interop.fhir_client import FhirReader, HttpFhirReader
from hipdx.web.deps import AssessorDep

log = logging.getLogger("hipdx.web.cds_hooks")
router = APIRouter(prefix="/cds-services", tags=["CDS Hooks"])


@router.get("", response_model_exclude_none=True)
def cds_discovery() -> Discovery:
    """The services hipdx offers."""
    return discovery()


def _reader(request: Request, cds: CDSRequest) -> FhirReader | None:
    """The FHIR reader for missing prefetch: the app's (tests) or the client's server."""
    reader: FhirReader | None = getattr(request.app.state, "fhir_reader", None)
    if reader is not None:
        return reader
    if cds.fhirServer:
        token = cds.fhirAuthorization.access_token if cds.fhirAuthorization else None
        return HttpFhirReader(cds.fhirServer, token)
    return None


@router.post("/{service_id}", response_model_exclude_none=True)
def call_service(
    service_id: str, cds: CDSRequest, request: Request, assessor: AssessorDep
) -> CDSResponse:
    """Run a service on a hook request; 404 for an unknown service, 400 for a bad request."""
    service = SERVICES.get(service_id)
    if service is None:
        raise HTTPException(404, f"no CDS service {service_id!r}")
    if cds.hook != service.hook:
        raise HTTPException(400, f"service {service_id!r} answers {service.hook}, not {cds.hook}")
    base_url = str(request.base_url).rstrip("/")
    try:
        prefetch = resolve_prefetch(cds, service_id, _reader(request, cds))
        run = patient_view if service_id == PATIENT_VIEW else order_select
        assert service_id in (PATIENT_VIEW, ORDER_SELECT)
        return run(assessor, cds, prefetch, base_url, date.today())
    except InputError as exc:
        raise HTTPException(400, str(exc)) from exc


@router.post("/{service_id}/feedback")
def feedback(service_id: str, body: Feedback) -> dict[str, str]:
    """Accept card feedback (accepted / overridden); logged for review."""
    if service_id not in SERVICES:
        raise HTTPException(404, f"no CDS service {service_id!r}")
    for item in body.feedback:
        log.info("cds feedback %s card=%s outcome=%s", service_id, item.card, item.outcome)
    return {}
