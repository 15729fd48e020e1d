"""An entry's permanent address, the one place it is made: `/r/<id>/` under an edition's
published address (`https://example.org/dossier/r/iran/`), or, where no address is set, the
same path from the edition's root (`r/iran/`), which the reader's browser completes."""

from __future__ import annotations


def permanent_link(site_url: str, record_id: str) -> str:
    return f"{site_url}r/{record_id}/"
