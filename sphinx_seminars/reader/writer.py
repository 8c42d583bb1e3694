"""Write a Talk out as a talk file (flat YAML front matter, Markdown body) that the reader
reads back to the same talk: what ``sphinx-seminars new`` and ``import`` write."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping
from pathlib import PurePosixPath
from typing import Any, ClassVar

import yaml

from ..model import Image, Speaker, Talk
from .text import escape_markdown


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


class _Dumper(yaml.SafeDumper):
    """The safe dumper; text of several lines as a ``|`` block, as people write it."""

    yaml_representers: ClassVar[dict[Any, Callable[[Any, Any], yaml.Node]]] = {
        **yaml.SafeDumper.yaml_representers,
        str: _represent_text,
    }


def write_talk_file(
    talk: Talk, *, path: str | None = None, extra: Mapping[str, object] | None = None
) -> str:
    """The talk as the text of a talk file.

    Structured fields go into the front matter (the sessions of a multi-day event are not:
    the file gives its first start and last end).  Plain text (title, speakers, venue, series,
    tags), which the reader takes for HTML, is written with ``&``, ``<`` and ``>`` escaped.
    Times are written as the talk's own wall-clock time with its offset of that day
    (``2025-01-09 15:00:00+05:30``) next to the zone's name.  The abstract (its references
    after a "References:" line) and the bio are Markdown values; the details are the body.

    ``path`` is the file the text goes to: an id its name already gives is not written.
    ``extra`` holds front-matter keys the model has no field for (``status``, ``host``),
    written after the others; their values are written as given.
    """
    data: dict[str, object] = {"title": _html_text(talk.title)}
    if talk.kind:
        data["kind"] = talk.kind
    if talk.permalink:
        data["permalink"] = talk.permalink
    elif path is None or PurePosixPath(path.replace("\\", "/")).stem != talk.id:
        data["id"] = talk.id
    if talk.speakers:
        data["speakers"] = [_speaker(speaker) for speaker in talk.speakers]
    for role in dict.fromkeys(r.role for r in talk.roles):  # advisors: [...], hosts: [...]
        data[f"{role}s"] = [_speaker(r.person) for r in talk.roles if r.role == role]
    data |= _moments(talk)
    if talk.status:
        data["status"] = talk.status
    if isinstance(talk.rescheduled_to, str):
        data["rescheduled_to"] = talk.rescheduled_to
    elif talk.rescheduled_to is not None:
        data["rescheduled_to"] = _timestamp(talk.rescheduled_to)
    if talk.image is not None:
        data["image"] = _image(talk.image, talk.title)
    optional: dict[str, object] = {
        "venue": _html_text(talk.venue),
        "address": _address(talk),
        "online_url": talk.online_url,
        "series": _html_text(talk.series),
        "tags": [_html_text(tag) for tag in talk.tags] or None,
        "links": {_html_text(name): url for name, url in talk.links} or None,
        "abstract": _abstract(talk) or None,
        "bio": talk.bio or None,
    }
    data |= {key: value for key, value in optional.items() if value is not None}
    if talk.details and not talk.abstract and not talk.references:
        data["abstract"] = " "  # present but empty: the body is the details, not the abstract
    data |= {key: value for key, value in (extra or {}).items() if key not in data}
    front = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=2**16)
    return f"---\n{front}---\n{talk.details}\n" if talk.details else f"---\n{front}---\n"


def _html_text(text: str | None) -> str | None:
    """Plain text as the reader reads it back (it takes text values for HTML)."""
    return html.escape(text, quote=False) if text else None


def _speaker(speaker: Speaker) -> dict[str, object]:
    fields: dict[str, object] = {
        "name": _html_text(speaker.name),
        "honorific": _html_text(speaker.honorific),
        "position": _html_text(speaker.position),
        "affiliation": _html_text(speaker.affiliation),
        "id": speaker.id,
        "photo": _image(speaker.photo, speaker.display_name),
    }
    return {key: value for key, value in fields.items() if value}


def _address(talk: Talk) -> dict[str, str] | None:
    """The venue's postal address as HugoBlox writes it (``street``, ``city``, ...)."""
    if talk.address is None:
        return None
    address = talk.address
    parts = {
        "street": address.street,
        "city": address.city,
        "region": address.region,
        "postcode": address.postcode,
        "country": address.country,
    }
    return {key: text for key, value in parts.items() if (text := _html_text(value))}


def _image(image: Image | None, default_alt: str) -> object:
    """An image as its address, or ``{src, alt}`` when its alt text is not the default."""
    if image is None:
        return None
    return image.src if image.alt == default_alt else {"src": image.src, "alt": image.alt}


def _moments(talk: Talk) -> dict[str, object]:
    """``date``, ``end`` and ``timezone``: dates and times as YAML timestamps."""
    moments: dict[str, object] = {}
    if talk.start is not None:
        moments["date"] = _timestamp(talk.start)
    if talk.end is not None:
        moments["end"] = _timestamp(talk.end)
    if talk.timezone:
        moments["timezone"] = talk.timezone
    return moments


def _timestamp(moment: dt.datetime | dt.date) -> dt.datetime | dt.date:
    """A date, or a datetime YAML can write: the wall-clock time with the offset it has on
    that day (a fixed offset, so a time repeated when clocks go back stays the one meant)."""
    if not isinstance(moment, dt.datetime) or moment.tzinfo is None:
        return moment
    return moment.replace(tzinfo=dt.timezone(moment.utcoffset() or dt.timedelta(0)), fold=0)


def _abstract(talk: Talk) -> str:
    """The abstract, with its references after a "References:" line, numbered."""
    if not talk.references:
        return talk.abstract
    listed = "\n".join(
        f"{number}. {escape_markdown(reference)}"
        for number, reference in enumerate(talk.references, start=1)
    )
    return f"{talk.abstract}\n\nReferences:\n\n{listed}".lstrip("\n")
