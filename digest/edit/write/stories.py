"""The write room's entry point for stories: each story's paragraph or "Also" line, its
headline, and the paragraph's opening.

The headline is chosen here, between the paragraph's sentences and their order: it reads the
paragraph (`headline.score.disputes`: no figure the paragraph states otherwise), and the
paragraph then opens on the sentence that tells the headline's event (`reopen.lead_with`).
Before session 23 the headline was chosen after every story was written (editor.py), so the
paragraph could not open on what its headline tells.

Which sentence then opens — the lead telling the headline's event (`lead_with`), one saying
the opening's all and more (`said_better`), telling its act better (`told_better`), or telling
it with all the opening carries and more (`told_fuller`), and without a lead a later one says
(`said_later`) — is write/reopen.py's.

**The headline's own account** (`untold`, `own_account`, session 28). The headline is the
story's best title and the paragraph the most central account, each chosen on its own; when
the paragraph prints no sentence that tells the headline (`headline.score.tells`: half its
content words) and not the lead of the outlet whose title it is, the reader meets a headline
the paragraph never speaks to ("Media group and search giant sign a payment deal" over a
paragraph on another platform blocking news). A copy editor gives that outlet's account: the
paragraph is chosen again to open on its lead (`paragraph.select(opening=…)`, then filled as
always), when that lead tells the headline and says more than it (not the title printed again
as the text's first line), is printed as written (not credited) and fits within the
paragraph's least words (`paragraph_words[0]`: a longer "sentence" is two run together), and
the headline states no figure the new paragraph states otherwise (`headline.score.disputes`).
On the allsides weeks (`bench/readthrough.py agree`) 187 of 2,368 paragraphs never told their
headline while a lead of the story did; 84 after (most left: the lead cut off by the feed, or
opening on "The <noun> …", read as leaning on a sentence before).

**Another outlet's account** (`told_account`, `telling_leads`, session 32). When the
headline's own lead cannot open (none printable, or it does not tell the headline) and the
paragraph still tells it not, the paragraph is chosen again on the same terms to open on
another outlet's lead that tells it as a lead must to open before the opening
(`reopen.tells_better`: half the headline's words, twice the opening's and two more), the most
of them first, not a column's, and dated (`Line.day`: a news lead says when; an undated one
on the allsides weeks was background, "The … Task Force was formed in 2019 …", or the
opening's act in other words): under "Kim Potter, Officer Who Killed Daunte Wright, to Be
Charged With Second-Degree Manslaughter" the paragraph opened on her arrest and now opens on
the charge.

**One act, one account** (`retold.acted_again`, `_once`): with the headline known, another
outlet's sentence telling a printed act again (its subject, a main verb of one family) goes
unless it names the headline's fact, and the paragraph is chosen again without it.

**Each event once** (`retold.py`): with the headline known, another outlet's lead that tells
its event again — the same subject doing the same thing that day, or half the headline's words
and mostly words printed before it, with no statement or other main verb of its own; and
nothing the reader needs that the rest does not print (a word of the headline, a figure, an
actor, a quotation) — is not printed, with what leans on it.
"""


from __future__ import annotations

from collections.abc import Callable, Sequence

from digest.edit.core_event import writing_set
from digest.edit.headline.column import columns
from digest.edit.headline.score import Candidate, chosen, disputes, tells
from digest.edit.rank import Ranked
from digest.edit.settings import HeadlineSettings, ParagraphSettings, WriteSettings
from digest.edit.week import Read, Week
from digest.edit.write.alike import told_alike
from digest.edit.write.also import also_item
from digest.edit.write.lines import Key, Line, story_lines
from digest.edit.write.opening import hook_keys, lead_of
from digest.edit.write.paragraph import Pick, select
from digest.edit.write.reopen import (
    lead_with,
    said_better,
    said_later,
    tells_better,
    told_better,
    told_fuller,
)
from digest.edit.write.retold import acted_again, identified_again, retellings, without
from digest.edit.write.told_again import bag
from digest.models import Article, Citation, Sentence, Story


def write_stories(week: Week, ranked: Sequence[Ranked], language: str,
                  settings: WriteSettings, headline: HeadlineSettings) -> list[Story]:
    """Each story's paragraph (featured) or one line (also), its headline, citations and rank
    facts."""
    out = []
    for story in ranked:
        reads = writing_set(week, story.members, settings.articles)
        if story.featured:
            title, sentences = _paragraph(reads, week.citations, language, settings, headline)
        else:
            title, sentences = also_item(reads, week.citations, language=language,
                                         settings=settings.paragraph, headlines=headline,
                                         titled=week.titled)
        cites = tuple(Citation(a.url, a.title, a.source, a.published)
                      for i in story.members for j in (i, *week.copies.get(i, ()))
                      for a in (week.reads[j].article,))
        out.append(Story(rank=story.rank, section=story.section, headline=title,
                         sentences=sentences, articles=cites, score=story.score, why=story.why))
    return out


