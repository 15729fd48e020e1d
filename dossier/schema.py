"""The data contract's shape, declared once.

The shape check, the record model, the methodology page and the editors' JSON Schema
all read this module; nothing else lists fields or vocabularies.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MAX_LENGTH = 80
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"  # a BCP 47 tag: fr, en-GB


@dataclass(frozen=True)
class Field:
    """One field of a record.

    kind is one of: id, ids, text, texts, plain, plains, words, date, boolean,
    positive_int, quantity, choice, choices, url, seed_file, language, citations, claims.
    refers_to names the collection an id points at (any collection when "*");
    actor_kind narrows an actor reference to states or persons.
    """

    name: str
    kind: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    refers_to: str | None = None
    actor_kind: str | None = None
    min_items: int = 0


@dataclass(frozen=True)
class Choice:
    value: str
    meaning: str = ""


STATUSES = (
    Choice("confirmed", "acknowledged by the parties, or established beyond doubt in the sources"),
    Choice("reported", "reported by the sources, not confirmed by the parties"),
    Choice("alleged", "asserted by a party, and denied or unconfirmed by the party concerned"),
    Choice("planned", "reported as intended or announced, not (yet) done per the sources"),
    Choice("requested", "sought by one side, not delivered per the sources"),
    Choice("possible", "reported as possible or under consideration, not as sought, planned or done per the sources"),
)
AGREEMENT_STATUSES = tuple(Choice(v) for v in ("proposed", "negotiating", "signed", "ratified", "in-force", "lapsed"))
STANCES = (
    Choice("asserts", "says it is so"),
    Choice("denies", "says it is not so"),
    Choice("admits", "concedes it is so, having denied it or kept silent"),
)
ACTOR_KINDS = tuple(Choice(v) for v in ("state", "person", "organisation", "group"))
EVENT_CATEGORIES = tuple(Choice(v) for v in ("military", "diplomatic", "economic", "sanctions", "political", "context"))
TRANSFER_CATEGORIES = tuple(
    Choice(v) for v in ("drones", "missiles", "aircraft", "air-defence", "munitions", "production", "technology", "other")
)
AGREEMENT_KINDS = tuple(Choice(v) for v in ("treaty", "agreement", "memorandum", "pact", "other"))
# What the build warns an editor of, where the data may mean it (checks/plausibility.py).
WARNINGS = (
    Choice("after-its-sources", "dated after every source it cites, and not planned"),
    Choice("planned-before-its-source", "planned, yet dated before the source that reports the plan"),
    Choice("long-period", "a period of more than 25 years"),
    Choice("status-differs-for-a-quote", "a quote that backs one record as confirmed or reported and another as alleged"),
)


def _values(choices) -> tuple[str, ...]:
    return tuple(c.value for c in choices)


CITATION_FIELDS = (
    Field("source", "id", "the id of the cited source", required=True, refers_to="sources"),
    Field("quote", "plain", "the source's own words, verbatim; verified against its file", required=True),
    Field("translation", "plain", "an English translation of the quote"),
)
CLAIM_FIELDS = (
    Field("by", "id", "the actor who makes the claim", required=True, refers_to="actors"),
    Field("stance", "choice", "what the actor says of it", required=True, choices=_values(STANCES)),
    Field("sources", "citations", "where the claim is reported", required=True, min_items=1),
)

_ID = Field("id", "id", "permanent identifier: the record's anchor and link; never derived from the title", required=True)
_FORMER = Field("former_ids", "ids", "ids this record had before; links to them keep working")
_TAGS = Field("tags", "words", "words in the id syntax")
_NOTE = Field("note", "text", "an editor's note, shown as such")
_SUMMARY = Field("summary", "text", "a short English account")
_RELATED = Field("related", "ids", "ids of related records, of any collection", refers_to="*")
_DATE = Field("date", "date", "YYYY, YYYY-MM or YYYY-MM-DD", required=True)
_DATE_END = Field("date_end", "date", "closes a period; not before the start of date")
_APPROXIMATE = Field("approximate", "boolean", "true marks the date 'c.'")
_STATUS = Field("status", "choice", "how established the statement is", required=True, choices=_values(STATUSES))
_CLAIMS = Field("claims", "claims", "who says what about it")
_ACKNOWLEDGED = Field("acknowledged", "choices", "warnings the editors mean, not to be given again", choices=_values(WARNINGS))


def _sources(required: bool) -> Field:
    return Field("sources", "citations", "citations: source id and verbatim quote", required=required, min_items=1 if required else 0)


COLLECTION_FIELDS: dict[str, tuple[Field, ...]] = {
    "sources": (
        _ID,
        Field("title", "plain", "the title as published, in its own language", required=True),
        Field("date", "date", "publication date", required=True),
        Field("language", "language", "BCP 47 language tag, e.g. fr", required=True),
        Field("title_en", "text", "the title in English"),
        Field("publisher", "plain", "who published it (leave out rather than guess)"),
        Field("url", "url", "http or https address"),
        Field("file", "seed_file", "the text of the document, relative to seeds/"),
        _FORMER,
        _TAGS,
        _NOTE,
    ),
    "actors": (
        _ID,
        Field("name", "text", "name in English", required=True),
        Field("kind", "choice", "what the actor is", required=True, choices=_values(ACTOR_KINDS)),
        Field("country", "id", "the state the actor belongs to", refers_to="actors", actor_kind="state"),
        Field("roles", "texts", "roles as the sources give them, e.g. 'President of Iran (from 2024)'"),
        Field("aliases", "plains", "other spellings and names; search finds them"),
        _SUMMARY,
        _sources(required=False),
        _FORMER,
        _TAGS,
        _NOTE,
    ),
    "events": (
        _ID,
        _DATE,
        Field("title", "text", "what happened, in a line", required=True),
        Field("category", "choice", "the kind of event", required=True, choices=_values(EVENT_CATEGORIES)),
        Field("actors", "ids", "actors involved", required=True, refers_to="actors", min_items=1),
        _STATUS,
        _sources(required=True),
        _DATE_END,
        _APPROXIMATE,
        _SUMMARY,
        _CLAIMS,
        _RELATED,
        _FORMER,
        _TAGS,
        _NOTE,
        _ACKNOWLEDGED,
    ),
    "transfers": (
        _ID,
        Field("supplier", "id", "the actor supplying", required=True, refers_to="actors"),
        Field("recipient", "id", "the actor receiving", required=True, refers_to="actors"),
        Field("item", "text", "what was transferred, as precise as the sources allow", required=True),
        Field("category", "choice", "the kind of transfer", required=True, choices=_values(TRANSFER_CATEGORIES)),
        _DATE,
        _STATUS,
        _sources(required=True),
        Field("quantity", "quantity", "a positive integer, or text such as 'hundreds'"),
        _DATE_END,
        _APPROXIMATE,
        _CLAIMS,
        _RELATED,
        _SUMMARY,
        _FORMER,
        _TAGS,
        _NOTE,
        _ACKNOWLEDGED,
    ),
    "agreements": (
        _ID,
        Field("title", "text", "the agreement's name in English", required=True),
        Field("kind", "choice", "the kind of agreement", required=True, choices=_values(AGREEMENT_KINDS)),
        Field("parties", "ids", "the parties", required=True, refers_to="actors", min_items=2),
        Field("status", "choice", "where the agreement stands", required=True, choices=_values(AGREEMENT_STATUSES)),
        _sources(required=True),
        Field("title_original", "text", "the title in its original language"),
        Field("signatories", "ids", "the persons who signed", refers_to="actors", actor_kind="person"),
        Field("signed", "date", "when it was signed"),
        Field("location", "text", "where it was signed"),
        Field("duration_years", "positive_int", "how many years it runs"),
        Field("areas", "words", "fields it covers, e.g. trade, defence"),
        _SUMMARY,
        _RELATED,
        _FORMER,
        _TAGS,
        _NOTE,
        _ACKNOWLEDGED,
    ),
}

# Singular names, for messages and page text.
RECORD_NOUN = {"sources": "source", "actors": "actor", "events": "event", "transfers": "transfer", "agreements": "agreement"}


@functools.cache
def fields_of(collection: str) -> dict[str, Field]:
    return {f.name: f for f in COLLECTION_FIELDS[collection]}
