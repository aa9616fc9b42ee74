"""The words `acts.act` reads a lead's act by: the forms of a family's verbs that are as often
nouns, the verbs with a particle or an object that tell another act than their own, the nouns
of acts, and the small closed classes (copulas, modals, participles, words before a noun) that
say whether a word is the verb. General English, written for the project (nothing learned
from the benchmarks).
"""

from __future__ import annotations

from digest.edit.lexicon import PREPOSITIONS, VERB_HELPERS
from digest.edit.read.whole import BEFORE_NOUN as _NOUN_FOLLOWS

# Words in -ly that are no adverb: a verb ("will rally", "would apply") or a noun ("the Trump
# family"). General English.
NOT_ADVERBS = frozenset(["rally", "apply", "reply", "supply", "comply", "imply", "tally", "bully",
                         "ally", "fly", "family", "assembly", "monopoly", "anomaly", "folly"])
# A verb's endings and what they replace ("voted" -> "vote", "denied" -> "deny"): a noun
# ("impeachment", "endorsement") is no form of its verb.
INFLECTIONS = (("s", ""), ("d", ""), ("es", ""), ("ed", ""), ("ing", ""), ("ing", "e"),
               ("ied", "y"), ("ies", "y"))
# An act told as a verb and its noun ("filed a lawsuit", "brought suit", "has filed an
# antitrust lawsuit"): the noun's act, as `EVENT_VERBS` has it ("sue"); the noun within
# `NOUN_REACH` words of the verb. General English, written for the project.
NOUN_ACTS = (
    (frozenset(["file", "files", "filed", "filing", "bring", "brings", "bringing", "brought"]),
     frozenset(["lawsuit", "lawsuits", "suit", "suits"]), "sue"),
    (frozenset(["reach", "reaches", "reached", "reaching", "strike", "strikes", "struck",
                "striking", "seal", "seals", "sealed", "sealing"]),
     frozenset(["deal", "agreement", "accord", "pact", "settlement"]), "agree"),
    (frozenset(["hold", "holds", "held", "holding"]), frozenset(["talks", "meeting"]), "meet"),
    (frozenset(["submit", "submits", "submitted", "submitting", "tender", "tenders",
                "tendered", "tendering"]), frozenset(["resignation"]), "resign"),
    (frozenset(["impose", "imposes", "imposed", "imposing"]), frozenset(["ban"]), "ban"),
    # a candidate's exit ("is ending her 2020 presidential campaign", "suspended his bid" /
    # "is poised to withdraw her candidacy", "dropped out of the race")
    (frozenset(["end", "ends", "ended", "ending", "suspend", "suspends", "suspended",
                "suspending", "abandon", "abandons", "abandoned", "abandoning", "halt", "halts",
                "halted", "halting"]),
     frozenset(["campaign", "bid", "candidacy", "run"]), "withdraw"),
    # (charging: "filed charges against …", "will not bring federal charges" is "charged")
    (frozenset(["file", "files", "filed", "filing", "bring", "brings", "bringing", "brought"]),
     frozenset(["charge", "charges"]), "=charg"),
)
NOUN_REACH = 4
# A verb and its particle, one act ("stepped down" is "resign", "pulled out of" is
# "withdraw", "was found guilty" is "convict"): the act, as `EVENT_VERBS` has it, when the
# particle follows the verb, whatever family the verb alone is of ("passed away" is "die").
# Only a particle that gives the verb one sense ("pushed back" is "delayed" and "resisted":
# out). General English, written for the project.
PHRASAL = (
    (frozenset(["step", "steps", "stepped", "stepping"]), "down", "resign"),
    (frozenset(["wrap", "wraps", "wrapped", "wrapping"]), "up", "end"),
    (frozenset(["pull", "pulls", "pulled", "pulling"]), "out", "withdraw"),
    (frozenset(["drop", "drops", "dropped", "dropping"]), "out", "withdraw"),
    (frozenset(["call", "calls", "called", "calling"]), "off", "cancel"),
    (frozenset(["kick", "kicks", "kicked", "kicking"]), "off", "begin"),
    (frozenset(["turn", "turns", "turned", "turning"]), "down", "reject"),
    (frozenset(["find", "finds", "found"]), "guilty", "convict"),
    (frozenset(["roll", "rolls", "rolled", "rolling"]), "out", "unveil"),
    (frozenset(["bring", "brings", "brought", "bringing"]), "forward", "unveil"),
    (frozenset(["put", "puts", "putting"]), "forward", "unveil"),
    (frozenset(["lash", "lashes", "lashed", "lashing"]), "out", "criticize"),
    (frozenset(["strike", "strikes", "struck", "striking"]), "down", "repeal"),
    (frozenset(["rule", "rules", "ruled", "ruling"]), "out", "reject"),
    (frozenset(["pass", "passes", "passed", "passing"]), "away", "die"),
    (frozenset(["fire", "fires", "fired", "firing"]), "back", "criticize"),
    (frozenset(["hit", "hits", "hitting"]), "back", "criticize"),
)
# A verb and its particle in the passive whose act is not the active's: one kicked off a
# platform, a flight or a team is barred from it ("kicked off the tour" began it). General
# English, written for the project.
PASSIVE_PHRASAL = (
    (frozenset(["kicked"]), "off", "ban"),
)
# A verb before what it fires is no act of its family: "launched a missile" fires one
# ("launched an inquiry" began one), "fired tear gas" shoots ("fired the coach" ousted him); the
# object within `NOUN_REACH` words. General English, written for the project.
SHOTS = frozenset(["missile", "missiles", "rocket", "rockets", "satellite", "satellites",
                   "projectile", "projectiles", "torpedo", "torpedoes", "shots",
                   "bullet", "bullets", "tear", "rounds", "flare", "flares", "salvo"])
