"""Time zones as written: abbreviations, full names, cities, IANA names and offsets, and the
IANA zone each stands for (the site default preferred where it fits)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, available_timezones

from ...problems import Code
from .report import Report
from .tables import ABBREVIATIONS, AMBIGUOUS, LINKS, NAMES, NOT_ZONES, REGIONS

REFERENCE_YEAR = 2025  # reference year when a zone is resolved without a date


@dataclass(frozen=True)
class Zone:
    """A time zone as written: IANA candidates (usual reading first) or a fixed offset.

    Neither candidates nor offset means "local time": no zone stated.
    """

    raw: str
    candidates: tuple[str, ...] = ()
    offset: dt.timedelta | None = None
    ambiguous: bool = False
    generic: bool = False  # a name for several places ("CET"): the site default may stand in

    @property
    def stated(self) -> bool:
        return bool(self.candidates) or self.offset is not None


@functools.cache
def _iana_names() -> dict[str, str]:
    """Lower-case IANA name -> IANA name, for every zone this system knows."""
    return {name.lower(): name for name in available_timezones()}


@functools.cache
def _city_names() -> dict[str, str]:
    """Lower-case city ("new york") -> IANA name ("America/New_York")."""
    cities: dict[str, str] = {}
    for name in sorted(available_timezones(), key=len):
        region, _, rest = name.partition("/")
        if region in REGIONS and rest:
            cities.setdefault(rest.rsplit("/", 1)[-1].replace("_", " ").lower(), name)
    return cities


def iana_name(text: str) -> str | None:
    """The IANA name ``text`` spells (any case), if it has a region ("Europe/London") or is UTC."""
    name = _iana_names().get(text.strip().lower())
    if name is None or ("/" not in name and name not in ("UTC", "GMT")):
        return None
    return name


_OFFSET_TEXT = re.compile(
    r"(?:(?:UTC|GMT|UT)\s*)?(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?:[:.]?(?P<minutes>\d{2}))?",
    re.IGNORECASE,
)


def offset_of(sign: str, hours: str, minutes: str | None) -> dt.timedelta | None:
    """A UTC offset from its parts, or None when out of range."""
    value = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
    if int(minutes or 0) >= 60 or value > dt.timedelta(hours=14):
        return None
    return -value if sign == "-" else value


def _parse_offset(text: str) -> dt.timedelta | None:
    """The offset in "UTC+5:30", "GMT-4", "+05:30" or "Z"; None when it is not one."""
    if text.strip().upper() == "Z":
        return dt.timedelta(0)
    match = _OFFSET_TEXT.fullmatch(text.strip())
    if match is None:
        return None
    return offset_of(match["sign"], match["hours"], match["minutes"])


_TIME_SUFFIX = re.compile(
    r"(?P<base>.*?)\s*(?:(?:standard|daylight(?: saving)?|summer|mean|civil)\s+)?"
    r"time(?:\s*zone)?"
)


@functools.lru_cache(maxsize=4096)  # an archive writes the same words again and again
def named_zone(text: str) -> Zone | None:
    """A zone from a full name ("India Standard Time"), "<city> time" or "local time"."""
    plain = " ".join(re.sub(r"[^a-z/ ]+", " ", text.lower()).split())
    match = _TIME_SUFFIX.fullmatch(plain)
    base = match["base"] if match else plain
    if base == "local":
        return Zone(text)
    if base.upper() in ABBREVIATIONS:
        return abbreviation(text, base.upper())
    if base in NAMES:
        return Zone(text, (NAMES[base],), generic=True)
    name = _city_names().get(base) or iana_name(base)
    return Zone(text, (name,)) if name else None


def abbreviation(raw: str, key: str) -> Zone:
    """The zone an abbreviation (upper case, no dots) stands for."""
    return Zone(raw, ABBREVIATIONS[key], ambiguous=key in AMBIGUOUS, generic=True)


@functools.lru_cache(maxsize=4096)  # an archive writes the same words again and again
def lookup_zone(text: str) -> Zone | None:
    """What a whole zone text names, or None when it names nothing known."""
    raw = text.strip().strip("()[]").strip(" ,;:.")
    if not raw:
        return None
    offset = _parse_offset(raw)
    if offset is not None:
        return Zone(raw, offset=offset)
    key = raw.upper().replace(".", "")
    if key in ABBREVIATIONS:
        return abbreviation(raw, key)
    name = iana_name(raw)
    return Zone(raw, (name,)) if name else named_zone(raw)


@functools.lru_cache(maxsize=4096)  # an archive writes the same words again and again
def zone_like(text: str) -> bool:
    """Whether an unknown text looks like it meant to name a time zone."""
    text = text.strip(" ,;:.()")
    if re.fullmatch(r"[A-Z]{2,5}", text):
        return text not in NOT_ZONES
    if re.match(r"(?:UTC|GMT)\b", text, re.IGNORECASE):
        return True
    return bool(re.fullmatch(r"(?:[\w.'-]+ ){0,4}time(?: ?zone)?", text, re.IGNORECASE))


def _current_name(name: str) -> str:
    """The current IANA name for an old alias ("Asia/Calcutta" -> "Asia/Kolkata")."""
    return LINKS.get(name, name)


def _same_offsets(first: str, second: str, year: int) -> bool:
    """Whether two zones keep the same UTC offsets in winter and in summer of ``year``."""
    moments = [dt.datetime(year, month, 15, 12, tzinfo=dt.timezone.utc) for month in (1, 7)]
    one, two = ZoneInfo(first), ZoneInfo(second)
    return all(m.astimezone(one).utcoffset() == m.astimezone(two).utcoffset() for m in moments)


def _pick_candidate(zone: Zone, default: str | None, on: dt.date | None, report: Report) -> str:
    """The IANA name a zone text stands for, preferring the site default when it fits."""
    first = zone.candidates[0]
    if default is not None:
        if _current_name(default) in zone.candidates:
            return default
        year = on.year if on else REFERENCE_YEAR
        if zone.generic and not zone.ambiguous and _same_offsets(first, default, year):
            return default
    if not zone.ambiguous:
        return first
    message = (
        f"{zone.raw!r} is ambiguous ({', '.join(zone.candidates)}); read as {first}"
        " — set seminar_timezone to choose"
    )
    report.zone(Code.TIMEZONE_AMBIGUOUS, message)
    return first


def settle(
    zone: Zone, default: str | None, on: dt.date | None, report: Report
) -> tuple[str | None, dt.tzinfo | None]:
    """(IANA name, tzinfo) for a stated zone; a non-zero bare offset has no name."""
    if zone.offset is not None:
        if not zone.offset:
            return "UTC", ZoneInfo("UTC")
        return None, dt.timezone(zone.offset)
    if not zone.candidates:
        return default, ZoneInfo(default) if default else None
    name = _pick_candidate(zone, default, on, report)
    return name, ZoneInfo(name)


def zone_for(
    zone: Zone | None, default: str | None, on: dt.date | None, report: Report
) -> tuple[str | None, dt.tzinfo | None]:
    """(IANA name, tzinfo) of a stated zone, else of the default."""
    if zone is not None and zone.stated:
        return settle(zone, default, on, report)
    return default, ZoneInfo(default) if default else None


def default_zone(name: str | None, report: Report) -> str | None:
    """The site default as a valid IANA name, or None (with a problem when it is not one)."""
    if not name:
        return None
    known = _known_zone_name(name)
    if known is None:
        report.zone(Code.TIMEZONE, f"unknown default time zone {name!r}")
    return known


@functools.lru_cache(maxsize=64)
def _known_zone_name(name: str) -> str | None:
    """The IANA name a zone text stands for (``name`` itself when it is one), or None."""
    zone = lookup_zone(name)
    if zone is not None and zone.candidates:
        return name if iana_name(name) else zone.candidates[0]
    return None
