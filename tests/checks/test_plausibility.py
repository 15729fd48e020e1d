"""Warnings an editor would want to hear about; the data may mean them, and then says so."""

from __future__ import annotations

from dossier.build import check_dataset
from dossier.checks.plausibility import warnings

from ..conftest import run_generator
from .records import EVENT, added, replaced


def warned(root) -> list[str]:
    return [str(w) for w in warnings(list(check_dataset(root).records.values()))]


def test_an_event_dated_after_every_source_it_cites_warns_and_builds(valid_root):
    future = replaced(EVENT, "date: 2021-05", "date: 2031")
    assert added(valid_root, "events", future) == []
    (warning,) = warned(valid_root)
    assert warning.startswith("data/events/new.yaml:2:9: new-event: date: warning: dated 2031, after every source it cites (the latest of 12 June 2021)")
    assert warning.endswith("(if it is meant: acknowledged: [after-its-sources])")
    result = run_generator("--check", "--root", str(valid_root))
    assert result.returncode == 0 and result.stderr.count("warning: dated 2031") == 1, result.stderr


def test_a_planned_event_may_come_after_its_source_but_not_before_it(valid_root):
    later = replaced(replaced(EVENT, "date: 2021-05", "date: 2031"), "status: reported", "status: planned")
    assert added(valid_root, "events", later) == [] and warned(valid_root) == []
    earlier = replaced(replaced(EVENT, "date: 2021-05", "date: 2019"), "status: reported", "status: planned")
    added(valid_root, "events", earlier)
    (warning,) = warned(valid_root)
    assert "warning: planned, yet dated 2019, before the source that reports it (12 June 2021)" in warning


def test_a_period_of_decades_warns(valid_root):
    added(valid_root, "events", EVENT.replace("date: 2021-05\n", "date: 1990\n  date_end: 2021\n"))
    (warning,) = warned(valid_root)
    assert "new-event: date_end: warning: a period of 31 years (1990 to 2021)" in warning


def test_a_quote_backing_one_event_as_reported_and_another_as_alleged_warns_both(valid_root):
    added(valid_root, "events", replaced(EVENT, "status: reported", "status: alleged") + EVENT.replace("new-event", "other-event"))
    assert [w.split(": warning: ")[0].rsplit(": ", 2)[1] for w in warned(valid_root)] == ["new-event", "other-event"]


def test_a_warning_the_data_acknowledges_is_not_given_again(valid_root):
    added(valid_root, "events", replaced(EVENT, "date: 2021-05", "date: 2031") + "  acknowledged: [after-its-sources]\n")
    assert warned(valid_root) == []


def test_an_unknown_warning_name_is_an_error(valid_root):
    (problem,) = added(valid_root, "events", EVENT + "  acknowledged: [after-the-sources]\n")
    assert "acknowledged[0]: 'after-the-sources' is not one of" in problem and "did you mean 'after-its-sources'" in problem
