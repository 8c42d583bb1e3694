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

from docutils import nodes
from sphinx.util import logging

from ..config import get_config
from ..domain import domain_of
from ..ids import talk_anchor, talk_calendar_path
from ..nodes import seminar_calendar_link
from ..problems import Code
from ..records import CalendarHistory
from .calendar_time import ZONED_YEARS, as_utc, calendar_moment, days_before, end_after, next_day
from .common import (
    EXPORT_BUILDERS,
    Site,
    SiteTalk,
    clean_text,
    relative_to_page,
    site_of,
    write_if_changed,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

FILENAME = "seminars.ics"
FOLDER = "_ics"
CACHE = "sphinx-seminars-ics"
STATE = "state.json"
PRODID = "-//sphinx-seminars//talk calendar//EN"
LOGGER = logging.getLogger(__name__)


def update_sequences(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: a talk whose start or end moved gets the next SEQUENCE number; a
    fresh build recovers the history from the ``seminars.ics`` in the output folder."""
    host = site_of(app).host
    domain_of(env).update_calendar_history(
        lambda: _history_in_calendar(Path(app.outdir) / FILENAME, host)
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
    for speaker in talk.speakers:
        about = ", ".join(x for x in (speaker.position, speaker.affiliation) if x)
        lines.append(f"{speaker.display_name} ({about})" if about else speaker.display_name)
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


def talk_event(site: Site, one: SiteTalk, sequence: int) -> TalkEvent | None:
    """The VEVENT of a talk; None for a talk without a date."""
    talk = one.talk
    start, end = talk.start, talk.end
    if start is None:
        return None
    from icalendar import Event  # noqa: PLC0415

    event = Event()
    event.add("uid", f"{talk.id}@{site.host}")
    event.add("dtstamp", one.record.modified or dt.datetime.now(dt.timezone.utc))
    event.add("summary", clean_text(talk.title))
    zones: set[str] = set()
    if isinstance(start, dt.datetime):
        if not isinstance(end, dt.datetime):
            minutes = site.settings.default_duration
            end = end_after(start, minutes) if minutes else None
        for name, moment in (("dtstart", start), ("dtend", end)):
            if isinstance(moment, dt.datetime):
                written, zone = calendar_moment(moment, talk.timezone)
                event.add(name, written)
                zones.update([zone] if zone else [])
    else:  # a date-only talk is an all-day event
        event.add("dtstart", start)
        last = end if isinstance(end, dt.date) and not isinstance(end, dt.datetime) else start
        after = next_day(last)
        if after is not None:
            event.add("dtend", after)
    event.add("sequence", sequence)
    event.add("status", "CONFIRMED")
    where = ", ".join(x for x in (talk.venue, talk.online_url) if x)
    if where:
        event.add("location", clean_text(where))
    event.add("url", site.url(one.path))
    event.add("description", _description(site, one))
    categories = [c for c in (talk.series, *talk.tags) if c]
    if categories:
        event.add("categories", [clean_text(c) for c in categories])
    return TalkEvent(bytes(event.to_ical()), tuple(sorted(zones)))


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
    calendar.add("x-wr-calname", clean_text(name))
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
    for old in (outdir / FOLDER).glob("*.ics"):  # talks that are gone, or have no date now
        if old.name not in calendars:
            old.unlink()
    site_calendar = calendar_bytes(site_events, site.project, zones, years_of(talks))
    if not (outdir / FILENAME).exists() or (outdir / FILENAME).read_bytes() != site_calendar:
        (outdir / FILENAME).write_bytes(site_calendar)
    write_if_changed(state_path, json.dumps(new_state, sort_keys=True))


def _cached_event(path: Path, saved: object, key: str) -> TalkEvent | None:
    """The event kept from the last build, when it was made from the same data."""
    if not isinstance(saved, list) or len(saved) != 2 or saved[0] != key:
        return None
    try:
        return TalkEvent(path.read_bytes(), tuple(str(zone) for zone in saved[1]))
    except OSError:
        return None


def resolve_calendar_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: each talk's calendar-link placeholder becomes "Add to calendar",
    linking the talk's own ``.ics``, in the HTML builders that write calendars; elsewhere, and
    for a talk without a date or whose id another file took first, it goes."""
    writes_calendars = app.builder.name in EXPORT_BUILDERS and "ics" in get_config(app).exports
    domain = domain_of(app.env)
    for placeholder in list(doctree.findall(seminar_calendar_link)):
        record = domain.talk_at(docname, placeholder["anchor"]) if writes_calendars else None
        if record is None or record.talk.start is None:
            placeholder.parent.remove(placeholder)
            continue
        target = relative_to_page(app, docname, talk_calendar_path(record.id))
        link = nodes.reference("Add to calendar", "Add to calendar", refuri=target)
        link["classes"].append("seminar-ics")
        placeholder.replace_self([nodes.Text(" "), link])
