"""The shape of each record: known fields, required fields, types and vocabularies.

Each test adds a record, in a file of its own under data/<collection>/, to a copy of the
valid dataset (both file forms load together), so line numbers count from that file's top.
"""

from __future__ import annotations

import pytest

from ..conftest import problems_of
from .records import ACTOR, AGREEMENT, EVENT, SOURCE, TEMPLATES, TRANSFER, added, replaced

@pytest.mark.parametrize("collection", list(TEMPLATES))
def test_the_templates_are_valid(valid_root, collection):
    assert added(valid_root, collection, TEMPLATES[collection]) == []


# -- unknown fields ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("collection", "line", "expected"),
    [
        ("events", "  titel: x\n", "data/events/new.yaml:10:3: new-event: titel: unknown field for event (did you mean 'title'?)"),
        ("events", "  relatd: [ravna]\n", "data/events/new.yaml:10:3: new-event: relatd: unknown field for event (did you mean 'related'?)"),
        ("transfers", "  quantty: 3\n", "data/transfers/new.yaml:11:3: new-transfer: quantty: unknown field for transfer (did you mean 'quantity'?)"),
        ("agreements", "  partys: [ravna]\n", "data/agreements/new.yaml:9:3: new-agreement: partys: unknown field for agreement (did you mean 'parties'?)"),
        ("actors", "  alias: [x]\n", "data/actors/new.yaml:4:3: new-actor: alias: unknown field for actor (did you mean 'aliases'?)"),
        ("sources", "  publishr: X\n", "data/sources/new.yaml:5:3: new-source: publishr: unknown field for source (did you mean 'publisher'?)"),
        ("sources", "  colour: blue\n", "data/sources/new.yaml:5:3: new-source: colour: unknown field for source"),
        ("actors", "  Name: X\n", "data/actors/new.yaml:4:3: new-actor: Name: unknown field for actor (did you mean 'name'?)"),
    ],
)
def test_an_unknown_field_is_reported_with_the_closest_known_field(valid_root, collection, line, expected):
    assert added(valid_root, collection, TEMPLATES[collection] + line) == [expected]


def test_an_unknown_field_in_a_citation_or_a_claim(valid_root):
    text = EVENT.replace("      quote: signed in Lorn\n", "      quote: signed in Lorn\n      translaton: x\n") + (
        "  claims:\n"
        "    - by: ravna\n"
        "      stance: denies\n"
        "      sorces: []\n"
        "      sources:\n"
        "        - source: bulletin-2021-06\n"
        "          quote: signed in Lorn\n"
    )
    assert added(valid_root, "events", text) == [
        "data/events/new.yaml:10:7: new-event: sources[0].translaton: unknown field for a citation (did you mean 'translation'?)",
        "data/events/new.yaml:14:7: new-event: claims[0].sorces: unknown field for a claim (did you mean 'sources'?)",
    ]


# -- required fields --------------------------------------------------------------------


def test_a_missing_required_field_is_reported_at_the_record(valid_root):
    text = replaced(EVENT, "  title: A new event\n", "")
    assert added(valid_root, "events", text) == ["data/events/new.yaml:1:3: new-event: title: required field is missing (what happened, in a line)"]


def test_an_empty_required_field_is_reported_at_its_key(valid_root):
    text = replaced(TRANSFER, "  item: Radars\n", "  item:\n")
    assert added(valid_root, "transfers", text) == [
        "data/transfers/new.yaml:4:3: new-transfer: item: required field is missing (what was transferred, as precise as the sources allow)"
    ]


