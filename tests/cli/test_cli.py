"""The command line: reports, JSON predictions, and clean exit-2 errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from hipdx.cli import main

CASE = {
    "id": "cli-1",
    "age": 41,
    "sex": "female",
    "answers": {
        "pain_perineum": "yes",
        "worse_sitting": "yes",
        "relief_standing_lying": "yes",
        "cycling": "yes",
        "pain_below_knee": "no",
        "night_pain": "no",
    },
}


def write(tmp_path: Path, content: object, name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return path


def test_assess_prints_a_report_with_disclaimer(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["assess", str(write(tmp_path, CASE))])
    assert result.exit_code == 0, result.output
    assert "TRIAGE" in result.output and "Differential" in result.output
    assert "Pudendal neuralgia" in result.output
    assert "not a diagnosis" in result.output


def test_assess_json_is_the_prediction_format(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["assess", "--json", str(write(tmp_path, CASE))])
    assert result.exit_code == 0, result.output
    prediction = json.loads(result.output)
    assert prediction["id"] == "cli-1"
    assert prediction["ranking"][0]["condition"] == "pudendal_neuralgia"
    assert sum(r["probability"] for r in prediction["ranking"]) == pytest.approx(1, abs=1e-6)
    assert prediction["triage"] in {"emergency", "urgent", "routine", "self_care"}
    assert prediction["red_flags"] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({**CASE, "answers": {"bogus_finding": "yes"}}, "unknown finding id 'bogus_finding'"),
        ({**CASE, "answers": {"worse_sitting": "maybe"}}, "answers.worse_sitting"),
        ({**CASE, "age": 150}, "field 'age'"),
        ({**CASE, "sex": "x"}, "field 'sex'"),
        ({"id": "empty"}, "needs `text` or `answers`"),
        ('{"id": "broken", ', "not valid JSON"),
        ("[1, 2]", "Input should be a valid dictionary"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(
    tmp_path: Path, content: object, message: str
) -> None:
    result = CliRunner().invoke(main, ["assess", str(write(tmp_path, content))])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["assess", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_unknown_setting_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["assess", "--setting", "mars", str(write(tmp_path, CASE))])
    assert result.exit_code == 2
    assert "unknown setting 'mars'" in result.output


def test_listing_commands() -> None:
    runner = CliRunner()
    conditions = runner.invoke(main, ["conditions"])
    assert conditions.exit_code == 0 and "cauda_equina_syndrome" in conditions.output
    exams = runner.invoke(main, ["findings", "--kind", "exam"])
    assert exams.exit_code == 0 and "slr_positive" in exams.output
    assert "pain_perineum" not in exams.output


def test_explain_shows_links_with_sources() -> None:
    result = CliRunner().invoke(main, ["explain", "pudendal_neuralgia"])
    assert result.exit_code == 0
    assert "pain_perineum" in result.output and "lit_labat2008" in result.output


def test_explain_unknown_condition_exits_2() -> None:
    result = CliRunner().invoke(main, ["explain", "gout"])
    assert result.exit_code == 2 and "unknown condition 'gout'" in result.output


def test_kb_check_summarises() -> None:
    result = CliRunner().invoke(main, ["kb", "check"])
    assert result.exit_code == 0
    summary = json.loads(result.output)
    assert summary["conditions"] >= 24 and summary["findings"] >= 80
