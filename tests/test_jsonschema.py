"""The editors' JSON Schema: generated from schema.py, accepts all valid data, rejects what it can.

The schema is checked against the project's own checker in both directions:

- every data file the checker accepts (the test case and the real dossier) is valid;
- each bad record of BAD below is refused by the checker (confirmed with problems_of)
  and rejected by the schema too.

What a JSON Schema cannot express, so that the checker alone refuses it (CANNOT_SEE
below pins each: the checker refuses it, the schema lets it through):

- a quote that is not in its source's seed file (checks/quotes.py);
- cross-references: an id that names no record, or a record of the wrong collection or
  kind (an actor's `country` that is not a state, a signatory who is not a person), and
  ids or former ids used twice (checks/references.py, checks/ids.py);
- impossible calendar dates such as 2021-02-30 (the pattern knows months 01-12 and
  days 01-31, not each month's length, nor leap years);
- a period whose `date_end` falls before its `date`, and a transfer whose supplier is
  its recipient (checks/periods.py): comparisons between two fields;
- a seed file that does not exist;
- what only the YAML text shows: duplicate keys, anchors and aliases, tags, and plain
  scalars that YAML 1.1 and 1.2 read differently (`1e3`, `no`): the checker refuses
  them, an editor's YAML tooling hands the schema one value or the other.

Files are read with yaml.safe_load, and unquoted dates (datetime.date) are turned into
the ISO text an editor's YAML tooling sends (YAML 1.2 has no date type).
"""

from __future__ import annotations

import datetime
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from dossier.jsonschema import json_schema, schema_for
from dossier.load import COLLECTIONS
from dossier.schema import CITATION_FIELDS, CLAIM_FIELDS, COLLECTION_FIELDS

from .checks.records import TEMPLATES, added, replaced
from .conftest import PROJECT, VALID_CASE