@pytest.mark.parametrize(
    ("collection", "old", "expected"),
    [
        ("sources", "  language: fr\n", "data/sources/new.yaml:1:3: new-source: language: required field is missing (BCP 47 language tag, e.g. fr)"),
        ("actors", "  kind: organisation\n", "data/actors/new.yaml:1:3: new-actor: kind: required field is missing (what the actor is)"),
        ("transfers", "  supplier: ravna\n", "data/transfers/new.yaml:1:3: new-transfer: supplier: required field is missing (the actor supplying)"),
        ("agreements", "  status: proposed\n", "data/agreements/new.yaml:1:3: new-agreement: status: required field is missing (where the agreement stands)"),
        ("events", "  date: 2021-05\n", "data/events/new.yaml:1:3: new-event: date: required field is missing (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ],
)
def test_each_collections_required_fields(valid_root, collection, old, expected):
    assert added(valid_root, collection, replaced(TEMPLATES[collection], old, "")) == [expected]


def test_a_record_without_id_is_reported_without_an_id(valid_root):
    text = replaced(ACTOR, "- id: new-actor\n  name: New actor\n", "- name: New actor\n")
    assert added(valid_root, "actors", text) == [
        "data/actors/new.yaml:1:3: id: required field is missing (permanent identifier: the record's anchor and link; never derived from the title)"
    ]


def test_a_citation_without_quote(valid_root):
    text = replaced(EVENT, "      quote: signed in Lorn\n", "")
    assert added(valid_root, "events", text) == [
        "data/events/new.yaml:8:7: new-event: sources[0].quote: required field is missing (the source's own words, verbatim; verified against its file)"
    ]


# -- vocabularies -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("collection", "old", "new", "expected"),
    [
        ("events", "category: military", "category: militray", "data/events/new.yaml:4:13: new-event: category: 'militray' is not one of: military, diplomatic, economic, sanctions, political, context (did you mean 'military'?)"),
        ("events", "status: reported", "status: Reported", "data/events/new.yaml:6:11: new-event: status: 'Reported' is not one of: confirmed, reported, alleged, planned, requested, possible (did you mean 'reported'?)"),
        ("transfers", "category: air-defence", "category: air defence", "data/transfers/new.yaml:5:13: new-transfer: category: 'air defence' is not one of: drones, missiles, aircraft, air-defence, munitions, production, technology, other (did you mean 'air-defence'?)"),
        ("agreements", "kind: pact", "kind: treatty", "data/agreements/new.yaml:3:9: new-agreement: kind: 'treatty' is not one of: treaty, agreement, memorandum, pact, other (did you mean 'treaty'?)"),
        ("agreements", "status: proposed", "status: in force", "data/agreements/new.yaml:5:11: new-agreement: status: 'in force' is not one of: proposed, negotiating, signed, ratified, in-force, lapsed (did you mean 'in-force'?)"),
        ("actors", "kind: organisation", "kind: organization", "data/actors/new.yaml:3:9: new-actor: kind: 'organization' is not one of: state, person, organisation, group (did you mean 'organisation'?)"),
        ("actors", "kind: organisation", "kind: company", "data/actors/new.yaml:3:9: new-actor: kind: 'company' is not one of: state, person, organisation, group"),
    ],
)
def test_a_value_outside_the_vocabulary_is_reported_with_a_hint(valid_root, collection, old, new, expected):
    assert added(valid_root, collection, replaced(TEMPLATES[collection], old, new)) == [expected]


def test_a_claims_stance_outside_the_vocabulary(valid_root):
    text = EVENT + "  claims:\n    - by: ravna\n      stance: denie\n      sources: [{source: bulletin-2021-06, quote: signed in Lorn}]\n"
    assert added(valid_root, "events", text) == [
        "data/events/new.yaml:12:15: new-event: claims[0].stance: 'denie' is not one of: asserts, denies, admits (did you mean 'denies'?)"
    ]


# -- text that YAML reads as something else ---------------------------------------------


@pytest.mark.parametrize(
    ("value", "described"),
    [
        ("yes", "the boolean true"),
        ("no", "the boolean false"),
        ("on", "the boolean true"),
        ("Off", "the boolean false"),
        ("true", "the boolean true"),
        ("2023-02-14", "the date 2023-02-14"),
        ("12", "the number 12"),
        ("1.5", "the number 1.5"),
        ("0x1F", "the number 0x1F"),
        ("1_000", "the number 1_000"),
        (".inf", "the number .inf"),
    ],
)
def test_a_text_field_yaml_reads_as_something_else_says_to_quote_it(valid_root, value, described):
    text = replaced(EVENT, "title: A new event", f"title: {value}")
    assert added(valid_root, "events", text) == [f"data/events/new.yaml:3:10: new-event: title: YAML reads this as {described}, not text: put it in quotes"]


def test_quoting_makes_it_text(valid_root):
    text = replaced(EVENT, "title: A new event", "title: 'yes'").replace("  status: reported\n", "  status: reported\n  summary: \"1e3\"\n  note: '2023-02-14'\n")
    assert added(valid_root, "events", text) == []


@pytest.mark.parametrize(
    ("collection", "old", "new", "expected"),
    [
        ("actors", "name: New actor", "name: no", "data/actors/new.yaml:2:9: new-actor: name: YAML reads this as the boolean false, not text: put it in quotes"),
        ("sources", "title: Nouvelle", "title: 2023-02-14", "data/sources/new.yaml:2:10: new-source: title: YAML reads this as the date 2023-02-14, not text: put it in quotes"),
        ("transfers", "item: Radars", "item: {en: yes}", "data/transfers/new.yaml:4:14: new-transfer: item.en: YAML reads this as the boolean true, not text: put it in quotes"),
        ("actors", "kind: organisation", "kind: organisation\n  aliases: [Poutine, 1917]", "data/actors/new.yaml:4:22: new-actor: aliases[1]: YAML reads this as the number 1917, not text: put it in quotes"),
        ("events", "      quote: signed in Lorn", "      quote: 2021", "data/events/new.yaml:9:14: new-event: sources[0].quote: YAML reads this as the number 2021, not text: put it in quotes"),
        ("events", "- id: new-event", "- id: 2023", "data/events/new.yaml:1:7: id: YAML reads this as the number 2023, not text: put it in quotes"),
    ],
)
def test_every_kind_of_text_field_says_to_quote_it(valid_root, collection, old, new, expected):
    assert added(valid_root, collection, replaced(TEMPLATES[collection], old, new)) == [expected]


@pytest.mark.parametrize(
    ("value", "message"),
    [("[a, b]", "must be text, not a list"), ("{en: ''}", "must not be empty"), ("'  '", "must not be empty"), ("''", "must not be empty")],
)
def test_a_text_field_must_be_non_empty_text(valid_root, value, message):
    text = replaced(EVENT, "title: A new event", f"title: {value}")
    field = "title.en" if value.startswith("{") else "title"
    column = 15 if value.startswith("{") else 10
    assert added(valid_root, "events", text) == [f"data/events/new.yaml:3:{column}: new-event: {field}: {message}"]


# -- numbers and booleans ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "must be a positive whole number, not the number 0"),
        ("-3", "must be a positive whole number, not the number -3"),
        ("2.5", "must be a positive whole number, not the number 2.5"),
        ("true", "must be a positive whole number or text such as 'hundreds', not the boolean true"),
        ("2023-02-14", "must be a positive whole number or text such as 'hundreds', not the date 2023-02-14"),
        ("[12]", "must be a positive whole number or text such as 'hundreds', not a list"),
    ],
)
def test_quantity_is_a_positive_whole_number_or_text(valid_root, value, message):
    text = TRANSFER + f"  quantity: {value}\n"
    assert added(valid_root, "transfers", text) == [f"data/transfers/new.yaml:11:13: new-transfer: quantity: {message}"]


