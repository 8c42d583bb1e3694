"""schema.org ``Event`` JSON-LD in the head of each page that renders talks."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..config import get_config
from ..domain import domain_of
from ..records import TalkRecord
from ..serialize import format_moment
from .common import EXPORT_BUILDERS, site_of, talk_path

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

    from ..model import Speaker

SCHEMA = "https://schema.org"


def _person(speaker: Speaker) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", "name": speaker.name}
    if speaker.honorific:
        person["honorificPrefix"] = speaker.honorific
    if speaker.position:
        person["jobTitle"] = speaker.position
    if speaker.affiliation:
        person["affiliation"] = {"@type": "Organization", "name": speaker.affiliation}
    return person


def event_data(record: TalkRecord, url: str) -> dict[str, Any]:
    """The schema.org Event of a talk."""
    talk = record.talk
    venue = talk.venue if talk.venue and talk.venue.lower() != "online" else None
    places: list[dict[str, Any]] = []
    if venue:
        places.append({"@type": "Place", "name": venue, "address": venue})
    if talk.online_url:
        places.append({"@type": "VirtualLocation", "url": talk.online_url})
    mode = "Mixed" if venue and talk.online_url else "Online" if talk.online_url else "Offline"
    event: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": talk.title,
        "url": url,
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/{mode}EventAttendanceMode",
    }
    if talk.start is not None:
        event["startDate"] = format_moment(talk.start)
    if talk.end is not None:
        event["endDate"] = format_moment(talk.end)
    if places:
        event["location"] = places[0] if len(places) == 1 else places
    if talk.speakers:
        event["performer"] = [_person(s) for s in talk.speakers]
    if record.abstract_text:
        event["description"] = record.abstract_text
    if talk.series:
        event["superEvent"] = {"@type": "EventSeries", "name": talk.series}
    return event


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
    events = [event_data(r, site.url(talk_path(app, r))) for r in records]
    tag = script_tag(events[0] if len(events) == 1 else events)
    context["metatags"] = context.get("metatags", "") + "\n" + tag
