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

    @property
    def keeps_file_out(self) -> bool:
        """Whether the problem keeps a talk file from being a page of a site: the file
        cannot be read, is binary or too large, links out of the source folder, or
        describes no event."""
        return self.code is Code.NOT_A_TALK or (self.level == "error" and self.code in _FILE_ERRORS)


#: Codes whose errors are about the file as a whole, not one of its values.
_FILE_ERRORS = frozenset({Code.UNREADABLE, Code.TOO_LONG, Code.ENCODING, Code.PATH})


@dataclass(frozen=True)
class Speaker:
    """One speaker: the name without honorific, and what is known of them."""

    name: str
    honorific: str | None = None
    position: str | None = None
    affiliation: str | None = None
    id: str | None = None
    """An explicit key (``speaker_id``) that ties differently written names together."""
    photo: Image | None = None
    """A photo of the speaker."""

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
            "photo": self.photo.as_json() if self.photo else None,
        }


@dataclass(frozen=True)
class Image:
    """An image a talk file names: a talk's picture or a speaker's photo.  ``src`` is an
    https address or a path relative to the talk file (``/`` for the source folder)."""

    src: str
    alt: str = ""

    def as_json(self) -> dict[str, object]:
        return {"src": self.src, "alt": self.alt}


#: What may have happened to a talk (``Talk.status``), status -> what it means.  A talk
#: without a status takes place as announced.
STATUSES: dict[str, str] = {
    "cancelled": "the talk will not take place",
    "postponed": "the talk will take place later, at a time not yet known",
    "rescheduled": "the talk takes place at another time (``rescheduled_to``)",
}


#: The kinds of event a talk file may describe (``Talk.kind``), slug -> what it is.
KINDS: dict[str, str] = {
    "talk": "a talk (a conference contribution, an invited or contributed talk)",
    "seminar": "a seminar of a series or a department",
    "colloquium": "a colloquium talk",
    "lecture": "a lecture, a named or memorial lecture, a public lecture",
    "keynote": "a keynote or plenary talk",
    "tutorial": "a tutorial",
    "poster": "a poster presentation",
    "panel": "a panel or discussion session",
    "webinar": "a webinar",
    "thesis-colloquium": "a thesis colloquium (a candidate presents the thesis before the defence)",
    "thesis-defence": "a thesis defence, viva voce or final examination",
    "course": "a course or short course, usually of several sessions",
    "workshop": "a workshop",
    "symposium": "a symposium or mini-symposium",
    "conference": "a conference or meeting",
}

#: The roles people other than the speakers may have (``Role.role``), role -> what it is.
ROLES: dict[str, str] = {
    "advisor": "a thesis advisor or supervisor",
    "examiner": "a thesis examiner",
    "chair": "the chair of the talk or session",
    "host": "the host who invited the speaker",
    "convener": "the convener of the series or event",
    "organizer": "an organizer of the event",
}


@dataclass(frozen=True)
class Role:
    """A person named in a role other than speaker: a thesis advisor, an examiner, a chair."""

    role: str
    """One of :data:`ROLES`."""
    person: Speaker

    def as_json(self) -> dict[str, object]:
        return {"role": self.role, "person": self.person.as_json()}


@dataclass(frozen=True)
class Address:
    """The postal address of a talk's venue, as structured front matter gives it (HugoBlox's
    ``address: {street, city, region, postcode, country}``); each part may be unknown."""

    street: str | None = None
    city: str | None = None
    region: str | None = None
    postcode: str | None = None
    country: str | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "street": self.street,
            "city": self.city,
            "region": self.region,
            "postcode": self.postcode,
            "country": self.country,
        }


@dataclass(frozen=True)
class Session:
    """One meeting of an event held over several days (a course's class, a symposium's day).

    ``start`` and ``end`` are aware ``datetime`` values when the time is known (naive when
    no zone is), ``date`` values when only the day is; ``end`` is None when not stated.
    """

    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None = None


@dataclass(frozen=True)
class Talk:
    """A talk as read from one file.

    ``start`` is a ``datetime`` with tzinfo when a time is known, a ``date`` when only the
    day is known, or ``None``.  ``abstract`` and ``bio`` are Markdown (MyST) source text;
    ``abstract_line`` and ``bio_line`` are the file lines they start on.  ``details`` holds
    the rest of the body (banners, "Agenda" sections): kept, so nothing is lost.

    ``kind`` is a slug of :data:`KINDS` (None when the file does not say).  ``roles`` are
    the people named in other roles (advisors, examiners, chairs, hosts).  ``sessions`` are
    the meetings of an event held on several days with a daily time (a course meeting 5-6:30
    PM from 15 to 27 March), in order: then ``start`` is the first session's start and
    ``end`` the last one's end; they are empty for a single event.

    ``status`` is a key of :data:`STATUSES` (None: the talk takes place as announced);
    ``rescheduled_to`` is the id of the talk that replaces it, or its new start.  ``image``
    is the talk's picture (a HugoBlox ``featured`` image, an ``image`` key).
    """

    id: str
    title: str
    source: str = ""
    speakers: tuple[Speaker, ...] = ()
    start: dt.datetime | dt.date | None = None
    end: dt.datetime | dt.date | None = None
    timezone: str | None = None
    venue: str | None = None
    address: Address | None = None
    """The venue's postal address, when the file gives it in parts (the venue text stays
    what the file says of the place)."""
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
    kind: str | None = None
    roles: tuple[Role, ...] = ()
    sessions: tuple[Session, ...] = ()
    status: str | None = None
    rescheduled_to: str | dt.datetime | dt.date | None = None
    image: Image | None = None
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    id_line: int = field(default=0, compare=False)
    """The file line the id comes from (``permalink`` or ``id``); 0 for the file name."""

    @property
    def left_out_by(self) -> tuple[Problem, ...]:
        """The problems that keep the talk's file from being a page of a site (none for a
        talk that is one)."""
        return tuple(problem for problem in self.problems if problem.keeps_file_out)

    @property
    def has_errors(self) -> bool:
        return any(p.level == "error" for p in self.problems)
