"""Charts drawn at build time: the timeline and the arms transfers as inline SVG.

No chart library, no JavaScript, no external resource. Each chart is one `<svg>` string:

- scalable: a viewBox and width="100%", no fixed height; text is SVG text, sharp at any zoom;
- themed by the page: text and axes use `var(--md-default-fg-color, currentColor)`, marks a
  colour per category from `--dossier-chart-<category>` (fallbacks meet 3:1 against both
  white and #1e2129); hollow marks are filled with `--md-default-bg-color` when defined;
- never colour alone: categories are labelled rows; the status is the mark's shape (circle,
  diamond, triangle), an approximate date a hollow mark, a period a bar, a dashed one when
  approximate; the legend inside the chart says so in words;
- accessible: named by its `<title>` and described by its `<desc>` (the chart's text
  alternative: counts per category or direction, and the date range); every mark is a link
  to its entry, named by its `<title>` "date — title (status)". The `<svg>` keeps its own
  role (graphics-document, in SVG-AAM): with role="img" its children are presentational, so
  the links would be hidden from assistive technology, axe reports them (nested-interactive,
  WCAG 4.1.2), and the Nu HTML checker accepts no other explicit role that fits on <svg>;
- self-contained styling: one `<style>` element whose rules are scoped to the chart's id
  (the `prefix`), so that two charts on a page do not clash; ids are `prefix`, `prefix-title`
  and `prefix-desc`;
- safe: every piece of text from data is XML-escaped; hrefs are the caller's, attribute-escaped;
- deterministic, and linear (n log n) in the number of records: marks that would overlap in
  a row are stacked into sub-rows by an interval packing, at most MAX_ROWS deep (beyond
  that, marks overlap rather than the chart growing without bound).

The output has no blank line and no indentation, so it can stand in a Markdown raw HTML
block (Python-Markdown does not treat <svg> as a block element: wrap it in a <div> or a
<figure>).
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .dates import PartialDate, format_span, short_month
from .i18n import Words
from .model import Record
from .schema import EVENT_CATEGORIES, STATUSES, TRANSFER_CATEGORIES
from .xmltext import NOT_XML, xml_attribute, xml_text

SVG_NS = "http://www.w3.org/2000/svg"

WIDTH = 800  # viewBox width, user units
NARROW_WIDTH = 340  # the same chart for a phone's column: text at its size, lanes named above their marks
FONT = 13  # font size, user units
CHAR = 0.56 * FONT  # estimated mean advance of a character (DejaVu Sans, a wide font), to lay out text without a font
PAD = 8
ROW = 16  # height of one sub-row of marks
LANE_PAD = 4
MAX_ROWS = 10  # sub-rows per lane before marks are allowed to overlap
GLYPH = 6  # half-width of a mark
GAP = 2  # least space between two marks in a row
LEGEND_ROW = 20
BAND_HEAD = 24

# Colours per category: relative luminance between 0.15 and 0.30, so at least 3:1 against
# white and against #1e2129. Pages may override them with --dossier-chart-<category>.
_RED, _BLUE, _OCHRE, _PURPLE, _TEAL, _GREY, _ORANGE, _GREEN = (
    "#d6406a", "#3b7dd8", "#a07410", "#9061d1", "#0f8796", "#7c7f86", "#d0602a", "#2b8a3e",
)
COLOURS = {
    # events
    "military": _RED,
    "diplomatic": _BLUE,
    "economic": _OCHRE,
    "sanctions": _PURPLE,
    "political": _TEAL,
    "context": _GREY,
    # transfers
    "drones": _ORANGE,
    "missiles": _RED,
    "aircraft": _BLUE,
    "air-defence": _TEAL,
    "munitions": _OCHRE,
    "production": _PURPLE,
    "technology": _GREEN,
    "other": _GREY,
}
DEFAULT_COLOUR = _GREY

# The status as the mark's shape.
FIRM, INTENDED, ALLEGED = "firm", "intended", "alleged"
STATUS_GROUP = {"confirmed": FIRM, "reported": FIRM, "planned": INTENDED, "requested": INTENDED, "possible": INTENDED, "alleged": ALLEGED}
GROUP_ORDER = (FIRM, INTENDED, ALLEGED)
STATUS_ORDER = tuple(s.value for s in STATUSES)

_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_CLASS_WORD = re.compile(r"[^a-z0-9-]+")
_SPACE = re.compile(r"\s+")


# -- text ---------------------------------------------------------------------------------


def _clean(value) -> str:
    """One line of text, without characters XML cannot carry."""
    return _SPACE.sub(" ", NOT_XML.sub("", str(value))).strip()


def _text(value) -> str:
    return xml_text(_clean(value))


def _attr(value) -> str:
    return xml_attribute(str(value))


def _num(value: float) -> str:
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def _class_word(value: str) -> str:
    return _CLASS_WORD.sub("-", str(value).lower()).strip("-") or "none"


ENGLISH = Words("en")


def _truncate(text: str, width: float) -> str:
    most = max(4, int(width / CHAR))
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


# -- dates --------------------------------------------------------------------------------


def _start(record: Record) -> PartialDate:
    return record.values["date"]


def _end(record: Record) -> PartialDate:
    end = record.values.get("date_end")
    return end if end is not None and end.last_day >= _start(record).last_day else _start(record)


def _middle(date: PartialDate) -> float:
    """The middle of the date's period, in days (proleptic ordinal): 2022 is early July 2022."""
    return (date.first_day.toordinal() + date.last_day.toordinal() + 1) / 2


