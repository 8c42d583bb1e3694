"""Calendars: ``seminars.ics`` with every talk (or a recent window) and one ``.ics`` per talk,
linked from its page ("Add to calendar").  Generated with icalendar: DTSTART with TZID and a
VTIMEZONE (or UTC), stable UIDs, DTSTAMP, SEQUENCE bumped when a talk moves."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from docutils import nodes
from sphinx.util import logging

from ..config import get_config
from ..domain import domain_of
from ..ids import talk_anchor, talk_calendar_path
from ..listings import today
from ..problems import Code
from .common import (
    EXPORT_BUILDERS,
    SiteTalk,
    absolute_url,
    clean_text,
    parse_moment,
    relative_to_page,
    site_host,
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


def _instant(value: str | None) -> dt.datetime | dt.date | None:
    moment = parse_moment(value)
    if isinstance(moment, dt.datetime) and moment.tzinfo is not None:
        return moment.astimezone(dt.timezone.utc)
    return moment


def update_sequences(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: a talk whose start or end moved gets the next SEQUENCE number.

    The history lives in the environment, so it survives between builds; a fresh build
    recovers it from the ``seminars.ics`` it finds in the output folder."""
    domain = domain_of(env)
    history: dict[str, list[Any]] = domain.data["sequences"]
    if not history:
        history.update(_sequences_from_calendar(Path(app.outdir) / FILENAME, site_host(app)))
    for entry in domain.talks():
        known = history.get(entry.id)
        moment = [entry.start, entry.end]
        if known is None:
            history[entry.id] = [*moment, 0]
        elif _moved(known[:2], moment):
            history[entry.id] = [*moment, int(known[2]) + 1]
    return []


def _moved(before: list[str | None], now: list[str | None]) -> bool:
    """Whether the start moved, or an end known before and now moved (as instants)."""
    if _instant(before[0]) != _instant(now[0]):
        return True
    return None not in (before[1], now[1]) and _instant(before[1]) != _instant(now[1])


def _sequences_from_calendar(path: Path, host: str) -> dict[str, list[Any]]:
    """The SEQUENCE history kept in a calendar written earlier; nothing when there is none,
    and a ``seminar.export`` warning when it cannot be read (it is written anew)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return {}
    from icalendar import Calendar  # noqa: PLC0415 - icalendar loads only when it is needed

    found: dict[str, list[Any]] = {}
    try:
        for event in Calendar.from_ical(raw).walk("VEVENT"):
            uid = str(event.get("UID", ""))
            if not uid.endswith(f"@{host}"):
                continue
            start = event.get("DTSTART")
            end = event.get("DTEND")
            found[uid.removesuffix(f"@{host}")] = [
                start.dt.isoformat() if start else None,
                end.dt.isoformat() if end else None,
                int(event.get("SEQUENCE", 0)),
            ]
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


def as_utc(moment: dt.datetime) -> dt.datetime | None:
    """An aware moment in UTC; None when it cannot be (a year outside 1 to 9999 in UTC)."""
    try:
        return moment.astimezone(dt.timezone.utc)
    except (OverflowError, ValueError):
        return None


def _wall_time_is_unique(moment: dt.datetime) -> bool:
    """Whether a zoned wall time names one instant: not in the hour the clocks repeat when
    they go back, and not in the hour they skip when they go forward."""
    try:
        other = moment.replace(fold=1 - moment.fold)
        round_trip = moment.astimezone(dt.timezone.utc).astimezone(moment.tzinfo)
    except (OverflowError, ValueError):
        return False
    return other.utcoffset() == moment.utcoffset() and round_trip.replace(fold=0) == moment.replace(
        fold=0
    )


def calendar_moment(moment: dt.datetime, zone: str | None) -> tuple[dt.datetime, str | None]:
    """How a moment is written in a calendar: in its IANA zone (with TZID and VTIMEZONE) when
    the talk names one, the year is within :data:`ZONED_YEARS` and its wall time names one
    instant; else in UTC.  A time with only an offset (``+01:00``) is written in UTC, so no
    calendar guesses a zone from the offset.  Returns the moment and the TZID used."""
    if moment.tzinfo is None:
        return moment, None  # floating: a talk whose zone is not known
    utc = as_utc(moment)
    if utc is None:
        return moment.replace(tzinfo=None), None
    if zone is None or zone in ("UTC", "GMT") or not ZONED_YEARS[0] <= utc.year <= ZONED_YEARS[1]:
        return utc, None
    try:
        zoned = utc.astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError, OverflowError):
        return utc, None
    if not _wall_time_is_unique(zoned):
        return utc, None
    return zoned, zone


#: The years whose times are written in their own zone; outside them (and for the edges of
#: the calendar, 0001 and 9999), UTC: a VTIMEZONE for a thousand years would be absurd.
ZONED_YEARS = (1900, 2200)


def _end_of(start: dt.datetime, minutes: int) -> dt.datetime | None:
    """``minutes`` after ``start`` in real time (not on the wall clock of a day when the
    clocks change), or None past the end of the calendar."""
    utc = as_utc(start)
    if utc is None:
        return None
    try:
        return utc + dt.timedelta(minutes=minutes)
    except OverflowError:
        return None


def _next_day(day: dt.date) -> dt.date | None:
    try:
        return day + dt.timedelta(days=1)
    except OverflowError:
        return None


def _description(app: Sphinx, talk: SiteTalk) -> str:
    lines = []
    for speaker in talk.data["speakers"]:
        name = " ".join(x for x in (speaker["honorific"], speaker["name"]) if x)
        about = ", ".join(x for x in (speaker["position"], speaker["affiliation"]) if x)
        lines.append(f"{name} ({about})" if about else name)
    if talk.data["online_url"]:
        lines.append(f"Online: {talk.data['online_url']}")
    if talk.data["abstract"]:
        abstract = talk.data["abstract"]
        lines += ["", abstract if len(abstract) <= 600 else abstract[:600].rstrip() + " …"]
    lines += ["", f"More: {absolute_url(app, talk.path)}"]
    return clean_text("\n".join(lines))


class TalkEvent(NamedTuple):
    """A talk's VEVENT, serialised, and the zones (TZIDs) it names."""

    event: bytes
    zones: tuple[str, ...]


