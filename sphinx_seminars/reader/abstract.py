"""The abstract, the bio and the rest of the body (details) of a talk.

An abstract key beats the body, and the body beats a ``summary`` teaser: an ``abstract`` key
(unless a placeholder or a teaser), else an "Abstract" section, else the prose of a body
organised by no heading (less an opening line that only names the occasion, and link-only
lines), else a ``summary``/``excerpt`` that is more than a teaser.  What the abstract does not
take of the body is kept as details.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .draft import Draft
from .sections import LABEL_LEVEL, ROLE_PARTS, Part, Section, escape_headings
from .teasers import is_link_only, is_placeholder, is_substantial, is_teaser
from .text.html_markdown import escape_markdown
from .text.plain import strip_html
from .values import is_text_like, kind_of

#: Body parts kept as details (role sections too, unless their people were read).
DETAIL_PARTS = frozenset({Part.PREAMBLE, Part.OTHER, *ROLE_PARTS})
#: The longest paragraph judged as a possible teaser, placeholder or link line (characters
#: of its source; it may hold HTML).
_CLASSIFIED = 2000
_BANNER = re.compile(r"\*\*[^*\n]+\*\*[ \t]*\\?")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Texts:
    """The abstract and the details of a talk, each with the file line it starts on."""

    abstract: str = ""
    abstract_line: int = 0
    details: str = ""
    details_line: int = 0
    placeholder: bool = False  # an abstract was given, but only as a placeholder ("TBA")


def read_texts(draft: Draft, title: str) -> Texts:
    """The abstract and the details of a talk (sections read for other fields left out)."""
    placeholder = False
    key, value = draft.value("abstract")
    if key and not is_text_like(value):
        draft.complain(key, f"'{key}' should be text, not {kind_of(value)}; ignored")
    elif key:
        markdown = draft.markdown(str(value))
        if not markdown:  # given as blank: there is no abstract, the body is details
            return _texts(draft, "", 0)
        if is_placeholder(markdown):
            placeholder = True
        elif not is_teaser(markdown, title, strict=True):
            return _texts(draft, markdown, draft.matter.line_of(key))
    section = draft.section(Part.ABSTRACT)
    if section is not None:
        markdown = draft.markdown(section.text)
        if not is_placeholder(markdown):
            return _texts(draft, markdown, section.content_line)
        placeholder = True
    if not _headed(draft):
        prose = _prose(draft, title, whole=False)
        if prose.abstract:
            return _with_prose(draft, prose)
        placeholder = placeholder or prose.placeholder
    summary = _summary(draft, title)
    if summary:
        return _texts(draft, *summary)
    if not has_parts(draft):  # the text under unknown headings ("## 1. Introduction")
        prose = _prose(draft, title, whole=True)
        if prose.abstract:
            return _with_prose(draft, prose)
    details, line = _details(draft)
    return Texts("", 0, details, line, placeholder)


def _with_prose(draft: Draft, prose: Texts) -> Texts:
    """An abstract from the body's prose, with the details: what the prose left, and the
    body's other sections."""
    details, line = _details(draft, prose=False)
    if prose.details:
        details = escape_headings(
            draft.markdown("\n\n".join(x for x in (prose.details, details) if x))
        )
    return Texts(prose.abstract, prose.abstract_line, details, prose.details_line or line)


def _texts(draft: Draft, markdown: str, line: int) -> Texts:
    """The abstract given (less a banner line, which joins the details) and the details."""
    abstract, banner = _without_banner(markdown)
    details, details_line = _details(draft)
    if banner:
        details = "\n\n".join(text for text in (banner, details) if text)
    return Texts(abstract, line, details, details_line)


def read_bio(draft: Draft) -> tuple[str, int]:
    """The bio (Markdown) and its line: a ``bio`` key, else a "Biography" section."""
    key, value = draft.value("bio")
    if key:
        if is_text_like(value):
            markdown = draft.markdown(str(value))
            return ("", 0) if is_placeholder(markdown) else (markdown, draft.matter.line_of(key))
        draft.complain(key, f"'{key}' should be text, not {kind_of(value)}; ignored")
    section = draft.section(Part.BIO)
    if section is not None:
        markdown = draft.markdown(section.text)
        return ("", 0) if is_placeholder(markdown) else (markdown, section.content_line)
    return "", 0


def _headed(draft: Draft) -> bool:
    """Whether the body is organised under headings of known parts (department style)."""
    return any(s.part not in DETAIL_PARTS and 0 < s.level < LABEL_LEVEL for s in draft.sections)


