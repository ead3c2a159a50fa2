"""Server-rendered pages, parsed: home, clinician form, report, list, PDF, JSON twins."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hipdx.assessment import Assessor
from hipdx.types import FindingKind
from tests.web.factories import RED_FLAG_CASE, create_assessment
from tests.web.html import parse

HTML = {"Accept": "text/html"}


@pytest.mark.parametrize("path", ["/", "/clinician", "/assessments", "/docs"])
def test_pages_share_the_base_layout(client: TestClient, path: str) -> None:
    response = client.get(path, headers=HTML)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = parse(response.text)
    assert page.find("html").attrs["lang"] == "en"
    assert page.find("a", class_="skip-link").attrs["href"] == "#main"
    assert page.find("main", id="main")
    assert "not a diagnosis" in page.find("footer").text
    assert len(page.find_all("h1")) == 1


@pytest.mark.parametrize(
    ("path", "twin"),
    [
        ("/", "/index.json"),
        ("/clinician", "/clinician.json"),
        ("/assessments", "/assessments.json"),
    ],
)
def test_each_page_has_a_json_twin(client: TestClient, path: str, twin: str) -> None:
    page = parse(client.get(path, headers=HTML).text)
    link = page.find("link", rel="alternate", type="application/json")
    assert link.attrs["href"].split("?")[0] == twin
    assert client.get(twin).headers["content-type"] == "application/json"


def test_clinician_form_lists_every_finding_by_kind(client: TestClient, assessor: Assessor) -> None:
    page = parse(client.get("/clinician").text)
    groups = page.find_all("fieldset", class_="group")
    kinds = [g.attrs["id"].removeprefix("group-") for g in groups]
    assert FindingKind.EXAM.value in kinds
    for finding in assessor.kb.findings:
        radios = page.find_all("input", name=f"f.{finding}")
        assert [r.attrs["value"] for r in radios] == ["yes", "no", "unknown"]
        assert "checked" in radios[2].attrs
    for field in ("age", "sex", "setting", "text"):
        assert page.find("label", for_=field)
        assert page.by_id(field)


def test_clinician_form_assesses_and_opens_the_report(client: TestClient) -> None:
    response = client.post(
        "/clinician",
        data={"f.pain_sit_bone": "yes", "f.pain_low_back": "unknown", "age": "41", "sex": "female"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    report = client.get(response.headers["location"], headers=HTML)
    page = parse(report.text)
    assert "Assessment report" in page.find("h1").text
    answers = page.find("table", class_="answers").text
    assert "Pain at the sit bone" in answers and "Low back pain" not in answers


def test_clinician_form_shows_problems_and_keeps_values(client: TestClient) -> None:
    response = client.post(
        "/clinician", data={"f.pain_sit_bone": "yes", "age": "300", "text": "keep me"}
    )
    assert response.status_code == 422
    page = parse(response.text)
    summary = page.by_id("error-summary")
    assert "age" in summary.text
    assert page.find("a", href="#age")
    assert page.by_id("age").attrs["value"] == "300"
    assert "keep me" in page.by_id("text").text
    assert "checked" in page.by_id("f-pain_sit_bone-yes").attrs


def test_report_shows_everything(client: TestClient, assessor: Assessor) -> None:
    created = create_assessment(client, RED_FLAG_CASE)
    page = parse(client.get(created["links"]["html"], headers=HTML).text)
    banner = page.by_id("red-flags")
    assert banner.attrs["role"] == "alert"
    assert assessor.kb.red_flags["ces_saddle_anaesthesia"].name in banner.text
    assert "Emergency" in page.find("section", class_="triage").text
    bars = page.find("ol", class_="bars").find_all("li")
    assert len(bars) == 10
    assert created["headline"] in bars[0].text
    assert page.find_all("details", class_="explanation")
    headings = [h.text for h in page.find_all("h2")]
    for expected in ("Possible causes", "Tests and investigations", "Step-by-step management"):
        assert expected in headings
    sources = page.find("ol", class_="sources").find_all("li")
    assert len(sources) == len(created["report"]["sources"])
    # Every citation mark points at a listed source.
    listed = {li.attrs["id"] for li in sources}
    for mark in page.find_all("a", href=True):
        if mark.attrs["href"].startswith("#src-"):
            assert mark.attrs["href"][1:] in listed
    plan = page.find_all("table", class_="plan")
    assert any("For you" in t.text and "For your clinician" in t.text for t in plan)
    assert created["report"]["assessment"]["disclaimer"] in page.text
    assert page.find("a", href=created["links"]["pdf"])


def test_report_pdf(client: TestClient) -> None:
    created = create_assessment(client)
    response = client.get(created["links"]["pdf"])
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response.headers["content-disposition"]


def test_report_json_twin_and_export(client: TestClient) -> None:
    created = create_assessment(client)
    twin = client.get(f"{created['links']['html']}.json")
    assert twin.json()["report"] == created["report"]
    export = client.get(f"{created['links']['html']}.json", params={"download": 1})
    assert export.headers["content-disposition"].startswith("attachment")
    actions = [e["action"] for e in client.get("/api/v1/audit").json()]
    assert actions == ["assessment.create", "assessment.view", "assessment.export_json"]


def test_list_searches_and_links(client: TestClient) -> None:
    kept = create_assessment(client, actor="alice")
    create_assessment(client, RED_FLAG_CASE, actor="bob")
    page = parse(client.get("/assessments", params={"q": "alice"}, headers=HTML).text)
    rows = page.find("table", class_="list").find("tbody").find_all("tr")
    assert len(rows) == 1
    links = {a.attrs["href"] for a in rows[0].find_all("a")}
    assert kept["links"]["html"] in links
    assert f"{kept['links']['html']}.json?download=1" in links
    assert page.by_id("q").attrs["value"] == "alice"


def test_unknown_report_is_a_404_page(client: TestClient) -> None:
    response = client.get("/assessments/nope", headers=HTML)
    assert response.status_code == 404
    assert "Not found" in parse(response.text).find("h1").text


def test_report_reopens_unchanged_after_the_knowledge_base_changes(
    app: FastAPI, assessor: Assessor
) -> None:
    with TestClient(app) as client:
        created = create_assessment(client)
        before = client.get(created["links"]["html"]).text
    top = created["report"]["assessment"]["ranking"][0]["condition"]
    kb = assessor.kb
    renamed = kb.model_copy(
        update={
            "version": "changed",
            "conditions": {
                **kb.conditions,
                top: kb.conditions[top].model_copy(update={"name": "Renamed condition"}),
            },
        }
    )
    app.state.assessor = Assessor.from_knowledge_base(renamed)
    with TestClient(app) as client:
        after = client.get(created["links"]["html"]).text
        fetched = client.get(created["links"]["self"]).json()
        fresh = create_assessment(client)
    assert after == before
    assert fetched["report"] == created["report"]
    assert fresh["kb_version"] == "changed" and fresh["headline"] == "Renamed condition"


def test_the_whole_flow_on_sqlite(sql_client: TestClient) -> None:
    """The same pages on the real database the app migrates at start-up."""
    created = create_assessment(sql_client, RED_FLAG_CASE, actor="carol")
    page = parse(sql_client.get(created["links"]["html"], headers=HTML).text)
    assert page.by_id("red-flags")
    assert sql_client.get(created["links"]["pdf"]).content.startswith(b"%PDF")
    listing = sql_client.get("/assessments.json", params={"q": "carol"}).json()
    assert [i["id"] for i in listing["items"]] == [created["id"]]
    assert sql_client.get(created["links"]["self"]).json()["report"] == created["report"]
