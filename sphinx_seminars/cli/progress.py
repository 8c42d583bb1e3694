"""Progress of a long command on the terminal: one line on standard error, rewritten in
place, shown only when standard error is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

#: Seconds between two updates of the line.
INTERVAL = 0.1


class Progress:
    """``label 120/380`` as work goes on; nothing at all when not on a terminal."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.shown = self.stream.isatty()
        self.label, self.total, self.done, self.last = label, total, 0, 0.0

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.shown and (now - self.last >= INTERVAL or self.done == self.total):
            self.last = now
            self.stream.write(f"\r{self.label} {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        if self.shown and self.done:
            self.stream.write("\r\033[K")
            self.stream.flush()
