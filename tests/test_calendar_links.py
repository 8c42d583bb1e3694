"""The "add to calendar" and "subscribe" links, made without a build: times in UTC, days
of whole-day talks, nothing for times that cannot be written."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest

from sphinx_seminars.exports.calendar_links import (
    google_event,
    google_subscribe,
    outlook_event,
    webcal,
)

BERLIN = ZoneInfo("Europe/Berlin")


def query(url: str | None) -> dict[str, list[str]]:
    assert url is not None
    return parse_qs(urlsplit(url).query)


def test_a_timed_talk_is_given_in_utc() -> None:
    start = dt.datetime(2025, 7, 1, 16, 0, tzinfo=BERLIN)
    end = dt.datetime(2025, 7, 1, 17, 30, tzinfo=BERLIN)
    assert query(google_event("Ice", start, end))["dates"] == ["20250701T140000Z/20250701T153000Z"]
    outlook = query(outlook_event("Ice", start, end, location="Hall 2"))
    assert outlook["startdt"] == ["2025-07-01T14:00:00Z"]
    assert outlook["enddt"] == ["2025-07-01T15:30:00Z"]
    assert outlook["location"] == ["Hall 2"]


def test_a_talk_without_an_end_ends_at_its_start() -> None:
    start = dt.datetime(2025, 1, 9, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
    assert query(google_event("T", start, None))["dates"] == ["20250109T043000Z/20250109T043000Z"]


def test_a_workshop_of_days_takes_whole_days() -> None:
    first, last = dt.date(2025, 3, 10), dt.date(2025, 3, 14)
    # Google's end day is the day after the last, as in iCalendar
    assert query(google_event("Course", first, last))["dates"] == ["20250310/20250315"]
    outlook = query(outlook_event("Course", first, last))
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == (
        ["2025-03-10"],
        ["2025-03-14"],
        ["true"],
    )


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.datetime(2025, 1, 9, 10, 0), None),  # no zone: no one knows when
        (dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5))), None),
        (dt.date(9999, 12, 31), None),  # no day after the last one
    ],
)
def test_times_that_cannot_be_written_give_no_link(
    start: dt.datetime | dt.date, end: dt.datetime | None
) -> None:
    assert google_event("T", start, end) is None
    if isinstance(start, dt.datetime):
        assert outlook_event("T", start, end) is None


def test_long_descriptions_are_cut() -> None:
    start = dt.datetime(2025, 7, 1, 16, 0, tzinfo=BERLIN)
    assert len(query(google_event("T", start, None, details="x" * 5000))["details"][0]) == 1000


def test_subscribing_by_address() -> None:
    assert webcal("https://seminars.example.org/seminars.ics") == (
        "webcal://seminars.example.org/seminars.ics"
    )
    assert webcal("seminars.ics") is None
    assert query(google_subscribe("https://x.example.org/a.ics"))["cid"] == [
        "webcal://x.example.org/a.ics"
    ]
