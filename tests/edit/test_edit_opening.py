"""The paragraph opens on the event its headline tells (write/reopen.py, issue 11). Every
text here is made up for the test."""

from __future__ import annotations

from collections.abc import Callable

from digest.edit import edit_issue
from digest.edit.write.lines import Line, story_lines
from digest.edit.write.paragraph import Pick
from digest.edit.write.reopen import lead_with, said_better, said_later, told_better, told_fuller
from digest.models import Article, Newsletter, Period

MakeArticle = Callable[..., Article]

# The opening (A's lead) is the background; B's lead tells the tribute its headline names.
BACKGROUND = ("Former harbour master Tomas Vel said it pained him in 2009 to stand against an "
              "old friend in the Carthen port election. He said they stayed friends.")
TRIBUTE = ("Tomas Vel will lead the memorial tribute to Ada Brenn at Carthen cathedral on "
           "Thursday, the port office said. Ada Brenn died last week at 81.")
OTHER = "Ferries from Oakfield will not run on Thursday, the harbour board said."
HEADLINE = "Tomas Vel to lead memorial tribute to Ada Brenn"


def _lines(make_article: MakeArticle, *texts: str) -> list[Line]:
    arts = [make_article(t, source=f"Outlet {n}", title=f"Title {n}", day=1 + n / 10)
            for n, t in enumerate(texts)]
    return story_lines(arts, "en")


def _pick(ln: Line, *, lead: bool = True, text: str | None = None) -> Pick:
    return Pick(ln, text or ln.text, lead)


def test_the_sentence_telling_the_headline_opens(make_article: MakeArticle) -> None:
    a1, a2, b1, _, c1 = _lines(make_article, BACKGROUND, TRIBUTE, OTHER)
    picks = [_pick(a1), _pick(a2, lead=False), _pick(b1), _pick(c1)]
    out = lead_with(picks, HEADLINE)
    assert [p.line for p in out] == [b1, a1, a2, c1]  # the rest keep their order
    # The opening already tells it: nothing moves.
    assert lead_with([_pick(b1), _pick(a1)], HEADLINE) == [_pick(b1), _pick(a1)]


def test_what_may_not_open(make_article: MakeArticle) -> None:
    a1, _, b1, _, _ = _lines(make_article, BACKGROUND, TRIBUTE, OTHER)
    own = ("Former harbour master Tomas Vel said it pained him in 2009 to stand against an old "
           "friend in the Carthen port election. Tomas Vel will lead the memorial tribute to "
           "Ada Brenn on Thursday.")
    o1, o2 = _lines(make_article, own)
    for picks in ([_pick(a1), _pick(b1, lead=False)],  # not its article's lead
                  [_pick(a1), _pick(b1, text=f"According to Outlet 1, {b1.text}")],  # credited
                  [_pick(o1), _pick(o2)]):  # the opening's own account goes on in its order
        assert lead_with(picks, HEADLINE) == picks
    column = [_pick(a1), _pick(b1)]
    assert lead_with(column, HEADLINE, columns=frozenset({b1.article})) == column
    # Without a headline, or alone, the paragraph is as it was.
    assert lead_with(column, "") == column and lead_with(column[:1], HEADLINE) == column[:1]


def test_a_sentence_leaning_on_the_moved_one_moves_with_it(make_article: MakeArticle) -> None:
    first = ("Carthen's port office on Monday named a new harbour master after a long search. "
             "The post had been empty since spring.")
    told = ("Tomas Vel will lead the memorial tribute to Ada Brenn on Thursday. "
            "He will speak first.")
    a1, _, b1, b2 = _lines(make_article, first, told)
    assert b2.leans
    out = lead_with([_pick(a1), _pick(b1), _pick(b2, lead=False)], HEADLINE)
    assert [p.line for p in out] == [b1, b2, a1]


def test_one_more_word_is_no_reason_unless_the_headline_is_its_own(
        make_article: MakeArticle) -> None:
    # A shares one of the headline's three content words, B two: one more is chance, unless
    # B's title gave the headline (then B's lead tells its own headline's event).
    a = "Ada Brenn ran the harbour for two decades before she retired in 2015."
    b = "Ada Brenn will be honoured with a statue on the quay in May."
    a1, b1 = _lines(make_article, a, b)
    headline = "Brenn honoured at cathedral"
    picks = [_pick(a1), _pick(b1)]
    assert lead_with(picks, headline) == picks
    assert [p.line for p in lead_with(picks, headline, own=b1.article)] == [b1, a1]
    assert lead_with(picks, headline, own=a1.article) == picks


