"""Rebuilds: one with nothing changed says so and reads nothing; a change of a setting that
only shapes the output reads no document again, and the output shows the change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from tests.sites import talk, write_site

MakeApp = Callable[..., SphinxTestApp]

UPCOMING = "# Upcoming\n\n```{seminar-list}\n:when: upcoming\n```\n"


def site(folder: Path) -> Path:
    return write_site(folder, {"grain.md": talk()}, pages={"upcoming.md": UPCOMING})


def rebuild(
    make_app: MakeApp, source: Path, **overrides: object
) -> tuple[SphinxTestApp, list[str]]:
    """Build ``source``, then build it again with ``overrides``; the second application and
    the documents it read.  (The theme is named: Sphinx's test application otherwise changes
    it after the settings are compared, which would be a change of its own.)"""
    theme = {"html_theme": "basic"}
    make_app("html", srcdir=source, confoverrides=theme).build()
    again = make_app("html", srcdir=source, confoverrides={**theme, **overrides})
    read: list[str] = []
    again.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    again.build()
    return again, read


def test_a_rebuild_with_nothing_changed_says_so(make_app: MakeApp, tmp_path: Path) -> None:
    again, read = rebuild(make_app, site(tmp_path))
    status = again.status.getvalue()
    assert "The configuration has changed" not in status
    assert "0 added, 0 changed, 0 removed" in status and read == []
    assert (Path(again.outdir) / "_static" / "sphinx-seminars.css").is_file()


def _page(app: SphinxTestApp, path: str) -> str:
    return (Path(app.outdir) / path).read_text(encoding="utf-8")


OUTPUT_SETTINGS: list[tuple[str, object, Callable[[SphinxTestApp], bool]]] = [
    ("seminar_script", False, lambda app: "sphinx-seminars.js" not in _page(app, "index.html")),
    (
        "seminar_exports",
        ["json"],
        lambda app: "application/ld+json" not in _page(app, "talks/grain.html"),
    ),
    (
        "seminar_default_duration",
        90,
        lambda app: 'data-default-duration="90"' in _page(app, "index.html"),
    ),
    (
        "seminar_baseurl",
        "https://other.example.org/",
        lambda app: "https://other.example.org/talks/grain.html" in _page(app, "talks/grain.html"),
    ),
    (
        "seminar_ics_window_days",
        30,
        lambda app: "Grain boundaries" not in _page(app, "seminars.ics"),
    ),
    (
        "seminar_redirects",
        {"/old/grain/": "grain"},
        lambda app: "talks/grain.html" in _page(app, "old/grain/index.html"),
    ),
    (
        "seminar_today",
        "2025-01-01",
        lambda app: "Grain boundaries" in _page(app, "upcoming.html"),
    ),
]


@pytest.mark.parametrize(
    ("name", "value", "shown"), OUTPUT_SETTINGS, ids=[case[0] for case in OUTPUT_SETTINGS]
)
def test_a_setting_of_the_output_reads_no_document_again(
    make_app: MakeApp,
    tmp_path: Path,
    name: str,
    value: object,
    shown: Callable[[SphinxTestApp], bool],
) -> None:
    source = site(tmp_path)
    again, read = rebuild(make_app, source, **{name: value})
    assert read == [], name
    assert shown(again), name
