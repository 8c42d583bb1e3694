"""Tests for reading when a talk happens (free "When" text and front-matter values)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from sphinx_seminars.model import Problem
from sphinx_seminars.problems import Code
from sphinx_seminars.reader import parse_talk
from sphinx_seminars.reader.when import (
    When,
    WhenLines,
    parse_title_date,
    parse_when,
    resolve_timezone,
    when_from_fields,
)

KOLKATA = "Asia/Kolkata"


def iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def codes(when: When) -> list[str]:
    return [problem.code for problem in when.problems]


def said(when: When) -> tuple[tuple[str, str], ...]:
    """The (code, message) of each problem."""
    return tuple((problem.code, problem.message) for problem in when.problems)


# --------------------------------------------------------------------------- parse_when: times


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("14th March, 2024 (Thursday), 3.00 PM (India Standard Time)", "2024-03-14T15:00:00+05:30"),
        ("07th May, 2024 (Tuesday), 04:00 PM (India Standard Time)", "2024-05-07T16:00:00+05:30"),
        ("5th June, 2024 (Wednesday), 03.45 PM (India Standard Time)", "2024-06-05T15:45:00+05:30"),
        ("5th June, 2024 (Wednesday), 12:01 PM (India Standard Time)", "2024-06-05T12:01:00+05:30"),
        ("13th June, 2024 (Thursday), 14:30 PM (India Standard Time)", "2024-06-13T14:30:00+05:30"),
        ("13th June, 2024 (Thursday), 15.45 PM (India Standard Time)", "2024-06-13T15:45:00+05:30"),
        ("2nd July, 2024 (Tuesday), 4.00 pm (IST)", "2024-07-02T16:00:00+05:30"),
        ("2nd July, 2024 (Tuesday), 2.15 pm (IST)", "2024-07-02T14:15:00+05:30"),
        ("2nd July, 2024 (Tuesday), 12 AM (IST)", "2024-07-02T00:00:00+05:30"),
        ("2nd July, 2024 (Tuesday), 12 noon (IST)", "2024-07-02T12:00:00+05:30"),
        ("Tuesday, 2 July 2024, 9 a.m. (IST)", "2024-07-02T09:00:00+05:30"),
    ],
)
def test_department_style_time(text: str, start: str) -> None:
    when = parse_when(text, default_timezone=KOLKATA)
    assert iso(when.start) == start
    assert when.end is None
    assert when.timezone == KOLKATA
    assert when.problems == ()


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "2nd July, 2024 (Tuesday), 11.30 AM to 12.30 PM (India Standard Time)",
            "2024-07-02T11:30:00+05:30",
            "2024-07-02T12:30:00+05:30",
        ),
        ("2024-07-02 14:00-15:00", "2024-07-02T14:00:00+05:30", "2024-07-02T15:00:00+05:30"),
        ("2 July 2024, 5 to 6:30 PM", "2024-07-02T17:00:00+05:30", "2024-07-02T18:30:00+05:30"),
        ("2 July 2024, 3 - 4 pm", "2024-07-02T15:00:00+05:30", "2024-07-02T16:00:00+05:30"),
        ("2 July 2024, 11 to 1 pm", "2024-07-02T11:00:00+05:30", "2024-07-02T13:00:00+05:30"),
        ("2 July 2024, 3 PM - 4", "2024-07-02T15:00:00+05:30", "2024-07-02T16:00:00+05:30"),
        ("2 July 2024, 10pm-1am", "2024-07-02T22:00:00+05:30", "2024-07-03T01:00:00+05:30"),
        ("2 July 2024, 10:00 – 11:15", "2024-07-02T10:00:00+05:30", "2024-07-02T11:15:00+05:30"),
    ],
)
def test_time_range(text: str, start: str, end: str) -> None:
    when = parse_when(text, default_timezone=KOLKATA)
    assert (iso(when.start), iso(when.end)) == (start, end)
    assert when.problems == ()


def test_date_range_then_times_gives_a_session_each_day() -> None:
    text = (
        "April 8, 2024 to April 19, 2024 (no class on the Saturday of April 13th, and"
        " Sunday of April 14th) [10 days].\n5 to 6:30 PM"
    )
    when = parse_when(text, default_timezone=KOLKATA)
    assert iso(when.start) == "2024-04-08T17:00:00+05:30"  # the first session's start
    assert iso(when.end) == "2024-04-19T18:30:00+05:30"  # the last session's end
    days = [s.start.day for s in when.sessions]  # type: ignore[union-attr]
    assert days == [8, 9, 10, 11, 12, 15, 16, 17, 18, 19]
    assert all(iso(s.end)[11:16] == "18:30" for s in when.sessions)  # type: ignore[index]
    assert when.problems == ()


def test_sessions_leave_out_the_weekdays_excluded() -> None:
    text = "Monday 3 March 2025 to Friday 14 March 2025, except Wednesdays, 10:00-12:00 CET"
    when = parse_when(text)
    assert [s.start.day for s in when.sessions] == [3, 4, 6, 7, 8, 9, 10, 11, 13, 14]  # type: ignore[union-attr]
    assert iso(when.sessions[0].start) == "2025-03-03T10:00:00+01:00"


def test_a_day_count_that_does_not_fit_is_reported() -> None:
    when = parse_when("1 to 3 June 2024 [5 days], 9 AM", default_timezone=KOLKATA)
    assert len(when.sessions) == 3
    assert [p.code for p in when.problems] == ["date"]


def test_a_date_range_without_a_time_has_no_sessions() -> None:
    when = parse_when("12th and 13th April 2022")
    assert when.start == dt.date(2022, 4, 12) and when.end == dt.date(2022, 4, 13)
    assert when.sessions == ()


def test_24_hour_time_with_am_is_read_with_a_problem() -> None:
    when = parse_when("2 July 2024, 15:00 AM", default_timezone=KOLKATA)
    assert iso(when.start) == "2024-07-02T15:00:00+05:30"
    assert codes(when) == ["time"]


def test_zero_width_spaces_and_entities_are_ignored() -> None:
    text = "\u200b2nd\u200b July,&nbsp;2024 (Tuesday), 4.00\u200b pm (IST)\u200b"
    when = parse_when(text, default_timezone=KOLKATA)
    assert iso(when.start) == "2024-07-02T16:00:00+05:30"
    assert when.problems == ()


# --------------------------------------------------------------------------- parse_when: dates


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("22nd March, 2024", dt.date(2024, 3, 22)),
        ("08 February, 2024", dt.date(2024, 2, 8)),
        ("April 16, 2024", dt.date(2024, 4, 16)),
        ("2024-04-16", dt.date(2024, 4, 16)),
        ("16 Apr 2024", dt.date(2024, 4, 16)),
        ("Tuesday, 16 April 2024", dt.date(2024, 4, 16)),
        ("22th March, 2024", dt.date(2024, 3, 22)),
        ("19th Novenber, 2024", dt.date(2024, 11, 19)),
        ("5 Febuary 2024", dt.date(2024, 2, 5)),
        ("Sept 9, 2025", dt.date(2025, 9, 9)),
        ("Jan. 9, 2025", dt.date(2025, 1, 9)),
        ("9-Jan-2025", dt.date(2025, 1, 9)),
        ("the 9th of January 2025", dt.date(2025, 1, 9)),
        ("9/1/2025", dt.date(2025, 1, 9)),
        ("09.01.2025", dt.date(2025, 1, 9)),
    ],
)
def test_date_only_stays_a_date(text: str, day: dt.date) -> None:
    when = parse_when(text)
    assert type(when.start) is dt.date
    assert when.start == day
    assert when.end is None
    assert when.problems == ()


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("15-17 March 2023", dt.date(2023, 3, 15), dt.date(2023, 3, 17)),
        ("March 15 - 17, 2023", dt.date(2023, 3, 15), dt.date(2023, 3, 17)),
        ("9 January to 12 January 2025", dt.date(2025, 1, 9), dt.date(2025, 1, 12)),
        (
            "Monday 3 March 2025 to Friday 7 March 2025",
            dt.date(2025, 3, 3),
            dt.date(2025, 3, 7),
        ),
    ],
)
def test_date_range_without_time(text: str, start: dt.date, end: dt.date) -> None:
    when = parse_when(text)
    assert (when.start, when.end) == (start, end)
    assert when.problems == ()


def test_month_first_numeric_date_is_noticed() -> None:
    when = parse_when("03/15/2023")
    assert when.start == dt.date(2023, 3, 15)
    assert codes(when) == ["date"]


def test_missing_year_is_a_date_problem() -> None:
    when = parse_when("16th April (Tuesday), 4 PM (IST)", default_timezone=KOLKATA)
    assert when.start is None
    assert said(when) == (("date", "no year in '16th April'"),)


def test_no_date_at_all_quotes_the_text() -> None:
    when = parse_when("sometime soon")
    assert when.start is None
    assert when.end is None
    assert said(when) == (("date", "cannot read a date in 'sometime soon'"),)


def test_long_unreadable_text_is_shortened() -> None:
    when = parse_when("to be announced " * 20)
    (code, message), *_ = said(when)
    assert code == "date"
    assert message.startswith("cannot read a date in 'to be announced to be")
    assert len(message) < 110


def test_impossible_date_is_reported() -> None:
    when = parse_when("31st February, 2024, 3 PM")
    assert when.start is None
    assert codes(when) == ["date"]
    assert "31st February, 2024" in when.problems[0].message


# --------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "24th September, 2024 (Thursday), 04:00 PM",
            "'Thursday' does not match 2024-09-24, which is a Tuesday",
        ),
        (
            "Thursday, 24 September 2024, 4 PM",
            "'Thursday' does not match 2024-09-24, which is a Tuesday",
        ),
        (
            "26th September, 2024 (Frisday), 4 PM",
            "'Frisday' does not match 2024-09-26, which is a Thursday",
        ),
    ],
)
def test_wrong_weekday(text: str, message: str) -> None:
    when = parse_when(text, default_timezone=KOLKATA)
    assert said(when) == (("weekday", message),)
    assert when.start is not None  # the date still wins


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("18th December, 2024 (Wednusday), 4 PM", "Wednesday"),
        ("17th December, 2024 (Tueday), 4 PM", "Tuesday"),
        ("19th December, 2024 (Thurssday), 4 PM", "Thursday"),
        ("20th December, 2024 (Frisday), 4 PM", "Friday"),
    ],
)
def test_misspelt_but_right_weekday_is_a_mild_weekday_problem(text: str, weekday: str) -> None:
    when = parse_when(text, default_timezone=KOLKATA)
    assert codes(when) == ["weekday"]
    message = when.problems[0].message
    assert "misspelt" in message
    assert message.endswith(f"is a {weekday}")


@pytest.mark.parametrize(
    "text",
    [
        "19th December, 2024 (Thursday), 4 PM",
        "Thu 19 Dec 2024, 4 PM",
        "19 December 2024 (thurs.), 4 PM",
        "Sonday 19 December 2024, 4 PM",  # not recognisable: not checked
    ],
)
def test_right_weekday_gives_no_problem(text: str) -> None:
    when = parse_when(text, default_timezone=KOLKATA)
    assert when.problems == ()


def test_weekday_in_a_note_is_not_checked_against_the_start() -> None:
    text = "March 4, 2024 to March 8, 2024 (no class on Saturday March 9th)"
    when = parse_when(text)
    assert when.problems == ()


# --------------------------------------------------------------------------- time zones


@pytest.mark.parametrize(
    ("suffix", "zone", "winter", "summer"),
    [
        ("(India Standard Time)", "Asia/Kolkata", "+05:30", "+05:30"),
        ("Central European Time", "Europe/Berlin", "+01:00", "+02:00"),
        ("(Central European Summer Time)", "Europe/Berlin", "+01:00", "+02:00"),
        ("Eastern Time", "America/New_York", "-05:00", "-04:00"),
        ("Pacific Time", "America/Los_Angeles", "-08:00", "-07:00"),
        ("Greenwich Mean Time", "GMT", "+00:00", "+00:00"),
        ("(Coordinated Universal Time)", "UTC", "+00:00", "+00:00"),
        ("British Summer Time", "Europe/London", "+00:00", "+01:00"),
        ("CET", "Europe/Berlin", "+01:00", "+02:00"),
        ("CEST", "Europe/Berlin", "+01:00", "+02:00"),
        ("ET", "America/New_York", "-05:00", "-04:00"),
        ("EST", "America/New_York", "-05:00", "-04:00"),
        ("EDT", "America/New_York", "-05:00", "-04:00"),
        ("PT", "America/Los_Angeles", "-08:00", "-07:00"),
        ("PST", "America/Los_Angeles", "-08:00", "-07:00"),
        ("PDT", "America/Los_Angeles", "-08:00", "-07:00"),
        ("CT", "America/Chicago", "-06:00", "-05:00"),
        ("MT", "America/Denver", "-07:00", "-06:00"),
        ("GMT", "GMT", "+00:00", "+00:00"),
        ("UTC", "UTC", "+00:00", "+00:00"),
        ("JST", "Asia/Tokyo", "+09:00", "+09:00"),
        ("KST", "Asia/Seoul", "+09:00", "+09:00"),
        ("(AEST)", "Australia/Sydney", "+11:00", "+10:00"),
        ("SGT", "Asia/Singapore", "+08:00", "+08:00"),
        ("HKT", "Asia/Hong_Kong", "+08:00", "+08:00"),
        ("Europe/London", "Europe/London", "+00:00", "+01:00"),
        ("(London time)", "Europe/London", "+00:00", "+01:00"),
    ],
)
def test_zone_names_with_daylight_saving(suffix: str, zone: str, winter: str, summer: str) -> None:
    january = parse_when(f"15 January 2025, 3:00 PM {suffix}")
    july = parse_when(f"15 July 2025, 3:00 PM {suffix}")
    assert january.timezone == july.timezone == zone
    assert iso(january.start) == f"2025-01-15T15:00:00{winter}"
    assert iso(july.start) == f"2025-07-15T15:00:00{summer}"
    assert isinstance(july.start, dt.datetime)
    assert isinstance(july.start.tzinfo, ZoneInfo)
    assert january.problems == july.problems == ()


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("2025-07-01 15:00 Europe/London", "2025-07-01T15:00:00+01:00"),
        ("2025-01-01 15:00 Europe/London", "2025-01-01T15:00:00+00:00"),
        ("2025-03-29 15:00 Europe/London", "2025-03-29T15:00:00+00:00"),
        ("2025-03-31 15:00 Europe/London", "2025-03-31T15:00:00+01:00"),
    ],
)
def test_offset_follows_the_talks_date(text: str, start: str) -> None:
    assert iso(parse_when(text).start) == start


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("9 Jan 2025, 15:00 UTC+5:30", dt.timedelta(hours=5, minutes=30)),
        ("9 Jan 2025, 15:00 (GMT+1)", dt.timedelta(hours=1)),
        ("9 Jan 2025, 15:00 GMT-4", dt.timedelta(hours=-4)),
        ("9 Jan 2025, 15:00 +05:30", dt.timedelta(hours=5, minutes=30)),
        ("2025-01-09T15:00:00-05:00", dt.timedelta(hours=-5)),
    ],
)
def test_bare_offset_is_a_fixed_zone_without_a_name(text: str, offset: dt.timedelta) -> None:
    when = parse_when(text, default_timezone="Europe/Paris")
    assert isinstance(when.start, dt.datetime)
    assert when.start.replace(tzinfo=None) == dt.datetime(2025, 1, 9, 15)
    assert when.start.tzinfo == dt.timezone(offset)
    assert when.timezone is None
    assert when.problems == ()


@pytest.mark.parametrize(
    "text", ["2030-06-01T13:00:00Z", "1 June 2030, 13:00 Z", "1 June 2030 13:00Z"]
)
def test_zulu_is_utc(text: str) -> None:
    when = parse_when(text, default_timezone=KOLKATA)
    assert iso(when.start) == "2030-06-01T13:00:00+00:00"
    assert when.timezone == "UTC"


def test_no_zone_and_no_default_gives_a_naive_time_and_a_problem() -> None:
    when = parse_when("9 Jan 2025, 3 PM")
    assert when.start == dt.datetime(2025, 1, 9, 15)
    assert isinstance(when.start, dt.datetime)
    assert when.start.tzinfo is None
    assert when.timezone is None
    assert said(when) == (("timezone", "no time zone given"),)


@pytest.mark.parametrize("text", ["9 Jan 2025, 3 PM", "9 Jan 2025, 3 PM local time"])
def test_default_zone_is_used_silently(text: str) -> None:
    when = parse_when(text, default_timezone="America/Chicago")
    assert iso(when.start) == "2025-01-09T15:00:00-06:00"
    assert when.timezone == "America/Chicago"
    assert when.problems == ()


def test_zone_stated_beats_the_default() -> None:
    when = parse_when("9 Jan 2025, 3 PM (JST)", default_timezone=KOLKATA)
    assert iso(when.start) == "2025-01-09T15:00:00+09:00"
    assert when.timezone == "Asia/Tokyo"


@pytest.mark.parametrize(
    ("abbreviation", "zone", "offset", "candidates"),
    [
        ("IST", "Asia/Kolkata", "+05:30", "(Asia/Kolkata, Europe/Dublin, Asia/Jerusalem)"),
        ("CST", "America/Chicago", "-06:00", "(America/Chicago, Asia/Shanghai, America/Havana)"),
        ("BST", "Europe/London", "+00:00", "(Europe/London, Asia/Dhaka)"),
    ],
)
def test_ambiguous_abbreviation_without_default(
    abbreviation: str, zone: str, offset: str, candidates: str
) -> None:
    when = parse_when(f"9 Jan 2025, 3 PM ({abbreviation})")
    assert when.timezone == zone
    assert iso(when.start) == f"2025-01-09T15:00:00{offset}"
    assert said(when) == (
        (
            "timezone-ambiguous",
            f"'{abbreviation}' is ambiguous {candidates}; read as {zone}"
            " — set seminar_timezone to choose",
        ),
    )


@pytest.mark.parametrize(
    ("abbreviation", "default", "offset"),
    [
        ("IST", "Asia/Kolkata", "+05:30"),
        ("IST", "Europe/Dublin", "+01:00"),
        ("IST", "Asia/Jerusalem", "+03:00"),
        ("IST", "Asia/Calcutta", "+05:30"),
        ("CST", "Asia/Shanghai", "+08:00"),
        ("BST", "Asia/Dhaka", "+06:00"),
    ],
)
def test_ambiguous_abbreviation_with_matching_default(
    abbreviation: str, default: str, offset: str
) -> None:
    when = parse_when(f"9 July 2025, 3 PM {abbreviation}", default_timezone=default)
    assert when.timezone == default
    assert iso(when.start) == f"2025-07-09T15:00:00{offset}"
    assert when.problems == ()


def test_ambiguous_abbreviation_with_other_default_still_warns() -> None:
    when = parse_when("9 Jan 2025, 3 PM IST", default_timezone="Europe/Paris")
    assert when.timezone == "Asia/Kolkata"
    assert codes(when) == ["timezone-ambiguous"]


def test_offset_next_to_ambiguous_abbreviation_settles_it() -> None:
    when = parse_when("9 July 2025, 3 PM IST (UTC+1)")
    assert when.timezone == "Europe/Dublin"
    assert iso(when.start) == "2025-07-09T15:00:00+01:00"
    assert when.problems == ()


def test_offset_disagreeing_with_zone_is_reported() -> None:
    when = parse_when("9 Jan 2025, 15:00 CET (UTC+2)")
    assert iso(when.start) == "2025-01-09T15:00:00+01:00"
    assert codes(when) == ["timezone"]


def test_generic_name_gives_way_to_a_default_with_the_same_offsets() -> None:
    when = parse_when("9 Jan 2025, 3 PM CET", default_timezone="Europe/Paris")
    assert when.timezone == "Europe/Paris"
    assert iso(when.start) == "2025-01-09T15:00:00+01:00"


def test_explicit_iana_name_is_kept_whatever_the_default() -> None:
    when = parse_when("9 Jan 2025, 3 PM Europe/London", default_timezone="Europe/Dublin")
    assert when.timezone == "Europe/London"


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("9 Jan 2025, 3 PM (Mars Time)", "Mars Time"),
        ("9 Jan 2025, 3 PM XYZ", "XYZ"),
        ("9 Jan 2025, 3 PM Mars Time", "Mars Time"),
    ],
)
def test_unknown_zone_falls_back_to_default(text: str, unknown: str) -> None:
    when = parse_when(text, default_timezone=KOLKATA)
    assert when.timezone == KOLKATA
    assert iso(when.start) == "2025-01-09T15:00:00+05:30"
    assert said(when) == (("timezone", f"unknown time zone '{unknown}'"),)


def test_unknown_zone_without_default_is_reported_once() -> None:
    when = parse_when("9 Jan 2025, 3 PM (Mars Time)")
    assert when.start == dt.datetime(2025, 1, 9, 15)
    assert said(when) == (("timezone", "unknown time zone 'Mars Time'"),)


def test_venue_words_after_a_comma_are_not_a_zone() -> None:
    when = parse_when("9 Jan 2025, 3 PM, KPA Auditorium", default_timezone=KOLKATA)
    assert when.problems == ()


def test_time_in_a_spring_forward_gap_is_reported() -> None:
    when = parse_when("2025-03-30 01:30 Europe/London")
    assert codes(when) == ["time"]


def test_time_in_a_gap_becomes_the_time_the_clocks_show() -> None:
    when = parse_when("2025-03-30 01:30 to 01:45 Europe/London")
    assert (iso(when.start), iso(when.end)) == (
        "2025-03-30T02:30:00+01:00",
        "2025-03-30T02:45:00+01:00",
    )
    assert "read as 02:30" in when.problems[0].message


def test_invalid_default_zone_is_reported() -> None:
    when = parse_when("9 Jan 2025, 3 PM", default_timezone="Nowhere/Special")
    assert ("timezone", "unknown default time zone 'Nowhere/Special'") in said(when)
    assert when.start == dt.datetime(2025, 1, 9, 15)


# --------------------------------------------------------------------------- resolve_timezone


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Europe/London", "Europe/London"),
        ("europe/london", "Europe/London"),
        ("India Standard Time", "Asia/Kolkata"),
        ("Indian Standard Time", "Asia/Kolkata"),
        ("Eastern Time", "America/New_York"),
        ("EDT", "America/New_York"),
        ("Central European Summer Time", "Europe/Berlin"),
        ("AEST", "Australia/Sydney"),
        ("UTC", "UTC"),
        ("Z", "UTC"),
        ("+00:00", "UTC"),
        ("UTC+5:30", None),
        ("London", "Europe/London"),
    ],
)
def test_resolve_timezone(text: str, zone: str | None) -> None:
    assert resolve_timezone(text) == (zone, ())


def test_resolve_ambiguous_timezone() -> None:
    zone, problems = resolve_timezone("IST")
    assert zone == "Asia/Kolkata"
    assert [problem.code for problem in problems] == ["timezone-ambiguous"]
    assert resolve_timezone("IST", default_timezone="Asia/Jerusalem") == ("Asia/Jerusalem", ())


def test_resolve_unknown_timezone_gives_default() -> None:
    zone, problems = resolve_timezone("Mars Time", default_timezone=KOLKATA, line=4)
    assert zone == KOLKATA
    assert problems == (Problem(4, Code.TIMEZONE, "unknown time zone 'Mars Time'"),)
    assert resolve_timezone("", default_timezone=KOLKATA) == (KOLKATA, ())


# --------------------------------------------------------------------------- when_from_fields


@pytest.mark.parametrize(
    ("fields", "start", "end", "zone"),
    [
        ({"date": dt.date(2024, 9, 12)}, "2024-09-12", None, None),
        ({"date": "2024-09-12"}, "2024-09-12", None, None),
        ({"date": "05/07/2018"}, "2018-07-05", None, None),
        (
            {"date": "2025-10-08 12:00", "default_timezone": "Europe/Paris"},
            "2025-10-08T12:00:00+02:00",
            None,
            "Europe/Paris",
        ),
        (
            {"date": "2021-04-08 16:00:00", "default_timezone": KOLKATA},
            "2021-04-08T16:00:00+05:30",
            None,
            KOLKATA,
        ),
        (
            {"date": dt.date(2025, 3, 6), "time": "1:00 PM ET"},
            "2025-03-06T13:00:00-05:00",
            None,
            "America/New_York",
        ),
        (
            {"date": dt.date(2025, 7, 6), "time": "14:00-15:00", "timezone": "Europe/London"},
            "2025-07-06T14:00:00+01:00",
            "2025-07-06T15:00:00+01:00",
            "Europe/London",
        ),
        ({"date": "2030-06-01T13:00:00Z"}, "2030-06-01T13:00:00+00:00", None, "UTC"),
        (
            {"date": dt.datetime(2030, 6, 1, 13, tzinfo=dt.timezone.utc)},
            "2030-06-01T13:00:00+00:00",
            None,
            "UTC",
        ),
        (
            {"date": dt.datetime(2030, 6, 1, 13, tzinfo=dt.timezone.utc), "timezone": "CEST"},
            "2030-06-01T15:00:00+02:00",
            None,
            "Europe/Berlin",
        ),
        (
            {"date": dt.datetime(2030, 6, 1, 13), "timezone": "Pacific Time"},
            "2030-06-01T13:00:00-07:00",
            None,
            "America/Los_Angeles",
        ),
        (
            {
                "date": dt.datetime(2030, 6, 1, 13, tzinfo=dt.timezone.utc),
                "end": dt.datetime(2030, 6, 1, 15),
            },
            "2030-06-01T13:00:00+00:00",
            "2030-06-01T15:00:00+00:00",
            "UTC",
        ),
        (
            {"date": "2030-06-01T13:00:00Z", "end": "2030-06-01T15:00:00Z"},
            "2030-06-01T13:00:00+00:00",
            "2030-06-01T15:00:00+00:00",
            "UTC",
        ),
        (
            {"date": dt.date(2025, 1, 9), "time": dt.time(10, 30), "end_time": "11:45"},
            "2025-01-09T10:30:00+01:00",
            "2025-01-09T11:45:00+01:00",
            "Europe/Berlin",
        ),
        (
            {"date": dt.date(2025, 1, 9), "time": "22:00", "end_time": "01:00"},
            "2025-01-09T22:00:00+01:00",
            "2025-01-10T01:00:00+01:00",
            "Europe/Berlin",
        ),
        ({"date": "2030-06-01", "end": "2030-06-03"}, "2030-06-01", "2030-06-03", None),
    ],
)
def test_fields(fields: dict[str, object], start: str, end: str | None, zone: str | None) -> None:
    arguments = {"default_timezone": "Europe/Berlin"} if "end_time" in fields else {}
    when = when_from_fields(**{**arguments, **fields})  # type: ignore[arg-type]
    assert (iso(when.start), iso(when.end), when.timezone) == (start, end, zone)
    assert when.problems == ()


@pytest.mark.parametrize(
    ("number", "clock"), [(1030, "10:30"), (930, "09:30"), (14, "14:00"), (10.3, "10:30")]
)
def test_time_written_as_a_number(number: float, clock: str) -> None:
    when = when_from_fields(date=dt.date(2025, 1, 9), time=number, default_timezone=KOLKATA)
    assert iso(when.start) == f"2025-01-09T{clock}:00+05:30"
    ((code, message),) = said(when)
    assert code == "time"
    assert f'write it as "{clock}"' in message


@pytest.mark.parametrize("number", [2400, 1260, 99, -5, 24.5])
def test_number_that_is_no_time(number: float) -> None:
    when = when_from_fields(date=dt.date(2025, 1, 9), time=number, default_timezone=KOLKATA)
    assert type(when.start) is dt.date
    assert said(when) == (("time", f"cannot read a time in {number!r}; ignored"),)


def test_date_only_field_stays_a_date() -> None:
    when = when_from_fields(date=dt.date(2024, 9, 12), default_timezone=KOLKATA)
    assert type(when.start) is dt.date
    assert when.timezone == KOLKATA


def test_field_time_without_zone_and_without_default() -> None:
    when = when_from_fields(date="2025-10-08 12:00")
    assert when.start == dt.datetime(2025, 10, 8, 12)
    assert said(when) == (("timezone", "no time zone given"),)


def test_ambiguous_timezone_field() -> None:
    when = when_from_fields(date=dt.date(2025, 1, 9), time="15:00", timezone="IST")
    assert iso(when.start) == "2025-01-09T15:00:00+05:30"
    assert codes(when) == ["timezone-ambiguous"]
    quiet = when_from_fields(
        date=dt.date(2025, 1, 9), time="15:00", timezone="IST", default_timezone=KOLKATA
    )
    assert quiet.problems == ()


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"date": ["2025-01-09"]}, "date"),
        ({"date": {"day": 9}}, "date"),
        ({"date": True}, "date"),
        ({"date": dt.date(2025, 1, 9), "time": ["15:00"]}, "time"),
        ({"date": dt.date(2025, 1, 9), "time": 5000}, "time"),
        ({"date": dt.date(2025, 1, 9), "end_time": {"h": 1}}, "time"),
        ({"date": dt.date(2025, 1, 9), "timezone": 5}, "timezone"),
        ({"date": "TBA"}, "date"),
        ({"date": dt.date(2025, 1, 9), "time": "after lunch"}, "time"),
    ],
)
def test_wrong_field_values_are_ignored_with_a_problem(
    fields: dict[str, object], code: str
) -> None:
    when = when_from_fields(**fields)  # type: ignore[arg-type]
    assert code in codes(when)
    if "date" in fields and isinstance(fields["date"], dt.date):
        assert when.start == dt.date(2025, 1, 9)
    else:
        assert when.start is None


def test_time_without_date() -> None:
    when = when_from_fields(time="15:00")
    assert when.start is None
    assert codes(when) == ["date"]


def test_unknown_timezone_field_is_reported_once() -> None:
    when = when_from_fields(date=dt.date(2025, 1, 9), time="15:00", timezone="Mars")
    assert said(when) == (("timezone", "unknown time zone 'Mars'"),)


# --------------------------------------------------------------------------- parse_title_date


@pytest.mark.parametrize(
    ("title", "clean", "day"),
    [
        (
            "Machine learning for alloy design and discovery (09/01/25)",
            "Machine learning for alloy design and discovery",
            dt.date(2025, 1, 9),
        ),
        (
            "Grain boundaries in motion  (24/12/20)",
            "Grain boundaries in motion",
            dt.date(2020, 12, 24),
        ),
        ("Phase fields (9/1/2025)  ", "Phase fields", dt.date(2025, 1, 9)),
        ("Seminar: Thin films (3/11/2023)", "Seminar: Thin films", dt.date(2023, 11, 3)),
        ("  No date here  ", "No date here", None),
        ("Talk (Third lecture)", "Talk (Third lecture)", None),
        ("Impossible (31/02/25)", "Impossible (31/02/25)", None),
    ],
)
def test_parse_title_date(title: str, clean: str, day: dt.date | None) -> None:
    assert parse_title_date(title) == (clean, day)


def test_problems_are_at_the_line_of_the_field_they_concern() -> None:
    when = when_from_fields(
        date="Friday, 14 March 2024",
        time="25 o'clock",
        timezone="Mars",
        lines=WhenLines(date=2, time=3, timezone=4),
    )
    assert sorted((p.line, p.code) for p in when.problems) == [
        (2, "weekday"),
        (3, "time"),
        (4, "timezone"),
    ]


def test_problems_of_a_when_section_are_at_its_line() -> None:
    when = parse_when("Friday, 14 March 2024, 3 PM (Mars Time)", line=9)
    assert {p.line for p in when.problems} == {9}
    assert sorted(p.code for p in when.problems) == ["timezone", "weekday"]


@pytest.mark.parametrize(
    "keys",
    [
        'time: "15:00-15:00"',
        'time: "15:00"\nend_time: "14:00"',
        "date_end: 2025-03-01",
        "end: 2025-03-04 14:00:00 +00:00\ntimezone: America/New_York",
    ],
)
def test_an_end_not_after_the_start_is_dropped_with_a_warning(keys: str) -> None:
    text = f"---\ntitle: T\ndate: 2025-03-04\n{keys}\n---\n"
    if "timezone" in keys:
        text = text.replace("date: 2025-03-04", 'date: "2025-03-04 15:00"')
    talk = parse_talk(text, source="t.md", default_timezone="UTC")
    assert talk.start is not None and talk.end is None
    assert [p.code.value for p in talk.problems if p.code.value == "time"] == ["time"]


def test_a_range_past_midnight_still_ends_the_next_day() -> None:
    text = '---\ntitle: T\ndate: 2025-03-04\ntime: "23:00-01:30"\n---\n'
    talk = parse_talk(text, source="t.md", default_timezone="UTC")
    assert isinstance(talk.end, dt.datetime) and talk.end.day == 5


@pytest.mark.parametrize(
    "keys",
    [
        'date: "2025-03-04 25:00"',
        'date: "4 March 2025, 3:75 PM"',
        'date: 2025-03-04\ntime: "24:30"',
    ],
)
def test_a_time_that_cannot_be_is_a_warning(keys: str) -> None:
    talk = parse_talk(f"---\ntitle: T\n{keys}\n---\n", source="t.md", default_timezone="UTC")
    assert talk.start == dt.date(2025, 3, 4)
    [problem] = [p for p in talk.problems if p.code is Code.TIME]
    assert "no such time of day" in problem.message


def test_days_and_a_time_in_the_date_key_are_sessions_as_in_a_when_section() -> None:
    text = '---\ntitle: T\ndate: "4th and 5th March 2025, 4pm-6.30pm"\n---\n'
    talk = parse_talk(text, source="t.md", default_timezone="Europe/London")
    assert [(s.start.day, s.start.hour) for s in talk.sessions] == [(4, 16), (5, 16)]
    assert isinstance(talk.end, dt.datetime) and (talk.end.day, talk.end.hour) == (5, 18)
