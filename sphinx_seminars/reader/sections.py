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
    TITLE = "title"
    SPEAKER = "speaker"
    WHEN = "when"
    DATES = "dates"
    TIMES = "times"
    VENUE = "venue"
    LINK = "link"
    RECORDING = "recording"
    ABSTRACT = "abstract"
    BIO = "bio"
    ADVISOR = "advisor"
    EXAMINER = "examiner"
    CHAIR = "chair"
    HOST = "host"
    CONVENER = "convener"
    ORGANIZER = "organizer"
    OTHER = "other"


#: The parts that name people in a role other than speaker, and the role (``model.ROLES``).
ROLE_PARTS: dict[Part, str] = {
    Part.ADVISOR: "advisor",
    Part.EXAMINER: "examiner",
    Part.CHAIR: "chair",
    Part.HOST: "host",
    Part.CONVENER: "convener",
    Part.ORGANIZER: "organizer",
}
#: Parts whose text runs on under sub-headings of their own (an abstract's "Methods").
_CONTENT_PARTS = frozenset({Part.ABSTRACT, Part.BIO})
#: Parts that a plain "Label: value" line at the start of a paragraph opens (bold and italic
#: labels open any part).
_PLAIN_LABEL_PARTS = frozenset(
    {Part.TITLE, Part.SPEAKER, Part.WHEN, Part.VENUE, Part.ABSTRACT, Part.BIO} | set(ROLE_PARTS)
)
#: Parts whose label gives one value (a title, a name, a date): the text after a blank line
#: is not theirs.
_VALUE_PARTS = frozenset(Part) - {Part.ABSTRACT, Part.BIO, Part.OTHER, Part.PREAMBLE}
#: The level of a section opened by a label: below every heading.
LABEL_LEVEL = 7


@dataclass
class Section:
    """A heading (empty for the text before the first one) and the lines under it."""

    part: Part
    heading: str
    line: int
    lines: list[str] = field(default_factory=list)
    first_line: int = 0
    level: int = 0  # 1-6 for a heading, LABEL_LEVEL for a label, 0 for the preamble

    @property
    def text(self) -> str:
        return "\n".join(self.lines).strip("\n")

    @property
    def has_text(self) -> bool:
        """Whether any line holds more than white space (without joining the lines)."""
        return any(line and not line.isspace() for line in self.lines)

    @property
    def content_line(self) -> int:
        """The line of the first non-blank content line (the heading's line if none)."""
        for offset, line in enumerate(self.lines):
            if line.strip():
                return self.first_line + offset
        return self.line


