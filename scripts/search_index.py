"""MkDocs hook: the site's search index, built once at build time with Pagefind.

Material's own search builds a lunr index in the reader's browser from
search/search_index.json, which takes seconds at thousands of entries. This hook divides each
page into the sections Material's search plugin would (one per page and one per heading with
an id, so one per entry) and indexes each as a Pagefind record in site/pagefind/. The
browser then loads only the index chunks a query needs, through
docs/assets/javascripts/search-worker.js, which answers Material's search box in place of
Material's worker.

The hook marks every page `search: exclude` once it has its sections, so the search plugin
neither parses the page again (its HTML parser took a fifth of a large build) nor writes
sections into search/search_index.json, which keeps only its configuration: every page
downloads it, and the worker reads none of it.

Runs on `mkdocs build` and `mkdocs serve` alike; under `make serve`, whose rebuilds build only
the pages a save changed, the index is made again after each save, in the background
(`index_as_served`).
"""

from __future__ import annotations

import hashlib
import html
import importlib.metadata
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
_ENDING = tuple(".!?:;…")  # of a sentence
_BACKLINK = re.compile(r"\s*↑$")  # a citation's way back to its marker, meaningless in a snippet
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


def _plain(markup: str) -> str:
    """A title or text of Material's index (HTML: tags, character references) as plain text."""
    return html.unescape(_SPACE.sub(" ", _TAG.sub(" ", markup)).strip())


def _text(markup: str) -> str:
    """A section's text as plain text that reads as sentences: its fields and paragraphs, which
    tags alone separate, end with a full stop where they do not end with punctuation already."""
    blocks = (_BACKLINK.sub("", _plain(block)) for block in _BLOCK_END.split(markup))
    pieces: list[str] = []
    for block in filter(None, blocks):
        # as a regex's `[.!?:;…]$` on the text so far, looking at its end only (the text can be long)
        last = pieces[-1][:-1] if pieces and pieces[-1].endswith("\n") else pieces[-1] if pieces else ""
        pieces += [" " if not pieces or last[-1:] in _ENDING else ". ", block]
    return "".join(pieces).strip()


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


# What Material's search parser keeps of a page: the text, and these tags (bare); elements
# marked data-search-exclude, scripts and styles are left out whole; a heading's permalink too.
_KEPT_TAG = re.compile(r"<(/?)(p|li|ol|ul|code|pre|sub|sup)\b[^>]*>")
_OTHER_TAG = re.compile(r"<(?!/?(?:p|li|ol|ul|code|pre|sub|sup)\b)[^>]*>")
_LEFT_OUT = re.compile(r"<(script|style|object)\b|<([a-z][a-z0-9]*)\b[^>]*\sdata-search-exclude\b[^>]*>")
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\sid="([^"]*)"')
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_EMPTY = re.compile(r"<(p|li|ol|ul|code|pre|sub|sup)>\s*</\1>")


def _without_left_out(markup: str) -> str:
    """The page without what search leaves out: each such element up to its own end tag."""
    kept, at = [], 0
    while match := _LEFT_OUT.search(markup, at):
        tag = match.group(1) or match.group(2)
        kept.append(markup[at : match.start()])
        depth, at = 1, match.end()
        same = re.compile(rf"<{tag}\b|</{tag}>")
        while depth and (inner := same.search(markup, at)):
            depth += -1 if inner.group(0).startswith("</") else 1
            at = inner.end()
        if depth:
            at = len(markup)
    return "".join(kept) + markup[at:]


def _indexed(markup: str) -> str:
    """A section's markup as Material's search parser gives it: text and a few bare tags."""
    markup = _KEPT_TAG.sub(r"<\1\2>", _OTHER_TAG.sub("", markup))
    while (emptied := _EMPTY.sub("", markup)) != markup:  # as Material: an element with no text is left out
        markup = emptied
    return markup.strip()


def page_sections(content: str, url: str, title: str) -> list[dict]:
    """The page's sections as Material's search plugin divides it: the page itself (its h1,
    or what comes before the first heading), then one per heading with an id."""
    parts = _HEADING.split(_without_left_out(content))
    sections = [{"location": url, "title": "", "text": parts[0]}]
    for at in range(1, len(parts), 4):
        attributes, heading, after = parts[at + 1], parts[at + 2], parts[at + 3]
        anchor = _ID.search(attributes)
        if not anchor:  # a heading without an id is text of the section it is in
            sections[-1]["text"] += heading + after
        elif parts[at] == "1" and at == 1 and not parts[0].strip():
            sections[0].update(title=_indexed(_HEADERLINK.sub("", heading)), text=after)
        else:
            sections.append({"location": f"{url}#{anchor.group(1)}", "title": _indexed(_HEADERLINK.sub("", heading)), "text": after})
    for section in sections:
        section["text"] = _indexed(section["text"])
        section["title"] = section["title"] or html.escape(title, quote=False)
    return sections


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


def _scratch_folder(records: list[bytes]) -> str | None:
    """A folder in memory (Linux's /dev/shm) for the records, where there is one with room for
    them twice over (the other edition's are written at the same time): on a disk, the 14,000
    files of each edition at 10,000 records, made and deleted at every build, also slow the
    making of every file for minutes after (bench/README.md, "the disk"). Else the usual one."""
    shm = "/dev/shm"
    if not (os.path.isdir(shm) and os.access(shm, os.W_OK)):
        return None
    room = os.statvfs(shm)
    needed = sum(len(record) + room.f_bsize for record in records)  # a block or more a file
    return shm if room.f_bavail * room.f_frsize > 2 * needed else None


