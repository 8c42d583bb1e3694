"""The text the date, time and zone grammars work on: cleaned once, quoted short in problems,
and found parts blanked out so that no later pattern reads them again."""

from __future__ import annotations

import html
import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_BLANKS = re.compile(r"[ \t]+")
_INVISIBLE_OR_DASH = re.compile("[" + "".join(map(chr, [*_INVISIBLE, *_DASHES])) + "]")


def clean(text: str) -> str:
    """Unescape entities, drop invisible characters, plain dashes and spaces, one line per line."""
    if "&" in text:
        text = html.unescape(text)
    if not text.isascii():  # invisible characters, compatibility forms and dashes are not
        if _INVISIBLE_OR_DASH.search(text):
            text = text.translate(_INVISIBLE)
        text = unicodedata.normalize("NFKC", text)
        if _INVISIBLE_OR_DASH.search(text):
            text = text.translate(_DASHES)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(_BLANKS.sub(" ", line).strip() for line in lines).strip()


def shorten(text: str, limit: int = 80) -> str:
    """One line, at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def mask(text: str, start: int, end: int) -> str:
    """Blank out ``text[start:end]``, keeping every other position."""
    return text[:start] + " " * (end - start) + text[end:]
