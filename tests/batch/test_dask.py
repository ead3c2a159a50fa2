"""`hipdx batch --dask`: the same results from a distributed LocalCluster."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from hipdx.assessment import Assessor
from hipdx.batch.run import score_file_dask
from hipdx.batch.score import Scorer
from tests.batch.test_batch import random_frame

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("processes", "suffix"), [(False, ".csv"), (True, ".csv"), (False, ".parquet")]
)
def test_dask_matches_local(
    assessor: Assessor, tmp_path: Path, processes: bool, suffix: str
) -> None:
    distributed = pytest.importorskip("dask.distributed")
    frame = random_frame(assessor, 300, seed=5)
    source, target = tmp_path / f"in{suffix}", tmp_path / f"out{suffix}"
    if suffix == ".csv":
        frame.to_csv(source, index=False)
    else:
        frame.to_parquet(source, index=False, row_group_size=100)  # three partitions
    scorer = Scorer.from_assessor(assessor)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=processes, dashboard_address=":0"
    ) as cluster:
        partitions = 3 if suffix == ".csv" else None
        summary = score_file_dask(scorer, source, target, cluster.scheduler_address, partitions)
    assert summary.rows == 300
    if suffix == ".csv":
        back = pd.read_csv(target, keep_default_na=False)
    else:  # a directory of part files; their order is not the file's, so align on id
        back = pd.read_parquet(target).set_index("id").loc[frame["id"]].reset_index()
    expected = scorer.score_frame(frame)
    assert back["id"].tolist() == expected["id"].tolist()
    assert back["triage"].astype(str).tolist() == expected["triage"].astype(str).tolist()
    assert back["red_flags"].astype(str).tolist() == expected["red_flags"].astype(str).tolist()
    assert (back["probability_1"] - expected["probability_1"]).abs().max() < 1e-12
    assert back["condition_1"].astype(str).tolist() == expected["condition_1"].astype(str).tolist()
