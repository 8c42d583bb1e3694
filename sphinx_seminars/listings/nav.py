"""The links at the foot of a talk page: the previous and next talk in time, and the archive."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from .rows import Rows

if TYPE_CHECKING:
    from ..domain import SeminarDomain


def render_nav(domain: SeminarDomain, talk_id: str, rows: Rows) -> nodes.Element:
    """Links to the previous and next talk in time and back to the archive."""
    before, after = domain.neighbours(talk_id)
    nav = nodes.container(classes=["seminar-nav"])
    paragraph = nodes.paragraph()
    if before is not None:
        paragraph += nodes.Text("← ")
        paragraph += rows.link(before.docname, before.anchor, before.title, "seminar-prev")
    archive = domain.archive_page()
    if archive is not None:
        if before is not None:
            paragraph += nodes.Text(" · ")
        paragraph += rows.link(archive, "", "All talks", "seminar-archive-link")
    if after is not None:
        if before is not None or archive is not None:
            paragraph += nodes.Text(" · ")
        paragraph += rows.link(after.docname, after.anchor, after.title, "seminar-next")
        paragraph += nodes.Text(" →")
    nav += paragraph
    return nav
