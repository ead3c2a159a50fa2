"""Red-flag screen tick lists: every due patient group on one page (a section per group), ticked
items yes and the rest no, "not sure" asks a section's items one by one; red flags are still
always asked; the examination group is clinician-only and a page of its own."""

from __future__ import annotations

import numpy as np
import pytest

from hipdx.assessment import Assessor
from hipdx.errors import InputError
from hipdx.interview import (
    InterviewSession,
    Mode,
    Policy,
    Purpose,
    Question,
    QuestionKind,
    ScreenLayout,
    SectionKind,
    Stop,
    StopReason,
    answer,
    answer_checklist,
    answer_location,
    answer_screen,
    next_step,
    question_bank,
    start,
)
from hipdx.interview.screen import red_flag_table, screen_state
from hipdx.interview.session import screen_members
from hipdx.types import Answer, Zone
from tests.interview.helpers import reply, sections

PATIENT_GROUPS = ["cauda_equina", "cancer_infection", "night_rest_pain", "injury"]


def opened(
    assessor: Assessor, mode: Mode = Mode.PATIENT, zone: Zone = Zone.DEEP_BUTTOCK
) -> InterviewSession:
    return answer_location(assessor.kb, start(mode, age=45), [zone])


def question(
    assessor: Assessor, session: InterviewSession, policy: Policy | None = None
) -> Question:
    step = next_step(assessor, session, policy)
    assert not isinstance(step, Stop)
    return step


def assert_screen_is_over(assessor: Assessor, session: InterviewSession) -> None:
    """The next question is diagnostic, or the one fall question that settles the fracture flags
    a fall fires with age or fragile bones (onset_fall sits in the onset checklist, not the
    screen), and then it is diagnostic."""
    step = question(assessor, session)
    if step.purpose is Purpose.SETTLE:
        assert step.finding == "onset_fall"
        assert set(step.red_flags) <= {
            "fracture_fall_older_adult",
            "fracture_fall_with_bone_fragility",
        }
        step = question(assessor, answer(session, "onset_fall", Answer.NO))
    assert step.purpose is Purpose.DIAGNOSTIC


def test_the_screen_is_one_tick_list_with_a_section_per_group(assessor: Assessor) -> None:
    kb, session = assessor.kb, opened(assessor)
    step = question(assessor, session)
    assert step.kind is QuestionKind.CHECKLIST and step.purpose is Purpose.SCREEN
    assert step.number == 2 and step.finding is None and step.hint
    assert sections(step) == PATIENT_GROUPS
    for section in step.sections:
        assert section.kind is SectionKind.SCREEN_GROUP
        assert section.title == kb.screen_groups[section.id].patient
        members = screen_members(kb, Mode.PATIENT, section.id)
        assert [i.finding for i in section.items] == members
        assert [i.text for i in section.items] == [kb.findings[f].question for f in members]
    assert {"ces_saddle_anaesthesia", "infection_fever"} <= set(step.red_flags)
    after = answer_checklist(kb, session, sections(step), [])
    assert {f: after.answers[f] for f in step.items} == dict.fromkeys(step.items, Answer.NO)
    assert after.screen_answers == dict.fromkeys(PATIENT_GROUPS, Answer.NO)
    assert after.asked == () and after.questions_asked == session.questions_asked + 1
    assert_screen_is_over(assessor, after)


