"""The pieces every listing is made of: links to talks and speakers, a talk's date as the
page script reads it, its badges, and a row (date, title, speakers)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.util.nodes import make_refnode

from ..dates import DateStyle, zone_abbreviation
from ..nodes import seminar_time
from ..render.heading import markers
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


@dataclass(frozen=True)
class Rows:
    """What listings on one page are made with: the builder and page, every speaker's link
    target, and the site's date style."""

    builder: Builder
    fromdocname: str
    speakers: dict[str, SpeakerTarget]
    style: DateStyle
    talk: Callable[[str], TalkRecord | None]
    """The talk of an id (the domain's lookup)."""

    def link(self, docname: str, anchor: str, text: str, css: str) -> nodes.Node:
        return link(self.builder, self.fromdocname, docname, anchor, text, css)

    def talk_link(self, record: TalkRecord) -> nodes.Node:
        return self.link(record.docname, record.anchor, record.title, "seminar-title")

    def date_node(self, record: TalkRecord) -> nodes.Node:
        """The talk's day in the site's style; its data attributes let the page script mark
        it upcoming, live or past, show local times, and filter by series."""
        day = record.day
        text = self.style.date(day) if day else "date to be announced"
        start = format_moment(record.start)
        moment = seminar_time(text, text, datetime=start or "", classes=["seminar-date"])
        moment["data-start"] = start
        moment["data-end"] = format_moment(record.talk.end)
        moment["data-series"] = record.talk.series
        return moment

    def speaker_links(self, record: TalkRecord) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for index, ref in enumerate(record.speakers):
            if index:
                out.append(nodes.Text(", "))
            target = self.speakers[ref.key]
            out.append(self.link(target.docname, target.anchor, ref.name, "seminar-speaker-link"))
        return out

    def badges(self, record: TalkRecord) -> list[nodes.Node]:
        """The kind and status of a talk as small labels, and where a rescheduled talk went."""
        out: list[nodes.Node] = list(markers(record.talk))
        moved = self.moved_to(record)
        if moved:
            out += [nodes.Text("→ "), *moved]
        return [piece for badge in out for piece in (nodes.Text(" "), badge)]

    def moved_to(self, record: TalkRecord) -> list[nodes.Node]:
        """Where a rescheduled talk went: a link to the talk that replaces it, or its new
        date."""
        moved = record.talk.rescheduled_to
        if record.talk.status != "rescheduled" or moved is None:
            return []
        if isinstance(moved, str):
            target = self.talk(moved)
            if target is None:
                return [nodes.inline(moved, moved)]
            return [self.link(target.docname, target.anchor, target.title, "seminar-moved-to")]
        if isinstance(moved, dt.datetime):
            text = f"{self.style.date(moved.date())}, {self.style.time(moved)}"
            return [nodes.inline(text, text + zone_abbreviation(moved))]
        return [nodes.inline(self.style.date(moved), self.style.date(moved))]

    def image(self, address: str | None, alt: str, css: str) -> nodes.image | None:
        """A picture or photo kept in the domain (https, or a file the talk page has made a
        file of the site); only in HTML, where listings show pictures."""
        if address is None or self.builder.format != "html":
            return None
        remote = address.lower().startswith("https://")
        candidates = {"?": address} if remote else {"*": address}
        return nodes.image(uri=address, alt=alt, classes=[css], candidates=candidates)

    def cells(self, record: TalkRecord) -> list[list[nodes.Node]]:
        """The cells of a talk's row: its date, its title (with badges), its speakers."""
        return [
            [self.date_node(record)],
            [self.talk_link(record), *self.badges(record)],
            self.speaker_links(record),
        ]

    def items(self, talks: list[TalkRecord]) -> nodes.bullet_list:
        """One list item per talk: date — title — speakers."""
        items = nodes.bullet_list(classes=["seminar-items"])
        for record in talks:
            when, title, people = self.cells(record)
            paragraph = nodes.paragraph("", "", *when, nodes.Text(" — "), *title)
            if people:
                paragraph += [nodes.Text(" — "), *people]
            item = nodes.list_item("", paragraph)
            if record.talk.status:
                item["classes"].append(f"seminar-status-{record.talk.status}")
            items += item
        return items
