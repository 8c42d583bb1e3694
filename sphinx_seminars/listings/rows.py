"""The pieces every listing is made of: links to talks and speakers, a talk's date as the
page script reads it, and a row (date, title, speakers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.util.nodes import make_refnode

from ..nodes import seminar_time
from ..serialize import format_moment

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from ..records import SpeakerTarget, TalkRecord

#: The heading of the talks without a date, in the archive and the seminar index.
NO_DATE = "Date to be announced"


def year_label(record: TalkRecord) -> str:
    """The archive heading a talk is under: its year, or :data:`NO_DATE`."""
    return str(record.year) if record.year is not None else NO_DATE


def link(
    builder: Builder, fromdocname: str, docname: str, anchor: str, text: str, css: str
) -> nodes.Node:
    """A link to a talk or speaker; its text alone where the builder has no address for
    it (a talk page outside the one document of latex, texinfo or man)."""
    content = nodes.inline(text, text, classes=[css])
    try:
        return make_refnode(builder, fromdocname, docname, anchor, content, text)
    except NoUri:
        return content


def talk_link(record: TalkRecord, builder: Builder, fromdocname: str) -> nodes.Node:
    return link(builder, fromdocname, record.docname, record.anchor, record.title, "seminar-title")


def date_node(record: TalkRecord) -> nodes.Node:
    """The talk's day; its data attributes let the page script mark it upcoming, live or
    past, show local times, and filter by series."""
    day = record.day
    text = day.isoformat() if day else "date to be announced"
    start = format_moment(record.start)
    moment = seminar_time(text, text, datetime=start or "", classes=["seminar-date"])
    moment["data-start"] = start
    moment["data-end"] = format_moment(record.talk.end)
    moment["data-series"] = record.talk.series
    return moment


def speaker_links(
    record: TalkRecord, speakers: dict[str, SpeakerTarget], builder: Builder, fromdocname: str
) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for index, ref in enumerate(record.speakers):
        if index:
            out.append(nodes.Text(", "))
        target = speakers[ref.key]
        out.append(
            link(
                builder,
                fromdocname,
                target.docname,
                target.anchor,
                ref.name,
                "seminar-speaker-link",
            )
        )
    return out


def row_cells(
    record: TalkRecord, speakers: dict[str, SpeakerTarget], builder: Builder, fromdocname: str
) -> list[list[nodes.Node]]:
    """The cells of a talk's row: its date, its title, its speakers."""
    return [
        [date_node(record)],
        [talk_link(record, builder, fromdocname)],
        speaker_links(record, speakers, builder, fromdocname),
    ]


def talk_items(
    talks: list[TalkRecord],
    speakers: dict[str, SpeakerTarget],
    builder: Builder,
    fromdocname: str,
) -> nodes.bullet_list:
    """One list item per talk: date — title — speakers."""
    items = nodes.bullet_list(classes=["seminar-items"])
    for record in talks:
        when, title, people = row_cells(record, speakers, builder, fromdocname)
        paragraph = nodes.paragraph("", "", *when, nodes.Text(" — "), *title)
        if people:
            paragraph += [nodes.Text(" — "), *people]
        items += nodes.list_item("", paragraph)
    return items
