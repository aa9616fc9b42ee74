"""What of a source's sentence is the page's, not news: a dateline, a kicker, a signpost or a
label before it (cut from it: `clean_sentence`), or a whole sentence that is furniture — a
byline, a timestamp, a ticker or a link list, a broadcast's speaker label (`is_furniture`), a
list's item or a caption under its label (`labelled`), its outlet's credit line or pitch
(`own_furniture`, table `OWN_OUTLET`), and, by `is_furniture`: a page's own pitch or
disclosure naming no outlet (an affiliate disclosure, a sign-up call, a tip jar, a share
drawer, a newsletter's pitch for itself, an update log: table `PAGE_PITCH`), who had the story
first (`PROVENANCE`), a run-in subheading (`_heading`) and a roundup's item whose subject is
the heading above it (`_HEADED_ITEM`). Every writer reads a source's sentences through these
(`week.Line`, `lines.article_lines`, the summariser in summarize.py) and the copy editor
strikes what they would have cut (`proof/story.py`).

The patterns are the house styles of news pages (wire datelines, the labels of a signposted
style), written for this module.
"""

from __future__ import annotations

import re

from digest.edit.lexicon import (
    ARTICLES,
    CJK_RE,
    MONTHS,
    NEWS_KICKERS,
    NUMBER_WORDS,
    REPORTING_VERBS,
    STOPWORDS,
    WIRE_PATTERN,
)

_FURNITURE = re.compile(
    r"^(by\s*\.|by\s+[A-Z][\w'.\- ]{0,60}\s*\.?$|published:|updated:|last updated|"
    r"scroll down|click here|follow @|image source|photo:|picture:|read more|"
    r"share this|advertisement|\(?cnn\)?\s*$|please scroll|editor['’]s note\s*:)",
    re.IGNORECASE,
)
_WIRE = rf"\((?:{WIRE_PATTERN})\)"
# A kicker in capitals announcing the news under it ("VIDEO: Crowds gathered …", "BREAKING:
# …"): it goes, the sentence stays. One naming a kind of piece or a feed (lexicon.KICKERS
# beside these: "OPINION:", "READ:", "LIVE UPDATES:") is stripped only from a headline: in an
# article's text it labels a link, and the line under it, another piece's headline, goes
# whole (`LABEL`: "ANALYSIS: Congress must act now." is not news to print).
_KICKERS = "|".join(NEWS_KICKERS)
# The signposts of a house style that sets each paragraph under a label ("Why it matters:
# Trump and his allies have …", "Driving the news: …"): the label is the page's, the rest
# the sentence.
SIGNPOSTS = (r"Why it matters|Driving the news|The big picture|(?:The )?[Ss]tate of play|"
             r"The latest|Between the lines|The bottom line|Bottom line|What they'?re saying|"
             r"What'?s next|What to watch|By the numbers|The backstory|Flashback|Zoom in|"
             r"Zoom out|Yes, but|Reality check|Catch up quick|The intrigue|Go deeper|Details|"
             r"Context|Where it stands|The other side|Our thought bubble|Be smart")
# … and a house style whose labels stand in capitals on a line of their own, which a feed's
# text runs into the sentence after ("TOPLINE With the House of Representatives passing …",
# "KEY FACTS The bill …"): the label goes, as a signpost's does.
CAPS_SIGNPOSTS = (r"TOPLINE|KEY (?:FACTS|BACKGROUND)|CRUCIAL QUOTES?|BIG NUMBER|SURPRISING FACT|"
                  r"WHAT TO WATCH FOR|CHIEF CRITICS?|NEWS PEG|TANGENT|FURTHER READING|"
                  r"WHAT WE DON'?T KNOW")
# The dashes a dateline ends on: em, en, the horizontal bar ("NEW YORK (Reuters) ―") and the
# box-drawing line some sites type for one ("RICHMOND, Va. ─").
_DASH = "[—–―─]"
# The date a wire dateline may carry after its city: "NEW YORK, May 21 (Reuters) ―",
# "SAN DIEGO, July 2 (Reuters) -", "LONDON, Sept. 3 —", "RAJSHAHI, Dec 20, 2025 (BSS) -".
_DATED = (r"(?:,\s(?:" + "|".join(m[:3] + (f"(?:{m[3:]}|t)?" if m == "September" else
                                            f"(?:{m[3:]})?" if m[3:] else "")
                                 for m in MONTHS) + r")\.?\s\d{1,2}(?:,\s\d{4})?)?")
