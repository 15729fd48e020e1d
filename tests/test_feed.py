"""The Atom feed of the dossier: well-formed, complete per RFC 4287, every entry of every
collection, text kept as text. Without history (here: no git), no date is invented: each
entry's <updated> is the build's, and the order the site's. With history: tests/test_history.py."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from dossier.build import check_dataset
from dossier.feed import atom_feed

from .conftest import PROJECT, VALID_CASE, copy_valid_case

SITE = "https://example.org/dossier/"
UPDATED = "2025-01-31T12:00:00Z"
A = "{http://www.w3.org/2005/Atom}"
RFC3339 = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"


def parsed(dossier) -> ET.Element:
    text = atom_feed(dossier, SITE, UPDATED)
    assert text.startswith("<?xml")
    return ET.fromstring(text.encode("utf-8"))


@pytest.fixture(scope="module", params=[VALID_CASE, PROJECT], ids=["test-case", "dossier"])
def dossier(request):
    return check_dataset(request.param)


def test_the_feed_has_what_rfc_4287_requires(dossier):
    feed = parsed(dossier)
    assert feed.tag == f"{A}feed"
    assert feed.findtext(f"{A}id") == SITE
    assert feed.findtext(f"{A}title")
    assert feed.findtext(f"{A}updated") == UPDATED
    assert feed.find(f"{A}author/{A}name").text  # required at feed level when entries have none
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links == {"self": f"{SITE}feed.xml", "alternate": SITE}


def label(record) -> str:
    return str(record.values[{"actors": "name", "transfers": "item"}.get(record.collection, "title")])


def test_one_entry_per_record_with_id_title_updated_link_summary(dossier):
    entries = parsed(dossier).findall(f"{A}entry")
    assert len(entries) == len(dossier.records)
    for entry in entries:
        record = dossier.records[entry.findtext(f"{A}id").removeprefix(f"{SITE}r/").removesuffix("/")]
        assert entry.findtext(f"{A}id") == f"{SITE}r/{record.id}/"
        assert entry.findtext(f"{A}title") == label(record)
        assert re.match(RFC3339, entry.findtext(f"{A}updated"))
        assert entry.findtext(f"{A}updated") == UPDATED and entry.find(f"{A}published") is None, "no history: no date invented"
        (link,) = entry.findall(f"{A}link")
        assert (link.get("rel"), link.get("href")) == ("alternate", f"{SITE}r/{record.id}/")
        # the feed's text has no links: citation markers ("...in 2022.[1]") are left out
        summary = record.values.get("summary")
        assert entry.findtext(f"{A}summary") == re.sub(r"\s*\[\d+(, \d+)*\]", "", summary.en if summary else label(record))
        category = record.values.get("category")
        assert [c.get("term") for c in entry.findall(f"{A}category")] == [*([category] if category else []), *(record.values.get("tags") or ())]


def test_without_history_entries_are_in_the_sites_order_newest_event_first(dossier):
    ids = [e.findtext(f"{A}id") for e in parsed(dossier).findall(f"{A}entry")]
    expected = [*reversed(dossier.of("events")), *(r for c in ("transfers", "agreements", "actors", "sources") for r in dossier.of(c))]
    assert ids == [f"{SITE}r/{r.id}/" for r in expected]


def test_the_test_case_in_order():
    ids = [e.findtext(f"{A}id") for e in parsed(check_dataset(VALID_CASE)).findall(f"{A}entry")]
    assert ids[:3] == [f"{SITE}r/{i}/" for i in ("friendship-treaty-signed", "ravna-denies-arms", "spring-2021")]


HOSTILE = "<script>alert('x')</script> & ]]> \"quoted\" <![CDATA[ nope ]]>"


def test_hostile_text_stays_text(tmp_path):
    root = copy_valid_case(tmp_path / "case")
    title, summary = json.dumps(HOSTILE), json.dumps(HOSTILE + "\u000b (a vertical tab XML cannot carry)")
    (root / "data" / "events" / "hostile.yaml").write_text(
        f"""\
- id: hostile-event
  date: 2021-05
  title: {title}
  summary: {summary}
  category: military
  actors: [ravna]
  status: reported
  tags: [script]
  sources:
    - source: bulletin-2021-06
      quote: signed in Lorn
""",
        encoding="utf-8",
    )
    hostile = check_dataset(root)
    text = atom_feed(hostile, SITE, UPDATED)
    assert text == _element_tree_feed(hostile, SITE, UPDATED)
    assert "<script>" not in text and "<![CDATA[" not in text
    entry = next(e for e in ET.fromstring(text).findall(f"{A}entry") if e.findtext(f"{A}id").endswith("/hostile-event/"))
    assert entry.findtext(f"{A}title") == HOSTILE
    assert entry.findtext(f"{A}summary") == HOSTILE + " (a vertical tab XML cannot carry)"
    assert list(entry.find(f"{A}title")) == []  # no element made from the text


def _element_tree_feed(dossier, site_url: str, updated: str) -> str:
    """The feed as ElementTree writes it: what atom_feed's text must equal, byte for byte."""
    not_xml = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

    def add(parent, tag, text=None, **attributes):
        element = ET.SubElement(parent, tag, {k: not_xml.sub("", v) for k, v in attributes.items()})
        if text is not None:
            element.text = not_xml.sub("", text)
        return element

    feed = ET.Element("feed", {"xmlns": "http://www.w3.org/2005/Atom", "xml:lang": "en"})
    add(feed, "id", site_url)
    add(feed, "title", "Russia–Iran dossier: new and changed entries", type="text")
    add(feed, "link", rel="self", type="application/atom+xml", href=f"{site_url}feed.xml")
    add(feed, "link", rel="alternate", type="text/html", href=site_url)
    add(feed, "updated", updated)
    add(add(feed, "author"), "name", "Russia–Iran dossier")
    records = [*reversed(dossier.of("events")), *(r for c in ("transfers", "agreements", "actors", "sources") for r in dossier.of(c))]
    for record in records:
        entry = add(feed, "entry")
        link = f"{site_url}r/{record.id}/"
        add(entry, "id", link)
        add(entry, "title", label(record), type="text")
        add(entry, "link", rel="alternate", type="text/html", href=link)
        add(entry, "updated", updated)
        summary = record.values.get("summary")
        add(entry, "summary", re.sub(r"\s*\[\d+(, \d+)*\]", "", summary.en if summary else label(record)), type="text")
        category = record.values.get("category")
        for term in (*([category] if category else []), *(record.values.get("tags") or ())):
            add(entry, "category", term=term)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def test_the_feed_is_written_as_element_tree_would_write_it(dossier, tmp_path):
    assert atom_feed(dossier, SITE, UPDATED) == _element_tree_feed(dossier, SITE, UPDATED)
    hostile_site = 'https://example.org/a&b<c>"d"\te\nf\r/'  # every character an attribute escapes
    assert atom_feed(dossier, hostile_site, UPDATED) == _element_tree_feed(dossier, hostile_site, UPDATED)
