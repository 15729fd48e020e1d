#!/usr/bin/env python3
"""Write the editors' JSON Schemas, one per collection, to schema/<collection>.schema.json.

They come from dossier/schema.py, like the validator; a test fails when they drift from it.
Data files name theirs in a first-line comment that yaml-language-server (VS Code's YAML
extension, among others) reads, so editors complete and check fields while typing:

    # yaml-language-server: $schema=../schema/events.schema.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.jsonschema import schema_for  # noqa: E402
from dossier.schema import COLLECTION_FIELDS  # noqa: E402

SCHEMA_DIR = ROOT / "schema"


def schema_texts() -> dict[Path, str]:
    return {SCHEMA_DIR / f"{c}.schema.json": json.dumps(schema_for(c), ensure_ascii=False, indent=2) + "\n" for c in COLLECTION_FIELDS}


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for path, text in schema_texts().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
