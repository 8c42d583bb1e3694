"""Exports written by the HTML builders: seminars.json, seminars.ics and one .ics per talk,
seminars.atom, JSON-LD in each talk page, and redirect pages for old permalinks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..config import get_config
from .calendar_page import resolve_calendar_links, resolve_subscribe_blocks
from .common import EXPORT_BUILDERS, ExportState, site_of, site_talks
from .feed import write_feed
from .ical import update_sequences, write_calendars
from .jsonfile import write_json
from .jsonld import add_jsonld
from .redirects import give_way_to_extra_files, write_redirects

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def write_exports(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write every enabled export of the HTML builders.

    When no talk, calendar history or setting changed since the exports were last written
    (and they are all there), nothing is done: a rebuild with nothing changed stays fast."""
    if exception is not None or app.builder.name not in EXPORT_BUILDERS:
        return
    wanted = set(get_config(app).exports)
    state = ExportState(app)
    if state.unchanged():
        return
    site, talks = site_of(app), site_talks(app)
    if "json" in wanted:
        write_json(app, site, talks)
    if "ics" in wanted:
        write_calendars(app, site, talks)
    if "atom" in wanted:
        write_feed(app, site, talks)
    if "redirects" in wanted:
        write_redirects(app, site, talks)
    state.save()


def setup_exports(app: Sphinx) -> None:
    app.connect("env-updated", update_sequences)
    app.connect("doctree-resolved", resolve_calendar_links)
    app.connect("doctree-resolved", resolve_subscribe_blocks)
    app.connect("html-page-context", add_jsonld)
    app.connect("build-finished", give_way_to_extra_files)
    app.connect("build-finished", write_exports)
