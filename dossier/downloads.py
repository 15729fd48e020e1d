"""The files readers take away, published beside the pages: the dossier as JSON and CSV, the
editors' JSON Schema, and the Atom feed of the timeline."""

from __future__ import annotations

import hashlib
import json

from .export import COLLECTIONS, collection_csv, dossier_json
from .feed import atom_feed
from .jsonschema import json_schema
from .model import Dossier

DOWNLOADS = ("data/dossier.json", *(f"data/{c}.csv" for c in COLLECTIONS), "data/schema.json", "feed.xml")


def download_files(dossier: Dossier, site_url: str, built: str) -> dict[str, str]:
    """{path under docs/: text}. `built` is the build's date (YYYY-MM-DD); the version is a
    digest of the records, so it changes exactly when the data does."""
    document = dossier_json(dossier, version="", built=built)
    document["version"] = hashlib.sha256(json.dumps(document["records"], sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]
    # Without indent, json writes with its C encoder: at 10,000 records, indent= (pure Python) took seconds.
    files = {"data/dossier.json": json.dumps(document, ensure_ascii=False) + "\n"}
    files.update({f"data/{c}.csv": collection_csv(dossier, c) for c in COLLECTIONS})
    files["data/schema.json"] = _json(json_schema())
    files["feed.xml"] = atom_feed(dossier, site_url, f"{built}T00:00:00Z")
    return files


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
