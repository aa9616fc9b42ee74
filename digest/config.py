"""The validated, frozen configuration, read once at start from `sources.yaml`.

Unknown keys are errors, and every error names the file, the line and the key, e.g.

    sources.yaml:14: sources[2].kidn: unknown key (expected one of: name, url, kind, …)

Validation uses pydantic; the result is converted to the plain frozen dataclasses of
`digest.models` and `digest.configtypes` (`Config`, `Schedule`) so no stage depends on pydantic.
The command line reads it through `configcache`, which skips YAML and pydantic while the file
has not changed.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml
from pydantic import (
    BaseModel,
    ValidationError,
)

from .addresses import address_problem, secret_problem, url_problem
from .configfile import MAX_BYTES, dotted, read_yaml
from .configschema import PG_SCHEMES, ConfigModel
from .configtypes import Config, Schedule
from .errors import ConfigError
from .models import (
    EditorSettings,
    EmailSettings,
    FetchSettings,
    LLMSettings,
    Newsletter,
    Source,
    TopicSection,
)

__all__ = ["Config", "Schedule", "load_config"]


# ── sections (with coverage and continuity) ───────────────────────────────────


def _sections(m: ConfigModel, path: Path, root: yaml.Node | None) -> tuple[TopicSection, ...]:
    """The `sections:` list: unique names, at most one without topics (the catch-all)."""
    def fail(msg: str, i: int, key: str) -> ConfigError:
        return ConfigError(msg, path=str(path), line=_line(root, ("sections", i, key)),
                           key=f"sections[{i}].{key}")
    seen: set[str] = set()
    catch_all = False
    for i, sec in enumerate(m.sections):
        if sec.name.casefold() in seen:
            raise fail(f"duplicate section name {sec.name!r}", i, "name")
        seen.add(sec.name.casefold())
        if not sec.topics:
            if catch_all:
                raise fail("only one section may leave out topics (it takes every story "
                           "no other section does)", i, "topics")
            catch_all = True
    return tuple(TopicSection(s.name, tuple(s.topics), s.max) for s in m.sections)


# ── loading ──────────────────────────────────────────────────────────────────


def _node_at(root: yaml.Node | None, loc: tuple[int | str, ...]) -> yaml.Node | None:
    """The YAML node a pydantic error location points at.

    For a key that is not there (a missing required key) it is the key of the mapping that
    should hold it, which is the line a person has to edit.
    """
    node, holder = root, root
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == part), None)
            if pair is None:
                return holder
            holder, node = pair
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = holder = node.value[part]
        else:
            return holder
    # an unknown key: point at the key itself, not at its value
    return holder if isinstance(holder, yaml.ScalarNode) and holder.value == loc[-1] else node



def _line(root: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """The line (1-based) of the key or value at `loc`, when the file has it."""
    node = _node_at(root, loc)
    return node.start_mark.line + 1 if node is not None else None

# ── a source's url ───────────────────────────────────────────────────────────
# A web or mailbox URL, or a path relative to the config file. A web address written without
# its scheme (`example.org/feed.xml`) or with a mangled one (`http//…`, `https:/…`) is an
# error at load, naming what was meant: read as a path, it failed only once the run fetched it
# ("no such file or directory: …/example.org/feed.xml"), and the config had been reported valid.

_NETWORK = ("http", "https", "imap", "imaps")

# A path whose first segment reads as a host: these are the web addresses a user wrote without
# `https://`, when no such file or folder is there. A bare `feed.xml` (no slash after it) is a
# file name, not a host.
_HOST_FIRST = (
    re.compile(r"www\.[^/\s]+", re.IGNORECASE),  # www.example.org, www.example.org/feed
    re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d{1,5})?/", re.IGNORECASE),  # example.org/feed
    re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}:\d{1,5}(?:/|$)", re.IGNORECASE),  # example.org:8080
    re.compile(r"(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?:/|$)"),  # 127.0.0.1:8765/feed.xml
    re.compile(r"localhost(?::\d{1,5})?(?:/|$)", re.IGNORECASE),  # localhost:8080/feed
)
# `http//host`, `https:/host`, `http:host`: a scheme with its colon or a slash missing.
# `//host/…` (a link's protocol-relative form): the same, its scheme left out.
_MANGLED = re.compile(r"(?P<scheme>https?)?(?::/?|//)(?!/)(?P<rest>.+)", re.IGNORECASE)


def _resolve(base: Path, value: str) -> str:
    """http(s) and imap(s) URLs stay; `file:` and anything without a scheme is a path, made
    absolute against `base` (the config's folder). Raises ValueError, its message for the
    user, for another scheme and for a web address without its scheme or host."""
    parsed = urlparse(value)
    scheme = parsed.scheme.lower()
    if scheme in _NETWORK:
        if not parsed.netloc:
            raise ValueError(_mangled(value) or f"{value!r} names no host "
                             f"(expected {scheme}://host/…)")
        problem = url_problem(value, parsed.netloc)
        if problem:
            raise ValueError(f"{value!r} {problem}")
        return value
    if scheme == "file":
        return str(Path(parsed.path))
    if scheme and len(scheme) > 1 and not looks_like_host(value):
        raise ValueError(f"unsupported URL scheme {scheme!r} "
                         "(expected http, https, imaps or a local path)")
    path = (base / value).resolve()
    meant = _mangled(value) or (
        f"{value!r} has no scheme: write 'https://{value}' for a web address (as a local "
        f"path it would be {path}, which does not exist)" if looks_like_host(value) else None)
    if meant and not _exists(path):
        raise ValueError(meant)
    return str(path)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long for the file system, say: no file is there
        return False


def looks_like_host(value: str) -> bool:
    """A path whose first segment reads as a host (`_HOST_FIRST`): a web address without its
    scheme."""
    return any(rule.match(value) for rule in _HOST_FIRST)


def _mangled(value: str) -> str | None:
    """The message for `http//host/…` and the like, or None."""
    found = _MANGLED.fullmatch(value)
    if found is None:
        return None
    if not found["scheme"] and not (value.startswith("//") and looks_like_host(found["rest"])):
        return None  # ":x" or "//srv/feeds": a path
    meant = f"{(found['scheme'] or 'https').lower()}://{found['rest']}"
    return f"{value!r} is not a URL: did you mean {meant!r}?"


def load_config(path: str | Path) -> Config:
    """Read and validate a config file. Raises ConfigError naming file, line and key."""
    path = Path(path)
    shown = str(path)
    try:
        raw_bytes = path.read_bytes()
    except OSError as exc:
        where = (f"; there is none in {Path.cwd()}: give its path with --config PATH or "
                 "$DIGEST_CONFIG" if isinstance(exc, FileNotFoundError)
                 and not path.is_absolute() else "")
        raise ConfigError(f"cannot read the config file ({exc.strerror}{where})",
                          path=shown) from exc
    if len(raw_bytes) > MAX_BYTES:
        raise ConfigError(f"the file is {len(raw_bytes):,} bytes (at most {MAX_BYTES:,})",
                          path=shown)
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        # An editor's legacy encoding (GBK on a Chinese Windows, Latin-1): where, and what to do
        raise ConfigError("not UTF-8 text (save the file as UTF-8)", path=shown,
                          line=raw_bytes.count(b"\n", 0, exc.start) + 1) from exc
    root, data = read_yaml(text, shown)
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping with at least a 'newsletter' key", path=shown, line=1)
    try:
        model = ConfigModel.model_validate(data)
    except ValidationError as exc:
        # A typo'd key also makes the intended key "missing": report the typo first.
        errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        err = errors[0]
        loc = tuple(err["loc"])
        line = _line(root, loc)
        msg = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            parent = ConfigModel
            allowed = _allowed_keys(parent, loc[:-1])
            msg = "unknown key" + (f" (expected one of: {', '.join(allowed)})" if allowed else "")
        elif err["type"] == "missing":
            msg = "required key is missing"
        elif err["type"] in ("model_type", "dict_type"):  # it named a class: "_SourceModel"
            allowed = _allowed_keys(ConfigModel, loc)
            msg = ("expected a mapping of keys" + (f" ({', '.join(allowed)})" if allowed else "")
                   + f", not {_shown(err['input'])}")
        elif err["type"] == "list_type" and isinstance(err["input"], dict):
            msg += " (got a mapping: start each item with '- ')"
        elif err["type"].endswith(("_type", "_parsing")) and _scalar(err["input"]):
            msg += f" (got {_shown(err['input'])})"
        if len(exc.errors()) > 1:
            msg += f" (and {len(exc.errors()) - 1} more error(s))"
        raise ConfigError(msg, path=shown, line=line, key=dotted(loc)) from exc
    return _freeze(model, path, raw_bytes, root)


def _scalar(value: object) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _shown(value: object) -> str:
    """A value as an error message quotes it: a scalar, at most 60 characters, or its kind."""
    if value is None:
        return "an empty value"
    if not _scalar(value):
        return "a list" if isinstance(value, list) else "a mapping"
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _allowed_keys(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The keys a mapping at `loc` accepts, for the 'unknown key' message."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return []
        ann = fields[part].annotation
        args = getattr(ann, "__args__", None) or ()
        current = next((a for a in (ann, *args) if isinstance(a, type) and issubclass(a, BaseModel)),
                       None)
        if current is None:
            return []
    fields = getattr(current, "model_fields", {})
    return [f.alias or name for name, f in fields.items()]


def _freeze(m: ConfigModel, path: Path, raw: bytes, root: yaml.Node | None) -> Config:
    base = path.resolve().parent
    names: set[str] = set()
    sources: list[Source] = []
    for i, s in enumerate(m.sources):
        def fail(msg: str, key: str, i: int = i) -> ConfigError:
            return ConfigError(msg, path=str(path), line=_line(root, ("sources", i, key)),
                               key=f"sources[{i}].{key}")
        if s.name in names:
            raise fail(f"duplicate source name {s.name!r} (names must be unique)", "name")
        names.add(s.name)
        try:
            url = _resolve(base, s.url)
        except ValueError as exc:
            raise fail(str(exc), "url") from exc
        sources.append(Source(name=s.name, url=url, kind=s.kind, include=tuple(s.include),
                              exclude=tuple(s.exclude), selector=s.selector,
                              newsletter=s.newsletter, full_text=s.full_text))
    n = m.newsletter
    newsletter = Newsletter(title=n.title, description=n.description, topics=tuple(n.topics),
                            timezone=n.timezone, max_stories=n.max_stories, base_url=n.base_url,
                            language=n.language, author=n.author,
                            operator_footer=n.operator_footer, min_stories=n.min_stories,
                            send_empty=n.send_empty, sections=_sections(m, path, root),
                            coverage=m.coverage, labels=tuple(sorted(n.labels.items())))
    db_url = m.database if m.database and m.database.startswith(PG_SCHEMES) else None
    database = base / (m.database if m.database and not db_url else ".digest/digest.sqlite3")
    e = m.email
    if e.recipients_file:
        _check_recipients_file(base / e.recipients_file)
    email = EmailSettings(from_addr=e.from_addr, recipients=tuple(e.recipients),
                          recipients_file=(base / e.recipients_file) if e.recipients_file else None,
                          unsubscribe=e.unsubscribe,
                          unsubscribe_secret_env=e.unsubscribe_secret_env, smtp_host=e.smtp_host, smtp_port=e.smtp_port,
                          security=e.security, username_env=e.username_env,
                          password_env=e.password_env, timeout=e.timeout)
    llm = None
    if m.llm is not None:
        llm = LLMSettings(base_url=m.llm.base_url, model=m.llm.model, api_key_env=m.llm.api_key_env,
                          token_budget=m.llm.token_budget, timeout=m.llm.timeout,
                          retries=m.llm.retries, time_budget=m.llm.time_budget,
                          json_mode=m.llm.json_mode, cache_dir=database.parent / "llm-cache")
    sch = m.schedule
    schedule = Schedule(day_of_week=sch.day_of_week, hour=sch.hour, minute=sch.minute,
                        timezone=sch.timezone or n.timezone,
                        misfire_grace_time=sch.misfire_grace_time, retry=sch.retry)
    notify = _channels(m.notify, path, root)
    _check_own_values(m, path, root)
    _check_unsubscribe_secret(m, path, root)
    return Config(path=path.resolve(), newsletter=newsletter, sources=tuple(sources),
                  database=database, output=base / m.output,
                  templates=_templates(base, m.templates, path, root),
                  fetch=FetchSettings(**m.fetch.model_dump()), email=email, llm=llm,
                  editor=EditorSettings(embeddings=m.editor.embeddings,
                                         paragraph_words=m.editor.paragraph_words), schedule=schedule,
                  notify=notify, continuity=m.continuity,
                  explainer_memory=m.explainer_memory,
                  digest=hashlib.sha256(raw).hexdigest(), database_url=db_url)


def _check_own_values(m: ConfigModel, path: Path, root: yaml.Node | None) -> None:
    """The settings whose defaults are placeholders, required once issues leave the machine:
    without them every issue went out From: digest@example.org (a domain nobody sending owns:
    refused by the relay, or junk, replies lost) with "Read on the web" and each channel's
    link pointing at https://example.org/digest/."""
    mailed = bool(m.email.recipients or m.email.recipients_file)
    needs = (  # (applies, model, field, where its key goes, key, what it is)
        (mailed, m.email, "from_addr", "email", "email.from",
         "the address the issue is sent from, e.g. 'News Weekly <news@your-domain.org>'"),
        (mailed or bool(m.notify), m.newsletter, "base_url", "newsletter",
         "newsletter.base_url",
         "the web address out/ is published at, for the issue's \"Read on the web\" link"),
    )
    for applies, model, field, parent, key, what in needs:
        if applies and field not in model.model_fields_set:
            sent = "recipients are set" if mailed else "notify: channels are set"
            raise ConfigError(f"required when {sent}: {what}", path=str(path), key=key,
                              line=_line(root, (parent,)))


def _check_unsubscribe_secret(m: ConfigModel, path: Path, root: yaml.Node | None) -> None:
    """A {token} in email.unsubscribe comes with its secret, set in this environment."""
    e = m.email
    problem = secret_problem(e.unsubscribe, e.unsubscribe_secret_env)
    if problem:
        key = "unsubscribe_secret_env" if e.unsubscribe_secret_env else "unsubscribe"
        raise ConfigError(problem, path=str(path), key=f"email.{key}",
                          line=_line(root, ("email", key)))


def _check_recipients_file(path: Path) -> None:
    """Every address of an existing recipients file, now rather than after a whole run (a file
    not there yet is read, and must be there, when sending)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the recipients file: {exc}", path=str(path),
                          key="email.recipients_file") from exc
    for n, line in enumerate(lines, 1):
        entry = line.split("#", 1)[0].strip()
        problem = address_problem(entry) if entry else None
        if problem:
            raise ConfigError(problem, path=str(path), line=n, key="email.recipients_file")


def _channels(urls: list[str], path: Path, root: yaml.Node | None) -> tuple[str, ...]:
    """Every notification channel, checked now (its variables set, a URL Apprise can use)."""
    from .channels import first_problem  # imports Apprise: only for a config with channels

    found = first_problem(urls) if urls else None
    if found is not None:
        raise ConfigError(found[1], path=str(path), key=f"notify[{found[0]}]",
                          line=_line(root, ("notify", found[0])))
    return tuple(urls)


def _templates(base: Path, named: str | None, path: Path, root: yaml.Node | None) -> Path | None:
    """The folder of template overrides: the one named, which must be there (a typo in its
    name silently printed every issue with the package's templates), else `templates/`
    beside the config when it exists."""
    if not named:
        return _default_templates(base)
    folder = base / named
    if not folder.is_dir():
        raise ConfigError(f"no such folder: {folder} (a folder of templates, each overriding "
                          "the package's file of its name)", path=str(path), key="templates",
                          line=_line(root, ("templates",)))
    return folder


def _default_templates(base: Path) -> Path | None:
    """A `templates/` folder beside the config overrides the package's, file by file."""
    folder = base / "templates"
    return folder if folder.is_dir() else None
