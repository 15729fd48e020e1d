"""The JSON and CSV exports: in the contract's shape, valid by the editors' schema, lossless."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from dossier.build import check_dataset
from dossier.i18n import SHOWN_TEXTS
from dossier.export import collection_csv, dossier_json, records_from_json
from dossier.jsonschema import schema_for
from dossier.schema import COLLECTION_FIELDS

from .conftest import PROJECT, VALID_CASE, copy_valid_case

COLLECTIONS = tuple(COLLECTION_FIELDS)

# Text that CSV, JSON and YAML must each carry intact.
HOSTILE = 'Commas, "quotes", a line\nbreak, <b>&amp;</b>, a tab\there, and 1e3'


@pytest.fixture(scope="module", params=[VALID_CASE, PROJECT], ids=["test-case", "dossier"])
def root(request) -> Path:
    return request.param


@pytest.fixture(scope="module")
def dossier(root):
    return check_dataset(root)


def exported(dossier) -> dict:
    """The JSON document as a reader gets it: through JSON text."""
    return json.loads(json.dumps(dossier_json(dossier, "1.2.3", "2025-01-01T00:00:00Z"), ensure_ascii=False))


class _QuotedDumper(yaml.SafeDumper):
    """Writes every string double-quoted: no string can be read back as another type (`1e3`, `no`)."""


_QuotedDumper.add_representer(str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"'))


def written_back(data: dict, seeds: Path, target: Path) -> Path:
    """The exported records written as data files beside a copy of the seeds."""
    (target / "data").mkdir(parents=True)
    shutil.copytree(seeds, target / "seeds")
    for collection, records in records_from_json(data).items():
        text = yaml.dump(records, Dumper=_QuotedDumper, allow_unicode=True, sort_keys=False)
        (target / "data" / f"{collection}.yaml").write_text(text, encoding="utf-8")
    return target


def by_id(dossier) -> dict:
    return {r.id: (r.collection, dict(r.values)) for r in dossier.records.values()}


# -- JSON ---------------------------------------------------------------------------------


def test_the_document_names_its_build(dossier):
    data = exported(dossier)
    assert (data["name"], data["version"], data["built"]) == ("Russia–Iran dossier", "1.2.3", "2025-01-01T00:00:00Z")
    assert list(data["records"]) == list(COLLECTIONS)


def test_records_are_in_the_contracts_shape_and_order(dossier):
    data = exported(dossier)
    for collection in COLLECTIONS:
        assert [r["id"] for r in data["records"][collection]] == [r.id for r in dossier.of(collection)]
        for record in data["records"][collection]:
            order = [f.name for f in COLLECTION_FIELDS[collection]]
            assert list(record) == [name for name in order if name in record]  # schema order, absent left out
            assert None not in record.values() and [] not in record.values()


def test_every_collection_validates_against_its_schema(dossier):
    data = exported(dossier)
    for collection in COLLECTIONS:
        jsonschema.validate(data["records"][collection], schema_for(collection), cls=jsonschema.Draft202012Validator)


def test_every_reference_resolves_to_a_name(dossier):
    data = exported(dossier)
    assert set(data["names"]) == set(dossier.records)
    assert all(isinstance(name, str) and name for name in data["names"].values())
    for record in dossier.records.values():
        for _, target, _ in record.references():
            assert target in data["names"], (record.id, target)
    assert all(new in data["names"] for new in data["former_ids"].values())
    assert data["former_ids"] == dict(dossier.former_ids)


def test_names_are_what_records_are_called():
    data = exported(check_dataset(VALID_CASE))
    assert data["names"]["ostrava-republic"] == "Republic of Ostrava"
    assert data["names"]["radars-to-ostrava"] == "Mobile radars"
    assert data["names"]["gazette-2021-03"] == "La Gazette du Nord, 3 mars 2021"
    assert data["former_ids"] == {"bulletin-june": "bulletin-2021-06", "treaty-signing": "friendship-treaty-signed"}


def test_values_take_the_yaml_forms():
    records = {r["id"]: r for rs in exported(check_dataset(VALID_CASE))["records"].values() for r in rs}
    assert records["spring-2021"]["date"] == "2021" and records["spring-2021"]["date_end"] == "2021-06"
    assert records["spring-2021"]["approximate"] is True
    assert records["friendship-treaty"]["signed"] == "2021-06-02"
    assert records["ostrava-republic"]["name"] == {"en": "Republic of Ostrava", "fr": "République d'Ostrava"}
    assert records["ravna"]["name"] == "Ravna"
    assert records["radars-to-ostrava"]["quantity"] == 12
    assert records["radars-to-ostrava"]["claims"][0]["by"] == "anna-verel"
    assert "translation" not in records["friendship-treaty-signed"]["sources"][0]


def test_the_json_round_trips_through_the_checker(dossier, root, tmp_path):
    again = check_dataset(written_back(exported(dossier), root / "seeds", tmp_path / "again"))
    assert by_id(again) == by_id(dossier)
    assert dict(again.former_ids) == dict(dossier.former_ids)


def test_records_from_json_refuses_an_unknown_collection():
    with pytest.raises(ValueError):
        records_from_json({"records": {"people": []}})


# -- CSV ----------------------------------------------------------------------------------


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_one_row_per_record_under_a_header_of_the_fields(dossier):
    for collection in COLLECTIONS:
        table = rows(collection_csv(dossier, collection))
        # each text an edition shows is followed by its French: summary, summary.fr
        localised = {f.name for f in COLLECTION_FIELDS[collection] if f.kind in ("text", "texts", "quantity") and f.name in SHOWN_TEXTS}
        fields = [c for f in COLLECTION_FIELDS[collection] for c in (f.name, *([f"{f.name}.fr"] if f.name in localised else []))]
        assert table[0] == fields + ["published", "changed", "version"]  # the dates from git
        assert [row[0] for row in table[1:]] == [r.id for r in dossier.of(collection)]
        assert all(row[-3:] == ["", "", ""] for row in table[1:]), "no history was read: no date is invented"
        assert all(len(row) == len(table[0]) for row in table)


def test_lines_end_in_crlf_and_output_is_deterministic(dossier):
    for collection in COLLECTIONS:
        text = collection_csv(dossier, collection)
        assert text.endswith("\r\n")
        assert text == collection_csv(dossier, collection)
    text = collection_csv(check_dataset(VALID_CASE), "events")
    assert "\n" not in text.replace("\r\n", "")


def test_cells_flatten_lists_citations_and_claims():
    dossier = check_dataset(VALID_CASE)
    transfer = dict(zip(*rows(collection_csv(dossier, "transfers"))))
    assert transfer["sources"] == 'gazette-2021-03: "« douze radars mobiles » à la République d’Ostrava"'
    assert transfer["claims"] == "anna-verel asserts"
    assert transfer["quantity"] == "12" and transfer["date_end"] == ""
    agreement = dict(zip(*rows(collection_csv(dossier, "agreements"))))
    assert agreement["parties"] == "ravna; ostrava-republic"
    assert agreement["sources"].count(" | ") == 1
    actors = {row[0]: dict(zip(rows(collection_csv(dossier, "actors"))[0], row)) for row in rows(collection_csv(dossier, "actors"))[1:]}
    assert actors["ostrava-republic"]["name"] == "Republic of Ostrava"  # localised text: its English
    events = {row[0]: row for row in rows(collection_csv(dossier, "events"))[1:]}
    assert "true" in events["spring-2021"]


# -- hostile text -------------------------------------------------------------------------


@pytest.fixture
def hostile(tmp_path):
    """The valid case with an event whose title, summary and note are awkward text."""
    root = copy_valid_case(tmp_path / "hostile")
    text = json.dumps(HOSTILE)  # a JSON string is a YAML double-quoted scalar
    (root / "data" / "events" / "hostile.yaml").write_text(
        f"""\
