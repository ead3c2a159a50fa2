"""Check that pgmpy reading `hipdx kb export` gives hipdx's posteriors (run in .venv-check).

hipdx needs numpy < 2 and pgmpy 1.x wants numpy 2, so this script runs in its own environment
(checks/requirements.txt) and drives hipdx through its command line:

1. `hipdx kb export --format xmlbif` and `--format bif`;
2. random answer-only cases (no age or sex, default setting) scored by
   `hipdx batch --all-probabilities`;
3. the same cases queried with pgmpy's VariableElimination on each exported file.

Prints a JSON summary with the max absolute difference; exits 1 above the tolerance.
Usage: .venv-check/bin/python checks/bn_export_check.py [--hipdx .venv/bin/hipdx] [--cases 1000]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from pgmpy.inference import VariableElimination
from pgmpy.readwrite import BIFReader, XMLBIFReader

ROOT = Path(__file__).resolve().parents[1]
NON_FINDINGS = {"Condition", "AgeBand", "Sex"}


def random_cases(findings: list[str], count: int, seed: int) -> list[dict[str, str]]:
    """Each case answers 0-20 random findings yes or no (the rest blank = unknown)."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(count):
        chosen = rng.choice(len(findings), size=int(rng.integers(0, 21)), replace=False)
        cases.append({findings[i]: str(rng.choice(["yes", "no"])) for i in chosen})
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hipdx", default=str(ROOT / ".venv" / "bin" / "hipdx"))
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--bif-cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--tolerance", type=float, default=1e-9)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        files = {"xmlbif": tmp / "hipdx.xml", "bif": tmp / "hipdx.bif"}
        for fmt, path in files.items():
            subprocess.run(
                [args.hipdx, "kb", "export", "--format", fmt, "-o", str(path)], check=True
            )
        readers = {
            "xmlbif": XMLBIFReader(str(files["xmlbif"])),
            "bif": BIFReader(str(files["bif"])),
        }
        models = {fmt: reader.get_model() for fmt, reader in readers.items()}
        network = models["xmlbif"]
        findings = sorted(n for n in network.nodes() if n not in NON_FINDINGS)
        conditions = list(network.get_cpds("Condition").state_names["Condition"])

        cases = random_cases(findings, args.cases, args.seed)
        source, target = tmp / "cases.csv", tmp / "scored.csv"
        with source.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=["id", *findings])
            writer.writeheader()
            for number, case in enumerate(cases):
                writer.writerow({"id": f"case{number}", **case})
        subprocess.run(
            [args.hipdx, "batch", str(source), str(target), "--all-probabilities", "--no-progress"],
            check=True,
        )
        scored = pd.read_csv(target)
        expected = scored[[f"p_{c}" for c in conditions]].to_numpy()

        summary: dict[str, object] = {"cases": len(cases), "conditions": len(conditions)}
        worst = 0.0
        for fmt, model in models.items():
            limit = args.cases if fmt == "xmlbif" else min(args.bif_cases, args.cases)
            inference = VariableElimination(model)
            started = time.perf_counter()
            differences = []
            for row, case in enumerate(cases[:limit]):
                factor = inference.query(["Condition"], evidence=case or None, show_progress=False)
                states = factor.state_names["Condition"]
                got = np.array([factor.values[states.index(c)] for c in conditions])
                differences.append(np.abs(got - expected[row]).max())
            largest = float(max(differences))
            worst = max(worst, largest)
            summary[fmt] = {
                "cases": limit,
                "max_abs_difference": largest,
                "seconds": round(time.perf_counter() - started, 1),
            }
        summary["tolerance"] = args.tolerance
        summary["ok"] = worst <= args.tolerance
    print(json.dumps(summary, indent=2))
    return 0 if worst <= args.tolerance else 1


if __name__ == "__main__":
    sys.exit(main())
