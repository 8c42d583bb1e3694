"""The exports checked against their standards with tools the project does not use itself:
the Atom feed with a feed parser and RFC 4287's rules, the JSON-LD against Google's Event
guidelines, the calendars with a second iCalendar parser; and the venue's postal address
from the talk file to the exports."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import pytest
import vobject

from sphinx_seminars.model import Address
from sphinx_seminars.reader import parse_talk
from sphinx_seminars.reader.writer import write_talk_file
from sphinx_seminars.serialize import talk_to_json
from tests.sites import Build, build, talk, write_site

HUGOBLOX_EVENT = """\
---
title: Robust optimisation at scale
location: Conference Centre
address:
  street: 1 Main Street
  city: Springfield
  region: Westshire
  postcode: "12345"
  country: Freedonia
date: '2030-06-01T13:00:00Z'
authors: [Grace Nakamura]
---
"""


# -- the venue's postal address ---------------------------------------------------------------


def test_hugoblox_address_is_read_in_parts_and_the_venue_text_stays() -> None:
    talk = parse_talk(HUGOBLOX_EVENT, source="event.md")
    assert talk.venue == "Conference Centre"
    parts = ("1 Main Street", "Springfield", "Westshire", "12345", "Freedonia")
    assert talk.address == Address(*parts)
    assert talk_to_json(talk)["address"] == {
        "street": "1 Main Street",
        "city": "Springfield",
        "region": "Westshire",
        "postcode": "12345",
        "country": "Freedonia",
    }


def test_an_address_alone_is_also_the_venue_text() -> None:
    text = HUGOBLOX_EVENT.replace("location: Conference Centre\n", "")
    talk = parse_talk(text, source="event.md")
    assert talk.venue == "1 Main Street, Springfield, Westshire, 12345, Freedonia"
    assert talk.address is not None and talk.address.city == "Springfield"


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("{addressLocality: Pune, postalCode: 411007}", Address(city="Pune", postcode="411007")),
        ("{city: '<b>Pune</b>', street: [1, 2]}", Address(city="Pune")),
        ("{note: by the lake}", None),
        ("12 Quay Road", None),  # text: the venue, not an address in parts
    ],
)
def test_address_parts(address: str, expected: Address | None) -> None:
    talk = parse_talk(
        f"---\ntitle: T\nspeaker: A B\ndate: 2025-01-09\naddress: {address}\n---\n", source="t.md"
    )
    assert talk.address == expected


def test_written_address_reads_back_the_same() -> None:
    talk = parse_talk(HUGOBLOX_EVENT.replace("1 Main", "1 <Main> & Sons"), source="event.md")
    assert talk.address is not None and talk.address.street == "1 & Sons Street"  # <Main> is a tag
    again = parse_talk(write_talk_file(talk, path="event.md"), source="event.md")
    assert again.address == talk.address and again.venue == talk.venue


# -- a site with the talks the standards care about ------------------------------------------

#: The smallest PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)
TALKS: dict[str, str | bytes] = {
    # 00:30 on the night the clocks go forward: an hour later is 02:30 summer time
    "2025-03-30-marchand.md": talk(
        "Clocks that skip an hour",
        speaker="Prof. Élodie Marchand",
        date="2025-03-30",
        time='"00:30"',
        extra="abstract: Time zones and their rules.\naddress:\n  street: 1 Main Street\n"
        "  city: Springfield\n  region: Westshire\n  postcode: '12345'\n  country: GB\n",
    ),
    "2025-01-09-rao.md": talk(
        "Crystals in Bangalore",
        speaker="Dr. Priya Rao, IISc & Dr. Arun Das, IIT",
        date="2025-01-09",
        time='"15:00"',
        extra="timezone: Asia/Kolkata\nonline_url: https://meet.example.org/rao\n"
        "abstract: Growing crystals.\nimage: https://cdn.example.org/rao.jpg\n",
    ),
    "2025-02-01-open-day.md": (
        '---\ntitle: Open day of the department\ndate: 2025-02-01\ntime: "10:00"\n'
        "end_time: '12:00'\nvenue: Main Building\nabstract: Tours of the labs.\n---\n"
    ),
    "2025-04-10-ortiz.md": talk(
        "Remote sensing of ice",
        speaker="Dr. Ana Ortiz",
        date="2025-04-10",
        time='"16:00"',
        extra="abstract: Ice from above.\n",
    ).replace("venue: Hall 3", "venue: Online"),
    "2025-05-05-lee.md": (
        "---\ntitle: A workshop day\nspeaker: Kim Lee\ndate: 2025-05-05\nvenue: Hall 3\n"
        "abstract: All day long.\nimage: img/poster.png\n---\n"
    ),
    "img/poster.png": PNG,
    "2025-06-10-park.md": (
        "---\ntitle: Offsets only\nspeaker: Jo Park\ndate: 2025-06-10T10:00:00+02:00\n"
        "venue: Hall 3\nabstract: An offset and no zone.\n---\n"
    ),
}
IDS = [name.removesuffix(".md") for name in TALKS if name.endswith(".md")]
HOST = "seminars.example.org"
SETTINGS = """
seminar_organizer = {"name": "Department of Physics", "url": "https://physics.example.org/"}
seminar_image = ["_static/talks-16x9.png", "https://cdn.example.org/talks-1x1.png"]
seminar_venue_address = {"street": "2 College Road", "city": "Springfield", "country": "GB"}
seminar_feed = {"title": "Physics seminars", "author": "Seminar committee", "link": "archive.html"}
"""


def _site(folder: Path, conf: str = "") -> Build:
    result = build(write_site(folder, TALKS, conf=conf))
    expected = "talks/2025-02-01-open-day.md:1: WARNING: no speaker"  # the open day has none
    others = [line for line in result.warnings.splitlines() if not line.startswith(expected)]
    assert result.status == 0 and others == [], result.warnings
    return result


@pytest.fixture(scope="module")
def configured(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site with every setting of the standards given."""
    return _site(tmp_path_factory.mktemp("configured"), SETTINGS)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site with the defaults."""
    return _site(tmp_path_factory.mktemp("plain"))


# -- Atom: a feed parser, and the rules of RFC 4287 -------------------------------------------

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")


def _is_absolute_iri(text: str) -> bool:
    return bool(urlsplit(text).scheme) and not re.search(r"[\s<>\"{}|\\^`]", text)


def atom_problems(document: bytes) -> list[str]:
    """What a feed breaks of RFC 4287's "MUST"s (sections 4.1.1, 4.1.2, 4.2.1, 4.2.6, 4.2.7,
    3.3): one id, title and updated per feed and entry; an author on the feed or on every
    entry; an alternate link on entries without content; ids absolute IRIs; dates RFC 3339;
    no two alternate links of one type and language."""
    root = ElementTree.fromstring(document)
    problems: list[str] = []
    if root.tag != f"{A}feed":
        return [f"the root is {root.tag}, not atom:feed"]

    def common(element: ElementTree.Element, where: str) -> None:
        for name in ("id", "title", "updated"):
            count = len(element.findall(f"{A}{name}"))
            if count != 1:
                problems.append(f"{where}: {count} atom:{name}, not one")
        for found in element.findall(f"{A}id"):
            if not _is_absolute_iri(found.text or ""):
                problems.append(f"{where}: id {found.text!r} is not an absolute IRI")
        for found in element.findall(f"{A}updated"):
            if not RFC3339.fullmatch(found.text or ""):
                problems.append(f"{where}: updated {found.text!r} is not RFC 3339")
        for author in element.findall(f"{A}author"):
            if len(author.findall(f"{A}name")) != 1:
                problems.append(f"{where}: an author without exactly one name")
        alternates = [
            (link.get("type"), link.get("hreflang"))
            for link in element.findall(f"{A}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        if len(alternates) != len(set(alternates)):
            problems.append(f"{where}: two alternate links of one type and language")
        if any(not link.get("href") for link in element.findall(f"{A}link")):
            problems.append(f"{where}: a link without href")

    common(root, "feed")
    feed_author = root.find(f"{A}author") is not None
    for number, entry in enumerate(root.findall(f"{A}entry"), start=1):
        where = f"entry {number}"
        common(entry, where)
        if not feed_author and entry.find(f"{A}author") is None:
            problems.append(f"{where}: no author, and the feed has none")
        alternate = [
            link
            for link in entry.findall(f"{A}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        if entry.find(f"{A}content") is None and not alternate:
            problems.append(f"{where}: no content and no alternate link")
    return problems


def test_atom_feed_is_valid_for_a_feed_parser_and_rfc_4287(configured: Build) -> None:
    path = configured.outdir / "seminars.atom"
    assert atom_problems(path.read_bytes()) == []
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    feed = parsed.feed
    assert feed.title == "Physics seminars"
    assert feed.author_detail.name == "Seminar committee"
    assert feed.author_detail.href == "https://physics.example.org/"
    assert feed.link == f"https://{HOST}/archive.html"
    assert feed.id == f"https://{HOST}/"
    entries = {entry.id: entry for entry in parsed.entries}
    assert set(entries) == {f"https://{HOST}/talks/{name}.html" for name in IDS}
    rao = entries[f"https://{HOST}/talks/2025-01-09-rao.html"]
    assert [a.name for a in rao.authors] == ["Priya Rao", "Arun Das"]
    assert rao.link == f"https://{HOST}/talks/2025-01-09-rao.html"
    assert "Growing crystals." in rao.summary
    assert rao.updated_parsed is not None
    # a talk without a speaker: its entry has no author of its own; the feed's stands for it
    assert "author" not in entries[f"https://{HOST}/talks/2025-02-01-open-day.html"]


def test_atom_feed_defaults_come_from_the_project(plain: Build) -> None:
    parsed = feedparser.parse((plain.outdir / "seminars.atom").read_bytes())
    assert parsed.bozo == 0
    assert parsed.feed.title == "Test seminars: seminars"
    assert parsed.feed.author_detail.name == "Test seminars"
    assert parsed.feed.author_detail.href == f"https://{HOST}/"
    assert parsed.feed.link == f"https://{HOST}/"


def test_atom_feed_without_a_base_url_is_valid_too(tmp_path: Path) -> None:
    result = _site(tmp_path, "seminar_baseurl = None\n")
    document = (result.outdir / "seminars.atom").read_bytes()
    assert atom_problems(document) == []
    parsed = feedparser.parse(document)
    assert parsed.bozo == 0
    ids = sorted(entry.id for entry in parsed.entries)
    assert ids == sorted(f"tag:test-seminars,2000:{name}" for name in IDS)
    assert parsed.entries[0].link.startswith("talks/")


def test_atom_ids_and_links_are_iris_whatever_the_file_name(tmp_path: Path) -> None:
    result = build(write_site(tmp_path, {"a talk with spaces.md": talk("Spaces")}))
    document = (result.outdir / "seminars.atom").read_bytes()
    assert atom_problems(document) == []
    assert b"talks/a%20talk%20with%20spaces.html" in document


# -- JSON-LD: Google's Event guidelines -------------------------------------------------------

#: Google's Event structured data: what it requires, and what it recommends.
REQUIRED = ("name", "startDate", "location")
RECOMMENDED = (
    "description",
    "endDate",
    "eventAttendanceMode",
    "eventStatus",
    "image",
    "offers",
    "organizer",
    "performer",
    "previousStartDate",
)
#: What a talk file never says: tickets and prices, and the start of a rescheduled event.
NEVER_KNOWN = {"offers", "previousStartDate"}
STATUSES = {"EventScheduled", "EventCancelled", "EventPostponed", "EventRescheduled"}
STATUSES |= {"EventMovedOnline"}
MODES = {"Offline", "Online", "Mixed"}
POSTAL = ("streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry")
ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z))?")


def _moment(text: str) -> dt.datetime | dt.date:
    return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)


def event_problems(event: dict[str, Any]) -> list[str]:
    """What an Event breaks of Google's guidelines: a required property missing, or a
    property of the wrong shape (a Place without address, an online place without url, a
    date without offset, an attendance mode that contradicts the locations, ...)."""
    problems = [f"required {name} missing" for name in REQUIRED if name not in event]
    if event.get("@context") != "https://schema.org" or event.get("@type") != "Event":
        problems.append("not a schema.org Event")
    for key in ("startDate", "endDate"):
        if key in event and not ISO_MOMENT.fullmatch(event[key]):
            problems.append(f"{key} {event[key]!r} is not ISO 8601 with an offset")
    if "startDate" in event and "endDate" in event:
        start, end = _moment(event["startDate"]), _moment(event["endDate"])
        if type(start) is not type(end) or end < start:  # type: ignore[operator]
            problems.append("endDate before startDate, or of another kind")
    locations = event.get("location", [])
    locations = locations if isinstance(locations, list) else [locations]
    for place in locations:
        if place.get("@type") == "Place":
            if not place.get("name"):
                problems.append("a Place without name")
            address = place.get("address")
            if not address:
                problems.append("a Place without address")
            elif isinstance(address, dict) and (
                address.get("@type") != "PostalAddress" or not set(address) & set(POSTAL)
            ):
                problems.append(f"not a PostalAddress: {address}")
        elif place.get("@type") == "VirtualLocation":
            if not str(place.get("url", "")).startswith("https://"):
                problems.append("a VirtualLocation without url")
        else:
            problems.append(f"a location of type {place.get('@type')}")
    kinds = {place.get("@type") for place in locations}
    expected = "Mixed" if len(kinds) == 2 else "Online" if "VirtualLocation" in kinds else "Offline"
    if event.get("eventAttendanceMode") != f"https://schema.org/{expected}EventAttendanceMode":
        problems.append(f"eventAttendanceMode {event.get('eventAttendanceMode')} for {kinds}")
    status = str(event.get("eventStatus", "")).removeprefix("https://schema.org/")
    if status and status not in STATUSES:
        problems.append(f"eventStatus {status}")
    organizer = event.get("organizer", {})
    if organizer and (
        organizer.get("@type") not in ("Organization", "Person") or not organizer.get("name")
    ):
        problems.append(f"organizer {organizer}")
    if any(not person.get("name") for person in event.get("performer", [])):
        problems.append("a performer without name")
    images = event.get("image", [])
    if any(not str(image).startswith("https://") for image in images):
        problems.append(f"an image that is not an absolute address: {images}")
    return problems


def missing_recommended(event: dict[str, Any]) -> set[str]:
    return {name for name in RECOMMENDED if name not in event} - NEVER_KNOWN


def events_of(page: str) -> list[dict[str, Any]]:
    head = page[: page.index("</head>")]
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    found: list[dict[str, Any]] = []
    for script in scripts:
        data = json.loads(script)
        found.extend(data if isinstance(data, list) else [data])
    return found


def event_of(result: Build, name: str) -> dict[str, Any]:
    [event] = events_of(result.read(f"talks/{name}.html"))
    return event


def test_jsonld_meets_googles_event_guidelines(configured: Build) -> None:
    for name in IDS:
        event = event_of(configured, name)
        assert event_problems(event) == [], name
        # a talk without a speaker has no performer; nothing else recommended is missing
        allowed = {"performer"} if name == "2025-02-01-open-day" else set()
        assert missing_recommended(event) == allowed, name


def test_jsonld_of_the_defaults_meets_them_too(plain: Build) -> None:
    for name in IDS:
        event = event_of(plain, name)
        assert event_problems(event) == [], name
        pictured = name in ("2025-01-09-rao", "2025-05-05-lee")  # no images of the site
        allowed = (set() if pictured else {"image"}) | (
            {"performer"} if name == "2025-02-01-open-day" else set()
        )
        assert missing_recommended(event) == allowed, name
    organizer = event_of(plain, "2025-05-05-lee")["organizer"]
    assert organizer == {
        "@type": "Organization",
        "name": "Test seminars",
        "url": f"https://{HOST}/",
    }


def test_jsonld_end_is_in_real_time_across_a_clock_change(configured: Build) -> None:
    marchand = event_of(configured, "2025-03-30-marchand")
    assert marchand["startDate"] == "2025-03-30T00:30:00+00:00"
    assert marchand["endDate"] == "2025-03-30T02:30:00+01:00"  # 60 minutes later
    rao = event_of(configured, "2025-01-09-rao")
    assert (rao["startDate"], rao["endDate"]) == (
        "2025-01-09T15:00:00+05:30",
        "2025-01-09T16:00:00+05:30",
    )
    assert event_of(configured, "2025-02-01-open-day")["endDate"] == "2025-02-01T12:00:00+00:00"
    park = event_of(configured, "2025-06-10-park")
    assert park["endDate"] == "2025-06-10T11:00:00+02:00"
    lee = event_of(configured, "2025-05-05-lee")  # a day: it ends that day
    assert (lee["startDate"], lee["endDate"]) == ("2025-05-05", "2025-05-05")


def test_jsonld_without_a_default_duration_has_only_written_ends(tmp_path: Path) -> None:
    result = _site(tmp_path, "seminar_default_duration = 0\n")
    assert "endDate" not in event_of(result, "2025-03-30-marchand")
    assert event_of(result, "2025-02-01-open-day")["endDate"] == "2025-02-01T12:00:00+00:00"
    assert event_problems(event_of(result, "2025-03-30-marchand")) == []


def test_jsonld_postal_address_of_the_talk_else_of_the_site(
    configured: Build, plain: Build
) -> None:
    own = event_of(configured, "2025-03-30-marchand")["location"]
    assert own == {
        "@type": "Place",
        "name": "Hall 3",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "1 Main Street",
            "addressLocality": "Springfield",
            "addressRegion": "Westshire",
            "postalCode": "12345",
            "addressCountry": "GB",
        },
    }
    site = event_of(configured, "2025-05-05-lee")["location"]
    assert site["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "2 College Road",
        "addressLocality": "Springfield",
        "addressCountry": "GB",
    }
    # no address known: the venue text, which schema.org allows
    assert event_of(plain, "2025-05-05-lee")["location"]["address"] == "Hall 3"


def test_jsonld_performers_organizer_and_images(configured: Build) -> None:
    rao = event_of(configured, "2025-01-09-rao")
    assert rao["performer"] == [
        {
            "@type": "Person",
            "name": "Priya Rao",
            "honorificPrefix": "Dr.",
            "affiliation": {"@type": "Organization", "name": "IISc"},
        },
        {
            "@type": "Person",
            "name": "Arun Das",
            "honorificPrefix": "Dr.",
            "affiliation": {"@type": "Organization", "name": "IIT"},
        },
    ]
    assert rao["organizer"] == {
        "@type": "Organization",
        "name": "Department of Physics",
        "url": "https://physics.example.org/",
    }
    assert rao["image"] == [  # the talk's own picture first
        "https://cdn.example.org/rao.jpg",
        f"https://{HOST}/_static/talks-16x9.png",
        "https://cdn.example.org/talks-1x1.png",
    ]
    lee = event_of(configured, "2025-05-05-lee")  # a local picture, where the build put it
    assert lee["image"][0] == f"https://{HOST}/_images/poster.png"
    assert (configured.outdir / "_images" / "poster.png").read_bytes() == PNG
    assert rao["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert rao["location"][1] == {"@type": "VirtualLocation", "url": "https://meet.example.org/rao"}
    assert rao["description"] == "Growing crystals."


def test_jsonld_online_talk_without_a_published_link_points_to_its_page(configured: Build) -> None:
    ortiz = event_of(configured, "2025-04-10-ortiz")
    assert ortiz["location"] == {
        "@type": "VirtualLocation",
        "url": f"https://{HOST}/talks/2025-04-10-ortiz.html",
    }
    assert ortiz["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_jsonld_status_of_cancelled_postponed_and_rescheduled_talks(tmp_path: Path) -> None:
    def moved(name: str, extra: str) -> str:
        return talk(name, date="2025-03-04", time='"15:00"', extra=f"abstract: A.\n{extra}")

    talks: dict[str, str | bytes] = {
        "cancelled.md": moved("Cancelled", "status: cancelled\n"),
        "postponed.md": moved("Postponed", "status: postponed\n"),
        "later.md": moved("Later", "rescheduled_to: '2025-04-01 16:30'\n"),
        "replaced.md": moved("Replaced", "rescheduled_to: replacement\n"),
        "replacement.md": talk(
            "Replacement", date="2025-05-06", time='"11:00"', extra="abstract: B.\n"
        ),
    }
    result = build(write_site(tmp_path, talks))
    assert result.status == 0, result.warnings
    events = {
        name: event_of(result, name) for name in ("cancelled", "postponed", "later", "replaced")
    }
    for event in events.values():
        assert event_problems(event) == [], event
    status = {
        name: event["eventStatus"].removeprefix("https://schema.org/")
        for name, event in events.items()
    }
    assert status == {
        "cancelled": "EventCancelled",
        "postponed": "EventPostponed",
        "later": "EventRescheduled",
        "replaced": "EventRescheduled",
    }
    assert events["cancelled"]["startDate"] == "2025-03-04T15:00:00+00:00"
    assert "previousStartDate" not in events["postponed"]
    later = events["later"]  # at its new time, an hour long, the old time given
    assert (later["startDate"], later["endDate"]) == (
        "2025-04-01T16:30:00+01:00",
        "2025-04-01T17:30:00+01:00",
    )
    assert later["previousStartDate"] == "2025-03-04T15:00:00+00:00"
    replaced = events["replaced"]  # at the time of the talk that replaces it
    assert replaced["startDate"] == "2025-05-06T11:00:00+01:00"
    assert replaced["previousStartDate"] == "2025-03-04T15:00:00+00:00"


def test_jsonld_addresses_without_a_base_url_are_relative_to_the_page(tmp_path: Path) -> None:
    result = _site(tmp_path, SETTINGS + "seminar_baseurl = None\n")
    event = event_of(result, "2025-05-05-lee")
    assert event["url"] == "2025-05-05-lee.html"  # the page is talks/2025-05-05-lee.html
    assert event["image"][:2] == ["../_images/poster.png", "../_static/talks-16x9.png"]


# -- iCalendar: a second parser ---------------------------------------------------------------

UTC = dt.timezone.utc


def _calendar(result: Build, path: str) -> Any:
    return vobject.readOne(result.read(path))


def _zones(calendar: Any) -> dict[str, dt.tzinfo]:
    """The calendar's own VTIMEZONEs as time zones, by TZID."""
    return {z.tzid.value: z.gettzinfo() for z in calendar.contents.get("vtimezone", [])}


