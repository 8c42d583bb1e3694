"""A site built from hostile talk files: no script, no unsafe link, no file of the build
machine and no MyST directive, role or substitution reaches the output; the build goes on."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

ACTIVE_ATTRIBUTES = re.compile(r"^on|^(?:href|src|action|formaction|data)$")


class _ActiveParts(HTMLParser):
    """Collects what a browser would run or follow: script and style contents, event
    handler attributes, and link targets."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.data_scripts: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self._in: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            is_data = dict(attrs).get("type") == "application/ld+json"
            self._in = self.data_scripts if is_data else self.scripts
        self.attributes += [(n, v or "") for n, v in attrs if ACTIVE_ATTRIBUTES.match(n)]

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._in.append(data)


def _active_parts(html: str) -> _ActiveParts:
    parser = _ActiveParts()
    parser.feed(html)
    return parser


@pytest.mark.sphinx("html", testroot="hostile")
def test_hostile_talks_render_as_text(app: SphinxTestApp) -> None:
    (Path(app.srcdir) / "talks" / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\r")
    app.build()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    active = _active_parts(html)
    assert not [script for script in active.scripts if "alert" in script]
    assert not [data for data in active.data_scripts if "<" in data]  # JSON-LD: "<" escaped
    assert [(n, v) for n, v in active.attributes if n.startswith("on")] == []
    for name, value in active.attributes:
        target = re.sub(r"[\t\n\r]", "", value).strip().lower()
        assert not target.startswith(("javascript:", "data:", "vbscript:")), (name, value)
    assert "<iframe" not in html and "<svg" not in html and '<img src="x"' not in html
    assert "SUBSTITUTED-SECRET" not in html
    assert "onerror" not in html
    # the text is still there, shown as text
    assert "Eve is real." in html and "Grain growth" in html
    assert "After the hostile talks, the page goes on." in html


@pytest.mark.sphinx("html", testroot="hostile")
def test_no_file_of_the_build_machine_is_read(app: SphinxTestApp) -> None:
    (Path(app.srcdir) / "talks" / "binary.md").write_bytes(b"\x00\x01")
    app.build()
    for path in Path(app.outdir).rglob("*"):
        if path.is_file():
            assert b"TOP-SECRET-LINE" not in path.read_bytes(), path
    assert not (Path(app.outdir) / "_downloads").exists()


@pytest.mark.sphinx("html", testroot="hostile")
def test_broken_files_are_located_warnings(app: SphinxTestApp) -> None:
    (Path(app.srcdir) / "talks" / "binary.md").write_bytes(b"\x00\x01")
    app.build()
    warnings = app.warning.getvalue()
    assert re.search(
        r"talks/laughs\.md:\d+: WARNING: .*aliases expanded.*\[seminar\.yaml\]", warnings
    )
    assert re.search(
        r"talks/binary\.md:?\d*: WARNING: .*binary file.*\[seminar\.encoding\]", warnings
    )
    assert "Traceback" not in warnings
