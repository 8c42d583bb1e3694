"""When a talk happens, weighing every source of its date.

The date keys or the "When" section give the talk's moment.  The file name (or its folder,
for ``index.md``), the permalink, the title's "(dd/mm/yy)" and the weekday written next to
the date are further sources: the date most of them support wins, with a warning naming the
outvoted source.  A page with no date key nor "When" section takes its date from the title,
the file name, the permalink or a date in its prose, in that order of trust.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..model import Problem, Session
from ..problems import Code
from .draft import Draft
from .sections import Part
from .text.plain import strip_html
from .values import kind_of, text_of
from .when import (
    When,
    WhenLines,
    first_dates,
    parse_when,
    resolve_timezone,
    time_without_date,
    when_from_fields,
)
from .when.words import month_number

_FILENAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_PERMALINK_DATE = re.compile(
    r"(?<!\d)(\d{1,2})-([a-z]{3,9})-(\d{4})(?!\d)|(?<!\d)(\d{4})[-/](\d{2})[-/](\d{2})(?!\d)",
    re.IGNORECASE,
)
_FOUR_DIGITS = re.compile(r"\d{4}")
_BUNDLE_NAMES = frozenset({"index", "_index"})
_WHEN_PARTS = (Part.WHEN, Part.DATES, Part.TIMES)
#: How much of a body is searched for a date when nothing else gives one (characters).
_PROSE_WINDOW = 1500


def read_when(draft: Draft, default_timezone: str | None, title_date: dt.date | None) -> When:
    """When the talk happens, its date weighed against the other sources, with warnings."""
    name_date = _name_date(draft.source)
    permalink_date = _permalink_date(draft.key_text("permalink"))
    dates = (title_date, name_date, permalink_date)
    when, from_body = _stated_when(draft, default_timezone, dates)
    if from_body:
        when = _weighed(draft, when, title_date, name_date, permalink_date)
    if when.start is None:  # none stated, or none that can be read
        when = _from_other_sources(draft, when, title_date, name_date, permalink_date)
    draft.problems.extend(when.problems)
    when = _check_end(draft, when)
    _check_sources(draft, when.start, title_date, name_date)
    return when


def has_stated_date(draft: Draft) -> bool:
    """Whether a date key or a "When" section says when the talk is."""
    if draft.value("start")[0] or draft.value("time")[0]:
        return True
    return any(draft.section(part) for part in _WHEN_PARTS)


def _stated_when(
    draft: Draft, default_timezone: str | None, dates: tuple[dt.date | None, ...]
) -> tuple[When, bool]:
    """The When of the date keys or the "When" section, and whether there was one.  A time
    without a date (``start: "12:30"``) takes the date of the ``date`` key, else the date
    the other sources (title, file name, permalink: ``dates``) give."""
    data = draft.matter.data
    start_key, start = draft.value("start")
    if start_key == "date" and "event_start" in data:
        start_key, start = "event_start", data["event_start"]
    time_key, time = draft.value("time")
    if start_key not in (None, "date") and time_without_date(start):
        if time_key is None:  # else the time key says it, and start is the same time
            time_key, time = start_key, start
        start_key, start = ("date", data["date"]) if "date" in data else (None, None)
    if time_key and start_key is None:
        start = _from_other_sources(draft, When(None, None, None), *dates).start
    _, end = draft.value("end")
    _, end_time = draft.value("end_time")
    tz_key, zone = draft.value("timezone")
    if start_key or time_key:
        line_of = draft.matter.line_of
        when = when_from_fields(
            date=start,
            time=time,
            end=end,
            end_time=end_time,
            timezone=zone,
            default_timezone=default_timezone,
            lines=WhenLines(
                date=line_of(start_key or time_key or "date"),
                time=line_of(time_key or start_key or "date"),
                timezone=line_of(tz_key or start_key or time_key or "date"),
            ),
        )
        if (when.start is not None and data.get("all_day") is True) or data.get(
            "event_all_day"
        ) is True:
            when = replace(when, start=_as_date(when.start), end=_as_date(when.end))
        if start_key == "date" and time_key is None and _posted_at(when.start):
            return _after_posting(draft, when, default_timezone, dates)
        return when, True
    zone_name = text_of(zone)
    if tz_key and zone_name is None:
        draft.complain(tz_key, f"'{tz_key}' should be text, not {kind_of(zone)}; ignored")
    return _section_when(draft, zone_name, default_timezone)


def _section_when(
    draft: Draft, zone_name: str | None, default_timezone: str | None
) -> tuple[When, bool]:
    """The When of the "When" sections (in ``zone_name`` when they state none), and whether
    there is one."""
    parts = [s for s in (draft.section(part) for part in _WHEN_PARTS) if s]
    if not parts:
        timezone = (
            resolve_timezone(zone_name, default_timezone=default_timezone)[0]
            if zone_name
            else default_timezone
        )
        return When(None, None, timezone), False
    text = "\n".join(strip_html(draft.section_text(s)) for s in parts)
    if zone_name:
        text = f"{text} ({zone_name})"
    return parse_when(text, default_timezone=default_timezone, line=parts[0].content_line), True


def _posted_at(start: dt.datetime | dt.date | None) -> bool:
    """Whether a ``date`` is the moment a post was published (``2019-05-03 07:53:00``, as
    blog generators write it), not a talk's: a time off the five minutes, or with seconds."""
    return isinstance(start, dt.datetime) and (start.second != 0 or start.minute % 5 != 0)


