"""The writer's own voice, which a newsletter must not print as its own: the first person ("I
supposed we have to discuss it"), words to the reader ("Here's what it could mean for you."),
bids and advice ("Imagine a world …", "Be vigilant in …", "Use a smaller plate.", "To prevent
stains, use a soft brush."), hails and interjections ("Happy Fourth of July, everybody.",
"Well, that didn't take long."). Quotations are someone else's words and names are names ("7 On
Your Side", "World War I"): both are set aside first. The paragraph and the "Also" line
(`lines.article_lines`) print none of it; an "Also" line may quote a column's first person,
credited (`also.py`).
"""

from __future__ import annotations

import re

from digest.edit.lexicon import TO_THE_READER

# The writer speaking in the first person, or to the reader ("If you've been following …",
# "Here's what it could mean for you."); quotations (someone else's words) set aside first.
# ("Sen. Bernie Sanders (I-Vt.)": a party tag; "an us-against-them campaign", "a thank-you":
# compounds; "the F.B.I.": an abbreviation's letter, after a capital's stop; "poweroutage.us",
# "us.gov", "me@example.org", "example.org/my/": a part of a web or mail address, between a
# letter's stop, a slash or an "@" and the next part)
_NOT_AFTER_ADDRESS = r"(?<![A-Za-z\d]\.)(?<!/)"
_NOT_BEFORE_ADDRESS = r"(?![.@/][a-z\d])"
_FIRST_PERSON = re.compile(rf"(?<!-){_NOT_AFTER_ADDRESS}\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|"
                           rf"[Mm]y|myself|[Ww]e|[Oo]ur|us|ourselves|{TO_THE_READER})\b(?![-–])"
                           + _NOT_BEFORE_ADDRESS)
# A quotation in straight single marks, British style, opens at a word's start ('That's
# hilarious. I work …,' she posted / told the troll he 'might want to get your facts …') and
# closes at a mark ending a word after a letter or a stop (not "That's", "'em").
_QUOTATION = re.compile(r"""("[^"]*"|“[^”]*”|‘[^’]*’|(?<![\w'’])'(?=\w).*?(?<=[\w.,!?])'(?!\w))""")
# … or bids the reader, as a column's hook does ("Meet the “For the 99.8 Percent Act.”",
# "Imagine a world …", "Remember when …"): an imperative opening, "you" understood.
# … or hails the readers ("Happy Fourth of July, everybody.").
# … or talks to them, opening on an interjection ("Yeah, President Trump gives zero
# you-know-whats, …", "Well, that didn’t take long."): a column's voice, never a report's
# (inside quotation marks it is the speaker's: "“Well, it may be,” Trump said").
# ("Meet the Press" is a programme.)
_BIDS_THE_READER = re.compile(r"^(?:Meet(?! the Press)|Imagine|Consider|Picture|Remember|Forget|"
                              r"Behold|Think (?:about|of)|Welcome to|Say hello to|Don't forget|"
                              r"Don’t forget|Don't worry|Don’t worry|Please|Be sure to|Make sure|"
                              # advice to the reader: a verb that opens no statement ("Be
                              # vigilant in …", "Avoid …", "Keep in mind …", "Don't let …")
                              r"Be(?= [a-z])|Avoid|Choose|Check out|Keep in mind|Bear in mind|"
                              r"Note that|Start by|Look for|Take a look|Stay tuned|Find out|"
                              r"Learn more|Get ready|Ask yourself|Try (?:to|not)|"
                              r"(?:Don['’]t|Do not) (?=[a-z]))\b"
                              # "Let's get into it", "… so let’s take a look": the writer and the
                              # reader (mid-sentence in capitals a name: "the Let's Move campaign")
                              r"|^Let['’]s\b|(?<![\w-])let['’]s\b|,\s(?:everybody|everyone|folks)[.!]$|"
                              r"^(?:Yeah|Yep|Yup|Nope|Sigh|Wow|Oh|Ah|Boy|Look|Well|Hey|Okay|"
                              r"Listen|Seriously|Honestly|Heck|Ugh|Whoa|Gee)[,.!]")


# Advice to the reader: a sentence opening on a verb of doing in the imperative ("Use a smaller
# plate.", "Visit the site's campaign page …", "Always follow the procedure …"), read as one only
# before what an imperative takes and a statement's subject does not: a determiner, a pronoun,
# an adverb in -ly, or a particle ("Watch sales rose": a noun; a verb whose participle is its
# base form is left out: "Set up in 2010, the group …", "Cut off from the coast, …").
ADVICE_VERBS = (
    "Add", "Adhere", "Apply", "Ask", "Bake", "Book", "Buy", "Call", "Cook", "Develop",
    "Discover", "Drink", "Eat", "Enjoy", "Explore", "Find", "Follow", "Give", "Go", "Head",
    "Keep", "Limit", "Make", "Mix", "Order", "Pick", "Place", "Plan", "Prepare", "Read",
    "Remove", "Save", "Serve", "Spend", "Stir", "Store", "Stream", "Take", "Tell",
    "Turn", "Use", "Visit", "Wash", "Watch", "Write", "Aim", "Check", "Start", "Boost",
    "Download", "Upgrade")
# … or a question it asks ("Check if the brand …", "Watch how the dough …"; "Check Point said":
# a name); or a verb and a particle a noun is never before ("Start with just 5 minutes …", "Aim
# for colour …"; not "Plan for the park was …", "Call for calm grew")
_TAKES = (r"(?:a|an|the|this|these|that|those|your|yours|yourself|it|them|him|her|his|their|"
          r"its|some|any|every|each|all|more|less|up|out|off|back|down|slowly|[a-z]+ly|"
          r"if|whether|how|what|where|which|why)\b")
