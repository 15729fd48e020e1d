"""A large dossier is rendered and written by forked workers: what they write is what one
process writes, and a failure in any of them writes nothing."""

from __future__ import annotations

import hashlib
import multiprocessing
import time
from pathlib import Path

import pytest

from dossier import build, render, workers
from dossier.build import generate
from dossier.problems import InvalidData
from dossier.pages import Layout

from .conftest import FAILURES, VALID_CASE, copy_valid_case

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this system: one process renders")

SITE_URL = "https://dossier.example.org/"
BUILT = "2026-01-31"
LAYOUT = Layout.scaled(1)  # the split layout: many pages and list pages


def forked(monkeypatch, processes: int = 3) -> None:
    monkeypatch.setattr(workers, "JOBS_WORTH_A_PROCESS", 1)
    monkeypatch.setattr(build, "RECORDS_WORTH_A_DOWNLOADS_PROCESS", 1)
    monkeypatch.setattr(workers.os, "sched_getaffinity", lambda pid: set(range(processes)), raising=False)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_forked_workers_write_what_one_process_writes(tmp_path, monkeypatch):
    alone, single = generate(VALID_CASE, tmp_path / "single", SITE_URL, BUILT, layout=LAYOUT)
    forked(monkeypatch)
    together, shared = generate(VALID_CASE, tmp_path / "forked", SITE_URL, BUILT, layout=LAYOUT)
    assert snapshot(tmp_path / "forked") == snapshot(tmp_path / "single")
    # the workers computed each source's coverage for its page, and handed it back for the summary
    assert together.known_coverage().keys() == {s.id for s in together.of("sources")}
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


@pytest.mark.parametrize("where", ["a page worker", "the downloads"])
@FAILURES
def test_a_failing_process_writes_nothing(tmp_path, monkeypatch, where, how, error, message):
    docs = tmp_path / "docs"
    generate(VALID_CASE, docs, "https://before.example.org/", BUILT, layout=LAYOUT)
    before = snapshot(docs)
    forked(monkeypatch)
    if where == "a page worker":
        monkeypatch.setattr(workers, "render_jobs", failing_on("r/ravna/", how))
    else:
        monkeypatch.setattr(build, "download_files", failing_downloads(how))
    with pytest.raises(error, match=message):
        generate(VALID_CASE, docs, SITE_URL, BUILT, layout=LAYOUT)
    assert snapshot(docs) == before  # every page would change (new site URL): none did
    assert multiprocessing.active_children() == []


def test_downloads_started_before_the_checks_are_dropped_when_they_fail(tmp_path, monkeypatch):
    root = copy_valid_case(tmp_path / "case")
    events = root / "data" / "events" / "2021.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("actors: [", "actors: [nobody, ", 1), encoding="utf-8")
    started = []
    forked(monkeypatch)
    monkeypatch.setattr(build, "Forked", lambda work: started.append(work) or workers.Forked(work))
    monkeypatch.setattr(build, "download_files", lambda *args: time.sleep(60))  # still at work when the checks end
    with pytest.raises(InvalidData, match="1 problem"):
        generate(root, tmp_path / "docs", SITE_URL, BUILT, layout=LAYOUT)
    assert len(started) == 1  # the data read without a problem: the downloads were started, then dropped
    assert multiprocessing.active_children() == []
    assert not (tmp_path / "docs").exists()


def test_a_worker_that_cannot_write_says_why(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "timeline").write_text("a file where a folder must go")
    forked(monkeypatch)
    with pytest.raises((NotADirectoryError, FileExistsError)):
        generate(VALID_CASE, docs, SITE_URL, BUILT, layout=LAYOUT)
