"""WCAG contrast, measured in a real Chromium: every element that shows text, in light and in
dark mode, on the issue page, the home page and the email, against its effective background.

AA asks 4.5:1 for normal text and 3:1 for large text (24 px, or 18.66 px bold).
"""

from __future__ import annotations

import pytest

from .test_publish_browser import ARGS, CHROMIUM, server  # noqa: F401  (the fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian's chromium at /usr/bin/chromium (apt install chromium)"),
]

# Runs in the page: for each element with its own visible text, the contrast ratio of its
# computed colour over the first opaque background found walking up the tree.
_MEASURE = """
() => {
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const background = el => { for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; }
    return {r: 255, g: 255, b: 255, a: 1}; };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    if (!own || style.visibility === 'hidden' || style.display === 'none' || el.offsetParent === null
        || parseFloat(style.opacity) < 0.1 || el.closest('[aria-hidden="true"], .preheader')) continue;
    const fg = parse(style.color), bg = background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    out.push({tag: el.tagName, text: el.textContent.trim().slice(0, 40),
              ratio: (hi + 0.05) / (lo + 0.05), need: large ? 3 : 4.5});
  }
  return out;
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_meets_wcag_aa(server: tuple[str, object], scheme: str) -> None:  # noqa: F811
    sync_api = pytest.importorskip("playwright.sync_api")
    base, _ = server
    failures: list[str] = []
    measured = 0
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(color_scheme=scheme)
            for path in ("", "issues/2026-W10/", "issues/2026-W10/email.html"):
                page.goto(base + path)
                for item in page.evaluate(_MEASURE):
                    measured += 1
                    if item["ratio"] < item["need"]:
                        failures.append(f"{path or 'home'} <{item['tag']}> {item['text']!r}: "
                                        f"{item['ratio']:.2f} < {item['need']}")
        finally:
            browser.close()
    assert measured > 50
    assert failures == [], "\n".join(failures)
