"""How long a reader waits for search, in headless Chromium (Debian's), for a shared search
link (`/?q=...`): from the end of the page's load event to the first result on screen (the
target: "within 1 s of the page loading"), and from the start of the navigation.

The page is served over HTTP from the built site/ folder. A MutationObserver, installed before
any of the page's scripts run, notes the moment the first result link appears; the wait for
it ends at 60 s. Needs Playwright (requirements-dev.txt) and /usr/bin/chromium; without them
the figures say why they are missing.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import statistics
import threading
from pathlib import Path
from urllib.parse import quote

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
FIRST_RESULT = ".md-search-result__link"

_WATCH = """
window.__firstResult = null;
new MutationObserver(function (_, observer) {
  if (document.querySelector(%r)) { window.__firstResult = performance.now(); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
""" % FIRST_RESULT


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a page closed while its search was still fetching: not a figure


def search_timing(site: Path, query: str, expected_anchor: str, repeat: int) -> dict:
    """Median seconds from navigation to the first result, over `repeat` fresh page loads."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "Playwright is not installed (make bench installs it)"}
    if not shutil.which(CHROMIUM):
        return {"skipped": f"no browser at {CHROMIUM} (apt-get install chromium)"}
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/?q={quote(query)}"
    runs, after_load, found = [], [], False
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(repeat):
                context = browser.new_context(viewport={"width": 1280, "height": 900})  # a fresh cache each time
                page = context.new_page()
                page.add_init_script(_WATCH)
                page.goto(url)
                page.wait_for_function("window.__firstResult !== null", timeout=60_000)
                first = page.evaluate("window.__firstResult")
                page.wait_for_function("performance.getEntriesByType('navigation')[0].loadEventEnd > 0")
                loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
                runs.append(first / 1000)
                after_load.append(max(0.0, first - loaded) / 1000)
                hrefs = page.eval_on_selector_all(FIRST_RESULT, "links => links.map(a => a.href)")
                found = found or any(h.endswith("#" + expected_anchor) if expected_anchor else True for h in hrefs)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return {
        "query": query,
        "runs": runs,
        "runs_after_load": after_load,
        "first_result": statistics.median(runs),  # from the start of the navigation
        "first_result_after_load": statistics.median(after_load),
        "found_expected": found,
    }
