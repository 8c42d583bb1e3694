"""Find talk files: files named directly, folders searched recursively, glob patterns."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

#: The suffixes of talk files looked for in folders (a file named directly is always read).
TALK_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
#: Folders never searched (nor matched by a glob pattern): version control, a build's output
#: (``exclude_patterns`` of a Sphinx site holds it) and the copied sources Sphinx never reads.
#: Every other folder, hidden ones too, is searched, as Sphinx reads them.
SKIPPED_FOLDERS = frozenset({".git", ".hg", ".svn", "_build", "_sources"})
#: Editors' lock files (``.#talk.md``), which Sphinx never reads either.
_LOCK_FILE = ".#"
_GLOB_CHARACTERS = frozenset("*?[")


class Found(NamedTuple):
    """What the arguments of ``check`` or ``show`` name: the talk files, each once, in the
    order found; the arguments that name none; and the folders reached a second time
    through a link, each with the folder it repeats (their files are read once, there)."""

    files: list[str]
    empty: list[str]
    repeated: list[tuple[str, str]]


def find_talk_files(arguments: Sequence[str]) -> Found:
    """The talk files the arguments name.

    A file is taken as given (even with another suffix, even if missing: reading it then
    says why it cannot be read); a folder gives its talk files, searched recursively; a glob
    pattern (``talks/**/*.md``) gives what it matches.
    """
    found = Found([], [], [])
    for argument in arguments:
        files = list(_expand(argument, found.repeated))
        if not files:
            found.empty.append(argument)
        found.files.extend(files)
    found.files[:] = _unique(found.files)
    return found


def _expand(argument: str, repeated: list[tuple[str, str]]) -> Iterator[str]:
    path = Path(argument)
    if path.is_dir():
        yield from _talks_in(path, repeated)
    elif path.exists() or not _GLOB_CHARACTERS & set(argument):
        yield argument
    else:
        for match in sorted(glob.glob(argument, recursive=True)):
            if SKIPPED_FOLDERS & set(Path(match).parts[:-1]):
                continue
            if Path(match).is_dir():
                yield from _talks_in(Path(match), repeated)
            elif Path(match).suffix.lower() in TALK_SUFFIXES:
                yield match


def _talks_in(folder: Path, repeated: list[tuple[str, str]]) -> Iterator[str]:
    """The talk files under a folder, sorted; links to folders are followed, as Sphinx
    follows them, each folder once (see :func:`walk_once`)."""
    for root, names in walk_once(folder, SKIPPED_FOLDERS, repeated):
        for name in names:
            if Path(name).suffix.lower() in TALK_SUFFIXES and not name.startswith(_LOCK_FILE):
                yield os.path.join(root, name)


def walk_once(
    folder: str | os.PathLike[str],
    skipped: frozenset[str] = frozenset(),
    repeated: list[tuple[str, str]] | None = None,
) -> Iterator[tuple[str, list[str]]]:
    """Each folder under ``folder`` with its file names, sorted, parents first, as Sphinx
    finds files: links to folders followed, but each real folder entered once; a folder
    met again (a loop, two links to one folder) joins ``repeated``, with the path it was
    first met at.  Folders named in ``skipped`` are not entered."""
    seen: dict[str, str] = {}
    for root, folders, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            folders[:] = []
            if repeated is not None:
                repeated.append((root, seen[real]))
            continue
        seen[real] = root
        folders[:] = sorted(f for f in folders if f not in skipped)
        yield root, sorted(names)


def folder_read_already(first: str) -> str:
    """Why a folder reached again through a link is not read (``check`` and the build)."""
    return f"the folder is '{first}' again, reached through a link; its files are not read here"


def _unique(files: list[str]) -> list[str]:
    """The files without a second spelling of the same path (``a.md`` and ``./a.md``); a
    link is a file of its own, as it is a page of its own in a site."""
    seen: set[str] = set()
    unique = []
    for name in files:
        key = os.path.normpath(os.path.abspath(name))
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return unique
