"""English verb forms for headlines, without a model: base forms, headline present, plurals.

A headline says what happened in the present tense ("released" -> "Releases", "will spend"
-> "Spends", plural subjects take the base form: "Delegations Sign"). The rules below cover
regular -ed forms (doubled consonants, a silent e restored where English spelling needs it)
and the irregular verbs news writes most.
"""

from __future__ import annotations

_IRREGULAR_PAST = {
    "took": "take", "set": "set", "won": "win", "began": "begin", "held": "hold", "led": "lead",
    "made": "make", "sold": "sell", "spent": "spend", "sent": "send", "gave": "give",
    "brought": "bring", "bought": "buy", "built": "build", "cut": "cut", "hit": "hit",
    "put": "put", "rose": "rise", "fell": "fall", "ran": "run", "saw": "see", "chose": "choose",
    "drew": "draw", "grew": "grow", "met": "meet", "paid": "pay", "lost": "lose", "kept": "keep",
    "found": "find", "struck": "strike", "wrote": "write", "became": "become", "came": "come",
    "went": "go", "shut": "shut", "sought": "seek", "threw": "throw", "froze": "freeze",
    "stole": "steal", "spoke": "speak", "told": "tell", "said": "say", "thought": "think",
    "caught": "catch", "taught": "teach", "fought": "fight", "broke": "break", "beat": "beat",
    "let": "let", "quit": "quit", "split": "split", "spread": "spread", "swept": "sweep",
    "hung": "hang", "dealt": "deal", "felt": "feel", "heard": "hear", "stood": "stand",
    "withdrew": "withdraw", "overtook": "overtake", "undertook": "undertake", "shook": "shake",
    "forbade": "forbid", "upheld": "uphold", "overrode": "override", "sank": "sink",
    "bid": "bid", "bound": "bind", "drove": "drive", "flew": "fly", "knew": "know",
    "left": "leave", "meant": "mean", "wound": "wind", "rode": "ride", "tore": "tear",
}
_IRREGULAR_PARTICIPLE = {
    "taken": "take", "given": "give", "shown": "show", "known": "know", "seen": "see",
    "chosen": "choose", "drawn": "draw", "grown": "grow", "written": "write", "broken": "break",
    "spoken": "speak", "stolen": "steal", "frozen": "freeze", "begun": "begin", "done": "do",
    "gone": "go", "risen": "rise", "fallen": "fall", "driven": "drive", "beaten": "beat",
    "hidden": "hide", "withdrawn": "withdraw", "thrown": "throw", "overtaken": "overtake",
    "undertaken": "undertake", "shaken": "shake", "flown": "fly", "forbidden": "forbid",
    "overridden": "override", "sunk": "sink", "won": "win", "been": "be",
}
_SHORT_ING = {"using": "use", "doing": "do", "going": "go", "being": "be", "dying": "die",
              "lying": "lie", "tying": "tie", "eyeing": "eye", "seeing": "see"}
PAST_FORMS = frozenset(_IRREGULAR_PAST)
PARTICIPLES = frozenset(_IRREGULAR_PARTICIPLE) | PAST_FORMS
# -ed words that are not verbs (or not the main verb of a lead sentence).
NOT_VERBS = frozenset("""red bed need speed seed feed hundred shed weed breed greed deed embed
    bred sacred naked wicked kindred tweed steed creed heed bleed""".split())  # noqa: SIM905
# Stems whose -ed form drops a final e that a simple rule would not restore.
_E_STEMS = frozenset("""creat cit invit unit ignit excit recit incit stor scor ignor restor
    explor implor ador phon clon zon""".split())  # noqa: SIM905
_NO_E_STEMS = frozenset(["focus", "bias", "canvas", "develop", "envelop", "gallop", "gossip", "worship"])