SHOT_REACH = 6  # "launched nearly a dozen cruise missiles"
OBJECT_ACTS = (
    (frozenset(["launch", "launches", "launched", "launching", "fire", "fires", "fired",
               "firing", "test-fired", "test-fires"]), SHOTS, "=fire"),
)
# Prepositions that join a place or a body to a subject before its verb. General English.
PLACING = frozenset(["in", "on", "at", "from"])
# Verbs of saying that name an act as their object ("announced her resignation"). General English.
ANNOUNCING = frozenset(["announced", "announces", "announce", "declared", "declares"])
# The copula: after it a verb is a participle ("was fired", "is resigning"), and another word
# an adjective or a noun ("was busy", "is close to a deal"): no act.
COPULAS = frozenset(["be", "been", "being", "is", "are", "was", "were"])
# Participles `lexicon.IRREGULAR_VERBS` and `whole.INVARIABLE` lack ("was found guilty", "were
# shot"). General English.
PARTICIPLES = frozenset(["found", "shot", "left", "broke", "bound", "laid", "fed", "lit",
                         "slain", "sped"])
STILL = frozenset(["already", "still"])  # adverbs of time before a verb, no -ly
PASSIVE = COPULAS | frozenset(["get", "gets", "got"])
# Words a noun follows, never a verb ("the arrest of", "an order to", "his release"; and a
# name's possessive: "the council's order"), but for "to" (`MODALS`); "he's" is "he has".
NOUN_NEXT = _NOUN_FOLLOWS - frozenset(["to", "and", "or"])
CONTRACTED = frozenset(["he's", "she's", "it's", "that's", "there's", "who's", "what's"])
# A present in -s after a name, before its object ("Ada Lin heads to Harlow", "Harlow bans
# plastic bags", "Lin faces a recall"), is the verb when its base is one (a family's, an
# irregular verb's or one of these, which leads write in the present), and not when a verb
# follows ("Harlow nurses march", "Harlow bans were lifted": a plural, the subject's).
# General English, written for the project.
PRESENT_VERBS = frozenset([
    "head", "face", "want", "urge", "push", "call", "move", "vow", "ask", "threaten", "pledge",
    "promise", "target", "tout", "visit", "return", "join", "offer", "open", "prepare", "expand",
    "raise", "cut", "hit", "set", "put", "aim", "unveil", "slam", "warn", "seek", "eye", "weigh",
    "add", "lift", "drop", "tap", "signal", "accuse", "order", "sign", "file", "launch"])
# Words that link a subject to a participle as the copula does ("Lin stands accused of …",
# "remains committed to"): the participle is the verb.
LINKING = frozenset(["stands", "remains", "seems", "appears", "looks", "feels", "gets"])
# A family's forms as often a noun or an adjective ("the ban", "close to a deal", "his name",
# "the end of", "a select committee", "a court order", "strong support"): its verb only after a word a bare verb follows ("will
# ban", "to name", "could end": `MODALS`). General English.
NOUN_FORMS = frozenset(["ban", "bans", "bar", "bars", "close", "name", "names", "start",
                        "starts", "end", "ends", "delay", "delays", "select", "purchase",
                        "purchases", "exit", "exits", "repeal", "axe", "scrap", "scraps",
                        "order", "support", "arrest", "release", "launch"])
# Words of intent a lead writes before its main verb and "to" ("has decided to withdraw",
# "intends to nominate"), and of seeming ("appears to capture"): the act is the verb after
# them; "decided (to) not …" is their own.
INTENT = frozenset(["decided", "intends", "intend", "wants", "seeks", "aims", "hopes", "vows",
                    "pledges", "promises", "threatens", "moves", "tries", "planning", "appears",
                    "appeared", "appear", "seems", "seemed", "seem"])
MODALS = frozenset(["will", "would", "to", "could", "can", "may", "might", "should", "must",
                    "shall", "did", "does", "do"])
