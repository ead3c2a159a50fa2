"""Latency of one assessment and throughput of batch scoring.

Targets (issue 2): p50 under 1 ms for one case; over 100,000 cases per second on one core for
a batch. Run with `make bench`; numpy is limited to one thread so the batch figure is per core.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import time

import numpy as np

from hipdx.assessment import default_assessor
from hipdx.engine.evidence import EncodedEvidence, Evidence
from hipdx.engine.inference import posterior
from hipdx.types import Answer, Sex

SEED = 20261121
ANSWERED_PER_CASE = 15


def synthetic_cases(n: int, rng: np.random.Generator) -> list[Evidence]:
    ids = default_assessor().model.finding_ids
    cases = []
    for _ in range(n):
        chosen = rng.choice(len(ids), size=ANSWERED_PER_CASE, replace=False)
        answers = {ids[i]: Answer.YES if rng.random() < 0.4 else Answer.NO for i in chosen}
        cases.append(
            Evidence(
                answers, int(rng.integers(14, 90)), Sex.FEMALE if rng.random() < 0.5 else Sex.MALE
            )
        )
    return cases


def percentiles(samples: list[float]) -> tuple[float, float]:
    values = np.array(samples) * 1000.0
    return float(np.percentile(values, 50)), float(np.percentile(values, 99))


def bench_single(rng: np.random.Generator, repeats: int = 2000) -> None:
    assessor = default_assessor()
    cases = synthetic_cases(repeats, rng)
    for case in cases[:50]:
        assessor.assess(case)
    full, scoring = [], []
    for case in cases:
        start = time.perf_counter()
        assessor.assess(case)
        full.append(time.perf_counter() - start)
        start = time.perf_counter()
        assessor.probabilities(case)
        scoring.append(time.perf_counter() - start)
    p50, p99 = percentiles(full)
    print(
        f"one full assessment (rank, explain top 5, triage, plan, tests): "
        f"p50 {p50:.3f} ms, p99 {p99:.3f} ms"
    )
    p50, p99 = percentiles(scoring)
    print(
        f"one posterior (encode + score):                                 "
        f"p50 {p50:.3f} ms, p99 {p99:.3f} ms"
    )


def bench_batch(rng: np.random.Generator, n: int = 100_000) -> None:
    model = default_assessor().model
    answers = np.zeros((n, len(model.finding_ids)), dtype=np.int8)
    for row in range(0, n, 10_000):
        block = rng.random((min(10_000, n - row), len(model.finding_ids)))
        answers[row : row + len(block)] = np.where(block < 0.05, 1, np.where(block < 0.1, -1, 0))
    batch = EncodedEvidence(
        answers, rng.integers(0, len(model.age_bands), n), rng.integers(0, 2, n)
    )
    posterior(model, batch)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        result = posterior(model, batch)
        best = min(best, time.perf_counter() - start)
    assert np.allclose(result.sum(axis=1), 1.0)
    print(f"batch of {n:,} encoded cases: {best * 1000:.1f} ms, {n / best:,.0f} cases/s (1 thread)")


def main() -> None:
    rng = np.random.default_rng(SEED)
    bench_single(rng)
    bench_batch(rng)
