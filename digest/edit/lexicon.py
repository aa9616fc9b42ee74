"""Words the editor reasons with: stop words, a light stemmer, content words and shingles.

Everything here is rule-based on purpose: no data files, no downloads. English words are
reduced by a small suffix stripper (enough to match "regulator"/"regulators"/"regulating");
Chinese has no spaces, so it is handled by characters and character n-grams.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from digest.text import SPEECH as SPEECH
from digest.text import tokens

CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
CALENDAR = frozenset(WEEKDAYS + MONTHS)  # a date's words: no name (entities), a date (facts)
# The months a newsroom abbreviates before a day ("Nov. 3", "Sept. 11"; AP writes Jan., Feb.,
# Aug., Sept., Oct., Nov., Dec.; other styles Mar., Apr., Jun., Jul., Sep.): a date, no name.
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
                       "Nov", "Dec")
# English irregular verbs: a past tense or participle and its base ("met" is "meet", "won"
# "win"), which no suffix stripping relates, so that "The leaders have met" tells the event of
# "Leaders meet" (edit/facts.inflected). General English, not a corpus's words. Left out: forms
# that are as often another word ("left", "shot", "rose", "found", "fed", "lay", "bound",
# "wound", "lit", "bore", "broke", "rang", "bit"), and the auxiliaries ("did", "done").
IRREGULAR_VERBS = tuple(tuple(pair.split()) for pair in (
    "met meet", "won win", "lost lose", "held hold", "took take", "taken take", "gave give",
    "given give", "made make", "sent send", "fled flee", "fought fight", "sought seek",
    "bought buy", "brought bring", "sold sell", "paid pay", "spent spend", "struck strike",
    "withdrew withdraw", "withdrawn withdraw", "began begin", "begun begin", "chose choose",
    "chosen choose", "wrote write", "written write", "spoke speak", "spoken speak",
    "stole steal", "stolen steal", "swore swear", "sworn swear", "threw throw", "thrown throw",
    "drew draw", "drawn draw", "grew grow", "grown grow", "knew know", "known know",
    "broken break", "froze freeze", "frozen freeze", "risen rise", "fell fall", "fallen fall",
    "hid hide", "hidden hide", "drove drive", "driven drive", "flew fly", "flown fly",
    "led lead", "kept keep", "dealt deal", "felt feel", "meant mean", "taught teach",
    "caught catch", "thought think", "understood understand", "stood stand", "heard hear",
    "hung hang", "shook shake", "shaken shake", "wore wear", "worn wear", "tore tear",
    "torn tear", "overtook overtake", "overtaken overtake", "undertook undertake",
    "overthrew overthrow", "overthrown overthrow", "upheld uphold", "withheld withhold",
    "oversaw oversee", "overseen oversee", "sank sink", "sunk sink", "spun spin",
    "forgave forgive", "forgiven forgive", "arose arise", "arisen arise", "went go", "gone go",
    "ate eat", "eaten eat", "bitten bite", "slid slide", "swept sweep", "wept weep",
    "slept sleep", "built build", "rebuilt rebuild", "lent lend", "bent bend",
    "sprang spring", "sprung spring", "stuck stick", "stung sting", "swung swing",
    "beaten beat", "forbade forbid", "forbidden forbid", "forgot forget",
    "forgotten forget", "mistook mistake", "mistaken mistake", "rode ride", "ridden ride",
    "sang sing", "sung sing", "shrank shrink", "shrunk shrink", "told tell", "said say",
    "seen see", "saw see", "ran run", "sat sit", "got get", "gotten get", "came come",
    "became become",
))
# The words a writer addresses the reader with (a regex alternation): a paragraph does not
# print such a line (write/person.first_person), nor the TL;DR (proof_front).
TO_THE_READER = r"[Yy]ou|[Yy]our|yours|yourself|[Yy]ou['’](?:re|ll|ve|d)"
# A quotation in double quotes, straight or curly: what a sentence quotes is not its writer's
# voice (proof_front, write/attribution), nor how prose writes a word (write/casing).
QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
# A text that ends on initials ("the U.S."): its last full stop is theirs, not a sentence's.
ENDS_ON_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}$")
# The verbs that name a sentence's source ("…, officials said", "according to …"):
# write/attribution.ATTRIBUTION, and the source clause facts.source_clause sets apart.
REPORTING_VERBS = ("said", "says", "say", "told", "according to", "reported", "reports", "announced", "stated", "wrote", "writes", "claimed", "argued", "noted", "added")
# Words of one action told in other words ("denounced" / "backlash"; "demanding" / "called
# on"; "walk back" / "retract"): each family counts as one more word of the action shared
# (edit/events.restates_event).
EVENT_FAMILIES = (
    ("denounce", "denounced", "condemn", "condemned", "condemnation", "criticize", "criticized",
     "criticise", "criticised", "criticism", "backlash", "blowback", "outcry", "rebuke",
     "rebuked", "slam", "slammed", "blast", "blasted", "assail", "assailed", "attack",
     "attacks", "attacked", "decry", "decried", "lambaste", "lambasted", "outrage", "uproar"),
    ("demand", "demanding", "demanded", "demands", "call", "called", "calling", "calls", "urge",
     "urged", "urging", "request", "requested", "requesting", "encourage", "encouraged",
     "encouraging", "press", "pressed", "pressing"),
    ("retract", "retracted", "retraction", "walk", "withdraw", "withdrew", "rescind",
     "rescinded"),
    ("sue", "sued", "sues", "suing", "lawsuit"),
    ("ban", "bans", "banned", "banning", "bar", "barred", "barring", "prohibit", "prohibited",
     "outlaw", "outlawed", "kick", "kicked", "expel", "expelled", "boot", "booted", "oust",
     "ousted"),
    ("resign", "resigned", "resignation", "quit", "quits"),
    ("dissolve", "dissolved", "disband", "disbanded", "disbanding", "abolish", "abolished",
     "scrap", "scrapped"),
    ("indict", "indicted", "indictment", "charge", "charged", "charges"),
    ("investigate", "investigated", "investigating", "investigation", "investigations", "probe",
     "probes", "probed", "probing", "inquiry", "inquiries"),
    ("appoint", "appointed", "appointment", "tap", "tapped", "taps", "pick", "picked", "picks",
     "select", "selected", "choose", "chose", "chosen"),
    ("approve", "approved", "approves", "approval", "pass", "passed", "passes"),
    # a ruling or a rule set aside ("overruling local mandates" / "striking down requirements")
    ("overrule", "overruled", "overrules", "overruling", "overturn", "overturned", "overturns",
     "overturning", "strike", "struck", "striking", "reverse", "reversed", "reverses",
     "reversing", "invalidate", "invalidated", "nullify", "nullified", "void", "voided"),
    # a campaign or an effort ended ("is ending her campaign" / "dropping out of the race" /
    # "suspend his bid")
    ("end", "ends", "ended", "ending", "suspend", "suspends", "suspended", "suspending", "drop",
     "drops", "dropped", "dropping", "abandon", "abandoned", "abandoning", "halt", "halted"),
)
# Words of a role or of any report, which say who or that something was said, not what happened
# (edit/events: no word of an event's action).
EVENT_ROLES = frozenset([
    "lady", "host", "official", "officials", "lawmaker", "lawmakers", "nominee", "candidate",
    "administration", "former", "ex", "chief", "executive", "attorney", "lawyer", "lawyers",
    "adviser", "advisers", "advisor", "presidential", "spokesperson", "aide", "aides", "top"])
EVENT_REPORTING = frozenset([
    "announce", "announced", "announcement", "statement", "report", "reported", "reports",
    "reportedly", "news", "media", "people", "month", "months", "early", "earlier", "late",
    "later", "national", "country", "state", "federal", "would", "could", "like", "time"])
# A news event's verbs in the words different outlets' leads tell it by ("is set to testify" /
# "is appearing before"; "unveiled" / "introduced"; "is resigning" / "resigned"): two leads on
# one subject whose main verbs are of one family, on one day or no day named, tell one event
# (edit/acts.act). General English, each family one act; no verb of saying (one person says
# many things a day: what was said is the event), none that is mostly another word ("back",
# "present", "name", "stop", "rule", "lift", "close to a deal", "declined to comment").
EVENT_VERBS = (
    ("resign", "quit"), ("testify", "appear"), ("unveil", "introduce", "propose", "release"),
    ("pass", "approve", "adopt", "vote"), ("confirm",), ("sign",), ("order", "direct", "instruct"),
    ("reject", "deny", "dismiss", "rebuff"), ("arrest", "detain"), ("uphold",), ("meet", "host"),
    ("win", "beat", "defeat"), ("fire", "oust", "sack"),
    ("nominate", "tap", "pick", "choose"),
    ("endorse", "bless", "support"),
    ("plead",), ("impeach",), ("sue",),
    ("block", "halt", "suspend", "freeze", "pause"), ("hint", "tease"),
    ("criticize", "criticise", "condemn", "denounce", "slam", "blast", "decry", "rebuke",
     "lambaste", "assail"),
    ("fall", "dip", "slip", "sink", "slide", "plunge", "tumble"),
    ("rise", "climb", "jump", "surge", "soar"),
    ("consider", "weigh", "mull", "eye", "explore", "ponder", "contemplate"),
)
# The words a verb follows ("is facing", "will visit", "has been fired", "to testify"): not
# the closed class AUXILIARIES below, which a headline may not end on.
VERB_HELPERS = frozenset(["is", "are", "was", "were", "has", "have", "had", "will", "would", "to",
                         "been"])
# The words a lead writes between its subject and its main verb: auxiliaries and a few adverbs
# of manner or time ("is set to testify", "has formally resigned", "will reportedly meet", "is
# due to lead"; any adverb in -ly: `acts.act`).
BEFORE_VERB = frozenset([
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "to", "set",
    "plans", "planned", "expected", "slated", "scheduled", "due", "likely", "soon",
    "preparing", "reportedly", "formally", "officially", "now",
    "just", "quickly", "narrowly", "overwhelmingly", "unanimously", "on", "late", "early",
    "last", "this", "morning", "afternoon", "evening", "night", "finally", "again", "later",
])
# The verbs that report speech after a speaker's name: SPEECH, at home in digest.text (the
# sentence splitter reads an attribution after a quotation by them).
# Closed classes of English (the copy editor: no headline ends on one but a particle; the
# writers: no clause or phrase they cut may end on one).
PREPOSITIONS = frozenset(["about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite", "down", "during", "except", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "out", "outside", "over", "past", "per", "since", "than", "through", "throughout", "till", "to", "toward", "towards", "under", "underneath", "unlike", "until", "up", "upon", "versus", "via", "with", "within", "without"])
ARTICLES = frozenset(["a", "an", "the"])
# A count in words ("three senators", "dozens of …").
NUMBER_WORDS = frozenset(["one", "two", "three", "four", "five", "six", "seven", "eight",
                          "nine", "ten", "eleven", "twelve", "dozens", "hundreds", "thousands",
                          "millions"])
CONJUNCTIONS = frozenset(["and", "but", "or", "nor", "because", "although", "though", "while", "whereas", "if", "unless", "whether", "that", "which", "who", "whom", "whose"])
AUXILIARIES = frozenset(["is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "mustn't", "'s", "'re"])
# Particles end a phrasal verb well ("Try to Keep Up", "Pushes Back", "Break Through").
PARTICLES = frozenset(["up", "out", "off", "down", "back", "in", "on", "over", "through", "away", "around", "along", "across", "behind", "ahead", "apart", "aside", "by", "about"])
# A generational suffix ends a name without being the name a reader knows ("Joseph R. Biden Jr.").
NAME_SUFFIXES = frozenset(["Jr", "Sr"])
# A newsroom's furniture around a headline, as words: the kicker before it ("WATCH:",
# "EXCLUSIVE:") and the wire services a dateline or a suffix names ("(Reuters) —", " - AP").
# The headline cleaner strips them (`headline/titles.py`), the copy editor strikes what is left.
# An article's text loses only those announcing news (`NEWS_KICKERS`; summarize._KICKERS: why).
NEWS_KICKERS = ("WATCH", "EXCLUSIVE", "BREAKING NEWS", "BREAKING", "JUST IN", "LIVE", "UPDATED", "UPDATE", "VIDEO", "PHOTOS", "PHOTO", "LISTEN")
KICKERS = ("WATCH LIVE", "LIVE UPDATES", *NEWS_KICKERS, "OPINION", "ANALYSIS", "READ", "EDITORIAL", "COMMENTARY", "FACT CHECK", "EXPLAINER")
WIRES = ("Reuters", "AP", "AFP", "Bloomberg", "Xinhua", "BBC News", "CNN", "The Associated Press", "Associated Press")
# Names as every room compares them (one rule: grouping's anchors, anchors.same_name; the
# Explainer memory, continuity.explained): case, typographic apostrophes and spacing folded,
# since outlets differ in all three ("Mother’s Day" / "Mother's Day", "TIME" / "Time",
# "Beto O’Rourke" / "Beto O'Rourke").
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "＇": "'"})


def fold_name(name: str) -> str:
    """A name as names are compared: case, typographic apostrophes and spacing folded."""
    return " ".join(name.translate(APOSTROPHES).casefold().split())


def plural(noun: str) -> str:
    """"plans", "controversies", "taxes": the plural of a singular noun (regular English)."""
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "z", "ch", "sh")) else "s")

# A sentence that opens with a pronoun leans on the sentence before it ("It will be chaired by
# …" is about whatever that sentence named): paragraphs, the TL;DR and the Explainer use it
# only next to that sentence, or not at all ("This week, …" is the reader's week: no pronoun).
ANAPHORIC = re.compile(
    r"^(?:(?:This|That|These|Those)(?!\s(?:week|weekend|month|year|morning|afternoon|evening|"
    r"night|spring|summer|autumn|fall|winter|time)\b)|It|Its|They|Their|Them|He|She|His|Her|"
    r"Such)\b")

# An opening "It" that stands for nothing the sentence before said: the subject of a clause
# put off to its end ("It's no secret that …", "It is unclear whether …", "It doesn't pay to
# …") or of a time ("It's decision time for …"). General English, written for the project;
# "It is expected to pass …" stays a reference (proof.opens_on_reference).
EXPLETIVE_IT = re.compile(
    r"^It(?:['’]s| is| was)\s+(?:\w+\s+){0,2}time\b"
    r"|^It(?:['’]s| is| was)\s+no\s+(?:\w+\s+){0,2}(?:secret|surprise|wonder|accident|"
    r"coincidence|credit|exaggeration|mystery)\s+(?:to\s+[\w.\s]+?\s+)?(?:that|to|when|how)\b"
    r"|^It\s+(?:does|did)(?:n['’]t| not)\s+(?:pay|matter|hurt|help)\s+(?:to|that|whether|if)\b"
    r"|^It(?:['’]s| is| was)\s+(?:not\s+)?(?:clear|unclear|important|true|hard|difficult|easy|"
    r"worth|possible|impossible|necessary|striking|remarkable)\s+(?:that|whether|how|why|what|"
    r"to|if)\b")

# Words that open a sentence answering the one before it, one list for both readers of an
# opening: the copy editor's (leaning.opens_on_reference: a paragraph's first sentence, and a
# sentence the paragraph prints only after the one before it) and `dangles` (a TL;DR or
# Explainer sentence read alone). A connective ("But", "Moreover,", "For example,"), a list's
# ordinal ("Second,": "Second Amendment" and "First Lady" are names, so an ordinal needs its
# comma) or an item of a list never printed ("Another", "Both").
CONNECTIVES = (
    "Also", "And", "But", "Yet", "Still", "However", "Moreover", "Furthermore", "Additionally",
    "Meanwhile", "Instead", "Besides", "Similarly", "Likewise", "Thus", "Therefore", "Hence",
    "Nevertheless", "Nonetheless", "Indeed", "Finally", "Lastly", "Even so", "By contrast",
    "In contrast", "In turn", "As a result", "In addition,", "In fact,", "Of course,",
    "At the same time,", "On the other hand", "For one,", "For another,", "For example",
    "For instance", "Then(?!-)",  # ("Then-FBI Director James Comey": the office he held then)
    "(?:First|Second|Third|Fourth|Fifth)(?:ly)?,", "Secondly", "Thirdly",
    "Another", "Both", "Neither", "Either", "Others")
_CONNECTIVE = "|".join(c if c.endswith(",") else c + r"\b" for c in CONNECTIVES)
# "One of them", "All these": part of a set the sentence before named.
_PART = r"(?:One|Some|Many|Most|None|Several|Two|Three|Four|Five|Six|Few|Each|All|Any|Nine|Ten|Half)"
OPENS_ON_CONNECTIVE = re.compile(
    rf"^(?:{_CONNECTIVE}|{_PART}\s+(?:of\s+)?(?:them|those|these)\b)")

# A sentence that cannot stand alone (TL;DR, Explainer, a paragraph's first sentence): a pronoun,
# a connective, an ordinal or a partitive whose list was never printed (OPENS_ON_CONNECTIVE),
# a demonstrative noun ("These marks …", "That dataset …"), a definite noun with no name after
# it that opens the clause ("The move could …", "The company said …") or a bare role whose
# event is not named ("Organisers, including …", "Critics say …"; "Researchers at X" names it).
_DANGLING = re.compile(
    ANAPHORIC.pattern + "|" + OPENS_ON_CONNECTIVE.pattern + "|"
    rf"^{_PART}\s+of\s+(?:the|its|their)\b|"
    r"^The\s+(?:other|latter|former|same|move|company|firm|group|decision|plan|rule|rules|"
    r"release|deal|report|statement|standard|campaign|change|changes|measure|measures|step|"
    r"project|programme|program|bill|law|policy|agency|body|city|country|government|"
    r"ministry|bureau|regulator|alliance|event|meeting|model|chip|system|app|platform|"
    r"announcement|news|case|incident|attack|fund|scheme|study|survey|list|document|notice|"
    r"proposal|draft|update|version|product|service|tool|test|trial|effort|push|initiative|"
    r"forum|summit|conference|dialogue|talks|fair|expo|festival|race|court|judge|council|"
    r"action|order|ruling|lawsuit|suit|probe|investigation|inquiry|hearing|trial|vote|"
    r"agreement|pact|legislation)"
    r"\b(?!\s+(?:of|for|on|in|at|to|from|by|behind|between|against|over|into|with|called|named|known)\b)|"
    # ("said that his administration …": a conjunction, not a demonstrative)
    # ("… after this weekend's shooting": a time the reader's week sets, not a reference)
    # ("a forum that brings …", "a suite that checked …": a relative clause, whose verb no
    # demonstrative "that" stands before)
    r"^(?:\S+\s){0,5}(?:these|those|that(?!\s[a-z]+(?:[^s\W]s|ed)\b)|such|this(?!\s(?:week|weekend|month|year|morning|"
    r"afternoon|evening|spring|summer|autumn|fall|winter|season)\b))\s(?!(?:is|was|are|were|his|her|its|their|"
    r"the|a|an|he|she|it|they|we|i|you|our|my|there)\b)[a-z]+|"
    # a time only the sentence before set: "On the first afternoon, …"
    r"^On the (?:first|second|third|last|final|opening|closing|same|next) (?:day|afternoon|"
    r"morning|evening|night)\b|"
    # a role whose event only the sentence before named: "Organisers, including …, pitched …"
    r"^(?:Organi[sz]ers|Delegates|Participants|Attendees|Spectators|Officials|Critics|"
    r"Observers|Analysts|Experts|Researchers|Investors|Residents|Users|Members)"
    r"\b(?!\s+(?:of|at|from|in|for|with|on)\b)|"
    # an unnamed speaker: "AOMA, she said, would …"
    r"(?:^|,\s)(?:he|she|they)\s(?:said|says|added|told|noted|argued|wrote|warned)\b")
_ZH_DANGLING = re.compile(r"^(?:其|该|此|这|那|他|她|它|他们|她们|它们|此外|另外|同时|但|而|不过|第二|第三|其次|最后)")


def dangles(text: str) -> bool:
    """Whether the sentence leans on one before it (see _DANGLING) and cannot stand alone."""
    text = text.lstrip("\"“‘'(「")
    return bool(_DANGLING.search(text) or _ZH_DANGLING.match(text))


def said_elsewhere(words: frozenset[str], elsewhere: Iterable[frozenset[str]]) -> bool:
    """Whether another part of the issue (the TL;DR, the Explainer) says this already: the
    content words of one of its sentences cover 60 % of the smaller of the two (at least 3)."""
    return any(len(words & bag) >= max(3, 0.6 * min(len(words), len(bag))) for bag in elsewhere)


def cjk_outside_brackets(text: str) -> bool:
    """Chinese characters outside brackets and short quoted names: in a Latin-script issue a
    Chinese name stays in brackets after the English one ("the alliance (中国人工智能产业发展联盟)")."""
    bare = re.sub(r"[(（\[「《][^)）\]」》]*[)）\]」》]", "", text)
    bare = re.sub(r"“[^”]{1,12}”", "", bare)  # a short quoted Chinese name: “清源”
    return bool(CJK_RE.search(bare))


def mostly_cjk(text: str) -> bool:
    """More than half of the non-space characters are CJK."""
    return len(CJK_RE.findall(text)) * 2 > len(re.sub(r"\s", "", text))

# Words in -ly that are no adverbs ("rally", "family", "supply", "quarterly").
_NOT_ADVERBS = frozenset(["assembly", "monopoly", "anomaly", "butterfly", "quarterly", "family",
                          "rally", "supply", "italy", "july", "ally", "belly"])


def is_adverb(word: str) -> bool:
    """"narrowly", "reportedly": a lower-case word in -ly of seven letters or more that is no
    noun ("assembly", "quarterly")."""
    return (word.islower() and word.endswith("ly") and len(word) >= 7
            and word not in _NOT_ADVERBS)


def verb_forms(word: str) -> set[str]:
    """The -ed and -ing forms of a verb in -s ("orders": "ordered", "ordering"; "plans":
    "planned"; "denies": "denied"; "takes": "taking")."""
    bases = {word[:-1]} | ({word[:-2]} if word.endswith("es") else set())
    if word.endswith("ies"):
        bases.add(word[:-3] + "y")
    out = set()
    for b in bases:
        out |= {b + "ed", b + "d", b + "ing", b + b[-1:] + "ed", b + b[-1:] + "ing"}
        if b.endswith("e"):
            out.add(b[:-1] + "ing")
        if b.endswith("y"):
            out.add(b[:-1] + "ied")
    return out


STOPWORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "said", "says", "say", "told", "according", "new", "one", "two", "three", "first", "last", "year", "years", "week", "weeks", "day", "days", "time", "like", "get", "got", "make", "made", "may", "might", "must", "shall", "us", "mr", "mrs", "ms", "it's", "that's", "there's", "he's", "she's", "they're", "we're", "i'm", "don't", "didn't", "doesn't", "won't", "can't", "isn't", "wasn't", "weren't", "also", "well", "back", "even", "still", "way", "many", "much", "another", "around", "since", "per", "via", "upon", "yet", "however", "though", "although", "whether", "within", "without", "across", "among", "including", "including", "s", "t", "de", "la", "le", "el"]
)

# Chinese function characters that carry no topic on their own.
ZH_STOP = frozenset("的了是在和与及或也而就都被把对从向于为以之其这那有个上下中不人们将已并等")

_SUFFIXES = (
    "ational", "tional", "ization", "isation", "fulness", "ousness", "iveness", "ements",
    "ement", "ments", "ment", "ations", "ation", "ators", "ator", "ities", "ity", "ings", "ing",
    "ness", "less", "ists", "ist", "isms", "ism", "ives", "ive", "ized", "ised", "izes",
    "ises", "ize", "ise", "ers", "er", "ors", "or", "ies", "ied", "ed", "es", "ly", "al", "s",
)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light English stemmer: strip one common suffix, keeping a stem of at least 3 letters.

    Conservative by design: it conflates inflections and common derivations
    ("regulators", "regulation", "regulating" -> "regul") without Porter's full rule set.
    """
    w = word.lower().strip("'’-")
    if len(w) <= 3 or CJK_RE.search(w) or w.isdigit():
        return w
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]  # "planned" -> "plann" -> "plan"
    return w


