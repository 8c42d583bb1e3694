"""``sphinx-seminars show``: what the reader makes of talk files, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys

from ..model import Talk
from ..reader import read_talk
from ..serialize import talk_to_json
from .options import add_timezone_option
from .terminal import printable, problem_line


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    show = commands.add_parser("show", help="print the talks read from FILEs")
    show.add_argument("files", nargs="+", metavar="FILE")
    show.add_argument("--json", action="store_true", help="a JSON array, one object per file")
    add_timezone_option(show)
    return show


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


def run(args: argparse.Namespace) -> int:
    talks = [read_talk(path, default_timezone=args.timezone) for path in args.files]
    if args.json:
        json.dump([talk_to_json(t) for t in talks], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print("\n\n".join(render_text(t) for t in talks))
    return 1 if any(t.has_errors for t in talks) else 0
