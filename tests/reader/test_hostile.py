"""Hostile and broken talk files: every one gives a Talk with a clear problem, never an
exception, and none costs much time or memory."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

from sphinx_seminars.model import Talk
from sphinx_seminars.reader import frontmatter, parse_talk, read_talk
from sphinx_seminars.reader.frontmatter import MAX_CHARS, MAX_DEPTH, MAX_NODES
from sphinx_seminars.reader.frontmatter_keys import KEYS, LINK_KEYS

GOOD = """\
---
title: Ice sheets
speaker: Dr. Lena Frost, Polar Institute
date: 2025-02-03
time: "16:00"
timezone: Europe/Oslo
---
### Abstract
Ice moves.
"""


def codes(talk: Talk) -> list[str]:
    return [problem.code for problem in talk.problems]


def problem(talk: Talk, code: str) -> tuple[int, str, str]:
    found = next(p for p in talk.problems if p.code == code)
    return found.line, found.level, found.message


# ---------------------------------------------------------------- YAML tags


@pytest.mark.parametrize(
    "value",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
        "!!python/name:os.system",
        "!!python/module:os",
        "!!binary aGVsbG8=",
        "!!set {{a, b}}",
        "!!omap [{{a: 1}}]",
        "!custom {{x: 1}}",
    ],
)
def test_yaml_tags_construct_nothing(value: str, tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    text = f"---\ntitle: T\nvenue: {value.format(marker=marker)}\n---\n"
    talk = parse_talk(text, source="t.md")
    assert not marker.exists()
    assert problem(talk, "yaml")[:2] == (3, "error")


def test_plain_tags_still_read() -> None:
    talk = parse_talk("---\ntitle: !!str 2025\ndate: !!timestamp 2025-01-02\n---\n", "t.md")
    assert (talk.title, talk.start) == ("2025", dt.date(2025, 1, 2))


# ---------------------------------------------------------------- aliases


BILLION_LAUGHS = """\
---
title: Laughs
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
venue: *i
---
"""


def _doubling(levels: int) -> str:
    """Few aliases (two per level) that still expand to 2**levels values."""
    lines = ["---", "title: Doubling", "x0: &x0 [lol, lol]"]
    lines += [f"x{i}: &x{i} [*x{i - 1}, *x{i - 1}]" for i in range(1, levels)]
    lines += [f"address: {{street: *x{levels - 1}}}", "---", ""]
    return "\n".join(lines)


@pytest.mark.parametrize("text", [BILLION_LAUGHS, _doubling(23)], ids=["laughs", "doubling"])
def test_alias_bombs_stop_quickly(text: str) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        talk = parse_talk(text, source="t.md")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 1
    assert peak < 20 * 2**20
    line, level, message = problem(talk, "yaml")
    assert level == "error" and f"more than {MAX_NODES:,} values" in message
    assert 3 <= line <= text.count("\n")
    assert talk.venue is None


def test_a_few_aliases_are_fine() -> None:
    text = "---\ntitle: T\nplace: &p Hall 2\nvenue: *p\n---\n"
    assert parse_talk(text, "t.md").venue == "Hall 2"


def test_alias_inside_itself() -> None:
    talk = parse_talk("---\ntitle: T\nvenue: &v [a, *v]\n---\n", source="t.md")
    assert "refers to the value that contains it" in problem(talk, "yaml")[2]


# ---------------------------------------------------------------- nesting and size


def test_deeply_nested_yaml() -> None:
    depth = 40_000
    flow = parse_talk(f"---\ntitle: T\nvenue: {'[' * depth}{']' * depth}\n---\n", "t.md")
    block = "".join(f"{'  ' * i}k{i}:\n" for i in range(200))
    indented = parse_talk(f"---\ntitle: T\n{block}---\n", "t.md")
    for talk in (flow, indented):
        assert f"nested more than {MAX_DEPTH} levels deep" in problem(talk, "yaml")[2]


@pytest.mark.parametrize(
    "toml",
    [
        "venue = " + "[" * 20_000 + "]" * 20_000,
        "venue = " + "{a = " * 200 + "1" + "}" * 200,
        "a." * 500 + "b = 1",
    ],
    ids=["arrays", "inline-tables", "dotted-keys"],
)
def test_deeply_nested_toml(toml: str) -> None:
    talk = parse_talk(f"+++\ntitle = 'T'\n{toml}\n+++\n", "t.md")
    assert problem(talk, "toml")[1] == "error"
    assert "nested" in problem(talk, "toml")[2]


def test_front_matter_too_long() -> None:
    text = "---\ntitle: T\n" + "# padding\n" * (MAX_CHARS // 10 + 1) + "---\nBody.\n"
    talk = parse_talk(text, "t.md")
    assert problem(talk, "front-matter")[:2] == (1, "error")
    assert "not read" in problem(talk, "front-matter")[2]


def test_front_matter_that_never_closes() -> None:
    talk = parse_talk("---\ntitle: T\nspeaker: X\n\n### Abstract\nText.\n", "t.md")
    assert problem(talk, "front-matter") == (
        1,
        "error",
        "front matter opened here never closes",
    )
    assert "no-title" not in codes(talk)  # consequences of the broken front matter are quiet


def test_toml_front_matter_that_never_closes() -> None:
    talk = parse_talk("+++\ntitle = 'T'\n", "t.md")
    assert problem(talk, "front-matter")[:2] == (1, "error")


def test_duplicate_key_is_reported() -> None:
    talk = parse_talk(GOOD.replace("title: Ice sheets\n", "title: A\ntitle: B\n"), "t.md")
    assert talk.title == "B"
    assert problem(talk, "yaml")[:2] == (3, "warning")


def test_values_yaml_cannot_build_stay_text() -> None:
    text = f"---\ntitle: T\ndate: 2024-02-30\ntime: {'9' * 5000}\n---\n"
    talk = parse_talk(text, "t.md")
    assert talk.start is None
    assert any("2024-02-30" in p.message for p in talk.problems if p.code == "date")
    assert any(p.code == "time" and p.line == 4 for p in talk.problems)


# ---------------------------------------------------------------- encodings


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.md"
    path.write_bytes(GOOD.replace("Ice moves.", "Glace épaisse.").encode("latin-1"))
    talk = read_talk(path)
    assert problem(talk, "encoding")[:2] == (9, "warning")
    assert talk.title == "Ice sheets" and "paisse" in talk.abstract


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(256)) * 40, b"---\ntitle: \x00\n---\n"],
    ids=["png", "all-bytes", "nul-in-text"],
)
def test_binary_file(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "image.md"
    path.write_bytes(content)
    talk = read_talk(path)
    assert problem(talk, "encoding")[1:] == ("error", "this is a binary file, not a talk file")
    assert talk.id == "image"


def test_utf16_file(tmp_path: Path) -> None:
    path = tmp_path / "wide.md"
    path.write_bytes(GOOD.encode("utf-16"))
    talk = read_talk(path)
    assert talk.title == "Ice sheets"
    assert problem(talk, "encoding")[1] == "warning"


@pytest.mark.parametrize("bom", ["\ufeff", "\ufeff\ufeff"])
def test_byte_order_mark(bom: str, tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes((bom + GOOD).encode("utf-8"))
    talk = read_talk(path)
    assert talk.title == "Ice sheets"
    assert codes(talk) == []


def test_control_characters_are_removed() -> None:
    text = GOOD.replace("Ice sheets", "Ice\x1b[31m sheets\x07").replace(
        "Ice moves.", "Ice\x00 moves."
    )
    talk = parse_talk(text, "t.md")
    assert talk.title == "Ice[31m sheets"
    assert talk.abstract == "Ice moves."
    assert problem(talk, "encoding")[:2] == (2, "warning")


def test_control_characters_written_as_entities_or_escapes() -> None:
    text = GOOD.replace("Ice sheets", '"Ice\\e[2J sheets"').replace(
        "Ice moves.", "Ice&#27; &#1;moves."
    )
    talk = parse_talk(text, "t.md")
    assert (talk.title, talk.abstract) == ("Ice[2J sheets", "Ice moves.")
    assert problem(talk, "encoding")[:2] == (1, "warning")


def test_lone_surrogates_and_separators() -> None:
    talk = parse_talk(GOOD.replace("Ice moves.", "Ice\ud800 moves\u2028on."), "t.md")
    assert talk.abstract == "Ice moves on."


def test_unreadable_paths(tmp_path: Path) -> None:
    folder = read_talk(tmp_path)
    assert problem(folder, "unreadable")[1:] == ("error", "not a regular file")
    missing = read_talk(tmp_path / "missing.md")
    assert problem(missing, "unreadable")[1] == "error"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_not_read(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    writer = threading.Thread(target=pipe.write_text, args=("---\ntitle: T\n---\n",))
    writer.start()  # waits for a reader to open the pipe
    assert problem(read_talk(pipe), "unreadable")[2] == "not a regular file"
    writer.join(timeout=0.2)
    assert writer.is_alive()  # the pipe was never opened: its writer still waits
    assert pipe.read_text() == "---\ntitle: T\n---\n"
    writer.join()


# ---------------------------------------------------------------- big files


def _timed(text: str) -> tuple[Talk, float]:
    started = time.perf_counter()
    talk = parse_talk(text, source="big.md", default_timezone="Europe/Oslo")
    return talk, time.perf_counter() - started


def test_ten_megabyte_file_is_read_in_reasonable_time(tmp_path: Path) -> None:
    paragraph = (
        "Grain boundaries in <i>nickel</i> move under stress [1]; see "
        '<a href="https://example.org/x?a=1&b=2">the data</a> and T<sub>c</sub> &lt; 10 K,'
        " R&D at 3 < 4, `code`, **bold** and [a link](https://example.org).<br>\n"
    )
    path = tmp_path / "big.md"
    path.write_text(GOOD + paragraph * (10_000_000 // len(paragraph)), encoding="utf-8")
    started = time.perf_counter()
    talk = read_talk(path)
    assert time.perf_counter() - started < 10
    assert talk.abstract.startswith("Ice moves.")
    assert len(talk.abstract) > 9_000_000


@pytest.mark.parametrize(
    ("where", "chunk"),
    [
        ("### When?\n", "9th January 2025 (Monday) 3.00 PM IST "),
        ("### When?\n", "time "),
        ("### Speaker and Affiliation:\n", "Dr. A B, Professor, University of C<br>"),
        ("### Venue\n", '<a href="https://x.org">'),
        ("### Venue\n", "(("),
        ("### Abstract\n", "<a "),
        ("### Abstract\n<a b=x", "c=x'"),
        ("### Abstract\n<a", " c='x"),
        ("### Abstract\n", '<a b="'),
        ("### Abstract\n", "<"),
        ("### Abstract\n", "<div>"),
        ("### Abstract\n", "<!--"),
        ("### Abstract\n", "]("),
        ("### Abstract\n", "{x}`"),
        ("### Abstract\n", "[1] "),
        ("### Abstract\n", "1. x\n"),
        ("### Abstract\n", "<br>"),
        ("### Abstract\nReferences:\n", "1. x\n"),
        ("# ", " #"),
        ("Before any heading ", "Lecture Series "),
    ],
)
def test_no_quadratic_corner(where: str, chunk: str) -> None:
    """Each pattern at 20 kB and at 10 times that: the time grows about tenfold, not a
    hundredfold (a regular expression that backtracks, an HTML parser that rescans)."""
    small, small_time = _timed(f"{GOOD}{where}{chunk * (20_000 // len(chunk))}\n")
    large, large_time = _timed(f"{GOOD}{where}{chunk * (200_000 // len(chunk))}\n")
    assert isinstance(small, Talk) and isinstance(large, Talk)
    assert large_time < max(30 * small_time, 0.5), (small_time, large_time)


def test_long_heading_line() -> None:
    talk, took = _timed(f"{GOOD}# a{' ' * 200_000}b\nText.\n")
    assert took < 1 and talk.details == "**a b**\n\nText."


@pytest.mark.parametrize("unit", ["c=x'", "c='x'c=x", ' c=x"'])
def test_tag_attributes_cannot_backtrack(unit: str) -> None:
    """An unquoted attribute value holding quotes could be split into attributes in
    exponentially many ways, were it not read whole."""
    talk, took = _timed(f"{GOOD}<a b=x{unit * 40}\n")
    assert took < 1 and "Ice moves." in talk.abstract


def test_huge_reference_list_stays_in_the_abstract() -> None:
    talk, took = _timed(GOOD + "References:\n" + "1. An entry\n" * 200_000)
    assert took < 5
    assert talk.references == () and talk.abstract.endswith("1. An entry")


def test_empty_references_are_no_references() -> None:
    talk = parse_talk(GOOD + "References:\n\n1. <b></b>\n", source="t.md")
    assert talk.references == ()


def test_long_values_are_cut_and_reported() -> None:
    text = GOOD.replace("Dr. Lena Frost, Polar Institute", "Dr. Lena Frost" + ", X" * 20_000)
    talk, took = _timed(text)
    assert took < 2
    assert problem(talk, "too-long")[:2] == (3, "warning")
    assert talk.speakers[0].name == "Lena Frost"


def test_long_when_section_is_cut_and_reported() -> None:
    text = "---\ntitle: T\n---\n### When?\n" + "3rd March 2025, 10 AM " * 10_000 + "\n"
    talk, took = _timed(text)
    assert took < 2
    assert problem(talk, "too-long")[:2] == (5, "warning")
    assert isinstance(talk.start, dt.datetime) and talk.start.date() == dt.date(2025, 3, 3)


# ---------------------------------------------------------------- wrong types

WRONG_VALUES: list[object] = [
    ["a", ["b"]],
    {"a": {"b": [1]}},
    42,
    3.5,
    True,
    dt.date(2025, 1, 2),
    [{"name": None}],
    [],
    {},
    "",
    None,
]
EVERY_KEY = sorted({key for keys in KEYS.values() for key in keys} | set(LINK_KEYS))


@pytest.mark.parametrize("key", EVERY_KEY)
def test_every_key_with_every_type(key: str) -> None:
    """A value of any type under any key the reader uses: never an exception, and a list or
    a mapping where text belongs is a ``type`` (or more specific) problem at the key's line."""
    for value in WRONG_VALUES:
        import yaml  # noqa: PLC0415 - only this test writes YAML

        front = yaml.safe_dump({"title": "T", key: value} if key != "title" else {key: value})
        talk = parse_talk(f"---\n{front}---\nBody.\n", source="t.md")
        assert isinstance(talk, Talk)
        lines = {p.line for p in talk.problems if p.code in {"type", "speaker", "date", "time"}}
        assert all(0 <= line <= front.count("\n") + 3 for line in lines)


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("title", "[a, b]", "type"),
        ("venue", "[a, b]", "type"),
        ("series", "{a: 1}", "type"),
        ("abstract", "[a]", "type"),
        ("bio", "{a: b}", "type"),
        ("online_url", "[https://x.org]", "type"),
        ("slides", "{a: b}", "type"),
        ("permalink", "[a]", "type"),
        ("affiliation", "[a]", "type"),
        ("tags", "{a: b}", "type"),
        ("links", "yes", "type"),
        ("speaker", "42", "speaker"),
        ("speakers", "[[a]]", "speaker"),
        ("date", "[2025, 1, 2]", "date"),
        ("time", "[10, 30]", "time"),
        ("timezone", "[UTC]", "timezone"),
        ("title", "yes", "type"),
    ],
)
def test_wrong_type_is_reported_at_its_line(key: str, value: str, code: str) -> None:
    talk = parse_talk(f"---\nspeaker: A B\ndate: 2025-01-02\n{key}: {value}\n---\n", "t.md")
    assert any(p.code == code and p.line == 4 for p in talk.problems), talk.problems