def test_ticked_items_are_yes_the_rest_no_and_a_flag_fires_at_once(assessor: Assessor) -> None:
    # Posterior thigh pain with a fever is urgent until a follow-up says more (buttock, SI or hip
    # pain with a fever is an emergency at once, below).
    kb, session = assessor.kb, opened(assessor, zone=Zone.POSTERIOR_THIGH)
    step = question(assessor, session)
    after = answer_checklist(kb, session, sections(step), ["fever", "night_pain"])
    assert after.answers["fever"] is Answer.YES and after.answers["night_pain"] is Answer.YES
    assert (
        after.answers["weight_loss"] is Answer.NO and after.answers["onset_sudden_pop"] is Answer.NO
    )
    assert after.screen_answers["cancer_infection"] is Answer.YES
    assert after.screen_answers["injury"] is Answer.NO and after.expanded == (
        "cancer_infection",
        "night_rest_pain",
    )
    assert after.questions_asked == 2
    follow = question(assessor, after)  # what the fever flag still needs, one by one
    assert follow.kind is QuestionKind.FINDING and follow.purpose is Purpose.FOLLOW_UP
    fever_flags = {f.id for f in kb.red_flags.values() if "fever" in f.when.all_of}
    assert set(follow.red_flags) & fever_flags


def test_not_sure_asks_that_sections_items_one_by_one(assessor: Assessor) -> None:
    kb, session = assessor.kb, opened(assessor)
    step = question(assessor, session)
    session = answer_checklist(kb, session, sections(step), [], unsure=["injury"])
    members = set(screen_members(kb, Mode.PATIENT, "injury"))
    assert not members & set(session.answers) and session.expanded == ("injury",)
    assert session.answers["fever"] is Answer.NO
    asked: list[str] = []
    while len(asked) < len(members):
        item = question(assessor, session)
        assert item.kind is QuestionKind.FINDING and item.purpose is Purpose.SCREEN
        assert item.finding in members
        asked.append(item.finding)
        session = answer(session, item.finding, Answer.NO)
    assert_screen_is_over(assessor, session)
    assert session.questions_asked == 2 + len(members)


def test_one_tick_list_per_group_in_the_groups_layout(assessor: Assessor) -> None:
    policy = Policy(**{**Policy.default(Mode.PATIENT).__dict__, "layout": ScreenLayout.GROUPS})
    session, seen = opened(assessor), []
    for _ in PATIENT_GROUPS:
        step = question(assessor, session, policy)
        assert step.kind is QuestionKind.CHECKLIST and len(step.sections) == 1
        seen.append(step.sections[0].id)
        session = reply(assessor.kb, session, step, Answer.NO)
    assert seen == PATIENT_GROUPS and session.questions_asked == 1 + len(PATIENT_GROUPS)


def test_a_group_with_a_member_answered_yes_is_still_one_tick_list(assessor: Assessor) -> None:
    bank = question_bank(assessor.kb, assessor.model, Mode.PATIENT)
    flags = red_flag_table(assessor.kb, bank)
    yes = np.zeros((1, len(bank)), dtype=np.bool_)
    asked = yes.copy()
    yes[0, bank.position["history_of_cancer"]] = asked[0, bank.position["history_of_cancer"]] = True
    state = screen_state(flags, bank, yes, asked, np.array([50]))
    assert state.groups[0, bank.groups.index("cancer_infection")]
    assert not state.screen[0, bank.position["weight_loss"]]
    # night_pain settles the triggered night-pain flag; its own tick list asks it.
    assert not state.follow_up[0, bank.position["night_pain"]] and not state.complete[0]
    assert state.groups[0, bank.groups.index("night_rest_pain")]


def test_an_unanswered_group_keeps_the_interview_open(assessor: Assessor) -> None:
    bank = question_bank(assessor.kb, assessor.model, Mode.PATIENT)
    flags = red_flag_table(assessor.kb, bank)
    asked = bank.screen[None, :] & ~bank.members[bank.groups.index("injury")][None, :]
    none = np.zeros_like(asked)
    state = screen_state(flags, bank, none, asked, np.array([50]))
    assert state.groups[0].tolist() == [g == "injury" for g in bank.groups]
    assert not state.screen.any() and not state.complete[0]


