"""The files readers take away, published beside the pages: the dossier as JSON and CSV, the
editors' JSON Schema, and the Atom feed of the timeline; and two lists scripts read: the actors'
name words, which the search worker corrects a misspelt name to (search/names.json), and every
entry's id, which the 404 page offers the closest of for a mistyped /r/<id>/ (search/ids.json)."""

from __future__ import annotations

import hashlib
import json

from .export import COLLECTIONS, collection_csv, dossier_json
from .feed import atom_feed
from .finding import name_words
from .i18n import LANGUAGES, PREFIX
from .jsonschema import json_schema
from .model import Dossier

DOWNLOADS = ("data/dossier.json", *(f"data/{c}.csv" for c in COLLECTIONS), "data/schema.json", "feed.xml")


def download_files(dossier: Dossier, site_url: str, built: str) -> dict[str, str]:
    """{path under docs/: text}, for every edition: the data (in every language) beside each,
    and each edition's own feed. `built` is the build's date (YYYY-MM-DD); the version is a
    digest of the records, so it changes exactly when the data does."""
    data = {"data/dossier.json": _dossier_json_text(dossier_json(dossier, version="", built=built))}
    # a byte-order mark: a spreadsheet opened by a double click then reads the file as UTF-8 ("Téhéran", not "TÃ©hÃ©ran")
    data.update({f"data/{c}.csv": "\ufeff" + collection_csv(dossier, c) for c in COLLECTIONS})
    data["data/schema.json"] = _json(json_schema())
    data["search/names.json"] = json.dumps(name_words(dossier.records), ensure_ascii=False)
    data["search/ids.json"] = json.dumps(sorted(dossier.records))
    files = {}
    for lang in LANGUAGES:
        prefix = PREFIX[lang]
        files.update({prefix + path: text for path, text in data.items()})
        files[f"{prefix}feed.xml"] = atom_feed(dossier, site_url + prefix if site_url else "", f"{built}T00:00:00Z", lang)
    return files


def _dossier_json_text(document: dict) -> str:
    """The document as JSON, its version the digest of its records' JSON, which is written once
    and used for both (at 10,000 records, encoding the records costs a tenth of a second).
    Without indent, json writes with its C encoder: indent= (pure Python) took seconds."""
    records = json.dumps(document["records"], ensure_ascii=False)
    document = {**document, "version": hashlib.sha256(records.encode()).hexdigest()[:12], "records": None}
    text = json.dumps(document, ensure_ascii=False)
    marker = '"records": null'
    assert text.count(marker) == 1, "the marker must stand for the records alone"
    return text.replace(marker, f'"records": {records}') + "\n"


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
