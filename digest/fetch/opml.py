"""OPML import/export, for `digest sources import FILE.opml` and `digest sources export`.

Outlines with an `xmlUrl` become sources; category outlines are flattened. What a source sets
other than the defaults travels in `digest:` attributes (`_EXTRA`: its kind, selector, include
and exclude keywords as JSON lists, `newsletter`, `full-text`) so an export re-imports to the
same configuration (other readers ignore them); an export dropped all but kind and selector,
and a round trip lost a source's keywords and its full-text choice.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import get_args

from lxml import etree

from digest.errors import ConfigError
from digest.models import Source, SourceKind

from .urls import host_of

DIGEST_NS = "https://github.com/digest-news/digest/opml"
_KINDS = set(get_args(SourceKind))
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)


def numbered(name: str, taken: set[str], key: Callable[[str], str] = str) -> str:
    """`name`, or "`name` (2)", "(3)" … the first whose `key` is not in `taken` (which then
    holds it): an OPML's repeated names, a name the config already has (`configedit`, by
    `str.casefold`)."""
    candidate, n = name, 2
    while key(candidate) in taken:
        candidate = f"{name} ({n})"
        n += 1
    taken.add(key(candidate))
    return candidate


def _keywords(value: str | None) -> tuple[str, ...]:
    """A JSON list of keywords, as `write_opml` writes it; anything else is none."""
    try:
        words = json.loads(value) if value else []
    except (ValueError, RecursionError):  # (a list nested too deeply for the decoder)
        return ()
    return tuple(w for w in words if isinstance(w, str)) if isinstance(words, list) else ()


def _ours(outline: etree._Element, key: str) -> str | None:
    """The outline's `digest:<key>` attribute."""
    value = outline.get(f"{{{DIGEST_NS}}}{key}")
    return str(value) if value is not None else None


def parse_opml(data: bytes, where: str = "<opml>") -> list[Source]:
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise ConfigError(f"not valid OPML: {exc}", path=where) from exc
    if root is None or root.tag != "opml":
        raise ConfigError("not an OPML document (no <opml> root)", path=where)
    sources: list[Source] = []
    taken: set[str] = set()
    seen_urls: set[str] = set()
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url or url in seen_urls:
            continue
        seen_urls.add(url)
        name = " ".join((outline.get("title") or outline.get("text") or host_of(url)
                         or url).split())
        kind = outline.get(f"{{{DIGEST_NS}}}kind") or "auto"
        selector = outline.get(f"{{{DIGEST_NS}}}selector") or None
        sources.append(Source(name=numbered(name, taken), url=url,
                              kind=kind if kind in _KINDS else "auto",  # type: ignore[arg-type]
                              selector=selector, include=_keywords(_ours(outline, "include")),
                              exclude=_keywords(_ours(outline, "exclude")),
                              newsletter=_ours(outline, "newsletter") == "true",
                              full_text=_ours(outline, "full-text") != "false"))
    return sources


def read_opml(path: str | Path) -> list[Source]:
    """The feeds an OPML file lists, as sources (names made unique, URLs deduplicated)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    return parse_opml(data, str(path))


def write_opml(sources: Sequence[Source], title: str) -> str:
    """An OPML 2.0 document listing `sources` (opml-kind sources themselves are left out)."""
    root = etree.Element("opml", version="2.0", nsmap={"digest": DIGEST_NS})
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    etree.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC))
    body = etree.SubElement(root, "body")
    for source in sources:
        if source.kind == "opml":
            continue
        outline = etree.SubElement(body, "outline", type="rss", text=source.name,
                                   title=source.name, xmlUrl=source.url)
        if source.kind not in ("auto", "feed"):
            outline.set(f"{{{DIGEST_NS}}}kind", source.kind)
        if source.selector:
            outline.set(f"{{{DIGEST_NS}}}selector", source.selector)
        for key, words in (("include", source.include), ("exclude", source.exclude)):
            if words:
                outline.set(f"{{{DIGEST_NS}}}{key}", json.dumps(list(words), ensure_ascii=False))
        if source.newsletter:
            outline.set(f"{{{DIGEST_NS}}}newsletter", "true")
        if not source.full_text:
            outline.set(f"{{{DIGEST_NS}}}full-text", "false")
    text: str = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text
