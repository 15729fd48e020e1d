"""A large dossier is rendered by a pool of forked processes: what is written is what one
process writes, and a failure in any of them writes nothing."""

from __future__ import annotations

import hashlib
import multiprocessing
from pathlib import Path

import pytest

from dossier import build, render, workers
from dossier.build import generate
from dossier.pages import Layout

from .conftest import FAILURES, VALID_CASE, raise_error

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this system: one process renders")

SITE_URL = "https://dossier.example.org/"
BUILT = "2026-01-31"
LAYOUT = Layout.scaled(1)  # the split layout: many pages and list pages


def forked(monkeypatch, processes: int = 3) -> None:
    monkeypatch.setattr(workers, "JOBS_WORTH_A_PROCESS", 1)
    monkeypatch.setattr(workers.os, "sched_getaffinity", lambda pid: set(range(processes)), raising=False)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_forked_workers_write_what_one_process_writes(tmp_path, monkeypatch):
    alone, single = generate(VALID_CASE, tmp_path / "single", SITE_URL, BUILT, layout=LAYOUT)
    forked(monkeypatch)
    together, shared = generate(VALID_CASE, tmp_path / "forked", SITE_URL, BUILT, layout=LAYOUT)
    assert snapshot(tmp_path / "forked") == snapshot(tmp_path / "single")
    assert together.coverage == alone.coverage
    assert shared.written == single.written and len(shared.written) > 30
    _, again = generate(VALID_CASE, tmp_path / "forked", SITE_URL, BUILT, layout=LAYOUT)
    assert (again.written, again.removed, again.unchanged) == ([], [], single.written)


def failing_on(path_part: str, how):
    real = render.render_jobs

    def render_jobs(jobs):
        files = real(jobs)
        if any(path_part in path for path, _ in files):
            how()
        return files

    return render_jobs


def failing_downloads(how):
    real = build.download_files

    def download_files(*args):
        how()
        return real(*args)

    return download_files


@FAILURES
def test_a_failing_worker_writes_nothing(tmp_path, monkeypatch, how, error, message):
    docs = tmp_path / "docs"
    generate(VALID_CASE, docs, "https://before.example.org/", BUILT, layout=LAYOUT)
    before = snapshot(docs)
    forked(monkeypatch)
    monkeypatch.setattr(workers, "render_jobs", failing_on("r/ravna/", how))
    with pytest.raises(error, match=message):
        generate(VALID_CASE, docs, SITE_URL, BUILT, layout=LAYOUT)
    assert snapshot(docs) == before  # every page would change (new site URL): none did
    assert multiprocessing.active_children() == []


def test_downloads_that_fail_once_the_pages_are_rendered_write_nothing(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    generate(VALID_CASE, docs, "https://before.example.org/", BUILT, layout=LAYOUT)
    before = snapshot(docs)
    forked(monkeypatch)
    monkeypatch.setattr(build, "download_files", failing_downloads(raise_error))
    with pytest.raises(RuntimeError, match="failed on purpose"):
        generate(VALID_CASE, docs, SITE_URL, BUILT, layout=LAYOUT)
    assert snapshot(docs) == before


def test_a_build_that_cannot_write_says_why(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "timeline").write_text("a file where a folder must go")
    forked(monkeypatch)
    with pytest.raises((NotADirectoryError, FileExistsError)):
        generate(VALID_CASE, docs, SITE_URL, BUILT, layout=LAYOUT)
