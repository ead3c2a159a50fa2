"""Simulation output: the summary table, the issue's targets, and the accuracy-vs-questions PNG."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from rich.table import Table

from hipdx.interview.simulate import TARGET_QUESTIONS, SimulationReport, check_targets

LABELS = {
    "engine": "engine (information gain)",
    "all_fixed_order": "every question, fixed order",
    "random_order": "random order",
}


def summary_table(report: SimulationReport) -> Table:
    """One row per run: accuracy, questions asked (red-flag screen questions, screen tick lists
    and diagnostic checklists among them; items read, a tick list counting each item it shows),
    red-flag safety (screen-covered and examination-only flags), why interviews stopped."""
    table = Table(
        title=f"Interview simulation: {report.mode.value} mode, {report.setting}, "
        f"n={report.n:,}, seed={report.seed}"
    )
    columns = (
        "run",
        "top-1",
        "top-3",
        "median Q",
        "p90 Q",
        "screen Q",
        "screen lists",
        "checklists",
        "items read",
        "red flag asked",
        "exam red flag",
    )
    for column in columns:
        if column == "run":
            table.add_column(column, no_wrap=True)
        else:
            table.add_column(column, justify="right")
    table.add_column("stopped because")
    for run in report.runs:
        stops = ", ".join(f"{r.value} {c}" for r, c in run.stop_counts().items() if c)
        table.add_row(
            LABELS.get(run.name, run.name),
            f"{run.top1:.1%}",
            f"{run.top3:.1%}",
            f"{run.median_questions:g}",
            f"{run.p90_questions:g}",
            f"{np.median(run.screen_questions):g}",
            f"{np.median(run.group_questions):g}",
            f"{np.median(run.checklist_questions):g}",
            f"{np.median(run.items):g}",
            f"{run.red_flag_share:.1%} of {int(run.red_flag_case.sum())}",
            f"{run.exam_flag_share:.1%} of {int(run.exam_flag_case.sum())}"
            if run.exam_flag_case.any()
            else "-",
            stops,
        )
    return table


def target_lines(report: SimulationReport) -> list[str]:
    """The issue's targets, each with met / not met."""
    check = check_targets(report)

    def mark(met: bool) -> str:
        return "met" if met else "NOT met"

    return [
        f"Top-1 within 2 points of asking every question: {check.gap * 100:+.1f} points "
        f"behind ({mark(check.accuracy_met)}).",
        f"Median questions <= {TARGET_QUESTIONS}: {check.median_questions:g} in all "
        f"({mark(check.questions_met)}); {check.median_beyond_screen:g} beyond the red-flag "
        f"screen ({mark(check.beyond_screen_met)}).",
        f"Red-flag patients closed with the red flag asked: {check.red_flag_share:.1%} "
        f"({mark(check.red_flags_met)}).",
    ]


def plot_curves(report: SimulationReport, path: Path) -> None:
    """Top-1 and top-3 accuracy against questions asked, one colour per run, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(8, 5), dpi=120)
    for run, colour in zip(report.runs, ("tab:blue", "tab:grey", "tab:orange"), strict=False):
        questions = np.arange(len(run.top1_curve))
        label = LABELS.get(run.name, run.name)
        axis.plot(questions, run.top1_curve, color=colour, label=f"{label}: top-1")
        axis.plot(questions, run.top3_curve, color=colour, linestyle="--", label=f"{label}: top-3")
        axis.plot(run.median_questions, run.top1, "o", color=colour)
    axis.set_xlabel("questions asked (body map = 1; a stopped interview keeps its answer)")
    axis.set_ylabel("accuracy")
    axis.set_ylim(0, 1)
    axis.grid(alpha=0.3)
    axis.set_title(
        f"hipdx interview, {report.mode.value} mode, {report.setting}, n={report.n:,}, "
        f"seed={report.seed}\n(dots: final top-1 at the median number of questions)",
        fontsize=10,
    )
    axis.legend(fontsize=8, loc="lower right")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
