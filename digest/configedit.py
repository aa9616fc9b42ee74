"""`digest sources import` and `digest sources add`: feeds added to `sources.yaml` as text,
so the file stays the one its author wrote (comments, key order, quoting, anchors), with the
new entries at the end of `sources:`.

The file used to be loaded and dumped again whole: every comment was lost, flow lists became
block lists and aliases were expanded, on the first import. The entries are now inserted where
the `sources:` list ends, in its own indentation (or as a new `sources:` list); the result is
read back and must hold the old sources and then the new ones, else the whole file is dumped
as before (`.bak` keeps the original either way).

A feed is new when its URL is not in the config; one whose name a source already has (another
outlet under the same title) gets a numbered name ("Tech News (2)"), never dropped as if it
were there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .atomic import write_atomic
from .config import load_config, looks_like_host
from .configtypes import Config
from .errors import ConfigError, FetchError
from .fetch.opml import numbered
from .models import FetchResult, Source

if TYPE_CHECKING:
    import httpx


@dataclass(frozen=True)
class Imported:
    added: tuple[Source, ...]  # as written to the file, names made unique
    known: int  # feeds whose URL the config already lists
    renamed: tuple[str, ...]  # names numbered apart from a source's of the same name
    comments_kept: bool  # False: the file had to be dumped again whole


def import_sources(config: Config, found: Iterable[Source]) -> Imported:
    """Add the feeds of `found` the config does not list to its file (the original kept as
    `<name>.bak`); nothing is written when there is none. Raises ConfigError, the file left
    as it was, when the result would not be a valid config."""
    names = {s.name.casefold() for s in config.sources}
    urls = {s.url for s in config.sources}
    added: list[Source] = []
    renamed: list[str] = []
    known = 0
    for source in found:
        if source.url in urls:
            known += 1
            continue
        urls.add(source.url)
        name = numbered(source.name, names, key=str.casefold)
        added.append(replace(source, name=name))
        if name != source.name:
            renamed.append(name)
    if not added:
        return Imported((), known, (), True)
    text = config.path.read_text(encoding="utf-8")
    new_text, kept = with_sources(text, [_entry(s) for s in added])
    _write_valid(config, text, new_text, "the new feeds would make it invalid")
    return Imported(tuple(added), known, tuple(renamed), kept)


def _write_valid(config: Config, text: str, new_text: str, why: str) -> None:
    """Write `new_text` over the config's file, `text` kept as `<name>.bak`; a result that is
    no valid config puts `text` back and raises ConfigError ("not changed: <why> (…)")."""
    write_atomic(config.path.with_name(config.path.name + ".bak"), text.encode("utf-8"))
    write_atomic(config.path, new_text.encode("utf-8"))
    try:
        load_config(config.path)
    except ConfigError as exc:
        write_atomic(config.path, text.encode("utf-8"))
        raise ConfigError(f"not changed: {why} ({exc})", path=str(config.path)) from exc


# ── one source, from the command line ────────────────────────────────────────

MAX_NAME = 80  # a feed's title past this is a tagline, not a name: cut at a word
_BARE_HOST = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d{1,5})?(?:/\S*)?$", re.IGNORECASE)
# A name ending in one of these, with no slash, is a file that is not there, not a host.
_FILE_SUFFIXES = frozenset({"xml", "rss", "atom", "json", "html", "htm", "opml", "txt", "yaml",
                            "yml", "eml", "mbox"})


@dataclass(frozen=True)
class Added:
    """What `add_source` did: the source as written (None when the config already had it),
    the source it already was, and what the check found."""

    source: Source | None
    known_as: str | None  # the name of the source the config already lists at that URL
    checked: FetchResult | None  # None with check=False
    discovered: bool  # the URL given was a page; its feed is what was added


def add_source(config: Config, given: str, name: str | None = None, *, check: bool = True,
               transport: httpx.AsyncBaseTransport | None = None) -> Added:
    """Add the feed at `given` (a feed, a page advertising one, a listing page, a local
    path) to the config's file. Checked first (fetched once, nothing stored): a page that
    advertises a feed is added as that feed, the name is the feed's own title unless `name`
    is given, and a URL that does not answer with something readable is not added
    (FetchError saying why; `check=False` adds it unread, named after its host). Raises
    ConfigError, the file as it was, when the result would not be a valid config."""
    from .fetch import fetch_all

    url = command_line_url(given)
    if known := _listed(config, url):
        return Added(None, known, None, False)
    result = None
    if check:
        [result] = fetch_all([Source(name or "new source", url)], {}, config.fetch,
                             transport=transport)
        if result.status == "error":
            raise FetchError(f"not added: {url} could not be read ({result.error}); "
                             "`--no-check` adds it all the same")
        if not result.items:  # a page with no feed and no article links, an empty feed
            raise FetchError(f"not added: nothing to read at {url}"
                             + (f" ({result.error})" if result.error else "")
                             + "; `--no-check` adds it all the same")
        found = result.state.url or url
        if found != url and (known := _listed(config, found)):
            return Added(None, known, result, True)
        url, discovered = found, found != url
    else:
        discovered = False
    chosen = name or _name_for(result, url)
    done = import_sources(config, [Source(chosen, url)])
    return Added(done.added[0] if done.added else None, None, result, discovered)


def command_line_url(given: str) -> str:
    """A source as typed: a URL stays, a file that exists from here becomes its absolute path,
    a bare host ("example.org", "example.org/blog") gets https:// (the config would refuse it
    without a scheme)."""
    value = given.strip()
    if "://" in value or value.startswith(("imap", "mailto:")):
        return value
    path = Path(value).expanduser()
    if path.exists():
        return str(path.resolve())
    bare_file = "/" not in value and value.rsplit(".", 1)[-1].lower() in _FILE_SUFFIXES
    if looks_like_host(value) or (_BARE_HOST.match(value) and not bare_file):
        return f"https://{value}"
    return value  # the config's own check says what is wrong with it


def _listed(config: Config, url: str) -> str | None:
    return next((s.name for s in config.sources if s.url == url), None)


def _name_for(result: FetchResult | None, url: str) -> str:
    from urllib.parse import urlsplit

    from .fetch.feeds import bounded_title

    title = " ".join((result.title or "").split()) if result is not None else ""
    return bounded_title(title, MAX_NAME) or urlsplit(url).hostname or Path(url).stem or url


@dataclass(frozen=True)
class Removed:
    source: Source
    comments_kept: bool  # False: the file had to be dumped again whole


def remove_source(config: Config, name: str) -> Removed:
    """Take the source named `name` out of the config's file (the original kept as
    `<name>.bak`), with the comment lines right above it: as text, the rest of the file as
    it was. Its stored articles stay in the database and leave the issues (`unlisted`).
    Raises ConfigError for a name the config does not have."""
    source = source_named(config, name)
    text = config.path.read_text(encoding="utf-8")
    new_text, kept = without_source(text, name)
    _write_valid(config, text, new_text, f"without {name!r} the config is invalid")
    return Removed(source, kept)


def source_named(config: Config, name: str) -> Source:
    """The config's source named `name`; ConfigError, naming the sources there are, if none."""
    source = next((s for s in config.sources if s.name == name), None)
    if source is None:
        known = ", ".join(repr(s.name) for s in config.sources) or "none"
        raise ConfigError(f"no source named {name!r} in {config.path} (sources: {known})")
    return source


