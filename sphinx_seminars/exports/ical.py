"""Calendars: ``seminars.ics`` with every talk (or a recent window) and one ``.ics`` per talk,
linked from its page ("Add to calendar").  Made with icalendar, as objects (never by reading
their own text back): DTSTART with TZID and a VTIMEZONE, or UTC (see
:mod:`.calendar_time`), stable UIDs, DTSTAMP, SEQUENCE bumped when a talk moves."""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sphinx.util import logging

from ..domain import domain_of
from ..ids import subscription_path, talk_anchor, talk_calendar_path
from ..problems import Code
from ..records import CalendarHistory, Moment, TalkRecord
from ..render.heading import kind_label
from ..render.people import ROLE_LABELS, person_text
from .calendar_time import ZONED_YEARS, as_utc, calendar_moment, days_before, end_after, next_day
from .common import (
    Site,
    SiteTalk,
    clean_text,
    site_of,
    write_if_changed,
)
from .subscriptions import SUBSCRIPTION_KINDS, subscriptions

if TYPE_CHECKING:
    from icalendar import Event
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

FILENAME = "seminars.ics"
FOLDER = "_ics"
CACHE = "sphinx-seminars-ics"
STATE = "state.json"
PRODID = "-//sphinx-seminars//talk calendar//EN"
#: How often subscribed calendar apps should fetch a calendar again.
REFRESH = dt.timedelta(hours=12)
LOGGER = logging.getLogger(__name__)


