"""Local files named by a talk reach the output only from inside the source folder."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).parent / "roots" / "test-localfiles"
MakeApp = Callable[..., SphinxTestApp]


@pytest.fixture
def built(make_app: MakeApp, tmp_path: Path) -> SphinxTestApp:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    app = make_app("html", srcdir=srcdir)
    app.build()
    return app


def test_slides_inside_the_source_folder_are_a_download(built: SphinxTestApp) -> None:
    page = (built.outdir / "talks/2025-05-05-files.html").read_text(encoding="utf-8")
    links = page[page.index("seminar-links") :]
    link = re.search(r'href="(\.\./_downloads/[0-9a-f]+/talk\.pdf)"', links)
    assert link is not None
    assert (built.outdir / "talks" / link.group(1)).resolve().read_bytes().startswith(b"%PDF")


def test_paths_leaving_the_source_folder_are_refused(built: SphinxTestApp) -> None:
    warnings = built.warning.getvalue()
    assert re.search(
        r"talks/2025-05-05-files\.md:1: WARNING: '\.\./\.\./\.\./\.\./\.\./\.\./etc/passwd' is not "
        r"a file inside the source folder; left out \[seminar\.path\]",
        warnings,
    )
    assert "'/etc/hostname' is not a file inside the source folder" in warnings
    copied = [p.name for p in built.outdir.rglob("*") if p.is_file()]
    assert "passwd" not in copied and "hostname" not in copied
    everything = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in built.outdir.rglob("*")
        if p.is_file() and p.suffix in {".html", ".json", ".ics", ".atom", ".txt"}
    )
    assert "root:x:0:0" not in everything
    page = (built.outdir / "talks/2025-05-05-files.html").read_text(encoding="utf-8")
    links = re.search(r"Links: </strong>(.*?)</p>", page)
    assert links is not None and ">slides<" in links.group(1)
    assert "video" not in links.group(1) and "notes" not in links.group(1)
