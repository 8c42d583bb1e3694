"""What pages show of the calendars: each talk's "Add to calendar" links (its ``.ics``, and
Google Calendar and Outlook pages that add it), resolved when the page is written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..config import get_config
from ..domain import domain_of
from ..ids import talk_calendar_path
from ..nodes import seminar_calendar_link
from .calendar_links import google_event, outlook_event
from .common import EXPORT_BUILDERS, Site, relative_to_page, site_of, talk_path
from .ical import published

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..records import TalkRecord


def resolve_calendar_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: each talk's calendar-link placeholder becomes "Add to calendar",
    linking the talk's own ``.ics``, with links that add it to Google Calendar and Outlook, in
    the HTML builders that write calendars; elsewhere, and for a talk without a date or whose
    id another file took first, it goes."""
    writes_calendars = app.builder.name in EXPORT_BUILDERS and "ics" in get_config(app).exports
    domain = domain_of(app.env)
    site = site_of(app) if writes_calendars else None
    for placeholder in list(doctree.findall(seminar_calendar_link)):
        record = domain.talk_at(docname, placeholder["anchor"]) if site is not None else None
        if site is None or record is None or record.talk.start is None:
            placeholder.parent.remove(placeholder)
            continue
        placeholder.replace_self([nodes.Text(" "), _add_to_calendar(app, site, record, docname)])


def _add_to_calendar(app: Sphinx, site: Site, record: TalkRecord, docname: str) -> nodes.Node:
    """``Add to calendar (Google, Outlook)``: the talk's ``.ics`` and "add event" pages."""
    menu = nodes.inline(classes=["seminar-add-to-calendar"])
    target = relative_to_page(app, docname, talk_calendar_path(record.id))
    menu += nodes.reference(
        "Add to calendar", "Add to calendar", refuri=target, classes=["seminar-ics"]
    )
    now = published(record)
    talk = record.talk
    if now.start is None or now.status == "CANCELLED":
        return menu
    page = site.url(talk_path(app, record))
    details = "\n\n".join(x for x in (", ".join(s.display_name for s in talk.speakers), page) if x)
    location = ", ".join(x for x in (talk.venue, talk.online_url) if x)
    found = [
        (name, css, url)
        for name, css, url in (
            ("Google", "seminar-google", google_event(talk.title, now.start, now.end,
                                                      details=details, location=location)),
            ("Outlook", "seminar-outlook", outlook_event(talk.title, now.start, now.end,
                                                         details=details, location=location)),
        )
        if url
    ]  # fmt: skip
    if found:
        menu += nodes.Text(" (")
        for index, (name, css, url) in enumerate(found):
            if index:
                menu += nodes.Text(" · ")
            menu += nodes.reference(name, name, refuri=url, classes=[css])
        menu += nodes.Text(")")
    return menu
