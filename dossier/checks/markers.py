"""Citation markers name citations the record has (see markers.py), and, where the dossier's
settings require it, every sentence of a summary and every role ends with one."""

from __future__ import annotations

from ..markers import MARKER, markers, sentences, shortened
from ..model import Record, Text
from ..problems import Problem

# The fields whose markers are shown as links, in the order a page shows them.
MARKED_FIELDS = ("roles", "summary", "note")
# The fields whose every sentence needs a marker when markers are required (a note is the
# editor's own voice: it may cite, and need not).
REQUIRED_FIELDS = ("roles", "summary")


def check(records: list[Record], seeds) -> list[Problem]:
    problems = []
    for record in records:
        count = len(record.citations)
        for path, text in texts(record):
            if _field(path) not in MARKED_FIELDS:
                if MARKER.search(text):
                    problems.append(_problem(record, path, f"'{MARKER.search(text).group()}' looks like a citation marker; markers belong in {', '.join(MARKED_FIELDS)}"))
                continue
            for marker in markers(text):
                wrong = [n for n in marker.numbers if not 1 <= n <= count]
                if wrong and not count:
                    problems.append(_problem(record, path, f"{_written(text, marker)} names a citation, but this record cites nothing{_how_to_cite(record)}"))
                elif wrong:
                    problems.append(_problem(record, path, f"{_written(text, marker)}: this record has {count} citation{'s' if count > 1 else ''}, numbered 1 to {count} ({_numbering(record)})"))
    return problems


def unmarked(records: list[Record]) -> list[Problem]:
    """Every sentence of a summary, and every role, that ends with no marker."""
    problems = []
    for record in records:
        for path, text in texts(record):
            if _field(path) not in REQUIRED_FIELDS:
                continue
            found = sentences(text)
            for number, sentence in enumerate(found, start=1):
                if not sentence.marked:
                    which = f"sentence {number} of {len(found)}" if len(found) > 1 else "the text"
                    problems.append(_problem(record, path, f"{which} ends with no citation marker: \"{shortened(sentence.text)}\"; end it with [n], n the number of the citation that backs it"))
    return problems


def share_marked(records: list[Record], overview=()) -> dict[str, tuple[int, int]]:
    """Per collection (and the overview): how many sentences of the English summaries and roles
    end with a marker, of how many (a translation carries the same markers, and is checked as
    required, not counted again)."""
    shares: dict[str, tuple[int, int]] = {}
    found = [(r.collection, sentences(text)) for r in records for path, text in texts(r) if _field(path) in REQUIRED_FIELDS and "." not in path]
    found += [("overview", sentences(paragraph.text, overview=True)) for paragraph in overview]
    for collection, each in found:
        marked, total = shares.get(collection, (0, 0))
        shares[collection] = (marked + sum(s.marked for s in each), total + len(each))
    return shares


def texts(record: Record):
    """(path, text) of every free text of the record, each language of it included."""
    for name, value in record.values.items():
        if isinstance(value, Text):
            yield from _languages(name, value)
        elif name == "roles":
            for i, role in enumerate(value):
                yield from _languages(f"roles[{i}]", role)


def _languages(path: str, text: Text):
    yield path, text.en
    for language, translated in text.translations:
        yield f"{path}.{language}", translated


def _field(path: str) -> str:
    """`roles[2].fr` -> `roles`."""
    return path.partition(".")[0].partition("[")[0]


def _problem(record: Record, path: str, message: str) -> Problem:
    return Problem(record.mark_of(path), message, record.id, path)


def _written(text: str, marker) -> str:
    return f"marker '{text[marker.start:marker.end]}'"


def _numbering(record: Record) -> str:
    own = len(record.values.get("sources") or ())
    if own == len(record.citations):
        return "its sources, in order"
    return f"its {own} sources, then its claims' sources" if own else "its claims' sources, in order"


def _how_to_cite(record: Record) -> str:
    if record.collection == "sources":
        return ": a source cites no other; remove the marker"
    return ": add the quote that backs it under sources:, or remove the marker"
