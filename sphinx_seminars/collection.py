"""Talk collections: ``seminar_talks`` globs make every matching file a talk page of its own.

A matching file stays where it is and keeps its name; when Sphinx reads it, its text is
replaced (in memory, nothing is written) by a page that renders the talk of that file, with
links to the previous and next talk and back to the archive.  Talk pages are orphans: no
toctree lists them, so no sidebar carries every talk.
"""

from __future__ import annotations

import functools
import glob
import itertools
import os
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging
from sphinx.util.matching import Matcher

from . import reader
from .config import get_config
from .directives import SeminarDirective
from .domain import domain_of
from .listings.directives import listing_placeholder
from .listings.spec import ListingSpec
from .localfiles import inside_source_folder, links_out_of_source_folder
from .model import Problem, Talk
from .problems import Code
from .reader.discover import folder_read_already, walk_once

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

LOGGER = logging.getLogger(__name__)

#: What a talk file reads as, for Sphinx (MyST): an orphan page holding its own talk.
TALK_PAGE = "---\norphan: true\n---\n\n```{seminar-page}\n```\n"


@functools.lru_cache(maxsize=8)
def talk_matcher(patterns: tuple[str, ...]) -> Matcher:
    """A matcher of ``seminar_talks`` patterns; ``a/**/b`` also matches ``a/b``."""
    expanded = [*patterns, *(p.replace("/**/", "/") for p in patterns if "/**/" in p)]
    return Matcher(expanded)


def is_talk_page(env: BuildEnvironment, docname: str) -> bool:
    """Whether a document is a talk file of a ``seminar_talks`` pattern."""
    if not get_config(env).talks:
        return False
    return talk_matcher(tuple(get_config(env).talks)).match(_relative(env, docname))


def read_talk_file(env: BuildEnvironment, path: Path) -> tuple[Talk | None, list[Problem]]:
    """The talk of a talk file of the collection, or None and why the file is left out of
    the site: a link to a file outside the source folder, a binary file, a file that cannot
    be read at all, a file that describes no event (news, an award)."""
    if not inside_source_folder(env, path):
        target = os.path.realpath(path)
        message = f"the talk file is a link to '{target}', outside the source folder; left out"
        return None, [Problem(0, Code.PATH, message, "error")]
    talk = reader.read_talk(path, options=get_config(env).reader_options())
    refusal = list(talk.left_out_by)
    return (None, refusal) if refusal else (talk, [])


def _decodes(path: Path, encoding: str) -> bool:
    try:
        path.read_bytes().decode(encoding)
    except (OSError, UnicodeDecodeError, LookupError):
        return False
    return True


