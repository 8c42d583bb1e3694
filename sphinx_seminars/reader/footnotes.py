"""Markdown footnotes of a talk (``a claim[^1]`` ... ``[^1]: the note``).

A talk's Markdown blocks (abstract, bio, details) are one text for footnotes: a reference in
the bio may use a note of the abstract.  :func:`settle_footnotes` keeps every reference that
has its note and every first note of a label that is referred to; a reference without a
note, a second note of one label or a note without a reference would be an error or a
warning of the page, so it becomes the text it is written as, with a warning.
:func:`scope_footnotes` gives a talk's labels a prefix of its own, so that talks (and the
page around them) sharing a page never share a label.  Code (spans and fences) is not looked
into.  Pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .markdown_safety import is_escaped
from .text.code import CodeSpans

_LABEL = r"\[\^([^\]\s]+)\]"
_DEFINITION = re.compile(r"^ {0,3}" + _LABEL + ":", re.MULTILINE)
_REFERENCE = re.compile(_LABEL)


def settle_footnotes(
    blocks: Sequence[tuple[str, int]],
) -> tuple[list[str], list[tuple[int, str]]]:
    """The blocks (Markdown, first file line) with unusable footnote marks made text, and
    a (line, message) for each."""
    settled: list[str] = []
    problems: list[tuple[int, str]] = []
    found = [_marks(markdown) for markdown, _ in blocks]
    # a note serves references before it too, and in the other blocks
    defined = {label.lower() for definitions, _ in found for _, label in definitions}
    referred = {label.lower() for _, references in found for _, label in references}
    noted: set[str] = set()
    for (markdown, line), (definitions, references) in zip(blocks, found, strict=True):
        as_text: list[tuple[int, str]] = []
        for start, label in definitions:
            if label.lower() in noted:
                as_text.append((start, f"a second note for the footnote '[^{label}]'"))
            elif label.lower() not in referred:
                as_text.append((start, f"no reference '[^{label}]' to the footnote's note"))
            noted.add(label.lower())
        as_text += [
            (start, f"the footnote '[^{label}]' has no note ('[^{label}]: ...')")
            for start, label in references
            if label.lower() not in defined
        ]
        as_text.sort()
        problems += [(_line_at(markdown, at, line), f"{why}; shown as text") for at, why in as_text]
        settled.append(_escaped_at(markdown, [start for start, _ in as_text]))
    return settled, problems


def scope_footnotes(markdown: str, prefix: str) -> str:
    """Markdown whose footnote labels all start with ``prefix`` (and a dash)."""
    definitions, references = _marks(markdown)
    starts = sorted(start for start, _ in [*definitions, *references])
    return _rewritten_at(markdown, starts, lambda label: f"[^{prefix}-{label}]")


def _marks(markdown: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(where each note starts and its label, where each reference starts and its label),
    outside code and not escaped."""
    if "[^" not in markdown:
        return [], []
    code = CodeSpans(markdown)

    def usable(start: int) -> bool:
        return not code.holds(start) and not is_escaped(markdown, start)

    definitions = [
        (match.start(1) - 2, match.group(1))
        for match in _DEFINITION.finditer(markdown)
        if usable(match.start(1) - 2)
    ]
    noted = {start for start, _ in definitions}
    references = [
        (match.start(), match.group(1))
        for match in _REFERENCE.finditer(markdown)
        if match.start() not in noted and usable(match.start())
    ]
    return definitions, references


def _line_at(markdown: str, position: int, first_line: int) -> int:
    return first_line + markdown.count("\n", 0, position) if first_line else 0


def _escaped_at(markdown: str, starts: list[int]) -> str:
    """Markdown with a backslash before the ``[`` at each start: shown as text."""
    return _rewritten_at(markdown, starts, lambda label: f"\\[^{label}]")


def _rewritten_at(markdown: str, starts: list[int], write: Callable[[str], str]) -> str:
    parts: list[str] = []
    last = 0
    for start in starts:
        match = _REFERENCE.match(markdown, start)
        assert match is not None  # every start is a label's
        parts += [markdown[last:start], write(match.group(1))]
        last = match.end()
    parts.append(markdown[last:])
    return "".join(parts)
