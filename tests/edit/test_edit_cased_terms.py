"""Bare headlines: a word used as a name is another term than the common word
(group.space.cased_terms), and the slug, which has no case, takes its text's form."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from digest.edit.group import story_labels
from digest.edit.group.anchors import never_lower
from digest.edit.group.labels import represent
from digest.edit.group.space import NAME_MARK, cased_terms, vectorize
from digest.edit.group.stories import ClusterSettings, prepare
from digest.models import Article

MakeArticle = Callable[..., Article]
VOICE = "'The Voice' recap: coaches get picky as blind auditions near the end"
ELEPHANTS = "Elephants can tell human voices apart, study finds"


def test_a_name_and_the_common_word_are_two_terms() -> None:
    voice, elephants = cased_terms([VOICE, ELEPHANTS])
    assert NAME_MARK + "voic" in voice and "voic" not in voice
    assert "voic" in elephants and NAME_MARK + "voic" not in elephants
    assert "elephant" in elephants  # a sentence's first word is a name only if named elsewhere


def test_names_match_names_across_headlines() -> None:
    a, b = cased_terms(["Senators question Apple over encryption",
                        "Apple shares slip as iPhone sales slow"])
    assert NAME_MARK + "appl" in a and NAME_MARK + "appl" in b  # "Apple" starts b: named in a


def test_a_slug_line_takes_its_texts_form_or_the_weeks() -> None:
    voice, elephants, other = cased_terms([
        f"{VOICE}\nthe voice recap coaches picky",
        f"{ELEPHANTS}\nelephants voices humans",
        "Kat Perkins sings on The Voice tonight\nkat perkins voice blind auditions"])
    assert NAME_MARK + "voic" in voice and "voic" not in voice
    assert "voic" in elephants and NAME_MARK + "voic" not in elephants
    # "auditions" is only in `other`'s slug: the week uses it in lower case
    assert "audition" in other and NAME_MARK + "perkin" in other


def test_cased_headlines_of_different_events_are_less_alike() -> None:
    titles = [VOICE, ELEPHANTS]
    plain = vectorize(titles, cased=False)
    cased = vectorize(titles, cased=True)
    assert float((cased[0] @ cased[1].T).toarray()[0, 0]) < \
        float((plain[0] @ plain[1].T).toarray()[0, 0])


def test_bodies_are_not_cased_by_default() -> None:
    titles = ["The Voice returns", "Human voices"]
    bodies = ["The show's voice coaches return.", "Elephants hear the human voice."]
    prep = prepare(titles, bodies, ClusterSettings())
    assert np.allclose(prep.x.toarray(), vectorize(titles, bodies, bigrams=False,
                                                   sharp_idf=False).toarray())


def test_a_tv_show_and_a_study_of_voices_stay_apart(make_article: MakeArticle) -> None:
    week = [VOICE, "The Voice: Shakira and Adam fight for the best singers",
            ELEPHANTS, "Study: elephants judge human threats by their voices"]
    labels = story_labels([make_article((), title=t, url=f"https://n{k}.example/{k * 1000 + 7}")
                           for k, t in enumerate(week)]).labels
    assert labels[0] == labels[1] and labels[2] == labels[3]
    assert labels[0] != labels[2]


FRANKEN_WEEK = ["Al Franken Blasts Comcast Merger Again",
                "Franken says the merger blasts a hole in competition",
                "Senator blasts merger plan again"]


def test_a_title_case_headlines_names_are_the_words_the_week_never_lowers(
        make_article: MakeArticle) -> None:
    """Bare headlines have no running text to tell names by: a capitalised word no line of
    the week writes in lower case stays a name when a Title Case headline is sentence-cased."""
    arts = [make_article((), title=t, url=f"https://n{k}.example/{k * 1000 + 7}")
            for k, t in enumerate(FRANKEN_WEEK)]
    title = represent(arts).titles[0]
    assert "Franken" in title and "Comcast" in title  # never written in lower case
    assert "blasts" in title and "merger again" in title  # written in lower case elsewhere
    assert never_lower(FRANKEN_WEEK) == frozenset(["Al", "Franken", "Comcast"])


def test_with_a_body_lead_the_body_tells_the_names(make_article: MakeArticle) -> None:
    """The rule is the bare headline's: with a body the week's running text says which words
    are names (allsides_dev's articles all have one, and their titles are as before)."""
    arts = [make_article(("Al Franken said the deal is bad.",), title=t,
                         url=f"https://n{k}.example/{k * 1000 + 7}")
            for k, t in enumerate(FRANKEN_WEEK)]
    title = represent(arts).titles[0]
    assert "Franken" in title and "comcast" in title  # named mid-sentence / never in the body
