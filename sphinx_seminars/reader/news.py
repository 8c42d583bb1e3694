"""Whether a file describes an event at all: award and site news ("Prof. X wins the Y award")
name no date, time, speaker or place, and are not talks."""

from __future__ import annotations

import re

from ..model import KINDS
from .draft import Draft
from .frontmatter_keys import KEYS
from .kinds import kind_from_names
from .sections import Part
from .text.plain import strip_html
from .when import mentions_a_moment

#: Front-matter groups whose value says that something happens at a time or place.
_EVENT_GROUPS = ("start", "time", "end", "speakers", "venue", "online_url", "roles", "talk_title")
#: Body parts that say so.
_EVENT_PARTS = frozenset(Part) - {Part.PREAMBLE, Part.OTHER}
#: "The venue will be ...", "Venue: ...", in prose.
_VENUE_PHRASE = re.compile(
    r"\bvenue\s*(?:will be|would be|is|:)\s*(?:the\s+)?(?P<place>[^.\n<]{3,120})", re.IGNORECASE
)
#: Kinds that a file's name gives only to events.
_EVENT_KINDS = frozenset(KINDS) - {"talk", "poster"}
_NEWS_WORDS = re.compile(r"award|prize|medal|fellow|news|congratulat|honou?r", re.IGNORECASE)
#: Categories and tags of posts that are not events.
_FILED_AS_NEWS = re.compile(
    r"\b(?:news|announcements?|(?:open[- ])?positions?|jobs?|vacanc(?:y|ies)|awards?|prizes?"
    r"|obituar(?:y|ies)|in memoriam)\b",
    re.IGNORECASE,
)
#: How much of a body is read for signs of an event (characters).
_WINDOW = 1500


def _named_as_event(source: str) -> bool:
    """Whether a file's name says it is an event ("seminar", "defence", "workshop"; not
    "poster" or "talk", which name awards too, nor a name with "award" or "prize")."""
    name = source.replace("\\", "/").rpartition("/")[2].lower()
    if _NEWS_WORDS.search(name):
        return False
    return kind_from_names("", name) in _EVENT_KINDS


def _filed_as_news(draft: Draft) -> bool:
    """Whether the file's categories, tags or type file it as news, a job or an award."""
    words = []
    for group in ("kind", "tags"):
        for key in KEYS[group]:
            value = draft.matter.data.get(key)
            values = value if isinstance(value, list) else [value]
            words += [item for item in values if isinstance(item, str)]
    return bool(words) and any(_FILED_AS_NEWS.search(word) for word in words)


def prose_venue(draft: Draft) -> str | None:
    """The place a body's prose names ("The venue will be KP Abraham Auditorium.")."""
    match = _VENUE_PHRASE.search(strip_html(draft.matter.body[:_WINDOW]))
    return match["place"].strip(" ,;:") if match else None


def describes_an_event(draft: Draft) -> bool:
    """Whether the file says when, where or by whom something happens: a date, time,
    speaker, place or link key or section, a file name that names an event
    ("2023-01-05-seminar-x.md"), or a day and month, a time of day or a venue in its prose."""
    if any(s.part in _EVENT_PARTS and s.has_text for s in draft.sections):
        return True
    keys = [key for key in (draft.value(group)[0] for group in _EVENT_GROUPS) if key]
    if keys and keys != ["date"]:
        return True
    if _filed_as_news(draft):
        return False  # a post filed as news has a date: the day it was posted
    if keys:
        return True
    if _named_as_event(draft.source):
        return True
    prose = strip_html(draft.matter.body[:_WINDOW])
    return bool(prose) and (mentions_a_moment(prose) or prose_venue(draft) is not None)
