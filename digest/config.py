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
from typing import Annotated, Any, Literal
from urllib.parse import urlparse, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from .addresses import address_problem, from_problem, unsubscribe_problem
from .configfile import MAX_BYTES, dotted, read_yaml
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

# ── the schema ───────────────────────────────────────────────────────────────


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


# Rules as data: what the free-text settings may look like.
_LANGUAGE = r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"  # a BCP 47 tag: it becomes a mail header
_ENV_NAME = r"^[A-Za-z_][A-Za-z0-9_]*$"
_HOST = r"^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.?)+$|^\[?[0-9A-Fa-f:.]+\]?$"
_DAYS = "mon|tue|wed|thu|fri|sat|sun"
# APScheduler's day_of_week: *, */2, a day (mon or 0-6), a range (mon-fri, 0-4, 1-5/2), lists.
_DAY_ITEM = re.compile(rf"^(\*(/\d+)?|[0-6](-[0-6])?(/\d+)?|({_DAYS})(-({_DAYS}))?)$",
                       re.IGNORECASE)
_MAX_SECONDS = 3600.0  # no timeout or delay needs to be longer than an hour
Seconds = Annotated[float, Field(gt=0, le=_MAX_SECONDS)]
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _http_url(v: str) -> str:
    u = urlparse(v)
    if u.scheme not in ("http", "https") or not u.netloc or _CONTROL.search(v):
        raise ValueError("expected an absolute http(s) URL")
    return v


def _known_zone(v: str) -> str:
    try:
        ZoneInfo(v)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:  # 'Asia' is a folder: OSError
        raise ValueError(f"unknown timezone {v!r} (expected an IANA name such as Europe/Paris)") from exc
    return v


def _plain_path(v: str | None) -> str | None:
    if v is not None and (not v or _CONTROL.search(v)):
        raise ValueError("expected a file or folder path (no control characters)")
    return v


_PG_SCHEMES = ("postgresql://", "postgres://")


def _database(v: str | None) -> str | None:
    """A SQLite file path, or a `postgresql://user@host[:port]/db` URL without a password
    (libpq reads it from $PGPASSWORD or ~/.pgpass: a secret never sits in this file)."""
    if v is not None and v.startswith(_PG_SCHEMES):
        parts = urlsplit(v)
        if parts.password is not None:
            raise ValueError("no password in the database URL: set PGPASSWORD (or use "
                             "~/.pgpass) in the environment of digest instead")
        if not parts.hostname or not parts.path.strip("/"):
            raise ValueError("expected postgresql://user@host[:port]/database")
        return v
    return _plain_path(v)


def _checked(problem: str | None, v: str) -> str:
    if problem:
        raise ValueError(problem)
    return v


class _NewsletterModel(_Strict):
    title: str = Field(min_length=1)
    description: str = ""
    topics: list[str] = []
    timezone: Annotated[str, AfterValidator(_known_zone)] = "UTC"
    max_stories: int = Field(default=5, ge=1, le=50)
    base_url: str = "https://example.org/digest/"
    language: str = Field(default="en", pattern=_LANGUAGE)
    author: str = ""
    operator_footer: bool = False
    min_stories: int = Field(default=Newsletter.min_stories, ge=0, le=1000)
    send_empty: bool = Newsletter.send_empty

    @field_validator("base_url")
    @classmethod
    def _absolute(cls, v: str) -> str:
        v = _http_url(v)
        return v if v.endswith("/") else v + "/"


class _SourceModel(_Strict):
    name: str = Field(min_length=1)
    url: str = Field(min_length=1)
    kind: Literal["auto", "feed", "page", "sitemap", "opml", "mailbox"] = "auto"
    include: list[str] = []
    exclude: list[str] = []
    selector: str | None = None
    newsletter: bool = False
    full_text: bool = True


class _FetchModel(_Strict):
    user_agent: str = FetchSettings.user_agent
    concurrency: int = Field(default=FetchSettings.concurrency, ge=1, le=1000)
    per_host: int = Field(default=FetchSettings.per_host, ge=1, le=100)
    per_host_delay: float = Field(default=FetchSettings.per_host_delay, ge=0, le=_MAX_SECONDS)
    connect_timeout: Seconds = FetchSettings.connect_timeout
    read_timeout: Seconds = FetchSettings.read_timeout
    total_timeout: Seconds = FetchSettings.total_timeout
    max_bytes: int = Field(default=FetchSettings.max_bytes, ge=1024)
    max_redirects: int = Field(default=FetchSettings.max_redirects, ge=0, le=20)
    retries: int = Field(default=FetchSettings.retries, ge=0, le=10)
    max_items: int = Field(default=FetchSettings.max_items, ge=1)


