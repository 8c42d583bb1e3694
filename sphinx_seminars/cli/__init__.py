"""The ``sphinx-seminars`` command line: each command is a module with ``add_parser`` and
``run``; ``show`` prints what the reader makes of talk files, ``check`` lists their problems."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import __version__
from . import check, show


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-seminars", description="Read seminar talk files as Sphinx sees them."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for command in (show, check):
        command.add_parser(commands).set_defaults(run=command.run)
    return parser


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
    if not _valid_zone(getattr(args, "timezone", None)):
        parser.error(f"--timezone: '{args.timezone}' is not an IANA time zone (Asia/Kolkata)")
    return int(args.run(args))
