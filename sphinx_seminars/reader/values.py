"""Front-matter values as the reader needs them: text from any scalar, a name for any type."""

from __future__ import annotations

import datetime as dt

from .text.clean import clean_text

#: Texts that stand for no value, as a site's generator writes a missing one ("None").
NOTHING = frozenset({"none", "null", "nil", "n/a", "~"})


def is_empty(value: object) -> bool:
    """Whether a value says nothing (``None``, ``""``, "None", an empty list or mapping)."""
    if isinstance(value, str):  # " " is a value: present, but empty
        return not value or value.strip().lower() in NOTHING
    return value is None or (isinstance(value, (list, dict, tuple)) and not value)


def is_text_like(value: object) -> bool:
    """Whether a value can stand for text: a string, a number or a date (not true/false)."""
    return isinstance(value, (str, int, float, dt.date, dt.time)) and not isinstance(value, bool)


def text_of(value: object) -> str | None:
    """A text-like value as one line of clean text: every run of white space (line breaks
    too) one space (None for anything else or nothing)."""
    if not is_text_like(value):
        return None
    return " ".join(clean_text(str(value)).split()) or None


def kind_of(value: object) -> str:
    """How a value's type is named in a problem: "a list", "a mapping", "true/false", ..."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (dt.date, dt.time)):
        return "a date or time"
    return f"a {type(value).__name__}"


def clip(value: object, limit: int) -> tuple[object, int | None]:
    """The value with each string (also inside a list) cut to ``limit`` characters, and the
    length of the longest one that was cut (None when nothing was)."""
    if isinstance(value, str):
        return (value[:limit], len(value)) if len(value) > limit else (value, None)
    if isinstance(value, list):
        parts = [clip(item, limit) for item in value]
        longest = max((length for _, length in parts if length is not None), default=None)
        return [item for item, _ in parts], longest
    return value, None
