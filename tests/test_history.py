"""Each entry's history from git: a repository made here, commit by commit (an edit, a move
between files, an id renamed with former_ids, a record removed), then the dates, the history
pages, the versioned citation, the feed and the downloads built from it."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dossier.history import CACHE, read_history

from .conftest import PROJECT, copy_valid_case, run_generator

SITE = "https://example.org/"
A = "{http://www.w3.org/2005/Atom}"
EXTRA = """\
- id: short-lived
  date: 2021-04
  title: An entry soon removed
  category: context
  actors: [ravna]
  status: reported
  sources:
    - source: gazette-2021-03
      quote: "Le gouvernement de Ravna nie toute livraison d’armes"
"""


def git(root: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T10:00:00+00:00", GIT_COMMITTER_DATE=f"{date}T10:00:00+00:00")
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=env).stdout


def commit(root: Path, date: str, message: str) -> None:
    (root / ".gitignore").write_text("/.dossier-cache/\n", encoding="utf-8")  # as the project's
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def chunk(text: str, record_id: str) -> str:
    """The text of one record of a data file, from its `- id:` line to the next record's."""
    start = text.index(f"- id: {record_id}\n")
    following = text.find("\n- id:", start + 1)
    return text[start : following + 1 if following >= 0 else len(text)]


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = copy_valid_case(tmp_path_factory.mktemp("history") / "dossier")
    events = root / "data" / "events"
    git(root, "init", "-q", "-b", "main")
    (events / "context.yaml").write_text((events / "context.yaml").read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    commit(root, "2026-01-05", "The first records")
    replace(events / "context.yaml", "title: A spring of negotiations", "title: A spring of talks")
    commit(root, "2026-02-10", "An edit")
    year = (events / "2021.yaml").read_text(encoding="utf-8")
    moved = chunk(year, "ravna-denies-arms")
    (events / "2021.yaml").write_text(year.replace(moved, ""), encoding="utf-8")
    (events / "context.yaml").write_text((events / "context.yaml").read_text(encoding="utf-8") + moved, encoding="utf-8")
    commit(root, "2026-03-15", "A record moved to another file")
    replace(events / "context.yaml", "- id: ravna-denies-arms\n", "- id: ravna-denies-weapons\n  former_ids: [ravna-denies-arms]\n")
    for name in ("overview.md", "overview.fr.md"):  # the overview names it by its new id, as the build asks
        if (root / "data" / name).is_file():
            (root / "data" / name).write_text((root / "data" / name).read_text(encoding="utf-8").replace("ravna-denies-arms", "ravna-denies-weapons"), encoding="utf-8")
    commit(root, "2026-04-20", "An id renamed")
    replace(events / "context.yaml", EXTRA, "")
    commit(root, "2026-05-01", "A record removed")
    return root


@pytest.fixture(scope="module")
def built(repo, tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("docs")
    result = run_generator("--root", str(repo), "--docs", str(docs), "--site-url", SITE)
    assert result.returncode == 0, result.stderr
    assert "history: " in result.stdout and "from git" in result.stdout
    return docs


def test_dates_and_versions_follow_content_not_files(repo):
    history = read_history(repo)
    assert not history.missing
    edited = history.of("spring-2021")
    assert [v.date for v in edited] == ["2026-01-05", "2026-02-10"]
    assert ("title", "A spring of negotiations", "A spring of talks") in edited[-1].changes
    assert [v.date for v in history.of("radars-to-ostrava")] == ["2026-01-05"], "a neighbour's edit is no change"
    renamed = history.of("ravna-denies-weapons")
    assert [v.date for v in renamed] == ["2026-01-05", "2026-04-20"], "the move of 2026-03-15 is no change; the rename is"
    assert renamed[0].id == "ravna-denies-arms" and ("id", "ravna-denies-arms", "ravna-denies-weapons") in renamed[-1].changes
    assert "ravna-denies-arms" not in history.versions and "short-lived" not in history.versions
    assert history.digest("spring-2021") == edited[-1].digest != edited[0].digest


def test_the_entry_shows_its_dates_and_cites_its_version(repo, built):
    timeline = (built / "timeline.md").read_text(encoding="utf-8")
    digest = read_history(repo).digest("spring-2021")
    entry = html.unescape(timeline[timeline.index("{#spring-2021"):])
    assert 'Added 5 January 2026 · changed 10 February 2026 · <a href="../r/spring-2021/history/">History</a>' in entry
    assert f"version of 10 February 2026, {digest}, <bdi class=\"dossier-address\" data-version=\"{digest}\">{SITE}r/spring-2021/#v-{digest}</bdi>" in entry
    transfers = html.unescape((built / "transfers.md").read_text(encoding="utf-8"))
    radars = transfers[transfers.index("{#radars-to-ostrava"):]
    assert "Added 5 January 2026</span>" in radars, "no history page, no link to one, for an entry never changed"
    assert not (built / "r" / "radars-to-ostrava" / "history").exists()
    french = (built / "fr" / "timeline.md").read_text(encoding="utf-8")
    assert "Ajoutée le 5 janvier 2026 · modifiée le 10 février 2026" in french


def test_the_history_page_lists_each_version_most_recent_first_with_what_changed(repo, built):
    page = (built / "r" / "ravna-denies-weapons" / "history" / "index.html").read_text(encoding="utf-8")
    versions = read_history(repo).of("ravna-denies-weapons")
    assert page.index(f'id="v-{versions[-1].digest}"') < page.index(f'id="v-{versions[0].digest}"')
    assert "Version of 20 April 2026" in page and versions[-1].commit[:10] in page
    assert "<code>id</code> “ravna-denies-arms” became “ravna-denies-weapons”" in page
    assert "Former ids: <code>ravna-denies-arms</code>" in page
    assert "First published" in page
    edited = (built / "r" / "spring-2021" / "history" / "index.html").read_text(encoding="utf-8")
    assert "<code>title</code> “A spring of negotiations” became “A spring of talks”" in edited
    assert (built / "fr" / "r" / "spring-2021" / "history" / "index.html").read_text(encoding="utf-8").count("Version du ") == 2


@pytest.mark.browser
def test_a_link_to_a_version_leads_to_the_entry_or_says_it_has_changed_since(repo, built, browser):
    from .browser import serve

    old, current = read_history(repo).of("spring-2021")
    with serve(built) as base:
        page = browser.new_page()
        try:
            page.goto(f"{base}r/spring-2021/#v-{old.digest}")  # as the citation gave it
            page.wait_for_url(re.compile(r"/r/spring-2021/history/"))
            notice = page.locator(".notice")
            notice.wait_for()
            said = notice.inner_text()
            marked = page.evaluate("() => document.querySelector('li:target').id")
            for cited in (f"r/spring-2021/#v-{current.digest}", f"r/spring-2021/history/#v-{current.digest}", "r/radars-to-ostrava/#v-0000abcd"):
                page.goto("about:blank")  # a new visit, not a move within the page
                page.goto(base + cited)
                page.wait_for_url(re.compile(r"/(timeline|transfers)/#"))
            page.goto("about:blank")
            page.goto(f"{base}r/spring-2021/history/#v-<img src=x>")
            hidden = page.locator(".notice").is_hidden()
        finally:
            page.close()
    assert said == f"The link you followed names the version of 5 January 2026 ({old.digest}); the entry has changed since."
    assert marked == f"v-{old.digest}"
    assert hidden, "a hash that is no digest is not used"


def test_the_feed_announces_each_entry_on_the_day_it_was_added_or_changed(built):
    feed = ET.parse(built / "feed.xml").getroot()
    entries = {e.findtext(f"{A}id").removeprefix(f"{SITE}r/").rstrip("/"): e for e in feed.findall(f"{A}entry")}
    edited = entries["spring-2021"]
    assert edited.findtext(f"{A}published") == "2026-01-05T00:00:00Z" and edited.findtext(f"{A}updated") == "2026-02-10T00:00:00Z"
    assert edited.findtext(f"{A}summary").startswith("Changed 10 February 2026: title.")
    assert entries["radars-to-ostrava"].findtext(f"{A}summary").startswith("Added 5 January 2026.")
    assert next(iter(entries)) == "ravna-denies-weapons", "the most recently changed first"
    assert {"radars-to-ostrava", "anna-verel", "friendship-treaty", "gazette-2021-03"} <= set(entries), "every collection"


def test_the_downloads_carry_the_dates(repo, built):
    document = json.loads((built / "data" / "dossier.json").read_text(encoding="utf-8"))
    spring = document["history"]["records"]["spring-2021"]
    assert (spring["published"], spring["changed"], spring["version"]) == ("2026-01-05", "2026-02-10", read_history(repo).digest("spring-2021"))
    assert spring["versions"][-1]["changed"] == ["title"]
    rows = (built / "data" / "events.csv").read_text(encoding="utf-8-sig").splitlines()
    header = rows[0].split(",")
    assert header[-3:] == ["published", "changed", "version"]
    assert next(r for r in rows if r.startswith("spring-2021,")).split(",")[-3:-1] == ["2026-01-05", "2026-02-10"]


def test_an_edit_not_yet_committed_is_shown_as_such(repo, tmp_path):
    context = repo / "data" / "events" / "context.yaml"
    replace(context, "title: A spring of talks", "title: A spring of long talks")
    try:
        assert read_history(repo).uncommitted == {"spring-2021"}
        result = run_generator("--root", str(repo), "--docs", str(tmp_path / "docs"), "--site-url", SITE)
        assert "1 changed since the last commit" in result.stdout
        timeline = (tmp_path / "docs" / "timeline.md").read_text(encoding="utf-8")
        assert "changed 10 February 2026 · changed since the last commit" in timeline
        assert "not yet committed" in (tmp_path / "docs" / "r" / "spring-2021" / "history" / "index.html").read_text(encoding="utf-8")
    finally:
        git(repo, "checkout", "--", "data/")


def test_the_cache_is_keyed_by_commit_and_safe_to_delete(repo, built, tmp_path):
    cache = repo / CACHE
    assert json.loads(cache.read_text(encoding="utf-8"))["head"] == git(repo, "rev-parse", "HEAD").strip()
    cache.unlink()
    again = tmp_path / "docs"
    assert run_generator("--root", str(repo), "--docs", str(again), "--site-url", SITE).returncode == 0
    for path in ("timeline.md", "feed.xml", "r/spring-2021/history/index.html"):
        assert (again / path).read_text(encoding="utf-8") == (built / path).read_text(encoding="utf-8"), path


def test_a_new_commit_is_read_from_where_the_cache_stopped(repo):
    before = read_history(repo)
    replace(repo / "data" / "events" / "context.yaml", "title: A spring of talks", "title: A spring of long talks")
    try:
        commit(repo, "2026-06-01", "Another edit")
        after = read_history(repo)
        assert [v.date for v in after.of("spring-2021")] == ["2026-01-05", "2026-02-10", "2026-06-01"]
        assert after.of("radars-to-ostrava") == before.of("radars-to-ostrava")
    finally:
        git(repo, "reset", "-q", "--hard", "HEAD~1")


def test_without_history_the_build_says_so_once_and_invents_no_date(repo, tmp_path):
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    plain = copy_valid_case(tmp_path / "plain")
    for root, reason in ((shallow, "a shallow clone"), (plain, "no git repository here")):
        docs = tmp_path / f"docs-{root.name}"
        result = run_generator("--root", str(root), "--docs", str(docs), "--site-url", SITE)
        assert result.returncode == 0, result.stderr
        assert result.stdout.count("history: none") == 1 and reason in result.stdout
        assert "dossier-history" not in (docs / "timeline.md").read_text(encoding="utf-8")
        assert not (docs / "r" / "spring-2021" / "history").exists()
        assert "<published>" not in (docs / "feed.xml").read_text(encoding="utf-8")


def test_the_real_dossier_shows_its_history_from_the_projects_git_log():
    if subprocess.run(["git", "-C", str(PROJECT), "rev-parse", "--is-shallow-repository"], capture_output=True, text=True).stdout.strip() != "false":
        pytest.skip("the project is not a whole git clone here: its history cannot be read (the build says so)")
    history = read_history(PROJECT)
    log = git(PROJECT, "log", "--reverse", "--format=%cI", "--", "data/events.yaml").split()
    assert history.of("russia-invades-ukraine-2022-02")[0].date == log[0][:10]
    assert all(history.of(record_id) for record_id in ("iran", "vladimir-putin", "seed-2023-02-iran-srbm"))
    assert re.fullmatch(r"[0-9a-f]{8}", history.digest("iran"))


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 360], ids=["desktop", "phone"])
def test_axe_finds_no_violation_on_a_history_page(built, browser, scheme, width):
    from .browser import serve
    from .test_reader import axe_violations

    with serve(built) as base:
        context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
        page = context.new_page()
        try:
            page.goto(f"{base}fr/r/spring-2021/history/")
            violations = axe_violations(page)
            wide = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")
        finally:
            context.close()
    assert violations == []
    assert not wide, "the history page scrolls sideways"


