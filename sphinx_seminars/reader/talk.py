"""Assemble a Talk from a talk file: front matter first, then the body's sections."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from ..model import Problem, Speaker, Talk
from .frontmatter import FrontMatter, split_front_matter
from .references import split_references
from .sections import Role, Section, split_sections
from .series import series_from_text, series_from_title
from .speakers import parse_speaker_block, parse_speaker_value
from .text import (
    clean_text,
    collapse_spaces,
    html_to_lines,
    html_to_markdown,
    is_safe_url,
    normalise_newlines,
    strip_html,
)
from .venue import parse_venue
from .when import When, parse_title_date, parse_when, resolve_timezone, when_from_fields

#: Front-matter keys the reader uses, grouped by what they give.
KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "id": ("id", "slug"),
    "permalink": ("permalink", "url"),
    "speakers": ("speakers", "speaker", "authors", "author", "presenter", "instructor"),
    "speaker_fields": ("affiliation", "position", "honorific", "speaker_id"),
    "start": ("event_start", "time_start", "start", "date"),
    "time": ("time", "start_time"),
    "end": ("event_end", "time_end", "date_end", "end"),
    "end_time": ("end_time",),
    "timezone": ("timezone", "time_zone", "tz"),
    "venue": ("venue", "location", "room", "place", "address"),
    "online_url": ("online_url", "zoom", "meeting_url", "meeting", "stream", "livestream"),
    "abstract": ("abstract", "summary", "abstract_short", "description", "excerpt"),
    "bio": ("bio", "biography"),
    "series": ("series", "event_name", "event"),
    "tags": ("tags", "keywords", "categories"),
    "links": ("links",),
}
#: Link keys of the common formats, and the name each link is shown under.
LINK_KEYS = {
    "slides": "slides",
    "slidesurl": "slides",
    "url_slides": "slides",
    "video": "video",
    "videourl": "video",
    "url_video": "video",
    "recording": "video",
    "url_pdf": "pdf",
    "url_code": "code",
    "talkurl": "talk",
    "event_url": "event",
    "paperurl": "paper",
}
#: Keys of the common formats that carry nothing for a talk page; accepted silently.
IGNORED_KEYS = frozenset(
    (
        "type",
        "collection",
        "last_modified_at",
        "lastmod",
        "publishDate",
        "date_modified",
        "draft",
        "featured",
        "image",
        "projects",
        "all_day",
        "event_all_day",
        "layout",
        "weight",
        "math",
        "header",
        "author_profile",
        "toc",
        "sidebar",
        "share",
        "comments",
        "related",
        "classes",
        "excerpt_separator",
        "published",
        "status",
        "host",
        "chair",
    )
)
KNOWN_KEYS = frozenset(
    {key for keys in KEYS.values() for key in keys} | set(LINK_KEYS) | IGNORED_KEYS
)
_FILENAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_STRAY_QUOTES = re.compile(r'^["“”„]+|["“”]+$')


@dataclass
class _Draft:
    """Mutable working state while a talk is assembled."""

    source: str
    matter: FrontMatter
    sections: list[Section]
    problems: list[Problem] = field(default_factory=list)

    def warn(self, line: int, code: str, message: str, level: str = "warning") -> None:
        self.problems.append(
            Problem(line, code, message, "error" if level == "error" else "warning")
        )

    def value(self, group: str) -> tuple[str | None, object]:
        """The first front-matter key of a group that has a non-empty value."""
        for key in KEYS[group]:
            value = self.matter.data.get(key)
            if value not in (None, "", [], {}):
                return key, value
        return None, None

    def section(self, role: Role) -> Section | None:
        return next((s for s in self.sections if s.role is role and s.text.strip()), None)


def read_talk(path: str | Path, *, default_timezone: str | None = None) -> Talk:
    """Read one talk file; a file that cannot be read still gives a Talk with its problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        unreadable = Problem(
            0, "unreadable", f"cannot read the file: {exc.strerror or exc}", "error"
        )
        return Talk(id=path.stem, title=path.stem, source=str(path), problems=(unreadable,))
    text, problem = decode(raw)
    if problem is not None and problem.level == "error":
        return Talk(id=path.stem, title=path.stem, source=str(path), problems=(problem,))
    talk = parse_talk(text, source=str(path), default_timezone=default_timezone)
    if problem:
        return _with_problems(talk, [problem])
    return talk


