"""A large dossier's data files are read and shaped by two processes: the records and the
problems are those one process finds, in the same order, and a failure in either is told."""

from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path

import pytest

from dossier import reading, workers
from dossier.load import data_files
from dossier.model import Record
from dossier.problems import Mark
from dossier.seeds import Seeds

from .conftest import FAILURES, bench_module, problems_of

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this system: one process reads")

synthetic = bench_module("synthetic")


@pytest.fixture
def dataset(tmp_path) -> Path:
    synthetic.write_dataset(tmp_path, 300, seed=3)
    return tmp_path


def read(root: Path, monkeypatch, split: bool):
    monkeypatch.setattr(reading, "BYTES_WORTH_A_PROCESS", 0 if split else 10**12)
    started = []
    monkeypatch.setattr(reading, "Forked", lambda work: started.append(work) or workers.Forked(work))
    read = reading.read_records(root, Seeds(root / "seeds"))
    assert len(started) == split
    return read


def spoil(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_forked_process_reads_a_share_and_the_last_files():
    files = [("events", Path(f"{n}.yaml")) for n in range(4)]
    sizes = dict(zip(files, (400_000, 300_000, 200_000, 200_000)))
    real_size = reading._size
    try:
        reading._size = lambda path: sizes[("events", path)]
        assert reading._first_forked_file(files) == 2  # 400,000 bytes of 1,100,000: at most FORKED_SHARE (47%)
        reading._size = lambda path: sizes[("events", path)] // 10
        assert reading._first_forked_file(files) == 4  # 110,000 bytes in all: not worth a process
    finally:
        reading._size = real_size


def test_two_processes_read_what_one_reads(dataset, monkeypatch):
    files = data_files(dataset / "data")
    alone = read(dataset, monkeypatch, split=False)
    split = read(dataset, monkeypatch, split=True)
    cut = reading._first_forked_file(files)
    assert 0 < cut < len(files) - 1  # both processes read several files
    assert [r.id for r in split[0]] == [r.id for r in alone[0]] and len(alone[0]) > 250
    assert split[0] == alone[0]  # values, marks and all
    assert split[1] == alone[1] == []


def test_two_processes_find_the_problems_one_finds(dataset, monkeypatch):
    files = [path.relative_to(dataset).as_posix() for _, path in data_files(dataset / "data")]
    first = next(f for f in files if f.startswith("data/events/"))  # read by this process
    last = files[-1]  # read by the forked one
    spoil(dataset, first, "  date: ", "  dated: ")  # unknown field, and a required one missing
    spoil(dataset, last, "- id: ", "- id: Not-An-Id\n  x: [\n- id: ")  # a YAML syntax error
    spoil(dataset, files[-2], "status: ", "status: rumoured-")  # not one of the statuses
    spoil(dataset, files[-2], "quote: \"", "quote: \"not in the source ")  # a quote not found
    (dataset / "data" / "stray.yaml").write_text("- id: stray\n", encoding="utf-8")
    monkeypatch.setattr(reading, "BYTES_WORTH_A_PROCESS", 10**12)
    alone = problems_of(dataset)
    monkeypatch.setattr(reading, "BYTES_WORTH_A_PROCESS", 0)
    assert problems_of(dataset) == alone
    spoiled = {line.split(":")[0] for line in alone}
    assert {first, last, files[-2], "data/stray.yaml"} <= spoiled
    assert any("quote not found" in line for line in alone)


def fail_on_the_last_file(how):
    real = reading.load_files

    def load_files(root, files):
        if files[-1] == data_files(root / "data")[-1]:
            how()
        return real(root, files)

    return load_files


@FAILURES
def test_a_failure_in_the_forked_process_is_told(dataset, monkeypatch, how, error, message):
    monkeypatch.setattr(reading, "load_files", fail_on_the_last_file(how))
    with pytest.raises(error, match=message):
        read(dataset, monkeypatch, split=True)


def test_a_record_pickles_with_its_marks():
    mark = Mark("data/events.yaml", 3, 3)
    marks = {"id": Mark("data/events.yaml", 3, 7), "actors[0]": Mark("data/events.yaml", 5, 12)}
    record = Record("events", "e", {"id": "e", "actors": ("a",)}, mark, marks)
    again = pickle.loads(pickle.dumps(record))
    assert again == record and type(again.marks["id"]) is Mark and again.actors == ("a",)
    elsewhere = Record("events", "e", {"id": "e"}, mark, {"id": Mark("data/other.yaml", 1, 1)})
    assert pickle.loads(pickle.dumps(elsewhere)).marks == {"id": Mark("data/other.yaml", 1, 1)}
