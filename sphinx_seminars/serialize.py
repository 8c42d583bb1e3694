"""The JSON form of a talk (the schema of ``sphinx-seminars show --json``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .model import Talk

#: The keys of a talk object, in order.
TALK_KEYS = (
    "id", "title", "kind", "speakers", "roles", "start", "end", "sessions", "timezone",
    "venue", "address", "online_url", "series", "abstract", "references", "bio", "links",
    "tags", "permalink", "status", "rescheduled_to", "image", "source", "problems",
)  # fmt: skip


def format_moment(value: dt.datetime | dt.date | None) -> str | None:
    """ISO 8601: with offset for a time (``2025-01-09T15:00:00+05:30``), a bare date else."""
    if value is None:
        return None
    return value.isoformat()


def talk_to_json(talk: Talk, *, plain: tuple[str, str] | None = None) -> dict[str, Any]:
    """The talk as a JSON-ready dict with exactly :data:`TALK_KEYS`.  ``plain`` is the
    abstract and the bio as plain text, when they are known already."""
    if plain is None:
        from .reader.text.plain import markdown_to_plain  # noqa: PLC0415 - a build loads it late

        plain = markdown_to_plain(talk.abstract), markdown_to_plain(talk.bio)

    return {
        "id": talk.id,
        "title": talk.title,
        "kind": talk.kind,
        "speakers": [speaker.as_json() for speaker in talk.speakers],
        "roles": [role.as_json() for role in talk.roles],
        "start": format_moment(talk.start),
        "end": format_moment(talk.end),
        "sessions": [
            {"start": format_moment(s.start), "end": format_moment(s.end)} for s in talk.sessions
        ],
        "timezone": talk.timezone,
        "venue": talk.venue,
        "address": talk.address.as_json() if talk.address else None,
        "online_url": talk.online_url,
        "series": talk.series,
        "abstract": plain[0],
        "references": list(talk.references),
        "bio": plain[1],
        "links": dict(talk.links),
        "tags": list(talk.tags),
        "permalink": talk.permalink,
        "status": talk.status,
        "rescheduled_to": (
            talk.rescheduled_to
            if isinstance(talk.rescheduled_to, str)
            else format_moment(talk.rescheduled_to)
        ),
        "image": talk.image.as_json() if talk.image else None,
        "source": talk.source,
        "problems": [problem.as_json() for problem in talk.problems],
    }
