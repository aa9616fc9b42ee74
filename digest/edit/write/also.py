"""The "Also this week" line: a one-sentence blurb under the story's headline.

The story's most central lead sentence (`Centrality.lead_score`: its expected ROUGE-1 F1
against a summary of `ParagraphSettings.opening_reference` words, by what the other articles
say) when it is at most `BLURB_WORDS` words; else the most central lead that is; else the
shortest lead. Never a headline repeated: a lead that says nothing the headline does not is
passed over when another lead is left.

When no article has a whole lead that leans on nothing (a feed's excerpt cut mid-sentence, a
column in its writer's first person), the blurb is, in this order: a cut lead, marked "…" (a
teaser, as the feed gave it); a column's first sentence in its writer's own voice, quoted
and credited (`Outlet A writes: “Even if …, we're in trouble.”`: its "we" is never the
newsletter's). A story whose every sentence leans on one before it ("He has vowed …") or
whose articles have no text gets none: the headline stands alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from digest.edit.lexicon import content_words
from digest.edit.settings import PARAGRAPH, ParagraphSettings
from digest.edit.write.attribution import quote
from digest.edit.write.lines import (
    Centrality,
    Line,
    article_lines,
    first_person,
    speaks,
    story_lines,
)
from digest.models import Article, Sentence

BLURB_WORDS = 40


def also_line(arts: Sequence[Article], citations: dict[str, tuple[str, ...]], *,
              headline: str = "", language: str | None = None,
              settings: ParagraphSettings = PARAGRAPH) -> tuple[Sentence, ...]:
    """One sentence for an "Also this week" item (see the module docstring)."""
    leads = _leads(arts, language)
    voiced = False
    if not leads:
        leads = _leads(arts, language, whole=False)
    if not leads:
        leads = _leads(arts, language, voiced=True)
        voiced = True
    if not leads:
        return ()
    central = Centrality(arts, settings)
    head = set(content_words(headline))
    ranked = sorted(leads.values(),
                    key=lambda ln: (-central.lead_score(ln, settings.opening_reference), ln.article))
    adds = [ln for ln in ranked if not ln.content <= head] or ranked
    short = [ln for ln in adds if ln.size <= BLURB_WORDS]
    pick = short[0] if short else min(adds, key=lambda ln: ln.size)
    art = arts[pick.article]
    text = quote(pick.text, art.source) if voiced else pick.text
    return (Sentence(text, citations.get(art.url, (art.url,))),)


def _leads(arts: Sequence[Article], language: str | None, *, whole: bool = True,
           voiced: bool = False) -> dict[int, Line]:
    """Per article, its first printable line that does not lean on the one before, among
    `story_lines(arts, language)`; each article is read only as far as its lead. When no
    article has one in the issue's language, which lines count needs the whole story.
    `whole=False`: a lead the feed cut ("…"); `voiced`: one in its writer's first person."""
    wanted: Callable[[Line, bool], bool] = (
        (lambda ln, w: w and first_person(ln.text)) if voiced else (lambda _, w: w == whole))
    own: dict[int, Line] = {}
    for k, art in enumerate(arts):
        for ln, w in article_lines(k, art, voiced=voiced):
            if wanted(ln, w) and not ln.leans and (not language or speaks(ln, arts, language)):
                own[k] = ln
                break
    if own or not whole or voiced:  # story_lines keeps the lines in the language,
        return own  # and these lead them (they hold no excerpt nor first person when whole)
    leads: dict[int, Line] = {}
    for ln in story_lines(arts, language):
        if ln.article not in leads and not ln.leans:
            leads[ln.article] = ln
    return leads
