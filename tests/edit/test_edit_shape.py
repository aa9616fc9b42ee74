"""The editor's shape: one read of each article, one verdict each, one settings object; the
TL;DR as one through-line, the intro as what the issue covers, the Explainer's answers.
Every text is made up for the test."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from digest.edit import edit_issue
from digest.edit.lexicon import CJK_RE, dangles
from digest.edit.proof.sources import Sources
from digest.edit.select import select
from digest.edit.settings import QUESTIONS, ExplainerSettings, Settings, TldrSettings
from digest.edit.week import read
from digest.edit.write.casing import in_running_text, prose_counts
from digest.edit.write.grounding import trace
from digest.edit.write.intro import _definite, _definition
from digest.edit.write.timeline import dated_before
from digest.edit.write.tldr import _a_place
from digest.models import QA, Article, Explainer, Issue, Newsletter, Period, Sentence
from digest.sentences import split_sentences

MakeArticle = Callable[..., Article]

FORUM_A = ("The Ningbo Port Forum opened on Tuesday, drawing 400 delegates from 30 countries to "
           "talks on shared shipping data. The forum is co-hosted by the Harbour Data Alliance "
           "(HDA), a standards body headquartered in Ningbo. Delegates signed a statement on "
           "open port data on Wednesday.")
FORUM_B = ("Delegates from 30 countries signed a statement on open port data as the Ningbo Port "
           "Forum closed on Wednesday. The Harbour Data Alliance (HDA) said the statement would "
           "shape how ports share cargo records. Ports in the Harbour Data Alliance (HDA) will "
           "apply the statement first. Critics said the statement was vague.")
FINES_A = ("The Carthen Data Board fined three map apps on Monday for selling location data, "
           "giving them 30 days to delete it. The fines total 4 million crowns. The Harbour "
           "Data Alliance (HDA) welcomed the fines, saying they would force apps to log every "
           "transfer.")
FINES_B = ("Three map apps must delete the location data they sold, the Carthen Data Board said. "
           "Second, the board wants insurers to stop buying it. One of them, Waymark, said it "
           "would appeal. Insurers in the Harbour Data Alliance (HDA) stopped buying map data "
           "in June.")
TIDE_A = ("Coastline Shipping on Friday released Tidewatch, an open data set of cargo records "
          "from 40 ports, under a permissive licence. Tidewatch follows the Harbour Data "
          "Alliance (HDA) data-sharing standard published in March. The company said 12 ports "
          "had already used it.")
TIDE_B = ("Tidewatch, a cargo data set from Coastline Shipping, covers 40 ports across Asia. "
          "HDA's member list of more than 200 firms includes Coastline Shipping and Ningbo Port "
          "Group. Analysts said the release could cut the cost of port software.")
ZH = ("海港数据联盟（HDA）于2018年在宁波成立，目前成员企业超过200家。海港数据联盟本周发布了数据共享标准，"
      "宁波港口论坛在宁波开幕。")


def _week(make: MakeArticle) -> list[Article]:
    return [
        make(FORUM_A, source="Quay Times", title="Ningbo Port Forum opens", day=1),
        make(FORUM_B, source="Harbour Wire", title="Port statement signed in Ningbo", day=2),
        make(FINES_A, source="Map Post", title="Carthen fines map apps", day=0.5),
        make(FINES_B, source="Data Daily", title="Map apps told to delete data", day=1.5),
        make(TIDE_A, source="Cargo Review", title="Coastline opens Tidewatch data", day=4),
        make(TIDE_B, source="Quay Times", title="Tidewatch covers 40 ports", day=4.5),
        make(ZH, source="海港日报", title="宁波港口论坛开幕 海港数据联盟发布标准", day=1,
             language="zh"),
        make(FORUM_A, source="Copy Desk", title="Ningbo Port Forum opens", day=3),
        make("Preheat the oven and bake the bread for forty minutes until golden.",
             source="Kitchen", title="Bread", day=2),
    ]


NEWSLETTER = Newsletter(title="Port Data Weekly", topics=("port data", "data"), max_stories=3)


def _issue(period: Period, make: MakeArticle, settings: Settings | None = None,
           arts: list[Article] | None = None) -> Issue:
    return edit_issue(period, arts or _week(make), newsletter=NEWSLETTER, sources=[], health=[],
                      settings=settings)


def test_every_article_is_read_once_and_judged_once(period: Period,
                                                     make_article: MakeArticle) -> None:
    arts = _week(make_article)
    reads = read(arts)
    assert reads[0].lines is reads[0].lines and reads[0].mentions is reads[0].mentions
    week = select(reads, period, NEWSLETTER, [])
    assert len(week.verdicts) == len(arts)
    statuses = [v.status for v in week.verdicts]
    assert statuses[7] == "duplicate" and week.verdicts[7].duplicate_of == 0
    assert statuses[8] == "off_topic" and week.verdicts[8].reason
    assert week.cite(reads[0]) == (arts[0].url, arts[7].url)  # a copy is cited with its original
    issue = _issue(period, make_article, arts=arts)
    by_url = {a.url: a for a in issue.articles}
    assert by_url[arts[7].url].story == by_url[arts[0].url].story is not None


def test_tldr_is_one_through_line(period: Period, make_article: MakeArticle) -> None:
    issue = _issue(period, make_article)
    texts = [s.text for s in issue.tldr]
    assert 2 <= len(texts) <= 3, texts
    # The thread is the alliance three stories name: the TL;DR tells what it did in each of
    # them, a source sentence per story that names it (no count of stories, which is the
    # issue's arithmetic, not news); none leans on a sentence not printed, none is chained.
    assert not any("runs through" in t or "stories in this issue" in t for t in texts), texts
    assert all("HDA" in t or "Harbour Data Alliance" in t for t in texts), texts
    assert not any(dangles(t) or t.startswith(("And ", "Meanwhile", "Elsewhere")) for t in texts)
    story_of = {c.url: k for k, story in enumerate(issue.stories) for c in story.articles}
    assert len({story_of[s.sources[0]] for s in issue.tldr}) == len(texts)  # one per story
    sources = [x for a in _week(make_article) for x in split_sentences(a.text)]
    assert all(trace(s.text, sources) for s in issue.tldr)
    assert issue.explainer is not None  # the Explainer keeps its sentences; none is repeated
    assert not set(texts) & {s.text for q in issue.explainer.qa for s in q.answer}
    one = _issue(period, make_article, Settings(tldr=TldrSettings(sentences=1)))
    assert len(one.tldr) == 1


def test_tldr_tells_no_background_dated_before_the_week(period: Period,
                                                     make_article: MakeArticle) -> None:
    """A thread sentence that dates its act before its article's month ("in October" in a
    November article) is background, not what the thread did this week."""
    arts = _week(make_article)
    tide = TIDE_B.replace("HDA's member list of more than 200 firms includes Coastline Shipping "
                          "and Ningbo Port Group.", "HDA added Coastline Shipping and Ningbo "
                          "Port Group to its member list in October.")
    arts[5] = make_article(tide, source="Quay Times", title="Tidewatch covers 40 ports", day=4.5)
    texts = [s.text for s in _issue(period, make_article, arts=arts).tldr]
    assert texts and not any("in October" in t for t in texts), texts
    published = date(2026, 11, 18)
    assert dated_before("It published a test suite in October.", published)
    assert dated_before("It was founded in 2019.", published)
    assert dated_before("It fined them last year.", published)
    assert not dated_before("It will publish a standard in December.", published)
    assert not dated_before("It met on October 12.", published)  # a day: event_day's
    assert not dated_before("It opened on Tuesday in Hangzhou.", published)
    # a date inside an aside between commas dates what the subject names, not the act
    assert not dated_before("The levy, passed in 2019, takes effect this week.", published)
    assert not dated_before("The quay, which opened in 2019, closed on Monday.", published)
    assert not dated_before("Lin, who was elected in October, resigned.", published)
    assert dated_before("The levy, passed in 2019, took effect last year.", published)
    assert dated_before("The port, when it opened in 2019, cut fares.", published)
    assert dated_before("Lin's lawyers, in a letter, demanded that she retract a remark she "
                        "made last month, calling it false.", published)  # the main verb
    assert dated_before("Lin, the harbour's former chief, resigned last month, sources said.",
                        published)


def test_a_thread_ties_a_share_of_the_week_and_is_no_place(period: Period,
                                                          make_article: MakeArticle) -> None:
    # A name the sources write after "in" or "at" is where news happens, not what ties it.
    src = Sources(("Cases rose in the United States on Monday, and the United States said so.",
                   "Officials at the United States embassy met the Harbour Data Alliance."))
    assert _a_place(["United States"], src, TldrSettings())
    assert not _a_place(["Harbour Data Alliance"], src, TldrSettings())
    # No thread (every name a place, or none in enough of the stories): one line, from the
    # story the intro names first, so the TL;DR and the intro agree on what leads the issue.
    for tune in (TldrSettings(place_share=0.0), TldrSettings(thread_share=1.5)):
        issue = _issue(period, make_article, Settings(tldr=tune))
        assert len(issue.tldr) == 1 and "runs through" not in issue.tldr[0].text, issue.tldr
        assert issue.intro.startswith("This week in Port Data Weekly: the Ningbo Port Forum")
        assert issue.tldr[0].text.startswith("The Ningbo Port Forum opened"), issue.tldr


def test_intro_says_what_the_issue_covers(period: Period, make_article: MakeArticle) -> None:
    issue = _issue(period, make_article)
    # One sentence naming the featured stories as a reader would say them: a subject that is
    # only a name ("the Ningbo Port Forum", "Carthen") tells nothing, so the headline's
    # clause in running text, "the" restored and a cut name written out; then the
    # Explainer with its definition. No headline quoted.
    assert issue.intro.startswith("This week in Port Data Weekly: the Ningbo Port Forum "
                                  "opens; Coastline Shipping opens Tidewatch data; and the "
                                  "Carthen Data Board fines map apps, "), issue.intro
    assert ("with an explainer on the Harbour Data Alliance (HDA), a standards body"
            in issue.intro)
    assert "“" not in issue.intro and not re.search(r"\d+ (stor|sources|articles)", issue.intro)


def test_the_intros_explainer_says_its_alias_once() -> None:
    def explainer(entity: str, which: str) -> Explainer:
        return Explainer(entity, (), "", (QA("Which is?", (Sentence(which, ("u",)),)),))
    # "… Observers (MFO), an independent peacekeeping body known as MFO": said twice
    mfo = explainer("Carthen Force and Observers (CFO)", "The Carthen Force and Observers is "
                    "an independent peacekeeping body known as CFO.")
    assert _definite(mfo.entity) + _definition(mfo) == (
        "the Carthen Force and Observers (CFO), an independent peacekeeping body")
    hda = explainer("Harbour Data Alliance (HDA)", "The Harbour Data Alliance is a standards "
                    "body (HDA).")
    assert _definition(hda) == ", a standards body"
    # another alias stays: it is news
    old = explainer("Harbour Data Alliance (HDA)", "The Harbour Data Alliance is a standards "
                    "body known as the Port Club.")
    assert _definition(old) == ", a standards body known as the Port Club"


def test_explainer_answers_in_the_issues_language_without_repeats(
        period: Period, make_article: MakeArticle) -> None:
    issue = _issue(period, make_article)
    exp = issue.explainer
    assert exp is not None and "Harbour Data Alliance" in exp.entity
    answers = {q.question: [s.text for s in q.answer] for q in exp.qa}
    texts = [t for ts in answers.values() for t in ts]
    assert not any(CJK_RE.search(t) and not re.search(r"[A-Za-z]{3}", t) for t in texts)
    assert "Been around long?" not in answers  # only the Chinese article says; an English issue
    assert not any(dangles(t) for t in texts)
    assert sum("200" in t for t in texts) <= 1
    cues = dict(QUESTIONS)
    for t in answers.get("Why does it matter?", []):
        assert re.search(cues["Why does it matter?"], t, re.IGNORECASE), t
    # A Chinese issue answers in Chinese.
    zh = edit_issue(period, _week(make_article), newsletter=replace(NEWSLETTER, language="zh"),
                    sources=[], health=[])
    if zh.explainer is not None:
        assert all(CJK_RE.search(s.text) for q in zh.explainer.qa for s in q.answer)


def test_settings_change_behaviour_without_patching(period: Period,
                                                    make_article: MakeArticle) -> None:
    strict = Settings(explainer=ExplainerSettings(min_articles=50))
    issue = _issue(period, make_article, strict)
    assert issue.explainer is None and "No Explainer" in (issue.explainer_note or "")


def test_dangling_openers() -> None:
    for text in ["Second, the board wants insurers to stop buying it.",
                 "One of them, Waymark, said it would appeal.", "It will be chaired by Ada Lin.",
                 "The move could cut costs.", "These marks must survive compression.",
                 "HDA, she said, would publish a test.", "Meanwhile, ports waited.", "该联盟成立于2018年。"]:
        assert dangles(text), text
    for text in ["The Ningbo Port Forum opened on Tuesday.", "HDA said it would publish a test.",
                 "The second phase of the rules took effect.", "海港数据联盟于2018年成立。",
                 "The campaign against feeds began.",
                 "The port is grieving after this weekend's storm."]:
        assert not dangles(text), text


def test_a_headline_in_running_text_keeps_only_the_capitals_prose_gives_it() -> None:
    prose = prose_counts(["The regulator launched the Clear Feed campaign, which runs until "
                          "March. Officials at the Hangzhou Statement talks met China's "
                          "ministers. Delegates from twenty-three countries said AI needs rules."])
    assert in_running_text("Regulator Launches Clear Feed Campaign", prose) == (
        "regulator launches Clear Feed campaign")
    assert in_running_text("China's AI rules enter phase two", prose) == (
        "China's AI rules enter phase two")
    assert in_running_text("Twenty-three countries sign Hangzhou Statement", prose) == (
        "twenty-three countries sign Hangzhou Statement")
    # A word the articles never write: in Title Case nothing says it is a name; in a
    # sentence-case headline its capital is the writer's.
    assert in_running_text("Regulator Fines Ships", prose) == "regulator fines ships"
    assert in_running_text("Regulator fines Corvane", prose) == "regulator fines Corvane"


def test_a_name_in_single_quotes_keeps_its_capitals() -> None:
    # The closing quote is no part of the word: "Feed'" would be looked up as written and, the
    # articles writing "feeds" in lower case more often, lose its capital ("'Clear feed'").
    prose = prose_counts(['The campaign, named "Clear Feed" (清源), targets feeds that keep '
                          "minors scrolling, and their feeds must change. Apps' feeds too."])
    assert in_running_text("a four-month 'Clear Feed' campaign against addictive feeds",
                           prose) == "a four-month 'Clear Feed' campaign against addictive feeds"
    assert in_running_text("Users' feeds change", prose) == "users' feeds change"


def test_a_prefix_before_a_name_is_lower_cased_in_running_text() -> None:
    prose = prose_counts(["The board fired its former FBI liaison on Monday."])
    assert in_running_text("Board fires Ex-FBI Liaison", prose) == "board fires ex-FBI liaison"
    assert in_running_text("Anti-Brexit march fills Oakfield", prose, mid=True) == (
        "anti-Brexit march fills Oakfield")
    # a sentence's own first word keeps it
    assert in_running_text("Ex-FBI liaison fired", prose).startswith("Ex-FBI")


def test_a_quotation_in_a_sentence_case_headline_keeps_its_speakers_capitals() -> None:
    # The articles write "fake news" in lower case; the minister's post, quoted, does not.
    prose = prose_counts(["The minister called the report fake news on Sunday. Critics said "
                          "fake news was his answer to every question about the fake news."])
    assert in_running_text("Minister calls report 'a Pack of Lies and Fake News' on Sunday",
                           prose) == "minister calls report 'a Pack of Lies and Fake News' on Sunday"
    assert in_running_text('Minister calls report "Fake News"', prose) == (
        'minister calls report "Fake News"')
    # in a Title Case headline the quotation's capitals are the headline's
    assert in_running_text("Minister Calls Report 'Fake News' On Sunday", prose) == (
        "minister calls report 'fake news' on Sunday")


def test_a_tldr_without_a_thread_reports_rather_than_judges(period: Period,
                                                             make_article: MakeArticle) -> None:
    """No name runs through the stories: the TL;DR is the lead story's main clause, and an
    opinion piece's judgement ("… are weaponizing …") is its writer's, not the issue's: the
    TL;DR takes the lead story's first sentence that reports."""
    opinion = ("Harbour unions are weaponizing the dock strike to punish shippers. Dockworkers "
               "at Quayside walked out on Monday after talks on night-shift pay broke down, "
               "halting 40 cargo ships. The port authority said talks would resume on Friday.")
    bakery = ("A bakery in Lowmoor won the national bread prize on Thursday with a rye loaf "
              "baked in a wood oven. The judges tasted 300 loaves over two days.")
    arts = [make_article(opinion, source="Quay Times", title="Dock strike halts Quayside", day=5),
            make_article(bakery, source="Lowmoor Post", title="Lowmoor bakery wins prize", day=0.5)]
    issue = edit_issue(period, arts, newsletter=Newsletter(title="Harbour Weekly", max_stories=3),
                       sources=[], health=[])
    texts = [s.text for s in issue.tldr]
    assert len(texts) == 1, texts  # one plain line: no second lead chained on
    assert not any("weaponizing" in t for t in texts), texts


