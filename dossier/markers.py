"""Citation markers in text: `[1]`, `[1, 3]` name the citations that back a sentence.

A record's `summary`, each of its `roles` and its `note` may carry markers; the numbers are
1-based positions in the record's citations as its entry lists them (`Record.citations`: its
`sources`, then each claim's sources). A marker ends the sentence it backs, right after its
full stop (`... in 2022.[1]`), or sits after the clause it backs, inside the sentence. The
home page's overview names a record too: `[record-id 2]`, `[record-id 1, 3; other-id 2]`.

Sentences end at `.`, `!` or `?` (and any closing quotes and markers after it) followed by a
space and a capital letter or an opening quote, or at the end of the text; not after an
abbreviation such as "c." or an initial ("J. Kirby").
"""

from __future__ import annotations

import re
from typing import NamedTuple

_NUMBERS = r"\d+(?:\s*,\s*\d+)*"
MARKER = re.compile(rf"\[({_NUMBERS})\]")
_SPACED_MARKER = re.compile(rf"\s*{MARKER.pattern}")
# In the overview: `[record-id 1, 3]`, several records separated by `;`.
_NAMED = rf"[a-z0-9]+(?:-[a-z0-9]+)*\s+{_NUMBERS}"
OVERVIEW_MARKER = re.compile(rf"\[({_NAMED}(?:\s*;\s*{_NAMED})*)\](?!\()")
_OPENING = "\"“«‘'(["  # what may open a sentence before its capital (a link, in the overview)
_ABBREVIATIONS = {"c", "ca", "cf", "e.g", "i.e", "mr", "mrs", "ms", "dr", "st", "no", "vs", "gen", "col", "lt"}


def _sentence_patterns(marker: re.Pattern) -> tuple[re.Pattern, re.Pattern]:
    """Where a sentence may end (its full stop, closing quotes and markers), and what may
    follow its last word (punctuation, closing quotes, markers)."""
    end = re.compile(rf"[.!?][\"”»')]*(?:\s*{marker.pattern})*(?=\s)")
    tail = re.compile(rf"(?:{marker.pattern}|[.!?\"”»')\s])+$")
    return end, tail


class Marker(NamedTuple):
    numbers: tuple[int, ...]
    start: int  # where it stands in its text
    end: int


class Sentence(NamedTuple):
    text: str  # as written, its markers included
    marked: bool  # it ends with a marker


def markers(text: str) -> list[Marker]:
    return [Marker(_numbers(m.group(1)), m.start(), m.end()) for m in MARKER.finditer(text)]


def pieces(text: str) -> list[str | Marker]:
    """The text as runs of words and the markers between them, in order."""
    result: list[str | Marker] = []
    cursor = 0
    for marker in markers(text):
        if marker.start > cursor:
            result.append(text[cursor : marker.start])
        result.append(marker)
        cursor = marker.end
    if cursor < len(text):
        result.append(text[cursor:])
    return result


def without_markers(text: str) -> str:
    """The text as a reader of a plain channel (a feed) gets it."""
    return _SPACED_MARKER.sub("", text)


def sentences(text: str, overview: bool = False) -> list[Sentence]:
    """The sentences of a text, each with whether it ends with a marker (the overview's own
    kind of marker when `overview`)."""
    ending, tail = _OVERVIEW_SENTENCES if overview else _SENTENCES
    text = " ".join(text.split())
    found, start = [], 0
    for end in ending.finditer(text):
        if _ends_a_sentence(text, end.start(), end.end()):
            found.append(text[start : end.end()])
            start = end.end() + 1
    if text[start:].strip():
        found.append(text[start:])
    return [Sentence(s, _marked(s, tail)) for s in (s.strip() for s in found) if s]


def shortened(text: str, limit: int = 60) -> str:
    """A sentence as a message quotes it."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _ends_a_sentence(text: str, stop: int, after: int) -> bool:
    following = text[after + 1 : after + 5].lstrip(_OPENING + " \u00a0\u202f")  # « Axe
    if not following or not following[0].isupper():
        return False
    word = text[:stop].rsplit(None, 1)[-1].lstrip(_OPENING) if text[:stop].strip() else ""
    return not (word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()))


def _marked(sentence: str, tail: re.Pattern) -> bool:
    found = tail.search(sentence)
    return bool(found and "[" in found.group())


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in text.split(","))


_SENTENCES = _sentence_patterns(MARKER)
_OVERVIEW_SENTENCES = _sentence_patterns(OVERVIEW_MARKER)


class NamedMarker(NamedTuple):
    """A marker of the overview: which citations of which records, in order."""

    citations: tuple[tuple[str, int], ...]  # (record id, 1-based number)
    start: int
    end: int


def named_markers(text: str) -> list[NamedMarker]:
    found = []
    for match in OVERVIEW_MARKER.finditer(text):
        named = []
        for part in match.group(1).split(";"):
            record_id, numbers = part.split(None, 1)
            named += [(record_id, n) for n in _numbers(numbers)]
        found.append(NamedMarker(tuple(named), match.start(), match.end()))
    return found
