"""Every id a record names exists, in a collection of the right kind; the links that must be there."""

from __future__ import annotations

import pytest

from dossier.build import check_dataset

from ..conftest import problems_of
from .records import AGREEMENT, EVENT, PERSON, TRANSFER, added, replaced

ACTOR = PERSON
TEMPLATES = {"actors": ACTOR, "events": EVENT, "transfers": TRANSFER, "agreements": AGREEMENT}


def edited(root, relative: str, old: str, new: str) -> list[str]:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return problems_of(root)


# -- missing ids ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("collection", "old", "new", "expected"),
    [
        ("events", "actors: [ravna]", "actors: [ravna, ostrava-republik]", "data/events/new.yaml:5:19: new-event: actors[1]: no actor has the id 'ostrava-republik' (did you mean 'ostrava-republic'?)"),
        ("events", "actors: [ravna]", "actors: [ravan]", "data/events/new.yaml:5:12: new-event: actors[0]: no actor has the id 'ravan' (did you mean 'ravna'?)"),
        ("events", "actors: [ravna]", "actors: [zzzz]", "data/events/new.yaml:5:12: new-event: actors[0]: no actor has the id 'zzzz'"),
        ("transfers", "supplier: ravna", "supplier: ravnaa", "data/transfers/new.yaml:2:13: new-transfer: supplier: no actor has the id 'ravnaa' (did you mean 'ravna'?)"),
        ("transfers", "recipient: ostrava-republic", "recipient: ostrava", "data/transfers/new.yaml:3:14: new-transfer: recipient: no actor has the id 'ostrava'"),
        ("agreements", "parties: [ravna, ostrava-republic]", "parties: [ravna, ostrava-rep]", "data/agreements/new.yaml:4:20: new-agreement: parties[1]: no actor has the id 'ostrava-rep' (did you mean 'ostrava-republic'?)"),
        ("agreements", "status: proposed", "status: proposed\n  signatories: [anna-verell]", "data/agreements/new.yaml:6:17: new-agreement: signatories[0]: no actor has the id 'anna-verell' (did you mean 'anna-verel'?)"),
        ("actors", "kind: person", "kind: person\n  country: ostrava-republik", "data/actors/new.yaml:4:12: new-actor: country: no actor has the id 'ostrava-republik' (did you mean 'ostrava-republic'?)"),
        ("events", "status: reported", "status: reported\n  related: [friendship-treat]", "data/events/new.yaml:7:13: new-event: related[0]: no record has the id 'friendship-treat' (did you mean 'friendship-treaty'?)"),
        ("events", "source: bulletin-2021-06", "source: bulletin-2021-6", "data/events/new.yaml:8:15: new-event: sources[0].source: no source has the id 'bulletin-2021-6' (did you mean 'bulletin-2021-06'?)"),
    ],
)
def test_a_reference_to_a_missing_id_names_the_closest_id(valid_root, collection, old, new, expected):
    assert added(valid_root, collection, replaced(TEMPLATES[collection], old, new)) == [expected]


def test_the_hint_is_taken_from_the_right_collection(valid_root):
    # 'friendship-treaty' is an agreement: an actor reference is not pointed at it
    text = replaced(EVENT, "actors: [ravna]", "actors: [friendship-treat]")
    assert added(valid_root, "events", text) == ["data/events/new.yaml:5:12: new-event: actors[0]: no actor has the id 'friendship-treat'"]


def test_references_in_claims(valid_root):
    text = EVENT + (
        "  claims:\n"
        "    - by: ravan\n"
        "      stance: denies\n"
        "      sources:\n"
        "        - source: gazette-2021-3\n"
        "          quote: nie toute livraison\n"
    )
    assert added(valid_root, "events", text) == [
        "data/events/new.yaml:11:11: new-event: claims[0].by: no actor has the id 'ravan' (did you mean 'ravna'?)",
        "data/events/new.yaml:14:19: new-event: claims[0].sources[0].source: no source has the id 'gazette-2021-3' (did you mean 'gazette-2021-03'?)",
    ]


# -- wrong kind of record ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("collection", "old", "new", "expected"),
    [
        ("events", "actors: [ravna]", "actors: [gazette-2021-03]", "data/events/new.yaml:5:12: new-event: actors[0]: 'gazette-2021-03' is a source, not an actor"),
        ("transfers", "supplier: ravna", "supplier: friendship-treaty", "data/transfers/new.yaml:2:13: new-transfer: supplier: 'friendship-treaty' is an agreement, not an actor"),
        ("agreements", "parties: [ravna, ostrava-republic]", "parties: [ravna, spring-2021]", "data/agreements/new.yaml:4:20: new-agreement: parties[1]: 'spring-2021' is an event, not an actor"),
        ("events", "source: bulletin-2021-06", "source: ravna", "data/events/new.yaml:8:15: new-event: sources[0].source: 'ravna' is an actor, not a source"),
        ("events", "source: bulletin-2021-06", "source: radars-to-ostrava", "data/events/new.yaml:8:15: new-event: sources[0].source: 'radars-to-ostrava' is a transfer, not a source"),
        ("actors", "kind: person", "kind: person\n  country: friendship-treaty", "data/actors/new.yaml:4:12: new-actor: country: 'friendship-treaty' is an agreement, not an actor"),
    ],
)
def test_a_reference_to_a_record_of_the_wrong_collection(valid_root, collection, old, new, expected):
    assert added(valid_root, collection, replaced(TEMPLATES[collection], old, new)) == [expected]


