"""The ``sphinx-seminars`` command line: ``show`` prints what the reader makes of talk files,
``check`` lists their problems for editors, CI and pre-commit."""

from __future__ import annotations

import argparse
import io
import json
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import __version__
from .model import Problem, Talk
from .reader import read_talk
from .reader.discover import TALK_SUFFIXES, find_talk_files
from .reader.duplicates import duplicate_ids
from .serialize import talk_to_json

_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-seminars", description="Read seminar talk files as Sphinx sees them."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("show", help="print the talks read from FILEs")
    show.add_argument("files", nargs="+", metavar="FILE")
    show.add_argument("--json", action="store_true", help="a JSON array, one object per file")
    _add_timezone(show)
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
        "--format", choices=("text", "json"), default="text",
        help="text (path:line: level: message [seminar.code]) or one JSON object",
    )  # fmt: skip
    _add_timezone(check)
    return parser


def _add_timezone(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--timezone", metavar="IANA", default=None,
        help="zone for talks that state none (like seminar_timezone)",
    )  # fmt: skip


def render_text(talk: Talk) -> str:
    """A short human summary of a talk."""
    lines = [f"{talk.title}  [{talk.id}]"]
    for speaker in talk.speakers:
        where = ", ".join(x for x in (speaker.position, speaker.affiliation) if x)
        lines.append(f"  speaker: {speaker.display_name}" + (f" ({where})" if where else ""))
    if talk.start is not None:
        lines.append(
            f"  when:    {talk.start.isoformat()}"
            + (f" ({talk.timezone})" if talk.timezone else "")
        )
    if talk.venue or talk.online_url:
        lines.append(f"  where:   {' '.join(x for x in (talk.venue, talk.online_url) if x)}")
    for problem in talk.problems:
        lines.append(f"  {problem_line(talk.source, problem)}")
    return printable("\n".join(lines))


def run_show(args: argparse.Namespace) -> int:
    talks = [read_talk(path, default_timezone=args.timezone) for path in args.files]
    if args.json:
        json.dump([talk_to_json(t) for t in talks], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print("\n\n".join(render_text(t) for t in talks))
    return 1 if any(t.has_errors for t in talks) else 0


@dataclass(frozen=True)
class Checked:
    """One file as ``check`` reports it: its path, the talk read (None when there was no
    file to read) and all of its problems."""

    path: str
    talk: Talk | None
    problems: tuple[Problem, ...]

    def count(self, level: str) -> int:
        return sum(1 for problem in self.problems if problem.level == level)


def check_paths(paths: Sequence[str], *, default_timezone: str | None = None) -> list[Checked]:
    """Read every talk file the paths name and add the problems found across files."""
    files, empty = find_talk_files(paths)
    talks = [read_talk(path, default_timezone=default_timezone) for path in files]
    checked = [
        Checked(path, talk, tuple(sorted([*talk.problems, *duplicates], key=_order)))
        for path, talk, duplicates in zip(files, talks, duplicate_ids(talks), strict=True)
    ]
    suffixes = ", ".join(sorted(f"*{suffix}" for suffix in TALK_SUFFIXES))
    nothing = Problem(0, "unreadable", f"no talk files ({suffixes}) found here", "error")
    return checked + [Checked(path, None, (nothing,)) for path in empty]


def _order(problem: Problem) -> tuple[int, str]:
    return problem.line, problem.code


def problem_line(path: str, problem: Problem) -> str:
    """``path:line: level: message [seminar.code]`` (line 1 for a problem of the whole file)."""
    line = max(problem.line, 1)
    return f"{path}:{line}: {problem.level}: {problem.message} [seminar.{problem.code}]"


def printable(text: str) -> str:
    """Text safe to print on a terminal: control and format characters (escape sequences,
    bidirectional overrides) shown as escapes."""
    return "".join(
        c.encode("unicode_escape").decode()
        if c != "\n" and unicodedata.category(c) in _UNPRINTABLE
        else c
        for c in text
    )


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


def run_check(args: argparse.Namespace) -> int:
    checked = check_paths(args.paths, default_timezone=args.timezone)
    if args.format == "json":
        json.dump(check_json(checked), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(check_text(checked))
    return 1 if summary(checked)["errors"] else 0


def _valid_zone(name: str | None) -> bool:
    if name is None:
        return True
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):  # a terminal that cannot show some text
        sys.stdout.reconfigure(errors="backslashreplace")
    if not _valid_zone(args.timezone):
        parser.error(f"--timezone: '{args.timezone}' is not an IANA time zone (Asia/Kolkata)")
    if args.command == "check":
        return run_check(args)
    if args.command == "show":
        return run_show(args)
    return 2  # pragma: no cover - argparse requires a command
