"""Diagnostic checklists: the data file, the gain of a whole tick list, and how the interview asks
one (tick lists counted as one question, unticked = no, "not sure" leaves items open)."""

from __future__ import annotations

import itertools
from importlib import resources

import numpy as np
import pytest
import yaml

from hipdx.assessment import Assessor
from hipdx.engine.information import Likelihoods
from hipdx.errors import KnowledgeBaseError
from hipdx.interview import (
    InterviewSession,
    Mode,
    Policy,
    Purpose,
    Question,
    QuestionKind,
    SectionKind,
    Stop,
    answer_checklist,
    answer_location,
    load_session,
    next_step,
    question_bank,
    start,
)
from hipdx.interview.select import checklist_information_gain, expected_information_gain
from hipdx.knowledge.checks import check_knowledge_base
from hipdx.knowledge.schema import Checklist, ChecklistsFile, KnowledgeBase
from hipdx.types import Answer, Zone
from tests.interview.helpers import reply, sections


def test_checklists_file_round_trips() -> None:
    text = (resources.files("hipdx.knowledge.data") / "checklists.yaml").read_text("utf-8")
    loaded = ChecklistsFile.model_validate(yaml.safe_load(text))
    dumped = yaml.safe_dump(loaded.model_dump(mode="json", exclude_defaults=True))
    assert ChecklistsFile.model_validate(yaml.safe_load(dumped)) == loaded


def test_every_checklist_is_askable_in_both_modes(kb: KnowledgeBase, assessor: Assessor) -> None:
    assert kb.checklists
    for mode in Mode:
        bank = question_bank(kb, assessor.model, mode)
        assert bank.checklists == tuple(kb.checklists)
        for row, checklist in zip(bank.checklist_members, kb.checklists.values(), strict=True):
            assert [bank.finding_ids[k] for k in np.flatnonzero(row)] == [
                f for f in bank.finding_ids if f in checklist.members
            ]


def _with(kb: KnowledgeBase, **changes: object) -> KnowledgeBase:
    first = next(iter(kb.checklists.values()))
    extra = Checklist(**{**first.model_dump(), "id": "extra", "order": 99, **changes})
    return kb.model_copy(update={"checklists": {**kb.checklists, "extra": extra}})


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"members": ["fever", "weight_loss"]}, "'fever' is a body-map or red-flag screen"),
        ({"members": ["pain_sit_bone", "cycling"]}, "'pain_sit_bone' is a body-map"),
        ({"members": ["slr_positive", "cycling"]}, "'slr_positive' is not patient-answerable"),
        ({"members": ["no_such", "cycling"]}, "unknown finding 'no_such'"),
        ({"members": ["uveitis", "pain_groin"]}, "'uveitis' is also in checklist"),
        ({"sources": ["no_such_source"]}, "unknown source 'no_such_source'"),
        ({"id": "injury"}, "id is also a screen group"),
        ({"order": 1}, "order 1 is used twice"),
    ],
)
def test_checklist_problems_name_the_checklist(
    kb: KnowledgeBase, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(KnowledgeBaseError, match=message):
        check_knowledge_base(_with(kb, **changes))


def _brute_force(belief: np.ndarray, table: np.ndarray, positions: list[int]) -> float:
    """I(condition; answers to `positions`) by summing over every yes/no pattern."""
    total = 0.0
    for pattern in itertools.product([0, 1], repeat=len(positions)):
        likelihood = np.ones(len(belief))
        for value, k in zip(pattern, positions, strict=True):
            likelihood *= table[:, k] if value else 1.0 - table[:, k]
        joint = belief * likelihood
        marginal = joint.sum()
        total += float(np.sum(joint * np.log2(likelihood / marginal)))
    return total


def test_checklist_gain_matches_an_independent_computation() -> None:
    rng = np.random.default_rng(3)
    belief = rng.dirichlet(np.ones(5), size=3)
    table = rng.uniform(0.05, 0.95, size=(5, 6))
    members = np.array([[1, 1, 1, 0, 0, 0], [0, 0, 0, 1, 1, 1]], dtype=np.bool_)
    asked = np.zeros((3, 6), dtype=np.bool_)
    asked[1, 0] = True  # one member already answered: the list asks the other two
    asked[2, 3:] = True  # nothing left to ask
    gains = checklist_information_gain(belief, Likelihoods.independent(table, 3), members, asked)
    for n in range(3):
        for d in range(2):
            open_ = [k for k in np.flatnonzero(members[d]) if not asked[n, k]]
            expected = _brute_force(belief[n], table, open_) if open_ else 0.0
            assert gains[n, d] == pytest.approx(expected, abs=1e-9)
    single = expected_information_gain(belief, table)
    assert (gains[0] >= [single[0, :3].max(), single[0, 3:].max()]).all()
    assert (gains[0] <= [single[0, :3].sum(), single[0, 3:].sum()]).all()


def _diagnostic(
    assessor: Assessor, policy: Policy | None = None
) -> tuple[InterviewSession, Question]:
    """A patient interview past the screen, at its first diagnostic question."""
    session = answer_location(assessor.kb, start(Mode.PATIENT, age=35), [Zone.SIT_BONE])
    while True:
        step = next_step(assessor, session, policy)
        assert not isinstance(step, Stop)
        if step.purpose is Purpose.DIAGNOSTIC:
            return session, step
        session = reply(assessor.kb, session, step, Answer.NO)


def test_a_checklist_is_one_question_unticked_items_no(assessor: Assessor) -> None:
    kb = assessor.kb
    session, step = _diagnostic(assessor)
    assert step.kind is QuestionKind.CHECKLIST and len(step.sections) == 1
    section = step.sections[0]
    checklist = kb.checklists[section.id]
    assert section.kind is SectionKind.CHECKLIST and section.title == checklist.name
    assert step.text == checklist.patient and step.hint and "tell apart" in step.reason
    assert list(step.items) == [f for f in checklist.members if f not in session.answers]
    assert [i.text for i in section.items] == [kb.findings[f].question for f in step.items]
    ticked = step.items[:1]
    after = answer_checklist(kb, session, sections(step), ticked)
    assert after.answers[ticked[0]] is Answer.YES
    assert all(after.answers[f] is Answer.NO for f in step.items[1:])
    assert after.checklist_answers == {section.id: Answer.YES}
    assert after.questions_asked == session.questions_asked + 1
    assert load_session(after.model_dump_json()) == after
    following = next_step(assessor, after)
    assert isinstance(following, Stop) or section.id not in sections(following)


def test_not_sure_leaves_a_checklists_unticked_items_open(assessor: Assessor) -> None:
    session, step = _diagnostic(assessor)
    after = answer_checklist(assessor.kb, session, sections(step), [], unsure=sections(step))
    assert not set(step.items) & set(after.answers)
    assert after.checklist_answers == {step.sections[0].id: Answer.UNKNOWN}
    following = next_step(assessor, after)
    assert isinstance(following, Stop) or step.sections[0].id not in sections(following)


def test_without_checklists_every_diagnostic_question_is_single(assessor: Assessor) -> None:
    policy = Policy(**{**Policy.default(Mode.PATIENT).__dict__, "checklists": False})
    _, step = _diagnostic(assessor, policy)
    assert step.kind is QuestionKind.FINDING and step.gain_bits
