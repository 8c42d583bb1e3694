"""``sphinx-seminars new``: a talk file named like the site's others, which ``check`` passes and
which reads back to the talk that was asked for."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import tempfile
from dataclasses import fields, replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from sphinx.cmd.build import build_main

from sphinx_seminars.cli import build_parser, main
from sphinx_seminars.cli.errors import CommandError
from sphinx_seminars.cli.new import talk_from
from sphinx_seminars.cli.site import Site
from sphinx_seminars.model import Speaker, Talk
from sphinx_seminars.reader import parse_talk, read_talk
from sphinx_seminars.reader.writer import write_talk_file

# hypothesis keeps caches; keep them out of the source folder
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "sphinx-seminars-hypothesis")
COMPARED = [f.name for f in fields(Talk) if f.compare and not f.name.endswith("_line")]
DEPARTMENT_TALK = """\
---
title: "{title} ({day:%d/%m/%y})"
permalink: /seminar/{given}-{day:%d}-{mon}-{day:%Y}
---
### Speaker and Affiliation:
Prof. {name}<br>
University of Eastmoor

### When?
{day:%d} {day:%B}, {day:%Y} ({day:%A}), 3.00 PM (India Standard Time)

### Abstract
Something about materials.
"""


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def new(site: Path, *options: str) -> int:
    return main(["new", "--site", str(site), "--no-input", *options])


def department_site(root: Path) -> Path:
    """A site whose talk files are named ``YYYY-MM-DD-seminar-<given>.md`` with permalinks
    ``/seminar/<given>-DD-mon-YYYY``, as on a department's Jekyll site."""
    (root / "conf.py").write_text(
        'extensions = ["sphinx_seminars"]\nseminar_talks = ["_archive/*.md"]\n'
        'seminar_timezone = "Asia/Kolkata"\n',
        encoding="utf-8",
    )
    for day, name in [
        (dt.date(2024, 1, 11), "Ravi Menon"),
        (dt.date(2024, 2, 8), "Lena Fischer"),
        (dt.date(2024, 3, 7), "Omar Haddad"),
    ]:
        given_name = name.split()[0].lower()
        text = DEPARTMENT_TALK.format(
            title="Talk", day=day, name=name, given=given_name, mon=f"{day:%b}".lower()
        )
        path = root / "_archive" / f"{day.isoformat()}-seminar-{given_name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "index.md").write_text("# Seminars\n\n```{seminar-archive}\n```\n", encoding="utf-8")
    return root


def test_new_talk_in_an_init_site_builds_and_passes_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path), "--no-input", "--timezone", "Europe/Berlin"]) == 0
    capsys.readouterr()
    status = new(
        tmp_path, "--title", "Active <matter> & flocks", "--speaker", "Prof. Ana Ström",
        "--affiliation", "KTH, Stockholm", "--position", "Professor", "--speaker", "Jo Li",
        "--date", "2025-03-30", "--time", "14:00", "--end-time", "15:30",
        "--venue", "Room 1.01", "--online", "https://meet.example.org/abc",
        "--abstract", "Birds *flock* [1].\n\n1. A. Author, Flocks, 2020",
        "--bio", "Ana studies <b>birds</b>.", "--series", "Physics Colloquium",
        "--tag", "soft matter", "--slides", "https://example.org/slides.pdf",
    )  # fmt: skip
    assert status == 0
    path = tmp_path / "talks" / "2025-03-30-seminar-strom.md"
    assert capsys.readouterr().out.startswith(f"Wrote {path}")
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "1 file, 0 errors, 0 warnings"

    talk = read_talk(path)
    berlin = ZoneInfo("Europe/Berlin")  # summer time starts that day: +02:00
    assert talk.id == "2025-03-30-seminar-strom"
    assert talk.title == "Active <matter> & flocks"
    assert talk.speakers == (
        Speaker("Ana Ström", "Prof.", "Professor", "KTH, Stockholm"),
        Speaker("Jo Li"),
    )
    assert (talk.start, talk.end) == (
        dt.datetime(2025, 3, 30, 14, 0, tzinfo=berlin),
        dt.datetime(2025, 3, 30, 15, 30, tzinfo=berlin),
    )
    assert talk.start.utcoffset() == dt.timedelta(hours=2)  # type: ignore[union-attr]
    assert (talk.timezone, talk.venue, talk.online_url) == (
        "Europe/Berlin", "Room 1.01", "https://meet.example.org/abc"
    )  # fmt: skip
    assert (talk.abstract, talk.references) == ("Birds *flock* [1].", ("A. Author, Flocks, 2020",))
    assert talk.bio == "Ana studies **birds**."
    assert (talk.series, talk.tags) == ("Physics Colloquium", ("soft matter",))
    assert talk.links == (("slides", "https://example.org/slides.pdf"),)
    assert "id:" not in path.read_text("utf-8")  # the file name gives the id

    out = tmp_path / "_build"
    assert build_main(["-W", "-q", str(tmp_path), str(out)]) == 0
    assert "Active &lt;matter&gt; &amp; flocks" in (out / "talks" / f"{path.stem}.html").read_text(
        "utf-8"
    )