def _date_range(records: list[Record], _: Words) -> str:
    first = min((_start(r) for r in records), key=lambda d: (d.first_day, d))
    last = max((_end(r) for r in records), key=lambda d: (d.last_day, d))
    if first == last:
        return _("dated {date}" if first.day else "dated {period}", date=first.text_in(_.lang), period=first.text_in(_.lang))
    return _("from {first} to {last}", first=first.text_in(_.lang), last=last.text_in(_.lang))


def _mark_title(record: Record, label: str, _: Words) -> str:
    span = format_span(_start(record), record.values.get("date_end"), bool(record.values.get("approximate")), _.lang)
    return f"{span} — {_clean(label)} ({_(record.values.get('status'))})"


# -- layout -------------------------------------------------------------------------------


@dataclass
class _Mark:
    record: Record
    x: float  # the glyph's centre
    bar: tuple[float, float] | None  # a period's extent
    left: float
    right: float
    row: int = 0


class _Scale:
    """Days -> x, over whole years: from 1 January of the first year to 31 December of the last."""

    def __init__(self, records: list[Record], left: float, right: float):
        self.first_year = min(_start(r).year for r in records)
        self.last_year = max(_end(r).year for r in records)
        self.start = PartialDate(self.first_year).first_day.toordinal()
        self.stop = PartialDate(self.last_year).last_day.toordinal() + 1
        self.left, self.right = left, right
        self.per_day = (right - left) / (self.stop - self.start)

    def x(self, day: float) -> float:
        return self.left + (day - self.start) * self.per_day

    def year_x(self, year: int) -> float:
        return self.x(PartialDate(year).first_day.toordinal())

    @property
    def year_width(self) -> float:
        return (self.right - self.left) / (self.last_year - self.first_year + 1)


def _place(records: Iterable[Record], scale: _Scale) -> list[_Mark]:
    marks = []
    for record in records:
        start, end = _start(record), record.values.get("date_end")
        x = scale.x(_middle(start))
        bar = None
        if end is not None:
            bar = (scale.x(start.first_day.toordinal()), scale.x(_end(record).last_day.toordinal() + 1))
        left = min(x - GLYPH, bar[0] if bar else x)
        right = max(x + GLYPH, bar[1] if bar else x)
        marks.append(_Mark(record, x, bar, left, right))
    return marks


def _stack(marks: list[_Mark]) -> int:
    """Sub-rows for marks that would overlap, first fit, in n log n; returns the rows used."""
    marks.sort(key=lambda m: (m.left, m.x, m.record.id))
    busy: list[tuple[float, int]] = []  # (right edge of the last mark in the row, row)
    free: list[int] = []
    rows = 0
    for mark in marks:
        while busy and busy[0][0] + GAP <= mark.left:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            mark.row = heapq.heappop(free)
        elif rows < MAX_ROWS:
            mark.row, rows = rows, rows + 1
        else:  # too dense: share the row that frees up first
            mark.row = heapq.heappop(busy)[1]
        heapq.heappush(busy, (mark.right, mark.row))
    return max(rows, 1)


