"""schema.org ``Event`` JSON-LD in the head of each page that renders talks, with the
properties Google's Event guidelines require (name, startDate, location with an address or an
online link) and recommend (description, endDate, eventAttendanceMode, eventStatus, image,
organizer, performer)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ..config import get_config
from ..domain import domain_of
from ..records import TalkRecord
from ..serialize import format_moment
from .calendar_time import end_after
from .common import EXPORT_BUILDERS, Site, relative_to_page, site_of, talk_path

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


def talk_image(talk: Talk) -> str | None:
    """The talk's own image (a poster, a photo of the speaker), put before the site's images.

    ``Talk`` has no image field yet: when it gets one, this returns it (an address, or a
    path from the site root)."""
    return None


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


def end_of(talk: Talk, minutes: int) -> dt.datetime | dt.date | None:
    """When the talk ends: its written end, else ``minutes`` after its start in real time
    (so across a change of the clocks too), shown in the start's zone; a talk of a day ends
    that day.  None when no end can be said (no start, ``minutes`` 0, past year 9999)."""
    start = talk.start
    if talk.end is not None or start is None:
        return talk.end
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


def event_data(record: TalkRecord, site: Site, path: str, address: Addresser) -> dict[str, Any]:
    """The schema.org Event of a talk at ``path`` (from the site root); ``address`` turns
    such a path into an address the page can use."""
    talk = record.talk
    url = address(path)
    event: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": talk.title,
        "url": url,
        "eventStatus": f"{SCHEMA}/EventScheduled",
    }
    locations = _locations(talk, site, url)
    mode = _attendance_mode(locations)
    if mode:
        event["eventAttendanceMode"] = mode
    if talk.start is not None:
        event["startDate"] = format_moment(talk.start)
    end = end_of(talk, site.settings.default_duration)
    if end is not None:
        event["endDate"] = format_moment(end)
    if locations:
        event["location"] = locations[0] if len(locations) == 1 else locations
    images = [image for image in (talk_image(talk), *site.settings.image) if image]
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

    events = [event_data(r, site, talk_path(app, r), address) for r in records]
    tag = script_tag(events[0] if len(events) == 1 else events)
    context["metatags"] = context.get("metatags", "") + "\n" + tag
