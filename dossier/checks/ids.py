"""Ids and former ids: unique across all collections, and no former id shadows a record."""

from __future__ import annotations

from ..model import Record
from ..problems import Problem
from ..schema import RECORD_NOUN


def check(records: list[Record], seeds) -> list[Problem]:
    problems = []
    first_use: dict[str, tuple[Record, str]] = {}
    for record in records:
        names = [("id", record.id)] + [(f"former_ids[{i}]", old) for i, old in enumerate(record.former_ids)]
        for path, name in names:
            if name in first_use:
                other, other_path = first_use[name]
                where = other.mark_of(other_path)
                what = "id" if other_path == "id" else "former id"
                problems.append(
                    Problem(record.mark_of(path), f"'{name}' is already the {what} of the {RECORD_NOUN[other.collection]} '{other.id}' ({where.file}:{where.line}); ids and former ids are unique across all collections", record.id, path)
                )
            else:
                first_use[name] = (record, path)
    return problems
