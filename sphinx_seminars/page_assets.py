"""The stylesheet and the page script, added for HTML builders only and copied into
``_static`` with the theme's static files (so e-books carry them too); the domain's index
pages are marked so that the script can filter them.

The package's static folder joins ``html_static_path`` when the settings are read
(``config-inited``), before Sphinx compares them with those of the last build: so the
comparison sees the same value every time, and a rebuild with nothing changed says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from .config import get_config

STATIC = Path(__file__).parent / "static"
STYLESHEET = "sphinx-seminars.css"
SCRIPT = "sphinx-seminars.js"

#: The domain's index pages, and what each lists (the script counts matches in these).
INDEX_PAGES = {"seminar-index": "talks", "seminar-speakers": "speakers"}


def _is_html(app: Sphinx) -> bool:
    return app.builder.format == "html" and not app.builder.name.startswith("json")


def wants_script(app: Sphinx) -> bool:
    """HTML pages for browsers (not e-books) and ``seminar_script`` not turned off."""
    return _is_html(app) and app.builder.name != "epub" and get_config(app).script


def add_static_path(app: Sphinx, config: Config) -> None:
    """``config-inited``: the package's static folder, after the site's own (a file of the
    same name in the site's folder is replaced by the package's, as before).  Builders that
    write no HTML do not read the setting."""
    if str(STATIC) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(STATIC)]


def add_static_files(app: Sphinx) -> None:
    """``builder-inited``: the stylesheet, and the script as a deferred one."""
    if _is_html(app):
        app.add_css_file(STYLESHEET)
    if wants_script(app):
        attributes: dict[str, Any] = {
            "data-default-duration": str(get_config(app).default_duration)
        }
        app.add_js_file(SCRIPT, loading_method="defer", **attributes)


def mark_index_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: a ``<meta name="seminar-index">`` on the domain's index pages."""
    kind = INDEX_PAGES.get(pagename)
    if kind is not None and wants_script(app):
        meta = f'<meta name="seminar-index" content="{kind}" />\n'
        context["metatags"] = str(context.get("metatags") or "") + meta


def setup_page_assets(app: Sphinx) -> None:
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", add_static_files)
    app.connect("html-page-context", mark_index_page)
