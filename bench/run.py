#!/usr/bin/env python3
"""The dossier's scale-and-speed benchmark (not a test): synthetic datasets of N records,
built as `make build` builds the real one, timed phase by phase.

    python bench/run.py                         # N = 100, 1000, 10000; 3 repeats each
    python bench/run.py --sizes 100 1000 --repeat 5
    python bench/run.py --keep                  # keep the temporary folders to look at

For each N: generate the dataset (bench/synthetic.py) in a temporary folder, then measure
the floor (PyYAML's C loader on every data file), the generator (scripts/build_pages.py as a
subprocess: its own per-phase timings, wall time, peak memory), `mkdocs build --strict`,
the built site (pages, the largest page, the search index), a no-op regeneration and a
regeneration after one record is edited. Each timing is repeated and its median reported.
Prints a table, checks the targets (PASS/FAIL, reported, never asserted) and writes every
figure to bench/results/<timestamp>.json. See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
sys.path.insert(0, str(BENCH))

from search_timing import search_timing  # noqa: E402
from synthetic import write_dataset  # noqa: E402

SITE_URL = "https://dossier.example.org/"
COMMON_WORD = "teheran"  # in the synthetic texts and names of most records
PAGE_LIMIT = 500_000  # bytes of raw HTML: "no page > 500 KB"
GZIP_LEVEL = 6  # what web servers commonly use
_STARTED = time.perf_counter()
BUILD_EPOCH = int(time.time())


# -- small helpers ------------------------------------------------------------------------------


def progress(message: str) -> None:
    print(f"[{time.perf_counter() - _STARTED:7.1f}s] {message}", file=sys.stderr, flush=True)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def run_child(command: list[str], env: dict | None = None) -> dict:
    """Run a command; its wall time, exit code, output and peak RSS (from wait4: this child only)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {
            "wall": wall,
            "returncode": process.returncode,
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
            "max_rss_mb": usage.ru_maxrss / 1024,  # Linux reports kilobytes
        }


_SUMMARY = re.compile(r"(\d+) records; (\d+) files written, (\d+) unchanged, (\d+) removed \((.*)\)")
_PHASE = re.compile(r"(\w+) ([0-9.]+)s")


def parse_summary(stdout: str) -> dict:
    """The generator's summary line: `N records; W files written, U unchanged, R removed (load 0.01s, ...)`."""
    for line in stdout.splitlines():
        match = _SUMMARY.search(line)
        if match:
            return {
                "records": int(match.group(1)),
                "written": int(match.group(2)),
                "unchanged": int(match.group(3)),
                "removed": int(match.group(4)),
                "phases": {name: float(seconds) for name, seconds in _PHASE.findall(match.group(5))},
                "line": line,
            }
    return {}


def find_mkdocs(option: str | None) -> str:
    candidates = [option] if option else []
    candidates += [str(Path(sys.executable).with_name("mkdocs")), str(PROJECT / ".venv" / "bin" / "mkdocs"), shutil.which("mkdocs")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise SystemExit("mkdocs not found: run with the project's Python (.venv/bin/python) or pass --mkdocs PATH")


def snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every file under folder with its inode, size and mtime: what a run rewrote shows up as changed."""
    found = {}
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            found[path.relative_to(folder).as_posix()] = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    return found


# -- one size -------------------------------------------------------------------------------------


def snapshot_project(destination: Path) -> Path:
    """A copy of the code under test (generator, templates, MkDocs configuration and assets), taken
    once: every run of every size then measures the same code, even if the project is edited meanwhile."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    destination.mkdir(parents=True)
    for name in ("dossier", "scripts", "overrides"):
        shutil.copytree(PROJECT / name, destination / name, ignore=ignore)
    for config in ("mkdocs.yml", "mkdocs.fr.yml"):
        shutil.copy(PROJECT / config, destination / config)
    shutil.copytree(PROJECT / "docs" / "assets", destination / "docs" / "assets", ignore=ignore)
    # compiled once, as Python does on a first run, so that no timed run compiles the generator
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(destination / "dossier"), str(destination / "scripts")], check=True)
    return destination


