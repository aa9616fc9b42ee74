"""A headline's words in running text: which capitals are names and which are the headline's.

A Title Case headline ("Five Takeaways From Georgia's Special Election") capitalises words that
prose writes in lower case; a sentence-case one capitalises names. In running text (the intro's
items, `write/intro.py`, `write/cover.py`) a word keeps its capital only where the story's
articles write it capitalised inside a sentence at least as often as not (`in_running_text`,
from `prose_counts`), or where the week's prose does (`_week_name`: "the United States");
a capital the week writes in lower case and never alone is lowered (`_headline_capital`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from digest.edit.lexicon import QUOTED, STOPWORDS, stem
from digest.edit.proof.sources import Sources

# A word of running text; the character before it says whether it opens a sentence. An
# apostrophe or hyphen inside a word belongs to it ("China's", "four-month"); one that ends it
# closes a quotation ("'Clear Feed'"), so "Feed" is counted and looked up as written.
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
_OPENS = frozenset(".!?:;\"“‘(\n")
_POSSESSIVE = re.compile(r"['’]s$")
# A period that ends initials opens no sentence: the word after "the U.S." or "John F." is
# inside one ("the U.S. Capitol lawn").
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.)+$")
# A quotation in a headline: double quotes, or single ones that open after a space and close
# before one ("'assaulted by lies'"; not the apostrophe of "Trump's" or "Democrats' plan").
_HEADLINE_QUOTE = re.compile(QUOTED.pattern + r"""|(?<![\w'’])['‘][^'‘’\n]+['’](?![\w'’])""")
# A prefix a headline capitalises before a name ("Ex-FBI", "Anti-Trump"): prose writes it low.
_PREFIXES = frozenset(["ex", "anti", "pro", "non", "pre", "post", "neo", "co"])
# Words a headline capitalises that prose never does when the articles do not say.
SMALL = frozenset(["a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with", "at",
                   "by", "from", "as", "over", "into", "after", "amid", "is", "are", "be"])


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """The spans of quoted titles in Title Case ('… story: "Insider Blows Whistle & Exec
    Reveals Google Plan …"', 'signed the "Hangzhou Statement on Open and Safe AI"'): at
    least four words, most of them past the first, small words aside, capitalised. A word's
    capital there is a title's, no evidence of how prose writes the word alone; two
    capitalised words side by side still name something ("Hangzhou Statement")."""
    spans = []
    for q in QUOTED.finditer(text):
        words = [w for w in _WORD.findall(q.group(0))[1:] if w.lower() not in SMALL]
        if len(words) >= 3 and sum(w[:1].isupper() for w in words) * 4 >= len(words) * 3:
            spans.append(q.span())
    return spans


def prose_counts(texts: Sequence[str]) -> Counter[str]:
    """How often each word form occurs inside a sentence (not opening one) in `texts`; the
    words of a quoted Title Case title count only as pairs (`_quoted_titles`)."""
    out: Counter[str] = Counter()
    for text in texts:
        last = ""
        titles = _quoted_titles(text) if ('"' in text or "“" in text) else []
        for m in _WORD.finditer(text):
            w, before = m.group(0), text[:m.start()].rstrip()
            quoted = bool(titles) and any(a < m.start() < b for a, b in titles)
            if not quoted:
                out["=" + w] += 1  # anywhere, opening a sentence too
            if not quoted and before and (before[-1] not in _OPENS or (
                    before[-1] == "." and _INITIALS.search(before[-16:]))):
                out[w] += 1
                if w[:1].isupper() and not re.match(r"\s+[A-Z]", text[m.end():]):
                    out["!" + w] += 1  # a capital standing alone ("Trump said"), no pair
                # the word's other forms ("launched" for "Launches"), capitalised or not
                out[("^" if w[:1].isupper() else "~") + stem(w.lower())] += 1
            if last[:1].isupper() and before.endswith(last):
                # a name of several words ("Hangzhou Statement"), or a name and a common
                # word ("the Trump administration", counted apart: `_named_pair`)
                key = f"{last} {w}" if w[:1].isupper() else f"{last} ~{w}"
                out[key] += 1
                bare = _POSSESSIVE.sub("", key)
                if bare != key:  # the name of a possessive ("Oxford University’s")
                    out[bare] += 1
            last = w
    return out


def in_running_text(headline: str, counts: Counter[str], *, mid: bool = False,
                    src: Sources | None = None) -> str:
    """The headline as a clause of a sentence: each capitalised word lower-cased unless the
    articles write it capitalised inside their sentences (`prose_counts`) at least as often
    as lower-cased; acronyms, mixed case and words with digits keep their form. `mid`: the
    text goes after a colon, so its first word is judged as any other ("Britain", "Trump").
    `src`, the week's articles: a capital kept for want of the story's own evidence is
    lowered where the week writes the word in lower case and never capitalised on its own
    inside a sentence (`_headline_capital`: "Five Takeaways from …", "… Transgender
    Equality Legislation")."""
    text = headline.strip()  # (the words after each one are read from it: "President Trump")
    words = _WORD.findall(headline)
    # In a Title Case headline only the articles' prose says which words are names; in a
    # sentence-case one, a capital after the first word is the writer's name.
    title_case = sum(w[:1].isupper() for w in words[1:]) * 2 > len(words[1:])
    # A sentence-case headline quotes as the speaker wrote ("Trump says Kavanaugh 'assaulted
    # by lies and Fake News'"): a quotation's capitals are its own (in a Title Case one they
    # are the headline's).
    quoted = [] if title_case else [q.span() for q in _HEADLINE_QUOTE.finditer(text)]
    kept: list[str] = [""]  # the word before, as printed

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        low = w.lower()
        before, kept[0] = kept[0], w
        head, dash, rest = w.partition("-")
        if dash and head.lower() in _PREFIXES and rest[:1].isupper() and (m.start() or mid):
            kept[0] = f"{head.lower()}-{rest}"  # "Ex-FBI Deputy Director": "ex-FBI"
            return kept[0]
        if w == low or not w[0].isupper() or any(c.isupper() or c.isdigit() for c in w[1:]):
            return w
        root = stem(low)
        capital, lower = counts[w] + counts[f"^{root}"], counts[low] + counts[f"~{root}"]
        bare = _POSSESSIVE.sub("", w)  # a possessive by its name ("Obama’s": "Obama")
        if bare != w:
            capital, lower = capital + counts[bare], lower + counts[bare.lower()]
        after = _WORD.search(text, m.end())
        if ((capital and capital >= lower) or _named_pair(counts, before, w)
                or (after is not None and counts[f"{w} {after.group(0)}"])):
            return w  # a name, or a title before one ("President Trump")
        if len(w) == 1 and (w != "A" or text.startswith(".", m.end())):
            return w  # an initial, a piece of "U.S." (a Title Case "A" is the article)
        if not lower and counts["=" + w] and low not in STOPWORDS:
            return w  # the articles write it only with its capital ("Rep. Tulsi Gabbard")
        if lower or low in SMALL or (m.start() == 0 and not mid) or title_case:
            kept[0] = low
            return low
        return w  # capitalised in a sentence-case headline, never in prose: a name
    def cased(m: re.Match[str]) -> str:
        if quoted and any(a < m.start() < b for a, b in quoted):
            kept[0] = m.group(0)
            return kept[0]
        before, w = kept[0], word(m)
        if src is not None and w != m.group(0) and _week_name(m, text, src):
            kept[0] = m.group(0)
            return kept[0]
        if w != m.group(0) or src is None or not w[:1].isupper():
            return w
        after = _WORD.search(text, m.end())
        if _named_pair(counts, before, w) or (
                after is not None and counts[f"{w} {after.group(0)}"]):
            return w  # a pair the story's articles write ("Supreme Court")
        if _headline_capital(w, counts, src):  # (a compound by its parts: "Obama-era")
            kept[0] = "-".join(p if k == 0 and "-" in w and not _common_capital(p, src)
                               else p.lower() for k, p in enumerate(w.split("-")))
        return kept[0]
    return _WORD.sub(cased, text)


def _named_pair(counts: Counter[str], before: str, word: str) -> bool:
    """Whether the story's articles write `before word` as a name of two words ("Supreme
    Court", "Oxford University’s") at least as often as with the word in lower case ("the
    Trump Administration’s" once, "the Trump administration" twice: a common noun)."""
    named = counts[f"{before} {word}"]
    return bool(named) and named >= counts[f"{before} ~{word.lower()}"]


def _week_name(m: re.Match[str], text: str, src: Sources) -> bool:
    """A Title Case headline's word the story's articles never write, which the week's prose
    writes capitalised inside a sentence together with the headline word beside it, at least
    twice and more often than in lower case, one of the two words also on its own ("When
    Could the United States Reach …": "the United States" is a name the week writes; a
    headline quoted once, or common words such as "New Spending" in the week's Title Case
    titles, are no evidence)."""
    w = m.group(0)
    before = _WORD.findall(text[:m.start()])[-1:]
    after = _WORD.search(text, m.end())
    pairs = [f"{before[0]} {w}"] if before and before[0][:1].isupper() else []
    if after is not None and after.group(0)[:1].isupper():
        pairs.append(f"{w} {after.group(0)}")
    return any(src.mid(p) >= 2 and src.mid(p) > src.mid(p.lower()) and any(
        src.mid(x) > src.mid(x.lower()) for x in p.split()) for p in pairs)


def _headline_capital(word: str, counts: Counter[str], src: Sources) -> bool:
    """A headline's capital on a common word: the story's articles never write it
    capitalised on its own inside a sentence (only in a longer name, "the Equality Act", or
    not at all), the week's articles write it in lower case inside a sentence and never
    capitalised on its own there. Hyphenated words by their parts ("Foreign-Policy")."""
    if counts["!" + word] or any(c.isupper() or c.isdigit() for c in word[1:].replace("-", "")):
        return False
    parts = word.split("-")
    return any(_common_capital(p, src) for p in parts[1:]) if len(parts) > 1 else (
        _common_capital(word, src))


def _common_capital(word: str, src: Sources) -> bool:
    return word[:1].isupper() and word.lower() not in STOPWORDS and src.mid(word.lower()) > 0 \
        and src.count(rf"\b[a-z][\w,]*[^\S\n]+{re.escape(word)}(?![\w-])(?![^\S\n]+[A-Z])",
                      word) == 0