def test_follows_the_names_and_permalinks_of_the_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = department_site(tmp_path)
    assert new(
        site, "--title", "Grain growth", "--speaker", "Dr. Maya Rao", "--date", "2025-01-09",
        "--time", "15:00", "--abstract", "Grains.",
    ) == 0  # fmt: skip
    path = site / "_archive" / "2025-01-09-seminar-maya.md"
    assert "named like 3 talk files of the site" in capsys.readouterr().out
    talk = read_talk(path)
    assert (talk.permalink, talk.id) == ("/seminar/maya-09-jan-2025", "maya-09-jan-2025")
    assert talk.start == dt.datetime(2025, 1, 9, 15, tzinfo=ZoneInfo("Asia/Kolkata"))
    assert talk.problems == ()
    out = tmp_path / "_build"
    assert build_main(["-W", "-q", str(site), str(out)]) == 0
    assert (out / "_archive" / "2025-01-09-seminar-maya.html").is_file()
    assert (out / "seminar" / "maya-09-jan-2025.html").is_file()  # the permalink serves it


def test_year_folders_and_slug(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text(
        'seminar_talks = ["talks/**/*.md"]\nseminar_timezone = "UTC"\n', "utf-8"
    )
    for day, name in (("2023-05-04", "okafor"), ("2024-05-02", "lindqvist")):
        path = tmp_path / "talks" / day[:4] / f"{day}-{name}.md"
        path.parent.mkdir(parents=True)
        path.write_text(
            f"---\ntitle: T\nspeaker: Dr. Kim {name.title()}\ndate: {day}\n---\nA.\n", "utf-8"
        )
    assert new(tmp_path, "--title", "T", "--speaker", "Bo Berg", "--date", "2025-06-01") == 0
    assert (tmp_path / "talks" / "2025" / "2025-06-01-berg.md").is_file()
    assert new(
        tmp_path, "--title", "T", "--speaker", "Bo Berg", "--date", "2025-06-01",
        "--slug", "Berg Bo (2nd)",
    ) == 0  # fmt: skip
    assert (tmp_path / "talks" / "2025" / "2025-06-01-berg-bo-2nd.md").is_file()


def test_never_two_talks_with_one_id_or_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = department_site(tmp_path)
    existing = site / "_archive" / "menon.md"
    (site / "_archive" / "2024-01-11-seminar-ravi.md").rename(existing)
    talk = ["--title", "T", "--speaker", "Ravi Kumar", "--date", "2024-01-11"]
    assert new(site, *talk) == 2
    assert capsys.readouterr().err == (
        f"sphinx-seminars new: error: the talk {existing} already has the id 'ravi-11-jan-2024';"
        " give another name with --slug\n"
    )
    assert new(site, *talk, "--slug", "kumar") == 0
    assert new(site, *talk, "--slug", "kumar") == 2
    assert "2024-01-11-seminar-kumar.md already exists" in capsys.readouterr().err


def test_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = department_site(tmp_path)
    assert new(site, "--title", "T", "--speaker", "X Y", "--date", "2025-02-03", "--dry-run") == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# {site}/_archive/2025-02-03-seminar-x.md (not written)\n---\n")
    assert "permalink: /seminar/x-03-feb-2025\n" in out
    assert not (site / "_archive" / "2025-02-03-seminar-x.md").exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ([], "missing --title, --speaker, --date (or run it on a terminal to be asked)"),
        (["--date", "9 Jan 2025"], "--date: '9 Jan 2025' is not a date as YYYY-MM-DD"),
        (["--time", "3pm"], "--time: '3pm' is not a time as HH:MM on the 24-hour clock"),
        (["--time", "15:00", "--end-time", "14:00"], "--end-time 14:00 is not after --time 15:00"),
        (["--end-time", "14:00"], "--end-time needs --time"),
        (["--online", "zoom.us/j/1"], "--online: 'zoom.us/j/1' is not a web address"),
        (
            ["--date", "2025-03-30", "--time", "02:30", "--timezone", "Europe/Berlin"],
            "--time: 02:30 does not exist on 2025-03-30 in Europe/Berlin",
        ),
        (["--affiliation", "A", "--affiliation", "B"], "more --affiliation or --position"),
        (["--abstract-file", "/nonexistent/abstract.md"], "--abstract-file: cannot read"),
        (["--slug", "%%"], "--slug: '%%' has no letter or digit"),
        (["--title", '"“'], "--title: '\"“' has nothing a title keeps"),
        (["--title", "\u00ad"], "--title: a value is needed"),
    ],
)
def test_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    site = department_site(tmp_path)
    basics = ["--title", "T", "--speaker", "A B", "--date", "2025-01-02"] if options else []
    if options:
        names = {option for option in options if option.startswith("--")}
        basics = [
            value
            for flag, value in zip(basics[::2], basics[1::2], strict=True)
            if flag not in names
            for value in (flag, value)
        ]
    assert new(site, *basics, *options) == 2
    assert message in capsys.readouterr().err
    assert len(list((site / "_archive").iterdir())) == 3