def decode(raw: bytes) -> tuple[str, Problem | None]:
    """UTF-8 text of a file (BOM dropped); undecodable bytes are replaced and reported."""
    if b"\x00" in raw[:8192]:
        return "", Problem(0, "encoding", "this is a binary file, not a talk file", "error")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not valid UTF-8 (byte {exc.start}); undecodable bytes replaced"
        return raw.decode("utf-8-sig", errors="replace"), Problem(line, "encoding", message)


def parse_talk(text: str, source: str = "", *, default_timezone: str | None = None) -> Talk:
    """Read a talk from the text of a talk file (``source`` names it in problems and ids)."""
    text = normalise_newlines(text.removeprefix("\ufeff"))
    matter = split_front_matter(text)
    draft = _Draft(source, matter, split_sections(matter.body, matter.body_line))
    draft.problems.extend(matter.problems)
    _check_keys(draft)
    title, title_date = _title(draft)
    when = _when(draft, default_timezone)
    abstract, abstract_line = _abstract(draft)
    details, details_line = _details(draft, abstract_from_body=not draft.value("abstract")[0])
    abstract, references = split_references(abstract)
    bio, bio_line = _bio(draft)
    venue, online_url = _venue(draft)
    talk = Talk(
        id=_talk_id(draft, title),
        title=title,
        source=source,
        speakers=tuple(_speakers(draft)),
        start=when.start,
        end=when.end,
        timezone=when.timezone,
        venue=venue,
        online_url=online_url,
        series=_series(draft, title),
        abstract=abstract,
        abstract_line=abstract_line,
        references=references,
        bio=bio,
        bio_line=bio_line,
        details=details,
        details_line=details_line,
        links=_links(draft),
        tags=_tags(draft),
        permalink=_string(draft.matter.data.get("permalink")),
    )
    _check_dates(draft, talk, title_date)
    _check_content(draft, talk)
    if matter.problems:  # what is missing follows from the broken front matter: say that only
        consequences = {"no-title", "no-date", "no-speaker", "no-abstract"}
        draft.problems = [p for p in draft.problems if p.code not in consequences]
    return _with_problems(talk, draft.problems)


def _with_problems(talk: Talk, problems: list[Problem]) -> Talk:
    ordered = sorted([*talk.problems, *problems], key=lambda p: (p.line, p.code))
    return replace(talk, problems=tuple(ordered))


def _string(value: object) -> str | None:
    """A scalar front-matter value as clean one-line text, or None."""
    if value is None or isinstance(value, (dict, list, tuple, set)):
        return None
    text = collapse_spaces(clean_text(str(value)))
    return text or None


def _check_keys(draft: _Draft) -> None:
    for key in draft.matter.data:
        if key in KNOWN_KEYS:
            continue
        close = difflib.get_close_matches(key, sorted(KNOWN_KEYS), n=1, cutoff=0.75)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        draft.warn(
            draft.matter.line_of(key), "unknown-key", f"unknown front-matter key '{key}'{hint}"
        )
    for group in ("title", "venue", "bio", "series", "online_url", "timezone"):
        group_key, value = draft.value(group)
        if group_key and isinstance(value, (list, dict)) and group_key != "address":
            kind = type(value).__name__
            line = draft.matter.line_of(group_key)
            draft.warn(line, "type", f"'{group_key}' should be text, not a {kind}")


def _title(draft: _Draft) -> tuple[str, dt.date | None]:
    key, value = draft.value("title")
    title = _string(value) if key else None
    if title is None:
        heading = next((s for s in draft.sections if s.role is Role.OTHER), None)
        title = strip_html(heading.heading) if heading else None
    if not title:
        stem = PurePosixPath(draft.source).stem if draft.source else "untitled"
        draft.warn(1, "no-title", f"no title; using '{stem}'")
        return stem, None
    title = strip_html(title)
    title, title_date = parse_title_date(title)
    return collapse_spaces(_drop_stray_quotes(title)), title_date


def _drop_stray_quotes(title: str) -> str:
    """``“Title"`` (a curly quote opened, a straight one closed: broken YAML quoting) loses
    both marks; a title properly quoted as a whole (``“Title”``) keeps them."""
    if len(title) < 2 or title[0] not in '“„"' or title[-1] not in '"“”':
        return title
    if (title[0], title[-1]) in (("“", "”"), ("„", "“"), ('"', '"')):
        return title
    return _STRAY_QUOTES.sub("", title).strip()


