"""The build-time SVG charts: structure, one link per record, positions, encodings, escaping, scale."""

from __future__ import annotations

import random
import re
import time
import xml.etree.ElementTree as ET

import pytest

from dossier.build import check_dataset
from dossier.charts import BAND_HEAD, LANE_PAD, MAX_ROWS, ROW, timeline_chart, transfers_chart
from dossier.dates import PartialDate
from dossier.model import Record, Text
from dossier.problems import Mark
from dossier.schema import EVENT_CATEGORIES, STATUSES, TRANSFER_CATEGORIES

from .conftest import PROJECT, VALID_CASE

NS = "{http://www.w3.org/2000/svg}"
ACTORS = {"iran": "Iran", "russia": "Russia", "belarus": "Belarus"}


def href(record_id: str) -> str:
    return f"#{record_id}"


def actor_name(actor_id: str) -> str:
    return ACTORS[actor_id]


def event(id: str, date: PartialDate, title: str = "An event", category: str = "military", status: str = "confirmed", **more) -> Record:
    values = {"id": id, "date": date, "title": Text(title), "category": category, "status": status, "date_end": None, "approximate": None, **more}
    return Record("events", id, values, Mark("events.yaml", 1, 1), {})


def transfer(id: str, date: PartialDate, item: str = "Drones", category: str = "drones", status: str = "confirmed", supplier: str = "iran", recipient: str = "russia", **more) -> Record:
    values = {
        "id": id, "date": date, "item": Text(item), "category": category, "status": status,
        "supplier": supplier, "recipient": recipient, "date_end": None, "approximate": None, **more,
    }
    return Record("transfers", id, values, Mark("transfers.yaml", 1, 1), {})


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def links(root: ET.Element) -> list[ET.Element]:
    return root.findall(f".//{NS}a")


def glyph(link: ET.Element) -> ET.Element:
    """The mark's glyph: its last shape (a period's bar comes first)."""
    return [e for e in link if e.tag in (f"{NS}circle", f"{NS}path")][-1]


def glyph_x(link: ET.Element) -> float:
    shape = glyph(link)
    if shape.tag == f"{NS}circle":
        return float(shape.get("cx"))
    return float(re.match(r"M(-?[0-9.]+)", shape.get("d")).group(1))


def classes_of(link: ET.Element) -> set[str]:
    return set(link.get("class", "").split())


def synthetic_events(n: int, seed: int = 1) -> list[Record]:
    rng = random.Random(seed)
    categories = [c.value for c in EVENT_CATEGORIES]
    statuses = [s.value for s in STATUSES]
    records = []
    for i in range(n):
        year = rng.randint(1991, 2025)
        precision = rng.random()
        date = PartialDate(year) if precision < 0.2 else PartialDate(year, rng.randint(1, 12)) if precision < 0.5 else PartialDate(year, rng.randint(1, 12), rng.randint(1, 28))
        end = PartialDate(min(year + rng.randint(0, 3), 2025), rng.randint(1, 12)) if rng.random() < 0.1 else None
        if end is not None and end.last_day < date.last_day:
            end = None
        title = f"Synthetic event number {i} between Moscow and Tehran, with a title of ordinary length"
        records.append(event(f"e{i:05d}", date, title, rng.choice(categories), rng.choice(statuses), date_end=end, approximate=rng.random() < 0.3))
    return records


def synthetic_transfers(n: int, seed: int = 2) -> list[Record]:
    rng = random.Random(seed)
    categories = [c.value for c in TRANSFER_CATEGORIES]
    statuses = [s.value for s in STATUSES]
    pairs = [("iran", "russia"), ("russia", "iran"), ("russia", "belarus")]
    records = []
    for i in range(n):
        supplier, recipient = rng.choice(pairs)
        date = PartialDate(rng.randint(1991, 2025), rng.randint(0, 12))
        item = f"Synthetic transfer number {i}: a batch of equipment of some kind"
        records.append(transfer(f"t{i:05d}", date, item, rng.choice(categories), rng.choice(statuses), supplier, recipient, approximate=rng.random() < 0.3))
    return records


def both_charts(events, transfers, **kw):
    return [timeline_chart(events, href, **kw.get("timeline", {})), transfers_chart(transfers, href, actor_name, **kw.get("transfers", {}))]


# -- structure ----------------------------------------------------------------------------


