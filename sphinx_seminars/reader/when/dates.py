"""The date grammar: dates with month names or in figures, day ranges, the weekday written
next to a date, and the "(dd/mm/yy)" that ends a title."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from ...problems import Code
from .report import Report
from .tables import WEEKDAYS
from .words import month_number, weekday_number

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
class DateHit:
    """One date found in the text: where, as written, and its parts (year may be missing)."""

    start: int
    end: int
    raw: str
    year: int | None
    month: int
    day: int
    last_day: int | None = None  # "15-17 March"
    first_day: int | None = None

    def date(self, report: Report | None) -> dt.date | None:
        """The date, or None (with a problem, when a report is given, when the parts make no
        date)."""
        if self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.first_day or self.day)
        except ValueError:
            if report is not None:
                report.date(Code.DATE, f"{self.raw!r} is not a valid date")
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


def year_of(text: str | None) -> int | None:
    """A four- or two-digit year (two digits are 20xx)."""
    if text is None:
        return None
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _worded_dates(text: str) -> list[DateHit]:
    """Dates with a month name: "9th January, 2025", "March 15, 2023", "15-17 March"."""
    hits = []
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = month_number(match["month"])
        if month is not None:
            first = int(match["first"]) if match["first"] else None
            parts = year_of(match["year"]), month, int(match["day"])
            hits.append(
                DateHit(match.start(), match.end(), match[0].strip(), *parts, first_day=first)
            )
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = month_number(match["month"])
        if month is not None:
            last = int(match["last"]) if match["last"] else None
            parts = year_of(match["year"]), month, int(match["day"])
            hits.append(
                DateHit(match.start(), match.end(), match[0].strip(), *parts, last_day=last)
            )
    return hits


def _numeric_dates(text: str, report: Report) -> list[DateHit]:
    """Dates in figures: "2025-01-09" (year first) or "09/01/2025" (day first)."""
    hits = []
    for match in _ISO_DATE.finditer(text):
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
        hits.append(DateHit(match.start(), match.end(), match[0], year, month, day))
    for match in _NUMERIC_DATE.finditer(text):
        day, month = int(match["day"]), int(match["month"])
        if month > 12 >= day:
            day, month = month, day
            report.date(Code.DATE, f"{match[0]!r} read as month/day/year")
        hits.append(
            DateHit(match.start(), match.end(), match[0], year_of(match["year"]), month, day)
        )
    return hits


def find_dates(text: str, report: Report) -> list[DateHit]:
    """Every date in the text, in order, without overlaps (earliest and longest first)."""
    candidates = sorted(
        _numeric_dates(text, report) + _worded_dates(text),
        key=lambda hit: (hit.start, hit.start - hit.end),
    )
    hits: list[DateHit] = []
    for hit in candidates:
        if not hits or hit.start >= hits[-1].end:
            hits.append(hit)
    return hits


def joined(text: str, first_end: int, second_start: int) -> bool:
    """Whether only a range word ("to", "-") stands between two hits."""
    return first_end <= second_start and bool(_RANGE.fullmatch(text[first_end:second_start]))


def dates_joined(text: str, first: DateHit, second: DateHit) -> bool:
    """Whether two dates form a range; weekdays may stand beside them ("Mon 3 to Fri 7 March")."""
    between = re.sub(
        r"\(?\b([a-z]+)\b\.?\)?,?",
        lambda word: "" if weekday_number(word[1]) else word[0],
        text[first.end : second.start],
        flags=re.IGNORECASE,
    )
    return first.end <= second.start and bool(_RANGE.fullmatch(between))


def borrow_years(text: str, hits: list[DateHit]) -> None:
    """ "9 January to 12 January 2025": the first date takes the year of the second."""
    for first, second in itertools.pairwise(hits):
        if first.year is None and second.year is not None and dates_joined(text, first, second):
            first.year = second.year if first.month <= second.month else second.year - 1


def _stated_weekday(text: str, hit: DateHit) -> tuple[str, int, bool] | None:
    """The weekday written next to a date, as (word, 0-6, misspelt)."""
    for pattern, part in ((_WORD_AFTER, text[hit.end :]), (_WORD_BEFORE, text[: hit.start])):
        match = pattern.search(part)
        if match:
            found = weekday_number(match[1])
            if found is not None:
                return match[1], *found
    return None


def check_weekday(text: str, hit: DateHit, day: dt.date, report: Report) -> int | None:
    """The weekday (0-6) written next to a date, with a problem when it is wrong or
    misspelt; None when none is written."""
    stated = _stated_weekday(text, hit)
    if stated is None:
        return None
    word, number, misspelt = stated
    actual = WEEKDAYS[day.weekday()].capitalize()
    if number != day.weekday():
        report.date(Code.WEEKDAY, f"{word!r} does not match {day.isoformat()}, which is a {actual}")
    elif misspelt:
        report.date(Code.WEEKDAY, f"{word!r} is misspelt: {day.isoformat()} is a {actual}")
    return number


_TITLE_DATE = re.compile(r"\s*\(\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4}|\d{2})\s*\)\s*$")


def parse_title_date(title: str) -> tuple[str, dt.date | None]:
    """Split a trailing "(dd/mm/yy)" or "(dd/mm/yyyy)" off a title: (clean title, date)."""
    match = _TITLE_DATE.search(title)
    if match is None:
        return title.strip(), None
    try:
        day = dt.date(year_of(match[3]) or 0, int(match[2]), int(match[1]))
    except ValueError:
        return title.strip(), None
    return title[: match.start()].strip(), day
