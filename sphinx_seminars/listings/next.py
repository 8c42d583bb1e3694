"""``seminar-next``: the next talks for a home page, soonest first, with how soon each is
("today", "in 3 days" as of the build; the page script keeps it current to the minute and
shows "live now") and its join link, which the script highlights from shortly before the
start to the end."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from docutils import nodes

from ..nodes import seminar_box
from ..serialize import format_moment
from .rows import Rows

if TYPE_CHECKING:
    from ..records import TalkRecord


def how_soon(day: dt.date, today: dt.date) -> str:
    """``today``, ``tomorrow`` or ``in 3 days``, as of ``today``."""
    days = (day - today).days
    if days <= 0:
        return "today"
    return "tomorrow" if days == 1 else f"in {days} days"


def render_next(talks: list[TalkRecord], rows: Rows, today: dt.date) -> nodes.Element:
    box = seminar_box(classes=["seminar-next"], role="list")
    if not talks:
        box += nodes.paragraph(
            "No upcoming talks.", "No upcoming talks.", classes=["seminar-empty"]
        )
        return box
    for record in talks:
        card = seminar_box(classes=["seminar-next-talk"], role="listitem")
        card["data-start"] = format_moment(record.start)
        card["data-end"] = format_moment(record.talk.end)
        if record.talk.status:
            card["classes"].append(f"seminar-status-{record.talk.status}")
        when = nodes.paragraph(classes=["seminar-next-when"])
        when += rows.date_node(record)
        if record.day is not None:
            soon = how_soon(record.day, today)
            when += [nodes.Text(" "), nodes.inline(soon, soon, classes=["seminar-countdown"])]
        card += when
        card += nodes.paragraph(
            "", "", rows.talk_link(record), *rows.badges(record), classes=["seminar-next-title"]
        )
        people = rows.speaker_links(record)
        if people:
            card += nodes.paragraph("", "", *people, classes=["seminar-next-speakers"])
        where = _where(record)
        if where is not None:
            card += where
        box += card
    return box


def _where(record: TalkRecord) -> nodes.paragraph | None:
    """The venue and the join link of an online talk."""
    talk = record.talk
    if not talk.venue and not talk.online_url:
        return None
    paragraph = nodes.paragraph(classes=["seminar-next-where"])
    if talk.venue:
        paragraph += nodes.inline(talk.venue, talk.venue, classes=["seminar-venue-place"])
    if talk.online_url:
        if talk.venue:
            paragraph += nodes.Text(" — ")
        paragraph += nodes.reference(
            "Join online", "Join online", refuri=talk.online_url, classes=["seminar-join"]
        )
    return paragraph
