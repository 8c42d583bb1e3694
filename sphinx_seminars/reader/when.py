"""Read when a talk happens: dates, times and time zones as people write them in talk files.

Two entry points: :func:`parse_when` reads the free text of a "When" section, and
:func:`when_from_fields` reads front-matter values (YAML or TOML, of any type).  Both return
a :class:`When` and never raise: what cannot be read becomes a ``(code, message)`` problem.
Offsets come from :mod:`zoneinfo` for the talk's own date, so daylight saving is right.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import itertools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo, available_timezones

Problem = tuple[str, str]


@dataclass(frozen=True)
class When:
    """When a talk happens.

    ``start`` is an aware ``datetime`` when a time and a zone are known, a naive one when
    only the zone is missing, a ``date`` when only the day is known, or ``None``.
    ``timezone`` is an IANA name, or ``None`` (unknown, or only a numeric offset was given).
    """

    start: dt.datetime | dt.date | None
    end: dt.datetime | dt.date | None
    timezone: str | None
    problems: tuple[tuple[str, str], ...] = ()


# --------------------------------------------------------------------------- names

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBREVIATIONS = {name[:3]: number for number, name in enumerate(_MONTHS, 1)} | {"sept": 9}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ABBREVIATIONS = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "weds": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}

#: Abbreviation -> IANA candidates, the usual reading first.
_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "UTC": ("UTC",),
    "UT": ("UTC",),
    "GMT": ("GMT",),
    "IST": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
    "CST": ("America/Chicago", "Asia/Shanghai", "America/Havana"),
    "BST": ("Europe/London", "Asia/Dhaka"),
    "AST": ("America/Halifax", "Asia/Riyadh"),
    "ET": ("America/New_York",),
    "EST": ("America/New_York",),
    "EDT": ("America/New_York",),
    "CT": ("America/Chicago",),
    "CDT": ("America/Chicago",),
    "MT": ("America/Denver",),
    "MST": ("America/Denver", "America/Phoenix"),
    "MDT": ("America/Denver",),
    "PT": ("America/Los_Angeles",),
    "PST": ("America/Los_Angeles",),
    "PDT": ("America/Los_Angeles",),
    "AKST": ("America/Anchorage",),
    "AKDT": ("America/Anchorage",),
    "HST": ("Pacific/Honolulu",),
    "ADT": ("America/Halifax",),
    "NST": ("America/St_Johns",),
    "NDT": ("America/St_Johns",),
    "BRT": ("America/Sao_Paulo",),
    "ART": ("America/Argentina/Buenos_Aires",),
    "WET": ("Europe/Lisbon",),
    "WEST": ("Europe/Lisbon",),
    "CET": ("Europe/Berlin",),
    "CEST": ("Europe/Berlin",),
    "MEZ": ("Europe/Berlin",),
    "MESZ": ("Europe/Berlin",),
    "EET": ("Europe/Athens",),
    "EEST": ("Europe/Athens",),
    "MSK": ("Europe/Moscow",),
    "IDT": ("Asia/Jerusalem",),
    "IRST": ("Asia/Tehran",),
    "GST": ("Asia/Dubai",),
    "PKT": ("Asia/Karachi",),
    "NPT": ("Asia/Kathmandu",),
    "ICT": ("Asia/Bangkok",),
    "WIB": ("Asia/Jakarta",),
    "PHT": ("Asia/Manila",),
    "SGT": ("Asia/Singapore",),
    "HKT": ("Asia/Hong_Kong",),
    "JST": ("Asia/Tokyo",),
    "KST": ("Asia/Seoul",),
    "AWST": ("Australia/Perth",),
    "ACST": ("Australia/Adelaide",),
    "ACDT": ("Australia/Adelaide",),
    "AEST": ("Australia/Sydney",),
    "AEDT": ("Australia/Sydney",),
    "NZST": ("Pacific/Auckland",),
    "NZDT": ("Pacific/Auckland",),
    "SAST": ("Africa/Johannesburg",),
    "EAT": ("Africa/Nairobi",),
    "CAT": ("Africa/Maputo",),
    "WAT": ("Africa/Lagos",),
}
#: Abbreviations whose readings differ in offset: a guess must be reported.
_AMBIGUOUS = frozenset({"IST", "CST", "BST", "AST"})
#: Abbreviations that are also English words: only read inside parentheses.
_WORDY = frozenset({"ART", "CAT", "EAT", "GST", "UT", "WAT", "MT", "CT", "ET", "PT"})
_NOT_ZONES = frozenset({"AM", "PM", "TBA", "TBC", "TBD", "NA"})

#: Full names without "standard/daylight/summer time" -> IANA name.
_NAMES: dict[str, str] = {
    "coordinated universal": "UTC",
    "universal": "UTC",
    "universal coordinated": "UTC",
    "utc": "UTC",
    "greenwich": "GMT",
    "gmt": "GMT",
    "india": "Asia/Kolkata",
    "indian": "Asia/Kolkata",
    "irish": "Europe/Dublin",
    "ireland": "Europe/Dublin",
    "israel": "Asia/Jerusalem",
    "british": "Europe/London",
    "uk": "Europe/London",
    "united kingdom": "Europe/London",
    "western european": "Europe/Lisbon",
    "central european": "Europe/Berlin",
    "central europe": "Europe/Berlin",
    "european": "Europe/Berlin",
    "eastern european": "Europe/Athens",
    "moscow": "Europe/Moscow",
    "eastern": "America/New_York",
    "us eastern": "America/New_York",
    "north american eastern": "America/New_York",
    "central": "America/Chicago",
    "us central": "America/Chicago",
    "mountain": "America/Denver",
    "us mountain": "America/Denver",
    "pacific": "America/Los_Angeles",
    "us pacific": "America/Los_Angeles",
    "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
    "hawaii aleutian": "Pacific/Honolulu",
    "atlantic": "America/Halifax",
    "newfoundland": "America/St_Johns",
    "brasilia": "America/Sao_Paulo",
    "argentina": "America/Argentina/Buenos_Aires",
    "china": "Asia/Shanghai",
    "chinese": "Asia/Shanghai",
    "beijing": "Asia/Shanghai",
    "japan": "Asia/Tokyo",
    "japanese": "Asia/Tokyo",
    "korea": "Asia/Seoul",
    "korean": "Asia/Seoul",
    "singapore": "Asia/Singapore",
    "hong kong": "Asia/Hong_Kong",
    "pakistan": "Asia/Karachi",
    "bangladesh": "Asia/Dhaka",
    "nepal": "Asia/Kathmandu",
    "indochina": "Asia/Bangkok",
    "western indonesia": "Asia/Jakarta",
    "philippine": "Asia/Manila",
    "gulf": "Asia/Dubai",
    "arabia": "Asia/Riyadh",
    "arabian": "Asia/Riyadh",
    "iran": "Asia/Tehran",
    "australian western": "Australia/Perth",
    "australian central": "Australia/Adelaide",
    "australian eastern": "Australia/Sydney",
    "new zealand": "Pacific/Auckland",
    "south africa": "Africa/Johannesburg",
    "south african": "Africa/Johannesburg",
    "east africa": "Africa/Nairobi",
    "central africa": "Africa/Maputo",
    "west africa": "Africa/Lagos",
    # cities that are not the name of a zone
    "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "chennai": "Asia/Kolkata",
    "boston": "America/New_York",
    "washington": "America/New_York",
    "san francisco": "America/Los_Angeles",
}
#: Old IANA names that are the same zone as a candidate.
_LINKS = {
    "Asia/Calcutta": "Asia/Kolkata",
    "Asia/Tel_Aviv": "Asia/Jerusalem",
    "Israel": "Asia/Jerusalem",
    "Eire": "Europe/Dublin",
    "GB": "Europe/London",
    "Europe/Belfast": "Europe/London",
    "US/Central": "America/Chicago",
    "PRC": "Asia/Shanghai",
    "Asia/Dacca": "Asia/Dhaka",
    "Etc/UTC": "UTC",
    "Etc/GMT": "GMT",
}
_REGIONS = (
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)
_REFERENCE_YEAR = 2025  # reference year when a zone is resolved without a date


@dataclass(frozen=True)
class _Zone:
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


# --------------------------------------------------------------------------- text helpers

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_BLANKS = re.compile(r"[ \t]+")


def _clean(text: str) -> str:
    """Unescape entities, drop invisible characters, plain dashes and spaces, one line per line."""
    text = html.unescape(text).translate(_INVISIBLE)
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(_BLANKS.sub(" ", line).strip() for line in lines).strip()


def _shorten(text: str, limit: int = 80) -> str:
    """One line, at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mask(text: str, start: int, end: int) -> str:
    """Blank out ``text[start:end]``, keeping every other position."""
    return text[:start] + " " * (end - start) + text[end:]