def _talk_id(draft: _Draft, title: str) -> str:
    permalink = _string(draft.matter.data.get("permalink"))
    if permalink:
        last = [part for part in permalink.split("/") if part]
        if last:
            return re.sub(r"\.html?$", "", last[-1])
    key, value = draft.value("id")
    if key and _string(value):
        return str(_string(value))
    if draft.source:
        return PurePosixPath(draft.source.replace("\\", "/")).stem
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "talk"


def _speakers(draft: _Draft) -> list[Speaker]:
    key, value = draft.value("speakers")
    if key:
        speakers, problems = parse_speaker_value(value)
        for code, message in problems:
            draft.warn(draft.matter.line_of(key), code, message)
    else:
        section = draft.section(Role.SPEAKER)
        speakers = parse_speaker_block(html_to_lines(section.text)) if section else []
    if len(speakers) == 1:
        extra = {
            field: _string(draft.matter.data.get(key))
            for field, key in (
                ("affiliation", "affiliation"),
                ("position", "position"),
                ("honorific", "honorific"),
                ("id", "speaker_id"),
            )
        }
        speakers[0] = replace(speakers[0], **{f: v for f, v in extra.items() if v})
    return speakers


def _when(draft: _Draft, default_timezone: str | None) -> When:
    data = draft.matter.data
    start_key, start = draft.value("start")
    if start_key == "date" and "event_start" in data:
        start_key, start = "event_start", data["event_start"]
    time_key, time = draft.value("time")
    _, end = draft.value("end")
    _, end_time = draft.value("end_time")
    tz_key, zone = draft.value("timezone")
    if start_key or time_key:
        when = when_from_fields(
            date=start,
            time=time,
            end=end,
            end_time=end_time,
            timezone=zone,
            default_timezone=default_timezone,
        )
        line = draft.matter.line_of(start_key or time_key or "date")
        if (when.start is not None and data.get("all_day") is True) or data.get(
            "event_all_day"
        ) is True:
            when = When(_as_date(when.start), _as_date(when.end), when.timezone, when.problems)
    else:
        parts = [s for s in (draft.section(r) for r in (Role.WHEN, Role.DATES, Role.TIMES)) if s]
        if not parts:
            draft.warn(1, "no-date", "no date: neither a date key nor a 'When' section")
            zone_name = _string(zone)
            timezone = (
                resolve_timezone(zone_name, default_timezone=default_timezone)[0]
                if zone_name
                else default_timezone
            )
            return When(None, None, timezone)
        line = parts[0].content_line
        text = "\n".join(strip_html(s.text) for s in parts)
        if tz_key and _string(zone):
            text = f"{text} ({_string(zone)})"
        when = parse_when(text, default_timezone=default_timezone)
    for code, message in when.problems:
        draft.warn(line, code, message)
    return when


