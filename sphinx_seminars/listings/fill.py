"""``doctree-resolved``: each listing placeholder becomes the listing it stands for, made from
the domain's data when the page is written, so it always shows every talk.  In a document
made of several pages (latex, texinfo, man, singlehtml), each listing is made for the page
it is on, so its links and ids are that page's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..config import date_style, get_config
from ..domain import domain_of
from .archive import ONE_DOCUMENT_BUILDERS, page_of, render_archive
from .directives import seminar_listing
from .nav import render_nav
from .next import render_next
from .rows import Rows
from .select import select
from .speakers import render_speakers
from .spec import ListingSpec
from .talks import render_talks

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def fill_listings(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: replace each placeholder with the listing it stands for."""
    domain = domain_of(app.env)
    today = get_config(app).today_date()
    one_document = app.builder.name in ONE_DOCUMENT_BUILDERS
    speakers, style = domain.speakers(), date_style(app)
    for node in list(doctree.findall(seminar_listing)):
        spec = ListingSpec(**node["spec"])
        page = page_of(node, docname) if one_document else docname
        rows = Rows(app.builder, page, speakers, style, domain.talk)
        if spec.kind == "nav":
            if one_document or spec.talk is None:
                node.parent.remove(node)
                continue
            content = render_nav(domain, spec.talk, rows)
        elif spec.kind == "archive":  # in one document, the first holds the talks (archive.py)
            content = render_archive(domain, rows)
        elif spec.kind == "speakers":
            content = render_speakers(rows, domain.people())
        elif spec.kind == "next":
            content = render_next(select(domain, spec, today), rows, today)
        else:
            talks = select(domain, spec, today)
            content = render_talks(talks, spec, rows)
        content["classes"].extend(node["classes"])
        node.replace_self(content)
    if app.builder.name == "singlehtml":
        same_page_links(doctree)


def same_page_links(doctree: nodes.document) -> None:
    """singlehtml: a link to an anchor of another page, ``#document-talks/x#x``, becomes
    ``#x`` when the page has that id (Sphinx 9 no longer mends such links, and a browser
    finds no element ``document-talks/x#x``)."""
    ids = {i for node in doctree.findall(nodes.Element) for i in node["ids"]}
    for reference in doctree.findall(nodes.reference):
        refuri = str(reference.get("refuri", ""))
        anchor = refuri[refuri.rindex("#") + 1 :] if refuri.count("#") > 1 else ""
        if refuri.startswith("#document-") and anchor in ids:
            reference["refuri"] = f"#{anchor}"
