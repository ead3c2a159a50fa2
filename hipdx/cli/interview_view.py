"""Rich renderings for the interactive interview: questions, the live differential, warnings."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hipdx.cli.render import TRIAGE_STYLE
from hipdx.interview.bank import Mode
from hipdx.interview.policy import Purpose
from hipdx.interview.questions import Question
from hipdx.interview.snapshot import Snapshot
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import RedFlagId

BAR_WIDTH = 30
PURPOSE_LABEL = {
    Purpose.LOCATION: "location",
    Purpose.FOLLOW_UP: "warning-sign follow-up",
    Purpose.SCREEN: "warning-sign check",
    Purpose.SETTLE: "warning-sign check",
    Purpose.DIAGNOSTIC: "diagnostic",
}


def render_question(question: Question, mode: Mode) -> RenderableType:
    """A numbered question with why it is asked (and, for clinicians, the finding's detail); a
    tick list shows its items numbered across its sections, then how to answer."""
    head = Text(f"Q{question.number} ", style="bold cyan")
    head.append(f"[{PURPOSE_LABEL[question.purpose]}] ", style="dim")
    head.append(question.text, style="bold")
    parts: list[RenderableType] = [head]
    if mode is Mode.CLINICIAN and question.detail:
        parts.append(Text(question.detail, style="italic"))
    parts.append(Text(f"Why: {question.reason}", style="dim"))
    number = 0
    for section in question.sections:
        parts.append(Text(section.title, style="bold underline"))
        items = Table.grid(padding=(0, 1))
        for item in section.items:
            number += 1
            text = (
                item.text
                if mode is Mode.PATIENT or not item.detail
                else f"{item.text}: {item.detail}"
            )
            items.add_row(f"[bold]{number}[/]", Text(text))
        parts.append(items)
    if question.hint:
        parts.append(Text(question.hint, style="italic"))
    if question.zones:
        zones = Table.grid(padding=(0, 1))
        for number, choice in enumerate(question.zones, start=1):
            wording = choice.text if mode is Mode.PATIENT else choice.label
            title = choice.zone.value.replace("_", " ")
            zones.add_row(f"[bold]{number}[/]", f"[bold]{title}[/]", wording)
        parts.append(zones)
    return Group(*parts)


def render_snapshot(snap: Snapshot) -> RenderableType:
    """The live top-5 differential as bars, and how sure the engine is."""
    table = Table(show_header=False, box=None, padding=(0, 1))
    for item in snap.leading:
        bar = "█" * round(item.probability * BAR_WIDTH)
        table.add_row(item.name, f"[green]{bar:<{BAR_WIDTH}}[/]", f"{item.probability:6.1%}")
    leader = snap.leading[0]
    sure = Text(
        f"Leading: {leader.name} at {snap.confidence:.0%}; the interview may stop at "
        f"{snap.target:.0%}. Questions so far: {snap.questions_asked}.",
        style="dim",
    )
    return Panel(Group(table, sure), title="Live differential", title_align="left")


def render_red_flags(
    kb: KnowledgeBase, snap: Snapshot, flags: list[RedFlagId], mode: Mode
) -> RenderableType:
    """The triage banner shown as soon as a red flag fires."""
    level = snap.triage.level
    lines: list[RenderableType] = [
        Text(f" TRIAGE: {level.value.upper()} ", style=TRIAGE_STYLE[level])
    ]
    for flag_id in flags:
        flag = kb.red_flags[flag_id]
        reason = flag.reason_patient if mode is Mode.PATIENT else flag.reason_clinician
        lines.append(Text(f"{flag.name}: {reason}"))
    return Panel(Group(*lines), title="Warning sign", border_style="red", title_align="left")