def without_source(text: str, name: str) -> tuple[str, bool]:
    """`text` without the `sources:` item named `name` and the comment lines right above it,
    and whether the text was kept (False: dumped again whole, as `with_sources`)."""
    before = yaml.safe_load(text) or {}
    rest = [e for e in before.get("sources") or []
            if not (isinstance(e, dict) and e.get("name") == name)]
    return _kept_or_dumped(before, _cut(text, name), rest)


def _cut(text: str, name: str) -> str | None:
    root = yaml.compose(text)
    if not isinstance(root, yaml.MappingNode):
        return None
    found = next(((k, v) for k, v in root.value if k.value == "sources"), None)
    if found is None or not isinstance(found[1], yaml.SequenceNode) or found[1].flow_style:
        return None
    key, items = found
    place = next((i for i, item in enumerate(items.value) if isinstance(item, yaml.MappingNode)
                  and any(k.value == "name" and getattr(v, "value", None) == name
                          for k, v in item.value)), None)
    if place is None:
        return None
    lines = text.splitlines(keepends=True)
    item = items.value[place]
    end = max(_ends(item), key=lambda m: m.index)
    stop = end.line + 1 if end.column else end.line
    start = item.start_mark.line
    while start > key.end_mark.line + 1 and lines[start - 1].strip().startswith("#"):
        start -= 1  # the comment right above the item is the item's
    del lines[start:stop]
    if len(items.value) == 1:  # the last one: an empty list, not a null
        row = key.start_mark.line
        lines[row] = lines[row].replace("sources:", "sources: []", 1)
    return "".join(lines)


