"""Reading the free text of a "When" section, and a zone written on its own."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ...model import Problem
from ...problems import Code
from .assemble import When, assemble
from .dates import borrow_years, find_dates
from .reading import Reading, read
from .report import Report, WhenLines
from .sessions import session_days, sessions_on
from .text import clean, shorten
from .times import choose_time, find_times
from .zones import default_zone, lookup_zone, settle, zone_for


def parse_when(text: str, *, default_timezone: str | None = None, line: int = 0) -> When:
    """Read the plain text of a "When" section (tags already removed) that starts at ``line``."""
    report = Report(WhenLines.at(line))
    default = default_zone(default_timezone, report)
    cleaned = clean(text)
    reading = read(cleaned, report)
    if reading.start_date is None:
        return _no_date(reading, cleaned, default, report)
    last = reading.end_date
    if reading.start_time is None or last is None:
        return assemble(reading, None, default, report)
    reading.end_date = None  # the first session; then one on each day of the range
    first = assemble(reading, None, default, report)
    if not isinstance(first.start, dt.datetime):
        return first
    days = session_days(cleaned, first.start.date(), last, report)
    sessions = sessions_on(days, first.start, first.end)
    if not sessions:
        return first
    return replace(
        first,
        end=sessions[-1].end or sessions[-1].start,
        sessions=sessions,
        problems=tuple(report.problems),
    )


def first_dates(text: str) -> tuple[dt.date, dt.date | None] | None:
    """The first full date a text names (and the last day of its range: "21-23 December
    2022"), reading dates only; None when it names none."""
    cleaned = clean(text)
    hits = find_dates(cleaned, Report())
    borrow_years(cleaned, hits)
    for hit in hits:
        day = hit.date(None)
        if day is not None:
            return day, hit.last_date()
    return None


def mentions_a_moment(text: str) -> bool:
    """Whether a text names a day and month (a year not needed) or a time of day."""
    cleaned = clean(text)
    if find_dates(cleaned, Report()):
        return True
    return choose_time(cleaned, find_times(cleaned), Report()) is not None


def _no_date(reading: Reading, text: str, default: str | None, report: Report) -> When:
    """The When of a text without a usable date."""
    if reading.yearless:
        report.date(Code.DATE, f"no year in {reading.yearless!r}")
    elif not report.has(Code.DATE):
        report.date(Code.DATE, f"cannot read a date in {shorten(text)!r}")
    name, _ = zone_for(reading.zone, default, None, report)
    return When(None, None, name, tuple(report.problems))


def resolve_timezone(
    text: str, *, default_timezone: str | None = None, line: int = 0
) -> tuple[str | None, tuple[Problem, ...]]:
    """Map a zone text (name, abbreviation, IANA name, offset) to an IANA name and problems.

    A zero offset is "UTC"; another bare offset has no IANA name (None).  Unknown text gives
    a "timezone" problem and the default.
    """
    report = Report(WhenLines.at(line))
    default = default_zone(default_timezone, report)
    cleaned = clean(text)
    if not cleaned:
        return default, tuple(report.problems)
    zone = lookup_zone(cleaned) or read(cleaned, Report()).zone
    if zone is None:
        report.zone(Code.TIMEZONE, f"unknown time zone {shorten(cleaned)!r}")
        return default, tuple(report.problems)
    name, _ = settle(zone, default, None, report)
    return name, tuple(report.problems)
