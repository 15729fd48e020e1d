"""The layout of a large dossier, on the real one: built with one entry a page, collections
split into a page per year (crowded years into several), long lists of links into a page
per year, and charts showing the latest records only. Every link must still arrive."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossier.build import check_dataset
from dossier.pages import Layout

from .conftest import PROJECT
from .sitebuild import build_site, html_pages
from .test_site import (  # the same guarantees as the one-page layout, checked here too  # noqa: F401
    resolve,
    test_each_id_and_former_id_has_a_redirect_to_its_entry_in_each_edition,
    test_every_internal_link_reaches_an_existing_anchor,
    test_every_page_switches_to_the_same_page_of_the_other_edition_and_names_both,
    test_every_record_id_is_anchored_exactly_once_in_each_edition,
    test_no_anchor_the_site_makes_equals_a_record_id_elsewhere,
    test_the_feed_parses_as_atom_and_its_links_resolve,
    test_the_site_makes_no_request_to_another_host,
)

pytestmark = pytest.mark.site
SITE_URL = "https://dossier.example.org/"
PAGE_SIZE = 1
LAYOUT = Layout.scaled(PAGE_SIZE)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(PROJECT, tmp_path_factory.mktemp("split"), SITE_URL, page_size=PAGE_SIZE)


@pytest.fixture(scope="module")
def pages(site):
    return html_pages(site)


@pytest.fixture(scope="module")
def dossier():
    return check_dataset(PROJECT)


def entries_on(page) -> list[str]:
    return [a["id"] for t, a in page.tags if t == "h3" or (t == "h2" and a.get("id", "").count("-"))]


def reachable(pages, start: str, depth: int = 2) -> set[str]:
    """Record anchors linked from a page, or from the pages it links to (depth levels)."""
    found, frontier = set(), {start}
    for _ in range(depth + 1):
        following = set()
        for path in frontier:
            for href in pages[path].hrefs:
                if href.startswith(("http", "#", "mailto:")) or href.endswith((".json", ".csv", ".xml")):
                    continue
                target, anchor = resolve(path, href)
                if anchor:
                    found.add(anchor)
                elif target in pages and target.startswith(start.rsplit("/", 1)[0].split("/index.html")[0]):
                    following.add(target)
        frontier = following
    return found


@pytest.mark.parametrize("collection, folder", [("events", "timeline"), ("transfers", "transfers"), ("sources", "sources")])
def test_a_collection_too_long_for_one_page_is_split_and_every_entry_is_on_one_of_its_pages(pages, dossier, collection, folder):
    records = {r.id for r in dossier.of(collection)}
    assert len(records) > LAYOUT.entries_per_page, "the real dossier must be large enough to split"
    index = pages[f"{folder}/index.html"]
    assert not records & set(index.ids), f"/{folder}/ lists the pages of entries, not the entries"
    parts = sorted({resolve(f"{folder}/index.html", h)[0] for h in index.hrefs if re.match(r"^(\./)?\d{4}|^undated", h)})
    found = set()
    for part in parts:
        on_page = records & set(pages[part].ids)
        limit = LAYOUT.sources_per_page if collection == "sources" else LAYOUT.entries_per_page
        assert 0 < len(on_page) <= limit, (part, on_page)
        found |= on_page
    assert found == records


def test_a_part_page_leads_to_the_previous_and_next_and_back(pages):
    nav = [a for t, a in pages["timeline/2023/index.html"].tags if t == "nav" and "dossier-pager" in a.get("class", "")]
    assert nav, "no pager on a timeline page"
    targets = {resolve("timeline/2023/index.html", h)[0] for h in pages["timeline/2023/index.html"].hrefs}
    assert {"timeline/index.html", "timeline/2023-p2/index.html"} <= targets


def test_search_leaves_out_the_filters_and_the_pager_of_a_part_page_in_each_edition(site, pages):
    """They are controls, not what the page says: indexed, every actor's name in the filter's
    list would make every page of a collection an answer to a search for that actor."""
    from .test_site import search_records

    for prefix, show_all, pages_word in (("", "Show all", "All pages"), ("fr/", "Tout afficher", "Toutes les pages")):
        page = " ".join(pages[f"{prefix}timeline/2023/index.html"].text)
        assert show_all in page and pages_word in page and "Iran" in page, f"{prefix}timeline/2023/: the controls it shows"
        records = {r["meta"]["loc"]: r["content"] for r in search_records(site / prefix)}
        part = [text for loc, text in records.items() if loc.startswith("timeline/2023/#page_timeline")]
        assert len(part) == 1, sorted(loc for loc in records if loc.startswith("timeline/2023/"))
        assert show_all not in part[0] and pages_word not in part[0] and "any" not in part[0].split(), part[0]


def test_a_hub_actor_lists_its_records_on_a_page_per_year_and_misses_none(pages, dossier):
    actor = "iran"
    naming = {r.id for r in dossier.records.values() if r.collection == "events" and any(t == actor for _, t, _ in r.references())}
    assert len(naming) > LAYOUT.links_per_list, "Iran must be named by more events than a list holds"
    page = pages[f"actors/{actor}/index.html"]
    direct = {resolve(f"actors/{actor}/index.html", h)[1] for h in page.hrefs}
    assert not naming <= direct, "the events should be on pages per year"
    assert naming <= reachable(pages, f"actors/{actor}/index.html", depth=1)
    for path, listing in pages.items():
        if path.startswith(f"actors/{actor}/events/"):
            assert len([h for h in listing.hrefs if h.split("#")[-1] in dossier.records]) <= LAYOUT.links_per_list


def test_every_actor_page_reaches_every_record_naming_the_actor(pages, dossier):
    for actor in dossier.of("actors"):
        naming = {r.id for r in dossier.records.values() if any(t == actor.id for _, t, _ in r.references())}
        assert naming <= reachable(pages, f"actors/{actor.id}/index.html", depth=1), actor.id


def test_the_charts_show_the_latest_records_and_say_so(pages, dossier):
    home = pages["index.html"]
    marks = [a for t, a in home.tags if t == "a" and a.get("href", "").split("#")[-1] in {e.id for e in dossier.of("events")}]
    text = " ".join(home.text)
    assert f"The chart shows the latest {LAYOUT.marks_per_chart:,} of the {len(dossier.of('events')):,} events" in text
    assert len(marks) >= LAYOUT.marks_per_chart  # the chart's marks, and the latest entries below it


@pytest.mark.browser
def test_a_link_made_before_the_split_still_arrives_at_its_entry(site, browser):
    from .browser import serve

    with serve(site) as base_url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(base_url + "transfers/#su35-fighters-to-iran-sought")
        page.wait_for_url("**/transfers/2023*/#su35-fighters-to-iran-sought")
        visible = page.locator("[id='su35-fighters-to-iran-sought']").is_visible()
        context.close()
    assert visible


@pytest.mark.browser
def test_filters_search_and_the_404_page_work_on_the_pages_of_a_split_dossier(site, browser):
    """A page per year (here one entry a page, so a filter offers that entry's values only): a
    value of another page is said to name nothing here, and the entry stays; search corrects a
    name; a mistyped permanent link is offered the closest ids, which arrive."""
    from .browser import result_links, serve

    with serve(site) as base_url:
        context = browser.new_context()
        page = context.new_page()
        try:
            page.goto(base_url + "timeline/2022/?category=military")
            page.locator(".dossier-filters-note").wait_for()
            elsewhere = page.locator(".dossier-filters-note").inner_text()
            shown = page.locator(".dossier-filters-count").inner_text()
            contents = page.eval_on_selector_all(".md-sidebar--secondary .md-nav__link[href='#iran-anti-regime-protests']", "ls => ls.filter(l => l.getClientRects().length).length")
            page.goto(base_url + "timeline/2022/?actor=putin")
            unknown = page.locator(".dossier-filters-note").inner_text()
            page.goto(base_url + "?q=Pezeshkan")
            found = result_links(page, "/actors/masoud-pezeshkian/#masoud-pezeshkian")
            page.goto(base_url + "r/iran-drone-to-russia/")
            page.locator(".dossier-closest a").first.click()
            page.wait_for_url("**/transfers/**#iran-drones-to-russia-wartime")
            arrived = page.locator("[id='iran-drones-to-russia-wartime']").is_visible()
        finally:
            context.close()
    assert elsewhere.startswith("No category “military” here") and shown.startswith("1 of 1") and contents == 1
    assert unknown.startswith("No actor “putin” here")
    assert "/actors/masoud-pezeshkian/#masoud-pezeshkian" in found
    assert arrived


@pytest.mark.browser
@pytest.mark.parametrize("path", ["timeline/2022/", "fr/timeline/2022/"])
def test_axe_finds_no_violation_on_a_year_page_light_and_dark_on_a_desktop_and_a_phone(site, browser, path):
    from .browser import serve
    from .test_reader import DESKTOP, PHONE, axe_violations, wait_for_scheme

    found = {}
    with serve(site) as base_url:
        context = browser.new_context()
        page = context.new_page()
        try:
            page.goto(base_url + path)
            for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                page.set_viewport_size(viewport)
                for scheme, shown in (("light", "default"), ("dark", "slate")):
                    page.emulate_media(color_scheme=scheme)
                    wait_for_scheme(page, shown)
                    found[f"{name}, {scheme}"] = axe_violations(page)
        finally:
            context.close()
    assert {where: violations for where, violations in found.items() if violations} == {}
