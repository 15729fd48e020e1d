"""Shared helpers: small datasets written to a temporary folder, and the generator run on them."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dossier.build import check_dataset
from dossier.problems import InvalidData
from dossier.workers import WorkerFailed

PROJECT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
VALID_CASE = CASES / "valid"


def raise_error():
    raise RuntimeError("failed on purpose")


def die():
    os._exit(3)


# The two ways a forked process fails: it raises (the error travels back), or it dies without a word.
FAILURES = pytest.mark.parametrize(
    ("how", "error", "message"), [(raise_error, RuntimeError, "failed on purpose"), (die, WorkerFailed, "a forked process stopped")], ids=["raises", "dies"]
)


def bench_module(name: str):
    """A module of bench/ (not a package), imported by path: `bench_module("synthetic")`."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", PROJECT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def write_dataset(root: Path, files: dict[str, str]) -> Path:
    """Write {relative path: text} under root (text is dedented), return root."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "data").mkdir(exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    return root


def problems_of(root: Path) -> list[str]:
    """The printed problems for the dataset at root; [] when it is valid."""
    try:
        check_dataset(root)
    except InvalidData as invalid:
        return [str(p) for p in invalid.problems]
    return []


def copy_valid_case(target: Path) -> Path:
    shutil.copytree(VALID_CASE, target, dirs_exist_ok=True)
    return target


def run_generator(*args: str) -> subprocess.CompletedProcess:
    """The command as an editor runs it, standing in the dossier's folder (the one --root names,
    else the project): its messages then name files from there, as data/events.yaml."""
    root = args[args.index("--root") + 1] if "--root" in args else PROJECT
    return subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "build_pages.py"), *args],
        capture_output=True,
        text=True,
        cwd=root,
    )


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, launched through Playwright once per test module."""
    from playwright.sync_api import sync_playwright

    from .browser import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def valid_root(tmp_path: Path) -> Path:
    """A private copy of the valid test dataset, free to be broken."""
    return copy_valid_case(tmp_path / "case")