class _EmailModel(_Strict):
    from_addr: Annotated[str, AfterValidator(lambda v: _checked(from_problem(v), v))] = Field(
        default=EmailSettings.from_addr, alias="from")
    recipients: list[Annotated[str, AfterValidator(lambda v: _checked(address_problem(v), v))]] = []
    recipients_file: Annotated[str | None, AfterValidator(_plain_path)] = None
    unsubscribe: Annotated[str, AfterValidator(lambda v: _checked(unsubscribe_problem(v), v))] \
        | None = None
    smtp_host: str = Field(default=EmailSettings.smtp_host, pattern=_HOST)
    smtp_port: int = Field(default=EmailSettings.smtp_port, ge=1, le=65535)
    security: Literal["starttls", "tls", "none"] = EmailSettings.security
    username_env: str = Field(default=EmailSettings.username_env, pattern=_ENV_NAME)
    password_env: str = Field(default=EmailSettings.password_env, pattern=_ENV_NAME)
    timeout: Seconds = EmailSettings.timeout


class _LLMModel(_Strict):
    base_url: Annotated[str, AfterValidator(_http_url)]
    model: str = Field(min_length=1)
    api_key_env: str = Field(default=LLMSettings.api_key_env, pattern=_ENV_NAME)
    token_budget: int = Field(default=LLMSettings.token_budget, ge=0, le=10**9)
    timeout: Seconds = LLMSettings.timeout
    retries: int = Field(default=LLMSettings.retries, ge=0, le=10)


class _EditorModel(_Strict):
    embeddings: bool = EditorSettings.embeddings
    paragraph_words: tuple[int, int] = EditorSettings.paragraph_words

    @field_validator("paragraph_words")
    @classmethod
    def _words(cls, v: tuple[int, int]) -> tuple[int, int]:
        if not 0 < v[0] <= v[1]:
            raise ValueError("paragraph_words is [least, most] with 0 < least <= most")
        return v


class _ScheduleModel(_Strict):
    day_of_week: str = "mon"
    hour: int = Field(default=7, ge=0, le=23)
    minute: int = Field(default=0, ge=0, le=59)
    timezone: Annotated[str, AfterValidator(_known_zone)] | None = None  # default: newsletter's
    misfire_grace_time: int = Field(default=6 * 3600, ge=1, le=7 * 86400)  # seconds

    @field_validator("day_of_week")
    @classmethod
    def _weekdays(cls, v: str) -> str:
        items = [item.strip().lower() for item in v.split(",")]
        bad = [item for item in items if not _DAY_ITEM.match(item)]
        if bad:
            raise ValueError(f"unknown day {bad[0]!r} (expected mon, tue, wed, thu, fri, sat or "
                             "sun, a range such as mon-fri, or a comma-separated list)")
        return ",".join(items)


# ── sections (with coverage and continuity, below) ───────────────────────────


class _SectionModel(_Strict):
    name: str = Field(min_length=1, max_length=80)
    topics: list[Annotated[str, Field(min_length=1)]] = []
    max: int | None = Field(default=None, ge=1, le=50)


def _sections(m: _ConfigModel, path: Path, root: yaml.Node | None) -> tuple[TopicSection, ...]:
    """The `sections:` list: unique names, at most one without topics (the catch-all)."""
    def fail(msg: str, i: int, key: str) -> ConfigError:
        node = _node_at(root, ("sections", i, key))
        line = node.start_mark.line + 1 if node is not None else None
        return ConfigError(msg, path=str(path), line=line, key=f"sections[{i}].{key}")
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


class _ConfigModel(_Strict):
    newsletter: _NewsletterModel
    sources: list[_SourceModel] = []
    database: Annotated[str | None, AfterValidator(_database)] = None
    output: Annotated[str, AfterValidator(_plain_path)] = "out"
    templates: Annotated[str | None, AfterValidator(_plain_path)] = None
    fetch: _FetchModel = _FetchModel()
    email: _EmailModel = _EmailModel()
    llm: _LLMModel | None = None
    editor: _EditorModel = _EditorModel()
    schedule: _ScheduleModel = _ScheduleModel()
    notify: list[Annotated[str, Field(min_length=1)]] = []  # Apprise URLs (channels.py)
    sections: list[_SectionModel] = []
    coverage: bool = True
    continuity: bool = True


# ── the frozen result ────────────────────────────────────────────────────────


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


