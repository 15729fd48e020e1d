"""Each quote is found, verbatim after folding, in the file of the source it cites."""

from __future__ import annotations

import pytest

from ..conftest import problems_of
from .records import added as add_file

EVENT = """\
- id: new-event
  date: 2021-05
  title: A new event
  category: military
  actors: [ravna]
  status: reported
  sources:
    - source: {source}
      quote: {quote}
"""
BULLETIN = "seeds/bulletin.txt"
GAZETTE = "seeds/press/gazette.txt"


def added(root, text: str, collection: str = "events") -> list[str]:
    return add_file(root, collection, text)


def not_found(file: str, hint: str | None, where: str = "9:14", path: str = "sources[0].quote", record: str = "new-event", name: str = "data/events/new.yaml") -> str:
    tail = f'; the longest part of it that is there: "{hint}"' if hint else "; no part of it is there"
    return f"{name}:{where}: {record}: {path}: quote not found in {file}{tail}"


@pytest.mark.parametrize(
    ("source", "quote"),
    [
        ("bulletin-2021-06", "signed in Lorn"),
        ("bulletin-2021-06", "Bulletin, 12 June 2021."),
        ("gazette-2021-03", "\"l'envoi de « douze radars mobiles »\""),
        ("gazette-2021-03", "'La Gazette du Nord, 3 mars 2021. Le ministre'"),  # across the blank line
        ("gazette-2021-03", "\"un traité d’amitié\""),
    ],
)
def test_a_quote_found_after_folding(valid_root, source, quote):
    assert added(valid_root, EVENT.format(source=source, quote=quote)) == []


@pytest.mark.parametrize(
    ("source", "quote", "file", "hint"),
    [
        ("bulletin-2021-06", "signed in Paris on 2 June 2021", BULLETIN, "on 2 June 2021"),
        ("bulletin-2021-06", "The treaty of friendship was signed in Paris", BULLETIN, "The treaty of friendship was signed in"),
        ("bulletin-2021-06", "signed in lorn", BULLETIN, "signed in"),
        ("gazette-2021-03", "Le ministre Anna Verel a nié", GAZETTE, "Le ministre Anna Verel a"),
        ("gazette-2021-03", "zzz qqq", GAZETTE, None),
        ("bulletin-2021-06", "Signed", BULLETIN, None),  # the case is kept
    ],
)
def test_a_quote_not_found_names_the_longest_part_found(valid_root, source, quote, file, hint):
    assert added(valid_root, EVENT.format(source=source, quote=quote)) == [not_found(file, hint)]


def test_a_quote_is_looked_for_in_the_cited_source_only(valid_root):
    # in the gazette, not in the bulletin
    text = EVENT.format(source="bulletin-2021-06", quote="douze radars mobiles")
    assert added(valid_root, text) == [not_found(BULLETIN, None)]


def test_a_quote_in_a_claim(valid_root):
    text = EVENT.format(source="bulletin-2021-06", quote="signed in Lorn") + (
        "  claims:\n"
        "    - by: ravna\n"
        "      stance: denies\n"
        "      sources:\n"
        "        - source: gazette-2021-03\n"
        "          quote: Ravna nie avoir livré des armes\n"
        "          translation: This translation is not checked\n"
    )
    assert added(valid_root, text) == [not_found(GAZETTE, "Ravna nie", where="15:18", path="claims[0].sources[0].quote")]


def test_quotes_of_actors_and_agreements_are_checked_too(valid_root):
    path = valid_root / "data/actors.yaml"
    path.write_text(path.read_text().replace('quote: "Le ministre Anna Verel a confirmé"', 'quote: "Le ministre Anna Verel a démenti"'))
    path = valid_root / "data/agreements.yaml"
    path.write_text(path.read_text().replace("quote: signed in Lorn on 2 June 2021", "quote: signed in Lorn on 3 June 2021"))
    assert problems_of(valid_root) == [
        not_found(GAZETTE, "Le ministre Anna Verel a", where="15:14", record="anna-verel", name="data/actors.yaml"),
        not_found(BULLETIN, "June 2021 by the two foreign ministers", where="16:14", path="sources[1].quote", record="friendship-treaty", name="data/agreements.yaml"),
    ]


def test_a_source_without_a_file_is_not_checked(valid_root):
    (valid_root / "data/sources").mkdir()
    (valid_root / "data/sources/new.yaml").write_text("- id: no-file\n  title: T\n  date: 2021\n  language: en\n")
    assert added(valid_root, EVENT.format(source="no-file", quote="anything at all")) == []


def test_a_missing_source_is_reported_once_by_the_references_check(valid_root):
    text = EVENT.format(source="missing-source", quote="anything")
    assert added(valid_root, text) == ["data/events/new.yaml:8:15: new-event: sources[0].source: no source has the id 'missing-source'"]


def test_a_source_file_that_changes_is_checked_again(valid_root):
    (valid_root / "seeds/bulletin.txt").write_text("XYZ.\n", encoding="utf-8")
    assert problems_of(valid_root) == [
        not_found(BULLETIN, None, where="16:14", path="sources[1].quote", record="friendship-treaty", name="data/agreements.yaml"),
        not_found(BULLETIN, None, where="31:14", record="friendship-treaty-signed", name="data/events/2021.yaml"),
    ]


def test_every_unfound_quote_is_reported(valid_root):
    text = EVENT.format(source="bulletin-2021-06", quote="signed in Paris").replace(
        "      quote: signed in Paris\n",
        "      quote: signed in Paris\n    - source: gazette-2021-03\n      quote: Le ministre Anna Verel a nié\n",
    )
    assert added(valid_root, text) == [
        not_found(BULLETIN, "signed in"),
        not_found(GAZETTE, "Le ministre Anna Verel a", where="11:14", path="sources[1].quote"),
    ]