ADVICE_PARTICLES = ("Aim for", "Check for", "Check with", "Go for", "Go with", "Shop for",
                    "Start with", "Stick to", "Stick with", "Wait for", "Watch for", "Watch out")
# Verbs of doing no noun or adjective is spelt as, their participle not their base: opening a
# sentence before a word in lower case, whatever it is, they bid the reader ("Create a timeline
# …", "Attend virtual class meetings …", "Prioritize buying …", "Determine the resources …");
# before a capital a name ("Create Music Group said …"), hyphened a compound ("Opt-in rates").
ONLY_VERBS = (
    "Attend", "Begin", "Compare", "Consult", "Create", "Define", "Determine", "Ensure", "Enter",
    "Establish", "Expect", "Gather", "Identify", "Improve", "Install", "Invest", "Know", "Learn",
    "Maintain", "Opt", "Prevent", "Prioritise", "Prioritize", "Protect", "Reduce", "Replace",
    "Seek", "Understand",
    # a product page's bidding (session 38: "Boost workplace flexibility and maximize …",
    # "Juggle school, work, and other commitments more easily with …")
    "Accelerate", "Automate", "Elevate", "Empower", "Juggle", "Manage", "Maximise",
    "Maximize", "Optimise", "Optimize", "Organise", "Organize", "Simplify", "Streamline",
    "Unlock", "Enjoy", "Receive", "Discover", "Explore")
# Every verb above once ("Enjoy", "Discover" are in both lists).
_IMPERATIVES = tuple(dict.fromkeys((*ADVICE_VERBS, *ONLY_VERBS)))
_BEFORE_ADVICE = r"(?:(?:Always|Never|Just|Simply|Then)\s+)?"  # "Always follow …", "Just add …"
_ADVICE = re.compile(rf"^{_BEFORE_ADVICE}(?:{'|'.join(ADVICE_VERBS)})"
                     rf"(?:\s+and\s+[a-z]+)?\s+{_TAKES}|^(?:Always|Never)\s+"
                     rf"(?:{'|'.join(v.lower() for v in ADVICE_VERBS)})\b|"
                     rf"^{_BEFORE_ADVICE}(?:{'|'.join(ONLY_VERBS)})"
                     r"\s+[a-z]|"
                     rf"^(?:{'|'.join(ADVICE_PARTICLES)})\s|"
                     # two imperatives joined ("Plan and manage conferences …", "Compare and
                     # choose …"): no statement opens on two verbs in their base form
                     rf"^{_BEFORE_ADVICE}(?:{'|'.join(_IMPERATIVES)})\s+and\s+"
                     rf"(?:{'|'.join(v.lower() for v in _IMPERATIVES)})\b")
# … or after a phrase set before it: a purpose, a condition or a connective ("To prevent
# stains, use a soft brush.", "For more information, consult the council's page.", "If the
# fares are unclear, start here.", "Alternatively, use …"), the verb in lower case (not a
# noun: "After the vote, use of the ferry fell", "… visits rose").
_AFTER_A_PHRASE = (*ADVICE_VERBS, "Avoid", "Choose", "Consider", "Consult", "Contact", "Look",
                   "See", "Try")
_FRONTED_ADVICE = re.compile(
    r"^(?:For|To|If|When|Once|Before|After|Alternatively|Instead|Otherwise|Then|Next|Finally|"
    r"First|Also|Additionally|Ideally)\b[^,;:“\"]{0,90},\s+(?:(?:always|never|just|simply|then|"
    rf"also)\s+)?(?:{'|'.join(v.lower() for v in _AFTER_A_PHRASE)})(?![\w-])"
    r"(?!\s+(?:of|is|was|are|were|has|had|have)\b)")


def first_person(text: str) -> bool:
    """Whether the writer speaks in the first person, or to the reader ("you", or an
    imperative opening, `_BIDS_THE_READER`, `_ADVICE`, or one after a phrase set before it,
    `_FRONTED_ADVICE`), outside the sentence's quotations and
    names (`_in_name`): a newsletter would print it as its own voice."""
    own = _QUOTATION.sub(" ", text)
    return (any(not _in_name(own, m) for m in _FIRST_PERSON.finditer(own))
            or bool(_BIDS_THE_READER.search(own) or _ADVICE.match(own)
                    or _FRONTED_ADVICE.match(own)))


# "I" as a numeral, after the noun it counts ("World War I", "Phase I trial", "Title I funds").
_NUMERAL_I = re.compile(r"\b(?:War|Part|Phase|Title|Chapter|Stage|Type|Class|Division|Round|"
                        r"Volume|Act|Article|Section)\s$")


def _in_name(text: str, m: re.Match[str]) -> bool:
    """Whether the person word `m` is part of a name: "I" as a numeral (`_NUMERAL_I`: "World
    War I"); another capitalised one ("Your", "Our", "Us") that is not the sentence's first
    word, with a capitalised word or a figure right beside it, no mark between ("7 On Your
    Side", "the We Build the Wall campaign", "This Is Us"; not "Yesterday I went", "Were I
    President", "in Afghanistan, I turned 18")."""
    word = m.group()
    if word == "I" or word[:2] in ("I'", "I’"):
        return bool(_NUMERAL_I.search(text[:m.start()]))
    if not word[0].isupper() or not text[:m.start()].strip():
        return False
    before = re.search(r"(?:^|\s)([\w'’.-]+) $", text[:m.start()])
    after = re.match(r" ([\w'’.-]+)", text[m.end():])
    return any(n is not None and (n.group(1)[0].isupper() or n.group(1)[0].isdigit())
               and (n is after or n.start(1) > 0)
               for n in (before, after))
