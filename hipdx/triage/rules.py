"""Red flags + the differential -> a TriageLevel with the reasons for it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase, RedFlag, RedFlagRule
from hipdx.types import Answer, ConditionId, RedFlagId, SourceId, TriageLevel

SEEN_WITHIN = {
    TriageLevel.EMERGENCY: "now, at an emergency department",
    TriageLevel.URGENT: "urgently, within 24 hours",
    TriageLevel.ROUTINE: "at a routine appointment",
    TriageLevel.SELF_CARE: "only if self-care does not help",
}


@dataclass(frozen=True)
class TriageReason:
    """One reason for the triage level: a red flag, a suspected condition, or the default."""

    level: TriageLevel
    kind: str
    """`red_flag`, `suspected_condition`, `self_care`, `self_care_blocked` or `default`."""
    ref: str
    """The red-flag id or condition id behind the reason."""
    clinician: str
    patient: str
    sources: tuple[SourceId, ...]


@dataclass(frozen=True)
class Triage:
    """How soon to be seen, the reasons (most urgent first) and the red flags that fired."""

    level: TriageLevel
    reasons: tuple[TriageReason, ...]
    red_flags: tuple[RedFlagId, ...]


def _holds(rule: RedFlagRule, present: set[str], age: int | None, definite: set[str]) -> bool:
    """`present` may include uncertain findings; only `definite` ones can rule a flag out."""
    if not all(f in present for f in rule.all_of):
        return False
    if rule.any_of and not any(f in present for f in rule.any_of):
        return False
    if any(f in definite for f in rule.none_of):
        return False
    if rule.age_at_least is not None and (age is None or age < rule.age_at_least):
        return False
    return rule.age_below is None or (age is not None and age < rule.age_below)


def fired_red_flags(kb: KnowledgeBase, evidence: Evidence) -> list[RedFlag]:
    """The red flags whose rule holds for `evidence`, in KB order."""
    present = set(evidence.answered(Answer.YES))
    return [
        flag for flag in kb.red_flags.values() if _holds(flag.when, present, evidence.age, present)
    ]


def possible_red_flags(kb: KnowledgeBase, evidence: Evidence) -> list[RedFlag]:
    """The red flags that hold only when the findings named as uncertain count, in KB order.

    Red flags are there to rule serious causes out, and the guidelines act on suspicion (GIRFT
    and SBNS/BASS refer suspected cauda equina syndrome at once, BOAST 10 suspected compartment
    syndrome): an uncertain feature ("possible saddle numbness", "a questionable history of
    prolonged immobilisation") is not an absent one, and excluding it takes the examination or
    imaging the flag asks for, in the time it gives. So such a flag fires at its own level.
    """
    if not evidence.possible:
        return []
    definite = set(evidence.answered(Answer.YES))
    present = definite | evidence.possible
    return [
        flag
        for flag in kb.red_flags.values()
        if _holds(flag.when, present, evidence.age, definite)
        and not _holds(flag.when, definite, evidence.age, definite)
    ]


def triage(
    kb: KnowledgeBase, evidence: Evidence, ranking: Sequence[tuple[ConditionId, float]]
) -> Triage:
    """Triage from fired red flags and the ranked differential.

    Args:
        kb: the knowledge base (red flags, condition triage fields, triage policy).
        evidence: the case.
        ranking: (condition id, probability) pairs, most probable first.
    """
    flags = fired_red_flags(kb, evidence)
    reasons = [
        TriageReason(
            f.urgency, "red_flag", f.id, f.reason_clinician, f.reason_patient, tuple(f.sources)
        )
        for f in flags
    ]
    possible = possible_red_flags(kb, evidence)
    reasons += [_possible_reason(kb, f, evidence.possible) for f in possible]
    flags += possible
    for condition_id, probability in ranking:
        condition = kb.conditions[condition_id]
        threshold = condition.suspected_above
        if threshold is None or probability < threshold:
            continue
        level = condition.triage_when_suspected
        reasons.append(
            TriageReason(
                level,
                "suspected_condition",
                condition_id,
                f"{condition.name} is suspected (probability {probability:.0%}, at or above "
                f"{threshold:.0%}): triage {level.value}.",
                f"Your answers fit {condition.name.lower()} closely enough that you should be "
                f"seen {SEEN_WITHIN[level]}.",
                ("catalog", *condition.sources),
            )
        )
    if not reasons:
        reasons.append(_baseline(kb, set(evidence.answered(Answer.YES)), ranking))
    reasons.sort(key=lambda r: r.level.rank, reverse=True)
    return Triage(reasons[0].level, tuple(reasons), tuple(f.id for f in flags))


def _possible_reason(kb: KnowledgeBase, flag: RedFlag, possible: frozenset[str]) -> TriageReason:
    """A red flag resting on findings the record names only as uncertain."""
    rule = flag.when
    uncertain = [f for f in (*rule.all_of, *rule.any_of) if f in possible]
    found = ", ".join(kb.findings[f].label.lower() for f in uncertain)
    return TriageReason(
        flag.urgency,
        "red_flag",
        flag.id,
        f"Possible, not confirmed: {found}. Treat as present until examination or imaging "
        f"excludes it. {flag.reason_clinician}",
        "Part of what you describe is uncertain, but it cannot be ruled out without being "
        f"checked. {flag.reason_patient}",
        tuple(flag.sources),
    )


def _baseline(
    kb: KnowledgeBase, present: set[str], ranking: Sequence[tuple[ConditionId, float]]
) -> TriageReason:
    policy = kb.triage_policy
    self_care = [
        (c, p)
        for c, p in ranking
        if kb.conditions[c].triage_when_suspected is TriageLevel.SELF_CARE
    ]
    total = sum(p for _, p in self_care)
    if self_care and total >= policy.self_care_min_probability:
        names = ", ".join(kb.conditions[c].name.lower() for c, _ in self_care[:2])
        blockers = [
            f
            for f in policy.self_care_not_when
            if f in present
            and not any(e in present for e in policy.self_care_explained_by.get(f, []))
        ]
        if blockers:
            return _self_care_blocked(kb, blockers, names, total)
        return TriageReason(
            TriageLevel.SELF_CARE,
            "self_care",
            self_care[0][0],
            f"No red flag; self-limiting causes ({names}) together {total:.0%} likely.",
            "No warning signs. This looks like a problem that usually settles with self-care; "
            "see a clinician if it is not improving within a few days to weeks, or gets worse.",
            tuple(policy.sources),
        )
    return TriageReason(
        TriageLevel.ROUTINE,
        "default",
        ranking[0][0] if ranking else "",
        "No red flag fired and no serious condition is suspected: routine assessment.",
        "No warning signs in your answers. Book a routine appointment with a clinician.",
        tuple(policy.sources),
    )


def _self_care_blocked(
    kb: KnowledgeBase, blockers: list[str], names: str, total: float
) -> TriageReason:
    """Self-limiting causes lead, but a finding the policy names calls for a clinician."""
    found = ", ".join(kb.findings[f].label.lower() for f in blockers)
    return TriageReason(
        TriageLevel.ROUTINE,
        "self_care_blocked",
        blockers[0],
        f"Self-limiting causes ({names}) are {total:.0%} likely, but {found} calls for a "
        "clinical assessment rather than self-care alone.",
        "This may well settle, but because of what you describe a clinician should check it: "
        "book a routine appointment.",
        tuple(kb.triage_policy.sources),
    )
