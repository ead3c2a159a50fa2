"""The hipdx CDS Hooks services: discovery, `patient-view` cards and `order-select` checks.

Pure functions from a CDSRequest (with prefetch resolved) to a CDSResponse; the web route
parses, resolves missing prefetch through a FhirReader and serialises.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.servicerequest import ServiceRequest
from pydantic import ValidationError

from hipdx.assessment import Assessment, Assessor
from hipdx.errors import InputError
from hipdx.interop.cds_hooks import (
    Action,
    Card,
    CDSRequest,
    CDSResponse,
    CDSService,
    Discovery,
    Link,
    OverrideReason,
    Source,
    Suggestion,
)
from hipdx.interop.codes import FINDING_SYSTEM
from hipdx.interop.fhir_client import FhirReader
from hipdx.interop.fhir_input import PatientRecord, evidence_from_resources
from hipdx.interop.imaging_orders import is_regional_mri
from hipdx.types import Answer

PATIENT_VIEW = "hipdx-patient-view"
ORDER_SELECT = "hipdx-order-select"
PREFETCH = {
    "patient": "Patient/{{context.patientId}}",
    "observations": f"Observation?subject={{{{context.patientId}}}}&code={FINDING_SYSTEM}|",
    "conditions": "Condition?subject={{context.patientId}}",
}
SERVICES = {
    PATIENT_VIEW: CDSService(
        hook="patient-view",
        id=PATIENT_VIEW,
        title="hipdx: posterior hip pain differential and red flags",
        description=(
            "Ranks causes of pain at the back of the hip from the patient's hipdx-coded "
            "Observations and Conditions; red flags as critical cards, the differential as info."
        ),
        prefetch=PREFETCH,
    ),
    ORDER_SELECT: CDSService(
        hook="order-select",
        id=ORDER_SELECT,
        title="hipdx: early MRI check for posterior hip pain",
        description=(
            "Warns when MRI of the lumbar spine, pelvis, hip or thigh is ordered with no red flag "
            "and under six weeks of symptoms, and suggests the first steps instead."
        ),
        prefetch=PREFETCH,
    ),
}
ACUTE_FINDING = "duration_under_6_weeks"
"""Symptoms under six weeks: with no red flag, early MRI rarely changes management."""
DIFFERENTIAL_CARD_SIZE = 5
FIRST_STEP_MAX_STAGE = 2
CARD_NAMESPACE = uuid.UUID("0b0d6c57-2b8f-4c56-9f0b-8d6d3f0e2a11")
READ_TYPES = {"Patient", "Observation", "Condition"}


def discovery() -> Discovery:
    """The discovery document served at GET /cds-services."""
    return Discovery(services=list(SERVICES.values()))


def _fill(template: str, context: dict[str, Any]) -> str:
    def value(match: re.Match[str]) -> str:
        return str(context.get(match.group(1), ""))

    return re.sub(r"\{\{\s*context\.(\w+)\s*\}\}", value, template)


def resolve_prefetch(
    request: CDSRequest, service_id: str, reader: FhirReader | None
) -> dict[str, Any]:
    """The request's prefetch, with templates the client left out read through `reader`."""
    prefetch = dict(request.prefetch or {})
    templates = SERVICES[service_id].prefetch or {}
    for key, template in templates.items():
        if prefetch.get(key) is None and reader is not None:
            prefetch[key] = reader.read(_fill(template, request.context))
    return prefetch


def _resources(values: Iterable[Any], types: set[str]) -> list[Any]:
    """FHIR resources of `types` in prefetch values (resources or Bundles), parsed as R4B."""
    parsed: list[Any] = []
    pending = [v for v in values if isinstance(v, dict)]
    while pending:
        value = pending.pop(0)
        kind = value.get("resourceType")
        if kind == "Bundle":
            pending.extend(
                e["resource"]
                for e in value.get("entry") or []
                if isinstance(e.get("resource"), dict)
            )
        elif kind in types:
            try:
                parsed.append(get_fhir_model_class(kind).model_validate(value))
            except ValidationError as exc:
                raise InputError(f"invalid {kind} {value.get('id', '')}: {exc}") from exc
    return parsed


def read_record(assessor: Assessor, prefetch: dict[str, Any], today: date) -> PatientRecord:
    """Evidence from prefetched Patient, Observations and Conditions."""
    return evidence_from_resources(
        _resources(prefetch.values(), READ_TYPES), assessor.model.finding_ids, today
    )


def _card_id(request: CDSRequest, key: str) -> str:
    return str(uuid.uuid5(CARD_NAMESPACE, f"{request.hookInstance}/{key}"))


def _summary(text: str) -> str:
    return text if len(text) <= 140 else text[:139] + "…"


def _app_link(base_url: str, patient_id: str | None) -> list[Link]:
    url = f"{base_url.rstrip('/')}/clinician"
    if patient_id:
        url += f"?patient={patient_id}"
    return [Link(label="Open in hipdx", url=url, type="absolute")]


def _source(assessor: Assessor, source_ids: Iterable[str], base_url: str) -> Source:
    """The first cited source that has a URL, else hipdx itself."""
    for source_id in source_ids:
        source = assessor.kb.sources.get(source_id)
        if source is not None and source.url:
            return Source(label=_summary(source.citation), url=source.url)
    return Source(label=f"hipdx knowledge base {assessor.kb.version}", url=base_url)


