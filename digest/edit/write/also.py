"""The "Also this week" line: a one-sentence blurb under the story's headline.

The story's most central lead sentence (`Centrality.lead_score`: its expected ROUGE-1 F1
against a summary of `ParagraphSettings.opening_reference` words, by what the other articles
say) when it is at most `BLURB_WORDS` words; else the most central lead that is; else the
shortest lead. Never a headline repeated: a lead that says nothing the headline does not is
passed over when another lead is left.

A lead from an article under a column's title (`headline.column.under_column`: "OPINION:
…", "Why Our Ferry Culture Is Slipping Away"; a story of one article too) is its writer's
view, however plainly it reads ("Harbour bosses enforce a monoculture of silence."): printed
bare under a headline, it would be the newsletter's own verdict, so it is credited to its
outlet as a paragraph credits a judgement (`attribution.attribute`, in the issue's language:
"…, according to Outlet B.", "据Outlet B报道，…"; a lead that names its own source, "… the
mayor said.", already says whose it is). A copy editor would rather credit it than drop it:
the headline alone over a column tells the reader less, and the credit is the rule a
paragraph keeps for one outlet's judgement (one rule, one home).

A lead the feed cut mid-sentence is one only as `mend.mended` ends it, before the phrase
the cut fell in ("…, weeks after Trump said the group" goes); a teaser ending "…" is never a
blurb (issue 11: a cut sentence is no sentence). When no article has a whole lead that leans
on nothing, the blurb is a column's first sentence in its writer's own voice, quoted and
credited (`Outlet A writes: “Even if …, we're in trouble.”`: its "we" is never the
newsletter's). When there is none either, an article's first sentence leaning only on "he"
or "she" is the blurb with the person its article means named (`lines.named_line`: "He
credited …" → "Biden credited …"), only where the reader can tell who that is: the name as
printed is in the headline above it, or the sentence gives it in full ("President Biden …",
"Joe Biden …": a name the story writes in full is printed so when the headline lacks it). It
comes after the quoted column, not before: the column's sentence is printed as its writer wrote
it, the named one is our mend of the source's. When none of those is found either, a line
that reads only under the story's headline (`_under_headline`): "The senator …" under a
headline naming the one senator it means, or the dek of the article whose title the headline
is ("President offers no new solutions to …": its outlet wrote it to stand there). A story
whose every sentence is cut, a fragment or a dek not under its own title (`whole.fault`), or
leans on one before it in any other way ("The president's son has been accused …" under a
headline naming no president), or whose articles have no text, gets none: the headline
stands alone, as a desk prints a brief it has no whole sentence for.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

from digest.edit.headline.column import credits, under_column
from digest.edit.headline.score import chosen, headline_for
from digest.edit.lexicon import content_words
from digest.edit.read.leaning import DEK_FAULT, role_holder
from digest.edit.read.mend import before_credit
from digest.edit.read.whole import cut, fault, unstopped_dek
from digest.edit.settings import PARAGRAPH, HeadlineSettings, ParagraphSettings
from digest.edit.week import Read
from digest.edit.write.attribution import INNER_QUOTES as _INNER_QUOTES
from digest.edit.write.attribution import attribute, quote
from digest.edit.write.lines import (
    Centrality,
    Line,
    article_lines,
    complete,
    named_line,
    reading,
    speaks,
    story_lines,
)
from digest.edit.write.lines import leans as leans_on
from digest.edit.write.person import first_person
from digest.edit.write.pronoun import Named, Persons
from digest.edit.write.summarize import in_language
from digest.models import Article, Sentence
from digest.text import quotes_open

BLURB_WORDS = 40
# A lead that is a quotation its page credits after a dash, its speaker named ("“Republicans
# are making a mistake.” — columnist Philip Klein"): a pull quote, printed as reported speech.
_PULL_QUOTE = re.compile(r"^[\"“](?P<quote>[^\"“”]+?)(?P<end>[.!])?[\"”]\s*(?:—|–|--)\s*"
                         r"(?P<who>(?:[a-z]+\s+){0,3}[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})$")


def also_item(story: Sequence[Read | Article], citations: dict[str, tuple[str, ...]], *,
              language: str, settings: ParagraphSettings = PARAGRAPH,
              headlines: HeadlineSettings | None = None,
              titled: AbstractSet[tuple[str, str]] = frozenset()
              ) -> tuple[str, tuple[Sentence, ...]]:
    """An "Also this week" item: its headline (`headline.score.headline_for`, by its line)
    and its line (`also_line`). A line that reads only under the headline was printed only
    once the headline with it was found to be the same: that headline is the item's."""
    sentences, head = _also(story, citations, headline="", language=language,
                            settings=settings, headlines=headlines, titled=titled)
    if head is None:
        head = headline_for([r.article for r in reading(story)], language=language,
                            settings=headlines, paragraph=[x.text for x in sentences])
    return head, sentences


