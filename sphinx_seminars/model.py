"""The structured model of a talk: plain, frozen, picklable and JSON-serialisable."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .problems import Code

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """Something wrong or doubtful in a talk file, at a 1-based line (0 when unknown)."""

    line: int
    code: Code
    message: str
    level: Level = "warning"

    def as_json(self) -> dict[str, object]:
        return {"line": self.line, "code": self.code.value, "message": self.message}


@dataclass(frozen=True)
class Speaker:
    """One speaker: the name without honorific, and what is known of them."""

    name: str
    honorific: str | None = None
    position: str | None = None
    affiliation: str | None = None
    id: str | None = None
    """An explicit key (``speaker_id``) that ties differently written names together."""

    @property
    def display_name(self) -> str:
        """The name as a reader would see it, honorific first."""
        return f"{self.honorific} {self.name}" if self.honorific else self.name

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "honorific": self.honorific,
            "position": self.position,
            "affiliation": self.affiliation,
        }


@dataclass(frozen=True)
class Talk:
    """A talk as read from one file.

    ``start`` is a ``datetime`` with tzinfo when a time is known, a ``date`` when only the
    day is known, or ``None``.  ``abstract`` and ``bio`` are Markdown (MyST) source text;
    ``abstract_line`` and ``bio_line`` are the file lines they start on.  ``details`` holds
    the rest of the body (banners, "Host", "Agenda" sections): kept, so nothing is lost.
    """

    id: str
    title: str
    source: str = ""
    speakers: tuple[Speaker, ...] = ()
    start: dt.datetime | dt.date | None = None
    end: dt.datetime | dt.date | None = None
    timezone: str | None = None
    venue: str | None = None
    online_url: str | None = None
    series: str | None = None
    abstract: str = ""
    abstract_line: int = 0
    references: tuple[str, ...] = ()
    bio: str = ""
    bio_line: int = 0
    details: str = ""
    details_line: int = 0
    links: tuple[tuple[str, str], ...] = ()
    tags: tuple[str, ...] = ()
    permalink: str | None = None
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    id_line: int = field(default=0, compare=False)
    """The file line the id comes from (``permalink`` or ``id``); 0 for the file name."""

    @property
    def has_errors(self) -> bool:
        return any(p.level == "error" for p in self.problems)
