"""Pure evaluation metrics over labelled cases and their predictions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from hipdx.evaluation.cases import Case, Prediction
from hipdx.types import ConditionId, TriageLevel

URGENT_OR_WORSE = TriageLevel.URGENT.rank
RELIABILITY_BINS = 10


@dataclass(frozen=True)
class ConditionRow:
    """Per-condition accuracy: how often the labelled condition is found."""

    condition: ConditionId
    cases: int
    top1: float
    top3: float
    mean_rank: float


@dataclass(frozen=True)
class ReliabilityBin:
    """Cases whose top-1 probability falls in [low, high): mean confidence vs accuracy."""

    low: float
    high: float
    cases: int
    mean_confidence: float
    accuracy: float


@dataclass(frozen=True)
class Metrics:
    """Every figure the evaluation report prints. Rates are None when nothing was eligible."""

    cases: int
    top1: float
    top3: float
    top5: float
    red_flag_sensitivity: float | None
    red_flag_specificity: float | None
    triage_exact: float | None
    over_triage: float | None
    under_triage: float | None
    emergencies_under_triaged: int
    brier_top1: float
    per_condition: tuple[ConditionRow, ...]
    reliability: tuple[ReliabilityBin, ...]
    confusion: dict[ConditionId, dict[ConditionId, int]]
    """confusion[true][predicted top-1] = count."""


def correct_rank(case: Case, prediction: Prediction) -> int | None:
    """1-based rank of the first acceptable condition in the prediction, None if absent."""
    acceptable = {case.diagnosis, *case.also_acceptable}
    for rank, item in enumerate(prediction.ranking, start=1):
        if item.condition in acceptable:
            return rank
    return None


def _share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def compute_metrics(cases: Sequence[Case], predictions: Sequence[Prediction]) -> Metrics:
    """Compare predictions with the labels of `cases` (matched by position and id).

    Raises:
        ValueError: the two sequences do not line up id for id.
    """
    if [c.id for c in cases] != [p.id for p in predictions]:
        raise ValueError("cases and predictions must have the same ids in the same order")
    labelled = [(c, p) for c, p in zip(cases, predictions, strict=True) if c.diagnosis]
    ranks = [correct_rank(c, p) for c, p in labelled]

    def top(k: int) -> float:
        return sum(1 for r in ranks if r is not None and r <= k) / max(len(ranks), 1)

    flagged = [(c, p) for c, p in zip(cases, predictions, strict=True) if c.red_flag is not None]
    positives = [p for c, p in flagged if c.red_flag]
    negatives = [p for c, p in flagged if not c.red_flag]
    triaged = [(c.triage, p.triage) for c, p in zip(cases, predictions, strict=True) if c.triage]

    by_condition: dict[ConditionId, list[int | None]] = defaultdict(list)
    confusion: dict[ConditionId, dict[ConditionId, int]] = defaultdict(lambda: defaultdict(int))
    brier = 0.0
    for (case, prediction), rank in zip(labelled, ranks, strict=True):
        assert case.diagnosis is not None
        by_condition[case.diagnosis].append(rank)
        confusion[case.diagnosis][prediction.ranking[0].condition] += 1
        brier += (prediction.ranking[0].probability - (1.0 if rank == 1 else 0.0)) ** 2

    rows = tuple(
        ConditionRow(
            condition,
            len(found),
            sum(1 for r in found if r == 1) / len(found),
            sum(1 for r in found if r is not None and r <= 3) / len(found),
            sum(r if r is not None else len(predictions[0].ranking) for r in found) / len(found),
        )
        for condition, found in sorted(by_condition.items())
    )
    return Metrics(
        cases=len(labelled),
        top1=top(1),
        top3=top(3),
        top5=top(5),
        red_flag_sensitivity=_share(
            sum(1 for p in positives if p.triage.rank >= URGENT_OR_WORSE), len(positives)
        ),
        red_flag_specificity=_share(
            sum(1 for p in negatives if p.triage.rank < URGENT_OR_WORSE), len(negatives)
        ),
        triage_exact=_share(sum(1 for t, p in triaged if t is p), len(triaged)),
        over_triage=_share(sum(1 for t, p in triaged if p.rank > t.rank), len(triaged)),
        under_triage=_share(sum(1 for t, p in triaged if p.rank < t.rank), len(triaged)),
        emergencies_under_triaged=sum(
            1 for t, p in triaged if t is TriageLevel.EMERGENCY and p is not TriageLevel.EMERGENCY
        ),
        brier_top1=brier / max(len(labelled), 1),
        per_condition=rows,
        reliability=_reliability(labelled, ranks),
        confusion={t: dict(row) for t, row in confusion.items()},
    )


def _reliability(
    labelled: list[tuple[Case, Prediction]], ranks: list[int | None]
) -> tuple[ReliabilityBin, ...]:
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(RELIABILITY_BINS)]
    for (_, prediction), rank in zip(labelled, ranks, strict=True):
        confidence = prediction.ranking[0].probability
        index = min(int(confidence * RELIABILITY_BINS), RELIABILITY_BINS - 1)
        bins[index].append((confidence, rank == 1))
    return tuple(
        ReliabilityBin(
            i / RELIABILITY_BINS,
            (i + 1) / RELIABILITY_BINS,
            len(items),
            sum(c for c, _ in items) / len(items),
            sum(1 for _, hit in items if hit) / len(items),
        )
        for i, items in enumerate(bins)
        if items
    )