def also_line(story: Sequence[Read | Article], citations: dict[str, tuple[str, ...]], *,
              headline: str = "", language: str | None = None,
              settings: ParagraphSettings = PARAGRAPH,
              headlines: HeadlineSettings | None = None,
              titled: AbstractSet[tuple[str, str]] = frozenset()) -> tuple[Sentence, ...]:
    """One sentence for an "Also this week" item (see the module docstring); `story`: its
    articles, as the week read them (`lines.reading`); `headlines`: how its headline is
    chosen (`headline.score.chosen`), for a line that reads only under it; `titled`: who
    the week's articles give a role's title (`week.Week.titled`)."""
    return _also(story, citations, headline=headline, language=language, settings=settings,
                 headlines=headlines, titled=titled)[0]


def _also(story: Sequence[Read | Article], citations: dict[str, tuple[str, ...]], *,
          headline: str, language: str | None, settings: ParagraphSettings,
          headlines: HeadlineSettings | None, titled: AbstractSet[tuple[str, str]],
          ) -> tuple[tuple[Sentence, ...], str | None]:
    """`also_line`'s line, and the headline it was printed under when it reads only there
    (`_under_headline`), else None."""
    reads = reading(story)
    arts = [r.article for r in reads]
    leads = _leads(reads, language)
    voiced = False
    if not leads:
        leads = _leads(reads, language, voiced=True)
        voiced = bool(leads)
    if not leads:
        leads = _named_leads(reads, language, headline)
    if not leads:
        under = _under_headline(reads, citations, language, headlines, titled)
        return under if under[0] else (_pull_quote(reads, citations, language), None)
    central = Centrality(arts, settings)
    head = set(content_words(headline))
    ranked = sorted(leads.values(),
                    key=lambda ln: (-central.lead_score(ln, settings.opening_reference), ln.article))
    adds = [ln for ln in ranked if not ln.content <= head] or ranked
    short = [ln for ln in adds if ln.size <= BLURB_WORDS]
    pick = short[0] if short else min(adds, key=lambda ln: ln.size)
    art = arts[pick.article]
    if voiced:
        text = quote(pick.text, art.source)
    elif pick.article in under_column(arts, {pick.article}):  # (a column's view: credited)
        text = attribute(pick.text, art.source, "\n".join(a.text for a in arts))
    else:
        text = pick.text
    return (Sentence(text, citations.get(art.url, (art.url,))),), None


def _leads(reads: Sequence[Read], language: str | None, *,
           voiced: bool = False) -> dict[int, Line]:
    """Per article, its first printable line that does not lean on the one before, among
    `story_lines(arts, language)`; each article is read only as far as its lead. When no
    article has one in the issue's language, which lines count needs the whole story.
    `voiced`: one in its writer's first person."""
    arts = [r.article for r in reads]
    own: dict[int, Line] = {}
    for k, r in enumerate(reads):
        for ln in article_lines(k, r, voiced=voiced):
            if (not voiced or first_person(ln.text)) and not ln.leans \
                    and (not language or speaks(ln, arts, language)):
                own[k] = ln
                break
    if own or voiced:  # story_lines keeps the lines in the language,
        return own  # and these lead them (they hold no first person)
    leads: dict[int, Line] = {}
    for ln in story_lines(reads, language):
        if ln.article not in leads and not ln.leans:
            leads[ln.article] = ln
    return leads


def _named_leads(reads: Sequence[Read], language: str | None, headline: str) -> dict[int, Line]:
    """Per article, its first printable line leaning only on "he" or "she" that the story can
    name (`Line.named`), named where the reader can tell who (`_told`)."""
    arts = [r.article for r in reads]
    persons = Persons([a.text for a in arts], (r.mentions for r in reads))
    own: dict[int, Line] = {}
    for k, r in enumerate(reads):
        for ln in article_lines(k, r, persons=persons):
            if ln.named is not None and (not language or speaks(ln, arts, language)):
                told = _told(ln, ln.named, headline, persons)
                if told is not None:
                    own[k] = told
                break  # (the article's first such line, or none)
    return own


def _told(line: Line, name: Named, headline: str, persons: Persons) -> Line | None:
    """`line` named, where its reader, after `headline`, can tell whom it names: the name as
    printed is in the headline, or is two words or more ("President Biden", "Joe Biden"), or
    the story writes the person so in full, printed so here ("On Monday, Brandt …" → "On
    Monday, Ilse Brandt …"); else None."""
    in_full = persons.opening(name.person)
    if " " not in name.shown and not re.search(
            rf"(?<![\w-]){re.escape(name.person)}(?![\w-])", headline):
        if " " not in in_full:
            return None
        end = name.start + len(name.shown)
        name = replace(name, text=name.text[:name.start]
                       + name.shown.replace(name.person, in_full, 1) + name.text[end:])
    return named_line(replace(line, named=name))


