"""Build a dataset into a whole MkDocs site in a temporary folder, as `make build` does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).with_name("mkdocs")


def _hooks() -> list[str]:
    """The hooks mkdocs.yml lists (scripts/...), which a build in another folder needs beside it."""
    import yaml

    lines = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8").partition("\nhooks:\n")[2]
    return yaml.safe_load("hooks:\n" + lines)["hooks"]


HOOKS = _hooks()


def build_site(root: Path, workdir: Path, site_url: str = "https://dossier.example.org/", page_size: int | None = None) -> Path:
    """Generate root's data into workdir/docs (beside the project's hand-written files), build workdir/site.
    A page_size splits collections and lists into pages as a large dossier would."""
    generated = set((PROJECT / "docs" / ".generated").read_text().split()) if (PROJECT / "docs" / ".generated").exists() else set()

    def hand_written_only(folder, names):
        relative = Path(folder).relative_to(PROJECT / "docs")
        return [n for n in names if n == ".generated" or (relative / n).as_posix() in generated]

    shutil.copytree(PROJECT / "docs", workdir / "docs", ignore=hand_written_only, dirs_exist_ok=True)
    for config in ("mkdocs.yml", "mkdocs.fr.yml"):
        shutil.copy(PROJECT / config, workdir / config)
    shutil.copytree(PROJECT / "overrides", workdir / "overrides", dirs_exist_ok=True)
    (workdir / "scripts").mkdir(exist_ok=True)
    for hook in HOOKS:
        shutil.copy(PROJECT / hook, workdir / "scripts")
    generator = subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "build_pages.py"), "--root", str(root), "--docs", str(workdir / "docs"), "--site-url", site_url]
        + (["--page-size", str(page_size)] if page_size else []),
        capture_output=True, text=True,
    )
    assert generator.returncode == 0, generator.stderr
    mkdocs = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(workdir / "mkdocs.yml"), "-d", str(workdir / "site")],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url},
    )
    assert mkdocs.returncode == 0, mkdocs.stdout + mkdocs.stderr
    assert "WARNING" not in mkdocs.stderr, mkdocs.stderr
    return workdir / "site"


class PageParser(HTMLParser):
    """The ids, links, meta refresh and canonical link of one HTML page, and its text."""

    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.refresh: str | None = None
        self.canonical: str | None = None
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.lang: str | None = None  # the page's (<html lang>)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "a" and attributes.get("href") is not None:
            self.hrefs.append(attributes["href"])
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.refresh = attributes["content"].split("url=", 1)[1]
        if tag == "link" and attributes.get("rel") == "canonical":
            self.canonical = attributes["href"]

    def handle_data(self, data):
        self.text.append(data)


def parse_page(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> dict[str, PageParser]:
    """Every HTML page of the site, by its path relative to the site root."""
    return {p.relative_to(site).as_posix(): parse_page(p) for p in sorted(site.rglob("*.html"))}
