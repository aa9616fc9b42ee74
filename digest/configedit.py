"""`digest sources import`: the feeds of an OPML file added to `sources.yaml` as text, so the
file stays the one its author wrote (comments, key order, quoting, anchors), with the new
entries at the end of `sources:`.

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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import yaml

from .atomic import write_atomic
from .config import load_config
from .configtypes import Config
from .errors import ConfigError
from .fetch.opml import numbered
from .models import Source


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
    write_atomic(config.path.with_name(config.path.name + ".bak"), text.encode("utf-8"))
    write_atomic(config.path, new_text.encode("utf-8"))
    try:  # what the OPML said must make a valid config, or the file is as it was
        load_config(config.path)
    except ConfigError as exc:
        write_atomic(config.path, text.encode("utf-8"))
        raise ConfigError(f"not changed: the OPML's feeds would make it invalid ({exc})",
                          path=str(config.path)) from exc
    return Imported(tuple(added), known, tuple(renamed), kept)


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
    inserted = _insert(text, entries)
    if inserted is not None:
        try:
            after = yaml.safe_load(inserted)
        except yaml.YAMLError:
            after = None
        if isinstance(after, dict) and after.get("sources") == [
                *(before.get("sources") or []), *entries]:
            return inserted, True
    before["sources"] = [*(before.get("sources") or []), *entries]
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
