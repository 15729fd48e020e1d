"""Dossier -> page plans: where each record lives, sorting, grouping, joins and backlinks.

Everything a template shows is decided here, as plain values; templates only loop and print.
"""

from __future__ import annotations

import functools
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple

from markupsafe import Markup

from .addresses import permanent_link
from .charts import NARROW_WIDTH, timeline_chart, transfers_chart
from .citing import Citing, OverviewNotes, Ref
from .dates import APPROXIMATELY, PartialDate
from .finding import alphabetical, facets, search_terms
from .i18n import PREFIX, EnglishStandIn, Words, localised, untranslated
from .model import Citation, Dossier, Record
from .schema import ACTOR_KINDS, COLLECTION_FIELDS, RECORD_NOUN, STATUSES

PAGE_OF_COLLECTION = {"events": "timeline.md", "transfers": "transfers.md", "agreements": "agreements.md", "sources": "sources.md"}
LATEST_ON_HOME = 5


@dataclass(frozen=True)
class Layout:
    """How much one page holds: past it, a collection's entries go to a page per year (and a
    year's to several pages), a long list of links to a page per year, and a chart shows the
    latest records only. The defaults keep every page of a 10,000-record dossier under 500 KB."""

    entries_per_page: int = 50
    sources_per_page: int = 5  # a source's entry lists its sentences and who cites them
    links_per_list: int = 500
    marks_per_chart: int = 300

    @classmethod
    def scaled(cls, entries_per_page: int) -> "Layout":
        """Every limit in proportion to the entries per page (a small one, to see the split layout on a small dossier)."""
        n = max(1, entries_per_page)
        return cls(n, max(1, n // 10), n * 10, n * 6)


@dataclass(frozen=True)
class Part:
    """One page of a long collection or list: a year, or a piece of a crowded year."""

    slug: str  # in the page's path: "2023", "2023-p2", "undated"
    year: str | None  # None: the records have no date
    number: int  # 1, or the piece of a crowded year
    records: list
    undated: str = "undated"  # what the reader is told of records without a date ("not signed")

    def path(self, stem: str) -> str:
        return f"{stem}/{self.slug}.md"


@dataclass(frozen=True)
class PageHead:
    """The top of a collection's page: the whole collection (title None), its index when it
    is split (parts), or one of its pages per year (title, anchor, pager)."""

    title: str | None = None
    anchor: str = ""
    parts: list = field(default_factory=list)  # [{"link": Link, "count": int}]
    pager: dict | None = None  # {"previous", "up", "next"}: Links
    moved: str | None = None  # where dossier.js sends a link to an entry no longer on the page


def split_by_year(records: list[Record], limit: int, undated: str = "undated") -> list[Part]:
    """Records in order -> parts of at most `limit`: one per year, crowded years in several."""
    years: dict[int | None, list[Record]] = {}
    for record in records:
        date = record.when
        years.setdefault(date.year if date else None, []).append(record)
    parts = []
    for year, group in years.items():
        name = str(year) if year is not None else undated
        slug = str(year) if year is not None else "undated"
        chunks = [group[i : i + limit] for i in range(0, len(group), limit)]
        for number, chunk in enumerate(chunks, start=1):
            parts.append(Part(slug if number == 1 else f"{slug}-p{number}", None if year is None else name, number, chunk, undated))
    return parts


def collection_parts(dossier: Dossier, collection: str, layout: Layout) -> list[Part] | None:
    """The pages a collection's entries are on, or None when they all fit on its one page."""
    records = dossier.of(collection)
    limit = layout.sources_per_page if collection == "sources" else layout.entries_per_page
    if len(records) <= limit:
        return None
    return split_by_year(records, limit, "not signed" if collection == "agreements" else "undated")


def place_records(dossier: Dossier, layout: Layout) -> dict[str, str]:
    """Each record's page (relative to docs/): its canonical place, and its anchor's only home."""
    places = {actor.id: f"actors/{actor.id}.md" for actor in dossier.of("actors")}
    for collection, page in PAGE_OF_COLLECTION.items():
        parts = collection_parts(dossier, collection, layout)
        if parts is None:
            places.update((r.id, page) for r in dossier.of(collection))
        else:
            places.update((r.id, part.path(page[: -len(".md")])) for part in parts for r in part.records)
    return places


@dataclass(frozen=True)
class PagePlan:
    path: str  # relative to docs/
    template: str
    context: dict[str, Any]


PageTask = Callable[[], "list[PagePlan]"]  # plans one page, and the pages of the long lists it shows


# What templates show of a record, made tens of thousands of times at 10,000 records: named
# tuples: cheaper to make than frozen dataclasses, and hashed in C (the link filter remembers links).


class Link(NamedTuple):
    text: str
    href: str
    lang: str | None = None  # set when the text is not English


class DateView(NamedTuple):
    start: PartialDate
    end: PartialDate | None
    approximate: str | None  # the word that marks an approximate date ("c.", "vers")
    start_text: str
    end_text: str | None


class CitationView(NamedTuple):
    quote: str
    lang: str
    translation: str | None
    source: Link


class ClaimView(NamedTuple):
    actor: Link
    stance: str
    ref: Ref  # the marker naming its citations, in the entry's numbered list


class EntryLink(NamedTuple):
    """A line in a list of records: date (with its colon, as the edition spaces it), link, status."""

    date: str
    link: Link
    noun: str
    status: str | None


@functools.lru_cache(maxsize=None)
def url_of(page: str) -> str:
    """The site URL of a page, relative to the site root (directory URLs, as MkDocs makes them)."""
    stem = page[: -len(".md")]
    if stem == "index":
        return ""
    return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"


class _Planner:
    """Plans the pages of one edition: `lang`'s words and text, permanent links from `site_url`
    (the edition's own address)."""

    def __init__(self, dossier: Dossier, site_url: str, layout: Layout, lang: str = "en"):
        self.dossier = dossier
        self.records = dossier.records
        self.site_url = site_url
        self.layout = layout
        self.lang = lang
        self._ = Words(lang)
        self.places = place_records(dossier, layout)
        self.backlinks: dict[str, list[Record]] = defaultdict(list)
        for record in sorted(self.records.values(), key=lambda r: (r.sort_key, r.collection)):
            for target in dict.fromkeys(target for _, target, _ in record.references()):
                self.backlinks[target].append(record)
        self.page = ""  # the page being planned: links are relative to it
        self.folder = "."  # its folder
        # Links to a record look the same from every page of a folder: made once per folder.
        self._links: dict[tuple[str, str], Link] = {}
        self._site_links: dict[tuple[str, str], Link] = {}  # the same, for raw HTML: per page
        self._entry_links: dict[tuple[str, str], EntryLink] = {}
        self.list_pages: list[PagePlan] = []  # the pages of long lists, planned with the page showing the list

    # -- links ---------------------------------------------------------------------------

    def href(self, record_id: str) -> str:
        return f"{_relative(self.places[record_id], self.folder)}#{record_id}"

    def page_href(self, page: str) -> str:
        return _relative(page, self.folder)

    def site_href(self, record_id: str) -> str:
        """A link as the built site has it (directory URLs), for HTML that MkDocs does not rewrite."""
        target, here = url_of(self.places[record_id]), url_of(self.page)
        if target == here:
            return f"#{record_id}"
        relative = _relative(target, here)
        return f"{relative}/#{record_id}" if relative != "." else f"./#{record_id}"

    def charts(self, which: tuple[str, ...]) -> dict[str, Any]:
        """The build-time SVG charts, linked from the page being planned (escaped in charts.py):
        each twice, for a desktop's column and for a phone's (the stylesheet shows one). A chart
        draws the latest records only when there are more than it can show legibly."""
        charts: dict[str, Any] = {}
        limit = self.layout.marks_per_chart
        if "timeline" in which:
            events = self.dossier.of("events")
            drawn = functools.partial(timeline_chart, events[-limit:], self.site_href, words=self._, label=self.label)
            charts["timeline_chart"] = Markup(drawn() + drawn(prefix="timeline-narrow", width=NARROW_WIDTH))
            charts["timeline_chart_note"] = self.chart_note(len(events), limit, "events")
        if "transfers" in which:
            transfers = self.dossier.of("transfers")
            name = lambda actor_id: self.label(self.records[actor_id])  # noqa: E731
            drawn = functools.partial(transfers_chart, transfers[-limit:], self.site_href, name, words=self._, label=self.label)
            charts["transfers_chart"] = Markup(drawn() + drawn(prefix="transfers-narrow", width=NARROW_WIDTH))
            charts["transfers_chart_note"] = self.chart_note(len(transfers), limit, "transfers")
        return charts

    def text(self, value):
        """A text field in this edition's language (English standing in, marked, where it has none)."""
        return localised(value, self.lang)

    def label(self, record: Record):
        """What the record is called in this edition (a source keeps its title as published)."""
        return self.text(record.values[record.label_field])

    def language_of(self, record: Record) -> str | None:
        """The language of a link's text to the record, when it is not the edition's."""
        if record.collection == "sources":
            return record.language if record.language.partition("-")[0] != self.lang else None
        return "en" if isinstance(self.label(record), EnglishStandIn) else None

    def site_page_href(self, path: str) -> str:
        """A link to a folder of the built site (`r/<id>/`), from the page being planned."""
        return _relative(path, url_of(self.page)) + "/"

    def site_link(self, record_id: str) -> Link:
        """A link to a record for raw HTML, where MkDocs rewrites nothing: the entries' own."""
        key = (self.page, record_id)
        if key not in self._site_links:
            record = self.records[record_id]
            self._site_links[key] = Link(self.label(record), self.site_href(record_id), self.language_of(record))
        return self._site_links[key]

    def link(self, record_id: str) -> Link:
        key = (self.folder, record_id)
        if key not in self._links:
            record = self.records[record_id]
            self._links[key] = Link(self.label(record), self.href(record_id), self.language_of(record))
        return self._links[key]

    def entry_link(self, record: Record) -> EntryLink:
        """A line of a list of entries, for raw HTML (the lists of a large dossier are long)."""
        key = (self.page, record.id)
        if key not in self._entry_links:
            date = record.when
            status = record.values.get("status")
            dated = self.date_text(record) if date else self._("not signed") if record.collection == "agreements" else ""
            self._entry_links[key] = EntryLink(
                self._("{date}:", date=dated) if dated else "",
                self.site_link(record.id),
                self._(RECORD_NOUN[record.collection]),
                self._(status) if status else None,
            )
        return self._entry_links[key]

    def citation(self, citation: Citation) -> CitationView:
        """A quote and its source, for the raw HTML of a numbered list (a link as the built site has it)."""
        source = self.records[citation.source]
        # A quote in the edition's own language needs no translation beside it.
        translated = citation.translation if source.language.partition("-")[0] != self.lang else None
        return CitationView(citation.quote, source.language, translated, self.site_link(source.id))

    def cited(self, record: Record, fields: tuple[str, ...]) -> dict:
        """The record's texts in `fields` (a list of texts for roles) with their markers as links,
        its claims, and its citations numbered as the markers name them, linking back."""
        citing = Citing(record, self._)
        view: dict[str, Any] = {}
        for name in fields:
            value = record.values.get(name)
            view[name] = [citing.text(self.text(item)) for item in value] if name == "roles" else citing.text(self.text(value))
        claims, leads = [], [None] * len(record.sources)
        first = len(record.sources) + 1
        for claim in record.values.get("claims") or ():
            numbers = tuple(range(first, first + len(claim.sources)))
            claims.append(ClaimView(self.site_link(claim.by), self._(claim.stance), citing.ref(numbers)))
            stance = self._("{stance}:", stance=self._(claim.stance))  # "denies:", « dément : »
            leads += [ClaimView(self.site_link(claim.by), stance, None)] * len(claim.sources)
            first += len(claim.sources)
        view["claims"] = claims
        view["citations"] = citing.numbered(self.citation, leads)
        return view

    def related(self, record: Record) -> list[str]:
        """Related records both ways: those it names, then those naming it as related."""
        naming = (r.id for r in self.backlinks[record.id] if record.id in r.related)
        return list(dict.fromkeys([*record.related, *naming]))

    def permalink(self, record: Record) -> dict:
        """The entry's permanent link (relative for the reader's browser, absolute to copy) and
        a citation of the entry, whose date of access the reader's browser fills in."""
        absolute = permanent_link(self.site_url, record.id)  # relative where no address is set
        date = record.when
        # "dated 2 June 2021", "dated 2021": in French « datée du 2 juin 2021 », « datée de 2021 »
        dated = self._("entry dated {date}" if date.day else "entry dated {period}", date=date.text_in(self.lang), period=date.text_in(self.lang)) if date else self._("entry")
        view = {
            "href": self.site_page_href(f"r/{record.id}"),
            "absolute": absolute,
            "published": bool(self.site_url),
            "citation": self._("“{title}”, Russia–Iran dossier, {dated}, {link}", title=self.label(record), dated=dated, link="\0").split("\0"),
            "history": None,
        }
        versions = self.dossier.history.of(record.id)
        if versions:
            uncommitted = record.id in self.dossier.history.uncommitted
            digest = self.dossier.history.digest(record.id)
            view["history"] = {
                "href": self.site_page_href(f"r/{record.id}/history") if self.dossier.history.has_page(record.id) else None,
                "added": versions[0].day(self.lang),
                "changed": versions[-1].day(self.lang) if len(versions) > 1 else None,
                "uncommitted": uncommitted,
                "digest": digest,
            }
            # the citation names the version: its date and digest, and the link that names it
            version = self._("version of {date}, {digest}", date=versions[-1].day(self.lang), digest=digest) if not uncommitted else self._("version {digest}, not yet committed", digest=digest)
            view["citation"] = self._(
                "“{title}”, Russia–Iran dossier, {dated}, {version}, {link}", title=self.label(record), dated=dated, version=version, link="\0"
            ).split("\0")
            view["version_absolute"] = f"{absolute}#v-{digest}"  # the redirect there knows if it is still current
        return view

    def date_text(self, record: Record) -> str:
        """The date that places the record, in words, with its end and its hedge as the entry
        gives them: "c. October 2022 – February 2023" (an agreement: the day it was signed)."""
        if record.collection == "agreements":
            return record.when.text_in(self.lang)
        view = self.date(record)
        text = view.start_text + (f" – {view.end_text}" if view.end else "")
        return f"{view.approximate} {text}" if view.approximate else text

    def date(self, record: Record) -> DateView:
        end = record.values.get("date_end")  # a source has a date, but no end nor hedge
        approximate = APPROXIMATELY[self.lang] if record.values.get("approximate") else None
        return DateView(record.date, end, approximate, record.date.text_in(self.lang), end.text_in(self.lang) if end else None)

    # -- entries ----------------------------------------------------------------------

    def entry(self, record: Record) -> dict:
        """What every timeline, transfer and agreement entry shows. All but its heading is raw
        HTML, held out of Python-Markdown's way (scripts/raw_html.py; its reading of entries was
        most of a large build's time): links as the built site has them."""
        view = {
            "record": record,
            "related": [self.site_link(i) for i in self.related(record)],
            "permalink": self.permalink(record),
            "search_terms": search_terms(record, self.records, self.lang),
            **self.cited(record, ("summary", "note")),
        }
        if record.collection in ("events", "transfers"):
            view["facets"] = facets(record)
            view["date"] = self.date(record)
            view["status"] = self._(record.status)
            view["status_meaning"] = self._(_meaning(STATUSES, record.status))
            view["category"] = self._(record.category)
        if record.collection == "events":
            view["title"] = self.label(record)
            view["actors"] = [self.site_link(i) for i in record.actors]
        if record.collection == "transfers":
            view["item"] = self.label(record)
            view["quantity"] = self.text(record.quantity) if record.quantity is not None else None
            view["supplier"], view["recipient"] = self.site_link(record.supplier), self.site_link(record.recipient)
        if record.collection == "agreements":
            view["title"] = self.label(record)
            view["title_original"] = str(record.title_original) if record.title_original else None
            view["kind"], view["status"] = self._(record.kind), self._(record.status)
            view["signed"] = record.signed.text_in(self.lang) if record.signed else None
            view["location"] = self.text(record.location) if record.location else None
            view["areas"] = [self._.term(area) for area in record.areas]
            view["parties"] = [self.site_link(i) for i in record.parties]
            view["signatories"] = [self.site_link(i) for i in record.signatories]
        return view

    # -- pages ----------------------------------------------------------------------------

    def tasks(self) -> list[PageTask]:
        actors = self.dossier.of("actors")
        return [
            *self.collection("events", self.timeline),
            *self.collection("transfers", self.transfers),
            *self.collection("agreements", self.agreements),
            *self.collection("sources", self.sources),
            self.task("actors/index.md", self.actor_index),
            *(self.task(self.places[a.id], functools.partial(self.actor, a)) for a in actors),
            self.task("index.md", self.home),
            self.task("methodology.md", self.methodology),
            *self.browse(),
        ]

    def task(self, page: str, make: Callable[[], PagePlan]) -> PageTask:
        """Planning `page` (and the pages of the long lists it shows), to be run where it is rendered."""

        def run() -> list[PagePlan]:
            self.at(page)
            self.list_pages = []
            plans = [make(), *self.list_pages]
            for plan in plans:
                plan.context["_"] = self._  # the edition's words, for the templates
            return plans

        return run

    def at(self, page: str) -> None:
        self.page = page
        self.folder = posixpath.dirname(page) or "."

    def collection(self, collection: str, entries_page) -> list[PageTask]:
        """A collection's page: every entry, or, when they are too many, the charts and a list of
        the pages holding them, one per year (crowded years in several)."""
        page = PAGE_OF_COLLECTION[collection]
        parts = collection_parts(self.dossier, collection, self.layout)
        if parts is None:
            return [self.task(page, functools.partial(entries_page, self.dossier.of(collection), PageHead()))]
        stem = page[: -len(".md")]
        paths = [part.path(stem) for part in parts]
        index = self.task(page, functools.partial(self.collection_index, entries_page, page, parts, paths))
        pages = [
            self.task(path, functools.partial(self.collection_part, entries_page, page, parts, paths, number))
            for number, path in enumerate(paths)
        ]
        return [index, *pages]

    def collection_index(self, entries_page, page: str, parts: list[Part], paths: list[str]) -> PagePlan:
        # A link made while the collection was one page (timeline/#id) is sent on by dossier.js
        # through the entry's permanent link, from the site URL of this page.
        moved = _relative("r", url_of(page).rstrip("/")) + "/"
        return entries_page([], PageHead(parts=self.part_links(parts, paths), moved=moved))

    def collection_part(self, entries_page, page: str, parts: list[Part], paths: list[str], number: int) -> PagePlan:
        part = parts[number]
        pager = {
            "up": Link(self._("All pages"), self.page_href(page)),
            "previous": Link(f"← {self.part_label(parts[number - 1])}", self.page_href(paths[number - 1])) if number > 0 else None,
            "next": Link(f"{self.part_label(parts[number + 1])} →", self.page_href(paths[number + 1])) if number + 1 < len(parts) else None,
        }
        return entries_page(part.records, PageHead(self.part_label(part), f"part_{part.slug.replace('-', '_')}", pager=pager))

    def part_label(self, part: Part) -> str:
        """What the reader is told a part holds: "2023", "2023, part 2", "not signed"."""
        name = part.year or self._(part.undated)
        return name if part.number == 1 else self._("{name}, part {number}", name=name, number=part.number)

    def part_links(self, parts: list[Part], paths: list[str]) -> list[dict]:
        """The list of a split collection's or list's pages, from the page being planned."""
        return [{"link": Link(self.part_label(part), self.page_href(path)), "count": len(part.records)} for part, path in zip(parts, paths)]

    def timeline(self, events: list[Record], head: PageHead) -> PagePlan:
        years: dict[int, list] = defaultdict(list)
        for event in events:
            years[event.date.year].append(self.entry(event))
        charts = self.charts(("timeline",)) if head.title is None else {}
        return PagePlan(self.page, "timeline.md.j2", {"head": head, "years": sorted(years.items()), "filters": self.filters(events), **charts})

    def transfers(self, transfers: list[Record], head: PageHead) -> PagePlan:
        directions: dict[tuple[str, str], list] = defaultdict(list)
        rows = []
        for transfer in transfers:
            entry = self.entry(transfer)
            # the table is raw HTML (a row becomes a card on a phone): links as the built site has them
            entry["row"] = {
                "supplier": entry["supplier"],
                "recipient": entry["recipient"],
                "item": Link(entry["item"], f"#{transfer.id}", "en" if isinstance(entry["item"], EnglishStandIn) else None),
            }
            rows.append(entry)
            directions[(transfer.supplier, transfer.recipient)].append(entry)
        name = lambda actor_id: self.label(self.records[actor_id])  # noqa: E731
        groups = [
            {"supplier": name(s), "recipient": name(r), "anchor": f"from_{s}_to_{r}", "entries": entries}
            for (s, r), entries in sorted(directions.items(), key=lambda item: (name(item[0][0]), name(item[0][1])))
        ]
        charts = self.charts(("transfers",)) if head.title is None else {}
        return PagePlan(self.page, "transfers.md.j2", {"head": head, "rows": rows, "groups": groups, "filters": self.filters(transfers), **charts})

    def filters(self, records: list[Record]) -> dict | None:
        """The form that narrows the page's entries (filters.js makes it work), drawn at build
        time so that the page does not move when it comes: each facet's choices on this page."""
        if not records:
            return None
        actors = {actor for r in records for actor in facets(r)["actors"].split()}
        facet_values = [
            ("category", self._("Category"), sorted(((v, self._(v)) for v in {r.category for r in records}), key=lambda pair: alphabetical(pair[1]))),
            ("status", self._("Status"), sorted(((v, self._(v)) for v in {r.status for r in records}), key=lambda pair: alphabetical(pair[1]))),
            ("actor", self._("Actor"), sorted(((a, str(self.label(self.records[a]))) for a in actors), key=lambda pair: alphabetical(pair[1]))),
            ("year", self._("Year"), [(v, v) for v in sorted({str(r.date.year) for r in records})]),
        ]
        count = self._("{shown} of {all} entries shown", shown=len(records), all=len(records))
        unknown = {  # what filters.js says of a value in the address that names no choice here
            "category": self._("No category “{value}” here", value="{value}"),
            "status": self._("No status “{value}” here", value="{value}"),
            "actor": self._("No actor “{value}” here", value="{value}"),
            "year": self._("No year “{value}” here", value="{value}"),
        }
        return {
            "facets": [{"name": n, "label": label, "any": self._(f"any|{n}"), "options": options, "unknown": unknown[n]} for n, label, options in facet_values],
            "count": count,
            "suggest": self._("; did you mean {name}?", name="{name}"),
            "outside": self._("Outside the chosen filter: shown because the address names this entry."),
        }

    def agreements(self, agreements: list[Record], head: PageHead) -> PagePlan:
        return PagePlan(self.page, "agreements.md.j2", {"head": head, "entries": [self.entry(a) for a in agreements]})

    def sources(self, sources: list[Record], head: PageHead) -> PagePlan:
        entries = []
        for s in sources:
            coverage = self.dossier.coverage_of(s)
            entries.append({
                "record": s,
                "note": Citing(s, self._).text(self.text(s.note)),
                "title_en": self.text(s.title_en) if s.title_en and self.lang == "en" else None,
                "date": s.date.text_in(self.lang),
                "permalink": self.permalink(s),
                "search_terms": search_terms(s, self.records, self.lang),
                "cited_by": self.entry_list(f"sources/{s.id}", self._("Records citing {title}", title=self.label(s)), self.backlinks[s.id], s.id),
                "coverage": coverage,
                "sentences": [
                    {"text": sentence.text, "cited_by": [self.site_link(i) for i in sentence.cited_by]}
                    for sentence in (coverage.sentences if coverage else ())
                ],
            })
        return PagePlan(self.page, "sources.md.j2", {"head": head, "entries": entries})

    def entry_list(self, stem: str, title: str, records: list[Record], section: str = "") -> dict:
        """A list of entries to show on the page being planned: the links themselves, or, when
        they are too many, links to pages per year that list them (planned here too)."""
        if len(records) <= self.layout.links_per_list:
            return {"count": len(records), "links": [self.entry_link(r) for r in records], "parts": []}
        here = self.page
        parts = split_by_year(records, self.layout.links_per_list)
        paths = [part.path(stem) for part in parts]
        links = self.part_links(parts, paths)
        for part, path in zip(parts, paths):
            self.at(path)
            label = self.part_label(part)
            context = {
                "title": label if label.startswith(title) else f"{title}, {label}",
                "anchor": f"list_{part.slug.replace('-', '_')}",
                "up": Link(title, self.page_href(here) + (f"#{section}" if section else "")),
                "links": [self.entry_link(r) for r in part.records],
            }
            self.list_pages.append(PagePlan(path, "entry_list.md.j2", context))
        self.at(here)
        return {"count": len(records), "links": [], "parts": links}

    def actor_index(self) -> PagePlan:
        actors = sorted(self.dossier.of("actors"), key=lambda a: (alphabetical(self.label(a)), a.id))
        kinds = [
            {"kind": self._(kind.value + "s"), "anchor": f"kind_{kind.value}", "actors": [{"link": self.link(a.id), "roles": self.roles_elsewhere(a)} for a in actors if a.kind == kind.value]}
            for kind in ACTOR_KINDS
        ]
        return PagePlan(self.page, "actor_index.md.j2", {"kinds": [k for k in kinds if k["actors"]]})

    def roles_elsewhere(self, actor: Record) -> list:
        """An actor's roles as another page lists them: each marker leads to the actor's page."""
        citing = Citing(actor, self._, elsewhere=self.site_href(actor.id).partition("#")[0])
        return [citing.text(self.text(role)) for role in actor.roles]

    def actor(self, actor: Record) -> PagePlan:
        naming = self.backlinks[actor.id]
        sections = []
        for collection, title in (("events", "Timeline"), ("transfers", "Arms transfers"), ("agreements", "Agreements"), ("actors", "Related actors")):
            records = [r for r in naming if r.collection == collection]
            if records:
                title = self._(title)
                listed = self.entry_list(f"actors/{actor.id}/{collection}", f"{self.label(actor)}, {title.lower()}", records, f"section_{collection}")
                sections.append({"title": title, "anchor": f"section_{collection}", **listed})
        view = {
            "record": actor,
            "name": self.label(actor),
            "kind": self._(actor.kind),
            "permalink": self.permalink(actor),
            "search_terms": search_terms(actor, self.records, self.lang),
            "country": self.link(actor.country) if actor.country else None,
            "sections": sections,
            **self.cited(actor, ("roles", "summary", "note")),
        }
        return PagePlan(self.page, "actor.md.j2", view)

    def browse(self) -> list[PageTask]:
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
        groups = dict(sorted(groups.items()))
        lists = [self.task(path, functools.partial(self.browse_list, path, group)) for path, group in groups.items()]
        return [*lists, self.task("browse/index.md", functools.partial(self.browse_index, groups))]

    def browse_list(self, path: str, group: dict) -> PagePlan:
        title = group["value"] if group["kind"] == "year" else self._("Category: {category}", category=self._(group["value"]))
        listed = self.entry_list(path[: -len(".md")], title, group["records"])
        return PagePlan(path, "browse_list.md.j2", {"kind": group["kind"], "value": group["value"], "title": title, "listed": listed})

    def browse_index(self, groups: dict[str, dict]) -> PagePlan:
        index = {
            kind: [Link(g["value"] if kind == "year" else self._(g["value"]), posixpath.relpath(p, "browse")) for p, g in groups.items() if g["kind"] == kind]
            for kind in ("year", "category")
        }
        return PagePlan(self.page, "browse_index.md.j2", {"years": index["year"], "categories": index["category"]})

    def home(self) -> PagePlan:
        counts = [
            {"count": len(self.dossier.of(collection)), "link": Link(self._(title), posixpath.relpath(page, "."))}
            for collection, title, page in (
                ("events", "Timeline events", "timeline.md"),
                ("transfers", "Arms transfers", "transfers.md"),
                ("agreements", "Agreements", "agreements.md"),
                ("actors", "Actors", "actors/index.md"),
                ("sources", "Sources", "sources.md"),
            )
        ]
        latest = [self.entry_link(e) for e in reversed(self.dossier.of("events")[-LATEST_ON_HOME:])]
        first = next(iter(self.dossier.of("events")), None)
        example = None
        if first is not None:  # the permanent link of the first event, as a link a reader can follow here
            address = permanent_link(self.site_url, first.id)
            example = Link(address, address if self.site_url else f"r/{first.id}/index.html")
        notes = OverviewNotes(self._)
        paragraphs, overview_lang = self.dossier.overview_in(self.lang)
        overview = [
            [{"text": self._.spaced(piece.text), "link": self.link(piece.target) if piece.target else None, "ref": notes.ref(piece.cites) if piece.cites else None} for piece in paragraph.pieces]
            for paragraph in paragraphs
        ]
        overview_notes = notes.notes(self.records, self.citation, self.site_link)
        context = {"counts": counts, "latest": latest, "site_url": self.site_url, "example": example, "overview": overview, "overview_notes": overview_notes}
        context["overview_lang"] = overview_lang if overview_lang != self.lang else None
        context.update(self.charts(("timeline", "transfers")))
        return PagePlan(self.page, "home.md.j2", context)

    def methodology(self) -> PagePlan:
        _ = self._
        collections = [
            {"name": name, "fields": [{"name": f.name, "required": f.required, "doc": _(f.doc), "choices": f.choices} for f in fields]}
            for name, fields in COLLECTION_FIELDS.items()
        ]
        vocabulary = [{"value": c.value, "word": _(c.value), "meaning": _(c.meaning)} for c in STATUSES]
        context = {"statuses": vocabulary, "collections": collections, "site_url": self.site_url}
        context["french_required"] = self.dossier.settings.french == "required"
        context["markers_required"] = self.dossier.settings.citation_markers == "required"
        context["english_standing_in"] = self.english_standing_in() if self.lang != "en" else {"items": [], "listed": None}
        template = "methodology.md.j2" if self.lang == "en" else f"methodology.{self.lang}.md.j2"
        return PagePlan(self.page, template, context)

    def english_standing_in(self) -> dict:
        """The records whose texts this edition shows in English, for want of a translation: each
        with the fields, or, when they are too many for one page, a list on pages per year."""
        records = [r for r in sorted(self.records.values(), key=lambda r: (r.collection, r.id)) if untranslated(r, self.lang)]
        if len(records) > self.layout.links_per_list:
            title = self._("Texts shown in English, for want of a translation")
            by_date = sorted(records, key=lambda r: (r.sort_key, r.collection))
            return {"items": [], "listed": self.entry_list("methodology/english", title, by_date, "method_editions")}
        return {"items": [{"link": self.link(r.id), "fields": ", ".join(untranslated(r, self.lang))} for r in records], "listed": None}

    def chart_note(self, total: int, limit: int, nouns: str) -> str | None:
        """What a chart leaves out, said under it."""
        if total <= limit:
            return None
        return self._("The chart shows the latest {limit} of the {total} " + nouns + "; each year's page lists them all.", limit=self._.number(limit), total=self._.number(total))


@functools.lru_cache(maxsize=1 << 18)
def _relative(target: str, start: str) -> str:
    """posixpath.relpath for the site's own paths ("actors/iran.md", "timeline/2023/", "" or "."
    for the root), at a tenth of its cost: a large dossier's pages hold some 300,000 links."""
    to = [part for part in target.split("/") if part not in ("", ".")]
    at = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    while common < len(to) and common < len(at) and to[common] == at[common]:
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."


def _meaning(choices, value: str) -> str:
    return next(c.meaning for c in choices if c.value == value)


def plan_site(dossier: Dossier, site_url: str, layout: Layout = Layout(), lang: str = "en") -> tuple[list[PageTask], list[Redirect]]:
    """Every page of the `lang` edition, as the task that plans it, and every `/r/` redirect,
    from one placement of the records. Pages are planned where they are rendered
    (workers.render_files), since planning costs about as much as rendering and both then
    share the cores. `site_url` is the site's address: an edition other than English lives
    under its own folder of the site (`fr/`), and its files under the same folder of docs/."""
    prefix = PREFIX[lang]
    edition_url = site_url + prefix if site_url else ""  # no address published: links from the edition's root
    planner = _Planner(dossier, edition_url, layout, lang)
    tasks = planner.tasks()
    redirects = plan_redirects(dossier, edition_url, planner.places)
    if not prefix:
        return tasks, redirects
    return [functools.partial(_placed, task, prefix) for task in tasks], [r._replace(path=prefix + r.path) for r in redirects]


def _placed(task: PageTask, prefix: str) -> list[PagePlan]:
    """The pages a task plans, in the folder of their edition."""
    return [PagePlan(prefix + plan.path, plan.template, plan.context) for plan in task()]


class Redirect(NamedTuple):
    path: str  # r/<id>/index.html
    target: str  # relative to the redirect page, anchor kept
    canonical: str  # absolute
    record_id: str = ""
    version: str = ""  # the digest of the record's current version, "" without history


def plan_redirects(dossier: Dossier, site_url: str, places: dict[str, str]) -> list[Redirect]:
    """`/r/<id>/` for every id and former id, leading to the record's canonical place."""
    names = [(r.id, r) for r in dossier.records.values()] + [(old, dossier.records[new]) for old, new in dossier.former_ids.items()]
    redirects = []
    for name, record in sorted(names, key=lambda pair: pair[0]):
        place = f"{url_of(places[record.id])}#{record.id}"
        # without a published address, the canonical link is the page itself, from the redirect
        redirects.append(Redirect(
            f"r/{name}/index.html", f"../../{place}", f"{site_url}{place}" if site_url else f"../../{place}",
            record.id, dossier.history.digest(record.id) if dossier.history.has_page(record.id) else "",
        ))
    return redirects