_DATELINE = re.compile(
    r"^\s*(?:"
    rf"{_WIRE}\s*(?:--|{_DASH}|-)?"  # "(CNN) --"; "(AP) —" when a split left the city behind
    rf"|[A-Z][A-Z .,'/-]{{2,40}}{_DATED}\s*{_WIRE}\s*(?:--|{_DASH}|-)?"  # "LONDON (Reuters) -"
    # "Washington (CNN) -", "Manchester, New Hampshire (CNN) -": a place in title case is a
    # dateline only before a wire's tag and its dash, or glued to the sentence, which shows
    # the page ran its dateline into the text ("Washington (CNN)President Donald Trump …")
    r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?:,\s[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][a-z.]+)?)?"
    rf"{_DATED}\s*{_WIRE}(?:\s*(?:--|{_DASH}|-)|(?=[A-Z\"“]))"
    # "HANGZHOU — ", "MINNEAPOLIS—", "TEL AVIV—", "ALBANY, N.Y. –", "WASHINGTON -- ",
    # "NEW YORK/WASHINGTON —" … and "TEHRAN, Iran (AP) —", "CAMBRIDGE, Mass. (Project
    # Syndicate) —", "LONDON, Sept. 3 —"
    r"|[A-Z]{3,}(?:[ /-][A-Z]{2,})*(?:,\s[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][a-z.]+)?)?" + _DATED +
    # a wire's tag in brackets makes a plain hyphen a dateline's too: "QUETTA, Pakistan
    # (Reuters) - "
    r"\s*(?:\([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,3}\)\s*(?:--|" + _DASH + "|-)|(?:--|"
    + _DASH + "))"
    rf"|(?:{_KICKERS})\s*:"  # "VIDEO: …", "EXCLUSIVE: …"
    rf"|(?:{SIGNPOSTS})\s*:(?=\s+[A-Z\"“])"  # "Why it matters: Trump …"
    rf"|(?:{CAPS_SIGNPOSTS})\s+(?=[A-Z\"“][a-z\"“ ])"  # "TOPLINE With the House …"
    r"|本[网报刊台]讯\s*|本[网报刊台][\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日[电讯]\s*)\s*")
# An article's first sentence may open on a place in title case and a spaced dash, with no
# wire's tag: "Doha, Qatar - US officials …", "Washington — House Democrats unveiled …",
# "Indianapolis – Several thousand teachers …". Only there: further in, "Verdict – This
# machine …" or "Ring - Top for DIY Installation" is a list's label, and "Biden — Trump's
# rival — said …" (a dash closing an aside after it) is a sentence; nor is a subject that
# opens on a number or a determiner a place ("Three Republicans — Sens. …").
_LEAD_DATELINE = re.compile(
    r"^\s*[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?:,\s[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][a-z.]+)?)?"
    + _DATED + rf"\s+(?:--|{_DASH}|-)\s+(?=[A-Z\"“])(?![^—–]*\s[—–]\s)")
# Words that open a subject, never a place's name.
_NOT_A_PLACE = ARTICLES | NUMBER_WORDS | frozenset([
    "this", "that", "these", "those", "some", "many", "most", "all", "both", "several", "few",
    "no", "meanwhile", "still", "now"])
# A label that makes the rest someone else's words or a form, not news: "CLAIM: …",
# "THE FACTS: …" (a fact check), "Q: …", a transcript's speaker ("AUDIE CORNISH, HOST: …",
# "MAYORKAS: …": a broadcast's words, the host's or a guest's, not the outlet's report).
# ("SERGIO MARTINEZ-BELTRAN, BYLINE: …", "UNIDENTIFIED PERSON #4: …", "O'BRIEN: …")
LABEL = re.compile(rf"^(?!(?:{_KICKERS})\s*:)[A-Z][A-Z'’-]*(?: (?:[A-Z][A-Z'’.-]+|#\d+))*"
                    r"(?:,(?: [A-Z]{2,})+)?:\s")
