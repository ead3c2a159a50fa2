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


@pytest.mark.parametrize("processes", [False, True])
def test_dask_matches_local(assessor: Assessor, tmp_path: Path, processes: bool) -> None:
    distributed = pytest.importorskip("dask.distributed")
    frame = random_frame(assessor, 300, seed=5)
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    frame.to_csv(source, index=False)
    scorer = Scorer.from_assessor(assessor)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=processes, dashboard_address=None
    ) as cluster:
        summary = score_file_dask(scorer, source, target, cluster.scheduler_address, partitions=3)
    assert summary.rows == 300
    back = pd.read_csv(target, keep_default_na=False)
    expected = scorer.score(frame)
    assert back["id"].tolist() == expected["id"].tolist()
    assert back["triage"].tolist() == expected["triage"].astype(str).tolist()
    assert back["red_flags"].tolist() == expected["red_flags"].astype(str).tolist()
    assert (back["probability_1"] - expected["probability_1"]).abs().max() < 1e-12
