"""A real headless Chromium loads the site and the email from a loopback server.

No console errors, no failed requests, no dialog (the XSS corpus is published alongside),
screenshots at 375 and 1280 px into test-artifacts/ (and into docs/screenshots/ when
DIGEST_UPDATE_SCREENSHOTS=1).
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from digest.models import EmailSettings, Issue
from digest.publish import build_site, publish_issue
from digest.render import render_issue

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian's chromium at /usr/bin/chromium (apt install chromium)"),
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path, issue: Issue, factory: ModuleType,
           xss: ModuleType) -> Iterator[tuple[str, Path]]:
    out = tmp_path / "out"
    email = EmailSettings(unsubscribe="https://news.example.org/unsubscribe")
    publish_issue(render_issue(issue), out, issue=issue, email=email)
    older = factory.make_issue_for("2026-W09", -1)
    publish_issue(render_issue(older), out, issue=older, email=email)
    bad = xss.xss_issue(factory.make_issue_for("2026-W08", -2))
    publish_issue(render_issue(bad), out, issue=bad, email=email)
    build_site(out, issue.newsletter)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0),
                                functools.partial(_QuietHandler, directory=str(out)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", out
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


PAGES = [
    ("site", ""),
    ("issue", "issues/2026-W10/"),
    ("email", "issues/2026-W10/email.html"),
    ("xss-issue", "issues/2026-W08/"),
    ("xss-email", "issues/2026-W08/email.html"),
]


def test_site_and_email_in_chromium(server: tuple[str, Path]) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    base, _ = server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            for width in (375, 1280):
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
                page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
                page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"),
                                             d.dismiss()))
                # Chromium asks every page for /favicon.ico; the site declares its own icon,
                # and mail clients never ask, so that one request is not a failure.
                page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}")
                        if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
                page.on("console", lambda m: problems.append(f"console: {m.text}")
                        if m.type == "error" and "404" not in m.text else None)
                for name, path in PAGES:
                    page.goto(base + path, wait_until="load")
                    page.wait_for_timeout(100)  # let any (unwanted) onload/onerror fire
                    # readable at this width: nothing wider than the viewport
                    scroll = page.evaluate("document.documentElement.scrollWidth")
                    if scroll > width + 1:
                        problems.append(f"{name} at {width}px scrolls sideways ({scroll}px)")
                    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
                context.close()
        finally:
            browser.close()
    assert problems == [], "\n".join(problems)
    assert (ARTIFACTS / "site-375.png").stat().st_size > 5000
    if os.environ.get("DIGEST_UPDATE_SCREENSHOTS") == "1":
        docs = REPO / "docs" / "screenshots"
        docs.mkdir(parents=True, exist_ok=True)
        for name in ("site", "email"):
            for width in (375, 1280):
                shutil.copyfile(ARTIFACTS / f"{name}-{width}.png", docs / f"{name}-{width}.png")
