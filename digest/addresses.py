"""What an e-mail address, a From header, an unsubscribe target and a source's network URL may
be: the one home of these rules, used by the config (which refuses at load what sending or
fetching would refuse after a whole run) and by publishing (which checks again what it reads
at send time, e.g. a recipients file).

An unsubscribe target may hold placeholders, filled in each recipient's copy (`fill_unsubscribe`):
`{email}`, the recipient's address percent-encoded, and `{token}`, the hex HMAC-SHA256 of the
address (lower-cased) keyed by a secret read from the environment, so a one-click POST says who
left and cannot be forged for someone else's address.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Callable
from email.utils import getaddresses, parseaddr
from urllib.parse import quote

# Characters that end or break a header line, or that no plain address contains.
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]")
_SPECIALS = r"\s<>,;:\"()\[\]\\@"
_ADDRESS = re.compile(rf"^[^{_SPECIALS}]+@[^{_SPECIALS}.]+(\.[^{_SPECIALS}.]+)*$")
MAILTO = re.compile(r"^mailto:[^\s<>\"'`@]+@[A-Za-z0-9.-]+(\?[^\s<>\"'`]*)?$", re.IGNORECASE)
HTTP_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


def address_problem(address: str) -> str | None:
    """Why `address` is not one plain address (local@domain), or None when it is."""
    if _CONTROL.search(address):
        return f"{address!r} contains a line break or control character"
    if not _ADDRESS.match(address):
        return f"{address!r} is not a plain email address (local@domain)"
    return None


def from_problem(value: str) -> str | None:
    """Why `value` cannot be the From header ("Name <local@domain>" or a plain address)."""
    if _CONTROL.search(value):
        return f"{value!r} contains a line break or control character (header injection)"
    if len(getaddresses([value])) != 1:
        return f"{value!r} is not one address"
    _, address = parseaddr(value)
    return address_problem(address) if address else f"{value!r} is not an email address"


def url_problem(value: str, netloc: str) -> str | None:
    """What makes a source's network URL (its `netloc` parsed) one no fetch can use, or None: these passed the check ("valid")
    and failed at every run, as a misleading "internal address" (port 99999), a lookup error
    or an internal error ("example..org", a tab)."""
    if value != value.strip():
        return f"has white space around it: did you mean {value.strip()!r}?"
    if any(c.isspace() or not c.isprintable() for c in netloc) or any(
            ord(c) < 32 or ord(c) == 127 for c in value):
        return "has a space or a control character in it"
    place = netloc.rpartition("@")[2]  # (after any user)
    if place.startswith("["):  # an IPv6 literal, which urlsplit has checked
        host, port = "", place.partition("]:")[2]
    else:
        host, _, port = place.partition(":")
    if port and not (port.isdigit() and 0 < int(port) <= 65535):
        return f"has port {port!r}: a port is a number from 1 to 65535"
    labels = host.rstrip(".").split(".")
    if host and ("" in labels or any(len(label) > 63 for label in labels)):
        return (f"has host {host!r}, which is no host name (an empty label, or one over 63 "
                "characters)")
    return None


def unsubscribe_problem(value: str) -> str | None:
    """Why `value` cannot be the List-Unsubscribe target (an http(s) URL or a mailto:, its
    placeholders known ones), or None."""
    if _CONTROL.search(value):
        return f"{value!r} contains a line break or control character"
    if not (MAILTO.match(value.strip()) or HTTP_URL.match(value.strip())):
        return f"{value!r} is neither an http(s) URL nor a mailto: address"
    unknown = [name for name in _PLACEHOLDER.findall(value) if name not in _FIELDS]
    if unknown:
        return (f"unknown placeholder {{{unknown[0]}}} in {value!r} (known: "
                f"{', '.join('{' + name + '}' for name in _FIELDS)})")
    if set(_PLACEHOLDER.sub("", value)) & {"{", "}"}:
        return (f"{value!r} has a brace that is not part of a placeholder (a literal brace in "
                "a URL is written %7B or %7D)")
    return None


# ── per-recipient unsubscribe links ───────────────────────────────────────────

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
MIN_SECRET = 16  # characters: a short key makes every subscriber's token guessable


def unsubscribe_token(address: str, secret: str) -> str:
    """The {token} of `address`: hex HMAC-SHA256 of the address, stripped and lower-cased,
    keyed by `secret` (both UTF-8). A list service checks a request with the same formula."""
    key = secret.encode("utf-8")
    return hmac.new(key, address.strip().lower().encode("utf-8"), hashlib.sha256).hexdigest()


# What each placeholder becomes for one recipient: (address, secret) → text that is safe as is
# in a URL, a header and HTML (letters, digits, "%-._~"). Rules as data.
_FIELDS: dict[str, Callable[[str, str], str]] = {
    "email": lambda address, secret: quote(address.strip(), safe=""),
    "token": unsubscribe_token,
}


def secret_problem(template: str | None, name: str | None) -> str | None:
    """Why the secret of `template`'s {token}, in the environment variable `name`, cannot be
    used (never saying its value), or None (it is fine, or there is no {token})."""
    if "token" not in unsubscribe_placeholders(template):
        return "names a secret, but email.unsubscribe has no {token} to make" if name else None
    if not name:
        return ("{token} needs its secret: set email.unsubscribe_secret_env to the name of the "
                "environment variable that holds it (never the secret itself)")
    secret = os.environ.get(name, "")
    if len(secret) >= MIN_SECRET:
        return None
    said = "is not set" if not secret else f"is shorter than {MIN_SECRET} characters"
    return (f"${name} {said} (the secret of the unsubscribe link's {{token}}: at least "
            f"{MIN_SECRET} random characters, in the environment digest runs in)")


def unsubscribe_placeholders(value: str | None) -> frozenset[str]:
    """The placeholder names in an unsubscribe target (empty: one link for every copy)."""
    return frozenset(_PLACEHOLDER.findall(value or ""))


def fill_unsubscribe(template: str, address: str, secret: str | None) -> str:
    """`template` with its placeholders filled for `address`; a {token} needs the secret."""
    if secret is None and "token" in unsubscribe_placeholders(template):
        raise ValueError("the unsubscribe link's {token} needs its secret")
    return _PLACEHOLDER.sub(lambda m: _FIELDS[m.group(1)](address, secret or ""), template)