def talk_event(app: Sphinx, talk: SiteTalk, sequence: int) -> TalkEvent | None:
    """The VEVENT of a talk; None for a talk without a date."""
    data = talk.data
    start = parse_moment(data["start"])
    if start is None:
        return None
    end = parse_moment(data["end"])
    from icalendar import Event  # noqa: PLC0415

    event = Event()
    event.add("uid", f"{talk.entry.id}@{site_host(app)}")
    stamp = parse_moment(talk.modified) if talk.modified else None
    event.add(
        "dtstamp", stamp if isinstance(stamp, dt.datetime) else dt.datetime.now(dt.timezone.utc)
    )
    event.add("summary", clean_text(data["title"]))
    zones: set[str] = set()
    if isinstance(start, dt.datetime):
        if not isinstance(end, dt.datetime):
            minutes = get_config(app).default_duration
            end = _end_of(start, minutes) if minutes else None
        for name, moment in (("dtstart", start), ("dtend", end)):
            if isinstance(moment, dt.datetime):
                written, zone = calendar_moment(moment, data["timezone"])
                event.add(name, written)
                zones.update([zone] if zone else [])
    else:  # a date-only talk is an all-day event
        event.add("dtstart", start)
        last = end if isinstance(end, dt.date) and not isinstance(end, dt.datetime) else start
        after = _next_day(last)
        if after is not None:
            event.add("dtend", after)
    event.add("sequence", sequence)
    event.add("status", "CONFIRMED")
    where = ", ".join(x for x in (data["venue"], data["online_url"]) if x)
    if where:
        event.add("location", clean_text(where))
    event.add("url", absolute_url(app, talk.path))
    event.add("description", _description(app, talk))
    categories = [c for c in (data["series"], *data["tags"]) if c]
    if categories:
        event.add("categories", [clean_text(c) for c in categories])
    return TalkEvent(bytes(event.to_ical()), tuple(sorted(zones)))


