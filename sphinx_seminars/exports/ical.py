"""Calendars: ``seminars.ics`` with every talk (or a recent window) and one ``.ics`` per talk,
linked from its page ("Add to calendar").  Generated with icalendar: DTSTART with TZID and a
VTIMEZONE (or UTC), stable UIDs, DTSTAMP, SEQUENCE bumped when a talk moves."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from docutils import nodes

from ..domain import domain_of
from ..listings import today
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
    from icalendar import Event
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

FILENAME = "seminars.ics"
FOLDER = "_ics"
CACHE = "sphinx-seminars-ics"
STATE = "state.json"
PRODID = "-//sphinx-seminars//talk calendar//EN"


def talk_calendar_path(anchor: str) -> str:
    """Where a talk's own calendar is, relative to the site root."""
    return f"{FOLDER}/{anchor}.ics"


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
    from icalendar import Calendar  # noqa: PLC0415 - icalendar loads only when it is needed

    try:
        calendar = Calendar.from_ical(path.read_bytes())
    except (OSError, ValueError):
        return {}
    found: dict[str, list[Any]] = {}
    for event in calendar.walk("VEVENT"):
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
    return found


def _zoned(value: dt.datetime, zone: str | None) -> dt.datetime:
    """A time in its IANA zone (written with TZID and VTIMEZONE) when one is known."""
    if value.tzinfo is None or not zone:
        return value
    try:
        return value.astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError):
        return value.astimezone(dt.timezone.utc)


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


def talk_event(app: Sphinx, talk: SiteTalk, sequence: int) -> Event | None:
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
    if isinstance(start, dt.datetime):
        event.add("dtstart", _zoned(start, data["timezone"]))
        minutes = app.config.seminar_default_duration
        if isinstance(end, dt.datetime):
            event.add("dtend", _zoned(end, data["timezone"]))
        elif minutes:
            event.add("dtend", _zoned(start + dt.timedelta(minutes=minutes), data["timezone"]))
    else:  # a date-only talk is an all-day event
        event.add("dtstart", start)
        last = end if isinstance(end, dt.date) and not isinstance(end, dt.datetime) else start
        event.add("dtend", last + dt.timedelta(days=1))
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
    return event


class Zones:
    """VTIMEZONE components, made once per zone for the years the talks span."""

    def __init__(self, talks: list[SiteTalk]) -> None:
        years = [int(t.data["start"][:4]) for t in talks if t.data["start"]]
        self.first = dt.date(min(years, default=2000) - 1, 1, 1)
        self.last = dt.date(max(years, default=2000) + 2, 1, 1)
        self.made: dict[str, bytes] = {}

    def serialised(self, tzid: str) -> bytes:
        """The VTIMEZONE of ``tzid``, serialised (once per zone)."""
        from icalendar import Timezone  # noqa: PLC0415

        if tzid not in self.made:
            zone = Timezone.from_tzid(tzid, first_date=self.first, last_date=self.last)
            self.made[tzid] = bytes(zone.to_ical())
        return self.made[tzid]


def calendar_bytes(events: list[bytes], name: str, zones: Zones) -> bytes:
    """A calendar of serialised VEVENTs, with a VTIMEZONE for every zone they name.

    Each event and each VTIMEZONE is serialised once (by icalendar) and reused in the talks'
    own calendars and in the site calendar."""
    from icalendar import Calendar  # noqa: PLC0415

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", clean_text(name))
    used = sorted({m.decode() for event in events for m in _TZID.findall(event)})
    serialised: bytes = calendar.to_ical()
    head, _, tail = serialised.rpartition(b"END:VCALENDAR")
    parts = [zones.serialised(tzid) for tzid in used] + events
    return head + b"".join(parts) + b"END:VCALENDAR" + tail


_TZID = re.compile(rb";TZID=([^:;\r\n]+)")


def _in_window(app: Sphinx, talk: SiteTalk) -> bool:
    days = app.config.seminar_ics_window_days
    start = parse_moment(talk.data["start"])
    if days is None or start is None:
        return True
    day = start.date() if isinstance(start, dt.datetime) else start
    return day >= today(app.env) - dt.timedelta(days=days)


def write_calendars(app: Sphinx, talks: list[SiteTalk]) -> None:
    """Write the site calendar and the calendars of the talks that changed.

    A talk's serialised event is kept beside the doctrees with a digest of what it was made
    from, so a rebuild serialises only the events of talks that changed."""
    outdir = Path(app.outdir)
    history = domain_of(app.env).data["sequences"]
    cache = Path(app.doctreedir) / CACHE
    state_path = cache / STATE
    try:
        state: dict[str, str] = json.loads(state_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = {}
    new_state: dict[str, str] = {}
    zones = Zones(talks)
    site_events: list[bytes] = []
    for talk in talks:
        anchor = talk.entry.anchor
        sequence = int(history.get(talk.entry.id, [None, None, 0])[2])
        key = _digest(talk.data, talk.modified, talk.path, sequence, base=absolute_url(app, ""))
        new_state[anchor] = key
        event = _cached_event(cache / f"{anchor}.vevent", state.get(anchor) == key)
        path = outdir / talk_calendar_path(anchor)
        if event is None or not path.exists():
            made = talk_event(app, talk, sequence)
            event = bytes(made.to_ical()) if made is not None else b""
            (cache / f"{anchor}.vevent").parent.mkdir(parents=True, exist_ok=True)
            (cache / f"{anchor}.vevent").write_bytes(event)
            if event:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(calendar_bytes([event], talk.data["title"], zones))
        if event and _in_window(app, talk):
            site_events.append(event)
    for old in (outdir / FOLDER).glob("*.ics"):  # talks that are gone
        if old.stem not in new_state:
            old.unlink()
    site = calendar_bytes(site_events, app.config.project, zones)
    if not (outdir / FILENAME).exists() or (outdir / FILENAME).read_bytes() != site:
        (outdir / FILENAME).write_bytes(site)
    write_if_changed(state_path, json.dumps(new_state, sort_keys=True))


def _cached_event(path: Path, current: bool) -> bytes | None:
    if not current:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def _digest(*parts: object, **named: object) -> str:
    text = json.dumps([parts, named], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def add_calendar_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: an "Add to calendar" link in the when-block of each talk."""
    if app.builder.name not in EXPORT_BUILDERS or "ics" not in app.config.seminar_exports:
        return
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
        target = relative_to_page(app, docname, talk_calendar_path(section["ids"][0]))
        link = nodes.reference("Add to calendar", "Add to calendar", refuri=target)
        link["classes"].append("seminar-ics")
        paragraph = when.children[0]
        if isinstance(paragraph, nodes.paragraph):
            paragraph += [nodes.Text(" "), link]
