"""XSS vectors and a checker for "nothing executable reached the page" (render + publish tests)."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

import lxml.html

from digest.models import (
    QA,
    Citation,
    Earlier,
    Explainer,
    Issue,
    Sentence,
    SourceHealth,
    Story,
)

VECTORS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<scr<script>ipt>alert(1)</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<div style="width: expression(alert(1))">x</div>',
    "<style>@import 'http://evil.example/x.css';</style>",
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<form action="javascript:alert(1)"><input type=submit></form>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html,<script>alert(1)</script>">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel=stylesheet href="http://evil.example/x.css">',
    "[click](javascript:alert(1))",
    "![x](javascript:alert(1))",
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "%3Cscript%3Ealert(1)%3C/script%3E",
    'http://example.com/"onmouseover="alert(1)',
    "https://example.com/<script>alert(1)</script>",
    '<video><source onerror="alert(1)"></video>',
    '-->"<!--<script>alert(1)</script>',
    "]]><script>alert(1)</script>",
    '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>',
    "{{ 7*7 }}{% raw %}<script>alert(1)</script>",
    "<a href=\"&#x6A;avascript:alert(1)\">entity</a>",
    "background:url(javascript:alert(1))",
)

FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "form", "input", "svg", "math",
                  "base", "frame", "frameset", "applet", "video", "audio", "source", "details"}
LINK_ATTRS = ("href", "src", "action", "formaction", "data", "poster", "background")


def xss_issue(base: Issue) -> Issue:
    """`base` with every vector placed in headlines, summaries, URLs, titles and outlets (so
    in coverage lines too), and in the earlier issue an update links."""
    stories = []
    for i, vector in enumerate(VECTORS):
        cite = Citation(url=vector, title=vector, source=vector, published=None)
        good = Citation(url=f"https://ok.example.com/{i}", title=vector, source=vector + " B")
        stories.append(Story(rank=i + 1, section="in_our_feeds" if i < 5 else "also",
                             headline=vector, sentences=(Sentence(vector, (vector,)),),
                             articles=(cite, good), why=vector,
                             previous=Earlier(vector, i + 1, vector), topic=vector))
    qa = tuple(QA(question=v, answer=(Sentence(v, (v, "https://ok.example.com/q")),))
               for v in VECTORS[:10])
    health = tuple(SourceHealth(name=v, url=v, status="error", error=v) for v in VECTORS[:6])
    return replace(base, stories=tuple(stories), intro=" ".join(VECTORS[:3]),
                   tldr=(Sentence(VECTORS[0], (VECTORS[3],)),),
                   explainer=Explainer(entity=VECTORS[2], aliases=(), why=VECTORS[1], qa=qa),
                   sources=health, notes=VECTORS[10:20])


def executable_bits(html: str, *, email: bool = False) -> list[str]:
    """Everything in `html` that could run script or load something it should not."""
    doc = lxml.html.document_fromstring(html)
    problems = []
    for el in doc.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        local = tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()
        if local in FORBIDDEN_TAGS:
            problems.append(f"<{tag}>")
        if local == "meta" and (el.get("http-equiv") or "").lower() == "refresh":
            problems.append("meta refresh")
        if local == "link" and "stylesheet" in (el.get("rel") or "").lower():
            problems.append("external stylesheet")
        for name, value in el.attrib.items():
            lname = name.lower()
            if lname.startswith("on"):
                problems.append(f"{tag}@{name}")
            if lname == "style" and any(x in value.lower() for x in
                                        ("expression", "javascript", "url(", "@import")):
                problems.append(f"{tag}@style={value!r}")
            if lname in LINK_ATTRS:
                scheme = urlsplit(value.strip()).scheme.lower()
                if email:
                    ok = scheme in ("http", "https", "mailto")
                else:
                    ok = scheme in ("http", "https", "") and not value.strip().startswith("//")
                if not ok:
                    problems.append(f"{tag}@{name}={value!r}")
        if local == "style" and el.text:
            css = el.text.lower()
            if any(x in css for x in ("expression", "javascript", "@import", "evil")):
                problems.append("style element with dangerous CSS")
    return problems
