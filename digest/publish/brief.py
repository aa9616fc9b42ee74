"""The short form of an issue for a chat or notification channel, fitted to its length and markup.

A brief is the issue's title, then its TL;DR, the featured headlines (each linked to its lead
source) and a link to the web issue, written in the channel's markup (plain text, Markdown or
the HTML subset chat services accept: `<b>` and `<a>`, with line breaks as newlines). Every
piece of text from the issue is escaped for that markup; every link passes `safe_url`.

A channel has a length limit (Apprise knows it per service: 4096 for Telegram, 2000 for
Discord). `briefs` lists every form from the fullest down, each strictly shorter than the one
before: without the TL;DR first, then fewer headlines, and last the link to the issue alone.
`fit` takes the first that fits the limit; a channel that still refuses a form for its length is sent the
next shorter one (publish/notify.py), so a long week is shortened, never lost.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Literal

from digest.locale import WORDS, Words
from digest.render.urls import markdown_url, safe_url

Markup = Literal["text", "markdown", "html"]
MARKUPS: tuple[Markup, ...] = ("text", "markdown", "html")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()~>#|<])")


def inert(value: str) -> str:
    """`value` with every chat mention broken by a zero-width space, so it reads the same and
    pings nobody: Discord, Slack, Mattermost and Rocket.Chat turn "@everyone", "@here",
    "<@123>" and "<!channel>" into pings (Apprise's Discord plugin allows every mention it
    finds), and a headline or TL;DR from a feed is not ours to ping a channel with."""
    return value.replace("@", "@\u200b").replace("<!", "<\u200b!")


def inert_url(url: str) -> str:
    """`url` with "@" percent-encoded (the same address): medium.com/@user is no mention."""
    return url.replace("@", "%40")


@dataclass(frozen=True)
class Brief:
    title: str
    body: str
    markup: Markup
    headlines: int  # featured headlines included
    tldr: bool  # the TL;DR included


def _text(value: str, markup: Markup) -> str:
    value = " ".join(str(value).split())
    if markup == "html":
        return inert(html.escape(value, quote=False))
    if markup == "markdown":
        return inert(_MD_SPECIAL.sub(r"\\\1", value))
    return inert(value)


def _link(label: str, url: str, markup: Markup) -> str:
    url = inert_url(url)
    if markup == "html":
        return f'<a href="{html.escape(url)}">{_text(label, markup)}</a>'
    if markup == "markdown":
        return f"[{_text(label, markup)}]({markdown_url(url)})"
    return f"{_text(label, markup)}\n  {url}"


def _bold(label: str, markup: Markup) -> str:
    return {"html": f"<b>{label}</b>", "markdown": f"**{label}**", "text": label}[markup]


def _compose(view: dict[str, Any], markup: Markup, headlines: int, tldr: bool) -> str:
    parts = []
    said: Words = view.get("words") or WORDS["en"]  # the issue's language (digest/locale.py)
    if tldr and view.get("tldr"):
        label = said.tldr + said.colon.strip()
        parts.append(f"{_bold(label, markup)} {_text(view['tldr'], markup)}")
    featured = view.get("featured", [])[:headlines]
    if featured:
        lines = []
        for s in featured:
            lead = next((link["url"] for link in s.get("links", []) if link.get("url")), "")
            target = safe_url(lead) or f"{view['url']}#story-{s['rank']}"
            lines.append("• " + _link(s["headline"], target, markup))
        parts.append("\n".join(lines))
    elif view.get("quiet"):
        parts.append(_text(said.quiet_feed, markup))
    issue = view["url"]
    parts.append(_link(said.read_issue, issue, markup) if markup != "text"
                 else f"{said.read_issue}{said.colon}{inert_url(issue)}")
    return "\n\n".join(parts)


def briefs(view: dict[str, Any], markup: Markup) -> list[Brief]:
    """Every form of the issue's brief, fullest first, each strictly shorter than the last:
    everything; then without the TL;DR (a paragraph: the headlines and their links are what a
    chat reader acts on); then one headline fewer at a time; last the link to the issue alone.

    `view` is the issue's template context (render.build_view), so a brief can be made from
    issue.json alone, as the site is."""
    title = inert(" ".join(str(view["title"]).split()))
    n = len(view.get("featured", []))
    ladder = [(n, True)] + [(k, False) for k in range(n, -1, -1)]
    out: list[Brief] = []
    for k, tldr in ladder:
        b = Brief(title, _compose(view, markup, k, tldr), markup, k, tldr)
        if not out or len(b.body) < len(out[-1].body):
            out.append(b)
    return out


def fit(forms: list[Brief], limit: int) -> Brief:
    """The first (fullest) form whose body is at most `limit` characters; the shortest,
    clipped, when none is (a limit shorter than the link to the issue itself)."""
    for b in forms:
        if len(b.body) <= limit:
            return b
    last = forms[-1]
    return Brief(last.title, last.body[: max(limit, 0)], last.markup, 0, False)
