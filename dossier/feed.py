"""The timeline as an Atom 1.0 feed (RFC 4287), newest event first.

Written as ElementTree would write it (`ET.indent`, then `ET.tostring`), but as text: at
10,000 records ElementTree's pure-Python serializer took a good part of a second. Text
from data only ever passes through `_text` and `_attribute`, which escape it as
ElementTree does, so it is always character data, never markup; characters XML 1.0
cannot carry at all (most C0 controls) are dropped.
"""

from __future__ import annotations

from .addresses import permanent_link
from .i18n import Words, localised
from .markers import without_markers
from .model import Dossier, Record
from .xmltext import xml_attribute, xml_text

ATOM = "http://www.w3.org/2005/Atom"
TITLE = "Russia–Iran dossier: timeline"
# Atom's ids must be whole IRIs: where no address is published, a tag URI (RFC 4151) names each entry.
TAG = "tag:russia-iran-dossier,2023:"
AUTHOR = "Russia–Iran dossier"


def _element(indent: str, tag: str, text: str | None = None, **attributes: str) -> str:
    """One element without children, on its own line."""
    start = tag + "".join(f' {name}="{xml_attribute(value)}"' for name, value in attributes.items())
    text = xml_text(text) if text is not None else ""
    return f"{indent}<{start}>{text}</{tag}>\n" if text else f"{indent}<{start} />\n"


def _entry(event: Record, site_url: str, lang: str) -> str:
    link = permanent_link(site_url, event.id)  # relative (to the feed) where no address is set
    return "".join((
        "  <entry>\n",
        _element("    ", "id", link if site_url else f"{TAG}{event.id}"),
        _element("    ", "title", str(localised(event.title, lang)), type="text"),
        _element("    ", "link", rel="alternate", type="text/html", href=link),
        _element("    ", "updated", f"{event.date.first_day.isoformat()}T00:00:00Z"),  # the first day of its period
        _element("    ", "summary", without_markers(str(localised(event.summary or event.title, lang))), type="text"),
        _element("    ", "category", term=event.category),
        *(_element("    ", "category", term=tag) for tag in event.tags),
        "  </entry>\n",
    ))


def atom_feed(dossier: Dossier, site_url: str, updated: str, lang: str = "en") -> str:
    """The feed's XML text, in the `lang` edition (at `site_url`); `updated` is an RFC 3339
    time (e.g. "2025-01-31T12:00:00Z")."""
    return "".join((
        "<?xml version='1.0' encoding='utf-8'?>\n",
        f'<feed xmlns="{ATOM}" xml:lang="{lang}">\n',  # names unqualified in Atom's default namespace
        _element("  ", "id", site_url or f"{TAG}{lang}"),
        _element("  ", "title", Words(lang)(TITLE), type="text"),
        _element("  ", "link", rel="self", type="application/atom+xml", href=f"{site_url}feed.xml"),
        _element("  ", "link", rel="alternate", type="text/html", href=site_url or "./"),
        _element("  ", "updated", updated),
        "  <author>\n",
        _element("    ", "name", AUTHOR),
        "  </author>\n",
        *(_entry(event, site_url, lang) for event in reversed(dossier.of("events"))),
        "</feed>\n",
    ))
