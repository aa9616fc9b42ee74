"""What a text's script asks of the code that measures and compares it.

* `text_weight`: how much article a text holds, a Chinese character weighing as three Latin
  ones (a word of five letters and its space against a word of two characters).
* `simplified`: traditional Chinese characters folded to simplified ones, character by
  character, so 機器人 meets the topic 机器人 and a Big5 copy of a story meets its GBK original
  (relevance, duplicates). For comparing only, never for printing: a reader sees what the
  source wrote. The table is OpenCC's TSCharacters (Apache-2.0, `digest/data/opencc/`), the
  first simplified form of each character.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from digest.text import CJK

CJK_WEIGHT = 3
_CJK_RE = re.compile(f"[{CJK}]")


def text_weight(text: str) -> int:
    """`text`'s length in Latin-script characters' worth: a Chinese character counts
    CJK_WEIGHT, so 110 characters of a Chinese page weigh as a 330-character English one."""
    return len(text) + (CJK_WEIGHT - 1) * len(_CJK_RE.findall(text))


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
    return text.translate(_folding()) if _CJK_RE.search(text) else text
