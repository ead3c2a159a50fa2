"""Golden snapshots of the FHIR result Bundle and the CDS Hooks responses.

Each test renders an output as normalised JSON (UUIDs numbered by first appearance, timestamps
and the knowledge-base version replaced; see tests/interop/snapshot.py) and compares it with
its file in tests/snapshots/. Any other change in the output fails the test: probabilities,
codes, texts, references between resources, card contents.

To regenerate after an intended change, then review the diff before committing:

    HIPDX_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/interop/test_snapshots.py
    git diff tests/snapshots
"""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from hipdx.assessment import Assessor
from hipdx.interop.cds_hooks import CDSRequest
from hipdx.interop.cds_services import order_select, patient_view
from tests.interop.conftest import payload
from tests.interop.snapshot import expected, normalise, render
from tests.interop.test_cds_hooks import (
    BASE,
    LUMBAR_MRI_SNOMED,
    mri_order,
    observations,
    patient_view_request,
)

TODAY = date(2024, 1, 1)
"""Fixed so that ages computed from the spec examples' birth dates do not drift."""
HINT = "output differs from its snapshot; if intended, regenerate (see the module docstring)"


def test_fhir_assess_bundle(client: TestClient) -> None:
    # Through the route: the Bundle's ids are random (uuid4 seed) on every call.
    answer = client.post("/fhir/$assess", json=payload("fhir_assess_hamstring.json"))
    assert answer.status_code == 200, answer.text
    actual = render(answer.json())
    assert actual == expected("fhir_assess_bundle", actual), HINT


def test_cds_patient_view(assessor: Assessor) -> None:
    request = CDSRequest.model_validate(
        patient_view_request({"saddle_anaesthesia": True, "pain_low_back": True})
    )
    response = patient_view(assessor, request, request.prefetch or {}, BASE, TODAY)
    actual = render(response.model_dump(mode="json", exclude_none=True))
    assert actual == expected("cds_patient_view", actual), HINT


def test_cds_order_select(assessor: Assessor) -> None:
    raw = mri_order(LUMBAR_MRI_SNOMED)
    raw["prefetch"]["observations"] = observations(
        "MedReqPatient1", {"pain_deep_buttock": True, "duration_under_6_weeks": True}
    )
    request = CDSRequest.model_validate(raw)
    response = order_select(assessor, request, request.prefetch or {}, BASE, TODAY)
    actual = render(response.model_dump(mode="json", exclude_none=True))
    assert actual == expected("cds_order_select", actual), HINT


def test_normalise_keeps_references_lined_up() -> None:
    first, second = "0b0d6c57-2b8f-4c56-9f0b-8d6d3f0e2a11", "6F1C9A3E-7F4B-4E53-9A55-6A1B2F1E8D10"
    data = {
        "id": first,
        "entry": [{"fullUrl": f"urn:uuid:{second}"}, {"reference": f"urn:uuid:{second.lower()}"}],
        "source": "hipdx 0.1.0+kb.0123456789ab",
        "issued": "2024-01-01T09:30:00Z",
        "probability": 0.25,
    }
    assert normalise(data) == {
        "id": "<uuid-1>",
        "entry": [{"fullUrl": "urn:uuid:<uuid-2>"}, {"reference": "urn:uuid:<uuid-2>"}],
        "source": "hipdx <kb-version>",
        "issued": "<timestamp>",
        "probability": 0.25,
    }
