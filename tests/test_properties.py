"""Properties: whatever the data, the checks return problems (with a FILE:LINE:COLUMN) and never crash.

(a) random text as a data file; (b) random mutations of the valid test dataset.
The only exception allowed out of check_dataset is InvalidData.
"""

from __future__ import annotations

import copy
import datetime
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dossier.build import check_dataset
from dossier.load import parse_records
from dossier.problems import InvalidData, Problem

from .conftest import VALID_CASE

SETTINGS = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
PREFIX = re.compile(r"^data/[^:]+\.ya?ml:[1-9]\d*:[1-9]\d*: ")


def checked(root: Path) -> list[Problem]:
    """check_dataset's problems; any exception but InvalidData fails the test."""
    try:
        check_dataset(root)
    except InvalidData as invalid:
        return invalid.problems
    return []


def assert_well_formed(problems: list[Problem]) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert PREFIX.match(str(problem)), str(problem)


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


def fresh(work: Path) -> Path:
    """An empty dataset folder with the valid case's seeds, reused between examples."""
    root = work / "case"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(VALID_CASE / "seeds", root / "seeds")
    (root / "data").mkdir()
    return root


# -- (a) random text ----------------------------------------------------------------------

# Pieces of YAML, so that random text is often almost valid YAML.
PIECES = [
    "- ", "  ", "    ", "\n", "\n- ", "\n  ", "\t", ": ", ":", ",", "[", "]", "{", "}", "'", '"', "#", "? ", "| ", "> ",
    "---\n", "...\n", "&a ", "*a", "<<: ", "!foo ", "!!binary ", "!!set ", "!!python/object/apply:os.system ", "!!str ", "!!int ", "!!bool ", "!!float ", "!!null ", "!!timestamp ",
    "%YAML 1.1\n", "\ufeff", "\x00", "\u2028", "\x85", "é", "e\u0301", "«", "»", "’",
    "id", "title", "date", "date_end", "name", "kind", "state", "person", "actors", "sources", "source", "quote", "former_ids",
    "yes", "no", "on", "~", "null", "1e3", "0x1F", "0o17", ".inf", ".nan", "12", "-3", "1:30", "2023", "2023-02", "2023-02-14",
    "2023-02-30", "2023-13", "2023-02-14T10:00:00", "ravna", "a-b", "Ab_c", "true", "false",
]
yamlish = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=40).map("".join)
random_text = st.text(max_size=200) | yamlish


@settings(max_examples=150, **SETTINGS)
@given(text=random_text, collection=st.sampled_from(["sources", "actors", "events", "transfers", "agreements"]))
@example(text="- id: a\n  title: !!python/object/apply:os.system ['true']\n", collection="events")
@example(text="- &a {id: a}\n- *a\n- <<: *a\n", collection="actors")
@example(text="- id: a\n  id: a\n  ? [x]\n  : y\n", collection="sources")
@example(text='- id: a\n  note: "\x07"\n', collection="events")
@example(text="- {id: x, name: yes, kind: state}\n- {id: y, name: Y, kind: person, country: x}", collection="actors")
def test_random_text_as_a_data_file_gives_problems_never_exceptions(work, text, collection):
    records, problems = parse_records(text, f"data/{collection}.yaml")
    assert isinstance(records, list) and isinstance(problems, list)
    assert_well_formed(problems)
    root = fresh(work)
    (root / "data" / f"{collection}.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_well_formed(checked(root))


@settings(max_examples=60, **SETTINGS)
@given(data=st.binary(max_size=120))
def test_random_bytes_as_a_data_file_gives_problems_never_exceptions(work, data):
    root = fresh(work)
    (root / "data" / "events").mkdir()
    (root / "data" / "events" / "x.yaml").write_bytes(data)
    assert_well_formed(checked(root))


@settings(max_examples=20, **SETTINGS)
@given(tag=st.sampled_from(["!!bool", "!!int", "!!float"]), value=st.sampled_from(["''", "maybe", "x"]))
@example(tag="!!bool", value="maybe")
def test_explicit_core_tags_give_problems_never_exceptions(tag, value):
    records, problems = parse_records(f"- id: a\n  title: {tag} {value}\n", "data/events.yaml")
    assert_well_formed(problems)


# -- (b) random mutations of the valid dataset ------------------------------------------


def load_valid_case() -> dict[str, list]:
    files = {}
    for path in sorted((VALID_CASE / "data").rglob("*.yaml")):
        files[path.relative_to(VALID_CASE).as_posix()] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return files


VALID = load_valid_case()
FIELD_NAMES = sorted({key for records in VALID.values() for record in records for key in record} | {"titel", "colour", "url", "file", "quantity"})
IDS = sorted({record["id"] for records in VALID.values() for record in records})

# Written into the YAML as they are, unquoted: what safe_dump would never produce.
RAW_TOKENS = [
    "yes", "no", "2023-02-30", "2023-13", "2023-02-14T10:00:00", "1e3", "0o17", "0700", "1:30", "~", "", "!foo x", "&x y", "*x",
    "[a, b", "{a: 1", "'unclosed", "- a", "x: y", "[]", "{}", "|\n    block", "javascript:alert(1)", "../secret.txt", "/etc/passwd",
]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-10**6, max_value=10**6)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(IDS)
    | st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))
    | st.sampled_from([f"@@RAW{i}@@" for i in range(len(RAW_TOKENS))])
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(FIELD_NAMES + ["en", "fr", "source", "quote", "by", "stance"]), children, max_size=3),
    max_leaves=6,
)


