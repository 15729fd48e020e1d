"""Data files -> shaped records; a large dossier's files are shared with a forked process.

Reading a file (load.py) and shaping its records (checks/shape.py) need no other file, and at
10,000 records take a second on one core while the other waits. Past BYTES_WORTH_A_PROCESS, a
forked process reads and shapes the last files while this one reads the first. Its records
and problems come back pickled and follow ours: the same records, in the same order, as one
process reading every file would make, and the same problems (InvalidData sorts them by place).
"""

from __future__ import annotations

import functools
from pathlib import Path

from .checks.shape import shape_records
from .load import RawRecord, data_files, load_files, stray_file_problems
from .model import Record
from .problems import Problem
from .seeds import Seeds
from .workers import Forked

BYTES_WORTH_A_PROCESS = 1_000_000
FORKED_SHARE = 0.47  # of the bytes, a little under half: the forked process also pickles its records


def read_records(root: Path, seeds: Seeds) -> tuple[list[Record], list[Problem], list[RawRecord]]:
    """Every record under root/data, shaped; the problems met reading and shaping them; and
    the raw records this process read (to keep alive, see build._KEPT_TO_THE_END)."""
    files = data_files(root / "data")
    cut = _first_forked_file(files)
    problems = stray_file_problems(root)
    if cut == len(files):
        records, more, raw = _read(root, files, seeds)
        return records, problems + more, raw
    with Forked(functools.partial(_read, root, files[cut:], seeds, keep_raw=False)) as theirs:
        records, more, raw = _read(root, files[:cut], seeds)
        their_records, their_problems, _ = theirs.result()
    return records + their_records, problems + more + their_problems, raw


def _read(root: Path, files: list[tuple[str, Path]], seeds: Seeds, keep_raw: bool = True):
    raw, problems = load_files(root, files)
    records, shape_problems = shape_records(raw, seeds)
    return records, problems + shape_problems, raw if keep_raw else []


def _first_forked_file(files: list[tuple[str, Path]]) -> int:
    """Where the forked process's share begins: the last files, FORKED_SHARE of the bytes at most."""
    sizes = [_size(path) for _, path in files]
    if sum(sizes) < BYTES_WORTH_A_PROCESS:
        return len(files)
    cut, share = len(files), 0
    while cut > 1 and share + sizes[cut - 1] <= FORKED_SHARE * sum(sizes):
        cut -= 1
        share += sizes[cut]
    return cut


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # load_file says why it cannot be read
