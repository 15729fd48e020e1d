"""MkDocs hooks for `mkdocs serve` only: watch data/ and seeds/, regenerate pages on change.

`mkdocs build` ignores these (the generator runs before it as its own step), and so do
other generators reading mkdocs.yml: nothing the site needs depends on them.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.dossier")
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_serve(server, config, builder):
    for folder in ("data", "seeds"):
        server.watch(str(ROOT / folder))
    return server


def on_pre_build(config):
    if not _serving:
        return
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pages.py")], capture_output=True, text=True)
    if result.returncode:
        log.error("the data has problems; the pages stay as they were:\n%s", result.stderr.strip())
    else:
        log.info(result.stdout.strip())
