"""Split a Markdown body into sections under headings, and name what each heading is for.

Headings in real files are loosely worded ("Speaker and Affliation:", "When ?", "About the
Speaker :", "Abstract:Inspired by ..."): they are matched after folding case, punctuation,
``&``/``and`` and common typos, and text written inside the heading line is kept as content.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from .text.clean import clean_text


class Part(str, Enum):
    """What a body section holds (its part of the talk)."""

    PREAMBLE = "preamble"
    SPEAKER = "speaker"
    WHEN = "when"
    DATES = "dates"
    TIMES = "times"
    VENUE = "venue"
    LINK = "link"
    ABSTRACT = "abstract"
    BIO = "bio"
    HOST = "host"
    OTHER = "other"


@dataclass
class Section:
    """A heading (empty for the text before the first one) and the lines under it."""

    part: Part
    heading: str
    line: int
    lines: list[str] = field(default_factory=list)
    first_line: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines).strip("\n")

    @property
    def content_line(self) -> int:
        """The line of the first non-blank content line (the heading's line if none)."""
        for offset, line in enumerate(self.lines):
            if line.strip():
                return self.first_line + offset
        return self.line


_HEADING = re.compile(r" {0,3}(#{1,6})(.*)")
_SPEAKER = r"(?:(?:the )?speakers?|presenters?|instructors?|lecturers?)"
_AFFIL = r"(?:af+[il]+[ia]*tions?|af+l[ia]+tions?|affiliation)"
# Each part: a pattern matched against the folded heading (lower case, words only).
_PARTS: list[tuple[Part, re.Pattern[str]]] = [
    (Part.SPEAKER, re.compile(rf"^(?:{_SPEAKER}(?: and {_AFFIL})?|{_AFFIL}|speaker details)$")),
    (Part.WHEN, re.compile(r"^(?:when|date and time|date time|time and date|date|time)$")),
    (Part.DATES, re.compile(r"^(?:class|course|workshop|event) dates$")),
    (Part.TIMES, re.compile(r"^(?:class|course|workshop|event) times$")),
    (Part.VENUE, re.compile(r"^(?:venue|location|where|place|mode|room|venue and mode)$")),
    (Part.LINK, re.compile(r"^(?:talk|meeting|zoom|teams|online|webinar) link$")),
    (
        Part.ABSTRACT,
        re.compile(
            r"^(?:abstract(?: of (?:the )?talk)?|talk abstract|summary|description|overview"
            r"|about (?:the )?(?:talk|lecture|seminar|workshop|course|event)"
            r"|introduction and overview|course description)$"
        ),
    ),
    (
        Part.BIO,
        re.compile(
            r"^(?:(?:short |brief |speaker s? |speakers? )?bio(?:graphy| data|sketch|graphical"
            r" sketch)?|biographical sketch|about (?:the )?speakers?|speakers? biography"
            r"|short introduction)$"
        ),
    ),
    (Part.HOST, re.compile(r"^(?:host|hosts|hosted by|chair|convener)$")),
]


def fold_heading(text: str) -> str:
    """Lower-case words of a heading: accents, punctuation and ``&`` folded away."""
    text = unicodedata.normalize("NFKD", clean_text(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("&", " and ")
    return " ".join(re.findall(r"[a-z0-9]+", text))


@lru_cache(maxsize=4096)  # an archive words its headings the same way in every file
def classify_heading(heading: str) -> tuple[Part, str]:
    """The part of a heading and any content written inside the heading line itself.

    ``"Abstract:Inspired by"`` gives (ABSTRACT, "Inspired by"); ``"Mode Online"`` gives
    (VENUE, "Online"); an unknown heading gives (OTHER, "").
    """
    heading = clean_text(heading).strip()
    part = _match_part(heading)
    if part is not None:
        return part, ""
    if ":" in heading:
        label, _, rest = heading.partition(":")
        part = _match_part(label)
        if part is not None:
            return part, rest.strip()
    words = heading.split()
    for size in range(min(4, len(words) - 1), 0, -1):
        part = _match_part(" ".join(words[:size]))
        if part in (Part.VENUE, Part.WHEN, Part.LINK):
            return part, " ".join(words[size:])
    return Part.OTHER, ""


def _match_part(label: str) -> Part | None:
    folded = fold_heading(label)
    for part, pattern in _PARTS:
        if pattern.match(folded):
            return part
    return None


def split_sections(body: str, first_line: int) -> list[Section]:
    """Sections of ``body`` (``first_line`` is the file line of its first line).

    The text before the first heading is a PREAMBLE section with an empty heading.
    """
    current = Section(Part.PREAMBLE, "", first_line, first_line=first_line)
    sections = [current]
    for number, line, heading in _lines_and_headings(body, first_line):
        if heading:
            part, inline = classify_heading(heading)
            current = Section(part, clean_text(heading).strip(), number, first_line=number + 1)
            if inline:
                current.lines.append(inline)
                current.first_line = number
            sections.append(current)
        else:
            current.lines.append(line)
    return sections


def _lines_and_headings(body: str, first_line: int) -> Iterator[tuple[int, str, str]]:
    """(file line, line, heading text or "") for each line; no heading inside a fence."""
    fenced = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if "#" not in line and "```" not in line and "~~~" not in line:
            yield number, line, ""  # the common case, decided without copying the line
            continue
        start = line.lstrip()[:3]
        if start in ("```", "~~~"):
            fenced = not fenced
        yield number, line, "" if fenced or start[:1] != "#" else heading_text(line)


def heading_text(line: str) -> str:
    """The text of a ``#`` heading line ("" when the line is none): ``## Title ##`` gives
    ``Title`` (the closing hashes and the spaces around go)."""
    match = _HEADING.fullmatch(line)
    if match is None:
        return ""
    return match.group(2).strip(" \t").rstrip("#").rstrip(" \t")


def escape_headings(markdown: str) -> str:
    """Markdown in which no line reads as a heading of a known part (``Abstract``, ``When``,
    ...), so that it stays one text when it is the body of a talk file written out."""
    lines = markdown.split("\n")
    for index, line, heading in _lines_and_headings(markdown, 0):
        if heading and classify_heading(heading)[0] is not Part.OTHER:
            lines[index] = "\\" + line.lstrip(" ")
    return "\n".join(lines)
