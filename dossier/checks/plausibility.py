"""What an editor would want to hear about, though the data may mean it: warnings, not errors.

Each has a name; a record that means it says so with `acknowledged: [name, ...]`, and is not
warned again.

- `after-its-sources`: dated after every source it cites (a source cannot report what came
  after it), unless its status is planned (what a source announces).
- `planned-before-its-source`: planned, yet dated before the source that reports the plan.
- `long-period`: a period of more than 25 years.
- `status-differs-for-a-quote`: a quote that backs two records of a collection, one confirmed
  or reported, the other alleged.
"""

from __future__ import annotations

from ..folding import fold
from ..model import Record
from ..problems import Problem
from ..schema import WARNINGS

_NAMES = {w.value for w in WARNINGS}

LONG_PERIOD_YEARS = 25
_GROUP = {"confirmed": "firm", "reported": "firm", "alleged": "alleged", "planned": "intended", "requested": "intended", "possible": "intended"}


def warnings(records: list[Record]) -> list[Problem]:
    sources = {r.id: r for r in records if r.collection == "sources"}
    found = []
    quoted: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        for citation in record.citations:
            if citation.path.startswith("sources"):  # what backs the record itself, not who claims what
                quoted.setdefault((citation.source, fold(citation.quote)), []).append(record)
        date, status = record.when, record.values.get("status")
        cited = [sources[c.source].date for c in record.citations if c.source in sources]
        if date is not None and cited:
            latest = max(cited, key=lambda d: d.last_day)
            if date.first_day > latest.last_day and status != "planned":
                found.append(_warn(record, "date", "after-its-sources", f"dated {date.text}, after every source it cites (the latest of {latest.text}): a source reports what came before it, or a plan (status: planned)"))
            earliest = min(cited, key=lambda d: d.first_day)
            if status == "planned" and date.last_day < earliest.first_day:
                found.append(_warn(record, "date", "planned-before-its-source", f"planned, yet dated {date.text}, before the source that reports it ({earliest.text})"))
        end = record.values.get("date_end")
        if date is not None and end is not None and end.year - date.year > LONG_PERIOD_YEARS:
            found.append(_warn(record, "date_end", "long-period", f"a period of {end.year - date.year} years ({date.text} to {end.text})"))
    for (source, _), citing in quoted.items():
        for collection in ("events", "transfers"):
            statuses = {r.id: r.values.get("status") for r in citing if r.collection == collection}
            if {_GROUP[s] for s in statuses.values()} >= {"firm", "alleged"}:
                for record in (r for r in citing if r.id in statuses):
                    others = ", ".join(f"{i} ({s})" for i, s in statuses.items() if i != record.id)
                    found.append(_warn(record, "status", "status-differs-for-a-quote", f"{record.values.get('status')}, yet the same quote of {source} backs {others}"))
    return sorted({p for p in found if p is not None}, key=lambda p: p.mark)


def _warn(record: Record, field: str, name: str, message: str) -> Problem | None:
    assert name in _NAMES, name
    if name in (record.values.get("acknowledged") or ()):
        return None
    return Problem(record.mark_of(field), f"warning: {message} (if it is meant: acknowledged: [{name}])", record.id, field)