def test_a_folder_that_is_no_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new(tmp_path, "--title", "T") == 2
    assert f"no Sphinx site in {tmp_path}" in capsys.readouterr().err
    (tmp_path / "conf.py").write_text("extensions = []\n", "utf-8")
    assert new(tmp_path, "--title", "T") == 2
    assert "sets no seminar_talks" in capsys.readouterr().err
    (tmp_path / "conf.py").write_text("raise RuntimeError('broken conf')\n", "utf-8")
    assert new(tmp_path, "--title", "T") == 2
    assert "conf.py: cannot be read: " in capsys.readouterr().err


def test_into_a_folder_of_a_site_in_docs(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "conf.py").write_text('seminar_timezone = "Asia/Tokyo"\n', "utf-8")
    into = tmp_path / "docs" / "seminars"
    assert main(
        ["new", "--site", str(tmp_path), "--into", str(into), "--no-input", "--title", "T",
         "--speaker", "Aoi Sato", "--date", "2025-04-01", "--time", "10:00"]
    ) == 0  # fmt: skip
    talk = read_talk(into / "2025-04-01-seminar-sato.md")
    assert (talk.timezone, talk.start.utcoffset()) == ("Asia/Tokyo", dt.timedelta(hours=9))  # type: ignore[union-attr]


