"""The loader: where every value was written, both file forms, and YAML's safe subset only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier.build import check_dataset
from dossier.load import REFUSED, Mapping, Sequence, YamlTimestamp, load_dataset, parse_records
from dossier.problems import Mark

from .conftest import copy_valid_case, problems_of, write_dataset

NAME = "data/events.yaml"


def parsed(text: str, name: str = NAME):
    records, problems = parse_records(text, name)
    return records, [str(p) for p in problems]


def problems_in(text: str, name: str = NAME) -> list[str]:
    return parsed(text, name)[1]


def raw_by_id(root: Path) -> dict[str, tuple[str, dict]]:
    records, problems = load_dataset(root)
    assert problems == []
    return {r.data["id"]: (r.collection, _plain(r.data)) for r in records}


def _plain(value):
    """A loaded value as plain dicts and lists, to compare two loads."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


# -- where values were written ----------------------------------------------------------

MARKED = """\
# a comment on line 1
- id: first-event
  date: 2023
  title: {en: Hello, fr: Bonjour}
  actors:
    - ravna
    - ostrava
  sources:
    - source: s1
      quote: "q"

-   id: second
    title: x
"""


def test_records_and_fields_remember_line_and_column_one_based():
    records, problems = parse_records(MARKED, NAME)
    assert problems == []
    first, second = records
    assert first.mark == Mark(NAME, 2, 3)
    assert second.mark == Mark(NAME, 12, 5)
    # values: where the value starts; keys: where the key starts
    assert first.marks["id"] == Mark(NAME, 2, 7)
    assert first.key_marks["id"] == Mark(NAME, 2, 3)
    assert first.marks["date"] == Mark(NAME, 3, 9)
    assert first.marks["title"] == Mark(NAME, 4, 10)
    assert first["title"].marks["fr"] == Mark(NAME, 4, 26)
    assert first["title"].key_marks["fr"] == Mark(NAME, 4, 22)
    assert first.key_marks["actors"] == Mark(NAME, 5, 3)
    assert first.marks["actors"] == Mark(NAME, 6, 5)
    assert first["actors"].marks == [Mark(NAME, 6, 7), Mark(NAME, 7, 7)]
    citation = first["sources"][0]
    assert first["sources"].marks == [Mark(NAME, 9, 7)]
    assert citation.mark == Mark(NAME, 9, 7)
    assert citation.marks["quote"] == Mark(NAME, 10, 14)
    assert second.marks["title"] == Mark(NAME, 13, 12)


def test_values_are_plain_python_values():
    records, _ = parse_records(MARKED, NAME)
    first = records[0]
    assert isinstance(first, Mapping) and isinstance(first["actors"], Sequence)
    assert first["date"] == 2023 and isinstance(first["date"], int) and first["date"].text == "2023"
    assert first["title"] == {"en": "Hello", "fr": "Bonjour"}
    assert first["actors"] == ["ravna", "ostrava"]
    records, _ = parse_records("- date: 2023-02-14\n  n: 12\n  b: yes\n  f: 1.5\n  z: ~\n", NAME)
    record = records[0]
    assert isinstance(record["date"], YamlTimestamp) and record["date"] == "2023-02-14"
    assert record["n"] == 12 and record["b"] is True and record["f"] == 1.5 and record["z"] is None


def test_a_problem_is_printed_at_the_line_and_column_of_its_field(tmp_path):
    root = copy_valid_case(tmp_path)
    (root / "data/overview.md").unlink(missing_ok=True)  # it links to the record, which is dropped
    path = root / "data/events/2021.yaml"
    path.write_text(path.read_text().replace("  status: alleged\n", "  status: alleged\n  statuss: x\n"))
    assert problems_of(root) == [
        "data/events/2021.yaml:7:3: ravna-denies-arms: statuss: unknown field for event (did you mean 'status'?)"
    ]


