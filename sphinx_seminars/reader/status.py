"""Whether a talk takes place as announced: ``status: cancelled | postponed | rescheduled``,
a title marked "Cancelled: ...", and ``rescheduled_to`` (the replacing talk's id, or the new
date and time)."""

from __future__ import annotations

import datetime as dt
import re

from ..model import STATUSES
from ..problems import Code
from .draft import Draft
from .when import when_from_fields

#: Words of a status value or title mark -> the status they mean (None: as announced).
_WORDS: dict[str, str | None] = {
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "cancel": "cancelled",
    "called off": "cancelled",
    "postponed": "postponed",
    "deferred": "postponed",
    "rescheduled": "rescheduled",
    "moved": "rescheduled",
    "new date": "rescheduled",
    "confirmed": None,
    "scheduled": None,
    "tentative": None,
    "as planned": None,
}
_TITLE_MARK = re.compile(
    r"^\s*[\[(]?\s*(cancel+ed|postponed|rescheduled)\s*[\])]?\s*[:!\-–—]\s*", re.IGNORECASE
)


def talk_status(draft: Draft) -> str | None:
    """The status a talk file states in its ``status`` key (a ``status`` warning when it is
    none of :data:`STATUSES`)."""
    key, value = draft.text("status")
    if not key or not value:
        return None
    words = " ".join(value.lower().replace("_", " ").split())
    if words in _WORDS:
        return _WORDS[words]
    known = ", ".join(STATUSES)
    message = f"status '{value[:40]}' is none of {known}; the talk is taken as announced"
    draft.complain(key, message, Code.STATUS)
    return None


def status_in_title(title: str) -> tuple[str | None, str]:
    """A status marked at the start of a title ("CANCELLED: Grain growth") and the title
    without the mark."""
    match = _TITLE_MARK.match(title)
    if match is None or not title[match.end() :].strip():
        return None, title
    word = match.group(1).lower()
    return ("cancelled" if word.startswith("cancel") else word), title[match.end() :].strip()


def rescheduled_to(
    draft: Draft, default_timezone: str | None
) -> str | dt.datetime | dt.date | None:
    """Where a rescheduled talk went: a new date and time (read like ``date``), or the id
    of the talk that replaces it."""
    key, value = draft.value("rescheduled_to")
    if not key or value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)) or (
        isinstance(value, str) and re.match(r"\s*\d{4}-\d{1,2}-\d{1,2}", value)
    ):
        when = when_from_fields(date=value, default_timezone=default_timezone)
        if when.start is not None:
            return when.start
    text = draft.key_text(key)
    return text.strip("/").rsplit("/", 1)[-1] if text else None
