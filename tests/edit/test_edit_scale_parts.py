"""The indexes a big week is read through give what a pass over every article gave."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from digest.edit.proof import lowered_name
from digest.edit.proof.item import item_faults
from digest.edit.proof.sources import Sources
from digest.edit.week import Bodies, Read, read
from digest.models import Article

MakeArticle = Callable[..., Article]


def _naive(reads: Sequence[Read], forms: list[str]) -> list[int]:
    squeezed = ["".join(f.split()) for f in forms]
    ordered = sorted(reads, key=lambda r: (r.article.published, r.url))
    return [r.position for r in ordered
            if any(f in "".join(r.article.text.split()) for f in squeezed)]


def test_bodies_holding_matches_a_scan_of_every_body(make_article: MakeArticle) -> None:
    arts = [
        make_article("The Harbour Data Alliance met on Monday.", day=3),
        make_article(("The Harbour Data", "Alliance said so."), day=1),  # across a paragraph
        make_article("", day=2),  # no body
        make_article("Harbour Data Alliance", day=1, url="https://a.example/0"),  # a URL tie
        make_article("Nothing of it here. 港口数据联盟成立。", day=0.5),
        make_article("The HarbourData Alliance, written tight.", day=4),
    ]
    reads = list(read(arts))
    bodies = Bodies.of(reads)
    for forms in (["Harbour Data Alliance"], ["HDA", "Harbour Data Alliance"], ["港口数据联盟"],
                  ["Alliance"], ["nowhere"], [""], ["Data Alliance", "Alliance"]):
        assert [r.position for r in bodies.holding(forms)] == _naive(reads, forms), forms
    assert [r.position for r in bodies.holding(["Alliance"])] == [3, 1, 0, 5]


def test_sources_first_and_rest_of_a_name_by_majority() -> None:
    texts = ["Larry Kudlow said so.", "Adviser Larry Kudlow spoke.", "Kudlow left.",
             "Nancy Pelosi said no.", "Nancy Pelosi and Nancy Pelosi again.", "Nancy agreed."]
    src = Sources(tuple(texts))
    assert src.first_of("Kudlow") == "Larry"  # 2 of 3 uses, the title aside
    assert src.rest_of("Nancy") == "Pelosi"  # 3 of 4 uses
    tied = Sources(("Ann Lee said.", "Bo Lee said.", "Ann Lee. Bo Lee."))
    assert tied.first_of("Lee") is None and tied.rest_of("Lee") is None


def test_alowered_name_read_from_the_texts_holding_it_as_from_all() -> None:
    texts = ("The Senate met. Officials in Washington said the vote was close.",
             "A rally in washington Park drew crowds.", "Nothing here at all.")
    for item, texts_now in (("a washington Post story", texts),  # written lower case once
                            ("a washington Post story", texts[::2]),  # never: a name lowered
                            ("the senate Republicans", texts)):
        src = Sources(texts_now)
        whole = any(lowered_name(w, src.texts) for w in ("washington", "senate") if w in item)
        assert item_faults(item, src).count("name lower-cased") == int(whole), item
