"""Fixtures for the clean stage: pages and texts written for these tests (same junk patterns
as the scraped news the project deals with, different wording, tickers and layouts)."""

from __future__ import annotations

import pytest

REAL = [
    "The harbour authority approved a plan on Wednesday to dredge the eastern channel, allowing "
    "larger container ships to dock without waiting for the high tide.",
    "Work is expected to start in early spring and last about eighteen months, according to the "
    "authority's chief planner, who said the cost would be shared with two shipping lines.",
    "Fishermen who use the channel raised concerns about silt drifting onto the oyster beds, and "
    "the authority agreed to fund an independent monitoring programme for three years.",
    "A final decision on the second phase, which would deepen the inner basin, is due next year.",
]

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Harbour channel to be dredged for bigger ships | Coastline Courier</title>
<link rel="canonical" href="https://courier.example/news/harbour-dredging">
<meta property="og:image" content="https://courier.example/img/harbour.jpg">
<meta property="article:published_time" content="2024-05-08T09:30:00+01:00">
<meta name="author" content="Ines Calloway">
<script>var tracking = "SECRET_SCRIPT_TEXT";</script>
<style>.x {{ content: "SECRET_STYLE_TEXT"; }}</style>
</head><body>
<nav><a href="/">Front page</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<div class="quotes"><span>ETH $3,402.18 ▲0.8%</span> <span>DOGE $0.1523 ▼2.1%</span></div>
<main><article>
<h1>Harbour channel to be dredged for bigger ships</h1>
<p class="byline">By Ines Calloway · 3 min read</p>
<div class="share">Share this story <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a></div>
<p>{REAL[0]}</p>
<figure><img src="/img/dredger.jpg"><figcaption>A dredger at work. Photo: Getty Images</figcaption></figure>
<p>{REAL[1]}</p>
<div class="ticker"><p>AAPL 189.23 +1.05 (0.56%)</p><p>USD/CNY 7.2431</p><p>Hang Seng 17,654.85 −1.1%</p></div>
<p><b>Related:</b> <a href="/news/old-port">The old port's last working crane is sold for scrap</a></p>
<p>{REAL[2]}</p>
<h3>Top Coins to Buy This Month</h3>
<ul><li><a href="/go/1">ZetaSwap (ZSW) – 25% bonus on your first deposit</a></li>
<li><a href="/go/2">MoonLoop presale round 3 closes Sunday</a></li></ul>
<div class="newsletter"><p>Never miss a story: sign up for our free morning newsletter.</p></div>
<p>{REAL[3]}</p>
<p>Topics: / / / /</p>
<p>12 comments</p>
<p><a href="#top">Back to top ↑</a></p>
</article></main>
<footer><p>© 2024 Coastline Courier. All rights reserved.</p></footer>
</body></html>"""

TEXT_DOC = f"""Harbour channel to be dredged for bigger ships

{REAL[0]}

Picture credit: Alamy

{REAL[1]}

SOL $171.02 +3.4%
BNB $598.66 -0.2%

{REAL[2]}

Which Altcoins Should You Buy This Week?

  • Early-bird presale with a 20% bonus
  • Staking rewards up to 300% APY
  • Verified and audited listings

{REAL[3]}

Follow us on Telegram for breaking news.

Tags : / / / /

Council approves new cycle lanes on the ring road

The city council approved a network of protected cycle lanes along the ring road on Tuesday, after a consultation drew more than four thousand responses from residents and businesses.

Construction will be phased over two years so that no more than one junction is closed at a time, and the council said it would publish monthly progress reports on its website.

Tags : / / /
XRP $0.5233 1.10%
Source: https://courier.example/news/harbour-dredging
"""


@pytest.fixture
def news_page() -> str:
    return NEWS_PAGE


@pytest.fixture
def text_doc() -> str:
    return TEXT_DOC


@pytest.fixture
def real_sentences() -> list[str]:
    return list(REAL)
