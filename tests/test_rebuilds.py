"""Rebuilds: one with nothing changed says so and reads nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
