"""URL helpers: resolution, canonical keys for deduplication, and the address rules (SSRF).

`canonical_key` is what the store compares: two URLs that differ only by tracking parameters,
a fragment, host case, a default port or parameter order name the same article.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that only say where a click came from. Generic names that sites also use
# for real content ("source", "from", "id") are deliberately absent: merging two different
# articles is worse than keeping a duplicate.
_TRACKING_EXACT = frozenset(
    {
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "igshid", "mc_cid",
        "mc_eid", "mkt_tok", "_hsenc", "_hsmi", "hsctatracking", "oly_anon_id", "oly_enc_id",
        "vero_conv", "vero_id", "wickedid", "rb_clickid", "s_cid", "ncid", "cmpid", "ref_src",
        "ref_url", "spm", "scm", "share", "sharesource", "at_medium", "at_campaign", "ito",
        "sr_share", "guccounter", "guce_referrer", "guce_referrer_sig", "_ga", "_gl", "ocid",
        "ref", "cmp", "soc_src", "soc_trk", "trk", "trkcampaign",
    }
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmb_", "itm_", "at_", "__s", "_bta_", "oly_")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_EXACT or lowered.startswith(_TRACKING_PREFIXES)


def canonical_key(url: str) -> str:
    """A comparison key for `url`: lower-case scheme and host, no default port, no fragment,
    no tracking parameters, remaining parameters sorted, no trailing slash on a non-root path.

    The key is for comparing, not for fetching (`https` and `http` stay distinct because a
    site may really serve different things, but `www.` is kept too for the same reason).
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return url.split("#", 1)[0]
    host = (parts.hostname or "").rstrip(".")
    if host and not host.isascii():
        with contextlib.suppress(UnicodeError):
            host = host.encode("idna").decode("ascii")
    host = host.lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    # Re-quote the path so "%7E" and "~" compare equal; keep "/" and existing escapes stable.
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=~-._") or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not is_tracking_param(k)]
    query = urlencode(sorted(pairs), doseq=True)
    return urlunsplit((scheme, netloc, path, query, ""))


def strip_tracking(url: str) -> str:
    """`url` without tracking parameters and fragment, otherwise unchanged (for display/fetch)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.scheme.lower() not in ("http", "https"):
        return url
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not is_tracking_param(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(pairs, doseq=True), ""))


_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def resolve(base: str | None, link: str | None) -> str | None:
    """`link` made absolute against `base`; None for empty links and non-web schemes
    other than mailto (javascript:, data: and the like are never article links)."""
    if not link:
        return None
    link = link.strip()
    if not link:
        return None
    absolute = urljoin(base, link) if base else link
    match = _SCHEME_RE.match(absolute)
    if not match:
        return None
    return absolute


def is_web_url(url: str) -> bool:
    head = url[8:9] if url.startswith("https://") else url[7:8] if url.startswith("http://") \
        else ""
    if head.isalnum() and " " not in url:
        return True  # the overwhelmingly common case, without urlsplit
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def host_of(url: str) -> str:
    """Lower-case host (IPv6 without brackets), '' when there is none."""
    try:
        return (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))


def is_internal_ip(address: str) -> bool:
    """True for loopback, private, link-local, multicast, reserved and unspecified addresses
    (and IPv4-mapped IPv6 forms of them): places a feed must not send us."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True  # not an address we understand: refuse rather than guess
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(
        ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified or not ip.is_global
    )


def literal_ip(host: str) -> str | None:
    """`host` itself when it is an IP literal, else None."""
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None
