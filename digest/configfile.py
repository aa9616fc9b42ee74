"""Reading `sources.yaml` itself, safely: size, nesting depth, number length, aliases and
duplicate keys are checked before any value is built, so a hostile or broken file ends in one
ConfigError naming file, line and key, never in RecursionError, ValueError or a long stall.

PyYAML composes nodes recursively and is quadratic on deep flow nesting, so the depth is
checked on the event stream first (which stops at the first level too deep); Python refuses to
convert integers over 4,300 digits, so long numbers are refused by length, with their line;
aliases can make a small file expand exponentially (and even contain itself), so the expanded
size is counted on the node graph.
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import ConfigError

MAX_BYTES = 1024 * 1024  # a config is a few kilobytes; a megabyte is not a config
MAX_DEPTH = 32  # the schema needs 4 levels
MAX_NUMBER_CHARS = 40  # a port, a timeout, a count: never this long
MAX_VALUES = 100_000  # scalars and collections after expanding aliases

_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
# What PyYAML's words usually mean in a hand-written config, said after them.
_HINTS = (
    ("mapping values are not allowed here",
     "a value holding ': ' must be quoted, as in title: \"AI: the week\"; or this line is "
     "indented deeper than the key above it"),
    ("expected <block end>", "this line is indented differently from the lines beside it"),
    ("cannot start any token", "YAML indents with spaces, not tabs"),
    ("found unexpected end of stream", "a quote or bracket opened above is never closed"),
    ("could not find expected ':'", "a key without its ':', or a quote left open"),
)
_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class _LineErrors(yaml.constructor.SafeConstructor):
    """A SafeConstructor whose value errors (a timestamp like 2026-13-45) carry the node's
    line."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError, TypeError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read this value: {exc}", node.start_mark) from exc


class _Loader(_LineErrors, yaml.SafeLoader):
    """PyYAML's own parser: the one whose words and lines a broken file is reported with."""


class _FastLoader(_LineErrors, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser, when PyYAML was built with it: reading a 500-source file took the
    pure-Python one 0.35 s (events for the depth check, then nodes), libyaml 0.05 s. A file
    it refuses is read again by `_Loader`, so every error is reported as before."""


def read_yaml(text: str, shown: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (for line numbers) and the data of a config file's text."""
    if hasattr(yaml, "CSafeLoader"):
        try:
            return _read(text, shown, _FastLoader)
        except yaml.YAMLError:
            pass  # said with the pure-Python parser's words and lines, below
    try:
        return _read(text, shown, _Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        if isinstance(exc, yaml.reader.ReaderError):  # a character offset, not a mark
            line = text.count("\n", 0, exc.position) + 1
            problem = f"unacceptable character #x{exc.character:04x}: {exc.reason}"
        problem = " ".join(problem.split())  # one line, whatever PyYAML said
        problem += next((f" ({hint})" for words, hint in _HINTS if words in problem), "")
        raise ConfigError(f"invalid YAML: {problem}", path=shown, line=line) from exc


def _read(text: str, shown: str, loader_class: type[_LineErrors]) -> tuple[yaml.Node | None, Any]:
    _check_depth(text, shown, loader_class)
    root = yaml.compose(text, Loader=loader_class)  # type: ignore[arg-type]
    if root is not None:
        _check_nodes(root, shown)
    loader = loader_class("")  # type: ignore[call-arg]
    try:
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()  # type: ignore[attr-defined]
    return root, data


def _check_depth(text: str, shown: str, loader_class: type[_LineErrors]) -> None:
    """Walk the events (no recursion), tracking the key path; stop at the first level too deep."""
    path: list[str | int] = []  # the key or index of each open collection's current child
    expecting_key: list[bool] = []  # per open collection: a mapping waiting for a key?
    for event in yaml.parse(text, Loader=loader_class):  # type: ignore[arg-type]
        if isinstance(event, _CLOSE):
            expecting_key.pop()
            path.pop()
            _advance(path, expecting_key)
            continue
        if expecting_key and expecting_key[-1]:  # a mapping key
            path[-1] = event.value if isinstance(event, yaml.ScalarEvent) else "?"
            expecting_key[-1] = False
            if not isinstance(event, _OPEN):
                continue
        if isinstance(event, _OPEN):
            if len(expecting_key) >= MAX_DEPTH:
                mark = event.start_mark
                raise ConfigError(f"nested deeper than {MAX_DEPTH} levels",
                                  path=shown, line=mark.line + 1 if mark else None,
                                  key=dotted(path[:6]) + (".…" if len(path) > 6 else ""))
            mapping = isinstance(event, yaml.MappingStartEvent)
            expecting_key.append(mapping)
            path.append("?" if mapping else 0)
        elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            _advance(path, expecting_key)


def _advance(path: list[str | int], expecting_key: list[bool]) -> None:
    """A value is complete: a mapping now waits for its next key, a sequence's index grows."""
    if not expecting_key:
        return
    if isinstance(path[-1], int):
        path[-1] += 1
    else:
        expecting_key[-1] = True


def _check_nodes(root: yaml.Node, shown: str) -> None:
    """Duplicate keys and over-long numbers (with their key path), then the expanded size."""
    stack: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(root, ())]
    seen: set[int] = set()
    while stack:
        node, loc = stack.pop()
        if id(node) in seen:
            continue  # an alias: checked where its anchor is
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_CHARS:
                raise ConfigError(f"a number {len(node.value):,} characters long (at most "
                                  f"{MAX_NUMBER_CHARS})", path=shown,
                                  line=node.start_mark.line + 1, key=dotted(loc) or None)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, (*loc, i)) for i, child in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else "?"
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    if name in keys:
                        raise ConfigError("duplicate key (it would silently replace the one "
                                          "above)", path=shown, line=key.start_mark.line + 1,
                                          key=dotted((*loc, name)))
                    keys.add(name)
                stack.append((key, (*loc, name)))
                stack.append((value, (*loc, name)))
    if _expanded_size(root, shown) > MAX_VALUES:
        raise ConfigError(f"expands to more than {MAX_VALUES:,} values (through aliases)",
                          path=shown, line=1)


def _expanded_size(root: yaml.Node, shown: str) -> int:
    """How many nodes the data will have once aliases are copied out (iterative, memoised);
    an alias inside its own anchor is refused."""
    size: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        children = _children(node)
        if done:
            open_.discard(id(node))
            size[id(node)] = min(MAX_VALUES + 1, 1 + sum(size[id(c)] for c in children))
            continue
        if id(node) in size:
            continue
        if id(node) in open_:
            raise ConfigError("an alias refers to the collection that contains it",
                              path=shown, line=node.start_mark.line + 1)
        open_.add(id(node))
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in size)
    return size[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def dotted(loc: tuple[int | str, ...] | list[int | str]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
