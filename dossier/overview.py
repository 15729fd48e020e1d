"""The home page's overview: plain English paragraphs whose only markup is links to records.

`data/overview.md` is written by editors, like the YAML beside it, so it is data, not
trusted Markdown: a link is `[words](#record-id)`, everything else is shown as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .problems import Mark, Problem, did_you_mean

OVERVIEW_FILE = "data/overview.md"
_LINK = re.compile(r"\[([^\]\n]+)\]\(#([^)\s]*)\)")


@dataclass(frozen=True)
class Piece:
    text: str
    target: str | None = None  # a record id when the piece is a link
    mark: Mark | None = None  # where a link was written


def read_overview(root: Path) -> tuple[list[tuple[Piece, ...]], list[Problem]]:
    path = root / OVERVIEW_FILE
    if not path.is_file():
        return [], []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        return [], [Problem(Mark(OVERVIEW_FILE, 1, 1), f"not UTF-8 text ({error.reason} at byte {error.start})")]
    return parse_overview(text), []


def parse_overview(text: str) -> list[tuple[Piece, ...]]:
    """Paragraphs (separated by blank lines), each a run of text and link pieces."""
    paragraphs = []
    for block in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        pieces, cursor = [], block.start()
        for match in _LINK.finditer(text, block.start(), block.end()):
            before = text[: match.start()]
            mark = Mark(OVERVIEW_FILE, before.count("\n") + 1, match.start() - (before.rfind("\n") + 1) + 1)
            pieces += [Piece(text[cursor : match.start()]), Piece(match.group(1), match.group(2), mark)]
            cursor = match.end()
        pieces.append(Piece(text[cursor : block.end()]))
        paragraphs.append(tuple(p for p in pieces if p.text.strip() or p.target))
    return paragraphs


def check_overview(paragraphs, known_ids, former_ids) -> list[Problem]:
    problems = []
    for piece in (piece for paragraph in paragraphs for piece in paragraph if piece.target is not None):
        if piece.target in known_ids:
            continue
        if piece.target in former_ids:
            message = f"link to '#{piece.target}', a former id: write '#{former_ids[piece.target]}'"
        else:
            message = f"link to '#{piece.target}': no record has this id{did_you_mean(piece.target, known_ids)}"
        problems.append(Problem(piece.mark, message))
    return problems
