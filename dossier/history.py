"""Each record's history, read from the git history of data/: when it was first published, when
its content last changed, and what changed in each version.

A record's content is what its YAML says, whatever the file: moving it to another file or
editing its neighbour is no change to it, and neither is writing the same values otherwise
(re-indenting, quoting). A version is named by a short digest of the record's text as that
version wrote it. A record renamed (its old id in `former_ids`) keeps the history of the old id.

Reading walks the first-parent history of data/ once, oldest first (merges count on the day
they landed), cutting each file the commits touch into its records' texts; only a record whose
text changed is parsed, to tell what changed (and one whose id is not on its first line, or
that names former ids, to know them). A record removed and later put back (a revert) resumes
its history. The result is kept under .dossier-cache/ keyed by
the last commit read: a build at the same commit reads nothing but the cache, a later one only
the new commits. The cache is safe to delete.

Without git, outside a repository whose top is the dossier's root, or in a shallow clone, there
is no history: `History.missing` says why, and no date is invented.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .dates import parse_date
from .load import COLLECTIONS

CACHE = Path(".dossier-cache") / "history.json"
CACHE_FORMAT = 4
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # every scalar as its text: content, not typing
_ID_LINE = re.compile(r"- id: ([a-z0-9]+(?:-[a-z0-9]+)*)[ \t]*(?:#.*)?$", re.MULTILINE)
SHOWN_CHANGES = ("title", "name", "status", "date", "date_end", "category")  # told with their old and new values


@dataclass(frozen=True)
class Version:
    commit: str
    date: str  # YYYY-MM-DD, the commit's (committer) date
    digest: str
    changes: tuple  # (field, old, new); old/new only for SHOWN_CHANGES and citations, else None
    id: str = ""  # the record's id in this version (a former id before a rename)

    def day(self, lang: str) -> str:
        """The version's date as a reader of `lang` writes it: "2 December 2026", "2 décembre 2026"."""
        return parse_date(self.date).text_in(lang)


@dataclass(frozen=True)
class History:
    versions: dict = field(default_factory=dict)  # id -> [Version], oldest first
    uncommitted: frozenset = frozenset()  # ids whose data differs from the last commit
    current: dict = field(default_factory=dict)  # id -> digest of the data as it is now
    missing: str = ""  # why there is no history, when there is none

    def of(self, record_id: str) -> list[Version]:
        return self.versions.get(record_id, [])

    def digest(self, record_id: str) -> str:
        return self.current.get(record_id, "")

    def has_page(self, record_id: str) -> bool:
        """Whether the record has a history page: it has changed since it was first published
        (a link to its first version can then name an earlier one), or is being changed since
        (a record never committed has no history yet)."""
        return len(self.of(record_id)) > 1 or (record_id in self.uncommitted and bool(self.of(record_id)))


def read_history(root: Path) -> History:
    root = root.resolve()
    try:
        top = _git(root, "rev-parse", "--show-toplevel").strip()
    except (OSError, subprocess.CalledProcessError):
        return History(missing="no git repository here")
    if Path(top).resolve() != root:
        return History(missing=f"{root} is not the top of its git repository")
    if _git(root, "rev-parse", "--is-shallow-repository").strip() == "true":
        return History(missing="a shallow clone (fetch the whole history: git fetch --unshallow)")
    try:
        head = _git(root, "rev-parse", "HEAD").strip()
    except subprocess.CalledProcessError:
        return History(missing="no commit yet")
    walk = _Walk.cached(root / CACHE) or _Walk()
    if walk.head != head:
        walk.read(root, head)
        walk.save(root / CACHE)
    return walk.history(root)


def _git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=env).stdout


def _records_of(text: str) -> dict:
    """{id: [digest, text]} of a data file's records, cut at each `- ` that starts a line: the
    digest is of the record's text, trimmed (trailing blank and comment lines), and is what names
    a version. Only a record whose id is not on its first line is parsed here."""
    found = {}
    for raw in ("\n" + text.removeprefix("\ufeff")).split("\n- ")[1:]:  # what comes before the first record is no record
        record_id, record = _record(raw)
        if record_id:
            found[record_id] = record
    return found


