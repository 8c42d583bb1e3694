"""Old permalinks keep working: a talk with ``permalink: /seminar/x`` gets redirect pages
at ``seminar/x.html`` and ``seminar/x/index.html``.

A redirect never takes a path the build writes itself: a page, an index, a search page, a
static or source file, an export, or any file found in the output folder that an earlier
redirect did not write.  Two talks never share a redirect file.  Each case, and a permalink
that cannot be a file name, is a ``seminar.permalink`` warning.  Redirects of talks that no
longer give them are removed."""

from __future__ import annotations

import contextlib
import html
import json
import posixpath
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import NoUri
from sphinx.util import logging

from ..ids import permalink_paths, talk_key
from ..problems import Code
from ..site_files import GENERATED_PAGES, page_files, parents, taken_by_build
from .common import EXPORT_BUILDERS, Site, SiteTalk, write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

LOGGER = logging.getLogger(__name__)
#: The record of the redirect files written, beside the doctrees.
STATE = "sphinx-seminars-redirects-{builder}.json"


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


def generated_pages(app: Sphinx) -> set[str]:
    """The files of the pages the builder writes: documents, the general index, search and
    the domain indices (``seminar-index``), additional pages; as paths from the site root."""
    names = set(app.env.found_docs) | {"genindex", "search"}
    names |= {entry[0] for entry in getattr(app.builder, "domain_indices", [])}
    names |= set(getattr(app.config, "html_additional_pages", {}) or {})
    paths = set()
    for name in names:
        try:
            uri = app.builder.get_target_uri(name).split("#")[0]
        except NoUri:
            continue
        paths.add(uri + "index.html" if uri == "" or uri.endswith("/") else uri)
    return paths


def extra_files(app: Sphinx) -> dict[str, Path]:
    """The files ``html_extra_path`` puts in the output: their paths from the site root,
    each with its file."""
    files: dict[str, Path] = {}
    for entry in getattr(app.config, "html_extra_path", None) or []:
        root = Path(app.confdir, entry)
        if root.is_file():
            files[root.name] = root
        elif root.is_dir():
            files |= {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}
    return files


