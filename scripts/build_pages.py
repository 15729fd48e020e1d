#!/usr/bin/env python3
"""Generate the dossier's Markdown pages under docs/ from data/ and seeds/.

    scripts/build_pages.py            check the data, then write the pages that changed
    scripts/build_pages.py --check    check the data only; write nothing

Bad data: every problem is printed as FILE:LINE:COLUMN: id: field: message, nothing is
written, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import datetime
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.build import Timings, check_dataset, generate  # noqa: E402
from dossier.checks.markers import share_marked  # noqa: E402
from dossier.checks.plausibility import warnings  # noqa: E402
from dossier.checks.translations import share_translated  # noqa: E402
from dossier.pages import Layout  # noqa: E402
from dossier.problems import InvalidData  # noqa: E402
from dossier.siteconfig import site_url_from_config  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    # A short run that builds a large graph of objects it keeps to the end: the cyclic
    # garbage collector would only walk it again and again (a third of the time at 10,000
    # records), and it has nothing to free.
    gc.disable()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate data/ and seeds/ without writing anything")
    parser.add_argument("--root", type=Path, default=ROOT, help="the folder holding data/ and seeds/ (default: the project)")
    parser.add_argument("--docs", type=Path, help="where to write the pages (default: ROOT/docs)")
    parser.add_argument("--site-url", help="the published address, for permanent links (default: $SITE_URL, else mkdocs.yml's site_url)")
    parser.add_argument(
        "--page-size", type=int, metavar="N", default=Layout.entries_per_page,
        help=f"entries on one page before a collection splits into a page per year (default {Layout.entries_per_page}; "
        "sources, long lists of links and charts split in proportion)",
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    # On a terminal, a long build says where it is; logs and tests get the one summary line.
    timings = Timings(progress=_progress if sys.stderr.isatty() else None)
    try:
        if args.check:
            dossier = check_dataset(root, timings)
            print(f"checked {len(dossier.records)} records: no problem found ({_phases(timings)})")
            _print_coverage(dossier)
            _print_markers(dossier)
            _print_warnings(dossier, root)
            return 0
        site_url = args.site_url or os.environ.get("SITE_URL") or site_url_from_config(ROOT / "mkdocs.yml")
        if not site_url:
            print("no published address is set (SITE_URL, or site_url in mkdocs.yml): permanent links are "
                  "written from the site's root, and the reader's browser completes them where the site is served")
        layout = Layout.scaled(args.page_size)
        dossier, report = generate(root, args.docs or root / "docs", _with_slash(site_url), build_date(), timings, layout)
    except InvalidData as invalid:
        for problem in invalid.problems:
            print(_from_here(problem, root), file=sys.stderr)
        count = len(invalid.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was written", file=sys.stderr)
        return 1
    print(
        f"{len(dossier.records)} records; {len(report.written)} files written, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed ({_phases(timings)})"
    )
    _print_coverage(dossier)
    _print_markers(dossier)
    _print_history(dossier)
    _print_warnings(dossier, root)
    return 0


def _print_history(dossier) -> None:
    history = dossier.history
    if history.missing:
        print(f"history: none ({history.missing}): entries show no dates and no history")
        return
    changed = f"; {len(history.uncommitted)} changed since the last commit" if history.uncommitted else ""
    print(f"history: {sum(map(len, history.versions.values()))} versions of {len(history.versions)} records, from git{changed}")


def _print_warnings(dossier, root: Path) -> None:
    """What the editor may want to look at, though nothing stops the build (checks/plausibility.py)."""
    for warning in warnings(list(dossier.records.values())):
        print(_from_here(warning, root), file=sys.stderr)


def _from_here(problem, root: Path):
    """The problem with its file named as the editor would type it from where they stand."""
    here = Path.cwd()
    if root == here:
        return problem
    path = root / problem.mark.file
    named = os.path.relpath(path, here) if path.is_relative_to(here) or root.is_relative_to(here) else str(path)
    return dataclasses.replace(problem, mark=problem.mark._replace(file=Path(named).as_posix()))


def _print_markers(dossier) -> None:
    """Per collection, the share of sentences of summaries and roles that end with a citation
    marker, and the share of the texts shown that have their French."""
    records = list(dossier.records.values())
    for collection, (marked, total) in share_marked(records, dossier.overview).items():
        what = "summary sentences and roles" if collection == "actors" else "sentences" if collection == "overview" else "summary sentences"
        print(f"citation markers {collection}: {marked} of {total} {what} marked ({marked / (total or 1):.0%})")
    for collection, (done, total) in share_translated(records).items():
        print(f"french {collection}: {done} of {total} texts in French ({done / (total or 1):.0%})")


def _print_coverage(dossier, listed: int = 10) -> None:
    """Each source's share of sentences cited; past `listed` sources, the total and the lowest."""
    figures = dossier.coverage
    shown = sorted(figures.items(), key=lambda item: item[1].cited / (item[1].total or 1))[:5] if len(figures) > listed else figures.items()
    if len(figures) > listed:
        cited, total = sum(f.cited for f in figures.values()), sum(f.total for f in figures.values())
        print(f"coverage: {cited} of {total} sentences cited ({cited / (total or 1):.0%}) in {len(figures)} sources; the least cited:")
    for source_id, figure in shown:
        print(f"coverage {source_id}: {figure.cited} of {figure.total} sentences cited ({figure.cited / (figure.total or 1):.0%})")


def build_date() -> str:
    """Today (UTC), or the date of SOURCE_DATE_EPOCH for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch else datetime.datetime.now(datetime.timezone.utc)
    return moment.date().isoformat()


def _progress(phase: str, seconds: float) -> None:
    print(f"  {phase} done in {seconds:.2f}s", file=sys.stderr, flush=True)


def _phases(timings: Timings) -> str:
    return ", ".join(f"{name} {seconds:.2f}s" for name, seconds in timings.phases.items())


def _with_slash(url: str) -> str:
    return url if url.endswith("/") or not url else url + "/"


if __name__ == "__main__":
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped reading (`build_pages.py | head`): the work is done
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 1
    # Nothing is left to clean up but memory: ending at once spares the interpreter's teardown,
    # which walks every object still alive (a tenth of a second at 10,000 records).
    sys.stderr.flush()
    os._exit(status)
