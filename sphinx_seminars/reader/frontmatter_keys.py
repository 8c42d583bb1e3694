"""The front-matter keys the reader knows, grouped by what they give, and the check of the rest."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping

from ..model import Problem
from ..problems import Code

#: Front-matter keys the reader uses, grouped by what they give.
KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "id": ("id", "slug"),
    "permalink": ("permalink", "url"),
    "speakers": ("speakers", "speaker", "authors", "author", "presenter", "instructor"),
    "speaker_fields": ("affiliation", "position", "honorific", "speaker_id"),
    "start": ("event_start", "time_start", "start", "date"),
    "time": ("time", "start_time"),
    "end": ("event_end", "time_end", "date_end", "end"),
    "end_time": ("end_time",),
    "timezone": ("timezone", "time_zone", "tz"),
    "venue": ("venue", "location", "room", "place", "address"),
    "online_url": ("online_url", "zoom", "meeting_url", "meeting", "stream", "livestream"),
    "abstract": ("abstract", "summary", "abstract_short", "description", "excerpt"),
    "bio": ("bio", "biography"),
    "series": ("series", "event_name", "event"),
    "tags": ("tags", "keywords", "categories"),
    "links": ("links",),
}
#: Link keys of the common formats, and the name each link is shown under.
LINK_KEYS = {
    "slides": "slides",
    "slidesurl": "slides",
    "url_slides": "slides",
    "video": "video",
    "videourl": "video",
    "url_video": "video",
    "recording": "video",
    "url_pdf": "pdf",
    "url_code": "code",
    "talkurl": "talk",
    "event_url": "event",
    "paperurl": "paper",
}
#: Keys of the common formats that carry nothing for a talk page; accepted silently.
IGNORED_KEYS = frozenset(
    (
        "type",
        "collection",
        "last_modified_at",
        "lastmod",
        "publishDate",
        "date_modified",
        "draft",
        "featured",
        "image",
        "projects",
        "all_day",
        "event_all_day",
        "layout",
        "weight",
        "math",
        "header",
        "author_profile",
        "toc",
        "sidebar",
        "share",
        "comments",
        "related",
        "classes",
        "excerpt_separator",
        "published",
        "status",
        "host",
        "chair",
    )
)
KNOWN_KEYS = frozenset(
    {key for keys in KEYS.values() for key in keys} | set(LINK_KEYS) | IGNORED_KEYS
)
#: The longest text read for a group of keys (characters); what is longer is cut, because
#: no honest value is that long and the field parsers need not be fast on megabytes.
TEXT_LIMITS: dict[str, int] = {
    "title": 500,
    "id": 200,
    "permalink": 500,
    "speakers": 4000,
    "speaker_fields": 1000,
    "start": 200,
    "time": 200,
    "end": 200,
    "end_time": 200,
    "timezone": 100,
    "venue": 1000,
    "online_url": 2000,
    "series": 500,
    "tags": 200,
    "links": 2000,
}


def group_of(key: str) -> str | None:
    """The group a key belongs to (``"speaker"`` -> ``"speakers"``), or None."""
    if key in LINK_KEYS:
        return "links"
    return next((group for group, keys in KEYS.items() if key in keys), None)


def unknown_keys(data: Mapping[str, object], line_of: Callable[[str], int]) -> list[Problem]:
    """An ``unknown-key`` warning for each key the reader does not know, with a suggestion."""
    problems = []
    known = sorted(KNOWN_KEYS)
    for key in data:
        if key in KNOWN_KEYS:
            continue
        close = difflib.get_close_matches(key[:100], known, n=1, cutoff=0.75)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        shown = key if len(key) <= 60 else key[:59] + "…"
        message = f"unknown front-matter key '{shown}'{hint}"
        problems.append(Problem(line_of(key), Code.UNKNOWN_KEY, message))
    return problems
