"""The Jinja2 environment of the pages: templates from the package, filters and display labels."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from hipdx import __version__
from hipdx.types import FindingKind, TriageLevel, Zone
from hipdx.web import body_map
from hipdx.web.report import Report

TRIAGE_LABELS = {
    TriageLevel.EMERGENCY: "Emergency",
    TriageLevel.URGENT: "Urgent",
    TriageLevel.ROUTINE: "Routine",
    TriageLevel.SELF_CARE: "Self-care",
}
TRIAGE_ADVICE = {
    TriageLevel.EMERGENCY: "Go to an emergency department now.",
    TriageLevel.URGENT: "See a clinician urgently, within 24 hours.",
    TriageLevel.ROUTINE: "Book a routine appointment with a clinician.",
    TriageLevel.SELF_CARE: "Self-care is reasonable; see a clinician if it is not improving.",
}
ZONE_LABELS = {
    Zone.LOW_BACK: "Low back",
    Zone.SI_REGION: "Sacroiliac (SI) region",
    Zone.DEEP_BUTTOCK: "Deep in the buttock",
    Zone.SIT_BONE: "Sit bone",
    Zone.PERINEUM: "Between the legs (perineum)",
    Zone.LATERAL_HIP: "Outside of the hip",
    Zone.POSTERIOR_THIGH: "Back of the thigh",
    Zone.BELOW_KNEE: "Below the knee",
}
KIND_LABELS = {
    FindingKind.SYMPTOM: "Symptoms",
    FindingKind.HISTORY: "History",
    FindingKind.RISK_FACTOR: "Risk factors",
    FindingKind.EXAM: "Examination tests",
    FindingKind.INVESTIGATION: "Investigation results",
}
ANSWER_LABELS = {"yes": "Yes", "no": "No", "unknown": "Don't know"}
STAGE_NAMES = {
    0: "Act now",
    1: "Understand the problem and look after yourself",
    2: "Adjust activity and ease the pain",
    3: "Rehabilitation",
    4: "Injections",
    5: "Procedures",
    6: "Surgery",
}


def percent(value: float) -> str:
    """0.4167 -> '42%'; below 1% shows '<1%'."""
    return "<1%" if 0 < value < 0.005 else f"{value:.0%}"


def when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def likelihood_ratio(log_lr: float) -> str:
    """A log likelihood ratio shown as the ratio, two significant figures."""
    return f"{math.exp(log_lr):.2g}"


def citations(sources: Sequence[str], numbers: dict[str, int]) -> list[tuple[int, str]]:
    """(number, source id) of the sources that have a number, by number, each once."""
    return sorted({(numbers[s], s) for s in sources if s in numbers})


def evidence_value(item: str, value: str) -> str:
    """An explanation item's value for people: answers in words, age bands as ranges."""
    if item == "age":
        return value.replace("_", "-") + " years"
    return ANSWER_LABELS.get(value, value)


def condition_name(condition: str, report: Report) -> str:
    return report.condition_name(condition)


def make_templates() -> Jinja2Templates:
    """Templates with autoescaping and strict undefined variables."""
    environment = Environment(
        loader=PackageLoader("hipdx.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(
        percent=percent,
        when=when,
        lr=likelihood_ratio,
        condition_name=condition_name,
        citations=citations,
    )
    environment.globals.update(
        version=__version__,
        triage_labels={k.value: v for k, v in TRIAGE_LABELS.items()},
        triage_advice={k.value: v for k, v in TRIAGE_ADVICE.items()},
        zone_labels={k.value: v for k, v in ZONE_LABELS.items()},
        kind_labels={k.value: v for k, v in KIND_LABELS.items()},
        answer_labels=ANSWER_LABELS,
        stage_names=STAGE_NAMES,
        evidence_value=evidence_value,
        body_map=body_map,
    )
    return Jinja2Templates(env=environment)
