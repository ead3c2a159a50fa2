"""Score one chunk: encode, posterior, top conditions, triage and red flags as a dataframe.

The same function runs in the local loop and inside Dask partitions; a `Scorer` holds only
arrays and tuples, so it pickles cheaply to workers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from hipdx.assessment import Assessor
from hipdx.batch.encode import ID, encode_frame
from hipdx.batch.triage import LEVELS, TriageTables, compile_triage, fired, triage_levels
from hipdx.engine.inference import posterior
from hipdx.engine.model import DiagnosticModel, FloatArray
from hipdx.types import SettingId

TOP = 5
ROW = "row"
FLAG_SEPARATOR = ";"
MAX_BITMASK_FLAGS = 62


def _categorical(codes: NDArray[np.int64], categories: list[str]) -> pd.Categorical:
    """A categorical straight from integer codes (no per-row objects)."""
    return pd.Categorical.from_codes(cast(Any, codes), categories=cast(Any, categories))


def top_conditions(probabilities: FloatArray, k: int) -> NDArray[np.int64]:
    """(N, k) column indices of the k largest values per row, largest first; ties go to the
    lower index, as a stable argsort of -probabilities orders them (k argmax passes, O(N C k))."""
    remaining = probabilities.copy()
    rows = np.arange(len(remaining))
    top = np.empty((len(remaining), min(k, remaining.shape[1])), dtype=np.int64)
    for position in range(top.shape[1]):
        top[:, position] = remaining.argmax(axis=1)
        remaining[rows, top[:, position]] = -np.inf
    return top


@dataclass(frozen=True)
class Scorer:
    """Everything needed to score chunks: the model, compiled triage and the chosen setting."""

    model: DiagnosticModel
    tables: TriageTables
    setting: SettingId
    all_probabilities: bool = False
    """Also write `p_<condition>` for every condition (used by the network-export check)."""

    @classmethod
    def from_assessor(
        cls, assessor: Assessor, setting: SettingId | None = None, all_probabilities: bool = False
    ) -> Scorer:
        """Raises InputError for an unknown setting."""
        chosen = assessor.model.settings[assessor.model.setting_index(setting)]
        return cls(
            assessor.model, compile_triage(assessor.kb, assessor.model), chosen, all_probabilities
        )

    def output_columns(self, with_id: bool) -> list[str]:
        columns = [ID if with_id else ROW]
        for k in range(1, TOP + 1):
            columns += [f"condition_{k}", f"probability_{k}"]
        columns += ["triage", "red_flags"]
        if self.all_probabilities:
            columns += [f"p_{c}" for c in self.model.condition_ids]
        return columns

    def empty(self, with_id: bool, id_dtype: Any = object) -> pd.DataFrame:
        """A zero-row frame with the output columns and dtypes (Dask `meta`)."""
        frame = self.score(
            pd.DataFrame({ID: pd.Series([], dtype=id_dtype)}) if with_id else pd.DataFrame(), 0
        )
        return frame

    def score(self, frame: pd.DataFrame, first_row: int = 0) -> pd.DataFrame:
        """Score every row of `frame`; `first_row` numbers rows when there is no id column.

        Raises:
            InputError: an unknown column or a value that cannot be read.
        """
        chunk = encode_frame(self.model, frame)
        probabilities = posterior(self.model, chunk.evidence, self.setting)
        rows = len(frame)
        top = top_conditions(probabilities, TOP)
        conditions = list(self.model.condition_ids)
        out: dict[str, object] = {}
        if ID in frame.columns:
            out[ID] = frame[ID].to_numpy()
        else:
            out[ROW] = np.arange(first_row, first_row + rows, dtype=np.int64)
        top_p = np.take_along_axis(probabilities, top, axis=1)
        for k in range(min(TOP, len(conditions))):
            out[f"condition_{k + 1}"] = _categorical(top[:, k], conditions)
            out[f"probability_{k + 1}"] = top_p[:, k]
        flags = fired(self.tables, chunk.evidence.answers, chunk.age)
        levels = triage_levels(self.tables, probabilities, flags)
        out["triage"] = _categorical(levels, [lv.value for lv in LEVELS])
        out["red_flags"] = self._flag_text(flags)
        if self.all_probabilities:
            for j, condition in enumerate(conditions):
                out[f"p_{condition}"] = probabilities[:, j]
        return pd.DataFrame(out)

    def _flag_text(self, flags: NDArray[np.bool_]) -> NDArray[np.object_]:
        """`id;id` per row, built once per distinct pattern of fired flags."""
        ids = self.tables.red_flag_ids
        if not ids:
            return np.full(flags.shape[0], "", dtype=object)
        if len(ids) <= MAX_BITMASK_FLAGS:
            masks = flags.astype(np.int64) @ (np.int64(1) << np.arange(len(ids), dtype=np.int64))
            patterns, inverse = np.unique(masks, return_inverse=True)
            rows = [[(int(m) >> k) & 1 for k in range(len(ids))] for m in patterns]
        else:
            packed, inverse = np.unique(np.packbits(flags, axis=1), axis=0, return_inverse=True)
            rows = [np.unpackbits(p)[: len(ids)].tolist() for p in packed]
        texts = np.array(
            [
                FLAG_SEPARATOR.join(i for i, bit in zip(ids, row, strict=True) if bit)
                for row in rows
            ],
            dtype=object,
        )
        result: NDArray[np.object_] = texts[inverse.reshape(-1)]
        return result
