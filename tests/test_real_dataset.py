"""The dossier's own data: it builds, every quote is verified, every actor is named, coverage is high."""

from __future__ import annotations

import re

import pytest

from dossier.build import check_dataset
from dossier.problems import InvalidData

from .conftest import PROJECT, run_generator


@pytest.fixture(scope="module")
def dossier():
    try:
        return check_dataset(PROJECT)
    except InvalidData as invalid:
        pytest.fail("the dossier's data has problems:\n" + "\n".join(map(str, invalid.problems)))


def test_every_event_transfer_and_agreement_cites_a_source_with_a_file(dossier):
    for record in dossier.records.values():
        if record.collection in ("events", "transfers", "agreements"):
            assert record.sources, record.id
        for citation in record.citations:
            assert dossier.records[citation.source].file, f"{record.id} cites a source whose quotes cannot be verified"


def test_every_quote_is_in_its_source(dossier):
    from dossier.folding import fold

    count = 0
    for record in dossier.records.values():
        for citation in record.citations:
            text = dossier.texts[dossier.records[citation.source].file]
            assert fold(citation.quote) in fold(text), (record.id, citation.quote)
            count += 1
    assert count > 100


def test_every_actor_is_named_by_an_event_transfer_or_agreement(dossier):
    named = {target for r in dossier.records.values() if r.collection != "actors" for _, target, _ in r.references()}
    assert [a.id for a in dossier.of("actors") if a.id not in named] == []


def test_nearly_every_sentence_of_each_source_is_cited(dossier):
    for source_id, figures in dossier.coverage.items():
        assert figures.cited / figures.total >= 0.9, (source_id, [s.text for s in figures.sentences if not s.cited_by])


def test_the_check_prints_coverage_per_source():
    result = run_generator("--check")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("coverage ")]
    assert len(lines) == 2 and all(re.fullmatch(r"coverage [a-z0-9-]+: \d+ of \d+ sentences cited \(\d+%\)", line) for line in lines), result.stdout
