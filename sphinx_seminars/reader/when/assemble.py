"""Assembly: a :class:`When` from a reading whose date is known, its times as wall times in
the talk's zone (daylight saving from :mod:`zoneinfo` for the talk's own date)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ...model import Problem, Session
from ...problems import Code
from .reading import Reading
from .report import Report
from .zones import Zone, zone_for


@dataclass(frozen=True)
class When:
    """When a talk happens.

    ``start`` is an aware ``datetime`` when a time and a zone are known, a naive one when
    only the zone is missing, a ``date`` when only the day is known, or ``None``.
    ``timezone`` is an IANA name, or ``None`` (unknown, or only a numeric offset was given).
    ``problems`` are at the lines the reader was given for the date, the time and the zone.
    """

    start: dt.datetime | dt.date | None
    end: dt.datetime | dt.date | None
    timezone: str | None
    problems: tuple[Problem, ...] = ()
    weekday: int | None = None
    """The weekday (0-6, Monday first) written next to the start date, if any."""
    sessions: tuple[Session, ...] = ()
    """The daily sessions of an event held on several days (``start`` is the first one's
    start, ``end`` the last one's end); empty for a single event."""


def _real_moment(moment: dt.datetime, report: Report) -> dt.datetime:
    """The moment itself; or, for a local time in a daylight-saving gap (it never happens),
    the time the clocks show at that moment (02:30 for 01:30 when they go forward at 01:00),
    with a problem."""
    if not isinstance(moment.tzinfo, ZoneInfo):
        return moment
    try:
        real = moment.astimezone(dt.timezone.utc).astimezone(moment.tzinfo)
    except OverflowError:  # in UTC, a moment of the first or last day leaves the calendar
        return moment
    if real.replace(tzinfo=None) == moment.replace(tzinfo=None):
        later = moment.replace(fold=1)
        if later.utcoffset() != moment.utcoffset():
            report.time(
                f"{moment:%H:%M} happens twice on {moment:%Y-%m-%d} in {moment.tzinfo.key}"
                f" (clocks go back); read as the first, {_utc_offset(moment)}"
            )
        return moment
    report.time(
        f"{moment:%H:%M} does not exist on {moment:%Y-%m-%d} in {moment.tzinfo.key}"
        f" (clocks go forward); read as {real:%H:%M}"
    )
    return real


def _utc_offset(moment: dt.datetime) -> str:
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}"


def _check_offset(
    moment: dt.datetime, name: str | None, stated: Zone | None, report: Report
) -> None:
    """A problem when an offset written next to a zone name disagrees with it on that day."""
    if stated is None or name is None or moment.utcoffset() == stated.offset:
        return
    actual = moment.strftime("%z")
    report.zone(
        Code.TIMEZONE,
        f"{stated.raw!r} does not match {name} on {moment:%Y-%m-%d}"
        f" (UTC{actual[:3]}:{actual[3:]}); used {name}",
    )


def assemble(reading: Reading, display: Zone | None, default: str | None, report: Report) -> When:
    """Build the When of a reading whose start date is known.

    The times are wall times in ``reading.zone`` (else ``display``, else the default); the
    result is shown in ``display`` when given (an aware value converted to the stated zone).
    """
    day = reading.start_date
    assert day is not None
    if reading.unknown and reading.zone is None:
        report.zone(Code.TIMEZONE, f"unknown time zone {reading.unknown!r}")
    wall = reading.zone if reading.zone is not None and reading.zone.stated else display
    name, tzinfo = zone_for(wall, default, day, report)
    if reading.start_time is None:
        if display is not None and display is not wall:
            name, _ = zone_for(display, default, day, report)
        return When(day, reading.end_date, name, tuple(report.problems), reading.weekday)
    if tzinfo is None and not report.has(Code.TIMEZONE):
        report.zone(Code.TIMEZONE, "no time zone given")
    wall_start = dt.datetime.combine(day, reading.start_time, tzinfo=tzinfo)
    start = _real_moment(wall_start, report)
    if tzinfo:
        _check_offset(start, name, reading.cross_check, report)
    end = _end(reading, wall_start, default, report)
    if display is not None and wall is not display and tzinfo is not None:
        name, shown = zone_for(display, default, day, report)
        if shown is not None:
            start = start.astimezone(shown)
            end = end.astimezone(shown) if isinstance(end, dt.datetime) else end
    return When(start, end, name, tuple(report.problems), reading.weekday)


#: The longest a talk past midnight runs: an end earlier than the start that makes it
#: longer is a mistake ("15:00" to "14:00"), not a night.
_LONGEST_NIGHT = dt.timedelta(hours=12)


def _end(
    reading: Reading, start: dt.datetime, default: str | None, report: Report
) -> dt.datetime | dt.date | None:
    """The end: a time on the start day (the next day when it is earlier and the night
    short), a moment, or a date; an end that is not after the start is none."""
    if reading.end_time is None:
        return reading.end_date
    day = reading.end_date or start.date()
    tzinfo = start.tzinfo
    if tzinfo is not None and reading.end_zone is not None and reading.end_zone.stated:
        _, tzinfo = zone_for(reading.end_zone, default, day, report)
    end = dt.datetime.combine(day, reading.end_time, tzinfo=tzinfo)
    if reading.end_date is None and end <= start:
        overnight = dt.datetime.combine(day + dt.timedelta(days=1), reading.end_time, tzinfo)
        if overnight - start > _LONGEST_NIGHT or end == start:  # "15:00-15:00", "15:00-14:00"
            report.time(f"the end ({reading.end_time:%H:%M}) is not after the start; ignored")
            return None
        end = overnight  # "23:00-01:00" ends the next day
    end = _real_moment(end, report)
    return end.astimezone(start.tzinfo) if start.tzinfo is not None else end