def test_the_tldrs_thread_sentence_is_the_story_the_intro_leads_with(
        period: Period, make_article: MakeArticle) -> None:
    # issue 11 (weeks 3, 16): the TL;DR's first sentence was the top story naming the thread,
    # which the intro may count rather than name ("Ningbo: Forum" tells nothing): the two then
    # disagreed on what leads. The story the intro names first carries the thread first when
    # it names it.
    arts = _week(make_article)
    for k in (0, 7):
        arts[k] = replace(arts[k], title="Ningbo: Forum")
    arts[1] = replace(arts[1], title="Forum")
    issue = edit_issue(period, arts, newsletter=NEWSLETTER, sources=[], health=[])
    assert issue.stories[0].headline == "Ningbo: Forum"
    assert issue.intro.startswith("This week in Port Data Weekly: Coastline Shipping opens "
                                  "Tidewatch data; "), issue.intro
    lead = {c.url for c in issue.stories[1].articles}
    assert len(issue.tldr) >= 2 and set(issue.tldr[0].sources) <= lead, issue.tldr


def test_an_articles_sentences_are_read_once_as_far_as_a_room_asks(
        make_article: MakeArticle) -> None:
    # Each sentence and what a copy editor strikes it for (`Line.fault`) is read once, when a
    # room first asks, and every room (the "Also" line's lead, the TL;DR's whole read) gets
    # the same reading.
    r = read([make_article(FORUM_A)])[0]
    lead = next(r.reading())
    assert next(r.reading()) is lead and r.lines[0] is lead
    assert len(r.lines) == len(split_sentences(FORUM_A)) and r.lines[0].fault is None
    cut = read([make_article("Delegates from 30 countries met on Tuesday in Ningbo to agree on "
                             "the shared rules…")])[0]
    assert cut.lines[0].fault and cut.lines[0].furniture


