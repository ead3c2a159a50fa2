"""The one-session API: body map first, red-flag screen before any close, patient mode asks
only what a patient can answer, every stop reason reachable, and it agrees with the simulator."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipdx.assessment import Assessor
from hipdx.errors import InputError
from hipdx.interview import (
    InformationGain,
    Mode,
    Policy,
    Purpose,
    Question,
    QuestionKind,
    Stop,
    StopReason,
    StopRule,
    answer,
    answer_location,
    next_step,
    question_bank,
    snapshot,
    start,
)
from hipdx.interview.cohort import sample_cohort
from hipdx.interview.policy import BatchState, askable
from hipdx.interview.screen import red_flag_table
from hipdx.interview.simulate import run_policy
from hipdx.types import Answer, FindingKind, Zone
from tests.interview.helpers import reply, walk

FIXTURES = [HealthCheck.function_scoped_fixture]


def test_the_body_map_opens_every_interview(assessor: Assessor) -> None:
    for mode in Mode:
        step = next_step(assessor, start(mode))
        assert not isinstance(step, Stop)
        assert step.kind is QuestionKind.LOCATION and step.number == 1
        assert {choice.zone for choice in step.zones} == set(Zone)
        assert "pain-free" in step.text


@pytest.mark.parametrize(("age", "named"), [(None, True), (16, True), (40, False)])
def test_the_clinician_body_map_names_a_zone_left_unknown(
    assessor: Assessor, age: int | None, named: bool
) -> None:
    step = next_step(assessor, start(Mode.CLINICIAN, age=age))
    assert isinstance(step, Question)
    label = assessor.kb.findings["pain_sit_bone"].label
    assert (label in step.reason) is named


def test_the_screen_groups_follow_the_body_map(assessor: Assessor) -> None:
    session = answer_location(assessor.kb, start(Mode.PATIENT), [Zone.DEEP_BUTTOCK])
    step = next_step(assessor, session)
    assert not isinstance(step, Stop)
    assert step.kind is QuestionKind.CHECKLIST and step.sections[0].id == "cauda_equina"
    assert step.purpose is Purpose.SCREEN and step.number == 2 and step.finding is None
    assert "ces_saddle_anaesthesia" in step.red_flags and step.reason
    assert step.sections[0].title == assessor.kb.screen_groups["cauda_equina"].patient


@settings(max_examples=25, deadline=None, suppress_health_check=FIXTURES)
@given(seed=st.integers(0, 2**32 - 1), mode=st.sampled_from(list(Mode)))
def test_red_flag_screen_is_asked_before_any_close(
    assessor: Assessor, seed: int, mode: Mode
) -> None:
    cohort = sample_cohort(assessor.model, 1, np.random.default_rng(seed))
    session, questions, stop = walk(assessor, mode, cohort, 0)
    if stop.reason is StopReason.EMERGENCY:
        assert stop.assessment.triage.level.value == "emergency"
        return
    screen = [
        f.id
        for f in assessor.kb.findings.values()
        if (f.screen or f.screen_group) and mode.can_ask(f.kind)
    ]
    assert all(f in session.answers for f in screen)
    screened = [q.number for q in questions if q.purpose is Purpose.SCREEN]
    diagnostic = [q.number for q in questions if q.purpose is Purpose.DIAGNOSTIC]
    assert not diagnostic or max(screened) < min(diagnostic)
    finding_questions = [q for q in questions if q.finding is not None]
    kinds = {assessor.kb.findings[q.finding].kind for q in finding_questions if q.finding}
    if mode is Mode.PATIENT:
        assert all(kind.patient_answerable for kind in kinds)
    assert FindingKind.INVESTIGATION not in kinds


def test_patient_mode_never_asks_an_examination_or_investigation(assessor: Assessor) -> None:
    bank = question_bank(assessor.kb, assessor.model, Mode.PATIENT)
    kinds = {assessor.kb.findings[f].kind for f in bank.finding_ids}
    assert kinds == {FindingKind.SYMPTOM, FindingKind.HISTORY, FindingKind.RISK_FACTOR}
    clinician = question_bank(assessor.kb, assessor.model, Mode.CLINICIAN)
    assert FindingKind.EXAM in {assessor.kb.findings[f].kind for f in clinician.finding_ids}


def test_emergency_red_flag_stops_a_patient_interview_at_once(assessor: Assessor) -> None:
    session = answer_location(assessor.kb, start(Mode.PATIENT), [Zone.LOW_BACK])
    session = answer(session, "saddle_anaesthesia", Answer.YES)
    step = next_step(assessor, session)
    assert isinstance(step, Stop) and step.reason is StopReason.EMERGENCY
    assert "ces_saddle_anaesthesia" in step.assessment.triage.red_flags
    clinician = session.model_copy(update={"mode": Mode.CLINICIAN})
    assert not isinstance(next_step(assessor, clinician), Stop)


def test_confident_stop(assessor: Assessor) -> None:
    session = answer_location(assessor.kb, start(Mode.PATIENT, age=41), [Zone.PERINEUM])
    for finding in ("worse_sitting", "relief_standing_lying", "relief_toilet_seat", "cycling"):
        session = answer(session, finding, Answer.YES)
    while True:
        step = next_step(assessor, session)
        if isinstance(step, Stop):
            break
        session = reply(assessor.kb, session, step, Answer.NO)
    assert step.reason is StopReason.CONFIDENT
    assert step.assessment.ranking[0].condition == "pudendal_neuralgia"
    assert step.assessment.ranking[0].probability >= StopRule.for_mode(Mode.PATIENT).confidence
    assert step.questions_asked == session.questions_asked


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        (StopRule(2.0, 3, -np.inf, True), StopReason.LIMIT),
        (StopRule(2.0, 1000, 10.0, True), StopReason.NO_USEFUL_QUESTION),
        (StopRule.never(), StopReason.ALL_ASKED),
    ],
)
def test_limit_no_useful_question_and_all_asked(
    assessor: Assessor, rule: StopRule, reason: StopReason
) -> None:
    policy = Policy(InformationGain(), rule)
    session = answer_location(assessor.kb, start(Mode.PATIENT, age=45), [Zone.DEEP_BUTTOCK])
    while True:
        step = next_step(assessor, session, policy)
        if isinstance(step, Stop):
            break
        session = reply(assessor.kb, session, step, Answer.NO)
    assert step.reason is reason
    screen = [f.id for f in assessor.kb.findings.values() if f.screen]
    assert all(f in session.answers for f in screen)
    if reason is StopReason.ALL_ASKED:
        bank = question_bank(assessor.kb, assessor.model, Mode.PATIENT)
        assert set(session.answers) == set(bank.finding_ids)


def test_clinician_mode_names_the_test_to_perform_and_why(assessor: Assessor) -> None:
    session = answer_location(assessor.kb, start(Mode.CLINICIAN, age=45), [Zone.DEEP_BUTTOCK])
    while True:
        step = next_step(assessor, session)
        assert not isinstance(step, Stop)
        if step.purpose is Purpose.DIAGNOSTIC and step.finding_kind is FindingKind.EXAM:
            break
        session = reply(assessor.kb, session, step, Answer.NO)
    assert step.text.startswith("Examination:") and step.detail
    assert "bits" in step.reason and len(step.separates) == 2


def test_unknown_finding_in_a_session_is_an_input_error(assessor: Assessor) -> None:
    session = answer_location(assessor.kb, start(Mode.PATIENT), [])
    with pytest.raises(InputError, match="bogus"):
        next_step(assessor, answer(session, "bogus", Answer.YES))


def test_snapshot_shows_the_leading_conditions_and_red_flags(assessor: Assessor) -> None:
    session = answer(start(Mode.PATIENT), "history_of_cancer", Answer.YES)
    snap = snapshot(assessor, session)
    assert len(snap.leading) == 5
    assert snap.confidence == snap.leading[0].probability
    assert "malignancy_history_of_cancer" in snap.triage.red_flags


@pytest.mark.parametrize("mode", list(Mode))
def test_the_session_api_and_the_simulator_ask_the_same_questions(
    assessor: Assessor, mode: Mode
) -> None:
    cohort = sample_cohort(assessor.model, 12, np.random.default_rng(11))
    bank = question_bank(assessor.kb, assessor.model, mode)
    result = run_policy(
        "engine",
        assessor.model,
        bank,
        red_flag_table(assessor.kb, bank),
        Policy.default(mode),
        cohort,
    )
    for row in range(len(cohort)):
        _, questions, stop = walk(assessor, mode, cohort, row)
        assert stop.questions_asked == result.questions[row] == len(questions)
        top = stop.assessment.ranking[0].condition
        truth = assessor.model.condition_ids[cohort.condition[row]]
        assert (top == truth) == bool(result.correct_top1[row])


def test_a_finding_the_known_age_implies_is_not_askable(assessor: Assessor) -> None:
    model = assessor.model
    bank = question_bank(assessor.kb, model, Mode.PATIENT)
    implied = [f for f in bank.finding_ids if assessor.kb.findings[f].implied_by_age_below]
    assert implied
    bound = assessor.kb.findings[implied[0]].implied_by_age_below
    assert bound is not None
    ages = np.array([bound - 10, bound + 5, -1])  # below the bound, above it, unknown
    state = BatchState(
        answers=np.zeros((3, len(model.finding_ids)), dtype=np.int8),
        asked=np.zeros((3, len(bank)), dtype=np.bool_),
        questions_asked=np.zeros(3, dtype=np.int64),
        age=ages,
        keys=np.zeros(3, dtype=np.uint64),
    )
    column = askable(model, bank, state)[:, bank.position[implied[0]]]
    assert column.tolist() == [False, True, True]


def test_a_tick_list_leaves_out_what_the_known_age_answers(assessor: Assessor) -> None:
    kb = assessor.kb
    implied = {f for f, record in kb.findings.items() if record.implied_by_age_below}
    bound = min(kb.findings[f].implied_by_age_below or 0 for f in implied)
    cohort = sample_cohort(assessor.model, 60, np.random.default_rng(5))
    cohort.age[:] = bound - 10
    shown_lists_with_implied_members = 0
    for row in range(len(cohort)):
        _, questions, _ = walk(assessor, Mode.CLINICIAN, cohort, row)
        for step in questions:
            for section in step.sections:
                members = (
                    set(kb.checklists[section.id].members) if section.id in kb.checklists else set()
                )
                shown_lists_with_implied_members += bool(members & implied)
                assert not {item.finding for item in section.items} & implied
    assert shown_lists_with_implied_members  # the case the rule is for did come up
