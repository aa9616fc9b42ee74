"""The week, read once: every article's sentences, words, names and language, and its verdict.

Every room reads articles through this module instead of splitting and tokenising them
again. A `Read` is one article: its `lines` (sentences with the dateline removed, their
stemmed content words, whether they are page furniture, their language) and its entity
`mentions`, each computed the first time a room asks and kept for the rest of the issue.
Only the articles a room touches are ever split, so a 10,000-article week costs no more
than it did.

A `Verdict` is what the editor decided about one article: `used`, `duplicate` (of which
kept article), `off_topic` or `out_of_window`, why, and the story it ended up in. The
selection step writes them (select/), ranking adds the story (rank.py), and `issue.json`
prints them (`ArticleStatus`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from digest.edit.lexicon import CJK_RE, content_words
from digest.edit.read.aliases import EntityIndex
from digest.edit.read.casing import Casing, sentence_cased
from digest.edit.read.entities import Scan, mentions_after, scan
from digest.edit.read.leaning import titled_holders
from digest.edit.read.references import definite_references, introduced
from digest.edit.read.whole import fault
from digest.edit.write.furniture import clean_sentence, is_furniture
from digest.edit.write.summarize import in_language
from digest.models import Article, ArticleState, ArticleStatus
from digest.sentences import iter_sentences
from digest.text import undoubled


@dataclass(frozen=True)
class Line:
    """One sentence of an article. What a room asks of it is read the first time it asks and
    kept for every other room (a writer of "Also" lines reads a lead's faults, never its
    stems)."""

    index: int  # position among the article's sentences
    raw: str  # as split from the body
    text: str  # a leading dateline removed ("HANGZHOU — ", "本网讯")
    title: str = ""  # its article's (a title the page glued before the lead: `whole.glued`)
    casing: Casing | None = field(default=None, compare=False)  # where a lead-in's case is read

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Stemmed content words; Chinese: characters."""
        return tuple(content_words(self.text))

    @cached_property
    def cjk(self) -> bool:
        """Written in Chinese script (a character weighs 2/3 of a Latin word)."""
        text = self.text
        return len(CJK_RE.findall(text)) > 1.5 * len(re.findall(r"[A-Za-z]{2,}", text))

    @cached_property
    def plain(self) -> str:
        """`text` with a doubled slip of the source written once ("the the") and a lead-in in
        capitals cased as prose ("THE TRUMP administration"), as a writer prints it
        (`text.undoubled`, `casing.sentence_cased`)."""
        text = undoubled(self.text)
        return text if self.casing is None else sentence_cased(text, self.casing)

    @cached_property
    def boilerplate(self) -> bool:
        """A byline, timestamp, ticker or link list (`furniture.is_furniture`)."""
        return is_furniture(self.raw)

    @cached_property
    def fault(self) -> str | None:
        """What a copy editor strikes the sentence for (`whole.fault` of `plain`: cut by its
        publisher, a stray full stop, a dek, a fragment, its title glued before it), or None.
        Read here once for every writer: the TL;DR and the Explainer skip such lines
        (`furniture`), the paragraph and the "Also" line (`write/lines.article_lines`) print
        them only mended."""
        return fault(self.plain, self.title)

    @cached_property
    def furniture(self) -> bool:
        """Never printed: boilerplate, or no whole sentence (`fault`)."""
        return self.boilerplate or self.fault is not None


def _line(i: int, raw: str, title: str, casing: Casing) -> Line:
    return Line(i, raw, clean_sentence(raw, lead=i == 0), title, casing)  # (a dateline leads)


@dataclass(frozen=True, eq=False)
class Read:
    """One article, read once (see the module docstring)."""

    position: int  # in the list handed to edit_issue
    article: Article
    week: Casing | None = field(default=None, repr=False)  # the week's casing (`read`)

    @property
    def source(self) -> str:
        return self.article.source

    @property
    def url(self) -> str:
        return self.article.url

    @property
    def title(self) -> str:
        return self.article.title

    @cached_property
    def text(self) -> str:
        """Title and body: what the entity index and the Explainer read."""
        return f"{self.article.title}\n{self.article.text}"

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        return tuple(self.reading())

    def reading(self) -> Iterator[Line]:
        """The article's lines in order, each read the first time a room asks for it (an
        "Also" line reads an article only as far as its lead) and kept for the rest."""
        done, k = self._done, 0  # (a reader may stop early; the next reads on from there)
        while True:
            if k == len(done):
                raw = next(self._raws, None)
                if raw is None:
                    return
                done.append(_line(k, raw, self.article.title, self.casing))
            yield done[k]
            k += 1

    @cached_property
    def casing(self) -> Casing:
        """Where its lead-in's case is read: its title and text, then the week's."""
        return Casing(lambda: ((self.article.title, self.article.text),), self.week)

    @cached_property
    def _done(self) -> list[Line]:
        return []

    @cached_property
    def _raws(self) -> Iterator[str]:
        return iter_sentences(self.article.text)

    @cached_property
    def scanned(self) -> Scan:
        """The body's runs of capitalised words, read once for every title put before it."""
        return scan(self.article.text)

    @cached_property
    def mentions(self) -> tuple[str, ...]:
        """Entity surface forms in title and body, in order (entities.mentions)."""
        return tuple(self.mentions_after(f"{self.title}\n"))

    def mentions_after(self, head: str) -> list[str]:
        """`entities.mentions(head + body)` for a head line ("Title.\n"), the body read once."""
        return mentions_after(head, self.article.text, self.scanned)

    @cached_property
    def introduced(self) -> tuple[frozenset[str], ...]:
        """Per line, the stems the title and the lines before it gave (`introduced`)."""
        return tuple(introduced(self.article.title, [ln.raw for ln in self.lines]))

    def refers_back(self, line: Line) -> bool:
        """Whether `line` names "the <noun>" its article introduced before it ("the
        benchmark", "the campaign"): standing alone (a TL;DR, an answer), it leans."""
        return bool(definite_references(line.text, self.introduced[line.index],
                                        opening=line.index > 0))

    def speaks(self, line: Line, language: str | None) -> bool:
        """Whether `line` is written in `language` (None: any language will do)."""
        return language is None or in_language(line.text, self.article.language, language)