def _after_posting(
    draft: Draft, posted: When, default_timezone: str | None, dates: tuple[dt.date | None, ...]
) -> tuple[When, bool]:
    """The When of a post whose ``date`` is when it was published: its "When" section, else
    the date of its title, name, permalink or prose, else the day it was posted."""
    zone_name = text_of(draft.value("timezone")[1])
    body, stated = _section_when(draft, zone_name, default_timezone)
    if stated:
        return body, True
    other = _from_other_sources(draft, replace(posted, start=None, end=None), *dates)
    if other.start is None:
        other = replace(other, start=_as_date(posted.start))
    return replace(other, problems=()), True


def _as_date(value: dt.datetime | dt.date | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def _name_date(source: str) -> dt.date | None:
    """The date a file's name starts with ("2025-01-09-seminar-x.md"); for a page bundle
    ("2025-01-09-x/index.md") the date its folder's name starts with."""
    folder, _, name = source.replace("\\", "/").rpartition("/")
    if name.rpartition(".")[0] in _BUNDLE_NAMES:
        name = folder.rpartition("/")[2]
    match = _FILENAME_DATE.match(name)
    return _date(*map(int, match.groups())) if match else None


def _permalink_date(permalink: str | None) -> dt.date | None:
    """The date a permalink holds ("/seminar/rao-09-jan-2025", "/2025/01/09/talk")."""
    if not permalink or not _FOUR_DIGITS.search(permalink):
        return None
    match = _PERMALINK_DATE.search(permalink)
    if match is None:
        return None
    if match[1]:
        month = month_number(match[2])
        return _date(int(match[3]), month, int(match[1])) if month else None
    return _date(int(match[4]), int(match[5]), int(match[6]))


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weighed(
    draft: Draft,
    when: When,
    title_date: dt.date | None,
    name_date: dt.date | None,
    permalink_date: dt.date | None,
) -> When:
    """The When moved to the date most sources support when that is not the stated one."""
    stated = _as_date(when.start)
    if stated is None or all(
        day in (None, stated) for day in (title_date, name_date, permalink_date)
    ):
        return when  # no source says otherwise
    sources = {"title": title_date, "file name": name_date, "permalink": permalink_date}
    candidates = {stated, *(day for day in sources.values() if day)}

    def support(day: dt.date) -> list[str]:
        named = [name for name, value in sources.items() if value == day]
        return [*named, "weekday"] if when.weekday == day.weekday() else named

    stated_support = len(support(stated)) + 1
    best = max(candidates, key=lambda day: len(support(day)) + (day == stated))
    best_support = len(support(best)) + (best == stated)
    ties = [d for d in candidates if len(support(d)) + (d == stated) == best_support]
    if best == stated or best_support <= stated_support or len(ties) > 1:
        return when
    message = (
        f"the {_where(draft)} says {stated.isoformat()}, but the {', '.join(support(best))}"
        f" say {best.isoformat()}; read as {best.isoformat()}"
    )
    problems = [  # a weekday that fits the date read is no longer wrong
        p for p in when.problems if not (p.code is Code.WEEKDAY and when.weekday == best.weekday())
    ]
    problems.append(Problem(_date_line(draft), Code.DATE, message))
    return _moved(replace(when, problems=tuple(problems)), best - stated)


def _where(draft: Draft) -> str:
    """How the source of the stated date is named in a problem."""
    if draft.value("start")[0]:
        return f"'{draft.value('start')[0]}' key"
    return "'When' section"


def _date_line(draft: Draft) -> int:
    """The line of the stated date: its key, else the "When" section's first line."""
    key = draft.value("start")[0]
    if key:
        return draft.matter.line_of(key)
    return next((s.content_line for s in draft.sections if s.part in _WHEN_PARTS), 1)


def _moved(when: When, shift: dt.timedelta) -> When:
    """The When (its sessions too) moved by a number of days, at the same wall times."""
    return replace(
        when,
        start=_shifted(when.start, shift),
        end=_shifted(when.end, shift),
        sessions=tuple(
            Session(s.start + shift, None if s.end is None else s.end + shift)
            for s in when.sessions
        ),
    )


def _shifted(
    value: dt.datetime | dt.date | None, shift: dt.timedelta
) -> dt.datetime | dt.date | None:
    return None if value is None else value + shift


def _from_other_sources(
    draft: Draft,
    when: When,
    title_date: dt.date | None,
    name_date: dt.date | None,
    permalink_date: dt.date | None,
) -> When:
    """The date of a page whose date keys or "When" section give none: the date most of the
    title, the permalink, the file name and its prose agree on (that order breaks ties)."""
    prose = _prose_dates(draft)
    ranked = (title_date, permalink_date, name_date, prose[0] if prose else None)
    found = [day for day in ranked if day is not None]
    if not found:
        return when
    best = max(found, key=lambda day: (found.count(day), -found.index(day)))
    end = prose[1] if prose and prose[0] == best and prose[1] else None
    return replace(when, start=best, end=end)


def _prose_dates(draft: Draft) -> tuple[dt.date, dt.date | None] | None:
    """The first full date (and the end of its range) written in the body's prose."""
    body = strip_html(draft.matter.body[:_PROSE_WINDOW])
    return first_dates(body) if body else None


def _check_end(draft: Draft, when: When) -> When:
    """The When without its end, and a ``time`` warning, when the end comes before the
    start (the start holds)."""
    if when.start is None or when.end is None:
        return when
    start, end = _comparable(when.start), _comparable(when.end)
    if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
        start, end = _as_date(start) or start, _as_date(end) or end
    if end < start:  # both dates or both datetimes here
        key = draft.value("end")[0]
        line = draft.matter.line_of(key) if key else _date_line(draft)
        message = f"the end ({end.isoformat()}) is before the start ({start.isoformat()}); ignored"
        draft.warn(line, Code.TIME, message)
        return replace(when, end=None)
    return when


def _comparable(value: dt.datetime | dt.date) -> dt.datetime | dt.date:
    """A moment in UTC without zone (a naive one as it is), or a date: comparable values."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value


def _check_sources(
    draft: Draft,
    start: dt.datetime | dt.date | None,
    title_date: dt.date | None,
    name_date: dt.date | None,
) -> None:
    """Warnings for a title date or a file-name date that is not the talk's date."""
    day = _as_date(start)
    if day is None:
        return
    if title_date and title_date != day:
        draft.warn(
            draft.matter.line_of("title"),
            Code.TITLE_DATE,
            f"the title says {title_date.isoformat()} but the talk is on {day.isoformat()}",
        )
    if name_date and name_date != day:
        line = next((s.content_line for s in draft.sections if s.part is Part.WHEN), 1)
        draft.warn(
            line,
            Code.FILENAME_DATE,
            f"the file name says {name_date.isoformat()} but the talk is on {day.isoformat()}",
        )
