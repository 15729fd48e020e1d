"""A period's end does not fall before its start; a transfer goes between two different actors."""

from __future__ import annotations

import pytest

from ..conftest import problems_of
from .records import added

EVENT = """\
- id: new-event
  date: {date}
  date_end: {date_end}
  title: A new event
  category: military
  actors: [ravna]
  status: reported
  sources:
    - source: bulletin-2021-06
      quote: signed in Lorn
"""
TRANSFER = """\
- id: new-transfer
  supplier: {supplier}
  recipient: {recipient}
  item: Radars
  category: air-defence
  date: {date}
  date_end: {date_end}
  status: reported
  sources:
    - source: bulletin-2021-06
      quote: signed in Lorn
"""


@pytest.mark.parametrize(
    ("date", "date_end"),
    [("2023-05-17", "2023-05"), ("2023-05-17", "2023"), ("2023", "2023-01-01"), ("2023-05", "2023-05-01"), ("2023-05-17", "2023-05-17"), ("2022", "2024-02-29")],
)
def test_a_period_may_end_in_the_period_of_its_start(valid_root, date, date_end):
    assert added(valid_root, "events", EVENT.format(date=date, date_end=date_end)) == []
    assert added(valid_root, "transfers", TRANSFER.format(supplier="ravna", recipient="ostrava-republic", date=date, date_end=date_end)) == []


@pytest.mark.parametrize(
    ("date", "date_end"),
    [("2023-05-17", "2023-05-16"), ("2023-05-17", "2023-04"), ("2023-05-17", "2022"), ("2023-05", "2023-04-30"), ("2023", "2022-12")],
)
def test_a_period_that_ends_before_it_starts(valid_root, date, date_end):
    assert added(valid_root, "events", EVENT.format(date=date, date_end=date_end)) == [
        f"data/events/new.yaml:3:13: new-event: date_end: date_end {date_end} falls before date {date}"
    ]


def test_a_transfer_that_ends_before_it_starts(valid_root):
    text = TRANSFER.format(supplier="ravna", recipient="ostrava-republic", date='"2021-06"', date_end="2021-05-31")
    assert added(valid_root, "transfers", text) == [
        "data/transfers/new.yaml:7:13: new-transfer: date_end: date_end 2021-05-31 falls before date 2021-06"
    ]


def test_a_date_end_without_a_date_is_only_the_missing_date(valid_root):
    text = EVENT.format(date="2023", date_end="2020").replace("  date: 2023\n", "")
    assert added(valid_root, "events", text) == ["data/events/new.yaml:1:3: new-event: date: required field is missing (YYYY, YYYY-MM or YYYY-MM-DD)"]


def test_the_valid_dataset_period(valid_root):
    path = valid_root / "data/events/context.yaml"
    text = path.read_text()
    path.write_text(text.replace("date_end: 2021-06", "date_end: 2020-12"))
    assert problems_of(valid_root) == ["data/events/context.yaml:3:13: spring-2021: date_end: date_end 2020-12 falls before date 2021"]


# -- supplier and recipient -------------------------------------------------------------


def test_a_transfer_from_an_actor_to_itself(valid_root):
    text = TRANSFER.format(supplier="ravna", recipient="ravna", date="2021", date_end="2021")
    assert added(valid_root, "transfers", text) == ["data/transfers/new.yaml:3:14: new-transfer: recipient: supplier and recipient are both 'ravna'"]


def test_a_transfer_from_an_actor_to_itself_that_also_ends_too_early(valid_root):
    text = TRANSFER.format(supplier="anna-verel", recipient="anna-verel", date="2021", date_end="2020")
    assert added(valid_root, "transfers", text) == [
        "data/transfers/new.yaml:3:14: new-transfer: recipient: supplier and recipient are both 'anna-verel'",
        "data/transfers/new.yaml:7:13: new-transfer: date_end: date_end 2020 falls before date 2021",
    ]


def test_the_valid_dataset_transfer_to_itself(valid_root):
    path = valid_root / "data/transfers.yaml"
    path.write_text(path.read_text().replace("supplier: ravna", "supplier: ostrava-republic"))
    assert problems_of(valid_root) == [
        "data/transfers.yaml:3:14: radars-to-ostrava: recipient: supplier and recipient are both 'ostrava-republic'"
    ]
