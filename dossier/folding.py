"""The folding applied to a quote and to its source before one is looked for in the other."""

from __future__ import annotations

import functools
import re
import unicodedata

_MARKS = (
    ("\u2019", "'"), ("\u2018", "'"),  # ’ ‘
    ("\u00ab", '"'), ("\u00bb", '"'), ("\u201c", '"'), ("\u201d", '"'),  # « » “ ”
    ("\u00a0", " "), ("\u202f", " "),  # no-break and narrow no-break spaces
)
# Spaces inside quotation marks (« x » for "x") are dropped; since both sides are folded the
# same way, dropping the spaces on both sides of every mark is equivalent and needs no
# guess about which mark opens and which closes.
_SPACED_QUOTE = re.compile(r' ?" ?')


@functools.lru_cache(maxsize=1 << 16)  # a quote is folded for its check, then again for its source's coverage
def fold(text: str) -> str:
    if not text.isascii():  # NFC and the marks above concern other characters only
        text = unicodedata.normalize("NFC", text)
        for mark, plain in _MARKS:
            text = text.replace(mark, plain)  # str.replace: far quicker than str.translate
    text = " ".join(text.split())  # runs of white space (as re's \s) become one space, ends trimmed
    return _SPACED_QUOTE.sub('"', text) if '"' in text else text


def longest_found_part(quote: str, folded_source: str) -> str:
    """The longest run of the quote's words that the source does contain, for a hint.

    Runs are matched as whole words and returned as the editor wrote them.
    """
    words = quote.split()
    best = ""

    def found(run: list[str]) -> bool:
        part = fold(" ".join(run))
        before = r"(?<!\w)" if part[:1].isalnum() else ""  # whole words: "in" is not found in "bulletin"
        after = r"(?!\w)" if part[-1:].isalnum() else ""
        return re.search(before + re.escape(part) + after, folded_source) is not None

    for start in range(len(words)):
        low, high = start + 1, len(words)
        # binary search on the run's end: if a run is found, all its prefixes are too
        while low <= high:
            middle = (low + high) // 2
            if found(words[start:middle]):
                candidate = " ".join(words[start:middle])
                if len(candidate) > len(best):
                    best = candidate
                low = middle + 1
            else:
                high = middle - 1
    return unicodedata.normalize("NFC", best)
