"""Listings of talks placed on any page (``seminar-list``, ``seminar-archive``,
``seminar-speakers``) and the navigation of talk pages: the directives leave placeholders,
filled when the page is written; digests bring pages whose listings changed up to date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .archive import ArchiveHoldsTheTalks
from .digests import commit_digests, outdated_pages
from .directives import (
    SeminarArchiveDirective,
    SeminarListDirective,
    SeminarNextDirective,
    SeminarSpeakersDirective,
    SeminarSubscribeDirective,
    seminar_listing,
)
from .fill import fill_listings

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_listings(app: Sphinx) -> None:
    app.add_node(seminar_listing)
    app.add_directive("seminar-list", SeminarListDirective)
    app.add_directive("seminar-speakers", SeminarSpeakersDirective)
    app.add_directive("seminar-archive", SeminarArchiveDirective)
    app.add_directive("seminar-next", SeminarNextDirective)
    app.add_directive("seminar-subscribe", SeminarSubscribeDirective)
    app.add_post_transform(ArchiveHoldsTheTalks)
    app.connect("doctree-resolved", fill_listings)
    app.connect("env-updated", outdated_pages)
    app.connect("build-finished", commit_digests)