def test_numbers_and_dates_where_text_belongs_are_text() -> None:
    talk = parse_talk("---\ntitle: 2046\nvenue: 101\nseries: 2025-01-02\n---\n", "t.md")
    assert (talk.title, talk.venue, talk.series) == ("2046", "101", "2025-01-02")
    assert "type" not in codes(talk)


@pytest.mark.parametrize(("written", "expected"), [("10:30", (10, 30)), ("9:05", (9, 5))])
def test_unquoted_time_is_a_time(written: str, expected: tuple[int, int]) -> None:
    """YAML 1.1 reads 10:30 as the base-60 number 630; the reader reads it as written."""
    talk = parse_talk(GOOD.replace('"16:00"', written), source="t.md")
    assert isinstance(talk.start, dt.datetime)
    assert (talk.start.hour, talk.start.minute) == expected
    assert "time" not in codes(talk)


def test_unquoted_time_without_a_colon_is_read_with_a_warning() -> None:
    talk = parse_talk(GOOD.replace('"16:00"', "1400"), source="t.md")
    assert isinstance(talk.start, dt.datetime)
    assert (talk.start.hour, talk.start.minute) == (14, 0)
    line, level, message = problem(talk, "time")
    assert (line, level) == (5, "warning") and 'write it as "14:00"' in message


