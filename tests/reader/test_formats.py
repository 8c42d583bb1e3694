"""Fidelity: whole talk files in the formats of real sites (files/), read field by field."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from sphinx_seminars.reader import parse_talk, read_talk
from sphinx_seminars.reader.writer import write_talk_file
from sphinx_seminars.serialize import talk_to_json

FILES = Path(__file__).parent / "files"

EXPECTED: dict[str, dict[str, Any]] = {
    "hugoblox-2025.md": {
        "title": "Learning interatomic potentials from sparse data",
        "speakers": [{"name": "Ines Calloway"}],
        "start": "2025-06-03T14:00:00+02:00",  # event_start wins over the page date
        "end": "2025-06-03T15:30:00+02:00",
        "timezone": None,  # only an offset is known
        "venue": "Lecture Hall B",
        "series": "Computational Materials Days 2025",
        "abstract": "Machine-learned potentials need many reference calculations. We show how"
        " active learning cuts that number by an order of magnitude [1].",
        "references": ["A. Moreau, Active learning for potentials, J. Sim. 4, 2024"],
        "links": {
            "slides": "https://example.org/slides.pdf",
            "event": "https://example.org/cmd2025",
            "code": "https://example.org/code",
            "youtube": "https://example.org/video",
        },
        "tags": ["potentials", "active learning"],
        "details": "Slides and a recording will be posted after the event.",
        "codes": [],
    },
    "hugoblox-all-day.md": {
        "title": "Workshop: open data for catalysis",
        "speakers": [{"name": "Tariq Osei"}, {"name": "Mireille Dufour"}],
        "start": "2024-05-06",
        "end": "2024-05-07",
        "series": "Catalysis Open Data Workshop",
        "abstract": "Two days of short talks on sharing catalysis data.",  # abstract: ''
        "codes": [],
    },
    "academic-talk.md": {
        "title": "Topological phases in driven lattices",
        "speakers": [{"name": "Yusuf Adeyemi", "affiliation": "Institute for Quantum Matter"}],
        "start": "2019-03-21T16:00:00+00:00",
        "end": "2019-03-21T17:00:00+00:00",  # the end takes the start's zone
        "timezone": "UTC",
        "venue": "Room 2.14, Physics Building",
        "series": "Condensed Matter Seminar",
        "abstract": "Floquet engineering of band topology.",
        "links": {
            "video": "https://example.org/video/42",
            "poster": "https://example.org/poster.pdf",
        },
        "details": "The talk has three parts: models, experiments, open questions.",
        "codes": [],
    },
    "academicpages-fork.md": {
        "id": "2018-07-05-bayes",
        "start": "2018-07-05",  # "05/07/2018" is day first
        "venue": "Summer School on Uncertainty, Lakeside, Freedonia",
        "kind": "tutorial",
        # the body is the abstract; the excerpt is a teaser
        "abstract": "We calibrate a simple heat-transfer model with PyMC.",
        "links": {
            "slides": "https://example.org/tutorial-slides.pdf",
            "talk": "https://example.org/tutorial",
        },
        "details": "",
        "codes": ["no-speaker"],
    },
    "flat-two-speakers.md": {
        "speakers": [
            {"name": "Priya Natarajan", "honorific": "Dr.", "affiliation": "Marine Institute"},
            {"name": "Tom Wexler", "affiliation": "UCL"},
        ],
        "start": "2025-10-08T14:00:00+01:00",
        "end": "2025-10-08T15:00:00+01:00",
        "timezone": "Europe/London",
        "venue": "Seminar Room 4",
        "online_url": "https://zoom.example.org/j/123",
        "series": "Earth Systems Seminar",
        "links": {"slides": "https://example.org/ocean.pdf"},
        "tags": ["oceans", "turbulence"],
        "codes": [],
    },
    "flat-naive-datetime.md": {
        "speakers": [
            {
                "name": "Mei Tanaka",
                "position": "Research Fellow",
                "affiliation": "Institute of Photonics",
            }
        ],
        "start": "2021-04-08T16:00:00-04:00",
        "timezone": "America/New_York",
        "venue": "Auditorium, North Campus",
        "codes": [],
    },
    "department-course.md": {
        "id": "course-sintering-2023",
        "title": "Short course on sintering",
        "speakers": [
            {
                "name": "Raul Ibarra",
                "honorific": "Prof.",
                "position": "Emeritus Professor",
                "affiliation": "Department of Ceramics, University of Westshire",
            }
        ],
        "kind": "course",
        "start": "2023-03-10T15:45:00+05:30",  # the first session's start
        "end": "2023-03-12T17:15:00+05:30",  # the last session's end
        "sessions": [
            {"start": f"2023-03-{day}T15:45:00+05:30", "end": f"2023-03-{day}T17:15:00+05:30"}
            for day in (10, 11, 12)
        ],
        "venue": "Seminar Hall 1, Dept. of Materials",
        "online_url": "https://teams.example.com/l/meetup-join/abc",
        "bio": "Raul has taught ceramics for thirty years.",
        "details": "**Continuing Education Programme**\n\n**Course Outline**\n\n"
        "- Driving forces\n- Densification models",
        "codes": ["no-abstract"],
    },
    "department-two-speakers.md": {
        "speakers": [
            {
                "name": "Sunil Varma",
                "honorific": "Dr.",
                "position": "Senior Scientist",
                "affiliation": "Coatings Laboratory, National Institute of Surfaces",
            },
            {
                "name": "Lena Hartmann",
                "honorific": "Dr.",
                "position": "Group Leader",
                "affiliation": "Institute of Electrochemistry",
            },
        ],
        "start": "2021-09-21T11:30:00+05:30",
        "end": "2021-09-21T12:30:00+05:30",
        "venue": "Online",
        "online_url": "https://meet.example.org/corrosion",
        "references": [
            "S. Varma, Blistering of epoxy coatings, Corr. Lett. 2, 2019",
            "L. Hartmann, Impedance of coated steel, Electrochem. Rev. 7, 2020",
        ],
        "bio": "Sunil and Lena have worked on coatings together since 2015.",
        "codes": ["weekday"],  # "Tueday"; IST is settled by the site's zone
    },
    "department-mode-online.md": {
        "speakers": [
            {
                "name": "Anika Roy",
                "honorific": "Prof.",
                "affiliation": "Department of Metallurgy, Eastern Technical University",
            }
        ],
        "start": "2022-02-04T16:00:00+05:30",
        "venue": "Online",
        "online_url": "https://teams.example.com/l/meetup-join/xyz",
        "abstract": "Images of microstructures are data. We learn descriptors from them.",
        "bio": "Anika works on image-based materials design.",
        "codes": [],
    },
}
_SPEAKER = {"honorific": None, "position": None, "affiliation": None, "photo": None}
_LINES = {"abstract_line": 0, "bio_line": 0, "details_line": 0}
#: What the writer does not write (a file gives the first start and last end): not compared.
_UNWRITTEN = {"sessions": ()}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_format(name: str) -> None:
    talk = read_talk(FILES / name, default_timezone="Asia/Kolkata")
    data = talk_to_json(talk) | {"details": talk.details}
    expected = dict(EXPECTED[name])
    assert [p.code for p in talk.problems] == expected.pop("codes"), talk.problems
    if "speakers" in expected:
        expected["speakers"] = [_SPEAKER | speaker for speaker in expected["speakers"]]
    assert {key: data[key] for key in expected} == expected


def test_every_file_is_tested() -> None:
    assert sorted(path.name for path in FILES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_line_ends_and_invisible_characters_change_nothing(name: str) -> None:
    text = (FILES / name).read_text(encoding="utf-8")
    plain = parse_talk(text, source=name, default_timezone="Asia/Kolkata")
    messy = "\ufeff" + text.replace("\n", "\r\n").replace("Dr. ", "\u200bDr.\u00a0")
    again = parse_talk(messy, source=name, default_timezone="Asia/Kolkata")
    assert talk_to_json(again) == talk_to_json(plain)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_written_out_reads_back_the_same(name: str) -> None:
    talk = read_talk(FILES / name, default_timezone="Asia/Kolkata")
    again = parse_talk(write_talk_file(talk), source=talk.source)
    assert replace(again, **_LINES, **_UNWRITTEN) == replace(talk, **_LINES, **_UNWRITTEN)
    assert [p.code for p in again.problems if p.code != "no-abstract"] in ([], ["no-speaker"])
