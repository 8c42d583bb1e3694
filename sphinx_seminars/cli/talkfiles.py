"""A talk as the reader reads it back from the file the writer makes of it: what ``new`` and
``import`` write is exactly what the site will show."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..model import Talk
from ..reader import parse_talk
from ..reader.writer import write_talk_file


def as_read(talk: Talk, extra: Mapping[str, object] | None = None) -> Talk | None:
    """The talk read back from its file (a title's trailing "(dd/mm/yy)" and stray quotes
    go, text is cleaned as the reader cleans it); None when its title would not survive."""
    again = parse_talk(write_talk_file(talk, path="talk.md", extra=extra), source="talk.md")
    if any(problem.code == "no-title" for problem in again.problems):
        return None
    return replace(again, id=talk.id, source=talk.source, problems=())
