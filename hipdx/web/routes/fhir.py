"""FHIR R4 endpoints under /fhir: the intake Questionnaire and `$assess`.

POST /fhir/$assess takes a QuestionnaireResponse (to the intake Questionnaire) or a Bundle of
Observations (code = a finding id in the hipdx finding CodeSystem) and answers a Bundle with a
RiskAssessment, Conditions, ServiceRequests and a CarePlan (see hipdx.interop.fhir_output).
Errors are OperationOutcomes.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.operationoutcome import OperationOutcome, OperationOutcomeIssue
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from pydantic import ValidationError

from hipdx.errors import InputError
from hipdx.interop.fhir_input import evidence_from_bundle, evidence_from_questionnaire_response
from hipdx.interop.fhir_output import assessment_bundle
from hipdx.interop.questionnaire import build_questionnaire
from hipdx.web.deps import AssessorDep

FHIR_JSON = "application/fhir+json"
router = APIRouter(prefix="/fhir", tags=["FHIR R4"])


def _fhir(resource: Any, status: int = 200) -> Response:
    return Response(
        resource.model_dump_json(exclude_none=True), status_code=status, media_type=FHIR_JSON
    )


def _outcome(status: int, code: str, message: str) -> Response:
    outcome = OperationOutcome(
        issue=[OperationOutcomeIssue(severity="error", code=code, diagnostics=message)]
    )
    return _fhir(outcome, status)


@router.get("/Questionnaire/hipdx-intake", summary="The intake as a FHIR Questionnaire")
def questionnaire(assessor: AssessorDep) -> Response:
    """Every finding (linkId = finding id, yes / no / unknown) plus age and sex."""
    return _fhir(build_questionnaire(assessor.kb))


@router.post("/$assess", summary="Assess a QuestionnaireResponse or a Bundle of Observations")
async def assess(request: Request, assessor: AssessorDep) -> Response:
    """Answers a Bundle (collection) of RiskAssessment, Conditions, ServiceRequests, CarePlan."""
    try:
        body = json.loads(await request.body())
    except ValueError:
        return _outcome(400, "structure", "the body is not JSON")
    kind = body.get("resourceType") if isinstance(body, dict) else None
    known = assessor.model.finding_ids
    try:
        if kind == "QuestionnaireResponse":
            record = evidence_from_questionnaire_response(
                QuestionnaireResponse.model_validate(body), known
            )
        elif kind == "Bundle":
            record = evidence_from_bundle(Bundle.model_validate(body), known, date.today())
        else:
            return _outcome(400, "not-supported", "post a QuestionnaireResponse or a Bundle")
        assessment = assessor.assess(record.evidence)
    except ValidationError as exc:
        return _outcome(400, "structure", f"not a valid FHIR R4 {kind}: {exc}")
    except InputError as exc:
        return _outcome(422, "invalid", str(exc))
    bundle = assessment_bundle(assessment, assessor.kb, record.patient_id, str(uuid.uuid4()))
    return _fhir(bundle)