def test_a_claim_by_a_source(valid_root):
    text = EVENT + "  claims:\n    - by: bulletin-2021-06\n      stance: asserts\n      sources: [{source: bulletin-2021-06, quote: signed in Lorn}]\n"
    assert added(valid_root, "events", text) == ["data/events/new.yaml:11:11: new-event: claims[0].by: 'bulletin-2021-06' is a source, not an actor"]


def test_related_may_name_a_record_of_any_collection(valid_root):
    text = replaced(EVENT, "status: reported", "status: reported\n  related: [ravna, gazette-2021-03, radars-to-ostrava, friendship-treaty, spring-2021]")
    assert added(valid_root, "events", text) == []


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        ("anna-verel", "'anna-verel' is a person, not a state"),
        ("new-org", "'new-org' is an organisation, not a state"),
        ("new-group", "'new-group' is a group, not a state"),
    ],
)
def test_a_country_must_be_a_state(valid_root, country, expected):
    text = (
        ACTOR.replace("kind: person", f"kind: person\n  country: {country}")
        + "- id: new-org\n  name: O\n  kind: organisation\n- id: new-group\n  name: G\n  kind: group\n"
    )
    assert added(valid_root, "actors", text) == [f"data/actors/new.yaml:4:12: new-actor: country: {expected}"]


@pytest.mark.parametrize(
    ("signatory", "expected"),
    [("ravna", "'ravna' is a state, not a person"), ("new-org", "'new-org' is an organisation, not a person")],
)
def test_a_signatory_must_be_a_person(valid_root, signatory, expected):
    (valid_root / "data/actors").mkdir()
    (valid_root / "data/actors/new.yaml").write_text("- id: new-org\n  name: O\n  kind: organisation\n")
    text = replaced(AGREEMENT, "status: proposed", f"status: proposed\n  signatories: [anna-verel, {signatory}]")
    assert added(valid_root, "agreements", text) == [f"data/agreements/new.yaml:6:29: new-agreement: signatories[1]: {expected}"]


def test_signatories_and_countries_of_the_right_kind_are_accepted(valid_root):
    text = replaced(AGREEMENT, "status: proposed", "status: proposed\n  signatories: [anna-verel]")
    assert added(valid_root, "agreements", text) == []
    assert check_dataset(valid_root).records["new-agreement"].signatories == ("anna-verel",)


# -- former ids -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("collection", "old", "new", "expected"),
    [
        ("events", "status: reported", "status: reported\n  related: [treaty-signing]", "data/events/new.yaml:7:13: new-event: related[0]: 'treaty-signing' is a former id: write the current id 'friendship-treaty-signed'"),
        ("events", "source: bulletin-2021-06", "source: bulletin-june", "data/events/new.yaml:8:15: new-event: sources[0].source: 'bulletin-june' is a former id: write the current id 'bulletin-2021-06'"),
    ],
)
def test_a_reference_written_with_a_former_id(valid_root, collection, old, new, expected):
    assert added(valid_root, collection, replaced(TEMPLATES[collection], old, new)) == [expected]


def test_a_reference_to_an_actors_former_id(valid_root):
    assert edited(valid_root, "data/actors.yaml", "- id: ravna\n", "- id: ravna\n  former_ids: [ravne]\n") == []
    text = replaced(TRANSFER, "supplier: ravna", "supplier: ravne")
    assert added(valid_root, "transfers", text) == ["data/transfers/new.yaml:2:13: new-transfer: supplier: 'ravne' is a former id: write the current id 'ravna'"]


# -- the links that must be there -------------------------------------------------------


@pytest.mark.parametrize(
    ("parties", "line"),
    [("parties: [ravna]", "4:12: new-agreement: parties: needs at least 2 items"), ("parties: []", "4:12: new-agreement: parties: needs at least 2 items")],
)
def test_an_agreement_has_at_least_two_parties(valid_root, parties, line):
    text = replaced(AGREEMENT, "parties: [ravna, ostrava-republic]", parties)
    assert added(valid_root, "agreements", text) == [f"data/agreements/new.yaml:{line}"]