def base_form(word: str) -> str:
    """The base form of a verb in its past, participle, -s or bare form."""
    w = word.lower()
    if w in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[w]
    if w in _IRREGULAR_PARTICIPLE:
        return _IRREGULAR_PARTICIPLE[w]
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ed") and len(w) > 3:
        return _from_ed(w[:-2])
    if w in _SHORT_ING:
        return _SHORT_ING[w]
    if w.endswith("ying") and len(w) > 5:
        return w[:-3]  # "displaying", "applying"
    if w.endswith("ing") and len(w) > 5:
        return _from_ed(w[:-3])  # the stem rules of "-ed" hold for "-ing": making, running
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _from_ed(stem: str) -> str:
    if stem.endswith("e") or stem in _NO_E_STEMS:
        return stem  # agreed, focused
    if stem in _E_STEMS:
        return stem + "e"
    if len(stem) >= 3 and stem[-1] == stem[-2]:
        if stem[-1] in "bgmnprt":
            return stem[:-1]  # stopped, planned, submitted
        if stem.endswith("ll") and ((stem.endswith("ell") and len(stem) >= 6)
                                    or (stem.endswith("oll") and len(stem) >= 7)):
            return stem[:-1]  # labelled, cancelled, controlled
        return stem  # added, called, passed
    vowels = "aeiou"
    last, prev = stem[-1], stem[-2] if len(stem) > 1 else ""
    prev2 = stem[-3] if len(stem) > 2 else ""
    single = prev in vowels and prev2 not in vowels  # one vowel before the last consonant
    if last in "cvz" or last == "u":
        return stem + "e"  # announced, moved, seized, issued
    if last == "s":
        if prev in vowels or prev not in "s":
            return stem + "e"  # released, used, licensed, collapsed
        return stem
    if last == "g" and (prev in "rdl" or stem.endswith(("ang", "eng"))):
        return stem + "e"  # charged, judged, changed
    if last == "l" and prev not in vowels and prev != "l":
        return stem + "e"  # handled, enabled, settled
    if last == "r" and ((prev == "a" and prev2 not in vowels) or (prev in "ui" and single)):
        return stem + "e"  # declared, secured, hired
    if last in "km" and single:
        return stem + "e"  # invoked, named, consumed, welcomed
    if last == "p" and single and len(stem) <= 5:
        return stem + "e"  # shaped, hoped
    if last == "t" and prev == "a" and prev2 not in vowels:
        return stem + "e"  # updated, stated, located
    if last == "t" and prev in "ou" and prev2 not in vowels:
        return stem + "e"  # voted, promoted, computed
    if last == "d" and prev in "iu" and prev2 not in vowels:
        return stem + "e"  # decided, provided, included
    if last == "n" and prev == "i" and prev2 not in vowels:
        return stem + "e"  # combined, declined, determined
    return stem


def third_person(base: str) -> str:
    """'release' -> 'releases', 'push' -> 'pushes', 'apply' -> 'applies'."""
    special = {"be": "is", "have": "has", "do": "does", "go": "goes"}
    if base in special:
        return special[base]
    if base.endswith(("s", "x", "z", "ch", "sh")):
        return base + "es"
    if base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


_NUMBERS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                      "dozens", "hundreds", "thousands", "several", "many"])
_PLURAL_NOUNS = frozenset(["police", "people", "children", "men", "women", "staff", "officials"])
_SINGULAR_S = ("ss", "us", "is", "ics", "news", "series")


def is_plural(head: str, *, counted: bool = False, name: bool = False) -> bool:
    """Whether a subject whose head noun is `head` takes a plural verb."""
    low = head.lower()
    if low in _PLURAL_NOUNS:
        return True
    if name:
        return False  # "Qiantang Labs" is one company
    if counted and (low.endswith("s") or low in _NUMBERS):
        return True  # "six members", "nine of …"
    return low.endswith("s") and not low.endswith(_SINGULAR_S) and len(low) > 3


def headline_verb(form: str, plural: bool) -> str:
    """The headline-present form of a verb given in any form."""
    base = base_form(form)
    return base if plural else third_person(base)
