"""One interview's state: mode, setting, demographics, the body map and the answers in order.

An InterviewSession is immutable and JSON-serialisable (a frozen pydantic model), so a web page
can carry it between requests; every function here returns a new session.

The body map opens every interview, and it is a complete checklist of its zones: a chosen zone's
location finding is yes, an unchosen zone's is no. The question says so ("choose every area that
hurts, even a little; areas you do not choose count as pain-free"), the convention of a screening
checklist answered "none of these". One question thus answers every location finding; on 10,000
simulated patients per mode (benchmarks/interview.py, seed 20261121) it saves a median of 3
questions in patient mode and 2 in clinician mode at the same top-1 accuracy, against leaving
unchosen zones unknown.

The price is that a missed mark is read as a no, and a no to a location is strong evidence
(`pain_below_knee = no` counts heavily against radiculopathy). The simulated patients mark every
zone that hurts; if each painful zone is left unmarked with probability 10% (20%), top-1 falls by
1.4 (2.8) points in patient mode and 0.6 (1.2) in clinician mode, against at most 0.2 when
unchosen zones stay unknown. Hence the wording, and hence a red flag is never settled by a missing
mark: a location finding that a red-flag rule uses at the patient's age (sit-bone pain, for the
adolescent avulsion flag) stays unknown when its zone is not chosen, and the red-flag screen asks
it (`hipdx.interview.bank.unmarked_is_no`).

Tick lists - the red-flag screen groups (screen_groups.yaml) and the diagnostic checklists
(checklists.yaml) - show every unanswered member at once; the person ticks each that applies.
`answer_checklist` records a ticked member as yes and an unticked member of the submitted list as
no (the screening-checklist convention, see hipdx.interview.screen), or, for a list marked "not
sure", leaves the unticked members unanswered: a screen group's are then asked one by one, a
checklist's may be. One submitted page counts as one question, whatever it lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hipdx.engine.evidence import Evidence
from hipdx.errors import InputError
from hipdx.interview.bank import Mode, unmarked_is_no
from hipdx.knowledge.schema import ChecklistId, KnowledgeBase, ScreenGroupId
from hipdx.types import Answer, FindingId, SettingId, Sex, Zone


class InterviewSession(BaseModel):
    """Everything an interview has learnt so far."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    mode: Mode
    setting: SettingId | None = None
    """Care setting for the priors; None is the knowledge base's default."""
    age: Annotated[int, Field(ge=0, le=120)] | None = None
    sex: Sex | None = None
    location: tuple[Zone, ...] | None = None
    """The zones chosen on the body map; None until the body map is answered."""
    asked: tuple[FindingId, ...] = ()
    """Finding questions in the order they were answered (the body map is not among them)."""
    answers: dict[FindingId, Answer] = {}
    """Every answer, the body map's location findings and the members of screen groups answered
    no included."""
    screen_answers: dict[ScreenGroupId, Answer] = {}
    """Screen groups in the order they were answered: yes (some member ticked), no (none), or
    don't know ("not sure": the members are asked one by one)."""
    checklist_answers: dict[ChecklistId, Answer] = {}
    """Diagnostic checklists in the order they were answered, as for `screen_answers`."""
    pages: tuple[tuple[str, ...], ...] = ()
    """The screen groups and checklists of each tick list submitted, in order (one question
    each)."""

    @property
    def questions_asked(self) -> int:
        """Questions answered so far: the body map, each finding question and each tick list."""
        listed = {i for page in self.pages for i in page}
        earlier = [g for g in self.screen_answers if g not in listed]  # sessions before pages
        return (self.location is not None) + len(self.asked) + len(self.pages) + len(earlier)

    @property
    def expanded(self) -> tuple[ScreenGroupId, ...]:
        """Screen groups answered other than no: their unanswered members are asked one by one
        (after a tick list answered without "not sure", none is left)."""
        return tuple(g for g, a in self.screen_answers.items() if a is not Answer.NO)

    @property
    def evidence(self) -> Evidence:
        """The answers, age and sex as evidence for the engine."""
        return Evidence(self.answers, self.age, self.sex)


def start(
    mode: Mode,
    *,
    setting: SettingId | None = None,
    age: int | None = None,
    sex: Sex | None = None,
) -> InterviewSession:
    """A new interview.

    Raises:
        InputError: the age is outside 0-120.
    """
    if age is not None and not 0 <= age <= 120:
        raise InputError(f"age {age} is out of range (0-120)")
    return InterviewSession(mode=mode, setting=setting, age=age, sex=sex)


def answer(session: InterviewSession, finding: FindingId, value: Answer) -> InterviewSession:
    """The session with `finding` answered `value` (a repeated question keeps its first place)."""
    asked = session.asked if finding in session.asked else (*session.asked, finding)
    return session.model_copy(
        update={"asked": asked, "answers": {**session.answers, finding: Answer(value)}}
    )


def screen_members(kb: KnowledgeBase, mode: Mode, group: ScreenGroupId) -> list[FindingId]:
    """The findings screen group `group` asks about in `mode`, in knowledge-base order."""
    return [f.id for f in kb.findings.values() if f.screen_group == group and mode.can_ask(f.kind)]


