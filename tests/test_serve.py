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


def test_editing_a_record_or_a_seed_while_serving_updates_the_site(project):
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("mkdocs")), "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        timeline = f"http://127.0.0.1:{port}/timeline/"
        wait_for(lambda: "A spring of negotiations" in fetch(timeline), 60, "the first build")
        events = project / "data" / "events" / "context.yaml"
        events.write_text(events.read_text().replace("A spring of negotiations", "A season of talks"))
        wait_for(lambda: "A season of talks" in fetch(timeline), 60, "the edited title")
        # Bad data while serving: the site keeps the last good pages.
        events.write_text(events.read_text().replace("category: context", "category: gossip"))
        time.sleep(3)
        assert "A season of talks" in fetch(timeline)
        # A seed is watched too: a quote it no longer contains is reported.
        events.write_text(events.read_text().replace("category: gossip", "category: context"))
        seed = project / "seeds" / "bulletin.txt"
        seed.write_text(seed.read_text().replace("was signed in Lorn", "was initialled in Lorn"))
        time.sleep(3)
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "category: 'gossip' is not one of" in output, output
    assert "quote not found in seeds/bulletin.txt" in output, output