@dataclass
class _Lane:
    label: str
    category: str
    records: list[Record]
    marks: list[_Mark] = field(default_factory=list)
    rows: int = 1
    top: float = 0
    label_row: float = 0  # the height of the lane's label above its marks (narrow charts)

    @property
    def height(self) -> float:
        return self.label_row + self.rows * ROW + 2 * LANE_PAD


# -- drawing ------------------------------------------------------------------------------


def _glyph(group: str, x: float, y: float, css_class: str = "") -> str:
    """The status's shape centred on (x, y): circle, diamond or triangle."""
    cls = f' class="{css_class}"' if css_class else ""
    if group == INTENDED:
        h = GLYPH + 0.5
        return f'<path{cls} d="M{_num(x)} {_num(y - h)}l{_num(h)} {_num(h)} {_num(-h)} {_num(h)} {_num(-h)} {_num(-h)}z"/>'
    if group == ALLEGED:
        h = GLYPH
        return f'<path{cls} d="M{_num(x)} {_num(y - h)}l{_num(h)} {_num(2 * h - 1)}h{_num(-2 * h)}z"/>'
    return f'<circle{cls} cx="{_num(x)}" cy="{_num(y)}" r="{_num(GLYPH - 1)}"/>'


def _bar(x: float, y: float, bar: tuple[float, float]) -> str:
    """A period: a line from its start to its end, broken where the glyph stands."""
    a, b = bar
    pieces = []
    if x - GLYPH - a > 0.5:
        pieces.append(f"M{_num(a)} {_num(y)}H{_num(x - GLYPH)}")
    if b - (x + GLYPH) > 0.5:
        pieces.append(f"M{_num(x + GLYPH)} {_num(y)}H{_num(b)}")
    return f'<path class="dossier-chart-bar" d="{"".join(pieces)}"/>' if pieces else ""


def _style(prefix: str, categories: Iterable[str]) -> str:
    p = f"#{prefix}"
    fg = "var(--md-default-fg-color,currentColor)"
    rules = [
        f"{p}{{font-family:var(--md-text-font-family,system-ui,sans-serif);font-size:{FONT}px}}",
        f"{p} text{{fill:{fg}}}",
        f"{p} .dossier-chart-heading{{font-weight:700}}",
        f"{p} .dossier-chart-axis{{stroke:{fg};fill:none}}",
        f"{p} .dossier-chart-grid{{stroke:currentColor;stroke-opacity:.22;fill:none}}",
        f"{p} .dossier-chart-key{{--dossier-chart-color:{fg}}}",
        f"{p} .dossier-chart-marks circle,{p} .dossier-chart-marks path{{fill:var(--dossier-chart-color);stroke:var(--dossier-chart-color);stroke-width:1.5}}",
        f"{p} .dossier-chart-approximate circle,{p} .dossier-chart-approximate path{{fill:var(--md-default-bg-color,none);stroke-width:2;pointer-events:all}}",
        f"{p} .dossier-chart-marks .dossier-chart-bar{{fill:none;stroke-width:4;stroke-linecap:butt}}",
        f"{p} .dossier-chart-approximate .dossier-chart-bar{{stroke-width:2.5;stroke-dasharray:5 3}}",
        f"{p} a:hover circle,{p} a:hover path,{p} a:focus circle,{p} a:focus path{{stroke-width:3}}",
        f"{p} a:focus-visible{{outline:2px solid var(--md-accent-fg-color,currentColor);outline-offset:1px}}",
    ]
    for category in categories:
        colour = COLOURS.get(category, DEFAULT_COLOUR)
        rules.append(f"{p} .dossier-chart-c-{_class_word(category)}{{--dossier-chart-color:var(--dossier-chart-{_class_word(category)},{colour})}}")
    return "<style>" + "".join(rules) + "</style>"


