"""An extracted article tree to flat blocks, paragraphs as the page shows them.

The tree is trafilatura's XML (`p`, `head`, `list`/`item`, `table`/`row`/`cell`, `quote`,
`code`, `lb`) or, when its default sequence handed over to readability or justext, plain HTML
(`div`, `p`, `h2`, `ul`/`li`, `table`/`tr`/`td`, `br`). Both come out the same way:

* a container (`div`, `section`, a table cell holding paragraphs, ...) is walked: its loose
  text and each child become blocks of their own, so `<div class="txt">` columns stay
  separate paragraphs instead of one merged block;
* two or more line breaks in a row (`<br><br>`, trafilatura's `<lb/><lb/>`) end a paragraph,
  as they do on the page; a single break is a space;
* a table row is one block of its cells' text (a quote row, a tool row), unless a cell holds
  paragraphs or another table: then the cell is walked as a container, and a nested table's
  rows come out once, not again inside every row that encloses them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lxml import etree

from digest.clean.blocks import Block, BlockKind

_BREAKS = frozenset({"lb", "br"})
_HEADINGS = frozenset({"head", "h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"list", "ul", "ol", "dl"})
_ITEMS = frozenset({"item", "li", "dd", "dt"})
_QUOTES = frozenset({"quote", "blockquote"})
_CODE = frozenset({"code", "pre"})
_TABLES = frozenset({"table"})
_ROWS = frozenset({"row", "tr"})
_PARAS = frozenset({"p"})
_SKIP = frozenset({"graphic", "img", "figure", "hr", "script", "style"})
_CONTAINERS = frozenset({"div", "section", "article", "main", "body", "cell", "td", "th",
                         "center", "font", "form", "details", "summary", "aside", "header",
                         "tbody", "thead", "tfoot", "span"})
# a child with one of these tags makes its parent a container rather than one paragraph
# (code only as a block of its own: see _is_block)
_BLOCK_TAGS = (_HEADINGS | _LISTS | _ITEMS | _QUOTES | _TABLES | _ROWS | _PARAS
               | frozenset({"div", "section", "article", "main", "center", "form", "details",
                            "aside", "header", "tbody", "thead"}))
_KIND_OF: dict[frozenset[str], BlockKind] = {_HEADINGS: "h", _ITEMS: "li", _QUOTES: "quote",
                                             _CODE: "pre"}


def _tag(el: etree._Element) -> str:
    tag = el.tag  # (read once: lxml makes a new str each time)
    return tag.lower() if isinstance(tag, str) else ""


# the characters str.split() splits at besides the space (checked over all of Unicode by
# tests/clean)
OTHER_SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
                "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def squash(text: str) -> str:
    """Whitespace runs to one space, trimmed: `" ".join(text.split())`, which is what
    `re.sub(r"\\s+", " ", text).strip()` gives (str.split and the regex's \\s both take the
    characters str.isspace() takes) in a fraction of the time. A printable text has no
    whitespace but the space (every other character str.isspace() takes is a control or a
    separator: checked over all of Unicode), so one without a double or an outer space is
    its own result: nearly every paragraph of a feed's HTML, found without splitting it into
    words (1.6 instead of 3.7 µs a paragraph)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


_KIND_BY_TAG: dict[str, BlockKind] = {tag: kind for tags, kind in _KIND_OF.items()
                                      for tag in tags}


# block tags `walk` reads as one paragraph when they hold no element (no list, table, row,
# item or container among them), with the kind it gives
_LEAF_KINDS: dict[str, BlockKind] = {tag: _KIND_BY_TAG.get(tag, "p")
                                     for tag in _HEADINGS | _QUOTES | _PARAS}


def _kind(tag: str) -> BlockKind:
    return _KIND_BY_TAG.get(tag, "p")


def _is_block(el: etree._Element, tag: str | None = None) -> bool:
    """A block-level child (`tag`: its `_tag`, when the caller has it); `code` is also
    trafilatura's tag for inline code in a sentence, so it is a block only as <pre> or when
    it spans lines."""
    if tag is None:
        tag = _tag(el)
    if tag in _CODE:
        return tag == "pre" or "\n" in "".join(el.itertext()).strip()
    return tag in _BLOCK_TAGS


def _has_block_child(el: etree._Element) -> bool:
    return len(el) > 0 and any(_is_block(c) for c in el)


def _blank(pieces: list[Piece]) -> bool:
    """Pieces that make no paragraph: line breaks and whitespace only (what `emit` would
    drop, found without building one)."""
    return all(piece is None or piece.isspace() or not piece for piece in pieces)


def _later(text: str) -> str | None:
    """What a walk that leaves squashing to the rules (`defer`) makes of a text: None for
    one that squashes to nothing (blank), the text itself when squashing it can only remove
    a double space or a whitespace other than the space inside it (which the rules' one pass
    over the page finds: `classify.tidy`), else `squash(text)` (a line break, which that
    pass takes for the end of a block, or an outer space). Looking at each paragraph for a
    double space and for every whitespace character was 3 ns a character, half of turning a
    feed item's tree into blocks."""
    if not text or text.isspace():
        return None
    if "\n" in text or text[0] == " " or text[-1] == " ":
        return squash(text)
    return text


Piece = str | None  # a run of text, or None for a line break


