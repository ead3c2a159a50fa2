"""The JSON API through the in-process client: assessments, knowledge base, health, errors."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hipdx import __version__
from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.types import Answer, Sex
from tests.web.factories import RED_FLAG_CASE, SIT_BONE_CASE, assessment_body, create_assessment


def test_create_assessment_returns_the_kept_report(client: TestClient, assessor: Assessor) -> None:
    response = client.post("/api/v1/assessments", json=assessment_body())
    assert response.status_code == 201
    body = response.json()
    assert response.headers["location"] == f"/api/v1/assessments/{body['id']}"
    expected = assessor.assess(
        Evidence({"pain_sit_bone": Answer.YES, "pain_low_back": Answer.NO}, 41, Sex.FEMALE)
    )
    ranking = body["report"]["assessment"]["ranking"]
    assert [r["condition"] for r in ranking] == [r.condition for r in expected.ranking]
    assert ranking[0]["probability"] == pytest.approx(expected.ranking[0].probability)
    assert body["kb_version"] == assessor.kb.version
    assert body["input"]["answers"] == {"pain_sit_bone": "yes", "pain_low_back": "no"}
    assert body["headline"] == expected.ranking[0].name
    assert body["actor"] == "anonymous"
    # Labels and citations travel with the report.
    assert "pain_sit_bone" in body["report"]["findings"]
    cited = body["report"]["sources"]
    assert cited and all(s in cited for s in ranking[0]["explanation"]["supporting"][0]["sources"])


def test_fetch_returns_the_same_result(client: TestClient) -> None:
    created = create_assessment(client)
    fetched = client.get(created["links"]["self"])
    assert fetched.status_code == 200
    assert fetched.json()["report"] == created["report"]


@pytest.mark.parametrize("fixture", ["client", "sql_client"])
@pytest.mark.parametrize("case", [SIT_BONE_CASE, RED_FLAG_CASE])
def test_the_created_body_is_the_fetched_body(
    request: pytest.FixtureRequest, fixture: str, case: dict[str, Any]
) -> None:
    """POST writes its answer from the JSON it keeps; GET rebuilds it from the kept record."""
    client: TestClient = request.getfixturevalue(fixture)
    created = create_assessment(client, case, actor="dr.who")
    fetched = client.get(created["links"]["self"], headers={"X-Hipdx-Actor": "dr.who"})
    assert fetched.json() == created


def test_actor_header_is_recorded_in_the_audit_log(client: TestClient) -> None:
    created = create_assessment(client, actor="dr.who")
    assert created["actor"] == "dr.who"
    client.get(created["links"]["self"], headers={"X-Hipdx-Actor": "nurse"})
    log = client.get("/api/v1/audit", params={"target": created["id"]}).json()
    assert [(e["action"], e["actor"]) for e in log] == [
        ("assessment.create", "dr.who"),
        ("assessment.view", "nurse"),
    ]


def test_red_flag_sets_emergency(client: TestClient) -> None:
    body = create_assessment(client, RED_FLAG_CASE)
    triage = body["report"]["assessment"]["triage"]
    assert triage["level"] == "emergency"
    assert "ces_saddle_anaesthesia" in triage["red_flags"]
    assert "ces_saddle_anaesthesia" in body["report"]["red_flags"]


def test_list_and_search(client: TestClient) -> None:
    first = create_assessment(client, actor="alice")
    create_assessment(client, RED_FLAG_CASE, actor="bob")
    listing = client.get("/api/v1/assessments").json()
    assert listing["total"] == 2
    found = client.get("/api/v1/assessments", params={"q": "ALICE"}).json()
    assert [i["id"] for i in found["items"]] == [first["id"]]
    by_triage = client.get("/api/v1/assessments", params={"q": "emergency"}).json()
    assert by_triage["total"] == 1 and by_triage["items"][0]["actor"] == "bob"
    paged = client.get("/api/v1/assessments", params={"limit": 1, "offset": 1}).json()
    assert len(paged["items"]) == 1 and paged["total"] == 2


def test_conditions_and_findings(client: TestClient, assessor: Assessor) -> None:
    conditions = client.get("/api/v1/conditions").json()
    assert {c["id"] for c in conditions} == set(assessor.kb.conditions)
    one = client.get(f"/api/v1/conditions/{conditions[0]['id']}").json()
    assert one == conditions[0]
    exams = client.get("/api/v1/findings", params={"kind": "exam"}).json()
    assert exams and all(f["kind"] == "exam" for f in exams)
    assert client.get("/api/v1/findings/pain_sit_bone").json()["zone"] == "sit_bone"


def test_health_and_version(client: TestClient, assessor: Assessor) -> None:
    assert client.get("/api/v1/health").json() == {"status": "ok", "database": "ok"}
    assert client.get("/api/v1/version").json() == {
        "version": __version__,
        "kb_version": assessor.kb.version,
        "api": "v1",
    }


def test_openapi_and_docs_are_served_offline(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/v1/assessments" in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "POST /api/v1/assessments" in docs.text
    assert "cdn" not in docs.text.lower()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"age": 130}, "body.age"),
        ({"age": "old"}, "body.age"),
        ({"sex": "other"}, "body.sex"),
        ({"answers": {"pain_sit_bone": "maybe"}}, "body.answers.pain_sit_bone"),
        ({"answers": {"no_such_finding": "yes"}}, "answers.no_such_finding"),
        ({"setting": "moon_base"}, "setting"),
        ({"text": "x" * 10_001}, "text"),
        ({"unexpected": 1}, "body.unexpected"),
    ],
)
def test_bad_input_is_422_with_field_messages(
    client: TestClient, body: dict[str, Any], field: str
) -> None:
    response = client.post("/api/v1/assessments", json={**assessment_body(), **body})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert field in [e["field"] for e in errors]
    assert all(e["message"] for e in errors)


def test_malformed_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/api/v1/assessments", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/assessments/00000000-0000-0000-0000-000000000000",
        "/api/v1/assessments/not-an-id",
        "/api/v1/conditions/no_such_condition",
        "/api/v1/findings/no_such_finding",
        "/api/v1/nothing-here",
    ],
)
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["detail"]


def test_oversized_body_is_413(client: TestClient) -> None:
    huge = {**assessment_body(), "text": "pain " * 20_000}
    response = client.post("/api/v1/assessments", json=huge)
    assert response.status_code == 413
    assert response.json() == {"detail": "request body too large"}


def test_oversized_streamed_body_is_413(client: TestClient) -> None:
    def chunks() -> Any:
        for _ in range(100):
            yield b" " * 1024

    response = client.post(
        "/api/v1/assessments", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_unexpected_errors_never_leak(app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(app.state.store, "create_assessment", boom)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.post("/api/v1/assessments", json=assessment_body())
    assert response.status_code == 500
    assert response.json() == {"detail": "internal server error"}
    assert "secret" not in response.text and "Traceback" not in response.text


def test_text_input(client: TestClient) -> None:
    pytest.importorskip("hipdx.nlp", reason="the nlp extra is not installed")
    text = "Pain right on the sit bone for three months, worse when sitting. No back pain."
    response = client.post("/api/v1/assessments", json={"text": text, "age": 35})
    assert response.status_code == 201, response.text
    report = response.json()["report"]
    assert report["read_from_text"]
    for read in report["read_from_text"]:
        start, end = read["span"]
        assert text[start:end] == read["text"]
        assert read["finding"] in report["findings"]
