"""Naming the outlet a sentence comes from, without breaking its grammar or its names.

`attribute(text, outlet, story_text)` names the outlet of a sentence that names no source of
its own for what it judges (`names_source`: "…, officials said", "according to …", "据…报道",
"…表示", or a reporting verb before the judging word, an accusation's too, "accusing X of
being obsessed …"; "… her awful comment … because the president has also said nasty things"
names a source for something else, not for "awful", and so does a verb in a clause of time
closed before it, "Ever since he announced his candidacy, …"):

* a sentence ending in a plain full stop takes ", according to <outlet>." at its end, so its
  first word keeps its own casing ("Multiple Democrats …", "Joe Biden …");
* any other (a closing quote, a question, an abbreviation at the end) takes "According to
  <outlet>, " before it, its first word lower-cased only when it is not a name — a function
  word, or a word the story also writes in lower case and never capitalised mid-sentence; an
  acronym, a word capitalised after a lower-case word somewhere, or the first of two
  capitalised words ("Joe Biden") keeps its capital;
* a Chinese sentence takes 据<outlet>报道，.

A leading connective ("Meanwhile, ") goes: it answered a sentence the reader has not seen.

`judges(text)` says whether a sentence carries its writer's judgement rather than a reported
fact: an obligation ("should", "ought to"; not one reported: "saying the board should …"), the
writer's "must be" ("everything must be political"; not a rule's "must be inspected"), a
stance adverb ("arguably", "sadly", "admittedly", "simply", a mid-sentence "finally"), a loaded
word ("outrageous", "so-called", "problematic", "ill-advised"; contempt: "foolish",
"obsessed", "haters", "a travesty"; not a charge's name, "reckless homicide"), a loaded verb
("weaponizing"), an adverb of the writer's feeling ("exhaustingly familiar"; not one that
reports, "increasingly"), a stock phrase of praise or blame ("a step in the right direction",
"deserves credit"), a rhetorical turn ("make no mistake", "it's time", "the real loser",
"Whatever X is or was, …") or an exclamation. The story's sources are linked under its
paragraph, so a reported fact needs no name in the prose; a judgement that only one outlet
makes is credited to it in the sentence, as a newsletter does ("Global Times hailed …",
"According to the People's Daily, …"), and neither opens nor fills a short paragraph
(write/opening.py, write/paragraph.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.edit.lexicon import CJK_RE, PARTICIPLE, QUOTED, REPORTING_VERBS, STOPWORDS
from digest.edit.read.facts import source_clause
from digest.edit.write.lines import Line
from digest.models import Article

# Chinese: "据X报道", "X表示", "X称" — never the 据 of 数据 (data) or the 称 of 简称 (short name).
# An accusation reports too: "… accusing Megyn Kelly of being obsessed …" is the accuser's word.
ATTRIBUTION = re.compile(rf"\b({'|'.join(REPORTING_VERBS)}|accus(?:e|es|ed|ing)|"
                         r"alleg(?:e|es|ed|ing))\b|(?<![数依根证占])据|"
                         r"表示|(?<![简名统俗职])称|报道",
                         re.IGNORECASE)
# Adverbs in -ingly that report how something happened rather than how the writer feels.
REPORTING_INGLY = ("increasingly", "seemingly", "accordingly", "correspondingly",
                   "exceedingly", "knowingly", "unknowingly", "willingly", "unwillingly",
                   "unwittingly", "overwhelmingly", "convincingly", "jokingly", "longingly",
                   "grudgingly", "sparingly", "fittingly", "approvingly", "admiringly",
                   "mockingly", "pleadingly", "menacingly", "soothingly", "teasingly")
# No reporting verb nor question word before a modal: the writer's, not one reported
# ("saying the companies should …", "divided on who should get …", "ruled … must").
# Session 37: the verbs of warning and advising report too ("A top health official cautioned
# on Thursday that … participants should “highly consider” getting tested").
_UNREPORTED = (r"^(?:(?!\b(?:say|says|said|saying|argue[sd]?|arguing|urge[sd]?|urging|"
               r"call(?:s|ed|ing)?|want(?:s|ed)?|believe[sd]?|think(?:s)?|thought|insist(?:s|ed)?|"
               r"rule[sd]?|ruling|recommend(?:s|ed)?|order(?:s|ed)?|declare[sd]?|"
               r"warn(?:s|ed|ing)?|caution(?:s|ed|ing)?|advis(?:e|es|ed|ing)|told|tell(?:s|ing)?|"
               r"suggest(?:s|ed|ing)?|stress(?:es|ed|ing)?|wrote|write(?:s)?|writing|"
               r"tweet(?:s|ed|ing)?|demand(?:s|ed|ing)?|ask(?:s|ed|ing)?|explain(?:s|ed|ing)?|"
               r"who|what|whether|how|which|when|where)\b).)*?")
# What makes a sentence its writer's judgement (see `judges`), by kind: rules as data.
JUDGEMENT_CUES: tuple[tuple[str, str], ...] = (
    # the writer's "should", not one reported
    ("obligation", _UNREPORTED + r"\b(?:should(?:n't|n’t| not)?|ought to|behoo?ve[sd]?)\b|"
                   r"应该|应当|理应"),
    # the writer's "must be" with no participle after it: an inference or a verdict ("In
    # this town, everything must be political.", "the answer must still be no"); not a
    # rule's passive ("Ferries must be inspected", "must be explicitly stated"), nor a rule's
    # "able", "eligible", "available", nor a reported one ("… ruled … must be")
    ("writer's must", _UNREPORTED + r"\bmust (?:(?:still|always|surely|also|now|then) )*be "
                      rf"(?![a-z]+ly\b|the\b|(?:{PARTICIPLE})\b|[a-z]*ble\b)"
                      r"(?:no|[a-z]{3,}(?<!ing))\b"),
    ("stance adverb", r"\b(?:arguably|clearly|obviously|surely|frankly|alas|sadly|"
                      r"(?:un)?fortunately|ironically|predictably|shockingly|astonishingly|"
                      r"absurdly|rightly|wrongly|of course|to be sure|admittedly|undoubtedly|"
                      r"undeniably|decidedly|thankfully|mercifully|inexplicably|simply|"
                      # the writer's verdict on how wisely someone acted ("Trump is wisely
                      # following …"): evaluative disjuncts, general English
                      r"wisely|unwisely|foolishly|sensibly|shrewdly|prudently|tellingly)\b"
                      # the writer's impatience ("the giant finally released"; "Finally," opens a
                      # list's last item, a connective)
                      r"|(?<=\s)finally\b"),
    ("loaded word", r"\b(?:absurd|outrageous|shameful|disgrace(?:ful)?|ridiculous|"
                    r"hypocri(?:sy|tical)|disastrous|shameless|bizarre|baseless|"
                    r"so-called|sham|witch hunt|stunning|brilliant|pathetic|appalling|"
                    r"disgusting|despicable|deplorable|vile|idiotic|stupid|insane|unhinged|"
                    r"deranged|laughable|ludicrous|preposterous|farcical|grotesque|egregious|"
                    r"abhorrent|odious|sleazy|cowardly|spineless|breathtaking|jaw-dropping|"
                    r"mind-boggling|staggering|unconscionable|indefensible|inexcusable|"
                    r"unforgivable|craven|callous|heartless|mean-spirited|tone-deaf|"
                    r"half-baked|hare-brained|hysterical|awful|terrible|horrible|dreadful|"
                    r"problematic|ill-advised|rambling|insightful|"
                    # contempt, general English: for a person, a group or their reasoning
                    r"foolish|quixotic|malevolent|moronic|asinine|inane|vapid|nonsensical|"
                    r"feckless|hapless|clueless|smug|sanctimon(?:y|ious)|pompous|"
                    r"self-righteous|holier-than-thou|preachy|petulant|whiny|childish|"
                    r"infantile|puerile|boorish|thuggish|smarmy|tawdry|nefarious|diabolical|"
                    r"execrable|contemptible|loathsome|repugnant|reprehensible|deceitful|"
                    r"duplicitous|mendacious|disingenuous|obsessed|travesty|drivel|claptrap|"
                    r"hogwash|balderdash|poppycock|twaddle|buffoon(?:ish|ery)?|clownish|"
                    r"crackpots?|hucksters?|charlatans?|grifters?|demagogu(?:e|es|ery)|"
                    # an epithet of contempt for a person, a body or its act ("Tom Cotton's
                    # Fascist Op-Ed", "… shows cowardice"); "neo-fascist" and "anti-fascist" name
                    # movements
                    r"(?<![-\w])fascists?(?![-\w])|cowardice|"
                    r"haters)\b"
                    # "reckless" of a legal charge is the charge's name ("convicted of reckless
                    # homicide"), no judgement
                    r"|\breckless\b(?! (?:homicide|driving|endangerment|manslaughter|"
                    r"conduct|disregard)\b)"),
    # a loaded verb: a metaphor of attack or deceit the writer chooses ("weaponizing",
    # "demonizing", "gaslighting")
    ("loaded verb", r"\b(?:weaponi[sz]|demoni[sz]|gaslight|whitewash|scapegoat|fearmonger|"
                    r"grandstand|pander|pontificat|bloviat)\w*"),
    # an adverb of the writer's feeling ("exhaustingly familiar", "blazingly unqualified",
    # "strikingly low"); not the -ingly adverbs that report ("increasingly", "overwhelmingly
    # approved", "unwittingly")
    ("evaluative adverb", rf"\b(?!(?:{'|'.join(REPORTING_INGLY)})\b)[a-z]{{3,}}ingly\b"),
    # a verdict on an argument or a decision, in the writer's own copula ("the ruling isn't
    # persuasive", "the court was wrong to rule"); said by someone, it is theirs
    # (`names_source`: "The mayor said the plan was misguided")
    ("verdict", r"\b(?:is|are|was|were|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)(?: not)?\s+"
                r"(?:(?:simply|just|plainly)\s+)?(?:persuasive|unpersuasive|convincing|"
                r"unconvincing|misguided|wrongheaded|wrong-headed|wrong to|"
                # … or the writer's alarm at it ("But the practice is concerning"), an
                # adjective that ends its clause (not a verb's progressive: "is worrying
                # health officials")
                r"(?:deeply |very |really )?(?:concerning|troubling|worrying|alarming|"
                r"disturbing)(?=\s*(?:[.,;:!?—]|$|(?:to|that|for|because)\b)))\b"
                # … or on its sense ("The debates have never made sense as a test …")
                r"|\b(?:makes?|made) (?:no|little) sense\b|"
                r"\b(?:doesn['’]t|does not|didn['’]t|did not|never) (?:makes?|made) (?:any )?sense\b"
                # … or its verdict noun, in the writer's copula ("The takedown is a setback for
                # the movement", "Recalling the judge is a mistake", "The bill has a fatal
                # flaw"); a report writes what happened and credits the verdict to who gave it
                r"|\b(?:is|are|was|were)\s+(?:a|an)\s+(?:(?:huge|big|major|massive|serious|real|"
                r"grave|clear|colossal|costly|terrible|welcome|hot|total|complete)\s+)?(?:setback|"
                r"mistake|blunder|mess|"
                r"disaster|catastrophe|fiasco|debacle|boondoggle|farce|betrayal|embarrassment|"
                r"folly|victory for|win for|gift to|blow to)\b"
                r"|\b(?:has|have|had)\s+(?:a|an)\s+(?:fatal|glaring|fundamental|big|huge|"
                r"serious)\s+(?:flaw|problem|blind spot)\b"
                # … or who will win a fight, foretold in the writer's voice ("President Trump
                # Will Win The Shutdown Showdown")
                r"|\b(?:will|is going to|are going to)\s+(?:win|lose)\s+(?:the|this)\s+"
                r"(?:\w+\s+){0,2}(?:showdown|fight|battle|war|standoff|argument|debate)\b"),
    # a stock phrase of praise or blame, the writer's verdict on an act ("… is taking a big
    # step in the right direction", "a slap in the face", "long overdue", "deserves credit
    # for …", "is good news for …"; not news reported: "got some good news"). General English.
    ("idiom", r"\b(?:step in the (?:right|wrong) direction|"
              r"(?:giant|big|huge|major) step backwards?|long overdue|"
              r"(?:a slap|slaps?) in the face|recipe for disaster|breath of fresh air|"
              r"deserves? (?:credit|praise|applause)|to (?:his|her|their|its) credit|"
              r"shame on|the right thing to do|"
              # the writer warning the reader off a reading ("Don't let its success fool you")
              r"(?:don['’]t|do not) let [^.:;]{1,40} fool you|"
              r"(?:is|are|was|were|be|as) (?:potentially |also |very )?(?:good|bad|great|"
              r"welcome) news)\b"),
    ("rhetoric", r"\b(?:make no mistake|the truth is|it's time|it’s time|let's|let’s|"
                 r"no wonder|needless to say|there must be|"
                 # the writer's framing: who really won or lost, what the story really is
                 r"the real (?:winners?|losers?|scandal|story)|"
                 # a concession opening the writer's point ("Whatever the plan is or was, …")
                 r"^whatever(?=\b[^,.]{0,60},\s+\w)|"
                 # the writer's sarcasm: "We're supposed to believe …"
                 r"(?:we|you)(?:['’]re| are) (?:supposed|expected|asked) to (?:believe|think|accept))\b"),
    ("exclamation", r"!\s*[\"”’]?$"),
)
_JUDGES = re.compile("|".join(f"(?:{rx})" for _, rx in JUDGEMENT_CUES), re.IGNORECASE)

_LEADING_CONNECTIVE = re.compile(r"^(?:Meanwhile|However|Elsewhere|Still|Also|Moreover|"
                                 r"Closer to home|At the same time|In addition|But|And),\s+")


def strip_connective(text: str) -> str:
    out = _LEADING_CONNECTIVE.sub("", text)
    return out[0].upper() + out[1:] if out != text and out[:1].islower() else out


def judges(text: str) -> bool:
    """Whether the sentence, outside its quotations, carries its writer's judgement."""
    return bool(_JUDGES.search(QUOTED.sub(" ", text)))


