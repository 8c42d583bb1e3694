"""``sphinx-seminars import``: a Jekyll or Hugo site, or an iCalendar file, made a seminar site
that builds; old addresses kept; a second import updates and never overwrites edits."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

from sphinx_seminars.cli import main
from sphinx_seminars.cli.importer import skip_reason
from sphinx_seminars.cli.importing.documents import Document
from sphinx_seminars.cli.importing.jekyll import jekyll_archive, jekyll_slug
from sphinx_seminars.cli.progress import Progress
from sphinx_seminars.cli.siteconf import read_conf
from sphinx_seminars.model import Problem, Talk
from sphinx_seminars.problems import Code
from sphinx_seminars.reader import read_talk

ARCHIVES = Path(__file__).parent / "archives"
JEKYLL = ARCHIVES / "jekyll-dept"
CALENDAR = ARCHIVES / "physics-seminars.ics"
TALKS = [
    "talks/archive/2024-01-11-seminar-menon.md",
    "talks/archive/2024-02-08-colloquium-fischer.md",
    "talks/archive/2024-03-07-defence-haddad.md",
    "talks/archive/2024-04-04-seminar-okafor.md",
    "talks/news/2024-03-20-workshop-microscopy.md",
    "talks/posts/2023-11-16-seminar-lindqvist.md",
]
#: What the example archive's files may be warned about (news and a workshop name no speaker;
#: Jekyll's redirect_from is a key the reader may not know).
ACCEPTED = {"no-speaker", "no-date", "no-abstract", "unknown-key"}


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run_import(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["import", *map(str, args)])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def build(site: Path) -> tuple[int, Path, list[str]]:
    out, warnings = site / "_build" / "html", site / "_build" / "warnings.txt"
    status = build_main(["-q", "-w", str(warnings), str(site), str(out)])
    codes = re.findall(r"\[seminar\.([a-z-]+)\]$", warnings.read_text("utf-8"), re.MULTILINE)
    return status, out, codes


def test_a_jekyll_site_becomes_a_site_that_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "site"
    status, out = run_import(capsys, JEKYLL, dest)
    assert status == 0
    talks = TALKS
    assert f"9 files read; {len(talks)} talks imported ({len(talks)} new)" in out
    assert "_archive/2024-05-02-seminar-broken.md: cannot be read: this is a binary file" in out
    assert "_news/2024-02-20-award-rao.md: not a talk: the file describes no event" in out
    assert "_pages/about.md: not a talk: the file describes no event" in out
    assert "time zone: Asia/Kolkata (stated by 6 of " in out
    assert "3 files they use copied (3 new)" in out
    for name in talks:  # copied unchanged
        source = JEKYLL / ("_" + name.removeprefix("talks/"))
        assert (dest / name).read_bytes() == source.read_bytes(), name
    for name, source in [
        ("assets/images/menon-poster.png", "assets/images/menon-poster.png"),
        ("assets/slides/fischer-colloquium.pdf", "assets/slides/fischer-colloquium.pdf"),
        ("talks/assets/images/okafor.jpg", "assets/images/okafor.jpg"),  # ../assets from talks/x/
    ]:
        assert (dest / name).read_bytes() == (JEKYLL / source).read_bytes()
    conf = read_conf(dest / "conf.py")
    assert conf["seminar_talks"] == ["talks/**/*.md"]
    assert conf["seminar_timezone"] == "Asia/Kolkata"
    assert conf["seminar_baseurl"] == "https://materials.example.edu/"
    assert conf["project"] == "Department of Applied Materials"
    assert conf["seminar_redirects"] == {
        "/2023/11/16/seminar-lindqvist/": "2023-11-16-seminar-lindqvist",  # _posts, pretty
        "/archive/2024-02-08-colloquium-fischer/": "2024-02-08-colloquium-fischer",
        "/news/2024-03-20-workshop-microscopy/": "2024-03-20-workshop-microscopy",
        "/talks/lindqvist/": "2023-11-16-seminar-lindqvist",  # redirect_from
    }

    status, html, codes = build(dest)
    assert status == 0
    assert set(codes) <= ACCEPTED, codes
    for name in talks:
        assert (html / name).with_suffix(".html").is_file(), name
    fischer = (html / "talks/archive/2024-02-08-colloquium-fischer.html").read_text("utf-8")
    assert "fischer-colloquium.pdf" in fischer  # the slides reach the output
    for permalink in ("seminar/menon-11-jan-2024", "defence/haddad-07-mar-2024"):
        assert (html / f"{permalink}.html").is_file()  # front-matter permalinks still serve


def test_old_addresses_from_the_permalink_pattern_redirect(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "site"
    assert run_import(capsys, JEKYLL, dest)[0] == 0
    status, html, _ = build(dest)
    assert status == 0
    known = json.loads((html / "seminars.json").read_text("utf-8"))
    assert known["talks"]
    page = (html / "archive/2024-02-08-colloquium-fischer/index.html").read_text("utf-8")
    assert "2024-02-08-colloquium-fischer.html" in page
    assert (html / "talks/lindqvist/index.html").is_file()


def test_not_a_talk_is_skipped_with_the_reason() -> None:
    news = Talk(
        id="award",
        title="An award",
        problems=(Problem(1, Code.NOT_A_TALK, "not a talk: news of an award"),),
    )
    document = Document(Path("_news/award.md"), "talks/news/award.md")
    assert skip_reason(news, document) == "not a talk: news of an award [seminar.not-a-talk]"
    assert skip_reason(Talk(id="t", title="A talk"), document) is None


def test_a_second_import_updates_and_keeps_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, dest = tmp_path / "old", tmp_path / "site"
    shutil.copytree(JEKYLL, source)
    assert run_import(capsys, source, dest)[0] == 0
    manifest = json.loads((dest / ".sphinx-seminars-import.json").read_text("utf-8"))
    assert set(TALKS) <= set(manifest["files"])

    count = len(TALKS)
    status, out = run_import(capsys, source, dest)
    assert status == 0
    assert f"{count} talks imported ({count} unchanged)" in out
    assert "3 files they use copied (3 unchanged)" in out

    menon, fischer, haddad = (dest / name for name in TALKS[:3])
    menon.write_text(menon.read_text("utf-8") + "\nEdited in the new site.\n", "utf-8")
    fischer.unlink()
    for name in ("_archive/2024-01-11-seminar-menon.md", "_archive/2024-03-07-defence-haddad.md"):
        path = source / name
        path.write_text(path.read_text("utf-8").replace("Abstract", "Abstract:"), "utf-8")
    (dest / "conf.py").write_text(
        (dest / "conf.py").read_text("utf-8") + "html_theme = 'furo'\n", "utf-8"
    )
    (source / "_news/2024-03-20-workshop-microscopy.md").unlink()

    status, out = run_import(capsys, source, dest)
    assert status == 0
    assert f"{TALKS[0]}: edited here: kept" in out
    assert f"{TALKS[1]}: deleted here: not written again" in out
    assert "conf.py: edited here: kept" in out
    assert "conf.py was kept as it is; the settings of this import, to copy into it:" in out
    assert '\n    seminar_timezone = "Asia/Kolkata"\n' in out
    assert (
        "1 file of an earlier import no longer in the archive (kept; delete them if they should"
        f" go): {TALKS[4]}"
    ) in out
    assert (dest / TALKS[4]).is_file()
    assert "Edited in the new site." in menon.read_text("utf-8")
    assert not fischer.exists()
    assert haddad.read_bytes() == (source / "_archive/2024-03-07-defence-haddad.md").read_bytes()
    assert "html_theme = 'furo'" in (dest / "conf.py").read_text("utf-8")


def test_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_import(capsys, JEKYLL, tmp_path / "site", "--dry-run")
    assert status == 0
    assert out.startswith(f"Would import the Jekyll site {JEKYLL} into {tmp_path / 'site'}:")
    assert not (tmp_path / "site").exists()


def test_a_calendar_becomes_talks_with_the_right_times(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "site"
    status, out = run_import(capsys, CALENDAR, dest)
    assert status == 0
    assert "5 events read; 5 talks imported (5 new)" in out
    assert "1 cancelled event: 'status: cancelled' in the talk file" in out
    assert "1 repeating event: only the first date is imported" in out
    files = sorted(p.relative_to(dest).as_posix() for p in (dest / "talks").iterdir())
    assert files == [
        "talks/2025-01-07-journal-club.md",
        "talks/2025-01-14-keller.md",
        "talks/2025-03-11-dark-matter-searches-underground.md",
        "talks/2025-04-02-rivera.md",
        "talks/2025-06-01-summer-school-on-detectors.md",
    ]
    rivera = (dest / "talks/2025-04-02-rivera.md").read_text("utf-8")
    assert "status: cancelled\n" in rivera
    assert "host: Seminar Office\n" in (
        dest / "talks/2025-03-11-dark-matter-searches-underground.md"
    ).read_text("utf-8")
    assert main(["check", str(dest / "talks")]) == 0
    capsys.readouterr()

    status, html, codes = build(dest)
    assert status == 0
    assert set(codes) <= {"no-speaker", "no-abstract"}, codes
    talks = {t["id"]: t for t in json.loads((html / "seminars.json").read_text("utf-8"))["talks"]}
    keller = talks["2025-01-14-keller"]
    assert (keller["start"], keller["end"]) == (
        "2025-01-14T16:00:00+01:00",
        "2025-01-14T17:00:00+01:00",
    )
    assert keller["speakers"][0]["name"] == "Anna Keller"
    assert keller["speakers"][0]["affiliation"] == "University of Lakeside"
    assert keller["abstract"].startswith("What beta decays say about the mass")
    assert keller["links"] == {"event": "https://indico.example.org/event/101/"}
    assert keller["venue"] == "Auditorium A (Main Building)"
    dark = talks["2025-03-11-dark-matter-searches-underground"]
    assert dark["start"] == "2025-03-11T14:15:00+01:00"
    assert dark["online_url"] == "https://meet.example.org/dark-matter"
    assert dark["tags"] == ["Particle physics"]
    assert talks["2025-04-02-rivera"]["start"] == "2025-04-02T11:00:00-04:00"
    school = talks["2025-06-01-summer-school-on-detectors"]
    assert (school["start"], school["end"]) == ("2025-06-01", "2025-06-02")
    assert (html / "talks/2025-01-14-keller.html").is_file()


def test_a_rescheduled_event_moves_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calendar, dest = tmp_path / "seminars.ics", tmp_path / "site"
    calendar.write_bytes(CALENDAR.read_bytes())
    assert run_import(capsys, calendar, dest)[0] == 0
    calendar.write_bytes(
        CALENDAR.read_bytes().replace(b"20250114T150000Z", b"20250121T150000Z")
        .replace(b"20250114T160000Z", b"20250121T160000Z")
    )  # fmt: skip
    status, out = run_import(capsys, calendar, dest)
    assert status == 0
    assert not (dest / "talks/2025-01-14-keller.md").exists()
    moved = read_talk(dest / "talks/2025-01-21-keller.md")
    assert moved.start is not None and moved.start.isoformat() == "2025-01-21T16:00:00+01:00"
    assert "4 unchanged" in out and "1 new" in out


def test_a_hugo_site_with_page_bundles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "hugo"
    (source / "content/event/ice-flow").mkdir(parents=True)
    (source / "content/talk").mkdir(parents=True)
    (source / "content/post").mkdir(parents=True)
    (source / "static/uploads").mkdir(parents=True)
    (source / "hugo.toml").write_text(
        'title = "Glaciology Group"\nbaseURL = "https://ice.example.org/"\n'
        'timeZone = "Europe/Oslo"\n[permalinks]\nevent = "/events/:year/:slug/"\n',
        "utf-8",
    )
    (source / "content/event/_index.md").write_text("---\ntitle: Events\n---\n", "utf-8")
    (source / "content/event/ice-flow/index.md").write_text(
        "---\ntitle: Ice Flow Models\nevent: Glacier Days\nauthors: [Kari Berg]\n"
        "date: '2024-05-06T10:00:00+02:00'\nslug: ice-flow-models\n"
        "url_slides: slides.pdf\n---\nHow ice flows.\n",
        "utf-8",
    )
    (source / "content/event/ice-flow/featured.jpg").write_bytes(b"\xff\xd8 photo \xff\xd9")
    (source / "content/event/ice-flow/slides.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (source / "content/talk/calving.md").write_text(
        "---\ntitle: Calving fronts\nauthors: [Ola Lie]\ndate: 2024-06-03\n"
        "aliases: [/old/calving/]\n---\n![front](/uploads/front.png)\n",
        "utf-8",
    )
    (source / "static/uploads/front.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (source / "content/post/news.md").write_text(
        "---\ntitle: We moved\ndate: 2024-01-01\n---\nA blog post.\n", "utf-8"
    )
    dest = tmp_path / "site"
    status, out = run_import(capsys, source, dest)
    assert status == 0, out
    assert "2 files read; 2 talks imported (2 new)" in out
    assert "time zone: Europe/Oslo" in out
    for name in ("featured.jpg", "slides.pdf"):  # the bundle comes along
        assert (dest / "talks/event/ice-flow" / name).is_file()
    assert (dest / "uploads/front.png").is_file()
    conf = read_conf(dest / "conf.py")
    assert conf["seminar_redirects"] == {
        "/events/2024/ice-flow-models/": "ice-flow-models",
        "/old/calving/": "calving",
        "/talk/calving/": "calving",
    }
    assert conf["project"] == "Glaciology Group"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("date", "/talks/2021/03/04/my-talk.html"),
        ("pretty", "/talks/2021/03/04/my-talk/"),
        ("/:categories/:title:output_ext", "/talks/my-talk.html"),
        ("/:year/:i_month/:slug/", "/2021/3/my-talk/"),
    ],
)
def test_jekyll_post_addresses(tmp_path: Path, pattern: str, expected: str) -> None:
    (tmp_path / "_config.yml").write_text(f"permalink: '{pattern}'\n", "utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts/2021-03-04-my-talk.md").write_text(
        "---\ntitle: T\ncategories: [Talks]\n---\n", "utf-8"
    )
    [document] = jekyll_archive(tmp_path).documents
    assert document.old_url == expected


def test_jekyll_defaults_and_collections(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text(
        "collections:\n  talks:\n    output: true\n  drafts_of_talks:\n    output: false\n"
        "defaults:\n  - scope: {path: '_talks/2020', type: talks}\n"
        "    values: {permalink: '/old/:name/'}\n",
        "utf-8",
    )
    for name in ("_talks/2020/a.md", "_talks/b.md", "_drafts_of_talks/c.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("---\ntitle: T\n---\n", "utf-8")
    found = {d.dest: d.old_url for d in jekyll_archive(tmp_path).documents}
    assert found == {
        "talks/talks/2020/a.md": "/old/a/",
        "talks/talks/b.md": "/talks/b.html",
        "talks/drafts_of_talks/c.md": None,  # never published: no old address
    }


def test_jekyll_slugs() -> None:
    assert jekyll_slug("Ström's Talk: 2021!") == "ström-s-talk-2021"
    assert jekyll_slug("Ström's Talk: 2021!", pretty=True, cased=True) == "Ström's-Talk-2021!"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{tmp}/missing", "{tmp}/site"], "does not exist"),
        (["{archive}", "{archive}/site"], "is inside"),
        (["{tmp}/notes.txt", "{tmp}/site"], "is neither a site folder nor an iCalendar"),
        (["{tmp}/broken.ics", "{tmp}/site"], "is not an iCalendar file that can be read"),
        (["{tmp}/empty.ics", "{tmp}/site"], "holds no calendar"),
    ],
)
def test_bad_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    (tmp_path / "notes.txt").write_text("just notes\n", "utf-8")
    (tmp_path / "broken.ics").write_text("BEGIN:VCALENDAR\nthis is not\n", "utf-8")
    (tmp_path / "empty.ics").write_text("", "utf-8")
    archive = tmp_path / "archive"
    shutil.copytree(JEKYLL, archive)
    filled = [a.format(tmp=tmp_path, archive=archive) for a in args]
    status, out = run_import(capsys, *filled)
    assert status == 2
    assert message in out
    assert "Traceback" not in out


def test_progress_only_on_a_terminal() -> None:
    shown, hidden = Terminal(), io.StringIO()
    for stream in (shown, hidden):
        progress = Progress("Reading", 2, stream)
        progress.step()
        progress.step()
        progress.close()
    assert "\rReading 1/2" in shown.getvalue() and "Reading 2/2" in shown.getvalue()
    assert hidden.getvalue() == ""


FLOATING = """\
BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Example//EN\r
BEGIN:VEVENT\r
UID:floating-1@example.org\r
DTSTAMP:20241201T090000Z\r
DTSTART:20250204T170000\r
DURATION:PT90M\r
SUMMARY:"“\r
LOCATION:Room 5\r
END:VEVENT\r
END:VCALENDAR\r
"""


@pytest.mark.parametrize(
    ("options", "start", "note"),
    [
        ([], "2025-02-04T17:00:00+00:00", "1 event with times in no zone: read as UTC"),
        (["--timezone", "Asia/Tokyo"], "2025-02-04T17:00:00+09:00", None),
    ],
)
def test_floating_times_and_an_empty_title(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    start: str,
    note: str | None,
) -> None:
    calendar = tmp_path / "floating.ics"
    calendar.write_text(FLOATING, "utf-8", newline="")
    status, out = run_import(capsys, calendar, tmp_path / "site", *options)
    assert status == 0
    assert (note in out) if note else ("in no zone" not in out)
    talk = read_talk(tmp_path / "site/talks/2025-02-04-event.md")
    assert talk.start is not None and talk.start.isoformat() == start
    assert talk.end is not None and (talk.end - talk.start).seconds == 90 * 60
    assert talk.title == "Untitled event"


def test_a_hostile_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "old"
    (source / "_talks").mkdir(parents=True)
    outside = tmp_path / "secret.txt"
    outside.write_text("password\n", "utf-8")
    laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in range(1, 9):
        previous = "a" if level == 1 else f"l{level - 1}"
        laughs += f"l{level}: &l{level} [" + ", ".join([f"*{previous}"] * 10) + "]\n"
    (source / "_config.yml").write_text(laughs, "utf-8")
    (source / "conf.py").write_text("import os\nos.system('echo owned')\n", "utf-8")
    (source / "_talks" / "secret.md").symlink_to(outside)
    (source / "_talks" / "2025-01-09-talk.md").write_text(
        "---\ntitle: T\nspeaker: A B\ndate: 2025-01-09\n---\n"
        "[conf](/conf.py) [page](other.md) ![pic](../../secret.txt) ![up](/../secret.txt)\n",
        "utf-8",
    )
    (source / "_talks" / "other.md").write_text(
        "---\ntitle: Other\ndate: 2025-02-01\n---\n", "utf-8"
    )
    dest = tmp_path / "site"
    status, out = run_import(capsys, source, dest)
    assert status == 0
    assert "_talks/secret.md: a link to a file outside the archive" in out
    assert not (dest / "talks/talks/secret.md").exists()
    assert "owned" not in (dest / "conf.py").read_text("utf-8")
    assert not (tmp_path / "site" / "secret.txt").exists()
    assert sorted(p.name for p in (dest / "talks" / "talks").iterdir()) == [
        "2025-01-09-talk.md", "other.md"
    ]  # fmt: skip


def test_talks_that_share_an_id_get_no_redirect(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "hugo"
    (source / "content/talk").mkdir(parents=True)
    (source / "config.yaml").write_text("title: Talks\n", "utf-8")
    for name, day in (("first", "2024-01-10"), ("second", "2024-02-10"), ("third", "2024-03-10")):
        slug = "third" if name == "third" else "same"
        (source / f"content/talk/{name}.md").write_text(
            f"---\ntitle: {name}\nauthors: [A B]\ndate: {day}\nslug: {slug}\n---\nA.\n", "utf-8"
        )
    status, out = run_import(capsys, source, tmp_path / "site")
    assert status == 0
    assert "talks that share an id (same) get no redirect" in out
    assert read_conf(tmp_path / "site" / "conf.py")["seminar_redirects"] == {
        "/talk/third/": "third"
    }


def test_events_that_cannot_be_read_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calendar = tmp_path / "broken-events.ics"
    calendar.write_text(
        FLOATING.replace("DTSTART:20250204T170000", "DTSTART:2025XX04T170000")
        + FLOATING.replace("UID:floating-1", "UID:floating-2").replace(
            "DTSTART:20250204T170000\r\n", ""
        ),
        "utf-8",
        newline="",
    )
    status, out = run_import(capsys, calendar, tmp_path / "site")
    assert status == 0
    assert "2 events read; 0 talks imported (none)" in out
    # icalendar 7 keeps a broken start to say what is wrong with it; 6 drops it
    assert re.search(r"floating-1@example.org: (cannot be read: Cannot access|has no start)", out)
    assert "floating-2@example.org: has no start" in out
