"""Month and weekday names as people write them: full, abbreviated or slightly misspelt."""

from __future__ import annotations

import functools

from rapidfuzz.distance import OSA

from .tables import MONTH_ABBREVIATIONS, MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS


def _closest(word: str, names: tuple[str, ...], limit: int) -> int | None:
    """Index of the one name nearest to ``word`` within ``limit`` edits (insert, delete,
    substitute, swap neighbours); None when two are as near."""
    scored = sorted((OSA.distance(word, name), index) for index, name in enumerate(names))
    best, runner_up = scored[0], scored[1]
    if best[0] > limit or runner_up[0] == best[0]:
        return None
    return best[1]


@functools.lru_cache(maxsize=4096)  # an archive writes the same words again and again
def month_number(word: str) -> int | None:
    """1-12 for a month name, its abbreviation or a close misspelling ("Novenber")."""
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    if word in MONTH_ABBREVIATIONS:
        return MONTH_ABBREVIATIONS[word]
    if len(word) < 4:
        return None
    index = _closest(word, MONTHS, 1 if len(word) < 6 else 2)
    if index is None or MONTHS[index] == "may":
        return None
    return index + 1


@functools.lru_cache(maxsize=4096)  # an archive writes the same words again and again
def weekday_number(word: str) -> tuple[int, bool] | None:
    """(0-6, misspelt) for a weekday name, abbreviation or close misspelling ("Wednusday")."""
    word = word.lower().rstrip(".")
    if word in WEEKDAYS:
        return WEEKDAYS.index(word), False
    if word in WEEKDAY_ABBREVIATIONS:
        return WEEKDAY_ABBREVIATIONS[word], False
    if len(word) < 5:
        return None
    index = _closest(word, WEEKDAYS, 1 if len(word) < 7 else 2)
    return None if index is None else (index, True)