@pytest.mark.parametrize(("written", "clock"), [("0700", (7, 0)), ("0930", (9, 30))])
def test_unquoted_time_with_a_leading_zero(written: str, clock: tuple[int, int]) -> None:
    """YAML 1.1 reads 0700 in base 8 (448); the reader reads the digits as written."""
    talk = parse_talk(GOOD.replace('"16:00"', written), source="t.md")
    assert isinstance(talk.start, dt.datetime)
    assert (talk.start.hour, talk.start.minute) == clock
    assert f"time {written} read as {clock[0]:02d}:{clock[1]:02d}" in problem(talk, "time")[2]


def test_numbers_in_odd_bases_elsewhere_stay_text() -> None:
    talk = parse_talk("---\ntitle: 10:30\nvenue: 1:30:00\nseries: 0101\n---\n", "t.md")
    assert (talk.title, talk.venue, talk.series) == ("10:30", "1:30:00", "0101")


@pytest.mark.parametrize(
    "nesting",
    [
        "venue:\n  " + "- " * 40_000 + "a",  # compact sequences: one line, no indentation
        "venue:\n" + "".join(f"{' ' * i}- k{i}:\n" for i in range(0, 60, 2)),
        "venue:\n" + "? " * 1_000 + "a",
        "venue:\n  ? k\n  : " + "- " * 30 + "a",  # after an explicit value indicator
    ],
    ids=["compact-sequences", "sequence-of-mappings", "complex-keys", "explicit-value"],
)
def test_deep_block_nesting_without_indentation(nesting: str) -> None:
    talk = parse_talk(f"---\ntitle: T\n{nesting}\n---\n", "t.md")
    assert f"nested more than {MAX_DEPTH} levels deep" in problem(talk, "yaml")[2]


