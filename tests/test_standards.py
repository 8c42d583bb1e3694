"""The exports checked against their standards with tools the project does not use itself:
the Atom feed with a feed parser and RFC 4287's rules, the JSON-LD against Google's Event
guidelines, the calendars with a second iCalendar parser; and the venue's postal address
from the talk file to the exports."""

from __future__ import annotations

import pytest

from sphinx_seminars.model import Address
from sphinx_seminars.reader import parse_talk
from sphinx_seminars.reader.writer import write_talk_file
from sphinx_seminars.serialize import talk_to_json

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
