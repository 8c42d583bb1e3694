"""``sphinx-seminars check`` and the build say the same of the same talk files: every file
the build warns about, at the same line and with the same code, and nothing more (but for
ids used twice, where check names every file that holds the id, the build the later)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.sites import build, build_problems, check_problems, talk, write_site

NEWS = "---\ntitle: Our students won the poster award\n---\nWell done to all of them!\n"


def test_check_finds_what_the_build_warns_about(tmp_path: Path) -> None:
    talks: dict[str, str | bytes] = {
        "latin.md": talk("Caf\u00e9 at noon").encode("latin-1"),
        "binary.md": bytes(range(256)) * 4,
        "offset.md": talk("Offset", time='"10:00 UTC+5:30"'),
        "First.md": talk("First", extra="id: same\n"),
        "second.md": talk("Second", extra="id: SAME\n"),
        "export.md": talk("Export", extra="permalink: /seminars.json\n"),
        "page.md": talk("Page", extra="permalink: /archive\n"),
        "upward.md": talk("Upward", extra="permalink: /old/../../x\n"),
        "old-a.md": talk("Old A", extra="permalink: /old/talk\n"),
        "old-b.md": talk("Old B", extra="permalink: /old/talk/index.html\n"),
        "long.md": talk("L" * 3000),
        "date.md": talk("Date", date='"31 Febtember"'),
        "weekday.md": talk("Weekday", date='"Monday, 4 March 2025"'),
        "picture.md": talk("Picture", extra="image: ../../../../etc/hostname\n"),
        "slides.md": talk("Slides", extra="slides: ../../secret.txt\n"),
        "nobody.md": "---\ntitle: Nobody\ndate: 2025-03-04\n---\nText.\n",
        "news.md": NEWS,
        "same-as-news.md": NEWS.replace("title:", "id: news\ntitle:"),
    }
    source = write_site(tmp_path, talks)
    (tmp_path / "secret.txt").write_text("not for the site", encoding="utf-8")
    os.symlink("/etc/hostname", source / "talks" / "outside.md")
    os.symlink("/etc/hostname", source / "talks" / "outside-too.md")  # a page of its own
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "far.md").write_text(talk("Far away"), encoding="utf-8")
    os.symlink(elsewhere, source / "talks" / "linked")  # Sphinx follows it, and so does check
    result = build(source)
    assert result.status == 0, result.warnings
    built, checked = build_problems(result.warnings), check_problems(source)
    codes = {code for _, _, code in built}
    assert {"encoding", "path", "duplicate", "permalink", "too-long", "not-a-talk"} <= codes
    assert built <= checked, sorted(built - checked)
    # check names both files of an id used twice; the build warns at the later one
    # ("/old/talk" and "/old/talk/index.html" are one address: one id, "talk", twice)
    assert checked - built == {
        ("talks/First.md", 7, "duplicate"),
        ("talks/old-a.md", 7, "duplicate"),
    }
    outside = {"talks/outside.md", "talks/outside-too.md", "talks/linked/far.md"}
    assert {(path, 1, "path") for path in outside} <= built
    assert {("talks/picture.md", 1, "path"), ("talks/slides.md", 1, "path")} <= built
    # a long title is cut, and the talk is still a page
    assert (result.outdir / "talks" / "long.html").exists()


def test_check_reads_the_files_and_folders_the_build_reads(tmp_path: Path) -> None:
    late = talk("Late", time='"25:00"')
    talks: dict[str, str | bytes] = {
        ".hidden.md": late,  # Sphinx reads hidden files and folders: so does check
        ".drafts/draft.md": late,
        "_old/x.md": late,
        "LOUD.MD": late,  # not a page: Sphinx's suffixes are exact
        "ok.md": talk("Ok"),
        "2025/y.md": late,
        "node_modules/n.md": late,  # no folder of tools is special to Sphinx: nor to check
        "_sources/s.md": late,  # Sphinx never reads a _sources folder: nor does check
    }
    source = write_site(tmp_path, talks)
    (source / "shared").mkdir()
    (source / "shared" / "s.md").write_text(late, encoding="utf-8")
    os.symlink("../shared", source / "talks" / "link-a")
    os.symlink("../shared", source / "talks" / "link-b")  # the folder of link-a again
    os.symlink(".", source / "talks" / "loop")  # Sphinx would read the talks ~40 times
    os.symlink("2025", source / "talks" / "this-year")
    result = build(source)
    assert result.status == 0, result.warnings
    built, checked = build_problems(result.warnings), check_problems(source)
    assert built == checked, (sorted(built - checked), sorted(checked - built))
    again = {(f"talks/{name}", 1, "duplicate") for name in ("link-b", "loop", "this-year")}
    assert again <= built
    assert ("talks/LOUD.MD", 1, "path") in built
    times = {path for path, _, code in built if code == "time"}
    assert times == {
        f"talks/{name}"
        for name in (
            ".hidden.md",
            ".drafts/draft.md",
            "_old/x.md",
            "2025/y.md",
            "link-a/s.md",
            "node_modules/n.md",
        )
    }
    pages = {p.relative_to(result.outdir).as_posix() for p in result.outdir.rglob("*.html")}
    assert not [page for page in pages if "loop" in page or "link-b" in page or "this-year" in page]
    assert "talks/link-a/s.html" in pages and "talks/2025/y.html" in pages


def test_a_permalink_on_a_page_in_an_underscore_folder_is_refused_by_both(tmp_path: Path) -> None:
    talks = {"moved.md": talk("Moved", extra="permalink: /notes/_old/page\n")}
    orphan = "---\norphan: true\n---\n"
    pages = {"notes/_old/page.md": f"{orphan}# A page\n", ".notes/page.md": f"{orphan}# Hidden\n"}
    source = write_site(tmp_path, talks, pages=pages)
    result = build(source)
    assert result.status == 0
    assert ("talks/moved.md", 7, "permalink") in build_problems(result.warnings)
    assert build_problems(result.warnings) == check_problems(source)


@pytest.mark.parametrize(
    ("builder", "permalink"),
    [("html", "/archive/index.html"), ("dirhtml", "/archive.html"), ("dirhtml", "/speakers.html")],
)
def test_a_page_of_either_html_builder_is_no_redirect(
    tmp_path: Path, builder: str, permalink: str
) -> None:
    source = write_site(tmp_path, {"a.md": talk(extra=f"permalink: {permalink}\n")})
    result = build(source, builder)
    assert result.status == 0
    assert ("talks/a.md", 7, "permalink") in build_problems(result.warnings)
    assert build_problems(result.warnings) == check_problems(source)
    pages = result.outdir.rglob("*.html")
    assert not [p for p in pages if "This talk has moved" in p.read_text(encoding="utf-8")]


def test_a_loop_below_a_folder_leaves_the_folders_after_it_in_place(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"2025/a.md": talk("A"), "z/c.md": talk("C", date="2025-05-05")})
    os.symlink("..", source / "talks" / "2025" / "loop")  # the folder above, from below
    result = build(source)
    assert result.status == 0
    built = build_problems(result.warnings)
    assert built == check_problems(source)
    assert [p for p in built if p[2] == "duplicate"] == [("talks/2025/loop", 1, "duplicate")]
    pages = {p.relative_to(result.outdir).as_posix() for p in result.outdir.rglob("*.html")}
    assert {"talks/2025/a.html", "talks/z/c.html"} <= pages
    assert not [page for page in pages if "loop" in page]
