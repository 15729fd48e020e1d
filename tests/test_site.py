"""End to end: the valid case built into a whole site; the HTML a reader gets is checked."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from dossier.build import check_dataset

from .conftest import VALID_CASE
from .sitebuild import build_site, html_pages

pytestmark = pytest.mark.site
SITE_URL = "https://dossier.example.org/"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(VALID_CASE, tmp_path_factory.mktemp("site"), SITE_URL)


@pytest.fixture(scope="module")
def pages(site):
    return html_pages(site)


@pytest.fixture(scope="module")
def dossier():
    return check_dataset(VALID_CASE)


EDITIONS = ["", "fr/"]


def in_edition(path: str, prefix: str) -> bool:
    return path.startswith("fr/") == bool(prefix)


@pytest.mark.parametrize("prefix", EDITIONS, ids=["english", "french"])
def test_every_record_id_is_anchored_exactly_once_in_each_edition(pages, dossier, prefix):
    places = {}
    for path, page in pages.items():
        if not in_edition(path, prefix):
            continue
        for anchor in page.ids:
            if anchor in dossier.records or anchor in dossier.former_ids:
                places.setdefault(anchor, []).append(path)
    assert sorted(places) == sorted(dossier.records), "a record id is missing, or a former id is used as an anchor"
    assert {a: p for a, p in places.items() if len(p) != 1} == {}


def resolve(page_path: str, href: str) -> tuple[str, str]:
    """The site path of the HTML file a relative link leads to, and its anchor."""
    target, _, anchor = href.partition("#")
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), target))
    return (joined + "/index.html" if not joined.endswith(".html") else joined).lstrip("./"), anchor


@pytest.mark.parametrize("prefix", EDITIONS, ids=["english", "french"])
def test_each_id_and_former_id_has_a_redirect_to_its_entry_in_each_edition(pages, dossier, prefix):
    names = {**{i: i for i in dossier.records}, **dossier.former_ids}
    for name, current in names.items():
        redirect = pages[f"{prefix}r/{name}/index.html"]
        target, anchor = resolve(f"{prefix}r/{name}/index.html", redirect.refresh)
        assert anchor == current and in_edition(target, prefix), target
        assert current in pages[target].ids, f"/{prefix}r/{name}/ leads to {target}, which has no #{current}"
        assert redirect.canonical == SITE_URL + target.removesuffix("index.html") + "#" + current
        assert redirect.refresh in redirect.hrefs, "the redirect page needs a visible link too"


def test_every_page_switches_to_the_same_page_of_the_other_edition_and_names_both(pages):
    for path, page in pages.items():
        if path.startswith(("r/", "fr/r/")) or path.endswith("404.html"):
            continue
        prefix = "fr/" if path.startswith("fr/") else ""
        other = path.removeprefix("fr/") if prefix else "fr/" + path
        switches = [a for t, a in page.tags if t == "a" and "dossier-edition__link" in (a.get("class") or "")]
        assert len(switches) == 1, path
        assert resolve(path, switches[0]["href"])[0] == other, (path, switches[0]["href"])
        assert switches[0]["hreflang"] == ("en" if prefix else "fr") == switches[0]["lang"]
        alternates = {a["hreflang"]: resolve(path, a["href"])[0] for t, a in page.tags if t == "link" and "alternate" in (a.get("rel") or "").split() and a.get("hreflang")}
        english = path.removeprefix("fr/")
        assert alternates == {"en": english, "fr": "fr/" + english, "x-default": english}, path
        assert page.lang == ("fr" if prefix else "en"), path


def test_the_sitemap_lists_both_editions_each_naming_the_other(site):
    import xml.etree.ElementTree as ET

    names = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(site / "sitemap.xml").getroot().findall("s:url", names)
    locations = [u.findtext("s:loc", namespaces=names) for u in urls]
    assert SITE_URL + "timeline/" in locations and SITE_URL + "fr/timeline/" in locations
    assert len([loc for loc in locations if loc.startswith(SITE_URL + "fr/")]) * 2 == len(locations)
    for url in urls:
        assert {link.get("hreflang") for link in url.findall("x:link", names)} == {"en", "fr"}


def test_no_anchor_the_site_makes_equals_a_record_id_elsewhere(pages, dossier):
    for path, page in pages.items():
        if path.startswith(("r/", "fr/r/")):
            continue
        for anchor in page.ids:
            if anchor in dossier.records:
                assert path.removeprefix("fr/").startswith(("timeline", "transfers", "agreements", "sources", "actors/")), (path, anchor)


def test_actor_pages_link_back_to_every_record_naming_the_actor(pages, dossier):
    for actor in dossier.of("actors"):
        page = pages[f"actors/{actor.id}/index.html"]
        linked = {resolve(f"actors/{actor.id}/index.html", h)[1] for h in page.hrefs}
        naming = {r.id for r in dossier.records.values() if any(t == actor.id for _, t, _ in r.references())}
        assert naming <= linked, f"{actor.id}'s page misses {naming - linked}"
        assert naming, f"nothing names {actor.id} in the test case: the test would prove nothing"


def test_sources_list_every_record_citing_them(pages, dossier):
    page = pages["sources/index.html"]
    linked = {resolve("sources/index.html", h)[1] for h in page.hrefs}
    citing = {r.id for r in dossier.records.values() if r.citations}
    assert citing <= linked


def test_every_internal_link_reaches_an_existing_anchor(site, pages):
    for path, page in pages.items():
        for href in page.hrefs:
            if urlsplit(href).scheme or href.startswith(("#__", "mailto:")) or not href:
                continue
            if href.endswith((".json", ".csv", ".xml")):
                target = href.lstrip("/") if href.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(path), href))
                assert (site / target).is_file(), f"{path} links to missing {href}"
                continue
            target, anchor = resolve(path, href) if not href.startswith("#") else (path, href[1:])
            assert target in pages, f"{path} links to missing {href}"
            if anchor:
                assert anchor in pages[target].ids, f"{path} links to {href}: no such anchor"


def test_french_quotes_are_marked_french(pages):
    quotes = [attrs for tag, attrs in pages["timeline/index.html"].tags if tag == "q"]
    assert quotes and {q.get("lang") for q in quotes} == {"fr", "en"}


def test_dates_are_machine_readable(pages):
    times = [attrs["datetime"] for tag, attrs in pages["timeline/index.html"].tags if tag == "time"]
    assert "2021-06-02" in times and "2021-03" in times and "2021" in times


def search_records(site: Path) -> list[dict]:
    """The records of the Pagefind index (scripts/search_index.py): one per section of a page."""
    import gzip
    import json

    prefix = b"pagefind_dcd"
    return [json.loads(gzip.decompress(p.read_bytes()).removeprefix(prefix)) for p in sorted((site / "pagefind" / "fragment").iterdir())]


def test_search_index_has_a_record_per_entry_and_finds_french_quotes(site):
    import json

    records = search_records(site)
    by_location = {r["meta"]["loc"]: r for r in records}
    assert "timeline/#ravna-denies-arms" in by_location
    assert "nie toute livraison" in by_location["timeline/#ravna-denies-arms"]["content"]
    assert "&#" not in json.dumps(records, ensure_ascii=False), "character references leaked into the search index"


def test_each_entrys_hidden_search_words_come_after_what_it_shows(site, dossier):
    """The worker's snippets show only the text before the mark (the entry's id, the aliases of
    the actors it names, unaccented forms come after it), yet those words still find the entry."""
    by_location = {r["meta"]["loc"]: r for r in search_records(site)}
    entry = by_location["timeline/#ravna-denies-arms"]["content"]
    shown, mark, hidden = entry.partition("\u2042")
    assert mark and "nie toute livraison" in shown
    assert hidden.split()[0] == "ravna-denies-arms"
    ids = [i for i in dossier.records if "-" in i]
    for location, record in by_location.items():
        shown = record["content"].partition("\u2042")[0]
        assert not [i for i in ids if i in shown.split()], f"{location}: record ids among the words shown"


def test_every_page_asks_the_sites_own_search_worker_and_no_page_downloads_every_section(site, pages):
    import json

    config = json.loads((site / "index.html").read_text().split('<script id="__config" type="application/json">')[1].split("</script>")[0])
    assert config["search"].endswith("assets/javascripts/search-worker.js"), config["search"]
    assert (site / "assets" / "javascripts" / "search-worker.js").is_file()
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not [p.name for p in (site / "pagefind").glob("pagefind-*.*") if p.name != "pagefind-entry.json" and p.name != "pagefind-worker.js"]
    assert json.loads((site / "search" / "search_index.json").read_text())["docs"] == []


@pytest.mark.parametrize("path", ["index.html", "timeline/index.html", "actors/ravna/index.html"])
def test_every_page_links_the_downloads_and_announces_the_feed(site, pages, path):
    page = pages[path]
    downloads = {posixpath.normpath(posixpath.join(posixpath.dirname(path), h)) for h in page.hrefs if h.endswith((".json", ".csv", ".xml"))}
    assert {"data/dossier.json", "data/schema.json", "data/events.csv", "data/transfers.csv", "feed.xml"} <= downloads
    feeds = [a for t, a in page.tags if t == "link" and a.get("type") == "application/atom+xml"]
    assert len(feeds) == 1 and (site / posixpath.normpath(posixpath.join(posixpath.dirname(path), feeds[0]["href"]))).is_file()


def test_the_feed_parses_as_atom_and_its_links_resolve(site, dossier):
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.tag == f"{atom}feed"
    links = [e.find(f"{atom}link").get("href") for e in feed.findall(f"{atom}entry")]
    assert len(links) == len(dossier.records)  # every entry of every collection
    for link in links:
        assert link.startswith(SITE_URL)
        assert (site / link.removeprefix(SITE_URL) / "index.html").is_file(), link


def test_the_site_makes_no_request_to_another_host(pages):
    for path, page in pages.items():
        for tag, attrs in page.tags:
            for attribute in ("src", "href"):
                value = attrs.get(attribute) or ""
                if tag in ("script", "link", "img", "iframe") and urlsplit(value).netloc:
                    assert tag == "link" and attrs.get("rel") == "canonical", f"{path}: <{tag} {attribute}={value}>"


def test_a_csv_opens_in_a_spreadsheet_with_its_accents(site):
    """As a spreadsheet's import reads it when opened by a double click: UTF-8 with a byte-order mark."""
    import csv

    raw = (site / "data" / "actors.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert "name.fr" in rows[0] and "République d'Ostrava" in {r["name.fr"] for r in rows}
    assert (site / "fr" / "data" / "actors.csv").read_bytes() == raw


def test_pagefind_records_go_to_memory_only_where_it_has_room_for_both_editions(monkeypatch):
    import importlib.util
    import os
    from types import SimpleNamespace

    from .conftest import PROJECT

    spec = importlib.util.spec_from_file_location("search_index_hook", PROJECT / "scripts" / "search_index.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    records = [b"x" * 1000] * 100  # 100 files: 100 blocks of 4,096 bytes and their 100,000 bytes
    monkeypatch.setattr(os.path, "isdir", lambda path: True)
    monkeypatch.setattr(os, "access", lambda path, mode: True)
    for blocks_free, expected in ((1000, "/dev/shm"), (200, None), (0, None)):
        monkeypatch.setattr(os, "statvfs", lambda path, free=blocks_free: SimpleNamespace(f_bsize=4096, f_frsize=4096, f_bavail=free))
        assert hook._scratch_folder(records) == expected
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert hook._scratch_folder(records) is None


@pytest.mark.parametrize("path, other", [("404.html", "/fr"), ("fr/404.html", "/")])
def test_the_language_switch_of_a_page_not_found_leads_to_the_other_edition_from_any_depth(pages, path, other):
    """A page not found is served at whatever address was asked: its switch is a path from the
    host's root, not "//fr/" (which a browser reads as the host "fr")."""
    (switch,) = [a["href"] for t, a in pages[path].tags if t == "a" and "dossier-edition__link" in (a.get("class") or "")]
    assert switch.startswith("/") and not switch.startswith("//"), switch
    assert posixpath.normpath(switch) == other, switch


def test_the_french_edition_says_its_own_words_in_its_controls_and_lists(site):
    french = {path: (site / "fr" / path / "index.html").read_text(encoding="utf-8") for path in ("", "timeline")}
    assert 'title="Lien permanent"' in french["timeline"] and 'title="Permanent link"' not in french["timeline"]
    # « Catégorie : toutes », « Statut : tous », as each word's gender asks
    assert '<select name="category"' in french["timeline"]
    for facet, word in (("category", "toutes"), ("status", "tous"), ("actor", "tous"), ("year", "toutes")):
        assert f'<select name="{facet}" data-unknown="' in french["timeline"]
        assert re.search(rf'<select name="{facet}"[^>]*><option value="">{word}</option>', french["timeline"]), facet
    # a list's date as French spaces it (a narrow no-break space before the colon), hedged as the entry is
    assert "<li>vers 2021 – juin 2021\u202f: " in french[""]
    assert not re.search(r"<li>[^<]*\d{4}: ", french[""])
    # and an actor's roles after its name: « Anna Verel : ministre … »
    actors = (site / "fr" / "actors" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Anna Verel</a>\u202f(:|&#58;) ", actors), actors
    assert "Anna Verel</a>: " not in actors and "Anna Verel</a>&#58; " not in actors


def test_a_list_gives_an_entrys_date_with_its_end_and_its_hedge_as_the_entry_does(site):
    """The timeline says "c. 2021 – June 2021"; the lists naming the entry said only "2021"."""
    actor = (site / "actors" / "ravna" / "index.html").read_text(encoding="utf-8")
    assert '<li>c. 2021 – June 2021: <a href="../../timeline/#spring-2021">' in actor


@pytest.mark.parametrize("prefix", EDITIONS)
def test_the_home_page_gives_the_overviews_sources_last(site, prefix):
    """Its quotes are long: above the charts and the latest entries they hid them."""
    home = (site / prefix / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="([a-z_]+)"', home)
    assert headings[-1] == "home_overview_sources" and "home_latest" in headings, headings
