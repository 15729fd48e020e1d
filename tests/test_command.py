"""scripts/build_pages.py as an editor runs it: messages, exit status, and what it writes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PROJECT, copy_valid_case, run_generator

SITE = ("--site-url", "https://dossier.example.org/")

# One broken input per class of error the contract forbids: (file, text to write, expected line).
BREAKAGES = {
    "yaml syntax": ("data/events/broken.yaml", "- id: x\n  title: [unclosed\n", r"data/events/broken\.yaml:2:10: YAML syntax error: this \[ list is not closed"),
    "unknown field": ("data/actors/broken.yaml", "- id: x\n  name: X\n  kind: state\n  nmae: y\n", r"data/actors/broken\.yaml:4:3: x: nmae: unknown field for actor \(did you mean 'name'\?\)"),
    "missing field": ("data/actors/broken.yaml", "- id: x\n  kind: state\n", r"data/actors/broken\.yaml:1:3: x: name: required field is missing"),
    "bad vocabulary": ("data/actors/broken.yaml", "- id: x\n  name: X\n  kind: stat\n", r"data/actors/broken\.yaml:3:9: x: kind: 'stat' is not one of: state, person, organisation, group \(did you mean 'state'\?\)"),
    "duplicate key": ("data/actors/broken.yaml", "- id: x\n  name: X\n  name: Y\n  kind: state\n", r"data/actors/broken\.yaml:3:3: duplicate key 'name' \(first written at line 2\)"),
    "alias": ("data/actors/broken.yaml", "- id: x\n  name: &n X\n  kind: state\n  aliases: [*n]\n", r"data/actors/broken\.yaml:2:9: anchor '&n' is not allowed"),
    "object tag": ("data/actors/broken.yaml", "- id: x\n  name: !!python/object/apply:os.system ['touch pwned']\n  kind: state\n", r"data/actors/broken\.yaml:2:9: YAML tag 'tag:yaml\.org,2002:python/object/apply:os\.system' is not allowed"),
    "bad id": ("data/actors/broken.yaml", "- id: Bad_Id\n  name: X\n  kind: state\n", r"data/actors/broken\.yaml:1:7: Bad_Id: id: 'Bad_Id' is not a valid id"),
    "impossible date": ("data/events/broken.yaml", "- id: x\n  date: 2023-02-30\n  title: T\n  category: context\n  actors: [ravna]\n  status: reported\n  sources: [{source: bulletin-2021-06, quote: Bulletin}]\n", r"data/events/broken\.yaml:2:9: x: date: '2023-02-30' is not a real date: February 2023 has no day 30"),
    "unquoted boolean": ("data/actors/broken.yaml", "- id: x\n  name: no\n  kind: state\n", r"data/actors/broken\.yaml:2:9: x: name: YAML reads this as the boolean false, not text: put it in quotes"),
    "missing reference": ("data/actors/broken.yaml", "- id: x\n  name: X\n  kind: person\n  country: ravan\n", r"data/actors/broken\.yaml:4:12: x: country: no actor has the id 'ravan' \(did you mean 'ravna'\?\)"),
    "javascript url": ("data/sources/broken.yaml", "- id: x\n  title: T\n  date: 2020\n  language: fr\n  url: javascript:alert(1)\n", r"data/sources/broken\.yaml:5:8: x: url: 'javascript:alert\(1\)' is not an http or https address"),
    "former id reused": ("data/sources/broken.yaml", "- id: x\n  title: T\n  date: 2020\n  language: en\n- id: y\n  title: T\n  date: 2020\n  language: en\n  former_ids: [x]\n", r"data/sources/broken\.yaml:9:16: y: former_ids\[0\]: 'x' is already the id of the source 'x' \(data/sources/broken\.yaml:1\)"),
    "field of another collection": ("data/sources/broken.yaml", "- id: x\n  title: T\n  date: 2020\n  language: en\n  file: bulletin.txt\n  former_ids: [z]\n- id: y\n  name: Y\n  kind: group\n", r"data/sources/broken\.yaml:8:3: y: name: unknown field for source$"),
    "overview link": ("data/overview.md", "Some text and [a link](#ravan).\n", r"data/overview\.md:1:15: link to '#ravan': no record has this id \(did you mean 'ravna'\?\)"),
    "misquoted": ("data/actors/broken.yaml", "- id: x\n  name: X\n  kind: group\n  sources:\n    - source: bulletin-2021-06\n      quote: The treaty of friendship was signed in Paris\n", r"data/actors/broken\.yaml:6:14: x: sources\[0\]\.quote: quote not found in seeds/bulletin\.txt; the longest part of it that is there: \"The treaty of friendship was signed in\""),
}


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def built(tmp_path):
    """A valid case already generated into its docs/, as a user's checkout after `make build`."""
    root = copy_valid_case(tmp_path / "case")
    (root / "docs").mkdir()
    (root / "docs" / "hand-written.md").write_text("# Mine\n")
    result = run_generator("--root", str(root), *SITE)
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.parametrize("name", BREAKAGES)
def test_bad_data_is_refused_with_file_and_line_and_docs_stay_as_they_were(built, name):
    relative, text, expected = BREAKAGES[name]
    path = built / relative
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)
    before = snapshot(built / "docs")
    result = run_generator("--root", str(built), *SITE)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(expected, result.stderr, re.MULTILINE), result.stderr
    assert result.stderr.rstrip().endswith("nothing was written")
    assert all(re.match(r"^data/[\w/.-]+\.(yaml|md):\d+:\d+: ", line) for line in result.stderr.splitlines()[:-1]), result.stderr
    assert snapshot(built / "docs") == before
    assert not (built / "pwned").exists() and not Path("pwned").exists()


