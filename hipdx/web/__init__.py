"""The hipdx web app: JSON API under /api/v1 and server-rendered pages."""

from hipdx.web.app import build_app, create_app

__all__ = ["build_app", "create_app"]