def prepare_workdir(workdir: Path, code: Path) -> None:
    """What `make build` sees beside the generated pages: both editions' configurations, overrides/, docs/assets, the hooks."""
    workdir.mkdir(parents=True)
    for config in ("mkdocs.yml", "mkdocs.fr.yml"):  # both editions, as make build
        shutil.copy(code / config, workdir / config)
    shutil.copytree(code / "overrides", workdir / "overrides")
    (workdir / "scripts").mkdir()
    hooks = (code / "mkdocs.yml").read_text(encoding="utf-8").partition("\nhooks:\n")[2]
    for hook in re.findall(r"^  - scripts/(\S+\.py)$", hooks, re.M):
        shutil.copy(code / "scripts" / hook, workdir / "scripts")
    reset_docs(workdir, code)


def set_aside(path: Path) -> None:
    """Move a folder out of the way, to be deleted when the benchmark ends, not now.

    On ext4 without a journal (this benchmark's first machine), the kernel will not reuse an
    inode freed in the last one to six minutes, and finding a free one scans past each of them:
    writing 11,736 files just after deleting 11,736 took 2 to 10 times as long as on a disk
    that had deleted nothing. Deleting a run's output before the next run timed that, not the
    build."""
    if path.exists():
        trash = path.parent / ".set-aside"
        trash.mkdir(exist_ok=True)
        path.rename(trash / f"{path.name}-{time.monotonic_ns()}")


def settle() -> None:
    """Before each timed run: the system writes back what earlier runs left to write. A cold
    run at 10,000 records leaves 85 MB; written back during the next run, on the same 2 cores,
    it made that run 10% slower (3.3-3.6 s against 3.0 s), which timed the one before, not this one."""
    if hasattr(os, "sync"):
        os.sync()


QUIET_CREATE_US = 80  # a folder and a file in it, as each /r/ page: about 40 µs on a quiet disk here
PROBE_INTERVAL = 30  # seconds between probes while waiting for a quiet disk


def file_creation_probe(folder: Path, count: int = 2000) -> float:
    """Microseconds to create a folder and a small file in it (as each /r/<id>/ page) here,
    now: set_aside() says why it varies."""
    folder.mkdir(parents=True)
    started = time.perf_counter()
    for number in range(count):
        (folder / str(number)).mkdir()
        (folder / str(number) / "index.html").write_bytes(b"<p>probe</p>\n")
    return (time.perf_counter() - started) / count * 1e6


def wait_for_a_quiet_disk(folder: Path, n: int, patience: float) -> dict:
    """Probes file creation until it is quiet or `patience` seconds have passed: within minutes
    of deleting thousands of files (an earlier benchmark's cleanup, pytest's), creating one here
    took 3 to 16 times as long, and a cold run's write phase timed that aftermath, not the generator."""
    waited = 0.0
    while True:
        microseconds = file_creation_probe(folder / f"probe-{waited:.0f}")
        if microseconds <= QUIET_CREATE_US or waited >= patience:
            break
        progress(f"N={n}: a folder and a file take {microseconds:.0f} µs to create now (about 40 when quiet): waiting for a quiet disk")
        time.sleep(PROBE_INTERVAL)
        waited += PROBE_INTERVAL
    if microseconds > QUIET_CREATE_US:
        progress(f"N={n}: still {microseconds:.0f} µs after {waited:.0f} s: the cold runs and mkdocs will count it")
    return {"file_create_us": microseconds, "waited_for_quiet_disk_s": waited}


def reset_docs(workdir: Path, code: Path) -> None:
    """docs/ as on a fresh checkout: the hand-written assets only, nothing generated yet."""
    set_aside(workdir / "docs")
    shutil.copytree(code / "docs" / "assets", workdir / "docs" / "assets")


