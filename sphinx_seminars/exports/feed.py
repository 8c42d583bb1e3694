"""``seminars.atom``: an Atom feed of the talks, newest first."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

from .common import SiteTalk, absolute_url, clean_text, site_host, write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

FILENAME = "seminars.atom"
ATOM = "http://www.w3.org/2005/Atom"
#: How many talks the feed carries (the newest).
ENTRIES = 100


def _updated(talks: list[SiteTalk]) -> str:
    stamps = [t.modified for t in talks if t.modified]
    return max(stamps) if stamps else dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc).isoformat()


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = clean_text(text)
    return element


def _summary(talk: SiteTalk) -> str:
    data = talk.data
    people = ", ".join(
        " ".join(x for x in (s["honorific"], s["name"]) if x)
        + (f" ({s['affiliation']})" if s["affiliation"] else "")
        for s in data["speakers"]
    )
    parts = [p for p in (people, data["start"], data["venue"], data["abstract"]) if p]
    return "\n\n".join(parts)


def feed_document(app: Sphinx, talks: list[SiteTalk]) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    home = absolute_url(app, "")
    _text(feed, "id", home or f"tag:{site_host(app)},2000:seminars")
    _text(feed, "title", f"{app.config.project}: seminars")
    _text(feed, "updated", _updated(talks))
    if home:
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": home + FILENAME})
        ET.SubElement(feed, f"{{{ATOM}}}link", {"href": home})
    _text(feed, "generator", "sphinx-seminars")
    for talk in talks[:ENTRIES]:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        url = absolute_url(app, talk.path)
        _text(entry, "id", url if home else f"tag:{site_host(app)},2000:{talk.entry.id}")
        _text(entry, "title", talk.data["title"])
        _text(entry, "updated", talk.modified or _updated(talks))
        ET.SubElement(entry, f"{{{ATOM}}}link", {"href": url})
        for speaker in talk.data["speakers"]:
            author = ET.SubElement(entry, f"{{{ATOM}}}author")
            _text(author, "name", speaker["name"])
        _text(entry, "summary", _summary(talk))
        for category in (talk.data["series"], *talk.data["tags"]):
            if category:
                ET.SubElement(entry, f"{{{ATOM}}}category", {"term": clean_text(category)})
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def write_feed(app: Sphinx, talks: list[SiteTalk]) -> None:
    write_if_changed(Path(app.outdir) / FILENAME, feed_document(app, talks))