def read(articles: Sequence[Article]) -> tuple[Read, ...]:
    week = Casing(lambda: tuple((a.title, a.text) for a in articles))
    return tuple(Read(i, a, week) for i, a in enumerate(articles))


@dataclass(frozen=True)
class Verdict:
    """What the editor decided about one article."""

    status: ArticleState = "used"
    reason: str | None = None  # why it is not used
    duplicate_of: int | None = None  # position of the kept article it copies
    story: int | None = None  # rank of its story (copies: the story of the kept article)
    relevance: float = 0.0  # topic relevance, for ranking


@dataclass(frozen=True)
class Week:
    """Every article of the period, read, with one verdict each."""

    reads: tuple[Read, ...]
    verdicts: tuple[Verdict, ...]
    index: EntityIndex = field(compare=False)  # names of the used articles, aliases merged
    # Positions of articles outside their story's core event (`core_event.off_core`): cited, not written.
    aside: frozenset[int] = frozenset()

    @property
    def used(self) -> list[Read]:
        return [r for r, v in zip(self.reads, self.verdicts, strict=True) if v.status == "used"]

    @cached_property
    def copies(self) -> dict[int, tuple[int, ...]]:
        """Kept article position -> the positions of its duplicates, in order."""
        out: dict[int, list[int]] = {}
        for i, v in enumerate(self.verdicts):
            if v.duplicate_of is not None:
                out.setdefault(v.duplicate_of, []).append(i)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def titled(self) -> frozenset[tuple[str, str]]:
        """Who the used articles title "President", "Senator" … (`leaning.titled_holders`)."""
        return titled_holders(r.article.text for r in self.used)

    @cached_property
    def citations(self) -> dict[str, tuple[str, ...]]:
        """An article's URL -> the URLs a sentence of it cites: its own and its copies'."""
        out: dict[str, tuple[str, ...]] = {}
        for r in self.used:
            urls = [r.url] + [self.reads[c].url for c in self.copies.get(r.position, ())]
            out[r.url] = tuple(dict.fromkeys(urls))
        return out

    def cite(self, r: Read) -> tuple[str, ...]:
        return self.citations.get(r.url, (r.url,))

    @cached_property
    def bodies(self) -> Bodies:
        """The used articles' bodies, oldest first, white space removed (`Bodies`)."""
        return Bodies.of(self.used)

    def statuses(self) -> tuple[ArticleStatus, ...]:
        out = []
        for r, v in zip(self.reads, self.verdicts, strict=True):
            a = r.article
            dup = self.reads[v.duplicate_of].url if v.duplicate_of is not None else None
            out.append(ArticleStatus(url=a.url, title=a.title, source=a.source,
                                     published=a.published, language=a.language,
                                     status=v.status, duplicate_of=dup, story=v.story,
                                     reason=v.reason if v.status != "used" else None))
        return tuple(out)


@dataclass(frozen=True)
class Bodies:
    """Articles' bodies with their white space removed, oldest first (published, then URL),
    held as one string: which articles hold a name is one scan of it (the Explainer's pool
    asks for each of its candidates; squeezing every body per question was 55 of a
    100,000-article week's CPU seconds)."""

    reads: tuple[Read, ...]
    text: str  # the squeezed bodies, each followed by a newline (no squeezed form spans one)
    starts: tuple[int, ...]  # where each body starts in `text`

    @classmethod
    def of(cls, reads: Sequence[Read]) -> Bodies:
        ordered = tuple(sorted(reads, key=lambda r: (r.article.published, r.url)))
        squeezed = ["".join(r.article.text.split()) for r in ordered]
        starts, at = [], 0
        for body in squeezed:
            starts.append(at)
            at += len(body) + 1
        return cls(ordered, "".join(f"{b}\n" for b in squeezed), tuple(starts))

    def holding(self, forms: Sequence[str]) -> list[Read]:
        """The articles whose body, white space removed, holds one of `forms` (each with its
        white space removed), in order."""
        found: set[int] = set()
        for form in {"".join(f.split()) for f in forms}:
            at = self.text.find(form)
            while at >= 0:
                k = bisect_right(self.starts, at) - 1
                found.add(k)
                at = self.text.find(form, self.starts[k + 1] if k + 1 < len(self.starts)
                                    else len(self.text) + 1)
        return [self.reads[k] for k in sorted(found)]


def entity_index(reads: Sequence[Read]) -> EntityIndex:
    """The entity index of these articles, from the mentions each found once."""
    return EntityIndex([r.text for r in reads], found=[r.mentions for r in reads])