def test_on_a_tie_the_headlines_own_lead_opens_when_it_says_when(
        make_article: MakeArticle) -> None:
    # A and B each tell three of the headline's four content words: on a tie the account the
    # headline was written from opens, when it tells an act and says when (or the opening
    # says not either).
    a = "Auditors found gaps in the accounts the port chief had signed for years."
    b = "Ada Brenn, Carthen's port chief, was dismissed on Tuesday by the harbour board."
    a1, b1 = _lines(make_article, a, b)
    headline = "Port chief dismissed over accounts"
    picks = [_pick(a1), _pick(b1)]
    assert a1.day is None and b1.day is not None
    assert [p.line for p in lead_with(picks, headline, own=b1.article)] == [b1, a1]
    assert lead_with(picks, headline) == picks  # (no own: a tie moves nothing)
    # The own lead undated, the opening dated: the news lead stays first.
    undated = [_pick(b1), _pick(a1)]
    assert lead_with(undated, headline, own=a1.article) == undated
    # Nor does an own lead telling no act (`acts.act`): what someone had told reporters, a
    # chance there is.
    for own in ("Ada Brenn had told reporters on Monday the port chief would be dismissed.",
                "There is a real chance the port chief will be dismissed on Tuesday."):
        a1, o1 = _lines(make_article, a, own)
        assert o1.day is not None
        assert lead_with([_pick(a1), _pick(o1)], headline, own=o1.article) == [
            _pick(a1), _pick(o1)]


def test_the_issue_opens_the_story_on_its_headline(make_article: MakeArticle,
                                                  period: Period) -> None:
    # Through the editor: the headline is B's title (the others' words agree with it), the
    # most central account is C's, whose lead is background; the paragraph opens on B's lead.
    a = ("Former harbour master Tomas Vel said it pained him in 2009 to stand against an old "
         "friend in the Carthen port election. Vel will speak at the memorial for Ada Brenn at "
         "Carthen cathedral on Thursday. Brenn ran the Carthen port for 20 years and died last "
         "week at 81. The harbour will close on Thursday for the memorial.")
    arts = [make_article(a, source="Outlet A", title="Vel recalls a rivalry", day=1),
            make_article(TRIBUTE.replace("the port office said", "Bishop Ola Sund said"),
                         source="Outlet B", title=HEADLINE, day=1.1),
            make_article("Ada Brenn, who ran the Carthen port for 20 years, died last week at "
                         "81. Carthen will close its harbour for her memorial, and ferries "
                         "from Oakfield will not run.", source="Outlet C", title="A port mourns",
                         day=1.2)]
    issue = edit_issue(period, arts, newsletter=Newsletter(title="T"), sources=[], health=[])
    story = issue.stories[0]
    texts = [s.text for s in story.sentences]
    assert story.headline == HEADLINE
    assert texts[0].startswith("Tomas Vel will lead the memorial tribute")
    assert texts[1].startswith("Ada Brenn, who ran")  # the old opening, then the rest
    assert len(texts) >= 3


def test_nothing_moves_that_would_state_a_fact_twice(make_article: MakeArticle) -> None:
    # After the tribute's lead, the old opening would say nothing new (the copy editor strikes
    # a fact stated twice): the paragraph keeps its order.
    old = "Ada Brenn will be remembered at Carthen cathedral on Thursday."
    a1, b1, _ = _lines(make_article, old, TRIBUTE)
    picks = [_pick(a1), _pick(b1)]
    assert lead_with(picks, HEADLINE) == picks


# A vague opening (no name, no day) and another outlet's lead that says all of it and more.
VAGUE = "The old harbour master says he will lead the memorial tribute at the cathedral."
SPECIFIC = ("Former harbour master Tomas Vel said he will lead the memorial tribute to Ada Brenn "
            "at Carthen cathedral on Thursday, the port office said.")