def _under_headline(reads: Sequence[Read], citations: dict[str, tuple[str, ...]],
                    language: str | None, headlines: HeadlineSettings | None,
                    titled: AbstractSet[tuple[str, str]],
                    ) -> tuple[tuple[Sentence, ...], str | None]:
    """The line that reads only under the story's headline (`headline.score.chosen`), when no
    other is found: an article's first sentence opening on "The <role>" that the headline
    names the one holder of ("The senator received …" under "Senator Cory Booker launches
    …"; "The president's son …" under "Donald Trump Says …" when the week's articles write
    "President Trump": `leaning.role_holder`), leaning on nothing else; else the dek of the article whose
    title the headline is, the line its outlet wrote to stand under that title ("President
    offers no new solutions to …"; one with no stop, `whole.unstopped_dek`, gets its full
    stop). Either is printed only if the headline, with it, stays the one it reads under,
    and comes with that headline (None with no line: the headline is the caller's to find)."""
    arts = [r.article for r in reads]
    head = chosen(arts, language=language or "en", settings=headlines)
    if head is None:
        return (), None
    found: list[tuple[int, str]] = []
    for k, r in enumerate(reads):
        first = next(article_lines(k, r), None)
        if first is not None and first.index == 0 and first.leans \
                and (not language or speaks(first, arts, language)):
            holder = role_holder(first.text, head.text, titled)
            if holder is not None and not leans_on(holder):
                found.append((k, first.text))
    if not found:
        r = reads[head.article]
        lead = next(r.reading(), None)
        text = lead.plain.strip() if lead is not None else ""
        if lead is not None and lead.index == 0 and not lead.boilerplate \
                and (lead.fault == DEK_FAULT or unstopped_dek(text)) \
                and not first_person(text) and not leans_on(text) and not quotes_open(text) \
                and (not language or in_language(text, r.article.language, language)):
            found.append((head.article, text if text[-1] in ".!" else text + "."))
    if not found and credits(head.text):  # (what the headline's outlet reports, credited there)
        mended = _before_its_credit(reads[head.article])
        if mended is not None and (not language or in_language(
                mended, arts[head.article].language, language)):
            found.append((head.article, mended))
    for k, text in found:
        again = chosen(arts, language=language or "en", settings=headlines, paragraph=[text])
        if again is not None and again.text == head.text:
            art = arts[k]
            return (Sentence(text, citations.get(art.url, (art.url,))),), again.text
    return (), None


def _before_its_credit(read: Read) -> str | None:
    """The article's lead, an excerpt its publisher cut in the clause crediting it, ended
    before that clause (`mend.before_credit`: "… disciplined in school, according to a New
    York" → "… disciplined in school."), when it is whole and leans on nothing; else None.
    Printed only under a headline that says who says it (`column.credits`: "…: report", "…,
    his spokesman says"), which is then the credit the cut took away."""
    first = list(itertools.islice(read.reading(), 2))
    if not first or first[0].index != 0 or first[0].boilerplate:
        return None
    text = first[0].plain.strip()
    if not (cut(text) or (len(first) == 1 and not complete(text))):
        return None  # (a whole lead: its credit, if any, is printed with it)
    line = before_credit(text)
    if line is None or fault(line, read.article.title) or leans_on(line) \
            or first_person(line) or quotes_open(line):
        return None
    return line


def _pull_quote(reads: Sequence[Read], citations: dict[str, tuple[str, ...]],
                language: str | None) -> tuple[Sentence, ...]:
    """When nothing else is found: an article's lead that is a quotation credited after a dash
    (`_PULL_QUOTE`), a whole sentence leaning on nothing, as reported speech with its credit
    ("“Republicans are making a mistake,” columnist Philip Klein says."): whose words they
    are is printed with them, so its "we" or "I" is never the newsletter's."""
    for r in reads:
        lead = next(r.reading(), None)
        m = _PULL_QUOTE.match(lead.plain.strip()) if lead is not None and lead.index == 0 \
            else None
        if m is None or lead is None or lead.boilerplate:
            continue
        said = m["quote"].strip() + (m["end"] or ".")
        # (whole as a statement: an exclamation someone said is theirs, `lines._TERMINAL`)
        if fault(said) or leans_on(said) or not complete(m["quote"].strip() + ".") \
                or (language and not in_language(said, r.article.language, language)):
            continue
        stop = "!" if m["end"] == "!" else ","
        text = f"“{said[:-1].translate(_INNER_QUOTES)}{stop}” {m['who']} says."
        return (Sentence(text, citations.get(r.article.url, (r.article.url,))),)
    return ()
