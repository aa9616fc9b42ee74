"""`digest sources import` adds the OPML's feeds to sources.yaml as text: the user's comments,
order and quoting stay (they were all lost: the file was loaded and dumped again whole)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from digest.config import load_config
from digest.configedit import (
    command_line_url,
    import_sources,
    remove_source,
    with_sources,
    without_source,
)
from digest.errors import ConfigError
from digest.models import Source

NEW = [{"name": "New One", "url": "https://new.example/feed.xml"}]
ADDED = "- name: New One\n{0}  url: https://new.example/feed.xml\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # indented list, a comment after it: the entry goes under the last item
        ("newsletter: {title: T}  # mine\nsources:\n  # big ones\n  - name: A\n    url: a.xml"
         "   # a\n\n# mail\nemail: {}\n",
         "newsletter: {title: T}  # mine\nsources:\n  # big ones\n  - name: A\n    url: a.xml"
         "   # a\n  " + ADDED.format("  ") + "\n# mail\nemail: {}\n"),
        # list not indented, file without a final newline
        ("sources:\n- name: A\n  url: a.xml",
         "sources:\n- name: A\n  url: a.xml\n" + ADDED.format("")),
        # the last item ends on a block scalar
        ("sources:\n  - name: A\n    url: a.xml\n    selector: |\n      h2 a\nemail: {}\n",
         "sources:\n  - name: A\n    url: a.xml\n    selector: |\n      h2 a\n  "
         + ADDED.format("  ") + "email: {}\n"),
        # no list yet, an empty one, a null one
        ("newsletter: {title: T}\n", "newsletter: {title: T}\nsources:\n  " + ADDED.format("  ")),
        ("sources: []  # none yet\nemail: {}\n",
         "sources:  # none yet\n  " + ADDED.format("  ") + "email: {}\n"),
        ("newsletter: {title: T}\nsources: []", "newsletter: {title: T}\nsources:\n  "
         + ADDED.format("  ")),
        ("sources:\nemail: {}\n", "sources:\n  " + ADDED.format("  ") + "email: {}\n"),
    ],
)
def test_entries_go_where_the_list_ends_and_the_rest_stays(text: str, expected: str) -> None:
    new_text, kept = with_sources(text, NEW)
    assert kept
    assert new_text == expected


def test_a_layout_it_cannot_extend_is_dumped_whole_and_says_so() -> None:
    text = "sources: [{name: A, url: a.xml}]  # flow\n"
    new_text, kept = with_sources(text, NEW)
    assert not kept
    assert yaml.safe_load(new_text)["sources"] == [{"name": "A", "url": "a.xml"}, *NEW]


def _config(tmp_path: Path, sources: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text("# hand-written\nnewsletter:\n  title: T   # readers see this\nsources:\n"
                    + sources + "# mail below\n", encoding="utf-8")
    return path


def test_import_keeps_comments_numbers_a_taken_name_and_counts_known_urls(tmp_path: Path) -> None:
    """An OPML feed named like a source already there (another outlet, same title) was
    skipped and counted "already there": it was never fetched."""
    path = _config(tmp_path, "  - name: Tech News   # the old one\n"
                             "    url: https://old.example/feed.xml\n")
    found = [Source(name="Tech News", url="https://other.example/rss"),
             Source(name="Old", url="https://old.example/feed.xml"),
             Source(name="科技", url="https://keji.example/feed", kind="feed")]
    done = import_sources(load_config(path), found)
    assert [s.name for s in done.added] == ["Tech News (2)", "科技"]
    assert done.known == 1 and done.renamed == ("Tech News (2)",) and done.comments_kept
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# hand-written\n") and "# readers see this" in text
    assert "# the old one" in text and text.endswith("# mail below\n")
    assert "  - name: 科技\n    url: https://keji.example/feed\n    kind: feed\n" in text
    assert [s.name for s in load_config(path).sources] == ["Tech News", "Tech News (2)", "科技"]
    assert (tmp_path / "sources.yaml.bak").read_text(encoding="utf-8").count("name:") == 1


def test_feeds_that_would_break_the_config_leave_it_as_it_was(tmp_path: Path) -> None:
    path = _config(tmp_path, "  - name: A\n    url: https://a.example/feed\n")
    before = path.read_text(encoding="utf-8")
    with pytest.raises(ConfigError, match="not changed: the new feeds would make it invalid"):
        import_sources(load_config(path), [Source(name="B", url="gopher://b.example/")])
    assert path.read_text(encoding="utf-8") == before


def test_a_new_file_with_an_empty_sources_key_takes_the_opml(tmp_path: Path) -> None:
    """`sources:` with nothing under it, as a new file has before its first import, was an
    error ("sources: Input should be a valid list"), so the import that would fill it could
    not run."""
    path = tmp_path / "sources.yaml"
    path.write_text("newsletter:\n  title: T\nsources:   # to come\n", encoding="utf-8")
    assert load_config(path).sources == ()
    import_sources(load_config(path), [Source(name="A", url="https://a.example/feed")])
    assert path.read_text(encoding="utf-8") == (
        "newsletter:\n  title: T\nsources:   # to come\n  - name: A\n"
        "    url: https://a.example/feed\n")


@pytest.mark.parametrize(("given", "expected"), [
    ("https://a.example/feed", "https://a.example/feed"),
    ("imaps://me@mail.example/INBOX", "imaps://me@mail.example/INBOX"),
    ("example.org", "https://example.org"),
    ("www.example.org", "https://www.example.org"),
    ("news.example.org/feed.xml", "https://news.example.org/feed.xml"),
    ("127.0.0.1:8080/feed", "https://127.0.0.1:8080/feed"),
    ("no-such-file.xml", "no-such-file.xml"),  # the config's own check names the problem
])
def test_a_source_typed_on_the_command_line(given: str, expected: str) -> None:
    assert command_line_url(given) == expected


def test_a_file_typed_on_the_command_line_is_its_absolute_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "feed.xml").write_text("<rss/>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert command_line_url("feed.xml") == str(tmp_path / "feed.xml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # its comment goes with it; the next one's stays with the next one
        ("sources:\n  # big one\n  - name: A\n    url: a.xml\n\n  # small one\n  - name: B\n"
         "    url: b.xml  # b\nemail: {}\n",
         "sources:\n\n  # small one\n  - name: B\n    url: b.xml  # b\nemail: {}\n"),
        # the last of several, on a block scalar, the file's tail kept
        ("sources:\n- name: B\n  url: b.xml\n- name: A\n  url: a.xml\n  selector: |\n    h2 a\n"
         "# mail\nemail: {}\n",
         "sources:\n- name: B\n  url: b.xml\n# mail\nemail: {}\n"),
        # the only one: an empty list, its key's comment kept
        ("newsletter: {title: T}\nsources:  # mine\n  - name: A\n    url: a.xml\n",
         "newsletter: {title: T}\nsources: []  # mine\n"),
    ],
)
def test_a_source_goes_with_its_comment_and_the_rest_stays(text: str, expected: str) -> None:
    new_text, kept = without_source(text, "A")
    assert kept
    assert new_text == expected


def test_a_flow_list_is_dumped_whole_without_the_source() -> None:
    new_text, kept = without_source("sources: [{name: A, url: a.xml}, {name: B, url: b.xml}]\n",
                                    "A")
    assert not kept
    assert yaml.safe_load(new_text)["sources"] == [{"name": "B", "url": "b.xml"}]


def test_remove_keeps_a_backup_and_refuses_an_unknown_name(tmp_path: Path) -> None:
    path = _config(tmp_path, "  - name: A\n    url: https://a.example/feed\n"
                             "  - name: B\n    url: https://b.example/feed\n")
    config = load_config(path)
    with pytest.raises(ConfigError, match=r"no source named 'C' .*\(sources: 'A', 'B'\)"):
        remove_source(config, "C")
    done = remove_source(config, "A")
    assert done.comments_kept and done.source.url == "https://a.example/feed"
    assert [s.name for s in load_config(path).sources] == ["B"]
    assert "# hand-written" in path.read_text(encoding="utf-8")
    assert (tmp_path / "sources.yaml.bak").read_text(encoding="utf-8").count("name:") == 2
