"""``sphinx-seminars check``: the problems of talk files, for editors, CI and pre-commit."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..ids import permalink_paths, talk_key
from ..model import Problem, Talk
from ..problems import Code
from ..reader import read_talk
from ..reader.discover import (
    SKIPPED_FOLDERS,
    TALK_SUFFIXES,
    find_talk_files,
    folder_read_already,
    walk_once,
)
from ..reader.duplicates import duplicate_ids
from ..site_files import (
    GENERATED_PAGES,
    file_inside,
    local_files_named,
    page_files,
    taken_by_build,
)
from .options import add_timezone_option
from .terminal import printable, problem_line

#: The suffixes of a source folder's own pages.
PAGE_SUFFIXES = (".rst", ".md")


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    check = commands.add_parser(
        "check",
        help="list the problems of talk files; exit status 1 when there are errors",
        description="Read every talk file and print one line per problem, then a summary.",
    )
    check.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="talk files, folders (searched for *.md, *.markdown, *.txt) or glob patterns",
    )  # fmt: skip
    check.add_argument(
        "--source-folder", metavar="DIR", default=None,
        help="the Sphinx source folder: a talk file that is a link out of it is an error, "
        "as in the build (default: the nearest folder above the file holding a conf.py)",
    )  # fmt: skip
    check.add_argument(
        "--format", choices=("text", "json"), default="text",
        help="text (path:line: level: message [seminar.code]) or one JSON object",
    )  # fmt: skip
    add_timezone_option(check)
    return check


@dataclass(frozen=True)
class Checked:
    """One file as ``check`` reports it: its path, the talk read (None when there was no
    file to read) and all of its problems."""

    path: str
    talk: Talk | None
    problems: tuple[Problem, ...]

    def count(self, level: str) -> int:
        return sum(1 for problem in self.problems if problem.level == level)


def check_paths(
    paths: Sequence[str],
    *,
    default_timezone: str | None = None,
    source_folder: str | None = None,
) -> list[Checked]:
    """Read every talk file the paths name and add the problems the build would find: ids
    used twice, permalinks that cannot be served, links out of the source folder."""
    files, empty, repeated = find_talk_files(paths)
    talks = [
        _outside(path, source_folder)
        or _suffix_in_other_case(path)
        or read_talk(path, default_timezone=default_timezone)
        for path in files
    ]
    site = _Site(source_folder, files)
    redirects = site.redirect_problems(talks)
    checked = [
        Checked(
            path,
            talk,
            tuple(sorted([*_own(talk), *site.file_problems(talk), *dupes, *served], key=_order)),
        )
        for path, talk, dupes, served in zip(
            files, talks, duplicate_ids(talks), redirects, strict=True
        )
    ]
    suffixes = ", ".join(sorted(f"*{suffix}" for suffix in TALK_SUFFIXES))
    nothing = Problem(0, Code.UNREADABLE, f"no talk files ({suffixes}) found here", "error")
    again = [
        Checked(folder, None, (Problem(0, Code.DUPLICATE, folder_read_already(first)),))
        for folder, first in repeated
    ]
    return checked + again + [Checked(path, None, (nothing,)) for path in empty]


def _project_folder(path: str) -> str | None:
    """The nearest folder above a file that holds a ``conf.py`` (its Sphinx source folder)."""
    folder = Path(os.path.abspath(path)).parent
    for candidate in (folder, *folder.parents):
        if (candidate / "conf.py").is_file():
            return str(candidate)
    return None


def _own(talk: Talk) -> tuple[Problem, ...]:
    """The problems of a talk file itself, as the build reports them: of a file left out of
    the site, only why (its other problems do not reach the site)."""
    return talk.left_out_by or talk.problems


def _outside(path: str, source_folder: str | None) -> Talk | None:
    """The talk of a file that is a link leading out of the source folder: none, with the
    error the build gives (the file is left out of the site)."""
    folder = os.path.realpath(source_folder or _project_folder(path) or "/")
    target = os.path.realpath(path)
    if os.path.commonpath([folder, target]) == folder:
        return None
    message = f"the talk file is a link to '{target}', outside the source folder; left out"
    stem = Path(path).stem
    return Talk(
        id=stem, title=stem, source=path, problems=(Problem(0, Code.PATH, message, "error"),)
    )


def _suffix_in_other_case(path: str) -> Talk | None:
    """The talk of a file whose suffix is a talk suffix in another case (``x.MD``): none,
    with the warning the build gives (Sphinx's suffixes are exact: the file is no page)."""
    suffix = Path(path).suffix
    if suffix.lower() not in TALK_SUFFIXES or suffix == suffix.lower():
        return None
    message = (
        f"the suffix of the talk file is not '{suffix.lower()}' (Sphinx reads only that "
        "case); the file is not a page of the site"
    )
    problem = Problem(0, Code.PATH, message, "error")
    stem = Path(path).stem
    return Talk(id=stem, title=stem, source=path, problems=(problem,))


class _Site:
    """What check knows of the site the talk files belong to: its source folder (when
    known) and its pages.  As in the build, a local file a talk names that is not a file of
    the folder is a ``path`` warning; a permalink that cannot be a file name, or whose file
    is a page of the site, a file the build writes or another talk's redirect, is a
    ``permalink`` warning."""

    def __init__(self, source_folder: str | None, files: Sequence[str]) -> None:
        folder = source_folder or (_project_folder(files[0]) if files else None)
        self.folder = os.path.realpath(folder) if folder else None
        docnames = [*GENERATED_PAGES, *(self._docname(path) for path in files)]
        if self.folder:
            docnames += [self._docname(path) for path in _pages_in(self.folder)]
        self.pages = page_files(name for name in docnames if name)
        self.written: dict[str, str] = {}

    def _docname(self, path: str) -> str | None:
        """A file's page name from the source folder (None when it is outside it)."""
        if self.folder is None:
            return None
        relative = os.path.relpath(os.path.abspath(path), self.folder).replace(os.sep, "/")
        return None if relative.startswith("../") else relative.rsplit(".", 1)[0]

    def file_problems(self, talk: Talk) -> list[Problem]:
        """A ``path`` warning for each local file the talk names that is not a file of the
        source folder (its slides, picture, speakers' photos), as the build gives."""
        relative = self._docname(talk.source) if not talk.left_out_by else None
        if self.folder is None or relative is None:
            return []
        source = os.path.relpath(os.path.abspath(talk.source), self.folder).replace(os.sep, "/")
        return [
            Problem(1, Code.PATH, f"'{target}' is not a file inside the source folder; left out")
            for target in local_files_named(talk)
            if file_inside(self.folder, source, target) is None
        ]

    def redirect_problems(self, talks: Sequence[Talk]) -> list[list[Problem]]:
        """For each talk, the problem of its permalink (none or one); talks take their
        redirects in the order of their ids, as in the build."""
        found: list[list[Problem]] = [[] for _ in talks]
        served: dict[str, int] = {}  # of talks with one id, the build serves the first page's
        for index in sorted(range(len(talks)), key=lambda index: self._page_name(talks[index])):
            if not talks[index].left_out_by:
                served.setdefault(talk_key(talks[index].id), index)
        for key in sorted(served):
            found[served[key]] = self._problems(talks[served[key]])
        return found

    def _page_name(self, talk: Talk) -> str:
        relative = self._docname(talk.source)
        return relative if relative is not None else os.path.abspath(talk.source)

    def _problems(self, talk: Talk) -> list[Problem]:
        if not talk.permalink:
            return []
        paths, unusable = permalink_paths(talk.permalink)
        if unusable is not None:
            return [self._problem(talk, f"the permalink cannot be served: {unusable}")]
        own = page_files([self._docname(talk.source) or ""])
        refused = []
        for path in paths:
            owner = self.written.get(path)
            taken = None if path in own else taken_by_build(path, self.pages)
            if owner is not None and talk_key(owner) != talk_key(talk.id):
                refused.append(f"{path} is the redirect of talk '{owner}'")
            elif taken is not None:
                refused.append(f"{path} is {taken}")
            elif path not in own:
                self.written[path] = talk.id
        if not refused:
            return []
        return [self._problem(talk, f"the permalink is not served at {'; '.join(refused)}")]

    @staticmethod
    def _problem(talk: Talk, message: str) -> Problem:
        return Problem(talk.id_line, Code.PERMALINK, message)


def _pages_in(folder: str) -> list[str]:
    """The files of a source folder that are pages (reStructuredText and Markdown), as
    Sphinx finds them, but for those in the folders check never searches (``_build``,
    ``_sources``, version control)."""
    return [
        os.path.join(root, name)
        for root, names in walk_once(folder, SKIPPED_FOLDERS)
        for name in names
        if name.endswith(PAGE_SUFFIXES)
    ]


def _order(problem: Problem) -> tuple[int, str]:
    return problem.line, problem.code


def summary(checked: Sequence[Checked]) -> dict[str, int]:
    return {
        "files": sum(1 for item in checked if item.talk is not None),
        "errors": sum(item.count("error") for item in checked),
        "warnings": sum(item.count("warning") for item in checked),
    }


def check_text(checked: Sequence[Checked]) -> str:
    """One line per problem, then ``N files, E errors, W warnings``."""
    lines = [problem_line(item.path, p) for item in checked for p in item.problems]
    counts = summary(checked)
    lines.append(", ".join(f"{counts[key]} {_plural(key, counts[key])}" for key in counts))
    return printable("\n".join(lines))


def _plural(word: str, count: int) -> str:
    return word if count != 1 else word.removesuffix("s")


def check_json(checked: Sequence[Checked]) -> dict[str, object]:
    """The JSON form of a check: ``files``, ``problems`` and ``summary``."""
    return {
        "files": [
            {
                "path": item.path,
                "id": item.talk.id,
                "title": item.talk.title,
                "errors": item.count("error"),
                "warnings": item.count("warning"),
            }
            for item in checked
            if item.talk is not None
        ],
        "problems": [
            {"path": item.path, "level": p.level, **p.as_json()}
            for item in checked
            for p in item.problems
        ],
        "summary": summary(checked),
    }


def run(args: argparse.Namespace) -> int:
    checked = check_paths(
        args.paths, default_timezone=args.timezone, source_folder=args.source_folder
    )
    if args.format == "json":
        json.dump(check_json(checked), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(check_text(checked))
    return 1 if summary(checked)["errors"] else 0
