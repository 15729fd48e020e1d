"""The dossier as an Atom 1.0 feed (RFC 4287): every entry of every collection, the most
recently added or changed first, from the history git gives (history.py). Each entry's
<updated> is the day it last changed in the dossier and <published> the day it first appeared;
its summary says which it was, and what changed. Without history there are no such dates to
give: every entry's <updated> is then the build's, none has <published>, and the order is
the site's (newest event first, then the other collections).

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
TITLE = "Russia–Iran dossier: new and changed entries"
COLLECTIONS = ("events", "transfers", "agreements", "actors", "sources")
# Atom's ids must be whole IRIs: where no address is published, a tag URI (RFC 4151) names each entry.
TAG = "tag:russia-iran-dossier,2023:"
AUTHOR = "Russia–Iran dossier"


def _element(indent: str, tag: str, text: str | None = None, **attributes: str) -> str:
    """One element without children, on its own line."""
    start = tag + "".join(f' {name}="{xml_attribute(value)}"' for name, value in attributes.items())
    text = xml_text(text) if text is not None else ""
    return f"{indent}<{start}>{text}</{tag}>\n" if text else f"{indent}<{start} />\n"


def _entry(record: Record, dossier: Dossier, site_url: str, lang: str, updated: str) -> str:
    _ = Words(lang)
    link = permanent_link(site_url, record.id)  # relative (to the feed) where no address is set
    versions = dossier.history.of(record.id)
    label = localised(record.values[record.label_field], lang)
    text = without_markers(str(localised(record.values.get("summary") or label, lang)))
    dates = []
    if versions:
        first, last = versions[0], versions[-1]
        if len(versions) == 1:
            said = _("Added {date}.", date=first.day(lang))
        else:
            changed = list(dict.fromkeys("citations" if c[0].startswith("citation ") else c[0] for c in last.changes))
            said = _("Changed {date}: {fields}.", date=last.day(lang), fields=", ".join(changed))
        text = f"{said} {text}"
        updated = f"{last.date}T00:00:00Z"
        dates = [_element("    ", "published", f"{first.date}T00:00:00Z")]
    category = record.values.get("category")
    return "".join((
        "  <entry>\n",
        _element("    ", "id", link if site_url else f"{TAG}{record.id}"),
        _element("    ", "title", str(label), type="text"),
        _element("    ", "link", rel="alternate", type="text/html", href=link),
        *dates,
        _element("    ", "updated", updated),
        _element("    ", "summary", text, type="text"),
        *([_element("    ", "category", term=category)] if category else []),
        *(_element("    ", "category", term=tag) for tag in record.values.get("tags") or ()),
        "  </entry>\n",
    ))


def feed_records(dossier: Dossier) -> list[Record]:
    """The entries in the feed's order: the most recently changed first (then the site's order)."""
    ordered = [*reversed(dossier.of("events")), *(r for c in COLLECTIONS if c != "events" for r in dossier.of(c))]
    history = dossier.history
    if history.missing:
        return ordered
    last = {i: versions[-1].date for i, versions in history.versions.items()}
    return sorted(ordered, key=lambda r: last.get(r.id, ""), reverse=True)  # sorted() keeps the site's order among equals


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
        *(_entry(record, dossier, site_url, lang, updated) for record in feed_records(dossier)),
        "</feed>\n",
    ))