def test_a_ticked_emergency_flag_stops_a_patient_interview(assessor: Assessor) -> None:
    kb, session = assessor.kb, opened(assessor)
    step = question(assessor, session)
    session = answer_checklist(kb, session, sections(step), ["saddle_anaesthesia"])
    stop = next_step(assessor, session)
    assert isinstance(stop, Stop) and stop.reason is StopReason.EMERGENCY
    assert stop.questions_asked == 2
    assert "ces_saddle_anaesthesia" in stop.assessment.triage.red_flags


def test_fever_with_buttock_pain_is_asked_on_the_list_and_stops(assessor: Assessor) -> None:
    """The buttock location triggers the fever flag, yet fever waits for its tick list."""
    kb, session = assessor.kb, opened(assessor)
    step = question(assessor, session)
    assert step.kind is QuestionKind.CHECKLIST and "fever" in step.items
    session = answer_checklist(kb, session, sections(step), ["fever"])
    stop = next_step(assessor, session)
    assert isinstance(stop, Stop) and stop.reason is StopReason.EMERGENCY
    assert "infection_fever_with_buttock_or_hip_pain" in stop.assessment.triage.red_flags


def test_the_examination_group_is_clinician_only_and_a_page_of_its_own(assessor: Assessor) -> None:
    kb = assessor.kb
    patient = question_bank(kb, assessor.model, Mode.PATIENT)
    clinician = question_bank(kb, assessor.model, Mode.CLINICIAN)
    assert "red_flag_examination" not in patient.groups
    assert clinician.groups == tuple(kb.screen_groups)
    session = opened(assessor, Mode.CLINICIAN)
    history = question(assessor, session)
    assert sections(history) == PATIENT_GROUPS
    assert history.text.startswith("Red-flag screen") and history.sections[0].items[0].detail
    session = reply(kb, session, history, Answer.NO)
    exam = question(assessor, session)
    assert sections(exam) == ["red_flag_examination"] and exam.purpose is Purpose.SCREEN
    assert exam.text.startswith("Red-flag examination")
    assert {"ces_perianal_sensation_reduced", "avulsion_palpable_gap"} <= set(exam.red_flags)
    session = reply(kb, session, exam, Answer.NO)
    assert session.answers["perianal_sensation_reduced"] is Answer.NO
    assert session.questions_asked == 3


def test_every_group_has_its_headings(assessor: Assessor) -> None:
    for group in assessor.kb.screen_groups.values():
        for mode in Mode:
            if screen_members(assessor.kb, mode, group.id):
                assert group.patient and group.clinician and group.sources


@pytest.mark.parametrize(
    ("lists", "ticked", "unsure", "message"),
    [
        (["bogus"], [], [], "unknown screen group or checklist 'bogus'"),
        ([], [], [], "at least one"),
        (["injury", "injury"], [], [], "named twice"),
        (["injury"], ["fever"], [], "not an item of this list: fever"),
        (["injury"], ["hop_test_pain"], [], "not an item of this list: hop_test_pain"),
        (["injury"], [], ["cauda_equina"], "not a section of this list: cauda_equina"),
    ],
)
def test_bad_tick_lists_are_input_errors(
    assessor: Assessor, lists: list[str], ticked: list[str], unsure: list[str], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        answer_checklist(assessor.kb, opened(assessor), lists, ticked, unsure)


@pytest.mark.parametrize("value", [Answer.YES, Answer.UNKNOWN])
def test_a_whole_group_answer_still_works(assessor: Assessor, value: Answer) -> None:
    kb, session = assessor.kb, opened(assessor)
    no = answer_screen(kb, session, "cauda_equina", Answer.NO)
    assert no.answers["saddle_anaesthesia"] is Answer.NO and no.questions_asked == 2
    some = answer_screen(kb, no, "injury", value)
    assert some.screen_answers["injury"] is value and "injury" in some.expanded
    assert "onset_sudden_pop" not in some.answers and some.questions_asked == 3
    with pytest.raises(InputError, match="unknown screen group 'bogus'"):
        answer_screen(kb, session, "bogus", Answer.NO)