def test_a_vaguer_opening_gives_way_to_the_lead_that_says_it_all(
        make_article: MakeArticle) -> None:
    a1, b1, c1 = _lines(make_article, VAGUE, SPECIFIC, OTHER)
    out = said_better([_pick(a1), _pick(b1), _pick(c1)], HEADLINE)
    assert [p.line for p in out] == [b1, c1]
    # The other way round nothing goes: the specific one opens and the writer's own test
    # keeps the vague one out of a paragraph (events.says_nothing_new).
    assert said_better([_pick(b1), _pick(c1)], HEADLINE) == [_pick(b1), _pick(c1)]


def test_an_opening_that_holds_something_more_stays(make_article: MakeArticle) -> None:
    for vague in (VAGUE.replace("the memorial", "two memorial"),  # a count in words
                  VAGUE.replace("cathedral", "cathedral beside Lake Orne"),  # a name
                  # most of its words new to the lead: another fact ("bells will ring")
                  "The old harbour master says bells will ring all day at the cathedral."):
        a1, b1 = _lines(make_article, vague, SPECIFIC)
        picks = [_pick(a1), _pick(b1)]
        assert said_better(picks, HEADLINE) == picks, vague
    a1, b1 = _lines(make_article, VAGUE, SPECIFIC)
    for picks in ([_pick(a1), _pick(b1, lead=False)],  # not its article's lead
                  [_pick(a1), _pick(b1, text=f"According to Outlet 1, {b1.text}")]):  # credited
        assert said_better(picks, HEADLINE) == picks
    picks = [_pick(a1), _pick(b1)]
    assert said_better(picks, HEADLINE, columns=frozenset({b1.article})) == picks  # a column's
    # A lead that brings no name, figure or date the opening lacks says it no better.
    a1, b1 = _lines(make_article, VAGUE, "The old harbour master said he will lead the "
                    "memorial tribute at the cathedral, the port office said.")
    assert said_better([_pick(a1), _pick(b1)], HEADLINE) == [_pick(a1), _pick(b1)]
    # The lead tells fewer of the headline's words than the opening: it may not open.
    assert said_better(picks, "Old harbour master to lead cathedral memorial tribute") == picks


def test_the_openings_description_is_not_what_it_tells(make_article: MakeArticle) -> None:
    # Who Vel is (an appositive with a count and a name of its own) is no part of the event:
    # weighed without it, the opening says nothing the specific lead does not.
    described = ("Tomas Vel, the harbour master who ran the Carthen port for two decades, will "
                 "lead the memorial tribute at the cathedral.")
    a1, b1 = _lines(make_article, described, SPECIFIC)
    assert [p.line for p in said_better([_pick(a1), _pick(b1)], HEADLINE)] == [b1]


# Two leads telling one act (`told_again.same_act`: one subject, one day, "suggested" / "proposed"),
# the later one more of the headline: the opening carries nothing the other does not.
SUGGESTED = ("Mayor Ada Lin on Monday suggested the city run its own ferry line as she voiced "
             "anger at the fares Northwind charges islanders.")
PROPOSED = ("Mayor Ada Lin on Monday afternoon proposed a new, city-owned ferry line to rival "
            "Northwind on the island routes.")
FERRY = "Carthen mayor proposes new ferry line to rival Northwind"


def test_an_act_told_better_opens_and_the_opening_goes(make_article: MakeArticle) -> None:
    a1, b1, c1 = _lines(make_article, SUGGESTED, PROPOSED, OTHER)
    assert [p.line for p in told_better([_pick(a1), _pick(b1), _pick(c1)], FERRY)] == [b1, c1]
    # The other way round the better one opens already: nothing moves.
    assert told_better([_pick(b1), _pick(a1)], FERRY) == [_pick(b1), _pick(a1)]
    for kept in (SUGGESTED.replace("the fares", "the $40 fares"),  # a figure of its own
                 SUGGESTED.replace("on Monday", "on Sunday")):  # another day, another act
        a1, b1 = _lines(make_article, kept, PROPOSED)
        assert told_better([_pick(a1), _pick(b1)], FERRY) == [_pick(a1), _pick(b1)], kept
    # Telling no more of the headline, it does not open.
    a1, b1 = _lines(make_article, SUGGESTED, PROPOSED)
    assert told_better([_pick(a1), _pick(b1)], "Carthen mayor voices anger at fares") == [
        _pick(a1), _pick(b1)]