@pytest.mark.parametrize("value", ["12", "1", "hundreds", "'12'", "{en: dozens, fr: des dizaines}"])
def test_quantity_accepts_numbers_and_text(valid_root, value):
    assert added(valid_root, "transfers", TRANSFER + f"  quantity: {value}\n") == []


@pytest.mark.parametrize(
    ("value", "described"),
    [("0", "the number 0"), ("-1", "the number -1"), ("ten", "'ten'"), ("'10'", "'10'"), ("10.5", "the number 10.5"), ("yes", "the boolean true")],
)
def test_duration_years_is_a_positive_whole_number(valid_root, value, described):
    text = AGREEMENT + f"  duration_years: {value}\n"
    assert added(valid_root, "agreements", text) == [
        f"data/agreements/new.yaml:9:19: new-agreement: duration_years: must be a positive whole number, not {described}"
    ]


@pytest.mark.parametrize(
    ("value", "described"),
    [("'true'", "'true'"), ("1", "the number 1"), ("0", "the number 0"), ("c.", "'c.'"), ("[true]", "a list")],
)
def test_approximate_is_a_boolean(valid_root, value, described):
    text = EVENT + f"  approximate: {value}\n"
    assert added(valid_root, "events", text) == [f"data/events/new.yaml:10:16: new-event: approximate: must be true or false, not {described}"]