def _tzid(prop: Any) -> str | None:
    """The TZID of a DTSTART or DTEND (the parser keeps it under a name of its own)."""
    found = prop.params.get("X-VOBJ-ORIGINAL-TZID") or prop.params.get("TZID") or [None]
    return str(found[0]) if found[0] else None


def _when(prop: Any, zones: dict[str, dt.tzinfo]) -> dt.datetime | dt.date:
    """A DTSTART or DTEND as the calendar's own VTIMEZONE says, not the parser's zone
    database: what a calendar program that knows no zone names reads."""
    tzid = _tzid(prop)
    return prop.value.replace(tzinfo=zones[tzid]) if tzid else prop.value


def test_calendar_read_by_a_second_parser(configured: Build) -> None:
    calendar = _calendar(configured, "seminars.ics")
    zones = _zones(calendar)
    events = {event.uid.value: event for event in calendar.vevent_list}
    assert set(events) == {f"{name}@{HOST}" for name in IDS}  # one UID per talk, stable

    def when(name: str) -> tuple[Any, Any]:
        event = events[f"{name}@{HOST}"]
        return _when(event.dtstart, zones), _when(event.dtend, zones)

    def in_utc(name: str) -> tuple[dt.datetime, dt.datetime]:
        start, end = when(name)
        return start.astimezone(UTC), end.astimezone(UTC)

    # in the talk's zone (TZID and a VTIMEZONE), an hour long in real time: 00:30 GMT to
    # 02:30 summer time
    marchand = events[f"2025-03-30-marchand@{HOST}"]
    assert (_tzid(marchand.dtstart), _tzid(marchand.dtend)) == ("Europe/London",) * 2
    start, end = when("2025-03-30-marchand")
    assert (start.utcoffset(), end.utcoffset()) == (dt.timedelta(0), dt.timedelta(hours=1))
    assert (start.hour, start.minute, end.hour, end.minute) == (0, 30, 2, 30)
    assert in_utc("2025-03-30-marchand") == (
        dt.datetime(2025, 3, 30, 0, 30, tzinfo=UTC),
        dt.datetime(2025, 3, 30, 1, 30, tzinfo=UTC),
    )
    assert _tzid(events[f"2025-01-09-rao@{HOST}"].dtstart) == "Asia/Kolkata"
    assert in_utc("2025-01-09-rao") == (
        dt.datetime(2025, 1, 9, 9, 30, tzinfo=UTC),
        dt.datetime(2025, 1, 9, 10, 30, tzinfo=UTC),
    )
    assert in_utc("2025-02-01-open-day") == (
        dt.datetime(2025, 2, 1, 10, 0, tzinfo=UTC),
        dt.datetime(2025, 2, 1, 12, 0, tzinfo=UTC),
    )
    # only an offset: in UTC, so that no calendar guesses a zone
    park = events[f"2025-06-10-park@{HOST}"]
    assert _tzid(park.dtstart) is None and park.dtstart.value.utcoffset() == dt.timedelta(0)
    assert in_utc("2025-06-10-park")[0] == dt.datetime(2025, 6, 10, 8, 0, tzinfo=UTC)
    # a day: an all-day event
    assert when("2025-05-05-lee") == (dt.date(2025, 5, 5), dt.date(2025, 5, 6))