# … and one in a label's own case (`labelled`), a list's item or a picture's caption under
# its label ("Night fares: Tickets cost £4 after 10 p.m.", "Stranded: Passengers wait at the
# pier …", "Built-in lights: These make the deck safe."): a label of one to six words before a
# colon (eight in a heading's capitals), its first a content word, then a sentence that leans
# on it (its subject the label's, or "These", or none: "Has a bar."). The paragraph and the
# "Also" line print none (`lines.article_lines`). Not a speaker's ("Lind said: …": a reporting
# verb; "Lind: “…”": a quotation), a clause ("It was a call to action: …", "The biggest change
# of all: …": opening on a function word, unless a heading's every word is in capitals, "Each
# Ferry Is Different: …"; "Her message was clear: …": "to be" or "to have" in lower case;
# "2025 brought changes: …": a year its subject), a dateline in capitals ("OAKFIELD: …"), nor
# a title before its subtitle ("Fire and Ice: Inside the Harbour Board is out on Tuesday", "…:
# The Story of Katherine": the title's every word in capitals but the small ones, two words or
# more, the subtitle's first two; "Ferry Size: In Oakfield, the …", "Stranded: Carthen
# Harbour …" are labels).
_LABEL = re.compile(r"^(?:[*•]\s*)?([A-Z0-9][\w'’&/().+-]*(?:\s[\w'‘’&/().+-]+){0,7}):\s+"
                    r"([A-Z]\S*(?:\s\S+){0,3})")
_SMALL = frozenset({"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by",
                    "with", "from"})
_BE_HAVE = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had"})
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_LETTER = re.compile(r"[^\W\d_]")
_TIMESTAMP = re.compile(r"\b\d{1,2}:\d{2}\s*(EST|GMT|BST|EDT|UTC)\b", re.IGNORECASE)
# The tail of a quotation a page's sentence splitter cut off, standing alone: a speaker, an
# apposition and a reporting verb, nothing said ("Douglas Letter, the House general counsel,
# reportedly said.", "He added.", "The company said."); "Prices rose, the bureau said." says
# something.
_SPEECH_TAG = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]*\s)*[A-Z][\w.'’-]*|The\s[a-z]+(?:\s[a-z]+)?)(?:,\s[^,.;:\"“”]{1,80},)?\s"
    r"(?:\w+ly\s|also\s)?(?:said|says|added|adds|wrote|writes|told\s(?:reporters|[A-Z]\S*))\.$")
