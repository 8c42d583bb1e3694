"""``seminar-archive``: every talk by year, newest first.  In builders that make one document
(latex, texinfo, man, singlehtml) the first archive of the document holds the talks' own
sections, each marked as the document it comes from, as Sphinx marks the documents it
includes through a toctree."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..config import date_style
from ..domain import domain_of
from ..ids import year_anchor
from .directives import seminar_listing
from .rows import Rows, year_label

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

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


def page_of(node: nodes.Node, docname: str) -> str:
    """The page a node comes from: in a document assembled from several pages, the page of
    the nearest section or ``start_of_file`` that names one (Sphinx names the page of each
    section it includes); else ``docname``."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, (nodes.section, addnodes.start_of_file)) and "docname" in parent:
            return str(parent["docname"])
        parent = parent.parent
    return docname


def pages_in(document: nodes.document, docname: str) -> set[str]:
    """The pages a document assembled from several pages holds."""
    return {docname, *(str(n["docname"]) for n in document.findall(addnodes.start_of_file))}


class ArchiveHoldsTheTalks(SphinxPostTransform):
    """In one-document builders, the first archive of the document becomes the talks' own
    sections by year; a talk whose page is in the document already is a line linking to it.

    Each talk section is wrapped in ``start_of_file`` with its own page's name, so its ids
    become labels of that page (``talks/x:x``), which is where references to it point; and
    its page joins the builder's documents before references are resolved (this runs before
    Sphinx's resolver), so references to the talk, from anywhere, are links."""

    default_priority = 5
    builders = tuple(sorted(ONE_DOCUMENT_BUILDERS))

    def run(self, **kwargs: Any) -> None:
        archive = next(
            (n for n in self.document.findall(seminar_listing) if n["spec"]["kind"] == "archive"),
            None,
        )
        if archive is None:
            return
        docname = str(self.document.get("docname") or self.env.docname)
        included = pages_in(self.document, docname)
        sections = archive_sections(self.env, page_of(archive, docname), included)
        archive.replace_self(sections)


def _builder(env: BuildEnvironment) -> Builder:
    """The builder at work: Sphinx 9 keeps the application as ``env._app`` (and warns on
    ``env.app``); Sphinx 7 as ``env.app``."""
    app = getattr(env, "_app", None) or env.app
    return app.builder


def notes_outside(section: nodes.Element, tree: nodes.document) -> list[nodes.footnote]:
    """Copies of the footnotes that the section's references point to but that lie outside
    it (MyST puts a page's footnotes at its end): a talk moved into the archive takes
    them along."""
    referred = {ref.get("refid") for ref in section.findall(nodes.footnote_reference)}
    if not referred:
        return []
    inside = set(section.findall(nodes.footnote))
    return [
        note.deepcopy()
        for note in tree.findall(nodes.footnote)
        if note not in inside and referred.intersection(note["ids"])
    ]


def archive_sections(env: BuildEnvironment, here: str, included: set[str]) -> list[nodes.Node]:
    """The talks by year, newest first: the section of each talk whose page is not among the
    pages of the document (``included``); for a talk on a page that is (a page with a
    ``seminar`` directive), a line linking to it.  ``here`` is the page of the archive."""
    domain = domain_of(env)
    builder = _builder(env)
    rows = Rows(builder, here, domain.speakers(), date_style(env), domain.talk)
    sections: list[nodes.Node] = []
    for year, talks in talks_by_year(domain).items():
        section = nodes.section(ids=[year_anchor(year)], names=[year])
        section += nodes.title(year, year)
        for record in talks:
            if record.docname in included:
                section += rows.items([record])
                continue
            tree = env.get_doctree(record.docname)
            talk = next((s for s in tree.findall(nodes.section) if record.anchor in s["ids"]), None)
            if talk is None:
                continue
            copy = talk.deepcopy()
            copy["docname"] = record.docname
            copy.extend(notes_outside(talk, tree))
            section += addnodes.start_of_file("", copy, docname=record.docname)
            documents = getattr(builder, "docnames", None)  # latex, texinfo: what has an address
            if isinstance(documents, set):
                documents.add(record.docname)
        sections.append(section)
    return sections
