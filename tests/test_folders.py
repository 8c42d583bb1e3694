"""Property-based: whole talk folders of random bytes, hostile front-matter values, odd file
names and links out of the source folder build with html and dirhtml; the build exits 0,
writes nothing outside its output, replaces no generated page, ``sphinx-seminars check``
reports what the build warns about, and a rebuild after random edits gives the site a clean
build gives.

Examples per run: ``SEMINAR_FOLDER_EXAMPLES`` (default 6, about half a minute); e.g.
``SEMINAR_FOLDER_EXAMPLES=200 python -m pytest tests/test_folders.py`` for a longer search.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sites import build, build_problems, check_problems, output_files, write_site

EXAMPLES = int(os.environ.get("SEMINAR_FOLDER_EXAMPLES", "6"))

TEXTS = st.sampled_from(
    [
        "Plain title",
        "Zones;TZID=Mars/Olympus:20250101T000000",
        "Abc \u202edef\u202c ghi",
        "<script>alert(1)</script> & <b>bold</b>",
        "{{ secret }} {download}`../conf.py`",
        "Дмитрий Иванов",
        "李小龍",
        "x" * 600,
        "",
    ]
)
DATES = st.sampled_from(
    [
        "2025-03-04",
        "2025-10-26",
        "0001-01-01",
        "9999-12-31",
        "2025-04-01T10:00:00+01:00",
        "2025-02-30",
        '"next Tuesday"',
        "[1, 2]",
        "2024-03-31T01:30:00",
    ]
)
TIMES = st.sampled_from(
    ['"15:00"', '"01:30"', '"10:00 GMT+1"', '"10:00 UTC+5:30"', '"25:99"', "1400", '"noon"', ""]
)
ZONES = st.sampled_from(["", '"+05:30"', "Mars/Olympus", "IST", "Europe/London", "[x]"])
PERMALINKS = st.sampled_from(
    [
        "",
        "/seminar/a",
        "/seminar/a/index.html",
        "/seminars.json",
        "/genindex",
        "/search",
        "/index",
        "/archive",
        "/_static/basic.css",
        "/seminar-index",
        "/../../outside",
        "/" + "long-" * 60,
    ]
)
IDS = st.sampled_from(["", "Foo", "foo", "Foo Bar", "foo-bar", "семинар"])
NAMES = st.sampled_from(
    ["talk.md", "Talk.md", "two words.md", "семинар.md", "доклад.md", "2025-03-04-x.md", "a/b.md"]
)


@st.composite
def talk_files(draw: st.DrawFn) -> str | bytes:
    """A talk file: random bytes, or front matter of hostile values and a body."""
    if draw(st.booleans()) and draw(st.booleans()):
        return draw(st.binary(max_size=300))
    lines = [
        f"title: {json.dumps(draw(TEXTS))}",
        f"speaker: {json.dumps(draw(TEXTS))}",
        f"date: {draw(DATES)}",
    ]
    optional = {
        "time": draw(TIMES),
        "timezone": draw(ZONES),
        "permalink": json.dumps(draw(PERMALINKS)),
        "id": json.dumps(draw(IDS)),
    }
    lines += [f"{key}: {value}" for key, value in optional.items() if value not in ("", '""')]
    body = draw(TEXTS)
    text = "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"
    return text.encode("latin-1", "replace") if draw(st.booleans()) and text.isascii() else text


FOLDERS = st.dictionaries(NAMES, talk_files(), min_size=1, max_size=5)


def _write(folder: Path, files: dict[str, str | bytes], links: list[str]) -> Path:
    source = write_site(folder, files)
    outside = folder / "outside.md"
    outside.write_text("---\ntitle: OUTSIDE-SECRET\n---\nOUTSIDE-SECRET\n", encoding="utf-8")
    for name in links:
        link = source / "talks" / name
        if not link.exists():
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(outside)
    return source


def _snapshot(folder: Path, skip: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and skip not in p.parents
    }


def _comparable(outdir: Path) -> dict[str, bytes]:
    """The output without Sphinx's own search index (fed only with the pages a build
    writes) and without calendar SEQUENCE numbers (a clean build starts the history)."""
    return {
        name: re.sub(rb"SEQUENCE:\d+\r\n", b"", content)
        for name, content in output_files(outdir).items()
        if name != "searchindex.js"
    }


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    files=FOLDERS,
    links=st.lists(st.sampled_from(["link.md", "Talk.md", "deep/link.md"]), max_size=2),
    edits=FOLDERS,
)
def test_any_folder_builds_safely_and_rebuilds_like_a_clean_build(
    builder: str, files: dict[str, str | bytes], links: list[str], edits: dict[str, str | bytes]
) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = _write(folder, files, links)
        builds = folder / "_build"
        before = _snapshot(folder, builds)
        first = build(source, builder)
        assert first.status == 0, first.warnings
        assert _snapshot(folder, builds) == before  # nothing written beside the output
        built, checked = build_problems(first.warnings), check_problems(source)
        assert built <= checked, sorted(built - checked)  # check finds what the build finds
        assert {code for _, _, code in checked - built} <= {"duplicate"}, sorted(checked - built)
        for page in ("genindex", "search", "seminar-index", "archive", "index"):
            path = f"{page}.html" if builder == "html" else f"{page}/index.html"
            if page == "index" and builder == "dirhtml":
                path = "index.html"
            written = first.outdir / path  # the seminar index only when there are talks
            if page != "seminar-index" or written.exists():
                assert b"This talk has moved" not in written.read_bytes(), path
        for path in first.outdir.rglob("*"):
            if path.is_file():
                assert b"OUTSIDE-SECRET" not in path.read_bytes(), path

        for name_, content in edits.items():  # random edits, then an incremental build
            target = source / "talks" / name_
            if target.is_symlink():
                target.unlink()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode() if isinstance(content, str) else content)
        again = build(source, builder)
        assert again.status == 0, again.warnings

        clean_folder = folder / "clean"
        shutil.copytree(source, clean_folder / "src", symlinks=True, copy_function=shutil.copy2)
        clean = build(clean_folder / "src", builder)
        assert clean.status == 0
        assert _comparable(again.outdir) == _comparable(clean.outdir)
