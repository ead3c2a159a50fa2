"""Questions as shown to the user: wording per mode, and why each one is asked now.

Patient mode reads out the knowledge base's patient `question`. Clinician mode shows the same
question for history items, and for an examination test names the test to perform, with the
clinician description as detail. Every question carries its reason: the body map opens the
interview, a red-flag screen item names the flags it checks, and a diagnostic question names its
expected information gain and the two leading conditions it best separates. A tick list (the
red-flag screen's groups, or a diagnostic checklist) shows each unanswered member's own question
under its section's heading; the person ticks those that apply.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
from pydantic import BaseModel, ConfigDict

from hipdx.engine.model import DiagnosticModel, FloatArray
from hipdx.interview.bank import Mode, unmarked_is_no
from hipdx.interview.policy import Purpose
from hipdx.interview.select import expected_information_gain
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import ConditionId, FindingId, FindingKind, RedFlagId, Zone

LEADING_COVERAGE = 0.95
"""A diagnostic question is explained by the leading conditions that together reach this
probability (at least two): the one most and the one least likely to answer yes."""


PATIENT_HINT = (
    "Tick each one you would answer yes to; any you leave unticked count as no. If you are not "
    'sure about some, choose "I\'m not sure about some of these" and we will ask them one at a '
    "time."
)
CLINICIAN_HINT = (
    "Tick each item present; unticked items are recorded as absent. Mark a section not sure to "
    "ask its items one by one."
)


class QuestionKind(StrEnum):
    """The body map (choose zones), a yes / no / don't know finding question, or a tick list
    (tick every item that applies, or none of them; a section may be marked not sure)."""

    LOCATION = "location"
    FINDING = "finding"
    CHECKLIST = "checklist"


class SectionKind(StrEnum):
    """What a tick list's section asks: a red-flag screen group or a diagnostic checklist."""

    SCREEN_GROUP = "screen_group"
    CHECKLIST = "checklist"


class ZoneChoice(BaseModel):
    """One zone of the body map and the findings it answers."""

    model_config = ConfigDict(frozen=True)

    zone: Zone
    findings: tuple[FindingId, ...]
    label: str
    """The clinician label of the zone's finding."""
    text: str
    """The zone's patient question, as a description of the area."""


class ChecklistItem(BaseModel):
    """One finding on a tick list."""

    model_config = ConfigDict(frozen=True)

    finding: FindingId
    text: str
    """The finding's question (patient mode) or label (clinician mode)."""
    detail: str | None = None
    """Clinician mode: the finding's clinical description."""


class ChecklistSection(BaseModel):
    """One screen group or diagnostic checklist on a tick list, with its unanswered members."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: SectionKind
    title: str
    """The section's heading in the mode's register."""
    items: tuple[ChecklistItem, ...]
    red_flags: tuple[RedFlagId, ...] = ()


class Question(BaseModel):
    """What to ask next, and why."""

    model_config = ConfigDict(frozen=True)

    kind: QuestionKind
    number: int
    """1-based position in the interview."""
    purpose: Purpose
    text: str
    """What to ask (patient or clinician wording), or the test to perform."""
    reason: str
    """Why this question is asked now, in the mode's register."""
    finding: FindingId | None = None
    finding_kind: FindingKind | None = None
    detail: str | None = None
    """Clinician mode: the finding's clinical description."""
    gain_bits: float | None = None
    """Expected information gain over the differential, bits (diagnostic questions)."""
    separates: tuple[ConditionId, ...] = ()
    """The leading conditions the answer best tells apart (most likely yes first)."""
    red_flags: tuple[RedFlagId, ...] = ()
    """Red flags whose rule uses this finding."""
    zones: tuple[ZoneChoice, ...] = ()
    """The body map's zones (location question only)."""
    sections: tuple[ChecklistSection, ...] = ()
    """A tick list's sections (checklist question only): answer with
    `hipdx.interview.session.answer_checklist`."""
    hint: str | None = None
    """How to answer a tick list."""

    @property
    def items(self) -> tuple[FindingId, ...]:
        """Every finding a tick list shows, section by section."""
        return tuple(i.finding for s in self.sections for i in s.items)