_OBLIGATION_WORD = re.compile(r"should|ought|behoo?ve[sd]?|must|应该|应当|理应", re.IGNORECASE)
_MODAL_KINDS = ("obligation", "writer's must")


def judging_words(text: str) -> frozenset[str]:
    """The words that carry a sentence's judgement, lower-cased ("awful", "should",
    "make no mistake", "!"): another outlet shares the judgement only when it writes them too."""
    bare = QUOTED.sub(" ", text)
    out = set()
    for kind, rx in JUDGEMENT_CUES:
        m = re.search(rx, bare, re.IGNORECASE)
        if not m:
            continue
        words = _OBLIGATION_WORD.findall(m.group()) if kind in _MODAL_KINDS else []
        cue = words[-1] if words else m.group()
        out.add(cue.strip(" \"”’").lower())
    return frozenset(out)


def quoted_share(text: str) -> float:
    """The share of a sentence's words inside its quotation marks (someone's own words)."""
    words = len(text.split())
    inside = sum(len(m.split()) for m in QUOTED.findall(text))
    return inside / words if words else 0.0


def _is_name(word: str, following: str, story_text: str) -> bool:
    bare = word.strip("\"'“‘(").rstrip(":;,")  # "Trump:" before a quotation is "Trump"
    if not bare[:1].isupper():
        return True  # a digit, a quote: leave it as it is
    if bare == "I" or (len(bare) > 1 and (bare.isupper() or "." in bare)):
        return True  # "I", "NASA", "U.S."
    bare = re.sub(r"['’]s$", "", bare)  # "Virginia’s": is "Virginia" a name?
    low = bare.lower()
    if low in STOPWORDS:
        return False
    # Capitalised after a lower-case word somewhere: a name. In lower case somewhere: not.
    if re.search(rf"\b[a-z][\w,]*[^\S\n]+{re.escape(bare)}\b", story_text):
        return True
    if re.search(rf"(?<![\w'’-]){re.escape(low)}(?![\w'’-])", story_text):
        return False
    return following[:1].isupper()


