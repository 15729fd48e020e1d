"""MkDocs hook: Material's page chrome, made valid HTML where its templates cannot be told to.

The Nu HTML checker finds two errors on nearly every page that come from Material 9.8.1's own
markup, not from an override: `autocomplete="off"` on the checkboxes that open the drawer and
the search (autocomplete is not allowed on a checkbox), and a table of contents' title
`<label for="__toc">` on a page that has no `__toc` control to label. Both are removed from
each page as it is written (the 404 page too); nothing else is touched.
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
_TOC_LABEL = re.compile(r'(<label\b[^>]*?) for="__toc"')


def valid(output: str) -> str:
    output = _CHECKBOX.sub(r"\1", output)
    if 'id="__toc"' not in output:
        output = _TOC_LABEL.sub(r"\1", output)
    return output


def on_post_page(output: str, page, config) -> str:
    return valid(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    """The theme's own pages (404.html); sitemap.xml has nothing to mend."""
    return valid(output_content) if template_name.endswith(".html") else output_content
