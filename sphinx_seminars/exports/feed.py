"""``seminars.atom``: an Atom feed (RFC 4287) of the talks, newest first.  The feed has an
author of its own (``seminar_feed``, else the organizer, else the project), so entries of
talks without a speaker are valid too."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..ids import subscription_path
from ..serialize import format_moment
from .common import Site, SiteTalk, clean_text, write_if_changed
from .subscriptions import SUBSCRIPTION_KINDS, subscriptions

if TYPE_CHECKING:
    from sphinx.application import Sphinx

FILENAME = "seminars.atom"
FEEDS = "_feeds"
#: What the title of a talk that does not take place as announced starts with.
STATUS_MARK = {"cancelled": "Cancelled: ", "postponed": "Postponed: ", "rescheduled": "Moved: "}
ATOM = "http://www.w3.org/2005/Atom"
#: How many talks the feed carries (the newest).
ENTRIES = 100
#: What an IRI keeps as it is: its reserved characters and escapes (a space, a quote or a
#: control character in a file name is escaped).
_IRI_SAFE = ":/?#[]@!$&'()*+,;=%~"
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def feed_path(kind: str, key: str) -> str:
    """Where the feed of a series, speaker or tag is, relative to the site root."""
    return (
        subscription_path(kind, key).replace("_ics/", f"{FEEDS}/", 1).removesuffix(".ics") + ".atom"
    )


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


def _feed_head(
    feed: ET.Element, site: Site, talks: list[SiteTalk], path: str, name: str | None
) -> None:
    """The feed's own id, title, update time, author and links (``name`` is the series,
    speaker or tag of a feed of their own)."""
    settings, organizer = site.settings.feed, site.settings.organizer
    home = site.url("")
    if name is None:
        _text(feed, "id", _iri(home) if home else f"tag:{site.host},2000:seminars")
        _text(feed, "title", settings.get("title") or f"{site.project}: seminars")
    else:
        _text(feed, "id", _iri(home + path) if home else f"tag:{site.host},2000:{_iri(path)}")
        _text(feed, "title", f"{settings.get('title') or site.project}: {name}")
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
        _link(feed, home + path, rel="self", type="application/atom+xml")
    _text(feed, "generator", "sphinx-seminars")


def feed_document(
    site: Site, talks: list[SiteTalk], *, path: str = FILENAME, name: str | None = None
) -> str:
    """The feed of ``talks`` (newest first) at ``path``: the site's, or (``name``) that of a
    series, speaker or tag."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _feed_head(feed, site, talks, path, name)
    home = site.url("")
    for one in talks[:ENTRIES]:
        talk = one.talk
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        url = site.url(one.path)
        _text(entry, "id", _iri(url) if home else f"tag:{site.host},2000:{_iri(talk.id)}")
        _text(entry, "title", STATUS_MARK.get(talk.status or "", "") + talk.title)
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
    """The site's feed, and one for each series (and speaker, and tag, as
    ``seminar_subscriptions`` says); the feeds of the last build not made now go."""
    outdir = Path(app.outdir)
    write_if_changed(outdir / FILENAME, feed_document(site, talks))
    made: set[Path] = set()
    groups = subscriptions(site.settings.subscriptions, [(one, None) for one in talks])
    for kind, name, key, members in groups:
        path = feed_path(kind, key)
        write_if_changed(
            outdir / path, feed_document(site, [m for m, _ in members], path=path, name=name)
        )
        made.add(outdir / path)
    for kind in SUBSCRIPTION_KINDS:
        for old in (outdir / FEEDS / kind).glob("*.atom"):
            if old not in made:
                old.unlink()
