"""The folding applied to quotes and sources before one is looked for in the other."""

from __future__ import annotations

import unicodedata

import pytest

from dossier.folding import fold, longest_found_part
from dossier.seeds import Seeds

from .conftest import copy_valid_case, problems_of

COMPOSED = "\u00e9"  # é
DECOMPOSED = "e\u0301"  # e + combining acute accent


def found(quote: str, source: str) -> bool:
    return fold(quote) in fold(source)


def test_nfc_decomposed_matches_composed():
    assert fold(f"caf{DECOMPOSED}") == f"caf{COMPOSED}"
    assert found(f"caf{DECOMPOSED}", f"un caf{COMPOSED} noir")
    assert found(f"caf{COMPOSED}", f"un caf{DECOMPOSED} noir")
    assert unicodedata.is_normalized("NFC", fold(f"R{DECOMPOSED}publique"))


@pytest.mark.parametrize(
    ("mark", "folded"),
    [("\u2019", "'"), ("\u2018", "'"), ("\u00ab", '"'), ("\u00bb", '"'), ("\u201c", '"'), ("\u201d", '"')],
    ids=["right-single", "left-single", "guillemet-open", "guillemet-close", "left-double", "right-double"],
)
def test_typographic_marks_are_mapped(mark, folded):
    assert fold(f"a{mark}b") == f"a{folded}b"


def test_apostrophes_match_either_way():
    assert found("l’envoi d’armes", "l'envoi d'armes")
    assert found("l'envoi d'armes", "l\u2018envoi d\u2019armes")


@pytest.mark.parametrize("space", ["\u00a0", "\u202f"], ids=["no-break", "narrow-no-break"])
def test_no_break_spaces_are_spaces(space):
    assert fold(f"10{space}ans") == "10 ans"
    assert found("10 ans", f"un traité de 10{space}ans")
    assert found(f"10{space}ans", "un traité de 10 ans")


def test_spaces_just_inside_quotation_marks_are_dropped():
    # both sides are folded the same way, so spaces on both sides of every mark are dropped
    assert fold('de « x » à') == 'de"x"à'

    assert fold("« douze radars »") == '"douze radars"'
    assert fold("«\u00a0douze radars\u00a0»") == '"douze radars"'
    assert fold("«\u202fx\u202f»") == '"x"'
    assert fold("“ x ”") == '"x"'
    assert found('"x"', "il dit « x » puis")
    assert found("« x »", 'il dit "x" puis')
    assert found('de "douze radars mobiles"', "l’envoi de « douze radars mobiles » à")


def test_runs_of_white_space_become_one_space_and_ends_are_trimmed():
    assert fold("  a \t b\n\n c\r\n") == "a b c"
    assert found("signed   in\nLorn", "was signed in Lorn on")


def test_folding_does_not_change_letters_case_or_other_punctuation():
    assert fold("Téhéran, PUTIN; l'Iran!") == "Téhéran, PUTIN; l'Iran!"
    assert not found("teheran", "Téhéran")
    assert not found("Lorn", "lorn")


def test_fold_is_idempotent():
    text = "«\u00a0Le ministre\u202f»  a dit\u2019e\u0301 “ x ”"
    assert fold(fold(text)) == fold(text)


def test_seeds_fold_the_file_once_and_find_folded_quotes(tmp_path):
    (tmp_path / "doc.txt").write_text("\ufeffLe ministre a confirm\u00e9 l\u2019envoi de «\u00a0douze radars\u00a0».\n", encoding="utf-8")
    seeds = Seeds(tmp_path)
    assert seeds.contains("doc.txt", "a confirme\u0301 l'envoi de \"douze radars\"")
    assert not seeds.contains("doc.txt", "l'envoi de treize radars")
    assert seeds.folded("doc.txt") == "Le ministre a confirm\u00e9 l'envoi de\"douze radars\"."


def test_a_decomposed_quote_is_found_through_the_whole_pipeline(tmp_path):
    root = copy_valid_case(tmp_path)
    path = root / "data/transfers.yaml"
    text = path.read_text(encoding="utf-8")
    quote = '"« douze radars mobiles » à la République d’Ostrava"'
    assert quote in text
    decomposed = unicodedata.normalize("NFD", '"“douze\u00a0radars  mobiles” à\u202fla République d\u2018Ostrava"')
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    path.write_text(text.replace(quote, decomposed), encoding="utf-8")
    assert problems_of(root) == []
    path.write_text(text.replace(quote, decomposed.replace("Ostrava", "Ostrova")), encoding="utf-8")
    assert problems_of(root) == [
        "data/transfers.yaml:17:14: radars-to-ostrava: sources[0].quote: quote not found in seeds/press/gazette.txt;"
        ' the longest part of it that is there: "“douze radars mobiles” à la République"'
    ]


# -- longest_found_part -----------------------------------------------------------------


def test_longest_found_part_is_the_longest_run_of_the_quotes_words():
    source = fold("The treaty of friendship was signed in Lorn on 2 June 2021 by the two foreign ministers.")
    assert longest_found_part("The treaty of friendship was signed in Paris on 2 June 2021", source) == "The treaty of friendship was signed in"
    assert longest_found_part("Signed in Paris on 2 June 2021 by the two foreign ministers", source) == "on 2 June 2021 by the two foreign ministers"
    assert longest_found_part("nothing here", source) == ""


def test_longest_found_part_folds_the_quote():
    source = fold("l’envoi de « douze radars mobiles » à la République")
    # the hint is matched folded, and given in the editor's own words
    assert longest_found_part("l'envoi de \"douze radars\" à Ravna", source) == "l'envoi de \"douze"
    assert longest_found_part("« douze radars mobiles » à Ravna", source) == "« douze radars mobiles » à"
    assert longest_found_part("in Ravna", fold("the bulletin")) == "", "a part of a word is not a word"

