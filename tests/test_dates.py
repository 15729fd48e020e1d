"""Partial dates: the forms accepted (quoted or not), real calendar dates, order and display."""

from __future__ import annotations

import pytest

from dossier.build import check_dataset
from dossier.dates import DateError, PartialDate, format_span, parse_date
from dossier.load import YamlTimestamp

from .conftest import copy_valid_case, problems_of, write_dataset

SOURCES = """\
- id: s1
  title: T
  date: {source_date}
  language: en
"""
ACTORS = """\
- id: ravna
  name: Ravna
  kind: state
"""
EVENT = """\
- id: {id}
  date: {date}
  title: Something
  category: military
  actors: [ravna]
  status: reported
  sources:
    - source: s1
      quote: q
"""


def dataset(tmp_path, *events: tuple[str, str], extra: str = "", source_date: str = "2023"):
    """A small dataset with one event per (id, date); `extra` is appended to the last event."""
    text = "".join(EVENT.format(id=i, date=d) for i, d in events) + extra
    return write_dataset(
        tmp_path,
        {"data/sources.yaml": SOURCES.format(source_date=source_date), "data/actors.yaml": ACTORS, "data/events.yaml": text},
    )


# -- accepted forms ---------------------------------------------------------------------

ACCEPTED = [
    ("2023", PartialDate(2023)),
    ('"2023"', PartialDate(2023)),
    ("'2023'", PartialDate(2023)),
    ("2023-02", PartialDate(2023, 2)),
    ('"2023-02"', PartialDate(2023, 2)),
    ("2023-02-14", PartialDate(2023, 2, 14)),
    ('"2023-02-14"', PartialDate(2023, 2, 14)),
    ("2024-02-29", PartialDate(2024, 2, 29)),
    ("2023-12-31", PartialDate(2023, 12, 31)),
    ('"0987"', PartialDate(987)),
    ("0987", PartialDate(987)),
]


@pytest.mark.parametrize(("written", "expected"), ACCEPTED)
def test_dates_are_accepted_quoted_or_not_through_the_whole_pipeline(tmp_path, written, expected):
    root = dataset(tmp_path, ("e1", written), source_date=written)
    assert problems_of(root) == []
    dossier = check_dataset(root)
    assert dossier.records["e1"].date == expected
    assert dossier.records["s1"].date == expected


def test_yaml_reads_unquoted_dates_as_int_and_timestamp_and_both_are_parsed():
    assert parse_date(2023) == PartialDate(2023)
    assert parse_date(YamlTimestamp("2023-02-14")) == PartialDate(2023, 2, 14)
    assert parse_date("2023-02") == PartialDate(2023, 2)


def test_agreements_signed_date_accepts_both_forms(tmp_path):
    root = copy_valid_case(tmp_path)
    path = root / "data/agreements.yaml"
    path.write_text(path.read_text().replace("signed: 2021-06-02", 'signed: "2021-06"'))
    assert problems_of(root) == []
    assert check_dataset(root).records["friendship-treaty"].signed == PartialDate(2021, 6)


# -- refused dates ----------------------------------------------------------------------

IMPOSSIBLE = [
    ("2023-02-30", "'2023-02-30' is not a real date: February 2023 has no day 30"),
    ("2023-02-29", "'2023-02-29' is not a real date: February 2023 has no day 29"),
    ("2023-04-31", "'2023-04-31' is not a real date: April 2023 has no day 31"),
    ("2023-01-00", "'2023-01-00' is not a real date: January 2023 has no day 0"),
    ("2023-13", "'2023-13' is not a real date: month 13 does not exist"),
    ("2023-00", "'2023-00' is not a real date: month 0 does not exist"),
    ("2023-13-01", "'2023-13-01' is not a real date: month 13 does not exist"),
]


@pytest.mark.parametrize("quote", ["", '"'], ids=["unquoted", "quoted"])
@pytest.mark.parametrize(("written", "message"), IMPOSSIBLE)
def test_impossible_dates_are_reported_quoted_or_not(tmp_path, written, message, quote):
    root = dataset(tmp_path, ("e1", f"{quote}{written}{quote}"))
    assert problems_of(root) == [f"data/events.yaml:2:9: e1: date: {message}"]