def _edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap neighbours) that turn ``a`` into ``b``."""
    rows = [list(range(len(b) + 1))]
    for i, char_a in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _closest(word: str, names: tuple[str, ...], limit: int) -> int | None:
    """Index of the one name nearest to ``word`` within ``limit`` edits (ties: none)."""
    scored = sorted((_edit_distance(word, name), index) for index, name in enumerate(names))
    best, runner_up = scored[0], scored[1]
    if best[0] > limit or runner_up[0] == best[0]:
        return None
    return best[1]


@functools.lru_cache(maxsize=4096)  # an archive writes the same words again and again
def _month_number(word: str) -> int | None:
    """1-12 for a month name, its abbreviation or a close misspelling ("Novenber")."""
    word = word.lower().rstrip(".")
    if word in _MONTHS:
        return _MONTHS.index(word) + 1
    if word in _MONTH_ABBREVIATIONS:
        return _MONTH_ABBREVIATIONS[word]
    if len(word) < 4:
        return None
    index = _closest(word, _MONTHS, 1 if len(word) < 6 else 2)
    if index is None or _MONTHS[index] == "may":
        return None
    return index + 1


@functools.lru_cache(maxsize=4096)  # an archive writes the same words again and again
def _weekday_number(word: str) -> tuple[int, bool] | None:
    """(0-6, misspelt) for a weekday name, abbreviation or close misspelling ("Wednusday")."""
    word = word.lower().rstrip(".")
    if word in _WEEKDAYS:
        return _WEEKDAYS.index(word), False
    if word in _WEEKDAY_ABBREVIATIONS:
        return _WEEKDAY_ABBREVIATIONS[word], False
    if len(word) < 5:
        return None
    index = _closest(word, _WEEKDAYS, 1 if len(word) < 7 else 2)
    return None if index is None else (index, True)


# --------------------------------------------------------------------------- time zones


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
        if region in _REGIONS and rest:
            cities.setdefault(rest.rsplit("/", 1)[-1].replace("_", " ").lower(), name)
    return cities


def _iana_name(text: str) -> str | None:
    """The IANA name ``text`` spells (any case), if it has a region ("Europe/London") or is UTC."""
    name = _iana_names().get(text.strip().lower())
    if name is None or ("/" not in name and name not in ("UTC", "GMT")):
        return None
    return name


_OFFSET_TEXT = re.compile(
    r"(?:(?:UTC|GMT|UT)\s*)?(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?:[:.]?(?P<minutes>\d{2}))?",
    re.IGNORECASE,
)


def _offset(sign: str, hours: str, minutes: str | None) -> dt.timedelta | None:
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
    return _offset(match["sign"], match["hours"], match["minutes"])


_TIME_SUFFIX = re.compile(
    r"(?P<base>.*?)\s*(?:(?:standard|daylight(?: saving)?|summer|mean|civil)\s+)?"
    r"time(?:\s*zone)?"
)


@functools.lru_cache(maxsize=4096)  # an archive writes the same words again and again
def _named_zone(text: str) -> _Zone | None:
    """A zone from a full name ("India Standard Time"), "<city> time" or "local time"."""
    plain = " ".join(re.sub(r"[^a-z/ ]+", " ", text.lower()).split())
    match = _TIME_SUFFIX.fullmatch(plain)
    base = match["base"] if match else plain
    if base == "local":
        return _Zone(text)
    if base.upper() in _ABBREVIATIONS:
        return _abbreviation(text, base.upper())
    if base in _NAMES:
        return _Zone(text, (_NAMES[base],), generic=True)
    name = _city_names().get(base) or _iana_name(base)
    return _Zone(text, (name,)) if name else None


def _abbreviation(raw: str, key: str) -> _Zone:
    """The zone an abbreviation (upper case, no dots) stands for."""
    return _Zone(raw, _ABBREVIATIONS[key], ambiguous=key in _AMBIGUOUS, generic=True)


@functools.lru_cache(maxsize=4096)  # an archive writes the same words again and again
def _lookup_zone(text: str) -> _Zone | None:
    """What a whole zone text names, or None when it names nothing known."""
    raw = text.strip().strip("()[]").strip(" ,;:.")
    if not raw:
        return None
    offset = _parse_offset(raw)
    if offset is not None:
        return _Zone(raw, offset=offset)
    key = raw.upper().replace(".", "")
    if key in _ABBREVIATIONS:
        return _abbreviation(raw, key)
    name = _iana_name(raw)
    return _Zone(raw, (name,)) if name else _named_zone(raw)


@functools.lru_cache(maxsize=4096)  # an archive writes the same words again and again
def _zone_like(text: str) -> bool:
    """Whether an unknown text looks like it meant to name a time zone."""
    text = text.strip(" ,;:.()")
    if re.fullmatch(r"[A-Z]{2,5}", text):
        return text not in _NOT_ZONES
    if re.match(r"(?:UTC|GMT)\b", text, re.IGNORECASE):
        return True
    return bool(re.fullmatch(r"(?:[\w.'-]+ ){0,4}time(?: ?zone)?", text, re.IGNORECASE))


def _current_name(name: str) -> str:
    """The current IANA name for an old alias ("Asia/Calcutta" -> "Asia/Kolkata")."""
    return _LINKS.get(name, name)


def _same_offsets(first: str, second: str, year: int) -> bool:
    """Whether two zones keep the same UTC offsets in winter and in summer of ``year``."""
    moments = [dt.datetime(year, month, 15, 12, tzinfo=dt.timezone.utc) for month in (1, 7)]
    one, two = ZoneInfo(first), ZoneInfo(second)
    return all(m.astimezone(one).utcoffset() == m.astimezone(two).utcoffset() for m in moments)


def _pick_candidate(
    zone: _Zone, default: str | None, on: dt.date | None
) -> tuple[str, list[Problem]]:
    """The IANA name a zone text stands for, preferring the site default when it fits."""
    first = zone.candidates[0]
    if default is not None:
        if _current_name(default) in zone.candidates:
            return default, []
        year = on.year if on else _REFERENCE_YEAR
        if zone.generic and not zone.ambiguous and _same_offsets(first, default, year):
            return default, []
    if not zone.ambiguous:
        return first, []
    message = (
        f"{zone.raw!r} is ambiguous ({', '.join(zone.candidates)}); read as {first}"
        " — set seminar_timezone to choose"
    )
    return first, [("timezone-ambiguous", message)]


def _settle(
    zone: _Zone, default: str | None, on: dt.date | None
) -> tuple[str | None, dt.tzinfo | None, list[Problem]]:
    """(IANA name, tzinfo, problems) for a stated zone; a non-zero bare offset has no name."""
    if zone.offset is not None:
        if not zone.offset:
            return "UTC", ZoneInfo("UTC"), []
        return None, dt.timezone(zone.offset), []
    if not zone.candidates:
        return default, ZoneInfo(default) if default else None, []
    name, problems = _pick_candidate(zone, default, on)
    return name, ZoneInfo(name), problems


def _default_zone(name: str | None, problems: list[Problem]) -> str | None:
    """The site default as a valid IANA name, or None (with a problem when it is not one)."""
    if not name:
        return None
    known = _known_zone_name(name)
    if known is None:
        problems.append(("timezone", f"unknown default time zone {name!r}"))
    return known


@functools.lru_cache(maxsize=64)
def _known_zone_name(name: str) -> str | None:
    """The IANA name a zone text stands for (``name`` itself when it is one), or None."""
    zone = _lookup_zone(name)
    if zone is not None and zone.candidates:
        return name if _iana_name(name) else zone.candidates[0]
    return None


def resolve_timezone(
    text: str, *, default_timezone: str | None = None
) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    """Map a zone text (name, abbreviation, IANA name, offset) to an IANA name and problems.

    A zero offset is "UTC"; another bare offset has no IANA name (None).  Unknown text gives
    a "timezone" problem and the default.
    """
    problems: list[Problem] = []
    default = _default_zone(default_timezone, problems)
    cleaned = _clean(text)
    if not cleaned:
        return default, tuple(problems)
    zone = _lookup_zone(cleaned) or _read(cleaned).zone
    if zone is None:
        problems.append(("timezone", f"unknown time zone {_shorten(cleaned)!r}"))
        return default, tuple(problems)
    name, _, found = _settle(zone, default, None)
    return name, (*problems, *found)


# --------------------------------------------------------------------------- dates

_ORDINAL = r"(?:\s?(?:st|nd|rd|th))?"
_JOIN = r"\s*(?:-|to|and|&)\s*"
_DAY_MONTH_YEAR = re.compile(
    rf"(?<![\w.:/])(?:(?P<first>\d{{1,2}}){_ORDINAL}{_JOIN})?(?P<day>\d{{1,2}}){_ORDINAL}"
    rf"(?:\s+of)?[\s,.-]*(?P<month>[a-z]{{3,12}})\b\.?(?:[\s,.-]*(?P<year>\d{{4}})(?!\d))?",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?<!\w)(?P<month>[a-z]{{3,12}})\.?[\s,-]*(?P<day>\d{{1,2}}){_ORDINAL}"
    rf"(?:{_JOIN}(?P<last>\d{{1,2}}){_ORDINAL})?(?!\d)(?:(?:\s*,\s*|\s+)(?P<year>\d{{4}})(?!\d))?",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(
    r"(?<![\d/.-])(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)"
)
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.:-])(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?![\d/.:]|-\d)"
)
_RANGE = re.compile(r"\s*(?:-|to|till|until|through|thru)\s*", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([a-z]+)\.?[\s,]*\(?$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"^[\s,]*\(?\s*([a-z]+)", re.IGNORECASE)


@dataclass
class _DateHit:
    """One date found in the text: where, as written, and its parts (year may be missing)."""

    start: int
    end: int
    raw: str
    year: int | None
    month: int
    day: int
    last_day: int | None = None  # "15-17 March"
    first_day: int | None = None

    def date(self, problems: list[Problem]) -> dt.date | None:
        """The date, or None (with a problem when the parts make no date)."""
        if self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.first_day or self.day)
        except ValueError:
            problems.append(("date", f"{self.raw!r} is not a valid date"))
            return None

    def last_date(self) -> dt.date | None:
        """The last day of a day range within this hit ("15-17 March 2023")."""
        last = self.last_day or (self.day if self.first_day else None)
        if self.year is None or last is None:
            return None
        try:
            return dt.date(self.year, self.month, last)
        except ValueError:
            return None


def _year(text: str | None) -> int | None:
    """A four- or two-digit year (two digits are 20xx)."""
    if text is None:
        return None
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _worded_dates(text: str) -> list[_DateHit]:
    """Dates with a month name: "9th January, 2025", "March 15, 2023", "15-17 March"."""
    hits = []
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = _month_number(match["month"])
        if month is not None:
            first = int(match["first"]) if match["first"] else None
            parts = _year(match["year"]), month, int(match["day"])
            hits.append(
                _DateHit(match.start(), match.end(), match[0].strip(), *parts, first_day=first)
            )
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = _month_number(match["month"])
        if month is not None:
            last = int(match["last"]) if match["last"] else None
            parts = _year(match["year"]), month, int(match["day"])
            hits.append(
                _DateHit(match.start(), match.end(), match[0].strip(), *parts, last_day=last)
            )
    return hits


def _numeric_dates(text: str, problems: list[Problem]) -> list[_DateHit]:
    """Dates in figures: "2025-01-09" (year first) or "09/01/2025" (day first)."""
    hits = []
    for match in _ISO_DATE.finditer(text):
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
        hits.append(_DateHit(match.start(), match.end(), match[0], year, month, day))
    for match in _NUMERIC_DATE.finditer(text):
        day, month = int(match["day"]), int(match["month"])
        if month > 12 >= day:
            day, month = month, day
            problems.append(("date", f"{match[0]!r} read as month/day/year"))
        hits.append(
            _DateHit(match.start(), match.end(), match[0], _year(match["year"]), month, day)
        )
    return hits


def _find_dates(text: str, problems: list[Problem]) -> list[_DateHit]:
    """Every date in the text, in order, without overlaps (earliest and longest first)."""
    candidates = sorted(
        _numeric_dates(text, problems) + _worded_dates(text),
        key=lambda hit: (hit.start, hit.start - hit.end),
    )
    hits: list[_DateHit] = []
    for hit in candidates:
        if not hits or hit.start >= hits[-1].end:
            hits.append(hit)
    return hits


def _joined(text: str, first_end: int, second_start: int) -> bool:
    """Whether only a range word ("to", "-") stands between two hits."""
    return first_end <= second_start and bool(_RANGE.fullmatch(text[first_end:second_start]))


def _dates_joined(text: str, first: _DateHit, second: _DateHit) -> bool:
    """Whether two dates form a range; weekdays may stand beside them ("Mon 3 to Fri 7 March")."""
    between = re.sub(
        r"\(?\b([a-z]+)\b\.?\)?,?",
        lambda word: "" if _weekday_number(word[1]) else word[0],
        text[first.end : second.start],
        flags=re.IGNORECASE,
    )
    return first.end <= second.start and bool(_RANGE.fullmatch(between))


def _borrow_years(text: str, hits: list[_DateHit]) -> None:
    """ "9 January to 12 January 2025": the first date takes the year of the second."""
    for first, second in itertools.pairwise(hits):
        if first.year is None and second.year is not None and _dates_joined(text, first, second):
            first.year = second.year if first.month <= second.month else second.year - 1


def _stated_weekday(text: str, hit: _DateHit) -> tuple[str, int, bool] | None:
    """The weekday written next to a date, as (word, 0-6, misspelt)."""
    for pattern, part in ((_WORD_AFTER, text[hit.end :]), (_WORD_BEFORE, text[: hit.start])):
        match = pattern.search(part)
        if match:
            found = _weekday_number(match[1])
            if found is not None:
                return match[1], *found
    return None


def _check_weekday(text: str, hit: _DateHit, day: dt.date) -> list[Problem]:
    """A problem when the weekday written next to a date is wrong or misspelt."""
    stated = _stated_weekday(text, hit)
    if stated is None:
        return []
    word, number, misspelt = stated
    actual = _WEEKDAYS[day.weekday()].capitalize()
    if number != day.weekday():
        return [("weekday", f"{word!r} does not match {day.isoformat()}, which is a {actual}")]
    if misspelt:
        return [("weekday", f"{word!r} is misspelt: {day.isoformat()} is a {actual}")]
    return []


# --------------------------------------------------------------------------- times

_TIME = re.compile(
    r"(?<![\d.:/])(?P<hour>\d{1,2})(?:(?P<sep>[:.h])(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?(?!\d)"
    r"(?P<zulu>Z(?![a-z]))?"
    r"(?:\s*(?P<meridiem>[ap])\.?\s?m\b\.?|\s*(?P<noon>noon)\b)?",
    re.IGNORECASE,
)
_OFFSET = re.compile(
    r"\b(?:UTC|GMT|UT)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?:[:.]?(?P<minutes>\d{2}))?(?!\d)"
    r"|(?P<bare>\+|(?<=\()\s*-|(?<=:\d\d:\d\d)-)(?P<bare_hours>\d{2}):?(?P<bare_minutes>\d{2})(?![\d:])",
)


@dataclass(frozen=True)
class _TimeHit:
    """One time of day found in the text."""

    start: int
    end: int
    raw: str
    hour: int
    minute: int
    second: int
    meridiem: str | None  # "a", "p" or None
    strong: bool  # written as a time ("3 pm", "15:00"), not a bare number
    zulu: bool


def _find_times(text: str) -> list[_TimeHit]:
    """Every time of day and bare hour in the text, in order."""
    hits = []
    for match in _TIME.finditer(text):
        hour, minute, second = (
            int(match["hour"]),
            int(match["minute"] or 0),
            int(match["second"] or 0),
        )
        if hour > 23 or minute > 59 or second > 59:
            continue
        meridiem = "p" if match["noon"] else (match["meridiem"] or "").lower() or None
        strong = bool(match["minute"] or meridiem or match["zulu"])
        raw = match[0].strip()
        hits.append(
            _TimeHit(
                match.start(),
                match.end(),
                raw,
                hour,
                minute,
                second,
                meridiem,
                strong,
                bool(match["zulu"]),
            )
        )
    return hits


def _clock(hit: _TimeHit, meridiem: str | None, problems: list[Problem]) -> dt.time:
    """The 24-hour time of a hit read with ``meridiem`` ("14:30 PM" stays 14:30)."""
    hour = hit.hour
    if meridiem == "a" and hour > 12:
        problems.append(("time", f"{hit.raw!r} read as {hour:02d}:{hit.minute:02d}"))
    elif meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return dt.time(hour, hit.minute, hit.second)


def _other(meridiem: str) -> str:
    return "a" if meridiem == "p" else "p"


def _time_range(
    first: _TimeHit, last: _TimeHit, problems: list[Problem]
) -> tuple[dt.time, dt.time]:
    """Start and end of "5 to 6:30 PM", "11.30 AM to 12.30 PM", "3 PM - 4" (am/pm shared)."""
    if first.meridiem is None and last.meridiem is not None and first.hour <= 12:
        end = _clock(last, last.meridiem, problems)
        start = _clock(first, last.meridiem, [])
        return (start if start <= end else _clock(first, _other(last.meridiem), [])), end
    start = _clock(first, first.meridiem, problems)
    if last.meridiem is None and first.meridiem is not None and last.hour <= 12:
        end = _clock(last, first.meridiem, [])
        return start, (end if end > start else _clock(last, _other(first.meridiem), []))
    return start, _clock(last, last.meridiem, problems)


@dataclass(frozen=True)
class _TimeChoice:
    """The talk's time (or time range) and where it sits in the text."""

    start: dt.time
    end: dt.time | None
    position: int  # where the talk's time starts
    until: int  # where the next, unrelated time starts
    zulu: bool


