"""The benchmark's own tools: the synthetic dataset it builds from, and a smoke run of
`bench/run.py` (the figures themselves are not asserted: they are the benchmark's to report)."""

from __future__ import annotations

import collections
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.build import check_dataset

from .conftest import PROJECT, bench_module

synthetic = bench_module("synthetic")


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_same_size_and_seed_give_the_same_files_and_another_seed_others(tmp_path):
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        synthetic.write_dataset(tmp_path / name, 200, seed=seed)
    a, b, c = (_tree(tmp_path / name) for name in "abc")
    assert a == b
    assert a != c


@pytest.mark.parametrize("n", [40, 700])
def test_the_dataset_passes_every_check_with_each_collection_in_its_share(tmp_path, n):
    synthetic.write_dataset(tmp_path, n, seed=1)
    dossier = check_dataset(tmp_path)  # raises InvalidData on any problem, quotes included
    counts = collections.Counter(record.collection for record in dossier.records.values())
    assert abs(sum(counts.values()) - n) <= 2
    for collection, share in synthetic.SHARES.items():
        assert counts[collection] >= 1
        assert abs(counts[collection] - share * n) <= max(2, 0.05 * share * n), (collection, counts)
    quoted = [c for r in dossier.records.values() for c in r.citations]
    assert quoted, "records cite their sources"
    assert any(s.file for s in dossier.of("sources")), "quotes come from generated seed texts"


def test_a_large_collection_takes_the_folder_form(tmp_path):
    synthetic.write_dataset(tmp_path, 700, seed=2)
    assert not (tmp_path / "data" / "events.yaml").exists()
    assert len(list((tmp_path / "data" / "events").glob("*.yaml"))) > 1


def test_a_folder_the_generator_did_not_write_is_refused(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "events.yaml").write_text("[]\n")
    with pytest.raises(FileExistsError):
        synthetic.write_dataset(tmp_path, 50)
    assert (tmp_path / "data" / "events.yaml").read_text() == "[]\n"


def test_a_benchmark_run_prints_its_table_and_writes_its_figures(tmp_path):
    results = tmp_path / "results"
    run = subprocess.run(
        [sys.executable, str(PROJECT / "bench" / "run.py"), "--sizes", "60", "--repeat", "1", "--skip-mkdocs", "--wait-for-quiet-disk", "0", "--results", str(results)],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    for label in ("bare parse, CSafeLoader (floor)", "generator phase: render", "disk: a folder and a file in it", "generator wall time (cold)"):
        assert label in run.stdout
    assert "TARGET no-op regeneration writes 0 files" in run.stdout
    (saved,) = results.glob("*.json")
    figures = json.loads(saved.read_text())["sizes"]["60"]
    assert figures["generator"]["files_written"] > 0
    assert figures["noop"]["files_written"] == 0
    assert figures["edit_one"]["changed_without_record"] == []
    assert figures["bare_parse"]["median"] > 0


def test_the_history_benchmark_makes_its_repository_and_prints_its_figures(tmp_path):
    run = subprocess.run(
        [sys.executable, str(PROJECT / "bench" / "history.py"), "--records", "60", "--commits", "6", "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert re.search(r"cold, no cache: +[\d.]+ s +\(\d+ records, (\d+) versions\)", run.stdout), run.stdout
    versions = int(re.search(r"(\d+) versions", run.stdout).group(1))
    records = int(re.search(r"(\d+) records, \d+ versions", run.stdout).group(1))
    assert versions == records + 5, "each of the 5 commits after the first edits one record"
    for label in ("same commit, cached:", "one commit later:", "cache: "):
        assert label in run.stdout


def test_the_whole_build_benchmark_compares_two_trees_and_times_the_serve_loop(tmp_path):
    """`make bench`'s comparison, tiny: this tree against itself (a folder as the baseline)."""
    run = subprocess.run(
        [sys.executable, str(PROJECT / "bench" / "whole.py"), "--sizes", "60", "--rounds", "1", "--edits", "1", "--baseline", str(PROJECT), "--results", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert re.search(r"whole build \(cold\) +baseline +[\d.]+ s +this tree +[\d.]+ s +ratio [\d.]+", run.stdout), run.stdout
    assert re.search(r"make serve: save→reload median [\d.]+ s \([\d.]+\); rebuilds per save \[1\]", run.stdout), run.stdout
    assert "PASS  N=60: the reloaded page has the new title" in run.stdout
    assert "PASS  N=60: no page over 500 KB" in run.stdout
    (saved,) = tmp_path.glob("whole-*.json")
    figures = json.loads(saved.read_text())["sizes"]["60"]
    assert len(figures["runs"]["ours"]) == len(figures["runs"]["baseline"]) == 1


def test_a_french_edition_missing_many_translations_lists_them_on_pages_per_year(tmp_path):
    """At 10,000 records the French methodology named every text shown in English on one page of
    1.5 MB; past a list's length it now gives the count and a page per year, as other long lists."""
    synthetic.write_dataset(tmp_path, 300, seed=3)
    docs = tmp_path / "docs"
    run = subprocess.run([sys.executable, str(PROJECT / "scripts" / "build_pages.py"), "--root", str(tmp_path), "--docs", str(docs), "--page-size", "2"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    methodology = (docs / "fr" / "methodology.md").read_text(encoding="utf-8")
    assert "Textes montrés en anglais, faute de traduction :" in methodology and "sur une page par année" in methodology
    years = sorted((docs / "fr" / "methodology" / "english").glob("*.md"))
    assert years and all("Textes montrés en anglais, faute de traduction" in y.read_text(encoding="utf-8") for y in years)
    assert not (docs / "methodology").exists(), "the English edition has nothing to list"
