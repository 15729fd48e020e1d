"""Golden tests: the Markdown rendered from the valid case, compared with files kept in tests/golden/.

After an intended change of rendering, regenerate with `UPDATE_GOLDEN=1 make test` and
review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from dossier.build import check_dataset, render_site

from .conftest import VALID_CASE

GOLDEN = Path(__file__).resolve().parent / "golden" / "valid"
SITE_URL = "https://dossier.example.org/"
BUILT = "2026-01-31"


def rendered() -> dict[str, str]:
    files = render_site(check_dataset(VALID_CASE), SITE_URL, BUILT)
    # Every English Markdown page, three French ones, and one redirect for an id and one for a former id.
    keep = {p for p in files if p.endswith(".md") and not p.startswith("fr/")} | {"r/friendship-treaty/index.html", "r/treaty-signing/index.html"}
    keep |= {"fr/index.md", "fr/timeline.md", "fr/methodology.md", "fr/r/treaty-signing/index.html"}
    return {p: files[p] for p in sorted(keep)}


def test_rendering_matches_the_golden_files():
    files = rendered()
    if os.environ.get("UPDATE_GOLDEN"):
        for path, text in files.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(files) == sorted(expected), "the set of generated pages changed: regenerate with UPDATE_GOLDEN=1"
    for path in files:
        assert files[path] == expected[path], f"{path} differs from tests/golden/valid/{path}"


def test_the_same_data_gives_byte_identical_pages():
    first = render_site(check_dataset(VALID_CASE), SITE_URL, BUILT)
    second = render_site(check_dataset(VALID_CASE), SITE_URL, BUILT)
    assert first == second


@pytest.mark.parametrize("path", ["timeline.md", "actors/ravna.md", "r/ravna/index.html"])
def test_generated_files_say_so(path):
    assert "generated from data/ by scripts/build_pages.py — do not edit" in render_site(check_dataset(VALID_CASE), SITE_URL, BUILT)[path]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this system: one process renders")
def test_forked_workers_make_the_same_files(monkeypatch):
    """A large dossier is planned and rendered by forked workers: they must give what one process gives."""
    from dossier import pages, workers

    layout = pages.Layout.scaled(1)  # the split layout: many pages and list pages
    single = render_site(check_dataset(VALID_CASE), SITE_URL, BUILT, layout)
    monkeypatch.setattr(workers, "JOBS_WORTH_A_PROCESS", 1)
    monkeypatch.setattr(workers.os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    forked = render_site(check_dataset(VALID_CASE), SITE_URL, BUILT, layout)
    assert list(forked.items()) == list(single.items())
