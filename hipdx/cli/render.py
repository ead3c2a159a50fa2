"""Rich renderings of an assessment and of knowledge-base listings for the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hipdx.assessment import Assessment
from hipdx.engine.explain import Contribution
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import TriageLevel

if TYPE_CHECKING:
    from hipdx.nlp import TextFinding

TRIAGE_STYLE = {
    TriageLevel.EMERGENCY: "bold white on red",
    TriageLevel.URGENT: "bold black on yellow",
    TriageLevel.ROUTINE: "bold white on blue",
    TriageLevel.SELF_CARE: "bold black on green",
}
RANKED_SHOWN = 8


def _label(kb: KnowledgeBase, item: str) -> str:
    finding = kb.findings.get(item)
    return finding.label if finding else item.capitalize()


def _contributions(kb: KnowledgeBase, items: tuple[Contribution, ...], limit: int = 5) -> str:
    return (
        "; ".join(
            f"{_label(kb, c.item)} = {c.value} (LR {2.718281828**c.log_lr:.2g}, "
            f"{', '.join(c.sources)})"
            for c in items[:limit]
        )
        or "-"
    )


def render_assessment(
    assessment: Assessment, kb: KnowledgeBase, read_from_text: tuple[TextFinding, ...] = ()
) -> RenderableType:
    """The full report: triage, differential with reasons, next tests, workup, management,
    and (when the case had text) the findings read from it."""
    triage = assessment.triage
    banner = Text(f" TRIAGE: {triage.level.value.upper()} ", style=TRIAGE_STYLE[triage.level])
    reasons = Table.grid(padding=(0, 1))
    for reason in triage.reasons:
        reasons.add_row(f"[{reason.level.value}]", reason.clinician)

    ranking = Table(title="Differential", show_lines=False, expand=True)
    ranking.add_column("#", justify="right")
    ranking.add_column("Condition")
    ranking.add_column("P", justify="right")
    ranking.add_column("For / against (likelihood ratio, source)", ratio=3)
    for position, ranked in enumerate(assessment.ranking[:RANKED_SHOWN], start=1):
        why = ""
        if ranked.explanation is not None:
            why = (
                f"[green]+[/] {_contributions(kb, ranked.explanation.supporting)}\n"
                f"[red]-[/] {_contributions(kb, ranked.explanation.opposing)}"
            )
        ranking.add_row(str(position), ranked.name, f"{ranked.probability:.1%}", why)

    tests = Table(title="Examination tests that would best separate the leading conditions")
    tests.add_column("Test")
    tests.add_column("Separates")
    tests.add_column("Gain (bits)", justify="right")
    for test in assessment.suggested_tests:
        tests.add_row(
            test.label,
            " vs ".join(kb.conditions[c].name for c in test.separates),
            f"{test.information_gain_bits:.2f}",
        )

    plan = Table(title="Plan", expand=True)
    plan.add_column("Step")
    plan.add_column("Clinician", ratio=2)
    plan.add_column("Patient", ratio=2)
    for item in (*assessment.plan.workup, *assessment.plan.management):
        step = f"{item.section} {item.order}: {item.kind}"
        note = f"\n[dim]{item.condition_note}[/]" if item.condition_note else ""
        plan.add_row(step, item.clinician + note, item.patient)

    read = Table(title="Read from the text")
    read.add_column("Finding")
    read.add_column("Value")
    read.add_column("Words")
    for found in read_from_text:
        read.add_row(_label(kb, found.finding), found.value.value, found.text)

    return Group(
        *([read] if read_from_text else []),
        banner,
        reasons,
        ranking,
        tests,
        plan,
        Panel(assessment.disclaimer, title="Decision support, not a diagnosis"),
        Text(f"knowledge base {assessment.kb_version}, setting {assessment.setting}", style="dim"),
    )
