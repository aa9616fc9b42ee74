"""URL helpers: resolution, canonical keys for deduplication, and the address rules (SSRF).

`canonical_key` is what the store compares: two URLs that differ only by tracking parameters,
a fragment, host case, a default port or parameter order name the same article.
"""

from __future__ import annotations

import base64
import contextlib
import ipaddress
import re
from pathlib import Path
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
# The fragment that tells apart the entries of a feed that have no link of their own: each
# gets the feed's site link with it (`entry_url`), and `canonical_key` keeps it.
ENTRY_ANCHOR = "digest-entry-"


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_EXACT or lowered.startswith(_TRACKING_PREFIXES)


# A URL that is its own key: lower-case http(s) scheme and host (no trailing dot), at most a
# port that is not the default, a path of characters `quote` keeps as they are (no escapes),
# not ending in a slash unless it is the root, and no query or fragment. Most article links
# are; the parse, unquote, quote and unsplit are then skipped.
_KEY_CHARS = r"A-Za-z0-9:@!$&'()*+,;=~._\-"
_OWN_KEY = re.compile(rf"(https?)://[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::([1-9][0-9]{{0,4}}))?"
                      rf"(?:/|/[{_KEY_CHARS}/]*[{_KEY_CHARS}])")


def canonical_key(url: str) -> str:
    """A comparison key for `url`: lower-case scheme and host, no default port, no fragment,
    no tracking parameters, remaining parameters sorted, no trailing slash on a non-root path.

    The key is for comparing, not for fetching (`https` and `http` stay distinct because a
    site may really serve different things, but `www.` is kept too for the same reason).
    """
    own = _OWN_KEY.fullmatch(url)
    if own is not None and (own.group(2) is None or (
            int(own.group(2)) <= 65535 and int(own.group(2)) != _DEFAULT_PORTS[own.group(1)])):
        return url
    return parsed_key(url)


def parsed_key(url: str) -> str:
    """`canonical_key`, the long way for every URL (what a URL that is its own key gives)."""
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
    except ValueError:  # ("host:99999", "host:8080:80") kept as written: read as no port,
        # two such links and the host's own page were one article, each overwriting the last
        port, host = None, parts.netloc.rpartition("@")[2].lower()
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    # Re-quote the path so "%7E" and "~" compare equal; keep "/" and existing escapes stable.
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=~-._") or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not is_tracking_param(k)]
    query = urlencode(sorted(pairs), doseq=True)
    fragment = parts.fragment if parts.fragment.startswith(ENTRY_ANCHOR) else ""
    return urlunsplit((scheme, netloc, path, query, fragment))