def screen_talk_files(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: talk files reach Sphinx only through the extension.

    A talk file that cannot be a page (a link out of the source folder, a binary file) is
    left out of the project with a warning.  One that is not valid text in
    ``source_encoding`` is read here, before the others, with an encoding that takes every
    byte: its text is replaced by the talk page anyway, and the reader reads the file
    itself (replacing what it cannot decode, with a ``seminar.encoding`` warning at the
    line)."""
    domain = domain_of(env)
    talk_pages = [d for d in docnames if is_talk_page(env, d)]
    repeats = _repeated_folders(env) if talk_pages else {}
    for docname in sorted(repeats):  # read before, maybe, by an older version: out too
        if docname in docnames:
            docnames.remove(docname)
        _leave_out(app, env, docname, Path(env.doc2path(docname)), [])
    for place, first in sorted(set(repeats.values())):
        LOGGER.warning(
            folder_read_already(first),
            location=f"{place}:1",
            type="seminar",
            subtype=Code.DUPLICATE,
        )
    for docname in [d for d in talk_pages if d not in repeats]:
        path = Path(env.doc2path(docname))
        talk, refusal = read_talk_file(env, path)
        if talk is None:
            docnames.remove(docname)
            _leave_out(app, env, docname, path, refusal)
            continue
        domain.read_ahead(docname, talk)
        if not _decodes(path, env.settings.get("input_encoding", "utf-8-sig")):
            docnames.remove(docname)
            _read_any_bytes(app, env, docname)


def _repeated_folders(env: BuildEnvironment) -> dict[str, tuple[str, str]]:
    """Talk pages in a folder that Sphinx found a second time through a link (a link to a
    folder above it, two links to one folder): each with the folder where the walk meets
    the repeat and the folder it repeats.  The folders are walked as ``check`` walks them,
    each once, in sorted order, parents first; a folder met again is not entered."""
    pages = [d for d in env.found_docs if is_talk_page(env, d)]
    folders = {posixpath.dirname(d) for d in pages} - {""}
    prefixes = {"/".join(f.split("/")[:n]) for f in folders for n in range(1, f.count("/") + 2)}
    first: dict[str, str] = {}  # real folder -> the path it is walked at
    met_again: dict[str, str] = {}  # a folder met again -> the path first walked
    for folder in sorted(prefixes, key=lambda f: f.split("/")):
        if _inside_any(folder, met_again):
            continue
        real = os.path.realpath(os.path.join(env.srcdir, folder))
        if real in first:
            met_again[folder] = first[real]
        else:
            first[real] = folder
    repeats = {}
    for docname in pages:
        place = next((p for p in met_again if _inside(docname, p)), None)
        if place is not None:
            repeats[docname] = (place, met_again[place])
    return repeats


def _inside(path: str, folder: str) -> bool:
    return path.startswith(folder + "/")


def _inside_any(path: str, folders: dict[str, str]) -> bool:
    """Whether a path lies under one of the folders (its parents are looked up, not the
    folders walked through: a loop makes hundreds of paths)."""
    parts = path.split("/")
    return any("/".join(parts[:n]) in folders for n in range(1, len(parts)))


def _leave_out(
    app: Sphinx, env: BuildEnvironment, docname: str, path: Path, problems: list[Problem]
) -> None:
    """Take a talk file out of the project (with a warning), and the page and source an
    earlier build made of it out of the output."""
    was_built = docname in env.all_docs
    app.events.emit("env-purge-doc", env, docname)
    env.clear_doc(docname)
    env.project.docnames.discard(docname)
    if was_built:
        _remove_outputs(app, env, docname)
    source = os.path.relpath(path, env.srcdir).replace(os.sep, "/")
    for problem in problems:
        LOGGER.warning(
            "%s; the file is not a page of the site",
            problem.message.removesuffix("; left out"),
            location=f"{source}:{max(problem.line, 1)}",
            type="seminar",
            subtype=problem.code,
        )


def _remove_outputs(
    app: Sphinx, env: BuildEnvironment, docname: str, suffix: str | None = None
) -> None:
    """The page (and its copied source) an earlier build of this builder wrote for a
    document that is no page any more (whose file had ``suffix``, by default its own)."""
    builder = app.builder
    outputs = []
    if hasattr(builder, "get_outfilename"):
        outputs.append(Path(builder.get_outfilename(docname)))
        suffix = (suffix or Path(env.doc2path(docname)).suffix) + str(
            app.config.html_sourcelink_suffix
        )
        outputs.append(Path(app.outdir, "_sources", docname + suffix))
    for output in outputs:
        output.unlink(missing_ok=True)


def _read_any_bytes(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    app.events.emit("env-purge-doc", env, docname)
    env.clear_doc(docname)
    encoding = env.settings.get("input_encoding", "utf-8-sig")
    env.settings["input_encoding"] = "latin-1"  # decodes any bytes; the text is replaced
    try:
        app.builder.read_doc(docname)
    finally:
        env.settings["input_encoding"] = encoding


def warn_empty_patterns(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: a ``seminar_talks`` pattern that gives no page says why: it
    matches no file, or every file it matches is excluded (``exclude_patterns``) or is not
    a source file of Sphinx."""
    patterns = get_config(env).talks
    unmatched = {pattern: talk_matcher((pattern,)) for pattern in patterns}
    for docname in env.found_docs:  # until each pattern has a page (the first few, mostly)
        if not unmatched:
            break
        path = _relative(env, docname)
        for pattern in [p for p, matcher in unmatched.items() if matcher.match(path)]:
            del unmatched[pattern]
    for pattern in (p for p in patterns if p in unmatched):
        files = _files_matching(env.srcdir, pattern)
        if not files:
            reason = "matches no file"
        else:
            reason = (
                f"matches {len(files)} file(s), but none is a page: exclude_patterns covers "
                "them, or their suffix is not in source_suffix"
            )
        LOGGER.warning(
            "seminar_talks pattern '%s' %s", pattern, reason, type="seminar", subtype=Code.CONFIG
        )
    return []


def reread_links_now_outside(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: a talk page is read again when its talk file, or a picture or
    file it shows, has become a link out of the source folder since it was read (a link
    keeps the time of its target, so Sphinx takes the page for unchanged): reading it again
    leaves the file out, with the warning a clean build gives, and the copy an earlier
    build made of such a picture or file goes."""
    sources = domain_of(env).talk_sources()
    if not sources:
        return []
    pages = set(sources)
    outside = _LinksOutside(env)
    outdated = {
        docname
        for docname, source in sources.items()
        if docname in env.found_docs and outside(os.path.join(env.srcdir, source))
    }
    copies: list[tuple[Iterable[tuple[Any, tuple[set[str], Any]]], str | None]] = [
        (env.images.items(), getattr(app.builder, "imagedir", None)),
        (env.dlfiles.items(), "_downloads"),
    ]
    for files, folder in copies:
        for filename, (docnames, copy) in files:
            users = docnames & pages
            if users and outside(os.path.join(env.srcdir, os.fspath(filename))):
                outdated |= users
                if folder and app.builder.format == "html":
                    Path(app.outdir, folder, os.fspath(copy)).unlink(missing_ok=True)
    return sorted(outdated - changed - added)


class _LinksOutside:
    """Whether a file of the source folder is a link, or in a linked folder, that leads out
    of it; a plain file costs one ``lstat`` (each folder is looked at once)."""

    def __init__(self, env: BuildEnvironment) -> None:
        self.env = env
        self.linked: dict[str, bool] = {}

    def __call__(self, path: str | os.PathLike[str]) -> bool:
        folder = os.path.dirname(path)
        if folder not in self.linked:
            self.linked[folder] = os.path.realpath(folder) != os.path.abspath(folder)
        return (os.path.islink(path) or self.linked[folder]) and links_out_of_source_folder(
            self.env, path
        )


def warn_suffixes_in_other_case(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: a file a ``seminar_talks`` pattern matches but for the case of
    its suffix (``talk.MD`` for ``*.md``) is no page, as Sphinx's suffixes are exact: a
    ``seminar.path`` warning says so, rather than the talk going missing without a word."""
    patterns = tuple(get_config(env).talks)
    suffixes = {x.lower(): x for x in app.config.source_suffix if x.lower() != x.upper()}
    if not patterns or not suffixes:
        return []
    matcher = talk_matcher(patterns)
    files = _files_under(env.srcdir, {_fixed_folder(p) for p in patterns})
    for path in dict.fromkeys(files):  # once, when one pattern's folder holds another's
        stem, dot, ending = path.rpartition(".")
        exact = suffixes.get(f"{dot}{ending}".lower())
        if exact and not path.endswith(exact) and matcher.match(stem + exact):
            LOGGER.warning(
                "the suffix of the talk file is not '%s' (Sphinx reads only that case); "
                "the file is not a page of the site",
                exact,
                location=f"{path}:1",
                type="seminar",
                subtype=Code.PATH,
            )
    return []


def _fixed_folder(pattern: str) -> str:
    """The folder a pattern's files are all under (``talks`` of ``talks/**/*.md``)."""
    parts = pattern.split("/")[:-1]
    return "/".join(itertools.takewhile(lambda part: not set(part) & set("*?["), parts))


def _files_under(srcdir: str | os.PathLike[str], folders: set[str]) -> Iterator[str]:
    """The files under these folders of the source folder (paths from it, with ``/``), as
    Sphinx finds them."""
    for folder in sorted(folders):
        for root, names in walk_once(os.path.join(srcdir, folder)):
            relative = os.path.relpath(root, srcdir).replace(os.sep, "/")
            yield from (posixpath.join(relative, name).removeprefix("./") for name in names)


def remove_pages_of_removed_talks(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: a talk file deleted or renamed takes the page and source an
    earlier build made of it out of the output, as a clean build would have none (and an
    old permalink may now redirect there); a talk file whose suffix changed
    (``x.md`` -> ``x.markdown``) takes its old copied source and is read again (a renamed
    file keeps its time, so Sphinx takes it for unchanged)."""
    patterns = tuple(get_config(env).talks)
    if not patterns:
        return []
    matcher = talk_matcher(patterns)
    for docname in removed:  # its file is gone: any suffix the patterns allow may be its
        for suffix in app.config.source_suffix:
            if matcher.match(docname + suffix):
                _remove_outputs(app, env, docname, suffix)
    if len(app.config.source_suffix) == 1:
        return []
    renamed = [  # its file is gone (cheap to ask of every talk), its page is still there
        (docname, source)
        for docname, source in domain_of(env).talk_sources().items()
        if not os.path.exists(os.path.join(env.srcdir, source))
        and docname in env.found_docs
        and is_talk_page(env, docname)
        and source != _relative(env, docname)
    ]
    for docname, source in renamed:
        _remove_outputs(app, env, docname, Path(source).suffix)
    return [docname for docname, _ in renamed]


def _relative(env: BuildEnvironment, docname: str) -> str:
    """A document's file, relative to the source folder, with ``/``."""
    return os.fspath(env.doc2path(docname, False)).replace(os.sep, "/")


def _files_matching(srcdir: str | os.PathLike[str], pattern: str) -> list[str]:
    found = set(glob.glob(os.path.join(os.fspath(srcdir), pattern), recursive=True))
    if "/**/" in pattern:
        found |= set(glob.glob(os.path.join(os.fspath(srcdir), pattern.replace("/**/", "/"))))
    return sorted(f for f in found if os.path.isfile(f))


def read_talk_page(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: a talk file is read as a page that renders it."""
    if is_talk_page(app.env, docname):
        source[0] = TALK_PAGE


class SeminarPageDirective(SeminarDirective):
    """The talk of the current document (a talk file of the collection), with navigation."""

    optional_arguments = 0
    has_content = False
    option_spec = {}  # noqa: RUF012 - docutils reads this class attribute

    def run(self) -> list[nodes.Node]:
        path = self.env.doc2path(self.env.docname)
        source = _relative(self.env, self.env.docname)
        talk = domain_of(self.env).take_read_ahead(self.env.docname) or reader.read_talk(
            path, options=get_config(self.config).reader_options()
        )
        talk = replace(talk, source=source)
        section = self.render_talk(talk, source, location=f"{source}:1")
        section += listing_placeholder(self, ListingSpec(kind="nav", talk=talk.id))
        return [section]


def warn_suffixes(app: Sphinx) -> None:
    """``builder-inited``: a pattern for files Sphinx does not read as pages finds nothing."""
    suffixes = tuple(app.config.source_suffix)
    for pattern in get_config(app).talks:
        if "." in pattern.rsplit("/", 1)[-1] and not pattern.endswith(suffixes):
            LOGGER.warning(
                "seminar_talks pattern '%s' names files Sphinx does not read as pages; "
                "talk files need a source suffix such as %s",
                pattern,
                ", ".join(suffixes),
                type="seminar",
                subtype="config",
            )


def setup_collection(app: Sphinx) -> None:
    app.add_directive("seminar-page", SeminarPageDirective)
    app.connect("source-read", read_talk_page)
    app.connect("builder-inited", warn_suffixes)
    app.connect("env-get-outdated", warn_empty_patterns)
    app.connect("env-get-outdated", remove_pages_of_removed_talks)
    app.connect("env-get-outdated", warn_suffixes_in_other_case)
    app.connect("env-get-outdated", reread_links_now_outside)
    app.connect("env-before-read-docs", screen_talk_files)
