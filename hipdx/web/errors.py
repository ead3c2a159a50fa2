"""Map errors to HTTP responses: 422 with field messages, 404, 409, 413, and a bare 500.

API paths (and JSON twins) answer JSON `{"detail": ..., "errors": [{"field", "message"}]}`;
pages answer the error page. No exception text or stack trace from an unexpected error ever
reaches the client; it is logged on the server instead.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from hipdx.errors import ConflictError, InputError, NotFoundError, StoreError

log = logging.getLogger("hipdx.web")


class FieldErrors(InputError):
    """Input that failed a check needing the knowledge base or the settings, per field."""

    def __init__(self, errors: Sequence[tuple[str, str]]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors))


def _field(location: Sequence[Any]) -> str:
    return ".".join(str(part) for part in location)


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return (
        path.startswith("/api/")
        or path.endswith(".json")
        or "text/html" not in request.headers.get("accept", "")
    )


def error_response(
    request: Request,
    status: int,
    detail: str,
    errors: Sequence[dict[str, str]] = (),
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A JSON error for API clients, the error page for browsers."""
    if _wants_json(request):
        body: dict[str, Any] = {"detail": detail}
        if errors:
            body["errors"] = list(errors)
        return JSONResponse(body, status_code=status, headers=dict(headers or {}))
    templates = request.app.state.templates
    return templates.TemplateResponse(  # type: ignore[no-any-return]
        request,
        "error.html",
        {"status": status, "detail": detail, "errors": list(errors)},
        status_code=status,
        headers=dict(headers or {}),
    )


async def _validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"field": _field(e.get("loc", ())), "message": str(e.get("msg", "invalid"))}
        for e in exc.errors()
    ]
    return error_response(request, 422, "the request is not valid", errors)


async def _input(request: Request, exc: Exception) -> Response:
    if isinstance(exc, FieldErrors):
        errors = [{"field": f, "message": m} for f, m in exc.errors]
        return error_response(request, 422, "the request is not valid", errors)
    return error_response(request, 422, str(exc))


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return error_response(request, exc.status_code, str(exc.detail), headers=exc.headers)


async def _not_found(request: Request, exc: Exception) -> Response:
    return error_response(request, 404, str(exc))


async def _conflict(request: Request, exc: Exception) -> Response:
    return error_response(request, 409, str(exc))


async def _store(request: Request, exc: Exception) -> Response:
    log.error("store error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(request, 503, "the database is not available")


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(request, 500, "internal server error")


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on `app`."""
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(ConflictError, _conflict)
    app.add_exception_handler(StoreError, _store)
    app.add_exception_handler(InputError, _input)
    app.add_exception_handler(Exception, _unexpected)
