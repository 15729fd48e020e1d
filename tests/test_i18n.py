"""The edition's words: French grammar and order where the English has none to show."""

from __future__ import annotations

import pytest

from dossier.finding import alphabetical
from dossier.i18n import Words


@pytest.mark.parametrize("period, said", [("octobre 2022", "d'octobre 2022"), ("avril 2023", "d'avril 2023"), ("août 2022", "d'août 2022"), ("mars 2021", "de mars 2021"), ("2021", "de 2021")])
def test_a_french_date_elides_de_before_a_month_that_begins_with_a_vowel(period, said):
    assert Words("fr")("entry dated {period}", period=period) == f"entrée datée {said}"


def test_a_word_with_a_context_reads_without_it_in_english_and_agrees_in_french():
    assert Words("en")("any|category") == "any" and Words("en")("any|status") == "any"
    assert Words("fr")("any|category") == "toutes" and Words("fr")("any|status") == "tous"


def test_names_sort_as_a_readers_alphabet_has_them():
    names = ["Ukraine", "États-Unis", "Iran", "Égypte", "Russie", "élus"]
    assert sorted(names, key=alphabetical) == ["Égypte", "élus", "États-Unis", "Iran", "Russie", "Ukraine"]


@pytest.mark.parametrize("code, english, french", [("fr", "French", "français"), ("en", "English", "anglais"), ("fr-CA", "French (fr-CA)", "français (fr-CA)"), ("ka", "ka", "ka")])
def test_a_sources_language_is_named_in_the_editions_language(code, english, french):
    assert Words("en").language(code) == english and Words("fr").language(code) == french
