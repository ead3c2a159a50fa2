"""`create_app(settings)`: the FastAPI application of hipdx, assembled from its parts."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from hipdx import __version__
from hipdx.assessment import Assessor, default_assessor
from hipdx.config import Settings, get_settings
from hipdx.store.base import Store
from hipdx.store.sql import SqlStore
from hipdx.web.errors import install_error_handlers
from hipdx.web.headers import SecurityHeaders
from hipdx.web.limits import BodySizeLimit
from hipdx.web.rendering import make_templates
from hipdx.web.routes import (
    assessments,
    cds_hooks,
    docs,
    fhir,
    interview_pages,
    interviews,
    meta,
    pages,
)

log = logging.getLogger("hipdx.web")
DESCRIPTION = (
    "Clinical decision support for pain at the back of the hip. "
    "It ranks possible causes and suggests triage, workup and management; it is not a diagnosis."
)


def _warm_text_reader() -> None:
    try:
        from hipdx.nlp import default_reader
    except ImportError:  # the `nlp` extra is not installed: text input answers 422
        return
    try:
        default_reader()
    except Exception:  # a broken reader shows up on the first text request instead
        log.exception("could not preload the text reader")
        return
    gc.freeze()  # the reader lives as long as the app too (see the lifespan)


def _lifespan(settings: Settings) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.preload_nlp:
            threading.Thread(
                target=_warm_text_reader, name="hipdx-nlp-preload", daemon=True
            ).start()
        # What exists now (knowledge base, model, libraries) lives as long as the app: take it out
        # of the collector's view, or each full collection re-scans it all (a pause of up to
        # ~0.3 s every few hundred requests, measured on the assessment POST).
        gc.freeze()
        yield
        gc.unfreeze()
        app.state.store.close()

    return lifespan


def create_app(
    settings: Settings, *, store: Store | None = None, assessor: Assessor | None = None
) -> FastAPI:
    """Build the app: API under /api/v1, pages, static files, error handling, body limit.

    Args:
        settings: runtime settings.
        store: where to keep data; by default a SqlStore on `settings.database_url`, migrated
            to the latest schema here.
        assessor: the assessor; by default the one for the shipped knowledge base.
    """
    app = FastAPI(
        title="hipdx",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.docs_enabled else None,
        lifespan=_lifespan(settings),
    )
    app.state.settings = settings
    app.state.store = store if store is not None else SqlStore.open(settings.database_url)
    app.state.assessor = assessor if assessor is not None else default_assessor()
    app.state.templates = make_templates()
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(packages=[("hipdx.web", "static")]), name="static")
    for area in (meta, assessments, interviews, pages, interview_pages, fhir, cds_hooks):
        app.include_router(area.router)
    if settings.docs_enabled:
        app.include_router(docs.router)
    return app


def build_app() -> FastAPI:
    """The app for the settings in the environment (the uvicorn factory of `hipdx serve`)."""
    return create_app(get_settings())