def years_of(talks: list[SiteTalk]) -> tuple[int, int]:
    """The first and last year of the talks whose times are written in their zone."""
    low, high = ZONED_YEARS
    years = [
        year for t in talks if t.data["start"] and low <= (year := int(t.data["start"][:4])) <= high
    ]
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


def _in_window(app: Sphinx, talk: SiteTalk) -> bool:
    days = get_config(app).ics_window_days
    start = parse_moment(talk.data["start"])
    if days is None or start is None:
        return True
    day = start.date() if isinstance(start, dt.datetime) else start
    try:
        return day >= today(app.env) - dt.timedelta(days=days)
    except OverflowError:
        return False


def write_calendars(app: Sphinx, talks: list[SiteTalk]) -> None:
    """Write the site calendar and the calendars of the talks that changed.

    A talk's serialised event is kept beside the doctrees with a digest of what it was made
    from, so a rebuild serialises only the events of talks that changed."""
    outdir = Path(app.outdir)
    history = domain_of(app.env).data["sequences"]
    cache = Path(app.doctreedir) / CACHE
    state_path = cache / STATE
    try:
        state: dict[str, Any] = json.loads(state_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = {}
    new_state: dict[str, list[Any]] = {}
    zones = Zones()
    site_events: list[TalkEvent] = []
    calendars: set[str] = set()
    for talk in talks:
        stem = talk_anchor(talk.entry.id)
        sequence = int(history.get(talk.entry.id, [None, None, 0])[2])
        key = _digest(talk.data, talk.modified, talk.path, sequence, base=absolute_url(app, ""))
        path = outdir / talk_calendar_path(talk.entry.id)
        event = _cached_event(cache / f"{stem}.vevent", state.get(stem), key)
        if event is None or (event.event and not path.exists()):
            event = talk_event(app, talk, sequence) or TalkEvent(b"", ())
            (cache / f"{stem}.vevent").parent.mkdir(parents=True, exist_ok=True)
            (cache / f"{stem}.vevent").write_bytes(event.event)
            if event.event:
                path.parent.mkdir(parents=True, exist_ok=True)
                own_years = years_of([talk])
                path.write_bytes(calendar_bytes([event], talk.data["title"], zones, own_years))
        new_state[stem] = [key, list(event.zones)]
        if event.event:
            calendars.add(path.name)
            if _in_window(app, talk):
                site_events.append(event)
    for old in (outdir / FOLDER).glob("*.ics"):  # talks that are gone, or have no date now
        if old.name not in calendars:
            old.unlink()
    site = calendar_bytes(site_events, app.config.project, zones, years_of(talks))
    if not (outdir / FILENAME).exists() or (outdir / FILENAME).read_bytes() != site:
        (outdir / FILENAME).write_bytes(site)
    write_if_changed(state_path, json.dumps(new_state, sort_keys=True))


def _cached_event(path: Path, saved: object, key: str) -> TalkEvent | None:
    """The event kept from the last build, when it was made from the same data."""
    if not isinstance(saved, list) or len(saved) != 2 or saved[0] != key:
        return None
    try:
        return TalkEvent(path.read_bytes(), tuple(str(zone) for zone in saved[1]))
    except OSError:
        return None


def _digest(*parts: object, **named: object) -> str:
    text = json.dumps([parts, named], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def add_calendar_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: an "Add to calendar" link in the when-block of each talk."""
    if app.builder.name not in EXPORT_BUILDERS or "ics" not in get_config(app).exports:
        return
    domain = domain_of(app.env)
    for section in doctree.findall(nodes.section):
        if "seminar-talk" not in section["classes"] or not section["ids"]:
            continue
        when = next(
            (c for c in section.children if isinstance(c, nodes.container)
             and "seminar-when" in c["classes"]),
            None,
        )  # fmt: skip
        if when is None or not when.children:
            continue
        talk = domain.talk_at(docname, section["ids"][0])
        if talk is None or talk.start is None:  # a second talk of the same id: no calendar
            continue
        target = relative_to_page(app, docname, talk_calendar_path(talk.id))
        link = nodes.reference("Add to calendar", "Add to calendar", refuri=target)
        link["classes"].append("seminar-ics")
        paragraph = when.children[0]
        if isinstance(paragraph, nodes.paragraph):
            paragraph += [nodes.Text(" "), link]
