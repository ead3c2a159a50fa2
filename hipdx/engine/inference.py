"""Exact posterior over conditions for a batch of encoded cases (one case is a batch of one)."""

from __future__ import annotations

import numpy as np

from hipdx.engine.evidence import EncodedEvidence
from hipdx.engine.model import DiagnosticModel, FloatArray
from hipdx.types import SettingId


def log_joint(
    model: DiagnosticModel, evidence: EncodedEvidence, setting: SettingId | None = None
) -> FloatArray:
    """log P(condition, evidence) for every case and condition, shape (N, C)."""
    # Only findings answered somewhere in the batch contribute; skipping the rest keeps the
    # products small when a cohort file or an interview has answered a few findings.
    answered = np.flatnonzero(evidence.answers.any(axis=0))
    answers = evidence.answers[:, answered]
    yes = (answers == 1).astype(np.float64)
    no = (answers == -1).astype(np.float64)
    scores: FloatArray = np.broadcast_to(
        model.log_prior[model.setting_index(setting)], (len(evidence), len(model.condition_ids))
    ).copy()
    scores += yes @ model.log_yes[answered]
    scores += no @ model.log_no[answered]
    known_age = evidence.age_band >= 0
    if known_age.any():
        scores[known_age] += model.log_age[evidence.age_band[known_age]]
    known_sex = evidence.sex >= 0
    if known_sex.any():
        scores[known_sex] += model.log_sex[evidence.sex[known_sex]]
    return scores


def posterior(
    model: DiagnosticModel, evidence: EncodedEvidence, setting: SettingId | None = None
) -> FloatArray:
    """P(condition | evidence), shape (N, C), each row summing to 1."""
    scores = log_joint(model, evidence, setting)
    scores -= scores.max(axis=1, keepdims=True)
    probabilities: FloatArray = np.exp(scores)
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    return probabilities
