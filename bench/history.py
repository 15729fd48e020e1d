#!/usr/bin/env python3
"""What reading the history costs (dossier/history.py): a synthetic dossier of N records made a
git repository of C commits (the first adds every record, each next one edits one record's
title), then read cold (no cache), again at the same commit (the cache), and after one more
commit (the cache, then that commit). Prints the figures; not a test.

    .venv/bin/python bench/history.py [--records 10000] [--commits 1000] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import write_dataset  # noqa: E402
from dossier.history import CACHE, read_history  # noqa: E402

ENV = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}


def git(root: Path, *args: str, stdin: str | None = None) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=ENV, input=stdin).stdout


def make_repository(root: Path, records: int, commits: int) -> None:
    write_dataset(root, records)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "every record")
    rng = random.Random(0)
    for number in range(1, commits):
        edit_a_title(root, rng, f"Edit {number}: ")
        git(root, "commit", "-q", "-am", f"edit {number}")


def edit_a_title(root: Path, rng: random.Random, words: str) -> None:
    """A few words at the start of a title written in double quotes (the text stays valid YAML)."""
    files = sorted(p for p in (root / "data").rglob("*.yaml") if '\n  title: "' in p.read_text(encoding="utf-8"))
    path = rng.choice(files)
    text = path.read_text(encoding="utf-8")
    at = rng.choice([m.end() for m in re.finditer(r'^  title: "', text, re.MULTILINE)])
    path.write_text(text[:at] + words + text[at:], encoding="utf-8")


def timed(root: Path) -> tuple[float, object]:
    started = time.perf_counter()
    history = read_history(root)
    return time.perf_counter() - started, history


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="history-bench-"))
    root = workdir / f"repo-{args.records}-{args.commits}"
    if not (root / ".git").is_dir():
        shutil.rmtree(root, ignore_errors=True)
        started = time.perf_counter()
        make_repository(root, args.records, args.commits)
        print(f"made {root}: {args.records} records, {args.commits} commits ({time.perf_counter() - started:.0f} s)")
    (root / CACHE).unlink(missing_ok=True)
    cold, history = timed(root)
    versions = sum(map(len, history.versions.values()))
    print(f"cold, no cache:        {cold:6.2f} s  ({len(history.versions)} records, {versions} versions)")
    cached, _ = timed(root)
    print(f"same commit, cached:   {cached:6.2f} s")
    edit_a_title(root, random.Random(1), "Again: ")
    git(root, "commit", "-q", "-am", "one more edit")
    later, _ = timed(root)
    print(f"one commit later:      {later:6.2f} s")
    git(root, "reset", "-q", "--hard", "HEAD~1")
    print(f"cache: {(root / CACHE).stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
