#!/usr/bin/env python3
"""Lighthouse scores for the main pages of the built site (not a test: scores vary run to run).

    make lighthouse        (builds the site, installs Lighthouse from npm into .lighthouse/)

Serves site/ on 127.0.0.1, runs Lighthouse (desktop preset) in Debian's Chromium on each
page and prints performance, accessibility, best practices and SEO.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM_ARGS, serve  # noqa: E402

LIGHTHOUSE = ROOT / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = ["", "timeline/", "transfers/", "agreements/", "actors/", "actors/iran/", "sources/", "methodology/"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def main() -> int:
    site = ROOT / "site"
    if not (site / "index.html").is_file():
        print("no site/ to measure: run `make build` first", file=sys.stderr)
        return 1
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    print(f"{'page':<16}" + "".join(f"{c:>16}" for c in CATEGORIES))
    with serve(site) as base_url:
        for page in PAGES:
            result = subprocess.run(
                [
                    str(LIGHTHOUSE), base_url + page, "--preset=desktop", "--output=json", "--quiet",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
                ],
                capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium},
            )
            if result.returncode:
                print(f"{page or '/':<16} lighthouse failed: {result.stderr.strip()[-300:]}")
                continue
            scores = json.loads(result.stdout)["categories"]
            print(f"{'/' + page:<16}" + "".join(f"{round(scores[c]['score'] * 100):>16}" for c in CATEGORIES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
