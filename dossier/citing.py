"""How an entry shows which passage backs which sentence: its citations numbered as markers
name them (see markers.py), each marker a link to its quote, each quote a link back.

Anchors made here contain an underscore, which no record id can: `<id>_c2` is the entry's
second citation, `<id>_m1` its first marker; the home page's overview has `overview_c1`...
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from .markers import Marker, pieces
from .model import Record


class Ref(NamedTuple):
    """A marker as shown: links to the citations it names, and its own anchor for the way
    back (None where the citations are on another page)."""

    hrefs: tuple[tuple[int, str, str], ...]  # (number, href, what a screen reader says: "citation 2")
    anchor: str | None


class Numbered(NamedTuple):
    """One citation of an entry's numbered list."""

    number: int
    anchor: str
    citation: object  # a pages.CitationView
    lead: object | None  # a pages.ClaimView's actor and stance, for a claim's citation
    back: tuple[tuple[str, str], ...]  # (anchor, name) of each marker that names it: the way back
    entry: object | None = None  # a pages.Link to the entry it belongs to (the overview's notes)
    entry_word: str = ""  # what introduces it ("in")


def citation_anchor(record_id: str, number: int) -> str:
    return f"{record_id}_c{number}"


class Citing:
    """The markers and numbered citations of one record, on the page that shows them (or, with
    `elsewhere`, the URL of the page that does: its markers then lead there, without a way back)."""

    def __init__(self, record: Record, words: Callable, elsewhere: str | None = None):
        self.record = record
        self._ = words
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
        return Ref(tuple((n, f"{self.base}#{citation_anchor(self.record.id, n)}", self._("citation {number}", number=n)) for n in numbers), anchor)

    def text(self, text: str | None) -> tuple | None:
        """The text as pieces: runs of words, and Refs where it has markers. An English text
        standing in for another language's stays marked as such (i18n.EnglishStandIn)."""
        if text is None:
            return None
        kind = type(text)
        return tuple(self.ref(piece.numbers) if isinstance(piece, Marker) else kind(piece) for piece in pieces(str(text)))

    def numbered(self, view: Callable, leads: list) -> list[Numbered]:
        """The record's citations, numbered, once every marker is made: `view` makes a citation's
        view; `leads[i]` says whose claim citation i is (None for the record's own sources)."""
        return [
            Numbered(number, citation_anchor(self.record.id, number), view(citation), lead, _ways_back(self.back.get(number, ()), self._))
            for number, (citation, lead) in enumerate(zip(self.record.citations, leads), start=1)
        ]


def _ways_back(anchors: list[str], words: Callable) -> tuple[tuple[str, str], ...]:
    """Each marker's anchor and its link's name: "back to the text" (", a", ", b" for several)."""
    if len(anchors) == 1:
        return ((anchors[0], words("back to the text")),)
    return tuple((anchor, words("back to the text, {letter}", letter=chr(97 + i))) for i, anchor in enumerate(anchors))


class OverviewNotes:
    """The home page's overview: each marker numbers the citations it names in the order they
    first appear, and the notes under the overview show them."""

    def __init__(self, words: Callable):
        self._ = words
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
            hrefs.append((number, f"#overview_c{number}", self._("citation {number}", number=number)))
        return Ref(tuple(hrefs), anchor)

    def notes(self, records, view: Callable, entry_link: Callable) -> list[Numbered]:
        return [
            Numbered(number, f"overview_c{number}", view(records[record_id].citations[index - 1]), None, _ways_back(self.back[number], self._), entry_link(record_id), self._("in"))
            for (record_id, index), number in self.numbers.items()
        ]
