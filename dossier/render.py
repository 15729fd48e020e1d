"""The Jinja environment: page plans -> page text. All escaping lives here.

Markdown templates print nothing raw: every `{{ }}` must pass through one of the filters
below, chosen for where the text lands (Markdown text, an HTML attribute, a link target,
an attribute list). Text from data can then never become HTML, a link, a heading or an
attribute, and a template that forgets a filter fails the build instead of leaking.
"""

from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path
from urllib.parse import quote

import jinja2
import jinja2.compiler
from markupsafe import Markup

from .i18n import EnglishStandIn
from .pages import PageTask, Redirect
from .schema import LANGUAGE_PATTERN

TEMPLATES = Path(__file__).with_name("templates")
GENERATED_NOTE = "generated from data/ by scripts/build_pages.py — do not edit"
# Around raw HTML that Python-Markdown need not read: scripts/raw_html.py holds it out of its way.
RAW_START, RAW_END = "<!-- dossier:html -->", "<!-- /dossier:html -->"

# Characters that have a meaning anywhere in a line of Markdown (emphasis, code, links,
# attribute lists, tables, headings' closing hashes, HTML), written as numeric character
# references: they then print as themselves in any Markdown flavour. Others only matter
# at the start of a line (lists, headings, quotes), handled by _LINE_START.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]#|<>&~^$=]")
_LINE_START = re.compile(r"^(\s*)([-+=:]|\d+(?=[.)]))")
# Line breaks and runs of spaces become one space; no-break spaces (French « : » typography) stay.
_WHITESPACE = re.compile(r"[ \t\n\r\f\v\x85\u2028\u2029]+")
_ODD_WHITESPACE = re.compile(r"[\t\n\r\f\v\x85\u2028\u2029]|  ")  # what _WHITESPACE would change
_ANCHOR = re.compile(r"[a-z0-9]+([-_][a-z0-9]+)*")
_LANGUAGE = re.compile(LANGUAGE_PATTERN)


def _markup(text: str) -> Markup:
    """Text this module has escaped, marked as such: Markup(text) without Markup's own checks
    (a Python-level __new__), which cost more than the text at 10,000 records."""
    return str.__new__(Markup, text)


class UnescapedOutput(Exception):
    pass


def md(value, keep_edges: bool = False) -> Markup:
    """Text for a Markdown context: one line, every special character neutralised.

    keep_edges keeps a leading and trailing space, for a piece of text printed beside a link.
    English standing in for a translation (i18n.EnglishStandIn) is marked as English.
    """
    if isinstance(value, EnglishStandIn):
        return _markup(f'<span lang="en">{_md(str(value), keep_edges)}</span>')
    return _md(str(value), keep_edges)


@functools.lru_cache(maxsize=1 << 16)
def _md(text: str, keep_edges: bool) -> Markup:
    """md() of a string, remembered: titles and names are printed in many lists."""
    # Most text needs none of the three rewrites: looking is cheaper than rewriting.
    if _ODD_WHITESPACE.search(text):
        text = _WHITESPACE.sub(" ", text)
    text = text if keep_edges else text.strip()
    if _MARKDOWN_SPECIAL.search(text):
        text = _MARKDOWN_SPECIAL.sub(_reference, text)
    if _LINE_START.match(text):
        text = _LINE_START.sub(lambda m: m.group(1) + "".join(_reference(c) for c in m.group(2)), text)
    return _markup(text)


def _reference(match_or_char) -> str:
    char = match_or_char if isinstance(match_or_char, str) else match_or_char.group()
    return f"&#{ord(char)};"


@functools.lru_cache(maxsize=1 << 16)
def attr(value) -> Markup:
    """Text for an HTML attribute value or an HTML-only context."""
    return _markup(html.escape(str(value), quote=True))


def url(value) -> Markup:
    """A link target: percent-encodes what could end or bend a Markdown link."""
    return _markup(quote(str(value), safe="/:#?&=%.-_~@+,;!$"))


def anchor(value, lang: str | None = None) -> Markup:
    """An attribute list giving a heading its id (and language): `{#iran-drones lang="fr"}`."""
    text = str(value)
    if not _ANCHOR.fullmatch(text) or (lang is not None and not _LANGUAGE.fullmatch(lang)):
        raise ValueError(f"not an anchor: {text!r} {lang!r}")
    return _markup("{#" + text + (f' lang="{lang}"' if lang else "") + "}")


def lang(value) -> Markup:
    """An attribute list giving an inline element its language: `{ lang="fr" }`."""
    if not _LANGUAGE.fullmatch(str(value)):
        raise ValueError(f"not a language tag: {value!r}")
    return _markup('{ lang="' + str(value) + '" }')


