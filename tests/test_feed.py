"""The Atom feed of the timeline: well-formed, complete per RFC 4287, newest first, text kept as text."""

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


def test_one_entry_per_event_with_id_title_updated_link_summary(dossier):
    entries = parsed(dossier).findall(f"{A}entry")
    events = {r.id: r for r in dossier.of("events")}
    assert len(entries) == len(events)
    for entry in entries:
        record_id = entry.findtext(f"{A}id").removeprefix(f"{SITE}r/").removesuffix("/")
        event = events[record_id]
        assert entry.findtext(f"{A}id") == f"{SITE}r/{event.id}/"
        assert entry.findtext(f"{A}title") == event.title.en
        assert re.match(RFC3339, entry.findtext(f"{A}updated"))
        assert entry.findtext(f"{A}updated") == f"{event.date.first_day.isoformat()}T00:00:00Z"
        (link,) = entry.findall(f"{A}link")
        assert (link.get("rel"), link.get("href")) == ("alternate", f"{SITE}r/{event.id}/")
        # the feed's text has no links: citation markers ("...in 2022.[1]") are left out
        assert entry.findtext(f"{A}summary") == re.sub(r"\s*\[\d+(, \d+)*\]", "", (event.summary or event.title).en)
        assert [c.get("term") for c in entry.findall(f"{A}category")] == [event.category, *event.tags]


def test_entries_are_newest_first(dossier):
    ids = [e.findtext(f"{A}id") for e in parsed(dossier).findall(f"{A}entry")]
    assert ids == [f"{SITE}r/{r.id}/" for r in reversed(dossier.of("events"))]
    dates = [e.findtext(f"{A}updated") for e in parsed(dossier).findall(f"{A}entry")]
    assert dates == sorted(dates, reverse=True)


def test_the_test_case_in_order():
    ids = [e.findtext(f"{A}id") for e in parsed(check_dataset(VALID_CASE)).findall(f"{A}entry")]
    assert ids == [f"{SITE}r/{i}/" for i in ("friendship-treaty-signed", "ravna-denies-arms", "spring-2021")]


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
    add(feed, "title", "Russia–Iran dossier: timeline", type="text")
    add(feed, "link", rel="self", type="application/atom+xml", href=f"{site_url}feed.xml")
    add(feed, "link", rel="alternate", type="text/html", href=site_url)
    add(feed, "updated", updated)
    add(add(feed, "author"), "name", "Russia–Iran dossier")
    for event in reversed(dossier.of("events")):
        entry = add(feed, "entry")
        link = f"{site_url}r/{event.id}/"
        add(entry, "id", link)
        add(entry, "title", event.title.en, type="text")
        add(entry, "link", rel="alternate", type="text/html", href=link)
        add(entry, "updated", f"{event.date.first_day.isoformat()}T00:00:00Z")
        add(entry, "summary", re.sub(r"\s*\[\d+(, \d+)*\]", "", (event.summary or event.title).en), type="text")
        for term in (event.category, *event.tags):
            add(entry, "category", term=term)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def test_the_feed_is_written_as_element_tree_would_write_it(dossier, tmp_path):
    assert atom_feed(dossier, SITE, UPDATED) == _element_tree_feed(dossier, SITE, UPDATED)
    hostile_site = 'https://example.org/a&b<c>"d"\te\nf\r/'  # every character an attribute escapes
    assert atom_feed(dossier, hostile_site, UPDATED) == _element_tree_feed(dossier, hostile_site, UPDATED)
