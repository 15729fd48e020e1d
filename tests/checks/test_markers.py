"""A citation marker names a citation of its record; with markers required, every sentence ends with one."""

from __future__ import annotations

from ..conftest import problems_of, run_generator
from .records import EVENT, TEMPLATES, added, replaced

SUMMARY = "  status: reported\n  summary: {summary}\n"


def with_summary(summary: str, template: str = EVENT) -> str:
    return replaced(template, "  status: reported\n", SUMMARY.format(summary=summary))


def test_markers_that_name_the_records_citations_pass(valid_root):
    assert added(valid_root, "events", with_summary('"It was signed in Lorn.[1]"')) == []


def test_a_marker_past_the_last_citation_is_refused_with_its_place(valid_root):
    (problem,) = added(valid_root, "events", with_summary('"It was signed.[1] In Lorn.[1, 3]"'))
    assert problem == (
        "data/events/new.yaml:7:12: new-event: summary: marker '[1, 3]': this record has 1 citation, numbered 1 to 1 (its sources, in order)"
    )


def test_a_marker_zero_is_refused(valid_root):
    (problem,) = added(valid_root, "events", with_summary('"Signed.[0]"'))
    assert "marker '[0]'" in problem


def test_claims_citations_come_after_the_records_own_sources(valid_root):
    event = with_summary('"Ravna denies it.[2]"') + "  claims:\n    - by: ravna\n      stance: denies\n      sources:\n        - source: bulletin-2021-06\n          quote: signed in Lorn\n"
    assert added(valid_root, "events", event) == []
    (problem,) = added(valid_root, "events", event.replace(".[2]", ".[3]"))
    assert "numbered 1 to 2 (its 1 sources, then its claims' sources)" in problem


def test_a_marker_on_an_actor_without_citations_says_to_add_one(valid_root):
    actor = TEMPLATES["actors"] + '  roles: ["Founded in 2021[1]"]\n'
    (problem,) = added(valid_root, "actors", actor)
    assert problem.startswith("data/actors/new.yaml:4:11: new-actor: roles[0]: marker '[1]' names a citation, but this record cites nothing")


def test_a_marker_in_a_source_which_cites_nothing(valid_root):
    source = TEMPLATES["sources"] + '  note: "Dated by the bulletin.[1]"\n'
    (problem,) = added(valid_root, "sources", source)
    assert "new-source: note: marker '[1]' names a citation, but this record cites nothing: a source cites no other" in problem


def test_a_marker_in_a_title_is_refused(valid_root):
    (problem,) = added(valid_root, "events", replaced(EVENT, "title: A new event", 'title: "A new event[1]"'))
    assert "new-event: title: '[1]' looks like a citation marker; markers belong in roles, summary, note" in problem


def test_french_text_is_checked_too(valid_root):
    (problem,) = added(valid_root, "events", with_summary('{en: "Signed.[1]", fr: "Signé.[2]"}'))
    assert "summary.fr: marker '[2]'" in problem


def require_markers(root) -> None:
    (root / "data" / "settings.yaml").write_text("citation_markers: required\n", encoding="utf-8")


def test_with_markers_required_every_unmarked_sentence_is_an_error(valid_root):
    require_markers(valid_root)
    problems = problems_of(valid_root)
    assert "data/overview.md:4:1: sentence ends with no citation marker: \"Ravna [denies delivering any weapons](#ravna-denies-arms),…\"; end it with [record-id n], the record and the number of its citation that backs it" in problems
    assert not [p for p in problems if "data/events" in p or "actors.yaml" in p], problems  # the case's summaries and roles are marked
    (problem,) = [p for p in added(valid_root, "events", with_summary('"Signed in Lorn.[1] Nothing backs this."')) if "new-event" in p]
    assert problem == (
        'data/events/new.yaml:7:12: new-event: summary: sentence 2 of 2 ends with no citation marker: "Nothing backs this."; '
        "end it with [n], n the number of the citation that backs it"
    )


def test_a_note_needs_no_marker_even_when_markers_are_required(valid_root):
    require_markers(valid_root)
    (valid_root / "data" / "overview.md").unlink()
    assert added(valid_root, "events", EVENT + '  note: "The editors infer the month."\n') == []


def test_an_overview_marker_naming_no_record_or_no_citation(valid_root):
    overview = valid_root / "data" / "overview.md"
    overview.write_text("Signed.[friendship-treaty-signd 1]\n\nNegotiated.[spring-2021 2]\n\nRenamed.[treaty-signing 1]\n", encoding="utf-8")
    assert problems_of(valid_root) == [
        "data/overview.md:1:8: marker [friendship-treaty-signd 1] names 'friendship-treaty-signd': no record has this id (did you mean 'friendship-treaty-signed'?)",
        "data/overview.md:3:12: marker [spring-2021 2] names citation 2 of 'spring-2021', which has 1 citation, numbered 1 to 1",
        "data/overview.md:5:9: marker [treaty-signing 1] names 'treaty-signing', a former id: write 'friendship-treaty-signed'",
    ]


def test_an_unknown_setting_or_value_is_refused_with_its_place(valid_root):
    (valid_root / "data" / "settings.yaml").write_text("citation_markers: always\ncitation_marker: required\n", encoding="utf-8")
    assert problems_of(valid_root) == [
        "data/settings.yaml:1:19: citation_markers: 'always' is not one of: optional, required",
        "data/settings.yaml:2:1: unknown setting (did you mean 'citation_markers'?); settings are citation_markers, french",
    ]


def test_a_dataset_without_markers_builds_and_reports_none_marked(tmp_path):
    from ..conftest import copy_valid_case

    root = copy_valid_case(tmp_path / "case")
    for path in (root / "data").rglob("*"):
        if path.is_file():
            path.write_text(path.read_text(encoding="utf-8").replace("[1, 2]", "").replace("(2021)[1]", "(2021)").replace(".[2]", ".")
                            .replace(",[friendship-treaty-signed 1]", ",").replace(".[spring-2021 1]", "."), encoding="utf-8")
    result = run_generator("--check", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert "citation markers events: 0 of 1 summary sentences marked (0%)" in result.stdout
    assert "citation markers actors: 0 of 1 summary sentences and roles marked (0%)" in result.stdout
    assert "citation markers overview: 0 of 2 sentences marked (0%)" in result.stdout



def test_the_projects_own_dossier_requires_markers_and_marks_every_sentence():
    result = run_generator("--check")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("citation markers ")]
    assert len(lines) == 5 and all(line.endswith("marked (100%)") for line in lines), result.stdout
