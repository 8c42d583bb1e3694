"""Screenshots of the test site in each theme, light and dark, for docs/themes.md.

    python tests/browser/gallery.py docs/_static

builds the site with every theme that is installed (alabaster, furo, pydata-sphinx-theme,
sphinx-book-theme) and writes ``gallery-<theme>-<page>-<scheme>.png`` into the folder.
The tests call :func:`take_screenshots` for two themes into their temporary folder.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if __package__ in (None, ""):  # run as a script: make ``browser`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from browser.web import Visitor, build_site, find_chromium, launch, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser

THEMES = ("alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme")
#: Themes with a dark mode of their own (alabaster has none).
DARK_THEMES = ("furo", "pydata_sphinx_theme", "sphinx_book_theme")
PAGES = {
    "talk": "talks/2025-06-02-rao.html",
    "listings": "formats.html",
    "index": "seminar-index.html",
}
#: What is shown in each colour scheme: the index looks like the listings in the dark.
SHOWN = {"light": ("talk", "listings", "index"), "dark": ("talk", "listings")}


def shot_name(theme: str, page: str, scheme: str) -> str:
    return f"gallery-{theme.replace('_', '-')}-{page}-{scheme}.png"


def take_screenshots(
    browser: Browser, site_url: str, theme: str, outdir: Path, schemes: tuple[str, ...]
) -> list[Path]:
    """The talk page, listings and index of the site at ``site_url``, 1000 x 700 pixels
    each, with the clock during a talk (so that a "Live now" badge shows)."""
    outdir.mkdir(parents=True, exist_ok=True)
    shots = []
    for scheme in schemes:
        visitor = Visitor(browser, scheme=scheme)
        for name in SHOWN[scheme]:
            opened = visitor.open(site_url + PAGES[name])
            path = outdir / shot_name(theme, name, scheme)
            opened.screenshot(path=path, animations="disabled", caret="hide")
            shots.append(path)
        visitor.close()
    return shots


def installed(theme: str) -> bool:
    return importlib.util.find_spec(theme) is not None


def main(outdir: Path) -> int:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - optional: tests skip without it

    chromium = find_chromium()
    if chromium is None:
        print("Chromium is not installed", file=sys.stderr)
        return 1
    themes = [theme for theme in THEMES if installed(theme)]
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp)) as url:
        for theme in themes:
            build_site(Path(tmp) / theme, theme)
        with sync_playwright() as playwright:
            browser = launch(playwright, chromium)
            for theme in themes:
                schemes = ("light", "dark") if theme in DARK_THEMES else ("light",)
                for path in take_screenshots(browser, f"{url}{theme}/", theme, outdir, schemes):
                    print(path)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/_static")))
