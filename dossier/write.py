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
    Processes may write their own files at once (finish_writing then ends the job).

    Every file is compared first, and the changed ones are then written back to back:
    `mkdocs serve` starts a rebuild once docs/ has not changed for 0.1 s, so writes spread
    over the comparing (a second at 10,000 records) made one save cause two rebuilds."""
    report = WriteReport()
    folders: dict[str, bool] = {}  # whether each folder is there: in one that is not, every file is new
    changed: list[tuple[str, str, bool]] = []  # encoded again when written: a cold run's pages are 300 MB
    for relative, text in sorted(files.items()):
        path = f"{docs_dir}/{relative}"
        folder = path.rpartition("/")[0]
        if folder not in folders:
            folders[folder] = os.path.isdir(folder)
        current = _read_bytes(path) if folders[folder] else None
        if current is not None and current == text.encode("utf-8"):
            report.unchanged.append(relative)
        else:
            changed.append((relative, path, current is None))
    for relative, path, new in changed:
        data = files[relative].encode("utf-8")
        if new:  # no reader knows it yet, so written in place (a third quicker than atomically)
            folder = path.rpartition("/")[0]
            if not folders[folder]:
                folders[folder] = True
                os.makedirs(folder, exist_ok=True)
            _write_new(path, data)
        else:
            write_file(Path(path), data)
        report.written.append(relative)
    return report


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