def _lines(words: str, room: float) -> list[str]:
    """Words broken into lines that fit `room` user units (estimated)."""
    lines, line = [], ""
    for word in words.split():
        if line and (len(line) + 1 + len(word)) * CHAR > room:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def _legend(items: list[tuple[str, str]], top: float, width: float = WIDTH) -> tuple[list[str], float]:
    """Legend rows: ("heading", text) starts a line; ("firm"|..., text) a glyph and its words;
    ("exact"|"approximate"|"period", text) the same for dates; words too long for the chart's
    width wrap onto more lines. Returns the elements and the bottom."""
    out = ['<g class="dossier-chart-legend dossier-chart-key">']
    x, y = PAD, top + LEGEND_ROW / 2
    first = True
    for kind, words in items:
        if kind == "heading":
            if not first:
                x, y = PAD, y + LEGEND_ROW
            out.append(f'<text class="dossier-chart-heading" x="{_num(x)}" y="{_num(y)}" dy=".35em">{_text(words)}</text>')
            x += len(words) * CHAR * 1.1 + 8
            first = False
            continue
        needed = 2 * GLYPH + 6 + len(words) * CHAR + 14 + (24 if "period" in kind else 0)
        if x + needed > width - PAD and x > PAD + 100:
            x, y = PAD + 20, y + LEGEND_ROW
        gx = x + GLYPH
        if kind == "period":
            out.append(f'<g class="dossier-chart-marks"><path class="dossier-chart-bar" d="M{_num(x)} {_num(y)}h30"/></g>')
            tx = x + 36
        elif kind == "approximate-period":
            out.append(f'<g class="dossier-chart-marks dossier-chart-approximate"><path class="dossier-chart-bar" d="M{_num(x)} {_num(y)}h30"/></g>')
            tx = x + 36
        elif kind in ("exact", "approximate"):
            group = "dossier-chart-marks" + (" dossier-chart-approximate" if kind == "approximate" else "")
            out.append(f'<g class="{group}">{_glyph(FIRM, gx, y)}</g>')
            tx = x + 2 * GLYPH + 6
        else:
            out.append(f'<g class="dossier-chart-marks">{_glyph(kind, gx, y)}</g>')
            tx = x + 2 * GLYPH + 6
        lines = _lines(words, width - PAD - tx)
        spans = "".join(f'<tspan x="{_num(tx)}" dy="{1.35 if i else 0.35}em">{_text(line)}</tspan>' for i, line in enumerate(lines))
        out.append(f'<text x="{_num(tx)}" y="{_num(y)}">{spans}</text>' if len(lines) > 1 else f'<text x="{_num(tx)}" y="{_num(y)}" dy=".35em">{_text(words)}</text>')
        y += (len(lines) - 1) * LEGEND_ROW * 0.9
        x = tx + max(len(line) for line in lines) * CHAR + 18
    out.append("</g>")
    return out, y + LEGEND_ROW / 2


def _axis(scale: _Scale, top: float, bottom: float, labels_above: bool, lang: str) -> list[str]:
    """Year lines across the plot, ticks and labels below it (and above it when tall)."""
    out = ['<g class="dossier-chart-years">']
    years = range(scale.first_year, scale.last_year + 2)
    yw = scale.year_width
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 10000) if s * yw >= 44)
    grid = [y for y in years if yw >= 6 or y % step == 0]
    out.append('<path class="dossier-chart-grid" d="' + "".join(f"M{_num(scale.year_x(y))} {_num(top)}V{_num(bottom)}" for y in grid) + '"/>')
    ticks = "".join(f"M{_num(scale.year_x(y))} {_num(bottom)}v6" for y in grid)
    if yw >= 100:  # months
        ticks += "".join(
            f"M{_num(scale.x(PartialDate(y, m).first_day.toordinal()))} {_num(bottom)}v3"
            for y in range(scale.first_year, scale.last_year + 1)
            for m in range(2, 13)
        )
    out.append(f'<path class="dossier-chart-axis" d="M{_num(scale.left)} {_num(bottom)}H{_num(scale.right)}{ticks}"/>')
    if step == 1:
        label_at = [(y, (scale.year_x(y) + scale.year_x(y + 1)) / 2) for y in range(scale.first_year, scale.last_year + 1)]
    else:
        label_at = [(y, scale.year_x(y)) for y in years if y % step == 0]
    rows = [bottom + 8 + FONT] + ([top - 6] if labels_above else [])
    for y, x in label_at:
        for row in rows:
            out.append(f'<text x="{_num(x)}" y="{_num(row)}" text-anchor="middle">{y}</text>')
    if yw >= 300:  # one year or two: name the months
        for y in range(scale.first_year, scale.last_year + 1):
            for m in range(1, 13):
                mid = scale.x(_middle(PartialDate(y, m)))
                out.append(f'<text x="{_num(mid)}" y="{_num(bottom + 8 + 2 * FONT + 4)}" text-anchor="middle" font-size="{FONT - 2}">{short_month(m, lang)}</text>')
    out.append("</g>")
    return out