def test_an_agreement_without_parties(valid_root):
    text = replaced(AGREEMENT, "  parties: [ravna, ostrava-republic]\n", "")
    assert added(valid_root, "agreements", text) == ["data/agreements/new.yaml:1:3: new-agreement: parties: required field is missing (the parties)"]


@pytest.mark.parametrize(
    ("collection", "old", "new", "expected"),
    [
        ("events", "actors: [ravna]", "actors: []", "data/events/new.yaml:5:11: new-event: actors: needs at least 1 item"),
        ("events", "  actors: [ravna]\n", "", "data/events/new.yaml:1:3: new-event: actors: required field is missing (actors involved)"),
        ("events", "  actors: [ravna]\n", "  actors:\n", "data/events/new.yaml:5:3: new-event: actors: required field is missing (actors involved)"),
        ("events", "  sources:\n    - source: bulletin-2021-06\n      quote: signed in Lorn\n", "  sources: []\n", "data/events/new.yaml:7:12: new-event: sources: needs at least 1 item"),
        ("events", "  sources:\n    - source: bulletin-2021-06\n      quote: signed in Lorn\n", "", "data/events/new.yaml:1:3: new-event: sources: required field is missing (citations: source id and verbatim quote)"),
        ("transfers", "  sources:\n    - source: bulletin-2021-06\n      quote: signed in Lorn\n", "  sources: []\n", "data/transfers/new.yaml:8:12: new-transfer: sources: needs at least 1 item"),
        ("agreements", "  sources:\n    - source: bulletin-2021-06\n      quote: signed in Lorn\n", "", "data/agreements/new.yaml:1:3: new-agreement: sources: required field is missing (citations: source id and verbatim quote)"),
    ],
)
def test_events_transfers_and_agreements_need_sources_and_events_actors(valid_root, collection, old, new, expected):
    assert added(valid_root, collection, replaced(TEMPLATES[collection], old, new)) == [expected]


def test_an_actor_needs_no_sources(valid_root):
    assert added(valid_root, "actors", ACTOR + "  sources: []\n") == []


def test_a_claim_needs_sources(valid_root):
    text = EVENT + "  claims:\n    - by: ravna\n      stance: denies\n      sources: []\n"
    assert added(valid_root, "events", text) == ["data/events/new.yaml:13:16: new-event: claims[0].sources: needs at least 1 item"]


# -- backlinks --------------------------------------------------------------------------


def test_valid_references_resolve(valid_root):
    dossier = check_dataset(valid_root)
    refs = sorted((path, target) for path, target, _ in dossier.records["radars-to-ostrava"].references())
    assert refs == [
        ("claims[0].by", "anna-verel"),
        ("claims[0].sources[0].source", "gazette-2021-03"),
        ("recipient", "ostrava-republic"),
        ("sources[0].source", "gazette-2021-03"),
        ("supplier", "ravna"),
    ]


# -- regressions: bugs these tests found, since fixed --------------------------------


def test_one_bad_field_on_an_actor_is_reported_once_not_at_every_reference(valid_root):
    problems = edited(valid_root, "data/actors.yaml", "  name: Ravna\n", "  name: Ravna\n  nmae: Ravna\n")
    assert problems == ["data/actors.yaml:3:3: ravna: nmae: unknown field for actor (did you mean 'name'?)"]


def test_a_bad_url_is_reported_once_not_at_every_citation(valid_root):
    problems = edited(valid_root, "data/sources.yaml", "https://example.org/gazette?id=3&lang=fr", "ftp://example.org/gazette")
    assert problems == ["data/sources.yaml:8:8: gazette-2021-03: url: 'ftp://example.org/gazette' is not an http or https address"]


# -- open bugs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  kind: state\n  aliases", "  kind: stat\n  aliases", "data/actors.yaml:3:9: ravna: kind: 'stat' is not one of: state, person, organisation, group (did you mean 'state'?)"),
        ("  kind: state\n  aliases", "  kind: []\n  aliases", "data/actors.yaml:3:9: ravna: kind: must be text, not a list"),
    ],
)
def test_an_actor_with_a_bad_kind_named_as_a_country_is_one_problem_not_a_traceback(valid_root, old, new, expected):
    assert edited(valid_root, "data/actors.yaml", old, new) == [expected]


def test_a_signatory_with_a_bad_kind_is_one_problem_not_a_traceback(valid_root):
    (valid_root / "data/actors").mkdir()
    (valid_root / "data/actors/new.yaml").write_text("- id: new-minister\n  name: M\n  kind: persn\n")
    text = replaced(AGREEMENT, "status: proposed", "status: proposed\n  signatories: [new-minister]")
    assert added(valid_root, "agreements", text) == [
        "data/actors/new.yaml:3:9: new-minister: kind: 'persn' is not one of: state, person, organisation, group (did you mean 'person'?)"
    ]
