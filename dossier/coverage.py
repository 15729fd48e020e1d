"""How much of each source the dossier cites: its sentences, each with the records quoting it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .folding import fold

# A sentence ends at . ! ? or … (a closing quotation mark may follow) before a capital or an
# opening quotation mark; a line break always ends one (headings, captions, paragraphs).
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”’]?\s+(?=[\"«“A-ZÀ-ÖØ-Þ])")
# ... except after an initial or a title: "M. Trump", "J. Kirby", "Dr. Who".
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z]|Mme|Mlle|Mr|Mrs|Ms|Dr|St|Sr|Jr|Gen|Col|Lt|Prof)\.$")


@dataclass(frozen=True)
class Sentence:
    text: str
    cited_by: tuple[str, ...]  # ids of the records quoting it, in the order given


@dataclass(frozen=True)
class Coverage:
    sentences: tuple[Sentence, ...]

    @property
    def cited(self) -> int:
        return sum(1 for s in self.sentences if s.cited_by)

    @property
    def total(self) -> int:
        return len(self.sentences)


def split_sentences(text: str) -> list[str]:
    sentences = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        start = 0
        for match in _SENTENCE_END.finditer(line):
            end = match.start() + len(match.group().rstrip())
            if _ABBREVIATION.search(line[start:end]):
                continue
            sentences.append(line[start:end].strip())
            start = match.end()
        sentences.append(line[start:].strip())
    return [s for s in sentences if s]


def coverage(text: str, quotes: list[tuple[str, str]]) -> Coverage:
    """`quotes` are (record id, quote) pairs citing this text. A sentence is cited when a quote overlaps it."""
    folded = fold(text)
    sentences, starts, ends = [], [], []  # each sentence's place in the folded text
    cursor = 0
    for sentence in split_sentences(text):
        piece = fold(sentence)
        start = folded.find(piece, cursor)
        if start < 0:
            start = cursor  # folding joined it with its neighbour; keep it at the current place
        sentences.append(sentence)
        starts.append(start)
        ends.append(start + len(piece))
        cursor = max(cursor, start + len(piece))
    # Each sentence starts where the one before ends, or after: starts and ends both only grow,
    # so the sentences a quote overlaps are a run, found by bisection.
    citing: list[list[str]] = [[] for _ in sentences]
    for record_id, quote in quotes:
        piece = fold(quote)
        start = folded.find(piece)
        while start >= 0 and piece:
            for i in range(bisect.bisect_right(ends, start), bisect.bisect_left(starts, start + len(piece))):
                citing[i].append(record_id)
            start = folded.find(piece, start + 1)
    return Coverage(tuple(Sentence(sentence, tuple(dict.fromkeys(ids))) for sentence, ids in zip(sentences, citing)))
