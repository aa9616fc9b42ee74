from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from digest.config import load_config
from digest.errors import ConfigError


def test_minimal_config_resolves_paths_and_defaults(write_config: Callable[[str], Path]) -> None:
    path = write_config()
    config = load_config(path)
    assert config.newsletter.title == "Test Weekly"
    assert config.newsletter.max_stories == 5
    assert config.sources[0].url == str(path.parent / "feeds" / "one.xml")
    assert config.database == path.parent / ".digest" / "digest.sqlite3"
    assert config.output == path.parent / "out"
    assert config.newsletter.base_url.endswith("/")
    assert len(config.digest) == 64


@pytest.mark.parametrize(
    ("text", "line", "key", "words"),
    [
        ("newsletter:\n  title: T\nsources:\n  - name: a\n    url: x\n    kidn: feed\n",
         6, "sources[0].kidn", "unknown key"),
        ("newsletter:\n  title: T\nsources:\n  - name: a\n    url: x\n    kind: fed\n",
         6, "sources[0].kind", "'feed'"),
        ("newsletter:\n  titel: T\n", 2, "newsletter.titel", "unknown key"),
        ("newsletter:\n  title: T\n  timezone: Mars/Base\n", 3, "newsletter.timezone",
         "unknown timezone"),
        ("newsletter:\n  title: T\n  max_stories: lots\n", 3, "newsletter.max_stories",
         "integer"),
        ("newsletter:\n  title: T\neditor:\n  embedings: true\n", 4, "editor.embedings",
         "unknown key"),
        ("newsletter:\n  description: no title\n", 1, "newsletter.title", "required"),
        ("newsletter:\n  title: T\nsources:\n  - name: a\n    url: x\n  - name: a\n    url: y\n",
         6, "sources[1].name", "duplicate"),
        ("newsletter:\n  title: T\nsources:\n  - name: a\n    url: ftp://x/feed\n",
         5, "sources[0].url", "unsupported URL scheme"),
    ],
)
def test_errors_name_file_line_and_key(write_config: Callable[[str], Path], text: str, line: int,
                                       key: str, words: str) -> None:
    path = write_config(text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert message.startswith(f"{path}:{line}: {key}: "), message
    assert words in message
    assert "\n" not in message


def test_broken_yaml_names_the_line(write_config: Callable[[str], Path]) -> None:
    path = write_config("newsletter:\n  title: [unclosed\n")
    with pytest.raises(ConfigError, match=r"sources\.yaml:\d+: invalid YAML"):
        load_config(path)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "nope.yaml")


def test_templates_folder_beside_config_is_picked_up(write_config: Callable[[str], Path]) -> None:
    path = write_config()
    (path.parent / "templates").mkdir()
    assert load_config(path).templates == path.parent / "templates"


def test_llm_and_email_sections(write_config: Callable[[str], Path]) -> None:
    path = write_config(
        "newsletter: {title: T, base_url: 'https://news.example.org/'}\n"
        "email: {from: news@example.org, recipients: [a@example.org], security: tls}\n"
        "llm: {base_url: 'http://127.0.0.1:9/v1', model: tiny}\n"
        "schedule: {day_of_week: tue, hour: 6}\n"
    )
    config = load_config(path)
    assert config.email.from_addr == "news@example.org"
    assert config.email.security == "tls"
    assert config.llm is not None and config.llm.model == "tiny"
    assert config.schedule.day_of_week == "tue" and config.schedule.timezone == "UTC"


def test_imap_mailbox_urls_pass_through(write_config: Callable[[str], Path]) -> None:
    path = write_config("newsletter: {title: T}\nsources:\n"
                        "  - {name: Inbox, url: 'imaps://me@mail.example.org/INBOX', kind: mailbox}\n")
    assert load_config(path).sources[0].url == "imaps://me@mail.example.org/INBOX"


def test_editor_section(write_config: Callable[[str], Path]) -> None:
    assert load_config(write_config()).editor.embeddings is False
    path = write_config("newsletter:\n  title: T\neditor:\n  embeddings: true\n")
    assert load_config(path).editor.embeddings is True


@pytest.mark.parametrize("name", ["sources.yaml", "examples/chinese-ai-news.yaml",
                                  "examples/research-digest.yaml", "examples/tech-policy.yaml"])
def test_libyaml_reads_a_config_as_pyyaml_does(name: str) -> None:
    """libyaml reads the file when PyYAML has it (a broken file is read again by PyYAML's own
    parser, for its words): the same nodes' lines and the same data either way."""
    from digest import configfile

    text = (Path(__file__).resolve().parents[2] / name).read_text(encoding="utf-8")
    fast_root, fast = configfile._read(text, name, configfile._FastLoader)
    root, data = configfile._read(text, name, configfile._Loader)
    assert fast == data
    assert fast_root is not None and root is not None
    assert [(k.value, k.start_mark.line) for k, _ in fast_root.value] == [
        (k.value, k.start_mark.line) for k, _ in root.value]