def _entry(source: Source) -> dict[str, Any]:
    """A source as the file lists it: what is not the default."""
    entry: dict[str, Any] = {"name": source.name, "url": source.url}
    if source.kind != "auto":
        entry["kind"] = source.kind
    if source.selector:
        entry["selector"] = source.selector
    for key, words in (("include", source.include), ("exclude", source.exclude)):
        if words:
            entry[key] = list(words)
    if source.newsletter:
        entry["newsletter"] = True
    if not source.full_text:
        entry["full_text"] = False
    return entry


def with_sources(text: str, entries: Sequence[dict[str, Any]]) -> tuple[str, bool]:
    """`text` with `entries` added at the end of its `sources:` list, and whether the text
    was kept (False: dumped again whole, comments lost, because the insertion did not read
    back as the old sources followed by the new ones)."""
    before = yaml.safe_load(text) or {}
    return _kept_or_dumped(before, _insert(text, entries),
                           [*(before.get("sources") or []), *entries])


def _kept_or_dumped(before: dict[str, Any], edited: str | None,
                    sources: list[Any]) -> tuple[str, bool]:
    """The edited text if it reads back as the file with `sources` as its list (True), else
    the file dumped again whole with them (False: comments lost)."""
    if edited is not None:
        try:
            after = yaml.safe_load(edited)
        except yaml.YAMLError:
            after = None
        if isinstance(after, dict) and (after.get("sources") or []) == sources:
            return edited, True
    before["sources"] = sources
    return yaml.safe_dump(before, allow_unicode=True, sort_keys=False), False


def _insert(text: str, entries: Sequence[dict[str, Any]]) -> str | None:
    root = yaml.compose(text)
    if not isinstance(root, yaml.MappingNode):
        return None
    found = next(((k, v) for k, v in root.value if k.value == "sources"), None)
    if found is None:  # no list yet: a new one at the end of the file
        return text + ("" if text.endswith("\n") or not text else "\n") + "sources:\n" + \
            _block(entries, 2)
    key, value = found
    if isinstance(value, yaml.SequenceNode) and value.value and not value.flow_style:
        column = value.start_mark.column  # where each item's "-" stands
        end = max(_ends(value.value[-1]), key=lambda m: m.index)
        lines = text.splitlines(keepends=True)
        at = end.line + 1 if end.column else end.line  # after the last item's last line
        if at > len(lines) or (lines and not lines[-1].endswith("\n") and at == len(lines)):
            lines[-1:] = [lines[-1].rstrip("\n") + "\n"] if lines else []
        lines[at:at] = [_block(entries, column)]
        return "".join(lines)
    empty = (isinstance(value, yaml.SequenceNode) and not value.value) or (
        isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:null")
    if empty:  # `sources: []` (or no value): a block list under the key, its comment kept
        start, stop = key.end_mark.index, value.end_mark.index
        line_end = text.find("\n", stop)
        rest, after = (text[stop:], "") if line_end < 0 else (text[stop:line_end],
                                                              text[line_end + 1:])
        return text[:start] + ":" + rest + "\n" + _block(entries, 2) + after
    return None  # a flow list with items, or not a list: dumped whole


def _block(entries: Sequence[dict[str, Any]], column: int) -> str:
    dumped = yaml.safe_dump(list(entries), allow_unicode=True, sort_keys=False,
                            default_flow_style=False, width=10_000)
    return "".join(" " * column + line for line in dumped.splitlines(keepends=True))


def _ends(node: yaml.Node) -> list[Any]:
    """The end marks of the values under `node`: a block collection's own end mark is where
    the next token starts, past the comments and blank lines that follow it."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        return [node.end_mark]
    marks: list[Any] = []
    for child in node.value:
        for part in (child if isinstance(child, tuple) else (child,)):
            marks += _ends(part)
    return marks or [node.end_mark]
