"""Where the dossier's settings require it, every text the site shows has its French version."""

from __future__ import annotations

from ..i18n import shown_texts, translation
from ..model import Record
from ..overview import overview_file
from ..problems import Mark, Problem


def untranslated(records: list[Record], overviews: dict, lang: str = "fr") -> list[Problem]:
    """A problem for every shown text without its `lang` version, and for a missing overview."""
    problems = []
    for record in records:
        for path, text in shown_texts(record):
            if translation(text, lang) is None:
                problems.append(Problem(
                    record.mark_of(path),
                    f"no French text: write it as {{en: \"…\", fr: \"…\"}} (or en: and fr: on lines of their own)",
                    record.id, path,
                ))
    if "en" in overviews and lang not in overviews:
        problems.append(Problem(Mark(overview_file(lang), 1, 1), f"missing: the overview in French, beside {overview_file('en')}"))
    return problems


def share_translated(records: list[Record], lang: str = "fr") -> dict[str, tuple[int, int]]:
    """Per collection: how many of the texts the site shows have their `lang` version, of how many."""
    shares: dict[str, tuple[int, int]] = {}
    for record in records:
        for _, text in shown_texts(record):
            done, total = shares.get(record.collection, (0, 0))
            shares[record.collection] = (done + (translation(text, lang) is not None), total + 1)
    return shares