def _pieces(el: etree._Element) -> Iterator[Piece]:
    """The text inside `el` in order, with None for each line break (tails of its children
    included, its own tail not)."""
    if el.text:
        yield el.text
    for child in el:
        tag = _tag(child)
        if tag in _BREAKS:
            yield None
        elif tag and tag not in _SKIP:
            yield from _pieces(child)
        if child.tail:
            yield child.tail


def split_paragraphs(pieces: Iterable[Piece]) -> list[str]:
    """Text pieces to paragraphs: two or more line breaks in a row end one, a single break is
    a space."""
    paragraphs: list[str] = []
    current: list[str] = []
    breaks = 0
    for piece in pieces:
        if piece is None:
            breaks += 1
            continue
        if not piece.strip():
            current.append(piece)
            continue
        if breaks >= 2:
            paragraphs.append(squash("".join(current)))
            current = []
        elif breaks:
            current.append(" ")
        breaks = 0
        current.append(piece)
    paragraphs.append(squash("".join(current)))
    return [p for p in paragraphs if p]


def paragraphs_of(el: etree._Element) -> list[str]:
    return split_paragraphs(_pieces(el))


# what makes `_pieces` more than `itertext`: a break, a skipped element, a node that is not an
# element (a comment, a processing instruction, an entity); tags as both parsers give them
_PLAIN_STOPS = (*sorted(_BREAKS | _SKIP), *sorted(t.upper() for t in _BREAKS | _SKIP),
                etree.Comment, etree.ProcessingInstruction, etree.Entity)


def _plain_paragraph(el: etree._Element, defer: bool = False) -> str | None:
    """`paragraphs_of(el)` as one string when `el` holds no line break, no skipped element
    and nothing but elements (most paragraphs: text and inline links); None otherwise. Then
    its pieces are exactly its `itertext()`, joined in C rather than by generators, and
    without a break they make one paragraph (or none: ""). (The look for a stop is lxml's
    own tag filter; tags come lower case from the HTML parser and trafilatura, upper case
    from nowhere, but both are looked for.)"""
    if len(el) == 0:
        text = el.text or ""
    else:
        for _ in el.iterdescendants(*_PLAIN_STOPS):
            return None
        text = "".join(el.itertext())
    return (_later(text) or "") if defer else squash(text)


def _nearest_table(row: etree._Element) -> etree._Element | None:
    return next(row.iterancestors("table"), None)


class _Walker:
    def __init__(self, defer: bool) -> None:
        self.blocks: list[Block] = []
        self.defer = defer

    def emit(self, pieces: Iterable[Piece], kind: BlockKind) -> None:
        for paragraph in split_paragraphs(pieces):
            self.blocks.append(Block(paragraph, kind))

    def container(self, el: etree._Element, *, kind: BlockKind = "p") -> None:
        """Loose text and each block child as blocks of their own (text and inline children
        between two block children are one run, cut at double breaks)."""
        run: list[Piece] = [el.text] if el.text else []
        for child in el:
            tag = child.tag  # (a leaf's tag comes lower case: `_tag` only for the rest)
            if tag not in _LEAF_KINDS:
                tag = _tag(child)
            # a paragraph or heading of text alone (most of a feed's HTML) is what `walk`
            # makes of it, without the calls that find out
            leaf = tag in _LEAF_KINDS and len(child) == 0
            if leaf or _is_block(child, tag):
                if run and not _blank(run):
                    self.emit(run, kind)
                run = []
                if not leaf:
                    self.walk(child, tag)
                elif text := (_later(child.text) if self.defer else squash(child.text or "")):
                    self.blocks.append(Block(text, _LEAF_KINDS[tag]))
            elif tag in _BREAKS:
                run.append(None)
            elif tag and tag not in _SKIP:
                run.extend(_pieces(child))
            if child.tail:
                run.append(child.tail)
        if not _blank(run):
            self.emit(run, kind)

    def row(self, cells: list[etree._Element]) -> None:
        text = " ".join(" ".join(paragraphs_of(c)) for c in cells)
        if text.strip():
            self.blocks.append(Block(squash(text), "row"))

    def table(self, el: etree._Element) -> None:
        for row in (r for r in el.iter("row", "tr") if _nearest_table(r) is el):
            cells = [c for c in row if _tag(c)]
            if any(_has_block_child(c) for c in cells):
                for cell in cells:
                    self.container(cell)
            else:
                self.row(cells)

    def walk(self, el: etree._Element, tag: str | None = None) -> None:
        if tag is None:
            tag = _tag(el)
        if not tag or tag in _BREAKS or tag in _SKIP:
            return
        if tag in _LISTS:
            for child in el:
                self.walk(child)
        elif tag in _TABLES:
            self.table(el)
        elif tag in _ROWS:
            self.row([c for c in el if _tag(c)])
        elif tag in _ITEMS:
            # the item's own text is one entry; a nested list or a paragraph inside it
            # comes out as blocks of its own
            self.container(el, kind="li")
        elif tag in _CONTAINERS or _has_block_child(el):
            self.container(el)
        else:
            text = _plain_paragraph(el, self.defer)
            if text is None:
                self.emit(_pieces(el), _kind(tag))
            elif text:
                self.blocks.append(Block(text, _kind(tag)))


def body_to_blocks(body: etree._Element, *, defer: bool = False) -> list[Block]:
    """The extracted article as flat blocks, in document order. `defer`: a paragraph's text
    may come with a double space or a whitespace other than the space inside it, for the
    rules to squash (`classify.tidy`, in their pass over the page: blocks for `apply_rules`
    only)."""
    walker = _Walker(defer)
    walker.container(body)
    return walker.blocks
