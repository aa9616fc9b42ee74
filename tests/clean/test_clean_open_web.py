"""Issue 14's families and layouts, on pages and texts written for these tests (never copied
from a benchmark): junk that got through on pages nobody here had seen, and paragraphs that
came out merged."""

from __future__ import annotations

import pytest

from digest.clean import clean
from digest.clean.blocks import Block
from digest.clean.rules import classify, split_appended

S = [
    "The harbour board met on Tuesday and agreed to extend the quay by forty metres, a decision "
    "the fishermen welcomed after years of delay.",
    "Work will start in March, the board said, and the contractor has promised to keep one "
    "berth open for the ferry throughout the building work.",
    "The cost, put at four million pounds, will be shared between the council and a regional "
    "fund that paid for the breakwater ten years ago.",
    "Objections from two residents about noise were heard and rejected, although the board "
    "agreed to limit piling to weekday daytime hours.",
    "A second phase, which would deepen the inner basin for larger trawlers, will be considered "
    "next year once the survey results are in.",
    "Skippers said the longer quay would end the queues at low tide that have cost some boats a "
    "whole day's fishing in the busy season.",
]


@pytest.mark.parametrize(("text", "rule"), [
    # market disclaimers, labelled or by their small print
    ("Disclaimer: the prices quoted here are indicative and change without notice.",
     "market_disclaimer"),
    ("Risk warning - trading tokens carries a high level of risk to your capital.",
     "market_disclaimer"),
    ("Nothing on this page is investment advice. Digital assets are highly volatile and readers "
     "should do their own research before buying any of them.", "market_disclaimer"),
    ("市场有风险，投资需谨慎。以上内容仅供参考，不构成投资建议。", "market_disclaimer"),
    # named photographers
    ("Photo by Marta Quill", "image_credit"),
    ("Ferries queue off the north pier. (Photo: Tom Averly/Harbour Gazette)", "image_credit"),
    ("游客在码头等候渡轮。记者 陈晓东 摄", "image_credit"),
    ("图/周立", "image_credit"),
    # tools and ad labels in old table layouts
    ("Print | E-mail | Font size: A+ A-", "print_email_tools"),
    ("打印本页 | 字号：大 中 小 | 关闭窗口", "print_email_tools"),
    ("— ADVERTISEMENT —", "ad_label"),
    # Chinese quote lines
    ("欧元/人民币 7.8412", "ticker"),
    ("以太坊 ETH $3,118.20 -2.4%", "ticker"),
    ("白银 24.61 美元/盎司 涨0.8%", "ticker"),
    ("深证成指：9,112.30 跌0.21%", "ticker"),
    # the publisher's self-promotion and membership appeals
    ("The Quayside Post is your trusted source for news from the coast.", "self_promo"),
    ("Follow all of our coverage of the harbour works here.", "self_promo"),
    ("Support local journalism: become a member of the Post for £3 a month.", "appeal"),
    ("Our reporting relies on readers like you.", "appeal"),
    # comment counts and sign-up boxes in plain-text scrapes
    ("Comments: 27", "comment_count"),
    ("See all 112 comments", "comment_count"),
    ("跟帖 58", "comment_count"),
    ("Thanks for subscribing!", "subscribe"),
    ("Check your inbox to confirm your address.", "subscribe"),
    ("More stories from the coast", "read_more"),
    ("Partner news", "read_more"),
    ("CLICK HERE TO GET THE QUAYSIDE POST APP", "self_promo"),
    ("medium-browser-and-portrait-tablet", "embed_debris"),
    # date stamps alone on their line
    ("Last updated: 4 March 2024", "dateline"),
    ("UPDATED: Wed., Mar. 6, 2024", "dateline"),
    ("March 6, 2024 / 7:45 AM / Updated 3 hours ago", "dateline"),
    ("Posted by Ines Calloway on 06/03/2024", "dateline"),
    ("Mar 6, 2024 · 6 min read", "dateline"),
])
def test_open_web_family(text: str, rule: str) -> None:
    assert classify(Block(text, "p")) == rule


