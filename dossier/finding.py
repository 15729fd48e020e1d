"""What helps a reader find an entry: the facets the filters narrow by, and the search terms
that find an entry by words it does not show as written."""

from __future__ import annotations

import functools
import re
import unicodedata

from .i18n import localised
from .model import Record, Text


def facets(record: Record) -> dict[str, str]:
    """What a reader can narrow the timeline and the transfers by: category, status, actor, year."""
    actors = [target for _, target, f in record.references() if f.refers_to == "actors"]
    return {
        "category": record.category,
        "status": record.status,
        "actors": " ".join(dict.fromkeys(actors)),
        "year": str(record.date.year),
    }


def search_terms(record: Record, records, lang: str = "en") -> str:
    """Words that find the entry though they are not on it as written: its id, the names
    and aliases of the actors it names (in either language), and its accented words without
    their accents (so that "teheran" finds "Téhéran"), for search engines that do not fold
    accents. `lang`: the edition, whose text the entry shows."""
    named = [records[target] for _, target, _ in record.references() if target in records]
    aliases = [alias for actor in named if actor.collection == "actors" for alias in (*actor.aliases, *_other_names(actor, lang))]
    words = _WORD.findall(" ".join(text for text in _texts(record, lang) if not text.isascii()))
    unaccented = [plain for plain in (_strip_accents(w) for w in words if not w.isascii()) if plain.isascii()]
    return " ".join(dict.fromkeys([record.id, *aliases, *unaccented]))


_WORD = re.compile(r"\w+")


def _other_names(actor: Record, lang: str):
    """An actor's name in the other languages: a French reader of the English edition types "Poutine"."""
    name = actor.values.get("name")
    if not isinstance(name, Text):
        return ()
    return tuple(text for language, text in (("en", name.en), *name.translations) if language != lang)


def _texts(record: Record, lang: str):
    for value in record.values.values():
        if isinstance(value, Text):
            yield localised(value, lang)
        elif isinstance(value, str):
            yield value
    for citation in record.citations:
        yield citation.quote
    for alias in record.values.get("aliases") or ():
        yield alias


@functools.lru_cache(maxsize=1 << 16)
def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def alphabetical(text: str) -> str:
    """A sorting key as a reader's alphabet has it: « États-Unis » among the e's, not after z."""
    return _strip_accents(text).casefold()


def name_words(records) -> list[str]:
    """Every word of four letters or more in the actors' names and aliases, in every language,
    folded (lower case, no accents): the words the search worker corrects a misspelt query word
    to ("Pezeshkan" -> "pezeshkian"), when the query as typed finds nothing."""
    words = set()
    for actor in records.values():
        if actor.collection != "actors":
            continue
        name = actor.values.get("name")
        names = [name.en, *(text for _, text in name.translations)] if isinstance(name, Text) else [str(name or "")]
        for text in (*names, *actor.aliases):
            words.update(w for w in _WORD.findall(_strip_accents(text).lower()) if len(w) >= 4 and not w.isdigit())
    return sorted(words)
