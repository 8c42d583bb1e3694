"""``seminars.atom``: an Atom feed of the talks, newest first."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

from ..serialize import format_moment
from .common import Site, SiteTalk, clean_text, write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

FILENAME = "seminars.atom"
ATOM = "http://www.w3.org/2005/Atom"
#: How many talks the feed carries (the newest).
ENTRIES = 100


def _updated(talks: list[SiteTalk]) -> str:
    """When the newest talk file changed (RFC 3339)."""
    stamps = [t.record.modified for t in talks if t.record.modified]
    return (max(stamps) if stamps else dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)).isoformat()


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = clean_text(text)
    return element


def _summary(site: SiteTalk) -> str:
    talk = site.talk
    people = ", ".join(
        s.display_name + (f" ({s.affiliation})" if s.affiliation else "") for s in talk.speakers
    )
    when = format_moment(talk.start)
    parts = [p for p in (people, when, talk.venue, site.record.abstract_text) if p]
    return "\n\n".join(parts)


def feed_document(site: Site, talks: list[SiteTalk]) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    home = site.url("")
    _text(feed, "id", home or f"tag:{site.host},2000:seminars")
    _text(feed, "title", f"{site.project}: seminars")
    _text(feed, "updated", _updated(talks))
    if home:
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": home + FILENAME})
        ET.SubElement(feed, f"{{{ATOM}}}link", {"href": home})
    _text(feed, "generator", "sphinx-seminars")
    for one in talks[:ENTRIES]:
        talk = one.talk
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        url = site.url(one.path)
        _text(entry, "id", url if home else f"tag:{site.host},2000:{talk.id}")
        _text(entry, "title", talk.title)
        modified = one.record.modified
        _text(entry, "updated", modified.isoformat() if modified else _updated(talks))
        ET.SubElement(entry, f"{{{ATOM}}}link", {"href": url})
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
