"""The whole generator as one function: load, check, plan, render, write."""

from __future__ import annotations

import dataclasses
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
from .history import read_history
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
from .workers import render_files
from .write import WriteReport, write_pages


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


def check_dataset(root: Path, timings: Timings | None = None) -> Dossier:
    """Every record under root/data, checked; raises InvalidData with every problem found."""
    timings = timings or Timings()
    started = time.perf_counter()
    seeds = Seeds(root / "seeds")
    records, problems = read_records(root, seeds)
    started = timings.measure("load", started)
    overviews, overview_problems = read_overviews(root, LANGUAGES)
    settings, settings_problems = read_settings(root)
    problems += overview_problems + settings_problems
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
    texts = {r.file: seeds.text(r.file) for r in records if r.collection == "sources" and r.file}
    return build_dossier(records, texts, overviews, settings)


def render_site(dossier: Dossier, site_url: str, built: str, layout: Layout = Layout()) -> dict[str, str]:
    """Every generated file, by its path under docs/: pages, redirects, history pages and
    downloads, of every edition (an edition other than English under its own folder, `fr/`)."""
    jobs: list = []
    for lang in LANGUAGES:
        tasks, redirects = plan_site(dossier, site_url, layout, lang)
        jobs += [*tasks, *redirects]
    files = render_files(jobs, [functools.partial(download_files, dossier, site_url, built), functools.partial(history_pages, dossier)])
    return dict(sorted(files.items()))  # the same order however many processes made them


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
    """Checks the data, then renders every file, then writes those that changed: nothing is
    written unless everything was checked and rendered."""
    timings = timings or Timings()
    started = time.perf_counter()
    history = read_history(root)  # each record's versions, from git (history.py)
    timings.measure("history", started)
    dossier = dataclasses.replace(check_dataset(root, timings), history=history)
    started = time.perf_counter()
    files = {**render_site(dossier, site_url, built, layout), **edition_assets(docs_dir)}
    started = timings.measure("render", started)
    report = write_pages(docs_dir, files)
    timings.measure("write", started)
    return dossier, report