def _choose_time(text: str, hits: list[_TimeHit], problems: list[Problem]) -> _TimeChoice | None:
    """The first time range or time written as a time; bare numbers only start a range."""
    for index, hit in enumerate(hits):
        following = hits[index + 1] if index + 1 < len(hits) else None
        if (
            following
            and (hit.strong or following.strong)
            and _joined(text, hit.end, following.start)
        ):
            start, end = _time_range(hit, following, problems)
            later = [h.start for h in hits[index + 2 :] if h.strong]
            return _TimeChoice(
                start, end, hit.start, later[0] if later else len(text), hit.zulu or following.zulu
            )
        if hit.strong:
            later = [h.start for h in hits[index + 1 :] if h.strong]
            until = later[0] if later else len(text)
            return _TimeChoice(
                _clock(hit, hit.meridiem, problems), None, hit.start, until, hit.zulu
            )
    return None


# --------------------------------------------------------------------------- zones in text


@dataclass(frozen=True)
class _ZoneHit:
    """A zone found in the text; ``zone`` None when it looks like a zone but is unknown."""

    start: int
    raw: str
    zone: _Zone | None


def _find_offsets(text: str) -> tuple[list[_ZoneHit], str]:
    """Offsets ("UTC+5:30", "GMT-4", "+05:30"), and the text with them blanked out."""
    hits = []
    for match in _OFFSET.finditer(text):
        if match["sign"]:
            offset = _offset(match["sign"], match["hours"], match["minutes"])
        else:
            offset = _offset(match["bare"].strip(), match["bare_hours"], match["bare_minutes"])
        zone = None if offset is None else _Zone(match[0].strip(), offset=offset)
        hits.append(_ZoneHit(match.start(), match[0].strip(), zone))
        text = _mask(text, match.start(), match.end())
    return hits, text


