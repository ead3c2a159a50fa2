"""Interviews through the API and the pages: start, body map, answers, stop, persistence."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from hipdx.assessment import Assessor
from hipdx.config import Settings
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.web import create_app
from tests.web.html import parse

HTML = {"Accept": "text/html"}


def _likely(kb: KnowledgeBase, condition: str) -> set[str]:
    return {link.finding for link in kb.conditions[condition].evidence if link.p >= 0.5}


def _run(client: TestClient, state: dict[str, Any], yes: set[str]) -> dict[str, Any]:
    """Answer until the interview stops: yes for `yes`, no otherwise."""
    for _ in range(70):
        if state["status"] == "finished":
            return state
        question = state["question"]
        step: dict[str, Any] = (
            {
                "checklist": [s["id"] for s in question["sections"]],
                "ticked": [
                    i["finding"]
                    for s in question["sections"]
                    for i in s["items"]
                    if i["finding"] in yes
                ],
            }
            if question["kind"] == "checklist"
            else {
                "finding": question["finding"],
                "answer": "yes" if question["finding"] in yes else "no",
            }
        )
        response = client.post(
            f"/api/v1/interviews/{state['id']}/answers",
            json={**step, "revision": state["revision"]},
        )
        assert response.status_code == 200, response.text
        state = response.json()
    raise AssertionError("interview did not stop")


def test_interview_opens_with_the_body_map(client: TestClient) -> None:
    response = client.post("/api/v1/interviews", json={"age": 35, "sex": "male"})
    assert response.status_code == 201
    state = response.json()
    assert response.headers["location"] == state["links"]["self"]
    assert state["status"] == "open" and state["revision"] == 1
    question = state["question"]
    assert question["kind"] == "location" and question["number"] == 1
    assert {z["zone"] for z in question["zones"]} >= {"sit_bone", "perineum", "below_knee"}
    assert state["differential"] and state["questions_asked"] == 0


def test_interview_runs_to_a_kept_assessment(client: TestClient, kb: KnowledgeBase) -> None:
    state = client.post("/api/v1/interviews", json={"age": 35, "sex": "female"}).json()
    state = client.post(
        f"/api/v1/interviews/{state['id']}/answers",
        json={"zones": ["sit_bone", "posterior_thigh"], "revision": 1},
    ).json()
    assert state["location"] == ["sit_bone", "posterior_thigh"]
    assert state["question"]["kind"] in {"finding", "checklist"}
    done = _run(client, state, _likely(kb, "proximal_hamstring_tendinopathy"))
    assert done["stop"]["reason"] in {"confident", "no_useful_question", "limit", "all_asked"}
    assert done["question"] is None and done["assessment_id"]
    assert done["differential"][0]["condition"] == "proximal_hamstring_tendinopathy"
    report = client.get(f"/api/v1/assessments/{done['assessment_id']}").json()
    assert report["origin"] == "interview"
    assert report["input"]["answers"]["pain_sit_bone"] == "yes"
    assert report["report"]["assessment"]["ranking"][0]["condition"] == (
        "proximal_hamstring_tendinopathy"
    )
    actions = [e["action"] for e in client.get("/api/v1/audit").json()]
    assert actions[0] == "interview.start"
    assert actions[-3:] == ["assessment.create", "interview.finish", "assessment.view"]
    # A finished interview takes no more answers.
    again = client.post(
        f"/api/v1/interviews/{done['id']}/answers", json={"finding": "pain_sit_bone"}
    )
    assert again.status_code == 409


def test_the_red_flag_screen_is_one_tick_list(client: TestClient, kb: KnowledgeBase) -> None:
    state = client.post("/api/v1/interviews", json={"age": 60}).json()
    url = f"/api/v1/interviews/{state['id']}/answers"
    # Posterior thigh pain: fever stays urgent with follow-ups (with buttock pain it is an
    # emergency stop, tests/triage/test_fever_with_buttock_pain.py).
    state = client.post(url, json={"zones": ["posterior_thigh"]}).json()
    question = state["question"]
    assert question["kind"] == "checklist" and question["purpose"] == "screen"
    assert "unticked count as no" in question["hint"]
    sections = question["sections"]
    assert [s["id"] for s in sections] == [
        g for g in kb.screen_groups if g != "red_flag_examination"
    ]
    assert all(s["kind"] == "screen_group" and s["title"] and s["items"] for s in sections)
    items = [i["finding"] for s in sections for i in s["items"]]
    assert "fever" in items and "hop_test_pain" not in items
    fever = next(i for s in sections for i in s["items"] if i["finding"] == "fever")
    assert fever["text"] == kb.findings["fever"].question
    state = client.post(
        url,
        json={
            "checklist": [s["id"] for s in sections],
            "ticked": ["fever"],
            "unsure": ["injury"],
            "revision": state["revision"],
        },
    ).json()
    assert state["questions_asked"] == 2 and state["triage_level"] != "self_care"
    assert "infection_fever" in [f["id"] for f in state["red_flags"]]
    answered = {a["finding"]: a["answer"] for a in state["answered"]}
    assert answered["fever"] == "yes" and answered["saddle_anaesthesia"] == "no"
    injury = next(s for s in sections if s["id"] == "injury")
    assert not {i["finding"] for i in injury["items"]} & set(answered)
    # The unsure section's items, or a fever follow-up, come next one by one.
    assert state["question"]["kind"] == "finding"


def test_red_flag_shows_at_once(client: TestClient) -> None:
    state = client.post("/api/v1/interviews", json={}).json()
    state = client.post(
        f"/api/v1/interviews/{state['id']}/answers", json={"zones": ["perineum"]}
    ).json()
    state = client.post(
        f"/api/v1/interviews/{state['id']}/answers",
        json={"finding": "saddle_anaesthesia", "answer": "yes"},
    ).json()
    assert state["triage_level"] == "emergency"
    assert [f["id"] for f in state["red_flags"]] == ["ces_saddle_anaesthesia"]
    page = parse(client.get(state["links"]["html"], headers=HTML).text)
    assert page.by_id("red-flags").attrs["role"] == "alert"


def test_stale_revision_is_409(client: TestClient) -> None:
    state = client.post("/api/v1/interviews", json={}).json()
    url = f"/api/v1/interviews/{state['id']}/answers"
    assert client.post(url, json={"zones": [], "revision": 1}).status_code == 200
    assert client.post(url, json={"zones": [], "revision": 1}).status_code == 409


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "body"),
        ({"zones": ["elbow"]}, "body.zones.0"),
        ({"zones": ["sit_bone"], "finding": "pain_sit_bone"}, "body"),
        ({"finding": "pain_sit_bone", "answer": "perhaps"}, "body.answer"),
        ({"finding": "no_such_finding"}, "finding"),
        ({"screen_group": "no_such_group"}, "screen_group"),
        ({"screen_group": "cauda_equina", "finding": "pain_sit_bone"}, "body"),
        ({"checklist": ["no_such_list"]}, "checklist"),
        ({"checklist": ["cauda_equina", "cauda_equina"]}, "checklist"),
        ({"checklist": ["cauda_equina"], "ticked": ["pain_sit_bone"]}, "ticked"),
        ({"checklist": ["cauda_equina"], "ticked": ["hop_test_pain"]}, "ticked"),
        ({"checklist": ["cauda_equina"], "unsure": ["injury"]}, "unsure"),
        ({"checklist": []}, "body.checklist"),
        ({"ticked": ["fever"]}, "body"),
        ({"checklist": ["relief"], "finding": "fever"}, "body"),
    ],
)
def test_bad_answers_are_422(client: TestClient, body: dict[str, Any], field: str) -> None:
    state = client.post("/api/v1/interviews", json={}).json()
    response = client.post(f"/api/v1/interviews/{state['id']}/answers", json=body)
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["errors"]]


def test_bad_start_is_422(client: TestClient) -> None:
    for body in ({"mode": "robot"}, {"age": -1}, {"setting": "moon_base"}):
        assert client.post("/api/v1/interviews", json=body).status_code == 422


def test_unknown_interview_is_404(client: TestClient) -> None:
    assert client.get("/api/v1/interviews/nope").status_code == 404
    assert client.post("/api/v1/interviews/nope/answers", json={"zones": []}).status_code == 404
    assert client.get("/interview/nope", headers=HTML).status_code == 404


def test_sessions_survive_a_restart(settings: Settings, assessor: Assessor) -> None:
    with TestClient(create_app(settings, assessor=assessor)) as first:
        state = first.post("/api/v1/interviews", json={"age": 50}).json()
        state = first.post(
            f"/api/v1/interviews/{state['id']}/answers", json={"zones": ["low_back"]}
        ).json()
    with TestClient(create_app(settings, assessor=assessor)) as second:
        again = second.get(state["links"]["self"]).json()
    assert again == state


def test_interview_pages_without_javascript(client: TestClient) -> None:
    started = client.post(
        "/interview", data={"age": "40", "mode": "patient"}, follow_redirects=False
    )
    assert started.status_code == 303
    url = started.headers["location"]
    page = parse(client.get(url, headers=HTML).text)
    zones = page.find_all(role="checkbox")
    assert len(zones) == 8
    for zone in zones:
        assert zone.attrs["tabindex"] == "0" and zone.attrs["aria-label"]
        assert zone.attrs["aria-checked"] == "false"
    fallback = page.find("noscript")
    assert fallback.text  # the checkbox list for browsers without JavaScript
    moved = client.post(
        f"{url}/answer",
        data={"revision": "1", "step": "location", "zones": ["sit_bone"]},
        follow_redirects=False,
    )
    assert moved.status_code == 303 and moved.headers["location"] == url
    page = parse(client.get(url, headers=HTML).text)
    sections = page.find_all("input", name="checklist")
    screened = client.post(
        f"{url}/answer",
        data={
            "revision": "2",
            "step": "checklist",
            "choice": "none",
            "checklist": [i.attrs["value"] for i in sections],
        },
        follow_redirects=False,
    )
    assert screened.status_code == 303
    page = parse(client.get(url, headers=HTML).text)
    while page.find_all("form", data_checklist=True):  # a diagnostic checklist first
        form = page.find("form", data_checklist=True)
        fields: dict[str, list[str]] = {"choice": ["none"]}
        for field in form.find_all("input", type="hidden"):
            fields.setdefault(field.attrs["name"], []).append(field.attrs["value"])
        client.post(f"{url}/answer", data=fields)
        page = parse(client.get(url, headers=HTML).text)
    form = page.find("div", class_="answer-buttons").parent
    assert form is not None
    hidden = {i.attrs["name"]: i.attrs["value"] for i in form.find_all("input", type="hidden")}
    buttons = page.find("div", class_="answer-buttons").find_all("button")
    assert [b.attrs["value"] for b in buttons] == ["yes", "no", "unknown"]
    assert [b.text for b in buttons] == ["Yes", "No", "Don't know"]
    before = client.get(f"{url}.json").json()
    answered = client.post(f"{url}/answer", data={**hidden, "answer": "no"}, follow_redirects=False)
    assert answered.status_code == 303
    twin = client.get(f"{url}.json").json()
    assert twin["revision"] == before["revision"] + 1
    assert twin["questions_asked"] == before["questions_asked"] + 1


def test_tick_list_page_without_javascript(client: TestClient) -> None:
    started = client.post("/interview", data={"age": "40"}, follow_redirects=False)
    url = started.headers["location"]
    client.post(f"{url}/answer", data={"revision": "1", "step": "location", "zones": ["sit_bone"]})
    page = parse(client.get(url, headers=HTML).text)
    form = page.find("form", data_checklist=True)
    assert form is not None
    fieldsets = form.find_all("fieldset")
    assert len(fieldsets) >= 4 and all(f.find("legend").text.strip() for f in fieldsets)
    boxes = form.find_all("input", type="checkbox")
    assert all(b.parent is not None and b.parent.tag == "label" and b.parent.text for b in boxes)
    assert [b.text for b in form.find_all("button")] == ["Continue", "None of these"]
    sections = [i.attrs["value"] for i in form.find_all("input", name="checklist")]
    base = {"revision": "2", "step": "checklist", "checklist": sections}
    # Continue with nothing ticked, or None of these with a tick, is sent back with the reason.
    empty = client.post(f"{url}/answer", data={**base, "choice": "ticked"}, headers=HTML)
    assert empty.status_code == 422 and "None of these" in parse(empty.text).find(role="alert").text
    mixed = {**base, "choice": "none", "ticked": ["night_pain"]}
    both = parse(client.post(f"{url}/answer", data=mixed, headers=HTML).text)
    assert "untick" in both.find(role="alert").text
    kept = both.find("input", value="night_pain")
    assert "checked" in kept.attrs
    stray = client.post(f"{url}/answer", data={**base, "ticked": ["pain_sit_bone"]}, headers=HTML)
    assert stray.status_code == 422 and "not an item" in stray.text
    done = client.post(f"{url}/answer", data={**base, "choice": "none"}, follow_redirects=False)
    assert done.status_code == 303
    twin = client.get(f"{url}.json").json()
    assert twin["questions_asked"] == 2 and twin["question"]["purpose"] != "screen"
    assert {a["finding"]: a["answer"] for a in twin["answered"]}["night_pain"] == "no"


def test_interview_fragment_for_javascript(client: TestClient) -> None:
    started = client.post("/interview", data={}, follow_redirects=False)
    url = started.headers["location"]
    response = client.post(
        f"{url}/answer",
        data={"revision": "1", "step": "location", "zones": ["deep_buttock"]},
        headers={"X-Fragment": "1"},
    )
    assert response.status_code == 200
    panel = parse(response.text)
    root = panel.find("div", id="interview-panel")
    assert root.find("p", class_="progress").text == "Question 2"
    assert "<html" not in response.text
    # A double submit shows where the interview stands instead of an error.
    twice = client.post(
        f"{url}/answer",
        data={"revision": "1", "step": "location", "zones": ["deep_buttock"]},
        headers={"X-Fragment": "1"},
    )
    assert twice.status_code == 200
    assert parse(twice.text).find("p", class_="progress").text == "Question 2"


def test_interview_text(client: TestClient) -> None:
    pytest.importorskip("hipdx.nlp")
    state = client.post("/api/v1/interviews", json={}).json()
    state = client.post(
        f"/api/v1/interviews/{state['id']}/answers",
        json={"text": "I am 34. Pain on my sit bone when sitting, no back pain."},
    ).json()
    assert state["texts"] and state["question"]["kind"] == "location"
    assert any(a["finding"] == "pain_sit_bone" for a in state["answered"])
