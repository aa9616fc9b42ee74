"""A realistic Issue for render and publish tests (tests/publish loads this file by path).

Shaped like the target style (three featured stories, a few "Also this week" items, a
TL;DR, an explainer with CJK text, one failed source). All content is our own fiction,
drawn from the sample world in samples/ (see samples/README.md), never from seed text.
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
    a = cite("Harbor Ledger", "west-lake-dialogue", "Hangzhou forum opens with call for open AI")
    b = cite("Meridian Tech Review", "hangzhou-statement", "Hangzhou Statement gets 23 signatures", 4)
    c = cite("Keji Guancha", "xihu-dialogue", "West Lake Dialogue closes in Hangzhou", 4)
    d = cite("Lantern Daily", "clear-feed", "Clear Feed campaign takes aim at recommendation feeds", 5)
    e = cite("Harbor Ledger", "qingwan-deepfake", "Qingwan councillors sent deepfake ransom notes", 6)
    f = cite("Lantern Daily", "qingwan-councillors", "Councillors speak out about faked images", 6)
    return (
        Story(rank=1, section="in_our_feeds", headline="Open Models, Open Arms",
              sentences=(
                  sent("Delegates spent two days beside the lake at Hangzhou’s West Lake "
                       "Dialogue on AI Governance, billed by its hosts as the “open but safe” "
                       "forum for the region.", a),
                  sent("Prof. Lin Qiaoyun (林巧云) of the East China Academy of Computing will "
                       "chair a new panel that writes shared safety tests for open-weight "
                       "models.", c),
                  sent("Meridian Tech Review counted 23 delegations signing a non-binding "
                       "“Hangzhou Statement”, while Washington sent only observers.", b),
              ), articles=(a, b, c), score=0.91, why="3 outlets, high topic match"),
        Story(rank=2, section="in_our_feeds",
              headline="Clearing the Feed",
              sentences=(
                  sent("A platform regulator’s “Clear Feed” (清源) campaign gives apps until "
                       "next spring to rethink how their recommendation feeds behave.", d),
                  sent("The off switch for personalised feeds now has to sit on the first "
                       "settings screen, not three menus down.", d),
              ), articles=(d,), score=0.74, why="regulator's notice"),
        Story(rank=3, section="in_our_feeds", headline="Councillors in the Frame",
              sentences=(
                  sent("Six Qingwan city councillors opened emails holding face-swapped "
                       "pictures of themselves and a demand to pay up in stablecoins.", e, f),
                  sent("Two of them went public, arguing that silence is exactly what the "
                       "sender is betting on.", f),
              ), articles=(e, f), score=0.66, why="2 outlets"),
    )


def _also() -> tuple[Story, ...]:
    items = []
    for i, (outlet, head) in enumerate([
        ("Lantern Daily", "Shenzhen puts 1.5 billion yuan into cheaper robot parts"),
        ("Bamboo Wire", "Nine humanoid robots limp over the Suzhou finish line"),
        ("Meridian Tech Review", "Qiantang Labs opens up the weights of Lingxi-3"),
    ]):
        c = cite(outlet, f"also-{i}", head)
        items.append(Story(rank=4 + i, section="also", headline=head,
                           sentences=(sent(head + ".", c),), articles=(c,), score=0.3 - i / 100))
    return tuple(items)


def make_issue(**overrides: object) -> Issue:
    featured, also = _featured(), _also()
    a = featured[0].articles[0]
    explainer = Explainer(
        entity="Asia Open Model Alliance (亚洲开放模型联盟)",
        aliases=("AOMA",),
        why="Named in two of this week's stories.",
        qa=(
            QA("Which is?", (sent("AOMA for short: a Hangzhou club of labs and firms that "
                                  "write shared tests for open models.", a),)),
            QA("Who's in it?", (sent("Qiantang Labs, Nanfeng Cloud and Hanqiao Semiconductor, "
                                     "among more than 300 members.", a),)),
        ),
    )
    stories = featured + also
    articles = (*tuple(ArticleStatus(url=c.url, title=c.title, source=c.source, published=c.published, language="en", status="used", story=s.rank) for s in stories for c in s.articles), ArticleStatus(url="https://lanterndaily.example.com/dup", title="Dup", source="Lantern Daily", published=START, language="en", status="duplicate", duplicate_of=also[0].articles[0].url), ArticleStatus(url="https://lanterndaily.example.com/football", title="Qingwan Harbour win the derby", source="Lantern Daily", published=START, language="en", status="off_topic", reason="no topic keyword"))
    sources = (
        SourceHealth(name="Harbor Ledger", url="https://harborledger.example.com/feed",
                     status="ok", items=20, new_items=4, http_status=200, seconds=0.4),
        SourceHealth(name="Lantern Daily", url="https://lanterndaily.example.com/feed.json",
                     status="not_modified", http_status=304, seconds=0.1),
        SourceHealth(name="Broken Wire", url="https://broken.example.com/feed", status="error",
                     error="HTTP 500 Internal Server Error", http_status=500,
                     consecutive_failures=3, seconds=1.2),
    )
    issue = Issue(
        key="2026-W10",
        title="China AI Digest — 2–8 March 2026",
        period=Period(key="2026-W10", start=START, end=END),
        newsletter=NEWSLETTER,
        intro="This week: Hangzhou's pitch for open AI, a regulator tidying up "
              "recommendation feeds, and deepfake extortion in Qingwan.",
        stories=stories,
        tldr=(sent("Open models are becoming a calling card abroad, while at home "
                   "regulators are still catching up with the feeds and fakes they enable.",
                   a),),
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
