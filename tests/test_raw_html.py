"""scripts/raw_html.py: raw HTML held out of Python-Markdown's way comes back as it stood."""

from __future__ import annotations

import importlib.util
from types import SimpleNamespace

import markdown
import pytest
import yaml
from mkdocs.exceptions import PluginError

from dossier import render

from .conftest import PROJECT

spec = importlib.util.spec_from_file_location("raw_html_hook", PROJECT / "scripts" / "raw_html.py")
hook = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hook)

# mkdocs.yml's Markdown extensions (the file as a whole needs MkDocs's own YAML tags)
_SECTION = (PROJECT / "mkdocs.yml").read_text().partition("\nmarkdown_extensions:\n")[2].partition("\n\n")[0]
EXTENSIONS = yaml.safe_load("markdown_extensions:\n" + _SECTION)["markdown_extensions"]


def convert(text: str) -> str:
    names = [e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS]
    configs = {next(iter(e)): next(iter(e.values())) for e in EXTENSIONS if isinstance(e, dict)}
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(text)


def with_hook(text: str, uri: str = "timeline.md") -> str:
    page = SimpleNamespace(file=SimpleNamespace(src_uri=uri))
    return hook.on_page_content(convert(hook.on_page_markdown(text, page, None, None)), page, None, None)


PAGE = f"""# Timeline {{#page_timeline}}

{render.RAW_START}
<form class="dossier-filters"><label>Year <select name="year"><option value="">any</option></select></label></form>
{render.RAW_END}

## 2021 {{#year_2021}}

<article class="dossier-entry" markdown data-year="2021">

### Talks in *Vienna* {{#talks}}

{render.RAW_START}
<p><time datetime="2021">2021</time> · reported</p>

<p>Text with *stars* and a [bracket](x.md) that Markdown would have read &#35; as it is.</p>

<ol class="dossier-citations">
<li id="talks_c1"><q lang="fr">citation</q> — <a href="../sources/#s">Source</a></li>
</ol>
{render.RAW_END}

</article>

- [A list Markdown still reads](sources.md#s)
"""


def test_the_page_is_the_same_with_the_hook_as_without_it():
    held = with_hook(PAGE)
    plain = convert(PAGE.replace(render.RAW_START + "\n", "").replace(render.RAW_END + "\n", ""))  # the page as it was
    assert held.split() == plain.split()
    assert "*stars*" in held and '<h3 id="talks">Talks in <em>Vienna</em>' in held
    assert '<a href="sources.md#s">A list Markdown still reads</a>' in held


def test_markdown_does_not_see_what_is_held():
    seen = hook.on_page_markdown(PAGE, SimpleNamespace(file=SimpleNamespace(src_uri="timeline.md")), None, None)
    assert "citation" not in seen and "<form" not in seen and "### Talks in *Vienna*" in seen
    hook._held.clear()


def test_a_mark_without_its_other_half_fails_the_build_naming_the_page():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="transfers/2021.md"))
    with pytest.raises(PluginError, match="transfers/2021.md"):
        hook.on_page_markdown(f"{render.RAW_START}\n<p>never closed</p>\n", page, None, None)


def test_the_generator_and_the_hook_mark_raw_html_alike():
    assert (render.RAW_START, render.RAW_END) == (hook.START, hook.END)
    for template in (PROJECT / "dossier" / "templates").glob("*.j2"):
        text = template.read_text()
        assert text.count(hook.START) == text.count(hook.END), template.name
