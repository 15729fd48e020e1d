"""The checks across records, run in order on the shaped records.

Each module has one `check(records, seeds) -> list[Problem]`; add a module and list it here.
The per-record shape check (`shape.py`) runs before these, as it makes the records.
"""

from . import ids, markers, periods, quotes, references

DATASET_CHECKS = (ids.check, references.check, periods.check, quotes.check, markers.check)
