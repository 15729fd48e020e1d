"""Debian's Chromium driven by Playwright, and the built site served on localhost."""

from __future__ import annotations

import functools
import os
import shutil
import sys
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-gpu"]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(
            f"no Chromium at {path}: the browser tests need Debian's chromium "
            "(`apt-get install -y chromium` as root; `make test` installs it when it can)",
            pytrace=False,
        )
    return path


class _QuietHandler(SimpleHTTPRequestHandler):
    """Static files as a host serves them: an address that leads to no file gets the nearest
    404.html up its path (the French edition's under fr/), with the status 404."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = self._nearest_404() if code == 404 else None
        if page is None:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _nearest_404(self):
        folder = Path(self.translate_path(urlsplit(self.path).path))
        root = Path(self.directory)
        for candidate in (folder, *folder.parents):
            if candidate == root or root in candidate.parents:
                if (candidate / "404.html").is_file():
                    return candidate / "404.html"
        return None


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # a browser that moves on before a response is whole (a redirect, a closed page) is no error
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path, handler=None):
    """The folder over HTTP on 127.0.0.1, on a free port; yields the base URL. `handler`: a
    SimpleHTTPRequestHandler of one's own (one that compresses, say)."""
    server = _Server(("127.0.0.1", 0), functools.partial(handler or _QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def result_links(page, expected: str | None = None) -> list[str]:
    """The search results' links (path#anchor), once the first is shown, and once `expected` is
    among them if it comes within 10 s: the best few results come first, the rest just after."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.locator(".md-search-result__link").first.wait_for(timeout=10_000)
    if expected:
        try:
            page.wait_for_function(
                """expected => [...document.querySelectorAll(".md-search-result__link")]
                     .some(a => a.pathname + a.hash === expected)""",
                arg=expected, timeout=10_000,
            )
        except PlaywrightTimeout:
            pass  # the caller's assertion says what came instead
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    return [urlsplit(link).path + "#" + urlsplit(link).fragment for link in links]


def pagefind_search(page, base: str, words: str) -> dict:
    """Search the Pagefind index under base (an edition's root) from the open page, as the
    search worker does: how many results, and the titles of the best 10."""
    return page.evaluate(
        """async ([base, words]) => {
            const pagefind = await import(base + "pagefind/pagefind.js");
            await pagefind.options({ basePath: base + "pagefind/" });
            const found = await pagefind.search(words);
            const best = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
            return { count: found.results.length, titles: best.map(d => d.meta.title) };
        }""",
        [base, words],
    )
