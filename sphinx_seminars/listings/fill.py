"""``doctree-resolved``: each listing placeholder becomes the listing it stands for, made from
the domain's data when the page is written, so it always shows every talk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..config import date_style, get_config
from ..domain import domain_of
from .archive import ONE_DOCUMENT_BUILDERS, archive_talk_sections, render_archive
from .directives import seminar_listing
from .nav import render_nav
from .next import render_next
from .rows import Rows
from .select import select
from .speakers import render_speakers
from .spec import ListingSpec
from .talks import render_talks

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def fill_listings(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: replace each placeholder with the listing it stands for."""
    domain = domain_of(app.env)
    today = get_config(app).today_date()
    one_document = app.builder.name in ONE_DOCUMENT_BUILDERS
    rows = Rows(app.builder, docname, domain.speakers(), date_style(app), domain.talk)
    for node in list(doctree.findall(seminar_listing)):
        spec = ListingSpec(**node["spec"])
        if spec.kind == "nav":
            if one_document or spec.talk is None:
                node.parent.remove(node)
                continue
            content = render_nav(domain, spec.talk, rows)
        elif spec.kind == "archive" and one_document:
            node.replace_self(archive_talk_sections(app, domain))
            continue
        elif spec.kind == "archive":
            content = render_archive(domain, rows)
        elif spec.kind == "speakers":
            content = render_speakers(rows)
        elif spec.kind == "next":
            content = render_next(select(domain, spec, today), rows, today)
        else:
            talks = select(domain, spec, today)
            content = render_talks(talks, spec, rows)
        content["classes"].extend(node["classes"])
        node.replace_self(content)
