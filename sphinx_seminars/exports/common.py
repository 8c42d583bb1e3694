"""What every export needs: the site's talks with their records and URLs."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import pickle
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple
from urllib.parse import urlsplit

from ..collection import is_talk_page
from ..config import get_config
from ..domain import TalkEntry, domain_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Builders whose output is a site of pages: only they write the exports.
EXPORT_BUILDERS = frozenset({"html", "dirhtml"})
#: Characters XML 1.0 and iCalendar text cannot carry.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class SiteTalk(NamedTuple):
    """A talk as the exports see it."""

    entry: TalkEntry
    data: dict[str, Any]
    """The JSON form (schema of ``sphinx-seminars show --json``)."""
    modified: str | None
    path: str
    """The talk's address relative to the site root (``talks/x.html#x``)."""


def base_url(app: Sphinx) -> str:
    """``seminar_baseurl``, else ``html_baseurl``, with one trailing slash; or ``""``."""
    url = get_config(app).baseurl or app.config.html_baseurl or ""
    return url.rstrip("/") + "/" if url else ""


def site_host(app: Sphinx) -> str:
    """The host that makes calendar UIDs globally unique (the project name without one)."""
    host = urlsplit(base_url(app)).netloc
    if host:
        return host
    return re.sub(r"[^a-z0-9.-]+", "-", app.config.project.lower()).strip("-") or "sphinx-seminars"


def talk_path(app: Sphinx, entry: TalkEntry) -> str:
    """The talk's address relative to the site root; a talk page needs no anchor."""
    uri = app.builder.get_target_uri(entry.docname)
    if is_talk_page(app.env, entry.docname):
        return uri
    return f"{uri}#{entry.anchor}"


def absolute_url(app: Sphinx, path: str) -> str:
    """An absolute URL when a base URL is known, else the path relative to the site root."""
    return base_url(app) + path


def relative_to_page(app: Sphinx, docname: str, path: str) -> str:
    """``path`` (relative to the site root) as seen from the page of ``docname``."""
    page = app.builder.get_target_uri(docname)
    folder = posixpath.dirname(page) if not page.endswith("/") else page.rstrip("/")
    return posixpath.relpath(path, folder or ".")


def site_talks(app: Sphinx) -> list[SiteTalk]:
    """Every talk of the site, newest first, with record and address."""
    domain = domain_of(app.env)
    talks = []
    for entry in domain.talks():
        record = domain.record(entry)
        talks.append(SiteTalk(entry, record["talk"], record["modified"], talk_path(app, entry)))
    return talks


def clean_text(text: str) -> str:
    """Text without the control characters XML and iCalendar cannot carry."""
    return _CONTROL.sub("", text)


def parse_moment(value: str | None) -> dt.datetime | dt.date | None:
    if not value:
        return None
    if "T" in value:
        return dt.datetime.fromisoformat(value)
    return dt.date.fromisoformat(value)


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
            sorted(domain.data["records"].items()),
            sorted(domain.data["sequences"].items()),
            sorted((e.id, e.docname, e.anchor) for e in domain.talks()),
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
)


def write_if_changed(path: Path, content: str) -> None:
    """Write a file only when its content changes (a no-change rebuild writes nothing)."""
    try:
        if path.read_text(encoding="utf-8") == content:
            return
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
