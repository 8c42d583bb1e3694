"""Keep the Markdown of a talk to text and safe links when MyST renders it.

MyST reads more than CommonMark: fences such as ```` ```{raw} html ````, ``{include}`` or
``{eval-rst}`` run directives (raw HTML, files of the build machine), ``{download}`x``` and
other roles run roles, ``{{ name }}`` is a substitution; and a Markdown link or image written
in the text may point anywhere (``[x](javascript:alert(1))``, ``![x](../../secret)``).
:func:`neutralise_markdown` turns all of these into the text they are written as, except the
``{sub}`` and ``{sup}`` roles the reader writes itself and links to http, https, mailto or an
``#anchor``: the ``]`` that would end a link and the ``{`` that would open a role become the
entities ``&#93;`` and ``&#123;`` (shown as the same characters, read as text), and a
directive's name gets ``text`` before it.  Linear time: beyond :data:`MAX_CHECKED` link
targets (no honest abstract has that many) every one is neutralised unchecked.
"""

from __future__ import annotations

import re

from markdown_it.common.utils import unescapeAll

from .urls import is_safe_link

#: Roles the reader writes for ``<sup>`` and ``<sub>``; every other role is neutralised.
SAFE_ROLES = frozenset({"sub", "sup"})
_DIRECTIVE_FENCE = re.compile(r"^([ \t>*+\-0-9.)]*?(?:`{3,}|~{3,}|:{3,})[ \t]*)(?=\{)", re.M)
_ROLE = re.compile(r"\{([A-Za-z0-9_+:.\-]*)\}(?=`)")
_SUBSTITUTION = re.compile(r"\{(?=\{)")
_LINK_TARGET = re.compile(r"\](?=[(:])")
_DESTINATION = re.compile(r"\s*(\S{0,256})")  # enough to see the scheme, however encoded
#: How many link targets are checked one by one.
MAX_CHECKED = 1000
#: The most ``*`` and ``_`` a paragraph keeps as emphasis (no honest one has a hundred
#: emphasised words; about six hundred nested marks overflow the Markdown parser).
MAX_EMPHASIS_MARKS = 200
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
#: A footnote label as MyST reads one: no space, newline or "]" (a tab may be in it).
FOOTNOTE_LABEL = r"\[\^([^\]\n ]+)\]"
#: A footnote's label from the start of its line, before the ``]:`` of its note.
_NOTE_START = re.compile(r"(?:^|\n) {0,3}" + FOOTNOTE_LABEL.removesuffix(r"\]") + "$")


def neutralise_markdown(markdown: str) -> str:
    """The Markdown with directives, roles, substitutions and unsafe link targets made text."""
    if "```" in markdown or "~~~" in markdown or ":::" in markdown:
        markdown = _DIRECTIVE_FENCE.sub(r"\1text ", markdown)
    if "{" in markdown:
        markdown = _replace_at(markdown, _unsafe_braces(markdown), "&#123;")
    if "]" in markdown:
        markdown = _replace_at(markdown, _unsafe_link_ends(markdown), "&#93;")
    if markdown.count("*") + markdown.count("_") > MAX_EMPHASIS_MARKS:
        markdown = "\n\n".join(map(_plain_marks, _BLANK_LINE.split(markdown)))
    return markdown


def _plain_marks(paragraph: str) -> str:
    """A paragraph with more emphasis marks than :data:`MAX_EMPHASIS_MARKS` shows them as
    text: nested deep enough, emphasis exhausts the Markdown parser's recursion."""
    if paragraph.count("*") + paragraph.count("_") <= MAX_EMPHASIS_MARKS:
        return paragraph
    return paragraph.replace("*", "&#42;").replace("_", "&#95;")


def _unsafe_braces(markdown: str) -> list[int]:
    """Where a role other than the safe ones, or a ``{{``, opens."""
    roles = [m for m in _ROLE.finditer(markdown) if m.group(1) not in SAFE_ROLES]
    return sorted(
        [m.start() for m in roles] + [m.start() for m in _SUBSTITUTION.finditer(markdown)]
    )


def _unsafe_link_ends(markdown: str) -> list[int]:
    """The ``]`` of every ``](target)`` and ``]: target`` whose target is not safe."""
    ends = [match.start() for match in _LINK_TARGET.finditer(markdown)]
    if len(ends) > MAX_CHECKED:
        return ends
    return [
        end
        for end in ends
        if not is_escaped(markdown, end)
        and not _safe_target(markdown, end)
        and not _footnote_note(markdown, end)
    ]


def _footnote_note(markdown: str, end: int) -> bool:
    """Whether the ``]:`` at ``end`` starts a footnote's note (``[^1]: the note``), which
    links nowhere."""
    if markdown[end + 1] != ":":
        return False
    line_start = markdown.rfind("\n", 0, end)
    return bool(_NOTE_START.search(markdown, max(line_start, 0), end))


def is_escaped(text: str, position: int) -> bool:
    """Whether the character at ``position`` follows an odd number of backslashes."""
    start = position
    while start and text[start - 1] == "\\":
        start -= 1
    return (position - start) % 2 == 1


def _safe_target(markdown: str, end: int) -> bool:
    """Whether the target after ``](`` or ``]:`` at ``end`` is safe; a missing one is not (it
    may be the text that follows, once this text is joined to more)."""
    destination = _DESTINATION.match(markdown, end + 2)
    target = destination.group(1) if destination else ""
    if markdown[end + 1] == "(" and target.startswith(")"):
        return True  # an empty target, "[x]()": a link to the page itself
    return bool(target) and is_safe_link(unescapeAll(target), relative=False)


def _replace_at(text: str, positions: list[int], replacement: str) -> str:
    """``text`` with the one character at each (sorted) position replaced."""
    if not positions:
        return text
    parts: list[str] = []
    last = 0
    for position in positions:
        parts += [text[last:position], replacement]
        last = position + 1
    parts.append(text[last:])
    return "".join(parts)
