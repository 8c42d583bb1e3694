"""Characters of talk text: line endings, control and invisible characters, Symbol-font
letters, Unicode composition and runs of spaces."""

from __future__ import annotations

import re
import unicodedata

#: Characters that carry nothing visible and break matching (zero-width space and friends).
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
#: Letters of the Symbol font as word processors store them, in the private-use area
#: (U+F000 + the font's code): "\uf062" is a beta.  They become the real characters.
SYMBOL_FONT = {
    0xF000 + ord(code): letter
    for code, letter in zip(
        "abgdezhqiklmnxpsrtufcyjwoABGDEZHQIKLMNXPSRTUFCYWJO",
        "αβγδεζηθικλμνξπσρτυφχψϕωοΑΒΓΔΕΖΗΘΙΚΛΜΝΞΠΣΡΤΥΦΧΨΩϑΟ",
        strict=True,
    )
} | {0xF0B0: "°", 0xF0B1: "±", 0xF0B4: "×", 0xF0B8: "÷", 0xF0A3: "≤", 0xF0B3: "≥",
     0xF0AE: "→", 0xF0BB: "≈", 0xF0B9: "≠", 0xF0A5: "∞", 0xF0B6: "∂", 0xF0D6: "√"}  # fmt: skip
#: Control characters (tab and newline excepted), lone surrogates, non-characters and the
#: Unicode line and paragraph separators.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]")
_SEPARATORS = dict.fromkeys(map(ord, "\u2028\u2029"), " ")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so that every line break counts as one line."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def drop_control_characters(text: str) -> tuple[str, int | None]:
    """Text without control characters (tab and newline stay), lone surrogates and
    non-characters; the Unicode line and paragraph separators (line breaks to YAML, not to
    Markdown) become spaces.  Also the line of the first character changed (None if none)."""
    first = CONTROL.search(text)
    if first is None:
        return text, None
    line = text.count("\n", 0, first.start()) + 1
    return CONTROL.sub("", text.translate(_SEPARATORS)), line


#: Explicit direction embeddings and overrides (LRE, RLE, PDF, LRO, RLO): formatting, not
#: text, and left unbalanced they reorder whatever follows them on a page.  Dropped; right-to-
#: left text needs none of them to show in its own direction.
DIRECTION_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e"))
_CLEANING = INVISIBLE | DIRECTION_CONTROLS | SYMBOL_FONT
_TO_CLEAN = re.compile("[" + "".join(map(chr, INVISIBLE)) + "\u202a-\u202e\uf000-\uf0ff]")


def clean_text(text: str) -> str:
    """Drop invisible characters, read Symbol-font letters, compose Unicode (NFC)."""
    if text.isascii():  # nothing to drop, read or compose
        return text
    if _TO_CLEAN.search(text):  # str.translate looks every character up: only when needed
        text = text.translate(_CLEANING)
    return unicodedata.normalize("NFC", text)


def collapse_spaces(text: str) -> str:
    """One plain space for every run of spaces, tabs and no-break spaces; ends stripped."""
    text = text.strip()
    if "  " in text or "\t" in text or "\u00a0" in text or "\u202f" in text:
        return _SPACES.sub(" ", text).strip()
    return text