def _two_outlets(make_article: MakeArticle, k: int, text: str, title: str) -> list[Article]:
    """Story `k`: `text` under `title` from two outlets, half a day apart."""
    return [make_article(text, source=f"Outlet {k}{j}", title=title, day=1 + k + j / 2)
            for j in range(2)]


def _harbour_tldr(period: Period, make_article: MakeArticle,
                  stories: list[tuple[str, str]]) -> list[str]:
    """The TL;DR of a three-story week, each story (text, title) from two outlets."""
    arts = [a for k, (text, title) in enumerate(stories)
            for a in _two_outlets(make_article, k, text, title)]
    issue = edit_issue(period, arts, newsletter=Newsletter(title="Harbour Weekly",
                                                           max_stories=3),
                       sources=[], health=[])
    return [s.text for s in issue.tldr]


def test_a_persons_thread_is_what_they_did(period: Period, make_article: MakeArticle) -> None:
    # A person runs through a story by what they did there, as its subject: "… to take on
    # Mayor Lin Tao" meets her in passing, and a TL;DR line on it ties nothing.
    texts = _harbour_tldr(period, make_article, [
        ("Mayor Lin Tao opened the new Ningbo ferry terminal on Monday, a year late. "
         "The terminal cost 90 million crowns.", "Ningbo ferry terminal opens"),
        ("Mayor Lin Tao signed the harbour budget on Wednesday, cutting port fees for "
         "fishing boats by a third. Fishers had asked for the cut.",
         "Harbour budget cuts port fees"),
        ("Councillor Ada Quill launched her campaign to unseat Mayor Lin Tao on Thursday "
         "over the ferry delays. Quill led the transport committee.",
         "Quill launches mayoral campaign"),
    ])
    assert len(texts) == 2 and all(t.startswith("Mayor Lin Tao") for t in texts), texts