def check_structure(svg: str, prefix: str) -> ET.Element:
    root = parse(svg)
    assert root.tag == f"{NS}svg"
    # No explicit role: role="img" would make the links presentational (axe: nested-interactive),
    # and the Nu checker refuses "figure" or "group" on <svg>. Its own role is graphics-document.
    assert root.get("role") is None
    assert root.get("id") == prefix
    assert re.fullmatch(r"0 0 [0-9.]+ [0-9.]+", root.get("viewBox"))
    assert root.get("width") == "100%" and root.get("height") is None
    ids = {e.get("id"): e for e in root.iter() if e.get("id")}
    title, desc = ids[root.get("aria-labelledby")], ids[root.get("aria-describedby")]
    assert title.tag == f"{NS}title" and title.text.strip()
    assert desc.tag == f"{NS}desc" and desc.text.strip()
    assert list(root)[:2] == [title, desc]
    assert all(i == prefix or i.startswith(prefix + "-") for i in ids)
    assert "\n\n" not in svg, "a blank line would end a Markdown raw HTML block"
    assert "<script" not in svg and "http://" not in svg.replace("http://www.w3.org/2000/svg", "")
    return root


@pytest.fixture(scope="module")
def small():
    dossier = check_dataset(VALID_CASE)
    return dossier


@pytest.fixture(scope="module")
def real():
    return check_dataset(PROJECT)


@pytest.mark.parametrize("name", ["small", "real"])
def test_dataset_charts_are_valid_svg_with_one_link_per_record(name, request):
    dossier = request.getfixturevalue(name)
    names = lambda i: dossier.records[i].name.en  # noqa: E731
    for collection, svg, prefix in (
        ("events", timeline_chart(dossier.of("events"), href), "timeline"),
        ("transfers", transfers_chart(dossier.of("transfers"), href, names), "transfers"),
    ):
        root = check_structure(svg, prefix)
        records = dossier.of(collection)
        assert sorted(a.get("href") for a in links(root)) == sorted(f"#{r.id}" for r in records)
        for a in links(root):
            record = dossier.records[a.get("href")[1:]]
            label = record.title.en if collection == "events" else record.item.en
            tip = a.find(f"{NS}title").text
            assert tip.endswith(f" — {label} ({record.status})")
            assert tip.startswith(("c. " if record.approximate else "") + record.date.text)


def test_lanes_are_the_categories_that_occur_in_schema_order():
    events = [event("a", PartialDate(2022), category="political"), event("b", PartialDate(2023), category="military"), event("c", PartialDate(2023), category="military")]
    root = parse(timeline_chart(events, href))
    lanes = [g for g in root.iter(f"{NS}g") if "dossier-chart-lane" in g.get("class", "").split()]
    assert [g.find(f"{NS}text").text for g in lanes] == ["military (2)", "political (1)"]
    desc = root.find(f"{NS}desc").text
    assert "3 events from 2022 to 2023" in desc and "military 2, political 1" in desc


def test_transfers_have_one_band_per_direction():
    transfers = [
        transfer("a", PartialDate(2022), supplier="russia", recipient="iran", category="aircraft"),
        transfer("b", PartialDate(2023), category="drones"),
        transfer("c", PartialDate(2023), category="missiles", status="planned"),
    ]
    root = parse(transfers_chart(transfers, href, actor_name))
    headings = [t.text for t in root.iter(f"{NS}text") if t.get("class") == "dossier-chart-heading" and "→" in t.text]
    assert headings == ["Iran → Russia (2)", "Russia → Iran (1)"]
    desc = root.find(f"{NS}desc").text
    assert "Iran → Russia: 2 (drones 1, missiles 1); Russia → Iran: 1 (aircraft 1)" in desc
    assert "Delivered (confirmed or reported): 2; planned, requested or possible, not delivered: 1; alleged: 0" in desc


def test_two_charts_on_a_page_have_distinct_ids():
    events = [event("a", PartialDate(2022))]
    one, two = timeline_chart(events, href), timeline_chart(events, href, prefix="timeline2")
    ids_one = {e.get("id") for e in parse(one).iter() if e.get("id")}
    ids_two = {e.get("id") for e in parse(two).iter() if e.get("id")}
    assert ids_one and ids_two and not ids_one & ids_two
    assert "#timeline2 " in two and "#timeline " not in two  # its style rules are its own
    with pytest.raises(ValueError):
        timeline_chart(events, href, prefix='x" onload="alert(1)')


# -- positions and encodings ----------------------------------------------------------------