@pytest.mark.parametrize("value", ["true", "false", "yes", "no", "True"])
def test_approximate_accepts_yaml_booleans(valid_root, value):
    assert added(valid_root, "events", EVENT + f"  approximate: {value}\n") == []


# -- ids, words, languages --------------------------------------------------------------

INVALID_ID = "is not a valid id: lower-case letters and digits in words joined by single hyphens (e.g. iran-drones-2022)"


@pytest.mark.parametrize(
    "bad",
    ["New-Actor", "new_actor", "new--actor", "-new-actor", "new-actor-", "new actor", "téhéran", "new.actor", "'new/actor'"],
)
def test_an_invalid_id_is_reported(valid_root, bad):
    text = replaced(ACTOR, "id: new-actor", f"id: {bad}")
    shown = bad.strip("'")
    assert added(valid_root, "actors", text) == [f"data/actors/new.yaml:1:7: {shown}: id: '{shown}' {INVALID_ID}"]


def test_an_id_of_80_characters_is_fine_and_81_is_too_long(valid_root):
    assert added(valid_root, "actors", replaced(ACTOR, "id: new-actor", "id: " + "a" * 80)) == []
    long_id = "a" * 40 + "-" + "b" * 40
    assert added(valid_root, "actors", replaced(ACTOR, "id: new-actor", f"id: {long_id}")) == [
        f"data/actors/new.yaml:1:7: {long_id}: id: '{long_id}' is longer than 80 characters"
    ]


def test_former_ids_and_references_use_the_id_syntax(valid_root):
    text = ACTOR + "  former_ids: [Old_Actor]\n  country: Ravna\n"
    assert added(valid_root, "actors", text) == [
        f"data/actors/new.yaml:4:16: new-actor: former_ids[0]: 'Old_Actor' {INVALID_ID}",
        f"data/actors/new.yaml:5:12: new-actor: country: 'Ravna' {INVALID_ID}",
    ]


def test_tags_and_areas_are_words(valid_root):
    text = AGREEMENT + "  tags: [air-defence, Air_Defence]\n  areas: [trade, 'science and education']\n"
    assert added(valid_root, "agreements", text) == [
        "data/agreements/new.yaml:9:23: new-agreement: tags[1]: 'Air_Defence' is not a valid word here: lower-case letters and digits joined by single hyphens (e.g. air-defence)",
        "data/agreements/new.yaml:10:18: new-agreement: areas[1]: 'science and education' is not a valid word here: lower-case letters and digits joined by single hyphens (e.g. air-defence)",
    ]


@pytest.mark.parametrize("bad", ["english", "f", "fr_FR", "'fr '"])
def test_a_source_language_is_a_bcp47_tag(valid_root, bad):
    text = replaced(SOURCE, "language: fr", f"language: {bad}")
    shown = bad.strip("'")
    assert added(valid_root, "sources", text) == [f"data/sources/new.yaml:4:13: new-source: language: '{shown}' is not a BCP 47 language tag such as fr or en-GB"]


@pytest.mark.parametrize("good", ["fr", "en-GB", "fa", "zh-Hant", "ru"])
def test_bcp47_language_tags_are_accepted(valid_root, good):
    assert added(valid_root, "sources", replaced(SOURCE, "language: fr", f"language: {good}")) == []


# -- localised text ---------------------------------------------------------------------


def test_localised_text_needs_english(valid_root):
    text = replaced(ACTOR, "name: New actor", "name: {fr: Nouvel acteur, fa: x}")
    assert added(valid_root, "actors", text) == ["data/actors/new.yaml:2:9: new-actor: name: a localised text needs its English version under 'en'"]


def test_localised_text_keys_are_language_codes(valid_root):
    text = replaced(EVENT, "title: A new event", "title: {en: A new event, french: Un nouvel événement}")
    assert added(valid_root, "events", text) == [
        "data/events/new.yaml:3:28: new-event: title.french: keys of a localised text are language codes such as en or fr"
    ]


