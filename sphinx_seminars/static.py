"""The stylesheet, added for HTML builders only and copied into ``_static``."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx

STATIC = Path(__file__).parent / "static"
STYLESHEET = "sphinx-seminars.css"


def _is_html(app: Sphinx) -> bool:
    return app.builder.format == "html" and not app.builder.name.startswith("json")


def add_stylesheet(app: Sphinx) -> None:
    if _is_html(app):
        app.add_css_file(STYLESHEET)


def copy_stylesheet(app: Sphinx, exception: BaseException | None) -> None:
    if exception is None and _is_html(app):
        target = Path(app.outdir) / "_static"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(STATIC / STYLESHEET, target / STYLESHEET)


def setup_static(app: Sphinx) -> None:
    app.connect("builder-inited", add_stylesheet)
    app.connect("build-finished", copy_stylesheet)
