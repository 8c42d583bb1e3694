"""Every real archive read right: thesis pages, news, courses, other sites' conventions.

Own examples in the styles of FORMATS.md and the issue "Every real archive read right"."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import jsonschema
import pytest

from sphinx_seminars.model import KINDS, ROLES, Role, Speaker, Talk
from sphinx_seminars.reader import ReaderOptions, parse_talk
from sphinx_seminars.serialize import talk_to_json

KOLKATA = "Asia/Kolkata"


def codes(talk: Talk) -> list[str]:
    return [str(p.code) for p in talk.problems]


DEFENCE = """\
---
title: "PhD Thesis Defence: Ms. Ilse Varga (14/02/22)"
permalink: /defence/varga-14-feb-2022
---
### Thesis title:
Creep of nickel wires at small length scales

### Faculty advisor(s):
Prof. Omar Haddad and Prof. Lena Strom

### When?
14<sup>th</sup> February, 2022 (Monday), 11:30 AM (India Standard Time)

### Location
<a href="https://teams.example.com/l/meetup-join/x">Microsoft Teams Meet-up</a>
"""


def test_thesis_defence() -> None:
    talk = parse_talk(
        DEFENCE, source="_archive/2022-02-14-defence-varga.md", default_timezone=KOLKATA
    )
    assert talk.title == "Creep of nickel wires at small length scales"
    assert talk.speakers == (Speaker("Ilse Varga", "Ms."),)
    assert talk.kind == "thesis-defence"
    assert talk.roles == (
        Role("advisor", Speaker("Omar Haddad", "Prof.")),
        Role("advisor", Speaker("Lena Strom", "Prof.")),
    )
    assert isinstance(talk.start, dt.datetime)
    assert talk.start.isoformat() == "2022-02-14T11:30:00+05:30"
    assert talk.online_url == "https://teams.example.com/l/meetup-join/x"
    assert "Haddad" not in talk.details and "Creep" not in talk.details
    assert codes(talk) == ["no-abstract"]


@pytest.mark.parametrize(
    ("title", "kind"),
    [("M Tech Research Thesis Colloquium: Mr Ravi Menon (M Tech Res)", "thesis-colloquium"),
     ("MTech (Research) Defence: Mr. Ravi Menon", "thesis-defence")],
)  # fmt: skip
def test_candidate_named_in_the_title(title: str, kind: str) -> None:
    talk = parse_talk(f'---\ntitle: "{title}"\n---\n### When?\n3 May 2022, 4 PM IST\n')
    assert talk.speakers == (Speaker("Ravi Menon", "Mr" if "Mr " in title else "Mr."),)
    assert talk.kind == kind


def test_a_seminar_title_with_a_colon_names_no_candidate() -> None:
    talk = parse_talk('---\ntitle: "Seminar: Deep Learning"\ndate: 2024-01-02\n---\nText.\n')
    assert talk.speakers == ()
    assert talk.title == "Seminar: Deep Learning"


AWARD = """\
---
title: "Dr. Ana Ruiz wins the Polymer Medal (03/03/21)"
permalink: /awards/ruiz-03-mar-2021
---
Dr. Ana Ruiz, has been selected to receive the Polymer Medal of the Society of Examples,
in recognition of her work. The department congratulates her.
"""


def test_award_news_is_not_a_talk_and_keeps_its_date() -> None:
    talk = parse_talk(AWARD, source="_archive/2021-03-03-ruiz-award.md")
    assert codes(talk) == ["not-a-talk"]
    assert talk.start == dt.date(2021, 3, 3)
    assert talk.speakers == ()


@pytest.mark.parametrize(
    "body",
    ["We meet on 30th November afternoon.\n", "The venue will be Hall C.\n",
     "The symposium is on 12 and 13 April 2022.\n", "Starts at 4 pm sharp.\n"],
)  # fmt: skip
def test_an_announcement_in_prose_is_an_event(body: str) -> None:
    talk = parse_talk(f'---\ntitle: "Student meeting (12/04/22)"\n---\n{body}')
    assert "not-a-talk" not in codes(talk)


def test_an_announcement_reads_its_venue_and_dates_from_prose() -> None:
    text = (
        '---\ntitle: "Alloys Conference entitled Metals Today (21/12/22)"\n---\n'
        "The department will hold the conference during 21-23, December 2022.\n\n"
        "The venue will be the Main Auditorium.\n"
    )
    talk = parse_talk(text, source="_archive/2022-10-01-conference.md")
    assert (talk.start, talk.end) == (dt.date(2022, 12, 21), dt.date(2022, 12, 23))
    assert talk.venue == "Main Auditorium"
    assert talk.kind == "conference"
    assert "filename-date" in codes(talk)  # the file name is the day it was posted


COURSE = """\
---
title: "Short course on sintering (06/03/23)"
---
### Instructor:
Prof. Raul Ibarra<br>
Emeritus Professor, University of Westshire

