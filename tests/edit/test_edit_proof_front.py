"""The copy editor for the TL;DR and the intro (digest/edit/proof/tldr.py, proof/intro.py),
and the writers that print nothing it strikes (write/tldr.py, write/intro.py). Texts written
for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit import edit_issue
from digest.edit.proof.intro import clause_faults, intro_items, intro_strikes, list_item_faults
from digest.edit.proof.item import item_faults
from digest.edit.proof.sources import Sources
from digest.edit.proof.tldr import one_line, sentence_faults, tldr_strikes, unresolved_role
from digest.edit.write.intro import clauses
from digest.edit.write.tldr import _names, _opens_on, _short
from digest.models import Article, Newsletter, Period, Sentence, Story

ROLE = "a person by role only (who?)"


def _rules(strikes: list) -> list[str]:  # type: ignore[type-arg]
    return [s.rule for s in strikes]


@pytest.mark.parametrize("sentence", [
    "The congresswoman’s suggestion was that a 40 percent levy apply only above $5 million.",
    "In a sharp rebuke, the former harbour secretary backs the dockers and says the president "
    "is turning Ningbo against Carthen.",
])
def test_a_person_by_role_only_is_struck(sentence: str) -> None:
    assert unresolved_role(sentence)
    assert ROLE in _rules(tldr_strikes([sentence]))


@pytest.mark.parametrize("sentence", [
    "Former Harbour Secretary Mei Lantern said the president is turning Ningbo against Carthen.",
    "The president, Ada Quill, signed the statement on Tuesday.",
    "President Quill said the congresswoman's plan was vague.",
])
def test_a_role_the_sentence_names_stands(sentence: str) -> None:
    assert not unresolved_role(sentence)


def test_a_first_name_without_the_surname_the_sources_give() -> None:
    sources = ["Harbour Speaker Mira Tollan said the port would open. Mira Tollan added more.",
               "Speaker Mira Tollan named the managers."]
    sentence = "Harbour Speaker Mira on Wednesday named the managers of the port inquiry."
    assert "a first name without its surname" in _rules(tldr_strikes([sentence],
                                                                     sources=sources))
    assert tldr_strikes([sentence]) == []  # (no sources: nothing to tell it by)
    full = "Harbour Speaker Mira Tollan on Wednesday named the managers of the port inquiry."
    assert tldr_strikes([full], sources=sources) == []


def test_a_surname_the_sources_give_a_first_name() -> None:
    sources = ["Harbour adviser Tomas Veer said the talks ended. Tomas Veer told reporters.",
               "Tomas Veer was asked again on Sunday."]
    assert "a surname without its first name" in _rules(tldr_strikes(
        ["Veer was asked about the levy on Sunday in Carthen."], sources=sources))
    assert tldr_strikes(["Tomas Veer was asked about the levy on Sunday in Carthen."],
                        sources=sources) == []


@pytest.mark.parametrize("sentence", [
    "The new levy would also limit the board's power to lift port fees.",
    "Quill, too, signed the statement on Tuesday.",
    "Washington (CNN) - The Harbour Court on Wednesday blocked the release of the records.",
    "The two men, who helped Quill draft the levy, were arrested on Wednesday in Carthen.",
    "Less than a week earlier, Quill learned that the port levy had been dropped.",
])
def test_a_sentence_adding_to_one_not_printed_or_a_dateline(sentence: str) -> None:
    assert sentence_faults(sentence)


def test_a_name_qualifying_two_titles_is_no_through_line() -> None:
    two = ["The uncle of Harbour House senior adviser Tomas Veer called him a hypocrite in an "
           "editorial.",
           "\"You heard the managers speak for 24 hours,\" Harbour House counsel Pia Marr said "
           "on the floor of the assembly."]
    assert not one_line(two)
    assert any(r.startswith("no through-line") for r in _rules(tldr_strikes(two)))
    # One subject in both: a through-line.
    assert one_line(["Tomas Veer called the levy a hypocrisy on Monday.",
                     "The levy that Veer opposed passed the assembly on Friday."])


def test_the_intro_list_is_read_item_by_item() -> None:
    intro = ("This week in Port Data Weekly we look at the Ningbo Port Forum, the oil tanker, "
             "Carthen and 16 more stories, with two shorter items.")
    assert intro_items(intro) == ["the Ningbo Port Forum", "the oil tanker", "Carthen"]
    rules = _rules(intro_strikes(intro, [], sources=[
        "The Carthen Data Board fined three apps. The Carthen Data Board said so.",
        "The Ningbo Port Forum opened."]))
    assert rules == ["names nothing a reader can place", "a name cut short"]


SOURCES = Sources((
    "The board of Qiantang Labs met on Monday. Shares fell as the chief executive of Qiantang "
    "Labs said the firm would cut staff; stocks rose later and stocks fell again.",
    "Rep. Ada Quill said her chief of staff would leave. Ada Quill thanked the staff.",
    "Ports said the Harbour Court ruled on Friday; the Harbour Court ordered a review.",
    "Lin Tao met delegates. Lin Tao spoke after the vote.",
))


@pytest.mark.parametrize(("item", "fault"), [
    ("the Quill orders government", "a clause, not a noun phrase"),
    ("the oil tanker", "names nothing a reader can place"),
    ("the Lin Tao", "'the' before a name"),
    ("Stocks", "a common noun capitalised"),
    ("ruling by Harbour Court", "a name without its 'the'"),
    ("Qiantang Labs CEO", "a singular noun with no article"),
    ("the Quill chief of staff", "a name before a role, where the possessive belongs"),
    ("a hotline to Qiantang", "a name cut short"),
    ("the Harbour Court can’t", "a clause, not a noun phrase (a contraction"),
    ("Quill of 'stifling' debate", "a clause, not a noun phrase (a verb's object"),
    ("the Harbour Court upholds Quill's levy", "a clause, not a noun phrase (a finite verb"),
    ("the Lin Tao's office", "'the' before a name"),
    ("the Harbour court", "name lower-cased"),
    ("a senator Quill", "name lower-cased"),
])
def test_an_intro_item_a_copy_editor_strikes(item: str, fault: str) -> None:
    assert any(f.startswith(fault) for f in item_faults(item, SOURCES)), item_faults(item,
                                                                                    SOURCES)


@pytest.mark.parametrize("item", ["the Harbour Court", "Lin Tao", "Qiantang Labs",
                                  "Ada Quill's chief of staff", "the board of Qiantang Labs",
                                  "a $2 million port fund"])
def test_an_intro_item_a_copy_editor_prints(item: str) -> None:
    assert item_faults(item, SOURCES) == []


def test_the_intro_counts_a_struck_subject_and_completes_a_cut_name() -> None:
    texts = ["The Carthen Data Board fined three map apps on Monday for selling location data.",
             "Three map apps must delete the data they sold, the Carthen Data Board said."]
    tanker = ["An oil tanker ran aground on Monday near a harbour.",
              "The tanker was refloated on Tuesday after it ran aground near the harbour."]
    stories = [Story(rank=k + 1, section="in_our_feeds", headline=h, sentences=(), articles=())
               for k, h in enumerate(["Carthen fines map apps", "Oil tanker runs aground"])]
    # "the Carthen Data Board" is only a name: the story is said with its headline's
    # clause, the cut name written out; "oil tanker runs aground" drops its article.
    got = clauses(stories, [texts, tanker], Sources((*texts, *tanker)))
    assert got == ["the Carthen Data Board fines map apps", None]


def test_the_tldr_prints_no_sentence_the_copy_editor_strikes(
        period: Period, make_article: Callable[..., Article]) -> None:
    # The paragraph prints the role-only sentence first (its next sentence names her): the
    # TL;DR, read alone, never does.
    levy = ("The congresswoman’s suggestion was that a 40 percent port levy apply only above "
            "$5 million in cargo. Rep. Ada Quill proposed the port levy on Monday in the harbour "
            "assembly, saying ports should share cargo data.")
    levy_b = ("The congresswoman’s suggestion was that a 40 percent port levy apply only above "
              "$5 million in cargo. Rep. Ada Quill on Monday proposed a port levy on cargo "
              "above $5 million.")
    court = ("The Harbour Court on Friday ordered the port of Carthen to publish its cargo data. "
             "The judges said the data belonged to the public.")
    arts = [make_article(levy, source="Quay Times", title="Quill proposes port levy", day=1),
            make_article(levy_b, source="Harbour Wire", title="Port levy proposed", day=1.5),
            make_article(court, source="Map Post", title="Court orders cargo data out", day=2)]
    issue = edit_issue(period, arts, newsletter=Newsletter(title="Port Data Weekly",
                                                           topics=("port", "cargo", "data")),
                       sources=[], health=[])
    texts = [s.text for s in issue.tldr]
    assert texts, issue
    assert tldr_strikes(texts, sources=[f"{a.title}\n{a.text}" for a in arts]) == []
    assert not any(t.startswith("The congresswoman") for t in texts)


@pytest.mark.parametrize(("item", "fault"), [
    ("the Harbour Court passes levy", "a singular noun with no article"),
    ("Ada Quill keeps firm grip on port debate", "a singular noun with no article"),
    ("Ada Quill meets qiantang labs", "name lower-cased"),
    ("Lin Tao names Stocks to board", "a common noun capitalised"),
])
def test_a_clause_item_a_copy_editor_strikes(item: str, fault: str) -> None:
    assert any(f.startswith(fault) for f in list_item_faults(item, SOURCES)), \
        list_item_faults(item, SOURCES)


@pytest.mark.parametrize("item", ["the Harbour Court orders a review of the levy",
                                  "Ada Quill says her chief of staff will leave",
                                  "why Lin Tao met delegates"])
def test_a_clause_item_a_copy_editor_prints(item: str) -> None:
    assert list_item_faults(item, SOURCES) == []


def test_the_tldr_names_its_thread_in_full_once() -> None:
    # After a sentence that wrote "The Harbour Data Alliance (HDA)" in full, the next opens on
    # the short form it introduced, not on the whole name again; no short form, no change.
    shown = "Harbour Data Alliance (HDA)"
    s = Sentence("The Harbour Data Alliance (HDA) published a test suite in October.", ("u",))
    assert _short(s, shown) == Sentence("HDA published a test suite in October.", ("u",))
    plain = Sentence("The Harbour Data Alliance published a test suite.", ("u",))
    assert _short(plain, "Harbour Data Alliance") == plain
    first = "The Harbour Data Alliance (HDA) fined three ports on Monday for late cargo records."
    assert tldr_strikes([first, _short(s, shown).text]) == []


@pytest.mark.parametrize(("sentence", "names", "subject"), [
    # a sentence's first word is no part of the name after it
    ("On HDA's Tidewatch leaderboard, Lingxi-3 scored 71.4 on Friday.", True, False),
    ("In Ningbo, the Harbour Data Alliance signed the statement.", True, False),
    # a title before the name leaves it the subject; its owner is not ("HDA's member list …")
    ("Port Minister Lin Tao signed the statement on Friday.", True, True),
    ("The Harbour Data Alliance (HDA) fined three ports on Monday.", True, True),
    ("HDA's member list of 200 firms includes Coastline Shipping.", True, False),
    # inside a longer name, or a son's ("Lin Tao Jr." is not Lin Tao)
    ("Lin Tao Jr. opened a bakery in Ningbo on Friday.", False, False),
    ("The Greater Lin Tao Fund paid the fines.", False, False),
])
def test_the_thread_is_named_on_its_own_and_its_subject_where_it_opens(
        sentence: str, names: bool, subject: bool) -> None:
    forms = ["Harbour Data Alliance", "HDA", "Lin Tao"]
    assert _names(sentence, forms) is names
    assert _opens_on(sentence, forms) is subject


# Sources written for the test, each giving the evidence a reader's ear uses: "South Korea"
# is one name, "pressure" takes no "a", "bans" is a verb here, "shooting" takes an article,
# "same-sex" is no name, "Secretary of State" is.
STANDING = Sources((
    "Officials in South Korea welcomed the call. South Korean officials said South Korea would "
    "answer; the South to the south stayed quiet.",
    "As polls tightened, pressure grew on the senator, and pressure from donors rose.",
    "Officials said Washington bans imports of cotton, and it banned tomatoes too.",
    "Police said the man fired before the shooting; a fatal shooting followed at the rally.",
    "The pope backed same-sex unions on Monday, and same-sex couples welcomed it, and "
    "health experts condemned the funding freeze. A judge ordered a review.",
    "The looting ended on Sunday, and shop owners counted the damage.",
    "Georgia Secretary of State Brad Raffensperger announced the recount on Wednesday.",
    "The gunman was identified as a student, officials said.",
))


@pytest.mark.parametrize(("item", "fault"), [
    # issue 11's examples: fragments cut from headlines, which no reader would say so
    ("a right-wing demonstrator before fatal shooting in Portland", "a count noun with no article"),
    ("Aftermath of looting in downtown Chicago", "a headline's capital"),
    ("Nine US citizens", "who, not what happened"),
    ("the Trump administration bans", "ends on a verb"),
    ("a hotline to South", "a name cut short"),
    ("the Georgia Secretary of state", "name lower-cased"),
    ("key details of conversations with Putin", "no referent"),
    ("a pressure on Biden", "'a' before a noun the sources never count"),
    ("'fake news'", "a quotation alone"),
    ("claims in the VP", "no referent"),
    ("some JFK files", "no referent"),
    ("the Saudi Arabian aviation student", "who, not what happened"),
    ("Jeff Bezos hack", "a name before a noun with no article|a singular noun with no article"),
    ("Pope Francis endorses Same-Sex civil union laws", "a headline's capital"),
    ("Gov. Cuomo of undercounting nursing home deaths", "a verb's object"),
])
def test_an_intro_item_that_does_not_stand_on_its_own(item: str, fault: str) -> None:
    faults = list_item_faults(item, STANDING)
    assert any(f.startswith(tuple(fault.split("|"))) for f in faults), faults


@pytest.mark.parametrize("item", [
    "a long-awaited antitrust suit against Google", "Trump's new asylum rules",
    "the March for Life rally", "why Facebook failed its civil rights audit",
    "health experts condemn the funding freeze", "judge orders review of Georgia’s ballots",
    "the shooting in Portland", "Pope Francis backs same-sex unions",
    "a hotline to South Korea"])
def test_an_intro_item_that_stands_on_its_own(item: str) -> None:
    assert list_item_faults(item, STANDING) == []


@pytest.mark.parametrize(("sentence", "faults"), [
    ("Mayor Ada Quill’s push to reopen the harbour is about more than cargo.", True),
    ("The levy is really about power.", True),
    ("The levy is about more than cargo, Mayor Ada Quill said on Monday.", False),
    ("Mayor Ada Quill is about to sign the harbour levy on Monday.", False),
])
def test_a_view_reaches_the_tldr_only_with_its_source_named(sentence: str, faults: bool) -> None:
    got = [f for f in sentence_faults(sentence) if f.startswith("a view stated as a fact")]
    assert bool(got) == faults, got


def test_a_tldr_sentence_speaking_to_the_reader_is_an_opinion() -> None:
    assert "speaks to the reader (a writer's voice)" in sentence_faults(
        "If you love a small harbour board, Mayor Ada Quill's port budget will warm your heart.")
    assert sentence_faults('Mayor Ada Quill told dockers: "You will be paid on Friday."') == []


@pytest.mark.parametrize(("sentence", "faults"), [
    # issue 11 (weeks 38, 3): the writer's framing or judgement, with no source named
    ("Given her record, Mayor Ada Quill was always going to have to win over the dockers.", True),
    ("In raising the levy, Mayor Ada Quill is persisting in her deceptive argument that ports "
     "gain from it.", True),
    ("Unsurprisingly, the harbour board backed Mayor Ada Quill's levy on Monday.", True),
    ("If Lin Okafor is sent to prison for years, Mayor Ada Quill will pardon him.", True),
    ("If the levy passes, Mayor Ada Quill will cut port fees, her office said.", False),
    # a fact, or the judgement with its source named or quoted, stands
    ("Mayor Ada Quill raised the harbour levy to 4% on Monday.", False),
    ("The dockers' union said Mayor Ada Quill's argument was deceptive.", False),
    ('Lin Okafor called the levy "a deceptive tax" on Monday.', False),
])
def test_a_tldr_sentence_that_frames_or_judges_is_the_writers(sentence: str, faults: bool) -> None:
    got = [f for f in sentence_faults(sentence) if f.startswith("frames or judges")]
    assert bool(got) == faults, got


@pytest.mark.parametrize(("sentence", "faults"), [
    # issue 11 (week 40's TL;DR): a hook that withholds what happened
    ("Lin Okafor was caught in a harbour office with more than just cargo manifests.", True),
    ("Here's why Mayor Ada Quill's levy matters for the dockers.", True),
    ("Mayor Ada Quill's levy looked simple, but there's a catch.", True),
    # a fact, or the words inside a quotation or with their source named, stand
    ("Police found 40 kilograms of cocaine in Lin Okafor's harbour office on Monday.", False),
    ('Lin Okafor said the levy was "more than just a tax" on Monday.', False),
    ("The levy is more than just a tax, Mayor Ada Quill said on Monday.", False),
])
def test_a_tldr_sentence_that_teases_is_a_hook(sentence: str, faults: bool) -> None:
    got = [f for f in sentence_faults(sentence) if f.startswith("teases")]
    assert bool(got) == faults, got


def test_an_intro_clause_has_a_subject_states_and_keeps_a_names_capital() -> None:
    # allsides weeks 103, 76, 103: "unlikely that Covid came from a Wuhan lab" (from
    # "Unlikely that …, WHO says"), "when could the United States reach herd immunity",
    # "Trump to roll back obama’s flood standards" (the sources write only "Obama-era").
    src = Sources(("The board said it was unlikely that the levy came from Quill. Reports that "
                   "the levy would pass were wrong, and the reports said so. Quill will revoke "
                   "an Okafor-era levy order, officials said. When will the port reopen?",))
    assert clause_faults("unlikely that the levy came from Quill", src)
    assert not clause_faults("reports that the levy would pass", src)  # a noun: "the reports"
    assert "a direct question" in clause_faults("when will the port reopen", src)
    assert "a direct question" not in clause_faults("why the port will not reopen", src)
    assert clause_faults("Quill to roll back okafor’s levy order", src)
    assert not clause_faults("Quill to roll back Okafor’s levy order", src)
