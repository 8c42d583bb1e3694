"""The ``sphinx-seminars`` command line: each command is a module with ``add_parser`` and
``run``; ``show`` prints what the reader makes of talk files, ``check`` lists their problems,
``init`` makes a site, ``new`` writes a talk file and ``import`` brings in an archive."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import __version__
from . import check, importer, init, new, show
from .errors import CommandError
from .terminal import printable


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-seminars",
        description="Seminar sites with Sphinx: make one, write and import talk files, check them.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for command in (show, check, init, new, importer):
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
    try:
        return int(args.run(args))
    except CommandError as error:
        sys.stderr.write(printable(f"sphinx-seminars {args.command}: error: {error}") + "\n")
        return 2
    except BrokenPipeError:  # the reader of the output went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as error:  # a folder that cannot be written, a disk that is full
        where = f"{error.filename}: " if error.filename else ""
        message = f"sphinx-seminars {args.command}: error: {where}{error.strerror or error}"
        sys.stderr.write(printable(message) + "\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write(f"\nsphinx-seminars {args.command}: stopped\n")
        return 130
