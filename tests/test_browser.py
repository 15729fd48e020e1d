"""The built site in a real browser: permanent links land on a visible, marked entry; phones; no leaks."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from .browser import pagefind_search, result_links, serve
from .conftest import VALID_CASE, bench_module
from .sitebuild import build_site

pytestmark = pytest.mark.browser

PAGE_TYPES = ["", "timeline/", "transfers/", "agreements/", "actors/", "actors/ravna/", "sources/", "methodology/"]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    site = build_site(VALID_CASE, tmp_path_factory.mktemp("site"))
    with serve(site) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


def header_bottom(page) -> float:
    return page.evaluate("document.querySelector('header.md-header').getBoundingClientRect().bottom")


@pytest.mark.parametrize("name, current", [("friendship-treaty", "friendship-treaty"), ("treaty-signing", "friendship-treaty-signed"), ("radars-to-ostrava", "radars-to-ostrava")])
def test_permanent_link_lands_on_the_entry_below_the_header_and_marks_it(page, base_url, name, current):
    page.goto(f"{base_url}r/{name}/")
    page.wait_for_url(f"**#{current}")
    heading = page.locator(f"[id='{current}']")
    box = heading.bounding_box()
    assert box["y"] >= header_bottom(page) - 1, "the entry's heading is hidden under the sticky header"
    assert box["y"] + box["height"] <= page.viewport_size["height"]
    outline = page.evaluate(f"getComputedStyle(document.getElementById('{current}').closest('.dossier-entry')).outlineStyle")
    assert outline == "solid", "the linked entry is not marked"


def test_redirect_page_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}r/ravna/")
    page.wait_for_url("**/actors/ravna/#ravna")
    context.close()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_page_scrolls_sideways_on_a_phone(browser, base_url, path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 360, f"/{path} is {width}px wide at 360px"


@pytest.mark.parametrize("path", PAGE_TYPES + ["fr/" + path for path in PAGE_TYPES])
def test_pages_request_nothing_from_another_host_and_nothing_that_fails(page, base_url, path):
    hosts, failed = set(), []
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert hosts == {"127.0.0.1"}
    assert failed == [], "a page's load asks for files that are not there (Lighthouse counts the errors)"


def test_search_finds_a_french_quote_and_leads_to_its_entry(page, base_url):
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("livraison")
    assert "/timeline/#ravna-denies-arms" in result_links(page, "/timeline/#ravna-denies-arms")


@pytest.fixture(scope="module")
def unaddressed_site(tmp_path_factory):
    """The valid case built with no published address (no SITE_URL, no site_url)."""
    return build_site(VALID_CASE, tmp_path_factory.mktemp("unaddressed"), site_url="")


def test_without_a_published_address_no_page_names_another_host(unaddressed_site):
    texts = [p.read_text(encoding="utf-8") for p in unaddressed_site.rglob("*") if p.suffix in (".html", ".xml", ".json")]
    assert texts and not [t for t in texts if "dossier.example.org" in t]


@pytest.mark.parametrize("edition", ["", "fr/"])
def test_without_a_published_address_copy_link_copies_where_the_site_is_served(browser, unaddressed_site, edition):
    with serve(unaddressed_site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 800}, permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.goto(f"{url}{edition}transfers/#radars-to-ostrava")
        entry = page.locator(".dossier-entry:has(#radars-to-ostrava)")
        entry.locator(".dossier-permalink .dossier-copy").click()
        entry.locator(".dossier-permalink output").filter(has_text="copi").wait_for()  # "Link copied", « Lien copié »
        copied = page.evaluate("navigator.clipboard.readText()")
        shown = entry.locator(".dossier-permalink a").inner_text()
        cited = entry.locator(".dossier-cite-text").inner_text()
        page.goto(copied)
        page.wait_for_url(f"**/{edition}transfers/#radars-to-ostrava")
        context.close()
    assert copied == f"{url}{edition}r/radars-to-ostrava/" == shown
    assert copied in cited


LAYOUT_SHIFTS = """() => new Promise(resolve => {
  const shifts = [];
  new PerformanceObserver(list => {
    for (const shift of list.getEntries()) if (!shift.hadRecentInput)
      shifts.push({value: shift.value, nodes: shift.sources.map(s => s.node && (s.node.className || s.node.nodeName))});
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(shifts), 1500);
})"""


@pytest.mark.parametrize("width, height", [(1280, 800), (360, 740)])
@pytest.mark.parametrize("edition", ["", "fr/"])
def test_without_a_published_address_the_completed_addresses_move_nothing_on_the_page(browser, unaddressed_site, edition, width, height):
    """The addresses the browser completes (a longer line) and the date of access are written
    before the page is first laid out: the text below the citation does not jump."""
    with serve(unaddressed_site) as url:
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(f"{url}{edition}actors/ravna/")
        shifts = page.evaluate(LAYOUT_SHIFTS)
        cited = page.locator(".dossier-cite-text").first.inner_text()
        context.close()
    assert f"{url}{edition}r/ravna/ " in cited and "date" not in cited.rpartition("(")[2]
    in_content = [s for s in shifts if any(n and "md-header" not in n for n in s["nodes"])]
    assert sum(s["value"] for s in in_content) < 0.005, shifts


@pytest.fixture(scope="module")
def large_site_url(tmp_path_factory):
    """A synthetic dossier of 600 records (bench/synthetic.py), where a word like "iran" is in
    hundreds of entries."""
    root = tmp_path_factory.mktemp("large")
    bench_module("synthetic").write_dataset(root, 600, seed=4)
    with serve(build_site(root, tmp_path_factory.mktemp("large-site"), page_size=100)) as url:
        yield url


@pytest.mark.parametrize("edition, said", [("", "; the best 200 are listed"), ("fr/", " ; les 200 meilleures sont listées")])
def test_a_count_beyond_what_the_list_holds_says_only_the_best_are_listed(browser, large_site_url, edition, said):
    """The list holds the best 200 results: a count of 400 over a list that ends at 200 would
    leave the reader scrolling for entries that never come, so the count says so."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{large_site_url}{edition}?q=iran")
        result_links(page)
        page.wait_for_function("said => document.querySelector('.md-search-result__meta').textContent.endsWith(said)", arg=said, timeout=10_000)
        count = page.locator(".md-search-result__meta").text_content()
        total = pagefind_search(page, f"{large_site_url}{edition}", "iran")["count"]
    finally:
        context.close()
    assert total > 200
    assert int(re.sub(r"\D", "", count.removesuffix(said))) == total, count