- id: hostile-event
  date: 2021-05
  title: {text}
  category: military
  actors: [ravna]
  status: reported
  summary: {{en: {text}, fr: "Virgule, « guillemets »"}}
  note: {text}
  sources:
    - source: bulletin-2021-06
      quote: signed in Lorn
""",
        encoding="utf-8",
    )
    return root


def test_awkward_text_survives_csv(hostile):
    table = rows(collection_csv(check_dataset(hostile), "events"))
    row = dict(zip(table[0], next(r for r in table if r[0] == "hostile-event")))
    assert row["title"] == row["summary"] == row["note"] == HOSTILE


def test_awkward_text_survives_json(hostile, tmp_path):
    dossier = check_dataset(hostile)
    data = exported(dossier)
    record = next(r for r in data["records"]["events"] if r["id"] == "hostile-event")
    assert record["title"] == HOSTILE and record["summary"] == {"en": HOSTILE, "fr": "Virgule, « guillemets »"}
    assert by_id(check_dataset(written_back(data, hostile / "seeds", tmp_path / "again"))) == by_id(dossier)


def test_the_published_json_is_the_document_and_its_version_the_digest_of_its_records(hostile):
    from dossier.downloads import download_files

    event = hostile / "data" / "events" / "hostile.yaml"
    event.write_text(re.sub(r"(?m)^  title: .*$", lambda _: '  title: "\\"records\\": null"', event.read_text()))  # as the JSON marks the records' place
    dossier = check_dataset(hostile)
    assert dossier.records["hostile-event"].label == '"records": null'
    published = json.loads(download_files(dossier, "https://dossier.example.org/", "2026-01-31")["data/dossier.json"])
    document = exported(dossier)
    assert published["records"] == document["records"] and published["names"] == document["names"]
    assert list(published) == list(document)  # name, version, built, records, names, former_ids
    digest = hashlib.sha256(json.dumps(published["records"], ensure_ascii=False).encode()).hexdigest()[:12]
    assert published["version"] == digest

    event.write_text(event.read_text().replace("date: 2021-05", "date: 2021-06"))
    changed = json.loads(download_files(check_dataset(hostile), "https://dossier.example.org/", "2026-01-31")["data/dossier.json"])
    assert changed["version"] != published["version"]
