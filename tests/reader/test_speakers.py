"""Tests for reading speakers from speaker sections and front-matter values."""

from __future__ import annotations

import pytest

from sphinx_seminars.model import Speaker
from sphinx_seminars.reader import parse_talk
from sphinx_seminars.reader.speakers import (
    parse_speaker_block,
    parse_speaker_value,
    split_honorific,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Maria Olsen", ("Dr.", "Maria Olsen")),
        ("Apl. Prof. Dr. Hans Weber", ("Apl. Prof. Dr.", "Hans Weber")),
        ("Prof.Lena Moretti", ("Prof.", "Lena Moretti")),
        ("Prof Arjun Mehra", ("Prof", "Arjun Mehra")),
        ("Professor Clara Boyd", ("Professor", "Clara Boyd")),
        ("Sri. K. R. Iyer", ("Sri.", "K. R. Iyer")),
        ("Dr. Ing. Jonas Keller", ("Dr. Ing.", "Jonas Keller")),
        ("Prof. Dr.-Ing. Uwe Brandt", ("Prof. Dr.-Ing.", "Uwe Brandt")),
        ("Mr Tomas Lind", ("Mr", "Tomas Lind")),
        ("Ms Ana Ruiz", ("Ms", "Ana Ruiz")),
        ("Mrs. Eva Holm", ("Mrs.", "Eva Holm")),
        ("Dr Omar Haddad", ("Dr", "Omar Haddad")),
        ("Nina Petrova", (None, "Nina Petrova")),
        ("Drew Carter", (None, "Drew Carter")),
        ("Professorson Lee", (None, "Professorson Lee")),
        ("Dr.", (None, "Dr.")),
        ("  Dr.   Ravi   Kumar, ", ("Dr.", "Ravi Kumar")),
        ("Paul Grey PhD SFHEA", (None, "Paul Grey")),
        ("Prof. Ivan Novak D.Sci, Ph.D., E. Eng.", ("Prof.", "Ivan Novak")),
        ("Dr. Lucy Hart FRS", ("Dr.", "Lucy Hart")),
        ("Dr. Maya Sen (Mimi)", ("Dr.", "Maya Sen (Mimi)")),
        ("Dr. Jose\u0301 Nu\u0301n\u0303ez", ("Dr.", "Jos\u00e9 N\u00fa\u00f1ez")),
    ],
)
def test_split_honorific(text: str, expected: tuple[str | None, str]) -> None:
    assert split_honorific(text) == expected


