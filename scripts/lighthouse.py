#!/usr/bin/env python3
"""Lighthouse's scores for every page type of the built site, in both presets (not a test:
scores vary run to run, so each page is measured several times and the median is printed
with the range).

    make lighthouse                    (builds the site, installs Lighthouse from npm into .lighthouse/)
    .venv/bin/python scripts/lighthouse.py --runs 1 --pages timeline/ fr/timeline/

Serves the site on 127.0.0.1 with gzip, as any static host does, and runs Lighthouse in
Debian's Chromium: the mobile preset (Lighthouse's default: a slow 4G network and a slower
processor, simulated) and the desktop one. Prints, per page and preset, performance,
accessibility, best practices and SEO, then cumulative layout shift and total blocking time.
A year page of a large dossier is measured too: the dossier is built again, split into a page
per year as a large one is (`--page-size 1`), into a temporary folder.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from http.server import SimpleHTTPRequestHandler
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM_ARGS, serve  # noqa: E402

LIGHTHOUSE = ROOT / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGE_TYPES = ["", "timeline/", "transfers/", "agreements/", "actors/", "actors/iran/", "sources/", "methodology/", "browse/"]
PAGES = PAGE_TYPES + ["fr/" + page for page in PAGE_TYPES]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".pf_meta", ".pf_index", ".pf_fragment")


class _GzipHandler(SimpleHTTPRequestHandler):
    """Static files, text compressed with gzip when the browser accepts it."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or path.suffix not in COMPRESSED:
            return super().send_head()
        if not self.path.split("?")[0].endswith("/") and Path(self.translate_path(self.path)).is_dir():
            return super().send_head()  # the redirect to the folder's address
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


def measure(url: str, preset: str) -> dict | None:
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    command = [
        str(LIGHTHOUSE), url, "--output=json", "--quiet", f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
    ] + (["--preset=desktop"] if preset == "desktop" else [])
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium})
    if result.returncode:
        print(f"  {url} ({preset}): lighthouse failed: {result.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    report = json.loads(result.stdout)
    figures = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    figures["cls"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    figures["tbt"] = report["audits"]["total-blocking-time"]["numericValue"]
    failing = [a for c in CATEGORIES[1:] for ref in report["categories"][c]["auditRefs"] if ref["weight"] and (a := report["audits"][ref["id"]])["score"] not in (1, None)]
    figures["failing"] = sorted({a["id"] for a in failing})
    return figures


def summary(values: list[float], digits: int = 0) -> str:
    """The median, and the range when the runs differ: "96 (95–98)"."""
    text, low, high = (f"{v:.{digits}f}" for v in (statistics.median(values), min(values), max(values)))
    return text if low == high else f"{text} ({low}–{high})"  # as printed: 0.0001 and 0 are both 0.000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page and preset (default 3)")
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--pages", nargs="*", help="only these pages (paths under the site), and no year page of a split dossier")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"no site at {args.site} to measure: run `make build` first", file=sys.stderr)
        return 1
    if not LIGHTHOUSE.exists():
        print("no Lighthouse: `make lighthouse` installs it into .lighthouse/", file=sys.stderr)
        return 1
    targets = [(args.site, page) for page in (args.pages or PAGES)]
    split = None
    if not args.pages:
        from tests.sitebuild import build_site

        split = build_site(ROOT, Path(tempfile.mkdtemp(prefix="dossier-split-")), site_url="", page_size=1)
        year = sorted(p.parent.name for p in (split / "timeline").glob("*/index.html"))[0]
        targets += [(split, f"timeline/{year}/"), (split, f"fr/timeline/{year}/")]
    header = f"{'page':<26}{'preset':<9}" + "".join(f"{c:>16}" for c in CATEGORIES) + f"{'CLS':>21}{'TBT ms':>16}"
    print(f"Lighthouse, {args.runs} runs each (median, and range when they differ)\n{header}")
    worst = {"mobile": 100, "desktop": 100}
    for site, page in targets:
        with serve(site, _GzipHandler) as base_url:
            for preset in ("mobile", "desktop"):
                runs = [r for r in (measure(base_url + page, preset) for _ in range(args.runs)) if r]
                if not runs:
                    continue
                label = ("split: " if site == split else "") + "/" + page
                cells = "".join(f" {summary([r[c] for r in runs]):>15}" for c in CATEGORIES)
                print(f"{label:<26}{preset:<9}{cells} {summary([r['cls'] for r in runs], 3):>20} {summary([r['tbt'] for r in runs]):>15}", flush=True)
                failing = sorted({a for r in runs for a in r["failing"]})
                if failing:
                    print(f"{'':<35}audits below full score: {', '.join(failing)}")
                worst[preset] = min(worst[preset], statistics.median(r["performance"] for r in runs))
    print(f"lowest median performance: mobile {worst['mobile']:.0f}, desktop {worst['desktop']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
