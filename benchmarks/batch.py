"""Cohort scoring throughput: 1,000,000 rows from Parquet to Parquet, pandas path and Dask path.

Writes a synthetic cohort (every finding a column, mostly blank, some yes/no, age and sex) to a
temporary Parquet file, then times `score_file` end to end (read, encode, posterior, triage,
write) and `score_file_dask` on a local cluster. Target: over 200,000 rows per second.
Usage: python -m benchmarks.batch [--rows N] [--no-dask]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from hipdx.assessment import default_assessor
from hipdx.batch.run import score_file, score_file_dask
from hipdx.batch.score import Scorer

ROWS = 1_000_000
TARGET_ROWS_PER_SECOND = 200_000


def synthetic_cohort(path: Path, rows: int, seed: int = 0) -> None:
    """Write `rows` synthetic patients to a Parquet file in row groups of 100,000."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    model = default_assessor().model
    rng = np.random.default_rng(seed)
    answers = np.array(["yes", "no", "unknown"])
    step = 100_000
    writer = None
    for start in range(0, rows, step):
        n = min(step, rows - start)
        data: dict[str, object] = {
            "id": np.arange(start, start + n),
            "age": rng.integers(14, 95, n),
            "sex": pd.Categorical.from_codes(rng.integers(0, 2, n), ["female", "male"]),
        }
        for finding in model.finding_ids:
            # about 10% answered: 3% yes, 6% no, 1% unknown; the rest blank
            codes = np.searchsorted([0.03, 0.09, 0.10], rng.random(n), side="right")
            codes[codes == 3] = -1
            data[finding] = pd.Categorical.from_codes(codes, answers)
        table = pa.Table.from_pandas(pd.DataFrame(data), preserve_index=False)
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
    if writer is not None:
        writer.close()


def main(rows: int = ROWS, dask: bool = True) -> None:
    scorer = Scorer.from_assessor(default_assessor())
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "cohort.parquet"
        started = time.perf_counter()
        synthetic_cohort(source, rows)
        print(f"batch: wrote {rows:,} synthetic rows in {time.perf_counter() - started:.1f} s")

        started = time.perf_counter()
        score_file(scorer, source, Path(folder) / "scored.parquet", progress=False)
        seconds = time.perf_counter() - started
        rate = rows / seconds
        verdict = "meets" if rate >= TARGET_ROWS_PER_SECOND else "MISSES"
        print(
            f"batch (pandas, Parquet -> Parquet): {rows:,} rows in {seconds:.2f} s = "
            f"{rate:,.0f} rows/s ({verdict} the {TARGET_ROWS_PER_SECOND:,} rows/s target)"
        )
        if dask:
            from dask.distributed import LocalCluster

            with LocalCluster(processes=True, dashboard_address=None) as cluster:
                workers = len(cluster.workers)
                started = time.perf_counter()
                score_file_dask(
                    scorer, source, Path(folder) / "scored-dask.parquet", cluster.scheduler_address
                )
                seconds = time.perf_counter() - started
            print(
                f"batch (dask, {workers} workers, Parquet -> Parquet): {rows:,} rows in "
                f"{seconds:.2f} s = {rows / seconds:,.0f} rows/s"
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--no-dask", action="store_true")
    arguments = parser.parse_args()
    main(arguments.rows, not arguments.no_dask)