# The modals `lexicon.BEFORE_VERB` lacks: words before the verb too ("Mayor Ada Lin could face
# questions Tuesday", "may step down").
MODAL_VERBS = frozenset(["could", "can", "may", "might", "should", "must", "shall"])
# The words a verb's form is read after, the last one skipped ("are again trying").
HELPING = VERB_HELPERS | COPULAS | MODAL_VERBS
# The noun of an act ("the agreement", "his nomination", "her resignation"): that act, as
# `EVENT_VERBS` has it; no verb (`family`: "The second impeachment of …" tells no act of its
# own), but the act's own word when another sentence tells it (`write/retold.needs`). General
# English, written for the project.
ACT_NOUNS = {
    "nomination": "nominate", "resignation": "resign", "testimony": "testify",
    "approval": "pass", "passage": "pass", "confirmation": "confirm", "endorsement": "endorse",
    "impeachment": "impeach", "lawsuit": "sue", "suit": "sue", "arrest": "arrest",
    "dismissal": "fire", "ouster": "fire", "rejection": "reject", "denial": "reject",
    "proposal": "unveil", "suspension": "block", "criticism": "criticize",
    "condemnation": "criticize", "victory": "win", "meeting": "meet", "agreement": "agree",
    "appointment": "nominate", "selection": "nominate", "closure": "close", "shutdown": "close",
    "ban": "ban", "prohibition": "ban", "delay": "delay", "postponement": "delay",
    "start": "begin", "conclusion": "end", "acquisition": "acquire", "purchase": "acquire",
    "cancellation": "cancel", "withdrawal": "withdraw", "exit": "withdraw",
    "conviction": "convict", "repeal": "repeal", "revocation": "repeal", "revision": "revise",
    "ruling": "uphold", "death": "die", "launch": "begin", "introduction": "unveil",
    "unveiling": "unveil", "rollout": "unveil",
}
# Raising verbs in the passive, before "to" ("is thought to have set …", "is believed to have
# fled", "are said to be weighing …"): the subject's act is the infinitive's verb, not the
# thinking or the saying. General English.
RAISING = frozenset(["thought", "believed", "said", "reported", "alleged", "understood",
                     "known", "rumored", "rumoured", "suspected", "feared", "presumed",
                     "considered", "claimed", "estimated", "supposed"])
# Words of `lexicon.BEFORE_VERB` that are a verb of their own unless "to" follows ("is set to
# testify", "is expected to sign"; "has set a date", "had planned a visit").
BEFORE_TO = frozenset(["set", "plans", "planned", "expected", "scheduled", "preparing"])
# Participles that after the copula tell a state, no act ("appears to be related to …", "is
# linked to", "was based in"). General English.
STATIVE = frozenset(["related", "linked", "connected", "tied", "based", "located", "concerned",
                     "worried", "interested", "known", "associated", "aligned", "allied",
                     "married", "dressed", "entitled"])
# A family's word that tells its act only with a cue near it ("appeared before the committee",
# "appeared at a hearing … to testify"; "appeared on CBS" is no testimony): the word, its
# cues, how many words after it they are read in; without one the word is its own verb.
CUED = (
    (frozenset(["appear", "appears", "appeared", "appearing"]),
     frozenset(["before", "hearing", "testify", "deposition"]), 10),
)
# A participle phrase after the subject, no comma ("Agencies funded by the state will close",
# "The man arrested on suspicion of … is"): a participle, a preposition next (`PHRASE_OPENS`;
# no particle: "pointed out Obama was …"), then before any comma, clause (`CLAUSE_WORDS`) or
# other verb a finite auxiliary or modal, as written (`FINITE`), is the main verb's.

FINITE = frozenset(["is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
                    "could", "may", "might", "should", "must", "shall", "does", "did"])
CLAUSE_WORDS = frozenset(["that", "which", "who", "whom", "whose", "where", "when", "after",
                          "before", "as", "because", "while", "since", "until", "if", "and",
                          "but", "or", "than", "amid", "following", "what", "how", "why"])
PARTICLES = frozenset(["out", "up", "down", "off", "back", "away", "about", "around", "over"])
PHRASE_OPENS = PREPOSITIONS - PARTICLES - CLAUSE_WORDS
PHRASE_REACH = 14
# Negations before a verb ("did not sign", "has never met", "won't run", "declined to file"): a
# negated act is another fact than the act ("signed" / "did not sign"), `Act.verb` "not " and
# its family. A contraction in n't is its auxiliary's negation ("isn't": "is", `NOT_CONTRACTED`
# those spelled otherwise). After a modal ("may not block", "cannot include", "must not be
# extradited") a negation tells what may or can be, no act done or not: no act.
NEGATIONS = frozenset(["not", "never", "cannot"])
REFUSING = frozenset(["declined", "declines", "decline", "declining", "refused", "refuses",
                      "refuse", "refusing"])
NOT_CONTRACTED = {"won't": "will", "can't": "can", "shan't": "shall", "cannot": "can"}
DO_FORMS = frozenset(["do", "does", "did"])
