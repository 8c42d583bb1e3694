"""What one text says about when: the dates, times and zones its grammars find, put together
into a :class:`Reading` (the first full date, the talk's time, the zone of that time)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from .dates import DateHit, borrow_years, check_weekday, dates_joined, find_dates
from .report import Report
from .text import mask
from .times import TimeChoice, choose_time, find_times
from .zone_text import ZoneHit, find_offsets, find_zone_names, trailing_unknown
from .zones import REFERENCE_YEAR, Zone


@dataclass
class Reading:
    """What one text (or front-matter value) says; assembled into a When later."""

    start_date: dt.date | None = None
    end_date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    zone: Zone | None = None  # the zone of the times (None: not stated)
    end_zone: Zone | None = None  # the end's own zone, when it differs
    cross_check: Zone | None = None  # an offset stated next to a named zone
    unknown: str | None = None  # a zone-like text that names no zone
    yearless: str | None = None  # a date written without a year, when no full date
    weekday: int | None = None  # the weekday (0-6) written next to the start date


def read(text: str, report: Report) -> Reading:
    """Dates, times and zones of a cleaned text."""
    reading = Reading()
    dates = find_dates(text, report)
    borrow_years(text, dates)
    masked = text
    for hit in dates:
        masked = mask(masked, hit.start, hit.end)
    _read_dates(text, dates, reading, report)
    offsets, masked = find_offsets(masked)
    times = find_times(masked)
    choice = choose_time(masked, times, report)
    for time_hit in times:
        masked = mask(masked, time_hit.start, time_hit.end)
    zones = sorted(offsets + find_zone_names(masked, times), key=lambda hit: hit.start)
    zones += trailing_unknown(masked, times) if not zones else []
    if choice is not None:
        reading.start_time, reading.end_time = choice.start, choice.end
        if choice.zulu:
            zones.insert(0, ZoneHit(choice.position, "Z", Zone("Z", offset=dt.timedelta(0))))
    _read_zone(zones, choice, reading)
    if choice is None and ":" in masked:
        impossible = next((m[0] for m in _CLOCK.finditer(masked) if not _possible(m)), None)
        if impossible is not None:
            report.time(f"no such time of day: {impossible!r}; ignored")
    return reading


#: A clock time written with a colon ("25:00", "3:75 PM"), not part of a longer number.
_CLOCK = re.compile(r"(?<![\d:.])(\d{1,2}):(\d{2})(?![\d:])")


def _possible(match: re.Match[str]) -> bool:
    return int(match[1]) < 24 and int(match[2]) < 60


def _read_dates(text: str, hits: list[DateHit], reading: Reading, report: Report) -> None:
    """The first full date (and the end of a date range), checking written weekdays."""
    full = [hit for hit in hits if hit.year is not None]
    if not full:
        reading.yearless = hits[0].raw if hits else None
        return
    first = full[0]
    reading.start_date = first.date(report)
    reading.end_date = first.last_date()
    following = full[1] if len(full) > 1 else None
    if following and reading.end_date is None and dates_joined(text, first, following):
        reading.end_date = following.date(report)
    for hit in full:
        day = hit.date(None)
        if day is not None and hit.first_day is None:
            stated = check_weekday(text, hit, day, report)
            if hit is first:
                reading.weekday = stated


def _read_zone(hits: list[ZoneHit], choice: TimeChoice | None, reading: Reading) -> None:
    """The zone of the talk's time: named before offset, nearest after the time first."""
    if choice is not None:
        near = [hit for hit in hits if choice.position <= hit.start < choice.until]
        hits = near or hits
    named = [hit.zone for hit in hits if hit.zone is not None and hit.zone.candidates]
    offsets = [hit.zone for hit in hits if hit.zone is not None and hit.zone.offset is not None]
    unknown = [hit.raw for hit in hits if hit.zone is None]
    stated = named or offsets
    reading.zone = stated[0] if stated else None
    reading.cross_check = offsets[0] if named and offsets else None
    if reading.zone is not None and reading.cross_check is not None:
        reading.zone = _narrow(reading.zone, reading.cross_check, reading.start_date)
    reading.unknown = unknown[0] if unknown and reading.zone is None else None


def _narrow(zone: Zone, stated: Zone, on: dt.date | None) -> Zone:
    """Keep the readings of an ambiguous zone that have the offset written next to it."""
    if not zone.ambiguous or stated.offset is None:
        return zone
    moment = dt.datetime.combine(on or dt.date(REFERENCE_YEAR, 1, 15), dt.time(12))
    fitting = tuple(
        name
        for name in zone.candidates
        if moment.replace(tzinfo=ZoneInfo(name)).utcoffset() == stated.offset
    )
    if not fitting:
        return zone
    return replace(zone, candidates=fitting, ambiguous=len(fitting) > 1)
