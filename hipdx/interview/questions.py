"""Questions as shown to the user: wording per mode, and why each one is asked now.

Patient mode reads out the knowledge base's patient `question`. Clinician mode shows the same
question for history items, and for an examination test names the test to perform, with the
clinician description as detail. Every question carries its reason: the body map opens the
interview, a red-flag screen item names the flags it checks, and a diagnostic question names its
expected information gain and the two leading conditions it best separates. A grouped screening
question names every finding it asks about, in the group's own wording, and is answered once.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
from pydantic import BaseModel, ConfigDict

from hipdx.engine.model import DiagnosticModel, FloatArray
from hipdx.interview.bank import Mode, unmarked_is_no
from hipdx.interview.policy import Purpose
from hipdx.interview.select import expected_information_gain
from hipdx.knowledge.schema import KnowledgeBase, ScreenGroupId
from hipdx.types import ConditionId, FindingId, FindingKind, RedFlagId, Zone

LEADING_COVERAGE = 0.95
"""A diagnostic question is explained by the leading conditions that together reach this
probability (at least two): the one most and the one least likely to answer yes."""


class QuestionKind(StrEnum):
    """The body map (choose zones), a yes / no / don't know finding question, or a grouped
    screening question (yes / no / don't know for the whole group)."""

    LOCATION = "location"
    FINDING = "finding"
    SCREEN_GROUP = "screen_group"


class ZoneChoice(BaseModel):
    """One zone of the body map and the findings it answers."""

    model_config = ConfigDict(frozen=True)

    zone: Zone
    findings: tuple[FindingId, ...]
    label: str
    """The clinician label of the zone's finding."""
    text: str
    """The zone's patient question, as a description of the area."""


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
    screen_group: ScreenGroupId | None = None
    """The grouped screening question's id (screen-group question only)."""
    members: tuple[FindingId, ...] = ()
    """The findings a screen-group question asks about: no sets each unasked one to no."""


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
    model: DiagnosticModel, belief: FloatArray, column: int
) -> tuple[ConditionId, ConditionId]:
    order = np.argsort(-belief, kind="stable")
    count = int(np.searchsorted(np.cumsum(belief[order]), LEADING_COVERAGE)) + 1
    leaders = order[: max(2, count)]
    likelihood = model.p_yes[leaders, column]
    by_yes = leaders[np.argsort(-likelihood, kind="stable")]
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
    number: int,
) -> Question:
    """A yes / no / don't know question about one finding.

    Args:
        kb: the knowledge base (wording, red flags, condition names).
        model: the diagnostic model (likelihoods for the reason).
        mode: patient or clinician wording.
        finding_id: the finding to ask about.
        purpose: why the policy chose it.
        belief: (C,) current posterior over conditions.
        number: the question's 1-based position in the interview.
    """
    finding = kb.findings[finding_id]
    column = model.finding_index[finding_id]
    gain = float(expected_information_gain(belief[None, :], model.p_yes[:, [column]])[0, 0])
    separates = _separates(model, belief, column)
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


def screen_group_question(
    kb: KnowledgeBase,
    mode: Mode,
    group_id: ScreenGroupId,
    members: tuple[FindingId, ...],
    number: int,
) -> Question:
    """One grouped red-flag screening question, answered yes / no / don't know for the group.

    Args:
        kb: the knowledge base (wording, red flags).
        mode: patient or clinician wording.
        group_id: the screen group to ask.
        members: the group's findings the mode can ask (named in the question).
        number: the question's 1-based position in the interview.
    """
    group = kb.screen_groups[group_id]
    flags = _flags_using(kb, *members)
    if mode is Mode.PATIENT:
        text, detail = group.patient, None
        reason = (
            "Safety questions we ask everyone, together: if none of these applies, answer no; "
            "if any might, answer yes or don't know and we will go through them one by one."
        )
    else:
        text = group.clinician
        detail = "; ".join(kb.findings[f].label for f in members)
        names = "; ".join(kb.red_flags[f].name for f in flags)
        reason = f"Red-flag screen ({group.name}, one question; no = all absent): {names}."
    return Question(
        kind=QuestionKind.SCREEN_GROUP,
        number=number,
        purpose=Purpose.SCREEN,
        text=text,
        reason=reason,
        detail=detail,
        red_flags=flags,
        screen_group=group_id,
        members=members,
    )