def test_windows_line_endings_and_a_byte_order_mark_keep_line_numbers(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/actors.yaml").write_bytes(
        "\ufeff- id: a\r\n  name: A\r\n  kind: state\r\n- id: b\r\n  name: B\r\n  kind: stat\r\n".encode("utf-8")
    )
    assert problems_of(tmp_path) == [
        "data/actors.yaml:6:9: b: kind: 'stat' is not one of: state, person, organisation, group (did you mean 'state'?)"
    ]


# -- the two file forms -----------------------------------------------------------------


def _events_in_one_file(root: Path) -> None:
    folder = root / "data/events"
    text = (folder / "2021.yaml").read_text() + (folder / "context.yaml").read_text()
    shutil.rmtree(folder)
    (root / "data/events.yaml").write_text(text)


def test_one_file_and_a_folder_load_the_same_records(tmp_path):
    folder_form = copy_valid_case(tmp_path / "folder")
    file_form = copy_valid_case(tmp_path / "file")
    _events_in_one_file(file_form)
    for collection in ("sources", "actors", "transfers", "agreements"):  # and the other way round
        target = file_form / "data" / collection
        target.mkdir()
        (file_form / "data" / f"{collection}.yaml").rename(target / "all.yaml")

    assert raw_by_id(folder_form) == raw_by_id(file_form)
    assert problems_of(folder_form) == problems_of(file_form) == []
    one, other = check_dataset(folder_form), check_dataset(file_form)
    for collection in ("sources", "actors", "events", "transfers", "agreements"):
        assert [r.id for r in one.of(collection)] == [r.id for r in other.of(collection)]
        assert [r.values for r in one.of(collection)] == [r.values for r in other.of(collection)]


def test_sub_folders_and_yml_files_of_a_collection_are_loaded(tmp_path):
    root = copy_valid_case(tmp_path)
    deep = root / "data/events/2021/june"
    deep.mkdir(parents=True)
    (root / "data/events/2021.yaml").rename(deep / "treaty.yml")
    assert problems_of(root) == []
    records, _ = load_dataset(root)
    files = {r.data["id"]: r.mark.file for r in records if r.collection == "events"}
    assert files == {
        "ravna-denies-arms": "data/events/2021/june/treaty.yml",
        "friendship-treaty-signed": "data/events/2021/june/treaty.yml",
        "spring-2021": "data/events/context.yaml",
    }
    assert {r.id for r in check_dataset(root).of("events")} == set(files)


def test_a_collection_file_and_its_folder_are_both_loaded(tmp_path):
    root = copy_valid_case(tmp_path)
    (root / "data/events/context.yaml").rename(root / "data/events.yaml")
    assert problems_of(root) == []
    assert [r.id for r in check_dataset(root).of("events")] == ["spring-2021", "ravna-denies-arms", "friendship-treaty-signed"]


def test_an_error_in_a_sub_folder_names_that_file(tmp_path):
    root = write_dataset(tmp_path, {"data/actors/europe/west.yaml": "- id: a\n  name: A\n  kind: stat\n"})
    assert problems_of(root) == [
        "data/actors/europe/west.yaml:3:9: a: kind: 'stat' is not one of: state, person, organisation, group (did you mean 'state'?)"
    ]


# -- YAML's safe subset only ------------------------------------------------------------

EXECUTING_TAGS = [
    '!!python/object/apply:os.system ["touch {marker}"]',
    "!!python/object/apply:os.system\n    - touch {marker}",
    "!!python/object/apply:os.system {{args: ['touch {marker}']}}",
    "!!python/object/new:os.system [\"touch {marker}\"]",
    '!!python/object/apply:subprocess.call [["touch", "{marker}"]]',
    "!!python/object/apply:builtins.exec [\"open('{marker}', 'w').close()\"]",
]


