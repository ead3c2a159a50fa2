"""Commands over one case and the knowledge base: assess, conditions, findings, explain, kb."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.table import Table

from hipdx.assessment import default_assessor
from hipdx.cli.app import UserError, console, handle_errors, main
from hipdx.cli.render import render_assessment
from hipdx.errors import InputError
from hipdx.evaluation.cases import Case, read_case
from hipdx.evaluation.run import assess_case, to_prediction
from hipdx.types import FindingKind


@main.command()
@click.argument(
    "case_file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--text", default=None, help="Assess this free text (a note or the patient's words).")
@click.option("--json", "as_json", is_flag=True, help="Print the prediction line of FORMAT.md.")
@click.option("--setting", default=None, help="Care setting for the priors (default from the KB).")
@handle_errors
def assess(case_file: Path | None, text: str | None, as_json: bool, setting: str | None) -> None:
    """Assess the case in CASE_FILE (benchmark case format) or the free text given by --text."""
    if (case_file is None) == (text is None):
        raise UserError("give either CASE_FILE or --text")
    case = read_case(case_file) if case_file is not None else Case(id="text", text=text)
    assessor = default_assessor()
    intake, assessment = assess_case(assessor, case, setting)
    if as_json:
        click.echo(to_prediction(case.id, assessment, intake).model_dump_json())
        return
    console().print(render_assessment(assessment, assessor.kb, intake.read_from_text))


@main.command()
@handle_errors
def conditions() -> None:
    """List the conditions hipdx ranks."""
    kb = default_assessor().kb
    setting = kb.demographics.default_setting
    table = Table(title=f"Conditions (priors: {setting})")
    for column in ("id", "name", "triage when suspected", "prior"):
        table.add_column(column)
    for c in kb.conditions.values():
        table.add_row(c.id, c.name, c.triage_when_suspected.value, f"{c.priors[setting].value:.3f}")
    console().print(table)


@main.command()
@click.option(
    "--kind",
    type=click.Choice([k.value for k in FindingKind]),
    default=None,
    help="Only findings of this kind.",
)
@handle_errors
def findings(kind: str | None) -> None:
    """List the findings (questions, tests, results) hipdx understands."""
    kb = default_assessor().kb
    table = Table(title="Findings")
    for column in ("id", "kind", "zone", "label"):
        table.add_column(column)
    for f in kb.findings.values():
        if kind is None or f.kind.value == kind:
            table.add_row(f.id, f.kind.value, f.zone.value if f.zone else "", f.label)
    console().print(table)


@main.command()
@click.argument("condition")
@handle_errors
def explain(condition: str) -> None:
    """Show what the knowledge base says about CONDITION, with citations."""
    kb = default_assessor().kb
    if condition not in kb.conditions:
        raise InputError(f"unknown condition {condition!r}; see `hipdx conditions`")
    c = kb.conditions[condition]
    out = console()
    out.print(f"[bold]{c.name}[/] ({c.id})\n{c.description_clinician}\n")
    out.print("Priors: " + ", ".join(f"{s} {p.value:.3f}" for s, p in c.priors.items()))
    table = Table(title="Evidence links: P(finding | condition) vs background")
    for column in ("finding", "P(yes|c)", "background", "LR+", "LR-", "basis", "sources"):
        table.add_column(column)
    for link in sorted(c.evidence, key=lambda k: -k.p / kb.findings[k.finding].background):
        background = kb.findings[link.finding].background
        table.add_row(
            link.finding,
            f"{link.p:.3f}",
            f"{background:.3f}",
            f"{link.p / background:.2f}",
            f"{(1 - link.p) / (1 - background):.2f}",
            link.basis.value,
            ", ".join(link.sources),
        )
    out.print(table)


@main.group()
def kb() -> None:
    """Knowledge-base commands."""


@kb.command("check")
@handle_errors
def kb_check() -> None:
    """Load and validate the whole knowledge base; exit 1 on any problem."""
    assessor = default_assessor()
    k = assessor.kb
    links = sum(len(c.evidence) for c in k.conditions.values())
    summary = {
        "version": k.version,
        "conditions": len(k.conditions),
        "findings": len(k.findings),
        "evidence_links": links,
        "red_flags": len(k.red_flags),
        "plans": len(k.plans),
        "sources": len(k.sources),
    }
    click.echo(json.dumps(summary, indent=2))
