"""Where a talk is (venue and online link), its series, and its links (slides, video, ...)."""

from __future__ import annotations

import re
from collections.abc import Callable

from docutils import nodes

from ..ids import slug
from ..model import Talk
from .blocks import labelled

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def venue_block(talk: Talk) -> nodes.container | None:
    if not talk.venue and not talk.online_url:
        return None
    block, paragraph = labelled("seminar-venue", "Where")
    if talk.venue:
        paragraph += nodes.inline(talk.venue, talk.venue, classes=["seminar-venue-place"])
    if talk.online_url:
        if talk.venue:
            paragraph += nodes.Text(" — ")
        text = "join online" if talk.venue and talk.venue.lower() != "online" else "meeting link"
        paragraph += nodes.reference(text, text, refuri=talk.online_url, classes=["seminar-online"])
    return block


def series_block(talk: Talk) -> nodes.container | None:
    if not talk.series:
        return None
    block, paragraph = labelled("seminar-series", "Series")
    paragraph += nodes.inline(talk.series, talk.series)
    return block


def links_block(
    talk: Talk, local_link: Callable[[str, str], nodes.Node | None]
) -> nodes.container | None:
    """Recording, slides, video, paper, code, poster and other links, in one labelled row;
    a local file only when ``local_link`` takes it."""
    links: list[nodes.Node] = []
    for name, url in talk.links:
        if _SCHEME.match(url) or url.startswith("#"):
            css = f"seminar-link-{slug(name) or 'link'}"
            links.append(nodes.reference(name, name, refuri=url, classes=[css]))
        elif (local := local_link(name, url)) is not None:
            links.append(local)
    if not links:
        return None
    block, paragraph = labelled("seminar-links", "Links")
    for index, link in enumerate(links):
        if index:
            paragraph += nodes.Text(", ")
        paragraph += link
    return block
