"""A period's end does not fall before its start; a transfer goes between two actors."""

from __future__ import annotations

from ..model import Record
from ..problems import Problem


def check(records: list[Record], seeds) -> list[Problem]:
    problems = []
    for record in records:
        start, end = record.values.get("date"), record.values.get("date_end")
        if start and end and end.last_day < start.first_day:
            problems.append(Problem(record.mark_of("date_end"), f"date_end {end} falls before date {start}", record.id, "date_end"))
        if record.collection == "transfers" and record.supplier and record.supplier == record.recipient:
            problems.append(Problem(record.mark_of("recipient"), f"supplier and recipient are both '{record.supplier}'", record.id, "recipient"))
    return problems