def test_every_problem_is_reported_in_one_run(built):
    (built / "data" / "actors.yaml").write_text("- id: a\n  name: A\n  kind: stat\n- id: b\n  kind: state\n")
    (built / "data" / "agreements.yaml").write_text("- id: c\n  title: C\n  kind: treaty\n  parties: [a]\n  status: signed\n  sources: []\n")
    result = run_generator("--root", str(built), *SITE)
    lines = result.stderr.splitlines()
    assert lines[-1] == f"{len(lines) - 1} problems found; nothing was written"
    files = {line.split(":")[0] for line in lines[:-1]}
    assert {"data/actors.yaml", "data/agreements.yaml", "data/events/2021.yaml"} <= files


def test_check_validates_and_writes_nothing(tmp_path):
    root = copy_valid_case(tmp_path / "case")
    result = run_generator("--root", str(root), "--check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("checked 10 records: no problem found")
    assert not (root / "docs").exists()


def test_a_second_run_rewrites_nothing(built):
    before = snapshot(built / "docs")
    result = run_generator("--root", str(built), *SITE)
    assert result.returncode == 0
    assert re.search(r"0 files written, \d+ unchanged, 0 removed", result.stdout), result.stdout
    assert snapshot(built / "docs") == before


def test_editing_one_record_rewrites_only_the_pages_it_appears_on(built):
    before = snapshot(built / "docs")
    path = built / "data" / "agreements.yaml"
    path.write_text(path.read_text().replace("location: Lorn", "location: Lorn-by-the-Sea"))
    assert run_generator("--root", str(built), *SITE).returncode == 0
    after = snapshot(built / "docs")
    # the English location shows in both editions (the test case has no French for it)
    changed = ["agreements.md", "data/agreements.csv", "data/dossier.json"]
    assert sorted(p for p in after if after[p] != before.get(p)) == sorted(changed + ["fr/" + p for p in changed])


def test_a_removed_record_takes_its_pages_with_it_and_hand_written_files_stay(built):
    path = built / "data" / "actors.yaml"
    text = path.read_text()
    path.write_text(text[: text.index("- id: anna-verel")])
    transfers = built / "data" / "transfers.yaml"
    transfers.write_text(re.sub(r"  claims:\n(    .*\n)+", "", transfers.read_text()))
    result = run_generator("--root", str(built), *SITE)
    assert result.returncode == 0, result.stderr
    assert not (built / "docs" / "actors" / "anna-verel.md").exists()
    assert not (built / "docs" / "r" / "anna-verel").exists()
    assert (built / "docs" / "hand-written.md").read_text() == "# Mine\n"


def test_renamed_record_keeps_its_old_link_through_former_ids(built):
    path = built / "data" / "agreements.yaml"
    path.write_text(path.read_text().replace("- id: friendship-treaty\n", "- id: ravna-ostrava-treaty\n  former_ids: [friendship-treaty]\n"))
    for other in ("events/2021.yaml",):
        p = built / "data" / other
        p.write_text(p.read_text().replace("related: [friendship-treaty]", "related: [ravna-ostrava-treaty]"))
    result = run_generator("--root", str(built), *SITE)
    assert result.returncode == 0, result.stderr
    redirect = (built / "docs" / "r" / "friendship-treaty" / "index.html").read_text()
    assert 'url=../../agreements/#ravna-ostrava-treaty"' in redirect


def test_a_reader_that_stops_reading_gets_no_traceback(tmp_path):
    root = copy_valid_case(tmp_path / "case")
    command = [sys.executable, str(PROJECT / "scripts" / "build_pages.py"), "--root", str(root), "--site-url", "https://dossier.example.org/"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=PROJECT)
    process.stdout.close()  # as `build_pages.py | head -0` would
    stderr = process.stderr.read().decode()
    assert process.wait() == 1
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    assert (root / "docs" / "timeline.md").is_file()  # the work was done before the output was refused