def _lane_marks(lane: _Lane, href: Callable[[str], str], label_of: Callable[[Record], str], _: Words) -> list[str]:
    """The lane's marks in date order (the order of the keyboard and of screen readers). A link
    is classed only when it differs from a delivered, exactly dated mark: dossier-chart-intended
    or dossier-chart-alleged for the status, dossier-chart-approximate for the date."""
    out = ['<g class="dossier-chart-marks">']
    for mark in sorted(lane.marks, key=lambda m: (m.x, m.record.id)):
        record = mark.record
        group = STATUS_GROUP.get(record.values.get("status"), FIRM)
        classes = ([] if group == FIRM else [f"dossier-chart-{group}"]) + (["dossier-chart-approximate"] if record.values.get("approximate") else [])
        cls = f' class="{" ".join(classes)}"' if classes else ""
        y = lane.top + lane.label_row + LANE_PAD + ROW * mark.row + ROW / 2
        shapes = (_bar(mark.x, y, mark.bar) if mark.bar else "") + _glyph(group, mark.x, y)
        title = _text(_mark_title(record, label_of(record), _))
        out.append(f'<a{cls} href="{_attr(href(record.id))}"><title>{title}</title>{shapes}</a>')
    out.append("</g>")
    return out


def _svg(prefix: str, kind: str, title: str, desc: str, height: float, body: list[str], categories: Iterable[str], width: float = WIDTH) -> str:
    if not _ID.fullmatch(prefix):
        raise ValueError(f"chart prefix {prefix!r} is not an id (a letter, then letters, digits, - or _)")
    head = (
        f'<svg xmlns="{SVG_NS}" id="{prefix}" class="dossier-chart dossier-chart-{kind}{" dossier-chart-narrow" if width < WIDTH else ""}" viewBox="0 0 {_num(width)} {_num(height)}"'
        f' width="100%" aria-labelledby="{prefix}-title" aria-describedby="{prefix}-desc">'
    )
    return "\n".join(
        [head, f'<title id="{prefix}-title">{_text(title)}</title>', f'<desc id="{prefix}-desc">{_text(desc)}</desc>', _style(prefix, categories), *body, "</svg>"]
    ) + "\n"


def _empty(prefix: str, kind: str, title: str, nothing: str, width: float = WIDTH) -> str:
    body = [f'<text x="{PAD}" y="{PAD + FONT + 4}">{_text(nothing)}</text>']
    return _svg(prefix, kind, title, nothing, PAD * 2 + FONT + 12, body, (), width)


