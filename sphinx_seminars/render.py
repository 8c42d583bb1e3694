"""Turn a Talk into docutils nodes: a section with speaker, when, where, abstract,
references, bio and details blocks, each with a stable CSS class."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from docutils import nodes

from .config import SeminarConfig
from .ids import reference_anchor, talk_anchor, talk_speaker_anchor
from .model import Talk
from .nodes import seminar_box, seminar_calendar_link, seminar_time
from .serialize import format_moment

#: Renders Markdown blocks ``(source, first line in the file, container)`` all at once.
MarkdownRenderer = Callable[[list[tuple[str, int, nodes.Element]]], None]
#: Makes the link to a local file a talk names (``slides: slides/x.pdf``) from its text and
#: target: a download of the file, or None (with a warning) when the file may not be used.
LocalLink = Callable[[str, str], nodes.Node | None]
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)

_CITATION = re.compile(r"\[(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\]")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def talk_section(
    talk: Talk, config: SeminarConfig, render_markdown: MarkdownRenderer, local_link: LocalLink
) -> nodes.section:
    """The whole talk as one section whose id is the talk's id.  ``render_markdown`` renders
    its Markdown, ``local_link`` links the local files it names."""
    section = nodes.section(ids=[talk_anchor(talk.id)], classes=["seminar-talk"])
    section += nodes.title(talk.title, talk.title)
    markdown: list[tuple[str, int, nodes.Element]] = []
    blocks = [
        speaker_block(talk),
        when_block(talk, config),
        venue_block(talk),
        series_block(talk),
        links_block(talk, local_link),
        markdown_block(talk.abstract, talk.abstract_line, "seminar-abstract", "Abstract", markdown),
        references_block(talk),
        markdown_block(talk.bio, talk.bio_line, "seminar-bio", "About the speaker", markdown),
        markdown_block(talk.details, talk.details_line, "seminar-details", "", markdown),
    ]
    if markdown:
        render_markdown(markdown)
    section.extend(block for block in blocks if block is not None)
    if talk.references:
        link_citations(section, talk)
    return section


def _labelled(
    css_class: str, label: str, kind: type[nodes.container] = nodes.container
) -> tuple[nodes.container, nodes.paragraph]:
    block = kind(classes=[css_class])
    paragraph = nodes.paragraph()
    paragraph += nodes.strong(f"{label}: ", f"{label}: ", classes=["seminar-label"])
    block += paragraph
    return block, paragraph


def speaker_block(talk: Talk) -> nodes.container | None:
    if not talk.speakers:
        return None
    block = nodes.container(classes=["seminar-speaker"])
    for number, speaker in enumerate(talk.speakers, start=1):
        lines = nodes.line_block(
            ids=[talk_speaker_anchor(talk.id, number)], classes=["seminar-speaker-entry"]
        )
        name = nodes.line()
        name += nodes.strong(
            speaker.display_name, speaker.display_name, classes=["seminar-speaker-name"]
        )
        lines += name
        for value, css in ((speaker.position, "position"), (speaker.affiliation, "affiliation")):
            if value:
                line = nodes.line()
                line += nodes.inline(value, value, classes=[f"seminar-speaker-{css}"])
                lines += line
        block += lines
    return block


def format_date(day: dt.date, config: SeminarConfig) -> str:
    return config.date_format.format(
        weekday=WEEKDAYS[day.weekday()], day=day.day, month=MONTHS[day.month - 1], year=day.year
    )


def format_time(moment: dt.datetime, config: SeminarConfig) -> str:
    return moment.strftime(config.time_format)


def _offset(moment: dt.datetime) -> str:
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def when_text(talk: Talk, config: SeminarConfig) -> str:
    """``Thursday 9 January 2025, 15:00–16:00 IST``; date-only talks show only the day."""
    start = talk.start
    if start is None:
        return ""
    if not isinstance(start, dt.datetime):
        text = format_date(start, config)
        if talk.end is not None and talk.end != start:
            text += f" – {format_date(_day(talk.end), config)}"
        return text
    text = f"{format_date(start.date(), config)}, {format_time(start, config)}"
    end = talk.end
    if isinstance(end, dt.datetime):
        if end.date() == start.date():
            text += f"–{format_time(end, config)}"
        else:
            text += f" – {format_date(end.date(), config)}, {format_time(end, config)}"
    zone = start.tzname() if start.tzinfo else None
    if zone and not zone.startswith(("+", "-", "UTC+", "UTC-")) and zone != "UTC":
        text += f" {zone}"
    return text


def zone_text(talk: Talk) -> str:
    """``(Asia/Kolkata, UTC+05:30)``: the talk's zone and offset on its own date."""
    if not isinstance(talk.start, dt.datetime):
        return ""
    parts = [p for p in (talk.timezone, _offset(talk.start)) if p]
    return f" ({', '.join(parts)})" if parts else ""


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def when_block(talk: Talk, config: SeminarConfig) -> nodes.container | None:
    if talk.start is None:
        return None
    block, paragraph = _labelled("seminar-when", "When", seminar_box)
    # the page script reads data-start and data-end to mark the talk upcoming, live or past
    block["data-start"] = format_moment(talk.start)
    if talk.end is not None:
        block["data-end"] = format_moment(talk.end)
    text = when_text(talk, config)
    moment = seminar_time(text, text, datetime=format_moment(talk.start), classes=["seminar-start"])
    paragraph += moment
    zone = zone_text(talk)
    if zone:
        paragraph += nodes.inline(zone, zone, classes=["seminar-timezone"])
    paragraph += seminar_calendar_link(anchor=talk_anchor(talk.id))
    return block


