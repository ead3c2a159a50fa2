"""The self-contained report of one assessment: the result plus every label and citation it shows.

A stored assessment keeps this JSON, so it re-opens (page, JSON, PDF) exactly as computed even
after the knowledge base changes: nothing is looked up in the knowledge base again.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from hipdx.assessment import Assessment
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, FindingKind, TriageLevel


class ReportModel(BaseModel):
    model_config = ConfigDict(frozen=True)


class FindingLabel(ReportModel):
    id: str
    kind: FindingKind
    label: str
    clinician: str
    question: str | None = None


class ConditionLabel(ReportModel):
    id: str
    name: str
    description_patient: str
    description_clinician: str
    serious: bool


class SourceLabel(ReportModel):
    id: str
    kind: str
    citation: str
    section: str | None = None
    url: str | None = None


class RedFlagLabel(ReportModel):
    id: str
    name: str
    urgency: TriageLevel


class TextRead(ReportModel):
    """A finding read from the free text, with the words it was read from."""

    finding: str
    value: Answer
    span: tuple[int, int]
    text: str
    method: str


class Report(ReportModel):
    """An assessment and everything needed to show it, frozen at the time it was computed."""

    assessment: Assessment
    read_from_text: tuple[TextRead, ...] = ()
    conditions: dict[str, ConditionLabel]
    findings: dict[str, FindingLabel]
    sources: dict[str, SourceLabel]
    red_flags: dict[str, RedFlagLabel]

    def finding_label(self, item: str) -> str:
        """The label of a finding id, or a readable form of `age` / `sex` / unknown ids."""
        known = self.findings.get(item)
        return known.label if known else item.replace("_", " ").capitalize()

    def condition_name(self, condition: str) -> str:
        """The name of a condition id as it was when computed."""
        known = self.conditions.get(condition)
        if known is not None:
            return known.name
        ranked = next((r for r in self.assessment.ranking if r.condition == condition), None)
        return ranked.name if ranked else condition.replace("_", " ").capitalize()

    def red_flag_notices(self) -> list[dict[str, str]]:
        """Name and patient reason of each red flag that fired, most urgent first."""
        return [
            {
                "name": self.red_flags[r.ref].name if r.ref in self.red_flags else r.ref,
                "patient": r.patient,
            }
            for r in self.assessment.triage.reasons
            if r.kind == "red_flag"
        ]

    def source_numbers(self) -> dict[str, int]:
        """Citation numbers in order of first appearance (as the report lists them)."""
        return {source: number for number, source in enumerate(self.sources, start=1)}


def _cited(assessment: Assessment) -> dict[str, None]:
    """Every source id the assessment cites, in order of first appearance."""
    found: dict[str, None] = {}
    for reason in assessment.triage.reasons:
        found.update(dict.fromkeys(reason.sources))
    for ranked in assessment.ranking:
        if ranked.explanation is not None:
            for item in (*ranked.explanation.supporting, *ranked.explanation.opposing):
                found.update(dict.fromkeys(item.sources))
    for planned in (*assessment.plan.workup, *assessment.plan.management):
        found.update(dict.fromkeys(planned.sources))
    return found


def _findings_named(assessment: Assessment, extra: Iterable[str]) -> dict[str, None]:
    named = dict.fromkeys(assessment.answers)
    for ranked in assessment.ranking:
        if ranked.explanation is not None:
            for item in (*ranked.explanation.supporting, *ranked.explanation.opposing):
                named[item.item] = None
    named.update(dict.fromkeys(t.finding for t in assessment.suggested_tests))
    named.update(dict.fromkeys(extra))
    return named


def _conditions_shown(assessment: Assessment) -> set[str]:
    """Conditions whose descriptions the report shows: the explained ones and those planned for;
    the rest appear by name only, which the ranking carries."""
    shown = {r.condition for r in assessment.ranking if r.explanation is not None}
    shown.update(assessment.plan.conditions)
    for item in (*assessment.plan.workup, *assessment.plan.management):
        shown.update(item.for_conditions)
    for test in assessment.suggested_tests:
        shown.update(test.separates)
    return shown


def build_report(
    kb: KnowledgeBase, assessment: Assessment, read_from_text: Iterable[TextRead] = ()
) -> Report:
    """Freeze `assessment` with the labels, names and citations it refers to."""
    reads = tuple(read_from_text)
    cited = _cited(assessment)
    described = _conditions_shown(assessment)
    finding_ids = _findings_named(assessment, (r.finding for r in reads))
    return Report(
        assessment=assessment,
        read_from_text=reads,
        conditions={
            r.condition: ConditionLabel(
                id=r.condition,
                name=c.name,
                description_patient=c.description_patient,
                description_clinician=c.description_clinician,
                serious=c.serious,
            )
            for r in assessment.ranking
            if r.condition in described and (c := kb.conditions.get(r.condition)) is not None
        },
        findings={
            f: FindingLabel(
                id=f,
                kind=finding.kind,
                label=finding.label,
                clinician=finding.clinician,
                question=finding.question,
            )
            for f in finding_ids
            if (finding := kb.findings.get(f)) is not None
        },
        sources={
            s: SourceLabel(
                id=s,
                kind=source.kind,
                citation=source.citation,
                section=source.section,
                url=source.url,
            )
            for s in cited
            if (source := kb.sources.get(s)) is not None
        },
        red_flags={
            f: RedFlagLabel(id=f, name=flag.name, urgency=flag.urgency)
            for f in assessment.triage.red_flags
            if (flag := kb.red_flags.get(f)) is not None
        },
    )
