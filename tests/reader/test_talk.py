"""Unit tests of the reader on whole talk files in each format of FORMATS.md (own examples)."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from sphinx_seminars.model import Role, Speaker, Talk
from sphinx_seminars.reader import parse_talk, read_talk
from sphinx_seminars.serialize import talk_to_json

SEED = Path(__file__).parents[2] / "seeds" / "000_8a71cf92728e4c60.txt"


def codes(talk: Talk) -> list[str]:
    return [p.code for p in talk.problems]


def test_seed_file() -> None:
    talk = read_talk(SEED)
    data = talk_to_json(talk)
    assert data["id"] == "keith-09-jan-2025"
    assert data["title"] == (
        "Challenges and opportunities in deep learning for sustainable materials design"
    )
    assert data["speakers"] == [
        {
            "name": "Keith Tobias Butler",
            "honorific": "Dr.",
            "position": "Associate Professor",
            "affiliation": "Department of Chemistry, University College London",
            "photo": None,
        }
    ]
    assert data["start"] == "2025-01-09T15:00:00+05:30"
    assert data["timezone"] == "Asia/Kolkata"
    assert data["venue"] == "KPA Auditorium, Dept. of Materials Engineering, IISc, Bangalore"
    assert data["online_url"] is None
    assert len(data["references"]) == 5
    assert data["references"][0].startswith("Versatile domain mapping")
    assert data["abstract"].startswith("The discovery and design of new materials")
    assert "[5]" in data["abstract"] and "1. Versatile" not in data["abstract"]
    assert data["bio"].startswith("Keith did an undergraduate degree")
    assert data["problems"] == []
    assert pickle.loads(pickle.dumps(talk)) == talk


DEPARTMENT = """\
---
title: "“Defects in layered oxides” (05/03/24)"
permalink: /seminar/mendez-05-mar-2024
last_modified_at: 07-05-2024
---
<b>Materials Colloquium</b>

### Speaker & Affiliation:
\u200bProf.Iris Mendez<br>
Assistant Professor, Department of Physics, Coastal University<br>
Email: iris@example.org<br>

### When ?
5<sup>th</sup> March, 2024 (Tuesday), 11.30 AM to 12.30 PM (India Standard Time)

### Mode
Offline: Room 12, Physics Building<br>
<a href="https://meet.example.org/abc" target="_blank">Join online</a>

### Abstract:Layered oxides host <i>many</i> defects [1].

References:<br>
[1] A. Author, Oxide Letters 1, 2020 [2] B. Author, Oxide Letters 2, 2021

### Brief Bio:
Iris works on oxides.