### Class Dates:
March 6, 2023 to March 17, 2023 (no class on Saturday March 11th and Sunday March 12th) [10 days]

### Class Times:
5 to 6:30 PM
"""


def test_a_course_has_a_session_each_class_day() -> None:
    talk = parse_talk(COURSE, source="2023-03-06-seminar-ibarra.md", default_timezone=KOLKATA)
    assert talk.kind == "course"
    assert len(talk.sessions) == 10
    assert isinstance(talk.start, dt.datetime) and isinstance(talk.end, dt.datetime)
    assert talk.start.isoformat() == "2023-03-06T17:00:00+05:30"
    assert talk.end.isoformat() == "2023-03-17T18:30:00+05:30"
    assert talk.sessions[0].start == talk.start and talk.sessions[-1].end == talk.end
    assert dt.date(2023, 3, 11) not in [s.start.date() for s in talk.sessions]  # type: ignore[union-attr]
    data = talk_to_json(talk)
    assert data["sessions"][1] == {
        "start": "2023-03-07T17:00:00+05:30",
        "end": "2023-03-07T18:30:00+05:30",
    }
    assert codes(talk) == ["no-abstract"]


SEMINAR = """\
---
title: "Grain boundaries in nickel (15/03/23)"
permalink: /seminar/ruiz-15-mar-2023
---
### Speaker and Affiliation:
Dr. Ana Ruiz<br>
Example University

### When?
15th March, 2022 (Wednesday), 4.00 PM (IST)

### Abstract
Grain boundaries move.
"""


def test_the_date_most_sources_support_wins() -> None:
    talk = parse_talk(
        SEMINAR, source="_archive/2023-03-15-seminar-ruiz.md", default_timezone=KOLKATA
    )
    assert isinstance(talk.start, dt.datetime)
    assert talk.start.isoformat() == "2023-03-15T16:00:00+05:30"  # 2023: title, name, weekday
    (problem,) = talk.problems
    assert problem.code == "date" and problem.line == 10
    assert "says 2022-03-15" in problem.message
    assert "title, file name, permalink, weekday" in problem.message


def test_the_stated_date_holds_against_a_single_other_source() -> None:
    text = SEMINAR.replace("2022 (Wednesday)", "2023 (Wednesday)").replace("15/03/23", "16/03/23")
    talk = parse_talk(text, source="_archive/2023-03-15-seminar-ruiz.md", default_timezone=KOLKATA)
    assert talk.start.isoformat().startswith("2023-03-15")  # type: ignore[union-attr]
    assert codes(talk) == ["title-date"]


HUGOBLOX = """\
---
title: "Lithic assemblages compared"
event: Meeting of Examples 2024
location: Example Hall, City University
summary: Podium presentation
abstract: ""
date: '2024-08-29T10:00:00Z'
date_end: '2024-08-27T10:30:00Z'
all_day: false
authors: [admin, Jonas Weber, Ines Santos]
subtitle: A poster
featured: false
projects: []
url_slides: ''
---
"""


def test_author_handles_are_not_speakers() -> None:
    talk = parse_talk(HUGOBLOX, source="content/event/x/index.md")
    assert [s.name for s in talk.speakers] == ["Jonas Weber", "Ines Santos"]
    assert "'admin': an author handle" in next(
        p.message for p in talk.problems if p.code == "speaker"
    )
    assert "unknown-key" not in codes(talk)  # subtitle, featured, projects are HugoBlox keys
    assert talk.abstract == ""  # the summary is a teaser
    assert "time" in codes(talk)  # the end is before the start


def test_a_handle_stands_for_the_person_the_options_name() -> None:
    options = ReaderOptions(handles={"admin": "Dr. Kai Lindqvist, Example Institute"})
    talk = parse_talk(HUGOBLOX, source="content/event/x/index.md", options=options)
    assert talk.speakers[0] == Speaker("Kai Lindqvist", "Dr.", None, "Example Institute")
    assert len(talk.speakers) == 3


ACADEMICPAGES = """\
---
title: "Waves in warm plasmas"
collection: talks
type: "Contributed talk"
venue: "Plasma Days 2021"
date: 2021-02-11
location: "Online"
excerpt: ""
---

