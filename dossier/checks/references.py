"""Every id a record names exists, in a collection of the right kind."""

from __future__ import annotations

from ..model import Record
from ..problems import Problem, did_you_mean
from ..schema import RECORD_NOUN


def check(records: list[Record], seeds) -> list[Problem]:
    by_id: dict[str, Record] = {}
    for record in records:
        by_id.setdefault(record.id, record)  # a duplicate id is the ids check's to report
    former = {old: r.id for r in records for old in r.former_ids}
    problems = []
    for record in records:
        for path, target_id, field in record.references():
            problem = _problem(target_id, field, by_id, former)
            if problem:
                missing = target_id not in by_id and target_id not in former
                problems.append(Problem(record.mark_of(path), problem, record.id, path, about=target_id if missing else None))
    return problems


def _problem(target_id: str, field, by_id: dict[str, Record], former: dict[str, str]) -> str | None:
    target = by_id.get(target_id)
    wanted = field.refers_to
    if target is None:
        if target_id in former:
            return f"'{target_id}' is a former id: write the current id '{former[target_id]}'"
        candidates = [r.id for r in by_id.values() if wanted == "*" or r.collection == wanted]
        noun = "record" if wanted == "*" else RECORD_NOUN[wanted]
        return f"no {noun} has the id '{target_id}'{did_you_mean(target_id, candidates)}"
    if wanted != "*" and target.collection != wanted:
        return f"'{target_id}' is {_a(RECORD_NOUN[target.collection])}, not {_a(RECORD_NOUN[wanted])}"
    if field.actor_kind and target.kind and target.kind != field.actor_kind:  # no kind: already reported
        return f"'{target_id}' is {_a(target.kind)}, not {_a(field.actor_kind)}"
    return None


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"
