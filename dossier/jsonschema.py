"""The editors' JSON Schema (draft 2020-12) for the data files, generated from schema.py.

Editors point their YAML tooling (yaml-language-server, VS Code, JetBrains) at
`schema_for("events")` for the files of `data/events.yaml` and `data/events/`, and so on:
a file's collection is known only from its path, so one schema per collection is what
gives precise completion and errors. `json_schema()` is the catalogue: every definition
under `$defs` (one per collection, plus the shared kinds), and a root that accepts a
file of any collection (a list whose items are any collection's record).

The schema is a looser net than the project's checker, never a tighter one: whatever
`make check` accepts, the schema accepts, so an editor never shows a false error. What
a JSON Schema cannot see (quotes in seeds, references, calendar dates, periods, YAML 1.1
readings) is listed in tests/test_jsonschema.py.

Nothing here lists a field or a value: each comes from schema.py.
"""

from __future__ import annotations

from . import schema
from .schema import CITATION_FIELDS, CLAIM_FIELDS, COLLECTION_FIELDS, ID_MAX_LENGTH, ID_PATTERN, LANGUAGE_PATTERN, RECORD_NOUN, Field

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_NOT_BLANK = r"\S"  # the checker refuses empty and all-blank text
_DATE_TEXT = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
# as the checker reads a URL: surrounding blanks trimmed, scheme in any case, a host, no blank inside
_URL = r"^\s*[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]\S*\s*$"
_UNSAFE_PATH = r"^/|\\|(^|/)\.\.(/|$)"

# The shared kinds: $defs/<name>; list kinds are arrays of one of these.
_KINDS: dict[str, dict] = {
    "id": {
        "type": "string",
        "pattern": ID_PATTERN,
        "maxLength": ID_MAX_LENGTH,
        "description": "lower-case letters and digits in words joined by single hyphens, at most "
        f"{ID_MAX_LENGTH} characters (e.g. iran-drones-2022)",
    },
    "word": {"type": "string", "pattern": ID_PATTERN, "description": "a word in the id syntax (e.g. air-defence)"},
    "plain": {"type": "string", "pattern": _NOT_BLANK, "description": "text, as written"},
    "text": {
        "description": "English text, or a mapping of language code to text with 'en' required",
        "anyOf": [
            {"$ref": "#/$defs/plain"},
            {
                "type": "object",
                "required": ["en"],
                "propertyNames": {"pattern": LANGUAGE_PATTERN},
                "additionalProperties": {"$ref": "#/$defs/plain"},
            },
        ],
    },
    "date": {
        "description": "YYYY, YYYY-MM or YYYY-MM-DD, quoted or not",
        "anyOf": [
            {"type": "string", "pattern": _DATE_TEXT},
            {"type": "integer", "minimum": 1000, "maximum": 9999},
        ],
    },
    "boolean": {"type": "boolean"},
    "positive_int": {"type": "integer", "minimum": 1, "description": "a positive whole number"},
    "quantity": {"anyOf": [{"$ref": "#/$defs/positive_int"}, {"$ref": "#/$defs/text"}]},
    "url": {"type": "string", "pattern": _URL, "description": "an http or https address"},
    "seed_file": {
        "type": "string",
        "pattern": _NOT_BLANK,
        "not": {"pattern": _UNSAFE_PATH},
        "description": "a path inside seeds/, with '/' between folders and no '..'",
    },
    "language": {"type": "string", "pattern": LANGUAGE_PATTERN, "description": "a BCP 47 language tag such as fr or en-GB"},
}
_ITEM_OF = {"ids": "id", "texts": "text", "plains": "plain", "words": "word", "citations": "citation", "claims": "claim"}


def _meanings(values: tuple[str, ...]) -> dict[str, str]:
    """The meanings schema.py gives a vocabulary's values ({} when it gives none).

    A Field keeps only the values; their meanings are on the module's tuples of Choice.
    """
    for choices in vars(schema).values():
        if isinstance(choices, tuple) and choices and all(isinstance(c, schema.Choice) for c in choices):
            if tuple(c.value for c in choices) == values:
                return {c.value: c.meaning for c in choices if c.meaning}
    return {}


def _choice(f: Field) -> dict:
    definition = {"type": "string", "enum": list(f.choices)}
    meanings = _meanings(f.choices)
    if meanings:  # editors show each value's meaning in completion and on hover
        definition["anyOf"] = [{"const": v, "description": meanings.get(v, v)} for v in f.choices]
    return definition


def _field(f: Field) -> dict:
    if f.kind in _ITEM_OF:
        definition = {"type": "array", "items": {"$ref": f"#/$defs/{_ITEM_OF[f.kind]}"}}
        if f.min_items:
            definition["minItems"] = f.min_items
    elif f.kind == "choice":
        definition = _choice(f)
    elif f.kind == "choices":
        definition = {"type": "array", "items": _choice(f)}
    elif f.kind in _KINDS:
        definition = {"$ref": f"#/$defs/{f.kind}"}
    else:  # a kind added to schema.py needs its definition here
        raise ValueError(f"field '{f.name}' has kind '{f.kind}', which has no JSON Schema definition")
    if not f.required:  # the checker reads an optional field left empty (`note:`) as absent
        definition = {"anyOf": [definition, {"type": "null"}]}
    return {"description": f.doc, **definition}


def _object(fields: tuple[Field, ...], title: str) -> dict:
    return {
        "title": title,
        "type": "object",
        "required": [f.name for f in fields if f.required],
        "properties": {f.name: _field(f) for f in fields},
        "additionalProperties": False,
    }


def _definitions() -> dict:
    definitions = {name: dict(definition) for name, definition in _KINDS.items()}
    definitions["citation"] = _object(CITATION_FIELDS, "citation")
    definitions["claim"] = _object(CLAIM_FIELDS, "claim")
    for collection, fields in COLLECTION_FIELDS.items():
        definitions[collection] = _object(fields, RECORD_NOUN[collection])
    return definitions


def json_schema() -> dict:
    """Every definition, and a root accepting a data file of any collection."""
    return {
        "$schema": DIALECT,
        "title": "Russia–Iran dossier: a data file",
        "description": "A YAML list of records of one collection. Prefer the schema of the file's own "
        "collection (schema_for), which gives precise errors; this one accepts any collection's records.",
        "type": ["array", "null"],  # an empty file is allowed: it holds no records
        "items": {"anyOf": [{"$ref": f"#/$defs/{c}"} for c in COLLECTION_FIELDS]},
        "$defs": _definitions(),
    }


def schema_for(collection: str) -> dict:
    """The schema of one collection's data file: a list of its records."""
    if collection not in COLLECTION_FIELDS:
        raise ValueError(f"no collection named '{collection}'; there are {', '.join(COLLECTION_FIELDS)}")
    return {
        "$schema": DIALECT,
        "title": f"Russia–Iran dossier: {collection}",
        "description": f"A YAML list of {collection} (data/{collection}.yaml or data/{collection}/*.yaml).",
        "type": ["array", "null"],
        "items": {"$ref": f"#/$defs/{collection}"},
        "$defs": _definitions(),
    }
