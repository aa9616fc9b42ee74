"""The Jinja environment: package templates, overridable one file at a time, and filters.

A user folder (the top-level `templates/`) is searched first, then `digest/templates/`, so a
theme overrides exactly the files it ships and inherits the rest. Autoescaping is on for
.html and .xml (everything from a source is untrusted); .txt and .md templates are not
HTML, and escape for their own formats with the filters below.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from email.utils import format_datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

from digest.errors import RenderError
from digest.locale import WORDS, Words, date
from digest.render.urls import markdown_url, safe_url

# Tags and attributes allowed in HTML rendered from Markdown. Anything else (script, style,
# event handlers, iframes, forms, images with data: URLs) is stripped by nh3.
_ALLOWED_TAGS = {"a", "p", "em", "strong", "code", "ul", "ol", "li", "br", "blockquote"}
_ALLOWED_ATTRS = {"a": {"href", "title"}}
# html=False: raw HTML in Markdown source is printed as text, never passed through.
_MD = MarkdownIt("commonmark", {"html": False, "linkify": False})

# Characters that start Markdown syntax (or raw HTML, which Jekyll's kramdown would render).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>&|~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=>#]|\d+[.)])", re.MULTILINE)


def markdown_html(text: str, *, inline: bool = False) -> Markup:
    """Markdown → HTML with markdown-it-py, then an nh3 allowlist (http/https links only)."""
    html = _MD.renderInline(text) if inline else _MD.render(text)
    clean = nh3.clean(html, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRS,
                      url_schemes={"http", "https"}, link_rel="noopener noreferrer")
    return Markup(clean)


def sanitize_html(html: str) -> Markup:
    """Sanitise HTML that came from a source (a theme that prints feed HTML must use this)."""
    return Markup(nh3.clean(html, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRS,
                            url_schemes={"http", "https"}, link_rel="noopener noreferrer"))


def _md_char(m: re.Match[str]) -> str:
    # "{" as an entity, not "\{": Jekyll runs Liquid over the raw file before Markdown, and
    # "{{" or "{%" there would be executed; every Markdown renderer shows &#123; as "{".
    return "&#123;" if m.group(1) == "{" else "\\" + m.group(1)


def md_escape(text: str) -> str:
    """Plain text made inert in Markdown (CommonMark, Hugo's Goldmark, Jekyll's kramdown) and
    in the Liquid that Jekyll runs first: no "{{" or "{%" is ever left."""
    text = " ".join(str(text).split())
    text = _MD_SPECIAL.sub(_md_char, text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def yaml_str(value: object) -> str:
    """A YAML double-quoted scalar. JSON strings are valid YAML, escapes and all; "{" is
    written as the escape \\u007b, so no Liquid opener appears in the front matter either."""
    return json.dumps("" if value is None else str(value), ensure_ascii=False).replace(
        "{", "\\u007b")


def _dt(value: str | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def rfc3339(value: str | datetime) -> str:
    return _dt(value).isoformat()


def rfc2822(value: str | datetime) -> str:
    return format_datetime(_dt(value))


def date_only(value: str | datetime) -> str:
    return _dt(value).date().isoformat()


def human_date(value: str | datetime, said: Words | None = None) -> str:
    """'23 November 2026', or in the issue's words (the view's `words`): '2026年11月23日'."""
    return date(_dt(value), said or WORDS["en"])


_WIDE_CHARS = ("\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
               "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6")
_WIDE = re.compile(f"[{_WIDE_CHARS}]")
# What a CJK run breaks between: one wide character, or a run of narrow ones kept whole (a
# figure, "3000", "80%", "GPT-5", a URL: never "约30" / "00名教师").
_UNITS = re.compile(f"[{_WIDE_CHARS}]|[^{_WIDE_CHARS}]+")
# Closing punctuation never starts a line, opening punctuation never ends one (Chinese
# line-breaking rule).
_NO_LINE_START = frozenset("，。、；：？！）」』”’》〉】,.;:?!)")
_NO_LINE_END = frozenset("（「『“‘《〈【(")


def columns(text: str) -> int:
    """How many columns `text` takes in a fixed-width font: a CJK character takes two (the
    plain-text email's title underline)."""
    return len(text) + len(_WIDE.findall(text))


_cols = columns


def wrap_text(text: str, width: int = 72) -> str:
    """Word-wrap for the plain-text email, like Jinja's `wordwrap` with long words kept
    whole (URLs), except that Chinese, Japanese and Korean text — which has no spaces —
    breaks between characters, counted as two columns each, never inside a figure or a
    Latin word it holds."""
    out: list[str] = []
    for para in str(text).splitlines() or [""]:
        line = ""
        for word in para.split():
            sep = " " if line else ""
            if _cols(line + sep + word) <= width:
                line += sep + word
                continue
            if not _WIDE.search(word):
                if line:
                    out.append(line)
                line = word
                continue
            line += sep
            for unit in _UNITS.findall(word):  # a CJK run: fill the line, then the next
                if line.strip() and _cols(line + unit) > width and unit[0] not in _NO_LINE_START:
                    carried = ""
                    while line and line[-1] in _NO_LINE_END:
                        line, carried = line[:-1], line[-1] + carried
                    out.append(line.rstrip())
                    line = carried
                line += unit
        out.append(line)
    return "\n".join(out)


def lang_attribute(tag: str | None) -> Markup:
    """` lang="zh-Hans"` for an element whose text is in another language than the page
    (the view's `*_lang` keys, `script.part_language`); nothing when it is the page's own."""
    return Markup(' lang="%s"') % tag if tag else Markup("")


def in_language(text: str, tag: str | None) -> Markup:
    """`text`, escaped, in a `<span lang>` when it is in another language than the page (for a
    part inside an element in the page's language: a headline after its "Update" label)."""
    return Markup('<span lang="%s">%s</span>') % (tag, text) if tag else Markup("%s") % text


def _filters() -> dict[str, Any]:
    return {
        "lang": lang_attribute,
        "in_lang": in_language,
        "wrap": wrap_text,
        "columns": columns,
        "safe_url": safe_url,
        "md_url": lambda u: markdown_url(safe_url(u)),
        "markdown": markdown_html,
        "markdown_inline": lambda t: markdown_html(t, inline=True),
        "sanitize": sanitize_html,
        "md_escape": md_escape,
        "yaml_str": yaml_str,
        "rfc3339": rfc3339,
        "rfc2822": rfc2822,
        "date_only": date_only,
        "human_date": human_date,
    }


def _autoescape(name: str | None) -> bool:
    return bool(name) and str(name).rsplit(".", 1)[-1] in ("html", "htm", "xml")


@lru_cache(maxsize=8)
def _environment(user_dir: str | None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(jinja2.FileSystemLoader(user_dir))
    loaders.append(jinja2.PackageLoader("digest", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,  # a typo in a theme is an error, not a blank
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(_filters())
    return env


def environment(templates: Path | None = None) -> jinja2.Environment:
    """The Jinja environment, with `templates` (a folder) layered over the package defaults."""
    if templates is None:
        return _environment(None)
    folder = Path(templates)
    if not folder.is_dir():
        # A missing theme folder is fine (most users have none); a file there is a mistake.
        if folder.exists():
            raise RenderError(f"templates: {folder} is not a folder")
        return _environment(None)
    return _environment(str(folder.resolve()))


def render_template(name: str, context: dict[str, Any], *,
                    templates: Path | None = None) -> str:
    """Render one template by name; every Jinja failure becomes a RenderError naming it."""
    try:
        template = environment(templates).get_template(name)
        return template.render(**context)
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template not found: {exc.name}") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"{exc.filename or name}:{exc.lineno}: {exc.message}") from exc
    except jinja2.TemplateError as exc:
        raise RenderError(f"{name}: {exc}") from exc