def _records(docs: list[dict], lang: str) -> list[bytes]:
    titles = _page_titles(docs)
    return [_record(doc, titles.get(doc["location"].split("#")[0], ""), lang).encode("utf-8") for doc in docs]


def _index_command(command: list[str], folder: Path | str, output: Path, lang: str) -> list[str]:
    return [*command, "--site", str(folder), "--output-path", str(output), "--force-language", lang, "--quiet"]


def _write(docs: list[dict], output: Path, command: list[str], lang: str) -> None:
    """Write every section as its own small HTML file in a temporary folder and index that
    folder with the Pagefind binary (the Python API answers one record per 0.1 s)."""
    records = _records(docs, lang)
    with tempfile.TemporaryDirectory(prefix="pagefind-", dir=_scratch_folder(records)) as folder:
        for number, record in enumerate(records):
            (Path(folder) / f"{number}.html").write_bytes(record)
        _run_pagefind(_index_command(command, folder, output, lang))


def _run_pagefind(index: list[str]) -> None:
    result = subprocess.run(index, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"pagefind failed:\n{result.stdout}{result.stderr}")


SERVED_RECORDS = ".dossier-search"  # under `make serve`, in the served site: every page's records


def index_as_served(site: Path, docs: list[dict], lang: str) -> str:
    """`make serve` rebuilds dirty, a few pages a save. Every page's records stay between saves
    in the served site's .dossier-search/, where only the pages built now are written again.
    The first build indexes them before it ends, as `mkdocs build` does; every later one starts
    Pagefind on them all in the background and returns, so that the reload waits for none of
    it and search answers the save a few seconds after (at 10,000 records, some 7 s). The runs
    take turns, below the editor's next save in priority. Returns what it did, for the log."""
    folder = site / SERVED_RECORDS
    folder.mkdir(parents=True, exist_ok=True)
    built: dict[str, list[bytes]] = {}
    for doc, record in zip(docs, _records(docs, lang)):
        built.setdefault(doc["location"].split("#")[0], []).append(record)
    for page, records in built.items():
        kept = folder / hashlib.sha1(page.encode("utf-8")).hexdigest()[:16]  # the page's records
        kept.mkdir(exist_ok=True)
        for number, record in enumerate(records):  # whole files only: Pagefind reads *.html
            (kept / f"{number}.part").write_bytes(record)
            os.replace(kept / f"{number}.part", kept / f"{number}.html")
        for old in kept.iterdir():
            if old.suffix == ".html" and int(old.stem) >= len(records):
                old.unlink()
    output = site / "pagefind"
    index = _index_command(pagefind()[0], folder, output, lang)
    if not (output / "pagefind.js").is_file():
        _run_pagefind(index)
        return f"search index built ({len(docs)} sections)"
    with open(folder / "pagefind.log", "w") as said:
        subprocess.Popen(
            [sys.executable, __file__, "--in-turn", str(folder / "lock"), *index],
            stdin=subprocess.DEVNULL, stdout=said, stderr=said,
        )  # in the server's session: a session of its own would share the cores with it as an equal
    return f"search index of {len(built)} rebuilt pages being made again in the background"


def _in_turn(lock: str, command: list[str]) -> int:
    """Run the command once no other run holding the lock is under way, at a lower priority."""
    import fcntl

    with open(lock, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))  # what the cores have left: the next save first
        return subprocess.call(command)


def build_index(site: Path, docs: list[dict], lang: str = "en") -> dict:
    """Index the sections into site/pagefind/. Returns figures for the log."""
    started = time.perf_counter()
    output = site / "pagefind"
    shutil.rmtree(output, ignore_errors=True)
    command, version = pagefind()
    _write(docs, output, command, lang)
    for unused in UNUSED:  # Pagefind's own search interfaces: Material's search box is the site's
        for file in output.glob(unused):
            file.unlink()
    size = sum(f.stat().st_size for f in output.rglob("*") if f.is_file())
    return {"records": len(docs), "bytes": size, "seconds": time.perf_counter() - started, "version": version}


_run = {"dirty": False}
_sections: list[dict] = []  # of the pages built so far


def on_startup(command, dirty):
    _run["dirty"] = dirty


def on_pre_build(config):
    _sections.clear()


def on_page_content(content, page, config, files):
    search = page.meta.get("search") or {}
    if not search.get("exclude"):
        _sections.extend(page_sections(content, page.url, str(page.meta.get("title", page.title))))
        page.meta["search"] = {**search, "exclude": True}  # indexed here: the search plugin leaves it
    return content


def on_post_build(config, **kwargs):
    if _run["dirty"]:
        log.info(index_as_served(Path(config["site_dir"]), _sections, config["theme"]["language"]))
        return
    figures = build_index(Path(config["site_dir"]), _sections, config["theme"]["language"])
    log.info("Pagefind search index (%(version)s): %(records)d sections, %(bytes)d bytes, %(seconds).1fs", figures)


if __name__ == "__main__" and sys.argv[1:2] == ["--in-turn"]:
    sys.exit(_in_turn(sys.argv[2], sys.argv[3:]))
