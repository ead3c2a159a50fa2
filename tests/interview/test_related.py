"""Related findings in the interview (findings.yaml `implies`, `excludes`): a finding the answers
so far settle is never asked, not even on a tick list, and its settled answer reaches triage."""

from __future__ import annotations

import numpy as np

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.engine.information import settled_evidence
from hipdx.engine.model import SEXES
from hipdx.interview import (
    Mode,
    QuestionKind,
    Stop,
    answer,
    answer_checklist,
    answer_location,
    next_step,
    question_bank,
    snapshot,
    start,
)
from hipdx.interview.cohort import sample_cohort
from hipdx.interview.policy import BatchState, askable
from hipdx.types import Answer
from tests.interview.helpers import patient_zones, sections

PARENT, CHILD = "inability_bear_weight", "antalgic_gait"
"""Unable to bear weight entails a limp."""
CONTROL = "worse_stairs"


def test_askable_leaves_out_a_finding_the_answers_settle(assessor: Assessor) -> None:
    model = assessor.model
    bank = question_bank(assessor.kb, model, Mode.PATIENT)
    answers = np.zeros((3, len(model.finding_ids)), dtype=np.int8)
    answers[0, model.finding_index[PARENT]] = 1
    answers[1, model.finding_index[PARENT]] = -1  # negative control: a limp stays possible
    asked = np.zeros((3, len(bank)), dtype=np.bool_)
    asked[:2, bank.position[PARENT]] = True
    state = BatchState(
        answers=answers,
        asked=asked,
        questions_asked=np.ones(3, dtype=np.int64),
        age=np.full(3, 40),
        keys=np.zeros(3, dtype=np.uint64),
    )
    open_ = askable(model, bank, state)
    assert open_[:, bank.position[CHILD]].tolist() == [False, True, True]
    assert open_[:, bank.position[CONTROL]].all()


def test_no_question_asks_what_earlier_answers_settle(assessor: Assessor) -> None:
    kb, model = assessor.kb, assessor.model
    cohort = sample_cohort(model, 40, np.random.default_rng(8))
    # Every patient answers no to night pain, which rules out waking late in the night.
    for finding in ("night_pain", "night_waking_second_half"):
        cohort.findings[:, model.finding_index[finding]] = False
    lists_that_left_a_member_out = 0
    for row in range(len(cohort)):
        session = start(Mode.PATIENT, age=int(cohort.age[row]), sex=SEXES[int(cohort.sex[row])])
        while not isinstance(step := next_step(assessor, session), Stop):
            if step.kind is QuestionKind.LOCATION:
                session = answer_location(kb, session, patient_zones(assessor, cohort, row))
                continue
            known = settled_evidence(model, session.evidence).answers
            settled = set(known) - set(session.answers)
            shown = set(step.items) if step.kind is QuestionKind.CHECKLIST else {step.finding}
            assert not shown & settled
            members = {
                f
                for s in step.sections
                if s.id in kb.checklists
                for f in kb.checklists[s.id].members
            }
            lists_that_left_a_member_out += bool(members & settled)
            if step.kind is QuestionKind.CHECKLIST:
                ticked = [f for f in step.items if cohort.findings[row, model.finding_index[f]]]
                session = answer_checklist(kb, session, sections(step), ticked)
            else:
                assert step.finding is not None
                present = cohort.findings[row, model.finding_index[step.finding]]
                session = answer(session, step.finding, Answer.YES if present else Answer.NO)
    assert lists_that_left_a_member_out  # the case the rule is for did come up


def test_a_settled_answer_reaches_triage(assessor: Assessor) -> None:
    # A large bruise plus painful sitting is the avulsion flag; a hard chair that hurts answers
    # "does sitting hurt?".
    session = start(Mode.CLINICIAN, age=40)
    session = answer(session, "significant_bruising", Answer.YES)
    hurts = answer(session, "worse_sitting_hard_surface", Answer.YES)
    assert "avulsion_significant_bruising" in snapshot(assessor, hurts).triage.red_flags
    # Negative control: a hard chair that does not hurt settles nothing.
    fine = answer(session, "worse_sitting_hard_surface", Answer.NO)
    assert "avulsion_significant_bruising" not in snapshot(assessor, fine).triage.red_flags
    assert dict(settled_evidence(assessor.model, fine.evidence).answers) == dict(
        Evidence(fine.answers, 40).answers
    )