def _find_zone_names(text: str, times: list[_TimeHit]) -> list[_ZoneHit]:
    """Named zones: IANA names, "(...)" groups, "... Time" names, abbreviations, in any order."""
    hits: list[_ZoneHit] = []
    for finder in (_iana_hits, _parenthesised_hits, _full_name_hits):
        found, text = finder(text)
        hits += found
    return hits + _abbreviation_hits(text, [hit.end for hit in times])


_IANA_LIKE = re.compile(r"\b[a-z][a-z_]*(?:/[a-z0-9_+-]+)+", re.IGNORECASE)
_PARENTHESISED = re.compile(r"\(([^()\n]*)\)")
_TIME_WORD = re.compile(r"\btime(?: ?zone)?\b", re.IGNORECASE)


def _iana_hits(text: str) -> tuple[list[_ZoneHit], str]:
    """IANA names written out ("Europe/London")."""
    hits: list[_ZoneHit] = []
    if "/" not in text:
        return hits, text
    for match in _IANA_LIKE.finditer(text):
        name = _iana_name(match[0])
        if name:
            hits.append(_ZoneHit(match.start(), match[0], _Zone(match[0], (name,))))
            text = _mask(text, match.start(), match.end())
    return hits, text


def _parenthesised_hits(text: str) -> tuple[list[_ZoneHit], str]:
    """A zone alone in parentheses: "(India Standard Time)", "(IST)", "(Mars Time)"."""
    hits: list[_ZoneHit] = []
    if "(" not in text:
        return hits, text
    for match in _PARENTHESISED.finditer(text):
        content = match[1].strip(" ,;:.")
        if not content:
            continue
        zone = _lookup_zone(content)
        if zone is not None or _zone_like(content):
            hits.append(_ZoneHit(match.start(), content, zone))
            text = _mask(text, match.start(), match.end())
    return hits, text


