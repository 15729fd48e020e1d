"""With `french: required`, every text the site shows has its French, at its place if not."""

from __future__ import annotations

from ..conftest import problems_of, run_generator
from .records import ACTOR, added


def require_french(root) -> None:
    (root / "data" / "settings.yaml").write_text("french: required\n", encoding="utf-8")


def test_a_text_without_french_is_an_error_naming_its_field_and_place(valid_root):
    require_french(valid_root)
    problems = problems_of(valid_root)
    assert "data/events/context.yaml:5:10: spring-2021: title: no French text: write it as {en: \"…\", fr: \"…\"} (or en: and fr: on lines of their own)" in problems
    assert any(p.startswith("data/actors.yaml:") and "anna-verel: roles[0]: no French text" in p for p in problems), problems
    assert "data/overview.fr.md:1:1: missing: the overview in French, beside data/overview.md" in problems
    # the English title of a source and its aliases are not asked for
    assert not [p for p in problems if ": title_en:" in p or ": aliases" in p]


def test_a_record_with_all_its_french_passes(valid_root):
    require_french(valid_root)
    before = len(problems_of(valid_root))
    actor = ACTOR.replace("name: New actor", "name: {en: New actor, fr: Nouvel acteur}") + '  roles: [{en: "A role", fr: "Un rôle"}]\n'
    assert len(added(valid_root, "actors", actor)) == before
    untranslated = ACTOR + '  roles: ["A role"]\n'
    assert len(added(valid_root, "actors", untranslated)) == before + 2  # its name and its role


def test_without_the_setting_english_stands_in_and_the_share_is_printed():
    from ..conftest import VALID_CASE

    result = run_generator("--check", "--root", str(VALID_CASE))
    assert result.returncode == 0, result.stderr
    assert "french events: 2 of 4 texts in French (50%)" in result.stdout, result.stdout


def test_the_projects_own_dossier_is_all_in_french():
    result = run_generator("--check")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("french ")]
    assert len(lines) == 5 and all(line.endswith("(100%)") for line in lines), result.stdout
