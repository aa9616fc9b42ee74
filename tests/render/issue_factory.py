"""A realistic Issue for render and publish tests (tests/publish loads this file by path).

Modelled on the target style (seeds/001): three featured stories, a few "Also this week"
items, a TL;DR, an explainer with CJK text, one failed source.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from digest.models import (
    QA,
    ArticleStatus,
    Citation,
    Explainer,
    Issue,
    Newsletter,
    Period,
    Sentence,
    SourceHealth,
    Story,
)

TZ = timezone(timedelta(hours=8))
START = datetime(2026, 3, 2, tzinfo=TZ)
END = datetime(2026, 3, 9, tzinfo=TZ)

NEWSLETTER = Newsletter(
    title="China AI Digest",
    description="A weekly digest of AI news from China.",
    topics=("artificial intelligence", "AI governance"),
    timezone="Asia/Shanghai",
    base_url="https://news.example.org/digest/",
    language="en",
    author="Alex Editor",
)


def cite(outlet: str, slug: str, title: str, day: int = 3) -> Citation:
    return Citation(url=f"https://{outlet.lower().replace(' ', '')}.example.com/{slug}",
                    title=title, source=outlet,
                    published=START + timedelta(days=day - 2, hours=9))


def sent(text: str, *cites: Citation) -> Sentence:
    return Sentence(text=text, sources=tuple(c.url for c in cites))


def _featured() -> tuple[Story, ...]:
    a = cite("Global Times", "wic-2026", "World Internet Conference opens in Wuzhen")
    b = cite("Peoples Daily", "wic-committee", "Committee to build AI consensus", 4)
    c = cite("Xinhua", "wic-xi", "Xi congratulates summit", 4)
    d = cite("CAC Bulletin", "clean-bright", "Clean and Bright campaign targets algorithms", 5)
    e = cite("SCMP", "hk-deepfake", "Lawmakers targeted in deepfake blackmail", 6)
    f = cite("HKFP", "hk-deepfake-2", "Legislators receive blackmail emails", 6)
    return (
        Story(rank=1, section="in_our_feeds", headline="The Summit of Their Ambitions",
              sentences=(
                  sent("Industry leaders and officials gathered in Wuzhen for the World "
                       "Internet Conference, the “highest-level” event in China’s digital "
                       "industry.", a),
                  sent("Politburo Standing Committee member Ding Xuexiang (丁薛祥) called for "
                       "international cooperation on AI governance.", c),
                  sent("According to the People’s Daily, a new committee of over 100 experts "
                       "will “build international consensus” on AI.", b),
              ), articles=(a, b, c), score=0.91, why="3 outlets, high topic match"),
        Story(rank=2, section="in_our_feeds",
              headline="Pushing Back Against Push Notifications",
              sentences=(
                  sent("The Cyberspace Administration of China launched an inspection "
                       "campaign to overhaul platform algorithms.", d),
                  sent("Until mid-February the agency will combat addiction and "
                       "“information cocoons”.", d),
              ), articles=(d,), score=0.74, why="official source"),
        Story(rank=3, section="in_our_feeds", headline="Sex and the City Councillors",
              sentences=(
                  sent("Several Hong Kong legislators were targeted by a blackmailer using "
                       "AI deepfakes.", e, f),
                  sent("One target said such cases are common but originate outside the "
                       "city.", e),
              ), articles=(e, f), score=0.66, why="2 outlets"),
    )


def _also() -> tuple[Story, ...]:
    items = []
    for i, (outlet, head) in enumerate([
        ("Caixin", "Baidu cuts Ernie API prices again"),
        ("36Kr", "Shanghai AI fair draws 300 exhibitors"),
        ("TechNode", "Vidu 1.5 merges multiple images into video"),
    ]):
        c = cite(outlet, f"also-{i}", head)
        items.append(Story(rank=4 + i, section="also", headline=head,
                           sentences=(sent(head + ".", c),), articles=(c,), score=0.3 - i / 100))
    return tuple(items)


def make_issue(**overrides: object) -> Issue:
    featured, also = _featured(), _also()
    a = featured[0].articles[0]
    explainer = Explainer(
        entity="China AI Industry Development Alliance (中国人工智能产业发展联盟)",
        aliases=("AIIA",),
        why="Named in two of this week's stories.",
        qa=(
            QA("Which is?", (sent("AIIA for short: an industry forum of China's AI "
                                  "companies.", a),)),
            QA("Who's in it?", (sent("Huawei, Baidu, Alibaba and Tencent, among over 1,000 "
                                     "members.", a),)),
        ),
    )
    stories = featured + also
    articles = (*tuple(ArticleStatus(url=c.url, title=c.title, source=c.source, published=c.published, language="en", status="used", story=s.rank) for s in stories for c in s.articles), ArticleStatus(url="https://caixin.example.com/dup", title="Dup", source="Caixin", published=START, language="en", status="duplicate", duplicate_of=also[0].articles[0].url), ArticleStatus(url="https://sports.example.com/x", title="Football", source="Sports", published=START, language="en", status="off_topic", reason="no topic keyword"))
    sources = (
        SourceHealth(name="Global Times", url="https://globaltimes.example.com/feed",
                     status="ok", items=20, new_items=4, http_status=200, seconds=0.4),
        SourceHealth(name="SCMP", url="https://scmp.example.com/rss", status="not_modified",
                     http_status=304, seconds=0.1),
        SourceHealth(name="Broken Wire", url="https://broken.example.com/feed", status="error",
                     error="HTTP 500 Internal Server Error", http_status=500,
                     consecutive_failures=3, seconds=1.2),
    )
    issue = Issue(
        key="2026-W10",
        title="China AI Digest — 2–8 March 2026",
        period=Period(key="2026-W10", start=START, end=END),
        newsletter=NEWSLETTER,
        intro="This week: the Wuzhen summit's AI ambitions, a crackdown on recommendation "
              "algorithms, and deepfake blackmail in Hong Kong.",
        stories=stories,
        tldr=(sent("Party elites keep harnessing AI for productivity and influence, while "
                   "its disruptions are only partly under control.", a),),
        explainer=explainer,
        explainer_note=None,
        articles=articles,
        sources=sources,
        editor="offline",
        notes=(),
    )
    return replace(issue, **overrides)  # type: ignore[arg-type]


def make_quiet_issue() -> Issue:
    return make_issue(stories=(), tldr=(), explainer=None,
                      explainer_note="No entity recurred this week.", articles=(),
                      intro="A quiet week on our topics.")


def make_issue_for(key: str, week_offset: int) -> Issue:
    """Another week's issue (for archive/feed tests): shifted by whole weeks."""
    shift = timedelta(weeks=week_offset)
    base = make_issue()
    return replace(base, key=key, title=f"China AI Digest — {key}",
                   period=Period(key=key, start=START + shift, end=END + shift))


def make_huge_issue(n_also: int = 1500) -> Issue:
    """A week so big the email would pass Gmail's clip size without the budget."""
    also = []
    for i in range(n_also):
        c = cite(f"Outlet{i % 40}", f"big-{i}", f"A long headline number {i} about AI chips")
        also.append(Story(rank=4 + i, section="also",
                          headline=f"Item {i}: a fairly long headline about AI chips and policy",
                          sentences=(sent("x.", c),), articles=(c,)))
    return make_issue(stories=_featured() + tuple(also))