def _full_name_hits(text: str) -> tuple[list[_ZoneHit], str]:
    """Zone names ending in "time": "Central European Summer Time", "UK time", "local time"."""
    hits: list[_ZoneHit] = []
    if "time" not in text.lower():
        return hits, text
    for match in _TIME_WORD.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        words = list(re.finditer(r"[\w'.-]+", text[line_start : match.start()]))[-4:]
        for word in words:
            start = line_start + word.start()
            zone = _named_zone(text[start : match.end()])
            if zone is not None:
                hits.append(_ZoneHit(start, text[start : match.end()], zone))
                text = _mask(text, start, match.end())
                break
    return hits, text


def _abbreviation_hits(text: str, time_ends: list[int]) -> list[_ZoneHit]:
    """Zone abbreviations in capitals ("15:00 CEST"); word-like ones only right after a time."""
    hits = []
    for match in re.finditer(r"\b[A-Z]{1,5}\b", text):
        word = match[0]
        after_time = any(
            end <= match.start() and not text[end : match.start()].strip() for end in time_ends
        )
        if word == "Z" and after_time:
            hits.append(_ZoneHit(match.start(), word, _Zone(word, offset=dt.timedelta(0))))
        elif word in _ABBREVIATIONS and (word not in _WORDY or after_time):
            hits.append(_ZoneHit(match.start(), word, _abbreviation(word, word)))
    return hits


