"""Work shared with forked processes: the page jobs of a large dossier, one process per core,
and any one piece of work started beside the rest (`Forked`).

Pages are independent, and planning and rendering them are most of the generator's time, so
each core plans and renders a share. A worker keeps the files it made and hands them to `keep`
(which writes them to docs/) only once every worker has made its share without error: a
failure anywhere still writes nothing, and the text of the pages never has to travel between
processes. The `meanwhile` files (the downloads, which need no page) are made elsewhere in the
meantime, and kept by this process along with the workers.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from typing import Any, Callable, Generic, TypeVar

from .pages import PageTask, Redirect
from .render import render_jobs

Files = dict[str, str]  # path under docs/ -> text
Kept = TypeVar("Kept")
Result = TypeVar("Result")

JOBS_WORTH_A_PROCESS = 400
CHUNKS_PER_WORKER = 16


class WorkerFailed(Exception):
    """A worker stopped without a word (killed, or out of memory)."""


def render_pages(
    tasks: list[PageTask],
    redirects: list[Redirect],
    meanwhile: Callable[[], Files] | None = None,
    keep: Callable[[Files], Kept] = dict,
    rendered: Callable[[], None] | None = None,
) -> list[Kept]:
    """Every generated file: the pages the tasks plan, the redirects, and the files `meanwhile`
    returns (made elsewhere in the meantime: it is called once the pages are made, and may
    wait), handed to `keep` in shares (one per process that made pages, and this one's for
    the `meanwhile` files) once all are made; returns what `keep` returned for each share.
    `rendered` is called between the two steps."""
    jobs: list[Any] = [*tasks, *redirects]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    workers = min(cores, len(jobs) // JOBS_WORTH_A_PROCESS)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        files = dict(render_jobs(jobs))
        files.update(meanwhile() if meanwhile else {})
        if rendered:
            rendered()
        return [keep(files)]
    # Pages vary: small chunks, handed out as workers come free. Redirects cost little to render
    # but as much as a page to write (a folder each): an equal share each, made first.
    spans = _spans(0, len(tasks), workers * CHUNKS_PER_WORKER)
    context = multiprocessing.get_context("fork")
    next_span = context.Value("i", 0)
    connections, processes = [], []
    try:
        for number in range(workers):
            ours, theirs = context.Pipe()
            # Forked, so the jobs and functions are inherited as they are, never pickled.
            job = (theirs, tasks, redirects[number::workers], spans, next_span, keep)
            process = context.Process(target=_work, args=job, daemon=True)
            process.start()
            theirs.close()
            connections.append(ours)
            processes.append(process)
        made = _gather(connections, processes)
        made_meanwhile = _outcome(meanwhile or dict)
        go = not any(isinstance(message, _Failure) for message in [*made, made_meanwhile])
        for connection, message in zip(connections, made):
            if not isinstance(message, _Failure):  # it waits for the word
                connection.send(go)
        _raise_first([*made, made_meanwhile])
        if rendered:
            rendered()
        ours_kept = _outcome(lambda: keep(made_meanwhile))  # written while the workers write theirs
        kept = [*_gather(connections, processes), ours_kept]
        _raise_first(kept)
        return kept
    finally:
        for connection, process in zip(connections, processes):
            _stop(connection, process)


class Forked(Generic[Result]):
    """work() started in a forked process (or run here at once, where there is no fork).
    `result()` waits for what it returned, sent back pickled, or raises what it raised; leaving
    the `with` block stops the process if its result was not asked for."""

    def __init__(self, work: Callable[[], Result]):
        self._process = None
        if "fork" not in multiprocessing.get_all_start_methods():
            self._message = _outcome(work)
            return
        context = multiprocessing.get_context("fork")
        self._connection, theirs = context.Pipe(duplex=False)
        self._process = context.Process(target=_send_outcome, args=(theirs, work), daemon=True)
        self._process.start()
        theirs.close()

    def result(self) -> Result:
        if self._process is not None:
            try:
                (self._message,) = _gather([self._connection], [self._process])
            finally:
                self.__exit__()
        _raise_first([self._message])
        return self._message

    def __enter__(self) -> "Forked[Result]":
        return self

    def __exit__(self, *exception) -> None:
        if self._process is not None:
            _stop(self._connection, self._process)
            self._process = None


def _outcome(work: Callable[[], Any]) -> Any:
    """What work() returned, or a _Failure."""
    try:
        return work()
    except BaseException as error:
        return _Failure(error)


def _send_outcome(connection, work) -> None:
    connection.send(_outcome(work))


class _Failure:
    """What a worker sends instead of its result when it fails: the exception (if it can be
    sent) and the worker's traceback."""

    def __init__(self, error: BaseException):
        self.text = "".join(traceback.format_exception(error))
        try:
            self.error: BaseException | None = pickle.loads(pickle.dumps(error))
        except Exception:
            self.error = None


def _work(connection, tasks, redirects, spans, next_span, keep) -> None:
    files = _outcome(lambda: _render_share(tasks, redirects, spans, next_span))
    if isinstance(files, _Failure):
        connection.send(files)
        return
    connection.send(None)
    if connection.recv():  # every worker rendered: go
        connection.send(_outcome(lambda: keep(files)))


def _render_share(tasks, redirects, spans, next_span) -> Files:
    """This worker's redirects, then chunks of pages taken as it comes free."""
    files = dict(render_jobs(redirects))
    while True:
        with next_span.get_lock():
            number = next_span.value
            next_span.value += 1
        if number >= len(spans):
            return files
        start, stop = spans[number]
        files.update(render_jobs(tasks[start:stop]))


def _stop(connection, process) -> None:
    """Closes our end of the pipe, and ends the process if it still runs."""
    connection.close()
    if process.is_alive():
        process.terminate()
    process.join()


def _gather(connections, processes) -> list:
    """One message from each worker, in order; a worker that died says so."""
    messages = []
    for connection, process in zip(connections, processes):
        try:
            messages.append(connection.recv())
        except EOFError:
            process.join(timeout=5)
            messages.append(_Failure(WorkerFailed(f"a forked process stopped (exit status {process.exitcode})")))
    return messages


def _raise_first(messages: list) -> None:
    for message in messages:
        if isinstance(message, _Failure):
            if message.error is None:
                raise WorkerFailed(message.text)
            raise message.error from WorkerFailed(message.text)


def _spans(start: int, stop: int, count: int) -> list[tuple[int, int]]:
    step = max(1, -(-(stop - start) // count))
    return [(i, min(i + step, stop)) for i in range(start, stop, step)]