def _paragraph(reads: Sequence[Read], citations: dict[str, tuple[str, ...]], language: str,
               settings: WriteSettings, headline: HeadlineSettings,
               ) -> tuple[str, tuple[Sentence, ...]]:
    """The featured story's headline and paragraph, opening on what the headline tells, each
    event told once (`retold.retellings`: another outlet's lead telling the headline's event
    again goes, with what leans on it; `retold.identified_again`: who someone is, told
    again)."""
    arts = [r.article for r in reads]
    lines = story_lines(reads, language)  # (the week's reading of each sentence)
    picks = select(arts, language, settings.paragraph_words, settings.paragraph, lines=lines)
    head = chosen(arts, language=language, settings=headline,
                  paragraph=[p.text for p in picks])
    title = head.text if head else ""
    picks = _once(lambda skip: select(arts, language, settings.paragraph_words,
                                      settings.paragraph, lines=lines, skip=skip)
                  if skip else picks, title, settings.paragraph)
    printed = _ordered(picks, arts, lines, language, title, head, columns(arts), settings)
    printed = without(printed, acted_again(printed, title, settings.paragraph))
    printed = without(printed, retellings(printed, title, settings.paragraph))
    if settings.embeddings:  # (the extra: write/alike.py)
        printed = without(printed, told_alike(printed, title, settings.paragraph))
    printed = without(printed, identified_again(printed))
    return title, tuple(Sentence(p.text, citations.get(arts[p.line.article].url,
                                                       (arts[p.line.article].url,)))
                        for p in printed)


# How often a paragraph is chosen again without another outlet's account of an act told
# (`retold.acted_again`): each time one such account goes and the fill may take another.
_REFILLS = 2


def _once(choose: Callable[[frozenset[Key]], list[Pick]], title: str,
          settings: ParagraphSettings) -> list[Pick]:
    """The paragraph `choose` writes, never filled with another outlet's account of an act it
    tells (`retold.acted_again`, known with the `title`): chosen again with those skipped,
    up to `_REFILLS` times, and any left then dropped."""
    skip: frozenset[Key] = frozenset()
    picks = choose(skip)
    for _ in range(_REFILLS):
        again = acted_again(picks, title, settings)
        if not again:
            break
        skip |= again
        picks = choose(skip)
    return without(picks, acted_again(picks, title, settings))


def _ordered(picks: Sequence[Pick], arts: Sequence[Article], lines: Sequence[Line],
             language: str, title: str, head: Candidate | None, cols: frozenset[int],
             settings: WriteSettings) -> list[Pick]:
    """`picks` opening on the headline's own account where they tell it not (`untold`,
    `own_account`), then on what tells the headline best (`lead_with`, `said_better`,
    `told_better`, `told_fuller`), without a lead a later one says (`said_later`)."""
    if head is not None and untold(picks, title, head.article):  # (module docstring)
        picks = told_account(picks, title, head.article, lines, cols, lambda k: _once(
            lambda skip: select(arts, language, settings.paragraph_words, settings.paragraph,
                                lines=lines, opening=k, skip=skip), title, settings.paragraph),
                             settings)
    printed = lead_with(picks, title, head.article if head else None, cols, settings.paragraph)
    printed = said_better(printed, title, cols, settings.paragraph)
    printed = told_better(printed, title, cols, settings.paragraph)
    printed = told_fuller(printed, title, cols, settings.paragraph_words[0], settings.paragraph)
    return said_later(printed, title, settings.paragraph)


def told_account(picks: Sequence[Pick], headline: str, own: int, lines: Sequence[Line],
                 columns: frozenset[int], opening_on: Callable[[int], list[Pick]],
                 settings: WriteSettings) -> list[Pick]:
    """`picks`, which never tell the `headline`, chosen again (`opening_on` an article's
    lead) to open on the headline's own lead (`own_account`), else on another outlet's dated
    lead that tells it (`telling_leads`) on the same terms; else as they are (module
    docstring, "The headline's own account", "Another outlet's account")."""
    least = settings.paragraph_words[0]
    out = own_account(picks, headline, own, opening_on(own), least)
    if out != list(picks):
        return out
    for k in telling_leads(picks, headline, lines, columns | {own}, settings.paragraph):
        out = own_account(picks, headline, k, opening_on(k), least)
        if out != list(picks):
            return out
    return list(picks)


def telling_leads(picks: Sequence[Pick], headline: str, lines: Sequence[Line],
                  never: frozenset[int], settings: ParagraphSettings) -> list[int]:
    """The articles (not in `never`: the headline's own, a column's) whose lead tells the
    `headline` as a lead must to open before the opening (`reopen.tells_better`), the most of
    its words first (module docstring, "Another outlet's account")."""
    told = bag(headline)
    opening = len(bag(picks[0].text) & told) if picks else 0
    leads = lead_of(lines, hook_keys(lines))
    its = {k: len(bag(ln.text) & told) for k, ln in leads.items()
           if k not in never and ln.day is not None}  # (a news lead says when)
    return sorted((k for k, n in its.items() if tells_better(n, opening, len(told), settings)),
                  key=lambda k: (-its[k], k))


def untold(picks: Sequence[Pick], headline: str, own: int) -> bool:
    """Whether no printed sentence `tells` the headline and its own article's lead is not
    printed (module docstring, "The headline's own account")."""
    return bool(picks) and not any(p.lead and p.line.article == own for p in picks) and not any(
        tells(p.text, headline) for p in picks)


def own_account(picks: Sequence[Pick], headline: str, own: int, again: Sequence[Pick],
                most: float) -> list[Pick]:
    """`again` (the paragraph chosen to open on article `own`'s lead) when it opens on that
    lead, which `tells` the `headline` and says more than it (not the title printed again as
    the text's first line), is printed as written (not credited: a judgement of its outlet's
    alone would open the paragraph) and fits in `most` words (the paragraph's least: a longer
    "sentence" is rarely one), and the headline states no figure it states otherwise; else
    `picks`."""
    if not again or again[0].line.article != own:
        return list(picks)
    lead = again[0]
    if (lead.text != lead.line.text or lead.line.size > most or not tells(lead.text, headline)
            or tells(headline, lead.text, 1.0) or disputes(headline, [p.text for p in again])):
        return list(picks)
    return list(again)