def test_localised_text_is_accepted_in_every_free_text_field(valid_root):
    text = (
        replaced(TRANSFER, "item: Radars", "item: {en: Radars, fr: Radars}")
        + "  summary: {en: S, fr: R}\n  note: {en: N}\n"
    )
    assert added(valid_root, "transfers", text) == []


def test_a_source_title_is_plain_text_not_localised(valid_root):
    text = replaced(SOURCE, "title: Nouvelle", "title: {en: News, fr: Nouvelle}")
    assert added(valid_root, "sources", text) == ["data/sources/new.yaml:2:10: new-source: title: must be text, not a mapping"]


# -- urls and seed files ----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "ftp://example.org/file.txt", "https://", "http:example.org", "mailto:a@example.org", "example.org/page", "'https://exa mple.org/'", "//example.org/x", "data:text/html,hi"],
)
def test_a_url_must_be_http_or_https_with_a_host(valid_root, url):
    text = SOURCE + f"  url: {url}\n"
    shown = url.strip("'")
    assert added(valid_root, "sources", text) == [f"data/sources/new.yaml:5:8: new-source: url: '{shown}' is not an http or https address"]


@pytest.mark.parametrize("url", ["http://example.org", "https://example.org/a?b=1&c=2#d", "HTTPS://EXAMPLE.ORG/"])
def test_http_and_https_urls_are_accepted(valid_root, url):
    assert added(valid_root, "sources", SOURCE + f"  url: {url}\n") == []


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("missing.txt", "seeds/missing.txt does not exist"),
        ("press/missing.txt", "seeds/press/missing.txt does not exist"),
        ("../data/sources.yaml", "'../data/sources.yaml' must be a path inside seeds/, without '..'"),
        ("press/../bulletin.txt", "'press/../bulletin.txt' must be a path inside seeds/, without '..'"),
        ("/etc/passwd", "'/etc/passwd' must be a path inside seeds/, without '..'"),
        ("press\\gazette.txt", "'press\\gazette.txt' must be a path inside seeds/, without '..'"),
    ],
)
def test_a_seed_file_must_exist_inside_seeds(valid_root, file, message):
    text = SOURCE + f"  file: {file}\n"
    assert added(valid_root, "sources", text) == [f"data/sources/new.yaml:5:9: new-source: file: {message}"]


def test_a_seed_file_in_a_sub_folder_is_accepted(valid_root):
    assert added(valid_root, "sources", SOURCE + "  file: press/gazette.txt\n") == []


def test_a_seed_file_that_is_not_utf8(valid_root):
    (valid_root / "seeds/latin1.txt").write_bytes(b"caf\xe9\n")
    assert added(valid_root, "sources", SOURCE + "  file: latin1.txt\n") == [
        "data/sources/new.yaml:5:9: new-source: file: seeds/latin1.txt is not UTF-8 text (invalid continuation byte at byte 3)"
    ]


# -- lists ------------------------------------------------------------------------------


def test_a_list_field_given_one_value(valid_root):
    text = replaced(EVENT, "actors: [ravna]", "actors: ravna")
    assert added(valid_root, "events", text) == [
        "data/events/new.yaml:5:11: new-event: actors: must be a list (YAML '- item' lines or [a, b]), not 'ravna'"
    ]


def test_a_citation_that_is_not_a_mapping(valid_root):
    text = replaced(EVENT, "    - source: bulletin-2021-06\n      quote: signed in Lorn\n", "    - bulletin-2021-06\n")
    assert added(valid_root, "events", text) == [
        "data/events/new.yaml:8:7: new-event: sources[0]: must be a citation (a mapping of field: value), not 'bulletin-2021-06'"
    ]


# -- every problem in one run -----------------------------------------------------------


