"""Small seminar sites written into a folder and built with ``sphinx-build``, for tests that
need whole projects: hostile folders, interrupted builds, incremental rebuilds."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from sphinx.cmd.build import build_main

CONF = """\
project = "Test seminars"
extensions = ["sphinx_seminars"]
exclude_patterns = ["_build"]
seminar_talks = ["talks/**/*.md"]
seminar_timezone = "Europe/London"
seminar_today = "2025-06-01"
seminar_baseurl = "https://seminars.example.org/"
show_warning_types = True
"""
INDEX = """\
# Seminars

```{toctree}
archive
speakers
```

```{seminar-list}
:when: upcoming
```
"""
ARCHIVE = "# All talks\n\n```{seminar-archive}\n```\n"
SPEAKERS = "# Speakers\n\n```{seminar-speakers}\n```\n"


def _quoted(text: str) -> str:
    """A YAML double-quoted string: letters as they are, control characters escaped."""
    return (
        json.dumps(text, ensure_ascii=False)
        .replace("\u202e", "\\u202e")
        .replace("\u202d", "\\u202d")
    )


def talk(
    title: str = "Grain boundaries",
    *,
    speaker: str = "Dr. Ada Byrne",
    date: str = "2025-03-04",
    time: str = '"15:00"',
    extra: str = "",
    body: str = "Waves in plasmas.",
) -> str:
    """The text of a talk file with YAML front matter."""
    return (
        f"---\ntitle: {_quoted(title)}\nspeaker: {_quoted(speaker)}\ndate: {date}\n"
        f"time: {time}\n"
        f"venue: Hall 3\n{extra}---\n\n{body}\n"
    )


def write_site(
    folder: Path,
    talks: dict[str, str | bytes],
    *,
    conf: str = "",
    pages: dict[str, str] | None = None,
) -> Path:
    """A project in ``folder/src``: conf.py, a home page, the archive, a speakers page and
    the talk files (text or bytes) under ``talks/``; returns the source folder."""
    source = folder / "src"
    (source / "talks").mkdir(parents=True, exist_ok=True)
    files = {"conf.py": CONF + conf, "index.md": INDEX, "archive.md": ARCHIVE}
    files |= {"speakers.md": SPEAKERS, **(pages or {})}
    for name, text in files.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text, encoding="utf-8")
    for name, content in talks.items():
        path = source / "talks" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return source


@dataclass(frozen=True)
class Build:
    """What a build gave: its exit status, its warnings and where its output is."""

    status: int
    warnings: str
    outdir: Path

    def read(self, path: str) -> str:
        return (self.outdir / path).read_text(encoding="utf-8")


def build(
    source: Path,
    builder: str = "html",
    *,
    out: Path | None = None,
    jobs: int = 1,
    fresh: bool = False,
) -> Build:
    """Build ``source`` in this process (output in ``source/../_build/<builder>`` unless
    ``out`` is given, doctrees beside it)."""
    outdir = out or source.parent / "_build" / builder
    doctrees = outdir.parent / f".doctrees-{outdir.name}"
    warnings = outdir.parent / f"warnings-{outdir.name}.txt"
    args = ["-b", builder, "-q", "-d", str(doctrees), "-w", str(warnings)]
    args += ["-j", str(jobs)] if jobs > 1 else []
    args += ["-E", "-a"] if fresh else []
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        status = build_main([*args, str(source), str(outdir)])
    text = warnings.read_text(encoding="utf-8") if warnings.exists() else ""
    return Build(status, text, outdir)


def build_in_process_of_its_own(
    source: Path, outdir: Path, *, environment: dict[str, str] | None = None
) -> int:
    """Build in a separate ``sphinx-build`` process (which may be killed); its exit status."""
    doctrees = outdir.parent / f".doctrees-{outdir.name}"
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-d", str(doctrees)]
    env = {**os.environ, **(environment or {})}
    result = subprocess.run(
        [*command, str(source), str(outdir)], env=env, capture_output=True, check=False
    )
    return result.returncode


def output_files(outdir: Path) -> dict[str, bytes]:
    """Every file of a build's output, by path, without those that record the build itself
    rather than the site (``.buildinfo``)."""
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and path.name != ".buildinfo"
    }


_WARNING = re.compile(r"^(talks/[^:]+):(\d+): WARNING: .*\[seminar\.([a-z-]+)\]$")


def build_problems(warnings: str) -> set[tuple[str, int, str]]:
    """``(file, line, code)`` of each warning a build gave about a talk file."""
    return {
        (match[1], int(match[2]), match[3])
        for match in map(_WARNING.match, warnings.splitlines())
        if match
    }


def check_problems(source: Path, timezone: str = "Europe/London") -> set[tuple[str, int, str]]:
    """``(file, line, code)`` of each problem ``sphinx-seminars check`` finds in the talk
    files of a site (``source/talks``), paths from the source folder."""
    from sphinx_seminars.cli.check import check_paths  # noqa: PLC0415 - the command's own code

    found = set()
    for item in check_paths([str(source / "talks")], default_timezone=timezone):
        name = Path(os.path.relpath(item.path, source)).as_posix()
        found |= {(name, max(p.line, 1), str(p.code.value)) for p in item.problems}
    return found
