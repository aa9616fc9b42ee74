"""What the store keeps of a published issue's stories (models.StoryMemory), and article keys.

An article is the same as a remembered one when a key matches: its URL normalised the way
people copy links (scheme, case of the host, `www.`, a trailing slash, the fragment and
tracking parameters do not count) or the hash of its body (`h:<content hash>`: the same text
under another address).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit

from digest.models import Article, Issue, StoryMemory

_TRACKING = frozenset(["fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid", "at_medium"])


def url_key(url: str) -> str:
    """`url` as a key: https and http alike, no www., no fragment, no tracking parameters."""
    try:
        u = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    if u.scheme not in ("http", "https"):
        return url.strip()
    host = (u.hostname or "").lower().removeprefix("www.")
    port = f":{u.port}" if u.port not in (None, 80, 443) else ""
    query = urlencode([(k, v) for k, v in parse_qsl(u.query, keep_blank_values=True)
                       if not k.lower().startswith("utm_") and k.lower() not in _TRACKING])
    path = u.path.rstrip("/") or "/"
    return f"//{host}{port}{path}" + (f"?{query}" if query else "")


def article_keys(article: Article) -> tuple[str, ...]:
    keys = [url_key(article.url)]
    if article.canonical_url:
        keys.append(url_key(article.canonical_url))
    if article.text.strip():
        keys.append("h:" + article.content_hash)
    return tuple(dict.fromkeys(keys))


def remember(issue: Issue, articles: Sequence[Article]) -> tuple[StoryMemory, ...]:
    """What to keep of `issue`'s stories; `articles`: those the issue was edited from (their
    body hashes become keys too)."""
    by_url: Mapping[str, Article] = {a.url: a for a in articles}
    out = []
    for story in issue.stories:
        keys: dict[str, None] = {}
        for c in story.articles:
            found = by_url.get(c.url)
            keys.update(dict.fromkeys(article_keys(found) if found else (url_key(c.url),)))
        out.append(StoryMemory(issue=issue.key, rank=story.rank, headline=story.headline,
                               articles=tuple(keys), anchors=story.anchors,
                               said=tuple(s.text for s in story.sentences)))
    return tuple(out)
