"""Cases built from the source articles' own description of each condition rank it first."""

from __future__ import annotations

import json

import pytest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.types import Answer, Sex, TriageLevel
from tests.conftest import CASES

SOURCE_CASES = [
    json.loads(line)
    for line in (CASES / "source_cases.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def test_every_catalog_condition_has_a_source_case(catalog_ids: list[str]) -> None:
    assert {case["diagnosis"] for case in SOURCE_CASES} >= set(catalog_ids)


@pytest.mark.parametrize("case", SOURCE_CASES, ids=[c["id"] for c in SOURCE_CASES])
def test_source_case_ranks_its_condition_first(assessor: Assessor, case: dict) -> None:  # type: ignore[type-arg]
    evidence = Evidence(
        {f: Answer(v) for f, v in case["answers"].items()},
        case.get("age"),
        Sex(case["sex"]) if case.get("sex") else None,
    )
    result = assessor.assess(evidence)
    assert result.ranking[0].condition == case["diagnosis"], [
        (r.condition, round(r.probability, 3)) for r in result.ranking[:3]
    ]
    if case["red_flag"]:
        assert result.triage.level.rank >= TriageLevel.URGENT.rank
    if case["triage"] == "emergency":
        assert result.triage.level is TriageLevel.EMERGENCY