### Host
Prof. Someone Else
"""


def test_department_style_file() -> None:
    talk = parse_talk(DEPARTMENT, source="talks/2024-03-05-seminar-mendez.md")
    assert talk.id == "mendez-05-mar-2024"
    assert talk.title == "“Defects in layered oxides”"
    assert talk.speakers == (
        Speaker(
            "Iris Mendez",
            "Prof.",
            "Assistant Professor",
            "Department of Physics, Coastal University",
        ),
    )
    assert talk.start == dt.datetime(2024, 3, 5, 11, 30, tzinfo=talk.start.tzinfo)  # type: ignore[union-attr]
    assert (
        isinstance(talk.start, dt.datetime)
        and talk.start.isoformat() == "2024-03-05T11:30:00+05:30"
    )
    assert isinstance(talk.end, dt.datetime) and talk.end.isoformat() == "2024-03-05T12:30:00+05:30"
    assert talk.venue == "Room 12, Physics Building"
    assert talk.online_url == "https://meet.example.org/abc"
    assert talk.series == "Materials Colloquium"
    assert talk.abstract.startswith("Layered oxides host *many* defects [1].")
    assert talk.references == (
        "A. Author, Oxide Letters 1, 2020",
        "B. Author, Oxide Letters 2, 2021",
    )
    assert talk.bio == "Iris works on oxides."
    assert talk.roles == (Role("host", Speaker("Someone Else", "Prof.")),)
    assert "Someone Else" not in talk.details  # read as a role, not kept twice
    assert "<" not in talk.abstract + talk.bio + talk.details
    assert "timezone-ambiguous" not in codes(talk)
    assert codes(talk) == []


def test_line_endings_and_lone_cr() -> None:
    text = DEPARTMENT.replace("\n", "\r\n").replace("### Brief Bio:\r\n", "### Brief Bio:\r")
    talk = parse_talk(text, source="x.md")
    assert talk.bio == "Iris works on oxides."
    assert talk.speakers[0].name == "Iris Mendez"


def test_problems_carry_lines() -> None:
    text = DEPARTMENT.replace("(Tuesday)", "(Thursday)").replace("(05/03/24)", "(06/03/24)")
    talk = parse_talk(text, source="talks/2024-03-07-seminar-mendez.md")
    by_code = {p.code: p.line for p in talk.problems}
    assert by_code["weekday"] == 14
    assert by_code["title-date"] == 2
    assert by_code["filename-date"] == 14


ACADEMICPAGES = """\
---
title: "Talk on sparse solvers"
collection: talks
type: "Invited Seminar"
permalink: /talks/2012-03-01-talk-1
venue: "University of Westshire, Dept. of Mathematics"
date: 2012-03-01
location: "Westshire, UK"
slidesurl: "https://example.org/slides.pdf"
---
We compare [direct](https://example.org) and iterative methods.
"""


def test_academicpages_talk() -> None:
    talk = parse_talk(ACADEMICPAGES, source="_talks/talk-1.md", default_timezone="Europe/London")
    assert talk.id == "2012-03-01-talk-1"
    assert talk.start == dt.date(2012, 3, 1)
    assert type(talk.start) is dt.date
    assert talk.venue == "University of Westshire, Dept. of Mathematics, Westshire, UK"
    assert talk.abstract == "We compare [direct](https://example.org) and iterative methods."
    assert talk.kind == "seminar"
    assert dict(talk.links) == {"slides": "https://example.org/slides.pdf"}
    assert codes(talk) == ["no-speaker"]


def test_academicpages_day_first_string_date() -> None:
    talk = parse_talk(
        ACADEMICPAGES.replace("date: 2012-03-01", 'date: "05/07/2018"'), source="t.md"
    )
    assert talk.start == dt.date(2018, 7, 5)


HUGOBLOX = """\
---
title: Robust optimisation at scale
event: Workshop on Optimisation 2030
event_url: https://example.org/wo2030
location: Conference Centre
address:
  street: 1 Main Street
  city: Springfield
  country: Freedonia
summary: A short summary.
abstract: "Robust optimisation **at scale**."
date: '2030-06-01T13:00:00Z'
date_end: '2030-06-01T15:00:00Z'
all_day: false
publishDate: '2017-01-01T00:00:00Z'
authors: [Grace Nakamura]
tags: [optimisation, robustness]
url_slides: https://example.org/slides
url_video: https://example.org/video
---
Extra page content written below the front matter.
"""


def test_hugoblox_event() -> None:
    talk = parse_talk(HUGOBLOX, source="content/event/example/index.md")
    assert isinstance(talk.start, dt.datetime)
    assert talk.start.isoformat() == "2030-06-01T13:00:00+00:00"
    assert isinstance(talk.end, dt.datetime) and talk.end.isoformat() == "2030-06-01T15:00:00+00:00"
    assert talk.series == "Workshop on Optimisation 2030"
    assert talk.venue == "Conference Centre"
    assert talk.abstract == "Robust optimisation **at scale**."
    assert talk.speakers[0].name == "Grace Nakamura"
    assert talk.tags == ("optimisation", "robustness")
    assert dict(talk.links) == {
        "slides": "https://example.org/slides",
        "video": "https://example.org/video",
        "event": "https://example.org/wo2030",
    }
    assert "Extra page content" in talk.details  # nothing is lost
    assert codes(talk) == []


def test_hugoblox_2025_keys_win_over_page_date() -> None:
    text = HUGOBLOX.replace(
        "date: '2030-06-01T13:00:00Z'", "date: '2029-01-01'\nevent_start: '2030-07-02T09:00:00Z'"
    )
    talk = parse_talk(text, source="x.md")
    assert isinstance(talk.start, dt.datetime)
    assert talk.start.date() == dt.date(2030, 7, 2)


ACADEMIC_TOML = """\
+++
title = "Tensor networks"
event = "Quantum Days"
location = "Room 3"
time_start = 2020-10-15T10:00:00Z
time_end = 2020-10-15T11:30:00
authors = ["Omar Haddad, University of Eastmoor"]
abstract_short = "Tensor networks for everyone."
+++
"""


def test_hugo_academic_toml() -> None:
    talk = parse_talk(ACADEMIC_TOML, source="talk/tensor/index.md")
    assert isinstance(talk.start, dt.datetime) and isinstance(talk.end, dt.datetime)
    assert talk.start.isoformat() == "2020-10-15T10:00:00+00:00"
    assert talk.end.isoformat() == "2020-10-15T11:30:00+00:00"  # end takes the start's zone
    assert talk.speakers == (Speaker("Omar Haddad", None, None, "University of Eastmoor"),)
    assert talk.abstract == "Tensor networks for everyone."
    assert talk.series == "Quantum Days"


FLAT = """\
---
title: Sea ice from space
speaker: Mike Shaw (UCL)
date: 2025-10-08
time: "1:00 PM ET"
room: Hall B
zoom: https://zoom.example.org/j/1
abstract: Sea ice, measured.
bio: Mike measures ice.
series: Earth Seminar
slides: ""
---
"""


def test_flat_front_matter() -> None:
    talk = parse_talk(FLAT, source="flat.md")
    assert talk.speakers == (Speaker("Mike Shaw", None, None, "UCL"),)
    assert isinstance(talk.start, dt.datetime)
    assert talk.start.isoformat() == "2025-10-08T13:00:00-04:00"  # EDT on that date
    assert talk.timezone == "America/New_York"
    assert talk.venue == "Hall B"
    assert talk.online_url == "https://zoom.example.org/j/1"
    assert (talk.abstract, talk.bio, talk.series) == (
        "Sea ice, measured.",
        "Mike measures ice.",
        "Earth Seminar",
    )
    assert talk.links == ()


def test_front_matter_wins_over_body() -> None:
    text = FLAT.replace("---\n\n", "") + "### Abstract\nBody abstract.\n### Venue\nBody venue\n"
    text = FLAT.rstrip("\n") + "\n### Abstract\nBody abstract.\n\n### Venue\nBody venue\n"
    talk = parse_talk(text, source="flat.md")
    assert talk.abstract == "Sea ice, measured."
    assert talk.venue == "Hall B"


def test_yaml_time_written_as_a_number() -> None:
    talk = parse_talk(
        "---\ntitle: T\ndate: 2025-01-02\ntime: 1030\ntimezone: UTC\n---\n", source="t.md"
    )
    assert isinstance(talk.start, dt.datetime) and (talk.start.hour, talk.start.minute) == (10, 30)
    assert [p.line for p in talk.problems if p.code == "time"] == [4]  # the line of "time:"


def test_unknown_key_suggests() -> None:
    talk = parse_talk("---\ntitle: T\nspeakr: X\ndate: 2025-01-02\n---\nText.\n", source="t.md")
    problem = next(p for p in talk.problems if p.code == "unknown-key")
    assert problem.line == 3
    assert "did you mean 'speaker'" in problem.message


@pytest.mark.parametrize(
    ("text", "code", "level"),
    [
        ("---\ntitle: [x\n---\n", "yaml", "error"),
        ("+++\ntitle = \n+++\n", "toml", "error"),
        ("---\ntitle: x\n", "front-matter", "error"),
        ("---\n- a\n- b\n---\n", "front-matter", "error"),
        ("---\nx: !!python/object/apply:os.system ['true']\n---\n", "yaml", "error"),
        ("---\ntitle: T\nspeaker: Ana Ruiz\n---\nText\n", "no-date", "warning"),
        ("---\ntitle: T\n---\nText\n", "not-a-talk", "warning"),
    ],
)
def test_bad_front_matter(text: str, code: str, level: str) -> None:
    talk = parse_talk(text, source="bad.md")
    assert any(p.code == code and p.level == level for p in talk.problems), talk.problems


def test_unreadable_and_binary_files(tmp_path: Path) -> None:
    missing = read_talk(tmp_path / "missing.md")
    assert missing.has_errors and codes(missing) == ["unreadable"]
    binary = tmp_path / "b.md"
    binary.write_bytes(b"\x00\x01\x02")
    assert codes(read_talk(binary)) == ["encoding"]
    latin = tmp_path / "latin.md"
    latin.write_bytes("---\ntitle: Café\n---\n".encode("latin-1"))
    talk = read_talk(latin)
    assert "encoding" in codes(talk) and not talk.has_errors


def test_bom_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf" + FLAT.encode())
    assert read_talk(path).title == "Sea ice from space"


def test_raw_html_never_survives() -> None:
    text = (
        "---\ntitle: T\ndate: 2025-01-02\n---\n### Abstract\n"
        '<script>alert(1)</script><a href="javascript:alert(2)">click</a> '
        "<img src=x onerror=alert(3)> &lt;b&gt; ok\n"
    )
    talk = parse_talk(text, source="t.md")
    assert "alert(1)" not in talk.abstract
    assert "javascript:" not in talk.abstract
    assert "<img" not in talk.abstract and "<" not in talk.abstract.replace("\\<", "")


def test_symbol_font_letters_become_real_characters() -> None:
    body = "### Abstract\nA \uf062-phase alloy, 5 \uf06dm grains.\n"
    text = "---\ntitle: T\ndate: 2025-01-02\n---\n" + body
    talk = parse_talk(text, source="t.md")
    assert talk.abstract == "A β-phase alloy, 5 μm grains."
