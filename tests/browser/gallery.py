"""Screenshots of the test site in each theme, light and dark, for docs/themes.md.

    python tests/browser/gallery.py docs/_static
    python tests/browser/gallery.py /tmp/shots --all

builds the site with every theme that is installed (alabaster, furo, pydata-sphinx-theme,
sphinx-book-theme) and writes ``gallery-<theme>-<page>-<scheme>-<width>.png`` into the
folder: the pages of :data:`SHOWN`, at a phone's width (400 pixels) and a desktop's (1280).
``--all`` takes every page at both widths in both schemes (to look at, not for the docs).
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
    "listings": "index.html",
    "index": "seminar-index.html",
    # looked at with --all, not in the docs
    "cancelled": "talks/2025-06-12-haddad.html",
    "moved": "talks/2025-06-19-ito.html",
    "series": "earth.html",
    "formats": "formats.html",
    "archive": "archive.html",
    "speakers": "speakers.html",
    "speaker-index": "seminar-speakers.html",
}
#: Window sizes: a phone held upright, a desktop.
SIZES = {400: 860, 1280: 800}
#: What the docs show: every page at both widths in light; the dark scheme, which only
#: recolours, at the desktop's width for the talk and the listings.
SHOWN: dict[str, tuple[tuple[str, int], ...]] = {
    "light": tuple((page, width) for page in ("talk", "listings", "index") for width in SIZES),
    "dark": (("talk", 1280), ("listings", 1280)),
}
EVERYTHING = tuple((page, width) for page in PAGES for width in SIZES)


def shot_name(theme: str, page: str, scheme: str, width: int) -> str:
    return f"gallery-{theme.replace('_', '-')}-{page}-{scheme}-{width}.png"


def take_screenshots(
    browser: Browser,
    site_url: str,
    theme: str,
    outdir: Path,
    schemes: tuple[str, ...],
    shown: dict[str, tuple[tuple[str, int], ...]] = SHOWN,
) -> list[Path]:
    """The pages of ``shown`` of the site at ``site_url`` in each colour scheme and window
    width, with the clock during a talk (so that "Live now" shows)."""
    outdir.mkdir(parents=True, exist_ok=True)
    shots = []
    for scheme in schemes:
        for width, height in SIZES.items():
            pages = [page for page, at in shown[scheme] if at == width]
            if not pages:
                continue
            visitor = Visitor(browser, scheme=scheme, width=width, height=height)
            for name in pages:
                opened = visitor.open(site_url + PAGES[name])
                path = outdir / shot_name(theme, name, scheme, width)
                opened.screenshot(path=path, animations="disabled", caret="hide")
                shots.append(path)
            visitor.close()
    return shots


def installed(theme: str) -> bool:
    return importlib.util.find_spec(theme) is not None


def main(outdir: Path, everything: bool = False) -> int:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - optional: tests skip without it

    chromium = find_chromium()
    if chromium is None:
        print("Chromium is not installed", file=sys.stderr)
        return 1
    themes = [theme for theme in THEMES if installed(theme)]
    shown = {"light": EVERYTHING, "dark": EVERYTHING} if everything else SHOWN
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp)) as url:
        for theme in themes:
            build_site(Path(tmp) / theme, theme)
        with sync_playwright() as playwright:
            browser = launch(playwright, chromium)
            for theme in themes:
                schemes = ("light", "dark") if theme in DARK_THEMES else ("light",)
                for path in take_screenshots(
                    browser, f"{url}{theme}/", theme, outdir, schemes, shown
                ):
                    print(path)
            browser.close()
    return 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(main(Path(arguments[0]) if arguments else Path("docs/_static"), "--all" in sys.argv))
