"""The store contract, run against the in-memory fake, SQLite and PostgreSQL alike."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from hipdx.store import ConflictError, NewAssessment, NotFoundError, Store
from hipdx.store.models import JsonText


def new_assessment(**changes: Any) -> NewAssessment:
    fields: dict[str, Any] = {
        "origin": "api",
        "input": {
            "answers": {"pain_sit_bone": "yes"},
            "age": 41,
            "text": "Sitzbein \u2013 ouch \u2713",
        },
        "kb_version": "0.1.0+kb.test",
        "result": {"ranking": [{"condition": "x", "probability": 0.1234567890123}], "n": None},
        "headline": "Proximal hamstring tendinopathy",
        "triage_level": "routine",
        "search_text": "proximal hamstring tendinopathy\npain when sitting",
    }
    return NewAssessment(**{**fields, **changes})


def test_assessment_round_trip_is_exact(store: Store) -> None:
    new = new_assessment()
    kept = store.create_assessment(new=new, actor="alice")
    again = store.get_assessment(assessment_id=kept.id)
    assert again is not None
    assert again.model_dump(include=set(type(kept).model_fields)) == kept.model_dump()
    assert again.input == new.input and again.result == new.result
    assert again.created_at.tzinfo is not None
    assert abs((again.created_at - datetime.now(UTC)).total_seconds()) < 60
    assert store.get_assessment(assessment_id="missing") is None


def test_a_result_given_as_json_text_is_kept_as_that_object(store: Store) -> None:
    result = {"ranking": [{"condition": "x", "probability": 0.25}], "note": "naïve ✓"}
    kept = store.create_assessment(
        new=new_assessment(result=JsonText(json.dumps(result, ensure_ascii=False))), actor="a"
    )
    again = store.get_assessment(assessment_id=kept.id)
    assert again is not None and again.result == result


def test_list_is_newest_first_and_searchable(store: Store) -> None:
    ids = [
        store.create_assessment(new=new_assessment(headline=f"Condition {n}"), actor="a").id
        for n in range(3)
    ]
    store.create_assessment(
        new=new_assessment(triage_level="emergency", search_text="saddle numbness 100%_done"),
        actor="Bob",
    )
    page = store.list_assessments(limit=10)
    assert page.total == 4
    assert [i.created_at for i in page.items] == sorted(
        (i.created_at for i in page.items), reverse=True
    )
    assert store.list_assessments(query="bob").total == 1
    assert store.list_assessments(query="EMERGENCY").total == 1
    assert store.list_assessments(query="condition 1").items[0].id == ids[1]
    assert store.list_assessments(query="sitting").total == 3
    assert store.list_assessments(query=ids[2][:8]).items[0].id == ids[2]
    # LIKE wildcards in a query are literal characters.
    assert store.list_assessments(query="100%_").total == 1
    assert store.list_assessments(query="1%0").total == 0
    assert store.list_assessments(query="cond_tion").total == 0
    second = store.list_assessments(limit=2, offset=2)
    assert len(second.items) == 2 and second.total == 4


def test_interview_updates_are_versioned(store: Store) -> None:
    started = store.create_interview(state={"answers": []}, actor="pat")
    assert started.revision == 1 and started.assessment_id is None
    moved = store.update_interview(
        interview_id=started.id,
        revision=1,
        state={"answers": [["pain_sit_bone", "yes"]]},
        actor="pat",
        action="interview.answer",
        detail={"finding": "pain_sit_bone"},
    )
    assert moved.revision == 2 and moved.state["answers"] == [["pain_sit_bone", "yes"]]
    assert store.get_interview(interview_id=started.id) == moved
    with pytest.raises(ConflictError):
        store.update_interview(
            interview_id=started.id,
            revision=1,
            state={},
            actor="pat",
            action="interview.answer",
            detail={},
        )
    with pytest.raises(NotFoundError):
        store.update_interview(
            interview_id="missing", revision=1, state={}, actor="x", action="a", detail={}
        )


def test_finishing_an_interview_keeps_its_assessment(store: Store) -> None:
    started = store.create_interview(state={}, actor="pat")
    done = store.update_interview(
        interview_id=started.id,
        revision=1,
        state={"done": True},
        actor="pat",
        action="interview.finish",
        detail={},
        finished=new_assessment(origin="interview"),
    )
    assert done.assessment_id is not None
    kept = store.get_assessment(assessment_id=done.assessment_id)
    assert kept is not None and kept.origin == "interview" and kept.actor == "pat"


def test_audit_log_records_who_did_what(store: Store) -> None:
    kept = store.create_assessment(new=new_assessment(), actor="alice")
    store.record_event(
        actor="bob",
        action="assessment.view",
        target_type="assessment",
        target_id=kept.id,
        detail={"format": "pdf"},
    )
    started = store.create_interview(state={}, actor="carol")
    log = store.list_audit()
    assert [(e.actor, e.action, e.target_id) for e in log] == [
        ("alice", "assessment.create", kept.id),
        ("bob", "assessment.view", kept.id),
        ("carol", "interview.start", started.id),
    ]
    assert log[1].detail == {"format": "pdf"}
    assert [e.action for e in store.list_audit(target_id=kept.id)] == [
        "assessment.create",
        "assessment.view",
    ]
    assert [e.id for e in log] == sorted(e.id for e in log)


def test_check(store: Store) -> None:
    store.check()
