"""What the domain keeps of talks, and the lookups derived from it: plain data, no nodes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple, Protocol

from .ids import series_key, speaker_anchor, talk_key, talk_speaker_anchor

if TYPE_CHECKING:
    from .model import Talk

Moment = dt.datetime | dt.date


class Listing(Protocol):
    """What the domain needs to know of a listing a page shows (see ``listings.spec``)."""

    @property
    def kind(self) -> str: ...

    @property
    def series(self) -> str | None: ...


class SpeakerRef(NamedTuple):
    """A speaker of a talk as the domain knows them: their key (spelling, honorific and
    aliases folded) and what the talk says of them."""

    key: str
    name: str
    affiliation: str | None
    position: str | None
    photo: str | None = None
    """The address of their photo in this talk: https, or a file from the source folder."""


class RoleRef(NamedTuple):
    """A person in another role of a talk (advisor, examiner, chair, host)."""

    key: str
    name: str
    role: str
    affiliation: str | None


class TalkRecord(NamedTuple):
    """A rendered talk: the talk itself and where it is; plain data, no nodes."""

    talk: Talk
    docname: str
    anchor: str
    location: str
    """Where the talk is rendered (``page.md:12``)."""
    speakers: tuple[SpeakerRef, ...]
    modified: dt.datetime | None
    """When its talk file last changed (UTC), for calendar and feed time stamps."""
    abstract_text: str
    """The abstract as plain text, for the exports (made once, while reading)."""
    bio_text: str
    """The bio as plain text, likewise."""
    roles: tuple[RoleRef, ...] = ()
    image: str | None = None
    """The address of the talk's picture: https, or a file from the source folder."""

    @property
    def plain(self) -> tuple[str, str]:
        """The abstract and the bio as plain text."""
        return self.abstract_text, self.bio_text

    @property
    def id(self) -> str:
        return self.talk.id

    @property
    def id_location(self) -> str:
        """Where the talk's id is written, for a talk that is the page of its talk file: the
        line of its ``id`` or ``permalink``; else where the talk is rendered (a directive's
        place, or the file's first line when its id is the file's name)."""
        source = self.talk.source
        if self.talk.id_line and source and self.location.startswith(f"{source}:"):
            return f"{source}:{self.talk.id_line}"
        return self.location

    @property
    def title(self) -> str:
        return self.talk.title

    @property
    def start(self) -> Moment | None:
        return self.talk.start

    @property
    def day(self) -> dt.date | None:
        """The day the talk starts on, in its own zone."""
        start = self.talk.start
        return start.date() if isinstance(start, dt.datetime) else start

    @property
    def year(self) -> int | None:
        day = self.day
        return day.year if day else None


def chronological_key(start: Moment | None) -> tuple[object, ...]:
    """Talks in order of their day and wall-clock time; a talk of a day without a time comes
    before the timed talks of that day."""
    if start is None:
        return (1,)
    if isinstance(start, dt.datetime):
        offset = start.utcoffset() or dt.timedelta(0)
        return (0, start.date(), 1, start.time().replace(tzinfo=None), offset)
    return (0, start, 0)


class SpeakerTarget(NamedTuple):
    """Where a link to a person goes, and what is known of them: the talks they gave
    (newest first), the roles they had in other talks, their latest photo."""

    key: str
    name: str
    docname: str
    anchor: str
    talks: tuple[TalkRecord, ...]
    roles: tuple[tuple[str, TalkRecord], ...] = ()
    photo: str | None = None


class CalendarHistory(NamedTuple):
    """When a talk was last published in the calendars, with what status (``CONFIRMED``,
    ``TENTATIVE``, ``CANCELLED``), and its SEQUENCE number then."""

    start: Moment | None
    end: Moment | None
    sequence: int
    status: str = "CONFIRMED"


class SeminarView:
    """Lookups derived from the domain's data; never stored in the environment."""

    def __init__(self, talks_by_doc: dict[str, list[TalkRecord]], speaker_page: str | None) -> None:
        seen: dict[str, TalkRecord] = {}
        for docname in sorted(talks_by_doc):
            for record in talks_by_doc[docname]:
                seen.setdefault(talk_key(record.id), record)
        chronological = sorted(seen.values(), key=lambda r: (chronological_key(r.start), r.id))
        self.chronological = chronological
        self.talks = sorted(seen.values(), key=_newest_first, reverse=True)
        self.by_key = seen
        self.position = {talk_key(r.id): index for index, r in enumerate(chronological)}
        self.speakers = _speaker_targets(self.talks, speaker_page)
        self.people = _people(self.talks, self.speakers, speaker_page)
        self.series: dict[str, tuple[str, list[TalkRecord]]] = {}
        for record in self.talks:
            if record.talk.series:
                entry: tuple[str, list[TalkRecord]] = (record.talk.series, [])
                self.series.setdefault(series_key(record.talk.series), entry)[1].append(record)

    def neighbours(self, talk_id: str) -> tuple[TalkRecord | None, TalkRecord | None]:
        """The talks just before and after one in time (talks without a date come last)."""
        index = self.position.get(talk_key(talk_id))
        if index is None:
            return None, None
        before = self.chronological[index - 1] if index > 0 else None
        after = self.chronological[index + 1] if index + 1 < len(self.chronological) else None
        return before, after


def _newest_first(record: TalkRecord) -> tuple[object, ...]:
    """A key for ``sorted(..., reverse=True)``: newest first, then by id (descending), talks
    without a date last."""
    return (record.start is not None, chronological_key(record.start), record.id)


def _people(
    talks: list[TalkRecord], speakers: dict[str, SpeakerTarget], speaker_page: str | None
) -> dict[str, SpeakerTarget]:
    """Everyone: the speakers, with the roles they had in other talks, and the people
    known only in roles (their link goes to the speakers page, or to the talk)."""
    roles: dict[str, list[tuple[str, TalkRecord]]] = {}
    names: dict[str, str] = {}
    for record in talks:
        for ref in record.roles:
            roles.setdefault(ref.key, []).append((ref.role, record))
            names.setdefault(ref.key, ref.name)
    people = {
        key: target._replace(roles=tuple(roles.get(key, ()))) for key, target in speakers.items()
    }
    for key, had in roles.items():
        if key not in people:
            first = had[0][1]
            docname, anchor = (
                (speaker_page, speaker_anchor(key))
                if speaker_page
                else (first.docname, first.anchor)
            )
            people[key] = SpeakerTarget(key, names[key], docname, anchor, (), tuple(had))
    return people


def _speaker_targets(talks: list[TalkRecord], speaker_page: str | None) -> dict[str, SpeakerTarget]:
    talks_of: dict[str, list[TalkRecord]] = {}
    names: dict[str, str] = {}
    photos: dict[str, str] = {}
    for record in talks:
        for speaker in record.speakers:
            talks_of.setdefault(speaker.key, []).append(record)
            names.setdefault(speaker.key, speaker.name)
            if speaker.photo:
                photos.setdefault(speaker.key, speaker.photo)
    targets = {}
    for key, their_talks in talks_of.items():
        if speaker_page is not None:
            docname, anchor = speaker_page, speaker_anchor(key)
        else:
            latest = their_talks[0]
            number = next(i for i, s in enumerate(latest.speakers, start=1) if s.key == key)
            docname, anchor = latest.docname, talk_speaker_anchor(latest.id, number)
        targets[key] = SpeakerTarget(
            key, names[key], docname, anchor, tuple(their_talks), photo=photos.get(key)
        )
    return targets
