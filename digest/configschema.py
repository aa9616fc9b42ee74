"""The schema of `sources.yaml`: pydantic models, strict (unknown keys are errors), with the
validators of single values (URLs, zones, paths, days, addresses).

`config.load_config` validates a file against `ConfigModel` and freezes the result into the
plain dataclasses the stages use; nothing outside `config` touches these models.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal
from urllib.parse import urlparse, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from .addresses import address_problem, from_problem, unsubscribe_problem
from .configtypes import Config
from .locale import LABELS
from .models import EditorSettings, EmailSettings, FetchSettings, LLMSettings, Newsletter


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


PG_SCHEMES = ("postgresql://", "postgres://")


def _database(v: str | None) -> str | None:
    """A SQLite file path, or a `postgresql://user@host[:port]/db` URL without a password
    (libpq reads it from $PGPASSWORD or ~/.pgpass: a secret never sits in this file)."""
    if v is not None and v.startswith(PG_SCHEMES):
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
    base_url: str = Newsletter.base_url
    language: str = Field(default="en", pattern=_LANGUAGE)
    author: str = ""
    operator_footer: bool = False
    min_stories: int = Field(default=Newsletter.min_stories, ge=0, le=1000)
    send_empty: bool = Newsletter.send_empty
    labels: dict[str, str] = {}

    @field_validator("labels")
    @classmethod
    def _known_labels(cls, v: dict[str, str]) -> dict[str, str]:
        """Words the issue prints (digest/locale.py `Words`): a misspelt one would be ignored."""
        unknown = sorted(set(v) - LABELS)
        if unknown:
            raise ValueError(f"unknown label {unknown[0]!r} (known: {', '.join(sorted(LABELS))})")
        return v

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

    @field_validator("selector")
    @classmethod
    def _css(cls, v: str | None) -> str | None:
        """A selector the page fetch can use: a typo failed every fetch of the source with
        "internal error: SelectorSyntaxError" and a traceback."""
        if v is None:
            return v
        from cssselect import HTMLTranslator, SelectorError  # only for a config with one

        try:
            HTMLTranslator().css_to_xpath(v)
        except SelectorError as exc:
            raise ValueError(f"not a CSS selector digest can use: {exc}") from exc
        return v


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
    unsubscribe_secret_env: str | None = Field(default=None, pattern=_ENV_NAME)
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
    time_budget: float = Field(default=LLMSettings.time_budget, gt=0, le=86400)
    json_mode: bool = LLMSettings.json_mode


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
    retry: int = Field(default=60, ge=1, le=86400)  # seconds

    @field_validator("day_of_week")
    @classmethod
    def _weekdays(cls, v: str) -> str:
        items = [item.strip().lower() for item in v.split(",")]
        bad = [item for item in items if not _DAY_ITEM.match(item)]
        if bad:
            raise ValueError(f"unknown day {bad[0]!r} (expected mon, tue, wed, thu, fri, sat or "
                             "sun, a range such as mon-fri, or a comma-separated list)")
        return ",".join(items)



class _SectionModel(_Strict):
    name: str = Field(min_length=1, max_length=80)
    topics: list[Annotated[str, Field(min_length=1)]] = []
    max: int | None = Field(default=None, ge=1, le=50)


class ConfigModel(_Strict):
    newsletter: _NewsletterModel
    # `sources:` with nothing under it yet (a new file, before `digest sources import`): none
    sources: Annotated[list[_SourceModel], BeforeValidator(lambda v: [] if v is None else v)] = []
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
    explainer_memory: int = Field(default=Config.explainer_memory, ge=0, le=1000)
