"""A dataframe chunk -> EncodedEvidence (int8 answers, age bands, sex) with no per-row objects.

Input columns: finding ids (yes / no / unknown, true / false / blank, 1 / 0, booleans), and
optionally `id`, `age` (whole years) and `sex` (female / male, f / m, blank). Each column is
encoded through its few distinct values (categorical codes), never row by row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from hipdx.engine.evidence import MAX_AGE, MIN_AGE, EncodedEvidence
from hipdx.engine.model import SEXES, DiagnosticModel
from hipdx.errors import InputError

ID, AGE, SEX = "id", "age", "sex"
RESERVED = (ID, AGE, SEX)
ANSWER_WORDS: dict[str, int] = {
    **dict.fromkeys(("yes", "y", "true", "t", "1", "1.0"), 1),
    **dict.fromkeys(("no", "n", "false", "f", "0", "0.0"), -1),
    **dict.fromkeys(("unknown", "u", "", "nan", "na", "n/a", "none", "?"), 0),
}
SEX_WORDS: dict[str, int] = {
    **dict.fromkeys(("female", "f", "woman"), SEXES.index(SEXES[0])),
    **dict.fromkeys(("male", "m", "man"), SEXES.index(SEXES[1])),
    **dict.fromkeys(("", "unknown", "nan", "na", "none"), -1),
}


@dataclass(frozen=True)
class EncodedChunk:
    """A chunk's evidence plus the raw ages the red-flag rules compare (NaN when unknown)."""

    evidence: EncodedEvidence
    age: NDArray[np.float64]


def check_columns(model: DiagnosticModel, columns: Iterable[str]) -> list[str]:
    """The finding columns among `columns`, in file order.

    Raises:
        InputError: a column is neither a finding id nor id / age / sex.
    """
    names = [str(c) for c in columns]
    unknown = [c for c in names if c not in model.finding_index and c not in RESERVED]
    if unknown:
        shown = ", ".join(unknown[:10]) + (" ..." if len(unknown) > 10 else "")
        raise InputError(
            f"unknown column(s): {shown}; columns must be finding ids (see `hipdx findings`) "
            "or id, age, sex"
        )
    return [c for c in names if c in model.finding_index]


def _by_category(series: pd.Series, words: dict[str, int], what: str) -> NDArray[np.int8]:
    """Map a column through its distinct values; missing values become 0 (or -1 for sex)."""
    missing = words[""]
    categorical = (
        series if isinstance(series.dtype, pd.CategoricalDtype) else series.astype("category")
    )
    lookup = np.empty(len(categorical.cat.categories) + 1, dtype=np.int8)
    for position, value in enumerate(categorical.cat.categories):
        word = str(value).strip().lower()
        if word not in words:
            raise InputError(f"column {series.name!r}: {value!r} is not {what}")
        lookup[position] = words[word]
    lookup[-1] = missing  # code -1 (missing) indexes the last slot
    codes = categorical.cat.codes.to_numpy()
    result: NDArray[np.int8] = lookup[codes]
    return result


def answer_codes(series: pd.Series) -> NDArray[np.int8]:
    """One finding column as {1 yes, -1 no, 0 unknown}."""
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype) and not isinstance(dtype, pd.BooleanDtype):
        return np.where(series.to_numpy(), 1, -1).astype(np.int8)
    if isinstance(dtype, pd.BooleanDtype):
        values = series.to_numpy(dtype=np.int8, na_value=0)
        known = ~series.isna().to_numpy()
        return np.where(known, np.where(values == 1, 1, -1), 0).astype(np.int8)
    if pd.api.types.is_numeric_dtype(dtype):
        numbers = series.to_numpy(dtype=np.float64, na_value=np.nan)
        bad = ~np.isnan(numbers) & (numbers != 0) & (numbers != 1)
        if bad.any():
            raise InputError(f"column {series.name!r}: {numbers[bad][0]!r} is not 1, 0 or blank")
        return np.where(numbers == 1, 1, np.where(numbers == 0, -1, 0)).astype(np.int8)
    return _by_category(series, ANSWER_WORDS, "yes / no / unknown, true / false or blank")


def _ages(series: pd.Series) -> NDArray[np.float64]:
    if pd.api.types.is_numeric_dtype(series.dtype):
        ages = series.to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        categorical = (
            series if isinstance(series.dtype, pd.CategoricalDtype) else series.astype("category")
        )
        lookup = np.full(len(categorical.cat.categories) + 1, np.nan)
        for position, value in enumerate(categorical.cat.categories):
            word = str(value).strip().lower()
            if word in ("", "nan", "na", "unknown"):
                continue
            try:
                lookup[position] = float(word)
            except ValueError:
                raise InputError(f"column 'age': {value!r} is not a number") from None
        ages = lookup[categorical.cat.codes.to_numpy()]
    known = ~np.isnan(ages)
    if ((ages[known] < MIN_AGE) | (ages[known] > MAX_AGE)).any():
        raise InputError(f"column 'age': ages must be {MIN_AGE}-{MAX_AGE}")
    floored: NDArray[np.float64] = np.floor(ages)
    return floored


def encode_frame(model: DiagnosticModel, frame: pd.DataFrame) -> EncodedChunk:
    """Encode a chunk for `model` (see the module docstring for the accepted values).

    Raises:
        InputError: an unknown column or a value that is not an accepted answer, age or sex.
    """
    findings = check_columns(model, frame.columns)
    rows = len(frame)
    answers = np.zeros((rows, len(model.finding_ids)), dtype=np.int8)
    for name in findings:
        answers[:, model.finding_index[name]] = answer_codes(frame[name])
    age = _ages(frame[AGE]) if AGE in frame.columns else np.full(rows, np.nan)
    band = np.full(rows, -1, dtype=np.int64)
    known = ~np.isnan(age)
    mins = np.array([b.min for b in model.age_bands], dtype=np.float64)
    band[known] = np.searchsorted(mins, age[known], side="right") - 1
    sex = (
        _by_category(frame[SEX], SEX_WORDS, "female, male or blank").astype(np.int64)
        if SEX in frame.columns
        else np.full(rows, -1, dtype=np.int64)
    )
    return EncodedChunk(EncodedEvidence(answers, band, sex), age)


def expected_columns(model: DiagnosticModel) -> Sequence[str]:
    """Every column a cohort file may have."""
    return (*RESERVED, *model.finding_ids)
