"""The template context: issue.json data turned into what templates print.

Templates get this view, never the dataclasses, for two reasons: the static site is rebuilt
from issue.json files alone (so the view must be computable from that data), and every
decision a template should not have to make (which links are safe, how a failed source is
described, what the preheader says) is made once, here, in Python.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from digest.locale import WORDS, Words, day, days, listed, question, span, words
from digest.render.urls import join_url, safe_url
from digest.script import part_language

PREHEADER_MAX = 140
DESCRIPTION_MAX = 200


# Where Chinese text, which has no spaces, may be cut: after a clause's punctuation.
_CJK_CUT = re.compile(r"[，。；：、！？]")


def _clip(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut at a word with "…" (Chinese text after its
    last clause in the second half: never "…参数规模达12…")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    stop = max((m.start() for m in _CJK_CUT.finditer(head)), default=-1)
    if stop > max(head.rfind(" "), limit // 2):
        return head[:stop] + "…"
    cut = head.rsplit(" ", 1)[0].rstrip(",;:—-")
    return cut + "…"


def period_label(start_iso: str, end_iso: str, said: Words | None = None) -> str:
    """'2–8 March 2026' for an ISO week ('2026年3月2日至8日' in Chinese: digest/locale.py); the
    end is exclusive, so the last day is end - 1 day."""
    start = datetime.fromisoformat(start_iso)
    last = datetime.fromisoformat(end_iso) - timedelta(days=1)
    return span(start, max(start, last), said or WORDS["en"])


def _unlinked(article: dict[str, Any], said: Words, dated: bool = True) -> str:
    """What a source without a web address is, for its plain-text credit: an email
    newsletter item (a `mid:` URI) is "newsletter, 20 Nov" ("newsletter" undated)."""
    url = str(article.get("url") or "")
    if not url.lower().startswith("mid:"):
        return ""
    if not dated:
        return said.newsletter_item
    when = article.get("published")
    try:
        when_day = datetime.fromisoformat(str(when)) if when else None
    except ValueError:
        when_day = None
    return f"{said.newsletter_item}{said.comma}{day(when_day, said)}" if when_day else (
        said.newsletter_item)


def _links(articles: list[dict[str, Any]], said: Words, *,
           dated: bool = True) -> list[dict[str, Any]]:
    """'Sources: Outlet A, Outlet B' — one link per article, labelled by its outlet.

    Two articles from one outlet get '(2)' so every link stays distinguishable for screen
    readers. An article whose URL fails the allowlist is still credited, as plain text; an
    email newsletter item says so: "The Compute Letter (newsletter, 20 Nov)" — without its
    day (`dated=False`) where a coverage line beside it gives the days.
    """
    seen: Counter[str] = Counter()
    links = []
    for a in articles:
        outlet = (a.get("source") or "").strip() or "source"
        seen[outlet] += 1
        label = outlet if seen[outlet] == 1 else f"{outlet} ({seen[outlet]})"
        url = safe_url(a.get("url"))
        what = "" if url else _unlinked(a, said, dated)
        links.append({"url": url, "label": f"{label} ({what})" if what else label,
                      "title": a.get("title") or "", "source": outlet})
    return links


def _source_links(urls: list[str], by_url: dict[str, dict[str, Any]],
                  said: Words) -> list[dict[str, Any]]:
    articles = []
    for u in urls:
        a = dict(by_url.get(u) or {"url": u, "title": ""})
        if not a.get("source"):
            # An answer may cite a URL no story carries: its host stands in for the outlet.
            a["source"] = urlsplit(safe_url(u)).hostname or "source"
        articles.append(a)
    return _links(articles, said)


COVERAGE_NAMES = 4  # outlets a coverage line names before "and N more"


def _coverage(c: dict[str, Any] | None, zone: ZoneInfo, said: Words) -> dict[str, Any] | None:
    """The compact coverage line: who covered the story, and from when to when (in the
    newsletter's timezone); one outlet only says so. In the issue's language (`said`)."""
    outlets = [str(o) for o in (c or {}).get("outlets", []) if str(o).strip()]
    if not outlets:
        return None
    try:
        first, latest = (datetime.fromisoformat(c[k]).astimezone(zone) if c and c.get(k)
                         else None for k in ("first", "latest"))
    except (TypeError, ValueError):
        first = latest = None
    when = days(first, latest, said) if first and latest else ""
    if len(outlets) == 1:
        line = brief = said.only_line.format(name=outlets[0]) + (
            f"{said.comma}{when}" if when else "")
    else:
        names = listed(outlets, said, COVERAGE_NAMES)
        line = said.outlets.format(n=len(outlets), names=names) + (f" · {when}" if when else "")
        brief = said.outlets_brief.format(n=len(outlets)) + (f" · {when}" if when else "")
    # `line` stands alone under a story; `brief` follows the story's links, which name the
    # outlets already ("Also this week"); `when` is the days alone.
    return {"outlets": outlets, "single": len(outlets) == 1, "line": line, "brief": brief,
            "when": when}


# A headline ending in Chinese or Japanese script takes the full stop of that script
# ("深圳发布芯片政策。", not "深圳发布芯片政策.").
_WIDE_STOP = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60"
                        r"\u3001-\u303f」』）》】]$")


def run_in(headline: str) -> str:
    """A headline run into the text after it ("**Headline.** Blurb"): it ends on a stop."""
    head = headline.rstrip()
    if head[-1:] in ".!?…。！？":
        return head
    return f"{head}。" if _WIDE_STOP.search(head) else f"{head}."


def _story(s: dict[str, Any], base_url: str, zone: ZoneInfo, coverage: bool,
           said: Words, language: str | None,
           linked: Collection[str] | None) -> dict[str, Any]:
    earlier = s.get("previous") or None
    shown = _coverage(s.get("coverage"), zone, said) if coverage else None
    update = None
    if earlier and earlier.get("issue"):
        key = str(earlier["issue"])
        # An earlier issue not in this site (built with --out elsewhere, or deleted) is named,
        # not linked: its link would not resolve.
        url = (join_url(base_url, f"issues/{key}/") + f"#story-{int(earlier['rank'])}"
               if linked is None or key in linked else "")
        update = {"issue": key, "headline": str(earlier.get("headline") or ""), "url": url}
    return {
        "rank": s["rank"],
        "headline": s["headline"],
        "run_in": run_in(s["headline"]),  # "Also this week": the headline before its blurb
        "summary": s["summary"],  # "Also this week": its one-line blurb
        # each part's `lang` when it is not in the language ("" when it is)
        "headline_lang": part_language(s["headline"], language),
        "summary_lang": part_language(s["summary"], language),
        # The coverage line gives the days: a newsletter's credit does not repeat its day.
        "links": _links(s.get("articles", []), said, dated=shown is None),
        "topic": s.get("topic") or "",
        "follows": update,  # an update: the earlier issue's story it follows
        "coverage": shown,
    }


def _health(sources: list[dict[str, Any]]) -> dict[str, Any]:
    failed, skipped = [], []
    for h in sources:
        if h.get("status") == "skipped":  # on purpose (410 Gone, Retry-After): say why
            reason = _clip(str(h.get("error") or "skipped").splitlines()[0].split(";")[0], 80)
            skipped.append({"name": h.get("name", ""), "reason": reason})
            continue
        if h.get("status") != "error":
            continue
        # An HTTP error status says it all; a failure behind a 200, a redirect or a 304 (a bot
        # check, a redirect loop, a 304 to a first request) is its error's words, not "HTTP 200"
        status, error = h.get("http_status"), h.get("error")
        if status and (status >= 400 or not error):
            reason = f"HTTP {status}"
        elif error:
            reason = _clip(str(error).splitlines()[0], 80)
        else:
            reason = "failed"
        failed.append({"name": h.get("name", ""), "reason": reason})
    total = len(sources)
    parts = []
    if failed:
        listed = ", ".join(f"{f['name']} ({f['reason']})" for f in failed)
        parts.append(f"{len(failed)} of {total} sources failed: {listed}.")
    if skipped:
        listed = ", ".join(f"{f['name']} ({f['reason']})" for f in skipped)
        parts.append(f"{len(skipped)} of {total} skipped: {listed}.")
    if not parts and total:
        parts.append(f"All {total} source{'s' if total != 1 else ''} fetched fine.")
    return {"total": total, "failed": failed, "skipped": skipped,
            "ok": total - len(failed) - len(skipped), "line": " ".join(parts)}


def _preheader(featured: list[dict[str, Any]], also: list[dict[str, Any]], intro: str,
               said: Words) -> str:
    # Built from headlines, not copied from the body: a preheader that repeats the first
    # paragraph wastes the inbox preview, and the text part must not carry it at all.
    heads = [s["headline"] for s in (featured or also)[:3]]
    if not heads:
        return _clip(said.preheader_quiet.format(intro=intro), PREHEADER_MAX)
    return _clip(said.preheader.format(items=listed(heads, said, len(heads))), PREHEADER_MAX)


def _sections(stories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive featured stories of one section, as the editor ordered them."""
    groups: list[dict[str, Any]] = []
    for s in stories:
        if not groups or groups[-1]["name"] != s["topic"]:
            groups.append({"name": s["topic"], "stories": []})
        groups[-1]["stories"].append(s)
    return groups


def _zone(name: object) -> ZoneInfo:
    try:
        return ZoneInfo(str(name or "UTC"))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return ZoneInfo("UTC")


def shortened(view: dict[str, Any], shown: int, notes: list[str],
              featured: int | None = None) -> dict[str, Any]:
    """A full view (build_view) whose "Also this week" list keeps its first `shown` items
    (and, given `featured`, "In Our Feeds" its first `featured` stories), with `notes` added:
    the e-mail's view when the whole issue does not fit."""
    also = view["also"][:shown]
    cut = {"also": also, "also_hidden": view["also_total"] - len(also),
           "notes": [*view["notes"], *notes]}
    if featured is not None:
        kept = view["featured"][:featured]
        cut.update(featured=kept, featured_sections=_sections(kept),
                   featured_hidden=len(view["featured"]) - len(kept))
    return {**view, **cut}


def build_view(data: dict[str, Any], newsletter: dict[str, Any], *,
               linked: Collection[str] | None = None) -> dict[str, Any]:
    """The context every issue template receives (documented in docs/templates.md).
    `linked`: the issues an update's "Follows" may link to (those in the same site); None:
    every one."""
    base_url = safe_url(newsletter.get("base_url")) or "https://example.org/"
    if not base_url.endswith("/"):
        base_url += "/"
    stories = data.get("stories", [])
    zone = _zone(newsletter.get("timezone"))
    shown = bool(newsletter.get("coverage", True))
    said = words(newsletter.get("language"), newsletter.get("labels") or {})
    language = newsletter.get("language")
    featured = [_story(s, base_url, zone, shown, said, language, linked) for s in stories
                if s.get("section") == "in_our_feeds"]
    also = [_story(s, base_url, zone, shown, said, language, linked) for s in stories
            if s.get("section") != "in_our_feeds"]

    by_url: dict[str, dict[str, Any]] = {}
    for s in stories:
        for a in s.get("articles", []):
            by_url.setdefault(a.get("url", ""), dict(a))
    for a in data.get("articles", []):
        by_url.setdefault(a.get("url", ""), dict(a))

    explainer = None
    ex = data.get("explainer")
    if ex:
        explainer = {
            "entity": ex.get("entity", ""),
            "entity_lang": part_language(ex.get("entity", ""), language),
            "why": ex.get("why", ""),  # the operator's: how it was chosen
            "qa": [{"question": question(q.get("question", ""), said),
                    "answer": q.get("answer", ""),
                    "answer_lang": part_language(q.get("answer", ""), language),
                    "links": _source_links(list(q.get("sources", [])), by_url, said)}
                   for q in ex.get("qa", [])],
        }

    key = data["key"]
    url = join_url(base_url, f"issues/{key}/")
    intro = data.get("intro", "")
    tldr = data.get("tldr", "")
    summary_src = tldr or intro or newsletter.get("description", "")
    return {
        "newsletter": {
            "title": newsletter.get("title", ""),
            "description": newsletter.get("description", ""),
            "language": newsletter.get("language") or "en",
            "author": newsletter.get("author", ""),
            "base_url": base_url,
            "topics": list(newsletter.get("topics", [])),
        },
        "words": said,  # the furniture's words, in the language (digest/locale.py)
        "key": key,
        "title": data.get("title", key),
        "url": url,
        "feed_url": join_url(base_url, "feed.xml"),
        "json_feed_url": join_url(base_url, "feed.json"),
        "date": data["period"]["end"],
        "start": data["period"]["start"],
        "period_label": period_label(data["period"]["start"], data["period"]["end"], said),
        "intro": intro,
        "intro_lang": part_language(intro, language),
        "featured": featured,
        # "In Our Feeds" by section: [{name, stories}], one nameless group without sections
        "featured_sections": _sections(featured),
        "also": also,
        "also_total": len(also),
        "also_hidden": 0,  # the e-mail's shortened list says how many it left out
        "featured_hidden": 0,  # the stories a huge week's e-mail leaves to the web edition
        "quiet": not featured and not also,
        "tldr": tldr,
        "tldr_lang": part_language(tldr, language),
        "explainer": explainer,
        "explainer_note": data.get("explainer_note") or "",
        "health": _health(data.get("sources", [])),
        "notes": list(data.get("notes", [])),
        # Source health and notes are the operator's: printed only when the config asks.
        "operator": bool(newsletter.get("operator_footer")),
        "editor": data.get("editor", ""),
        "preheader": _preheader(featured, also, intro, said),
        "description": _clip(summary_src, DESCRIPTION_MAX),
        "article_count": len(data.get("articles", [])),
    }
