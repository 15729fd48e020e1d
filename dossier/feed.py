"""The timeline as an Atom 1.0 feed (RFC 4287), newest event first.

Built with ElementTree, so text from data is always character data, never markup;
characters XML 1.0 cannot carry at all (most C0 controls) are dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .model import Dossier, Record

ATOM = "http://www.w3.org/2005/Atom"
TITLE = "Russia–Iran dossier: timeline"
AUTHOR = "Russia–Iran dossier"

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _NOT_XML.sub("", v) for k, v in attributes.items()})
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


def permalink(site_url: str, record_id: str) -> str:
    return f"{site_url}r/{record_id}/"


def _entry(feed: ET.Element, event: Record, site_url: str) -> None:
    entry = _add(feed, "entry")
    link = permalink(site_url, event.id)
    _add(entry, "id", link)
    _add(entry, "title", event.title.en, type="text")
    _add(entry, "link", rel="alternate", type="text/html", href=link)
    _add(entry, "updated", f"{event.date.first_day.isoformat()}T00:00:00Z")  # the first day of its period
    _add(entry, "summary", (event.summary or event.title).en, type="text")
    _add(entry, "category", term=event.category)
    for tag in event.tags:
        _add(entry, "category", term=tag)


def atom_feed(dossier: Dossier, site_url: str, updated: str) -> str:
    """The feed's XML text; `updated` is an RFC 3339 time (e.g. "2025-01-31T12:00:00Z")."""
    feed = ET.Element("feed", xmlns=ATOM)  # names unqualified in Atom's default namespace
    _add(feed, "id", site_url)
    _add(feed, "title", TITLE, type="text")
    _add(feed, "link", rel="self", type="application/atom+xml", href=f"{site_url}feed.xml")
    _add(feed, "link", rel="alternate", type="text/html", href=site_url)
    _add(feed, "updated", updated)
    _add(_add(feed, "author"), "name", AUTHOR)
    for event in reversed(dossier.of("events")):
        _entry(feed, event, site_url)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
