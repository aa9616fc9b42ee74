"""A real headless Chromium loads the site and the email from a loopback server.

No console errors, no failed requests, no dialog (the XSS corpus is published alongside),
screenshots at 375 and 1280 px into test-artifacts/. The demo issue (`make demo`'s own output)
is shown too, and its screenshots go into docs/screenshots/ (the README's) when
DIGEST_UPDATE_SCREENSHOTS=1.
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


def _visit(base: str, pages: list[tuple[str, str]], prefix: str = "") -> list[str]:
    """Load each page at 375 and 1280 px; screenshots into test-artifacts/; the problems."""
    sync_api = pytest.importorskip("playwright.sync_api")
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
                for name, path in pages:
                    page.goto(base + path, wait_until="load")
                    page.wait_for_timeout(100)  # let any (unwanted) onload/onerror fire
                    # readable at this width: nothing wider than the viewport
                    scroll = page.evaluate("document.documentElement.scrollWidth")
                    if scroll > width + 1:
                        problems.append(f"{name} at {width}px scrolls sideways ({scroll}px)")
                    page.screenshot(path=str(ARTIFACTS / f"{prefix}{name}-{width}.png"),
                                    full_page=True)
                context.close()
        finally:
            browser.close()
    return problems


def test_site_and_email_in_chromium(server: tuple[str, Path]) -> None:
    base, _ = server
    problems = _visit(base, PAGES)
    assert problems == [], "\n".join(problems)
    assert (ARTIFACTS / "site-375.png").stat().st_size > 5000


def test_demo_in_chromium_and_readme_screenshots(tmp_path: Path) -> None:
    """The README's screenshots are `make demo`'s real issue: built here from the bundled
    samples (offline, the golden test's clock), shown in Chromium, and copied into
    docs/screenshots/ when DIGEST_UPDATE_SCREENSHOTS=1."""
    from dataclasses import replace
    from datetime import UTC, datetime

    from digest import periods
    from digest.config import load_config
    from digest.pipeline import run

    period = "2026-W47"
    config = load_config(REPO / "sources.yaml")
    config = replace(config, output=tmp_path / "out", database=tmp_path / "db.sqlite3")
    run(config, periods.week(period, config.newsletter.timezone),
        clock=lambda: datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(
        _QuietHandler, directory=str(tmp_path / "out")))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        problems = _visit(base, [("site", ""), ("email", f"issues/{period}/email.html")],
                          prefix="demo-")
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
    assert problems == [], "\n".join(problems)
    if os.environ.get("DIGEST_UPDATE_SCREENSHOTS") == "1":
        docs = REPO / "docs" / "screenshots"
        docs.mkdir(parents=True, exist_ok=True)
        for name in ("site", "email"):
            for width in (375, 1280):
                shutil.copyfile(ARTIFACTS / f"demo-{name}-{width}.png",
                                docs / f"{name}-{width}.png")
