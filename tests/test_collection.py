"""A folder of talk files as a site: talk pages, archive, navigation, permalinks, builders."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).parent / "roots" / "test-collection"
MakeApp = Callable[..., SphinxTestApp]
TALK_PAGES = [
    "talks/2025-09-11-becker",
    "talks/2025-03-20-ortiz",
    "talks/2025-06-05-nakamura",
    "talks/2024/2024-11-28-fischer",
    "talks/2024/2024-10-17-becker",
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    return srcdir


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and "_build" not in p.parts
    }


def test_every_talk_file_is_a_page_and_nothing_is_written_to_the_source(
    make_app: MakeApp, project: Path
) -> None:
    before = _files(project)
    app = make_app("html", srcdir=project)
    app.build()
    assert app.warning.getvalue() == ""  # no toctree warnings, no MyST heading warnings
    for page in TALK_PAGES:
        assert (app.outdir / f"{page}.html").is_file(), page
    assert _files(project) == before
    becker = (app.outdir / "talks/2025-09-11-becker.html").read_text(encoding="utf-8")
    assert "<title>Quantum dots in silicon" in becker
    assert 'datetime="2025-09-11T16:15:00+02:00"' in becker  # CET read as Berlin, summer time
    assert 'href="https://meet.example.org/becker"' in becker
    assert 'id="becker-2025-09-ref-1"' in becker
    # an ordinary Markdown page of the project stays an ordinary page
    about = (app.outdir / "guide/about.html").read_text(encoding="utf-8")
    assert "<em>not</em> a talk" in about
    assert 'href="../talks/2025-09-11-becker.html#becker-2025-09"' in about
    assert '<section class="seminar-talk"' not in about


def test_talk_pages_stay_out_of_every_sidebar(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    sidebar = index[index.find('class="sphinxsidebar"') :]
    assert "Quantum dots" not in sidebar
    assert all(app.env.metadata[page].get("orphan") is not None for page in TALK_PAGES)


def test_archive_by_year_and_navigation(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    archive = (app.outdir / "seminars.html").read_text(encoding="utf-8")
    assert re.search(r'href="#year-2025">2025</a> · <a [^>]*href="#year-2024">2024', archive)
    text = re.sub(r"<[^>]+>", " ", archive[archive.index("seminar-year") :])
    assert text.index("2025") < text.index("Quantum dots") < text.index("Dark matter")
    assert text.index("Dark matter") < text.index("Glaciers") < text.index(" 2024 ")
    assert text.index(" 2024 ") < text.index("A workshop day") < text.index("Spin qubits, an")
    nav = (app.outdir / "talks/2025-06-05-nakamura.html").read_text(encoding="utf-8")
    nav = nav[nav.index('class="seminar-nav') :]
    assert re.search(r'href="2025-03-20-ortiz.html#ortiz-2025-03".*Glaciers', nav)
    assert 'href="../seminars.html"' in nav
    assert re.search(r'href="2025-09-11-becker.html#becker-2025-09".*Quantum dots', nav)
    first = (app.outdir / "talks/2024/2024-10-17-becker.html").read_text(encoding="utf-8")
    first = first[first.index('class="seminar-nav') :]
    assert "←" not in first and 'href="2024-11-28-fischer.html' in first


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_old_permalinks_redirect(make_app: MakeApp, project: Path, builder: str) -> None:
    app = make_app(builder, srcdir=project)
    app.build()
    page = "talks/2025-09-11-becker.html" if builder == "html" else "talks/2025-09-11-becker/"
    for redirect in ("colloquium/becker-2025-09.html", "colloquium/becker-2025-09/index.html"):
        html = (app.outdir / redirect).read_text(encoding="utf-8")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html)
        assert target is not None
        folder = Path(redirect).parent
        resolved = (app.outdir / folder / target.group(1)).resolve()
        assert resolved == (app.outdir / page).resolve()
        assert f'rel="canonical" href="https://colloquium.example.org/{page}"' in html


def test_edit_one_talk_rereads_only_it(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    read: list[str] = []
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    talk = project / "talks/2025-06-05-nakamura.md"
    talk.write_text(talk.read_text().replace("Dark matter searches", "Dark matter hunts"))
    app.build()
    assert read == ["talks/2025-06-05-nakamura"]
    for page in ("seminars.html", "talks/2025-03-20-ortiz.html", "talks/2025-09-11-becker.html"):
        assert "Dark matter hunts" in (app.outdir / page).read_text(encoding="utf-8"), page


def test_deleted_talk_file_disappears(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    (project / "talks/2025-06-05-nakamura.md").unlink()
    app.build()
    assert "Dark matter" not in (app.outdir / "seminars.html").read_text(encoding="utf-8")
    assert "Dark matter" not in (app.outdir / "seminars.json").read_text(encoding="utf-8")
    assert not (app.outdir / "_ics/2025-06-05-nakamura.ics").exists()
    ortiz = (app.outdir / "talks/2025-03-20-ortiz.html").read_text(encoding="utf-8")
    assert "Quantum dots" in ortiz[ortiz.index('class="seminar-nav') :]


@pytest.mark.parametrize("builder", ["latex", "text", "epub", "man", "singlehtml", "texinfo"])
def test_other_builders(make_app: MakeApp, project: Path, builder: str) -> None:
    app = make_app(builder, srcdir=project)
    app.build()
    warnings = app.warning.getvalue()
    assert "Traceback" not in warnings and "ERROR" not in warnings
    assert not (app.outdir / "seminars.json").exists()  # exports are for html builders
    assert not (app.outdir / "seminars.ics").exists()
    if builder in ("latex", "singlehtml", "texinfo", "man"):
        # one document: the archive holds the talks themselves
        text = "\n".join(
            p.read_text(encoding="utf-8", errors="replace")
            for p in app.outdir.rglob("*")
            if p.suffix in {".tex", ".html", ".texi", ".1"}
        ).lower()
        for words in ("quantum dots in silicon", "spin qubits in", "a survey of direct detection",
                      "anna becker leads a group"):  # fmt: skip
            assert words in text, (builder, words)


def test_talk_text_nodes_carry_the_talk_file_lines(make_app: MakeApp, project: Path) -> None:
    """Abstract and bio are parsed with the talk file's line numbers (warnings point there)."""
    app = make_app("html", srcdir=project)
    app.build()
    lines = (project / "talks/2025-09-11-becker.md").read_text().splitlines()
    tree = app.env.get_doctree("talks/2025-09-11-becker")
    for css, words in (
        ("seminar-abstract", "Spin qubits in"),
        ("seminar-bio", "Anna Becker leads"),
    ):
        block = next(n for n in tree.findall(nodes.container) if css in n["classes"])
        paragraph = next(p for p in block.findall(nodes.paragraph) if words in p.astext())
        assert words in lines[paragraph.line - 1], (css, paragraph.line)