@st.composite
def mutations(draw):
    files = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        name = draw(st.sampled_from(sorted(files)))
        records = files[name]
        if not isinstance(records, list) or not records:
            files[name] = [draw(values)]
            continue
        index = draw(st.integers(min_value=0, max_value=len(records) - 1))
        record = records[index]
        if not isinstance(record, dict):
            records[index] = draw(values)
            continue
        operation = draw(st.sampled_from(["delete", "set", "set-nested", "duplicate", "swap", "swap-records", "change-id", "replace-record", "move"]))
        keys = sorted(record)
        if operation == "delete" and keys:
            del record[draw(st.sampled_from(keys))]
        elif operation == "set":
            record[draw(st.sampled_from(FIELD_NAMES))] = draw(values)
        elif operation == "set-nested":
            nested = [v for v in record.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
            if nested:
                target = draw(st.sampled_from(nested))[0]
                target[draw(st.sampled_from(sorted(target) + ["source", "quote", "translation", "by", "stance", "sources", "extra"]))] = draw(values)
        elif operation == "duplicate":
            other = draw(st.sampled_from(sorted(files)))
            if isinstance(files[other], list):
                files[other].append(copy.deepcopy(record))
        elif operation == "swap" and len(keys) >= 2:
            a, b = draw(st.lists(st.sampled_from(keys), min_size=2, max_size=2, unique=True))
            record[a], record[b] = record[b], record[a]
        elif operation == "swap-records" and len(records) >= 2 and keys:
            other = records[draw(st.integers(min_value=0, max_value=len(records) - 1))]
            key = draw(st.sampled_from(keys))
            if isinstance(other, dict):
                record[key], other[key] = other.get(key), record[key]
        elif operation == "change-id":
            record["id"] = draw(st.sampled_from(IDS) | st.text(max_size=20) | st.sampled_from(["", "A_B", "a" * 81, "x--y"]))
        elif operation == "replace-record":
            records[index] = draw(values)
        elif operation == "move":
            other = draw(st.sampled_from(sorted(files)))
            if isinstance(files[other], list):
                files[other].append(records.pop(index))
    return files


def write_files(root: Path, files: dict[str, object]) -> None:
    for name, content in files.items():
        text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=1000)
        for i, token in enumerate(RAW_TOKENS):
            text = text.replace(f"'@@RAW{i}@@'", token).replace(f"@@RAW{i}@@", token)
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")


def test_the_unmutated_valid_case_round_trips(work):
    root = fresh(work)
    write_files(root, VALID)
    assert checked(root) == []


@settings(max_examples=120, **SETTINGS)
@given(files=mutations())
def test_mutations_of_the_valid_dataset_give_problems_never_exceptions(work, files):
    root = fresh(work)
    write_files(root, files)
    assert_well_formed(checked(root))
