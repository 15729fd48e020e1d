"""MkDocs hook: the site's search index, built once at build time with Pagefind.

Material's own search builds a lunr index in the reader's browser from
search/search_index.json, which takes seconds at thousands of entries. This hook takes
the sections Material's search plugin has just written there (one per page and one per
heading, so one per entry) and indexes each as a Pagefind record in site/pagefind/. The
browser then loads only the index chunks a query needs, through
docs/assets/javascripts/search-worker.js, which answers Material's search box in place of
Material's worker. search/search_index.json is then cut down to its configuration, since
the worker no longer reads the sections and every page would otherwise download them.

Runs on `mkdocs build` and `mkdocs serve` alike (on_post_build, after the search plugin).
Also usable alone on a built site: python scripts/search_index.py SITE_DIR
"""

from __future__ import annotations

import html
import importlib.metadata
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

log = logging.getLogger("mkdocs.dossier.search")

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|dt|dd|td|th|figcaption|blockquote)>")
_ENDS_A_SENTENCE = re.compile(r"[.!?:;…]$")
_BACKLINK = re.compile(r"\s*↑$")  # a citation's way back to its marker, meaningless in a snippet
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


def _plain(markup: str) -> str:
    """A title or text of Material's index (HTML: tags, character references) as plain text."""
    return html.unescape(_SPACE.sub(" ", _TAG.sub(" ", markup)).strip())


def _text(markup: str) -> str:
    """A section's text as plain text that reads as sentences: its fields and paragraphs, which
    tags alone separate, end with a full stop where they do not end with punctuation already."""
    blocks = (_BACKLINK.sub("", _plain(block)) for block in _BLOCK_END.split(markup))
    text = ""
    for block in filter(None, blocks):
        text += (" " if not text or _ENDS_A_SENTENCE.search(text) else ". ") + block
    return text.strip()


# Between what a section shows and its hidden search words, in each record: the search worker
# makes its snippet from the text before it, so that a reader never sees words the page does not show.
HIDDEN_WORDS = "\u2042"  # ⁂


def _shown_and_hidden(text: str, anchor: str) -> tuple[str, str]:
    """Material's text of an entry -> the text the reader sees, and the entry's hidden search
    words (its id, the aliases of the actors it names, unaccented forms), which the generator
    writes in a paragraph of their own that starts with the id (dossier/finding.py)."""
    hidden = []

    def set_aside(paragraph: re.Match) -> str:
        words = _plain(paragraph.group(1))
        if anchor and (words == anchor or words.startswith(anchor + " ")):
            hidden.append(words)
            return " "
        return paragraph.group(0)

    shown = _PARAGRAPH.sub(set_aside, text)
    # the mark itself, should data hold it, becomes a space: only the record's own mark separates
    return _text(shown).replace(HIDDEN_WORDS, " "), (" ".join(hidden) or anchor).replace(HIDDEN_WORDS, " ")


def _record(doc: dict, page_title: str, lang: str) -> str:
    """One section as a small HTML document for Pagefind: its title as the heading (weighted
    above the text), its text, then its hidden search words, and where it leads (meta "loc",
    Material's location) and the title of its page (meta "page") for the result list."""
    title = _plain(doc.get("title", ""))
    # The section's anchor (an entry's record id) is among the hidden words: in Material's
    # text it would run on from the words before it, where Pagefind would not find it.
    anchor = doc["location"].partition("#")[2]
    shown, hidden = _shown_and_hidden(doc.get("text", ""), anchor)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        f'<meta data-pagefind-meta="loc[content]" content="{html.escape(doc["location"])}">'
        f'<meta data-pagefind-meta="page[content]" content="{html.escape(page_title)}">'
        f"</head><body><h1>{html.escape(title)}</h1><p>{html.escape(shown)}</p>"
        f"<p>{HIDDEN_WORDS} {html.escape(hidden)}</p></body></html>"
    )


def _page_titles(docs: list[dict]) -> dict[str, str]:
    return {doc["location"]: _plain(doc.get("title", "")) for doc in docs if "#" not in doc["location"]}


def pagefind() -> tuple[list[str], str]:
    """The command that runs Pagefind, and its version: the pinned one scripts/fetch_pagefind.py
    installed beside this Python (Linux) when it runs here, else PyPI's pagefind-bin."""
    pinned = Path(sys.executable).with_name("pagefind-pinned")
    try:
        result = subprocess.run([str(pinned), "--version"], capture_output=True, text=True, timeout=60)
        if result.returncode == 0:
            return [str(pinned)], result.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return [sys.executable, "-m", "pagefind"], f"pagefind-bin {importlib.metadata.version('pagefind-bin')}"


def _write(docs: list[dict], output: Path, command: list[str], lang: str) -> None:
    """Write every section as its own small HTML file in a temporary folder and index that
    folder with the Pagefind binary (the Python API answers one record per 0.1 s)."""
    titles = _page_titles(docs)
    with tempfile.TemporaryDirectory(prefix="pagefind-") as folder:
        for number, doc in enumerate(docs):
            page_title = titles.get(doc["location"].split("#")[0], "")
            (Path(folder) / f"{number}.html").write_text(_record(doc, page_title, lang), encoding="utf-8")
        result = subprocess.run(
            [*command, "--site", folder, "--output-path", str(output), "--force-language", lang, "--quiet"],
            capture_output=True, text=True,
        )
    if result.returncode:
        raise RuntimeError(f"pagefind failed:\n{result.stdout}{result.stderr}")


def build_index(site: Path, lang: str = "en") -> dict:
    """Index site/search/search_index.json into site/pagefind/; leave search_index.json
    with its configuration and no sections. Returns figures for the log."""
    started = time.perf_counter()
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = [doc for doc in index.get("docs", []) if doc.get("location") is not None]
    output = site / "pagefind"
    shutil.rmtree(output, ignore_errors=True)
    command, version = pagefind()
    _write(docs, output, command, lang)
    for unused in UNUSED:  # Pagefind's own search interfaces: Material's search box is the site's
        for file in output.glob(unused):
            file.unlink()
    stub = path.with_suffix(".tmp")
    stub.write_text(json.dumps({"config": index.get("config", {}), "docs": []}), encoding="utf-8")
    os.replace(stub, path)  # a new file: a hard-linked copy of the old one stays whole
    size = sum(f.stat().st_size for f in output.rglob("*") if f.is_file())
    return {"records": len(docs), "bytes": size, "seconds": time.perf_counter() - started, "version": version}


_run = {"dirty": False}


def on_startup(command, dirty):
    _run["dirty"] = dirty


def on_post_build(config, **kwargs):
    if _run["dirty"] and (Path(config["site_dir"]) / "pagefind" / "pagefind.js").is_file():
        # `make serve` rebuilds dirty, a few pages a save: the index of its first build stays
        log.info("search index kept from the first build (a dirty rebuild)")
        return
    figures = build_index(Path(config["site_dir"]), config["theme"]["language"])
    log.info("Pagefind search index (%(version)s): %(records)d sections, %(bytes)d bytes, %(seconds).1fs", figures)


try:  # after the search plugin's own on_post_build, which writes search_index.json
    from mkdocs.plugins import event_priority

    on_post_build = event_priority(-100)(on_post_build)
except ImportError:  # pragma: no cover
    pass


if __name__ == "__main__":
    print(build_index(Path(sys.argv[1])))
