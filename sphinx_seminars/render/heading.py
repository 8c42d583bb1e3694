"""The head of a talk's section: its title (saying what a thesis event is), its badges (kind,
status), a banner when it does not take place as announced, and its picture."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from ..dates import DateStyle, zone_abbreviation
from ..model import Talk
from ..nodes import seminar_box
from .people import photo_node

if TYPE_CHECKING:
    from .policy import LocalFilePolicy

#: Kinds whose title says what the event is about, not what it is (a thesis title): the
#: heading says both.
NAMED_IN_HEADING = frozenset({"thesis-colloquium", "thesis-defence"})
STATUS_TEXT = {
    "cancelled": "Cancelled: this talk will not take place.",
    "postponed": "Postponed: a new date will be announced.",
    "rescheduled": "Rescheduled: this talk has moved",
}


def kind_label(kind: str) -> str:
    """``thesis-defence`` -> ``Thesis defence``."""
    return kind.replace("-", " ").capitalize()


def title_of(talk: Talk) -> str:
    """The heading of a talk: its title, after what the event is for a thesis event
    (``Thesis defence: Smart textiles ...``)."""
    if talk.kind in NAMED_IN_HEADING:
        label = kind_label(talk.kind)
        if not talk.title.lower().startswith(("thesis", "phd", "ph.d", "m.tech", "ms ")):
            return f"{label}: {talk.title}"
    return talk.title


def markers(talk: Talk) -> list[nodes.inline]:
    """The talk's kind and status as small labels, for its page and for listings."""
    found = []
    if talk.kind:
        found.append((kind_label(talk.kind), f"seminar-kind-{talk.kind}"))
    if talk.status:
        found.append((talk.status.capitalize(), f"seminar-status-{talk.status}"))
    return [nodes.inline(label, label, classes=["seminar-marker", css]) for label, css in found]


def badges(talk: Talk) -> nodes.paragraph | None:
    """The talk's kind and status as small labels, in a paragraph of their own."""
    found = markers(talk)
    if not found:
        return None
    paragraph = nodes.paragraph(classes=["seminar-markers"])
    for index, badge in enumerate(found):
        if index:
            paragraph += nodes.Text(" ")
        paragraph += badge
    return paragraph


def status_block(talk: Talk, style: DateStyle) -> seminar_box | None:
    """A banner for a talk that is cancelled, postponed or rescheduled (with where to)."""
    if talk.status is None:
        return None
    block = seminar_box(classes=["seminar-status", f"seminar-status-{talk.status}"], role="status")
    paragraph = nodes.paragraph()
    paragraph += nodes.Text(STATUS_TEXT.get(talk.status, talk.status.capitalize()))
    moved = talk.rescheduled_to
    if talk.status == "rescheduled":
        if isinstance(moved, str):
            paragraph += nodes.Text(": see ")
            link = addnodes.pending_xref(
                "", refdomain="seminar", reftype="talk", reftarget=moved, refexplicit=False
            )
            link += nodes.inline(moved, moved)
            paragraph += link
            paragraph += nodes.Text(".")
        elif isinstance(moved, dt.datetime):
            text = f"{style.date(moved.date())}, {style.time(moved)}{zone_abbreviation(moved)}"
            paragraph += nodes.Text(f" to {text}.")
        elif isinstance(moved, dt.date):
            paragraph += nodes.Text(f" to {style.date(moved)}.")
        else:
            paragraph += nodes.Text(".")
    block += paragraph
    return block


def image_block(talk: Talk, files: LocalFilePolicy) -> nodes.container | None:
    """The talk's picture, when it has one that may be shown."""
    if talk.image is None:
        return None
    image = photo_node(talk.image, files, "seminar-image")
    if image is None:
        return None
    block = nodes.container(classes=["seminar-picture"])
    block += image
    return block
