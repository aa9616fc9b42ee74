"""Verbs and the words around them: irregular forms, verbs that report, an event's verbs in the
words different outlets tell it by, and the words a lead writes before its main verb.

General English, written for the project (no data files): facts.inflected relates "met" to
"meet" by IRREGULAR_VERBS, events and acts read an event's action by EVENT_FAMILIES and
EVENT_VERBS, write/attribution and facts.source_clause a sentence's source by REPORTING_VERBS.
"""

from __future__ import annotations

# The verbs that report speech after a speaker's name: SPEECH, at home in digest.sentences (the
# sentence splitter reads an attribution after a quotation by them).
from digest.sentences import SPEECH as SPEECH

# English irregular verbs: a past tense or participle and its base ("met" is "meet", "won"
# "win"), which no suffix stripping relates, so that "The leaders have met" tells the event of
# "Leaders meet" (edit/read/facts.inflected). General English, not a corpus's words. Left out: forms
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
# A past participle as a pattern's alternation: -ed, -en, -wn, or an irregular one
# (IRREGULAR_VERBS and a few it leaves out as other words too): "must be redrawn", "The law,
# passed in 2019, …", "…, built in 1910, …".
PARTICIPLE = (r"\w+(?:ed|en|wn)|done|set|put|cut|shut|hit|found|left|shot|bound|"
              + "|".join(sorted({past for past, _ in IRREGULAR_VERBS})))
# The verbs that name a sentence's source ("…, officials said", "according to …"):
# write/attribution.ATTRIBUTION, and the source clause facts.source_clause sets apart.
REPORTING_VERBS = ("said", "says", "say", "told", "according to", "reported", "reports", "announced", "stated", "wrote", "writes", "claimed", "argued", "noted", "added")
# Words of one action told in other words ("denounced" / "backlash"; "demanding" / "called
# on"; "walk back" / "retract"): each family counts as one more word of the action shared
# (edit/read/events.restates_event).
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
# (edit/read/event.py: no word of an event's action).
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
# (edit/read/acts.act). General English, each family one act; no verb of saying (one person says
# many things a day: what was said is the event), none that is mostly another word ("back",
# "present", "stop", "rule", "lift", "declined to comment"); a form as often a noun or an
# adjective ("the ban", "close to a deal", "his name") is the verb only after "will", "to" …
# (act_words.NOUN_FORMS); a verb and its particle or the noun of an act after it ("stepped down",
# "reached an agreement") is its family's act (act_words.PHRASAL, act_words.NOUN_ACTS).
EVENT_VERBS = (
    ("resign", "quit"), ("testify", "appear"), ("unveil", "introduce", "propose", "release", "outline"),
    ("pass", "approve", "adopt", "vote"), ("confirm",), ("sign",), ("order", "direct", "instruct"),
    ("reject", "deny", "dismiss", "rebuff"), ("arrest", "detain"),
    ("uphold", "rule", "affirm"), ("meet", "host"), ("die",),
    ("win", "beat", "defeat"), ("fire", "oust", "sack"),
    ("nominate", "tap", "pick", "choose", "name", "appoint", "select", "designate"),
    ("endorse", "bless", "support"),
    ("plead",), ("impeach",), ("sue",), ("close", "shut"), ("agree", "accept"),
    ("revise", "amend", "alter", "modify"), ("begin", "start", "launch", "commence"), ("end", "conclude"),
    ("delay", "postpone"), ("ban", "prohibit", "bar", "outlaw"), ("acquire", "buy", "purchase"),
    ("cancel", "scrap", "scuttle", "axe", "nix"), ("withdraw", "exit"), ("convict",),
    ("repeal", "rescind", "revoke", "overturn"),
    ("block", "halt", "suspend", "freeze", "pause"), ("hint", "tease"),
    ("criticize", "criticise", "condemn", "denounce", "slam", "blast", "decry", "rebuke",
     "lambaste", "assail", "chide", "berate", "castigate", "excoriate", "scold"),
    ("fall", "dip", "slip", "sink", "slide", "plunge", "tumble"),
    ("rise", "climb", "jump", "surge", "soar"),
    ("consider", "weigh", "mull", "eye", "explore", "ponder", "contemplate"),
)
# The words a verb follows ("is facing", "will visit", "has been fired", "to testify"): not
# the closed class AUXILIARIES (clauses.py), which a headline may not end on.
VERB_HELPERS = frozenset(["is", "are", "was", "were", "has", "have", "had", "will", "would", "to",
                         "been"])
# The words a lead writes between its subject and its main verb: auxiliaries and a few adverbs
# of manner or time ("is set to testify", "has formally resigned", "will reportedly meet", "is
# due to lead"; any adverb in -ly: `acts.act`).
BEFORE_VERB = frozenset([
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "to", "set",
    "plans", "planned", "expected", "slated", "scheduled", "due", "likely", "soon", "poised",
    "ready", "going", "about",
    "preparing", "reportedly", "formally", "officially", "now",
    "just", "quickly", "narrowly", "overwhelmingly", "unanimously", "on", "late", "early",
    "last", "this", "morning", "afternoon", "evening", "night", "finally", "again", "later",
])

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
