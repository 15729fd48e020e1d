"""Ids and former ids share one namespace across all collections."""

from __future__ import annotations

from dossier.build import check_dataset

from ..conftest import problems_of

ACTOR = """\
- id: {id}
  name: New actor
  kind: organisation
"""
EVENT = """\
- id: {id}
  date: 2021-05
  title: A new event
  category: military
  actors: [ravna]
  status: reported
  sources:
    - source: bulletin-2021-06
      quote: signed in Lorn
"""
SOURCE = """\
- id: {id}
  title: Nouvelle
  date: 2021
  language: fr
"""

UNIQUE = "ids and former ids are unique across all collections"


def write(root, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_an_id_used_in_two_collections(valid_root):
    # actors load before events: the event, written second, is the one reported
    write(valid_root, "data/actors/new.yaml", ACTOR.format(id="spring-2021"))
    assert problems_of(valid_root) == [
        f"data/events/context.yaml:1:7: spring-2021: id: 'spring-2021' is already the id of the actor 'spring-2021' (data/actors/new.yaml:1); {UNIQUE}"
    ]


def test_an_id_used_twice_in_one_collection(valid_root):
    write(valid_root, "data/events/new.yaml", EVENT.format(id="new-event") + EVENT.format(id="new-event"))
    assert problems_of(valid_root) == [
        f"data/events/new.yaml:10:7: new-event: id: 'new-event' is already the id of the event 'new-event' (data/events/new.yaml:1); {UNIQUE}"
    ]


def test_an_id_used_in_two_files_of_a_collection(valid_root):
    write(valid_root, "data/events/z/new.yaml", EVENT.format(id="ravna-denies-arms"))
    assert problems_of(valid_root) == [
        f"data/events/z/new.yaml:1:7: ravna-denies-arms: id: 'ravna-denies-arms' is already the id of the event 'ravna-denies-arms' (data/events/2021.yaml:1); {UNIQUE}"
    ]


def test_a_source_and_an_event_sharing_an_id(valid_root):
    write(valid_root, "data/sources/new.yaml", SOURCE.format(id="spring-2021"))
    assert problems_of(valid_root) == [
        f"data/events/context.yaml:1:7: spring-2021: id: 'spring-2021' is already the id of the source 'spring-2021' (data/sources/new.yaml:1); {UNIQUE}"
    ]


def test_a_former_id_equal_to_another_records_id(valid_root):
    write(valid_root, "data/events/new.yaml", EVENT.format(id="new-event") + "  former_ids: [old-event, spring-2021]\n")
    assert problems_of(valid_root) == [
        f"data/events/new.yaml:10:27: new-event: former_ids[1]: 'spring-2021' is already the id of the event 'spring-2021' (data/events/context.yaml:1); {UNIQUE}"
    ]


def test_a_former_id_written_before_the_id_it_shadows(valid_root):
    # sources load first: the actor's former id is met first, so the event's id is reported
    write(valid_root, "data/actors/new.yaml", ACTOR.format(id="new-actor") + "  former_ids: [spring-2021]\n")
    assert problems_of(valid_root) == [
        f"data/events/context.yaml:1:7: spring-2021: id: 'spring-2021' is already the former id of the actor 'new-actor' (data/actors/new.yaml:4); {UNIQUE}"
    ]


def test_a_former_id_equal_to_another_records_former_id(valid_root):
    write(valid_root, "data/events/new.yaml", EVENT.format(id="new-event") + "  former_ids: [treaty-signing]\n")
    assert problems_of(valid_root) == [
        f"data/events/new.yaml:10:16: new-event: former_ids[0]: 'treaty-signing' is already the former id of the event 'friendship-treaty-signed' (data/events/2021.yaml:22); {UNIQUE}"
    ]


def test_a_former_id_equal_to_a_sources_former_id(valid_root):
    write(valid_root, "data/actors/new.yaml", ACTOR.format(id="new-actor") + "  former_ids:\n    - bulletin-june\n")
    assert problems_of(valid_root) == [
        f"data/actors/new.yaml:5:7: new-actor: former_ids[0]: 'bulletin-june' is already the former id of the source 'bulletin-2021-06' (data/sources.yaml:14); {UNIQUE}"
    ]


def test_a_former_id_equal_to_the_records_own_id(valid_root):
    write(valid_root, "data/events/new.yaml", EVENT.format(id="new-event") + "  former_ids: [new-event]\n")
    assert problems_of(valid_root) == [
        f"data/events/new.yaml:10:16: new-event: former_ids[0]: 'new-event' is already the id of the event 'new-event' (data/events/new.yaml:1); {UNIQUE}"
    ]


def test_a_former_id_listed_twice(valid_root):
    write(valid_root, "data/events/new.yaml", EVENT.format(id="new-event") + "  former_ids: [old, old]\n")
    assert problems_of(valid_root) == [
        f"data/events/new.yaml:10:21: new-event: former_ids[1]: 'old' is already the former id of the event 'new-event' (data/events/new.yaml:10); {UNIQUE}"
    ]


def test_former_ids_are_kept_for_the_redirects(valid_root):
    write(valid_root, "data/events/new.yaml", EVENT.format(id="new-event") + "  former_ids: [old-a, old-b]\n")
    assert problems_of(valid_root) == []
    dossier = check_dataset(valid_root)
    assert dossier.former_ids == {"bulletin-june": "bulletin-2021-06", "treaty-signing": "friendship-treaty-signed", "old-a": "new-event", "old-b": "new-event"}


def test_each_repeated_use_is_reported(valid_root):
    write(valid_root, "data/actors/new.yaml", "".join(ACTOR.format(id="dup") for _ in range(3)))
    assert problems_of(valid_root) == [
        f"data/actors/new.yaml:4:7: dup: id: 'dup' is already the id of the actor 'dup' (data/actors/new.yaml:1); {UNIQUE}",
        f"data/actors/new.yaml:7:7: dup: id: 'dup' is already the id of the actor 'dup' (data/actors/new.yaml:1); {UNIQUE}",
    ]


# -- regressions: bugs these tests found, since fixed --------------------------------


def test_a_duplicate_id_is_reported_once_not_at_every_reference(valid_root):
    write(valid_root, "data/events/new.yaml", EVENT.format(id="ravna"))
    assert problems_of(valid_root) == [
        f"data/events/new.yaml:1:7: ravna: id: 'ravna' is already the id of the actor 'ravna' (data/actors.yaml:1); {UNIQUE}"
    ]
