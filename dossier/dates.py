"""Partial dates (`2023`, `2023-02`, `2023-02-14`): parsing, ordering and display."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from .load import describe

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
MONTHS = tuple(calendar.month_name)  # English, whatever the machine's locale: index 1 is January
_SHORT_MONTHS = {
    "en": tuple(calendar.month_abbr),
    "fr": ("", "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
}


def short_month(month: int, lang: str) -> str:
    """A month's short name, for a chart's axis: "Feb", "févr."."""
    return _SHORT_MONTHS.get(lang, _SHORT_MONTHS["en"])[month]


FRENCH_MONTHS = ("", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")


@dataclass(frozen=True, order=True)
class PartialDate:
    """Orders coarser first within a period: 2023 < 2023-01 < 2023-01-05 (month 0 = unknown)."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{n:02d}" for n in (self.month, self.day) if n]
        return "-".join(parts)

    @property
    def text(self) -> str:
        if not self.month:
            return str(self.year)
        if not self.day:
            return f"{MONTHS[self.month]} {self.year}"
        return f"{self.day} {MONTHS[self.month]} {self.year}"

    def text_in(self, lang: str) -> str:
        """As a reader of `lang` writes it: "14 February 2023", "14 février 2023" ("1er" for the first)."""
        if lang != "fr":
            return self.text
        if not self.month:
            return str(self.year)
        month = f"{FRENCH_MONTHS[self.month]} {self.year}"
        return month if not self.day else f"{'1er' if self.day == 1 else self.day} {month}"

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> datetime.date:
        month = self.month or 12
        return datetime.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        return self.iso


class DateError(ValueError):
    pass


def parse_date(value) -> PartialDate:
    """A YAML value -> PartialDate. Accepts the year as an integer and unquoted YAML dates."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise DateError(f"a date is YYYY, YYYY-MM or YYYY-MM-DD, not {describe(value)}")
    text = getattr(value, "text", None) or str(value)  # an unquoted 0700 is the year 700, not octal 448
    match = _DATE.fullmatch(text)
    if not match:
        raise DateError(f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else 0 for part in match.groups())
    if year < 1:
        raise DateError(f"'{text}' is not a real date: there is no year 0")
    if match.group(2) and not 1 <= month <= 12:
        raise DateError(f"'{text}' is not a real date: month {month} does not exist")
    if match.group(3):
        try:
            datetime.date(year, month, day)
        except ValueError:
            raise DateError(f"'{text}' is not a real date: {MONTHS[month]} {year} has no day {day}") from None
    return PartialDate(year, month, day)


def format_span(start: PartialDate, end: PartialDate | None, approximate: bool, lang: str = "en") -> str:
    """'14 February 2023', 'c. 2022', '2022 – March 2023'; in French '14 février 2023',
    'vers 2022', 'février–mars 2022' (a period within one year names the year once)."""
    if end is None:
        text = start.text_in(lang)
    elif lang == "fr" and start.year == end.year and start.month and end.month and not start.day and not end.day:
        text = f"{FRENCH_MONTHS[start.month]}–{end.text_in(lang)}"
    else:
        text = f"{start.text_in(lang)} – {end.text_in(lang)}"
    return f"{APPROXIMATELY[lang]} {text}" if approximate else text


APPROXIMATELY = {"en": "c.", "fr": "vers"}

