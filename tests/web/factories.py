"""Object factories for web tests: request bodies and kept assessments."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

SIT_BONE_CASE: dict[str, Any] = {
    "answers": {"pain_sit_bone": "yes", "pain_low_back": "no"},
    "age": 41,
    "sex": "female",
}
RED_FLAG_CASE: dict[str, Any] = {
    "answers": {"saddle_anaesthesia": "yes", "urinary_retention_incontinence": "yes"},
    "age": 50,
    "sex": "male",
}


def assessment_body(**changes: Any) -> dict[str, Any]:
    """A valid POST /api/v1/assessments body; keyword arguments replace its fields."""
    return {**SIT_BONE_CASE, **changes}


def create_assessment(
    client: TestClient, body: dict[str, Any] | None = None, actor: str | None = None
) -> dict[str, Any]:
    """Create an assessment through the API and return its JSON."""
    headers = {"X-Hipdx-Actor": actor} if actor else {}
    response = client.post("/api/v1/assessments", json=body or assessment_body(), headers=headers)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result