def venue_block(talk: Talk) -> nodes.container | None:
    if not talk.venue and not talk.online_url:
        return None
    block, paragraph = _labelled("seminar-venue", "Where")
    if talk.venue:
        paragraph += nodes.inline(talk.venue, talk.venue, classes=["seminar-venue-place"])
    if talk.online_url:
        if talk.venue:
            paragraph += nodes.Text(" — ")
        text = "join online" if talk.venue and talk.venue.lower() != "online" else "meeting link"
        paragraph += nodes.reference(text, text, refuri=talk.online_url, classes=["seminar-online"])
    return block


def series_block(talk: Talk) -> nodes.container | None:
    if not talk.series:
        return None
    block, paragraph = _labelled("seminar-series", "Series")
    paragraph += nodes.inline(talk.series, talk.series)
    return block


def links_block(talk: Talk, local_link: LocalLink) -> nodes.container | None:
    """Slides, video and other links; a local file only when ``local_link`` takes it."""
    links: list[nodes.Node] = []
    for name, url in talk.links:
        if _SCHEME.match(url) or url.startswith("#"):
            links.append(nodes.reference(name, name, refuri=url))
        elif (local := local_link(name, url)) is not None:
            links.append(local)
    if not links:
        return None
    block, paragraph = _labelled("seminar-links", "Links")
    for index, link in enumerate(links):
        if index:
            paragraph += nodes.Text(", ")
        paragraph += link
    return block


def markdown_block(
    markdown: str,
    line: int,
    css_class: str,
    label: str,
    pending: list[tuple[str, int, nodes.Element]],
) -> nodes.container | None:
    """A block for Markdown content; the content is rendered later, with the others."""
    if not markdown.strip():
        return None
    block = nodes.container(classes=[css_class])
    if label:
        block += nodes.rubric(label, label)
    pending.append((markdown, line, block))
    return block


def references_block(talk: Talk) -> nodes.container | None:
    if not talk.references:
        return None
    block = nodes.container(classes=["seminar-references"])
    block += nodes.rubric("References", "References")
    listing = nodes.enumerated_list(enumtype="arabic", prefix="[", suffix="]")
    for number, reference in enumerate(talk.references, start=1):
        item = nodes.list_item(ids=[reference_anchor(talk.id, number)])
        item += nodes.paragraph(reference, reference)
        listing += item
    block += listing
    return block


def link_citations(section: nodes.section, talk: Talk) -> None:
    """``[2]`` and ``[1-3]`` in the abstract become links to the references they name."""
    abstract = next(
        (n for n in section.findall(nodes.container) if "seminar-abstract" in n["classes"]), None
    )
    if abstract is None:
        return
    for text in list(abstract.findall(nodes.Text)):
        if isinstance(text.parent, (nodes.reference, nodes.literal, nodes.FixedTextElement)):
            continue
        pieces = _citation_pieces(str(text), len(talk.references))
        if len(pieces) == 1:
            continue
        replacement: list[nodes.Node] = []
        for piece, number in pieces:
            if number is None:
                replacement.append(nodes.Text(piece))
            else:
                link = nodes.reference(
                    piece, piece, refid=reference_anchor(talk.id, number), internal=True
                )
                link["classes"].append("seminar-citation")
                replacement.append(link)
        text.parent.replace(text, replacement)


def _citation_pieces(text: str, count: int) -> list[tuple[str, int | None]]:
    pieces: list[tuple[str, int | None]] = []
    position = 0
    for match in _CITATION.finditer(text):
        first = int(re.split(r"\D+", match.group(1))[0])
        if not 1 <= first <= count:
            continue
        pieces.append((text[position : match.start()], None))
        pieces.append((match.group(0), first))
        position = match.end()
    pieces.append((text[position:], None))
    return [piece for piece in pieces if piece[0]]
