"""Static assets and templates: readable contrast, nothing loaded from other sites."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from fastapi.testclient import TestClient

CSS = resources.files("hipdx.web").joinpath("static/style.css").read_text(encoding="utf-8")


def _colour(name: str) -> str:
    found = re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", CSS)
    assert found, name
    return found.group(1)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("foreground", "background"),
    [
        ("text", "bg"),
        ("muted", "bg"),
        ("brand", "bg"),
        ("text", "panel"),
        ("muted", "panel"),
        ("bg", "brand"),
        ("bg", "emergency"),
        ("bg", "urgent"),
        ("bg", "routine"),
        ("bg", "self-care"),
    ],
)
def test_text_contrast_meets_wcag_aa(foreground: str, background: str) -> None:
    assert contrast(_colour(foreground), _colour(background)) >= 4.5


def test_no_asset_comes_from_another_site() -> None:
    web = resources.files("hipdx.web")
    files = [*web.joinpath("templates").iterdir(), *web.joinpath("static").iterdir()]
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), file.name
        assert "@import" not in text and "cdn" not in text.lower(), file.name


@pytest.mark.parametrize("asset", ["style.css", "app.js", "favicon.svg"])
def test_static_files_are_served(client: TestClient, asset: str) -> None:
    assert client.get(f"/static/{asset}").status_code == 200


def test_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/v1/health", "/static/style.css", "/nowhere"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert "default-src 'self'" in headers["content-security-policy"]
