"""MkDocs hooks for `mkdocs serve` only (`make serve`): the editor's loop.

A save in data/ or seeds/ runs the generator here, outside MkDocs's rebuild, and once it has
written the pages, asks for the save's one rebuild. MkDocs does not watch the generated pages
themselves: it rebuilds whenever docs/ has been still for 0.1 s, which a save's writes could be
twice (at scale, on a busy disk). It watches the hand-written folders of docs/ (docs/assets/)
and the configuration, as before. `make serve` rebuilds dirty: only the pages whose
Markdown changed.

Bad data writes no page: the problems go to the served site as `__dossier_problems.json`, a
rebuild is asked for (so that open pages reload), and every served page shows them in a banner
above the last good pages, until a save makes the data good again. The banner's script is
added to pages only while serving: a built site never carries it.

`mkdocs build` ignores these, and so do other generators reading mkdocs.yml.
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBLEMS = "__dossier_problems.json"
REBUILD = ROOT / ".dossier-cache" / "serve"  # a folder MkDocs watches; a write in it asks for a rebuild
log = logging.getLogger("mkdocs.dossier")
_state: dict = {"serving": False}


def on_startup(command, dirty):
    _state["serving"] = command == "serve"


def on_config(config):
    if _state["serving"] and "site_dir" not in _state:  # the config is read again at each rebuild
        _state["site_dir"] = Path(config.site_dir)
    return config


def on_serve(server, config, builder):
    import watchdog.events
    import watchdog.observers

    pending = threading.Event()

    class Changed(watchdog.events.FileSystemEventHandler):
        def on_any_event(self, event):
            if not event.is_directory and event.event_type in ("created", "modified", "deleted", "moved"):
                pending.set()

    def regenerate_on_changes():
        while True:
            pending.wait()
            while pending.wait(timeout=0.1):  # a save is often several writes: wait for the last
                pending.clear()
            _regenerate()

    docs = Path(config.docs_dir)
    generated = {line.split("/")[0] for line in _read(docs / ".generated").split()}
    server.unwatch(config.docs_dir)
    for folder in sorted(docs.iterdir()):
        if folder.is_dir() and not folder.name.startswith(".") and folder.name not in generated:
            server.watch(str(folder))
    REBUILD.mkdir(parents=True, exist_ok=True)
    server.watch(str(REBUILD))

    observer = watchdog.observers.Observer()
    for folder in ("data", "seeds"):
        observer.schedule(Changed(), str(ROOT / folder), recursive=True)
    observer.start()
    threading.Thread(target=regenerate_on_changes, daemon=True).start()
    return server


def _regenerate() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pages.py")], capture_output=True, text=True, cwd=ROOT)
    if result.returncode:
        problems = [line for line in result.stderr.splitlines() if line.strip()]
        log.error("the data has problems; the pages stay as they were:\n%s", "\n".join(problems))
        _write_problems(problems)
    else:
        summary = next((line for line in result.stdout.splitlines() if " records; " in line), "pages regenerated")
        log.info(summary)
        for warning in result.stderr.splitlines():
            log.warning(warning)
        if not _write_problems([]) and re.search(r" 0 files written, \d+ unchanged, 0 removed", summary):
            return  # nothing the served site shows has changed
    (REBUILD / "save").write_text(str(time.time()), encoding="utf-8")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _write_problems(problems: list[str]) -> bool:
    """The problems for the banner, in the served site; True if that changed what it shows."""
    path = _state["site_dir"] / PROBLEMS
    text = json.dumps({"problems": problems}, ensure_ascii=False)
    before = path.read_text(encoding="utf-8") if path.is_file() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return before is not None and before != text


# The banner: fetched on every page load while serving; its text is set as text, never as HTML.
_BANNER = """<script>
fetch(%s, {cache: "no-store"}).then(r => r.json()).then(report => {
  if (!report.problems.length) return;
  const banner = document.createElement("section");
  banner.className = "dossier-serve-problems";
  banner.setAttribute("role", "alert");
  const title = document.createElement("h2");
  title.textContent = "The data has problems: the pages below are the last good ones";
  const list = document.createElement("pre");
  list.textContent = report.problems.join("\\n");
  banner.append(title, list);
  document.body.prepend(banner);
}).catch(() => {});
</script>
<style>.dossier-serve-problems{position:sticky;top:0;z-index:10;margin:0;padding:.6rem 1rem;background:#8b0000;color:#fff}
.dossier-serve-problems h2{margin:0 0 .4rem;font-size:1rem}.dossier-serve-problems pre{margin:0;white-space:pre-wrap;font-size:.8rem;max-height:40vh;overflow:auto}</style>
"""


def on_post_page(output: str, page, config) -> str:
    if not _state["serving"]:
        return output
    address = json.dumps("/" + PROBLEMS)
    return output.replace("</body>", _BANNER % address + "</body>", 1)