def names_source(text: str) -> bool:
    """Whether the sentence names the source of what it says: a source clause ("…, officials
    said.", "According to …, …"), or a reporting verb before its judgement, which is then what
    was said ("The mayor said the plan was absurd"). A verb after it reports something else:
    "… her awful comment … because the president has also said nasty things" is the writer's;
    so does one in a clause of time or cause closed before it ("Ever since he announced his
    candidacy, he has been the target of a deceitful campaign")."""
    if source_clause(text):
        return True
    if ATTRIBUTION.search(text) is None:
        return False
    cue = _JUDGES.search(QUOTED.sub(lambda m: " " * len(m.group()), text))
    if cue is None:
        return True
    before = _CLOSED_CLAUSE.sub(lambda m: " " * len(m.group()), text[:cue.start()])
    return ATTRIBUTION.search(before) is not None


# A clause of time or cause closed by its comma ("Ever since he announced his candidacy, …",
# "After the mayor said so, …"): its verb reports nothing of the main clause.
_CLOSED_CLAUSE = re.compile(r"\b(?:since|after|before|when|while|until|because|once)\b[^,;:]*,",
                            re.IGNORECASE)


def attribute(text: str, outlet: str, story_text: str = "") -> str:
    """`text` with its outlet named, grammar and names intact (see the module docstring)."""
    text = strip_connective(text)
    if names_source(text):
        return text
    if CJK_RE.search(text[:3]):
        return f"据{outlet}报道，{text}"
    if re.search(r"[\w)%]\.$", text) and not re.search(r"\b\w+\.\w+\.$|\b[A-Z][a-z]{0,3}\.$",
                                                       text):
        return f"{text[:-1]}, according to {outlet}."
    # A conjunction opening the sentence stays first, the credit after it: "But according to
    # Daily Mail, until then, …", never "According to Daily Mail, but until then, …".
    conjunction = _CONJUNCTION.match(text)
    lead = conjunction.group() if conjunction else ""
    text = text[len(lead):]
    first, _, rest = text.partition(" ")
    following = rest.split(" ", 1)[0] if rest else ""
    if not _is_name(first, following, story_text):
        text = first[0].lower() + first[1:] + (" " + rest if rest else "")
    return f"{lead}according to {outlet}, {text}" if lead else f"According to {outlet}, {text}"


