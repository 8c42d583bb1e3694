"""Options shared by several commands."""

from __future__ import annotations

import argparse


def add_timezone_option(command: argparse.ArgumentParser) -> None:
    """``--timezone IANA``: the zone of talks that state none, like ``seminar_timezone``."""
    command.add_argument(
        "--timezone", metavar="IANA", default=None,
        help="zone for talks that state none (like seminar_timezone)",
    )  # fmt: skip
