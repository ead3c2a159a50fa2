"""Read cohort files in chunks and write results, CSV or Parquet chosen by file extension.

Chunks travel as Arrow record batches: Parquet is read straight into them (strings as
dictionaries, no pandas in between) and CSV through pandas' chunked reader.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from pathlib import Path
from types import TracebackType

import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.csv as pa_csv  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from hipdx.batch.encode import AGE, ID
from hipdx.errors import InputError

PARQUET = (".parquet", ".pq")
CSV = (".csv",)


def file_format(path: Path) -> str:
    """`csv` or `parquet`, from the extension.

    Raises:
        InputError: any other extension.
    """
    suffix = path.suffix.lower()
    if suffix in PARQUET:
        return "parquet"
    if suffix in CSV:
        return "csv"
    raise InputError(f"{path}: use a .csv or .parquet file")


def header(path: Path) -> list[str]:
    """The column names of a cohort file."""
    if file_format(path) == "parquet":
        return list(pq.ParquetFile(path).schema_arrow.names)
    return [str(c) for c in pd.read_csv(path, nrows=0).columns]


def row_count(path: Path) -> int | None:
    """Rows in a Parquet file (from its metadata); None for CSV."""
    if file_format(path) != "parquet":
        return None
    rows: int = pq.ParquetFile(path).metadata.num_rows
    return rows


def csv_dtypes(columns: list[str]) -> dict[Hashable, str]:
    """Read answers as categoricals (one Python object per distinct value, not per cell)."""
    return {c: ("string" if c == ID else "float64" if c == AGE else "category") for c in columns}


def read_chunks(path: Path, rows: int) -> Iterator[pa.RecordBatch]:
    """The file as record batches of at most `rows` rows.

    Raises:
        InputError: a CSV value pandas cannot read as its column's type (an age that is text).
    """
    if file_format(path) == "csv":
        dtypes = csv_dtypes(header(path))
        try:
            for frame in pd.read_csv(path, chunksize=rows, dtype=dtypes, keep_default_na=True):
                yield pa.RecordBatch.from_pandas(frame, preserve_index=False)
        except ValueError as exc:
            raise InputError(f"{path}: {exc}") from exc
        return
    schema = pq.ParquetFile(path).schema_arrow
    # Text answers come back as dictionaries: one decoded string per distinct value.
    strings = [
        f.name
        for f in schema
        if f.name != ID and (pa.types.is_string(f.type) or pa.types.is_large_string(f.type))
    ]
    yield from pq.ParquetFile(path, read_dictionary=strings).iter_batches(batch_size=rows)


class ResultWriter:
    """Appends scored chunks to a CSV or Parquet file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.format = file_format(path)
        self._writer: pq.ParquetWriter | pa_csv.CSVWriter | None = None

    def write(self, table: pa.Table) -> None:
        if self._writer is None:
            if self.format == "parquet":
                # Dictionary pages only for the text columns: trying them on probabilities
                # (all distinct) more than doubles the write time for nothing.
                text = [f.name for f in table.schema if pa.types.is_dictionary(f.type)]
                self._writer = pq.ParquetWriter(self.path, table.schema, use_dictionary=text)
            else:
                self._writer = pa_csv.CSVWriter(self.path, table.schema)
        self._writer.write_table(table)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
