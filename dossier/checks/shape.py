"""Raw records -> typed Records: required fields, unknown keys, types and vocabularies.

Each record is checked on its own here; checks across records come after, on the Records.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from ..dates import DateError, parse_date
from ..load import REFUSED, Mapping, RawRecord, Sequence, YamlTimestamp, describe
from ..model import Citation, Claim, Record, Text
from ..problems import Mark, Problem, did_you_mean
from ..seeds import Seeds
from ..schema import CITATION_FIELDS, CLAIM_FIELDS, ID_MAX_LENGTH, ID_PATTERN, LANGUAGE_PATTERN, RECORD_NOUN, Field, fields_of

_ID = re.compile(ID_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)


class _Invalid(Exception):
    """A value that cannot be used; its problem is already recorded."""


def shape_records(raw_records: list[RawRecord], seeds: Seeds) -> tuple[list[Record], list[Problem]]:
    problems: list[Problem] = []
    records = []
    for raw in raw_records:
        record = _Shaper(raw, seeds, problems).record()
        if record is not None:
            records.append(record)
    return records, problems


class _Shaper:
    def __init__(self, raw: RawRecord, seeds: Seeds, problems: list[Problem]):
        self.raw = raw
        self.seeds = seeds
        self.problems = problems
        self.record_id = raw.data.get("id") if isinstance(raw.data.get("id"), str) else None
        self.marks: dict[str, Mark] = {}
        self.failed = False

    def problem(self, mark: Mark, path: str, message: str) -> None:
        self.failed = True
        self.problems.append(Problem(mark, message, self.record_id, path or None))

    def record(self) -> Record | None:
        data = self.raw.data
        values = self.fields(data, fields_of(self.raw.collection), "", RECORD_NOUN[self.raw.collection])
        if values.get("id") is None:
            return None  # kept even when other fields failed, so checks across records still find it
        return Record(self.raw.collection, values["id"], values, data.mark, self.marks)

    def fields(self, data: Mapping, declared: dict[str, Field], path: str, noun: str) -> dict:
        """`declared`: the fields by name, in schema order."""
        if not data.keys() <= declared.keys():
            for key in data:
                if key not in declared:
                    self.problem(data.key_marks[key], _join(path, key), f"unknown field for {noun}{did_you_mean(key, declared)}")
        values = {}
        for name, f in declared.items():
            value = data.get(name)
            if value is None or value is REFUSED:  # absent, empty, or refused by the loader (which said why)
                if value is REFUSED:
                    self.failed = True
                elif f.required:
                    where = data.key_marks.get(name, data.mark)
                    self.problem(where, _join(path, name), f"required field is missing ({f.doc})")
                values[name] = () if f.kind in _LIST_KINDS else None
                continue
            try:
                values[name] = self.value(f, value, data.marks[name], _join(path, name))
            except _Invalid:
                values[name] = () if f.kind in _LIST_KINDS else None
        return values

    def value(self, f: Field, value, mark: Mark, path: str):
        self.marks[path] = mark
        if f.kind in _LIST_KINDS:
            items = self.list_of(value, mark, path, f)
            convert = getattr(self, _ITEM_KIND[f.kind])
            result = []
            for i, (item, item_mark) in enumerate(zip(items, items.marks)):
                item_path = f"{path}[{i}]"
                if item is REFUSED:
                    self.failed = True
                    continue
                self.marks[item_path] = item_mark
                try:
                    result.append(convert(f, item, item_mark, item_path))
                except _Invalid:
                    pass
            return tuple(result)
        return getattr(self, _KIND_METHOD[f.kind])(f, value, mark, path)

    def list_of(self, value, mark: Mark, path: str, f: Field) -> Sequence:
        if not isinstance(value, Sequence):
            self.problem(mark, path, f"must be a list (YAML '- item' lines or [a, b]), not {describe(value)}")
            raise _Invalid
        if len(value) < f.min_items:
            self.problem(mark, path, f"needs at least {f.min_items} item{'s' if f.min_items > 1 else ''}")
        return value

    # -- scalar kinds ------------------------------------------------------------------

    def string(self, value, mark: Mark, path: str) -> str:
        if isinstance(value, str) and not isinstance(value, YamlTimestamp):
            if not value.strip():
                self.problem(mark, path, "must not be empty")
                raise _Invalid
            return value
        if isinstance(value, (bool, int, float, YamlTimestamp)):
            self.problem(mark, path, f"YAML reads this as {describe(value)}, not text: put it in quotes")
        else:
            self.problem(mark, path, f"must be text, not {describe(value)}")
        raise _Invalid

    def kind_plain(self, f, value, mark, path) -> str:
        return self.string(value, mark, path)

    def kind_text(self, f, value, mark, path) -> Text:
        if not isinstance(value, Mapping):
            return Text(self.string(value, mark, path))
        texts = {}
        for language, text in value.items():
            if text is REFUSED:
                self.failed = True
                texts[language] = text
                continue
            if not _LANGUAGE.fullmatch(language):
                self.problem(value.key_marks[language], f"{path}.{language}", "keys of a localised text are language codes such as en or fr")
                continue
            texts[language] = self.string(text, value.marks[language], f"{path}.{language}")
        if "en" not in texts:
            self.problem(mark, path, "a localised text needs its English version under 'en'")
            raise _Invalid
        if REFUSED in texts.values():
            raise _Invalid  # the loader has said why
        english = texts.pop("en")
        return Text(english, tuple(sorted(texts.items())))

    def kind_id(self, f, value, mark, path) -> str:
        text = self.string(value, mark, path)
        if len(text) > ID_MAX_LENGTH:
            self.problem(mark, path, f"'{text}' is longer than {ID_MAX_LENGTH} characters")
            raise _Invalid
        if not _ID.fullmatch(text):
            self.problem(mark, path, f"'{text}' is not a valid id: lower-case letters and digits in words joined by single hyphens (e.g. iran-drones-2022)")
            raise _Invalid
        return text

    def kind_word(self, f, value, mark, path) -> str:
        text = self.string(value, mark, path)
        if not _ID.fullmatch(text):
            self.problem(mark, path, f"'{text}' is not a valid word here: lower-case letters and digits joined by single hyphens (e.g. air-defence)")
            raise _Invalid
        return text

    def kind_date(self, f, value, mark, path):
        try:
            return parse_date(value)
        except DateError as error:
            self.problem(mark, path, str(error))
            raise _Invalid from None

    def kind_boolean(self, f, value, mark, path) -> bool:
        if not isinstance(value, bool):
            self.problem(mark, path, f"must be true or false, not {describe(value)}")
            raise _Invalid
        return value

    def kind_positive_int(self, f, value, mark, path) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.problem(mark, path, f"must be a positive whole number, not {describe(value)}")
            raise _Invalid
        return value

    def kind_quantity(self, f, value, mark, path):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return self.kind_positive_int(f, value, mark, path)
        if isinstance(value, (str, Mapping)) and not isinstance(value, YamlTimestamp):
            return self.kind_text(f, value, mark, path)
        self.problem(mark, path, f"must be a positive whole number or text such as 'hundreds', not {describe(value)}")
        raise _Invalid

    def kind_choice(self, f, value, mark, path) -> str:
        text = self.string(value, mark, path)
        if text not in f.choices:
            self.problem(mark, path, f"'{text}' is not one of: {', '.join(f.choices)}{did_you_mean(text, f.choices)}")
            raise _Invalid
        return text

    def kind_url(self, f, value, mark, path) -> str:
        text = self.string(value, mark, path)
        try:
            parts = urlsplit(text.strip())
        except ValueError:
            parts = None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in text.strip()):
            self.problem(mark, path, f"'{text}' is not an http or https address")
            raise _Invalid
        return text.strip()

    def kind_seed_file(self, f, value, mark, path) -> str:
        text = self.string(value, mark, path)
        relative = PurePosixPath(text)
        if relative.is_absolute() or ".." in relative.parts or "\\" in text:
            self.problem(mark, path, f"'{text}' must be a path inside seeds/, without '..'")
            raise _Invalid
        try:
            if (self.seeds.dir / relative).is_dir():
                self.problem(mark, path, f"seeds/{text} is a folder, not a file")
                raise _Invalid
            if not (self.seeds.dir / relative).is_file():
                self.problem(mark, path, f"seeds/{text} does not exist")
                raise _Invalid
            self.seeds.text(relative.as_posix())
        except UnicodeDecodeError as error:
            self.problem(mark, path, f"seeds/{text} is not UTF-8 text ({error.reason} at byte {error.start})")
            raise _Invalid from None
        except OSError as error:
            self.problem(mark, path, f"seeds/{text} cannot be read ({error.strerror})")
            raise _Invalid from None
        return relative.as_posix()

    def kind_language(self, f, value, mark, path) -> str:
        text = self.string(value, mark, path)
        if not _LANGUAGE.fullmatch(text):
            self.problem(mark, path, f"'{text}' is not a BCP 47 language tag such as fr or en-GB")
            raise _Invalid
        return text

    # -- structured kinds --------------------------------------------------------------

    def mapping(self, value, mark: Mark, path: str, what: str) -> Mapping:
        if not isinstance(value, Mapping):
            self.problem(mark, path, f"must be a {what} (a mapping of field: value), not {describe(value)}")
            raise _Invalid
        return value

    def nested(self, value, mark, path: str, what: str, declared) -> dict:
        """The fields of a record within the record (a citation, a claim); invalid if any is."""
        data = self.mapping(value, mark, path, what)
        failed_before, self.failed = self.failed, False
        values = self.fields(data, declared, path, f"a {what}")
        failed, self.failed = self.failed, failed_before or self.failed
        if failed:
            raise _Invalid
        return values

    def citation(self, f, value, mark, path) -> Citation:
        values = self.nested(value, mark, path, "citation", _CITATION_FIELDS)
        return Citation(values["source"], values["quote"], values["translation"], path)

    def claim(self, f, value, mark, path) -> Claim:
        values = self.nested(value, mark, path, "claim", _CLAIM_FIELDS)
        return Claim(values["by"], values["stance"], values["sources"])


_LIST_KINDS = {"ids", "texts", "plains", "words", "choices", "citations", "claims"}
_ITEM_KIND = {
    "choices": "kind_choice",
    "ids": "kind_id",
    "texts": "kind_text",
    "plains": "kind_plain",
    "words": "kind_word",
    "citations": "citation",
    "claims": "claim",
}
_KIND_METHOD = {name[len("kind_"):]: name for name in dir(_Shaper) if name.startswith("kind_")}  # "date" -> "kind_date"


_CITATION_FIELDS = {f.name: f for f in CITATION_FIELDS}
_CLAIM_FIELDS = {f.name: f for f in CLAIM_FIELDS}


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key

