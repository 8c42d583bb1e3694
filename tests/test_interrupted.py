"""A build killed (SIGKILL) while reading or writing heals on the next build: the site then
equals the site an uninterrupted build gives, and a clean build of the same sources,
listings and links between talks included."""

from __future__ import annotations

import random
import re
import shutil
import signal
import sys
from pathlib import Path

import pytest

from tests.sites import build, build_in_process_of_its_own, output_files, talk, write_site

#: An extension that kills its own build at the N-th document of a phase
#: (``SEMINAR_KILL_AT=read:3`` or ``write:5``).
KILLER = """\
import os, signal

def setup(app):
    phase, _, number = os.environ.get("SEMINAR_KILL_AT", ":").partition(":")
    seen = {"n": 0}

    def count(*args):
        seen["n"] += 1
        if seen["n"] == int(number):
            os.kill(os.getpid(), signal.SIGKILL)

    if phase == "read":
        app.connect("doctree-read", count)
    elif phase == "write":
        app.connect("doctree-resolved", count)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""
CONF = 'import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\nextensions += ["killer"]\n'
#: Sphinx's own search index is fed only with the pages a build writes: a page written by
#: a killed build is not fed again.  It is left out of the comparison.
NOT_COMPARED = frozenset({"searchindex.js"})

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def _site(folder: Path) -> Path:
    talks = {
        f"2025-0{n}-1{n}-talk.md": talk(f"Talk number {n}", date=f"2025-0{n}-1{n}")
        for n in range(1, 9)
    }
    source = write_site(folder, talks, conf=CONF)
    (source / "killer.py").write_text(KILLER, encoding="utf-8")
    return source


def _edit(source: Path) -> None:
    """A title, a date (which moves the talk between neighbours) and a new talk."""
    (source / "talks" / "2025-03-13-talk.md").write_text(
        talk("Renamed third talk", date="2025-07-20"), encoding="utf-8"
    )
    (source / "talks" / "2025-09-19-talk.md").write_text(
        talk("A ninth talk", date="2025-09-19", speaker="Prof. Ravi Iyer"), encoding="utf-8"
    )


def _compared(outdir: Path) -> dict[str, bytes]:
    return {k: v for k, v in output_files(outdir).items() if k not in NOT_COMPARED}


def _without_history(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files with the calendars' SEQUENCE numbers taken out: a clean build starts the
    history of a talk that moved afresh, as it cannot know it moved."""
    return {
        name: re.sub(rb"SEQUENCE:\d+\r\n", b"", content) if name.endswith(".ics") else content
        for name, content in files.items()
    }


def _differences(got: dict[str, bytes], expected: dict[str, bytes]) -> list[str]:
    assert sorted(got) == sorted(expected)
    return [name for name in expected if got[name] != expected[name]]


@pytest.mark.parametrize(("phase", "seed"), [("read", 1), ("read", 2), ("write", 3), ("write", 4)])
def test_a_killed_build_heals_on_the_next_one(tmp_path: Path, phase: str, seed: int) -> None:
    source = _site(tmp_path / "site")
    outdir = tmp_path / "site" / "_build" / "html"
    assert build_in_process_of_its_own(source, outdir) == 0
    uninterrupted = tmp_path / "uninterrupted"
    shutil.copytree(tmp_path / "site", uninterrupted, copy_function=shutil.copy2, symlinks=True)
    _edit(source)
    # documents read after this edit: the two talk files; written: about a dozen pages
    point = random.Random(seed).randint(1, 2 if phase == "read" else 10)
    status = build_in_process_of_its_own(
        source, outdir, environment={"SEMINAR_KILL_AT": f"{phase}:{point}"}
    )
    assert status == -signal.SIGKILL
    assert build_in_process_of_its_own(source, outdir) == 0

    for edited in ("2025-03-13-talk.md", "2025-09-19-talk.md"):  # the same edit, same times
        shutil.copy2(source / "talks" / edited, uninterrupted / "src" / "talks" / edited)
    assert (
        build_in_process_of_its_own(uninterrupted / "src", uninterrupted / "_build" / "html") == 0
    )
    assert _differences(_compared(outdir), _compared(uninterrupted / "_build" / "html")) == []

    clean_source = tmp_path / "clean" / "src"
    shutil.copytree(source, clean_source, copy_function=shutil.copy2)
    clean = build(clean_source, out=tmp_path / "clean" / "_build" / "html")
    assert clean.status == 0
    healed, expected = (
        _without_history(_compared(outdir)),
        _without_history(_compared(clean.outdir)),
    )
    assert _differences(healed, expected) == []
