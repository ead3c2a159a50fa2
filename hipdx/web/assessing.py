"""Assess a presentation and keep the result: what the API and the clinician form both do."""

from __future__ import annotations

from hipdx.assessment import Assessment, Assessor
from hipdx.config import Settings
from hipdx.intake import build_evidence
from hipdx.store.base import Store
from hipdx.store.models import AssessmentSummary, JsonText, NewAssessment, StoredAssessment
from hipdx.web.errors import FieldErrors
from hipdx.web.report import Report, TextRead, build_report
from hipdx.web.schemas import (
    AssessmentBase,
    AssessmentEnvelope,
    AssessmentLinks,
    AssessmentPublic,
    AssessmentSummaryPublic,
)

HEADLINE_CONDITIONS = 3


def check_input(assessor: Assessor, settings: Settings, body: AssessmentBase) -> None:
    """Checks that need the knowledge base or the settings.

    Raises:
        FieldErrors: unknown finding ids or setting, or text longer than allowed.
    """
    problems = [
        (f"answers.{finding}", "unknown finding id")
        for finding in body.answers
        if finding not in assessor.kb.findings
    ]
    settings_known = {s.id for s in assessor.kb.demographics.settings}
    if body.setting is not None and body.setting not in settings_known:
        problems.append(("setting", f"unknown care setting; one of {sorted(settings_known)}"))
    if body.text is not None and len(body.text) > settings.max_text_chars:
        problems.append(("text", f"longer than {settings.max_text_chars} characters"))
    if problems:
        raise FieldErrors(problems)


def assess_input(assessor: Assessor, settings: Settings, body: AssessmentBase) -> Report:
    """Check, read and assess a presentation into a self-contained report.

    Raises:
        FieldErrors: see `check_input`.
        InputError: the text cannot be read (NLP extra missing) or another input problem.
    """
    check_input(assessor, settings, body)
    intake = build_evidence(body.answers, body.age, body.sex, body.text)
    assessment = assessor.assess(intake.evidence, body.setting)
    reads = [
        TextRead(finding=f.finding, value=f.value, span=f.span, text=f.text, method=f.method)
        for f in intake.read_from_text
    ]
    return build_report(assessor.kb, assessment, reads)


def report_json(report: Report) -> JsonText:
    """The report as the store keeps it and the API sends it: serialised once per request."""
    return JsonText(report.model_dump_json())


def new_record(
    origin: str, body: AssessmentBase, report: Report, result: JsonText
) -> NewAssessment:
    """What the store keeps for one assessment; `result` is `report_json(report)`."""
    assessment: Assessment = report.assessment
    leaders = assessment.ranking[:HEADLINE_CONDITIONS]
    return NewAssessment(
        origin=origin,
        input=body.model_dump(mode="json"),
        kb_version=assessment.kb_version,
        result=result,
        headline=leaders[0].name if leaders else "",
        triage_level=assessment.triage.level.value,
        search_text=" ".join([*(r.name for r in leaders), *(assessment.triage.red_flags)])
        + ("\n" + body.text if body.text else ""),
    )


def assess_and_keep(
    *,
    assessor: Assessor,
    settings: Settings,
    store: Store,
    body: AssessmentBase,
    actor: str,
    origin: str,
) -> AssessmentSummary:
    """Assess `body` and keep it; the audit log records who did it."""
    report = assess_input(assessor, settings, body)
    return store.create_assessment(
        new=new_record(origin, body, report, report_json(report)), actor=actor
    )


def links(assessment_id: str) -> AssessmentLinks:
    return AssessmentLinks(
        self=f"/api/v1/assessments/{assessment_id}",
        html=f"/assessments/{assessment_id}",
        pdf=f"/assessments/{assessment_id}.pdf",
    )


SUMMARY_FIELDS = set(AssessmentSummary.model_fields)


def summary_public(summary: AssessmentSummary) -> AssessmentSummaryPublic:
    return AssessmentSummaryPublic(
        **summary.model_dump(include=SUMMARY_FIELDS), links=links(summary.id)
    )


def to_public(kept: AssessmentSummary, given: AssessmentBase, report: Report) -> AssessmentPublic:
    """An assessment as the API shows it: its list line, the input as given and the report."""
    return AssessmentPublic(
        **kept.model_dump(include=SUMMARY_FIELDS), links=links(kept.id), input=given, report=report
    )


def public_json(kept: AssessmentSummary, given: AssessmentBase, report_json: JsonText) -> str:
    """`to_public(...)` as JSON text, with the report's JSON spliced in as it was written for the
    store: serialising the ~60 kB report a second time was a tenth of a request's CPU."""
    envelope = AssessmentEnvelope(
        **kept.model_dump(include=SUMMARY_FIELDS), links=links(kept.id), input=given
    )
    return f'{envelope.model_dump_json()[:-1]},"report":{report_json}}}'


def stored_public(stored: StoredAssessment) -> AssessmentPublic:
    """A kept assessment as the API shows it: rebuilt from the kept JSON, never recomputed."""
    return to_public(
        stored, AssessmentBase.model_validate(stored.input), Report.model_validate(stored.result)
    )