def _as_date(value: dt.datetime | dt.date | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def _markdown_field(draft: _Draft, group: str, role: Role) -> tuple[str, int]:
    key, value = draft.value(group)
    if key and isinstance(value, str):
        return html_to_markdown(clean_text(value)), draft.matter.line_of(key)
    section = draft.section(role)
    if section is not None:
        return html_to_markdown(clean_text(section.text)), section.content_line
    return "", 0


def _has_headings(draft: _Draft) -> bool:
    """Whether the body is organised under recognised headings (department style)."""
    return any(s.role not in (Role.PREAMBLE, Role.OTHER) for s in draft.sections)


def _abstract(draft: _Draft) -> tuple[str, int]:
    markdown, line = _markdown_field(draft, "abstract", Role.ABSTRACT)
    if markdown or _has_headings(draft):
        return markdown, line
    body = draft.matter.body
    if body.strip():
        return html_to_markdown(clean_text(body.strip("\n"))), draft.sections[0].content_line
    return "", 0


def _details(draft: _Draft, abstract_from_body: bool) -> tuple[str, int]:
    """Body text that is neither of the known fields: banners, "Host", "Agenda", ... ."""
    if not _has_headings(draft):
        if abstract_from_body or not draft.matter.body.strip():
            return "", 0
        return html_to_markdown(clean_text(draft.matter.body.strip("\n"))), draft.sections[
            0
        ].content_line
    parts: list[str] = []
    line = 0
    for section in draft.sections:
        if section.role not in (Role.PREAMBLE, Role.OTHER, Role.HOST) or not section.text.strip():
            continue
        line = line or section.line
        heading = strip_html(section.heading)
        text = html_to_markdown(clean_text(section.text))
        parts.append(f"**{heading}**\n\n{text}" if heading else text)
    return "\n\n".join(parts), line


def _bio(draft: _Draft) -> tuple[str, int]:
    return _markdown_field(draft, "bio", Role.BIO)


def _venue(draft: _Draft) -> tuple[str | None, str | None]:
    key, value = draft.value("venue")
    _, url_value = draft.value("online_url")
    online_url = _string(url_value)
    if online_url and not is_safe_url(online_url):
        draft.warn(
            draft.matter.line_of("online_url"),
            "url",
            f"link '{online_url}' is not http(s); left out",
        )
        online_url = None
    if key:
        if isinstance(value, Mapping):
            venue = ", ".join(str(v) for v in value.values() if v)
        else:
            venue = _string(value) or ""
            other = _string(draft.matter.data.get("location"))
            if key == "venue" and other and other not in venue:
                venue = f"{venue}, {other}"
        return strip_html(venue) or None, online_url
    section = draft.section(Role.VENUE)
    link = draft.section(Role.LINK)
    place, url = parse_venue(section.text) if section else (None, None)
    if link is not None:
        url = url or parse_venue(link.text)[1]
    return place, online_url or url


def _series(draft: _Draft, title: str) -> str | None:
    key, value = draft.value("series")
    if key:
        return _string(value)
    texts = [s.text for s in draft.sections if s.role is Role.PREAMBLE]
    texts += [s.heading for s in draft.sections if s.role is Role.OTHER]
    # a banner heading ("Division of ...") may name the series on its first line
    texts += [s.text.strip().split("\n")[0] for s in draft.sections if s.role is Role.OTHER]
    for text in texts:
        plain = "\n".join(line for line in html_to_lines(text) if line)
        found = series_from_text(plain)
        if found:
            return found
    return series_from_title(title)


def _links(draft: _Draft) -> tuple[tuple[str, str], ...]:
    links: dict[str, str] = {}
    for key, name in LINK_KEYS.items():
        url = _string(draft.matter.data.get(key))
        if url:
            links.setdefault(name, url)
    value = draft.matter.data.get("links")
    if isinstance(value, list):
        for item in value:
            if isinstance(item, Mapping):
                label = _string(item.get("name") or item.get("type") or item.get("icon"))
                url = _string(item.get("url"))
                if label and url:
                    links.setdefault(label.lower(), url)
    elif isinstance(value, Mapping):
        for name, url in value.items():
            if _string(url):
                links.setdefault(str(name), str(_string(url)))
    kept = []
    for name, url in links.items():
        if is_safe_url(url) or not re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I):
            kept.append((name, url))
        else:
            draft.warn(1, "url", f"link '{name}' has an unsafe address; left out")
    return tuple(kept)


def _tags(draft: _Draft) -> tuple[str, ...]:
    key, value = draft.value("tags")
    if isinstance(value, str):
        return tuple(t.strip() for t in value.split(",") if t.strip())
    if isinstance(value, list):
        return tuple(t for t in (_string(v) for v in value) if t)
    if key:
        draft.warn(draft.matter.line_of(key), "type", f"'{key}' should be a list of words")
    return ()


def _check_dates(draft: _Draft, talk: Talk, title_date: dt.date | None) -> None:
    day = _as_date(talk.start)
    if day is None:
        return
    line = next((s.content_line for s in draft.sections if s.role is Role.WHEN), 1)
    if title_date and title_date != day:
        draft.warn(
            draft.matter.line_of("title"),
            "title-date",
            f"the title says {title_date.isoformat()} but the talk is on {day.isoformat()}",
        )
    stem = PurePosixPath(draft.source.replace("\\", "/")).name
    match = _FILENAME_DATE.match(stem)
    if match:
        try:
            named = dt.date(*map(int, match.groups()))
        except ValueError:
            return
        if named != day:
            draft.warn(
                line,
                "filename-date",
                f"the file name says {named.isoformat()} but the talk is on {day.isoformat()}",
            )


def _check_content(draft: _Draft, talk: Talk) -> None:
    if not talk.speakers:
        draft.warn(1, "no-speaker", "no speaker: neither a speaker key nor a 'Speaker' section")
    if not talk.abstract.strip():
        draft.warn(1, "no-abstract", "no abstract")
