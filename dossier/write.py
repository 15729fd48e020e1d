"""The only module that touches docs/: writes what changed, removes what is no longer generated.

A manifest (docs/.generated) lists the files the generator owns, so that hand-written
files beside them are never touched and a record's removed page goes away with it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".generated"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def write_file(path: Path, data: bytes) -> None:
    """Atomically: a reader (or `mkdocs serve`) never sees a half-written version of a file it knew."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_pages(docs_dir: Path, files: dict[str, str]) -> WriteReport:
    """Writes the files that changed, removes those no longer generated, keeps the manifest."""
    return finish_writing(docs_dir, [write_files(docs_dir, files)])


def write_files(docs_dir: Path, files: dict[str, str]) -> WriteReport:
    """Writes the files that are new or changed; the report lists them and the unchanged ones.
    Processes may write their own files at once (finish_writing then ends the job)."""
    report = WriteReport()
    made: set[str] = set()  # folders made here: what goes in them is new, with nothing to compare
    for relative, text in sorted(files.items()):
        path = f"{docs_dir}/{relative}"
        folder = path.rpartition("/")[0]
        data = text.encode("utf-8")
        current = None if folder in made else _read_bytes(path)
        if current == data:
            report.unchanged.append(relative)
            continue
        if current is None:  # new: no reader knows it yet, so written in place (a third quicker than atomically)
            if folder not in made and _make_folder(folder):
                made.add(folder)
            _write_new(path, data)
        else:
            write_file(Path(path), data)
        report.written.append(relative)
    return report


def _make_folder(folder: str) -> bool:
    """Makes the folder if it is not there; whether it was made. (A file where a folder must
    be is left to fail the write, with the system's own message.)"""
    try:
        os.mkdir(folder)
    except FileExistsError:
        return False
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
    return True


def _write_new(path: str, data: bytes) -> None:
    # os-level calls: at 10,000 records, 12,000 files, and Python's file objects cost a third more
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view):]
    finally:
        os.close(descriptor)


def finish_writing(docs_dir: Path, shares: list[WriteReport]) -> WriteReport:
    """After every file is written (by write_files, in one or more shares): removes the files
    generated before and no longer, and records the new list in the manifest."""
    report = WriteReport(sorted(name for share in shares for name in share.written), sorted(name for share in shares for name in share.unchanged))
    generated = {*report.written, *report.unchanged}
    for relative in sorted(_previously_generated(docs_dir) - generated):
        path = docs_dir / relative
        if path.is_file():
            path.unlink()
            report.removed.append(relative)
            _remove_empty_parents(path.parent, docs_dir)
    manifest = "".join(f"{name}\n" for name in sorted(generated))
    if _read(docs_dir / MANIFEST) != manifest:
        write_file(docs_dir / MANIFEST, manifest.encode("utf-8"))
    return report


def _read_bytes(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as existing:
            return existing.read()
    except (FileNotFoundError, NotADirectoryError):
        return None


def _previously_generated(docs_dir: Path) -> set[str]:
    names = set()
    for line in (_read(docs_dir / MANIFEST) or "").splitlines():
        relative = Path(line)
        if line and not relative.is_absolute() and ".." not in relative.parts:
            names.add(line)
    return names


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
