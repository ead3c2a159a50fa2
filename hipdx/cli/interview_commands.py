"""Commands over the adaptive interview: `interview` (interactive) and `simulate` (synthetic)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn
from rich.table import Table

from hipdx.assessment import Assessor, default_assessor
from hipdx.cli.app import console, handle_errors, main
from hipdx.cli.interview_view import render_question, render_red_flags, render_snapshot
from hipdx.cli.render import render_assessment
from hipdx.cli.simulation_report import plot_curves, summary_table, target_lines
from hipdx.errors import InputError
from hipdx.evaluation.cases import Case
from hipdx.interview.bank import Mode
from hipdx.interview.questions import Question, QuestionKind
from hipdx.interview.session import (
    InterviewSession,
    answer,
    answer_checklist,
    answer_location,
    start,
)
from hipdx.interview.simulate import simulate as run_simulation
from hipdx.interview.snapshot import snapshot
from hipdx.interview.steps import Stop, next_step
from hipdx.types import Answer, Sex

ANSWERS = {
    "y": Answer.YES,
    "yes": Answer.YES,
    "n": Answer.NO,
    "no": Answer.NO,
    "?": Answer.UNKNOWN,
    "dk": Answer.UNKNOWN,
    "u": Answer.UNKNOWN,
    "unknown": Answer.UNKNOWN,
    "don't know": Answer.UNKNOWN,
}
SEXES = {"f": Sex.FEMALE, "female": Sex.FEMALE, "m": Sex.MALE, "male": Sex.MALE}
NONE_OF_THESE = {"0", "n", "no", "none"}
NOT_SURE = {"?", "dk", "u", "unknown"}


def _ask_age() -> int | None:
    while True:
        raw = click.prompt("Age in years (Enter to skip)", default="", show_default=False)
        if not raw.strip():
            return None
        if raw.strip().isdigit() and 0 <= int(raw) <= 120:
            return int(raw)
        click.echo("Please type a whole number from 0 to 120, or press Enter.")


def _ask_sex() -> Sex | None:
    while True:
        raw = click.prompt("Sex: f or m (Enter to skip)", default="", show_default=False)
        if not raw.strip():
            return None
        if raw.strip().lower() in SEXES:
            return SEXES[raw.strip().lower()]
        click.echo("Please type f or m, or press Enter.")


def _ask_zones(question: Question) -> list[int]:
    count = len(question.zones)
    while True:
        raw = click.prompt(
            "Areas (numbers separated by spaces; Enter for none)", default="", show_default=False
        )
        parts = raw.replace(",", " ").split()
        if all(p.isdigit() and 1 <= int(p) <= count for p in parts):
            return sorted({int(p) - 1 for p in parts})
        click.echo(f"Please type numbers from 1 to {count}, separated by spaces.")


def _ask_ticks(question: Question) -> tuple[list[str], bool]:
    """The items ticked on a tick list (numbered across its sections) and whether "not sure"."""
    items = question.items
    while True:
        raw = click.prompt(
            "Numbers of those that apply (e.g. 1 3); n for none of these; add ? if not sure",
            default="",
            show_default=False,
        )
        parts = raw.replace(",", " ").lower().split()
        unsure = any(p in NOT_SURE for p in parts)
        numbers = [p for p in parts if p not in NOT_SURE]
        if numbers and all(p in NONE_OF_THESE for p in numbers) and not unsure:
            return [], False
        if (numbers or unsure) and all(p.isdigit() and 1 <= int(p) <= len(items) for p in numbers):
            return [items[int(p) - 1] for p in numbers], unsure
        click.echo(
            f"Please type the numbers (1 to {len(items)}) of those that apply, n for none of "
            "these, or ? if you are not sure."
        )


def _ask_answer() -> Answer:
    while True:
        raw = click.prompt("Answer y / n / ? (don't know)").strip().lower()
        if raw in ANSWERS:
            return ANSWERS[raw]
        click.echo("Please type y, n or ?.")


def _save(path: Path, session: InterviewSession, stop: Stop) -> None:
    setting = stop.assessment.setting
    case = Case(
        id=path.stem,
        age=session.age,
        sex=session.sex,
        answers=dict(session.answers),
        source=f"hipdx interview ({session.mode.value} mode, setting {setting})",
        notes=f"Stopped after {stop.questions_asked} questions: {stop.message} "
        f"Re-run with: hipdx assess --setting {setting} {path.name}",
    )
    path.write_text(case.model_dump_json(indent=2, exclude_none=True) + "\n", encoding="utf-8")


def _conduct(
    out: Console, assessor: Assessor, session: InterviewSession
) -> tuple[InterviewSession, Stop]:
    mode, kb = session.mode, assessor.kb
    shown_flags: list[str] = []
    while True:
        step = next_step(assessor, session)
        if isinstance(step, Stop):
            return session, step
        out.print()
        out.print(render_question(step, mode))
        if step.kind is QuestionKind.LOCATION:
            chosen = _ask_zones(step)
            session = answer_location(kb, session, [step.zones[i].zone for i in chosen])
        elif step.kind is QuestionKind.CHECKLIST:
            ticked, unsure = _ask_ticks(step)
            sections = [s.id for s in step.sections]
            session = answer_checklist(kb, session, sections, ticked, sections if unsure else [])
        else:
            assert step.finding is not None
            session = answer(session, step.finding, _ask_answer())
        snap = snapshot(assessor, session)
        new_flags = [f for f in snap.triage.red_flags if f not in shown_flags]
        if new_flags:
            shown_flags.extend(new_flags)
            out.print(render_red_flags(kb, snap, new_flags, mode))
        out.print(render_snapshot(snap))


@main.command()
@click.option("--clinician", is_flag=True, help="Clinician mode: adds examination tests.")
@click.option("--setting", default=None, help="Care setting for the priors (default from the KB).")
@click.option(
    "--save",
    "save_path",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write the answers as a case file that `hipdx assess` re-runs.",
)
@handle_errors
def interview(clinician: bool, setting: str | None, save_path: Path | None) -> None:
    """Interactive interview: asks the most useful next question until it is sure enough.

    Answer y (yes), n (no) or ? (don't know); on a list, type the numbers of those that apply,
    n for none of these, or add ? if not sure. Ctrl-C or Ctrl-D ends the interview.
    """
    mode = Mode.CLINICIAN if clinician else Mode.PATIENT
    assessor = default_assessor()
    assessor.model.setting_index(setting)
    out = console()
    out.print(
        f"[bold]hipdx interview[/] ({mode.value} mode). Decision support, not a diagnosis. "
        "Answer y, n or ? (don't know); on a list, the numbers of those that apply or n for none. "
        "Ctrl-C or Ctrl-D ends the interview."
    )
    try:
        session = start(mode, setting=setting, age=_ask_age(), sex=_ask_sex())
        session, stop = _conduct(out, assessor, session)
    except click.exceptions.Abort:
        out.print("\nInterview ended; nothing saved.")
        return
    out.print(
        f"\n[bold]Interview complete[/] after {stop.questions_asked} questions: {stop.message}"
    )
    out.print(render_assessment(stop.assessment, assessor.kb))
    if save_path is not None:
        _save(save_path, session, stop)
        out.print(f"Saved the case to {save_path}; re-run it with `hipdx assess {save_path}`.")


@main.command()
@click.option("--n", "count", type=click.IntRange(min=1), default=10_000, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the cohort.")
@click.option(
    "--plots",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the accuracy-vs-questions PNG.",
)
@click.option(
    "--mode",
    type=click.Choice([m.value for m in Mode]),
    default=Mode.PATIENT.value,
    show_default=True,
)
@click.option("--setting", default=None, help="Care setting for the priors (default from the KB).")
@handle_errors
def simulate(count: int, seed: int, plots: Path | None, mode: str, setting: str | None) -> None:
    """Simulate interviews of synthetic patients drawn from the knowledge base.

    Reports top-1 / top-3 accuracy and questions asked for the engine and two baselines (every
    question in a fixed order; random order under the engine's stop rule).
    """
    if seed < 0:
        raise InputError("the seed must be 0 or more")
    assessor = default_assessor()
    out = console()
    progress = Progress(
        TextColumn("{task.description:<16}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=out,
        disable=not out.is_terminal,
    )
    tasks: dict[str, TaskID] = {}

    def advance(name: str, finished: int) -> None:
        if name not in tasks:
            tasks[name] = progress.add_task(name, total=count)
        progress.update(tasks[name], completed=finished)

    with progress:
        report = run_simulation(
            assessor.kb,
            assessor.model,
            mode=Mode(mode),
            n=count,
            seed=seed,
            setting=setting,
            progress=advance,
        )
    table: Table = summary_table(report)
    out.print(table)
    for line in target_lines(report):
        out.print(line)
    if plots is not None:
        plots.mkdir(parents=True, exist_ok=True)
        path = plots / f"interview_{report.mode.value}_{report.setting}.png"
        plot_curves(report, path)
        out.print(f"Wrote {path}")