def content_words(text: str) -> list[str]:
    """Stemmed content words; each Chinese character that is not a function character."""
    out: list[str] = []
    for tok in tokens(text):
        if CJK_RE.fullmatch(tok):
            if tok not in ZH_STOP:
                out.append(tok)
        elif tok not in STOPWORDS and not tok.isdigit() and len(tok) > 1:
            out.append(stem(tok))
    return out


def cjk_bigrams(text: str) -> list[str]:
    """Overlapping Chinese character pairs: the cheapest word proxy without a dictionary."""
    runs = re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+", text)
    grams: list[str] = []
    for run in runs:
        grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def terms(text: str) -> list[str]:
    """Index terms for similarity: stemmed English content words plus Chinese bigrams."""
    words = [w for w in content_words(text) if not CJK_RE.fullmatch(w)]
    return words + cjk_bigrams(text)


def shingles(text: str, size: int = 5) -> set[str]:
    """Overlapping n-grams of the normalised text, for near-duplicate detection.

    Word n-grams for alphabetic text; character n-grams for Chinese (and any text whose
    tokens are single characters), so a syndicated copy is caught in either script.
    """
    toks = tokens(text)
    if not toks:
        return set()
    cjk = sum(1 for t in toks if CJK_RE.fullmatch(t))
    if cjk * 2 > len(toks):
        chars = "".join(toks)
        n = size
        return {chars[i : i + n] for i in range(max(1, len(chars) - n + 1))}
    n = min(size, len(toks))
    return {" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)}