def location_question(kb: KnowledgeBase, mode: Mode, age: int | None) -> Question:
    """The body map, the opening question of every interview, for a patient of `age` years."""
    zones = []
    for zone in Zone:
        findings = [f for f in kb.findings.values() if f.zone is zone]
        if findings:
            first = findings[0]
            zones.append(
                ZoneChoice(
                    zone=zone,
                    findings=tuple(f.id for f in findings),
                    label=first.label,
                    text=first.question or first.label,
                )
            )
    if mode is Mode.PATIENT:
        text = (
            "Where do you feel the pain? Choose every area that hurts, even a little; "
            "areas you do not choose count as pain-free."
        )
        reason = (
            "Where it hurts, and where it does not, narrows down the possible causes more than "
            "any other question."
        )
    else:
        text = (
            "Pain location: mark every zone where the patient has any pain; unmarked zones are "
            "recorded as pain-free."
        )
        kept = [z.label for z in zones if not all(unmarked_is_no(kb, f, age) for f in z.findings)]
        reason = "The most informative first question; an unmarked zone counts as no pain there."
        if kept:
            reason += f" Left unknown when unmarked, as a red-flag rule uses it: {'; '.join(kept)}."
    return Question(
        kind=QuestionKind.LOCATION,
        number=1,
        purpose=Purpose.LOCATION,
        text=text,
        reason=reason,
        zones=tuple(zones),
    )


def _flags_using(kb: KnowledgeBase, *findings: FindingId) -> tuple[RedFlagId, ...]:
    return tuple(
        flag.id
        for flag in kb.red_flags.values()
        if any(f in flag.when.all_of or f in flag.when.any_of for f in findings)
    )


def _separates(
    model: DiagnosticModel, belief: FloatArray, likelihood: FloatArray
) -> tuple[ConditionId, ConditionId]:
    order = np.argsort(-belief, kind="stable")
    count = int(np.searchsorted(np.cumsum(belief[order]), LEADING_COVERAGE)) + 1
    leaders = order[: max(2, count)]
    by_yes = leaders[np.argsort(-likelihood[leaders], kind="stable")]
    return model.condition_ids[by_yes[0]], model.condition_ids[by_yes[-1]]


def _reason(
    kb: KnowledgeBase,
    mode: Mode,
    purpose: Purpose,
    flags: tuple[RedFlagId, ...],
    gain: float,
    separates: tuple[ConditionId, ...],
    exam: bool,
) -> str:
    names = "; ".join(kb.red_flags[f].name for f in flags)
    first, second = (kb.conditions[c].name for c in separates)
    if mode is Mode.PATIENT:
        return {
            Purpose.FOLLOW_UP: "You answered yes to a warning-sign question; this one tells us "
            "how urgently you need to be seen.",
            Purpose.SCREEN: "A safety question we ask everyone, to check for warning signs "
            "that need urgent care.",
            Purpose.SETTLE: "A safety question that rules out a warning sign.",
        }.get(purpose, f"This helps tell apart {first} and {second}.")
    thing = "test" if exam else "question"
    return {
        Purpose.FOLLOW_UP: f"Red-flag follow-up (a finding of it was positive): {names}.",
        Purpose.SCREEN: f"Red-flag screen: {names}.",
        Purpose.SETTLE: f"Settles red flag: {names}.",
    }.get(
        purpose,
        f"Most informative next {thing}: expected gain {gain:.2f} bits; separates {first} "
        f"(most likely positive) from {second} (least likely).",
    )


def finding_question(
    kb: KnowledgeBase,
    model: DiagnosticModel,
    mode: Mode,
    finding_id: FindingId,
    purpose: Purpose,
    belief: FloatArray,
    likelihood: FloatArray,
    number: int,
) -> Question:
    """A yes / no / don't know question about one finding.

    Args:
        kb: the knowledge base (wording, red flags, condition names).
        model: the diagnostic model (condition names for the reason).
        mode: patient or clinician wording.
        finding_id: the finding to ask about.
        purpose: why the policy chose it.
        belief: (C,) current posterior over conditions.
        likelihood: (C,) P(yes | condition, answers so far) of the finding.
        number: the question's 1-based position in the interview.
    """
    finding = kb.findings[finding_id]
    gain = float(expected_information_gain(belief[None, :], likelihood[:, None])[0, 0])
    separates = _separates(model, belief, likelihood)
    flags = _flags_using(kb, finding_id)
    exam = finding.kind is FindingKind.EXAM
    if mode is Mode.PATIENT:
        text, detail = finding.question or finding.label, None
    elif exam:
        text = f"Examination: {finding.question or finding.label}"
        detail = finding.clinician
    else:
        text, detail = finding.question or finding.label, finding.clinician
    return Question(
        kind=QuestionKind.FINDING,
        number=number,
        purpose=purpose,
        text=text,
        reason=_reason(kb, mode, purpose, flags, gain, separates, exam),
        finding=finding_id,
        finding_kind=finding.kind,
        detail=detail,
        gain_bits=gain,
        separates=separates,
        red_flags=flags,
    )


