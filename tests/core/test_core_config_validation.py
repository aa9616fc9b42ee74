"""Everything is validated at load: one line naming file, line and key, exit code 2 — never a
failure after a whole run, never an internal error, never a silently ignored value."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from apscheduler.triggers.cron import CronTrigger

from digest.cli import main
from digest.config import load_config
from digest.errors import ConfigError

T = "newsletter:\n  title: T\n"
BASE = "  base_url: https://news.example.org/\n"  # required once issues are sent
S = T + "sections:\n  - name: Policy\n    topics: [AI policy]\n"


@pytest.mark.parametrize(
    ("text", "line", "key", "words"),
    [
        # duplicate keys: the second would silently win
        (T + "newsletter:\n  title: U\n", 3, "newsletter", "duplicate key"),
        (T + "email:\n  smtp_port: 25\n  smtp_port: 2525\n", 5, "email.smtp_port", "duplicate"),
        ("newsletter: {title: T, title: U}\n", 1, "newsletter.title", "duplicate key"),
        # enums and ranges
        (T + "schedule:\n  day_of_week: funday\n", 4, "schedule.day_of_week", "'funday'"),
        (T + "schedule:\n  day_of_week: mon,fryday\n", 4, "schedule.day_of_week", "'fryday'"),
        (T + "schedule:\n  timezone: Mars/Base\n", 4, "schedule.timezone", "unknown timezone"),
        # a zoneinfo folder, not a zone: ZoneInfo raises IsADirectoryError (found by the fuzzer)
        (T + "schedule:\n  timezone: Asia\n", 4, "schedule.timezone", "unknown timezone"),
        ("newsletter:\n  title: T\n  timezone: Asia\n",
         3, "newsletter.timezone", "unknown timezone"),
        (T + "email:\n  smtp_port: 99999\n", 4, "email.smtp_port", "65535"),
        (T + "email:\n  smtp_port: 0\n", 4, "email.smtp_port", "greater than or equal to 1"),
        (T + "email:\n  timeout: -5\n", 4, "email.timeout", "greater than 0"),
        (T + "fetch:\n  read_timeout: -1\n", 4, "fetch.read_timeout", "greater than 0"),
        (T + "fetch:\n  per_host_delay: -0.5\n", 4, "fetch.per_host_delay", "greater than"),
        (T + "fetch:\n  total_timeout: .inf\n", 4, "fetch.total_timeout", "finite"),
        (T + "llm: {base_url: 'http://127.0.0.1/v1', model: m, time_budget: 0}\n", 3,
         "llm.time_budget", "greater than 0"),
        (T + "llm: {base_url: 'http://127.0.0.1/v1', model: m, timeout: -3}\n", 3, "llm.timeout",
         "greater than 0"),
        (T + "schedule:\n  misfire_grace_time: 99999999999\n", 4,
         "schedule.misfire_grace_time", "less than or equal"),
        # addresses and header safety
        (T + 'email:\n  from: "news@example.org\\r\\nBcc: all@example.net"\n', 4, "email.from",
         "line break"),
        (T + "email:\n  from: 'Newsroom <not-an-address>'\n", 4, "email.from",
         "not a plain email address"),
        (T + "email:\n  from: 'a@example.org, b@example.org'\n", 4, "email.from", "not one"),
        (T + "email:\n  recipients: [ok@example.org, 'bob at example.org']\n", 4,
         "email.recipients[1]", "not a plain email address"),
        (T + 'email:\n  recipients: ["x@example.org\\nBcc: y@example.net"]\n', 4,
         "email.recipients[0]", "line break"),
        (T + "  language: \"en\\r\\nBcc: x@example.org\"\n", 3, "newsletter.language", "pattern"),
        (T + "email:\n  smtp_host: 'mail.example.org\\r\\nX'\n", 4, "email.smtp_host", "pattern"),
        (T + "email:\n  password_env: 'MY PASSWORD'\n", 4, "email.password_env", "pattern"),
        # URL schemes
        (T + "email:\n  unsubscribe: 'javascript:alert(1)'\n", 4, "email.unsubscribe",
         "neither an http(s) URL nor a mailto:"),
        # per-recipient unsubscribe links: known placeholders, a {token} with its secret
        (T + "email:\n  unsubscribe: 'https://x.org/u?e={mail}'\n", 4, "email.unsubscribe",
         "unknown placeholder {mail}"),
        (T + "email:\n  unsubscribe: 'https://x.org/u?e={email'\n", 4, "email.unsubscribe",
         "brace that is not part of a placeholder"),
        (T + "email:\n  unsubscribe: 'https://x.org/u?t={token}'\n", 4, "email.unsubscribe",
         "{token} needs its secret: set email.unsubscribe_secret_env"),
        (T + "email:\n  unsubscribe: 'https://x.org/u?t={token}'\n"
         "  unsubscribe_secret_env: DIGEST_UNSET_UNSUB\n", 5, "email.unsubscribe_secret_env",
         "$DIGEST_UNSET_UNSUB is not set"),
        (T + "email:\n  unsubscribe: 'https://x.org/u?e={email}'\n"
         "  unsubscribe_secret_env: HOME\n", 5, "email.unsubscribe_secret_env",
         "email.unsubscribe has no {token}"),
        (T + "  base_url: 'javascript:alert(1)//'\n", 3, "newsletter.base_url", "http(s) URL"),
        (T + "llm: {base_url: 'file:///etc/passwd', model: m}\n", 3, "llm.base_url",
         "http(s) URL"),
        (T + "sources:\n  - {name: a, url: 'javascript:alert(1)'}\n", 4, "sources[0].url",
         "unsupported URL scheme"),
        # values YAML itself cannot build
        (T + "  author: 2026-13-45\n", 3, "", "cannot read this value"),
        # notification channels: an Apprise URL, its secrets from the environment
        (T + "notify:\n  - 'nonsense://x'\n", 4, "notify[0]", "not a URL Apprise can send to"),
        (T + "notify:\n  - 'json://'\n", 4, "notify[0]", "not a URL Apprise can send to"),
        (T + "notify:\n  - hello\n", 4, "notify[0]", "expected an Apprise URL"),
        (T + "notify:\n  - ''\n", 4, "notify[0]", "at least 1 character"),
        (T + "notify: json://127.0.0.1/x\n", 3, "notify", "valid list"),
        (T + "notify:\n  - 'tgram://${DIGEST_UNSET_TOKEN}/12345'\n", 4, "notify[0]",
         "DIGEST_UNSET_TOKEN is not set"),
        (T + "notify:\n  - json://127.0.0.1/x\n  - JSON://127.0.0.1/X\n", 5, "notify[1]",
         "listed twice"),
        (T + 'notify:\n  - "json://127.0.0.1/x\\nform://127.0.0.1/y"\n', 4, "notify[0]",
         "one line"),
        # sections of "In Our Feeds" (S: one good section first), coverage
        (S + "  - name: Chips\n    topcs: [chips]\n", 7, "sections[1].topcs", "unknown key"),
        (S + "  - name: policy\n    topics: [chips]\n", 6, "sections[1].name",
         "duplicate section name"),
        (S + "  - name: Rest\n  - name: More\n", 7, "sections[2].topics",
         "only one section may leave out topics"),
        (S + "  - name: Chips\n    max: 0\n", 7, "sections[1].max", "greater than or equal to 1"),
        (S + "  - topics: [chips]\n", 6, "sections[1].name", "required key is missing"),
        (S + "  - name: ''\n", 6, "sections[1].name", "at least 1 character"),
        (S + "  - name: Chips\n    topics: ['']\n", 7, "sections[1].topics[0]", "at least 1"),
        (T + "sections: Policy\n", 3, "sections", "valid list"),
        (T + "coverage: sometimes\n", 3, "coverage", "valid boolean"),
        (T + "explainer_memory: -1\n", 3, "explainer_memory", "greater than or equal to 0"),
        # a page's CSS selector: a typo failed every fetch with a traceback
        (T + "sources:\n  - {name: A, url: a.html, kind: page, selector: 'h2 >>> a['}\n", 4,
         "sources[0].selector", "not a CSS selector digest can use: Expected selector"),
        (T + "sources:\n  - {name: A, url: a.html, kind: page, selector: 'li a:visted'}\n", 4,
         "sources[0].selector", "not a CSS selector digest can use: The pseudo-class :visted"),
        # a templates folder named but not there: every issue printed with the package's
        (T + "templates: my-templates\n", 3, "templates", "no such folder: "),
        # placeholders that reached readers: From: digest@example.org, "Read on the web" at
        # https://example.org/digest/
        (T + BASE + "email:\n  recipients: [a@example.org]\n", 4, "email.from",
         "required when recipients are set: the address the issue is sent from"),
        (T + BASE + "email: {recipients_file: readers.txt, smtp_host: mail.example.org}\n", 4,
         "email.from", "required when recipients are set"),
        (T + "email: {from: news@example.org, recipients: [a@example.org]}\n", 1,
         "newsletter.base_url", "required when recipients are set: the web address out/ is "
         "published at"),
        (T + "notify: ['json://127.0.0.1:9/hook']\n", 1, "newsletter.base_url",
         "required when notify: channels are set"),
        # what a hand-written file gets wrong, said in the file's words (not "_SourceModel")
        (T + "sources:\n  - https://a.example/feed\n", 4, "sources[0]",
         "expected a mapping of keys (name, url, kind, include, exclude, selector, newsletter, "
         "full_text), not 'https://a.example/feed'"),
        (T + "sources:\n  -\n", 4, "sources[0]", "expected a mapping of keys (name, url"),
        (T + "sources:\n  name: A\n  url: a.xml\n", 3, "sources",
         "valid list (got a mapping: start each item with '- ')"),
        (T + "  topics: AI, chips\n", 3, "newsletter.topics", "valid list (got 'AI, chips')"),
        (T + "sources:\n  - {name: A, url: a.xml, full_text: maybe}\n", 4,
         "sources[0].full_text", "valid boolean, unable to interpret input (got 'maybe')"),
        (T + "  max_stories: " + "9" * 30 + "x\n", 3, "newsletter.max_stories",
         "(got '" + "9" * 30 + "x')"),
        (T + "sources:\n  - {name: A, url: a.xml}\n   - {name: B, url: b.xml}\n", 5, "",
         "invalid YAML: expected <block end>, but found '<block sequence start>' (this line is "
         "indented differently from the lines beside it)"),
        (T + "  description: AI: the week\n", 3, "",
         "invalid YAML: mapping values are not allowed here (a value holding ': ' must be "
         "quoted"),
        (T + "sources:\n\t- {name: A, url: a.xml}\n", 4, "", "(YAML indents with spaces"),
        (T + "  description: \"AI\nsources: []\n", 5, "",
         "(a quote or bracket opened above is never closed)"),
    ],
)
def test_bad_values_name_file_line_and_key(write_config: Callable[[str], Path], text: str,
                                           line: int, key: str, words: str) -> None:
    path = write_config(text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert message.startswith(f"{path}:{line}: {key + ': ' if key else ''}"), message
    assert words in message, message
    assert "\n" not in message and "\r" not in message


def _cli_error(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    code = main(["status", "--config", str(path)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and "internal error" not in err, err
    return err


def test_deep_nesting_is_a_config_error(write_config: Callable[[str], Path],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    for nested in ("[" * 20_000 + "]" * 20_000, "{a: " * 20_000 + "1" + "}" * 20_000):
        path = write_config(T + "  topics: " + nested + "\n")
        err = _cli_error(path, capsys)
        assert f"{path}:3: newsletter.topics" in err and "nested deeper than 32" in err, err
    block = T + "editor:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(40))
    err = _cli_error(write_config(block), capsys)
    assert "editor.k0.k1" in err and "nested deeper" in err, err


def test_huge_number_is_a_config_error(write_config: Callable[[str], Path],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config(T + "  max_stories: " + "9" * 5_000 + "\n")
    err = _cli_error(path, capsys)
    assert f"{path}:3: newsletter.max_stories: a number 5,000 characters long" in err, err


def test_alias_bombs_and_loops_are_config_errors(write_config: Callable[[str], Path],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    bomb = "x-anchors:\n" + "".join(f"  {line}\n" for line in lines)
    err = _cli_error(write_config(T + bomb), capsys)
    assert "expands to more than 100,000 values" in err, err
    err = _cli_error(write_config(T + "  topics: &loop [a, *loop]\n"), capsys)
    assert "refers to the collection that contains it" in err, err


def test_oversized_file_is_a_config_error(write_config: Callable[[str], Path]) -> None:
    path = write_config(T + "  description: " + "x" * 1_100_000 + "\n")
    with pytest.raises(ConfigError, match=r"bytes \(at most 1,048,576\)"):
        load_config(path)


def test_recipients_file_is_checked_at_load(write_config: Callable[[str], Path]) -> None:
    path = write_config(T + BASE + "email:\n  from: news@example.org\n  recipients_file: readers.txt\n")
    load_config(path)  # not there yet: read (and required) when sending
    readers = path.parent / "readers.txt"
    readers.write_text("# readers\nann@example.org\nbob@example.org, eve@example.org\n",
                       encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value).startswith(f"{readers}:3: email.recipients_file: ")


@pytest.mark.parametrize("days", ["mon", "MON", "mon-fri", "mon,wed,fri", "sat-sun", "*",
                                  "*/2", "0-4", "1-5/2", "fri, sat"])
def test_accepted_weekdays_are_what_the_scheduler_accepts(
        write_config: Callable[[str], Path], days: str) -> None:
    config = load_config(write_config(T + f"schedule:\n  day_of_week: '{days}'\n"))
    CronTrigger(day_of_week=config.schedule.day_of_week, hour=7)


def test_good_addresses_pass(write_config: Callable[[str], Path]) -> None:
    config = load_config(write_config(
        T + BASE + "email:\n  from: 'Policy Wire <news@policy.example.org>'\n"
        "  recipients: [ann@example.org, first.last+tag@sub.example.co.uk]\n"
        "  unsubscribe: 'mailto:leave@example.org?subject=unsubscribe'\n"
        "  smtp_host: smtp.example.org\n  smtp_port: 465\n"))
    assert config.email.recipients[1] == "first.last+tag@sub.example.co.uk"


def test_an_unsubscribe_secret_is_checked_never_shown(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(T + "email:\n  unsubscribe: 'https://x.org/u?e={email}&t={token}'\n"
                    "  unsubscribe_secret_env: DIGEST_TEST_UNSUB\n", encoding="utf-8")
    monkeypatch.setenv("DIGEST_TEST_UNSUB", "short-secret")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "shorter than 16 characters" in str(caught.value)
    assert "short-secret" not in str(caught.value)
    monkeypatch.setenv("DIGEST_TEST_UNSUB", "a-long-enough-secret-value")
    config = load_config(path)
    assert config.email.unsubscribe_secret_env == "DIGEST_TEST_UNSUB"
    assert "a-long-enough-secret-value" not in repr(config)


def test_a_channel_secret_comes_from_the_environment(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGEST_TEST_TOKEN", "123456789:abcdefg_hijklmnop")
    path = tmp_path / "sources.yaml"
    path.write_text(T + BASE + "notify:\n  - 'tgram://${DIGEST_TEST_TOKEN}/12345'\n",
                    encoding="utf-8")
    assert load_config(path).notify == ("tgram://${DIGEST_TEST_TOKEN}/12345",)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("example.org/feed.xml", "'example.org/feed.xml' has no scheme: write "
                                 "'https://example.org/feed.xml' for a web address"),
        ("www.example.org", "write 'https://www.example.org'"),
        ("127.0.0.1:8765/rss.xml", "write 'https://127.0.0.1:8765/rss.xml'"),
        ("localhost:8080/feed", "write 'https://localhost:8080/feed'"),
        ("feeds.example.org:8080", "write 'https://feeds.example.org:8080'"),
        ("http//example.org/feed", "did you mean 'http://example.org/feed'?"),
        ("https:/example.org/feed", "did you mean 'https://example.org/feed'?"),
        ("http:example.org", "did you mean 'http://example.org'?"),
        ("https:///feed", "names no host (expected https://host/…)"),
        ("//example.org/feed", "did you mean 'https://example.org/feed'?"),
    ],
)
def test_a_web_address_without_its_scheme_is_an_error_at_load(
        write_config: Callable[[str], Path], url: str, words: str) -> None:
    """Read as a local path, `example.org/feed.xml` passed validation ("valid, 2 source(s)")
    and failed at every fetch: "no such file or directory: /home/…/example.org/feed.xml"."""
    path = write_config(T + f"sources:\n  - name: A\n    url: '{url}'\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert message.startswith(f"{path}:5: sources[0].url: "), message
    assert words in message, message


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://127.0.0.1:99999/feed", "has port '99999': a port is a number from 1 to 65535"),
        ("https://example..org/feed", "has host 'example..org', which is no host name"),
        ("https://example.org/feed.xml ", "white space around it: did you mean "
                                          "'https://example.org/feed.xml'?"),
        ("\thttps://example.org/feed.xml", "white space around it"),
        ("http://exa mple.org/feed", "has a space or a control character in it"),
        ("https://example.org/a\tb", "has a space or a control character in it"),
    ],
)
def test_a_web_address_no_fetch_can_use_is_an_error_at_load(
        write_config: Callable[[str], Path], url: str, words: str) -> None:
    """These were "valid" and failed at every run: port 99999 as "refused 127.0.0.1: internal
    address" (the configured origin no longer matched), "example..org" and a tab as an
    internal error with a traceback."""
    path = write_config(T + f'sources:\n  - name: A\n    url: "{url}"\n')
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert message.startswith(f"{path}:5: sources[0].url: "), message
    assert words in message, message


@pytest.mark.parametrize("url", ["http://[::1]:8080/feed", "http://user:pw@example.org:8080/f",
                                 "http://example.org./feed", "https://example.org/a%20b",
                                 "imaps://me%40x.org@imap.example.org/INBOX"])
def test_web_addresses_of_every_usable_shape_stay_valid(
        write_config: Callable[[str], Path], url: str) -> None:
    path = write_config(T + f'sources:\n  - name: A\n    url: "{url}"\n')
    assert load_config(path).sources[0].url == url


def test_paths_that_only_look_like_hosts_stay_paths(write_config: Callable[[str], Path]) -> None:
    """A file or folder that is there is read, whatever its name; a bare file name and a
    relative path are paths even when missing (a mailbox folder may come later)."""
    path = write_config(T + "sources:\n  - {name: A, url: mirror.example.org/feed.xml}\n"
                            "  - {name: B, url: feed.xml}\n  - {name: C, url: feeds/one.xml}\n"
                            "  - {name: D, url: ':feeds/two.xml'}\n")
    (path.parent / "mirror.example.org").mkdir()
    (path.parent / "mirror.example.org" / "feed.xml").write_text("<rss/>", encoding="utf-8")
    urls = [s.url for s in load_config(path).sources]
    assert urls == [str(path.parent / n) for n in
                    ("mirror.example.org/feed.xml", "feed.xml", "feeds/one.xml",
                     ":feeds/two.xml")]


def test_a_schemeless_address_too_long_for_a_file_name_is_still_a_config_error(
        write_config: Callable[[str], Path]) -> None:
    """Whether the path is there is asked of the file system, which refuses a name this long
    (OSError, found by the fuzzer): no file is there, and the address is reported."""
    host = "a" * 300 + ".example.org"
    path = write_config(T + f"sources:\n  - name: A\n    url: {host}/feed\n")
    with pytest.raises(ConfigError, match="has no scheme"):
        load_config(path)


def test_no_config_in_this_folder_says_how_to_name_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`digest run` in a folder without sources.yaml said only "cannot read the config file
    (No such file or directory)"."""
    monkeypatch.chdir(tmp_path)
    err = _cli_error(Path("sources.yaml"), capsys)
    assert (f"sources.yaml: cannot read the config file (No such file or directory; there is "
            f"none in {tmp_path}: give its path with --config PATH or $DIGEST_CONFIG)") in err


def test_a_file_saved_in_gbk_names_its_line(tmp_path: Path) -> None:
    """A config saved by an editor in GBK said only "sources.yaml: not UTF-8 text"."""
    path = tmp_path / "sources.yaml"
    path.write_bytes("newsletter:\n  title: T\n  topics: [人工智能]\n".encode("gbk"))
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value) == f"{path}:3: not UTF-8 text (save the file as UTF-8)"


def test_newsletter_labels_replace_words_and_a_misspelt_one_is_refused(
        write_config: Callable[[str], Path]) -> None:
    config = load_config(write_config(T + "  language: zh\n  labels: {tldr: 一句话}\n"))
    assert dict(config.newsletter.labels) == {"tldr": "一句话"}
    with pytest.raises(ConfigError, match="unknown label 'tl_dr'"):
        load_config(write_config(T + "  labels: {tl_dr: 一句话}\n"))
