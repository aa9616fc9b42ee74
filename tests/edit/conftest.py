"""Fixtures for the editor: a small hand-written week of articles (our own text)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from digest.models import Article, Newsletter, Period
from digest.text import content_hash

WEEK_START = datetime(2026, 11, 16, tzinfo=UTC)

MakeArticle = Callable[..., Article]


@pytest.fixture
def period() -> Period:
    return Period("2026-W47", WEEK_START, WEEK_START + timedelta(days=7))


@pytest.fixture
def newsletter() -> Newsletter:
    return Newsletter(title="China Chatbot", topics=("artificial intelligence", "AI",
                      "algorithm regulation", "人工智能"), max_stories=2)


@pytest.fixture
def make_article() -> MakeArticle:
    counter = iter(range(10_000_000))

    def make(text: str | tuple[str, ...], *, source: str = "Outlet", title: str = "A title",
             url: str | None = None, day: float = 1.0, language: str = "en") -> Article:
        paragraphs = (text,) if isinstance(text, str) else text
        n = next(counter)
        when = WEEK_START + timedelta(days=day)
        return Article(source=source, guid=f"g{n}", url=url or f"https://{source.lower().replace(' ', '-')}.example/{n}",
                       title=title, paragraphs=tuple(p for p in paragraphs if p), published=when,
                       first_seen=when, content_hash=content_hash(paragraphs), language=language)

    return make


CAC_A = (
    "The Cyberspace Administration of China (CAC) has launched an inspection campaign to overhaul "
    "the recommendation algorithms of internet platforms. The campaign will run until mid-February, "
    "the agency said on Monday. Officials said recommendation algorithms create information cocoons "
    "by pushing similar content to users. The CAC said users must be given greater control over the "
    "content they are shown. Delivery platforms must also stop algorithms that compress delivery "
    "times for drivers."
)
CAC_B = (
    "China's internet regulator is targeting recommendation algorithms in a new campaign. The "
    "Cyberspace Administration of China said platforms must let users switch off personalised "
    "recommendations. Analysts said the move could hurt Douyin, whose algorithm has hooked millions "
    "of users. The CAC was set up in 2014 to oversee online content and data security. The "
    "campaign follows rules on algorithm regulation that took effect in 2022."
)
CAC_C = (
    "Regulators in Beijing are taking aim at recommendation algorithms once again. According to a "
    "notice published by the CAC, platforms have until February to fix algorithms that trap users "
    "in information cocoons. The regulator said delivery drivers should not be pushed to meet "
    "impossible deadlines by algorithms. Platforms that fail the inspection face penalties, the "
    "notice said."
)
AIIA_A = (
    "The China AI Industry Development Alliance (AIIA) held its annual meeting in Beijing on "
    "Wednesday. AIIA is an industry forum that brings together Chinese companies working on "
    "artificial intelligence. Its members include Huawei, Baidu, Alibaba and Tencent, and it counts "
    "more than 1,000 member companies. The alliance was founded in 2017 by several government "
    "bodies. It released a new AI risk management standard at the meeting."
)
AIIA_B = (
    "Chinese AI companies pledged to share safety benchmarks at a meeting of the AIIA this week. "
    "The alliance said it will publish datasets for companies to test their models. Experts said "
    "the AIIA matters because it lets the government coordinate private AI firms. Huawei and "
    "Baidu presented new large language models at the event."
)
FOOTBALL = (
    "Manchester United beat Liverpool 3-1 on Sunday with two goals in the second half. The "
    "manager praised his players after the match at Old Trafford."
)
RECIPE = (
    "Preheat the oven to 200 degrees. Mix the flour, butter and sugar until the dough is smooth, "
    "then bake the cookies for twelve minutes."
)
PRICES = "Bitcoin (BTC) $ 26,400.07 0.64%\nEthereum (ETH) $ 1,600.12 1.2%\nAI token (AGIX) $ 0.21 3.1%\nSolana (SOL) $ 20.1 0.2%"
ZH_A = ("国家互联网信息办公室近日发布通知，开展为期三个月的算法专项整治行动。通知要求平台不得利用算法制造信息茧房。"
        "该行动将持续到明年二月。专家表示，人工智能推荐算法需要更加透明。")


class Texts:
    """The fixture texts, as attributes (tests cannot import conftest under importlib mode)."""

    CAC_A = CAC_A
    CAC_B = CAC_B
    CAC_C = CAC_C
    AIIA_A = AIIA_A
    AIIA_B = AIIA_B
    FOOTBALL = FOOTBALL
    RECIPE = RECIPE
    PRICES = PRICES
    ZH_A = ZH_A


@pytest.fixture
def texts() -> type[Texts]:
    return Texts