def has_parts(draft: Draft) -> bool:
    """Whether the body holds any section of a known part (a heading or a label)."""
    return any(s.part not in (Part.PREAMBLE, Part.OTHER) for s in draft.sections)


def _without_banner(markdown: str) -> tuple[str, str]:
    """(abstract, banner) of an abstract that opens with a line in bold only, broken from the
    text it runs into (an award, a series), which is not part of it; the banner is "" when
    there is none.  A bold line standing as a paragraph of its own is a sub-heading."""
    end = markdown.find("\n")
    if end < 0 or markdown[:2] != "**" or not _BANNER.fullmatch(markdown[:end].strip()):
        return markdown, ""
    rest = markdown[end + 1 :]
    if not rest.lstrip(" \t")[:1].strip():  # a paragraph of its own: a sub-heading
        return markdown, ""
    return rest.lstrip(" \t\n"), markdown[:end].rstrip(" \\")


def _paragraphs(section: Section) -> list[tuple[int, str]]:
    """(file line, raw text) of each paragraph of a section."""
    paragraphs: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for offset, line in enumerate(section.lines):
        if line.strip():
            if not current:
                start = section.first_line + offset
            current.append(line)
        elif current:
            paragraphs.append((start, "\n".join(current)))
            current = []
    if current:
        paragraphs.append((start, "\n".join(current)))
    return paragraphs


def _prose(draft: Draft, title: str, *, whole: bool) -> Texts:
    """The abstract in a body's unlabelled prose (the whole body, its unknown headings too,
    when ``whole``), after any opening line that only names the occasion, link-only lines
    and placeholders; what those are goes to the details."""
    if not whole:
        sections = [s for s in draft.sections if s.part is Part.PREAMBLE]
    else:
        body = draft.matter.body
        sections = [Section(Part.PREAMBLE, "", 0, body.split("\n"), draft.matter.body_line)]
    paragraphs = [p for s in sections for p in _paragraphs(s)]
    skipped: list[tuple[int, str]] = []
    placeholder = False
    while paragraphs and len(paragraphs[0][1]) < _CLASSIFIED:  # a longer one is text
        markdown = draft.markdown(paragraphs[0][1])
        if is_placeholder(markdown):
            placeholder = placeholder or bool(markdown.strip())
        elif not (is_link_only(markdown) or is_teaser(markdown, title, alone=len(paragraphs) == 1)):
            break
        skipped.append(paragraphs.pop(0))
    abstract = draft.markdown("\n\n".join(text for _, text in paragraphs))
    if not abstract or (skipped and not is_substantial(abstract)) or is_placeholder(abstract):
        skipped += paragraphs
        placeholder = placeholder or (bool(abstract) and is_placeholder(abstract))
        abstract, paragraphs = "", []
    rest = draft.markdown("\n\n".join(text for _, text in skipped))
    return Texts(
        abstract,
        paragraphs[0][0] if paragraphs else 0,
        escape_headings(rest),
        skipped[0][0] if skipped and rest else 0,
        placeholder,
    )


def _summary(draft: Draft, title: str) -> tuple[str, int] | None:
    """A ``summary`` (or ``excerpt``) that says more than a teaser, with its line."""
    key, text = draft.text("summary")
    if not key or not text:
        return None
    markdown = draft.markdown(text)
    if is_placeholder(markdown) or is_teaser(markdown, title):
        return None
    return markdown, draft.matter.line_of(key)


def _details(draft: Draft, *, prose: bool = True) -> tuple[str, int]:
    """Body text that is none of the known fields (banners, "Agenda", ...), the unlabelled
    prose too unless ``prose`` is false: the whole body when it has no known part."""
    if not has_parts(draft):
        if not prose or not draft.matter.body.strip():
            return "", 0
        return draft.markdown(draft.matter.body.strip("\n")), draft.sections[0].content_line
    parts: list[str] = []
    line = 0
    for index, section in enumerate(draft.sections):
        if (
            section.part not in DETAIL_PARTS
            or index in draft.consumed
            or (section.part is Part.PREAMBLE and not prose)
            or not section.has_text
        ):
            continue
        heading = escape_markdown(strip_html(section.heading))
        text = draft.markdown(section.text)
        part = "\n\n".join(x for x in (f"**{heading}**" if heading else "", text) if x)
        if part:
            line = line or section.line
            parts.append(part)
    if len(parts) > 1:  # read as one text again, as it will be read once written out
        return escape_headings(draft.markdown("\n\n".join(parts))), line
    return escape_headings("".join(parts)), line
