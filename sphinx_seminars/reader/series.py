"""Find the lecture series a talk belongs to in banners, headings and titles."""

from __future__ import annotations

import re

_ORDINAL = (
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|(?:twenty|thirty|forty|fifty|sixty)(?:[- ](?:first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth))?|(?:thir|four|fif|six|seven|eigh|nine)teenth|"
    r"twentieth|thirtieth|fortieth|fiftieth)"
)
_KIND = r"(?:memorial lecture|lecture series|distinguished lecture|colloquium|lecture|seminar series)"
_QUOTED = re.compile(rf"[\"“]([^\"”]*?{_KIND}[^\"”]*)[\"”]", re.IGNORECASE)
_NAMED = re.compile(
    rf"(?:\bthe\s+)?(?:{_ORDINAL}\s+)?((?:[A-Z][\w.'’-]*\.?\s*){{1,8}}?{_KIND}(?:\s+series)?)\b",
    re.IGNORECASE,
)
_ORDINAL_PREFIX = re.compile(rf"^(?:the\s+)?{_ORDINAL}\s+(?:of\s+the\s+)?", re.IGNORECASE)
_TITLE_ASIDE = re.compile(rf"\(\s*{_ORDINAL}\s+([^()]*?\blecture)\s*\)", re.IGNORECASE)


def series_from_text(text: str) -> str | None:
    """A series name found in a banner or heading, ordinal and year dropped."""
    quoted = _QUOTED.search(text)
    if quoted:
        return quoted.group(1).strip()
    for match in _NAMED.finditer(text):
        name = _ORDINAL_PREFIX.sub("", match.group(1).strip())
        name = re.sub(r"^(?:the|this|a|an|our)\s+", "", name, flags=re.IGNORECASE)
        words = name.split()
        kind_words = len(re.findall(r"\w+", re.search(_KIND, name, re.I).group(0)))  # type: ignore[union-attr]
        if len(words) > kind_words and words[0][:1].isupper():
            return name
    return None


def series_from_title(title: str) -> str | None:
    """``"... (Third KPA lecture)"`` gives ``"KPA lecture"``."""
    match = _TITLE_ASIDE.search(title)
    return match.group(1).strip() if match else None