@pytest.mark.parametrize("text", [
    "Shares in the ferry operator are a high-risk bet, one analyst said, after a 4% fall.",
    "Fishermen who want to become a member of the co-operative pay a joining fee.",
    "The union said it would support our members and the work they do on the quay.",
    "Residents were asked to donate blankets to the shelter by Friday.",
    "Only 12% of our subscribers opened the spring issue, the newsletter's editor admitted.",
    "A photo by a local schoolgirl won the harbour board's calendar competition this year.",
    "新码头预计明年投入使用，渔民对此表示欢迎。",
    "Click here, the harbour master said, and the gate opens for the night crews.",
    "The ferry-to-island-link was first proposed in the 1990s.",
    "The quay reopened on 6 March 2024 after two years of repairs to the piles.",
    "Date: 12-14 September 2024",
    "— Harbour Watch (@harbourwatch) March 6, 2024",
])
def test_open_web_prose_is_kept(text: str) -> None:
    assert classify(Block(text, "p")) is None


def test_dates_in_lists_and_tables_are_data() -> None:
    # a schedule's or a changelog's dates are the article's
    assert classify(Block("6 March 2024", "li")) is None
    assert classify(Block("06/03/2024 +4.1%", "row")) is None
    assert classify(Block("6 March 2024", "p")) == "dateline"


CONSENT_PAGE = f"""<html><head><title>Quay to be extended</title></head><body>
<div class="page cookie-notice-accepted"><div class="video"><h1>Quay to be extended</h1>
{"".join(f"<p>{s}</p>" for s in S[:2])}</div></div>
<div class="cli-modal" role="dialog" aria-hidden="true"><div class="cli-modal-body">
<div class="wt-cli-cookie-description"><p>This website uses cookies to improve your experience
while you navigate through the website, and to measure how visitors use it.</p>
<table><tr><td>session_store</td><td>11 months</td><td>Set by the consent plugin to remember
your choice for the category "Analytics".</td></tr></table></div>
<div class="wt-cli-cookie-description"><p>Necessary cookies are absolutely essential for the
website to function properly and are stored on your browser.</p></div></div></div>
</body></html>"""


def test_cookie_consent_dialog_goes() -> None:
    page = clean(CONSENT_PAGE)
    assert list(page.paragraphs) == S[:2]  # the wrapper saying "cookie-notice-accepted" stays
    assert "cookie" not in page.text.lower() and "consent" not in page.text.lower()


TABLE_PAGE = f"""<html><head><title>Quay to be extended</title></head><body>
<table width="760"><tr><td><font face="Arial" size="2"><b>Quay to be extended</b><br><br>{S[0]}
<br><br>{S[1]} {S[2]}<br><br>Advertisement<br><br>{S[3]}<br><br>{S[4]}<br><br>Photo by Marta Quill</font>
<table><tr><td><a href="#">Print</a> | <a href="#">E-mail</a> | <a href="#">Font size</a></td>
</tr></table></td></tr></table></body></html>"""


def test_table_layout_paragraphs_and_tools() -> None:
    page = clean(TABLE_PAGE)
    # <br><br> ends a paragraph
    assert page.paragraphs == (S[0], f"{S[1]} {S[2]}", S[3], S[4])
    rules = {r.rule for r in page.removed}
    assert {"ad_label", "print_email_tools", "image_credit"} <= rules


COLUMNS_PAGE = f"""<html><head><title>Quay to be extended</title></head><body>
<div class="story"><h1>Quay to be extended</h1>
<div class="col"><div class="txt">{S[0]}</div><div class="txt">{S[1]}</div>
<div class="txt">Read more: <a href="/ferry">The old ferry returns to the north pier</a></div></div>
<div class="col"><div class="txt">{S[2]}</div><div class="txt">{S[3]}</div>
<div class="txt">{S[4]}</div><div class="txt">{S[5]}</div></div></div></body></html>"""


def test_div_columns_stay_paragraphs_and_read_more_goes() -> None:
    page = clean(COLUMNS_PAGE)
    assert page.paragraphs == tuple(S)
    assert [r.rule for r in page.removed if r.rule == "read_more"] == ["read_more"]


HEADER_PAGE = f"""<html><head><title>Quay to be extended</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<header class="article-header"><h1>Quay to be extended</h1>
{"".join(f"<p>{s}</p>" for s in S)}</header>
<footer><p>Contact the newsroom</p></footer></body></html>"""


def test_article_inside_header_is_kept() -> None:
    # trafilatura's precision mode deletes every <header>; the cascade does not lose it
    assert clean(HEADER_PAGE).paragraphs == tuple(S)


