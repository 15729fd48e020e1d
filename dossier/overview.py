"""The home page's overview: plain English paragraphs whose only markup is links to records
and citation markers.

`data/overview.md` (and its French, `data/overview.fr.md`) is written by editors, like the
YAML beside it, so it is data, not trusted Markdown: a link is `[words](#record-id)`, a citation marker `[record-id 2]` (the
second citation of that record; `[record-id 1, 3; other-id 2]` names several), and
everything else is shown as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .markers import named_markers, sentences, shortened
from .problems import Mark, Problem, did_you_mean

OVERVIEW_FILE = "data/overview.md"


def overview_file(lang: str) -> str:
    return OVERVIEW_FILE if lang == "en" else f"data/overview.{lang}.md"
_LINK = re.compile(r"\[([^\]\n]+)\]\(#([^)\s]*)\)")


@dataclass(frozen=True)
class Piece:
    text: str
    target: str | None = None  # a record id when the piece is a link
    mark: Mark | None = None  # where a link or a marker was written
    cites: tuple[tuple[str, int], ...] = ()  # a marker's (record id, citation number)s


@dataclass(frozen=True)
class Paragraph:
    text: str  # as written
    pieces: tuple[Piece, ...]
    mark: Mark  # where it starts


def read_overviews(root: Path, languages) -> tuple[dict[str, list[Paragraph]], list[Problem]]:
    """The overview in each language it is written in, by language."""
    overviews, problems = {}, []
    for lang in languages:
        name = overview_file(lang)
        if not (root / name).is_file():
            continue
        try:
            overviews[lang] = parse_overview((root / name).read_text(encoding="utf-8-sig"), name)
        except UnicodeDecodeError as error:
            problems.append(Problem(Mark(name, 1, 1), f"not UTF-8 text ({error.reason} at byte {error.start})"))
    return overviews, problems


def parse_overview(text: str, name: str = OVERVIEW_FILE) -> list[Paragraph]:
    """Paragraphs (separated by blank lines), each a run of text, link and marker pieces."""
    paragraphs = []
    for block in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        found = [(m.start(), m.end(), Piece(m.group(1), m.group(2), _mark(text, m.start(), name))) for m in _LINK.finditer(text, block.start(), block.end())]
        for marker in named_markers(text[block.start() : block.end()]):
            start, end = block.start() + marker.start, block.start() + marker.end
            found.append((start, end, Piece(text[start:end], mark=_mark(text, start, name), cites=marker.citations)))
        pieces, cursor = [], block.start()
        for start, end, piece in sorted(found, key=lambda item: item[0]):
            pieces += [Piece(text[cursor:start]), piece]
            cursor = end
        pieces.append(Piece(text[cursor : block.end()]))
        # a space between a marker and a link is kept: "….[1] [Jens Stoltenberg](…)"
        kept = tuple(p for at, p in enumerate(pieces) if p.text.strip() or p.target or p.cites or (p.text and 0 < at < len(pieces) - 1))
        paragraphs.append(Paragraph(text[block.start() : block.end()], kept, _mark(text, block.start(), name)))
    return paragraphs


def _mark(text: str, position: int, name: str) -> Mark:
    before = text[:position]
    return Mark(name, before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1)


def check_overview(paragraphs, records, former_ids, markers_required: bool = False) -> list[Problem]:
    """Links and markers name records that exist (markers, citations they have); with
    `markers_required`, every sentence ends with a marker. `records`: by id."""
    problems = []
    for piece in (piece for paragraph in paragraphs for piece in paragraph.pieces):
        if piece.target is not None and piece.target not in records:
            if piece.target in former_ids:
                message = f"link to '#{piece.target}', a former id: write '#{former_ids[piece.target]}'"
            else:
                message = f"link to '#{piece.target}': no record has this id{did_you_mean(piece.target, records)}"
            problems.append(Problem(piece.mark, message, about=piece.target if piece.target not in former_ids else None))
        for record_id in dict.fromkeys(record_id for record_id, _ in piece.cites if record_id not in records):
            if record_id in former_ids:
                message = f"marker {piece.text} names '{record_id}', a former id: write '{former_ids[record_id]}'"
            else:
                message = f"marker {piece.text} names '{record_id}': no record has this id{did_you_mean(record_id, records)}"
            problems.append(Problem(piece.mark, message, about=record_id if record_id not in former_ids else None))
        for record_id, number in piece.cites:
            count = len(records[record_id].citations) if record_id in records else None
            if count is not None and not 1 <= number <= count:
                has = f"has {count} citation{'s' if count != 1 else ''}, numbered 1 to {count}" if count else "cites nothing"
                problems.append(Problem(piece.mark, f"marker {piece.text} names citation {number} of '{record_id}', which {has}"))
    if markers_required:
        for paragraph in paragraphs:
            for sentence in sentences(paragraph.text, overview=True):
                if not sentence.marked:
                    where = _mark_in(paragraph, sentence.text)
                    problems.append(Problem(where, f"sentence ends with no citation marker: \"{shortened(sentence.text)}\"; end it with [record-id n], the record and the number of its citation that backs it"))
    return problems


def _mark_in(paragraph: Paragraph, sentence: str) -> Mark:
    """Where a sentence of a paragraph starts (its words, found across line breaks)."""
    found = re.search(r"\s+".join(map(re.escape, sentence.split())), paragraph.text)
    before = paragraph.text[: found.start()] if found else ""
    line = paragraph.mark.line + before.count("\n")
    column = len(before) - (before.rfind("\n") + 1) + (paragraph.mark.column if "\n" not in before else 1)
    return Mark(paragraph.mark.file, line, column)
