"""Assemble a Talk from a talk file: front matter first, then the body's sections."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath

from ..model import Problem, Speaker, Talk
from ..problems import Code
from .draft import Draft
from .files import read_text
from .frontmatter import front_matter_of, split_front_matter
from .frontmatter_keys import LINK_KEYS, unknown_keys
from .options import ReaderOptions, options_of
from .references import split_references
from .sections import Part, escape_headings, split_sections
from .series import series_from_text, series_from_title
from .speakers import parse_speaker_block, parse_speaker_value
from .text.clean import collapse_spaces, drop_control_characters, normalise_newlines
from .text.html_markdown import escape_markdown
from .text.plain import html_to_lines, strip_html
from .urls import is_safe_link, is_safe_url
from .values import is_text_like, kind_of, text_of
from .venue import parse_venue
from .when import (
    When,
    WhenLines,
    parse_title_date,
    parse_when,
    resolve_timezone,
    when_from_fields,
)

_FILENAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_STRAY_QUOTES = re.compile(r'^["“”„]+|["“”]+$')
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
    draft = Draft(source, matter, split_sections(matter.body, matter.body_line), options)
    if control_line is not None:
        draft.warn(control_line, Code.ENCODING, "control characters removed")
    draft.problems.extend(matter.problems)
    draft.problems.extend(unknown_keys(matter.data, matter.line_of))
    title, title_date = _title(draft)
    when = _when(draft, options.default_timezone)
    abstract, abstract_line, abstract_from_key = _abstract(draft)
    details, details_line = _details(draft, abstract_from_body=not abstract_from_key)
    abstract, references = split_references(abstract)
    bio, bio_line = _markdown_field(draft, "bio", Part.BIO)
    venue, online_url = _venue(draft)
    talk_id, id_line = _talk_id(draft, title)
    speakers = tuple(_speakers(draft))
    series, links, tags = _series(draft, title), _links(draft), _tags(draft)
    permalink = draft.key_text("permalink")
    _check_dates(draft, when.start, title_date)
    _check_content(draft, speakers, abstract)
    if matter.failed:  # what is missing follows from the broken front matter: say that only
        consequences = {Code.NO_TITLE, Code.NO_DATE, Code.NO_SPEAKER, Code.NO_ABSTRACT}
        draft.problems = [p for p in draft.problems if p.code not in consequences]
    return Talk(  # every field is read: the draft's problems are complete
        id=talk_id,
        title=title,
        source=source,
        speakers=speakers,
        start=when.start,
        end=when.end,
        timezone=when.timezone,
        venue=venue,
        online_url=online_url,
        series=series,
        abstract=abstract,
        abstract_line=abstract_line,
        references=references,
        bio=bio,
        bio_line=bio_line,
        details=details,
        details_line=details_line,
        links=links,
        tags=tags,
        permalink=permalink,
        id_line=id_line,
        problems=_in_order(draft.problems),
    )


def _in_order(problems: list[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(problems, key=lambda p: (p.line, p.code)))


def _title(draft: Draft) -> tuple[str, dt.date | None]:
    _, title = draft.text("title")
    title = strip_html(title) if title else None
    if not title:
        heading = next((s for s in draft.sections if s.part is Part.OTHER), None)
        title = strip_html(heading.heading[:500]) if heading else None
    if title:
        title, title_date = parse_title_date(_drop_stray_quotes(title))
        title = collapse_spaces(_drop_stray_quotes(title))
    if not title:
        stem = PurePosixPath(draft.source).stem if draft.source else "untitled"
        draft.warn(1, Code.NO_TITLE, f"no title; using '{stem}'")
        return stem, None
    return title, title_date


def _drop_stray_quotes(title: str) -> str:
    """``“Title"`` (a curly quote opened, a straight one closed: broken YAML quoting) loses
    both marks; a title properly quoted as a whole (``“Title”``) keeps them."""
    if len(title) < 2 or title[0] not in '“„"' or title[-1] not in '"“”':
        return title
    if (title[0], title[-1]) in (("“", "”"), ("„", "“"), ('"', '"')):
        return title
    return _STRAY_QUOTES.sub("", title).strip()


def _talk_id(draft: Draft, title: str) -> tuple[str, int]:
    """The talk's id and the line it comes from (0: the file name or the title)."""
    permalink = draft.key_text("permalink")
    if permalink:
        last = [part for part in permalink.split("/") if part]
        if last:
            return re.sub(r"\.html?$", "", last[-1]), draft.matter.line_of("permalink")
    key, value = draft.text("id")
    if key and value:
        return value, draft.matter.line_of(key)
    if draft.source:
        return PurePosixPath(draft.source.replace("\\", "/")).stem, 0
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "talk", 0


def _speakers(draft: Draft) -> list[Speaker]:
    key, value = draft.value("speakers")
    if key:
        speakers, problems = parse_speaker_value(
            _without_html(value), line=draft.matter.line_of(key)
        )
        draft.problems.extend(problems)
    else:
        section = draft.section(Part.SPEAKER)
        speakers = (
            parse_speaker_block(html_to_lines(draft.section_text(section))) if section else []
        )
    if len(speakers) == 1:
        given = {key: draft.key_text(key) for key in ("affiliation", "position", "honorific")}
        extra = {key: strip_html(text) for key, text in given.items() if text}
        extra["id"] = draft.key_text("speaker_id") or ""
        extra = {key: value for key, value in extra.items() if value}
        if extra:
            speakers[0] = replace(speakers[0], **extra)
    return speakers


