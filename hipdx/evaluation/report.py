"""Render evaluation metrics for the terminal and as a history row for docs/."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.console import Group, RenderableType
from rich.table import Table

from hipdx.evaluation.metrics import Metrics

HISTORY_HEADER = (
    "| date | kb version | suite | cases | top-1 | top-3 | top-5 | red-flag sens | "
    "red-flag spec | triage exact | over | under | emergencies under | Brier |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def render_metrics(metrics: Metrics) -> RenderableType:
    """Summary table plus the per-condition table."""
    summary = Table(title=f"Evaluation of {metrics.cases} cases")
    summary.add_column("metric")
    summary.add_column("value", justify="right")
    for name, value in [
        ("top-1 accuracy", _pct(metrics.top1)),
        ("top-3 accuracy", _pct(metrics.top3)),
        ("top-5 accuracy", _pct(metrics.top5)),
        ("red-flag sensitivity", _pct(metrics.red_flag_sensitivity)),
        ("red-flag specificity", _pct(metrics.red_flag_specificity)),
        ("triage exact agreement", _pct(metrics.triage_exact)),
        ("over-triage", _pct(metrics.over_triage)),
        ("under-triage", _pct(metrics.under_triage)),
        ("emergencies triaged below emergency", str(metrics.emergencies_under_triaged)),
        ("Brier score (top-1)", f"{metrics.brier_top1:.3f}"),
    ]:
        summary.add_row(name, value)
    per = Table(title="Per condition")
    for column in ("condition", "cases", "top-1", "top-3", "mean rank"):
        per.add_column(column, justify="left" if column == "condition" else "right")
    for row in metrics.per_condition:
        per.add_row(
            row.condition, str(row.cases), _pct(row.top1), _pct(row.top3), f"{row.mean_rank:.1f}"
        )
    return Group(summary, per)


def append_history(metrics: Metrics, path: Path, kb_version: str, suite: str) -> None:
    """Append one row to the markdown history table at `path` (created with a header)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "# Evaluation history\n\nOne row per recorded run of `hipdx evaluate "
            "--history`.\n\n" + HISTORY_HEADER,
            encoding="utf-8",
        )
    row = (
        f"| {date.today().isoformat()} | {kb_version} | {suite} | {metrics.cases} | "
        f"{_pct(metrics.top1)} | {_pct(metrics.top3)} | {_pct(metrics.top5)} | "
        f"{_pct(metrics.red_flag_sensitivity)} | {_pct(metrics.red_flag_specificity)} | "
        f"{_pct(metrics.triage_exact)} | {_pct(metrics.over_triage)} | "
        f"{_pct(metrics.under_triage)} | {metrics.emergencies_under_triaged} | "
        f"{metrics.brier_top1:.3f} |\n"
    )
    with path.open("a", encoding="utf-8") as handle:
        handle.write(row)