def bare_parse(root: Path) -> dict:
    """One run of bench/bare_parse.py: a fresh interpreter, as each generator run has."""
    result = subprocess.run([sys.executable, str(BENCH / "bare_parse.py"), str(root)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def generator_command(code: Path, root: Path, docs: Path) -> list[str]:
    return [sys.executable, str(code / "scripts" / "build_pages.py"), "--root", str(root), "--docs", str(docs), "--site-url", SITE_URL]


def run_generator(code: Path, root: Path, docs: Path) -> dict:
    # a fixed build date (the benchmark's start), so that a run crossing midnight still writes nothing new
    # Python's bytecode cache used as in a default setup (some machines, this one included, turn it off)
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    result = run_child(generator_command(code, root, docs), env={**env, "SOURCE_DATE_EPOCH": str(BUILD_EPOCH)})
    summary = parse_summary(result["stdout"])
    figures = {
        "wall": result["wall"],
        "returncode": result["returncode"],
        "max_rss_mb": result["max_rss_mb"],
        "summary": summary,
    }
    if result["returncode"] != 0 or not summary:
        figures["error"] = (result["stderr"] or result["stdout"])[-3000:]
    return figures


def element_bytes(html: str, opening: str, tag: str) -> tuple[int, int]:
    """Total bytes (and count) of the elements whose start tag begins with `opening`, nesting included."""
    total = count = 0
    start = html.find(opening)
    open_re = re.compile(rf"<{tag}[\s>]|</{tag}>")
    while start >= 0:
        depth, position = 0, start
        for match in open_re.finditer(html, start):
            depth += -1 if match.group().startswith("</") else 1
            if depth == 0:
                position = match.end()
                break
        else:
            position = len(html)
        total += position - start
        count += 1
        start = html.find(opening, position)
    return total, count


def page_breakdown(html: str) -> dict:
    """Where a page's bytes go: navigation, table of contents, entries and what fills them."""
    parts = {
        "site navigation (md-nav--primary, holds a copy of the TOC)": ('<nav class="md-nav md-nav--primary', "nav"),
        "table of contents (md-nav--secondary, every copy)": ('<nav class="md-nav md-nav--secondary', "nav"),
        "entries (<article>)": ('<article class="dossier-entry"', "article"),
        "  of which citations (quote, translation, source link)": ('<div class="dossier-citations"', "div"),
        "  of which hidden search terms": ('<span class="dossier-search-terms"', "span"),
        "  of which 'Cite this entry'": ('<span class="dossier-cite"', "span"),
        "  of which permanent link": ('<span class="dossier-permalink"', "span"),
        "tables": ("<table", "table"),
        "source texts sentence by sentence (<details>)": ('<details class="dossier-coverage"', "details"),
    }
    total = len(html.encode("utf-8"))
    result = {"total_bytes": total}
    for name, spec in parts.items():
        chars, count = element_bytes(html, *spec)
        result[name] = {"count": count, "chars": chars, "share": round(chars / max(1, len(html)), 3)}
    result["headings h3 (one per entry)"] = {"count": html.count("<h3 ")}
    return result


def site_figures(site: Path) -> dict:
    pages = sorted(site.rglob("*.html"))
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in pages}
    redirects = [name for name in sizes if name.startswith("r/")]
    largest = sorted(sizes.items(), key=lambda item: (-item[1], item[0]))
    figures = {
        "html_pages": len(pages),
        "redirect_pages": len(redirects),
        "content_pages": len(pages) - len(redirects),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "largest_pages": [
            {"path": name, "bytes": size, "gzip_bytes": len(gzip.compress((site / name).read_bytes(), GZIP_LEVEL))}
            for name, size in largest[:5]
        ],
        "pages_over_limit": [name for name, size in largest if size > PAGE_LIMIT],
        "largest_other_files": [
            {"path": p.relative_to(site).as_posix(), "bytes": p.stat().st_size}
            for p in sorted((p for p in site.rglob("*") if p.is_file() and p.suffix != ".html" and not {"search", "assets"} & set(p.relative_to(site).parts)),
                            key=lambda p: (-p.stat().st_size, p.as_posix()))[:5]
        ],
    }
    if largest:
        figures["largest_page_breakdown"] = page_breakdown((site / largest[0][0]).read_text(encoding="utf-8"))
    index = site / "search" / "search_index.json"
    if index.is_file():
        data = index.read_bytes()
        figures["search_index"] = {"bytes": len(data), "gzip_bytes": len(gzip.compress(data, GZIP_LEVEL)), "docs": len(json.loads(data).get("docs", []))}
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        files = [p for p in pagefind.rglob("*") if p.is_file()]
        chunks = [p for p in files if p.parent.name == "index"]
        entry = pagefind / "pagefind-entry.json"
        figures["pagefind"] = {
            "version": json.loads(entry.read_text()).get("version") if entry.is_file() else None,
            "files": len(files),
            "bytes": sum(p.stat().st_size for p in files),
            "largest_chunk_bytes": max((p.stat().st_size for p in chunks), default=0),
        }
    return figures


def last_id(text: str) -> str:
    """The id of the last record written in a piece of a data file."""
    return re.findall(r"^- id: ([a-z0-9-]+)$", text, re.M)[-1]


def searched_record(root: Path) -> str:
    """The id of the last event in the last events file: what the search benchmark looks for."""
    path, _, _ = edit_target(root)
    return last_id(path.read_text(encoding="utf-8"))


def edit_target(root: Path) -> tuple[Path, int, str]:
    """An event whose title is written on one line as `  title: "..."`: the file, the line, the title."""
    files = sorted((root / "data" / "events").rglob("*.yaml")) if (root / "data" / "events").is_dir() else [root / "data" / "events.yaml"]
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for number, line in enumerate(lines):
            match = re.fullmatch(r'  title: "(.*)"\n', line)
            if match and "\\" not in match.group(1):
                return path, number, match.group(1)
    raise RuntimeError("no event title to edit")


def set_title(path: Path, number: int, title: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[number] = f"  title: {json.dumps(title, ensure_ascii=False)}\n"
    path.write_text("".join(lines), encoding="utf-8")


def bench_size(n: int, args, mkdocs: str, base: Path, code: Path) -> dict:
    figures: dict = {"n": n}
    root, workdir = base / f"dataset-{n}", base / f"build-{n}"
    docs, site = workdir / "docs", workdir / "site"

    progress(f"N={n}: writing the synthetic dataset (seed {args.seed})")
    started = time.perf_counter()
    write_dataset(root, n, args.seed)
    figures["dataset"] = {
        "seconds_to_write": time.perf_counter() - started,
        "data_files": sum(1 for p in (root / "data").rglob("*.yaml")),
        "data_bytes": sum(p.stat().st_size for p in (root / "data").rglob("*") if p.is_file()),
        "seed_files": sum(1 for p in (root / "seeds").rglob("*") if p.is_file()),
        "seed_bytes": sum(p.stat().st_size for p in (root / "seeds").rglob("*") if p.is_file()),
    }

    prepare_workdir(workdir, code)
    settle()
    figures.update(wait_for_a_quiet_disk(workdir / ".probe", n, args.wait_for_quiet_disk))
    cold, parses = [], []
    for r in range(args.repeat):
        # the floor just before each generator run: a drift of the machine moves both alike
        progress(f"N={n}: bare YAML parse (CSafeLoader), then the generator, cold (empty docs/), run {r + 1}/{args.repeat}")
        reset_docs(workdir, code)
        settle()
        parses.append(bare_parse(root))
        cold.append(run_generator(code, root, docs))
        if "error" in cold[-1]:
            break
    times = [parse["seconds"] for parse in parses]
    figures["bare_parse"] = {"files": parses[0]["files"], "bytes": parses[0]["bytes"], "times": times, "median": median(times)}
    if "error" in cold[-1]:
        progress(f"N={n}: the generator failed:\n{cold[-1]['error']}")
        figures["generator"] = {"runs": cold, "error": cold[-1]["error"]}
        return figures
    phase_names = list(cold[0]["summary"]["phases"])
    figures["generator"] = {
        "runs": cold,
        "wall": median([c["wall"] for c in cold]),
        "phases": {name: median([c["summary"]["phases"].get(name) for c in cold]) for name in phase_names},
        "max_rss_mb": max(c["max_rss_mb"] for c in cold),
        "files_written": cold[-1]["summary"]["written"],
        "records": cold[-1]["summary"]["records"],
    }
    gen = figures["generator"]
    gen["other"] = gen["wall"] - sum(gen["phases"].values())  # interpreter start, imports, coverage lines after the summary

    if not args.skip_mkdocs:
        builds = []
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
        for r in range(args.mkdocs_repeat or args.repeat):
            progress(f"N={n}: mkdocs build --strict, run {r + 1}/{args.mkdocs_repeat or args.repeat}")
            set_aside(site)
            settle()
            result = run_child([mkdocs, "build", "--strict", "-f", str(workdir / "mkdocs.yml"), "-d", str(site)], env=env)
            warnings = [line for line in result["stderr"].splitlines() if "WARNING" in line]
            builds.append({"wall": result["wall"], "returncode": result["returncode"], "max_rss_mb": result["max_rss_mb"], "warnings": warnings[:20]})
            if result["returncode"] != 0:
                builds[-1]["error"] = result["stderr"][-3000:]
                progress(f"N={n}: mkdocs failed (exit {result['returncode']}):\n{result['stderr'][-1500:]}")
                break
        figures["mkdocs"] = {
            "runs": builds,
            "wall": median([b["wall"] for b in builds]),
            "max_rss_mb": max(b["max_rss_mb"] for b in builds),
            "ok": all(b["returncode"] == 0 and not b["warnings"] for b in builds),
        }
        if site.is_dir():
            progress(f"N={n}: measuring the built site")
            figures["site"] = site_figures(site)
            # A rare word (an entry's id, one result) and a word of nearly every entry.
            record = searched_record(root)
            progress(f"N={n}: search in headless Chromium, {args.repeat}x each (queries: {record}, {COMMON_WORD})")
            figures["search"] = search_timing(site, record, record, args.repeat)
            figures["search_common"] = search_timing(site, COMMON_WORD, "", args.repeat)

    noop = []
    for r in range(args.repeat):
        progress(f"N={n}: generator, no-op (nothing changed), run {r + 1}/{args.repeat}")
        settle()
        noop.append(run_generator(code, root, docs))
    figures["noop"] = {
        "runs": noop,
        "wall": median([c["wall"] for c in noop]),
        "files_written": max((c["summary"].get("written", -1) for c in noop), default=None),
    }

    path, number, title = edit_target(root)
    edited_id = last_id("".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[: number + 1]))
    edits = []
    for r in range(args.repeat):
        progress(f"N={n}: generator after editing one event's title, run {r + 1}/{args.repeat}")
        set_title(path, number, f"{title} (edited {r + 1})")
        before = snapshot(docs)
        settle()
        run = run_generator(code, root, docs)
        after = snapshot(docs)
        run["changed_files"] = sorted(name for name in after if before.get(name) != after[name])
        # A page the record appears on names its id: as its anchor, in a link, or in the downloads.
        run["changed_without_record"] = [name for name in run["changed_files"] if edited_id not in (docs / name).read_text(encoding="utf-8")]
        edits.append(run)
    figures["edit_one"] = {
        "record_file": path.relative_to(root).as_posix(),
        "runs": [{k: v for k, v in e.items() if k != "changed_files"} for e in edits],
        "wall": median([e["wall"] for e in edits]),
        "files_written": edits[-1]["summary"].get("written"),
        "record": edited_id,
        "changed_files": edits[-1]["changed_files"],
        "changed_without_record": sorted({name for e in edits for name in e["changed_without_record"]}),
    }

    figures["total_build"] = gen["wall"] + (figures["mkdocs"]["wall"] if "mkdocs" in figures else 0.0)
    return figures


# -- targets and the table -------------------------------------------------------------------------


def targets(results: dict[int, dict]) -> list[dict]:
    checks = []
    for n, f in results.items():
        gen, parse = f.get("generator", {}), f.get("bare_parse", {})
        if gen.get("wall") is not None and parse.get("median") is not None:
            limit = 3 * parse["median"] + 0.5
            checks.append({"n": n, "target": "generator <= 3 x bare parse + 0.5 s", "value": gen["wall"], "limit": limit, "pass": gen["wall"] <= limit})
        if "site" in f:
            largest = f["site"]["largest_pages"][0] if f["site"]["largest_pages"] else {"bytes": 0, "path": ""}
            checks.append({"n": n, "target": "no page > 500 KB", "value": largest["bytes"], "limit": PAGE_LIMIT, "pass": largest["bytes"] <= PAGE_LIMIT, "page": largest["path"]})
        if "mkdocs" in f:
            checks.append({"n": n, "target": "mkdocs build --strict succeeds", "value": f["mkdocs"]["ok"], "limit": True, "pass": f["mkdocs"]["ok"]})
        if "noop" in f:
            written = f["noop"]["files_written"]
            checks.append({"n": n, "target": "no-op regeneration writes 0 files", "value": written, "limit": 0, "pass": written == 0})
        if "edit_one" in f:
            strays = f["edit_one"]["changed_without_record"]
            checks.append({"n": n, "target": "an edit rewrites only pages naming the record", "value": len(strays), "limit": 0, "pass": not strays})
        if "first_result_after_load" in f.get("search", {}) and "first_result_after_load" in f.get("search_common", {}):
            seconds = max(f["search"]["first_result_after_load"], f["search_common"]["first_result_after_load"])
            ok = seconds <= 1.0 and f["search"]["found_expected"]
            checks.append({"n": n, "target": "search shows its first result <= 1 s after loading", "value": seconds, "limit": 1.0, "pass": ok})
    for n, f in results.items():
        big = results.get(n * 10)
        if big and "total_build" in f and "total_build" in big and "mkdocs" in f and "mkdocs" in big:
            limit = 11 * f["total_build"]
            checks.append({"n": n * 10, "target": f"total build at {n * 10} <= 11 x at {n}", "value": big["total_build"], "limit": limit, "pass": big["total_build"] <= limit})
    return checks


def _s(seconds) -> str:
    return "—" if seconds is None else f"{seconds:.2f} s"


def _kb(size) -> str:
    return "—" if size is None else f"{size / 1000:,.0f} KB" if size >= 10_000 else f"{size / 1000:,.1f} KB"


def table(results: dict[int, dict], checks: list[dict]) -> str:
    sizes = list(results)
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, getter) -> None:
        values = []
        for n in sizes:
            try:
                values.append(getter(results[n]))
            except (KeyError, IndexError, TypeError, ZeroDivisionError):
                values.append("—")
        rows.append((label, values))

    row("records (generator's count)", lambda f: f"{f['generator']['records']:,}")
    row("data: YAML files / size", lambda f: f"{f['dataset']['data_files']} / {_kb(f['dataset']['data_bytes'])}")
    row("bare parse, CSafeLoader (floor)", lambda f: _s(f["bare_parse"]["median"]))
    for phase in ("load", "check", "render", "write"):
        row(f"generator phase: {phase}", lambda f, p=phase: _s(f["generator"]["phases"].get(p)))
    row("generator: other (start, imports, coverage)", lambda f: _s(f["generator"]["other"]))
    row("disk: a folder and a file in it (probe before the cold runs)", lambda f: f"{f['file_create_us']:.0f} µs" + (f" after {f['waited_for_quiet_disk_s']:.0f} s" if f.get("waited_for_quiet_disk_s") else ""))
    row("generator wall time (cold)", lambda f: _s(f["generator"]["wall"]))
    row("generator / bare parse", lambda f: f"{f['generator']['wall'] / f['bare_parse']['median']:.1f} x")
    row("generator load phase / bare parse", lambda f: f"{f['generator']['phases']['load'] / f['bare_parse']['median']:.1f} x")
    row("generator files written (cold)", lambda f: f"{f['generator']['files_written']:,}")
    row("generator peak RSS", lambda f: f"{f['generator']['max_rss_mb']:.0f} MB")
    row("mkdocs build --strict", lambda f: _s(f["mkdocs"]["wall"]) + ("" if f["mkdocs"]["ok"] else " (FAILED)"))
    row("mkdocs peak RSS", lambda f: f"{f['mkdocs']['max_rss_mb']:.0f} MB")
    row("total build (generator + mkdocs)", lambda f: _s(f["total_build"]))
    row("HTML pages (of which /r/ redirects)", lambda f: f"{f['site']['html_pages']:,} ({f['site']['redirect_pages']:,})")
    row("largest page", lambda f: f["site"]["largest_pages"][0]["path"])
    row("largest page: raw / gzip", lambda f: f"{_kb(f['site']['largest_pages'][0]['bytes'])} / {_kb(f['site']['largest_pages'][0]['gzip_bytes'])}")
    row("2nd largest page", lambda f: f"{f['site']['largest_pages'][1]['path']} ({_kb(f['site']['largest_pages'][1]['bytes'])})")
    row("pages over 500 KB", lambda f: f"{len(f['site']['pages_over_limit'])}")
    row("largest other file (downloads, feed)", lambda f: f"{f['site']['largest_other_files'][0]['path']} ({_kb(f['site']['largest_other_files'][0]['bytes'])})")
    row("search_index.json (every search loads it): raw / gzip", lambda f: f"{_kb(f['site']['search_index']['bytes'])} / {_kb(f['site']['search_index']['gzip_bytes'])}")
    row("Pagefind index: version / files / size / largest chunk", lambda f: f"{f['site']['pagefind'].get('version')} / {f['site']['pagefind']['files']:,} / {_kb(f['site']['pagefind']['bytes'])} / {_kb(f['site']['pagefind']['largest_chunk_bytes'])}")
    row("search an id: first result after the load event", lambda f: f["search"].get("skipped") or _s(f["search"]["first_result_after_load"]) + ("" if f["search"]["found_expected"] else " (WRONG RESULT)"))
    row("search an id: from the start of navigation", lambda f: f["search"].get("skipped") or _s(f["search"]["first_result"]))
    row(f"search '{COMMON_WORD}': first result after the load event", lambda f: f["search_common"].get("skipped") or _s(f["search_common"]["first_result_after_load"]))
    row(f"search '{COMMON_WORD}': from the start of navigation", lambda f: f["search_common"].get("skipped") or _s(f["search_common"]["first_result"]))
    row("no-op regeneration", lambda f: _s(f["noop"]["wall"]))
    row("no-op: files written", lambda f: str(f["noop"]["files_written"]))
    row("after editing 1 title", lambda f: _s(f["edit_one"]["wall"]))
    row("after editing 1 title: files written", lambda f: str(f["edit_one"]["files_written"]))
    for check in checks:
        label = f"TARGET {check['target']}"
        if not any(r[0] == label for r in rows):
            rows.append((label, ["—"] * len(sizes)))
        index = next(i for i, r in enumerate(rows) if r[0] == label)
        if check["n"] in sizes:
            value = check["value"]
            if isinstance(value, float):
                shown = f"{_s(value)} {'≤' if check['pass'] else '>'} {_s(check['limit'])}"
            else:
                shown = _kb(value) if "KB" in check["target"] else str(value)
            rows[index][1][sizes.index(check["n"])] = f"{'PASS' if check['pass'] else 'FAIL'} ({shown})"

    header = ["N = " + f"{n:,}" for n in sizes]
    width0 = max(len(r[0]) for r in rows)
    widths = [max(len(header[i]), *(len(r[1][i]) for r in rows)) for i in range(len(sizes))]
    lines = [" | ".join([" " * width0] + [h.rjust(w) for h, w in zip(header, widths)])]
    lines.append("-+-".join(["-" * width0] + ["-" * w for w in widths]))
    for label, values in rows:
        lines.append(" | ".join([label.ljust(width0)] + [v.rjust(w) for v, w in zip(values, widths)]))
    return "\n".join(lines)


