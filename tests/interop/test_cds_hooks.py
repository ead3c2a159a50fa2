"""CDS Hooks: discovery, patient-view, order-select and feedback, with spec-shaped requests."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hipdx.assessment import Assessor
from hipdx.interop.cds_hooks import CDSRequest, CDSResponse
from hipdx.interop.cds_services import (
    ORDER_SELECT,
    PATIENT_VIEW,
    patient_view,
    resolve_prefetch,
)
from hipdx.interop.codes import FINDING_SYSTEM, SNOMED
from hipdx.interop.fhir_client import InMemoryFhirReader
from tests.interop.conftest import payload

BASE = "http://testserver"


def observations(patient: str, answers: dict[str, bool]) -> dict[str, Any]:
    """A searchset Bundle of hipdx-coded Observations, as a FHIR server would return it."""
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "entry": [
            {
                "resource": {
                    "resourceType": "Observation",
                    "id": "obs-" + finding.replace("_", "-"),
                    "status": "final",
                    "code": {"coding": [{"system": FINDING_SYSTEM, "code": finding}]},
                    "subject": {"reference": f"Patient/{patient}"},
                    "valueBoolean": value,
                }
            }
            for finding, value in answers.items()
        ],
    }


def patient_view_request(answers: dict[str, bool]) -> dict[str, Any]:
    request = payload("cds_patient_view_spec.json")
    request["prefetch"]["observations"] = observations("1288992", answers)
    request["prefetch"]["conditions"] = None
    return request


def mri_order(code: dict[str, Any], order_id: str = "mri-1") -> dict[str, Any]:
    request = copy.deepcopy(payload("cds_order_select_spec.json"))
    request["context"]["draftOrders"]["entry"].append(
        {
            "resource": {
                "resourceType": "ServiceRequest",
                "id": order_id,
                "status": "draft",
                "intent": "order",
                "code": code,
                "subject": {"reference": "Patient/MedReqPatient1"},
            }
        }
    )
    request["context"]["selections"].append(f"ServiceRequest/{order_id}")
    return request


def test_discovery(client: TestClient) -> None:
    answer = client.get("/cds-services")
    assert answer.status_code == 200
    services = {s["id"]: s for s in answer.json()["services"]}
    assert services[PATIENT_VIEW]["hook"] == "patient-view"
    assert services[ORDER_SELECT]["hook"] == "order-select"
    assert "observations" in services[PATIENT_VIEW]["prefetch"]


def test_patient_view_spec_example_without_findings_gives_no_cards(client: TestClient) -> None:
    answer = client.post(
        f"/cds-services/{PATIENT_VIEW}", json=payload("cds_patient_view_spec.json")
    )
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"cards": []}


def test_patient_view_pure_spec_example(assessor: Assessor) -> None:
    request = CDSRequest.model_validate(payload("cds_patient_view_spec.json"))
    result = patient_view(assessor, request, request.prefetch or {}, BASE, _today())
    assert result.cards == []


def _today() -> Any:
    from datetime import date

    return date(2024, 1, 1)


def test_patient_view_red_flag_and_differential(client: TestClient) -> None:
    request = patient_view_request({"saddle_anaesthesia": True, "pain_low_back": True})
    answer = client.post(f"/cds-services/{PATIENT_VIEW}", json=request)
    assert answer.status_code == 200, answer.text
    cards = CDSResponse.model_validate(answer.json()).cards
    critical = [c for c in cards if c.indicator == "critical"]
    info = [c for c in cards if c.indicator == "info"]
    assert critical and len(info) == 1
    assert "Saddle" in critical[0].summary
    for card in cards:
        assert card.source.label and card.source.url
        assert card.links and card.links[0].url == f"{BASE}/clinician?patient=1288992"
        assert len(card.summary) <= 140
    assert "| Condition | Probability |" in (info[0].detail or "")


def test_patient_view_reads_missing_prefetch_through_the_reader(assessor: Assessor) -> None:
    request = CDSRequest.model_validate(payload("cds_patient_view_spec.json"))
    query = f"Observation?subject=1288992&code={FINDING_SYSTEM}|"
    reader = InMemoryFhirReader({query: observations("1288992", {"pain_deep_buttock": True})})
    prefetch = resolve_prefetch(request, PATIENT_VIEW, reader)
    assert query in reader.queries and "Condition?subject=1288992" in reader.queries
    result = patient_view(assessor, request, prefetch, BASE, _today())
    assert [c.indicator for c in result.cards] == ["info"]


def test_order_select_spec_example_medication_only(client: TestClient) -> None:
    answer = client.post(
        f"/cds-services/{ORDER_SELECT}", json=payload("cds_order_select_spec.json")
    )
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"cards": []}


LUMBAR_MRI_SNOMED = {
    "coding": [{"system": SNOMED, "code": "394451000119106"}],
    "text": "MRI lumbar spine without contrast",
}
HIP_MRI_TEXT = {"text": "MR hip left"}


@pytest.mark.parametrize("code", [LUMBAR_MRI_SNOMED, HIP_MRI_TEXT])
def test_early_mri_without_red_flag_warns(client: TestClient, code: dict[str, Any]) -> None:
    request = mri_order(code)
    request["prefetch"]["observations"] = observations(
        "MedReqPatient1", {"pain_deep_buttock": True, "duration_under_6_weeks": True}
    )
    answer = client.post(f"/cds-services/{ORDER_SELECT}", json=request)
    assert answer.status_code == 200, answer.text
    (card,) = CDSResponse.model_validate(answer.json()).cards
    assert card.indicator == "warning"
    assert "- " in (card.detail or "")  # the suggested first steps
    assert card.suggestions and card.suggestions[0].actions
    assert card.suggestions[0].actions[0].resourceId == "ServiceRequest/mri-1"
    assert card.links and "patient=MedReqPatient1" in card.links[0].url


@pytest.mark.parametrize(
    "answers",
    [
        {"duration_under_6_weeks": True, "saddle_anaesthesia": True},
        {"duration_under_6_weeks": False, "pain_deep_buttock": True},
    ],
)
def test_mri_with_red_flag_or_longer_symptoms_passes(
    client: TestClient, answers: dict[str, bool]
) -> None:
    request = mri_order(LUMBAR_MRI_SNOMED)
    request["prefetch"]["observations"] = observations("MedReqPatient1", answers)
    answer = client.post(f"/cds-services/{ORDER_SELECT}", json=request)
    assert answer.status_code == 200
    assert answer.json()["cards"] == []


def test_non_mri_order_passes(client: TestClient) -> None:
    request = mri_order({"text": "X-ray pelvis AP"})
    request["prefetch"]["observations"] = observations(
        "MedReqPatient1", {"duration_under_6_weeks": True}
    )
    assert client.post(f"/cds-services/{ORDER_SELECT}", json=request).json()["cards"] == []


def test_feedback_spec_example(client: TestClient) -> None:
    answer = client.post(
        f"/cds-services/{PATIENT_VIEW}/feedback", json=payload("cds_feedback_spec.json")
    )
    assert answer.status_code == 200
    assert (
        client.post(
            "/cds-services/nope/feedback", json=payload("cds_feedback_spec.json")
        ).status_code
        == 404
    )


def test_unknown_service_and_wrong_hook(client: TestClient) -> None:
    assert (
        client.post("/cds-services/nope", json=payload("cds_order_select_spec.json")).status_code
        == 404
    )
    wrong = client.post(f"/cds-services/{PATIENT_VIEW}", json=payload("cds_order_select_spec.json"))
    assert wrong.status_code == 400
