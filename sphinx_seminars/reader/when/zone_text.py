"""Finding time zones in free text: offsets ("UTC+5:30"), IANA names, "(...)" groups, names
ending in "time", abbreviations after a time, and unknown zone-like words."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .tables import ABBREVIATIONS, WORDY
from .text import mask
from .times import TimeHit
from .zones import Zone, abbreviation, iana_name, lookup_zone, named_zone, offset_of, zone_like

_OFFSET = re.compile(
    r"\b(?:UTC|GMT|UT)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?:[:.]?(?P<minutes>\d{2}))?(?!\d)"
    r"|(?P<bare>\+|(?<=\()\s*-|(?<=:\d\d:\d\d)-)(?P<bare_hours>\d{2}):?(?P<bare_minutes>\d{2})(?![\d:])",
)
_IANA_LIKE = re.compile(r"\b[a-z][a-z_]*(?:/[a-z0-9_+-]+)+", re.IGNORECASE)
_PARENTHESISED = re.compile(r"\(([^()\n]*)\)")
_TIME_WORD = re.compile(r"\btime(?: ?zone)?\b", re.IGNORECASE)


@dataclass(frozen=True)
class ZoneHit:
    """A zone found in the text; ``zone`` None when it looks like a zone but is unknown."""

    start: int
    raw: str
    zone: Zone | None


def find_offsets(text: str) -> tuple[list[ZoneHit], str]:
    """Offsets ("UTC+5:30", "GMT-4", "+05:30"), and the text with them blanked out."""
    hits = []
    for match in _OFFSET.finditer(text):
        if match["sign"]:
            offset = offset_of(match["sign"], match["hours"], match["minutes"])
        else:
            offset = offset_of(match["bare"].strip(), match["bare_hours"], match["bare_minutes"])
        zone = None if offset is None else Zone(match[0].strip(), offset=offset)
        hits.append(ZoneHit(match.start(), match[0].strip(), zone))
        text = mask(text, match.start(), match.end())
    return hits, text


def find_zone_names(text: str, times: list[TimeHit]) -> list[ZoneHit]:
    """Named zones: IANA names, "(...)" groups, "... Time" names, abbreviations, in any order."""
    hits: list[ZoneHit] = []
    for finder in (_iana_hits, _parenthesised_hits, _full_name_hits):
        found, text = finder(text)
        hits += found
    return hits + _abbreviation_hits(text, [hit.end for hit in times])


def _iana_hits(text: str) -> tuple[list[ZoneHit], str]:
    """IANA names written out ("Europe/London")."""
    hits: list[ZoneHit] = []
    if "/" not in text:
        return hits, text
    for match in _IANA_LIKE.finditer(text):
        name = iana_name(match[0])
        if name:
            hits.append(ZoneHit(match.start(), match[0], Zone(match[0], (name,))))
            text = mask(text, match.start(), match.end())
    return hits, text


def _parenthesised_hits(text: str) -> tuple[list[ZoneHit], str]:
    """A zone alone in parentheses: "(India Standard Time)", "(IST)", "(Mars Time)"."""
    hits: list[ZoneHit] = []
    if "(" not in text:
        return hits, text
    for match in _PARENTHESISED.finditer(text):
        content = match[1].strip(" ,;:.")
        if not content:
            continue
        zone = lookup_zone(content)
        if zone is not None or zone_like(content):
            hits.append(ZoneHit(match.start(), content, zone))
            text = mask(text, match.start(), match.end())
    return hits, text


def _full_name_hits(text: str) -> tuple[list[ZoneHit], str]:
    """Zone names ending in "time": "Central European Summer Time", "UK time", "local time"."""
    hits: list[ZoneHit] = []
    if "time" not in text.lower():
        return hits, text
    for match in _TIME_WORD.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        words = list(re.finditer(r"[\w'.-]+", text[line_start : match.start()]))[-4:]
        for word in words:
            start = line_start + word.start()
            zone = named_zone(text[start : match.end()])
            if zone is not None:
                hits.append(ZoneHit(start, text[start : match.end()], zone))
                text = mask(text, start, match.end())
                break
    return hits, text


def _abbreviation_hits(text: str, time_ends: list[int]) -> list[ZoneHit]:
    """Zone abbreviations in capitals ("15:00 CEST"); word-like ones only right after a time."""
    hits = []
    for match in re.finditer(r"\b[A-Z]{1,5}\b", text):
        word = match[0]
        after_time = any(
            end <= match.start() and not text[end : match.start()].strip() for end in time_ends
        )
        if word == "Z" and after_time:
            hits.append(ZoneHit(match.start(), word, Zone(word, offset=dt.timedelta(0))))
        elif word in ABBREVIATIONS and (word not in WORDY or after_time):
            hits.append(ZoneHit(match.start(), word, abbreviation(word, word)))
    return hits


def trailing_unknown(text: str, times: list[TimeHit]) -> list[ZoneHit]:
    """An unknown zone-like word ending the line of a time: "3 PM XYZ", "3 PM Mars Time"."""
    hits = []
    for hit in times:
        line_end = text.find("\n", hit.end)
        rest = text[hit.end : line_end if line_end >= 0 else len(text)]
        if rest.strip() and rest.strip()[0] not in ",;" and zone_like(rest):
            hits.append(ZoneHit(hit.end + len(rest) - len(rest.lstrip()), rest.strip(), None))
    return hits