def _chart(prefix, kind, title, desc, records, bands, legend_items, href, label_of, words: Words, width: float = WIDTH) -> str:
    """Lanes of marks over a time axis; bands: [(band heading or None, [lanes])]. A narrow chart
    names each lane above its marks, so that the time axis takes the whole width."""
    legend, legend_bottom = _legend(legend_items, PAD, width)
    labels = [lane.label for _, lanes in bands for lane in lanes]
    indent = 14 if any(heading for heading, _ in bands) else 0
    narrow = width < WIDTH
    gutter = PAD + indent + max(len(label) for label in labels) * CHAR + 12
    gutter = PAD if narrow else min(max(gutter, 90), width / 3)
    scale = _Scale(records, gutter + GLYPH, width - PAD - GLYPH)
    for _, lanes in bands:
        for lane in lanes:
            lane.marks = _place(lane.records, scale)
            lane.rows = _stack(lane.marks)
            lane.label_row = FONT + 6 if narrow else 0
    plot_height = sum(BAND_HEAD * (heading is not None) + sum(lane.height for lane in lanes) for heading, lanes in bands)
    tall = plot_height > 320  # year labels above the plot too
    top = legend_bottom + (16 + FONT if tall else 12)
    y = top
    lanes_body = []
    categories = []
    for heading, lanes in bands:
        if heading is not None:
            lanes_body.append(f'<text class="dossier-chart-heading" x="{PAD}" y="{_num(y + BAND_HEAD / 2 + 2)}" dy=".35em">{_text(_truncate(heading, width - 2 * PAD))}</text>')
            y += BAND_HEAD
        for lane in lanes:
            lane.top = y
            categories.append(lane.category)
            lanes_body.append(f'<g class="dossier-chart-lane dossier-chart-c-{_class_word(lane.category)}">')
            lanes_body.append(f'<path class="dossier-chart-grid" d="M{PAD} {_num(y + lane.height)}H{_num(width - PAD)}"/>')
            label = _truncate(lane.label, (width if narrow else gutter) - PAD - indent - 8)
            lanes_body.append(f'<text x="{_num(PAD + indent)}" y="{_num(y + LANE_PAD + (FONT / 2 + 2 if narrow else ROW / 2))}" dy=".35em">{_text(label)}</text>')
            lanes_body.extend(_lane_marks(lane, href, label_of, words))
            lanes_body.append("</g>")
            y += lane.height
    bottom = y
    body = [*legend, *_axis(scale, top, bottom, labels_above=tall, lang=words.lang), *lanes_body]
    height = bottom + 8 + FONT + 8 + (FONT + 6 if scale.year_width >= 300 else 0)
    return _svg(prefix, kind, title, desc, height, body, dict.fromkeys(categories), width)


def _category_order(choices, present: Iterable[str]) -> list[str]:
    known = [c.value for c in choices]
    present = set(present)
    return [c for c in known if c in present] + sorted(present - set(known))


def _status_counts(records: list[Record], _: Words) -> str:
    counts = Counter(r.values.get("status") for r in records)
    order = [s for s in STATUS_ORDER if counts[s]] + sorted(str(s) for s in counts if s not in STATUS_ORDER)
    return ", ".join(f"{_.term(s)} {counts[s]}" for s in order)


# -- the two charts -----------------------------------------------------------------------


def timeline_description(events: list[Record], words: Words = ENGLISH) -> str:
    """The timeline chart's text alternative (its <desc>)."""
    _ = words
    if not events:
        return _("Nothing to show: there are no events.")
    counts = Counter(e.category for e in events)
    categories = _category_order(EVENT_CATEGORIES, counts)
    approximate = sum(1 for e in events if e.values.get("approximate"))
    periods = sum(1 for e in events if e.values.get("date_end") is not None)
    return (
        f"{_.plural(len(events), '{count} event', '{count} events')} {_date_range(events, _)}, {_('one row per category:')} "
        + ", ".join(f"{_.term(c)} {counts[c]}" for c in categories)
        + f". {_('By status:')} {_status_counts(events, _)}. "
        + _("{approximate} with an approximate date, {periods}.", approximate=approximate, periods=_.plural(periods, "{count} period", "{count} periods"))
    )


# How dates are drawn: the same on both charts.
_DATE_LEGEND = (
    ("heading", "Date:"),
    ("exact", "exact"),
    ("approximate", "approximate (c.)"),
    ("period", "period, start to end"),
    ("approximate-period", "approximate period"),
)


def _legend_in(items, _: Words) -> list[tuple[str, str]]:
    return [(kind, _(words)) for kind, words in items]


def timeline_chart(
    events: list[Record], href: Callable[[str], str], prefix: str = "timeline", words: Words = ENGLISH,
    label: Callable[[Record], str] | None = None, width: float = WIDTH,
) -> str:
    """Every event by date (x) and category (one labelled row per category that occurs), one
    linked mark per event; status as shape, approximate dates hollow, periods as bars.
    `words`: the edition's; `label`: an event's title in its language."""
    _ = words
    title = _("Timeline of events by category")
    if not events:
        return _empty(prefix, "timeline", title, timeline_description(events, _), width)

    by_category: dict[str, list] = {}
    for event in events:
        by_category.setdefault(event.category, []).append(event)
    lanes = [(None, [_Lane(f"{_.term(c)} ({len(by_category[c])})", c, by_category[c]) for c in _category_order(EVENT_CATEGORIES, by_category)])]

    legend = [
        ("heading", "Status:"),
        (FIRM, "confirmed or reported"),
        (INTENDED, "planned, requested or possible"),
        (ALLEGED, "alleged"),
        *_DATE_LEGEND,
    ]
    label = label or (lambda r: r.title)
    return _chart(prefix, "timeline", title, timeline_description(events, _), events, lanes, _legend_in(legend, _), href, label, _, width)