def entry_url(site: str, guid: str) -> str:
    """The URL of a feed entry without a link of its own (an Atom entry with only its `<id>`,
    an RSS item with neither link nor GUID): its feed's site link, with a fragment naming the
    entry. With the bare site link, every such entry of a feed had one URL key, so the store
    kept the last of them over all the others, and the editor joined them as one story."""
    import hashlib  # (not before a warm fetch's first request: test_fetch_start.py)

    digest = hashlib.sha256(guid.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{site.split('#', 1)[0]}#{ENTRY_ANCHOR}{digest}"


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
    try:
        absolute = urljoin(base, link) if base else link
    except ValueError:  # "Invalid IPv6 URL" and the like: no usable link (a fuzz find)
        return None
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


def is_imap(url: str) -> bool:
    """An imap:// or imaps:// mailbox (fetch/imap.py reads it; loaded with the first one)."""
    return url.lower().startswith(("imap://", "imaps://"))


def is_local(url: str) -> bool:
    """A file:// URL or an absolute path: a source on the local disk (fetch/local.py reads it;
    loaded with the first one)."""
    if url.startswith("file://"):
        return True
    return "://" not in url and Path(url).is_absolute()


def to_path(url: str) -> Path:
    if url.startswith("file://"):
        from urllib.request import url2pathname  # (urllib.request: ~10 ms, file:// only)

        return Path(url2pathname(urlsplit(url).path))
    return Path(url)


# An http(s) URL whose host is plain (letters, digits, dots, hyphens) and whose port, if any,
# is digits: its host is that text, as urlsplit reads it (no user part, no brackets, no
# character urlsplit would strip or refuse), found without splitting the whole URL.
_PLAIN_HOST = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://([A-Za-z0-9.-]+)(?::[0-9]*)?(?:[/?#]|\Z)")


def host_of(url: str) -> str:
    """Lower-case host (IPv6 without brackets), '' when there is none. (A run asks it of each
    source before its first request: 500 urlsplits were ~1.3 ms of that.)"""
    plain = _PLAIN_HOST.match(url)
    if plain is not None:
        return plain[1].rstrip(".").lower()
    try:
        return (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""


def origin_key(url: str) -> tuple[str, str, int | None] | None:
    """(scheme, host, port) with the scheme's default port filled in; None when unparseable.
    Two URLs with the same key reach the same server."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        return None
    return scheme, host, port if port is not None else _DEFAULT_PORTS.get(scheme)


def credentials(url: str) -> tuple[str, str | None]:
    """`url` without the user and password written in it, and the HTTP Basic authorization
    they make (None when it has none): `https://reader:s3cret@host/feed` is asked for as
    `https://host/feed` with the header (RFC 7617; percent-escapes in either part decoded)."""
    _, sep, rest = url.partition("://")
    if not sep or "@" not in rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        return url, None  # (the common case, without parsing: no "@" before the path)
    parts = urlsplit(url)
    userinfo, _, place = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    token = base64.b64encode(f"{unquote(user)}:{unquote(password)}".encode()).decode("ascii")
    return urlunsplit(parts._replace(netloc=place)), f"Basic {token}"


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))


# IPv6 ranges that are an IPv4 address in another form: a packet to one goes to the IPv4
# address in its last 32 bits (the well-known NAT64 prefix of RFC 6052, RFC 2765's translated
# form), so they are judged as that address. IPv4-mapped ones likewise; 6to4 (2002::/16) and
# Teredo (2001::/32) are judged by both the IPv6 address and the IPv4 ones they carry.
_TRANSLATED = tuple(ipaddress.IPv6Network(n) for n in ("64:ff9b::/96", "::ffff:0:0:0/96"))
# Internal whatever Python's tables say about them (they differ between Python versions).
_INTERNAL_NETS = tuple(ipaddress.ip_network(n) for n in ("64:ff9b:1::/48",  # local-use NAT64
                                                         "100.64.0.0/10", "fc00::/7"))
# Cloud metadata and platform endpoints, some of them on public-looking addresses.
_METADATA = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "168.63.129.16", "100.100.100.200", "fd00:ec2::254"))

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _targets(ip: IPAddress) -> list[IPAddress]:
    """The addresses a packet to `ip` may really end up at."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return [ip]
    if ip.ipv4_mapped is not None:
        return [ip.ipv4_mapped]  # ::ffff:a.b.c.d is a.b.c.d on a dual-stack socket
    if any(ip in net for net in _TRANSLATED):
        return [ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)]
    found: list[IPAddress] = [ip]
    if ip.sixtofour is not None:
        found.append(ip.sixtofour)
    if ip.teredo is not None:
        found.extend(ip.teredo)
    return found


def is_internal_ip(address: str) -> bool:
    """True for loopback, private, link-local, multicast, reserved, unspecified, shared and
    cloud-metadata addresses, and for IPv6 addresses standing for or embedding one of them
    (IPv4-mapped or -translated, NAT64, 6to4, Teredo): places a feed must not send us."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True  # not an address we understand: refuse rather than guess
    for target in _targets(ip):
        if target in _METADATA or any(target in net for net in _INTERNAL_NETS
                                      if net.version == target.version):
            return True
        if (target.is_loopback or target.is_private or target.is_link_local
                or target.is_multicast or target.is_reserved or target.is_unspecified
                or not target.is_global):
            return True
    return False


def literal_ip(host: str) -> str | None:
    """`host` itself when it is an IP literal, else None."""
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


def is_loopback(host: str) -> bool:
    """Whether `host` is this machine ("localhost", 127.0.0.0/8, ::1): the one place a
    password may travel in clear (a local bridge, a test server)."""
    address = literal_ip(host)
    return host == "localhost" or (address is not None and ipaddress.ip_address(address).is_loopback)
