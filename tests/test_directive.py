"""Builds of real test projects with the seminar directive: doctree, HTML, other builders."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from sphinx_seminars.nodes import seminar_time


def _blocks(tree: nodes.Node, css_class: str) -> list[nodes.Element]:
    return [n for n in tree.findall(nodes.container) if css_class in n["classes"]]


@pytest.mark.sphinx("html", testroot="directive")
def test_file_talk_doctree(app: SphinxTestApp) -> None:
    app.build()
    tree = app.env.get_doctree("index")
    talks = [s for s in tree.findall(nodes.section) if "seminar-talk" in s["classes"]]
    assert [t["ids"][0] for t in talks] == [
        "rivera-14-nov-2024",
        "2025-02-03-seminar-okafor",
        "inline-grain",
    ]
    rivera = talks[0]
    assert rivera[0].astext() == "Phase fields for porous electrodes"
    speaker = _blocks(rivera, "seminar-speaker")[0].astext()
    assert "Dr. Tomas Alvarez Rivera" in speaker
    assert "Senior Lecturer" in speaker
    assert "School of Engineering, University of Northshire" in speaker
    moment = next(rivera.findall(seminar_time))
    assert moment["datetime"] == "2024-11-14T15:30:00+05:30"
    assert "Thursday 14 November 2024, 15:30" in moment.astext()
    references = _blocks(rivera, "seminar-references")[0]
    items = list(references.findall(nodes.list_item))
    assert [i["ids"] for i in items] == [["rivera-14-nov-2024-ref-1"], ["rivera-14-nov-2024-ref-2"]]
    citations = list(_blocks(rivera, "seminar-abstract")[0].findall(nodes.reference))
    assert [(c.astext(), c["refid"]) for c in citations] == [
        ("[1]", "rivera-14-nov-2024-ref-1"),
        ("[2]", "rivera-14-nov-2024-ref-2"),
    ]
    # Markdown of the abstract is rendered through MyST, HTML in it becomes structure
    abstract = _blocks(rivera, "seminar-abstract")[0]
    assert [e.astext() for e in abstract.findall(nodes.emphasis)] == ["everywhere"]
    assert [s.astext() for s in abstract.findall(nodes.strong)] == ["cracking"]
    assert "Valparaíso" in _blocks(rivera, "seminar-bio")[0].astext()
    # the abstract is parsed with the talk file's name and line numbers
    first = next(abstract.findall(nodes.paragraph))
    assert first.source.endswith("talks/2024-11-14-seminar-rivera.md")
    assert first.line == 17


@pytest.mark.sphinx("html", testroot="directive")
def test_file_talk_html(app: SphinxTestApp) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<time class="seminar-start" datetime="2024-11-14T15:30:00+05:30">' in html
    for css in ("seminar-speaker", "seminar-when", "seminar-venue", "seminar-abstract",
                "seminar-references", "seminar-bio"):  # fmt: skip
        assert f'class="{css} docutils container"' in html, css
    assert 'href="#rivera-14-nov-2024-ref-1"' in html
    assert "<b>" not in html and "&lt;b&gt;" not in html
    assert "_static/sphinx-seminars.css" in html
    assert (app.outdir / "_static" / "sphinx-seminars.css").is_file()
    # front-matter talk: online link, tags are not lost, date with the zone of the file
    assert 'datetime="2025-02-03T16:00:00+00:00"' in html
    assert 'href="https://zoom.example.org/j/123"' in html
    assert 'href="https://example.org/okafor.pdf"' in html


@pytest.mark.sphinx("html", testroot="directive")
def test_inline_and_markdown_pages(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue()
    assert "seminar" not in warnings, warnings
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'datetime="2025-03-04T14:00:00+00:00"' in html
    assert "Tuesday 4 March 2025, 14:00–15:00 GMT</time>" in html
    assert '<a class="reference external" href="https://example.org/page">this page</a>' in html
    markdown = (app.outdir / "markdown.html").read_text(encoding="utf-8")
    assert 'datetime="2025-06-01"' in markdown
    assert "Sunday 1 June 2025<" in markdown
    assert "00:00" not in markdown  # a date-only talk never shows an invented midnight
    assert 'id="rivera-14-nov-2024"' in markdown


@pytest.mark.sphinx("html", testroot="problems")
def test_problems_become_located_warnings(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue()
    assert re.search(
        r"talks/2021-09-21-seminar-wrongday\.md:10: WARNING: 'Thursday' does not match "
        r"2021-09-21.*\[seminar\.weekday\]",
        warnings,
    ), warnings
    assert re.search(r"talks/broken-yaml\.md:3: WARNING: .*\[seminar\.yaml\]", warnings)
    assert "cannot find the talk file 'talks/does-not-exist.md'" in warnings
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "After the bad talks, the page goes on." in html
    assert 'datetime="2021-09-21T16:00:00+05:30"' in html


@pytest.mark.sphinx("html", testroot="problems", freshenv=True)
def test_myst_warnings_name_the_talk_file(app: SphinxTestApp) -> None:
    """A talk file shown on a MyST page: MyST's warnings about its text give the talk file
    and the line there, not the page (which has no such line)."""
    app.build()
    warnings = app.warning.getvalue()
    assert re.search(
        r"talks/bad-link\.md:11: WARNING: .*'no-such-part'.*\[myst\.xref_missing\]", warnings
    ), warnings
    assert "markdown.md:11" not in warnings
    assert re.search(  # an inline talk's text is the page's own: its lines are the page's
        r"markdown\.md:18: WARNING: .*'no-such-inline-part'.*\[myst\.xref_missing\]", warnings
    ), warnings


@pytest.mark.sphinx(
    "html", testroot="problems", confoverrides={"suppress_warnings": ["seminar.weekday"]}
)
def test_suppress_warnings_by_code(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue()
    assert "seminar.weekday" not in warnings
    assert "[seminar.yaml]" in warnings


@pytest.mark.sphinx(
    "html", testroot="directive", confoverrides={"seminar_timezone": "Mars/Olympus"}
)
def test_bad_timezone_config_warns_and_falls_back(app: SphinxTestApp) -> None:
    assert app.config.seminar_timezone is None
    assert "[seminar.config]" in app.warning.getvalue()


@pytest.mark.sphinx(
    "html",
    testroot="directive",
    confoverrides={"seminar_default_duration": True, "seminar_ics_window_days": False},
)
def test_true_and_false_are_not_counts(app: SphinxTestApp) -> None:
    assert app.config.seminar_default_duration == 60
    assert app.config.seminar_ics_window_days is None
    warnings = app.warning.getvalue()
    assert "seminar_default_duration: must be a number of minutes" in warnings
    assert "seminar_ics_window_days: must be a number of days" in warnings


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "latex", "text", "man", "texinfo"])
def test_other_builders(make_app, rootdir: Path, tmp_path: Path, builder: str) -> None:  # type: ignore[no-untyped-def]
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-directive", srcdir)
    app = make_app(builder, srcdir=srcdir)
    app.build()
    out = "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in Path(app.outdir).rglob("*")
        if p.suffix in {".html", ".tex", ".txt", ".1", ".texi"}
    )
    expected = [
        "Phase fields for porous electrodes",
        "Tomas Alvarez Rivera",
        "Senior Lecturer",
        "Seminar Hall 2",
        "Porous electrodes are",
        "joined Northshire",
        "Learning interatomic potentials",
        "Homogenisation for porous media",
    ]
    for text in expected:
        assert text.lower() in out.lower(), (builder, text)  # man pages upper-case titles
    assert "14 November 2024" in out


@pytest.mark.sphinx("html", testroot="directive")
def test_editing_a_talk_file_rebuilds_its_page(app: SphinxTestApp) -> None:
    app.build()
    talk = Path(app.srcdir) / "talks" / "2024-11-14-seminar-rivera.md"
    talk.write_text(
        talk.read_text(encoding="utf-8").replace("Phase fields", "Phase-field models"),
        encoding="utf-8",
    )
    srcdir = Path(app.srcdir)
    dependencies = sorted(
        (srcdir / d).relative_to(srcdir).as_posix() for d in app.env.dependencies["index"]
    )
    assert dependencies == [
        "talks/2024-11-14-seminar-rivera.md",
        "talks/nested/2025-02-03-seminar-okafor.md",
    ]
    app.build()
    assert "Phase-field models" in (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Phase-field models" in (app.outdir / "markdown.html").read_text(encoding="utf-8")


def test_seed_talk_renders(make_app, tmp_path: Path, seed_path: Path) -> None:  # type: ignore[no-untyped-def]
    srcdir = tmp_path / "seed"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["sphinx_seminars"]\nexclude_patterns = ["t"]\n')
    (srcdir / "t").mkdir()
    shutil.copy(seed_path, srcdir / "t" / "seed.md")
    (srcdir / "index.rst").write_text("Seed\n====\n\n.. seminar:: t/seed.md\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert '<time class="seminar-start" datetime="2025-01-09T15:00:00+05:30">' in html
    assert "Dr. Keith Tobias Butler" in html
    assert html.count('id="keith-09-jan-2025-ref-') == 5
    assert "seminar." not in app.warning.getvalue()


@pytest.mark.parametrize("allowed", [False, True])
def test_raw_html_setting(make_app, tmp_path: Path, allowed: bool) -> None:  # type: ignore[no-untyped-def]
    srcdir = tmp_path / "raw"
    (srcdir / "t").mkdir(parents=True)
    (srcdir / "conf.py").write_text(
        f'extensions = ["sphinx_seminars"]\nexclude_patterns = ["t"]\n'
        f'seminar_timezone = "UTC"\nseminar_allow_raw_html = {allowed}\n'
    )
    (srcdir / "t" / "talk.md").write_text(
        "---\ntitle: Raw\ndate: 2025-01-01\nspeaker: Dr. A B\n---\n### Abstract\n"
        "<table><tr><td>cell</td></tr></table>\n\n"
        '<script>alert(1)</script><img src="x" onerror="alert(2)"> text\n'
    )
    (srcdir / "index.rst").write_text("Raw\n===\n\n.. seminar:: t/talk.md\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    body = html[html.index('class="seminar-abstract') :]
    assert ("<table>" in body) is allowed
    assert "cell" in body
    assert "alert(" not in html and "onerror" not in html
