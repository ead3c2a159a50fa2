"""Cohort scoring: vectorised encoding and triage agree with the one-case code, files, CLI, Dask."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from click.testing import CliRunner

from hipdx.assessment import Assessor
from hipdx.batch.encode import encode_batch
from hipdx.batch.run import score_file
from hipdx.batch.score import Scorer
from hipdx.cli import main
from hipdx.engine.evidence import Evidence, encode
from hipdx.engine.inference import BLOCK_ROWS
from hipdx.triage.rules import triage
from hipdx.types import Answer, Sex

WORDS = {"yes": Answer.YES, "no": Answer.NO, "unknown": Answer.UNKNOWN, "": None}


def random_frame(assessor: Assessor, rows: int, seed: int) -> pd.DataFrame:
    """Random answers weighted towards red-flag findings so rules fire often."""
    rng = np.random.default_rng(seed)
    kb = assessor.kb
    flagged = sorted({f for r in kb.red_flags.values() for f in [*r.when.all_of, *r.when.any_of]})
    others = [f for f in assessor.model.finding_ids if f not in flagged]
    columns = [*flagged, *rng.choice(others, size=40, replace=False).tolist()]
    data: dict[str, object] = {
        "id": [f"p{i}" for i in range(rows)],
        "age": np.where(rng.random(rows) < 0.2, np.nan, rng.integers(0, 121, rows)),
        "sex": rng.choice(["female", "male", ""], rows),
    }
    for column in columns:
        p_yes = 0.06 if column in flagged else 0.15
        data[column] = rng.choice(
            ["yes", "no", "unknown", ""], rows, p=[p_yes, 0.3, 0.1, 0.6 - p_yes]
        )
    return pd.DataFrame(data)


def evidence_of(row: pd.Series, findings: list[str]) -> Evidence:
    answers = {f: WORDS[row[f]] for f in findings if WORDS[row[f]] is not None}
    age = None if pd.isna(row["age"]) else int(row["age"])
    sex = Sex(row["sex"]) if row["sex"] else None
    return Evidence(answers, age, sex)  # type: ignore[arg-type]


def test_encoding_matches_the_one_case_encoder(assessor: Assessor) -> None:
    frame = random_frame(assessor, 200, seed=1)
    findings = [c for c in frame.columns if c not in ("id", "age", "sex")]
    chunk = encode_batch(assessor.model, pa.RecordBatch.from_pandas(frame))
    cases = [evidence_of(row, findings) for _, row in frame.iterrows()]
    reference = encode(assessor.model, cases)
    assert np.array_equal(chunk.evidence.answers, reference.answers)
    assert np.array_equal(chunk.evidence.age_band, reference.age_band)
    assert np.array_equal(chunk.evidence.sex, reference.sex)


def test_vectorised_triage_agrees_with_rules_on_every_row(assessor: Assessor) -> None:
    frame = random_frame(assessor, 400, seed=2)
    findings = [c for c in frame.columns if c not in ("id", "age", "sex")]
    scored = Scorer.from_assessor(assessor).score_frame(frame)
    levels = set()
    for (_, row), (_, out) in zip(frame.iterrows(), scored.iterrows(), strict=True):
        evidence = evidence_of(row, findings)
        p = assessor.probabilities(evidence)
        order = np.argsort(-p, kind="stable")
        ranking = [(assessor.model.condition_ids[i], float(p[i])) for i in order]
        expected = triage(assessor.kb, evidence, ranking)
        assert out["triage"] == expected.level.value, row["id"]
        got = out["red_flags"].split(";") if out["red_flags"] else []
        assert sorted(got) == sorted(expected.red_flags), row["id"]
        assert out["condition_1"] == ranking[0][0]
        assert out["probability_1"] == pytest.approx(ranking[0][1], abs=1e-12)
        levels.add(out["triage"])
    assert len(levels) >= 3  # the sample exercises several levels


def test_accepts_booleans_and_numbers(assessor: Assessor) -> None:
    frame = pd.DataFrame(
        {
            "pain_deep_buttock": pd.array([True, False, None], dtype="boolean"),
            "pain_low_back": [1.0, 0.0, np.nan],
            "saddle_anaesthesia": ["TRUE", "false", ""],
        }
    )
    answers = encode_batch(assessor.model, pa.RecordBatch.from_pandas(frame)).evidence.answers
    index = assessor.model.finding_index
    assert answers[:, index["pain_deep_buttock"]].tolist() == [1, -1, 0]
    assert answers[:, index["pain_low_back"]].tolist() == [1, -1, 0]
    assert answers[:, index["saddle_anaesthesia"]].tolist() == [1, -1, 0]


def test_batch_probabilities_match_the_one_case_engine(assessor: Assessor) -> None:
    # More rows than one scoring block, so block boundaries are crossed; each row is scored
    # again on its own, as the web app and the CLI score a single case.
    rows = 2 * BLOCK_ROWS + 37
    frame = random_frame(assessor, rows, seed=3)
    scorer = Scorer.from_assessor(assessor, all_probabilities=True)
    scored = scorer.score_frame(frame)
    findings = [c for c in frame.columns if c not in ("id", "age", "sex")]
    expected = np.array(
        [assessor.probabilities(evidence_of(row, findings)) for _, row in frame.iterrows()]
    )
    got = scored[[f"p_{c}" for c in assessor.model.condition_ids]].to_numpy()
    assert got.shape == expected.shape
    assert np.abs(got - expected).max() < 1e-12
    # Conditions tied to float noise may rank either way round; the k-th named condition must
    # carry the k-th highest probability, and no condition may be named twice.
    position = {c: i for i, c in enumerate(assessor.model.condition_ids)}
    highest = -np.sort(-expected, axis=1)
    named = np.column_stack(
        [scored[f"condition_{k}"].astype(str).map(position).to_numpy() for k in range(1, 6)]
    )
    for k in range(5):
        assert np.abs(expected[np.arange(rows), named[:, k]] - highest[:, k]).max() < 1e-12
    assert all(len(set(row)) == 5 for row in named.tolist())


def test_arrow_dictionaries_with_nulls_offsets_and_wide_indices(assessor: Assessor) -> None:
    """Parquet hands over dictionary columns with nulls, sometimes as slices of a larger batch
    and with any index width; each must encode like the plain strings it stands for."""
    frame = random_frame(assessor, 300, seed=6)
    findings = [c for c in frame.columns if c not in ("id", "age", "sex")]
    words = frame[findings].replace("", None)
    columns = {
        name: pa.array(words[name])
        .dictionary_encode()
        .cast(pa.dictionary(pa.int16() if position % 2 else pa.int8(), pa.string()))
        for position, name in enumerate(findings)
    }
    columns["age"] = pa.array(frame["age"])  # the age decides which findings it implies
    batch = pa.RecordBatch.from_pydict(columns).slice(41, 200)
    got = encode_batch(assessor.model, batch).evidence.answers
    cases = [evidence_of(row, findings) for _, row in frame.iloc[41:241].iterrows()]
    expected = encode(assessor.model, cases).answers
    assert batch.column(findings[0]).null_count > 0
    assert np.array_equal(got, expected)
    assert (got == 1).any() and (got == -1).any() and (got == 0).any()


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_cli_batch_round_trip(assessor: Assessor, tmp_path: Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow.parquet", exc_type=ImportError)
    frame = random_frame(assessor, 250, seed=4)
    source, target = tmp_path / f"in{suffix}", tmp_path / f"out{suffix}"
    if suffix == ".csv":
        frame.to_csv(source, index=False)
    else:
        frame.to_parquet(source, index=False)
    result = CliRunner().invoke(main, ["batch", str(source), str(target), "--chunk-rows", "60"])
    assert result.exit_code == 0, result.output
    back = (
        pd.read_csv(target, keep_default_na=False) if suffix == ".csv" else pd.read_parquet(target)
    )
    expected = Scorer.from_assessor(assessor).score_frame(frame)
    assert len(back) == 250
    assert back["id"].astype(str).tolist() == expected["id"].tolist()
    assert back["triage"].astype(str).tolist() == expected["triage"].astype(str).tolist()
    assert back["red_flags"].astype(str).tolist() == expected["red_flags"].astype(str).tolist()
    assert np.allclose(back["probability_1"], expected["probability_1"])


def test_unknown_column_is_a_user_error(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("id,pain_deep_buttock,favourite_colour\n1,yes,blue\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(source), str(tmp_path / "out.csv")])
    assert result.exit_code == 2
    assert "favourite_colour" in result.output


def test_bad_value_is_a_user_error(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("pain_deep_buttock\nperhaps\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(source), str(tmp_path / "out.csv")])
    assert result.exit_code == 2
    assert "perhaps" in result.output


def test_rows_numbered_without_id(assessor: Assessor, tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("pain_deep_buttock,pain_low_back\nyes,\nno,\n,yes\n", encoding="utf-8")
    score_file(Scorer.from_assessor(assessor), source, target, chunk_rows=1, progress=False)
    assert pd.read_csv(target)["row"].tolist() == [0, 1, 2]
