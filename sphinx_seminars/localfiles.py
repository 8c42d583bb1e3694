"""Local files a talk names (slides, images in its text, downloads) reach the output only
when they are inside the source folder.  A path that leaves it (``../../etc/passwd``) or
names nothing there is a ``seminar.path`` warning, and the file is not copied."""

from __future__ import annotations

import os
import posixpath
import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

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
    target = target.split("#", 1)[0].split("?", 1)[0].replace("\\", "/")
    if not target:
        return None
    base = "" if target.startswith("/") else posixpath.dirname(talk_source)
    path = posixpath.normpath(posixpath.join(base, target.lstrip("/")))
    if path == ".." or path.startswith("../") or posixpath.isabs(path):
        return None
    srcdir = os.path.realpath(env.srcdir)
    real = os.path.realpath(os.path.join(srcdir, path))
    if os.path.commonpath([srcdir, real]) != srcdir or not os.path.isfile(real):
        return None
    return path


def guard_local_files(section: nodes.Element, env: BuildEnvironment, talk_source: str) -> None:
    """Point local links, downloads and images of a rendered talk at files inside the source
    folder; drop the others with a warning."""
    for reference in list(section.findall(nodes.reference)):
        uri = reference.get("refuri", "")
        if uri and not _SCHEME.match(uri) and not uri.startswith("#"):
            _local_link(reference, env, talk_source, uri)
    for download in list(section.findall(addnodes.download_reference)):
        target = download.get("reftarget", "")
        path = inside_source(env, talk_source, target)
        if path is None:
            _refuse(download, talk_source, target, keep_text=True)
        else:
            download["reftarget"] = "/" + path
    for image in list(section.findall(nodes.image)):
        uri = image.get("uri", "")
        if _SCHEME.match(uri) or uri.startswith("data:"):
            continue
        path = inside_source(env, talk_source, uri)
        if path is None:
            _refuse(image, talk_source, uri, keep_text=False)
        else:
            image["uri"] = "/" + path


def _local_link(
    reference: nodes.reference, env: BuildEnvironment, talk_source: str, uri: str
) -> None:
    """A link to a local file (``slides: slides/talk.pdf``) becomes a download of it."""
    path = inside_source(env, talk_source, uri)
    if path is None:
        paragraph = reference.parent
        _refuse(reference, talk_source, uri, keep_text=False)
        _tidy_link_list(paragraph)
        return
    download = addnodes.download_reference(
        "", "", reftarget="/" + path, refdoc=env.docname, refexplicit=True
    )
    download += nodes.literal(reference.astext(), reference.astext(), classes=["xref", "download"])
    download["classes"].extend(reference["classes"])
    reference.replace_self(download)


def _tidy_link_list(paragraph: nodes.Element) -> None:
    """After a link left a list of links, no separator stands doubled or at an end; a list
    left empty goes with its block."""
    kept: list[nodes.Node] = []
    for child in list(paragraph.children):
        separator = isinstance(child, nodes.Text) and str(child) == ", "
        if separator and (not kept or _is_separator(kept[-1]) or _is_label(kept[-1])):
            continue
        kept.append(child)
    while kept and _is_separator(kept[-1]):
        kept.pop()
    paragraph.children = []
    paragraph.extend(kept)
    block = paragraph.parent
    if all(_is_label(child) for child in kept) and block is not None and block.parent is not None:
        block.parent.remove(block)


def _is_separator(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Text) and str(node) == ", "


def _is_label(node: nodes.Node) -> bool:
    return isinstance(node, nodes.strong) and "seminar-label" in node.get("classes", [])


def _refuse(node: nodes.Element, talk_source: str, target: str, *, keep_text: bool) -> None:
    LOGGER.warning(
        "'%s' is not a file inside the source folder; left out",
        target,
        location=f"{talk_source}:1",
        type="seminar",
        subtype="path",
    )
    if keep_text and node.astext():
        node.replace_self(nodes.inline(node.astext(), node.astext()))
    else:
        node.parent.remove(node)
