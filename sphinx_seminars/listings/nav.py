"""The links at the foot of a talk page: the previous and next talk in time, and the archive."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from .rows import link

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from ..domain import SeminarDomain


def render_nav(
    domain: SeminarDomain, talk_id: str, builder: Builder, fromdocname: str
) -> nodes.Element:
    """Links to the previous and next talk in time and back to the archive."""
    before, after = domain.neighbours(talk_id)
    nav = nodes.container(classes=["seminar-nav"])
    paragraph = nodes.paragraph()
    if before is not None:
        paragraph += nodes.Text("← ")
        paragraph += link(
            builder, fromdocname, before.docname, before.anchor, before.title, "seminar-prev"
        )
    archive = domain.archive_page()
    if archive is not None:
        if before is not None:
            paragraph += nodes.Text(" · ")
        paragraph += link(builder, fromdocname, archive, "", "All talks", "seminar-archive-link")
    if after is not None:
        if before is not None or archive is not None:
            paragraph += nodes.Text(" · ")
        paragraph += link(
            builder, fromdocname, after.docname, after.anchor, after.title, "seminar-next"
        )
        paragraph += nodes.Text(" →")
    nav += paragraph
    return nav
