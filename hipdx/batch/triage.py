"""Triage for a whole chunk at once: the KB's red-flag rules and triage policy as arrays.

Agrees with `hipdx.triage.rules.triage` row by row: level = the most urgent of the fired red
flags and of the suspected conditions (probability at or above `suspected_above`); when neither
applies, self-care if the self-care conditions together reach the policy threshold and no finding
the policy names in `self_care_not_when` is present (unless a finding in `self_care_explained_by`
explains it), else routine.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from hipdx.engine.model import DiagnosticModel, FloatArray
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import RedFlagId, TriageLevel

LEVELS: tuple[TriageLevel, ...] = tuple(TriageLevel)
"""Triage levels in rank order; a level's rank indexes this tuple."""
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class RedFlagRule:
    """One compiled rule: finding columns and age limits (NaN when absent)."""

    all_of: IntArray
    any_of: IntArray
    none_of: IntArray
    age_at_least: float
    age_below: float


@dataclass(frozen=True)
class TriageTables:
    """The red flags, condition thresholds and policy of a KB, indexed like the model."""

    red_flag_ids: tuple[RedFlagId, ...]
    rules: tuple[RedFlagRule, ...]
    urgency: IntArray
    """(K,) rank of each red flag's urgency."""
    suspected_above: FloatArray
    """(C,) threshold per condition, +inf where the condition has none."""
    suspected_rank: IntArray
    """(C,) rank of `triage_when_suspected`."""
    self_care: BoolArray
    """(C,) conditions whose `triage_when_suspected` is self-care."""
    self_care_min_probability: float
    self_care_blockers: IntArray
    """Finding columns whose presence rules out the self-care baseline."""
    self_care_explanations: tuple[IntArray, ...]
    """Per blocker, the finding columns that explain it (then it does not block)."""


def compile_triage(kb: KnowledgeBase, model: DiagnosticModel) -> TriageTables:
    """Compile the KB's triage data against the model's condition and finding order."""
    flags = list(kb.red_flags.values())
    conditions = [kb.conditions[c] for c in model.condition_ids]

    def columns(ids: list[str]) -> IntArray:
        return np.array([model.finding_index[f] for f in ids], dtype=np.int64)

    def limit(value: int | None) -> float:
        return np.nan if value is None else float(value)

    return TriageTables(
        red_flag_ids=tuple(f.id for f in flags),
        rules=tuple(
            RedFlagRule(
                columns(f.when.all_of),
                columns(f.when.any_of),
                columns(f.when.none_of),
                limit(f.when.age_at_least),
                limit(f.when.age_below),
            )
            for f in flags
        ),
        urgency=np.array([f.urgency.rank for f in flags], dtype=np.int64),
        suspected_above=np.array(
            [np.inf if c.suspected_above is None else c.suspected_above for c in conditions]
        ),
        suspected_rank=np.array([c.triage_when_suspected.rank for c in conditions], dtype=np.int64),
        self_care=np.array(
            [c.triage_when_suspected is TriageLevel.SELF_CARE for c in conditions], dtype=np.bool_
        ),
        self_care_min_probability=kb.triage_policy.self_care_min_probability,
        self_care_blockers=columns(kb.triage_policy.self_care_not_when),
        self_care_explanations=tuple(
            columns(kb.triage_policy.self_care_explained_by.get(f, []))
            for f in kb.triage_policy.self_care_not_when
        ),
    )


def present(answers: NDArray[np.int8], columns: IntArray) -> BoolArray:
    """(N, len(columns)) whether each of those findings was answered yes."""
    # Only the columns a rule names are compared: the full (N, F) comparison costs more than
    # all the rules together.
    yes: BoolArray = answers[:, columns] == 1
    return yes


def fired(tables: TriageTables, answers: NDArray[np.int8], age: FloatArray) -> BoolArray:
    """(N, K) whether each red flag's rule holds for each row (age NaN = unknown)."""
    # Column-major, so each rule fills one contiguous column.
    result = np.ones((answers.shape[0], len(tables.rules)), dtype=np.bool_, order="F")
    known_age = ~np.isnan(age)
    age_or_low = np.where(known_age, age, -1.0)
    age_or_high = np.where(known_age, age, np.inf)
    for k, rule in enumerate(tables.rules):
        holds = result[:, k]
        if rule.all_of.size:
            holds &= present(answers, rule.all_of).all(axis=1)
        if rule.any_of.size:
            holds &= present(answers, rule.any_of).any(axis=1)
        if rule.none_of.size:
            holds &= ~present(answers, rule.none_of).any(axis=1)
        if not np.isnan(rule.age_at_least):
            holds &= known_age & (age_or_low >= rule.age_at_least)
        if not np.isnan(rule.age_below):
            holds &= known_age & (age_or_high < rule.age_below)
    return result


def triage_levels(
    tables: TriageTables, probabilities: FloatArray, flags: BoolArray, answers: NDArray[np.int8]
) -> IntArray:
    """(N,) triage rank per row from the fired red flags (N, K), posteriors (N, C) and the
    answers (N, F) the self-care blockers are read from."""
    red = np.where(flags, tables.urgency, -1).max(axis=1, initial=-1)
    suspected = np.where(probabilities >= tables.suspected_above, tables.suspected_rank, -1).max(
        axis=1, initial=-1
    )
    escalated = np.maximum(red, suspected)
    if tables.self_care.any():
        self_care_total = probabilities[:, tables.self_care].sum(axis=1)
        blocking = present(answers, tables.self_care_blockers)
        for b, explained_by in enumerate(tables.self_care_explanations):
            if explained_by.size:
                blocking[:, b] &= ~present(answers, explained_by).any(axis=1)
        blocked = blocking.any(axis=1)
        baseline = np.where(
            (self_care_total >= tables.self_care_min_probability) & ~blocked,
            TriageLevel.SELF_CARE.rank,
            TriageLevel.ROUTINE.rank,
        )
    else:
        baseline = np.full(len(probabilities), TriageLevel.ROUTINE.rank)
    levels: IntArray = np.where(escalated >= 0, escalated, baseline).astype(np.int64)
    return levels
