"""URL allowlist: the one gate every link from a source passes before it reaches a page.

Feed content is untrusted. Autoescaping stops markup injection, but an escaped
`javascript:alert(1)` is still a working link, so links need their own check: only absolute
http(s) URLs with a host survive; anything else is dropped and printed as plain text.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# Control characters and whitespace inside a URL are how scheme checks get bypassed
# ("java\tscript:", "\x00javascript:"): browsers strip them, we refuse them.
_BAD_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f\\<>\"`]")
_MAX_URL = 2048


def safe_url(url: object) -> str:
    """Return `url` when it is an absolute http(s) URL we are willing to link, else ""."""
    if not isinstance(url, str):
        return ""
    candidate = url.strip()
    if not candidate or len(candidate) > _MAX_URL or _BAD_CHARS.search(candidate):
        return ""
    try:
        parts = urlsplit(candidate)
        port = parts.port  # raises on garbage like "http://host:99999"
    except ValueError:
        return ""
    del port
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    if parts.username is not None or parts.password is not None:
        # "https://trusted.example@evil.example/" misleads readers; not worth linking.
        return ""
    return candidate


def is_safe_url(url: object) -> bool:
    return bool(safe_url(url))


def join_url(base: str, path: str) -> str:
    """`base` (ending in "/") plus a relative path, with the path's unsafe characters quoted."""
    if not base.endswith("/"):
        base += "/"
    return base + quote(path.lstrip("/"), safe="/-_.~")


def markdown_url(url: str) -> str:
    """A safe URL made safe inside Markdown's `(...)` link syntax as well, and free of the
    Liquid openers "{{" and "{%" (Jekyll runs Liquid before Markdown): braces are escaped."""
    return (url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
            .replace("{", "%7B").replace("}", "%7D"))
