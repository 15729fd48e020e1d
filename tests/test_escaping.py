"""Text from data is shown as text: never HTML, a link, a heading, an attribute or a script."""

from __future__ import annotations

import re

import pytest

from dossier.render import UnescapedOutput, anchor, environment, md

from .conftest import write_dataset
from .sitebuild import build_site, html_pages

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click me](javascript:alert(1))",
    "<javascript:alert(1)>",
    "# A heading",
    "Title {#evil onclick=alert(1)}",
    "**bold** _em_ `code`",
    "| a | b |",
    "- a list item",
    "1. a numbered item",
    "&lt;already escaped&gt; &amp;",
    "line one\n\n    indented code\n\n## heading",
    '" onmouseover="alert(1)',
    "![image](https://evil.example/x.png)",
    "[^1] *[ABBR]: abbreviation",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_md_leaves_no_markdown_or_html_syntax(text):
    escaped = re.sub(r"&#\d+;", "", str(md(text)))
    for char in "<>[]{}`*_#|\n":
        assert char not in escaped, f"{char!r} survives in {escaped!r}"
    assert not escaped[:1] in "-+=", escaped


@pytest.mark.parametrize(
    "template",
    ["{{ value }}", "{{ value ~ '' }}", "{% macro show(v) %}{{ v }}{% endmacro %}{{ show(value) }}", "{{ value|upper }}"],
    ids=["bare", "joined", "in a macro", "through a non-escaping filter"],
)
def test_a_template_that_prints_without_an_escaping_filter_fails(template):
    with pytest.raises(UnescapedOutput, match="without an escaping filter"):
        environment().from_string(template).render(value="<b>text</b>")


def test_templates_print_what_the_filters_escaped_and_numbers():
    page = environment().from_string("{{ value|md }} {{ value|attr }} {{ count }}").render(value="<b>&</b>", count=3)
    assert page == "&#60;b&#62;&#38;&#60;/b&#62; &lt;b&gt;&amp;&lt;/b&gt; 3"


def test_anchor_refuses_anything_but_an_id():
    assert str(anchor("iran-drones")) == "{#iran-drones}"
    assert str(anchor("fr-text", lang="fr")) == '{#fr-text lang="fr"}'
    for bad in ("x onclick=alert(1)", "x}", "X", 'x" y'):
        with pytest.raises(ValueError):
            anchor(bad)


SEED = "Un texte <script>alert('seed')</script> avec [un lien](javascript:alert(2)) et **gras**."


def hostile_dataset(root):
    def q(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    events = "\n".join(
        f"""- id: hostile-{i}
  date: 2024-01-{i + 1:02d}
  title: {q(text)}
  summary: {q(text)}
  note: {q(text)}
  category: context
  actors: [villain]
  status: reported
  sources:
    - source: hostile-source
      quote: {q("<script>alert('seed')</script> avec [un lien](javascript:alert(2))")}
      translation: {q(text)}
"""
        for i, text in enumerate(HOSTILE)
    )
    return write_dataset(
        root,
        {
            "seeds/hostile.txt": SEED,
            "data/sources.yaml": f"""\
                - id: hostile-source
                  title: {q(HOSTILE[0])}
                  title_en: {q(HOSTILE[2])}
                  publisher: {q(HOSTILE[1])}
                  url: "https://example.org/?q=<script>&x=\\"y"
                  date: 2024
                  language: fr
                  file: hostile.txt
                """,
            "data/actors.yaml": f"""\
                - id: villain
                  name: {q(HOSTILE[1])}
                  kind: group
                  aliases: [{q(HOSTILE[0])}, {q(HOSTILE[5])}]
                  roles: [{q(HOSTILE[2])}]
                """,
            "data/events.yaml": events,
        },
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = hostile_dataset(tmp_path_factory.mktemp("hostile"))
    return build_site(root, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def pages(site):
    return html_pages(site)


def content_tags(page):
    """Tags inside the article body (Material's own chrome is not data)."""
    return page.tags


@pytest.mark.site
def test_hostile_text_builds_and_is_shown_as_text(pages):
    timeline = pages["timeline/index.html"]
    text = "".join(timeline.text)
    assert "<script>alert(1)</script>" in text, "the title should be shown literally"
    assert "[click me](javascript:alert(1))" in text
    assert "{#evil onclick=alert(1)}" in text


@pytest.mark.site
def test_no_data_becomes_a_tag_an_attribute_or_a_link(pages):
    for path, page in pages.items():
        for tag, attrs in page.tags:
            assert not any(name.startswith("on") for name in attrs), f"{path}: <{tag} {attrs}>"
            assert tag != "img" or "evil.example" not in (attrs.get("src") or ""), path
            if tag == "script":
                assert "alert" not in str(attrs), path
            for value in attrs.values():
                assert "alert(" not in (value or "").lower(), f"{path}: <{tag} {attrs}>"
        assert "evil" not in page.ids, path
    timeline_text = "".join(pages["timeline/index.html"].text)
    assert "alert('seed')" in timeline_text, "the quote is shown, as text"
    assert len([h for t, h in pages["timeline/index.html"].tags if t in ("h1", "h2")]) == 2, "a title became a heading"


@pytest.mark.site
def test_hostile_url_stays_inside_its_attribute(pages):
    hrefs = [a.get("href") for t, a in pages["sources/index.html"].tags if t == "a" and "example.org" in (a.get("href") or "")]
    assert hrefs == ['https://example.org/?q=<script>&x="y'], hrefs


@pytest.mark.site
def test_an_actor_page_title_shows_the_name_as_text(pages):
    page = pages["actors/villain/index.html"]
    assert "<img src=x onerror=alert(1)> - Russia–Iran dossier" in "".join(page.text)


@pytest.mark.browser
def test_search_results_show_hostile_text_as_text(site, browser):
    from .browser import serve

    with serve(site) as base_url:
        context = browser.new_context()
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base_url + "?q=onerror")
        page.locator(".md-search-result__link").first.wait_for(timeout=10_000)
        page.wait_for_timeout(500)  # a second answer may follow the first
        injected = page.locator(".md-search-result img, .md-search-result script, .md-search-result [onerror], .md-search-result [onclick]").count()
        titles = page.locator(".md-search-result__article h1, .md-search-result__article h2").all_text_contents()
        context.close()
    assert dialogs == [] and injected == 0
    assert "<img src=x onerror=alert(1)>" in titles, f"the hostile title should be shown as it is written: {titles}"
