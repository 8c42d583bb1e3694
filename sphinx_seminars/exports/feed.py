"""``seminars.atom``: an Atom feed (RFC 4287) of the talks, newest first.  The feed has an
author of its own (``seminar_feed``, else the organizer, else the project), so entries of
talks without a speaker are valid too."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..serialize import format_moment
from .common import Site, SiteTalk, clean_text, write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

FILENAME = "seminars.atom"
ATOM = "http://www.w3.org/2005/Atom"
#: How many talks the feed carries (the newest).
ENTRIES = 100
#: What an IRI keeps as it is: its reserved characters and escapes (a space, a quote or a
#: control character in a file name is escaped).
_IRI_SAFE = ":/?#[]@!$&'()*+,;=%~"
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def _aware(moment: dt.datetime) -> dt.datetime:
    """A moment with its zone (one without is taken as UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.timezone.utc)


def _timestamp(moment: dt.datetime) -> str:
    """An RFC 3339 date-time."""
    return _aware(moment).isoformat()


def _updated(talks: list[SiteTalk]) -> str:
    """When the newest talk file changed."""
    stamps = [_aware(t.record.modified) for t in talks if t.record.modified]
    return _timestamp(max(stamps, default=_EPOCH))


def _iri(text: str) -> str:
    return quote(text, safe=_IRI_SAFE)


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = clean_text(text)
    return element


def _link(parent: ET.Element, href: str, **attributes: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"href": _iri(clean_text(href)), **attributes})


def _summary(site: SiteTalk) -> str:
    talk = site.talk
    people = ", ".join(
        s.display_name + (f" ({s.affiliation})" if s.affiliation else "") for s in talk.speakers
    )
    when = format_moment(talk.start)
    parts = [p for p in (people, when, talk.venue, site.record.abstract_text) if p]
    return "\n\n".join(parts)


def _address(site: Site, link: str) -> str:
    """A link of the settings: a web address as it is, a path from the site root made
    absolute when the site's address is known."""
    return link if link.startswith(("https://", "http://")) else site.url(link)


def _feed_head(feed: ET.Element, site: Site, talks: list[SiteTalk]) -> None:
    """The feed's own id, title, update time, author and links."""
    settings, organizer = site.settings.feed, site.settings.organizer
    home = site.url("")
    _text(feed, "id", _iri(home) if home else f"tag:{site.host},2000:seminars")
    _text(feed, "title", settings.get("title") or f"{site.project}: seminars")
    _text(feed, "updated", _updated(talks))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", settings.get("author") or organizer.get("name") or site.project)
    author_page = organizer.get("url") or home
    if author_page:
        _text(author, "uri", _iri(author_page))
    page = _address(site, settings["link"]) if "link" in settings else home
    if page:
        _link(feed, page, rel="alternate", type="text/html")
    if home:
        _link(feed, home + FILENAME, rel="self", type="application/atom+xml")
    _text(feed, "generator", "sphinx-seminars")


def feed_document(site: Site, talks: list[SiteTalk]) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _feed_head(feed, site, talks)
    home = site.url("")
    for one in talks[:ENTRIES]:
        talk = one.talk
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        url = site.url(one.path)
        _text(entry, "id", _iri(url) if home else f"tag:{site.host},2000:{_iri(talk.id)}")
        _text(entry, "title", talk.title)
        modified = one.record.modified
        _text(entry, "updated", _timestamp(modified) if modified else _updated(talks))
        _link(entry, url, rel="alternate", type="text/html")
        for speaker in talk.speakers:
            author = ET.SubElement(entry, f"{{{ATOM}}}author")
            _text(author, "name", speaker.name)
        _text(entry, "summary", _summary(one))
        for category in (talk.series, *talk.tags):
            if category:
                ET.SubElement(entry, f"{{{ATOM}}}category", {"term": clean_text(category)})
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def write_feed(app: Sphinx, site: Site, talks: list[SiteTalk]) -> None:
    write_if_changed(Path(app.outdir) / FILENAME, feed_document(site, talks))
