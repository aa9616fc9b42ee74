"""Which stored articles an issue may use: a source taken out of the config leaves it, a source
renamed in the config keeps its articles under its new name."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from digest.config import load_config
from digest.models import Article, SourceHealth
from digest.roster import former_names, listed

NOW = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)


def _article(source: str, n: int) -> Article:
    return Article(source=source, guid=f"g{n}", url=f"https://{source[0].lower()}.example/{n}",
                   title=f"Story {n}", paragraphs=("Text.",), published=NOW, first_seen=NOW,
                   content_hash=f"h{n}")


def _state(name: str, url: str) -> SourceHealth:
    return SourceHealth(name=name, url=url, status="ok")


def test_removed_sources_are_unlisted_and_renamed_ones_keep_their_articles(
        tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("newsletter: {title: T}\nsources:\n"
                    "  - {name: Harbour Ledger, url: 'https://harbour.example/feed'}\n"
                    "  - {name: Wire, url: 'https://wire.example/'}\n", encoding="utf-8")
    config = load_config(path)
    states = [_state("Harbor Ledger", "https://harbour.example/feed"),  # renamed
              _state("Wire", "https://wire.example/feed.xml"),  # its page's feed, discovered
              _state("Old Wire", "https://wire.example/feed.xml"),  # renamed before discovery
              _state("Gone Daily", "https://gone.example/rss")]  # taken out
    assert former_names(config, states) == {"Harbor Ledger": "Harbour Ledger",
                                            "Old Wire": "Wire"}
    articles = [_article("Harbor Ledger", 1), _article("Wire", 2), _article("Gone Daily", 3),
                _article("Old Wire", 4), _article("Never Fetched", 5)]
    kept, unlisted = listed(articles, config, states)
    assert [(a.source, a.guid) for a in kept] == [("Harbour Ledger", "g1"), ("Wire", "g2"),
                                                 ("Wire", "g4")]
    assert [(u.source, u.status) for u in unlisted] == [("Gone Daily", "unlisted"),
                                                       ("Never Fetched", "unlisted")]
    assert unlisted[0].reason == "its source 'Gone Daily' is not in sources.yaml any more"
