"""A large dossier's pages, rendered by a pool of forked processes, one per core.

Pages are independent, and planning and rendering them are most of the generator's time. Each
process takes the next piece of work as it comes free (the downloads and the history pages,
then chunks of the page tasks and redirects) and returns its files to this process, which writes nothing until every
piece is back: a failure anywhere writes nothing. The work reaches the processes by fork, as it
is (a page task is a planner's closure, which pickling could not carry); only files travel back.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable

from .render import render_jobs

Files = dict[str, str]  # path under docs/ -> text

JOBS_WORTH_A_PROCESS = 400
CHUNKS_PER_WORKER = 16

_work: list[Callable[[], Files]] = []  # what the pool at work is to do, inherited by its forked processes


class WorkerFailed(Exception):
    """A worker stopped without a word (killed, or out of memory)."""


def render_files(jobs: list[Any], makers: list[Callable[[], Files]] = ()) -> Files:
    """Every job's files and those each maker returns (files that need no page: the downloads),
    made here or, for many jobs and more than one core, by a pool (the makers first)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    workers = min(cores, len(jobs) // JOBS_WORTH_A_PROCESS)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        files = dict(render_jobs(jobs))
        for make in makers:
            files.update(make())
        return files
    _work[:] = [*makers, *(functools.partial(_render, jobs, *span) for span in _spans(len(jobs), workers * CHUNKS_PER_WORKER))]
    files: Files = {}
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    try:
        for made in pool.map(_do, range(len(_work))):
            files.update(made)
    except BrokenProcessPool as error:
        raise WorkerFailed(f"a forked process stopped: {error}") from None
    finally:
        pool.shutdown(cancel_futures=True)  # after a failure, the work not begun is dropped
        _work.clear()
    return files


def _do(number: int) -> Files:
    return _work[number]()


def _render(jobs: list[Any], start: int, stop: int) -> Files:
    return dict(render_jobs(jobs[start:stop]))


def _spans(count: int, parts: int) -> list[tuple[int, int]]:
    step = max(1, -(-count // parts))
    return [(i, min(i + step, count)) for i in range(0, count, step)]
