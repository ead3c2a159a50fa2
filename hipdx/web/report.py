"""The self-contained report of one assessment: the result plus every label and citation it shows.

A stored assessment keeps this JSON, so it re-opens (page, JSON, PDF) exactly as computed even
after the knowledge base changes: nothing is looked up in the knowledge base again.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Labels:
    """The label of every condition, finding, source and red flag of one knowledge base."""

    conditions: dict[str, ConditionLabel]
    findings: dict[str, FindingLabel]
    sources: dict[str, SourceLabel]
    red_flags: dict[str, RedFlagLabel]

    @classmethod
    def of(cls, kb: KnowledgeBase) -> Labels:
        return cls(
            conditions={
                i: ConditionLabel(
                    id=i,
                    name=c.name,
                    description_patient=c.description_patient,
                    description_clinician=c.description_clinician,
                    serious=c.serious,
                )
                for i, c in kb.conditions.items()
            },
            findings={
                i: FindingLabel(
                    id=i, kind=f.kind, label=f.label, clinician=f.clinician, question=f.question
                )
                for i, f in kb.findings.items()
            },
            sources={
                i: SourceLabel(id=i, kind=s.kind, citation=s.citation, section=s.section, url=s.url)
                for i, s in kb.sources.items()
            },
            red_flags={
                i: RedFlagLabel(id=i, name=f.name, urgency=f.urgency)
                for i, f in kb.red_flags.items()
            },
        )


_LABELS: dict[int, Labels] = {}


def labels_of(kb: KnowledgeBase) -> Labels:
    """The labels of `kb`, built once per knowledge base (it is immutable): building the label
    models on every request was most of the report's cost."""
    labels = _LABELS.get(id(kb))
    if labels is None:
        labels = _LABELS[id(kb)] = Labels.of(kb)
        weakref.finalize(kb, _LABELS.pop, id(kb), None)  # the id may be reused once kb is gone
    return labels


def build_report(
    kb: KnowledgeBase, assessment: Assessment, read_from_text: Iterable[TextRead] = ()
) -> Report:
    """Freeze `assessment` with the labels, names and citations it refers to."""
    reads = tuple(read_from_text)
    labels = labels_of(kb)
    described = _conditions_shown(assessment)
    finding_ids = _findings_named(assessment, (r.finding for r in reads))
    return Report(
        assessment=assessment,
        read_from_text=reads,
        conditions={
            r.condition: condition
            for r in assessment.ranking
            if r.condition in described
            and (condition := labels.conditions.get(r.condition)) is not None
        },
        findings={
            f: finding for f in finding_ids if (finding := labels.findings.get(f)) is not None
        },
        sources={
            s: source for s in _cited(assessment) if (source := labels.sources.get(s)) is not None
        },
        red_flags={
            f: flag
            for f in assessment.triage.red_flags
            if (flag := labels.red_flags.get(f)) is not None
        },
    )