def _without_html(value: object) -> object:
    """A speaker value with the HTML of its text taken out (strings, and the strings of a
    list or mapping): speakers are plain text."""
    if isinstance(value, str):
        return "\n".join(html_to_lines(value))
    if isinstance(value, list):
        return [_without_html(item) if isinstance(item, (str, Mapping)) else item for item in value]
    if isinstance(value, Mapping):  # an "id" is a key, not text
        return {
            k: strip_html(v) if isinstance(v, str) and k != "id" else v for k, v in value.items()
        }
    return value


def _when(draft: Draft, default_timezone: str | None) -> When:
    data = draft.matter.data
    start_key, start = draft.value("start")
    if start_key == "date" and "event_start" in data:
        start_key, start = "event_start", data["event_start"]
    time_key, time = draft.value("time")
    _, end = draft.value("end")
    _, end_time = draft.value("end_time")
    tz_key, zone = draft.value("timezone")
    if start_key or time_key:
        line_of = draft.matter.line_of
        when = when_from_fields(
            date=start,
            time=time,
            end=end,
            end_time=end_time,
            timezone=zone,
            default_timezone=default_timezone,
            lines=WhenLines(
                date=line_of(start_key or time_key or "date"),
                time=line_of(time_key or start_key or "date"),
                timezone=line_of(tz_key or start_key or time_key or "date"),
            ),
        )
        if (when.start is not None and data.get("all_day") is True) or data.get(
            "event_all_day"
        ) is True:
            when = When(_as_date(when.start), _as_date(when.end), when.timezone, when.problems)
    else:
        zone_name = text_of(zone)
        if tz_key and zone_name is None:
            draft.complain(tz_key, f"'{tz_key}' should be text, not {kind_of(zone)}; ignored")
        parts = [s for s in (draft.section(r) for r in (Part.WHEN, Part.DATES, Part.TIMES)) if s]
        if not parts:
            draft.warn(1, Code.NO_DATE, "no date: neither a date key nor a 'When' section")
            timezone = (
                resolve_timezone(zone_name, default_timezone=default_timezone)[0]
                if zone_name
                else default_timezone
            )
            return When(None, None, timezone)
        text = "\n".join(strip_html(draft.section_text(s)) for s in parts)
        if zone_name:
            text = f"{text} ({zone_name})"
        when = parse_when(text, default_timezone=default_timezone, line=parts[0].content_line)
    draft.problems.extend(when.problems)
    return when


def _as_date(value: dt.datetime | dt.date | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def _markdown_field(draft: Draft, group: str, part: Part) -> tuple[str, int]:
    markdown, line, _ = _markdown_source(draft, group, part)
    return markdown, line


def _markdown_source(draft: Draft, group: str, part: Part) -> tuple[str, int, bool]:
    """(Markdown, line, whether it came from a front-matter key) of the abstract or bio."""
    key, value = draft.value(group)
    if key:
        if is_text_like(value):
            return draft.markdown(str(value)), draft.matter.line_of(key), True
        draft.complain(key, f"'{key}' should be text, not {kind_of(value)}; ignored")
    section = draft.section(part)
    if section is not None:
        return draft.markdown(section.text), section.content_line, False
    return "", 0, False


def _has_headings(draft: Draft) -> bool:
    """Whether the body is organised under recognised headings (department style)."""
    return any(s.part not in (Part.PREAMBLE, Part.OTHER) for s in draft.sections)


def _abstract(draft: Draft) -> tuple[str, int, bool]:
    markdown, line, from_key = _markdown_source(draft, "abstract", Part.ABSTRACT)
    if markdown or from_key or _has_headings(draft):
        return markdown, line, from_key
    body = draft.matter.body
    if body.strip():
        return draft.markdown(body.strip("\n")), draft.sections[0].content_line, False
    return "", 0, False


def _details(draft: Draft, abstract_from_body: bool) -> tuple[str, int]:
    """Body text that is neither of the known fields: banners, "Host", "Agenda", ... ."""
    if not _has_headings(draft):
        if abstract_from_body or not draft.matter.body.strip():
            return "", 0
        return draft.markdown(draft.matter.body.strip("\n")), draft.sections[0].content_line
    parts: list[str] = []
    line = 0
    for section in draft.sections:
        if section.part not in (Part.PREAMBLE, Part.OTHER, Part.HOST) or not section.text.strip():
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


def _series(draft: Draft, title: str) -> str | None:
    key, value = draft.text("series")
    if key:
        return strip_html(value or "") or None
    if not _has_headings(draft):  # prose under front matter names no series by itself
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
        url = draft.key_text(key)
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


def _check_dates(
    draft: Draft, start: dt.datetime | dt.date | None, title_date: dt.date | None
) -> None:
    day = _as_date(start)
    if day is None:
        return
    line = next((s.content_line for s in draft.sections if s.part is Part.WHEN), 1)
    if title_date and title_date != day:
        draft.warn(
            draft.matter.line_of("title"),
            Code.TITLE_DATE,
            f"the title says {title_date.isoformat()} but the talk is on {day.isoformat()}",
        )
    name = draft.source.replace("\\", "/").rpartition("/")[2]
    match = _FILENAME_DATE.match(name)
    if match:
        try:
            named = dt.date(*map(int, match.groups()))
        except ValueError:
            return
        if named != day:
            draft.warn(
                line,
                Code.FILENAME_DATE,
                f"the file name says {named.isoformat()} but the talk is on {day.isoformat()}",
            )


def _check_content(draft: Draft, speakers: tuple[Speaker, ...], abstract: str) -> None:
    if not speakers:
        draft.warn(1, Code.NO_SPEAKER, "no speaker: neither a speaker key nor a 'Speaker' section")
    if not abstract.strip():
        draft.warn(1, Code.NO_ABSTRACT, "no abstract")
