from __future__ import annotations

from datetime import datetime

from digest.clean import bench_adapter, clean
from digest.models import CleanedPage


def _rules(page: CleanedPage) -> set[str]:
    return {r.rule for r in page.removed}


def test_keeps_every_real_sentence(news_page: str, real_sentences: list[str]) -> None:
    page = clean(news_page, "https://courier.example/news/harbour-dredging")
    assert list(page.paragraphs) == real_sentences


def test_junk_is_gone_and_reported(news_page: str) -> None:
    page = clean(news_page)
    body = page.text
    for junk in ("AAPL", "USD/CNY", "Hang Seng", "Related", "Top Coins", "presale", "newsletter",
                 "Topics", "comments", "Back to top", "Getty", "Share this", "All rights"):
        assert junk not in body
    # (trafilatura already drops some furniture, e.g. the newsletter box, before our rules run)
    assert {"ticker", "read_more", "promo", "tag_row", "comment_count"} <= _rules(page)


def test_metadata(news_page: str) -> None:
    page = clean(news_page, "https://courier.example/x")
    assert page.title == "Harbour channel to be dredged for bigger ships"
    assert page.author == "Ines Calloway"
    assert page.published == datetime.fromisoformat("2024-05-08T09:30:00+01:00")
    assert page.published is not None and page.published.tzinfo is not None
    assert page.canonical_url == "https://courier.example/news/harbour-dredging"
    assert page.image == "https://courier.example/img/harbour.jpg"
    assert page.language == "en"


def test_script_and_style_never_leak(news_page: str) -> None:
    page = clean(news_page)
    dumped = page.title + page.text + "".join(r.text for r in page.removed)
    assert "SECRET_SCRIPT_TEXT" not in dumped and "SECRET_STYLE_TEXT" not in dumped


def test_bench_adapter_returns_body_without_title(news_page: str) -> None:
    text = bench_adapter(news_page, None)
    assert "dredged for bigger ships" not in text
    assert text.startswith("The harbour authority approved")


def test_feed_fragment_without_document_structure() -> None:
    html = ("<div><p>Image credit: Unsplash</p>"
            "<p>The library will open on Sundays from next month, the first change to its hours "
            "in a decade, after volunteers offered to staff the reading rooms.</p>"
            "<table><tr><td>Cardano (ADA)</td><td>$ 0.4471</td><td>-1.30%</td></tr></table>"
            "<p>The post Library opens on Sundays appeared first on Valley Herald.</p></div>")
    page = clean(html)
    assert page.paragraphs == ("The library will open on Sundays from next month, the first "
                               "change to its hours in a decade, after volunteers offered to "
                               "staff the reading rooms.",)
    assert {"image_credit", "ticker", "syndication"} <= _rules(page)


def test_chinese_page_in_gbk_bytes() -> None:
    html = ("<html><head><meta charset='gb2312'><title>新能源汽车销量创新高</title></head><body>"
            "<article><h1>新能源汽车销量创新高</h1>"
            "<p>据行业协会统计，今年一季度新能源汽车销量同比增长三成，其中出口表现尤为突出。</p>"
            "<p>广告</p><p>相关阅读：电池价格持续下降</p>"
            "<p>业内人士认为，充电设施的完善是推动销量增长的重要因素，多地正在加快建设。</p>"
            "<p>点击关注，获取更多资讯</p><p>责任编辑：王小明</p><p>返回顶部</p>"
            "<p>图片来源：视觉中国</p>"
            "<p>免责声明：本文仅供参考，不构成投资建议。</p>"
            "</article></body></html>").encode("gbk")
    page = clean(html)
    assert page.title == "新能源汽车销量创新高"
    assert page.language == "zh"
    assert len(page.paragraphs) == 2
    assert page.paragraphs[0].startswith("据行业协会统计")
    assert {"ad_label", "read_more", "follow_us", "editor_credit", "back_to_top",
            "image_credit", "copyright_disclaimer"} <= _rules(page)


def test_big5_bytes_decode() -> None:
    html = ("<html><head><meta charset='big5'></head><body><p>台北市政府今天宣布，"
            "捷運新路線將於明年通車，預計每日可載運十萬人次。</p></body></html>").encode("big5")
    assert "捷運新路線" in clean(html).text


def test_metadata_from_the_page_when_its_head_has_no_meta_tags() -> None:
    """Without meta tags: the title from <title> (its site name cut) or the first <h1>, the
    author from JSON-LD, the date from the first <time> that carries one, the image from the
    first article's first image."""
    body = "".join(f"<p>{s}</p>" for s in (
        "The harbour authority approved a plan on Tuesday to raise ferry fares by a tenth from "
        "May, the first rise in six years, citing the cost of fuel and of the new pontoon.",
        "Commuters who buy a monthly pass will pay two pounds more, and the authority said the "
        "discount for pensioners and students would stay as it is for at least another year."))
    head = ("<head><title>Ferry fares to rise in May | Harbour Gazette</title>"
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            '{"@type": "Person", "name": "Ines Calloway"}}</script></head>')
    stamp = ("<p class='when'><time>Yesterday</time> "
             "<time datetime='2024-05-08T09:30:00+01:00'>8 May</time></p>")
    page = clean(f"<html>{head}<body><img src='/logo.png'><article>{stamp}<figure><img "
                 f"src=' '><img src='/img/ferry.jpg'></figure>{body}</article></body></html>",
                 "https://gazette.example/ferry")
    assert page.title == "Ferry fares to rise in May"
    assert page.image == "https://gazette.example/img/ferry.jpg"
    assert page.author == "Ines Calloway"
    assert page.published == datetime.fromisoformat("2024-05-08T09:30:00+01:00")
    page = clean(f"<html>{head}<body><article><h1>Fares up by a tenth</h1>{body}</article>"
                 "</body></html>", "https://gazette.example/ferry")
    assert page.title == "Fares up by a tenth"
    assert page.published is None


def test_the_author_from_a_visible_byline() -> None:
    """No meta tag names the author: a class holding "byline", or a link with rel="author",
    does (the first of them with text, in document order)."""
    body = ("<p>The harbour authority approved a plan on Tuesday to raise ferry fares by a "
            "tenth from May, the first rise in six years, citing the cost of fuel.</p><p>"
            "Commuters who buy a monthly pass will pay two pounds more, the authority said, "
            "and the discount for pensioners will stay as it is for another year.</p>")
    page = clean(f"<p class='post-byline'> </p><p>Words and pictures: <span class='byline'>"
                 f"Ines Calloway</span></p>{body}", "https://gazette.example/ferry",
                 title="Ferry fares to rise")
    assert page.author == "Ines Calloway"
    page = clean(f"<p>Words: <a rel='author' href='/ines'>Ines Calloway</a></p>{body}",
                 "https://gazette.example/ferry", title="Ferry fares to rise")
    assert page.author == "Ines Calloway"
