"""`hipdx interview` with scripted answers, `--save` re-run by `hipdx assess`, `hipdx simulate`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from hipdx.assessment import Assessor
from hipdx.cli import main
from hipdx.interview import Mode, Stop, answer_location, next_step, start
from hipdx.types import Answer, Sex, Zone
from tests.interview.helpers import reply

AGE, SEX, ZONES = 52, Sex.FEMALE, [Zone.SIT_BONE, Zone.POSTERIOR_THIGH]
SCRIPT = f"{AGE}\nf\n4 7\n" + "n\n" * 150


def expected_stop(assessor: Assessor, mode: Mode) -> Stop:
    """The same interview through the library: body map, then no to every question."""
    session = answer_location(assessor.kb, start(mode, age=AGE, sex=SEX), ZONES)
    while True:
        step = next_step(assessor, session)
        if isinstance(step, Stop):
            return step
        session = reply(assessor.kb, session, step, Answer.NO)


def test_interview_runs_to_a_report_and_saves_a_case(assessor: Assessor, tmp_path: Path) -> None:
    case = tmp_path / "mine.json"
    result = CliRunner().invoke(main, ["interview", "--save", str(case)], input=SCRIPT)
    assert result.exit_code == 0, result.output
    assert "Where do you feel the pain?" in result.output
    assert "Live differential" in result.output and "Why:" in result.output
    assert "Interview complete" in result.output and "TRIAGE" in result.output
    stop = expected_stop(assessor, Mode.PATIENT)
    assert f"after {stop.questions_asked} questions" in result.output

    saved = json.loads(case.read_text())
    assert saved["id"] == "mine" and saved["age"] == AGE and saved["sex"] == "female"
    assert saved["answers"]["pain_sit_bone"] == "yes"
    rerun = CliRunner().invoke(main, ["assess", "--json", str(case)])
    assert rerun.exit_code == 0, rerun.output
    ranking = [r["condition"] for r in json.loads(rerun.output)["ranking"]]
    assert ranking == [r.condition for r in stop.assessment.ranking]


def test_clinician_interview_names_examination_tests(assessor: Assessor) -> None:
    result = CliRunner().invoke(main, ["interview", "--clinician"], input=SCRIPT)
    assert result.exit_code == 0, result.output
    assert "Examination:" in result.output and "bits" in result.output
    stop = expected_stop(assessor, Mode.CLINICIAN)
    assert f"after {stop.questions_asked} questions" in result.output


def test_interview_reprompts_on_bad_input() -> None:
    script = "old\n40\nx\nf\n9\n1\n\n42\n" + "maybe\nn\n" * 150
    result = CliRunner().invoke(main, ["interview"], input=script)
    assert result.exit_code == 0, result.output
    assert "whole number" in result.output and "type f or m" in result.output
    assert "numbers from 1 to 8" in result.output and "type y, n or ?" in result.output
    assert "numbers (1 to" in result.output and "n for none of these" in result.output


def test_end_of_input_ends_the_interview_cleanly(tmp_path: Path) -> None:
    case = tmp_path / "never.json"
    for script in ("", "40\n", "40\nm\n3\nn\ny\n"):
        result = CliRunner().invoke(main, ["interview", "--save", str(case)], input=script)
        assert result.exit_code == 0, result.output
        assert "Interview ended" in result.output and "Traceback" not in result.output
    assert not case.exists()


def test_interview_unknown_setting_exits_2() -> None:
    result = CliRunner().invoke(main, ["interview", "--setting", "mars"], input=SCRIPT)
    assert result.exit_code == 2 and "unknown setting" in result.output


def test_simulate_is_reproducible_and_plots(tmp_path: Path) -> None:
    args = ["simulate", "--n", "200", "--seed", "9", "--plots", str(tmp_path / "plots")]
    first = CliRunner().invoke(main, args)
    again = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert first.output == again.output
    for text in ("engine", "every question, fixed order", "random order", "Top-1 within 2"):
        assert text in first.output
    png = tmp_path / "plots" / "interview_patient_primary_care.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_simulate_clinician_mode_and_bad_setting() -> None:
    result = CliRunner().invoke(main, ["simulate", "--n", "50", "--mode", "clinician"])
    assert result.exit_code == 0, result.output
    assert "clinician mode" in result.output
    bad = CliRunner().invoke(main, ["simulate", "--n", "50", "--setting", "mars"])
    assert bad.exit_code == 2