_HEADING = re.compile(r" {0,3}(#{1,6})(.*)")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*")
_LIST_ITEM = re.compile(r"\s*(?:[-+*]|\d+[.)])\s")
#: The bullet before a marked label in a list of facts: "- _Speaker:_ X", "* **Time:** 4 pm".
_BULLET_BEFORE_LABEL = re.compile(r" {0,3}[-+*][ \t]+(?=[*_<])")
#: A bold, italic or HTML-bold label at the start of a line, its text and what follows:
#: "**Abstract:** text", "__Abstract.__ text", "*Title:* text", "<b>Speaker</b>: name".
_MARKED_LABEL = re.compile(
    r" {0,3}(?:(?P<mark>\*\*|__|\*|_)(?P<marked>[^*_<>\n]{1,50}?)(?P=mark)"
    r"|<(?P<tag>b|strong|em|i)>(?P<tagged>[^<>\n]{1,50}?)</(?P=tag)>)"
    r"[ \t]*(?P<rest>[:.]?(?:[ \t].*)?)"
)
#: A plain label at the start of a paragraph: "Title: text", "Speaker(s): name".
_PLAIN_LABEL = re.compile(r" {0,3}(?P<label>[^\W\d_][\w ’'()&/-]{0,40}?)[ \t]*:(?P<rest>.*)")
_SPEAKER = (
    r"(?:(?:the |confirmed |invited |keynote |guest )?speakers?|presenters?|presented by"
    r"|instructors?|lecturers?|authors?|candidate|resource persons?)"
)
_AFFIL = r"(?:af+[il]+[ia]*tions?|af+l[ia]+tions?|affiliation)"
_WORK = r"(?:talk|thesis|seminar|lecture|presentation|paper|event|workshop|symposium|course)"
# Each part: a pattern matched against the folded heading (lower case, words only).
_PARTS: list[tuple[Part, re.Pattern[str]]] = [
    (Part.SPEAKER, re.compile(rf"^(?:{_SPEAKER}(?: and {_AFFIL})?|{_AFFIL}|speaker details)$")),
    (Part.TITLE, re.compile(rf"^(?:(?:{_WORK} )?title(?: of (?:the )?{_WORK})?|topic|talk)$")),
    (
        Part.WHEN,
        re.compile(
            r"^(?:when|date and time|date time|time and date|date|time|save the date"
            rf"|(?:{_WORK} )?date(?: and time)?(?: of (?:the )?{_WORK})?)$"
        ),
    ),
    (Part.DATES, re.compile(r"^(?:class|course|workshop|event) dates$")),
    (Part.TIMES, re.compile(r"^(?:class|course|workshop|event) times$")),
    (Part.VENUE, re.compile(r"^(?:venue|location|where|place|mode|room|venue and mode)$")),
    (
        Part.LINK,
        re.compile(
            r"^(?:(?:talk|meeting|zoom|teams|online|webinar|registration|join|joining|event"
            r"|live ?stream) links?|registration)$"
        ),
    ),
    (Part.RECORDING, re.compile(r"^(?:recording|video|video recording|youtube)$")),
    (
        Part.ABSTRACT,
        re.compile(
            r"^(?:abstract(?: of (?:the )?talk)?|talk abstract|summary|description|overview"
            r"|about (?:the )?(?:talk|lecture|seminar|workshop|course|event)"
            rf"|introduction and overview|{_WORK} description)$"
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
    (
        Part.ADVISOR,
        re.compile(
            r"^(?:(?:faculty |thesis |research |phd )?(?:advis[eo]r|supervisor|guide)s?(?: s)?"
            r"|supervised by|advised by)$"
        ),
    ),
    (Part.EXAMINER, re.compile(r"^(?:(?:external |internal |thesis )?examiners?(?: s)?)$")),
    (
        Part.CHAIR,
        re.compile(
            r"^(?:(?:session )?chair(?:person|man|woman)?s?|chaired by|moderat(?:or|ed by))$"
        ),
    ),
    (Part.HOST, re.compile(r"^(?:hosts?|hosted by)$")),
    (Part.CONVENER, re.compile(r"^(?:conven[eo]rs?(?: s)?)$")),
    (Part.ORGANIZER, re.compile(r"^(?:organi[sz]ers?(?: s)?|organi[sz]ed by)$")),
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

    The text before the first heading is a PREAMBLE section with an empty heading.  A section
    starts at a ``#`` or Setext heading, or at a label that names a known part ("**Abstract:**",
    "__Speaker.__", a plain "Title:" opening a paragraph).  Unknown sub-headings of an
    abstract or a bio stay in it, as bold lines.
    """
    current = Section(Part.PREAMBLE, "", first_line, first_line=first_line)
    sections = [current]
    for number, line, heading, level in _lines_and_headings(body, first_line):
        if not level and current.level != LABEL_LEVEL:
            current.lines.append(line)  # the common case: a line of text
            continue
        opening = _opening(current, number, line, heading, level) if level else None
        if opening is None and _ends_value(current, line):
            current = Section(Part.PREAMBLE, "", number, [line], number, LABEL_LEVEL)
            sections.append(current)
        elif opening is None:
            current.lines.append(line)
        elif (
            opening.part is Part.OTHER
            and current.part in _CONTENT_PARTS
            and (opening.level > current.level)
        ):
            current.lines.append(f"**{opening.heading}**")  # a sub-heading of an abstract
        else:
            current = opening
            sections.append(current)
    return sections


def _opening(current: Section, number: int, line: str, heading: str, level: int) -> Section | None:
    """The section a line opens (a heading, a Setext underline or a label), or None."""
    if level == _LABEL_LIKE:
        level = 0
    if level == _SETEXT_LEVEL:  # the line before was the heading: take it back
        heading = current.lines.pop().strip()
        level, number = (1 if line.lstrip()[0] == "=" else 2), number - 1
    if heading:
        part, inline = classify_heading(heading)
    else:
        found = _label(line, current)
        if found is None:
            return None
        part, heading, inline = found
        level = LABEL_LEVEL
    section = Section(part, clean_text(heading).strip(), number, first_line=number + 1, level=level)
    if inline:
        section.lines.append(inline)
        section.first_line = number
    return section


def _ends_value(current: Section, line: str) -> bool:
    """Whether a line is text after the value of a label, past a blank line: the text goes on
    unlabelled ("**Title:** Waves", a blank line, then the abstract)."""
    return (
        current.level == LABEL_LEVEL
        and current.part in _VALUE_PARTS
        and bool(current.lines)
        and not current.lines[-1].strip()
        and bool(line.strip())
        and any(text.strip() for text in current.lines)  # a value section is short
    )


def _label(line: str, current: Section) -> tuple[Part, str, str] | None:
    """(part, label, text after it) of a line that opens a part with a label, or None."""
    bullet = _BULLET_BEFORE_LABEL.match(line)
    if bullet is not None:
        line = line[bullet.end() :]
    start = line.lstrip(" ")[:1]
    if start in ("*", "_", "<"):
        marked = _MARKED_LABEL.fullmatch(line)
        if marked is None:
            return None
        label = (marked["marked"] or marked["tagged"]).strip().rstrip(":.").strip()
        part = _label_part(label)
        if part is None:
            return None
        return part, label, marked["rest"].lstrip(":.").strip()
    if ":" not in line[:50] or not start.isalpha():
        return None
    after_blank = not current.lines or not current.lines[-1].strip()
    after_label = current.level == LABEL_LEVEL and len(current.lines) == 1  # "**A:** x\nB: y"
    if not (after_blank or after_label):
        return None
    plain = _PLAIN_LABEL.fullmatch(line)
    if plain is None:
        return None
    part = _label_part(plain["label"])
    if part not in _PLAIN_LABEL_PARTS:
        return None
    assert part is not None
    return part, plain["label"].strip(), plain["rest"].strip()


@lru_cache(maxsize=4096)
def _label_part(label: str) -> Part | None:
    """The known part a label names (None for an unknown one)."""
    return _match_part(label)


_SETEXT_LEVEL = -1  # the level _lines_and_headings gives a Setext underline
_LABEL_LIKE = -2  # the level it gives a line that may open a part with a label
_LABEL_STARTS = frozenset("*_<")  # a label's first character
_BLOCK_STARTS = frozenset("#=-`~ ")  # of a line that may be a heading or fence (" ": indented)


def _lines_and_headings(body: str, first_line: int) -> Iterator[tuple[int, str, str, int]]:
    """(file line, line, heading text or "", level) for each line: a ``#`` heading's level,
    ``_SETEXT_LEVEL`` for the underline of a Setext heading (the line before is the
    heading), ``_LABEL_LIKE`` for a line that may be a label, 0 else; no heading or label
    inside a fence."""
    fenced = False
    before, last = "", ""  # the two lines before, for Setext headings
    for number, line in enumerate(body.split("\n"), start=first_line):
        first = line[:1]
        if first not in _BLOCK_STARTS:
            before, last = last, line
            if fenced or (
                first not in _LABEL_STARTS
                and not _colon_label(line)
                and not (first == "+" and _BULLET_BEFORE_LABEL.match(line))
            ):
                yield number, line, "", 0  # the common case, decided without copying
            else:
                yield number, line, "", _LABEL_LIKE
            continue
        first = line.lstrip(" ")[:1]
        start = line.lstrip()[:3]
        if start in ("```", "~~~"):
            fenced = not fenced
        if fenced:
            yield number, line, "", 0
        elif first == "#":
            match = _HEADING.fullmatch(line)
            yield number, line, heading_text(line), len(match.group(1)) if match else 0
        elif (
            first in "=-"
            and last.strip()
            and not before.strip()
            and _SETEXT.fullmatch(line)
            and not _LIST_ITEM.match(last)
            and not last.lstrip().startswith(("#", ">", "|"))
        ):
            yield number, line, "", _SETEXT_LEVEL
            before, last = last, ""  # the underline ends the paragraph
            continue
        else:
            yield number, line, "", _label_like(line, first)
        before, last = last, line


def _label_like(line: str, first: str) -> int:
    """``_LABEL_LIKE`` for a line that may open a part with a label, else 0 (a quick test:
    the common case, decided without copying the line)."""
    if first in _LABEL_STARTS or _colon_label(line):
        return _LABEL_LIKE
    return _LABEL_LIKE if first in "-+" and _BULLET_BEFORE_LABEL.match(line) else 0


def _colon_label(line: str) -> bool:
    """Whether a colon in a line's first 50 characters may end a label ("Title: x", not
    "https://...")."""
    colon = line.find(":", 0, 50)
    return colon > 0 and line[colon + 1 : colon + 2] in ("", " ", "\t")


def heading_text(line: str) -> str:
    """The text of a ``#`` heading line ("" when the line is none): ``## Title ##`` gives
    ``Title`` (the closing hashes and the spaces around go)."""
    match = _HEADING.fullmatch(line)
    if match is None:
        return ""
    return match.group(2).strip(" \t").rstrip("#").rstrip(" \t")


def escape_headings(markdown: str) -> str:
    """Markdown in which no line reads as a heading or label of a known part (``Abstract``,
    ``When``, ...), so that it stays one text when it is the body of a talk file written
    out."""
    lines = markdown.split("\n")
    for index, line, heading, level in _lines_and_headings(markdown, 0):
        known = heading or (lines[index - 1] if level == _SETEXT_LEVEL else "")
        if known and classify_heading(known)[0] is not Part.OTHER:
            lines[index] = "\\" + line.lstrip(" ")
        elif not heading and line.lstrip(" ")[:1] in ("*", "_", "<"):
            found = _MARKED_LABEL.fullmatch(line)
            if found and _label_part((found["marked"] or found["tagged"]).strip().rstrip(":.")):
                lines[index] = "\\" + line.lstrip(" ")
    return "\n".join(lines)