@pytest.mark.parametrize("tagged", EXECUTING_TAGS)
def test_a_python_tag_is_refused_and_never_executed(tmp_path, tagged):
    marker = tmp_path / "pwned"
    value = tagged.format(marker=marker)
    tag = value.split()[0].removeprefix("!!")
    root = write_dataset(tmp_path / "case", {"data/actors.yaml": f"- id: a\n  summary: {value}\n  name: A\n  kind: state\n"})
    assert problems_of(root) == [
        f"data/actors.yaml:2:12: YAML tag 'tag:yaml.org,2002:{tag}' is not allowed: only plain values, lists and mappings"
    ]
    assert not marker.exists()
    records, problems = load_dataset(root)
    assert records[0].data["summary"] is REFUSED
    assert not marker.exists()


def test_a_python_tag_on_a_whole_record_is_refused_and_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    root = write_dataset(
        tmp_path / "case",
        {"data/events.yaml": f"- !!python/object/apply:os.system [\"touch {marker}\"]\n- id: b\n"},
    )
    records, problems = load_dataset(root)
    assert [str(p) for p in problems] == [
        "data/events.yaml:1:3: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed: only plain values, lists and mappings",
        "data/events.yaml:1:3: each item of the list must be a record (a mapping of field: value)",
    ]
    assert [r.data["id"] for r in records] == ["b"]
    assert not marker.exists()


@pytest.mark.parametrize(
    ("value", "column", "tag"),
    [
        ("!!binary aGVsbG8=", 10, "tag:yaml.org,2002:binary"),
        ("!!set {a, b}", 10, "tag:yaml.org,2002:set"),
        ("!!omap [a: 1]", 10, "tag:yaml.org,2002:omap"),
        ("!!pairs [a: 1]", 10, "tag:yaml.org,2002:pairs"),
        ("!foo bar", 10, "!foo"),
        ("!foo [a]", 10, "!foo"),
        ("!<tag:example.com,2024:thing> x", 10, "tag:example.com,2024:thing"),
    ],
)
def test_other_tags_are_refused(value, column, tag):
    records, problems = parsed(f"- id: a\n  title: {value}\n")
    assert problems == [f"{NAME}:2:{column}: YAML tag '{tag}' is not allowed: only plain values, lists and mappings"]
    assert records[0]["title"] is REFUSED


def test_anchors_and_aliases_are_both_refused_with_their_lines():
    text = "- id: a\n  title: &t Hello\n  summary: *t\n- &rec\n  id: b\n- *rec\n"
    records, problems = parsed(text)
    assert records == []
    assert problems == [
        f"{NAME}:2:10: anchor '&t' is not allowed: anchors and aliases are refused",
        f"{NAME}:3:12: alias '*t' is not allowed: write the value out in full",
        f"{NAME}:4:3: anchor '&rec' is not allowed: anchors and aliases are refused",
        f"{NAME}:6:3: alias '*rec' is not allowed: write the value out in full",
    ]


def test_an_anchor_alone_is_refused_but_ampersands_and_stars_in_text_are_fine():
    assert problems_in("- id: a\n  tags: &x [a]\n") == [f"{NAME}:2:9: anchor '&x' is not allowed: anchors and aliases are refused"]
    records, problems = parsed("- id: a\n  title: 'R&D *and* more'\n  url: https://x.org/?a=1&b=2\n")
    assert problems == []
    assert records[0]["title"] == "R&D *and* more"


def test_merge_keys_are_refused():
    records, problems = parsed("- id: a\n  <<: {title: x}\n  summary: y\n")
    assert problems == [f"{NAME}:2:3: '<<' merge keys are not allowed"]
    assert dict(records[0]) == {"id": "a", "summary": "y"}  # nothing merged in


def test_merge_key_with_an_alias_is_refused_and_nothing_is_merged():
    text = "- &base\n  id: a\n  title: x\n- <<: *base\n  id: b\n"
    records, problems = parsed(text)
    assert records == []
    assert problems == [
        f"{NAME}:1:3: anchor '&base' is not allowed: anchors and aliases are refused",
        f"{NAME}:4:7: alias '*base' is not allowed: write the value out in full",
    ]


