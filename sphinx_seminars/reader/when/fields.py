"""Reading front-matter values of any type (YAML or TOML dates, datetimes, times, numbers
and strings) for the date, time, end and zone of a talk."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from ...problems import Code
from .assemble import When, assemble
from .free_text import parse_when
from .reading import Reading, read
from .report import Report, WhenLines
from .text import clean, shorten
from .zones import Zone, default_zone, lookup_zone, zone_for

#: A time written as three or four digits ("0930", "1400"), without a colon.
_DIGITS_ONLY = re.compile(r"\d{3,4}")


def _zone_of(value: dt.datetime | dt.time) -> Zone | None:
    """The zone an aware datetime or time carries."""
    if isinstance(value.tzinfo, ZoneInfo):
        return Zone(value.tzinfo.key, (value.tzinfo.key,))
    offset = value.utcoffset()
    return None if offset is None else Zone(str(value.tzinfo), offset=offset)


def _naive(value: dt.time) -> dt.time:
    return value.replace(tzinfo=None)


def _number_as_time(value: int | float, report: Report, written: str = "") -> Reading:
    """A number in a time field (``written`` as in the file): 14 is 14:00, 1400 and 930 are
    14:00 and 09:30 (24-hour clock without a colon), 10.3 is 10:30."""
    written = written or repr(value)
    if isinstance(value, int) and 0 <= value < 24:
        hour, minute = value, 0
    elif isinstance(value, int) and 100 <= value < 2400:
        hour, minute = divmod(value, 100)
    elif isinstance(value, float) and 0 <= value < 24:
        hour, minute = int(value), round((value - int(value)) * 100)
    else:
        report.time(f"cannot read a time in {written}; ignored")
        return Reading()
    if minute > 59:
        report.time(f"cannot read a time in {written}; ignored")
        return Reading()
    clock = f"{hour:02d}:{minute:02d}"
    report.time(f'time {written} read as {clock}; write it as "{clock}"')
    return Reading(start_time=dt.time(hour, minute))


def _text_value(value: str, label: str, clock: bool, report: Report) -> Reading:
    """Read a front-matter string: a date, a time, or both with a zone."""
    text = clean(value)
    if not text:
        return Reading()
    said = len(report.problems)
    reading = read(text, report)
    if clock and reading.start_time is None and len(report.problems) == said:
        report.time(f"cannot read a time in {label} {shorten(text)!r}; ignored")
    elif not clock and reading.start_date is None and reading.start_time is None:
        what = (
            f"no year in {reading.yearless!r}"
            if reading.yearless
            else f"cannot read a date in {shorten(text)!r}"
        )
        report.date(Code.DATE, f"{what} ({label}); ignored")
    return reading


def _field_value(value: object, label: str, clock: bool, report: Report) -> Reading:
    """Read one front-matter value of any type; wrong types give a problem and nothing."""
    if value is None or value == "":
        return Reading()
    if isinstance(value, dt.datetime):
        return Reading(value.date(), None, _naive(value.time()), None, _zone_of(value))
    if isinstance(value, dt.date):
        return Reading(start_date=value)
    if isinstance(value, dt.time):
        return Reading(start_time=_naive(value), zone=_zone_of(value))
    if isinstance(value, str) and clock and _DIGITS_ONLY.fullmatch(value.strip()):
        return _number_as_time(int(value), report, written=value.strip())
    if isinstance(value, str):
        return _text_value(value, label, clock, report)
    if clock and isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_as_time(value, report)
    kind = "a time" if clock else "a date"
    message = f"{label} should be {kind} or a string, not {type(value).__name__}; ignored"
    if clock:
        report.time(message)
    else:
        report.date(Code.DATE, message)
    return Reading()


def time_without_date(value: object) -> bool:
    """Whether a front-matter value gives a time of day and no date (``start: "12:30"``)."""
    if value is None or value == "" or isinstance(value, dt.date | bool):
        return False
    reading = _field_value(value, "time", True, Report(WhenLines()))
    return reading.start_time is not None and reading.start_date is None


def _sessions_alone(value: object, reading: Reading) -> bool:
    """Whether a ``date`` text, as read, names several days and a time of day: sessions."""
    return isinstance(value, str) and reading.start_time is not None and bool(reading.end_date)


def _not_text(value: object) -> bool:
    return value is not None and not isinstance(value, str)


def _field_zone(value: object, report: Report) -> Zone | None:
    """The zone named by a ``timezone`` field."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        message = f"timezone should be a string, not {type(value).__name__}; ignored"
        report.zone(Code.TIMEZONE, message)
        return None
    text = clean(value)
    zone = lookup_zone(text) or read(text, Report()).zone
    if zone is None:
        report.zone(Code.TIMEZONE, f"unknown time zone {shorten(text)!r}")
    return zone


def _merge_end(reading: Reading, last: Reading, last_clock: Reading) -> None:
    """Fill the end of ``reading`` from the end field (moment, date or time) and end_time."""
    if last.start_date is not None:
        reading.end_date = last.start_date
        reading.end_time = last.start_time
    elif last.start_time is not None:
        reading.end_time = last.start_time
    if last.zone is not None:
        reading.end_zone = last.zone
    if last_clock.start_time is not None:
        reading.end_time = last_clock.start_time
        reading.end_zone = last_clock.zone or reading.end_zone
    if reading.end_date is not None and reading.start_time is not None and reading.end_time is None:
        reading.end_date = None if reading.end_date == reading.start_date else reading.end_date


def when_from_fields(
    *,
    date: object = None,
    time: object = None,
    end: object = None,
    end_time: object = None,
    timezone: object = None,
    default_timezone: str | None = None,
    lines: WhenLines | None = None,
) -> When:
    """Read front-matter values (any type, straight from YAML or TOML); never raises.

    ``lines`` are the file lines of the date, time and zone keys, for the problems.
    """
    report = Report(lines or WhenLines())
    first = _field_value(date, "date", False, report)
    if _sessions_alone(date, first) and not (time or end or end_time or _not_text(timezone)):
        # "4th and 5th March 2025, 4pm-6.30pm": a session a day, as in a "When" section
        text = f"{date} ({timezone})" if timezone else str(date)
        return parse_when(text, default_timezone=default_timezone, line=report.lines.date)
    default = default_zone(default_timezone, report)
    stated = _field_zone(timezone, report)
    clock = _field_value(time, "time", True, report)
    last = _field_value(end, "end", False, report)
    last_clock = _field_value(end_time, "end_time", True, report)
    timed = clock if clock.start_time is not None else first
    reading = Reading(
        start_date=first.start_date or clock.start_date,
        start_time=timed.start_time,
        end_time=timed.end_time,
        zone=timed.zone or first.zone,
        cross_check=timed.cross_check,
        unknown=None if stated else timed.unknown,
    )
    if first.end_date is not None and reading.start_time is None:
        reading.end_date = first.end_date
    _merge_end(reading, last, last_clock)
    if reading.start_date is None:
        if not report.has(Code.DATE):
            report.date(
                Code.DATE, "a time is given but no date" if reading.start_time else "no date given"
            )
        name, _ = zone_for(stated or reading.zone, default, None, report)
        return When(None, None, name, tuple(report.problems))
    return assemble(reading, stated, default, report)
