"""Condition ranking + triage -> one merged plan of workup and stepped management."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hipdx.knowledge.schema import KnowledgeBase, ManagementStep, WorkupItem
from hipdx.triage.rules import Triage
from hipdx.types import ConditionId, SourceId

LEADING_COVERAGE = 0.8
"""Plan for the most probable conditions until together they reach this probability ..."""
MAX_LEADING = 3
"""... but for no more than this many ..."""
MIN_PROBABILITY = 0.05
"""... and none below this probability (the first condition is always planned for)."""


@dataclass(frozen=True)
class PlannedItem:
    """A workup item or management step, with the conditions it serves (most probable first)."""

    id: str
    section: str
    """`workup` or `management`."""
    kind: str
    order: int
    """Workup priority (1-3) or management stage (0-6)."""
    clinician: str
    patient: str
    condition_note: str | None
    """`when` for workup items, `escalate_when` for management steps."""
    for_conditions: tuple[ConditionId, ...]
    sources: tuple[SourceId, ...]


@dataclass(frozen=True)
class CarePlan:
    """What to examine and image next and how to manage, for the conditions planned for."""

    conditions: tuple[ConditionId, ...]
    workup: tuple[PlannedItem, ...]
    management: tuple[PlannedItem, ...]


def leading_conditions(
    ranking: Sequence[tuple[ConditionId, float]], triage: Triage | None = None
) -> list[ConditionId]:
    """The conditions to plan for: the leading ones, plus any condition triage escalated for."""
    chosen: list[ConditionId] = []
    covered = 0.0
    for condition_id, probability in ranking:
        if chosen and (
            covered >= LEADING_COVERAGE
            or len(chosen) >= MAX_LEADING
            or probability < MIN_PROBABILITY
        ):
            break
        chosen.append(condition_id)
        covered += probability
    if triage is not None:
        for reason in triage.reasons:
            if reason.kind == "suspected_condition" and reason.ref not in chosen:
                chosen.append(reason.ref)
    return chosen


def _merge(
    items: list[tuple[ConditionId, WorkupItem | ManagementStep]], section: str
) -> tuple[PlannedItem, ...]:
    merged: dict[str, PlannedItem] = {}
    for condition_id, item in items:
        if isinstance(item, WorkupItem):
            order, kind, note = item.priority, item.kind, item.when
        else:
            order, kind, note = item.stage, item.kind, item.escalate_when
        known = merged.get(item.id)
        if known is not None:
            # The same step for several conditions is shown once, at its most urgent place.
            merged[item.id] = PlannedItem(
                known.id,
                section,
                known.kind,
                min(known.order, order),
                known.clinician,
                known.patient,
                known.condition_note,
                (*known.for_conditions, condition_id),
                tuple(dict.fromkeys((*known.sources, *item.sources))),
            )
            continue
        merged[item.id] = PlannedItem(
            item.id,
            section,
            kind,
            order,
            item.clinician,
            item.patient,
            note,
            (condition_id,),
            tuple(item.sources),
        )
    # Stable sort: within one priority or stage, the more probable condition's items come first.
    return tuple(sorted(merged.values(), key=lambda p: p.order))


def select_plan(
    kb: KnowledgeBase,
    ranking: Sequence[tuple[ConditionId, float]],
    triage: Triage | None = None,
    red_flag_conditions: Sequence[ConditionId] = (),
) -> CarePlan:
    """Merge the plans of the leading conditions (and of conditions red flags point to).

    Args:
        kb: the knowledge base.
        ranking: (condition id, probability), most probable first.
        triage: the triage result; conditions it escalated for are planned for too.
        red_flag_conditions: conditions suggested by fired red flags, planned for first.
    """
    conditions = list(dict.fromkeys([*red_flag_conditions, *leading_conditions(ranking, triage)]))
    workup = [(c, item) for c in conditions for item in kb.plans[c].workup]
    management = [(c, step) for c in conditions for step in kb.plans[c].management]
    return CarePlan(
        tuple(conditions), _merge(list(workup), "workup"), _merge(list(management), "management")
    )
