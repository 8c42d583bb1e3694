"""Nothing in a talk folder stops the build, replaces a page, leaks a file or leaves the site
wrong: one test per class of input found to do so (encodings, offsets, text that looks like
calendar syntax, permalinks, calendar ends, links out of the folder, ids, clock changes, a
damaged earlier export, direction overrides, settings, other builders)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.sites import build, check_problems, output_files, talk, write_site

WARNING = r"WARNING: .*\[seminar\.{code}\]"


def warnings_of(text: str, code: str) -> list[str]:
    return [line for line in text.splitlines() if line.endswith(f"[seminar.{code}]")]


def events(ics: str) -> list[dict[str, object]]:
    calendar = Calendar.from_ical(ics)
    return [dict(event) for event in calendar.walk("VEVENT")]


# -- 1. encodings ----------------------------------------------------------------------------


def test_a_latin1_talk_file_is_read_with_replacements_and_a_located_warning(
    tmp_path: Path,
) -> None:
    text = talk("Caf\u00e9 science", body="Line one.\n\nThe r\u00e9sum\u00e9 follows.")
    source = write_site(tmp_path, {"latin.md": text.encode("latin-1"), "ok.md": talk()})
    result = build(source)
    assert result.status == 0
    encoding = warnings_of(result.warnings, "encoding")
    assert len(encoding) == 1 and encoding[0].startswith("talks/latin.md:2:"), result.warnings
    page = result.read("talks/latin.html")
    assert "Caf\ufffd science" in page and "r\ufffdsum\ufffd" in page
    assert "Grain boundaries" in result.read("talks/ok.html")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_binary_file_in_the_talk_folder_is_left_out_with_a_warning(
    tmp_path: Path, jobs: int
) -> None:
    talks: dict[str, str | bytes] = {f"t{n}.md": talk(f"Talk {n}") for n in range(8)}
    talks["image.md"] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe"
    talks["latin.md"] = talk("Caf\u00e9").encode("latin-1")
    source = write_site(tmp_path, talks)
    result = build(source, jobs=jobs)
    assert result.status == 0
    [binary] = [w for w in warnings_of(result.warnings, "encoding") if "image.md" in w]
    assert binary.startswith("talks/image.md:1:") and "binary" in binary
    assert not (result.outdir / "talks" / "image.html").exists()
    assert (result.outdir / "talks" / "latin.html").exists()
    assert all((result.outdir / "talks" / f"t{n}.html").exists() for n in range(8))
    assert "talks/image.md" not in result.read("seminars.json")


# -- 2. offsets without a zone name ----------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "utc"),
    [
        ("date: 2025-04-01T10:00:00+01:00\n", "20250401T090000Z"),
        ('date: 2025-04-01\ntime: "10:00 GMT+1"\n', "20250401T090000Z"),
        ('date: 2025-04-01\ntime: "10:00 UTC+5:30"\n', "20250401T043000Z"),
        ('date: 2025-04-01\ntime: "10:00"\ntimezone: "+05:30"\n', "20250401T043000Z"),
    ],
)
def test_a_time_with_only_an_offset_is_written_in_utc(tmp_path: Path, when: str, utc: str) -> None:
    text = f"---\ntitle: Offsets\nspeaker: Dr. Ada Byrne\n{when}---\n\nAbstract.\n"
    source = write_site(tmp_path, {"offset.md": text})
    result = build(source)
    assert result.status == 0, result.warnings
    for ics in (result.read("seminars.ics"), result.read("_ics/offset.ics")):
        [event] = events(ics)
        assert event["DTSTART"].to_ical().decode() == utc  # type: ignore[attr-defined]
        assert "BEGIN:VTIMEZONE" not in ics


# -- 3. text that looks like calendar syntax -------------------------------------------------


def test_calendar_syntax_in_titles_and_abstracts_is_only_text(tmp_path: Path) -> None:
    text = talk(
        "Zones;TZID=Mars/Olympus:20250101T000000",
        body="About DTSTART;TZID=Some/Zone:20250101T100000 and\nBEGIN:VTIMEZONE lines.",
    )
    source = write_site(tmp_path, {"syntax.md": text, "plain.md": talk("Plain")})
    result = build(source)
    assert result.status == 0, result.warnings
    ics = result.read("seminars.ics")
    zones = [str(zone["TZID"]) for zone in Calendar.from_ical(ics).walk("VTIMEZONE")]
    assert zones == ["Europe/London"]
    titles = sorted(str(event["SUMMARY"]) for event in events(ics))
    assert titles == ["Plain", "Zones;TZID=Mars/Olympus:20250101T000000"]


# -- 4 and 5. permalinks ---------------------------------------------------------------------


def _site_with_permalink(tmp_path: Path, permalink: str) -> Path:
    """A site of two talks, ``taker.md`` giving the permalink (at line 7)."""
    extra = f"permalink: {json.dumps(permalink)}\n"
    return write_site(tmp_path, {"taker.md": talk(extra=extra), "other.md": talk("Other")})


@pytest.mark.parametrize(
    "permalink",
    [
        "/seminars.json",
        "/seminars.ics",
        "/_static/basic.css",
        "/_sources/index.md.txt",
        "/genindex",
        "/search.html",
        "/seminar-index",
        "/seminar-speakers.html",
        "/archive",
        "/" + "long-" * 80,
        "/old/../../escape",
    ],
)
def test_a_permalink_never_replaces_what_the_build_writes(tmp_path: Path, permalink: str) -> None:
    source = _site_with_permalink(tmp_path, permalink)
    result = build(source)
    assert result.status == 0, result.warnings
    [warning] = warnings_of(result.warnings, "permalink")
    assert warning.startswith("talks/taker.md:") or warning.startswith("talks/taker.md")
    json.loads(result.read("seminars.json"))
    assert "BEGIN:VCALENDAR" in result.read("seminars.ics")
    assert "This talk has moved" not in result.read("_static/basic.css")
    for page in ("genindex.html", "search.html", "seminar-index.html", "archive.html"):
        assert "This talk has moved" not in result.read(page)
    assert not (tmp_path / "escape.html").exists()


@pytest.mark.parametrize(
    ("permalink", "why"),
    [
        ("/event.php?id=42", "cannot serve a query"),
        ("/seminars/?talk=3", "cannot serve a query"),
        ("/seminars#grain", "never sends the part after '#'"),
        ("mailto:office@example.org", "an address of another kind ('mailto:')"),
        ("/caf%FF", "%-escapes are not UTF-8"),
        ("/caf%zz", "starts no escape"),
        ("/100%", "starts no escape"),
        ("/old%2F..%2F..%2Fescape", "goes up a folder"),
        ("/old%00x", "a control character"),
    ],
)
def test_a_permalink_a_static_site_cannot_serve_is_a_warning_and_no_file(
    tmp_path: Path, permalink: str, why: str
) -> None:
    source = _site_with_permalink(tmp_path, permalink)
    before = {p.name for p in (tmp_path / "src").rglob("*")}
    result = build(source)
    assert result.status == 0, result.warnings
    [warning] = warnings_of(result.warnings, "permalink")
    assert warning.startswith("talks/taker.md:7:") and why in warning, warning
    assert ("talks/taker.md", 7, "permalink") in check_problems(source)
    written = {str(p.relative_to(result.outdir)) for p in result.outdir.rglob("*.html")}
    assert not [p for p in written if "moved" in result.read(p) or "?" in p or "#" in p]
    assert {p.name for p in (tmp_path / "src").rglob("*")} == before
    assert not (tmp_path / "escape.html").exists()


@pytest.mark.parametrize(
    ("permalink", "served_at"),
    [
        ("/talks/caf%C3%A9-grain", "talks/café-grain.html"),
        ("/old%20seminars/grain", "old seminars/grain/index.html"),
        ("https://old.example.edu/seminars/2025/grain/", "seminars/2025/grain.html"),
    ],
)
def test_escapes_are_decoded_and_a_full_address_serves_its_path(
    tmp_path: Path, permalink: str, served_at: str
) -> None:
    source = _site_with_permalink(tmp_path, permalink)
    result = build(source)
    assert result.status == 0 and not warnings_of(result.warnings, "permalink"), result.warnings
    assert "This talk has moved" in result.read(served_at)
    assert not [p for p in check_problems(source) if p[2] == "permalink"]


def test_the_home_page_of_a_dirhtml_site_is_not_replaced(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"home.md": talk(extra="permalink: /index\n")})
    result = build(source, "dirhtml")
    assert result.status == 0
    assert "This talk has moved" not in result.read("index.html")
    assert len(warnings_of(result.warnings, "permalink")) == 1


def test_two_talks_never_share_a_redirect(tmp_path: Path) -> None:
    first = talk("First", extra="permalink: /old/x\n")
    second = talk("Second", extra="id: y\n")
    conf = 'seminar_redirects = {"/old/x/index.html": "y"}\n'
    source = write_site(tmp_path, {"a-first.md": first, "b-second.md": second}, conf=conf)
    result = build(source)
    assert result.status == 0
    # the talk's own permalink comes first; the old address in conf.py gets no second file
    [warning] = warnings_of(result.warnings, "permalink")
    assert "old/x/index.html is the redirect of talk 'x'" in warning
    assert "First" in result.read("old/x.html")
    assert "First" in result.read("old/x/index.html")


@pytest.mark.parametrize(
    "body",
    [
        "Waves " + "<b>" * 300 + "deep" + "</b>" * 300,
        "Waves " + "<b><i>" * 200 + "deep" + "</i></b>" * 200,
        "Waves " + "**a *b " * 150 + "deep" + "* c**" * 150,
    ],
    ids=["html", "html-mixed", "markdown"],
)
def test_emphasis_nested_deep_does_not_stop_the_build(tmp_path: Path, body: str) -> None:
    source = write_site(tmp_path, {"deep.md": talk(body=body)})
    result = build(source)
    assert result.status == 0, result.warnings
    assert "deep" in result.read("talks/deep.html")


def test_links_of_a_page_follow_its_id_to_another_talk(tmp_path: Path) -> None:
    """A page whose id another file holds links to that talk's neighbours; when a third file
    takes the id, the neighbour that was after is now before, and the page is written again
    although nothing it shows changed but the side."""
    shadowed = talk("Shadowed", date="2025-03-05", extra="id: same\n")
    holder = talk("Holder", date="2025-03-01", extra="id: same\n")
    source = write_site(
        tmp_path,
        {
            "m-shadowed.md": shadowed,
            "b-holder.md": holder,
            "c-other.md": talk("Other", date="2025-03-03"),
        },
    )
    assert build(source).status == 0
    page = (tmp_path / "_build" / "html" / "talks" / "m-shadowed.html").read_text()
    assert 'class="seminar-next">Other' in page and "seminar-prev" not in page
    (source / "talks" / "a-new.md").write_text(talk("New", date="2025-03-09", extra="id: same\n"))
    result = build(source)
    page = result.read("talks/m-shadowed.html")
    assert 'class="seminar-prev">Other' in page and "seminar-next" not in page


def test_a_permalink_of_the_talks_own_address_is_no_warning_in_dirhtml(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"own.md": talk(extra="permalink: /talks/own/\n")})
    result = build(source, "dirhtml")
    assert result.status == 0 and "seminar.permalink" not in result.warnings


def test_a_deleted_talk_takes_its_page_along_and_frees_its_address(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"a.md": talk("Kept"), "b.md": talk("Gone")})
    assert build(source).status == 0
    (source / "talks" / "b.md").unlink()
    (source / "talks" / "a.md").write_text(talk("Kept", extra="permalink: /talks/b\n"))
    result = build(source)
    assert "seminar.permalink" not in result.warnings
    assert "This talk has moved" in result.read("talks/b.html")
    assert not (result.outdir / "_sources" / "talks" / "b.md.txt").exists()


def test_a_rescheduled_talk_follows_its_new_slot_when_that_moves(tmp_path: Path) -> None:
    """A talk's JSON-LD gives the time of the talk it was rescheduled to: when that talk
    moves, the page is written again, though the two are not neighbours."""
    talks = {
        "a.md": talk("Old slot", date="2025-03-10", extra="rescheduled_to: b\n"),
        "b.md": talk("New slot", date="2025-03-20"),
        "c.md": talk("Between", date="2025-03-12"),
    }
    source = write_site(tmp_path, talks)
    assert build(source).status == 0
    (source / "talks" / "b.md").write_text(talk("New slot", date="2025-04-22"))
    result = build(source)
    assert '"startDate":"2025-04-22T15:00:00' in result.read("talks/a.html")


def test_a_file_added_later_where_a_redirect_was_is_kept(tmp_path: Path) -> None:
    conf = 'html_extra_path = ["extra"]\n'
    source = write_site(tmp_path, {"a.md": talk(extra="permalink: /legacy/a.html\n")}, conf=conf)
    (source / "extra").mkdir()
    assert build(source).status == 0
    (source / "extra" / "legacy").mkdir()
    (source / "extra" / "legacy" / "a.html").write_text("<p>our own page</p>", encoding="utf-8")
    result = build(source)
    assert "our own page" in result.read("legacy/a.html")
    assert "legacy/a.html is a file of html_extra_path" in result.warnings


def test_a_redirect_no_talk_gives_any_more_is_removed(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"moved.md": talk(extra="permalink: /old/moved\n")})
    assert build(source).status == 0
    assert (tmp_path / "_build" / "html" / "old" / "moved.html").exists()
    (source / "talks" / "moved.md").write_text(talk(extra="permalink: /new/moved\n"))
    result = build(source)
    assert not (result.outdir / "old" / "moved.html").exists()
    assert not (result.outdir / "old").exists()  # nor the folder it leaves empty
    assert (result.outdir / "new" / "moved.html").exists()


def test_a_talk_file_whose_suffix_changes_leaves_no_old_source(tmp_path: Path) -> None:
    conf = (
        'source_suffix = {".md": "markdown", ".markdown": "markdown"}\n'
        'seminar_talks = ["talks/**/*.md", "talks/**/*.markdown"]\n'
    )
    source = write_site(tmp_path, {"grain.md": talk(), "other.md": talk("Other")}, conf=conf)
    assert build(source).status == 0
    (source / "talks" / "grain.md").rename(source / "talks" / "grain.markdown")
    result = build(source)
    assert result.status == 0
    clean = build(source, out=tmp_path / "clean", fresh=True)
    assert sorted(output_files(result.outdir)) == sorted(output_files(clean.outdir))
    assert (result.outdir / "_sources" / "talks" / "grain.markdown.txt").exists()


# -- 6. the ends of the calendar -------------------------------------------------------------


@pytest.mark.parametrize(
    "when",
    [
        "date: 0001-01-01\n",
        'date: 0001-01-01\ntime: "00:10"\n',
        'date: 9998-12-31\ntime: "23:30"\n',
        'date: 9999-12-31\ntime: "23:30"\n',
        "date: 9999-12-31\n",
        'date: 0001-01-01\ntime: "01:30"\ntimezone: IST\n',
        'date: 9999-12-31\ntime: "23:30"\ntimezone: America/New_York\n',
    ],
)
def test_dates_at_the_ends_of_the_calendar_build(tmp_path: Path, when: str) -> None:
    text = f"---\ntitle: Far away\nspeaker: Dr. Ada Byrne\n{when}---\n\nAbstract.\n"
    source = write_site(tmp_path, {"far.md": text, "near.md": talk()})
    result = build(source)
    assert result.status == 0, result.warnings
    assert len(events(result.read("seminars.ics"))) == 2
    json.loads(result.read("seminars.json"))


def test_a_talk_moved_to_the_ends_of_the_calendar_rebuilds(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"moving.md": talk()})
    assert build(source).status == 0
    moved = '---\ntitle: Moved\ndate: 0001-01-01\ntime: "01:30"\ntimezone: "+05:30"\n---\n'
    (source / "talks" / "moving.md").write_text(moved, encoding="utf-8")
    result = build(source)
    assert result.status == 0, result.warnings
    [event] = events(result.read("seminars.ics"))
    assert event["SEQUENCE"] == 1


# -- 7. links out of the source folder -------------------------------------------------------


def test_a_talk_file_linking_out_of_the_source_folder_is_not_published(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(talk("SECRET-TITLE", body="SECRET-BODY"), encoding="utf-8")
    source = write_site(tmp_path, {"ok.md": talk()})
    (source / "talks" / "leak.md").symlink_to(secret)
    (source / "inline.md").write_text(
        "---\norphan: true\n---\n# Inline\n\n```{seminar} talks/leak.md\n```\n", encoding="utf-8"
    )
    result = build(source)
    assert result.status == 0
    paths = warnings_of(result.warnings, "path")
    assert any(w.startswith("talks/leak.md:1:") for w in paths), result.warnings
    assert any(w.startswith("inline.md:") for w in paths), result.warnings
    for path in result.outdir.rglob("*"):
        if path.is_file():
            assert b"SECRET" not in path.read_bytes(), path


def test_a_link_inside_the_source_folder_is_a_talk(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"ok.md": talk("Linked talk")})
    (source / "shared").mkdir()
    (source / "shared" / "real.md").write_text(talk("Linked talk"), encoding="utf-8")
    (source / "talks" / "linked.md").symlink_to(source / "shared" / "real.md")
    (source / "conf.py").write_text(
        (source / "conf.py").read_text() + 'exclude_patterns += ["shared"]\n'
    )
    result = build(source)
    assert result.status == 0 and not warnings_of(result.warnings, "path")
    assert "Linked talk" in result.read("talks/linked.html")


# -- 9. ids ----------------------------------------------------------------------------------


def test_ids_that_differ_only_in_case_are_one_talk_with_a_warning(tmp_path: Path) -> None:
    source = write_site(
        tmp_path,
        {"a.md": talk("Upper", extra="id: Foo\n"), "b.md": talk("Lower", extra="id: foo\n")},
    )
    result = build(source)
    assert result.status == 0
    [duplicate] = warnings_of(result.warnings, "duplicate")
    assert "talks/a.md" in duplicate and "talks/b.md" in duplicate
    assert len(events(result.read("seminars.ics"))) == 1
    assert "Add to calendar" not in result.read("talks/b.html")


def test_distinct_ids_have_distinct_anchors_and_calendars(tmp_path: Path) -> None:
    names = {
        "foo-bar.md": talk("Hyphen", extra="id: foo-bar\n"),
        "foo bar.md": talk("Space", extra="id: Foo Bar\n"),
        "семинар.md": talk("Cyrillic one", date="2025-03-05"),
        "доклад.md": talk("Cyrillic two", date="2025-03-06"),
    }
    source = write_site(tmp_path, names)
    result = build(source)
    assert result.status == 0 and not warnings_of(result.warnings, "duplicate")
    calendars = sorted(p.name for p in (result.outdir / "_ics").glob("*.ics"))
    assert len(calendars) == 4
    assert all(len(name) <= 84 for name in calendars)
    titles = sorted(str(e["SUMMARY"]) for e in events(result.read("seminars.ics")))
    assert titles == ["Cyrillic one", "Cyrillic two", "Hyphen", "Space"]
    # an edit of one talk keeps each talk once in the site calendar
    (source / "talks" / "foo bar.md").write_text(talk("Space, edited", extra="id: Foo Bar\n"))
    again = build(source)
    titles = sorted(str(e["SUMMARY"]) for e in events(again.read("seminars.ics")))
    assert titles == ["Cyrillic one", "Cyrillic two", "Hyphen", "Space, edited"]


def test_speakers_with_non_latin_names_keep_distinct_ids(tmp_path: Path) -> None:
    source = write_site(
        tmp_path,
        {
            "a.md": talk("One", speaker="Дмитрий Иванов"),
            "b.md": talk("Two", speaker="Ирина Петрова", date="2025-03-05"),
            "c.md": talk("Three", speaker="李小龍", date="2025-03-06"),
        },
    )
    result = build(source)
    assert result.status == 0
    ids = re.findall(r'id="(speaker-[^"]+)"', result.read("speakers.html"))
    assert len(ids) == 3 and len(set(ids)) == 3


# -- 10. clock changes -----------------------------------------------------------------------


def test_a_talk_in_the_hour_the_clocks_repeat_keeps_its_length(tmp_path: Path) -> None:
    text = talk("Night owls", date="2025-10-26", time='"01:30"')
    source = write_site(tmp_path, {"night.md": text})
    result = build(source)
    assert result.status == 0
    [twice] = warnings_of(result.warnings, "time")
    assert twice.startswith("talks/night.md:5:") and "happens twice" in twice
    [event] = events(result.read("_ics/night.ics"))
    start, end = event["DTSTART"].dt, event["DTEND"].dt  # type: ignore[attr-defined]
    assert (end - start).total_seconds() == 3600
    assert start.utcoffset().total_seconds() == 0  # written in UTC: one instant


# -- 11. a damaged earlier export ------------------------------------------------------------


@pytest.mark.parametrize(
    "damage", [b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\n", b"\x00\xff" * 50]
)
def test_a_damaged_calendar_in_the_output_folder_is_a_warning(
    tmp_path: Path, damage: bytes
) -> None:
    source = write_site(tmp_path, {"ok.md": talk()})
    outdir = tmp_path / "_build" / "html"
    outdir.mkdir(parents=True)
    (outdir / "seminars.ics").write_bytes(damage)
    result = build(source)
    assert result.status == 0
    assert len(warnings_of(result.warnings, "export")) == 1
    assert len(events(result.read("seminars.ics"))) == 1


# -- 12. direction overrides -----------------------------------------------------------------


def test_direction_overrides_are_dropped_and_talk_text_is_isolated(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"ok.md": talk("Abc \u202edef", speaker="Dr. \u202dEve Ng")})
    result = build(source)
    for page in ("archive.html", "talks/ok.html", "speakers.html"):
        assert "\u202e" not in result.read(page) and "\u202d" not in result.read(page)
    assert "Abc def" in result.read("archive.html") and "Eve Ng" in result.read("speakers.html")
    css = result.read("_static/sphinx-seminars.css")
    rule = re.search(r"([^{}]*)\{\s*unicode-bidi:\s*isolate;\s*\}", css)
    assert rule is not None
    for name in ("seminar-title", "seminar-speaker-link", "seminar-speaker-name"):
        assert f".{name}" in rule.group(1)
    assert 'class="seminar-title"' in result.read("archive.html")


# -- 13. settings that would give an empty or wrong site -------------------------------------


def test_settings_that_would_silently_empty_the_site_warn(tmp_path: Path) -> None:
    conf = (
        'exclude_patterns = ["_build", "talks"]\n'
        'seminar_talks = ["talks/**/*.md", "nothing/*.md", "../*.md", "/etc/*"]\n'
        'seminar_exports = ["json", "pdf"]\n'
    )
    source = write_site(tmp_path, {"ok.md": talk()}, conf=conf)
    result = build(source)
    assert result.status == 0
    config = "\n".join(warnings_of(result.warnings, "config"))
    assert "'talks/**/*.md' matches 1 file(s), but none is a page" in config
    assert "'nothing/*.md' matches no file" in config
    assert "'../*.md' (outside the source folder) left out" in config
    assert "'/etc/*' (outside the source folder) left out" in config
    assert "'pdf' (not one of" in config
    assert (result.outdir / "seminars.json").exists()
    assert not (result.outdir / "seminars.atom").exists()


# -- 14. other builders ----------------------------------------------------------------------


@pytest.mark.parametrize("builder", ["latex", "texinfo", "man", "text", "singlehtml", "epub"])
def test_a_speakers_page_builds_in_every_builder(tmp_path: Path, builder: str) -> None:
    source = write_site(tmp_path, {"a.md": talk(), "b.md": talk("Second", speaker="Ravi Iyer")})
    (source / "index.md").write_text("# Seminars\n\n```{toctree}\nspeakers\n```\n")
    result = build(source, builder)
    assert result.status == 0, result.warnings
    text = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in result.outdir.rglob("*")
        if p.suffix in (".tex", ".texi", ".1", ".txt", ".html", ".xhtml")
    )
    assert "Ravi Iyer" in text and "Ada Byrne" in text


def test_old_addresses_in_the_settings_redirect_like_permalinks(tmp_path: Path) -> None:
    conf = (
        "seminar_redirects = {'/2025/03/04/grain/': 'grain', '/nowhere/': 'no-such-talk',"
        " '/genindex': 'grain'}\n"
    )
    source = write_site(tmp_path, {"grain.md": talk()}, conf=conf)
    result = build(source)
    assert result.status == 0
    assert "talks/grain.html" in result.read("2025/03/04/grain/index.html")
    assert "This talk has moved" not in result.read("genindex.html")
    [unknown] = warnings_of(result.warnings, "config")
    assert "'/nowhere/' goes to 'no-such-talk', which is no talk of the site" in unknown
    assert len(warnings_of(result.warnings, "permalink")) == 1


# -- 15. Markdown footnotes ------------------------------------------------------------------

FOOTNOTED = (
    "## Abstract\n\nA claim[^1] and a note[^n].\n\n[^1]: One.\n[^n]: En.\n\n## Bio\n\nAda[^1].\n"
)
TWO_TALKS_WITH_FOOTNOTES = """\
---
orphan: true
---

