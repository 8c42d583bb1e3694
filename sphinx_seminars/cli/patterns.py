"""The naming pattern of a site's talk files: learnt from the files it has (their paths and
permalinks, in terms of the talk's date and speaker) and applied to a new talk.

``2025-01-09-seminar-keith.md`` with ``permalink: /seminar/keith-09-jan-2025`` for a talk by
Keith Butler on 9 January 2025 is the pattern ``{date}-seminar-{given}`` with the permalink
``/seminar/{given}-{day}-{mon}-{year}``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TypeVar

from ..ids import slug
from ..model import Talk

K = TypeVar("K")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_PARTS = re.compile(r"(\{[a-z]+\}|[A-Za-z0-9]+)")
_PLACEHOLDER = re.compile(r"\{([a-z]+)\}")
#: Placeholders of the talk's date, for the date-like context of a bare number.
_DATE_PLACEHOLDERS = frozenset(
    {"{date}", "{compact}", "{year}", "{month}", "{day}", "{mon}", "{monthname}"}
)
_NAME_PLACEHOLDER = re.compile(r"\{(surname|given|fullname)\}")
_SEPARATORS = "-_/."
#: The pattern of a site that has no talk files yet.
DEFAULT_PATH = "{date}-seminar-{surname}"


@dataclass(frozen=True)
class Naming:
    """How a site names talk files: a path pattern (relative to the talk folder, without the
    suffix) and a permalink pattern, or None when its talks have no permalink."""

    path: str = DEFAULT_PATH
    permalink: str | None = None
    suffix: str = ".md"
    learnt_from: int = 0
    """How many of the site's files follow the pattern (0: the default pattern)."""

    def path_for(self, values: Mapping[str, str]) -> str:
        return fill(self.path, values) + self.suffix

    def permalink_for(self, values: Mapping[str, str]) -> str | None:
        return fill(self.permalink, values) if self.permalink else None


def values_of(day: dt.date, names: Iterable[str]) -> dict[str, str]:
    """What each placeholder stands for in a talk on ``day`` by speakers ``names``: the date
    in several forms, the first speaker's ``surname``, ``given`` name and ``fullname``."""
    words = [slug(word) for word in next(iter(names), "").split()]
    words = [word for word in words if word]
    return {
        "date": day.isoformat(),
        "compact": day.strftime("%Y%m%d"),
        "year": f"{day.year:04d}",
        "month": f"{day.month:02d}",
        "day": f"{day.day:02d}",
        "mon": _MONTHS[day.month - 1],
        "monthname": day.strftime("%B").lower(),
        "surname": words[-1] if words else "talk",
        "given": words[0] if words else "talk",
        "fullname": "-".join(words) or "talk",
    }


def fill(pattern: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), pattern)


def learn_naming(talks: Iterable[Talk], folder: str) -> Naming:
    """The most common naming of the talks' files (paths relative to ``folder``, the talk
    folder), and the permalinks of the files named that way when most of them have one; the
    default when no file has a date to learn from."""
    paths: Counter[str] = Counter()
    named: list[tuple[str, str | None]] = []
    suffixes: Counter[str] = Counter()
    for talk in talks:
        day = talk.start.date() if isinstance(talk.start, dt.datetime) else talk.start
        if day is None:
            continue
        relative = _relative(talk.source, folder)
        if relative is None:
            continue
        values = values_of(day, (s.name for s in talk.speakers))
        file = PurePosixPath(relative)
        path = generalise(str(file.with_suffix("")), values)
        paths[path] += 1
        suffixes[file.suffix or ".md"] += 1
        named.append((path, generalise(talk.permalink, values) if talk.permalink else None))
    if not paths:
        return Naming()
    best, count = _pattern(paths)
    alike = [link for own, link in named if own == best] or [link for _, link in named]
    permalinks = Counter(link for link in alike if link)
    permalink = None
    if sum(permalinks.values()) * 2 > len(alike):
        permalink, _ = _pattern(permalinks)
    return Naming(best or DEFAULT_PATH, permalink, _most_common(suffixes), count)


def _pattern(templates: Counter[str]) -> tuple[str | None, int]:
    """The most common template that names the speaker, with how many files follow it (two
    at least, unless there is one file); else what the templates share, with the speaker's
    surname for the part that differs."""
    total = sum(templates.values())
    named = Counter({t: n for t, n in templates.items() if _NAME_PLACEHOLDER.search(t)})
    if named and (named[_most_common(named)] >= 2 or total == 1):
        best = _most_common(named)
        return best, named[best]
    if total < 2:
        return None, 0
    texts = list(templates.elements())
    start = _cut_prefix(_shared_start(texts))
    end = _cut_prefix(_shared_start([t[len(start) :][::-1] for t in texts]))
    if not start and not end:
        return None, 0
    return f"{start}{{surname}}{end[::-1]}", total


def _shared_start(texts: list[str]) -> str:
    """The characters every text starts with."""
    first, last = min(texts), max(texts)
    length = 0
    while length < len(first) and first[length] == last[length]:
        length += 1
    return first[:length]


def _cut_prefix(prefix: str) -> str:
    """The prefix up to its last separator: no word or placeholder is cut in two."""
    cut = max(prefix.rfind(separator) for separator in _SEPARATORS)
    return prefix[: cut + 1]


def _most_common(counts: Counter[K]) -> K:
    """The most common value; among equals, the first seen."""
    return counts.most_common(1)[0][0]


def _relative(source: str, folder: str) -> str | None:
    """The path of a talk file inside the talk folder (None if it is not inside)."""
    relative = os.path.relpath(os.path.abspath(source), os.path.abspath(folder))
    if relative == ".." or relative.startswith(".." + os.sep):
        return None
    return relative.replace(os.sep, "/")


def generalise(text: str, values: Mapping[str, str]) -> str:
    """The text with the talk's own values replaced by placeholders: its date in the forms
    sites use, then the speaker's name (full, surname or given name)."""
    text = text.replace(values["date"], "{date}").replace(values["compact"], "{compact}")
    parts = _PARTS.split(text)  # words and placeholders at odd positions
    words = parts[1::2]
    for index, word in enumerate(words):
        lower = word.lower()
        if lower == values["year"]:
            words[index] = "{year}"
        elif lower == values["mon"]:
            words[index] = "{mon}"
        elif lower == values["monthname"]:
            words[index] = "{monthname}"
    for index, word in enumerate(words):
        near = words[max(0, index - 2) : index] + words[index + 1 : index + 3]
        if word in (values["day"], values["month"]) and _DATE_PLACEHOLDERS & set(near):
            words[index] = "{day}" if word == values["day"] else "{month}"
    parts[1::2] = words
    return _name_placeholder("".join(parts), values)


def _name_placeholder(text: str, values: Mapping[str, str]) -> str:
    """The speaker's full name, surname or given name (as slugs, between separators)."""
    for name in ("fullname", "surname", "given"):
        value = values[name]
        if value == "talk":
            return text
        found = re.search(rf"(?<![a-z0-9]){re.escape(value)}(?![a-z0-9])", text.lower())
        if found:
            return text[: found.start()] + f"{{{name}}}" + text[found.end() :]
    return text