def _trailing_unknown(text: str, times: list[_TimeHit]) -> list[_ZoneHit]:
    """An unknown zone-like word ending the line of a time: "3 PM XYZ", "3 PM Mars Time"."""
    hits = []
    for hit in times:
        line_end = text.find("\n", hit.end)
        rest = text[hit.end : line_end if line_end >= 0 else len(text)]
        if rest.strip() and rest.strip()[0] not in ",;" and _zone_like(rest):
            hits.append(_ZoneHit(hit.end + len(rest) - len(rest.lstrip()), rest.strip(), None))
    return hits


# --------------------------------------------------------------------------- reading


@dataclass
class _Reading:
    """What one text (or front-matter value) says; assembled into a When later."""

    start_date: dt.date | None = None
    end_date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    zone: _Zone | None = None  # the zone of the times (None: not stated)
    end_zone: _Zone | None = None  # the end's own zone, when it differs
    cross_check: _Zone | None = None  # an offset stated next to a named zone
    unknown: str | None = None  # a zone-like text that names no zone
    yearless: str | None = None  # a date written without a year, when no full date
    problems: list[Problem] = field(default_factory=list)


def _read(text: str) -> _Reading:
    """Dates, times and zones of a cleaned text."""
    reading = _Reading()
    dates = _find_dates(text, reading.problems)
    _borrow_years(text, dates)
    masked = text
    for hit in dates:
        masked = _mask(masked, hit.start, hit.end)
    _read_dates(text, dates, reading)
    offsets, masked = _find_offsets(masked)
    times = _find_times(masked)
    choice = _choose_time(masked, times, reading.problems)
    for time_hit in times:
        masked = _mask(masked, time_hit.start, time_hit.end)
    zones = sorted(offsets + _find_zone_names(masked, times), key=lambda hit: hit.start)
    zones += _trailing_unknown(masked, times) if not zones else []
    if choice is not None:
        reading.start_time, reading.end_time = choice.start, choice.end
        if choice.zulu:
            zones.insert(0, _ZoneHit(choice.position, "Z", _Zone("Z", offset=dt.timedelta(0))))
    _read_zone(zones, choice, reading)
    return reading


def _read_dates(text: str, hits: list[_DateHit], reading: _Reading) -> None:
    """The first full date (and the end of a date range), checking written weekdays."""
    full = [hit for hit in hits if hit.year is not None]
    if not full:
        reading.yearless = hits[0].raw if hits else None
        return
    first = full[0]
    reading.start_date = first.date(reading.problems)
    reading.end_date = first.last_date()
    following = full[1] if len(full) > 1 else None
    if following and reading.end_date is None and _dates_joined(text, first, following):
        reading.end_date = following.date(reading.problems)
    for hit in full:
        day = hit.date([])
        if day is not None and hit.first_day is None:
            reading.problems += _check_weekday(text, hit, day)


def _read_zone(hits: list[_ZoneHit], choice: _TimeChoice | None, reading: _Reading) -> None:
    """The zone of the talk's time: named before offset, nearest after the time first."""
    if choice is not None:
        near = [hit for hit in hits if choice.position <= hit.start < choice.until]
        hits = near or hits
    named = [hit.zone for hit in hits if hit.zone is not None and hit.zone.candidates]
    offsets = [hit.zone for hit in hits if hit.zone is not None and hit.zone.offset is not None]
    unknown = [hit.raw for hit in hits if hit.zone is None]
    stated = named or offsets
    reading.zone = stated[0] if stated else None
    reading.cross_check = offsets[0] if named and offsets else None
    if reading.zone is not None and reading.cross_check is not None:
        reading.zone = _narrow(reading.zone, reading.cross_check, reading.start_date)
    reading.unknown = unknown[0] if unknown and reading.zone is None else None


def _narrow(zone: _Zone, stated: _Zone, on: dt.date | None) -> _Zone:
    """Keep the readings of an ambiguous zone that have the offset written next to it."""
    if not zone.ambiguous or stated.offset is None:
        return zone
    moment = dt.datetime.combine(on or dt.date(_REFERENCE_YEAR, 1, 15), dt.time(12))
    fitting = tuple(
        name
        for name in zone.candidates
        if moment.replace(tzinfo=ZoneInfo(name)).utcoffset() == stated.offset
    )
    if not fitting:
        return zone
    return replace(zone, candidates=fitting, ambiguous=len(fitting) > 1)