def checklist_question(
    kb: KnowledgeBase,
    model: DiagnosticModel,
    mode: Mode,
    sections: list[tuple[str, tuple[FindingId, ...]]],
    purpose: Purpose,
    belief: FloatArray,
    likelihood: FloatArray,
    number: int,
) -> Question:
    """A tick list: red-flag screen groups (purpose screen) or one diagnostic checklist.

    Args:
        kb: the knowledge base (wording, red flags, condition names).
        model: the diagnostic model (condition names for a checklist's reason).
        mode: patient or clinician wording.
        sections: each screen group or checklist id with the members to show.
        purpose: screen for screen groups, diagnostic for a checklist.
        belief: (C,) current posterior over conditions.
        likelihood: (C, items) P(yes | condition, answers so far) of the members shown, in
            section order.
        number: the question's 1-based position in the interview.
    """
    built = tuple(_section(kb, mode, list_id, items) for list_id, items in sections)
    flags = tuple(dict.fromkeys(f for section in built for f in section.red_flags))
    patient = mode is Mode.PATIENT
    hint = PATIENT_HINT if patient else CLINICIAN_HINT
    if purpose is not Purpose.DIAGNOSTIC:
        exam = any(kb.findings[i.finding].kind is FindingKind.EXAM for s in built for i in s.items)
        if patient:
            text = "Do any of these apply to you?"
            reason = (
                "Safety questions we ask everyone, to check for warning signs that need urgent "
                "care."
            )
        else:
            text = (
                "Red-flag examination: perform each test; which are positive?"
                if exam
                else "Red-flag screen: which of these does the patient report?"
            )
            names = "; ".join(kb.red_flags[f].name for f in flags)
            reason = f"Red-flag screen (one tick list; unticked = absent): {names}."
        separates: tuple[ConditionId, ...] = ()
    else:
        checklist = kb.checklists[sections[0][0]]
        gains = expected_information_gain(belief[None, :], likelihood)[0]
        separates = _separates(model, belief, likelihood[:, int(np.argmax(gains))])
        first, second = (kb.conditions[c].name for c in separates)
        if patient:
            text, reason = checklist.patient, f"This helps tell apart {first} and {second}."
        else:
            text = checklist.clinician
            reason = (
                f"Most informative next question: a checklist, one question; separates {first} "
                f"(most likely positive) from {second} (least likely)."
            )
    return Question(
        kind=QuestionKind.CHECKLIST,
        number=number,
        purpose=purpose,
        text=text,
        reason=reason,
        separates=separates,
        red_flags=flags,
        sections=built,
        hint=hint,
    )


def _section(
    kb: KnowledgeBase, mode: Mode, list_id: str, items: tuple[FindingId, ...]
) -> ChecklistSection:
    patient = mode is Mode.PATIENT
    if list_id in kb.screen_groups:
        group = kb.screen_groups[list_id]
        kind, title = SectionKind.SCREEN_GROUP, group.patient if patient else group.clinician
    else:
        checklist = kb.checklists[list_id]
        kind, title = SectionKind.CHECKLIST, checklist.name
    listed = []
    for finding_id in items:
        finding = kb.findings[finding_id]
        if patient:
            listed.append(ChecklistItem(finding=finding_id, text=finding.question or finding.label))
        else:
            listed.append(
                ChecklistItem(finding=finding_id, text=finding.label, detail=finding.clinician)
            )
    return ChecklistSection(
        id=list_id,
        kind=kind,
        title=title,
        items=tuple(listed),
        red_flags=_flags_using(kb, *items),
    )
