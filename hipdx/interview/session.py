"""One interview's state: mode, setting, demographics, the body map and the answers in order.

An InterviewSession is immutable and JSON-serialisable (a frozen pydantic model), so a web page
can carry it between requests; every function here returns a new session.

The body map opens every interview. Choosing a zone sets its location findings (findings with that
`zone`) to yes. Zones not chosen stay *unknown*, not no: a body map records where the patient
points, and people often leave out areas that hurt less (low back pain beside buttock pain, say).
Reading those as no would be strong and often wrong evidence: `pain_below_knee = no` alone
counts heavily against radiculopathy. The engine may ask about an unchosen zone later, with the
knowledge base's own follow-up wording ("Do you also have pain in your lower back?").

A grouped red-flag screening question (screen_groups.yaml) is answered once for the group: no
records every unasked member the mode can ask as no (the screening-checklist convention, see
hipdx.interview.screen); yes or don't know records only the group answer, and the members are then
asked one by one. A group question counts as one question.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hipdx.engine.evidence import Evidence
from hipdx.errors import InputError
from hipdx.interview.bank import Mode
from hipdx.knowledge.schema import KnowledgeBase, ScreenGroupId
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
    """Grouped screening questions in the order they were answered, with the answer."""

    @property
    def questions_asked(self) -> int:
        """Questions answered so far, the body map and each screen group counting as one."""
        return (self.location is not None) + len(self.asked) + len(self.screen_answers)

    @property
    def expanded(self) -> tuple[ScreenGroupId, ...]:
        """Screen groups answered yes or don't know: their members are asked one by one."""
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


def answer_screen(
    kb: KnowledgeBase, session: InterviewSession, group: ScreenGroupId, value: Answer
) -> InterviewSession:
    """The session with screen group `group` answered `value`.

    No sets every member the mode can ask that has no answer yet to no; yes or don't know sets
    nothing (the members are asked next). Answering a group again replaces its answer but never
    clears member answers already recorded.

    Raises:
        InputError: `group` is not a screen group of the knowledge base.
    """
    if group not in kb.screen_groups:
        raise InputError(f"unknown screen group {group!r}")
    value = Answer(value)
    answers = dict(session.answers)
    if value is Answer.NO:
        for finding in screen_members(kb, session.mode, group):
            answers.setdefault(finding, Answer.NO)
    screens = {**session.screen_answers, group: value}
    return session.model_copy(update={"answers": answers, "screen_answers": screens})


def location_findings(kb: KnowledgeBase, zones: Iterable[Zone]) -> list[FindingId]:
    """The location findings of `zones`, in knowledge-base order."""
    chosen = set(zones)
    return [f.id for f in kb.findings.values() if f.zone is not None and f.zone in chosen]


def answer_location(
    kb: KnowledgeBase, session: InterviewSession, zones: Iterable[Zone]
) -> InterviewSession:
    """The session with the body map answered: the chosen zones' location findings set to yes.

    Answering the body map again replaces the earlier choice; location findings answered as
    questions of their own are kept.
    """
    chosen = tuple(dict.fromkeys(Zone(z) for z in zones))
    kept = dict(session.answers)
    for finding in location_findings(kb, session.location or ()):
        if finding not in session.asked:
            kept.pop(finding, None)
    kept.update({f: Answer.YES for f in location_findings(kb, chosen) if f not in session.asked})
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