# --------------------------------------------------------------------------- assembling


def _real_moment(moment: dt.datetime, problems: list[Problem]) -> dt.datetime:
    """The moment itself; or, for a local time in a daylight-saving gap (it never happens),
    the time the clocks show at that moment (02:30 for 01:30 when they go forward at 01:00),
    with a problem."""
    if not isinstance(moment.tzinfo, ZoneInfo):
        return moment
    real = moment.astimezone(dt.timezone.utc).astimezone(moment.tzinfo)
    if real.replace(tzinfo=None) == moment.replace(tzinfo=None):
        return moment
    problems.append(
        (
            "time",
            f"{moment:%H:%M} does not exist on {moment:%Y-%m-%d} in {moment.tzinfo.key}"
            f" (clocks go forward); read as {real:%H:%M}",
        )
    )
    return real


def _offset_problems(moment: dt.datetime, name: str | None, stated: _Zone | None) -> list[Problem]:
    """A problem when an offset written next to a zone name disagrees with it on that day."""
    if stated is None or name is None or moment.utcoffset() == stated.offset:
        return []
    actual = moment.strftime("%z")
    return [
        (
            "timezone",
            f"{stated.raw!r} does not match {name} on {moment:%Y-%m-%d}"
            f" (UTC{actual[:3]}:{actual[3:]}); used {name}",
        )
    ]


def _zone_for(
    zone: _Zone | None, default: str | None, on: dt.date | None, problems: list[Problem]
) -> tuple[str | None, dt.tzinfo | None]:
    """(IANA name, tzinfo) of a stated zone, else of the default."""
    if zone is not None and zone.stated:
        name, tzinfo, found = _settle(zone, default, on)
        problems += found
        return name, tzinfo
    return default, ZoneInfo(default) if default else None


def _assemble(reading: _Reading, display: _Zone | None, default: str | None) -> When:
    """Build the When of a reading whose start date is known.

    The times are wall times in ``reading.zone`` (else ``display``, else the default); the
    result is shown in ``display`` when given (an aware value converted to the stated zone).
    """
    problems = list(reading.problems)
    day = reading.start_date
    assert day is not None
    if reading.unknown and reading.zone is None:
        problems.append(("timezone", f"unknown time zone {reading.unknown!r}"))
    wall = reading.zone if reading.zone is not None and reading.zone.stated else display
    name, tzinfo = _zone_for(wall, default, day, problems)
    if reading.start_time is None:
        if display is not None and display is not wall:
            name, _ = _zone_for(display, default, day, problems)
        return When(day, reading.end_date, name, tuple(problems))
    if tzinfo is None and not any(code == "timezone" for code, _ in problems):
        problems.append(("timezone", "no time zone given"))
    wall_start = dt.datetime.combine(day, reading.start_time, tzinfo=tzinfo)
    start = _real_moment(wall_start, problems)
    problems += _offset_problems(start, name, reading.cross_check) if tzinfo else []
    end = _end(reading, wall_start, default, problems)
    if display is not None and wall is not display and tzinfo is not None:
        name, shown = _zone_for(display, default, day, problems)
        if shown is not None:
            start = start.astimezone(shown)
            end = end.astimezone(shown) if isinstance(end, dt.datetime) else end
    return When(start, end, name, tuple(problems))


def _end(
    reading: _Reading, start: dt.datetime, default: str | None, problems: list[Problem]
) -> dt.datetime | dt.date | None:
    """The end: a time on the start day (next day when it is earlier), a moment, or a date."""
    if reading.end_time is None:
        return reading.end_date
    day = reading.end_date or start.date()
    tzinfo = start.tzinfo
    if tzinfo is not None and reading.end_zone is not None and reading.end_zone.stated:
        _, tzinfo = _zone_for(reading.end_zone, default, day, problems)
    end = dt.datetime.combine(day, reading.end_time, tzinfo=tzinfo)
    if reading.end_date is None and end <= start:
        end = dt.datetime.combine(day + dt.timedelta(days=1), reading.end_time, tzinfo=tzinfo)
    end = _real_moment(end, problems)
    return end.astimezone(start.tzinfo) if start.tzinfo is not None else end


def parse_when(text: str, *, default_timezone: str | None = None) -> When:
    """Read the plain text of a "When" section (tags already removed)."""
    problems: list[Problem] = []
    default = _default_zone(default_timezone, problems)
    cleaned = _clean(text)
    reading = _read(cleaned)
    reading.problems[:0] = problems
    if reading.start_date is None:
        return _no_date(reading, cleaned, default)
    if reading.start_time is not None:
        reading.end_date = None  # a course over several days: the first session
    return _assemble(reading, None, default)


def _no_date(reading: _Reading, text: str, default: str | None) -> When:
    """The When of a text without a usable date."""
    problems = list(reading.problems)
    if reading.yearless:
        problems.append(("date", f"no year in {reading.yearless!r}"))
    elif not any(code == "date" for code, _ in problems):
        problems.append(("date", f"cannot read a date in {_shorten(text)!r}"))
    name, _ = _zone_for(reading.zone, default, None, problems)
    return When(None, None, name, tuple(problems))


# --------------------------------------------------------------------------- front matter


def _zone_of(value: dt.datetime | dt.time) -> _Zone | None:
    """The zone an aware datetime or time carries."""
    if isinstance(value.tzinfo, ZoneInfo):
        return _Zone(value.tzinfo.key, (value.tzinfo.key,))
    offset = value.utcoffset()
    return None if offset is None else _Zone(str(value.tzinfo), offset=offset)


def _naive(value: dt.time) -> dt.time:
    return value.replace(tzinfo=None)


#: A time written as three or four digits ("0930", "1400"), without a colon.
_DIGITS_ONLY = re.compile(r"\d{3,4}")


