"""Each changed entry's history page (`r/<id>/history/`), in every edition, from the history
git gives (history.py), each version anchored (`#v-<digest>`).

A citation links to its version by the permanent link (`r/<id>/#v-<digest>`): the redirect
page there leads to the entry when that is the current version, and here when it is not
(render.py, redirect_page). This page's script then says that the entry has changed since the
version cited, which it marks; and a link here to the current version goes on to the entry.
Without scripts the redirect leads to the entry, whose dates and history link say what
changed. An entry never changed since it was first published has no page: its only version is
the current one. Plain HTML pages of their own, written by the generator like the redirects:
through MkDocs, one per record would cost the build seconds per thousand. Every text from data
passes through html.escape.
"""

from __future__ import annotations

from html import escape

from .i18n import LANGUAGES, PREFIX, Words, localised
from .markers import without_markers
from .model import Dossier, Record
from .history import Version
from .render import GENERATED_NOTE

_PAGE = """<!doctype html>
<!-- {note} -->
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="description" content="{title}">
{head}<style>
body {{ max-width: 42rem; margin: 0 auto; padding: 1rem; font: 1.05rem/1.6 system-ui, sans-serif; color: #1b1b1b; background: #fff; }}
a {{ color: #0b4fa8; }}
code {{ overflow-wrap: anywhere; }}
li {{ margin: 0.3em 0; }}
h2 {{ font-size: 1.15rem; margin-top: 1.6em; }}
li:target {{ outline: 2px solid #0b4fa8; outline-offset: 0.3rem; }}
.notice {{ padding: 0.6rem 0.8rem; border-left: 0.3rem solid #b35c00; background: #fff4e5; }}
@media (prefers-color-scheme: dark) {{ body {{ color: #e6e6e6; background: #17171c; }} a {{ color: #8ab4f8; }} .notice {{ background: #3a2a14; }} }}
</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""


def history_pages(dossier: Dossier) -> dict[str, str]:
    """{path under docs/: HTML} for every record with a history, in every edition."""
    history = dossier.history
    files = {}
    for lang in LANGUAGES:
        _ = Words(lang)
        for record in dossier.records.values():
            if not history.has_page(record.id):
                continue
            title = str(localised(record.values[record.label_field], lang))
            files[f"{PREFIX[lang]}r/{record.id}/history/index.html"] = _history_page(record, title, history.of(record.id), history, lang, _)
    return files


def _page(lang: str, title: str, body: str, head: str = "") -> str:
    return _PAGE.format(note=GENERATED_NOTE, lang=lang, title=escape(title), head=head, body=body)


def _history_page(record: Record, title: str, versions: list[Version], history, lang: str, _) -> str:
    heading = _("History of “{title}”", title=title)
    items = []
    if record.id in history.uncommitted:
        items.append(f"<li><h2>{escape(_('Changed since the last commit'))}</h2><p>{escape(_('version {digest}, not yet committed', digest=history.digest(record.id)))}</p></li>")
    for version in reversed(versions):
        changes = "".join(f"<li>{_change(change, lang, _)}</li>" for change in version.changes)
        items.append(
            f'<li id="v-{escape(version.digest)}" data-when="{escape(version.day(lang))}"><h2>{escape(_("Version of {date}", date=version.day(lang)))} <code>{escape(version.digest)}</code></h2>'
            f"<p>{escape(_('Commit'))} <code>{escape(version.commit[:10])}</code> · "
            f'<a href="#v-{escape(version.digest)}">{escape(_("Link to this version"))}</a></p>'
            f"<ul>{changes}</ul></li>"
        )
    former = ""
    if record.former_ids:
        former = f"<p>{escape(_('Former ids:'))} " + ", ".join(f"<code>{escape(i)}</code>" for i in record.former_ids) + "</p>"
    stale = _("The link you followed names the version of {date} ({digest}); the entry has changed since.", date="{date}", digest="{digest}")
    unknown = _("The link you followed names a version ({digest}) this history does not hold.", digest="{digest}")
    body = (
        f'<p><a href="../../../">{escape(_("Russia–Iran dossier"))}</a></p>\n'  # the edition's home
        f"<h1>{escape(heading)}</h1>\n"
        f'<p class="notice" hidden data-current="{escape(history.digest(record.id))}" data-stale="{escape(stale)}" data-unknown="{escape(unknown)}"></p>\n'
        f'<p><a href="../">{escape(_("The entry as it is now"))}</a> · <code>{escape(record.id)}</code></p>\n{former}'
        f"<p>{escape(_('Every version of the entry, most recent first, from the history of the dossier’s data.'))}</p>\n"
        f"<ol reversed>{''.join(items)}</ol>\n{_FOLLOW_THE_VERSION}"
    )
    return _page(lang, heading, body, '<meta name="robots" content="noindex">\n')


# A link to a version (#v-<digest>): the current one goes on to the entry; an earlier one is
# said to have changed since. The digest is checked to be one before it is used.
_FOLLOW_THE_VERSION = """<script>
(function () {
  var wanted = window.location.hash.slice(3);
  var notice = document.querySelector(".notice");
  if (window.location.hash.slice(0, 3) !== "#v-" || !/^[0-9a-f]{8}$/.test(wanted)) return;
  if (wanted === notice.getAttribute("data-current")) { window.location.replace("../"); return; }
  var version = document.getElementById("v-" + wanted);
  notice.textContent = version
    ? notice.getAttribute("data-stale").replace("{date}", version.getAttribute("data-when")).replace("{digest}", wanted)
    : notice.getAttribute("data-unknown").replace("{digest}", wanted);
  notice.hidden = false;
})();
</script>"""


def _shown(value, lang: str) -> str:
    if isinstance(value, dict):
        value = value.get(lang) or value.get("en") or ""
    if isinstance(value, list):
        return " : ".join(map(str, value)) if len(value) == 2 else ", ".join(map(str, value))
    return without_markers(str(value)) if value is not None else ""


def _change(change: tuple, lang: str, _) -> str:
    field, old, new = change
    if field == "added":
        return escape(_("First published"))
    if field == "citation added":
        return escape(_("Citation added: {citation}", citation=_citation(new)))
    if field == "citation removed":
        return escape(_("Citation removed: {citation}", citation=_citation(old)))
    name = f"<code>{escape(field)}</code> "
    if old is None and new is None:
        return name + escape(_("changed"))
    if old is None:
        return name + escape(_("set to “{new}”", new=_shown(new, lang)))
    if new is None:
        return name + escape(_("removed (was “{old}”)", old=_shown(old, lang)))
    if _shown(old, lang) == _shown(new, lang):  # changed in the other language only
        return name + escape(_("changed"))
    return name + escape(_("“{old}” became “{new}”", old=_shown(old, lang), new=_shown(new, lang)))


def _citation(pair) -> str:
    source, quote = pair
    return f"{source}: {quote}"
