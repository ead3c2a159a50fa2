"""Why a condition ranks where it does: each finding's log likelihood ratio, with its citation.

The ratio compares the condition with the prior-weighted mixture of all other conditions in the
same setting, so a contribution reads as an ordinary likelihood ratio "this condition vs the rest".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hipdx.engine.evidence import Evidence
from hipdx.engine.model import SEXES, DiagnosticModel, FloatArray
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, ConditionId, EvidenceBasis, SettingId, SourceId

NEGLIGIBLE_LOG_LR = 0.05
"""Contributions smaller than this (LR between 0.95 and 1.05) are left out of explanations."""


@dataclass(frozen=True)
class Contribution:
    """One item of evidence and how much it moves one condition against the rest."""

    item: str
    """A finding id, or `age` / `sex`."""
    value: str
    log_lr: float
    p_condition: float
    p_other: float
    basis: EvidenceBasis
    sources: tuple[SourceId, ...]
    linked: bool
    """True when the KB links this finding to the condition; False when the background applies."""


@dataclass(frozen=True)
class Explanation:
    """Evidence for and against one condition, strongest first."""

    condition: ConditionId
    supporting: tuple[Contribution, ...]
    opposing: tuple[Contribution, ...]


def _others(prior: FloatArray, row: int) -> FloatArray:
    weights = prior.copy()
    weights[row] = 0.0
    normalised: FloatArray = weights / weights.sum()
    return normalised


def explain(
    model: DiagnosticModel,
    kb: KnowledgeBase,
    evidence: Evidence,
    condition_id: ConditionId,
    setting: SettingId | None = None,
) -> Explanation:
    """Split the evidence in `evidence` into what supports and what opposes `condition_id`."""
    row = model.condition_index[condition_id]
    weights = _others(model.prior[model.setting_index(setting)], row)
    condition = kb.conditions[condition_id]
    # One vector step for every answered finding: explain() runs for the leaders of every request.
    implied = model.implied_by_age(evidence.age)
    known = [
        (f, v)
        for f, v in evidence.answers.items()
        if v is not Answer.UNKNOWN and not implied[model.finding_index[f]]
    ]
    columns = np.array([model.finding_index[f] for f, _ in known], dtype=np.intp)
    answered_no = np.array([v is Answer.NO for _, v in known], dtype=bool)
    # A finding whose parent (findings.yaml `implies`/`excludes`) is answered too counts given
    # that answer, as the engine scores it: an entailed lump beside a suspicious one adds nothing.
    table = model.p_yes[:, columns].copy()
    position = {f: i for i, (f, _) in enumerate(known)}
    for relation, (parent, child) in enumerate(
        zip(model.relation_parent, model.relation_child, strict=True)
    ):
        parent_id, child_id = model.finding_ids[parent], model.finding_ids[child]
        if parent_id in position and child_id in position:
            parent_no = known[position[parent_id]][1] is Answer.NO
            table[:, position[child_id]] = model.child_given_parent[relation, int(parent_no)]
    p_c = np.where(answered_no, 1.0 - table[row], table[row])
    p_o = np.where(answered_no, 1.0 - weights @ table, weights @ table)
    # A child answer its parent rules out is ignored by the engine, so it explains nothing.
    contradicted = p_c == 0.0
    p_c[contradicted], p_o[contradicted] = 1.0, 1.0
    log_lr = np.log(p_c / p_o)
    items: list[Contribution] = []
    for i in np.flatnonzero(np.abs(log_lr) >= NEGLIGIBLE_LOG_LR):
        finding_id, value = known[i]
        link = condition.links.get(finding_id)
        record = link or kb.findings[finding_id]
        items.append(
            Contribution(
                item=finding_id,
                value=value.value,
                log_lr=float(log_lr[i]),
                p_condition=float(p_c[i]),
                p_other=float(p_o[i]),
                basis=record.basis,
                sources=tuple(record.sources),
                linked=link is not None,
            )
        )

    demographics = condition.demographics
    if evidence.age is not None:
        band = model.age_band_index(evidence.age)
        items.append(
            _demographic(
                "age",
                model.age_bands[band].id,
                model.p_age[:, band],
                row,
                weights,
                demographics.basis,
                demographics.sources,
            )
        )
    if evidence.sex is not None:
        column = SEXES.index(evidence.sex)
        items.append(
            _demographic(
                "sex",
                evidence.sex.value,
                model.p_sex[:, column],
                row,
                weights,
                demographics.basis,
                demographics.sources,
            )
        )

    relevant = [c for c in items if abs(c.log_lr) >= NEGLIGIBLE_LOG_LR]
    relevant.sort(key=lambda c: abs(c.log_lr), reverse=True)
    return Explanation(
        condition=condition_id,
        supporting=tuple(c for c in relevant if c.log_lr > 0),
        opposing=tuple(c for c in relevant if c.log_lr < 0),
    )


def _demographic(
    item: str,
    value: str,
    column: FloatArray,
    row: int,
    weights: FloatArray,
    basis: EvidenceBasis,
    sources: list[SourceId],
) -> Contribution:
    p_c, p_o = float(column[row]), float(weights @ column)
    return Contribution(
        item, value, float(np.log(p_c / p_o)), p_c, p_o, basis, tuple(sources), linked=True
    )