def as_editor_sends(value):
    """A YAML value as JSON-Schema-aware YAML tooling sees it: dates as their ISO text."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [as_editor_sends(v) for v in value]
    if isinstance(value, dict):
        return {k: as_editor_sends(v) for k, v in value.items()}
    return value


def errors(schema: dict, text: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema)
    return [e.message for e in validator.iter_errors(as_editor_sends(yaml.safe_load(text)))]


def collection_of(path: Path, data_dir: Path) -> str:
    """data/events.yaml and data/events/**.yaml both hold events."""
    first = path.relative_to(data_dir).parts[0]
    return first.removesuffix(".yaml").removesuffix(".yml")


def data_files(root: Path) -> list[Path]:
    """The collections' files (data/settings.yaml holds settings, not records)."""
    return sorted(p for p in (root / "data").rglob("*") if p.suffix in (".yaml", ".yml") and p.name != "settings.yaml")


# -- the schema itself -------------------------------------------------------------------


def test_the_schemas_are_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(json_schema())
    for collection in COLLECTIONS:
        jsonschema.Draft202012Validator.check_schema(schema_for(collection))


def test_every_field_of_schema_py_is_described_in_order():
    definitions = json_schema()["$defs"]
    declared = {**COLLECTION_FIELDS, "citation": CITATION_FIELDS, "claim": CLAIM_FIELDS}
    for name, fields in declared.items():
        definition = definitions[name]
        assert list(definition["properties"]) == [f.name for f in fields]
        assert definition["required"] == [f.name for f in fields if f.required]
        assert definition["additionalProperties"] is False
        for f in fields:
            assert definition["properties"][f.name]["description"] == f.doc


def test_vocabularies_carry_their_meanings():
    status = json_schema()["$defs"]["events"]["properties"]["status"]
    assert status["enum"] == ["confirmed", "reported", "alleged", "planned", "requested", "possible"]
    meanings = {c["const"]: c["description"] for c in status["anyOf"]}
    assert meanings["alleged"].startswith("asserted by a party")


def test_an_unknown_collection_has_no_schema():
    with pytest.raises(ValueError, match="no collection named 'event'"):
        schema_for("event")


# -- everything the checker accepts, the schema accepts ----------------------------------


@pytest.mark.parametrize("root", [VALID_CASE, PROJECT], ids=["test-case", "dossier"])
def test_every_valid_data_file_validates(root):
    files = data_files(root)
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        collection = collection_of(path, root / "data")
        assert errors(schema_for(collection), text) == [], path
        assert errors(json_schema(), text) == [], path


def test_an_empty_file_and_an_empty_optional_field_are_accepted():
    assert errors(schema_for("events"), "# nothing yet\n") == []
    assert errors(schema_for("actors"), "- {id: a, name: A, kind: group, note: }\n") == []


# -- what the checker refuses, the schema rejects ----------------------------------------

EVENT, TRANSFER, AGREEMENT, SOURCE, ACTOR = (TEMPLATES[c] for c in ("events", "transfers", "agreements", "sources", "actors"))
EVENT_CITATION = "  sources:\n    - source: bulletin-2021-06\n      quote: signed in Lorn\n"

BAD = {
    "unknown field": ("events", replaced(EVENT, "  status: reported\n", "  status: reported\n  titel: A typo\n")),
    "missing required field": ("events", replaced(EVENT, "  status: reported\n", "")),
    "value outside the vocabulary": ("events", replaced(EVENT, "category: military", "category: naval")),
    "bad actor kind": ("actors", replaced(ACTOR, "kind: organisation", "kind: company")),
    "id with capitals": ("events", replaced(EVENT, "id: new-event", "id: New_Event")),
    "id longer than 80": ("events", replaced(EVENT, "id: new-event", "id: " + "a" * 81)),
    "bad id in a list": ("events", replaced(EVENT, "actors: [ravna]", "actors: [Ravna]")),
    "date with slashes": ("events", replaced(EVENT, "date: 2021-05", 'date: "2021/05"')),
    "month 13": ("events", replaced(EVENT, "date: 2021-05", 'date: "2021-13"')),
    "three-digit year": ("events", replaced(EVENT, "date: 2021-05", "date: 999")),
    "date with a time": ("events", replaced(EVENT, "date: 2021-05", "date: 2021-05-03 10:00:00")),
    "fewer than two parties": ("agreements", replaced(AGREEMENT, "parties: [ravna, ostrava-republic]", "parties: [ravna]")),
    "no actors": ("events", replaced(EVENT, "actors: [ravna]", "actors: []")),
    "no citation": ("events", replaced(EVENT, EVENT_CITATION, "  sources: []\n")),
    "negative quantity": ("transfers", replaced(TRANSFER, "item: Radars", "item: Radars\n  quantity: -3")),
    "zero years": ("agreements", replaced(AGREEMENT, "kind: pact", "kind: pact\n  duration_years: 0")),
    "url javascript:": ("sources", replaced(SOURCE, "language: fr", 'language: fr\n  url: "javascript:alert(1)"')),
    "url without host": ("sources", replaced(SOURCE, "language: fr", "language: fr\n  url: https:///path")),
    "localised text without en": ("events", replaced(EVENT, "title: A new event", "title: {fr: Un nouvel événement}")),
    "localised text with a bad language code": ("events", replaced(EVENT, "title: A new event", "title: {en: A new event, French: Un événement}")),
    "blank text": ("events", replaced(EVENT, "title: A new event", 'title: "   "')),
    "text that YAML reads as a number": ("events", replaced(EVENT, "title: A new event", "title: 2021")),
    "text that YAML reads as a boolean": ("actors", replaced(ACTOR, "name: New actor", "name: yes")),
    "approximate as text": ("events", replaced(EVENT, "date: 2021-05", 'date: 2021-05\n  approximate: "yes"')),
    "bad language tag": ("sources", replaced(SOURCE, "language: fr", "language: French")),
    "seed file outside seeds/": ("sources", replaced(SOURCE, "language: fr", "language: fr\n  file: ../secret.txt")),
    "tag not in the id syntax": ("events", replaced(EVENT, "status: reported", "status: reported\n  tags: [Air Defence]")),
    "citation without a quote": ("events", replaced(EVENT, "      quote: signed in Lorn\n", "      translation: signed\n")),
    "unknown field in a citation": ("events", replaced(EVENT, "      quote: signed in Lorn\n", "      quote: signed in Lorn\n      page: 3\n")),
    "bad stance": (
        "events",
        EVENT + "  claims:\n    - by: ravna\n      stance: claims\n      sources:\n        - source: bulletin-2021-06\n          quote: signed in Lorn\n",
    ),
    "claim without citations": ("events", EVENT + "  claims:\n    - by: ravna\n      stance: denies\n      sources: []\n"),
    "item that is not a record": ("events", "- just a line of text\n"),
    "a record instead of a list": ("events", textwrap.dedent(EVENT).replace("- id:", "id:", 1).replace("\n  ", "\n")),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_what_the_checker_refuses_the_schema_rejects(valid_root, case):
    collection, text = BAD[case]
    assert added(valid_root, collection, text), "the checker accepts this: not a bad input"
    assert errors(schema_for(collection), text)
    assert errors(json_schema(), text)


def test_the_bad_inputs_are_many():
    assert len(BAD) >= 12


# -- what only the checker can see -------------------------------------------------------

CANNOT_SEE = {
    "quote not in the seed": ("events", replaced(EVENT, "quote: signed in Lorn", "quote: not in the bulletin")),
    "unknown actor": ("events", replaced(EVENT, "actors: [ravna]", "actors: [atlantis]")),
    "a source where an actor belongs": ("events", replaced(EVENT, "actors: [ravna]", "actors: [bulletin-2021-06]")),
    "country that is not a state": ("actors", ACTOR + "  country: anna-verel\n"),
    "id used twice": ("events", replaced(EVENT, "id: new-event", "id: spring-2021")),
    "impossible calendar date": ("events", replaced(EVENT, "date: 2021-05", 'date: "2021-02-30"')),
    "date_end before date": ("events", replaced(EVENT, "date: 2021-05", 'date: 2021-05\n  date_end: "2020"')),
    "supplier is the recipient": ("transfers", replaced(TRANSFER, "recipient: ostrava-republic", "recipient: ravna")),
    "seed file that does not exist": ("sources", replaced(SOURCE, "language: fr", "language: fr\n  file: missing.txt")),
    "duplicate key": ("events", EVENT + "  title: Another title\n"),
    "YAML 1.2 number": ("events", replaced(EVENT, "title: A new event", "title: 1e3")),
}


@pytest.mark.parametrize("case", CANNOT_SEE, ids=list(CANNOT_SEE))
def test_what_only_the_checker_refuses(valid_root, case):
    collection, text = CANNOT_SEE[case]
    assert added(valid_root, collection, text)
    assert errors(schema_for(collection), text) == []


def test_the_committed_editor_schemas_are_current():
    """schema/*.schema.json are generated from dossier/schema.py: regenerate with
    `python scripts/write_schemas.py` when the declaration changes."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("write_schemas", PROJECT / "scripts" / "write_schemas.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for path, text in module.schema_texts().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is out of date: run scripts/write_schemas.py"


def test_each_data_file_names_its_schema_for_editors():
    for collection in ("sources", "actors", "events", "transfers", "agreements"):
        first = (PROJECT / "data" / f"{collection}.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{collection}.schema.json"
