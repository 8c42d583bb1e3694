"""The command line: ``sphinx-seminars check`` and ``show`` on good, broken and hostile files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_seminars.cli import main

TALK = """\
---
title: "{title}"
permalink: /seminar/{slug}
---
### Speaker and Affiliation:
Dr. Ada Byrne<br>
Professor, Department of Physics, University of Eastmoor

### When?
{day}<sup>th</sup> January, 2025 ({weekday}), 3.00 PM (India Standard Time)

### Venue
Hall 3

### Abstract
Waves in plasmas.
"""
LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+): (?P<level>error|warning): .+ \[seminar\.[a-z-]+\]$"
)


def write(folder: Path, name: str, **fields: str) -> Path:
    values = {"title": "Plasma waves", "slug": name, "day": "09", "weekday": "Thursday"}
    path = folder / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TALK.format(**(values | fields)), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    status = main(["check", *args])
    return status, capsys.readouterr().out.splitlines()


def test_clean_files_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "one")
    write(tmp_path, "two")
    assert run(capsys, str(tmp_path)) == (0, ["2 files, 0 errors, 0 warnings"])


def test_one_line_per_problem_then_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong_day = write(tmp_path, "wrong-day", weekday="Friday")
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    status, lines = run(capsys, str(wrong_day), str(broken))
    assert status == 1
    assert all(LINE.match(line) for line in lines[:-1]), lines
    assert (
        f"{wrong_day}:10: warning: 'Friday' does not match 2025-01-09, which is a Thursday"
        in (lines[0])
    )
    assert any(line.startswith(f"{broken}:2: error: YAML front matter") for line in lines)
    assert lines[-1] == "2 files, 1 error, 1 warning"


def test_duplicate_ids_across_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = write(tmp_path / "2024", "same")
    second = write(tmp_path / "2025", "same")
    write(tmp_path, "other")
    status, lines = run(capsys, str(tmp_path))
    assert status == 1
    assert lines[:-1] == [
        f"{first}:3: error: the id 'same' is also the id of {second} [seminar.duplicate]",
        f"{second}:3: error: the id 'same' is also the id of {first} [seminar.duplicate]",
    ]


def test_a_file_named_twice_is_no_duplicate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "one")
    assert run(capsys, str(path), str(tmp_path), str(tmp_path / "." / "one.md"))[0] == 0


def test_folders_globs_and_what_is_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "talks" / "2025", "deep")
    (tmp_path / "talks" / "notes.markdown").write_text("---\ntitle: N\n---\n", encoding="utf-8")
    (tmp_path / "talks" / "old.txt").write_text("---\ntitle: O\n---\n", encoding="utf-8")
    (tmp_path / "talks" / "index.rst").write_text("Talks\n=====\n", encoding="utf-8")
    write(tmp_path / "talks" / ".git", "hidden")
    write(tmp_path / "talks" / "_build", "built")
    monkeypatch.chdir(tmp_path)
    main(["check", "--format", "json", "talks"])
    found = [item["path"] for item in json.loads(capsys.readouterr().out)["files"]]
    assert found == ["talks/notes.markdown", "talks/old.txt", "talks/2025/deep.md"]
    main(["check", "--format", "json", "talks/**/*.md"])
    assert [f["path"] for f in json.loads(capsys.readouterr().out)["files"]] == [
        "talks/2025/deep.md"
    ]


def test_paths_that_give_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    status, lines = run(
        capsys, str(tmp_path / "missing.md"), str(tmp_path / "empty"), str(tmp_path / "*.md")
    )
    assert status == 1
    assert lines[0].startswith(f"{tmp_path / 'missing.md'}:1: error: cannot read the file")
    assert lines[1] == (
        f"{tmp_path / 'empty'}:1: error: no talk files (*.markdown, *.md, *.txt) found here"
        " [seminar.unreadable]"
    )
    assert lines[-1] == "1 file, 3 errors, 0 warnings"


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "talk", weekday="Friday")
    assert main(["check", "--format", "json", str(path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"files", "problems", "summary"}
    assert report["files"] == [
        {"path": str(path), "id": "talk", "title": "Plasma waves", "errors": 0, "warnings": 1}
    ]
    assert report["problems"] == [
        {
            "path": str(path),
            "level": "warning",
            "line": 10,
            "code": "weekday",
            "message": "'Friday' does not match 2025-01-09, which is a Thursday",
        }
    ]
    assert report["summary"] == {"files": 1, "errors": 0, "warnings": 1}


def test_timezone_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "flat.md"
    path.write_text(
        "---\ntitle: T\nspeaker: A B\ndate: 2025-01-09\ntime: '15:00'\nabstract: A.\n---\n",
        encoding="utf-8",
    )
    status, lines = run(capsys, str(path))
    assert (status, lines[0]) == (0, f"{path}:4: warning: no time zone given [seminar.timezone]")
    assert run(capsys, "--timezone", "Europe/Paris", str(path)) == (
        0,
        ["1 file, 0 errors, 0 warnings"],
    )
    with pytest.raises(SystemExit) as exit_status:
        main(["check", "--timezone", "Mars/Olympus", str(path)])
    assert exit_status.value.code == 2
    assert "not an IANA time zone" in capsys.readouterr().err


def test_hostile_files_are_reported_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    laughs = "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in range(1, 8):
        laughs += (
            f"l{level}: &l{level} ["
            + ", ".join([f"*{'a' if level == 1 else f'l{level - 1}'}"] * 10)
            + "]\n"
        )
    (tmp_path / "laughs.md").write_text(laughs + "---\n", encoding="utf-8")
    (tmp_path / "tags.md").write_text(
        "---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\n", encoding="utf-8"
    )
    (tmp_path / "evil\x1b[2Jname.md").write_text("---\ntitle: \x1b]0;owned\x07T\n---\n", "utf-8")
    status, lines = run(capsys, str(tmp_path))
    assert status == 1
    text = "\n".join(lines)
    assert "\x1b" not in text and "\x07" not in text
    assert "evil\\x1b[2Jname.md" in text
    assert "this is a binary file" in text and "aliases expanded (refused)" in text
    assert "hacked" not in text and "could not determine a constructor" in text


def test_check_counts_a_folder_of_talks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for number in range(100):
        write(tmp_path, f"talk-{number:03d}", day=f"{number % 28 + 1:02d}", weekday="Monday")
    _, lines = run(capsys, str(tmp_path))
    assert lines[-1].startswith("100 files, 0 errors, ")


def test_show_still_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "talk")
    assert main(["show", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["speakers"][0]["name"] == "Ada Byrne"


def test_the_command_runs_as_a_module(tmp_path: Path) -> None:
    good, bad = write(tmp_path, "good"), tmp_path / "bad.md"
    bad.write_text("+++\ntitle = \n+++\n", encoding="utf-8")
    command = [sys.executable, "-m", "sphinx_seminars", "check"]
    assert subprocess.run([*command, str(good)], check=False).returncode == 0
    result = subprocess.run([*command, str(bad)], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert f"{bad}:2: error: TOML front matter" in result.stdout