WRONG_FORMS = [
    ("23-02", "'23-02' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("2023/02", "'2023/02' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("2023-2-1", "'2023-2-1' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ('"2023-1"', "'2023-1' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("14/02/2023", "'14/02/2023' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("February 2023", "'February 2023' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("2023-02-14T10:00:00", "'2023-02-14T10:00:00' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("2023-02-14 10:00", "'2023-02-14 10:00' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ('" 2023"', "' 2023' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("-2023", "'-2023' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("20230214", "'20230214' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ('""', "'' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("true", "a date is YYYY, YYYY-MM or YYYY-MM-DD, not the boolean true"),
    ("no", "a date is YYYY, YYYY-MM or YYYY-MM-DD, not the boolean false"),
    ('"0000"', "'0000' is not a real date: there is no year 0"),
]


@pytest.mark.parametrize(("written", "message"), WRONG_FORMS)
def test_wrong_forms_are_reported(tmp_path, written, message):
    root = dataset(tmp_path, ("e1", written))
    assert problems_of(root) == [f"data/events.yaml:2:9: e1: date: {message}"]


def test_an_empty_date_is_a_missing_required_field(tmp_path):
    root = dataset(tmp_path, ("e1", ""))
    assert problems_of(root) == ["data/events.yaml:2:3: e1: date: required field is missing (YYYY, YYYY-MM or YYYY-MM-DD)"]


def test_a_source_date_is_checked_the_same_way(tmp_path):
    root = dataset(tmp_path, ("e1", "2023"), source_date="2023-02-30")
    # the source keeps its id, so the citation of it is not reported too
    assert problems_of(root) == [
        "data/sources.yaml:3:9: s1: date: '2023-02-30' is not a real date: February 2023 has no day 30",
    ]


def test_parse_date_raises_date_error():
    with pytest.raises(DateError, match="^'2023-02-30' is not a real date: February 2023 has no day 30$"):
        parse_date(YamlTimestamp("2023-02-30"))
    with pytest.raises(DateError, match="^a date is YYYY, YYYY-MM or YYYY-MM-DD, not an empty value$"):
        parse_date(None)


# -- date_end ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "date_end"),
    [
        ("2023-05-17", "2023-05"),  # the end's period (May) does not end before the 17th
        ("2023-05-17", "2023-05-17"),
        ("2023-05-17", "2023"),
        ("2023", "2023-01-01"),  # 2023 starts on 1 January
        ("2023-05", "2023-05-01"),
        ("2022-12-31", "2023"),
        ('"2023-05-17"', '"2023-05"'),
    ],
)
def test_date_end_may_close_a_period_on_the_same_or_a_coarser_date(tmp_path, date, date_end):
    root = dataset(tmp_path, ("e1", date), extra=f"  date_end: {date_end}\n")
    assert problems_of(root) == []


@pytest.mark.parametrize(
    ("date", "date_end", "message"),
    [
        ("2023-05-17", "2023-05-16", "date_end 2023-05-16 falls before date 2023-05-17"),
        ("2023-05-17", "2023-04", "date_end 2023-04 falls before date 2023-05-17"),
        ("2023-05", "2023-04-30", "date_end 2023-04-30 falls before date 2023-05"),
        ("2023", "2022-12-31", "date_end 2022-12-31 falls before date 2023"),
        ("2023-01-01", "2022", "date_end 2022 falls before date 2023-01-01"),
        ('"2023-06"', '"2023-05"', "date_end 2023-05 falls before date 2023-06"),
    ],
)
def test_date_end_before_date_is_refused(tmp_path, date, date_end, message):
    root = dataset(tmp_path, ("e1", date), extra=f"  date_end: {date_end}\n")
    assert problems_of(root) == [f"data/events.yaml:10:13: e1: date_end: {message}"]


def test_an_impossible_date_end_is_reported(tmp_path):
    root = dataset(tmp_path, ("e1", "2023"), extra="  date_end: 2023-02-30\n")
    assert problems_of(root) == ["data/events.yaml:10:13: e1: date_end: '2023-02-30' is not a real date: February 2023 has no day 30"]


# -- order ------------------------------------------------------------------------------


def test_partial_dates_sort_coarser_first_within_a_period():
    dates = [PartialDate(2023, 2), PartialDate(2023, 1, 5), PartialDate(2023), PartialDate(2022, 12, 31), PartialDate(2023, 1)]
    assert [d.iso for d in sorted(dates)] == ["2022-12-31", "2023", "2023-01", "2023-01-05", "2023-02"]


def test_records_sort_by_date_then_by_id(tmp_path):
    root = dataset(
        tmp_path,
        ("feb", "2023-02"),
        ("jan-5", "2023-01-05"),
        ("year-b", "2023"),
        ("jan", '"2023-01"'),
        ("year-a", '"2023"'),
        ("jan-5-a", "2023-01-05"),
        ("older", "2022-12-31"),
    )
    assert problems_of(root) == []
    assert [r.id for r in check_dataset(root).of("events")] == ["older", "year-a", "year-b", "jan", "jan-5", "jan-5-a", "feb"]


def test_agreements_sort_by_signed_date_unsigned_last(tmp_path):
    root = copy_valid_case(tmp_path)
    path = root / "data/agreements.yaml"
    text = path.read_text()
    other = text.replace("- id: friendship-treaty\n", "- id: {id}\n").replace("  related: [friendship-treaty-signed]\n", "")
    unsigned = other.format(id="a-draft").replace("  signed: 2021-06-02\n", "").replace("status: signed", "status: proposed")
    earlier = other.format(id="z-earlier").replace("signed: 2021-06-02", "signed: 2021")
    path.write_text(text + unsigned + earlier)
    assert problems_of(root) == []
    assert [r.id for r in check_dataset(root).of("agreements")] == ["z-earlier", "friendship-treaty", "a-draft"]


def test_the_valid_dataset_timeline_order(valid_root):
    assert [r.id for r in check_dataset(valid_root).of("events")] == ["spring-2021", "ravna-denies-arms", "friendship-treaty-signed"]


# -- display ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "text", "iso"),
    [
        (PartialDate(2023), "2023", "2023"),
        (PartialDate(2023, 2), "February 2023", "2023-02"),
        (PartialDate(2023, 2, 14), "14 February 2023", "2023-02-14"),
        (PartialDate(2023, 12, 1), "1 December 2023", "2023-12-01"),
        (PartialDate(987, 1), "January 987", "0987-01"),
    ],
)
def test_display_text_and_iso(date, text, iso):
    assert date.text == text
    assert date.iso == iso == str(date)


def test_format_span():
    assert format_span(PartialDate(2023, 2, 14), None, False) == "14 February 2023"
    assert format_span(PartialDate(2022), None, True) == "c. 2022"
    assert format_span(PartialDate(2022), PartialDate(2023, 3), False) == "2022 – March 2023"
    assert format_span(PartialDate(2021), PartialDate(2021, 6), True) == "c. 2021 – June 2021"


def test_first_and_last_day_of_a_period():
    assert (PartialDate(2024, 2).first_day.isoformat(), PartialDate(2024, 2).last_day.isoformat()) == ("2024-02-01", "2024-02-29")
    assert (PartialDate(2023).first_day.isoformat(), PartialDate(2023).last_day.isoformat()) == ("2023-01-01", "2023-12-31")
    assert PartialDate(2023, 5, 17).first_day == PartialDate(2023, 5, 17).last_day


# -- regressions: bugs these tests found, since fixed --------------------------------


def test_a_list_as_a_date_is_described_in_the_editors_words(tmp_path):
    root = dataset(tmp_path, ("e1", "[2023]"))
    assert problems_of(root) == ["data/events.yaml:2:9: e1: date: a date is YYYY, YYYY-MM or YYYY-MM-DD, not a list"]


@pytest.mark.parametrize("written", ['"２０２３-02-14"', '"٢٠٢٣"'])
def test_non_ascii_digits_are_not_a_date(tmp_path, written):
    root = dataset(tmp_path, ("e1", written))
    problems = problems_of(root)
    assert len(problems) == 1 and problems[0].startswith("data/events.yaml:2:9: e1: date: ")


def test_year_zero_with_a_day_says_there_is_no_year_zero(tmp_path):
    root = dataset(tmp_path, ("e1", '"0000-02-14"'))
    assert problems_of(root) == ["data/events.yaml:2:9: e1: date: '0000-02-14' is not a real date: there is no year 0"]


def test_an_unquoted_early_year_is_a_year(tmp_path):
    root = dataset(tmp_path, ("e1", "0700"))
    assert problems_of(root) == []
