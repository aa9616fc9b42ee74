"""The writer's own voice is never printed as the newsletter's (digest.edit.write.person):
bids and advice to the reader, an imperative opening; a name, a noun or a participle opening
a statement is none."""

from __future__ import annotations

import pytest

from digest.edit.write.person import first_person


@pytest.mark.parametrize(("sentence", "voice"), [
    # bids: an imperative a column opens on ("Be …", "Avoid …", "Keep in mind …")
    ("Be vigilant in understanding the terms of every supply contract.", True),
    ("Avoid the temptation to buy the first model you see.", True),
    ("Keep in mind that the deadline is Friday.", True),
    ("Don't let the price fool you.", True),
    ("Check out the full list on the site.", True),
    # advice: a verb of doing before what an imperative takes (person.ADVICE_VERBS)
    ("Use a smaller plate at dinner.", True),
    ("Visit the council's ferry page for the new timetable.", True),
    ("Always follow the lock-out procedure before touching a circuit.", True),
    ("Eat slowly and savour every bite.", True),
    ("Develop and follow a written work plan.", True),
    ("Stream these ten films at home this weekend.", True),
    # … a question it asks, or a particle only an imperative takes (person.ADVICE_PARTICLES)
    ("Check if the bakery lists where its flour is milled.", True),
    ("Start with just ten minutes of stretching a day.", True),
    ("Aim for three kinds of vegetable at every meal.", True),
    # … a verb no noun is spelt as, whatever follows it (person.ONLY_VERBS)
    ("Opt for gloves with a firm grip and a long cuff.", True),
    ("Prioritize buying from farms near the town.", True),
    ("Attend open evenings even if they seem optional.", True),
    ("Define whether the party is formal before booking a hall.", True),
    ("Make sure ladders are level before climbing them.", True),
    # … a product page's bidding, two imperatives joined (session 38)
    ("Plan and manage harbour events effortlessly with one booking tool.", True),
    ("Juggle ferry shifts, school and family more easily with the new timetable.", True),
    ("Enjoy discounts for islanders and their families.", True),
    ("Boost your savings with the harbour card.", True),
    # … and a name, a compound or a noun that shares the verb's spelling
    ("Check Point Software said its quarterly revenue rose 6%.", False),
    ("Start-up Brightmill raised $4 million on Tuesday.", False),
    ("Opt-in rates rose after the new consent form.", False),
    ("Create Music Group bought the label for $50 million.", False),
    ("Start dates for the new ferry were pushed to May.", False),
    ("Plan for the new harbour was approved on Monday.", False),
    ("Call for calm grew after the second night of protests.", False),
    ("Boost to the island economy came from ferry fares.", False),
    ("Read and Write Holdings said on Monday it would cut jobs.", False),
    ("Checkpoints were set up on the coast road.", False),
    # advice after a phrase set before it: a purpose, a condition, a connective
    ("To prevent stains, use a soft brush on the deck.", True),
    ("For more information about the fares, consult the council's ferry page.", True),
    ("If the timetable is unclear, start with the night ferry.", True),
    ("Alternatively, use the bus from the harbour.", True),
    ("For a quiet crossing, look for the early boats.", True),
    ("Before boarding, always check the weather at the pier.", True),
    # … and a noun or a report after such a phrase
    ("After the vote, use of the night ferry fell by a third.", False),
    ("For years, visits to the island rose every summer.", False),
    ("If confirmed, Nora Lind would lead the harbour board.", False),
    ("When asked, the chair said the ferry would run.", False),
    ("For the Oakfield Gazette, go-karting was the story of the summer.", False),
    # a name, a noun or a participle opening a statement
    ("Be Here Now sold a million copies in its first year.", False),
    ("Don't Look Up was the most watched film on the service.", False),
    ("Avoidance of the toll road rose 12% after the rise.", False),
    ("Trying to stop the van, police fired two shots.", False),
    ("Watch sales rose 4% in the quarter.", False),
    ("Book sales fell for a third year.", False),
    ("Read by millions, the ferry blog closed on Monday.", False),
    ("Head coach Ilse Brandt resigned on Monday.", False),
    ("Order was restored by the evening.", False),
    ("Use of the ferry fell by a third.", False),
])
def test_advice_and_bids_are_the_writers_voice(sentence: str, voice: bool) -> None:
    assert first_person(sentence) is voice
