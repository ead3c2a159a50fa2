"""Commands for other systems: `kb export` (Bayesian network files) and `batch` (cohort scoring)."""

from __future__ import annotations

from pathlib import Path

import click

from hipdx.assessment import default_assessor
from hipdx.cli.app import handle_errors, main
from hipdx.cli.kb_commands import kb
from hipdx.interop.bn_export import FORMATS, export_network


@kb.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="xmlbif", show_default=True)
@click.option("--setting", default=None, help="Care setting whose priors the Condition node gets.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@handle_errors
def kb_export(fmt: str, setting: str | None, output: Path | None) -> None:
    """Export the model as a Bayesian network (XMLBIF 0.3 or BIF) for pgmpy, GeNIe, bnlearn..."""
    text = export_network(default_assessor().model, fmt, setting)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


@main.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("target", type=click.Path(dir_okay=True, path_type=Path))
@click.option("--setting", default=None, help="Care setting for the priors (default from the KB).")
@click.option("--chunk-rows", type=click.IntRange(min=1), default=100_000, show_default=True)
@click.option("--dask", "dask_address", default=None, help="Run on the Dask scheduler at ADDRESS.")
@click.option(
    "--all-probabilities", is_flag=True, help="Also write p_<condition> for every condition."
)
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: on a terminal)."
)
@handle_errors
def batch(
    source: Path,
    target: Path,
    setting: str | None,
    chunk_rows: int,
    dask_address: str | None,
    all_probabilities: bool,
    progress: bool | None,
) -> None:
    """Score a cohort: SOURCE (.csv or .parquet, one row per patient) into TARGET.

    Columns: finding ids (yes / no / unknown, true / false / blank) and optional id, age, sex.
    Each output row has the top 5 conditions with probabilities, the triage level and the red
    flags that fired (`;`-separated).
    """
    from hipdx.batch.run import score_file, score_file_dask
    from hipdx.batch.score import Scorer

    scorer = Scorer.from_assessor(default_assessor(), setting, all_probabilities)
    if dask_address:
        summary = score_file_dask(scorer, source, target, dask_address)
    else:
        summary = score_file(scorer, source, target, chunk_rows, progress)
    click.echo(f"scored {summary.rows} rows -> {summary.output}", err=True)