# A list run into one line, a bullet inside the sentence (a live blog's "Monday Feb. 3 * The
# Senate trial resumed at 11 a.m.", "… closing arguments. * The Senate then recessed …"): the
# page's layout, not a sentence; a footnote's star clings to its word ("rates*").
_INLINE_BULLET = re.compile(r"\S\s+[*•]\s+[\"“A-Z0-9]")
# A page's own pitch or disclosure, whatever outlet it names or none (a blog's, a shop's: "As
# an Amazon Associate, this website earns from qualifying purchases.", "Note: this blog uses
# affiliate links.", "For daily tips, sign up for the Almanac newsletter.", "Support us with
# a one-time tip.", a share drawer run into a line, "… Share this: Click to share on
# Facebook …"): furniture of the page, by kind, as data. Each asks for the page's own words
# ("this post", "our newsletter", "qualifying purchases") so a report on affiliate marketing
# or on people signing up for a programme is no pitch. General English, written for the
# project.
PAGE_PITCH: tuple[tuple[str, str], ...] = (
    ("affiliate disclosure",
     r"\bqualifying purchases\b|\bas an amazon associate\b"
     r"|\b(?:this|our)\s(?:post|page|article|site|website|blog|review|guide|list|newsletter)"
     r"\s(?:may\s)?(?:contains?|uses?|includes?)\s(?:\w+\s)?affiliate\slinks?\b"
     r"|\baffiliate\slinks?\s(?:below|above)\b|\bthrough\s(?:an?\s|our\s)?[\w.]*\s?affiliate\slinks?\b"
     r"|\bwe\s(?:may\s)?(?:earn|receive|get)\s(?:a\s)?(?:small\s)?(?:commission|fee)\b"),
    ("sign-up call",
     r"\b(?:sign\s+up|subscribe)\s+(?:now\s+)?(?:for|to)\s+(?:our|the|my)\s"
     r"(?:[\w&’'-]+\s){0,3}?(?:newsletter|mailing list|updates|alerts)\b"),
    ("tip jar", r"\bsupport\s(?:us|[A-Z][\w&]*)\swith\s(?:a\s)?(?:one-time\s|monthly\s)?"
                r"(?:tip|donation|contribution)\b"),
    ("share drawer", r"\bclick\sto\s(?:share|print|email)\s(?:on|this)\b"),
    # a newsletter's pitch for itself: "The Replay is a weekly newsletter for dev leaders."
    ("newsletter pitch", r"\bis\s(?:a|our)\s(?:free\s)?(?:weekly|daily|monthly|fortnightly|"
                         r"bi-?weekly)\s(?:[\w-]+\s)?newsletter\b"),
    # a page's update log: "January 23, 2026: Added the … to the notable mentions …"
    ("update log", r"^(?:updated?\s*[,:]?\s*)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|"
                   r"dec)[a-z]*\.?\s\d{1,2},\s\d{4}:\s"),
)
_PAGE_PITCH = re.compile("|".join(f"(?:{rx})" for _, rx in PAGE_PITCH), re.IGNORECASE)
# Who had the story first (a scoop's credit): "The development was first reported by The
# Washington Post.", "The CBC first reported the news on Sunday after …", "Earlier, CNN
# reported that …", "The Post exclusively reported earlier Friday that …"; and who followed it
# ("Several other outlets, including the Post, confirmed that …", "Multiple media outlets
# reported …": the subject is the press as a crowd, not a named source telling news). A digest
# links its sources under the story; which outlet broke or matched it is the trade's news,
# not the reader's, and the line mostly tells the act again. By form, as data.
PROVENANCE: tuple[tuple[str, str], ...] = (
    ("reported first by", r"^(?:The|This|That|These|Those|It|Its|News|Word)\b[^,;:“\"]{0,50}?\s"
                          r"(?:was|were|has\sbeen|had\sbeen)\s(?:first\s)?(?:reported|revealed|"
                          r"disclosed)\s(?:first\s)?by\s(?:the\s)?[A-Z][^,;:“\"]{1,60}\.$"),
    ("first reported", r"^(?!(?:Police|Officials|Authorities|Investigators|Witnesses|Residents|"
                       r"Doctors|Scientists|Researchers)\b)(?:The\s)?[A-Z][\w.&’'-]*"
                       r"(?:\s[A-Z][\w.&’'-]*){0,5}(?:\s\([A-Z]{2,6}\))?\s"
                       r"(?:first|exclusively|earlier)\s(?:reported|broke|revealed)\b"),
    ("earlier report", r"^Earlier(?:\s(?:on\s)?\w+)?,\s(?:The\s)?[A-Z][\w.&’'-]*"
                       r"(?:\s[A-Z][\w.&’'-]*){0,4}\s(?:had\s)?reported\b"),
    ("others confirmed", r"^(?:Several|Multiple|Many|Numerous|Other|A\snumber\sof)\s(?:other\s)?"
                         r"(?:major\s)?(?:news\s|media\s)?(?:outlets|organi[sz]ations|publications|"
                         r"news\sreports|media\sreports)\b[^.;:“\"]{0,80}?\s(?:have\s|had\s)?"
                         r"(?:since\s|also\s|later\s)?(?:confirmed|reported|corroborated|matched)\b"),
)
_PROVENANCE = re.compile("|".join(f"(?:{rx})" for _, rx in PROVENANCE))
# A list's item whose subject is the heading above it (a product roundup's "Offers malware
# protection, ad blocker and …", "Known for environmentally friendly shoes …", "Best for
# consultants who …"): no subject of its own, it leans on a line a paragraph does not print.
# Not the noun the same word spells ("Offers are extended by …", "Features include …",
# "Offers for the old pier are due …").
# An adjective's or a participle's phrase ("Known for …", "Best for …") is an item only with no
# comma after it ("Known for their approach, Barnett helps …" has its subject) or before a
# colon ("Best for consultants …: ASBC").
_HEADED_ITEM = re.compile(
    r"^(?:(?:Offers|Features|Includes|Provides|Boasts|Supports|Delivers|Combines|Comes with|"
    r"Focuses on|Lets you|Allows you)\b(?!\s+(?:are|were|is|was|have|had|will|would|can|"
    r"could|may|include|included|rose|fell|came|for|of|from|to|in|on|at|by|with)\b)"
    r"|(?:Known for|Designed for|Ideal for|Perfect for|Great for|Best for|Available in)\b"
    r"(?:[^,:]*$|[^,:]*:))")