@functools.lru_cache(maxsize=1 << 16)  # a file's records, read again at each commit touching it
def _record(raw: str) -> tuple[str | None, list]:
    lines = [line.rstrip() for line in ("- " + raw).split("\n")]
    while lines and (not lines[-1] or lines[-1].lstrip().startswith("#")):
        lines.pop()
    chunk = "\n".join(lines)
    match = _ID_LINE.match(chunk)
    record_id = match.group(1) if match else (_parsed(chunk) or {}).get("id")
    return (record_id, [hashlib.sha256(chunk.encode()).hexdigest()[:8], chunk]) if isinstance(record_id, str) else (None, [])


@functools.lru_cache(maxsize=4096)
def _parsed(chunk: str) -> dict | None:
    """A record's values from its text (every scalar as its text), None if it does not parse."""
    try:
        items = yaml.load(chunk, Loader=_Loader)
    except yaml.YAMLError:
        return None  # committed broken: told as a change of its text
    return items[0] if isinstance(items, list) and items and isinstance(items[0], dict) else None


def _is_data_file(path: str) -> bool:
    """As load.collection_files reads them: data/<collection>.yaml, and any YAML file under data/<collection>/."""
    parts = path.split("/")
    if len(parts) == 2:
        return parts[0] == "data" and parts[1] in {f"{c}.yaml" for c in COLLECTIONS}
    return len(parts) > 2 and parts[0] == "data" and parts[1] in COLLECTIONS and path.endswith((".yaml", ".yml"))


def _citations(content: dict) -> set:
    """(source, quote) of every citation of a record: its sources and its claims'."""
    found = set()
    for citation in content.get("sources") or []:
        if isinstance(citation, dict):
            found.add((str(citation.get("source")), str(citation.get("quote"))))
    for claim in content.get("claims") or []:
        if isinstance(claim, dict):
            found |= _citations(claim)
    return found


def changed_between(old_text: str, new_text: str) -> tuple:
    """What changed from one text of a record to another: its fields (`changes`), or, where
    either text does not parse (committed broken), that its text changed."""
    old, new = _parsed(old_text), _parsed(new_text)
    return changes(old, new) if old is not None and new is not None else (("text", None, None),)


def changes(old: dict, new: dict) -> tuple:
    """What changed from `old` to `new`, field by field; citations as added and removed."""
    told = []
    for key in sorted(set(old) | set(new)):
        if key in ("sources", "claims") or old.get(key) == new.get(key):
            continue
        shown = key in SHOWN_CHANGES or key == "id"
        told.append((key, old.get(key) if shown else None, new.get(key) if shown else None))
    before, after = _citations(old), _citations(new)
    told += [("citation added", None, list(c)) for c in sorted(after - before)]
    told += [("citation removed", list(c), None) for c in sorted(before - after)]
    if not (before ^ after) and (old.get("claims") != new.get("claims") or old.get("sources") != new.get("sources")):
        told.append(("claims" if old.get("claims") != new.get("claims") else "sources", None, None))
    return tuple(told)


