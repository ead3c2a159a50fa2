"""The immutable diagnostic model: a naive-Bayes network built from the knowledge base.

One Condition node (every condition the KB knows, mutually exclusive) is the parent of one
yes/no node per finding and of the Age-band and Sex nodes. P(finding | condition) is the evidence
link's `p` where a link exists and the finding's `background` otherwise. All tables are numpy
arrays in log space, so one case and a batch of cases are scored by the same matrix products.

A finding that another entails or rules out by definition (findings.yaml `implies`, `excludes`)
also has that finding as a parent: P(child | condition, parent) follows from the two marginals
(an entailed child is certain when its parent is present; otherwise it keeps the rest of its
probability), so a fact the reader finds twice is counted once. `relation_terms` turns this
into a correction added to the independent scores wherever both are answered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray

from hipdx.errors import InputError
from hipdx.knowledge.schema import AgeBand, KnowledgeBase
from hipdx.types import ConditionId, FindingId, SettingId, Sex

FloatArray = NDArray[np.float64]
SEXES: tuple[Sex, ...] = (Sex.FEMALE, Sex.MALE)
ArrayT = TypeVar("ArrayT", FloatArray, NDArray[np.int64])


def _frozen(array: ArrayT) -> ArrayT:
    array.flags.writeable = False
    return array


@dataclass(frozen=True)
class DiagnosticModel:
    """Conditional probability tables of the network, indexed by condition and finding order."""

    kb_version: str
    condition_ids: tuple[ConditionId, ...]
    finding_ids: tuple[FindingId, ...]
    settings: tuple[SettingId, ...]
    default_setting: SettingId
    age_bands: tuple[AgeBand, ...]
    prior: FloatArray
    """(settings, conditions) prior probabilities, each row summing to 1."""
    p_yes: FloatArray
    """(conditions, findings) P(finding present | condition)."""
    p_age: FloatArray
    """(conditions, age bands) P(age band | condition)."""
    p_sex: FloatArray
    """(conditions, 2) P(sex | condition), columns in SEXES order."""
    implied_below: NDArray[np.int64]
    """(findings,) age below which the finding is certainly present and so uninformative; 0 for
    findings no age implies."""
    relation_parent: NDArray[np.int64]
    """(relations,) finding column of each relation's parent (the finding that implies or
    excludes)."""
    relation_child: NDArray[np.int64]
    """(relations,) finding column of the finding it implies or excludes."""
    child_given_parent: FloatArray
    """(relations, 2, conditions) P(child yes | condition, parent yes [0] or no [1])."""
    condition_index: dict[ConditionId, int] = field(repr=False)
    finding_index: dict[FindingId, int] = field(repr=False)
    log_prior: FloatArray = field(init=False, repr=False)
    log_yes: FloatArray = field(init=False, repr=False)
    """(findings, conditions) log P(yes | condition), transposed for the batch product."""
    log_no: FloatArray = field(init=False, repr=False)
    log_age: FloatArray = field(init=False, repr=False)
    """(age bands, conditions)."""
    log_sex: FloatArray = field(init=False, repr=False)
    """(2, conditions)."""
    relation_terms: FloatArray = field(init=False, repr=False)
    """(relations, parent yes/no, child yes/no, conditions): log P(child | condition, parent)
    minus the log P(child | condition) the independent scores hold. A child answer its parent
    makes impossible (a contradiction in the record) gets minus the latter only: the child is
    ignored and the parent's answer stands."""

    def __post_init__(self) -> None:
        # Log tables are derived once here so scoring is two matrix products and two lookups.
        derived = {
            "log_prior": np.log(self.prior),
            "log_yes": np.ascontiguousarray(np.log(self.p_yes).T),
            "log_no": np.ascontiguousarray(np.log1p(-self.p_yes).T),
            "log_age": np.ascontiguousarray(np.log(self.p_age).T),
            "log_sex": np.ascontiguousarray(np.log(self.p_sex).T),
            "relation_terms": self._relation_terms(),
        }
        for name, table in derived.items():
            object.__setattr__(self, name, _frozen(table))

    def _relation_terms(self) -> FloatArray:
        given_yes = self.child_given_parent[:, :, np.newaxis, :]
        marginal_yes = self.p_yes[:, self.relation_child].T[:, np.newaxis, np.newaxis, :]
        # Axis 2 is the child's answer: yes, then no.
        given = np.concatenate([given_yes, 1.0 - given_yes], axis=2)
        marginal = np.concatenate([marginal_yes, 1.0 - marginal_yes], axis=2)
        with np.errstate(divide="ignore"):
            log_given = np.where(given > 0.0, np.log(given), 0.0)
        terms: FloatArray = log_given - np.log(marginal)
        return terms

    def setting_index(self, setting: SettingId | None) -> int:
        """Row of `prior` for a setting (the default setting when None).

        Raises:
            InputError: the setting is not one the KB defines.
        """
        chosen = self.default_setting if setting is None else setting
        try:
            return self.settings.index(chosen)
        except ValueError:
            known = ", ".join(self.settings)
            raise InputError(f"unknown setting {chosen!r}; known settings: {known}") from None

    def age_band_index(self, age: int) -> int:
        """Index of the age band holding `age` (whole years)."""
        for index, band in enumerate(self.age_bands):
            if band.min <= age <= band.max:
                return index
        raise InputError(f"age {age} is outside 0-120")

    def implied_by_ages(self, ages: FloatArray) -> NDArray[np.bool_]:
        """(cases, findings) mask of the findings each case's known age already implies; a NaN
        (unknown) age implies none."""
        implied: NDArray[np.bool_] = ages[:, np.newaxis] < self.implied_below[np.newaxis, :]
        return implied

    def implied_by_age(self, age: int | None) -> NDArray[np.bool_]:
        """(findings,) `implied_by_ages` for one case."""
        ages = np.array([np.nan if age is None else age], dtype=np.float64)
        implied: NDArray[np.bool_] = self.implied_by_ages(ages)[0]
        return implied


