"""Stories need a shared rare anchor, not just a shared beat (anchors.event_anchors)."""

from __future__ import annotations

from digest.edit.group.anchors import event_anchors, name_forms, same_name, subject_held
from digest.edit.group.stories import anchor_factors, cluster
from digest.edit.read.aliases import EntityIndex

FUND = ("Harbourtown opens fund for delivery drone parts. Harbourtown will spend 900 million "
        "crowns subsidising the battery packs and parts that go into delivery drones, the city's "
        "trade office said. Delivery drone makers registered in Harbourtown can claim back a "
        "share of spending on motors, battery packs and cameras for delivery drones.")
RACE = ("Delivery drones race across Pinefield bay. Forty delivery drones raced across the bay "
        "at Pinefield on Saturday, carrying parcels of equal weight. The winner, built by "
        "Skylark Works, finished the course with two battery changes, organisers in Pinefield "
        "said. Several delivery drones lost their parcels in the wind.")
RACE_2 = ("Skylark Works drone wins Pinefield parcel race. A drone from Skylark Works won the "
          "parcel race over Pinefield bay, where forty delivery drones took part. Organisers "
          "said the race tested battery life and wind handling rather than speed.")


def _labels(docs: list[str], with_anchors: bool) -> list[int]:
    index = EntityIndex(docs)
    titles = [d.split(". ")[0] for d in docs]
    bodies = [d.split(". ", 1)[1] for d in docs]
    return cluster(titles, bodies,
                   anchors=event_anchors(docs, index) if with_anchors else None)


def test_shared_beat_without_shared_names_is_two_stories() -> None:
    assert _labels([FUND, RACE, RACE_2], with_anchors=False)[0] == \
        _labels([FUND, RACE, RACE_2], with_anchors=False)[1], "precondition: words alone merge"
    labels = _labels([FUND, RACE, RACE_2], with_anchors=True)
    assert labels[1] == labels[2]  # one race, two reports: they share Pinefield, Skylark Works
    assert labels[0] != labels[1]


def test_event_anchors_are_rare_names_not_the_beat_or_weekdays() -> None:
    docs = [f"Report {k}. China said on Monday that Lakeside City would act." for k in range(12)]
    docs += ["Other. Officials in Qingshan said China would fund Qingshan schools."]
    held = event_anchors(docs, EntityIndex(docs))
    assert all("e:China" not in h for h in held)  # in every text: the beat
    assert all(not any("Monday" in a for a in h) for h in held)
    assert "e:Qingshan" in held[-1]


def _lines(docs: list[str]) -> list[str]:
    return [d.replace(". ", ".\n", 1) for d in docs]  # the title on its own first line


def test_a_report_names_its_subject_in_its_title() -> None:
    docs = _lines([FUND, RACE,
                   "Why parts subsidies rarely work. Subsidies for parts tend to flow to firms "
                   "that would have built them anyway, Dana Reyes of the Delta Institute said.",
                   "What the subsidy race tells us. Dana Reyes has argued for years that parts "
                   "subsidies flow to firms that would build anyway; Dana Reyes was right."])
    index = EntityIndex(docs)
    held = event_anchors(docs, index)
    assert held[2] and "e:Dana Reyes" in held[3], "precondition: the comments name someone"
    kept = subject_held(docs, held, index)
    # Harbourtown, Pinefield: in their titles (kept, compared by same_name)
    assert kept[0] == {same_name(a) for a in held[0]} and kept[1] == {same_name(a) for a in held[1]}
    assert kept[2] == frozenset()  # a scholar quoted once is no subject: never damped
    assert kept[3] == frozenset()  # nor one named twice under a title that names nothing
    business = ["Business as usual at the port.\nThe port said its trade with the US held up."]
    held = event_anchors(business, EntityIndex(business))
    assert held == [frozenset({"e:US"})], "precondition"
    assert subject_held(business, held, EntityIndex(business)) == [frozenset()]  # whole words


def test_names_are_compared_without_case_or_typographic_apostrophes() -> None:
    """Outlets differ in apostrophes and capitals: one name is still one shared anchor."""
    assert same_name("e:Beto O’Rourke") == same_name("e:Beto O'Rourke")
    assert same_name("e:TIME") == same_name("e:Time")
    assert same_name("i:HQ-900") == "i:HQ-900" and same_name("n:1e+06") == "n:1e+06"
    docs = ["Beto O’Rourke concedes.\nBeto O’Rourke conceded on Tuesday night, thanking "
            "volunteers in a packed hall.",
            "A defeat for Beto O'Rourke.\nThe campaign of Beto O'Rourke ended in defeat after a "
            "costly race.",
            "Flood barriers go up in Harbourtown.\nHarbourtown began building flood barriers "
            "along the river, the city council said."]
    index = EntityIndex(docs)
    held = event_anchors(docs, index)
    assert not held[0] & held[1], "precondition: the two spellings are two anchors"
    factors = anchor_factors(subject_held(docs, held, index))
    assert factors[0, 1] == 1.0  # one name: not damped
    assert factors[0, 2] < 1.0 and factors[1, 2] < 1.0  # another event's name: damped


