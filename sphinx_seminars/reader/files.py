"""Read the text of a talk file from disk: regular files only, bounded in size, any encoding
reported (binary files refused, undecodable bytes replaced)."""

from __future__ import annotations

import stat
from pathlib import Path

from ..model import Problem

#: The largest file read (bytes); a talk file is a few kilobytes.
MAX_BYTES = 32 * 1024 * 1024
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of a file (None when it cannot be used at all) and what is wrong with it."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a folder, a pipe, a device never ends
            return None, [Problem(0, "unreadable", "not a regular file", "error")]
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as exc:
        message = f"cannot read the file: {exc.strerror or exc}"
        return None, [Problem(0, "unreadable", message, "error")]
    if len(raw) > MAX_BYTES:
        message = f"the file is larger than {MAX_BYTES // 2**20} MB; not read"
        return None, [Problem(0, "too-long", message, "error")]
    return decode(raw)


def decode(raw: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 text of a file (BOM dropped; UTF-16 with a BOM accepted); undecodable bytes are
    replaced and reported; a binary file gives None."""
    if raw.startswith(_UTF16_BOMS):
        message = "the file is UTF-16; save it as UTF-8"
        return raw.decode("utf-16", errors="replace"), [Problem(1, "encoding", message)]
    if b"\x00" in raw[:8192]:
        return None, [Problem(0, "encoding", "this is a binary file, not a talk file", "error")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not valid UTF-8 (byte {exc.start}); undecodable bytes replaced"
        return raw.decode("utf-8-sig", errors="replace"), [Problem(line, "encoding", message)]
