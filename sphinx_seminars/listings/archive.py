"""``seminar-archive``: every talk by year, newest first.  In builders that make one document
(latex, texinfo, man, singlehtml) the archive holds the talks' own sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..ids import year_anchor
from .rows import Rows, year_label

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..domain import SeminarDomain
    from ..records import TalkRecord

#: Builders that put the whole project into one document: the archive holds the talks.
ONE_DOCUMENT_BUILDERS = frozenset({"latex", "texinfo", "man", "singlehtml", "rinoh"})


def talks_by_year(domain: SeminarDomain) -> dict[str, list[TalkRecord]]:
    """The talks under their archive headings, newest first; talks without a date last."""
    years: dict[str, list[TalkRecord]] = {}
    for record in domain.talks():
        years.setdefault(year_label(record), []).append(record)
    return years


def render_archive(domain: SeminarDomain, rows: Rows) -> nodes.Element:
    """Every talk by year, newest first, with a bar of years to jump to."""
    container = nodes.container(classes=["seminar-archive"])
    years = talks_by_year(domain)
    if not years:
        container += nodes.paragraph("No talks.", "No talks.", classes=["seminar-empty"])
        return container
    jump = nodes.paragraph(classes=["seminar-archive-years"])
    for index, year in enumerate(years):
        if index:
            jump += nodes.Text(" · ")
        jump += nodes.reference(year, year, refid=year_anchor(year), internal=True)
    container += jump
    for year, talks in years.items():
        container += nodes.rubric(year, year, ids=[year_anchor(year)], classes=["seminar-year"])
        container += rows.items(talks)
    return container


def archive_talk_sections(app: Sphinx, domain: SeminarDomain) -> list[nodes.Node]:
    """For one-document builders: the talks' own sections, by year, newest first."""
    sections: list[nodes.Node] = []
    for year, talks in talks_by_year(domain).items():
        section = nodes.section(ids=[year_anchor(year)], names=[year])
        section += nodes.title(year, year)
        for record in talks:
            tree = app.env.get_doctree(record.docname)
            app.env.resolve_references(tree, record.docname, app.builder)
            section.extend(
                part.deepcopy()
                for part in tree.findall(nodes.section)
                if record.anchor in part["ids"]
            )
            if hasattr(app.builder, "docnames"):
                app.builder.docnames.add(record.docname)
        sections.append(section)
    return sections
