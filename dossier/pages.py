"""Dossier -> page plans: where each record lives, sorting, grouping, joins and backlinks.

Everything a template shows is decided here, as plain values; templates only loop and print.
"""

from __future__ import annotations

import functools
import posixpath
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .charts import timeline_chart, transfers_chart
from .dates import PartialDate, format_span
from .finding import facets, search_terms
from .model import Citation, Dossier, Record
from .schema import ACTOR_KINDS, COLLECTION_FIELDS, RECORD_NOUN, STANCES, STATUSES

PAGE_OF_COLLECTION = {"events": "timeline.md", "transfers": "transfers.md", "agreements": "agreements.md", "sources": "sources.md"}
LATEST_ON_HOME = 5


@dataclass(frozen=True)
class PagePlan:
    path: str  # relative to docs/
    template: str
    context: dict[str, Any]


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    lang: str | None = None  # set when the text is not English


@dataclass(frozen=True)
class DateView:
    start: PartialDate
    end: PartialDate | None
    approximate: bool
    text: str


@dataclass(frozen=True)
class CitationView:
    quote: str
    lang: str
    translation: str | None
    source: Link


@dataclass(frozen=True)
class ClaimView:
    actor: Link
    stance: str
    citations: list[CitationView]


@dataclass(frozen=True)
class EntryLink:
    """A line in a list of records: date, link, status."""

    date: str
    link: Link
    noun: str
    status: str | None


def home_of(record: Record) -> str:
    """The page a record lives on: its canonical place, and its anchor's only home."""
    return PAGE_OF_COLLECTION.get(record.collection) or f"actors/{record.id}.md"


def url_of(page: str) -> str:
    """The site URL of a page, relative to the site root (directory URLs, as MkDocs makes them)."""
    stem = page[: -len(".md")]
    if stem == "index":
        return ""
    return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"


