#!/usr/bin/env python3
"""The benchmark's floor: PyYAML's C loader on every data file, in a fresh interpreter as the
generator runs, the files already read. Prints one JSON line: seconds, files, bytes.

    python bench/bare_parse.py DATASET_ROOT
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import yaml


def main(root: Path) -> dict:
    files = sorted(p for p in (root / "data").rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    texts = [p.read_text(encoding="utf-8") for p in files]
    started = time.perf_counter()
    for text in texts:
        yaml.load(text, Loader=yaml.CSafeLoader)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "files": len(files), "bytes": sum(len(t.encode("utf-8")) for t in texts)}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
