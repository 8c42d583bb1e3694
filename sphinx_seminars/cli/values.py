"""Values a user types (zones, dates, times, addresses), checked with a message that says how
to write them: each check returns the value or raises ValueError."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .errors import CommandError

T = TypeVar("T")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def zone(answer: str) -> str:
    """An IANA time zone name (``Asia/Kolkata``)."""
    name = answer.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        example = "(Asia/Kolkata, Europe/London)"
        raise ValueError(f"'{name}' is not an IANA time zone {example}") from None
    return name


def day(answer: str) -> dt.date:
    """A date as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(answer.strip())
    except ValueError:
        raise ValueError(f"'{answer}' is not a date as YYYY-MM-DD (2025-01-09)") from None


def time_of_day(answer: str) -> dt.time:
    """A time as HH:MM on the 24-hour clock."""
    match = _TIME.match(answer.strip())
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return dt.time(int(match[1]), int(match[2]))
    raise ValueError(f"'{answer}' is not a time as HH:MM on the 24-hour clock (15:00)")


def web_address(answer: str) -> str:
    """An http(s) address with a host."""
    parts = urlsplit(answer.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in answer.strip():
        raise ValueError(f"'{answer}' is not a web address (https://...)")
    return answer.strip()


def baseurl(answer: str) -> str:
    """A site's address: an http(s) address, ending with a slash."""
    address = web_address(answer)
    return address if address.endswith("/") else address + "/"


def flag(name: str, check: Callable[[str], T], value: str) -> T:
    """A flag's value checked; a bad one is a CommandError naming the flag."""
    try:
        return check(value)
    except ValueError as error:
        raise CommandError(f"{name}: {error}") from None


def local_zone() -> str | None:
    """The IANA zone of this computer (``TZ``, else ``/etc/localtime``), if it has a name."""
    names = []
    if os.environ.get("TZ"):
        names.append(os.environ["TZ"].lstrip(":"))
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            names.append(target.split("zoneinfo/", 1)[1])
    known = available_timezones()
    return next((name for name in names if name in known), None)
