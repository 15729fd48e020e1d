"""Writing docs/: only what changed, atomically where a file is replaced, the manifest kept."""

from __future__ import annotations

from dossier.write import MANIFEST, write_pages


def test_writes_new_and_changed_files_only_and_removes_what_is_no_longer_generated(tmp_path):
    docs = tmp_path / "docs"
    first = write_pages(docs, {"a.md": "A\n", "r/x/index.md": "X\n", "r/y/index.md": "Y\n"})
    assert first.written == ["a.md", "r/x/index.md", "r/y/index.md"]
    assert (docs / "r/x/index.md").read_bytes() == b"X\n"
    assert (docs / MANIFEST).read_text() == "a.md\nr/x/index.md\nr/y/index.md\n"

    again = write_pages(docs, {"a.md": "A\n", "r/x/index.md": "X\n", "r/y/index.md": "Y\n"})
    assert (again.written, again.removed) == ([], [])

    changed = write_pages(docs, {"a.md": "Ä\n", "r/x/index.md": "X\n"})
    assert (changed.written, changed.unchanged, changed.removed) == (["a.md"], ["r/x/index.md"], ["r/y/index.md"])
    assert (docs / "a.md").read_text(encoding="utf-8") == "Ä\n"
    assert not (docs / "r/y").exists()  # its emptied folder goes too
    assert sorted(p.name for p in docs.rglob("*")) == [MANIFEST, "a.md", "index.md", "r", "x"]  # no temporary file left


def test_text_is_written_as_utf8_with_its_line_ends_untouched(tmp_path):
    write_pages(tmp_path, {"a.csv": "x,y\r\nü,\n"})
    assert (tmp_path / "a.csv").read_bytes() == "x,y\r\nü,\n".encode("utf-8")


def test_new_folders_at_any_depth_and_files_beside_hand_written_ones(tmp_path):
    docs = tmp_path / "docs"
    (docs / "old").mkdir(parents=True)
    (docs / "old" / "same.md").write_text("same\n")
    (docs / "old" / "other.md").write_text("hand-written\n")
    large = "é" * 700_000  # more than one write call may take
    report = write_pages(docs, {"a/b/c/one.md": "1\n", "a/b/c/two.md": "2\n", "old/same.md": "same\n", "old/other.md": "new\n", "big.md": large})
    assert report.written == ["a/b/c/one.md", "a/b/c/two.md", "big.md", "old/other.md"]
    assert report.unchanged == ["old/same.md"]
    contents = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    assert contents == {"a/b/c/one.md": "1\n", "a/b/c/two.md": "2\n", "old/same.md": "same\n", "old/other.md": "new\n", "big.md": large}


def test_changed_files_are_written_together_after_every_comparison(tmp_path, monkeypatch):
    """`mkdocs serve` rebuilds once docs/ has been still for 0.1 s: a save's writes must come
    back to back, not spread over the comparing of every other file (that made two rebuilds)."""
    from dossier import write

    pages = {f"p{n:03}.md": f"{n}\n" for n in range(200)}
    write_pages(tmp_path, pages)
    events = []
    read, replace = write._read_bytes, write.write_file
    monkeypatch.setattr(write, "_read_bytes", lambda path: events.append("read") or read(path))
    monkeypatch.setattr(write, "write_file", lambda path, data: events.append("write") or replace(path, data))
    report = write_pages(tmp_path, {**pages, "p000.md": "first\n", "p199.md": "last\n"})
    assert report.written == ["p000.md", "p199.md"]
    assert events.index("write") > len(events) - 1 - events[::-1].index("read"), "a write came before the last comparison"
    assert events.count("write") == 2
