"""The interview API for one session: the next question, or why to stop and the final assessment.

    session = start(Mode.PATIENT, age=41, sex=Sex.FEMALE)
    step = next_step(assessor, session)             # the body map first
    session = answer_location(kb, session, [Zone.PERINEUM])
    step = next_step(assessor, session)             # a Question ...
    session = answer(session, step.finding, Answer.YES)
    # ... or, for a tick list (step.kind is QuestionKind.CHECKLIST):
    session = answer_checklist(kb, session, [s.id for s in step.sections], ticked=["fever"])
    ...                                              # ... until a Stop with the Assessment

The CLI and the web layer both drive the engine through these functions.
"""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel, ConfigDict

from hipdx.assessment import Assessment, Assessor
from hipdx.engine.evidence import encode
from hipdx.engine.inference import posterior
from hipdx.engine.information import answer_likelihoods, settled_evidence
from hipdx.engine.model import FloatArray
from hipdx.interview.bank import BoolArray, question_bank
from hipdx.interview.policy import PURPOSES, BatchState, Policy, Purpose, askable, decide
from hipdx.interview.questions import (
    Question,
    checklist_question,
    finding_question,
    location_question,
)
from hipdx.interview.screen import red_flag_table
from hipdx.interview.session import InterviewSession
from hipdx.interview.stopping import STOP_REASONS, StopReason


class Stop(BaseModel):
    """The interview is over: why, after how many questions, and the full assessment."""

    model_config = ConfigDict(frozen=True)

    reason: StopReason
    message: str
    questions_asked: int
    assessment: Assessment


def next_step(
    assessor: Assessor, session: InterviewSession, policy: Policy | None = None
) -> Question | Stop:
    """The body map if not yet answered, else the policy's next question or its stop.

    Args:
        assessor: the knowledge base and model.
        session: the interview so far.
        policy: strategy, stop rule and screen schedule (default: the mode's shipped policy).

    Raises:
        InputError: the session names an unknown finding or setting.
    """
    kb, model = assessor.kb, assessor.model
    if session.location is None:
        return location_question(kb, session.mode, session.age)
    chosen = policy or Policy.default(session.mode)
    bank = question_bank(kb, model, session.mode)
    # Answers the others settle are recorded too: the posterior is the same, and triage sees
    # them (a hard chair that hurts answers "does sitting hurt?").
    evidence = settled_evidence(model, session.evidence)
    encoded = encode(model, [evidence])
    belief = posterior(model, encoded, session.setting)
    asked = np.zeros((1, len(bank)), dtype=np.bool_)
    asked[0, [bank.position[f] for f in evidence.answers if f in bank.position]] = True
    expanded = np.array([[g in session.expanded for g in bank.groups]], dtype=np.bool_)
    done = np.array([[c in session.checklist_answers for c in bank.checklists]], dtype=np.bool_)
    state = BatchState(
        answers=encoded.answers,
        asked=asked,
        questions_asked=np.array([session.questions_asked], dtype=np.int64),
        age=np.array([-1 if session.age is None else session.age], dtype=np.int64),
        keys=np.zeros(1, dtype=np.uint64),
        expanded=expanded.reshape(1, len(bank.groups)),
        checklists_asked=done.reshape(1, len(bank.checklists)),
    )
    decision = decide(chosen, model, bank, red_flag_table(kb, bank), belief, state)
    if decision.stop[0] >= 0:
        reason = STOP_REASONS[int(decision.stop[0])]
        return Stop(
            reason=reason,
            message=reason.description,
            questions_asked=session.questions_asked,
            assessment=assessor.assess(evidence, session.setting),
        )

    # A tick list leaves out what the age or the answers already settle.
    still_open = askable(model, bank, state)[0]
    likelihoods = answer_likelihoods(model, encoded.answers, bank.columns)

    def predicted(items: tuple[str, ...]) -> FloatArray:
        """(C, items) P(yes | condition, answers so far), for the question's reason."""
        positions = [bank.position[f] for f in items]
        return likelihoods.table[:, likelihoods.variant[0, positions]]

    def unanswered(members: BoolArray) -> tuple[str, ...]:
        return tuple(bank.finding_ids[k] for k in np.flatnonzero(members & still_open))

    number = session.questions_asked + 1
    if decision.group[0] >= 0:
        sections = [
            (bank.groups[g], unanswered(bank.members[g]))
            for g in np.flatnonzero(decision.groups[0])
        ]
        shown = tuple(f for _, items in sections for f in items)
        return checklist_question(
            kb, model, session.mode, sections, Purpose.SCREEN, belief[0], predicted(shown), number
        )
    if decision.checklist[0] >= 0:
        d = int(decision.checklist[0])
        listed = set(unanswered(bank.checklist_members[d]))
        members = kb.checklists[bank.checklists[d]].members  # in the checklist's own order
        items = tuple(f for f in members if f in listed)
        return checklist_question(
            kb,
            model,
            session.mode,
            [(bank.checklists[d], items)],
            Purpose.DIAGNOSTIC,
            belief[0],
            predicted(items),
            number,
        )
    finding = bank.finding_ids[int(decision.position[0])]
    return finding_question(
        kb,
        model,
        session.mode,
        finding,
        PURPOSES[int(decision.purpose[0])],
        belief[0],
        predicted((finding,))[:, 0],
        number,
    )
