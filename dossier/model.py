"""The checked dataset: immutable records and the indexes every page needs."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Mapping as MappingType

from .coverage import Coverage, coverage as text_coverage
from .dates import PartialDate
from .history import History
from .schema import CITATION_FIELDS, CLAIM_FIELDS, fields_of
from .problems import Mark
from .settings import Settings


@dataclass(frozen=True)
class Text:
    """Localised text: English is always there; other languages are kept by code."""

    en: str
    translations: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return self.en


@dataclass(frozen=True)
class Citation:
    source: str
    quote: str
    translation: str | None
    path: str  # where it stands in its record, e.g. "claims[0].sources[1]"


@dataclass(frozen=True)
class Claim:
    by: str
    stance: str
    sources: tuple[Citation, ...]


LABEL_FIELDS = {"actors": "name", "transfers": "item"}  # any other collection's records: "title"


@dataclass(frozen=True)
class Record:
    """One record of any collection; its fields are the schema's, absent ones None or ()."""

    collection: str
    id: str
    values: MappingType[str, Any]
    mark: Mark
    marks: MappingType[str, Mark] = field(repr=False)  # field path -> where its value was written

    def __post_init__(self):
        # Fields are read as attributes (record.title) some 300,000 times at 10,000 records:
        # kept in the instance's own namespace too, Python finds them at once, where through
        # __getattr__ each read first raised and caught an AttributeError.
        identity = self.id
        self.__dict__.update(self.values)
        self.__dict__["id"] = identity

    def __getattr__(self, name: str):
        # Reached only for a name that is no field: every field is in the instance's namespace.
        raise AttributeError(f"{self.__dict__.get('collection', 'this')} record has no field '{name}'")

    def mark_of(self, path: str) -> Mark:
        """Where `path` (e.g. "actors[1]") was written, or its nearest written parent."""
        while path:
            if path in self.marks:
                return self.marks[path]
            path = path.rpartition(".")[0] if "." in path else path.partition("[")[0] if "[" in path else ""
        return self.mark

    @functools.cached_property  # records never change; pages ask many times
    def citations(self) -> tuple[Citation, ...]:
        """Every citation in the record, its claims' included."""
        own = self.values.get("sources") or ()
        return tuple(own) + tuple(c for claim in self.values.get("claims") or () for c in claim.sources)

    @property
    def label_field(self) -> str:
        """The field that names the record: an actor's name, a transfer's item, anything else's title."""
        return LABEL_FIELDS.get(self.collection, "title")

    @functools.cached_property  # records never change; pages ask many times
    def label(self) -> str:
        """What the record is called, in English."""
        return str(self.values[self.label_field])

    def references(self) -> tuple:
        """(path, id, field) for every id this record names, claims and citations included."""
        return self._references

    @functools.cached_property  # records never change once built; pages ask many times
    def _references(self) -> tuple:
        return tuple(self._each_reference())

    def _each_reference(self):
        for f in fields_of(self.collection).values():
            value = self.values.get(f.name)
            if not f.refers_to or value is None:
                continue
            if isinstance(value, tuple):
                yield from ((f"{f.name}[{i}]", v, f) for i, v in enumerate(value))
            else:
                yield f.name, value, f
        for i, claim in enumerate(self.values.get("claims") or ()):
            yield f"claims[{i}].by", claim.by, CLAIM_FIELDS[0]
        for citation in self.citations:
            yield f"{citation.path}.source", citation.source, CITATION_FIELDS[0]

    @functools.cached_property  # records never change; pages ask many times
    def when(self) -> PartialDate | None:
        """The date that places the record: an agreement's signature, anything else's date."""
        return self.values.get("signed" if self.collection == "agreements" else "date")

    @functools.cached_property  # sorting compares plain tuples of numbers, in C
    def sort_key(self) -> tuple:
        date = self.when
        return (date is None, (date.year, date.month, date.day) if date else (0, 0, 0), self.id)


@dataclass(frozen=True)
class Dossier:
    records: MappingType[str, Record]  # by id
    former_ids: MappingType[str, str]  # former id -> current id
    texts: MappingType[str, str]  # the text of each source file (relative to seeds/)
    overviews: MappingType[str, tuple] = field(default_factory=dict)  # the home page's paragraphs, by language (overview.py)
    settings: Settings = Settings()  # what the dossier requires of its data (see settings.py)
    history: History = History(missing="not read")  # each record's versions, from git (history.py)

    @property
    def overview(self) -> tuple:
        """The English overview's paragraphs."""
        return self.overviews.get("en", ())

    def overview_in(self, lang: str) -> tuple[tuple, str]:
        """The overview in `lang`, or the English one standing in; and the language it is in."""
        return (self.overviews[lang], lang) if lang in self.overviews else (self.overview, "en")

    def of(self, collection: str) -> list[Record]:
        """A collection's records in the order the site shows them."""
        return list(self._sorted.get(collection, ()))

    @functools.cached_property
    def _sorted(self) -> dict[str, tuple[Record, ...]]:
        by_collection: dict[str, list[Record]] = {}
        for record in sorted(self.records.values(), key=lambda r: r.sort_key):
            by_collection.setdefault(record.collection, []).append(record)
        return {name: tuple(records) for name, records in by_collection.items()}

    # Each source's coverage once computed, by source id.
    _coverage: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def coverage(self) -> dict[str, Coverage]:
        """Each source that has a text, with its sentences and the records quoting them (see coverage.py)."""
        return {source.id: self.coverage_of(source) for source in self.of("sources") if source.file}

    def coverage_of(self, source: Record) -> Coverage | None:
        """One source's Coverage (None if it has no text), computed when first asked for."""
        if source.id not in self._coverage:
            self._coverage[source.id] = text_coverage(self.texts[source.file], self._quotes.get(source.id, [])) if source.file else None
        return self._coverage[source.id]

    @functools.cached_property
    def _quotes(self) -> dict[str, list[tuple[str, str]]]:
        """Each source's quotes, as (id of the record quoting it, quote), in record order."""
        quotes: dict[str, list[tuple[str, str]]] = {}
        for record in self.records.values():
            for citation in record.citations:
                quotes.setdefault(citation.source, []).append((record.id, citation.quote))
        return quotes


def build_dossier(records: list[Record], texts: MappingType[str, str], overviews=None, settings: Settings = Settings()) -> Dossier:
    return Dossier(
        records={r.id: r for r in records},
        former_ids={old: r.id for r in records for old in r.former_ids},
        texts=texts,
        overviews={lang: tuple(paragraphs) for lang, paragraphs in (overviews or {}).items()},
        settings=settings,
    )
