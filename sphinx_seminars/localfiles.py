"""Local files a talk names (slides, images in its text, downloads) reach the output only
when they are inside the source folder.  A path that leaves it (``../../etc/passwd``) or
names nothing there is a ``seminar.path`` warning, and the file is not copied."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

from .model import Image, Talk
from .problems import Code
from .site_files import file_inside, names_local_file, path_inside

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

LOGGER = logging.getLogger(__name__)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def inside_source_folder(env: BuildEnvironment, path: str | os.PathLike[str]) -> bool:
    """Whether a file, its links followed, is inside the source folder."""
    folder = os.path.realpath(env.srcdir)
    return os.path.commonpath([folder, os.path.realpath(path)]) == folder


def links_out_of_source_folder(env: BuildEnvironment, path: str | os.PathLike[str]) -> bool:
    """Whether a path written inside the source folder leads out of it through a link
    (``talks/x.md`` -> ``/etc/passwd``).  A path written outside it on purpose
    (``../seeds/x.md``, as for ``literalinclude``) does not count: pages are trusted."""
    folder = os.path.abspath(env.srcdir)
    written = os.path.abspath(path)
    return os.path.commonpath([folder, written]) == folder and not inside_source_folder(env, path)


def inside_source(env: BuildEnvironment, talk_source: str, target: str) -> str | None:
    """The file ``target`` names, relative to the source folder, when it is a file there.

    A relative target is read from the talk file's folder; one starting with ``/`` from the
    source folder."""
    return file_inside(os.fspath(env.srcdir), talk_source, target)


class LocalFiles:
    """The local files one talk names: each is used only when it is a file inside the source
    folder; any other is a ``seminar.path`` warning and is left out."""

    def __init__(self, env: BuildEnvironment, talk_source: str) -> None:
        self.env = env
        self.talk_source = talk_source

    def _file(self, target: str) -> str | None:
        """The file ``target`` names, from the source folder, or None (with a warning).  A
        file named inside the folder that is not there yet is a dependency of the page: the
        page is read again once it is added."""
        path = inside_source(self.env, self.talk_source, target)
        if path is None:
            _warn_refused(self.talk_source, target)
            missing = path_inside(self.talk_source, target)
            if missing is not None:
                self.env.note_dependency(os.path.join(self.env.srcdir, missing))
        return path

    def link(self, text: str, target: str) -> nodes.Node | None:
        """A download of the file a link names (``slides: slides/talk.pdf``), or None."""
        path = self._file(target)
        if path is None:
            return None
        download = addnodes.download_reference(
            "", "", reftarget="/" + path, refdoc=self.env.docname, refexplicit=True
        )
        download += nodes.literal(text, text, classes=["xref", "download"])
        return download

    def image(self, src: str) -> str | None:
        """The address of an image file a talk names (a picture, a photo), from the source
        folder, or None (with a warning)."""
        path = self._file(src)
        return None if path is None else "/" + path

    def image_address(self, image: Image) -> str | None:
        """Where a picture or photo is shown from on other pages (listings, the speakers
        page): its https address, or its file from the source folder; None when it may not
        be shown (said once, by :meth:`image`)."""
        if image.src.lower().startswith("https://"):
            return image.src
        return inside_source(self.env, self.talk_source, image.src)

    def shown(self, talk: Talk) -> Talk:
        """The talk without the local files it names that the page leaves out (each said
        once, when rendered): the exports list what the page shows."""
        usable = [
            (name, url)
            for name, url in talk.links
            if not names_local_file(url) or inside_source(self.env, self.talk_source, url)
        ]
        image = talk.image if talk.image and self.image_address(talk.image) else None
        speakers = tuple(
            replace(speaker, photo=None)
            if speaker.photo and not self.image_address(speaker.photo)
            else speaker
            for speaker in talk.speakers
        )
        if (usable, image, speakers) == (list(talk.links), talk.image, talk.speakers):
            return talk
        return replace(talk, links=tuple(usable), image=image, speakers=speakers)

    def guard(self, section: nodes.Element) -> None:
        """Images and downloads in the talk's rendered Markdown point at files inside the
        source folder, or go (the reader lets no local link into Markdown; this holds
        whatever a future MyST makes of it)."""
        for download in list(section.findall(addnodes.download_reference)):
            target = download.get("reftarget", "")
            if target.startswith("/") and download.get("refdoc") == self.env.docname:
                continue  # made by link() above
            path = inside_source(self.env, self.talk_source, target)
            if path is None:
                _warn_refused(self.talk_source, target)
                download.replace_self(nodes.inline(download.astext(), download.astext()))
            else:
                download["reftarget"] = "/" + path
        for image in list(section.findall(nodes.image)):
            uri = image.get("uri", "")
            if _SCHEME.match(uri) or uri.startswith(("data:", "/")):
                continue  # a remote image, or one placed by image() above
            path = inside_source(self.env, self.talk_source, uri)
            if path is None:
                _warn_refused(self.talk_source, uri)
                image.parent.remove(image)
            else:
                image["uri"] = "/" + path


def _warn_refused(talk_source: str, target: str) -> None:
    LOGGER.warning(
        "'%s' is not a file inside the source folder; left out",
        target,
        location=f"{talk_source}:1",
        type="seminar",
        subtype=Code.PATH,
    )