def _differential_detail(assessment: Assessment) -> str:
    lines = ["| Condition | Probability |", "|---|---|"]
    lines += [
        f"| {r.name} | {r.probability:.0%} |" for r in assessment.ranking[:DIFFERENTIAL_CARD_SIZE]
    ]
    lines += ["", f"Triage: **{assessment.triage.level.value}**. {assessment.disclaimer}"]
    return "\n".join(lines)


def patient_view(
    assessor: Assessor, request: CDSRequest, prefetch: dict[str, Any], base_url: str, today: date
) -> CDSResponse:
    """Cards for the patient chart: one critical card per red flag, one info differential card.

    No cards when the record holds no hipdx finding (nothing to say).
    """
    record = read_record(assessor, prefetch, today)
    patient_id = record.patient_id or request.context.get("patientId")
    if not any(a is not Answer.UNKNOWN for a in record.evidence.answers.values()):
        return CDSResponse(cards=[])
    assessment = assessor.assess(record.evidence)
    links = _app_link(base_url, patient_id)
    cards = []
    for flag_id in assessment.triage.red_flags:
        flag = assessor.kb.red_flags[flag_id]
        cards.append(
            Card(
                uuid=_card_id(request, f"red_flag/{flag_id}"),
                summary=_summary(f"Red flag ({flag.urgency.value}): {flag.name}"),
                detail=flag.reason_clinician,
                indicator="critical",
                source=_source(assessor, flag.sources, base_url),
                links=links,
            )
        )
    leading = ", ".join(f"{r.name} {r.probability:.0%}" for r in assessment.ranking[:3])
    cards.append(
        Card(
            uuid=_card_id(request, "differential"),
            summary=_summary(f"hipdx differential: {leading}"),
            detail=_differential_detail(assessment),
            indicator="info",
            source=Source(label=f"hipdx {assessment.kb_version}", url=base_url),
            links=links,
        )
    )
    return CDSResponse(cards=cards)


def draft_orders(context: dict[str, Any]) -> list[ServiceRequest]:
    """Draft ServiceRequests in context.draftOrders (those in `selections` when it is given)."""
    bundle = context.get("draftOrders") or {}
    orders: list[ServiceRequest] = _resources([bundle], {"ServiceRequest"})
    selections = context.get("selections")
    if selections:
        chosen = set(selections)
        orders = [o for o in orders if f"ServiceRequest/{o.id}" in chosen]
    return orders


def first_steps(assessment: Assessment) -> list[str]:
    """The plan's first steps: priority-1 examination workup and management up to stage 2."""
    exams = [i.clinician for i in assessment.plan.workup if i.kind == "exam" and i.order == 1]
    steps = [s.clinician for s in assessment.plan.management if s.order <= FIRST_STEP_MAX_STAGE]
    return [*exams, *steps]


def order_select(
    assessor: Assessor, request: CDSRequest, prefetch: dict[str, Any], base_url: str, today: date
) -> CDSResponse:
    """A warning card per regional MRI ordered with no red flag and under six weeks of symptoms."""
    mri_orders = [o for o in draft_orders(request.context) if is_regional_mri(o)]
    if not mri_orders:
        return CDSResponse(cards=[])
    record = read_record(assessor, prefetch, today)
    if record.evidence.answers.get(ACUTE_FINDING) is not Answer.YES:
        return CDSResponse(cards=[])
    assessment = assessor.assess(record.evidence)
    if assessment.triage.red_flags:
        return CDSResponse(cards=[])
    patient_id = record.patient_id or request.context.get("patientId")
    steps = "\n".join(f"- {s}" for s in first_steps(assessment))
    cards = []
    for order in mri_orders:
        what = order.code.text if order.code and order.code.text else "MRI"
        cards.append(
            Card(
                uuid=_card_id(request, f"early_mri/{order.id}"),
                summary=_summary(
                    f"{what}: no red flag and symptoms under 6 weeks; consider first steps"
                ),
                detail=(
                    "No red flag is recorded and symptoms began less than six weeks ago: early MRI "
                    "rarely changes management and finds incidental changes. Suggested first steps "
                    f"(hipdx plan for {assessment.ranking[0].name}):\n\n{steps}\n\n"
                    f"{assessment.disclaimer}"
                ),
                indicator="warning",
                source=Source(label=f"hipdx {assessment.kb_version}", url=base_url),
                suggestions=[
                    Suggestion(
                        label="Remove the MRI order for now",
                        uuid=_card_id(request, f"early_mri/{order.id}/remove"),
                        actions=[
                            Action(
                                type="delete",
                                description=f"Remove draft order {what}",
                                resourceId=f"ServiceRequest/{order.id}",
                            )
                        ],
                    )
                ],
                selectionBehavior="at-most-one",
                overrideReasons=[
                    OverrideReason(
                        code="red-flag-suspected", display="Red flag clinically suspected"
                    ),
                    OverrideReason(
                        code="progressive-deficit", display="Progressive neurological deficit"
                    ),
                    OverrideReason(code="specialist-request", display="Requested by a specialist"),
                ],
                links=_app_link(base_url, patient_id),
            )
        )
    return CDSResponse(cards=cards)
