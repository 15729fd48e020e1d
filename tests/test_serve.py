"""`make serve`'s promise: editing data/ or seeds/ regenerates the pages the server shows."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .browser import pagefind_search
from .conftest import PROJECT, VALID_CASE

pytestmark = pytest.mark.site


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(f"timed out after {seconds}s waiting for {what}")


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project whose data is the valid test case."""
    for name in project_files():
        if name.startswith(("data/", "seeds/", "tests/")) or not (PROJECT / name).is_file():
            continue
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT / name, tmp_path / name)
    shutil.copytree(VALID_CASE / "data", tmp_path / "data")
    shutil.copytree(VALID_CASE / "seeds", tmp_path / "seeds")
    return tmp_path


# What a served copy needs, where git cannot list the project's files (a source archive).
SITE_SOURCES = ("mkdocs.yml", "mkdocs.fr.yml", "overrides", "scripts", "dossier", "docs/assets")


def project_files() -> list[str]:
    """The project's own files (tracked, or new and not ignored); without git, SITE_SOURCES."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=PROJECT, capture_output=True, text=True)
    if listed.returncode == 0 and listed.stdout.strip():
        return listed.stdout.split()
    found = []
    for name in SITE_SOURCES:
        path = PROJECT / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        found += [p.relative_to(PROJECT).as_posix() for p in files]
    return found


def serve_command(project: Path, port: int) -> list[str]:
    """`make serve`'s command (the Makefile's recipe), on the copy, at a free port."""
    recipe = next(line.strip() for line in (PROJECT / "Makefile").read_text().splitlines() if "mkdocs serve" in line)
    assert recipe == "$(BIN)/mkdocs serve --dirty -a $(ADDR)", recipe
    return [str(Path(sys.executable).with_name("mkdocs")), "serve", "--dirty", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")]


class Server:
    """`make serve` on the copy, its log read as it runs."""

    def __init__(self, project: Path):
        # make serve's first step (its `pages` prerequisite): the pages, before the server starts
        subprocess.run([sys.executable, str(project / "scripts" / "build_pages.py")], cwd=project, check=True, capture_output=True)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log: list[str] = []
        self.process = subprocess.Popen(
            serve_command(project, self.port), cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        import threading

        threading.Thread(target=lambda: self.log.extend(self.process.stdout), daemon=True).start()

    def builds(self) -> int:
        return sum("Building documentation" in line for line in self.log)

    def stop(self) -> str:
        self.process.terminate()
        self.process.wait(timeout=20)
        return "".join(self.log)


@pytest.mark.browser
def test_make_serve_shows_an_edit_with_one_rebuild_and_bad_data_in_a_banner_over_the_last_good_pages(project, browser):
    server = Server(project)
    events = project / "data" / "events" / "context.yaml"
    try:
        timeline = server.base + "timeline/"
        wait_for(lambda: "A spring of negotiations" in fetch(timeline) and fetch(server.base + "fr/timeline/"), 60, "the first build of both editions")
        assert server.builds() == 1
        context = browser.new_context()
        page = context.new_page()
        page.goto(timeline)

        # A good edit: in the open page after one rebuild.
        events.write_text(events.read_text().replace("A spring of negotiations", "A season of talks"))
        page.wait_for_function("document.body.innerText.includes('A season of talks')", timeout=15_000)  # livereload reloads it
        time.sleep(2)
        assert server.builds() == 2, "one save, one rebuild:\n" + "".join(server.log)
        # and search answers it in both editions (the French shows the English title), the old
        # title gone: the index is made again after the reload
        searcher = context.new_page()

        def searched(edition: str, words: str) -> list[str]:
            searcher.goto(server.base + "404.html")  # a page of its own each time: a fresh index
            return pagefind_search(searcher, server.base + edition, words)["titles"]

        for edition in ("", "fr/"):
            wait_for(lambda: "A season of talks" in searched(edition, "season talks"), 30, f"search in /{edition} to find the new title")
            assert "A spring of negotiations" not in searched(edition, "spring negotiations")

        # Bad data: the problem over the last good pages, in the open page.
        events.write_text(events.read_text().replace("category: context", "category: gossip"))
        banner = page.locator(".dossier-serve-problems")
        banner.wait_for(timeout=15_000)
        said = banner.inner_text()
        assert "data/events/context.yaml:" in said and "category: 'gossip' is not one of" in said, said
        assert "A season of talks" in page.inner_text("body")
        time.sleep(2)
        assert server.builds() == 3

        # Fixed: the banner goes.
        events.write_text(events.read_text().replace("category: gossip", "category: context"))
        page.wait_for_function("!document.querySelector('.dossier-serve-problems')", timeout=15_000)
        time.sleep(2)
        assert server.builds() == 4
        context.close()
    finally:
        output = server.stop()
    assert "category: 'gossip' is not one of" in output, output


def test_a_built_site_carries_no_banner(tmp_path):
    from .sitebuild import build_site

    site = build_site(VALID_CASE, tmp_path)
    assert not [p for p in site.rglob("*.html") if "dossier-serve-problems" in p.read_text(encoding="utf-8")]


def test_a_seed_is_watched_too(project):
    server = Server(project)
    try:
        wait_for(lambda: "A spring of negotiations" in fetch(server.base + "timeline/"), 60, "the first build")
        seed = project / "seeds" / "bulletin.txt"
        seed.write_text(seed.read_text().replace("was signed in Lorn", "was initialled in Lorn"))
        wait_for(lambda: "quote not found in seeds/bulletin.txt" in fetch(server.base + "__dossier_problems.json"), 30, "the seed's problem")
    finally:
        server.stop()


def test_a_save_that_changes_no_page_rebuilds_nothing_and_a_hand_written_file_still_rebuilds(project):
    """MkDocs no longer watches the generated pages (the generator asks for each save's one
    rebuild): the hand-written files beside them (docs/assets/) are still watched."""
    server = Server(project)
    try:
        wait_for(lambda: "A spring of negotiations" in fetch(server.base + "timeline/"), 60, "the first build")
        wait_for(lambda: any("Serving on" in line for line in server.log), 30, "the server")
        events = project / "data" / "events" / "context.yaml"
        events.write_text(events.read_text() + "\n")  # the same records: no page changes
        wait_for(lambda: any("0 files written" in line for line in server.log), 30, "the generator's run")
        time.sleep(2)
        assert server.builds() == 1, "a save that changes no page rebuilds nothing:\n" + "".join(server.log)
        stylesheet = project / "docs" / "assets" / "stylesheets" / "dossier.css"
        stylesheet.write_text(stylesheet.read_text() + "\n.dossier-test-mark { color: inherit; }\n")
        wait_for(lambda: ".dossier-test-mark" in fetch(server.base + "assets/stylesheets/dossier.css"), 30, "the stylesheet rebuilt")
        assert server.builds() == 2
    finally:
        server.stop()
