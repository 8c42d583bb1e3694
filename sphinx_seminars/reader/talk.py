"""Assemble a Talk from a talk file: front matter first, then the body's sections."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath

from ..model import Address, Problem, Speaker, Talk
from ..problems import Code
from .abstract import has_parts, read_bio, read_texts
from .dating import has_stated_date, read_when
from .draft import Draft
from .files import read_text
from .footnotes import settle_footnotes
from .frontmatter import front_matter_of, lift_tables, split_front_matter
from .frontmatter_keys import KEYS, LINK_KEYS, NESTED_TABLES, unknown_keys
from .images import featured_image, talk_image
from .kinds import kind_from_names, kind_of_text
from .news import describes_an_event, prose_venue
from .options import ReaderOptions, options_of
from .people import read_roles, read_speakers, report_handles
from .permalinks import split_permalink
from .references import split_references
from .sections import Part, split_sections
from .series import series_from_text, series_from_title
from .status import rescheduled_to, status_in_title, talk_status
from .text.clean import drop_control_characters, normalise_newlines
from .text.plain import html_to_lines, strip_html
from .text.templates import drop_template_tags
from .title import page_title, talk_title
from .urls import is_safe_link, is_safe_url
from .values import is_text_like, kind_of, text_of
from .venue import address_of, parse_venue
from .when import (
    When,
)

_FILENAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
#: How much of a banner or heading is searched for a series name (characters).
_SERIES_WINDOW = 1000


def read_talk(
    path: str | Path,
    *,
    options: ReaderOptions | None = None,
    default_timezone: str | None = None,
    allow_raw_html: bool | None = None,
) -> Talk:
    """Read one talk file; a file that cannot be read still gives a Talk with its problem.

    ``options`` are the reader's settings (see :class:`.ReaderOptions`); the keyword
    arguments, when given, stand in for the option of their name.
    """
    path = Path(path)
    text, problems = read_text(path)
    if text is None:
        return Talk(id=path.stem, title=path.stem, source=str(path), problems=tuple(problems))
    talk = parse_talk(
        text,
        source=str(path),
        options=options_of(options, default_timezone, allow_raw_html),
    )
    image = featured_image(path, talk.image, talk.title)
    if image != talk.image:
        talk = replace(talk, image=image)
    return replace(talk, problems=_in_order([*talk.problems, *problems])) if problems else talk


def parse_talk(
    text: str,
    source: str = "",
    *,
    options: ReaderOptions | None = None,
    front_matter: Mapping[str, object] | None = None,
    body_line: int = 1,
    default_timezone: str | None = None,
    allow_raw_html: bool | None = None,
) -> Talk:
    """Read a talk from the text of a talk file (``source`` names it in problems and ids).

    With ``front_matter`` (keys and values already parsed, as YAML would give them) the text
    is the Markdown body alone, whose first line is file line ``body_line``; problems of the
    keys are at line 0, as a mapping has no lines.

    Never raises: whatever is wrong with the text becomes a problem with its line.  The
    Markdown fields (abstract, bio, details) hold no raw HTML, and only safe links, unless
    the option ``allow_raw_html`` is true: then the tags of :data:`.sanitize.RAW_TAGS`
    (tables, images, code, ...) stay as raw HTML, cleaned by nh3.  ``options`` are the
    reader's settings; the keyword arguments, when given, stand in for the option of their
    name.
    """
    options = options_of(options, default_timezone, allow_raw_html)
    text, control_line = drop_control_characters(normalise_newlines(text.lstrip("\ufeff")))
    if front_matter is None:
        matter = split_front_matter(text)
    else:
        matter = front_matter_of(front_matter, text, body_line)
    lift_tables(matter, NESTED_TABLES)
    matter.body = drop_template_tags(matter.body)
    draft = Draft(source, matter, split_sections(matter.body, matter.body_line), options)
    if control_line is not None:
        draft.warn(control_line, Code.ENCODING, "control characters removed")
    draft.problems.extend(matter.problems)
    draft.problems.extend(unknown_keys(matter.data, matter.line_of))
    page, title_date = page_title(draft)
    speakers, handles = read_speakers(draft, page)
    series = _series(draft, page or "")
    title = talk_title(draft, page, speakers, series)
    roles = read_roles(draft)
    event = describes_an_event(draft)
    kind = _kind(draft, page or title, draft.source)  # "PhD Thesis Colloquium: ..."
    when = read_when(draft, options.default_timezone, title_date)
    texts = read_texts(draft, title)
    abstract, references = split_references(texts.abstract)
    bio, bio_line = read_bio(draft)
    details = texts.details
    if "[^" in abstract or "[^" in bio or "[^" in details:  # footnotes: rare, settled here
        (abstract, bio, details), footnote_problems = settle_footnotes(
            [(abstract, texts.abstract_line), (bio, bio_line), (details, texts.details_line)]
        )
        for line, message in footnote_problems:
            draft.warn(line, Code.FOOTNOTE, message)
    venue, online_url = _venue(draft)
    if venue is None and online_url is None:
        venue = prose_venue(draft)
    talk_id, id_line = _talk_id(draft, title)
    links, tags = _links(draft), _tags(draft)
    marked, title = status_in_title(title)
    status = talk_status(draft) or marked
    moved_to = rescheduled_to(draft, options.default_timezone)
    if moved_to is not None and status is None:
        status = "rescheduled"
    permalink = draft.key_text("permalink")
    _check_content(draft, speakers, abstract, when)
    report_handles(draft, draft.value("speakers")[0], handles)
    if not event and not matter.failed:
        message = "not a talk: the file describes no event (no date, time, speaker or place)"
        draft.warn(1, Code.NOT_A_TALK, message)
    if matter.failed or not event:  # what is missing follows from that: say that only
        consequences = {Code.NO_TITLE, Code.NO_DATE, Code.NO_SPEAKER, Code.NO_ABSTRACT}
        draft.problems = [p for p in draft.problems if p.code not in consequences]
    return Talk(  # every field is read: the draft's problems are complete
        id=talk_id,
        title=title,
        source=source,
        speakers=tuple(speakers),
        start=when.start,
        end=when.end,
        timezone=when.timezone,
        venue=venue,
        address=_address(draft),
        online_url=online_url,
        series=series,
        abstract=abstract,
        abstract_line=texts.abstract_line,
        references=references,
        bio=bio,
        bio_line=bio_line,
        details=details,
        details_line=texts.details_line,
        links=links,
        tags=tags,
        permalink=permalink,
        kind=kind,
        roles=tuple(roles),
        sessions=when.sessions,
        status=status,
        rescheduled_to=moved_to,
        image=talk_image(draft, title),
        id_line=id_line,
        problems=_in_order(draft.problems),
    )


def _in_order(problems: list[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(problems, key=lambda p: (p.line, p.code)))


def _kind(draft: Draft, title: str, source: str) -> str | None:
    """The kind of event: a kind key's words, else the headings of class days and times
    ("Class Dates:" is a course), else the title's label and the file name."""
    _, text = draft.text("kind")
    found = kind_of_text(text) if text else None
    for section in draft.sections:
        if found is None and section.part in (Part.DATES, Part.TIMES):
            found = kind_of_text(section.heading)
    if found:
        return found
    return kind_from_names(title, source.replace("\\", "/").rpartition("/")[2])


