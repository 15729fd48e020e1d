"""Each quote is found, verbatim after folding, in the file of the source it cites."""

from __future__ import annotations

from ..folding import longest_found_part
from ..model import Record
from ..problems import Problem


def check(records: list[Record], seeds) -> list[Problem]:
    sources = {r.id: r for r in records if r.collection == "sources"}
    problems = []
    for record in records:
        for citation in record.citations:
            source = sources.get(citation.source)
            if source is None or source.file is None:
                continue  # a missing source is the references check's to report; no file, nothing to verify
            if not seeds.contains(source.file, citation.quote):
                found = longest_found_part(citation.quote, seeds.folded(source.file))
                hint = f"; the longest part of it that is there: \"{found}\"" if found else "; no part of it is there"
                problems.append(
                    Problem(record.mark_of(f"{citation.path}.quote"), f"quote not found in seeds/{source.file}{hint}", record.id, f"{citation.path}.quote")
                )
    return problems
