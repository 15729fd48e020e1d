#!/usr/bin/env python3
"""What a user waits for, against a baseline commit, side by side (not a test: it prints figures).

    python bench/whole.py                                  # 1,000 and 10,000 records, 3 rounds, against 83a52e0
    python bench/whole.py --sizes 1000 --rounds 1
    python bench/whole.py --baseline PATH_OR_COMMIT

For each size, one synthetic dataset (bench/synthetic.py) is built by two copies of the project:
the baseline's (a commit, by `git archive`, or a folder) and this working tree's. A round builds
each once, cold, as `make build` does on a fresh checkout (the generator into docs/ as checked
out, then `mkdocs build --strict`, both editions and the search index), one after the other:
this machine's speed drifts, so each round's ratio (this tree's time / the baseline's) is the
figure, and the median ratio is checked against the target. Peak memory is the largest process
of the build (the two editions build at the same time, in two processes).

Then the editor's loop, this tree only: `make serve`'s command on the dataset, one title edited
and saved, and the time until the served page has the new title, with the rebuilds it took.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.request
from io import BytesIO
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
sys.path.insert(0, str(BENCH))

from run import edit_target, last_id, median, progress, set_title  # noqa: E402
from synthetic import write_dataset  # noqa: E402

BASELINE = "83a52e0"  # the build-speed issue's "today's code"
BUILD_TARGET = {1000: 0.5, 10000: 0.4}  # at most this times the baseline's whole build
SERVE_TARGET = {1000: 3.0, 10000: 15.0}  # seconds from save to the changed page served
PAGE_LIMIT = 500_000
SITE_URL = "https://dossier.example.org/"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
# Runs a command and says the peak memory of its largest process, grandchildren included.
PEAK = "import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)"


def project_files(source: Path) -> list[str]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=source, capture_output=True, text=True)
    if listed.returncode == 0 and listed.stdout.strip():
        return [name for name in listed.stdout.splitlines() if (source / name).is_file()]
    skipped = {".git", ".venv", "site", ".lighthouse", ".dossier-cache", "__pycache__"}
    return [p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file() and not skipped & set(p.relative_to(source).parts)]


def make_tree(baseline: str, destination: Path) -> str:
    """A copy of the project at `baseline` (a folder, or a commit of this repository); what it is."""
    destination.mkdir(parents=True)
    folder = Path(baseline)
    if folder.is_dir():
        for name in project_files(folder):
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(folder / name, destination / name)
        return str(folder.resolve())
    archive = subprocess.run(["git", "-C", str(PROJECT), "archive", baseline], capture_output=True)
    if archive.returncode:
        raise SystemExit(f"cannot read commit {baseline} ({archive.stderr.decode().strip()}): give a folder with --baseline")
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(destination, filter="data")
    commit = subprocess.run(["git", "-C", str(PROJECT), "rev-parse", "--short", baseline], capture_output=True, text=True).stdout.strip()
    return commit or baseline


def with_dataset(tree: Path, dataset: Path) -> None:
    for name in ("data", "seeds"):
        shutil.rmtree(tree / name, ignore_errors=True)
        shutil.copytree(dataset / name, tree / name)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "dossier"), str(tree / "scripts")], capture_output=True)
    shutil.copytree(tree / "docs", tree / ".docs-as-checked-out")


def timed(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall seconds and peak MB of a command; fails the benchmark with its output if it fails."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PEAK, *command], cwd=cwd, capture_output=True, text=True, env=ENV)
    wall = time.perf_counter() - started
    lines = result.stderr.rstrip().splitlines()
    if result.returncode or any("WARNING" in line for line in lines):
        raise SystemExit(f"{' '.join(command)} failed in {cwd} (exit {result.returncode}):\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    return wall, int(lines[-1]) / 1024, result.stdout


def set_aside(path: Path) -> None:
    """Move a folder out of the way; it goes with the benchmark's temporary folder. Deleting
    thousands of files slows the making of new ones for minutes on some disks (bench/README.md)."""
    if path.exists():
        aside = path.parent.parent / "set-aside"
        aside.mkdir(exist_ok=True)
        path.rename(aside / f"{path.parent.name}-{path.name}-{time.monotonic_ns()}")


def cold_build(tree: Path) -> dict:
    """`make build` on a fresh checkout: docs/ as checked out, no site/."""
    set_aside(tree / "docs")
    shutil.copytree(tree / ".docs-as-checked-out", tree / "docs")
    set_aside(tree / "site")
    subprocess.run(["sync"])  # the last run's writing back does not take this one's cores
    generator, generator_mb, _ = timed([sys.executable, "scripts/build_pages.py"], tree)
    mkdocs, mkdocs_mb, _ = timed([str(Path(sys.executable).with_name("mkdocs")), "build", "--strict"], tree)
    return {"generator": generator, "mkdocs": mkdocs, "whole": generator + mkdocs, "peak_mb": max(generator_mb, mkdocs_mb)}


def largest_page(site: Path) -> tuple[str, int]:
    size, path = max((p.stat().st_size, p) for p in site.rglob("*.html"))
    return path.relative_to(site).as_posix(), size


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(condition, seconds: float, what: str) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if condition():
            return time.perf_counter() - started
        time.sleep(0.05)
    raise SystemExit(f"timed out after {seconds:.0f} s waiting for {what}")


def page_of(tree: Path, record_id: str) -> str:
    """The served address of the page showing the record (directory URLs)."""
    for path in sorted((tree / "docs").rglob("*.md")):
        if "/fr/" not in f"/{path.relative_to(tree / 'docs').as_posix()}" and "{#" + record_id + "}" in path.read_text(encoding="utf-8"):
            stem = path.relative_to(tree / "docs").as_posix()[: -len(".md")]
            return "" if stem == "index" else stem.removesuffix("/index") + "/"
    raise SystemExit(f"no page shows {record_id}")


def serve_loop(tree: Path, edits: int) -> dict:
    """`make serve` (its pages step, then its server), then `edits` saves of one title."""
    subprocess.run([sys.executable, "scripts/build_pages.py"], cwd=tree, capture_output=True, env=ENV)
    port = free_port()
    log: list[str] = []
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("mkdocs")), "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=ENV,
    )
    threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()
    count = lambda words: sum(words in line for line in log)  # noqa: E731
    try:
        path, number, title = edit_target(tree)
        record_id = last_id("".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[: number + 1]))
        url = f"http://127.0.0.1:{port}/{page_of(tree, record_id)}"
        first = wait_until(lambda: count("Serving on") and title in fetch(url), 1800, "the first build")
        times, rebuilds, shown = [], [], []
        for edit in range(edits):
            builds, reloads, new_title = count("Building documentation"), count("Reloading browsers"), f"{title} (saved {edit + 1})"
            set_title(path, number, new_title)
            # livereload reloads the open page when the rebuild ends: "Reloading browsers"
            times.append(wait_until(lambda: count("Reloading browsers") > reloads, 600, f"the rebuild after save {edit + 1}"))
            shown.append(new_title in fetch(url))
            time.sleep(3)  # a second rebuild, were there one, would have started by now
            wait_until(lambda: count("Reloading browsers") >= reloads + count("Building documentation") - builds, 600, "the rebuilds' end")
            rebuilds.append(count("Building documentation") - builds)
        return {"first_build": first, "save_to_reload": times, "median": median(times), "rebuilds": rebuilds, "page_changed": shown}
    finally:
        server.terminate()
        server.wait(timeout=60)


def ratio_line(label: str, base: list[float], ours: list[float]) -> str:
    ratios = [o / b for o, b in zip(ours, base)]
    return f"  {label:<22} baseline {median(base):7.1f} s   this tree {median(ours):7.1f} s   ratio {median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f})"


def report_builds(n: int, baseline: str, runs: dict[str, list[dict]], largest: tuple[str, int]) -> list[tuple[str, bool, str]]:
    """Prints the cold builds side by side; the verdicts on their targets."""
    print(f"\nN = {n:,} records (baseline {baseline}, {len(runs['ours'])} rounds; medians, ratio = this tree / baseline)")
    for step in ("generator", "mkdocs", "whole"):
        print(ratio_line(f"{step} build" if step != "whole" else "whole build (cold)", [b[step] for b in runs["baseline"]], [o[step] for o in runs["ours"]]))
    print(f"  {'peak memory':<22} baseline {max(b['peak_mb'] for b in runs['baseline']):7.0f} MB  this tree {max(o['peak_mb'] for o in runs['ours']):7.0f} MB")
    share = median([o["generator"] / o["whole"] for o in runs["ours"]])
    ratio = median([o["whole"] / b["whole"] for o, b in zip(runs["ours"], runs["baseline"])])
    page, size = largest
    verdicts = [(f"N={n}: whole build <= {BUILD_TARGET[n]} x baseline", ratio <= BUILD_TARGET[n], f"{ratio:.2f}")] if n in BUILD_TARGET else []
    verdicts.append((f"N={n}: generator <= 15% of the whole build", share <= 0.15, f"{share:.0%}"))
    verdicts.append((f"N={n}: no page over 500 KB", size <= PAGE_LIMIT, f"{page}, {size / 1000:.0f} KB"))
    return verdicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3, help="cold builds of each tree, alternating (default 3; 0: the serve loop only)")
    parser.add_argument("--edits", type=int, default=3, help="saves timed under make serve (default 3; 0: no serve loop)")
    parser.add_argument("--baseline", default=BASELINE, help=f"a commit of this repository or a folder (default {BASELINE})")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--results", type=Path, default=BENCH / "results")
    args = parser.parse_args(argv)
    figures: dict = {"baseline": None, "sizes": {}}
    verdicts = []
    with tempfile.TemporaryDirectory(prefix="dossier-whole-") as work:
        work = Path(work)
        for n in args.sizes:
            progress(f"N={n}: the dataset and the two copies of the project")
            write_dataset(work / f"data-{n}", n, args.seed)
            base, ours = work / f"baseline-{n}", work / f"ours-{n}"
            make_tree(str(PROJECT), ours)
            with_dataset(ours, work / f"data-{n}")
            figures["sizes"][n] = size_figures = {}
            if args.rounds:
                figures["baseline"] = make_tree(args.baseline, base)
                with_dataset(base, work / f"data-{n}")
                runs: dict[str, list[dict]] = {"baseline": [], "ours": []}
                for r in range(args.rounds):
                    for name, tree in (("baseline", base), ("ours", ours)):
                        progress(f"N={n}: cold build, {name}, round {r + 1}/{args.rounds}")
                        runs[name].append(cold_build(tree))
                size_figures.update(runs=runs, largest_page=largest_page(ours / "site"))
                verdicts += report_builds(n, figures["baseline"], runs, size_figures["largest_page"])
            if args.edits:
                progress(f"N={n}: make serve, {args.edits} saves")
                loop = size_figures["serve"] = serve_loop(ours, args.edits)
                print(f"\nN = {n:,} records, make serve (this tree)")
                times = ", ".join(f"{t:.1f}" for t in loop["save_to_reload"])
                print(f"  {'make serve: save→reload':<22} median {loop['median']:.1f} s ({times}); rebuilds per save {loop['rebuilds']}; first build {loop['first_build']:.0f} s")
                if n in SERVE_TARGET:
                    verdicts.append((f"N={n}: save to reload <= {SERVE_TARGET[n]:.0f} s", loop["median"] <= SERVE_TARGET[n], f"{loop['median']:.1f} s"))
                verdicts.append((f"N={n}: the reloaded page has the new title", all(loop["page_changed"]), str(loop["page_changed"])))
                verdicts.append((f"N={n}: one rebuild per save", set(loop["rebuilds"]) == {1}, str(loop["rebuilds"])))
    print()
    for label, passed, value in verdicts:
        print(f"{'PASS' if passed else 'FAIL'}  {label}: {value}")
    args.results.mkdir(parents=True, exist_ok=True)
    saved = args.results / f"whole-{time.strftime('%Y%m%d-%H%M%S')}.json"
    saved.write_text(json.dumps({**figures, "verdicts": verdicts}, indent=1))
    print(f"\nfigures: {saved}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
