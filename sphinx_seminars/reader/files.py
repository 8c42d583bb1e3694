"""Read the text of a talk file from disk: regular files only, bounded in size, any encoding
reported (binary files refused, undecodable bytes replaced)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..model import Problem
from ..problems import Code

#: The largest file read (bytes); a talk file is a few kilobytes.
MAX_BYTES = 32 * 1024 * 1024
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CHUNK = 1 << 16
#: A file replaced by a pipe or a terminal between the check and the open: the open neither
#: waits for a writer nor takes the terminal, and the file is refused once open.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of a file (None when it cannot be used at all) and what is wrong with it."""
    not_regular = [Problem(0, Code.UNREADABLE, "not a regular file", "error")]
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a folder, a pipe, a device never ends
            return None, not_regular  # and is not opened: a pipe's writer keeps its data
        descriptor = os.open(path, _OPEN_FLAGS)
        try:
            size = os.fstat(descriptor)
            if not stat.S_ISREG(size.st_mode):
                return None, not_regular
            raw = _read_all(descriptor, min(size.st_size, MAX_BYTES) + 1)
        finally:
            os.close(descriptor)
    except OSError as exc:
        message = f"cannot read the file: {exc.strerror or exc}"
        return None, [Problem(0, Code.UNREADABLE, message, "error")]
    if len(raw) > MAX_BYTES:
        message = f"the file is larger than {MAX_BYTES // 2**20} MB; not read"
        return None, [Problem(0, Code.TOO_LONG, message, "error")]
    return decode(raw)


def _read_all(descriptor: int, expected: int) -> bytes:
    """The bytes of an open file, up to :data:`MAX_BYTES` + 1 (a file may grow while read)."""
    chunks = [os.read(descriptor, expected)]
    total = len(chunks[0])
    while chunks[-1] and total <= MAX_BYTES:
        chunks.append(os.read(descriptor, min(_CHUNK, MAX_BYTES + 1 - total)))
        total += len(chunks[-1])
    return b"".join(chunks)


def decode(raw: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 text of a file (BOM dropped; UTF-16 with a BOM accepted); undecodable bytes are
    replaced and reported; a binary file gives None."""
    if raw.startswith(_UTF16_BOMS):
        message = "the file is UTF-16; save it as UTF-8"
        return raw.decode("utf-16", errors="replace"), [Problem(1, Code.ENCODING, message)]
    if b"\x00" in raw[:8192]:
        return None, [Problem(0, Code.ENCODING, "this is a binary file, not a talk file", "error")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not valid UTF-8 (byte {exc.start}); undecodable bytes replaced"
        return raw.decode("utf-8-sig", errors="replace"), [Problem(line, Code.ENCODING, message)]
