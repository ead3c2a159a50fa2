"""`hipdx evaluate`: run a case suite, write predictions, print and record the metrics."""

from __future__ import annotations

from pathlib import Path

import click
from rich.progress import Progress

from hipdx.assessment import default_assessor
from hipdx.cli.app import console, handle_errors, main
from hipdx.evaluation.cases import iter_cases
from hipdx.evaluation.metrics import compute_metrics
from hipdx.evaluation.report import append_history, render_metrics
from hipdx.evaluation.run import predict


@main.command()
@click.argument("cases_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--predictions",
    "predictions_file",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write one prediction per line (JSON Lines).",
)
@click.option(
    "--plots",
    "plots_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for confusion_matrix.png and reliability.png.",
)
@click.option("--setting", default=None, help="Care setting for the priors (default from the KB).")
@click.option(
    "--history",
    "history_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Append a row of the figures to this markdown table.",
)
@handle_errors
def evaluate(
    cases_file: Path,
    predictions_file: Path,
    plots_dir: Path | None,
    setting: str | None,
    history_file: Path | None,
) -> None:
    """Assess every case in CASES_FILE and compare with its labels."""
    cases = list(iter_cases(cases_file))
    assessor = default_assessor()
    predictions = []
    with Progress(console=console(), transient=True) as progress:
        task = progress.add_task("assessing", total=len(cases))
        for prediction in predict(assessor, cases, setting, lambda: progress.advance(task)):
            predictions.append(prediction)
    predictions_file.parent.mkdir(parents=True, exist_ok=True)
    predictions_file.write_text(
        "".join(p.model_dump_json() + "\n" for p in predictions), encoding="utf-8"
    )
    metrics = compute_metrics(cases, predictions)
    out = console()
    out.print(render_metrics(metrics))
    if plots_dir is not None:
        from hipdx.evaluation.plots import write_plots  # matplotlib only when asked for

        for path in write_plots(metrics, plots_dir, list(assessor.model.condition_ids)):
            out.print(f"wrote {path}")
    if history_file is not None:
        append_history(metrics, history_file, assessor.kb.version, cases_file.name)
        out.print(f"recorded in {history_file}")
