"""Data files -> shaped records: each file read (load.py), its records shaped (checks/shape.py)."""

from __future__ import annotations

from pathlib import Path

from .checks.shape import shape_records
from .load import data_files, load_files, stray_file_problems
from .model import Record
from .problems import Problem
from .seeds import Seeds


def read_records(root: Path, seeds: Seeds) -> tuple[list[Record], list[Problem]]:
    """Every record under root/data, shaped; and the problems met reading and shaping them."""
    raw, problems = load_files(root, data_files(root / "data"))
    records, shape_problems = shape_records(raw, seeds)
    return records, stray_file_problems(root) + problems + shape_problems
