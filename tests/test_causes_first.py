"""An editor's usual mistakes on the real dossier: the cause is printed first, and what follows
from it only (references to the records it hides) in one line, not one line each."""

from __future__ import annotations

import shutil

import pytest

from .conftest import PROJECT, run_generator

EVENTS = "data/events.yaml"


@pytest.fixture
def dossier_copy(tmp_path):
    for folder in ("data", "seeds"):
        shutil.copytree(PROJECT / folder, tmp_path / folder)
    return tmp_path


def spoiled(root, old: str, new: str) -> list[str]:
    path = root / EVENTS
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    result = run_generator("--check", "--root", str(root))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr.splitlines()[:-1]  # the last line counts the problems


def where(root) -> str:
    return EVENTS  # run_generator stands in the dossier's folder


CASES = {
    "extra indent": ("- id: iran-neutral-posture-2022\n  date:", "- id: iran-neutral-posture-2022\n   date:", ":36:8: YAML syntax error: a line indented more than the one before"),
    "tab": ("- id: iran-neutral-posture-2022\n  date:", "- id: iran-neutral-posture-2022\n\tdate:", ":36:1: YAML syntax error: a tab: YAML indents with spaces only"),
    "unclosed quote": ('    en: "Russia invades Ukraine"', '    en: "Russia invades Ukraine', ":9:9: YAML syntax error: this quoted text seems not to be closed on its line"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_file_that_cannot_be_read_is_its_own_one_problem_with_one_line_for_what_follows(dossier_copy, case):
    old, new, cause = CASES[case]
    lines = spoiled(dossier_copy, old, new)
    assert lines[0].startswith(where(dossier_copy) + cause), lines
    assert len(lines) == 2, lines
    assert lines[1].startswith(where(dossier_copy)) and "references to records of this file not checked: this file could not be read" in lines[1]


def test_a_broken_id_is_reported_with_one_line_for_the_references_it_leaves_unchecked(dossier_copy):
    lines = spoiled(dossier_copy, "- id: russia-invades-ukraine-2022-02\n", "- id: Russia-invades-ukraine-2022-02\n")
    assert len(lines) == 2, lines
    assert lines[0].startswith(where(dossier_copy) + ":6:7: Russia-invades-ukraine-2022-02: id: 'Russia-invades-ukraine-2022-02' is not a valid id")
    assert lines[1].endswith("references to this record not checked: its id is not valid")


def test_a_reference_to_an_id_nobody_wrote_is_still_reported(dossier_copy):
    lines = spoiled(dossier_copy, "    - russia-iran-alliance-deepens-2022-2023\n    - iran-neutral-posture-2022\n", "    - russia-iran-alliance-deepens-2022-2023\n    - iran-neutral-posture-2021\n")
    assert len(lines) == 1 and "no record has the id 'iran-neutral-posture-2021' (did you mean 'iran-neutral-posture-2022'?)" in lines[0], lines


def test_messages_name_files_as_typed_from_where_the_editor_stands(dossier_copy):
    path = dossier_copy / EVENTS
    path.write_text(path.read_text(encoding="utf-8").replace("category: context", "category: gossip", 1), encoding="utf-8")
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(PROJECT / "scripts" / "build_pages.py"), "--check", "--root", "."], capture_output=True, text=True, cwd=dossier_copy)
    assert result.stderr.startswith("data/events.yaml:"), result.stderr
    result = subprocess.run([sys.executable, str(PROJECT / "scripts" / "build_pages.py"), "--check", "--root", dossier_copy.name], capture_output=True, text=True, cwd=dossier_copy.parent)
    assert result.stderr.startswith(f"{dossier_copy.name}/data/events.yaml:"), result.stderr