def test_questions_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = department_site(tmp_path)
    answers = [
        "Fatigue of alloys", "Dr. Wen Zhou", "University of Eastmoor", "tomorrow", "2025-05-06",
        "4pm", "16:00", "17:00", "Hall 2", "", "Cracks grow.",
    ]  # fmt: skip
    monkeypatch.setattr("sys.stdin", Terminal("\n".join(answers) + "\n"))
    assert main(["new", "--site", str(site)]) == 0
    asked = capsys.readouterr().err
    assert "'tomorrow' is not a date" in asked and "'4pm' is not a time" in asked
    talk = read_talk(site / "_archive" / "2025-05-06-seminar-wen.md")
    assert talk.speakers == (Speaker("Wen Zhou", "Dr.", None, "University of Eastmoor"),)
    assert talk.end == dt.datetime(2025, 5, 6, 17, tzinfo=ZoneInfo("Asia/Kolkata"))
    assert (talk.venue, talk.online_url, talk.abstract) == ("Hall 2", None, "Cracks grow.")


TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=40
).filter(str.strip)


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    title=TEXT, speaker=TEXT, affiliation=TEXT, venue=TEXT,
    abstract=st.text(max_size=200), zone=st.sampled_from(["Asia/Kolkata", "America/New_York"]),
    day=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
    minutes=st.integers(0, 24 * 60 - 61),
)  # fmt: skip
def test_any_talk_new_writes_reads_back_the_same(
    title: str, speaker: str, affiliation: str, venue: str, abstract: str, zone: str,
    day: dt.date, minutes: int,
) -> None:  # fmt: skip
    start = f"{minutes // 60:02d}:{minutes % 60:02d}"
    args = build_parser().parse_args(
        ["new", "--no-input", f"--title={title}", f"--speaker={speaker}",
         f"--affiliation={affiliation}", f"--venue={venue}", f"--abstract={abstract}",
         "--date", day.isoformat(), "--time", start, "--timezone", zone]
    )  # fmt: skip
    try:
        talk = talk_from(args, Site(Path("talks")), None)
    except CommandError as error:  # a time that does not exist, a text of invisible characters
        refusal = str(error)
        assert refusal.endswith(("forward then)", "is needed", "title keeps")), refusal
        return
    talk = replace(talk, id="x", source="x.md")
    again = parse_talk(write_talk_file(talk, path="x.md"), source="x.md")
    assert {name: getattr(again, name) for name in COMPARED} == {
        name: getattr(talk, name) for name in COMPARED
    }
    assert not again.has_errors


def test_talk_from_takes_the_site_zone(tmp_path: Path) -> None:
    args = argparse.Namespace(
        **vars(build_parser().parse_args(["new", "--title", "T", "--speaker", "A B",
                                          "--date", "2025-01-01", "--time", "09:00"]))
    )  # fmt: skip
    talk = talk_from(args, Site(tmp_path, timezone="Africa/Lagos"), None)
    assert talk.start == dt.datetime(2025, 1, 1, 9, tzinfo=ZoneInfo("Africa/Lagos"))
    assert talk.timezone == "Africa/Lagos"


def test_a_site_given_by_a_relative_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "site").mkdir()
    department_site(tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    assert new(Path("site"), "--title", "T", "--speaker", "Ines Paz", "--date", "2025-02-06") == 0
    assert read_talk(Path("site/_archive/2025-02-06-seminar-ines.md")).permalink == (
        "/seminar/ines-06-feb-2025"
    )


def test_permalinks_follow_the_files_named_like_the_new_one(tmp_path: Path) -> None:
    site = department_site(tmp_path)
    conf = site / "conf.py"
    conf.write_text(conf.read_text("utf-8").replace("_archive/*.md", "_archive/**/*.md"), "utf-8")
    for number in range(4):  # more files without permalink, in another folder
        path = site / "_archive" / "other" / f"note-{number}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"---\ntitle: N\ndate: 2024-05-0{number + 1}\n---\nA.\n", "utf-8")
    assert new(site, "--title", "T", "--speaker", "Ines Paz", "--date", "2025-02-06") == 0
    talk = read_talk(site / "_archive" / "2025-02-06-seminar-ines.md")
    assert talk.permalink == "/seminar/ines-06-feb-2025"
