"""MkDocs hook: the French edition, built with the English one, into the site's fr/ folder.

The generator writes the French pages under docs/fr/ (the same paths, the same ids), which the
English build leaves out (`exclude_docs` in mkdocs.yml). `mkdocs.fr.yml` builds them: it
inherits mkdocs.yml and says what differs (language, navigation, docs_dir), as large bilingual
MkDocs sites do. This hook makes one command build both, `mkdocs build` and `mkdocs serve`
alike: when the English build starts, it starts the French one in another process (the two
use both cores), and when the English build ends, it waits for the French one and puts it in
site/fr/. A French build that fails fails the English one, with its messages.

In every edition it also tells the templates (overrides/) where the other edition is: the
language switch and the hreflang alternates of each page; and it writes the edition's
sitemap.xml anew with every page in both editions, each naming the other.
"""

from __future__ import annotations

import gzip
import html
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.dossier.editions")

EDITIONS = {
    "en": {"name": "English", "prefix": "", "permalink_title": "Permanent link"},
    "fr": {"name": "Français", "prefix": "fr/", "permalink_title": "Lien permanent"},
}
FRENCH_CONFIG = "mkdocs.fr.yml"
_french: dict = {}  # the French build under way: its process and folder
_run = {"dirty": False}


def on_startup(command, dirty):
    # `mkdocs serve --dirty` (make serve): the French edition is rebuilt dirty too, in place,
    # into the served site's fr/ (a dirty build never empties the folder it builds into).
    _run["dirty"] = dirty


def on_config(config):
    lang = config.theme["language"]
    prefix = EDITIONS[lang]["prefix"]
    english_url = (config.site_url or "").rstrip("/") + "/" if config.site_url else ""
    if prefix and english_url.endswith("/" + prefix):
        english_url = english_url[: -len(prefix)]
    if prefix and english_url:
        config.site_url = english_url + prefix  # the edition's own address
    # the ¶ beside each heading: its tooltip in the edition's language (toc's own is English)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = EDITIONS[lang]["permalink_title"]
    config.extra["editions"] = [
        {
            "lang": code,
            "name": edition["name"],
            "current": code == lang,
            # from this edition's root to the other's: fr/ from the English, ../ from the French
            "root": "" if code == lang else (edition["prefix"] if lang == "en" else "../"),
            "url": (english_url.rstrip("/") + "/" + edition["prefix"]) if english_url else None,
        }
        for code, edition in EDITIONS.items()
    ]
    return config


def on_pre_build(config):
    if config.theme["language"] != "en" or not (Path(config.config_file_path).parent / FRENCH_CONFIG).is_file():
        return
    folder = str(Path(config.site_dir) / "fr") if _run["dirty"] else tempfile.mkdtemp(prefix="dossier-fr-")
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(Path(config.config_file_path).parent / FRENCH_CONFIG), "-d", folder]
    if config.strict:
        command.append("--strict")
    if _run["dirty"]:
        command.append("--dirty")
    env = {**os.environ, "SITE_URL": config.site_url or ""}
    _french.update(folder=folder, process=subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env))


def on_post_build(config):
    _write_sitemap(Path(config.site_dir), config.extra["editions"], config.site_url or "")
    if not _french:
        return
    process, folder = _french.pop("process"), _french.pop("folder")
    output, _ = process.communicate()
    try:
        if process.returncode:
            raise PluginError(f"the French edition ({FRENCH_CONFIG}) failed to build:\n{output}")
        for line in output.splitlines():  # its warnings, told as the English build's are
            if line.startswith("WARNING") and "'dirty' build" not in line:  # make serve's own choice
                log.warning("French edition: %s", line.partition("-")[2].strip())
        target = Path(config.site_dir) / "fr"
        if Path(folder) != target:
            shutil.rmtree(target, ignore_errors=True)
            shutil.move(folder, target)
        log.info("French edition built into %s", target)
    finally:
        if Path(folder) != Path(config.site_dir) / "fr":
            shutil.rmtree(folder, ignore_errors=True)


def on_build_error(error):
    if _french:
        _french.pop("process").kill()
        shutil.rmtree(_french.pop("folder"), ignore_errors=True)


def _write_sitemap(site: Path, editions: list[dict], site_url: str) -> None:
    """sitemap.xml (and its .gz) with each page of MkDocs's sitemap in every edition, each
    naming the others (xhtml:link hreflang), as search engines read a bilingual site."""
    path = site / "sitemap.xml"
    if not path.is_file() or not site_url or not all(e["url"] for e in editions):
        return
    pages = [html.unescape(loc)[len(site_url):] for loc in re.findall(r"<loc>(.*?)</loc>", path.read_text(encoding="utf-8"))]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for page in pages:
        for edition in editions:
            lines.append(f"  <url>\n    <loc>{html.escape(edition['url'] + page)}</loc>")
            lines += [f'    <xhtml:link rel="alternate" hreflang="{e["lang"]}" href="{html.escape(e["url"] + page)}"/>' for e in editions]
            lines.append("  </url>")
    text = "\n".join([*lines, "</urlset>", ""])
    path.write_text(text, encoding="utf-8")
    with gzip.GzipFile(path.with_name("sitemap.xml.gz"), "wb", mtime=0) as packed:
        packed.write(text.encode("utf-8"))