def test_many_bare_keys_are_counted() -> None:
    """A bare ``?`` is two values (a null key and a null value) in one character."""
    keys = "?\n" * (MAX_NODES // 2 - 1) + "?"  # fewer characters than MAX_NODES
    talk = parse_talk(f"---\n{keys}\n---\n", "t.md")
    assert f"more than {MAX_NODES:,} values" in problem(talk, "yaml")[2]


def _depth(node: yaml.Node) -> int:
    if isinstance(node, yaml.SequenceNode):
        return 1 + max((_depth(child) for child in node.value), default=0)
    if isinstance(node, yaml.MappingNode):
        children = [child for pair in node.value for child in pair]
        return 1 + max((_depth(child) for child in children), default=0)
    return 1


def _deepest_within(columns: int) -> list[str]:
    """Front matter nesting as deep as ``columns`` of indentation and indicators allow:
    mappings one column apart, and sequences of mappings two columns apart."""
    by_mappings = [f"{' ' * i}k{i}:" for i in range(columns + 1)]
    by_sequences = ["s0:"] + [f"{' ' * i}- s{i + 2}:" for i in range(0, columns - 1, 2)]
    return ["\n".join(by_mappings) + " x", "\n".join(by_sequences) + " x"]


@pytest.mark.parametrize("shape", [0, 1], ids=["mappings", "sequences-of-mappings"])
def test_libyaml_reads_only_what_nests_within_the_limit(shape: int) -> None:
    within = _deepest_within(frontmatter._FAST_COLUMNS)[shape]
    beyond = _deepest_within(frontmatter._FAST_COLUMNS + 2)[shape]
    assert frontmatter._fast_loading(within) and not frontmatter._fast_loading(beyond)
    assert _depth(yaml.compose(within, Loader=yaml.SafeLoader)) <= MAX_DEPTH
    assert "yaml" not in codes(parse_talk(f"---\ntitle: T\n{within}\n---\n", "t.md"))