Contributed talk at Plasma Days 2021, virtual.

__Abstract.__ We classify the waves of a warm plasma by their frequency ordering.

They cross at parallel propagation.
"""


def test_a_bold_label_opens_the_abstract_after_an_occasion_line() -> None:
    talk = parse_talk(ACADEMICPAGES, source="_talks/2021-waves.md")
    assert talk.abstract.startswith("We classify the waves")
    assert "They cross" in talk.abstract
    assert talk.details == "Contributed talk at Plasma Days 2021, virtual."
    assert talk.kind == "talk"


@pytest.mark.parametrize(
    "body",
    ["Seminar for undergraduate and master's students.\n", "Abstract forthcoming.\n",
     "TBA\n", "[More information here](https://example.org/x)\n",
     "Selected talk for [Days of Examples](https://example.org).\n\n<iframe src='x'></iframe>\n"],
)  # fmt: skip
def test_teasers_placeholders_and_links_are_not_abstracts(body: str) -> None:
    talk = parse_talk(f"---\ntitle: Waves\ndate: 2020-01-02\n---\n{body}", source="t.md")
    assert talk.abstract == ""
    assert "no-abstract" in codes(talk)


def test_an_abstract_key_beats_the_body_and_the_body_beats_a_summary() -> None:
    head = "---\ntitle: Waves\ndate: 2020-01-02\nsummary: Waves, briefly and for everyone.\n"
    body = "---\nWaves move energy along the boundary of two media.\n"
    assert parse_talk(head + body).abstract.startswith("Waves move energy")
    assert parse_talk(head + "abstract: Key abstract.\n" + body).abstract == "Key abstract."
    long_summary = "summary: Waves move energy. They do so along a boundary of two media.\n"
    assert parse_talk(head.replace("summary:", "x_summary:") + long_summary + "---\n").abstract


SERIES = """\
---
title: Ana Ruiz
speaker: "Dr. Ana Ruiz, Stanford & Dr. Elke Brandt, Princeton"
date: 2024-05-02 14:00
timezone: Europe/Paris
zoom_link: https://zoom.example.org/j/9
---
**Talk:** *Sparse solvers at scale*

**Abstract:** We solve large sparse systems.