def list_members(kb: KnowledgeBase, mode: Mode, list_id: str) -> list[FindingId]:
    """The findings a screen group or diagnostic checklist lists in `mode`.

    Raises:
        InputError: `list_id` is neither a screen group nor a checklist.
    """
    if list_id in kb.screen_groups:
        return screen_members(kb, mode, list_id)
    if list_id in kb.checklists:
        return [f for f in kb.checklists[list_id].members if mode.can_ask(kb.findings[f].kind)]
    raise InputError(f"unknown screen group or checklist {list_id!r}")


def answer_checklist(
    kb: KnowledgeBase,
    session: InterviewSession,
    lists: Iterable[str],
    ticked: Iterable[FindingId],
    unsure: Iterable[str] = (),
) -> InterviewSession:
    """The session with one tick list submitted: screen groups and/or checklists `lists` (the
    sections of the page), the members `ticked`, and the sections marked "not sure".

    A ticked member is yes. An unticked member with no answer yet is no, unless its section is
    marked "not sure": then it stays unanswered (a screen group's members are then asked one by
    one). Each section's answer is recorded: don't know when "not sure", else yes when a member
    is ticked, else no. The page counts as one question.

    Raises:
        InputError: no section, an unknown or repeated section, a ticked finding that is not a
            member of the sections, or a "not sure" section that is not on the page.
    """
    ids = list(lists)
    if not ids:
        raise InputError("a tick list needs at least one screen group or checklist")
    if len(set(ids)) != len(ids):
        raise InputError("a screen group or checklist is named twice")
    members = {i: list_members(kb, session.mode, i) for i in ids}
    chosen = list(dict.fromkeys(ticked))
    listed = {f for found in members.values() for f in found}
    stray = [f for f in chosen if f not in listed]
    if stray:
        raise InputError(f"not an item of this list: {', '.join(stray)}")
    doubtful = set(unsure)
    if doubtful - set(ids):
        raise InputError(f"not a section of this list: {', '.join(sorted(doubtful - set(ids)))}")
    answers = dict(session.answers)
    screens, checklists = dict(session.screen_answers), dict(session.checklist_answers)
    for list_id, found in members.items():
        for finding in found:
            if finding in chosen:
                answers[finding] = Answer.YES
            elif list_id not in doubtful:
                answers.setdefault(finding, Answer.NO)
        if list_id in doubtful:
            value = Answer.UNKNOWN
        else:
            value = Answer.YES if any(f in chosen for f in found) else Answer.NO
        (screens if list_id in kb.screen_groups else checklists)[list_id] = value
    return session.model_copy(
        update={
            "answers": answers,
            "screen_answers": screens,
            "checklist_answers": checklists,
            "pages": (*session.pages, tuple(ids)),
        }
    )


def answer_screen(
    kb: KnowledgeBase, session: InterviewSession, group: ScreenGroupId, value: Answer
) -> InterviewSession:
    """The session with screen group `group` answered `value` as a whole (the API before tick
    lists; kept for its clients).

    No is the tick list submitted with nothing ticked: every member with no answer yet is no.
    Yes or don't know records the group answer only, and the members are asked one by one.

    Raises:
        InputError: `group` is not a screen group of the knowledge base.
    """
    if group not in kb.screen_groups:
        raise InputError(f"unknown screen group {group!r}")
    value = Answer(value)
    unsure = () if value is Answer.NO else (group,)
    after = answer_checklist(kb, session, [group], [], unsure)
    return after.model_copy(update={"screen_answers": {**after.screen_answers, group: value}})


def body_map_answers(
    kb: KnowledgeBase, zones: Iterable[Zone], age: int | None
) -> dict[FindingId, Answer]:
    """What the body map records when `zones` are chosen: yes for their location findings, no for
    the other location findings, except that an unchosen finding a red-flag rule uses at `age`
    is left out (unknown; see `hipdx.interview.bank.unmarked_is_no`)."""
    chosen = set(zones)
    return {
        f.id: Answer.YES if f.zone in chosen else Answer.NO
        for f in kb.findings.values()
        if f.zone is not None and (f.zone in chosen or unmarked_is_no(kb, f.id, age))
    }


def answer_location(
    kb: KnowledgeBase, session: InterviewSession, zones: Iterable[Zone]
) -> InterviewSession:
    """The session with the body map answered (see `body_map_answers`).

    Answering the body map again replaces the earlier choice; location findings answered as
    questions of their own are kept.
    """
    chosen = tuple(dict.fromkeys(Zone(z) for z in zones))
    fresh = body_map_answers(kb, chosen, session.age)
    located = {f.id for f in kb.findings.values() if f.zone is not None}
    kept = {f: a for f, a in session.answers.items() if f in session.asked or f not in located}
    kept.update({f: a for f, a in fresh.items() if f not in session.asked})
    return session.model_copy(update={"location": chosen, "answers": kept})


def load_session(text: str) -> InterviewSession:
    """Parse a session from its JSON form (`session.model_dump_json()`).

    Raises:
        InputError: the text is not a valid session.
    """
    try:
        return InterviewSession.model_validate_json(text)
    except ValidationError as exc:
        raise InputError(f"not a valid interview session: {exc.error_count()} error(s)") from exc
