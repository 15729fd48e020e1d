"""One kind of problem, and how it is printed: `FILE:LINE:COLUMN: id: field: message`."""

from __future__ import annotations

from dataclasses import dataclass, field as field_
from typing import NamedTuple


class Mark(NamedTuple):
    """A place in a data file, 1-based as editors count lines and columns. (A named tuple,
    not a dataclass: the loader makes one for every value, and a tuple is made three times faster.)"""

    file: str
    line: int
    column: int


@dataclass(frozen=True, order=True)
class Problem:
    mark: Mark
    message: str
    record_id: str | None = None
    field: str | None = None
    about: str | None = field_(default=None, compare=False)  # the id a missing reference names

    def __str__(self) -> str:
        where = f"{self.mark.file}:{self.mark.line}:{self.mark.column}:"
        who = f" {self.record_id}:" if self.record_id else ""
        what = f" {self.field}:" if self.field else ""
        return f"{where}{who}{what} {self.message}"


class InvalidData(Exception):
    """Raised with every problem found, once, after all of them were collected."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: p.mark)  # stable: a record's problems keep field order
        super().__init__(f"{len(self.problems)} problem(s) in the data")


def closest(word: str, candidates, cutoff: float = 0.7) -> str | None:
    """The candidate most like `word`, for a 'did you mean' hint."""
    import difflib

    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=cutoff)
    return matches[0] if matches else None


def did_you_mean(word: str, candidates) -> str:
    best = closest(word, candidates)
    return f" (did you mean '{best}'?)" if best else ""