**Bio:** Ana solves systems.
"""


def test_series_page_labels_and_several_people() -> None:
    talk = parse_talk(SERIES, source="_seminars/ruiz.md")
    assert talk.title == "Sparse solvers at scale"  # the page title is the speaker's name
    assert [(s.name, s.affiliation) for s in talk.speakers] == [
        ("Ana Ruiz", "Stanford"),
        ("Elke Brandt", "Princeton"),
    ]
    assert talk.abstract == "We solve large sparse systems."
    assert talk.bio == "Ana solves systems."
    assert talk.online_url == "https://zoom.example.org/j/9"
    assert talk.venue is None


def test_french_et_and_an_affiliation_for_each() -> None:
    text = (
        "---\ntitle: Chants\nspeaker: Marie Dubois et Paul Martin\n"
        "affiliation: Institut A et Laboratoire B\nlocation: None\ndate: 2019-06-14 11:00\n---\n"
    )
    talk = parse_talk(text)
    assert [(s.name, s.affiliation) for s in talk.speakers] == [
        ("Marie Dubois", "Institut A"),
        ("Paul Martin", "Laboratoire B"),
    ]
    assert talk.venue is None  # "None" is no value


def test_zola_extra_table_and_folder_date() -> None:
    text = (
        '+++\ntitle = "Kernels"\nseminar = "Kernels for all"\n[extra]\nauthor = "Ada Lovel"\n'
        'institution = "MIT"\n+++\nWe study kernels in depth.\n'
    )
    talk = parse_talk(text, source="content/seminars/2022-03-14-ada/index.md")
    assert talk.speakers == (Speaker("Ada Lovel", None, None, "MIT"),)
    assert talk.start == dt.date(2022, 3, 14)
    assert talk.title == "Kernels"  # a real page title stays
    assert "no-date" not in codes(talk)


def test_setext_and_list_of_speakers() -> None:
    text = (
        "---\ntitle: Logic day\ndate: 2019-05-03\n---\n"
        "Speakers\n========\n- Tim Baxter (Cambridge)\n- Walter Dean (Warwick)\n"
    )
    talk = parse_talk(text)
    assert [(s.name, s.affiliation) for s in talk.speakers] == [
        ("Tim Baxter", "Cambridge"),
        ("Walter Dean", "Warwick"),
    ]


def test_real_typos_of_keys_still_warn_and_subtitle_suggests_nothing() -> None:
    talk = parse_talk("---\ntitle: T\nsubtitle: S\nvenu: Room 1\ndate: 2024-01-01\n---\n")
    problems = [p.message for p in talk.problems if p.code == "unknown-key"]
    assert problems == ["unknown front-matter key 'venu'; did you mean 'venue'?"]


def _talk_schema() -> dict[str, object]:
    text = resources.files("sphinx_seminars").joinpath("schema/seminars.schema.json").read_text()
    schema: dict[str, object] = json.loads(text)
    return {"$defs": schema["$defs"], "$ref": "#/$defs/talk"}


@pytest.mark.parametrize("text", [DEFENCE, COURSE, SEMINAR, HUGOBLOX, SERIES, AWARD])
def test_the_json_form_of_new_fields_follows_the_schema(text: str) -> None:
    data = talk_to_json(parse_talk(text, source="x.md", default_timezone=KOLKATA))
    jsonschema.validate(data, _talk_schema())


def test_the_schema_names_every_kind_and_role() -> None:
    defs = _talk_schema()["$defs"]
    assert isinstance(defs, dict)
    assert set(defs["kind"]["enum"]) == {None, *KINDS}
    assert set(defs["role"]["properties"]["role"]["enum"]) == set(ROLES)


def test_a_title_key_of_the_talk_beats_a_page_title_that_names_the_speaker() -> None:
    text = (
        '+++\ntitle = "Ada Lovel"\nseminar = "Kernels for all"\n[extra]\nauthor = "Ada Lovel"\n'
        "+++\nWe study kernels.\n"
    )
    assert parse_talk(text, source="x/2022-03-14-ada/index.md").title == "Kernels for all"


def test_a_file_named_as_a_seminar_is_an_event_though_it_says_little() -> None:
    talk = parse_talk(
        '---\ntitle: "Waves (03/03/21)"\n---\nMore soon.\n', source="2021-03-03-seminar-x.md"
    )
    assert "not-a-talk" not in codes(talk)
    news = parse_talk(
        '---\ntitle: "Best poster (03/03/21)"\n---\nWell done.\n',
        source="2021-03-03-poster-award.md",
    )
    assert "not-a-talk" in codes(news)


@pytest.mark.parametrize("speaker", ["TBA", "To be announced"])
def test_a_placeholder_is_no_speaker(speaker: str) -> None:
    talk = parse_talk(f"---\ntitle: X\nspeaker: {speaker}\ndate: 2024-01-01\n---\n")
    assert talk.speakers == () and "no-speaker" in codes(talk)


def test_a_candidate_named_after_of() -> None:
    talk = parse_talk(
        '---\ntitle: "PhD Thesis Colloquium of Ms. Ana Ruiz"\ndate: 2024-01-01\n---\n'
    )
    assert talk.speakers == (Speaker("Ana Ruiz", "Ms."),)


def test_the_kind_comes_from_the_page_title_not_the_thesis_title() -> None:
    text = DEFENCE.replace("PhD Thesis Defence", "PhD Thesis Colloquium")
    talk = parse_talk(text, source="_archive/2022-02-14-colloquium-varga.md")
    assert talk.kind == "thesis-colloquium"


# ---------------------------------------------------------------- more sites' conventions


def test_a_time_only_start_takes_the_date_key_or_the_file_name() -> None:
    keyed = "---\ntitle: T\ndate: 2024-05-14\nstart: '10:15'\nend: '11:45'\nwhere: Aula B\n---\n"
    talk = parse_talk(keyed, source="defence.md", default_timezone="Europe/Amsterdam")
    assert talk.start == dt.datetime(2024, 5, 14, 10, 15, tzinfo=talk.start.tzinfo)
    assert talk.end is not None and talk.end.hour == 11 and talk.venue == "Aula B"
    named = "---\ntitle: T\nstart: '10:15'\n---\nText.\n"
    talk = parse_talk(named, source="_events/2024-05-14-defence.md", default_timezone="UTC")
    assert isinstance(talk.start, dt.datetime) and talk.start.date() == dt.date(2024, 5, 14)
    assert "date" not in codes(talk)


def test_a_datetime_key_and_a_range_on_the_twelve_hour_clock() -> None:
    text = "---\ntitle: T\ndatetime: 2024-11-05 12:30-1:30\nplace: Room 9\n---\n"
    talk = parse_talk(text, source="t.md", default_timezone="Asia/Shanghai")
    assert isinstance(talk.start, dt.datetime) and talk.start.hour == 12
    assert isinstance(talk.end, dt.datetime) and (talk.end.hour, talk.end.minute) == (13, 30)
    assert "unknown-key" not in codes(talk)


POST = """\
+++
title = "Lecture in memory of a colleague"
date = "2023-02-11 08:17:42"
categories = ["events"]
+++

