"""The pages in a real browser: Debian's Chromium, headless, driven by Playwright.

A live server (`hipdx serve` on a free loopback port, fresh SQLite file) is started once for
the module. Screenshots of the pages go to artifacts/ (gitignored) for people to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from hipdx.knowledge.schema import KnowledgeBase
from tests.conftest import REPO

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = REPO / "artifacts"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    folder = tmp_path_factory.mktemp("live")
    env = {
        **os.environ,
        "HIPDX_DATABASE_URL": f"sqlite:///{folder / 'hipdx.db'}",
        "HIPDX_PRELOAD_NLP": "false",
    }
    log = folder / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "hipdx", "serve", "--port", str(port)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"server exited: {log.read_text(errors='replace')}")
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.skip("Chromium not installed (make system-deps)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield tab
    context.close()
    assert errors == [], f"browser errors: {errors}"


def _shot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def test_clinician_form_to_report_and_pdf(live_server: str, page: Page) -> None:
    p = page
    p.goto(f"{live_server}/clinician")
    p.get_by_label("Age (years)").fill("44")
    p.get_by_label("Sex", exact=True).select_option("female")
    p.get_by_label("Pain at the sit bone (ischial tuberosity): Yes").check()
    p.get_by_role("button", name="Assess").click()
    p.wait_for_url("**/assessments/*")
    heading = p.get_by_role("heading", level=1).inner_text()
    assert heading == "Assessment report"
    bars = p.locator("ol.bars li")
    assert bars.count() == 10
    assert "Proximal hamstring" in bars.first.inner_text()
    _shot(p, "clinician-report.png")
    with p.expect_download() as download_info:
        p.get_by_role("link", name="Download PDF").click()
    pdf = Path(download_info.value.path())
    assert pdf.read_bytes().startswith(b"%PDF")
    # The list finds it and re-opens it.
    p.goto(f"{live_server}/assessments")
    p.get_by_label("Search", exact=False).fill("hamstring")
    p.get_by_role("button", name="Search").click()
    p.locator("table.list tbody tr a").first.click()
    p.wait_for_url("**/assessments/*")
    assert p.locator("ol.bars li").count() == 10


def test_print_layout_hides_navigation(live_server: str, page: Page) -> None:
    response = httpx.post(
        f"{live_server}/api/v1/assessments",
        json={"answers": {"pain_sit_bone": "yes"}, "age": 30},
    )
    p = page
    p.goto(f"{live_server}{response.json()['links']['html']}")
    p.emulate_media(media="print")
    assert not p.locator("header.site-header").is_visible()
    assert not p.get_by_role("button", name="Print").is_visible()
    assert p.locator("section.triage").is_visible()


def _step(p: Page, act: Callable[[], None], number: int) -> None:
    """Do `act` (submit an answer) and wait for question `number` to be replaced."""
    with p.expect_response(lambda r: r.url.endswith("/answer")):
        act()
    p.wait_for_function(
        "n => !document.querySelector('p.progress') || "
        "document.querySelector('p.progress').textContent !== 'Question ' + n",
        arg=number,
    )


def _answer_for(finding: str, likely: set[str]) -> str:
    return "Yes" if finding in likely else "No"


def _tick(p: Page, likely: set[str], first: bool) -> Callable[[], None]:
    """Tick the likely items of a tick list with the keyboard; return the submit to press.

    On the first list (the red-flag screen, after any follow-up the body map raised) also check
    the accessible structure: a fieldset per group, named by its legend. (Continue with nothing
    ticked is refused with a 422 message: tests/web/test_interviews.py, without the browser's
    console error this fixture rejects.)
    """
    form = p.locator("form[data-checklist]")
    if first:
        legends = form.locator("fieldset legend").all_inner_texts()
        assert len(legends) >= 4 and all(legends)
        assert p.get_by_role("group", name=legends[0]).count() == 1
        assert form.get_by_role("checkbox", name="I'm not sure about some of these").count() == len(
            legends
        )
        _shot(p, "interview-checklist.png")
    boxes = p.locator("form[data-checklist] input[name=ticked]")
    ticked = 0
    for index in range(boxes.count()):
        box = boxes.nth(index)
        if box.get_attribute("value") in likely:
            box.focus()
            p.keyboard.press("Space")
            assert box.is_checked()
            ticked += 1
    name = "Continue" if ticked else "None of these"
    return p.get_by_role("button", name=name, exact=True).click


def test_patient_interview_to_report(live_server: str, page: Page, kb: KnowledgeBase) -> None:
    """Body map by mouse and keyboard, questions until the engine stops, then the report."""
    condition = kb.conditions["proximal_hamstring_tendinopathy"]
    likely = {link.finding for link in condition.evidence if link.p >= 0.5}
    p = page
    p.goto(f"{live_server}/")
    p.get_by_role("button", name="Start the interview").click()
    p.wait_for_url("**/interview/*")
    sit_bone = p.get_by_role("checkbox", name="Sit bone")
    sit_bone.click()
    assert sit_bone.get_attribute("aria-checked") == "true"
    thigh = p.get_by_role("checkbox", name="Back of the thigh")
    thigh.focus()
    p.keyboard.press("Enter")
    low_back = p.get_by_role("checkbox", name="Low back")
    low_back.focus()
    p.keyboard.press("Space")
    p.keyboard.press("Space")  # toggled on and off again
    assert thigh.get_attribute("aria-checked") == "true"
    assert low_back.get_attribute("aria-checked") == "false"
    assert p.locator("[data-zone-list] li").all_inner_texts() == ["Sit bone", "Back of the thigh"]
    _shot(p, "interview-body-map.png")
    _step(p, lambda: p.get_by_role("button", name="Continue").click(), 1)
    lists = 0
    for number in range(2, 62):
        if "/assessments/" in p.url:
            break
        assert p.locator("p.progress").inner_text() == f"Question {number}"
        if p.locator("form[data-checklist]").count():
            act = _tick(p, likely, first=not lists)
            lists += 1
        else:
            finding = p.locator("input[name=finding]").get_attribute("value") or ""
            if number == 3:
                _shot(p, "interview-question.png")
            act = p.get_by_role("button", name=_answer_for(finding, likely), exact=True).click
        _step(p, act, number)
    p.wait_for_url("**/assessments/*")
    assert lists >= 2  # the red-flag screen and at least one diagnostic checklist
    assert p.get_by_role("heading", level=1).inner_text() == "Assessment report"
    assert "interview" in p.locator(".report-head .meta").inner_text()
    first = p.locator("ol.bars li").first.inner_text()
    assert "hamstring" in first.lower()
    _shot(p, "report.png")
    with p.expect_download() as download_info:
        p.get_by_role("link", name="Download PDF").click()
    assert Path(download_info.value.path()).read_bytes().startswith(b"%PDF")
