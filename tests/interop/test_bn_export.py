"""Bayesian-network export: structure of the files, and pgmpy agreeing with hipdx (slow)."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from hipdx.assessment import Assessor
from hipdx.cli import main
from hipdx.interop.bn_export import AGE, CONDITION, SEX, to_bif, to_xmlbif

REPO = Path(__file__).resolve().parents[2]
CHECK_VENV = REPO / ".venv-check"


def test_xmlbif_nodes_and_tables(assessor: Assessor) -> None:
    model = assessor.model
    root = ET.fromstring(to_xmlbif(model))
    variables = {
        v.findtext("NAME"): [o.text for o in v.findall("OUTCOME")] for v in root.iter("VARIABLE")
    }
    assert variables[CONDITION] == list(model.condition_ids)
    assert len(variables[AGE]) == len(model.age_bands) and variables[SEX] == ["female", "male"]
    assert set(model.finding_ids) <= set(variables)
    tables = {d.findtext("FOR"): d.findtext("TABLE") for d in root.iter("DEFINITION")}
    prior = np.array((tables[CONDITION] or "").split(), dtype=float)
    assert np.array_equal(prior, model.prior[model.setting_index(None)])
    finding = model.finding_ids[0]
    cpt = np.array((tables[finding] or "").split(), dtype=float).reshape(-1, 2)
    assert np.array_equal(cpt[:, 0], model.p_yes[:, 0])
    assert np.allclose(cpt.sum(axis=1), 1.0)


def test_bif_has_every_node(assessor: Assessor) -> None:
    text = to_bif(assessor.model, "specialist")
    assert text.count("variable ") == 3 + len(assessor.model.finding_ids)
    assert text.count("probability (") == 3 + len(assessor.model.finding_ids)


@pytest.mark.parametrize("fmt", ["xmlbif", "bif"])
def test_cli_export(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"hipdx.{fmt}"
    result = CliRunner().invoke(main, ["kb", "export", "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert CONDITION in target.read_text(encoding="utf-8")
    bad = CliRunner().invoke(main, ["kb", "export", "--setting", "nowhere"])
    assert bad.exit_code == 2


@pytest.mark.slow
def test_pgmpy_reads_the_export_and_agrees() -> None:
    """checks/bn_export_check.py in its own numpy-2 environment (built here when missing)."""
    python = CHECK_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(CHECK_VENV)], check=True, timeout=120)
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "-q",
                "-r",
                str(REPO / "checks" / "requirements.txt"),
            ],
            check=True,
            timeout=600,
        )
    hipdx = Path(sys.executable).parent / "hipdx"
    result = subprocess.run(
        [
            str(python),
            "-W",
            "ignore",
            str(REPO / "checks" / "bn_export_check.py"),
            "--hipdx",
            str(hipdx),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout[result.stdout.index("{") :])
    assert summary["ok"] and summary["xmlbif"]["max_abs_difference"] <= 1e-9


def test_a_related_finding_has_its_parent_as_a_second_parent(assessor: Assessor) -> None:
    model = assessor.model
    child, parent = "palpable_mass", "mass_suspicious_features"
    assert f"probability ( {child} | {CONDITION}, {parent} ) {{" in to_bif(model)
    root = ET.fromstring(to_xmlbif(model))
    definition = next(d for d in root.iter("DEFINITION") if d.findtext("FOR") == child)
    assert [g.text for g in definition.findall("GIVEN")] == [CONDITION, parent]
    cpt = np.array((definition.findtext("TABLE") or "").split(), dtype=float).reshape(-1, 2, 2)
    # Per condition: a suspicious lump makes a lump (all but) certain; without one, the lump
    # keeps the rest of its probability.
    assert np.allclose(cpt[:, 0, 0], 1.0)
    relation = list(model.relation_child).index(model.finding_index[child])
    assert np.allclose(cpt[:, 1, 0], model.child_given_parent[relation, 1])
