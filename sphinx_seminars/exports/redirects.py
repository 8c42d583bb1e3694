"""Old permalinks keep working: a talk with ``permalink: /seminar/x`` gets redirect pages
at ``seminar/x.html`` and ``seminar/x/index.html`` (unless a real page is there)."""

from __future__ import annotations

import html
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from .common import SiteTalk, absolute_url, write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

LOGGER = logging.getLogger(__name__)


def redirect_paths(permalink: str) -> list[str]:
    """The files that serve a permalink, relative to the site root; none if it escapes."""
    parts = [p for p in permalink.split("/") if p and p != "."]
    if not parts or ".." in parts or any("\\" in p or ":" in p for p in parts):
        return []
    path = "/".join(parts)
    if path.endswith((".html", ".htm")):
        return [path]
    return [f"{path}.html", f"{path}/index.html"]


def redirect_page(target: str, canonical: str, title: str) -> str:
    """A small page that sends the visitor on (meta refresh, plus a link without one)."""
    url = html.escape(target, quote=True)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        f'<link rel="canonical" href="{html.escape(canonical, quote=True)}">\n'
        '<meta name="robots" content="noindex">\n</head>\n<body>\n'
        f'<p>This talk has moved: <a href="{url}">{html.escape(title)}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def write_redirects(app: Sphinx, talks: list[SiteTalk]) -> None:
    outdir = Path(app.outdir)
    pages = {app.builder.get_target_uri(d).split("#")[0] for d in app.env.found_docs}
    pages |= {f"{p}index.html" for p in pages if p.endswith("/")}
    claimed: dict[str, str] = {}
    for talk in talks:
        permalink = talk.data["permalink"]
        if not permalink:
            continue
        key = "/".join(p for p in permalink.split("/") if p)
        if key in claimed:
            LOGGER.warning(
                "permalink '%s' of talk '%s' is also the permalink of talk '%s'",
                permalink,
                talk.entry.id,
                claimed[key],
                location=talk.entry.location,
                type="seminar",
                subtype="permalink",
            )
            continue
        claimed[key] = talk.entry.id
        for path in redirect_paths(permalink):
            if path in pages or path == talk.path.split("#")[0]:
                continue
            target = posixpath.relpath(talk.path, posixpath.dirname(path) or ".")
            page = redirect_page(target, absolute_url(app, talk.path), talk.data["title"])
            write_if_changed(outdir / path, page)