def _direction(transfer: Record, actor_name: Callable[[str], str]) -> str:
    return f"{_clean(actor_name(transfer.supplier))} → {_clean(actor_name(transfer.recipient))}"


def _directions(transfers: list[Record], actor_name: Callable[[str], str]) -> list[tuple[tuple[str, str], list[Record]]]:
    by_pair: dict[tuple[str, str], list[Record]] = {}
    for t in transfers:
        by_pair.setdefault((t.supplier, t.recipient), []).append(t)
    names = {actor: _clean(actor_name(actor)) for pair in by_pair for actor in pair}
    return sorted(by_pair.items(), key=lambda item: (names[item[0][0]], names[item[0][1]], item[0]))


def transfers_description(transfers: list[Record], actor_name: Callable[[str], str], words: Words = ENGLISH) -> str:
    """The transfers chart's text alternative (its <desc>)."""
    _ = words
    if not transfers:
        return _("Nothing to show: there are no arms transfers.")
    parts = []
    for _pair, group in _directions(transfers, actor_name):
        counts = Counter(t.category for t in group)
        categories = _category_order(TRANSFER_CATEGORIES, counts)
        parts.append(f"{_direction(group[0], actor_name)}: {len(group)} (" + ", ".join(f"{_.term(c)} {counts[c]}" for c in categories) + ")")
    groups = Counter(STATUS_GROUP.get(t.values.get("status"), FIRM) for t in transfers)
    approximate = sum(1 for t in transfers if t.values.get("approximate"))
    return (
        f"{_.plural(len(transfers), '{count} arms transfer', '{count} arms transfers')} {_date_range(transfers, _)}, {_('one band per direction, one row per category.')} "
        + "; ".join(parts)
        + ". "
        + _("Delivered (confirmed or reported): {firm}; planned, requested or possible, not delivered: {intended}; alleged: {alleged}.",
            firm=groups[FIRM], intended=groups[INTENDED], alleged=groups[ALLEGED])
        + f" {_('By status:')} {_status_counts(transfers, _)}. "
        + _("{approximate} with an approximate date.", approximate=approximate)
    )


def transfers_chart(
    transfers: list[Record], href: Callable[[str], str], actor_name: Callable[[str], str], prefix: str = "transfers",
    words: Words = ENGLISH, label: Callable[[Record], str] | None = None, width: float = WIDTH,
) -> str:
    """Transfers over time, one band per supplier → recipient pair and one row per category
    in it, one linked mark per transfer; delivered (confirmed, reported) as filled circles,
    planned, requested or possible as diamonds, alleged as triangles; approximate dates hollow.
    `words`: the edition's; `label`: a transfer's item in its language."""
    _ = words
    title = _("Arms transfers by direction and category")
    if not transfers:
        return _empty(prefix, "transfers", title, transfers_description(transfers, actor_name, _), width)

    bands = []
    for _pair, group in _directions(transfers, actor_name):
        by_category: dict[str, list] = {}
        for t in group:
            by_category.setdefault(t.category, []).append(t)
        heading = f"{_direction(group[0], actor_name)} ({len(group)})"
        bands.append((heading, [_Lane(f"{_.term(c)} ({len(by_category[c])})", c, by_category[c]) for c in _category_order(TRANSFER_CATEGORIES, by_category)]))

    legend = [
        ("heading", "Status:"),
        (FIRM, "delivered: confirmed or reported"),
        (INTENDED, "not delivered: planned, requested or possible"),
        (ALLEGED, "alleged"),
        *_DATE_LEGEND,
    ]
    label = label or (lambda r: r.item)
    return _chart(prefix, "transfers", title, transfers_description(transfers, actor_name, _), transfers, bands, _legend_in(legend, _), href, label, _, width)