def test_nested_table_rows_come_out_once() -> None:
    inner = "".join(f"<tr><td>{s}</td></tr>" for s in S)
    html = (f"<html><body><table><tr><td><table><tr><td><table>{inner}</table></td></tr>"
            "</table></td></tr></table></body></html>")
    text = clean(html).text
    assert all(text.count(s) == 1 for s in S)


POPULAR_PAGE = ("<html><body><article><h1>Quay to be extended</h1>"
                f"<p>{S[0]}</p><h3>Popular Articles</h3><ul><li><a href='/a'>Ferry returns</a>"
                "</li><li><a href='/b'>Storm closes pier</a></li></ul>"
                f"<table>{''.join(f'<tr><td>{s}</td></tr>' for s in S[1:])}</table>"
                "</article></body></html>")


def test_popular_heading_takes_headlines_not_the_article() -> None:
    page = clean(POPULAR_PAGE)
    assert all(s in page.text for s in S)
    assert "Ferry returns" not in page.text


def test_keywords_row_under_an_abstract_is_not_a_second_story() -> None:
    blocks = [Block(S[0]), Block(S[1]), Block("Keywords: harbours, dredging, fisheries")]
    blocks[2].drop("tag_row")
    blocks += [Block("Introduction", "h")] + [Block(s) for s in S * 3]
    main, rest = split_appended(blocks)
    assert rest == [] and len(main) == len(blocks)


TEXT_SCRAPE = """渔港扩建工程获批

上证指数 3,050.12 +0.52%  深证成指 9,876.54 -0.23%
美元/人民币 7.2431
比特币 BTC $67,120.44 +1.2%

市港务局周二批准了北码头扩建方案，码头将延长四十米，渔民对此表示欢迎。

工程预计三月开工，施工期间将保留一个泊位供渡轮停靠。

渔民在码头整理渔网。记者 陈晓东 摄

跟帖 58
Sign up for our free morning newsletter to get the day's news in your inbox.
风险提示：市场有风险，投资需谨慎。
"""


def test_chinese_text_scrape() -> None:
    page = clean(TEXT_SCRAPE, text=True)
    assert page.title == "渔港扩建工程获批"
    assert page.paragraphs == (
        "市港务局周二批准了北码头扩建方案，码头将延长四十米，渔民对此表示欢迎。",
        "工程预计三月开工，施工期间将保留一个泊位供渡轮停靠。")
    rules = [r.rule for r in page.removed]
    assert rules.count("ticker") == 3
    assert {"image_credit", "comment_count", "subscribe"} <= set(rules)


MARKET_PAGE = f"""<html><head><title>Coin prices steady</title></head><body><article>
<h1>Coin prices steady</h1>{"".join(f"<p>{s}</p>" for s in S[:4])}
<p><strong>Disclaimer:</strong> The content above is for information only and is not
investment advice. Crypto assets are high-risk; you could lose all of the money you put in.
Always do your own research and speak to an independent financial adviser first.</p>
<p>Support independent journalism: become a member of the Quayside Post today.</p>
</article></body></html>"""


def test_market_disclaimer_and_appeal_at_the_foot() -> None:
    page = clean(MARKET_PAGE)
    assert page.paragraphs == tuple(S[:4])
    assert {r.rule for r in page.removed} >= {"market_disclaimer", "appeal"}


FEED_ENTRY = f"""<p>{S[0]}</p><p>{S[1]}</p><p>{S[2]}</p>
<p class="tags">Tagged: / / / /</p>
<h2>Ferry operator orders a hybrid vessel</h2><p>{S[3]}</p><p>{S[4]}</p>
<h3>What's the best harbour stock to buy now?</h3>
<ul><li>Quayside Pro ranks the ten hottest port names</li><li>Get early access to listings</li>
<li>Analyst picks with a 20% bonus this weekend only</li></ul>"""


def test_feed_entry_is_walked_whole() -> None:
    """A feed entry's HTML is the article: its headings survive, so the promo box under its
    heading goes and the story glued under the tag row is split out."""
    page = clean(FEED_ENTRY)
    assert page.paragraphs == tuple(S[:3])
    assert page.appended and page.appended[0].title == "Ferry operator orders a hybrid vessel"
    assert page.appended[0].paragraphs == (S[3], S[4])
    assert "promo" in {r.rule for r in page.appended[0].removed}
