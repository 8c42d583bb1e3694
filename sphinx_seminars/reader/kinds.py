"""The kind of event a talk file describes (a slug of :data:`..model.KINDS`), from a
front-matter key (``kind``, ``type``, ``category``, ``event_type``) or else from the label of
the title ("PhD Thesis Defence: ...") and the words of the file name."""

from __future__ import annotations

import re
from functools import lru_cache

_DEGREE = r"\b(?:thesis|ph\.? ?d|m\.? ?tech|m\.? ?sc|doctoral)\b"
_DEFENCE = r"(?:defen[cs]es?|viva(?:[- ]voce)?)"
_COURSE = r"(?:short[- ]?)?course|class(?:es)?|lecture series|(?:summer|winter) school"
#: Words that name a kind, most specific first: the first kind found wins.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("thesis-defence", rf"{_DEGREE}.*\b(?:{_DEFENCE}|oral exam)\b|\b{_DEFENCE}\b"),
        ("thesis-colloquium", rf"{_DEGREE}.*\bcolloqui(?:um|a)\b"),
        ("course", rf"\b(?:{_COURSE})\b"),
        ("workshop", r"\bworkshops?\b"),
        ("symposium", r"\b(?:mini[- ]?)?symposi(?:um|a)\b"),
        ("conference", r"\b(?:conferences?|congress|annual meeting|meeting)\b"),
        ("tutorial", r"\btutorials?\b"),
        ("keynote", r"\b(?:keynote|plenary)\b"),
        ("panel", r"\b(?:panel|discussion session|round ?table)\b"),
        ("poster", r"\bposters?\b"),
        ("webinar", r"\bwebinars?\b"),
        ("colloquium", r"\bcolloqui(?:um|a)\b"),
        ("seminar", r"\bseminars?\b"),
        ("lecture", r"\blectures?\b"),
        ("talk", r"\b(?:talks?|presentations?|contributions?|invited)\b"),
    )
)
_RANK = {kind: rank for rank, (kind, _) in enumerate(_PATTERNS)}
#: Front-matter keys that name the kind, in order of trust.
KIND_KEYS = ("kind", "event_type", "type", "category")


#: The words the kinds are named with: a text without one names no kind (a quick test, before
#: the search for each kind).
_KIND_WORDS = frozenset((
    "defence", "defences", "defense", "defenses", "viva", "colloquium", "colloquia", "course",
    "courses", "shortcourse", "class", "classes", "lecture", "lectures", "school", "workshop",
    "workshops", "symposium", "symposia", "minisymposium", "conference", "conferences", "congress",
    "meeting", "tutorial", "tutorials", "keynote", "plenary", "panel", "discussion", "roundtable",
    "poster", "posters", "webinar", "webinars", "seminar", "seminars", "talk", "talks",
    "presentation", "presentations", "contribution", "contributions", "invited", "oral",
))  # fmt: skip
#: The words the patterns of the kinds read: a text is classified by these alone, in order.
_RELEVANT = _KIND_WORDS | frozenset((
    "thesis", "ph", "d", "phd", "m", "tech", "mtech", "sc", "msc", "doctoral", "exam",
    "examination", "voce", "short", "series", "summer", "winter", "annual", "round", "table",
    "session", "mini",
))  # fmt: skip
_WORDS = re.compile(r"[a-z]+")


def kind_of_text(text: str) -> str | None:
    """The kind a short text names ("Invited Seminar" -> "seminar"), or None."""
    words = [word for word in _WORDS.findall(text.lower()) if word in _RELEVANT]
    if _KIND_WORDS.isdisjoint(words):
        return None
    return _kind_of_words(" ".join(words))


@lru_cache(maxsize=1024)  # few texts of words that name kinds: "seminar", "phd thesis defence"
def _kind_of_words(words: str) -> str | None:
    """The first kind whose pattern the words match."""
    for kind, pattern in _PATTERNS:
        if pattern.search(words):
            return kind
    return None


def title_label(title: str) -> str:
    """The part of a title that labels it: before its first colon ("PhD Thesis Defence" of
    "PhD Thesis Defence: Mr. X"), else its first five words."""
    label, colon, _ = title.partition(":")
    return label if colon else " ".join(title.split()[:5])


def kind_from_names(title: str, file_name: str) -> str | None:
    """The kind named by the title's label or the file name's words (the more specific)."""
    named = kind_of_text(title_label(title)) if title else None
    in_name = kind_of_text(file_name) if file_name else None
    if named is None or in_name is None:
        return named or in_name
    return min(named, in_name, key=_RANK.__getitem__)