def test_keys_that_are_not_plain_words_are_refused():
    records, problems = parsed("- id: a\n  ~: x\n  2023: y\n  ? [a]\n  : z\n  yes: w\n")
    assert problems == [
        f"{NAME}:2:3: keys other than plain words are not allowed",
        f"{NAME}:3:3: keys other than plain words are not allowed",
        f"{NAME}:4:5: keys other than plain words are not allowed",
        f"{NAME}:6:3: keys other than plain words are not allowed",
    ]
    assert dict(records[0]) == {"id": "a"}


def test_duplicate_keys_are_refused_naming_the_first_line():
    records, problems = parsed("- id: a\n  title: first\n  summary: s\n  title: second\n")
    assert problems == [f"{NAME}:4:3: duplicate key 'title' (first written at line 2)"]
    assert records[0]["title"] == "first"


def test_duplicate_keys_in_a_nested_mapping_are_refused():
    text = "- id: a\n  sources:\n    - source: s1\n      quote: q\n      source: s2\n"
    assert problems_in(text) == [f"{NAME}:5:7: duplicate key 'source' (first written at line 3)"]


def test_duplicate_keys_are_reported_through_the_whole_pipeline(tmp_path):
    root = copy_valid_case(tmp_path)
    path = root / "data/actors.yaml"
    path.write_text(path.read_text().replace("  kind: person\n", "  kind: person\n  name: Anna V.\n"))
    assert problems_of(root) == ["data/actors.yaml:11:3: duplicate key 'name' (first written at line 9)"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("id: a\ntitle: x\n", "1:1"),
        ("just some text\n", "1:1"),
        ("\n\n42\n", "3:1"),
        ("{id: a}\n", "1:1"),
    ],
)
def test_the_top_level_must_be_a_list(text, where):
    assert parsed(text) == ([], [f"{NAME}:{where}: a data file holds a YAML list of records (each item starting with '- ')"])


def test_each_item_must_be_a_mapping():
    records, problems = parsed("- id: a\n- just text\n- [1, 2]\n-\n- id: b\n")
    assert [r["id"] for r in records] == ["a", "b"]
    assert problems == [
        f"{NAME}:2:3: each item of the list must be a record (a mapping of field: value)",
        f"{NAME}:3:3: each item of the list must be a record (a mapping of field: value)",
        f"{NAME}:4:2: each item of the list must be a record (a mapping of field: value)",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- id: a\n  title: x\n bad: y\n", "3:2: YAML syntax error: a line indented less than the record's other fields (did not find expected '-' indicator), in the list that begins at line 1, column 1"),
        ('- id: a\n  title: "unclosed\n', "2:10: YAML syntax error: this quoted text is not closed (the parser lost its way at line 3, column 1: found unexpected end of stream)"),
        ("- id: [a, b\n", "1:7: YAML syntax error: this [ list is not closed (the parser lost its way at line 2, column 1: did not find expected ',' or ']')"),
        ("- id: a\n\ttitle: x\n", "2:1: YAML syntax error: a tab: YAML indents with spaces only (found a tab character that violates indentation)"),
        ("- id: a\n---\n- id: b\n", "2:1: YAML syntax error: expected a single document in the stream but found another document"),
        ("- id: a\n  title: x: y\n", "2:11: YAML syntax error: a line indented more than the one before, or ': ' inside text that is not in quotes (mapping values are not allowed in this context)"),
    ],
)
def test_yaml_syntax_errors_are_reported_at_file_line_column(text, expected):
    assert parsed(text) == ([], [f"{NAME}:{expected}"])


def test_a_syntax_error_stops_only_its_own_file(tmp_path):
    root = copy_valid_case(tmp_path)
    (root / "data/events/new.yaml").write_text("- id: a\n  title: x: y\n")
    assert problems_of(root) == ["data/events/new.yaml:2:11: YAML syntax error: a line indented more than the one before, or ': ' inside text that is not in quotes (mapping values are not allowed in this context)"]


