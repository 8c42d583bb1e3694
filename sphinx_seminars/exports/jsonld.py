"""schema.org ``Event`` JSON-LD in the head of each page that renders talks, with the
properties Google's Event guidelines require (name, startDate, location with an address or an
online link) and recommend (description, endDate, eventAttendanceMode, eventStatus, image,
organizer, performer, previousStartDate)."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ..config import get_config
from ..domain import domain_of
from ..localfiles import inside_source
from ..records import Moment, TalkRecord
from ..serialize import format_moment
from .calendar_time import end_after
from .common import EXPORT_BUILDERS, Site, relative_to_page, site_of, talk_path
from .ical import published

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

    from ..model import Speaker, Talk

SCHEMA = "https://schema.org"
#: The parts of a postal address (``Talk.address``, ``seminar_venue_address``) and their
#: schema.org names.
POSTAL_PARTS = {
    "street": "streetAddress",
    "city": "addressLocality",
    "region": "addressRegion",
    "postcode": "postalCode",
    "country": "addressCountry",
}
#: A talk's status (``Talk.status``) -> its schema.org ``EventStatusType``.
STATUS_TYPES = {
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "rescheduled": "EventRescheduled",
}
#: Turns a path from the site root into an address the page can use.
Addresser = Callable[[str], str]


def _person(speaker: Speaker) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", "name": speaker.name}
    if speaker.honorific:
        person["honorificPrefix"] = speaker.honorific
    if speaker.position:
        person["jobTitle"] = speaker.position
    if speaker.affiliation:
        person["affiliation"] = {"@type": "Organization", "name": speaker.affiliation}
    return person


def postal_address(parts: Mapping[str, object]) -> dict[str, Any] | None:
    """A schema.org ``PostalAddress`` of the parts that are known, or None when none is."""
    found = {name: parts[part] for part, name in POSTAL_PARTS.items() if parts.get(part)}
    return {"@type": "PostalAddress", **found} if found else None


def organizer(site: Site) -> dict[str, Any]:
    """Who runs the series (``seminar_organizer``): by default the project, at the site's
    address."""
    settings = site.settings.organizer
    found: dict[str, Any] = {
        "@type": settings.get("type", "Organization"),
        "name": settings.get("name") or site.project,
    }
    url = settings.get("url") or site.base
    if url:
        found["url"] = url
    return found


def picture_path(app: Sphinx, talk: Talk) -> str | None:
    """Where the talk's picture is: an https address as it is; a local file where the HTML
    builder copied it (``_images/...``, from the site root); None when it has none, or the
    file was not copied (it is not inside the source folder)."""
    image = talk.image
    if image is None:
        return None
    if image.src.lower().startswith("https://"):
        return image.src
    source = talk.source
    if os.path.isabs(source):  # an inline talk: its page
        source = os.path.relpath(source, app.env.srcdir)
    path = inside_source(app.env, source.replace(os.sep, "/"), image.src)
    name = app.builder.images.get(path) if path else None
    return f"{app.builder.imagedir}/{name}" if name else None


def _is_place(venue: str | None) -> bool:
    """Whether a venue names a place one can go to (not "Online")."""
    return bool(venue and venue.strip().lower() != "online")


def _locations(talk: Talk, site: Site, page_url: str) -> list[dict[str, Any]]:
    """The talk's ``Place`` (with its postal address: the talk's own, else the site's, else
    the venue text) and ``VirtualLocation`` (its online link; the talk's page for an online
    talk whose link is not published)."""
    found: list[dict[str, Any]] = []
    if _is_place(talk.venue):
        parts = talk.address.as_json() if talk.address else site.settings.venue_address
        address = postal_address(parts) or talk.venue
        found.append({"@type": "Place", "name": talk.venue, "address": address})
    if talk.online_url:
        found.append({"@type": "VirtualLocation", "url": talk.online_url})
    elif talk.venue and not found:
        found.append({"@type": "VirtualLocation", "url": page_url})
    return found


def _attendance_mode(locations: list[dict[str, Any]]) -> str | None:
    kinds = {location["@type"] for location in locations}
    if not kinds:
        return None
    mode = "Mixed" if len(kinds) == 2 else "Online" if "VirtualLocation" in kinds else "Offline"
    return f"{SCHEMA}/{mode}EventAttendanceMode"


def schedule(
    record: TalkRecord, replacement: TalkRecord | None
) -> tuple[Moment | None, Moment | None, Moment | None]:
    """A talk's start, end and previous start: a talk rescheduled to a new time is there
    (keeping its length), one replaced by another talk of the site at that talk's time;
    the previous start is the one of the file, and None for a talk not moved."""
    talk = record.talk
    moved = talk.rescheduled_to
    if talk.status != "rescheduled" or moved is None:
        return talk.start, talk.end, None
    if isinstance(moved, str):
        if replacement is None:
            return talk.start, talk.end, None
        return replacement.talk.start, replacement.talk.end, talk.start
    now = published(record)
    return now.start, now.end, talk.start


def end_of(start: Moment | None, end: Moment | None, minutes: int) -> Moment | None:
    """When a talk ends: its written end, else ``minutes`` after its start in real time
    (so across a change of the clocks too), shown in the start's zone; a talk of a day ends
    that day.  None when no end can be said (no start, ``minutes`` 0, past year 9999)."""
    if end is not None or start is None:
        return end
    if not isinstance(start, dt.datetime):
        return start
    if minutes <= 0:
        return None
    try:
        if start.tzinfo is None:  # a zone not known: the wall clock is all there is
            return start + dt.timedelta(minutes=minutes)
        end = end_after(start, minutes)
        return end.astimezone(start.tzinfo) if end is not None else None
    except (OverflowError, ValueError):
        return None


def event_data(
    record: TalkRecord,
    site: Site,
    path: str,
    address: Addresser,
    *,
    picture: str | None = None,
    replacement: TalkRecord | None = None,
) -> dict[str, Any]:
    """The schema.org Event of a talk at ``path`` (from the site root); ``address`` turns
    such a path into an address the page can use.  ``picture`` is the talk's own image (see
    :func:`picture_path`), ``replacement`` the talk that replaces it when it was rescheduled
    to another talk."""
    talk = record.talk
    url = address(path)
    status = STATUS_TYPES.get(talk.status or "", "EventScheduled")
    event: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": talk.title,
        "url": url,
        "eventStatus": f"{SCHEMA}/{status}",
    }
    locations = _locations(talk, site, url)
    mode = _attendance_mode(locations)
    if mode:
        event["eventAttendanceMode"] = mode
    start, written_end, previous = schedule(record, replacement)
    if start is not None:
        event["startDate"] = format_moment(start)
    end = end_of(start, written_end, site.settings.default_duration)
    if end is not None:
        event["endDate"] = format_moment(end)
    if previous is not None:
        event["previousStartDate"] = format_moment(previous)
    if locations:
        event["location"] = locations[0] if len(locations) == 1 else locations
    images = [image for image in (picture, *site.settings.image) if image]
    if images:
        event["image"] = [_absolute(image, address) for image in dict.fromkeys(images)]
    if talk.speakers:
        event["performer"] = [_person(s) for s in talk.speakers]
    event["organizer"] = organizer(site)
    if record.abstract_text:
        event["description"] = record.abstract_text
    if talk.series:
        event["superEvent"] = {"@type": "EventSeries", "name": talk.series}
    return event


def _replacement(
    record: TalkRecord, talk_of: Callable[[str], TalkRecord | None]
) -> TalkRecord | None:
    moved = record.talk.rescheduled_to
    return talk_of(moved) if isinstance(moved, str) else None


def _absolute(image: str, address: Addresser) -> str:
    return image if image.startswith(("https://", "http://")) else address(image)


def script_tag(data: object) -> str:
    """A JSON-LD script element whose content cannot end the element early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/ld+json">{text}</script>'


def add_jsonld(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: the Events of the talks on this page go into its head."""
    if app.builder.name not in EXPORT_BUILDERS or "jsonld" not in get_config(app).exports:
        return
    domain = domain_of(app.env)
    records = [r for r in domain.talks_on(pagename) if domain.talk(r.id) == r]
    if not records:
        return
    site = site_of(app)

    def address(path: str) -> str:
        return site.url(path) if site.base else relative_to_page(app, pagename, path)

    events = [
        event_data(
            record,
            site,
            talk_path(app, record),
            address,
            picture=picture_path(app, record.talk),
            replacement=_replacement(record, domain.talk),
        )
        for record in records
    ]
    tag = script_tag(events[0] if len(events) == 1 else events)
    context["metatags"] = context.get("metatags", "") + "\n" + tag