def _one(lines: list[str]) -> Speaker:
    speakers = parse_speaker_block(lines)
    assert len(speakers) == 1
    return speakers[0]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            [
                "Dr. Ellen Marsh",
                "Associate Professor, Department of Physics, University of Northbridge",
            ],
            Speaker(
                "Ellen Marsh",
                "Dr.",
                "Associate Professor",
                "Department of Physics, University of Northbridge",
            ),
            id="title-comma-institution",
        ),
        pytest.param(
            [
                "Prof. Omar Fadel",
                "",
                "Materials Theory Unit",
                "",
                "Westlake Institute of Science (WIS)",
                "",
                "Harbour City 400100, Freedonia",
                "",
                "Website: https://wis.example.org/fadel",
                "",
                "Email: fadel@wis.example.org",
                "",
            ],
            Speaker(
                "Omar Fadel",
                "Prof.",
                None,
                "Materials Theory Unit, Westlake Institute of Science (WIS), "
                "Harbour City 400100, Freedonia",
            ),
            id="contact-lines-dropped",
        ),
        pytest.param(
            [
                "Prof. Nell Kaur",
                "Coastline University, Portsmouth",
                "n.kaur@coastline.example.ac.uk",
                "https://example.org/~nkaur",
            ],
            Speaker("Nell Kaur", "Prof.", None, "Coastline University, Portsmouth"),
            id="bare-email-and-url-dropped",
        ),
        pytest.param(
            [
                "Prof. Hanna Berg",
                "",
                "John Q. Whitfield",
                "",
                "Professor of Chemical Engineering",
                "",
                "Lakeside University",
                "",
                "Ohio, USA",
            ],
            Speaker(
                "Hanna Berg",
                "Prof.",
                "John Q. Whitfield Professor of Chemical Engineering",
                "Lakeside University, Ohio, USA",
            ),
            id="named-chair-over-two-lines",
        ),
        pytest.param(
            [
                "Prof. Ada Quinn",
                "Distinguished Professor of Physics",
                "& Associate Dean of Science",
                "",
                "Professor of Chemistry",
                "",
                "Riverside University",
            ],
            Speaker(
                "Ada Quinn",
                "Prof.",
                "Distinguished Professor of Physics & Associate Dean of Science, "
                "Professor of Chemistry",
                "Riverside University",
            ),
            id="several-title-lines",
        ),
        pytest.param(
            [
                "Prof. K L Rao",
                "",
                "Professor in Department of Chemistry,",
                "",
                "Eastern National Institute of Technology (ENIT), Rampur",
            ],
            Speaker(
                "K L Rao",
                "Prof.",
                "Professor",
                "Department of Chemistry, Eastern National Institute of Technology (ENIT), Rampur",
            ),
            id="professor-in-department",
        ),
        pytest.param(
            ["Dr. Mei Chen", "", "Cleanroom Facility Manager at Northbridge University (NU)"],
            Speaker("Mei Chen", "Dr.", "Cleanroom Facility Manager", "Northbridge University (NU)"),
            id="manager-at-institution",
        ),
        pytest.param(
            [
                "Dr. Tariq Aziz",
                "Senior Scientist,",
                "Polymer Division,",
                "National Polymer Laboratory, Lakeview",
                "",
                "&",
                "",
                "Visiting Fellow,",
                "School of Chemistry,",
                "Hilltop University",
            ],
            Speaker(
                "Tariq Aziz",
                "Dr.",
                "Senior Scientist",
                "Polymer Division, National Polymer Laboratory, Lakeview & Visiting Fellow, "
                "School of Chemistry, Hilltop University",
            ),
            id="ampersand-between-appointments",
        ),
        pytest.param(
            [
                "Lena Voss PhD SFHEA",
                "",
                "Visiting Scientist",
                "",
                "Materials Engineering, Hilltop University",
                "",
                "and",
                "",
                "Lecturer in Tissue Mechanics",
                "",
                "Faculty of Medicine, Eastford College",
            ],
            Speaker(
                "Lena Voss",
                None,
                "Visiting Scientist",
                "Materials Engineering, Hilltop University and Lecturer in Tissue Mechanics, "
                "Faculty of Medicine, Eastford College",
            ),
            id="and-between-appointments",
        ),
        pytest.param(
            [
                "Dr. Ravi Menon",
                "",
                "Lead Engineer,",
                "",
                "Energy Systems Group,",
                "Coastal Research Laboratory (CRL), Portside",
                "",
                "",
                "Adjunct Faculty",
                "",
                "Department of Mechanical Engineering,",
                "Hilltop University",
            ],
            Speaker(
                "Ravi Menon",
                "Dr.",
                "Lead Engineer",
                "Energy Systems Group, Coastal Research Laboratory (CRL), Portside, "
                "Adjunct Faculty, Department of Mechanical Engineering, Hilltop University",
            ),
            id="blank-line-between-appointments",
        ),
        pytest.param(
            [
                "Dr. Samir Pollard",
                "",
                "Principal Scientist and Associate Professor,",
                "Soil Microbe Collection (SMC),",
                "Central Biology Laboratory, Eastford",
                "",
                "& Visiting Professor, Hilltop University",
            ],
            Speaker(
                "Samir Pollard",
                "Dr.",
                "Principal Scientist and Associate Professor",
                "Soil Microbe Collection (SMC), Central Biology Laboratory, Eastford "
                "& Visiting Professor, Hilltop University",
            ),
            id="leading-ampersand-continues",
        ),
        pytest.param(
            [
                "Professor Iris Bloom",
                "",
                "Department of Metals, University of Eastford and",
                "",
                "Centre for Casting Technology,",
                "",
                "Westbury University, Westbury",
            ],
            Speaker(
                "Iris Bloom",
                "Professor",
                None,
                "Department of Metals, University of Eastford and Centre for Casting "
                "Technology, Westbury University, Westbury",
            ),
            id="line-ending-with-and",
        ),
        pytest.param(
            ["Prof. Leo Park", "Northfield University, USA)"],
            Speaker("Leo Park", "Prof.", None, "Northfield University, USA"),
            id="stray-closing-parenthesis",
        ),
        pytest.param(
            [
                "Dr. Mohammed Faisal Rahman (Faisal)",
                "",
                "Post-Doctoral Fellow",
                "",
                "University of Eastbrook, Eastbrook (USA)",
            ],
            Speaker(
                "Mohammed Faisal Rahman (Faisal)",
                "Dr.",
                "Post-Doctoral Fellow",
                "University of Eastbrook, Eastbrook (USA)",
            ),
            id="nickname-kept",
        ),
        pytest.param(
            ["Dr. Priya Nair, Professor, IIT Rampur"],
            Speaker("Priya Nair", "Dr.", "Professor", "IIT Rampur"),
            id="comma-on-name-line",
        ),
        pytest.param(
            ["Dr. Sam Ortiz,", "", "Optics Laboratory, University of Northbridge, UK"],
            Speaker("Sam Ortiz", "Dr.", None, "Optics Laboratory, University of Northbridge, UK"),
            id="trailing-comma-on-name",
        ),
        pytest.param(
            ["Prof. Ivan Novak D.Sci, Ph.D., E. Eng.", "", "Hilltop University"],
            Speaker("Ivan Novak", "Prof.", None, "Hilltop University"),
            id="post-nominals-after-commas",
        ),
        pytest.param(
            [
                "Anil Varma (avarma@example.edu),",
                "",
                "Visiting Chair Professor, Ceramics Research Centre, Eastford",
            ],
            Speaker(
                "Anil Varma",
                None,
                "Visiting Chair Professor",
                "Ceramics Research Centre, Eastford",
            ),
            id="email-in-name-line",
        ),
        pytest.param(
            ["Prof. Bea Lund", "", "Dean, Research, Faculty of Arts, Hilltop University"],
            Speaker("Bea Lund", "Prof.", "Dean, Research", "Faculty of Arts, Hilltop University"),
            id="multi-part-title",
        ),
        pytest.param(
            [
                "Prof. Carlo Ferri",
                "",
                "Professor, Soft Matter and Interfaces",
                "",
                "Department of Physics",
                "",
                "University of Southgate, Italy",
            ],
            Speaker(
                "Carlo Ferri",
                "Prof.",
                "Professor, Soft Matter and Interfaces",
                "Department of Physics, University of Southgate, Italy",
            ),
            id="title-with-subject",
        ),
        pytest.param(
            [
                "Sri. A. B. Kulkarni",
                "",
                "Chief Technology Officer & Director, Acme Steel, Rivertown",
            ],
            Speaker(
                "A. B. Kulkarni",
                "Sri.",
                "Chief Technology Officer & Director",
                "Acme Steel, Rivertown",
            ),
            id="company-after-title",
        ),
        pytest.param(
            [
                "Dr. Tim Roth",
                "",
                "Research Associate",
                "",
                "Chair for Surface Science (CSS)",
                "",
                "Hilltop University, Germany",
            ],
            Speaker(
                "Tim Roth",
                "Dr.",
                "Research Associate",
                "Chair for Surface Science (CSS), Hilltop University, Germany",
            ),
            id="german-chair-for-is-institution",
        ),
        pytest.param(
            ["Prof. Jo Quist", "", "KV Rao Visiting Chair, IISc.", "", "Monash Example College"],
            Speaker("Jo Quist", "Prof.", "KV Rao Visiting Chair", "IISc., Monash Example College"),
            id="acronym-institution",
        ),
        pytest.param(
            ["Dr. Ina Falk", "Senior Scientist, ACME Research"],
            Speaker("Ina Falk", "Dr.", "Senior Scientist", "ACME Research"),
            id="acronym-company",
        ),
        pytest.param(
            [
                "Prof. Ravi Shah",
                "",
                "Dr. Vikram Sarabhai visiting chair,",
                "",
                "Department of Physics, Hilltop University",
            ],
            Speaker(
                "Ravi Shah",
                "Prof.",
                "Dr. Vikram Sarabhai visiting chair",
                "Department of Physics, Hilltop University",
            ),
            id="honorific-inside-title-is-not-a-speaker",
        ),
        pytest.param(
            ["Uma Devi", "", "Researcher (Biology)", ""],
            Speaker("Uma Devi", None, "Researcher (Biology)", None),
            id="no-affiliation",
        ),
        pytest.param(
            ["", "Dr. Jo Bell", ""], Speaker("Jo Bell", "Dr.", None, None), id="name-only"
        ),
        pytest.param(
            ["Dr. Lea Mu\u0308ller", "Universita\u0308t Nordstadt"],
            Speaker("Lea M\u00fcller", "Dr.", None, "Universit\u00e4t Nordstadt"),
            id="nfc",
        ),
        pytest.param(
            ["Dr.   Wu   Tan", "Tier II   Professor of Optics", "Hilltop University"],
            Speaker("Wu Tan", "Dr.", "Tier II Professor of Optics", "Hilltop University"),
            id="whitespace-collapsed",
        ),
    ],
)
def test_parse_speaker_block_one_speaker(lines: list[str], expected: Speaker) -> None:
    assert _one(lines) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            [
                "Dr. Alice Grant",
                "Department of Physics, Northbridge University",
                "",
                "Prof. Bruno Silva",
                "School of Chemistry, Southgate University",
            ],
            [
                Speaker(
                    "Alice Grant", "Dr.", None, "Department of Physics, Northbridge University"
                ),
                Speaker("Bruno Silva", "Prof.", None, "School of Chemistry, Southgate University"),
            ],
            id="after-blank-line",
        ),
        pytest.param(
            ["Dr. Alice Grant", "Northbridge University", "Prof. Bruno Silva", "Lecturer"],
            [
                Speaker("Alice Grant", "Dr.", None, "Northbridge University"),
                Speaker("Bruno Silva", "Prof.", "Lecturer", None),
            ],
            id="honorific-after-affiliation",
        ),
        pytest.param(
            ["Dr. Alice Grant", "Northbridge University", "", "Carl Young PhD", "Eastford College"],
            [
                Speaker("Alice Grant", "Dr.", None, "Northbridge University"),
                Speaker("Carl Young", None, None, "Eastford College"),
            ],
            id="post-nominal-after-blank-line",
        ),
        pytest.param(
            ["Dr. Alice Grant and Prof. Bruno Silva", "Northbridge University"],
            [
                Speaker("Alice Grant", "Dr.", None, "Northbridge University"),
                Speaker("Bruno Silva", "Prof.", None, "Northbridge University"),
            ],
            id="and-on-name-line",
        ),
        pytest.param(
            ["Alice Grant & Bruno Silva"],
            [Speaker("Alice Grant"), Speaker("Bruno Silva")],
            id="ampersand-on-name-line",
        ),
    ],
)
def test_parse_speaker_block_two_speakers(lines: list[str], expected: list[Speaker]) -> None:
    assert parse_speaker_block(lines) == expected


