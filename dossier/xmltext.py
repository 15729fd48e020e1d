"""Text for XML (the Atom feed, the SVG charts): characters XML cannot hold dropped, the
rest escaped, as ElementTree writes them."""

from __future__ import annotations

import re

NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TEXT = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_ATTRIBUTE = (*_TEXT, ('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;"))


def _escape(text: str, replacements) -> str:
    text = NOT_XML.sub("", text)
    for character, entity in replacements:
        if character in text:
            text = text.replace(character, entity)  # quicker than str.translate
    return text


def xml_text(text: str) -> str:
    return _escape(text, _TEXT)


def xml_attribute(text: str) -> str:
    """An attribute value, to be put between double quotes."""
    return _escape(text, _ATTRIBUTE)
