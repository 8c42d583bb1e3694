"""Property-based tests of the reader over generated talk files: it never raises, its problems
have lines inside the file, its Markdown is safe, and a talk written out reads back the same."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from collections.abc import Callable
from dataclasses import fields

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_seminars.model import Talk
from sphinx_seminars.reader import parse_talk
from sphinx_seminars.reader.frontmatter_keys import IGNORED_KEYS, KEYS, LINK_KEYS
from sphinx_seminars.reader.writer import write_talk_file
from sphinx_seminars.serialize import talk_to_json

FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ---------------------------------------------------------------- text

HEADINGS = [
    "Speaker and Affliation:", "Speaker & Affiliation:", "Instructor:", "Speakers", "When?",
    "When ?", "Date and Time", "Class Dates:\u200b", "Class Times:\u200b", "Location", "Venue",
    "Where", "Mode", "Mode Online", "Talk Link:<br>", "Abstract", "Abstract:", "Abstract of Talk:",
    "About the talk", "Abstract:Inspired by", "Biography", "Short Bio:", "About the Speaker :",
    "Speaker’s Biography", "Brief Bio:Dr. X joined", "Host", "Agenda:", "Research Interests",
    "Thirty Ninth PROF. X MEMORIAL LECTURE", "<b>AFMM Talk Series</b>", "References",
]  # fmt: skip
FRAGMENTS = [
    "<br>", "<b>", "</b>", "<i>x</i>", "<sup>th</sup>", "<sub>2</sub>", '<a href="https://x.org">',
    "</a>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&lt;", "&amp;", "&#9;",
    "[x](javascript:alert(1))", "[y](https://ok.org)", "![i](data:x)", "```{raw} html\n<b>\n```",
    "{download}`x`", "{{ s }}", "<!--", "-->", "<", ">", "&", "[1]", "1. ", "References:",
    "**", "_", "`", "\\", "\u200b", "\u00a0", "\t", "\r", "\r\n", "\x00", "\x1b[31m", "\ufeff",
    "\u2028", "\ud800", "Prof. ", "Dr. ", "University of Y", "IST", "(Thursday)", "3.00 PM",
]  # fmt: skip
YAML_BITS = [
    "!!timestamp ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!str ", "!!binary ", "!!set ",
    "!!python/object/apply:os.system ", "!custom ", "&a ", "*a", "<<: *a", "? ", "|", ">-",
    "%YAML 1.1", "{", "}", "[", "]", "- ", ": ", "'", '"', "#", "\n  ", "---", "...",
]  # fmt: skip
ZONES = ["India Standard Time", "IST", "UTC+5:30", "Europe/London", "CET", "ET", "Mars Time", ""]


@st.composite
def when_texts(draw: st.DrawFn) -> str:
    """A date (and maybe time and zone) written in one of the many ways of real files."""
    day = draw(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))
    forms = [
        f"{day.day:02d}<sup>th</sup> {day:%B}, {day.year} ({day:%A})",
        f"{day.day} {day:%B %Y}",
        f"{day:%B} {day.day}, {day.year}",
        day.isoformat(),
        f"{day:%d/%m/%Y}",
        f"{day:%d %b %Y} ({draw(st.sampled_from(['Wednusday', 'Tueday', 'Friday']))})",
    ]
    text = draw(st.sampled_from(forms))
    if draw(st.booleans()):
        hour, minute = draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 45]))
        clock = draw(st.sampled_from([f"{hour}.{minute:02d} PM", f"{hour:02d}:{minute:02d}"]))
        text += f", {clock} ({draw(st.sampled_from(ZONES))})"
    return text


def texts() -> st.SearchStrategy[str]:
    """Random text: Unicode, control characters, HTML and Markdown fragments, dates."""
    pieces = st.one_of(
        st.text(max_size=12),
        st.sampled_from(FRAGMENTS),
        when_texts(),
        st.sampled_from(["\n", "\n\n", " "]),
    )
    return st.lists(pieces, max_size=6).map("".join)


@st.composite
def bodies(draw: st.DrawFn) -> str:
    sections = draw(
        st.lists(
            st.tuples(st.integers(1, 6), st.one_of(st.sampled_from(HEADINGS), texts()), texts()),
            max_size=5,
        )
    )
    body = draw(texts())
    for level, heading, text in sections:
        body += f"\n{'#' * level} {heading}\n{text}\n"
    return body


# ---------------------------------------------------------------- front matter

KNOWN = sorted({key for keys in KEYS.values() for key in keys} | set(LINK_KEYS) | IGNORED_KEYS)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    texts(),
    when_texts(),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
    st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2100, 1, 1)),
    st.sampled_from(["10:30", "1:00 PM ET", "14:00-15:00", "https://x.org", "javascript:x"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)
KEY_NAMES = st.one_of(st.sampled_from(KNOWN), st.text(max_size=10))


@st.composite
def front_matters(draw: st.DrawFn) -> str:
    data = draw(st.dictionaries(KEY_NAMES, VALUES, max_size=6))
    kind = draw(st.sampled_from(["yaml", "yaml", "raw", "toml", "none"]))
    if kind == "yaml":
        return "---\n" + yaml.safe_dump(data, allow_unicode=draw(st.booleans())) + "---\n"
    if kind == "raw":
        values = st.lists(st.one_of(texts(), st.sampled_from(YAML_BITS)), max_size=4).map("".join)
        lines = draw(st.lists(st.tuples(KEY_NAMES, values), max_size=6))
        return "---\n" + "".join(f"{key}: {value}\n" for key, value in lines) + "---\n"
    if kind == "toml":
        lines = draw(st.lists(st.tuples(st.sampled_from(KNOWN), texts()), max_size=6))
        return "+++\n" + "".join(f"{key} = {json.dumps(v)}\n" for key, v in lines) + "+++\n"
    return ""


talk_files = st.tuples(front_matters(), bodies(), st.sampled_from(["", "\n", "\r\n"])).map(
    lambda parts: parts[0] + parts[1] + parts[2]
)


# ---------------------------------------------------------------- properties


@FUZZ
@given(
    text=talk_files,
    zone=st.sampled_from([None, "Asia/Kolkata", "Europe/London", "Nowhere/X"]),
    allow_raw_html=st.booleans(),
)
def test_reader_never_raises(
    text: str,
    zone: str | None,
    allow_raw_html: bool,
    unsafe_parts: Callable[[str], list[str]],
) -> None:
    talk = parse_talk(
        text,
        source="talks/2025-01-09-seminar-x.md",
        default_timezone=zone,
        allow_raw_html=allow_raw_html,
    )
    assert isinstance(talk, Talk)
    last_line = text.count("\n") + text.count("\r") + 1
    for problem in talk.problems:
        assert 0 <= problem.line <= last_line, problem
        assert problem.level in ("error", "warning") and problem.code and problem.message
    for markdown in (talk.abstract, talk.bio, talk.details):
        if allow_raw_html:
            assert [part for part in unsafe_parts(markdown) if "html" not in part] == []
        else:
            assert "<" not in markdown
            assert unsafe_parts(markdown) == []
    json.dumps(talk_to_json(talk))
    assert pickle.loads(pickle.dumps(talk)) == talk


#: What the writer does not write (a file gives the first start and last end): not compared.
UNWRITTEN = ("sessions",)
COMPARED = [
    f.name
    for f in fields(Talk)
    if f.compare and not f.name.endswith("_line") and f.name not in UNWRITTEN
]


@FUZZ
@given(text=talk_files, zone=st.sampled_from([None, "Asia/Kolkata", "America/New_York"]))
def test_written_talk_reads_back_the_same(text: str, zone: str | None) -> None:
    talk = parse_talk(text, source="talks/2025-01-09-seminar-x.md", default_timezone=zone)
    again = parse_talk(write_talk_file(talk), source=talk.source)
    assert {name: getattr(again, name) for name in COMPARED} == {
        name: getattr(talk, name) for name in COMPARED
    }
    first, second = talk_to_json(talk), talk_to_json(again)
    for key in ("problems", *UNWRITTEN):
        first.pop(key), second.pop(key)
    assert second == first
