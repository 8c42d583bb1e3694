"""The talk's title: the page title (front matter, else the first heading), or a labelled
talk title ("### Thesis title:", "**Talk:** X", a ``talk_title`` key) when the page title
only names the speaker or the event."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import PurePosixPath

from ..model import Speaker
from ..problems import Code
from .draft import Draft
from .kinds import kind_of_text, title_label
from .sections import Part
from .text.clean import collapse_spaces
from .text.plain import strip_html
from .when import parse_title_date
from .when.words import month_number, weekday_number

_STRAY_QUOTES = re.compile(r'^["“”„]+|["“”]+$')
_EMPHASIS = re.compile(r"^(?:\*\*|__|\*|_)(.+?)(?:\*\*|__|\*|_)$")
_QUOTED = re.compile(r'^["“”„\'‘’](.+?)["“”\'‘’]$')


def page_title(draft: Draft) -> tuple[str | None, dt.date | None]:
    """The page's title (front matter, else the first unknown heading) without its trailing
    "(dd/mm/yy)", and that date; (None, None) when there is none."""
    _, title = draft.text("title")
    title = strip_html(title) if title else None
    if not title:
        heading = next((s for s in draft.sections if s.part is Part.OTHER), None)
        title = strip_html(heading.heading[:500]) if heading else None
    if not title:
        return None, None
    title, title_date = parse_title_date(_drop_stray_quotes(title))
    return collapse_spaces(_drop_stray_quotes(title)) or None, title_date


def talk_title(
    draft: Draft, title: str | None, speakers: Sequence[Speaker], series: str | None
) -> str:
    """The talk's title: a labelled talk title when the page title is missing or only names
    a speaker, a candidate or the event; else the page title; else the file name (with a
    ``no-title`` warning)."""
    labelled = _labelled_title(draft)
    if labelled and (not title or _names_no_talk(title, speakers, series)):
        return labelled
    subtitle = draft.matter.data.get("subtitle")
    if title and isinstance(subtitle, str) and subtitle.strip() and _only_a_date(title):
        return _unwrapped(strip_html(subtitle)[:500])  # "title: 15 November 2023"
    if title:
        return _without_speaker(title, speakers)
    stem = PurePosixPath(draft.source).stem if draft.source else "untitled"
    draft.warn(1, Code.NO_TITLE, f"no title; using '{stem}'")
    return stem


#: What parts a name (and affiliation) at the start of a page title from the talk's own title
#: ("Ada Byrne: Waves", "Ada Byrne (MIT) - Waves").
AFTER_NAME = r"\s*(?::|\s[-\u2013\u2014]\s)\s*(?=\S)"


def _without_speaker(title: str, speakers: Sequence[Speaker]) -> str:
    """The title without a speaker's name (and affiliation) it opens with, as series pages
    write them: "Ada Byrne (MIT): Waves in plasmas" is the talk "Waves in plasmas"."""
    folded = title.lstrip().casefold()
    for speaker in speakers:
        for name in {speaker.display_name, speaker.name}:
            if not folded.startswith(name.casefold()):
                continue  # nearly every title: no pattern to build
            pattern = rf"\s*{re.escape(name)}\s*(?:\([^()]*\))?{AFTER_NAME}"
            match = re.match(pattern, title, re.IGNORECASE)
            if match:
                return title[match.end() :]
    return title


#: The words of a title, without numbers and ordinal endings ("15th" gives nothing).
_DATE_WORD = re.compile(r"\b[^\W\d_]+\b")


def _only_a_date(title: str) -> bool:
    """Whether a page title is a date and nothing else ("15 November 2023", "2023-11-15")."""
    if not any(char.isdigit() for char in title):
        return False
    words = _DATE_WORD.findall(title.casefold())
    return all(month_number(word) or weekday_number(word) for word in words)


def _labelled_title(draft: Draft) -> str | None:
    """The first line of a "Title" section or label, else a ``talk_title``-like key."""
    section = draft.section(Part.TITLE)
    if section is not None:
        first = next((line for line in section.lines if line.strip()), "")
        text = _unwrapped(strip_html(first)[:500])
        if text:
            draft.consumed.add(draft.sections.index(section))
            return text
    _, value = draft.text("talk_title")
    return _unwrapped(strip_html(value)) if value else None


def _unwrapped(text: str) -> str:
    """A title without the emphasis or quotes wrapped around the whole of it."""
    for pattern in (_EMPHASIS, _QUOTED, _EMPHASIS):
        match = pattern.fullmatch(text.strip())
        if match:
            text = match.group(1)
    return collapse_spaces(text)


def _names_no_talk(title: str, speakers: Sequence[Speaker], series: str | None) -> bool:
    """Whether a page title names a speaker ("PhD Thesis Defence: Mr. X", "Jane Doe (MIT)")
    or the event (the series, or only a kind: "Seminar") rather than a talk."""
    folded = title.casefold()
    if any(speaker.name.casefold() in folded for speaker in speakers if speaker.name):
        return True
    if series and folded.strip() == series.casefold().strip():
        return True
    label = title_label(title)
    return kind_of_text(label) is not None and len(title.split()) <= 3


def _drop_stray_quotes(title: str) -> str:
    """``“Title"`` (a curly quote opened, a straight one closed: broken YAML quoting) loses
    both marks; a title properly quoted as a whole (``“Title”``) keeps them."""
    if len(title) < 2 or title[0] not in '“„"' or title[-1] not in '"“”':
        return title
    if (title[0], title[-1]) in (("“", "”"), ("„", "“"), ('"', '"')):
        return title
    return _STRAY_QUOTES.sub("", title).strip()
