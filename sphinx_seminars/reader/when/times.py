"""The time grammar: times of day ("3.00 PM", "15:00", "noon"), ranges that share am/pm
("5 to 6:30 PM"), and the choice of the talk's time among the times of a text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import joined
from .report import Report

_TIME = re.compile(
    r"(?<![\d.:/])(?P<hour>\d{1,2})(?:(?P<sep>[:.h])(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?(?!\d)"
    r"(?P<zulu>Z(?![a-z]))?"
    r"(?:\s*(?P<meridiem>[ap])\.?\s?m\b\.?|\s*(?P<noon>noon)\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimeHit:
    """One time of day found in the text."""

    start: int
    end: int
    raw: str
    hour: int
    minute: int
    second: int
    meridiem: str | None  # "a", "p" or None
    strong: bool  # written as a time ("3 pm", "15:00"), not a bare number
    zulu: bool


def find_times(text: str) -> list[TimeHit]:
    """Every time of day and bare hour in the text, in order."""
    hits = []
    for match in _TIME.finditer(text):
        hour, minute, second = (
            int(match["hour"]),
            int(match["minute"] or 0),
            int(match["second"] or 0),
        )
        if hour > 23 or minute > 59 or second > 59:
            continue
        meridiem = "p" if match["noon"] else (match["meridiem"] or "").lower() or None
        strong = bool(match["minute"] or meridiem or match["zulu"])
        raw = match[0].strip()
        hits.append(
            TimeHit(
                match.start(),
                match.end(),
                raw,
                hour,
                minute,
                second,
                meridiem,
                strong,
                bool(match["zulu"]),
            )
        )
    return hits


def _clock(hit: TimeHit, meridiem: str | None, report: Report | None) -> dt.time:
    """The 24-hour time of a hit read with ``meridiem`` ("14:30 PM" stays 14:30); a morning
    hour past 12 is reported when ``report`` is given."""
    hour = hit.hour
    if meridiem == "a" and hour > 12:
        if report is not None:
            report.time(f"{hit.raw!r} read as {hour:02d}:{hit.minute:02d}")
    elif meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return dt.time(hour, hit.minute, hit.second)


def _other(meridiem: str) -> str:
    return "a" if meridiem == "p" else "p"


def _time_range(first: TimeHit, last: TimeHit, report: Report) -> tuple[dt.time, dt.time]:
    """Start and end of "5 to 6:30 PM", "11.30 AM to 12.30 PM", "3 PM - 4" (am/pm shared),
    "12:00-2:00" (an end before the start is on the 12-hour clock when that makes it later)."""
    if first.meridiem is None and last.meridiem is not None and first.hour <= 12:
        end = _clock(last, last.meridiem, report)
        start = _clock(first, last.meridiem, None)
        return (start if start <= end else _clock(first, _other(last.meridiem), None)), end
    start = _clock(first, first.meridiem, report)
    if last.meridiem is None and first.meridiem is not None and last.hour <= 12:
        end = _clock(last, first.meridiem, None)
        return start, (end if end > start else _clock(last, _other(first.meridiem), None))
    end = _clock(last, last.meridiem, report)
    if first.meridiem is None and last.meridiem is None and end < start and 0 < last.hour < 12:
        afternoon = end.replace(hour=last.hour + 12)  # "12:00-2:00": an hour on the 12-hour clock
        return start, (afternoon if afternoon > start else end)
    return start, end


@dataclass(frozen=True)
class TimeChoice:
    """The talk's time (or time range) and where it sits in the text."""

    start: dt.time
    end: dt.time | None
    position: int  # where the talk's time starts
    until: int  # where the next, unrelated time starts
    zulu: bool


def choose_time(text: str, hits: list[TimeHit], report: Report) -> TimeChoice | None:
    """The first time range or time written as a time; bare numbers only start a range."""
    for index, hit in enumerate(hits):
        following = hits[index + 1] if index + 1 < len(hits) else None
        if (
            following
            and (hit.strong or following.strong)
            and joined(text, hit.end, following.start)
        ):
            start, end = _time_range(hit, following, report)
            later = [h.start for h in hits[index + 2 :] if h.strong]
            return TimeChoice(
                start, end, hit.start, later[0] if later else len(text), hit.zulu or following.zulu
            )
        if hit.strong:
            later = [h.start for h in hits[index + 1 :] if h.strong]
            until = later[0] if later else len(text)
            return TimeChoice(_clock(hit, hit.meridiem, report), None, hit.start, until, hit.zulu)
    return None
