"""Another source's stored article is rewritten only by an item that links to it itself, not
by one whose page (or feed) merely claims it as its canonical URL: a teaser whose page had
rel=canonical pointing at another outlet's story rewrote that outlet's stored article with
its own title and text, still credited to the outlet (qa40b, hostile feed server)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from digest import periods
from digest.collect import collect
from digest.config import load_config
from digest.models import Article, FetchResult, FetchState, Source
from digest.store import open_store

NOW = datetime(2026, 3, 4, 12, tzinfo=UTC)
STORY = "https://victim.example/story-1"
GENUINE = "The harbour authority approved the crane contract on Monday."
INJECTED = "The port denies everything: the cranes were never ordered."


def _article(source: str, title: str, body: str, *, url: str = STORY,
             canonical: str | None = None) -> tuple[Article, str]:
    return Article(source=source, guid=f"{source}-1", url=url, title=title, paragraphs=(body,),
                   published=NOW, first_seen=NOW, content_hash=f"h-{body}",
                   canonical_url=canonical), "victim.example/story-1"


def _result(name: str) -> FetchResult:
    url = f"http://{name.lower()}.example/feed"
    return FetchResult(source=Source(name=name, url=url), status="ok",
                       state=FetchState(source=name, url=url), http_status=200)


def _stored(store: object) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {a.source: (a.title, a.paragraphs)
            for a in store.articles_for(periods.week("2026-W10", "UTC"))}  # type: ignore[attr-defined]


def test_a_canonical_claim_does_not_rewrite_another_sources_article(backend: str) -> None:
    store = open_store(backend)
    store.save_fetch(_result("Victim"), [_article("Victim", "Crane deal", GENUINE)], NOW)
    claim = _article("Attacker", "Not so", INJECTED, url="https://attacker.example/a1",
                     canonical=STORY)
    assert store.save_fetch(_result("Attacker"), [claim], NOW).counts == {"new": 1}
    assert _stored(store) == {"Victim": ("Crane deal", (GENUINE,)),
                              "Attacker": ("Not so", (INJECTED,))}
    # fetched again, each finds its own row
    assert store.save_fetch(_result("Attacker"), [claim], NOW).counts == {"unchanged": 1}
    assert store.save_fetch(_result("Victim"), [_article("Victim", "Crane deal", GENUINE)],
                            NOW).counts == {"unchanged": 1}
    assert store.count_articles() == 2


def test_another_feed_linking_the_page_itself_is_the_same_article(backend: str) -> None:
    """The same page from another feed of the outlet (its own link): one row, refreshed."""
    store = open_store(backend)
    store.save_fetch(_result("Victim"), [_article("Victim", "Crane deal", GENUINE)], NOW)
    again = _article("Victim Later", "Crane deal", GENUINE + " Updated.")
    assert store.save_fetch(_result("Victim Later"), [again], NOW).counts == {"updated": 1}
    assert store.count_articles() == 1


_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{name}</title><id>urn:{name}</id>
<updated>2026-03-03T10:00:00Z</updated>
<entry><title>{title}</title><id>urn:{name}:1</id><updated>2026-03-03T10:00:00Z</updated>
<link rel="alternate" href="{link}"/>{canonical}
<content type="html">&lt;p&gt;{body}&lt;/p&gt;</content></entry></feed>"""


def test_a_feed_claiming_another_outlets_story_keeps_that_outlets_article(
        tmp_path: Path) -> None:
    """The whole collect, twice: two local feeds, the second one's entry claiming the first
    one's story as its canonical URL."""
    victim, attacker = tmp_path / "victim.xml", tmp_path / "attacker.xml"
    victim.write_text(_ATOM.format(name="victim", title="Crane deal approved", link=STORY,
                                   canonical="", body=GENUINE * 6), encoding="utf-8")
    attacker.write_text(_ATOM.format(
        name="attacker", title="Crane deal denied", link="https://attacker.example/a1",
        canonical=f'<link rel="canonical" href="{STORY}"/>', body=INJECTED * 6),
        encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "newsletter: {title: W}\nsources:\n"
        f"  - {{name: Victim, url: '{victim}'}}\n  - {{name: Attacker, url: '{attacker}'}}\n",
        encoding="utf-8")
    config = load_config(tmp_path / "sources.yaml")
    store = open_store(config.database)
    for _ in range(2):  # a re-run stores nothing twice
        collect(config, store)
    stored = {source: (title, paragraphs[0][:30])
              for source, (title, paragraphs) in _stored(store).items()}
    assert stored == {"Victim": ("Crane deal approved", GENUINE[:30]),
                      "Attacker": ("Crane deal denied", INJECTED[:30])}
    assert store.count_articles() == 2
    store.close()


def test_a_state_remembers_the_configured_url_it_was_reached_from(backend: str) -> None:
    """fetch.runner.current compares it with the URL configured now (a corrected typo)."""
    store = open_store(backend)
    source = Source(name="Moved", url="http://127.0.0.1/old.xml")
    moved = FetchState(source="Moved", url="http://127.0.0.1/new.xml", etag='"e"')
    store.save_fetch(FetchResult(source=source, status="ok", state=moved, http_status=200),
                     [], NOW)
    state = store.fetch_states()["Moved"]
    assert (state.url, state.configured) == ("http://127.0.0.1/new.xml", source.url)
