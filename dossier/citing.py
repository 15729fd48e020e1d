"""How an entry shows which passage backs which sentence: its citations numbered as markers
name them (see markers.py), each marker a link to its quote, each quote a link back.

Anchors made here contain an underscore, which no record id can: `<id>_c2` is the entry's
second citation, `<id>_m1` its first marker; the home page's overview has `overview_c1`...
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from .markers import Marker, pieces
from .model import Record, Text


class Ref(NamedTuple):
    """A marker as shown: links to the citations it names, and its own anchor for the way
    back (None where the citations are on another page)."""

    hrefs: tuple[tuple[int, str], ...]  # (number, href)
    anchor: str | None


class Numbered(NamedTuple):
    """One citation of an entry's numbered list."""

    number: int
    anchor: str
    citation: object  # a pages.CitationView
    lead: object | None  # a pages.ClaimView's actor and stance, for a claim's citation
    back: tuple[str, ...]  # the anchors of the markers that name it
    entry: object | None = None  # a pages.Link to the entry it belongs to (the overview's notes)


def citation_anchor(record_id: str, number: int) -> str:
    return f"{record_id}_c{number}"


class Citing:
    """The markers and numbered citations of one record, on the page that shows them (or, with
    `elsewhere`, the URL of the page that does: its markers then lead there, without a way back)."""

    def __init__(self, record: Record, elsewhere: str | None = None):
        self.record = record
        self.base = elsewhere or ""
        self.back: dict[int, list[str]] = {}
        self.count = 0

    def ref(self, numbers: tuple[int, ...]) -> Ref:
        anchor = None
        if not self.base:
            self.count += 1
            anchor = f"{self.record.id}_m{self.count}"
            for number in numbers:
                self.back.setdefault(number, []).append(anchor)
        return Ref(tuple((n, f"{self.base}#{citation_anchor(self.record.id, n)}") for n in numbers), anchor)

    def text(self, text: Text | str | None) -> tuple | None:
        """The text (English) as pieces: runs of words, and Refs where it has markers."""
        if text is None:
            return None
        return tuple(self.ref(piece.numbers) if isinstance(piece, Marker) else piece for piece in pieces(str(text)))

    def numbered(self, view: Callable, leads: list) -> list[Numbered]:
        """The record's citations, numbered, once every marker is made: `view` makes a citation's
        view; `leads[i]` says whose claim citation i is (None for the record's own sources)."""
        return [
            Numbered(number, citation_anchor(self.record.id, number), view(citation), lead, tuple(self.back.get(number, ())))
            for number, (citation, lead) in enumerate(zip(self.record.citations, leads), start=1)
        ]


class OverviewNotes:
    """The home page's overview: each marker numbers the citations it names in the order they
    first appear, and the notes under the overview show them."""

    def __init__(self):
        self.numbers: dict[tuple[str, int], int] = {}
        self.back: dict[int, list[str]] = {}
        self.count = 0

    def ref(self, cites: tuple[tuple[str, int], ...]) -> Ref:
        self.count += 1
        anchor = f"overview_m{self.count}"
        hrefs = []
        for cited in cites:
            number = self.numbers.setdefault(cited, len(self.numbers) + 1)
            self.back.setdefault(number, []).append(anchor)
            hrefs.append((number, f"#overview_c{number}"))
        return Ref(tuple(hrefs), anchor)

    def notes(self, records, view: Callable, entry_link: Callable) -> list[Numbered]:
        return [
            Numbered(number, f"overview_c{number}", view(records[record_id].citations[index - 1]), None, tuple(self.back[number]), entry_link(record_id))
            for (record_id, index), number in self.numbers.items()
        ]
