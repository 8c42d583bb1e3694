"""What pages show of the calendars, resolved when the page is written: each talk's "Add to
calendar" links (its ``.ics``, and Google Calendar and Outlook pages that add it), and the
blocks to subscribe to the site's or a series' calendar."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from docutils import nodes

from ..config import get_config
from ..domain import domain_of
from ..ids import subscription_path, talk_calendar_path
from ..nodes import seminar_box, seminar_calendar_link, seminar_subscribe
from .calendar_links import (
    google_event,
    google_subscribe,
    outlook_event,
    outlook_subscribe,
    webcal,
)
from .calendar_time import end_after
from .common import EXPORT_BUILDERS, Site, relative_to_page, site_of, talk_path
from .feed import FILENAME as FEED
from .feed import feed_path
from .ical import FILENAME, published

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
    end = now.end
    if isinstance(now.start, dt.datetime) and not isinstance(end, dt.datetime):
        minutes = site.settings.default_duration
        end = end_after(now.start, minutes) if minutes else None
    page = site.url(talk_path(app, record))
    details = "\n\n".join(x for x in (", ".join(s.display_name for s in talk.speakers), page) if x)
    location = ", ".join(x for x in (talk.venue, talk.online_url) if x)
    found = [
        (name, css, url)
        for name, css, url in (
            ("Google", "seminar-google", google_event(talk.title, now.start, end,
                                                      details=details, location=location)),
            ("Outlook", "seminar-outlook", outlook_event(talk.title, now.start, end,
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


def resolve_subscribe_blocks(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: each subscribe placeholder becomes links to subscribe to its
    calendar (``webcal:``, Google Calendar, Outlook, the address to copy) and the feed, in the
    HTML builders that write calendars; elsewhere, and for a calendar not written (a series
    when ``seminar_subscriptions`` has no ``series``), it goes."""
    writes_calendars = app.builder.name in EXPORT_BUILDERS and "ics" in get_config(app).exports
    site = site_of(app) if writes_calendars else None
    for placeholder in list(doctree.findall(seminar_subscribe)):
        kind, key = placeholder["kind"], placeholder["key"]
        if site is None or (
            kind != "site" and (kind not in site.settings.subscriptions or not key)
        ):
            placeholder.parent.remove(placeholder)
            continue
        path = FILENAME if kind == "site" else subscription_path(kind, key)
        feed = FEED if kind == "site" else feed_path(kind, key)
        name = site.project if kind == "site" else f"{site.project}: {placeholder['name']}"
        placeholder.replace_self(_subscribe_block(app, site, docname, path, name, feed))


def _subscribe_block(
    app: Sphinx, site: Site, docname: str, path: str, name: str, feed: str
) -> nodes.Element:
    """``Subscribe: calendar (webcal) · Google Calendar · Outlook · feed`` and the address."""
    box = seminar_box(classes=["seminar-subscribe"])
    paragraph = nodes.paragraph()
    paragraph += nodes.strong("Subscribe: ", "Subscribe: ", classes=["seminar-label"])
    url = site.url(path)
    links = [("Calendar", "seminar-webcal", webcal(url) or relative_to_page(app, docname, path))]
    if site.base:
        links += [
            ("Google Calendar", "seminar-google-subscribe", google_subscribe(url)),
            ("Outlook", "seminar-outlook-subscribe", outlook_subscribe(url, name)),
        ]
    if "atom" in site.settings.exports:
        links.append(("Feed", "seminar-feed", relative_to_page(app, docname, feed)))
    for index, (text, css, target) in enumerate(links):
        if index:
            paragraph += nodes.Text(" · ")
        paragraph += nodes.reference(text, text, refuri=target, classes=[css])
    box += paragraph
    if site.base:
        box["data-calendar-url"] = url
        address = nodes.paragraph(classes=["seminar-calendar-address"])
        address += nodes.literal(url, url, classes=["seminar-calendar-url"])
        box += address
    return box