@pytest.mark.parametrize("lines", [[], [""], ["", "  ", ""], ["Email: someone@example.org"]])
def test_parse_speaker_block_empty(lines: list[str]) -> None:
    assert parse_speaker_block(lines) == []


def test_unknown_values_are_none_not_empty() -> None:
    speaker = _one(["Dr. Jo Bell,", ""])
    assert speaker.position is None
    assert speaker.affiliation is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(
            "Dr. Ines Duarte, Coimbra Example Institute",
            [Speaker("Ines Duarte", "Dr.", None, "Coimbra Example Institute")],
            id="string-with-comma",
        ),
        pytest.param(
            "Tom Reyes (NTU)",
            [Speaker("Tom Reyes", None, None, "NTU")],
            id="string-with-parenthesised-institution",
        ),
        pytest.param(
            "Prof. Ana Lima, Lecturer, School of Design, Eastford College",
            [Speaker("Ana Lima", "Prof.", "Lecturer", "School of Design, Eastford College")],
            id="string-with-position",
        ),
        pytest.param(
            ["Dr. Ines Duarte, Coimbra Example Institute", "Tom Reyes (NTU)"],
            [
                Speaker("Ines Duarte", "Dr.", None, "Coimbra Example Institute"),
                Speaker("Tom Reyes", None, None, "NTU"),
            ],
            id="list-of-strings",
        ),
        pytest.param(
            [
                {"name": "Dr. Ana Lima", "affiliation": "Eastford College", "position": "Lecturer"},
                {"name": "Bo Chan", "honorific": "Prof."},
            ],
            [
                Speaker("Ana Lima", "Dr.", "Lecturer", "Eastford College"),
                Speaker("Bo Chan", "Prof.", None, None),
            ],
            id="list-of-mappings",
        ),
        pytest.param(
            {"name": "Prof. Bo Chan", "affiliation": "  "},
            [Speaker("Bo Chan", "Prof.", None, None)],
            id="mapping",
        ),
        pytest.param(None, [], id="none"),
        pytest.param("", [], id="empty-string"),
    ],
)
def test_parse_speaker_value(value: object, expected: list[Speaker]) -> None:
    assert parse_speaker_value(value) == (expected, [])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(42, [], id="number"),
        pytest.param(True, [], id="bool"),
        pytest.param([42], [], id="number-in-list"),
        pytest.param({"name": 5}, [], id="name-not-a-string"),
        pytest.param({"affiliation": "Eastford College"}, [], id="no-name"),
        pytest.param(
            {"name": "Bo Chan", "affiliation": ["Eastford College"]},
            [Speaker("Bo Chan")],
            id="affiliation-not-a-string",
        ),
        pytest.param(
            {"name": "Bo Chan", "email": "bo@example.org"},
            [Speaker("Bo Chan")],
            id="unknown-key",
        ),
        pytest.param(
            ["Tom Reyes (NTU)", 3.5],
            [Speaker("Tom Reyes", None, None, "NTU")],
            id="good-and-bad-entries",
        ),
    ],
)
def test_parse_speaker_value_problems(value: object, expected: list[Speaker]) -> None:
    speakers, problems = parse_speaker_value(value, line=7)
    assert speakers == expected
    assert problems
    assert all(p.code == "speaker" and p.message and p.line == 7 for p in problems)


@pytest.mark.parametrize(
    ("value", "people"),
    [
        ("Moreau, I.", [("I. Moreau", None)]),
        ("Moreau, Ines K.", [("Ines K. Moreau", None)]),
        ("Moreau, I. K., Université de Lyon", [("I. K. Moreau", "Université de Lyon")]),
        ("Moreau, I. (CNRS)", [("I. Moreau", "CNRS")]),
        ("Moreau-Vidal, A.B.", [("A.B. Moreau-Vidal", None)]),
        (
            "Moreau, I., Tanaka, H. and Okafor, C.",
            [("I. Moreau", None), ("H. Tanaka", None), ("C. Okafor", None)],
        ),
        # without an initial the comma may part a one-word name and a place: as before
        ("Moreau, Lyon", [("Moreau", "Lyon")]),
        ("Ines Moreau, Dept. of Physics", [("Ines Moreau", "Dept. of Physics")]),
    ],
)
def test_names_written_surname_first_are_turned_round(
    value: str, people: list[tuple[str, str | None]]
) -> None:
    talk = parse_talk(f'---\ntitle: T\ndate: 2024-01-09\nspeaker: "{value}"\n---\n', source="t.md")
    assert [(s.name, s.affiliation) for s in talk.speakers] == people
