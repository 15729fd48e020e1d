"""Sentence coverage of a source: which of its sentences the dossier quotes, and by which records."""

from __future__ import annotations

from dossier.coverage import coverage, split_sentences


def test_sentences_split_at_end_marks_and_line_breaks():
    text = 'Un titre\n\nIl a dit « oui ». Puis il est parti... "Non", a-t-il dit. Fin?\nLégende photo'
    assert split_sentences(text) == ["Un titre", "Il a dit « oui ».", "Puis il est parti...", '"Non", a-t-il dit.', "Fin?", "Légende photo"]


def test_a_number_with_a_space_or_an_abbreviation_does_not_end_a_sentence():
    assert split_sentences("Au moins 10 000 soldats. Le 47e président, M. Trump.") == ["Au moins 10 000 soldats.", "Le 47e président, M. Trump."]


def test_a_sentence_is_cited_when_a_quote_overlaps_it_and_lists_each_record_once():
    text = "Première phrase ici. Deuxième phrase là. Troisième phrase."
    result = coverage(text, [("a", "phrase ici. Deuxième"), ("b", "Troisième"), ("a", "Première")])
    assert [s.cited_by for s in result.sentences] == [("a",), ("a",), ("b",)]
    assert (result.cited, result.total) == (3, 3)


def test_folding_applies_so_typographic_quotes_still_count():
    text = "L’Iran a dit « non ». Rien d’autre."
    result = coverage(text, [("r", "L'Iran a dit \"non\"")])
    assert [bool(s.cited_by) for s in result.sentences] == [True, False]
    assert (result.cited, result.total) == (1, 2)
