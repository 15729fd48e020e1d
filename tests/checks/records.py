"""Records to add to the valid test case, and the helpers that add them: shared by the check tests."""

from __future__ import annotations

import textwrap

from ..conftest import problems_of

SOURCE = """\
- id: new-source
  title: Nouvelle
  date: 2021
  language: fr
"""
ACTOR = """\
- id: new-actor
  name: New actor
  kind: organisation
"""
EVENT = """\
- id: new-event
  date: 2021-05
  title: A new event
  category: military
  actors: [ravna]
  status: reported
  sources:
    - source: bulletin-2021-06
      quote: signed in Lorn
"""
TRANSFER = """\
- id: new-transfer
  supplier: ravna
  recipient: ostrava-republic
  item: Radars
  category: air-defence
  date: 2021
  status: reported
  sources:
    - source: bulletin-2021-06
      quote: signed in Lorn
"""
AGREEMENT = """\
- id: new-agreement
  title: A new pact
  kind: pact
  parties: [ravna, ostrava-republic]
  status: proposed
  sources:
    - source: bulletin-2021-06
      quote: signed in Lorn
"""
PERSON = ACTOR.replace("kind: organisation", "kind: person")
TEMPLATES = {"sources": SOURCE, "actors": ACTOR, "events": EVENT, "transfers": TRANSFER, "agreements": AGREEMENT}


def added(root, collection: str, text: str) -> list[str]:
    """The problems once `text` is written as data/<collection>/new.yaml."""
    path = root / "data" / collection / "new.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return problems_of(root)


def replaced(template: str, old: str, new: str) -> str:
    assert template.count(old) == 1, old
    return template.replace(old, new)