def build_model(kb: KnowledgeBase) -> DiagnosticModel:
    """Build the conditional probability tables from a validated knowledge base."""
    condition_ids = tuple(kb.conditions)
    finding_ids = tuple(kb.findings)
    findings_index = {f: i for i, f in enumerate(finding_ids)}
    settings = tuple(s.id for s in kb.demographics.settings)
    bands = tuple(kb.demographics.age_bands)

    prior = np.array(
        [[kb.conditions[c].priors[s].value for c in condition_ids] for s in settings],
        dtype=np.float64,
    )
    prior **= kb.demographics.prior_exponent.value
    prior /= prior.sum(axis=1, keepdims=True)

    background = np.array([kb.findings[f].background for f in finding_ids], dtype=np.float64)
    p_yes = np.tile(background, (len(condition_ids), 1))
    for row, condition_id in enumerate(condition_ids):
        for link in kb.conditions[condition_id].evidence:
            p_yes[row, findings_index[link.finding]] = link.p

    p_age = np.array(
        [[kb.conditions[c].demographics.age[b.id] for b in bands] for c in condition_ids],
        dtype=np.float64,
    )
    p_age /= p_age.sum(axis=1, keepdims=True)
    implied_below = np.array(
        [kb.findings[f].implied_by_age_below or 0 for f in finding_ids], dtype=np.int64
    )
    relations = [
        (findings_index[finding.id], findings_index[target], kind)
        for finding in kb.findings.values()
        for kind, targets in (("implies", finding.implies), ("excludes", finding.excludes))
        for target in targets
    ]
    parents = np.array([r[0] for r in relations], dtype=np.int64)
    children = np.array([r[1] for r in relations], dtype=np.int64)
    child_given_parent = np.empty((len(relations), 2, len(condition_ids)))
    for row, (parent, child, kind) in enumerate(relations):
        p_parent, p_child = p_yes[:, parent], p_yes[:, child]
        if kind == "implies":
            child_given_parent[row] = [np.ones_like(p_child), (p_child - p_parent) / (1 - p_parent)]
        else:
            child_given_parent[row] = [np.zeros_like(p_child), p_child / (1 - p_parent)]
    female = np.array([kb.conditions[c].demographics.female for c in condition_ids])
    p_sex = np.stack([female, 1.0 - female], axis=1)

    return DiagnosticModel(
        kb_version=kb.version,
        condition_ids=condition_ids,
        finding_ids=finding_ids,
        settings=settings,
        default_setting=kb.demographics.default_setting,
        age_bands=bands,
        prior=_frozen(prior),
        p_yes=_frozen(p_yes),
        p_age=_frozen(p_age),
        p_sex=_frozen(p_sex),
        implied_below=_frozen(implied_below),
        relation_parent=_frozen(parents),
        relation_child=_frozen(children),
        child_given_parent=_frozen(child_given_parent),
        condition_index={c: i for i, c in enumerate(condition_ids)},
        finding_index=findings_index,
    )