def yaml_string(value) -> Markup:
    """A quoted scalar for a page's front matter (JSON strings are YAML strings)."""
    return _markup(json.dumps(str(value), ensure_ascii=False))


# Pieces of Markdown printed thousands of times at scale, as filters rather than template
# macros (a Jinja macro call costs more than the text it writes). Each escapes what it prints.


@functools.lru_cache(maxsize=1 << 16)
def link(item) -> Markup:
    """A Link as a Markdown link, with its language when it is not the page's (the link carries
    it, so English standing in needs no mark of its own)."""
    text = f"[{md(str(item.text))}]({url(item.href)})"
    return _markup(text + str(lang(item.lang)) if item.lang else text)  # str + Markup would escape the str


def links(items) -> Markup:
    return _markup(", ".join(link(item) for item in items))


def date(view) -> Markup:
    """A DateView: `c. <time datetime="2023-02">February 2023</time> – …`."""
    text = f'<time datetime="{attr(view.start.iso)}">{md(view.start_text)}</time>'
    if view.end:
        text += f' – <time datetime="{attr(view.end.iso)}">{md(view.end_text)}</time>'
    return _markup((f"{md(view.approximate)} " if view.approximate else "") + text)


def status(shown, value, meaning) -> Markup:
    """A status in words (`shown`, the edition's), its class the data's `value`, its meaning as a tooltip."""
    title = f' title="{attr(meaning)}"' if meaning else ""
    return _markup(f'<span class="dossier-status dossier-status--{attr(value)}"{title}>{md(shown)}</span>')


@functools.lru_cache(maxsize=1 << 16)
def _html_text(value) -> str:
    """Text for the content of a raw HTML element (quotes need no escaping there)."""
    return html.escape(str(value), quote=False)


def ref(view) -> Markup:
    """A citation marker (citing.Ref): `[1]`, a link to the quote it names, for each number."""
    # Brackets as references: a Markdown parser may read a bare [2] as a link reference.
    links = "".join(f'<a href="{attr(href)}" aria-label="{attr(name)}">&#91;{number}&#93;</a>' for number, href, name in view.hrefs)
    anchor = f' id="{attr(view.anchor)}"' if view.anchor else ""
    return _markup(f'<sup class="dossier-ref"{anchor} data-search-exclude>{links}</sup>')


def cited(pieces) -> Markup:
    """A text with its citation markers (citing.Citing.text) as Markdown: words escaped, markers as links."""
    return _markup("".join(md(piece, keep_edges=True) if isinstance(piece, str) else ref(piece) for piece in pieces).strip())


def html_link(item) -> Markup:
    """A Link in raw HTML, where MkDocs rewrites nothing: its href is the built site's."""
    language = f' lang="{attr(item.lang)}"' if item.lang else ""
    return _markup(f'<a href="{attr(item.href)}"{language}>{_html_text(item.text)}</a>')


@functools.lru_cache(maxsize=1 << 16)
def citation(view) -> Markup:
    """A CitationView in raw HTML: the quote in its language, its translation, and its source."""
    translation = f' <span class="dossier-translation">({_html_text(view.translation)})</span>' if view.translation else ""
    return _markup(f'<q lang="{attr(view.lang)}">{_html_text(view.quote)}</q>{translation} — {html_link(view.source)}')


def _back(ways) -> str:
    """The way back from a citation to the markers naming it (citing.Numbered.back): ↑, or ↑ a b c for several."""
    if len(ways) == 1:
        anchor, name = ways[0]
        return f' <a class="dossier-back" href="#{attr(anchor)}" aria-label="{attr(name)}">↑</a>'
    letters = " ".join(f'<a href="#{attr(anchor)}" aria-label="{attr(name)}">{chr(97 + i)}</a>' for i, (anchor, name) in enumerate(ways))
    return f' <span class="dossier-back">↑ {letters}</span>' if ways else ""


@functools.lru_cache(maxsize=1 << 16)
def entry_link(item) -> Markup:
    """An EntryLink as a list item: `<li>date: <a href>title</a> <span>noun, status</span></li>`."""
    date = f"{md(item.date)} " if item.date else ""
    status = f", {md(item.status)}" if item.status else ""
    return _markup(f'<li>{date}{html_link(item.link)} <span class="dossier-kind">{md(item.noun)}{status}</span></li>\n')


def entry_links(items) -> Markup:
    """A list of entries in raw HTML, held out of Python-Markdown's way (scripts/raw_html.py)."""
    return _markup(f'{RAW_START}\n<ul>\n{"".join(entry_link(item) for item in items)}</ul>\n{RAW_END}\n' if items else "")


