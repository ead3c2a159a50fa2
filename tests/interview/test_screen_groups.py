"""Grouped screening questions: one question per group; no fills every member, yes or don't know
asks the members one by one; red flags are still always asked; examination groups are
clinician-only."""

from __future__ import annotations

import numpy as np
import pytest

from hipdx.assessment import Assessor
from hipdx.errors import InputError
from hipdx.interview import (
    InterviewSession,
    Mode,
    Purpose,
    Question,
    QuestionKind,
    Stop,
    StopReason,
    answer,
    answer_location,
    answer_screen,
    next_step,
    question_bank,
    start,
)
from hipdx.interview.screen import red_flag_table, screen_state
from hipdx.interview.session import screen_members
from hipdx.types import Answer, Zone
from tests.interview.helpers import reply


def opened(assessor: Assessor, mode: Mode = Mode.PATIENT) -> InterviewSession:
    return answer_location(assessor.kb, start(mode, age=45), [Zone.DEEP_BUTTOCK])


def question(assessor: Assessor, session: InterviewSession) -> Question:
    step = next_step(assessor, session)
    assert not isinstance(step, Stop)
    return step


def test_no_fills_every_member_and_counts_as_one_question(assessor: Assessor) -> None:
    session = opened(assessor)
    step = question(assessor, session)
    assert step.kind is QuestionKind.SCREEN_GROUP and step.screen_group is not None
    after = answer_screen(assessor.kb, session, step.screen_group, Answer.NO)
    assert {f: after.answers[f] for f in step.members} == dict.fromkeys(step.members, Answer.NO)
    assert set(step.members) == set(screen_members(assessor.kb, Mode.PATIENT, "cauda_equina"))
    assert after.asked == () and after.questions_asked == session.questions_asked + 1
    following = question(assessor, after)
    assert following.kind is QuestionKind.SCREEN_GROUP
    assert following.screen_group == "cancer_infection" and following.number == 3


def test_no_keeps_member_answers_already_given(assessor: Assessor) -> None:
    session = answer(opened(assessor), "fever", Answer.UNKNOWN)
    after = answer_screen(assessor.kb, session, "cancer_infection", Answer.NO)
    assert after.answers["fever"] is Answer.UNKNOWN and after.answers["weight_loss"] is Answer.NO


@pytest.mark.parametrize("value", [Answer.YES, Answer.UNKNOWN])
def test_yes_or_dont_know_asks_the_members_one_by_one(assessor: Assessor, value: Answer) -> None:
    session = answer_screen(assessor.kb, opened(assessor), "cauda_equina", Answer.NO)
    session = answer_screen(assessor.kb, session, "cancer_infection", value)
    assert session.expanded == ("cancer_infection",)
    members = set(screen_members(assessor.kb, Mode.PATIENT, "cancer_infection"))
    assert not members & set(session.answers)
    asked: list[str] = []
    while len(asked) < len(members):
        step = question(assessor, session)
        assert step.kind is QuestionKind.FINDING and step.purpose is Purpose.SCREEN
        assert step.finding in members
        asked.append(step.finding)
        session = answer(session, step.finding, Answer.NO)
    assert set(asked) == members
    assert question(assessor, session).screen_group == "night_rest_pain"
    assert session.questions_asked == 1 + 2 + len(members)


def test_a_group_with_a_member_answered_yes_is_asked_member_by_member(assessor: Assessor) -> None:
    bank = question_bank(assessor.kb, assessor.model, Mode.PATIENT)
    flags = red_flag_table(assessor.kb, bank)
    yes = np.zeros((1, len(bank)), dtype=np.bool_)
    asked = yes.copy()
    yes[0, bank.position["history_of_cancer"]] = asked[0, bank.position["history_of_cancer"]] = True
    state = screen_state(flags, bank, yes, asked, np.array([50]))
    group = bank.groups.index("cancer_infection")
    assert not state.groups[0, group] and state.groups[0, bank.groups.index("injury")]
    assert state.screen[0, bank.position["weight_loss"]] and state.screen[0, bank.position["fever"]]
    assert state.follow_up[0, bank.position["night_pain"]] and not state.complete[0]


def test_an_unanswered_group_keeps_the_interview_open(assessor: Assessor) -> None:
    bank = question_bank(assessor.kb, assessor.model, Mode.PATIENT)
    flags = red_flag_table(assessor.kb, bank)
    asked = bank.screen[None, :] & ~bank.members[bank.groups.index("injury")][None, :]
    none = np.zeros_like(asked)
    state = screen_state(flags, bank, none, asked, np.array([50]))
    assert state.groups[0].tolist() == [g == "injury" for g in bank.groups]
    assert not state.screen.any() and not state.complete[0]


def test_a_red_flag_behind_a_group_yes_is_asked_and_stops_a_patient_interview(
    assessor: Assessor,
) -> None:
    session = answer_screen(assessor.kb, opened(assessor), "cauda_equina", Answer.YES)
    while True:
        step = next_step(assessor, session)
        if isinstance(step, Stop):
            break
        assert step.purpose in (Purpose.SCREEN, Purpose.FOLLOW_UP)
        assert step.finding is not None
        value = Answer.YES if step.finding == "saddle_anaesthesia" else Answer.NO
        session = answer(session, step.finding, value)
    assert step.reason is StopReason.EMERGENCY
    assert "saddle_anaesthesia" in session.asked


def test_the_examination_group_is_clinician_only(assessor: Assessor) -> None:
    patient = question_bank(assessor.kb, assessor.model, Mode.PATIENT)
    clinician = question_bank(assessor.kb, assessor.model, Mode.CLINICIAN)
    assert "red_flag_examination" not in patient.groups
    assert clinician.groups == tuple(assessor.kb.screen_groups)
    session = opened(assessor, Mode.CLINICIAN)
    seen: list[str] = []
    while len(seen) < len(clinician.groups):
        step = question(assessor, session)
        assert step.kind is QuestionKind.SCREEN_GROUP and step.screen_group is not None
        seen.append(step.screen_group)
        session = reply(assessor.kb, session, step, Answer.NO)
    assert seen == list(clinician.groups)
    assert step.text.startswith("Examination screen") and step.detail
    assert {"ces_perianal_sensation_reduced", "avulsion_palpable_gap"} <= set(step.red_flags)
    assert session.answers["perianal_sensation_reduced"] is Answer.NO


def test_every_group_question_names_its_members(assessor: Assessor) -> None:
    for group in assessor.kb.screen_groups.values():
        for mode in Mode:
            members = screen_members(assessor.kb, mode, group.id)
            if members:
                assert group.patient and group.clinician and group.sources


def test_an_unknown_group_is_an_input_error(assessor: Assessor) -> None:
    with pytest.raises(InputError, match="unknown screen group 'bogus'"):
        answer_screen(assessor.kb, opened(assessor), "bogus", Answer.NO)
