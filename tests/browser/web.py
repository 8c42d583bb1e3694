"""Build the ``test-browser`` site, serve it on 127.0.0.1 and open its pages in Chromium."""

from __future__ import annotations

import datetime as dt
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.cmd.build import build_main

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

ROOT = Path(__file__).parent.parent / "roots" / "test-browser"

#: Chromium as Debian ships it, without the sandbox (CI runs as root) and without any
#: request of its own (updates, sync, ...): the only network is the local test server.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: A moment when Dr. Rao's talk (2 June 2025, 10:00-11:00 IST) is on.
DURING_RAO = dt.datetime(2025, 6, 2, 5, 0, tzinfo=dt.timezone.utc)


def find_chromium() -> str | None:
    """``$SEMINAR_CHROMIUM``, else a ``chromium`` on the PATH, else Debian's."""
    candidates = [
        os.environ.get("SEMINAR_CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        "/usr/bin/chromium",
    ]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def build_site(outdir: Path, theme: str = "alabaster", **overrides: str) -> Path:
    """The test site built with ``theme`` into ``outdir`` (warnings are errors)."""
    settings = {"html_theme": theme, **overrides}
    options = [item for name, value in settings.items() for item in ("-D", f"{name}={value}")]
    doctrees = outdir.parent / f".doctrees-{outdir.name}"
    arguments = ["-b", "html", "-q", "-W", "--keep-going", "-d", str(doctrees), *options]
    status = build_main([*arguments, str(ROOT), str(outdir)])
    if status != 0:
        raise RuntimeError(f"the test site did not build with {theme} (status {status})")
    return outdir


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging; ``/favicon.ico`` is an empty answer, not a 404."""

    def do_GET(self) -> None:
        if self.path == "/favicon.ico":
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        return


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """An HTTP server for ``directory`` on a free port of 127.0.0.1; yields its address."""
    handler = partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch(playwright: Playwright, executable: str) -> Browser:
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


@dataclass
class Visitor:
    """One visitor (zone, clock, colour scheme, window size, JavaScript on or off) in a
    browser context of their own; keeps every console error, page error and request made."""

    browser: Browser
    zone: str = "Europe/London"
    now: dt.datetime | None = DURING_RAO
    javascript: bool = True
    scheme: str = "light"
    width: int = 1000
    height: int = 700
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    page: Page | None = None

    def open(self, url: str) -> Page:
        """The page at ``url``, in the visitor's one tab."""
        if self.page is None:
            self.page = self._new_page()
        self.page.goto(url)
        return self.page

    def close(self) -> None:
        if self.page is not None:
            self.page.context.close()
            self.page = None

    def _new_page(self) -> Page:
        context = self.browser.new_context(
            timezone_id=self.zone,
            locale="en-GB",
            viewport={"width": self.width, "height": self.height},
            java_script_enabled=self.javascript,
            color_scheme="dark" if self.scheme == "dark" else "light",
        )
        page = context.new_page()
        page.on("console", self._note_console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("request", lambda request: self.requests.append(request.url))
        if self.now is not None and self.javascript:
            page.clock.install(time=self.now)
        return page

    def _note_console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({message.location.get('url')})")
