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

from .markdown_safety import FOOTNOTE_LABEL, is_escaped
from .text.code import CodeSpans

_DEFINITION = re.compile(r"^ {0,3}" + FOOTNOTE_LABEL + ":", re.MULTILINE)
_REFERENCE = re.compile(FOOTNOTE_LABEL)
#: What makes "[^1]" the text of a link ("[^1](url)", "[^1][x]"), not a footnote.
_LINK_AFTER = re.compile(r"[(\[]")


def settle_footnotes(
    blocks: Sequence[tuple[str, int]],
) -> tuple[list[str], list[tuple[int, str]]]:
    """The blocks (Markdown, first file line) with unusable footnote marks made text, and
    a (line, message) for each."""
    settled: list[str] = []
    problems: list[tuple[int, str]] = []
    found = [_marks(markdown) for markdown, _ in blocks]
    # a note serves references before it too, and in the other blocks
    defined = {_key(label) for definitions, _ in found for _, label in definitions}
    referred = {_key(label) for _, references in found for _, label in references}
    noted: set[str] = set()
    for (markdown, line), (definitions, references) in zip(blocks, found, strict=True):
        as_text: list[tuple[int, str]] = []
        for start, label in definitions:
            if _key(label) in noted:
                as_text.append((start, f"a second note for the footnote '[^{label}]'"))
            elif _key(label) not in referred:
                as_text.append((start, f"no reference '[^{label}]' to the footnote's note"))
            noted.add(_key(label))
        as_text += [
            (start, f"the footnote '[^{label}]' has no note ('[^{label}]: ...')")
            for start, label in references
            if _key(label) not in defined
        ]
        as_text.sort()
        problems += [(_line_at(markdown, at, line), f"{why}; shown as text") for at, why in as_text]
        settled.append(_escaped_at(markdown, [start for start, _ in as_text]))
    return settled, problems


def scope_footnotes(markdown: str, prefix: str) -> str:
    """Markdown whose footnote labels are the talk's own: ``[^1]`` of talk ``x`` becomes
    ``[^fn1-x-1]``.  The prefix's length keeps labels of different talks apart (``x`` with
    ``[^y-1]`` and ``x-y`` with ``[^1]``), ``fn`` keeps their anchors apart from the page's
    others; labels are lower-cased with their white space as ``-``, as docutils compares
    them."""
    definitions, references = _marks(markdown)
    starts = sorted(start for start, _ in [*definitions, *references])
    own = f"fn{len(prefix)}-{prefix}-"
    return _rewritten_at(markdown, starts, lambda label: f"[^{own}{_key(label)}]")


_WHITE_SPACE = re.compile(r"\s")


def _key(label: str) -> str:
    """A label as it is compared: lower case, white space as ``-``."""
    return _WHITE_SPACE.sub("-", label.lower())


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
        if match.start() not in noted
        and usable(match.start())
        and not _LINK_AFTER.match(markdown, match.end())
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
