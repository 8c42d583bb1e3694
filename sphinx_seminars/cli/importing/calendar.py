"""Events of an iCalendar file (an Indico or Google Calendar export) as talks: title, start
and end in their zone, location, description as the abstract, speakers when the description
names them (Indico's "Speakers: Name (Affiliation), ..."), link, status and organizer."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from ...model import Speaker, Talk
from ...reader.speakers import parse_speaker_value
from ...reader.text import html_to_markdown
from ...reader.urls import is_safe_url
from ..errors import CommandError

_SPEAKERS_LINE = re.compile(r"^\s*(?:speakers?|presenters?)\s*:\s*(.+)$", re.IGNORECASE)
_HTML = re.compile(r"<(?:br|p|div|a|b|i|em|strong|ul|ol|li|span)\b[^>]*>", re.IGNORECASE)
_URL_ONLY = re.compile(r"^https?://\S+$")
_BETWEEN_SPEAKERS = re.compile(r"(?<=\)),\s*|;\s*")
#: Statuses written into the talk file (a confirmed event is the usual case: not written).
STATUSES = {"CANCELLED": "cancelled", "TENTATIVE": "tentative"}


@dataclass(frozen=True)
class CalendarEvent:
    """One event as a talk, with the front-matter keys the model has no field for."""

    uid: str
    talk: Talk
    extra: dict[str, object] = field(default_factory=dict)
    recurring: bool = False
    floating: bool = False
    """Its times named no zone and the calendar none either (read in UTC)."""


def read_calendar(
    path: Path, default_zone: str | None
) -> tuple[list[CalendarEvent], list[tuple[str, str]]]:
    """The events of a calendar file, in file order, and the events that cannot be read
    (which, and why); a file that is no calendar is a CommandError."""
    from icalendar import Calendar  # noqa: PLC0415 - only the calendar import needs it

    try:
        calendars = Calendar.from_ical(path.read_bytes(), multiple=True)
    except Exception as error:
        raise CommandError(f"{path} is not an iCalendar file that can be read: {error}") from None
    if not calendars:
        raise CommandError(f"{path} holds no calendar (BEGIN:VCALENDAR ... END:VCALENDAR)")
    events, broken = [], []
    for one in calendars:
        zone = _zone_name(str(one.get("X-WR-TIMEZONE") or "")) or default_zone
        for number, event in enumerate(one.walk("VEVENT"), start=1):
            try:
                found = _event(event, zone, number)
            except Exception as error:
                name = str(event.get("UID") or f"event {number}")
                broken.append((name, f"cannot be read: {str(error).splitlines()[0][:200]}"))
                continue
            if found is None:
                broken.append((str(event.get("UID") or f"event {number}"), "has no start"))
            else:
                events.append(found)
    return events, broken


def _event(event: object, zone: str | None, number: int) -> CalendarEvent | None:
    get = event.get  # type: ignore[attr-defined]
    start_property = get("DTSTART")
    if start_property is None:
        return None
    uid = str(get("UID") or f"event-{number}")
    recurrence = get("RECURRENCE-ID")
    if recurrence is not None:
        uid = f"{uid}/{recurrence.to_ical().decode()}"
    start_value = start_property.dt
    tzid = str(start_property.params.get("TZID") or "")
    if tzid and not _zone_name(tzid) and isinstance(start_value, dt.datetime):
        offset = start_value.utcoffset()
        if offset is None or offset == dt.timedelta(0):  # a zone the parser did not know
            start_value = start_value.replace(tzinfo=None)
    start, talk_zone, floating = _moment(start_value, zone)
    end = _end(get("DTEND"), get("DURATION"), start, talk_zone)
    title = " ".join(str(get("SUMMARY") or "").split()) or "Untitled event"
    description = str(get("DESCRIPTION") or "")
    url = str(get("URL") or "").strip() or None
    speakers, description = _speakers(description)
    venue, online = _place(str(get("LOCATION") or ""))
    online = online or _conference(event)
    extra: dict[str, object] = {}
    status = STATUSES.get(str(get("STATUS") or "").upper())
    if status:
        extra["status"] = status
    organizer = get("ORGANIZER")
    if organizer is not None:
        name = organizer.params.get("CN") if hasattr(organizer, "params") else None
        if name:
            extra["host"] = " ".join(str(name).split())
    talk = Talk(
        id="",
        title=title,
        speakers=speakers,
        start=start,
        end=end,
        timezone=talk_zone,
        venue=venue,
        online_url=online,
        abstract=_abstract(description, url),
        links=(("event", url),) if url and is_safe_url(url) else (),
        tags=_categories(get("CATEGORIES")),
    )
    return CalendarEvent(uid, talk, extra, recurring=get("RRULE") is not None, floating=floating)


def _zone_name(name: str) -> str | None:
    name = name.strip()
    if name in available_timezones():
        return name
    return None


def _moment(
    value: dt.datetime | dt.date, zone: str | None
) -> tuple[dt.datetime | dt.date, str | None, bool]:
    """The start in its zone (an IANA name when known), and whether it floated (no zone)."""
    if not isinstance(value, dt.datetime):
        return value, zone, False
    if value.tzinfo is None:
        if zone is None:
            return value.replace(tzinfo=dt.timezone.utc), "UTC", True
        return value.replace(tzinfo=ZoneInfo(zone)), zone, False
    own = _zone_name(str(getattr(value.tzinfo, "key", "") or value.tzinfo))
    if own and own not in ("UTC", "Etc/UTC"):
        return value.astimezone(ZoneInfo(own)), own, False
    target = zone or own or "UTC"
    try:
        return value.astimezone(ZoneInfo(target)), target, False
    except (ZoneInfoNotFoundError, ValueError):  # pragma: no cover - names are checked
        return value, None, False


def _end(
    end: object, duration: object, start: dt.datetime | dt.date, zone: str | None
) -> dt.datetime | dt.date | None:
    value = getattr(end, "dt", None)
    if value is None and duration is not None:
        value = start + getattr(duration, "dt", dt.timedelta(0))
    if value is None:
        return None
    if not isinstance(start, dt.datetime):  # all day: DTEND is the day after the last
        last = (value if not isinstance(value, dt.datetime) else value.date()) - dt.timedelta(1)
        return last if last > start else None
    if not isinstance(value, dt.datetime):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=start.tzinfo)
    value = value.astimezone(ZoneInfo(zone)) if zone else value.astimezone(start.tzinfo)
    return value if value > start else None


def _speakers(description: str) -> tuple[tuple[Speaker, ...], str]:
    """Speakers named on a "Speakers:" line of the description, and the rest of it."""
    lines = description.replace("\r\n", "\n").split("\n")
    for index, line in enumerate(lines[:5]):
        match = _SPEAKERS_LINE.match(line)
        if match and not _HTML.search(line):
            names = [part.strip() for part in _BETWEEN_SPEAKERS.split(match[1]) if part.strip()]
            speakers, _ = parse_speaker_value(names if len(names) > 1 else match[1])
            rest = "\n".join(lines[:index] + lines[index + 1 :]).strip("\n")
            return tuple(speakers), rest
    return (), description


def _place(location: str) -> tuple[str | None, str | None]:
    location = " ".join(location.split())
    if not location:
        return None, None
    if _URL_ONLY.match(location):
        return "Online", location if is_safe_url(location) else None
    return location, None


def _conference(event: object) -> str | None:
    """A video-call link Google Calendar adds (``X-GOOGLE-CONFERENCE``, or ``CONFERENCE``)."""
    for name in ("X-GOOGLE-CONFERENCE", "CONFERENCE"):
        value = event.get(name)  # type: ignore[attr-defined]
        text = str(value or "").strip()
        if text and is_safe_url(text):
            return text
    return None


def _abstract(description: str, url: str | None) -> str:
    """The description as Markdown, without the event's own address at its end (Indico
    adds it)."""
    text = description.replace("\r\n", "\n").strip()
    if url and text.endswith(url):
        text = text[: -len(url)].rstrip()
    if not text:
        return ""
    if not _HTML.search(text):  # plain text: its line breaks are meant
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        text = "".join(
            "<p>" + "<br>".join(html.escape(line) for line in p.split("\n")) + "</p>"
            for p in paragraphs
        )
    return html_to_markdown(text)


def _categories(value: object) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value] if value is not None else []
    tags: list[str] = []
    for item in values:
        cats = getattr(item, "cats", None)
        if cats is None:
            continue
        tags += [" ".join(str(cat).split()) for cat in cats if str(cat).strip()]
    return tuple(dict.fromkeys(tags))