def test_a_persons_thread_shares_a_theme_where_they_are_no_subject(
        period: Period, make_article: MakeArticle) -> None:
    # Where the person is no sentence's subject, two stories still tie by what their
    # sentences share beyond the name and its title: an impeachment in each.
    texts = _harbour_tldr(period, make_article, [
        ("Ningbo City Council voted 12 to 9 on Monday to open an impeachment inquiry into "
         "Mayor Lin Tao over the harbour dredging contracts. Councillors debated for six "
         "hours in the old town hall while dock workers protested outside. The contracts, "
         "worth 40 million crowns, went to a firm owned by a cousin of hers.",
         "Council votes to open harbour contracts inquiry"),
        ("Ferry crews walked off the job on Thursday, halting crossings to the three "
         "islands for the first time in a decade. Union leader Mo Chen said crews would "
         "stay out until the impeachment inquiry into Mayor Lin Tao ends. Island shops "
         "ran short of bread and milk by evening.",
         "Ferry strike halts island crossings"),
        ("Councillor Ada Quill launched her campaign to unseat Mayor Lin Tao on Friday "
         "over the bakery tax. Quill led the finance committee.",
         "Quill launches mayoral campaign"),
    ])
    assert len(texts) == 2 and all("impeachment inquiry" in t for t in texts), texts