**Date:** 6 March 2023, 17:00

**Speaker:** **Mira Kovac** (University of Ljubljana &
Universität Graz).

A lecture on billiards in polygons.
"""


def test_a_post_date_with_seconds_is_when_it_was_posted_not_the_talk() -> None:
    talk = parse_talk(POST, source="memorial-lecture.md", default_timezone="Europe/Rome")
    assert isinstance(talk.start, dt.datetime)
    assert (talk.start.date(), talk.start.hour) == (dt.date(2023, 3, 6), 17)
    [speaker] = talk.speakers
    assert speaker.name == "Mira Kovac"
    assert speaker.affiliation == "University of Ljubljana & Universität Graz"


def test_a_post_with_only_its_posting_date_keeps_the_day() -> None:
    text = '+++\ntitle = "Lecture"\ndate = "2023-02-11 08:17:42"\n+++\n\nA lecture on tilings.\n'
    talk = parse_talk(text, source="lecture.md", default_timezone="Europe/Rome")
    assert talk.start == dt.date(2023, 2, 11)


def test_a_post_filed_as_news_is_not_a_talk() -> None:
    text = (
        '+++\ntitle = "Two postdoc positions in Graz"\ndate = "2023-02-11 08:17:42"\n'
        'categories = ["news", "open-positions"]\n+++\n\n'
        "Applications are due by **March 31, 2023**.\n"
    )
    assert "not-a-talk" in codes(parse_talk(text, source="positions.md"))


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Rosa Lind, Omar Haddad, Kenji Sato", ["Rosa Lind", "Omar Haddad", "Kenji Sato"]),
        (
            "Rosa Lind, Omar Haddad and Jan van der Berg",
            ["Rosa Lind", "Omar Haddad", "Jan van der Berg"],
        ),
        ("Rosa Lind, Stanford University, California", ["Rosa Lind"]),
        ("Rosa Lind, Omar Haddad", ["Rosa Lind"]),
    ],
)
def test_a_list_of_names_in_one_value(value: str, names: list[str]) -> None:
    talk = parse_talk(f"---\ntitle: T\ndate: 2024-01-09\nauthor: {value}\n---\n", source="t.md")
    assert [s.name for s in talk.speakers] == names


@pytest.mark.parametrize(
    "body",
    [
        "### Abstract\nTODO\n",
        '{{< youtube id="abc" >}}\n\n{% include video.html %}\n',
    ],
)
def test_placeholders_and_template_tags_are_no_abstract(body: str) -> None:
    talk = parse_talk(f"---\ntitle: T\ndate: 2024-01-09\n---\n\n{body}", source="t.md")
    assert talk.abstract == "" and "no-abstract" in codes(talk)


def test_template_tags_leave_their_text_and_lines() -> None:
    body = (
        "### Abstract\nWaves {% raw %}in{% endraw %} {{< cite x >}}plasmas.\n\n"
        "### Bio\nShe {{% b %}}works{{% /b %}}.\n"
    )
    talk = parse_talk(f"---\ntitle: T\ndate: 2024-01-09\n---\n{body}", source="t.md")
    assert talk.abstract == "Waves in plasmas." and talk.bio == "She works."
    assert talk.bio_line == 9  # the line after its heading, as without the tags


def test_template_tags_in_code_are_examples_and_stay() -> None:
    body = "### Abstract\nWrite `{% include note.html %}` in a page {% raw %}here{% endraw %}.\n"
    talk = parse_talk(f"---\ntitle: T\ndate: 2024-01-09\n---\n{body}", source="t.md")
    assert talk.abstract == "Write `{% include note.html %}` in a page here."


def test_a_date_as_title_gives_way_to_the_subtitle_and_more_keys_of_other_sites() -> None:
    text = (
        "---\ntitle: 12 March 2024\nsubtitle: Colourings of sparse graphs\n"
        'seminarist: Ines Moreau\ndate: 2024-03-12\nstartTime: "13:30"\nendTime: "14:30"\n---\n'
    )
    talk = parse_talk(text, source="t.md", default_timezone="Europe/Paris")
    assert talk.title == "Colourings of sparse graphs"
    assert [s.name for s in talk.speakers] == ["Ines Moreau"]
    assert isinstance(talk.start, dt.datetime) and (talk.start.hour, talk.start.minute) == (13, 30)
    assert isinstance(talk.end, dt.datetime) and talk.end.hour == 14
    assert "unknown-key" not in codes(talk)


def test_facts_in_a_list_of_marked_labels() -> None:
    text = (
        '+++\ntitle = "Effects and handlers"\ndate = 2024-12-12\n+++\n'
        "- _Speaker:_ Noor Haddad (University of Leeds)\n- **Location:** Room 2-225\n"
        "- _Time:_ 4:00-5:00 pm\n\nWe show how effects compose.\n\n"
        "- a list item: not a label\n"
    )
    talk = parse_talk(text, source="t.md", default_timezone="America/Chicago")
    assert [(s.name, s.affiliation) for s in talk.speakers] == [
        ("Noor Haddad", "University of Leeds")
    ]
    assert talk.venue == "Room 2-225"
    assert talk.abstract.startswith("We show how effects compose.")


def test_a_permalink_to_an_index_page_names_its_folder() -> None:
    for permalink in ("/seminars/jan/index.html", "/seminars/jan/index", "/seminars/jan/"):
        text = f"---\ntitle: T\ndate: 2024-01-09\npermalink: {permalink}\n---\n"
        assert parse_talk(text, source="t.md").id == "jan"


def test_a_time_alone_in_start_beside_a_time_key_keeps_the_date() -> None:
    text = '---\ntitle: T\ndate: 2025-03-04\nstart: "12:30"\ntime: "12:30"\n---\n'
    talk = parse_talk(text, source="t.md", default_timezone="UTC")
    assert isinstance(talk.start, dt.datetime) and talk.start.date() == dt.date(2025, 3, 4)
    assert "date" not in codes(talk)


@pytest.mark.parametrize(
    "when", ["**Save the date:** Tuesday 4 March 2025, 3:00 PM", "Seminar date: 4 March 2025, 3 pm"]
)
def test_more_ways_of_labelling_when(when: str) -> None:
    front = "---\ntitle: Waves\nspeaker: Ada Byrne\n---\n\n"
    text = f"{front}{when}\n\n## Abstract\n\nWaves in plasmas.\n"
    talk = parse_talk(text, source="t.md", default_timezone="Europe/London")
    assert talk.start is not None and talk.start.isoformat() == "2025-03-04T15:00:00+00:00"


def test_a_date_to_display_wins_over_a_posting_date() -> None:
    text = (
        "---\ntitle: Waves\nspeaker: Ada Byrne\ndate: 2025-01-02 10:13:45\n"
        'date_to_display: "Tuesday, 4 March 2025 at 3 pm"\n---\n\nWaves in plasmas.\n'
    )
    talk = parse_talk(text, source="t.md", default_timezone="Europe/London")
    assert talk.start is not None and talk.start.isoformat() == "2025-03-04T15:00:00+00:00"
    assert "unknown-key" not in codes(talk)


@pytest.mark.parametrize(
    ("title", "speaker_key", "expected_title", "person"),
    [
        ("Ines Moreau (University of Lyon): TBC", "", "TBC", ("Ines Moreau", "University of Lyon")),
        ("Dr. Ines Moreau (CNRS) - TBA", "", "TBA", ("Ines Moreau", "CNRS")),
        (
            "Dr. Ines Moreau - Sparse graphs",
            "speaker: Dr. Ines Moreau\n",
            "Sparse graphs",
            ("Ines Moreau", None),
        ),
        (
            "Ines Moreau: Sparse graphs",
            "speaker: Ines Moreau\n",
            "Sparse graphs",
            ("Ines Moreau", None),
        ),
        # no institution in the parentheses, or no person before them: the title as it is
        ("Deep Learning (Part 2): Basics", "", "Deep Learning (Part 2): Basics", None),
        (
            "Sparse Graphs (Lyon Institute): an overview",
            "",
            "Sparse Graphs (Lyon Institute): an overview",
            None,
        ),
    ],
)
def test_a_series_title_that_opens_with_its_speaker(
    title: str, speaker_key: str, expected_title: str, person: tuple[str, str | None] | None
) -> None:
    text = f'---\ntitle: "{title}"\n{speaker_key}date: 2025-03-04\n---\n\nWaves in plasmas.\n'
    talk = parse_talk(text, source="t.md")
    assert talk.title == expected_title
    people = [(s.name, s.affiliation) for s in talk.speakers]
    assert people == ([person] if person else [])
