"""What every export needs: the site's talks with their addresses, the site's base URL and
host, text safe for XML and iCalendar, and whether anything changed since the last export."""

from __future__ import annotations

import hashlib
import json
import pickle
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NamedTuple
from urllib.parse import urlsplit

from ..collection import is_talk_page
from ..config import SeminarConfig, get_config
from ..domain import domain_of
from ..records import TalkRecord

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model import Talk

#: Builders whose output is a site of pages: only they write the exports.
EXPORT_BUILDERS = frozenset({"html", "dirhtml"})
#: Characters XML 1.0 and iCalendar text cannot carry.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class SiteTalk(NamedTuple):
    """A talk as the exports see it: where it is rendered and its address on the site."""

    record: TalkRecord
    path: str
    """The talk's address relative to the site root (``talks/x.html``, ``page.html#x``)."""

    @property
    def talk(self) -> Talk:
        return self.record.talk


@dataclass(frozen=True)
class Site:
    """What the exports need to know of the site, found once per build."""

    base: str
    """The site's address with one trailing slash (``seminar_baseurl``, else
    ``html_baseurl``), or ``""`` when none is known."""
    host: str
    """What makes calendar UIDs globally unique: the base URL's host, else the project's
    name as a host name."""
    project: str
    settings: SeminarConfig

    def url(self, path: str) -> str:
        """An absolute URL when a base URL is known, else the path from the site root."""
        return self.base + path


def site_of(app: Sphinx) -> Site:
    settings = get_config(app)
    url = settings.baseurl or app.config.html_baseurl or ""
    base = url.rstrip("/") + "/" if url else ""
    host = urlsplit(base).netloc or (
        re.sub(r"[^a-z0-9.-]+", "-", app.config.project.lower()).strip("-") or "sphinx-seminars"
    )
    return Site(base, host, app.config.project, settings)


def talk_path(app: Sphinx, record: TalkRecord) -> str:
    """The talk's address relative to the site root; a talk page needs no anchor."""
    uri = app.builder.get_target_uri(record.docname)
    if is_talk_page(app.env, record.docname):
        return uri
    return f"{uri}#{record.anchor}"


def relative_to_page(app: Sphinx, docname: str, path: str) -> str:
    """``path`` (relative to the site root) as seen from the page of ``docname``."""
    page = app.builder.get_target_uri(docname)
    folder = posixpath.dirname(page) if not page.endswith("/") else page.rstrip("/")
    return posixpath.relpath(path, folder or ".")


def site_talks(app: Sphinx) -> list[SiteTalk]:
    """Every talk of the site, newest first, with its address."""
    return [SiteTalk(record, talk_path(app, record)) for record in domain_of(app.env).talks()]


def clean_text(text: str) -> str:
    """Text without the control characters XML and iCalendar cannot carry."""
    return _CONTROL.sub("", text)


class ExportState:
    """A digest of everything the exports are made from, kept beside the doctrees."""

    FILENAME: ClassVar[str] = "sphinx-seminars-exports.json"
    OUTPUTS: ClassVar[dict[str, str]] = {
        "json": "seminars.json",
        "ics": "seminars.ics",
        "atom": "seminars.atom",
    }

    def __init__(self, app: Sphinx) -> None:
        domain = domain_of(app.env)
        config = app.config
        settings = get_config(app)
        inputs = (
            [(r.talk, r.docname, r.anchor, r.location, r.modified) for r in domain.talks()],
            domain.calendar_history(),
            sorted(app.env.found_docs),
            app.builder.name,
            str(app.outdir),
            [getattr(settings, name) for name in EXPORT_SETTINGS],
            config.html_baseurl,
            config.project,
            settings.today_date().isoformat() if settings.ics_window_days is not None else "",
        )
        self.digest = hashlib.sha256(pickle.dumps(inputs)).hexdigest()
        self.path = Path(app.doctreedir) / self.FILENAME
        self.outputs = [
            Path(app.outdir) / name for key, name in self.OUTPUTS.items() if key in settings.exports
        ]

    def unchanged(self) -> bool:
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return saved.get("digest") == self.digest and all(p.exists() for p in self.outputs)

    def save(self) -> None:
        write_if_changed(self.path, json.dumps({"digest": self.digest}))


#: The settings the exports depend on.
EXPORT_SETTINGS = (
    "baseurl",
    "exports",
    "ics_window_days",
    "default_duration",
    "timezone",
    "redirects",
    "subscriptions",
    "organizer",
    "feed",
)


def write_if_changed(path: Path, content: str) -> None:
    """Write a file only when its content changes (a no-change rebuild writes nothing)."""
    try:
        if path.read_text(encoding="utf-8") == content:
            return
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