# A subheading a page's text runs in as a line of its own: no end stop, every word but the
# small ones capitalised ("Arduino Is a Great Starting Point (If You Use It Intentionally)",
# "The Good News (That Made Me Feel Smart)"): the page's layout, not a sentence. A sentence
# ends on its stop; a headline-case line that is news is its title, not its text.
_HEADING_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STOPS = ".!?:;\"”’'…"


def _heading(s: str) -> bool:
    if s[-1] in _STOPS or s.endswith(".)") or CJK_RE.search(s):
        return False
    words = [w for w in _HEADING_WORD.findall(s) if w.lower() not in STOPWORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


# A pointer before a sentence ("Here's what to know: The authorities were still …"): the
# sentence after the colon is news, the pointer is the page's (never printed: it points to
# text a paragraph does not print, leaning.POINTS_FORWARD).
_POINTER = re.compile(
    r"^(?:Here(?:'s|’s|\s+is|\s+are)|Below\s+(?:is|are))\s+(?:what\s+(?:to|we|you)\s+(?:need\s+to\s+)?"
    r"know(?:\s+so\s+far)?|what\s+happened|the\s+latest)(?:\s+(?:about|on)\s+[^:]{1,60})?:\s+"
    r"(?=[\"“]?[A-Z])")


def _title_word(word: str) -> bool:
    """A word a Title Case line writes: capitalised, a figure, or a small word."""
    return word[0].isupper() or word[0].isdigit() or word in _SMALL


def labelled(text: str) -> bool:
    """Whether a sentence is a list's item or a caption under its label (`_LABEL`)."""
    m = _LABEL.match(text)
    if m is None:
        return False
    label, rest = m.group(1).split(), m.group(2).split()
    titled = all(map(_title_word, label))
    if ((label[0].lower() in STOPWORDS and not (len(label) > 1 and titled))
            or (len(label) > 6 and not titled) or m.group(1).isupper()
            or (_YEAR.fullmatch(label[0]) and len(label) > 1 and label[1].islower())
            or any(w.lower() in REPORTING_VERBS or w in _BE_HAVE for w in label)):
        return False
    capitals = 0  # the rest's opening words in capitals, small words aside
    for w in rest:
        if w.lower() in _SMALL:
            continue
        if not (w[0].isupper() or w[0].isdigit()):
            break
        capitals += 1
    return not (titled and len(label) > 1 and capitals >= 2)


# A link's label for screen readers, left in a text a site flattened ("President Trump Opens a
# New Window. wants to …", "the tariffs (opens in new tab)"): the reader of the page never saw
# it (clean/scan.UNSEEN_CLASSES drops it from HTML). Title case or in brackets, as a label is
# written: "the deal opens a new window for talks" is prose. The space it leaves before a
# comma or a possessive goes with it.
_SCREEN_READER = re.compile(r"\s*(?:Opens (?:in )?a New (?:Window|Tab)\.?|"
                            r"\((?i:opens (?:in )?(?:a )?new (?:window|tab))\.?\))"
                            r"(?:\s+(?=[,;:’']))?")


# Spaces no typesetter leaves: before a comma, a semicolon or a colon, or a sentence's last
# full stop ("The Wall Street Journal , which …", "… in November ."), and a double one
# ("way, way, way  below"); a spaced ellipsis (". . .") is one mark and stays.
_SPACE_BEFORE_MARK = re.compile(r"(?<=[\w”’\")]) +(?=[,;:](?:\s|$)|\.$)")
_DOUBLE_SPACE = re.compile(r"(?<=\S)  +(?=\S)")
# A heading the page set on a line of its own above the lead, run into it when its line break
# was lost: words with no stop, the last a name's or closing a quotation, two spaces or
# more, then a sentence opening on an article before a lower-case word ("'Everything is
# burning': History ablaze at Notre Dame  The famed cathedral …"). A lead that goes on after
# a doubled space goes on in its clause ("… in Alabama's  Republican primary", "… ruled  5-4",
# "…, told  The Washington Post", "The mayor said  A new plan …").
_RUN_IN_HEADING = re.compile(r"^[^.!?\n]{0,160}?(?<!\S)(?:[A-Z][\w'’-]*|\S*[\d\"”’')])\s{2,}"
                             r"(?=(?:The|A|An)\s[a-z])")
# … and one run in with a single space, where both sides show the seam (`_run_in`): the run
# before is a heading in title case (three words or more, each capitalised but the small ones:
# "Night of Fire at Carthen Quay The old terminal …") or a standfirst in a headline's grammar
# (no article nor pronoun before its subject noun, then a verb in "-s", no comma: "Carthen
# mayor thanks crews while offering praise to staff …"), and the rest opens a sentence: an
# article before a lower-case word, or a possessive subject with its holder's name in commas
# ("Carthen's mayor, Ada Brandt, has asked …"). "A" opens a sentence only after a heading's
# capitals: after a standfirst's lower case it is a letter ("makes it a Class A felony").
_SEAM = re.compile(r"(?<=[\w'’\")”]) (?=[A-Z])")
_NOT_SMALL = r"(?!(?:" + "|".join(sorted(_SMALL)) + r")\b)"
_HOLDER = re.compile(r"[A-Z][\w-]*['’]s [a-z]+(?: [a-z]+)?, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)+, [a-z]")
_STANDFIRST = re.compile(rf"[A-Z][a-z]+ {_NOT_SMALL}[a-z]+ [a-z]+s\b[^,;:]*")
_NOT_A_SUBJECT_NOUN = frozenset(["it", "he", "she", "they", "we", "there", "here"])


def _title_heading(run: str) -> bool:
    words = run.split()
    return len(words) >= 3 and words[0] not in _SMALL and words[-1] not in _SMALL and all(
        _title_word(w) or w[0] in "'‘\"“" for w in words)


def _standfirst(run: str) -> bool:
    return bool(_STANDFIRST.fullmatch(run)) and run.split()[0].lower() not in (
        _NOT_A_PLACE | _NOT_A_SUBJECT_NOUN)


# (the run before the seam, the sentence after it)
_RUN_INS = (
    (_title_heading, re.compile(rf"(?:The|An?) {_NOT_SMALL}[a-z]{{2,}}\b")),
    (_standfirst, re.compile(rf"(?:The|An) {_NOT_SMALL}[a-z]{{2,}}\b")),
    (_title_heading, _HOLDER),
    (_standfirst, _HOLDER),
)


def _run_in(sentence: str) -> str:
    """The lead without a heading or standfirst run into it with one space (`_RUN_INS`)."""
    for seam in _SEAM.finditer(sentence, 0, 200):
        run, rest = sentence[:seam.start()], sentence[seam.end():]
        if re.search(r"[.!?]\s", run):
            break
        if any(heading(run) and start.match(rest) for heading, start in _RUN_INS):
            return rest
    return sentence


# Inside a bracket, against its mark: "Rep. Richard Neal (D-Mass. ), who …" is "(D-Mass.)".
_SPACE_IN_BRACKETS = re.compile(r"(?<=[(\[]) +| +(?=[)\]])")


def clean_sentence(sentence: str, *, lead: bool = False) -> str:
    """Light compression: drop a leading dateline such as "(CNN) --" or "LONDON (Reuters) -"
    (and, in an article's `lead` sentence, "Doha, Qatar - ": `_LEAD_DATELINE`, and a heading
    run into it: `_RUN_IN_HEADING`, `_run_in`), a pointer before a sentence ("Here's what to know: …") and a link's label for screen
    readers ("Opens a New Window."); the spaces no typesetter leaves (before a comma or the
    last full stop, two in a row, inside a bracket against it)."""
    out = _run_in(_RUN_IN_HEADING.sub("", sentence)) if lead else sentence
    out = _SCREEN_READER.sub("", out)
    out = _DOUBLE_SPACE.sub(" ", _SPACE_BEFORE_MARK.sub("", _SPACE_IN_BRACKETS.sub("", out)))
    out = _DATELINE.sub("", out).strip()
    m = _LEAD_DATELINE.match(out) if lead else None
    if m and m.group().split(maxsplit=1)[0].lower() not in _NOT_A_PLACE:
        out = out[m.end():]  # a place, not "Three Republicans — Sens. …"
    out = _POINTER.sub("", out)
    return out or sentence.strip()


# A credit line, whoever's: "CNN's Greg Botelho and Sonya Hamasaki contributed to this report.";
# or a broadcast's hand-off to its reporter: "The Texas Newsroom's Sergio Martínez-Beltrán
# explains.", "NPR's Jane Arraf reports."
_CREDIT = re.compile(r"\bcontributed (?:reporting )?to (?:this|the) (?:report|story|article)\b"
                     r"|^(?:Additional )?[Rr]eporting by\b"
                     r"|^[^.]{0,60}['’]s? (?:[A-Z][\w.'’-]*\s){1,3}(?:reports|explains|has more|"
                     r"has the story|has details)\.$")
# The outlet's own furniture, naming it (`{o}`: its name), by kind: rules as data. A sentence
# that names its outlet only as the one a source told ("…, Jordan told CNN.", "a statement to
# CNN", "CNN affiliate WRAL reported") reports a fact like any other and is printed.
OWN_OUTLET: tuple[tuple[str, str], ...] = (
    # a segment it presents: "CNN's Atika Shubert explains how ISIS functions as a state."
    ("segment", r"^{o}['’]s? (?:[A-Z][\w.'’-]*\s){{1,3}}(?:explains|takes|looks|asks|reports|"
                r"talks|spoke|speaks|visits|examines|has a)\b"),
    # its pitch: "<Outlet>'s coverage", "… the <Outlet> newsletter"
    ("pitch", r"\b{o}['’]s? (?:coverage|newsletter|podcast|app|live blog|website|site)\b"
              r"|\b{o} (?:newsletter|podcast|app)\b"),
    # a disclosure: "Daily Mail Australia was at CubaDupa as a guest of Positively Wellington"
    ("disclosure", r"\b{o}\b[^.]*\bas (?:a |the )?guests? of\b"),
)


def own_furniture(text: str, outlet: str) -> bool:
    """Whether a sentence is its outlet's furniture, not the story: a credit line, or a
    sentence naming the outlet (`outlet`, as a whole word: "AP" is not in "CAPITAL") as it
    presents, pitches or discloses itself (`OWN_OUTLET`)."""
    if _CREDIT.search(text):
        return True
    if not outlet.strip() or not re.search(rf"(?<!\w){re.escape(outlet)}(?!\w)", text):
        return False
    o = re.escape(outlet)
    return any(re.search(rx.format(o=o), text) for _, rx in OWN_OUTLET)


def is_furniture(sentence: str) -> bool:
    s = sentence.strip()
    if (not s or _FURNITURE.match(s) or _TIMESTAMP.search(s) or LABEL.match(s)
            or _SPEECH_TAG.match(s) or _INLINE_BULLET.search(s) or _PAGE_PITCH.search(s)
            or _PROVENANCE.search(s) or _HEADED_ITEM.match(s) or _heading(s)):
        return True
    letters = len(_LETTER.findall(s))
    return letters < 0.5 * len(s)  # tickers, tables, link lists