def test_x_increases_with_date_and_sits_mid_period():
    dates = [PartialDate(2020, 3, 1), PartialDate(2020, 3, 2), PartialDate(2021, 1, 1), PartialDate(2021, 7, 15), PartialDate(2024, 12, 31)]
    events = [event(f"e{i}", d, category=("military", "political")[i % 2]) for i, d in enumerate(dates)]
    root = parse(timeline_chart(events, href))
    x = {a.get("href")[1:]: glyph_x(a) for a in links(root)}
    xs = [x[f"e{i}"] for i in range(len(dates))]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)

    # A year-only date sits mid-year, a month-only date mid-month.
    events = [event("jan1", PartialDate(2022, 1, 1)), event("year", PartialDate(2022)), event("jul2", PartialDate(2022, 7, 2)), event("dec31", PartialDate(2022, 12, 31)), event("june", PartialDate(2022, 6))]
    root = parse(timeline_chart(events, href))
    x = {a.get("href")[1:]: glyph_x(a) for a in links(root)}
    assert x["jan1"] < x["june"] < x["year"] <= x["jul2"] < x["dec31"]
    assert abs(x["year"] - (x["jan1"] + x["dec31"]) / 2) < 1.5


def test_x_order_for_many_records_follows_the_middle_of_each_date():
    events = synthetic_events(500)
    root = parse(timeline_chart(events, href))
    by_id = {e.id: e for e in events}
    middle = lambda d: d.first_day.toordinal() + d.last_day.toordinal()  # noqa: E731
    marks = sorted(links(root), key=lambda a: (middle(by_id[a.get("href")[1:]].date), glyph_x(a)))
    xs = [glyph_x(a) for a in marks]
    assert all(b >= a - 0.11 for a, b in zip(xs, xs[1:]))  # rounding to 0.1
    # Within a lane, the links come in date order: the order of the keyboard and screen readers.
    for lane in (g for g in root.iter(f"{NS}g") if "dossier-chart-lane" in g.get("class", "")):
        xs = [glyph_x(a) for a in lane.iter(f"{NS}a")]
        assert xs == sorted(xs) and xs


def test_year_ticks_and_labels_span_first_to_last_year():
    events = [event("a", PartialDate(2019, 5)), event("b", PartialDate(2023, 2, 1), date_end=PartialDate(2024))]
    root = parse(timeline_chart(events, href))
    years = {t.text for t in root.iter(f"{NS}text") if t.text and t.text.isdigit()}
    assert years == {"2019", "2020", "2021", "2022", "2023", "2024"}


def test_approximate_planned_alleged_and_periods_are_drawn_apart():
    events = [
        event("exact", PartialDate(2022, 3, 1)),
        event("approx", PartialDate(2022, 3, 1), approximate=True),
        event("planned", PartialDate(2022, 3, 1), status="planned"),
        event("requested", PartialDate(2022, 3, 1), status="requested"),
        event("alleged", PartialDate(2022, 3, 1), status="alleged"),
        event("period", PartialDate(2022, 3), date_end=PartialDate(2023, 6)),
        event("approx-period", PartialDate(2022, 3), date_end=PartialDate(2023, 6), approximate=True),
    ]
    for svg in (timeline_chart(events, href), transfers_chart([transfer(e.id, e.date, status=e.status, date_end=e.date_end, approximate=e.approximate) for e in events], href, actor_name)):
        root = parse(svg)
        marks = {a.get("href")[1:]: a for a in links(root)}
        group = {i: classes_of(a) for i, a in marks.items()}
        shape = {i: (glyph(a).tag, "l" in (glyph(a).get("d") or "") and "h" not in glyph(a).get("d", "")) for i, a in marks.items()}

        assert group["exact"] == set() and group["approx"] == {"dossier-chart-approximate"}
        assert shape["exact"] == shape["approx"] == (f"{NS}circle", False)
        assert group["planned"] == group["requested"] == {"dossier-chart-intended"}
        assert group["alleged"] == {"dossier-chart-alleged"}
        assert group["approx-period"] == {"dossier-chart-approximate"}
        assert len({glyph(marks[i]).tag + str(glyph(marks[i]).get("d", ""))[-4:] for i in ("exact", "planned", "alleged")}) == 3  # three shapes
        assert glyph(marks["planned"]).tag == f"{NS}path" and glyph(marks["alleged"]).tag == f"{NS}path"
        for i in ("period", "approx-period"):
            bar = marks[i].find(f"{NS}path[@class='dossier-chart-bar']")
            assert bar is not None
            xs = [float(n) for n in re.findall(r"[MH](-?[0-9.]+)", bar.get("d"))]
            assert max(xs) - min(xs) > 100  # fifteen months wide
        assert marks["exact"].find(f"{NS}path[@class='dossier-chart-bar']") is None

        # The style says how: hollow approximate marks, dashed approximate periods; the legend in words.
        style = root.find(f"{NS}style").text
        assert re.search(r"\.dossier-chart-approximate circle[^{]*\{fill:var\(--md-default-bg-color,none\)", style)
        assert re.search(r"\.dossier-chart-approximate \.dossier-chart-bar\{[^}]*stroke-dasharray", style)
        legend = " ".join(t.text for t in root.iter(f"{NS}text"))
        for words in ("approximate (c.)", "planned, requested or possible", "alleged", "period"):
            assert words in legend
        assert ("delivered: confirmed or reported" in legend) == ("transfers" in root.get("id"))


