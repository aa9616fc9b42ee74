"""The repository's own top-level templates/: a README and one working override (the site's
footer), picked up by default for a config beside it, file by file over the package's."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import lxml.html
import pytest

from digest.config import load_config
from digest.errors import RenderError
from digest.models import EmailSettings, Issue
from digest.publish import build_site, publish_issue
from digest.render import render_issue

REPO = Path(__file__).resolve().parents[2]
FOLDER = REPO / "templates"


def test_the_repo_config_picks_up_templates_by_default() -> None:
    assert load_config(REPO / "sources.yaml").templates == FOLDER
    assert (FOLDER / "README.md").is_file()


def test_every_override_names_a_package_template() -> None:
    """A misspelt override would be silently ignored: each file must replace a default."""
    package = {p.name for p in files("digest").joinpath("templates").iterdir()}
    overrides = [p.name for p in FOLDER.iterdir() if p.name != "README.md"]
    assert overrides and set(overrides) <= package


def _footer(out: Path) -> str:
    doc = lxml.html.document_fromstring((out / "issues" / "2026-W10" / "index.html")
                                        .read_text(encoding="utf-8"))
    [footer] = doc.xpath("//footer[@class='site-footer']")
    return str(lxml.html.tostring(footer, encoding="unicode"))


@pytest.mark.parametrize("templates", [None, FOLDER])
def test_the_footer_override_replaces_only_the_footer(tmp_path: Path, issue: Issue,
                                                      templates: Path | None) -> None:
    out = tmp_path / "out"
    publish_issue(render_issue(issue, templates=templates), out, issue=issue,
                  email=EmailSettings(), templates=templates)
    build_site(out, issue.newsletter, templates=templates)
    footer = _footer(out)
    assert "China AI Digest" in footer  # both print the newsletter's line
    if templates is None:
        assert "colophon" not in footer
    else:
        assert 'class="colophon"' in footer and 'href="https://news.example.org/digest/feed.json"' in footer
        front = (out / "index.html").read_text(encoding="utf-8")
        assert 'class="colophon"' in front  # the front page uses the same layout
    # everything else still comes from the package: the email has no site footer at all
    assert "colophon" not in (out / "issues" / "2026-W10" / "email.html").read_text("utf-8")


def test_a_broken_override_names_its_file_and_line(tmp_path: Path, issue: Issue) -> None:
    (tmp_path / "_site_footer.html").write_text("<footer>\n{% if %}\n</footer>\n",
                                                encoding="utf-8")
    with pytest.raises(RenderError, match=r"_site_footer.html:2: "):
        render_issue(issue, templates=tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / "_site_footer.html").write_text("<footer>{{ no_such_variable }}</footer>\n",
                                             encoding="utf-8")
    with pytest.raises(RenderError, match="no_such_variable"):
        render_issue(issue, templates=other)
