"""The whole generator as one function: load, check, plan, render, write."""

from __future__ import annotations

import contextlib
import functools
import time
from dataclasses import dataclass, field
from typing import Callable
from pathlib import Path

from .checks import DATASET_CHECKS
from .checks.consequences import absent_ids, fold
from .checks.markers import unmarked
from .checks.translations import untranslated
from .downloads import download_files
from .history import History, read_history
from .historypages import history_pages
from .model import Dossier, build_dossier
from .i18n import LANGUAGES, PREFIX
from .load import data_files, display_path
from .overview import check_overview, read_overviews
from .pages import Layout, plan_site
from .problems import InvalidData
from .reading import read_records
from .seeds import Seeds
from .settings import read_settings
from .workers import Forked, render_pages
from .write import WriteReport, finish_writing, write_files


@dataclass
class Timings:
    """How long each phase took; `progress`, if given, hears of each phase as it ends."""

    phases: dict[str, float] = field(default_factory=dict)
    progress: Callable[[str, float], None] | None = None

    def measure(self, name: str, started: float) -> float:
        now = time.perf_counter()
        self.phases[name] = now - started
        if self.progress:
            self.progress(name, now - started)
        return now


# The records as read, and the dossier made, by the last build: 10,000 records make a million
# small objects, and freeing them one by one costs a few tenths of a second for nothing, as a
# build ends soon after and lets the system take the memory back at once (build_pages.py).
_KEPT_TO_THE_END: list = []

RECORDS_WORTH_A_DOWNLOADS_PROCESS = 1000


def check_dataset(
    root: Path, timings: Timings | None = None, meanwhile: Callable[[Dossier], None] | None = None, with_history: bool = False
) -> Dossier:
    """Every record under root/data, checked; raises InvalidData with every problem found.
    When reading finds no problem, `meanwhile` is given the dossier before the checks across
    records, to start work on it elsewhere (which the caller drops if the checks find problems).
    `with_history`: each record's versions read from git (history.py), for the pages."""
    timings = timings or Timings()
    started = time.perf_counter()
    history = History(missing="not read")
    if with_history:
        history = read_history(root)
        started = timings.measure("history", started)
    seeds = Seeds(root / "seeds")
    records, problems, raw = read_records(root, seeds)
    _KEPT_TO_THE_END[:] = [raw]
    started = timings.measure("load", started)
    overviews, overview_problems = read_overviews(root, LANGUAGES)
    settings, settings_problems = read_settings(root)
    problems += overview_problems + settings_problems
    dossier = None
    if meanwhile and not problems:
        dossier = _dossier(records, seeds, overviews, settings, history)
        meanwhile(dossier)
    for check in DATASET_CHECKS:
        problems += check(records, seeds)
    if settings.french == "required":
        problems += untranslated(records, overviews)
    markers_required = settings.citation_markers == "required"
    if markers_required:
        problems += unmarked(records)
    by_id, former = {r.id: r for r in records}, {old: r.id for r in records for old in r.former_ids}
    for paragraphs in overviews.values():
        problems += check_overview(paragraphs, by_id, former, markers_required)
    timings.measure("check", started)
    if problems:
        files = [(display_path(path, root), path) for _, path in data_files(root / "data")]
        raise InvalidData(fold(problems, absent_ids(files, {r.mark.file for r in records}, problems)))
    return _dossier(records, seeds, overviews, settings, history) if dossier is None else dossier


def _dossier(records, seeds: Seeds, overviews, settings, history: History) -> Dossier:
    texts = {r.file: seeds.text(r.file) for r in records if r.collection == "sources" and r.file}
    return build_dossier(records, texts, overviews, settings, history)


def render_site(dossier: Dossier, site_url: str, built: str, layout: Layout = Layout()) -> dict[str, str]:
    """Every generated file, by its path under docs/: pages, redirects and downloads, of every
    edition (an edition other than English under its own folder, `fr/`)."""
    shares = _render(dossier, site_url, layout, lambda: {**download_files(dossier, site_url, built), **history_pages(dossier)})
    return dict(sorted(pair for share in shares for pair in share.items()))


def _render(dossier: Dossier, site_url: str, layout: Layout, downloads: Callable[[], dict], **handling) -> list:
    """Pages and redirects of every edition, and the downloads `downloads` returns, in shares:
    see workers.render_pages for `handling`."""
    tasks, redirects = [], []
    for lang in LANGUAGES:
        edition_tasks, edition_redirects = plan_site(dossier, site_url, layout, lang)
        tasks += edition_tasks
        redirects += edition_redirects
    return render_pages(tasks, redirects, meanwhile=downloads, **handling)


def edition_assets(docs_dir: Path) -> dict[str, str]:
    """The site's hand-written stylesheets and scripts (docs/assets/), copied into the folder of
    each edition besides English, so that each edition is a whole site of its own."""
    assets = sorted(p for p in (docs_dir / "assets").rglob("*") if p.is_file() and not p.name.startswith("."))
    return {
        f"{PREFIX[lang]}{path.relative_to(docs_dir).as_posix()}": path.read_text(encoding="utf-8")
        for lang in LANGUAGES[1:]
        for path in assets
    }


def generate(
    root: Path, docs_dir: Path, site_url: str, built: str, timings: Timings | None = None, layout: Layout = Layout()
) -> tuple[Dossier, WriteReport]:
    """Checks the data, then renders every file and writes those that changed: each process
    that rendered files writes them, once every file is rendered. The downloads need no page:
    for a large dossier, another process makes them while this one checks and plans."""
    timings = timings or Timings()
    with contextlib.ExitStack() as running:
        downloads: list[Callable[[], dict]] = []

        def make_downloads(dossier: Dossier) -> None:
            make = functools.partial(download_files, dossier, site_url, built)
            if len(dossier.records) >= RECORDS_WORTH_A_DOWNLOADS_PROCESS:
                make = running.enter_context(Forked(make)).result
            downloads.append(make)

        dossier = check_dataset(root, timings, meanwhile=make_downloads, with_history=True)
        _KEPT_TO_THE_END.append(dossier)
        started = time.perf_counter()

        def rendered() -> None:
            nonlocal started
            started = timings.measure("render", started)

        def keep(files: dict[str, str]) -> tuple[WriteReport, dict]:
            # the coverage of the sources this process planned pages for, wanted for the summary
            return write_files(docs_dir, files), dossier.known_coverage()

        assets = edition_assets(docs_dir)
        shares = _render(dossier, site_url, layout, lambda: {**downloads[0](), **history_pages(dossier), **assets}, keep=keep, rendered=rendered)
    for _, coverage in shares:
        dossier.adopt_coverage(coverage)
    report = finish_writing(docs_dir, [written for written, _ in shares])
    timings.measure("write", started)
    return dossier, report
