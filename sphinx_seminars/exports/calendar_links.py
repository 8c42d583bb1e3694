"""Links that put a talk, or a whole calendar, into people's calendars, made at build time:
``webcal:`` subscriptions, Google Calendar and Outlook on the web (by URL), and "add this
event" links for one talk."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlencode

from .calendar_time import as_utc, next_day

GOOGLE_EVENT = "https://calendar.google.com/calendar/render"
GOOGLE_SUBSCRIBE = "https://calendar.google.com/calendar/r"
OUTLOOK_EVENT = "https://outlook.live.com/calendar/0/deeplink/compose"
OUTLOOK_SUBSCRIBE = "https://outlook.live.com/calendar/0/addfromweb"
#: How much of a description goes into an "add event" link (addresses stay short).
DETAILS = 1000


def webcal(url: str) -> str | None:
    """The ``webcal:`` address of a calendar's http(s) address (None for a relative one)."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return "webcal://" + url.removeprefix(scheme)
    return None


def google_subscribe(url: str) -> str:
    """Google Calendar's page that subscribes to the calendar at ``url``."""
    return f"{GOOGLE_SUBSCRIBE}?{urlencode({'cid': webcal(url) or url})}"


def outlook_subscribe(url: str, name: str) -> str:
    """Outlook on the web's page that subscribes to the calendar at ``url``."""
    return f"{OUTLOOK_SUBSCRIBE}?{urlencode({'url': url, 'name': name})}"


def _utc_range(
    start: dt.datetime, end: dt.datetime | dt.date | None
) -> tuple[dt.datetime, dt.datetime] | None:
    """A talk's start and end (its start when it has no end time) in UTC; None when they
    have no zone or cannot be written (the ends of the calendar)."""
    last = end if isinstance(end, dt.datetime) else start
    if start.tzinfo is None or last.tzinfo is None:
        return None
    first_utc, last_utc = as_utc(start), as_utc(last)
    return (first_utc, last_utc) if first_utc and last_utc else None


def _last_day(start: dt.date, end: dt.datetime | dt.date | None) -> dt.date:
    """The last day of a talk of whole days."""
    return end if isinstance(end, dt.date) and not isinstance(end, dt.datetime) else start


def google_event(
    title: str,
    start: dt.datetime | dt.date,
    end: dt.datetime | dt.date | None,
    *,
    details: str = "",
    location: str = "",
) -> str | None:
    """Google Calendar's "add event" page for one talk (None when its times cannot be
    written: the ends of the calendar, a time without a zone)."""
    if isinstance(start, dt.datetime):
        utc = _utc_range(start, end)
        if utc is None:
            return None
        dates = f"{utc[0]:%Y%m%dT%H%M%SZ}/{utc[1]:%Y%m%dT%H%M%SZ}"
    else:
        after = next_day(_last_day(start, end))
        if after is None:
            return None
        dates = f"{start:%Y%m%d}/{after:%Y%m%d}"
    query = {"action": "TEMPLATE", "text": title, "dates": dates}
    query |= {"details": details[:DETAILS], "location": location}
    return f"{GOOGLE_EVENT}?{urlencode({k: v for k, v in query.items() if v}, quote_via=quote)}"


def outlook_event(
    title: str,
    start: dt.datetime | dt.date,
    end: dt.datetime | dt.date | None,
    *,
    details: str = "",
    location: str = "",
) -> str | None:
    """Outlook on the web's "new event" page for one talk (None when its times cannot be
    written)."""
    query = {"path": "/calendar/action/compose", "rru": "addevent", "subject": title}
    if isinstance(start, dt.datetime):
        utc = _utc_range(start, end)
        if utc is None:
            return None
        query |= {
            "startdt": f"{utc[0]:%Y-%m-%dT%H:%M:%SZ}",
            "enddt": f"{utc[1]:%Y-%m-%dT%H:%M:%SZ}",
        }
    else:
        last_day = _last_day(start, end)
        query |= {"startdt": start.isoformat(), "enddt": last_day.isoformat(), "allday": "true"}
    query |= {"body": details[:DETAILS], "location": location}
    return f"{OUTLOOK_EVENT}?{urlencode({k: v for k, v in query.items() if v}, quote_via=quote)}"