class _Planner:
    def __init__(self, dossier: Dossier, site_url: str):
        self.dossier = dossier
        self.records = dossier.records
        self.site_url = site_url
        self.backlinks: dict[str, list[Record]] = defaultdict(list)
        for record in sorted(self.records.values(), key=lambda r: (r.sort_key, r.collection)):
            for target in dict.fromkeys(target for _, target, _ in record.references()):
                self.backlinks[target].append(record)
        self.page = ""  # the page being planned: links are relative to it

    # -- links ---------------------------------------------------------------------------

    def href(self, record_id: str) -> str:
        target = home_of(self.records[record_id])
        relative = _relative(target, posixpath.dirname(self.page) or ".")
        return f"{relative}#{record_id}"

    def site_href(self, record_id: str) -> str:
        """A link as the built site has it (directory URLs), for HTML that MkDocs does not rewrite."""
        target, here = url_of(home_of(self.records[record_id])), url_of(self.page)
        if target == here:
            return f"#{record_id}"
        relative = _relative(target or ".", here or ".")
        return f"{relative}/#{record_id}" if relative != "." else f"./#{record_id}"

    def charts(self, which: tuple[str, ...]) -> dict[str, Markup]:
        """The build-time SVG charts, linked from the page being planned (escaped in charts.py)."""
        charts = {}
        if "timeline" in which:
            charts["timeline_chart"] = Markup(timeline_chart(self.dossier.of("events"), self.site_href))
        if "transfers" in which:
            name = lambda actor_id: self.records[actor_id].label  # noqa: E731
            charts["transfers_chart"] = Markup(transfers_chart(self.dossier.of("transfers"), self.site_href, name))
        return charts

    def link(self, record_id: str) -> Link:
        record = self.records[record_id]
        lang = record.language if record.collection == "sources" and not record.language.startswith("en") else None
        return Link(record.label, self.href(record_id), lang)

    def entry_link(self, record: Record) -> EntryLink:
        date = record.when
        return EntryLink(
            date.text if date else "not signed" if record.collection == "agreements" else "",
            self.link(record.id),
            RECORD_NOUN[record.collection],
            record.values.get("status"),
        )

    def citation(self, citation: Citation) -> CitationView:
        source = self.records[citation.source]
        return CitationView(citation.quote, source.language, citation.translation, self.link(source.id))

    def claims(self, record: Record) -> list[ClaimView]:
        return [ClaimView(self.link(c.by), c.stance, [self.citation(s) for s in c.sources]) for c in record.claims]

    def related(self, record: Record) -> list[str]:
        """Related records both ways: those it names, then those naming it as related."""
        naming = (r.id for r in self.backlinks[record.id] if record.id in r.related)
        return list(dict.fromkeys([*record.related, *naming]))

    def permalink(self, record: Record) -> dict:
        """The entry's permanent link (relative for the reader's browser, absolute to copy) and
        a citation of the entry, whose date of access the reader's browser fills in."""
        target = f"r/{record.id}/index.html"
        absolute = f"{self.site_url}r/{record.id}/"
        date = record.when
        dated = f"entry dated {date.text}" if date else "entry"
        return {
            "href": _relative(target, posixpath.dirname(self.page) or "."),
            "absolute": absolute,
            "citation": f"“{record.label}”, Russia–Iran dossier, {dated}, {absolute}",
        }

    @staticmethod
    def date(record: Record) -> DateView:
        return DateView(record.date, record.date_end, bool(record.approximate), format_span(record.date, record.date_end, bool(record.approximate)))

    # -- entries ----------------------------------------------------------------------

    def entry(self, record: Record) -> dict:
        """What every timeline, transfer and agreement entry shows."""
        view = {
            "record": record,
            "related": [self.link(i) for i in self.related(record)],
            "citations": [self.citation(c) for c in record.sources],
            "permalink": self.permalink(record),
            "search_terms": search_terms(record, self.records),
        }
        if record.collection in ("events", "transfers"):
            view["facets"] = facets(record)
            view["date"] = self.date(record)
            view["claims"] = self.claims(record)
            view["status_meaning"] = _meaning(STATUSES, record.status)
        if record.collection == "events":
            view["actors"] = [self.link(i) for i in record.actors]
        if record.collection == "transfers":
            view["supplier"], view["recipient"] = self.link(record.supplier), self.link(record.recipient)
        if record.collection == "agreements":
            view["parties"] = [self.link(i) for i in record.parties]
            view["signatories"] = [self.link(i) for i in record.signatories]
        return view

    # -- pages ----------------------------------------------------------------------------

    def plan(self) -> list[PagePlan]:
        plans = [
            self.timeline(),
            self.transfers(),
            self.agreements(),
            self.sources(),
            self.actor_index(),
            *(self.actor(a) for a in self.dossier.of("actors")),
            self.home(),
            self.methodology(),
            *self.browse(),
        ]
        return plans

    def at(self, page: str) -> None:
        self.page = page

    def timeline(self) -> PagePlan:
        self.at("timeline.md")
        years: dict[int, list] = defaultdict(list)
        for event in self.dossier.of("events"):
            years[event.date.year].append(self.entry(event))
        return PagePlan(self.page, "timeline.md.j2", {"years": sorted(years.items()), **self.charts(("timeline",))})

    def transfers(self) -> PagePlan:
        self.at("transfers.md")
        transfers = self.dossier.of("transfers")
        directions: dict[tuple[str, str], list] = defaultdict(list)
        for transfer in transfers:
            directions[(transfer.supplier, transfer.recipient)].append(self.entry(transfer))
        groups = [
            {"supplier": self.records[s].name.en, "recipient": self.records[r].name.en, "anchor": f"from_{s}_to_{r}", "entries": entries}
            for (s, r), entries in sorted(directions.items(), key=lambda item: (self.records[item[0][0]].name.en, self.records[item[0][1]].name.en))
        ]
        rows = [self.entry(t) for t in transfers]
        return PagePlan(self.page, "transfers.md.j2", {"rows": rows, "groups": groups, **self.charts(("transfers",))})

    def agreements(self) -> PagePlan:
        self.at("agreements.md")
        return PagePlan(self.page, "agreements.md.j2", {"entries": [self.entry(a) for a in self.dossier.of("agreements")]})

    def sources(self) -> PagePlan:
        self.at("sources.md")
        coverage = self.dossier.coverage
        entries = [
            {
                "record": s,
                "permalink": self.permalink(s),
                "search_terms": search_terms(s, self.records),
                "cited_by": [self.entry_link(r) for r in self.backlinks[s.id]],
                "coverage": coverage.get(s.id),
                "sentences": [
                    {"text": sentence.text, "cited_by": [self.link(i) for i in sentence.cited_by]}
                    for sentence in (coverage[s.id].sentences if s.id in coverage else ())
                ],
            }
            for s in self.dossier.of("sources")
        ]
        return PagePlan(self.page, "sources.md.j2", {"entries": entries})

    def actor_index(self) -> PagePlan:
        self.at("actors/index.md")
        actors = sorted(self.dossier.of("actors"), key=lambda a: (a.name.en.casefold(), a.id))
        kinds = [
            {"kind": kind.value, "anchor": f"kind_{kind.value}", "actors": [{"link": self.link(a.id), "record": a} for a in actors if a.kind == kind.value]}
            for kind in ACTOR_KINDS
        ]
        return PagePlan(self.page, "actor_index.md.j2", {"kinds": [k for k in kinds if k["actors"]]})

    def actor(self, actor: Record) -> PagePlan:
        self.at(home_of(actor))
        naming = self.backlinks[actor.id]
        sections = [
            {"title": title, "anchor": f"section_{collection}", "links": [self.entry_link(r) for r in naming if r.collection == collection]}
            for collection, title in (("events", "Timeline"), ("transfers", "Arms transfers"), ("agreements", "Agreements"), ("actors", "Related actors"))
        ]
        view = {
            "record": actor,
            "permalink": self.permalink(actor),
            "search_terms": search_terms(actor, self.records),
            "country": self.link(actor.country) if actor.country else None,
            "citations": [self.citation(c) for c in actor.sources],
            "sections": [s for s in sections if s["links"]],
        }
        return PagePlan(self.page, "actor.md.j2", view)

    def browse(self) -> list[PagePlan]:
        """Plain pages listing the events, transfers and agreements of one year or one category."""
        dated = [r for r in self.records.values() if r.collection in ("events", "transfers", "agreements")]
        groups: dict[str, dict] = {}
        for record in sorted(dated, key=lambda r: (r.sort_key, r.collection)):
            date = record.when
            keys = [("year", str(date.year))] if date else []
            if record.collection != "agreements":
                keys.append(("category", record.category))
            for kind, value in keys:
                groups.setdefault(f"browse/{kind}-{value}.md", {"kind": kind, "value": value, "records": []})["records"].append(record)
        plans = []
        for path, group in sorted(groups.items()):
            self.at(path)
            links = [self.entry_link(r) for r in group["records"]]
            plans.append(PagePlan(path, "browse_list.md.j2", {"kind": group["kind"], "value": group["value"], "links": links}))
        self.at("browse/index.md")
        index = {
            kind: [Link(g["value"], posixpath.relpath(p, "browse")) for p, g in sorted(groups.items()) if g["kind"] == kind]
            for kind in ("year", "category")
        }
        plans.append(PagePlan(self.page, "browse_index.md.j2", {"years": index["year"], "categories": index["category"]}))
        return plans

    def home(self) -> PagePlan:
        self.at("index.md")
        counts = [
            {"noun": title, "count": len(self.dossier.of(collection)), "link": Link(title, posixpath.relpath(page, "."))}
            for collection, title, page in (
                ("events", "Timeline events", "timeline.md"),
                ("transfers", "Arms transfers", "transfers.md"),
                ("agreements", "Agreements", "agreements.md"),
                ("actors", "Actors", "actors/index.md"),
                ("sources", "Sources", "sources.md"),
            )
        ]
        latest = [self.entry_link(e) for e in reversed(self.dossier.of("events")[-LATEST_ON_HOME:])]
        example = next(iter(self.dossier.of("events")), None)
        overview = [
            [{"text": piece.text, "link": self.link(piece.target) if piece.target else None} for piece in paragraph]
            for paragraph in self.dossier.overview
        ]
        context = {"counts": counts, "latest": latest, "site_url": self.site_url, "example": example, "overview": overview}
        context.update(self.charts(("timeline", "transfers")))
        return PagePlan(self.page, "home.md.j2", context)

    def methodology(self) -> PagePlan:
        self.at("methodology.md")
        collections = [
            {"name": name, "noun": RECORD_NOUN[name], "fields": fields} for name, fields in COLLECTION_FIELDS.items()
        ]
        return PagePlan(self.page, "methodology.md.j2", {"statuses": STATUSES, "stances": STANCES, "collections": collections, "site_url": self.site_url})


@functools.lru_cache(maxsize=65536)
def _relative(target: str, start: str) -> str:
    """posixpath.relpath, remembered: a page links to the same few pages thousands of times."""
    return posixpath.relpath(target, start)


def _meaning(choices, value: str) -> str:
    return next(c.meaning for c in choices if c.value == value)


def plan_pages(dossier: Dossier, site_url: str) -> list[PagePlan]:
    return _Planner(dossier, site_url).plan()


@dataclass(frozen=True)
class Redirect:
    path: str  # r/<id>/index.html
    target: str  # relative to the redirect page, anchor kept
    canonical: str  # absolute


def plan_redirects(dossier: Dossier, site_url: str) -> list[Redirect]:
    """`/r/<id>/` for every id and former id, leading to the record's canonical place."""
    names = [(r.id, r) for r in dossier.records.values()] + [(old, dossier.records[new]) for old, new in dossier.former_ids.items()]
    redirects = []
    for name, record in sorted(names, key=lambda pair: pair[0]):
        place = f"{url_of(home_of(record))}#{record.id}"
        redirects.append(Redirect(f"r/{name}/index.html", f"../../{place}", f"{site_url}{place}"))
    return redirects
