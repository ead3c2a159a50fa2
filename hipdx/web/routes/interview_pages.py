"""Pages of the patient interview: start, each step (full page or fragment), and its JSON twin.

Forms post to /interview/{id}/answer. Browsers with JavaScript send `X-Fragment: 1` and get the
interview panel alone (or `X-Location` to the report when the interview ends); without
JavaScript they get a redirect, so every step also works as a plain form.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from hipdx.errors import InputError
from hipdx.store.base import ConflictError
from hipdx.web.deps import ActorDep, AssessorDep, SettingsDep, StoreDep, TemplatesDep
from hipdx.web.interviewing import answer_interview, interview_public, load, start_interview
from hipdx.web.schemas import InterviewAnswer, InterviewCreate, InterviewPublic

router = APIRouter(include_in_schema=False)
FRAGMENT = "x-fragment"


@router.get("/interview", response_class=HTMLResponse)
def interview_start(request: Request, templates: TemplatesDep) -> Response:
    return templates.TemplateResponse(request, "interview_start.html", {})


@router.post("/interview")
async def interview_create(
    request: Request,
    assessor: AssessorDep,
    settings: SettingsDep,
    store: StoreDep,
    actor: ActorDep,
) -> Response:
    """Start an interview from the start form (or the home page button) and go to it."""
    form = await request.form()
    fields = {k: str(form.get(k) or "").strip() or None for k in ("age", "sex", "mode")}
    body = InterviewCreate.model_validate({k: v for k, v in fields.items() if v is not None})
    stored = start_interview(
        assessor=assessor, settings=settings, store=store, body=body, actor=actor
    )
    return RedirectResponse(f"/interview/{stored.id}", status_code=303)


@router.get("/interview/{interview_id}.json")
def interview_json(interview_id: str, assessor: AssessorDep, store: StoreDep) -> InterviewPublic:
    stored, _ = load(store, interview_id)
    return interview_public(assessor, stored)


def _render(
    request: Request,
    templates: TemplatesDep,
    settings: SettingsDep,
    page: InterviewPublic,
    fragment: bool,
    error: str | None = None,
    form: dict[str, Any] | None = None,
) -> Response:
    kept = form or {}
    context: dict[str, Any] = {
        "page": page,
        "error": error,
        "max_text_chars": settings.max_text_chars,
        "ticked": kept.get("ticked", []),
        "unsure": kept.get("unsure", []),
    }
    name = "_interview_panel.html" if fragment else "interview.html"
    return templates.TemplateResponse(
        request, name, context, status_code=200 if error is None else 422
    )


@router.get("/interview/{interview_id}", response_class=HTMLResponse)
def interview_page(
    request: Request,
    interview_id: str,
    assessor: AssessorDep,
    settings: SettingsDep,
    store: StoreDep,
    templates: TemplatesDep,
) -> Response:
    stored, _ = load(store, interview_id)
    return _render(request, templates, settings, interview_public(assessor, stored), False)


def _checklist_choice(choice: str, marked: bool) -> str | None:
    """Why a submitted tick list cannot be taken as it stands, or None: "Continue" needs a tick
    (or a "not sure"), and "None of these" none, so that no list is passed over by accident."""
    if choice == "none" and marked:
        return (
            "You ticked some items and chose None of these: untick them, or choose Continue to "
            "keep your ticks."
        )
    if choice != "none" and not marked:
        return "Tick each one that applies, or choose None of these if none does."
    return None


@router.post("/interview/{interview_id}/answer")
async def interview_answer(
    request: Request,
    interview_id: str,
    assessor: AssessorDep,
    settings: SettingsDep,
    store: StoreDep,
    templates: TemplatesDep,
    actor: ActorDep,
) -> Response:
    """One step from a form: the body map (`step=location`, `zones`), a tick list
    (`step=checklist`, `checklist`, `ticked`, `unsure`, and `choice` ticked or none), `finding`
    or `screen_group` with `answer`, or `text`."""
    fragment = request.headers.get(FRAGMENT) == "1"
    form = await request.form()
    raw: dict[str, Any] = {"revision": form.get("revision") or None}
    problem = None
    if form.get("step") == "location":
        raw["zones"] = form.getlist("zones")
    elif form.get("step") == "checklist":
        ticked, unsure = form.getlist("ticked"), form.getlist("unsure")
        raw.update(checklist=form.getlist("checklist"), ticked=ticked, unsure=unsure)
        problem = _checklist_choice(str(form.get("choice") or "ticked"), bool(ticked or unsure))
    elif form.get("finding"):
        raw.update(finding=form.get("finding"), answer=form.get("answer") or "unknown")
    elif form.get("screen_group"):
        raw.update(screen_group=form.get("screen_group"), answer=form.get("answer") or "unknown")
    text = str(form.get("text") or "").strip()
    if text:
        raw["text"] = text
    try:
        if problem:
            raise InputError(problem)
        body = InterviewAnswer.model_validate(raw)
        stored = answer_interview(
            assessor=assessor,
            settings=settings,
            store=store,
            interview_id=interview_id,
            body=body,
            actor=actor,
        )
    except ConflictError:
        # Answered twice (a double click, or another tab): show where the interview stands.
        stored, _ = load(store, interview_id)
    except (ValidationError, InputError) as exc:
        stored, _ = load(store, interview_id)
        message = "Please answer the question." if isinstance(exc, ValidationError) else str(exc)
        page = interview_public(assessor, stored)
        return _render(request, templates, settings, page, fragment, message, raw)
    target = (
        f"/assessments/{stored.assessment_id}"
        if stored.assessment_id
        else f"/interview/{stored.id}"
    )
    if not fragment:
        return RedirectResponse(target, status_code=303)
    if stored.assessment_id:
        return Response(status_code=204, headers={"X-Location": target})
    return _render(request, templates, settings, interview_public(assessor, stored), True)
