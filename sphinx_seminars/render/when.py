"""When a talk is: its date and time in the site's style, its zone and offset, and where its
"Add to calendar" links go (resolved when the page is written)."""

from __future__ import annotations

from docutils import nodes

from ..dates import DateStyle, zone_text
from ..ids import talk_anchor
from ..model import Talk
from ..nodes import seminar_box, seminar_calendar_link, seminar_time
from ..serialize import format_moment
from .blocks import labelled


def when_block(talk: Talk, style: DateStyle) -> nodes.container | None:
    if talk.start is None:
        return None
    block, paragraph = labelled("seminar-when", "When", seminar_box)
    # the page script reads data-start and data-end to mark the talk upcoming, live or past
    block["data-start"] = format_moment(talk.start)
    if talk.end is not None:
        block["data-end"] = format_moment(talk.end)
    text = style.when(talk)
    moment = seminar_time(text, text, datetime=format_moment(talk.start), classes=["seminar-start"])
    paragraph += moment
    zone = zone_text(talk)
    if zone:
        paragraph += nodes.inline(zone, zone, classes=["seminar-timezone"])
    paragraph += seminar_calendar_link(anchor=talk_anchor(talk.id))
    return block
