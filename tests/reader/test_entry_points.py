"""The reader's entry points: options in one object, and front matter given as a mapping."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from sphinx_seminars.reader import ReaderOptions, parse_talk
from sphinx_seminars.serialize import talk_to_json

BODY = """\
Prose before any heading.

### Abstract
We look at <table><tr><td>cells</td></tr></table> and more.
"""

FILE = (
    """\
---
title: Waves in shallow water
speaker: "Dr. Lena Strom (Harbour Institute)"
date: "2024-05-14 16:00"
venue: Room 12
tags: [waves, fluids]
---
"""
    + BODY
)


def test_options_and_keywords_give_the_same_talk() -> None:
    by_options = parse_talk(
        FILE,
        "waves.md",
        options=ReaderOptions(default_timezone="Europe/Oslo", allow_raw_html=True),
    )
    by_keywords = parse_talk(FILE, "waves.md", default_timezone="Europe/Oslo", allow_raw_html=True)
    assert talk_to_json(by_options) == talk_to_json(by_keywords)
    assert by_options.start == dt.datetime(2024, 5, 14, 16, tzinfo=by_options.start.tzinfo)
    assert by_options.timezone == "Europe/Oslo"
    assert "<table>" in by_options.abstract


def test_a_keyword_stands_in_for_its_option() -> None:
    options = ReaderOptions(default_timezone="Europe/Oslo", allow_raw_html=True)
    talk = parse_talk(FILE, "waves.md", options=options, default_timezone="Asia/Tokyo")
    assert talk.timezone == "Asia/Tokyo"
    assert "<table>" in talk.abstract  # the option not given as a keyword stays


def test_options_are_frozen_and_picklable() -> None:
    options = ReaderOptions(default_timezone="UTC")
    assert pickle.loads(pickle.dumps(options)) == options
    with pytest.raises(AttributeError):
        options.default_timezone = "Asia/Tokyo"  # type: ignore[misc]


def test_front_matter_as_a_mapping_reads_like_the_same_yaml() -> None:
    mapping: dict[str, object] = {
        "title": "Waves in shallow water",
        "speaker": "Dr. Lena Strom (Harbour Institute)",
        "date": "2024-05-14 16:00",
        "venue": "Room 12",
        "tags": ("waves", "fluids"),
    }
    from_text = parse_talk(FILE, "waves.md", default_timezone="UTC")
    from_mapping = parse_talk(
        BODY, "waves.md", front_matter=mapping, body_line=8, default_timezone="UTC"
    )
    assert talk_to_json(from_mapping) == talk_to_json(from_text)
    assert from_mapping.abstract_line == from_text.abstract_line == 11


def test_problems_of_a_mapping_are_at_line_zero_and_its_values_are_not_changed() -> None:
    mapping: dict[str, object] = {"title": "Tides", "speeker": "A. Person", "date": "someday"}
    nested = {"title": "Tides", "links": [{"name": "slides\x1b", "url": "https://x.org/s"}]}
    talk = parse_talk("", "tides.md", front_matter=mapping)
    lines = {p.code: p.line for p in talk.problems}
    assert lines["unknown-key"] == 0
    assert lines["date"] == 0
    assert parse_talk("", front_matter=nested).links == (("slides", "https://x.org/s"),)
    assert nested["links"] == [{"name": "slides\x1b", "url": "https://x.org/s"}]


def test_a_mapping_that_contains_itself_is_cut_not_followed() -> None:
    loop: list[object] = ["x"]
    loop.append(loop)
    talk = parse_talk("", "loop.md", front_matter={"title": "Loop", "tags": loop})
    assert "front-matter" in [p.code for p in talk.problems]