def test_a_data_file_that_is_not_utf8_is_reported_with_its_line(tmp_path):
    root = copy_valid_case(tmp_path)
    (root / "data/events/new.yaml").write_bytes(b"# comment\n- id: a\n  title: caf\xe9 au lait\n")
    assert problems_of(root) == ["data/events/new.yaml:3:1: not UTF-8 text (invalid continuation byte at byte 30)"]


def test_a_utf16_data_file_is_reported(tmp_path):
    root = copy_valid_case(tmp_path)
    (root / "data/events/new.yaml").write_bytes("- id: a\n".encode("utf-16"))
    assert problems_of(root) == ["data/events/new.yaml:1:1: not UTF-8 text (invalid start byte at byte 0)"]


STRAY = "this file belongs to no collection; data files are sources.yaml, actors.yaml, events.yaml, transfers.yaml, agreements.yaml or files under data/<collection>/"


@pytest.mark.parametrize("stray", ["data/event.yaml", "data/events.yml", "data/Events.yaml", "data/misc/notes.yaml", "data/source.yml"])
def test_a_stray_data_file_is_reported(tmp_path, stray):
    root = copy_valid_case(tmp_path)
    write_dataset(root, {stray: "- id: lost\n  date: 2021\n"})
    assert problems_of(root) == [f"{stray}:1:1: {STRAY}"]


def test_files_that_are_not_yaml_are_left_alone(tmp_path):
    root = copy_valid_case(tmp_path)
    write_dataset(root, {"data/README.md": "# notes\n", "data/events/notes.txt": "- id: x\n"})
    assert problems_of(root) == []


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "[]\n", "\ufeff", "--- []\n"])
def test_an_empty_file_is_fine(tmp_path, text):
    root = copy_valid_case(tmp_path)
    (root / "data/overview.md").unlink(missing_ok=True)  # it links to the transfer removed here
    (root / "data/transfers.yaml").write_text(text, encoding="utf-8")
    (root / "data/events/2021.yaml").write_text(
        (root / "data/events/2021.yaml").read_text().replace("  related: [radars-to-ostrava]\n", "")
    )
    assert parsed(text) == ([], [])
    assert problems_of(root) == []
    assert check_dataset(root).of("transfers") == []


def test_every_file_is_reported_not_only_the_first(tmp_path):
    root = write_dataset(
        tmp_path,
        {
            "data/sources.yaml": "- id: a\n  id: b\n",
            "data/actors.yaml": "id: a\n",
            "data/events/x.yaml": "- &a {id: a}\n",
            "data/stray.yaml": "",
        },
    )
    (root / "data/agreements.yaml").write_bytes(b"\xff")
    assert problems_of(root) == [
        "data/actors.yaml:1:1: a data file holds a YAML list of records (each item starting with '- ')",
        "data/agreements.yaml:1:1: not UTF-8 text (invalid start byte at byte 0)",
        "data/events/x.yaml:1:3: anchor '&a' is not allowed: anchors and aliases are refused",
        # the surviving record is still shaped: it keeps its first id
        "data/sources.yaml:1:3: a: title: required field is missing (the title as published, in its own language)",
        "data/sources.yaml:1:3: a: date: required field is missing (publication date)",
        "data/sources.yaml:1:3: a: language: required field is missing (BCP 47 language tag, e.g. fr)",
        "data/sources.yaml:2:3: duplicate key 'id' (first written at line 1)",
        f"data/stray.yaml:1:1: {STRAY}",
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("!!bool maybe", "cannot read 'maybe' as bool"),
        ("!!int ''", "cannot read '' as int"),
        ("!!int abc", "cannot read 'abc' as int"),
        ("!!float ''", "cannot read '' as float"),
    ],
)
def test_an_unreadable_core_tag_is_a_problem_not_a_traceback(value, message):
    records, problems = parsed(f"- id: a\n  title: {value}\n")
    assert problems == [f"{NAME}:2:10: {message}"]
    assert records[0]["title"] is REFUSED


