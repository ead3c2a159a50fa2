"""Synthetic patients drawn from the knowledge base's own model, for simulation.

Each patient's true condition is drawn from the prior of the care setting, then age band and sex
from the condition's demographics, an age uniformly within the band, and every finding from
P(finding | condition), a finding another implies or excludes from P(finding | condition, that
finding). Seeded through an explicit numpy Generator; nothing global.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hipdx.engine.model import DiagnosticModel, FloatArray
from hipdx.interview.bank import BoolArray, IntArray
from hipdx.types import SettingId

OLDEST = 95
"""Ages in the open-ended top band are drawn up to this age."""


@dataclass(frozen=True)
class Cohort:
    """N synthetic patients: true condition, demographics and every finding's true value."""

    condition: IntArray
    """(N,) row of the model's condition_ids."""
    age: IntArray
    """(N,) years."""
    age_band: IntArray
    """(N,) index into the model's age bands."""
    sex: IntArray
    """(N,) index into SEXES."""
    findings: BoolArray
    """(N, F) over model columns: the finding is present."""

    def __len__(self) -> int:
        return len(self.condition)


def _categorical(rng: np.random.Generator, probabilities: FloatArray) -> IntArray:
    """One draw per row of an (N, M) probability table, vectorised by inverse CDF."""
    cumulative = np.cumsum(probabilities, axis=1)
    cumulative[:, -1] = 1.0
    draws = rng.random((probabilities.shape[0], 1))
    index: IntArray = (draws >= cumulative).sum(axis=1)
    return index


def sample_cohort(
    model: DiagnosticModel, n: int, rng: np.random.Generator, setting: SettingId | None = None
) -> Cohort:
    """Draw `n` patients from `model` in `setting` (the default setting when None)."""
    prior = model.prior[model.setting_index(setting)]
    condition = _categorical(rng, np.broadcast_to(prior, (n, len(prior))))
    band = _categorical(rng, model.p_age[condition])
    low = np.array([b.min for b in model.age_bands], dtype=np.int64)[band]
    high = np.array([min(b.max, OLDEST) for b in model.age_bands], dtype=np.int64)[band]
    age = low + np.floor(rng.random(n) * (high - low + 1)).astype(np.int64)
    sex = (rng.random(n) >= model.p_sex[condition, 0]).astype(np.int64)
    draws = rng.random((n, len(model.finding_ids)))
    findings = draws < model.p_yes[condition]
    # Parents are never children (checked at load), so their values are final here.
    for relation, (parent, child) in enumerate(
        zip(model.relation_parent, model.relation_child, strict=True)
    ):
        parent_state = (~findings[:, parent]).astype(np.intp)
        given = model.child_given_parent[relation, parent_state, condition]
        findings[:, child] = draws[:, child] < given
    return Cohort(condition, age, band, sex, findings)