class _Walk:
    """The history read so far: the state of data/ at `head`, and every record's versions."""

    def __init__(self):
        self.head = ""
        self.files: dict[str, dict] = {}  # path -> {id: [digest, text]} at head
        self.versions: dict[str, list] = {}  # id -> [Version as a list], oldest first
        self.removed: dict[str, list] = {}  # id -> [its versions, its last record]: a record put back resumes them

    @classmethod
    def cached(cls, path: Path) -> "_Walk | None":
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if saved.get("format") != CACHE_FORMAT:
            return None
        walk = cls()
        walk.head, walk.files, walk.versions, walk.removed = saved["head"], saved["files"], saved["versions"], saved["removed"]
        return walk

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"format": CACHE_FORMAT, "head": self.head, "files": self.files, "versions": self.versions, "removed": self.removed}, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)

    def read(self, root: Path, head: str) -> None:
        if self.head and self.head not in _git(root, "rev-list", "--first-parent", head).split():
            self.__init__()  # not on the first-parent line to this commit (rewritten, or a branch merged since): read it all again
        span = f"{self.head}..{head}" if self.head else head
        log = _git(root, "-c", "core.quotePath=false", "log", "--first-parent", "-m", "--reverse", "--raw", "--no-renames", "--no-abbrev", "--format=%x01%H %cI", span, "--", "data/")
        commits = []
        for block in log.split("\x01")[1:]:
            lines = block.splitlines()
            commit, date = lines[0].split()
            touched = []
            for line in lines[1:]:
                if line.startswith(":"):
                    meta, path = line.split("\t", 1)
                    if _is_data_file(path):
                        blob = meta.split()[3]
                        touched.append((path, None if set(blob) == {"0"} else blob))  # all zeros: the file was deleted
            commits.append((commit, date[:10], touched))
        blobs = self._blobs(root, [blob for _, _, touched in commits for _, blob in touched if blob])
        for commit, date, touched in commits:
            self._apply(commit, date, {path: _records_of(blobs[blob]) if blob else {} for path, blob in touched})
        self.head = head

    @staticmethod
    def _blobs(root: Path, blobs: list[str]) -> dict[str, str]:
        """The text of each blob, from one `git cat-file --batch`."""
        wanted = list(dict.fromkeys(blobs))
        if not wanted:
            return {}
        out = subprocess.run(["git", "-C", str(root), "cat-file", "--batch"], input="\n".join(wanted).encode() + b"\n", capture_output=True, check=True).stdout
        texts, at = {}, 0
        for blob in wanted:
            end = out.index(b"\n", at)
            reply = out[at:end].split()  # "<sha> blob <size>", or "<sha> missing" (a submodule, say)
            if len(reply) < 3 or reply[1] != b"blob":
                texts[blob], at = "", end + 1
                continue
            size = int(reply[2])
            texts[blob] = out[end + 1 : end + 1 + size].decode("utf-8", "replace")
            at = end + 1 + size + 1
        return texts

    def _apply(self, commit: str, date: str, touched: dict[str, dict]) -> None:
        """One commit: the files it touched, as {path: {id: [digest, text]}} after it. A record
        is parsed only when its text changed, to tell what changed, or if it names former ids."""
        before = {i: c for path in touched for i, c in self.files.get(path, {}).items()}
        self.files.update(touched)
        for path in [p for p, records in touched.items() if not records]:
            del self.files[path]
        now = {i: c for path in touched for i, c in touched[path].items()}
        for record_id, (digest, text) in now.items():
            old = before.get(record_id)  # a record moved between files is in both
            if old is None and record_id in self.removed:  # put back (a revert): its history goes on
                self.versions[record_id], old = self.removed.pop(record_id)
            if old is None and record_id not in self.versions and "former_ids" in text:
                former = (_parsed(text) or {}).get("former_ids") or []
                renamed = next((f for f in former if isinstance(f, str) and f in before and f not in now), None)
                if renamed:
                    self.versions[record_id] = self.versions.pop(renamed, [])
                    old = before[renamed]
            if old is not None and old[0] == digest:
                continue
            told = (("added", None, None),) if old is None else changed_between(old[1], text)
            if not told:
                continue  # the same values, written otherwise: no new version
            self.versions.setdefault(record_id, []).append([commit, date, digest, told, record_id])
        for record_id in set(before) - set(now):
            if record_id in self.versions:  # removed from the dossier (a rename, above, took its versions)
                self.removed[record_id] = [self.versions.pop(record_id), before[record_id]]

    def history(self, root: Path) -> History:
        """The history read, with what the working tree changed since the last commit."""
        current = {i: vs[-1][2] for i, vs in self.versions.items()}  # a version's digest names it
        status = _git(root, "status", "--porcelain", "-z", "--no-renames", "--untracked-files=all", "--", "data/")
        uncommitted = set()
        committed = {i: c for records in self.files.values() for i, c in records.items()}
        for path in [entry[3:] for entry in status.split("\0") if _is_data_file(entry[3:])]:
            file = root / path
            written = file.read_bytes().decode("utf-8-sig", "replace") if file.is_file() else ""  # load.py tells what is wrong with it
            for record_id, (digest, text) in _records_of(written).items():
                old = committed.get(record_id)
                if old is None or (old[0] != digest and changed_between(old[1], text)):
                    uncommitted.add(record_id)
                    current[record_id] = digest
        versions = {i: [Version(v[0], v[1], v[2], tuple(tuple(c) for c in v[3]), v[4]) for v in vs] for i, vs in self.versions.items()}
        return History(versions, frozenset(uncommitted), current)