def test_readable_core_tags_are_plain_values():
    records, problems = parsed("- a: !!int '12'\n  b: !!str 12\n  c: !!bool yes\n  d: !!float '1.5'\n  e: !!null ''\n")
    assert problems == []
    assert dict(records[0]) == {"a": 12, "b": "12", "c": True, "d": 1.5, "e": None}


def test_a_refused_tag_on_a_required_field_is_reported_once(tmp_path):
    root = write_dataset(tmp_path, {"data/actors.yaml": "- id: a\n  name: !foo A\n  kind: state\n"})
    assert problems_of(root) == ["data/actors.yaml:2:9: YAML tag '!foo' is not allowed: only plain values, lists and mappings"]


@pytest.mark.parametrize(
    ("text", "where", "code"),
    [
        ('- id: a\n  title: x\n  summary: "a\x07b"\n', "3:14", "0007"),
        ("- id: a\n  title: x\x00y\n", "2:11", "0000"),
        ("- id: \x1b\n", "1:7", "001B"),
    ],
)
def test_a_control_character_is_reported_where_it_is_on_one_line(text, where, code):
    assert problems_in(text) == [f"{NAME}:{where}: character U+{code} is not allowed in YAML (control characters are not allowed)"]


# -- regressions: bugs these tests found, since fixed --------------------------------

CONTROL_AFTER_ACCENTS = "- title: Téhéran et Moscou\n  id: \x1b\n"


def test_a_control_character_after_accented_text_is_reported_where_it_is():
    assert problems_in(CONTROL_AFTER_ACCENTS) == [f"{NAME}:2:7: character U+001B is not allowed in YAML (control characters are not allowed)"]


def test_a_control_character_after_accented_text_is_reported_where_it_is_in_a_file(tmp_path):
    root = write_dataset(tmp_path, {"data/actors.yaml": CONTROL_AFTER_ACCENTS})
    assert problems_of(root) == ["data/actors.yaml:2:7: character U+001B is not allowed in YAML (control characters are not allowed)"]


@pytest.mark.parametrize(
    ("line", "where", "tag"),
    [
        ("  summary: {en: !foo x}\n", "4:17", "!foo"),
        ("  summary: {en: x, fr: !!binary eA==}\n", "4:24", "tag:yaml.org,2002:binary"),
    ],
)
def test_a_refused_value_in_a_localised_text_is_reported_once(tmp_path, line, where, tag):
    root = write_dataset(tmp_path, {"data/actors.yaml": "- id: a\n  name: A\n  kind: state\n" + line})
    assert problems_of(root) == [f"data/actors.yaml:{where}: YAML tag '{tag}' is not allowed: only plain values, lists and mappings"]


# -- open bugs --------------------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"], ids=["LS", "PS", "NEL"])
def test_a_unicode_line_separator_in_a_value_does_not_shift_line_numbers(tmp_path, separator):
    # text pasted from a web page or a PDF can carry U+2028; editors and `grep -n` count only \n
    root = write_dataset(tmp_path, {"data/actors.yaml": f'- id: a\n  name: "A{separator}B"\n  kind: state\n- id: b\n  name: B\n  kind: stat\n'})
    assert problems_of(root) == ["data/actors.yaml:6:9: b: kind: 'stat' is not one of: state, person, organisation, group (did you mean 'state'?)"]


def test_deeply_nested_yaml_is_a_problem_not_a_traceback(tmp_path):
    depth = 1200
    root = write_dataset(tmp_path, {"data/events.yaml": "- id: a\n  tags: " + "[" * depth + "]" * depth + "\n"})
    problems = problems_of(root)
    nested = [p for p in problems if "nested more than" in p]
    assert len(nested) == 1 and nested[0].startswith("data/events.yaml:2:"), problems