# Two talks

The page's own claim[^1].

[^1]: The page note.

```{seminar}
:title: First inline
:id: first-inline
:speaker: Dr. Lena Ström
:date: 2025-06-01

A claim[^1].

[^1]: The first talk note.
```

```{seminar}
:title: Second inline
:id: second-inline
:speaker: Dr. Ravi Iyer
:date: 2025-06-02

Another claim[^1].

[^1]: The second talk note.
```
"""


@pytest.mark.parametrize("builder", ["html", "latex", "texinfo", "singlehtml", "man"])
def test_footnotes_are_notes_of_their_talk_and_a_missing_note_is_a_warning(
    tmp_path: Path, builder: str
) -> None:
    lonely = "A claim[^x].\n\n[^y]: A note of nothing."
    talks = {"a.md": talk(body=FOOTNOTED), "b.md": talk("Second", body=lonely)}
    pages = {"two.md": TWO_TALKS_WITH_FOOTNOTES}
    source = write_site(tmp_path, talks, pages=pages)
    result = build(source, builder)
    assert result.status == 0
    lines = result.warnings.splitlines()
    assert [w for w in lines if "[seminar.footnote]" in w] == [
        "talks/b.md:9: WARNING: the footnote '[^x]' has no note ('[^x]: ...'); shown as text"
        " [seminar.footnote]",
        "talks/b.md:11: WARNING: no reference '[^y]' to the footnote's note; shown as text"
        " [seminar.footnote]",
    ]
    assert not [w for w in lines if "[seminar." not in w], result.warnings
    assert {("talks/b.md", 9, "footnote"), ("talks/b.md", 11, "footnote")} <= check_problems(source)
    if builder == "html":
        page = result.read("talks/a.html")
        assert page.count('role="doc-footnote"') == 2 and page.count('role="doc-noteref"') == 3
        assert "A claim[^x]." in result.read("talks/b.html")
        two = result.read("two.html")
        notes = ["The page note.", "The first talk note.", "The second talk note."]
        assert all(note in two for note in notes) and two.count('role="doc-footnote"') == 3


# -- 16. local files ----------------------------------------------------------------------


def test_a_picture_or_slides_added_after_a_build_is_picked_up(tmp_path: Path) -> None:
    extra = "image: grain.png\nslides: slides/grain.pdf\nspeaker_photo: /people/ada.png\n"
    source = write_site(tmp_path, {"grain.md": talk(extra=extra), "other.md": talk("Other")})
    first = build(source)
    assert first.status == 0
    assert len(warnings_of(first.warnings, "path")) == 3, first.warnings
    [entry] = [t for t in json.loads(first.read("seminars.json"))["talks"] if t["id"] == "grain"]
    assert entry["image"] is None and entry["links"] == {}
    assert entry["speakers"][0]["photo"] is None
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
    )
    (source / "talks" / "grain.png").write_bytes(png)
    (source / "talks" / "slides").mkdir()
    (source / "talks" / "slides" / "grain.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (source / "people").mkdir()
    (source / "people" / "ada.png").write_bytes(png)
    second = build(source)
    assert second.status == 0 and not warnings_of(second.warnings, "path"), second.warnings
    page = second.read("talks/grain.html")
    assert "grain.png" in page and "grain.pdf" in page and "ada.png" in page
    [entry] = [t for t in json.loads(second.read("seminars.json"))["talks"] if t["id"] == "grain"]
    assert entry["image"]["src"] == "grain.png" and entry["links"] == {"slides": "slides/grain.pdf"}
    assert entry["speakers"][0]["photo"]["src"] == "/people/ada.png"


def test_files_the_page_refuses_are_in_no_export(tmp_path: Path) -> None:
    extra = "image: ../../../etc/hostname\nslides: ../../secret.pdf\n"
    source = write_site(tmp_path, {"grain.md": talk(extra=extra)})
    result = build(source)
    assert result.status == 0
    assert len(warnings_of(result.warnings, "path")) == 2, result.warnings
    exports = result.read("seminars.json") + result.read("talks/grain.html")
    assert "hostname" not in exports and "secret.pdf" not in exports


def test_footnotes_of_talk_files_on_one_page_keep_to_their_talk(tmp_path: Path) -> None:
    first = talk("First", extra="id: seminar\n", body="One[^2025-1].\n\n[^2025-1]: Note one.")
    second = talk("Second", extra="id: seminar-2025\n", body="Two[^1].\n\n[^1]: Note two.")
    third = talk("Third", extra="id: third\n", body="Three[^speaker-1].\n\n[^speaker-1]: Note 3.")
    directives = "```{seminar} other/a.md\n```\n\n```{seminar} other/b.md\n```\n"
    page = f"---\norphan: true\n---\n\n# Both\n\n{directives}"
    pages = {"other/a.md": first, "other/b.md": second, "both.md": page}
    conf = "exclude_patterns = ['_build', 'other']\n"
    source = write_site(tmp_path, {"third.md": third}, pages=pages, conf=conf)
    result = build(source)
    assert result.status == 0
    assert not [w for w in result.warnings.splitlines() if "[seminar." not in w], result.warnings
    both = result.read("both.html")
    targets = re.findall(r'class="footnote-reference brackets" href="#([^"]+)"', both)
    notes = re.findall(r'<aside class="footnote brackets" id="([^"]+)"', both)
    assert len(set(targets)) == 2 and set(targets) == set(notes)
    own = result.read("talks/third.html")
    assert len(re.findall(r'id="([^"]+)"', own)) == len(set(re.findall(r'id="([^"]+)"', own)))


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_a_talk_back_at_an_address_another_talk_took_gets_it_back(
    tmp_path: Path, builder: str
) -> None:
    taker = talk("Taker", date="2025-03-05", extra="permalink: /talks/back\n")
    back = talk("Back", date="2025-03-06", extra="permalink: /elsewhere/back\n")
    source = write_site(tmp_path, {"taker.md": taker, "back.md": back})
    assert build(source, builder).status == 0
    (source / "talks" / "back.md").rename(tmp_path / "back.md")  # gone: taker's redirect there
    assert build(source, builder).status == 0
    (tmp_path / "back.md").rename(source / "talks" / "back.md")
    result = build(source, builder)
    clean = build(source, builder, out=tmp_path / "clean", fresh=True)
    assert output_files(result.outdir).keys() == output_files(clean.outdir).keys()


def test_a_deleted_talk_of_any_suffix_takes_its_copied_source(tmp_path: Path) -> None:
    conf = (
        'source_suffix = {".md": "markdown", ".markdown": "markdown"}\n'
        'seminar_talks = ["talks/*.md", "talks/*.markdown"]\n'
    )
    source = write_site(tmp_path, {"a.md": talk(), "b.markdown": talk("B")}, conf=conf)
    assert build(source).status == 0
    (source / "talks" / "b.markdown").unlink()
    result = build(source)
    assert not (result.outdir / "_sources" / "talks" / "b.markdown.txt").exists()
    assert not (result.outdir / "talks" / "b.html").exists()


def _old_secret(tmp_path: Path, name: str) -> Path:
    """A file outside the source folder, older than any build (as /etc/passwd is)."""
    secret = tmp_path / name
    secret.write_bytes(b"TOP-SECRET-OUTSIDE\n")
    os.utime(secret, (1_000_000_000, 1_000_000_000))
    return secret


def test_a_picture_or_slides_turned_into_a_link_outside_leak_nothing(tmp_path: Path) -> None:
    extra = "slides: slides.pdf\nimage: pic.png\n"
    source = write_site(tmp_path, {"a.md": talk(extra=extra), "b.md": talk("B")})
    (source / "talks" / "slides.pdf").write_bytes(b"%PDF harmless")
    (source / "talks" / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\nharmless")
    assert build(source).status == 0
    secret = _old_secret(tmp_path, "secret.bin")
    for name in ("slides.pdf", "pic.png"):
        (source / "talks" / name).unlink()
        (source / "talks" / name).symlink_to(secret)
    result = build(source)
    assert len(warnings_of(result.warnings, "path")) == 2, result.warnings
    files = output_files(result.outdir)
    assert not [name for name, data in files.items() if b"TOP-SECRET" in data]
    clean = build(source, out=tmp_path / "clean", fresh=True)
    assert files.keys() == output_files(clean.outdir).keys()


def test_a_talk_file_turned_into_a_link_outside_is_left_out(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"a.md": talk(), "b.md": talk("B")})
    assert build(source).status == 0
    secret = _old_secret(tmp_path, "secret.md")
    (source / "talks" / "a.md").unlink()
    (source / "talks" / "a.md").symlink_to(secret)
    result = build(source)
    [warning] = warnings_of(result.warnings, "path")
    assert warning.startswith("talks/a.md:1:") and "outside the source folder" in warning
    files = output_files(result.outdir)
    assert not [name for name, data in files.items() if b"TOP-SECRET" in data]
    assert "talks/a.html" not in files
