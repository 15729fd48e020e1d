"""Causes first: the references that fail only because their records could not be read (a file
that does not parse, a record whose id is not valid) are not listed one by one, but counted in
one line after their cause, as a compiler says "N more errors follow from this one"."""

from __future__ import annotations

import re
from pathlib import Path

from ..problems import Problem

# An id as a data file writes it, read from the text of a file YAML could not parse.
_WRITTEN_ID = re.compile(r"""^\s*(?:-\s+)?id:\s*["']?([A-Za-z0-9_-]+)["']?\s*$""", re.MULTILINE)


def absent_ids(files: list[tuple[str, Path]], read: set[str], problems: list[Problem]) -> dict[str, Problem]:
    """The ids of records that are absent though written, each with the problem that is why:
    the records of a data file (name, path) none of whose records were `read`, and records
    whose id is not valid (also as an editor meant it: lower case, hyphens)."""
    causes: dict[str, Problem] = {}
    for name, path in files:
        if name in read:
            continue
        cause = next((p for p in problems if p.mark.file == name and p.record_id is None), None)
        if cause is None:
            continue
        try:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
        except OSError:
            continue
        for written in _WRITTEN_ID.findall(text):
            causes.setdefault(written, cause)
    for problem in problems:
        if problem.field == "id" and problem.record_id:
            for written in {problem.record_id, problem.record_id.strip().lower().replace("_", "-").replace(" ", "-")}:
                causes.setdefault(written, problem)
    return causes


def fold(problems: list[Problem], absent: dict[str, Problem]) -> list[Problem]:
    """The problems, those about an absent record's id replaced by one count after each cause."""
    kept, counts = [], {}
    for problem in problems:
        cause = absent.get(problem.about) if problem.about else None
        if cause is None:
            kept.append(problem)
        else:
            counts[id(cause)] = (cause, counts.get(id(cause), (cause, 0))[1] + 1)
    for cause, count in counts.values():
        what = "its id is not valid" if cause.field == "id" else "this file could not be read"
        noun = "reference" if count == 1 else "references"
        kept.append(Problem(cause.mark, f"{count} {noun} to {'this record' if cause.field == 'id' else 'records of this file'} not checked: {what}", cause.record_id, cause.field))
    return kept