def _talk_id(draft: Draft, title: str) -> tuple[str, int]:
    """The talk's id and the line it comes from (0: the file name or the title)."""
    permalink = draft.key_text("permalink")
    if permalink:  # the last part of its path ("%C3%A9" read as "é"), and its "?id=3" if any
        path, rest, _ = split_permalink(permalink)
        if not path.isprintable():  # a control character decoded: keep it escaped
            path, rest = permalink, ""
        parts = [part for part in path.split("/") if part]
        if len(parts) > 1 and re.fullmatch(r"index(?:\.html?)?", parts[-1]):
            parts.pop()  # "/seminars/jan/index.html" is the address of "jan"
        if parts or rest:
            last = re.sub(r"\.html?$", "", parts[-1]) if parts else ""
            return last + rest, draft.matter.line_of("permalink")
    key, value = draft.text("id")
    if key and value:
        return value, draft.matter.line_of(key)
    if draft.source:
        return PurePosixPath(draft.source.replace("\\", "/")).stem, 0
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "talk", 0


def _venue(draft: Draft) -> tuple[str | None, str | None]:
    key, value = draft.value("venue")
    _, online_url = draft.text("online_url")
    if online_url and not is_safe_url(online_url):
        draft.warn(
            draft.matter.line_of("online_url"),
            Code.URL,
            f"link '{online_url[:100]}' is not http(s); left out",
        )
        online_url = None
    if key and isinstance(value, Mapping):
        venue = ", ".join(t for t in (text_of(v) for v in value.values()) if t)
        return strip_html(venue) or None, online_url
    if key and is_text_like(value):
        venue = text_of(value) or ""
        other = draft.key_text("location") if key == "venue" else None
        if other and other not in venue:
            venue = f"{venue}, {other}"
        return strip_html(venue) or None, online_url
    if key:
        draft.complain(key, f"'{key}' should be text, not {kind_of(value)}; ignored")
    section = draft.section(Part.VENUE)
    link = draft.section(Part.LINK)
    place, url = parse_venue(draft.section_text(section)) if section else (None, None)
    if link is not None:
        url = url or parse_venue(draft.section_text(link))[1]
    return place, online_url or url


