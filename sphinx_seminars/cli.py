"""The ``sphinx-seminars`` command line: ``show`` prints what the reader makes of talk files."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__
from .model import Talk
from .reader import read_talk
from .serialize import talk_to_json


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-seminars", description="Read seminar talk files as Sphinx sees them."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("show", help="print the talks read from FILEs")
    show.add_argument("files", nargs="+", metavar="FILE")
    show.add_argument("--json", action="store_true", help="a JSON array, one object per file")
    show.add_argument(
        "--timezone", metavar="IANA", default=None,
        help="zone for talks that state none (like seminar_timezone)",
    )  # fmt: skip
    return parser


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
        where = f"{talk.source}:{problem.line}"
        lines.append(f"  {where}: {problem.level}: {problem.message} [seminar.{problem.code}]")
    return "\n".join(lines)


def run_show(args: argparse.Namespace) -> int:
    talks = [read_talk(path, default_timezone=args.timezone) for path in args.files]
    if args.json:
        json.dump([talk_to_json(t) for t in talks], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print("\n\n".join(render_text(t) for t in talks))
    return 1 if any(t.has_errors for t in talks) else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "show":
        return run_show(args)
    return 2  # pragma: no cover - argparse requires a command
