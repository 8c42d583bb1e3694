"""Every warning names its file so that it can be found whatever folder the build runs
from: the extension's own warnings as ``path/from/the/source/folder:line``, MyST's and
Sphinx's with the file's whole path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.sites import build, talk, write_site

GUEST = talk(
    "Guest lecture",
    date="2025-13-01",  # a reader problem, at the file's line
    body="## Abstract\n\nSee [the missing part](#nowhere).",  # MyST: no such target
)
PAGE = """\
---
orphan: true
---

# Guests

```{seminar} guests/guest.md
```

```{seminar} guests/missing.md
```

See {seminar:talk}`no-such-talk`.

```{seminar-list}
:when: sometimes
```
"""
LOCATED = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): WARNING: .*\[(?P<type>[\w.-]+)\]$")


def test_warnings_name_their_files_whatever_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conf = 'exclude_patterns = ["_build", "guests"]\n'
    source = write_site(
        tmp_path,
        {"grain.md": talk(body="## Abstract\n\nWaves.")},
        conf=conf,
        pages={"guests.md": PAGE},
    )
    (source / "guests").mkdir()
    (source / "guests" / "guest.md").write_text(GUEST, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = build(source)
    lines = [line for line in result.warnings.splitlines() if "WARNING" in line]
    located = [LOCATED.match(line) for line in lines]
    assert all(located), lines
    found = {(m["path"], m["type"]) for m in located if m}
    assert ("guests/guest.md", "seminar.date") in found  # the reader's problem
    assert ("guests.md", "seminar.unreadable") in found  # a talk file that is not there
    assert ("guests.md", "seminar.ref") in found  # a role to no talk
    assert ("guests.md", "seminar.list") in found  # a listing option
    assert (str(source / "guests" / "guest.md"), "myst.xref_missing") in found
    for match in filter(None, located):
        path, kind = match["path"], match["type"]
        if kind.startswith("seminar."):
            assert not Path(path).is_absolute(), match.string
        assert (source / path).is_file(), match.string  # an absolute path stays itself