def _resolve(base: Path, value: str) -> str:
    """A source URL: http(s) and imap(s) stay; anything else is a path relative to this file."""
    scheme = urlparse(value).scheme
    if scheme in ("http", "https", "imap", "imaps"):
        return value
    if scheme == "file":
        return str(Path(urlparse(value).path))
    if scheme and len(scheme) > 1:
        raise ValueError(f"unsupported URL scheme {scheme!r} (expected http, https, imaps or a local path)")
    return str((base / value).resolve())


def load_config(path: str | Path) -> Config:
    """Read and validate a config file. Raises ConfigError naming file, line and key."""
    path = Path(path)
    shown = str(path)
    try:
        raw_bytes = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the config file ({exc.strerror})", path=shown) from exc
    if len(raw_bytes) > MAX_BYTES:
        raise ConfigError(f"the file is {len(raw_bytes):,} bytes (at most {MAX_BYTES:,})",
                          path=shown)
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError("not UTF-8 text", path=shown) from exc
    root, data = read_yaml(text, shown)
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping with at least a 'newsletter' key", path=shown, line=1)
    try:
        model = _ConfigModel.model_validate(data)
    except ValidationError as exc:
        # A typo'd key also makes the intended key "missing": report the typo first.
        errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        err = errors[0]
        loc = tuple(err["loc"])
        node = _node_at(root, loc)
        line = node.start_mark.line + 1 if node is not None else None
        msg = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            parent = _ConfigModel
            allowed = _allowed_keys(parent, loc[:-1])
            msg = "unknown key" + (f" (expected one of: {', '.join(allowed)})" if allowed else "")
        elif err["type"] == "missing":
            msg = "required key is missing"
        if len(exc.errors()) > 1:
            msg += f" (and {len(exc.errors()) - 1} more error(s))"
        raise ConfigError(msg, path=shown, line=line, key=dotted(loc)) from exc
    return _freeze(model, path, raw_bytes, root)


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


def _freeze(m: _ConfigModel, path: Path, raw: bytes, root: yaml.Node | None) -> Config:
    base = path.resolve().parent
    names: set[str] = set()
    sources: list[Source] = []
    for i, s in enumerate(m.sources):
        def fail(msg: str, key: str, i: int = i) -> ConfigError:
            node = _node_at(root, ("sources", i, key))
            line = node.start_mark.line + 1 if node is not None else None
            return ConfigError(msg, path=str(path), line=line, key=f"sources[{i}].{key}")
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
                            coverage=m.coverage)
    db_url = m.database if m.database and m.database.startswith(_PG_SCHEMES) else None
    database = base / (m.database if m.database and not db_url else ".digest/digest.sqlite3")
    e = m.email
    if e.recipients_file:
        _check_recipients_file(base / e.recipients_file)
    email = EmailSettings(from_addr=e.from_addr, recipients=tuple(e.recipients),
                          recipients_file=(base / e.recipients_file) if e.recipients_file else None,
                          unsubscribe=e.unsubscribe, smtp_host=e.smtp_host, smtp_port=e.smtp_port,
                          security=e.security, username_env=e.username_env,
                          password_env=e.password_env, timeout=e.timeout)
    llm = None
    if m.llm is not None:
        llm = LLMSettings(base_url=m.llm.base_url, model=m.llm.model, api_key_env=m.llm.api_key_env,
                          token_budget=m.llm.token_budget, timeout=m.llm.timeout,
                          retries=m.llm.retries, cache_dir=database.parent / "llm-cache")
    sch = m.schedule
    schedule = Schedule(day_of_week=sch.day_of_week, hour=sch.hour, minute=sch.minute,
                        timezone=sch.timezone or n.timezone,
                        misfire_grace_time=sch.misfire_grace_time)
    return Config(path=path.resolve(), newsletter=newsletter, sources=tuple(sources),
                  database=database, output=base / m.output,
                  templates=(base / m.templates) if m.templates else _default_templates(base),
                  fetch=FetchSettings(**m.fetch.model_dump()), email=email, llm=llm,
                  editor=EditorSettings(embeddings=m.editor.embeddings,
                                         paragraph_words=m.editor.paragraph_words), schedule=schedule,
                  notify=_channels(m.notify, path, root), continuity=m.continuity,
                  digest=hashlib.sha256(raw).hexdigest(), database_url=db_url)


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
        node = _node_at(root, ("notify", found[0]))
        raise ConfigError(found[1], path=str(path), key=f"notify[{found[0]}]",
                          line=node.start_mark.line + 1 if node is not None else None)
    return tuple(urls)


def _default_templates(base: Path) -> Path | None:
    """A `templates/` folder beside the config overrides the package's, file by file."""
    folder = base / "templates"
    return folder if folder.is_dir() else None
