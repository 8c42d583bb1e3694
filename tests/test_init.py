"""``sphinx-seminars init``: a new site that builds with ``sphinx-build -W`` at once."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml
from sphinx.cmd.build import build_main

from sphinx_seminars.cli import main
from sphinx_seminars.reader import read_talk


class Terminal(io.StringIO):
    """Standard input typed on a terminal."""

    def isatty(self) -> bool:
        return True


def build(site: Path, *options: str) -> tuple[int, Path]:
    out = site / "_build" / "html"
    status = build_main(["-W", "--keep-going", "-q", *options, str(site), str(out)])
    return status, out


def test_init_makes_a_site_that_builds_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    status = main(
        ["init", str(site), "--project", "Soft Matter Seminar", "--timezone", "Europe/Berlin",
         "--baseurl", "https://seminars.example.org", "--no-input"]
    )  # fmt: skip
    assert status == 0
    out = capsys.readouterr().out
    assert "Made the seminar site 'Soft Matter Seminar'" in out
    [talk_file] = (site / "talks").glob("*.md")
    day = dt.date.today() + dt.timedelta(days=14)
    assert talk_file.name == f"{day.isoformat()}-seminar-example.md"
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        ".gitignore", "README.md", "conf.py", "index.md", "requirements.txt", "speakers.md",
        f"talks/{talk_file.name}",
    ]  # fmt: skip

    status, html = build(site)
    assert status == 0
    page = html / "talks" / f"{talk_file.stem}.html"
    assert "An example talk" in page.read_text(encoding="utf-8")
    assert "Berlin" in page.read_text(encoding="utf-8")
    home = (html / "index.html").read_text(encoding="utf-8")
    assert home.count(f'href="talks/{talk_file.stem}.html') == 2  # next talks, and the archive
    assert "Mira Example" in (html / "speakers.html").read_text(encoding="utf-8")
    [talk] = json.loads((html / "seminars.json").read_text(encoding="utf-8"))["talks"]
    assert talk["start"] == f"{day.isoformat()}T16:00:00+01:00"
    assert talk["url"].startswith("https://seminars.example.org/talks/")


@pytest.mark.parametrize(
    "builder", ["dirhtml", "singlehtml", "epub", "latex", "texinfo", "text", "man"]
)
def test_the_new_site_builds_without_warnings_with_every_builder(
    tmp_path: Path, builder: str
) -> None:
    site = tmp_path / "site"
    assert main(["init", str(site), "--timezone", "UTC", "--no-input"]) == 0
    out = tmp_path / "out"
    assert (
        build_main(["-W", "-q", "-b", builder, "-d", str(tmp_path / "dt"), str(site), str(out)])
        == 0
    )


def test_the_example_talk_has_no_problem(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path), "--no-input", "--timezone", "Asia/Kolkata"]) == 0
    [talk_file] = (tmp_path / "talks").glob("*.md")
    talk = read_talk(talk_file)
    assert talk.problems == ()
    assert (talk.timezone, talk.venue) == ("Asia/Kolkata", "Seminar room 1")
    assert main(["check", str(tmp_path / "talks")]) == 0


def test_github_pages_workflow(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path), "--no-input", "--github-pages"]) == 0
    workflow = yaml.safe_load((tmp_path / ".github/workflows/pages.yml").read_text("utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    assert {"run": "sphinx-build -W -b html . _build/html"} in steps
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert "sphinx-seminars" in (tmp_path / "requirements.txt").read_text("utf-8")
    assert build(tmp_path)[0] == 0  # the workflow file is no page


def test_conf_py_without_a_base_url(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path), "--no-input", "--timezone", "UTC"]) == 0
    conf = (tmp_path / "conf.py").read_text("utf-8")
    assert '# seminar_baseurl = "https://seminars.example.org/"' in conf
    assert "html_baseurl" not in conf
    assert 'seminar_timezone = "UTC"' in conf
    assert not (tmp_path / ".github").exists()


def test_prompts_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = "Plasma Colloquium\nMars/Olympus\nAmerica/Chicago\nnot a url\n\nmaybe\ny\n"
    monkeypatch.setattr("sys.stdin", Terminal(answers))
    assert main(["init", str(tmp_path / "plasma")]) == 0
    asked = capsys.readouterr().err
    assert "'Mars/Olympus' is not an IANA time zone" in asked
    assert "'not a url' is not a web address" in asked
    assert "answer y or n" in asked
    conf = (tmp_path / "plasma" / "conf.py").read_text("utf-8")
    assert 'project = "Plasma Colloquium"' in conf
    assert 'seminar_timezone = "America/Chicago"' in conf
    assert (tmp_path / "plasma" / ".github/workflows/pages.yml").is_file()


def test_no_questions_without_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("ignored\n"))
    monkeypatch.setenv("TZ", "Europe/Lisbon")
    assert main(["init", str(tmp_path / "my-seminar")]) == 0
    assert capsys.readouterr().err == ""
    conf = (tmp_path / "my-seminar" / "conf.py").read_text("utf-8")
    assert 'project = "My seminar"' in conf
    assert 'seminar_timezone = "Europe/Lisbon"' in conf


def test_an_existing_site_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "conf.py").write_text("project = 'mine'\n", encoding="utf-8")
    assert main(["init", str(tmp_path), "--no-input"]) == 2
    assert capsys.readouterr().err == (
        f"sphinx-seminars init: error: {tmp_path} already has conf.py;"
        " nothing was written (choose an empty folder)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["conf.py"]


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--timezone", "Mars/Olympus"], "--timezone: 'Mars/Olympus' is not an IANA time zone"),
        (["--baseurl", "seminars.example.org"], "--baseurl: 'seminars.example.org' is not a web"),
        (["--project", " "], "--project: the name is needed"),
    ],
)
def test_bad_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str], message: str
) -> None:
    try:
        status = main(["init", str(tmp_path / "site"), "--no-input", *option])
    except SystemExit as stop:  # argparse's own checks
        status = int(str(stop.code))
    assert status == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_a_folder_that_cannot_be_made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("", "utf-8")
    assert main(["init", str(tmp_path / "file" / "site"), "--no-input"]) == 2
    assert capsys.readouterr().err == (
        f"sphinx-seminars init: error: {tmp_path / 'file' / 'site'}: Not a directory\n"
    )