def test_a_record_put_back_a_branch_merged_and_a_broken_commit_are_told_as_they_happened(tmp_path):
    root = copy_valid_case(tmp_path / "dossier")
    context = root / "data" / "events" / "context.yaml"
    git(root, "init", "-q", "-b", "main")
    commit(root, "2026-01-05", "The first records")
    spring = chunk(context.read_text(encoding="utf-8"), "spring-2021")
    replace(context, spring, "")
    commit(root, "2026-01-10", "A record removed by mistake")
    git(root, "revert", "--no-edit", "HEAD", date="2026-01-15")
    assert [v.date for v in read_history(root).of("spring-2021")] == ["2026-01-05"], "put back as it was: no change"

    git(root, "checkout", "-q", "-b", "feature")
    replace(context, "title: A spring of negotiations", "title: A spring of talks")
    commit(root, "2026-02-01", "An edit on a branch")
    assert read_history(root).of("spring-2021")[-1].date == "2026-02-01"  # the cache now stands at the branch
    git(root, "checkout", "-q", "main")
    replace(root / "data" / "sources.yaml", "title: Bulletin", "title: The Bulletin")
    commit(root, "2026-02-05", "Meanwhile on main")
    git(root, "merge", "-q", "--no-ff", "--no-edit", "feature", date="2026-02-10")
    merged = read_history(root)
    assert [v.date for v in merged.of("spring-2021")] == ["2026-01-05", "2026-02-10"], "dated the day the merge landed"
    (root / CACHE).unlink()
    assert read_history(root).versions == merged.versions, "the cache gave what a fresh read gives"

    replace(context, "title: A spring of talks", 'title: "A spring of talks')
    commit(root, "2026-02-20", "A broken quote")
    broken = read_history(root).of("spring-2021")[-1]
    assert (broken.date, broken.changes) == ("2026-02-20", (("text", None, None),)), "told as a change of text, not as every field removed"