_CONJUNCTION = re.compile(r"^(?:But|And|Yet|Or) (?=\S)")


INNER_QUOTES = str.maketrans({"“": "‘", "”": "’", '"': "'"})


def quote(text: str, outlet: str) -> str:
    """A sentence in its writer's own voice ("We're in trouble.") quoted and credited to its
    outlet — `Outlet A writes: “We're in trouble.”` — so its "we" is the writer's, never the
    newsletter's; quotation marks inside it become single ones."""
    return f"{outlet} writes: “{text.strip().translate(INNER_QUOTES)}”"


def corroborated(line: Line, arts: Sequence[Article], bags: Sequence[frozenset[str]],
                 share: float) -> bool:
    """Another outlet's article says most (`share`) of what this sentence says, judgement
    and all (it writes the words that judge: "awful", "should"): it needs no source. The
    facts alone are no judgement shared ("… for her awful comment about John McCain" after
    another outlet's report of the comment)."""
    if not line.content:
        return False
    cues = judging_words(line.text)
    return any(len(line.content & bag) / len(line.content) >= share
               and _writes_all(cues, arts[k])
               for k, bag in enumerate(bags)
               if arts[k].source != arts[line.article].source)


def _writes_all(cues: frozenset[str], art: Article) -> bool:
    """Whether the article (title and text, lower-cased once) writes every one of `cues`."""
    if not cues:
        return True
    text = f"{art.title}\n{art.text}".lower()
    return all(c in text for c in cues)