def _number_as_time(value: int | float, problems: list[Problem], written: str = "") -> _Reading:
    """A number in a time field (``written`` as in the file): 14 is 14:00, 1400 and 930 are
    14:00 and 09:30 (24-hour clock without a colon), 10.3 is 10:30."""
    written = written or repr(value)
    if isinstance(value, int) and 0 <= value < 24:
        hour, minute = value, 0
    elif isinstance(value, int) and 100 <= value < 2400:
        hour, minute = divmod(value, 100)
    elif isinstance(value, float) and 0 <= value < 24:
        hour, minute = int(value), round((value - int(value)) * 100)
    else:
        problems.append(("time", f"cannot read a time in {written}; ignored"))
        return _Reading()
    if minute > 59:
        problems.append(("time", f"cannot read a time in {written}; ignored"))
        return _Reading()
    clock = f"{hour:02d}:{minute:02d}"
    problems.append(("time", f'time {written} read as {clock}; write it as "{clock}"'))
    return _Reading(start_time=dt.time(hour, minute))


def _text_value(value: str, label: str, clock: bool, problems: list[Problem]) -> _Reading:
    """Read a front-matter string: a date, a time, or both with a zone."""
    text = _clean(value)
    if not text:
        return _Reading()
    reading = _read(text)
    problems += reading.problems
    reading.problems = []
    code = "time" if clock else "date"
    if clock and reading.start_time is None:
        problems.append(("time", f"cannot read a time in {label} {_shorten(text)!r}; ignored"))
    elif not clock and reading.start_date is None and reading.start_time is None:
        what = (
            f"no year in {reading.yearless!r}"
            if reading.yearless
            else f"cannot read a date in {_shorten(text)!r}"
        )
        problems.append((code, f"{what} ({label}); ignored"))
    return reading


def _field_value(value: object, label: str, clock: bool, problems: list[Problem]) -> _Reading:
    """Read one front-matter value of any type; wrong types give a problem and nothing."""
    if value is None or value == "":
        return _Reading()
    if isinstance(value, dt.datetime):
        return _Reading(value.date(), None, _naive(value.time()), None, _zone_of(value))
    if isinstance(value, dt.date):
        return _Reading(start_date=value)
    if isinstance(value, dt.time):
        return _Reading(start_time=_naive(value), zone=_zone_of(value))
    if isinstance(value, str) and clock and _DIGITS_ONLY.fullmatch(value.strip()):
        return _number_as_time(int(value), problems, written=value.strip())
    if isinstance(value, str):
        return _text_value(value, label, clock, problems)
    if clock and isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_as_time(value, problems)
    kind = "a time" if clock else "a date"
    problems.append(
        (
            "time" if clock else "date",
            f"{label} should be {kind} or a string, not {type(value).__name__}; ignored",
        )
    )
    return _Reading()


def _field_zone(value: object, problems: list[Problem]) -> _Zone | None:
    """The zone named by a ``timezone`` field."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        problems.append(
            ("timezone", f"timezone should be a string, not {type(value).__name__}; ignored")
        )
        return None
    text = _clean(value)
    zone = _lookup_zone(text) or _read(text).zone
    if zone is None:
        problems.append(("timezone", f"unknown time zone {_shorten(text)!r}"))
    return zone


def _merge_end(reading: _Reading, last: _Reading, last_clock: _Reading) -> None:
    """Fill the end of ``reading`` from the end field (moment, date or time) and end_time."""
    if last.start_date is not None:
        reading.end_date = last.start_date
        reading.end_time = last.start_time
    elif last.start_time is not None:
        reading.end_time = last.start_time
    if last.zone is not None:
        reading.end_zone = last.zone
    if last_clock.start_time is not None:
        reading.end_time = last_clock.start_time
        reading.end_zone = last_clock.zone or reading.end_zone
    if reading.end_date is not None and reading.start_time is not None and reading.end_time is None:
        reading.end_date = None if reading.end_date == reading.start_date else reading.end_date


def when_from_fields(
    *,
    date: object = None,
    time: object = None,
    end: object = None,
    end_time: object = None,
    timezone: object = None,
    default_timezone: str | None = None,
) -> When:
    """Read front-matter values (any type, straight from YAML or TOML); never raises."""
    problems: list[Problem] = []
    default = _default_zone(default_timezone, problems)
    stated = _field_zone(timezone, problems)
    first = _field_value(date, "date", False, problems)
    clock = _field_value(time, "time", True, problems)
    last = _field_value(end, "end", False, problems)
    last_clock = _field_value(end_time, "end_time", True, problems)
    timed = clock if clock.start_time is not None else first
    reading = _Reading(
        start_date=first.start_date or clock.start_date,
        start_time=timed.start_time,
        end_time=timed.end_time,
        zone=timed.zone or first.zone,
        cross_check=timed.cross_check,
        unknown=None if stated else timed.unknown,
        problems=problems,
    )
    if first.end_date is not None and reading.start_time is None:
        reading.end_date = first.end_date
    _merge_end(reading, last, last_clock)
    if reading.start_date is None:
        if not any(code == "date" for code, _ in problems):
            problems.append(
                ("date", "a time is given but no date" if reading.start_time else "no date given")
            )
        name, _ = _zone_for(stated or reading.zone, default, None, problems)
        return When(None, None, name, tuple(problems))
    return _assemble(reading, stated, default)


# --------------------------------------------------------------------------- titles

_TITLE_DATE = re.compile(r"\s*\(\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4}|\d{2})\s*\)\s*$")


def parse_title_date(title: str) -> tuple[str, dt.date | None]:
    """Split a trailing "(dd/mm/yy)" or "(dd/mm/yyyy)" off a title: (clean title, date)."""
    match = _TITLE_DATE.search(title)
    if match is None:
        return title.strip(), None
    try:
        day = dt.date(_year(match[3]) or 0, int(match[2]), int(match[1]))
    except ValueError:
        return title.strip(), None
    return title[: match.start()].strip(), day
