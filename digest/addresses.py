"""What an e-mail address, a From header and an unsubscribe target may be: the one home of these
rules, used by the config (which refuses at load what sending would refuse after a whole run)
and by publishing (which checks again what it reads at send time, e.g. a recipients file)."""

from __future__ import annotations

import re
from email.utils import getaddresses, parseaddr

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


def unsubscribe_problem(value: str) -> str | None:
    """Why `value` cannot be the List-Unsubscribe target (an http(s) URL or a mailto:)."""
    if _CONTROL.search(value):
        return f"{value!r} contains a line break or control character"
    if MAILTO.match(value.strip()) or HTTP_URL.match(value.strip()):
        return None
    return f"{value!r} is neither an http(s) URL nor a mailto: address"
