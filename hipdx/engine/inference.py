"""Exact posterior over conditions for a batch of encoded cases (one case is a batch of one)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from hipdx.engine.evidence import EncodedEvidence
from hipdx.engine.model import DiagnosticModel, FloatArray
from hipdx.types import SettingId

BLOCK_ROWS = 2048
"""Cases scored per matrix product: a block's float copy of its answers stays in the CPU cache,
which makes large batches about twice as fast as one product over the whole batch."""


def _with_zero_row(table: FloatArray) -> FloatArray:
    """`table` plus a row of zeros at the end, so the index -1 (unknown) adds nothing."""
    return np.vstack([table, np.zeros((1, table.shape[1]))])


def log_joint(
    model: DiagnosticModel, evidence: EncodedEvidence, setting: SettingId | None = None
) -> FloatArray:
    """log P(condition, evidence) for every case and condition, shape (N, C)."""
    # Only findings answered somewhere in the batch contribute; skipping the rest keeps the
    # products small when a cohort file or an interview has answered a few findings.
    answered = np.flatnonzero(evidence.answers.any(axis=0))
    log_yes, log_no = model.log_yes[answered], model.log_no[answered]
    every_finding = answered.size == len(model.finding_ids)
    given = evidence.answers if every_finding else evidence.answers[:, answered]
    # With a in {1 yes, -1 no, 0 unknown}, a * half_difference + |a| * half_sum is log_yes,
    # log_no or 0: one float conversion of the answers instead of a yes mask and a no mask.
    half_difference = (log_yes - log_no) / 2.0
    half_sum = (log_yes + log_no) / 2.0
    log_age = _with_zero_row(model.log_age)
    log_sex = _with_zero_row(model.log_sex)
    rows = len(evidence)
    scores: FloatArray = np.empty((rows, len(model.condition_ids)))
    scores[:] = model.log_prior[model.setting_index(setting)]
    # One buffer for every block: a fresh array per block costs more in page faults than the
    # conversion itself.
    buffer = np.empty((min(rows, BLOCK_ROWS), answered.size))
    for start in range(0, rows, BLOCK_ROWS):
        block = slice(start, start + BLOCK_ROWS)
        part = scores[block]
        answers = buffer[: len(part)]
        answers[:] = given[block]
        part += answers @ half_difference
        np.abs(answers, out=answers)
        part += answers @ half_sum
        part += log_age[evidence.age_band[block]]
        part += log_sex[evidence.sex[block]]
    add_relation_terms(model, evidence.answers, scores)
    return scores


def add_relation_terms(
    model: DiagnosticModel, answers: NDArray[np.int8], scores: FloatArray
) -> None:
    """Add, in place, the pair corrections for every case that answers both findings of a
    relation (`DiagnosticModel.relation_terms`); with one of the two unknown the independent
    score is already exact."""
    for row, (parent, child) in enumerate(
        zip(model.relation_parent, model.relation_child, strict=True)
    ):
        parent_answer, child_answer = answers[:, parent], answers[:, child]
        both = np.flatnonzero((parent_answer != 0) & (child_answer != 0))
        if both.size:
            # Answer codes 1 (yes) and -1 (no) index the tables' yes [0] and no [1] entries.
            parent_state = (parent_answer[both] < 0).astype(np.intp)
            child_state = (child_answer[both] < 0).astype(np.intp)
            scores[both] += model.relation_terms[row, parent_state, child_state]


def posterior(
    model: DiagnosticModel, evidence: EncodedEvidence, setting: SettingId | None = None
) -> FloatArray:
    """P(condition | evidence), shape (N, C), each row summing to 1."""
    scores = log_joint(model, evidence, setting)
    scores -= scores.max(axis=1, keepdims=True)
    probabilities: FloatArray = np.exp(scores, out=scores)
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    return probabilities
