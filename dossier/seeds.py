"""The source documents under seeds/, read once and folded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .folding import fold


class Seeds:
    def __init__(self, seeds_dir: Path):
        self.dir = seeds_dir
        self.folded = cache(self._folded)
        self.text = cache(self._text)

    def _text(self, relative: str) -> str:
        return (self.dir / relative).read_text(encoding="utf-8-sig")

    def _folded(self, relative: str) -> str:
        return fold(self.text(relative))

    def contains(self, relative: str, quote: str) -> bool:
        return fold(quote) in self.folded(relative)