def update_sequences(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: a talk whose start or end moved gets the next SEQUENCE number; a
    fresh build recovers the history from the ``seminars.ics`` in the output folder."""
    host = site_of(app).host
    domain_of(env).update_calendar_history(
        published, lambda: _history_in_calendar(Path(app.outdir) / FILENAME, host)
    )
    return []


def _history_in_calendar(path: Path, host: str) -> dict[str, CalendarHistory]:
    """The SEQUENCE history kept in a calendar written earlier; nothing when there is none,
    and a ``seminar.export`` warning when it cannot be read (it is written anew)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return {}
    from icalendar import Calendar  # noqa: PLC0415 - icalendar loads only when it is needed

    found: dict[str, CalendarHistory] = {}
    try:
        for event in Calendar.from_ical(raw).walk("VEVENT"):
            uid = str(event.get("UID", ""))
            if not uid.endswith(f"@{host}"):
                continue
            start, end = event.get("DTSTART"), event.get("DTEND")
            found[uid.removesuffix(f"@{host}")] = CalendarHistory(
                _instant(start.dt) if start else None,
                _instant(end.dt) if end else None,
                int(event.get("SEQUENCE", 0)),
                str(event.get("STATUS", "CONFIRMED")),
            )
    except Exception as error:
        LOGGER.warning(
            "%s cannot be read (%s); its calendar history is not used and it is written anew",
            path.name,
            str(error)[:200] or type(error).__name__,
            type="seminar",
            subtype=Code.EXPORT,
        )
        return {}
    return found


def _instant(value: dt.datetime | dt.date) -> dt.datetime | dt.date:
    """A time read from a calendar in UTC (whatever zone type the parser gave it)."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return as_utc(value) or value
    return value


def _description(site: Site, one: SiteTalk) -> str:
    talk = one.talk
    lines = []
    if talk.status:
        lines += [f"This talk is {talk.status}.", ""]
    for speaker in talk.speakers:
        about = ", ".join(x for x in (speaker.position, speaker.affiliation) if x)
        lines.append(f"{speaker.display_name} ({about})" if about else speaker.display_name)
    for role in dict.fromkeys(r.role for r in talk.roles):
        one_label, several = ROLE_LABELS.get(role, (role.capitalize(), role.capitalize() + "s"))
        people = [person_text(r.person) for r in talk.roles if r.role == role]
        lines.append(f"{several if len(people) > 1 else one_label}: {', '.join(people)}")
    if talk.online_url:
        lines.append(f"Online: {talk.online_url}")
    abstract = one.record.abstract_text
    if abstract:
        lines += ["", abstract if len(abstract) <= 600 else abstract[:600].rstrip() + " …"]
    lines += ["", f"More: {site.url(one.path)}"]
    return clean_text("\n".join(lines))


class TalkEvent(NamedTuple):
    """A talk's VEVENT, serialised, and the zones (TZIDs) it names."""

    event: bytes
    zones: tuple[str, ...]


def published(record: TalkRecord) -> CalendarHistory:
    """How a talk is published in calendars: its times (a talk rescheduled to a new time
    moves there, keeping its length) and its status (``CANCELLED`` when it is cancelled or
    replaced by another talk, ``TENTATIVE`` when postponed)."""
    talk = record.talk
    start, end, moved = talk.start, talk.end, talk.rescheduled_to
    status = STATUS.get(talk.status or "", "CONFIRMED")
    if talk.status == "rescheduled" and isinstance(moved, str):
        status = "CANCELLED"
    elif talk.status == "rescheduled" and isinstance(moved, dt.date):
        length = _length(start, end)
        end = _shifted(moved, length) if length is not None else None
        start = moved
    return CalendarHistory(start, end, 0, status)


#: A talk's status -> the iCalendar STATUS it is published with.
STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE", "rescheduled": "CONFIRMED"}
#: What the summary of a talk that does not take place as announced starts with.
SUMMARY_MARK = {"CANCELLED": "Cancelled: ", "TENTATIVE": "Postponed: "}


def _length(start: object, end: object) -> dt.timedelta | None:
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        return end - start
    return None


def _shifted(moment: dt.datetime | dt.date, length: dt.timedelta) -> dt.datetime | None:
    if not isinstance(moment, dt.datetime):
        return None
    try:
        return moment + length
    except OverflowError:
        return None


def talk_event(site: Site, one: SiteTalk, sequence: int) -> TalkEvent | None:
    """The VEVENTs of a talk (one per session of an event held on several days, one
    otherwise); None for a talk without a date."""
    talk = one.talk
    now = published(one.record)
    if now.start is None:
        return None
    from icalendar import Event  # noqa: PLC0415

    times = [(s.start, s.end) for s in talk.sessions] if talk.sessions else [(now.start, now.end)]
    zones: set[str] = set()
    events = []
    for number, (start, end) in enumerate(times, start=1):
        event = Event()
        uid = talk.id if number == 1 else f"{talk.id}-session-{number}"
        event.add("uid", f"{uid}@{site.host}")
        event.add("dtstamp", one.record.modified or dt.datetime.now(dt.timezone.utc))
        summary = SUMMARY_MARK.get(now.status, "") + talk.title
        if len(times) > 1:
            summary += f" ({number}/{len(times)})"
        event.add("summary", clean_text(summary))
        zones |= _add_times(event, start, end, talk.timezone, site.settings.default_duration)
        event.add("sequence", sequence)
        event.add("status", now.status)
        _add_details(event, site, one)
        events.append(bytes(event.to_ical()))
    return TalkEvent(b"".join(events), tuple(sorted(zones)))


def _add_times(
    event: Event, start: Moment, end: Moment | None, zone: str | None, minutes: int
) -> set[str]:
    """DTSTART and DTEND of an event (an all-day event for a date); the zones written."""
    zones: set[str] = set()
    if isinstance(start, dt.datetime):
        if not isinstance(end, dt.datetime):
            end = end_after(start, minutes) if minutes else None
        for name, moment in (("dtstart", start), ("dtend", end)):
            if isinstance(moment, dt.datetime):
                written, tzid = calendar_moment(moment, zone)
                event.add(name, written)
                zones.update([tzid] if tzid else [])
    else:
        event.add("dtstart", start)
        last = end if isinstance(end, dt.date) and not isinstance(end, dt.datetime) else start
        after = next_day(last)
        if after is not None:
            event.add("dtend", after)
    return zones


def _add_details(event: Event, site: Site, one: SiteTalk) -> None:
    """Where, the page's address, the join link, description and categories."""
    talk = one.talk
    where = ", ".join(x for x in (talk.venue, talk.online_url) if x)
    if where:
        event.add("location", clean_text(where))
    event.add("url", site.url(one.path))
    if talk.online_url:
        event.add("conference", talk.online_url, parameters={"VALUE": "URI"})
    event.add("description", _description(site, one))
    categories = [c for c in (kind_label(talk.kind) if talk.kind else None, talk.series) if c]
    categories += list(talk.tags)
    if categories:
        event.add("categories", [clean_text(c) for c in categories])


def years_of(talks: list[SiteTalk]) -> tuple[int, int]:
    """The first and last year of the talks whose times are written in their zone."""
    low, high = ZONED_YEARS
    years = [year for one in talks if (year := one.record.year) is not None and low <= year <= high]
    return min(years, default=2000), max(years, default=2000)


class Zones:
    """VTIMEZONE components, made once per zone and span of years."""

    def __init__(self) -> None:
        self.made: dict[tuple[str, int, int], bytes] = {}

    def serialised(self, tzid: str, years: tuple[int, int]) -> bytes:
        """The VTIMEZONE of ``tzid`` for talks in ``years`` (from the year before the first
        to the year after the last), serialised once."""
        from icalendar import Timezone  # noqa: PLC0415

        key = (tzid, *years)
        if key not in self.made:
            first, last = dt.date(years[0] - 1, 1, 1), dt.date(years[1] + 2, 1, 1)
            zone = Timezone.from_tzid(tzid, first_date=first, last_date=last)
            self.made[key] = bytes(zone.to_ical())
        return self.made[key]


def calendar_bytes(
    events: list[TalkEvent], name: str, zones: Zones, years: tuple[int, int]
) -> bytes:
    """A calendar of serialised VEVENTs, with a VTIMEZONE for every zone they name, for the
    ``years`` its talks span (so that a talk's own calendar depends on that talk alone).

    Each event and each VTIMEZONE is serialised once (by icalendar) and reused in the talks'
    own calendars and in the site calendar."""
    from icalendar import Calendar  # noqa: PLC0415

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", clean_text(name))
    calendar.add("x-wr-calname", clean_text(name))
    from icalendar.prop import vDuration  # noqa: PLC0415

    refresh = vDuration(REFRESH)  # typed here: icalendar 6.1 writes a bare timedelta as text
    calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", refresh)
    used = sorted({zone for event in events for zone in event.zones})
    serialised: bytes = calendar.to_ical()
    head, _, tail = serialised.rpartition(b"END:VCALENDAR")
    parts = [zones.serialised(tzid, years) for tzid in used] + [event.event for event in events]
    return head + b"".join(parts) + b"END:VCALENDAR" + tail


def _in_window(site: Site, one: SiteTalk) -> bool:
    settings = site.settings
    day = one.record.day
    if settings.ics_window_days is None or day is None:
        return True
    first = days_before(settings.today_date(), settings.ics_window_days)
    return first is None or day >= first


def _event_key(site: Site, one: SiteTalk, sequence: int) -> str:
    """What a talk's event is made from, as a digest: a rebuild makes only changed events."""
    record = one.record
    made_from = (
        record.talk,
        record.modified,
        record.abstract_text,
        one.path,
        sequence,
        site.base,
        site.host,
        site.settings.default_duration,
    )
    return hashlib.sha256(pickle.dumps(made_from)).hexdigest()


def write_calendars(app: Sphinx, site: Site, talks: list[SiteTalk]) -> None:
    """Write the site calendar and the calendars of the talks that changed.

    A talk's serialised event is kept beside the doctrees with a digest of what it was made
    from, so a rebuild serialises only the events of talks that changed."""
    import json  # noqa: PLC0415

    outdir = Path(app.outdir)
    domain = domain_of(app.env)
    cache = Path(app.doctreedir) / CACHE
    state_path = cache / STATE
    try:
        state: dict[str, object] = json.loads(state_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = {}
    new_state: dict[str, list[object]] = {}
    zones = Zones()
    site_events: list[TalkEvent] = []
    windowed: list[SiteTalk] = []
    calendars: set[str] = set()
    for one in talks:
        stem = talk_anchor(one.talk.id)
        sequence = domain.calendar_sequence(one.talk.id)
        key = _event_key(site, one, sequence)
        path = outdir / talk_calendar_path(one.talk.id)
        event = _cached_event(cache / f"{stem}.vevent", state.get(stem), key)
        if event is None or (event.event and not path.exists()):
            event = talk_event(site, one, sequence) or TalkEvent(b"", ())
            (cache / f"{stem}.vevent").parent.mkdir(parents=True, exist_ok=True)
            (cache / f"{stem}.vevent").write_bytes(event.event)
            if event.event:
                path.parent.mkdir(parents=True, exist_ok=True)
                own_years = years_of([one])
                path.write_bytes(calendar_bytes([event], one.talk.title, zones, own_years))
        new_state[stem] = [key, list(event.zones)]
        if event.event:
            calendars.add(path.name)
            if _in_window(site, one):
                site_events.append(event)
                windowed.append(one)
    for old in (outdir / FOLDER).glob("*.ics"):  # talks that are gone, or have no date now
        if old.name not in calendars:
            old.unlink()
    site_calendar = calendar_bytes(site_events, site.project, zones, years_of(talks))
    _write_if_changed(outdir / FILENAME, site_calendar)
    _write_subscriptions(outdir, site, list(zip(windowed, site_events, strict=True)), zones)
    write_if_changed(state_path, json.dumps(new_state, sort_keys=True))


def _write_if_changed(path: Path, content: bytes) -> None:
    if not path.exists() or path.read_bytes() != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def _write_subscriptions(
    outdir: Path, site: Site, talks: list[tuple[SiteTalk, TalkEvent]], zones: Zones
) -> None:
    """A calendar for each series (and speaker, and tag, as ``seminar_subscriptions``
    says), in ``_ics/<kind>/``; the calendars of the last build that are not made now go."""
    made: set[Path] = set()
    for kind, name, key, members in subscriptions(site.settings.subscriptions, talks):
        path = outdir / subscription_path(kind, key)
        title = f"{site.project}: {name}"
        events = [event for _, event in members]
        _write_if_changed(
            path, calendar_bytes(events, title, zones, years_of([t for t, _ in members]))
        )
        made.add(path)
    for kind in SUBSCRIPTION_KINDS:
        for old in (outdir / FOLDER / kind).glob("*.ics"):
            if old not in made:
                old.unlink()


def _cached_event(path: Path, saved: object, key: str) -> TalkEvent | None:
    """The event kept from the last build, when it was made from the same data."""
    if not isinstance(saved, list) or len(saved) != 2 or saved[0] != key:
        return None
    try:
        return TalkEvent(path.read_bytes(), tuple(str(zone) for zone in saved[1]))
    except OSError:
        return None
