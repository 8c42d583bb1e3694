"""How times are written in calendars: in the talk's IANA zone when that names one instant,
else in UTC; durations in real time; no arithmetic past the ends of the calendar."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: The years whose times are written in their own zone; outside them (and for the edges of
#: the calendar, 0001 and 9999), UTC: a VTIMEZONE for a thousand years would be absurd.
ZONED_YEARS = (1900, 2200)


def as_utc(moment: dt.datetime) -> dt.datetime | None:
    """An aware moment in UTC; None when it cannot be (a year outside 1 to 9999 in UTC)."""
    try:
        return moment.astimezone(dt.timezone.utc)
    except (OverflowError, ValueError):
        return None


def _wall_time_is_unique(moment: dt.datetime) -> bool:
    """Whether a zoned wall time names one instant: not in the hour the clocks repeat when
    they go back, and not in the hour they skip when they go forward."""
    try:
        other = moment.replace(fold=1 - moment.fold)
        round_trip = moment.astimezone(dt.timezone.utc).astimezone(moment.tzinfo)
    except (OverflowError, ValueError):
        return False
    same_wall_time = round_trip.replace(fold=0) == moment.replace(fold=0)
    return other.utcoffset() == moment.utcoffset() and same_wall_time


def calendar_moment(moment: dt.datetime, zone: str | None) -> tuple[dt.datetime, str | None]:
    """How a moment is written in a calendar: in its IANA zone (with TZID and VTIMEZONE) when
    the talk names one, the year is within :data:`ZONED_YEARS` and its wall time names one
    instant; else in UTC.  A time with only an offset (``+01:00``) is written in UTC, so no
    calendar guesses a zone from the offset.  Returns the moment and the TZID used."""
    if moment.tzinfo is None:
        return moment, None  # floating: a talk whose zone is not known
    utc = as_utc(moment)
    if utc is None:
        return moment.replace(tzinfo=None), None
    if zone is None or zone in ("UTC", "GMT") or not ZONED_YEARS[0] <= utc.year <= ZONED_YEARS[1]:
        return utc, None
    try:
        zoned = utc.astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError, OverflowError):
        return utc, None
    if not _wall_time_is_unique(zoned):
        return utc, None
    return zoned, zone


def end_after(start: dt.datetime, minutes: int) -> dt.datetime | None:
    """``minutes`` after ``start`` in real time (not on the wall clock of a day when the
    clocks change), or None past the end of the calendar."""
    utc = as_utc(start)
    if utc is None:
        return None
    try:
        return utc + dt.timedelta(minutes=minutes)
    except OverflowError:
        return None


def next_day(day: dt.date) -> dt.date | None:
    """The day after, or None after the last day of the calendar."""
    try:
        return day + dt.timedelta(days=1)
    except OverflowError:
        return None


def days_before(day: dt.date, days: int) -> dt.date | None:
    """The day ``days`` before, or None before the first day of the calendar."""
    try:
        return day - dt.timedelta(days=days)
    except OverflowError:
        return None
