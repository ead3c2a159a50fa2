"""Cohort scoring throughput: 1,000,000 rows from Parquet to Parquet, pandas path and Dask path.

Writes a synthetic cohort (every finding a column, mostly blank, some yes/no, age and sex) to a
temporary Parquet file, then times `score_file` end to end (read, encode, posterior, triage,
write) and `score_file_dask` on a local cluster. Target: over 200,000 rows per second. Each
figure comes with the process CPU time and the load average, since the machine is shared.
Usage: python -m benchmarks.batch [--rows N] [--no-dask] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
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


def timed(run: Callable[[], object]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds of this process (all threads) and the 1-minute load average at
    the start: on a shared machine the wall time alone says little."""
    load = os.getloadavg()[0]
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu, load


def report(label: str, rows: int, wall: float, cpu: float, load: float) -> float:
    rate = rows / wall
    print(
        f"batch ({label}): {rows:,} rows in {wall:.2f} s = {rate:,.0f} rows/s "
        f"(process CPU {cpu:.2f} s, load average {load:.2f})"
    )
    return rate


def main(rows: int = ROWS, dask: bool = True, repeat: int = 1) -> None:
    scorer = Scorer.from_assessor(default_assessor())
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "cohort.parquet"
        started = time.perf_counter()
        synthetic_cohort(source, rows)
        print(f"batch: wrote {rows:,} synthetic rows in {time.perf_counter() - started:.1f} s")

        target = Path(folder) / "scored.parquet"
        rates = [
            report(
                "pandas, Parquet -> Parquet",
                rows,
                *timed(lambda: score_file(scorer, source, target, progress=False)),
            )
            for _ in range(repeat)
        ]
        verdict = "meets" if max(rates) >= TARGET_ROWS_PER_SECOND else "MISSES"
        print(
            f"batch: best {max(rates):,.0f}, worst {min(rates):,.0f} rows/s over {repeat} run(s) "
            f"({verdict} the {TARGET_ROWS_PER_SECOND:,} rows/s target)"
        )
        if dask:
            from dask.distributed import LocalCluster

            with LocalCluster(processes=True, dashboard_address=":0") as cluster:
                workers = len(cluster.workers)
                address = cluster.scheduler_address
                for run in range(repeat):
                    # A fresh directory each run: Dask writes Parquet as part files.
                    output = Path(folder) / f"scored-dask-{run}.parquet"

                    def on_dask(output: Path = output) -> object:
                        return score_file_dask(scorer, source, output, address)

                    report(f"dask, {workers} workers, Parquet -> Parquet", rows, *timed(on_dask))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="time each path this many times")
    arguments = parser.parse_args()
    main(arguments.rows, not arguments.no_dask, arguments.repeat)
