"""The JSON form of a talk (the schema of ``sphinx-seminars show --json``), both ways."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .model import Problem, Speaker, Talk
from .reader.text import markdown_to_plain

#: The keys of a talk object, in order.
TALK_KEYS = (
    "id", "title", "speakers", "start", "end", "timezone", "venue", "online_url", "series",
    "abstract", "references", "bio", "links", "tags", "permalink", "source", "problems",
)  # fmt: skip


def format_moment(value: dt.datetime | dt.date | None) -> str | None:
    """ISO 8601: with offset for a time (``2025-01-09T15:00:00+05:30``), a bare date else."""
    if value is None:
        return None
    return value.isoformat()


def parse_moment(text: str | None, timezone: str | None) -> dt.datetime | dt.date | None:
    """The inverse of :func:`format_moment`; the zone name restores a ZoneInfo."""
    if not text:
        return None
    if "T" not in text:
        return dt.date.fromisoformat(text)
    moment = dt.datetime.fromisoformat(text)
    if timezone and moment.tzinfo is not None:
        try:
            return moment.astimezone(ZoneInfo(timezone))
        except (ZoneInfoNotFoundError, ValueError):
            return moment
    return moment


def talk_to_json(talk: Talk) -> dict[str, Any]:
    """The talk as a JSON-ready dict with exactly :data:`TALK_KEYS`."""
    return {
        "id": talk.id,
        "title": talk.title,
        "speakers": [speaker.as_json() for speaker in talk.speakers],
        "start": format_moment(talk.start),
        "end": format_moment(talk.end),
        "timezone": talk.timezone,
        "venue": talk.venue,
        "online_url": talk.online_url,
        "series": talk.series,
        "abstract": markdown_to_plain(talk.abstract),
        "references": list(talk.references),
        "bio": markdown_to_plain(talk.bio),
        "links": dict(talk.links),
        "tags": list(talk.tags),
        "permalink": talk.permalink,
        "source": talk.source,
        "problems": [problem.as_json() for problem in talk.problems],
    }


def talk_from_json(data: dict[str, Any]) -> Talk:
    """A Talk from its JSON form (abstract and bio come back as plain text)."""
    zone = data.get("timezone")
    return Talk(
        id=data["id"],
        title=data["title"],
        source=data.get("source") or "",
        speakers=tuple(Speaker(**speaker) for speaker in data.get("speakers", [])),
        start=parse_moment(data.get("start"), zone),
        end=parse_moment(data.get("end"), zone),
        timezone=zone,
        venue=data.get("venue"),
        online_url=data.get("online_url"),
        series=data.get("series"),
        abstract=data.get("abstract") or "",
        references=tuple(data.get("references", [])),
        bio=data.get("bio") or "",
        links=tuple((data.get("links") or {}).items()),
        tags=tuple(data.get("tags", [])),
        permalink=data.get("permalink"),
        problems=tuple(
            Problem(p["line"], p["code"], p["message"]) for p in data.get("problems", [])
        ),
    )