def test_the_openings_account_said_again_by_the_lead_goes_with_it(
        make_article: MakeArticle) -> None:
    # The opening's own next sentence (no "She …": it leans on nothing) says nothing the lead
    # does not: with the lead first it is said again, and goes too (the act told once).
    again = "Lin said a city ferry line would rival Northwind on the island routes."
    a1, a2, b1 = _lines(make_article, f"{SUGGESTED} {again}", PROPOSED)
    assert not a2.leans
    out = told_better([_pick(a1), _pick(a2, lead=False), _pick(b1)], FERRY)
    assert [p.line for p in out] == [b1]
    # A sentence leaning on the opening would go with it, a fact lost: nothing moves.
    a1, a2, b1 = _lines(make_article, f"{SUGGESTED} She said the fares were unfair.", PROPOSED)
    assert a2.leans
    picks = [_pick(a1), _pick(a2, lead=False), _pick(b1)]
    assert told_better(picks, FERRY) == picks


def test_a_lead_telling_the_openings_act_and_more_opens(make_article: MakeArticle) -> None:
    # The opening reads no subject or act (`acts.act`: "In a decision …, a judge …") and tells
    # under half the headline's words, so it is not the lead's act told again; but the lead is
    # the opening's told again (mostly its words, its verb the opening's) and tells more of
    # the headline: the lead opens.
    headline = "Carthen judge orders ferry levy refunds, halts port tolls"
    opening = ("In a decision praised across the islands, a judge on Monday ordered that "
               "the ferry levy be paid back to residents.")
    lead = ("A Carthen judge has ordered ferry levy refunds for islanders, halting plans for "
            "the first port tolls in 30 years.")
    a1, b1 = _lines(make_article, opening, lead)
    assert [p.line for p in told_better([_pick(a1), _pick(b1)], headline)] == [b1]
    # An opening telling another act of its own (its verb no word of the lead's) stays.
    reacted = ("The mayor took to the radio on Monday to react to the ruling on the ferry levy "
               "refunds to Carthen residents.")
    a1, b1 = _lines(make_article, reacted, lead)
    assert told_better([_pick(a1), _pick(b1)], headline) == [_pick(a1), _pick(b1)]


def test_a_lead_telling_as_much_and_a_headline_word_of_its_own_opens(
        make_article: MakeArticle) -> None:
    # As many of the headline's words each, but the opening's are all printed elsewhere and
    # the lead's "vote" nowhere else: one telling, the one that says the headline's vote.
    headline = "Carthen council delays ferry vote after mayor's fall"
    opening = "The Carthen council will delay its ferry debate while the mayor recovers from a fall."
    lead = "The council will delay the scheduled ferry vote because of the mayor's fall."
    other = "While the Carthen mayor recovers from a fall, harbour business will not go on as usual."
    a1, b1, c1 = _lines(make_article, opening, lead, other)
    out = told_better([_pick(a1), _pick(b1), _pick(c1)], headline)
    assert [p.line for p in out] == [b1, c1]
    # A lead with something more of its own (a quotation) does not take the opening's place
    # on a tie.
    a1, b1, c1 = _lines(make_article, opening, lead.replace(".", ", calling it “a pause”."),
                        other)
    picks = [_pick(a1), _pick(b1), _pick(c1)]
    assert told_better(picks, headline) == picks


def test_an_opening_mostly_said_by_a_lead_telling_more_goes(make_article: MakeArticle) -> None:
    # No subject `same_act` reads, but most of its words are the lead's (`told_again._mostly_said`)
    # and it tells half the headline's words: the lead, telling more of them, opens.
    headline = "Carthen port authority says ferry levy will pay for harbour dredging"
    summary = ("The new ferry levy will pay for harbour dredging in Carthen, ending a long "
               "dispute over the port.")
    lead = ("The Carthen Port Authority said Monday that the new ferry levy would pay for the "
            "harbour dredging and more, raising revenue by $30 million over five years.")
    a1, b1 = _lines(make_article, summary, lead)
    assert [p.line for p in told_better([_pick(a1), _pick(b1)], headline)] == [b1]
    # A statement of its own ("officials say …") is more than the event told again.
    a1, b1 = _lines(make_article, summary.replace(", ending", ", and officials say the work "
                                                 "will end"), lead)
    assert told_better([_pick(a1), _pick(b1)], headline) == [_pick(a1), _pick(b1)]


