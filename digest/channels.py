"""What a notification channel may be: an Apprise URL, its secrets in environment variables.

Shared by the config (which checks every channel at load) and publish (which sends). A channel is
written in `sources.yaml` as an Apprise URL in which `${NAME}` stands for the value of the
environment variable NAME (`tgram://${TELEGRAM_TOKEN}/12345`), so no secret is ever in the file.
The URL as written — with the `${NAME}` references, never their values — is the channel's name
in the delivery ledger, in logs and in `digest status`.

Apprise costs about a third of a second to import, so it is imported here, on first use, only
when a config has channels (`digest --help`, and `digest status` for a config without
`notify:`, never load it: tests/core/test_core_startup.py).
"""

from __future__ import annotations

import os
import re
import warnings
from typing import Any

_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def references(template: str) -> list[str]:
    """The environment variables a channel URL names."""
    return _REF.findall(template)


def expand(template: str, env: dict[str, str] | None = None) -> str:
    """The channel's URL with every `${NAME}` replaced; KeyError names an unset variable."""
    env = dict(os.environ) if env is None else env

    def value(m: re.Match[str]) -> str:
        found = env.get(m.group(1), "")
        if not found:
            raise KeyError(m.group(1))
        return found

    return _REF.sub(value, template)


def instantiate(url: str) -> Any:
    """Apprise's plugin for `url`, or None when Apprise cannot use it (unknown service,
    missing parts)."""
    with warnings.catch_warnings():
        # Apprise loads its plugins on first use; one imports the stdlib's deprecated imghdr.
        warnings.simplefilter("ignore", DeprecationWarning)
        import apprise

        return apprise.Apprise.instantiate(url, suppress_exceptions=True)


def channel_problem(template: str, env: dict[str, str] | None = None) -> str | None:
    """Why a channel cannot be used (None: it can), without sending anything."""
    if "\n" in template or "\r" in template:
        return "expected one Apprise URL on one line"
    try:
        url = expand(template, env)
    except KeyError as exc:
        return (f"the environment variable {exc.args[0]} is not set (a channel's secrets come "
                "from the environment, as ${NAME})")
    if "://" not in url:
        return "expected an Apprise URL such as json://host/path or tgram://${TOKEN}/CHAT_ID"
    if instantiate(url) is None:
        scheme = url.split("://", 1)[0]
        return (f"not a URL Apprise can send to (unknown service {scheme!r}, or a part of the "
                "URL is missing or malformed)")
    return None


def first_problem(templates: list[str]) -> tuple[int, str] | None:
    """The first channel of a `notify:` list that cannot be used, with why (None: all can)."""
    seen: set[str] = set()
    for i, template in enumerate(templates):
        problem = channel_problem(template)
        if problem is None and template.lower() in seen:
            problem = "this channel is listed twice"
        if problem:
            return i, problem
        seen.add(template.lower())
    return None
