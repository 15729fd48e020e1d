"""Material for MkDocs reaches end of life in May 2027; Zensical, its successor, reads the same
mkdocs.yml. The same generated docs/ must build there with every record keeping its anchor and
its permanent link, so that moving is a choice, not a rescue."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.build import check_dataset

from .conftest import PROJECT, VALID_CASE
from .sitebuild import html_pages
from .test_site import resolve

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("zensical")
    for name in ("mkdocs.yml", "overrides", "docs/assets"):
        source = PROJECT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, work / name)
    generator = subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "build_pages.py"), "--root", str(VALID_CASE), "--docs", str(work / "docs"), "--site-url", "https://dossier.example.org/"],
        capture_output=True, text=True,
    )
    assert generator.returncode == 0, generator.stderr
    build = subprocess.run([str(Path(sys.executable).with_name("zensical")), "build", "-f", "mkdocs.yml"], cwd=work, capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    return work / "site"


def test_every_record_keeps_its_anchor_and_permanent_link_under_zensical(zensical_site):
    dossier = check_dataset(VALID_CASE)
    pages = html_pages(zensical_site)
    # Zensical builds the French pages too (docs/fr/, which MkDocs builds as a site of its own):
    # each edition anchors every record once, and leads every /r/ link to it.
    for prefix in ("", "fr/"):
        places: dict[str, list[str]] = {}
        for path, page in pages.items():
            if path.startswith("fr/") == bool(prefix):
                for anchor in page.ids:
                    if anchor in dossier.records:
                        places.setdefault(anchor, []).append(path)
        assert {i: len(p) for i, p in places.items()} == {i: 1 for i in dossier.records}, prefix
        for name, current in {**{i: i for i in dossier.records}, **dossier.former_ids}.items():
            redirect = pages[f"{prefix}r/{name}/index.html"]
            target, anchor = resolve(f"{prefix}r/{name}/index.html", redirect.refresh)
            assert anchor == current and current in pages[target].ids, name