def test_colours_meet_three_to_one_on_white_and_dark():
    from dossier.charts import COLOURS

    def luminance(hex_colour):
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def contrast(a, b):
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    for category in [c.value for c in EVENT_CATEGORIES + TRANSFER_CATEGORIES]:
        colour = COLOURS[category]
        assert contrast(colour, "#ffffff") >= 3 and contrast(colour, "#1e2129") >= 3, category


# -- escaping, emptiness, determinism, scale ----------------------------------------------------


HOSTILE = "<script>alert('x')</script> & \"quoted\" ]]> <!-- -->"


def test_hostile_text_stays_text():
    events = [event("a", PartialDate(2022), HOSTILE, category="military")]
    transfers = [transfer("b", PartialDate(2022), HOSTILE)]
    names = {"iran": "Iran <b>&amp;</b>", "russia": 'Russia "RF"'}
    hostile_href = lambda i: f'/x?a=1&b="2"<{i}>'  # noqa: E731
    for svg in (timeline_chart(events, hostile_href), transfers_chart(transfers, hostile_href, names.__getitem__)):
        root = parse(svg)
        assert "<script" not in svg and "<b>" not in svg
        assert not root.findall(f".//{NS}script") and not root.findall(".//script")
        (a,) = links(root)
        assert a.find(f"{NS}title").text == f"2022 — {HOSTILE.replace('  ', ' ')} (confirmed)"
        assert a.get("href").startswith('/x?a=1&b="2"<')
    headings = [t.text for t in parse(svg).iter(f"{NS}text") if t.get("class") == "dossier-chart-heading"]
    assert 'Iran <b>&amp;</b> → Russia "RF" (1)' in headings


@pytest.mark.parametrize("chart", ["timeline", "transfers"])
def test_empty_input_gives_a_valid_svg_saying_so(chart):
    svg = timeline_chart([], href) if chart == "timeline" else transfers_chart([], href, actor_name)
    root = check_structure(svg, chart)
    assert not links(root)
    assert "Nothing to show" in root.find(f"{NS}desc").text
    assert any("Nothing to show" in (t.text or "") for t in root.iter(f"{NS}text"))


def test_one_record():
    root = check_structure(timeline_chart([event("only", PartialDate(2023, 5, 9))], href), "timeline")
    assert [a.get("href") for a in links(root)] == ["#only"]
    assert "1 event dated 9 May 2023" in root.find(f"{NS}desc").text
    months = {t.text for t in root.iter(f"{NS}text")}
    assert {"2023", "Jan", "May", "Dec"} <= months  # a single year shows its months


def test_output_is_deterministic():
    events, transfers = synthetic_events(300), synthetic_transfers(300)
    first = both_charts(events, transfers)
    again = both_charts(list(reversed(events)), list(reversed(transfers)))
    assert first == again


def test_ten_thousand_records(capsys):
    events, transfers = synthetic_events(10_000), synthetic_transfers(10_000)
    started = time.perf_counter()
    timeline = timeline_chart(events, href)
    middle = time.perf_counter()
    transfers_svg = transfers_chart(transfers, href, actor_name)
    ended = time.perf_counter()
    for svg, prefix, records, lanes in ((timeline, "timeline", events, 6), (transfers_svg, "transfers", transfers, 3 * 8)):
        root = check_structure(svg, prefix)
        assert len(links(root)) == len(records)
        width, height = map(float, root.get("viewBox").split()[2:])
        assert height < 200 + lanes * (MAX_ROWS * ROW + 2 * LANE_PAD + BAND_HEAD), "lanes stop growing once MAX_ROWS deep"
    with capsys.disabled():
        print(
            f"\n10,000 events: {middle - started:.2f}s, {len(timeline.encode()) / 1e6:.2f} MB;"
            f" 10,000 transfers: {ended - middle:.2f}s, {len(transfers_svg.encode()) / 1e6:.2f} MB"
        )
    assert ended - started < 20  # generous: the point is that it is not quadratic