def _address(draft: Draft) -> Address | None:
    """The venue's postal address: from the first key of the venue's group that holds a
    mapping with parts of an address (HugoBlox's ``address``); the venue text is read apart."""
    for key in KEYS["venue"]:
        value = draft.matter.data.get(key)
        if isinstance(value, Mapping):
            found = address_of(value)
            if found is not None:
                return found
    return None


def _series(draft: Draft, title: str) -> str | None:
    key, value = draft.text("series")
    if key:
        return strip_html(value or "") or None
    if not has_parts(draft):  # prose under front matter names no series by itself
        return series_from_title(title)
    texts = [s.text[:_SERIES_WINDOW] for s in draft.sections if s.part is Part.PREAMBLE]
    texts += [s.heading[:_SERIES_WINDOW] for s in draft.sections if s.part is Part.OTHER]
    # a banner heading ("Division of ...") may name the series on its first line
    texts += [
        s.text[:_SERIES_WINDOW].strip().split("\n")[0]
        for s in draft.sections
        if s.part is Part.OTHER
    ]
    for text in texts:
        plain = "\n".join(line for line in html_to_lines(text) if line)
        found = series_from_text(plain)
        if found:
            return found
    return series_from_title(title)


def _links(draft: Draft) -> tuple[tuple[str, str], ...]:
    links: dict[str, str] = {}
    for key, name in LINK_KEYS.items():
        url = draft.key_text(key) if key in draft.matter.data else None
        if url:
            links.setdefault(name, url)
    value = draft.matter.data.get("links")
    if isinstance(value, list):
        for item in value:
            if isinstance(item, Mapping):
                label = strip_html(
                    text_of(item.get("name") or item.get("type") or item.get("icon")) or ""
                )
                url = text_of(item.get("url"))
                if label and url:
                    links.setdefault(label.lower(), url)
    elif isinstance(value, Mapping):
        for name, url in value.items():
            label = strip_html(text_of(name) or "")
            if text_of(url) and label:
                links.setdefault(label, str(text_of(url)))
    elif value is not None:
        draft.complain("links", f"'links' should be a list or a mapping, not {kind_of(value)}")
    kept = []
    for name, url in links.items():
        if is_safe_link(url, relative=True):
            kept.append((name, url))
        else:
            draft.warn(1, Code.URL, f"link '{name[:60]}' has an unsafe address; left out")
    return tuple(kept)


def _tags(draft: Draft) -> tuple[str, ...]:
    key, value = draft.value("tags")
    if is_text_like(value):
        parts = str(value).split(",")
        return tuple(t for t in (strip_html(text_of(part) or "") for part in parts) if t)
    if isinstance(value, list):
        return tuple(t for t in (strip_html(text_of(v) or "") for v in value) if t)
    if key:
        draft.complain(key, f"'{key}' should be a list of words, not {kind_of(value)}")
    return ()


def _check_content(draft: Draft, speakers: list[Speaker], abstract: str, when: When) -> None:
    if when.start is None and not has_stated_date(draft):
        draft.warn(1, Code.NO_DATE, "no date: neither a date key nor a 'When' section")
    if not speakers:
        draft.warn(1, Code.NO_SPEAKER, "no speaker: neither a speaker key nor a 'Speaker' section")
    if not abstract.strip():
        draft.warn(1, Code.NO_ABSTRACT, "no abstract")
