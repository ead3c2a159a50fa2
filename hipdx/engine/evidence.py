"""What is known about one patient, and its encoding as arrays the model scores in batches."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np
from numpy.typing import NDArray

from hipdx.engine.model import SEXES, DiagnosticModel
from hipdx.errors import InputError
from hipdx.types import Answer, FindingId, Sex

ANSWER_CODES = {Answer.YES: 1, Answer.NO: -1, Answer.UNKNOWN: 0}
MIN_AGE, MAX_AGE = 0, 120


@dataclass(frozen=True)
class Evidence:
    """Answered findings plus age and sex; anything absent or `unknown` is simply not known."""

    answers: Mapping[FindingId, Answer] = field(default_factory=dict)
    age: int | None = None
    sex: Sex | None = None
    possible: frozenset[FindingId] = frozenset()
    """Findings named as uncertain ("possible saddle numbness") and not answered yes or no. The
    differential ignores them; triage does not treat an uncertain red-flag feature as absent."""

    def __post_init__(self) -> None:
        # Plain strings ("yes") are accepted and stored as Answer members.
        try:
            answers = {finding: Answer(value) for finding, value in self.answers.items()}
        except ValueError as exc:
            raise InputError(f"answers: {exc}; use yes, no or unknown") from exc
        object.__setattr__(self, "answers", MappingProxyType(answers))
        if self.sex is not None:
            try:
                object.__setattr__(self, "sex", Sex(self.sex))
            except ValueError as exc:
                raise InputError(f"sex: {exc}; use female or male") from exc
        if self.age is not None and not MIN_AGE <= self.age <= MAX_AGE:
            raise InputError(f"age {self.age} is out of range ({MIN_AGE}-{MAX_AGE})")
        # A yes or no answer settles a finding; it is no longer merely possible.
        settled = {f for f, v in answers.items() if v is not Answer.UNKNOWN}
        object.__setattr__(self, "possible", frozenset(self.possible) - settled)

    def with_answers(self, answers: Mapping[FindingId, Answer]) -> Evidence:
        """A copy with `answers` added on top (they win over existing ones)."""
        return Evidence({**self.answers, **answers}, self.age, self.sex, self.possible)

    def answered(self, value: Answer) -> list[FindingId]:
        """Finding ids answered with `value`, in insertion order."""
        return [f for f, v in self.answers.items() if v is value]


@dataclass(frozen=True)
class EncodedEvidence:
    """A batch of cases as arrays: answers (N, F) in {1 yes, -1 no, 0 unknown}; age band and
    sex (N,) as indices, -1 where unknown."""

    answers: NDArray[np.int8]
    age_band: NDArray[np.int64]
    sex: NDArray[np.int64]

    def __len__(self) -> int:
        return int(self.answers.shape[0])


def encode(model: DiagnosticModel, cases: Sequence[Evidence]) -> EncodedEvidence:
    """Encode cases for `model`; findings a case's known age implies are encoded as unknown.

    Raises:
        InputError: an answer names a finding the model does not know.
    """
    answers = np.zeros((len(cases), len(model.finding_ids)), dtype=np.int8)
    age_band = np.full(len(cases), -1, dtype=np.int64)
    sex = np.full(len(cases), -1, dtype=np.int64)
    for row, case in enumerate(cases):
        for finding, value in case.answers.items():
            column = model.finding_index.get(finding)
            if column is None:
                raise InputError(f"unknown finding id {finding!r}")
            answers[row, column] = ANSWER_CODES[Answer(value)]
        if case.age is not None:
            age_band[row] = model.age_band_index(case.age)
            # A finding the age already implies would count the age a second time.
            answers[row, model.implied_by_age(case.age)] = 0
        if case.sex is not None:
            sex[row] = SEXES.index(Sex(case.sex))
    return EncodedEvidence(answers, age_band, sex)
