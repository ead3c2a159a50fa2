"""Read cohort files in chunks and write results, CSV or Parquet chosen by file extension."""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import pandas as pd

from hipdx.batch.encode import AGE, ID
from hipdx.errors import InputError

if TYPE_CHECKING:
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

# pyarrow is imported where Parquet is used, so CSV scoring works without it.

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
        import pyarrow.parquet as pq

        return list(pq.ParquetFile(path).schema_arrow.names)
    return [str(c) for c in pd.read_csv(path, nrows=0).columns]


def row_count(path: Path) -> int | None:
    """Rows in a Parquet file (from its metadata); None for CSV."""
    if file_format(path) != "parquet":
        return None
    import pyarrow.parquet as pq

    rows: int = pq.ParquetFile(path).metadata.num_rows
    return rows


def csv_dtypes(columns: list[str]) -> dict[Hashable, str]:
    """Read answers as categoricals (one Python object per distinct value, not per cell)."""
    return {c: ("string" if c == ID else "float64" if c == AGE else "category") for c in columns}


def read_chunks(path: Path, rows: int) -> Iterator[pd.DataFrame]:
    """The file as dataframes of at most `rows` rows.

    Parquet strings are read as dictionaries (pandas categoricals), booleans as nullable booleans.
    """
    if file_format(path) == "csv":
        dtypes = csv_dtypes(header(path))
        try:
            yield from pd.read_csv(path, chunksize=rows, dtype=dtypes, keep_default_na=True)
        except ValueError as exc:
            raise InputError(f"{path}: {exc}") from exc
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    strings = [
        f.name
        for f in parquet.schema_arrow
        if f.name != ID and (pa.types.is_string(f.type) or pa.types.is_large_string(f.type))
    ]
    parquet = pq.ParquetFile(path, read_dictionary=strings)
    mapper = {pa.bool_(): pd.BooleanDtype()}.get
    for batch in parquet.iter_batches(batch_size=rows):
        yield batch.to_pandas(types_mapper=mapper)


class ResultWriter:
    """Appends scored chunks to a CSV or Parquet file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.format = file_format(path)
        self._parquet: pq.ParquetWriter | None = None
        self._schema: object | None = None
        self._started = False

    def write(self, frame: pd.DataFrame) -> None:
        if self.format == "csv":
            frame.to_csv(
                self.path, mode="a" if self._started else "w", header=not self._started, index=False
            )
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(frame, preserve_index=False)
            if self._parquet is None:
                self._schema = table.schema
                self._parquet = pq.ParquetWriter(self.path, table.schema)
            elif self._schema is not None and table.schema != self._schema:
                table = table.cast(self._schema)
            self._parquet.write_table(table)
        self._started = True

    def close(self) -> None:
        if self._parquet is not None:
            self._parquet.close()

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
