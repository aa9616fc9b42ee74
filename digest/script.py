"""What a text's script asks of the code that measures and compares it.

* `text_weight`: how much article a text holds, a Chinese character weighing as three Latin
  ones (a word of five letters and its space against a word of two characters).
* `simplified`: traditional Chinese characters folded to simplified ones, character by
  character, so 機器人 meets the topic 机器人 and a Big5 copy of a story meets its GBK original
  (relevance, duplicates). For comparing only, never for printing: a reader sees what the
  source wrote. The table is OpenCC's TSCharacters (Apache-2.0, `digest/data/opencc/`), the
  first simplified form of each character.
* `part_language`: the language tag of a printed part (a headline, a paragraph) written in
  another language than its issue, for the markup's `lang` (a screen reader reads a Chinese
  paragraph of an English page with an English voice, a browser draws its Han characters in
  the page language's font, a translator skips it, unless the part says it is Chinese: WCAG
  3.1.2, the language of parts).
"""

from __future__ import annotations

import functools
from importlib import resources

from digest.text import CJK_RE, detect_language

CJK_WEIGHT = 3


def text_weight(text: str) -> int:
    """`text`'s length in Latin-script characters' worth: a Chinese character counts
    CJK_WEIGHT, so 110 characters of a Chinese page weigh as a 330-character English one."""
    return len(text) + (CJK_WEIGHT - 1) * len(CJK_RE.findall(text))


@functools.cache
def _folding() -> dict[int, str]:
    table: dict[int, str] = {}
    data = resources.files("digest").joinpath("data/opencc/TSCharacters.txt")
    for line in data.read_text(encoding="utf-8").splitlines():
        traditional, _, forms = line.partition("\t")
        simple = forms.split(" ")[0] if forms else ""
        if len(traditional) == 1 and len(simple) == 1 and simple != traditional:
            table[ord(traditional)] = simple
    return table


def simplified(text: str) -> str:
    """`text` with its traditional Chinese characters written simplified (text with no
    Chinese is returned as it is, unread)."""
    return text.translate(_folding()) if CJK_RE.search(text) else text


@functools.cache
def _simplified_only() -> frozenset[str]:
    """The simplified forms the table folds to that are no traditional character themselves
    (标, 机, 说): a text that writes one is written in simplified characters."""
    folding = _folding()
    return frozenset(v for v in folding.values() if ord(v) not in folding)


def chinese_script(text: str) -> str:
    """The tag of `text`'s Chinese by the kind of character it writes more of: "zh-Hant"
    (traditional: 機, 說), "zh-Hans" (simplified: 机, 说), "zh" when neither (a character
    the table folds may stand in simplified text too: 著名, 乾隆)."""
    folding, simple_only = _folding(), _simplified_only()
    traditional = sum(ord(ch) in folding for ch in text)
    simple = sum(ch in simple_only for ch in text)
    return "zh-Hant" if traditional > simple else "zh-Hans" if simple > traditional else "zh"


def part_language(text: str, language: str | None) -> str:
    """The `lang` a printed part takes in an issue written in `language` ("" when it is the
    issue's own): Chinese text in an issue in another language (by `detect_language`: Han
    characters are most of its letters; a name in brackets after the English one is not),
    tagged by its script; Latin-script text in a Chinese issue, "en" (a Chinese issue's other
    sources write English; `detect_language` tells no other Latin-script language apart)."""
    base = (language or "en").replace("_", "-").split("-")[0].casefold()
    if not text.strip():
        return ""
    if detect_language(text) == "zh":
        return "" if base == "zh" else chinese_script(text)
    return "en" if base == "zh" and any(ch.isascii() and ch.isalpha() for ch in text) else ""
