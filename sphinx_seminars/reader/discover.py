"""Find talk files: files named directly, folders searched recursively, glob patterns."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

#: The suffixes of talk files looked for in folders (a file named directly is always read).
TALK_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
#: Folders never searched (nor matched by a glob pattern), besides hidden ones (``.git``).
SKIPPED_FOLDERS = frozenset({"_build", "node_modules", "__pycache__"})
_GLOB_CHARACTERS = frozenset("*?[")


def find_talk_files(arguments: Sequence[str]) -> tuple[list[str], list[str]]:
    """(talk files, arguments that matched none), each file once, in the order found.

    A file is taken as given (even with another suffix, even if missing: reading it then
    says why it cannot be read); a folder gives its talk files, searched recursively; a glob
    pattern (``talks/**/*.md``) gives what it matches.
    """
    files: list[str] = []
    empty: list[str] = []
    for argument in arguments:
        found = list(_expand(argument))
        if not found:
            empty.append(argument)
        files += found
    return _unique(files), empty


def _expand(argument: str) -> Iterator[str]:
    path = Path(argument)
    if path.is_dir():
        yield from _talks_in(path)
    elif path.exists() or not _GLOB_CHARACTERS & set(argument):
        yield argument
    else:
        for match in sorted(glob.glob(argument, recursive=True)):
            if SKIPPED_FOLDERS & set(Path(match).parts[:-1]):
                continue
            if Path(match).is_dir():
                yield from _talks_in(Path(match))
            elif Path(match).suffix.lower() in TALK_SUFFIXES:
                yield match


def _talks_in(folder: Path) -> Iterator[str]:
    """The talk files under a folder, sorted; links to folders are followed, as Sphinx
    follows them, each folder once."""
    seen: set[str] = set()
    for root, folders, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            folders[:] = []
            continue
        seen.add(real)
        folders[:] = sorted(
            f for f in folders if not f.startswith(".") and f not in SKIPPED_FOLDERS
        )
        for name in sorted(names):
            if Path(name).suffix.lower() in TALK_SUFFIXES and not name.startswith("."):
                yield os.path.join(root, name)


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