def test_calendar_time_zones_say_when_the_clocks_change(configured: Build) -> None:
    """The VTIMEZONEs written, read by the second parser, give the right offsets on both
    sides of a change of the clocks: a calendar that reads only them gets the times right."""
    zones = _zones(_calendar(configured, "seminars.ics"))
    assert set(zones) == {"Europe/London", "Asia/Kolkata"}
    london, kolkata = zones["Europe/London"], zones["Asia/Kolkata"]
    assert dt.datetime(2025, 3, 30, 0, 30, tzinfo=london).utcoffset() == dt.timedelta(0)
    assert dt.datetime(2025, 3, 30, 2, 30, tzinfo=london).utcoffset() == dt.timedelta(hours=1)
    assert dt.datetime(2025, 10, 26, 2, 30, tzinfo=london).utcoffset() == dt.timedelta(0)
    assert dt.datetime(2025, 1, 9, 15, 0, tzinfo=kolkata).utcoffset() == dt.timedelta(
        hours=5, minutes=30
    )


def test_each_talk_calendar_has_the_talks_uid_and_times(configured: Build) -> None:
    calendar = _calendar(configured, "seminars.ics")
    zones = _zones(calendar)
    site = {e.uid.value: e for e in calendar.vevent_list}
    for name in IDS:
        own = _calendar(configured, f"_ics/{name}.ics")
        [event] = own.vevent_list
        assert event.uid.value == f"{name}@{HOST}"
        same, own_zones = site[event.uid.value], _zones(own)
        assert _when(event.dtstart, own_zones) == _when(same.dtstart, zones)
        assert _when(event.dtend, own_zones) == _when(same.dtend, zones)
        assert f"https://{HOST}/talks/{name}.html" in event.description.value


