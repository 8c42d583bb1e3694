"""Find the lecture series a talk belongs to in banners, headings and titles."""

from __future__ import annotations

import re

_ORDINAL = (
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|(?:twenty|thirty|forty|fifty|sixty)(?:[- ](?:first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth))?|(?:thir|four|fif|six|seven|eigh|nine)teenth|"
    r"twentieth|thirtieth|fortieth|fiftieth)"
)
_KIND = (
    r"(?:memorial lecture|lecture series|distinguished lecture|colloquium|lecture|seminar series)"
)
_ARTICLES = frozenset(
    ["the", "this", "a", "an", "our", "next", "each", "every", "their", "his", "her", "its"]
)
_QUOTED = re.compile(rf"[\"“]([^\"”]*?{_KIND}[^\"”]*)[\"”]", re.IGNORECASE)
_KIND_AT = re.compile(rf"\b{_KIND}(?:\s+series)?\b", re.IGNORECASE)
_ORDINAL_PREFIX = re.compile(rf"^(?:(?:the|a)\s+)?(?:{_ORDINAL}\s+)+(?:of\s+the\s+)?", re.I)
_TITLE_ASIDE = re.compile(rf"\(\s*{_ORDINAL}\s+([^()]*?\blecture)\s*\)", re.IGNORECASE)


def series_from_text(text: str) -> str | None:
    """A series name found in a banner or heading, ordinal and year dropped.

    The name is the run of capitalised words just before "Lecture", "Colloquium", ...:
    "The 10th Prof. A. Rao Memorial Lecture (2021)" gives "Prof. A. Rao Memorial Lecture".
    """
    quoted = _QUOTED.search(text)
    if quoted:
        return quoted.group(1).strip()
    for line in text.split("\n"):
        for kind in _KIND_AT.finditer(line):
            words = line[: kind.start()].split()
            named: list[str] = []
            for word in reversed(words):
                if not word[:1].isupper():
                    break
                named.insert(0, word)
            while named and named[0].lower() in _ARTICLES:
                named.pop(0)
            name = _ORDINAL_PREFIX.sub("", " ".join([*named, kind.group(0)]))
            if len(name.split()) > len(kind.group(0).split()):
                return name
    return None


def series_from_title(title: str) -> str | None:
    """``"... (Third KPA lecture)"`` gives ``"KPA lecture"``."""
    match = _TITLE_ASIDE.search(title)
    return match.group(1).strip() if match else None
