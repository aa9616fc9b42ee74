from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.clean import clean, clean_many, format_cleaned
from digest.errors import CleanError


def test_text_format(text_doc: str) -> None:
    page = clean(text_doc, text=True)
    out = format_cleaned(page, "text")
    lines = out.split("\n")
    assert lines[0] == page.title and lines[1] == ""
    assert out.rstrip("\n").split("\n\n")[1:] == list(page.paragraphs)


def test_json_and_jsonl_formats(text_doc: str) -> None:
    page = clean(text_doc, text=True)
    data = json.loads(format_cleaned(page, "json", source="doc.txt"))
    assert data["source"] == "doc.txt"
    assert data["title"] == page.title
    assert data["canonical_url"] == "https://courier.example/news/harbour-dredging"
    assert {"rule": "ticker", "text": "SOL $171.02 +3.4%"} in data["removed"]
    assert data["appended"][0]["title"].startswith("Council approves")
    line = format_cleaned(page, "jsonl")
    assert line.count("\n") == 1 and json.loads(line) == {k: v for k, v in data.items()
                                                          if k != "source"}


def test_unknown_format_is_rejected(text_doc: str) -> None:
    with pytest.raises(ValueError):
        format_cleaned(clean(text_doc, text=True), "xml")


def test_clean_many_reads_files_and_reports_errors(tmp_path: Path, news_page: str) -> None:
    good = tmp_path / "page.html"
    good.write_text(news_page, encoding="utf-8")
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    results = dict(clean_many([good, empty, tmp_path / "missing.html"]))
    assert not isinstance(results[str(good)], CleanError)
    assert isinstance(results[str(empty)], CleanError)
    assert isinstance(results[str(tmp_path / "missing.html")], CleanError)