def _git(*arguments: str) -> str | None:
    """Read-only git queries, for the record (which commit; "-dirty" when the working tree differs)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(PROJECT), *arguments], capture_output=True, text=True, timeout=30, env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"}
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() or None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the dossier's build on synthetic datasets of N records.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000], help="dataset sizes (default: 100 1000 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing; the median is reported (default 3)")
    parser.add_argument("--mkdocs-repeat", type=int, help="runs of mkdocs build (default: --repeat); it is the slow step")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic datasets (default 0)")
    parser.add_argument("--skip-mkdocs", action="store_true", help="time the generator only")
    parser.add_argument(
        "--wait-for-quiet-disk", type=float, default=600, metavar="SECONDS",
        help="before each size's cold runs, wait at most this long for file creation to be quick again (default 600; 0: never wait)",
    )
    parser.add_argument("--mkdocs", help="path of the mkdocs command (default: beside this Python, then .venv/bin, then PATH)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders (datasets, docs/, site/) and print where")
    parser.add_argument("--results", type=Path, default=BENCH / "results", help="folder for the JSON figures (default bench/results)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    mkdocs = None if args.skip_mkdocs else find_mkdocs(args.mkdocs)

    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    base = Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    commit = _git("rev-parse", "--short=12", "HEAD")
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no"))  # GIT_OPTIONAL_LOCKS=0: a read, never a write
    commit = commit and commit + ("-dirty" if dirty else "")
    code = snapshot_project(base / "project")
    progress(f"measuring a snapshot of the project at {commit or 'an unknown commit'} (copied to {code})")
    results: dict[int, dict] = {}
    try:
        for n in args.sizes:
            results[n] = bench_size(n, args, mkdocs, base, code)
            progress(f"N={n}: done")
    finally:
        if args.keep:
            progress(f"kept the datasets and builds under {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)

    checks = targets(results)
    print()
    print(table(results, checks))
    print()
    failed = [c for c in checks if not c["pass"]]
    print(f"targets: {len(checks) - len(failed)} of {len(checks)} pass" + (": FAIL " + "; ".join(f"{c['target']} (N={c['n']:,})" for c in failed) if failed else ""))

    record = {
        "timestamp": stamp,
        "commit": commit or None,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "page_limit_bytes": PAGE_LIMIT,
        "gzip_level": GZIP_LEVEL,
        "sizes": {str(n): f for n, f in results.items()},
        "targets": checks,
    }
    args.results.mkdir(parents=True, exist_ok=True)
    out = args.results / f"{stamp}.json"
    out.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"figures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
