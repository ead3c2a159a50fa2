"""The report of a kept assessment as a PDF (reportlab), from the kept result only."""

from __future__ import annotations

import math
from io import BytesIO
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from hipdx.web.rendering import (
    STAGE_NAMES,
    TRIAGE_ADVICE,
    TRIAGE_LABELS,
    citations,
    evidence_value,
    percent,
)
from hipdx.web.report import Report
from hipdx.web.schemas import AssessmentPublic

SHOWN = 10
TRIAGE_COLOURS = {
    "emergency": colors.HexColor("#b00020"),
    "urgent": colors.HexColor("#8a4b00"),
    "routine": colors.HexColor("#0b4f8a"),
    "self_care": colors.HexColor("#1b5e20"),
}
_FONTS: tuple[str, str] | None = None


def _fonts() -> tuple[str, str]:
    """Bitstream Vera (shipped with reportlab) covers more than Latin-1; fall back to Helvetica."""
    global _FONTS
    if _FONTS is None:
        try:
            pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
            pdfmetrics.registerFont(TTFont("VeraBd", "VeraBd.ttf"))
            pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="VeraBd")
            _FONTS = ("Vera", "VeraBd")
        except Exception:  # a stripped reportlab without its fonts
            _FONTS = ("Helvetica", "Helvetica-Bold")
    return _FONTS


def _styles() -> StyleSheet1:
    regular, bold = _fonts()
    styles = getSampleStyleSheet()
    for name in ("Normal", "BodyText"):
        styles[name].fontName = regular
    for name in ("Title", "Heading1", "Heading2", "Heading3"):
        styles[name].fontName = bold
    styles.add(
        ParagraphStyle("Small", parent=styles["Normal"], fontSize=8, leading=10, alignment=TA_LEFT)
    )
    styles.add(ParagraphStyle("Cell", parent=styles["Normal"], fontSize=8.5, leading=10.5))
    return styles


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _cite(sources: tuple[str, ...] | list[str], numbers: dict[str, int]) -> str:
    marks = "".join(f"[{n}]" for n, _ in citations(sources, numbers))
    return f" {marks}" if marks else ""


def _table(rows: list[list[Flowable]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#9aa5b1")),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _differential(report: Report, styles: StyleSheet1, width: float) -> list[Flowable]:
    numbers = report.source_numbers()
    cell = styles["Cell"]
    rows: list[list[Flowable]] = [
        [_p("Condition", cell), _p("Probability", cell), _p("For / against", cell)]
    ]
    for ranked in report.assessment.ranking[:SHOWN]:
        why = ""
        if ranked.explanation is not None:
            parts = []
            for sign, items in (
                ("+", ranked.explanation.supporting),
                ("-", ranked.explanation.opposing),
            ):
                for c in items[:4]:
                    parts.append(
                        f"{sign} {report.finding_label(c.item)}: "
                        f"{evidence_value(c.item, c.value)} "
                        f"(LR {math.exp(c.log_lr):.2g}){_cite(c.sources, numbers)}"
                    )
            why = "; ".join(parts)
        rows.append(
            [_p(ranked.name, cell), _p(percent(ranked.probability), cell), _p(why or "-", cell)]
        )
    return [_table(rows, [0.32 * width, 0.12 * width, 0.56 * width])]


def render_pdf(public: AssessmentPublic) -> bytes:
    """The printable report: triage, differential, tests, workup, stepped management, sources."""
    report = public.report
    a = report.assessment
    numbers = report.source_numbers()
    styles = _styles()
    body, small, cell = styles["BodyText"], styles["Small"], styles["Cell"]
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title="hipdx assessment report",
        author="hipdx",
        subject="Decision support, not a diagnosis",
    )
    width = document.width
    level = a.triage.level.value
    story: list[Flowable] = [
        _p("hipdx assessment report", styles["Title"]),
        _p(
            f"{public.created_at:%Y-%m-%d %H:%M} UTC | by {public.actor} | id {public.id} | "
            f"knowledge base {public.kb_version}",
            small,
        ),
        Spacer(1, 4 * mm),
        _p(a.disclaimer, small),
        Spacer(1, 4 * mm),
    ]
    triage_style = ParagraphStyle(
        "Triage", parent=styles["Heading2"], textColor=TRIAGE_COLOURS.get(level, colors.black)
    )
    story.append(
        _p(
            f"Triage: {TRIAGE_LABELS[a.triage.level]}. {TRIAGE_ADVICE[a.triage.level]}",
            triage_style,
        )
    )
    notices = report.red_flag_notices()
    if notices:
        names = "; ".join(n["name"] for n in notices)
        story.append(_p(f"Warning signs: {names}.", triage_style))
    for reason in a.triage.reasons:
        story.append(
            Paragraph(
                f"<b>{escape(TRIAGE_LABELS[reason.level])}</b>: {escape(reason.patient)}<br/>"
                f"<font size=8>Clinician: {escape(reason.clinician)}"
                f"{_cite(reason.sources, numbers)}</font>",
                body,
            )
        )
    story += [_p("Possible causes", styles["Heading2"]), *_differential(report, styles, width)]
    if a.suggested_tests:
        story.append(_p("Examination tests worth doing next", styles["Heading2"]))
        for t in a.suggested_tests:
            story.append(_p(f"{t.label}: {t.clinician}", body))
    story.append(_p("Tests and investigations", styles["Heading2"]))
    rows: list[list[Flowable]] = [
        [_p("Priority", cell), _p("For you", cell), _p("For your clinician", cell)]
    ]
    for item in a.plan.workup:
        note = f" When: {item.condition_note}." if item.condition_note else ""
        rows.append(
            [
                _p(str(item.order), cell),
                _p(item.patient, cell),
                _p(f"{item.clinician}{note}{_cite(item.sources, numbers)}", cell),
            ]
        )
    story.append(_table(rows, [0.1 * width, 0.4 * width, 0.5 * width]))
    story.append(_p("Step-by-step management", styles["Heading2"]))
    for step_number, (stage, steps) in enumerate(
        groupby(a.plan.management, key=lambda s: s.order), start=1
    ):
        rows = [[_p("For you", cell), _p("For your clinician", cell)]]
        for step in steps:
            note = f" Move on when: {step.condition_note}." if step.condition_note else ""
            rows.append(
                [
                    _p(step.patient, cell),
                    _p(f"{step.clinician}{note}{_cite(step.sources, numbers)}", cell),
                ]
            )
        heading = _p(
            f"Step {step_number}: {STAGE_NAMES.get(stage, f'Stage {stage}')}", styles["Heading3"]
        )
        story.append(KeepTogether([heading, _table(rows, [0.45 * width, 0.55 * width])]))
    story.append(_p("Sources", styles["Heading2"]))
    for source_id, number in numbers.items():
        source = report.sources[source_id]
        section = f" ({source.section})" if source.section else ""
        url = f" {source.url}" if source.url else ""
        story.append(_p(f"[{number}] {source.citation}{section}{url}", small))
    document.build(story)
    return buffer.getvalue()
