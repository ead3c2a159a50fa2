"""The /fhir endpoints through the in-process client."""

from __future__ import annotations

from fastapi.testclient import TestClient
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire

from hipdx.interop.codes import FINDING_SYSTEM


def test_get_questionnaire(client: TestClient) -> None:
    answer = client.get("/fhir/Questionnaire/hipdx-intake")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/fhir+json")
    questionnaire = Questionnaire.model_validate(answer.json())
    assert questionnaire.status == "active"


def test_assess_questionnaire_response(client: TestClient) -> None:
    body = {
        "resourceType": "QuestionnaireResponse",
        "status": "completed",
        "item": [
            {"linkId": "age", "answer": [{"valueInteger": 30}]},
            {"linkId": "pain_deep_buttock", "answer": [{"valueBoolean": True}]},
        ],
    }
    answer = client.post("/fhir/$assess", json=body)
    assert answer.status_code == 200, answer.text
    bundle = Bundle.model_validate(answer.json())
    kinds = [e.resource.get_resource_type() for e in bundle.entry or []]
    assert kinds[0] == "RiskAssessment" and "Condition" in kinds


def test_assess_bundle_of_observations(client: TestClient) -> None:
    body = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "resource": {
                    "resourceType": "Observation",
                    "status": "final",
                    "code": {"coding": [{"system": FINDING_SYSTEM, "code": "saddle_anaesthesia"}]},
                    "valueBoolean": True,
                }
            }
        ],
    }
    answer = client.post("/fhir/$assess", json=body)
    assert answer.status_code == 200, answer.text
    risk = answer.json()["entry"][0]["resource"]
    assert any("Red flags" in n["text"] for n in risk["note"])


def test_assess_errors_are_operation_outcomes(client: TestClient) -> None:
    wrong = client.post("/fhir/$assess", json={"resourceType": "Patient"})
    assert wrong.status_code == 400
    assert wrong.json()["resourceType"] == "OperationOutcome"
    unknown = client.post(
        "/fhir/$assess",
        json={
            "resourceType": "QuestionnaireResponse",
            "status": "completed",
            "item": [{"linkId": "nope", "answer": [{"valueBoolean": True}]}],
        },
    )
    assert unknown.status_code == 422
    assert "nope" in unknown.json()["issue"][0]["diagnostics"]
