"""Citation markers in text: sentences, and which of them end with a marker."""

from __future__ import annotations

import pytest

from dossier.markers import Marker, named_markers, pieces, sentences, without_markers


def test_sentences_end_at_a_full_stop_before_a_capital_and_say_whether_they_are_marked():
    text = "Tanks entered Ukraine.[2] Writing a year later, it dates the turn from then.[1, 3] Nothing backs this. \"Quoted\" words end here [4]."
    assert sentences(text) == [
        ("Tanks entered Ukraine.[2]", True),
        ("Writing a year later, it dates the turn from then.[1, 3]", True),
        ("Nothing backs this.", False),
        ('"Quoted" words end here [4].', True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The attacks began c. October 2022 in Ukraine.[1]",
        "J. Kirby said so.[1]",
        "Iran hoped to obtain Su-35 fighters (e.g. for its fleet) in 2023.[1]",
        "Around 10,000 soldiers, per the article.[1]",
    ],
)
def test_abbreviations_initials_and_numbers_do_not_end_a_sentence(text):
    assert sentences(text) == [(text, True)]


def test_a_marker_inside_a_sentence_does_not_mark_its_end():
    assert sentences("Tehran first denied it,[2] then admitted sending drones.") == [("Tehran first denied it,[2] then admitted sending drones.", False)]


def test_a_marker_after_a_space_still_ends_its_sentence():
    assert sentences("One claim. [1] Another one.[2]") == [("One claim. [1]", True), ("Another one.[2]", True)]


def test_a_role_without_a_full_stop_is_one_sentence():
    assert sentences("President of Iran (January 2025)[1]") == [("President of Iran (January 2025)[1]", True)]
    assert sentences("President of Iran (January 2025)") == [("President of Iran (January 2025)", False)]


def test_french_sentences_may_open_with_an_accented_capital_or_a_quotation_mark():
    text = "Le président est arrivé.[1] À Moscou, il a parlé.[2] « Axe du Mal », disent certains.[3]"
    assert [s.marked for s in sentences(text)] == [True, True, True]


def test_pieces_and_the_text_without_markers():
    assert pieces("a,[2] then b.[1, 3]") == ["a,", Marker((2,), 2, 5), " then b.", Marker((1, 3), 13, 19)]
    assert without_markers("a,[2] then b.[1, 3] c [4].") == "a, then b. c."
    assert without_markers("No marker [sic] here.") == "No marker [sic] here."


def test_overview_markers_name_records_and_links_are_no_markers():
    text = "Russia [invaded](#russia-invades-ukraine) in 2022.[russia-invades-ukraine 1, 2; ukraine 3] Then [more 2](#x)."
    (marker,) = named_markers(text)
    assert marker.citations == (("russia-invades-ukraine", 1), ("russia-invades-ukraine", 2), ("ukraine", 3))
    assert [s.marked for s in sentences(text, overview=True)] == [True, False]


def test_the_overview_keeps_the_space_between_a_marker_and_a_link():
    """"….[north-korean-troops-kursk 1] [Jens Stoltenberg](…)" read "[48]Jens Stoltenberg"."""
    from dossier.overview import parse_overview

    (paragraph,) = parse_overview("Troops are in Kursk.[troops 1] [Jens Stoltenberg](#warning) warned.[warning 2]\n")
    texts = [piece.text for piece in paragraph.pieces]
    assert texts[:4] == ["Troops are in Kursk.", "[troops 1]", " ", "Jens Stoltenberg"], texts
