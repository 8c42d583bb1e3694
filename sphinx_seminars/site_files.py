"""The files a seminar site's build writes besides redirects: its pages and indices, the
exports, static and source files.  A redirect for an old permalink takes none of them; the
build and ``sphinx-seminars check`` ask the same question here."""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable, Iterator

from .model import Talk

#: An address with a scheme (``https:``, ``mailto:``): not a local file.
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)

#: Files of the site root that the builder or the exports write.
RESERVED_FILES = frozenset(
    {"objects.inv", "searchindex.js", "robots.txt", "favicon.ico"}
    | {"seminars.json", "seminars.schema.json", "seminars.ics", "seminars.atom"}
)
#: Pages every site has that no source file gives: Sphinx's and the seminar domain's indices.
GENERATED_PAGES = ("genindex", "search", "seminar-index", "seminar-speakers")


def page_files(docnames: Iterable[str]) -> set[str]:
    """The files of the pages of ``docnames``, as the html builder (``x.html``) and the
    dirhtml builder (``x/index.html``) write them."""
    files = set()
    for name in docnames:
        files.add(f"{name}.html")
        folder = name[: -len("index")].rstrip("/") if name.rsplit("/", 1)[-1] == "index" else name
        files.add(f"{folder}/index.html" if folder else "index.html")
    return files


def parents(path: str) -> list[str]:
    """The folders above a path from the site root, outermost first."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[: index + 1]) for index in range(len(parts))]


def taken_by_build(path: str, pages: set[str]) -> str | None:
    """What the build itself keeps at ``path`` (a path from the site root), given the files
    of its pages: None when a redirect may go there."""
    if path in pages:
        return "a page of the site"
    if path in RESERVED_FILES or path.split("/", 1)[0].startswith(("_", ".")):
        return "a file the build writes"
    for parent in parents(path):
        if parent in pages or parent in RESERVED_FILES:
            return f"the file {parent}"
    return None


def path_inside(talk_source: str, target: str) -> str | None:
    """The path ``target`` names, relative to the source folder, when it stays inside it as
    written (links not followed; the file may not exist); None otherwise.  A relative target
    is read from the folder of the talk file (``talk_source``, relative to the source
    folder); one starting with ``/`` from the source folder itself."""
    target = target.split("#", 1)[0].split("?", 1)[0].replace("\\", "/")
    if not target:
        return None
    base = "" if target.startswith("/") else posixpath.dirname(talk_source)
    path = posixpath.normpath(posixpath.join(base, target.lstrip("/")))
    if path == ".." or path.startswith("../") or posixpath.isabs(path):
        return None
    return path


def file_inside(folder: str, talk_source: str, target: str) -> str | None:
    """The file ``target`` names, relative to the source ``folder``, when it is a file there
    (its links followed); None otherwise (see :func:`path_inside`)."""
    path = path_inside(talk_source, target)
    if path is None:
        return None
    real_folder = os.path.realpath(folder)
    real = os.path.realpath(os.path.join(real_folder, path))
    if os.path.commonpath([real_folder, real]) != real_folder or not os.path.isfile(real):
        return None
    return path


def names_local_file(url: str) -> bool:
    """Whether a link of a talk names a local file (no scheme, not an ``#anchor``)."""
    return not _SCHEME.match(url) and not url.startswith("#")


def local_files_named(talk: Talk) -> Iterator[str]:
    """The local files a talk's page uses: links to files (``slides: slides/x.pdf``), its
    picture and its speakers' photos, unless they are https addresses."""
    for _, url in talk.links:
        if names_local_file(url):
            yield url
    images = [talk.image, *(speaker.photo for speaker in talk.speakers)]
    for image in images:
        if image is not None and not image.src.lower().startswith("https://"):
            yield image.src
