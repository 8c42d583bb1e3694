"""Find the numbered reference list at the end of an abstract and take it out."""

from __future__ import annotations

import itertools
import re

from .text.plain import markdown_to_plain

#: The longest reference list taken out of an abstract; a longer list is left in it.
MAX_REFERENCES = 500
_MARKER = re.compile(r"^\s*(?:\[(\d{1,3})\]|\((\d{1,3})\)|(\d{1,3})[.)])\s+(?=\S)")
_INLINE_MARKER = re.compile(r"(?:^|\s)\[(\d{1,3})\]\s+")
_HEADING = re.compile(
    r"^\W*(?:references?|bibliography|selected references|key references)\W*?:?\s*(?:\\)?$",
    re.IGNORECASE,
)
_CITATION = re.compile(r"\[\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\]")


def split_references(markdown: str) -> tuple[str, tuple[str, ...]]:
    """(abstract without its reference list, the references as plain text)."""
    lines = [line.rstrip().removesuffix("\\").rstrip() for line in markdown.split("\n")]
    heading = next((i for i, line in enumerate(lines) if _HEADING.match(line)), None)
    if heading is not None:
        entries = _entries(lines[heading + 1 :], require_marker=False)
        if entries:
            return _join(markdown, heading), entries
    start = _trailing_list_start(lines)
    if start is not None and _CITATION.search("\n".join(lines[:start])):
        entries = _entries(lines[start:], require_marker=True)
        if entries:
            return _join(markdown, start), entries
    return markdown.strip("\n"), ()


def _join(markdown: str, cut: int) -> str:
    return "\n".join(markdown.split("\n")[:cut]).rstrip("\\ \n")


def _trailing_list_start(lines: list[str]) -> int | None:
    """Where a list numbered 1, 2, ... n that runs to the end of the text starts."""
    expected: int | None = None
    start = None
    for index in range(len(lines) - 1, -1, -1):
        number = _number(lines[index])
        if number is None:
            continue
        if expected is None or number == expected:
            start = index
            if number == 1:
                return start
            expected = number - 1
        else:
            return None
    return None


def _number(line: str) -> int | None:
    match = _MARKER.match(line)
    return int(next(g for g in match.groups() if g)) if match else None


def _entries(lines: list[str], *, require_marker: bool) -> tuple[str, ...]:
    """Reference entries from lines; wrapped entries are joined; ``[1] a [2] b`` is split."""
    text = "\n".join(lines).strip()
    if not text:
        return ()
    entries: list[list[str]] = []
    for line in lines:
        if not line.strip():
            continue
        pieces = _split_inline(line)
        if _number(line) is not None or (not entries and not require_marker):
            entries.extend([piece] for piece in pieces)
        elif entries:
            entries[-1].append(line.strip())
        if len(entries) > MAX_REFERENCES:
            return ()
    plain = (markdown_to_plain(_strip_marker(" ".join(parts))) for parts in entries)
    return tuple(entry for entry in plain if entry)


def _split_inline(line: str) -> list[str]:
    """``[1] a [2] b`` -> ``["[1] a", "[2] b"]`` when the numbers run 1, 2, 3 ..."""
    if line.count("[") < 2:
        return [line.strip()]
    markers = list(_INLINE_MARKER.finditer(line))
    starts = [m.start() for m in markers]
    numbers = [int(m.group(1)) for m in markers]
    if len(starts) < 2 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return [line.strip()]
    bounds = [*starts, len(line)]
    return [line[a:b].strip() for a, b in itertools.pairwise(bounds)]


def _strip_marker(entry: str) -> str:
    return _MARKER.sub("", entry, count=1).strip()
