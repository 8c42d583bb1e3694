"""How dates and times of talks are written, the same on talk pages, in listings and on cards:
``seminar_date_format`` and ``seminar_time_format`` in the site's ``language`` (month and
weekday names from Babel, which Sphinx installs)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from .model import Session, Talk

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@functools.lru_cache(maxsize=16)
def _names(language: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Month and weekday names (in the nominative, as standing alone) of a language."""
    if language.split("_", maxsplit=1)[0].split("-", maxsplit=1)[0] in ("", "en"):
        return MONTHS, WEEKDAYS
    try:
        from babel import Locale, UnknownLocaleError  # noqa: PLC0415 - only for other languages
        from babel.dates import get_day_names, get_month_names  # noqa: PLC0415
    except ImportError:  # pragma: no cover - Sphinx depends on Babel
        return MONTHS, WEEKDAYS
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return MONTHS, WEEKDAYS
    months = get_month_names("wide", context="format", locale=locale)
    days = get_day_names("wide", context="format", locale=locale)
    return tuple(months[m] for m in range(1, 13)), tuple(days[d] for d in range(7))


@dataclass(frozen=True)
class DateStyle:
    """The site's way of writing dates and times."""

    date_format: str = "{weekday} {day} {month} {year}"
    time_format: str = "%H:%M"
    language: str = "en"

    def date(self, day: dt.date) -> str:
        months, weekdays = _names(self.language)
        return self.date_format.format(
            weekday=weekdays[day.weekday()], day=day.day, month=months[day.month - 1], year=day.year
        )

    def time(self, moment: dt.datetime) -> str:
        return moment.strftime(self.time_format)

    def when(self, talk: Talk) -> str:
        """``Thursday 9 January 2025, 15:00–16:00 IST``; a talk without a time shows its days
        only; an event of daily sessions its days and daily time."""
        if len(talk.sessions) > 1 and _daily(talk.sessions):
            return self.sessions(talk.sessions)
        start, end = talk.start, talk.end
        if start is None:
            return ""
        if not isinstance(start, dt.datetime):
            text = self.date(start)
            if end is not None and end != start:
                text += f" – {self.date(_day(end))}"
            return text
        text = f"{self.date(start.date())}, {self.time(start)}"
        if isinstance(end, dt.datetime):
            if end.date() == start.date():
                text += f"–{self.time(end)}"
            else:
                text += f" – {self.date(end.date())}, {self.time(end)}"
        return text + zone_abbreviation(start)

    def sessions(self, sessions: tuple[Session, ...]) -> str:
        """``15 March 2023 – 27 March 2023, daily 17:00–18:30 IST``."""
        first, last = sessions[0], sessions[-1]
        text = f"{self.date(_day(first.start))} – {self.date(_day(last.start))}"
        if isinstance(first.start, dt.datetime):
            text += f", daily {self.time(first.start)}"
            if isinstance(first.end, dt.datetime):
                text += f"–{self.time(first.end)}"
            text += zone_abbreviation(first.start)
        return text


def zone_abbreviation(moment: dt.datetime) -> str:
    """`` IST``: the zone's abbreviation on that day, when it has one (not an offset)."""
    zone = moment.tzname() if moment.tzinfo else None
    if zone and not zone.startswith(("+", "-", "UTC+", "UTC-")) and zone != "UTC":
        return f" {zone}"
    return ""


def utc_offset(moment: dt.datetime) -> str:
    """``UTC+05:30``: a moment's offset, or ``""`` for a time without a zone."""
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def zone_text(talk: Talk) -> str:
    """``(Asia/Kolkata, UTC+05:30)``: the talk's zone and offset on its own date."""
    if not isinstance(talk.start, dt.datetime):
        return ""
    parts = [p for p in (talk.timezone, utc_offset(talk.start)) if p]
    return f" ({', '.join(parts)})" if parts else ""


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _daily(sessions: tuple[Session, ...]) -> bool:
    """Whether every session is at the same time of day."""
    times = {
        (s.start.timetz() if isinstance(s.start, dt.datetime) else None,
         s.end.timetz() if isinstance(s.end, dt.datetime) else None)
        for s in sessions
    }  # fmt: skip
    return len(times) == 1
