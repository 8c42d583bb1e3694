"""``seminar-list``: the selected talks as a list, a table or cards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..ids import series_anchor
from ..nodes import seminar_box
from .rows import Rows

if TYPE_CHECKING:
    from ..records import TalkRecord
    from .spec import ListingSpec


def listing_box(spec: ListingSpec) -> nodes.Element:
    """The listing's container; its data attributes tell the page script what it shows."""
    box = seminar_box(classes=["seminar-list", f"seminar-list-{spec.format}"])
    box["data-when"] = spec.when
    box["data-format"] = spec.format
    box["data-sort"] = spec.sort
    box["data-limit"] = str(spec.limit or "")
    box["data-selection"] = spec.selection()
    return box


def render_talks(talks: list[TalkRecord], spec: ListingSpec, rows: Rows) -> nodes.Element:
    container = listing_box(spec)
    if spec.series:
        container["ids"].append(series_anchor(spec.series))
    if not talks:
        container += nodes.paragraph("No talks.", "No talks.", classes=["seminar-empty"])
    elif spec.format == "table":
        container += _table(talks, rows)
    elif spec.format == "cards":
        container["role"] = "list"
        for record in talks:
            container += _card(record, rows)
    else:
        container += rows.items(talks)
    return container


def _card(record: TalkRecord, rows: Rows) -> nodes.Element:
    card = seminar_box(classes=["seminar-card"], role="listitem")
    if record.talk.status:
        card["classes"].append(f"seminar-status-{record.talk.status}")
    first_photo = next((s.photo for s in record.speakers if s.photo), None)
    picture = rows.image(record.image or first_photo, record.title, "seminar-card-image")
    if picture is not None:
        card += picture
    when, title, people = rows.cells(record)
    card += nodes.paragraph("", "", *title, classes=["seminar-card-title"])
    card += nodes.paragraph("", "", *when, classes=["seminar-card-when"])
    if people:
        card += nodes.paragraph("", "", *people, classes=["seminar-card-speakers"])
    venue = record.talk.venue
    if venue:
        card += nodes.paragraph(venue, venue, classes=["seminar-card-venue"])
    return card


def _table(talks: list[TalkRecord], rows: Rows) -> nodes.table:
    table = nodes.table(classes=["seminar-table"])
    group = nodes.tgroup(cols=3)
    table += group
    for width in (15, 55, 30):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += nodes.row(
        "", *(nodes.entry("", nodes.paragraph(h, h)) for h in ("Date", "Talk", "Speakers"))
    )
    body = nodes.tbody()
    group += body
    for record in talks:
        cells = rows.cells(record)
        row = nodes.row("", *(nodes.entry("", nodes.paragraph("", "", *cell)) for cell in cells))
        if record.talk.status:
            row["classes"].append(f"seminar-status-{record.talk.status}")
        body += row
    return table
