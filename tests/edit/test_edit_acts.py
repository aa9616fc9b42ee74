"""edit/read/acts: a lead's subject and main verb."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.proof import paragraph_strikes
from digest.edit.read.acts import Act, act, family, noun, repeats_phrase, told_again
from digest.edit.write.paragraph import paragraph_for
from digest.edit.write.told_again import same_act, told_otherwise
from digest.models import Article

MakeArticle = Callable[..., Article]


def test_a_verb_in_any_form_is_its_family_and_a_noun_is_none() -> None:
    forms = {"resigning": "resign", "testified": "testify", "sued": "sue", "suing": "sue",
             "tapped": "nominate", "met": "meet", "denied": "reject", "voted": "pass",
             "fired.": "fire", "quitting": "resign"}
    assert {w: family(w) for w in forms} == forms
    # a noun of the act is no verb: "The second impeachment of …", "Her endorsement …"
    assert family("impeachment") == family("endorsement") == ""
    assert act("The council's second impeachment of the mayor could set off a fight.").verb == ""


def test_the_verb_ends_the_sentence() -> None:
    # "Harbour master Tomas Reyes, who ran the port for a decade, has been fired."
    lead = act("Harbour master Tomas Reyes, who ran the port for a decade, has been fired.")
    assert lead.verb == "fire"
    assert lead.subject == ("Harbour", "master", "Tomas", "Reyes")


def test_an_adverb_or_a_word_of_schedule_comes_before_the_verb() -> None:
    # "has apparently rejected", "is slated to testify": the verb after
    for lead, verb in (("Mayor Ada Lin has apparently rejected the harbour levy.", "reject"),
                       ("Mayor Ada Lin is slated to testify before the port board.", "testify"),
                       ("Mayor Ada Lin is due to sign the ferry contract on Friday.", "sign"),
                       ("Harbour Mills is eyeing the seaweed snack market.", "consider"),
                       # session 32: "is poised to", "is about to", "is ready to" as "is set to"
                       ("Mayor Ada Lin is poised to tap Tom Keller as harbour master.",
                        "nominate"),
                       ("The port board is about to approve the ferry levy.", "pass"),
                       ("The port board is ready to sign the dredging contract.", "sign")):
        assert act(lead).verb == verb, lead
    # a word in -ly that is a verb or a noun is none: "will rally", "the Dane family"
    assert act("Mayor Ada Lin will rally dockworkers on Friday.").verb == "=ral"
    assert act("The Dane family sued the port on Friday.").subject == ("The", "Dane", "family")


@pytest.mark.parametrize(("lead", "verb"), [
    ("The Dane family filed a lawsuit on Friday against the port.", "sue"),
    ("The ferry union has filed an antitrust lawsuit against Harbour Mills.", "sue"),
    ("Two dockworkers filed suit Thursday against the port of Carthen.", "sue"),
    ("The port authority brought a lawsuit against the dredging firm.", "sue"),
    ("The Dane family filed a complaint with the harbour board.", "=fil"),  # no suit
])
def test_a_verb_and_the_noun_of_an_act_are_that_act(lead: str, verb: str) -> None:
    # "filed a lawsuit" is "sued": one act, as EVENT_VERBS has it
    assert act(lead).verb == verb, lead


@pytest.mark.parametrize(("lead", "verb"), [
    # one act in other verbs (lexicon.EVENT_VERBS, session 30)
    ("Harbour Mills is closing its Carthen cannery.", "close"),
    ("Harbour Mills shut down its Carthen cannery on Friday.", "close"),
    ("Mayor Ada Lin named Tomas Reyes harbour chief on Monday.", "nominate"),
    ("Mayor Ada Lin has appointed Tomas Reyes harbour chief.", "nominate"),
    ("The ferry union accepted the port's offer on Monday.", "agree"),
    ("Harbour Mills bought the Oakfield ferry line.", "acquire"),
    ("The port board postponed the levy vote.", "delay"),
    ("The port has barred cruise ships from the inner harbour.", "ban"),
    ("Dock boss Tomas Reyes was convicted of fraud on Friday.", "convict"),
    # a verb and its particle, or the noun of an act after it
    ("Port chief Tomas Reyes stepped down on Friday.", "resign"),
    ("Mayor Ada Lin called off the harbour festival.", "cancel"),
    ("Dock boss Tomas Reyes was found guilty of fraud.", "convict"),
    ("The ferry union reached a tentative agreement with the port.", "agree"),
    ("The ferry operator pulled out of the harbour deal.", "withdraw"),
    # a candidate's exit, told three ways (session 38)
    ("Councillor Ada Lin is ending her campaign for mayor.", "withdraw"),
    ("Councillor Ada Lin suspended her bid for mayor on Monday.", "withdraw"),
    ("Councillor Ada Lin dropped out of the race for mayor.", "withdraw"),
    ("The port board ended its session on Friday.", "end"),
    # a word of intent before "to" and the verb; not "decided not to …"
    ("Mayor Ada Lin has decided to withdraw the harbour guard.", "withdraw"),
    ("Mayor Ada Lin intends to nominate Tomas Reyes as harbour chief.", "nominate"),
    ("The port board decided not to hold a vote.", "=decid"),
    # a form as often a noun or an adjective is the verb only after "will", "to" …
    ("Mayor Ada Lin will name a harbour chief on Friday.", "nominate"),
    ("The port is set to close the old quay.", "close"),
    ("The ferry union is close to a deal with the port.", ""),  # an adjective (session 35)
    ("The ban on cruise ships takes effect Friday.", ""),
    # session 31: more verbs and particles of one act, known with the headline's guard
    # (write/retold.acted_again keeps a retelling naming the headline's fact)
    ("Mayor Ada Lin is set to roll out the harbour levy.", "unveil"),
    ("Councillor Tomas Reyes brought forward a bill to cap ferry fares.", "unveil"),
    ("Councillor Tomas Reyes has put forward a bill to cap ferry fares.", "unveil"),
    ("Mayor Ada Lin outlined her harbour plan on Monday.", "unveil"),
    ("Mayor Ada Lin lashed out at the port board on Monday.", "criticize"),
    ("Mayor Ada Lin chided the port board for the delay.", "criticize"),
    ("The Carthen appeals court struck down the harbour levy.", "repeal"),
    ("The Carthen appeals court ruled that the levy is lawful.", "uphold"),
    ("The Carthen appeals court affirmed the levy on Monday.", "uphold"),
    ("Mayor Ada Lin ruled out a second term on Monday.", "reject"),
    ("The port board launched an inquiry into the spill.", "begin"),
    ("Former harbour master Tomas Reyes died on Monday.", "die"),
    # a verb and its particle before the verb alone: "passed away" is no "passed"
    ("Former harbour master Tomas Reyes passed away on Monday.", "die"),
    ("The Carthen council passed the harbour levy on Monday.", "pass"),
])
def test_one_act_in_other_verbs_is_one_family(lead: str, verb: str) -> None:
    assert act(lead).verb == verb, lead


def test_the_noun_of_an_act_is_that_act() -> None:
    assert noun("ruling") == family("upheld") == "uphold"
    assert noun("death") == family("died") == "die"
    assert noun("rollout") == noun("unveiling") == family("unveiled") == "unveil"


# A clause told again in the same words (acts.told_again, issue 11: "no fact stated twice").
HARBOUR = ("Mayor Ines Varga on Friday hailed a port report that showed freight volumes rising, "
           "a week after the dockworkers' strike ended.")


def test_a_clause_in_the_same_words_is_told_again() -> None:
    again = ("The mayor spoke for an hour at the quay, meant to promote a new port report that "
             "showed freight volumes rising after months of closed berths.")
    assert repeats_phrase(again, [HARBOUR]) == "the phrase 'port report show freight' again"
    assert told_again(again, [HARBOUR])


def test_a_title_in_the_clause_is_a_word_of_it() -> None:
    # (another outlet's lead on what the opening told: "is not considering replacing …")
    printed = ("Despite the rumours, aides say Mayor Ines Varga is not considering replacing "
               "the port commissioner Ivo Dane.")
    again = ("Varga is not considering replacing the port commissioner, an aide said after a "
             "week of rumours about the harbour strike.")
    assert repeats_phrase(again, [printed]) == (
        "the phrase 'consider replac port commission' again")


@pytest.mark.parametrize(("sentence", "printed"), [
    # what two clauses are about, no verb among the words both write: another act
    ("Shippers lobbied against the harbour toll budget plan.",
     "The council backed the harbour toll budget plan on Monday."),
    # a word in -ing that follows no auxiliary describes, it tells no act
    ("The surviving harbour pilot crews opposed the plan.",
     "Rescuers praised the surviving harbour pilot crews."),
    # the speaker's own words: what was said
    ("“This port report showed freight volumes rising,” Varga told the council.", HARBOUR),
    # a figure the clause did not give
    ("A port report that showed freight volumes rising 14% went to shippers.", HARBOUR),
])
def test_no_verb_a_quotation_or_a_new_figure_is_no_clause_told_again(
        sentence: str, printed: str) -> None:
    assert repeats_phrase(sentence, [printed]) is None


def test_the_paragraph_never_prints_a_clause_twice_and_the_editor_strikes_it(
        make_article: MakeArticle) -> None:
    account = (f"{HARBOUR} The mayor spoke for an hour at the quay, meant to promote a new port "
               "report that showed freight volumes rising after months of closed berths. "
               "Ferry fares will fall by a third from March.")
    arts = [make_article(account, source="Outlet A", title="Mayor hails port report")]
    printed = [s.text for s in paragraph_for(arts, {}, language="en", words=(20, 130))]
    assert printed[0] == HARBOUR
    assert not any("meant to promote" in t for t in printed)
    assert "Ferry fares will fall by a third from March." in printed
    strikes = paragraph_strikes([HARBOUR, "The mayor spoke for an hour at the quay, meant to "
                                 "promote a new port report that showed freight volumes "
                                 "rising after months of closed berths."])
    assert [s.rule for s in strikes] == [
        "fact stated twice (the phrase 'port report show freight' again)"]


# Session 34: a lead that does not open on its subject (issue 11: two outlets' leads telling one
# act, one of them opening on a time, a clause or a count).
@pytest.mark.parametrize(("lead", "verb", "subject"), [
    ("On Monday, the Harlow council banned plastic bags.", "ban", "the Harlow council"),
    ("Late Friday, Mayor Ada Lin signed the ferry levy.", "sign", "Mayor Ada Lin"),
    ("A year ago, the port board closed the old quay.", "close", "the port board"),
    ("Monday morning, the port board voted to ban cruise ships.", "pass", "the port board"),
    ("Just hours after being sacked on Friday, Ada Lin quit the party.", "resign", "Ada Lin"),
    ("After weekend protests against the levy, Gov. Ada Lin vetoed the bill Monday.", "=veto",
     "Gov. Ada Lin"),
    ("With talks at an impasse, the mayor signed the order.", "sign", "the mayor"),
    ("Facing a lawsuit, the Carthen Herald fired its editor.", "fire", "the Carthen Herald"),
    # a count: what is counted is the subject
    ("Thousands of nurses marched in cities across the country.", "=march", "nurses"),
    ("Hundreds of thousands of students gathered Saturday in Harlow.", "=gathe", "students"),
    ("On Saturday, tens of thousands of nurses marched in Harlow.", "=march", "nurses"),
    # a verb is no month: "marched", "may"
    ("Nurses marched into Harlow Square on Saturday.", "=march", "Nurses"),
    # a modal before the verb
    ("Mayor Ada Lin could face questions Tuesday over the levy.", "=fac", "Mayor Ada Lin"),
    ("The port board may approve the ferry levy on Friday.", "pass", "The port board"),
    # a particle of the passive: one kicked off a platform is barred from it
    ("Ada Lin has been kicked off the platform.", "ban", "Ada Lin"),
    ("The harbour festival kicked off on Friday.", "begin", "The harbour festival"),
    ("The harbour festival was called off on Friday.", "cancel", "The harbour festival"),
])
def test_the_act_of_a_lead_past_what_it_opens_with(lead: str, verb: str, subject: str) -> None:
    assert act(lead) == Act(verb, tuple(subject.split())), lead


@pytest.mark.parametrize(("lead", "subject"), [
    # a name in -ing is no participle: "Boeing on Monday …"
    ("Harbing on Monday fired its chief, the board said.", ("Harbing",)),
    # no comma inside brackets, and no quotation after it
    ("After Sen. Ada Lin (D., Minn.) proposed a levy, the port board approved it.", ()),
    ("As she told the girl, \"Don't be scared,\" Ada Lin showed her calm.", ()),
    # a count in a word opens no phrase: "Two councillors" did it
    ("Two councillors voted against the levy, the Harlow Herald reported.",
     ("Two", "councillors")),
])
def test_what_is_no_opener_is_read_as_before(lead: str, subject: tuple[str, ...]) -> None:
    assert act(lead).subject == subject, lead


def test_two_leads_of_one_act_one_opening_on_a_time_or_a_count_are_one_act() -> None:
    told = "Harlow Ferries raised its fares by a third on Monday, the company said."
    again = "On Monday, Harlow Ferries raised fares on its Carthen route by a third."
    assert act(again).subject == act(told).subject == ("Harlow", "Ferries")
    assert same_act(again, [told])
    # what is counted does, not the count: nurses are no teachers
    nurses = "Nurses marched into Harlow Square on Saturday to demand higher pay."
    assert same_act("Thousands of nurses marched in cities across the country on Saturday.",
                    [nurses])
    assert not same_act("Thousands of teachers marched in cities across the country on "
                        "Saturday.", [nurses])


@pytest.mark.parametrize(("lead", "verb", "subject"), [
    # session 35: the copula takes a participle as its verb; an adjective or a noun is no act
    ("Mayor Ada Lin was busy on Monday.", "", ""),
    ("Mayor Ada Lin was reportedly busy on Monday.", "", ""),
    ("The port board is close to a deal on the levy.", "", ""),
    ("Mayor Ada Lin was found guilty of fraud.", "convict", "Mayor Ada Lin"),
    ("Two dockworkers were shot on Friday night.", "=shot", "Two dockworkers"),
    # the verb read after the last auxiliary, past "again", "already"
    ("The port board is already weighing the ferry levy.", "consider", "The port board"),
    ("Harlow nurses are again marching on the port.", "=march", "Harlow nurses"),
    # an adverb in -ly is no word of the subject
    ("Mayor Ada Lin publicly apologized on Monday.", "=apolo", "Mayor Ada Lin"),
    # a word after an article or a possessive is a noun: the verb comes later
    ("The arrest of Ada Lin angered Harlow.", "=anger", "The arrest of Ada Lin"),
    ("After the vote, the release of the files angered Tom Keller.", "=anger",
     "the release of the files"),
    ("The council's order to close the port angered dockworkers.", "", ""),
    ("A court order on ferries took effect on Friday.", "", ""),
    ("Strong support from dockworkers helped Mayor Ada Lin.", "", ""),
    # launching or firing a missile or shots is no beginning and no dismissal
    ("The Carthen navy launched a missile on Monday.", "=fire", "The Carthen navy"),
    ("Harbour police fired tear gas at marchers on Friday.", "=fire", "Harbour police"),
    ("The port board launched an inquiry on Monday.", "begin", "The port board"),
    ("The Carthen navy launched nearly a dozen cruise missiles.", "=fire", "The Carthen navy"),
    ("An inquiry was launched after a Harlow officer shot a man.", "begin", "An inquiry"),
    # firing back is answering a critic: no dismissal
    ("Mayor Ada Lin fired back at the port board on Monday.", "criticize", "Mayor Ada Lin"),
    # what seems to be done is the act: "appears" is no appearance
    ("The tape appears to capture Ada Lin discussing the levy.", "=captu", "The tape"),
    ("The port board fired its clerk on Monday.", "fire", "The port board"),
    # a present in -s after a name, before its object, is the verb; a plural before a verb is not
    ("Mayor Ada Lin heads to Carthen on Sunday.", "=head", "Mayor Ada Lin"),
    ("Harlow bans plastic bags.", "ban", "Harlow"),
    ("Harlow bans were lifted on Monday.", "=lift", "Harlow bans"),
    ("Harlow nurses march on Monday.", "", ""),
    ("Mayor Ada Lin stands accused of fraud.", "=accus", "Mayor Ada Lin"),
    ("Carthen University wants to replace its loans with grants.", "=repla",
     "Carthen University"),
    ("The port board is planning to launch a ferry line.", "begin", "The port board"),
    # announcing the noun of an act is that act; announcing that … is saying
    ("Mayor Ada Lin on Sunday announced her resignation from the board.", "resign",
     "Mayor Ada Lin"),
    ("The port board announced a ban on cruise ships.", "ban", "The port board"),
    ("Mayor Ada Lin announced Monday that the ban would end.", "", ""),
    # a place or a body the subject is of
    ("Dockworkers in Carthen have voted to strike.", "pass", "Dockworkers in Carthen"),
    ("Councillors on the Harlow port board rejected the levy.", "reject",
     "Councillors on the Harlow port board"),
    ("Mayor Ada Lin on Monday resigned from the board.", "resign", "Mayor Ada Lin"),
    # a subordinate clause with no comma: its subject is not the sentence's
    ("When Ada Lin resigned the port board fell silent.", "", ""),
    ("\u201cIf Ada Lin wants to explain the levy, let her do that.\u201d", "", ""),
    # a headline in lower case (`report`): a linking verb first is no verb after a subject
    ("remains of the old ferry were found on monday.", "", ""),
])
def test_a_copula_a_noun_a_present_and_a_place_read_as_english(lead: str, verb: str,
                                                               subject: str) -> None:
    assert act(lead) == Act(verb, tuple(subject.split())), lead


@pytest.mark.parametrize(("lead", "verb", "subject"), [
    # session 36: a raising verb in the passive: the act is the infinitive's
    ("Mayor Ada Lin is thought to have set the fire.", "=set", "Mayor Ada Lin"),
    ("The port clerk is believed to have resigned on Monday.", "resign", "The port clerk"),
    ("The port board is said to be weighing a levy.", "consider", "The port board"),
    ("The ferry is supposed to have been inspected every week.", "=inspe", "The ferry"),
    # "set", "expected", "plans" are words before the verb only before "to"
    ("The port board has set a date for the vote.", "=set", "The port board"),
    ("The port board is expected on Monday to approve the levy.", "pass", "The port board"),
    # a state after the copula is no act
    ("The outage appears to be related to a storm.", "", ""),
    ("The ferry line is based in Carthen.", "", ""),
    # a participle phrase after the subject, no comma: the main verb is past it
    ("Ferry lines funded by the port board will close next year.", "close", "Ferry lines"),
    ("A levy backed by the mayor has passed the council.", "pass", "A levy"),
    ("The man arrested on suspicion of arson is a Harlow clerk.", "", ""),
    ("Mayor Ada Lin took to the radio to attack what she called a tax.", "=tak",
     "Mayor Ada Lin"),
    ("Mayor Ada Lin said on Monday the port board will close the line.", "", ""),
    ("Mayor Ada Lin pointed out Tom Keller was absent.", "=point", "Mayor Ada Lin"),
    # a count's qualifier and figure are no words of the subject
    ("At least 12 dockworkers were injured in the blast.", "=injur", "dockworkers"),
    ("More than 200 nurses marched on Monday.", "=march", "nurses"),
    ("Nearly 1.5 million workers filed claims last week.", "=fil", "workers"),
    ("At least a dozen ferries were stranded on Monday.", "=stran", "ferries"),
    # appearing is testifying only before a committee or at a hearing
    ("Mayor Ada Lin appeared on a Harlow radio show on Sunday.", "=appea", "Mayor Ada Lin"),
    ("Mayor Ada Lin appeared before the port committee on Sunday.", "testify",
     "Mayor Ada Lin"),
    ("Mayor Ada Lin appears at a council hearing on Monday.", "testify", "Mayor Ada Lin"),
    # a negated act is another fact than the act
    ("The governor did not sign the ferry bill.", "not sign", "The governor"),
    ("The governor never signed the ferry bill.", "not sign", "The governor"),
    ("Mayor Ada Lin won't run for a second term.", "not =run", "Mayor Ada Lin"),
    ("The port board isn't rolling out the levy.", "not unveil", "The port board"),
    ("Mayor Ada Lin said she would not resign.", "not resign", "Mayor Ada Lin"),
    ("The port board declined to file charges against the clerk.", "not =charg",
     "The port board"),
    ("The port board will not bring charges against the clerk.", "not =charg", "The port board"),
    ("Ferry fares declined to the lowest level in years.", "=decli", "Ferry fares"),
    # a negation after a modal tells what may be, no act done or not
    ("Mayor Ada Lin may not block critics, a judge ruled.", "", ""),
    ("The port board cannot close the line, a judge ruled.", "", ""),
    # a capitalised word after "to" is no verb
    ("Harlow nurses are going to Carthen this weekend.", "", ""),
])
def test_raising_participle_phrases_counts_appearing_and_negations(lead: str, verb: str,
                                                                  subject: str) -> None:
    assert act(lead) == Act(verb, tuple(subject.split())), lead


def test_a_negated_act_is_never_the_act_told_again() -> None:
    signed = "Governor Ada Lin signed the ferry bill on Monday."
    for negated in ("Governor Ada Lin did not sign the ferry bill on Monday.",
                    "Governor Ada Lin never signed the ferry bill on Monday.",
                    "Governor Ada Lin won't sign the ferry bill on Monday."):
        assert act(negated).negated, negated
        assert not same_act(negated, [signed]) and not same_act(signed, [negated]), negated
        assert not told_otherwise(negated, [signed], 2), negated
        assert not told_otherwise(signed, [negated], 2), negated
    assert same_act("Governor Ada Lin did not sign the ferry bill on Monday.",
                    ["Governor Ada Lin has not signed the ferry bill on Monday."])
