"""Sessions: pure updates, the body map's semantics, and a JSON round trip."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipdx.assessment import Assessor
from hipdx.errors import InputError
from hipdx.interview import (
    InterviewSession,
    Mode,
    answer,
    answer_location,
    answer_screen,
    load_session,
    question_bank,
    start,
)
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex, Zone

FIXTURES = [HealthCheck.function_scoped_fixture]


def test_start_is_empty_and_counts_no_questions() -> None:
    session = start(Mode.PATIENT, age=30, sex=Sex.MALE)
    assert session.location is None and session.asked == () and session.answers == {}
    assert session.questions_asked == 0


def test_start_rejects_an_impossible_age() -> None:
    with pytest.raises(InputError, match="age 130"):
        start(Mode.PATIENT, age=130)


def test_answer_returns_a_new_session_and_keeps_the_first_position() -> None:
    first = start(Mode.PATIENT)
    second = answer(first, "night_pain", Answer.YES)
    third = answer(answer(second, "fever", Answer.NO), "night_pain", Answer.UNKNOWN)
    assert first.answers == {} and second.answers == {"night_pain": Answer.YES}
    assert third.asked == ("night_pain", "fever")
    assert third.answers["night_pain"] is Answer.UNKNOWN
    assert third.questions_asked == 2


def test_body_map_sets_chosen_zones_yes_and_unchosen_zones_no(kb: KnowledgeBase) -> None:
    session = answer_location(kb, start(Mode.PATIENT), [Zone.SIT_BONE, Zone.POSTERIOR_THIGH])
    assert session.location == (Zone.SIT_BONE, Zone.POSTERIOR_THIGH)
    assert session.answers["pain_sit_bone"] is Answer.YES
    assert session.answers["pain_posterior_thigh"] is Answer.YES
    assert session.answers["pain_below_knee"] is Answer.NO
    assert session.answers["pain_lateral_hip"] is Answer.NO
    # Unmarked low back stays unknown: fever with low back pain is an emergency flag.
    assert "pain_low_back" in kb.red_flags["infection_fever_with_spinal_pain"].when.all_of
    assert "pain_low_back" not in session.answers
    located = {f.id for f in kb.findings.values() if f.zone is not None}
    assert set(session.answers) < located
    assert session.asked == () and session.questions_asked == 1


@pytest.mark.parametrize(("age", "recorded"), [(None, None), (16, None), (40, Answer.NO)])
def test_an_unchosen_zone_never_settles_a_red_flag(
    kb: KnowledgeBase, age: int | None, recorded: Answer | None
) -> None:
    # Sit-bone pain is in the avulsion flag for ages 14-18: unmarked, it stays unknown unless the
    # age rules the flag out.
    rule = kb.red_flags["avulsion_adolescent_sit_bone"].when
    assert "pain_sit_bone" in rule.all_of and (rule.age_at_least, rule.age_below) == (14, 19)
    session = answer_location(kb, start(Mode.PATIENT, age=age), [Zone.DEEP_BUTTOCK])
    assert session.answers.get("pain_sit_bone") is recorded
    assert session.answers["pain_perineum"] is Answer.NO


def test_the_bank_reads_an_unmarked_zone_as_the_session_does(
    assessor: Assessor,
) -> None:
    kb = assessor.kb
    bank = question_bank(kb, assessor.model, Mode.PATIENT)
    ages = [None, 0, 13, 14, 18, 19, 40, 120]
    rows = bank.unmarked_no_at(np.array([-1 if a is None else a for a in ages]))
    for row, age in zip(rows, ages, strict=True):
        answers = answer_location(kb, start(Mode.PATIENT, age=age), []).answers
        assert {bank.finding_ids[k] for k in np.flatnonzero(row)} == set(answers)


def test_body_map_answered_again_replaces_the_choice_but_keeps_asked_findings(
    kb: KnowledgeBase,
) -> None:
    session = answer_location(kb, start(Mode.PATIENT), [Zone.SIT_BONE, Zone.LOW_BACK])
    session = answer(session, "pain_low_back", Answer.YES)
    session = answer_location(kb, session, [Zone.PERINEUM])
    assert session.answers["pain_low_back"] is Answer.YES
    assert session.answers["pain_perineum"] is Answer.YES
    assert "pain_sit_bone" not in session.answers
    assert session.answers["pain_posterior_thigh"] is Answer.NO
    session = answer_location(kb, session, [Zone.POSTERIOR_THIGH])
    assert session.answers["pain_perineum"] is Answer.NO
    assert session.answers["pain_posterior_thigh"] is Answer.YES


def test_an_empty_body_map_is_an_answer(kb: KnowledgeBase) -> None:
    session = answer_location(kb, start(Mode.CLINICIAN), [])
    assert session.location == () and session.questions_asked == 1
    assert session.answers and set(session.answers.values()) == {Answer.NO}


@settings(max_examples=80, deadline=None, suppress_health_check=FIXTURES)
@given(data=st.data())
def test_session_round_trips_through_json(kb: KnowledgeBase, data: st.DataObject) -> None:
    session = start(
        data.draw(st.sampled_from(list(Mode))),
        setting=data.draw(st.sampled_from([None, "primary_care", "specialist"])),
        age=data.draw(st.one_of(st.none(), st.integers(0, 120))),
        sex=data.draw(st.one_of(st.none(), st.sampled_from(list(Sex)))),
    )
    if data.draw(st.booleans()):
        session = answer_location(kb, session, data.draw(st.lists(st.sampled_from(list(Zone)))))
    for finding in data.draw(st.lists(st.sampled_from(sorted(kb.findings)), max_size=20)):
        session = answer(session, finding, data.draw(st.sampled_from(list(Answer))))
    for group in data.draw(st.lists(st.sampled_from(sorted(kb.screen_groups)), max_size=4)):
        session = answer_screen(kb, session, group, data.draw(st.sampled_from(list(Answer))))
    text = session.model_dump_json()
    assert load_session(text) == session
    assert InterviewSession.model_validate_json(text).evidence == session.evidence


def test_screen_answers_round_trip_and_count_once(kb: KnowledgeBase) -> None:
    session = answer_screen(kb, start(Mode.PATIENT), "injury", Answer.YES)
    session = answer_screen(kb, session, "cauda_equina", Answer.NO)
    again = load_session(session.model_dump_json())
    assert again == session and again.screen_answers == session.screen_answers
    assert list(again.screen_answers) == ["injury", "cauda_equina"]
    assert again.expanded == ("injury",) and again.questions_asked == 2


@pytest.mark.parametrize(
    "text",
    ["{", '{"mode": "vet"}', '{"mode": "patient", "age": 200}', '{"mode": "patient", "x": 1}'],
)
def test_load_session_rejects_bad_json(text: str) -> None:
    with pytest.raises(InputError, match="not a valid interview session"):
        load_session(text)
