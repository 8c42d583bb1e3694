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


def _utc_stamp(moment: dt.datetime) -> str | None:
    utc = as_utc(moment)
    return utc.strftime("%Y%m%dT%H%M%SZ") if utc else None


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
        last = end if isinstance(end, dt.datetime) else start
        if start.tzinfo is None or last.tzinfo is None:
            return None
        first_stamp, last_stamp = _utc_stamp(start), _utc_stamp(last)
        if first_stamp is None or last_stamp is None:
            return None
        dates = f"{first_stamp}/{last_stamp}"
    else:
        after = next_day(end if isinstance(end, dt.date) and not isinstance(end, dt.datetime)
                         else start)  # fmt: skip
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
        last = end if isinstance(end, dt.datetime) else start
        first_utc, last_utc = as_utc(start), as_utc(last)
        if start.tzinfo is None or first_utc is None or last_utc is None:
            return None
        query |= {"startdt": f"{first_utc:%Y-%m-%dT%H:%M:%SZ}"}
        query |= {"enddt": f"{last_utc:%Y-%m-%dT%H:%M:%SZ}"}
    else:
        last_day = end if isinstance(end, dt.date) and not isinstance(end, dt.datetime) else start
        query |= {"startdt": start.isoformat(), "enddt": last_day.isoformat(), "allday": "true"}
    query |= {"body": details[:DETAILS], "location": location}
    return f"{OUTLOOK_EVENT}?{urlencode({k: v for k, v in query.items() if v}, quote_via=quote)}"