def give_way_to_extra_files(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: a redirect an earlier build wrote where ``html_extra_path`` now
    has a file gives way to that file (Sphinx 7 neither copies a file over one that is
    there nor copies at all when no page changed): a redirect never replaces a file of the
    site, whatever the Sphinx version."""
    extra = getattr(app.config, "html_extra_path", None)
    if exception is not None or app.builder.name not in EXPORT_BUILDERS or not extra:
        return
    state = Path(app.doctreedir) / STATE.format(builder=app.builder.name)
    previous = _saved_paths(state)
    if not previous:
        return
    for path, source in extra_files(app).items():
        target = Path(app.outdir) / path
        if path in previous and _is_redirect_page(target):
            shutil.copyfile(source, target)


def _saved_paths(state: Path) -> set[str]:
    """The redirect files an earlier build recorded (none when the record is missing)."""
    try:
        saved = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {str(p) for p in saved} if isinstance(saved, list) else set()


class Redirects:
    """Which files may be redirects in this build, and which were in the last one."""

    def __init__(self, app: Sphinx) -> None:
        self.outdir = Path(app.outdir)
        # the pages of this builder, and those html and dirhtml write for the same documents
        # (as check takes them): a site built with either keeps its pages
        self.pages = generated_pages(app) | page_files([*app.env.found_docs, *GENERATED_PAGES])
        self.extra = set(extra_files(app))
        self.state = Path(app.doctreedir) / STATE.format(builder=app.builder.name)
        self.previous = _saved_paths(self.state)
        self.written: dict[str, str] = {}  # path -> id of the talk it sends to

    def taken_by(self, path: str) -> str | None:
        """What the build itself keeps at ``path`` (None when a redirect may go there)."""
        if path in self.extra:
            return "a file of html_extra_path"
        taken = taken_by_build(path, self.pages)
        if taken is not None:
            return taken
        for parent in parents(path):
            if (self.outdir / parent).is_file():
                return f"the file {parent}"
        if (self.outdir / path).exists():  # a redirect of ours, or a file put there since
            return None if _is_redirect_page(self.outdir / path) else "a file the build writes"
        return None

    def save(self) -> None:
        """Remove the redirects of the last build that no talk gives any more, then record
        this build's."""
        for path in sorted(self.previous - set(self.written)):
            stale = self.outdir / path
            if _is_redirect_page(stale):  # a page written there since is no redirect
                with contextlib.suppress(OSError):
                    stale.unlink()
                    self._remove_empty_folders(stale.parent)
        write_if_changed(self.state, json.dumps(sorted(self.written)))

    def _remove_empty_folders(self, folder: Path) -> None:
        """The folders a removed redirect leaves empty (``old/x/`` of ``old/x/index.html``),
        up to the output folder, as a clean build has none."""
        while folder != self.outdir and self.outdir in folder.parents:
            try:
                folder.rmdir()  # only an empty folder goes
            except OSError:
                return
            folder = folder.parent


def _is_redirect_page(path: Path) -> bool:
    """Whether a file is a redirect page written by an earlier build (whose record is gone)."""
    try:
        with path.open("rb") as file:
            return _REDIRECT_MARK in file.read(2000)
    except OSError:
        return False


_REDIRECT_MARK = b"<p>This talk has moved: "


def write_redirects(app: Sphinx, site: Site, talks: list[SiteTalk]) -> None:
    """Redirects for the talks' permalinks, then for the old addresses of
    ``seminar_redirects``."""
    redirects = Redirects(app)
    for talk in sorted(talks, key=lambda talk: talk_key(talk.talk.id)):  # as check does
        permalink = talk.talk.permalink
        if permalink:
            _serve(site, redirects, talk, permalink)
    by_key = {talk_key(site.talk.id): site for site in talks}
    for old, talk_id in site.settings.redirects.items():
        target = by_key.get(talk_key(talk_id))
        if target is None:
            LOGGER.warning(
                "seminar_redirects: '%s' goes to '%s', which is no talk of the site",
                _shown(old),
                talk_id,
                type="seminar",
                subtype=Code.CONFIG,
            )
        else:
            _serve(site, redirects, target, old)
    redirects.save()


def _serve(site: Site, redirects: Redirects, talk: SiteTalk, permalink: str) -> None:
    paths, unusable = permalink_paths(permalink)
    if unusable:
        _warn(talk, f"permalink '{_shown(permalink)}' cannot be served: {unusable}")
        return
    own_page = talk.path.split("#")[0]
    own = {own_page, f"{own_page}index.html"} if own_page.endswith("/") else {own_page}
    refused = []
    for path in paths:
        if path in own:
            continue
        owner = redirects.written.get(path)
        # the talk's own page as the other html builder writes it may send on to this one
        taken = None if path in page_files([talk.record.docname]) else redirects.taken_by(path)
        if owner is not None:
            refused.append(f"{path} is the redirect of talk '{owner}'")
        elif taken is not None:
            refused.append(f"{path} is {taken}")
        else:
            target = relative_address(talk.path, posixpath.dirname(path))
            page = redirect_page(target, site.url(talk.path), talk.talk.title)
            try:
                write_if_changed(redirects.outdir / path, page)
            except OSError as error:
                refused.append(f"{path} cannot be written ({error.strerror})")
                continue
            redirects.written[path] = talk.talk.id
    if refused:
        _warn(talk, f"permalink '{_shown(permalink)}' not served at {'; '.join(refused)}")


def relative_address(path: str, folder: str) -> str:
    """A talk's address (from the site root: ``talks/x.html``, ``talks/x/`` in dirhtml,
    ``page/#x``) as seen from ``folder``; a folder's address keeps its trailing slash, as in
    the canonical address, so both name the same page."""
    page, mark, anchor = path.partition("#")
    target = posixpath.relpath(page or ".", folder or ".")
    if (page == "" or page.endswith("/")) and not target.endswith("/"):
        target += "/"
    return f"{target}{mark}{anchor}"


def _shown(permalink: str) -> str:
    return permalink if len(permalink) <= 80 else permalink[:79] + "…"


def _warn(talk: SiteTalk, message: str) -> None:
    LOGGER.warning(
        message, location=talk.record.id_location, type="seminar", subtype=Code.PERMALINK
    )
