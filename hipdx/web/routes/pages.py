"""Pages: home, clinician form, past assessments and the report (HTML, PDF), each with a JSON twin.

A twin is the page's URL with `.json`; it returns the model the page is rendered from.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import ValidationError

from hipdx import __version__
from hipdx.errors import InputError
from hipdx.store.models import StoredAssessment
from hipdx.types import FindingKind
from hipdx.web.assessing import assess_and_keep, stored_public, summary_public
from hipdx.web.deps import ActorDep, AssessorDep, SettingsDep, StoreDep, TemplatesDep
from hipdx.web.errors import FieldErrors
from hipdx.web.pdf import render_pdf
from hipdx.web.rendering import KIND_LABELS
from hipdx.web.routes.meta import list_findings
from hipdx.web.schemas import (
    AssessmentBase,
    AssessmentList,
    AssessmentPublic,
    AssessmentQuery,
    ClinicianForm,
    FindingGroup,
    Home,
    SettingPublic,
)

router = APIRouter(include_in_schema=False)
ANSWER_PREFIX = "f."
FORM_FIELDS = {"age", "sex", "setting", "text"}


@router.get("/index.json")
def home_json(assessor: AssessorDep) -> Home:
    return Home(
        version=__version__,
        kb_version=assessor.kb.version,
        links={
            "interview": "/interview",
            "clinician": "/clinician",
            "assessments": "/assessments",
            "api": "/docs",
        },
    )


@router.get("/", response_class=HTMLResponse)
def home(request: Request, assessor: AssessorDep, templates: TemplatesDep) -> Response:
    return templates.TemplateResponse(request, "index.html", {"page": home_json(assessor)})


# --- clinician form ---------------------------------------------------------------------------


@router.get("/clinician.json")
def clinician_json(assessor: AssessorDep, settings: SettingsDep) -> ClinicianForm:
    findings = list_findings(assessor)
    kb = assessor.kb
    return ClinicianForm(
        groups=[
            FindingGroup(
                kind=kind, label=KIND_LABELS[kind], findings=[f for f in findings if f.kind is kind]
            )
            for kind in FindingKind
            if any(f.kind is kind for f in findings)
        ],
        settings=[
            SettingPublic(id=s.id, name=s.name, description=s.description)
            for s in kb.demographics.settings
        ],
        default_setting=kb.demographics.default_setting,
        max_text_chars=settings.max_text_chars,
    )


def _clinician_page(
    request: Request,
    templates: TemplatesDep,
    form: ClinicianForm,
    values: dict[str, Any],
    errors: list[dict[str, str]] | None = None,
) -> Response:
    return templates.TemplateResponse(
        request,
        "clinician.html",
        {"page": form, "values": values, "errors": errors or []},
        status_code=422 if errors else 200,
    )


EMPTY_VALUES: dict[str, Any] = {"age": "", "sex": "", "setting": "", "text": "", "answers": {}}


@router.get("/clinician", response_class=HTMLResponse)
def clinician(
    request: Request, assessor: AssessorDep, settings: SettingsDep, templates: TemplatesDep
) -> Response:
    return _clinician_page(request, templates, clinician_json(assessor, settings), EMPTY_VALUES)


def _anchor(field: str) -> str:
    if field.startswith("answers."):
        return f"lbl-{field.removeprefix('answers.')}"
    return field if field in FORM_FIELDS else "main"


@router.post("/clinician")
async def clinician_submit(
    request: Request,
    assessor: AssessorDep,
    settings: SettingsDep,
    store: StoreDep,
    templates: TemplatesDep,
    actor: ActorDep,
) -> Response:
    """Assess the form and show the report; on bad input, the form again with the problems."""
    form = await request.form()
    answers = {
        key.removeprefix(ANSWER_PREFIX): str(value)
        for key, value in form.multi_items()
        if key.startswith(ANSWER_PREFIX) and value != "unknown"
    }
    fields = {name: str(form.get(name) or "").strip() for name in FORM_FIELDS}
    values: dict[str, Any] = {**fields, "answers": answers}
    raw = {name: fields[name] or None for name in FORM_FIELDS}
    try:
        body = AssessmentBase.model_validate({**raw, "answers": answers})
        stored = assess_and_keep(
            assessor=assessor,
            settings=settings,
            store=store,
            body=body,
            actor=actor,
            origin="clinician",
        )
    except ValidationError as exc:
        problems = [(".".join(str(p) for p in e["loc"]), e["msg"]) for e in exc.errors()]
        return _form_errors(request, templates, assessor, settings, values, problems)
    except FieldErrors as exc:
        return _form_errors(request, templates, assessor, settings, values, exc.errors)
    except InputError as exc:
        return _form_errors(request, templates, assessor, settings, values, [("text", str(exc))])
    return RedirectResponse(f"/assessments/{stored.id}", status_code=303)


def _form_errors(
    request: Request,
    templates: TemplatesDep,
    assessor: AssessorDep,
    settings: SettingsDep,
    values: dict[str, Any],
    problems: list[tuple[str, str]],
) -> Response:
    errors = [
        {"field": field, "anchor": _anchor(field), "message": f"{field}: {message}"}
        for field, message in problems
    ]
    return _clinician_page(request, templates, clinician_json(assessor, settings), values, errors)


# --- past assessments -------------------------------------------------------------------------


@router.get("/assessments.json")
def assessments_json(
    store: StoreDep, settings: SettingsDep, query: Annotated[AssessmentQuery, Query()]
) -> AssessmentList:
    page = store.list_assessments(query=query.q, limit=settings.page_size, offset=query.offset)
    return AssessmentList(
        items=[summary_public(s) for s in page.items],
        total=page.total,
        limit=settings.page_size,
        offset=query.offset,
        query=query.q,
    )


@router.get("/assessments", response_class=HTMLResponse)
def assessments(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    templates: TemplatesDep,
    query: Annotated[AssessmentQuery, Query()],
) -> Response:
    page = assessments_json(store, settings, query)
    return templates.TemplateResponse(request, "assessments.html", {"page": page})


def _load(store: StoreDep, assessment_id: str, actor: str, action: str) -> StoredAssessment:
    stored = store.get_assessment(assessment_id=assessment_id)
    if stored is None:
        raise HTTPException(404, f"no assessment {assessment_id!r}")
    store.record_event(
        actor=actor,
        action=action,
        target_type="assessment",
        target_id=assessment_id,
        detail={},
    )
    return stored


@router.get("/assessments/{assessment_id}.json")
def assessment_json(
    assessment_id: str, store: StoreDep, actor: ActorDep, download: bool = False
) -> Response:
    """The report's twin; `?download=1` offers it as a file (the JSON export)."""
    action = "assessment.export_json" if download else "assessment.view"
    public = stored_public(_load(store, assessment_id, actor, action))
    headers = (
        {"Content-Disposition": f'attachment; filename="hipdx-{assessment_id}.json"'}
        if download
        else None
    )
    return JSONResponse(public.model_dump(mode="json"), headers=headers)


@router.get("/assessments/{assessment_id}.pdf")
def assessment_pdf(assessment_id: str, store: StoreDep, actor: ActorDep) -> Response:
    """The report as a PDF file."""
    public = stored_public(_load(store, assessment_id, actor, "assessment.export_pdf"))
    return Response(
        render_pdf(public),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="hipdx-{assessment_id}.pdf"'},
    )


@router.get("/assessments/{assessment_id}", response_class=HTMLResponse)
def assessment_page(
    request: Request,
    assessment_id: str,
    store: StoreDep,
    actor: ActorDep,
    templates: TemplatesDep,
) -> Response:
    """The report, rendered from the kept result."""
    public: AssessmentPublic = stored_public(_load(store, assessment_id, actor, "assessment.view"))
    return templates.TemplateResponse(request, "report.html", {"page": public})