def test_shared_beat_stays_two_stories_with_subject_anchors() -> None:
    docs = _lines([FUND, RACE, RACE_2])
    index = EntityIndex(docs)
    titles = [d.split("\n")[0] for d in docs]
    bodies = [d.split("\n", 1)[1] for d in docs]
    labels = cluster(titles, bodies,
                     anchors=subject_held(docs, event_anchors(docs, index), index))
    assert labels[1] == labels[2]
    assert labels[0] != labels[1]


def test_a_comment_naming_no_subject_joins_the_reports_of_its_event() -> None:
    """An opinion piece whose title names nothing and which quotes its writer once shares none of
    the news reports' names: that is no evidence of another event, so it is not damped."""
    docs = ["Kestrel Bank fined over mis-sold flood insurance.\nRegulators fined Kestrel Bank 40 "
            "million crowns on Tuesday for selling flood insurance to homeowners whose houses "
            "the policies did not cover, the Markford conduct office said.",
            "Markford regulator fines Kestrel Bank for flood insurance sales.\nKestrel Bank must "
            "pay a 40 million crown fine after its branches sold flood insurance policies that "
            "excluded the very homes they were sold to, Markford's conduct office said.",
            "Insurance that covers nothing.\nSelling homeowners policies that cover nothing "
            "should worry every lender, writes Oren Vale: the storms came, and the fine came "
            "late."]
    index = EntityIndex(docs)
    held = event_anchors(docs, index)
    titles = [d.split("\n")[0] for d in docs]
    bodies = [d.split("\n", 1)[1] for d in docs]
    damped_all = cluster(titles, bodies, anchors=held)
    assert damped_all[2] != damped_all[0], "precondition: damping every anchored pair splits it"
    labels = cluster(titles, bodies, anchors=subject_held(docs, held, index))
    assert labels[0] == labels[1] == labels[2]


def test_a_names_people_and_plural_are_the_name() -> None:
    """Libya and Libyan, China and Chinese, Bitcoin and Bitcoins: one name, one anchor. Only a
    form of a name the week holds is mapped, so two forms that merely share a root stay two."""
    forms = name_forms(["e:libyan", "e:libya", "e:chinese", "e:china", "e:ukrainian",
                        "e:ukraine", "e:iraqi", "e:iraq", "e:bitcoins", "e:bitcoin",
                        "e:russians", "e:russia", "e:jordan", "e:jordi", "e:ford",
                        "e:fordham", "e:austria", "e:australian", "e:中国", "i:HQ-900",
                        "n:1e+06"])
    assert forms == {"e:libyan": "e:libya", "e:chinese": "e:china",
                     "e:ukrainian": "e:ukraine", "e:iraqi": "e:iraq",
                     "e:bitcoins": "e:bitcoin", "e:russians": "e:russia"}
    assert name_forms(["e:libyan", "e:chinese"]) == {}  # no name of the week to be a form of


def test_reports_naming_a_country_and_its_people_are_not_damped() -> None:
    docs = ["Tanker escapes the navy of Libya.\nThe navy of Libya said it would bomb a tanker "
            "that loaded crude at a rebel-held port.",
            "Libyan navy fires on the tanker.\nThe Libyan navy fired on a tanker loading crude "
            "at a port held by rebels, officials said.",
            "Flood barriers go up in Harbourtown.\nHarbourtown began building flood barriers "
            "along the river, the city council said."]
    index = EntityIndex(docs)
    held = event_anchors(docs, index)
    assert held[0] and held[1] and not held[0] & held[1], \
        "precondition: the name and its people are two anchors"
    factors = anchor_factors(subject_held(docs, held, index))
    assert factors[0, 1] == 1.0  # one country: not damped
    assert factors[0, 2] < 1.0 and factors[1, 2] < 1.0  # another event's name: damped


def test_chinese_names_keep_their_anchor() -> None:
    """A Chinese name has no English ending: its anchor is its own (and a Chinese report
    still shares it with its English story through the entity index)."""
    assert name_forms(["e:深圳", "e:深圳市", "e:shenzhen"]) == {}
