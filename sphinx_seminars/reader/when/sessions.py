"""The sessions of an event held on several days at a daily time: a course meeting "5 to
6:30 PM" from "March 15, 2023 to March 27, 2023 (no class on the Saturday of March 25th, and
Sundays of March 19th and March 26th) [10 days]" meets on ten days."""

from __future__ import annotations

import datetime as dt
import re

from ...model import Session
from ...problems import Code
from .dates import borrow_years, find_dates
from .report import Report
from .words import weekday_number

#: A clause that names days without a session, up to the end of its bracket or sentence.
_EXCLUDED = re.compile(
    r"\b(?:no (?:class|classes|lectures?|sessions?|meetings?)|except(?:ing)?|excluding"
    r"|other than|holidays?|closed)\b[^)\].;\n]*",
    re.IGNORECASE,
)
_WEEKENDS = re.compile(r"\bweekends?\b", re.IGNORECASE)
_COUNT = re.compile(r"\b(\d{1,3})\s*(?:class(?:es)?|days|sessions|lectures|meetings)\b", re.I)
#: The most sessions an event is given; a longer range is not split into days.
MAX_SESSIONS = 120


def session_days(text: str, first: dt.date, last: dt.date, report: Report) -> list[dt.date]:
    """The days from ``first`` to ``last`` on which the event meets: every day but those the
    text excludes ("no class on ...", "except Sundays"); the number of days written ("[10
    days]") is checked."""
    if not first < last or (last - first).days >= MAX_SESSIONS:
        return []
    excluded_days: set[dt.date] = set()
    excluded_weekdays: set[int] = set()
    for clause in _EXCLUDED.finditer(text):
        hits = find_dates(clause[0], Report())
        for hit in hits:
            hit.year = hit.year or first.year
        borrow_years(clause[0], hits)
        dates = [day for day in (hit.date(None) for hit in hits) if day]
        excluded_days.update(dates)
        if not dates:
            excluded_weekdays.update(_weekdays_in(clause[0]))
    days = [
        first + dt.timedelta(days=offset)
        for offset in range((last - first).days + 1)
        if first + dt.timedelta(days=offset) not in excluded_days
        and (first + dt.timedelta(days=offset)).weekday() not in excluded_weekdays
    ]
    count = _COUNT.search(text)
    if count and int(count[1]) != len(days):
        report.date(
            Code.DATE,
            f"the text says {count[0].strip()!r}, but {first.isoformat()} to"
            f" {last.isoformat()} gives {len(days)} days of sessions",
        )
    return days


def _weekdays_in(text: str) -> set[int]:
    """The weekdays a clause names ("Sundays", "weekends")."""
    found = {5, 6} if _WEEKENDS.search(text) else set()
    for word in re.findall(r"[a-z]+", text, re.IGNORECASE):
        number = weekday_number(word.rstrip("s") if word.lower().endswith("days") else word)
        if number is not None:
            found.add(number[0])
    return found


def sessions_on(
    days: list[dt.date], start: dt.datetime, end: dt.datetime | dt.date | None
) -> tuple[Session, ...]:
    """A session on each day, at the wall time of the first one (``start`` to ``end``)."""
    if not days:
        return ()
    length = end.date() - start.date() if isinstance(end, dt.datetime) else None
    sessions = []
    for day in days:
        begins = dt.datetime.combine(day, start.timetz())
        ends = (
            dt.datetime.combine(day + length, end.timetz())
            if isinstance(end, dt.datetime) and length is not None
            else None
        )
        sessions.append(Session(begins, ends))
    return tuple(sessions)