def citations(items) -> Markup:
    """A record's citations (citing.Numbered), numbered as its markers name them, in raw HTML."""
    lines = []
    for item in items:
        lead = f"{html_link(item.lead.actor)} {_html_text(item.lead.stance)} " if item.lead else ""
        entry = f" ({_html_text(item.entry_word)} {html_link(item.entry)})" if item.entry else ""
        lines.append(f'<li id="{attr(item.anchor)}">{lead}{citation(item.citation)}{entry}{_back(item.back)}</li>\n')
    return _markup(f'<ol class="dossier-citations">\n{"".join(lines)}</ol>\n')


def html_links(items) -> Markup:
    return _markup(", ".join(html_link(item) for item in items))


@jinja2.pass_context
def note(context, pieces) -> Markup:
    """The editor's note on a record (its text as citing.Citing.text makes it), if it has one,
    in raw HTML as Python-Markdown's admonition writes it."""
    if not pieces:
        return _markup("")
    title = md(context["_"]("Editor's note"))
    return _markup(f'\n<div class="admonition note">\n<p class="admonition-title">{title}</p>\n<p>{cited(pieces)}</p>\n</div>\n')


@jinja2.pass_context
def permalink(context, link, terms) -> Markup:
    """An entry's permanent link (copied by dossier.js), its hidden search terms, and how to
    cite it, in raw HTML."""
    _ = context["_"]
    copy_link, copy_citation = _("Copy link"), _("Copy citation")
    # Where no address is published, the address shows from the site's root, and dossier.js
    # writes it out whole, from where the reader found the site (data-copy then comes from the link).
    # Search leaves out the two spans marked data-search-exclude (scripts/search_index.py).
    address = f'<bdi class="dossier-address">{md(link["absolute"])}</bdi>'
    copied = f' data-copy="{attr(link["absolute"])}"' if link["published"] else " data-copy"
    before, after = link["citation"]
    cited = address
    if link["history"]:  # the version's link, which dossier.js writes out whole as it does the permanent link
        cited = f'<bdi class="dossier-address" data-version="{attr(link["history"]["digest"])}">{md(link["version_absolute"])}</bdi>'
    return _markup(
        f'\n<p><span class="dossier-permalink" data-search-exclude="true">{md(_("Permanent link:"))} <a{copied} href="{attr(link["href"])}">{address}</a>'
        f'{_copy_button(copy_link, _("{copy}: the permanent link {link}", copy=copy_link, link=link["absolute"]))}'
        f'</span><span class="dossier-search-terms" hidden>{md(terms)}</span></p>\n'
        f"{_history_line(_, link['history'])}"
        f'\n<p><span class="dossier-cite" data-search-exclude="true">{md(_("Cite this entry:"))} <bdi class="dossier-cite-text">{md(before, keep_edges=True)}{cited}{md(after, keep_edges=True)}'
        f' ({md(_("accessed"))} <bdi class="dossier-accessed">{md(_("date of access"))}</bdi>).</bdi>'
        f'{_copy_button(copy_citation, _("{copy}: the citation of this entry", copy=copy_citation))}</span></p>\n'
    )


def _history_line(_, history: dict | None) -> str:
    """"Added 22 November 2026 · changed 2 December 2026 · History", from git (history.py)."""
    if not history:
        return ""
    told = [_("Added {date}", date=history["added"])]
    if history["changed"]:
        told.append(_("changed {date}", date=history["changed"]))
    if history["uncommitted"]:
        told.append(_("changed since the last commit"))
    link = f' · <a href="{attr(history["href"])}">{md(_("History"))}</a>' if history["href"] else ""
    return f'\n<p><span class="dossier-history" data-search-exclude="true">{md(" · ".join(told))}{link}</span></p>\n'


def _copy_button(label: str, name: str) -> str:
    """A copy button (dossier.js makes it work; shown once scripts run), and where it says it copied.
    Its accessible name starts with the words it shows, so that a speech-control user can say them."""
    return (
        f' <button type="button" class="dossier-copy md-button" aria-label="{attr(name)}">{md(label)}</button>'
        '<output class="dossier-copy-status"></output>'
    )


def _labelled(label: str, text: str = "") -> str:
    """A paragraph that starts with a word in bold: "**Related:** …"."""
    return f"\n<p><strong>{md(label)}</strong>{' ' + text if text else ''}</p>\n"


