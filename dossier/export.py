"""The checked dossier as data for others: one JSON document, and one CSV table per collection.

JSON keeps each record in the shape of the YAML contract (dates as "YYYY[-MM[-DD]]",
localised text as a string when English only, optional fields left out), so every record
validates against the editors' JSON Schema and can be written back as a data file
(`records_from_json`). CSV flattens each record to one row, for spreadsheets.

Both follow schema.py's field order and Dossier.of's record order: the same dossier gives
the same bytes.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from .dates import PartialDate
from .i18n import LANGUAGES, SHOWN_TEXTS
from .model import Citation, Claim, Dossier, Record, Text
from .schema import CITATION_FIELDS, CLAIM_FIELDS, COLLECTION_FIELDS

NAME = "Russia–Iran dossier"
COLLECTIONS = tuple(COLLECTION_FIELDS)  # sources, actors, events, transfers, agreements


# -- JSON ---------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A record's value as the YAML contract writes it."""
    if isinstance(value, str):  # most values: tested first
        return value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Text):
        return {"en": value.en, **dict(value.translations)} if value.translations else value.en
    if isinstance(value, PartialDate):
        return value.iso
    if isinstance(value, (Citation, Claim)):
        names = _CITATION_NAMES if isinstance(value, Citation) else _CLAIM_NAMES
        return {name: _plain(v) for name in names if (v := getattr(value, name)) is not None}
    return value


def record_dict(record: Record) -> dict:
    """A record as a mapping of the contract's fields, in schema order, absent ones left out."""
    values = record.values
    return {name: _plain(v) for name in _NAMES[record.collection] if (v := values.get(name)) is not None and v != ()}


_NAMES = {c: tuple(f.name for f in fields) for c, fields in COLLECTION_FIELDS.items()}
_CITATION_NAMES = tuple(f.name for f in CITATION_FIELDS)
_CLAIM_NAMES = tuple(f.name for f in CLAIM_FIELDS)


def dossier_json(dossier: Dossier, version: str, built: str) -> dict:
    """The whole dossier as one JSON-ready dict: records by collection, names by id, former ids."""
    return {
        "name": NAME,
        "version": version,
        "built": built,
        "records": {c: [record_dict(r) for r in dossier.of(c)] for c in COLLECTIONS},
        "names": {r.id: r.label for c in COLLECTIONS for r in dossier.of(c)},
        "former_ids": dict(sorted(dossier.former_ids.items())),
        "history": history_json(dossier),
    }


def history_json(dossier: Dossier) -> dict:
    """Each record's dates and versions from git (history.py); where the build had no history,
    why, and no dates."""
    history = dossier.history
    if history.missing:
        return {"missing": history.missing}
    records = {}
    for record_id in sorted(i for i in dossier.records if history.of(i)):
        versions = history.of(record_id)
        records[record_id] = {
            "published": versions[0].date,
            "changed": versions[-1].date,
            "version": history.digest(record_id),
            "uncommitted": record_id in history.uncommitted,
            "versions": [{"date": v.date, "commit": v.commit, "digest": v.digest, "id": v.id, "changed": [c[0] for c in v.changes]} for v in versions],
        }
    return {"records": records}


def records_from_json(data: dict) -> dict[str, list[dict]]:
    """The records of a dossier_json document, by collection, ready to be written as data files."""
    records = data.get("records")
    if not isinstance(records, dict) or set(records) - set(COLLECTIONS):
        raise ValueError(f"'records' must map collections ({', '.join(COLLECTIONS)}) to lists of records")
    return {c: [dict(r) for r in records.get(c, [])] for c in COLLECTIONS}


# -- CSV ----------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    """A record's value as one spreadsheet cell."""
    if isinstance(value, str):  # most values: tested first
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Citation):
        return f'{value.source}: "{value.quote}"'
    if isinstance(value, Claim):
        return f"{value.by} {value.stance}"
    if isinstance(value, tuple):
        separator = " | " if value and isinstance(value[0], Citation) else "; "
        return separator.join(_cell(v) for v in value)
    return str(value)  # PartialDate: its ISO form; Text: its English


def collection_csv(dossier: Dossier, collection: str) -> str:
    """One collection as CSV (RFC 4180: CRLF line ends, quoted where needed): a header of
    the collection's fields in schema order, each localised text followed by a column per
    other language (`summary.fr`), then the record's dates from git (HISTORY_COLUMNS, empty
    without history), then one row per record."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    columns = [c for name in _NAMES[collection] for c in [(name, None), *((name, lang) for lang in LANGUAGES[1:] if name in _LOCALISED[collection])]]
    writer.writerow([name if lang is None else f"{name}.{lang}" for name, lang in columns] + list(HISTORY_COLUMNS))
    history = dossier.history
    for record in dossier.of(collection):
        versions = history.of(record.id)
        dates = [versions[0].date, versions[-1].date, history.digest(record.id)] if versions else ["", "", ""]
        writer.writerow([_cell(record.values.get(name)) if lang is None else _translated_cell(record.values.get(name), lang) for name, lang in columns] + dates)
    return out.getvalue()


HISTORY_COLUMNS = ("published", "changed", "version")


def _translated_cell(value: Any, lang: str) -> str:
    """A localised text's `lang` version as a cell (empty where it has none)."""
    if isinstance(value, tuple):
        return "; ".join(_translated_cell(v, lang) for v in value)
    return dict(value.translations).get(lang, "") if isinstance(value, Text) else ""


# The fields whose text each edition shows in its language: a column per language in the CSV.
_LOCALISED = {c: {f.name for f in fields if f.kind in ("text", "texts", "quantity") and f.name in SHOWN_TEXTS} for c, fields in COLLECTION_FIELDS.items()}
