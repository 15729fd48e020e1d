"""MkDocs hook: the generator's raw HTML kept out of Python-Markdown's way.

Generated pages write most of what they show (entries, tables, charts, filters) as raw HTML,
which Python-Markdown passes through unchanged, yet reads twice with Python's HTML parser
(MkDocs looks for ids, md_in_html for where each block ends), the larger part of a large
build's time. The generator marks each such block, on lines of their own:

    <!-- dossier:html -->
    <p>…</p>
    <!-- /dossier:html -->

Before Markdown runs, this hook puts a placeholder in each block's place; after, it puts
the block back in the HTML, as it stood. The page is the same, and a Markdown reader (an
editor's preview) still shows the block, since the marks are comments. Runs before every
other hook that reads a page's HTML (mkdocs.yml lists it first).
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

START, END = "<!-- dossier:html -->", "<!-- /dossier:html -->"
_BLOCK = re.compile(rf"^{re.escape(START)}\n(.*?)^{re.escape(END)}$", re.S | re.M)
_HELD = re.compile(r"<!-- dossier:held (\d+) -->")
_held: dict[str, list[str]] = {}  # each page's blocks, from its Markdown to its HTML


def on_page_markdown(markdown, page, config, files):
    blocks: list[str] = []

    def hold(block: re.Match) -> str:
        blocks.append(block.group(1))
        return f"<!-- dossier:held {len(blocks) - 1} -->"

    held = _BLOCK.sub(hold, markdown)
    if START in held or END in held:
        raise PluginError(f"{page.file.src_uri}: a mark of raw HTML ({START} … {END}) without its other half, each on a line of its own")
    _held[page.file.src_uri] = blocks
    return held


def on_page_content(html, page, config, files):
    blocks = _held.pop(page.file.src_uri, [])
    return _HELD.sub(lambda placeholder: blocks[int(placeholder.group(1))], html) if blocks else html