# The act told twice, the later lead the fuller telling: it carries all the opening carries
# (its names, day, figures; the headline's words) and more (the fine).
BAN = "Carthen council approves harbour plastic bag ban"
BANNED = "The Carthen council on Tuesday approved a ban on plastic bags in the harbour shops."
VOTED = ("The Carthen council voted on Tuesday to approve a ban on plastic bags in harbour "
         "shops, with fines of up to $500.")


def test_the_fuller_telling_opens_in_the_openings_place(make_article: MakeArticle) -> None:
    a1, b1, c1 = _lines(make_article, BANNED, VOTED, OTHER)
    assert [p.line for p in told_fuller([_pick(a1), _pick(b1), _pick(c1)], BAN)] == [b1, c1]
    # (as many of the headline's words each, nothing of the headline's its own: the act
    # told better does not take it)
    assert told_better([_pick(a1), _pick(b1)], BAN) == [_pick(a1), _pick(b1)]
    # Who told it, and when, is no fact of the act the lead must carry.
    a1, b1 = _lines(make_article, BANNED.replace(" on Tuesday", "").replace(
        ".", ", two council officials said Wednesday."), VOTED.replace(" on Tuesday", ""))
    assert [p.line for p in told_fuller([_pick(a1), _pick(b1)], BAN)] == [b1]


def test_an_opening_with_something_of_its_own_stays(make_article: MakeArticle) -> None:
    for kept in (BANNED.replace("a ban", "a $40 fine and a ban"),  # a figure
                 BANNED.replace("the harbour shops", "the shops of Oakfield Quay"),  # a name
                 BANNED.replace("plastic bags", "“single-use” plastic bags"),  # a quotation
                 BANNED.replace("on Tuesday", "on Monday"),  # another day, another act
                 BANNED.replace("approved a ban on", "debated banning")):  # another act
        a1, b1 = _lines(make_article, kept, VOTED)
        picks = [_pick(a1), _pick(b1)]
        assert told_fuller(picks, BAN) == picks, kept
    # The lead telling fewer of the headline's words ("harbour"), longer than a paragraph's
    # least, a column's, or credited to its outlet does not open.
    a1, b1 = _lines(make_article, BANNED, VOTED.replace("harbour shops", "the town's stores"))
    picks = [_pick(a1), _pick(b1)]
    assert told_fuller(picks, BAN) == picks
    a1, b1 = _lines(make_article, BANNED, VOTED)
    picks = [_pick(a1), _pick(b1)]
    assert told_fuller(picks, BAN, most=10) == picks
    assert told_fuller(picks, BAN, columns=frozenset({b1.article})) == picks
    credited = [_pick(a1), _pick(b1, text=f"According to Outlet 1, {b1.text}")]
    assert told_fuller(credited, BAN) == credited


# The opening tells another side (a reaction); a vague lead comes before the lead that says
# all of it and more (said_later).
REACTION = ("The port office praised Tomas Vel on Friday for agreeing to lead the memorial "
            "tribute, calling him a loyal friend.")


def test_a_vaguer_lead_after_the_opening_gives_way_to_a_later_one(
        make_article: MakeArticle) -> None:
    a1, b1, c1 = _lines(make_article, REACTION, VAGUE, SPECIFIC)
    out = said_later([_pick(a1), _pick(b1), _pick(c1)], HEADLINE)
    assert [p.line for p in out] == [a1, c1]
    # Printed after the specific lead, the vague one is the writer's to keep out; not a lead
    # or with a printed sentence trimmed, it stays.
    for picks in ([_pick(a1), _pick(c1), _pick(b1)],
                  [_pick(a1), _pick(b1, lead=False), _pick(c1)],
                  [_pick(a1), _pick(b1), _pick(c1, text=f"According to Outlet 2, {c1.text}")]):
        assert said_later(picks, HEADLINE) == picks
    # A count in words of its own: it holds something more.
    a1, b1, c1 = _lines(make_article, REACTION, VAGUE.replace("the memorial", "two memorial"),
                        SPECIFIC)
    assert said_later([_pick(a1), _pick(b1), _pick(c1)], HEADLINE) == [
        _pick(a1), _pick(b1), _pick(c1)]

