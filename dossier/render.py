"""The Jinja environment: page plans -> page text. All escaping lives here.

Markdown templates print nothing raw: every `{{ }}` must pass through one of the filters
below, chosen for where the text lands (Markdown text, an HTML attribute, a link target,
an attribute list). Text from data can then never become HTML, a link, a heading or an
attribute, and a template that forgets a filter fails the build instead of leaking.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from .pages import PagePlan, Redirect
from .schema import LANGUAGE_PATTERN

TEMPLATES = Path(__file__).with_name("templates")
GENERATED_NOTE = "generated from data/ by scripts/build_pages.py — do not edit"

# Characters that have a meaning anywhere in a line of Markdown (emphasis, code, links,
# attribute lists, tables, headings' closing hashes, HTML), written as numeric character
# references: they then print as themselves in any Markdown flavour. Others only matter
# at the start of a line (lists, headings, quotes), handled by _LINE_START.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]#|<>&~^$=]")
_LINE_START = re.compile(r"^(\s*)([-+=:]|\d+(?=[.)]))")
_WHITESPACE = re.compile(r"\s+")
_ANCHOR = re.compile(r"[a-z0-9]+([-_][a-z0-9]+)*")
_LANGUAGE = re.compile(LANGUAGE_PATTERN)


class UnescapedOutput(Exception):
    pass


def md(value, keep_edges: bool = False) -> Markup:
    """Text for a Markdown context: one line, every special character neutralised.

    keep_edges keeps a leading and trailing space, for a piece of text printed beside a link.
    """
    text = _WHITESPACE.sub(" ", str(value))
    text = text if keep_edges else text.strip()
    text = _MARKDOWN_SPECIAL.sub(_reference, text)
    return Markup(_LINE_START.sub(lambda m: m.group(1) + "".join(_reference(c) for c in m.group(2)), text))


def _reference(match_or_char) -> str:
    char = match_or_char if isinstance(match_or_char, str) else match_or_char.group()
    return f"&#{ord(char)};"


def attr(value) -> Markup:
    """Text for an HTML attribute value or an HTML-only context."""
    return Markup(html.escape(str(value), quote=True))


def url(value) -> Markup:
    """A link target: percent-encodes what could end or bend a Markdown link."""
    return Markup(quote(str(value), safe="/:#?&=%.-_~@+,;!$"))


def anchor(value, lang: str | None = None) -> Markup:
    """An attribute list giving a heading its id (and language): `{#iran-drones lang="fr"}`."""
    text = str(value)
    if not _ANCHOR.fullmatch(text) or (lang is not None and not _LANGUAGE.fullmatch(lang)):
        raise ValueError(f"not an anchor: {text!r} {lang!r}")
    return Markup("{#" + text + (f' lang="{lang}"' if lang else "") + "}")


def lang(value) -> Markup:
    """An attribute list giving an inline element its language: `{ lang="fr" }`."""
    if not _LANGUAGE.fullmatch(str(value)):
        raise ValueError(f"not a language tag: {value!r}")
    return Markup('{ lang="' + str(value) + '" }')


def yaml_string(value) -> Markup:
    """A quoted scalar for a page's front matter (JSON strings are YAML strings)."""
    return Markup(json.dumps(str(value), ensure_ascii=False))


def _only_escaped(value):
    if isinstance(value, (Markup, int)) and not isinstance(value, bool):
        return value
    raise UnescapedOutput(f"template printed {value!r} without an escaping filter (md, attr, url, anchor, lang or yaml_string)")


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,  # so macros return Markup; every value still goes through a filter (finalize)
        finalize=_only_escaped,
    )
    env.filters.update(md=md, attr=attr, url=url, anchor=anchor, lang=lang, yaml_string=yaml_string)
    env.globals["generated_note"] = Markup(GENERATED_NOTE)
    return env


def render_pages(plans: list[PagePlan], redirects: list[Redirect]) -> dict[str, str]:
    """Every generated file's path (relative to docs/) and text."""
    env = environment()
    files = {plan.path: env.get_template(plan.template).render(**plan.context) for plan in plans}
    redirect_template = env.get_template("redirect.html.j2")
    for redirect in redirects:
        files[redirect.path] = redirect_template.render(redirect=redirect)
    return files