# -- the settings -----------------------------------------------------------------------------


def test_bad_values_of_the_standards_settings_warn_and_are_left_out(tmp_path: Path) -> None:
    conf = (
        'seminar_organizer = {"name": "Physics", "url": "ftp://physics.example.org", "x": "y"}\n'
        'seminar_image = ["javascript:alert(1)", "../up.png", "_static/ok.png", 3]\n'
        'seminar_feed = "Physics seminars"\n'
        'seminar_venue_address = {"city": "Springfield", "street": ""}\n'
    )
    result = build(write_site(tmp_path, {"t.md": talk(extra="abstract: A.\n")}, conf=conf))
    warnings = [line for line in result.warnings.splitlines() if "[seminar.config]" in line]
    assert sorted(warnings) == sorted(
        [
            "WARNING: seminar_organizer: 'url': 'ftp://physics.example.org' (not an http(s) "
            "address) left out [seminar.config]",
            "WARNING: seminar_organizer: 'x' (not one of name, url, type) left out "
            "[seminar.config]",
            "WARNING: seminar_image: 'javascript:alert(1)' (not an http(s) address or a path "
            "from the site root) left out [seminar.config]",
            "WARNING: seminar_image: '../up.png' (not an http(s) address or a path from the "
            "site root) left out [seminar.config]",
            "WARNING: seminar_image: 3 (not an http(s) address or a path from the site root) "
            "left out [seminar.config]",
            "WARNING: seminar_feed: must map some of title, author, link to text; using {} "
            "[seminar.config]",
            "WARNING: seminar_venue_address: 'street': '' (not text) left out [seminar.config]",
        ]
    )
    [event] = events_of(result.read("talks/t.html"))
    assert event["organizer"] == {
        "@type": "Organization",
        "name": "Physics",
        "url": f"https://{HOST}/",
    }
    assert event["image"] == [f"https://{HOST}/_static/ok.png"]
    assert event["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Springfield",
    }
    assert feedparser.parse(result.read("seminars.atom")).feed.title == "Test seminars: seminars"