def test_every_problem_is_reported_in_one_run_sorted_by_file_and_line(valid_root):
    root = valid_root
    added(root, "events", replaced(EVENT, "category: military", "category: militray") + "  approximate: 1\n")
    added(root, "actors", replaced(ACTOR, "name: New actor", "name: yes") + "  colour: blue\n")
    added(root, "sources", SOURCE + "  url: ftp://example.org\n")
    path = root / "data/events/context.yaml"
    path.write_text(path.read_text().replace("date_end: 2021-06", "date_end: 2020").replace("au printemps", "en hiver"))
    path = root / "data/transfers.yaml"
    path.write_text(path.read_text().replace("recipient: ostrava-republic", "recipient: ravna"))
    path = root / "data/events/2021.yaml"
    path.write_text(path.read_text().replace("actors: [ravna]", "actors: [ravan]"))
    (root / "data/agreements").mkdir()
    (root / "data/agreements/broken.yaml").write_text("- id: x\n  title: [unclosed\n")
    assert problems_of(root) == [
        "data/actors/new.yaml:2:9: new-actor: name: YAML reads this as the boolean true, not text: put it in quotes",
        "data/actors/new.yaml:4:3: new-actor: colour: unknown field for actor",
        "data/agreements/broken.yaml:2:10: YAML syntax error: this [ list is not closed (the parser lost its way at line 3, column 1: did not find expected ',' or ']')",
        "data/events/2021.yaml:5:12: ravna-denies-arms: actors[0]: no actor has the id 'ravan' (did you mean 'ravna'?)",
        "data/events/context.yaml:3:13: spring-2021: date_end: date_end 2020 falls before date 2021",
        "data/events/context.yaml:11:14: spring-2021: sources[0].quote: quote not found in seeds/press/gazette.txt;"
        " the longest part of it that is there: \"un traité d'amitié de 10 ans sera signé à Lorn\"",
        "data/events/new.yaml:4:13: new-event: category: 'militray' is not one of: military, diplomatic, economic, sanctions, political, context (did you mean 'military'?)",
        "data/events/new.yaml:10:16: new-event: approximate: must be true or false, not the number 1",
        "data/sources/new.yaml:5:8: new-source: url: 'ftp://example.org' is not an http or https address",
        "data/transfers.yaml:3:14: radars-to-ostrava: recipient: supplier and recipient are both 'ravna'",
    ]


# -- regressions: bugs these tests found, since fixed --------------------------------


@pytest.mark.parametrize(("value", "described"), [("1e3", "the number 1e3"), ("1.5e3", "the number 1.5e3"), ("0o17", "the number 0o17")])
def test_a_yaml12_number_in_a_text_field_says_to_quote_it(valid_root, value, described):
    text = replaced(EVENT, "title: A new event", f"title: {value}")
    assert added(valid_root, "events", text) == [f"data/events/new.yaml:3:10: new-event: title: YAML reads this as {described}, not text: put it in quotes"]


def test_a_float_quantity_is_described_as_written(valid_root):
    problems = added(valid_root, "transfers", TRANSFER + "  quantity: 12.0\n")
    assert problems == ["data/transfers/new.yaml:11:13: new-transfer: quantity: must be a positive whole number, not the number 12.0"]


@pytest.mark.parametrize(
    ("collection", "old", "new"),
    [
        ("actors", "- id: new-actor\n", "- id: |\n    new-actor\n"),
        ("actors", "- id: new-actor\n", '- id: "new-actor\\n"\n'),
        ("sources", "language: fr", 'language: "fr\\n"'),
        ("agreements", "status: proposed", 'status: proposed\n  areas: ["trade\\n"]'),
    ],
)
def test_a_trailing_newline_is_not_valid_in_an_id_word_or_language(valid_root, collection, old, new):
    problems = added(valid_root, collection, replaced(TEMPLATES[collection], old, new))
    assert len(problems) == 1
    assert "is not a valid" in problems[0] or "is not a BCP 47 language tag" in problems[0]


@pytest.mark.parametrize("url", ['"http://[::1"', '"http://a\\uff03b.org/"'])
def test_a_malformed_url_is_a_problem_not_a_traceback(valid_root, url):
    problems = added(valid_root, "sources", SOURCE + f"  url: {url}\n")
    assert len(problems) == 1 and problems[0].startswith("data/sources/new.yaml:5:8: new-source: url: ")
    assert problems[0].endswith("is not an http or https address")


def test_a_too_long_seed_file_name_is_a_problem_not_a_traceback(valid_root):
    name = "a" * 300 + ".txt"
    problems = added(valid_root, "sources", SOURCE + f"  file: {name}\n")
    assert problems == [f"data/sources/new.yaml:5:9: new-source: file: seeds/{name} cannot be read (File name too long)"]