@jinja2.pass_context
def entry_foot(context, e) -> Markup:
    """The end of every timeline, transfer and agreement entry, in raw HTML: claims, related
    records, the editor's note, the sources and the permanent link."""
    _ = context["_"]
    text = ""
    if e["claims"]:
        claims = "".join(f"<li>{html_link(claim.actor)} <strong>{md(claim.stance)}</strong>{ref(claim.ref)}</li>\n" for claim in e["claims"])
        text += f"{_labelled(_('Claims'))}\n<ul>\n{claims}</ul>\n"
    if e["related"]:
        text += _labelled(_("Related:"), html_links(e["related"]))
    text += f"{note(context, e['note'])}{_labelled(_('Sources'))}\n{citations(e['citations'])}{permalink(context, e['permalink'], e['search_terms'])}"
    return _markup(text)


# What a template may print through: each escapes what it prints.
FILTERS = dict(md=md, attr=attr, url=url, anchor=anchor, lang=lang, yaml_string=yaml_string)
FILTERS.update(link=link, links=links, html_link=html_link, html_links=html_links, date=date, status=status, citations=citations, cited=cited, ref=ref)
FILTERS.update(entry_links=entry_links, note=note, permalink=permalink, entry_foot=entry_foot)


def _only_escaped(value):
    if isinstance(value, (Markup, int)) and not isinstance(value, bool):
        return value
    raise UnescapedOutput(f"template printed {value!r} without an escaping filter ({', '.join(FILTERS)})")


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """Prints each value as finalize returned it, which is escaped text (`_only_escaped`):
    autoescape's own escape() of Markup changes nothing, and cost a Python call and a new
    Markup for each of some 200,000 values at 10,000 records."""

    def _output_child_pre(self, node, frame, finalize) -> None:
        if finalize.src is None or frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            return super()._output_child_pre(node, frame, finalize)
        self.write("str(" + finalize.src)


class _Environment(jinja2.Environment):
    code_generator_class = _CodeGenerator

    def getattr(self, obj, attribute):
        # Plans are dicts: `entry.record` is a key, found first (Jinja tries an attribute
        # first, and pays for the exception, some 300,000 times at 10,000 records).
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Compiling the templates costs more than rendering a small dossier; the cache (in the
        # system's temporary folder, keyed by each template's text) keeps the compiled code,
        # under a name of our own, as our code generator compiles them differently (a change to
        # _CodeGenerator needs a new name).
        bytecode_cache=jinja2.FileSystemBytecodeCache(pattern="dossier-jinja-%s.cache"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,  # so macros return Markup; every value still goes through a filter (finalize)
        finalize=_only_escaped,
    )
    env.filters.update(FILTERS)
    env.globals["generated_note"] = Markup(GENERATED_NOTE)
    return env


def render_jobs(jobs: list[PageTask | Redirect]) -> list[tuple[str, str]]:
    """Each job's files (a task plans a page and its list pages; a redirect is one page), as (path, text)."""
    env = environment()
    files = []
    for job in jobs:
        if isinstance(job, Redirect):
            files.append((job.path, redirect_page(job)))
        else:
            files.extend((plan.path, env.get_template(plan.template).render(**plan.context)) for plan in job())
    return files


# A template of its own, filled by str.format: there is one such page per id (10,000 and more),
# and a Jinja render costs ten times the text.
_REDIRECT_PAGE = f"""<!doctype html>
<!-- {GENERATED_NOTE} -->
<html lang="en">
<head>
<meta charset="utf-8">
<title>Redirecting…</title>
<meta name="robots" content="noindex">
{{redirect}}
<link rel="canonical" href="{{canonical}}">
</head>
<body>
<p>This entry is at <a href="{{target}}">{{canonical}}</a>.</p>
</body>
</html>
"""


def redirect_page(redirect: Redirect) -> str:
    """The page at /r/<id>/: it sends the reader, and search engines by its canonical link, to the
    entry; a link naming a version (`#v-<digest>`) other than the current one, to the entry's
    history (historypages.py). Without scripts, the meta refresh leads to the entry."""
    refresh = f'<meta http-equiv="refresh" content="0; url={attr(redirect.target)}">'
    if redirect.version:  # the entry has a history: the script decides, the refresh only without scripts
        current = _js(redirect.version)
        refresh = (
            f"<noscript>{refresh}</noscript>\n<script>"
            'var cited = /^#v-[0-9a-f]{8}$/.test(location.hash) ? location.hash.slice(3) : "";'
            f" location.replace(cited && cited !== {current} ? {_js(f'../{redirect.record_id}/history/')} + location.hash : {_js(redirect.target)});</script>"
        )
    return _REDIRECT_PAGE.format(redirect=refresh, target=attr(redirect.target), canonical=attr(redirect.canonical))


def _js(text: str) -> str:
    """A JavaScript string literal that cannot end the <script> it is in."""
    return json.dumps(text).replace("<", "\\u003c")
