"""`hipdx serve`: run the web app with uvicorn."""

from __future__ import annotations

import click

from hipdx.cli.app import main


@main.command()
@click.option(
    "--host", default=None, help="Interface to listen on [default: HIPDX_HOST or 127.0.0.1]."
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=None,
    help="Port [default: HIPDX_PORT or 8000].",
)
@click.option("--reload", is_flag=True, help="Restart when the code changes (development).")
@click.option(
    "--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes."
)
def serve(host: str | None, port: int | None, reload: bool, workers: int) -> None:
    """Serve the web app and JSON API (settings from HIPDX_* variables, see docs/settings.md)."""
    try:
        import uvicorn

        from hipdx.config import get_settings
    except ImportError as exc:  # the `web` extra is missing
        raise click.ClickException(
            "the web app needs the web extra: pip install 'hipdx[web]'"
        ) from exc
    try:
        settings = get_settings()
    except ValueError as exc:
        raise click.ClickException(f"bad settings: {exc}") from exc
    uvicorn.run(
        "hipdx.web.app:build_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        reload=reload,
        workers=None if reload else workers,
        proxy_headers=False,
    )
